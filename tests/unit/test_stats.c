/* kiosk/stats: aggregated counters only, thresholds for "how others chose", consent, a
 * damaged or read-only database never crashes anything, CSV that spreadsheets read safely. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "tmpdir.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kiosk/stats.h"
#include "story/consent.h"


static int setup(void **state)
{
    (void)state;
    return tmpdir_make("orl-stats", NULL);
}

static int teardown(void **state)
{
    (void)state;
    tmpdir_remove();
    return 0;
}

#define DAY_2026_03_01 20513 /* days since 1970 */

static orl_stats *fresh(const char *name)
{
    remove(tpath(name));
    char err[512];
    orl_stats_opts o = {.today = DAY_2026_03_01};
    orl_stats *s = orl_stats_open(tpath(name), &o, err, sizeof err);
    if (!s) fprintf(stderr, "open: %s\n", err);
    assert_non_null(s);
    return s;
}

/* Every counter (the small-count rule at 1: tests/e2e and test_small_counts have it at work) */
static char *report(orl_stats *s, int csv, const char *story)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    orl_stats_report_opts o = {.story = story, .min_sessions = 1};
    assert_int_equal(orl_stats_report(s, f, csv, &o), 0);
    fclose(f);
    return buf;
}

/* a session that takes choices 1 then 2 and ends at "end-a" */
static void session(orl_stats *s, const char *story, int c1, int c2, int finish)
{
    assert_int_equal(orl_stats_session_start(s, story, "1.0", "es"), 0);
    orl_stats_step steps[2] = {{"start", c1, c1 == 1 ? "left" : "right"}, {c1 == 1 ? "left" : "right", c2, "end-a"}};
    assert_int_equal(orl_stats_session_end(s, story, "1.0", steps, 2, finish ? "end-a" : "left", finish), 0);
}

static void test_counts(void **state)
{
    (void)state;
    orl_stats *s = fresh("counts.db");
    assert_true(orl_stats_ok(s));
    session(s, "ana", 1, 1, 1);
    session(s, "ana", 1, 2, 1);
    session(s, "ana", 2, 1, 0);
    session(s, "luis", 1, 1, 1);
    orl_stats_summary sum;
    assert_int_equal(orl_stats_summary_of(s, "ana", &sum), 0);
    assert_int_equal(sum.started, 3);
    assert_int_equal(sum.finished, 2);
    assert_int_equal(sum.abandoned, 1);
    assert_int_equal(sum.started_today, 3);
    assert_int_equal(orl_stats_summary_of(s, NULL, &sum), 0);
    assert_int_equal(sum.started, 4);
    assert_int_equal(sum.stories, 2);

    char *csv = report(s, 1, "ana");
    assert_non_null(strstr(csv, "kind,story,version,day,scene,choice,target,lang,count\r\n"));
    assert_non_null(strstr(csv, "started,ana,1.0,2026-03-01,,,,,3\r\n"));
    assert_non_null(strstr(csv, "finished,ana,1.0,2026-03-01,,,,,2\r\n"));
    assert_non_null(strstr(csv, "abandoned,ana,1.0,2026-03-01,,,,,1\r\n"));
    assert_non_null(strstr(csv, "choice,ana,1.0,,start,1,left,,2\r\n"));
    assert_non_null(strstr(csv, "choice,ana,1.0,,start,2,right,,1\r\n"));
    assert_non_null(strstr(csv, "scene,ana,1.0,,start,,,,3\r\n"));
    assert_non_null(strstr(csv, "ending,ana,1.0,,end-a,,,,2\r\n"));
    assert_non_null(strstr(csv, "language,ana,1.0,,,,,es,3\r\n"));
    assert_null(strstr(csv, "luis")); /* --story keeps one story */
    free(csv);

    char *table = report(s, 0, NULL);
    assert_non_null(strstr(table, "ana  version 1.0"));
    assert_non_null(strstr(table, "3 started, 2 finished, 1 left before an ending"));
    assert_non_null(strstr(table, "luis"));
    free(table);
    orl_stats_close(s);
}

static void test_scene_once_per_session(void **state)
{
    (void)state;
    orl_stats *s = fresh("loop.db");
    /* a path through "hub" three times counts "hub" once, each choice each time */
    orl_stats_step steps[3] = {{"hub", 1, "a"}, {"hub", 2, "b"}, {"hub", 1, "a"}};
    assert_int_equal(orl_stats_session_start(s, "st", "1", "en"), 0);
    assert_int_equal(orl_stats_session_end(s, "st", "1", steps, 3, "hub", 0), 0);
    char *csv = report(s, 1, NULL);
    assert_non_null(strstr(csv, "scene,st,1,,hub,,,,1\r\n"));
    assert_non_null(strstr(csv, "choice,st,1,,hub,1,a,,2\r\n"));
    assert_null(strstr(csv, "ending,")); /* left: no ending */
    free(csv);
    orl_stats_close(s);
}

static void test_thresholds(void **state)
{
    (void)state;
    orl_stats *s = fresh("threshold.db");
    orl_stats_share sh[8];
    long long n = -1;
    for (int i = 0; i < 19; i++) session(s, "ana", i % 4 == 0 ? 2 : 1, 1, 1);
    /* 19 sessions at "start": under 20, nothing may be shown */
    assert_int_equal(orl_stats_shares(s, "ana", "1.0", "start", 20, sh, 8, &n), -1);
    assert_int_equal(n, 19);
    session(s, "ana", 1, 1, 1);
    assert_int_equal(orl_stats_shares(s, "ana", "1.0", "start", 20, sh, 8, &n), 2);
    assert_int_equal(n, 20);
    assert_int_equal(sh[0].choice, 1);
    assert_int_equal(sh[0].count, 15);
    assert_int_equal(sh[1].choice, 2);
    assert_int_equal(sh[1].count, 5);
    assert_true(sh[0].share > 0.749 && sh[0].share < 0.751);
    /* "left" was passed by 15 sessions only */
    assert_int_equal(orl_stats_shares(s, "ana", "1.0", "left", 20, sh, 8, &n), -1);
    assert_int_equal(n, 15);
    /* another version is another count */
    assert_int_equal(orl_stats_shares(s, "ana", "2.0", "start", 1, sh, 8, &n), -1);
    /* configurable */
    assert_int_equal(orl_stats_shares(s, "ana", "1.0", "left", 5, sh, 8, &n), 1);
    assert_true(sh[0].share > 0.999);
    orl_stats_close(s);
}

static void test_others_consent(void **state)
{
    (void)state;
    orl_diags d = {0};
    orl_story *st = orl_story_load(ORL_TEST_DATA "/player-basic", NULL, &d);
    assert_non_null(st);
    orl_consent_ctx kiosk = {.deployment = ORL_DEPLOY_KIOSK, .today = DAY_2026_03_01};
    int choose = orl_story_find_scene(st, "choose"), ana = orl_story_find_scene(st, "ana-1"),
        luis = orl_story_find_scene(st, "luis-1");
    assert_true(choose >= 0 && ana >= 0 && luis >= 0);
    assert_true(orl_stats_others_allowed(st, choose, &kiosk)); /* no testimony */
    assert_true(orl_stats_others_allowed(st, ana, &kiosk));    /* consent covers kiosks */
    assert_false(orl_stats_others_allowed(st, luis, &kiosk));  /* online only */
    /* withdrawn: never */
    char item[] = "player-basic/ana-bridge";
    char *items[] = {item};
    orl_withdrawn w = {items, 1, NULL, NULL};
    orl_consent_ctx withdrawn = kiosk;
    withdrawn.withdrawn = &w;
    assert_false(orl_stats_others_allowed(st, ana, &withdrawn));
    /* expired */
    orl_consent_ctx later = kiosk;
    later.today = DAY_2026_03_01 + 365 * 10;
    assert_false(orl_stats_others_allowed(st, ana, &later));
    assert_false(orl_stats_others_allowed(st, -1, &kiosk));
    assert_false(orl_stats_others_allowed(NULL, 0, &kiosk));
    orl_story_free(st);
    orl_diags_free(&d);
}

static void write_file(const char *path, const void *p, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(p, 1, n, f), n);
    fclose(f);
}

static void test_corrupt(void **state)
{
    (void)state;
    const char *p = tpath("garbage.db");
    char junk[8192];
    for (size_t i = 0; i < sizeof junk; i++) junk[i] = (char)(i * 131 + 7);
    write_file(p, junk, sizeof junk);
    char err[512] = "";
    orl_stats *s = orl_stats_open(p, NULL, err, sizeof err);
    assert_null(s);
    assert_non_null(strstr(err, "cannot be read as a statistics database"));
    /* every call is safe with no database */
    assert_int_equal(orl_stats_session_start(NULL, "a", "1", "es"), -1);
    assert_int_equal(orl_stats_session_end(NULL, "a", "1", NULL, 0, NULL, 0), -1);
    assert_int_equal(orl_stats_shares(NULL, "a", "1", "s", 1, NULL, 0, NULL), -1);
    assert_false(orl_stats_ok(NULL));
    orl_stats_close(NULL);
    /* read-only (the stats command): also refused, the file untouched */
    orl_stats_opts ro = {.readonly = 1};
    assert_null(orl_stats_open(p, &ro, err, sizeof err));
    struct stat sb;
    assert_int_equal(stat(p, &sb), 0);
    assert_int_equal(sb.st_size, sizeof junk);
    /* the kiosk: set aside, a new one started, and it says so */
    orl_stats_opts kiosk = {.set_aside_damaged = 1};
    s = orl_stats_open(p, &kiosk, err, sizeof err);
    assert_non_null(s);
    assert_non_null(strstr(orl_stats_problem(s), "damaged-1"));
    assert_non_null(strstr(orl_stats_problem(s), p)); /* which file, for the operator menu */
    assert_int_equal(stat(tpath("garbage.db.damaged-1"), &sb), 0);
    assert_int_equal(sb.st_size, sizeof junk);
    session(s, "ana", 1, 1, 1);
    orl_stats_close(s);

    /* a database cut short (a power cut while copying it to a USB stick) */
    orl_stats *good = fresh("cut.db");
    for (int i = 0; i < 50; i++) session(good, i % 2 ? "ana" : "luis", 1, 2, 1);
    orl_stats_close(good);
    const char *cp = tpath("cut.db");
    assert_int_equal(stat(cp, &sb), 0);
    assert_int_equal(truncate(cp, sb.st_size / 2 + 100), 0);
    s = orl_stats_open(cp, NULL, err, sizeof err);
    if (s) { /* SQLite may still read what is left; then reading must not crash */
        char *r = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&r, &len);
        orl_stats_report(s, f, 1, NULL);
        fclose(f);
        free(r);
        orl_stats_close(s);
    }
    /* an SQLite database that is someone else's */
    sqlite3 *db;
    assert_int_equal(sqlite3_open(tpath("other.db"), &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "CREATE TABLE visitors (name TEXT)", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    assert_null(orl_stats_open(tpath("other.db"), NULL, err, sizeof err));
    assert_non_null(strstr(err, "not Orilla's"));
}

static void test_readonly(void **state)
{
    (void)state;
    char err[512] = "";
    /* a place nobody can write, not even root */
    assert_null(orl_stats_open("/proc/orilla-stats.db", NULL, err, sizeof err));
    assert_true(err[0] != 0);
    assert_null(orl_stats_open(tpath("no/such/folder/s.db"), NULL, err, sizeof err));
    assert_non_null(strstr(err, "cannot be opened"));
    /* the stats command never creates a file */
    orl_stats_opts ro = {.readonly = 1};
    assert_null(orl_stats_open(tpath("absent.db"), &ro, err, sizeof err));
    assert_int_equal(access(tpath("absent.db"), F_OK), -1);
    /* a read-only connection records nothing, and says so without crashing */
    orl_stats *s = fresh("ro.db");
    session(s, "ana", 1, 1, 1);
    orl_stats_close(s);
    s = orl_stats_open(tpath("ro.db"), &ro, err, sizeof err);
    assert_non_null(s);
    assert_false(orl_stats_ok(s));
    assert_int_equal(orl_stats_session_start(s, "ana", "1.0", "es"), -1);
    orl_stats_summary sum;
    assert_int_equal(orl_stats_summary_of(s, NULL, &sum), 0);
    assert_int_equal(sum.started, 1);
    orl_stats_close(s);
    /* a file the kiosk's user may not write (skipped as root, who may write anything) */
    if (geteuid() != 0) {
        chmod(tpath("ro.db"), 0444);
        assert_null(orl_stats_open(tpath("ro.db"), NULL, err, sizeof err));
        assert_non_null(strstr(err, "only be read"));
        chmod(tpath("ro.db"), 0644);
    }
}

static void test_csv_escaping(void **state)
{
    (void)state;
    struct {
        const char *in, *out;
    } cases[] = {
        {"plain", "plain"},
        {"a,b", "\"a,b\""},
        {"say \"hi\"", "\"say \"\"hi\"\"\""},
        {"two\nlines", "\"two\nlines\""},
        {"cr\rhere", "cr\\rhere"},             /* a lone CR is shown, not written raw */
        {"crlf\r\nhere", "\"crlf\r\nhere\""},
        {"esc\x1b[2J", "esc\\x1b[2J"},         /* no escape sequence reaches a terminal */
        {"\r=1", "\\r=1"},
        {"\tx", "\"'\tx\""},
        {"=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""},
        {"+1", "\"'+1\""},
        {"-2", "\"'-2\""},
        {"@cmd", "\"'@cmd\""},
        {"", ""},
        {"año", "año"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        orl_stats_csv_field(f, cases[i].in);
        fclose(f);
        assert_string_equal(buf, cases[i].out);
        free(buf);
    }
    /* through a real report: a hostile story id stays one field */
    orl_stats *s = fresh("csv.db");
    session(s, "=evil,\"id\"\nnext", 1, 1, 1);
    char *csv = report(s, 1, NULL);
    assert_non_null(strstr(csv, "started,\"'=evil,\"\"id\"\"\nnext\",1.0,2026-03-01,,,,,1\r\n"));
    free(csv);
    /* and the table prints control characters as '?' (no terminal escapes) */
    orl_stats_session_start(s, "bad\x1b[2Jid", "1", "es");
    char *table = report(s, 0, NULL);
    assert_null(strchr(table, '\x1b'));
    assert_non_null(strstr(table, "bad?[2Jid"));
    free(table);
    orl_stats_close(s);
}

/* Column names of a table, comma separated. */
static void columns(sqlite3 *db, const char *table, char *out, size_t n)
{
    char sql[128];
    snprintf(sql, sizeof sql, "PRAGMA table_info(%s)", table);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    out[0] = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        size_t l = strlen(out);
        snprintf(out + l, n - l, "%s%s", l ? "," : "", (const char *)sqlite3_column_text(st, 1));
    }
    sqlite3_finalize(st);
}

static void test_schema_is_only_aggregates(void **state)
{
    (void)state;
    orl_stats *s = fresh("schema.db");
    session(s, "ana", 1, 2, 1);
    orl_stats_close(s);
    sqlite3 *db;
    assert_int_equal(sqlite3_open_v2(tpath("schema.db"), &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    /* exactly these tables... */
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master "
                                            "WHERE type = 'table' ORDER BY name)", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0),
                        "choices,endings,languages,meta,scenes,schema_version,sessions");
    sqlite3_finalize(st);
    /* ...with exactly these columns: counters keyed by story, scene and choice; the day only
     * on session counts; no session id, no time, no visitor, no free text */
    char cols[512];
    columns(db, "sessions", cols, sizeof cols);
    assert_string_equal(cols, "day,story,version,started,finished,abandoned");
    columns(db, "choices", cols, sizeof cols);
    assert_string_equal(cols, "story,version,scene,choice,target,count");
    columns(db, "scenes", cols, sizeof cols);
    assert_string_equal(cols, "story,version,scene,sessions");
    columns(db, "endings", cols, sizeof cols);
    assert_string_equal(cols, "story,version,scene,count");
    columns(db, "languages", cols, sizeof cols);
    assert_string_equal(cols, "story,version,lang,sessions");
    columns(db, "schema_version", cols, sizeof cols);
    assert_string_equal(cols, "version");
    /* meta: the file's random identity and its kind, nothing else */
    columns(db, "meta", cols, sizeof cols);
    assert_string_equal(cols, "key,value");
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT group_concat(key, ',') FROM (SELECT key FROM meta ORDER BY key)", -1,
                                        &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "id,kind");
    sqlite3_finalize(st);
    /* no rowid: the order rows were first written (the first visitors' paths) is not kept */
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                                            "name <> 'schema_version' AND sql NOT LIKE '%WITHOUT ROWID%'",
                                        -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 0);
    sqlite3_finalize(st);
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT version FROM schema_version", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), ORL_STATS_SCHEMA_VERSION);
    sqlite3_finalize(st);
    /* WAL, and no journal left holding the last commit's changes */
    assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "wal");
    sqlite3_finalize(st);
    sqlite3_close(db);
    struct stat sb;
    assert_true(stat(tpath("schema.db-wal"), &sb) != 0 || sb.st_size == 0);
}

static void test_wal_truncated_while_open(void **state)
{
    (void)state;
    orl_stats *s = fresh("wal.db");
    session(s, "ana", 1, 2, 1);
    struct stat sb;
    /* still open (the kiosk runs for months): the WAL is empty after each session */
    assert_true(stat(tpath("wal.db-wal"), &sb) != 0 || sb.st_size == 0);
    orl_stats_close(s);
}

static void test_newer_schema_refused(void **state)
{
    (void)state;
    orl_stats *s = fresh("newer.db");
    orl_stats_close(s);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(tpath("newer.db"), &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "UPDATE schema_version SET version = 99", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    char err[512];
    assert_null(orl_stats_open(tpath("newer.db"), NULL, err, sizeof err));
    assert_non_null(strstr(err, "newer Orilla"));
}

static void test_day_string(void **state)
{
    (void)state;
    char d[11];
    orl_stats_day_string(0, d);
    assert_string_equal(d, "1970-01-01");
    orl_stats_day_string(DAY_2026_03_01, d);
    assert_string_equal(d, "2026-03-01");
    orl_stats_day_string(19782, d); /* 2024-02-29 */
    assert_string_equal(d, "2024-02-29");
}

/* ------------------------------------------------------------------ identity, merge */

static const char *id_of(const char *name)
{
    static char id[4][ORL_STATS_ID_LEN + 1];
    static int k;
    k = (k + 1) % 4;
    char err[512];
    orl_stats_opts ro = {.readonly = 1};
    orl_stats *s = orl_stats_open(tpath(name), &ro, err, sizeof err);
    if (!s) fail_msg("%s: %s", name, err);
    snprintf(id[k], sizeof id[k], "%s", orl_stats_id(s));
    orl_stats_close(s);
    return id[k];
}

/* A schema-1 file, as Orilla wrote them before identities. */
static void make_v1(const char *name)
{
    remove(tpath(name));
    sqlite3 *db;
    assert_int_equal(sqlite3_open(tpath(name), &db), SQLITE_OK);
    assert_int_equal(
        sqlite3_exec(db,
                     "CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (1);"
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
                     " sessions INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (story, version, lang)) WITHOUT ROWID;"
                     "INSERT INTO sessions VALUES ('2026-02-01', 'ana', '1.0', 4, 3, 1);",
                     NULL, NULL, NULL),
        SQLITE_OK);
    sqlite3_close(db);
}

static void test_identity(void **state)
{
    (void)state;
    orl_stats *a = fresh("id-a.db"), *b = fresh("id-b.db");
    const char *ia = orl_stats_id(a);
    assert_int_equal(strlen(ia), ORL_STATS_ID_LEN);
    assert_int_equal(strspn(ia, "0123456789abcdef"), ORL_STATS_ID_LEN);
    assert_string_not_equal(ia, orl_stats_id(b)); /* random: two files, two identities */
    assert_false(orl_stats_is_merged(a));
    char keep[ORL_STATS_ID_LEN + 1];
    snprintf(keep, sizeof keep, "%s", ia);
    orl_stats_close(a);
    orl_stats_close(b);
    /* made once: opening it again keeps it */
    assert_string_equal(id_of("id-a.db"), keep);
    char err[512];
    a = orl_stats_open(tpath("id-a.db"), NULL, err, sizeof err);
    assert_non_null(a);
    assert_string_equal(orl_stats_id(a), keep);
    orl_stats_close(a);
    /* an older file: read as it is, given an identity when a kiosk opens it (counts kept) */
    make_v1("v1.db");
    assert_string_equal(id_of("v1.db"), "");
    a = orl_stats_open(tpath("v1.db"), NULL, err, sizeof err);
    assert_non_null(a);
    assert_int_equal(strlen(orl_stats_id(a)), ORL_STATS_ID_LEN);
    orl_stats_summary sum;
    assert_int_equal(orl_stats_summary_of(a, NULL, &sum), 0);
    assert_int_equal(sum.started, 4);
    snprintf(keep, sizeof keep, "%s", orl_stats_id(a));
    orl_stats_close(a);
    assert_string_equal(id_of("v1.db"), keep);
}

static void test_percent5(void **state)
{
    (void)state;
    struct {
        long long count, total;
        int want;
    } cases[] = {
        {0, 0, 0},    {0, 20, 0},   {20, 20, 100}, {10, 20, 50},  {15, 20, 75},  {1, 20, 5},   {7, 20, 35},
        {1, 3, 35},   {2, 3, 65},   {1, 7, 15},    {1, 8, 15},    {1, 9, 10},    {1, 40, 5},    {1, 1000, 5}, /* never 0 */
        {999, 1000, 95}, {39, 40, 95}, /* never 100 when someone chose otherwise */
        {9, 40, 25},  {11, 40, 30}, {5, 40, 15},   {3, 40, 10},   {47, 100, 45}, {48, 100, 50}, {52, 100, 50},
        {53, 100, 55},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        int got = orl_stats_percent5(cases[i].count, cases[i].total);
        if (got != cases[i].want)
            fail_msg("percent5(%lld, %lld) = %d, want %d", cases[i].count, cases[i].total, got, cases[i].want);
        assert_int_equal(got % 5, 0);
    }
    /* and what "how others chose" hands to the screen */
    orl_stats *s = fresh("pct.db");
    for (int i = 0; i < 23; i++) session(s, "ana", i < 8 ? 2 : 1, 1, 1); /* 15 of 23 chose 1: 65.2 % */
    orl_stats_share sh[4];
    assert_int_equal(orl_stats_shares(s, "ana", "1.0", "start", 20, sh, 4, NULL), 2);
    assert_int_equal(sh[0].percent, 65);
    assert_int_equal(sh[1].percent, 35);
    orl_stats_close(s);
}

static long long count_of(const char *name, const char *sql)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open_v2(tpath(name), &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    long long v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

static char *csv_of(const char *name)
{
    char err[512];
    orl_stats_opts ro = {.readonly = 1};
    orl_stats *s = orl_stats_open(tpath(name), &ro, err, sizeof err);
    if (!s) fail_msg("%s: %s", name, err);
    char *r = report(s, 1, NULL);
    orl_stats_close(s);
    return r;
}

static int merge(const char *const *names, int n, const char *out, char *err, size_t errlen, orl_stats_merge_result *res,
                 char **warnings)
{
    const char *paths[16];
    static char buf[16][512];
    for (int i = 0; i < n; i++) {
        snprintf(buf[i], sizeof buf[i], "%s", tpath(names[i]));
        paths[i] = buf[i];
    }
    char *w = NULL;
    size_t wl = 0;
    FILE *wf = open_memstream(&w, &wl);
    int rc = orl_stats_merge(paths, n, tpath(out), NULL, wf, res, err, errlen);
    fclose(wf);
    if (warnings) *warnings = w;
    else free(w);
    return rc;
}

/* No temporary file left beside the output. */
static void no_temp_files(void)
{
    DIR *d = opendir(tmpdir);
    assert_non_null(d);
    struct dirent *e;
    while ((e = readdir(d)))
        if (strstr(e->d_name, ".tmp-")) fail_msg("a temporary file was left: %s", e->d_name);
    closedir(d);
}

static void test_merge(void **state)
{
    (void)state;
    /* kiosk A: 1 session (copied then as a-old.db), then 2 more; kiosk B: 2 sessions */
    orl_stats *a = fresh("a.db");
    session(a, "ana", 1, 1, 1);
    orl_stats_close(a);
    copy_file(tpath("a.db"), tpath("a-old.db"));
    char err[700];
    orl_stats_opts day = {.today = DAY_2026_03_01};
    a = orl_stats_open(tpath("a.db"), &day, err, sizeof err);
    assert_non_null(a);
    session(a, "ana", 2, 1, 0);
    session(a, "luis", 1, 2, 1);
    orl_stats_close(a);
    orl_stats *b = fresh("b.db");
    session(b, "ana", 1, 2, 1);
    session(b, "ana", 1, 1, 1);
    orl_stats_close(b);
    assert_string_equal(id_of("a.db"), id_of("a-old.db"));

    /* A + B, by hand: what every way of merging must give */
    orl_stats_merge_result res;
    const char *ab[] = {"a.db", "b.db"};
    assert_int_equal(merge(ab, 2, "ab.db", err, sizeof err, &res, NULL), 0);
    assert_int_equal(res.sources, 2);
    assert_int_equal(res.left_out, 0);
    assert_int_equal(res.started, 5);
    assert_int_equal(res.finished, 4);
    assert_int_equal(res.abandoned, 1);
    char *want = csv_of("ab.db");
    assert_non_null(strstr(want, "started,ana,1.0,2026-03-01,,,,,4\r\n"));
    assert_non_null(strstr(want, "choice,ana,1.0,,start,1,left,,3\r\n"));
    assert_non_null(strstr(want, "scene,ana,1.0,,start,,,,4\r\n"));
    assert_non_null(strstr(want, "started,luis,1.0,2026-03-01,,,,,1\r\n"));
    assert_string_not_equal(id_of("ab.db"), id_of("a.db"));
    /* a merged file is read like any other, and no kiosk may record into it */
    orl_stats *m = orl_stats_open(tpath("ab.db"), NULL, err, sizeof err);
    assert_null(m);
    assert_non_null(strstr(err, "merged"));

    /* the same file twice, an older copy, in any order: counted once */
    const char *twice[] = {"b.db", "a-old.db", "a.db", "b.db", "a.db"};
    assert_int_equal(merge(twice, 5, "t.db", err, sizeof err, &res, NULL), 0);
    assert_int_equal(res.sources, 2);
    assert_int_equal(res.left_out, 3);
    assert_int_equal(res.warnings, 0);
    char *got = csv_of("t.db");
    assert_string_equal(got, want);
    free(got);

    /* merged files merge again: (A-old + B) + A = A + B, and so does (A + B) + (A-old + B) + B */
    const char *first[] = {"a-old.db", "b.db"};
    assert_int_equal(merge(first, 2, "m1.db", err, sizeof err, &res, NULL), 0);
    assert_int_equal(res.started, 3);
    const char *second[] = {"m1.db", "a.db"};
    assert_int_equal(merge(second, 2, "m2.db", err, sizeof err, &res, NULL), 0);
    assert_int_equal(res.sources, 2);
    assert_int_equal(res.left_out, 1);
    got = csv_of("m2.db");
    assert_string_equal(got, want);
    free(got);
    const char *third[] = {"m2.db", "m1.db", "b.db"};
    assert_int_equal(merge(third, 3, "m3.db", err, sizeof err, &res, NULL), 0);
    got = csv_of("m3.db");
    assert_string_equal(got, want);
    free(got);
    /* the merged file says which files it holds, with their counts at the time */
    sqlite3 *db;
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_open_v2(tpath("m3.db"), &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT id, started, finished, abandoned FROM sources ORDER BY started", -1,
                                        &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), id_of("b.db"));
    assert_int_equal(sqlite3_column_int(st, 1), 2);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), id_of("a.db"));
    assert_int_equal(sqlite3_column_int(st, 1), 3);
    assert_int_equal(sqlite3_column_int(st, 3), 1);
    assert_int_equal(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);
    sqlite3_close(db);

    /* a kiosk's file copied to another kiosk: two histories under one identity, reported */
    copy_file(tpath("b.db"), tpath("b-clone.db"));
    b = orl_stats_open(tpath("b-clone.db"), &day, err, sizeof err);
    assert_non_null(b);
    session(b, "ana", 2, 2, 1);
    orl_stats_close(b);
    b = orl_stats_open(tpath("b.db"), &day, err, sizeof err);
    session(b, "ana", 1, 1, 0);
    session(b, "ana", 1, 1, 0);
    orl_stats_close(b);
    const char *clone[] = {"b.db", "b-clone.db"};
    char *warn = NULL;
    assert_int_equal(merge(clone, 2, "clone.db", err, sizeof err, &res, &warn), 0);
    assert_int_equal(res.warnings, 1);
    assert_int_equal(res.started, 4); /* b.db: the larger */
    assert_non_null(strstr(warn, "b-clone.db: warning: holds another history"));
    free(warn);
    free(want);
    no_temp_files();
}

static void test_merge_errors(void **state)
{
    (void)state;
    orl_stats *a = fresh("e-a.db");
    session(a, "ana", 1, 1, 1);
    orl_stats_close(a);
    char err[700];
    orl_stats_merge_result res;
    /* the output may not be an input (not even under another name) */
    const char *in[] = {"e-a.db"};
    assert_int_equal(merge(in, 1, "e-a.db", err, sizeof err, &res, NULL), -1);
    assert_non_null(strstr(err, "is one of the files to merge"));
    assert_int_equal(symlink(tpath("e-a.db"), tpath("e-link.db")), 0);
    assert_int_equal(merge(in, 1, "e-link.db", err, sizeof err, &res, NULL), -1);
    assert_non_null(strstr(err, "is one of the files to merge"));
    /* nor any file it did not make: a kiosk's database, anything else */
    a = fresh("e-kiosk.db");
    orl_stats_close(a);
    assert_int_equal(merge(in, 1, "e-kiosk.db", err, sizeof err, &res, NULL), -1);
    assert_non_null(strstr(err, "e-kiosk.db: exists and is not a merged statistics file"));
    write_file(tpath("notes.txt"), "notes", 5);
    assert_int_equal(merge(in, 1, "notes.txt", err, sizeof err, &res, NULL), -1);
    struct stat sb;
    assert_int_equal(stat(tpath("notes.txt"), &sb), 0);
    assert_int_equal(sb.st_size, 5);
    /* an earlier merged file is replaced */
    assert_int_equal(merge(in, 1, "e-out.db", err, sizeof err, &res, NULL), 0);
    assert_int_equal(merge(in, 1, "e-out.db", err, sizeof err, &res, NULL), 0);
    /* a bad input: nothing written, the earlier output untouched, the file named */
    char *before = csv_of("e-out.db");
    const char *bad[][2] = {{"e-a.db", "missing.db"}, {"e-a.db", "notes.txt"}, {"e-a.db", "v1-old.db"}};
    make_v1("v1-old.db");
    const char *why[] = {"missing.db: cannot be read", "notes.txt: cannot be read as a statistics database",
                         "v1-old.db: has no identity"};
    for (int i = 0; i < 3; i++) {
        assert_int_equal(merge(bad[i], 2, "e-out.db", err, sizeof err, &res, NULL), -1);
        if (!strstr(err, why[i])) fail_msg("got '%s', want '%s'", err, why[i]);
        char *after = csv_of("e-out.db");
        assert_string_equal(after, before);
        free(after);
        assert_int_equal(merge(bad[i], 2, "e-new.db", err, sizeof err, &res, NULL), -1);
        assert_int_equal(access(tpath("e-new.db"), F_OK), -1);
    }
    free(before);
    /* an output folder that does not exist */
    assert_int_equal(merge(in, 1, "no/such/dir/out.db", err, sizeof err, &res, NULL), -1);
    assert_non_null(strstr(err, "cannot be written"));
    /* a merged file whose sources were tampered with */
    sqlite3 *db;
    assert_int_equal(sqlite3_open(tpath("e-out.db"), &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "UPDATE sources SET id = '../../etc'", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    const char *tampered[] = {"e-out.db"};
    assert_int_equal(merge(tampered, 1, "e-t.db", err, sizeof err, &res, NULL), -1);
    assert_non_null(strstr(err, "e-out.db: damaged"));
    no_temp_files();
}

/* ------------------------------------------------------------------ the clock */

static void test_clock_backwards(void **state)
{
    (void)state;
    orl_stats *s = fresh("clock.db");
    /* a session begins on 03-05 (a clock running ahead), the clock is put right to 03-01 before
     * it ends: its end is counted on the day it began, so no day has more ends than starts */
    orl_stats_set_today(s, DAY_2026_03_01 + 4);
    assert_int_equal(orl_stats_session_start(s, "ana", "1.0", "es"), 0);
    orl_stats_set_today(s, DAY_2026_03_01);
    orl_stats_step steps[1] = {{"start", 1, "left"}};
    assert_int_equal(orl_stats_session_end(s, "ana", "1.0", steps, 1, "end-a", 1), 0);
    /* the next sessions are on the corrected day, the earlier day's row is untouched */
    session(s, "ana", 1, 1, 1);
    session(s, "ana", 1, 1, 0);
    /* and back again to a day already written (an NTP jump back over midnight) */
    orl_stats_set_today(s, DAY_2026_03_01 - 1);
    session(s, "ana", 2, 1, 1);
    orl_stats_set_today(s, DAY_2026_03_01);
    session(s, "ana", 2, 1, 1);
    char *csv = report(s, 1, NULL);
    assert_non_null(strstr(csv, "started,ana,1.0,2026-03-05,,,,,1\r\n"));
    assert_non_null(strstr(csv, "finished,ana,1.0,2026-03-05,,,,,1\r\n"));
    assert_non_null(strstr(csv, "started,ana,1.0,2026-03-01,,,,,3\r\n"));
    assert_non_null(strstr(csv, "finished,ana,1.0,2026-03-01,,,,,2\r\n"));
    assert_non_null(strstr(csv, "abandoned,ana,1.0,2026-03-01,,,,,1\r\n"));
    assert_non_null(strstr(csv, "started,ana,1.0,2026-02-28,,,,,1\r\n"));
    assert_non_null(strstr(csv, "finished,ana,1.0,2026-02-28,,,,,1\r\n"));
    free(csv);
    /* the days, in order, and totals that add up */
    char *table = report(s, 0, NULL);
    assert_non_null(strstr(table, "5 started, 4 finished, 1 left before an ending (3 days, 2026-02-28 to 2026-03-05)"));
    free(table);
    orl_stats_summary sum;
    assert_int_equal(orl_stats_summary_of(s, NULL, &sum), 0);
    assert_int_equal(sum.started_today, 3);
    assert_int_equal(sum.started, sum.finished + sum.abandoned);
    /* a clock before 1970 (a flat RTC battery on some boards): still a day, still counted */
    orl_stats_set_today(s, -3);
    session(s, "ana", 1, 1, 1);
    assert_int_equal(orl_stats_summary_of(s, NULL, &sum), 0);
    assert_int_equal(sum.started, 6);
    orl_stats_close(s);
}

/* ------------------------------------------------------------------ faults */

/* kill -9 while sessions are being written: the child reports each session whose end was
 * committed (a byte down a pipe) and is killed at a random moment; every reported session is
 * in the database, at most one more (committed, not yet reported), and every ended session is
 * whole: its two choices are counted with it (one transaction). */
static void test_kill9(void **state)
{
    (void)state;
    char p[512]; /* path_of's buffers are reused */
    snprintf(p, sizeof p, "%s", tpath("kill.db"));
    remove(p);
    long reported = 0;
    long long open_before = 0;
    srand((unsigned)time(NULL));
    for (int round = 0; round < 8; round++) {
        int fds[2];
        assert_int_equal(pipe(fds), 0);
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            close(fds[0]);
            orl_stats_opts o = {.today = DAY_2026_03_01, .set_aside_damaged = 1};
            char err[512];
            orl_stats *s = orl_stats_open(p, &o, err, sizeof err);
            if (!s) _exit(3);
            orl_stats_step steps[2] = {{"start", 1, "left"}, {"left", 2, "end-a"}};
            for (;;) {
                if (orl_stats_session_start(s, "ana", "1.0", "es") != 0) _exit(4);
                if (orl_stats_session_end(s, "ana", "1.0", steps, 2, "end-a", 1) != 0) _exit(5);
                if (write(fds[1], "x", 1) != 1) _exit(6);
            }
        }
        close(fds[1]);
        /* let it write a while: until some sessions are in, plus a random moment */
        char buf[4096];
        long got = 0;
        while (got < 3) {
            ssize_t n = read(fds[0], buf, sizeof buf);
            assert_true(n > 0);
            got += n;
        }
        struct timespec ts = {0, (long)(rand() % 200) * 1000000L};
        nanosleep(&ts, NULL);
        kill(pid, SIGKILL);
        int status;
        assert_int_equal(waitpid(pid, &status, 0), pid);
        assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
        ssize_t n;
        while ((n = read(fds[0], buf, sizeof buf)) > 0) got += n;
        close(fds[0]);
        reported += got;
        /* opens cleanly, as the kiosk opens it (quick_check; nothing set aside) */
        char err[512];
        orl_stats_opts o = {.today = DAY_2026_03_01, .set_aside_damaged = 1};
        orl_stats *s = orl_stats_open(p, &o, err, sizeof err);
        if (!s) fail_msg("round %d: %s", round, err);
        assert_string_equal(orl_stats_problem(s), "");
        orl_stats_summary sum;
        assert_int_equal(orl_stats_summary_of(s, NULL, &sum), 0);
        if (sum.finished < reported || sum.finished > reported + 1)
            fail_msg("round %d: %ld sessions reported committed, %lld in the database (%ld this round)", round,
                     reported, sum.finished, got);
        /* begun and not ended: those of the rounds before, and at most the one killed now */
        long long open_now = sum.started - sum.finished;
        assert_true(open_now == open_before || open_now == open_before + 1);
        open_before = open_now;
        orl_stats_share sh[4];
        long long at = 0;
        assert_int_equal(orl_stats_shares(s, "ana", "1.0", "left", 1, sh, 4, &at), 1);
        assert_int_equal(sh[0].count, sum.finished); /* each ended session's choice, no more, no less */
        assert_int_equal(at, sum.finished);
        /* the next round goes on from what is there (a session begun and not ended stays begun) */
        reported = sum.finished;
        orl_stats_close(s);
        assert_int_equal(access(tpath("kill.db.damaged-1"), F_OK), -1);
    }
}

/* A full disk, made with RLIMIT_FSIZE (SIGXFSZ ignored: writes fail with EFBIG, as with
 * ENOSPC): every write fails cleanly and is logged with its real cause (not "cannot rollback
 * - no transaction is active"), once per session (its start fails; its end is then not tried:
 * never an end without its start); statistics count as off after ORL_STATS_MAX_FAILURES
 * sessions, and each later session still tries, logged once (then at most every
 * ORL_STATS_QUIET_SECONDS); once there is room again (the limit raised), the very next session
 * is recorded and statistics are back on, without a restart; the file is sound and holds
 * what it held plus the sessions recorded after. */
static void test_full_disk(void **state)
{
    (void)state;
    orl_stats *s = fresh("full.db");
    session(s, "ana", 1, 1, 1);
    orl_stats_close(s);
    char *before = csv_of("full.db");
    /* a connection holds the file open: its -shm (32 kB, past the limit) stays as it is */
    sqlite3 *hold;
    assert_int_equal(sqlite3_open(tpath("full.db"), &hold), SQLITE_OK);
    assert_int_equal(sqlite3_exec(hold, "SELECT count(*) FROM sessions", NULL, NULL, NULL), SQLITE_OK);
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(fds[0]);
        dup2(fds[1], 2);
        signal(SIGXFSZ, SIG_IGN);
        struct rlimit rl = {4096, RLIM_INFINITY};
        if (setrlimit(RLIMIT_FSIZE, &rl) != 0) _exit(3);
        char err[512];
        orl_stats_opts o = {.today = DAY_2026_03_01, .set_aside_damaged = 1};
        orl_stats *c = orl_stats_open(tpath("full.db"), &o, err, sizeof err);
        if (!c) {
            fprintf(stderr, "open: %s\n", err);
            _exit(4);
        }
        int fails = 0;
        for (int i = 0; i < 8; i++) {
            orl_stats_step steps[1] = {{"start", 2, "right"}};
            fails += orl_stats_session_start(c, "ana", "1.0", "en") != 0;
            fails += orl_stats_session_end(c, "ana", "1.0", steps, 1, "right", 0) != 0;
        }
        /* off after ORL_STATS_MAX_FAILURES sessions */
        int ok = orl_stats_ok(c);
        fprintf(stderr, "fails=%d ok=%d\n", fails, ok);
        /* still full: each session tries, none is recorded */
        int back = 0;
        for (int i = 0; i < 10; i++) back += orl_stats_session_start(c, "ana", "1.0", "en") == 0;
        int ok2 = orl_stats_ok(c);
        /* room again: the very next session is recorded */
        rl.rlim_cur = RLIM_INFINITY;
        if (setrlimit(RLIMIT_FSIZE, &rl) != 0) _exit(6);
        int i = 0;
        while (i < 20 && orl_stats_session_start(c, "ana", "1.0", "en") != 0) i++;
        orl_stats_step steps[1] = {{"start", 2, "right"}};
        int ended = orl_stats_session_end(c, "ana", "1.0", steps, 1, "right", 1) == 0;
        int again = orl_stats_session_start(c, "ana", "1.0", "en") == 0 &&
                    orl_stats_session_end(c, "ana", "1.0", steps, 1, "right", 1) == 0;
        fprintf(stderr, "full=%d ok2=%d waited=%d ended=%d again=%d ok3=%d\n", back, ok2, i, ended, again,
                orl_stats_ok(c));
        orl_stats_close(c);
        _exit(fails == 16 && !ok && back == 0 && !ok2 && i == 0 && ended && again ? 0 : 5);
    }
    close(fds[1]);
    char out[8192];
    size_t len = 0;
    ssize_t n;
    while (len < sizeof out - 1 && (n = read(fds[0], out + len, sizeof out - 1 - len)) > 0) len += (size_t)n;
    out[len] = 0;
    close(fds[0]);
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) fail_msg("the child: status %d, said:\n%s", status, out);
    assert_non_null(strstr(out, "could not record a session"));
    assert_non_null(strstr(out, "statistics are off for now"));
    assert_non_null(strstr(out, "statistics are still off"));
    assert_non_null(strstr(out, "statistics are back on"));
    assert_non_null(strstr(out, "fails=16 ok=0"));
    /* the cause, not what a rollback after it said */
    assert_null(strstr(out, "no transaction is active"));
    assert_non_null(strstr(out, "disk I/O error (File too large)"));
    /* one line per failed session (5 until off), not one per write; "still off" once for
     * the 13 sessions after (the rest within ORL_STATS_QUIET_SECONDS); back on says how many
     * were lost */
    int lines = 0, still = 0;
    for (const char *p = out; (p = strstr(p, "could not record")); p++) lines++;
    for (const char *p = out; (p = strstr(p, "statistics are still off")); p++) still++;
    if (lines != ORL_STATS_MAX_FAILURES || still != 1) fail_msg("%d 'could not record', %d 'still off':\n%s", lines, still, out);
    assert_non_null(strstr(out, "13 sessions were not recorded meanwhile"));
    sqlite3_close(hold);
    /* room again: sound, and what it held */
    char err[512];
    orl_stats_opts o = {.today = DAY_2026_03_01, .set_aside_damaged = 1};
    s = orl_stats_open(tpath("full.db"), &o, err, sizeof err);
    assert_non_null(s);
    assert_string_equal(orl_stats_problem(s), "");
    orl_stats_close(s);
    /* what it held, and the two sessions recorded once there was room */
    assert_int_equal(count_of("full.db", "SELECT sum(started) FROM sessions"), 3);
    assert_int_equal(count_of("full.db", "SELECT sum(finished) FROM sessions"), 3);
    char *after = csv_of("full.db");
    assert_string_not_equal(after, before);
    free(after);
    free(before);
}

/* ------------------------------------------------------------------ SVG */

static void test_svg(void **state)
{
    (void)state;
    orl_stats *s = fresh("svg.db");
    for (int i = 0; i < 24; i++) session(s, "ana", i % 3 ? 1 : 2, i % 2 ? 1 : 2, i % 5 != 0);
    /* hostile ids: markup, quotes, a control character, broken UTF-8 */
    orl_stats_step steps[1] = {{"<b>x</b>&\"'", 1, "t\x1b[2J\xff"}};
    for (int i = 0; i < 3; i++) {
        orl_stats_session_start(s, "<script>alert(1)</script>", "1&2", "es");
        orl_stats_session_end(s, "<script>alert(1)</script>", "1&2", steps, 1, "end\x01", 1);
    }
    char *svg = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&svg, &len);
    orl_stats_report_opts ro = {.min_sessions = 20};
    assert_int_equal(orl_stats_svg(s, f, &ro), 0);
    fclose(f);
    orl_stats_close(s);
    if (getenv("ORL_SVG_DUMP")) fputs(svg, stderr);
    assert_non_null(strstr(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"210mm\""));
    assert_null(strstr(svg, "<script"));
    assert_null(strstr(svg, "<b>"));
    assert_null(strchr(svg, '\x1b'));
    assert_null(strchr(svg, '\x01'));
    assert_null(strstr(svg, "\xff"));
    assert_non_null(strstr(svg, "&lt;script&gt;alert(1)&lt;/script&gt;, version 1&amp;2"));
    /* 24 sessions passed "start": shares; "left" (18) and the hostile scene (3) are held
     * back whole: not even their ids (a list of them would spell out paths) */
    assert_non_null(strstr(svg, "scene start"));
    assert_non_null(strstr(svg, "choice 1 \xE2\x86\x92 left"));
    assert_null(strstr(svg, "scene left"));
    assert_null(strstr(svg, "choice 1 \xE2\x86\x92 end-a"));
    assert_null(strstr(svg, "&lt;b&gt;x"));
    assert_non_null(strstr(svg, "2 more decisions, each passed by fewer than 20 sessions, are not shown"));
    assert_non_null(strstr(svg, "Sessions per day"));
    assert_non_null(strstr(svg, "Endings reached"));
    assert_non_null(strstr(svg, "Languages"));
    /* well-formed XML, as an XML parser sees it (python3's, when there is one) */
    const char *p = tpath("chart.svg");
    write_file(p, svg, len);
    free(svg);
    if (system("command -v python3 >/dev/null 2>&1") != 0) {
        print_message("python3 not found: the SVG was checked by the assertions above only\n");
        return;
    }
    char cmd[1024];
    snprintf(cmd, sizeof cmd,
             "python3 -c \"import sys, xml.etree.ElementTree as E; r = E.parse(sys.argv[1]).getroot(); "
             "assert r.tag == '{http://www.w3.org/2000/svg}svg', r.tag; "
             "t = [x.text or '' for x in r.iter('{http://www.w3.org/2000/svg}text')]; "
             "assert any('<script>' in x for x in t), 'the story id is lost'\" '%s'",
             p);
    assert_int_equal(system(cmd), 0);
    /* and a broken document is caught by the same check (the check can fail) */
    write_file(p, "<svg><text>a & b</text></svg>", 29);
    size_t l = strlen(cmd);
    snprintf(cmd + l, sizeof cmd - l, " 2>/dev/null");
    assert_int_not_equal(system(cmd), 0);
}

/* One visitor through a small story: no output (text, CSV, SVG) spells out their path. Their
 * scenes (each passed by 1 session) are held back whole at the rule's floor of 5: not one
 * scene id of the path appears, and each output says how many were held back. */
static void test_small_counts(void **state)
{
    (void)state;
    orl_stats *s = fresh("one.db");
    orl_stats_step steps[3] = {{"puente", 2, "rio-de-noche"}, {"rio-de-noche", 1, "la-otra-orilla"},
                               {"la-otra-orilla", 3, "fin-quito"}};
    assert_int_equal(orl_stats_session_start(s, "uno", "1.0", "es"), 0);
    assert_int_equal(orl_stats_session_end(s, "uno", "1.0", steps, 3, "fin-quito", 1), 0);
    static const char *const path[] = {"puente", "rio-de-noche", "la-otra-orilla", "fin-quito"};
    orl_stats_report_opts o = {.min_sessions = 5};
    for (int kind = 0; kind < 3; kind++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        assert_int_equal(kind < 2 ? orl_stats_report(s, f, kind, &o) : orl_stats_svg(s, f, &o), 0);
        fclose(f);
        for (int i = 0; i < 4; i++)
            if (strstr(buf, path[i])) fail_msg("output %d names '%s' of one visitor's path:\n%s", kind, path[i], buf);
        assert_non_null(strstr(buf, kind == 1 ? "held-back-scenes,uno,1.0,,,,,,4" : kind == 0 ? "3 more decisions held back"
                                                                                        : "3 more decisions"));
        assert_non_null(strstr(buf, "uno")); /* the story and its session are still counted */
        free(buf);
    }
    /* at 1 (rehearsals, tests) everything is there */
    o.min_sessions = 1;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_int_equal(orl_stats_report(s, f, 1, &o), 0);
    fclose(f);
    for (int i = 0; i < 4; i++) assert_non_null(strstr(buf, path[i]));
    free(buf);
    orl_stats_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_small_counts),
        cmocka_unit_test(test_counts),
        cmocka_unit_test(test_scene_once_per_session),
        cmocka_unit_test(test_thresholds),
        cmocka_unit_test(test_others_consent),
        cmocka_unit_test(test_corrupt),
        cmocka_unit_test(test_readonly),
        cmocka_unit_test(test_csv_escaping),
        cmocka_unit_test(test_schema_is_only_aggregates),
        cmocka_unit_test(test_wal_truncated_while_open),
        cmocka_unit_test(test_newer_schema_refused),
        cmocka_unit_test(test_day_string),
        cmocka_unit_test(test_identity),
        cmocka_unit_test(test_percent5),
        cmocka_unit_test(test_merge),
        cmocka_unit_test(test_merge_errors),
        cmocka_unit_test(test_clock_backwards),
        cmocka_unit_test(test_kill9),
        cmocka_unit_test(test_full_disk),
        cmocka_unit_test(test_svg),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
