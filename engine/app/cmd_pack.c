#include "app/args.h"
#include "app/commands.h"
#include "app/common.h"
#include "bundle/bundle.h"
#include "core/limits.h"
#include "core/strutil.h"
#include "story/consent.h"
#include "story/withhold.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void print_size(FILE *out, unsigned long long b)
{
    if (b < 1024) fprintf(out, orl_app_words_n("@app", (long long)b, "%llu byte", "%llu bytes"), b);
    else if (b < 1024ull * 1024) fprintf(out, "%.1f KB", (double)b / 1024.0);
    else fprintf(out, "%.1f MB", (double)b / (1024.0 * 1024.0));
}

/* ---- nothing withheld ships (story/withhold.h) ---- */

typedef struct withhold_ctx {
    orl_story *st;
    unsigned char *withheld; /* per testimony: consent no longer allows it anywhere */
    int n;                   /* how many */
} withhold_ctx;

static int ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && strcmp(s + a - b, suf) == 0;
}

static int read_all(const char *path, char **out, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    orl_buf b = {0};
    char chunk[65536];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len <= ORL_MAX_FILE_BYTES) orl_buf_put(&b, chunk, got);
    int bad = ferror(f) || b.oom || b.len > ORL_MAX_FILE_BYTES;
    fclose(f);
    if (bad) {
        orl_buf_free(&b);
        return -1;
    }
    *out = b.data ? b.data : calloc(1, 1);
    *len = b.len;
    return *out ? 0 : -1;
}

static int holds(const char *p, size_t n, const char *w)
{
    size_t k = strlen(w);
    for (size_t i = 0; k && i + k <= n; i++)
        if (p[i] == w[0] && memcmp(p + i, w, k) == 0) return 1;
    return 0;
}

/* 1 when file `name` is used by something that is still shown (another testimony, a scene). */
static int used_elsewhere(const withhold_ctx *w, const char *name)
{
    const orl_story *st = w->st;
    for (int i = 0; i < st->ntestimonies; i++) {
        const orl_testimony *t = &st->testimonies[i];
        if (!w->withheld[i] && ((t->audio && !strcmp(t->audio, name)) || (t->captions && !strcmp(t->captions, name)))) return 1;
    }
    for (int i = 0; i < st->nscenes; i++) {
        const orl_scene *s = &st->scenes[i];
        if ((s->music && !strcmp(s->music, name)) || (s->background && !strcmp(s->background, name))) return 1;
    }
    return 0;
}

static int withhold_filter(void *ud, const char *name, const char *src, char **data, size_t *len, orl_diags *d)
{
    withhold_ctx *w = ud;
    const orl_story *st = w->st;
    if (!w->n) return ORL_PACK_KEEP;
    for (int i = 0; i < st->ntestimonies; i++) {
        const orl_testimony *t = &st->testimonies[i];
        if (!w->withheld[i]) continue;
        if (((t->audio && !strcmp(t->audio, name)) || (t->captions && !strcmp(t->captions, name))) &&
            !used_elsewhere(w, name)) {
            orl_diag_add(d, ORL_NOTE, name, 0, 0, "withheld",
                         "left out of the bundle: the %s of testimony \"%s\", whose consent no longer allows it anywhere",
                         t->audio && !strcmp(t->audio, name) ? orl_diag_words(d, "@word", "recording")
                                                             : orl_diag_words(d, "@word", "captions"),
                         t->id);
            return ORL_PACK_OMIT;
        }
    }
    if (orl_bundle_stores(name)) return ORL_PACK_KEEP; /* pictures, sound: no words to look for */
    char *bytes = NULL;
    size_t n = 0;
    if (read_all(src, &bytes, &n) != 0) return ORL_PACK_KEEP; /* pack itself reports an unreadable file */
    orl_buf out = {0};
    int r = ORL_PACK_KEEP;
    if (ends_with(name, ".lua")) {
        int changed = 0;
        if (orl_withhold_lua(st, w->withheld, name, bytes, n, &out, &changed, d) != 0) r = -1;
        else if (changed) {
            r = ORL_PACK_REPLACE;
            for (int i = 0; i < st->ntestimonies; i++)
                if (w->withheld[i] && st->testimonies[i].loc.file && !strcmp(st->testimonies[i].loc.file, name))
                    orl_diag_add(d, ORL_NOTE, name, st->testimonies[i].loc.line, 0, "withheld",
                                 "left out of the bundle: the words of testimony \"%s\", whose consent no longer "
                                 "allows it anywhere (the notice is shown in its place)", st->testimonies[i].id);
        }
    } else if (ends_with(name, ".po") || ends_with(name, ".pot")) {
        int dropped = 0;
        if (orl_withhold_po(st, w->withheld, bytes, n, &out, &dropped) != 0) r = -1;
        else if (dropped) {
            r = ORL_PACK_REPLACE;
            orl_diag_add(d, ORL_NOTE, name, 0, 0, "withheld",
                         orl_app_words_n("@pack", dropped,
                                         "left out of the bundle: %d entry with the words of a testimony whose consent no longer allows it anywhere",
                                         "left out of the bundle: %d entries with the words of a testimony whose consent no longer allows it anywhere"),
                         dropped);
        }
    }
    /* whatever is packed must not hold the words anywhere else (a scene quoting them, a note) */
    const char *p = r == ORL_PACK_REPLACE ? out.data : bytes;
    size_t pl = r == ORL_PACK_REPLACE ? out.len : n;
    for (int i = 0; r >= 0 && i < st->ntestimonies; i++) {
        const char *txt = st->testimonies[i].text;
        if (!w->withheld[i] || !txt || strlen(txt) < 24 || !p) continue;
        if (holds(p, pl, txt)) {
            orl_diag_add(d, ORL_ERROR, name, 0, 0, "withheld-words",
                         "holds the words of testimony \"%s\", whose consent no longer allows it anywhere; "
                         "remove them from this file, so they do not travel in the bundle", st->testimonies[i].id);
            r = -1;
        }
    }
    free(bytes);
    if (r == ORL_PACK_REPLACE) {
        *data = out.data;
        *len = out.len;
    } else {
        orl_buf_free(&out);
    }
    return r;
}

/* After packing: the bundle, opened as a player will, has no withheld words. 0, or -1. */
static int check_packed(const char *out, const withhold_ctx *w, orl_diags *d)
{
    orl_diags ld = {0};
    orl_story *b = orl_story_load(out, NULL, &ld);
    orl_diags_free(&ld);
    int bad = !b;
    for (int i = 0; b && i < w->st->ntestimonies; i++) {
        if (!w->withheld[i]) continue;
        int k = orl_story_find_testimony(b, w->st->testimonies[i].id);
        const orl_testimony *t = k >= 0 ? &b->testimonies[k] : NULL;
        if (t && ((t->text && *t->text) || t->audio || t->captions)) bad = 1;
    }
    orl_story_free(b);
    if (bad)
        orl_diag_add(d, ORL_ERROR, out, 0, 0, "withheld-words",
                     "the bundle still holds the words of a testimony whose consent no longer allows it; it was removed");
    return bad ? -1 : 0;
}

int orl_cmd_pack(int argc, char **argv)
{
    orl_args a;
    orl_args_init(&a, argc, argv);
    const char *dir = NULL, *out = NULL, *keyfile = NULL, *withdrawn = NULL;
    int verbose = 0, k;
    while ((k = orl_args_next(&a)) && !a.error) {
        if (k == 2) {
            if (dir) orl_args_fail(&a, "give one story folder, not '%s' too", a.val);
            dir = a.val;
        } else if (orl_args_is(&a, "-o") || orl_args_is(&a, "--output")) {
            out = orl_args_value(&a);
        } else if (orl_args_is(&a, "--withdrawn")) {
            withdrawn = orl_args_value(&a);
        } else if (orl_args_is(&a, "--sign")) {
            keyfile = orl_args_value(&a);
        } else if (orl_args_is(&a, "--verbose") || orl_args_is(&a, "-v")) {
            verbose = 1;
        } else {
            orl_args_fail(&a, "unknown option %s", a.opt);
        }
    }
    if (!a.error && !dir) orl_args_fail(&a, "which story folder? 'orilla pack my-story -o my-story.orilla'");
    if (!a.error && !out) orl_args_fail(&a, "where to? add -o NAME.orilla");
    if (a.error) return ORL_EXIT_USAGE;

    struct stat st;
    if (stat(dir, &st) != 0) {
        fprintf(stderr, orl_app_words("@pack", "%s: error: cannot read: no such folder\n"), dir);
        return ORL_EXIT_USAGE;
    }
    if (!S_ISDIR(st.st_mode)) {
        fprintf(stderr, orl_app_words("@pack", "%s: error: not a folder: pack makes a bundle from a story folder\n"), dir);
        return ORL_EXIT_USAGE;
    }

    long long mtime = 0;
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde) {
        char *end;
        errno = 0;
        long long v = strtoll(sde, &end, 10);
        if (errno || *end || v < 0)
            fprintf(stderr, orl_app_words("@pack", "orilla pack: SOURCE_DATE_EPOCH='%s' is not a number of seconds; "
                                                   "using 1980-01-01\n"), sde);
        else mtime = v;
    }

    orl_seckey key;
    int have_key = 0;
    if (keyfile) {
        char err[600];
        if (orl_key_load_secret(keyfile, &key, err, sizeof err) != 0) {
            fprintf(stderr, "orilla pack: %s\n", err);
            return ORL_EXIT_USAGE;
        }
        have_key = 1;
    }

    /* A bundle is for showing: a story with errors is not packed. */
    orl_diags d = {0};
    d.wording = orl_app_wording(); /* ORILLA_LANG=es: story/messages.h */
    orl_story *story = orl_story_load(dir, NULL, &d);
    if (story) orl_story_check(story, NULL, &d);
    orl_diags_sort(&d);
    orl_diags_print(&d, stderr);
    if (!story || d.errors) {
        if (story)
            fprintf(stderr, orl_app_words_n("@pack", d.errors,
                                            "%s: %d error: pack makes bundles only of stories without errors; mend it first\n",
                                            "%s: %d errors: pack makes bundles only of stories without errors; mend them first\n"),
                    dir, d.errors);
        orl_diags_free(&d);
        orl_story_free(story);
        if (have_key) orl_key_wipe(&key);
        return story ? ORL_EXIT_PROBLEMS : ORL_EXIT_USAGE;
    }
    orl_diags_free(&d);
    d.wording = orl_app_wording(); /* freeing forgot it: what pack says next is in Spanish too */

    /* What consent no longer allows anywhere (ended, withdrawn) does not travel. */
    orl_withdrawn wl;
    if (orl_withdrawn_load_default(&wl, withdrawn, &d) != 0) {
        orl_diags_sort(&d);
        orl_diags_print(&d, stderr);
        orl_diags_free(&d);
        orl_withdrawn_free(&wl);
        orl_story_free(story);
        if (have_key) orl_key_wipe(&key);
        return ORL_EXIT_USAGE;
    }
    withhold_ctx wh = {story, calloc((size_t)story->ntestimonies + 1, 1), 0};
    for (int i = 0; wh.withheld && i < story->ntestimonies; i++)
        if ((wh.withheld[i] = (unsigned char)orl_consent_withheld(story, &story->testimonies[i], 0, &wl))) wh.n++;
    orl_withdrawn_free(&wl);

    orl_pack_desc desc = {0};
    desc.filter = wh.withheld ? withhold_filter : NULL;
    desc.filter_ud = &wh;
    desc.id = story->id;
    desc.version = story->version;
    desc.title = story->title;
    desc.sign = have_key ? &key : NULL;
    desc.mtime = mtime;
    /* the day it is made: a clock before it is wrong (consent then counts as ended) */
    char made[11];
    orl_pack_made_day(mtime, orl_today() * 86400LL, made);
    desc.made = made;
    desc.progress = orl_app_isatty(stderr);
    desc.verbose = verbose;
    orl_pack_result res;
    int rc = orl_bundle_pack(dir, out, &desc, &res, &d);
    if (rc == 0 && wh.n && check_packed(out, &wh, &d) != 0) {
        remove(out);
        rc = ORL_EXIT_PROBLEMS;
    }
    orl_diags_sort(&d);
    orl_diags_print(&d, stderr);
    if (rc == 0) {
        printf(orl_app_words_n("@pack", res.files, "wrote %s: %lld file, ", "wrote %s: %lld files, "), out, res.files);
        print_size(stdout, res.bundle_bytes);
        if (have_key) printf(orl_app_words("@pack", ", signed with key %s\n"), key.pub.fingerprint);
        else fputs(orl_app_words("@pack", ", not signed\n"), stdout);
    } else if (d.errors) {
        fprintf(stderr, orl_app_words("@pack", "%s: not packed\n"), dir);
    }
    orl_diags_free(&d);
    free(wh.withheld);
    orl_story_free(story);
    if (have_key) orl_key_wipe(&key);
    return rc;
}
