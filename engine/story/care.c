/* Content notes and what a skip hides (story/care.h): one set of rules for every player. */
#include "story/care.h"
#include <string.h>

int orl_care_story_note(const orl_story *st, orl_care_note *out)
{
    if (!st || st->warnings.n == 0) return 0;
    out->part = ORL_CARE_STORY;
    out->warnings = &st->warnings;
    out->skippable = 0;
    return 1;
}

int orl_care_scene_note(const orl_story *st, const orl_scene *s, orl_care_note *out)
{
    (void)st;
    if (!s || s->warnings.n == 0) return 0;
    out->part = ORL_CARE_SCENE;
    out->warnings = &s->warnings;
    out->skippable = 1;
    return 1;
}

static const orl_testimony *testimony_of(const orl_story *st, const orl_scene *s)
{
    if (!st || !s || s->testimony_idx < 0 || s->testimony_idx >= st->ntestimonies) return NULL;
    return &st->testimonies[s->testimony_idx];
}

static int has_word(const orl_strlist *l, const char *w)
{
    for (int i = 0; i < l->n; i++)
        if (l->items[i] && w && strcmp(l->items[i], w) == 0) return 1;
    return 0;
}

int orl_care_testimony_note(const orl_story *st, const orl_scene *s, const orl_consent_ctx *c,
                            orl_care_answer scene_answer, orl_care_note *out)
{
    const orl_testimony *t = testimony_of(st, s);
    if (!t || t->warnings.n == 0 || scene_answer == ORL_CARE_SKIP) return 0;
    if (!orl_consent_allows(st, t, c)) return 0; /* not shown: nothing to warn about */
    if (scene_answer == ORL_CARE_CONTINUE) {
        int all = 1;
        for (int i = 0; i < t->warnings.n && all; i++) all = has_word(&s->warnings, t->warnings.items[i]);
        if (all) return 0; /* already accepted with the scene's note */
    }
    out->part = ORL_CARE_TESTIMONY;
    out->warnings = &t->warnings;
    out->skippable = 1;
    return 1;
}

orl_care_view orl_care_view_of(const orl_story *st, const orl_scene *s, const orl_consent_ctx *c,
                               orl_care_answer scene_answer, orl_care_answer testimony_answer)
{
    orl_care_view v;
    memset(&v, 0, sizeof v);
    if (!s) return v;
    if (s->warnings.n && scene_answer == ORL_CARE_NOT_ASKED) {
        v.ask_scene = 1;
        return v;
    }
    v.choices = 1;
    if (s->warnings.n && scene_answer == ORL_CARE_SKIP) {
        v.skipped = 1;
        return v;
    }
    v.text = v.pictures = v.music = 1;
    v.fact = s->fact.set;
    const orl_testimony *t = testimony_of(st, s);
    if (t) {
        if (!orl_consent_allows(st, t, c)) {
            v.consent_notice = 1; /* the one decision: story/consent.c */
        } else if (testimony_answer == ORL_CARE_SKIP) {
            v.testimony_skipped = 1;
        } else if (testimony_answer == ORL_CARE_NOT_ASKED && orl_care_testimony_note(st, s, c, scene_answer, &(orl_care_note){0})) {
            v.ask_testimony = 1;
        } else {
            v.testimony = 1;
        }
    }
    return v;
}

int orl_care_has_support(const orl_story *st)
{
    return st && st->nsupport > 0;
}
