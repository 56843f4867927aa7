/* Fault injection in the kiosk statistics (kiosk/stats.c over SQLite): a database that
 * already holds a session is opened (as the kiosk does: damaged files set aside), a session
 * starts and ends, "how others chose" is read, and the database is closed, again and again
 * with the N-th allocation failing, or every one from the N-th on (tests/unit/fault.h: the
 * engine's allocations and SQLite's, through SQLITE_CONFIG_MALLOC). Every run must end
 * cleanly: open returns NULL with a reason that says memory ran out, or each write returns
 * 0 or -1; then, read back undisturbed, the database holds exactly the writes that returned
 * 0, each whole (a session's end is one transaction: its choices, scenes and ending all or
 * nothing), and a sound database is never set aside as damaged for want of memory. Never a
 * crash or a leak (LeakSanitizer in the sanitizer build).
 * ORL_FAULT_LIST=1 goes on after a misbehaving point (each is printed). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "tmpdir.h"

#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fault.h"
#include "kiosk/stats.h"

#define DAY 20513 /* 2026-03-01 */

static char pristine[300]; /* a database with one session, made undisturbed */

static const orl_stats_step steps[] = {{"puerta", 3, "voz"}, {"voz", 1, "fin"}};

static orl_stats *open_db(const char *path, int readonly, char *err, size_t errlen)
{
    orl_stats_opts o = {.today = DAY, .readonly = readonly, .set_aside_damaged = !readonly};
    return orl_stats_open(path, &o, err, errlen);
}

/* The whole database as CSV, read undisturbed. */
static char *dump(const char *path)
{
    char err[512];
    orl_stats *s = open_db(path, 1, err, sizeof err);
    if (!s) fail_msg("%s: %s", path, err);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    orl_stats_report_opts ro = {.min_sessions = 1};
    assert_int_equal(orl_stats_report(s, f, 1, &ro), 0);
    fclose(f);
    orl_stats_close(s);
    return buf;
}

static void fresh_copy(const char *path)
{
    static const char *const side[] = {"", "-wal", "-shm", "-journal", ".damaged-1", ".damaged-1-wal",
                                       ".damaged-1-shm", ".damaged-1-journal"};
    char p[400];
    for (size_t i = 0; i < sizeof side / sizeof *side; i++) {
        snprintf(p, sizeof p, "%s%s", path, side[i]);
        remove(p);
    }
    copy_file(pristine, path);
}

typedef struct outcome {
    int opened, started, ended, shares;
    char err[512], problem[512];
} outcome;

/* The kiosk's part: what may fail. stderr is quiet meanwhile (stats.c reports each failed
 * write there when it has no log). */
static void kiosk_session(const char *path, outcome *o)
{
    memset(o, 0, sizeof *o);
    o->started = o->ended = o->shares = -2; /* not tried */
    orl_stats *s = open_db(path, 0, o->err, sizeof o->err);
    if (!s) return;
    o->opened = 1;
    o->started = orl_stats_session_start(s, "rich", "1.0", "en");
    o->ended = orl_stats_session_end(s, "rich", "1.0", steps, 2, "fin", 1);
    orl_stats_share sh[4];
    o->shares = orl_stats_shares(s, "rich", "1.0", "puerta", 1, sh, 4, NULL);
    snprintf(o->problem, sizeof o->problem, "%s", orl_stats_problem(s));
    orl_stats_close(s);
}

static int quiet_stderr(void)
{
    fflush(stderr);
    int saved = dup(2);
    int null = open("/dev/null", O_WRONLY);
    if (null >= 0) {
        dup2(null, 2);
        close(null);
    }
    return saved;
}

static void restore_stderr(int saved)
{
    fflush(stderr);
    if (saved >= 0) {
        dup2(saved, 2);
        close(saved);
    }
}

/* The database after: started and ended each recorded or not (four references). */
static char *expected[2][2];

static void make_expected(void)
{
    char path[400];
    snprintf(path, sizeof path, "%s/ref.db", tmpdir);
    for (int a = 0; a <= 1; a++)
        for (int b = 0; b <= 1; b++) {
            fresh_copy(path);
            char err[512];
            orl_stats *s = open_db(path, 0, err, sizeof err);
            assert_non_null(s);
            if (a) assert_int_equal(orl_stats_session_start(s, "rich", "1.0", "en"), 0);
            /* an end is recorded only after its start */
            if (b) assert_int_equal(orl_stats_session_end(s, "rich", "1.0", steps, 2, "fin", 1), a ? 0 : -1);
            orl_stats_close(s);
            expected[a][b] = dump(path);
        }
    assert_string_not_equal(expected[0][0], expected[1][1]);
    assert_string_equal(expected[0][0], expected[0][1]);
    assert_string_not_equal(expected[0][1], expected[1][0]);
}

static void writes(void **state)
{
    (void)state;
    if (!fault_wrapped()) skip();
    make_expected();
    char path[400], damaged[420];
    snprintf(path, sizeof path, "%s/kiosk.db", tmpdir);
    snprintf(damaged, sizeof damaged, "%s.damaged-1", path);
    outcome o;
    fresh_copy(path);
    fault_begin(0, 0);
    kiosk_session(path, &o);
    long total = fault_end();
    assert_int_equal(o.opened, 1);
    assert_int_equal(o.started, 0);
    assert_int_equal(o.ended, 0);
    assert_int_equal(o.shares, 1); /* one choice taken at puerta so far: the 3rd, twice */
    assert_true(total > 100);
    for (int sticky = 0; sticky <= 1; sticky++) {
        long unopened = 0, unopened_oom = 0, whole = 0, partial = 0, points = 0;
        /* every allocation up to 2,500, then ~2,500 more spread evenly (fault_next): SQLite
         * makes several thousand for this session (printed below) */
        for (long n = 1; n <= total; n = fault_next(n, total, 2500)) {
            points++;
            fresh_copy(path);
            int saved = quiet_stderr();
            fault_begin(n, sticky);
            kiosk_session(path, &o);
            fault_end();
            restore_stderr(saved);
            const char *how = sticky ? "from" : "at";
            if (access(damaged, F_OK) == 0) {
                fault_misbehaved("stats, %s %ld: a sound database was set aside as damaged (%s)", how, n,
                           o.opened ? o.problem : o.err);
                continue;
            }
            if (!o.opened) {
                /* a reason, never "damaged"; SQLite itself sometimes words running out of memory
                 * as another failure ("unable to open a temporary database file...") */
                if (!o.err[0] || strstr(o.err, "damaged"))
                    fault_misbehaved("stats, %s %ld: open failed with no reason or a wrong one: %s", how, n, o.err);
                unopened += !strstr(o.err, "memory");
                unopened_oom += !!strstr(o.err, "memory");
            } else if (o.started == 0 && o.ended == 0) {
                whole++;
            } else {
                partial++;
                /* a failed write says why (unless memory was too short even for the words), and
                 * never that the database is damaged */
                if (strstr(o.problem, "damaged"))
                    fault_misbehaved("stats, %s %ld: a write failed, called damaged: %s", how, n, o.problem);
            }
            int a = o.opened && o.started == 0, b = o.opened && o.ended == 0;
            char *got = dump(path);
            if (strcmp(got, expected[a][b]) != 0)
                fault_misbehaved("stats, %s %ld: opened %d, start %d, end %d, but the database holds:\n%s\nwant:\n%s", how, n,
                           o.opened, o.started, o.ended, got, expected[a][b]);
            free(got);
        }
        print_message("stats, %s: %ld points of %ld allocations: %ld runs recorded everything, %ld lost a write "
                      "(returned -1), %ld could not open (%ld saying out of memory, %ld with SQLite's other words "
                      "for it)\n", sticky ? "from the N-th on" : "the N-th only", points, total, whole, partial,
                      unopened + unopened_oom, unopened_oom, unopened);
        /* (with memory gone for good, a run still records everything when what fails comes
         * after its last commit: closing the database) */
        assert_true(partial > 0);
    }
    for (int a = 0; a <= 1; a++)
        for (int b = 0; b <= 1; b++) free(expected[a][b]);
}

static int group_setup(void **state)
{
    (void)state;
    /* in memory when it can be: every commit syncs the file (synchronous = FULL), thousands of
     * times in this test */
    if (tmpdir_make("orl-fault-stats", access("/dev/shm", W_OK) == 0 ? "/dev/shm" : NULL) != 0) return -1;
    if (fault_wrapped() && fault_install() != 0) return -1;
    snprintf(pristine, sizeof pristine, "%s/pristine.db", tmpdir);
    char err[512];
    orl_stats *s = open_db(pristine, 0, err, sizeof err);
    if (!s) return -1;
    int rc = orl_stats_session_start(s, "rich", "1.0", "es");
    rc |= orl_stats_session_end(s, "rich", "1.0", steps, 2, "fin", 1);
    orl_stats_close(s);
    return rc;
}

static int group_teardown(void **state)
{
    (void)state;
    tmpdir_remove();
    return fault_bad_points ? -1 : 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(writes),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
