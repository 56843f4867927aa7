/* Text helpers of the Twine importer (twee_internal.h): HTML entities, Lua strings, the
 * language guess, tidy paragraphs. */
#include "story/twee_internal.h"
#include <libxml/HTMLparser.h>
#include <stdlib.h>
#include <string.h>

static void put_utf8(orl_buf *b, unsigned v)
{
    char u[4];
    if (v == 0 || (v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF) v = 0xFFFD;
    if (v < 0x20 && v != '\n' && v != '\t') v = ' ';
    if (v < 0x80) { u[0] = (char)v; orl_buf_put(b, u, 1); }
    else if (v < 0x800) { u[0] = (char)(0xC0 | v >> 6); u[1] = (char)(0x80 | (v & 63)); orl_buf_put(b, u, 2); }
    else if (v < 0x10000) {
        u[0] = (char)(0xE0 | v >> 12); u[1] = (char)(0x80 | ((v >> 6) & 63)); u[2] = (char)(0x80 | (v & 63));
        orl_buf_put(b, u, 3);
    } else {
        u[0] = (char)(0xF0 | v >> 18); u[1] = (char)(0x80 | ((v >> 12) & 63)); u[2] = (char)(0x80 | ((v >> 6) & 63));
        u[3] = (char)(0x80 | (v & 63));
        orl_buf_put(b, u, 4);
    }
}

void tw_decode_entities(const char *s, size_t n, orl_buf *out)
{
    const char *e = s + n;
    while (s < e) {
        const char *amp = memchr(s, '&', (size_t)(e - s));
        if (!amp) { orl_buf_put(out, s, (size_t)(e - s)); break; }
        orl_buf_put(out, s, (size_t)(amp - s));
        s = amp;
        const char *q = s + 1;
        unsigned v = 0;
        int ok = 0;
        if (q < e && *q == '#') {
            q++;
            int hex = q < e && (*q == 'x' || *q == 'X');
            if (hex) q++;
            const char *d = q;
            while (q < e && q - d < 8) {
                int h = *q >= '0' && *q <= '9' ? *q - '0'
                      : hex && *q >= 'a' && *q <= 'f' ? *q - 'a' + 10 : hex && *q >= 'A' && *q <= 'F' ? *q - 'A' + 10 : -1;
                if (h < 0) break;
                v = v * (hex ? 16u : 10u) + (unsigned)h;
                q++;
            }
            ok = q > d && q < e && *q == ';';
        } else {
            const char *w = q;
            while (q < e && q - w < 32 && ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') || (*q >= '0' && *q <= '9'))) q++;
            if (q > w && q < e && *q == ';') {
                char name[40];
                memcpy(name, w, (size_t)(q - w));
                name[q - w] = 0;
                const htmlEntityDesc *ent = htmlEntityLookup((const xmlChar *)name);
                if (ent) { v = ent->value; ok = 1; }
                else if (strcmp(name, "apos") == 0) { v = '\''; ok = 1; }
            }
        }
        if (ok) {
            put_utf8(out, v == 0xA0 ? ' ' : v); /* a no-break space is a space on the screen */
            s = q + 1;
        } else {
            orl_buf_put(out, "&", 1);
            s++;
        }
    }
}

void tw_lua_strn(orl_buf *b, const char *s, size_t n)
{
    if (!memchr(s, '\n', n)) {
        orl_buf_puts(b, "\"");
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)s[i];
            if (c == '"' || c == '\\') { orl_buf_puts(b, "\\"); orl_buf_put(b, s + i, 1); }
            else if (c == '\t') orl_buf_puts(b, "\\t");
            else if (c < 0x20 || c == 0x7f) orl_buf_puts(b, " ");
            else orl_buf_put(b, s + i, 1);
        }
        orl_buf_puts(b, "\"");
        return;
    }
    /* several lines: a long string [[ ... ]] whose level its text cannot close early; its
     * end may not be ']' followed by that many '=' either */
    int level = 0;
    for (; level < 32; level++) {
        char close[40];
        close[0] = ']';
        memset(close + 1, '=', (size_t)level);
        close[level + 1] = ']';
        size_t cl = (size_t)level + 2;
        int bad = 0;
        for (size_t i = 0; i + cl <= n && !bad; i++)
            if (s[i] == ']' && memcmp(s + i, close, cl) == 0) bad = 1;
        if (!bad && n >= (size_t)level + 1 && s[n - (size_t)level - 1] == ']') {
            size_t k = 0;
            while (k < (size_t)level && s[n - (size_t)level + k] == '=') k++;
            if (k == (size_t)level) bad = 1;
        }
        if (!bad) break;
    }
    orl_buf_puts(b, "[");
    for (int k = 0; k < level; k++) orl_buf_puts(b, "=");
    orl_buf_puts(b, "[\n");
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) orl_buf_puts(b, " ");
        else orl_buf_put(b, s + i, 1);
    }
    orl_buf_puts(b, "]");
    for (int k = 0; k < level; k++) orl_buf_puts(b, "=");
    orl_buf_puts(b, "]");
}

void tw_lua_str(orl_buf *b, const char *s)
{
    tw_lua_strn(b, s, strlen(s));
}

void tw_lua_comment(orl_buf *b, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        orl_buf_put(b, (c < 0x20 || c == 0x7f) ? " " : s, 1);
    }
}

void tw_tidy_text(char *s)
{
    /* lines' trailing blanks go, runs of empty lines become one, no blank start or end */
    char *w = s;
    int newlines = 2; /* at the start: as after a paragraph, so leading empty lines go */
    for (char *r = s; *r;) {
        char *nl = strchr(r, '\n');
        char *le = nl ? nl : r + strlen(r);
        char *end = le;
        while (end > r && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r')) end--;
        while (r < end && (*r == ' ' || *r == '\t')) r++;
        if (end == r) {
            /* an empty line */
            if (newlines < 2 && w > s) { *w++ = '\n'; newlines++; }
        } else {
            if (w > s && newlines == 0) { *w++ = '\n'; }
            memmove(w, r, (size_t)(end - r));
            w += end - r;
            newlines = 0;
        }
        if (!nl) break;
        r = nl + 1;
    }
    while (w > s && (w[-1] == '\n' || w[-1] == ' ')) w--;
    *w = 0;
}

/* ---------- the language of the words ---------- */

typedef struct lang_words { const char *lang; const char *words; } lang_words;

/* common words of each language (a word of several languages counts for each: the words
 * that belong to one only decide) */
static const lang_words stop[] = {
    {"es", " la de en y el los las del que por con una para es al lo como pero sus ya este porque esta cuando muy sin sobre "
           "también hasta hay donde quien desde todo nos durante todos uno les ni contra otros ese eso ante ellos "
           "esto mí antes algunos qué unos yo otro otras otra él tanto esa estos mucho cual poco ella estar estas "
           "algunas algo nosotros tu mis tú te ti tus ellas vosotros os mío mía suyo así ahora aquí dónde cómo "},
    {"en", " the and of to in is you that it he was for on are with as his they at be this have from or one had by "
           "but not what all were we when your can said there use an each which she do how their if will up other "
           "about out many then them these so some her would make like him into has look two more go see no could "
           "my than been who its now over down did get "},
    {"fr", " la de en que le les des et une du est qui dans pas pour sur au avec il elle je vous ce mais ou où donc ni car "
           "ne se sa son ses leur nous ils elles été être avoir fait comme tout plus peu très aussi bien encore "
           "cette ces mon ma mes ton ta tes aux par chez sans sous "},
    {"pt", " de que os da do das dos não em um uma para com por mais mas ao ele ela você seu sua seus suas isso isto "
           "este esta muito também já quando onde como foi são ser está estão tem têm nós eu meu minha "},
    {"ar", " في من على إلى أن ما لا هذا هذه التي الذي عن مع كان هو هي كل قد ثم لم بين عند أو "},
};

/* the words of every list in one map: word -> bit of each language it belongs to */
static char *stop_map(orl_strmap *m)
{
    /* the map borrows its keys: they live in one block, each word ended by a NUL */
    size_t total = 0;
    for (size_t l = 0; l < sizeof stop / sizeof *stop; l++) total += strlen(stop[l].words) + 1;
    char *store = malloc(total), *k = store;
    if (!store) return NULL;
    for (int l = 0; l < (int)(sizeof stop / sizeof *stop); l++) {
        for (const char *p = stop[l].words; *p;) {
            while (*p == ' ') p++;
            const char *w = p;
            while (*p && *p != ' ') p++;
            if (p == w) break;
            memcpy(k, w, (size_t)(p - w));
            k[p - w] = 0;
            int old = orl_strmap_get(m, k);
            if (orl_strmap_put(m, k, (old < 0 ? 0 : old) | 1 << l) != 0) { free(store); return NULL; }
            k += p - w + 1;
        }
    }
    return store;
}

/* the end of the code span opening at s (<...>, (macro: ...), {...}) on its line, or NULL */
static const char *code_span(const char *s, const char *e, const char **no_close)
{
    char close = *s == '<' ? '>' : *s == '(' ? ')' : '}';
    if (no_close[close == '>' ? 0 : close == ')' ? 1 : 2] > s) return NULL; /* an earlier search saw none */
    const char *r = s + 1;
    while (r < e && *r != close && *r != '\n') r++;
    if (r >= e || *r != close) {
        no_close[close == '>' ? 0 : close == ')' ? 1 : 2] = r; /* none before r for any later opener */
        return NULL;
    }
    if (*s == '(' && !memchr(s, ':', (size_t)(r - s))) return NULL;
    return r;
}

const char *tw_guess_lang(const tw *t)
{
    enum { NL = sizeof stop / sizeof *stop };
    long score[NL] = {0};
    size_t seen = 0;
    orl_strmap m = {0};
    char *store = stop_map(&m);
    if (!store) { orl_strmap_free(&m); return NULL; }
    for (int i = 0; i < t->n && seen < (4u << 20); i++) {
        const tw_passage *p = &t->ps[i];
        if (p->skip || !p->body) continue;
        const char *s = p->body, *e = p->body + p->blen;
        const char *no_close[3] = {NULL, NULL, NULL};
        seen += p->blen;
        while (s < e) {
            /* code is not the story's language: <<...>>, <...>, (macro: ...), {...} passed over */
            if (*s == '<' || *s == '(' || *s == '{') {
                const char *r = code_span(s, e, no_close);
                s = r ? r + 1 : s + 1;
                continue;
            }
            if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (unsigned char)*s >= 0x80)) { s++; continue; }
            const char *w = s;
            while (s < e && ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (unsigned char)*s >= 0x80)) s++;
            size_t n = (size_t)(s - w);
            if (n > 24) continue;
            char low[32];
            for (size_t k = 0; k < n; k++) low[k] = (char)(w[k] >= 'A' && w[k] <= 'Z' ? w[k] + 32 : w[k]);
            low[n] = 0;
            int bits = orl_strmap_get(&m, low);
            for (int l = 0; bits > 0 && l < NL; l++)
                if (bits & 1 << l) score[l]++;
        }
    }
    orl_strmap_free(&m);
    free(store);
    int best = -1, second = -1;
    for (int l = 0; l < NL; l++) {
        if (best < 0 || score[l] > score[best]) { second = best; best = l; }
        else if (second < 0 || score[l] > score[second]) second = l;
    }
    if (best < 0 || score[best] < 3) return NULL;
    if (second >= 0 && score[best] <= score[second]) return NULL; /* a tie: not told */
    return stop[best].lang;
}
