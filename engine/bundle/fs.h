/* A story's files, read-only: a folder or a `.orilla` zip bundle, mounted with PhysicsFS so
 * both are read by the same code. Nothing read through here can name a path outside the
 * story: names are relative, '/'-separated, with no '..', '.', '\\' or ':' parts. */
#ifndef ORL_FS_H
#define ORL_FS_H
#include <stddef.h>
#include "core/diag.h"

typedef struct orl_fs orl_fs;

enum {
    ORL_FS_OK = 0,
    ORL_FS_NOTFOUND = -1,
    ORL_FS_TOOBIG = -2,
    ORL_FS_BADNAME = -3,
    ORL_FS_IOERROR = -4,
    ORL_FS_NOMEM = -5,
    ORL_FS_DAMAGED = -6, /* a bundle's file does not match its table of contents (size, CRC) */
};

/* Mounts PATH (a directory, or a zip file such as story.orilla). Returns NULL and writes a
 * one-line reason into err (size errlen) when PATH cannot be read at all. A zip is first
 * checked against the bundle limits (orl_bundle_check_zip in bundle.h: entry count, declared
 * sizes, names that would leave the bundle, links...) and refused, with the reason, if it
 * breaks one: nothing of a hostile bundle is read. */
orl_fs *orl_fs_open(const char *path, char *err, size_t errlen);
void orl_fs_close(orl_fs *fs);
/* The path as the user gave it, for messages. */
const char *orl_fs_path(const orl_fs *fs);
/* 1 when PATH was a zip bundle, 0 for a folder. */
int orl_fs_is_bundle(const orl_fs *fs);

/* Checks a story-relative file name; returns ORL_FS_OK or ORL_FS_BADNAME. */
int orl_fs_check_name(const char *name);
/* Reads a whole file into a new NUL-terminated buffer (*data, caller frees; *len without the
 * NUL). Refuses files larger than max bytes (ORL_FS_TOOBIG), whatever the zip declares.
 * ORL_FS_NOMEM when memory ran out (in PhysicsFS too), never "not found" for that. */
int orl_fs_read(orl_fs *fs, const char *name, size_t max, char **data, size_t *len);
/* Reads a file in chunks, calling fn(data, n, ud) for each, never more than max bytes in all
 * (ORL_FS_TOOBIG as soon as the file holds more, whatever the zip declares). fn returns 0 to
 * go on; a non-zero value stops the read and is returned. *total (may be NULL) receives the
 * bytes passed to fn. Otherwise returns an ORL_FS_* code. */
int orl_fs_stream(orl_fs *fs, const char *name, unsigned long long max,
                  int (*fn)(const void *p, size_t n, void *ud), void *ud, unsigned long long *total);
/* Reads the first bytes of a file, at most n, into buf (the rest is never read): for headers
 * and first lines. Returns how many were read (0 for an empty file), or an ORL_FS_* code
 * (negative) when none could be. buf is not NUL-terminated. */
long long orl_fs_head(orl_fs *fs, const char *name, void *buf, size_t n);
/* 1 when the file exists (and is a regular file), else 0. */
int orl_fs_exists(orl_fs *fs, const char *name);
/* Size in bytes, or -1 when missing. */
long long orl_fs_size(orl_fs *fs, const char *name);
/* Calls fn for every regular file (story-relative name), sorted, recursing into folders
 * (at most ORL_MAX_PATH_DEPTH deep).
 * Stops and returns fn's value when fn returns non-zero; ORL_FS_NOMEM when a folder could
 * not be listed for want of memory (the walk may then have missed files). */
int orl_fs_walk(orl_fs *fs, int (*fn)(const char *name, void *ud), void *ud);
/* A human message for an ORL_FS_* code. */
const char *orl_fs_strerror(int code);

#endif
