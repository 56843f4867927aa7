/* WebVTT captions for testimony audio: Orilla's own small parser (no SDL, no Lua), so
 * `orilla check` can report every problem in a captions file as file:line, and the players
 * can show the words of a testimony to people who cannot hear it.
 *
 * What it reads (the parts of https://www.w3.org/TR/webvtt1/ a caption file for a testimony
 * uses):
 *   - the "WEBVTT" first line (after an optional UTF-8 byte order mark), then header lines
 *     up to the first blank line;
 *   - cues: an optional identifier line, a timing line "START --> END [settings]", then one
 *     or more lines of text, ended by a blank line or the end of the file;
 *     timestamps are hh:mm:ss.ttt (hours: one or more digits) or mm:ss.ttt;
 *     cue settings (position, align, line...) are accepted and ignored;
 *   - NOTE, STYLE and REGION blocks are skipped;
 *   - in the text, tags are removed (<i>, <b>, <u>, <c.class>, <lang xx>, <ruby>, <rt>,
 *     timestamps <00:01.000>), <v Name> is removed but its name kept in the cue's `voice`,
 *     and the entities &amp; &lt; &gt; &quot; &apos; &nbsp; &lrm; &rlm; are decoded.
 * Line ends may be LF, CRLF or CR. Invalid UTF-8 (and NUL bytes) become U+FFFD.
 *
 * Bad input never crashes: a file past ORL_MAX_CAPTIONS_BYTES is refused; a cue that cannot
 * be read is reported (file:line: error: ...) and skipped, and the rest still parse; past
 * ORL_MAX_VTT_CUES cues the rest are ignored (one error); a cue's text is cut at
 * ORL_MAX_VTT_CUE_BYTES (at a character boundary, with a warning). Limits: core/limits.h. */
#ifndef ORL_WEBVTT_H
#define ORL_WEBVTT_H
#include <stddef.h>
#include "bundle/fs.h"
#include "core/diag.h"

typedef struct orl_vtt_cue {
    double start, end; /* seconds; end > start */
    char *id;          /* the identifier line, or NULL */
    char *voice;       /* the name of the first <v Name> tag, or NULL */
    char *text;        /* plain text, tags removed, lines joined with '\n'; never NULL */
    int line;          /* line of the timing line in the file (for messages) */
} orl_vtt_cue;

typedef struct orl_vtt {
    orl_vtt_cue *cues; /* sorted by start (stable: equal starts keep file order) */
    int n;
} orl_vtt;

/* Parses a whole file held in memory (data need not be NUL-terminated). `file` names it in
 * diagnostics. Every problem is added to d (may be NULL). *out owns what it holds: free it
 * with orl_vtt_free, also after a failure.
 * Returns 0 when the file is good WebVTT (warnings aside), -1 when there were errors (the
 * cues that could be read are still in *out, usable). */
int orl_vtt_parse(orl_vtt *out, const char *data, size_t len, const char *file, orl_diags *d);
/* Reads story file `name` through fs (capped at ORL_MAX_CAPTIONS_BYTES) and parses it.
 * A missing or unreadable file is one error diagnostic and -1. */
int orl_vtt_load(orl_vtt *out, orl_fs *fs, const char *name, orl_diags *d);
void orl_vtt_free(orl_vtt *v);

/* The cue shown at time t (seconds): the index of the first cue with start <= t < end, or -1
 * when no caption is on screen then. */
int orl_vtt_cue_at(const orl_vtt *v, double t);
/* The caption at time t: the texts of every cue active at t (in start order) joined with
 * '\n', written into buf (size bytes, always NUL-terminated, cut at a character when too
 * long). Returns how many cues were active (0: buf is ""). */
int orl_vtt_text_at(const orl_vtt *v, double t, char *buf, size_t size);

/* Parses one timestamp "hh:mm:ss.ttt" or "mm:ss.ttt" at s; on success stores seconds in
 * *sec and returns the number of bytes read, else 0. */
size_t orl_vtt_parse_time(const char *s, size_t len, double *sec);

#endif
