/* Anonymous kiosk statistics in SQLite: see stats.h (and docs/kiosk.md for the why). */
#include "core/term.h"
#include "core/limits.h"
#include "kiosk/stats.h"
#include "core/strutil.h"
#include "kiosk/stats_internal.h"
#include <sodium.h>
#include <errno.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Only aggregates: no rowid (insertion order), no session id, no time but the day of a
 * session count. tests/unit/test_stats.c asserts these columns exactly. */
const char *const orl_stats_schema_sql =
    "CREATE TABLE schema_version (version INTEGER NOT NULL);"
    ORL_STATS_META_SQL
    "CREATE TABLE sessions (day TEXT NOT NULL, story TEXT NOT NULL, version TEXT NOT NULL,"
    " started INTEGER NOT NULL DEFAULT 0, finished INTEGER NOT NULL DEFAULT 0,"
    " abandoned INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (day, story, version)) WITHOUT ROWID;"
    "CREATE TABLE choices (story TEXT NOT NULL, version TEXT NOT NULL, scene TEXT NOT NULL,"
    " choice INTEGER NOT NULL, target TEXT NOT NULL DEFAULT '', count INTEGER NOT NULL DEFAULT 0,"
    " PRIMARY KEY (story, version, scene, choice)) WITHOUT ROWID;"
    "CREATE TABLE scenes (story TEXT NOT NULL, version TEXT NOT NULL, scene TEXT NOT NULL,"
    " sessions INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (story, version, scene)) WITHOUT ROWID;"
    "CREATE TABLE endings (story TEXT NOT NULL, version TEXT NOT NULL, scene TEXT NOT NULL,"
    " count INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (story, version, scene)) WITHOUT ROWID;"
    "CREATE TABLE languages (story TEXT NOT NULL, version TEXT NOT NULL, lang TEXT NOT NULL,"
    " sessions INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (story, version, lang)) WITHOUT ROWID;";

static void logf_(orl_stats *s, orl_log_level lv, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void logf_(orl_stats *s, orl_log_level lv, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *m = orl_vformat(fmt, ap);
    va_end(ap);
    if (!m) return;
    if (s) snprintf(s->problem, sizeof s->problem, "%s", m);
    if (s && s->log) orl_log_write(s->log, lv, "stats: %s", m);
    else if (!s || !s->readonly) fprintf(stderr, "orilla: stats: %s\n", m);
    free(m);
}

/* ------------------------------------------------------------------------------------- */

void orl_stats_day_string(long long z, char out[11])
{
    /* days since 1970-01-01 -> civil date (H. Hinnant's algorithm) */
    z += 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long y = (long long)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    unsigned d = doy - (153 * mp + 2) / 5 + 1;
    unsigned m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
    if (y < 0 || y > 9999) y = 0;
    if (m > 12) m = 0;
    if (d > 31) d = 0;
    char buf[48];
    snprintf(buf, sizeof buf, "%04lld-%02u-%02u", y, m, d);
    memcpy(out, buf, 10);
    out[10] = 0;
}

static void today_string(const orl_stats *s, char out[11])
{
    orl_stats_day_string(s->today ? s->today : orl_today(), out);
}

/* 1 when the error means the file is not a (sound) database. */
static int damaged_rc(int rc)
{
    rc &= 0xff;
    return rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT;
}

static int table_exists(sqlite3 *db, const char *name, int *rc_out)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", -1, &st, NULL);
    int found = 0;
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
        found = rc == SQLITE_ROW;
        if (rc == SQLITE_ROW || rc == SQLITE_DONE) rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    *rc_out = rc;
    return found;
}

static int count_tables(sqlite3 *db, int *rc_out)
{
    sqlite3_stmt *st = NULL;
    int n = -1;
    int rc = sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            n = sqlite3_column_int(st, 0);
            rc = SQLITE_OK;
        }
    }
    sqlite3_finalize(st);
    *rc_out = rc;
    return n;
}

/* Renames a damaged file (and its -wal/-shm) to FILE.damaged-N. 0 or -1. */
static int set_aside(const char *path, char *newname, size_t nn)
{
    for (int i = 1; i < 100; i++) {
        snprintf(newname, nn, "%s.damaged-%d", path, i);
        if (access(newname, F_OK) == 0) continue;
        if (rename(path, newname) != 0) return -1;
        static const char *const side[] = {"-wal", "-shm", "-journal"};
        for (int k = 0; k < 3; k++) {
            char a[4200], b[4200];
            snprintf(a, sizeof a, "%s%s", path, side[k]);
            snprintf(b, sizeof b, "%s%s", newname, side[k]);
            if (access(a, F_OK) == 0) rename(a, b);
        }
        return 0;
    }
    return -1;
}

typedef enum { OPEN_OK = 0, OPEN_FAIL, OPEN_DAMAGED } open_result;

int orl_stats_new_id(char *out)
{
    if (sodium_init() < 0) return -1;
    unsigned char b[ORL_STATS_ID_LEN / 2];
    randombytes_buf(b, sizeof b);
    sodium_bin2hex(out, ORL_STATS_ID_LEN + 1, b, sizeof b);
    return 0;
}

/* meta: the file's identity and kind. A schema-1 file has none: opened for writing it gets
 * its identity now (and becomes schema 2); opened read-only it is read as it is. */
static int read_meta(orl_stats *s)
{
    s->id[0] = 0;
    s->merged = 0;
    int rc;
    if (!table_exists(s->db, "meta", &rc)) return rc == SQLITE_OK ? 0 : rc;
    sqlite3_stmt *st = NULL;
    rc = sqlite3_prepare_v2(s->db, "SELECT key, value FROM meta", -1, &st, NULL);
    if (rc != SQLITE_OK) return rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *k = (const char *)sqlite3_column_text(st, 0), *v = (const char *)sqlite3_column_text(st, 1);
        if (!k || !v) continue;
        if (strcmp(k, "id") == 0) snprintf(s->id, sizeof s->id, "%s", v);
        else if (strcmp(k, "kind") == 0) s->merged = strcmp(v, "merged") == 0;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* A statistics file is data from elsewhere (a USB stick, another kiosk): nothing in its
 * schema may run or cost more than the counts themselves. Functions in the schema are not
 * trusted, no value may be larger than 1 MB (a generated column over a 300 MB blob made the
 * read-only report use 2.3 GB), and the schema may hold only plain tables and their automatic
 * indexes: no view, trigger, virtual table, or generated column. 0, or -1 with err set. */
static int harden_db(sqlite3 *db, char *err, size_t errlen)
{
    sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)NULL);
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
    sqlite3_limit(db, SQLITE_LIMIT_LENGTH, ORL_STATS_MAX_VALUE_BYTES);
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, "SELECT type, name, coalesce(sql, '') FROM sqlite_master", -1, &st, NULL);
    char bad[160] = "";
    char **tables = NULL;
    int nt = 0;
    while (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        if (rc != SQLITE_ROW) break;
        rc = SQLITE_OK;
        const char *type = (const char *)sqlite3_column_text(st, 0), *name = (const char *)sqlite3_column_text(st, 1),
                   *sql = (const char *)sqlite3_column_text(st, 2);
        if (!type || !name || !sql) continue;
        if (strcmp(type, "table") == 0 && strncmp(sql, "CREATE TABLE", 12) == 0) {
            char **nt2 = realloc(tables, (size_t)(nt + 1) * sizeof *tables);
            if (!nt2) { rc = SQLITE_NOMEM; break; }
            tables = nt2;
            tables[nt] = orl_strdup(name);
            if (!tables[nt]) { rc = SQLITE_NOMEM; break; }
            nt++;
        } else if (!(strcmp(type, "index") == 0 && !*sql)) {
            snprintf(bad, sizeof bad, "its schema holds a %s (%.60s)", strcmp(type, "table") == 0 ? "virtual table" : type,
                     name);
            break;
        }
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_DONE) rc = SQLITE_OK;
    for (int i = 0; i < nt && rc == SQLITE_OK && !bad[0]; i++) {
        /* hidden != 0: a generated column (2, 3) or a virtual table's hidden one (1) */
        rc = sqlite3_prepare_v2(db, "SELECT name FROM pragma_table_xinfo(?) WHERE hidden != 0", -1, &st, NULL);
        if (rc != SQLITE_OK) break;
        sqlite3_bind_text(st, 1, tables[i], -1, SQLITE_STATIC);
        int r = sqlite3_step(st);
        if (r == SQLITE_ROW)
            snprintf(bad, sizeof bad, "its table %.60s has a computed column (%.60s)", tables[i],
                     (const char *)sqlite3_column_text(st, 0));
        else if (r != SQLITE_DONE) rc = r;
        sqlite3_finalize(st);
    }
    for (int i = 0; i < nt; i++) free(tables[i]);
    free(tables);
    if (bad[0]) {
        snprintf(err, errlen, "not Orilla's statistics: %s; give the file a kiosk wrote", bad);
        return -1;
    }
    if (rc != SQLITE_OK) {
        snprintf(err, errlen, "cannot be read as a statistics database (%s)", sqlite3_errstr(rc));
        return -1;
    }
    return 0;
}

static open_result open_db(orl_stats *s, char *err, size_t errlen)
{
    int flags = s->readonly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    flags |= SQLITE_OPEN_NOMUTEX;
    struct stat sb;
    if (s->readonly) {
        if (stat(s->path, &sb) != 0) {
            snprintf(err, errlen, "cannot be read (%s)", strerror(errno));
            return OPEN_FAIL;
        }
    }
    /* a FIFO or a device would block or never end: regular files only (or none yet) */
    if (stat(s->path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
        snprintf(err, errlen, "not a file (a device, a pipe or a folder)");
        return OPEN_FAIL;
    }
    int rc = sqlite3_open_v2(s->path, &s->db, flags, NULL);
    if (rc != SQLITE_OK) {
        snprintf(err, errlen, "cannot be opened (%s)", s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
        return OPEN_FAIL;
    }
    sqlite3_extended_result_codes(s->db, 1);
    sqlite3_busy_timeout(s->db, ORL_STATS_BUSY_MS);
    int ntables = count_tables(s->db, &rc);
    if (rc != SQLITE_OK) {
        snprintf(err, errlen, "cannot be read as a statistics database (%s)", sqlite3_errmsg(s->db));
        return damaged_rc(rc) ? OPEN_DAMAGED : OPEN_FAIL;
    }
    if (harden_db(s->db, err, errlen) != 0) return OPEN_FAIL;
    if (!s->readonly) {
        if (sqlite3_db_readonly(s->db, "main") == 1) {
            snprintf(err, errlen, "can only be read, not written (check its owner and permissions)");
            return OPEN_FAIL;
        }
        sqlite3_stmt *st = NULL;
        rc = sqlite3_prepare_v2(s->db, "PRAGMA quick_check", -1, &st, NULL);
        const char *verdict = rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
        int ok = verdict && strcmp(verdict, "ok") == 0;
        /* A check that could not run (out of memory, I/O) says nothing of damage: a sound
         * database must not be set aside for it (tests/unit/test_fault_stats.c). */
        int damaged = verdict ? !ok : damaged_rc(sqlite3_errcode(s->db));
        if (!ok) snprintf(err, errlen, damaged ? "damaged (%s)" : "cannot be checked (%s)", sqlite3_errmsg(s->db));
        sqlite3_finalize(st);
        if (!ok) return damaged ? OPEN_DAMAGED : OPEN_FAIL;
        /* synchronous = FULL: a session's commit is on the disk before the next visitor (a
         * power cut at an exhibition loses nothing committed) */
        char *msg = NULL;
        rc = sqlite3_exec(s->db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA secure_delete = ON;",
                          NULL, NULL, &msg);
        if (rc != SQLITE_OK) {
            snprintf(err, errlen, "cannot be used (%s)", msg ? msg : sqlite3_errstr(rc));
            sqlite3_free(msg);
            return damaged_rc(rc) ? OPEN_DAMAGED : OPEN_FAIL;
        }
    }
    int have = table_exists(s->db, "schema_version", &rc);
    if (rc != SQLITE_OK) {
        snprintf(err, errlen, "cannot be read (%s)", sqlite3_errmsg(s->db));
        return damaged_rc(rc) ? OPEN_DAMAGED : OPEN_FAIL;
    }
    if (!have) {
        if (ntables > 0) {
            snprintf(err, errlen, "a database, but not Orilla's statistics (it has no schema_version table); "
                     "give another file");
            return OPEN_FAIL;
        }
        if (s->readonly) {
            snprintf(err, errlen, "empty: no statistics recorded yet");
            return OPEN_FAIL;
        }
        char id[ORL_STATS_ID_LEN + 1];
        if (orl_stats_new_id(id) != 0) {
            snprintf(err, errlen, "cannot make the file's identity (libsodium does not start)");
            return OPEN_FAIL;
        }
        char *msg = NULL;
        char *sql = orl_format("BEGIN IMMEDIATE; %s INSERT INTO schema_version (version) VALUES (%d); "
                               "INSERT INTO meta (key, value) VALUES ('id', '%s'), ('kind', 'kiosk'); COMMIT;",
                               orl_stats_schema_sql, ORL_STATS_SCHEMA_VERSION, id);
        rc = sql ? sqlite3_exec(s->db, sql, NULL, NULL, &msg) : SQLITE_NOMEM;
        free(sql);
        if (rc != SQLITE_OK) {
            snprintf(err, errlen, "cannot create the statistics (%s)", msg ? msg : sqlite3_errstr(rc));
            sqlite3_free(msg);
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
            return damaged_rc(rc) ? OPEN_DAMAGED : OPEN_FAIL;
        }
        snprintf(s->id, sizeof s->id, "%s", id);
        return OPEN_OK;
    }
    sqlite3_stmt *st = NULL;
    int version = -1;
    rc = sqlite3_prepare_v2(s->db, "SELECT max(version) FROM schema_version", -1, &st, NULL);
    if (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) == SQLITE_INTEGER)
        version = sqlite3_column_int(st, 0);
    if (rc == SQLITE_OK) rc = sqlite3_errcode(s->db);
    sqlite3_finalize(st);
    if (version < 1) {
        if ((rc & 0xff) == SQLITE_NOMEM) {
            snprintf(err, errlen, "cannot be read (%s)", sqlite3_errstr(rc));
            return OPEN_FAIL;
        }
        snprintf(err, errlen, "no schema version: not Orilla's statistics, or damaged");
        return OPEN_FAIL;
    }
    if (version > ORL_STATS_SCHEMA_VERSION) {
        snprintf(err, errlen, "made by a newer Orilla (schema %d, this one knows %d): update Orilla", version,
                 ORL_STATS_SCHEMA_VERSION);
        return OPEN_FAIL;
    }
    if (version < 2 && !s->readonly) {
        /* schema 1 -> 2: the file gets its identity */
        char id[ORL_STATS_ID_LEN + 1];
        if (orl_stats_new_id(id) != 0) {
            snprintf(err, errlen, "cannot make the file's identity (libsodium does not start)");
            return OPEN_FAIL;
        }
        char *msg = NULL;
        char *sql = orl_format("BEGIN IMMEDIATE; %s INSERT INTO meta (key, value) VALUES ('id', '%s'), ('kind', 'kiosk'); "
                               "UPDATE schema_version SET version = 2; COMMIT;",
                               ORL_STATS_META_SQL, id);
        rc = sql ? sqlite3_exec(s->db, sql, NULL, NULL, &msg) : SQLITE_NOMEM;
        free(sql);
        if (rc != SQLITE_OK) {
            snprintf(err, errlen, "cannot be brought to this Orilla's format (%s)", msg ? msg : sqlite3_errstr(rc));
            sqlite3_free(msg);
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
            return damaged_rc(rc) ? OPEN_DAMAGED : OPEN_FAIL;
        }
    }
    rc = read_meta(s);
    if (rc != SQLITE_OK) {
        snprintf(err, errlen, "cannot be read (%s)", sqlite3_errstr(rc));
        return damaged_rc(rc) ? OPEN_DAMAGED : OPEN_FAIL;
    }
    if (s->merged && !s->readonly) {
        snprintf(err, errlen, "a merged file (orilla stats merge): a kiosk records into a file of its own, "
                 "give it another one");
        return OPEN_FAIL;
    }
    return OPEN_OK;
}

orl_stats *orl_stats_open(const char *path, const orl_stats_opts *opts, char *err, size_t errlen)
{
    char dummy[8];
    if (!err) {
        err = dummy;
        errlen = sizeof dummy;
    }
    if (errlen) err[0] = 0;
    if (!path || !*path) {
        snprintf(err, errlen, "no statistics file given");
        return NULL;
    }
    orl_stats *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    orl_stats_opts o = opts ? *opts : (orl_stats_opts){0};
    s->readonly = o.readonly;
    s->today = o.today;
    s->log = o.log;
    s->path = orl_strdup(path);
    if (!s->path) {
        free(s);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    open_result r = open_db(s, err, errlen);
    if (r == OPEN_DAMAGED && !s->readonly && o.set_aside_damaged) {
        sqlite3_close_v2(s->db);
        s->db = NULL;
        char aside[1024];
        if (set_aside(path, aside, sizeof aside) == 0) {
            char why[256];
            snprintf(why, sizeof why, "%.200s", err);
            r = open_db(s, err, errlen);
            if (r == OPEN_OK) {
                snprintf(s->problem, sizeof s->problem, "%.140s: %.120s; it was kept as %.160s and a new one started",
                         path, why, aside);
                if (s->log) orl_log_write(s->log, ORL_LOG_ERROR, "stats: %s", s->problem);
            }
        } else {
            size_t l = strlen(err);
            snprintf(err + l, errlen - l, "; it could not be set aside (%s)", strerror(errno));
        }
    }
    if (r != OPEN_OK) {
        if (s->db) sqlite3_close_v2(s->db);
        free(s->path);
        free(s);
        return NULL;
    }
    return s;
}

void orl_stats_close(orl_stats *s)
{
    if (!s) return;
    if (!s->readonly && s->db) sqlite3_exec(s->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
    sqlite3_close_v2(s->db);
    free(s->path);
    free(s);
}

const char *orl_stats_id(const orl_stats *s) { return s ? s->id : ""; }
int orl_stats_is_merged(const orl_stats *s) { return s && s->merged; }
int orl_stats_ok(const orl_stats *s) { return s && !s->off && !s->readonly; }
const char *orl_stats_problem(const orl_stats *s) { return s ? s->problem : "statistics are off"; }
void orl_stats_set_today(orl_stats *s, long long today)
{
    if (s) s->today = today;
}

/* ------------------------------------------------------------------------------------- */
/* Writes */

/* The cause of the last failure, read before anything else touches the connection (a
 * ROLLBACK after a failed COMMIT replaced it with "cannot rollback - no transaction is
 * active"), with the system's words for an I/O failure: "database or disk is full (No space
 * left on device)", "disk I/O error (File too large)". sys_errno: errno as the failing call
 * left it (SQLite keeps it only for some failures). */
static void cause_of(orl_stats *s, int sys_errno, char *out, size_t n)
{
    int rc = sqlite3_extended_errcode(s->db) & 0xff;
    int sys = sqlite3_system_errno(s->db);
    if (sys <= 0 && (rc == SQLITE_IOERR || rc == SQLITE_FULL || rc == SQLITE_CANTOPEN)) sys = sys_errno;
    const char *msg = sqlite3_errmsg(s->db);
    if (sys > 0 && !strstr(msg, strerror(sys))) snprintf(out, n, "%s (%s)", msg, strerror(sys));
    else snprintf(out, n, "%s", msg);
}

/* Seconds on a clock that does not jump (the throttle of "still off" lines). */
static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A write of this session failed: rolled back, logged with its cause, counted once per
 * session (a session's start and end are two writes, one failure). */
static int failed(orl_stats *s, const char *what)
{
    int sys_errno = errno;
    int rc = sqlite3_extended_errcode(s->db);
    char cause[400];
    cause_of(s, sys_errno, cause, sizeof cause);
    if (!sqlite3_get_autocommit(s->db)) sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    s->open = 0; /* an end is never recorded without its start */
    if (!s->counted) {
        s->counted = 1;
        s->failures++;
    }
    if (s->off == 1) {
        /* still no room: one line now and then, not one per visitor */
        s->lost++;
        double t = now_s();
        if (s->quiet_since == 0.0 || t - s->quiet_since >= ORL_STATS_QUIET_SECONDS) {
            s->quiet_since = t;
            logf_(s, ORL_LOG_ERROR, "statistics are still off: %s: %s (tried again; %lld session%s not recorded since "
                  "they went off)", s->path, cause, s->lost, s->lost == 1 ? "" : "s");
        } else {
            snprintf(s->problem, sizeof s->problem, "statistics are still off: %.160s: %.200s", s->path, cause);
        }
        return -1;
    }
    logf_(s, ORL_LOG_ERROR, "could not record %s in %s: %s", what, s->path, cause);
    if (damaged_rc(rc)) {
        s->off = 2;
        logf_(s, ORL_LOG_ERROR, "statistics are off until the kiosk restarts (%s: %s)", s->path, cause);
    } else if (s->failures >= ORL_STATS_MAX_FAILURES) {
        s->off = 1;
        s->lost = 0;
        s->quiet_since = 0; /* the first try after this says how it went */
        logf_(s, ORL_LOG_ERROR,
              "statistics are off for now (%s: %s); each new session tries again, and they are back on "
              "as soon as one is recorded (free some space)",
              s->path, cause);
    }
    return -1;
}

static int begin(orl_stats *s)
{
    if (!s || s->off == 2 || s->readonly) return -1;
    return sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

static int commit(orl_stats *s)
{
    if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) return -1;
    s->failures = 0;
    if (s->off == 1) {
        s->off = 0;
        logf_(s, ORL_LOG_INFO, "statistics are back on: %s could be written again (%lld session%s were not recorded "
              "meanwhile)", s->path, s->lost, s->lost == 1 ? "" : "s");
        s->problem[0] = 0;
        s->lost = 0;
    }
    /* no journal keeps what this commit changed (see stats.h) */
    sqlite3_exec(s->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
    return 0;
}

/* Runs one statement with text/int arguments: "t" text, "i" int. 0 or -1. */
static int run(orl_stats *s, const char *sql, const char *types, ...)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) return -1;
    va_list ap;
    va_start(ap, types);
    for (int i = 0; types[i]; i++) {
        if (types[i] == 't') {
            const char *v = va_arg(ap, const char *);
            sqlite3_bind_text(st, i + 1, v ? v : "", -1, SQLITE_TRANSIENT);
        } else {
            sqlite3_bind_int64(st, i + 1, (sqlite3_int64)va_arg(ap, long long));
        }
    }
    va_end(ap);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

int orl_stats_session_start(orl_stats *s, const char *story, const char *version, const char *lang)
{
    if (!s || !story) return -1;
    /* a new session: its writes may fail once more (one failure per session); off for want
     * of room, it tries again all the same, so that once space is freed the very next session
     * is recorded (only a session's start: its end is then recorded with it, never an end
     * without its start) */
    s->counted = 0;
    s->open = 0;
    if (begin(s) != 0) return s && s->off != 2 && !s->readonly ? failed(s, "a session") : -1;
    char day[11];
    today_string(s, day);
    if (run(s,
            "INSERT INTO sessions (day, story, version, started) VALUES (?, ?, ?, 1) "
            "ON CONFLICT (day, story, version) DO UPDATE SET started = started + 1",
            "ttt", day, story, version ? version : "") != 0)
        return failed(s, "a session");
    if (lang && *lang &&
        run(s,
            "INSERT INTO languages (story, version, lang, sessions) VALUES (?, ?, ?, 1) "
            "ON CONFLICT (story, version, lang) DO UPDATE SET sessions = sessions + 1",
            "ttt", story, version ? version : "", lang) != 0)
        return failed(s, "a session");
    if (commit(s) != 0) return failed(s, "a session");
    s->session_day = s->today ? s->today : orl_today();
    s->open = 1;
    return 0;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

int orl_stats_session_end(orl_stats *s, const char *story, const char *version, const orl_stats_step *steps, int nsteps,
                          const char *last_scene, int finished)
{
    if (!s || !story) return -1;
    if (nsteps < 0) nsteps = 0;
    if (nsteps > ORL_STATS_MAX_STEPS) nsteps = ORL_STATS_MAX_STEPS;
    if (!version) version = "";
    /* counted on the day the session began: a session that crosses midnight, or a clock
     * that jumps (backwards after an NTP fix, or forwards), still has its start and its end
     * in one day's row */
    long long began = s->session_day;
    s->session_day = 0;
    /* its start was not recorded (statistics off, a failed write): nothing to end */
    if (!s->open) return -1;
    s->open = 0;
    if (begin(s) != 0) return s->off != 2 && !s->readonly ? failed(s, "a session's end") : -1;
    char day[11];
    if (began) orl_stats_day_string(began, day);
    else today_string(s, day);
    if (run(s,
            finished ? "INSERT INTO sessions (day, story, version, finished) VALUES (?, ?, ?, 1) "
                       "ON CONFLICT (day, story, version) DO UPDATE SET finished = finished + 1"
                     : "INSERT INTO sessions (day, story, version, abandoned) VALUES (?, ?, ?, 1) "
                       "ON CONFLICT (day, story, version) DO UPDATE SET abandoned = abandoned + 1",
            "ttt", day, story, version) != 0)
        return failed(s, "a session's end");
    for (int i = 0; i < nsteps; i++) {
        if (!steps[i].scene || steps[i].choice < 1) continue;
        if (run(s,
                "INSERT INTO choices (story, version, scene, choice, target, count) VALUES (?, ?, ?, ?, ?, 1) "
                "ON CONFLICT (story, version, scene, choice) DO UPDATE SET count = count + 1, target = excluded.target",
                "tttit", story, version, steps[i].scene, (long long)steps[i].choice,
                steps[i].target ? steps[i].target : "") != 0)
            return failed(s, "a choice");
    }
    /* each scene once per session; on the stack (nsteps <= ORL_STATS_MAX_STEPS): when a
     * malloc here failed, the session was recorded without its scenes and said nothing
     * (tests/unit/test_fault_stats.c) */
    const char *scenes[ORL_STATS_MAX_STEPS + 1];
    int n = 0;
    for (int i = 0; i < nsteps; i++)
        if (steps[i].scene) scenes[n++] = steps[i].scene;
    if (last_scene) scenes[n++] = last_scene;
    qsort(scenes, (size_t)n, sizeof *scenes, cmp_str);
    for (int i = 0; i < n; i++) {
        if (i > 0 && strcmp(scenes[i], scenes[i - 1]) == 0) continue;
        if (run(s,
                "INSERT INTO scenes (story, version, scene, sessions) VALUES (?, ?, ?, 1) "
                "ON CONFLICT (story, version, scene) DO UPDATE SET sessions = sessions + 1",
                "ttt", story, version, scenes[i]) != 0)
            return failed(s, "a scene");
    }
    if (finished && last_scene &&
        run(s,
            "INSERT INTO endings (story, version, scene, count) VALUES (?, ?, ?, 1) "
            "ON CONFLICT (story, version, scene) DO UPDATE SET count = count + 1",
            "ttt", story, version, last_scene) != 0)
        return failed(s, "an ending");
    if (commit(s) != 0) return failed(s, "a session's end");
    return 0;
}

/* ------------------------------------------------------------------------------------- */
/* Reads */

int orl_stats_shares(orl_stats *s, const char *story, const char *version, const char *scene, long long min_sessions,
                     orl_stats_share *out, int max, long long *sessions)
{
    if (sessions) *sessions = 0;
    if (!s || !story || !scene) return -1;
    if (!version) version = "";
    sqlite3_stmt *st = NULL;
    long long n = 0;
    if (sqlite3_prepare_v2(s->db, "SELECT sessions FROM scenes WHERE story = ? AND version = ? AND scene = ?", -1, &st,
                           NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(st, 1, story, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, version, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, scene, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    if (sessions) *sessions = n;
    if (min_sessions < 1) min_sessions = 1;
    if (n < min_sessions) return -1;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT choice, count FROM choices WHERE story = ? AND version = ? AND scene = ? "
                           "ORDER BY choice",
                           -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(st, 1, story, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, version, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, scene, -1, SQLITE_STATIC);
    int k = 0;
    long long total = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        long long c = sqlite3_column_int64(st, 1);
        total += c;
        if (k < max && out) {
            out[k].choice = sqlite3_column_int(st, 0);
            out[k].count = c;
            out[k].share = 0;
            k++;
        }
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) return -1;
    for (int i = 0; i < k; i++) {
        out[i].share = total > 0 ? (double)out[i].count / (double)total : 0.0;
        out[i].percent = orl_stats_percent5(out[i].count, total);
    }
    return k;
}

int orl_stats_percent5(long long count, long long total)
{
    if (total <= 0 || count <= 0) return 0;
    if (count >= total) return 100;
    /* nearest multiple of 5, halves up, in integers (no floating-point ties) */
    long long p = (count * 20 * 2 + total) / (2 * total) * 5;
    if (p < 5) p = 5;     /* someone chose it: never "0 %" */
    if (p > 95) p = 95;   /* someone chose otherwise: never "100 %" */
    return (int)p;
}

int orl_stats_others_allowed(const orl_story *st, int scene, const orl_consent_ctx *c)
{
    if (!st || scene < 0 || scene >= st->nscenes) return 0;
    const orl_scene *sc = &st->scenes[scene];
    if (sc->testimony_idx >= 0 && sc->testimony_idx < st->ntestimonies)
        return orl_consent_allows(st, &st->testimonies[sc->testimony_idx], c);
    if (sc->testimony) return 0; /* a testimony named but unknown: do not guess */
    return 1;
}

int orl_stats_summary_of(orl_stats *s, const char *story, orl_stats_summary *out)
{
    memset(out, 0, sizeof *out);
    if (!s) return -1;
    char day[11];
    today_string(s, day);
    sqlite3_stmt *st = NULL;
    const char *sql = "SELECT coalesce(sum(started), 0), coalesce(sum(finished), 0), coalesce(sum(abandoned), 0), "
                      "coalesce(sum(CASE WHEN day = ?1 THEN started ELSE 0 END), 0), count(DISTINCT story) "
                      "FROM sessions WHERE ?2 IS NULL OR story = ?2";
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) return -1;
    sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
    if (story) sqlite3_bind_text(st, 2, story, -1, SQLITE_STATIC);
    else sqlite3_bind_null(st, 2);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        out->started = sqlite3_column_int64(st, 0);
        out->finished = sqlite3_column_int64(st, 1);
        out->abandoned = sqlite3_column_int64(st, 2);
        out->started_today = sqlite3_column_int64(st, 3);
        out->stories = sqlite3_column_int64(st, 4);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? 0 : -1;
}

/* ------------------------------------------------------------------------------------- */
/* Reports */

void orl_stats_csv_field(FILE *out, const char *s)
{
    if (!s) s = "";
    /* a cell from the database is shown cleaned (core/term.h), whether the CSV goes to a
     * terminal or a file: no escape sequence or lone CR raw (a newline stays, quoted) */
    char *clean = NULL;
    if (!orl_clean_is_clean(s, strlen(s))) {
        clean = orl_clean_dup(s, strlen(s), 0);
        if (clean) s = clean;
    }
    int quote = strpbrk(s, ",\"\r\n") != NULL;
    /* a cell a spreadsheet would run as a formula (or start on a new line) gets a ' */
    int formula = s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r' ||
                  s[0] == '\n';
    if (formula) quote = 1;
    if (!quote) {
        fputs(s, out);
        free(clean);
        return;
    }
    fputc('"', out);
    if (formula) fputc('\'', out);
    for (const char *c = s; *c; c++) {
        if (*c == '"') fputc('"', out);
        fputc(*c, out);
    }
    fputc('"', out);
    free(clean);
}

/* Text for a terminal: control characters (escape sequences in an id from a hostile bundle)
 * are shown as '?'. */
static void tty_text(FILE *out, const char *s, int width)
{
    int n = 0;
    for (const unsigned char *c = (const unsigned char *)(s ? s : ""); *c; c++) {
        fputc(*c < 0x20 || *c == 0x7f ? '?' : *c, out);
        if ((*c & 0xC0) != 0x80) n++;
    }
    for (; n < width; n++) fputc(' ', out);
}

static int utf8_width(const char *s)
{
    int n = 0;
    for (; s && *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

typedef struct csv_row {
    const char *kind, *story, *version, *day, *scene, *target, *lang;
    long long choice; /* 0: empty */
    long long count;
} csv_row;

static void csv_put(FILE *out, const csv_row *r)
{
    const char *f[] = {r->kind, r->story, r->version, r->day, r->scene};
    for (int i = 0; i < 5; i++) {
        orl_stats_csv_field(out, f[i]);
        fputc(',', out);
    }
    if (r->choice > 0) fprintf(out, "%lld", r->choice);
    fputc(',', out);
    orl_stats_csv_field(out, r->target);
    fputc(',', out);
    orl_stats_csv_field(out, r->lang);
    fprintf(out, ",%lld\r\n", r->count);
}

static const char *col(sqlite3_stmt *st, int i)
{
    const char *t = (const char *)sqlite3_column_text(st, i);
    return t ? t : "";
}

static sqlite3_stmt *prep(orl_stats *s, const char *sql, const char *story)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) return NULL;
    if (story) sqlite3_bind_text(st, 1, story, -1, SQLITE_STATIC);
    else sqlite3_bind_null(st, 1);
    return st;
}

/* Each story version of the file (or of one story), in order; calls fn for each. */
typedef int (*version_fn)(orl_stats *s, FILE *out, const char *story, const char *version, const orl_stats_report_opts *o,
                          int index);

/* Finalizes a report's statement; the first that failed (a sum that overflows in a crafted
 * file, a damaged page) is kept in s->problem with SQLite's words, before a later call
 * replaces them with "not an error". */
static void fin(orl_stats *s, sqlite3_stmt *st, int *bad)
{
    if (sqlite3_finalize(st) != SQLITE_OK && !*bad) {
        *bad = 1;
        snprintf(s->problem, sizeof s->problem, "%.300s: %s%s", s->path, sqlite3_errmsg(s->db),
                 strstr(sqlite3_errmsg(s->db), "overflow") ? " (a count too large to be real: the file is damaged "
                                                             "or was not written by a kiosk)" : "");
    }
}

static int each_version(orl_stats *s, FILE *out, const orl_stats_report_opts *o, version_fn fn, int *count)
{
    sqlite3_stmt *vs = prep(s,
                            "SELECT story, version FROM sessions WHERE ?1 IS NULL OR story = ?1 "
                            "UNION SELECT story, version FROM choices WHERE ?1 IS NULL OR story = ?1 "
                            "UNION SELECT story, version FROM endings WHERE ?1 IS NULL OR story = ?1 "
                            "ORDER BY 1, 2",
                            o->story);
    if (!vs) return -1;
    int rc, n = 0, bad = 0;
    while (!bad && (rc = sqlite3_step(vs)) == SQLITE_ROW) {
        char *sid = orl_strdup(col(vs, 0)), *ver = orl_strdup(col(vs, 1));
        bad = !sid || !ver || fn(s, out, sid, ver, o, n) != 0;
        n++;
        free(sid);
        free(ver);
    }
    sqlite3_finalize(vs);
    if (count) *count = n;
    return bad || rc != SQLITE_DONE ? -1 : 0;
}

static sqlite3_stmt *prep_sv(orl_stats *s, const char *sql, const char *story, const char *version)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) return NULL;
    sqlite3_bind_text(st, 1, story, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, version, -1, SQLITE_TRANSIENT);
    return st;
}

static int csv_version(orl_stats *s, FILE *out, const char *story, const char *version, const orl_stats_report_opts *o,
                       int index)
{
    (void)index;
    long long min = o->min_sessions > 0 ? o->min_sessions : 1;
    int rc = SQLITE_DONE;
    sqlite3_stmt *st = prep_sv(s, "SELECT day, started, finished, abandoned FROM sessions WHERE story = ?1 AND "
                                  "version = ?2 ORDER BY day", story, version);
    if (!st) return -1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        static const char *const kinds[] = {"started", "finished", "abandoned"};
        for (int k = 0; k < 3; k++) {
            csv_row r = {kinds[k], story, version, col(st, 0), "", "", "", 0, sqlite3_column_int64(st, 1 + k)};
            csv_put(out, &r);
        }
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) return -1;
    st = prep_sv(s, "SELECT lang, sessions FROM languages WHERE story = ?1 AND version = ?2 ORDER BY lang", story,
                 version);
    if (!st) return -1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        csv_row r = {"language", story, version, "", "", "", col(st, 0), 0, sqlite3_column_int64(st, 1)};
        csv_put(out, &r);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) return -1;
    /* scenes: those at least min sessions passed; the others only as a number */
    st = prep_sv(s, "SELECT scene, sessions FROM scenes WHERE story = ?1 AND version = ?2 ORDER BY sessions DESC, scene",
                 story, version);
    if (!st) return -1;
    long long held = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (sqlite3_column_int64(st, 1) < min) {
            held++;
            continue;
        }
        csv_row r = {"scene", story, version, "", col(st, 0), "", "", 0, sqlite3_column_int64(st, 1)};
        csv_put(out, &r);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) return -1;
    orl_stats_block b;
    if (orl_stats_block_read(s, story, version, o, &b) != 0) return -1;
    for (int i = 0; i < b.ndecisions; i++)
        for (int j = 0; j < b.decisions[i].nchoices; j++) {
            const orl_stats_choice *c = &b.decisions[i].choices[j];
            csv_row r = {"choice", story, version, "", b.decisions[i].scene, c->target, "", c->choice, c->count};
            csv_put(out, &r);
        }
    for (int i = 0; i < b.nendings; i++) {
        csv_row r = {"ending", story, version, "", b.endings[i].scene, "", "", 0, b.endings[i].count};
        csv_put(out, &r);
    }
    if (held) {
        csv_row r = {"held-back-scenes", story, version, "", "", "", "", 0, held};
        csv_put(out, &r);
    }
    if (b.endings_held_back) {
        csv_row r = {"held-back-endings", story, version, "", "", "", "", 0, b.endings_held_back};
        csv_put(out, &r);
    }
    orl_stats_block_free(&b);
    return 0;
}

static int report_csv(orl_stats *s, FILE *out, const orl_stats_report_opts *o)
{
    fputs("kind,story,version,day,scene,choice,target,lang,count\r\n", out);
    return each_version(s, out, o, csv_version, NULL);
}

static int table_version(orl_stats *s, FILE *out, const char *sid, const char *ver, const orl_stats_report_opts *o,
                         int index)
{
    long long min = o->min_sessions > 0 ? o->min_sessions : 1;
    if (index) fputc('\n', out);
    tty_text(out, sid, 0);
    if (*ver) {
        fputs("  version ", out);
        tty_text(out, ver, 0);
    }
    const orl_story *lb = o->labels && o->labels->id && strcmp(o->labels->id, sid) == 0 ? o->labels : NULL;
    if (lb && lb->title) {
        fputs("  \"", out);
        tty_text(out, lb->title, 0);
        fputc('"', out);
        if (lb->version && strcmp(lb->version, ver) != 0) {
            fputs(" (the story given is version ", out);
            tty_text(out, lb->version, 0);
            fputs(": its words may not fit these numbers)", out);
        }
    }
    fputc('\n', out);
    int bad = 0;
    sqlite3_stmt *st = prep_sv(s,
                               "SELECT coalesce(sum(started),0), coalesce(sum(finished),0), coalesce(sum(abandoned),0), "
                               "count(*), min(day), max(day) FROM sessions WHERE story = ?1 AND version = ?2",
                               sid, ver);
    if (st) {
        if (sqlite3_step(st) == SQLITE_ROW) {
            fprintf(out, "  sessions: %lld started, %lld finished, %lld left before an ending", sqlite3_column_int64(st, 0),
                    sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2));
            if (sqlite3_column_int64(st, 3) > 0)
                fprintf(out, " (%lld day%s, %s to %s)", sqlite3_column_int64(st, 3),
                        sqlite3_column_int64(st, 3) == 1 ? "" : "s", col(st, 4), col(st, 5));
            fputc('\n', out);
        }
        fin(s, st, &bad);
    }
    st = prep_sv(s, "SELECT lang, sessions FROM languages WHERE story = ?1 AND version = ?2 ORDER BY sessions DESC, lang",
                 sid, ver);
    if (st) {
        int k = 0;
        while (sqlite3_step(st) == SQLITE_ROW) {
            fputs(k++ ? ", " : "  languages: ", out);
            tty_text(out, col(st, 0), 0);
            fprintf(out, " %lld", sqlite3_column_int64(st, 1));
        }
        if (k) fputc('\n', out);
        fin(s, st, &bad);
    }
    if (bad) return -1; /* a sum that overflows: a damaged file, said as such */
    orl_stats_block b;
    if (orl_stats_block_read(s, sid, ver, o, &b) != 0) return -1;
    int w = 5;
    for (int i = 0; i < b.ndecisions; i++)
        if (utf8_width(b.decisions[i].scene) > w) w = utf8_width(b.decisions[i].scene);
    for (int i = 0; i < b.nendings; i++)
        if (utf8_width(b.endings[i].scene) > w) w = utf8_width(b.endings[i].scene);
    if (w > 40) w = 40;
    if (b.ndecisions) {
        fputs("  choices:\n    ", out);
        tty_text(out, "scene", w);
        fputs("  sessions  choice  taken  share  leads to\n", out);
    }
    for (int i = 0; i < b.ndecisions; i++) {
        const orl_stats_decision *d = &b.decisions[i];
        if (d->title) { /* the scene as the story words it, above its figures */
            fputs("    ", out);
            tty_text(out, d->title, 0);
            fputc('\n', out);
        }
        for (int j = 0; j < d->nchoices; j++) {
            const orl_stats_choice *c = &d->choices[j];
            fputs("    ", out);
            if (j) {
                tty_text(out, "", w);
                fputs("          ", out);
            } else {
                tty_text(out, d->scene, w);
                fprintf(out, "  %8lld", d->sessions);
            }
            fprintf(out, "  %6d  %5lld  %4.0f%%  ", c->choice, c->count,
                    d->taken > 0 ? 100.0 * (double)c->count / (double)d->taken : 0.0);
            if (c->label) {
                fputc('"', out);
                tty_text(out, c->label, 0);
                fputs("\" \xE2\x86\x92 ", out); /* → */
            }
            tty_text(out, c->target, 0);
            fputc('\n', out);
        }
    }
    if (b.held_back)
        fprintf(out, "  %d more decision%s held back: fewer than %lld sessions passed through %s (the small-count "
                     "rule; --min-sessions)\n",
                b.held_back, b.held_back == 1 ? "" : "s", min, b.held_back == 1 ? "it" : "each");
    if (b.single)
        fprintf(out, "  %d scene%s with one way on left out (no decision there)\n", b.single, b.single == 1 ? "" : "s");
    if (b.nendings) fputs("  endings reached:\n", out);
    for (int i = 0; i < b.nendings; i++) {
        fputs("    ", out);
        const char *e = b.endings[i].scene;
        tty_text(out, e, w > utf8_width(e) ? w : 0);
        fprintf(out, "  %8lld", b.endings[i].count);
        if (b.endings[i].title) {
            fputs("  ", out);
            tty_text(out, b.endings[i].title, 0);
        }
        fputc('\n', out);
    }
    if (b.endings_held_back)
        fprintf(out, "  %d more ending%s held back: reached fewer than %lld times %s\n", b.endings_held_back,
                b.endings_held_back == 1 ? "" : "s", min, b.endings_held_back == 1 ? "" : "each");
    orl_stats_block_free(&b);
    return 0;
}

static int report_table(orl_stats *s, FILE *out, const orl_stats_report_opts *o)
{
    int n = orl_stats_sources(s);
    if (s->merged) fprintf(out, "merged from %d kiosk%s (orilla stats merge)\n\n", n, n == 1 ? "" : "s");
    int blocks = 0;
    if (each_version(s, out, o, table_version, &blocks) != 0) return -1;
    if (!blocks) fprintf(out, o->story ? "no statistics for this story yet\n" : "no statistics recorded yet\n");
    return 0;
}

int orl_stats_report(orl_stats *s, FILE *out, int csv, const orl_stats_report_opts *o)
{
    if (!s) return -1;
    orl_stats_report_opts all = {0};
    if (!o) o = &all;
    /* one consistent snapshot while reading */
    sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL);
    s->problem[0] = 0;
    int rc = csv ? report_csv(s, out, o) : report_table(s, out, o);
    /* SQLite's words for what failed, before COMMIT replaces them with "not an error" */
    if (rc != 0 && !s->problem[0])
        snprintf(s->problem, sizeof s->problem, "%.300s: %s%s", s->path, sqlite3_errmsg(s->db),
                 strstr(sqlite3_errmsg(s->db), "overflow") ? " (a count too large to be real: the file is damaged "
                                                             "or was not written by a kiosk)" : "");
    sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
    return rc;
}

/* ------------------------------------------------------------------------------------- */
/* Every counter as rows (stats_internal.h) */

sqlite3_stmt *orl_stats_rows(orl_stats *s, const char *source)
{
    if (!s) return NULL;
    static const char *const own =
        "SELECT 'started', story, version, day, '', 0, '', '', started FROM sessions WHERE started > 0 "
        "UNION ALL SELECT 'finished', story, version, day, '', 0, '', '', finished FROM sessions WHERE finished > 0 "
        "UNION ALL SELECT 'abandoned', story, version, day, '', 0, '', '', abandoned FROM sessions WHERE abandoned > 0 "
        "UNION ALL SELECT 'language', story, version, '', '', 0, '', lang, sessions FROM languages "
        "UNION ALL SELECT 'scene', story, version, '', scene, 0, '', '', sessions FROM scenes "
        "UNION ALL SELECT 'choice', story, version, '', scene, choice, target, '', count FROM choices "
        "UNION ALL SELECT 'ending', story, version, '', scene, 0, '', '', count FROM endings "
        "ORDER BY 1, 2, 3, 4, 5, 6, 8";
    static const char *const kept = "SELECT kind, story, version, day, scene, choice, target, lang, count "
                                    "FROM source_counts WHERE source = ?1 ORDER BY 1, 2, 3, 4, 5, 6, 8";
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, source ? kept : own, -1, &st, NULL) != SQLITE_OK) return NULL;
    if (source) sqlite3_bind_text(st, 1, source, -1, SQLITE_TRANSIENT);
    return st;
}
