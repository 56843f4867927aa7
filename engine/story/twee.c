/* Twine stories into story.lua (twee.h): reads the passages (twee_input.c), converts each
 * (twee_conv.c) and writes the story. */
#include "story/twee_internal.h"
#include "core/limits.h"
#include "core/utf8.h"
#include <stdarg.h>
#include <stdio.h>
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

void tw_warn(tw *t, int line, const char *code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    orl_diag_vadd(t->d, ORL_WARNING, t->file, line, 0, code, fmt, ap);
    va_end(ap);
}

char *tw_trimdup(const char *s, size_t n)
{
    while (n && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')) { s++; n--; }
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n')) n--;
    return orl_strndup(s, n);
}

static int has_tag(const tw_passage *p, const char *tag)
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

/* w inside s, ASCII letters in either case */
static int ci_has(const char *s, const char *w)
{
    size_t n = strlen(w);
    if (!n) return 0;
    for (; s && *s; s++) {
        size_t i = 0;
        while (i < n && s[i] && (s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]) == (w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i])) i++;
        if (i == n) return 1;
    }
    return 0;
}

/* the story format: StoryData's, or guessed from the code in the passages */
static void find_format(tw *t)
{
    const char *f = t->format;
    if (ci_has(f, "harlowe")) { t->fmt = TW_HARLOWE; return; }
    if (ci_has(f, "sugarcube") || ci_has(f, "sugarcane") || ci_has(f, "jonah") || ci_has(f, "responsive")) { t->fmt = TW_SUGARCUBE; return; }
    if (ci_has(f, "chapbook")) { t->fmt = TW_CHAPBOOK; return; }
    if (ci_has(f, "snowman")) { t->fmt = TW_SNOWMAN; return; }
    long h = 0, sc = 0, ch = 0, sn = 0;
    for (int i = 0; i < t->n; i++) {
        const tw_passage *p = &t->ps[i];
        const char *s = p->body, *e = p->body + p->blen;
        for (const char *q = s; q && q + 2 < e; q++) {
            if (q[0] == '<' && q[1] == '<') sc++;
            else if (q[0] == '<' && q[1] == '%') sn++;
            else if (q[0] == '(' && ((q[1] >= 'a' && q[1] <= 'z') || q[1] == '-')) {
                const char *r = q + 1;
                while (r < e && r - q < 20 && ((*r >= 'a' && *r <= 'z') || *r == '-')) r++;
                if (r < e && *r == ':') h++;
            } else if (q[0] == '{' && (q[1] >= 'a' && q[1] <= 'z')) ch++;
            else if (q[0] == '\n' && q[1] == '-' && q[2] == '-' && (q + 3 >= e || q[3] == '\n' || q[3] == '\r')) ch += 3;
        }
    }
    t->fmt = sc >= h && sc >= ch && sc >= sn && sc > 0 ? TW_SUGARCUBE
           : h >= ch && h >= sn && h > 0 ? TW_HARLOWE
           : sn >= ch && sn > 0 ? TW_SNOWMAN
           : ch > 0 ? TW_CHAPBOOK : TW_HARLOWE;
}

static const char *format_name(tw_format f)
{
    return f == TW_HARLOWE ? "Harlowe" : f == TW_SUGARCUBE ? "SugarCube" : f == TW_CHAPBOOK ? "Chapbook"
         : f == TW_SNOWMAN ? "Snowman" : "Twine";
}

/* "Continue" for a (go-to:) the reader follows, in the story's language */
static const char *continue_word(const char *lang)
{
    if (!lang) return "Continue";
    if (strncmp(lang, "es", 2) == 0) return "Seguir";
    if (strncmp(lang, "fr", 2) == 0) return "Continuer";
    if (strncmp(lang, "pt", 2) == 0) return "Continuar";
    if (strncmp(lang, "ar", 2) == 0) return "متابعة";
    return "Continue";
}

/* ---------- writing ---------- */

typedef struct via {        /* a copy of a scene reached by a link that changes the state */
    int target;
    char *setter;
    char *key;              /* "target:setter", vmap's key (the maps borrow their keys) */
    char *id;               /* ids' key too */
} via;

typedef struct wr {
    tw *t;
    orl_buf *out;
    via *v;
    int nv, capv;
    orl_strmap vmap;         /* target index + setter -> via index */
    const char *cont;
    int start;
    char *init;              /* StoryInit's state changes */
    size_t budget;           /* bytes the copies may still take */
    int dropped;             /* setters left out for the budget */
} wr;

static void put_lines(orl_buf *b, const char *code, const char *ind)
{
    for (const char *s = code; s && *s;) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        orl_buf_puts(b, ind);
        orl_buf_put(b, s, n);
        orl_buf_puts(b, "\n");
        s = nl ? nl + 1 : s + n;
    }
}

/* the scene a choice goes to: the target's own, or the copy that makes its changes first */
static const char *choice_go(wr *w, const tw_choice *k, int target)
{
    if (!k->setter) return w->t->ps[target].id;
    orl_buf key = {0};
    orl_buf_printf(&key, "%d:%s", target, k->setter);
    orl_buf_put(&key, "", 1);
    if (key.oom) { orl_buf_free(&key); w->t->oom = 1; return w->t->ps[target].id; }
    int vi = orl_strmap_get(&w->vmap, key.data);
    if (vi < 0) {
        size_t cost = strlen(k->setter) + 4096 + (w->t->ps[target].sc && w->t->ps[target].sc->plain ? strlen(w->t->ps[target].sc->plain) : 0) +
                      (w->t->ps[target].sc && w->t->ps[target].sc->text_lua ? strlen(w->t->ps[target].sc->text_lua) : 0);
        if (cost > w->budget || w->nv >= 100000) {
            w->dropped++;
            orl_buf_free(&key);
            return w->t->ps[target].id;
        }
        w->budget -= cost;
        if (w->nv == w->capv) {
            int nc = w->capv ? w->capv * 2 : 16;
            via *nvv = realloc(w->v, (size_t)nc * sizeof *nvv);
            if (!nvv) { orl_buf_free(&key); w->t->oom = 1; return w->t->ps[target].id; }
            w->v = nvv;
            w->capv = nc;
        }
        via *v = &w->v[w->nv];
        memset(v, 0, sizeof *v);
        v->target = target;
        v->setter = orl_strdup(k->setter);
        v->key = key.data;
        memset(&key, 0, sizeof key);
        char base[ORL_MAX_ID - 24], id[ORL_MAX_ID];
        size_t bl = strlen(w->t->ps[target].id);
        if (bl > sizeof base - 1) bl = sizeof base - 1;
        memcpy(base, w->t->ps[target].id, bl);
        base[bl] = 0;
        for (int n = w->nv + 2;; n++) {
            snprintf(id, sizeof id, "%s-%d", base, n);
            if (orl_strmap_get(&w->t->ids, id) < 0) break;
        }
        v->id = orl_strdup(id);
        if (!v->setter || !v->id || orl_strmap_put(&w->t->ids, v->id, -1) != 0 ||
            orl_strmap_put(&w->vmap, v->key, w->nv) != 0) {
            free(v->setter); free(v->id); free(v->key);
            w->t->oom = 1;
            return w->t->ps[target].id;
        }
        vi = w->nv++;
    }
    orl_buf_free(&key);
    return w->v[vi].id;
}

static void write_scene(wr *w, int i, const char *id, const char *setter, int warn_links, orl_twee_stats *st)
{
    tw *t = w->t;
    tw_passage *p = &t->ps[i];
    tw_scene *sc = p->sc;
    orl_buf *out = w->out;
    orl_buf_puts(out, "\n-- Twine: \"");
    tw_lua_comment(out, p->name);
    orl_buf_puts(out, "\"");
    if (p->tags && *p->tags) { orl_buf_puts(out, " [tags: "); tw_lua_comment(out, p->tags); orl_buf_puts(out, "]"); }
    if (setter) orl_buf_puts(out, ", reached by a link that changes the story's memory first");
    orl_buf_puts(out, "\nscene ");
    tw_lua_str(out, id);
    orl_buf_puts(out, " {\n");
    if (sc->text_lua) {
        orl_buf_puts(out, "  text = function(s)\n    local t = {}\n");
        orl_buf_puts(out, sc->text_lua);
        orl_buf_puts(out, "    return T.join(t)\n  end,\n");
    } else if (sc->plain && *sc->plain) {
        orl_buf_puts(out, "  text = ");
        tw_lua_str(out, sc->plain);
        orl_buf_puts(out, ",\n");
    }
    int init = i == w->start && w->init;
    if (setter || sc->enter_lua || t->uses_visits || init) {
        orl_buf_puts(out, "  on_enter = function(s)\n");
        if (init) {
            orl_buf_puts(out, "    if not s.twine_started then -- StoryInit: once, at the start\n      s.twine_started = true\n");
            put_lines(out, w->init, "      ");
            orl_buf_puts(out, "    end\n");
        }
        if (setter) put_lines(out, setter, "    ");
        if (t->uses_visits) {
            orl_buf_puts(out, "    T.visit(s, ");
            tw_lua_str(out, p->name);
            orl_buf_puts(out, ")\n");
        }
        if (sc->enter_lua) orl_buf_puts(out, sc->enter_lua);
        orl_buf_puts(out, "  end,\n");
    }
    int nchoices = 0;
    for (int k = 0; k < sc->nch; k++) {
        tw_choice *c = &sc->ch[k];
        int target = orl_strmap_get(&t->names, c->target);
        if (target < 0 || t->ps[target].skip) {
            if (warn_links)
                tw_warn(t, c->line, "twee-link", "passage \"%s\": the link \"%s\" goes to \"%s\", but there is no passage "
                        "with that name; the choice was left out", p->name, c->text, c->target);
            continue;
        }
        if (nchoices == ORL_MAX_CHOICES) {
            if (warn_links)
                tw_warn(t, c->line, "twee-link", "passage \"%s\" has more than %d links; the rest were left out",
                        p->name, ORL_MAX_CHOICES);
            break;
        }
        const char *go = choice_go(w, c, target);
        /* the same words to the same place twice (a link written twice): one choice */
        int twice = 0;
        for (int j = 0; j < k && !twice; j++)
            twice = (strcmp(sc->ch[j].text, c->text) == 0 ||
                     (sc->ch[j].inline_words && ci_has(c->text, sc->ch[j].text)) ||
                     (c->inline_words && ci_has(sc->ch[j].text, c->text))) &&
                    strcmp(sc->ch[j].target, c->target) == 0 && !sc->ch[j].when && !c->when && !sc->ch[j].setter &&
                    !c->setter;
        if (twice) continue;
        if (nchoices++ == 0) orl_buf_puts(out, "  choices = {\n");
        orl_buf_puts(out, "    { text = ");
        tw_lua_str(out, *c->text ? c->text : w->cont);
        orl_buf_puts(out, ", go = ");
        tw_lua_str(out, go);
        if (c->when) {
            orl_buf_puts(out, ",\n      when = function(s) return ");
            orl_buf_puts(out, c->when);
            orl_buf_puts(out, " end");
        }
        orl_buf_puts(out, " },\n");
    }
    if (nchoices) orl_buf_puts(out, "  },\n");
    else orl_buf_puts(out, "  ending = true,\n");
    orl_buf_puts(out, "}\n");
    {
        st->scenes++;
        st->choices += nchoices;
        if (!nchoices) st->endings++;
    }
}

/* ---------- the whole conversion ---------- */

static int special_passage(const char *name)
{
    static const char *const names[] = {"StoryMenu", "StoryCaption", "StoryBanner", "StorySubtitle", "StoryAuthor",
                                        "PassageReady", "PassageDone", "PassageHeader", "PassageFooter", "StoryIncludes",
                                        "StoryShare", "StoryInterface", "StorySettings", "MenuOptions", "MenuShare",
                                        "MenuStory"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(name, names[i]) == 0) return 1;
    return 0;
}

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
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) { data += 3; len -= 3; }
    tw t = {0};
    t.file = file;
    t.d = d;
    int rc = 0;
    wr w = {0};
    t.html = tw_is_html(data, len);
    if ((t.html ? tw_read_html(&t, data, len) : tw_read_twee(&t, data, len)) != 0) { rc = -1; goto done; }
    /* special passages */
    for (int i = 0; i < t.n && !t.oom; i++) {
        tw_passage *p = &t.ps[i];
        if (strcmp(p->name, "StoryTitle") == 0) {
            if (!t.html || !t.title || !*t.title) {
                free(t.title);
                t.title = tw_trimdup(p->body, p->blen);
                if (t.title) { char *q = strchr(t.title, '\n'); if (q) *q = 0; }
            }
            p->skip = 1;
        } else if (strcmp(p->name, "StoryData") == 0) {
            tw_read_story_data(&t, p->body, p->blen, p->line);
            p->skip = 1;
        } else if (has_tag(p, "script") || has_tag(p, "stylesheet") || has_tag(p, "widget")) {
            tw_warn(&t, p->line, "twee-script", "passage \"%s\" is a %s for Twine; Orilla does not use it, so it is left out",
                    p->name, orl_diag_words(t.d, "@word", has_tag(p, "stylesheet") ? "stylesheet" : "script"));
            p->skip = 1;
        } else if (strcmp(p->name, "StoryInit") == 0 || has_tag(p, "startup")) {
            p->skip = p->init = 1;
        } else if (special_passage(p->name) || has_tag(p, "header") || has_tag(p, "footer") || has_tag(p, "debug-startup") ||
                   has_tag(p, "debug-header") || has_tag(p, "debug-footer") || has_tag(p, "Twine.private")) {
            tw_warn(&t, p->line, "twee-special", "passage \"%s\" is special to its story format; Orilla does not use it, "
                    "so it is left out", p->name);
            p->skip = 1;
        }
        if (p->skip) stats->skipped++;
    }
    find_format(&t);
    /* ids */
    for (int i = 0; i < t.n && !t.oom; i++) {
        tw_passage *p = &t.ps[i];
        if (p->skip) continue;
        char base[ORL_MAX_ID - 32];
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
    if (stats->passages == 0 && !t.oom) {
        orl_diag_add(d, ORL_ERROR, file, 0, 0, "twee-empty", "there are no passages here (a passage starts with a line "
                     ":: Name); export the story from Twine with Build > Export As Twee");
        rc = -1;
        goto done;
    }
    orl_buf init = {0};
    for (int i = 0; i < t.n && !t.oom; i++) {
        if (t.ps[i].init) {
            char *code = tw_convert_init(&t, &t.ps[i]);
            if (code) orl_buf_puts(&init, code);
            free(code);
        } else if (!t.ps[i].skip) {
            tw_convert_passage(&t, &t.ps[i]);
        }
    }
    orl_buf_put(&init, "", 1);
    if (init.oom) t.oom = 1;
    w.init = init.len > 1 ? init.data : NULL;
    if (!w.init) orl_buf_free(&init);
    if (t.oom) {
        orl_diag_add(d, ORL_ERROR, file, 0, 0, "oom", "out of memory while reading the Twine story");
        rc = -1;
        goto done;
    }
    /* the start */
    int start = -1;
    if (t.start) {
        start = orl_strmap_get(&t.names, t.start);
        if (start < 0 || t.ps[start].skip) {
            tw_warn(&t, 0, "twee-start", "StoryData says the story starts at \"%s\", but there is no such passage", t.start);
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
        tw_warn(&t, t.ps[start].line, "twee-start", "no start passage is named (StoryData \"start\", or a passage called "
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
        tw_warn(&t, 0, "twee-title", "there is no StoryTitle passage; the title is \"%s\" (change it in story.lua)", title);
    }
    const char *lang = o.lang && *o.lang ? o.lang : NULL;
    if (!lang) {
        lang = tw_guess_lang(&t);
        stats->lang_guess = lang;
        if (!lang) lang = "en";
    }
    stats->format = format_name(t.fmt);
    char sid[80];
    orl_slug(title, sid, sizeof sid, "twine-story");
    orl_buf_puts(out, "-- ");
    tw_lua_comment(out, title);
    orl_buf_puts(out, "\n-- Imported from ");
    tw_lua_comment(out, o.source ? o.source : file);
    orl_buf_printf(out, " (a Twine story, %s%s) " ORL_TWEE_MARK ".\n", t.html ? "published HTML" : "Twee",
                   "");
    if (t.ifid) { orl_buf_puts(out, "-- Twine IFID: "); tw_lua_comment(out, t.ifid); orl_buf_puts(out, "\n"); }
    orl_buf_printf(out, "-- Twine story format: %s", format_name(t.fmt));
    if (t.format_version) { orl_buf_puts(out, " "); tw_lua_comment(out, t.format_version); }
    orl_buf_puts(out, "\n-- ES: Cada pasaje de Twine es una escena; cada enlace, una opción (choice); lo que el código de\n"
                      "--     Twine recordaba está en s (on_enter cambia s; when = function(s) ... muestra una opción a veces).\n"
                      "-- EN: Each Twine passage is a scene; each link, a choice; what Twine's code remembered is in s\n"
                      "--     (on_enter changes s; when = function(s) ... shows a choice only sometimes).\n"
                      "-- Check it / Revísala: orilla check FOLDER\n\n");
    orl_buf_puts(out, "story {\n  id = ");
    tw_lua_str(out, sid);
    orl_buf_puts(out, ",\n  title = ");
    tw_lua_str(out, title);
    orl_buf_puts(out, ",\n  language = ");
    tw_lua_str(out, lang);
    orl_buf_puts(out, ",\n  start = ");
    tw_lua_str(out, t.ps[start].id);
    orl_buf_puts(out, ",\n}\n\n");
    orl_buf_puts(out, tw_lua_helpers);
    w.t = &t;
    w.out = out;
    w.cont = continue_word(lang);
    w.start = start;
    w.budget = 4 * len + (4u << 20);
    /* a passage only ever shown inside others (a HUD, a header) is not a scene of its own */
    for (int i = 0; i < t.n; i++)
        for (int k = 0; t.ps[i].sc && k < t.ps[i].sc->nch; k++) {
            int g = orl_strmap_get(&t.names, t.ps[i].sc->ch[k].target);
            if (g >= 0 && t.ps[i].sc->ch[k].setter) t.ps[g].via = 1;
            else if (g >= 0) t.ps[g].linked = 1;
        }
    for (int i = 0; i < t.n && !t.oom; i++) {
        if (t.ps[i].skip || !t.ps[i].sc) continue;
        if (t.ps[i].included && !t.ps[i].linked && !t.ps[i].via && i != start) { stats->inlined++; continue; }
        if (t.ps[i].via && !t.ps[i].linked && i != start) continue; /* only its copies are reached */
        write_scene(&w, i, t.ps[i].id, NULL, 1, stats);
    }
    /* the copies reached by links that change the state (more may be found while writing) */
    for (int k = 0; k < w.nv && !t.oom; k++) {
        /* copied: writing may add copies, and w.v move */
        char *id = orl_strdup(w.v[k].id), *setter = orl_strdup(w.v[k].setter);
        if (!setter || !id) { free(id); free(setter); t.oom = 1; break; }
        write_scene(&w, w.v[k].target, id, setter, 0, stats);
        free(id);
        free(setter);
    }
    if (w.dropped)
        tw_warn(&t, 0, "twee-copies", "%d links change the story's memory on the way, more than the story.lua of this "
                "size can hold copies for; they go straight to their passage without the change", w.dropped);
    if (out->oom || t.oom) {
        orl_diag_add(d, ORL_ERROR, file, 0, 0, "oom", "out of memory while writing the story");
        rc = -1;
    }
done:
    for (int i = 0; i < t.n; i++) {
        free(t.ps[i].name);
        free(t.ps[i].tags);
        free(t.ps[i].own);
        tw_scene_free(t.ps[i].sc);
    }
    orl_strmap_free(&w.vmap);
    orl_strmap_free(&t.ids); /* before the copies' ids it borrows */
    for (int k = 0; k < w.nv; k++) { free(w.v[k].setter); free(w.v[k].key); free(w.v[k].id); }
    free(w.v);
    free(w.init);
    free(t.ps);
    orl_strmap_free(&t.names);
    free(t.title);
    free(t.start);
    free(t.ifid);
    free(t.format);
    free(t.format_version);
    free(text);
    return rc;
}
