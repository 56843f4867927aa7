/* Diagnostics: every problem Orilla finds is a `file:line: error: what; how to mend it` line.
 * They are collected in a list so `orilla check` reports every problem, not the first. */
#ifndef ORL_DIAG_H
#define ORL_DIAG_H
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

typedef enum { ORL_NOTE = 0, ORL_WARNING = 1, ORL_ERROR = 2 } orl_severity;

typedef struct orl_diag {
    orl_severity sev;
    char *file;  /* owned; may be NULL (then the message is about the whole run) */
    int line;    /* 0 = unknown */
    int col;     /* 0 = unknown */
    char *code;  /* owned; short stable id for tools, e.g. "unknown-go" */
    char *msg;   /* owned */
} orl_diag;

typedef struct orl_diags {
    orl_diag *items;
    size_t n, cap;
    int errors, warnings;
    int oom; /* set when a diagnostic could not be stored */
    /* Optional: the words to use in another language than English. Given a diagnostic's code
     * and its English format, returns a format with the same conversions in the same order,
     * or NULL to keep the English (story/messages.h makes one; code "@severity" with "error",
     * "warning" or "note" names a severity). NULL = English. */
    const char *(*wording)(const char *code, const char *fmt);
    /* Past ORL_MAX_DIAGS_PER_CODE messages of one code, the rest are counted (in errors and
     * warnings too) but not kept: printing ends with "and N more like ..." per code. A story
     * made in a loop can otherwise ask for millions of lines. */
    struct orl_diag_kind *kinds;
    size_t nkinds;
} orl_diags;

typedef struct orl_diag_kind { char *code; long kept, more; orl_severity sev; } orl_diag_kind;

/* Adds one diagnostic; file may be NULL, line/col 0 when unknown. Never fails loudly:
 * on out-of-memory it sets d->oom and counts the error anyway. */
void orl_diag_add(orl_diags *d, orl_severity sev, const char *file, int line, int col,
                  const char *code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 7, 8)))
#endif
    ;
void orl_diag_vadd(orl_diags *d, orl_severity sev, const char *file, int line, int col,
                   const char *code, const char *fmt, va_list ap);
/* The format to use for (code, English fmt) in d's language: fmt itself when there is no
 * translation (for callers that format a message in two steps). */
const char *orl_diag_words(const orl_diags *d, const char *code, const char *fmt);
/* 0 when a message of this code would not be kept (ORL_MAX_DIAGS_PER_CODE already are): a
 * caller can skip costly words (a did-you-mean search) for it. */
int orl_diag_would_keep(const orl_diags *d, const char *code);
/* Sorts by file, line, then insertion order (stable), so output is reproducible. */
/* Adds every message of `from` to `to` (each through orl_diag_add: counted, capped per kind). */
void orl_diags_append(orl_diags *to, const orl_diags *from);

void orl_diags_sort(orl_diags *d);
/* `file:line:col: error: msg` per line. */
void orl_diags_print(const orl_diags *d, FILE *out);
/* One JSON array for editors. */
void orl_diags_print_json(const orl_diags *d, FILE *out);
/* Frees the diagnostics; the list is empty and keeps its wording. */
void orl_diags_free(orl_diags *d);
const char *orl_severity_name(orl_severity s);

#endif
