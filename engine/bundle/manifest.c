/* The bundle manifest: a Lua table people can read, written and parsed here without Lua.
 *
 * Why a parser of our own and not the sandbox: the manifest is what makes a bundle
 * trustworthy, so reading it must not depend on the code it is checking. A strict parser of
 * the one shape orl_manifest_write makes is ~250 lines, needs no Lua state, cannot loop or
 * allocate without bound, and rejects anything else (a function, a second table, a comment
 * in the wrong place) instead of running it. The grammar:
 *
 *   manifest := comment* 'return' table EOF
 *   table    := '{' [ field { ',' field } [','] ] '}'
 *   field    := NAME '=' value | '[' STRING ']' '=' value
 *   value    := STRING | INTEGER | table
 *   STRING   := '"' { char | '\\' ( '"' | '\\' | 'n' | 'r' | 't' | digit{1,3} ) } '"'
 *
 * with the keys of each table fixed (format, id, version, title, made, files; per file size, sha256),
 * and `--` comments only on whole lines. */
#include "bundle/bundle.h"
#include "core/limits.h"
#include "core/strutil.h"
#include "core/utf8.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- writing */

static void put_string(orl_buf *b, const char *s)
{
    size_t len = strlen(s);
    int valid = orl_utf8_invalid_at(s, len) == (size_t)-1;
    orl_buf_put(b, "\"", 1);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"') orl_buf_puts(b, "\\\"");
        else if (c == '\\') orl_buf_puts(b, "\\\\");
        else if (c == '\n') orl_buf_puts(b, "\\n");
        else if (c < 0x20 || c == 0x7f || (c >= 0x80 && !valid)) orl_buf_printf(b, "\\%03u", c);
        else orl_buf_put(b, &s[i], 1);
    }
    orl_buf_put(b, "\"", 1);
}

static int cmp_file(const void *a, const void *b)
{
    return strcmp(((const orl_manifest_file *)a)->name, ((const orl_manifest_file *)b)->name);
}

char *orl_manifest_write(orl_manifest *m, size_t *len)
{
    orl_buf b = {0};
    if (m->nfiles > 1) qsort(m->files, m->nfiles, sizeof *m->files, cmp_file);
    orl_buf_puts(&b, "-- Orilla bundle manifest, written by 'orilla pack': the size and SHA-256 of every file.\n"
                     "-- 'orilla verify' checks the bundle against it; Orilla reads it as data, never runs it.\n");
    orl_buf_printf(&b, "return {\n  format = %d,\n", m->format ? m->format : ORL_MANIFEST_FORMAT);
    const char *keys[4] = {"id", "version", "title", "made"};
    const char *vals[4] = {m->id, m->version, m->title, m->made};
    for (int i = 0; i < 4; i++) {
        if (!vals[i]) continue;
        orl_buf_printf(&b, "  %s = ", keys[i]);
        put_string(&b, vals[i]);
        orl_buf_puts(&b, ",\n");
    }
    orl_buf_puts(&b, "  files = {\n");
    for (size_t i = 0; i < m->nfiles; i++) {
        char hex[65];
        orl_hex(m->files[i].sha256, 32, hex);
        orl_buf_puts(&b, "    [");
        put_string(&b, m->files[i].name);
        orl_buf_printf(&b, "] = { size = %llu, sha256 = \"%s\" },\n", m->files[i].size, hex);
    }
    orl_buf_puts(&b, "  },\n}\n");
    if (b.oom || !b.data) {
        orl_buf_free(&b);
        return NULL;
    }
    if (len) *len = b.len;
    return b.data; /* orl_buf keeps a NUL after the data */
}

void orl_manifest_free(orl_manifest *m)
{
    if (!m) return;
    for (size_t i = 0; i < m->nfiles; i++) free(m->files[i].name);
    free(m->files);
    free(m->id);
    free(m->version);
    free(m->title);
    free(m->made);
    memset(m, 0, sizeof *m);
}

const orl_manifest_file *orl_manifest_find(const orl_manifest *m, const char *name)
{
    size_t lo = 0, hi = m->nfiles;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(m->files[mid].name, name);
        if (c == 0) return &m->files[mid];
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

/* ---------------------------------------------------------------- parsing */

enum { T_EOF, T_NAME, T_STRING, T_INT, T_LBRACE, T_RBRACE, T_LBRACKET, T_RBRACKET, T_EQ, T_COMMA, T_BAD };

typedef struct parser {
    const char *s, *end, *p;
    int line;
    int tok;
    int tokline;
    char *str;           /* T_STRING / T_NAME value (owned until taken) */
    size_t strlen_;
    unsigned long long num;
    const char *where, *name;
    orl_diags *d;
    int failed;
} parser;

static void perr(parser *P, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
static void perr(parser *P, const char *fmt, ...)
{
    if (P->failed) return;
    P->failed = 1;
    char msg[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    char at[24] = "";
    if (P->tokline > 0) snprintf(at, sizeof at, ":%d", P->tokline);
    orl_diag_add(P->d, ORL_ERROR, P->where, 0, 0, "bad-manifest",
                 "%s%s: %s; the manifest was changed by hand or damaged (pack the story again)", P->name, at, msg);
}

static const char *tokname(int t)
{
    switch (t) {
    case T_EOF: return "the end of the file";
    case T_NAME: return "a name";
    case T_STRING: return "a string";
    case T_INT: return "a number";
    case T_LBRACE: return "'{'";
    case T_RBRACE: return "'}'";
    case T_LBRACKET: return "'['";
    case T_RBRACKET: return "']'";
    case T_EQ: return "'='";
    case T_COMMA: return "','";
    default: return "something unexpected";
    }
}

static void lex_string(parser *P)
{
    orl_buf b = {0};
    P->p++; /* opening quote */
    for (;;) {
        if (P->p >= P->end || *P->p == '\n') {
            perr(P, "a string is not closed");
            break;
        }
        unsigned char c = (unsigned char)*P->p;
        if (c == '"') {
            P->p++;
            break;
        }
        if (c < 0x20 || c == 0x7f) {
            perr(P, "a control character inside a string");
            break;
        }
        if (c != '\\') {
            orl_buf_put(&b, P->p, 1);
            P->p++;
            continue;
        }
        P->p++;
        if (P->p >= P->end) {
            perr(P, "a string is not closed");
            break;
        }
        char e = *P->p;
        if (e == '"' || e == '\\') { orl_buf_put(&b, &e, 1); P->p++; }
        else if (e == 'n') { orl_buf_put(&b, "\n", 1); P->p++; }
        else if (e == 'r') { orl_buf_put(&b, "\r", 1); P->p++; }
        else if (e == 't') { orl_buf_put(&b, "\t", 1); P->p++; }
        else if (e >= '0' && e <= '9') {
            unsigned v = 0;
            for (int k = 0; k < 3 && P->p < P->end && *P->p >= '0' && *P->p <= '9'; k++) v = v * 10 + (unsigned)(*P->p++ - '0');
            if (v > 255) {
                perr(P, "an escape \\%u is out of range", v);
                break;
            }
            char ch = (char)v;
            orl_buf_put(&b, &ch, 1);
        } else {
            perr(P, "an unknown escape '\\%c' in a string", e);
            break;
        }
        if (b.len > ORL_MAX_TEXT) {
            perr(P, "a string is too long");
            break;
        }
    }
    if (b.len > ORL_MAX_TEXT) perr(P, "a string is too long");
    if (P->failed || b.oom) {
        if (b.oom) perr(P, "out of memory");
        orl_buf_free(&b);
        P->tok = T_BAD;
        return;
    }
    if (!b.data) orl_buf_put(&b, "", 0); /* an empty string still gets its buffer */
    if (!b.data) {
        perr(P, "out of memory");
        P->tok = T_BAD;
        return;
    }
    if (memchr(b.data, 0, b.len)) {
        perr(P, "a string holds a NUL byte");
        orl_buf_free(&b);
        P->tok = T_BAD;
        return;
    }
    P->str = b.data;
    P->strlen_ = b.len;
    P->tok = T_STRING;
}

static void next(parser *P)
{
    free(P->str);
    P->str = NULL;
    if (P->failed) {
        P->tok = T_BAD;
        return;
    }
    for (;;) {
        while (P->p < P->end && (*P->p == ' ' || *P->p == '\t' || *P->p == '\r' || *P->p == '\n')) {
            if (*P->p == '\n') P->line++;
            P->p++;
        }
        /* A comment: "--" to the end of the line, allowed only where a line starts. */
        if (P->end - P->p >= 2 && P->p[0] == '-' && P->p[1] == '-') {
            const char *ls = P->p;
            while (ls > P->s && (ls[-1] == ' ' || ls[-1] == '\t')) ls--;
            if (ls != P->s && ls[-1] != '\n') {
                P->tokline = P->line;
                perr(P, "a comment after code");
                P->tok = T_BAD;
                return;
            }
            if (P->p + 2 < P->end && P->p[2] == '[') {
                P->tokline = P->line;
                perr(P, "a long comment");
                P->tok = T_BAD;
                return;
            }
            while (P->p < P->end && *P->p != '\n') P->p++;
            continue;
        }
        break;
    }
    P->tokline = P->line;
    if (P->p >= P->end) {
        P->tok = T_EOF;
        return;
    }
    char c = *P->p;
    switch (c) {
    case '{': P->p++; P->tok = T_LBRACE; return;
    case '}': P->p++; P->tok = T_RBRACE; return;
    case '[': P->p++; P->tok = T_LBRACKET; return;
    case ']': P->p++; P->tok = T_RBRACKET; return;
    case '=': P->p++; P->tok = T_EQ; return;
    case ',': P->p++; P->tok = T_COMMA; return;
    case '"': lex_string(P); return;
    default: break;
    }
    if (c >= '0' && c <= '9') {
        unsigned long long v = 0;
        int digits = 0;
        while (P->p < P->end && *P->p >= '0' && *P->p <= '9') {
            if (++digits > 19) {
                perr(P, "a number is too large");
                P->tok = T_BAD;
                return;
            }
            v = v * 10 + (unsigned)(*P->p++ - '0');
        }
        if (P->p < P->end && ((*P->p >= 'a' && *P->p <= 'z') || (*P->p >= 'A' && *P->p <= 'Z') || *P->p == '.' ||
                              *P->p == '_')) {
            perr(P, "only whole numbers belong in a manifest");
            P->tok = T_BAD;
            return;
        }
        P->num = v;
        P->tok = T_INT;
        return;
    }
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') {
        const char *st = P->p;
        while (P->p < P->end && ((*P->p >= 'a' && *P->p <= 'z') || (*P->p >= 'A' && *P->p <= 'Z') ||
                                 (*P->p >= '0' && *P->p <= '9') || *P->p == '_'))
            P->p++;
        if (P->p - st > 32) {
            perr(P, "a name is too long");
            P->tok = T_BAD;
            return;
        }
        P->str = orl_strndup(st, (size_t)(P->p - st));
        if (!P->str) {
            perr(P, "out of memory");
            P->tok = T_BAD;
            return;
        }
        P->tok = T_NAME;
        return;
    }
    perr(P, "unexpected character '%c'", (c >= 0x20 && c < 0x7f) ? c : '?');
    P->tok = T_BAD;
}

static int expect(parser *P, int t)
{
    if (P->tok != t) {
        perr(P, "expected %s, found %s", tokname(t), tokname(P->tok));
        return 0;
    }
    next(P);
    return !P->failed;
}

static char *take_str(parser *P)
{
    char *s = P->str;
    P->str = NULL;
    return s;
}

/* A field key: NAME or ["string"]. Returns an owned string, NULL on error. */
static char *parse_key(parser *P, int *bracketed)
{
    *bracketed = 0;
    char *k = NULL;
    if (P->tok == T_NAME) {
        k = take_str(P);
        next(P);
    } else if (P->tok == T_LBRACKET) {
        *bracketed = 1;
        next(P);
        if (P->tok != T_STRING) {
            perr(P, "expected a file name in [\"...\"], found %s", tokname(P->tok));
            return NULL;
        }
        k = take_str(P);
        next(P);
        if (!expect(P, T_RBRACKET)) {
            free(k);
            return NULL;
        }
    } else {
        perr(P, "expected a field name, found %s", tokname(P->tok));
        return NULL;
    }
    if (!expect(P, T_EQ)) {
        free(k);
        return NULL;
    }
    return k;
}

/* After a field: ',' then more, or the closing '}'. Returns 1 to go on, 0 at the end/error. */
static int field_sep(parser *P)
{
    if (P->tok == T_COMMA) {
        next(P);
        return !P->failed && P->tok != T_RBRACE;
    }
    if (P->tok != T_RBRACE) perr(P, "expected ',' or '}', found %s", tokname(P->tok));
    return 0;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

static void parse_file_entry(parser *P, orl_manifest_file *f)
{
    int have_size = 0, have_sha = 0;
    if (!expect(P, T_LBRACE)) return;
    if (P->tok != T_RBRACE) {
        do {
            int br;
            char *k = parse_key(P, &br);
            if (!k) return;
            if (!br && strcmp(k, "size") == 0 && !have_size) {
                if (P->tok != T_INT) perr(P, "size must be a whole number");
                else if (P->num > ORL_MAX_FILE_BYTES) perr(P, "size %llu is more than a file may hold", P->num);
                else {
                    f->size = P->num;
                    have_size = 1;
                    next(P);
                }
            } else if (!br && strcmp(k, "sha256") == 0 && !have_sha) {
                if (P->tok != T_STRING || P->strlen_ != 64) perr(P, "sha256 must be 64 hex digits in quotes");
                else {
                    for (int i = 0; i < 32 && !P->failed; i++) {
                        int hi = hexval(P->str[2 * i]), lo = hexval(P->str[2 * i + 1]);
                        if (hi < 0 || lo < 0) perr(P, "sha256 must be 64 lowercase hex digits");
                        else f->sha256[i] = (unsigned char)(hi * 16 + lo);
                    }
                    have_sha = 1;
                    next(P);
                }
            } else {
                perr(P, "unexpected field '%s' in a file entry (only size and sha256, once each)", k);
            }
            free(k);
        } while (!P->failed && field_sep(P));
    }
    if (P->failed) return;
    if (!have_size || !have_sha) {
        perr(P, "the entry for \"%s\" needs both size and sha256", f->name);
        return;
    }
    expect(P, T_RBRACE);
}

static void parse_files(parser *P, orl_manifest *m)
{
    size_t cap = 0;
    if (!expect(P, T_LBRACE)) return;
    if (P->tok == T_RBRACE) {
        next(P);
        return;
    }
    do {
        int br;
        char *k = parse_key(P, &br);
        if (!k) return;
        if (!br) {
            perr(P, "a file name must be written [\"name\"]");
            free(k);
            return;
        }
        if (orl_fs_check_name(k) != ORL_FS_OK || orl_utf8_invalid_at(k, strlen(k)) != (size_t)-1) {
            perr(P, "\"%.80s\" is not a file name inside a bundle", k);
            free(k);
            return;
        }
        if (m->nfiles >= ORL_MAX_BUNDLE_FILES) {
            perr(P, "more than %d files", ORL_MAX_BUNDLE_FILES);
            free(k);
            return;
        }
        if (m->nfiles == cap) {
            size_t nc = cap ? cap * 2 : 64;
            orl_manifest_file *nf = realloc(m->files, nc * sizeof *nf);
            if (!nf) {
                perr(P, "out of memory");
                free(k);
                return;
            }
            m->files = nf;
            cap = nc;
        }
        orl_manifest_file *f = &m->files[m->nfiles++];
        memset(f, 0, sizeof *f);
        f->name = k;
        parse_file_entry(P, f);
    } while (!P->failed && field_sep(P));
    if (!P->failed) expect(P, T_RBRACE);
}

/* "YYYY-MM-DD" in shape (the calendar is story/'s to check: orl_parse_date). */
static int is_day(const char *s, size_t len)
{
    if (!s || len != 10 || s[4] != '-' || s[7] != '-') return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return 0;
    return 1;
}

static void parse_top(parser *P, orl_manifest *m)
{
    int have_format = 0, have_files = 0;
    if (!(P->tok == T_NAME && strcmp(P->str, "return") == 0)) {
        perr(P, "expected 'return {' at the start");
        return;
    }
    next(P);
    if (!expect(P, T_LBRACE)) return;
    if (P->tok != T_RBRACE) {
        do {
            int br;
            int line = P->tokline;
            char *k = parse_key(P, &br);
            if (!k) return;
            char **slot = NULL;
            if (!br && strcmp(k, "id") == 0) slot = &m->id;
            else if (!br && strcmp(k, "version") == 0) slot = &m->version;
            else if (!br && strcmp(k, "title") == 0) slot = &m->title;
            else if (!br && strcmp(k, "made") == 0) slot = &m->made;
            if (slot) {
                if (*slot) perr(P, "'%s' is given twice", k);
                else if (P->tok != T_STRING) perr(P, "'%s' must be a string", k);
                else if (slot == &m->made && !is_day(P->str, P->strlen_))
                    perr(P, "made must be a date written \"YYYY-MM-DD\"");
                else {
                    *slot = take_str(P);
                    next(P);
                }
            } else if (!br && strcmp(k, "format") == 0 && !have_format) {
                if (P->tok != T_INT) perr(P, "format must be a whole number");
                else if (P->num != ORL_MANIFEST_FORMAT) {
                    P->tokline = line;
                    perr(P, "format %llu is not one this Orilla reads (it reads format %d): a newer Orilla made it?",
                         P->num, ORL_MANIFEST_FORMAT);
                } else {
                    m->format = (int)P->num;
                    have_format = 1;
                    next(P);
                }
            } else if (!br && strcmp(k, "files") == 0 && !have_files) {
                have_files = 1;
                parse_files(P, m);
            } else {
                perr(P, "unexpected field '%.40s' (a manifest has format, id, version, title, made and files, once each)", k);
            }
            free(k);
        } while (!P->failed && field_sep(P));
    }
    if (P->failed) return;
    if (!expect(P, T_RBRACE)) return;
    if (P->tok != T_EOF) {
        perr(P, "something follows the manifest's closing '}'");
        return;
    }
    if (!have_format) perr(P, "no 'format' field");
    else if (!have_files) perr(P, "no 'files' list");
}

int orl_manifest_parse(const char *text, size_t len, const char *where, const char *name, orl_manifest *out,
                       orl_diags *d)
{
    memset(out, 0, sizeof *out);
    parser P = {0};
    P.s = P.p = text;
    P.end = text + len;
    P.line = P.tokline = 1;
    P.where = where;
    P.name = name ? name : ORL_BUNDLE_MANIFEST;
    P.d = d;
    if (len > ORL_MAX_MANIFEST_BYTES) {
        perr(&P, "the manifest is larger than %u MB", ORL_MAX_MANIFEST_BYTES >> 20);
        return -1;
    }
    if (memchr(text, 0, len)) {
        perr(&P, "the manifest holds a NUL byte");
        return -1;
    }
    next(&P);
    parse_top(&P, out);
    free(P.str);
    P.str = NULL;
    if (!P.failed && out->nfiles > 1) {
        /* Sorted for lookups by binary search; a name listed twice is tampering. */
        qsort(out->files, out->nfiles, sizeof *out->files, cmp_file);
        for (size_t i = 1; i < out->nfiles && !P.failed; i++)
            if (strcmp(out->files[i - 1].name, out->files[i].name) == 0) {
                P.tokline = 0;
                perr(&P, "\"%.80s\" is listed twice", out->files[i].name);
            }
    }
    if (P.failed) {
        orl_manifest_free(out);
        return -1;
    }
    return 0;
}
