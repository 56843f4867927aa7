/* orilla stats merge: the statistics of several kiosks in one file, nothing counted twice
 * (stats.h says how; docs/kiosk.md "Several kiosks" says it for curators). */
#include "core/strutil.h"
#include "kiosk/stats_internal.h"
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* One copy of one source: a kiosk's file, or a source kept inside a merged file. */
typedef struct cand {
    int input;
    char id[ORL_STATS_ID_LEN + 1];
    int kept_in_merged; /* its counters are the input's source_counts rows for id */
    long long started, finished, abandoned;
    int keep;
} cand;

typedef struct merge {
    const char *const *paths;
    int n;
    orl_stats **in;
    cand *c;
    int nc, capc;
    char *err;
    size_t errlen;
} merge;

static int fail(merge *m, const char *file, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int fail(merge *m, const char *file, const char *fmt, ...)
{
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    snprintf(m->err, m->errlen, "%s: %s", file, msg);
    return -1;
}

static int id_ok(const char *id)
{
    if (strlen(id) != ORL_STATS_ID_LEN) return 0;
    for (const char *c = id; *c; c++)
        if (!((*c >= '0' && *c <= '9') || (*c >= 'a' && *c <= 'f'))) return 0;
    return 1;
}

static cand *add_cand(merge *m)
{
    if (m->nc == m->capc) {
        int cap = m->capc ? m->capc * 2 : 16;
        cand *c = realloc(m->c, (size_t)cap * sizeof *c);
        if (!c) return NULL;
        m->c = c;
        m->capc = cap;
    }
    cand *c = &m->c[m->nc++];
    memset(c, 0, sizeof *c);
    return c;
}

/* The copies an input holds: itself (a kiosk's file) or its sources (a merged file). */
static int read_input(merge *m, int i)
{
    const char *path = m->paths[i];
    char err[600];
    orl_stats_opts o = {0};
    o.readonly = 1;
    orl_stats *s = orl_stats_open(path, &o, err, sizeof err);
    if (!s) return fail(m, path, "%s", err);
    m->in[i] = s;
    /* one snapshot from here to the end: a kiosk may be writing while we read */
    if (sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
        return fail(m, path, "cannot be read (%s)", sqlite3_errmsg(s->db));
    if (!s->id[0])
        return fail(m, path, "has no identity: it was written by an older Orilla (statistics schema 1). Run the kiosk "
                             "once with this Orilla on it (it adds one), then merge");
    if (!id_ok(s->id)) return fail(m, path, "damaged: its identity is not %d hex digits", ORL_STATS_ID_LEN);
    sqlite3_stmt *st = NULL;
    const char *sql = s->merged ? "SELECT id, started, finished, abandoned FROM sources ORDER BY id"
                                : "SELECT ?1, coalesce(sum(started), 0), coalesce(sum(finished), 0), "
                                  "coalesce(sum(abandoned), 0) FROM sessions";
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return fail(m, path, "cannot be read (%s)", sqlite3_errmsg(s->db));
    if (!s->merged) sqlite3_bind_text(st, 1, s->id, -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *id = (const char *)sqlite3_column_text(st, 0);
        if (!id || !id_ok(id)) {
            sqlite3_finalize(st);
            return fail(m, path, "damaged: a source's identity is not %d hex digits", ORL_STATS_ID_LEN);
        }
        cand *c = add_cand(m);
        if (!c) {
            sqlite3_finalize(st);
            return fail(m, path, "out of memory");
        }
        c->input = i;
        snprintf(c->id, sizeof c->id, "%s", id);
        c->kept_in_merged = s->merged;
        c->started = sqlite3_column_int64(st, 1);
        c->finished = sqlite3_column_int64(st, 2);
        c->abandoned = sqlite3_column_int64(st, 3);
        if (c->started < 0 || c->finished < 0 || c->abandoned < 0) {
            sqlite3_finalize(st);
            return fail(m, path, "damaged: negative counts");
        }
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) return fail(m, path, "cannot be read (%s)", sqlite3_errmsg(s->db));
    return 0;
}

static long long total(const cand *c) { return c->started + c->finished + c->abandoned; }

static int by_id_then_newest(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    int d = strcmp(x->id, y->id);
    if (d) return d;
    if (total(x) != total(y)) return total(x) > total(y) ? -1 : 1;
    return x->input - y->input; /* the same size: the first given */
}

static sqlite3_stmt *rows_of(merge *m, const cand *c)
{
    return orl_stats_rows(m->in[c->input], c->kept_in_merged ? c->id : NULL);
}

static const char *txt(sqlite3_stmt *st, int i)
{
    const char *t = (const char *)sqlite3_column_text(st, i);
    return t ? t : "";
}

/* Compares the keys of two rows (kind, story, version, day, scene, choice, lang). */
static int key_cmp(sqlite3_stmt *a, sqlite3_stmt *b)
{
    static const int text_cols[] = {0, 1, 2, 3, 4};
    for (size_t i = 0; i < sizeof text_cols / sizeof *text_cols; i++) {
        int d = strcmp(txt(a, text_cols[i]), txt(b, text_cols[i]));
        if (d) return d;
    }
    long long x = sqlite3_column_int64(a, 5), y = sqlite3_column_int64(b, 5);
    if (x != y) return x < y ? -1 : 1;
    return strcmp(txt(a, 7), txt(b, 7));
}

/* 1 when every counter of `older` is at most the same counter of `newer` (older could be an
 * earlier copy of newer), 0 when not, -1 when they cannot be read. */
static int dominated(merge *m, const cand *older, const cand *newer)
{
    sqlite3_stmt *a = rows_of(m, older), *b = rows_of(m, newer);
    int result = -1;
    if (!a || !b) goto done;
    int rb = sqlite3_step(b);
    int ra;
    result = 1;
    while ((ra = sqlite3_step(a)) == SQLITE_ROW) {
        int d = 1;
        while (rb == SQLITE_ROW && (d = key_cmp(b, a)) < 0) rb = sqlite3_step(b);
        if (rb != SQLITE_ROW || d != 0 || sqlite3_column_int64(b, 8) < sqlite3_column_int64(a, 8)) {
            result = rb == SQLITE_ROW || rb == SQLITE_DONE ? 0 : -1;
            break;
        }
    }
    if (result == 1 && ra != SQLITE_DONE) result = -1;
done:
    sqlite3_finalize(a);
    sqlite3_finalize(b);
    return result;
}

static int exec(sqlite3 *db, const char *sql, char *why, size_t n)
{
    char *msg = NULL;
    int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
    if (rc != SQLITE_OK) snprintf(why, n, "%s", msg ? msg : sqlite3_errstr(rc));
    sqlite3_free(msg);
    return rc == SQLITE_OK ? 0 : -1;
}

/* Writes the kept copies into the (empty) database db. 0, or -1 with why. */
static int write_out(merge *m, sqlite3 *db, char *why, size_t n)
{
    char id[ORL_STATS_ID_LEN + 1];
    if (orl_stats_new_id(id) != 0) {
        snprintf(why, n, "libsodium does not start");
        return -1;
    }
    char *sql = orl_format("PRAGMA journal_mode = MEMORY; PRAGMA synchronous = FULL; BEGIN; %s %s "
                           "INSERT INTO schema_version (version) VALUES (%d); "
                           "INSERT INTO meta (key, value) VALUES ('id', '%s'), ('kind', 'merged');",
                           orl_stats_schema_sql, ORL_STATS_MERGED_SQL, ORL_STATS_SCHEMA_VERSION, id);
    if (!sql) {
        snprintf(why, n, "out of memory");
        return -1;
    }
    int rc = exec(db, sql, why, n);
    free(sql);
    if (rc) return -1;
    sqlite3_stmt *src = NULL, *row = NULL;
    if (sqlite3_prepare_v2(db, "INSERT INTO sources (id, started, finished, abandoned) VALUES (?, ?, ?, ?)", -1, &src,
                           NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db,
                           "INSERT INTO source_counts (source, kind, story, version, day, scene, choice, target, lang, "
                           "count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           -1, &row, NULL) != SQLITE_OK) {
        snprintf(why, n, "%s", sqlite3_errmsg(db));
        sqlite3_finalize(src);
        return -1;
    }
    rc = 0;
    for (int i = 0; i < m->nc && !rc; i++) {
        const cand *c = &m->c[i];
        if (!c->keep) continue;
        sqlite3_bind_text(src, 1, c->id, -1, SQLITE_STATIC);
        sqlite3_bind_int64(src, 2, c->started);
        sqlite3_bind_int64(src, 3, c->finished);
        sqlite3_bind_int64(src, 4, c->abandoned);
        if (sqlite3_step(src) != SQLITE_DONE) {
            snprintf(why, n, "%s", sqlite3_errmsg(db));
            rc = -1;
        }
        sqlite3_reset(src);
        sqlite3_stmt *in = rows_of(m, c);
        if (!in) {
            snprintf(why, n, "%s cannot be read (%s)", m->paths[c->input], sqlite3_errmsg(m->in[c->input]->db));
            rc = -1;
            break;
        }
        int r;
        while (!rc && (r = sqlite3_step(in)) == SQLITE_ROW) {
            sqlite3_bind_text(row, 1, c->id, -1, SQLITE_STATIC);
            for (int k = 0; k < 9; k++) {
                if (k == 5 || k == 8) sqlite3_bind_int64(row, k + 2, sqlite3_column_int64(in, k));
                else sqlite3_bind_text(row, k + 2, txt(in, k), -1, SQLITE_TRANSIENT);
            }
            if (sqlite3_step(row) != SQLITE_DONE) {
                snprintf(why, n, "%s", sqlite3_errmsg(db));
                rc = -1;
            }
            sqlite3_reset(row);
        }
        if (!rc && r != SQLITE_DONE) {
            snprintf(why, n, "%s cannot be read (%s)", m->paths[c->input], sqlite3_errmsg(m->in[c->input]->db));
            rc = -1;
        }
        sqlite3_finalize(in);
    }
    sqlite3_finalize(src);
    sqlite3_finalize(row);
    if (rc) return -1;
    /* the counting tables: the sums over the sources */
    static const char *const sums =
        "INSERT INTO sessions (day, story, version, started, finished, abandoned) "
        " SELECT day, story, version, sum(CASE kind WHEN 'started' THEN count ELSE 0 END),"
        " sum(CASE kind WHEN 'finished' THEN count ELSE 0 END), sum(CASE kind WHEN 'abandoned' THEN count ELSE 0 END)"
        " FROM source_counts WHERE kind IN ('started', 'finished', 'abandoned') GROUP BY day, story, version;"
        "INSERT INTO languages (story, version, lang, sessions) SELECT story, version, lang, sum(count)"
        " FROM source_counts WHERE kind = 'language' GROUP BY story, version, lang;"
        "INSERT INTO scenes (story, version, scene, sessions) SELECT story, version, scene, sum(count)"
        " FROM source_counts WHERE kind = 'scene' GROUP BY story, version, scene;"
        "INSERT INTO choices (story, version, scene, choice, target, count) SELECT story, version, scene, choice,"
        " max(target), sum(count) FROM source_counts WHERE kind = 'choice' GROUP BY story, version, scene, choice;"
        "INSERT INTO endings (story, version, scene, count) SELECT story, version, scene, sum(count)"
        " FROM source_counts WHERE kind = 'ending' GROUP BY story, version, scene;"
        "COMMIT;";
    return exec(db, sums, why, n);
}

static void short_id(const char *id, char out[13])
{
    snprintf(out, 13, "%.12s", id);
}

int orl_stats_merge(const char *const *inputs, int ninputs, const char *out, FILE *report, FILE *warnings,
                    orl_stats_merge_result *res, char *err, size_t errlen)
{
    char dummy[8];
    if (!err) {
        err = dummy;
        errlen = sizeof dummy;
    }
    err[0] = 0;
    orl_stats_merge_result r0 = {0};
    if (!res) res = &r0;
    memset(res, 0, sizeof *res);
    merge m = {0};
    m.paths = inputs;
    m.n = ninputs;
    m.err = err;
    m.errlen = errlen;
    if (!out || !*out) return fail(&m, "merge", "no output file (-o FILE)");
    if (ninputs < 1) return fail(&m, "merge", "no file to merge");
    m.in = calloc((size_t)ninputs, sizeof *m.in);
    if (!m.in) return fail(&m, out, "out of memory");
    int rc = 0;
    char *tmp = NULL;
    /* the output may replace an earlier merged file, nothing else, and never an input */
    struct stat osb;
    int out_exists = stat(out, &osb) == 0;
    for (int i = 0; i < ninputs && !rc; i++) {
        struct stat isb;
        if (out_exists && stat(inputs[i], &isb) == 0 && isb.st_dev == osb.st_dev && isb.st_ino == osb.st_ino)
            rc = fail(&m, out, "is one of the files to merge (%s): write the merged file elsewhere", inputs[i]);
    }
    if (!rc && out_exists) {
        orl_stats_opts o = {0};
        o.readonly = 1;
        char why[600];
        orl_stats *prev = S_ISREG(osb.st_mode) ? orl_stats_open(out, &o, why, sizeof why) : NULL;
        int merged = prev && prev->merged;
        orl_stats_close(prev);
        if (!merged)
            rc = fail(&m, out, "exists and is not a merged statistics file: give another name (merge only replaces "
                               "a file it made)");
    }
    for (int i = 0; i < ninputs && !rc; i++) rc = read_input(&m, i);
    if (rc) goto done;

    /* for each identity, the copy with the most sessions */
    qsort(m.c, (size_t)m.nc, sizeof *m.c, by_id_then_newest);
    for (int i = 0; i < m.nc;) {
        int j = i + 1;
        while (j < m.nc && strcmp(m.c[j].id, m.c[i].id) == 0) j++;
        cand *w = &m.c[i];
        w->keep = 1;
        res->sources++;
        res->started += w->started;
        res->finished += w->finished;
        res->abandoned += w->abandoned;
        char sid[13];
        short_id(w->id, sid);
        if (report)
            fprintf(report, "kept     %s  %lld started, %lld finished, %lld left  from %s\n", sid, w->started,
                    w->finished, w->abandoned, inputs[w->input]);
        for (int k = i + 1; k < j; k++) {
            cand *c = &m.c[k];
            res->left_out++;
            int d = dominated(&m, c, w);
            if (d < 0) {
                rc = fail(&m, inputs[c->input], "cannot be read (%s)", sqlite3_errmsg(m.in[c->input]->db));
                goto done;
            }
            if (report)
                fprintf(report, "left out %s  %lld started, %lld finished, %lld left  from %s (%s)\n", sid, c->started,
                        c->finished, c->abandoned, inputs[c->input],
                        d && total(c) == total(w) ? "the same copy" : d ? "an older copy" : "a different history");
            if (!d) {
                res->warnings++;
                if (warnings)
                    fprintf(warnings,
                            "%s: warning: holds another history of the same statistics file (identity %s) than %s: "
                            "a kiosk's file copied to another kiosk, or a backup put back? Only %s is counted; the "
                            "sessions only the other holds are not (docs/kiosk.md, \"Several kiosks\")\n",
                            inputs[c->input], sid, inputs[w->input], inputs[w->input]);
            }
        }
        i = j;
    }

    /* a temporary file beside out, renamed over it at the end */
    tmp = orl_format("%s.tmp-XXXXXX", out);
    if (!tmp) {
        rc = fail(&m, out, "out of memory");
        goto done;
    }
    int fd = mkstemp(tmp);
    if (fd < 0) {
        rc = fail(&m, out, "cannot be written (%s)", strerror(errno));
        free(tmp);
        tmp = NULL;
        goto done;
    }
    fchmod(fd, 0644);
    close(fd);
    sqlite3 *db = NULL;
    char why[700] = "";
    if (sqlite3_open_v2(tmp, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        snprintf(why, sizeof why, "%s", db ? sqlite3_errmsg(db) : "out of memory");
        rc = -1;
    } else {
        rc = write_out(&m, db, why, sizeof why);
    }
    if (sqlite3_close(db) != SQLITE_OK && !rc) {
        snprintf(why, sizeof why, "%s", sqlite3_errmsg(db));
        rc = -1;
    }
    if (!rc) {
        /* on the disk before it takes the name */
        fd = open(tmp, O_RDONLY);
        if (fd < 0 || fsync(fd) != 0) {
            snprintf(why, sizeof why, "%s", strerror(errno));
            rc = -1;
        }
        if (fd >= 0) close(fd);
    }
    if (!rc && rename(tmp, out) != 0) {
        snprintf(why, sizeof why, "%s", strerror(errno));
        rc = -1;
    }
    if (rc) {
        fail(&m, out, "cannot be written (%s); nothing was changed", why);
        unlink(tmp);
    } else {
        /* the new name on the disk too */
        char *dir = orl_strdup(out);
        if (dir) {
            char *slash = strrchr(dir, '/');
            if (slash == dir) slash[1] = 0;
            else if (slash) *slash = 0;
            else strcpy(dir, ".");
            int dfd = open(dir, O_RDONLY | O_DIRECTORY);
            if (dfd >= 0) {
                fsync(dfd);
                close(dfd);
            }
            free(dir);
        }
    }
done:
    for (int i = 0; i < ninputs; i++) {
        if (!m.in[i]) continue;
        sqlite3_exec(m.in[i]->db, "COMMIT", NULL, NULL, NULL);
        orl_stats_close(m.in[i]);
    }
    free(m.in);
    free(m.c);
    free(tmp);
    return rc ? -1 : 0;
}
