/* story.lua -> orl_story. The story file runs once in the sandbox; the DSL functions
 * (story, scene, narrator, testimony, include) only record what they are given, with the
 * file and line where they were written; C then converts and checks every field. */
#define _GNU_SOURCE /* memmem */
#include "story/story.h"
#include "story/story_internal.h"
#include "story/explain.h"
#include "story/locale.h"
#include "bundle/bundle.h"
#include "core/heap.h"
#include "core/limits.h"
#include "core/strmap.h"
#include "core/strutil.h"
#include "core/term.h"
#include "core/utf8.h"
#include <lauxlib.h>
#include <lua.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* read_src: the file would pass ORL_MAX_STORY_SOURCE_BYTES with the files read before it */
#define ORL_FS_TOOBIG_TOTAL (-1000)

typedef struct srcfile {
    char *name;
    char *text;
    size_t len;
    size_t *line_start; /* offset of each line (0-based index = line-1) */
    int nlines;
    int bad_utf8; /* the file itself is not UTF-8 (reported once, at its line) */
} srcfile;

typedef struct loader {
    orl_story *st;
    orl_diags *d;
    orl_script *S;
    lua_State *L;
    srcfile *srcs;
    int nsrcs;
    int depth;
    int defs_ref; /* registry: list of {kind, id, body, file, line} */
    /* testimony and narrator ids while converting (here, not on convert_defs' stack, so a
     * Lua error out of the conversion, such as running out of memory, cannot leak them) */
    orl_strmap tidx, nidx;
    /* bounds on the work after story.lua has run (core/limits.h) */
    size_t field_bytes; /* source read by field_line */
    long suggest_work;  /* names compared for did-you-mean */
    double deadline;    /* of the whole load (monotonic seconds) */
    size_t text_bytes;  /* texts copied into the C story */
    size_t src_bytes;   /* story files read */
    long choices;       /* choices converted, in all scenes */
    int said_text_total, said_choice_total;
    int late;           /* the deadline passed: the conversion stopped and said so */
    /* names read as variables while story.lua ran (go = albergue): story/explain.h */
    struct unquoted { const char *file; int line; char name[48]; char field[48]; int claimed; } unq[64];
    int nunq;
    int failed; /* story.lua stopped on an error: a definition cut short by it is its echo */
} loader;

/* ---------- files ---------- */

const char *orl_story_intern_file(orl_story *st, const char *name)
{
    for (int i = 0; i < st->nfiles; i++)
        if (strcmp(st->files[i], name) == 0) return st->files[i];
    char **nf = realloc(st->files, (size_t)(st->nfiles + 1) * sizeof *nf);
    if (!nf) return NULL;
    st->files = nf;
    char *c = orl_strdup(name);
    if (!c) return NULL;
    st->files[st->nfiles++] = c;
    return c;
}

static srcfile *find_src(loader *ld, const char *name)
{
    for (int i = 0; i < ld->nsrcs; i++)
        if (strcmp(ld->srcs[i].name, name) == 0) return &ld->srcs[i];
    return NULL;
}

static int line_of_offset(const srcfile *f, size_t off)
{
    int lo = 0, hi = f->nlines - 1;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (f->line_start[mid] <= off) lo = mid;
        else hi = mid - 1;
    }
    return lo + 1;
}

/* Bytes of Lua source that make something: not comments (-- to the line's end, --[[ ]],
 * --[==[ ]==]), not blank space outside texts. */
static size_t code_bytes(const char *p, size_t n)
{
    size_t count = 0, i = 0;
    while (i < n) {
        char c = p[i];
        if (c == '-' && i + 1 < n && p[i + 1] == '-') {
            i += 2;
            size_t lv = 0, j = i;
            if (j < n && p[j] == '[') {
                j++;
                while (j < n && p[j] == '=') { lv++; j++; }
            }
            if (j < n && p[j] == '[' && i < n && p[i] == '[') { /* a long comment: to its ]=*] */
                for (j++; j < n; j++) {
                    if (p[j] != ']') continue;
                    size_t k = j + 1, e = 0;
                    while (k < n && p[k] == '=') { e++; k++; }
                    if (e == lv && k < n && p[k] == ']') { j = k; break; }
                }
                i = j + 1;
            } else {
                const char *nl = memchr(p + i, '\n', n - i);
                i = nl ? (size_t)(nl - p) + 1 : n;
            }
            continue;
        }
        if (c == '"' || c == '\'') { /* a text: counted, escapes and all */
            size_t j = i + 1;
            while (j < n && p[j] != c && p[j] != '\n') j += p[j] == '\\' ? 2 : 1;
            j = j < n ? j + 1 : n;
            count += j - i;
            i = j;
            continue;
        }
        if (c == '[' && i + 1 < n && (p[i + 1] == '[' || p[i + 1] == '=')) { /* a long text */
            size_t lv = 0, j = i + 1;
            while (j < n && p[j] == '=') { lv++; j++; }
            if (j < n && p[j] == '[') {
                for (j++; j < n; j++) {
                    if (p[j] != ']') continue;
                    size_t k = j + 1, e = 0;
                    while (k < n && p[k] == '=') { e++; k++; }
                    if (e == lv && k < n && p[k] == ']') { j = k; break; }
                }
                j = j < n ? j + 1 : n;
                count += j - i;
                i = j;
                continue;
            }
        }
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') count++;
        i++;
    }
    return count;
}

/* Reads a story file, remembers its text for line lookups, reports bad UTF-8. */
static srcfile *read_src(loader *ld, const char *name, const char *from_file, int from_line, int *rc_out)
{
    char *data;
    size_t len;
    /* a story of megabytes: its source, Lua's parser and the scenes it makes will take ~7
     * times the source in heap (core/heap.c); said before reading, so the source's own
     * buffer is on that heap too */
    long long size = orl_fs_size(ld->st->fs, name);
    if (size > 0 && size <= ORL_MAX_SCRIPT_BYTES) orl_heap_expect((size_t)size * 7);
    /* every file stays in memory for the whole load (messages find their lines in it) */
    size_t room = ld->src_bytes < ORL_MAX_STORY_SOURCE_BYTES ? ORL_MAX_STORY_SOURCE_BYTES - ld->src_bytes : 0;
    if (room > ORL_MAX_SCRIPT_BYTES) room = ORL_MAX_SCRIPT_BYTES;
    int rc = orl_fs_read(ld->st->fs, name, room, &data, &len);
    if (rc == ORL_FS_TOOBIG && room < ORL_MAX_SCRIPT_BYTES) rc = ORL_FS_TOOBIG_TOTAL;
    *rc_out = rc;
    if (rc != ORL_FS_OK) return NULL;
    ld->src_bytes += len;
    srcfile *ns = realloc(ld->srcs, (size_t)(ld->nsrcs + 1) * sizeof *ns);
    if (!ns) { free(data); *rc_out = ORL_FS_NOMEM; return NULL; }
    ld->srcs = ns;
    srcfile *f = &ld->srcs[ld->nsrcs];
    memset(f, 0, sizeof *f);
    f->name = orl_strdup(name);
    f->text = data;
    f->len = len;
    int n = 1;
    for (const char *q = data, *end = data + len; (q = memchr(q, '\n', (size_t)(end - q))) != NULL; q++) n++;
    f->line_start = malloc((size_t)n * sizeof *f->line_start);
    if (!f->name || !f->line_start) {
        free(f->name); free(f->line_start); free(data);
        *rc_out = ORL_FS_NOMEM;
        return NULL;
    }
    f->line_start[0] = 0;
    int k = 1;
    for (const char *q = data, *end = data + len; (q = memchr(q, '\n', (size_t)(end - q))) != NULL; q++)
        f->line_start[k++] = (size_t)(q - data) + 1;
    f->nlines = n;
    ld->nsrcs++;
    /* Notepad's byte order mark, and texts between curly quotes, read as meant (story/explain.h) */
    orl_source_fixes fx;
    orl_explain_fix_source(data, len, &fx);
    orl_explain_report_fixes(ld->d, name, &fx);
    (void)from_file; (void)from_line;
    /* a bigger story may use more memory, in proportion to its own code (not its comments or
     * blank space: three files of 100 MB of comments grew the cap to 2.4 GB), up to a ceiling */
    size_t grow = code_bytes(data, len) * ORL_LUA_MEMORY_PER_SOURCE_BYTE;
    size_t cap = orl_script_memory_limit(ld->S);
    cap = grow > ORL_LUA_MEMORY_MAX || cap > ORL_LUA_MEMORY_MAX - grow ? ORL_LUA_MEMORY_MAX : cap + grow;
    if (cap > orl_script_memory_limit(ld->S)) orl_script_set_memory_limit(ld->S, cap);
    size_t bad = orl_utf8_invalid_at(data, len);
    f->bad_utf8 = bad != (size_t)-1;
    if (bad != (size_t)-1)
        orl_diag_add(ld->d, ORL_ERROR, name, line_of_offset(f, bad), 0, "bad-utf8",
                     "this line has bytes that are not UTF-8 text; save the file as UTF-8 "
                     "(most editors have 'Save with encoding: UTF-8')");
    return f;
}

/* The line where `field = ` is written, searching from a definition's line; else def line. */
static int field_line(loader *ld, orl_loc loc, const char *field, const char *value)
{
    srcfile *f = loc.file ? find_src(ld, loc.file) : NULL;
    if (!f || loc.line < 1 || loc.line > f->nlines) return loc.line;
    size_t flen = strlen(field);
    for (int ln = loc.line; ln <= f->nlines && ln < loc.line + 2000; ln++) {
        size_t a = f->line_start[ln - 1];
        size_t b = ln < f->nlines ? f->line_start[ln] : f->len;
        /* all searches of one load together read at most ORL_FIELD_LINE_MAX_BYTES */
        if (ld->field_bytes > ORL_FIELD_LINE_MAX_BYTES) return loc.line;
        ld->field_bytes += b - a;
        if (ln > loc.line && b > a) {
            /* a new top-level definition ends the search */
            static const char *const tops[] = {"scene", "story", "narrator", "testimony", NULL};
            for (int i = 0; tops[i]; i++) {
                size_t tl = strlen(tops[i]);
                if (b - a > tl && memcmp(f->text + a, tops[i], tl) == 0 &&
                    (f->text[a + tl] == ' ' || f->text[a + tl] == '"' || f->text[a + tl] == '{' ||
                     f->text[a + tl] == '('))
                    return loc.line;
            }
        }
        for (size_t i = a; i + flen <= b; i++) {
            /* memmem: a scene's text line can be long, and every choice is looked for */
            const char *hit = memmem(f->text + i, b - i, field, flen);
            if (!hit) break;
            i = (size_t)(hit - f->text);
            if (i > a) {
                char p = f->text[i - 1];
                if (p == '_' || (p >= 'a' && p <= 'z') || (p >= 'A' && p <= 'Z') || (p >= '0' && p <= '9')) continue;
            }
            size_t j = i + flen;
            while (j < b && (f->text[j] == ' ' || f->text[j] == '\t')) j++;
            if (j >= b || f->text[j] != '=' || (j + 1 < b && f->text[j + 1] == '=')) continue;
            if (!value) return ln;
            j++;
            while (j < b && (f->text[j] == ' ' || f->text[j] == '\t')) j++;
            size_t vl = strlen(value);
            if (j < b && (f->text[j] == '"' || f->text[j] == '\'') && j + 1 + vl <= b &&
                memcmp(f->text + j + 1, value, vl) == 0 && f->text[j + 1 + vl] == f->text[j])
                return ln;
        }
    }
    return loc.line;
}

/* A field of a table the story made, read raw: a story may give its tables metatables, and
 * no story code (an __index that errors or never ends) may run while C converts them. */
static int get_field(lua_State *L, int t, const char *k)
{
    t = lua_absindex(L, t);
    lua_pushstring(L, k);
    int ty = lua_rawget(L, t);
    if (ty == LUA_TNIL) {
        /* opciones = { ... } is an error (check_fields), but read as choices: its consequences
         * (no choices, a scene nobody reaches) would only repeat it (story/explain.h) */
        for (const char *const *al = orl_explain_field_aliases(k); al && *al && ty == LUA_TNIL; al++) {
            lua_pop(L, 1);
            lua_pushstring(L, *al);
            ty = lua_rawget(L, t);
        }
    }
    return ty;
}

/* The conversion runs inside the loader's protected call (load_protected): a C allocation
 * that fails there ends the load with an "out of memory" error, rather than leaving out a
 * text, a choice or a scene without a word. Returns p when it is not NULL. */
#define ORL_LOAD_OOM "not enough memory"
static void *need(lua_State *L, void *p)
{
    if (!p) {
        lua_pushliteral(L, ORL_LOAD_OOM);
        lua_error(L);
    }
    return p;
}

static double mono_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* 1 once the whole load's deadline has passed, having said so once at `loc`: the steps after
 * story.lua stop there, so no story can keep `check` or a kiosk's start waiting. */
static int too_late(loader *ld, orl_loc loc)
{
    if (ld->late) return 1;
    if (mono_seconds() <= ld->deadline) return 0;
    ld->late = 1;
    orl_diag_add(ld->d, ORL_ERROR, loc.file, loc.line, 0, "load-too-slow",
                 "the story took more than %.0f seconds to load, and Orilla stopped reading it here; a story "
                 "this slow would keep every reader waiting: make it smaller, or split it into several stories",
                 ORL_LOAD_SECONDS);
    return 1;
}

/* ---------- diagnostics about a definition ---------- */

/* What a message is about, e.g. `scene "ana-1", choice 2`: the words are only put together
 * when there is a message (40,000 snprintf calls for a large story otherwise). */
typedef struct defctx {
    loader *ld;
    const char *what; /* "scene \"%s\"" (with id) or "story"; English, worded by "@what" */
    const char *id;
    int choice; /* > 0: choice number `choice` of it */
    orl_loc loc;
} defctx;

static void describe(const defctx *c, char *out, size_t n)
{
    char base[400];
    const char *w = orl_diag_words(c->ld->d, "@what", c->what);
    if (c->id) snprintf(base, sizeof base, w, c->id);
    else snprintf(base, sizeof base, "%s", w);
    if (c->choice > 0) snprintf(out, n, orl_diag_words(c->ld->d, "@what", "%.300s, choice %d"), base, c->choice);
    else snprintf(out, n, "%s", base);
}

static void vdiag(defctx *c, orl_severity sev, const char *field, const char *code, const char *fmt, va_list ap)
{
    if (!orl_diag_would_keep(c->ld->d, code)) { /* counted, not worded (core/diag.h) */
        orl_diag_add(c->ld->d, sev, c->loc.file, c->loc.line, 0, code, "%s", "");
        return;
    }
    int line = field ? field_line(c->ld, c->loc, field, NULL) : c->loc.line;
    char *m = orl_vformat(orl_diag_words(c->ld->d, code, fmt), ap); /* story/messages.h */
    char what[500];
    describe(c, what, sizeof what);
    orl_diag_add(c->ld->d, sev, c->loc.file, line, 0, code, "%s: %s", what, m ? m : "?");
    free(m);
}

static void derr(defctx *c, const char *field, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void derr(defctx *c, const char *field, const char *code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vdiag(c, ORL_ERROR, field, code, fmt, ap);
    va_end(ap);
}

/* `field = name` without quotes was reported for this definition (story/explain.h): the field
 * it left empty is that mistake's consequence, not a second one. The name, or NULL. */
static const char *unquoted_claim(defctx *c, const char *field)
{
    loader *ld = c->ld;
    if (!ld->nunq) return NULL;
    int at = field_line(ld, c->loc, field, NULL); /* where this definition writes the field */
    for (int i = 0; i < ld->nunq; i++) {
        struct unquoted *u = &ld->unq[i];
        if (!u->claimed && u->field[0] && strcmp(u->field, field) == 0 && u->line == at && u->file &&
            c->loc.file && strcmp(u->file, c->loc.file) == 0) {
            u->claimed = 1;
            return u->name;
        }
    }
    return NULL;
}

static const char *type_words(defctx *c, lua_State *L, int idx)
{
    const char *w;
    switch (lua_type(L, idx)) {
    case LUA_TSTRING: w = "text"; break;
    case LUA_TNUMBER: w = "a number"; break;
    case LUA_TBOOLEAN: w = "true/false"; break;
    case LUA_TTABLE: w = "a table { ... }"; break;
    case LUA_TFUNCTION: w = "a function"; break;
    case LUA_TNIL: w = "nothing"; break;
    default: w = "something Orilla cannot use";
    }
    return orl_diag_words(c->ld->d, "@word", w); /* in the messages' language (story/messages.h) */
}

/* Copies a Lua string, replacing bad UTF-8, bounded. */
static char *dup_text(defctx *c, const char *field, lua_State *L, int idx)
{
    size_t n;
    const char *s = lua_tolstring(L, idx, &n);
    if (n > ORL_MAX_TEXT) {
        derr(c, field, "text-too-long", "'%s' is %zu bytes long; keep it under %u (split it over scenes)",
             field, n, ORL_MAX_TEXT);
        n = ORL_MAX_TEXT;
    }
    if (memchr(s, 0, n)) {
        derr(c, field, "nul-in-text", "'%s' contains a zero byte, which text cannot hold", field);
    }
    /* One Lua string can be used by many fields (a table of choices shared by 20,000 scenes
     * made in a loop): each use is a copy in the C story, so their total is capped. */
    if (c->ld->text_bytes + n > ORL_MAX_STORY_TEXT_BYTES) {
        if (!c->ld->said_text_total++)
            derr(c, field, "too-much-text", "the story's texts add up to more than %u MB here, more than any "
                 "story needs (is one long text used by many scenes?); the texts from here on are left out",
                 (unsigned)(ORL_MAX_STORY_TEXT_BYTES >> 20));
        return need(L, orl_strdup(""));
    }
    c->ld->text_bytes += n;
    /* bytes that are not UTF-8, made by escapes such as "\xff\xfe" (a file that is not UTF-8
     * is reported once, at its line, by read_src) */
    if (orl_utf8_invalid_at(s, n) != (size_t)-1) {
        const srcfile *f = c->loc.file ? find_src(c->ld, c->loc.file) : NULL;
        if (!f || !f->bad_utf8)
            derr(c, field, "bad-utf8-text", "'%s' has bytes that are not UTF-8 text (from an escape such as "
                 "\\xff?), which would show as a box on the screen; write the letters themselves, or \\u{XXXX} "
                 "for a character by its number", field);
    }
    return need(L, orl_utf8_sanitize(s, n));
}

static char *get_str(defctx *c, int t, const char *field, int required)
{
    lua_State *L = c->ld->L;
    char *out = NULL;
    int ty = get_field(L, t, field);
    if (ty == LUA_TSTRING) {
        out = dup_text(c, field, L, -1);
        if (out && !*out && required) derr(c, field, "empty", "'%s' is empty; write something between the quotes", field);
    } else if (ty == LUA_TNIL) {
        /* go = albergue: reported as such; read as "albergue", so that its consequences (a
         * scene nobody reaches) are not reported too */
        const char *u = unquoted_claim(c, field);
        if (u) out = need(L, orl_strdup(u));
        else if (required) derr(c, NULL, "missing-field", "'%s' is missing; add %s = \"...\"", field, field);
    } else {
        derr(c, field, "wrong-type", "'%s' should be text in quotes, like %s = \"...\", but it is %s",
             field, field, type_words(c, L, -1));
    }
    lua_pop(L, 1);
    return out;
}

/* text that may be a string or a function(s) returning one */
static void get_text(defctx *c, int t, const char *field, int required, char **str, int *fn)
{
    lua_State *L = c->ld->L;
    *str = NULL;
    *fn = ORL_NOFN;
    int ty = get_field(L, t, field);
    if (ty == LUA_TFUNCTION) {
        *fn = luaL_ref(L, LUA_REGISTRYINDEX);
        return;
    }
    lua_pop(L, 1);
    if (ty == LUA_TNIL || ty == LUA_TSTRING) {
        *str = get_str(c, t, field, required);
        return;
    }
    get_field(L, t, field);
    derr(c, field, "wrong-type", "'%s' should be text in quotes (or a function that gives text), but it is %s",
         field, type_words(c, L, -1));
    lua_pop(L, 1);
}

static int get_fn(defctx *c, int t, const char *field)
{
    lua_State *L = c->ld->L;
    int ty = get_field(L, t, field);
    if (ty == LUA_TFUNCTION) return luaL_ref(L, LUA_REGISTRYINDEX);
    if (ty != LUA_TNIL)
        derr(c, field, "wrong-type", "'%s' should be a function, like %s = function(s) ... end, but it is %s",
             field, field, type_words(c, L, -1));
    lua_pop(L, 1);
    return ORL_NOFN;
}

static int get_bool(defctx *c, int t, const char *field)
{
    lua_State *L = c->ld->L;
    int ty = get_field(L, t, field);
    int v = 0;
    if (ty == LUA_TBOOLEAN) v = lua_toboolean(L, -1);
    else if (ty == LUA_TSTRING && strcmp(lua_tostring(L, -1), "true") == 0) {
        /* ending = "true": an error below, but meant true (no "not an ending" after it) */
        derr(c, field, "wrong-type", "'%s' should be true or false (without quotes), but it is %s", field,
             type_words(c, L, -1));
        v = 1;
    } else if (ty == LUA_TNIL) {
        const char *u = unquoted_claim(c, field); /* ending = ture: meant true, already said */
        if (u) v = orl_explain_means_true(u);
    } else if (ty != LUA_TNIL)
        derr(c, field, "wrong-type", "'%s' should be true or false (without quotes), but it is %s", field,
             type_words(c, L, -1));
    lua_pop(L, 1);
    return v;
}

/* 1 when present and a number */
static int get_num_at(defctx *c, int idx, const char *field, double *out)
{
    lua_State *L = c->ld->L;
    if (lua_type(L, idx) == LUA_TNUMBER) {
        *out = lua_tonumber(L, idx);
        if (*out != *out || *out > 1e9 || *out < -1e9) {
            derr(c, field, "bad-number", "'%s' is not a usable number", field);
            return 0;
        }
        return 1;
    }
    if (lua_type(L, idx) != LUA_TNIL)
        derr(c, field, "wrong-type", "'%s' should be a number, but it is %s", field, type_words(c, L, idx));
    return 0;
}

static int get_num(defctx *c, int t, const char *field, double *out)
{
    get_field(c->ld->L, t, field);
    int ok = get_num_at(c, -1, field, out);
    lua_pop(c->ld->L, 1);
    return ok;
}

static void get_strlist(defctx *c, int t, const char *field, orl_strlist *out)
{
    lua_State *L = c->ld->L;
    int ty = get_field(L, t, field);
    if (ty == LUA_TSTRING) {
        out->items = need(L, calloc(1, sizeof *out->items));
        if (out->items) {
            out->items[0] = dup_text(c, field, L, -1);
            out->n = out->items[0] ? 1 : 0;
        }
    } else if (ty == LUA_TTABLE) {
        lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
        if (n > 256) n = 256;
        out->items = need(L, calloc((size_t)(n ? n : 1), sizeof *out->items));
        for (lua_Integer i = 1; out->items && i <= n; i++) {
            if (lua_rawgeti(L, -1, i) == LUA_TSTRING) {
                char *s = dup_text(c, field, L, -1);
                if (s) out->items[out->n++] = s;
            } else {
                derr(c, field, "wrong-type", "every item of '%s' should be text in quotes; item %d is %s", field,
                     (int)i, type_words(c, L, -1));
            }
            lua_pop(L, 1);
        }
    } else if (ty != LUA_TNIL) {
        derr(c, field, "wrong-type", "'%s' should be a list of texts, like %s = { \"...\", \"...\" }, but it is %s",
             field, field, type_words(c, L, -1));
    }
    lua_pop(L, 1);
}

static const char *closest(const char *word, const char *const *names)
{
    orl_nearest n;
    orl_nearest_init(&n, word, 3);
    for (; *names; names++) orl_nearest_try(&n, *names);
    return n.best;
}

/* The first line of a definition with a '==' outside texts and functions' bodies are not
 * told apart: a rough search, only used once a list item turned out to be true or false. */
static int eqeq_line(defctx *c)
{
    srcfile *f = c->loc.file ? find_src(c->ld, c->loc.file) : NULL;
    if (!f || c->loc.line < 1) return 0;
    for (int ln = c->loc.line; ln <= f->nlines && ln < c->loc.line + 200; ln++) {
        size_t a = f->line_start[ln - 1], b = ln < f->nlines ? f->line_start[ln] : f->len;
        if (ln > c->loc.line && b > a && f->text[a] != ' ' && f->text[a] != '\t' && f->text[a] != '}' && f->text[a] != '\n')
            return 0; /* the next definition */
        const char *q = memmem(f->text + a, b - a, "==", 2);
        if (q && !memmem(f->text + a, (size_t)(q - f->text - (long)a), "function", 8)) return ln;
    }
    return 0;
}

/* Unknown fields, with a did-you-mean. */
static void check_fields(defctx *c, int t, const char *const *allowed, const char *kind)
{
    lua_State *L = c->ld->L;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        if (lua_type(L, -2) == LUA_TSTRING) {
            const char *k = lua_tostring(L, -2);
            int ok = 0;
            for (const char *const *a = allowed; *a; a++)
                if (strcmp(*a, k) == 0) { ok = 1; break; }
            if (!ok) {
                /* other tools change their variables with `set` or `action`: in Orilla a scene does it
                 * when the reader arrives (docs/story-format.md) */
                int sets = strcmp(k, "set") == 0 || strcmp(k, "action") == 0 || strcmp(k, "actions") == 0;
                const char *sug = sets ? NULL : closest(k, allowed);
                const char *english = orl_explain_field_word(k); /* opciones: choices */
                for (const char *const *a = allowed; english && *a; a++)
                    if (strcmp(*a, english) == 0) sug = english;
                if (english && sug == english)
                    derr(c, k, "unknown-field", "field names are written in English in a story: write %s instead of %s",
                         english, k);
                else if (sets && strcmp(kind, "scene") == 0)
                    derr(c, k, "unknown-field", "a scene has no field '%s'; to change what the story remembers, write "
                         "on_enter = function(s) s.name = value end: it runs when the reader arrives in the scene "
                         "(docs/story-format.md)", k);
                else if (sets && strcmp(kind, "choice") == 0)
                    derr(c, k, "unknown-field", "a choice has no field '%s'; to change what the story remembers when "
                         "this choice is taken, give the scene it goes to on_enter = function(s) s.name = value end "
                         "(docs/story-format.md)", k);
                else if (sug)
                    derr(c, k, "unknown-field", "a %s has no field '%s'; did you mean '%s'?", kind, k, sug);
                else {
                    char list[400];
                    size_t n = 0;
                    list[0] = 0;
                    for (const char *const *f = allowed; *f && n + strlen(*f) + 3 < sizeof list; f++)
                        n += (size_t)snprintf(list + n, sizeof list - n, "%s%s", f == allowed ? "" : ", ", *f);
                    derr(c, k, "unknown-field", "a %s has no field '%s' (it can have: %s)", kind, k, list);
                }
            }
        } else if (lua_type(L, -2) == LUA_TNUMBER && lua_type(L, -1) == LUA_TBOOLEAN && eqeq_line(c) > 0) {
            /* text == "..." in a { }: a comparison, true or false, where a field was meant */
            orl_diag_add(c->ld->d, ORL_ERROR, c->loc.file, eqeq_line(c), 0, "set-with-equals",
                         "'==' compares two values (in a 'when' or an 'if'); to give a field its value, write a "
                         "single '=', like text = \"...\"");
        } else if (lua_type(L, -2) == LUA_TNUMBER) {
            derr(c, NULL, "list-in-def", "a %s is written with named fields (name = value); "
                 "this one has an item without a name (a missing 'text =' or 'go ='?)", kind);
        }
        lua_pop(L, 1);
    }
}

/* ---------- the DSL functions ---------- */

static loader *loader_of(lua_State *L)
{
    orl_story *st = lua_touserdata(L, lua_upvalueindex(1));
    if (!st->loading) luaL_error(L, "scene, story, narrator, testimony and include can only be used while the story loads, not inside a function");
    return st->loading;
}

static void caller_loc(lua_State *L, const char **file, int *line)
{
    lua_Debug ar;
    *file = NULL;
    *line = 0;
    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "Sl", &ar)) {
        *file = ar.source[0] == '@' ? ar.source + 1 : ar.short_src;
        *line = ar.currentline;
    }
}

static void push_def(lua_State *L, loader *ld, const char *kind, int id_idx, int body_idx,
                     const char *file, int line)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, ld->defs_ref);
    lua_createtable(L, 0, 5);
    lua_pushstring(L, kind);
    lua_setfield(L, -2, "kind");
    if (id_idx) { lua_pushvalue(L, id_idx); lua_setfield(L, -2, "id"); }
    if (body_idx) { lua_pushvalue(L, body_idx); lua_setfield(L, -2, "body"); }
    lua_pushstring(L, file ? file : "?");
    lua_setfield(L, -2, "file");
    lua_pushinteger(L, line);
    lua_setfield(L, -2, "line");
    lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
    lua_pop(L, 1);
}

static int dsl_story(lua_State *L)
{
    loader *ld = loader_of(L);
    const char *file;
    int line;
    caller_loc(L, &file, &line);
    if (lua_type(L, 1) != LUA_TTABLE)
        return luaL_error(L, "story needs its details between braces: story { title = \"...\", start = \"...\" }");
    push_def(L, ld, "story", 0, 1, file, line);
    return 0;
}

/* scene "id" { ... }: the first call takes the id and returns a function taking the body */
static int dsl_body(lua_State *L)
{
    if (lua_toboolean(L, lua_upvalueindex(3)))
        return luaL_error(L, "%s \"%s\" was given two bodies", lua_tostring(L, lua_upvalueindex(1)),
                          lua_tostring(L, lua_upvalueindex(2)));
    if (lua_type(L, 1) != LUA_TTABLE)
        return luaL_error(L, "%s \"%s\" needs its details between braces: %s \"%s\" { ... } (not %s)",
                          lua_tostring(L, lua_upvalueindex(1)), lua_tostring(L, lua_upvalueindex(2)),
                          lua_tostring(L, lua_upvalueindex(1)), lua_tostring(L, lua_upvalueindex(2)),
                          luaL_typename(L, 1));
    lua_pushboolean(L, 1);
    lua_replace(L, lua_upvalueindex(3));
    lua_pushvalue(L, lua_upvalueindex(4)); /* the def record */
    lua_pushvalue(L, 1);
    lua_setfield(L, -2, "body");
    return 0;
}

static int dsl_named(lua_State *L)
{
    loader *ld = loader_of(L);
    const char *kind = lua_tostring(L, lua_upvalueindex(2));
    const char *file;
    int line;
    caller_loc(L, &file, &line);
    if (lua_type(L, 1) == LUA_TTABLE)
        return luaL_error(L, "a %s needs a name in quotes before its braces: %s \"my-%s\" { ... }", kind, kind, kind);
    if (lua_type(L, 1) != LUA_TSTRING)
        return luaL_error(L, "a %s needs a name in quotes: %s \"my-%s\" { ... }", kind, kind, kind);
    push_def(L, ld, kind, 1, 0, file, line);
    /* closure over (kind, id, used, record) */
    lua_pushvalue(L, lua_upvalueindex(2));
    lua_pushvalue(L, 1);
    lua_pushboolean(L, 0);
    lua_rawgeti(L, LUA_REGISTRYINDEX, ld->defs_ref);
    lua_rawgeti(L, -1, (lua_Integer)lua_rawlen(L, -1));
    lua_remove(L, -2);
    lua_pushcclosure(L, dsl_body, 4);
    return 1;
}

static int dsl_include(lua_State *L)
{
    loader *ld = loader_of(L);
    size_t namelen = 0;
    const char *name = luaL_checklstring(L, 1, &namelen);
    if (strlen(name) != namelen) { /* "a.lua\0.png" would be read as "a.lua" */
        char shown[300];
        char *c = orl_clean_dup(name, namelen < 200 ? namelen : 200, ORL_CLEAN_ONE_LINE);
        snprintf(shown, sizeof shown, "%s", c ? c : "?");
        free(c);
        return luaL_error(L, "include \"%s\": the name holds a zero byte; write the file's name alone", shown);
    }
    if (orl_fs_check_name(name) != ORL_FS_OK)
        return luaL_error(L, "include \"%s\": %s", name, orl_fs_strerror(ORL_FS_BADNAME));
    if (find_src(ld, name))
        return luaL_error(L, "include \"%s\": this file is already part of the story (included twice?)", name);
    if (ld->depth >= ORL_MAX_INCLUDE_DEPTH || ld->nsrcs >= ORL_MAX_INCLUDES)
        return luaL_error(L, "include \"%s\": too many files included inside each other", name);
    int rc;
    const char *from;
    int fl;
    caller_loc(L, &from, &fl);
    srcfile *f = read_src(ld, name, from, fl, &rc);
    if (!f && rc == ORL_FS_TOOBIG_TOTAL)
        return luaL_error(L, "include \"%s\": the story's files add up to more than %d MB with this one, "
                          "more than any story needs (a file of comments or generated text?)", name,
                          (int)(ORL_MAX_STORY_SOURCE_BYTES >> 20));
    if (!f)
        return luaL_error(L, "include \"%s\": %s", name,
                          rc == ORL_FS_NOTFOUND ? "there is no such file in the story folder" : orl_fs_strerror(rc));
    if (!orl_story_intern_file(ld->st, name)) return luaL_error(L, "out of memory");
    orl_script_error e = {0};
    if (orl_script_load(ld->S, f->text, f->len, name, &e) != 0) {
        /* formatted in C and freed before Lua can fail (an allocation error would jump past) */
        char msg[700];
        snprintf(msg, sizeof msg, "%s:%d: %s", e.file ? e.file : name, e.line, e.msg ? e.msg : "cannot load");
        orl_script_error_free(&e);
        lua_pushstring(L, msg);
        return lua_error(L);
    }
    ld->depth++;
    lua_call(L, 0, 0);
    ld->depth--;
    return 0;
}

/* ---------- conversion ---------- */

static const char *const story_fields[] = {"id", "version", "title", "language", "translations", "start",
                                           "credits", "warnings", "support", "cover", "authors",
                                           "licence", "license", "kind", NULL};
static const char *const scene_fields[] = {"text", "title", "background", "panorama", "look", "layers",
                                           "camera", "testimony", "fact", "music", "warnings", "skip_to",
                                           "skip_text", "on_enter", "choices", "ending", NULL};
static const char *const choice_fields[] = {"text", "go", "when", "at", NULL};
static const char *const layer_fields[] = {"image", "depth", NULL};
static const char *const camera_fields[] = {"from", "to", "seconds", NULL};
static const char *const fact_fields[] = {"text", "source", "url", NULL};
static const char *const look_fields[] = {"yaw", "pitch", "fov", NULL};
static const char *const narrator_fields[] = {"name", "portrait", NULL};
static const char *const testimony_fields[] = {"narrator", "text", "audio", "captions", "consent", "warnings",
                                               "kind", "skip_text", NULL};
static const char *const consent_fields[] = {"recorded", "scope", "expires", "anonymised", "anonymized", NULL};
static const char *const support_fields[] = {"name", "contact", "note", NULL};

static int get_vec3(defctx *c, int t, const char *field, float out[3])
{
    lua_State *L = c->ld->L;
    int ty = get_field(L, t, field);
    int ok = 0;
    if (ty == LUA_TTABLE) {
        ok = 1;
        for (int i = 0; i < 3; i++) {
            double v = 0;
            lua_rawgeti(L, -1, i + 1);
            if (lua_type(L, -1) == LUA_TNIL) v = 0;
            else if (!get_num_at(c, -1, field, &v)) ok = 0;
            out[i] = (float)v;
            lua_pop(L, 1);
        }
    } else if (ty != LUA_TNIL) {
        derr(c, field, "wrong-type", "'%s' should be a position like { 0, 0, 0 }, but it is %s", field,
             type_words(c, L, -1));
    }
    lua_pop(L, 1);
    return ok;
}

/* *from_line: where the search for this choice's line starts (the previous choice's line:
 * choices are written in order), so a scene's source is read once, not once per choice. */
static void conv_choice(defctx *sc, int t, int i, orl_choice *ch, int *from_line)
{
    lua_State *L = sc->ld->L;
    defctx c = *sc;
    c.choice = i;
    ch->target = -1;
    ch->text_fn = ch->when_fn = ORL_NOFN;
    /* locate the choice by its go = "..." */
    get_field(L, t, "go");
    if (lua_type(L, -1) == LUA_TSTRING) {
        orl_loc from = sc->loc;
        from.line = *from_line;
        int ln = field_line(sc->ld, from, "go", lua_tostring(L, -1));
        if (ln == *from_line && ln != sc->loc.line) /* not after the previous one: look from the scene */
            ln = field_line(sc->ld, sc->loc, "go", lua_tostring(L, -1));
        c.loc.line = ln;
        if (ln != sc->loc.line) *from_line = ln;
    } else if (get_field(L, t, "text") == LUA_TSTRING) {
        /* no go: the choice is found by its text, so a missing go points at the choice */
        orl_loc from = sc->loc;
        from.line = *from_line;
        int ln = field_line(sc->ld, from, "text", lua_tostring(L, -1));
        if (ln != *from_line || ln == sc->loc.line) {
            c.loc.line = ln;
            if (ln != sc->loc.line) *from_line = ln;
        }
        lua_pop(L, 1);
    } else {
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    ch->loc = c.loc;
    check_fields(&c, t, choice_fields, "choice");
    get_text(&c, t, "text", 1, &ch->text, &ch->text_fn);
    ch->go = get_str(&c, t, "go", 1);
    ch->when_fn = get_fn(&c, t, "when");
    int ty = get_field(L, t, "at");
    if (ty == LUA_TTABLE) {
        int at = lua_gettop(L);
        double x, y;
        lua_rawgeti(L, at, 1);
        lua_rawgeti(L, at, 2);
        if (lua_type(L, -2) == LUA_TNUMBER && lua_type(L, -1) == LUA_TNUMBER) {
            x = lua_tonumber(L, -2);
            y = lua_tonumber(L, -1);
            if (x < 0 || x > 1 || y < 0 || y > 1)
                derr(&c, "at", "bad-at", "'at' is a place on the picture from { 0, 0 } (top left) to { 1, 1 } "
                     "(bottom right); { %g, %g } is outside it", x, y);
            ch->has_at = 1;
            ch->at[0] = (float)x;
            ch->at[1] = (float)y;
        }
        lua_pop(L, 2);
        double yaw = 0, pitch = 0;
        int hy = get_num(&c, at, "yaw", &yaw), hp = get_num(&c, at, "pitch", &pitch);
        if (hy || hp) {
            if (pitch < -90 || pitch > 90)
                derr(&c, "pitch", "bad-at", "'pitch' goes from -90 (down) to 90 (up); %g is outside", pitch);
            ch->has_angles = 1;
            ch->yaw = (float)yaw;
            ch->pitch = (float)pitch;
        }
        if (!ch->has_at && !ch->has_angles)
            derr(&c, "at", "bad-at", "'at' should be { x, y } on the picture or { yaw = .., pitch = .. } in a panorama");
    } else if (ty != LUA_TNIL) {
        derr(&c, "at", "wrong-type", "'at' should be { x, y }, but it is %s", type_words(&c, L, -1));
    }
    lua_pop(L, 1);
}

static void conv_scene(loader *ld, orl_scene *s, int t)
{
    lua_State *L = ld->L;
    defctx c = {ld, "scene \"%s\"", s->id, 0, s->loc};
    s->testimony_idx = -1;
    check_fields(&c, t, scene_fields, "scene");
    get_text(&c, t, "text", 0, &s->text, &s->text_fn);
    s->title = get_str(&c, t, "title", 0);
    s->background = get_str(&c, t, "background", 0);
    s->panorama = get_str(&c, t, "panorama", 0);
    s->testimony = get_str(&c, t, "testimony", 0);
    s->music = get_str(&c, t, "music", 0);
    get_strlist(&c, t, "warnings", &s->warnings);
    s->skip_to = get_str(&c, t, "skip_to", 0);
    s->skip_to_idx = -1;
    s->skip_text = get_str(&c, t, "skip_text", 0);
    s->on_enter_fn = get_fn(&c, t, "on_enter");
    s->ending = get_bool(&c, t, "ending");

    int ty = get_field(L, t, "look");
    if (ty == LUA_TTABLE) {
        int lt = lua_gettop(L);
        check_fields(&c, lt, look_fields, "look");
        double v[3] = {0, 0, 90};
        get_num(&c, lt, "yaw", &v[0]);
        get_num(&c, lt, "pitch", &v[1]);
        get_num(&c, lt, "fov", &v[2]);
        if (v[2] < 20 || v[2] > 150) derr(&c, "fov", "bad-look", "'fov' (how wide the view is) goes from 20 to 150 degrees; %g is outside", v[2]);
        s->has_look = 1;
        for (int i = 0; i < 3; i++) s->look[i] = (float)v[i];
    } else if (ty != LUA_TNIL) {
        derr(&c, "look", "wrong-type", "'look' should be { yaw = 0, pitch = 0, fov = 90 }, but it is %s", type_words(&c, L, -1));
    }
    lua_pop(L, 1);

    ty = get_field(L, t, "layers");
    if (ty == LUA_TTABLE) {
        int lt = lua_gettop(L);
        int n = (int)lua_rawlen(L, lt);
        if (n > 32) { derr(&c, "layers", "too-many", "a scene can have at most 32 layers; this one has %d", n); n = 32; }
        s->layers = need(L, calloc((size_t)(n ? n : 1), sizeof *s->layers));
        for (int i = 1; s->layers && i <= n; i++) {
            if (lua_rawgeti(L, lt, i) != LUA_TTABLE) {
                derr(&c, "layers", "wrong-type", "each layer should be { image = \"...\", depth = 2 }; layer %d is %s", i, type_words(&c, L, -1));
                lua_pop(L, 1);
                continue;
            }
            int it = lua_gettop(L);
            orl_layer *ly = &s->layers[s->nlayers++];
            ly->loc = s->loc;
            ly->loc.line = field_line(ld, s->loc, "layers", NULL);
            check_fields(&c, it, layer_fields, "layer");
            ly->image = get_str(&c, it, "image", 1);
            double depth = 1;
            if (get_num(&c, it, "depth", &depth) && depth <= 0)
                derr(&c, "depth", "bad-depth", "a layer's 'depth' must be more than 0 (1 is the screen, bigger is farther); it is %g", depth);
            ly->depth = (float)depth;
            lua_pop(L, 1);
        }
    } else if (ty != LUA_TNIL) {
        derr(&c, "layers", "wrong-type", "'layers' should be a list like { { image = \"...\", depth = 2 } }, but it is %s", type_words(&c, L, -1));
    }
    lua_pop(L, 1);

    ty = get_field(L, t, "camera");
    if (ty == LUA_TTABLE) {
        int ct = lua_gettop(L);
        check_fields(&c, ct, camera_fields, "camera");
        s->camera.set = 1;
        get_vec3(&c, ct, "from", s->camera.from);
        get_vec3(&c, ct, "to", s->camera.to);
        double secs = 10;
        get_num(&c, ct, "seconds", &secs);
        if (secs <= 0 || secs > 3600) derr(&c, "seconds", "bad-seconds", "the camera's 'seconds' must be more than 0 (and at most an hour)");
        s->camera.seconds = (float)secs;
    } else if (ty != LUA_TNIL) {
        derr(&c, "camera", "wrong-type", "'camera' should be { from = { 0, 0, 0 }, to = { 0.1, 0, -0.5 }, seconds = 10 }, but it is %s", type_words(&c, L, -1));
    }
    lua_pop(L, 1);

    ty = get_field(L, t, "fact");
    if (ty == LUA_TTABLE) {
        int ft = lua_gettop(L);
        defctx fc = c;
        fc.loc.line = field_line(ld, s->loc, "fact", NULL);
        check_fields(&fc, ft, fact_fields, "fact");
        s->fact.set = 1;
        s->fact.loc = fc.loc;
        s->fact.text = get_str(&fc, ft, "text", 1);
        s->fact.source = get_str(&fc, ft, "source", 0);
        s->fact.url = get_str(&fc, ft, "url", 0);
    } else if (ty == LUA_TSTRING) {
        s->fact.set = 1;
        s->fact.loc = s->loc;
        s->fact.loc.line = field_line(ld, s->loc, "fact", NULL);
        s->fact.text = dup_text(&c, "fact", L, -1);
    } else if (ty != LUA_TNIL) {
        derr(&c, "fact", "wrong-type", "'fact' should be { text = \"...\", source = \"who published it, year\" }, but it is %s", type_words(&c, L, -1));
    }
    lua_pop(L, 1);

    ty = get_field(L, t, "choices");
    if (ty == LUA_TTABLE) {
        int cht = lua_gettop(L);
        int n = (int)lua_rawlen(L, cht), single = 0;
        if (n == 0) {
            lua_pushnil(L);
            if (lua_next(L, cht)) {
                lua_pop(L, 2);
                derr(&c, "choices", "wrong-type", "'choices' should be a list of choices, each between braces: choices = { { text = \"...\", go = \"...\" } }");
                /* choices = { text = "...", go = "..." }: read as the one choice it was meant to
                 * be, so that "no choices" and "cannot be reached" do not follow the error */
                if (get_field(L, cht, "go") == LUA_TSTRING) single = n = 1;
                lua_pop(L, 1);
            }
        }
        if (n > ORL_MAX_CHOICES) {
            derr(&c, "choices", "too-many", "a scene can have at most %d choices; this one has %d", ORL_MAX_CHOICES, n);
            n = ORL_MAX_CHOICES;
        }
        if (ld->choices + n > ORL_MAX_STORY_CHOICES) {
            if (!ld->said_choice_total++)
                derr(&c, "choices", "too-many-choices", "the story has more than %d choices in all from here on, "
                     "more than any story needs (is one list of choices used by many scenes?); the choices of "
                     "this scene and the ones after it are left out", ORL_MAX_STORY_CHOICES);
            n = 0;
        }
        ld->choices += n;
        s->choices = need(L, calloc((size_t)(n ? n : 1), sizeof *s->choices));
        int from_line = s->loc.line;
        for (int i = 1; s->choices && i <= n; i++) {
            if (single) {
                conv_choice(&c, cht, i, &s->choices[s->nchoices++], &from_line);
                continue;
            }
            if (lua_rawgeti(L, cht, i) != LUA_TTABLE) {
                derr(&c, "choices", "wrong-type", "choice %d should be between braces: { text = \"...\", go = \"scene-id\" }, but it is %s", i, type_words(&c, L, -1));
                lua_pop(L, 1);
                continue;
            }
            conv_choice(&c, lua_gettop(L), i, &s->choices[s->nchoices++], &from_line);
            lua_pop(L, 1);
        }
    } else if (ty != LUA_TNIL) {
        derr(&c, "choices", "wrong-type", "'choices' should be a list like { { text = \"...\", go = \"scene-id\" } }, but it is %s", type_words(&c, L, -1));
    }
    lua_pop(L, 1);
}

/* kind = "real" | "recreated" | "composite" (story/story.h); ORL_KIND_DEFAULT when absent. */
static orl_testimony_kind get_kind(defctx *c, int t)
{
    char *k = get_str(c, t, "kind", 0);
    if (!k) return ORL_KIND_DEFAULT;
    int v = orl_testimony_kind_parse(k);
    if (v < 0) {
        static const char *const names[] = {"real", "recreated", "composite", NULL};
        orl_nearest near;
        orl_nearest_init(&near, k, 4);
        for (int i = 0; names[i]; i++) orl_nearest_try(&near, names[i]);
        if (near.best)
            derr(c, "kind", "bad-kind", "kind = \"%s\" is not a kind Orilla knows; did you mean \"%s\"? (real: the "
                 "narrator's own words; recreated: retold from a real account; composite: several accounts in one voice)",
                 k, near.best);
        else
            derr(c, "kind", "bad-kind", "kind = \"%s\" is not a kind Orilla knows; write \"real\" (the narrator's own "
                 "words), \"recreated\" (retold from a real account) or \"composite\" (several accounts in one voice)", k);
        v = ORL_KIND_DEFAULT;
    }
    free(k);
    return (orl_testimony_kind)v;
}

static void conv_story(loader *ld, int t, orl_loc loc)
{
    orl_story *st = ld->st;
    lua_State *L = ld->L;
    defctx c = {ld, "story", NULL, 0, loc};
    st->loc = loc;
    check_fields(&c, t, story_fields, "story");
    st->id = get_str(&c, t, "id", 1);
    st->version = get_str(&c, t, "version", 0);
    st->title = get_str(&c, t, "title", 1);
    st->language = get_str(&c, t, "language", 0);
    st->start = get_str(&c, t, "start", 1);
    st->credits = get_str(&c, t, "credits", 0);
    st->kind = get_kind(&c, t);
    st->cover = get_str(&c, t, "cover", 0);
    st->licence = get_str(&c, t, "licence", 0);
    if (!st->licence) st->licence = get_str(&c, t, "license", 0);
    get_strlist(&c, t, "translations", &st->translations);
    get_strlist(&c, t, "warnings", &st->warnings);
    get_strlist(&c, t, "authors", &st->authors);
    if (st->id) {
        for (const char *p = st->id; *p; p++) {
            unsigned char ch = (unsigned char)*p;
            if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || ch == '.')) {
                derr(&c, "id", "bad-id", "the story 'id' \"%s\" may only use small letters a-z, digits, '-', '_' and '.' "
                     "(it names the story in statistics and withdrawal lists)", st->id);
                break;
            }
        }
    }
    int ty = get_field(L, t, "support");
    if (ty == LUA_TTABLE) {
        int stt = lua_gettop(L);
        int n = (int)lua_rawlen(L, stt);
        if (n > 64) n = 64;
        st->support = need(L, calloc((size_t)(n ? n : 1), sizeof *st->support));
        for (int i = 1; st->support && i <= n; i++) {
            if (lua_rawgeti(L, stt, i) == LUA_TTABLE) {
                int it = lua_gettop(L);
                orl_support *sp = &st->support[st->nsupport++];
                sp->loc = loc;
                sp->loc.line = field_line(ld, loc, "support", NULL);
                check_fields(&c, it, support_fields, "support entry");
                sp->name = get_str(&c, it, "name", 1);
                sp->contact = get_str(&c, it, "contact", 0);
                sp->note = get_str(&c, it, "note", 0);
            } else {
                derr(&c, "support", "wrong-type", "each support entry should be { name = \"...\", contact = \"...\" }");
            }
            lua_pop(L, 1);
        }
    } else if (ty != LUA_TNIL) {
        derr(&c, "support", "wrong-type", "'support' should be a list like { { name = \"...\", contact = \"...\" } }");
    }
    lua_pop(L, 1);
}

static void conv_testimony(loader *ld, orl_testimony *tm, int t)
{
    lua_State *L = ld->L;
    defctx c = {ld, "testimony \"%s\"", tm->id, 0, tm->loc};
    tm->narrator_idx = -1;
    check_fields(&c, t, testimony_fields, "testimony");
    tm->narrator = get_str(&c, t, "narrator", 1);
    tm->text = get_str(&c, t, "text", 0);
    tm->audio = get_str(&c, t, "audio", 0);
    tm->captions = get_str(&c, t, "captions", 0);
    get_strlist(&c, t, "warnings", &tm->warnings);
    tm->kind = get_kind(&c, t);
    tm->skip_text = get_str(&c, t, "skip_text", 0);
    int ty = get_field(L, t, "consent");
    if (ty == LUA_TTABLE) {
        int ct = lua_gettop(L);
        defctx cc = c;
        cc.loc.line = field_line(ld, tm->loc, "consent", NULL);
        orl_consent *k = &tm->consent;
        k->set = 1;
        k->loc = cc.loc;
        check_fields(&cc, ct, consent_fields, "consent");
        k->recorded = get_str(&cc, ct, "recorded", 0);
        k->expires = get_str(&cc, ct, "expires", 0);
        get_strlist(&cc, ct, "scope", &k->scope);
        get_strlist(&cc, ct, "anonymised", &k->anonymised);
        if (!k->anonymised.n) get_strlist(&cc, ct, "anonymized", &k->anonymised);
    } else if (ty != LUA_TNIL) {
        derr(&c, "consent", "wrong-type", "'consent' should be { recorded = \"2025-03-02\", scope = { \"workshop\" }, expires = \"2028-03-02\" }");
    }
    lua_pop(L, 1);
}

static void conv_narrator(loader *ld, orl_narrator *n, int t)
{
    defctx c = {ld, "narrator \"%s\"", n->id, 0, n->loc};
    check_fields(&c, t, narrator_fields, "narrator");
    n->name = get_str(&c, t, "name", 1);
    n->portrait = get_str(&c, t, "portrait", 0);
}

static int check_id(loader *ld, const char *kind, const char *id, orl_loc loc)
{
    size_t n = strlen(id);
    const char *why = NULL;
    if (n == 0) why = "is empty";
    else if (n > ORL_MAX_ID) why = "is too long";
    else if (orl_utf8_invalid_at(id, n) != (size_t)-1) why = "is not valid UTF-8 text";
    else
        for (size_t i = 0; i < n; i++)
            if ((unsigned char)id[i] < 0x20 || id[i] == '/') { why = "contains a '/' or a control character"; break; }
    if (!why && !orl_clean_is_clean(id, n))
        why = "contains a control character (an escape, DEL, or a direction mark such as U+202E)";
    if (why) {
        orl_diag_add(ld->d, ORL_ERROR, loc.file, loc.line, 0, "bad-id", "the name of this %s %s; use a short name like \"ana-1\"", kind, why);
        return 0;
    }
    return 1;
}

/* Walks the recorded definitions and builds the C story. */
static void convert_defs(loader *ld)
{
    lua_State *L = ld->L;
    orl_story *st = ld->st;
    lua_rawgeti(L, LUA_REGISTRYINDEX, ld->defs_ref);
    int defs = lua_gettop(L);
    int n = (int)lua_rawlen(L, defs);
    int ns = 0, nt = 0, nn = 0;
    for (int i = 1; i <= n; i++) {
        lua_rawgeti(L, defs, i);
        get_field(L, -1, "kind");
        const char *k = lua_tostring(L, -1);
        if (strcmp(k, "scene") == 0) ns++;
        else if (strcmp(k, "testimony") == 0) nt++;
        else if (strcmp(k, "narrator") == 0) nn++;
        lua_pop(L, 2);
    }
    if (ns > ORL_MAX_SCENES) ns = ORL_MAX_SCENES;
    st->scenes = calloc((size_t)(ns ? ns : 1), sizeof *st->scenes);
    st->testimonies = calloc((size_t)(nt ? nt : 1), sizeof *st->testimonies);
    st->narrators = calloc((size_t)(nn ? nn : 1), sizeof *st->narrators);
    orl_strmap *idx = calloc(1, sizeof *idx);
    st->index = idx;
    if (!st->scenes || !st->testimonies || !st->narrators || !idx) {
        orl_diag_add(ld->d, ORL_ERROR, NULL, 0, 0, "oom", "out of memory while reading the story");
        lua_pop(L, 1);
        return;
    }
    orl_strmap *tidx = &ld->tidx, *nidx = &ld->nidx;
    int seen_story = 0;
    for (int i = 1; i <= n; i++) {
        lua_rawgeti(L, defs, i);
        int d = lua_gettop(L);
        get_field(L, d, "kind");
        get_field(L, d, "id");
        get_field(L, d, "body");
        get_field(L, d, "file");
        get_field(L, d, "line");
        const char *kind = lua_tostring(L, d + 1);
        const char *id = lua_tostring(L, d + 2);
        int body = d + 3;
        orl_loc loc = {orl_story_intern_file(st, lua_tostring(L, d + 4)), (int)lua_tointeger(L, d + 5)};
        if (!loc.file) need(L, NULL);
        if ((i & 255) == 0 && too_late(ld, loc)) {
            lua_settop(L, d - 1);
            break;
        }
        if (strcmp(kind, "story") == 0) {
            if (seen_story++) {
                orl_diag_add(ld->d, ORL_ERROR, loc.file, loc.line, 0, "duplicate-story",
                             "a second story { ... } block; a story has one (the first is at %s:%d)",
                             st->loc.file, st->loc.line);
            } else {
                conv_story(ld, body, loc);
            }
        } else if (lua_type(L, body) != LUA_TTABLE) {
            if (!ld->failed) /* else the error inside its { } is what happened */
                orl_diag_add(ld->d, ORL_ERROR, loc.file, loc.line, 0, "no-body",
                         "%s \"%s\" has no details; write %s \"%s\" { ... } with the braces right after the name",
                         kind, id, kind, id);
        } else if (!check_id(ld, kind, id, loc)) {
            /* reported */
        } else if (strcmp(kind, "scene") == 0 && st->nscenes < ns) {
            int prev = orl_strmap_get(idx, id);
            if (prev >= 0) {
                orl_diag_add(ld->d, ORL_ERROR, loc.file, loc.line, 0, "duplicate-id",
                             "there is already a scene \"%s\" (at %s:%d); give each scene its own name", id,
                             st->scenes[prev].loc.file, st->scenes[prev].loc.line);
            } else {
                orl_scene *s = &st->scenes[st->nscenes];
                s->id = need(L, orl_strdup(id));
                s->loc = loc;
                s->text_fn = s->on_enter_fn = ORL_NOFN;
                st->nscenes++; /* the story owns s->id from here */
                if (orl_strmap_put(idx, s->id, st->nscenes - 1) != 0) need(L, NULL);
                conv_scene(ld, s, body);
            }
        } else if (strcmp(kind, "testimony") == 0) {
            int prev = orl_strmap_get(tidx, id);
            if (prev >= 0) {
                orl_diag_add(ld->d, ORL_ERROR, loc.file, loc.line, 0, "duplicate-id",
                             "there is already a testimony \"%s\" (at %s:%d)", id,
                             st->testimonies[prev].loc.file, st->testimonies[prev].loc.line);
            } else {
                orl_testimony *tm = &st->testimonies[st->ntestimonies];
                tm->id = need(L, orl_strdup(id));
                tm->loc = loc;
                st->ntestimonies++;
                if (orl_strmap_put(tidx, tm->id, st->ntestimonies - 1) != 0) need(L, NULL);
                conv_testimony(ld, tm, body);
            }
        } else if (strcmp(kind, "narrator") == 0) {
            int prev = orl_strmap_get(nidx, id);
            if (prev >= 0) {
                orl_diag_add(ld->d, ORL_ERROR, loc.file, loc.line, 0, "duplicate-id",
                             "there is already a narrator \"%s\" (at %s:%d)", id,
                             st->narrators[prev].loc.file, st->narrators[prev].loc.line);
            } else {
                orl_narrator *nr = &st->narrators[st->nnarrators];
                nr->id = need(L, orl_strdup(id));
                nr->loc = loc;
                st->nnarrators++;
                if (orl_strmap_put(nidx, nr->id, st->nnarrators - 1) != 0) need(L, NULL);
                conv_narrator(ld, nr, body);
            }
        }
        lua_settop(L, d - 1);
    }
    lua_pop(L, 1);
}

/* Whether a did-you-mean for a message of `code` is worth searching for among n names: the
 * message will be kept, and the load's search budget allows it (core/limits.h). */
static int may_suggest(loader *ld, const char *code, int n)
{
    if (!orl_diag_would_keep(ld->d, code) || ld->suggest_work + n > ORL_SUGGEST_MAX_WORK) return 0;
    ld->suggest_work += n;
    return 1;
}

/* The scene (testimony) an unknown scene (testimony) id most likely meant, or NULL. */
static const char *suggest_scene(loader *ld, const char *code, const char *id)
{
    orl_story *st = ld->st;
    if (!may_suggest(ld, code, st->nscenes)) return NULL;
    orl_nearest n;
    orl_nearest_init(&n, id, 3);
    for (int i = 0; i < st->nscenes; i++) orl_nearest_try(&n, st->scenes[i].id);
    return n.best;
}

static const char *suggest_testimony(loader *ld, const char *code, const char *id)
{
    orl_story *st = ld->st;
    if (!may_suggest(ld, code, st->ntestimonies)) return NULL;
    orl_nearest n;
    orl_nearest_init(&n, id, 3);
    for (int i = 0; i < st->ntestimonies; i++) orl_nearest_try(&n, st->testimonies[i].id);
    return n.best;
}

/* Resolves go/start/testimony/narrator names to indexes; unknown ones are errors. */
static void resolve(loader *ld)
{
    orl_story *st = ld->st;
    st->start_idx = -1;
    if (st->start) {
        st->start_idx = orl_story_find_scene(st, st->start);
        if (st->start_idx < 0) {
            const char *sug = suggest_scene(ld, "unknown-start", st->start);
            int line = field_line(ld, st->loc, "start", NULL);
            if (sug)
                orl_diag_add(ld->d, ORL_ERROR, st->loc.file, line, 0, "unknown-start",
                             "story: start = \"%s\", but there is no scene with that name; did you mean \"%s\"?", st->start, sug);
            else
                orl_diag_add(ld->d, ORL_ERROR, st->loc.file, line, 0, "unknown-start",
                             "story: start = \"%s\", but there is no scene with that name", st->start);
        }
    }
    for (int i = 0; i < st->nscenes; i++) {
        orl_scene *s = &st->scenes[i];
        if ((i & 255) == 0 && too_late(ld, s->loc)) break;
        for (int j = 0; j < s->nchoices; j++) {
            orl_choice *ch = &s->choices[j];
            if (!ch->go) continue;
            ch->target = orl_story_find_scene(st, ch->go);
            if (ch->target < 0) {
                const char *sug = suggest_scene(ld, "unknown-go", ch->go);
                if (sug)
                    orl_diag_add(ld->d, ORL_ERROR, ch->loc.file, ch->loc.line, 0, "unknown-go",
                                 "scene \"%s\", choice %d: go = \"%s\", but there is no scene with that name; did you mean \"%s\"?",
                                 s->id, j + 1, ch->go, sug);
                else
                    orl_diag_add(ld->d, ORL_ERROR, ch->loc.file, ch->loc.line, 0, "unknown-go",
                                 "scene \"%s\", choice %d: go = \"%s\", but there is no scene with that name; "
                                 "write the name of a scene, or add scene \"%s\" { ... }", s->id, j + 1, ch->go, ch->go);
            }
        }
        if (s->skip_to) {
            int line = field_line(ld, s->loc, "skip_to", NULL);
            s->skip_to_idx = orl_story_find_scene(st, s->skip_to);
            const char *sug = s->skip_to_idx < 0 ? suggest_scene(ld, "unknown-skip-to", s->skip_to) : NULL;
            if (sug)
                orl_diag_add(ld->d, ORL_ERROR, s->loc.file, line, 0, "unknown-skip-to",
                             "scene \"%s\": skip_to = \"%s\", but there is no scene with that name; did you mean \"%s\"?",
                             s->id, s->skip_to, sug);
            else if (s->skip_to_idx < 0)
                orl_diag_add(ld->d, ORL_ERROR, s->loc.file, line, 0, "unknown-skip-to",
                             "scene \"%s\": skip_to = \"%s\", but there is no scene with that name; write the scene a "
                             "reader who skips this part goes to", s->id, s->skip_to);
        }
        if (s->testimony) {
            s->testimony_idx = orl_story_find_testimony(st, s->testimony);
            const char *sug = s->testimony_idx < 0 ? suggest_testimony(ld, "unknown-testimony", s->testimony) : NULL;
            if (sug)
                orl_diag_add(ld->d, ORL_ERROR, s->loc.file, field_line(ld, s->loc, "testimony", NULL), 0, "unknown-testimony",
                             "scene \"%s\": testimony = \"%s\", but there is no testimony with that name; did you mean \"%s\"?",
                             s->id, s->testimony, sug);
            else if (s->testimony_idx < 0)
                orl_diag_add(ld->d, ORL_ERROR, s->loc.file, field_line(ld, s->loc, "testimony", NULL), 0, "unknown-testimony",
                             "scene \"%s\": testimony = \"%s\", but there is no testimony with that name; write the name "
                             "of a testimony, or add testimony \"%s\" { ... }", s->id, s->testimony, s->testimony);
        }
    }
    for (int i = 0; i < st->ntestimonies; i++) {
        orl_testimony *tm = &st->testimonies[i];
        if (!tm->narrator) continue;
        tm->narrator_idx = orl_story_find_narrator(st, tm->narrator);
        if (tm->narrator_idx < 0)
            orl_diag_add(ld->d, ORL_ERROR, tm->loc.file, field_line(ld, tm->loc, "narrator", NULL), 0, "unknown-narrator",
                         "testimony \"%s\": narrator = \"%s\", but there is no narrator \"%s\" { name = \"...\" }",
                         tm->id, tm->narrator, tm->narrator);
    }
}

static void report_script_error(loader *ld, orl_script_error *e, const char *file)
{
    char extra[400] = "", words[1200];
    const char *name = e->file ? e->file : file;
    /* a syntax error in an included file comes back as a runtime error of include */
    int syntax = e->kind == ORL_SCRIPT_ERR_SYNTAX ||
                 (e->kind == ORL_SCRIPT_ERR_RUNTIME && e->msg && (strstr(e->msg, " expected") || strstr(e->msg, " near ")));
    if (syntax) { /* in the author's words, at the line to mend (story/explain.h) */
        const srcfile *f = name ? find_src(ld, name) : NULL;
        orl_explain_syntax(ld->d, name, f ? f->text : NULL, f ? f->len : 0, e->line, e->msg);
        return;
    }
    const char *msg = e->msg ? e->msg : "error";
    if (e->kind == ORL_SCRIPT_ERR_RUNTIME && e->msg && strcmp(e->msg, "attempt to call a nil value") == 0) {
        const srcfile *f = name ? find_src(ld, name) : NULL; /* "b" { ... } without scene */
        if (f && orl_explain_missing_word(ld->d, name, f->text, f->len, e->line, e->msg)) return;
    }
    if (e->kind != ORL_SCRIPT_ERR_RUNTIME) {
        snprintf(extra, sizeof extra, "; %s", orl_diag_words(ld->d, "@hint", orl_script_errkind_hint(e->kind)));
    } else if (e->msg && strstr(e->msg, "attempt to call a nil value (global '")) {
        const char *g = strstr(e->msg, "(global '") + 9;
        char gname[64];
        size_t n = strcspn(g, "'");
        if (n >= sizeof gname) n = sizeof gname - 1;
        memcpy(gname, g, n);
        gname[n] = 0;
        static const char *const known[] = {"scene", "story", "narrator", "testimony", "include", NULL};
        const char *sug = closest(gname, known);
        static const char *const blocked[] = {"require", "dofile", "loadfile", "load", "loadstring", "collectgarbage", NULL};
        int is_blocked = 0;
        for (int i = 0; blocked[i]; i++) if (strcmp(gname, blocked[i]) == 0) is_blocked = 1;
        if (is_blocked)
            snprintf(extra, sizeof extra,
                     orl_diag_words(ld->d, "@hint", " ('%s' is not available to stories: they cannot load code or files)"),
                     gname);
        else if (orl_explain_runtime(ld->d, e->msg, words, sizeof words) != e->msg)
            msg = words; /* escena "casa" { ... }: Spanish for scene; text "..." without '=' */
        else if (sug) snprintf(extra, sizeof extra, orl_diag_words(ld->d, "@hint", " (did you mean '%s'?)"), sug);
    } else if (e->msg && strstr(e->msg, "attempt to index a nil value (global '")) {
        const char *g = strstr(e->msg, "(global '") + 9;
        static const char *const blocked[] = {"io", "debug", "package", "coroutine", NULL};
        for (int i = 0; blocked[i]; i++)
            if (strncmp(g, blocked[i], strlen(blocked[i])) == 0 && g[strlen(blocked[i])] == '\'')
                snprintf(extra, sizeof extra,
                         orl_diag_words(ld->d, "@hint", " ('%s' is not available to stories, which cannot reach files, "
                                                        "programs or the system)"), blocked[i]);
        if (!*extra) msg = orl_explain_runtime(ld->d, e->msg, words, sizeof words);
    } else if (e->msg && strstr(e->msg, "(field 'execute')")) {
        snprintf(extra, sizeof extra, "%s", orl_diag_words(ld->d, "@hint", " (stories can only use os.time and os.date)"));
    } else {
        msg = orl_explain_runtime(ld->d, e->msg, words, sizeof words);
    }
    orl_diag_add(ld->d, ORL_ERROR, name, e->line, 0, "script", "%s%s", msg, extra);
}

orl_story *orl_story_load(const char *path, const orl_load_opts *opts, orl_diags *diags)
{
    char err[700], folder[4096];
    /* `orilla check mi-historia/story.lua` (what the editor shows): the story is its folder */
    struct stat fsb;
    size_t plen = path ? strlen(path) : 0;
    if (plen > 4 && plen < sizeof folder && strcmp(path + plen - 4, ".lua") == 0 && stat(path, &fsb) == 0 &&
        S_ISREG(fsb.st_mode)) {
        memcpy(folder, path, plen + 1);
        char *slash = strrchr(folder, '/');
        if (slash == folder) slash[1] = 0;
        else if (slash) *slash = 0;
        else snprintf(folder, sizeof folder, ".");
        path = folder;
    }
    orl_fs *fs = orl_fs_open(path, err, sizeof err);
    if (!fs) {
        /* the two an author meets most (a mistyped folder name), in the messages' language */
        struct stat sb;
        if (path && *path && stat(path, &sb) != 0)
            orl_diag_add(diags, ORL_ERROR, NULL, 0, 0, "unreadable", "%s: cannot read: no such file or folder", path);
        else if (path && *path && !S_ISDIR(sb.st_mode) && !S_ISREG(sb.st_mode))
            orl_diag_add(diags, ORL_ERROR, NULL, 0, 0, "unreadable", "%s: not a story folder or a .orilla file", path);
        else
            orl_diag_add(diags, ORL_ERROR, NULL, 0, 0, "unreadable", "%s", err);
        return NULL;
    }
    return orl_story_load_fs(fs, opts, diags);
}

typedef struct load_job {
    loader *ld;
    const orl_load_opts *o;
    const char *entry;
} load_job;

/* The environment's __index while story.lua runs: a name that is not defined (go = albergue,
 * ending = ture) is remembered with its line, and is nil as before. */
static int env_index(lua_State *L)
{
    loader *ld = lua_touserdata(L, lua_upvalueindex(1));
    if (ld->nunq < (int)(sizeof ld->unq / sizeof *ld->unq) && lua_type(L, 2) == LUA_TSTRING) {
        const char *file;
        int line;
        caller_loc(L, &file, &line);
        struct unquoted *u = &ld->unq[ld->nunq];
        memset(u, 0, sizeof *u);
        u->file = file ? orl_story_intern_file(ld->st, file) : NULL;
        u->line = line;
        snprintf(u->name, sizeof u->name, "%s", lua_tostring(L, 2));
        if (u->file && line > 0) ld->nunq++;
    }
    return 0;
}

/* Reports the names above that are written as `field = name` (story/explain.h). */
static void report_unquoted(loader *ld)
{
    for (int i = 0; i < ld->nunq; i++) {
        struct unquoted *u = &ld->unq[i];
        const srcfile *f = find_src(ld, u->file);
        if (f && !orl_explain_unquoted(ld->d, u->file, f->text, f->len, u->line, u->name, u->field, sizeof u->field))
            u->field[0] = 0;
    }
}

/* Everything the loader does with Lua, run as one protected call: an error outside story
 * code (out of memory while making a table, in the middle of the conversion...) comes back
 * to orl_story_load_fs as an error code, never as Lua's panic (abort). */
static int load_protected(lua_State *L)
{
    load_job *job = lua_touserdata(L, 1);
    loader *ldp = job->ld;
    orl_story *st = ldp->st;
    orl_diags *diags = ldp->d;
    const char *entry = job->entry;
    lua_settop(L, 0);

    /* the DSL lives in the sandbox environment */
    lua_newtable(L);
    ldp->defs_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    orl_script_push_env(st->script);
    int env = lua_gettop(L);
    lua_pushlightuserdata(L, st);
    lua_pushcclosure(L, dsl_story, 1);
    lua_setfield(L, env, "story");
    static const char *const named[] = {"scene", "narrator", "testimony", NULL};
    for (int i = 0; named[i]; i++) {
        lua_pushlightuserdata(L, st);
        lua_pushstring(L, named[i]);
        lua_pushcclosure(L, dsl_named, 2);
        lua_setfield(L, env, named[i]);
    }
    lua_pushlightuserdata(L, st);
    lua_pushcclosure(L, dsl_include, 1);
    lua_setfield(L, env, "include");
    lua_createtable(L, 0, 2);
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable"); /* the story cannot change it */
    lua_pushlightuserdata(L, ldp);
    lua_pushcclosure(L, env_index, 1);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, env);
    lua_pop(L, 1);

    int rc;
    srcfile *f = read_src(ldp, entry, NULL, 0, &rc);
    if (!f) {
        if (rc == ORL_FS_TOOBIG)
            orl_diag_add(diags, ORL_ERROR, entry, 0, 0, "too-big", "this file is %lld MB; a story file can be at most %u MB "
                         "(split it with include \"part.lua\")", orl_fs_size(st->fs, entry) >> 20, ORL_MAX_SCRIPT_BYTES >> 20);
        else
            orl_diag_add(diags, ORL_ERROR, entry, 0, 0, "unreadable", "cannot read: %s", orl_fs_strerror(rc));
    } else if (!orl_story_intern_file(st, entry)) {
        orl_diag_add(diags, ORL_ERROR, NULL, 0, 0, "oom", "out of memory");
    } else {
        orl_script_error e = {0};
        int failed = 0; /* then a missing scene or start is most likely the error's echo */
        /* Parsing and running the chunk keep nearly everything they make, so collecting during
         * them is wasted work; the memory cap still holds (Lua collects in an emergency before
         * failing). */
        lua_gc(L, LUA_GCSTOP);
        if (orl_script_load(st->script, f->text, f->len, entry, &e) != 0) {
            report_script_error(ldp, &e, entry);
            failed = 1;
        } else {
            long budget = job->o->load_instructions > 0 ? job->o->load_instructions : ORL_LUA_INSTRUCTIONS_LOAD;
            /* story.lua has what is left of the whole load's time */
            double secs = ldp->deadline - mono_seconds();
            if (secs < 0.01) secs = 0.01;
            if (orl_script_pcall(st->script, 0, 0, budget, secs, &e) != 0) {
                report_script_error(ldp, &e, entry);
                failed = 1;
            }
        }
        lua_gc(L, LUA_GCRESTART);
        orl_script_error_free(&e);
        report_unquoted(ldp);
        ldp->failed = failed;
        convert_defs(ldp);
        /* After a script error the story stopped part way: scenes written after the error
         * were never defined, so "no scene named ..." would only repeat the one real problem. */
        orl_diags echoes = {0};
        orl_diags *said = ldp->d;
        if (failed) ldp->d = &echoes;
        resolve(ldp);
        ldp->d = said;
        orl_diags_free(&echoes);
        if (job->o->lang) orl_locale_apply(st, job->o->lang, diags); /* the reader's language (story/locale.h) */
        if (!st->loc.file && !failed)
            orl_diag_add(diags, ORL_ERROR, entry, 1, 0, "no-story-block",
                         "there is no story { ... } block; start %s with story { id = \"my-story\", "
                         "title = \"...\", start = \"first-scene\" }", entry);
        if (st->nscenes == 0 && !failed)
            orl_diag_add(diags, ORL_ERROR, entry, 1, 0, "no-scenes",
                         "the story has no scenes yet; add one: scene \"first-scene\" { text = \"...\", ending = true }");
    }
    /* the DSL functions only work while loading: take them out of the environment */
    st->loading = NULL;
    orl_script_push_env(st->script);
    static const char *const dsl[] = {"story", "scene", "narrator", "testimony", "include", NULL};
    for (int i = 0; dsl[i]; i++) {
        lua_pushnil(L);
        lua_setfield(L, -2, dsl[i]);
    }
    lua_pushnil(L);
    lua_setmetatable(L, -2); /* names are no longer remembered */
    lua_pop(L, 1);
    luaL_unref(L, LUA_REGISTRYINDEX, ldp->defs_ref);
    ldp->defs_ref = LUA_NOREF;
    lua_newtable(L);
    st->state_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    /* no full collection here: it would walk the whole heap once more for little gain */
    return 0;
}

/* The day a bundle was made: the `made = "YYYY-MM-DD"` line of its manifest, which `pack`
 * writes among the first lines (bundle.h). Only the start of the manifest is read: the rest
 * lists files. Days since 1970, or 0 when there is none (a folder, an older bundle). A false
 * date here can only hide testimonies, never show one. */
static long long bundle_made(orl_fs *fs)
{
    char text[4096];
    long long got = orl_fs_head(fs, ORL_BUNDLE_MANIFEST, text, sizeof text - 1);
    if (got <= 0) return 0;
    text[got] = 0;
    for (const char *line = text; line && *line;) {
        const char *nl = strchr(line, '\n');
        if (strncmp(line, "  files = {", 11) == 0) break;
        if (strncmp(line, "  made = \"", 10) == 0 && strnlen(line, 21) == 21 && line[20] == '"') {
            char day[11];
            memcpy(day, line + 10, 10);
            day[10] = 0;
            long long d = orl_parse_date(day);
            return d > 0 ? d : 0;
        }
        line = nl ? nl + 1 : NULL;
    }
    return 0;
}

orl_story *orl_story_load_fs(orl_fs *fs, const orl_load_opts *opts, orl_diags *diags)
{
    orl_load_opts o = {0};
    if (opts) o = *opts;
    const char *entry = o.entry ? o.entry : "story.lua";
    if (!orl_fs_exists(fs, entry)) {
        orl_diag_add(diags, ORL_ERROR, NULL, 0, 0, "no-story",
                     "%s: there is no %s here; a story folder starts with a file named %s "
                     "('orilla new NAME' makes one)", orl_fs_path(fs), entry, entry);
        orl_fs_close(fs);
        return NULL;
    }
    orl_story *st = calloc(1, sizeof *st);
    if (!st) {
        orl_diag_add(diags, ORL_ERROR, NULL, 0, 0, "oom", "out of memory opening the story");
        orl_fs_close(fs);
        return NULL;
    }
    st->fs = fs;
    st->start_idx = -1;
    if (orl_fs_is_bundle(fs)) st->made = bundle_made(fs);
    st->state_ref = ORL_NOFN;
    st->script = orl_script_new(&o.script);
    if (!st->script) {
        orl_diag_add(diags, ORL_ERROR, NULL, 0, 0, "oom", "out of memory starting the story's script");
        orl_story_free(st);
        return NULL;
    }
    loader ld = {0};
    ld.st = st;
    ld.d = diags;
    ld.S = st->script;
    ld.L = orl_script_lua(st->script);
    ld.defs_ref = LUA_NOREF;
    ld.deadline = mono_seconds() + (o.load_seconds > 0 ? o.load_seconds : ORL_LOAD_SECONDS);
    lua_State *L = ld.L;
    st->loading = &ld;
    load_job job = {&ld, &o, entry};

    /* neither push allocates (a light C function, a light userdata), so nothing here can
     * fail outside the protected call */
    lua_pushcfunction(L, load_protected);
    lua_pushlightuserdata(L, &job);
    int prc = lua_pcall(L, 1, 0, 0);
    if (prc != LUA_OK) {
        /* Story code runs under orl_script_pcall and reports its own errors: this is the
         * loader itself failing, in practice for want of memory. */
        const char *m = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
        int oom = prc == LUA_ERRMEM || (m && strstr(m, ORL_LOAD_OOM));
        if (oom)
            orl_diag_add(diags, ORL_ERROR, entry, 0, 0, "oom",
                         "not enough memory to load the story; close other programs, or make the story smaller");
        else
            orl_diag_add(diags, ORL_ERROR, entry, 0, 0, "load-failed", "the story could not be loaded (%s)",
                         m ? m : "no message");
        lua_settop(L, 0);
        if (ld.defs_ref != LUA_NOREF) luaL_unref(L, LUA_REGISTRYINDEX, ld.defs_ref);
    }
    st->loading = NULL; /* the DSL functions, if still in the environment, now refuse to run */
    orl_strmap_free(&ld.tidx);
    orl_strmap_free(&ld.nidx);
    for (int i = 0; i < ld.nsrcs; i++) {
        free(ld.srcs[i].name);
        free(ld.srcs[i].text);
        free(ld.srcs[i].line_start);
    }
    free(ld.srcs);
    return st;
}
