/* Finding Orilla's own files: see datadir.h. */
#include "core/datadir.h"
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PROBE "/fonts/NotoSans-Regular.ttf"

static int holds_fonts(const char *dir)
{
    char p[PATH_MAX + 64];
    if (snprintf(p, sizeof p, "%s" PROBE, dir) >= (int)sizeof p) return 0;
    return access(p, R_OK) == 0;
}

/* The folder of the running program, without the trailing slash; "" when unknown. */
static void exe_dir(char *out, size_t n)
{
    out[0] = 0;
    char exe[PATH_MAX];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (len <= 0) return;
    exe[len] = 0;
    char *slash = strrchr(exe, '/');
    if (!slash) return;
    *slash = 0;
    snprintf(out, n, "%s", exe[0] ? exe : "/");
}

/* Cleans "a/b/../c" to "a/c" for the message and the result (realpath when it exists). */
static void tidy(char *path, size_t n)
{
    char real[PATH_MAX];
    if (realpath(path, real) && strlen(real) < n) memcpy(path, real, strlen(real) + 1);
}

const char *orl_data_dir(char *tried, size_t triedlen)
{
    static char found[PATH_MAX];
    static int done;
    if (done && found[0]) return found;
    char dir[PATH_MAX];
    exe_dir(dir, sizeof dir);
    char cand[5][PATH_MAX + 32];
    int n = 0;
    const char *env = getenv("ORILLA_DATA_DIR");
    if (env && *env) snprintf(cand[n++], sizeof cand[0], "%s", env);
    if (dir[0]) {
        snprintf(cand[n++], sizeof cand[0], "%s/../share/orilla", dir);
        snprintf(cand[n++], sizeof cand[0], "%s/assets", dir);
        snprintf(cand[n++], sizeof cand[0], "%s/../assets", dir);
    }
#ifdef ORL_SOURCE_DIR
    snprintf(cand[n++], sizeof cand[0], "%s", ORL_SOURCE_DIR "/assets");
#endif
    for (int i = 0; i < n; i++) {
        if (!holds_fonts(cand[i]) || strlen(cand[i]) >= sizeof found) continue;
        memcpy(found, cand[i], strlen(cand[i]) + 1);
        tidy(found, sizeof found);
        done = 1;
        return found;
    }
    if (tried && triedlen) {
        tried[0] = 0;
        for (int i = 0; i < n; i++) {
            size_t l = strlen(tried);
            snprintf(tried + l, triedlen - l, "%s%s", i ? ", " : "", cand[i]);
        }
    }
    return NULL;
}
