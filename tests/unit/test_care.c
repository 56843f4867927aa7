/* story/care: content notes before difficult content, and what "Skip this part" hides. Both
 * players follow these answers, so they are tested once here. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "story/care.h"

static char *W_VIOLENCE[] = {"violence"};
static char *W_BOTH[] = {"violence", "family separation"};
static char *W_SEP[] = {"family separation"};
static char *S_ALL[] = {"workshop", "kiosk", "exhibition", "online"};

typedef struct world {
    orl_story st;
    orl_scene sc[4];
    orl_testimony t[2];
    orl_consent_ctx c;
} world;

/* scene 0: no warnings, testimony 0 (no warnings)
 * scene 1: warnings "violence", testimony 1 (warnings "violence" + "family separation"), a fact
 * scene 2: no warnings, testimony 1
 * scene 3: warnings, no testimony */
static void make(world *w)
{
    memset(w, 0, sizeof *w);
    for (int i = 0; i < 2; i++) {
        orl_testimony *t = &w->t[i];
        t->id = i ? (char *)"luis-road" : (char *)"ana-bridge";
        t->narrator_idx = -1;
        t->consent.set = 1;
        t->consent.recorded = (char *)"2025-01-01";
        t->consent.expires = (char *)"2030-01-01";
        t->consent.scope.items = S_ALL;
        t->consent.scope.n = 4;
    }
    w->t[1].warnings.items = W_BOTH;
    w->t[1].warnings.n = 2;
    for (int i = 0; i < 4; i++) {
        w->sc[i].id = (char *)"s";
        w->sc[i].testimony_idx = -1;
    }
    w->sc[0].testimony_idx = 0;
    w->sc[1].testimony_idx = 1;
    w->sc[1].warnings.items = W_VIOLENCE;
    w->sc[1].warnings.n = 1;
    w->sc[1].fact.set = 1;
    w->sc[2].testimony_idx = 1;
    w->sc[3].warnings.items = W_SEP;
    w->sc[3].warnings.n = 1;
    w->st.id = (char *)"del-otro-lado";
    w->st.scenes = w->sc;
    w->st.nscenes = 4;
    w->st.testimonies = w->t;
    w->st.ntestimonies = 2;
    w->c.deployment = ORL_DEPLOY_WORKSHOP;
    w->c.today = orl_parse_date("2026-01-01");
}

static void test_story_note(void **state)
{
    (void)state;
    world w;
    make(&w);
    orl_care_note n;
    assert_int_equal(orl_care_story_note(&w.st, &n), 0);
    w.st.warnings.items = W_BOTH;
    w.st.warnings.n = 2;
    assert_int_equal(orl_care_story_note(&w.st, &n), 1);
    assert_int_equal(n.part, ORL_CARE_STORY);
    assert_int_equal(n.skippable, 0);
    assert_int_equal(n.warnings->n, 2);
    assert_int_equal(orl_care_story_note(NULL, &n), 0);
}

static void test_plain_scene(void **state)
{
    (void)state;
    world w;
    make(&w);
    orl_care_note n;
    assert_int_equal(orl_care_scene_note(&w.st, &w.sc[0], &n), 0);
    assert_int_equal(orl_care_testimony_note(&w.st, &w.sc[0], &w.c, ORL_CARE_NOT_ASKED, &n), 0);
    orl_care_view v = orl_care_view_of(&w.st, &w.sc[0], &w.c, ORL_CARE_NOT_ASKED, ORL_CARE_NOT_ASKED);
    assert_false(v.ask_scene);
    assert_false(v.ask_testimony);
    assert_false(v.skipped);
    assert_true(v.text && v.pictures && v.music && v.testimony && v.choices);
    assert_false(v.fact); /* it has none */
    assert_false(v.consent_notice);
}

static void test_scene_continue(void **state)
{
    (void)state;
    world w;
    make(&w);
    orl_care_note n;
    assert_int_equal(orl_care_scene_note(&w.st, &w.sc[1], &n), 1);
    assert_int_equal(n.part, ORL_CARE_SCENE);
    assert_int_equal(n.skippable, 1);
    assert_string_equal(n.warnings->items[0], "violence");
    /* before the answer, nothing of the scene is shown */
    orl_care_view v = orl_care_view_of(&w.st, &w.sc[1], &w.c, ORL_CARE_NOT_ASKED, ORL_CARE_NOT_ASKED);
    assert_true(v.ask_scene);
    assert_false(v.text || v.pictures || v.music || v.fact || v.testimony || v.choices || v.consent_notice);
    /* Continue: the testimony names one more warning ("family separation"), so it is asked */
    assert_int_equal(orl_care_testimony_note(&w.st, &w.sc[1], &w.c, ORL_CARE_CONTINUE, &n), 1);
    assert_int_equal(n.part, ORL_CARE_TESTIMONY);
    assert_int_equal(n.warnings->n, 2);
    v = orl_care_view_of(&w.st, &w.sc[1], &w.c, ORL_CARE_CONTINUE, ORL_CARE_NOT_ASKED);
    assert_true(v.text && v.pictures && v.fact && v.choices);
    assert_true(v.ask_testimony);
    assert_false(v.testimony); /* not before Continue */
    v = orl_care_view_of(&w.st, &w.sc[1], &w.c, ORL_CARE_CONTINUE, ORL_CARE_CONTINUE);
    assert_true(v.testimony);
    assert_false(v.ask_testimony);
    /* skipping the testimony hides it only */
    v = orl_care_view_of(&w.st, &w.sc[1], &w.c, ORL_CARE_CONTINUE, ORL_CARE_SKIP);
    assert_false(v.testimony);
    assert_true(v.testimony_skipped);
    assert_true(v.text && v.pictures && v.fact && v.choices);
}

static void test_not_asked_twice(void **state)
{
    (void)state;
    world w;
    make(&w);
    /* the scene's note names every warning of the testimony: one question is enough */
    w.sc[1].warnings.items = W_BOTH;
    w.sc[1].warnings.n = 2;
    orl_care_note n;
    assert_int_equal(orl_care_testimony_note(&w.st, &w.sc[1], &w.c, ORL_CARE_CONTINUE, &n), 0);
    orl_care_view v = orl_care_view_of(&w.st, &w.sc[1], &w.c, ORL_CARE_CONTINUE, ORL_CARE_NOT_ASKED);
    assert_false(v.ask_testimony);
    assert_true(v.testimony);
}

static void test_scene_skip(void **state)
{
    (void)state;
    world w;
    make(&w);
    orl_care_note n;
    orl_care_view v = orl_care_view_of(&w.st, &w.sc[1], &w.c, ORL_CARE_SKIP, ORL_CARE_NOT_ASKED);
    assert_true(v.skipped);
    assert_true(v.choices); /* the story goes on */
    assert_false(v.text || v.pictures || v.music || v.fact || v.testimony || v.consent_notice || v.ask_testimony);
    /* a skipped scene's testimony is not asked about */
    assert_int_equal(orl_care_testimony_note(&w.st, &w.sc[1], &w.c, ORL_CARE_SKIP, &n), 0);
    /* a scene with warnings and no testimony */
    v = orl_care_view_of(&w.st, &w.sc[3], &w.c, ORL_CARE_SKIP, ORL_CARE_NOT_ASKED);
    assert_true(v.skipped && v.choices);
    v = orl_care_view_of(&w.st, &w.sc[3], &w.c, ORL_CARE_CONTINUE, ORL_CARE_NOT_ASKED);
    assert_true(v.text && !v.testimony && !v.ask_testimony && !v.consent_notice);
}

static void test_testimony_only_note(void **state)
{
    (void)state;
    world w;
    make(&w);
    orl_care_note n;
    /* scene 2 has no warnings but its testimony does */
    assert_int_equal(orl_care_scene_note(&w.st, &w.sc[2], &n), 0);
    orl_care_view v = orl_care_view_of(&w.st, &w.sc[2], &w.c, ORL_CARE_NOT_ASKED, ORL_CARE_NOT_ASKED);
    assert_false(v.ask_scene);
    assert_true(v.text && v.choices && v.ask_testimony);
    assert_false(v.testimony);
    assert_int_equal(orl_care_testimony_note(&w.st, &w.sc[2], &w.c, ORL_CARE_NOT_ASKED, &n), 1);
    v = orl_care_view_of(&w.st, &w.sc[2], &w.c, ORL_CARE_NOT_ASKED, ORL_CARE_SKIP);
    assert_true(v.testimony_skipped && v.text);
}

static void test_consent_first(void **state)
{
    (void)state;
    world w;
    make(&w);
    orl_care_note n;
    /* consent has ended: the notice, and no question about a testimony that is not shown */
    w.c.today = orl_parse_date("2031-01-01");
    assert_int_equal(orl_care_testimony_note(&w.st, &w.sc[2], &w.c, ORL_CARE_NOT_ASKED, &n), 0);
    orl_care_view v = orl_care_view_of(&w.st, &w.sc[2], &w.c, ORL_CARE_NOT_ASKED, ORL_CARE_NOT_ASKED);
    assert_true(v.consent_notice);
    assert_false(v.testimony || v.ask_testimony || v.testimony_skipped);
    /* even an answer of Continue cannot show it */
    v = orl_care_view_of(&w.st, &w.sc[2], &w.c, ORL_CARE_NOT_ASKED, ORL_CARE_CONTINUE);
    assert_true(v.consent_notice);
    assert_false(v.testimony);
    /* withdrawn */
    w.c.today = orl_parse_date("2026-01-01");
    char *items[] = {"del-otro-lado/ana-bridge"};
    orl_withdrawn wl = {0};
    wl.items = items;
    wl.n = 1;
    w.c.withdrawn = &wl;
    v = orl_care_view_of(&w.st, &w.sc[0], &w.c, ORL_CARE_NOT_ASKED, ORL_CARE_CONTINUE);
    assert_true(v.consent_notice);
    assert_false(v.testimony);
    /* a scene skipped: not even the notice (nothing of the scene is shown) */
    v = orl_care_view_of(&w.st, &w.sc[1], &w.c, ORL_CARE_SKIP, ORL_CARE_NOT_ASKED);
    assert_false(v.consent_notice);
}

static void test_support(void **state)
{
    (void)state;
    world w;
    make(&w);
    assert_int_equal(orl_care_has_support(&w.st), 0);
    orl_support sp = {.name = (char *)"Línea de apoyo", .contact = (char *)"171"};
    w.st.support = &sp;
    w.st.nsupport = 1;
    assert_int_equal(orl_care_has_support(&w.st), 1);
    assert_int_equal(orl_care_has_support(NULL), 0);
    orl_care_view v = orl_care_view_of(&w.st, NULL, &w.c, ORL_CARE_NOT_ASKED, ORL_CARE_NOT_ASKED);
    assert_false(v.text || v.choices);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_story_note),
        cmocka_unit_test(test_plain_scene),
        cmocka_unit_test(test_scene_continue),
        cmocka_unit_test(test_not_asked_twice),
        cmocka_unit_test(test_scene_skip),
        cmocka_unit_test(test_testimony_only_note),
        cmocka_unit_test(test_consent_first),
        cmocka_unit_test(test_support),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
