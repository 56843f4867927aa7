/* core/log: lines, size-based rotation, a log that cannot be written never stops anything. */
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

#include "core/log.h"


static int setup(void **state)
{
    (void)state;
    return tmpdir_make("orl-log", NULL);
}

static int teardown(void **state)
{
    (void)state;
    tmpdir_remove();
    return 0;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *buf = calloc(1, 1 << 20);
    size_t n = fread(buf, 1, (1 << 20) - 1, f);
    buf[n] = 0;
    fclose(f);
    return buf;
}

static long long fake_now(void *ud) { return *(long long *)ud; }

static long file_size(const char *p)
{
    struct stat sb;
    return stat(p, &sb) == 0 ? (long)sb.st_size : -1;
}

static void test_lines(void **state)
{
    (void)state;
    long long now = 1767225600; /* 2026-01-01 */
    orl_log_desc d = {.path = tpath("a.log"), .prefix = "kiosk", .now = fake_now, .now_ud = &now};
    orl_log *l = orl_log_open(&d);
    assert_non_null(l);
    assert_null(orl_log_failed(l));
    orl_log_write(l, ORL_LOG_INFO, "started with %d bundles", 2);
    orl_log_write(l, ORL_LOG_ERROR, "two\nlines\rin one");
    orl_log_close(l);
    char *s = slurp(tpath("a.log"));
    assert_non_null(s);
    assert_non_null(strstr(s, " info kiosk: started with 2 bundles\n"));
    /* a newline inside a message cannot forge a second line */
    assert_non_null(strstr(s, " error kiosk: two lines in one\n"));
    int lines = 0;
    for (char *c = s; *c; c++) lines += *c == '\n';
    assert_int_equal(lines, 2);
    /* a date and a time first */
    assert_true(s[4] == '-' && s[7] == '-' && s[10] == ' ' && s[13] == ':');
    free(s);
}

static void test_rotation(void **state)
{
    (void)state;
    orl_log_desc d = {.path = tpath("r.log"), .max_bytes = 1000, .keep = 3};
    orl_log *l = orl_log_open(&d);
    assert_non_null(l);
    for (int i = 0; i < 200; i++) orl_log_write(l, ORL_LOG_INFO, "line %03d of a log that grows and grows", i);
    orl_log_close(l);
    /* the current file and two older ones, none past the limit, no fourth */
    assert_true(file_size(tpath("r.log")) > 0);
    assert_true(file_size(tpath("r.log")) <= 1000);
    assert_true(file_size(tpath("r.log.1")) > 0);
    assert_true(file_size(tpath("r.log.1")) <= 1000);
    assert_true(file_size(tpath("r.log.2")) > 0);
    assert_int_equal(file_size(tpath("r.log.3")), -1);
    /* the newest line is in the current file, the oldest kept ones in .2 */
    char *cur = slurp(tpath("r.log")), *old = slurp(tpath("r.log.2")), *mid = slurp(tpath("r.log.1"));
    assert_non_null(strstr(cur, "line 199 "));
    assert_null(strstr(old, "line 199 "));
    assert_null(strstr(old, "line 000 ")); /* the oldest were dropped */
    /* order: everything in .2 is older than everything in .1 */
    int last_old = -1, first_mid = 1000;
    for (char *c = old; (c = strstr(c, "line ")); c += 5) last_old = atoi(c + 5);
    char *m = strstr(mid, "line ");
    if (m) first_mid = atoi(m + 5);
    assert_true(last_old < first_mid);
    free(cur);
    free(old);
    free(mid);
}

static void test_reopen_continues_size(void **state)
{
    (void)state;
    orl_log_desc d = {.path = tpath("c.log"), .max_bytes = 600, .keep = 2};
    for (int round = 0; round < 5; round++) {
        orl_log *l = orl_log_open(&d);
        for (int i = 0; i < 5; i++) orl_log_write(l, ORL_LOG_INFO, "round %d line %d padding padding", round, i);
        orl_log_close(l);
    }
    /* restarts (a kiosk restarted by systemd) still rotate: the size on disk counts */
    assert_true(file_size(tpath("c.log")) <= 600);
    assert_true(file_size(tpath("c.log.1")) > 0);
    assert_int_equal(file_size(tpath("c.log.2")), -1);
}

static void test_unwritable_never_stops(void **state)
{
    (void)state;
    /* a folder that does not exist: the log works (to stderr) and says why */
    orl_log_desc d = {.path = tpath("no/such/folder/k.log")};
    orl_log *l = orl_log_open(&d);
    assert_non_null(l);
    assert_non_null(orl_log_failed(l));
    assert_non_null(strstr(orl_log_failed(l), "cannot open"));
    orl_log_write(l, ORL_LOG_WARN, "still alive");
    orl_log_close(l);
    /* /proc cannot be written, even by root */
    orl_log_desc p = {.path = "/proc/orilla-test.log"};
    l = orl_log_open(&p);
    assert_non_null(l);
    orl_log_write(l, ORL_LOG_WARN, "still alive");
    assert_non_null(orl_log_failed(l));
    orl_log_close(l);
    /* no log at all */
    orl_log_write(NULL, ORL_LOG_INFO, "to stderr");
}

static void test_folder_appears_later(void **state)
{
    (void)state;
    long long now = 1000;
    orl_log_desc d = {.path = tpath("later/k.log"), .now = fake_now, .now_ud = &now};
    orl_log *l = orl_log_open(&d);
    assert_non_null(orl_log_failed(l));
    mkdir(tpath("later"), 0755);
    orl_log_write(l, ORL_LOG_INFO, "too soon");
    assert_int_equal(file_size(tpath("later/k.log")), -1);
    now += ORL_LOG_RETRY_SECONDS + 1;
    orl_log_write(l, ORL_LOG_INFO, "now it works");
    assert_null(orl_log_failed(l));
    orl_log_close(l);
    char *s = slurp(tpath("later/k.log"));
    assert_non_null(s);
    assert_non_null(strstr(s, "now it works"));
    free(s);
}

static void test_long_line_cut(void **state)
{
    (void)state;
    orl_log_desc d = {.path = tpath("long.log"), .max_bytes = 100000};
    orl_log *l = orl_log_open(&d);
    char *big = malloc(100000);
    memset(big, 'x', 99999);
    big[99999] = 0;
    orl_log_write(l, ORL_LOG_INFO, "%s", big);
    orl_log_close(l);
    free(big);
    assert_true(file_size(tpath("long.log")) < ORL_LOG_MAX_LINE + 100);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lines),
        cmocka_unit_test(test_rotation),
        cmocka_unit_test(test_reopen_continues_size),
        cmocka_unit_test(test_unwritable_never_stops),
        cmocka_unit_test(test_folder_appears_later),
        cmocka_unit_test(test_long_line_cut),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
