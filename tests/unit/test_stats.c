/* kiosk/stats: aggregated counters only, thresholds for "how others chose", consent, a
 * damaged or read-only database never crashes anything, CSV that spreadsheets read safely. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ftw.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kiosk/stats.h"
#include "story/consent.h"

static char tmpdir[256];

static int rm_cb(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb; (void)flag; (void)ftw;
    return remove(p);
}

static int setup(void **state)
{
    (void)state;
    const char *t = getenv("TMPDIR");
    snprintf(tmpdir, sizeof tmpdir, "%s/orl-stats-XXXXXX", t && *t ? t : "/tmp");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    nftw(tmpdir, rm_cb, 16, FTW_DEPTH | FTW_PHYS);
    return 0;
}

static const char *path_of(const char *name)
{
    static char buf[4][512];
    static int k;
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%s/%s", tmpdir, name);
    return buf[k];
}

#define DAY_2026_03_01 20513 /* days since 1970 */

static orl_stats *fresh(const char *name)
{
    remove(path_of(name));
    char err[512];
    orl_stats_opts o = {.today = DAY_2026_03_01};
    orl_stats *s = orl_stats_open(path_of(name), &o, err, sizeof err);
    if (!s) fprintf(stderr, "open: %s\n", err);
    assert_non_null(s);
    return s;
}

static char *report(orl_stats *s, int csv, const char *story)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_int_equal(orl_stats_report(s, f, csv, story), 0);
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
    const char *p = path_of("garbage.db");
    char junk[8192];
    for (size_t i = 0; i < sizeof junk; i++) junk[i] = (char)(i * 131 + 7);
    write_file(p, junk, sizeof junk);
    char err[512] = "";
    orl_stats *s = orl_stats_open(p, NULL, err, sizeof err);
    assert_null(s);
    assert_non_null(strstr(err, "garbage.db"));
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
    assert_int_equal(stat(path_of("garbage.db.damaged-1"), &sb), 0);
    assert_int_equal(sb.st_size, sizeof junk);
    session(s, "ana", 1, 1, 1);
    orl_stats_close(s);

    /* a database cut short (a power cut while copying it to a USB stick) */
    orl_stats *good = fresh("cut.db");
    for (int i = 0; i < 50; i++) session(good, i % 2 ? "ana" : "luis", 1, 2, 1);
    orl_stats_close(good);
    const char *cp = path_of("cut.db");
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
    assert_int_equal(sqlite3_open(path_of("other.db"), &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "CREATE TABLE visitors (name TEXT)", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    assert_null(orl_stats_open(path_of("other.db"), NULL, err, sizeof err));
    assert_non_null(strstr(err, "not Orilla's"));
}

static void test_readonly(void **state)
{
    (void)state;
    char err[512] = "";
    /* a place nobody can write, not even root */
    assert_null(orl_stats_open("/proc/orilla-stats.db", NULL, err, sizeof err));
    assert_true(err[0] != 0);
    assert_null(orl_stats_open(path_of("no/such/folder/s.db"), NULL, err, sizeof err));
    assert_non_null(strstr(err, "cannot open"));
    /* the stats command never creates a file */
    orl_stats_opts ro = {.readonly = 1};
    assert_null(orl_stats_open(path_of("absent.db"), &ro, err, sizeof err));
    assert_int_equal(access(path_of("absent.db"), F_OK), -1);
    /* a read-only connection records nothing, and says so without crashing */
    orl_stats *s = fresh("ro.db");
    session(s, "ana", 1, 1, 1);
    orl_stats_close(s);
    s = orl_stats_open(path_of("ro.db"), &ro, err, sizeof err);
    assert_non_null(s);
    assert_false(orl_stats_ok(s));
    assert_int_equal(orl_stats_session_start(s, "ana", "1.0", "es"), -1);
    orl_stats_summary sum;
    assert_int_equal(orl_stats_summary_of(s, NULL, &sum), 0);
    assert_int_equal(sum.started, 1);
    orl_stats_close(s);
    /* a file the kiosk's user may not write (skipped as root, who may write anything) */
    if (geteuid() != 0) {
        chmod(path_of("ro.db"), 0444);
        assert_null(orl_stats_open(path_of("ro.db"), NULL, err, sizeof err));
        assert_non_null(strstr(err, "only be read"));
        chmod(path_of("ro.db"), 0644);
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
        {"cr\rhere", "\"cr\rhere\""},
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
    assert_int_equal(sqlite3_open_v2(path_of("schema.db"), &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    /* exactly these tables... */
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master "
                                            "WHERE type = 'table' ORDER BY name)", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "choices,endings,languages,scenes,schema_version,sessions");
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
    assert_true(stat(path_of("schema.db-wal"), &sb) != 0 || sb.st_size == 0);
}

static void test_wal_truncated_while_open(void **state)
{
    (void)state;
    orl_stats *s = fresh("wal.db");
    session(s, "ana", 1, 2, 1);
    struct stat sb;
    /* still open (the kiosk runs for months): the WAL is empty after each session */
    assert_true(stat(path_of("wal.db-wal"), &sb) != 0 || sb.st_size == 0);
    orl_stats_close(s);
}

static void test_newer_schema_refused(void **state)
{
    (void)state;
    orl_stats *s = fresh("newer.db");
    orl_stats_close(s);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path_of("newer.db"), &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "UPDATE schema_version SET version = 99", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    char err[512];
    assert_null(orl_stats_open(path_of("newer.db"), NULL, err, sizeof err));
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

int main(void)
{
    const struct CMUnitTest tests[] = {
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
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
