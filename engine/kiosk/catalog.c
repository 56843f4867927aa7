/* The kiosk's stories: every bundle of the config verified (with `key`), loaded and checked
 * once at start and on "Reload stories"; the ones that fail are left out with the reason. */
#include "core/strutil.h"
#include "kiosk/kiosk_internal.h"
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void kiosk_problem_add(orl_kiosk *k, const char *path, const char *fmt, ...)
{
    if (k->nproblems >= (int)(sizeof k->problems / sizeof *k->problems)) return;
    va_list ap;
    va_start(ap, fmt);
    char *why = orl_vformat(fmt, ap);
    va_end(ap);
    kproblem *p = &k->problems[k->nproblems++];
    p->path = orl_strdup(path ? path : "");
    p->why = why;
    kiosk_log(k, ORL_LOG_ERROR, "left out %s: %s", path ? path : "?", why ? why : "?");
}

/* The first error of d as "file:line: message" (for the operator menu). */
static void first_error(const orl_diags *d, char *out, size_t n)
{
    out[0] = 0;
    for (size_t i = 0; i < d->n; i++) {
        const orl_diag *g = &d->items[i];
        if (g->sev != ORL_ERROR) continue;
        if (g->file && g->line) snprintf(out, n, "%s:%d: %s", g->file, g->line, g->msg ? g->msg : "");
        else if (g->file) snprintf(out, n, "%s: %s", g->file, g->msg ? g->msg : "");
        else snprintf(out, n, "%s", g->msg ? g->msg : "");
        return;
    }
    snprintf(out, n, "unknown problem");
}

static void log_diags(orl_kiosk *k, const orl_diags *d, const char *what)
{
    int shown = 0;
    for (size_t i = 0; i < d->n && shown < 20; i++) {
        const orl_diag *g = &d->items[i];
        if (g->sev == ORL_NOTE) continue;
        char where[64] = "";
        if (g->line > 0) snprintf(where, sizeof where, ":%d", g->line);
        if (g->file && strcmp(g->file, what) == 0) /* a bundle's own problem: its path once */
            kiosk_log(k, g->sev == ORL_ERROR ? ORL_LOG_ERROR : ORL_LOG_WARN, "%s%s: %s", what, where,
                      g->msg ? g->msg : "");
        else
            kiosk_log(k, g->sev == ORL_ERROR ? ORL_LOG_ERROR : ORL_LOG_WARN, "%s: %s%s: %s", what,
                      g->file ? g->file : "?", where, g->msg ? g->msg : "");
        shown++;
    }
}

static int has_lang(const kstory *s, const char *lang)
{
    for (int i = 0; i < s->nlangs; i++)
        if (strcmp(s->langs[i], lang) == 0) return 1;
    return 0;
}

const char *kiosk_story_lang(const kstory *s, const char *want)
{
    if (want && has_lang(s, want)) return want;
    if (has_lang(s, "en")) return "en";
    return s->source_lang ? s->source_lang : (s->nlangs ? s->langs[0] : NULL);
}

static orl_story *load_checked(orl_kiosk *k, const char *path, const char *lang, uint64_t seed, char *why,
                               size_t whylen)
{
    orl_diags d = {0};
    orl_load_opts lo = {0};
    lo.lang = lang;
    lo.script.seed = seed;
    orl_story *st = orl_story_load(path, &lo, &d);
    if (st) orl_story_check(st, NULL, &d);
    orl_diags_sort(&d);
    if (!st || d.errors) {
        first_error(&d, why, whylen);
        log_diags(k, &d, path);
        orl_story_free(st);
        st = NULL;
    }
    orl_diags_free(&d);
    return st;
}

/* The bundle's identity on disk: reloaded for a session only as it was verified. */
static int file_id(const char *path, kstory *s)
{
    struct stat sb;
    if (stat(path, &sb) != 0) return -1;
    s->dev = sb.st_dev;
    s->ino = sb.st_ino;
    s->size = sb.st_size;
    s->mtime = sb.st_mtim;
    return 0;
}

/* A bundle is always checked file by file against its manifest (a picture or story.lua
 * changed after packing is refused, key or not); with `key`, its signature too. A story
 * folder has nothing to check against: accepted without a key, refused with one. */
int kiosk_catalog_verify(orl_kiosk *k, const char *path, char *why, size_t whylen)
{
    struct stat sb;
    if (stat(path, &sb) != 0) {
        snprintf(why, whylen, "cannot be read: %s", strerror(errno));
        return -1;
    }
    if (S_ISDIR(sb.st_mode)) {
        if (!k->have_key) return 0;
        snprintf(why, whylen, "a story folder cannot be checked against the key; pack it with "
                              "'orilla pack DIR -o NAME.orilla --sign KEY.key'");
        return -1;
    }
    orl_diags d = {0};
    orl_bundle_report rep;
    int rc = orl_bundle_verify(path, k->have_key ? &k->key : NULL, &rep, &d);
    if (rc != 0) {
        char first[400] = "unknown problem";
        for (size_t i = 0; i < d.n; i++) /* the message alone: the path is said once, by the caller */
            if (d.items[i].sev == ORL_ERROR) {
                snprintf(first, sizeof first, "%s", d.items[i].msg ? d.items[i].msg : "?");
                break;
            }
        if (k->have_key) snprintf(why, whylen, "fails verification with the key %s: %s", k->key.fingerprint, first);
        else snprintf(why, whylen, "fails verification (its files are not the ones packed): %s", first);
        log_diags(k, &d, path);
    }
    orl_bundle_report_free(&rep);
    orl_diags_free(&d);
    return rc == 0 ? 0 : -1;
}

static void set_cover(kstory *s)
{
    orl_story *st = s->st;
    char *img = st->cover;
    if (!img && st->start_idx >= 0) {
        const orl_scene *sc = &st->scenes[st->start_idx];
        img = sc->background ? sc->background : sc->nlayers ? sc->layers[0].image : NULL;
    }
    memset(&s->cover, 0, sizeof s->cover);
    static char cover_id[] = "cover";
    s->cover.id = cover_id;
    s->cover.loc = st->loc;
    s->cover.text_fn = ORL_NOFN;
    s->cover.on_enter_fn = ORL_NOFN;
    s->cover.testimony_idx = -1;
    if (!img) return; /* the calm gradient */
    s->cover_layer.image = img;
    s->cover_layer.depth = 1.0f;
    s->cover_layer.loc = st->loc;
    s->cover.layers = &s->cover_layer;
    s->cover.nlayers = 1;
    /* a slow walk into the picture, drifting a little to the side */
    s->cover.camera.set = 1;
    s->cover.camera.from[0] = -0.03f;
    s->cover.camera.to[0] = 0.03f;
    s->cover.camera.to[1] = 0.015f;
    s->cover.camera.to[2] = -0.12f;
    s->cover.camera.seconds = (float)ORL_KIOSK_ATTRACT_SECONDS;
}

static void free_story(kstory *s)
{
    free(s->path);
    free(s->id);
    free(s->version);
    free(s->title);
    for (int i = 0; i < s->nlangs; i++) free(s->langs[i]);
    for (int i = 0; i < ORL_KIOSK_MAX_LANGS; i++) free(s->titles[i]);
    orl_scene_renderer_free(s->sr);
    if (s->generated) SDL_DestroyTexture(s->generated);
    if (s->card) SDL_DestroyTexture(s->card);
    orl_story_free(s->st);
    memset(s, 0, sizeof *s);
}

static void add_story(orl_kiosk *k, const char *path)
{
    char why[600];
    if (k->nstories >= KIOSK_MAX_STORIES) {
        kiosk_problem_add(k, path, "more than %d stories", KIOSK_MAX_STORIES);
        return;
    }
    if (kiosk_catalog_verify(k, path, why, sizeof why) != 0) {
        kiosk_problem_add(k, path, "%s", why);
        return;
    }
    orl_story *st = load_checked(k, path, NULL, 1, why, sizeof why);
    if (!st) {
        kiosk_problem_add(k, path, "the story has problems: %s", why);
        return;
    }
    for (int i = 0; i < k->nstories; i++) {
        if (st->id && k->stories[i].id && strcmp(st->id, k->stories[i].id) == 0) {
            kiosk_problem_add(k, path, "it is the story \"%s\" again (already from %s)", st->id, k->stories[i].path);
            orl_story_free(st);
            return;
        }
    }
    orl_diags d = {0};
    if (orl_withdrawn_check_story(&k->withdrawn, st, &d)) log_diags(k, &d, path);
    orl_diags_free(&d);
    kstory *s = &k->stories[k->nstories];
    memset(s, 0, sizeof *s);
    s->path = orl_strdup(path);
    s->id = orl_strdup(st->id ? st->id : path);
    s->version = orl_strdup(st->version ? st->version : "");
    s->title = orl_strdup(st->title ? st->title : s->id);
    s->st = st;
    file_id(path, s);
    {
        struct stat sb;
        s->folder = stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
    }
    if (st->language) s->langs[s->nlangs++] = orl_strdup(st->language);
    for (int i = 0; i < st->translations.n && s->nlangs < ORL_KIOSK_MAX_LANGS + 1; i++)
        if (!st->language || strcmp(st->translations.items[i], st->language) != 0)
            s->langs[s->nlangs++] = orl_strdup(st->translations.items[i]);
    s->source_lang = s->nlangs ? s->langs[0] : NULL;
    set_cover(s);
    k->nstories++;
    kiosk_log(k, ORL_LOG_INFO, "story \"%s\" version %s from %s (%d language%s)%s", s->id, s->version, path, s->nlangs,
              s->nlangs == 1 ? "" : "s",
              k->have_key ? ", every file as signed"
              : s->folder ? ", a story folder (nothing to check it against)"
                          : ", every file as packed (signature not checked: no key)");
}

static void add_lang(orl_kiosk *k, const char *code)
{
    if (k->nlangs >= ORL_KIOSK_MAX_LANGS || !code) return;
    for (int i = 0; i < k->nlangs; i++)
        if (strcmp(k->langs[i], code) == 0) return;
    k->langs[k->nlangs++] = orl_strdup(code);
}

void kiosk_catalog_load(orl_kiosk *k)
{
    const orl_kiosk_config *c = k->cfg;
    orl_diags d = {0};
    k->withdrawn_ok = orl_withdrawn_load_default(&k->withdrawn, c->withdrawn, &d) == 0;
    if (!k->withdrawn_ok) {
        first_error(&d, k->withdrawn_problem, sizeof k->withdrawn_problem);
        log_diags(k, &d, "withdrawal list");
        kiosk_log(k, ORL_LOG_ERROR, "the withdrawal list cannot be read, so no story is shown (a withdrawal that is "
                                    "not understood must not be ignored): %s", k->withdrawn_problem);
    } else {
        k->withdrawn_problem[0] = 0;
        if (k->withdrawn.n) kiosk_log(k, ORL_LOG_INFO, "withdrawal list: %d entr%s", k->withdrawn.n,
                                      k->withdrawn.n == 1 ? "y" : "ies");
    }
    orl_diags_free(&d);

    k->have_key = 0;
    int key_broken = 0;
    char err[600];
    if (c->key) {
        if (orl_key_load_public(c->key, &k->key, err, sizeof err) == 0) {
            k->have_key = 1;
        } else {
            key_broken = 1;
            kiosk_log(k, ORL_LOG_ERROR, "the key %s cannot be read (%s): no bundle can be checked, so none is shown",
                      c->key, err);
        }
    }
    for (int i = 0; i < c->nbundles; i++) {
        if (key_broken) kiosk_problem_add(k, c->bundles[i], "the key %s cannot be read: %s", c->key, err);
        else add_story(k, c->bundles[i]);
    }
    if (c->nbundles == 0) kiosk_log(k, ORL_LOG_ERROR, "no stories given (bundles = { ... } in kiosk.lua, or PATHs)");

    for (int i = 0; i < c->nlanguages; i++) add_lang(k, c->languages[i]);
    if (k->nlangs == 0)
        for (int i = 0; i < k->nstories; i++)
            for (int j = 0; j < k->stories[i].nlangs; j++) add_lang(k, k->stories[i].langs[j]);
    if (k->nlangs == 0) add_lang(k, "en");

    /* each story's title in each language it has */
    for (int i = 0; i < k->nstories; i++) {
        kstory *s = &k->stories[i];
        for (int j = 0; j < k->nlangs; j++) {
            if (!has_lang(s, k->langs[j])) continue;
            if (s->source_lang && strcmp(s->source_lang, k->langs[j]) == 0) {
                s->titles[j] = orl_strdup(s->title);
                continue;
            }
            orl_story *t = load_checked(k, s->path, k->langs[j], 1, err, sizeof err);
            s->titles[j] = orl_strdup(t && t->title ? t->title : s->title);
            orl_story_free(t);
        }
    }
    k->out_of_order = k->nstories == 0 || !k->withdrawn_ok;
    kiosk_log(k, k->out_of_order ? ORL_LOG_ERROR : ORL_LOG_INFO, "%d stor%s ready, %d left out%s", k->nstories,
              k->nstories == 1 ? "y" : "ies", k->nproblems, k->out_of_order ? ": out of order" : "");
}

void kiosk_catalog_free(orl_kiosk *k)
{
    for (int i = 0; i < k->nstories; i++) free_story(&k->stories[i]);
    k->nstories = 0;
    for (int i = 0; i < k->nproblems; i++) {
        free(k->problems[i].path);
        free(k->problems[i].why);
    }
    k->nproblems = 0;
    for (int i = 0; i < k->nlangs; i++) free(k->langs[i]);
    k->nlangs = 0;
    orl_withdrawn_free(&k->withdrawn);
    memset(&k->withdrawn, 0, sizeof k->withdrawn);
}

orl_story *kiosk_catalog_open(orl_kiosk *k, int i, const char *lang, char *why, size_t whylen)
{
    if (i < 0 || i >= k->nstories) {
        snprintf(why, whylen, "no such story");
        return NULL;
    }
    kstory *s = &k->stories[i];
    if (s->hidden) {
        snprintf(why, whylen, "%s is out of the picker: %s", s->path, s->hidden_why);
        return NULL;
    }
    kstory now;
    memset(&now, 0, sizeof now);
    if (file_id(s->path, &now) != 0) {
        snprintf(why, whylen, "%s cannot be read any more: %s", s->path, strerror(errno));
        return NULL;
    }
    int changed = now.dev != s->dev || now.ino != s->ino || now.size != s->size ||
                  now.mtime.tv_sec != s->mtime.tv_sec || now.mtime.tv_nsec != s->mtime.tv_nsec;
    if (changed) {
        /* replaced on disk since it was checked (a new copy from the USB stick?) */
        if (kiosk_catalog_verify(k, s->path, why, whylen) != 0) return NULL;
        kiosk_log(k, ORL_LOG_INFO, "%s changed on disk; verified again", s->path);
        file_id(s->path, s);
    }
    static uint64_t seed = 0;
    seed++;
    orl_story *st = load_checked(k, s->path, lang, seed, why, whylen);
    if (st && changed && (!st->id || strcmp(st->id, s->id) != 0)) {
        snprintf(why, whylen, "%s now holds another story (\"%s\"); use Reload stories", s->path, st->id ? st->id : "?");
        orl_story_free(st);
        return NULL;
    }
    return st;
}
