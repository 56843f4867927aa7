/* The kiosk under faults, end to end (the headless runner in a child process):
 *   - the disk fills up while it runs (RLIMIT_FSIZE; the kiosk ignores SIGXFSZ: every write to the
 *     statistics fails): visitors go on playing, the kiosk logs it, switches statistics off,
 *     and the database is sound afterwards;
 *   - kill -9 while simulated visitors play (--soak): the database opens cleanly after, and
 *     every session it counts as ended is whole (its scenes, choices and ending with it).
 *   - kill -9: the next start logs that the previous run did not stop cleanly (the marker
 *     kiosk.running in the state folder); a clean stop removes it, and the start after it
 *     says nothing;
 *   - a file size limit without SIGXFSZ ignored by the caller: the kiosk ignores it itself
 *     and goes on (the writes fail as on a full disk).
 * tests/unit/test_stats.c has the same faults at the level of kiosk/stats.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "tmpdir.h"

#include <ftw.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/strutil.h"
#include "kiosk/kiosk.h"


static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

/* A kiosk of one story (player-basic) in two languages. */
static void config(orl_kiosk_config *c, const char *stats)
{
    orl_kiosk_config_defaults(c);
    c->dir = orl_strdup(".");
    c->bundles[c->nbundles++] = orl_strdup(ORL_TEST_DATA "/player-basic");
    c->languages[0] = orl_strdup("es");
    c->languages[1] = orl_strdup("en");
    c->nlanguages = 2;
    c->idle_seconds = 30;
    c->countdown_seconds = 10;
    c->others_min_sessions = 5;
    c->stats = orl_strdup(stats);
}

/* Runs the headless kiosk in a child with its output (log included) in a pipe; the child may
 * be limited first (rlimit_fsize > 0) or killed after kill_after_sessions ended sessions
 * (> 0). Returns the child's wait status; out gets what it printed. */
static int run_child(const orl_kiosk_run_opts *o, long rlimit_fsize, char *out, size_t outlen)
{
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(fds[0]);
        dup2(fds[1], 1);
        dup2(fds[1], 2);
        if (rlimit_fsize > 0) {
            /* SIGXFSZ left as it kills: the kiosk itself must ignore it */
            signal(SIGXFSZ, SIG_DFL);
            struct rlimit rl = {(rlim_t)rlimit_fsize, (rlim_t)rlimit_fsize};
            if (setrlimit(RLIMIT_FSIZE, &rl) != 0) _exit(99);
        }
        int rc = orl_kiosk_run_headless(o);
        fflush(stdout);
        fflush(stderr);
        _exit(rc);
    }
    close(fds[1]);
    size_t len = 0;
    ssize_t n;
    char sink[4096];
    while ((n = read(fds[0], len < outlen - 1 ? out + len : sink, len < outlen - 1 ? outlen - 1 - len : sizeof sink)) > 0)
        if (len < outlen - 1) len += (size_t)n;
    out[len] = 0;
    close(fds[0]);
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    return status;
}

static orl_stats_summary summary(const char *db)
{
    char err[512];
    orl_stats_opts ro = {.readonly = 1};
    orl_stats *s = orl_stats_open(db, &ro, err, sizeof err);
    if (!s) fail_msg("%s: %s", db, err);
    orl_stats_summary sum;
    assert_int_equal(orl_stats_summary_of(s, NULL, &sum), 0);
    orl_stats_close(s);
    return sum;
}

static const char *const one_visit = "tap 960 540\n"
                                     "tap-label English\n"
                                     "expect story:title\n"
                                     "tap-label Begin\n"
                                     "expect story:warnings\n"
                                     "tap-label Continue\n"
                                     "expect story:scene\n"
                                     "key 1\n"
                                     "key 1\n"
                                     "expect story:ending\n"
                                     "tap-label Continue\n"
                                     "wait 45\n"
                                     "expect attract\n";

static void test_full_disk(void **state)
{
    (void)state;
    char db[512];
    snprintf(db, sizeof db, "%s", tpath("full.db"));
    /* one visitor with room on the disk */
    char script[4096];
    snprintf(script, sizeof script, "expect attract\n%s", one_visit);
    write_text(tpath("one.events"), script);
    orl_kiosk_config c;
    config(&c, db);
    orl_kiosk_run_opts o = {0};
    o.config = &c;
    o.width = 320;
    o.height = 180;
    o.script = tpath("one.events");
    char out[16384];
    int status = run_child(&o, 0, out, sizeof out);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) fail_msg("status %d:\n%s", status, out);
    orl_stats_summary before = summary(db);
    assert_int_equal(before.started, 1);
    assert_int_equal(before.finished, 1);
    /* then the disk is full: five more visitors play to their ending all the same */
    snprintf(script, sizeof script, "expect attract\n%s%s%s%s%sexpect attract\n", one_visit, one_visit, one_visit,
             one_visit, one_visit);
    write_text(tpath("four.events"), script);
    o.script = tpath("four.events");
    /* a reader holds the file open meanwhile (as `orilla stats` may): its -shm stays */
    sqlite3 *hold;
    assert_int_equal(sqlite3_open(db, &hold), SQLITE_OK);
    if (sqlite3_exec(hold, "SELECT count(*) FROM sessions", NULL, NULL, NULL) != SQLITE_OK)
        fail_msg("%s: %s", db, sqlite3_errmsg(hold));
    status = run_child(&o, 4096, out, sizeof out);
    sqlite3_close(hold);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) fail_msg("the kiosk did not go on (status %d):\n%s", status, out);
    assert_non_null(strstr(out, "kiosk: stopped on attract"));
    /* logged: each failed write, then statistics off */
    if (!strstr(out, "could not record a session")) fail_msg("no log line about the failed writes:\n%s", out);
    assert_non_null(strstr(out, "statistics are off for now"));
    /* the cause, once per visitor (a session's start fails; its end is not tried) */
    if (strstr(out, "no transaction is active") || !strstr(out, "(File too large)"))
        fail_msg("the log does not give the cause:\n%s", out);
    int lines = 0;
    for (const char *p = out; (p = strstr(p, "could not record")); p++) lines++;
    if (lines != 5) fail_msg("%d 'could not record' lines for 5 visitors:\n%s", lines, out);
    /* with room again: sound (opened as the kiosk opens it, nothing set aside), as it was */
    char err[512];
    orl_stats_opts ko = {.set_aside_damaged = 1};
    orl_stats *s = orl_stats_open(db, &ko, err, sizeof err);
    if (!s) fail_msg("%s", err);
    if (orl_stats_problem(s)[0]) fail_msg("%s", orl_stats_problem(s));
    orl_stats_close(s);
    orl_stats_summary after = summary(db);
    assert_int_equal(after.started, before.started);
    assert_int_equal(after.finished, before.finished);
    /* and the next start records again */
    o.script = tpath("one.events");
    status = run_child(&o, 0, out, sizeof out);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    assert_int_equal(summary(db).finished, 2);
    orl_kiosk_config_free(&c);
}

static char *read_text(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) return orl_strdup("");
    char *buf = calloc(1, 65536);
    assert_non_null(buf);
    size_t n = fread(buf, 1, 65535, f);
    buf[n] = 0;
    fclose(f);
    return buf;
}

/* kill -9 leaves the marker; the next start says so; a clean stop removes it. */
static void test_unclean_stop(void **state)
{
    (void)state;
    char db[512], log[512], mark[512];
    snprintf(db, sizeof db, "%s", tpath("unclean/stats.db"));
    snprintf(log, sizeof log, "%s", tpath("unclean/kiosk.log"));
    snprintf(mark, sizeof mark, "%s", tpath("unclean/kiosk.running"));
    assert_int_equal(mkdir(tpath("unclean"), 0755), 0);
    orl_kiosk_config c;
    config(&c, db);
    c.log = orl_strdup(log);
    orl_kiosk_run_opts o = {0};
    o.config = &c;
    o.width = 160;
    o.height = 90;
    o.soak = 100000000; /* for ever: it is killed */
    o.seed = 7;
    unsetenv("STATE_DIRECTORY");
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        freopen("/dev/null", "w", stdout);
        freopen("/dev/null", "w", stderr);
        _exit(orl_kiosk_run_headless(&o));
    }
    int i = 0;
    for (; i < 400 && access(mark, F_OK) != 0; i++) {
        struct timespec ts = {0, 25000000L};
        nanosleep(&ts, NULL);
    }
    assert_true(i < 400); /* the marker is there while it runs */
    kill(pid, SIGKILL);
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_int_equal(access(mark, F_OK), 0);
    char *first = read_text(log);
    assert_null(strstr(first, "did not stop cleanly"));
    free(first);
    /* the next start: logged, then a clean stop (the end of its script) removes the marker */
    write_text(tpath("unclean/one.events"), "expect attract\nwait 1\n");
    o.soak = 0;
    o.script = tpath("unclean/one.events");
    char out[16384];
    status = run_child(&o, 0, out, sizeof out);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) fail_msg("status %d:\n%s", status, out);
    char *second = read_text(log);
    if (!strstr(second, "warning kiosk: the previous run did not stop cleanly (started "))
        fail_msg("no line about the unclean stop:\n%s", second);
    assert_int_equal(access(mark, F_OK), -1);
    /* and after a clean stop, the next start says nothing of it */
    status = run_child(&o, 0, out, sizeof out);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    char *third = read_text(log);
    const char *p = strstr(third, "did not stop cleanly");
    assert_non_null(p);
    assert_null(strstr(p + 1, "did not stop cleanly"));
    assert_int_equal(access(mark, F_OK), -1);
    free(second);
    free(third);
    orl_kiosk_config_free(&c);
}

/* A file size limit, SIGXFSZ left at its default (it kills): the kiosk ignores it, the
 * visitors play on, the writes fail and are logged. */
static void test_fsize_signal(void **state)
{
    (void)state;
    char db[512];
    snprintf(db, sizeof db, "%s", tpath("fsize.db"));
    orl_kiosk_config c;
    config(&c, db);
    char script[4096];
    snprintf(script, sizeof script, "expect attract\n%s%s", one_visit, one_visit);
    write_text(tpath("fsize.events"), script);
    orl_kiosk_run_opts o = {0};
    o.config = &c;
    o.width = 160;
    o.height = 90;
    o.script = tpath("fsize.events");
    char out[16384];
    int status = run_child(&o, 2048, out, sizeof out); /* smaller than a new database */
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) fail_msg("the kiosk did not go on (status %d):\n%s", status, out);
    assert_non_null(strstr(out, "kiosk: stopped on attract"));
    if (!strstr(out, "statistics are off") || !strstr(out, "disk I/O error")) fail_msg("no cause:\n%s", out);
    orl_kiosk_config_free(&c);
}

static long long count_of(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    long long n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

static void test_kill9_soak(void **state)
{
    (void)state;
    char db[512];
    snprintf(db, sizeof db, "%s", tpath("soak.db"));
    orl_kiosk_config c;
    config(&c, db);
    orl_kiosk_run_opts o = {0};
    o.config = &c;
    o.width = 160;
    o.height = 90;
    o.soak = 100000000; /* for ever: it is killed */
    srand((unsigned)time(NULL));
    long long open_before = 0;
    for (int round = 0; round < 3; round++) {
        o.seed = (unsigned long long)rand();
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            freopen("/dev/null", "w", stdout);
            freopen("/dev/null", "w", stderr);
            _exit(orl_kiosk_run_headless(&o));
        }
        /* until a few more sessions ended, then a random moment later */
        long long ended0 = -1;
        for (int i = 0; i < 600; i++) {
            struct timespec ts = {0, 50000000L};
            nanosleep(&ts, NULL);
            if (access(db, F_OK) != 0) continue;
            char err[512];
            orl_stats_opts ro = {.readonly = 1};
            orl_stats *s = orl_stats_open(db, &ro, err, sizeof err);
            if (!s) continue;
            orl_stats_summary sum;
            int ok = orl_stats_summary_of(s, NULL, &sum) == 0;
            orl_stats_close(s);
            if (!ok) continue;
            if (ended0 < 0) ended0 = sum.finished + sum.abandoned;
            if (sum.finished + sum.abandoned >= ended0 + 3) break;
        }
        struct timespec ts = {0, (long)(rand() % 300) * 1000000L};
        nanosleep(&ts, NULL);
        kill(pid, SIGKILL);
        int status;
        assert_int_equal(waitpid(pid, &status, 0), pid);
        assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
        /* opens cleanly as the kiosk opens it */
        char err[512];
        orl_stats_opts ko = {.set_aside_damaged = 1};
        orl_stats *s = orl_stats_open(db, &ko, err, sizeof err);
        if (!s) fail_msg("round %d: %s", round, err);
        assert_string_equal(orl_stats_problem(s), "");
        orl_stats_close(s);
        assert_int_equal(access(tpath("soak.db.damaged-1"), F_OK), -1);
        /* whole sessions: every ended one passed the first scene once, each finished one has
         * its ending; at most the session in progress is begun and not ended */
        sqlite3 *d;
        assert_int_equal(sqlite3_open_v2(db, &d, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
        long long started = count_of(d, "SELECT coalesce(sum(started), 0) FROM sessions"),
                  finished = count_of(d, "SELECT coalesce(sum(finished), 0) FROM sessions"),
                  abandoned = count_of(d, "SELECT coalesce(sum(abandoned), 0) FROM sessions"),
                  at_start = count_of(d, "SELECT coalesce(sum(sessions), 0) FROM scenes WHERE scene = 'choose'"),
                  endings = count_of(d, "SELECT coalesce(sum(count), 0) FROM endings"),
                  langs = count_of(d, "SELECT coalesce(sum(sessions), 0) FROM languages");
        sqlite3_close(d);
        print_message("round %d: %lld started, %lld finished, %lld left\n", round, started, finished, abandoned);
        assert_true(finished + abandoned > 0);
        assert_int_equal(at_start, finished + abandoned);
        assert_int_equal(endings, finished);
        assert_int_equal(langs, started);
        long long open_now = started - finished - abandoned;
        assert_true(open_now == open_before || open_now == open_before + 1);
        open_before = open_now;
    }
    orl_kiosk_config_free(&c);
}

static int setup(void **state)
{
    (void)state;
    if (tmpdir_make("orl-kiosk-faults", NULL) != 0) return -1;
    setenv("ORILLA_TODAY", "2026-03-01", 1);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    tmpdir_remove();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full_disk),
        cmocka_unit_test(test_kill9_soak),
        cmocka_unit_test(test_unclean_stop),
        cmocka_unit_test(test_fsize_signal),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
