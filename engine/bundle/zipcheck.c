/* The limits every .orilla zip passes before PhysicsFS mounts it. Only the zip's central
 * directory is read (libzip, read-only); nothing is decompressed here. */
#include "bundle/bundle.h"
#include "core/limits.h"
#include "core/strmap.h"
#include "core/utf8.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zip.h>

/* The zip's directory costs ~50 bytes plus the name per entry; any bundle within the limits
 * is smaller than this, so a larger file is refused before libzip allocates anything. */
#define ORL_MAX_BUNDLE_FILE_BYTES \
    (ORL_MAX_BUNDLE_BYTES + (unsigned long long)ORL_MAX_BUNDLE_FILES * (2ull * ORL_MAX_PATH + 200ull) + 65536ull)

static int fail(char *err, size_t errlen, int rc, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
static int fail(char *err, size_t errlen, int rc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (err && errlen) vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    return rc;
}

/* A name for messages: printable ASCII kept, anything else as '?', cut at 80 bytes. */
static void shown(const char *name, char *out, size_t outlen)
{
    size_t j = 0;
    for (size_t i = 0; name[i] && j + 4 < outlen; i++) {
        unsigned char c = (unsigned char)name[i];
        if (i >= 80) { memcpy(out + j, "...", 3); j += 3; break; }
        out[j++] = (c >= 0x20 && c < 0x7f) ? (char)c : '?';
    }
    out[j] = 0;
}

int orl_bundle_check_zip(const char *path, orl_zip_summary *sum, char *err, size_t errlen)
{
    struct stat st;
    if (sum) memset(sum, 0, sizeof *sum);
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return fail(err, errlen, 2, "%s: cannot read: no such file", path);
    if ((unsigned long long)st.st_size > ORL_MAX_BUNDLE_FILE_BYTES)
        return fail(err, errlen, 1, "%s: too large for a bundle (%llu MB; at most %llu MB of files)", path,
                    (unsigned long long)st.st_size >> 20, ORL_MAX_BUNDLE_BYTES >> 20);
    unsigned char magic[4] = {0};
    FILE *f = fopen(path, "rb");
    if (!f) return fail(err, errlen, 2, "%s: cannot read this file", path);
    size_t got = fread(magic, 1, 4, f);
    fclose(f);
    int local = got == 4 && memcmp(magic, "PK\3\4", 4) == 0;
    int empty = got == 4 && memcmp(magic, "PK\5\6", 4) == 0;
    if (!local && !empty)
        return fail(err, errlen, 2,
                    "%s: not a .orilla bundle (it is not a zip file); give a story folder, or a bundle made by 'orilla pack'",
                    path);

    int ze = 0;
    zip_t *za = zip_open(path, ZIP_RDONLY, &ze);
    if (!za) {
        switch (ze) {
        case ZIP_ER_NOZIP:
            return fail(err, errlen, 2,
                        "%s: damaged bundle: the end of the zip is missing (cut short while copying?); copy it again from the original",
                        path);
        case ZIP_ER_INCONS:
            return fail(err, errlen, 2,
                        "%s: damaged bundle: its table of contents does not add up; copy it again or pack it again", path);
        case ZIP_ER_MEMORY: return fail(err, errlen, 2, "%s: out of memory reading the bundle", path);
        default: {
            zip_error_t e;
            zip_error_init_with_code(&e, ze);
            int n = fail(err, errlen, 2, "%s: cannot read the bundle: %s", path, zip_error_strerror(&e));
            zip_error_fini(&e);
            return n;
        }
        }
    }

    int rc = 0;
    char **names = NULL;
    char *dirs = NULL; /* dirs[i]: entry i is a folder entry ("name/") */
    orl_strmap files = {0};
    zip_int64_t n = zip_get_num_entries(za, 0);
    if (n < 0) n = 0;
    if (n > ORL_MAX_BUNDLE_FILES) {
        rc = fail(err, errlen, 1, "%s: holds %lld files; a bundle may hold at most %d", path, (long long)n,
                  ORL_MAX_BUNDLE_FILES);
        goto done;
    }
    names = calloc((size_t)n + 1, sizeof *names);
    dirs = calloc((size_t)n + 1, 1);
    if (!names || !dirs) {
        rc = fail(err, errlen, 2, "%s: out of memory reading the bundle", path);
        goto done;
    }
    unsigned long long total = 0;
    long long nfiles = 0;
    char show[100];
    for (zip_int64_t i = 0; i < n; i++) {
        zip_stat_t zs;
        zip_stat_init(&zs);
        if (zip_stat_index(za, (zip_uint64_t)i, ZIP_FL_ENC_RAW, &zs) != 0 || !(zs.valid & ZIP_STAT_NAME) || !zs.name) {
            rc = fail(err, errlen, 2, "%s: damaged bundle: entry %lld cannot be read", path, (long long)i + 1);
            goto done;
        }
        const char *name = zs.name;
        size_t len = strlen(name);
        shown(name, show, sizeof show);
        if (len > ORL_MAX_PATH) {
            rc = fail(err, errlen, 1, "%s: a file name is longer than %d bytes (\"%s\")", path, ORL_MAX_PATH, show);
            goto done;
        }
        if (orl_utf8_invalid_at(name, len) != (size_t)-1) {
            rc = fail(err, errlen, 1, "%s: the file name \"%s\" is not in UTF-8; pack the folder with 'orilla pack'", path,
                      show);
            goto done;
        }
        int isdir = len > 0 && name[len - 1] == '/';
        char *clean = malloc(len + 1);
        if (!clean) {
            rc = fail(err, errlen, 2, "%s: out of memory reading the bundle", path);
            goto done;
        }
        memcpy(clean, name, len + 1);
        if (isdir) clean[len - 1] = 0;
        names[i] = clean;
        dirs[i] = (char)isdir;
        if (orl_fs_check_name(clean) != ORL_FS_OK) {
            rc = fail(err, errlen, 1,
                      "%s: refused: it holds a file named \"%s\", which would point outside the bundle "
                      "(names must be relative, without '..', '\\\\' or ':'); it was not made by 'orilla pack'",
                      path, show);
            goto done;
        }
        int depth = 0;
        for (const char *p = clean; *p; p++) depth += *p == '/';
        if (depth > ORL_MAX_PATH_DEPTH) {
            rc = fail(err, errlen, 1, "%s: \"%s\" is inside more than %d folders", path, show, ORL_MAX_PATH_DEPTH);
            goto done;
        }
        zip_uint8_t opsys = 0;
        zip_uint32_t attr = 0;
        if (zip_file_get_external_attributes(za, (zip_uint64_t)i, 0, &opsys, &attr) == 0 && opsys == ZIP_OPSYS_UNIX &&
            ((attr >> 16) & S_IFMT) == S_IFLNK) {
            rc = fail(err, errlen, 1, "%s: \"%s\" is a link; a bundle holds only plain files", path, show);
            goto done;
        }
        if (isdir) continue;
        if ((zs.valid & ZIP_STAT_ENCRYPTION_METHOD) && zs.encryption_method != ZIP_EM_NONE) {
            rc = fail(err, errlen, 1, "%s: \"%s\" is encrypted; a bundle cannot be", path, show);
            goto done;
        }
        if ((zs.valid & ZIP_STAT_COMP_METHOD) && zs.comp_method != ZIP_CM_STORE && zs.comp_method != ZIP_CM_DEFLATE) {
            rc = fail(err, errlen, 1,
                      "%s: \"%s\" is compressed with a method Orilla cannot read (only stored or deflated); "
                      "make the bundle with 'orilla pack'",
                      path, show);
            goto done;
        }
        if (!(zs.valid & ZIP_STAT_SIZE)) {
            rc = fail(err, errlen, 2, "%s: damaged bundle: the size of \"%s\" is unknown", path, show);
            goto done;
        }
        if (zs.size > ORL_MAX_FILE_BYTES) {
            rc = fail(err, errlen, 1, "%s: \"%s\" would unpack to %llu MB; one file may be at most %u MB", path, show,
                      (unsigned long long)zs.size >> 20, ORL_MAX_FILE_BYTES >> 20);
            goto done;
        }
        total += zs.size;
        if (total > ORL_MAX_BUNDLE_BYTES) {
            rc = fail(err, errlen, 1, "%s: its files would unpack to more than %llu MB, the most a bundle may hold", path,
                      ORL_MAX_BUNDLE_BYTES >> 20);
            goto done;
        }
        nfiles++;
    }
    /* No name twice, and no name that is both a file and a folder (PhysicsFS would pick one:
     * a checked file could hide behind an unchecked one). Folder entries may repeat folders
     * implied by file names; that is harmless. */
    for (zip_int64_t i = 0; i < n; i++) {
        if (dirs[i]) continue;
        if (orl_strmap_get(&files, names[i]) >= 0) {
            shown(names[i], show, sizeof show);
            rc = fail(err, errlen, 1, "%s: \"%s\" is in the bundle twice; it was not made by 'orilla pack'", path, show);
            goto done;
        }
        if (orl_strmap_put(&files, names[i], (int)i) != 0) {
            rc = fail(err, errlen, 2, "%s: out of memory reading the bundle", path);
            goto done;
        }
    }
    for (zip_int64_t i = 0; i < n; i++) {
        char *nm = names[i];
        if (dirs[i] && orl_strmap_get(&files, nm) >= 0) {
            shown(nm, show, sizeof show);
            rc = fail(err, errlen, 1, "%s: \"%s\" is both a file and a folder in the bundle", path, show);
            goto done;
        }
        /* Each folder prefix is looked up as a copy: the names are the map's own (borrowed)
         * keys, so cutting one in place would make it match itself. */
        char prefix[ORL_MAX_PATH + 1];
        for (const char *p = strchr(nm, '/'); p; p = strchr(p + 1, '/')) {
            size_t len = (size_t)(p - nm);
            if (len > ORL_MAX_PATH) break;
            memcpy(prefix, nm, len);
            prefix[len] = 0;
            if (orl_strmap_get(&files, prefix) >= 0) {
                shown(prefix, show, sizeof show);
                rc = fail(err, errlen, 1, "%s: \"%s\" is both a file and a folder in the bundle", path, show);
                goto done;
            }
        }
    }
    if (sum) {
        sum->entries = nfiles;
        sum->bytes = total;
        sum->file_bytes = (unsigned long long)st.st_size;
    }
done:
    orl_strmap_free(&files);
    if (names) {
        for (zip_int64_t i = 0; i < n; i++) free(names[i]);
        free(names);
    }
    free(dirs);
    zip_discard(za);
    return rc;
}
