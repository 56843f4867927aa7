/* Workshop advice for `orilla check` (see lint.h). */
#include "story/lint.h"
#include "story/locale.h"
#include "story/consent.h"
#include "story/twee.h"
#include "story/walk.h"
#include "script/sandbox.h"
#include "core/limits.h"
#include "core/strmap.h"
#include "core/strutil.h"
#include "core/utf8.h"
#include <stdlib.h>
#include <time.h>
#include <string.h>

/* ---------- pictures ---------- */

int orl_image_size(const unsigned char *p, size_t n, unsigned *w, unsigned *h)
{
    static const unsigned char png[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (n >= 8 && memcmp(p, png, 8) == 0) {
        if (n < 24) return 0;
        if (memcmp(p + 12, "IHDR", 4) != 0) return -1;
        *w = (unsigned)p[16] << 24 | (unsigned)p[17] << 16 | (unsigned)p[18] << 8 | p[19];
        *h = (unsigned)p[20] << 24 | (unsigned)p[21] << 16 | (unsigned)p[22] << 8 | p[23];
        return 1;
    }
    if (n >= 3 && p[0] == 0xFF && p[1] == 0xD8 && p[2] == 0xFF) {
        size_t i = 2;
        while (i + 4 <= n) {
            if (p[i] != 0xFF) return -1;
            while (i < n && p[i] == 0xFF) i++; /* fill bytes */
            if (i >= n) return 0;
            unsigned m = p[i++];
            if (m == 0xD8 || m == 0x01 || (m >= 0xD0 && m <= 0xD7)) continue; /* no length */
            if (m == 0xD9 || m == 0xDA) return -1; /* end, or image data before any size */
            if (i + 2 > n) return 0;
            size_t len = (size_t)p[i] << 8 | p[i + 1];
            if (len < 2) return -1;
            if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
                if (i + 7 > n) return 0;
                *h = (unsigned)p[i + 3] << 8 | p[i + 4];
                *w = (unsigned)p[i + 5] << 8 | p[i + 6];
                return 1;
            }
            i += len;
        }
        return 0;
    }
    return 0;
}

static int ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    if (a < b) return 0;
    for (size_t i = 0; i < b; i++) {
        char c = s[a - b + i];
        if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
        if (c != suf[i]) return 0;
    }
    return 1;
}

typedef struct lint_ctx {
    orl_story *st;
    orl_diags *d;
    int sw, sh;
    int (*decode_image)(orl_fs *fs, const char *name, char *why, size_t whylen);
    orl_strmap seen;      /* image names already looked at (keys owned by `names`) */
    double decode_seconds; /* spent decoding pictures, and pictures not decoded past the bound */
    int decode_skipped;
    char **names;
    int nnames;
    unsigned char *buf;
    int verbose;          /* translations: every missing and obsolete text, not one line each */
} lint_ctx;

/* Looks at a picture once (later calls give the answer of the first); returns its size in
 * thousands of pixels when its header says it, else 0. */
static int check_image(lint_ctx *x, orl_loc loc, const char *what, const char *name, int panorama)
{
    if (!name || !*name || !x->buf) return 0;
    int known = orl_strmap_get(&x->seen, name);
    if (known >= 0) return known; /* once per picture */
    char *copy = orl_strdup(name);
    char **nn = copy ? realloc(x->names, (size_t)(x->nnames + 1) * sizeof *nn) : NULL;
    if (!nn) { free(copy); return 0; }
    x->names = nn;
    x->names[x->nnames++] = copy;
    orl_strmap_put(&x->seen, copy, 0);
    if (orl_fs_check_name(name) != ORL_FS_OK || !orl_fs_exists(x->st->fs, name)) return 0; /* check says so */
    long long got = orl_fs_head(x->st->fs, name, x->buf, ORL_IMAGE_HEADER_BYTES);
    if (got < 0) return 0;
    unsigned w = 0, h = 0;
    int k = orl_image_size(x->buf, (size_t)got, &w, &h);
    int kpix = k > 0 ? (int)(((unsigned long long)w * h + 999) / 1000 > 0x7fffffff ? 0x7fffffff
                                                                                 : ((unsigned long long)w * h + 999) / 1000)
                     : 0;
    orl_strmap_put(&x->seen, copy, kpix);
    int named_png = ends_with(name, ".png"), named_jpeg = ends_with(name, ".jpg") || ends_with(name, ".jpeg");
    static const unsigned char png_sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    int says_png = got >= 8 && memcmp(x->buf, png_sig, 8) == 0;
    int says_jpeg = got >= 3 && x->buf[0] == 0xFF && x->buf[1] == 0xD8 && x->buf[2] == 0xFF;
    if (k <= 0 && (says_png || says_jpeg)) {
        /* it says it is a picture and is not one: the player can only show the placeholder */
        orl_diag_add(x->d, ORL_ERROR, loc.file, loc.line, 0, "image-damaged",
                     "%s: the picture \"%s\" is damaged or cut short and cannot be shown (%s); open it in an "
                     "image editor and save it again", what, name,
                     orl_diag_words(x->d, "@why", says_png ? "it starts as a PNG, but what follows is not a PNG picture"
                                                           : "it starts as a JPEG, but what follows is not a JPEG picture"));
        return kpix;
    }
    if (k <= 0) {
        if ((named_png || named_jpeg) && (k < 0 || got >= 32))
            orl_diag_add(x->d, ORL_WARNING, loc.file, loc.line, 0, "not-an-image",
                         "%s: \"%s\" is named like a %s picture, but its contents are not one (a file of another "
                         "kind renamed, or damaged?); open it in an image editor and save it again as %s",
                         what, name, named_png ? "PNG" : "JPEG", named_png ? "PNG" : "JPEG");
        return kpix;
    }
    if (w > ORL_MAX_IMAGE_SIDE || h > ORL_MAX_IMAGE_SIDE || (unsigned long long)w * h > ORL_MAX_IMAGE_PIXELS) {
        orl_diag_add(x->d, ORL_ERROR, loc.file, loc.line, 0, "image-too-big",
                     "%s: the picture \"%s\" is %ux%u pixels, more than Orilla can open (at most %u pixels on a "
                     "side and %u million in all); make it smaller in an image editor", what, name, w, h,
                     (unsigned)ORL_MAX_IMAGE_SIDE, (unsigned)(ORL_MAX_IMAGE_PIXELS / 1000000u));
        return kpix;
    }
    /* a panorama wraps all around the viewer: 8192x4096 is sharp on any screen */
    unsigned mw = panorama ? 8192u : 2u * (unsigned)x->sw, mh = panorama ? 4096u : 2u * (unsigned)x->sh;
    if (w > mw || h > mh)
        orl_diag_add(x->d, ORL_WARNING, loc.file, loc.line, 0, "image-large",
                     "%s: the picture \"%s\" is %ux%u pixels, much larger than the screen (%dx%d): it makes the story "
                     "slow to load and heavy to carry, and looks no sharper; resize it to at most %ux%u",
                     what, name, w, h, x->sw, x->sh, mw, mh);
    /* a header can be whole and the rest damaged or cut short: the player would show the
     * placeholder there */
    char why[600];
    if (x->decode_image && x->decode_seconds > ORL_CHECK_DECODE_SECONDS) {
        x->decode_skipped++;
        return kpix;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int bad = x->decode_image && x->decode_image(x->st->fs, name, why, sizeof why) != 0;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    x->decode_seconds += (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
    if (bad)
        orl_diag_add(x->d, ORL_ERROR, loc.file, loc.line, 0, "image-damaged",
                     "%s: the picture \"%s\" is damaged or cut short and cannot be shown (%s); open it in an "
                     "image editor and save it again", what, name, why);
    return kpix;
}

static void check_images(lint_ctx *x)
{
    orl_story *st = x->st;
    char what[300];
    for (int i = 0; i < st->nscenes; i++) {
        orl_scene *s = &st->scenes[i];
        snprintf(what, sizeof what, orl_diag_words(x->d, "@what", "scene \"%s\""), s->id);
        long long kpix = check_image(x, s->loc, what, s->background, 0);
        kpix += check_image(x, s->loc, what, s->panorama, 1);
        for (int j = 0; j < s->nlayers; j++) kpix += check_image(x, s->layers[j].loc, what, s->layers[j].image, 0);
        if (kpix * 1000 > (long long)ORL_MAX_SCENE_PIXELS)
            orl_diag_add(x->d, ORL_ERROR, s->loc.file, s->loc.line, 0, "scene-pixels",
                         "%s: its pictures add up to %lld million pixels, more than the %u million a scene may draw "
                         "at once (the last ones would be left out); use fewer or smaller pictures",
                         what, kpix / 1000, (unsigned)(ORL_MAX_SCENE_PIXELS / 1000000u));
    }
    for (int i = 0; i < st->nnarrators; i++) {
        snprintf(what, sizeof what, orl_diag_words(x->d, "@what", "narrator \"%s\""), st->narrators[i].id);
        check_image(x, st->narrators[i].loc, what, st->narrators[i].portrait, 0);
    }
    if (st->cover) check_image(x, st->loc, orl_diag_words(x->d, "@what", "story"), st->cover, 0);
    if (x->decode_skipped)
        orl_diag_add(x->d, ORL_WARNING, st->files ? st->files[0] : NULL, 0, 0, "pictures-not-decoded",
                     "%d pictures were checked by their headers only: decoding the others took more than %.0f "
                     "seconds (very large pictures?); the player may still find one damaged",
                     x->decode_skipped, ORL_CHECK_DECODE_SECONDS);
}

/* ---------- long texts ---------- */

static void check_texts(lint_ctx *x, int limit)
{
    orl_story *st = x->st;
    for (int i = 0; i < st->nscenes; i++) {
        orl_scene *s = &st->scenes[i];
        if (!s->text) continue;
        size_t n = orl_utf8_length(s->text, strlen(s->text));
        if (n > (size_t)limit)
            orl_diag_add(x->d, ORL_WARNING, s->loc.file, s->loc.line, 0, "long-text",
                         "scene \"%s\": the text is %d characters long, and about %d fit on the screen at the "
                         "default size; readers would have to scroll, or miss the end: shorten it, or split it "
                         "over two scenes", s->id, (int)n, limit);
    }
}

/* ---------- Twine code left in an imported story ---------- */

/* 1 when the story's first file says 'orilla import twee' wrote it (story/twee.h). */
static int imported_from_twine(orl_story *st)
{
    if (st->nfiles < 1) return 0;
    char text[2048];
    long long got = orl_fs_head(st->fs, st->files[0], text, sizeof text - 1); /* the mark is in the first lines */
    text[got > 0 ? got : 0] = 0;
    return strstr(text, ORL_TWEE_MARK) != NULL;
}

typedef struct twine_ctx { orl_diags *d; int found; } twine_ctx;

/* Most warnings about Twine code; the rest are counted. */
#define TWINE_LISTED 40

static int twine_text(const orl_text_ref *t, void *ud)
{
    twine_ctx *x = ud;
    /* a testimony's words are never printed here: consent decides where they may appear */
    if (t->kind == ORL_TEXT_TRANSCRIPT || t->kind == ORL_TEXT_FUNCTION) return 0;
    const char *s = t->text;
    int line = t->loc.line;
    while (*s) {
        const char *nl = strchr(s, '\n');
        const char *e = nl ? nl : s + strlen(s);
        int len;
        const char *what = NULL;
        const char *code = orl_twee_code_in(s, e, &len, &what);
        if (code && ++x->found <= TWINE_LISTED) {
            /* whose text: a scene's (its text, title or fact) or a choice's */
            int of_scene = t->owner && (t->kind == ORL_TEXT_SCENE_TEXT || t->kind == ORL_TEXT_SCENE_TITLE ||
                                        t->kind == ORL_TEXT_CHOICE || t->kind == ORL_TEXT_FACT ||
                                        t->kind == ORL_TEXT_FACT_SOURCE);
            char *scene = of_scene ? orl_format(orl_diag_words(x->d, "@what", "scene \"%s\""), t->owner) : NULL;
            char *subject = scene && t->kind == ORL_TEXT_CHOICE
                                ? orl_format(orl_diag_words(x->d, "@what", "%.300s, choice %d"), scene, t->choice)
                                : NULL;
            const char *who = subject ? subject : scene;
            orl_diag_add(x->d, ORL_WARNING, t->loc.file, line, 0, "twine-code",
                         "%s%s%s '%.*s%s' is still in this text: Orilla shows it to readers as it is written; "
                         "rewrite it (what the story remembers goes in on_enter = function(s) ... end, a choice "
                         "shown only sometimes gets when = function(s) return ... end) or delete it",
                         who ? who : "", who ? ": " : "", orl_diag_words(x->d, "@word", what), len > 40 ? 40 : len,
                         code, len > 40 ? "..." : "");
            free(subject);
            free(scene);
        }
        if (!nl) break;
        s = nl + 1;
        if (line > 0) line++;
    }
    return 0;
}

static void check_twine_code(lint_ctx *x)
{
    if (!imported_from_twine(x->st)) return;
    twine_ctx tx = {x->d, 0};
    orl_story_texts(x->st, ORL_TEXTS_LINES, twine_text, &tx);
    if (tx.found > TWINE_LISTED)
        orl_diag_add(x->d, ORL_WARNING, x->st->files[0], 0, 0, "twine-code",
                     tx.found == TWINE_LISTED + 1 ? "and %d more piece of Twine code in the texts"
                                                  : "and %d more pieces of Twine code in the texts",
                     tx.found - TWINE_LISTED);
}

/* ---------- choices never shown ---------- */

long orl_lint_walk_states(int nscenes)
{
    long n = nscenes > 0 ? nscenes : 1;
    long by_work = ORL_LINT_WALK_WORK / n, floor = 2 * n + 100;
    long bound = by_work < ORL_LINT_WALK_STATES ? by_work : ORL_LINT_WALK_STATES;
    return bound > floor ? bound : floor;
}

/* The bounded walk `walk --all` does, so that `check` finds what `walk` finds: script errors
 * in on_enter and when (at the author's line, in the author's words), dead ends made by
 * conditions, and choices never shown. Not on a story whose loading failed: its scenes and
 * functions are what was read before the error. */
static void check_walk(lint_ctx *x, long states, int load_errors)
{
    orl_story *st = x->st;
    if (states < 0 || load_errors || st->start_idx < 0 || st->nscenes == 0) return;
    for (int i = 0; i < st->nscenes; i++)
        for (int j = 0; j < st->scenes[i].nchoices; j++)
            if (st->scenes[i].choices[j].target < 0) return; /* an unknown go: reported, and nowhere to walk */
    orl_diags tmp = {0};
    tmp.wording = x->d->wording;
    orl_walk_opts o = {0};
    o.max_states = states;
    o.max_seconds = ORL_LINT_WALK_SECONDS;
    orl_walk_result res;
    /* the walk's time is the whole check's: no story call may run past it, however many
     * calls one scene makes (each has its own 2 s deadline) */
    orl_script_set_until(st->script, ORL_LINT_WALK_SECONDS);
    int wrc = orl_walk(st, &o, &res, &tmp);
    orl_script_set_until(st->script, 0);
    if (wrc == 0) {
        orl_walk_report(st, &o, &res, &tmp, 1);
        for (size_t i = 0; i < tmp.n; i++) {
            orl_diag *g = &tmp.items[i];
            /* always-hidden only from a walk that saw everything */
            if (strcmp(g->code, "always-hidden") == 0 && res.truncated) continue;
            orl_diag_add(x->d, g->sev, g->file, g->line, g->col, g->code, "%s", g->msg);
        }
    }
    orl_walk_result_free(&res);
    orl_diags_free(&tmp);
}

/* ---------- translations ---------- */

typedef struct textset {
    char **texts;      /* distinct source texts (owned) */
    char **ctxts;      /* context of its first use (borrowed from the story), may be NULL */
    orl_loc *locs;     /* where it is first written (file borrowed from the story) */
    const char **testimony; /* a testimony's transcript: its id (its words are never listed), else NULL */
    int n, cap;
    orl_strmap map;
    int oom;
    /* links (a fact's url, a support contact): a translation may give the reader's language's
     * page, but need not; known, so not "no longer in the story", and not counted as missing */
    orl_strmap links;
    char **linkv;
    int nlinks;
} textset;

static int add_text(const orl_text_ref *t, void *ud)
{
    textset *ts = ud;
    if (t->kind == ORL_TEXT_FACT_URL || t->kind == ORL_TEXT_SUPPORT_CONTACT) {
        if (orl_strmap_get(&ts->links, t->text) >= 0) return 0;
        char **nv = realloc(ts->linkv, (size_t)(ts->nlinks + 1) * sizeof *nv);
        char *c = nv ? orl_strdup(t->text) : NULL;
        if (nv) ts->linkv = nv;
        if (!c || orl_strmap_put(&ts->links, c, ts->nlinks) != 0) { free(c); ts->oom = 1; return 1; }
        ts->linkv[ts->nlinks++] = c;
        return 0;
    }
    if (orl_strmap_get(&ts->map, t->text) >= 0) return 0;
    if (ts->n == ts->cap) {
        int nc = ts->cap ? ts->cap * 2 : 64;
        char **nt = realloc(ts->texts, (size_t)nc * sizeof *nt);
        if (nt) ts->texts = nt;
        char **nx = realloc(ts->ctxts, (size_t)nc * sizeof *nx);
        if (nx) ts->ctxts = nx;
        orl_loc *nl = realloc(ts->locs, (size_t)nc * sizeof *nl);
        if (nl) ts->locs = nl;
        const char **ny = realloc(ts->testimony, (size_t)nc * sizeof *ny);
        if (ny) ts->testimony = ny;
        if (!nt || !nx || !nl || !ny) { ts->oom = 1; return 1; }
        ts->cap = nc;
    }
    char *c = orl_strdup(t->text);
    if (!c || orl_strmap_put(&ts->map, c, ts->n) != 0) { free(c); ts->oom = 1; return 1; }
    ts->texts[ts->n] = c;
    ts->ctxts[ts->n] = (char *)t->ctxt;
    ts->locs[ts->n] = t->loc;
    ts->testimony[ts->n] = t->kind == ORL_TEXT_TRANSCRIPT ? (t->owner ? t->owner : "?") : NULL;
    ts->n++;
    return 0;
}

typedef struct po_list { char **names; int n; } po_list;

static int find_po(const char *name, void *ud)
{
    po_list *l = ud;
    if (strncmp(name, "locale/", 7) != 0 || strchr(name + 7, '/') || !ends_with(name, ".po")) return 0;
    char **nn = realloc(l->names, (size_t)(l->n + 1) * sizeof *nn);
    if (!nn) return 1;
    l->names = nn;
    if ((l->names[l->n] = orl_strdup(name))) l->n++;
    return l->n > 200;
}

/* The first words of a text on one line: at most 40 characters, "..." when cut. */
static void first_words(const char *text, char *out, size_t n)
{
    size_t k = strlen(text);
    size_t cut = k;
    if (orl_utf8_length(text, k) > 40) {
        cut = 0;
        for (int c = 0; c < 40 && text[cut]; c++) {
            cut++;
            while (((unsigned char)text[cut] & 0xC0) == 0x80) cut++;
        }
    }
    snprintf(out, n, "%.*s%s", (int)cut, text, cut < k ? "..." : "");
    for (char *q = out; *q; q++) if (*q == '\n' || *q == '\t' || *q == '\r') *q = ' ';
}

/* A PO or POT file that still holds the words of a testimony whose consent can no longer allow
 * it anywhere (story/consent.h: orl_consent_withheld): a warning at the entry. Translators
 * pass these files around; `orilla pack` leaves such entries out of a bundle, and
 * `orilla strings` out of the template. */
static void check_withheld_words(lint_ctx *x, const orl_catalog *c, const char *po)
{
    orl_story *st = x->st;
    for (int t = 0; t < st->ntestimonies; t++) {
        const orl_testimony *tm = &st->testimonies[t];
        if (!tm->text || !*tm->text || !orl_consent_withheld(st, tm, 0, NULL)) continue;
        for (int i = 0; i < c->n; i++) {
            const orl_po_entry *e = &c->entries[i];
            if (!e->id || strcmp(e->id, tm->text) != 0) continue;
            orl_diag_add(x->d, ORL_WARNING, po, e->line, 0, "po-withheld",
                         "this entry holds the words of testimony \"%s\", whose consent no longer allows it "
                         "anywhere; remove the entry (orilla strings and orilla pack leave it out)", tm->id);
        }
    }
}

static void check_template(lint_ctx *x, const char *name)
{
    if (!orl_fs_exists(x->st->fs, name)) return;
    orl_diags tmp = {0}; /* a template's own syntax is the translators' tool's business */
    orl_catalog *c = orl_po_load(x->st->fs, name, &tmp);
    orl_diags_free(&tmp);
    if (!c) return;
    check_withheld_words(x, c, name);
    orl_catalog_free(c);
}

/* Most texts a translation's warning lists as missing; the rest are counted. */
#define MISSING_LISTED 10

static void check_translation(lint_ctx *x, const textset *ts, const char *po, const char *lang)
{
    orl_story *st = x->st;
    orl_catalog *c = orl_po_load(st->fs, po, x->d);
    if (!c) return;
    check_withheld_words(x, c, po);
    int translated = 0, fuzzy = 0, same = 0;
    for (int i = 0; i < ts->n; i++) {
        const char *tr = orl_catalog_lookup(c, ts->ctxts[i], ts->texts[i]);
        if (tr) translated++;
        if (tr && strcmp(tr, ts->texts[i]) == 0) same++;
        else {
            const orl_po_entry *e = orl_catalog_entry(c, NULL, ts->texts[i]);
            if (e && e->fuzzy && *e->str) fuzzy++;
        }
    }
    if (c->language && strcmp(c->language, lang) != 0 &&
        strncmp(c->language, lang, strlen(lang)) != 0 && strncmp(lang, c->language, strlen(c->language)) != 0)
        orl_diag_add(x->d, ORL_WARNING, po, 1, 0, "po-language",
                     "this file says it is in \"%s\" (Language: in its header), but its name says \"%s\"; "
                     "rename the file, or set the language in Poedit (Catalog > Properties)", c->language, lang);
    int pct = ts->n ? (int)((long long)translated * 100 / ts->n) : 100;
    /* `msginit -l en_US` (and some editors) fill every msgstr with its msgid: the file then looks
     * translated, and shows the story's own language. Names and short words may be the same in
     * both languages, but not most of a story. */
    int copied = lang && st->language && strcmp(lang, st->language) != 0 && ts->n >= 4 && same * 2 > ts->n;
    if (copied)
        orl_diag_add(x->d, ORL_WARNING, po, 0, 0, "translation-copied",
                     "translation \"%s\": %d of its %d texts are the same as the story's own words (msginit and some "
                     "editors copy each text as its translation), so the story would be shown untranslated; "
                     "translate them in Poedit, or start again there with File > New from POT/PO file, which "
                     "leaves them empty (msginit fills an English file with copies)", lang, same, ts->n);
    if (copied)
        ; /* not "all translated" */
    else if (translated == ts->n && ts->n == 1)
        orl_diag_add(x->d, ORL_NOTE, po, 0, 0, "translation-done",
                     "translation \"%s\": the story's one text is translated", lang);
    else if (translated == ts->n)
        orl_diag_add(x->d, ORL_NOTE, po, 0, 0, "translation-done",
                     "translation \"%s\": all %d texts are translated", lang, ts->n);
    else if (!x->verbose) {
        orl_diag_add(x->d, ORL_WARNING, po, 0, 0, "translation-incomplete",
                     "translation \"%s\": %d of %d texts are translated (%d%%); the others are shown in the "
                     "story's own language ('orilla check --verbose' lists them)", lang, translated, ts->n, pct);
    } else {
        /* which ones, under the line: where each is written and its first words */
        orl_buf list = {0};
        int missing = 0;
        for (int i = 0; i < ts->n; i++) {
            if (orl_catalog_lookup(c, ts->ctxts[i], ts->texts[i])) continue;
            if (++missing > MISSING_LISTED) continue;
            char words[200];
            if (ts->testimony[i]) /* consent decides where a testimony's words appear: not here */
                snprintf(words, sizeof words, orl_diag_words(x->d, "@what", "testimony \"%s\""), ts->testimony[i]);
            else
                first_words(ts->texts[i], words, sizeof words);
            char *item = ts->locs[i].file && ts->locs[i].line > 0
                             ? orl_format(ts->testimony[i] ? "\n    %s:%d %s" : "\n    %s:%d \"%s\"",
                                          ts->locs[i].file, ts->locs[i].line, words)
                             : orl_format(ts->testimony[i] ? "\n    %s %s" : "\n    %s \"%s\"",
                                          ts->locs[i].file ? ts->locs[i].file : "?", words);
            if (item) orl_buf_puts(&list, item);
            free(item);
        }
        if (missing > MISSING_LISTED) {
            char *more = orl_format(orl_diag_words(x->d, "translation-incomplete", "\n    and %d more"),
                                    missing - MISSING_LISTED);
            if (more) orl_buf_puts(&list, more);
            free(more);
        }
        orl_buf_put(&list, "", 1);
        orl_diag_add(x->d, ORL_WARNING, po, 0, 0, "translation-incomplete",
                     "translation \"%s\": %d of %d texts are translated (%d%%); the others are shown in the "
                     "story's own language. Update the file from a new template ('orilla strings') in Poedit, "
                     "and translate what is missing:%s", lang, translated, ts->n, pct,
                     list.data && !list.oom ? list.data : "");
        orl_buf_free(&list);
    }
    if (fuzzy)
        orl_diag_add(x->d, ORL_WARNING, po, 0, 0, "translation-fuzzy",
                     "translation \"%s\": texts that are drafts marked fuzzy ('Needs work' in Poedit), not shown "
                     "until someone reviews them: %d", lang, fuzzy);
    /* entries for texts that are no longer in the story */
    int obsolete = 0;
    for (int i = 0; i < c->n; i++) {
        const orl_po_entry *e = &c->entries[i];
        if (orl_strmap_get(&ts->map, e->id) >= 0 || orl_strmap_get(&ts->links, e->id) >= 0) continue;
        if (!x->verbose) { obsolete++; continue; } /* one line below */
        if (++obsolete > 20) continue;
        char shown[90];
        size_t n = strlen(e->id);
        if (n > 60) {
            n = 60;
            while (n > 0 && ((unsigned char)e->id[n] & 0xC0) == 0x80) n--;
        }
        snprintf(shown, sizeof shown, "%.*s%s", (int)n, e->id, strlen(e->id) > n ? "..." : "");
        for (char *q = shown; *q; q++) if (*q == '\n' || *q == '\t' || *q == '\r') *q = ' ';
        orl_diag_add(x->d, ORL_WARNING, po, e->line, 0, "translation-obsolete",
                     "\"%s\" is no longer in the story (its text was changed or removed); update the file "
                     "from a new template ('orilla strings') in Poedit, or delete this entry", shown);
    }
    if (!x->verbose && obsolete)
        orl_diag_add(x->d, ORL_WARNING, po, 0, 0, "translation-obsolete",
                     "translation \"%s\": texts no longer in the story (changed or removed): %d; update the file "
                     "from a new template ('orilla strings') in Poedit ('orilla check --verbose' lists them)",
                     lang, obsolete);
    else if (obsolete == 21)
        orl_diag_add(x->d, ORL_WARNING, po, 0, 0, "translation-obsolete",
                     "and %d more text that is no longer in the story", obsolete - 20);
    else if (obsolete > 21)
        orl_diag_add(x->d, ORL_WARNING, po, 0, 0, "translation-obsolete",
                     "and %d more texts that are no longer in the story", obsolete - 20);
    orl_catalog_free(c);
}

static void check_translations(lint_ctx *x)
{
    orl_story *st = x->st;
    po_list files = {0};
    check_template(x, "locale/story.pot");
    orl_fs_walk(st->fs, find_po, &files);
    if (files.n == 0) return;
    textset ts = {0};
    orl_story_texts(st, ORL_TEXTS_FUNCTIONS | ORL_TEXTS_LINES, add_text, &ts); /* lines: the missing ones are listed */
    if (ts.oom) {
        orl_diag_add(x->d, ORL_ERROR, NULL, 0, 0, "oom", "out of memory while checking translations");
    } else {
        for (int i = 0; i < files.n; i++) {
            const char *po = files.names[i];
            char lang[ORL_MAX_LANG + 8];
            size_t ll = strlen(po) - 7 - 3;
            snprintf(lang, sizeof lang, "%.*s", (int)(ll < ORL_MAX_LANG ? ll : ORL_MAX_LANG), po + 7);
            if (!orl_locale_name_ok(lang)) {
                orl_diag_add(x->d, ORL_WARNING, po, 0, 0, "bad-lang",
                             "\"%s\" is not a language code; name translation files like locale/es.po, "
                             "locale/en.po, locale/pt-BR.po", lang);
                continue;
            }
            if (st->language && strcmp(lang, st->language) == 0) continue; /* the story's own language */
            int listed = 0;
            for (int k = 0; k < st->translations.n; k++)
                if (strcmp(st->translations.items[k], lang) == 0) listed = 1;
            if (!listed)
                orl_diag_add(x->d, ORL_WARNING, st->loc.file, st->loc.line, 0, "translation-not-listed",
                             "story: there is a translation %s, but translations = { ... } does not list \"%s\"; "
                             "add it so readers can choose it", po, lang);
            check_translation(x, &ts, po, lang);
        }
    }
    for (int i = 0; i < ts.n; i++) free(ts.texts[i]);
    orl_strmap_free(&ts.links);
    for (int i = 0; i < ts.nlinks; i++) free(ts.linkv[i]);
    free(ts.linkv);
    free(ts.texts);
    free(ts.ctxts);
    free(ts.locs);
    free(ts.testimony);
    orl_strmap_free(&ts.map);
    for (int i = 0; i < files.n; i++) free(files.names[i]);
    free(files.names);
}

void orl_story_lint(orl_story *st, const orl_lint_opts *opts, orl_diags *d)
{
    orl_lint_opts o = {0};
    if (opts) o = *opts;
    lint_ctx x = {0};
    x.st = st;
    x.d = d;
    x.sw = o.screen_w > 0 ? o.screen_w : 1920;
    x.sh = o.screen_h > 0 ? o.screen_h : 1080;
    x.decode_image = o.decode_image;
    x.verbose = o.verbose;
    x.buf = malloc(ORL_IMAGE_HEADER_BYTES);
    check_texts(&x, o.text_chars > 0 ? o.text_chars : ORL_LINT_TEXT_CHARS);
    check_twine_code(&x);
    check_images(&x);
    check_walk(&x, o.walk_states ? o.walk_states : orl_lint_walk_states(st->nscenes), o.load_errors);
    check_translations(&x);
    for (int i = 0; i < x.nnames; i++) free(x.names[i]);
    free(x.names);
    orl_strmap_free(&x.seen);
    free(x.buf);
}
