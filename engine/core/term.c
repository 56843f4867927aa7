#define _GNU_SOURCE /* fopencookie */
#include "core/term.h"
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---------------------------------------------------------------- the sanitiser */

typedef struct outbuf {
    char b[512];
    size_t n;
    orl_clean_emit emit;
    void *ud;
} outbuf;

static void ob_flush(outbuf *o)
{
    if (o->n) o->emit(o->b, o->n, o->ud);
    o->n = 0;
}

static void ob_put(outbuf *o, const void *p, size_t n)
{
    if (o->n + n > sizeof o->b) ob_flush(o);
    if (n > sizeof o->b) {
        o->emit(p, n, o->ud);
        return;
    }
    memcpy(o->b + o->n, p, n);
    o->n += n;
}

static void ob_hexbyte(outbuf *o, unsigned char c)
{
    static const char hex[] = "0123456789abcdef";
    char e[4] = {'\\', 'x', hex[c >> 4], hex[c & 15]};
    ob_put(o, e, 4);
}

static void ob_codepoint(outbuf *o, uint32_t cp)
{
    char e[16];
    int k = snprintf(e, sizeof e, "\\u{%x}", (unsigned)cp);
    ob_put(o, e, (size_t)k);
}

/* 1: a valid sequence of *used bytes (code point in *cp); 0: invalid, skip 1 byte;
 * -1: a valid beginning cut short (avail bytes are not enough). */
static int utf8_step(const unsigned char *p, size_t avail, size_t *used, uint32_t *cp)
{
    unsigned char c = p[0];
    size_t need;
    uint32_t v;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c < 0x80) { *used = 1; *cp = c; return 1; }
    if (c >= 0xC2 && c <= 0xDF) { need = 2; v = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) {
        need = 3; v = c & 0x0F;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F; /* no surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4; v = c & 0x07;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else { *used = 1; return 0; }
    for (size_t i = 1; i < need; i++) {
        if (i >= avail) return -1;
        unsigned char d = p[i];
        if (i == 1 ? (d < lo || d > hi) : (d < 0x80 || d > 0xBF)) { *used = 1; return 0; }
        v = (v << 6) | (d & 0x3F);
    }
    *used = need;
    *cp = v;
    return 1;
}

static int shown_as_escape(uint32_t cp)
{
    return (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* Cleans p[0..n); returns how many bytes at the end were left (a cut sequence), when
 * `final` is 0; with final 1 everything is consumed. */
static size_t clean_run(const unsigned char *p, size_t n, int flags, int final, outbuf *o)
{
    size_t i = 0, plain = 0; /* p[plain..i) is printable and not yet put */
    while (i < n) {
        unsigned char c = p[i];
        if (c >= 0x20 && c < 0x7F) { i++; continue; }
        if (c == '\t' || (c == '\n' && !(flags & ORL_CLEAN_ONE_LINE))) { i++; continue; }
        if (c == '\r' && !(flags & ORL_CLEAN_ONE_LINE)) { /* CR LF is a line end (CSV's); a lone CR is not */
            if (i + 1 < n && p[i + 1] == '\n') { i += 2; continue; }
            if (i + 1 == n && !final) {
                ob_put(o, p + plain, i - plain);
                return 1;
            }
        }
        if (c < 0x80) {
            ob_put(o, p + plain, i - plain);
            if (c == '\n') ob_put(o, "\\n", 2);
            else if (c == '\r') ob_put(o, "\\r", 2);
            else ob_hexbyte(o, c);
            plain = ++i;
            continue;
        }
        size_t used = 1;
        uint32_t cp = 0;
        int r = utf8_step(p + i, n - i, &used, &cp);
        if (r < 0 && !final) {
            ob_put(o, p + plain, i - plain);
            return n - i;
        }
        if (r == 1 && !shown_as_escape(cp)) { i += used; continue; }
        ob_put(o, p + plain, i - plain);
        if (r == 1) ob_codepoint(o, cp);
        else ob_hexbyte(o, c), used = 1;
        i += used;
        plain = i;
    }
    ob_put(o, p + plain, n - plain);
    return 0;
}

void orl_clean_feed(orl_clean_state *st, const char *s, size_t n, orl_clean_emit emit, void *ud)
{
    outbuf o = {.n = 0, .emit = emit, .ud = ud};
    const unsigned char *p = (const unsigned char *)s;
    if (st->ncarry == 1 && st->carry[0] == '\r') { /* a CR cut from what follows it */
        if (n == 0) return;
        st->ncarry = 0;
        if (p[0] == '\n') {
            emit("\r\n", 2, ud);
            p++;
            n--;
            s++;
        } else {
            emit("\\r", 2, ud);
        }
    }
    if (st->ncarry) {
        /* complete the cut sequence with the first new bytes (at most 3) */
        unsigned char tmp[8];
        size_t k = (size_t)st->ncarry, take = n < 4 ? n : 4;
        memcpy(tmp, st->carry, k);
        memcpy(tmp + k, p, take);
        size_t used = 1;
        uint32_t cp;
        int r = utf8_step(tmp, k + take, &used, &cp);
        if (r < 0) { /* still cut: everything new belongs to it */
            memcpy(st->carry + k, p, n);
            st->ncarry += (int)n;
            return;
        }
        st->ncarry = 0;
        /* clean exactly the first sequence (or the one bad byte), then go on after it */
        clean_run(tmp, used, st->flags, 1, &o);
        if (used >= k) {
            p += used - k;
            n -= used - k;
        } else { /* the bad first byte alone: the rest of the carry is cleaned again */
            unsigned char rest[4];
            size_t nr = k - used;
            memcpy(rest, st->carry + used, nr);
            ob_flush(&o);
            orl_clean_state sub = {.flags = st->flags};
            memcpy(sub.carry, rest, nr);
            sub.ncarry = (int)nr;
            orl_clean_feed(&sub, s, n, emit, ud);
            *st = sub;
            return;
        }
    }
    size_t left = clean_run(p, n, st->flags, 0, &o);
    ob_flush(&o);
    if (left) {
        memcpy(st->carry, p + n - left, left);
        st->ncarry = (int)left;
    }
}

void orl_clean_finish(orl_clean_state *st, orl_clean_emit emit, void *ud)
{
    if (!st->ncarry) return;
    outbuf o = {.n = 0, .emit = emit, .ud = ud};
    clean_run(st->carry, (size_t)st->ncarry, st->flags, 1, &o);
    ob_flush(&o);
    st->ncarry = 0;
}

typedef struct grow { char *p; size_t n, cap; int oom; } grow;

static void grow_emit(const char *p, size_t n, void *ud)
{
    grow *g = ud;
    if (g->oom) return;
    if (g->n + n + 1 > g->cap) {
        size_t nc = (g->cap ? g->cap : 64);
        while (nc < g->n + n + 1) nc *= 2;
        char *q = realloc(g->p, nc);
        if (!q) { g->oom = 1; return; }
        g->p = q;
        g->cap = nc;
    }
    memcpy(g->p + g->n, p, n);
    g->n += n;
    g->p[g->n] = 0;
}

char *orl_clean_dup(const char *s, size_t n, int flags)
{
    grow g = {0};
    orl_clean_state st = {.flags = flags};
    grow_emit("", 0, &g);
    orl_clean_feed(&st, s, n, grow_emit, &g);
    orl_clean_finish(&st, grow_emit, &g);
    if (g.oom) { free(g.p); return NULL; }
    return g.p;
}

typedef struct fixed { char *p; size_t n, cap; int full; } fixed;

static void fixed_emit(const char *p, size_t n, void *ud)
{
    fixed *f = ud;
    if (f->full) return;
    /* pieces are whole characters or whole escapes except plain runs: cut those at a
     * character boundary */
    if (f->n + n + 4 > f->cap) {
        size_t room = f->cap > f->n + 4 ? f->cap - f->n - 4 : 0;
        if (n > 1 && p[0] != '\\') {
            size_t k = room < n ? room : n;
            while (k > 0 && ((unsigned char)p[k] & 0xC0) == 0x80) k--;
            memcpy(f->p + f->n, p, k);
            f->n += k;
        }
        memcpy(f->p + f->n, "...", 3);
        f->n += 3;
        f->full = 1;
        return;
    }
    memcpy(f->p + f->n, p, n);
    f->n += n;
}

char *orl_clean_into(char *out, size_t outlen, const char *s, int flags)
{
    if (!out || outlen == 0) return out;
    out[0] = 0;
    if (outlen < 8 || !s) return out;
    fixed f = {out, 0, outlen - 1, 0};
    orl_clean_state st = {.flags = flags};
    orl_clean_feed(&st, s, strlen(s), fixed_emit, &f);
    orl_clean_finish(&st, fixed_emit, &f);
    out[f.n] = 0;
    return out;
}

int orl_clean_is_clean(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        unsigned char c = p[i];
        if ((c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n') { i++; continue; }
        if (c < 0x80) return 0;
        size_t used;
        uint32_t cp;
        if (utf8_step(p + i, n - i, &used, &cp) != 1 || shown_as_escape(cp)) return 0;
        i += used;
    }
    return 1;
}

/* ---------------------------------------------------------------- the cleaning streams */

typedef struct term_stream {
    int fd;
    FILE *raw;
    FILE *clean;
    orl_clean_state st;
    int failed;
} term_stream;

static term_stream streams[2];
static int installed;

static void fd_emit(const char *p, size_t n, void *ud)
{
    term_stream *t = ud;
    while (n > 0 && !t->failed) {
        ssize_t w = write(t->fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            t->failed = 1;
            return;
        }
        p += w;
        n -= (size_t)w;
    }
}

static ssize_t term_write(void *cookie, const char *buf, size_t size)
{
    term_stream *t = cookie;
    t->failed = 0;
    orl_clean_feed(&t->st, buf, size, fd_emit, t);
    if (t->failed) {
        errno = errno ? errno : EIO;
        return -1;
    }
    return (ssize_t)size;
}

static int term_close(void *cookie)
{
    term_stream *t = cookie;
    orl_clean_finish(&t->st, fd_emit, t);
    return 0;
}

int orl_term_install(void)
{
    if (installed) return 0;
    cookie_io_functions_t io = {.read = NULL, .write = term_write, .seek = NULL, .close = term_close};
    FILE *orig[2] = {stdout, stderr};
    FILE *made[2] = {NULL, NULL};
    for (int i = 0; i < 2; i++) {
        fflush(orig[i]);
        streams[i].fd = fileno(orig[i]);
        streams[i].raw = orig[i];
        made[i] = fopencookie(&streams[i], "w", io);
        if (!made[i]) {
            if (i) fclose(made[0]);
            return -1;
        }
        streams[i].clean = made[i];
    }
    /* stdout buffered as a terminal or a file would be; stderr as it was (unbuffered). The
     * streams under them unbuffered: the cleaning stream is the one buffer. */
    setvbuf(made[0], NULL, isatty(streams[0].fd) ? _IOLBF : _IOFBF, 0);
    setvbuf(made[1], NULL, _IONBF, 0);
    setvbuf(orig[0], NULL, _IONBF, 0);
    setvbuf(orig[1], NULL, _IONBF, 0);
    stdout = made[0];
    stderr = made[1];
    installed = 1;
    return 0;
}

FILE *orl_term_raw(FILE *f)
{
    for (int i = 0; installed && i < 2; i++) {
        if (f == streams[i].clean) {
            fflush(f);
            return streams[i].raw;
        }
    }
    return f;
}

int orl_term_fileno(FILE *f)
{
    for (int i = 0; installed && i < 2; i++)
        if (f == streams[i].clean) return streams[i].fd;
    return fileno(f);
}
