/* core/rfile: files named on the command line are read only when they are regular files of a
 * bounded size, and -o never replaces a device, FIFO or folder (issue #21, class 6). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/rfile.h"
#include "tmpdir.h"

static int setup(void **state) { (void)state; return tmpdir_make("orl-rfile", NULL); }
static int teardown(void **state) { (void)state; tmpdir_remove(); return 0; }

static void test_reads_regular_files(void **state)
{
    (void)state;
    FILE *f = fopen(tpath("list.txt"), "w");
    assert_non_null(f);
    fputs("story/ana\n", f);
    fclose(f);
    char why[100] = "";
    char *data = NULL;
    size_t len = 0;
    assert_int_equal(orl_read_regular(tpath("list.txt"), 100, &data, &len, why, sizeof why), 0);
    assert_int_equal(len, 10);
    assert_string_equal(data, "story/ana\n");
    free(data);
    /* larger than the cap: refused before it is read */
    assert_int_equal(orl_read_regular(tpath("list.txt"), 5, &data, &len, why, sizeof why), -1);
    assert_null(data);
    assert_non_null(strstr(why, "larger than"));
    assert_null(orl_open_regular(tpath("absent.txt"), 100, why, sizeof why));
    assert_string_equal(why, "no such file");
}

/* Each of these used to hang or never end: a FIFO blocks in open, /dev/zero never ends. */
static void test_refuses_the_rest(void **state)
{
    (void)state;
    char why[100];
    assert_int_equal(mkfifo(tpath("fifo"), 0600), 0);
    assert_null(orl_open_regular(tpath("fifo"), 100, why, sizeof why));
    assert_non_null(strstr(why, "pipe"));
    assert_null(orl_open_regular("/dev/zero", 1u << 20, why, sizeof why));
    assert_non_null(strstr(why, "device"));
    assert_null(orl_open_regular(tmpdir, 100, why, sizeof why));
    assert_non_null(strstr(why, "folder"));
}

static void test_write_targets(void **state)
{
    (void)state;
    char why[100];
    assert_int_equal(orl_check_writable_target(tpath("new.pot"), why, sizeof why), 0);
    FILE *f = fopen(tpath("old.pot"), "w");
    assert_non_null(f);
    fclose(f);
    assert_int_equal(orl_check_writable_target(tpath("old.pot"), why, sizeof why), 0);
    assert_int_equal(orl_check_writable_target("/dev/full", why, sizeof why), -1);
    assert_non_null(strstr(why, "device"));
    assert_int_equal(orl_check_writable_target("/dev/null", why, sizeof why), -1);
    assert_int_equal(mkfifo(tpath("out.fifo"), 0600), 0);
    assert_int_equal(orl_check_writable_target(tpath("out.fifo"), why, sizeof why), -1);
    assert_non_null(strstr(why, "pipe"));
    assert_int_equal(orl_check_writable_target(tmpdir, why, sizeof why), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reads_regular_files),
        cmocka_unit_test(test_refuses_the_rest),
        cmocka_unit_test(test_write_targets),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
