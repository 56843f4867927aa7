/* orilla graph PATH [-o story.dot | -o story.svg]: the story as a picture (story/graph.h). */
#include "app/args.h"
#include "app/commands.h"
#include "app/common.h"
#include "app/outfile.h"
#include "core/limits.h"
#include "core/rfile.h"
#include "story/graph.h"
#include "story/consent.h"
#include "story/messages.h"
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char *picture_type(const char *out)
{
    static const char *const types[] = {".svg", "svg", ".png", "png", ".pdf", "pdf", NULL};
    size_t n = out ? strlen(out) : 0;
    for (int i = 0; types[i]; i += 2) {
        size_t e = strlen(types[i]);
        if (n > e && strcmp(out + n - e, types[i]) == 0) return types[i + 1];
    }
    return NULL;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Draws through Graphviz's `dot`: DOT goes into its standard input, its messages come back
 * through a pipe (and are printed cleaned, like everything else), and it is stopped after
 * ORL_GRAPHVIZ_SECONDS. 0, or the exit status. */
static int draw_with_dot(const orl_story *st, const orl_graph_opts *go, const char *type, const char *out)
{
    char why[100];
    if (orl_check_writable_target(out, why, sizeof why) != 0) {
        fprintf(stderr, orl_app_words("@app", "orilla %s: will not write %s: it is %s; give the name of a new or ordinary file\n"),
                "graph", out, orl_app_words("@app", why));
        return ORL_EXIT_USAGE;
    }
    /* the whole DOT text first: writing it then never waits on a story */
    char *dot = NULL;
    size_t dotlen = 0;
    FILE *mem = open_memstream(&dot, &dotlen);
    int made = mem && orl_story_write_dot(st, go, mem) == 0;
    if (mem && fclose(mem) != 0) made = 0;
    if (!made) {
        free(dot);
        fprintf(stderr, orl_app_words("@graph", "orilla graph: cannot start Graphviz: %s\n"), strerror(ENOMEM));
        return ORL_EXIT_USAGE;
    }
    int fds[2] = {-1, -1}, errp[2] = {-1, -1}, msgp[2] = {-1, -1};
    if (pipe(fds) != 0 || pipe(errp) != 0 || pipe(msgp) != 0) {
        fprintf(stderr, orl_app_words("@graph", "orilla graph: cannot start Graphviz: %s\n"), strerror(errno));
        for (int i = 0; i < 2; i++) {
            if (fds[i] >= 0) close(fds[i]);
            if (errp[i] >= 0) close(errp[i]);
            if (msgp[i] >= 0) close(msgp[i]);
        }
        free(dot);
        return ORL_EXIT_USAGE;
    }
    char tmp[1100];
    snprintf(tmp, sizeof tmp, "%s.tmp%ld", out, (long)getpid());
    char targ[16];
    snprintf(targ, sizeof targ, "-T%s", type);
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        fprintf(stderr, orl_app_words("@graph", "orilla graph: cannot start Graphviz: %s\n"), strerror(errno));
        close(fds[0]); close(fds[1]); close(errp[0]); close(errp[1]); close(msgp[0]); close(msgp[1]);
        free(dot);
        return ORL_EXIT_USAGE;
    }
    if (pid == 0) {
        close(fds[1]);
        close(errp[0]);
        close(msgp[0]);
        if (fcntl(errp[1], F_SETFD, FD_CLOEXEC) != 0) _exit(127);
        if (dup2(fds[0], 0) < 0 || dup2(msgp[1], 1) < 0 || dup2(msgp[1], 2) < 0) _exit(127);
        close(fds[0]);
        close(msgp[1]);
        char *const argv[] = {"dot", targ, "-o", tmp, NULL};
        execvp("dot", argv);
        int e = errno;
        if (write(errp[1], &e, sizeof e) < 0) { /* nothing more to do */ }
        _exit(127);
    }
    close(fds[0]);
    close(errp[1]);
    close(msgp[1]);
    int exec_errno = 0;
    ssize_t got = read(errp[0], &exec_errno, sizeof exec_errno);
    close(errp[0]);
    int rc = ORL_EXIT_OK;
    if (got == (ssize_t)sizeof exec_errno) {
        close(fds[1]);
        close(msgp[0]);
        waitpid(pid, NULL, 0);
        free(dot);
        if (exec_errno == ENOENT)
            fprintf(stderr, orl_app_words("@graph", "orilla graph: drawing %s needs Graphviz, which is not installed.\n"
                                                    "  Install it (Debian/Ubuntu: sudo apt-get install graphviz; Windows "
                                                    "and Mac: https://graphviz.org/download/),\n"
                                                    "  or write the graph as text with -o story.dot and open it in any "
                                                    "Graphviz viewer.\n"), out);
        else
            fprintf(stderr, orl_app_words("@graph", "orilla graph: cannot start Graphviz's dot: %s\n"), strerror(exec_errno));
        return ORL_EXIT_USAGE;
    }
    /* if dot stops early, writing must fail with EPIPE, not end Orilla with SIGPIPE */
    void (*old)(int) = signal(SIGPIPE, SIG_IGN);
    fcntl(fds[1], F_SETFL, fcntl(fds[1], F_GETFL) | O_NONBLOCK);
    char msg[ORL_GRAPHVIZ_MESSAGE_BYTES + 1];
    size_t msglen = 0, sent = 0;
    int wfd = fds[1], mfd = msgp[0], wrote = 1, late = 0, status = 0, ended = 0;
    double deadline = now_s() + ORL_GRAPHVIZ_SECONDS;
    while (!ended) {
        if (wfd >= 0 && sent == dotlen) {
            close(wfd);
            wfd = -1;
        }
        double left = deadline - now_s();
        if (left <= 0) {
            late = 1;
            break;
        }
        struct pollfd pf[2];
        int np = 0;
        if (wfd >= 0) pf[np++] = (struct pollfd){.fd = wfd, .events = POLLOUT};
        if (mfd >= 0) pf[np++] = (struct pollfd){.fd = mfd, .events = POLLIN};
        if (np == 0) { /* all said: wait for it to end, a little at a time */
            pid_t w = waitpid(pid, &status, WNOHANG);
            if (w == pid) ended = 1;
            else if (w < 0 && errno != EINTR) ended = 1;
            else poll(NULL, 0, 10);
            continue;
        }
        int ms = left > 1.0 ? 1000 : (int)(left * 1000) + 1;
        if (poll(pf, (nfds_t)np, ms) < 0 && errno != EINTR) break;
        for (int i = 0; i < np; i++) {
            if (pf[i].fd == wfd && (pf[i].revents & (POLLOUT | POLLERR | POLLHUP))) {
                ssize_t w = write(wfd, dot + sent, dotlen - sent);
                if (w > 0) sent += (size_t)w;
                else if (w < 0 && errno != EAGAIN && errno != EINTR) {
                    wrote = 0; /* dot stopped reading */
                    close(wfd);
                    wfd = -1;
                }
            } else if (pf[i].fd == mfd && (pf[i].revents & (POLLIN | POLLERR | POLLHUP))) {
                char buf[4096];
                ssize_t r = read(mfd, buf, sizeof buf);
                if (r > 0) {
                    size_t take = (size_t)r;
                    if (take > ORL_GRAPHVIZ_MESSAGE_BYTES - msglen) take = ORL_GRAPHVIZ_MESSAGE_BYTES - msglen;
                    memcpy(msg + msglen, buf, take);
                    msglen += take;
                } else if (r == 0 || (errno != EINTR && errno != EAGAIN)) {
                    close(mfd);
                    mfd = -1;
                }
            }
        }
    }
    if (wfd >= 0) close(wfd);
    if (mfd >= 0) close(mfd);
    if (late || !ended) {
        kill(pid, SIGKILL);
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    }
    signal(SIGPIPE, old);
    free(dot);
    if (msglen) { /* dot's own words, cleaned by the output layer like any other text */
        msg[msglen] = 0;
        fputs(msg, stderr);
        if (msg[msglen - 1] != '\n') fputc('\n', stderr);
    }
    if (late) {
        fprintf(stderr, orl_app_words("@graph", "orilla graph: Graphviz took more than %d seconds to draw %s and was "
                                                "stopped; write the graph as text with -o story.dot and draw it with "
                                                "dot yourself\n"),
                ORL_GRAPHVIZ_SECONDS, out);
        remove(tmp);
        rc = ORL_EXIT_USAGE;
    } else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !wrote) {
        fprintf(stderr, msglen ? orl_app_words("@graph", "orilla graph: Graphviz could not draw %s (its message is above)\n")
                               : orl_app_words("@graph", "orilla graph: Graphviz could not draw %s\n"), out);
        remove(tmp);
        rc = ORL_EXIT_USAGE;
    } else if (rename(tmp, out) != 0) {
        fprintf(stderr, orl_app_words("@app", "orilla %s: cannot write %s: %s\n"), "graph", out, strerror(errno));
        remove(tmp);
        rc = ORL_EXIT_USAGE;
    }
    return rc;
}

int orl_cmd_graph(int argc, char **argv)
{
    orl_args a;
    orl_args_init(&a, argc, argv);
    const char *path = NULL, *out = NULL, *lang = NULL, *withdrawn = NULL;
    orl_graph_opts go = {0};
    int k;
    while ((k = orl_args_next(&a)) && !a.error) {
        if (k == 2) {
            if (path) orl_args_fail(&a, "give one story, not '%s' too", a.val);
            path = a.val;
        } else if (orl_args_is(&a, "-o") || orl_args_is(&a, "--output")) {
            out = orl_args_value(&a);
        } else if (orl_args_is(&a, "--lang")) {
            lang = orl_args_value(&a);
            if (lang && !orl_messages_has_lang(lang))
                orl_args_fail(&a, "--lang is en or es, not '%s'", lang);
        } else if (orl_args_is(&a, "--no-legend")) {
            go.no_legend = 1;
        } else if (orl_args_is(&a, "--withdrawn")) {
            withdrawn = orl_args_value(&a);
        } else {
            orl_args_fail(&a, "unknown option %s", a.opt);
        }
    }
    if (!a.error && !path) orl_args_fail(&a, "which story? give a story folder or a .orilla file");
    if (a.error) return ORL_EXIT_USAGE;
    orl_app_set_lang(lang); /* NULL: ORILLA_LANG */
    go.wording = orl_app_wording();
    /* a withdrawn testimony's words are never drawn: --withdrawn FILE and $ORILLA_WITHDRAWN */
    orl_withdrawn wl = {0};
    {
        orl_diags wd = {0};
        wd.wording = go.wording;
        int bad = orl_withdrawn_load_default(&wl, withdrawn, &wd) != 0;
        if (bad) orl_diags_print(&wd, stderr);
        orl_diags_free(&wd);
        if (bad) {
            orl_withdrawn_free(&wl);
            return ORL_EXIT_USAGE;
        }
    }
    go.withdrawn = &wl;

    /* a story with errors is still drawn: the picture shows where a choice leads nowhere */
    orl_diags d = {0};
    d.wording = go.wording;
    orl_story *st = orl_story_load(path, NULL, &d);
    orl_diags_sort(&d);
    if (!st) {
        orl_diags_print(&d, stderr);
        orl_diags_free(&d);
        orl_withdrawn_free(&wl);
        return ORL_EXIT_USAGE;
    }
    int problems = d.errors > 0;
    if (problems) {
        orl_diags_print(&d, stderr);
        fprintf(stderr, orl_app_words("@graph", "orilla graph: the story has problems ('orilla check %s' lists them); "
                                                "drawing it as it is\n"), path);
    }
    orl_diags_free(&d);
    int rc;
    const char *type = picture_type(out);
    if (type) {
        rc = draw_with_dot(st, &go, type, out);
    } else {
        orl_outfile of;
        if (orl_outfile_open(&of, "graph", out) != 0) {
            orl_story_free(st);
            orl_withdrawn_free(&wl);
            return ORL_EXIT_USAGE;
        }
        int ok = orl_story_write_dot(st, &go, of.f) == 0;
        rc = orl_outfile_close(&of, "graph", ok) == 0 ? ORL_EXIT_OK : ORL_EXIT_USAGE;
    }
    if (rc == ORL_EXIT_OK && out && strcmp(out, "-") != 0)
        fprintf(stderr, orl_app_words("@graph", "orilla graph: wrote %s\n"), out);
    orl_story_free(st);
    orl_withdrawn_free(&wl);
    if (rc == ORL_EXIT_OK && problems) rc = ORL_EXIT_PROBLEMS;
    return rc;
}
