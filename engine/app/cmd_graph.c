/* orilla graph PATH [-o story.dot | -o story.svg]: the story as a picture (story/graph.h). */
#include "app/args.h"
#include "app/commands.h"
#include "app/common.h"
#include "app/outfile.h"
#include "story/graph.h"
#include "story/consent.h"
#include "story/messages.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
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

/* Draws through Graphviz's `dot`: DOT goes into its standard input. 0, or the exit status. */
static int draw_with_dot(const orl_story *st, const orl_graph_opts *go, const char *type, const char *out)
{
    int fds[2], errp[2];
    if (pipe(fds) != 0) {
        fprintf(stderr, orl_app_words("@graph", "orilla graph: cannot start Graphviz: %s\n"), strerror(errno));
        return ORL_EXIT_USAGE;
    }
    /* a second pipe tells whether `dot` could be started at all (closed on exec) */
    if (pipe(errp) != 0) {
        close(fds[0]);
        close(fds[1]);
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
        close(fds[0]); close(fds[1]); close(errp[0]); close(errp[1]);
        return ORL_EXIT_USAGE;
    }
    if (pid == 0) {
        close(fds[1]);
        close(errp[0]);
        if (fcntl(errp[1], F_SETFD, FD_CLOEXEC) != 0) _exit(127);
        if (dup2(fds[0], 0) < 0) _exit(127);
        close(fds[0]);
        char *const argv[] = {"dot", targ, "-o", tmp, NULL};
        execvp("dot", argv);
        int e = errno;
        if (write(errp[1], &e, sizeof e) < 0) { /* nothing more to do */ }
        _exit(127);
    }
    close(fds[0]);
    close(errp[1]);
    int exec_errno = 0;
    ssize_t got = read(errp[0], &exec_errno, sizeof exec_errno);
    close(errp[0]);
    int rc = ORL_EXIT_OK;
    if (got == (ssize_t)sizeof exec_errno) {
        close(fds[1]);
        waitpid(pid, NULL, 0);
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
    FILE *f = fdopen(fds[1], "w");
    int wrote = f && orl_story_write_dot(st, go, f) == 0;
    if (f) {
        if (fclose(f) != 0) wrote = 0;
    } else {
        close(fds[1]);
    }
    signal(SIGPIPE, old);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !wrote) {
        fprintf(stderr, wrote ? orl_app_words("@graph", "orilla graph: Graphviz could not draw %s (its message is above)\n")
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
