/* story/consent: the one place that decides whether a testimony may be shown here and now;
 * the withdrawal lists operators keep; what `check` says about consent. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "tmpdir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/strutil.h"
#include "story/consent.h"
#include "story/uitext.h"

/* ---- a story built by hand: the decision needs only ids and consent ---- */

static char *S_ALL[] = {"workshop", "kiosk", "exhibition", "online"};
static char *S_KIOSK[] = {"kiosk"};

static orl_testimony mk(const char *id, const char *rec, const char *exp, char **scope, int nscope)
{
    orl_testimony t;
    memset(&t, 0, sizeof t);
    t.id = (char *)id;
    t.narrator = (char *)"ana";
    t.narrator_idx = -1;
    t.loc.file = "story.lua";
    t.loc.line = 10;
    t.consent.set = 1;
    t.consent.recorded = (char *)rec;
    t.consent.expires = (char *)exp;
    t.consent.scope.items = scope;
    t.consent.scope.n = nscope;
    t.consent.loc.file = "story.lua";
    t.consent.loc.line = 12;
    return t;
}

static orl_story mkstory(const char *id, orl_testimony *ts, int n)
{
    orl_story st;
    memset(&st, 0, sizeof st);
    st.id = (char *)id;
    st.testimonies = ts;
    st.ntestimonies = n;
    return st;
}

static long long D(const char *s)
{
    long long v = orl_parse_date(s);
    assert_true(v >= 0);
    return v;
}

static orl_consent_ctx ctx_on(const char *date, orl_deployment dep)
{
    orl_consent_ctx c;
    memset(&c, 0, sizeof c);
    c.deployment = dep;
    c.today = D(date);
    return c;
}

static orl_consent_status status_on(orl_story *st, orl_testimony *t, const char *date, orl_deployment dep)
{
    orl_consent_ctx c = ctx_on(date, dep);
    return orl_consent_status_of(st, t, &c);
}

/* ---- the decision ---- */

static void test_ok_and_scope(void **state)
{
    (void)state;
    orl_testimony t[1] = {mk("ana-bridge", "2025-03-02", "2028-03-02", S_KIOSK, 1)};
    orl_story st = mkstory("del-otro-lado", t, 1);
    assert_int_equal(status_on(&st, &t[0], "2026-01-01", ORL_DEPLOY_KIOSK), ORL_CONSENT_OK);
    assert_int_equal(status_on(&st, &t[0], "2026-01-01", ORL_DEPLOY_WORKSHOP), ORL_CONSENT_OUT_OF_SCOPE);
    assert_int_equal(status_on(&st, &t[0], "2026-01-01", ORL_DEPLOY_ONLINE), ORL_CONSENT_OUT_OF_SCOPE);
    orl_consent_ctx c = ctx_on("2026-01-01", ORL_DEPLOY_KIOSK);
    assert_true(orl_consent_allows(&st, &t[0], &c));
    c.deployment = ORL_DEPLOY_EXHIBITION;
    assert_false(orl_consent_allows(&st, &t[0], &c));
    /* no scope at all: shown nowhere */
    t[0].consent.scope.n = 0;
    assert_int_equal(status_on(&st, &t[0], "2026-01-01", ORL_DEPLOY_KIOSK), ORL_CONSENT_OUT_OF_SCOPE);
    /* the first day is shown */
    t[0] = mk("ana-bridge", "2025-03-02", "2028-03-02", S_ALL, 4);
    assert_int_equal(status_on(&st, &t[0], "2025-03-02", ORL_DEPLOY_ONLINE), ORL_CONSENT_OK);
}

static void test_expired(void **state)
{
    (void)state;
    orl_testimony t[1] = {mk("ana-bridge", "2025-03-02", "2028-03-02", S_ALL, 4)};
    orl_story st = mkstory("del-otro-lado", t, 1);
    orl_consent_ctx c = ctx_on("2028-03-01", ORL_DEPLOY_WORKSHOP);
    orl_consent_info in;
    assert_int_equal(orl_consent_explain(&st, &t[0], &c, &in), ORL_CONSENT_OK);
    assert_int_equal(in.days_left, 1); /* today only */
    /* `expires` is the first day it is no longer shown */
    c.today = D("2028-03-02");
    assert_int_equal(orl_consent_explain(&st, &t[0], &c, &in), ORL_CONSENT_EXPIRED);
    assert_false(in.clock_wrong);
    assert_int_equal(in.days_left, 0);
    c.today = D("2040-01-01");
    assert_int_equal(orl_consent_explain(&st, &t[0], &c, &in), ORL_CONSENT_EXPIRED);
    assert_true(in.days_left < 0);
    assert_string_equal(orl_consent_reason_words(&in), "hidden: consent has ended");
}

static void test_clock_before_recording(void **state)
{
    (void)state;
    orl_testimony t[1] = {mk("ana-bridge", "2025-03-02", "2028-03-02", S_ALL, 4)};
    orl_story st = mkstory("del-otro-lado", t, 1);
    orl_consent_ctx c = ctx_on("2025-03-01", ORL_DEPLOY_WORKSHOP);
    orl_consent_info in;
    assert_int_equal(orl_consent_explain(&st, &t[0], &c, &in), ORL_CONSENT_EXPIRED);
    assert_true(in.clock_wrong);
    assert_non_null(strstr(orl_consent_reason_words(&in), "before this was recorded"));
    /* a dead clock battery: 1970 */
    c.today = D("1970-01-02");
    assert_int_equal(orl_consent_status_of(&st, &t[0], &c), ORL_CONSENT_EXPIRED);
}

static void test_clock_before_story_made(void **state)
{
    (void)state;
    /* luis was recorded later than ana: a story holding luis cannot run before that day */
    orl_testimony t[2] = {mk("ana-bridge", "2025-03-02", "2028-03-02", S_ALL, 4),
                          mk("luis-road", "2025-06-10", "2028-06-10", S_ALL, 4)};
    orl_story st = mkstory("del-otro-lado", t, 2);
    assert_int_equal(orl_consent_latest_recording(&st), D("2025-06-10"));
    orl_consent_ctx c = ctx_on("2025-04-01", ORL_DEPLOY_WORKSHOP);
    orl_consent_info in;
    assert_int_equal(orl_consent_explain(&st, &t[0], &c, &in), ORL_CONSENT_EXPIRED);
    assert_true(in.clock_wrong);
    assert_int_equal(in.made, D("2025-06-10"));
    assert_non_null(strstr(orl_consent_reason_words(&in), "before the story was made"));
    c.today = D("2025-06-10");
    assert_int_equal(orl_consent_status_of(&st, &t[0], &c), ORL_CONSENT_OK);
    /* a "made" date from a bundle manifest */
    c.made = D("2026-01-15");
    c.today = D("2026-01-14");
    assert_int_equal(orl_consent_explain(&st, &t[0], &c, &in), ORL_CONSENT_EXPIRED);
    assert_true(in.clock_wrong);
    assert_int_equal(in.made, D("2026-01-15"));
    c.today = D("2026-01-15");
    assert_int_equal(orl_consent_status_of(&st, &t[0], &c), ORL_CONSENT_OK);
}

static void test_missing(void **state)
{
    (void)state;
    orl_testimony t[1] = {mk("ana-bridge", NULL, NULL, NULL, 0)};
    t[0].consent.set = 0;
    orl_story st = mkstory("del-otro-lado", t, 1);
    orl_consent_ctx c = ctx_on("2026-01-01", ORL_DEPLOY_WORKSHOP);
    assert_int_equal(orl_consent_status_of(&st, &t[0], &c), ORL_CONSENT_MISSING);
    assert_false(orl_consent_allows(&st, &t[0], &c));
    /* missing beats a withdrawal list that names it */
    orl_withdrawn w = {0};
    char *items[] = {"del-otro-lado/ana-bridge"};
    w.items = items;
    w.n = 1;
    c.withdrawn = &w;
    assert_int_equal(orl_consent_status_of(&st, &t[0], &c), ORL_CONSENT_MISSING);
}

static void test_invalid_dates(void **state)
{
    (void)state;
    static const char *const bad[] = {"2025-02-30", "2025-13-01", "2025-00-10", "2025-01-00", "25-01-01",
                                      "2025/01/01", "2025-1-1", "01-01-2025", "", "2025-01-01 ", "1969-12-31",
                                      "2023-02-29", "2100-02-29", "abcd-ef-gh", "2025-01-32", NULL};
    orl_story st;
    for (int i = 0; bad[i]; i++) {
        assert_true(orl_parse_date(bad[i]) < 0);
        orl_testimony t[1] = {mk("x", bad[i], "2030-01-01", S_ALL, 4)};
        st = mkstory("s", t, 1);
        assert_int_equal(status_on(&st, &t[0], "2026-01-01", ORL_DEPLOY_WORKSHOP), ORL_CONSENT_INVALID);
        t[0] = mk("x", "2025-01-01", bad[i], S_ALL, 4);
        assert_int_equal(status_on(&st, &t[0], "2026-01-01", ORL_DEPLOY_WORKSHOP), ORL_CONSENT_INVALID);
    }
    assert_true(orl_parse_date(NULL) < 0);
    /* no recorded date, or no end: never shown */
    orl_testimony t[1] = {mk("x", NULL, "2030-01-01", S_ALL, 4)};
    st = mkstory("s", t, 1);
    assert_int_equal(status_on(&st, &t[0], "2026-01-01", ORL_DEPLOY_WORKSHOP), ORL_CONSENT_INVALID);
    t[0] = mk("x", "2025-01-01", NULL, S_ALL, 4);
    assert_int_equal(status_on(&st, &t[0], "2026-01-01", ORL_DEPLOY_WORKSHOP), ORL_CONSENT_INVALID);
    /* ends before (or on the day) it was recorded */
    t[0] = mk("x", "2025-01-01", "2024-12-31", S_ALL, 4);
    orl_consent_ctx c = ctx_on("2024-12-31", ORL_DEPLOY_WORKSHOP);
    orl_consent_info in;
    assert_int_equal(orl_consent_explain(&st, &t[0], &c, &in), ORL_CONSENT_INVALID);
    assert_non_null(strstr(orl_consent_reason_words(&in), "ends before"));
    t[0] = mk("x", "2025-01-01", "2025-01-01", S_ALL, 4);
    assert_int_equal(status_on(&st, &t[0], "2025-01-01", ORL_DEPLOY_WORKSHOP), ORL_CONSENT_INVALID);
}

static void test_leap_days(void **state)
{
    (void)state;
    assert_true(orl_parse_date("2024-02-29") >= 0);
    assert_true(orl_parse_date("2000-02-29") >= 0);
    assert_true(orl_parse_date("2028-02-29") >= 0);
    assert_int_equal(orl_parse_date("2024-03-01") - orl_parse_date("2024-02-28"), 2);
    assert_int_equal(orl_parse_date("2023-03-01") - orl_parse_date("2023-02-28"), 1);
    assert_int_equal(orl_parse_date("1970-01-01"), 0);
    assert_int_equal(orl_parse_date("2000-01-01"), 10957);
    /* recorded on a leap day, ends on the next leap day */
    orl_testimony t[1] = {mk("x", "2024-02-29", "2028-02-29", S_ALL, 4)};
    orl_story st = mkstory("s", t, 1);
    orl_consent_ctx c = ctx_on("2028-02-28", ORL_DEPLOY_WORKSHOP);
    orl_consent_info in;
    assert_int_equal(orl_consent_explain(&st, &t[0], &c, &in), ORL_CONSENT_OK);
    assert_int_equal(in.days_left, 1);
    assert_int_equal(status_on(&st, &t[0], "2028-02-29", ORL_DEPLOY_WORKSHOP), ORL_CONSENT_EXPIRED);
    assert_int_equal(status_on(&st, &t[0], "2024-02-29", ORL_DEPLOY_WORKSHOP), ORL_CONSENT_OK);
    assert_int_equal(status_on(&st, &t[0], "2024-02-28", ORL_DEPLOY_WORKSHOP), ORL_CONSENT_EXPIRED);
    /* 2100 is not a leap year */
    t[0] = mk("x", "2099-01-01", "2100-02-29", S_ALL, 4);
    assert_int_equal(status_on(&st, &t[0], "2099-06-01", ORL_DEPLOY_WORKSHOP), ORL_CONSENT_INVALID);
}

static void test_today_env(void **state)
{
    (void)state;
    setenv("ORILLA_TODAY", "2027-07-07", 1);
    assert_int_equal(orl_today(), D("2027-07-07"));
    orl_testimony t[1] = {mk("x", "2025-01-01", "2027-07-08", S_ALL, 4)};
    orl_story st = mkstory("s", t, 1);
    orl_consent_ctx c;
    memset(&c, 0, sizeof c); /* today 0: the real date, which ORILLA_TODAY sets */
    orl_consent_info in;
    assert_int_equal(orl_consent_explain(&st, &t[0], &c, &in), ORL_CONSENT_OK);
    assert_int_equal(in.today, D("2027-07-07"));
    setenv("ORILLA_TODAY", "2027-07-08", 1);
    assert_int_equal(orl_consent_status_of(&st, &t[0], &c), ORL_CONSENT_EXPIRED);
    /* not a date: ignored, the real clock is used */
    setenv("ORILLA_TODAY", "tomorrow", 1);
    assert_true(orl_today() > D("2024-01-01"));
    unsetenv("ORILLA_TODAY");
}

static void test_deployment_names(void **state)
{
    (void)state;
    assert_int_equal(orl_deployment_parse("workshop"), ORL_DEPLOY_WORKSHOP);
    assert_int_equal(orl_deployment_parse("kiosk"), ORL_DEPLOY_KIOSK);
    assert_int_equal(orl_deployment_parse("exhibition"), ORL_DEPLOY_EXHIBITION);
    assert_int_equal(orl_deployment_parse("online"), ORL_DEPLOY_ONLINE);
    assert_int_equal(orl_deployment_parse("Kiosk"), -1);
    assert_int_equal(orl_deployment_parse(NULL), -1);
    assert_string_equal(orl_deployment_name(ORL_DEPLOY_ONLINE), "online");
    assert_string_equal(orl_deployment_name((orl_deployment)42), "?");
}

/* ---- withdrawal lists ---- */

static int make_tmp(void **state)
{
    (void)state;
    return tmpdir_make("orl-test-consent", NULL);
}

static int remove_tmp(void **state)
{
    (void)state;
    tmpdir_remove();
    return 0;
}

static char *write_tmp(const char *name, const char *data, size_t len)
{
    char *path = orl_format("%s/%s", tmpdir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    if (len) assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
    return path;
}

static int has_diag(const orl_diags *d, orl_severity sev, int line, const char *code, const char *text)
{
    for (size_t i = 0; i < d->n; i++) {
        const orl_diag *g = &d->items[i];
        if (g->sev == sev && (line < 0 || g->line == line) && (!code || (g->code && strcmp(g->code, code) == 0)) &&
            (!text || strstr(g->msg, text)))
            return 1;
    }
    return 0;
}

static void test_withdrawn_list(void **state)
{
    (void)state;
    static const char txt[] =
        "\xEF\xBB\xBF# withdrawals kept by the exhibition team\r\n"
        "del-otro-lado/ana-bridge   # Ana asked on 2025-09-01\r\n"
        "\n"
        "   \t\n"
        "*/luis-road\n"
        "otra-historia/*\n"
        "del-otro-lado/rosa#2\n"
        "del-otro-lado/with space\n";
    char *path = write_tmp("withdrawn.txt", txt, sizeof txt - 1);
    orl_withdrawn w = {0};
    orl_diags d = {0};
    assert_int_equal(orl_withdrawn_load(&w, path, 1, &d), 0);
    assert_int_equal(d.n, 0);
    assert_int_equal(w.n, 5);
    assert_string_equal(w.items[0], "del-otro-lado/ana-bridge");
    assert_int_equal(w.lines[0], 2);
    assert_string_equal(w.files[0], path);
    assert_string_equal(w.items[1], "*/luis-road");
    assert_int_equal(w.lines[1], 5);
    assert_string_equal(w.items[2], "otra-historia/*");
    assert_string_equal(w.items[3], "del-otro-lado/rosa#2"); /* '#' after no space: part of the id */
    assert_string_equal(w.items[4], "del-otro-lado/with space");

    orl_testimony t[4] = {mk("ana-bridge", "2025-03-02", "2028-03-02", S_ALL, 4),
                          mk("luis-road", "2025-03-02", "2028-03-02", S_ALL, 4),
                          mk("ana-bridge-2", "2025-03-02", "2028-03-02", S_ALL, 4),
                          mk("rosa#2", "2025-03-02", "2028-03-02", S_ALL, 4)};
    orl_story st = mkstory("del-otro-lado", t, 4);
    orl_consent_ctx c = ctx_on("2026-01-01", ORL_DEPLOY_WORKSHOP);
    c.withdrawn = &w;
    assert_int_equal(orl_consent_status_of(&st, &t[0], &c), ORL_CONSENT_WITHDRAWN);
    assert_int_equal(orl_consent_status_of(&st, &t[1], &c), ORL_CONSENT_WITHDRAWN); /* every story */
    assert_int_equal(orl_consent_status_of(&st, &t[2], &c), ORL_CONSENT_OK);        /* exact ids only */
    assert_int_equal(orl_consent_status_of(&st, &t[3], &c), ORL_CONSENT_WITHDRAWN);
    /* withdrawn beats an expired or wrong clock: the table says the most important reason */
    c.today = D("2030-01-01");
    assert_int_equal(orl_consent_status_of(&st, &t[0], &c), ORL_CONSENT_WITHDRAWN);
    /* another story: only the star entries apply */
    orl_story other = mkstory("otra-historia", t, 4);
    c.today = D("2026-01-01");
    for (int i = 0; i < 4; i++) assert_int_equal(orl_consent_status_of(&other, &t[i], &c), ORL_CONSENT_WITHDRAWN);
    /* a story whose id is a prefix of a listed one is not touched */
    orl_story prefix = mkstory("del-otro", t, 4);
    assert_int_equal(orl_consent_status_of(&prefix, &t[0], &c), ORL_CONSENT_OK);
    assert_int_equal(orl_consent_status_of(&prefix, &t[1], &c), ORL_CONSENT_WITHDRAWN);
    orl_withdrawn_free(&w);
    assert_int_equal(w.n, 0);
    orl_diags_free(&d);
    free(path);
}

static void test_withdrawn_malformed(void **state)
{
    (void)state;
    char big[1500];
    memset(big, 'a', sizeof big);
    big[5] = '/';
    orl_buf b = {0};
    orl_buf_puts(&b, "# list\n");                       /* 1 */
    orl_buf_puts(&b, "del-otro-lado/ana-bridge\n");     /* 2 good */
    orl_buf_puts(&b, "ana-bridge\n");                   /* 3 no slash */
    orl_buf_puts(&b, "a/b/c\n");                        /* 4 two slashes */
    orl_buf_puts(&b, "/ana\n");                         /* 5 no story */
    orl_buf_puts(&b, "del-otro-lado/\n");               /* 6 no testimony */
    orl_buf_puts(&b, "Del-Otro-Lado/ana\n");            /* 7 capitals: never a story id */
    orl_buf_puts(&b, "del-otro-lado / ana\n");          /* 8 spaces around '/' */
    orl_buf_put(&b, big, sizeof big);                   /* 9 too long */
    orl_buf_puts(&b, "\n");
    orl_buf_put(&b, "x/\0y\n", 5);                      /* 10 NUL */
    orl_buf_puts(&b, "del-otro-lado/\xff\xfe\n");       /* 11 not UTF-8 */
    orl_buf_puts(&b, "*/luis-road");                    /* 12 good, no final newline */
    char *path = write_tmp("bad.txt", b.data, b.len);
    orl_buf_free(&b);
    orl_withdrawn w = {0};
    orl_diags d = {0};
    assert_int_equal(orl_withdrawn_load(&w, path, 1, &d), -1);
    for (int line = 3; line <= 11; line++) {
        if (!has_diag(&d, ORL_ERROR, line, "bad-withdrawal", NULL)) fail_msg("no error for line %d", line);
    }
    assert_int_equal(d.errors, 9);
    for (size_t i = 0; i < d.n; i++) assert_string_equal(d.items[i].file, path);
    assert_true(has_diag(&d, ORL_ERROR, 3, NULL, "no '/'"));
    assert_true(has_diag(&d, ORL_ERROR, 7, NULL, "never match"));
    assert_true(has_diag(&d, ORL_ERROR, 9, NULL, "longer than"));
    /* the good lines are kept (a caller may still refuse to play) */
    assert_int_equal(w.n, 2);
    assert_int_equal(w.lines[1], 12);
    orl_withdrawn_free(&w);
    orl_diags_free(&d);
    free(path);

    /* a file that is not a withdrawal list at all: it stops after ORL_MAX_WITHDRAWN_PROBLEMS,
     * without echoing bytes that are not text */
    orl_buf_puts(&b, "");
    for (int i = 0; i < 5000; i++) orl_buf_puts(&b, "\x89PNG\xff\xfe junk line\n");
    path = write_tmp("binary.txt", b.data, b.len);
    orl_buf_free(&b);
    assert_int_equal(orl_withdrawn_load(&w, path, 1, &d), -1);
    assert_int_equal(d.errors, 21);
    assert_true(has_diag(&d, ORL_ERROR, 1, "bad-withdrawal", "not UTF-8 text"));
    assert_true(has_diag(&d, ORL_ERROR, 20, "bad-withdrawal", "20 problems"));
    for (size_t i = 0; i < d.n; i++) assert_null(strstr(d.items[i].msg, "PNG"));
    assert_int_equal(w.n, 0);
    orl_withdrawn_free(&w);
    orl_diags_free(&d);
    free(path);

    /* missing: an error only when required */
    char *nofile = orl_format("%s/none.txt", tmpdir);
    assert_int_equal(orl_withdrawn_load(&w, nofile, 0, &d), 0);
    assert_int_equal(d.n, 0);
    assert_int_equal(orl_withdrawn_load(&w, nofile, 1, &d), -1);
    assert_true(has_diag(&d, ORL_ERROR, 0, "unreadable", NULL));
    orl_withdrawn_free(&w);
    orl_diags_free(&d);
    free(nofile);
}

static void test_withdrawn_default(void **state)
{
    (void)state;
    char *a = write_tmp("a.txt", "s/one\n", 6);
    char *b = write_tmp("b.txt", "s/two\n", 6);
    orl_withdrawn w;
    orl_diags d = {0};
    unsetenv("ORILLA_WITHDRAWN");
    assert_int_equal(orl_withdrawn_load_default(&w, NULL, &d), 0);
    assert_int_equal(w.n, 0);
    orl_withdrawn_free(&w);
    assert_int_equal(orl_withdrawn_load_default(&w, a, &d), 0);
    assert_int_equal(w.n, 1);
    orl_withdrawn_free(&w);
    /* the environment's list and the command line's: both */
    setenv("ORILLA_WITHDRAWN", b, 1);
    assert_int_equal(orl_withdrawn_load_default(&w, a, &d), 0);
    assert_int_equal(w.n, 2);
    orl_withdrawn_free(&w);
    assert_int_equal(orl_withdrawn_load_default(&w, b, &d), 0); /* the same file once */
    assert_int_equal(w.n, 1);
    orl_withdrawn_free(&w);
    /* named but missing: an error */
    char *none = orl_format("%s/none.txt", tmpdir);
    setenv("ORILLA_WITHDRAWN", none, 1);
    assert_int_equal(orl_withdrawn_load_default(&w, NULL, &d), -1);
    assert_int_equal(d.errors, 1);
    orl_withdrawn_free(&w);
    unsetenv("ORILLA_WITHDRAWN");
    orl_diags_free(&d);
    free(none);
    free(a);
    free(b);
}

static void test_withdrawn_check_story(void **state)
{
    (void)state;
    static const char txt[] = "del-otro-lado/ana-brige\ndel-otro-lado/ana-bridge\nother/zzz\ndel-otro-lado/*\n";
    char *p = write_tmp("typo.txt", txt, sizeof txt - 1);
    orl_withdrawn w = {0};
    orl_diags d = {0};
    assert_int_equal(orl_withdrawn_load(&w, p, 1, &d), 0);
    orl_testimony t[1] = {mk("ana-bridge", "2025-03-02", "2028-03-02", S_ALL, 4)};
    orl_story st = mkstory("del-otro-lado", t, 1);
    assert_int_equal(orl_withdrawn_check_story(&w, &st, &d), 1);
    assert_true(has_diag(&d, ORL_WARNING, 1, "unknown-withdrawal", "did you mean \"ana-bridge\""));
    orl_withdrawn_free(&w);
    orl_diags_free(&d);
    free(p);
}

/* ---- what check says ---- */

static void test_check(void **state)
{
    (void)state;
    long long today = D("2026-01-01");
    orl_diags d = {0};
    orl_testimony t = mk("ana-bridge", "2025-03-02", "2028-03-02", S_ALL, 4);
    orl_story st = mkstory("s", &t, 1);
    orl_consent_check(&st, &t, today, &d);
    assert_int_equal(d.n, 0);

    t.consent.set = 0;
    orl_consent_check(&st, &t, today, &d);
    assert_true(has_diag(&d, ORL_ERROR, 10, "no-consent", "has no consent"));
    orl_diags_free(&d);

    /* 90 days: a warning; 91: nothing */
    t = mk("x", "2025-03-02", "2026-04-01", S_ALL, 4);
    orl_consent_check(&st, &t, today, &d);
    assert_true(has_diag(&d, ORL_WARNING, 12, "consent-ending", "in 90 days"));
    orl_diags_free(&d);
    t = mk("x", "2025-03-02", "2026-04-02", S_ALL, 4);
    orl_consent_check(&st, &t, today, &d);
    assert_int_equal(d.n, 0);
    t = mk("x", "2025-03-02", "2026-01-02", S_ALL, 4);
    orl_consent_check(&st, &t, today, &d);
    assert_true(has_diag(&d, ORL_WARNING, 12, "consent-ending", "in 1 day;"));
    orl_diags_free(&d);
    /* ended */
    t = mk("x", "2025-03-02", "2026-01-01", S_ALL, 4);
    orl_consent_check(&st, &t, today, &d);
    assert_true(has_diag(&d, ORL_WARNING, 12, "consent-expired", NULL));
    assert_int_equal(d.errors, 0);
    orl_diags_free(&d);
    /* dates */
    t = mk("x", NULL, NULL, S_ALL, 4);
    orl_consent_check(&st, &t, today, &d);
    assert_true(has_diag(&d, ORL_ERROR, 12, "consent-recorded", NULL));
    assert_true(has_diag(&d, ORL_ERROR, 12, "consent-expires", NULL));
    orl_diags_free(&d);
    t = mk("x", "2025-02-29", "2028-13-01", S_ALL, 4);
    orl_consent_check(&st, &t, today, &d);
    assert_int_equal(d.errors, 2);
    orl_diags_free(&d);
    t = mk("x", "2025-03-02", "2025-03-01", S_ALL, 4);
    orl_consent_check(&st, &t, today, &d);
    assert_true(has_diag(&d, ORL_ERROR, 12, "consent-date", "before it was recorded"));
    orl_diags_free(&d);
    /* recorded after today: a typo or a wrong clock */
    t = mk("x", "2026-06-01", "2029-01-01", S_ALL, 4);
    orl_consent_check(&st, &t, today, &d);
    assert_true(has_diag(&d, ORL_WARNING, 12, "consent-recorded-later", NULL));
    orl_diags_free(&d);
    /* scope */
    char *typo[] = {"kiosko", "museum-of-nowhere"};
    t = mk("x", "2025-03-02", "2028-03-02", typo, 2);
    orl_consent_check(&st, &t, today, &d);
    assert_true(has_diag(&d, ORL_ERROR, 12, "consent-scope", "did you mean \"kiosk\""));
    assert_int_equal(d.errors, 2);
    orl_diags_free(&d);
    t = mk("x", "2025-03-02", "2028-03-02", NULL, 0);
    orl_consent_check(&st, &t, today, &d);
    assert_true(has_diag(&d, ORL_ERROR, 12, "consent-scope", "needs scope"));
    orl_diags_free(&d);
}

/* ---- the notice, in every language ---- */

static void test_notice(void **state)
{
    (void)state;
    static const char *const langs[] = {"en", "es", "fr", "ar"};
    assert_string_equal(orl_consent_notice(), orl_ui_text("en", ORL_UI_CONSENT_NOTICE));
    for (int i = 1; i < 4; i++)
        assert_string_not_equal(orl_ui_text(langs[i], ORL_UI_CONSENT_NOTICE), orl_consent_notice());
    for (int i = 0; i < 4; i++) {
        assert_true(orl_ui_has_lang(langs[i]));
        for (int k = 0; k < ORL_UI_KEY_COUNT; k++) {
            const char *s = orl_ui_text(langs[i], (orl_ui_key)k);
            assert_non_null(s);
            if (!*s) fail_msg("ui text %d is empty in %s", k, langs[i]);
        }
    }
    /* an unknown language: English */
    assert_string_equal(orl_ui_text("xx", ORL_UI_CONSENT_NOTICE), orl_consent_notice());
    assert_string_equal(orl_ui_text(NULL, ORL_UI_SKIP_PART), "Skip this part");
    /* the notice does not say why: the same words for every reason */
    assert_null(strstr(orl_consent_notice(), "withdraw"));
    assert_null(strstr(orl_consent_notice(), "expire"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ok_and_scope),
        cmocka_unit_test(test_expired),
        cmocka_unit_test(test_clock_before_recording),
        cmocka_unit_test(test_clock_before_story_made),
        cmocka_unit_test(test_missing),
        cmocka_unit_test(test_invalid_dates),
        cmocka_unit_test(test_leap_days),
        cmocka_unit_test(test_today_env),
        cmocka_unit_test(test_deployment_names),
        cmocka_unit_test(test_withdrawn_list),
        cmocka_unit_test(test_withdrawn_malformed),
        cmocka_unit_test(test_withdrawn_default),
        cmocka_unit_test(test_withdrawn_check_story),
        cmocka_unit_test(test_check),
        cmocka_unit_test(test_notice),
    };
    return cmocka_run_group_tests(tests, make_tmp, remove_tmp);
}
