/* orl_bundle_pack: a story folder -> one reproducible .orilla zip (libzip) with a manifest.
 *
 * The folder is read with the operating system, not PhysicsFS: pack must see what PhysicsFS
 * hides (links, special files) to refuse or explain them. Reproducible means: entries sorted
 * by name (bytewise), every timestamp the same (1980-01-01 or SOURCE_DATE_EPOCH, as a DOS
 * date written directly, so the time zone does not matter), permissions 0644 from "Unix",
 * no extra fields, no comment, a fixed deflate level. Two packs of one folder are identical
 * bytes (tests/unit/test_bundle.c checks it). */
#include "bundle/bundle.h"
#include "core/limits.h"
#include "core/strutil.h"
#include "core/term.h"
#include "core/utf8.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zip.h>

#define PROGRESS_MIN_BYTES (16ull * 1024 * 1024) /* smaller bundles pack in a blink */

typedef struct pfile {
    char *name; /* story-relative, '/'-separated */
    char *src;  /* path to read */
    char *data; /* or these bytes, from desc->filter (owned) */
    size_t dlen;
    unsigned long long size;
    unsigned char sha[32];
} pfile;

typedef struct pack_ctx {
    const char *root;
    char *realroot;
    size_t realroot_len;
    int have_out;
    dev_t out_dev;
    ino_t out_ino;
    pfile *files;
    size_t n, cap;
    long over; /* files past ORL_MAX_BUNDLE_FILES */
    unsigned long long total;
    long skipped;
    const orl_pack_desc *desc;
    orl_diags *d;
    int problems; /* diagnostics that stop the pack */
    int fatal;    /* the folder cannot be read at all */
    int last_pct;
} pack_ctx;

int orl_bundle_stores(const char *name)
{
    /* Already compressed: deflating them again costs time and saves nothing. Fonts (.ttf,
     * .otf), text, captions, Lua and WAV deflate well, so they are not listed. */
    static const char *const stored[] = {
        "png", "jpg", "jpeg", "webp", "gif", "avif", "ogg", "oga", "opus", "mp3", "m4a", "aac", "flac",
        "mp4", "webm", "mkv", "zip", "gz", "xz", "bz2", "zst", "7z", "woff", "woff2", "orilla", NULL,
    };
    const char *slash = strrchr(name, '/');
    const char *base = slash ? slash + 1 : name;
    const char *dot = strrchr(base, '.');
    if (!dot || dot == base) return 0;
    for (int i = 0; stored[i]; i++)
        if (strcasecmp(dot + 1, stored[i]) == 0) return 1;
    return 0;
}

/* Hidden files, editor backups and system droppings: never part of a story. */
static int skipped_name(const char *name)
{
    size_t n = strlen(name);
    if (name[0] == '.') return 1;                               /* .git .DS_Store .orilla .x.swp */
    if (n > 0 && name[n - 1] == '~') return 1;                  /* story.lua~ */
    if (n > 1 && name[0] == '#' && name[n - 1] == '#') return 1; /* #story.lua# (Emacs) */
    if (strcasecmp(name, "Thumbs.db") == 0 || strcasecmp(name, "desktop.ini") == 0 ||
        strcmp(name, "__MACOSX") == 0)
        return 1;
    return 0;
}

static int is_bundle_name(const char *name)
{
    size_t n = strlen(name);
    return n > 7 && strcasecmp(name + n - 7, ".orilla") == 0;
}

static void progress(pack_ctx *c, const char *what, double frac)
{
    if (!c->desc->progress || c->total < PROGRESS_MIN_BYTES) return;
    int pct = (int)(frac * 100.0);
    if (pct > 100) pct = 100;
    if (pct == c->last_pct) return;
    c->last_pct = pct;
    fprintf(orl_term_raw(stderr), "\rpack: %s %3d%%", what, pct);
}

static int add_file(pack_ctx *c, const char *rel, const char *src, unsigned long long size)
{
    if (c->n >= ORL_MAX_BUNDLE_FILES) {
        if (c->over++ == 0) {
            orl_diag_add(c->d, ORL_ERROR, c->root, 0, 0, "too-many-files",
                         "the story folder holds more than %d files, the most a bundle may hold", ORL_MAX_BUNDLE_FILES);
            c->problems++;
        }
        return -1;
    }
    if (c->n == c->cap) {
        size_t nc = c->cap ? c->cap * 2 : 64;
        pfile *nf = realloc(c->files, nc * sizeof *nf);
        if (!nf) return -2;
        c->files = nf;
        c->cap = nc;
    }
    pfile *f = &c->files[c->n];
    memset(f, 0, sizeof *f);
    f->name = orl_strdup(rel);
    f->src = orl_strdup(src);
    if (!f->name || !f->src) {
        free(f->name);
        free(f->src);
        return -2;
    }
    f->size = size;
    c->n++;
    c->total += size;
    return 0;
}

static int cmp_cstr(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void list_dir(pack_ctx *c, const char *rel, int depth)
{
    char *path = *rel ? orl_format("%s/%s", c->root, rel) : orl_strdup(c->root);
    if (!path) {
        c->fatal = 1;
        return;
    }
    DIR *dh = opendir(path);
    if (!dh) {
        if (!*rel) {
            orl_diag_add(c->d, ORL_ERROR, c->root, 0, 0, "unreadable", "cannot read the story folder: %s",
                         strerror(errno));
            c->fatal = 1;
        } else {
            orl_diag_add(c->d, ORL_ERROR, rel, 0, 0, "unreadable", "cannot read this folder: %s", strerror(errno));
            c->problems++;
        }
        free(path);
        return;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(dh)) != NULL) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0) continue;
        if (n == cap) {
            size_t nc = cap ? cap * 2 : 32;
            char **nn = realloc(names, nc * sizeof *nn);
            if (!nn) {
                c->fatal = 1;
                break;
            }
            names = nn;
            cap = nc;
        }
        if (!(names[n] = orl_strdup(de->d_name))) {
            c->fatal = 1;
            break;
        }
        n++;
    }
    closedir(dh);
    if (n > 1) qsort(names, n, sizeof *names, cmp_cstr);
    for (size_t i = 0; i < n && !c->fatal; i++) {
        const char *name = names[i];
        char *child = *rel ? orl_format("%s/%s", rel, name) : orl_strdup(name);
        char *full = child ? orl_format("%s/%s", c->root, child) : NULL;
        struct stat st;
        if (!child || !full) {
            c->fatal = 1;
        } else if (skipped_name(name)) {
            c->skipped++;
            if (c->desc->verbose) orl_diag_add(c->d, ORL_NOTE, child, 0, 0, "skipped", "skipped (hidden or backup file)");
        } else if (lstat(full, &st) != 0) {
            orl_diag_add(c->d, ORL_ERROR, child, 0, 0, "unreadable", "cannot read: %s", strerror(errno));
            c->problems++;
        } else if (c->have_out && st.st_dev == c->out_dev && st.st_ino == c->out_ino) {
            /* the bundle being replaced, inside the folder it packs */
        } else if (orl_fs_check_name(child) != ORL_FS_OK || strlen(child) > ORL_MAX_PATH ||
                   orl_utf8_invalid_at(child, strlen(child)) != (size_t)-1) {
            orl_diag_add(c->d, ORL_ERROR, child, 0, 0, "bad-name",
                         "this name cannot go in a bundle (names must be UTF-8, at most %d bytes, without '\\', ':' "
                         "or control characters); rename it",
                         ORL_MAX_PATH);
            c->problems++;
        } else if (S_ISDIR(st.st_mode)) {
            if (depth + 1 > ORL_MAX_PATH_DEPTH) {
                orl_diag_add(c->d, ORL_ERROR, child, 0, 0, "too-deep",
                             "folders inside folders more than %d deep; a story needs only a few", ORL_MAX_PATH_DEPTH);
                c->problems++;
            } else {
                list_dir(c, child, depth + 1);
            }
        } else if (S_ISLNK(st.st_mode) || S_ISREG(st.st_mode)) {
            int ok = 1;
            if (S_ISLNK(st.st_mode)) {
                char *target = realpath(full, NULL);
                struct stat ts;
                if (!target || stat(target, &ts) != 0) {
                    orl_diag_add(c->d, ORL_ERROR, child, 0, 0, "broken-link",
                                 "a link to a file that does not exist; remove it or put the file here");
                    ok = 0;
                } else if (strncmp(target, c->realroot, c->realroot_len) != 0 || target[c->realroot_len] != '/') {
                    orl_diag_add(c->d, ORL_ERROR, child, 0, 0, "link-outside",
                                 "a link to %s, outside the story folder; copy that file into the folder instead",
                                 target);
                    ok = 0;
                } else if (S_ISDIR(ts.st_mode)) {
                    orl_diag_add(c->d, ORL_ERROR, child, 0, 0, "folder-link",
                                 "a link to a folder; put the folder itself here (pack copies files, not links)");
                    ok = 0;
                } else if (!S_ISREG(ts.st_mode)) {
                    orl_diag_add(c->d, ORL_ERROR, child, 0, 0, "special-file",
                                 "a link to something that is not a file; remove it");
                    ok = 0;
                } else {
                    st = ts;
                }
                free(target);
            }
            if (!ok) {
                c->problems++;
            } else if (is_bundle_name(name)) {
                c->skipped++;
                orl_diag_add(c->d, ORL_NOTE, child, 0, 0, "skipped", "skipped: a bundle inside the story folder is not packed");
            } else if ((unsigned long long)st.st_size > ORL_MAX_FILE_BYTES) {
                orl_diag_add(c->d, ORL_ERROR, child, 0, 0, "too-large", "%llu MB; one file in a story may be at most %u MB",
                             (unsigned long long)st.st_size >> 20, ORL_MAX_FILE_BYTES >> 20);
                c->problems++;
            } else if (add_file(c, child, full, (unsigned long long)st.st_size) == -2) {
                c->fatal = 1;
            }
        } else {
            orl_diag_add(c->d, ORL_ERROR, child, 0, 0, "special-file",
                         "not a plain file (a device, pipe or socket); remove it from the story folder");
            c->problems++;
        }
        free(child);
        free(full);
    }
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    free(path);
}

static int cmp_pfile(const void *a, const void *b)
{
    return strcmp(((const pfile *)a)->name, ((const pfile *)b)->name);
}

/* Hashes one file with the OS (no PhysicsFS: links inside the folder are followed here). */
static int hash_source(pack_ctx *c, pfile *f, unsigned long long *done)
{
    if (f->data) { /* the filter's bytes */
        crypto_hash_sha256((unsigned char *)f->sha, (const unsigned char *)f->data, f->dlen);
        f->size = f->dlen;
        *done += f->dlen;
        return 0;
    }
    FILE *fp = fopen(f->src, "rb");
    if (!fp) {
        orl_diag_add(c->d, ORL_ERROR, f->name, 0, 0, "unreadable", "cannot read: %s", strerror(errno));
        return -1;
    }
    crypto_hash_sha256_state st;
    crypto_hash_sha256_init(&st);
    enum { CHUNK = 64 * 1024 };
    unsigned char *buf = malloc(CHUNK);
    if (!buf) {
        fclose(fp);
        orl_diag_add(c->d, ORL_ERROR, f->name, 0, 0, "oom", "out of memory");
        return -1;
    }
    unsigned long long n = 0;
    size_t got;
    while ((got = fread(buf, 1, CHUNK, fp)) > 0) {
        n += got;
        if (n > ORL_MAX_FILE_BYTES) break;
        crypto_hash_sha256_update(&st, buf, got);
        *done += got;
        if (c->total) progress(c, "reading", (double)*done / (double)c->total * 0.5);
    }
    int bad = ferror(fp);
    fclose(fp);
    free(buf);
    if (bad) {
        orl_diag_add(c->d, ORL_ERROR, f->name, 0, 0, "unreadable", "read error");
        return -1;
    }
    if (n > ORL_MAX_FILE_BYTES) {
        orl_diag_add(c->d, ORL_ERROR, f->name, 0, 0, "too-large", "grew past %u MB while packing",
                     ORL_MAX_FILE_BYTES >> 20);
        return -1;
    }
    crypto_hash_sha256_final(&st, f->sha);
    f->size = n;
    return 0;
}

void orl_pack_made_day(long long source_date_epoch, long long now, char out[11])
{
    time_t t = (time_t)(source_date_epoch > 0 ? source_date_epoch : now > 0 ? now : 0);
    struct tm tm;
    char buf[64];
    if (!gmtime_r(&t, &tm)) memset(&tm, 0, sizeof tm);
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    memcpy(out, buf, 10);
    out[10] = 0;
}

/* DOS date and time (local-time fields written as given: we pass UTC, so no time zone). */
static void dos_time(long long t, zip_uint16_t *dtime, zip_uint16_t *ddate)
{
    if (t < 315532800LL) t = 315532800LL;        /* 1980-01-01, the first DOS date */
    if (t > 4354819198LL) t = 4354819198LL;      /* 2107-12-31 23:59:58, the last */
    time_t tt = (time_t)t;
    struct tm tm;
    gmtime_r(&tt, &tm);
    *dtime = (zip_uint16_t)((tm.tm_hour << 11) | (tm.tm_min << 5) | (tm.tm_sec / 2));
    *ddate = (zip_uint16_t)(((tm.tm_year - 80) << 9) | ((tm.tm_mon + 1) << 5) | tm.tm_mday);
}

static void zip_progress(zip_t *za, double frac, void *ud)
{
    (void)za;
    progress(ud, "writing", 0.5 + frac * 0.5);
}

/* Adds one entry with the fixed attributes. Returns 0 or -1 (libzip's error in za). */
static int add_entry(zip_t *za, const char *name, zip_source_t *src, int store, zip_uint16_t dtime, zip_uint16_t ddate)
{
    if (!src) return -1;
    zip_int64_t idx = zip_file_add(za, name, src, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
        zip_source_free(src);
        return -1;
    }
    zip_uint64_t i = (zip_uint64_t)idx;
    if (zip_set_file_compression(za, i, store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, store ? 0 : 9) != 0) return -1;
    if (zip_file_set_dostime(za, i, dtime, ddate, 0) != 0) return -1;
    if (zip_file_set_external_attributes(za, i, 0, ZIP_OPSYS_UNIX, (zip_uint32_t)0100644 << 16) != 0) return -1;
    return 0;
}

static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash) return orl_strdup(".");
    if (slash == path) return orl_strdup("/");
    return orl_strndup(path, (size_t)(slash - path));
}

static void free_ctx(pack_ctx *c)
{
    for (size_t i = 0; i < c->n; i++) {
        free(c->files[i].name);
        free(c->files[i].src);
        free(c->files[i].data);
    }
    free(c->files);
    free(c->realroot);
}

int orl_bundle_pack(const char *dir, const char *out, const orl_pack_desc *desc, orl_pack_result *res,
                    orl_diags *d)
{
    if (res) memset(res, 0, sizeof *res);
    orl_pack_desc zero = {0};
    if (!desc) desc = &zero;
    pack_ctx c = {0};
    c.root = dir;
    c.desc = desc;
    c.d = d;
    c.last_pct = -1;
    struct stat st;
    if (sodium_init() < 0) {
        orl_diag_add(d, ORL_ERROR, NULL, 0, 0, "crypto", "cannot start the cryptography library");
        return 2;
    }
    if (!dir || stat(dir, &st) != 0) {
        orl_diag_add(d, ORL_ERROR, dir, 0, 0, "unreadable", "cannot read: no such folder");
        return 2;
    }
    if (!S_ISDIR(st.st_mode)) {
        orl_diag_add(d, ORL_ERROR, dir, 0, 0, "not-a-folder", "not a folder: pack makes a bundle from a story folder");
        return 2;
    }
    if (!out || !*out) {
        orl_diag_add(d, ORL_ERROR, NULL, 0, 0, "usage", "no output file given");
        return 2;
    }
    /* The output: never a folder (above all not the story folder), never a file that is not a
     * zip (a story file given by mistake is not overwritten). */
    struct stat os;
    if (lstat(out, &os) == 0) {
        if (S_ISDIR(os.st_mode)) {
            orl_diag_add(d, ORL_ERROR, out, 0, 0, "out-is-folder",
                         "is a folder; give the bundle's file name, like story.orilla");
            return 2;
        }
        if (!S_ISREG(os.st_mode)) {
            orl_diag_add(d, ORL_ERROR, out, 0, 0, "out-not-file", "exists and is not a plain file; pick another name");
            return 2;
        }
        unsigned char magic[4] = {0};
        FILE *f = fopen(out, "rb");
        size_t got = f ? fread(magic, 1, 4, f) : 0;
        if (f) fclose(f);
        if (os.st_size > 0 && (got != 4 || (memcmp(magic, "PK\3\4", 4) != 0 && memcmp(magic, "PK\5\6", 4) != 0))) {
            orl_diag_add(d, ORL_ERROR, out, 0, 0, "out-not-bundle",
                         "exists and is not a bundle; pack will not overwrite it (pick another name, or remove it)");
            return 2;
        }
        c.have_out = 1;
        c.out_dev = os.st_dev;
        c.out_ino = os.st_ino;
    }
    c.realroot = realpath(dir, NULL);
    if (!c.realroot) {
        orl_diag_add(d, ORL_ERROR, dir, 0, 0, "unreadable", "cannot read: %s", strerror(errno));
        return 2;
    }
    c.realroot_len = strlen(c.realroot);
    if (c.realroot_len == 1) c.realroot_len = 0; /* "/" as the story folder: every path is inside */

    list_dir(&c, "", 0);
    if (c.fatal) {
        if (!d->errors) orl_diag_add(d, ORL_ERROR, dir, 0, 0, "oom", "out of memory");
        free_ctx(&c);
        return 2;
    }
    if (c.skipped && !desc->verbose)
        orl_diag_add(d, ORL_NOTE, dir, 0, 0, "skipped",
                     c.skipped == 1 ? "left out %ld hidden, backup or bundle file (--verbose lists it)"
                                    : "left out %ld hidden, backup or bundle files (--verbose lists them)", c.skipped);
    if (c.total > ORL_MAX_BUNDLE_BYTES) {
        orl_diag_add(d, ORL_ERROR, dir, 0, 0, "too-large", "the story's files add up to %llu MB; a bundle may hold at most %llu MB",
                     c.total >> 20, ORL_MAX_BUNDLE_BYTES >> 20);
        c.problems++;
    }
    if (c.problems) {
        free_ctx(&c);
        return 1;
    }
    if (c.n > 1) qsort(c.files, c.n, sizeof *c.files, cmp_pfile);
    /* names one file on Windows or a Mac: refused here, with the folder's words */
    {
        char **names = calloc(c.n + 1, sizeof *names);
        char why[600];
        int col = 2;
        if (names) {
            for (size_t i = 0; i < c.n; i++) names[i] = c.files[i].name;
            col = orl_bundle_names_collide(dir, names, NULL, c.n, "", why, sizeof why);
            free(names);
        }
        if (col != 0) {
            size_t skip = strlen(dir) + 2; /* the message without its leading "DIR: " */
            orl_diag_add(d, ORL_ERROR, dir, 0, 0, col == 1 ? "name-collision" : "oom", "%s",
                         col == 1 && strlen(why) > skip ? why + skip : "out of memory");
            free_ctx(&c);
            return col == 1 ? 1 : 2;
        }
    }
    if (desc->filter) { /* what the caller leaves out or changes (consent: story/withhold.h) */
        size_t kept = 0;
        for (size_t i = 0; i < c.n; i++) {
            pfile *f = &c.files[i];
            char *data = NULL;
            size_t dlen = 0;
            int r = desc->filter(desc->filter_ud, f->name, f->src, &data, &dlen, d);
            if (r < 0) c.problems++;
            if (r == ORL_PACK_REPLACE) {
                free(f->data);
                f->data = data;
                f->dlen = dlen;
                c.total = c.total - f->size + dlen;
            } else {
                free(data);
            }
            if (r == ORL_PACK_OMIT) {
                c.total -= f->size;
                free(f->name);
                free(f->src);
                free(f->data);
                continue;
            }
            c.files[kept++] = *f;
        }
        c.n = kept;
        if (c.problems) {
            free_ctx(&c);
            return 1;
        }
    }

    unsigned long long done = 0;
    for (size_t i = 0; i < c.n; i++)
        if (hash_source(&c, &c.files[i], &done) != 0) c.problems++;
    if (c.problems) {
        free_ctx(&c);
        return 1;
    }

    /* The manifest and its signature. */
    orl_manifest m = {0};
    m.format = ORL_MANIFEST_FORMAT;
    m.id = (char *)desc->id;
    m.version = (char *)desc->version;
    m.title = (char *)desc->title;
    m.made = (char *)desc->made;
    m.nfiles = c.n;
    m.files = calloc(c.n + 1, sizeof *m.files);
    char *mtext = NULL, *stext = NULL;
    size_t mlen = 0;
    int rc = 2;
    char *outdir = NULL, *tmp = NULL;
    zip_t *za = NULL;
    if (!m.files) goto oom;
    for (size_t i = 0; i < c.n; i++) {
        m.files[i].name = c.files[i].name;
        m.files[i].size = c.files[i].size;
        memcpy(m.files[i].sha256, c.files[i].sha, 32);
    }
    mtext = orl_manifest_write(&m, &mlen);
    free(m.files);
    if (!mtext) goto oom;
    if (desc->sign) {
        unsigned char sig[ORL_SIGNATURE_BYTES];
        char hex[2 * ORL_SIGNATURE_BYTES + 1];
        crypto_sign_detached(sig, NULL, (const unsigned char *)mtext, mlen, desc->sign->sk);
        orl_hex(sig, sizeof sig, hex);
        stext = orl_format("orilla-signature 1\nkey %s\ned25519 %s\n", desc->sign->pub.fingerprint, hex);
        if (!stext) goto oom;
    }

    /* A temporary file beside the output, renamed into place once it checks. */
    outdir = dir_of(out);
    const char *base = strrchr(out, '/') ? strrchr(out, '/') + 1 : out;
    tmp = outdir ? orl_format("%s/.%s.XXXXXX", outdir, base) : NULL;
    if (!tmp) goto oom;
    int fd = mkstemp(tmp);
    if (fd < 0) {
        orl_diag_add(d, ORL_ERROR, out, 0, 0, "cannot-write", "cannot write in %s: %s", outdir, strerror(errno));
        free(tmp);
        tmp = NULL;
        goto done;
    }
    close(fd);
    int ze = 0;
    za = zip_open(tmp, ZIP_TRUNCATE, &ze);
    if (!za) {
        zip_error_t e;
        zip_error_init_with_code(&e, ze);
        orl_diag_add(d, ORL_ERROR, out, 0, 0, "cannot-write", "cannot write the bundle: %s", zip_error_strerror(&e));
        zip_error_fini(&e);
        goto done;
    }
    zip_uint16_t dtime, ddate;
    dos_time(desc->mtime, &dtime, &ddate);
    int bad = add_entry(za, ORL_BUNDLE_MANIFEST, zip_source_buffer(za, mtext, mlen, 0), 0, dtime, ddate) != 0;
    if (!bad && stext)
        bad = add_entry(za, ORL_BUNDLE_SIGNATURE, zip_source_buffer(za, stext, strlen(stext), 0), 1, dtime, ddate) != 0;
    for (size_t i = 0; i < c.n && !bad; i++)
        bad = add_entry(za, c.files[i].name,
                        c.files[i].data ? zip_source_buffer(za, c.files[i].data, c.files[i].dlen, 0)
                                        : zip_source_file(za, c.files[i].src, 0, 0),
                        orl_bundle_stores(c.files[i].name), dtime, ddate) != 0;
    if (bad) {
        orl_diag_add(d, ORL_ERROR, out, 0, 0, "cannot-write", "cannot write the bundle: %s", zip_strerror(za));
        zip_discard(za);
        za = NULL;
        goto done;
    }
    zip_register_progress_callback_with_state(za, 0.01, zip_progress, NULL, &c);
    if (zip_close(za) != 0) {
        orl_diag_add(d, ORL_ERROR, out, 0, 0, "cannot-write", "cannot write the bundle: %s", zip_strerror(za));
        zip_discard(za);
        za = NULL;
        goto done;
    }
    za = NULL;
    int show = c.desc->progress && c.total >= PROGRESS_MIN_BYTES;
    if (show) {
        fputs("\r\033[Kpack: checking what was written...", orl_term_raw(stderr));
    }
    /* On disk before it replaces anything (USB sticks get pulled out). */
    fd = open(tmp, O_RDONLY);
    if (fd < 0 || fsync(fd) != 0) {
        orl_diag_add(d, ORL_ERROR, out, 0, 0, "cannot-write", "cannot write the bundle: %s", strerror(errno));
        if (fd >= 0) close(fd);
        goto done;
    }
    close(fd);
    mode_t um = umask(0);
    umask(um);
    chmod(tmp, 0666 & ~um);

    /* Read it back as every reader will: limits, manifest, hashes, signature. */
    orl_diags vd = {0};
    int vr = orl_bundle_verify(tmp, desc->sign ? &desc->sign->pub : NULL, NULL, &vd);
    if (show) fputs("\r\033[K", orl_term_raw(stderr));
    if (vr != 0) {
        orl_diag_add(d, ORL_ERROR, out, 0, 0, "self-check",
                     "the bundle just written does not match the folder (was a file changed while packing?); "
                     "nothing was replaced; pack again");
        for (size_t i = 0; i < vd.n; i++)
            orl_diag_add(d, ORL_NOTE, out, 0, 0, vd.items[i].code, "%s", vd.items[i].msg);
        orl_diags_free(&vd);
        rc = 1;
        goto done;
    }
    orl_diags_free(&vd);
    if (rename(tmp, out) != 0) {
        orl_diag_add(d, ORL_ERROR, out, 0, 0, "cannot-write", "cannot put the bundle in place: %s", strerror(errno));
        goto done;
    }
    free(tmp);
    tmp = NULL;
    fd = open(outdir, O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    if (res) {
        res->files = (long long)c.n;
        for (size_t i = 0; i < c.n; i++) res->bytes += c.files[i].size;
        if (stat(out, &os) == 0) res->bundle_bytes = (unsigned long long)os.st_size;
    }
    rc = 0;
    goto done;
oom:
    orl_diag_add(d, ORL_ERROR, NULL, 0, 0, "oom", "out of memory");
done:
    if (za) zip_discard(za);
    if (tmp) {
        unlink(tmp);
        free(tmp);
    }
    free(outdir);
    free(mtext);
    free(stext);
    free_ctx(&c);
    return rc;
}
