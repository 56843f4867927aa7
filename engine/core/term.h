/* The one sanitiser for everything Orilla prints, and the output layer that applies it.
 *
 * Text printed by Orilla comes partly from places it does not trust: a story (scene ids, a
 * `go` target, an error() message, print()), a bundle (file names, the manifest), a
 * translation, a kiosk config, a statistics database, a Twine file. Such text may hold
 * terminal escape sequences (colours, "hide the rest", a moved cursor, a changed window
 * title), bidi controls that reorder the rest of a line, or bytes that are not UTF-8.
 *
 * The rule (docs/architecture.md, "What reaches the terminal"): every byte written to
 * standard output or standard error goes through orl_clean, which keeps printable UTF-8,
 * newline and tab, and shows everything else visibly, spelt as Lua would write it in a
 * string, so an author can find it in the file:
 *
 *   C0 controls and DEL (ESC, CR, BEL, backspace, NUL...)   \x1b  \r  \x07 ...  (\x.. always)
 *   C1 controls U+0080..U+009F (CSI is U+009B)               \u{9b}
 *   bidi embeddings, overrides and isolates
 *     U+202A..U+202E, U+2066..U+2069                         \u{202e}
 *   a byte that is not part of valid UTF-8                   \xff
 *
 * Marks (U+200E LRM, U+200F RLM, U+061C ALM) are kept: they cannot reorder beyond their
 * neighbours. A backslash is printed as it is.
 *
 * orl_term_install() replaces stdout and stderr by streams that clean what is written to
 * them, so no call site can forget (printf, fputs, the diagnostics printer, library code).
 * Orilla's own terminal controls (a progress line's \r) and binary output on stdout
 * (`-o -` for a PNG) use orl_term_raw. */
#ifndef ORL_TERM_H
#define ORL_TERM_H
#include <stddef.h>
#include <stdio.h>

/* Flags for orl_clean. */
#define ORL_CLEAN_ONE_LINE 1 /* show newline as \n too (one call = one line) */

/* A cleaning state: holds the start of a UTF-8 sequence cut between two calls. */
typedef struct orl_clean_state {
    unsigned char carry[4];
    int ncarry;
    int flags;
} orl_clean_state;

typedef void (*orl_clean_emit)(const char *p, size_t n, void *ud);

/* Cleans n bytes of s, passing the result to emit in pieces. A UTF-8 sequence cut at the end
 * is kept in st for the next call; orl_clean_finish shows what is left of it as bytes. */
void orl_clean_feed(orl_clean_state *st, const char *s, size_t n, orl_clean_emit emit, void *ud);
void orl_clean_finish(orl_clean_state *st, orl_clean_emit emit, void *ud);

/* The cleaned form of s[0..n) as a new NUL-terminated string (caller frees); NULL on OOM. */
char *orl_clean_dup(const char *s, size_t n, int flags);
/* The cleaned form of the NUL-terminated s into out (outlen bytes, always terminated),
 * cut at a whole character (or escape) when it does not fit, with "..." then. Returns out. */
char *orl_clean_into(char *out, size_t outlen, const char *s, int flags);
/* 1 when s[0..n) needs no cleaning (orl_clean would print it unchanged, flags 0). */
int orl_clean_is_clean(const char *s, size_t n);

/* Puts the cleaning streams in place of stdout and stderr (once; later calls do nothing).
 * 0, or -1 when they could not be made (the plain streams then stay). */
int orl_term_install(void);
/* The stream under a cleaning stream (flushed first), for Orilla's own terminal controls
 * and binary output; f itself when it is not one. */
FILE *orl_term_raw(FILE *f);
/* fileno that also works for the cleaning streams. */
int orl_term_fileno(FILE *f);

#endif
