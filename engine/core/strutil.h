/* Small string helpers used everywhere: owned copies and formatting. All return NULL on
 * out-of-memory; the caller frees. */
#ifndef ORL_STRUTIL_H
#define ORL_STRUTIL_H
#include <stdarg.h>
#include <stddef.h>

char *orl_strdup(const char *s);
char *orl_strndup(const char *s, size_t n);
char *orl_format(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
char *orl_vformat(const char *fmt, va_list ap);
/* Levenshtein distance, capped at `cap` (returns cap when larger): for did-you-mean. */
int orl_edit_distance(const char *a, const char *b, int cap);
/* Did-you-mean over a list of names: start with the word and the distance a name must be
 * under, try each name; best is the nearest (the first of equals), or NULL. */
typedef struct orl_nearest { const char *word, *best; int d; } orl_nearest;
void orl_nearest_init(orl_nearest *n, const char *word, int cap);
void orl_nearest_try(orl_nearest *n, const char *name);

/* A growable byte buffer. */
typedef struct orl_buf { char *data; size_t len, cap; int oom; } orl_buf;
void orl_buf_put(orl_buf *b, const void *p, size_t n);
void orl_buf_puts(orl_buf *b, const char *s);
void orl_buf_printf(orl_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void orl_buf_free(orl_buf *b);

#endif
