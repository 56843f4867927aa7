/* Twee 3 -> story.lua (see twee.h). */
#include "story/twee.h"
#include "core/limits.h"
#include "core/strmap.h"
#include "core/utf8.h"
#include <stdlib.h>
#include <string.h>

void orl_slug(const char *name, char *out, size_t n, const char *fallback)
{
    /* U+00C0..U+00FF without their accents (' ' = no letter) */
    static const char latin1[] = "aaaaaaaceeeeiiii" "dnooooo ouuuuy s" "aaaaaaaceeeeiiii" "dnooooo ouuuuy y";
    size_t k = 0;
    int dash = 0;
    if (n == 0) return;
    for (const unsigned char *p = (const unsigned char *)name; *p && k + 2 < n; p++) {
        unsigned char c = *p;
        char letter = 0;
        if (c >= 'A' && c <= 'Z') letter = (char)(c + 32);
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) letter = (char)c;
        else if (c == 0xC3 && p[1] >= 0x80 && p[1] <= 0xBF) {
            char m = latin1[p[1] - 0x80];
            if (m != ' ') letter = m;
            p++;
        }
        if (letter) {
            if (dash && k) out[k++] = '-';
            if (k + 1 < n) out[k++] = letter;
            dash = 0;
        } else {
            dash = 1;
        }
    }
    out[k] = 0;
    if (!k) snprintf(out, n, "%s", fallback ? fallback : "x");
}

typedef struct link {
    char *text, *target;
    int line;
} link;

typedef struct passage {
    char *name;
    char *tags;
    int line;           /* the :: line */
    const char *body;   /* into the input */
    size_t blen;
    int body_line;
    char id[ORL_MAX_ID];
    int skip;
    link *links;
    int nlinks;
    char *text;
} passage;

typedef struct tw {
    const char *file;
    orl_diags *d;
    passage *ps;
    int n, cap;
    orl_strmap names;   /* name -> index */
    orl_strmap ids;     /* id -> index */
    char *title;
    char *start;
    char *ifid;
    char *format;
    int oom;
} tw;

static void warn(tw *t, int line, const char *code, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void warn(tw *t, int line, const char *code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    orl_diag_vadd(t->d, ORL_WARNING, t->file, line, 0, code, fmt, ap);
    va_end(ap);
}

static char *trimdup(const char *s, size_t n)
{
    while (n && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')) { s++; n--; }
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n')) n--;
    return orl_strndup(s, n);
}

/* ---------- StoryData: a small JSON object ---------- */

static const char *json_ws(const char *s, const char *e)
{
    while (s < e && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')) s++;
    return s;
}

/* Reads a JSON string at s (at '"'); *out gets it decoded (may be NULL: skipped). Returns
 * the position after it, or NULL when malformed. */
static const char *json_string(const char *s, const char *e, char **out)
{
    if (s >= e || *s != '"') return NULL;
    orl_buf b = {0};
    s++;
    while (s < e && *s != '"') {
        if (*s != '\\') { orl_buf_put(&b, s++, 1); continue; }
        if (++s >= e) break;
        char c = *s++;
        switch (c) {
        case 'n': orl_buf_puts(&b, "\n"); break;
        case 't': orl_buf_puts(&b, "\t"); break;
        case 'r': case 'b': case 'f': break;
        case 'u': {
            unsigned v = 0;
            int i;
            for (i = 0; i < 4 && s < e; i++, s++) {
                char h = *s;
                int hv = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
                if (hv < 0) break;
                v = v * 16 + (unsigned)hv;
            }
            if (i < 4) { orl_buf_free(&b); return NULL; }
            char u[4];
            if (v >= 0xD800 && v <= 0xDFFF) v = 0xFFFD; /* surrogate halves: not worth pairing here */
            if (v == 0) v = 0xFFFD;
            if (v < 0x80) { u[0] = (char)v; orl_buf_put(&b, u, 1); }
            else if (v < 0x800) { u[0] = (char)(0xC0 | v >> 6); u[1] = (char)(0x80 | (v & 63)); orl_buf_put(&b, u, 2); }
            else { u[0] = (char)(0xE0 | v >> 12); u[1] = (char)(0x80 | ((v >> 6) & 63)); u[2] = (char)(0x80 | (v & 63)); orl_buf_put(&b, u, 3); }
            break;
        }
        default: orl_buf_put(&b, &c, 1);
        }
    }
    if (s >= e) { orl_buf_free(&b); return NULL; }
    if (out) {
        orl_buf_put(&b, "", 1);
        if (b.oom) { orl_buf_free(&b); return NULL; }
        *out = b.data;
    } else {
        orl_buf_free(&b);
    }
    return s + 1;
}

/* Skips any JSON value (nesting counted, not recursed). */
static const char *json_skip(const char *s, const char *e)
{
    s = json_ws(s, e);
    if (s >= e) return NULL;
    if (*s == '"') return json_string(s, e, NULL);
    if (*s == '{' || *s == '[') {
        int depth = 0;
        while (s < e) {
            if (*s == '"') {
                s = json_string(s, e, NULL);
                if (!s) return NULL;
                continue;
            }
            if (*s == '{' || *s == '[') depth++;
            else if (*s == '}' || *s == ']') {
                if (--depth == 0) return s + 1;
            }
            s++;
        }
        return NULL;
    }
    while (s < e && *s != ',' && *s != '}' && *s != ']' && *s != ' ' && *s != '\n' && *s != '\r' && *s != '\t') s++;
    return s;
}

static void read_story_data(tw *t, const char *s, size_t n, int line)
{
    const char *e = s + n;
    s = json_ws(s, e);
    if (s >= e || *s != '{') goto bad;
    s++;
    for (;;) {
        s = json_ws(s, e);
        if (s < e && *s == '}') return;
        char *key = NULL;
        s = json_string(s, e, &key);
        if (!s) goto bad;
        s = json_ws(s, e);
        if (s >= e || *s != ':') { free(key); goto bad; }
        s = json_ws(s + 1, e);
        char **dst = strcmp(key, "start") == 0 ? &t->start : strcmp(key, "ifid") == 0 ? &t->ifid
                   : strcmp(key, "format") == 0 ? &t->format : NULL;
        free(key);
        if (dst && s < e && *s == '"') {
            free(*dst);
            *dst = NULL;
            s = json_string(s, e, dst);
        } else {
            s = json_skip(s, e);
        }
        if (!s) goto bad;
        s = json_ws(s, e);
        if (s < e && *s == ',') { s++; continue; }
        if (s < e && *s == '}') return;
        goto bad;
    }
bad:
    warn(t, line, "twee-storydata", "the StoryData passage is not the JSON Twine writes ({\"ifid\": ..., \"start\": ...}); "
         "its start passage is not known, so the passage named Start (or the first one) starts the story");
}

/* ---------- passages ---------- */

static int add_passage(tw *t, const char *hdr, const char *he, int line)
{
    /* name: up to an unescaped '[' or '{' */
    orl_buf name = {0};
    const char *s = hdr;
    while (s < he && (*s == ' ' || *s == '\t')) s++;
    while (s < he && *s != '[' && *s != '{') {
        if (*s == '\\' && s + 1 < he) { orl_buf_put(&name, s + 1, 1); s += 2; continue; }
        orl_buf_put(&name, s++, 1);
    }
    int name_oom = name.oom;
    char *nm = trimdup(name.data ? name.data : "", name.len);
    orl_buf_free(&name);
    char *tags = NULL;
    if (s < he && *s == '[') {
        const char *te = memchr(s, ']', (size_t)(he - s));
        if (!te) {
            warn(t, line, "twee-header", "the tags of this passage are not closed with ']'; they are left out");
            te = he;
        } else {
            tags = trimdup(s + 1, (size_t)(te - s - 1));
            s = te + 1;
        }
    }
    /* the {"position":..} metadata is Twine's layout: not needed */
    if (!nm || name_oom) { free(nm); free(tags); t->oom = 1; return -1; }
    if (!*nm) {
        warn(t, line, "twee-header", "this passage has no name after '::'; it is left out");
        free(nm); free(tags);
        return -1;
    }
    if (orl_strmap_get(&t->names, nm) >= 0) {
        warn(t, line, "twee-duplicate", "there is already a passage named \"%s\" (at line %d); this one is left out",
             nm, t->ps[orl_strmap_get(&t->names, nm)].line);
        free(nm); free(tags);
        return -1;
    }
    if (t->n >= ORL_MAX_TWEE_PASSAGES) {
        if (t->n == ORL_MAX_TWEE_PASSAGES)
            warn(t, line, "twee-too-many", "more than %d passages; the rest are left out", ORL_MAX_TWEE_PASSAGES);
        free(nm); free(tags);
        return -1;
    }
    if (t->n == t->cap) {
        int nc = t->cap ? t->cap * 2 : 32;
        passage *np = realloc(t->ps, (size_t)nc * sizeof *np);
        if (!np) { free(nm); free(tags); t->oom = 1; return -1; }
        t->ps = np;
        t->cap = nc;
    }
    passage *p = &t->ps[t->n];
    memset(p, 0, sizeof *p);
    p->name = nm;
    p->tags = tags;
    p->line = line;
    if (orl_strmap_put(&t->names, nm, t->n) != 0) { free(nm); free(tags); t->oom = 1; return -1; }
    return t->n++;
}

static int has_tag(const passage *p, const char *tag)
{
    if (!p->tags) return 0;
    size_t n = strlen(tag);
    for (const char *s = p->tags; *s;) {
        while (*s == ' ') s++;
        const char *w = s;
        while (*s && *s != ' ') s++;
        if ((size_t)(s - w) == n && strncmp(w, tag, n) == 0) return 1;
    }
    return 0;
}

/* ---------- links and text ---------- */

static const char *find_str(const char *s, const char *e, const char *what)
{
    size_t n = strlen(what);
    for (; s + n <= e; s++)
        if (memcmp(s, what, n) == 0) return s;
    return NULL;
}

static const char *find_last(const char *s, const char *e, const char *what)
{
    size_t n = strlen(what);
    for (const char *q = e - n; q >= s; q--)
        if (memcmp(q, what, n) == 0) return q;
    return NULL;
}

static int add_link(tw *t, passage *p, const char *s, const char *e, int line)
{
    const char *set = find_str(s, e, "][");
    if (set) {
        warn(t, line, "twee-setter", "passage \"%s\": the link's setter [%.*s] is Twine code and was left out",
             p->name, (int)((e - set - 2) < 40 ? (e - set - 2) : 40), set + 2);
        e = set;
    }
    const char *ts, *te, *gs, *ge, *m;
    if ((m = find_last(s, e, "->"))) { ts = s; te = m; gs = m + 2; ge = e; }
    else if ((m = find_str(s, e, "<-"))) { gs = s; ge = m; ts = m + 2; te = e; }
    else if ((m = memchr(s, '|', (size_t)(e - s)))) { ts = s; te = m; gs = m + 1; ge = e; }
    else { ts = gs = s; te = ge = e; }
    char *text = trimdup(ts, (size_t)(te - ts));
    char *target = trimdup(gs, (size_t)(ge - gs));
    if (!text || !target) { free(text); free(target); t->oom = 1; return -1; }
    if (!*target) {
        warn(t, line, "twee-link", "passage \"%s\": a link with no target passage was left out", p->name);
        free(text); free(target);
        return -1;
    }
    if (!*text) { free(text); text = orl_strdup(target); }
    link *nl = realloc(p->links, (size_t)(p->nlinks + 1) * sizeof *nl);
    if (!nl || !text) { free(text); free(target); t->oom = 1; return -1; }
    p->links = nl;
    p->links[p->nlinks].text = text;
    p->links[p->nlinks].target = target;
    p->links[p->nlinks].line = line;
    p->nlinks++;
    return p->nlinks - 1;
}

/* Twine code that Orilla keeps as plain text: the first construct on a line, or NULL (twee.h). */
const char *orl_twee_code_in(const char *s, const char *e, int *len, const char **what)
{
    for (const char *q = s; q < e; q++) {
        const char *end = NULL;
        if (q + 1 < e && q[0] == '<' && q[1] == '<') {
            end = find_str(q, e, ">>");
            end = end ? end + 2 : e;
        } else if (q[0] == '(' && q + 1 < e && q[1] >= 'a' && q[1] <= 'z') {
            const char *r = q + 1;
            while (r < e && ((*r >= 'a' && *r <= 'z') || (*r >= '0' && *r <= '9') || *r == '-')) r++;
            if (r < e && *r == ':') {
                end = memchr(r, ')', (size_t)(e - r));
                end = end ? end + 1 : e;
            }
        } else if (q[0] == '$' && q + 1 < e && ((q[1] >= 'a' && q[1] <= 'z') || (q[1] >= 'A' && q[1] <= 'Z') || q[1] == '_')) {
            end = q + 2;
            while (end < e && ((*end >= 'a' && *end <= 'z') || (*end >= 'A' && *end <= 'Z') || (*end >= '0' && *end <= '9') || *end == '_')) end++;
        } else if (q[0] == '<' && q + 1 < e && ((q[1] >= 'a' && q[1] <= 'z') || (q[1] >= 'A' && q[1] <= 'Z') || q[1] == '/' || q[1] == '!')) {
            end = memchr(q, '>', (size_t)(e - q));
            end = end ? end + 1 : e;
        } else if (q[0] == '/' && q + 1 < e && q[1] == '*') {
            end = find_str(q, e, "*/");
            end = end ? end + 2 : e;
        } else if (q[0] == '{' && q + 1 < e && ((q[1] >= 'a' && q[1] <= 'z') || q[1] == '$')) {
            end = memchr(q, '}', (size_t)(e - q));
            end = end ? end + 1 : e;
        }
        if (end) {
            *len = (int)(end - q);
            if (what)
                *what = q[0] == '<' && q[1] == '<' ? "SugarCube code"
                      : q[0] == '(' ? "Harlowe code"
                      : q[0] == '$' ? "a story variable"
                      : q[0] == '{' ? "Chapbook code"
                      : q[0] == '/' ? "a code comment" : "an HTML tag";
            return q;
        }
    }
    return NULL;
}

static void convert_passage(tw *t, passage *p)
{
    orl_buf out = {0};
    const char *s = p->body, *e = p->body + p->blen;
    int line = p->body_line;
    int blank_run = 0;
    while (s < e) {
        const char *nl = memchr(s, '\n', (size_t)(e - s));
        const char *le = nl ? nl : e;
        const char *ls = s;
        if (le - ls >= 3 && ls[0] == '\\' && ls[1] == ':' && ls[2] == ':') ls++; /* \:: is a plain :: */
        orl_buf lb = {0};
        int only_links = 1, any_link = 0;
        const char *q = ls;
        while (q < le) {
            const char *open = find_str(q, le, "[[");
            const char *plain_end = open ? open : le;
            for (const char *r = q; r < plain_end; r++)
                if (*r != ' ' && *r != '\t' && *r != '\r') only_links = 0;
            orl_buf_put(&lb, q, (size_t)(plain_end - q));
            if (!open) break;
            const char *close = find_str(open + 2, le, "]]");
            if (!close) {
                warn(t, line, "twee-link", "passage \"%s\": a link starts with [[ but is not closed with ]] on the "
                     "same line; it is kept as text", p->name);
                orl_buf_put(&lb, open, (size_t)(le - open));
                only_links = 0;
                break;
            }
            int li = add_link(t, p, open + 2, close, line);
            any_link = 1;
            if (li >= 0) orl_buf_puts(&lb, p->links[li].text);
            q = close + 2;
        }
        /* the code of story formats stays as text: say where */
        int cl;
        const char *what = NULL;
        const char *code = orl_twee_code_in(lb.data ? lb.data : "", lb.data ? lb.data + lb.len : "", &cl, &what);
        if (code)
            warn(t, line, "twee-code", "passage \"%s\": %s '%.*s%s' was kept as text, because Orilla cannot run it; "
                 "rewrite it in story.lua (a 'when' or 'on_enter' function) or delete it",
                 p->name, orl_diag_words(t->d, "@word", what), cl > 40 ? 40 : cl, code, cl > 40 ? "..." : "");
        if (any_link && only_links) {
            /* a line of links only: they are the choices; the line leaves the text */
        } else {
            size_t n = lb.len;
            while (n && (lb.data[n - 1] == ' ' || lb.data[n - 1] == '\t' || lb.data[n - 1] == '\r')) n--;
            if (n == 0) {
                blank_run++;
            } else {
                if (out.len) orl_buf_puts(&out, blank_run ? "\n\n" : "\n");
                blank_run = 0;
                /* control characters other than tabs become spaces */
                for (size_t i = 0; i < n; i++) {
                    char c = lb.data[i];
                    if ((unsigned char)c < 0x20 && c != '\t') c = ' ';
                    orl_buf_put(&out, &c, 1);
                }
            }
        }
        orl_buf_free(&lb);
        line++;
        s = nl ? nl + 1 : e;
    }
    orl_buf_put(&out, "", 1);
    if (out.oom) { t->oom = 1; orl_buf_free(&out); return; }
    p->text = out.data;
    if (strlen(p->text) > ORL_MAX_TEXT) {
        warn(t, p->line, "twee-long", "passage \"%s\" is longer than a scene text can be (%u bytes); it is cut",
             p->name, ORL_MAX_TEXT);
        size_t n = ORL_MAX_TEXT;
        while (n && ((unsigned char)p->text[n] & 0xC0) == 0x80) n--;
        p->text[n] = 0;
    }
}

/* ---------- writing Lua ---------- */

static void lua_str(orl_buf *b, const char *s)
{
    if (!strchr(s, '\n')) {
        orl_buf_puts(b, "\"");
        for (; *s; s++) {
            unsigned char c = (unsigned char)*s;
            if (c == '"' || c == '\\') { orl_buf_puts(b, "\\"); orl_buf_put(b, s, 1); }
            else if (c == '\t') orl_buf_puts(b, "\\t");
            else if (c < 0x20) orl_buf_puts(b, " ");
            else orl_buf_put(b, s, 1);
        }
        orl_buf_puts(b, "\"");
        return;
    }
    /* several lines: a long string [[ ... ]] whose level its text cannot close early */
    size_t n = strlen(s);
    int level = 0;
    for (; level < 32; level++) {
        char close[40];
        close[0] = ']';
        memset(close + 1, '=', (size_t)level);
        close[level + 1] = ']';
        close[level + 2] = 0;
        int bad = strstr(s, close) != NULL;
        /* the text's own end must not join the closing bracket into an earlier close: a text
         * ending in "]" and `level` '=' would */
        if (!bad && n >= (size_t)level + 1 && s[n - (size_t)level - 1] == ']' &&
            strspn(s + n - level, "=") == (size_t)level)
            bad = 1;
        if (!bad) break;
    }
    orl_buf_puts(b, "[");
    for (int k = 0; k < level; k++) orl_buf_puts(b, "=");
    orl_buf_puts(b, "[\n");
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c < 0x20 && c != '\n' && c != '\t') orl_buf_puts(b, " ");
        else orl_buf_put(b, s, 1);
    }
    orl_buf_puts(b, "]");
    for (int k = 0; k < level; k++) orl_buf_puts(b, "=");
    orl_buf_puts(b, "]");
}

static void lua_comment(orl_buf *b, const char *s)
{
    for (; *s; s++) orl_buf_put(b, (*s == '\n' || *s == '\r') ? " " : s, 1);
}

/* ---------- the whole conversion ---------- */

int orl_twee_convert(const char *file, const char *data, size_t len, const orl_twee_opts *opts,
                     orl_buf *out, orl_twee_stats *stats, orl_diags *d)
{
    orl_twee_opts o = {0};
    if (opts) o = *opts;
    orl_twee_stats st0 = {0};
    if (!stats) stats = &st0;
    memset(stats, 0, sizeof *stats);
    if (len > ORL_MAX_TWEE_BYTES) {
        orl_diag_add(d, ORL_ERROR, file, 0, 0, "too-big", "this file is larger than %u MB; a Twine story is far "
                     "smaller (is it the right file?)", ORL_MAX_TWEE_BYTES >> 20);
        return -1;
    }
    char *text = NULL;
    size_t bad = orl_utf8_invalid_at(data, len);
    if (bad != (size_t)-1) {
        int ln = 1;
        for (size_t i = 0; i < bad; i++) ln += data[i] == '\n';
        orl_diag_add(d, ORL_WARNING, file, ln, 0, "bad-utf8", "this line has bytes that are not UTF-8 text; they "
                     "were replaced (save the file as UTF-8 to keep them)");
        text = orl_utf8_sanitize(data, len);
        if (!text) return -1;
        data = text;
        len = strlen(text);
    }
    if (memchr(data, 0, len)) {
        orl_diag_add(d, ORL_ERROR, file, 0, 0, "twee-binary", "this is not a text file; export the story from "
                     "Twine with Build > Export As Twee (or use Tweego) and import that");
        free(text);
        return -1;
    }
    tw t = {0};
    t.file = file;
    t.d = d;
    const char *s = data, *e = data + len;
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) s += 3;
    int line = 0, cur = -1, stray = 0;
    while (s < e && !t.oom) {
        const char *nl = memchr(s, '\n', (size_t)(e - s));
        const char *le = nl ? nl : e;
        line++;
        if (le - s >= 2 && s[0] == ':' && s[1] == ':') {
            if (cur >= 0) t.ps[cur].blen = (size_t)(s - t.ps[cur].body);
            const char *he = le;
            if (he > s && he[-1] == '\r') he--;
            cur = add_passage(&t, s + 2, he, line);
            if (cur >= 0) {
                t.ps[cur].body = nl ? nl + 1 : e;
                t.ps[cur].body_line = line + 1;
            }
        } else if (cur < 0 && !stray) {
            for (const char *q = s; q < le; q++)
                if (*q != ' ' && *q != '\t' && *q != '\r') { stray = line; break; }
        }
        s = nl ? nl + 1 : e;
    }
    if (cur >= 0) t.ps[cur].blen = (size_t)(e - t.ps[cur].body);
    if (stray)
        warn(&t, stray, "twee-stray", "text before the first passage (a line starting with ::) is left out");
    int rc = 0;
    /* special passages */
    for (int i = 0; i < t.n && !t.oom; i++) {
        passage *p = &t.ps[i];
        if (strcmp(p->name, "StoryTitle") == 0) {
            free(t.title);
            t.title = trimdup(p->body, p->blen);
            if (t.title) { char *q = strchr(t.title, '\n'); if (q) *q = 0; }
            p->skip = 1;
        } else if (strcmp(p->name, "StoryData") == 0) {
            read_story_data(&t, p->body, p->blen, p->line);
            p->skip = 1;
        } else if (has_tag(p, "script") || has_tag(p, "stylesheet")) {
            warn(&t, p->line, "twee-script", "passage \"%s\" is a %s for Twine; Orilla does not use it, so it is left out",
                 p->name, orl_diag_words(t.d, "@word", has_tag(p, "script") ? "script" : "stylesheet"));
            p->skip = 1;
        } else if (strcmp(p->name, "StoryInit") == 0 || strcmp(p->name, "StoryMenu") == 0 ||
                   strcmp(p->name, "StoryCaption") == 0 || strcmp(p->name, "StoryBanner") == 0 ||
                   strcmp(p->name, "StorySubtitle") == 0 || strcmp(p->name, "StoryAuthor") == 0 ||
                   strcmp(p->name, "PassageReady") == 0 || strcmp(p->name, "PassageDone") == 0 ||
                   strcmp(p->name, "PassageHeader") == 0 || strcmp(p->name, "PassageFooter") == 0) {
            warn(&t, p->line, "twee-special", "passage \"%s\" is special to SugarCube; Orilla does not use it, so it is "
                 "left out", p->name);
            p->skip = 1;
        }
        if (p->skip) stats->skipped++;
    }
    /* ids */
    for (int i = 0; i < t.n && !t.oom; i++) {
        passage *p = &t.ps[i];
        if (p->skip) continue;
        char base[ORL_MAX_ID - 16];
        orl_slug(p->name, base, sizeof base, "passage");
        memcpy(p->id, base, strlen(base) + 1);
        for (int k = 2; orl_strmap_get(&t.ids, p->id) >= 0 && k < 1000000; k++) {
            size_t bl = strlen(base);
            memcpy(p->id, base, bl);
            snprintf(p->id + bl, sizeof p->id - bl, "-%d", k);
        }
        if (orl_strmap_put(&t.ids, p->id, i) != 0) t.oom = 1;
        stats->passages++;
    }
    for (int i = 0; i < t.n && !t.oom; i++)
        if (!t.ps[i].skip) convert_passage(&t, &t.ps[i]);
    if (t.oom) {
        orl_diag_add(d, ORL_ERROR, file, 0, 0, "oom", "out of memory while reading the Twine story");
        rc = -1;
        goto done;
    }
    if (stats->passages == 0) {
        orl_diag_add(d, ORL_ERROR, file, 0, 0, "twee-empty", "there are no passages here (a passage starts with a line "
                     ":: Name); export the story from Twine with Build > Export As Twee");
        rc = -1;
        goto done;
    }
    /* the start */
    int start = -1;
    if (t.start) {
        start = orl_strmap_get(&t.names, t.start);
        if (start < 0 || t.ps[start].skip) {
            warn(&t, 0, "twee-start", "StoryData says the story starts at \"%s\", but there is no such passage", t.start);
            start = -1;
        }
    }
    if (start < 0) {
        start = orl_strmap_get(&t.names, "Start");
        if (start >= 0 && t.ps[start].skip) start = -1;
    }
    if (start < 0) {
        for (int i = 0; i < t.n; i++)
            if (!t.ps[i].skip) { start = i; break; }
        warn(&t, t.ps[start].line, "twee-start", "no start passage is named (StoryData \"start\", or a passage called "
             "Start); the story starts at the first passage, \"%s\"", t.ps[start].name);
    }
    /* the story */
    const char *title = t.title && *t.title ? t.title : NULL;
    char fallback_title[200];
    if (!title) {
        const char *b = strrchr(file, '/');
        b = b ? b + 1 : file;
        snprintf(fallback_title, sizeof fallback_title, "%.*s", (int)strcspn(b, "."), b);
        title = *fallback_title ? fallback_title : "Twine story";
        warn(&t, 0, "twee-title", "there is no StoryTitle passage; the title is \"%s\" (change it in story.lua)", title);
    }
    char sid[80];
    orl_slug(title, sid, sizeof sid, "twine-story");
    orl_buf_puts(out, "-- ");
    lua_comment(out, title);
    orl_buf_puts(out, "\n-- Imported from ");
    lua_comment(out, o.source ? o.source : file);
    orl_buf_puts(out, " (a Twine story in Twee 3) " ORL_TWEE_MARK ".\n");
    if (t.ifid) { orl_buf_puts(out, "-- Twine IFID: "); lua_comment(out, t.ifid); orl_buf_puts(out, "\n"); }
    if (t.format) { orl_buf_puts(out, "-- Twine story format: "); lua_comment(out, t.format); orl_buf_puts(out, "\n"); }
    orl_buf_puts(out, "-- ES: Cada pasaje de Twine es una escena; cada enlace, una opción (choice).\n"
                      "-- EN: Each Twine passage is a scene; each link, a choice.\n"
                      "-- Check it / Revísala: orilla check FOLDER\n\n");
    orl_buf_puts(out, "story {\n  id = ");
    lua_str(out, sid);
    orl_buf_puts(out, ",\n  title = ");
    lua_str(out, title);
    orl_buf_puts(out, ",\n  language = ");
    lua_str(out, o.lang && *o.lang ? o.lang : "en");
    orl_buf_puts(out, ",\n  start = ");
    lua_str(out, t.ps[start].id);
    orl_buf_puts(out, ",\n}\n");
    for (int i = 0; i < t.n; i++) {
        passage *p = &t.ps[i];
        if (p->skip) continue;
        orl_buf_puts(out, "\n-- Twine: \"");
        lua_comment(out, p->name);
        orl_buf_puts(out, "\"");
        if (p->tags && *p->tags) { orl_buf_puts(out, " [tags: "); lua_comment(out, p->tags); orl_buf_puts(out, "]"); }
        orl_buf_puts(out, "\nscene ");
        lua_str(out, p->id);
        orl_buf_puts(out, " {\n");
        if (p->text && *p->text) {
            orl_buf_puts(out, "  text = ");
            lua_str(out, p->text);
            orl_buf_puts(out, ",\n");
        }
        int nchoices = 0;
        for (int k = 0; k < p->nlinks; k++) {
            link *l = &p->links[k];
            int target = orl_strmap_get(&t.names, l->target);
            if (target < 0 || t.ps[target].skip) {
                warn(&t, l->line, "twee-link", "passage \"%s\": the link \"%s\" goes to \"%s\", but there is no passage "
                     "with that name; the choice was left out", p->name, l->text, l->target);
                l->target[0] = 0;
                continue;
            }
            int twice = 0; /* the same link inline and again on its own line: one choice */
            for (int j = 0; j < k && !twice; j++)
                twice = p->links[j].target[0] && strcmp(p->links[j].text, l->text) == 0 &&
                        strcmp(p->links[j].target, l->target) == 0;
            if (twice) continue;
            if (nchoices == ORL_MAX_CHOICES) {
                warn(&t, l->line, "twee-link", "passage \"%s\" has more than %d links; the rest were left out",
                     p->name, ORL_MAX_CHOICES);
                break;
            }
            if (nchoices++ == 0) orl_buf_puts(out, "  choices = {\n");
            orl_buf_puts(out, "    { text = ");
            char *ct = orl_strdup(l->text);
            if (ct) for (char *q = ct; *q; q++) if (*q == '\n') *q = ' ';
            lua_str(out, ct ? ct : "");
            free(ct);
            orl_buf_puts(out, ", go = ");
            lua_str(out, t.ps[target].id);
            orl_buf_puts(out, " },\n");
        }
        if (nchoices) {
            orl_buf_puts(out, "  },\n");
            stats->choices += nchoices;
        } else {
            orl_buf_puts(out, "  ending = true,\n");
            stats->endings++;
        }
        orl_buf_puts(out, "}\n");
        stats->scenes++;
    }
    if (out->oom) {
        orl_diag_add(d, ORL_ERROR, file, 0, 0, "oom", "out of memory while writing the story");
        rc = -1;
    }
done:
    for (int i = 0; i < t.n; i++) {
        free(t.ps[i].name);
        free(t.ps[i].tags);
        free(t.ps[i].text);
        for (int k = 0; k < t.ps[i].nlinks; k++) {
            free(t.ps[i].links[k].text);
            free(t.ps[i].links[k].target);
        }
        free(t.ps[i].links);
    }
    free(t.ps);
    orl_strmap_free(&t.names);
    orl_strmap_free(&t.ids);
    free(t.title);
    free(t.start);
    free(t.ifid);
    free(t.format);
    free(text);
    return rc;
}
