#include "bundle/fs.h"
#include "bundle/bundle.h"
#include "core/limits.h"
#include "core/strutil.h"
#include <physfs.h>
#include <zlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct orl_fs {
    char *path;
    char mount[32]; /* "/orl/N": every open story has its own mount point */
    int bundle;
    /* A bundle's files as orl_bundle_read_zip saw them: exists, size and walk answer from
     * it, and every read is checked against it (size, CRC), so no reader can see another
     * list of files than the checks did. */
    orl_zip_table table;
};

static int physfs_users;
static unsigned mount_seq;

/* PhysicsFS mounts one path once: opening the same story twice shares its mount point. */
typedef struct mount_ref { char *path; char mount[32]; int refs; struct mount_ref *next; } mount_ref;
static mount_ref *mounts;

static mount_ref *find_mount(const char *path)
{
    for (mount_ref *m = mounts; m; m = m->next)
        if (strcmp(m->path, path) == 0) return m;
    return NULL;
}

static int physfs_up(void)
{
    if (physfs_users == 0 && !PHYSFS_isInit()) {
        if (!PHYSFS_init("orilla")) return -1;
        PHYSFS_permitSymbolicLinks(0);
        /* PhysicsFS allocates its per-thread error record when it first records an error,
         * and drops the error when that allocation fails: out of memory would then read as
         * "not found". Record one now, so later errors (out of memory included) are kept. */
        PHYSFS_setErrorCode(PHYSFS_ERR_OTHER_ERROR);
        if (PHYSFS_getLastErrorCode() != PHYSFS_ERR_OTHER_ERROR) {
            PHYSFS_deinit();
            return -1; /* the record could not be allocated */
        }
    }
    physfs_users++;
    return 0;
}

/* ORL_FS_NOMEM when PhysicsFS's last error is running out of memory, else `otherwise`. */
static int physfs_error(int otherwise)
{
    return PHYSFS_getLastErrorCode() == PHYSFS_ERR_OUT_OF_MEMORY ? ORL_FS_NOMEM : otherwise;
}

static void physfs_down(void)
{
    if (--physfs_users == 0 && PHYSFS_isInit()) PHYSFS_deinit();
}

orl_fs *orl_fs_open(const char *path, char *err, size_t errlen)
{
    struct stat st;
    if (!path || !*path) {
        snprintf(err, errlen, "no story given");
        return NULL;
    }
    if (stat(path, &st) != 0) {
        snprintf(err, errlen, "%s: cannot read: no such file or folder", path);
        return NULL;
    }
    if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode)) {
        snprintf(err, errlen, "%s: not a story folder or a .orilla file", path);
        return NULL;
    }
    if (physfs_up() != 0) {
        PHYSFS_ErrorCode c = PHYSFS_getLastErrorCode();
        snprintf(err, errlen, "cannot start the file reader: %s",
                 PHYSFS_getErrorByCode(c != PHYSFS_ERR_OK ? c : PHYSFS_ERR_OUT_OF_MEMORY));
        return NULL;
    }
    orl_fs *fs = calloc(1, sizeof *fs);
    if (!fs || !(fs->path = orl_strdup(path))) {
        free(fs);
        physfs_down();
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    fs->bundle = S_ISREG(st.st_mode);
    if (fs->bundle) {
        /* Before PhysicsFS sees it: PhysicsFS trusts a zip's entry count and sizes. */
        char why[400];
        if (orl_bundle_read_zip(path, NULL, &fs->table, why, sizeof why) != 0) {
            snprintf(err, errlen, "%s", why);
            free(fs->path);
            free(fs);
            physfs_down();
            return NULL;
        }
    }
    mount_ref *m = find_mount(path);
    if (m) {
        m->refs++;
        memcpy(fs->mount, m->mount, sizeof fs->mount);
        return fs;
    }
    m = calloc(1, sizeof *m);
    if (!m || !(m->path = orl_strdup(path))) {
        free(m);
        orl_zip_table_free(&fs->table);
        free(fs->path);
        free(fs);
        physfs_down();
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    snprintf(fs->mount, sizeof fs->mount, "/orl/%u", ++mount_seq);
    memcpy(m->mount, fs->mount, sizeof m->mount);
    if (!PHYSFS_mount(path, fs->mount, 1)) {
        free(m->path);
        free(m);
        PHYSFS_ErrorCode c = PHYSFS_getLastErrorCode();
        if (fs->bundle)
            snprintf(err, errlen, "%s: not a readable .orilla bundle (%s); a bundle is a zip made by 'orilla pack'",
                     path, PHYSFS_getErrorByCode(c));
        else
            snprintf(err, errlen, "%s: cannot open folder: %s", path, PHYSFS_getErrorByCode(c));
        orl_zip_table_free(&fs->table);
        free(fs->path);
        free(fs);
        physfs_down();
        return NULL;
    }
    m->refs = 1;
    m->next = mounts;
    mounts = m;
    return fs;
}

void orl_fs_close(orl_fs *fs)
{
    if (!fs) return;
    mount_ref **pp = &mounts;
    while (*pp && strcmp((*pp)->path, fs->path) != 0) pp = &(*pp)->next;
    if (*pp && --(*pp)->refs == 0) {
        mount_ref *m = *pp;
        *pp = m->next;
        PHYSFS_unmount(m->path);
        free(m->path);
        free(m);
    }
    orl_zip_table_free(&fs->table);
    free(fs->path);
    free(fs);
    physfs_down();
}

const char *orl_fs_path(const orl_fs *fs) { return fs->path; }
int orl_fs_is_bundle(const orl_fs *fs) { return fs->bundle; }

int orl_fs_check_name(const char *name)
{
    if (!name || !*name || strlen(name) > 512) return ORL_FS_BADNAME;
    if (name[0] == '/' || name[strlen(name) - 1] == '/') return ORL_FS_BADNAME;
    const char *p = name;
    while (*p) {
        const char *e = strchr(p, '/');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n == 0) return ORL_FS_BADNAME;                         /* "a//b" or trailing '/' */
        if (n == 1 && p[0] == '.') return ORL_FS_BADNAME;
        if (n == 2 && p[0] == '.' && p[1] == '.') return ORL_FS_BADNAME;
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)p[i];
            if (c < 0x20 || c == '\\' || c == ':') return ORL_FS_BADNAME;
        }
        if (!e) break;
        p = e + 1;
    }
    return ORL_FS_OK;
}

static int full_name(const orl_fs *fs, const char *name, char *out, size_t outlen)
{
    if (orl_fs_check_name(name) != ORL_FS_OK) return ORL_FS_BADNAME;
    int n = snprintf(out, outlen, "%s/%s", fs->mount, name);
    if (n < 0 || (size_t)n >= outlen) return ORL_FS_BADNAME;
    return ORL_FS_OK;
}

int orl_fs_exists(orl_fs *fs, const char *name)
{
    char full[600];
    if (full_name(fs, name, full, sizeof full) != ORL_FS_OK) return 0;
    if (fs->bundle) return orl_zip_table_find(&fs->table, name) != NULL;
    PHYSFS_Stat st;
    if (!PHYSFS_stat(full, &st)) return 0;
    return st.filetype == PHYSFS_FILETYPE_REGULAR;
}

long long orl_fs_size(orl_fs *fs, const char *name)
{
    char full[600];
    if (full_name(fs, name, full, sizeof full) != ORL_FS_OK) return -1;
    if (fs->bundle) {
        const orl_zip_file *zf = orl_zip_table_find(&fs->table, name);
        return zf ? (long long)zf->size : -1;
    }
    PHYSFS_Stat st;
    if (!PHYSFS_stat(full, &st) || st.filetype != PHYSFS_FILETYPE_REGULAR) return -1;
    return st.filesize;
}

typedef struct collect_ctx { char *p; size_t n; } collect_ctx;

static int collect(const void *p, size_t n, void *ud)
{
    collect_ctx *c = ud;
    memcpy(c->p + c->n, p, n);
    c->n += n;
    return 0;
}

/* The bundle's entry for name, opened through PhysicsFS only when PhysicsFS agrees on its
 * size; ORL_FS_DAMAGED otherwise. */
static int bundle_open(orl_fs *fs, const char *full, const char *name, const orl_zip_file **zf, PHYSFS_File **f)
{
    *f = NULL;
    *zf = orl_zip_table_find(&fs->table, name);
    if (!*zf) return ORL_FS_NOTFOUND;
    PHYSFS_Stat st;
    if (!PHYSFS_stat(full, &st)) return physfs_error(ORL_FS_DAMAGED);
    if (st.filetype != PHYSFS_FILETYPE_REGULAR || st.filesize < 0 || (unsigned long long)st.filesize != (*zf)->size)
        return ORL_FS_DAMAGED;
    *f = PHYSFS_openRead(full);
    return *f ? ORL_FS_OK : physfs_error(ORL_FS_DAMAGED);
}

int orl_fs_read(orl_fs *fs, const char *name, size_t max, char **data, size_t *len)
{
    char full[600];
    *data = NULL;
    *len = 0;
    int rc = full_name(fs, name, full, sizeof full);
    if (rc != ORL_FS_OK) return rc;
    if (fs->bundle) {
        /* the size is known and checked: one allocation, and the stream checks the CRC */
        const orl_zip_file *zf = orl_zip_table_find(&fs->table, name);
        if (!zf) return ORL_FS_NOTFOUND;
        if (zf->size > max) return ORL_FS_TOOBIG;
        collect_ctx c = {malloc((size_t)zf->size + 1), 0};
        if (!c.p) return ORL_FS_NOMEM;
        rc = orl_fs_stream(fs, name, zf->size, collect, &c, NULL);
        if (rc != ORL_FS_OK) {
            free(c.p);
            return rc;
        }
        c.p[c.n] = 0;
        *data = c.p;
        *len = c.n;
        return ORL_FS_OK;
    }
    PHYSFS_Stat st;
    if (!PHYSFS_stat(full, &st)) return physfs_error(ORL_FS_NOTFOUND);
    if (st.filetype != PHYSFS_FILETYPE_REGULAR) return ORL_FS_NOTFOUND;
    PHYSFS_File *f = PHYSFS_openRead(full);
    if (!f) return physfs_error(ORL_FS_NOTFOUND);
    /* The declared size is a hint only (a zip can lie): read in chunks, never past max. */
    size_t cap = st.filesize > 0 && (PHYSFS_uint64)st.filesize < max ? (size_t)st.filesize + 1 : 4096;
    if (cap > max + 1) cap = max + 1;
    char *buf = malloc(cap);
    size_t n = 0;
    rc = ORL_FS_OK;
    if (!buf) rc = ORL_FS_NOMEM;
    while (rc == ORL_FS_OK) {
        if (n + 1 >= cap) {
            if (cap > max) {
                /* exactly max bytes read: too big only if there is more */
                char extra;
                PHYSFS_sint64 more = PHYSFS_readBytes(f, &extra, 1);
                rc = more < 0 ? ORL_FS_IOERROR : more > 0 ? ORL_FS_TOOBIG : ORL_FS_OK;
                break;
            }
            size_t nc = cap * 2 > max + 1 ? max + 1 : cap * 2;
            char *nb = realloc(buf, nc);
            if (!nb) { rc = ORL_FS_NOMEM; break; }
            buf = nb;
            cap = nc;
        }
        PHYSFS_sint64 got = PHYSFS_readBytes(f, buf + n, cap - 1 - n);
        if (got < 0) { rc = physfs_error(ORL_FS_IOERROR); break; }
        if (got == 0) break;
        n += (size_t)got;
        if (n > max) { rc = ORL_FS_TOOBIG; break; }
    }
    PHYSFS_close(f);
    if (rc != ORL_FS_OK) { free(buf); return rc; }
    buf[n] = 0;
    *data = buf;
    *len = n;
    return ORL_FS_OK;
}

int orl_fs_stream(orl_fs *fs, const char *name, unsigned long long max,
                  int (*fn)(const void *p, size_t n, void *ud), void *ud, unsigned long long *total)
{
    char full[600];
    if (total) *total = 0;
    int rc = full_name(fs, name, full, sizeof full);
    if (rc != ORL_FS_OK) return rc;
    PHYSFS_File *f = NULL;
    const orl_zip_file *zf = NULL;
    if (fs->bundle) {
        rc = bundle_open(fs, full, name, &zf, &f);
        if (rc != ORL_FS_OK) return rc;
    } else {
        PHYSFS_Stat st;
        if (!PHYSFS_stat(full, &st)) return physfs_error(ORL_FS_NOTFOUND);
        if (st.filetype != PHYSFS_FILETYPE_REGULAR) return ORL_FS_NOTFOUND;
        f = PHYSFS_openRead(full);
        if (!f) return physfs_error(ORL_FS_NOTFOUND);
    }
    /* a bundle's file is read no further than its size (the one the checks saw), and a
     * whole read must match its CRC: a directory that declares less than the stream holds,
     * or a damaged stream, is a damaged bundle, not the author's mistake */
    unsigned long crc = crc32(0L, Z_NULL, 0);
    if (zf && zf->size > max) { /* known before a byte is read */
        PHYSFS_close(f);
        return ORL_FS_TOOBIG;
    }
    if (zf) max = zf->size;
    enum { CHUNK = 64 * 1024 };
    unsigned char *buf = malloc(CHUNK);
    unsigned long long n = 0;
    rc = buf ? ORL_FS_OK : ORL_FS_NOMEM;
    while (rc == ORL_FS_OK) {
        /* Ask for one byte more than max allows, so a file larger than max is noticed. */
        unsigned long long room = max - n + 1;
        PHYSFS_uint64 want = room < CHUNK ? room : CHUNK;
        PHYSFS_sint64 got = PHYSFS_readBytes(f, buf, want);
        /* in a bundle, a stream that cannot be inflated is a damaged bundle */
        if (got < 0) { rc = physfs_error(zf ? ORL_FS_DAMAGED : ORL_FS_IOERROR); break; }
        if (got == 0) {
            if (!PHYSFS_eof(f)) rc = zf ? ORL_FS_DAMAGED : ORL_FS_IOERROR;
            break;
        }
        if ((unsigned long long)got > max - n) { rc = zf ? ORL_FS_DAMAGED : ORL_FS_TOOBIG; break; }
        n += (unsigned long long)got;
        if (zf) crc = crc32(crc, buf, (uInt)got);
        int r = fn(buf, (size_t)got, ud);
        if (r != 0) { rc = r; break; }
    }
    if (zf && rc == ORL_FS_OK && (n != zf->size || crc != zf->crc32)) rc = ORL_FS_DAMAGED;
    free(buf);
    PHYSFS_close(f);
    if (total) *total = n;
    return rc;
}

typedef struct head_ctx {
    unsigned char *p;
    size_t n, cap;
} head_ctx;

static int take_head(const void *data, size_t n, void *ud)
{
    head_ctx *h = ud;
    size_t room = h->cap - h->n;
    if (n > room) n = room;
    memcpy(h->p + h->n, data, n);
    h->n += n;
    return h->n >= h->cap; /* enough: stop reading */
}

long long orl_fs_head(orl_fs *fs, const char *name, void *buf, size_t n)
{
    head_ctx h = {buf, 0, n};
    if (n == 0) return 0;
    /* no size limit: the read stops after n bytes */
    int rc = orl_fs_stream(fs, name, ~0ULL - 1, take_head, &h, NULL);
    if (h.n > 0) return (long long)h.n;
    return rc < 0 ? rc : 0;
}

typedef struct walk_ctx {
    orl_fs *fs;
    int (*fn)(const char *, void *);
    void *ud;
    int depth;
} walk_ctx;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int walk_dir(walk_ctx *w, const char *rel)
{
    char full[600];
    if (*rel) snprintf(full, sizeof full, "%s/%s", w->fs->mount, rel);
    else snprintf(full, sizeof full, "%s", w->fs->mount);
    if (w->depth > ORL_MAX_PATH_DEPTH) return 0;
    char **list = PHYSFS_enumerateFiles(full);
    if (!list) return physfs_error(0);
    size_t n = 0;
    while (list[n]) n++;
    qsort(list, n, sizeof *list, cmp_str);
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        char child[600], childfull[700];
        int k = *rel ? snprintf(child, sizeof child, "%s/%s", rel, list[i])
                     : snprintf(child, sizeof child, "%s", list[i]);
        if (k < 0 || (size_t)k >= sizeof child) continue;
        snprintf(childfull, sizeof childfull, "%s/%s", w->fs->mount, child);
        PHYSFS_Stat st;
        if (!PHYSFS_stat(childfull, &st)) {
            rc = physfs_error(0);
            continue;
        }
        if (st.filetype == PHYSFS_FILETYPE_DIRECTORY) {
            w->depth++;
            rc = walk_dir(w, child);
            w->depth--;
        } else if (st.filetype == PHYSFS_FILETYPE_REGULAR) {
            rc = w->fn(child, w->ud);
        }
    }
    PHYSFS_freeList(list);
    return rc;
}

int orl_fs_walk(orl_fs *fs, int (*fn)(const char *name, void *ud), void *ud)
{
    if (fs->bundle) {
        for (size_t i = 0; i < fs->table.n; i++) {
            int rc = fn(fs->table.files[i].name, ud);
            if (rc) return rc;
        }
        return 0;
    }
    walk_ctx w = {fs, fn, ud, 0};
    return walk_dir(&w, "");
}

const char *orl_fs_strerror(int code)
{
    switch (code) {
    case ORL_FS_OK: return "ok";
    case ORL_FS_NOTFOUND: return "file not found in the story";
    case ORL_FS_TOOBIG: return "file is too large";
    case ORL_FS_BADNAME: return "not a file name inside the story (use a relative name like \"images/map.png\", without '..')";
    case ORL_FS_IOERROR: return "read error";
    case ORL_FS_NOMEM: return "out of memory";
    case ORL_FS_DAMAGED: return "damaged in the bundle: its bytes do not match the size or CRC the zip records for it (copy the bundle again, or pack it again)";
    default: return "unknown error";
    }
}
