/* A small, strict WebVTT reader (audio/webvtt.h). It reads line by line with one line of
 * lookahead, never building a table of all lines, so memory is bounded by the file size
 * (itself capped) plus the cues. */
#include "audio/webvtt.h"
#include "core/limits.h"
#include "core/strutil.h"
#include "core/utf8.h"
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- input cleaning */

/* A copy of data where invalid UTF-8 and NUL bytes are U+FFFD. *bad_line: the line of the
 * first replacement (0 when none). NULL on OOM. */
static char *clean_utf8(const char *data, size_t len, size_t *outlen, int *bad_line)
{
    *bad_line = 0;
    if (len > ((size_t)-1 - 1) / 3) return NULL;
    char *o = malloc(len * 3 + 1);
    if (!o) return NULL;
    size_t j = 0;
    int line = 1;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)data[i];
        if (c == '\n' || (c == '\r' && !(i + 1 < len && data[i + 1] == '\n'))) line++;
        if (c >= 0x01 && c < 0x80) {
            o[j++] = (char)c;
            i++;
            continue;
        }
        size_t n = 1;
        uint32_t cp = c ? orl_utf8_decode(data + i, len - i, &n) : 0;
        if (cp == 0 || (cp == 0xFFFD && n == 1)) {
            if (!*bad_line) *bad_line = line;
            memcpy(o + j, "\xEF\xBF\xBD", 3);
            j += 3;
            i += 1;
        } else {
            memcpy(o + j, data + i, n);
            j += n;
            i += n;
        }
    }
    o[j] = 0;
    *outlen = j;
    return o;
}

/* ---------------------------------------------------------------- lines */

typedef struct vline {
    const char *s;
    size_t n;
    int no; /* 1-based line number */
} vline;

typedef struct reader {
    const char *p, *end;
    int no;
    int have_pending;
    vline pending;
} reader;

static int next_line(reader *r, vline *l)
{
    if (r->have_pending) {
        *l = r->pending;
        r->have_pending = 0;
        return 1;
    }
    if (r->p >= r->end) return 0;
    const char *s = r->p;
    while (r->p < r->end && *r->p != '\n' && *r->p != '\r') r->p++;
    l->s = s;
    l->n = (size_t)(r->p - s);
    l->no = ++r->no;
    if (r->p < r->end) {
        if (*r->p == '\r' && r->p + 1 < r->end && r->p[1] == '\n') r->p += 2;
        else r->p++;
    }
    return 1;
}

static void unread(reader *r, const vline *l)
{
    r->pending = *l;
    r->have_pending = 1;
}

static int is_blank(const vline *l) { return l->n == 0; }

static int has_arrow(const vline *l)
{
    for (size_t i = 0; i + 3 <= l->n; i++)
        if (l->s[i] == '-' && l->s[i + 1] == '-' && l->s[i + 2] == '>') return 1;
    return 0;
}

/* The line starts with word, followed by a space, a tab or its end. */
static int starts_word(const vline *l, const char *word)
{
    size_t n = strlen(word);
    return l->n >= n && memcmp(l->s, word, n) == 0 && (l->n == n || l->s[n] == ' ' || l->s[n] == '\t');
}

static void skip_block(reader *r)
{
    vline l;
    while (next_line(r, &l))
        if (is_blank(&l)) return;
}

/* ---------------------------------------------------------------- timestamps */

static int is_digit(char c) { return c >= '0' && c <= '9'; }

size_t orl_vtt_parse_time(const char *s, size_t len, double *sec)
{
    size_t i = 0;
    unsigned long long v1 = 0;
    size_t nd = 0;
    while (i < len && is_digit(s[i])) {
        if (nd < 12) v1 = v1 * 10 + (unsigned)(s[i] - '0');
        nd++;
        i++;
    }
    if (nd == 0 || nd > 12) return 0;
    int hours_form = nd != 2 || v1 > 59;
    if (i + 3 > len || s[i] != ':' || !is_digit(s[i + 1]) || !is_digit(s[i + 2])) return 0;
    unsigned v2 = (unsigned)((s[i + 1] - '0') * 10 + (s[i + 2] - '0'));
    i += 3;
    unsigned long long h = 0, m, sc;
    if (i < len && s[i] == ':') {
        if (i + 3 > len || !is_digit(s[i + 1]) || !is_digit(s[i + 2])) return 0;
        h = v1;
        m = v2;
        sc = (unsigned)((s[i + 1] - '0') * 10 + (s[i + 2] - '0'));
        i += 3;
    } else {
        if (hours_form) return 0; /* "1:00.000" or "75:00.000": minutes are two digits, 00-59 */
        m = v1;
        sc = v2;
    }
    if (i + 4 > len || s[i] != '.' || !is_digit(s[i + 1]) || !is_digit(s[i + 2]) || !is_digit(s[i + 3])) return 0;
    unsigned ms = (unsigned)((s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + (s[i + 3] - '0'));
    i += 4;
    if (i < len && is_digit(s[i])) return 0; /* four digits of milliseconds */
    if (m > 59 || sc > 59 || h > ORL_MAX_VTT_HOURS) return 0;
    *sec = (double)h * 3600.0 + (double)m * 60.0 + (double)sc + (double)ms / 1000.0;
    return i;
}

static int is_ws(char c) { return c == ' ' || c == '\t'; }

/* "START --> END [settings]". 0 ok, else -1 with *why set. */
static int parse_timing(const vline *l, double *start, double *end, const char **why)
{
    size_t i = 0, n = l->n;
    const char *s = l->s;
    while (i < n && is_ws(s[i])) i++;
    size_t k = orl_vtt_parse_time(s + i, n - i, start);
    if (!k) {
        *why = "the start time is not a time; write it as 00:01.000 (minutes:seconds.milliseconds) or 01:02:03.000";
        return -1;
    }
    i += k;
    while (i < n && is_ws(s[i])) i++;
    if (i + 3 > n || memcmp(s + i, "-->", 3) != 0) {
        *why = "the start time should be followed by -->, then the end time";
        return -1;
    }
    i += 3;
    while (i < n && is_ws(s[i])) i++;
    k = orl_vtt_parse_time(s + i, n - i, end);
    if (!k) {
        *why = "the end time is not a time; write it as 00:04.000 (minutes:seconds.milliseconds) or 01:02:03.000";
        return -1;
    }
    i += k;
    if (i < n && !is_ws(s[i])) {
        *why = "unexpected text right after the end time (cue settings come after a space)";
        return -1;
    }
    /* the rest are cue settings (position, align, line, size, region, vertical): ignored */
    return 0;
}

/* ---------------------------------------------------------------- cue text */

static size_t utf8_cut(const char *s, size_t n, size_t max)
{
    if (n <= max) return n;
    size_t k = max;
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80) k--;
    return k;
}

static const struct { const char *name; const char *text; } entities[] = {
    {"amp;", "&"}, {"lt;", "<"}, {"gt;", ">"}, {"quot;", "\""}, {"apos;", "'"},
    {"nbsp;", "\xC2\xA0"}, {"lrm;", "\xE2\x80\x8E"}, {"rlm;", "\xE2\x80\x8F"},
};

/* Removes tags, decodes entities; writes at most cap bytes (cut at a character). The first
 * <v Name> name goes to *voice (owned) when voice is not NULL and *voice is NULL. */
static char *cue_plain(const char *raw, size_t n, size_t cap, char **voice, int *cut)
{
    char *o = malloc(n + 1);
    if (!o) return NULL;
    size_t j = 0;
    for (size_t i = 0; i < n;) {
        char c = raw[i];
        if (c == '<') {
            size_t e = i + 1;
            while (e < n && raw[e] != '>') e++;
            /* <v Name> or <v.class Name>: keep the name */
            if (voice && !*voice && e > i + 2 && raw[i + 1] == 'v' && (is_ws(raw[i + 2]) || raw[i + 2] == '.')) {
                size_t a = i + 2;
                while (a < e && !is_ws(raw[a])) a++; /* classes */
                while (a < e && is_ws(raw[a])) a++;
                size_t b = e;
                while (b > a && is_ws(raw[b - 1])) b--;
                if (b > a) *voice = orl_strndup(raw + a, utf8_cut(raw + a, b - a, ORL_MAX_ID));
            }
            i = e < n ? e + 1 : n; /* a tag never closed runs to the end */
            continue;
        }
        if (c == '&') {
            int done = 0;
            for (size_t k = 0; k < sizeof entities / sizeof *entities; k++) {
                size_t el = strlen(entities[k].name);
                if (i + 1 + el <= n && memcmp(raw + i + 1, entities[k].name, el) == 0) {
                    size_t tl = strlen(entities[k].text);
                    memcpy(o + j, entities[k].text, tl); /* never longer than "&name;" */
                    j += tl;
                    i += 1 + el;
                    done = 1;
                    break;
                }
            }
            if (done) continue;
        }
        o[j++] = c;
        i++;
    }
    size_t k = utf8_cut(o, j, cap);
    if (k < j) *cut = 1;
    o[k] = 0;
    return o;
}

/* ---------------------------------------------------------------- the parser */

typedef struct parser {
    orl_vtt *v;
    const char *file;
    orl_diags *d;
    int errors;
    int cap;
    int full;     /* ORL_MAX_VTT_CUES or ORL_MAX_VTT_PROBLEMS reached: stop */
    int problems; /* diagnostics so far */
} parser;

static void pdiag(parser *P, orl_severity sev, int line, const char *fmt, const char *arg)
{
    if (sev == ORL_ERROR) P->errors++;
    if (++P->problems > ORL_MAX_VTT_PROBLEMS) {
        if (!P->full && P->d)
            orl_diag_add(P->d, ORL_ERROR, P->file, line, 0, "captions",
                         "more than %d problems: the rest of the file is not read (is it a captions file?)",
                         ORL_MAX_VTT_PROBLEMS);
        P->errors++;
        P->full = 1; /* stop */
        return;
    }
    if (P->d) orl_diag_add(P->d, sev, P->file, line, 0, "captions", fmt, arg);
}

static void perr(parser *P, int line, const char *fmt, const char *arg) { pdiag(P, ORL_ERROR, line, fmt, arg); }
static void pwarn(parser *P, int line, const char *fmt, const char *arg) { pdiag(P, ORL_WARNING, line, fmt, arg); }

static int add_cue(parser *P, orl_vtt_cue *c)
{
    orl_vtt *v = P->v;
    if (v->n >= ORL_MAX_VTT_CUES) {
        if (!P->full) {
            P->errors++;
            if (P->d)
                orl_diag_add(P->d, ORL_ERROR, P->file, c->line, 0, "captions",
                             "more than %d cues: the rest of the file is ignored (is this a captions file for one "
                             "testimony?)", ORL_MAX_VTT_CUES);
        }
        P->full = 1;
        return -1;
    }
    if (v->n == P->cap) {
        int nc = P->cap ? P->cap * 2 : 16;
        if (nc > ORL_MAX_VTT_CUES) nc = ORL_MAX_VTT_CUES;
        orl_vtt_cue *nn = realloc(v->cues, (size_t)nc * sizeof *nn);
        if (!nn) return -1;
        v->cues = nn;
        P->cap = nc;
    }
    v->cues[v->n++] = *c;
    return 0;
}

static int cue_cmp(const void *a, const void *b)
{
    const orl_vtt_cue *x = a, *y = b;
    if (x->start < y->start) return -1;
    if (x->start > y->start) return 1;
    return (x->line > y->line) - (x->line < y->line); /* file order: a stable sort */
}

static void parse_cue(parser *P, reader *r, const vline *idl, const vline *tl)
{
    double start = 0, end = 0;
    const char *why = NULL;
    if (parse_timing(tl, &start, &end, &why) != 0) {
        perr(P, tl->no, "%s", why);
        skip_block(r);
        return;
    }
    orl_buf raw = {0};
    size_t rawcap = (size_t)ORL_MAX_VTT_CUE_BYTES * 4;
    int cut = 0, nlines = 0;
    vline l;
    while (next_line(r, &l) && !is_blank(&l)) {
        if (has_arrow(&l)) {
            pwarn(P, l.no, "%s", "a timing line inside a cue's text: put a blank line between two cues");
            unread(r, &l);
            break;
        }
        if (raw.len < rawcap) {
            if (nlines) orl_buf_put(&raw, "\n", 1);
            size_t room = rawcap - raw.len;
            size_t k = l.n <= room ? l.n : utf8_cut(l.s, l.n, room);
            if (k < l.n) cut = 1;
            orl_buf_put(&raw, l.s, k);
        } else {
            cut = 1;
        }
        nlines++;
    }
    if (end <= start) {
        perr(P, tl->no, "%s", "the end time is not after the start time; this cue would never be shown");
        orl_buf_free(&raw);
        return;
    }
    if (raw.oom || P->full) {
        orl_buf_free(&raw);
        return;
    }
    orl_vtt_cue c;
    memset(&c, 0, sizeof c);
    c.start = start;
    c.end = end;
    c.line = tl->no;
    c.text = cue_plain(raw.data ? raw.data : "", raw.len, ORL_MAX_VTT_CUE_BYTES, &c.voice, &cut);
    orl_buf_free(&raw);
    if (idl) {
        size_t a = 0, b = idl->n;
        while (a < b && is_ws(idl->s[a])) a++;
        while (b > a && is_ws(idl->s[b - 1])) b--;
        c.id = orl_strndup(idl->s + a, utf8_cut(idl->s + a, b - a, ORL_MAX_VTT_CUE_BYTES));
    }
    if (cut) pwarn(P, tl->no, "%s", "this cue's text is too long for a caption; it is cut (split it into shorter cues)");
    if (!c.text || (idl && !c.id) || add_cue(P, &c) != 0) {
        free(c.text);
        free(c.id);
        free(c.voice);
    }
}

int orl_vtt_parse(orl_vtt *out, const char *data, size_t len, const char *file, orl_diags *d)
{
    memset(out, 0, sizeof *out);
    parser P = {out, file ? file : "captions", d, 0, 0, 0, 0};
    if (len > ORL_MAX_CAPTIONS_BYTES) {
        if (d)
            orl_diag_add(d, ORL_ERROR, P.file, 0, 0, "captions",
                         "the captions file is %zu bytes; captions are at most %u bytes (is it the right file?)", len,
                         (unsigned)ORL_MAX_CAPTIONS_BYTES);
        return -1;
    }
    size_t clen = 0;
    int bad_line = 0;
    char *text = clean_utf8(data ? data : "", data ? len : 0, &clen, &bad_line);
    if (!text) {
        if (d) orl_diag_add(d, ORL_ERROR, P.file, 0, 0, "out-of-memory", "out of memory reading captions");
        return -1;
    }
    if (bad_line)
        pwarn(&P, bad_line, "%s", "bytes that are not UTF-8 text are shown as \xEF\xBF\xBD; save the file as UTF-8");
    reader r = {text, text + clen, 0, 0, {0}};
    if (clen >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) r.p += 3;
    vline l;
    if (!next_line(&r, &l) || l.n < 6 || memcmp(l.s, "WEBVTT", 6) != 0 || (l.n > 6 && !is_ws(l.s[6]))) {
        perr(&P, 1, "%s", "a WebVTT captions file starts with the line WEBVTT; is this a .vtt file? "
                          "(an .srt file can be converted: add WEBVTT and write times as 00:01.000)");
        free(text);
        return -1;
    }
    /* header lines up to the first blank line (a timing line there starts the first cue) */
    while (next_line(&r, &l) && !is_blank(&l)) {
        if (has_arrow(&l)) {
            unread(&r, &l);
            break;
        }
    }
    while (!P.full && next_line(&r, &l)) {
        if (is_blank(&l)) continue;
        if (has_arrow(&l)) {
            parse_cue(&P, &r, NULL, &l);
            continue;
        }
        if (starts_word(&l, "NOTE") || starts_word(&l, "STYLE") || starts_word(&l, "REGION")) {
            skip_block(&r);
            continue;
        }
        vline t;
        if (!next_line(&r, &t) || is_blank(&t)) {
            perr(&P, l.no, "%s", "this line is not part of a cue: a cue is an optional name line, a timing line "
                                 "like 00:01.000 --> 00:04.000, then its text");
            continue;
        }
        if (!has_arrow(&t)) {
            perr(&P, l.no, "%s", "this block is not a cue: a cue starts with a timing line like "
                                 "00:01.000 --> 00:04.000 (after an optional name line)");
            skip_block(&r);
            continue;
        }
        parse_cue(&P, &r, &l, &t);
    }
    free(text);
    for (int i = 1; i < out->n; i++)
        if (out->cues[i].start < out->cues[i - 1].start) {
            pwarn(&P, out->cues[i].line, "%s", "cues should be in the order of their start times; this one starts "
                                                "before the cue above it (Orilla sorts them)");
            qsort(out->cues, (size_t)out->n, sizeof *out->cues, cue_cmp);
            break;
        }
    return P.errors ? -1 : 0;
}

int orl_vtt_load(orl_vtt *out, orl_fs *fs, const char *name, orl_diags *d)
{
    memset(out, 0, sizeof *out);
    char *data = NULL;
    size_t len = 0;
    int rc = orl_fs_read(fs, name, ORL_MAX_CAPTIONS_BYTES, &data, &len);
    if (rc != ORL_FS_OK) {
        if (d) {
            if (rc == ORL_FS_TOOBIG)
                orl_diag_add(d, ORL_ERROR, name, 0, 0, "captions",
                             "the captions file is larger than %u bytes; captions are short text (is it the right file?)",
                             (unsigned)ORL_MAX_CAPTIONS_BYTES);
            else
                orl_diag_add(d, ORL_ERROR, name, 0, 0, "captions", "cannot read the captions: %s", orl_fs_strerror(rc));
        }
        free(data);
        return -1;
    }
    rc = orl_vtt_parse(out, data, len, name, d);
    free(data);
    return rc;
}

void orl_vtt_free(orl_vtt *v)
{
    if (!v) return;
    for (int i = 0; i < v->n; i++) {
        free(v->cues[i].id);
        free(v->cues[i].voice);
        free(v->cues[i].text);
    }
    free(v->cues);
    memset(v, 0, sizeof *v);
}

int orl_vtt_cue_at(const orl_vtt *v, double t)
{
    for (int i = 0; v && i < v->n && v->cues[i].start <= t; i++)
        if (t < v->cues[i].end) return i;
    return -1;
}

int orl_vtt_text_at(const orl_vtt *v, double t, char *buf, size_t size)
{
    if (!buf || size == 0) return 0;
    buf[0] = 0;
    size_t j = 0;
    int count = 0;
    for (int i = 0; v && i < v->n && v->cues[i].start <= t; i++) {
        if (!(t < v->cues[i].end)) continue;
        const char *s = v->cues[i].text;
        size_t n = strlen(s);
        if (count && j + 1 < size) buf[j++] = '\n';
        size_t k = utf8_cut(s, n, size - 1 - j);
        memcpy(buf + j, s, k);
        j += k;
        buf[j] = 0;
        count++;
    }
    return count;
}
