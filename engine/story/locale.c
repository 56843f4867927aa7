/* Translations: the PO reader, the catalog, and applying it to a story (see locale.h). */
#include "story/locale.h"
#include "story/story_internal.h"
#include "story/consent.h"
#include "core/limits.h"
#include "core/strutil.h"
#include "core/utf8.h"
#include "core/strmap.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---------- the catalog's lookup table ---------- */

/* Keys are hashed with a per-catalog seed, so a hostile PO file cannot be built to collide. */
static uint64_t key_hash(const orl_catalog *c, const char *ctxt, const char *id)
{
    uint64_t h = c->seed;
    if (ctxt) h = orl_hash_bytes(ctxt, strlen(ctxt), h ^ 0x5bd1e995u) + 1;
    return orl_hash_bytes(id, strlen(id), h);
}

static int same_key(const orl_po_entry *e, const char *ctxt, const char *id)
{
    if ((e->ctxt == NULL) != (ctxt == NULL)) return 0;
    if (ctxt && strcmp(e->ctxt, ctxt) != 0) return 0;
    return strcmp(e->id, id) == 0;
}

static int find_slot(const orl_catalog *c, const char *ctxt, const char *id, size_t *slot)
{
    if (!c->nslots) return -1;
    size_t j = key_hash(c, ctxt, id) & (c->nslots - 1);
    while (c->slots[j] >= 0) {
        if (same_key(&c->entries[c->slots[j]], ctxt, id)) {
            *slot = j;
            return c->slots[j];
        }
        j = (j + 1) & (c->nslots - 1);
    }
    *slot = j;
    return -1;
}

static int grow_slots(orl_catalog *c)
{
    size_t nn = c->nslots ? c->nslots * 2 : 256;
    int32_t *ns = malloc(nn * sizeof *ns);
    if (!ns) return -1;
    for (size_t i = 0; i < nn; i++) ns[i] = -1;
    free(c->slots);
    c->slots = ns;
    c->nslots = nn;
    for (int i = 0; i < c->n; i++) {
        size_t j = key_hash(c, c->entries[i].ctxt, c->entries[i].id) & (nn - 1);
        while (ns[j] >= 0) j = (j + 1) & (nn - 1);
        ns[j] = i;
    }
    return 0;
}

const orl_po_entry *orl_catalog_entry(const orl_catalog *c, const char *ctxt, const char *msgid)
{
    size_t slot;
    if (!c || !msgid) return NULL;
    int i = find_slot(c, ctxt, msgid, &slot);
    return i >= 0 ? &c->entries[i] : NULL;
}

const char *orl_catalog_lookup(const orl_catalog *c, const char *ctxt, const char *msgid)
{
    if (!c || !msgid || !*msgid) return NULL;
    const orl_po_entry *e = ctxt ? orl_catalog_entry(c, ctxt, msgid) : NULL;
    if (!e || e->fuzzy || !*e->str) e = orl_catalog_entry(c, NULL, msgid);
    if (!e || e->fuzzy || !*e->str) return NULL;
    return e->str;
}

void orl_catalog_free(orl_catalog *c)
{
    if (!c) return;
    for (int i = 0; i < c->n; i++) {
        free(c->entries[i].ctxt);
        free(c->entries[i].id);
        free(c->entries[i].str);
    }
    free(c->entries);
    free(c->slots);
    free(c->file);
    free(c->language);
    free(c);
}

/* ---------- the PO reader ---------- */

typedef struct po_str {
    orl_buf b;
    int set;   /* the keyword was seen */
} po_str;

typedef struct po_parser {
    orl_catalog *c;
    orl_diags *d;
    const char *file;
    int line;
    int errors;
    int stopped;       /* too many errors: the rest is not read */
    /* the entry being read */
    int in_entry, entry_line, bad, fuzzy_next, fuzzy;
    po_str ctxt, id, idpl, str;
    int nplural;       /* msgstr[N] seen so far */
    orl_buf *cur;      /* where continuation lines go; NULL = ignore them */
    orl_buf ignored;   /* msgstr[1..] are read (and checked) into here */
    int skipping;      /* after an error: continuation lines are ignored quietly */
    int have_header;
    int charset_bad;
} po_parser;

static void po_error(po_parser *p, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void po_error(po_parser *p, int line, const char *fmt, ...)
{
    if (p->stopped) return;
    p->errors++;
    if (p->errors > ORL_MAX_PO_ERRORS) {
        orl_diag_add(p->d, ORL_ERROR, p->file, line, 0, "po-too-many-errors",
                     "too many problems in this translation file; mend the ones above first "
                     "(is it really a PO file from Poedit?)");
        p->stopped = 1;
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    orl_diag_vadd(p->d, ORL_ERROR, p->file, line, 0, "po-syntax", fmt, ap);
    va_end(ap);
    p->bad = 1;
    p->cur = NULL;
    p->skipping = 1;
}

static void reset_entry(po_parser *p)
{
    po_str *all[] = {&p->ctxt, &p->id, &p->idpl, &p->str};
    for (int i = 0; i < 4; i++) {
        all[i]->b.len = 0;
        all[i]->set = 0;
    }
    p->in_entry = 0;
    p->bad = 0;
    p->fuzzy = 0;
    p->nplural = 0;
    p->cur = NULL;
}

static char *buf_take(orl_buf *b)
{
    return orl_strndup(b->data ? b->data : "", b->len);
}

/* "Content-Type: text/plain; charset=UTF-8" and "Language: es" from the header's msgstr */
static void read_header(po_parser *p, const char *h, int line)
{
    const char *s = h;
    while (*s) {
        const char *e = strchr(s, '\n');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        if (n > 13 && strncmp(s, "Content-Type:", 13) == 0) {
            const char *cs = NULL;
            for (size_t i = 13; i + 8 <= n; i++)
                if (strncmp(s + i, "charset=", 8) == 0) { cs = s + i + 8; break; }
            if (cs) {
                size_t cl = 0;
                while (cs + cl < s + n && cs[cl] != ';' && cs[cl] != ' ' && cs[cl] != '\r') cl++;
                char name[40];
                snprintf(name, sizeof name, "%.*s", (int)(cl < 39 ? cl : 39), cs);
                for (char *q = name; *q; q++) if (*q >= 'a' && *q <= 'z') *q = (char)(*q - 32);
                if (strcmp(name, "UTF-8") && strcmp(name, "UTF8") && strcmp(name, "CHARSET") &&
                    strcmp(name, "ASCII") && strcmp(name, "US-ASCII") && *name) {
                    p->charset_bad = 1;
                    po_error(p, line, "this translation file is saved as %s, but Orilla reads only UTF-8: "
                             "in Poedit choose Catalog > Properties > Charset: UTF-8 and save it again", name);
                    p->bad = 0; /* the header itself is fine to keep reading */
                }
            }
        } else if (n > 9 && strncmp(s, "Language:", 9) == 0) {
            const char *v = s + 9;
            size_t vl = n - 9;
            while (vl && (*v == ' ' || *v == '\t')) { v++; vl--; }
            while (vl && (v[vl - 1] == ' ' || v[vl - 1] == '\r')) vl--;
            if (vl && vl <= ORL_MAX_LANG) {
                free(p->c->language);
                p->c->language = orl_strndup(v, vl);
            }
        }
        if (!e) break;
        s = e + 1;
    }
}

static void finish_entry(po_parser *p)
{
    if (!p->in_entry) return;
    if (p->bad) { reset_entry(p); return; }
    if (!p->id.set) {
        po_error(p, p->entry_line, "msgctxt must be followed by msgid \"...\" and msgstr \"...\"");
        reset_entry(p);
        return;
    }
    if (!p->str.set) {
        if (p->idpl.set)
            po_error(p, p->entry_line, "this entry has msgid_plural but no msgstr[0] \"...\" (the translation)");
        else
            po_error(p, p->entry_line, "this msgid has no msgstr after it; add msgstr \"\" on the next line "
                     "(empty means: not translated yet)");
        reset_entry(p);
        return;
    }
    orl_catalog *c = p->c;
    char *id = buf_take(&p->id.b);
    char *str = buf_take(&p->str.b);
    char *ctxt = p->ctxt.set ? buf_take(&p->ctxt.b) : NULL;
    if (!id || !str || (p->ctxt.set && !ctxt)) {
        free(id); free(str); free(ctxt);
        orl_diag_add(p->d, ORL_ERROR, p->file, p->entry_line, 0, "oom", "out of memory reading translations");
        p->stopped = 1;
        reset_entry(p);
        return;
    }
    /* text must be UTF-8 (a file from an old editor may not be); after a header that says
     * another charset, that was said once: its entries are left out quietly */
    const char *parts[] = {ctxt, id, str};
    for (int i = 0; i < 3; i++)
        if (parts[i] && orl_utf8_invalid_at(parts[i], strlen(parts[i])) != (size_t)-1) {
            if (!p->charset_bad)
                po_error(p, p->entry_line, "this entry has bytes that are not UTF-8 text; save the file as UTF-8 "
                         "(Poedit always does)");
            free(id); free(str); free(ctxt);
            reset_entry(p);
            return;
        }
    if (!ctxt && !*id) {
        /* the header */
        if (p->have_header)
            po_error(p, p->entry_line, "a second header (msgid \"\"); a PO file has one, at the top");
        else
            read_header(p, str, p->entry_line);
        p->have_header = 1;
        free(id); free(str); free(ctxt);
        reset_entry(p);
        return;
    }
    size_t slot;
    if ((size_t)(c->n + 1) * 2 > c->nslots && grow_slots(c) != 0) {
        free(id); free(str); free(ctxt);
        orl_diag_add(p->d, ORL_ERROR, p->file, p->entry_line, 0, "oom", "out of memory reading translations");
        p->stopped = 1;
        reset_entry(p);
        return;
    }
    int prev = find_slot(c, ctxt, id, &slot);
    if (prev >= 0) {
        po_error(p, p->entry_line, "this text is translated twice (first at line %d); keep one of the two entries",
                 c->entries[prev].line);
        free(id); free(str); free(ctxt);
        reset_entry(p);
        return;
    }
    if (c->n == c->cap) {
        int nc = c->cap ? c->cap * 2 : 64;
        orl_po_entry *ne = realloc(c->entries, (size_t)nc * sizeof *ne);
        if (!ne) {
            free(id); free(str); free(ctxt);
            orl_diag_add(p->d, ORL_ERROR, p->file, p->entry_line, 0, "oom", "out of memory reading translations");
            p->stopped = 1;
            reset_entry(p);
            return;
        }
        c->entries = ne;
        c->cap = nc;
    }
    orl_po_entry *e = &c->entries[c->n];
    e->ctxt = ctxt;
    e->id = id;
    e->str = str;
    e->line = p->entry_line;
    e->fuzzy = p->fuzzy;
    e->plural = p->idpl.set;
    c->slots[slot] = c->n++;
    reset_entry(p);
}

/* Reads "..." strings from s (a line without its end), appending them to out (may be NULL:
 * checked but not kept). Returns 0, or -1 after reporting. */
static int read_quoted(po_parser *p, const char *s, const char *end, orl_buf *out)
{
    int any = 0;
    for (;;) {
        while (s < end && (*s == ' ' || *s == '\t')) s++;
        if (s >= end) break;
        if (*s != '"') {
            if (*s == '#') break; /* a comment after the string is tolerated */
            po_error(p, p->line, any ? "unexpected '%c' after the text in quotes"
                                     : "expected a text in quotes, like \"...\", but found '%c'", *s);
            return -1;
        }
        any = 1;
        s++;
        for (;;) {
            if (s >= end) {
                po_error(p, p->line, "the text in quotes is not closed: add \" at the end of the line "
                         "(a text going on over several lines has its own quotes on each line)");
                return -1;
            }
            unsigned char ch = (unsigned char)*s++;
            if (ch == '"') break;
            if (ch != '\\') {
                if (out) orl_buf_put(out, &ch, 1);
                continue;
            }
            if (s >= end) {
                po_error(p, p->line, "a '\\' at the end of the line; write \\\\ for a backslash");
                return -1;
            }
            char e = *s++;
            int v = -1;
            switch (e) {
            case 'n': v = '\n'; break;
            case 't': v = '\t'; break;
            case 'r': v = '\r'; break;
            case 'a': v = '\a'; break;
            case 'b': v = '\b'; break;
            case 'f': v = '\f'; break;
            case 'v': v = '\v'; break;
            case '"': case '\\': case '\'': case '?': v = e; break;
            case 'x': {
                int digits = 0;
                v = 0;
                while (s < end && digits < 2) {
                    char h = *s;
                    int hv = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10
                           : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
                    if (hv < 0) break;
                    v = v * 16 + hv;
                    s++;
                    digits++;
                }
                if (!digits) {
                    po_error(p, p->line, "\\x must be followed by hexadecimal digits, like \\x41");
                    return -1;
                }
                break;
            }
            default:
                if (e >= '0' && e <= '7') {
                    v = e - '0';
                    for (int k = 0; k < 2 && s < end && *s >= '0' && *s <= '7'; k++) v = v * 8 + (*s++ - '0');
                } else {
                    po_error(p, p->line, "unknown escape '\\%c' in the text; write \\\\ for a backslash, "
                             "\\\" for a quote, \\n for a new line", e);
                    return -1;
                }
            }
            if (v == 0) {
                po_error(p, p->line, "a zero byte (\\0) cannot be part of a text");
                return -1;
            }
            if (out) {
                unsigned char b = (unsigned char)v;
                orl_buf_put(out, &b, 1);
            }
        }
        if (out && out->len > ORL_MAX_PO_STRING) {
            po_error(p, p->line, "this text is longer than %u bytes; a story text cannot be that long", ORL_MAX_PO_STRING);
            return -1;
        }
    }
    if (!any) {
        po_error(p, p->line, "expected a text in quotes after the keyword, like msgstr \"...\"");
        return -1;
    }
    if (out && out->oom) {
        orl_diag_add(p->d, ORL_ERROR, p->file, p->line, 0, "oom", "out of memory reading translations");
        p->stopped = 1;
        return -1;
    }
    return 0;
}

static void start_entry(po_parser *p)
{
    if (!p->in_entry) {
        p->in_entry = 1;
        p->bad = 0; /* an error outside any entry does not spoil the next one */
        p->entry_line = p->line;
        p->fuzzy = p->fuzzy_next;
        p->fuzzy_next = 0;
    }
}

static void keyword_line(po_parser *p, const char *s, const char *end)
{
    const char *k = s;
    while (s < end && ((*s >= 'a' && *s <= 'z') || *s == '_')) s++;
    size_t kl = (size_t)(s - k);
    int index = -1;
    if (s < end && *s == '[') {
        const char *q = s + 1;
        long v = 0;
        int digits = 0;
        while (q < end && *q >= '0' && *q <= '9' && digits < 6) { v = v * 10 + (*q++ - '0'); digits++; }
        if (!digits || q >= end || *q != ']') {
            po_error(p, p->line, "msgstr[...] needs a number between the brackets, like msgstr[0]");
            return;
        }
        index = (int)v;
        s = q + 1;
    }
#define KW(w) (kl == sizeof(w) - 1 && memcmp(k, w, kl) == 0)
    p->skipping = 0;
    if (KW("msgctxt") && index < 0) {
        if (p->in_entry && (p->str.set || p->bad)) finish_entry(p);
        if (p->in_entry) {
            po_error(p, p->line, "msgctxt in the middle of an entry: the entry at line %d has no msgstr yet",
                     p->entry_line);
            finish_entry(p);
            p->skipping = 0;
        }
        start_entry(p);
        p->ctxt.set = 1;
        p->ctxt.b.len = 0;
        p->cur = &p->ctxt.b;
    } else if (KW("msgid") && index < 0) {
        if (p->in_entry && (p->str.set || p->bad)) finish_entry(p);
        if (p->in_entry && p->id.set) {
            po_error(p, p->entry_line, "this msgid has no msgstr after it; add msgstr \"\" "
                     "(empty means: not translated yet)");
            finish_entry(p);
            p->skipping = 0;
        }
        start_entry(p);
        p->id.set = 1;
        p->id.b.len = 0;
        p->cur = &p->id.b;
    } else if (KW("msgid_plural") && index < 0) {
        if (!p->in_entry || !p->id.set || p->str.set || p->idpl.set) {
            po_error(p, p->line, "msgid_plural must come right after a msgid");
            return;
        }
        p->idpl.set = 1;
        p->cur = &p->idpl.b;
    } else if (KW("msgstr")) {
        if (!p->in_entry || !p->id.set) {
            po_error(p, p->line, "msgstr without a msgid before it; each entry is msgid \"source\" then msgstr \"translation\"");
            return;
        }
        if (index < 0) {
            if (p->str.set) {
                po_error(p, p->line, "a second msgstr for the same msgid (line %d); keep one", p->entry_line);
                return;
            }
            if (p->idpl.set) {
                po_error(p, p->line, "this entry has msgid_plural, so its translations are written msgstr[0], msgstr[1] ...");
                return;
            }
            p->str.set = 1;
            p->cur = &p->str.b;
        } else {
            if (!p->idpl.set) {
                po_error(p, p->line, "msgstr[%d] is only for entries with msgid_plural; write msgstr \"...\"", index);
                return;
            }
            if (index != p->nplural || index >= ORL_MAX_PO_PLURALS) {
                po_error(p, p->line, "expected msgstr[%d] here, not msgstr[%d]", p->nplural, index);
                return;
            }
            p->nplural++;
            if (index == 0) {
                p->str.set = 1;
                p->cur = &p->str.b;
            } else {
                p->ignored.len = 0;
                p->cur = &p->ignored;
            }
        }
    } else {
        /* a line that is no part of an entry: the complete entry before it stays good */
        if (p->in_entry && p->str.set && !p->bad) finish_entry(p);
        char word[40];
        snprintf(word, sizeof word, "%.*s", (int)(kl < 30 ? kl : 30), k);
        static const char *const known[] = {"msgid", "msgstr", "msgctxt", "msgid_plural"};
        orl_nearest near;
        orl_nearest_init(&near, word, 4);
        for (int i = 0; i < 4; i++) orl_nearest_try(&near, known[i]);
        const char *best = near.best;
        if (kl == 0)
            po_error(p, p->line, "cannot read this line; a PO line starts with msgid, msgstr, a text in quotes, or # for a comment");
        else if (best)
            po_error(p, p->line, "'%s' is not a PO keyword; did you mean '%s'?", word, best);
        else
            po_error(p, p->line, "'%s' is not a PO keyword (a PO file has msgid, msgstr, msgctxt, msgid_plural)", word);
        return;
    }
#undef KW
    if (read_quoted(p, s, end, p->cur) != 0) p->bad = 1;
}

static void comment_line(po_parser *p, const char *s, const char *end)
{
    /* comments belong to the next entry: the one before is complete */
    if (p->in_entry && (p->str.set || p->bad)) finish_entry(p);
    p->skipping = 0;
    p->cur = NULL;
    if (end - s >= 2 && s[1] == ',') {
        const char *q = s + 2;
        while (q < end) {
            while (q < end && (*q == ' ' || *q == ',' || *q == '\t')) q++;
            const char *w = q;
            while (q < end && *q != ',' && *q != ' ' && *q != '\t') q++;
            if (q - w == 5 && memcmp(w, "fuzzy", 5) == 0) {
                if (p->in_entry) p->fuzzy = 1;
                else p->fuzzy_next = 1;
            }
        }
    }
}

orl_catalog *orl_po_parse(const char *file, const char *data, size_t len, orl_diags *d)
{
    orl_catalog *c = calloc(1, sizeof *c);
    if (!c || !(c->file = orl_strdup(file ? file : "?"))) {
        free(c);
        orl_diag_add(d, ORL_ERROR, file, 0, 0, "oom", "out of memory reading translations");
        return NULL;
    }
    c->seed = ((uint64_t)(uintptr_t)c * 0x9E3779B97F4A7C15ULL) ^ (uint64_t)time(NULL) ^ (uint64_t)clock();
    po_parser p = {0};
    p.c = c;
    p.d = d;
    p.file = c->file;
    const char *s = data, *end = data + len;
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) s += 3;
    while (s < end && !p.stopped) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *le = nl ? nl : end;
        p.line++;
        const char *q = s;
        const char *qe = le;
        if (qe > q && qe[-1] == '\r') qe--;
        while (q < qe && (*q == ' ' || *q == '\t')) q++;
        if (memchr(q, 0, (size_t)(qe - q))) {
            po_error(&p, p.line, "this line has a zero byte: this is not a text file (a PO file is text)");
        } else if (q == qe) {
            /* a blank line ends nothing by itself: the next keyword does */
        } else if (*q == '#') {
            if (qe - q >= 2 && q[1] == '~') {
                /* an obsolete entry kept by the editor: not used */
                if (p.in_entry && (p.str.set || p.bad)) finish_entry(&p);
                p.cur = NULL;
            } else {
                comment_line(&p, q, qe);
            }
        } else if (*q == '"') {
            if (p.cur) {
                if (read_quoted(&p, q, qe, p.cur) != 0) p.bad = 1;
            } else if (!p.skipping) {
                po_error(&p, p.line, "a text in quotes with no msgid or msgstr before it");
            }
        } else {
            keyword_line(&p, q, qe);
        }
        s = nl ? nl + 1 : end;
    }
    if (!p.stopped) finish_entry(&p);
    orl_buf_free(&p.ctxt.b);
    orl_buf_free(&p.id.b);
    orl_buf_free(&p.idpl.b);
    orl_buf_free(&p.str.b);
    orl_buf_free(&p.ignored);
    return c;
}

orl_catalog *orl_po_load(orl_fs *fs, const char *name, orl_diags *d)
{
    char *data;
    size_t len;
    int rc = orl_fs_read(fs, name, ORL_MAX_PO_BYTES, &data, &len);
    if (rc == ORL_FS_TOOBIG) {
        orl_diag_add(d, ORL_ERROR, name, 0, 0, "too-big", "this translation file is larger than %u MB; "
                     "a story's translation is far smaller (is it the right file?)", ORL_MAX_PO_BYTES >> 20);
        return NULL;
    }
    if (rc != ORL_FS_OK) {
        orl_diag_add(d, ORL_ERROR, name, 0, 0, "unreadable", "cannot read this translation file: %s",
                     orl_fs_strerror(rc));
        return NULL;
    }
    orl_catalog *c = orl_po_parse(name, data, len, d);
    free(data);
    return c;
}

/* ---------- language names ---------- */

int orl_locale_name_ok(const char *lang)
{
    if (!lang || !*lang) return 0;
    size_t n = strlen(lang);
    if (n > ORL_MAX_LANG) return 0;
    if (!((lang[0] >= 'a' && lang[0] <= 'z') || (lang[0] >= 'A' && lang[0] <= 'Z'))) return 0;
    for (size_t i = 0; i < n; i++) {
        char ch = lang[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' ||
              ch == '_'))
            return 0;
    }
    return 1;
}

/* ---------- the texts of a story ---------- */

typedef struct srcf {
    const char *name;
    char *text;
    size_t len;
    size_t *ls; /* line starts */
    int nlines;
} srcf;

typedef struct srccache {
    orl_story *st;
    srcf *f;
    int n;
} srccache;

static srcf *src_get(srccache *sc, const char *name)
{
    if (!name) return NULL;
    for (int i = 0; i < sc->n; i++)
        if (strcmp(sc->f[i].name, name) == 0) return sc->f[i].text ? &sc->f[i] : NULL;
    srcf *nf = realloc(sc->f, (size_t)(sc->n + 1) * sizeof *nf);
    if (!nf) return NULL;
    sc->f = nf;
    srcf *f = &sc->f[sc->n++];
    memset(f, 0, sizeof *f);
    f->name = name;
    if (orl_fs_read(sc->st->fs, name, ORL_MAX_SCRIPT_BYTES, &f->text, &f->len) != ORL_FS_OK) {
        f->text = NULL;
        return NULL;
    }
    int lines = 1;
    for (size_t i = 0; i < f->len; i++) lines += f->text[i] == '\n';
    f->ls = malloc((size_t)lines * sizeof *f->ls);
    if (!f->ls) {
        free(f->text);
        f->text = NULL;
        return NULL;
    }
    f->ls[0] = 0;
    int k = 1;
    for (size_t i = 0; i < f->len; i++)
        if (f->text[i] == '\n') f->ls[k++] = i + 1;
    f->nlines = lines;
    return f;
}

static void src_free(srccache *sc)
{
    for (int i = 0; i < sc->n; i++) {
        free(sc->f[i].text);
        free(sc->f[i].ls);
    }
    free(sc->f);
}

/* The line, from `from` on (and within 2000 lines), where the text's first words are written;
 * 0 when they cannot be found (escapes, a text built by code). */
static int text_line(srccache *sc, const char *file, int from, const char *text)
{
    srcf *f = src_get(sc, file);
    if (!f || from < 1 || from > f->nlines) return 0;
    size_t pl = 0;
    while (pl < 40 && text[pl] && text[pl] != '"' && text[pl] != '\\' && text[pl] != '\'' && text[pl] != '\n' &&
           text[pl] != '\t' && text[pl] != '\r')
        pl++;
    /* do not cut a UTF-8 character in two */
    while (pl > 0 && ((unsigned char)text[pl] & 0xC0) == 0x80) pl--;
    if (pl < 3) return 0;
    for (int ln = from; ln <= f->nlines && ln < from + 2000; ln++) {
        size_t a = f->ls[ln - 1];
        size_t b = ln < f->nlines ? f->ls[ln] : f->len;
        for (size_t i = a; i + pl <= b; i++)
            if (f->text[i] == text[0] && memcmp(f->text + i, text, pl) == 0) return ln;
    }
    return 0;
}

/* Lua string literals that follow `return` inside lines [first, last] of a file: what a text
 * function can return. Literals built by code ("Hola " .. s.name) are not translatable. */
typedef struct fnlit { char *text; int line; } fnlit;

static int lua_long_open(const char *s, const char *end)
{
    /* "[[" or "[==[": returns the level (number of '='), or -1 */
    if (s >= end || *s != '[') return -1;
    int lv = 0;
    const char *q = s + 1;
    while (q < end && *q == '=') { lv++; q++; }
    return q < end && *q == '[' ? lv : -1;
}

static const char *lua_long_end(const char *s, const char *end, int lv)
{
    for (; s < end; s++) {
        if (*s != ']') continue;
        const char *q = s + 1;
        int k = 0;
        while (q < end && *q == '=' && k < lv) { k++; q++; }
        if (k == lv && q < end && *q == ']') return s;
    }
    return NULL;
}

static int fn_literals(srcf *f, int first, int last, fnlit **out, int *nout)
{
    if (first < 1 || last < first || first > f->nlines) return 0;
    if (last > f->nlines) last = f->nlines;
    const char *s = f->text + f->ls[first - 1];
    const char *end = last < f->nlines ? f->text + f->ls[last] : f->text + f->len;
    int after_return = 0;
    int line = first;
    while (s < end) {
        char ch = *s;
        if (ch == '\n') { line++; s++; continue; }
        if (ch == ' ' || ch == '\t' || ch == '\r') { s++; continue; }
        if (ch == '-' && s + 1 < end && s[1] == '-') {
            s += 2;
            int lv = lua_long_open(s, end);
            if (lv >= 0) {
                const char *e = lua_long_end(s, end, lv);
                for (const char *q = s; q < (e ? e : end); q++) line += *q == '\n';
                s = e ? e + lv + 2 : end;
            } else {
                while (s < end && *s != '\n') s++;
            }
            continue;
        }
        int lv = lua_long_open(s, end);
        if (ch == '"' || ch == '\'' || lv >= 0) {
            orl_buf b = {0};
            int start_line = line, ok = 1;
            if (lv >= 0) {
                s += lv + 2;
                if (s < end && *s == '\r') s++;
                if (s < end && *s == '\n') { s++; line++; }
                const char *e = lua_long_end(s, end, lv);
                if (!e) { orl_buf_free(&b); return 0; }
                for (const char *q = s; q < e; q++) {
                    line += *q == '\n';
                    if (*q != '\r') orl_buf_put(&b, q, 1);
                }
                s = e + lv + 2;
            } else {
                s++;
                while (s < end && *s != ch && *s != '\n') {
                    if (*s != '\\') { orl_buf_put(&b, s++, 1); continue; }
                    s++;
                    if (s >= end) break;
                    char e = *s++;
                    char v;
                    switch (e) {
                    case 'n': v = '\n'; break;
                    case 't': v = '\t'; break;
                    case '\\': case '"': case '\'': v = e; break;
                    case '\n': v = '\n'; line++; break;
                    default: ok = 0; v = 0; /* \z, \x, \u{}, \ddd: too rare to decode here */
                    }
                    if (v) orl_buf_put(&b, &v, 1);
                }
                if (s < end && *s == ch) s++;
                else ok = 0;
            }
            if (after_return && ok && b.len && !b.oom) {
                /* only a literal returned as it is: `return "..."` then end/else/newline */
                const char *q = s;
                while (q < end && (*q == ' ' || *q == '\t')) q++;
                int alone = q >= end || *q == '\n' || *q == '\r' || *q == ';' ||
                            (q + 3 <= end && memcmp(q, "end", 3) == 0) || (q + 4 <= end && memcmp(q, "else", 4) == 0) ||
                            (q + 2 <= end && q[0] == '-' && q[1] == '-');
                if (alone && orl_utf8_invalid_at(b.data, b.len) == (size_t)-1) {
                    fnlit *nl = realloc(*out, (size_t)(*nout + 1) * sizeof *nl);
                    char *t = orl_strndup(b.data, b.len);
                    if (nl && t) {
                        *out = nl;
                        nl[*nout].text = t;
                        nl[*nout].line = start_line;
                        (*nout)++;
                    } else {
                        if (nl) *out = nl;
                        free(t);
                    }
                }
            }
            orl_buf_free(&b);
            after_return = 0;
            continue;
        }
        if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_') {
            const char *w = s;
            while (s < end && ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '_')) s++;
            after_return = (s - w == 6 && memcmp(w, "return", 6) == 0);
            continue;
        }
        after_return = 0;
        s++;
    }
    return 0;
}

typedef struct texts_ctx {
    orl_story *st;
    int flags;
    srccache sc;
    int (*fn)(const orl_text_ref *t, void *ud);
    void *ud;
    int stop;
    const orl_withdrawn *withdrawn; /* ORL_TEXTS_CONSENTED: the operator's list too */
} texts_ctx;

/* Calls the callback; with ORL_TEXTS_LINES, t->loc.line becomes the line where the text is
 * written, searching from line `from` (0 = t->loc.line). */
static void emit_ref(texts_ctx *x, orl_text_ref *t, int from)
{
    if (x->stop || !t->text || !*t->text) return;
    if ((x->flags & ORL_TEXTS_LINES) && t->kind != ORL_TEXT_FUNCTION) {
        int ln = text_line(&x->sc, t->loc.file, from ? from : t->loc.line, t->text);
        if (ln) t->loc.line = ln;
    }
    x->stop = x->fn(t, x->ud);
}

static void emit(texts_ctx *x, orl_text_kind kind, char **slot, const char *text, const char *ctxt,
                 const char *owner, orl_loc loc)
{
    orl_text_ref t = {0};
    t.kind = kind;
    t.slot = slot;
    t.text = text;
    t.ctxt = ctxt;
    t.owner = owner;
    t.loc = loc;
    emit_ref(x, &t, 0);
}

static void emit_function(texts_ctx *x, int ref, const char *ctxt, const char *owner, int choice)
{
    if (!(x->flags & ORL_TEXTS_FUNCTIONS) || ref == ORL_NOFN || x->stop) return;
    const char *file;
    int first, last;
    if (orl_story_function_lines(x->st, ref, &file, &first, &last) != 0) return;
    srcf *f = src_get(&x->sc, file);
    if (!f) return;
    fnlit *lits = NULL;
    int n = 0;
    fn_literals(f, first, last, &lits, &n);
    const char *fname = orl_story_intern_file(x->st, file);
    for (int i = 0; i < n; i++) {
        orl_text_ref t = {0};
        t.kind = ORL_TEXT_FUNCTION;
        t.text = lits[i].text;
        t.ctxt = ctxt;
        t.owner = owner;
        t.choice = choice;
        t.loc.file = fname ? fname : file;
        t.loc.line = lits[i].line;
        emit_ref(x, &t, 0);
    }
    for (int i = 0; i < n; i++) free(lits[i].text);
    free(lits);
}

static void emit_list(texts_ctx *x, orl_strlist *l, orl_text_kind kind, const char *ctxt, const char *owner,
                      orl_loc loc)
{
    for (int i = 0; i < l->n; i++) emit(x, kind, &l->items[i], l->items[i], ctxt, owner, loc);
}

/* Definitions in the order they are written: files in the order they were read, then lines. */
typedef struct defpos { int kind; int idx; int file; int line; } defpos;

static int file_index(const orl_story *st, const char *f)
{
    for (int i = 0; f && i < st->nfiles; i++)
        if (st->files[i] == f || strcmp(st->files[i], f) == 0) return i;
    return st->nfiles;
}

static int cmp_defpos(const void *a, const void *b)
{
    const defpos *x = a, *y = b;
    if (x->file != y->file) return x->file < y->file ? -1 : 1;
    if (x->line != y->line) return x->line < y->line ? -1 : 1;
    if (x->kind != y->kind) return x->kind < y->kind ? -1 : 1;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

int orl_story_texts(orl_story *st, int flags, int (*fn)(const orl_text_ref *t, void *ud), void *ud)
{
    return orl_story_texts_ex(st, flags, NULL, fn, ud);
}

int orl_story_texts_ex(orl_story *st, int flags, const orl_withdrawn *withdrawn,
                       int (*fn)(const orl_text_ref *t, void *ud), void *ud)
{
    texts_ctx x = {0};
    x.withdrawn = withdrawn;
    x.st = st;
    x.flags = flags;
    x.sc.st = st;
    x.fn = fn;
    x.ud = ud;
    orl_loc sl = st->loc;
    emit(&x, ORL_TEXT_TITLE, &st->title, st->title, NULL, NULL, sl);
    emit(&x, ORL_TEXT_CREDITS, &st->credits, st->credits, NULL, NULL, sl);
    emit_list(&x, &st->warnings, ORL_TEXT_WARNING, NULL, NULL, sl);
    for (int i = 0; i < st->nsupport; i++) {
        orl_support *sp = &st->support[i];
        emit(&x, ORL_TEXT_SUPPORT_NAME, &sp->name, sp->name, NULL, NULL, sp->loc);
        emit(&x, ORL_TEXT_SUPPORT_NOTE, &sp->note, sp->note, NULL, NULL, sp->loc);
        emit(&x, ORL_TEXT_SUPPORT_CONTACT, &sp->contact, sp->contact, NULL, NULL, sp->loc);
    }
    int total = st->nscenes + st->ntestimonies + st->nnarrators;
    defpos *order = malloc((size_t)(total ? total : 1) * sizeof *order);
    if (!order) {
        src_free(&x.sc);
        return -1;
    }
    int n = 0;
    for (int i = 0; i < st->nnarrators; i++)
        order[n++] = (defpos){0, i, file_index(st, st->narrators[i].loc.file), st->narrators[i].loc.line};
    for (int i = 0; i < st->ntestimonies; i++)
        order[n++] = (defpos){1, i, file_index(st, st->testimonies[i].loc.file), st->testimonies[i].loc.line};
    for (int i = 0; i < st->nscenes; i++)
        order[n++] = (defpos){2, i, file_index(st, st->scenes[i].loc.file), st->scenes[i].loc.line};
    qsort(order, (size_t)n, sizeof *order, cmp_defpos);
    for (int k = 0; k < n && !x.stop; k++) {
        if (order[k].kind == 0) {
            orl_narrator *nr = &st->narrators[order[k].idx];
            emit(&x, ORL_TEXT_NARRATOR_NAME, &nr->name, nr->name, NULL, nr->id, nr->loc);
        } else if (order[k].kind == 1) {
            orl_testimony *t = &st->testimonies[order[k].idx];
            orl_consent_ctx cc = {.deployment = ORL_DEPLOY_WORKSHOP, .withdrawn = x.withdrawn};
            if ((flags & ORL_TEXTS_CONSENTED) && !orl_consent_allows(st, t, &cc)) continue;
            orl_text_ref r = {0};
            r.kind = ORL_TEXT_TRANSCRIPT;
            r.slot = &t->text;
            r.text = t->text;
            r.ctxt = t->id;
            r.owner = t->id;
            r.narrator = t->narrator_idx >= 0 && st->narrators[t->narrator_idx].name ? st->narrators[t->narrator_idx].name
                                                                                      : t->narrator;
            r.loc = t->loc;
            emit_ref(&x, &r, 0);
            emit_list(&x, &t->warnings, ORL_TEXT_WARNING, t->id, t->id, t->loc);
            emit(&x, ORL_TEXT_SKIP_TEXT, &t->skip_text, t->skip_text, t->id, t->id, t->loc);
        } else {
            orl_scene *s = &st->scenes[order[k].idx];
            emit(&x, ORL_TEXT_SCENE_TITLE, &s->title, s->title, s->id, s->id, s->loc);
            emit_list(&x, &s->warnings, ORL_TEXT_WARNING, s->id, s->id, s->loc);
            emit(&x, ORL_TEXT_SKIP_TEXT, &s->skip_text, s->skip_text, s->id, s->id, s->loc);
            if (s->text) emit(&x, ORL_TEXT_SCENE_TEXT, &s->text, s->text, s->id, s->id, s->loc);
            else emit_function(&x, s->text_fn, s->id, s->id, 0);
            if (s->fact.set) {
                emit(&x, ORL_TEXT_FACT, &s->fact.text, s->fact.text, s->id, s->id, s->fact.loc);
                emit(&x, ORL_TEXT_FACT_SOURCE, &s->fact.source, s->fact.source, s->id, s->id, s->fact.loc);
                emit(&x, ORL_TEXT_FACT_URL, &s->fact.url, s->fact.url, s->id, s->id, s->fact.loc);
            }
            for (int j = 0; j < s->nchoices; j++) {
                orl_choice *c = &s->choices[j];
                if (c->text) {
                    orl_text_ref r = {0};
                    r.kind = ORL_TEXT_CHOICE;
                    r.slot = &c->text;
                    r.text = c->text;
                    r.ctxt = s->id;
                    r.owner = s->id;
                    r.choice = j + 1;
                    r.loc = c->loc;
                    /* a choice is located by its go = "..." line; its text is usually on the
                     * same line, or a line or two before */
                    int from = c->loc.line - 3 > s->loc.line ? c->loc.line - 3 : s->loc.line;
                    emit_ref(&x, &r, from);
                } else {
                    emit_function(&x, c->text_fn, s->id, s->id, j + 1);
                }
            }
        }
    }
    free(order);
    src_free(&x.sc);
    return x.stop;
}

/* ---------- applying a catalog ---------- */

typedef struct apply_ctx { orl_catalog *c; int replaced, oom; } apply_ctx;

static int apply_one(const orl_text_ref *t, void *ud)
{
    apply_ctx *a = ud;
    if (!t->slot) return 0;
    const char *tr = orl_catalog_lookup(a->c, t->ctxt, t->text);
    if (!tr) return 0;
    char *copy = orl_strdup(tr);
    if (!copy) { a->oom = 1; return 1; }
    free(*t->slot);
    *t->slot = copy;
    a->replaced++;
    return 0;
}

int orl_locale_apply(orl_story *st, const char *lang, orl_diags *d)
{
    if (!lang || !*lang) return 0;
    if (st->language && strcmp(lang, st->language) == 0) {
        free(st->lang);
        st->lang = orl_strdup(lang);
        return 0;
    }
    if (!orl_locale_name_ok(lang)) {
        orl_diag_add(d, ORL_WARNING, NULL, 0, 0, "bad-lang",
                     "\"%.40s\" is not a language code; use a short code like es, en, fr or ar", lang);
        return -1;
    }
    char po[ORL_MAX_LANG + 16];
    snprintf(po, sizeof po, "locale/%s.po", lang);
    if (!orl_fs_exists(st->fs, po)) {
        /* es-MX or es_MX: use es.po when there is no es-MX.po */
        size_t base = strcspn(lang, "-_");
        if (lang[base]) snprintf(po, sizeof po, "locale/%.*s.po", (int)base, lang);
        if (!lang[base] || !orl_fs_exists(st->fs, po)) {
            if (st->language)
                orl_diag_add(d, ORL_WARNING, NULL, 0, 0, "no-translation",
                             "this story has no translation into \"%s\" (no locale/%s.po); it is shown as written, "
                             "in \"%s\"", lang, lang, st->language);
            else
                orl_diag_add(d, ORL_WARNING, NULL, 0, 0, "no-translation",
                             "this story has no translation into \"%s\" (no locale/%s.po); it is shown as written",
                             lang, lang);
            return -1;
        }
    }
    orl_diags tmp = {0};
    orl_catalog *c = orl_po_load(st->fs, po, &tmp);
    /* a broken translation does not stop the story: its problems are warnings here
     * (`orilla check` reports them as errors) */
    for (size_t i = 0; i < tmp.n; i++) {
        orl_diag *g = &tmp.items[i];
        orl_diag_add(d, ORL_WARNING, g->file, g->line, g->col, g->code, "%s", g->msg);
    }
    orl_diags_free(&tmp);
    if (!c) return -1;
    apply_ctx a = {c, 0, 0};
    orl_story_texts(st, 0, apply_one, &a);
    if (a.oom) orl_diag_add(d, ORL_ERROR, po, 0, 0, "oom", "out of memory while translating the story");
    orl_catalog_free(st->catalog);
    st->catalog = c;
    free(st->lang);
    st->lang = orl_strdup(lang);
    return 0;
}

char *orl_locale_runtime(const orl_story *st, const char *ctxt, char *s)
{
    if (!st->catalog || !s) return s;
    const char *tr = orl_catalog_lookup(st->catalog, ctxt, s);
    if (!tr) return s;
    char *copy = orl_strdup(tr);
    if (!copy) return s;
    free(s);
    return copy;
}
