/* Watching a story folder with inotify: see watch.h. */
#define _GNU_SOURCE
#include "player/watch.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MASK (IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF)
#define IDLE_WAIT_MS 100 /* how often an idle loop looks again */

struct orl_watch {
    int fd;
    int wds[ORL_WATCH_MAX_DIRS];
    char *paths[ORL_WATCH_MAX_DIRS];
    int n;
    int pending;
    long long last_change;
};

long long orl_watch_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int scratch_name(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || name[0] == '.') return 1;
    if (name[n - 1] == '~') return 1;
    static const char *const ends[] = {".swp", ".swx", ".tmp"};
    for (size_t i = 0; i < sizeof ends / sizeof *ends; i++) {
        size_t e = strlen(ends[i]);
        if (n >= e && strcmp(name + n - e, ends[i]) == 0) return 1;
    }
    return 0;
}

/* Watches dir and, recursively, its subfolders (not hidden ones, not through links). */
static void add_tree(orl_watch *w, const char *dir, int depth)
{
    if (w->n >= ORL_WATCH_MAX_DIRS || depth > 16) return;
    int wd = inotify_add_watch(w->fd, dir, MASK | IN_ONLYDIR);
    if (wd < 0) return;
    int known = 0;
    for (int i = 0; i < w->n; i++)
        if (w->wds[i] == wd) known = 1;
    if (!known) {
        char *copy = strdup(dir);
        if (!copy) return;
        w->wds[w->n] = wd;
        w->paths[w->n++] = copy;
    }
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d)) && w->n < ORL_WATCH_MAX_DIRS) {
        if (e->d_name[0] == '.') continue;
        char sub[4096];
        if (snprintf(sub, sizeof sub, "%s/%s", dir, e->d_name) >= (int)sizeof sub) continue;
        struct stat sb;
        if (lstat(sub, &sb) == 0 && S_ISDIR(sb.st_mode)) add_tree(w, sub, depth + 1);
    }
    closedir(d);
}

orl_watch *orl_watch_open(const char *dir, char *err, size_t errlen)
{
    struct stat sb;
    if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
        snprintf(err, errlen, "%s is not a folder", dir);
        return NULL;
    }
    orl_watch *w = calloc(1, sizeof *w);
    if (!w) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (w->fd < 0) {
        snprintf(err, errlen, "cannot watch %s: %s", dir, strerror(errno));
        free(w);
        return NULL;
    }
    add_tree(w, dir, 0);
    if (w->n == 0) {
        snprintf(err, errlen, "cannot watch %s: %s", dir, strerror(errno));
        orl_watch_close(w);
        return NULL;
    }
    return w;
}

void orl_watch_close(orl_watch *w)
{
    if (!w) return;
    if (w->fd >= 0) close(w->fd);
    for (int i = 0; i < w->n; i++) free(w->paths[i]);
    free(w);
}

static const char *path_of(const orl_watch *w, int wd)
{
    for (int i = 0; i < w->n; i++)
        if (w->wds[i] == wd) return w->paths[i];
    return NULL;
}

int orl_watch_poll(orl_watch *w, long long now_ms)
{
    if (!w) return 0;
    char buf[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
    for (;;) {
        ssize_t len = read(w->fd, buf, sizeof buf);
        if (len <= 0) break;
        for (char *q = buf; q < buf + len;) {
            const struct inotify_event *ev = (const struct inotify_event *)q;
            q += sizeof *ev + ev->len;
            if (ev->mask & IN_Q_OVERFLOW) {
                w->pending = 1;
                w->last_change = now_ms;
                continue;
            }
            if (ev->mask & IN_IGNORED) continue;
            const char *name = ev->len ? ev->name : "";
            if (ev->len && scratch_name(name)) continue;
            if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO))) {
                const char *parent = path_of(w, ev->wd);
                char sub[4096];
                if (parent && snprintf(sub, sizeof sub, "%s/%s", parent, name) < (int)sizeof sub) add_tree(w, sub, 1);
            }
            w->pending = 1;
            w->last_change = now_ms;
        }
    }
    if (w->pending && now_ms - w->last_change >= ORL_WATCH_DEBOUNCE_MS) {
        w->pending = 0;
        return 1;
    }
    return 0;
}

int orl_watch_wait_ms(const orl_watch *w, long long now_ms)
{
    if (!w || !w->pending) return IDLE_WAIT_MS;
    long long left = ORL_WATCH_DEBOUNCE_MS - (now_ms - w->last_change);
    return left < 1 ? 1 : left > IDLE_WAIT_MS ? IDLE_WAIT_MS : (int)left;
}

int orl_watch_dirs(const orl_watch *w) { return w ? w->n : 0; }
