/* The kiosk under systemd (kiosk/service.h): the real window loop (SDL's offscreen driver)
 * sends READY=1 then WATCHDOG=1 pings to NOTIFY_SOCKET at half of WATCHDOG_USEC, and the
 * pings stop when the frame loop stalls (ORILLA_TEST_STALL_FRAME_LOOP, a test-only hook), so
 * systemd's WatchdogSec= restarts a hung kiosk; the watchdog applies to the kiosk when
 * WATCHDOG_PID is its own or cage's (its parent); a display whose socket stopped answering
 * is "gone". */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "tmpdir.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/strutil.h"
#include "kiosk/config.h"
#include "kiosk/kiosk.h"
#include "kiosk/service.h"

static int setup(void **state)
{
    (void)state;
    return tmpdir_make("orl-kiosk-service", NULL);
}

static int teardown(void **state)
{
    (void)state;
    tmpdir_remove();
    return 0;
}

static double mono(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int bind_unix(const char *path, int type)
{
    int fd = socket(AF_UNIX, type | SOCK_CLOEXEC, 0);
    assert_true(fd >= 0);
    struct sockaddr_un a;
    memset(&a, 0, sizeof a);
    a.sun_family = AF_UNIX;
    snprintf(a.sun_path, sizeof a.sun_path, "%s", path);
    unlink(path);
    assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
    if (type == SOCK_STREAM) assert_int_equal(listen(fd, 4), 0);
    return fd;
}

static void test_watchdog_applies(void **state)
{
    (void)state;
    char buf[32];
    unsetenv("WATCHDOG_PID");
    setenv("NOTIFY_SOCKET", tpath("none"), 1);
    setenv("WATCHDOG_USEC", "30000000", 1);
    assert_true(orl_service_watchdog_usec() == 30000000ull);
    snprintf(buf, sizeof buf, "%ld", (long)getpid());
    setenv("WATCHDOG_PID", buf, 1);
    assert_true(orl_service_watchdog_usec() == 30000000ull);
    /* under cage: the unit's main process is cage, the kiosk's parent */
    snprintf(buf, sizeof buf, "%ld", (long)getppid());
    setenv("WATCHDOG_PID", buf, 1);
    assert_true(orl_service_watchdog_usec() == 30000000ull);
    /* another process's watchdog is not ours */
    setenv("WATCHDOG_PID", "1", 1);
    if (getppid() != 1) assert_true(orl_service_watchdog_usec() == 0);
    setenv("WATCHDOG_PID", "x12", 1);
    assert_true(orl_service_watchdog_usec() == 0);
    unsetenv("WATCHDOG_PID");
    setenv("WATCHDOG_USEC", "0", 1);
    assert_true(orl_service_watchdog_usec() == 0);
    setenv("WATCHDOG_USEC", "12abc", 1);
    assert_true(orl_service_watchdog_usec() == 0);
    setenv("WATCHDOG_USEC", "30000000", 1);
    unsetenv("NOTIFY_SOCKET"); /* nowhere to send the pings */
    assert_true(orl_service_watchdog_usec() == 0);
    unsetenv("WATCHDOG_USEC");
    /* without NOTIFY_SOCKET the notifications are no-ops */
    orl_service_ready("x");
    orl_service_watchdog();
    orl_service_stopping();
}

static void test_display_alive(void **state)
{
    (void)state;
    const char *sock = tpath("wayland-test");
    int fd = bind_unix(sock, SOCK_STREAM);
    setenv("WAYLAND_DISPLAY", sock, 1); /* an absolute path, as libwayland accepts */
    assert_int_equal(orl_display_alive("wayland"), 1);
    close(fd); /* the compositor stops: its socket stays, but nobody answers */
    assert_int_equal(orl_display_alive("wayland"), 0);
    unlink(sock); /* and then the socket is gone too */
    assert_int_equal(orl_display_alive("wayland"), 0);
    /* by name in XDG_RUNTIME_DIR */
    setenv("XDG_RUNTIME_DIR", tmpdir, 1);
    setenv("WAYLAND_DISPLAY", "wayland-test", 1);
    fd = bind_unix(sock, SOCK_STREAM);
    assert_int_equal(orl_display_alive("wayland"), 1);
    close(fd);
    unlink(sock);
    assert_int_equal(orl_display_alive("wayland"), 0);
    unsetenv("WAYLAND_DISPLAY");
    /* an X display with no server */
    setenv("DISPLAY", ":64999", 1);
    assert_int_equal(orl_display_alive("x11"), 0);
    /* what cannot be told is not "gone" */
    setenv("DISPLAY", "otherhost:0", 1);
    assert_int_equal(orl_display_alive("x11"), -1);
    assert_int_equal(orl_display_alive("kmsdrm"), -1);
    assert_int_equal(orl_display_alive(NULL), -1);
    unsetenv("DISPLAY");
}

/* Reads one datagram within `seconds`; its text in buf. 1, or 0 on timeout. */
static int recv_within(int fd, double seconds, char *buf, size_t n)
{
    struct pollfd p = {fd, POLLIN, 0};
    int rc = poll(&p, 1, (int)(seconds * 1000));
    if (rc <= 0) return 0;
    ssize_t got = recv(fd, buf, n - 1, 0);
    if (got < 0) return 0;
    buf[got] = 0;
    return 1;
}

static void test_ready_then_pings_then_silence(void **state)
{
    (void)state;
    const char *sock = tpath("notify");
    int fd = bind_unix(sock, SOCK_DGRAM);
    double stall = 4.0;
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        /* the kiosk, as systemd starts it: its real window loop on SDL's offscreen driver */
        setenv("NOTIFY_SOCKET", sock, 1);
        setenv("WATCHDOG_USEC", "600000", 1); /* WatchdogSec=0.6: a ping every 0.3 s */
        unsetenv("WATCHDOG_PID");
        setenv("SDL_VIDEODRIVER", "offscreen", 1);
        setenv("SDL_AUDIODRIVER", "dummy", 1);
        setenv("ORILLA_TEST_STALL_FRAME_LOOP", "4.0", 1);
        orl_kiosk_config cfg;
        orl_kiosk_config_defaults(&cfg);
        orl_diags d = {0};
        if (orl_kiosk_config_load(ORL_TEST_DATA "/kiosk/kiosk.lua", &cfg, &d) != 0) _exit(3);
        orl_diags_free(&d);
        cfg.log = orl_strdup(tpath("kiosk.log"));
        orl_kiosk_run_opts o = {0};
        o.config = &cfg;
        o.windowed = 1;
        o.width = 640;
        o.height = 360;
        o.renderer = ORL_RENDERER_SOFTWARE;
        _exit(orl_kiosk_run_window(&o) == 0 ? 0 : 4);
    }
    double t0 = mono();
    char msg[512];
    int ready = 0, pings = 0, pings_before_ready = 0;
    double last_ping = 0, first_ping = 0;
    /* up to 60 s for the start (stories loaded and checked, under a sanitizer) */
    while (mono() - t0 < 60 && !ready) {
        if (!recv_within(fd, 1.0, msg, sizeof msg)) continue;
        if (strstr(msg, "WATCHDOG=1")) pings_before_ready++;
        if (strstr(msg, "READY=1")) {
            ready = 1;
            assert_non_null(strstr(msg, "STATUS=2 stories shown, 0 left out"));
        }
    }
    assert_true(ready);
    assert_int_equal(pings_before_ready, 0);
    double ready_at = mono();
    /* pings while the loop turns; then, once it stalls, none for 3 s (5 watchdog periods) */
    while (mono() - ready_at < 60) {
        if (!recv_within(fd, 3.0, msg, sizeof msg)) break; /* silence */
        if (strstr(msg, "WATCHDOG=1")) {
            if (!pings) first_ping = mono();
            pings++;
            last_ping = mono();
        }
    }
    double silent_from = mono() - 3.0;
    int status = 0;
    pid_t still = waitpid(pid, &status, WNOHANG);
    kill(pid, SIGKILL); /* what systemd does to a hung service (after SIGABRT) */
    if (still == 0) waitpid(pid, &status, 0);
    close(fd);
    printf("# %d pings between %.2f s and %.2f s after READY; silent from %.2f s\n", pings, first_ping - ready_at,
           last_ping - ready_at, silent_from - ready_at);
    /* it did not exit by itself: it hung (the stall), and the pings had stopped */
    assert_int_equal(still, 0);
    /* the stall comes 4 s after the loop started: several pings before it, 0.3 s apart */
    assert_true(pings >= 4);
    double period = pings > 1 ? (last_ping - first_ping) / (pings - 1) : 0;
    assert_true(period > 0.2 && period < 0.6);
    assert_true(last_ping - ready_at < stall + 1.0);
    FILE *lf = fopen(tpath("kiosk.log"), "r");
    assert_non_null(lf);
    char line[1024];
    int said_watchdog = 0, said_stall = 0;
    while (fgets(line, sizeof line, lf)) {
        said_watchdog |= strstr(line, "watchdog: systemd restarts the kiosk if it hangs") != NULL;
        said_stall |= strstr(line, "the frame loop stalls now") != NULL;
    }
    fclose(lf);
    assert_true(said_watchdog);
    assert_true(said_stall);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_watchdog_applies),
        cmocka_unit_test(test_display_alive),
        cmocka_unit_test(test_ready_then_pings_then_silence),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
