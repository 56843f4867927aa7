/* Passages from a Twine file (twee_internal.h): Twee 3 (and the headers of Twee 1 and 2), a
 * published Twine 2 HTML file (<tw-storydata>) and a Twine 1 one (<div tiddler>), read with
 * libxml2's HTML parser; StoryData's JSON. */
#include "story/twee_internal.h"
#include "core/limits.h"
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

static const char *find_str(const char *s, const char *e, const char *what)
{
    size_t n = strlen(what);
    for (; s + n <= e; s++)
        if (memcmp(s, what, n) == 0) return s;
    return NULL;
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

void tw_read_story_data(tw *t, const char *s, size_t n, int line)
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
                   : strcmp(key, "format") == 0 ? &t->format
                   : strcmp(key, "format-version") == 0 ? &t->format_version : NULL;
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
    tw_warn(t, line, "twee-storydata", "the StoryData passage is not the JSON Twine writes ({\"ifid\": ..., \"start\": ...}); "
         "its start passage is not known, so the passage named Start (or the first one) starts the story");
}


/* ---------- passages ---------- */

int tw_add_passage(tw *t, const char *name, size_t nlen, const char *tags, int line)
{
    char *nm = tw_trimdup(name, nlen);
    char *tg = tags ? orl_strdup(tags) : NULL;
    if (!nm || (tags && !tg)) { free(nm); free(tg); t->oom = 1; return -1; }
    if (!*nm) {
        tw_warn(t, line, "twee-header", "this passage has no name after '::'; it is left out");
        free(nm); free(tg);
        return -1;
    }
    int dup = orl_strmap_get(&t->names, nm);
    if (dup >= 0) {
        tw_warn(t, line, "twee-duplicate", "there is already a passage named \"%s\" (at line %d); this one is left out",
                nm, t->ps[dup].line);
        free(nm); free(tg);
        return -1;
    }
    if (t->n >= ORL_MAX_TWEE_PASSAGES) {
        if (!t->too_many++)
            tw_warn(t, line, "twee-too-many", "more than %d passages; the rest are left out", ORL_MAX_TWEE_PASSAGES);
        free(nm); free(tg);
        return -1;
    }
    if (t->n == t->cap) {
        int nc = t->cap ? t->cap * 2 : 32;
        tw_passage *np = realloc(t->ps, (size_t)nc * sizeof *np);
        if (!np) { free(nm); free(tg); t->oom = 1; return -1; }
        t->ps = np;
        t->cap = nc;
    }
    tw_passage *p = &t->ps[t->n];
    memset(p, 0, sizeof *p);
    p->name = nm;
    p->tags = tg;
    p->line = line;
    if (orl_strmap_put(&t->names, nm, t->n) != 0) { free(nm); free(tg); t->oom = 1; return -1; }
    return t->n++;
}

/* ":: Name [tags] {metadata}" (Twee 3), ":: Name [tags] <x,y>" (Twee 2): the name is up to
 * an unescaped '[', '{' or a position '<'; \ escapes a character */
static int twee_header(tw *t, const char *s, const char *he, int line)
{
    orl_buf name = {0};
    while (s < he && (*s == ' ' || *s == '\t')) s++;
    while (s < he && *s != '[' && *s != '{') {
        if (*s == '\\' && s + 1 < he) { orl_buf_put(&name, s + 1, 1); s += 2; continue; }
        if (*s == '<') {
            /* Twee 2's position "<12,34>" ends the header */
            const char *r = s + 1;
            while (r < he && ((*r >= '0' && *r <= '9') || *r == ',' || *r == '.' || *r == ' ')) r++;
            if (r < he && *r == '>' && r > s + 1) break;
        }
        orl_buf_put(&name, s++, 1);
    }
    char *tags = NULL;
    if (s < he && *s == '[') {
        const char *te = memchr(s, ']', (size_t)(he - s));
        if (!te) {
            tw_warn(t, line, "twee-header", "the tags of this passage are not closed with ']'; they are left out");
        } else {
            tags = tw_trimdup(s + 1, (size_t)(te - s - 1));
            if (!tags) t->oom = 1;
        }
    }
    if (name.oom) t->oom = 1;
    int k = t->oom ? -1 : tw_add_passage(t, name.data ? name.data : "", name.len, tags, line);
    orl_buf_free(&name);
    free(tags);
    return k;
}

int tw_read_twee(tw *t, const char *data, size_t len)
{
    const char *s = data, *e = data + len;
    int line = 0, cur = -1, stray = 0;
    while (s < e && !t->oom) {
        const char *nl = memchr(s, '\n', (size_t)(e - s));
        const char *le = nl ? nl : e;
        line++;
        if (le - s >= 2 && s[0] == ':' && s[1] == ':') {
            if (cur >= 0) t->ps[cur].blen = (size_t)(s - t->ps[cur].body);
            const char *he = le;
            if (he > s && he[-1] == '\r') he--;
            cur = twee_header(t, s + 2, he, line);
            if (cur >= 0) {
                t->ps[cur].body = nl ? nl + 1 : e;
                t->ps[cur].body_line = line + 1;
            }
        } else if (cur < 0 && !stray) {
            for (const char *q = s; q < le; q++)
                if (*q != ' ' && *q != '\t' && *q != '\r') { stray = line; break; }
        }
        s = nl ? nl + 1 : e;
    }
    if (cur >= 0) t->ps[cur].blen = (size_t)(e - t->ps[cur].body);
    if (stray)
        tw_warn(t, stray, "twee-stray", "text before the first passage (a line starting with ::) is left out");
    return t->oom ? -1 : 0;
}

/* ---------- published HTML ---------- */

int tw_is_html(const char *data, size_t len)
{
    /* the story may come after a long story format script: the element is looked for anywhere */
    const char *e = data + len;
    return find_str(data, e, "<tw-storydata") != NULL || find_str(data, e, "<tw-passagedata") != NULL ||
           (find_str(data, e, "id=\"storeArea\"") != NULL && find_str(data, e, "tiddler=") != NULL);
}

static char *attr(xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    if (!v) return NULL;
    char *r = orl_strdup((const char *)v);
    xmlFree(v);
    return r;
}

static int named(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->name && strcmp((const char *)n->name, name) == 0;
}

/* Twine 1 keeps a passage's line breaks as \n, tabs as \t and a backslash as \\ */
static void twine1_unescape(char *s)
{
    char *w = s;
    for (char *r = s; *r; r++) {
        if (*r == '\\' && r[1]) {
            r++;
            *w++ = *r == 'n' ? '\n' : *r == 't' ? '\t' : *r == 's' ? '\\' : *r;
        } else {
            *w++ = *r;
        }
    }
    *w = 0;
}

static void html_passage(tw *t, xmlNode *n, int twine1, const char *startnode, char **start_name)
{
    char *name = attr(n, twine1 ? "tiddler" : "name");
    char *tags = attr(n, "tags");
    char *pid = attr(n, "pid");
    xmlChar *text = xmlNodeGetContent(n);
    int line = (int)xmlGetLineNo(n);
    if (line < 0) line = 0;
    if (name) {
        int k = tw_add_passage(t, name, strlen(name), tags, line);
        if (k >= 0) {
            tw_passage *p = &t->ps[k];
            p->own = orl_strdup(text ? (const char *)text : "");
            if (!p->own) t->oom = 1;
            else {
                if (twine1) twine1_unescape(p->own);
                p->body = p->own;
                p->blen = strlen(p->own);
                p->body_line = line;
            }
            if (startnode && pid && strcmp(pid, startnode) == 0 && !*start_name) *start_name = orl_strdup(name);
        }
    }
    free(name);
    free(tags);
    free(pid);
    if (text) xmlFree(text);
}

int tw_read_html(tw *t, const char *data, size_t len)
{
    if (len > (size_t)0x7fffffff) return -1;
    htmlDocPtr doc = htmlReadMemory(data, (int)len, NULL, "UTF-8",
                                    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_NOBLANKS);
    if (!doc) {
        orl_diag_add(t->d, ORL_ERROR, t->file, 0, 0, "twee-html", "this HTML file could not be read as a published Twine "
                     "story; in Twine use Build > Export As Twee and import the .twee file");
        return -1;
    }
    char *startnode = NULL, *start_name = NULL;
    int stories = 0;
    /* every element, in document order, without recursion (a deep file must not need a deep stack) */
    xmlNode *n = xmlDocGetRootElement(doc);
    while (n && !t->oom) {
        if (named(n, "tw-storydata")) {
            if (stories++ == 0) {
                free(t->title);
                t->title = attr(n, "name");
                startnode = attr(n, "startnode");
                free(t->format); t->format = attr(n, "format");
                free(t->format_version); t->format_version = attr(n, "format-version");
                free(t->ifid); t->ifid = attr(n, "ifid");
            } else if (stories == 2) {
                tw_warn(t, (int)xmlGetLineNo(n), "twee-html", "this file holds more than one story; only the first is imported");
            }
        } else if (stories <= 1 && named(n, "tw-passagedata")) {
            html_passage(t, n, 0, startnode, &start_name);
        } else if (stories == 0 && n->type == XML_ELEMENT_NODE && n->name && strcmp((const char *)n->name, "div") == 0 &&
                   xmlHasProp(n, (const xmlChar *)"tiddler")) {
            html_passage(t, n, 1, NULL, &start_name);
        }
        /* next in document order; a passage's children are its text only */
        if (n->children && !named(n, "tw-passagedata") && !named(n, "script") && !named(n, "style")) {
            n = n->children;
            continue;
        }
        while (n && !n->next) n = n->parent;
        if (n) n = n->next;
    }
    xmlFreeDoc(doc);
    free(startnode);
    if (start_name) { free(t->start); t->start = start_name; }
    return t->oom ? -1 : 0;
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
        } else if (q[0] == '<' && q + 1 < e && q[1] == '%') {
            end = find_str(q, e, "%>");
            end = end ? end + 2 : e;
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
                      : q[0] == '<' && q[1] == '%' ? "Snowman code"
                      : q[0] == '/' ? "a code comment" : "an HTML tag";
            return q;
        }
    }
    return NULL;
}

