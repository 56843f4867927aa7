/* End-to-end checks of `orilla pack`, `verify`, `info` and `keygen`: the built program run
 * on stories and hostile bundles made here, with exit status and messages checked. (The
 * library behind them is tested in test_bundle.c.) The program is found beside the tests
 * folder (BUILD/tests/test_bundle_cli -> BUILD/orilla); the tests are skipped without it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "tmpdir.h"

#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

static char orilla[PATH_MAX + 16];
static char out[1 << 16], err[1 << 16];

static int setup(void **state)
{
    (void)state;
    return tmpdir_make("orl-bundle-cli", NULL);
}

static int teardown(void **state)
{
    (void)state;
    tmpdir_remove();
    return 0;
}

static void slurp(const char *path, char *buf, size_t cap)
{
    FILE *f = fopen(path, "rb");
    size_t n = f ? fread(buf, 1, cap - 1, f) : 0;
    if (f) fclose(f);
    buf[n] = 0;
}

/* Runs `orilla ARGS` (a shell fragment, run in tmpdir) with a time limit; stdout in out,
 * stderr in err; returns the exit status (or 128+signal). */
static int run(const char *fmt, ...)
{
    if (!*orilla) skip();
    char args[4096], cmd[4096 + PATH_MAX + 1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(args, sizeof args, fmt, ap);
    va_end(ap);
    snprintf(cmd, sizeof cmd, "cd '%s' && timeout -s KILL 60 '%s' %s </dev/null >'%s/.out' 2>'%s/.err'", tmpdir, orilla,
             args, tmpdir, tmpdir);
    int st = system(cmd);
    char p[600];
    snprintf(p, sizeof p, "%s/.out", tmpdir);
    slurp(p, out, sizeof out);
    snprintf(p, sizeof p, "%s/.err", tmpdir);
    slurp(p, err, sizeof err);
    int rc = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    if (rc > 2) fprintf(stderr, "orilla %s -> %d\nstdout: %s\nstderr: %s\n", args, rc, out, err);
    return rc;
}

static void put(const char *rel, const char *text)
{
    char p[600];
    snprintf(p, sizeof p, "%s/%s", tmpdir, rel);
    for (char *s = p + strlen(tmpdir) + 1; *s; s++)
        if (*s == '/') {
            *s = 0;
            mkdir(p, 0755);
            *s = '/';
        }
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static int sh(const char *fmt, ...)
{
    char c[4096], cmd[4400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c, sizeof c, fmt, ap);
    va_end(ap);
    snprintf(cmd, sizeof cmd, "cd '%s' && %s", tmpdir, c);
    int st = system(cmd);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void make_story(const char *dir)
{
    char p[300];
    snprintf(p, sizeof p, "%s/story.lua", dir);
    put(p, "story {\n"
           "  id = \"la-orilla\", version = \"2.1.0\", title = \"La orilla\",\n"
           "  language = \"es\", translations = { \"en\" }, start = \"uno\",\n"
           "}\n"
           "narrator \"ana\" { name = \"Ana\" }\n"
           "testimony \"ana-puente\" {\n"
           "  narrator = \"ana\", text = \"Cruc\xc3\xa9 el puente.\",\n"
           "  consent = { recorded = \"2025-03-02\", scope = { \"kiosk\", \"exhibition\" }, expires = \"2099-03-02\" },\n"
           "}\n"
           "scene \"uno\" { text = \"Hola\", background = \"images/a.png\", testimony = \"ana-puente\",\n"
           "  choices = { { text = \"Seguir\", go = \"fin\" } } }\n"
           "scene \"fin\" { ending = true, text = \"Fin\" }\n");
    snprintf(p, sizeof p, "%s/images/a.png", dir);
    put(p, "not really a png, but bytes all the same\n");
    snprintf(p, sizeof p, "%s/locale/en.po", dir);
    put(p, "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\nmsgid \"Hola\"\nmsgstr \"Hello\"\n");
}

static void test_keygen(void **state)
{
    (void)state;
    assert_int_equal(run("keygen -o museo"), 0);
    assert_non_null(strstr(out, "key fingerprint: "));
    struct stat st;
    char p[600];
    snprintf(p, sizeof p, "%s/museo.key", tmpdir);
    assert_int_equal(stat(p, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_int_equal(run("keygen -o museo"), 2);
    assert_non_null(strstr(err, "already exists"));
    assert_int_equal(run("keygen"), 2);
}

static void test_pack_verify_info(void **state)
{
    (void)state;
    make_story("s");
    put("s/.DS_Store", "junk");
    put("s/story.lua~", "old");
    assert_int_equal(run("pack s -o s.orilla"), 0);
    assert_non_null(strstr(out, "wrote s.orilla: 3 files"));
    assert_int_equal(run("pack s -o again.orilla"), 0);
    assert_int_equal(sh("cmp -s s.orilla again.orilla"), 0); /* reproducible */
    assert_int_equal(sh("unzip -l s.orilla | grep -q DS_Store"), 1);

    assert_int_equal(run("verify s.orilla"), 0);
    assert_non_null(strstr(out, "s.orilla: ok: 3 files match the manifest; not signed"));

    assert_int_equal(run("info s.orilla"), 0);
    assert_non_null(strstr(out, "id:          la-orilla"));
    assert_non_null(strstr(out, "title:       La orilla"));
    assert_non_null(strstr(out, "version:     2.1.0"));
    assert_non_null(strstr(out, "languages:   es (source), en"));
    assert_non_null(strstr(out, "signature:   none"));
    assert_non_null(strstr(out, "ana-puente: scope kiosk, exhibition"));
    assert_non_null(strstr(out, "expires 2099-03-02"));
    assert_non_null(strstr(out, "kiosk 1/1"));
    assert_non_null(strstr(out, "online 0/1"));

    /* A changed file: one line naming it, exit 1. */
    assert_int_equal(sh("mkdir -p t/images && printf 'not really a png, but bytes all THE same\\n' > t/images/a.png && "
                        "cd t && zip -q ../s.orilla images/a.png"),
                     0);
    assert_int_equal(run("verify s.orilla"), 1);
    assert_non_null(strstr(out, "s.orilla: error: images/a.png: changed (sha256 differs)"));
    /* The bundle plays as a story all the same: only verify minds. */
    assert_int_equal(run("check again.orilla"), 0);
}

static void test_pack_refusals(void **state)
{
    (void)state;
    make_story("s");
    /* A story with errors is not packed. */
    make_story("bad");
    put("bad/more.lua", "");
    assert_int_equal(sh("printf 'scene \"x\" { text = \"stuck\" }\\n' >> bad/story.lua"), 0);
    assert_int_equal(run("pack bad -o bad.orilla"), 1);
    assert_non_null(strstr(err, "error"));
    assert_int_equal(sh("test -e bad.orilla"), 1);
    /* Usage and unreadable. */
    assert_int_equal(run("pack s"), 2);
    assert_int_equal(run("pack -o x.orilla"), 2);
    assert_int_equal(run("pack nowhere -o x.orilla"), 2);
    assert_int_equal(run("pack s -o s"), 2);
    assert_int_equal(run("pack s -o s/story.lua"), 2);
    assert_non_null(strstr(err, "not a bundle"));
    assert_int_equal(sh("grep -q 'la-orilla' s/story.lua"), 0);
    /* A link out of the folder. */
    assert_int_equal(sh("ln -s /etc/passwd s/images/b.png"), 0);
    assert_int_equal(run("pack s -o s.orilla"), 1);
    assert_non_null(strstr(err, "outside the story folder"));
    assert_int_equal(sh("test -e s.orilla"), 1);
}

static void test_signing(void **state)
{
    (void)state;
    make_story("s");
    assert_int_equal(run("keygen -o a"), 0);
    assert_int_equal(run("keygen -o b"), 0);
    assert_int_equal(run("pack s -o signed.orilla --sign a.key"), 0);
    assert_non_null(strstr(out, "signed with key"));
    assert_int_equal(run("pack s -o plain.orilla"), 0);
    assert_int_equal(run("verify signed.orilla --key a.pub"), 0);
    assert_non_null(strstr(out, "good signature by key"));
    assert_int_equal(run("verify signed.orilla --key b.pub"), 1);
    assert_non_null(strstr(out, "signed by another key"));
    assert_int_equal(run("verify plain.orilla --key a.pub"), 1);
    assert_non_null(strstr(out, "not signed"));
    assert_int_equal(run("info signed.orilla"), 0);
    assert_non_null(strstr(out, "signature:   yes, key "));
    assert_int_equal(run("info signed.orilla --key a.pub"), 0);
    assert_non_null(strstr(out, "good signature"));
    /* Keys the wrong way round, or missing. */
    assert_int_equal(run("pack s -o x.orilla --sign a.pub"), 2);
    assert_int_equal(run("verify signed.orilla --key a.key"), 2);
    assert_int_equal(run("verify signed.orilla --key nope.pub"), 2);
}

static void test_hostile_bundles(void **state)
{
    (void)state;
    /* Not a zip, empty, truncated. */
    put("text.orilla", "story { }\n");
    assert_int_equal(run("verify text.orilla"), 2);
    assert_non_null(strstr(out, "not a zip"));
    assert_int_equal(run("info text.orilla"), 2);
    put("empty.orilla", "");
    assert_int_equal(run("verify empty.orilla"), 2);
    make_story("s");
    assert_int_equal(run("pack s -o s.orilla"), 0);
    assert_int_equal(sh("head -c 700 s.orilla > cut.orilla"), 0);
    assert_int_equal(run("verify cut.orilla"), 2);
    assert_non_null(strstr(out, "cut short"));
    assert_int_equal(run("check cut.orilla"), 2);
    /* Names that climb out, made with libzip. */
    char p[600];
    snprintf(p, sizeof p, "%s/escape.orilla", tmpdir);
    int ze;
    zip_t *za = zip_open(p, ZIP_CREATE | ZIP_TRUNCATE, &ze);
    assert_non_null(za);
    zip_file_add(za, "story.lua", zip_source_buffer(za, "x", 1, 0), 0);
    zip_file_add(za, "../../escaped.txt", zip_source_buffer(za, "x", 1, 0), 0);
    assert_int_equal(zip_close(za), 0);
    assert_int_equal(run("verify escape.orilla"), 2);
    assert_non_null(strstr(out, "outside the bundle"));
    assert_int_equal(run("check escape.orilla"), 2);
    assert_int_equal(run("info escape.orilla"), 2);
    /* No manifest: a zip made by hand. */
    assert_int_equal(sh("cd s && zip -qr ../hand.orilla ."), 0);
    assert_int_equal(run("verify hand.orilla"), 1);
    assert_non_null(strstr(out, "no manifest"));
    assert_int_equal(run("check hand.orilla"), 0);
    /* A manifest that lies about a file. */
    assert_int_equal(sh("cp s.orilla lie.orilla && mkdir -p l/images && printf 'other' > l/images/a.png && "
                        "cd l && zip -q ../lie.orilla images/a.png"),
                     0);
    assert_int_equal(run("verify lie.orilla"), 1);
    assert_non_null(strstr(out, "images/a.png: changed"));
    /* Thousands of entries past the limit. */
    snprintf(p, sizeof p, "%s/many.orilla", tmpdir);
    za = zip_open(p, ZIP_CREATE | ZIP_TRUNCATE, &ze);
    for (int i = 0; i < 50001; i++) {
        char name[32];
        snprintf(name, sizeof name, "%d", i);
        zip_int64_t idx = zip_file_add(za, name, zip_source_buffer(za, "", 0, 0), 0);
        zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
    }
    assert_int_equal(zip_close(za), 0);
    assert_int_equal(run("verify many.orilla"), 2);
    assert_non_null(strstr(out, "at most 50000"));
}

/* A bundle plays exactly like its folder: the flagship story packed, then the same scene
 * drawn from both (pictures read through the zip) gives the same PNG, byte for byte; and a
 * headless playthrough of the bundle reaches the same ending screen as the folder's. */
static void test_bundle_plays_like_folder(void **state)
{
    (void)state;
    const char *src = ORL_SOURCE_DIR "/stories/tres-caminos";
    assert_int_equal(run("pack '%s' -o tres.orilla", src), 0);
    assert_int_equal(run("verify tres.orilla"), 0);
    assert_int_equal(run("shot '%s' --scene marisol-1 --size 640x360 -o folder.png", src), 0);
    assert_int_equal(run("shot tres.orilla --scene marisol-1 --size 640x360 -o bundle.png"), 0);
    assert_int_equal(sh("cmp -s folder.png bundle.png"), 0);
    char folder_text[sizeof out];
    assert_int_equal(run("text '%s' --choices 1,1,1", src), 0);
    memcpy(folder_text, out, sizeof out);
    assert_int_equal(run("text tres.orilla --choices 1,1,1"), 0);
    assert_string_equal(out, folder_text);
}

/* play --key: an exhibition plays only bundles signed by its key, with every file intact. */
static void test_play_requires_signature(void **state)
{
    (void)state;
    make_story("s");
    assert_int_equal(run("keygen -o ws"), 0);
    assert_int_equal(run("keygen -o other"), 0);
    assert_int_equal(run("pack s -o signed.orilla --sign ws.key"), 0);
    assert_int_equal(run("pack s -o plain.orilla"), 0);
    assert_int_equal(run("play --headless --key ws.pub --screenshot ok.png signed.orilla"), 0);
    assert_int_equal(sh("test -s ok.png"), 0);
    assert_int_equal(run("play --headless --key ws.pub --screenshot no1.png plain.orilla"), 1);
    assert_non_null(strstr(err, "not played"));
    assert_int_equal(run("play --headless --key other.pub --screenshot no2.png signed.orilla"), 1);
    assert_int_equal(run("play --headless --key missing.pub --screenshot no3.png signed.orilla"), 2);
    assert_int_equal(sh("test -e no1.png || test -e no2.png || test -e no3.png"), 1);
}

int main(void)
{
    /* BUILD/tests/test_bundle_cli -> BUILD/orilla */
    char self[PATH_MAX - 16];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n > 0) {
        self[n] = 0;
        char *slash = strrchr(self, '/');
        if (slash) {
            *slash = 0;
            snprintf(orilla, sizeof orilla, "%s/../orilla", self);
            if (access(orilla, X_OK) != 0) orilla[0] = 0;
        }
    }
    if (!*orilla) fprintf(stderr, "test_bundle_cli: no orilla program beside the tests folder; skipping\n");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_keygen, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pack_verify_info, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pack_refusals, setup, teardown),
        cmocka_unit_test_setup_teardown(test_signing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hostile_bundles, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bundle_plays_like_folder, setup, teardown),
        cmocka_unit_test_setup_teardown(test_play_requires_signature, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
