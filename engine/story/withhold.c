/* Nothing withheld ships (story/withhold.h): a withheld testimony's words out of the bundle's
 * copies of the story files and PO files. */
#include "story/withhold.h"
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- a small Lua lexer */

typedef enum { T_END, T_NAME, T_STRING, T_OTHER } tkind;

typedef struct tok {
    tkind kind;
    size_t a, b;   /* bytes [a, b) of the source */
    char ch;       /* T_OTHER: its first character ('{', '=', '.' for "..", ...) */
    int concat;    /* T_OTHER: ".." */
} tok;

typedef struct lexer { const char *s; size_t n, i; int bad; } lexer;

/* A long bracket at i ("[[", "[==["): its level, or -1. */
static int long_open(const lexer *x, size_t i)
{
    if (i >= x->n || x->s[i] != '[') return -1;
    size_t j = i + 1;
    int lvl = 0;
    while (j < x->n && x->s[j] == '=') { lvl++; j++; }
    return j < x->n && x->s[j] == '[' ? lvl : -1;
}

/* Skips a long bracket of level lvl opening at i; returns the index after it. */
static size_t long_skip(lexer *x, size_t i, int lvl)
{
    size_t j = i + (size_t)lvl + 2;
    for (; j < x->n; j++) {
        if (x->s[j] != ']') continue;
        size_t k = j + 1;
        int l = 0;
        while (k < x->n && x->s[k] == '=') { l++; k++; }
        if (l == lvl && k < x->n && x->s[k] == ']') return k + 1;
    }
    x->bad = 1;
    return x->n;
}

static tok next(lexer *x)
{
    tok t = {T_END, x->n, x->n, 0, 0};
    for (;;) {
        while (x->i < x->n && (x->s[x->i] == ' ' || x->s[x->i] == '\t' || x->s[x->i] == '\r' || x->s[x->i] == '\n' ||
                               x->s[x->i] == '\f' || x->s[x->i] == '\v'))
            x->i++;
        if (x->i + 1 < x->n && x->s[x->i] == '-' && x->s[x->i + 1] == '-') { /* a comment */
            int lvl = long_open(x, x->i + 2);
            if (lvl >= 0) x->i = long_skip(x, x->i + 2, lvl);
            else
                while (x->i < x->n && x->s[x->i] != '\n') x->i++;
            continue;
        }
        break;
    }
    if (x->i >= x->n) return t;
    size_t i = x->i;
    char c = x->s[i];
    t.a = i;
    if (c == '"' || c == '\'') {
        size_t j = i + 1;
        while (j < x->n && x->s[j] != c && x->s[j] != '\n') j += x->s[j] == '\\' ? 2 : 1;
        if (j >= x->n || x->s[j] != c) x->bad = 1;
        t.kind = T_STRING;
        x->i = j < x->n ? j + 1 : x->n;
    } else if (c == '[' && long_open(x, i) >= 0) {
        t.kind = T_STRING;
        x->i = long_skip(x, i, long_open(x, i));
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') {
        size_t j = i;
        while (j < x->n && ((x->s[j] >= 'a' && x->s[j] <= 'z') || (x->s[j] >= 'A' && x->s[j] <= 'Z') ||
                            (x->s[j] >= '0' && x->s[j] <= '9') || x->s[j] == '_'))
            j++;
        t.kind = T_NAME;
        x->i = j;
    } else {
        t.kind = T_OTHER;
        t.ch = c;
        if (c == '.' && i + 1 < x->n && x->s[i + 1] == '.' && !(i + 2 < x->n && x->s[i + 2] == '.')) {
            t.concat = 1;
            x->i = i + 2;
        } else if (c == '=' && i + 1 < x->n && x->s[i + 1] == '=') {
            t.ch = 'E'; /* == */
            x->i = i + 2;
        } else {
            x->i = i + 1;
        }
    }
    t.b = x->i;
    return t;
}

static int name_is(const lexer *x, const tok *t, const char *w)
{
    size_t n = strlen(w);
    return t->kind == T_NAME && t->b - t->a == n && memcmp(x->s + t->a, w, n) == 0;
}

/* A quoted string token equal to id (ids hold no escapes worth decoding). */
static int string_is(const lexer *x, const tok *t, const char *id)
{
    size_t n = strlen(id);
    if (t->kind != T_STRING || t->b - t->a != n + 2) return 0;
    char q = x->s[t->a];
    return (q == '"' || q == '\'') && memcmp(x->s + t->a + 1, id, n) == 0;
}

typedef struct edit { size_t a, b; const char *with; } edit;

/* Finds testimony `id`'s table in the source and the values of its text, audio, captions and
 * warnings. Adds their edits to e (at most 4). Returns 1 found and rewritable, 0 not found, -1 found
 * but a value is not plain text in quotes (*why_field says which). */
static int find_edits(const char *s, size_t n, const char *id, edit *e, int *ne, const char **why_field)
{
    lexer x = {s, n, 0, 0};
    tok prev = {T_END, 0, 0, 0, 0};
    for (tok t = next(&x); t.kind != T_END && !x.bad; prev = t, t = next(&x)) {
        if (!name_is(&x, &t, "testimony")) continue;
        if (prev.kind == T_OTHER && (prev.ch == '.' || prev.ch == ':')) continue; /* a field, not the call */
        tok u = next(&x);
        if (u.kind == T_OTHER && u.ch == '(') u = next(&x);
        if (!string_is(&x, &u, id)) continue;
        u = next(&x);
        if (u.kind == T_OTHER && u.ch == ')') u = next(&x);
        if (u.kind == T_OTHER && u.ch == '(') u = next(&x);
        if (!(u.kind == T_OTHER && u.ch == '{')) continue;
        /* inside the table: fields at depth 1 */
        int depth = 1;
        *ne = 0;
        tok a = next(&x);
        while (a.kind != T_END && depth > 0 && !x.bad) {
            if (a.kind == T_OTHER && (a.ch == '{' || a.ch == '(' || a.ch == '[')) { depth++; a = next(&x); continue; }
            if (a.kind == T_OTHER && (a.ch == '}' || a.ch == ')' || a.ch == ']')) { depth--; a = next(&x); continue; }
            int which = -1;
            if (depth == 1)
                which = name_is(&x, &a, "text") ? 0 : name_is(&x, &a, "audio") ? 1
                      : name_is(&x, &a, "captions") ? 2 : name_is(&x, &a, "warnings") ? 3 : -1;
            if (which == 3) { /* its content note's words go with it: a list of quoted texts */
                tok eq = next(&x);
                if (!(eq.kind == T_OTHER && eq.ch == '=')) { a = eq; continue; }
                tok v = next(&x);
                if (!(v.kind == T_OTHER && v.ch == '{')) { *why_field = "warnings"; return -1; }
                size_t va = v.a;
                int ok = 1;
                for (v = next(&x); v.kind != T_END && !(v.kind == T_OTHER && v.ch == '}'); v = next(&x))
                    if (!(v.kind == T_STRING || (v.kind == T_OTHER && (v.ch == ',' || v.ch == ';')))) ok = 0;
                if (!ok || v.kind == T_END) { *why_field = "warnings"; return -1; }
                if (*ne < 4) e[(*ne)++] = (edit){va, v.b, "nil"};
                a = next(&x);
                continue;
            }
            if (which < 0) { a = next(&x); continue; }
            tok eq = next(&x);
            if (!(eq.kind == T_OTHER && eq.ch == '=')) { a = eq; continue; }
            /* the value: strings joined by "..", up to ',' ';' or the closing '}' */
            tok v = next(&x);
            size_t va = v.a;
            size_t vb = va;
            int ok = 1, want_string = 1;
            while (v.kind != T_END) {
                if (v.kind == T_OTHER && (v.ch == ',' || v.ch == ';' || v.ch == '}')) break;
                if (want_string && v.kind == T_STRING) want_string = 0;
                else if (!want_string && v.kind == T_OTHER && v.concat) want_string = 1;
                else ok = 0;
                vb = v.b;
                v = next(&x);
            }
            if (!ok || want_string) {
                *why_field = which == 0 ? "text" : which == 1 ? "audio" : "captions";
                return -1;
            }
            if (*ne < 4) e[(*ne)++] = (edit){va, vb, which == 0 ? "\"\" --[[ left out by orilla pack ]]" : "nil"};
            a = v; /* the ',' or '}' is looked at next */
        }
        return x.bad ? 0 : 1;
    }
    return 0;
}

static int cmp_edit(const void *p, const void *q)
{
    const edit *a = p, *b = q;
    return a->a < b->a ? -1 : a->a > b->a;
}

int orl_withhold_lua(const orl_story *st, const unsigned char *withheld, const char *file, const char *src,
                     size_t len, orl_buf *out, int *changed, orl_diags *d)
{
    *changed = 0;
    edit *all = NULL;
    int nall = 0, rc = 0;
    for (int i = 0; i < st->ntestimonies; i++) {
        const orl_testimony *t = &st->testimonies[i];
        if (!withheld[i] || !t->loc.file || strcmp(t->loc.file, file) != 0) continue;
        edit e[4];
        int ne = 0;
        const char *why = NULL;
        int f = find_edits(src, len, t->id, e, &ne, &why);
        if (f <= 0) {
            orl_diag_add(d, ORL_ERROR, t->loc.file, t->loc.line, 0, "withhold",
                         f < 0 ? "testimony \"%s\": its consent no longer allows it anywhere, so pack leaves its words "
                                 "out of the bundle, but its %s is not written as text in quotes; write it in quotes "
                                 "(\"...\"), so it can be left out"
                               : "testimony \"%s\": its consent no longer allows it anywhere, so pack leaves its words "
                                 "out of the bundle, but its definition cannot be found here%s; write it as "
                                 "testimony \"id\" { text = \"...\" }",
                         t->id, f < 0 ? why : "");
            rc = -1;
            continue;
        }
        edit *na = realloc(all, (size_t)(nall + ne + 1) * sizeof *na);
        if (!na) {
            free(all);
            return -1;
        }
        all = na;
        for (int k = 0; k < ne; k++) all[nall++] = e[k];
        (*changed)++;
    }
    if (rc == 0) {
        if (nall > 1) qsort(all, (size_t)nall, sizeof *all, cmp_edit);
        size_t at = 0;
        for (int k = 0; k < nall; k++) {
            orl_buf_put(out, src + at, all[k].a - at);
            orl_buf_puts(out, all[k].with);
            for (size_t j = all[k].a; j < all[k].b; j++) /* the same lines after it */
                if (src[j] == '\n') orl_buf_puts(out, "\n");
            at = all[k].b;
        }
        orl_buf_put(out, src + at, len - at);
        if (out->oom) rc = -1;
    }
    free(all);
    return rc;
}

/* ---------------------------------------------------------------- PO files */

/* The text of a PO line's quoted string at p (after the keyword), C escapes decoded, added
 * to b. */
static void po_string(const char *p, const char *end, orl_buf *b)
{
    while (p < end && *p != '"') p++;
    if (p >= end) return;
    p++;
    while (p < end && *p != '"') {
        if (*p == '\\' && p + 1 < end) {
            p++;
            char c = *p;
            orl_buf_put(b, c == 'n' ? "\n" : c == 't' ? "\t" : c == 'r' ? "\r" : p, 1);
            p++;
            continue;
        }
        orl_buf_put(b, p, 1);
        p++;
    }
}

/* One entry's msgid, from its lines [a, b). */
static void entry_msgid(const char *a, const char *b, orl_buf *id)
{
    int in_id = 0;
    for (const char *ln = a; ln < b;) {
        const char *e = memchr(ln, '\n', (size_t)(b - ln));
        if (!e) e = b;
        const char *p = ln;
        if (e - p >= 3 && p[0] == '#' && p[1] == '~' && p[2] == ' ') p += 3; /* obsolete */
        while (p < e && (*p == ' ' || *p == '\t')) p++;
        if (e - p >= 6 && memcmp(p, "msgid ", 6) == 0) {
            in_id = 1;
            po_string(p + 5, e, id);
        } else if (p < e && *p == '"') {
            if (in_id) po_string(p, e, id);
        } else if (p < e) {
            in_id = 0;
        }
        ln = e < b ? e + 1 : b;
    }
}

int orl_withhold_po(const orl_story *st, const unsigned char *withheld, const char *src, size_t len,
                    orl_buf *out, int *dropped)
{
    *dropped = 0;
    const char *p = src, *end = src + len;
    while (p < end) {
        /* an entry: lines up to a blank line (or the end); the blank lines after it go with it */
        const char *a = p, *q = p;
        while (q < end) {
            const char *e = memchr(q, '\n', (size_t)(end - q));
            const char *next = e ? e + 1 : end;
            const char *r = q;
            while (r < (e ? e : end) && (*r == ' ' || *r == '\t' || *r == '\r')) r++;
            if (r == (e ? e : end) && q > a) break; /* blank line after content */
            q = next;
        }
        const char *b = q;
        while (q < end) { /* blank lines */
            const char *e = memchr(q, '\n', (size_t)(end - q));
            const char *r = q;
            while (r < (e ? e : end) && (*r == ' ' || *r == '\t' || *r == '\r')) r++;
            if (r != (e ? e : end)) break;
            q = e ? e + 1 : end;
        }
        orl_buf id = {0};
        entry_msgid(a, b, &id);
        int drop = 0;
        if (id.oom) {
            orl_buf_free(&id);
            return -1;
        }
        for (int i = 0; id.len && i < st->ntestimonies && !drop; i++)
            drop = withheld[i] && st->testimonies[i].text && strlen(st->testimonies[i].text) == id.len &&
                   memcmp(st->testimonies[i].text, id.data, id.len) == 0;
        orl_buf_free(&id);
        if (drop) (*dropped)++;
        else orl_buf_put(out, a, (size_t)(q - a));
        p = q;
    }
    return out->oom ? -1 : 0;
}
