/* Watching a story folder for changes (`orilla play --watch`), with Linux inotify.
 *
 * The folder and its subfolders are watched (new subfolders are added as they appear, up to
 * ORL_WATCH_MAX_DIRS) for files written and closed, moved in, created and deleted. Editors'
 * scratch files (names starting with '.', ending in '~', '.swp', '.swx' or '.tmp') do not
 * count. Changes are debounced: orl_watch_poll reports them once nothing more has changed for
 * ORL_WATCH_DEBOUNCE_MS, so an editor's save (write, rename, chmod) is one reload; after a
 * file like story.lua or a picture was written and closed or moved into place (an editor's
 * last step), ORL_WATCH_SETTLE_MS is enough.
 *
 * Never blocks: the window loop calls orl_watch_poll every turn and sleeps in
 * SDL_WaitEventTimeout at most orl_watch_wait_ms. With orl_watch_notify, a thread wakes the
 * loop the moment something changes, so an idle loop sleeps until then (no polling). */
#ifndef ORL_PLAYER_WATCH_H
#define ORL_PLAYER_WATCH_H
#include <stddef.h>

#define ORL_WATCH_MAX_DIRS 256
/* Long enough to take an editor's save (write a copy, rename, remove the backup: a few ms)
 * as one change; short, because it is part of the author's wait. */
#define ORL_WATCH_DEBOUNCE_MS 50
#define ORL_WATCH_SETTLE_MS 10

typedef struct orl_watch orl_watch;

/* Starts watching dir (a folder). NULL on failure, with the reason in err. */
orl_watch *orl_watch_open(const char *dir, char *err, size_t errlen);
void orl_watch_close(orl_watch *w);
/* Reads what happened since the last call (non-blocking). now_ms: a monotonic clock in
 * milliseconds (orl_watch_now_ms). Returns 1 once changes have been quiet for the debounce
 * time (then they are forgotten), else 0. */
int orl_watch_poll(orl_watch *w, long long now_ms);
/* From now on, wake(ud) is called on a thread of the watcher's own as soon as the folder
 * changes, once until the next orl_watch_poll (SDL_PushEvent, for one, may be called there).
 * 0, or -1 when no thread could be started (then poll as before). */
int orl_watch_notify(orl_watch *w, void (*wake)(void *), void *ud);
/* When the last change of the batch orl_watch_poll last reported was seen (ms, the clock of
 * orl_watch_now_ms): the moment the save was complete, from which "the save to the screen"
 * is measured (a large file being written is not yet a change to show). */
long long orl_watch_changed_at(const orl_watch *w);
/* How long the caller may sleep before the next orl_watch_poll (ms). */
int orl_watch_wait_ms(const orl_watch *w, long long now_ms);
/* Folders watched (the folder itself included). */
int orl_watch_dirs(const orl_watch *w);
long long orl_watch_now_ms(void);

#endif
