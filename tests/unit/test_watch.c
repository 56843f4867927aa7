/* Live reload (`orilla play --watch`): orl_player_reload on a story folder that changes
 * under a headless player, and the inotify watcher (engine/player/watch.h) on its own. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "player/player.h"
#include "player/watch.h"

/* A small story: start -> two -> end; "two" counts its visits in the state. */
static const char *story_fmt =
    "story { id = \"live\", version = \"1.0.0\", title = \"Live\", language = \"en\", start = \"start\" }\n"
    "scene \"start\" {\n"
    "  text = \"Start here.\",\n"
    "  choices = { { text = \"On\", go = \"%s\" } },\n"
    "}\n"
    "%s"
    "scene \"end\" { text = \"The end.\", ending = true }\n";

static const char *two_fmt =
    "scene \"two\" {\n"
    "  text = \"%s\",\n"
    "  on_enter = function(s) s.visits = (s.visits or 0) + 1 end,\n"
    "  choices = { { text = \"Finish\", go = \"end\" } },\n"
    "}\n";

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void write_story(const char *dir, const char *two_text, int with_two)
{
    char two[1024] = "", all[4096], path[600]; /* dir (512) and a name */
    if (with_two) snprintf(two, sizeof two, two_fmt, two_text);
    snprintf(all, sizeof all, story_fmt, with_two ? "two" : "end", two);
    snprintf(path, sizeof path, "%s/story.lua", dir);
    write_file(path, all);
}

static void make_dir(char *dir, size_t n)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, n, "%s/orl-watch-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    assert_non_null(mkdtemp(dir));
}

static void remove_tree(const char *dir)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static orl_player *open_player(const char *dir)
{
    orl_diags d = {0};
    orl_load_opts lo = {0};
    orl_story *st = orl_story_load(dir, &lo, &d);
    if (!st || d.errors) orl_diags_print(&d, stderr);
    assert_non_null(st);
    assert_int_equal(d.errors, 0);
    orl_diags_free(&d);
    orl_player_desc pd = {0};
    pd.story = st;
    pd.path = dir;
    pd.consent.deployment = ORL_DEPLOY_WORKSHOP;
    orl_player *p = orl_player_create(&pd, &d);
    if (!p) orl_diags_print(&d, stderr);
    assert_non_null(p);
    orl_diags_free(&d);
    return p;
}

static const char *scene_id(orl_player *p)
{
    int sc = orl_player_scene(p);
    return sc >= 0 ? orl_player_story(p)->scenes[sc].id : "(none)";
}

static char *state_of(orl_player *p, size_t *len)
{
    orl_buf b = {0};
    assert_int_equal(orl_player_state(p, &b), 0);
    *len = b.len;
    return b.data;
}

static void test_reload_keeps_place(void **unused)
{
    (void)unused;
    char dir[512];
    make_dir(dir, sizeof dir);
    write_story(dir, "The first words.", 1);
    orl_player *p = open_player(dir);
    /* title -> Begin -> start -> two */
    while (orl_player_screen_now(p) != ORL_SCREEN_SCENE) assert_true(orl_player_pick(p, 1));
    assert_string_equal(scene_id(p), "start");
    assert_true(orl_player_pick(p, 1));
    assert_string_equal(scene_id(p), "two");
    assert_non_null(strstr(orl_player_view(p)->body.text, "The first words."));
    size_t n0;
    char *s0 = state_of(p, &n0);
    unsigned gen0 = orl_player_story_generation(p);

    /* the text changes: same scene, new text, same state and history */
    write_story(dir, "New words, saved.", 1);
    orl_diags d = {0};
    assert_int_equal(orl_player_reload(p, &d), 0);
    assert_int_equal(d.errors, 0);
    assert_null(orl_player_reload_problems(p));
    assert_null(orl_player_notice(p));
    assert_string_equal(scene_id(p), "two");
    assert_int_equal(orl_player_history(p), 1);
    assert_true(orl_player_story_generation(p) != gen0);
    assert_non_null(strstr(orl_player_view(p)->body.text, "New words, saved."));
    size_t n1;
    char *s1 = state_of(p, &n1);
    assert_int_equal(n0, n1);
    assert_memory_equal(s0, s1, n0);
    free(s1);

    /* a syntax error: the reload fails, the last good story stays, the overlay says where */
    char path[600];
    snprintf(path, sizeof path, "%s/story.lua", dir);
    write_file(path, "story { id = \"live\",\n  title = \"Live\"\nscene \"start\" { text = ( }\n");
    assert_int_equal(orl_player_reload(p, &d), -1);
    assert_true(d.errors > 0);
    orl_diags_free(&d);
    const char *probs = orl_player_reload_problems(p);
    assert_non_null(probs);
    assert_non_null(strstr(probs, "story.lua:"));
    assert_non_null(strstr(probs, "error:"));
    assert_null(strstr(probs, dir)); /* relative to the story folder: readable */
    assert_string_equal(scene_id(p), "two");
    assert_non_null(strstr(orl_player_view(p)->body.text, "New words, saved."));
    s1 = state_of(p, &n1);
    assert_int_equal(n0, n1);
    assert_memory_equal(s0, s1, n0);
    free(s1);

    /* mended: back to normal, still in the same place */
    write_story(dir, "Mended words.", 1);
    assert_int_equal(orl_player_reload(p, &d), 0);
    assert_null(orl_player_reload_problems(p));
    assert_string_equal(scene_id(p), "two");
    assert_int_equal(orl_player_history(p), 1);
    assert_non_null(strstr(orl_player_view(p)->body.text, "Mended words."));
    s1 = state_of(p, &n1);
    assert_int_equal(n0, n1);
    assert_memory_equal(s0, s1, n0);
    free(s1);

    /* a check error (a choice to nowhere) fails too */
    write_file(path, "story { id = \"live\", version = \"1.0.0\", title = \"Live\", language = \"en\", start = \"start\" }\n"
                     "scene \"start\" { text = \"S\", choices = { { text = \"On\", go = \"nowhere\" } } }\n");
    assert_int_equal(orl_player_reload(p, &d), -1);
    assert_non_null(orl_player_reload_problems(p));
    assert_string_equal(scene_id(p), "two");

    /* the scene is deleted: back to the start, with a notice */
    write_story(dir, "", 0);
    assert_int_equal(orl_player_reload(p, &d), 0);
    assert_null(orl_player_reload_problems(p));
    assert_string_equal(scene_id(p), "start");
    assert_int_equal(orl_player_history(p), 0);
    assert_non_null(orl_player_notice(p));
    assert_non_null(strstr(orl_player_notice(p), "two"));
    /* the notice goes with the next move */
    assert_true(orl_player_pick(p, 1));
    assert_string_equal(scene_id(p), "end");
    assert_null(orl_player_notice(p));
    orl_diags_free(&d);

    free(s0);
    orl_player_free(p);
    remove_tree(dir);
}

/* The overlay is drawn (headless software renderer) without trouble. */
static void test_overlay_draws(void **unused)
{
    (void)unused;
    char dir[512], path[600];
    make_dir(dir, sizeof dir);
    write_story(dir, "Words.", 1);
    orl_player *p = open_player(dir);
    snprintf(path, sizeof path, "%s/story.lua", dir);
    write_file(path, "story { id = \"live\",\n  title = \"Live\"\nscene \"start\" { text = ( }\n");
    orl_diags d = {0};
    assert_int_equal(orl_player_reload(p, &d), -1);
    orl_diags_free(&d);
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 960, 540, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(s);
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(s);
    assert_non_null(r);
    SDL_RenderSetLogicalSize(r, ORL_CANVAS_W, ORL_CANVAS_H);
    orl_player_gfx *g = orl_player_gfx_create(r, 1);
    assert_non_null(g);
    orl_player_draw(p, g);
    /* the panel's slate blue is at the top left of the canvas */
    Uint32 px = ((Uint32 *)s->pixels)[(540 * 160 / 1080) * (s->pitch / 4) + 960 * 200 / 1920];
    Uint8 cr, cg, cb;
    SDL_GetRGB(px, s->format, &cr, &cg, &cb);
    assert_true(cb > cr);
    orl_player_gfx_free(g);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(s);
    orl_player_free(p);
    remove_tree(dir);
}

/* Polls until the watcher reports a change, with small sleeps; how many polls it took, or -1. */
static int polls_until_change(orl_watch *w)
{
    for (int i = 0; i < 200; i++) {
        if (orl_watch_poll(w, orl_watch_now_ms())) return i;
        usleep(10 * 1000);
    }
    return -1;
}

static void test_watch_sees_changes(void **unused)
{
    (void)unused;
    char dir[512], path[700], sub[600];
    make_dir(dir, sizeof dir);
    write_story(dir, "Words.", 1);
    char err[256];
    assert_null(orl_watch_open("/nonexistent/orl-watch", err, sizeof err));
    snprintf(path, sizeof path, "%s/story.lua", dir);
    assert_null(orl_watch_open(path, err, sizeof err)); /* a file (a bundle): not a folder */
    orl_watch *w = orl_watch_open(dir, err, sizeof err);
    assert_non_null(w);
    assert_int_equal(orl_watch_dirs(w), 1);
    assert_int_equal(orl_watch_poll(w, orl_watch_now_ms()), 0); /* nothing yet */

    /* a save: seen once, after the debounce */
    write_story(dir, "Other words.", 1);
    int n = polls_until_change(w);
    assert_true(n >= 1);
    assert_int_equal(orl_watch_poll(w, orl_watch_now_ms()), 0);

    /* editors' scratch files do not count */
    snprintf(path, sizeof path, "%s/.story.lua.swp", dir);
    write_file(path, "x");
    usleep(300 * 1000);
    assert_int_equal(orl_watch_poll(w, orl_watch_now_ms()), 0);
    usleep(300 * 1000);
    assert_int_equal(orl_watch_poll(w, orl_watch_now_ms()), 0);

    /* a new subfolder is watched too, and a file written in it is seen */
    snprintf(sub, sizeof sub, "%s/images", dir);
    assert_int_equal(mkdir(sub, 0755), 0);
    assert_true(polls_until_change(w) >= 0);
    assert_int_equal(orl_watch_dirs(w), 2);
    snprintf(path, sizeof path, "%s/pic.png", sub);
    write_file(path, "not really a picture");
    assert_true(polls_until_change(w) >= 0);

    /* a deleted file */
    assert_int_equal(unlink(path), 0);
    assert_true(polls_until_change(w) >= 0);

    /* the debounce: a change keeps it waiting; wait_ms says how long to sleep */
    long long t = orl_watch_now_ms();
    assert_true(orl_watch_wait_ms(w, t) > 0 && orl_watch_wait_ms(w, t) <= 100);
    orl_watch_close(w);
    orl_watch_close(NULL);
    remove_tree(dir);
}

/* An editor's last step (story.lua written and closed) is reported after the short settle
 * time; a file without an extension (vim writes and deletes "4913" before saving) waits the
 * whole debounce. The clock is the caller's, so this does not depend on the machine's speed. */
static void test_watch_settles(void **unused)
{
    (void)unused;
    char dir[512], path[700];
    make_dir(dir, sizeof dir);
    write_story(dir, "Words.", 1);
    char err[256];
    orl_watch *w = orl_watch_open(dir, err, sizeof err);
    assert_non_null(w);

    write_story(dir, "Saved.", 1);
    long long t = orl_watch_now_ms();
    assert_int_equal(orl_watch_poll(w, t), 0); /* seen, stamped t */
    assert_int_equal(orl_watch_poll(w, t + ORL_WATCH_SETTLE_MS - 1), 0);
    assert_int_equal(orl_watch_poll(w, t + ORL_WATCH_SETTLE_MS), 1);
    assert_true(orl_watch_changed_at(w) == t);

    snprintf(path, sizeof path, "%s/4913", dir);
    write_file(path, "");
    t = orl_watch_now_ms();
    assert_int_equal(orl_watch_poll(w, t), 0);
    assert_int_equal(orl_watch_poll(w, t + ORL_WATCH_SETTLE_MS), 0);
    assert_true(orl_watch_wait_ms(w, t + ORL_WATCH_SETTLE_MS) > 0);
    assert_int_equal(orl_watch_poll(w, t + ORL_WATCH_DEBOUNCE_MS), 1);
    orl_watch_close(w);
    remove_tree(dir);
}

static void count_wake(void *ud) { atomic_fetch_add((atomic_int *)ud, 1); }

static int wait_for_wakes(atomic_int *n, int want)
{
    for (int i = 0; i < 2000 && atomic_load(n) < want; i++) usleep(1000);
    return atomic_load(n);
}

/* With orl_watch_notify a thread wakes the caller when the folder changes: once until the
 * caller has polled, then again for the next change; closing stops the thread. */
static void test_watch_notify(void **unused)
{
    (void)unused;
    char dir[512];
    make_dir(dir, sizeof dir);
    write_story(dir, "Words.", 1);
    char err[256];
    orl_watch *w = orl_watch_open(dir, err, sizeof err);
    assert_non_null(w);
    atomic_int n = 0;
    assert_int_equal(orl_watch_notify(NULL, count_wake, &n), -1);
    assert_int_equal(orl_watch_notify(w, NULL, &n), -1);
    assert_int_equal(orl_watch_notify(w, count_wake, &n), 0);
    assert_int_equal(orl_watch_notify(w, count_wake, &n), -1); /* one thread */
    /* nothing changes: an idle caller may sleep long (the thread will wake it) */
    assert_true(orl_watch_wait_ms(w, orl_watch_now_ms()) >= 1000);
    usleep(50 * 1000);
    assert_int_equal(atomic_load(&n), 0);

    write_story(dir, "Saved once.", 1);
    assert_int_equal(wait_for_wakes(&n, 1), 1);
    /* more changes before the caller polls: no more wake-ups */
    write_story(dir, "Saved twice.", 1);
    usleep(50 * 1000);
    assert_int_equal(atomic_load(&n), 1);
    assert_true(polls_until_change(w) >= 0);

    /* polled: the next change wakes it again */
    write_story(dir, "Saved again.", 1);
    assert_int_equal(wait_for_wakes(&n, 2), 2);
    assert_true(polls_until_change(w) >= 0);
    orl_watch_close(w); /* joins the thread: returns */
    remove_tree(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reload_keeps_place),
        cmocka_unit_test(test_overlay_draws),
        cmocka_unit_test(test_watch_sees_changes),
        cmocka_unit_test(test_watch_settles),
        cmocka_unit_test(test_watch_notify),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
