/* sd_notify for the kiosk's frame loop, and "is the display still there" (service.h). */
#include "kiosk/service.h"
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <systemd/sd-daemon.h>
#include <unistd.h>

unsigned long long orl_service_watchdog_usec(void)
{
    const char *us = getenv("WATCHDOG_USEC"), *pid = getenv("WATCHDOG_PID");
    if (!us || !*us || !getenv("NOTIFY_SOCKET")) return 0;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(us, &end, 10);
    if (errno || *end || v == 0) return 0;
    if (pid && *pid) {
        errno = 0;
        long p = strtol(pid, &end, 10);
        if (errno || *end || p <= 0) return 0;
        /* ours, or cage's (the unit's main process, which started us) */
        if ((pid_t)p != getpid() && (pid_t)p != getppid()) return 0;
    }
    return v;
}

void orl_service_ready(const char *status)
{
    if (!getenv("NOTIFY_SOCKET")) return;
    sd_notifyf(0, "READY=1\nSTATUS=%s", status ? status : "showing stories");
}

void orl_service_watchdog(void)
{
    if (getenv("NOTIFY_SOCKET")) sd_notify(0, "WATCHDOG=1");
}

void orl_service_stopping(void)
{
    if (getenv("NOTIFY_SOCKET")) sd_notify(0, "STOPPING=1");
}

/* 1 when a stream socket at path (or "@name": the abstract namespace) accepts a connection. */
static int socket_answers(const char *path, int abstract)
{
    struct sockaddr_un a;
    memset(&a, 0, sizeof a);
    a.sun_family = AF_UNIX;
    size_t n = strlen(path);
    if (n + (abstract ? 1 : 0) >= sizeof a.sun_path) return -1;
    memcpy(a.sun_path + (abstract ? 1 : 0), path, n);
    socklen_t len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n + (abstract ? 1 : 0));
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) return -1;
    int rc = connect(fd, (struct sockaddr *)&a, len);
    int err = errno;
    close(fd);
    if (rc == 0 || err == EINPROGRESS || err == EAGAIN) return 1;
    return err == ECONNREFUSED || err == ENOENT ? 0 : -1;
}

int orl_display_alive(const char *driver)
{
    if (!driver) return -1;
    if (strcmp(driver, "wayland") == 0) {
        const char *name = getenv("WAYLAND_DISPLAY");
        if (!name || !*name) name = "wayland-0";
        if (name[0] == '/') return socket_answers(name, 0);
        const char *run = getenv("XDG_RUNTIME_DIR");
        if (!run || !*run) return -1;
        char path[512];
        if (snprintf(path, sizeof path, "%s/%s", run, name) >= (int)sizeof path) return -1;
        return socket_answers(path, 0);
    }
    if (strcmp(driver, "x11") == 0) {
        /* ":N" or ":N.S" on this machine: /tmp/.X11-unix/XN, or its abstract twin */
        const char *d = getenv("DISPLAY");
        if (!d || d[0] != ':') return -1;
        char *end;
        long num = strtol(d + 1, &end, 10);
        if (end == d + 1 || (*end && *end != '.') || num < 0 || num > 65535) return -1;
        char path[64];
        snprintf(path, sizeof path, "/tmp/.X11-unix/X%ld", num);
        int r = socket_answers(path, 0);
        if (r == 1) return 1;
        int ra = socket_answers(path, 1);
        return ra == 1 ? 1 : (r == 0 && ra == 0) ? 0 : -1;
    }
    return -1;
}
