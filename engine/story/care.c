/* Content notes and what a skip hides (story/care.h): one set of rules for every player. */
#include "story/care.h"
#include "core/strutil.h"
#include "story/uitext.h"
#include <stdlib.h>
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

const char *orl_testimony_label(const orl_story *st, const orl_testimony *t, const char *lang)
{
    switch (orl_testimony_kind_of(st, t)) {
    case ORL_KIND_RECREATED: return orl_ui_text(lang, ORL_UI_KIND_RECREATED);
    case ORL_KIND_COMPOSITE: return orl_ui_text(lang, ORL_UI_KIND_COMPOSITE);
    default: return NULL;
    }
}

static const char *narrator_name(const orl_story *st, const orl_testimony *t)
{
    if (st && t->narrator_idx >= 0 && t->narrator_idx < st->nnarrators && st->narrators[t->narrator_idx].name)
        return st->narrators[t->narrator_idx].name;
    return t->narrator ? t->narrator : "";
}

char *orl_testimony_heading(const orl_story *st, const orl_testimony *t, const char *lang)
{
    const char *by = orl_ui_text(lang, ORL_UI_TESTIMONY_BY), *label = orl_testimony_label(st, t, lang);
    if (label) return orl_format("%s %s (%s)", by, narrator_name(st, t), label);
    return orl_format("%s %s", by, narrator_name(st, t));
}

const char *orl_testimony_notice(const orl_story *st, const orl_testimony *t, const char *lang)
{
    switch (t ? orl_testimony_kind_of(st, t) : ORL_KIND_REAL) {
    case ORL_KIND_RECREATED: return orl_ui_text(lang, ORL_UI_NOTICE_RECREATED);
    case ORL_KIND_COMPOSITE: return orl_ui_text(lang, ORL_UI_NOTICE_COMPOSITE);
    default: return orl_ui_text(lang, ORL_UI_CONSENT_NOTICE);
    }
}

char *orl_story_kinds_credit(const orl_story *st, const char *lang, int names)
{
    if (!st) return NULL;
    orl_buf b = {0};
    static const orl_testimony_kind kinds[] = {ORL_KIND_RECREATED, ORL_KIND_COMPOSITE};
    static const orl_ui_key keys[] = {ORL_UI_CREDITS_RECREATED, ORL_UI_CREDITS_COMPOSITE};
    for (int k = 0; k < 2; k++) {
        int listed = 0;
        for (int i = 0; i < st->ntestimonies; i++) {
            const orl_testimony *t = &st->testimonies[i];
            if (orl_testimony_kind_of(st, t) != kinds[k]) continue;
            const char *name = narrator_name(st, t);
            int seen = 0; /* each narrator once */
            for (int j = 0; j < i && !seen; j++)
                seen = orl_testimony_kind_of(st, &st->testimonies[j]) == kinds[k] &&
                       strcmp(narrator_name(st, &st->testimonies[j]), name) == 0;
            if (seen) continue;
            if (!listed) orl_buf_printf(&b, "%s%s", b.len ? "\n" : "", orl_ui_text(lang, keys[k]));
            if (names && *name) orl_buf_printf(&b, "%s%s", listed ? ", " : ": ", name);
            listed = 1;
            if (!names) break;
        }
    }
    if (b.oom || !b.len) {
        orl_buf_free(&b);
        return NULL;
    }
    return b.data;
}

const char *orl_care_skipped_text(const orl_scene *s, const orl_testimony *t, const char *lang)
{
    const char *own = t ? t->skip_text : s ? s->skip_text : NULL;
    return own && *own ? own : orl_ui_text(lang, ORL_UI_SKIPPED);
}
