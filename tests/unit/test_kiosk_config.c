/* kiosk/config: kiosk.lua read in the sandbox; file:line errors, did-you-mean, types and
 * ranges; hostile Lua (endless loops, memory bombs, os.execute) refused with a message. */
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
#include <time.h>
#include <unistd.h>

#include "kiosk/config.h"
#include "kiosk/pin.h"


static int setup(void **state)
{
    (void)state;
    return tmpdir_make("orl-kcfg", NULL);
}

static int teardown(void **state)
{
    (void)state;
    tmpdir_remove();
    return 0;
}

static const char *write_cfg(const char *name, const char *text)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

/* Loads text; returns the exit-style code; *out receives all diagnostics as text. */
static int load(const char *text, orl_kiosk_config *c, char **out)
{
    const char *p = write_cfg("kiosk.lua", text);
    orl_diags d = {0};
    int rc = orl_kiosk_config_load(p, c, &d);
    orl_diags_sort(&d);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    orl_diags_print(&d, f);
    fclose(f);
    orl_diags_free(&d);
    *out = buf;
    return rc;
}

static void expect_error(const char *text, const char *needle)
{
    orl_kiosk_config c;
    char *msg;
    int rc = load(text, &c, &msg);
    if (!strstr(msg, needle)) fprintf(stderr, "expected \"%s\" in:\n%s\n", needle, msg);
    assert_int_equal(rc, 1);
    assert_non_null(strstr(msg, needle));
    assert_non_null(strstr(msg, "kiosk.lua:")); /* file:line */
    free(msg);
    orl_kiosk_config_free(&c);
}

static void test_good(void **state)
{
    (void)state;
    orl_kiosk_config c;
    char *msg;
    int rc = load("kiosk {\n"
                  "  deployment = \"exhibition\",\n"
                  "  languages = { \"es\", \"en\", \"fr\", \"ar\" },\n"
                  "  idle_seconds = 45,\n"
                  "  countdown_seconds = 15,\n"
                  "  bundles = { \"stories/a.orilla\", \"/srv/b.orilla\" },\n"
                  "  key = \"keys/workshop.pub\",\n"
                  "  withdrawn = \"withdrawn.txt\",\n"
                  "  stats = \"/var/lib/orilla/stats.db\",\n"
                  "  show_others = false,\n"
                  "  others_min_sessions = 30,\n"
                  "  pin_hash = \"$argon2id$v=19$m=65536,t=2,p=1$abc$def\",\n"
                  "  log = \"log/kiosk.log\",\n"
                  "  volume = 0.5,\n"
                  "  voice = true,\n"
                  "}\n",
                  &c, &msg);
    assert_string_equal(msg, "");
    assert_int_equal(rc, 0);
    assert_int_equal(c.deployment, ORL_DEPLOY_EXHIBITION);
    assert_int_equal(c.nlanguages, 4);
    assert_string_equal(c.languages[3], "ar");
    assert_true(c.idle_seconds == 45 && c.countdown_seconds == 15);
    assert_int_equal(c.nbundles, 2);
    char want[600];
    snprintf(want, sizeof want, "%s/stories/a.orilla", tmpdir); /* relative to kiosk.lua's folder */
    assert_string_equal(c.bundles[0], want);
    assert_string_equal(c.bundles[1], "/srv/b.orilla");
    snprintf(want, sizeof want, "%s/keys/workshop.pub", tmpdir);
    assert_string_equal(c.key, want);
    assert_string_equal(c.stats, "/var/lib/orilla/stats.db");
    assert_int_equal(c.show_others, 0);
    assert_int_equal(c.others_min_sessions, 30);
    assert_non_null(c.pin_hash);
    assert_true(c.volume == 0.5);
    assert_int_equal(c.voice, 1);
    free(msg);
    orl_kiosk_config_free(&c);

    /* defaults */
    rc = load("kiosk { bundles = { \"a.orilla\" } }\n", &c, &msg);
    assert_int_equal(rc, 0);
    assert_int_equal(c.deployment, ORL_DEPLOY_KIOSK);
    assert_true(c.idle_seconds == ORL_KIOSK_IDLE_DEFAULT);
    assert_int_equal(c.others_min_sessions, ORL_KIOSK_OTHERS_DEFAULT);
    assert_int_equal(c.show_others, 1);
    assert_int_equal(c.voice, 0); /* reading aloud is the visitor's choice unless the operator says */
    assert_null(c.stats);
    assert_null(c.pin_hash);
    free(msg);
    orl_kiosk_config_free(&c);

    /* plain Lua that only computes values is fine */
    rc = load("local base = \"/srv/stories/\"\n"
              "local list = {}\n"
              "for _, n in ipairs({ \"a\", \"b\" }) do list[#list + 1] = base .. n .. \".orilla\" end\n"
              "kiosk { bundles = list, idle_seconds = 60 * 2 }\n",
              &c, &msg);
    assert_string_equal(msg, "");
    assert_int_equal(rc, 0);
    assert_int_equal(c.nbundles, 2);
    assert_string_equal(c.bundles[1], "/srv/stories/b.orilla");
    assert_true(c.idle_seconds == 120);
    free(msg);
    orl_kiosk_config_free(&c);
}

static void test_example_loads(void **state)
{
    (void)state;
    orl_kiosk_config c;
    char *msg;
    assert_int_equal(load(orl_kiosk_config_example(), &c, &msg), 0);
    assert_string_equal(msg, "");
    assert_int_equal(c.nlanguages, 4);
    assert_int_equal(c.nbundles, 1);
    free(msg);
    orl_kiosk_config_free(&c);
    /* the test kiosk of the e2e cases */
    orl_diags d = {0};
    assert_int_equal(orl_kiosk_config_load(ORL_TEST_DATA "/kiosk/kiosk.lua", &c, &d), 0);
    assert_int_equal(d.errors, 0);
    assert_true(orl_pin_verify(c.pin_hash, "2468"));
    assert_false(orl_pin_verify(c.pin_hash, "2469"));
    orl_diags_free(&d);
    orl_kiosk_config_free(&c);
}

static void test_typos(void **state)
{
    (void)state;
    expect_error("kiosk {\n  bundles = { \"a\" },\n  idle_second = 90,\n}\n",
                 "kiosk.lua:3: error: 'idle_second' is not a kiosk setting; did you mean 'idle_seconds'?");
    expect_error("kiosk {\n  langauges = { \"es\" },\n}\n", ":2: error: 'langauges' is not a kiosk setting; did you mean 'languages'?");
    expect_error("kiosk {\n  bundle = { \"a\" },\n}\n", "did you mean 'bundles'?");
    expect_error("kiosk {\n  pin = \"1234\",\n}\n", "did you mean 'pin_hash'?");
    expect_error("kiosk {\n  colour = \"red\",\n}\n", "'colour' is not a kiosk setting (they are: deployment");
    expect_error("kiosk {\n  deployment = \"kiosko\",\n}\n", ":2: error: deployment is \"kiosk\" or \"exhibition\", not \"kiosko\"; did you mean \"kiosk\"?");
    expect_error("kiosk {\n  deployment = \"online\",\n}\n", "is not for an unattended screen");
    expect_error("kiosk {\n  \"es\",\n}\n", "an item without a name");
}

static void test_types(void **state)
{
    (void)state;
    expect_error("kiosk {\n  idle_seconds = \"90\",\n}\n", ":2: error: 'idle_seconds' should be a number without quotes");
    expect_error("kiosk {\n  idle_seconds = 5,\n}\n", "'idle_seconds' is 5; it should be from 15 to 3600");
    expect_error("kiosk {\n  others_min_sessions = 2,\n}\n", "'others_min_sessions' is 2; it should be from 5");
    expect_error("kiosk {\n  others_min_sessions = 20.5,\n}\n", "should be a whole number");
    expect_error("kiosk {\n  volume = 3,\n}\n", "'volume' is 3");
    expect_error("kiosk {\n  languages = \"es\",\n}\n", "'languages' should be a list, even of one: languages = { \"es\", \"en\" }");
    expect_error("kiosk {\n  languages = { \"es\", 4 },\n}\n", "item 2 of 'languages' should be text in quotes, but it is a number");
    expect_error("kiosk {\n  languages = { \"Spanish!\" },\n}\n", "is not a language code");
    expect_error("kiosk {\n  bundles = { a = \"x.orilla\" },\n}\n", "it has a named item");
    expect_error("kiosk {\n  show_others = \"yes\",\n}\n", ":2: error: 'show_others' should be true or false without quotes");
    expect_error("kiosk {\n  voice = 1,\n}\n", ":2: error: 'voice' should be true or false");
    expect_error("kiosk {\n  voise = true,\n}\n", ":2: error: 'voise' is not a kiosk setting; did you mean 'voice'?");
    expect_error("kiosk {\n  stats = 42,\n}\n", "'stats' should be text in quotes");
    expect_error("kiosk {\n  stats = \"\",\n}\n", "'stats' is empty");
    expect_error("kiosk {\n  pin_hash = \"1234\",\n}\n", "never write the PIN itself here");
    expect_error("kiosk {\n  key = function() end,\n}\n", "but it is a function");
    expect_error("-- nothing\n", "there is no kiosk { ... } in this file");
    expect_error("kiosk { }\nkiosk { }\n", ":2: error: kiosk { } is written a second time (the first is at line 1)");
    expect_error("kiosk \"x\"\n", "kiosk needs its settings between braces");
    expect_error("kiosk {\n  idle_seconds = 90\n  bundles = {}\n}\n", "kiosk.lua:3: error: kiosk.lua cannot be read:");
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void test_hostile(void **state)
{
    (void)state;
    double t0 = now_s();
    expect_error("while true do end\nkiosk {}\n", "kiosk.lua:1: error: kiosk.lua stopped: ran too many steps; kiosk.lua should only set values");
    expect_error("local function f() return f() + 1 end\nf()\n", "kiosk.lua stopped");
    expect_error("local t = {}\nfor i = 1, 1e9 do t[i] = string.rep('x', 1000) .. i end\n", "used more memory than a list of settings needs");
    expect_error("local s = string.rep('x', 1 << 30)\n", "kiosk.lua stopped");
    expect_error("os.execute('touch /tmp/orilla-pwned')\nkiosk {}\n", "kiosk.lua:1: error: kiosk.lua stopped: attempt to call a nil value (field 'execute'); kiosk.lua runs in a sandbox");
    expect_error("io.open('/etc/passwd')\n", "kiosk.lua runs in a sandbox");
    expect_error("require('os')\n", "kiosk.lua runs in a sandbox");
    expect_error("dofile('/etc/passwd')\n", "kiosk.lua runs in a sandbox");
    expect_error("load('return 1')()\n", "kiosk.lua runs in a sandbox");
    expect_error("\x1bLua\x54\x00\x19\x93\r\n", "precompiled Lua");
    expect_error("string.rep('(', 200):find(string.rep('(.*)', 30) .. 'x')\n", "kiosk.lua stopped");
    assert_int_equal(access("/tmp/orilla-pwned", F_OK), -1);
    /* all of it quickly: limits, not timeouts of the test */
    assert_true(now_s() - t0 < 20.0);

    /* a table whose fields are computed by a metatable: read raw, nothing runs, nothing hangs */
    orl_kiosk_config c;
    char *msg;
    int rc = load("kiosk(setmetatable({}, { __index = function() while true do end end,\n"
                  "                          __pairs = function() while true do end end }))\n",
                  &c, &msg);
    assert_int_equal(rc, 0);
    assert_int_equal(c.nbundles, 0);
    free(msg);
    orl_kiosk_config_free(&c);
    /* a list whose length is a lie */
    rc = load("kiosk { bundles = setmetatable({}, { __len = function() return 1e9 end }) }\n", &c, &msg);
    assert_int_equal(c.nbundles, 0);
    free(msg);
    orl_kiosk_config_free(&c);
    /* print goes nowhere, and does not fail */
    rc = load("print('hello')\nkiosk { }\n", &c, &msg);
    assert_int_equal(rc, 0);
    free(msg);
    orl_kiosk_config_free(&c);
}

static void test_unreadable(void **state)
{
    (void)state;
    orl_kiosk_config c;
    orl_diags d = {0};
    char p[600];
    snprintf(p, sizeof p, "%s/absent.lua", tmpdir);
    assert_int_equal(orl_kiosk_config_load(p, &c, &d), 2);
    assert_true(d.errors > 0);
    orl_diags_free(&d);
    orl_kiosk_config_free(&c);
    /* a folder */
    memset(&d, 0, sizeof d);
    assert_int_equal(orl_kiosk_config_load(tmpdir, &c, &d), 2);
    orl_diags_free(&d);
    orl_kiosk_config_free(&c);
    /* too big */
    char *big = malloc(ORL_KIOSK_CONFIG_MAX_BYTES + 10);
    memset(big, ' ', ORL_KIOSK_CONFIG_MAX_BYTES + 9);
    big[ORL_KIOSK_CONFIG_MAX_BYTES + 9] = 0;
    const char *bp = write_cfg("big.lua", big);
    free(big);
    memset(&d, 0, sizeof d);
    assert_int_equal(orl_kiosk_config_load(bp, &c, &d), 2);
    orl_diags_free(&d);
    orl_kiosk_config_free(&c);
    /* not UTF-8 */
    expect_error("kiosk {\n  log = \"caf\xe9.log\",\n}\n", "kiosk.lua:2: error: this line has bytes that are not UTF-8");
}

static void test_pin(void **state)
{
    (void)state;
    assert_true(orl_pin_format_ok("2468"));
    assert_true(orl_pin_format_ok("123456789012"));
    assert_false(orl_pin_format_ok("123"));
    assert_false(orl_pin_format_ok("1234567890123"));
    assert_false(orl_pin_format_ok("12a4"));
    assert_false(orl_pin_format_ok(""));
    assert_false(orl_pin_format_ok(NULL));
    char h[ORL_PIN_HASH_MAX], err[128];
    assert_int_equal(orl_pin_hash("13579", h, err, sizeof err), 0);
    assert_int_equal(strncmp(h, "$argon2id$", 10), 0);
    assert_true(orl_pin_verify(h, "13579"));
    assert_false(orl_pin_verify(h, "13578"));
    assert_false(orl_pin_verify("$argon2id$garbage", "13579"));
    assert_int_equal(orl_pin_hash("12", h, err, sizeof err), -1);

    /* rate limit: 3 free tries, then 30 s, then 60 s, 120 s ... */
    orl_pin_guard g = {0};
    double t = 1000;
    assert_int_equal(orl_pin_try(&g, h, "0000", t), 0);
    assert_int_equal(orl_pin_try(&g, h, "0001", t), 0);
    assert_true(orl_pin_wait(&g, t) == 0);
    assert_int_equal(orl_pin_try(&g, h, "0002", t), 0);
    assert_true(orl_pin_wait(&g, t) == 30);
    /* locked: even the right PIN is not checked */
    assert_int_equal(orl_pin_try(&g, h, "13579", t + 10), -1);
    t += 31;
    assert_int_equal(orl_pin_try(&g, h, "0003", t), 0);
    assert_true(orl_pin_wait(&g, t) == 60);
    t += 61;
    assert_int_equal(orl_pin_try(&g, h, "0004", t), 0);
    assert_true(orl_pin_wait(&g, t) == 120);
    for (int i = 0; i < 4; i++) { /* 240, 480, 900 (the most), 900 */
        t += ORL_PIN_MAX_WAIT + 1;
        orl_pin_try(&g, h, "0005", t);
    }
    assert_true(orl_pin_wait(&g, t) == ORL_PIN_MAX_WAIT);
    t += ORL_PIN_MAX_WAIT + 1;
    assert_int_equal(orl_pin_try(&g, h, "13579", t), 1);
    assert_int_equal(g.wrong, 0);
    assert_int_equal(orl_pin_try(&g, NULL, "13579", t), 0); /* no PIN set: never right */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good),
        cmocka_unit_test(test_example_loads),
        cmocka_unit_test(test_typos),
        cmocka_unit_test(test_types),
        cmocka_unit_test(test_hostile),
        cmocka_unit_test(test_unreadable),
        cmocka_unit_test(test_pin),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
