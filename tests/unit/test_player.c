/* The window player's core (engine/player): screens, choices, rollback, consent, focus,
 * settings, layout rules; and headless renders compared with tests/golden/player_*.png. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "player/player.h"
#include "player/player_internal.h" /* orl_player__event: SDL events into inputs */
#include "audio/audio.h"
#include "audio/voice.h"
#include <sys/stat.h>
#include "story/run.h"
#include "story/uitext.h"
#include "golden.h"

#define STORY ORL_TEST_DATA "/player-basic"

static orl_player *open_player_in(const char *path, const char *lang, orl_deployment dep)
{
    orl_diags d = {0};
    orl_load_opts lo = {0};
    lo.lang = lang;
    orl_story *st = orl_story_load(path, &lo, &d);
    if (!st || d.errors) orl_diags_print(&d, stderr);
    assert_non_null(st);
    assert_int_equal(d.errors, 0);
    orl_diags_free(&d);
    orl_player_desc pd = {0};
    pd.story = st;
    pd.path = path;
    pd.lang = lang;
    pd.consent.deployment = dep;
    orl_player *p = orl_player_create(&pd, &d);
    if (!p) orl_diags_print(&d, stderr);
    assert_non_null(p);
    orl_diags_free(&d);
    return p;
}

static orl_player *open_player(void) { return open_player_in(STORY, NULL, ORL_DEPLOY_WORKSHOP); }

static const char *scene_id(orl_player *p)
{
    int sc = orl_player_scene(p);
    return sc >= 0 ? orl_player_story(p)->scenes[sc].id : "(none)";
}

/* Buttons that are choices (in the panel or on the picture). */
static int count_choices(const orl_view *v)
{
    int n = 0;
    for (int i = 0; i < v->nbuttons; i++)
        if ((v->buttons[i].kind == ORL_BUTTON_CHOICE || v->buttons[i].kind == ORL_BUTTON_HOTSPOT) && !v->buttons[i].hidden)
            n++;
    return n;
}

static int find_button(const orl_view *v, orl_button_kind kind)
{
    for (int i = 0; i < v->nbuttons; i++)
        if (v->buttons[i].kind == kind) return i;
    return -1;
}

static void click(orl_player *p, int button)
{
    const orl_view *v = orl_player_view(p);
    assert_true(button >= 0 && button < v->nbuttons);
    orl_rect r = v->buttons[button].rect;
    float x = r.x + r.w * 0.5f, y = r.y + r.h * 0.5f;
    orl_player_pointer(p, ORL_POINTER_DOWN, x, y);
    orl_player_pointer(p, ORL_POINTER_UP, x, y);
}

static char *state_of(orl_player *p, size_t *len)
{
    orl_buf b = {0};
    assert_int_equal(orl_player_state(p, &b), 0);
    *len = b.len;
    return b.data ? b.data : calloc(1, 1);
}

/* ------------------------------------------------------------------------------------- */

static void test_warnings_precede_story(void **unused)
{
    (void)unused;
    orl_player *p = open_player();
    assert_int_equal(orl_player_screen_now(p), ORL_SCREEN_TITLE);
    const orl_view *v = orl_player_view(p);
    assert_string_equal(v->heading.text, "Del otro lado");
    int begin = find_button(v, ORL_BUTTON_BEGIN);
    assert_true(begin >= 0);
    click(p, begin);
    assert_int_equal(orl_player_screen_now(p), ORL_SCREEN_WARNINGS);
    assert_int_equal(orl_player_scene(p), -1); /* nothing of the story yet */
    v = orl_player_view(p);
    assert_non_null(strstr(v->body2.text, "violencia"));
    assert_true(find_button(v, ORL_BUTTON_CONTINUE) >= 0);
    assert_true(find_button(v, ORL_BUTTON_LEAVE) >= 0);
    /* leaving goes back to the title and is counted */
    click(p, find_button(v, ORL_BUTTON_LEAVE));
    assert_int_equal(orl_player_screen_now(p), ORL_SCREEN_TITLE);
    assert_int_equal(orl_player_leave_count(p), 1);
    /* Enter activates the focused Begin, then Continue */
    assert_int_equal(orl_player_input_do(p, ORL_INPUT_ACTIVATE), 1);
    assert_int_equal(orl_player_screen_now(p), ORL_SCREEN_WARNINGS);
    orl_player_input_do(p, ORL_INPUT_ACTIVATE);
    assert_int_equal(orl_player_screen_now(p), ORL_SCREEN_SCENE);
    assert_string_equal(scene_id(p), "choose");
    orl_player_free(p);
}

static void test_hidden_choices_not_drawn(void **unused)
{
    (void)unused;
    orl_player *p = open_player();
    orl_player_goto_scene(p, orl_story_find_scene(orl_player_story(p), "choose"));
    const orl_view *v = orl_player_view(p);
    /* "Un campamento" has when = false */
    assert_int_equal(count_choices(v), 2);
    for (int i = 0; i < v->nbuttons; i++) assert_null(strstr(v->buttons[i].label, "campamento"));
    /* both are hotspots at their `at` */
    int k = find_button(v, ORL_BUTTON_HOTSPOT);
    assert_true(k >= 0);
    assert_true(v->buttons[k].px > 0.30f * ORL_CANVAS_W - 1 && v->buttons[k].px < 0.30f * ORL_CANVAS_W + 1);
    orl_player_pick(p, 1);
    assert_string_equal(scene_id(p), "ana-1");
    v = orl_player_view(p);
    assert_int_equal(count_choices(v), 2); /* "Volver a Cúcuta" needs steps > 5 */
    assert_int_equal(orl_player_pick(p, 3), 0); /* no third choice */
    orl_player_free(p);
}

static void test_rollback_same_scene_and_state(void **unused)
{
    (void)unused;
    orl_player *p = open_player();
    orl_player_pick(p, 1); /* Begin */
    orl_player_pick(p, 1); /* Continue */
    assert_string_equal(scene_id(p), "choose");
    size_t n0, n1, n2, m;
    char *s0 = state_of(p, &n0);
    orl_player_pick(p, 1);
    assert_string_equal(scene_id(p), "ana-1");
    char *s1 = state_of(p, &n1);
    orl_player_pick(p, 2);
    assert_string_equal(scene_id(p), "ana-shelter");
    char *s2 = state_of(p, &n2);
    assert_false(n2 == n1 && memcmp(s1, s2, n1) == 0); /* rested = true */
    assert_int_equal(orl_player_history(p), 2);

    assert_int_equal(orl_player_input_do(p, ORL_INPUT_BACK), 1);
    assert_string_equal(scene_id(p), "ana-1");
    char *r1 = state_of(p, &m);
    assert_int_equal(m, n1);
    assert_memory_equal(r1, s1, n1);
    /* on_enter did not run again: steps is still 1, so the shelter is still offered */
    assert_int_equal(count_choices(orl_player_view(p)), 2);

    /* the back button does the same */
    click(p, find_button(orl_player_view(p), ORL_BUTTON_BACK));
    assert_string_equal(scene_id(p), "choose");
    char *r0 = state_of(p, &m);
    assert_int_equal(m, n0);
    assert_memory_equal(r0, s0, n0);
    assert_int_equal(orl_player_history(p), 0);

    /* forward again: the same as the first time */
    orl_player_pick(p, 1);
    char *again = state_of(p, &m);
    assert_int_equal(m, n1);
    assert_memory_equal(again, s1, n1);
    free(s0); free(s1); free(s2); free(r1); free(r0); free(again);
    orl_player_free(p);
}

static void test_consent_notice(void **unused)
{
    (void)unused;
    orl_player *p = open_player();
    orl_story *st = orl_player_story(p);
    orl_player_goto_scene(p, orl_story_find_scene(st, "luis-1")); /* consent: online only */
    const orl_view *v = orl_player_view(p);
    assert_true(v->has_testimony);
    assert_true(v->testimony_notice);
    assert_string_equal(v->testimony_text.text, orl_ui_text("es", ORL_UI_CONSENT_NOTICE));
    assert_null(v->testimony_by.text);
    orl_player_goto_scene(p, orl_story_find_scene(st, "ana-1")); /* workshop allowed */
    v = orl_player_view(p);
    assert_true(v->has_testimony);
    assert_false(v->testimony_notice);
    assert_non_null(strstr(v->testimony_text.text, "Crucé el puente"));
    assert_non_null(strstr(v->testimony_by.text, "Ana"));
    orl_player_free(p);

    /* the same testimony online: not in its scope */
    p = open_player_in(STORY, NULL, ORL_DEPLOY_ONLINE);
    orl_player_goto_scene(p, orl_story_find_scene(orl_player_story(p), "ana-1"));
    v = orl_player_view(p);
    assert_true(v->testimony_notice);
    assert_null(strstr(v->testimony_text.text, "Crucé"));
    orl_player_free(p);
}

static void test_fact_with_source(void **unused)
{
    (void)unused;
    orl_player *p = open_player();
    orl_player_goto_scene(p, orl_story_find_scene(orl_player_story(p), "ana-1"));
    const orl_view *v = orl_player_view(p);
    assert_true(v->has_fact);
    assert_non_null(strstr(v->fact_source.text, "R4V, 2024"));
    assert_non_null(strstr(v->fact_source.text, "Fuente"));
    /* the card sits above the panel, inside the canvas */
    assert_true(v->fact_box.y >= 0);
    assert_true(v->fact_box.y + v->fact_box.h <= v->panel.y);
    orl_player_free(p);
}

static void test_focus_moves_with_keys(void **unused)
{
    (void)unused;
    orl_player *p = open_player();
    orl_player_goto_scene(p, orl_story_find_scene(orl_player_story(p), "ana-1"));
    const orl_view *v = orl_player_view(p);
    assert_false(v->focus_visible);
    int first = v->focus;
    assert_int_equal(v->buttons[first].kind, ORL_BUTTON_CHOICE);
    assert_int_equal(v->buttons[first].number, 1);
    /* the first key only shows where the focus is */
    assert_int_equal(orl_player_input_do(p, ORL_INPUT_RIGHT), 1);
    v = orl_player_view(p);
    assert_true(v->focus_visible);
    assert_int_equal(v->focus, first);
    orl_player_input_do(p, ORL_INPUT_RIGHT);
    v = orl_player_view(p);
    assert_int_equal(v->buttons[v->focus].number, 2);
    orl_player_input_do(p, ORL_INPUT_LEFT);
    v = orl_player_view(p);
    assert_int_equal(v->focus, first);
    /* Tab goes through every button, corner buttons too, and comes back */
    int n = 0, seen_menu = 0;
    do {
        orl_player_input_do(p, ORL_INPUT_NEXT);
        v = orl_player_view(p);
        seen_menu |= v->buttons[v->focus].kind == ORL_BUTTON_MENU;
        n++;
    } while (v->focus != first && n < 50);
    assert_true(seen_menu);
    assert_int_equal(v->focus, first);
    /* up from the choices reaches the corner buttons */
    orl_player_input_do(p, ORL_INPUT_UP);
    v = orl_player_view(p);
    assert_true(v->buttons[v->focus].kind == ORL_BUTTON_BACK || v->buttons[v->focus].kind == ORL_BUTTON_MENU ||
                v->buttons[v->focus].kind == ORL_BUTTON_SUPPORT);
    orl_player_input_do(p, ORL_INPUT_DOWN); /* and down comes back to a choice */
    v = orl_player_view(p);
    int k = v->focus;
    assert_int_equal(v->buttons[k].kind, ORL_BUTTON_CHOICE);
    int number = v->buttons[k].number;
    orl_player_input_do(p, ORL_INPUT_ACTIVATE);
    assert_string_equal(scene_id(p), number == 2 ? "ana-shelter" : "ana-end");
    /* the pointer hides the ring again */
    orl_player_pointer(p, ORL_POINTER_MOVE, 5, 5);
    assert_false(orl_player_view(p)->focus_visible);
    orl_player_free(p);
}

static void test_ending_care_credits_title(void **unused)
{
    (void)unused;
    orl_player *p = open_player();
    orl_player_pick(p, 1);
    orl_player_pick(p, 1);
    orl_player_pick(p, 2); /* Luis */
    assert_string_equal(scene_id(p), "luis-1");
    orl_player_pick(p, 1);
    assert_string_equal(scene_id(p), "luis-end");
    const orl_view *v = orl_player_view(p);
    assert_int_equal(count_choices(v), 0);
    assert_string_equal(v->heading.text, orl_ui_text("es", ORL_UI_THE_END));
    int c = find_button(v, ORL_BUTTON_CONTINUE);
    assert_true(c >= 0);
    click(p, c);
    assert_int_equal(orl_player_screen_now(p), ORL_SCREEN_CARE);
    v = orl_player_view(p);
    assert_int_equal(v->nsupport, 2);
    assert_string_equal(v->support[0].contact.text, "171 opción 6");
    orl_player_pick(p, 1);
    assert_int_equal(orl_player_screen_now(p), ORL_SCREEN_CREDITS);
    v = orl_player_view(p);
    assert_non_null(strstr(v->body2.text, "Quito"));
    click(p, find_button(v, ORL_BUTTON_RESTART));
    assert_int_equal(orl_player_screen_now(p), ORL_SCREEN_TITLE);
    assert_int_equal(orl_player_history(p), 0);
    orl_player_free(p);
}

static void test_language_switch_keeps_place(void **unused)
{
    (void)unused;
    orl_player *p = open_player();
    orl_player_pick(p, 1);
    orl_player_pick(p, 1);
    orl_player_pick(p, 1);
    assert_string_equal(scene_id(p), "ana-1");
    size_t n1, m;
    char *s1 = state_of(p, &n1);
    unsigned gen = orl_player_story_generation(p);
    assert_int_equal(orl_player_set_lang(p, "en"), 0);
    assert_string_equal(orl_player_lang(p), "en");
    assert_true(orl_player_story_generation(p) != gen);
    assert_string_equal(scene_id(p), "ana-1");
    char *r = state_of(p, &m);
    assert_int_equal(m, n1);
    assert_memory_equal(r, s1, n1);
    const orl_view *v = orl_player_view(p);
    assert_non_null(strstr(v->body.text, "Three days walking"));
    assert_non_null(strstr(v->fact_source.text, "Source"));
    assert_int_equal(orl_player_history(p), 1);
    /* a language the story does not have */
    assert_int_equal(orl_player_set_lang(p, "xx"), -1);
    assert_string_equal(orl_player_lang(p), "en");
    /* back still works after the reload */
    orl_player_input_do(p, ORL_INPUT_BACK);
    assert_string_equal(scene_id(p), "choose");
    v = orl_player_view(p);
    assert_true(count_choices(v) == 2);
    free(s1);
    free(r);
    orl_player_free(p);
}

static void test_settings_menu(void **unused)
{
    (void)unused;
    orl_player *p = open_player();
    orl_player_goto_scene(p, orl_story_find_scene(orl_player_story(p), "ana-1"));
    int body = orl_player_view(p)->body.size;
    assert_true(body >= 34);
    assert_int_equal(orl_player_input_do(p, ORL_INPUT_MENU), 1);
    assert_true(orl_player_menu_open(p));
    const orl_view *v = orl_player_view(p);
    assert_true(v->menu);
    assert_int_equal(v->nlangs, 3);
    /* the largest text size */
    int k = -1;
    for (int i = 0; i < v->nbuttons; i++)
        if (v->buttons[i].kind == ORL_BUTTON_TEXT_SIZE && v->buttons[i].arg == ORL_PLAYER_TEXT_SIZES - 1) k = i;
    assert_true(k >= 0);
    click(p, k);
    assert_int_equal(orl_player_text_size(p), ORL_PLAYER_TEXT_SIZES - 1);
    /* Back closes the settings, and the text is bigger */
    orl_player_input_do(p, ORL_INPUT_BACK);
    assert_false(orl_player_menu_open(p));
    v = orl_player_view(p);
    assert_true(v->body.size > body);
    assert_string_equal(scene_id(p), "ana-1");
    /* a tap outside the card closes it too */
    orl_player_set_menu(p, 1);
    orl_player_pointer(p, ORL_POINTER_DOWN, 10, 1070);
    orl_player_pointer(p, ORL_POINTER_UP, 10, 1070);
    assert_false(orl_player_menu_open(p));
    orl_player_free(p);
}

static void test_layout_rules(void **unused)
{
    (void)unused;
    static const char *const scenes[] = {"choose", "ana-1", "ana-shelter", "luis-1", "ana-end", "camp"};
    for (int size = 0; size < ORL_PLAYER_TEXT_SIZES; size++) {
        orl_player *p = open_player();
        orl_player_set_text_size(p, size);
        for (size_t s = 0; s < sizeof scenes / sizeof *scenes; s++) {
            orl_player_goto_scene(p, orl_story_find_scene(orl_player_story(p), scenes[s]));
            const orl_view *v = orl_player_view(p);
            for (int i = 0; i < v->nbuttons; i++) {
                const orl_view_button *b = &v->buttons[i];
                if (b->hidden) continue;
                assert_true(b->rect.h >= 88); /* touch targets */
                assert_true(b->rect.x >= 0 && b->rect.y >= 0);
                assert_true(b->rect.x + b->rect.w <= ORL_CANVAS_W && b->rect.y + b->rect.h <= ORL_CANVAS_H);
            }
            assert_true(v->panel.y > 0 && v->panel.y + v->panel.h <= ORL_CANVAS_H);
            if (size == 0) assert_true(v->body.size >= 34);
        }
        orl_player_free(p);
    }
}

static void test_rtl_mirrors_ui(void **unused)
{
    (void)unused;
    orl_player *p = open_player_in(STORY, "ar", ORL_DEPLOY_WORKSHOP);
    orl_player_goto_scene(p, orl_story_find_scene(orl_player_story(p), "ana-1"));
    const orl_view *v = orl_player_view(p);
    assert_true(v->rtl);
    int k = find_button(v, ORL_BUTTON_CHOICE);
    assert_true(v->buttons[k].rect.x + v->buttons[k].rect.w > ORL_CANVAS_W / 2); /* choices from the right */
    assert_true(v->fact_box.x > ORL_CANVAS_W / 2);
    assert_true(v->buttons[find_button(v, ORL_BUTTON_MENU)].rect.x < ORL_CANVAS_W / 2);
    orl_player_free(p);
}

static void test_hotspot_click_and_panorama(void **unused)
{
    (void)unused;
    orl_player *p = open_player();
    orl_story *st = orl_player_story(p);
    orl_player_goto_scene(p, orl_story_find_scene(st, "choose"));
    const orl_view *v = orl_player_view(p);
    int k = -1;
    for (int i = 0; i < v->nbuttons; i++)
        if (v->buttons[i].kind == ORL_BUTTON_HOTSPOT && v->buttons[i].number == 2) k = i;
    assert_true(k >= 0);
    /* a tap on the point itself */
    float x = v->buttons[k].px, y = v->buttons[k].py;
    orl_player_pointer(p, ORL_POINTER_DOWN, x, y);
    orl_player_pointer(p, ORL_POINTER_UP, x, y);
    assert_string_equal(scene_id(p), "luis-1");
    /* a press that moves off the button does nothing */
    v = orl_player_view(p);
    k = find_button(v, ORL_BUTTON_CHOICE);
    orl_player_pointer(p, ORL_POINTER_DOWN, v->buttons[k].rect.x + 5, v->buttons[k].rect.y + 5);
    orl_player_pointer(p, ORL_POINTER_UP, 5, 5);
    assert_string_equal(scene_id(p), "luis-1");

    orl_player_goto_scene(p, orl_story_find_scene(st, "camp"));
    v = orl_player_view(p);
    assert_true(v->panorama);
    k = find_button(v, ORL_BUTTON_HOTSPOT);
    assert_true(k >= 0);
    assert_false(v->buttons[k].hidden);
    float x0 = v->buttons[k].px;
    assert_true(x0 > ORL_CANVAS_W / 2); /* yaw 20: right of centre */
    /* turning right moves the point left */
    assert_int_equal(orl_player_look(p, 10, 0), 1);
    v = orl_player_view(p);
    assert_true(v->buttons[k].px < x0);
    /* turning round hides it */
    orl_player_look(p, 170, 0);
    v = orl_player_view(p);
    assert_true(v->buttons[k].hidden);
    /* dragging on the picture looks around */
    float yaw = v->look.yaw;
    orl_player_pointer(p, ORL_POINTER_DOWN, 900, 300);
    orl_player_pointer(p, ORL_POINTER_MOVE, 700, 300);
    orl_player_pointer(p, ORL_POINTER_UP, 700, 300);
    v = orl_player_view(p);
    assert_true(v->look.yaw != yaw);
    assert_string_equal(scene_id(p), "camp");
    orl_player_free(p);
}

static void test_title_card_story(void **unused)
{
    (void)unused;
    char dir[] = "/tmp/orilla-player-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/story.lua", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("story { id = \"t\", title = \"Caminos\", language = \"es\", start = \"title\" }\n"
          "scene \"title\" { text = \"Caminos\", choices = { { text = \"Comenzar\", go = \"s01\" } } }\n"
          "scene \"s01\" { text = \"Uno\", choices = { { text = \"a\", go = \"end\" }, { text = \"b\", go = \"end\" } } }\n"
          "scene \"end\" { ending = true, text = \"Fin\" }\n", f);
    fclose(f);
    orl_player *p = open_player_in(dir, NULL, ORL_DEPLOY_WORKSHOP);
    /* the story's own title card is the first screen: no second title before it */
    assert_int_equal(orl_player_screen_now(p), ORL_SCREEN_SCENE);
    assert_string_equal(scene_id(p), "title");
    assert_int_equal(find_button(orl_player_view(p), ORL_BUTTON_BACK), -1);
    orl_player_input_do(p, ORL_INPUT_ACTIVATE); /* Return takes its only choice */
    assert_string_equal(scene_id(p), "s01");
    orl_player_pick(p, 2);
    assert_string_equal(scene_id(p), "end");
    orl_player_pick(p, 1); /* Continue: no support, so the credits */
    assert_int_equal(orl_player_screen_now(p), ORL_SCREEN_CREDITS);
    orl_player_pick(p, 1);
    assert_int_equal(orl_player_screen_now(p), ORL_SCREEN_SCENE);
    assert_string_equal(scene_id(p), "title");
    orl_player_free(p);
    unlink(path);
    rmdir(dir);
}

static void test_quit_and_kiosk(void **unused)
{
    (void)unused;
    orl_player *p = open_player();
    orl_player_set_menu(p, 1);
    const orl_view *v = orl_player_view(p);
    int q = find_button(v, ORL_BUTTON_QUIT);
    assert_true(q >= 0);
    click(p, q);
    assert_true(orl_player_quit_requested(p));
    orl_player_free(p);
}

static void test_care_notes_and_support(void **unused)
{
    (void)unused;
    orl_player *p = open_player_in(ORL_TEST_DATA "/player-care", NULL, ORL_DEPLOY_WORKSHOP);
    orl_player_pick(p, 1); /* Begin (no story warnings: straight in) */
    assert_string_equal(scene_id(p), "start");
    orl_player_pick(p, 1);
    assert_string_equal(scene_id(p), "river");
    /* the scene's note comes before anything of the scene */
    assert_true(orl_player_note_pending(p));
    const orl_view *v = orl_player_view(p);
    assert_int_equal(v->note, 1);
    assert_null(v->picture);
    assert_null(v->body.text);
    assert_false(v->has_testimony);
    assert_int_equal(count_choices(v), 0);
    assert_string_equal(v->note_words.text, "violencia");
    /* Skip: the scene's text, testimony and fact are hidden; the choices stay */
    orl_player_pick(p, 2);
    assert_false(orl_player_note_pending(p));
    v = orl_player_view(p);
    assert_int_equal(v->note, 0);
    assert_true(v->skipped);
    assert_string_equal(v->body.text, orl_ui_text("es", ORL_UI_SKIPPED));
    assert_false(v->has_testimony);
    assert_false(v->has_fact);
    assert_int_equal(count_choices(v), 1);
    /* back and forward again: asked again */
    orl_player_input_do(p, ORL_INPUT_BACK);
    orl_player_pick(p, 1);
    assert_true(orl_player_note_pending(p));
    orl_player_pick(p, 1); /* Continue */
    /* now the testimony's note, in its place; the choices wait for the answer */
    assert_true(orl_player_note_pending(p));
    v = orl_player_view(p);
    assert_int_equal(v->note, 2);
    assert_non_null(strstr(v->body.text, "La noche"));
    assert_true(v->has_fact);
    assert_string_equal(v->note_words.text, "ahogamiento");
    assert_int_equal(count_choices(v), 0);
    orl_player_pick(p, 1);
    v = orl_player_view(p);
    assert_int_equal(v->note, 0);
    assert_non_null(strstr(v->testimony_text.text, "El agua"));
    assert_int_equal(count_choices(v), 1);
    /* the support button opens the care screen over the story, and Back closes it */
    int k = find_button(v, ORL_BUTTON_SUPPORT);
    assert_true(k >= 0);
    click(p, k);
    v = orl_player_view(p);
    assert_true(v->support_open);
    assert_int_equal(v->nsupport, 1);
    assert_true(find_button(v, ORL_BUTTON_RESUME) >= 0);
    orl_player_input_do(p, ORL_INPUT_BACK);
    v = orl_player_view(p);
    assert_false(v->support_open);
    assert_string_equal(scene_id(p), "river");
    assert_int_equal(count_choices(v), 1);
    orl_player_free(p);
}

static SDL_Event key_event(SDL_Keycode sym, Uint16 mod)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = sym;
    e.key.keysym.mod = mod;
    return e;
}

static void test_sdl_events(void **unused)
{
    (void)unused;
    orl_player *p = open_player();
    orl_input_state is;
    memset(&is, 0, sizeof is);
    SDL_Event e = key_event(SDLK_RETURN, 0); /* Begin */
    assert_int_equal(orl_player__event(p, &is, &e), 1);
    assert_int_equal(orl_player_screen_now(p), ORL_SCREEN_WARNINGS);
    e = key_event(SDLK_SPACE, 0); /* Continue */
    orl_player__event(p, &is, &e);
    assert_string_equal(scene_id(p), "choose");
    /* a finger: coordinates are 0..1 of the canvas (SDL maps them through the letterbox) */
    const orl_view *v = orl_player_view(p);
    int k = -1;
    for (int i = 0; i < v->nbuttons; i++)
        if (v->buttons[i].kind == ORL_BUTTON_HOTSPOT && v->buttons[i].number == 1) k = i;
    assert_true(k >= 0);
    memset(&e, 0, sizeof e);
    e.type = SDL_FINGERDOWN;
    e.tfinger.fingerId = 7;
    e.tfinger.x = v->buttons[k].px / ORL_CANVAS_W;
    e.tfinger.y = v->buttons[k].py / ORL_CANVAS_H;
    orl_player__event(p, &is, &e);
    e.type = SDL_FINGERUP;
    orl_player__event(p, &is, &e);
    assert_string_equal(scene_id(p), "ana-1");
    /* mouse events that SDL made from touches are ignored (the finger already counted) */
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.which = SDL_TOUCH_MOUSEID;
    e.button.button = SDL_BUTTON_LEFT;
    assert_int_equal(orl_player__event(p, &is, &e), 0);
    /* number keys pick; Backspace goes back */
    e = key_event(SDLK_2, 0);
    orl_player__event(p, &is, &e);
    assert_string_equal(scene_id(p), "ana-shelter");
    e = key_event(SDLK_BACKSPACE, 0);
    orl_player__event(p, &is, &e);
    assert_string_equal(scene_id(p), "ana-1");
    /* gamepad: D-pad shows and moves the focus, A activates, B goes back, Start the menu */
    memset(&e, 0, sizeof e);
    e.type = SDL_CONTROLLERBUTTONDOWN;
    e.cbutton.button = SDL_CONTROLLER_BUTTON_DPAD_RIGHT;
    orl_player__event(p, &is, &e);
    orl_player__event(p, &is, &e);
    v = orl_player_view(p);
    assert_true(v->focus_visible);
    assert_int_equal(v->buttons[v->focus].number, 2);
    e.cbutton.button = SDL_CONTROLLER_BUTTON_A;
    orl_player__event(p, &is, &e);
    assert_string_equal(scene_id(p), "ana-shelter");
    e.cbutton.button = SDL_CONTROLLER_BUTTON_B;
    orl_player__event(p, &is, &e);
    assert_string_equal(scene_id(p), "ana-1");
    e.cbutton.button = SDL_CONTROLLER_BUTTON_START;
    orl_player__event(p, &is, &e);
    assert_true(orl_player_menu_open(p));
    /* Esc closes it; in kiosk mode Esc does nothing */
    e = key_event(SDLK_ESCAPE, 0);
    orl_player__event(p, &is, &e);
    assert_false(orl_player_menu_open(p));
    is.kiosk = 1;
    assert_int_equal(orl_player__event(p, &is, &e), 0);
    assert_false(orl_player_menu_open(p));
    /* Shift+Tab goes backwards */
    e = key_event(SDLK_TAB, KMOD_LSHIFT);
    orl_player__event(p, &is, &e);
    orl_player__event(p, &is, &e);
    v = orl_player_view(p);
    /* from the first choice backwards: wrapped round to the corner buttons */
    assert_true(v->buttons[v->focus].kind == ORL_BUTTON_MENU || v->buttons[v->focus].kind == ORL_BUTTON_BACK ||
                v->buttons[v->focus].kind == ORL_BUTTON_SUPPORT);
    orl_player_free(p);
}

static void test_panorama_keys(void **unused)
{
    (void)unused;
    orl_player *p = open_player();
    orl_player_goto_scene(p, orl_story_find_scene(orl_player_story(p), "camp"));
    orl_input_state is;
    memset(&is, 0, sizeof is);
    float yaw = orl_player_view(p)->look.yaw;
    SDL_Event e = key_event(SDLK_RIGHT, 0);
    assert_int_equal(orl_player__event(p, &is, &e), 1);
    assert_true(orl_player_view(p)->look.yaw > yaw);
    /* looking up stops short of the pole */
    e = key_event(SDLK_UP, 0);
    for (int i = 0; i < 100; i++) orl_player__event(p, &is, &e);
    assert_true(orl_player_view(p)->look.pitch < 90.0f);
    orl_player_free(p);
}

/* A long scene with a fact card keeps its few choices in sight: they are pinned at the
 * panel's bottom, below the scrolling text, and stay there while the text scrolls. (The
 * flagship story's scenes fit at the default text size; at the largest one, this one
 * scrolls.) */
static void test_choices_stay_in_sight(void **unused)
{
    (void)unused;
    orl_player *p = open_player_in(ORL_SOURCE_DIR "/stories/tres-caminos", NULL, ORL_DEPLOY_WORKSHOP);
    assert_int_equal(orl_player_set_text_size(p, ORL_PLAYER_TEXT_SIZES - 1), 0);
    orl_player_goto_scene(p, orl_story_find_scene(orl_player_story(p), "andres-lavadero"));
    const orl_view *v = orl_player_view(p);
    assert_true(v->scroll_max > 0);
    int n = 0, y = -1;
    for (int i = 0; i < v->nbuttons; i++) {
        const orl_view_button *b = &v->buttons[i];
        if (b->kind != ORL_BUTTON_CHOICE) continue;
        n++;
        y = b->rect.y;
        assert_false(b->in_panel);
        assert_true(b->rect.y >= v->clip.y + v->clip.h);
        assert_true(b->rect.y + b->rect.h <= v->panel.y + v->panel.h);
    }
    assert_true(n > 0);
    assert_int_equal(orl_player_scroll(p, 10000), 1);
    v = orl_player_view(p);
    assert_int_equal(v->scroll, v->scroll_max);
    for (int i = 0; i < v->nbuttons; i++)
        if (v->buttons[i].kind == ORL_BUTTON_CHOICE) assert_int_equal(v->buttons[i].rect.y, y);
    orl_player_free(p);
}

/* The flagship story is written to be read without scrolling at the default text size, in
 * each of its languages: every scene entered afresh, its testimony's content note and the
 * testimony after it, and every scene one choice further (texts that depend on the scene
 * before). */
static void assert_fits(orl_player *p, const char *lang, const char *what)
{
    const orl_view *v = orl_player_view(p);
    if (v->scroll_max > 0)
        fail_msg("tres-caminos (%s): scene \"%s\"%s needs %d px of scrolling", lang ? lang : "es", scene_id(p),
                 what, v->scroll_max);
}

static void settle_notes(orl_player *p, const char *lang)
{
    for (int k = 0; k < 3; k++) {
        const orl_view *v = orl_player_view(p);
        if (v->note == 2) assert_fits(p, lang, " (content note)");
        if (!v->note) return;
        click(p, find_button(v, ORL_BUTTON_NOTE_CONTINUE));
    }
}

static void test_flagship_fits_unscrolled(void **unused)
{
    (void)unused;
    const char *langs[] = {NULL, "en", "fr", "ar"};
    for (int l = 0; l < 4; l++) {
        orl_player *p = open_player_in(ORL_SOURCE_DIR "/stories/tres-caminos", langs[l], ORL_DEPLOY_WORKSHOP);
        orl_story *st = orl_player_story(p);
        for (int sc = 0; sc < st->nscenes; sc++) {
            orl_player_goto_scene(p, sc);
            settle_notes(p, langs[l]);
            assert_fits(p, langs[l], "");
            int n = count_choices(orl_player_view(p));
            for (int c = 1; c <= n; c++) {
                orl_player_goto_scene(p, sc);
                settle_notes(p, langs[l]);
                if (!orl_player_pick(p, c)) continue;
                settle_notes(p, langs[l]);
                if (orl_player_screen_now(p) == ORL_SCREEN_SCENE) assert_fits(p, langs[l], " (one choice on)");
            }
        }
        orl_player_free(p);
    }
}

static void test_long_scene_scrolls(void **unused)
{
    (void)unused;
    orl_player *p = open_player_in(ORL_TEST_DATA "/player-hostile", NULL, ORL_DEPLOY_WORKSHOP);
    orl_player_goto_scene(p, orl_story_find_scene(orl_player_story(p), "big"));
    const orl_view *v = orl_player_view(p);
    assert_true(v->scroll_max > 0);
    assert_int_equal(v->scroll, 0);
    assert_true(v->body.size >= 34); /* readable: it scrolls rather than shrinking */
    assert_true(v->panel.y >= 0 && v->panel.y + v->panel.h <= ORL_CANVAS_H);
    int y0 = v->body.y;
    assert_int_equal(orl_player_scroll(p, 300), 1);
    v = orl_player_view(p);
    assert_int_equal(v->scroll, 300);
    assert_int_equal(v->body.y, y0 - 300);
    assert_int_equal(orl_player_scroll(p, -1000), 1);
    assert_int_equal(orl_player_view(p)->scroll, 0);
    assert_int_equal(orl_player_scroll(p, -10), 0);
    /* the wheel scrolls too */
    orl_input_state is;
    memset(&is, 0, sizeof is);
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEWHEEL;
    e.wheel.y = -3;
    assert_int_equal(orl_player__event(p, &is, &e), 1);
    assert_true(orl_player_view(p)->scroll > 0);
    /* a choice scrolled out of sight cannot be tapped where it would be */
    v = orl_player_view(p);
    int last = -1;
    for (int i = 0; i < v->nbuttons; i++)
        if (v->buttons[i].kind == ORL_BUTTON_CHOICE) last = i;
    assert_true(last >= 0);
    assert_true(v->buttons[last].rect.y > v->clip.y + v->clip.h);
    /* moving the focus to it scrolls it into view */
    orl_player_show_focus(p, 1);
    orl_player_input_do(p, ORL_INPUT_PREV);
    while (orl_player_view(p)->buttons[orl_player_view(p)->focus].kind != ORL_BUTTON_CHOICE)
        orl_player_input_do(p, ORL_INPUT_PREV);
    v = orl_player_view(p);
    const orl_rect *r = &v->buttons[v->focus].rect;
    assert_true(r->y >= v->clip.y && r->y + r->h <= v->clip.y + v->clip.h);
    /* a drag in the panel scrolls and does not press what it started on */
    int before = v->scroll;
    orl_player_pointer(p, ORL_POINTER_DOWN, r->x + 20, r->y + 20);
    orl_player_pointer(p, ORL_POINTER_MOVE, r->x + 20, r->y + 120);
    orl_player_pointer(p, ORL_POINTER_UP, r->x + 20, r->y + 120);
    assert_int_equal(orl_player_view(p)->scroll, before - 100);
    assert_string_equal(scene_id(p), "big");
    /* and a number key still picks */
    assert_int_equal(orl_player_pick(p, 40), 1);
    assert_string_equal(scene_id(p), "end");
    orl_player_free(p);
}

/* Thousands of random inputs (keys, taps, drags, settings, languages): never a crash, the
 * view always on the canvas, the focus always on a button. Run under ASan/UBSan too. */
static void test_random_inputs(void **unused)
{
    (void)unused;
    static const char *const stories[] = {STORY, ORL_TEST_DATA "/player-care", ORL_TEST_DATA "/player-hostile"};
    unsigned long long rng = 12345;
    for (size_t k = 0; k < sizeof stories / sizeof *stories; k++) {
        orl_player *p = open_player_in(stories[k], NULL, ORL_DEPLOY_WORKSHOP);
        int steps = k == 2 ? 300 : 1500; /* the hostile story lays out 48 KB of text each time */
        for (int step = 0; step < steps; step++) {
            rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
            unsigned r = (unsigned)(rng >> 33);
            switch (r % 9) {
            case 0: orl_player_input_do(p, (orl_player_input)(r / 9 % 9)); break;
            case 1: orl_player_pick(p, 1 + (int)(r / 9 % 5)); break;
            case 2:
            case 3: {
                float x = (float)(r / 9 % 2000) - 40, y = (float)(r / 17 % 1160) - 40;
                orl_player_pointer(p, ORL_POINTER_DOWN, x, y);
                if (r & 1) orl_player_pointer(p, ORL_POINTER_MOVE, x + 30, y - 40);
                orl_player_pointer(p, ORL_POINTER_UP, x + (r & 1 ? 30 : 0), y);
                break;
            }
            case 4: orl_player_scroll(p, (float)(r / 9 % 800) - 400); break;
            case 5: orl_player_look(p, (float)(r / 9 % 90) - 45, (float)(r / 11 % 60) - 30); break;
            case 6: orl_player_tick(p, (double)(r / 9 % 100) / 100.0); break;
            case 7: orl_player_set_text_size(p, (int)(r / 9 % 5) - 1); break;
            case 8:
                if (r / 9 % 20 == 0) orl_player_set_lang(p, (r & 2) ? "en" : "es");
                else if (r / 9 % 20 == 1) orl_player_set_support(p, 1);
                else orl_player_show_focus(p, (int)(r & 1));
                break;
            }
            const orl_view *v = orl_player_view(p);
            assert_true(v->focus >= -1 && v->focus < v->nbuttons);
            for (int i = 0; i < v->nbuttons; i++) {
                assert_true(v->buttons[i].rect.w >= 0 && v->buttons[i].rect.h >= 0);
                if (!v->buttons[i].in_panel) {
                    assert_true(v->buttons[i].rect.x >= -100 && v->buttons[i].rect.x < ORL_CANVAS_W + 100);
                }
            }
            if (orl_player_quit_requested(p)) break;
        }
        orl_player_free(p);
    }
}

/* High contrast and reduce motion: toggles in the settings, seen in the view model, kept
 * across a language switch. */
static void test_accessibility_settings(void **unused)
{
    (void)unused;
    orl_player *p = open_player();
    orl_story *st = orl_player_story(p);
    assert_int_equal(orl_player_high_contrast(p), 0);
    assert_int_equal(orl_player_reduce_motion(p), 0);
    orl_player_goto_scene(p, orl_story_find_scene(st, "choose"));
    const orl_view *v = orl_player_view(p);
    assert_int_equal(v->panel_alpha, 204);
    assert_int_equal(v->transition_kind, ORL_TRANSITION_CROSSFADE);
    /* off: a choice crossfades, and time runs for the camera */
    orl_player_pick(p, 1);
    v = orl_player_view(p);
    assert_true(v->transition < 1.0f);
    assert_non_null(v->from_picture);
    orl_player_tick(p, 1.0);
    v = orl_player_view(p);
    assert_true(v->picture_time > 0.2); /* one tick moves at most 0.25 s */

    /* both on, from the settings */
    orl_player_set_menu(p, 1);
    v = orl_player_view(p);
    int hc = find_button(v, ORL_BUTTON_HIGH_CONTRAST), rm = find_button(v, ORL_BUTTON_REDUCE_MOTION);
    assert_true(hc >= 0 && rm >= 0);
    assert_false(v->buttons[hc].selected);
    assert_string_equal(v->buttons[hc].label, orl_ui_text("es", ORL_UI_HIGH_CONTRAST));
    click(p, hc);
    click(p, find_button(orl_player_view(p), ORL_BUTTON_REDUCE_MOTION));
    assert_int_equal(orl_player_high_contrast(p), 1);
    assert_int_equal(orl_player_reduce_motion(p), 1);
    v = orl_player_view(p);
    assert_true(v->buttons[find_button(v, ORL_BUTTON_HIGH_CONTRAST)].selected);
    assert_true(v->buttons[find_button(v, ORL_BUTTON_REDUCE_MOTION)].selected);
    assert_int_equal(v->focus, find_button(v, ORL_BUTTON_REDUCE_MOTION)); /* focus stays on the toggle */
    orl_player_set_menu(p, 0);
    v = orl_player_view(p);
    assert_int_equal(v->high_contrast, 1);
    assert_int_equal(v->reduce_motion, 1);
    assert_int_equal(v->panel_alpha, 255);
    assert_int_equal(v->transition_kind, ORL_TRANSITION_CUT);
    assert_true(v->picture_time == 0.0); /* layered scenes as composed */

    /* a new scene cuts in; time does not move the camera */
    orl_player_goto_scene(p, orl_story_find_scene(st, "choose"));
    orl_player_pick(p, 1);
    v = orl_player_view(p);
    assert_true(v->transition >= 1.0f);
    assert_null(v->from_picture);
    orl_player_tick(p, 2.0);
    v = orl_player_view(p);
    assert_true(v->picture_time == 0.0);

    /* kept across a language switch */
    assert_int_equal(orl_player_set_lang(p, "en"), 0);
    assert_int_equal(orl_player_high_contrast(p), 1);
    assert_int_equal(orl_player_reduce_motion(p), 1);
    v = orl_player_view(p);
    assert_int_equal(v->panel_alpha, 255);
    orl_player_set_menu(p, 1);
    v = orl_player_view(p);
    assert_string_equal(v->buttons[find_button(v, ORL_BUTTON_REDUCE_MOTION)].label, "Reduce motion");

    /* and off again */
    orl_player_set_high_contrast(p, 0);
    orl_player_set_reduce_motion(p, 0);
    orl_player_set_menu(p, 0);
    v = orl_player_view(p);
    assert_int_equal(v->panel_alpha, 204);
    assert_int_equal(v->transition_kind, ORL_TRANSITION_CROSSFADE);

    /* the panorama's look: only for a panorama */
    assert_int_equal(orl_player_set_look(p, 10, 0, 0), -1);
    orl_player_goto_scene(p, orl_story_find_scene(orl_player_story(p), "camp"));
    assert_int_equal(orl_player_set_look(p, 200, -89, 60), 0);
    v = orl_player_view(p);
    assert_true(v->look.yaw > -161.0f && v->look.yaw < -159.0f); /* wrapped */
    assert_true(v->look.pitch > -89.0f);                          /* limited */
    assert_true(v->look.fov == 60.0f);
    orl_player_free(p);
}

/* ------------------------------------------------------------------------------------- */
/* Headless renders */

static void render_check_at(orl_player *p, const char *name, int w, int h);
static void render_check(orl_player *p, const char *name) { render_check_at(p, name, 960, 540); }

/* Rendered at w x h: a portrait surface gets the portrait layout (the player reads the
 * renderer's output size). */
static void render_check_at(orl_player *p, const char *name, int w, int h)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(s);
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(s);
    assert_non_null(r);
    SDL_RenderSetLogicalSize(r, ORL_CANVAS_W, ORL_CANVAS_H);
    orl_player_gfx *g = orl_player_gfx_create(r, 1);
    assert_non_null(g);
    orl_player_tick(p, 1.0); /* past the transition */
    orl_player_draw(p, g);
    SDL_RenderPresent(r);
    SDL_Surface *rgb = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_RGB24, 0);
    static char msg[8192];
    int rc = orl_golden_check(rgb, name, 40, 0.004, msg, sizeof msg);
    if (rc != 0) fprintf(stderr, "%s\n", msg);
    assert_int_equal(rc, 0);
    SDL_FreeSurface(rgb);
    orl_player_gfx_free(g);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(s);
}

/* A language change while the drawing's thread decodes the next scenes' pictures ahead: the
 * old story (and its files, which that thread reads) lives until the drawing has moved to the
 * new one (under ASan, freeing it at once was a use after free). Several changes between
 * two frames too. */
static void test_lang_switch_while_decoding(void **unused)
{
    (void)unused;
    orl_player *p = open_player();
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 320, 180, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(s);
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(s);
    assert_non_null(r);
    SDL_RenderSetLogicalSize(r, ORL_CANVAS_W, ORL_CANVAS_H);
    orl_player_gfx *g = orl_player_gfx_create(r, 1);
    assert_non_null(g);
    for (int i = 0; i < 12; i++) {
        orl_story *st = orl_player_story(p);
        orl_player_goto_scene(p, orl_story_find_scene(st, i % 2 ? "ana-1" : "choose"));
        orl_player_draw(p, g); /* the pictures of the choices' targets start decoding */
        assert_int_equal(orl_player_set_lang(p, i % 2 ? "es" : "en"), 0);
        if (i % 3 == 0) assert_int_equal(orl_player_set_lang(p, i % 2 ? "en" : "es"), 0); /* no frame between */
        orl_player_draw(p, g);
    }
    orl_player_gfx_free(g); /* the drawing first: its thread reads the story's files */
    orl_player_free(p);     /* with the stories still waiting for the drawing */
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(s);
}

static void test_golden_screens(void **unused)
{
    (void)unused;
    orl_player *p = open_player();
    orl_story *st = orl_player_story(p);
    render_check(p, "player_title");
    /* the story's content note, before anything of it: Continue, or another story */
    assert_int_equal(orl_player_goto_screen(p, ORL_SCREEN_WARNINGS), 0);
    render_check(p, "player_warnings");
    orl_player_goto_scene(p, orl_story_find_scene(st, "ana-1"));
    render_check(p, "player_scene");
    orl_player_goto_scene(p, orl_story_find_scene(st, "choose"));
    render_check(p, "player_hotspots");
    orl_player_goto_scene(p, orl_story_find_scene(st, "luis-1"));
    orl_player_input_do(p, ORL_INPUT_DOWN); /* the focus ring */
    render_check(p, "player_consent_focus");
    orl_player_set_menu(p, 1);
    /* reading aloud as a computer without espeak-ng shows it (muted, "not available"): the
     * same picture whether this build has it or not */
    p->voice_failed = 1;
    render_check(p, "player_settings");
    orl_player_free(p);
    p = open_player_in(STORY, "ar", ORL_DEPLOY_WORKSHOP);
    orl_player_goto_scene(p, orl_story_find_scene(orl_player_story(p), "ana-1"));
    render_check(p, "player_scene_ar");
    orl_player_free(p);
    /* a recreated testimony is named so, in Spanish and Arabic (issue 19) */
    p = open_player_in(ORL_TEST_DATA "/kinds-story", NULL, ORL_DEPLOY_WORKSHOP);
    orl_player_goto_scene(p, orl_story_find_scene(orl_player_story(p), "inicio"));
    assert_string_equal(orl_player_view(p)->testimony_by.text, "Testimonio de Marta (recreado a partir de relatos reales)");
    render_check(p, "player_recreated_es");
    orl_player_free(p);
    p = open_player_in(ORL_TEST_DATA "/kinds-story", "ar", ORL_DEPLOY_WORKSHOP);
    orl_player_goto_scene(p, orl_story_find_scene(orl_player_story(p), "inicio"));
    render_check(p, "player_recreated_ar");
    orl_player_free(p);
    /* high contrast: the scene with testimony, fact and the focus ring */
    p = open_player();
    orl_player_set_high_contrast(p, 1);
    orl_player_goto_scene(p, orl_story_find_scene(orl_player_story(p), "ana-1"));
    orl_player_input_do(p, ORL_INPUT_DOWN);
    render_check(p, "player_high_contrast");
    orl_player_free(p);
    /* a scene's content note, asked before the scene: Continue or Skip this part */
    p = open_player_in(ORL_TEST_DATA "/player-care", NULL, ORL_DEPLOY_WORKSHOP);
    orl_player_goto_scene(p, orl_story_find_scene(orl_player_story(p), "river"));
    assert_true(orl_player_note_pending(p));
    render_check(p, "player_scene_note");
    orl_player_free(p);
}

/* Issue #16's screens (tres-caminos): the support screen taller than the screen (es, ar:
 * Continue at the bottom, the bar and the "more below" mark), a panorama's edge markers and
 * hint, French at the largest text size (the fact card in the scrolling panel), and Arabic
 * on a portrait kiosk and a phone (the picture cropped above, the panel below). */
static void test_golden_issue16(void **unused)
{
    (void)unused;
    const char *flag = ORL_SOURCE_DIR "/stories/tres-caminos";
    orl_player *p = open_player_in(flag, NULL, ORL_DEPLOY_WORKSHOP);
    assert_int_equal(orl_player_goto_screen(p, ORL_SCREEN_CARE), 0);
    const orl_view *v = orl_player_view(p);
    assert_true(v->scroll_max > 0); /* taller than the screen: it scrolls */
    int cont = -1;
    for (int i = 0; i < v->nbuttons; i++)
        if (v->buttons[i].kind == ORL_BUTTON_CONTINUE) cont = i;
    assert_true(cont >= 0);
    float x, y;
    assert_int_equal(orl_view_touch_point(v, cont, &x, &y, NULL), ORL_TOUCH_OK); /* on screen */
    render_check(p, "player_support_es");
    orl_player_free(p);
    p = open_player_in(flag, "ar", ORL_DEPLOY_WORKSHOP);
    assert_int_equal(orl_player_goto_screen(p, ORL_SCREEN_CARE), 0);
    render_check(p, "player_support_ar");
    orl_player_goto_scene(p, orl_story_find_scene(orl_player_story(p), "inicio"));
    render_check_at(p, "player_ar_portrait", 540, 960);
    render_check_at(p, "player_ar_phone", 390, 844);
    orl_player_free(p);
    p = open_player_in(flag, NULL, ORL_DEPLOY_WORKSHOP);
    orl_player_goto_scene(p, orl_story_find_scene(orl_player_story(p), "andres-mercado"));
    v = orl_player_view(p);
    assert_true(v->nmarkers >= 1); /* hotspots out of view have their edge markers */
    assert_non_null(v->hint.text);
    render_check(p, "player_panorama_markers");
    orl_player_free(p);
    p = open_player_in(flag, "fr", ORL_DEPLOY_WORKSHOP);
    assert_int_equal(orl_player_set_text_size(p, ORL_PLAYER_TEXT_SIZES - 1), 0);
    orl_player_goto_scene(p, orl_story_find_scene(orl_player_story(p), "andres-asociacion"));
    render_check(p, "player_fr_size4");
    orl_player_free(p);
}

/* One hit-testing rule: a button is touched only where it is on screen and on top. */
static void test_touch_rule(void **unused)
{
    (void)unused;
    orl_view v;
    memset(&v, 0, sizeof v);
    v.canvas_w = ORL_CANVAS_W;
    v.canvas_h = ORL_CANVAS_H;
    v.nbuttons = 4;
    v.buttons[0] = (orl_view_button){.kind = ORL_BUTTON_CHOICE, .rect = {100, 100, 200, 88}};
    v.buttons[1] = (orl_view_button){.kind = ORL_BUTTON_MENU, .rect = {80, 80, 300, 140}}; /* on top of 0 */
    v.buttons[2] = (orl_view_button){.kind = ORL_BUTTON_CONTINUE, .rect = {800, 1200, 300, 100}}; /* below */
    v.buttons[3] = (orl_view_button){.kind = ORL_BUTTON_CHOICE, .rect = {1800, 500, 300, 100}}; /* half off */
    float x, y;
    int by = -1;
    assert_int_equal(orl_view_touch_point(&v, 0, &x, &y, &by), ORL_TOUCH_COVERED);
    assert_int_equal(by, 1);
    assert_int_equal(orl_view_touch_point(&v, 2, &x, &y, &by), ORL_TOUCH_OFF_SCREEN);
    assert_int_equal(orl_view_touch_point(&v, 3, &x, &y, &by), ORL_TOUCH_OK);
    assert_true(x < ORL_CANVAS_W);
    assert_int_equal(orl_view_hit(&v, x, y), 3);
    assert_int_equal(orl_view_hit(&v, -5, 300), -1);   /* off the screen: nothing */
    assert_int_equal(orl_view_hit(&v, 1950, 520), -1);
    v.buttons[1].rect = (orl_rect){80, 80, 100, 140}; /* now it covers part of 0 only */
    assert_int_equal(orl_view_touch_point(&v, 0, &x, &y, &by), ORL_TOUCH_OK);
    assert_int_equal(orl_view_hit(&v, x, y), 0);
    v.buttons[0].hidden = 1;
    assert_int_equal(orl_view_touch_point(&v, 0, &x, &y, &by), ORL_TOUCH_HIDDEN);
    /* a panel that scrolls: a button out of its clip is scrolled away */
    v.buttons[2] = (orl_view_button){.kind = ORL_BUTTON_CHOICE, .rect = {800, 1200, 300, 100}, .in_panel = 1};
    v.scroll_max = 500;
    v.clip = (orl_rect){72, 160, 1776, 800};
    assert_int_equal(orl_view_touch_point(&v, 2, &x, &y, &by), ORL_TOUCH_SCROLLED_AWAY);
}

/* ------------------------------------------------------------------------------------- */
/* Testimony audio and captions (player/sound.c), with a WAV and a .vtt made here */

static char audio_dir[512];

static void put_file(const char *name, const void *data, size_t len)
{
    char path[700];
    snprintf(path, sizeof path, "%s/%s", audio_dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
}

static void le(unsigned char *p, uint32_t v, int n)
{
    for (int i = 0; i < n; i++) p[i] = (unsigned char)(v >> (8 * i));
}

/* seconds of silence: 8 kHz, 16-bit, mono */
static void put_silent_wav(const char *name, int seconds)
{
    uint32_t rate = 8000, bytes = rate * 2 * (uint32_t)seconds;
    unsigned char *b = calloc(1, 44 + bytes);
    assert_non_null(b);
    memcpy(b, "RIFF", 4); le(b + 4, 36 + bytes, 4); memcpy(b + 8, "WAVEfmt ", 8);
    le(b + 16, 16, 4); le(b + 20, 1, 2); le(b + 22, 1, 2); le(b + 24, rate, 4); le(b + 28, rate * 2, 4);
    le(b + 32, 2, 2); le(b + 34, 16, 2); memcpy(b + 36, "data", 4); le(b + 40, bytes, 4);
    put_file(name, b, 44 + bytes);
    free(b);
}

static const char audio_story[] =
    "story { id = \"audio-test\", version = \"1.0.0\", title = \"Voces\", language = \"es\",\n"
    "  translations = { \"en\" }, start = \"a\" }\n"
    "narrator \"ana\" { name = \"Ana\" }\n"
    "testimony \"ana-voz\" { narrator = \"ana\", text = \"Crucé el puente.\", audio = \"audio/ana.wav\",\n"
    "  captions = \"captions/ana.vtt\",\n"
    "  consent = { recorded = \"2025-01-01\", scope = { \"workshop\", \"kiosk\" }, expires = \"2099-01-01\" } }\n"
    "testimony \"luis-voz\" { narrator = \"ana\", text = \"El río.\", audio = \"audio/ana.wav\",\n"
    "  captions = \"captions/ana.vtt\",\n"
    "  consent = { recorded = \"2025-01-01\", scope = { \"online\" }, expires = \"2099-01-01\" } }\n"
    "scene \"a\" { text = \"El puente.\", testimony = \"ana-voz\", choices = { { text = \"Seguir\", go = \"b\" } } }\n"
    "scene \"b\" { text = \"El río.\", testimony = \"luis-voz\", choices = { { text = \"Fin\", go = \"c\" } } }\n"
    "scene \"c\" { text = \"Fin.\", ending = true }\n";

static const char audio_vtt[] = "WEBVTT\n\n"
                                "00:00.000 --> 00:01.000\nPrimera línea del puente\n\n"
                                "00:01.000 --> 00:02.500\nSegunda línea, ya del otro lado\n";

static orl_player *open_audio_player(void)
{
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    const char *tmp = getenv("TMPDIR");
    snprintf(audio_dir, sizeof audio_dir, "%s/orl-test-player-audio-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    assert_non_null(mkdtemp(audio_dir));
    char sub[600];
    snprintf(sub, sizeof sub, "%s/audio", audio_dir);
    mkdir(sub, 0755);
    snprintf(sub, sizeof sub, "%s/captions", audio_dir);
    mkdir(sub, 0755);
    snprintf(sub, sizeof sub, "%s/locale", audio_dir);
    mkdir(sub, 0755);
    static const char po[] = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\"Language: en\\n\"\n\n"
                             "msgid \"El puente.\"\nmsgstr \"The bridge.\"\n";
    put_file("locale/en.po", po, strlen(po));
    static const char vtt_en[] = "WEBVTT\n\n00:00.000 --> 00:01.000\nThe first line, in English\n";
    put_file("captions/ana.en.vtt", vtt_en, strlen(vtt_en));
    put_file("story.lua", audio_story, strlen(audio_story));
    put_file("captions/ana.vtt", audio_vtt, strlen(audio_vtt));
    put_silent_wav("audio/ana.wav", 3);
    orl_diags d = {0};
    orl_load_opts lo = {0};
    orl_story *st = orl_story_load(audio_dir, &lo, &d);
    if (!st || d.errors) orl_diags_print(&d, stderr);
    assert_non_null(st);
    orl_diags_free(&d);
    orl_player_desc pd = {0};
    pd.story = st;
    pd.path = audio_dir;
    pd.consent.deployment = ORL_DEPLOY_WORKSHOP;
    pd.caption_clock = 1; /* captions at the scene's time: the same caption every run */
    orl_player *p = orl_player_create(&pd, &d);
    assert_non_null(p);
    orl_diags_free(&d);
    return p;
}

static void remove_audio_dir(void)
{
    static const char *const files[] = {"story.lua", "captions/ana.vtt", "captions/ana.en.vtt", "audio/ana.wav",
                                        "locale/en.po", "captions", "audio", "locale", ""};
    for (int i = 0; i < 9; i++) {
        char path[700];
        snprintf(path, sizeof path, "%s/%s", audio_dir, files[i]);
        if (remove(path) != 0 && i == 8) rmdir(audio_dir);
    }
}

static void tick_to(orl_player *p, double t)
{
    while (p->scene_time + 1e-9 < t) orl_player_tick(p, t - p->scene_time > 0.25 ? 0.25 : t - p->scene_time);
}

static void test_testimony_audio_and_captions(void **unused)
{
    (void)unused;
    orl_player *p = open_audio_player();
    orl_story *st = orl_player_story(p);
    const orl_view *v = orl_player_view(p);
    assert_int_equal(orl_player_audio_active(p), 0); /* title: nothing plays */
    assert_true(orl_player_captions(p));
    orl_player_goto_scene(p, orl_story_find_scene(st, "a"));
    v = orl_player_view(p);
    assert_non_null(orl_player_audio(p));
    assert_int_equal(orl_player_audio_active(p), 1);
    assert_true(v->has_caption);
    assert_string_equal(v->caption.text, "Primera línea del puente");
    assert_true(v->caption.size >= 32);
    assert_true(v->caption_box.y + v->caption_box.h <= v->panel.y);
    tick_to(p, 1.5);
    v = orl_player_view(p);
    assert_string_equal(v->caption.text, "Segunda línea, ya del otro lado");
    tick_to(p, 2.6); /* between and after cues: no strip */
    v = orl_player_view(p);
    assert_false(v->has_caption);

    /* the settings pause it; closing them resumes */
    orl_player_set_menu(p, 1);
    v = orl_player_view(p);
    assert_int_equal(orl_audio_paused(orl_player_audio(p)), 1);
    assert_false(v->has_caption);
    int vb = find_button(v, ORL_BUTTON_VOLUME);
    assert_true(vb >= 0);
    assert_non_null(v->menu_volume_label.text);
    click(p, vb + 2); /* 50 % */
    assert_true(orl_player_volume(p) > 0.49f && orl_player_volume(p) < 0.51f);
    assert_true(orl_audio_volume(orl_player_audio(p)) > 0.49f);
    orl_player_set_menu(p, 0);
    v = orl_player_view(p);
    assert_int_equal(orl_audio_paused(orl_player_audio(p)), 0);
    assert_int_equal(orl_player_audio_active(p), 1);

    /* a choice leaves the scene: it stops; the next testimony is not allowed here */
    assert_int_equal(orl_player_pick(p, 1), 1);
    v = orl_player_view(p);
    assert_string_equal(scene_id(p), "b");
    assert_int_equal(orl_audio_active(orl_player_audio(p)), 0);
    assert_int_equal(orl_player_audio_active(p), 0);
    assert_false(v->has_caption);
    const orl_testimony *luis = &st->testimonies[orl_story_find_testimony(st, "luis-voz")];
    orl_consent_ctx c = {0};
    c.deployment = ORL_DEPLOY_WORKSHOP;
    assert_int_equal(orl_audio_play_testimony(orl_player_audio(p), st->fs, st, luis, &c, NULL), ORL_AUDIO_REFUSED);
    assert_int_equal(orl_audio_active(orl_player_audio(p)), 0);

    /* Back: the first scene again, the testimony from the start */
    assert_int_equal(orl_player_input_do(p, ORL_INPUT_BACK), 1);
    v = orl_player_view(p);
    assert_string_equal(scene_id(p), "a");
    assert_int_equal(orl_player_audio_active(p), 1);
    /* captions off: no strip, the audio goes on */
    orl_player_set_captions(p, 0);
    v = orl_player_view(p);
    assert_false(v->has_caption);
    orl_player_set_captions(p, 1);
    /* another language from the settings: stopped, then again with that language's captions */
    orl_player_set_menu(p, 1);
    assert_int_equal(orl_player_set_lang(p, "en"), 0);
    v = orl_player_view(p);
    assert_int_equal(orl_player_audio_active(p), 0);
    orl_player_set_menu(p, 0);
    p->scene_time = 0.5;
    v = orl_player_view(p);
    assert_int_equal(orl_player_audio_active(p), 1);
    assert_true(v->has_caption);
    assert_string_equal(v->caption.text, "The first line, in English");
    assert_int_equal(orl_player_set_lang(p, "es"), 0);
    st = orl_player_story(p);
    /* back to the beginning: it stops */
    orl_player_restart(p);
    v = orl_player_view(p);
    assert_int_equal(orl_player_audio_active(p), 0);

    /* the caption strip, drawn (render_check ticks once: t = 0.25, the first cue) */
    orl_player_goto_scene(p, orl_story_find_scene(st, "a"));
    render_check(p, "player_caption");
    orl_player_free(p);

    /* `orilla shot --scene a --time 1.5`: the runner's path, the second cue in its strip */
    char png[700];
    snprintf(png, sizeof png, "%s/shot.png", audio_dir);
    orl_play_opts o = {0};
    o.path = audio_dir;
    o.scene = "a";
    o.screen = -1;
    o.time = 1.5;
    o.width = 960;
    o.height = 540;
    o.screenshot = png;
    assert_int_equal(orl_play_shot(&o), 0);
    SDL_Surface *shot = IMG_Load(png);
    assert_non_null(shot);
    static char msg[8192];
    int rc = orl_golden_check(shot, "shot_caption", 40, 0.004, msg, sizeof msg);
    if (rc != 0) fprintf(stderr, "%s\n", msg);
    assert_int_equal(rc, 0);
    SDL_FreeSurface(shot);
    remove(png);

    /* a broken audio file: a warning, never an error; the captions still show */
    put_file("audio/ana.wav", "not a sound", 11);
    orl_diags d = {0};
    orl_load_opts lo = {0};
    orl_player_desc pd = {0};
    pd.story = orl_story_load(audio_dir, &lo, &d);
    assert_non_null(pd.story);
    pd.path = audio_dir;
    pd.caption_clock = 1;
    p = orl_player_create(&pd, &d);
    assert_non_null(p);
    orl_diags_free(&d);
    orl_player_goto_scene(p, orl_story_find_scene(orl_player_story(p), "a"));
    p->scene_time = 0.5;
    v = orl_player_view(p);
    assert_int_equal(orl_player_audio_active(p), 0);
    assert_true(v->has_caption);
    assert_string_equal(v->caption.text, "Primera línea del puente");
    assert_int_equal(orl_player_diags(p)->errors, 0);
    assert_true(orl_player_diags(p)->warnings >= 1);
    orl_player_free(p);
    remove_audio_dir();
}

/* ------------------------------------------------------------------------------------- */
/* Self-voicing (player/speak.c): what reaches the synthesizer is recorded by the hook */

typedef struct said_log {
    char text[32768];
    int calls;
} said_log;

static said_log said;

static void on_said(void *ud, const char *lang, const char *text)
{
    said_log *h = ud;
    h->calls++;
    size_t len = strlen(h->text);
    snprintf(h->text + len, sizeof h->text - len, "[%s] %s\n", lang, text);
}

/* Lets the voice synthesize what the screen now shown handed it. */
static void voice_settle(orl_player *p)
{
    orl_player_view(p);
    if (orl_player_speaker(p)) assert_int_equal(orl_voice_wait_idle(orl_player_speaker(p), 60000), 0);
}

/* A player of the story at path for the voice tests: device 0 means read, not heard (what
 * is sent to the synthesizer is what is checked); voice: on from the start. */
static orl_player *voice_player_at(const char *path, orl_deployment dep, const orl_withdrawn *wl, int device,
                                   int voice)
{
    orl_diags d = {0};
    orl_load_opts lo = {0};
    orl_story *st = orl_story_load(path, &lo, &d);
    assert_non_null(st);
    orl_diags_free(&d);
    orl_player_desc pd = {0};
    pd.story = st;
    pd.path = path;
    pd.consent.deployment = dep;
    pd.consent.withdrawn = wl;
    pd.no_audio_device = !device;
    pd.voice = voice;
    orl_player *p = orl_player_create(&pd, &d);
    assert_non_null(p);
    orl_diags_free(&d);
    return p;
}

static orl_player *open_voice_player(orl_deployment dep, const orl_withdrawn *wl)
{
    return voice_player_at(STORY, dep, wl, 0, 0);
}

static void test_self_voicing(void **unused)
{
    (void)unused;
    memset(&said, 0, sizeof said);
    orl_voice_set_hook(on_said, &said);
    orl_player *p = open_voice_player(ORL_DEPLOY_WORKSHOP, NULL);
    orl_story *st = orl_player_story(p);
    /* off by default: nothing is read */
    assert_int_equal(orl_player_voice(p), 0);
    orl_player_goto_scene(p, orl_story_find_scene(st, "ana-1"));
    voice_settle(p);
    assert_int_equal(said.calls, 0);

    /* the settings show the toggle; where it cannot work it is shown as unavailable */
    orl_player_set_menu(p, 1);
    const orl_view *v = orl_player_view(p);
    int vb = find_button(v, ORL_BUTTON_VOICE);
    assert_true(vb >= 0);
    assert_false(v->buttons[vb].selected);
    if (!orl_voice_compiled()) {
        assert_true(v->buttons[vb].disabled);
        assert_string_equal(v->buttons[vb].label, orl_ui_text("es", ORL_UI_VOICE_UNAVAILABLE));
        click(p, vb);
        assert_int_equal(orl_player_voice(p), 0);
        assert_int_equal(orl_player_set_voice(p, 1), -1);
        orl_player_free(p);
        orl_voice_set_hook(NULL, NULL);
        fprintf(stderr, "SKIPPED (the rest): this build has no espeak-ng (apt-get install libespeak-ng-dev)\n");
        skip();
    }
    assert_false(v->buttons[vb].disabled);
    assert_string_equal(v->buttons[vb].label, orl_ui_text("es", ORL_UI_VOICE));
    click(p, vb); /* on */
    assert_int_equal(orl_player_voice(p), 1);
    v = orl_player_view(p);
    vb = find_button(v, ORL_BUTTON_VOICE);
    assert_true(v->buttons[vb].selected);
    voice_settle(p);
    /* the settings are read: their title and every setting, with its state */
    assert_non_null(strstr(said.text, "[es] Ajustes\n"));
    assert_non_null(strstr(said.text, "[es] Leer en voz alta: activado\n"));
    assert_non_null(strstr(said.text, "[es] Alto contraste: desactivado\n"));
    assert_non_null(strstr(said.text, "[es] Tamaño del texto 100 %, elegido\n"));
    assert_non_null(strstr(said.text, "[es] Tamaño del texto 150 %\n"));
    assert_true(strstr(said.text, "Ajustes") < strstr(said.text, "Leer en voz alta"));
    /* a setting changed: that one alone, with its new state */
    said.text[0] = 0;
    int calls0 = said.calls;
    v = orl_player_view(p);
    click(p, find_button(v, ORL_BUTTON_HIGH_CONTRAST));
    voice_settle(p);
    assert_int_equal(said.calls, calls0 + 1);
    assert_string_equal(said.text, "[es] Alto contraste: activado\n");
    click(p, find_button(orl_player_view(p), ORL_BUTTON_HIGH_CONTRAST)); /* off again */
    voice_settle(p);
    /* keys move the focus: the focused setting alone */
    for (int step = 0; step < 3; step++) {
        said.text[0] = 0;
        int calls1 = said.calls;
        orl_player_input_do(p, ORL_INPUT_NEXT);
        v = orl_player_view(p);
        voice_settle(p);
        if (!v->focus_visible) continue; /* the first key only shows the focus */
        assert_true(v->focus >= 0);
        const orl_view_button *fb = &v->buttons[v->focus];
        assert_int_equal(said.calls, calls1 + 1);
        assert_null(strstr(said.text, "Ajustes"));
        if (fb->kind == ORL_BUTTON_TEXT_SIZE) assert_non_null(strstr(said.text, "[es] Tamaño del texto "));
        else if (fb->label && strlen(fb->label) > 1) assert_non_null(strstr(said.text, fb->label));
    }
    said.text[0] = 0;
    orl_player_set_menu(p, 0);
    voice_settle(p);
    /* the scene, in reading order: text, testimony (allowed here), fact and source, choices */
    const char *t = said.text;
    assert_non_null(strstr(t, "[es] Tres días caminando desde Cúcuta."));
    assert_non_null(strstr(t, "[es] Testimonio de Ana."));
    assert_non_null(strstr(t, "[es] Crucé el puente con mi hija"));
    assert_non_null(strstr(t, "Más de 7,7 millones"));
    assert_non_null(strstr(t, "[es] 1. Seguir hacia Ipiales"));
    assert_non_null(strstr(t, "[es] 2. Descansar en el albergue"));
    assert_null(strstr(t, "Volver a Cúcuta")); /* a hidden choice is not read either */
    assert_true(strstr(t, "Tres días") < strstr(t, "Crucé") && strstr(t, "Crucé") < strstr(t, "Más de 7,7") &&
                strstr(t, "Más de 7,7") < strstr(t, "1. Seguir"));
    /* the same screen again (a hover, a relayout): not read twice */
    int calls = said.calls;
    orl_player_pointer(p, ORL_POINTER_MOVE, 10, 10);
    orl_player_tick(p, 0.1);
    voice_settle(p);
    assert_int_equal(said.calls, calls);

    /* a testimony consent does not allow here (online only): its notice, never its words */
    said.text[0] = 0;
    orl_player_goto_scene(p, orl_story_find_scene(st, "luis-1"));
    voice_settle(p);
    t = said.text;
    assert_non_null(strstr(t, "Luis espera en la orilla"));
    assert_non_null(strstr(t, orl_ui_text("es", ORL_UI_CONSENT_NOTICE)));
    assert_null(strstr(t, "El río estaba crecido"));
    assert_null(strstr(t, "Testimonio de"));
    assert_non_null(strstr(t, "[es] 1. Cruzar"));

    /* a choice cuts what was being said and reads the next screen */
    said.text[0] = 0;
    assert_int_equal(orl_player_pick(p, 1), 1);
    voice_settle(p);
    assert_non_null(strstr(said.text, "Luis estudia mecánica en Lima."));
    assert_null(strstr(said.text, "Luis espera"));

    /* another language: read in it */
    said.text[0] = 0;
    orl_player_goto_scene(p, orl_story_find_scene(orl_player_story(p), "ana-1"));
    assert_int_equal(orl_player_set_lang(p, "en"), 0);
    voice_settle(p);
    assert_non_null(strstr(said.text, "[en] "));
    assert_null(strstr(said.text, "[en] Tres días")); /* the English text, not the Spanish */

    /* off from the settings: nothing more is read */
    orl_player_set_menu(p, 1);
    v = orl_player_view(p);
    click(p, find_button(v, ORL_BUTTON_VOICE));
    assert_int_equal(orl_player_voice(p), 0);
    orl_player_set_menu(p, 0);
    calls = said.calls;
    orl_player_goto_scene(p, orl_story_find_scene(orl_player_story(p), "luis-1"));
    voice_settle(p);
    assert_int_equal(said.calls, calls);
    orl_player_free(p);

    /* the same testimony out of scope (online) and withdrawn: the notice, never its words */
    for (int k = 0; k < 2; k++) {
        static char item[] = "player-basic/ana-bridge";
        char *items[1] = {item};
        orl_withdrawn wl = {items, 1, NULL, NULL};
        said.text[0] = 0;
        p = open_voice_player(k == 0 ? ORL_DEPLOY_ONLINE : ORL_DEPLOY_WORKSHOP, k == 1 ? &wl : NULL);
        assert_int_equal(orl_player_set_voice(p, 1), 0);
        orl_player_goto_scene(p, orl_story_find_scene(orl_player_story(p), "ana-1"));
        voice_settle(p);
        assert_non_null(strstr(said.text, "Tres días caminando"));
        assert_non_null(strstr(said.text, orl_ui_text("es", ORL_UI_CONSENT_NOTICE)));
        assert_null(strstr(said.text, "Crucé"));
        assert_null(strstr(said.text, "dormida"));
        assert_null(strstr(said.text, "Testimonio de Ana"));
        orl_player_free(p);
    }

    /* a testimony note and a skipped testimony: the note's words, then the "skipped" line */
    said.text[0] = 0;
    orl_diags d = {0};
    orl_load_opts lo = {0};
    orl_player_desc pd = {0};
    pd.story = orl_story_load(ORL_TEST_DATA "/player-care", &lo, &d);
    assert_non_null(pd.story);
    orl_diags_free(&d);
    pd.no_audio_device = 1;
    pd.voice = 1; /* on from the start (play --voice, kiosk voice = true) */
    p = orl_player_create(&pd, &d);
    assert_non_null(p);
    orl_diags_free(&d);
    assert_int_equal(orl_player_voice(p), 1);
    orl_player_goto_scene(p, orl_story_find_scene(orl_player_story(p), "river"));
    voice_settle(p);
    assert_non_null(strstr(said.text, "violencia")); /* the scene's note, before anything of it */
    assert_non_null(strstr(said.text, orl_ui_text("es", ORL_UI_SKIP_PART)));
    assert_null(strstr(said.text, "La noche del cruce"));
    orl_player_pick(p, 1); /* continue */
    voice_settle(p);
    assert_non_null(strstr(said.text, "La noche del cruce"));
    assert_non_null(strstr(said.text, "ahogamiento")); /* the testimony's note */
    assert_null(strstr(said.text, "El agua me llegaba"));
    orl_player_pick(p, 2); /* skip the testimony */
    voice_settle(p);
    assert_non_null(strstr(said.text, orl_ui_text("es", ORL_UI_SKIPPED)));
    assert_null(strstr(said.text, "El agua me llegaba"));
    orl_player_free(p);
    orl_voice_set_hook(NULL, NULL);
}

/* Recreated and composite testimonies (issue 19): the voice says so, like the screen, and
 * the notice of an ended recreated one claims no real person. */
static void test_voice_names_recreated(void **unused)
{
    (void)unused;
    memset(&said, 0, sizeof said);
    orl_voice_set_hook(on_said, &said);
    orl_player *p = voice_player_at(ORL_TEST_DATA "/kinds-story", ORL_DEPLOY_WORKSHOP, NULL, 0, 1);
    orl_story *st = orl_player_story(p);
    orl_player_goto_scene(p, orl_story_find_scene(st, "inicio"));
    voice_settle(p);
    assert_non_null(strstr(said.text, "Testimonio de Marta (recreado a partir de relatos reales)."));
    assert_non_null(strstr(said.text, "Crucé el puente"));
    said.text[0] = 0;
    orl_player_goto_scene(p, orl_story_find_scene(st, "foto"));
    voice_settle(p);
    assert_non_null(strstr(said.text, orl_ui_text("es", ORL_UI_NOTICE_RECREATED)));
    assert_null(strstr(said.text, orl_ui_text("es", ORL_UI_CONSENT_NOTICE)));
    assert_null(strstr(said.text, "ROSATXT"));
    said.text[0] = 0;
    orl_player_goto_scene(p, orl_story_find_scene(st, "hospital")); /* a real one: as before */
    voice_settle(p);
    assert_non_null(strstr(said.text, "Testimonio de Ana."));
    orl_player_free(p);
    orl_voice_set_hook(NULL, NULL);
}

/* Skipping with care in the window player: skip_text in a skipped testimony's place; skip_to
 * leads straight on, and one step back returns to the scene that was skipped. */
static void test_skip_to_and_text(void **unused)
{
    (void)unused;
    orl_player *p = open_player_in(ORL_TEST_DATA "/kinds-story", NULL, ORL_DEPLOY_WORKSHOP);
    orl_story *st = orl_player_story(p);
    orl_player_goto_scene(p, orl_story_find_scene(st, "fila"));
    const orl_view *v = orl_player_view(p);
    assert_true(orl_player_note_pending(p));
    click(p, find_button(v, ORL_BUTTON_NOTE_SKIP));
    v = orl_player_view(p);
    assert_string_equal(v->testimony_text.text, "Tomás esperó dos días en la fila.");
    orl_player_goto_scene(p, orl_story_find_scene(st, "obra"));
    v = orl_player_view(p);
    assert_true(orl_player_note_pending(p));
    click(p, find_button(v, ORL_BUTTON_NOTE_SKIP));
    v = orl_player_view(p);
    assert_int_equal(orl_player_scene(p), orl_story_find_scene(st, "plaza"));
    assert_null(v->body.text ? strstr(v->body.text, "Tres semanas") : NULL);
    orl_player_input_do(p, ORL_INPUT_BACK);
    assert_int_equal(orl_player_scene(p), orl_story_find_scene(st, "obra"));
    orl_player_free(p);
}

/* A testimony's recording that is missing, or that did not play, would leave the reader of
 * the voice with nothing of the testimony: its transcript is read instead. */
static orl_player *voice_audio_player(int device)
{
    return voice_player_at(audio_dir, ORL_DEPLOY_WORKSHOP, NULL, device, 1);
}

static void test_voice_reads_transcript_without_recording(void **unused)
{
    (void)unused;
    if (!orl_voice_compiled()) skip();
    orl_player_free(open_audio_player()); /* makes the folder with a playable recording */
    memset(&said, 0, sizeof said);
    orl_voice_set_hook(on_said, &said);

    /* the recording is there: the voice stops for it, the transcript is not read */
    orl_player *p = voice_audio_player(0);
    orl_player_goto_scene(p, orl_story_find_scene(orl_player_story(p), "a"));
    voice_settle(p);
    assert_non_null(strstr(said.text, "[es] El puente."));
    assert_null(strstr(said.text, "Crucé el puente."));
    orl_player_free(p);

    /* a file that is not a sound (SDL's dummy audio device: the voice plays in real time):
     * when the voice reaches it and it does not play, the transcript is read, then what
     * follows; on the next visit it is read at once */
    said.text[0] = 0;
    put_file("audio/ana.wav", "not a sound", 11);
    p = voice_audio_player(1);
    orl_story *st = orl_player_story(p);
    orl_player_goto_scene(p, orl_story_find_scene(st, "a"));
    voice_settle(p);
    assert_null(strstr(said.text, "Crucé el puente."));
    for (int i = 0; i < 600 && !strstr(said.text, "Crucé el puente."); i++) {
        orl_player_tick(p, 0.02);
        orl_player_view(p);
        usleep(20 * 1000);
    }
    assert_non_null(strstr(said.text, "[es] Crucé el puente."));
    voice_settle(p);
    /* and then what followed it, again (the first say sent it to the synthesizer already) */
    assert_non_null(strstr(strstr(said.text, "Crucé el puente."), "1. Seguir"));
    orl_player_goto_scene(p, orl_story_find_scene(st, "c"));
    said.text[0] = 0;
    orl_player_goto_scene(p, orl_story_find_scene(st, "a"));
    voice_settle(p);
    assert_non_null(strstr(said.text, "[es] Crucé el puente."));
    orl_player_free(p);

    /* no file at all: read from the first visit */
    char path[700];
    snprintf(path, sizeof path, "%s/audio/ana.wav", audio_dir);
    assert_int_equal(remove(path), 0);
    said.text[0] = 0;
    p = voice_audio_player(0);
    orl_player_goto_scene(p, orl_story_find_scene(orl_player_story(p), "a"));
    voice_settle(p);
    assert_non_null(strstr(said.text, "[es] Testimonio de Ana."));
    assert_non_null(strstr(said.text, "[es] Crucé el puente."));
    orl_player_free(p);
    orl_voice_set_hook(NULL, NULL);
    remove_audio_dir();
}

/* The settings card holds the three accessibility toggles in one row, and fits the screen, in
 * every language, with reading aloud available or not. */
static void test_settings_fit_with_voice(void **unused)
{
    (void)unused;
    static const char *const langs[] = {"es", "en", "ar", "fr"};
    for (int l = 0; l < 4; l++)
        for (int unavailable = 0; unavailable < 2; unavailable++) {
            orl_player *p = open_player_in(STORY, l < 3 ? langs[l] : NULL, ORL_DEPLOY_WORKSHOP);
            if (l == 3) snprintf(p->lang, sizeof p->lang, "fr"); /* the kiosk's UI language; the story's words stay Spanish */
            p->voice_failed = unavailable;
            orl_player_goto_scene(p, orl_story_find_scene(orl_player_story(p), "ana-1"));
            orl_player_set_menu(p, 1);
            const orl_view *v = orl_player_view(p);
            if (!(v->menu_box.y >= 0 && v->menu_box.y + v->menu_box.h <= ORL_CANVAS_H))
                fprintf(stderr, "%s%s: the settings card is at y %d, %d high\n", langs[l],
                        unavailable ? " (voice unavailable)" : "", v->menu_box.y, v->menu_box.h);
            for (int i = 0; i < v->nbuttons && !(v->menu_box.y + v->menu_box.h <= ORL_CANVAS_H); i++)
                fprintf(stderr, "  button %d kind %d '%s' at %d,%d %dx%d\n", i, (int)v->buttons[i].kind,
                        v->buttons[i].label, v->buttons[i].rect.x, v->buttons[i].rect.y, v->buttons[i].rect.w,
                        v->buttons[i].rect.h);
            assert_true(v->menu_box.y >= 0 && v->menu_box.y + v->menu_box.h <= ORL_CANVAS_H);
            int hc = find_button(v, ORL_BUTTON_HIGH_CONTRAST), vo = find_button(v, ORL_BUTTON_VOICE);
            assert_true(hc >= 0 && vo >= 0);
            assert_int_equal(v->buttons[hc].rect.y, v->buttons[vo].rect.y); /* one row */
            assert_int_equal(v->buttons[vo].disabled, unavailable || !orl_voice_compiled());
            orl_player_free(p);
        }
    /* a story with testimony audio has a volume row too: still on the screen */
    for (int l = 0; l < 4; l++) {
        orl_player *p = open_audio_player();
        snprintf(p->lang, sizeof p->lang, "%s", langs[l]);
        p->voice_failed = l % 2;
        orl_player_set_menu(p, 1);
        const orl_view *v = orl_player_view(p);
        assert_non_null(v->menu_volume_label.text);
        if (!(v->menu_box.y >= 0 && v->menu_box.y + v->menu_box.h <= ORL_CANVAS_H))
            fprintf(stderr, "%s with audio: the settings card is at y %d, %d high\n", langs[l], v->menu_box.y,
                    v->menu_box.h);
        assert_true(v->menu_box.y >= 0 && v->menu_box.y + v->menu_box.h <= ORL_CANVAS_H);
        orl_player_free(p);
        remove_audio_dir();
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_warnings_precede_story),
        cmocka_unit_test(test_hidden_choices_not_drawn),
        cmocka_unit_test(test_rollback_same_scene_and_state),
        cmocka_unit_test(test_consent_notice),
        cmocka_unit_test(test_fact_with_source),
        cmocka_unit_test(test_focus_moves_with_keys),
        cmocka_unit_test(test_ending_care_credits_title),
        cmocka_unit_test(test_language_switch_keeps_place),
        cmocka_unit_test(test_settings_menu),
        cmocka_unit_test(test_layout_rules),
        cmocka_unit_test(test_rtl_mirrors_ui),
        cmocka_unit_test(test_hotspot_click_and_panorama),
        cmocka_unit_test(test_title_card_story),
        cmocka_unit_test(test_quit_and_kiosk),
        cmocka_unit_test(test_care_notes_and_support),
        cmocka_unit_test(test_sdl_events),
        cmocka_unit_test(test_panorama_keys),
        cmocka_unit_test(test_flagship_fits_unscrolled),
        cmocka_unit_test(test_long_scene_scrolls),
        cmocka_unit_test(test_choices_stay_in_sight),
        cmocka_unit_test(test_random_inputs),
        cmocka_unit_test(test_accessibility_settings),
        cmocka_unit_test(test_golden_screens),
        cmocka_unit_test(test_voice_names_recreated),
        cmocka_unit_test(test_skip_to_and_text),
        cmocka_unit_test(test_golden_issue16),
        cmocka_unit_test(test_touch_rule),
        cmocka_unit_test(test_lang_switch_while_decoding),
        cmocka_unit_test(test_self_voicing),
        cmocka_unit_test(test_settings_fit_with_voice),
        cmocka_unit_test(test_testimony_audio_and_captions),
        cmocka_unit_test(test_voice_reads_transcript_without_recording),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
