/* Static checks over a loaded story: what can be known without playing it. `walk` adds what
 * can only be known by playing (dead ends that depend on state, endings never reached). */
#include "story/story.h"
#include "story/consent.h"
#include "story/story_internal.h"
#include "audio/webvtt.h"
#include "core/strutil.h"
#include <stdlib.h>
#include <string.h>

typedef struct files_ctx { char **names; int n, cap; } files_ctx;

static int collect_file(const char *name, void *ud)
{
    files_ctx *f = ud;
    if (f->n == f->cap) {
        int nc = f->cap ? f->cap * 2 : 64;
        char **nn = realloc(f->names, (size_t)nc * sizeof *nn);
        if (!nn) return 1;
        f->names = nn;
        f->cap = nc;
    }
    f->names[f->n] = orl_strdup(name);
    if (f->names[f->n]) f->n++;
    return f->n > 100000; /* enough to suggest names */
}

static void check_file(orl_story *st, files_ctx *files, orl_diags *d, orl_loc loc, const char *what,
                       const char *name)
{
    if (!name || !*name) return;
    if (orl_fs_check_name(name) != ORL_FS_OK) {
        orl_diag_add(d, ORL_ERROR, loc.file, loc.line, 0, "bad-path",
                     "%s: \"%s\" is %s", what, name, orl_fs_strerror(ORL_FS_BADNAME));
        return;
    }
    if (orl_fs_exists(st->fs, name)) return;
    orl_nearest near;
    orl_nearest_init(&near, name, 4);
    for (int i = 0; i < files->n; i++) orl_nearest_try(&near, files->names[i]);
    const char *best = near.best;
    if (best)
        orl_diag_add(d, ORL_ERROR, loc.file, loc.line, 0, "missing-file",
                     "%s: there is no file \"%s\" in the story folder; did you mean \"%s\"?", what, name, best);
    else
        orl_diag_add(d, ORL_ERROR, loc.file, loc.line, 0, "missing-file",
                     "%s: there is no file \"%s\" in the story folder; put the file there, or fix the name "
                     "(names are case-sensitive)", what, name);
}

unsigned char *orl_story_reachable(const orl_story *st)
{
    unsigned char *seen = calloc((size_t)(st->nscenes ? st->nscenes : 1), 1);
    int *queue = malloc((size_t)(st->nscenes ? st->nscenes : 1) * sizeof *queue);
    if (!seen || !queue) {
        free(seen);
        free(queue);
        return NULL;
    }
    if (st->start_idx >= 0) {
        int head = 0, tail = 0;
        queue[tail++] = st->start_idx;
        seen[st->start_idx] = 1;
        while (head < tail) {
            const orl_scene *s = &st->scenes[queue[head++]];
            for (int j = 0; j < s->nchoices; j++) {
                int t = s->choices[j].target;
                if (t >= 0 && !seen[t]) { seen[t] = 1; queue[tail++] = t; }
            }
            int k = s->warnings.n ? s->skip_to_idx : -1; /* where skipping it leads */
            if (k >= 0 && !seen[k]) { seen[k] = 1; queue[tail++] = k; }
        }
    }
    free(queue);
    return seen;
}

void orl_story_check(orl_story *st, const orl_check_opts *opts, orl_diags *d)
{
    long long today = opts && opts->today ? opts->today : orl_today();
    files_ctx files = {0};
    orl_fs_walk(st->fs, collect_file, &files);

    unsigned char *seen = orl_story_reachable(st);
    char what[300];
    for (int i = 0; i < st->nscenes; i++) {
        orl_scene *s = &st->scenes[i];
        snprintf(what, sizeof what, orl_diag_words(d, "@what", "scene \"%s\""), s->id);
        if (s->nchoices == 0 && !s->ending)
            orl_diag_add(d, ORL_ERROR, s->loc.file, s->loc.line, 0, "dead-end",
                         "%s has no choices and is not an ending: the reader would be stuck; "
                         "add choices = { ... }, or ending = true if the story ends here", what);
        if (seen && st->start_idx >= 0 && !seen[i])
            orl_diag_add(d, ORL_WARNING, s->loc.file, s->loc.line, 0, "unreachable",
                         "%s cannot be reached from the start \"%s\": no choice goes there", what, st->start);
        if (!s->text && s->text_fn == ORL_NOFN && !s->background && !s->panorama && !s->nlayers && !s->testimony)
            orl_diag_add(d, ORL_WARNING, s->loc.file, s->loc.line, 0, "empty-scene",
                         "%s shows nothing: give it a text, a background or a testimony", what);
        if (s->fact.set && (!s->fact.source || !*s->fact.source))
            orl_diag_add(d, ORL_ERROR, s->fact.loc.file, s->fact.loc.line, 0, "fact-without-source",
                         "%s: a fact must say where it comes from, so the audience can trust it; "
                         "add source = \"who published it, title, year\"", what);
        if (s->background && s->panorama)
            orl_diag_add(d, ORL_WARNING, s->loc.file, s->loc.line, 0, "background-and-panorama",
                         "%s has both a background and a panorama; the panorama is shown", what);
        if (!s->warnings.n && (s->skip_to || s->skip_text))
            orl_diag_add(d, ORL_WARNING, s->loc.file, s->loc.line, 0, "skip-without-note",
                         "%s has %s but no warnings, so there is nothing to skip; add warnings = { ... }, "
                         "or remove it", what, s->skip_to ? "skip_to" : "skip_text");
        else if (s->skip_to && s->skip_text)
            orl_diag_add(d, ORL_WARNING, s->loc.file, s->loc.line, 0, "skip-text-unseen",
                         "%s has both skip_to and skip_text: a skip leads straight to \"%s\", so skip_text is "
                         "not shown there; put what the reader needs to know at the start of \"%s\"",
                         what, s->skip_to, s->skip_to);
        else if (s->skip_to_idx == i)
            orl_diag_add(d, ORL_WARNING, s->loc.file, s->loc.line, 0, "skip-to-self",
                         "%s: skip_to leads back to the same scene, so its note would be asked again; "
                         "lead it to the scene after", what);
        check_file(st, &files, d, s->loc, what, s->background);
        check_file(st, &files, d, s->loc, what, s->panorama);
        check_file(st, &files, d, s->loc, what, s->music);
        for (int j = 0; j < s->nlayers; j++) check_file(st, &files, d, s->layers[j].loc, what, s->layers[j].image);
        for (int j = 0; j < s->nchoices; j++) {
            orl_choice *c = &s->choices[j];
            if (c->has_angles && !s->panorama)
                orl_diag_add(d, ORL_WARNING, c->loc.file, c->loc.line, 0, "angles-without-panorama",
                             "%s, choice %d: 'at' uses yaw/pitch, which only means something in a panorama", what, j + 1);
        }
    }
    for (int i = 0; i < st->nnarrators; i++) {
        orl_narrator *n = &st->narrators[i];
        snprintf(what, sizeof what, orl_diag_words(d, "@what", "narrator \"%s\""), n->id);
        check_file(st, &files, d, n->loc, what, n->portrait);
    }
    for (int i = 0; i < st->ntestimonies; i++) {
        orl_testimony *t = &st->testimonies[i];
        snprintf(what, sizeof what, orl_diag_words(d, "@what", "testimony \"%s\""), t->id);
        check_file(st, &files, d, t->loc, what, t->audio);
        check_file(st, &files, d, t->loc, what, t->captions);
        if (t->captions && orl_fs_check_name(t->captions) == ORL_FS_OK && orl_fs_exists(st->fs, t->captions)) {
            orl_vtt vtt; /* WebVTT problems as captions/x.vtt:line (audio/webvtt.h) */
            orl_vtt_load(&vtt, st->fs, t->captions, d);
            orl_vtt_free(&vtt);
        }
        if (!t->text && !t->audio)
            orl_diag_add(d, ORL_ERROR, t->loc.file, t->loc.line, 0, "empty-testimony",
                         "%s has neither text (a transcript) nor audio", what);
        if (t->audio && !t->text)
            orl_diag_add(d, ORL_WARNING, t->loc.file, t->loc.line, 0, "no-transcript",
                         "%s has audio but no text: add the transcript, for people who cannot hear it", what);
        if (t->skip_text && !t->warnings.n)
            orl_diag_add(d, ORL_WARNING, t->loc.file, t->loc.line, 0, "skip-without-note",
                         "%s has %s but no warnings, so there is nothing to skip; add warnings = { ... }, "
                         "or remove it", what, "skip_text");
        orl_consent_check(st, t, today, d);
    }
    orl_story_check_skips(st, d);
    if (st->cover) check_file(st, &files, d, st->loc, "story", st->cover);
    for (int i = 0; i < st->translations.n; i++) {
        char po[96];
        snprintf(po, sizeof po, "locale/%.80s.po", st->translations.items[i]);
        if (!orl_fs_exists(st->fs, po))
            orl_diag_add(d, ORL_WARNING, st->loc.file, st->loc.line, 0, "missing-translation",
                         "story: translations lists \"%s\", but there is no %s yet", st->translations.items[i], po);
    }
    for (int i = 0; i < files.n; i++) free(files.names[i]);
    free(files.names);
    free(seen);
}
