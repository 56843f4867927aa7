/* Lua's messages in the author's words: see explain.h. */
#include "story/explain.h"
#include "core/strutil.h"
#include "core/utf8.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------- a small reader of Lua's words ---------- */

typedef enum { TK_EOF, TK_NAME, TK_STRING, TK_NUMBER, TK_OP, TK_UNFINISHED, TK_OTHER } tk_kind;

typedef struct tk {
    tk_kind k;
    size_t a, b;  /* bytes [a, b) of the source */
    int line;     /* where it starts */
} tk;

typedef struct lexer {
    const char *s;
    size_t n, i;
    int line;
} lexer;

static int is_name_start(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
static int is_name_char(unsigned char c) { return is_name_start(c) || (c >= '0' && c <= '9'); }

/* At s[i] == '[': the level of a long bracket [==[ (>= 0), or -1 when it is not one. */
static int long_open(const lexer *x, size_t i)
{
    size_t j = i + 1;
    int lvl = 0;
    while (j < x->n && x->s[j] == '=') { j++; lvl++; }
    return j < x->n && x->s[j] == '[' ? lvl : -1;
}

/* Skips a long bracket of level lvl starting at x->i; 0 when it is not closed. */
static int skip_long(lexer *x, int lvl)
{
    x->i += (size_t)lvl + 2;
    while (x->i < x->n) {
        char c = x->s[x->i];
        if (c == '\n') x->line++;
        if (c == ']') {
            size_t j = x->i + 1;
            int l = 0;
            while (j < x->n && x->s[j] == '=') { j++; l++; }
            if (l == lvl && j < x->n && x->s[j] == ']') {
                x->i = j + 1;
                return 1;
            }
        }
        x->i++;
    }
    return 0;
}

static tk lex(lexer *x)
{
    tk t = {TK_EOF, x->n, x->n, x->line};
    for (;;) {
        while (x->i < x->n && (x->s[x->i] == ' ' || x->s[x->i] == '\t' || x->s[x->i] == '\r' || x->s[x->i] == '\n' ||
                               x->s[x->i] == '\f' || x->s[x->i] == '\v')) {
            if (x->s[x->i] == '\n') x->line++;
            x->i++;
        }
        if (x->i + 1 < x->n && x->s[x->i] == '-' && x->s[x->i + 1] == '-') {
            x->i += 2;
            int lvl = x->i < x->n && x->s[x->i] == '[' ? long_open(x, x->i) : -1;
            if (lvl >= 0) {
                t.line = x->line;
                t.a = x->i - 2;
                if (!skip_long(x, lvl)) {
                    t.k = TK_UNFINISHED;
                    t.b = x->n;
                    return t;
                }
                continue;
            }
            while (x->i < x->n && x->s[x->i] != '\n') x->i++;
            continue;
        }
        break;
    }
    t.a = x->i;
    t.line = x->line;
    if (x->i >= x->n) return t;
    unsigned char c = (unsigned char)x->s[x->i];
    if (is_name_start(c)) {
        while (x->i < x->n && is_name_char((unsigned char)x->s[x->i])) x->i++;
        t.k = TK_NAME;
    } else if ((c >= '0' && c <= '9') || (c == '.' && x->i + 1 < x->n && x->s[x->i + 1] >= '0' && x->s[x->i + 1] <= '9')) {
        while (x->i < x->n) {
            unsigned char d = (unsigned char)x->s[x->i];
            if (is_name_char(d) || d == '.') x->i++;
            else if ((d == '+' || d == '-') && strchr("eEpP", x->s[x->i - 1])) x->i++;
            else break;
        }
        t.k = TK_NUMBER;
    } else if (c == '"' || c == '\'') {
        x->i++;
        t.k = TK_STRING;
        while (x->i < x->n && (unsigned char)x->s[x->i] != c) {
            if (x->s[x->i] == '\n') { t.k = TK_UNFINISHED; break; }
            if (x->s[x->i] == '\\' && x->i + 1 < x->n) {
                if (x->s[x->i + 1] == '\n') x->line++;
                x->i++;
            }
            x->i++;
        }
        if (x->i >= x->n) t.k = TK_UNFINISHED;
        else if (t.k == TK_STRING) x->i++;
    } else if (c == '[' && long_open(x, x->i) >= 0) {
        t.k = skip_long(x, long_open(x, x->i)) ? TK_STRING : TK_UNFINISHED;
    } else if (c >= 0x80) {
        size_t k = 0;
        orl_utf8_decode(x->s + x->i, x->n - x->i, &k);
        x->i += k ? k : 1;
        t.k = TK_OTHER;
    } else {
        static const char *const two[] = {"...", "==", "~=", "<=", ">=", "..", "::", "//", "<<", ">>", NULL};
        size_t len = 1;
        for (int k = 0; two[k]; k++) {
            size_t l = strlen(two[k]);
            if (x->i + l <= x->n && memcmp(x->s + x->i, two[k], l) == 0) { len = l; break; }
        }
        x->i += len;
        t.k = TK_OP;
    }
    t.b = x->i;
    return t;
}

static int tk_is(const lexer *x, const tk *t, const char *w)
{
    size_t l = strlen(w);
    return t->b - t->a == l && memcmp(x->s + t->a, w, l) == 0;
}

/* ---------- lines ---------- */

/* Line ln (from 1): its start and its length without the line end; NULL past the end. */
static const char *line_at(const char *s, size_t n, int ln, size_t *len)
{
    if (!s || ln < 1) return NULL;
    size_t i = 0;
    for (int l = 1; l < ln; l++) {
        const char *nl = memchr(s + i, '\n', n - i);
        if (!nl) return NULL;
        i = (size_t)(nl - s) + 1;
    }
    size_t e = i;
    while (e < n && s[e] != '\n') e++;
    while (e > i && s[e - 1] == '\r') e--;
    *len = e - i;
    return s + i;
}

/* Leading blanks of a line; -1 when it is blank or only a comment. */
static int indent_of(const char *p, size_t n)
{
    size_t i = 0;
    while (i < n && (p[i] == ' ' || p[i] == '\t')) i++;
    if (i == n || (i + 1 < n && p[i] == '-' && p[i + 1] == '-')) return -1;
    return (int)i;
}

/* ---------- fixing a file as its author meant it ---------- */

static int curly_open(const unsigned char *p, size_t n, char *straight)
{
    if (n < 3 || p[0] != 0xE2 || p[1] != 0x80) return 0;
    if (p[2] == 0x9C || p[2] == 0x9D) { *straight = '"'; return 1; }   /* “ ” */
    if (p[2] == 0x98 || p[2] == 0x99) { *straight = '\''; return 1; }  /* ‘ ’ */
    return 0;
}

void orl_explain_fix_source(char *text, size_t len, orl_source_fixes *out)
{
    memset(out, 0, sizeof *out);
    if (len >= 3 && (unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB && (unsigned char)text[2] == 0xBF) {
        memset(text, ' ', 3);
        out->bom = 1;
    }
    lexer x = {text, len, 0, 1};
    for (;;) {
        size_t before = x.i;
        int line = x.line;
        tk t = lex(&x);
        if (t.k == TK_EOF) break;
        if (t.k == TK_UNFINISHED && t.b >= len) break;
        if (t.k != TK_OTHER) continue;
        char q;
        if (!curly_open((const unsigned char *)text + t.a, len - t.a, &q)) continue;
        /* a text between curly quotes: its end is the next curly quote of the same kind on
         * this line, with no straight quote or backslash in between (then it is not clear) */
        size_t j = t.b, end = (size_t)-1;
        while (j < len && text[j] != '\n') {
            char q2;
            if (text[j] == '"' || text[j] == '\'' || text[j] == '\\') break;
            if (curly_open((const unsigned char *)text + j, len - j, &q2) && q2 == q) { end = j; break; }
            j++;
        }
        if (end == (size_t)-1) continue;
        /* “ -> `  "`  and  ” -> `"  `: same bytes, same lines, the text unchanged */
        text[t.a] = ' ';
        text[t.a + 1] = ' ';
        text[t.a + 2] = q;
        text[end] = q;
        text[end + 1] = ' ';
        text[end + 2] = ' ';
        if (!out->curly) out->curly_line = t.line;
        out->curly++;
        x.i = end + 3;
        (void)before;
        (void)line;
    }
}

void orl_explain_report_fixes(orl_diags *d, const char *file, const orl_source_fixes *fx)
{
    if (fx->curly)
        orl_diag_add(d, ORL_NOTE, file, fx->curly_line, 0, "curly-quotes",
                     "texts between curly quotes (“...”), as Word, TextEdit or a phone write them, were read as "
                     "texts between straight quotes \"...\" (%d in this file); to type straight quotes, turn off "
                     "'smart quotes' in the editor, or use a plain-text editor", fx->curly);
}

/* ---------- syntax errors ---------- */

/* The token Lua stopped at ("near 'X'" or "near <eof>"), copied into out; 1 for <eof>. */
static int near_token(const char *msg, char *out, size_t n)
{
    out[0] = 0;
    const char *p = strstr(msg, " near ");
    if (!p) return 0;
    p += 6;
    if (strncmp(p, "<eof>", 5) == 0) return 1;
    if (*p != '\'') return 0;
    p++;
    const char *e = strrchr(p, '\'');
    if (!e || e < p) e = p + strlen(p);
    size_t l = (size_t)(e - p);
    if (l >= n) l = n - 1;
    memcpy(out, p, l);
    out[l] = 0;
    return 0;
}

typedef struct open_block { char kind; int line; } open_block;
#define MAX_OPEN 200

/* Reads the source up to the token Lua stopped at (the first token at or after err_line whose
 * text is `near`, or the end): what is still open there, the token before it and the token
 * itself. */
typedef struct scan {
    open_block open[MAX_OPEN];
    int nopen;
    tk prev, at, next;
    lexer x;
} scan;

static void scan_to(scan *sc, const char *s, size_t n, int err_line, const char *near, int eof)
{
    memset(sc, 0, sizeof *sc);
    sc->x = (lexer){s, n, 0, 1};
    tk prev = {TK_EOF, 0, 0, 0};
    for (;;) {
        tk t = lex(&sc->x);
        int stop = t.k == TK_EOF || t.k == TK_UNFINISHED;
        if (!stop && !eof && t.line >= err_line) {
            if (!*near || t.line > err_line) stop = 1;
            else {
                size_t l = strlen(near);
                stop = t.b - t.a == l && memcmp(s + t.a, near, l) == 0;
                if (!stop && near[0] == '<' && t.k == TK_OTHER) stop = 1; /* a byte Lua shows as <\226> */
            }
        }
        if (stop) {
            sc->prev = prev;
            sc->at = t;
            lexer y = sc->x;
            sc->next = lex(&y);
            return;
        }
        char k = 0;
        if (t.k == TK_OP && (tk_is(&sc->x, &t, "{") || tk_is(&sc->x, &t, "(") || tk_is(&sc->x, &t, "["))) k = s[t.a];
        else if (t.k == TK_NAME && (tk_is(&sc->x, &t, "function") || tk_is(&sc->x, &t, "if") || tk_is(&sc->x, &t, "do")))
            k = s[t.a];
        else if (t.k == TK_NAME && tk_is(&sc->x, &t, "repeat")) k = 'r';
        if (k && sc->nopen < MAX_OPEN) sc->open[sc->nopen++] = (open_block){k, t.line};
        else if (k) sc->nopen++;
        int close = 0;
        if (t.k == TK_OP && (tk_is(&sc->x, &t, "}") || tk_is(&sc->x, &t, ")") || tk_is(&sc->x, &t, "]"))) close = 1;
        if (t.k == TK_NAME && (tk_is(&sc->x, &t, "end") || tk_is(&sc->x, &t, "until"))) close = 1;
        if (close && sc->nopen > 0) sc->nopen--;
        prev = t;
    }
}

/* A value ends with this token (a ',' may follow it). */
static int ends_value(const lexer *x, const tk *t)
{
    if (t->k == TK_STRING || t->k == TK_NUMBER) return 1;
    if (t->k == TK_OP) return tk_is(x, t, "}") || tk_is(x, t, ")") || tk_is(x, t, "]");
    if (t->k == TK_NAME) {
        static const char *const kw[] = {"and", "or", "not", "then", "do", "else", "elseif", "if", "local",
                                         "function", "return", "while", "for", "in", "repeat", "until", NULL};
        for (int i = 0; kw[i]; i++) if (tk_is(x, t, kw[i])) return 0;
        return 1;
    }
    return 0;
}

/* A new field or item starts with this token (after a missing ','). */
static int starts_item(const lexer *x, const tk *t, const tk *next)
{
    if (t->k == TK_STRING) return 1;
    if (t->k == TK_OP) return tk_is(x, t, "{") || tk_is(x, t, "[");
    if (t->k == TK_NAME) return next->k == TK_OP && tk_is(x, next, "=");
    return 0;
}

static const char *const dsl_words[] = {"scene", "story", "narrator", "testimony", "include", NULL};

/* The token is a definition that starts a line: scene "x", story {, ... */
static int starts_definition(const lexer *x, const tk *t)
{
    if (t->k != TK_NAME) return 0;
    size_t i = t->a;
    while (i > 0 && (x->s[i - 1] == ' ' || x->s[i - 1] == '\t')) i--;
    if (i > 0 && x->s[i - 1] != '\n') return 0;
    for (int k = 0; dsl_words[k]; k++) if (tk_is(x, t, dsl_words[k])) return 1;
    return 0;
}

/* What the block opened on line ln is, in words ("scene \"casa\"", "'choices = {'" ...). */
static void block_words(const orl_diags *d, const char *s, size_t n, int ln, char *out, size_t on)
{
    size_t len = 0;
    const char *p = line_at(s, n, ln, &len);
    out[0] = 0;
    if (!p) return;
    size_t i = 0;
    while (i < len && (p[i] == ' ' || p[i] == '\t')) i++;
    static const char *const kinds[] = {"scene", "narrator", "testimony", NULL};
    static const char *const whats[] = {"scene \"%s\"", "narrator \"%s\"", "testimony \"%s\""};
    for (int k = 0; kinds[k]; k++) {
        size_t kl = strlen(kinds[k]);
        if (len - i > kl + 1 && memcmp(p + i, kinds[k], kl) == 0 && (p[i + kl] == ' ' || p[i + kl] == '"')) {
            size_t q = i + kl;
            while (q < len && p[q] == ' ') q++;
            if (q < len && p[q] == '"') {
                size_t a = ++q;
                while (q < len && p[q] != '"') q++;
                char id[80];
                snprintf(id, sizeof id, "%.*s", (int)(q - a > 60 ? 60 : q - a), p + a);
                snprintf(out, on, orl_diag_words(d, "@what", whats[k]), id);
                return;
            }
        }
    }
    if (len - i >= 5 && memcmp(p + i, "story", 5) == 0 && (len - i == 5 || !is_name_char((unsigned char)p[i + 5]))) {
        snprintf(out, on, "%s", orl_diag_words(d, "@block", "the story { ... } block"));
        return;
    }
    if (i < len && is_name_start((unsigned char)p[i])) {
        size_t q = i;
        while (q < len && is_name_char((unsigned char)p[q])) q++;
        size_t r = q;
        while (r < len && p[r] == ' ') r++;
        if (r < len && p[r] == '=') {
            snprintf(out, on, "'%.*s = {'", (int)(q - i > 40 ? 40 : q - i), p + i);
            return;
        }
    }
    if (i < len && p[i] == '{') {
        snprintf(out, on, "%s", orl_diag_words(d, "@block", "the choice (or list item) that starts here"));
        return;
    }
    snprintf(out, on, "%s", orl_diag_words(d, "@block", "the '{' on this line"));
}

/* Among the blocks that end their line with '{' from line `from` to line `to`, the first whose
 * '}' is not where its indentation says: the next line indented as much or less should start
 * with '}'. 1 and its line, and the last line with something in it before the block ends
 * (where the '}' goes). */
static int unclosed_by_indent(const char *s, size_t n, int from, int to, int *open_line, int *close_after)
{
    if (from < 1) from = 1;
    if (to - from > 20000) from = to - 20000;
    /* line starts, once */
    size_t cap = (size_t)(to - from + 2);
    size_t *st = malloc(cap * sizeof *st);
    if (!st) return 0;
    size_t i = 0;
    for (int l = 1; l < from; l++) {
        const char *nl = memchr(s + i, '\n', n - i);
        if (!nl) { free(st); return 0; }
        i = (size_t)(nl - s) + 1;
    }
    int nl_count = 0;
    for (int l = from; l <= to && i <= n; l++) {
        st[nl_count++] = i;
        const char *nl = i < n ? memchr(s + i, '\n', n - i) : NULL;
        if (!nl) break;
        i = (size_t)(nl - s) + 1;
    }
#define LINE_P(k) (s + st[k])
#define LINE_N(k) ((k) + 1 < nl_count ? st[(k) + 1] - st[k] : n - st[k])
    int found = 0;
    long budget = 4000000; /* lines looked at in all: a hostile file cannot make this slow */
    for (int k = 0; k < nl_count && !found && budget > 0; k++) {
        const char *p = LINE_P(k);
        size_t len = LINE_N(k);
        while (len > 0 && (p[len - 1] == '\n' || p[len - 1] == '\r' || p[len - 1] == ' ' || p[len - 1] == '\t')) len--;
        if (len == 0) continue;
        /* a line that opens more braces than it closes (`choices = {`, or a choice written
         * on one line whose '}' was forgotten), braces in texts and comments not counted */
        int net = 0;
        lexer lx = {p, len, 0, 1};
        for (tk t = lex(&lx); t.k != TK_EOF && t.k != TK_UNFINISHED; t = lex(&lx))
            if (t.k == TK_OP) net += tk_is(&lx, &t, "{") - tk_is(&lx, &t, "}");
        if (net <= 0) continue;
        int ind = indent_of(p, len);
        if (ind < 0) continue;
        int last = k, bad = 1, steps = 0;
        for (int m = k + 1; m < nl_count && steps < 5000 && budget > 0; m++, steps++, budget--) {
            const char *q = LINE_P(m);
            size_t qn = LINE_N(m);
            while (qn > 0 && (q[qn - 1] == '\n' || q[qn - 1] == '\r')) qn--;
            int qi = indent_of(q, qn);
            if (qi < 0) continue;
            if (qi > ind) { last = m; continue; }
            bad = !(qi == ind && q[qi] == '}');
            break;
        }
        if (bad && steps < 5000) {
            /* the file ended with the block open, or a line came back to its indentation
             * without closing it */
            *open_line = from + k;
            *close_after = from + last;
            found = 1;
        }
    }
#undef LINE_P
#undef LINE_N
    free(st);
    return found;
}

/* The last line with something in it (not blank, not only a comment). */
static int last_content_line(const char *s, size_t n)
{
    int line = 1, last = 1;
    size_t a = 0;
    while (a <= n) {
        const char *nl = a < n ? memchr(s + a, '\n', n - a) : NULL;
        size_t e = nl ? (size_t)(nl - s) : n;
        if (indent_of(s + a, e - a) >= 0) {
            size_t k = e;
            while (k > a && (s[k - 1] == '\r' || s[k - 1] == ' ' || s[k - 1] == '\t')) k--;
            if (k > a) last = line;
        }
        if (!nl) break;
        a = e + 1;
        line++;
    }
    return last;
}

static int word_char(unsigned char c) { return is_name_char(c) || c >= 0x80; }

/* A quote mark inside a text ends the text early: text = "She said "no" and left" is read as
 * the text "She said " followed by the word no. 1 when the line has a text in double quotes
 * followed right away by a word that Lua cannot take there (not a keyword such as `then`),
 * and then, before any '=' or brace, by another quote mark (the text's real end); `word`
 * gets that word, as written. A ',' may come in between: dialogue has commas ("Vente, aquí
 * hay un colchón"). */
static int stray_quote(const char *p, size_t n, char *word, size_t wn)
{
    static const char *const keywords[] = {"and", "or", "then", "do", "end", "else", "elseif", "until", "in", NULL};
    size_t i = 0;
    while (i < n) {
        if (p[i] == '-' && i + 1 < n && p[i + 1] == '-') return 0; /* a comment: the rest does not count */
        if (p[i] == '\'') { /* a text in single quotes: skip it */
            for (i++; i < n && p[i] != '\''; i++) if (p[i] == '\\') i++;
            i++;
            continue;
        }
        if (p[i] != '"') { i++; continue; }
        for (i++; i < n && p[i] != '"'; i++) if (p[i] == '\\') i++;
        if (i >= n) return 0; /* not closed on this line: another mistake */
        i++; /* after the closing quote */
        size_t j = i;
        while (j < n && (p[j] == ' ' || p[j] == '\t')) j++;
        if (j >= n || !word_char((unsigned char)p[j])) continue;
        size_t k = j;
        while (k < n && word_char((unsigned char)p[k])) k++;
        int kw = 0;
        for (int w = 0; keywords[w]; w++)
            if (strlen(keywords[w]) == k - j && memcmp(keywords[w], p + j, k - j) == 0) kw = 1;
        if (kw) continue;
        /* the text's end quote comes later on the line, with no '=' before it (a '=' means a
         * field written after a missing comma: { text = "Go on" go = "end" }) */
        size_t r = k;
        while (r < n && p[r] != '"' && p[r] != '=' && p[r] != '}' && p[r] != '{') r++;
        if (r >= n || p[r] != '"') continue;
        if (k - j > 30) k = j + 30;
        while (k > j && k < n && ((unsigned char)p[k] & 0xC0) == 0x80) k--; /* whole characters only */
        snprintf(word, wn, "%.*s", (int)(k - j), p + j);
        return 1;
    }
    return 0;
}

/* `scene "a"` with no '{' after it: Lua reads the fields below as separate statements and stops
 * at the first ',' or '=' it cannot take, some lines later. Looking back from the error's line
 * over lines of fields, the definition that starts there. 1 and its line, kind and id. */
static int missing_brace(const char *s, size_t sn, int err_line, int *def_line, char *kind, size_t kn, char *id, size_t idn)
{
    static const char *const kinds[] = {"scene", "narrator", "testimony", NULL};
    for (int ln = err_line - 1; ln >= 1 && ln >= err_line - 30; ln--) {
        size_t n = 0;
        const char *p = line_at(s, sn, ln, &n);
        if (!p) return 0;
        size_t i = 0;
        while (i < n && (p[i] == ' ' || p[i] == '\t')) i++;
        if (i == n || (i + 1 < n && p[i] == '-' && p[i + 1] == '-')) continue; /* blank or a comment */
        if (p[i] == '}' || p[i] == '{') return 0; /* the end of an earlier definition, or a brace: not this mistake */
        const char *w = NULL;
        for (int k = 0; kinds[k]; k++) {
            size_t kl = strlen(kinds[k]);
            if (n - i > kl && memcmp(p + i, kinds[k], kl) == 0 && (p[i + kl] == ' ' || p[i + kl] == '\t' || p[i + kl] == '"'))
                w = kinds[k];
        }
        if (!w) continue; /* a field line: look further up */
        size_t q = i + strlen(w);
        while (q < n && (p[q] == ' ' || p[q] == '\t')) q++;
        if (q >= n || p[q] != '"') return 0;
        size_t idstart = ++q;
        while (q < n && p[q] != '"') q++;
        if (q >= n) return 0;
        size_t idend = q++;
        while (q < n && (p[q] == ' ' || p[q] == '\t')) q++;
        if (q < n && !(q + 1 < n && p[q] == '-' && p[q + 1] == '-')) return 0; /* something after the name: a '{' */
        /* the '{' may start the next line that is not blank: then nothing is missing */
        for (int nx = ln + 1; nx < err_line; nx++) {
            size_t m = 0;
            const char *r = line_at(s, sn, nx, &m);
            size_t t = 0;
            while (r && t < m && (r[t] == ' ' || r[t] == '\t')) t++;
            if (!r || t == m) continue;
            if (r[t] == '{') return 0;
            break;
        }
        *def_line = ln;
        snprintf(kind, kn, "%s", w);
        snprintf(id, idn, "%.*s", (int)(idend - idstart > 100 ? 100 : idend - idstart), p + idstart);
        return 1;
    }
    return 0;
}

/* Words an author understands next to Lua's own message, when nothing better is known. */
static const char *syntax_hint(const orl_diags *d, const char *msg)
{
    if (strstr(msg, "'}' expected"))
        return orl_diag_words(d, "@hint", " (is a ',' missing just before it, or at the end of the line before? or a '}'?)");
    if (strstr(msg, "unfinished string")) return orl_diag_words(d, "@hint", " (a text is missing its closing quote \")");
    if (strstr(msg, "'=' expected")) return orl_diag_words(d, "@hint", " (a field needs a name and '=', like text = \"...\")");
    if (strstr(msg, "unexpected symbol")) return orl_diag_words(d, "@hint", " (a stray character, or a missing quote or comma?)");
    if (strstr(msg, "'end' expected")) return orl_diag_words(d, "@hint", " (a function or 'if' is missing its 'end')");
    if (strstr(msg, "')' expected")) return orl_diag_words(d, "@hint", " (a '(' is not closed)");
    if (strstr(msg, "<eof>")) return orl_diag_words(d, "@hint", " (something is left open: a '{', a quote or a function?)");
    return "";
}

/* A name with letters Lua does not take (an accent, ñ): the word as written around byte at,
 * and the same without accents. */
static void accented_word(const char *s, size_t n, size_t at, char *word, size_t wn, char *plain, size_t pn)
{
    size_t a = at, b = at;
    while (a > 0 && (word_char((unsigned char)s[a - 1]) || s[a - 1] == '.')) a--;
    while (b < n && word_char((unsigned char)s[b])) b++;
    if (b - a > 60) b = a + 60;
    while (b > a && b < n && ((unsigned char)s[b] & 0xC0) == 0x80) b--;
    snprintf(word, wn, "%.*s", (int)(b - a), s + a);
    static const char *const from[] = {"á", "é", "í", "ó", "ú", "ñ", "ü", "Á", "É", "Í", "Ó", "Ú", "Ñ", "Ü",
                                       "à", "è", "ì", "ò", "ù", "ç", "â", "ê", "î", "ô", "û", "ï", "ë", "Ç", NULL};
    static const char to[] = "aeiounuAEIOUNUaeioucaeiouieC";
    size_t o = 0;
    for (size_t i = a; i < b && o + 1 < pn;) {
        int done = 0;
        for (int k = 0; from[k]; k++) {
            size_t l = strlen(from[k]);
            if (i + l <= b && memcmp(s + i, from[k], l) == 0) {
                plain[o++] = to[k];
                i += l;
                done = 1;
                break;
            }
        }
        if (done) continue;
        if ((unsigned char)s[i] >= 0x80) { i++; continue; } /* another letter: left out */
        plain[o++] = s[i++];
    }
    plain[o] = 0;
}

static void rest_not_read(orl_diags *d, const char *file, int line)
{
    orl_diag_add(d, ORL_NOTE, file, line, 0, "not-read",
                 "Lua stops at the first mistake of this kind, so the rest of %s was not read: mend this one and "
                 "run check again to see what comes after it", file ? file : "the file");
}

void orl_explain_syntax(orl_diags *d, const char *file, const char *text, size_t len, int line, const char *msg)
{
    if (!msg) msg = "syntax error";
    if (!text) {
        orl_diag_add(d, ORL_ERROR, file, line, 0, "syntax", "Lua cannot read this line%s (Lua: %s)", syntax_hint(d, msg), msg);
        return;
    }
    size_t ln = 0;
    const char *p = line_at(text, len, line, &ln);
    char near[128], word[96], plain[96], kind[16], id[128], what[200];
    int eof = near_token(msg, near, sizeof near);
    int def_line;

    /* a quote inside a text, and a definition without its '{': their own words */
    if (p && stray_quote(p, ln, word, sizeof word)) {
        orl_diag_add(d, ORL_ERROR, file, line, 0, "stray-quote",
                     "a quote mark \" inside a text ends the text early (here, just before %s), and Lua cannot "
                     "read the rest; write each quote inside a text as \\\", like text = \"She said \\\"no\\\"\", "
                     "or use other quote marks inside it: \"She said 'no'\" or \"She said «no»\"", word);
        rest_not_read(d, file, line);
        return;
    }
    if (missing_brace(text, len, line, &def_line, kind, sizeof kind, id, sizeof id)) {
        orl_diag_add(d, ORL_ERROR, file, def_line, 0, "missing-brace",
                     "%s \"%s\" has no '{' after its name, so the lines below it are not part of it (Lua stopped at "
                     "line %d); write %s \"%s\" { on this line, and close it with } after its last field",
                     kind, id, line, kind, id);
        rest_not_read(d, file, def_line);
        return;
    }

    scan sc;
    scan_to(&sc, text, len, line, near, eof);
    const lexer *x = &sc.x;

    /* a text going on over the next line */
    if (strstr(msg, "unfinished string") && sc.at.k == TK_UNFINISHED) {
        char q = text[sc.at.a];
        /* text = Esperas.", : the quote that opens the text is missing (Lua takes the closing
         * one for an opening one): nothing but punctuation after it, words before it */
        size_t e = sc.at.a + 1, letters = 0;
        while (e < len && text[e] != '\n') {
            if (word_char((unsigned char)text[e])) letters++;
            e++;
        }
        size_t b = sc.at.a;
        while (b > 0 && text[b - 1] != '\n' && text[b - 1] != '=') b--;
        int words_before = 0;
        for (size_t i = b; i < sc.at.a; i++) if (word_char((unsigned char)text[i])) words_before = 1;
        if (!letters && b > 0 && text[b - 1] == '=' && words_before) {
            orl_diag_add(d, ORL_ERROR, file, sc.at.line, 0, "unopened-text",
                         "this text has no opening quote %c: write it after the '=', like text = \"...\" (Lua: %s)", q,
                         msg);
            rest_not_read(d, file, sc.at.line);
            return;
        }
        int closes = 0;
        /* the text goes on when a later line ends it with the quote, with no field (a '=' or a
         * '{') before that quote: a line of code first means the quote was forgotten */
        for (int l = sc.at.line + 1; l <= sc.at.line + 20; l++) {
            size_t m = 0;
            const char *r = line_at(text, len, l, &m);
            if (!r) break;
            const char *qq = memchr(r, q, m);
            size_t upto = qq ? (size_t)(qq - r) : m;
            if (memchr(r, '=', upto) || memchr(r, '{', upto)) break;
            if (qq) { closes = 1; break; }
        }
        if (closes)
            orl_diag_add(d, ORL_ERROR, file, sc.at.line, 0, "text-over-lines",
                         "this text goes on to the next line, but a text between quotes must end on the line where it "
                         "starts; write it on one line, or put a long text with paragraphs between [[ and ]] instead "
                         "of quotes: text = [[First paragraph. (new line) Second paragraph.]] (Lua: %s)", msg);
        else
            orl_diag_add(d, ORL_ERROR, file, sc.at.line, 0, "unclosed-text",
                         "this text has no closing quote %c; add it at the end of the text (Lua: %s)", q, msg);
        rest_not_read(d, file, sc.at.line);
        return;
    }
    if (strstr(msg, "unfinished long string") || strstr(msg, "unfinished long comment")) {
        orl_diag_add(d, ORL_ERROR, file, sc.at.line > 0 ? sc.at.line : line, 0, "unclosed-text",
                     "a text or comment that starts with [[ (or --[[) here is never closed with ]]; add ]] where it "
                     "ends (Lua: %s)", msg);
        rest_not_read(d, file, sc.at.line > 0 ? sc.at.line : line);
        return;
    }

    /* story( ... ): braces, not parentheses */
    if (strstr(msg, "')' expected (to close '(' at line ")) {
        int pl = atoi(strstr(msg, "at line ") + 8);
        size_t pn = 0;
        const char *pp = line_at(text, len, pl, &pn);
        size_t i = 0;
        while (pp && i < pn && (pp[i] == ' ' || pp[i] == '\t')) i++;
        for (int k = 0; pp && dsl_words[k]; k++) {
            size_t kl = strlen(dsl_words[k]);
            if (pn - i > kl && memcmp(pp + i, dsl_words[k], kl) == 0 && memchr(pp + i + kl, '(', pn - i - kl)) {
                orl_diag_add(d, ORL_ERROR, file, pl, 0, "parens-for-braces",
                             "%s is followed by braces { }, not parentheses ( ): %s { ... } (Lua, line %d: %s)",
                             dsl_words[k], dsl_words[k], line, msg);
                rest_not_read(d, file, pl);
                return;
            }
        }
    }
    /* '==' where a value is given */
    if (strcmp(near, "==") == 0) {
        orl_diag_add(d, ORL_ERROR, file, line, 0, "set-with-equals",
                     "'==' compares two values (in a 'when' or an 'if'); to give a value, write a single '=', "
                     "like s.days = 0 or text = \"...\" (Lua: %s)", msg);
        rest_not_read(d, file, line);
        return;
    }
    /* '=' where two values are compared */
    if (strcmp(near, "=") == 0 && (strstr(msg, "'then' expected") || strstr(msg, "'end' expected") ||
                                    strstr(msg, "')' expected") || strstr(msg, "'do' expected"))) {
        orl_diag_add(d, ORL_ERROR, file, line, 0, "compare-with-equals",
                     "a single '=' gives a value; to compare two values write '==' (two signs), like "
                     "if s.days == 2 then ... or return s.days == 2 (Lua: %s)", msg);
        rest_not_read(d, file, line);
        return;
    }

    /* scene espera {: the name without quotes */
    if (sc.at.k == TK_NAME && sc.prev.k == TK_NAME && starts_definition(x, &sc.prev) && !tk_is(x, &sc.prev, "story") &&
        !tk_is(x, &sc.prev, "include")) {
        snprintf(word, sizeof word, "%.*s", (int)(sc.at.b - sc.at.a > 60 ? 60 : sc.at.b - sc.at.a), text + sc.at.a);
        snprintf(kind, sizeof kind, "%.*s", (int)(sc.prev.b - sc.prev.a > 12 ? 12 : sc.prev.b - sc.prev.a), text + sc.prev.a);
        orl_diag_add(d, ORL_ERROR, file, line, 0, "unquoted-name",
                     "the name after %s goes between quotes: %s \"%s\" { ... } (Lua: %s)", kind, kind, word, msg);
        rest_not_read(d, file, line);
        return;
    }
    /* on_enter = s.days = 1: a value given inside a field; that is a function's work */
    if (strcmp(near, "=") == 0 && strstr(msg, "'}' expected") && sc.prev.k == TK_NAME) {
        lexer lx = {p ? p : "", p ? ln : 0, 0, 1};
        int eqs = 0;
        char field[48] = "";
        tk first = lex(&lx);
        for (tk t = first; t.k != TK_EOF && t.k != TK_UNFINISHED; t = lex(&lx))
            if (t.k == TK_OP && tk_is(&lx, &t, "=")) eqs++;
        if (first.k == TK_NAME) snprintf(field, sizeof field, "%.*s", (int)(first.b - first.a > 40 ? 40 : first.b - first.a), p + first.a);
        if (eqs >= 2 && *field) {
            orl_diag_add(d, ORL_ERROR, file, line, 0, "value-in-field",
                         "a field holds one value, and this line gives two; to change what the story remembers, "
                         "write the change inside a function: %s = function(s) s.days = 1 end (Lua: %s)", field, msg);
            rest_not_read(d, file, line);
            return;
        }
    }
    /* text: "..." */
    if (strstr(msg, "<name> expected") && sc.prev.k == TK_OP && tk_is(x, &sc.prev, ":")) {
        orl_diag_add(d, ORL_ERROR, file, line, 0, "colon-for-equals",
                     "a field is written with '=', not ':': text = \"...\" (Lua: %s)", msg);
        rest_not_read(d, file, line);
        return;
    }
    if (strstr(msg, "'then' expected") || strstr(msg, "'do' expected")) {
        orl_diag_add(d, ORL_ERROR, file, line, 0, "missing-then",
                     "after the condition of an 'if' comes 'then' (and after 'while' or 'for', 'do'): "
                     "if s.days > 2 then ... end (Lua: %s)", msg);
        rest_not_read(d, file, line);
        return;
    }

    /* a character Lua does not know: a curly quote that could not be read as straight, or a
     * letter with an accent in a name */
    if (near[0] == '<' && near[1] == '\\' && sc.at.k == TK_OTHER) {
        char q;
        size_t k;
        uint32_t cp = orl_utf8_decode(text + sc.at.a, len - sc.at.a, &k);
        if (curly_open((const unsigned char *)text + sc.at.a, len - sc.at.a, &q) || cp == 0xAB || cp == 0xBB) {
            orl_diag_add(d, ORL_ERROR, file, sc.at.line, 0, "curly-quote",
                         "this line has curly quotes (“ ” ‘ ’ or « »), as Word or TextEdit write them, where Lua needs "
                         "straight quotes \"; type the quotes around each text again as \", or turn off 'smart quotes' "
                         "in the editor (Lua: %s)", msg);
        } else {
            int in_name = (sc.at.a > 0 && word_char((unsigned char)text[sc.at.a - 1])) ||
                          (sc.at.b < len && is_name_char((unsigned char)text[sc.at.b])) ||
                          (sc.at.a > 0 && text[sc.at.a - 1] == '.');
            if (in_name) {
                accented_word(text, len, sc.at.a, word, sizeof word, plain, sizeof plain);
                orl_diag_add(d, ORL_ERROR, file, sc.at.line, 0, "accent-in-name",
                             "the name %s has a letter with an accent (or ñ); names that the story uses in its code, "
                             "like s.name, may only have the letters a-z without accents, digits and _: write %s "
                             "(texts in quotes can have any letter) (Lua: %s)", word, plain, msg);
            } else {
                snprintf(word, sizeof word, "%.*s", (int)(k ? k : 1), text + sc.at.a);
                orl_diag_add(d, ORL_ERROR, file, sc.at.line, 0, "stray-char",
                             "Lua cannot read the character %s here, outside a text in quotes; remove it, or put the "
                             "text it belongs to between quotes (Lua: %s)", word, msg);
            }
        }
        rest_not_read(d, file, sc.at.line);
        return;
    }

    /* a missing ',' between two fields or two choices */
    if (strstr(msg, "'}' expected") && !starts_definition(x, &sc.at) && sc.prev.line > 0 && ends_value(x, &sc.prev) &&
        starts_item(x, &sc.at, &sc.next)) {
        snprintf(word, sizeof word, "%.*s", (int)(sc.at.b - sc.at.a > 40 ? 40 : sc.at.b - sc.at.a), text + sc.at.a);
        if (sc.prev.line < sc.at.line)
            orl_diag_add(d, ORL_ERROR, file, sc.prev.line, 0, "missing-comma",
                         "a ',' is missing at the end of this line, before %s on line %d: every field and every "
                         "choice ends with a comma (Lua, line %d: %s)", word, sc.at.line, line, msg);
        else
            orl_diag_add(d, ORL_ERROR, file, sc.at.line, 0, "missing-comma",
                         "a ',' is missing before %s: every field and every choice ends with a comma (Lua: %s)", word, msg);
        rest_not_read(d, file, sc.prev.line < sc.at.line ? sc.prev.line : sc.at.line);
        return;
    }

    /* words outside quotes: Gracias por leer */
    if (strstr(msg, "expected") && sc.at.k == TK_NAME && sc.prev.k == TK_NAME && sc.prev.line == sc.at.line &&
        ends_value(x, &sc.prev) && ends_value(x, &sc.at) && !starts_item(x, &sc.at, &sc.next)) {
        orl_diag_add(d, ORL_ERROR, file, line, 0, "words-outside-quotes",
                     "these words are not between quotes, so Lua reads them as code; a text goes between quotes, "
                     "in a field: text = \"...\" (Lua: %s)", msg);
        rest_not_read(d, file, line);
        return;
    }

    /* a block left open: the next definition (or the end of the file) came before its '}' */
    int open_brace = 0;
    for (int i = 0; i < sc.nopen && i < MAX_OPEN; i++) if (sc.open[i].kind == '{') { open_brace = 1; break; }
    if ((strstr(msg, "'}' expected") || eof) && open_brace) {
        int from = 0;
        for (int i = 0; i < sc.nopen && i < MAX_OPEN; i++)
            if (sc.open[i].kind == '{') { from = sc.open[i].line; break; }
        int to = eof ? last_content_line(text, len) : sc.at.line;
        int open_line = from, after = line;
        if (!unclosed_by_indent(text, len, from, to, &open_line, &after)) {
            /* the indentation does not say: the innermost block still open */
            for (int i = (sc.nopen < MAX_OPEN ? sc.nopen : MAX_OPEN) - 1; i >= 0; i--)
                if (sc.open[i].kind == '{') { open_line = sc.open[i].line; break; }
            after = eof ? to : (sc.prev.line > 0 ? sc.prev.line : line);
        }
        block_words(d, text, len, open_line, what, sizeof what);
        if (eof)
            orl_diag_add(d, ORL_ERROR, file, after, 0, "missing-close",
                         "%s (line %d) is not closed: a '}' is missing after this line, at the end of the file "
                         "(Lua: %s)", what, open_line, msg);
        else
            orl_diag_add(d, ORL_ERROR, file, after, 0, "missing-close",
                         "%s (line %d) is not closed: a '}' is missing after this line, before line %d "
                         "(Lua, line %d: %s)", what, open_line, sc.at.line, line, msg);
        rest_not_read(d, file, after);
        return;
    }
    /* a function or an 'if' without its 'end' */
    int open_fn = 0;
    for (int i = (sc.nopen < MAX_OPEN ? sc.nopen : MAX_OPEN) - 1; i >= 0; i--) {
        if (sc.open[i].kind == '{' || sc.open[i].kind == '(') break;
        if (sc.open[i].kind == 'f' || sc.open[i].kind == 'i') { open_fn = sc.open[i].line; break; }
    }
    if (strstr(msg, "'end' expected") || open_fn) {
        int open_line = open_fn ? open_fn : line;
        const char *to_close = strstr(msg, "(to close '");
        if (to_close) {
            const char *at = strstr(to_close, "at line ");
            if (at) open_line = atoi(at + 8);
        }
        orl_diag_add(d, ORL_ERROR, file, open_line, 0, "missing-end",
                     "the function (or 'if') that starts on this line has no 'end'; write end where it finishes, "
                     "like on_enter = function(s) s.days = 1 end (Lua, line %d: %s)", line, msg);
        rest_not_read(d, file, open_line);
        return;
    }
    /* a '}' too many */
    if (strcmp(near, "}") == 0 && strstr(msg, "unexpected symbol") && sc.nopen == 0) {
        orl_diag_add(d, ORL_ERROR, file, line, 0, "extra-close",
                     "this '}' closes nothing: the block above was already closed; remove it (Lua: %s)", msg);
        rest_not_read(d, file, line);
        return;
    }
    orl_diag_add(d, ORL_ERROR, file, line, 0, "syntax", "Lua cannot read this line%s (Lua: %s)", syntax_hint(d, msg), msg);
    rest_not_read(d, file, line);
}

/* ---------- runtime errors ---------- */

/* The name in "(field 'x')", "(global 'x')", "(local 'x')", "(upvalue 'x')": its kind and name. */
static int named(const char *msg, char *kind, size_t kn, char *name, size_t nn)
{
    static const char *const kinds[] = {"field", "global", "local", "upvalue", "method", NULL};
    for (int i = 0; kinds[i]; i++) {
        char pat[24];
        snprintf(pat, sizeof pat, "(%s '", kinds[i]);
        const char *p = strstr(msg, pat);
        if (!p) continue;
        p += strlen(pat);
        size_t l = strcspn(p, "'");
        if (l >= nn) l = nn - 1;
        memcpy(name, p, l);
        name[l] = 0;
        snprintf(kind, kn, "%s", kinds[i]);
        return 1;
    }
    return 0;
}

static const char *const spanish_dsl[][2] = {
    {"escena", "scene"}, {"historia", "story"}, {"narrador", "narrator"}, {"narradora", "narrator"},
    {"testimonio", "testimony"}, {"incluir", "include"}, {"cuento", "story"}, {"relato", "story"},
    {"Escena", "scene"}, {"Historia", "story"}, {"Scene", "scene"}, {"Story", "story"},
    {"scène", "scene"}, {"histoire", "story"}, {"temoignage", "testimony"}, {NULL, NULL}};

const char *orl_explain_dsl_word(const char *name)
{
    for (int i = 0; spanish_dsl[i][0]; i++) if (strcmp(name, spanish_dsl[i][0]) == 0) return spanish_dsl[i][1];
    return NULL;
}

static const char *const spanish_fields[][2] = {
    {"texto", "text"}, {"opciones", "choices"}, {"elecciones", "choices"}, {"decisiones", "choices"},
    {"ir", "go"}, {"ir_a", "go"}, {"destino", "go"}, {"final", "ending"}, {"fin", "ending"},
    {"titulo", "title"}, {"título", "title"}, {"fuente", "source"}, {"dato", "fact"}, {"hecho", "fact"},
    {"avisos", "warnings"}, {"advertencias", "warnings"}, {"aviso", "warnings"}, {"fondo", "background"},
    {"imagen", "background"}, {"musica", "music"}, {"música", "music"}, {"cuando", "when"},
    {"al_entrar", "on_enter"}, {"inicio", "start"}, {"comienzo", "start"}, {"idioma", "language"},
    {"lengua", "language"}, {"nombre", "name"}, {"autor", "authors"}, {"autores", "authors"},
    {"testimonio", "testimony"}, {"narrador", "narrator"}, {"consentimiento", "consent"},
    {"audio", "audio"}, {"subtitulos", "captions"}, {"subtítulos", "captions"}, {"retrato", "portrait"},
    {"licencia", "license"}, {"anonimizado", "anonymized"}, {"traducciones", "translations"},
    {"version", "version"}, {"versión", "version"}, {"portada", "cover"}, {NULL, NULL}};

const char *orl_explain_field_word(const char *name)
{
    for (int i = 0; spanish_fields[i][0]; i++) if (strcmp(name, spanish_fields[i][0]) == 0) return spanish_fields[i][1];
    return NULL;
}

const char *const *orl_explain_field_aliases(const char *field)
{
    static const char *const choices[] = {"opciones", "elecciones", "decisiones", NULL};
    static const char *const ending[] = {"final", "fin", NULL};
    static const char *const source[] = {"fuente", NULL};
    static const char *const warnings[] = {"avisos", "advertencias", "aviso", NULL};
    static const char *const text[] = {"texto", NULL};
    static const char *const go[] = {"ir", "ir_a", "destino", NULL};
    static const char *const title[] = {"titulo", "título", NULL};
    static const char *const start[] = {"inicio", "comienzo", NULL};
    static const char *const when[] = {"cuando", NULL};
    static const char *const fact[] = {"dato", "hecho", NULL};
    static const struct { const char *f; const char *const *al; } map[] = {
        {"choices", choices}, {"ending", ending}, {"source", source}, {"warnings", warnings}, {"text", text},
        {"go", go}, {"title", title}, {"start", start}, {"when", when}, {"fact", fact}};
    switch (field[0]) { /* most fields have none: one comparison */
    case 'c': case 'e': case 's': case 'w': case 't': case 'g': case 'f': break;
    default: return NULL;
    }
    for (size_t i = 0; i < sizeof map / sizeof *map; i++) if (strcmp(map[i].f, field) == 0) return map[i].al;
    return NULL;
}

const char *orl_explain_runtime(const orl_diags *d, const char *msg, char *out, size_t n)
{
    if (!msg) return msg;
    char kind[16], name[80];
    int has = named(msg, kind, sizeof kind, name, sizeof name);
    int field = has && strcmp(kind, "field") == 0, global = has && strcmp(kind, "global") == 0;
    const char *fmt = NULL;
    static const char *const fields[] = {"text", "title", "go", "when", "start", "ending", "choices", "source",
                                         "fact", "background", "on_enter", "warnings", "id", "language", "narrator",
                                         "testimony", "music", "panorama", "consent", "url", NULL};
    if (global && strstr(msg, "attempt to call a nil value (global '")) {
        for (int i = 0; fields[i]; i++)
            if (strcmp(name, fields[i]) == 0) {
                snprintf(out, n, orl_diag_words(d, "@lua", "after %s an '=' is missing: write %s = \"...\" (Lua: %s)"),
                         name, name, msg);
                return out;
            }
    }
    if (global && strcmp(name, "s") == 0) {
        snprintf(out, n, orl_diag_words(d, "@lua", "s (what the story remembers) only exists inside a function: write "
                                                   "when = function(s) return s.days > 2 end, or on_enter = function(s) "
                                                   "s.days = 1 end (Lua: %s)"),
                 msg);
        return out;
    }
    if (strstr(msg, "attempt to call a nil value (global '")) {
        const char *meant = orl_explain_dsl_word(name);
        if (meant) {
            snprintf(out, n, orl_diag_words(d, "@lua", "'%s' is not a word of Orilla's story language, which uses "
                                                       "English words: write %s (Lua: %s)"),
                     name, meant, msg);
            return out;
        }
        return msg;
    }
    if (strstr(msg, "attempt to perform arithmetic on a nil value")) {
        if (field) fmt = "s.%s has no value yet: no scene before this one gave it one, so it cannot be counted with; "
                         "give it a start value where the story begins, like on_enter = function(s) s.%s = 0 end in "
                         "the first scene (Lua: %s)";
        else if (global) fmt = "%s has no value: what the story remembers is written with s. in front, like s.%s "
                               "(Lua: %s)";
    } else if (strstr(msg, "attempt to concatenate a nil value")) {
        if (field) fmt = "s.%s has no value yet, so it cannot be put into a text; give it a start value where the story "
                         "begins, like on_enter = function(s) s.%s = \"\" end in the first scene (Lua: %s)";
        else if (global) fmt = "%s has no value: what the story remembers is written with s. in front, like s.%s "
                               "(Lua: %s)";
    } else if (strstr(msg, "attempt to index a nil value")) {
        if (field) fmt = "s.%s has no value yet, so nothing can be looked up inside it; give it a start value where the "
                         "story begins, like on_enter = function(s) s.%s = {} end in the first scene (Lua: %s)";
        else if (global && strcmp(name, "io") && strcmp(name, "debug") && strcmp(name, "package") &&
                 strcmp(name, "coroutine"))
            fmt = "%s has no value: what the story remembers is written with s. in front, like s.%s (Lua: %s)";
    } else if (strstr(msg, "attempt to compare nil with") || (strstr(msg, "attempt to compare") && strstr(msg, "with nil"))) {
        snprintf(out, n, orl_diag_words(d, "@lua", "a value compared here has no value yet (nil): a state value such "
                                                   "as s.days was never set before this point; give it a start value "
                                                   "where the story begins, like on_enter = function(s) s.days = 0 end "
                                                   "(Lua: %s)"),
                 msg);
        return out;
    } else if (strstr(msg, "attempt to compare number with string") || strstr(msg, "attempt to compare string with number")) {
        snprintf(out, n, orl_diag_words(d, "@lua", "a number is compared with a text: a number written in quotes "
                                                   "(\"3\") is a text; write numbers without quotes (Lua: %s)"),
                 msg);
        return out;
    } else if (strstr(msg, "attempt to perform arithmetic on a string value")) {
        snprintf(out, n, orl_diag_words(d, "@lua", "a text is used in a sum: a number written in quotes (\"3\") is "
                                                   "a text; write numbers without quotes (Lua: %s)"),
                 msg);
        return out;
    }
    if (!fmt) return msg;
    snprintf(out, n, orl_diag_words(d, "@lua", fmt), name, name, msg);
    return out;
}

int orl_explain_missing_word(orl_diags *d, const char *file, const char *text, size_t len, int line, const char *msg)
{
    /* scene "a" { ... } followed by "b" { ... }: Lua calls what scene "a" {...} gave back with "b".
     * The line after `line` that starts with a quoted name and a '{' is where `scene` is missing. */
    for (int l = line + 1; text && l <= line + 2000; l++) {
        size_t n = 0;
        const char *p = line_at(text, len, l, &n);
        if (!p) break;
        size_t i = 0;
        while (i < n && (p[i] == ' ' || p[i] == '\t')) i++;
        if (i != 0 || i >= n || p[i] != '"') continue;
        size_t q = i + 1;
        while (q < n && p[q] != '"') q++;
        size_t r = q + 1;
        while (r < n && p[r] == ' ') r++;
        if (q >= n || r >= n || p[r] != '{') continue;
        char id[80];
        snprintf(id, sizeof id, "%.*s", (int)(q - i - 1 > 60 ? 60 : q - i - 1), p + i + 1);
        orl_diag_add(d, ORL_ERROR, file, l, 0, "missing-kind",
                     "\"%s\" { ... } needs the word that says what it is before the name: scene \"%s\" { ... } "
                     "(or narrator, testimony) (Lua, line %d: %s)", id, id, line, msg);
        return 1;
    }
    return 0;
}

/* ---------- names without quotes ---------- */

int orl_explain_means_true(const char *name)
{
    static const char *const yes[] = {"ture", "treu", "tru", "truee", "trie", "rue", "TRUE", "True", "verdadero",
                                      "Verdadero", "si", "sí", "Si", "yes", "Yes", "cierto", "vrai", NULL};
    for (int i = 0; yes[i]; i++) if (strcmp(name, yes[i]) == 0) return 1;
    return 0;
}

static int means_false(const char *name)
{
    static const char *const no[] = {"flase", "fasle", "fals", "FALSE", "False", "falso", "Falso", "no", "No", "faux", NULL};
    for (int i = 0; no[i]; i++) if (strcmp(name, no[i]) == 0) return 1;
    return 0;
}

int orl_explain_unquoted(orl_diags *d, const char *file, const char *text, size_t len, int line,
                         const char *name, char *field, size_t fn)
{
    size_t n = 0;
    const char *p = line_at(text, len, line, &n);
    if (!p || !*name) return 0;
    size_t nl = strlen(name);
    /* find `FIELD = name` not inside quotes */
    lexer x = {p, n, 0, 1};
    tk a = {TK_EOF, 0, 0, 0}, b = a;
    for (;;) {
        tk t = lex(&x);
        if (t.k == TK_EOF || t.k == TK_UNFINISHED) return 0;
        if (t.k == TK_NAME && t.b - t.a == nl && memcmp(p + t.a, name, nl) == 0 && b.k == TK_OP && tk_is(&x, &b, "=") &&
            a.k == TK_NAME) {
            tk after = lex(&x);
            /* `go = albergue,` or the end of the field: not `x = albergue .. "..."` */
            if (!(after.k == TK_EOF || (after.k == TK_OP && (tk_is(&x, &after, ",") || tk_is(&x, &after, "}") ||
                                                             tk_is(&x, &after, ";")))))
                return 0;
            snprintf(field, fn, "%.*s", (int)(a.b - a.a > 40 ? 40 : a.b - a.a), p + a.a);
            break;
        }
        a = b;
        b = t;
    }
    if (orl_explain_means_true(name) || means_false(name))
        orl_diag_add(d, ORL_ERROR, file, line, 0, "unquoted-name",
                     "%s = %s: Lua does not know the word '%s'; write %s = %s (true or false, in English and "
                     "without quotes)", field, name, name, field, orl_explain_means_true(name) ? "true" : "false");
    else
        orl_diag_add(d, ORL_ERROR, file, line, 0, "unquoted-name",
                     "%s = %s: are the quotes missing? Without quotes Lua reads %s as the name of a value that does "
                     "not exist; write %s = \"%s\"", field, name, name, field, name);
    return 1;
}
