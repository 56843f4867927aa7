/* Changes while the kiosk runs: the withdrawal list and the bundles are watched (inotify on
 * their folders, so a file renamed over the old one is seen too), without a restart:
 *
 *   the withdrawal list changed: read again once it has been still for a second; from the
 *   next screen on its testimonies are replaced by the consent notice (the players keep a
 *   pointer to k->withdrawn, whose contents are swapped). A list that cannot be read stops
 *   every story, as at start: a withdrawal that is not understood must not be ignored.
 *
 *   a bundle changed, was removed or is being copied: it leaves the story picker and the
 *   attract loop at once; once still for a second it is verified again (every file, and the
 *   signature with a key). Removed or failing: it stays out, and the log says what happened.
 *   Verified: the stories are loaded again (the new copy may be a new version) as soon as no
 *   visitor is in a story. A bundle left out at start that changes is tried again the same
 *   way.
 *
 * Polled from orl_kiosk_tick (a non-blocking read), so the window and the headless runner
 * behave the same. */
#include "core/strutil.h"
#include "kiosk/kiosk_internal.h"
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#define LIVE_SETTLE_SECONDS 1.0
#define LIVE_MASK (IN_CLOSE_WRITE | IN_MODIFY | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE | IN_ATTRIB)

/* "dir/name" -> its folder ("." for a bare name) and its last part. */
static void split(const char *path, char *dir, size_t dn, const char **base)
{
    const char *slash = strrchr(path, '/');
    if (!slash) {
        snprintf(dir, dn, ".");
        *base = path;
    } else if (slash == path) {
        snprintf(dir, dn, "/");
        *base = slash + 1;
    } else {
        snprintf(dir, dn, "%.*s", (int)(slash - path), path);
        *base = slash + 1;
    }
}

static int watch_dir_of(orl_kiosk *k, const char *path)
{
    char dir[4096];
    const char *base;
    split(path, dir, sizeof dir, &base);
    for (int i = 0; i < k->live.ndirs; i++)
        if (strcmp(k->live.dirs[i].path, dir) == 0) return k->live.dirs[i].wd;
    if (k->live.ndirs >= (int)(sizeof k->live.dirs / sizeof *k->live.dirs)) return -1;
    int wd = inotify_add_watch(k->live.fd, dir, LIVE_MASK | IN_ONLYDIR);
    if (wd < 0) {
        kiosk_log(k, ORL_LOG_WARN, "cannot watch %s for changes (%s): changes there need Reload stories", dir,
                  strerror(errno));
        return -1;
    }
    k->live.dirs[k->live.ndirs].wd = wd;
    k->live.dirs[k->live.ndirs].path = orl_strdup(dir);
    k->live.ndirs++;
    return wd;
}

void kiosk_live_start(orl_kiosk *k)
{
    memset(&k->live, 0, sizeof k->live);
    k->live.fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (k->live.fd < 0) {
        kiosk_log(k, ORL_LOG_WARN, "cannot watch files for changes (%s): after copying a bundle or editing the "
                                   "withdrawal list, use Reload stories", strerror(errno));
        return;
    }
    const orl_kiosk_config *c = k->cfg;
    for (int i = 0; i < c->nbundles && i < ORL_KIOSK_MAX_BUNDLES; i++) watch_dir_of(k, c->bundles[i]);
    if (c->withdrawn) watch_dir_of(k, c->withdrawn);
    const char *env = getenv("ORILLA_WITHDRAWN");
    if (env && *env) {
        k->live.env_withdrawn = orl_strdup(env);
        watch_dir_of(k, env);
    }
}

void kiosk_live_stop(orl_kiosk *k)
{
    if (k->live.fd >= 0) close(k->live.fd);
    for (int i = 0; i < k->live.ndirs; i++) free(k->live.dirs[i].path);
    free(k->live.env_withdrawn);
    memset(&k->live, 0, sizeof k->live);
    k->live.fd = -1;
}

static const char *dir_of_wd(const orl_kiosk *k, int wd)
{
    for (int i = 0; i < k->live.ndirs; i++)
        if (k->live.dirs[i].wd == wd) return k->live.dirs[i].path;
    return NULL;
}

/* 1 when `path` is `name` in folder `dir`. */
static int names(const char *path, const char *dir, const char *name)
{
    char pdir[4096];
    const char *base;
    split(path, pdir, sizeof pdir, &base);
    return strcmp(pdir, dir) == 0 && strcmp(base, name) == 0;
}

static int story_of_path(const orl_kiosk *k, const char *path)
{
    for (int i = 0; i < k->nstories; i++)
        if (strcmp(k->stories[i].path, path) == 0) return i;
    return -1;
}

static void bundle_event(orl_kiosk *k, int j, uint32_t mask)
{
    /* a story folder counts as changed only when the folder itself is replaced or removed:
     * its attributes change whenever something inside it does (a subfolder made or removed) */
    struct stat sb;
    if (!(mask & (IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_Q_OVERFLOW)) &&
        stat(k->cfg->bundles[j], &sb) == 0 && S_ISDIR(sb.st_mode))
        return;
    k->live.bundle_dirty[j] = 1;
    k->live.bundle_changed_at[j] = k->now;
    int i = story_of_path(k, k->cfg->bundles[j]);
    if (i >= 0 && !k->stories[i].hidden) {
        /* out of the picker at once: the next visitor must not start half a copy */
        k->stories[i].hidden = 1;
        snprintf(k->stories[i].hidden_why, sizeof k->stories[i].hidden_why, "changing on disk");
        kiosk_log(k, ORL_LOG_INFO, "%s is changing on disk: out of the picker until it is checked again",
                  k->cfg->bundles[j]);
        kiosk_live_changed(k);
    }
}

static void read_events(orl_kiosk *k)
{
    char buf[8192] __attribute__((aligned(__alignof__(struct inotify_event))));
    for (;;) {
        ssize_t n = read(k->live.fd, buf, sizeof buf);
        if (n <= 0) return; /* EAGAIN: nothing more */
        for (char *p = buf; p < buf + n;) {
            const struct inotify_event *e = (const struct inotify_event *)p;
            p += sizeof *e + e->len;
            if (e->mask & IN_Q_OVERFLOW) {
                /* too many changes at once to tell which: look at everything */
                for (int j = 0; j < k->cfg->nbundles && j < ORL_KIOSK_MAX_BUNDLES; j++) bundle_event(k, j, e->mask);
                k->live.withdrawn_dirty = 1;
                k->live.withdrawn_changed_at = k->now;
                continue;
            }
            const char *dir = dir_of_wd(k, e->wd);
            if (!dir || !e->len) continue;
            for (int j = 0; j < k->cfg->nbundles && j < ORL_KIOSK_MAX_BUNDLES; j++)
                if (names(k->cfg->bundles[j], dir, e->name)) bundle_event(k, j, e->mask);
            if ((k->cfg->withdrawn && names(k->cfg->withdrawn, dir, e->name)) ||
                (k->live.env_withdrawn && names(k->live.env_withdrawn, dir, e->name))) {
                k->live.withdrawn_dirty = 1;
                k->live.withdrawn_changed_at = k->now;
            }
        }
    }
}

static void withdrawn_again(orl_kiosk *k)
{
    orl_withdrawn w;
    memset(&w, 0, sizeof w);
    orl_diags d = {0};
    int ok = orl_withdrawn_load_default(&w, k->cfg->withdrawn, &d) == 0;
    int was = k->withdrawn.n;
    if (!ok) {
        char first[400] = "cannot be read";
        for (size_t i = 0; i < d.n; i++)
            if (d.items[i].sev == ORL_ERROR) {
                if (d.items[i].file && d.items[i].line)
                    snprintf(first, sizeof first, "%s:%d: %s", d.items[i].file, d.items[i].line,
                             d.items[i].msg ? d.items[i].msg : "");
                else
                    snprintf(first, sizeof first, "%s", d.items[i].msg ? d.items[i].msg : "");
                break;
            }
        snprintf(k->withdrawn_problem, sizeof k->withdrawn_problem, "%s", first);
        kiosk_log(k, ORL_LOG_ERROR, "the withdrawal list changed and cannot be read, so no story is shown (a "
                                    "withdrawal that is not understood must not be ignored): %s", first);
        orl_withdrawn_free(&w);
        /* the entries that were understood still apply to whoever is playing until they leave */
        k->withdrawn_ok = 0;
        k->out_of_order = 1;
        kiosk_live_changed(k);
    } else {
        orl_withdrawn old = k->withdrawn;
        k->withdrawn = w; /* the players point at k->withdrawn: their next screen uses the new list */
        orl_withdrawn_free(&old);
        int was_ok = k->withdrawn_ok;
        k->withdrawn_ok = 1;
        k->withdrawn_problem[0] = 0;
        kiosk_log(k, ORL_LOG_INFO, "the withdrawal list changed: %d entr%s (was %d); it applies from the next screen",
                  k->withdrawn.n, k->withdrawn.n == 1 ? "y" : "ies", was);
        for (int i = 0; i < k->nstories; i++) {
            orl_diags wd = {0};
            if (orl_withdrawn_check_story(&k->withdrawn, k->stories[i].st, &wd))
                for (size_t j = 0; j < wd.n; j++)
                    kiosk_log(k, ORL_LOG_WARN, "withdrawal list: %s", wd.items[j].msg ? wd.items[j].msg : "?");
            orl_diags_free(&wd);
        }
        if (!was_ok) {
            k->out_of_order = k->nstories == 0;
            kiosk_live_changed(k);
        }
    }
    orl_diags_free(&d);
}

static void bundle_again(orl_kiosk *k, int j)
{
    const char *path = k->cfg->bundles[j];
    int i = story_of_path(k, path);
    struct stat sb;
    if (stat(path, &sb) != 0) {
        if (i >= 0) {
            kstory *s = &k->stories[i];
            s->hidden = 1;
            snprintf(s->hidden_why, sizeof s->hidden_why, "removed from disk (%s)", strerror(errno));
            kiosk_log(k, ORL_LOG_WARN, "%s was removed from disk: \"%s\" is out of the picker and the attract loop "
                                       "until it is back", path, s->id);
            kiosk_live_changed(k);
        }
        return;
    }
    if (i < 0) {
        /* left out before (or new): perhaps it is mended now */
        kiosk_log(k, ORL_LOG_INFO, "%s changed on disk: the stories are read again", path);
        k->live.reload_pending = 1;
        return;
    }
    kstory *s = &k->stories[i];
    char why[600];
    if (kiosk_catalog_verify(k, path, why, sizeof why) != 0) {
        s->hidden = 1;
        snprintf(s->hidden_why, sizeof s->hidden_why, "%s", why);
        kiosk_log(k, ORL_LOG_WARN, "%s changed on disk and %s: \"%s\" is out of the picker and the attract loop "
                                   "until it verifies again", path, why, s->id);
        kiosk_live_changed(k);
        return;
    }
    kiosk_log(k, ORL_LOG_INFO, "%s changed on disk and verifies: the stories are read again%s", path,
              k->session_active || k->player ? " once no one is playing" : "");
    k->live.reload_pending = 1;
}

void kiosk_live_poll(orl_kiosk *k)
{
    if (k->live.fd < 0) return;
    read_events(k);
    if (k->live.withdrawn_dirty && k->now - k->live.withdrawn_changed_at >= LIVE_SETTLE_SECONDS) {
        k->live.withdrawn_dirty = 0;
        withdrawn_again(k);
    }
    for (int j = 0; j < k->cfg->nbundles && j < ORL_KIOSK_MAX_BUNDLES; j++)
        if (k->live.bundle_dirty[j] && k->now - k->live.bundle_changed_at[j] >= LIVE_SETTLE_SECONDS) {
            k->live.bundle_dirty[j] = 0;
            bundle_again(k, j);
        }
    /* not while someone is at the screen (choosing, playing, the operator): story indexes
     * and languages may change with the reload */
    int busy = k->player || k->session_active || (k->screen != ORL_KIOSK_ATTRACT && k->screen != ORL_KIOSK_OUT_OF_ORDER);
    int settling = k->live.withdrawn_dirty;
    for (int j = 0; j < k->cfg->nbundles && j < ORL_KIOSK_MAX_BUNDLES; j++) settling |= k->live.bundle_dirty[j];
    if (k->live.reload_pending && !busy && !settling) {
        k->live.reload_pending = 0;
        kiosk_reload(k, "a bundle changed on disk");
    }
}

int kiosk_visible_count(const orl_kiosk *k)
{
    int n = 0;
    for (int i = 0; i < k->nstories; i++) n += !k->stories[i].hidden;
    return n;
}

int kiosk_next_visible(const orl_kiosk *k, int from)
{
    for (int d = 0; d < k->nstories; d++) {
        int i = ((from + d) % k->nstories + k->nstories) % k->nstories;
        if (!k->stories[i].hidden) return i;
    }
    return -1;
}
