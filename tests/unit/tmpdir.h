/* A temporary folder for the tests of one file: made by the group setup, removed with all it
 * holds by the group teardown.
 *
 *   static int setup(void **state) { (void)state; return tmpdir_make("orl-stats", NULL); }
 *   static int teardown(void **state) { (void)state; tmpdir_remove(); return 0; }
 *   ... fopen(tpath("stats.db"), "w") ...
 *
 * Header-only, like golden.h and fault.h: each tests/unit/test_*.c is its own executable. */
#ifndef ORL_TEST_TMPDIR_H
#define ORL_TEST_TMPDIR_H
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#if defined(__GNUC__)
#define ORL_TMPDIR_UNUSED __attribute__((unused))
#else
#define ORL_TMPDIR_UNUSED
#endif

static char tmpdir[256];

/* Makes BASE/PREFIX-XXXXXX (BASE: NULL for $TMPDIR, else /tmp). 0, or -1. */
ORL_TMPDIR_UNUSED static int tmpdir_make(const char *prefix, const char *base)
{
    const char *t = base ? base : getenv("TMPDIR");
    snprintf(tmpdir, sizeof tmpdir, "%s/%s-XXXXXX", t && *t ? t : "/tmp", prefix);
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int tmpdir_rm(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb; (void)flag; (void)ftw;
    return remove(p);
}

ORL_TMPDIR_UNUSED static void tmpdir_remove(void)
{
    if (tmpdir[0]) nftw(tmpdir, tmpdir_rm, 16, FTW_DEPTH | FTW_PHYS);
}

/* tmpdir/name; the last 8 answers stay valid. */
ORL_TMPDIR_UNUSED static const char *tpath(const char *name)
{
    static char buf[8][600];
    static int k;
    k = (k + 1) % 8;
    snprintf(buf[k], sizeof buf[k], "%s/%s", tmpdir, name);
    return buf[k];
}

/* Copies a file; any failure fails the test. */
ORL_TMPDIR_UNUSED static void copy_file(const char *from, const char *to)
{
    FILE *a = fopen(from, "rb"), *b = fopen(to, "wb");
    assert_non_null(a);
    assert_non_null(b);
    static char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, a)) > 0) assert_int_equal(fwrite(buf, 1, n, b), n);
    fclose(a);
    assert_int_equal(fclose(b), 0);
}

#endif
