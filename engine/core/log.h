/* A log file for unattended machines (the kiosk): plain text lines with a timestamp and a
 * level, rotated by size so months of running never fill the disk:
 *
 *     kiosk.log      the current file, at most max_bytes
 *     kiosk.log.1    the one before, ... up to kiosk.log.(keep-1), the oldest is dropped
 *
 * It never stops the program: a file that cannot be opened or written sends the lines to
 * stderr instead (systemd's journal keeps them), and opening it again is tried now and then.
 *
 * What is written is the caller's choice, and the kiosk's rule is strict: the machine's own
 * events (started, bundle refused, script error at story.lua:12, database damaged, operator
 * menu opened) and never anything about visitors (no choices, no sessions, no languages
 * picked) nor any testimony text. See docs/kiosk.md.
 *
 * Lines are cleaned before they are written: control characters (a newline inside a message)
 * become spaces, so one call is always one line and a message cannot forge another line. */
#ifndef ORL_LOG_H
#define ORL_LOG_H
#include <stdarg.h>
#include <stddef.h>

typedef enum orl_log_level { ORL_LOG_INFO = 0, ORL_LOG_WARN, ORL_LOG_ERROR } orl_log_level;

/* The default size of one file and how many files are kept (the current one included). */
#define ORL_LOG_MAX_BYTES_DEFAULT (1024u * 1024u)
#define ORL_LOG_KEEP_DEFAULT 5
/* One line is cut at this many bytes (a runaway message cannot fill a file alone). */
#define ORL_LOG_MAX_LINE 2048
/* After a failure, opening the file again is tried after this many seconds. */
#define ORL_LOG_RETRY_SECONDS 60

typedef struct orl_log orl_log;

/* Zero means default for every field. */
typedef struct orl_log_desc {
    const char *path;   /* NULL: stderr only */
    size_t max_bytes;   /* rotate when the file would pass this; ORL_LOG_MAX_BYTES_DEFAULT */
    int keep;           /* files kept, the current one included (2..99); ORL_LOG_KEEP_DEFAULT */
    int also_stderr;    /* 1: every line is copied to stderr as well */
    const char *prefix; /* word after the level, e.g. "kiosk" (NULL: none) */
    /* Tests: the clock used for timestamps and retries (seconds since 1970); NULL: time(). */
    long long (*now)(void *ud);
    void *now_ud;
} orl_log_desc;

/* Opens (or creates) the log. Returns NULL only when out of memory; when the file cannot be
 * opened, the log still works (to stderr) and orl_log_failed says why. */
orl_log *orl_log_open(const orl_log_desc *desc);
/* Writes one line "YYYY-MM-DD HH:MM:SS LEVEL [prefix] message" (local time). NULL log:
 * stderr. Never fails (problems are swallowed, see above). */
void orl_log_write(orl_log *log, orl_log_level level, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
void orl_log_vwrite(orl_log *log, orl_log_level level, const char *fmt, va_list ap);
/* NULL when the file is being written; else the last problem ("cannot open /var/log/...:
 * Permission denied"), for the operator menu. */
const char *orl_log_failed(const orl_log *log);
/* The path of the current file, or NULL. */
const char *orl_log_path(const orl_log *log);
void orl_log_close(orl_log *log);

#endif
