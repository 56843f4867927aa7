/* The limits every .orilla zip passes before PhysicsFS mounts it. Only the zip's central
 * directory is read (libzip, read-only); nothing is decompressed here. */
#include "bundle/bundle.h"
#include "core/limits.h"
#include "core/strmap.h"
#include "core/term.h"
#include "core/utf8.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unicode/ucasemap.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unistd.h>
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

/* A name for messages: cut at 80 bytes, every control visible (core/term.h). */
static void shown(const char *name, char *out, size_t outlen)
{
    char cut[84];
    snprintf(cut, sizeof cut, "%.80s", name);
    orl_clean_into(out, outlen, cut, ORL_CLEAN_ONE_LINE);
}


/* ---------------------------------------------------------------- the strict layout */

typedef struct raw_entry {
    char *name;                 /* as in the directory, NUL-terminated (a NUL inside is refused) */
    unsigned long long offset;  /* of the local header */
    unsigned long long csize, usize;
    unsigned long crc;
    unsigned method, flags;
    unsigned long long end;     /* first byte after the entry's data */
} raw_entry;

static unsigned get16(const unsigned char *p) { return (unsigned)p[0] | (unsigned)p[1] << 8; }
static unsigned long get32(const unsigned char *p)
{
    return (unsigned long)p[0] | (unsigned long)p[1] << 8 | (unsigned long)p[2] << 16 | (unsigned long)p[3] << 24;
}

static int read_at(int fd, void *buf, size_t n, unsigned long long off)
{
    size_t got = 0;
    while (got < n) {
        ssize_t r = pread(fd, (char *)buf + got, n - got, (off_t)(off + got));
        if (r <= 0) return -1;
        got += (size_t)r;
    }
    return 0;
}

static void free_raw(raw_entry *e, size_t n)
{
    if (!e) return;
    for (size_t i = 0; i < n; i++) free(e[i].name);
    free(e);
}

static int by_offset(const void *a, const void *b)
{
    const raw_entry *x = *(raw_entry *const *)a, *y = *(raw_entry *const *)b;
    return x->offset < y->offset ? -1 : x->offset > y->offset;
}

#define NOT_PACKED "; it was not made by 'orilla pack' (pack the story folder again)"

/* Reads the zip's structure itself (libzip and PhysicsFS each choose their own way to find
 * the directory, and a hostile zip can show them different ones) and refuses anything but
 * the one layout every reader agrees on. *out: the entries in directory order. */
static int strict_layout(const char *path, int fd, unsigned long long fsize, raw_entry **out, size_t *nout, char *err,
                         size_t errlen)
{
    *out = NULL;
    *nout = 0;
    unsigned char eocd[22];
    if (fsize < 22 || read_at(fd, eocd, 22, fsize - 22) != 0 || get32(eocd) != 0x06054b50UL)
        return fail(err, errlen, 2,
                    "%s: damaged bundle: the end of the zip is missing (cut short while copying, or something was "
                    "added after it); copy it again from the original",
                    path);
    /* no second end-record signature inside this one: readers that search backwards from the
     * very end would stop there */
    for (int i = 1; i + 4 <= 22; i++)
        if (memcmp(eocd + i, "PK\5\6", 4) == 0)
            return fail(err, errlen, 1, "%s: the zip's end record is ambiguous (a second one inside it)" NOT_PACKED, path);
    unsigned disk = get16(eocd + 4), cddisk = get16(eocd + 6), nthis = get16(eocd + 8), ntotal = get16(eocd + 10);
    unsigned long cdsize = get32(eocd + 12), cdoff = get32(eocd + 16);
    unsigned comment = get16(eocd + 20);
    if (comment != 0)
        return fail(err, errlen, 1,
                    "%s: the zip ends with a comment (%u bytes), where another table of contents can hide" NOT_PACKED,
                    path, comment);
    if (disk != 0 || cddisk != 0 || nthis != ntotal)
        return fail(err, errlen, 1, "%s: a zip split over several disks" NOT_PACKED, path);
    if (ntotal == 0xFFFF || cdsize == 0xFFFFFFFFUL || cdoff == 0xFFFFFFFFUL)
        return fail(err, errlen, 1, "%s: a Zip64 file (for archives over 4 GB)" NOT_PACKED, path);
    if ((unsigned long long)cdoff + cdsize != fsize - 22)
        return fail(err, errlen, 2,
                    "%s: damaged bundle: its table of contents does not end where the zip ends (%llu bytes between "
                    "them); copy it again or pack it again",
                    path, (unsigned long long)(fsize - 22 > (unsigned long long)cdoff + cdsize
                                                   ? fsize - 22 - ((unsigned long long)cdoff + cdsize)
                                                   : ((unsigned long long)cdoff + cdsize) - (fsize - 22)));
    if (fsize - 22 >= 20) {
        unsigned char loc[4];
        if (read_at(fd, loc, 4, fsize - 22 - 20) == 0 && memcmp(loc, "PK\6\7", 4) == 0)
            return fail(err, errlen, 1, "%s: a Zip64 file (for archives over 4 GB)" NOT_PACKED, path);
    }
    if (ntotal > ORL_MAX_BUNDLE_FILES)
        return fail(err, errlen, 1, "%s: holds %u files; a bundle may hold at most %d", path, ntotal, ORL_MAX_BUNDLE_FILES);
    if (cdsize < 46ull * ntotal)
        return fail(err, errlen, 2, "%s: damaged bundle: its table of contents does not add up; copy it again or pack it again",
                    path);
    unsigned char *cd = malloc(cdsize ? cdsize : 1);
    raw_entry *e = calloc((size_t)ntotal + 1, sizeof *e);
    raw_entry **order = calloc((size_t)ntotal + 1, sizeof *order);
    int rc = 0;
    size_t n = 0;
    if (!cd || !e || !order) {
        rc = fail(err, errlen, 2, "%s: out of memory reading the bundle", path);
        goto done;
    }
    if (read_at(fd, cd, cdsize, cdoff) != 0) {
        rc = fail(err, errlen, 2, "%s: damaged bundle: its table of contents cannot be read", path);
        goto done;
    }
    unsigned long pos = 0;
    for (; n < ntotal; n++) {
        if (cdsize - pos < 46 || get32(cd + pos) != 0x02014b50UL) {
            rc = fail(err, errlen, 2,
                      "%s: damaged bundle: its table of contents does not add up (entry %zu); copy it again or pack it again",
                      path, n + 1);
            goto done;
        }
        const unsigned char *h = cd + pos;
        unsigned nlen = get16(h + 28), xlen = get16(h + 30), clen = get16(h + 32);
        if (cdsize - pos - 46 < (unsigned long)nlen + xlen + clen) {
            rc = fail(err, errlen, 2, "%s: damaged bundle: its table of contents does not add up; copy it again or pack it again",
                      path);
            goto done;
        }
        raw_entry *r = &e[n];
        r->flags = get16(h + 8);
        r->method = get16(h + 10);
        r->crc = get32(h + 16);
        r->csize = get32(h + 20);
        r->usize = get32(h + 24);
        r->offset = get32(h + 42);
        r->name = malloc((size_t)nlen + 1);
        if (!r->name) {
            rc = fail(err, errlen, 2, "%s: out of memory reading the bundle", path);
            goto done;
        }
        memcpy(r->name, h + 46, nlen);
        r->name[nlen] = 0;
        char show[100];
        shown(r->name, show, sizeof show);
        if (memchr(h + 46, 0, nlen)) {
            rc = fail(err, errlen, 1, "%s: a file name holds a NUL byte (\"%s...\")" NOT_PACKED, path, show);
            n++;
            goto done;
        }
        if (get16(h + 34) != 0 || r->csize == 0xFFFFFFFFUL || r->usize == 0xFFFFFFFFUL || r->offset == 0xFFFFFFFFUL) {
            rc = fail(err, errlen, 1, "%s: \"%s\" is stored as Zip64 or on another disk" NOT_PACKED, path, show);
            n++;
            goto done;
        }
        if (r->flags & 0x0001) {
            rc = fail(err, errlen, 1, "%s: \"%s\" is encrypted; a bundle cannot be", path, show);
            n++;
            goto done;
        }
        if (r->flags & 0x0008) {
            rc = fail(err, errlen, 1,
                      "%s: \"%s\" was written by a streaming zip tool (its sizes come after its data)" NOT_PACKED, path,
                      show);
            n++;
            goto done;
        }
        if (r->method == 0 && r->csize != r->usize) {
            rc = fail(err, errlen, 2, "%s: damaged bundle: \"%s\" is stored with two different sizes (%llu and %llu)", path,
                      show, r->csize, r->usize);
            n++;
            goto done;
        }
        pos += 46ul + nlen + xlen + clen;
    }
    if (pos != cdsize) {
        rc = fail(err, errlen, 1,
                  "%s: the table of contents holds %lu bytes more than its %u entries (a second, hidden one?)" NOT_PACKED,
                  path, cdsize - pos, ntotal);
        goto done;
    }
    /* every entry's local header, in file order: one after another from byte 0 to the
     * directory, so no two entries share data, none reaches into the directory, and no
     * bytes lie between them where another reader could find other files */
    for (size_t i = 0; i < n; i++) order[i] = &e[i];
    qsort(order, n, sizeof *order, by_offset);
    unsigned long long expect = 0;
    for (size_t i = 0; i < n; i++) {
        raw_entry *r = order[i];
        char show[100];
        shown(r->name, show, sizeof show);
        if (r->offset != expect) {
            rc = fail(err, errlen, 1,
                      r->offset < expect
                          ? "%s: \"%s\" overlaps another file in the zip (two entries share the same bytes)" NOT_PACKED
                          : "%s: there are bytes before \"%s\" that belong to no file in the zip" NOT_PACKED,
                      path, show);
            goto done;
        }
        unsigned char lh[30];
        size_t nlen = strlen(r->name);
        char *lname = malloc(nlen + 1);
        if (!lname) {
            rc = fail(err, errlen, 2, "%s: out of memory reading the bundle", path);
            goto done;
        }
        int ok = r->offset + 30 <= cdoff && read_at(fd, lh, 30, r->offset) == 0 && get32(lh) == 0x04034b50UL &&
                 r->offset + 30 + get16(lh + 26) + get16(lh + 28) <= cdoff && get16(lh + 26) == nlen &&
                 read_at(fd, lname, nlen, r->offset + 30) == 0 && memcmp(lname, r->name, nlen) == 0;
        free(lname);
        if (!ok) {
            rc = fail(err, errlen, 2,
                      "%s: damaged bundle: the entry for \"%s\" does not match the table of contents; copy it again or "
                      "pack it again",
                      path, show);
            goto done;
        }
        if (get16(lh + 8) != r->method || get32(lh + 14) != r->crc || get32(lh + 18) != r->csize ||
            get32(lh + 22) != r->usize || (get16(lh + 6) & 0x0009) != (r->flags & 0x0009)) {
            rc = fail(err, errlen, 1,
                      "%s: \"%s\" has sizes, CRC or method in its own header that disagree with the table of contents "
                      "(%lu/%lu bytes there, %llu/%llu here)" NOT_PACKED,
                      path, show, get32(lh + 18), get32(lh + 22), r->csize, r->usize);
            goto done;
        }
        r->end = r->offset + 30 + get16(lh + 26) + get16(lh + 28) + r->csize;
        if (r->end > cdoff) {
            rc = fail(err, errlen, 1, "%s: the data of \"%s\" runs into the table of contents" NOT_PACKED, path, show);
            goto done;
        }
        expect = r->end;
    }
    if (expect != cdoff) {
        rc = fail(err, errlen, 1, "%s: there are %llu bytes after the last file that belong to no file in the zip" NOT_PACKED,
                  path, (unsigned long long)cdoff - expect);
        goto done;
    }
done:
    free(cd);
    free(order);
    if (rc) {
        free_raw(e, n);
        return rc;
    }
    *out = e;
    *nout = n;
    return 0;
}

/* ---------------------------------------------------------------- names that collide */

/* NFC(casefold(NFD(s))): equal for two names a case-insensitive, normalising disk (Windows,
 * macOS) would take for the same file. ASCII-only names: lower case. NULL on OOM/ICU error. */
static UChar *norm_step(const UNormalizer2 *nz, const UChar *src, int32_t len, int32_t *outlen)
{
    UErrorCode e = U_ZERO_ERROR;
    int32_t cap = len * 3 + 16;
    UChar *d = malloc((size_t)cap * sizeof *d);
    if (!d) return NULL;
    int32_t n = unorm2_normalize(nz, src, len, d, cap, &e);
    if (e == U_BUFFER_OVERFLOW_ERROR) {
        free(d);
        cap = n + 1;
        d = malloc((size_t)cap * sizeof *d);
        if (!d) return NULL;
        e = U_ZERO_ERROR;
        n = unorm2_normalize(nz, src, len, d, cap, &e);
    }
    if (U_FAILURE(e)) { free(d); return NULL; }
    *outlen = n;
    return d;
}

static char *fold_key(const char *name)
{
    size_t len = strlen(name);
    int ascii = 1;
    for (size_t i = 0; i < len; i++) ascii &= (unsigned char)name[i] < 0x80;
    if (ascii) {
        char *k = malloc(len + 1);
        if (!k) return NULL;
        for (size_t i = 0; i <= len; i++) k[i] = (name[i] >= 'A' && name[i] <= 'Z') ? (char)(name[i] + 32) : name[i];
        return k;
    }
    UErrorCode e = U_ZERO_ERROR;
    int32_t n16 = 0;
    u_strFromUTF8(NULL, 0, &n16, name, (int32_t)len, &e);
    if (e != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(e)) return NULL;
    e = U_ZERO_ERROR;
    UChar *u = malloc(((size_t)n16 + 1) * sizeof *u);
    if (!u) return NULL;
    u_strFromUTF8(u, n16 + 1, NULL, name, (int32_t)len, &e);
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&e), *nfc = unorm2_getNFCInstance(&e);
    if (U_FAILURE(e)) { free(u); return NULL; }
    int32_t l1 = 0, l2 = 0, l3 = 0;
    UChar *a = norm_step(nfd, u, n16, &l1);
    free(u);
    if (!a) return NULL;
    int32_t cap = l1 * 3 + 16;
    UChar *f = malloc((size_t)cap * sizeof *f);
    if (!f) { free(a); return NULL; }
    e = U_ZERO_ERROR;
    l2 = u_strFoldCase(f, cap, a, l1, U_FOLD_CASE_DEFAULT, &e);
    free(a);
    if (U_FAILURE(e)) { free(f); return NULL; }
    UChar *c = norm_step(nfc, f, l2, &l3);
    free(f);
    if (!c) return NULL;
    int32_t n8 = 0;
    e = U_ZERO_ERROR;
    u_strToUTF8(NULL, 0, &n8, c, l3, &e);
    e = U_ZERO_ERROR;
    char *k = malloc((size_t)n8 + 1);
    if (k) u_strToUTF8(k, n8 + 1, NULL, c, l3, &e);
    free(c);
    if (k && U_FAILURE(e)) { free(k); return NULL; }
    return k;
}

/* Refuses two names that differ only by case or Unicode normalisation (and a file whose
 * name is, so folded, a folder of another). names[i] without a trailing '/'; dirs[i] marks
 * folder entries. */
int orl_bundle_names_collide(const char *path, char **names, const char *dirs, size_t n, const char *advice, char *err,
                             size_t errlen)
{
    char **keys = calloc(n + 1, sizeof *keys);
    orl_strmap files = {0};
    int rc = 0;
    if (!keys) return fail(err, errlen, 2, "%s: out of memory reading the bundle", path);
    for (size_t i = 0; i < n && !rc; i++) {
        keys[i] = fold_key(names[i]);
        if (!keys[i]) { rc = fail(err, errlen, 2, "%s: out of memory reading the bundle", path); break; }
        if (dirs && dirs[i]) continue;
        int j = orl_strmap_get(&files, keys[i]);
        if (j >= 0) {
            char a[100], b[100];
            shown(names[j], a, sizeof a);
            shown(names[i], b, sizeof b);
            rc = fail(err, errlen, 1,
                      "%s: \"%s\" and \"%s\" differ only by capitals or accents written differently: on Windows or a Mac "
                      "they are the same file, and one would replace the other; rename one%s",
                      path, a, b, advice);
            break;
        }
        if (orl_strmap_put(&files, keys[i], (int)i) != 0) rc = fail(err, errlen, 2, "%s: out of memory reading the bundle", path);
    }
    for (size_t i = 0; i < n && !rc; i++) {
        const char *k = keys[i];
        /* prefixes are looked up as copies: the keys are the map's own (borrowed) */
        char prefix[4 * ORL_MAX_PATH + 16];
        for (const char *p = strchr(k, '/'); p && !rc; p = strchr(p + 1, '/')) {
            size_t len = (size_t)(p - k);
            if (len >= sizeof prefix) break;
            memcpy(prefix, k, len);
            prefix[len] = 0;
            int j = orl_strmap_get(&files, prefix);
            if (j >= 0) {
                char a[100], b[100];
                shown(names[j], a, sizeof a);
                shown(names[i], b, sizeof b);
                rc = fail(err, errlen, 1,
                          "%s: \"%s\" is a file, and \"%s\" puts it in a folder of the same name on Windows or a Mac; "
                          "rename one%s",
                          path, a, b, advice);
            }
        }
    }
    orl_strmap_free(&files);
    for (size_t i = 0; i < n; i++) free(keys[i]);
    free(keys);
    return rc;
}

int orl_zip_name_cmp(const char *a, const char *b)
{
    const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
    for (;; x++, y++) {
        unsigned cx = *x == '/' ? 1u : *x, cy = *y == '/' ? 1u : *y;
        if (cx != cy) return cx < cy ? -1 : 1;
        if (!cx) return 0;
    }
}

static int cmp_zip_file(const void *a, const void *b)
{
    return orl_zip_name_cmp(((const orl_zip_file *)a)->name, ((const orl_zip_file *)b)->name);
}

void orl_zip_table_free(orl_zip_table *t)
{
    if (!t) return;
    for (size_t i = 0; i < t->n; i++) free(t->files[i].name);
    free(t->files);
    t->files = NULL;
    t->n = 0;
}

const orl_zip_file *orl_zip_table_find(const orl_zip_table *t, const char *name)
{
    size_t lo = 0, hi = t ? t->n : 0;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = orl_zip_name_cmp(name, t->files[mid].name);
        if (c == 0) return &t->files[mid];
        if (c < 0) hi = mid;
        else lo = mid + 1;
    }
    return NULL;
}

int orl_bundle_read_zip(const char *path, orl_zip_summary *sum, orl_zip_table *table, char *err, size_t errlen)
{
    struct stat st;
    if (sum) memset(sum, 0, sizeof *sum);
    if (table) memset(table, 0, sizeof *table);
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return fail(err, errlen, 2, "%s: cannot read: no such file", path);
    if ((unsigned long long)st.st_size > ORL_MAX_BUNDLE_FILE_BYTES)
        return fail(err, errlen, 1, "%s: too large for a bundle (%llu MB; at most %llu MB of files)", path,
                    (unsigned long long)st.st_size >> 20, ORL_MAX_BUNDLE_BYTES >> 20);
    unsigned char magic[4] = {0};
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    struct stat fst;
    if (fd < 0) return fail(err, errlen, 2, "%s: cannot read this file", path);
    if (fstat(fd, &fst) != 0 || !S_ISREG(fst.st_mode) || fst.st_size != st.st_size) {
        close(fd);
        return fail(err, errlen, 2, "%s: cannot read: not a plain file (or it changed while being read)", path);
    }
    int got = read_at(fd, magic, 4, 0) == 0 ? 4 : 0;
    int local = got == 4 && memcmp(magic, "PK\3\4", 4) == 0;
    int empty = got == 4 && memcmp(magic, "PK\5\6", 4) == 0;
    if (!local && !empty) {
        close(fd);
        return fail(err, errlen, 2,
                    "%s: not a .orilla bundle (it is not a zip file); give a story folder, or a bundle made by 'orilla pack'",
                    path);
    }
    raw_entry *raw = NULL;
    size_t nraw = 0;
    int lrc = strict_layout(path, fd, (unsigned long long)st.st_size, &raw, &nraw, err, errlen);
    close(fd);
    if (lrc) return lrc;

    int ze = 0;
    zip_t *za = zip_open(path, ZIP_RDONLY, &ze);
    if (!za) free_raw(raw, nraw);
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
    /* libzip must see the directory the strict reading saw, entry by entry */
    if ((size_t)n != nraw) {
        rc = fail(err, errlen, 1, "%s: zip readers disagree about what it holds (%lld or %zu files)" NOT_PACKED, path,
                  (long long)n, nraw);
        goto done;
    }
    for (zip_int64_t i = 0; i < n; i++) {
        const char *nm = zip_get_name(za, (zip_uint64_t)i, ZIP_FL_ENC_RAW);
        if (!nm || strcmp(nm, raw[i].name) != 0) {
            rc = fail(err, errlen, 1, "%s: zip readers disagree about what it holds (entry %lld)" NOT_PACKED, path,
                      (long long)i + 1);
            goto done;
        }
    }
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
    /* A zip bomb within the caps: 2 GB of zeros fit in 2 MB, and verify then inflates and
     * hashes 2 GB (52 s here). Story files compress far less (Lua and text 3-15 times,
     * pictures and sound not at all), so more than ORL_MAX_BUNDLE_RATIO times the zip's
     * own size, beyond a first allowance, is refused. */
    if (total > ORL_BUNDLE_RATIO_ALLOWANCE &&
        total - ORL_BUNDLE_RATIO_ALLOWANCE > (unsigned long long)ORL_MAX_BUNDLE_RATIO * (unsigned long long)st.st_size) {
        rc = fail(err, errlen, 1,
                  "%s: its files would unpack to %llu MB from a file of %llu KB (more than %d times its size): a zip "
                  "bomb, not a bundle made by 'orilla pack'",
                  path, total >> 20, (unsigned long long)st.st_size >> 10, ORL_MAX_BUNDLE_RATIO);
        goto done;
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
    rc = orl_bundle_names_collide(path, names, dirs, (size_t)n, NOT_PACKED, err, errlen);
    if (rc) goto done;
    if (table) {
        table->files = calloc((size_t)nfiles + 1, sizeof *table->files);
        if (!table->files) {
            rc = fail(err, errlen, 2, "%s: out of memory reading the bundle", path);
            goto done;
        }
        for (zip_int64_t i = 0; i < n; i++) {
            if (dirs[i]) continue;
            orl_zip_file *zf = &table->files[table->n++];
            zf->name = names[i]; /* taken: names[i] is not freed below */
            names[i] = NULL;
            zf->size = raw[i].usize;
            zf->crc32 = raw[i].crc;
        }
        qsort(table->files, table->n, sizeof *table->files, cmp_zip_file);
    }
    if (sum) {
        sum->entries = nfiles;
        sum->bytes = total;
        sum->file_bytes = (unsigned long long)st.st_size;
    }
done:
    free_raw(raw, nraw);
    orl_strmap_free(&files);
    if (names) {
        for (zip_int64_t i = 0; i < n; i++) free(names[i]);
        free(names);
    }
    free(dirs);
    zip_discard(za);
    return rc;
}

int orl_bundle_check_zip(const char *path, orl_zip_summary *sum, char *err, size_t errlen)
{
    return orl_bundle_read_zip(path, sum, NULL, err, errlen);
}
