/* Bundles: pack (reproducible, skips, refusals), manifest parser, keys and signatures,
 * verify (missing, extra, changed, lying manifest, wrong key), and hostile zips built here
 * with libzip or by patching bytes: '../' and absolute names, truncated, not a zip, zip
 * bombs (declared small / declared huge), too many entries, duplicates, links. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "tmpdir.h"

#include "bundle/bundle.h"
#include "bundle/fs.h"
#include "core/limits.h"
#include "core/strutil.h"
#include "story/consent.h"
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>
#include <zip.h>


/* ---------------------------------------------------------------- helpers */

static int setup(void **state)
{
    (void)state;
    if (tmpdir_make("orl-bundle", NULL) != 0) return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    tmpdir_remove();
    return 0;
}

static char *bpath(const char *fmt, ...)
{
    static char bufs[8][1200];
    static int k;
    char rel[900];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(rel, sizeof rel, fmt, ap);
    va_end(ap);
    char *b = bufs[k++ & 7];
    snprintf(b, 1200, "%s/%s", tmpdir, rel);
    return b;
}

static void mkdirs_for(const char *path)
{
    char tmp[1024];
    snprintf(tmp, sizeof tmp, "%s", path);
    for (char *p = tmp + 1; *p; p++) {
        if (*p == '/') {
            *p = 0;
            mkdir(tmp, 0755);
            *p = '/';
        }
    }
}

static void write_file(const char *path, const void *data, size_t len)
{
    mkdirs_for(path);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    if (len) assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
}

static void write_text(const char *path, const char *s) { write_file(path, s, strlen(s)); }

static unsigned char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *b = malloc((size_t)n + 1);
    assert_non_null(b);
    assert_int_equal(fread(b, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    *len = (size_t)n;
    return b;
}

static int files_equal(const char *a, const char *b)
{
    size_t la, lb;
    unsigned char *x = read_all(a, &la), *y = read_all(b, &lb);
    int eq = x && y && la == lb && memcmp(x, y, la) == 0;
    free(x);
    free(y);
    return eq;
}

/* A small story folder (pack does not load it; the command does). */
static const char *make_story(const char *name)
{
    static char dirs[4][1200];
    static int k;
    char *dir = dirs[k++ & 3];
    snprintf(dir, 1200, "%s", bpath("%s", name));
    static unsigned char png[5000];
    for (size_t i = 0; i < sizeof png; i++) png[i] = (unsigned char)(i * 7 + 3);
    write_text(bpath("%s/story.lua", name),
               "story { id = \"prueba\", version = \"1.0\", title = \"Prueba\", language = \"es\", start = \"a\" }\n"
               "scene \"a\" { ending = true, text = \"Hola\", background = \"images/a.png\" }\n");
    write_file(bpath("%s/images/a.png", name), png, sizeof png);
    write_text(bpath("%s/captions/a.vtt", name), "WEBVTT\n\n00:00.000 --> 00:01.000\nHola\n");
    write_text(bpath("%s/locale/en.po", name), "msgid \"Hola\"\nmsgstr \"Hello\"\n");
    return dir;
}

static int pack(const char *dir, const char *out, const orl_seckey *key, orl_diags *d)
{
    orl_pack_desc desc = {0};
    desc.id = "prueba";
    desc.version = "1.0";
    desc.title = "Prueba \"uno\" \xc3\xb1";
    desc.sign = key;
    return orl_bundle_pack(dir, out, &desc, NULL, d);
}

static int has_diag(const orl_diags *d, const char *needle)
{
    for (size_t i = 0; i < d->n; i++)
        if (strstr(d->items[i].msg, needle) || (d->items[i].file && strstr(d->items[i].file, needle))) return 1;
    return 0;
}

static void dump(const orl_diags *d) { orl_diags_print(d, stderr); }

/* Verifies and returns the code; diags in d (caller frees). */
static int verify(const char *path, const orl_pubkey *key, orl_diags *d)
{
    return orl_bundle_verify(path, key, NULL, d);
}

/* Runs orl_bundle_check_zip and returns its code, err in buf. */
static int check_zip(const char *path, char *err, size_t errlen)
{
    err[0] = 0;
    return orl_bundle_check_zip(path, NULL, err, errlen);
}

/* Rewrites a zip entry's declared uncompressed size, in its central directory record and its
 * local header (how a hand-made zip bomb lies). */
static void patch_declared_size(const char *zippath, const char *name, uint32_t size)
{
    size_t len;
    unsigned char *b = read_all(zippath, &len);
    assert_non_null(b);
    size_t nl = strlen(name);
    long eocd = -1;
    for (long i = (long)len - 22; i >= 0; i--)
        if (memcmp(b + i, "PK\5\6", 4) == 0) { eocd = i; break; }
    assert_true(eocd >= 0);
    uint32_t cd = (uint32_t)b[eocd + 16] | (uint32_t)b[eocd + 17] << 8 | (uint32_t)b[eocd + 18] << 16 |
                  (uint32_t)b[eocd + 19] << 24;
    int found = 0;
    for (size_t p = cd; p + 46 <= len && memcmp(b + p, "PK\1\2", 4) == 0;) {
        size_t n = (size_t)(b[p + 28] | b[p + 29] << 8), m = (size_t)(b[p + 30] | b[p + 31] << 8),
               k = (size_t)(b[p + 32] | b[p + 33] << 8);
        if (n == nl && memcmp(b + p + 46, name, nl) == 0) {
            uint32_t lh = (uint32_t)b[p + 42] | (uint32_t)b[p + 43] << 8 | (uint32_t)b[p + 44] << 16 |
                          (uint32_t)b[p + 45] << 24;
            for (int i = 0; i < 4; i++) {
                b[p + 24 + i] = (unsigned char)(size >> (8 * i));
                b[lh + 22 + i] = (unsigned char)(size >> (8 * i));
            }
            found = 1;
        }
        p += 46 + n + m + k;
    }
    assert_true(found);
    write_file(zippath, b, len);
    free(b);
}

/* A zip made with libzip from (name, data) pairs; method ZIP_CM_STORE or ZIP_CM_DEFLATE. */
typedef struct zentry { const char *name; const void *data; size_t len; int method; } zentry;

static void make_zip(const char *path, const zentry *e, int n)
{
    int ze;
    unlink(path);
    zip_t *za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &ze);
    assert_non_null(za);
    for (int i = 0; i < n; i++) {
        zip_source_t *s = zip_source_buffer(za, e[i].data, e[i].len, 0);
        assert_non_null(s);
        zip_int64_t idx = zip_file_add(za, e[i].name, s, ZIP_FL_ENC_UTF_8);
        assert_true(idx >= 0);
        zip_set_file_compression(za, (zip_uint64_t)idx, e[i].method, 0);
    }
    assert_int_equal(zip_close(za), 0);
}

/* Adds or replaces one entry of an existing zip. */
static void zip_put(const char *path, const char *name, const void *data, size_t len)
{
    int ze;
    zip_t *za = zip_open(path, 0, &ze);
    assert_non_null(za);
    zip_source_t *s = zip_source_buffer(za, data, len, 0);
    assert_true(zip_file_add(za, name, s, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) >= 0);
    assert_int_equal(zip_close(za), 0);
}

static void zip_remove(const char *path, const char *name)
{
    int ze;
    zip_t *za = zip_open(path, 0, &ze);
    assert_non_null(za);
    zip_int64_t i = zip_name_locate(za, name, 0);
    assert_true(i >= 0);
    assert_int_equal(zip_delete(za, (zip_uint64_t)i), 0);
    assert_int_equal(zip_close(za), 0);
}

static double now_s(void)
{
    struct timeval tv;
    gettimeofday(&tv, NULL);
    return (double)tv.tv_sec + tv.tv_usec / 1e6;
}

/* ---------------------------------------------------------------- pack */

static void test_pack_and_verify(void **state)
{
    (void)state;
    const char *dir = make_story("s");
    orl_diags d = {0};
    assert_int_equal(pack(dir, bpath("s.orilla"), NULL, &d), 0);
    assert_int_equal(d.errors, 0);
    orl_diags_free(&d);

    orl_bundle_report rep;
    int rc = orl_bundle_verify(bpath("s.orilla"), NULL, &rep, &d);
    if (rc) dump(&d);
    assert_int_equal(rc, 0);
    assert_int_equal(rep.files, 4);
    assert_true(rep.has_manifest);
    assert_false(rep.is_signed);
    assert_int_equal(rep.manifest.nfiles, 4);
    assert_string_equal(rep.manifest.id, "prueba");
    assert_string_equal(rep.manifest.title, "Prueba \"uno\" \xc3\xb1");
    assert_non_null(orl_manifest_find(&rep.manifest, "images/a.png"));
    assert_int_equal(orl_manifest_find(&rep.manifest, "images/a.png")->size, 5000);
    orl_bundle_report_free(&rep);
    orl_diags_free(&d);

    /* The bundle reads like the folder through orl_fs. */
    char err[300];
    orl_fs *fs = orl_fs_open(bpath("s.orilla"), err, sizeof err);
    assert_non_null(fs);
    assert_true(orl_fs_is_bundle(fs));
    char *data;
    size_t len;
    assert_int_equal(orl_fs_read(fs, "images/a.png", ORL_MAX_FILE_BYTES, &data, &len), ORL_FS_OK);
    assert_int_equal(len, 5000);
    free(data);
    orl_fs_close(fs);
}

static void test_pack_reproducible(void **state)
{
    (void)state;
    const char *dir = make_story("r");
    orl_diags d = {0};
    assert_int_equal(pack(dir, bpath("r1.orilla"), NULL, &d), 0);
    /* Different file times and a different time zone must not matter. */
    struct timeval tv[2] = {{1000000000, 0}, {1000000000, 0}};
    utimes(bpath("r/story.lua"), tv);
    setenv("TZ", "America/Bogota", 1);
    assert_int_equal(pack(dir, bpath("r2.orilla"), NULL, &d), 0);
    unsetenv("TZ");
    assert_true(files_equal(bpath("r1.orilla"), bpath("r2.orilla")));

    /* A SOURCE_DATE_EPOCH changes the timestamps, reproducibly. */
    orl_pack_desc desc = {0};
    desc.id = "prueba";
    desc.version = "1.0";
    desc.title = "Prueba \"uno\" \xc3\xb1";
    desc.mtime = 1700000000;
    assert_int_equal(orl_bundle_pack(dir, bpath("r3.orilla"), &desc, NULL, &d), 0);
    assert_int_equal(orl_bundle_pack(dir, bpath("r4.orilla"), &desc, NULL, &d), 0);
    assert_true(files_equal(bpath("r3.orilla"), bpath("r4.orilla")));
    assert_false(files_equal(bpath("r1.orilla"), bpath("r3.orilla")));
    assert_int_equal(d.errors, 0);
    orl_diags_free(&d);

    /* Fixed times, permissions, no extra fields; stored or deflated by kind. */
    int ze;
    zip_t *za = zip_open(bpath("r1.orilla"), ZIP_RDONLY, &ze);
    assert_non_null(za);
    zip_int64_t n = zip_get_num_entries(za, 0);
    assert_int_equal(n, 5);
    assert_string_equal(zip_get_name(za, 0, 0), ORL_BUNDLE_MANIFEST);
    for (zip_int64_t i = 0; i < n; i++) {
        zip_stat_t zs;
        assert_int_equal(zip_stat_index(za, (zip_uint64_t)i, 0, &zs), 0);
        assert_int_equal(zip_file_extra_fields_count(za, (zip_uint64_t)i, ZIP_FL_CENTRAL), 0);
        assert_int_equal(zip_file_extra_fields_count(za, (zip_uint64_t)i, ZIP_FL_LOCAL), 0);
        zip_uint8_t os;
        zip_uint32_t attr;
        zip_file_get_external_attributes(za, (zip_uint64_t)i, 0, &os, &attr);
        assert_int_equal(os, ZIP_OPSYS_UNIX);
        assert_int_equal(attr >> 16, 0100644);
        int want = orl_bundle_stores(zs.name) ? ZIP_CM_STORE : ZIP_CM_DEFLATE;
        assert_int_equal(zs.comp_method, want);
    }
    zip_discard(za);
    size_t len;
    unsigned char *b = read_all(bpath("r1.orilla"), &len);
    /* DOS time 0, date 1980-01-01 (0x0021) in the first local header. */
    assert_int_equal(b[10] | b[11] << 8, 0);
    assert_int_equal(b[12] | b[13] << 8, 0x21);
    free(b);
}

static void test_stores(void **state)
{
    (void)state;
    assert_true(orl_bundle_stores("images/a.png"));
    assert_true(orl_bundle_stores("images/A.JPG"));
    assert_true(orl_bundle_stores("audio/x.ogg"));
    assert_true(orl_bundle_stores("audio/x.opus"));
    assert_true(orl_bundle_stores("audio/x.mp3"));
    assert_true(orl_bundle_stores("a.webp"));
    assert_false(orl_bundle_stores("story.lua"));
    assert_false(orl_bundle_stores("fonts/a.ttf"));
    assert_false(orl_bundle_stores("captions/a.vtt"));
    assert_false(orl_bundle_stores("images/.png"));
    assert_false(orl_bundle_stores("png"));
}

static void test_pack_skips_hidden_and_backups(void **state)
{
    (void)state;
    const char *dir = make_story("h");
    write_text(bpath("h/.DS_Store"), "junk");
    write_text(bpath("h/.git/HEAD"), "ref: refs/heads/main\n");
    write_text(bpath("h/story.lua~"), "old");
    write_text(bpath("h/#story.lua#"), "autosave");
    write_text(bpath("h/images/Thumbs.db"), "junk");
    write_text(bpath("h/old.orilla"), "PK");
    orl_diags d = {0};
    assert_int_equal(pack(dir, bpath("h.orilla"), NULL, &d), 0);
    orl_diags_free(&d);
    orl_bundle_report rep;
    assert_int_equal(orl_bundle_verify(bpath("h.orilla"), NULL, &rep, &d), 0);
    assert_int_equal(rep.files, 4);
    assert_null(orl_manifest_find(&rep.manifest, ".DS_Store"));
    assert_null(orl_manifest_find(&rep.manifest, "story.lua~"));
    orl_bundle_report_free(&rep);
    orl_diags_free(&d);
}

static void test_pack_links(void **state)
{
    (void)state;
    const char *dir = make_story("l");
    write_text(bpath("secret.txt"), "not for the story");
    orl_diags d = {0};
    /* Outside: refused, nothing written. */
    assert_int_equal(symlink(bpath("secret.txt"), bpath("l/images/leak.png")), 0);
    assert_int_equal(pack(dir, bpath("l.orilla"), NULL, &d), 1);
    assert_true(has_diag(&d, "outside the story folder"));
    assert_int_equal(access(bpath("l.orilla"), F_OK), -1);
    orl_diags_free(&d);
    unlink(bpath("l/images/leak.png"));
    /* A relative link that climbs out is the same. */
    assert_int_equal(symlink("../../secret.txt", bpath("l/images/leak2.png")), 0);
    assert_int_equal(pack(dir, bpath("l.orilla"), NULL, &d), 1);
    assert_true(has_diag(&d, "outside the story folder"));
    orl_diags_free(&d);
    unlink(bpath("l/images/leak2.png"));
    /* Inside: packed as a plain copy. */
    assert_int_equal(symlink("a.png", bpath("l/images/b.png")), 0);
    assert_int_equal(pack(dir, bpath("l.orilla"), NULL, &d), 0);
    orl_diags_free(&d);
    orl_bundle_report rep;
    assert_int_equal(orl_bundle_verify(bpath("l.orilla"), NULL, &rep, &d), 0);
    assert_non_null(orl_manifest_find(&rep.manifest, "images/b.png"));
    orl_bundle_report_free(&rep);
    orl_diags_free(&d);
    /* Broken links and special files are refused, and a pipe does not hang pack. */
    assert_int_equal(symlink("nowhere.png", bpath("l/images/c.png")), 0);
    assert_int_equal(mkfifo(bpath("l/pipe"), 0644), 0);
    assert_int_equal(pack(dir, bpath("l2.orilla"), NULL, &d), 1);
    assert_true(has_diag(&d, "does not exist"));
    assert_true(has_diag(&d, "not a plain file"));
    orl_diags_free(&d);
}

static void test_pack_output_rules(void **state)
{
    (void)state;
    const char *dir = make_story("o");
    orl_diags d = {0};
    /* Not onto the story folder itself, nor any folder. */
    assert_int_equal(pack(dir, dir, NULL, &d), 2);
    assert_true(has_diag(&d, "is a folder"));
    orl_diags_free(&d);
    /* Not over a file that is not a bundle (story.lua given by mistake). */
    size_t before;
    unsigned char *orig = read_all(bpath("o/story.lua"), &before);
    assert_int_equal(pack(dir, bpath("o/story.lua"), NULL, &d), 2);
    assert_true(has_diag(&d, "not a bundle"));
    size_t after;
    unsigned char *now = read_all(bpath("o/story.lua"), &after);
    assert_int_equal(before, after);
    assert_memory_equal(orig, now, before);
    free(orig);
    free(now);
    orl_diags_free(&d);
    /* Inside the folder it packs: allowed, and the bundle does not swallow itself next time. */
    assert_int_equal(pack(dir, bpath("o/o.orilla"), NULL, &d), 0);
    assert_int_equal(pack(dir, bpath("o/o.orilla"), NULL, &d), 0);
    orl_diags_free(&d);
    orl_bundle_report rep;
    assert_int_equal(orl_bundle_verify(bpath("o/o.orilla"), NULL, &rep, &d), 0);
    assert_int_equal(rep.files, 4);
    orl_bundle_report_free(&rep);
    orl_diags_free(&d);
    /* A folder that does not exist, an output folder that does not exist: 2, no temp left. */
    assert_int_equal(pack(bpath("nope"), bpath("x.orilla"), NULL, &d), 2);
    assert_int_equal(pack(dir, bpath("nodir/x.orilla"), NULL, &d), 2);
    orl_diags_free(&d);
    /* Re-packing over an existing bundle replaces it. */
    assert_int_equal(pack(dir, bpath("o2.orilla"), NULL, &d), 0);
    write_text(bpath("o/extra.txt"), "new");
    assert_int_equal(pack(dir, bpath("o2.orilla"), NULL, &d), 0);
    assert_int_equal(orl_bundle_verify(bpath("o2.orilla"), NULL, &rep, &d), 0);
    assert_int_equal(rep.files, 5);
    orl_bundle_report_free(&rep);
    orl_diags_free(&d);
    /* No temporary files left anywhere. */
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "find '%s' -name '.*.orilla.*' | grep -q .", tmpdir);
    assert_int_not_equal(system(cmd), 0);
}

static void test_pack_bad_names(void **state)
{
    (void)state;
    const char *dir = make_story("n");
    write_text(bpath("n/images/a:b.png"), "x");
    orl_diags d = {0};
    assert_int_equal(pack(dir, bpath("n.orilla"), NULL, &d), 1);
    assert_true(has_diag(&d, "cannot go in a bundle"));
    orl_diags_free(&d);
    unlink(bpath("n/images/a:b.png"));
    write_text(bpath("n/images/bad\xff.png"), "x");
    assert_int_equal(pack(dir, bpath("n.orilla"), NULL, &d), 1);
    orl_diags_free(&d);
}

/* ---------------------------------------------------------------- keys and signatures */

static void test_keys(void **state)
{
    (void)state;
    char err[600], fpr[17];
    const char *name = bpath("k1");
    assert_int_equal(orl_key_generate(name, fpr, err, sizeof err), 0);
    struct stat st;
    assert_int_equal(stat(bpath("k1.key"), &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_int_equal(stat(bpath("k1.pub"), &st), 0);
    /* Never overwrites. */
    size_t l1;
    unsigned char *k1 = read_all(bpath("k1.key"), &l1);
    assert_int_equal(orl_key_generate(name, NULL, err, sizeof err), -1);
    assert_non_null(strstr(err, "already exists"));
    size_t l2;
    unsigned char *k2 = read_all(bpath("k1.key"), &l2);
    assert_int_equal(l1, l2);
    assert_memory_equal(k1, k2, l1);
    free(k1);
    free(k2);
    /* Fingerprint = first 16 hex of sha256(public key). */
    orl_pubkey pub;
    orl_seckey sec;
    assert_int_equal(orl_key_load_public(bpath("k1.pub"), &pub, err, sizeof err), 0);
    assert_int_equal(orl_key_load_secret(bpath("k1.key"), &sec, err, sizeof err), 0);
    assert_string_equal(pub.fingerprint, fpr);
    assert_memory_equal(pub.pk, sec.pub.pk, 32);
    unsigned char h[32];
    char hex[65];
    crypto_hash_sha256(h, pub.pk, 32);
    orl_hex(h, 32, hex);
    assert_memory_equal(hex, fpr, 16);
    orl_key_wipe(&sec);
    /* Mix-ups and garbage. */
    assert_int_equal(orl_key_load_public(bpath("k1.key"), &pub, err, sizeof err), -1);
    assert_non_null(strstr(err, "secret key"));
    assert_int_equal(orl_key_load_secret(bpath("k1.pub"), &sec, err, sizeof err), -1);
    assert_non_null(strstr(err, "public key"));
    write_text(bpath("junk.pub"), "# hello\nnot hex at all\n");
    assert_int_equal(orl_key_load_public(bpath("junk.pub"), &pub, err, sizeof err), -1);
    write_text(bpath("junk2.pub"), "");
    assert_int_equal(orl_key_load_public(bpath("junk2.pub"), &pub, err, sizeof err), -1);
    assert_int_equal(orl_key_load_public(bpath("missing.pub"), &pub, err, sizeof err), -1);
    /* A secret key whose halves do not belong together. */
    size_t kl;
    char *kt = (char *)read_all(bpath("k1.key"), &kl);
    char *nl = strchr(kt, '\n');
    nl[1 + 70] = nl[1 + 70] == '0' ? '1' : '0'; /* a digit of the public half */
    write_file(bpath("bad.key"), kt, kl);
    free(kt);
    assert_int_equal(orl_key_load_secret(bpath("bad.key"), &sec, err, sizeof err), -1);
    assert_non_null(strstr(err, "damaged"));
}

static void test_signatures(void **state)
{
    (void)state;
    char err[600];
    orl_seckey a, b;
    orl_pubkey apub, bpub;
    assert_int_equal(orl_key_generate(bpath("ka"), NULL, err, sizeof err), 0);
    assert_int_equal(orl_key_generate(bpath("kb"), NULL, err, sizeof err), 0);
    assert_int_equal(orl_key_load_secret(bpath("ka.key"), &a, err, sizeof err), 0);
    assert_int_equal(orl_key_load_secret(bpath("kb.key"), &b, err, sizeof err), 0);
    assert_int_equal(orl_key_load_public(bpath("ka.pub"), &apub, err, sizeof err), 0);
    assert_int_equal(orl_key_load_public(bpath("kb.pub"), &bpub, err, sizeof err), 0);
    const char *dir = make_story("g");
    orl_diags d = {0};
    assert_int_equal(pack(dir, bpath("g.orilla"), &a, &d), 0);
    assert_int_equal(pack(dir, bpath("u.orilla"), NULL, &d), 0);
    orl_diags_free(&d);

    orl_bundle_report rep;
    assert_int_equal(orl_bundle_verify(bpath("g.orilla"), &apub, &rep, &d), 0);
    assert_true(rep.is_signed);
    assert_true(rep.signature_ok);
    assert_string_equal(rep.signer, apub.fingerprint);
    orl_bundle_report_free(&rep);
    /* Without a key: fine, and the signer is known. */
    assert_int_equal(orl_bundle_verify(bpath("g.orilla"), NULL, &rep, &d), 0);
    assert_true(rep.is_signed);
    assert_false(rep.signature_ok);
    assert_string_equal(rep.signer, apub.fingerprint);
    orl_bundle_report_free(&rep);
    orl_diags_free(&d);

    /* Signed by another key. */
    assert_int_equal(verify(bpath("g.orilla"), &bpub, &d), 1);
    assert_true(has_diag(&d, "signed by another key"));
    orl_diags_free(&d);
    /* Unsigned when a key is required. */
    assert_int_equal(verify(bpath("u.orilla"), &apub, &d), 1);
    assert_true(has_diag(&d, "not signed"));
    orl_diags_free(&d);
    /* A forged signature file that names key A but was made by key B over the same manifest. */
    assert_int_equal(pack(dir, bpath("f.orilla"), &b, &d), 0);
    orl_diags_free(&d);
    char *fs_err = NULL;
    (void)fs_err;
    {
        int ze;
        zip_t *za = zip_open(bpath("f.orilla"), ZIP_RDONLY, &ze);
        zip_file_t *zf = zip_fopen(za, ORL_BUNDLE_SIGNATURE, 0);
        char sig[400] = {0};
        zip_int64_t n = zip_fread(zf, sig, sizeof sig - 1);
        assert_true(n > 0);
        zip_fclose(zf);
        zip_discard(za);
        char *k = strstr(sig, "key ") + 4;
        memcpy(k, apub.fingerprint, 16);
        zip_put(bpath("f.orilla"), ORL_BUNDLE_SIGNATURE, sig, strlen(sig));
    }
    assert_int_equal(verify(bpath("f.orilla"), &apub, &d), 1);
    assert_true(has_diag(&d, "does not match the manifest"));
    orl_diags_free(&d);
    /* A manifest rewritten after signing (a file swapped and its hash "fixed"). */
    {
        orl_bundle_report r2;
        assert_int_equal(orl_bundle_verify(bpath("g.orilla"), NULL, &r2, &d), 0);
        orl_diags_free(&d);
        const char *evil = "evil picture";
        orl_manifest_file *f = (orl_manifest_file *)orl_manifest_find(&r2.manifest, "images/a.png");
        f->size = strlen(evil);
        crypto_hash_sha256(f->sha256, (const unsigned char *)evil, strlen(evil));
        size_t ml;
        char *mt = orl_manifest_write(&r2.manifest, &ml);
        zip_put(bpath("g.orilla"), ORL_BUNDLE_MANIFEST, mt, ml);
        zip_put(bpath("g.orilla"), "images/a.png", evil, strlen(evil));
        free(mt);
        orl_bundle_report_free(&r2);
    }
    assert_int_equal(verify(bpath("g.orilla"), NULL, &d), 0); /* hashes agree, but... */
    orl_diags_free(&d);
    assert_int_equal(verify(bpath("g.orilla"), &apub, &d), 1); /* ...the signature does not */
    assert_true(has_diag(&d, "does not match the manifest"));
    orl_diags_free(&d);
    /* A damaged signature file. */
    zip_put(bpath("u.orilla"), ORL_BUNDLE_SIGNATURE, "orilla-signature 1\nkey zz\n", 26);
    assert_int_equal(verify(bpath("u.orilla"), &apub, &d), 1);
    assert_true(has_diag(&d, "damaged or not a signature"));
    orl_diags_free(&d);
    orl_key_wipe(&a);
    orl_key_wipe(&b);
}

/* ---------------------------------------------------------------- verify */

static void test_verify_problems(void **state)
{
    (void)state;
    const char *dir = make_story("v");
    orl_diags d = {0};
    assert_int_equal(pack(dir, bpath("v.orilla"), NULL, &d), 0);
    orl_diags_free(&d);
    char *path = bpath("v.orilla");

    /* Same size, other bytes. */
    static unsigned char other[6000];
    memset(other, 'x', sizeof other);
    zip_put(path, "images/a.png", other, 5000);
    assert_int_equal(verify(path, NULL, &d), 1);
    assert_true(has_diag(&d, "images/a.png: changed (sha256 differs)"));
    orl_diags_free(&d);
    /* Other size. */
    zip_put(path, "images/a.png", other, 10);
    assert_int_equal(verify(path, NULL, &d), 1);
    assert_true(has_diag(&d, "images/a.png: changed (10 bytes, the manifest says 5000)"));
    orl_diags_free(&d);
    zip_put(path, "images/a.png", other, 6000);
    assert_int_equal(verify(path, NULL, &d), 1);
    assert_true(has_diag(&d, "images/a.png: changed (larger than"));
    orl_diags_free(&d);
    /* Extra and missing. */
    zip_put(path, "images/new.png", "x", 1);
    zip_remove(path, "locale/en.po");
    assert_int_equal(verify(path, NULL, &d), 1);
    assert_true(has_diag(&d, "images/new.png: extra file"));
    assert_true(has_diag(&d, "locale/en.po: missing"));
    orl_diags_free(&d);
    /* No manifest. */
    zip_remove(path, ORL_BUNDLE_MANIFEST);
    assert_int_equal(verify(path, NULL, &d), 1);
    assert_true(has_diag(&d, "no manifest"));
    orl_diags_free(&d);
    /* A manifest that is code: parsed, refused, never run. */
    const char *code = "return os.execute('touch " "/tmp/orl-pwned') or { format = 1, files = {} }\n";
    zip_put(path, ORL_BUNDLE_MANIFEST, code, strlen(code));
    assert_int_equal(verify(path, NULL, &d), 1);
    assert_true(has_diag(&d, "changed by hand or damaged"));
    assert_int_equal(access("/tmp/orl-pwned", F_OK), -1);
    orl_diags_free(&d);
    /* A folder is not a bundle. */
    assert_int_equal(verify(dir, NULL, &d), 2);
    assert_true(has_diag(&d, "not a bundle"));
    orl_diags_free(&d);
}

/* ---------------------------------------------------------------- manifest parser */

static void test_manifest_roundtrip(void **state)
{
    (void)state;
    orl_manifest m = {0};
    orl_manifest_file files[3];
    memset(files, 0, sizeof files);
    files[0].name = "z.txt";
    files[0].size = 3;
    files[1].name = "a/b \"q\" \xc3\xb1.png";
    files[1].size = 0;
    files[2].name = "story.lua";
    files[2].size = ORL_MAX_FILE_BYTES;
    for (int i = 0; i < 3; i++) memset(files[i].sha256, 0x11 * (i + 1), 32);
    m.files = files;
    m.nfiles = 3;
    m.id = "id\n\twith\x01" "ctl";
    m.title = "T\xff\xfe"; /* not UTF-8: escaped */
    m.version = "1\\2";
    size_t len;
    char *text = orl_manifest_write(&m, &len);
    assert_non_null(text);
    assert_int_equal(strlen(text), len);
    orl_manifest back;
    orl_diags d = {0};
    assert_int_equal(orl_manifest_parse(text, len, "x.orilla", NULL, &back, &d), 0);
    assert_int_equal(d.n, 0);
    assert_int_equal(back.nfiles, 3);
    assert_string_equal(back.id, m.id);
    assert_string_equal(back.title, m.title);
    assert_string_equal(back.version, m.version);
    for (size_t i = 0; i < 3; i++) {
        const orl_manifest_file *f = orl_manifest_find(&back, m.files[i].name);
        assert_non_null(f);
        assert_int_equal(f->size, m.files[i].size);
        assert_memory_equal(f->sha256, m.files[i].sha256, 32);
    }
    /* Same manifest, same text. */
    size_t len2;
    char *text2 = orl_manifest_write(&back, &len2);
    assert_int_equal(len, len2);
    assert_memory_equal(text, text2, len);
    free(text);
    free(text2);
    orl_manifest_free(&back);
}

/* The day a bundle is made: written into the manifest (SOURCE_DATE_EPOCH's day, so packs stay
 * reproducible), read back when the bundle is loaded (st->made), and a clock before it hides
 * every testimony (story/consent.h). */
static void test_made_day(void **state)
{
    (void)state;
    char day[11];
    orl_pack_made_day(1748736000LL, 0, day); /* 2025-06-01 00:00 UTC */
    assert_string_equal(day, "2025-06-01");
    orl_pack_made_day(1748822399LL, 0, day); /* its last second */
    assert_string_equal(day, "2025-06-01");
    orl_pack_made_day(0, 1767225600LL, day); /* no SOURCE_DATE_EPOCH: now */
    assert_string_equal(day, "2026-01-01");

    /* in the manifest: written, parsed, checked */
    orl_manifest m = {0};
    m.id = "x";
    m.made = "2025-06-01";
    size_t len;
    char *text = orl_manifest_write(&m, &len);
    assert_non_null(strstr(text, "\n  made = \"2025-06-01\",\n"));
    orl_manifest back;
    orl_diags d = {0};
    assert_int_equal(orl_manifest_parse(text, len, "x.orilla", NULL, &back, &d), 0);
    assert_string_equal(back.made, "2025-06-01");
    orl_manifest_free(&back);
    free(text);
    const char *bad = "return {\n  format = 1,\n  made = \"junio\",\n  files = {\n  },\n}\n";
    assert_int_equal(orl_manifest_parse(bad, strlen(bad), "x.orilla", NULL, &back, &d), -1);
    assert_true(has_diag(&d, "made must be a date"));
    orl_diags_free(&d);

    /* a bundle of a story with a testimony recorded on 2025-01-10, made on 2025-06-01 */
    const char *dir = bpath("made");
    write_text(bpath("made/story.lua"),
               "story { id = \"hecho\", version = \"1.0\", title = \"Hecho\", language = \"es\", start = \"a\" }\n"
               "narrator \"ana\" { name = \"Ana\" }\n"
               "testimony \"t\" { narrator = \"ana\", text = \"Crucé.\",\n"
               "  consent = { recorded = \"2025-01-10\", scope = { \"workshop\" }, expires = \"2099-01-01\" } }\n"
               "scene \"a\" { ending = true, text = \"Hola\", testimony = \"t\" }\n");
    orl_pack_desc desc = {0};
    desc.id = "hecho";
    desc.made = "2025-06-01";
    assert_int_equal(orl_bundle_pack(dir, bpath("made.orilla"), &desc, NULL, &d), 0);
    orl_story *st = orl_story_load(bpath("made.orilla"), NULL, &d);
    assert_non_null(st);
    assert_int_equal(d.errors, 0);
    assert_int_equal(st->made, orl_parse_date("2025-06-01"));
    assert_int_equal(orl_consent_made(st), orl_parse_date("2025-06-01"));
    orl_consent_ctx c = {0};
    orl_consent_info info;
    c.today = orl_parse_date("2025-05-31"); /* after the recording, before the making */
    assert_int_equal(orl_consent_explain(st, &st->testimonies[0], &c, &info), ORL_CONSENT_EXPIRED);
    assert_int_equal(info.clock_wrong, 1);
    assert_int_equal(info.made, orl_parse_date("2025-06-01"));
    c.today = orl_parse_date("2025-06-01");
    assert_int_equal(orl_consent_explain(st, &st->testimonies[0], &c, &info), ORL_CONSENT_OK);
    orl_story_free(st);
    /* the same story as a folder knows only its latest recording */
    st = orl_story_load(dir, NULL, &d);
    assert_non_null(st);
    assert_int_equal(st->made, 0);
    c.today = orl_parse_date("2025-05-31");
    assert_int_equal(orl_consent_explain(st, &st->testimonies[0], &c, NULL), ORL_CONSENT_OK);
    orl_story_free(st);
    /* a bundle without a made day (made before it existed) loads as before */
    desc.made = NULL;
    assert_int_equal(orl_bundle_pack(dir, bpath("old.orilla"), &desc, NULL, &d), 0);
    st = orl_story_load(bpath("old.orilla"), NULL, &d);
    assert_non_null(st);
    assert_int_equal(st->made, 0);
    orl_story_free(st);
    orl_diags_free(&d);
}

static void test_manifest_hostile(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "",
        "return",
        "return {",
        "return {}",                                       /* no format */
        "return { format = 1 }",                           /* no files */
        "return { format = 2, files = {} }",               /* newer format */
        "return { format = 1, files = {} } x",
        "return { format = 1, files = {} }; os.exit()",
        "os.exit() return { format = 1, files = {} }",
        "return { format = 1, files = {}, extra = 1 }",
        "return { format = 1, format = 1, files = {} }",
        "return { format = 1, id = 1, files = {} }",
        "return { format = 1, id = \"a\", id = \"b\", files = {} }",
        "return { format = 1, files = { [\"../x\"] = { size = 1, sha256 = \"" \
        "0000000000000000000000000000000000000000000000000000000000000000\" } } }",
        "return { format = 1, files = { [\"/etc/passwd\"] = { size = 1, sha256 = \"" \
        "0000000000000000000000000000000000000000000000000000000000000000\" } } }",
        "return { format = 1, files = { [\"a\"] = { size = 1 } } }",
        "return { format = 1, files = { [\"a\"] = { size = 1, sha256 = \"00\" } } }",
        "return { format = 1, files = { [\"a\"] = { size = 1, sha256 = \"" \
        "000000000000000000000000000000000000000000000000000000000000000G\" } } }",
        "return { format = 1, files = { [\"a\"] = { size = 99999999999999999999, sha256 = \"x\" } } }",
        "return { format = 1, files = { [\"a\"] = { size = -1, sha256 = \"x\" } } }",
        "return { format = 1, files = { [\"a\"] = { size = 1.5, sha256 = \"x\" } } }",
        "return { format = 1, files = { a = { size = 1, sha256 = \"x\" } } }",
        "return { format = 1, files = { [\"a\"] = { size = 1, sha256 = \"" \
        "0000000000000000000000000000000000000000000000000000000000000000\", size = 2 } } }",
        "return { format = 1, files = { [\"a\"] = { size = 1, sha256 = \"" \
        "0000000000000000000000000000000000000000000000000000000000000000\" }, [\"a\"] = { size = 1, sha256 = \"" \
        "0000000000000000000000000000000000000000000000000000000000000000\" } } }",
        "return { format = 1, title = \"unterminated, files = {} }",
        "return { format = 1, title = \"bad \\q escape\", files = {} }",
        "return { format = 1, title = \"\\999\", files = {} }",
        "return { format = 1, title = \"a\\0b\", files = {} }",
        "return { format = 1, title = [[long]], files = {} }",
        "return { format = 1, files = {} } -- trailing comment after code",
        "--[[ long comment ]] return { format = 1, files = {} }",
        "return { format = 1, files = { { { { { { } } } } } } }",
        "return { format = 1, files = function() end }",
        "\x1bLua",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        orl_manifest m;
        orl_diags d = {0};
        int rc = orl_manifest_parse(bad[i], strlen(bad[i]), "x.orilla", NULL, &m, &d);
        if (rc != -1) fprintf(stderr, "accepted: %s\n", bad[i]);
        assert_int_equal(rc, -1);
        assert_int_equal(d.errors, 1);
        assert_null(m.files);
        orl_diags_free(&d);
    }
    /* Embedded NUL, and every prefix of a good manifest: refused or accepted, never a crash. */
    const char nul[] = "return { format = 1,\0 files = {} }";
    orl_manifest m;
    orl_diags d = {0};
    assert_int_equal(orl_manifest_parse(nul, sizeof nul - 1, "x", NULL, &m, &d), -1);
    orl_diags_free(&d);
    orl_manifest good = {0};
    orl_manifest_file f = {"story.lua", 12, {0}};
    good.files = &f;
    good.nfiles = 1;
    good.title = "T";
    size_t len;
    char *text = orl_manifest_write(&good, &len);
    for (size_t k = 0; k < len; k++) {
        char *cut = malloc(k + 1);
        memcpy(cut, text, k);
        int rc = orl_manifest_parse(cut, k, "x", NULL, &m, &d);
        if (rc == 0) orl_manifest_free(&m);
        free(cut);
        orl_diags_free(&d);
    }
    assert_int_equal(orl_manifest_parse(text, len, "x", NULL, &m, &d), 0);
    orl_manifest_free(&m);
    free(text);
}

/* ---------------------------------------------------------------- hostile zips */

static void test_zip_escaping_names(void **state)
{
    (void)state;
    static const char *const names[] = {"../evil.txt", "a/../../evil.txt", "/etc/evil.txt", "C:/evil.txt",
                                        "a\\..\\evil.txt", "./story.lua", "a//b.txt"};
    char err[500];
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        zentry e[2] = {{"story.lua", "x", 1, ZIP_CM_STORE}, {names[i], "evil", 4, ZIP_CM_STORE}};
        make_zip(bpath("esc.orilla"), e, 2);
        assert_int_equal(check_zip(bpath("esc.orilla"), err, sizeof err), 1);
        assert_non_null(strstr(err, "outside the bundle"));
        /* Every reader refuses it, with that message. */
        orl_fs *fs = orl_fs_open(bpath("esc.orilla"), err, sizeof err);
        assert_null(fs);
        assert_non_null(strstr(err, "outside the bundle"));
        orl_diags d = {0};
        assert_int_equal(verify(bpath("esc.orilla"), NULL, &d), 2);
        orl_diags_free(&d);
    }
    /* Nothing was written outside. */
    assert_int_equal(access(bpath("evil.txt"), F_OK), -1);
    assert_int_equal(access("/etc/evil.txt", F_OK), -1);
}

static void test_zip_not_a_zip_and_truncated(void **state)
{
    (void)state;
    char err[500];
    orl_diags d = {0};
    write_text(bpath("text.orilla"), "story { id = 'x' }\n");
    assert_int_equal(check_zip(bpath("text.orilla"), err, sizeof err), 2);
    assert_non_null(strstr(err, "not a zip"));
    assert_int_equal(verify(bpath("text.orilla"), NULL, &d), 2);
    assert_true(has_diag(&d, "not a zip"));
    orl_diags_free(&d);
    write_file(bpath("empty.orilla"), "", 0);
    assert_int_equal(check_zip(bpath("empty.orilla"), err, sizeof err), 2);
    write_file(bpath("pk.orilla"), "PK\3\4", 4);
    assert_int_equal(check_zip(bpath("pk.orilla"), err, sizeof err), 2);

    const char *dir = make_story("t");
    assert_int_equal(pack(dir, bpath("t.orilla"), NULL, &d), 0);
    orl_diags_free(&d);
    size_t len;
    unsigned char *b = read_all(bpath("t.orilla"), &len);
    /* Cut at many places: always refused cleanly, never a crash. */
    for (size_t cut = 0; cut < len; cut += (cut < 64 ? 1 : 97)) {
        write_file(bpath("cut.orilla"), b, cut);
        int rc = verify(bpath("cut.orilla"), NULL, &d);
        assert_int_not_equal(rc, 0);
        orl_diags_free(&d);
    }
    write_file(bpath("cut.orilla"), b, len / 2);
    assert_int_equal(check_zip(bpath("cut.orilla"), err, sizeof err), 2);
    assert_non_null(strstr(err, "cut short"));
    /* Bytes flipped in the middle of the data: a damaged file is found, not a crash. */
    for (size_t at = 100; at < len; at += 211) {
        unsigned char *c = malloc(len);
        memcpy(c, b, len);
        c[at] ^= 0x5a;
        write_file(bpath("flip.orilla"), c, len);
        int rc = verify(bpath("flip.orilla"), NULL, &d);
        assert_true(rc == 0 || rc == 1 || rc == 2);
        orl_diags_free(&d);
        free(c);
    }
    free(b);
}

static void test_zip_bomb_declared_small(void **state)
{
    (void)state;
    /* 64 MB of zeros deflate to ~64 KB; the zip then claims the file is 100 bytes. */
    size_t big = 64u << 20;
    char *zeros = calloc(big, 1);
    assert_non_null(zeros);
    zentry e[2] = {{"story.lua", "x", 1, ZIP_CM_STORE}, {"bomb.bin", zeros, big, ZIP_CM_DEFLATE}};
    make_zip(bpath("bomb.orilla"), e, 2);
    free(zeros);
    patch_declared_size(bpath("bomb.orilla"), "bomb.bin", 100);
    char err[500];
    assert_int_equal(check_zip(bpath("bomb.orilla"), err, sizeof err), 0);
    double t0 = now_s();
    orl_fs *fs = orl_fs_open(bpath("bomb.orilla"), err, sizeof err);
    assert_non_null(fs);
    char *data = NULL;
    size_t len = 0;
    int rc = orl_fs_read(fs, "bomb.bin", ORL_MAX_FILE_BYTES, &data, &len);
    /* The read stops at the declared size: the 64 MB are never inflated; and the 100 bytes
     * do not match the CRC the zip records, so the bundle is damaged (not the author's file). */
    assert_int_equal(rc, ORL_FS_DAMAGED);
    assert_null(data);
    unsigned char h[32];
    unsigned long long n = 0;
    rc = orl_bundle_hash_file(fs, "bomb.bin", 1000, h, &n);
    assert_true(n <= 1000);
    orl_fs_close(fs);
    assert_true(now_s() - t0 < 5.0);
    /* With a manifest saying 64 MB, verify reports the file changed, without inflating it. */
    orl_manifest m = {0};
    orl_manifest_file f[2];
    memset(f, 0, sizeof f);
    f[0].name = "bomb.bin";
    f[0].size = big;
    f[1].name = "story.lua";
    f[1].size = 1;
    crypto_hash_sha256(f[1].sha256, (const unsigned char *)"x", 1);
    m.files = f;
    m.nfiles = 2;
    size_t ml;
    char *mt = orl_manifest_write(&m, &ml);
    zip_put(bpath("bomb.orilla"), ORL_BUNDLE_MANIFEST, mt, ml);
    free(mt);
    orl_diags d = {0};
    t0 = now_s();
    assert_int_equal(verify(bpath("bomb.orilla"), NULL, &d), 1);
    assert_true(has_diag(&d, "bomb.bin: damaged"));
    assert_true(now_s() - t0 < 5.0);
    orl_diags_free(&d);
}

static void test_zip_bomb_declared_huge(void **state)
{
    (void)state;
    char err[500];
    char *zeros = calloc(1 << 20, 1);
    /* One file declaring more than a file may hold. */
    zentry e[2] = {{"story.lua", "x", 1, ZIP_CM_STORE}, {"huge.bin", zeros, 1 << 20, ZIP_CM_DEFLATE}};
    make_zip(bpath("huge.orilla"), e, 2);
    patch_declared_size(bpath("huge.orilla"), "huge.bin", 0xF0000000u);
    assert_int_equal(check_zip(bpath("huge.orilla"), err, sizeof err), 1);
    assert_non_null(strstr(err, "one file may be at most"));
    orl_fs *fs = orl_fs_open(bpath("huge.orilla"), err, sizeof err);
    assert_null(fs);
    /* Many files, each under the file cap, adding up to more than a bundle may hold. */
    zentry many[12];
    char names[12][16];
    for (int i = 0; i < 12; i++) {
        snprintf(names[i], sizeof names[i], "f%02d.bin", i);
        many[i] = (zentry){names[i], zeros, 1024, ZIP_CM_DEFLATE};
    }
    make_zip(bpath("sum.orilla"), many, 12);
    for (int i = 0; i < 12; i++) patch_declared_size(bpath("sum.orilla"), names[i], 250u << 20);
    assert_int_equal(check_zip(bpath("sum.orilla"), err, sizeof err), 1);
    assert_non_null(strstr(err, "the most a bundle may hold"));
    free(zeros);
}

static void test_zip_too_many_entries(void **state)
{
    (void)state;
    int ze;
    char err[500];
    unlink(bpath("many.orilla"));
    zip_t *za = zip_open(bpath("many.orilla"), ZIP_CREATE | ZIP_TRUNCATE, &ze);
    assert_non_null(za);
    for (int i = 0; i <= ORL_MAX_BUNDLE_FILES; i++) {
        char name[32];
        snprintf(name, sizeof name, "f/%06d", i);
        zip_source_t *s = zip_source_buffer(za, "", 0, 0);
        zip_int64_t idx = zip_file_add(za, name, s, 0);
        assert_true(idx >= 0);
        zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
    }
    assert_int_equal(zip_close(za), 0);
    double t0 = now_s();
    assert_int_equal(check_zip(bpath("many.orilla"), err, sizeof err), 1);
    assert_non_null(strstr(err, "at most"));
    orl_diags d = {0};
    assert_int_equal(verify(bpath("many.orilla"), NULL, &d), 2);
    assert_true(has_diag(&d, "a bundle may hold at most"));
    orl_diags_free(&d);
    assert_true(now_s() - t0 < 10.0);
}

static void test_zip_duplicates_links_methods(void **state)
{
    (void)state;
    char err[500];
    /* The same name twice (made by renaming the second entry in place). */
    zentry e[3] = {{"story.lua", "x", 1, ZIP_CM_STORE}, {"a.txt", "good", 4, ZIP_CM_STORE},
                   {"b.txt", "evil", 4, ZIP_CM_STORE}};
    make_zip(bpath("dup.orilla"), e, 3);
    size_t len;
    unsigned char *b = read_all(bpath("dup.orilla"), &len);
    for (size_t i = 0; i + 5 <= len; i++)
        if (memcmp(b + i, "b.txt", 5) == 0) b[i] = 'a';
    write_file(bpath("dup.orilla"), b, len);
    free(b);
    assert_int_equal(check_zip(bpath("dup.orilla"), err, sizeof err), 1);
    assert_non_null(strstr(err, "twice"));
    /* A file and a folder of one name. */
    zentry fd[3] = {{"story.lua", "x", 1, ZIP_CM_STORE}, {"img", "x", 1, ZIP_CM_STORE},
                    {"img/a.png", "y", 1, ZIP_CM_STORE}};
    make_zip(bpath("fd.orilla"), fd, 3);
    assert_int_equal(check_zip(bpath("fd.orilla"), err, sizeof err), 1);
    assert_non_null(strstr(err, "both a file and a folder"));
    /* A link entry. */
    int ze;
    unlink(bpath("link.orilla"));
    zip_t *za = zip_open(bpath("link.orilla"), ZIP_CREATE, &ze);
    zip_int64_t idx = zip_file_add(za, "images/a.png", zip_source_buffer(za, "/etc/passwd", 11, 0), 0);
    zip_file_set_external_attributes(za, (zip_uint64_t)idx, 0, ZIP_OPSYS_UNIX, (zip_uint32_t)0120777 << 16);
    assert_int_equal(zip_close(za), 0);
    assert_int_equal(check_zip(bpath("link.orilla"), err, sizeof err), 1);
    assert_non_null(strstr(err, "is a link"));
    /* Encrypted. */
    unlink(bpath("enc.orilla"));
    za = zip_open(bpath("enc.orilla"), ZIP_CREATE, &ze);
    idx = zip_file_add(za, "story.lua", zip_source_buffer(za, "secret", 6, 0), 0);
    if (zip_file_set_encryption(za, (zip_uint64_t)idx, ZIP_EM_TRAD_PKWARE, "pw") == 0) {
        assert_int_equal(zip_close(za), 0);
        assert_int_equal(check_zip(bpath("enc.orilla"), err, sizeof err), 1);
        assert_non_null(strstr(err, "encrypted"));
    } else {
        zip_discard(za);
    }
    /* A good hand-made zip (folder entries, no manifest) opens: only verify minds it. */
    unlink(bpath("hand.orilla"));
    za = zip_open(bpath("hand.orilla"), ZIP_CREATE, &ze);
    zip_dir_add(za, "images", 0);
    zip_file_add(za, "images/a.png", zip_source_buffer(za, "png", 3, 0), 0);
    zip_file_add(za, "story.lua", zip_source_buffer(za, "x", 1, 0), 0);
    assert_int_equal(zip_close(za), 0);
    orl_zip_summary sum;
    assert_int_equal(orl_bundle_check_zip(bpath("hand.orilla"), &sum, err, sizeof err), 0);
    assert_int_equal(sum.entries, 2);
    assert_int_equal(sum.bytes, 4);
    orl_diags d = {0};
    assert_int_equal(verify(bpath("hand.orilla"), NULL, &d), 1);
    assert_true(has_diag(&d, "no manifest"));
    orl_diags_free(&d);
}

/* Names one file on Windows or a Mac (capitals, Unicode normalisation, a file and a folder
 * of one name) collide; others do not. The table's order is a folder walk's. */
static void test_zip_names_collide(void **state)
{
    (void)state;
    char err[600];
    struct { const char *a, *b; int collide; } cases[] = {
        {"images/Map.png", "images/map.png", 1},
        {"canci\xC3\xB3n.txt", "cancio\xCC\x81n.txt", 1},           /* NFC and NFD */
        {"\xC3\x91" "and\xC3\xBA.lua", "\xC3\xB1" "and\xC3\xBA.lua", 1},  /* capital and small n-tilde */
        {"Images", "images/a.png", 1},                                /* a file, and a folder */
        {"\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7.lua", "story.lua", 0},
        {"a.png", "a.jpg", 0},
        {"map.png", "maps/map.png", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *names[2] = {(char *)cases[i].a, (char *)cases[i].b};
        err[0] = 0;
        int rc = orl_bundle_names_collide("x", names, NULL, 2, "", err, sizeof err);
        assert_int_equal(rc, cases[i].collide);
        if (rc) assert_non_null(strstr(err, "Windows or a Mac"));
    }
    assert_true(orl_zip_name_cmp("a/b", "a-c") < 0); /* '/' first: a folder's files, then "a-c" */
    assert_true(orl_zip_name_cmp("a-c", "a/b") > 0);
    assert_int_equal(orl_zip_name_cmp("x/y", "x/y"), 0);
    assert_true(orl_zip_name_cmp("a", "a/b") < 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_pack_and_verify, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pack_reproducible, setup, teardown),
        cmocka_unit_test(test_stores),
        cmocka_unit_test_setup_teardown(test_pack_skips_hidden_and_backups, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pack_links, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pack_output_rules, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pack_bad_names, setup, teardown),
        cmocka_unit_test_setup_teardown(test_keys, setup, teardown),
        cmocka_unit_test_setup_teardown(test_signatures, setup, teardown),
        cmocka_unit_test_setup_teardown(test_verify_problems, setup, teardown),
        cmocka_unit_test(test_manifest_roundtrip),
        cmocka_unit_test(test_made_day),
        cmocka_unit_test(test_manifest_hostile),
        cmocka_unit_test_setup_teardown(test_zip_escaping_names, setup, teardown),
        cmocka_unit_test_setup_teardown(test_zip_not_a_zip_and_truncated, setup, teardown),
        cmocka_unit_test_setup_teardown(test_zip_bomb_declared_small, setup, teardown),
        cmocka_unit_test_setup_teardown(test_zip_bomb_declared_huge, setup, teardown),
        cmocka_unit_test_setup_teardown(test_zip_too_many_entries, setup, teardown),
        cmocka_unit_test_setup_teardown(test_zip_duplicates_links_methods, setup, teardown),
        cmocka_unit_test(test_zip_names_collide),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
