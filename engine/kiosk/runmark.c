/* The marker of a running kiosk: see runmark.h. */
#include "kiosk/runmark.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* The folder of a path ("." for a bare name); 0 or -1 when too long. */
static int folder_of(const char *path, char *out, size_t n)
{
    const char *slash = strrchr(path, '/');
    if (!slash) return snprintf(out, n, ".") < (int)n ? 0 : -1;
    size_t len = slash == path ? 1 : (size_t)(slash - path);
    if (len >= n) return -1;
    memcpy(out, path, len);
    out[len] = 0;
    return 0;
}

static int state_folder(const char *stats, const char *logpath, char *out, size_t n)
{
    const char *env = getenv("STATE_DIRECTORY"); /* systemd: may list several, ':' between */
    if (env && *env) {
        size_t len = strcspn(env, ":");
        if (len >= n) return -1;
        memcpy(out, env, len);
        out[len] = 0;
        return 0;
    }
    if (stats && *stats) return folder_of(stats, out, n);
    if (logpath && *logpath) return folder_of(logpath, out, n);
    return -1;
}

/* What the earlier marker says (its first line), tidied for the log: printable ASCII only. */
static void read_marker(const char *path, char *out, size_t n)
{
    out[0] = 0;
    FILE *f = fopen(path, "r");
    if (!f) return;
    char line[200];
    if (fgets(line, sizeof line, f)) {
        size_t k = 0;
        for (size_t i = 0; line[i] && k + 1 < n; i++)
            if (line[i] >= 0x20 && line[i] < 0x7f) out[k++] = line[i];
        out[k] = 0;
    }
    fclose(f);
}

void orl_runmark_begin(orl_runmark *m, orl_log *log, const char *stats, const char *logpath)
{
    m->path[0] = 0;
    char dir[900];
    if (state_folder(stats, logpath, dir, sizeof dir) != 0) return;
    char path[sizeof m->path];
    if (snprintf(path, sizeof path, "%s/%s", dir, ORL_RUNMARK_NAME) >= (int)sizeof path) return;
    if (access(path, F_OK) == 0) {
        char was[160];
        read_marker(path, was, sizeof was);
        orl_log_write(log, ORL_LOG_WARN,
                      "the previous run did not stop cleanly (%s): it was killed, crashed, was restarted by the "
                      "watchdog, or the power was cut; its session in progress, if any, counts as begun, not ended",
                      was[0] ? was : "no details");
    }
    /* this run's marker, on the disk before any visitor (a power cut must leave it) */
    char tmp[sizeof path + 8];
    snprintf(tmp, sizeof tmp, "%s.new", path);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        orl_log_write(log, ORL_LOG_WARN, "cannot write %s (%s): an unclean stop will not be noticed at the next start",
                      path, strerror(errno));
        return;
    }
    char text[160], when[40] = "";
    time_t now = time(NULL);
    struct tm tm;
    if (localtime_r(&now, &tm)) strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &tm);
    int len = snprintf(text, sizeof text, "started %s, process %ld\n", when, (long)getpid());
    int ok = write(fd, text, (size_t)len) == len && fsync(fd) == 0;
    ok &= close(fd) == 0;
    if (!ok || rename(tmp, path) != 0) {
        orl_log_write(log, ORL_LOG_WARN, "cannot write %s (%s): an unclean stop will not be noticed at the next start",
                      path, strerror(errno));
        unlink(tmp);
        return;
    }
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        (void)fsync(dfd);
        close(dfd);
    }
    snprintf(m->path, sizeof m->path, "%s", path);
}

void orl_runmark_end(orl_runmark *m)
{
    if (!m->path[0]) return;
    unlink(m->path);
    m->path[0] = 0;
}
