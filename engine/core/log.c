/* Rotating log file: see log.h. */
#include "core/log.h"
#include "core/term.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct orl_log {
    char *path;
    char *prefix;
    size_t max_bytes;
    int keep;
    int also_stderr;
    long long (*now)(void *);
    void *now_ud;
    FILE *f;
    size_t size;            /* bytes in the current file */
    long long retry_at;     /* when to try opening again after a failure */
    char failed[512];       /* "" when fine */
};

static long long clock_now(orl_log *l)
{
    return l->now ? l->now(l->now_ud) : (long long)time(NULL);
}

static char *log_dup(const char *s)
{
    if (!s) return NULL;
    size_t n = strlen(s) + 1;
    char *c = malloc(n);
    if (c) memcpy(c, s, n);
    return c;
}

static void set_failed(orl_log *l, const char *what, const char *path)
{
    snprintf(l->failed, sizeof l->failed, "%s %s: %s", what, path, strerror(errno));
}

/* Opens the file for appending; its size so far counts towards the rotation. */
static int open_file(orl_log *l)
{
    /* a regular file only: a FIFO would block the kiosk in open, a device fill nothing */
    int fd = open(l->path, O_WRONLY | O_APPEND | O_CREAT | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0644);
    struct stat sb;
    int special = 0;
    if (fd >= 0 && (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode))) {
        close(fd);
        fd = -1;
        special = 1;
    }
    if (fd >= 0) fcntl(fd, F_SETFL, O_WRONLY | O_APPEND);
    l->f = fd >= 0 ? fdopen(fd, "a") : NULL;
    if (!l->f) {
        if (fd >= 0) close(fd);
        if (special)
            snprintf(l->failed, sizeof l->failed, "cannot open %s: not a plain file (a device, a pipe or a folder)",
                     l->path);
        else
            set_failed(l, "cannot open", l->path);
        l->retry_at = clock_now(l) + ORL_LOG_RETRY_SECONDS;
        return -1;
    }
    l->size = (size_t)sb.st_size;
    l->failed[0] = 0;
    return 0;
}

/* kiosk.log -> kiosk.log.1 -> ... -> kiosk.log.(keep-1); the oldest is removed. */
static void rotate(orl_log *l)
{
    if (l->f) {
        fclose(l->f);
        l->f = NULL;
    }
    size_t n = strlen(l->path) + 8;
    char *from = malloc(n), *to = malloc(n);
    if (from && to) {
        snprintf(to, n, "%s.%d", l->path, l->keep - 1);
        remove(to); /* may not exist */
        for (int i = l->keep - 2; i >= 1; i--) {
            snprintf(from, n, "%s.%d", l->path, i);
            snprintf(to, n, "%s.%d", l->path, i + 1);
            rename(from, to); /* a missing one is fine */
        }
        snprintf(to, n, "%s.1", l->path);
        if (rename(l->path, to) != 0 && errno != ENOENT) set_failed(l, "cannot rotate", l->path);
    }
    free(from);
    free(to);
    open_file(l);
}

orl_log *orl_log_open(const orl_log_desc *desc)
{
    orl_log *l = calloc(1, sizeof *l);
    if (!l) return NULL;
    orl_log_desc d = desc ? *desc : (orl_log_desc){0};
    l->max_bytes = d.max_bytes ? d.max_bytes : ORL_LOG_MAX_BYTES_DEFAULT;
    if (l->max_bytes < 256) l->max_bytes = 256;
    l->keep = d.keep ? d.keep : ORL_LOG_KEEP_DEFAULT;
    if (l->keep < 2) l->keep = 2;
    if (l->keep > 99) l->keep = 99;
    l->also_stderr = d.also_stderr;
    l->now = d.now;
    l->now_ud = d.now_ud;
    l->prefix = log_dup(d.prefix);
    if (d.path && *d.path) {
        l->path = log_dup(d.path);
        if (!l->path) {
            free(l->prefix);
            free(l);
            return NULL;
        }
        open_file(l);
    }
    return l;
}

const char *orl_log_failed(const orl_log *l) { return l && l->failed[0] ? l->failed : NULL; }
const char *orl_log_path(const orl_log *l) { return l ? l->path : NULL; }

void orl_log_close(orl_log *l)
{
    if (!l) return;
    if (l->f) fclose(l->f);
    free(l->path);
    free(l->prefix);
    free(l);
}

static const char *level_name(orl_log_level lv)
{
    switch (lv) {
    case ORL_LOG_WARN: return "warning";
    case ORL_LOG_ERROR: return "error";
    default: return "info";
    }
}

void orl_log_vwrite(orl_log *l, orl_log_level level, const char *fmt, va_list ap)
{
    char raw[ORL_LOG_MAX_LINE], msg[ORL_LOG_MAX_LINE];
    vsnprintf(raw, sizeof raw, fmt, ap);
    /* one call, one line: newlines, CRs and tabs become spaces, every other control character,
     * bidi control and byte that is not UTF-8 is shown visibly (core/term.h) */
    for (char *c = raw; *c; c++)
        if (*c == '\n' || *c == '\t' || *c == '\r') *c = ' ';
    orl_clean_into(msg, sizeof msg, raw, ORL_CLEAN_ONE_LINE);
    long long t = l ? clock_now(l) : (long long)time(NULL);
    time_t tt = (time_t)t;
    struct tm tm;
    char stamp[32] = "0000-00-00 00:00:00";
    if (localtime_r(&tt, &tm)) strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", &tm);
    char line[ORL_LOG_MAX_LINE + 96];
    int n = snprintf(line, sizeof line, "%s %s %s%s%s\n", stamp, level_name(level), l && l->prefix ? l->prefix : "",
                     l && l->prefix ? ": " : "", msg);
    if (n < 0) return;
    size_t len = (size_t)n < sizeof line ? (size_t)n : sizeof line - 1;
    if (!l || !l->path) {
        fputs(line, stderr);
        return;
    }
    if (l->also_stderr) fputs(line, stderr);
    if (!l->f && t >= l->retry_at) open_file(l);
    if (l->f && l->size > 0 && l->size + len > l->max_bytes) rotate(l);
    if (!l->f) {
        if (!l->also_stderr) fputs(line, stderr);
        return;
    }
    if (fwrite(line, 1, len, l->f) != len || fflush(l->f) != 0) {
        /* disk full, file removed under us on a read-only remount...: stderr until retry */
        set_failed(l, "cannot write", l->path);
        fclose(l->f);
        l->f = NULL;
        l->retry_at = t + ORL_LOG_RETRY_SECONDS;
        if (!l->also_stderr) fputs(line, stderr);
        return;
    }
    l->size += len;
}

void orl_log_write(orl_log *l, orl_log_level level, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    orl_log_vwrite(l, level, fmt, ap);
    va_end(ap);
}
