/* Watching a story folder with inotify: see watch.h. */
#define _GNU_SOURCE
#include "player/watch.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdint.h>
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
    int quiet_ms; /* how long the last change must stay the last one (see complete_file) */
    long long last_change, reported;
    /* orl_watch_notify's thread: wakes the caller's loop when the folder changes */
    pthread_t thread;
    int has_thread;
    int stop_pipe[2];
    pthread_mutex_t mu;
    pthread_cond_t drained;
    int notified; /* the caller was woken and has not polled since */
    void (*wake)(void *);
    void *wake_ud;
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

/* A file that was just written and closed, or moved into place, with a name like a story's
 * files (name.ext): the usual last step of an editor's save. Other changes (a file created,
 * deleted, moved away; an editor's test file such as vim's "4913") are usually followed by
 * more, so they wait longer. */
static int complete_file(uint32_t mask, const char *name)
{
    if (!(mask & (IN_CLOSE_WRITE | IN_MOVED_TO)) || (mask & IN_ISDIR)) return 0;
    const char *dot = strrchr(name, '.');
    return dot && dot != name && dot[1];
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
    w->stop_pipe[0] = w->stop_pipe[1] = -1;
    pthread_mutex_init(&w->mu, NULL);
    pthread_cond_init(&w->drained, NULL);
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
    if (w->has_thread) {
        pthread_mutex_lock(&w->mu);
        w->notified = -1; /* stop */
        pthread_cond_signal(&w->drained);
        pthread_mutex_unlock(&w->mu);
        ssize_t wr = write(w->stop_pipe[1], "x", 1);
        (void)wr;
        pthread_join(w->thread, NULL);
    }
    for (int i = 0; i < 2; i++)
        if (w->stop_pipe[i] >= 0) close(w->stop_pipe[i]);
    pthread_mutex_destroy(&w->mu);
    pthread_cond_destroy(&w->drained);
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
                w->quiet_ms = ORL_WATCH_DEBOUNCE_MS;
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
            w->quiet_ms = complete_file(ev->mask, name) ? ORL_WATCH_SETTLE_MS : ORL_WATCH_DEBOUNCE_MS;
        }
    }
    if (w->has_thread) {
        /* everything is read: the thread may wait for the next change */
        pthread_mutex_lock(&w->mu);
        if (w->notified > 0) w->notified = 0;
        pthread_cond_signal(&w->drained);
        pthread_mutex_unlock(&w->mu);
    }
    if (w->pending && now_ms - w->last_change >= w->quiet_ms) {
        w->pending = 0;
        w->reported = w->last_change;
        return 1;
    }
    return 0;
}

long long orl_watch_changed_at(const orl_watch *w) { return w ? w->reported : 0; }

/* Sleeps in poll() until the folder changes, wakes the caller once, and waits until the
 * caller has read the changes (orl_watch_poll) before it looks again. */
static void *notify_main(void *arg)
{
    orl_watch *w = arg;
    for (;;) {
        struct pollfd fds[2] = {{w->fd, POLLIN, 0}, {w->stop_pipe[0], POLLIN, 0}};
        int n = poll(fds, 2, -1);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 || (fds[1].revents & POLLIN)) break;
        if (!(fds[0].revents & POLLIN)) continue;
        pthread_mutex_lock(&w->mu);
        if (w->notified < 0) {
            pthread_mutex_unlock(&w->mu);
            break;
        }
        w->notified = 1;
        pthread_mutex_unlock(&w->mu);
        w->wake(w->wake_ud);
        pthread_mutex_lock(&w->mu);
        while (w->notified > 0) pthread_cond_wait(&w->drained, &w->mu);
        int stop = w->notified < 0;
        pthread_mutex_unlock(&w->mu);
        if (stop) break;
    }
    return NULL;
}

int orl_watch_notify(orl_watch *w, void (*wake)(void *), void *ud)
{
    if (!w || w->has_thread || !wake) return -1;
    if (pipe2(w->stop_pipe, O_CLOEXEC) != 0) {
        w->stop_pipe[0] = w->stop_pipe[1] = -1;
        return -1;
    }
    w->wake = wake;
    w->wake_ud = ud;
    if (pthread_create(&w->thread, NULL, notify_main, w) != 0) {
        close(w->stop_pipe[0]);
        close(w->stop_pipe[1]);
        w->stop_pipe[0] = w->stop_pipe[1] = -1;
        return -1;
    }
    w->has_thread = 1;
    return 0;
}

int orl_watch_wait_ms(const orl_watch *w, long long now_ms)
{
    if (!w) return IDLE_WAIT_MS;
    if (!w->pending) return w->has_thread ? 60000 : IDLE_WAIT_MS; /* the thread wakes the loop */
    long long left = w->quiet_ms - (now_ms - w->last_change);
    return left < 1 ? 1 : left > IDLE_WAIT_MS ? IDLE_WAIT_MS : (int)left;
}

int orl_watch_dirs(const orl_watch *w) { return w ? w->n : 0; }
