/* kiosk: signed bundles only (unsigned, tampered, other key: left out; none left: out of
 * order), a bundle replaced after it was checked is checked again, the visitor's flow with
 * statistics, idle reset back to a clean start, no way out for visitors, the operator PIN. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "tmpdir.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bundle/bundle.h"
#include "core/strutil.h"
#include "kiosk/kiosk.h"
#include "kiosk/kiosk_internal.h"
#include "kiosk/pin.h"

static SDL_Surface *surface;
static SDL_Renderer *renderer;

/* Flips bytes in the middle of a file (inside a stored picture of the bundle). */
static void tamper(const char *path)
{
    FILE *f = fopen(path, "r+b");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    for (long at = n / 3; at < n / 3 + 16; at++) {
        fseek(f, at, SEEK_SET);
        int c = fgetc(f);
        fseek(f, at, SEEK_SET);
        fputc(c ^ 0x5a, f);
    }
    fclose(f);
}

static int setup(void **state)
{
    (void)state;
    if (tmpdir_make("orl-kiosk", NULL) != 0) return -1;
    char err[600];
    if (orl_key_generate(tpath("workshop"), NULL, err, sizeof err) != 0) return -1;
    if (orl_key_generate(tpath("stranger"), NULL, err, sizeof err) != 0) return -1;
    orl_seckey good, other;
    if (orl_key_load_secret(tpath("workshop.key"), &good, err, sizeof err) != 0) return -1;
    if (orl_key_load_secret(tpath("stranger.key"), &other, err, sizeof err) != 0) return -1;
    orl_diags d = {0};
    orl_pack_desc desc = {0};
    desc.sign = &good;
    if (orl_bundle_pack(ORL_TEST_DATA "/player-basic", tpath("signed.orilla"), &desc, NULL, &d) != 0) return -1;
    desc.sign = &other;
    if (orl_bundle_pack(ORL_TEST_DATA "/good-small", tpath("stranger.orilla"), &desc, NULL, &d) != 0) return -1;
    desc.sign = NULL;
    if (orl_bundle_pack(ORL_TEST_DATA "/kiosk-broken", tpath("unsigned.orilla"), &desc, NULL, &d) != 0) return -1;
    orl_diags_free(&d);
    orl_key_wipe(&good);
    orl_key_wipe(&other);
    copy_file(tpath("signed.orilla"), tpath("tampered.orilla"));
    tamper(tpath("tampered.orilla"));
    surface = SDL_CreateRGBSurfaceWithFormat(0, 480, 270, 32, SDL_PIXELFORMAT_ARGB8888);
    renderer = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
    if (!renderer) return -1;
    SDL_RenderSetLogicalSize(renderer, ORL_CANVAS_W, ORL_CANVAS_H);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    SDL_DestroyRenderer(renderer);
    SDL_FreeSurface(surface);
    tmpdir_remove();
    return 0;
}

typedef struct fixture {
    orl_kiosk_config cfg;
    orl_stats *stats;
    orl_kiosk *k;
} fixture;

static orl_log *test_log; /* the kiosk's log for the next open_kiosk (NULL: stderr) */

static void open_kiosk(fixture *f, const char *key, const char *const *bundles, int n, const char *stats)
{
    memset(f, 0, sizeof *f);
    orl_kiosk_config_defaults(&f->cfg);
    f->cfg.dir = orl_strdup(".");
    f->cfg.key = key ? orl_strdup(key) : NULL;
    for (int i = 0; i < n; i++) f->cfg.bundles[f->cfg.nbundles++] = orl_strdup(bundles[i]);
    f->cfg.languages[0] = orl_strdup("es");
    f->cfg.languages[1] = orl_strdup("en");
    f->cfg.nlanguages = 2;
    f->cfg.idle_seconds = 30;
    f->cfg.countdown_seconds = 10;
    f->cfg.others_min_sessions = 5;
    char err[600];
    char h[ORL_PIN_HASH_MAX];
    assert_int_equal(orl_pin_hash("2468", h, err, sizeof err), 0);
    f->cfg.pin_hash = orl_strdup(h);
    if (stats) {
        f->cfg.stats = orl_strdup(stats);
        f->stats = orl_stats_open(stats, NULL, err, sizeof err);
        assert_non_null(f->stats);
    }
    orl_kiosk_desc kd = {0};
    kd.config = &f->cfg;
    kd.stats = f->stats;
    kd.log = test_log;
    kd.renderer = renderer;
    kd.software = 1;
    f->k = orl_kiosk_create(&kd);
    assert_non_null(f->k);
}

static void close_kiosk(fixture *f)
{
    orl_kiosk_free(f->k);
    orl_stats_close(f->stats);
    orl_kiosk_config_free(&f->cfg);
}

static void tap(orl_kiosk *k, float x, float y)
{
    orl_kiosk_pointer(k, ORL_POINTER_DOWN, x, y);
    orl_kiosk_tick(k, 0.1);
    orl_kiosk_pointer(k, ORL_POINTER_UP, x, y);
    orl_kiosk_draw(k);
}

static void pass(orl_kiosk *k, double s)
{
    for (double t = 0; t < s; t += 0.1) orl_kiosk_tick(k, 0.1);
}

static void test_signatures(void **state)
{
    (void)state;
    fixture f;
    const char *b[] = {tpath("signed.orilla"), tpath("unsigned.orilla"), tpath("tampered.orilla"),
                       tpath("stranger.orilla"), ORL_TEST_DATA "/good-small"};
    open_kiosk(&f, tpath("workshop.pub"), b, 5, NULL);
    /* only the bundle signed by the workshop's key, unchanged, is shown */
    assert_int_equal(orl_kiosk_story_count(f.k), 1);
    assert_int_equal(orl_kiosk_refused_count(f.k), 4);
    assert_int_equal(orl_kiosk_screen_now(f.k), ORL_KIOSK_ATTRACT);
    close_kiosk(&f);

    /* every bundle refused: out of order, and touches change nothing */
    const char *bad[] = {tpath("unsigned.orilla"), tpath("tampered.orilla")};
    open_kiosk(&f, tpath("workshop.pub"), bad, 2, NULL);
    assert_int_equal(orl_kiosk_story_count(f.k), 0);
    assert_int_equal(orl_kiosk_screen_now(f.k), ORL_KIOSK_OUT_OF_ORDER);
    tap(f.k, 960, 540);
    pass(f.k, 200);
    assert_int_equal(orl_kiosk_screen_now(f.k), ORL_KIOSK_OUT_OF_ORDER);
    assert_true(orl_kiosk_shows(f.k, "Fuera de servicio"));
    close_kiosk(&f);

    /* a key that cannot be read: nothing can be checked, nothing is shown */
    const char *one[] = {tpath("signed.orilla")};
    open_kiosk(&f, tpath("no-such.pub"), one, 1, NULL);
    assert_int_equal(orl_kiosk_story_count(f.k), 0);
    assert_int_equal(orl_kiosk_screen_now(f.k), ORL_KIOSK_OUT_OF_ORDER);
    close_kiosk(&f);
}

/* A story whose testimonies are recreated says so on its cover, before anyone begins (issue 19). */
static void test_attract_names_recreated(void **state)
{
    (void)state;
    fixture f;
    const char *b[] = {ORL_TEST_DATA "/kinds-story"};
    open_kiosk(&f, NULL, b, 1, NULL);
    assert_int_equal(orl_kiosk_story_count(f.k), 1);
    assert_int_equal(orl_kiosk_screen_now(f.k), ORL_KIOSK_ATTRACT);
    pass(f.k, 2); /* past the fade in */
    orl_kiosk_draw(f.k);
    assert_true(orl_kiosk_shows(f.k, "Testimonios recreados a partir de relatos reales (escritos para esta historia)"));
    assert_true(orl_kiosk_shows(f.k, "Testimonios compuestos, cada uno a partir de varios relatos reales"));
    if (getenv("ORILLA_KIOSK_SHOT")) SDL_SaveBMP(surface, getenv("ORILLA_KIOSK_SHOT"));
    close_kiosk(&f);
    /* a story of real testimonies only: no such line */
    const char *g[] = {ORL_TEST_DATA "/good-small"};
    open_kiosk(&f, NULL, g, 1, NULL);
    orl_kiosk_draw(f.k);
    assert_false(orl_kiosk_shows(f.k, "Testimonios recreados"));
    close_kiosk(&f);
}

static void test_replaced_after_check(void **state)
{
    (void)state;
    copy_file(tpath("signed.orilla"), tpath("live.orilla"));
    fixture f;
    const char *b[] = {tpath("live.orilla")};
    open_kiosk(&f, tpath("workshop.pub"), b, 1, NULL);
    assert_int_equal(orl_kiosk_story_count(f.k), 1);
    /* without the file watch (inotify unavailable): checked again when a visitor opens it */
    kiosk_live_stop(f.k);
    /* someone copies a changed bundle over it while the kiosk runs */
    sleep(1); /* a new modification time */
    copy_file(tpath("tampered.orilla"), tpath("live.orilla"));
    tap(f.k, 960, 540);                 /* attract -> language */
    assert_int_equal(orl_kiosk_screen_now(f.k), ORL_KIOSK_LANGUAGE);
    assert_int_equal(orl_kiosk_tap_label(f.k, "English"), 1); /* one story: it starts */
    /* it is checked again, fails, and the visitor gets the calm message, not the story */
    assert_int_equal(orl_kiosk_screen_now(f.k), ORL_KIOSK_MESSAGE);
    pass(f.k, ORL_KIOSK_MESSAGE_SECONDS + 1);
    assert_int_equal(orl_kiosk_screen_now(f.k), ORL_KIOSK_ATTRACT);
    close_kiosk(&f);

    /* with the watch: the only story changing on disk takes the kiosk out of order at once
     * (the visitor who touches it is not sent into a story that fails), and it stays so
     * while the bundle does not verify */
    copy_file(tpath("signed.orilla"), tpath("live.orilla"));
    open_kiosk(&f, tpath("workshop.pub"), b, 1, NULL);
    tap(f.k, 960, 540);
    assert_int_equal(orl_kiosk_screen_now(f.k), ORL_KIOSK_LANGUAGE);
    copy_file(tpath("tampered.orilla"), tpath("live.orilla"));
    pass(f.k, 0.2);
    assert_int_equal(orl_kiosk_screen_now(f.k), ORL_KIOSK_OUT_OF_ORDER);
    pass(f.k, 2);
    tap(f.k, 960, 540);
    assert_int_equal(orl_kiosk_screen_now(f.k), ORL_KIOSK_OUT_OF_ORDER);
    copy_file(tpath("signed.orilla"), tpath("live.orilla"));
    pass(f.k, 2);
    assert_int_equal(orl_kiosk_screen_now(f.k), ORL_KIOSK_ATTRACT);
    close_kiosk(&f);
}

static void test_visitor_flow(void **state)
{
    (void)state;
    fixture f;
    const char *b[] = {tpath("signed.orilla"), ORL_TEST_DATA "/kiosk-broken"};
    remove(tpath("flow.db"));
    open_kiosk(&f, NULL, b, 2, tpath("flow.db"));
    orl_kiosk *k = f.k;
    assert_string_equal(orl_kiosk_screen_name(k), "attract");
    /* no way out for a visitor */
    orl_kiosk_key(k, ORL_KKEY_ESCAPE, 0);
    orl_kiosk_close_request(k);
    orl_kiosk_pointer(k, ORL_POINTER_CANCEL, 0, 0);
    assert_false(orl_kiosk_quit_requested(k));
    assert_string_equal(orl_kiosk_screen_name(k), "attract");

    tap(k, 960, 540);
    assert_string_equal(orl_kiosk_screen_name(k), "language");
    assert_true(orl_kiosk_shows(k, "Español"));
    assert_true(orl_kiosk_tap_label(k, "English"));
    assert_string_equal(orl_kiosk_screen_name(k), "stories");
    assert_true(orl_kiosk_tap_label(k, "From the other side"));
    assert_string_equal(orl_kiosk_screen_name(k), "story:title");
    assert_true(orl_kiosk_tap_label(k, "Begin"));
    assert_string_equal(orl_kiosk_screen_name(k), "story:warnings");
    orl_kiosk_key(k, ORL_KKEY_ESCAPE, 0); /* no settings, no quit */
    assert_string_equal(orl_kiosk_screen_name(k), "story:warnings");
    assert_true(orl_kiosk_tap_label(k, "Continue"));
    assert_string_equal(orl_kiosk_screen_name(k), "story:scene");
    orl_kiosk_key(k, ORL_KKEY_DIGIT, 1);
    orl_kiosk_key(k, ORL_KKEY_DIGIT, 2); /* rest at the shelter */
    orl_kiosk_key(k, ORL_KKEY_BACK, 0);  /* ...changed their mind: that choice is not counted */
    orl_kiosk_key(k, ORL_KKEY_DIGIT, 1);
    assert_string_equal(orl_kiosk_screen_name(k), "story:ending");
    orl_stats_summary sum;
    assert_int_equal(orl_stats_summary_of(f.stats, NULL, &sum), 0);
    assert_int_equal(sum.started, 1);
    assert_int_equal(sum.finished, 1);
    orl_stats_share sh[4];
    assert_int_equal(orl_stats_shares(f.stats, "player-basic", "1.0.0", "ana-1", 1, sh, 4, NULL), 1);
    assert_int_equal(sh[0].choice, 1); /* only the choice kept after Back */

    /* the next visitor walks away in the middle of a story */
    pass(k, 29);
    assert_string_equal(orl_kiosk_screen_name(k), "story:ending");
    pass(k, 2);
    assert_string_equal(orl_kiosk_screen_name(k), "still-there");
    tap(k, 100, 900); /* "I am here" */
    assert_string_equal(orl_kiosk_screen_name(k), "story:ending");
    pass(k, 31);
    assert_string_equal(orl_kiosk_screen_name(k), "still-there");
    pass(k, 11);
    assert_string_equal(orl_kiosk_screen_name(k), "attract");
    /* a clean start: the language is asked again */
    tap(k, 960, 540);
    assert_string_equal(orl_kiosk_screen_name(k), "language");
    assert_true(orl_kiosk_tap_label(k, "Español"));
    assert_true(orl_kiosk_shows(k, "Elige una historia"));
    assert_true(orl_kiosk_tap_label(k, "Del otro lado"));
    assert_true(orl_kiosk_tap_label(k, "Comenzar"));
    assert_true(orl_kiosk_tap_label(k, "Continuar"));
    orl_kiosk_key(k, ORL_KKEY_DIGIT, 1);
    pass(k, 45);
    assert_string_equal(orl_kiosk_screen_name(k), "attract");
    assert_int_equal(orl_stats_summary_of(f.stats, NULL, &sum), 0);
    assert_int_equal(sum.started, 2);
    assert_int_equal(sum.abandoned, 1);

    /* a story that fails: the calm message, counted as left, back to attract */
    tap(k, 960, 540);
    assert_true(orl_kiosk_tap_label(k, "Español"));
    assert_true(orl_kiosk_tap_label(k, "El puente roto"));
    assert_true(orl_kiosk_tap_label(k, "Comenzar"));
    orl_kiosk_key(k, ORL_KKEY_DIGIT, 1);
    assert_string_equal(orl_kiosk_screen_name(k), "message");
    tap(k, 960, 700);
    assert_string_equal(orl_kiosk_screen_name(k), "attract");
    assert_int_equal(orl_stats_summary_of(f.stats, "kiosk-broken", &sum), 0);
    assert_int_equal(sum.abandoned, 1);
    close_kiosk(&f);
}

static void test_others(void **state)
{
    (void)state;
    fixture f;
    const char *b[] = {ORL_TEST_DATA "/player-basic"};
    remove(tpath("others.db"));
    open_kiosk(&f, NULL, b, 1, tpath("others.db"));
    orl_kiosk *k = f.k;
    for (int i = 0; i < 5; i++) {
        tap(k, 960, 540);
        assert_true(orl_kiosk_tap_label(k, "English"));
        assert_true(orl_kiosk_tap_label(k, "Begin"));
        assert_true(orl_kiosk_tap_label(k, "Continue"));
        orl_kiosk_key(k, ORL_KKEY_DIGIT, 1);
        orl_kiosk_key(k, ORL_KKEY_DIGIT, 1);
        assert_string_equal(orl_kiosk_screen_name(k), "story:ending");
        assert_true(orl_kiosk_tap_label(k, "Continue"));
        /* under 5 sessions: straight to the support screen; at 5: how others chose */
        assert_string_equal(orl_kiosk_screen_name(k), i < 4 ? "story:care" : "others");
        if (i < 4) pass(k, 41);
    }
    assert_true(orl_kiosk_shows(k, "How others chose"));
    assert_true(orl_kiosk_shows(k, "Walk on towards Ipiales"));
    assert_true(orl_kiosk_tap_label(k, "Continue"));
    assert_string_equal(orl_kiosk_screen_name(k), "story:care");
    close_kiosk(&f);
}

/* The shares a visitor sees are rounded to 5 % (stats.h: orl_stats_percent5). */
static void test_others_rounded(void **state)
{
    (void)state;
    fixture f;
    const char *b[] = {ORL_TEST_DATA "/player-basic"};
    remove(tpath("rounded.db"));
    open_kiosk(&f, NULL, b, 1, tpath("rounded.db"));
    /* earlier visitors: 7 went with Ana to her end, 4 with Luis */
    orl_stats_step ana[2] = {{"choose", 1, "ana-1"}, {"ana-1", 1, "ana-end"}}, luis[1] = {{"choose", 2, "luis-1"}};
    for (int i = 0; i < 11; i++) {
        assert_int_equal(orl_stats_session_start(f.stats, "player-basic", "1.0.0", "en"), 0);
        assert_int_equal(orl_stats_session_end(f.stats, "player-basic", "1.0.0", i < 7 ? ana : luis, i < 7 ? 2 : 1,
                                               i < 7 ? "ana-end" : "luis-1", i < 7),
                         0);
    }
    orl_kiosk *k = f.k;
    tap(k, 960, 540);
    assert_true(orl_kiosk_tap_label(k, "English"));
    assert_true(orl_kiosk_tap_label(k, "Begin"));
    assert_true(orl_kiosk_tap_label(k, "Continue"));
    orl_kiosk_key(k, ORL_KKEY_DIGIT, 1);
    orl_kiosk_key(k, ORL_KKEY_DIGIT, 1);
    assert_true(orl_kiosk_tap_label(k, "Continue"));
    assert_string_equal(orl_kiosk_screen_name(k), "others");
    /* at "choose" 8 of 12 took Ana's way: 66.7 %, shown as 65 % */
    assert_true(orl_kiosk_shows(k, "65% of visitors chose the same"));
    assert_false(orl_kiosk_shows(k, "67%"));
    /* at Ana's scene everyone who passed chose the same: 100 % */
    assert_true(orl_kiosk_shows(k, "100% of visitors chose the same"));
    close_kiosk(&f);
}

/* "How others chose" shows decisions only: a screen that offered one choice ("Seguir al
 * amanecer", the shelter's only way on) is left out even though every visitor took it. */
static void test_others_decisions_only(void **state)
{
    (void)state;
    fixture f;
    const char *b[] = {ORL_TEST_DATA "/player-basic"};
    remove(tpath("decisions.db"));
    open_kiosk(&f, NULL, b, 1, tpath("decisions.db"));
    orl_kiosk *k = f.k;
    for (int i = 0; i < 5; i++) {
        tap(k, 960, 540);
        assert_true(orl_kiosk_tap_label(k, "English"));
        assert_true(orl_kiosk_tap_label(k, "Begin"));
        assert_true(orl_kiosk_tap_label(k, "Continue"));
        orl_kiosk_key(k, ORL_KKEY_DIGIT, 1); /* Ana (of 2) */
        orl_kiosk_key(k, ORL_KKEY_DIGIT, 2); /* rest at the shelter (of 2) */
        orl_kiosk_key(k, ORL_KKEY_DIGIT, 1); /* on at dawn (the only way) */
        assert_string_equal(orl_kiosk_screen_name(k), "story:ending");
        assert_true(orl_kiosk_tap_label(k, "Continue"));
        assert_string_equal(orl_kiosk_screen_name(k), i < 4 ? "story:care" : "others");
        if (i < 4) pass(k, 41);
    }
    assert_true(orl_kiosk_shows(k, "Ana, 34, nurse"));
    assert_true(orl_kiosk_shows(k, "Rest at the shelter"));
    assert_false(orl_kiosk_shows(k, "dawn"));
    assert_false(orl_kiosk_shows(k, "amanecer"));
    close_kiosk(&f);
}

static void test_operator(void **state)
{
    (void)state;
    fixture f;
    const char *b[] = {ORL_TEST_DATA "/player-basic"};
    orl_log_desc ld = {0};
    remove(tpath("operator.log"));
    ld.path = tpath("operator.log");
    ld.prefix = "kiosk";
    test_log = orl_log_open(&ld);
    open_kiosk(&f, NULL, b, 1, NULL);
    orl_kiosk *k = f.k;
    /* a short touch in the corner is a touch; a 5 s hold opens the PIN pad */
    tap(k, 20, 20);
    assert_string_equal(orl_kiosk_screen_name(k), "language");
    orl_kiosk_pointer(k, ORL_POINTER_DOWN, 20, 20);
    pass(k, 4.0);
    assert_string_equal(orl_kiosk_screen_name(k), "language");
    pass(k, 1.2);
    assert_string_equal(orl_kiosk_screen_name(k), "pin");
    orl_kiosk_pointer(k, ORL_POINTER_UP, 20, 20); /* lifting the finger types nothing */
    /* wrong PINs, then locked: even the right one waits */
    for (int i = 0; i < 3; i++) {
        orl_kiosk_key(k, ORL_KKEY_DIGIT, 1);
        orl_kiosk_key(k, ORL_KKEY_DIGIT, 1);
        orl_kiosk_key(k, ORL_KKEY_DIGIT, 1);
        orl_kiosk_key(k, ORL_KKEY_DIGIT, 1);
        orl_kiosk_key(k, ORL_KKEY_ACTIVATE, 0);
    }
    assert_true(orl_kiosk_shows(k, "wait"));
    orl_kiosk_key(k, ORL_KKEY_DIGIT, 2);
    orl_kiosk_key(k, ORL_KKEY_DIGIT, 4);
    orl_kiosk_key(k, ORL_KKEY_DIGIT, 6);
    orl_kiosk_key(k, ORL_KKEY_DIGIT, 8);
    orl_kiosk_key(k, ORL_KKEY_ACTIVATE, 0);
    assert_string_equal(orl_kiosk_screen_name(k), "pin");
    /* a second try while locked: not checked, counted */
    for (int d = 2; d <= 8; d += 2) orl_kiosk_key(k, ORL_KKEY_DIGIT, d);
    orl_kiosk_key(k, ORL_KKEY_ACTIVATE, 0);
    assert_string_equal(orl_kiosk_screen_name(k), "pin");
    pass(k, 25);
    orl_kiosk_key(k, ORL_KKEY_BACK, 0); /* keeps the pad from idling out */
    pass(k, 6);
    for (int d = 2; d <= 8; d += 2) orl_kiosk_key(k, ORL_KKEY_DIGIT, d);
    orl_kiosk_key(k, ORL_KKEY_ACTIVATE, 0);
    assert_string_equal(orl_kiosk_screen_name(k), "operator");
    assert_true(orl_kiosk_shows(k, "Stories shown: 1"));
    assert_true(orl_kiosk_shows(k, "Wrong PINs since the start: 3 (2 tries while the pad was locked)"));
    double v = orl_kiosk_volume(k);
    assert_true(orl_kiosk_tap_label(k, "Volume +"));
    assert_true(orl_kiosk_volume(k) > v);
    assert_true(orl_kiosk_tap_label(k, "Reload stories"));
    assert_int_equal(orl_kiosk_story_count(k), 1);
    /* the operator walks away: the menu closes by itself */
    pass(k, 41);
    assert_string_equal(orl_kiosk_screen_name(k), "attract");
    /* Ctrl+Alt+O, then quit */
    orl_kiosk_key(k, ORL_KKEY_OPERATOR, 0);
    assert_string_equal(orl_kiosk_screen_name(k), "pin");
    for (int d = 2; d <= 8; d += 2) orl_kiosk_key(k, ORL_KKEY_DIGIT, d);
    orl_kiosk_key(k, ORL_KKEY_ACTIVATE, 0);
    assert_string_equal(orl_kiosk_screen_name(k), "operator");
    /* Quit asks first: No keeps it running, any other button forgets the question */
    assert_true(orl_kiosk_tap_label(k, "Quit Orilla"));
    assert_false(orl_kiosk_quit_requested(k));
    assert_true(orl_kiosk_shows(k, "Quit Orilla?"));
    assert_false(orl_kiosk_tap_label(k, "Quit Orilla")); /* replaced by Yes / No */
    assert_true(orl_kiosk_tap_label(k, "No, stay"));
    assert_false(orl_kiosk_quit_requested(k));
    assert_false(orl_kiosk_shows(k, "Quit Orilla?"));
    assert_true(orl_kiosk_tap_label(k, "Quit Orilla"));
    assert_true(orl_kiosk_tap_label(k, "Statistics"));
    assert_false(orl_kiosk_shows(k, "Yes, quit"));
    assert_true(orl_kiosk_tap_label(k, "Quit Orilla"));
    assert_true(orl_kiosk_tap_label(k, "Yes, quit"));
    assert_true(orl_kiosk_quit_requested(k));
    close_kiosk(&f);
    orl_log_close(test_log);
    test_log = NULL;
    /* the log: every wrong PIN and every try while locked, never the digits */
    FILE *lf = fopen(tpath("operator.log"), "r");
    assert_non_null(lf);
    char line[1024];
    int wrong = 0, locked = 0, opened_after = 0, quit = 0;
    while (fgets(line, sizeof line, lf)) {
        wrong += strstr(line, "wrong operator PIN") != NULL;
        locked += strstr(line, "operator PIN entered while the pad is locked") != NULL;
        opened_after += strstr(line, "operator menu opened (since the start: 3 wrong PINs, 2 tries while locked)") != NULL;
        quit += strstr(line, "operator: quit") != NULL;
        assert_null(strstr(line, "2468"));
        assert_null(strstr(line, "1111"));
    }
    fclose(lf);
    assert_int_equal(wrong, 3);
    assert_int_equal(locked, 2);
    assert_true(opened_after >= 1);
    assert_int_equal(quit, 1);
}

/* Replaces dst by src the way docs/kiosk.md says to: a copy beside it, renamed over it. */
static void replace_by_rename(const char *src, const char *dst)
{
    char tmp[700];
    snprintf(tmp, sizeof tmp, "%s.new", dst);
    copy_file(src, tmp);
    assert_int_equal(rename(tmp, dst), 0);
}

static int log_has(const char *log, const char *text)
{
    FILE *lf = fopen(log, "r");
    if (!lf) return 0;
    char line[2048];
    int found = 0;
    while (!found && fgets(line, sizeof line, lf)) found = strstr(line, text) != NULL;
    fclose(lf);
    return found;
}

static int offered(orl_kiosk *k, const char *id)
{
    for (int i = 0; i < k->nstories; i++)
        if (!k->stories[i].hidden && strcmp(k->stories[i].id, id) == 0) return 1;
    return 0;
}

static void write_text(const char *path, const char *text)
{
    char tmp[700];
    snprintf(tmp, sizeof tmp, "%s.new", path);
    FILE *f = fopen(tmp, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    assert_int_equal(rename(tmp, path), 0);
}

static void test_live_changes(void **state)
{
    (void)state;
    /* a second signed story beside player-basic */
    char err[600];
    orl_seckey good;
    assert_int_equal(orl_key_load_secret(tpath("workshop.key"), &good, err, sizeof err), 0);
    orl_diags d = {0};
    orl_pack_desc desc = {0};
    desc.sign = &good;
    assert_int_equal(orl_bundle_pack(ORL_TEST_DATA "/good-small", tpath("small.orilla"), &desc, NULL, &d), 0);
    orl_diags_free(&d);
    orl_key_wipe(&good);
    mkdir(tpath("live"), 0755);
    copy_file(tpath("signed.orilla"), tpath("live/basic.orilla"));
    copy_file(tpath("small.orilla"), tpath("live/small.orilla"));
    write_text(tpath("live/withdrawn.txt"), "");
    orl_log_desc ld = {0};
    remove(tpath("live.log"));
    ld.path = tpath("live.log");
    ld.prefix = "kiosk";
    test_log = orl_log_open(&ld);
    fixture f;
    const char *b[] = {tpath("live/basic.orilla"), tpath("live/small.orilla")};
    open_kiosk(&f, tpath("workshop.pub"), b, 2, NULL);
    orl_kiosk *k = f.k;
    free(f.cfg.withdrawn);
    f.cfg.withdrawn = orl_strdup(tpath("live/withdrawn.txt"));
    kiosk_reload(k, "test"); /* with the list (and its watch) from the config */
    kiosk_live_stop(k);
    kiosk_live_start(k);
    assert_int_equal(orl_kiosk_story_count(k), 2);
    assert_true(offered(k, "player-basic") && offered(k, "good-small"));

    /* a bundle changed on disk (a picture altered): out of the picker at once, checked once
     * it is still, and it stays out, the log saying what really happened */
    replace_by_rename(tpath("tampered.orilla"), tpath("live/basic.orilla"));
    pass(k, 0.2);
    assert_false(offered(k, "player-basic"));
    pass(k, 1.5);
    assert_false(offered(k, "player-basic"));
    assert_true(log_has(tpath("live.log"), "basic.orilla changed on disk and fails verification with the key"));
    assert_true(log_has(tpath("live.log"), "until it verifies again"));
    /* one story left: a visitor gets it straight away, never the changed one */
    tap(k, 960, 540);
    assert_true(orl_kiosk_tap_label(k, "English"));
    assert_string_equal(orl_kiosk_screen_name(k), "story:title");
    assert_true(orl_kiosk_shows(k, "Good small"));
    pass(k, 60); /* they walk away */
    assert_string_equal(orl_kiosk_screen_name(k), "attract");

    /* the good copy is back: verified, the stories are read again, both offered */
    replace_by_rename(tpath("signed.orilla"), tpath("live/basic.orilla"));
    pass(k, 1.5);
    assert_true(offered(k, "player-basic") && offered(k, "good-small"));
    assert_true(log_has(tpath("live.log"), "basic.orilla changed on disk and verifies"));

    /* a bundle removed: out of the picker and the attract loop, said as such */
    assert_int_equal(remove(tpath("live/small.orilla")), 0);
    pass(k, 1.5);
    assert_false(offered(k, "good-small"));
    assert_true(log_has(tpath("live.log"), "small.orilla was removed from disk: \"good-small\" is out of the picker"));
    for (int i = 0; i < 5; i++) {
        assert_int_not_equal(k->attract_story, -1);
        assert_string_equal(k->stories[k->attract_story].id, "player-basic");
        pass(k, ORL_KIOSK_ATTRACT_SECONDS);
    }

    /* a withdrawal while a visitor is in the story applies to their next screen */
    tap(k, 960, 540);
    assert_true(orl_kiosk_tap_label(k, "Español"));
    assert_string_equal(orl_kiosk_screen_name(k), "story:title");
    assert_true(orl_kiosk_tap_label(k, "Comenzar") || orl_kiosk_tap_label(k, "Empezar"));
    while (strcmp(orl_kiosk_screen_name(k), "story:scene") != 0 && orl_kiosk_tap_label(k, "Continuar")) {}
    assert_string_equal(orl_kiosk_screen_name(k), "story:scene");
    write_text(tpath("live/withdrawn.txt"), "player-basic/ana-bridge\n");
    pass(k, 1.5);
    assert_true(log_has(tpath("live.log"), "the withdrawal list changed: 1 entry (was 0)"));
    assert_true(orl_kiosk_tap_label(k, "Ana"));
    assert_false(orl_kiosk_shows(k, "Crucé el puente"));
    /* a list that cannot be read: the visitor plays on; then out of order until it is mended */
    write_text(tpath("live/withdrawn.txt"), "player-basic/ana-bridge\nthis is not a withdrawal\n");
    pass(k, 1.5);
    assert_true(log_has(tpath("live.log"), "the withdrawal list changed and cannot be read"));
    assert_string_equal(orl_kiosk_screen_name(k), "story:scene");
    pass(k, 60);
    assert_string_equal(orl_kiosk_screen_name(k), "out-of-order");
    write_text(tpath("live/withdrawn.txt"), "player-basic/ana-bridge\n");
    pass(k, 1.5);
    assert_string_equal(orl_kiosk_screen_name(k), "attract");
    close_kiosk(&f);
    orl_log_close(test_log);
    test_log = NULL;

    /* a story folder (rehearsals, no key): something made inside it is not the folder
     * changing; the folder renamed away is */
    mkdir(tpath("live/folder"), 0755);
    copy_file(ORL_TEST_DATA "/good-small/story.lua", tpath("live/folder/story.lua"));
    const char *fb[] = {tpath("live/folder")};
    open_kiosk(&f, NULL, fb, 1, NULL);
    k = f.k;
    assert_true(offered(k, "good-small"));
    mkdir(tpath("live/folder/notes"), 0755);
    pass(k, 1.5);
    assert_true(offered(k, "good-small"));
    assert_int_equal(rename(tpath("live/folder"), tpath("live/folder-old")), 0);
    pass(k, 1.5);
    assert_false(offered(k, "good-small"));
    assert_string_equal(orl_kiosk_screen_name(k), "out-of-order");
    assert_int_equal(rename(tpath("live/folder-old"), tpath("live/folder")), 0);
    pass(k, 1.5);
    assert_true(offered(k, "good-small"));
    assert_string_equal(orl_kiosk_screen_name(k), "attract");
    close_kiosk(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
cmocka_unit_test(test_attract_names_recreated),
                cmocka_unit_test(test_signatures),
        cmocka_unit_test(test_replaced_after_check),
        cmocka_unit_test(test_visitor_flow),
        cmocka_unit_test(test_others),
        cmocka_unit_test(test_others_rounded),
        cmocka_unit_test(test_others_decisions_only),
        cmocka_unit_test(test_operator),
        cmocka_unit_test(test_live_changes),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
