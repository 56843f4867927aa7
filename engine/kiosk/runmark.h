/* Was the last stop clean? A marker file, kiosk.running, in the kiosk's state folder while it
 * runs: written (and flushed to the disk) at start, removed at a clean stop (SIGTERM, the
 * operator's Quit, the end of a script). Found at the next start, it means the kiosk did not
 * stop cleanly (kill -9, a crash, a watchdog restart, a power cut), and the log says so with
 * when that run began. The state folder: $STATE_DIRECTORY (systemd's StateDirectory=, i.e.
 * /var/lib/orilla), else the folder of the statistics file, else that of the log file; with
 * none of these there is no marker. Nothing about visitors is in it. */
#ifndef ORL_KIOSK_RUNMARK_H
#define ORL_KIOSK_RUNMARK_H
#include "core/log.h"

#define ORL_RUNMARK_NAME "kiosk.running"

typedef struct orl_runmark {
    char path[1024]; /* "" when there is no marker */
} orl_runmark;

/* Looks for a marker left by an earlier run (logs a warning when there is one), then writes
 * this run's. stats and log are the configured paths (may be NULL). */
void orl_runmark_begin(orl_runmark *m, orl_log *log, const char *stats, const char *logpath);
/* A clean stop: the marker is removed. */
void orl_runmark_end(orl_runmark *m);

#endif
