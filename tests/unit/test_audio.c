/* audio/audio: testimony audio with captions, on SDL's dummy driver (no sound card needed).
 * Consent is asked inside the play function; broken or missing files are diagnostics. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "audio/audio.h"
#include "core/strutil.h"

static char dir[256];
static orl_fs *fs;
static char *S_ALL[] = {"workshop", "kiosk", "exhibition", "online"};

static void put(const char *name, const void *data, size_t len)
{
    char *p = orl_format("%s/%s", dir, name);
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    if (len) assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
    free(p);
}

static void le32(unsigned char *p, uint32_t v) { p[0] = (unsigned char)v; p[1] = (unsigned char)(v >> 8); p[2] = (unsigned char)(v >> 16); p[3] = (unsigned char)(v >> 24); }
static void le16(unsigned char *p, uint16_t v) { p[0] = (unsigned char)v; p[1] = (unsigned char)(v >> 8); }

/* One second of a quiet 440 Hz tone: 8 kHz, 16-bit, mono. */
static void put_wav(const char *name, int seconds)
{
    uint32_t rate = 8000, n = rate * (uint32_t)seconds, bytes = n * 2;
    unsigned char *b = calloc(1, 44 + bytes);
    assert_non_null(b);
    memcpy(b, "RIFF", 4); le32(b + 4, 36 + bytes); memcpy(b + 8, "WAVEfmt ", 8);
    le32(b + 16, 16); le16(b + 20, 1); le16(b + 22, 1); le32(b + 24, rate); le32(b + 28, rate * 2);
    le16(b + 32, 2); le16(b + 34, 16); memcpy(b + 36, "data", 4); le32(b + 40, bytes);
    for (uint32_t i = 0; i < n; i++) le16(b + 44 + 2 * i, (uint16_t)(int16_t)((i % 18 < 9) ? 300 : -300));
    put(name, b, 44 + bytes);
    free(b);
}

static int setup(void **state)
{
    (void)state;
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/orl-test-audio-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) return -1;
    char *p = orl_format("%s/audio", dir);
    mkdir(p, 0755);
    free(p);
    p = orl_format("%s/captions", dir);
    mkdir(p, 0755);
    free(p);
    put("story.lua", "story { }\n", 10);
    put_wav("audio/ana.wav", 1);
    put("audio/broken.ogg", "this is not audio at all, just words in a file", 46);
    static const char vtt[] = "WEBVTT\n\n00:00.000 --> 00:00.400\nuno\n\n00:00.400 --> 00:01.000\ndos\n";
    put("captions/ana.vtt", vtt, sizeof vtt - 1);
    static const char bad[] = "WEBVTT\n\n00:00.000 --> 00:00.400\nuno\n\nbroken --> line\ndos\n";
    put("captions/bad.vtt", bad, sizeof bad - 1);
    char err[256];
    fs = orl_fs_open(dir, err, sizeof err);
    return fs ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    orl_fs_close(fs);
    char *cmd = orl_format("rm -rf '%s'", dir);
    int rc = system(cmd);
    free(cmd);
    return rc == 0 ? 0 : -1;
}

static orl_testimony mk(const char *audio, const char *captions)
{
    orl_testimony t;
    memset(&t, 0, sizeof t);
    t.id = (char *)"ana-bridge";
    t.narrator_idx = -1;
    t.loc.file = "story.lua";
    t.loc.line = 7;
    t.audio = (char *)audio;
    t.captions = (char *)captions;
    t.consent.set = 1;
    t.consent.recorded = (char *)"2025-01-01";
    t.consent.expires = (char *)"2030-01-01";
    t.consent.scope.items = S_ALL;
    t.consent.scope.n = 4;
    return t;
}

static orl_story mkstory(orl_testimony *t)
{
    orl_story st;
    memset(&st, 0, sizeof st);
    st.id = (char *)"del-otro-lado";
    st.testimonies = t;
    st.ntestimonies = 1;
    return st;
}

static orl_consent_ctx ctx(const char *date)
{
    orl_consent_ctx c;
    memset(&c, 0, sizeof c);
    c.today = orl_parse_date(date);
    return c;
}

static void sleep_s(double s)
{
    struct timespec ts = {(time_t)s, (long)((s - (double)(time_t)s) * 1e9)};
    nanosleep(&ts, NULL);
}

static int has_diag(const orl_diags *d, orl_severity sev, const char *text)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->items[i].sev == sev && strstr(d->items[i].msg, text)) return 1;
    return 0;
}

static void test_play_with_captions(void **state)
{
    (void)state;
    orl_diags d = {0};
    orl_audio *a = orl_audio_open(NULL, &d);
    assert_non_null(a);
    assert_int_equal(orl_audio_mode_of(a), ORL_AUDIO_DUMMY);
    orl_testimony t = mk("audio/ana.wav", "captions/ana.vtt");
    orl_story st = mkstory(&t);
    orl_consent_ctx c = ctx("2026-01-01");
    assert_int_equal(orl_audio_play_testimony(a, fs, &st, &t, &c, &d), ORL_AUDIO_OK);
    if (d.errors) orl_diags_print(&d, stderr);
    assert_int_equal(d.errors, 0);
    assert_true(orl_audio_active(a));
    double dur = orl_audio_duration(a);
    assert_true(dur > 0.9 && dur < 1.1);
    assert_non_null(orl_audio_captions(a));
    assert_int_equal(orl_audio_captions(a)->n, 2);
    char buf[64];
    assert_int_equal(orl_audio_caption(a, buf, sizeof buf), 1);
    assert_string_equal(buf, "uno");
    sleep_s(0.15);
    double p1 = orl_audio_position(a);
    assert_true(p1 > 0.1 && p1 < 0.4);
    /* paused: the position stays */
    orl_audio_pause(a);
    assert_true(orl_audio_paused(a));
    double p2 = orl_audio_position(a);
    sleep_s(0.35);
    assert_true(orl_audio_position(a) - p2 < 0.01);
    assert_true(orl_audio_active(a));
    assert_int_equal(orl_audio_caption(a, buf, sizeof buf), 1);
    assert_string_equal(buf, "uno");
    orl_audio_resume(a);
    assert_false(orl_audio_paused(a));
    sleep_s(0.3);
    assert_int_equal(orl_audio_caption(a, buf, sizeof buf), 1);
    assert_string_equal(buf, "dos");
    /* volume is clamped */
    orl_audio_set_volume(a, 2.0f);
    assert_true(orl_audio_volume(a) == 1.0f);
    orl_audio_set_volume(a, -1.0f);
    assert_true(orl_audio_volume(a) == 0.0f);
    orl_audio_set_volume(a, 0.5f);
    assert_true(orl_audio_volume(a) == 0.5f);
    /* it ends */
    sleep_s(0.8);
    assert_false(orl_audio_active(a));
    orl_audio_stop(a);
    assert_false(orl_audio_active(a));
    assert_true(orl_audio_position(a) == 0.0);
    assert_int_equal(orl_audio_caption(a, buf, sizeof buf), 0);
    assert_string_equal(buf, "");
    assert_null(orl_audio_captions(a));
    orl_audio_close(a);
    orl_diags_free(&d);
}

static void test_consent_refused(void **state)
{
    (void)state;
    orl_diags d = {0};
    orl_audio *a = orl_audio_open(NULL, &d);
    orl_testimony t = mk("audio/ana.wav", "captions/ana.vtt");
    orl_story st = mkstory(&t);
    /* expired */
    orl_consent_ctx c = ctx("2030-01-01");
    assert_int_equal(orl_audio_play_testimony(a, fs, &st, &t, &c, &d), ORL_AUDIO_REFUSED);
    assert_false(orl_audio_active(a));
    assert_null(orl_audio_captions(a));
    /* out of scope */
    c = ctx("2026-01-01");
    c.deployment = ORL_DEPLOY_KIOSK;
    t.consent.scope.n = 1; /* workshop only */
    assert_int_equal(orl_audio_play_testimony(a, fs, &st, &t, &c, &d), ORL_AUDIO_REFUSED);
    /* withdrawn */
    t.consent.scope.n = 4;
    char *items[] = {"del-otro-lado/ana-bridge"};
    orl_withdrawn w = {0};
    w.items = items;
    w.n = 1;
    c.withdrawn = &w;
    assert_int_equal(orl_audio_play_testimony(a, fs, &st, &t, &c, &d), ORL_AUDIO_REFUSED);
    /* missing consent; and no context at all */
    c.withdrawn = NULL;
    t.consent.set = 0;
    assert_int_equal(orl_audio_play_testimony(a, fs, &st, &t, &c, &d), ORL_AUDIO_REFUSED);
    assert_int_equal(orl_audio_play_testimony(a, fs, &st, &t, NULL, &d), ORL_AUDIO_REFUSED);
    /* something playing stops when a refused one is asked for */
    t.consent.set = 1;
    assert_int_equal(orl_audio_play_testimony(a, fs, &st, &t, &c, &d), ORL_AUDIO_OK);
    t.consent.set = 0;
    assert_int_equal(orl_audio_play_testimony(a, fs, &st, &t, &c, &d), ORL_AUDIO_REFUSED);
    assert_false(orl_audio_active(a));
    assert_int_equal(d.n, 0);
    orl_audio_close(a);
    orl_diags_free(&d);
}

static void test_broken_files(void **state)
{
    (void)state;
    orl_diags d = {0};
    orl_audio *a = orl_audio_open(NULL, &d);
    orl_consent_ctx c = ctx("2026-01-01");
    orl_testimony t = mk("audio/none.ogg", NULL);
    orl_story st = mkstory(&t);
    assert_int_equal(orl_audio_play_testimony(a, fs, &st, &t, &c, &d), ORL_AUDIO_BROKEN);
    assert_true(has_diag(&d, ORL_ERROR, "cannot be read"));
    assert_string_equal(d.items[0].file, "story.lua");
    assert_int_equal(d.items[0].line, 7);
    orl_diags_free(&d);
    t = mk("audio/broken.ogg", NULL);
    assert_int_equal(orl_audio_play_testimony(a, fs, &st, &t, &c, &d), ORL_AUDIO_BROKEN);
    assert_true(has_diag(&d, ORL_ERROR, "cannot be played"));
    assert_false(orl_audio_active(a));
    orl_diags_free(&d);
    t = mk("../outside.ogg", NULL);
    assert_int_equal(orl_audio_play_testimony(a, fs, &st, &t, &c, &d), ORL_AUDIO_BROKEN);
    assert_int_equal(d.errors, 1);
    orl_diags_free(&d);
    t = mk(NULL, "captions/ana.vtt");
    assert_int_equal(orl_audio_play_testimony(a, fs, &st, &t, &c, &d), ORL_AUDIO_NO_AUDIO);
    assert_int_equal(d.n, 0);
    /* captions with a mistake: reported as captions/bad.vtt:line, the good cue still shown */
    t = mk("audio/ana.wav", "captions/bad.vtt");
    assert_int_equal(orl_audio_play_testimony(a, fs, &st, &t, &c, &d), ORL_AUDIO_OK);
    assert_int_equal(d.errors, 1);
    assert_string_equal(d.items[0].file, "captions/bad.vtt");
    assert_int_equal(d.items[0].line, 6);
    char buf[32];
    assert_int_equal(orl_audio_caption(a, buf, sizeof buf), 1);
    assert_string_equal(buf, "uno");
    orl_audio_close(a);
    orl_diags_free(&d);

    /* larger than the cap */
    orl_audio_desc desc = {.max_bytes = 1000};
    a = orl_audio_open(&desc, &d);
    t = mk("audio/ana.wav", NULL);
    assert_int_equal(orl_audio_play_testimony(a, fs, &st, &t, &c, &d), ORL_AUDIO_BROKEN);
    assert_true(has_diag(&d, ORL_ERROR, "larger than 1000 bytes"));
    orl_audio_close(a);
    orl_diags_free(&d);
    orl_audio_close(NULL);
    assert_int_equal(orl_audio_play_testimony(NULL, fs, &st, &t, &c, &d), ORL_AUDIO_BROKEN);
}

static void test_silent_and_fallback(void **state)
{
    (void)state;
    orl_diags d = {0};
    orl_audio_desc desc = {.no_device = 1};
    orl_audio *a = orl_audio_open(&desc, &d);
    assert_int_equal(orl_audio_mode_of(a), ORL_AUDIO_SILENT);
    orl_testimony t = mk("audio/ana.wav", "captions/ana.vtt");
    orl_story st = mkstory(&t);
    orl_consent_ctx c = ctx("2026-01-01");
    assert_int_equal(orl_audio_play_testimony(a, fs, &st, &t, &c, &d), ORL_AUDIO_OK);
    assert_true(orl_audio_active(a));
    assert_true(orl_audio_duration(a) == 1.0); /* from the captions */
    char buf[32];
    sleep_s(0.5);
    assert_int_equal(orl_audio_caption(a, buf, sizeof buf), 1);
    assert_string_equal(buf, "dos");
    orl_audio_close(a);
    assert_int_equal(d.n, 0);

    /* a driver that does not exist: a note, then the dummy driver */
    desc.no_device = 0;
    desc.driver = "no-such-driver";
    a = orl_audio_open(&desc, &d);
    assert_non_null(a);
    assert_int_equal(orl_audio_mode_of(a), ORL_AUDIO_DUMMY);
    assert_int_equal(d.errors, 0);
    assert_true(has_diag(&d, ORL_NOTE, "no sound device"));
    assert_int_equal(orl_audio_play_testimony(a, fs, &st, &t, &c, &d), ORL_AUDIO_OK);
    orl_audio_close(a);
    orl_diags_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_play_with_captions),
        cmocka_unit_test(test_consent_refused),
        cmocka_unit_test(test_broken_files),
        cmocka_unit_test(test_silent_and_fallback),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
