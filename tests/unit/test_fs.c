/* bundle/fs: a story folder or zip bundle, read-only, with names that cannot escape it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "bundle/fs.h"
#include "core/strutil.h"

/* ---- a temporary story folder, made for each test and removed after ---- */

typedef struct fixture {
    char dir[256];
    char *outside; /* a file next to the folder, that no name may reach */
} fixture;

static void write_file(const char *dir, const char *name, const void *data, size_t len)
{
    char *path = orl_format("%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f) fail_msg("cannot write %s: %s", path, strerror(errno));
    if (len) assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
    free(path);
}

static void make_dir(const char *dir, const char *name)
{
    char *path = orl_format("%s/%s", dir, name);
    if (mkdir(path, 0755) != 0) fail_msg("mkdir %s: %s", path, strerror(errno));
    free(path);
}

static int setup(void **state)
{
    fixture *fx = calloc(1, sizeof *fx);
    const char *tmp = getenv("TMPDIR");
    snprintf(fx->dir, sizeof fx->dir, "%s/orl-test-fs-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(fx->dir)) return -1;
    make_dir(fx->dir, "story");
    char *story = orl_format("%s/story", fx->dir);
    write_file(story, "story.lua", "story { start = \"a\" }\n", 22);
    write_file(story, "z.txt", "zz", 2);
    write_file(story, "empty.txt", "", 0);
    make_dir(story, "images");
    write_file(story, "images/a.png", "PNG!", 4);
    make_dir(story, "images/sub");
    write_file(story, "images/sub/b.txt", "bee", 3);
    make_dir(story, "images/emptydir");
    write_file(fx->dir, "secret.txt", "outside", 7);
    char *link = orl_format("%s/link.txt", story);
    char *target = orl_format("%s/secret.txt", fx->dir);
    if (symlink(target, link) != 0) return -1;
    free(link);
    free(target);
    free(story);
    fx->outside = orl_format("%s/secret.txt", fx->dir);
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    char *cmd = orl_format("rm -rf '%s'", fx->dir);
    int rc = system(cmd);
    free(cmd);
    free(fx->outside);
    free(fx);
    return rc == 0 ? 0 : -1;
}

static orl_fs *open_story(fixture *fx)
{
    char err[512] = "";
    char *path = orl_format("%s/story", fx->dir);
    orl_fs *fs = orl_fs_open(path, err, sizeof err);
    if (!fs) fail_msg("orl_fs_open(%s): %s", path, err);
    free(path);
    return fs;
}

/* ---- tests ---- */

static void test_names(void **state)
{
    (void)state;
    const char *good[] = {"story.lua", "images/map.png", "a/b/c.txt", ".hidden", "a..b", "..a",
                          "ñandú.png", "with space.png"};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++)
        if (orl_fs_check_name(good[i]) != ORL_FS_OK) fail_msg("refused good name '%s'", good[i]);
    const char *bad[] = {"../x", "/abs", "a//b", "a\\b", ".", "..", "", "a/", "a/./b", "a/../b",
                         "a/..", "./a", "c:x", "C:\\x", "a\nb", "tab\there"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        if (orl_fs_check_name(bad[i]) != ORL_FS_BADNAME) fail_msg("accepted bad name '%s'", bad[i]);
    assert_int_equal(orl_fs_check_name(NULL), ORL_FS_BADNAME);
    char longname[600];
    memset(longname, 'a', sizeof longname - 1);
    longname[sizeof longname - 1] = 0;
    assert_int_equal(orl_fs_check_name(longname), ORL_FS_BADNAME);
}

static void test_read_size_exists(void **state)
{
    fixture *fx = *state;
    orl_fs *fs = open_story(fx);
    assert_int_equal(orl_fs_is_bundle(fs), 0);
    assert_non_null(strstr(orl_fs_path(fs), "/story"));

    char *data = NULL;
    size_t len = 0;
    assert_int_equal(orl_fs_read(fs, "story.lua", 1024, &data, &len), ORL_FS_OK);
    assert_int_equal(len, 22);
    assert_string_equal(data, "story { start = \"a\" }\n");
    free(data);
    assert_int_equal(orl_fs_read(fs, "images/sub/b.txt", 1024, &data, &len), ORL_FS_OK);
    assert_string_equal(data, "bee");
    assert_int_equal(len, 3);
    free(data);
    assert_int_equal(orl_fs_read(fs, "empty.txt", 1024, &data, &len), ORL_FS_OK);
    assert_non_null(data);
    assert_int_equal(len, 0);
    assert_string_equal(data, "");
    free(data);

    assert_int_equal(orl_fs_size(fs, "story.lua"), 22);
    assert_int_equal(orl_fs_size(fs, "empty.txt"), 0);
    assert_int_equal(orl_fs_size(fs, "missing.txt"), -1);
    assert_int_equal(orl_fs_size(fs, "images"), -1); /* a folder is not a file */
    assert_int_equal(orl_fs_size(fs, "../secret.txt"), -1);

    assert_int_equal(orl_fs_exists(fs, "story.lua"), 1);
    assert_int_equal(orl_fs_exists(fs, "images/a.png"), 1);
    assert_int_equal(orl_fs_exists(fs, "images"), 0);
    assert_int_equal(orl_fs_exists(fs, "nope.png"), 0);
    assert_int_equal(orl_fs_exists(fs, "../secret.txt"), 0);
    orl_fs_close(fs);
}

static void test_read_errors(void **state)
{
    fixture *fx = *state;
    orl_fs *fs = open_story(fx);
    char *data = (char *)1;
    size_t len = 99;
    assert_int_equal(orl_fs_read(fs, "missing.lua", 1024, &data, &len), ORL_FS_NOTFOUND);
    assert_null(data);
    assert_int_equal(len, 0);
    assert_int_equal(orl_fs_read(fs, "images", 1024, &data, &len), ORL_FS_NOTFOUND);
    assert_null(data);
    const char *escapes[] = {"../secret.txt", "/etc/passwd", "images/../../secret.txt", "a//b",
                             "images\\a.png", "."};
    for (size_t i = 0; i < sizeof escapes / sizeof *escapes; i++) {
        int rc = orl_fs_read(fs, escapes[i], 1024, &data, &len);
        if (rc != ORL_FS_BADNAME) fail_msg("read '%s' gave %d, expected ORL_FS_BADNAME", escapes[i], rc);
        assert_null(data);
    }
    /* a symbolic link out of the folder is not followed */
    assert_int_not_equal(orl_fs_read(fs, "link.txt", 1024, &data, &len), ORL_FS_OK);
    assert_null(data);
    assert_int_equal(orl_fs_exists(fs, "link.txt"), 0);
    for (int code = 0; code >= -6; code--) {
        assert_non_null(orl_fs_strerror(code));
        assert_true(strlen(orl_fs_strerror(code)) > 0);
    }
    orl_fs_close(fs);
}

static void test_too_big(void **state)
{
    fixture *fx = *state;
    /* sizes around the limit, and around the read chunk size */
    size_t sizes[] = {1, 100, 4095, 4096, 4097, 10000, 100000};
    char *buf = malloc(100001);
    for (size_t i = 0; i < 100001; i++) buf[i] = (char)('a' + i % 26);
    char *dir = orl_format("%s/story", fx->dir);
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        size_t sz = sizes[k];
        write_file(dir, "big.bin", buf, sz);
        orl_fs *fs = open_story(fx);
        char *data = NULL;
        size_t len = 0;
        /* exactly the limit is allowed */
        int rc = orl_fs_read(fs, "big.bin", sz, &data, &len);
        if (rc != ORL_FS_OK) fail_msg("a %zu-byte file with max %zu: %d (%s)", sz, sz, rc, orl_fs_strerror(rc));
        assert_int_equal(len, sz);
        assert_memory_equal(data, buf, sz);
        assert_int_equal(data[sz], 0);
        free(data);
        /* one byte over is not */
        data = (char *)1;
        rc = orl_fs_read(fs, "big.bin", sz - 1, &data, &len);
        if (rc != ORL_FS_TOOBIG) fail_msg("a %zu-byte file with max %zu: %d, expected TOOBIG", sz, sz - 1, rc);
        assert_null(data);
        assert_int_equal(len, 0);
        /* far over */
        if (sz > 10) assert_int_equal(orl_fs_read(fs, "big.bin", sz / 3, &data, &len), ORL_FS_TOOBIG);
        orl_fs_close(fs);
    }
    orl_fs *fs = open_story(fx);
    char *data = NULL;
    size_t len = 0;
    assert_int_equal(orl_fs_read(fs, "empty.txt", 0, &data, &len), ORL_FS_OK); /* 0 of max 0 */
    free(data);
    assert_int_equal(orl_fs_read(fs, "z.txt", 0, &data, &len), ORL_FS_TOOBIG);
    orl_fs_close(fs);
    free(dir);
    free(buf);
}

typedef struct names { char *list[32]; int n; int stop_at; } names;

static int collect(const char *name, void *ud)
{
    names *w = ud;
    if (w->n < 32) w->list[w->n++] = orl_strdup(name);
    return w->stop_at && w->n == w->stop_at ? 77 : 0;
}

static void test_walk_sorted(void **state)
{
    fixture *fx = *state;
    orl_fs *fs = open_story(fx);
    names w = {{0}, 0, 0};
    assert_int_equal(orl_fs_walk(fs, collect, &w), 0);
    /* sorted within each folder; folders recurse where they sort; no folders, no link out */
    const char *want[] = {"empty.txt", "images/a.png", "images/sub/b.txt", "story.lua", "z.txt"};
    size_t nwant = sizeof want / sizeof *want;
    if ((size_t)w.n != nwant) {
        for (int i = 0; i < w.n; i++) print_message("walked: %s\n", w.list[i]);
        fail_msg("walked %d files, expected %zu", w.n, nwant);
    }
    for (size_t i = 0; i < nwant; i++) assert_string_equal(w.list[i], want[i]);
    for (int i = 0; i < w.n; i++) free(w.list[i]);

    names s = {{0}, 0, 2};
    assert_int_equal(orl_fs_walk(fs, collect, &s), 77); /* stops and returns fn's value */
    assert_int_equal(s.n, 2);
    for (int i = 0; i < s.n; i++) free(s.list[i]);
    orl_fs_close(fs);
}

static void test_open_missing(void **state)
{
    fixture *fx = *state;
    char err[512] = "";
    char *path = orl_format("%s/no-such-story", fx->dir);
    assert_null(orl_fs_open(path, err, sizeof err));
    assert_non_null(strstr(err, "no-such-story"));
    free(path);
    err[0] = 0;
    assert_null(orl_fs_open("", err, sizeof err));
    assert_true(strlen(err) > 0);
    err[0] = 0;
    assert_null(orl_fs_open(NULL, err, sizeof err));
    assert_true(strlen(err) > 0);
    /* a regular file that is not a zip */
    err[0] = 0;
    assert_null(orl_fs_open(fx->outside, err, sizeof err));
    assert_true(strlen(err) > 0);
    /* a device is neither a folder nor a bundle */
    err[0] = 0;
    assert_null(orl_fs_open("/dev/null", err, sizeof err));
    assert_true(strlen(err) > 0);
    /* a tiny error buffer is not overrun */
    char tiny[8];
    memset(tiny, 'x', sizeof tiny);
    assert_null(orl_fs_open("/definitely/not/here", tiny, sizeof tiny));
    assert_int_equal(tiny[7], 0);
}

static void test_open_twice(void **state)
{
    fixture *fx = *state;
    orl_fs *a = open_story(fx);
    orl_fs *b = open_story(fx);
    char *da = NULL, *db = NULL;
    size_t la, lb;
    assert_int_equal(orl_fs_read(a, "z.txt", 64, &da, &la), ORL_FS_OK);
    assert_int_equal(orl_fs_read(b, "z.txt", 64, &db, &lb), ORL_FS_OK);
    assert_string_equal(da, db);
    free(da);
    free(db);
    orl_fs_close(a);
    /* b still works after a is closed */
    assert_int_equal(orl_fs_exists(b, "story.lua"), 1);
    orl_fs_close(b);
    orl_fs_close(NULL);
    /* and it can be opened again after both are closed */
    orl_fs *c = open_story(fx);
    assert_int_equal(orl_fs_exists(c, "images/a.png"), 1);
    orl_fs_close(c);
}

static void test_zip_bundle(void **state)
{
    fixture *fx = *state;
    char *zpath = orl_format("%s/story.orilla", fx->dir);
    int zerr = 0;
    zip_t *z = zip_open(zpath, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
    assert_non_null(z);
    static const char lua[] = "story { start = \"a\" }\n";
    static const char png[] = "PNG!";
    zip_source_t *s1 = zip_source_buffer(z, lua, sizeof lua - 1, 0);
    zip_source_t *s2 = zip_source_buffer(z, png, sizeof png - 1, 0);
    assert_true(zip_file_add(z, "story.lua", s1, ZIP_FL_ENC_UTF_8) >= 0);
    assert_true(zip_dir_add(z, "images", ZIP_FL_ENC_UTF_8) >= 0);
    assert_true(zip_file_add(z, "images/a.png", s2, ZIP_FL_ENC_UTF_8) >= 0);
    assert_int_equal(zip_close(z), 0);

    char err[512] = "";
    orl_fs *fs = orl_fs_open(zpath, err, sizeof err);
    if (!fs) fail_msg("open bundle: %s", err);
    assert_int_equal(orl_fs_is_bundle(fs), 1);
    char *data = NULL;
    size_t len = 0;
    assert_int_equal(orl_fs_read(fs, "story.lua", 1024, &data, &len), ORL_FS_OK);
    assert_string_equal(data, lua);
    free(data);
    assert_int_equal(orl_fs_size(fs, "images/a.png"), 4);
    assert_int_equal(orl_fs_read(fs, "images/a.png", 3, &data, &len), ORL_FS_TOOBIG);
    assert_int_equal(orl_fs_read(fs, "../secret.txt", 1024, &data, &len), ORL_FS_BADNAME);
    names w = {{0}, 0, 0};
    assert_int_equal(orl_fs_walk(fs, collect, &w), 0);
    assert_int_equal(w.n, 2);
    assert_string_equal(w.list[0], "images/a.png");
    assert_string_equal(w.list[1], "story.lua");
    for (int i = 0; i < w.n; i++) free(w.list[i]);
    /* a folder and a bundle open at the same time do not see each other's files */
    orl_fs *dir = open_story(fx);
    assert_int_equal(orl_fs_exists(dir, "z.txt"), 1);
    assert_int_equal(orl_fs_exists(fs, "z.txt"), 0);
    orl_fs_close(dir);
    orl_fs_close(fs);
    free(zpath);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names),
        cmocka_unit_test_setup_teardown(test_read_size_exists, setup, teardown),
        cmocka_unit_test_setup_teardown(test_read_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_too_big, setup, teardown),
        cmocka_unit_test_setup_teardown(test_walk_sorted, setup, teardown),
        cmocka_unit_test_setup_teardown(test_open_missing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_open_twice, setup, teardown),
        cmocka_unit_test_setup_teardown(test_zip_bundle, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
