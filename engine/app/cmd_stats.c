/* orilla stats: the anonymous statistics a kiosk kept (engine/kiosk/stats.h).
 *   orilla stats [--db FILE | FILE | --config kiosk.lua] [--story ID|PATH] [--csv | --svg OUT.svg]
 *   orilla stats merge A.db B.db ... -o all.db
 * Problems with a file are printed as `FILE: error: ...` (exit 2). */
#include "app/args.h"
#include "app/commands.h"
#include "app/common.h"
#include "app/outfile.h"
#include "kiosk/config.h"
#include "kiosk/stats.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define DEFAULT_DB "/var/lib/orilla/stats.db"

static int cmd_merge(int argc, char **argv)
{
    orl_args a;
    orl_args_init(&a, argc, argv);
    a.cmd = "stats"; /* messages and the help hint: orilla stats */
    const char *out = NULL;
    const char **in = calloc((size_t)argc + 1, sizeof *in);
    int n = 0, k, quiet = 0;
    if (!in) return ORL_EXIT_USAGE;
    while ((k = orl_args_next(&a)) && !a.error) {
        if (k == 2) in[n++] = a.val;
        else if (orl_args_is(&a, "-o") || orl_args_is(&a, "--output")) out = orl_args_value(&a);
        else if (orl_args_is(&a, "--quiet")) quiet = 1;
        else orl_args_fail(&a, "unknown option %s", a.opt);
    }
    if (!a.error && !out) orl_args_fail(&a, "where to? give -o FILE (the merged file)");
    if (!a.error && n == 0) orl_args_fail(&a, "which files? give the kiosks' statistics files: merge A.db B.db -o all.db");
    if (a.error) {
        free(in);
        return ORL_EXIT_USAGE;
    }
    char err[1200];
    orl_stats_merge_result res;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int rc = orl_stats_merge(in, n, out, quiet ? NULL : stdout, stderr, &res, err, sizeof err);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    free(in);
    if (rc != 0) {
        /* err is "FILE: message" */
        const char *sep = strstr(err, ": ");
        if (sep) fprintf(stderr, "%.*s: error: %s\n", (int)(sep - err), err, sep + 2);
        else fprintf(stderr, "%s: error: %s\n", out, err);
        return ORL_EXIT_USAGE;
    }
    double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
    if (!quiet)
        printf("%s: %d source%s (%d cop%s left out), %lld sessions begun, %lld finished, %lld left; %.0f ms\n", out,
               res.sources, res.sources == 1 ? "" : "s", res.left_out, res.left_out == 1 ? "y" : "ies", res.started,
               res.finished, res.abandoned, ms);
    fflush(stdout);
    return ORL_EXIT_OK;
}

int orl_cmd_stats(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "merge") == 0) return cmd_merge(argc - 1, argv + 1);
    orl_args a;
    orl_args_init(&a, argc, argv);
    const char *db = NULL, *story = NULL, *config = NULL, *svg = NULL;
    int csv = 0, k;
    long long min_sessions = 0;
    while ((k = orl_args_next(&a)) && !a.error) {
        if (k == 2) {
            if (db) orl_args_fail(&a, "give one database, not '%s' too (to combine several: orilla stats merge)", a.val);
            db = a.val;
        } else if (orl_args_is(&a, "--db")) {
            const char *v = orl_args_value(&a);
            if (v && db) orl_args_fail(&a, "give one database, not '%s' too (to combine several: orilla stats merge)", v);
            db = v;
        } else if (orl_args_is(&a, "--csv")) {
            csv = 1;
        } else if (orl_args_is(&a, "--svg")) {
            svg = orl_args_value(&a);
        } else if (orl_args_is(&a, "--min-sessions")) {
            min_sessions = orl_args_int(&a, ORL_KIOSK_OTHERS_MIN, 1000000000LL);
        } else if (orl_args_is(&a, "--story")) {
            story = orl_args_value(&a);
        } else if (orl_args_is(&a, "--config")) {
            config = orl_args_value(&a);
        } else {
            orl_args_fail(&a, "unknown option %s", a.opt);
        }
    }
    if (!a.error && csv && svg) orl_args_fail(&a, "--csv or --svg, not both");
    if (a.error) return ORL_EXIT_USAGE;
    orl_kiosk_config cfg;
    orl_kiosk_config_defaults(&cfg);
    if (config) {
        orl_diags d = {0};
        int rc = orl_kiosk_config_load(config, &cfg, &d);
        orl_diags_sort(&d);
        orl_diags_print(&d, stderr);
        orl_diags_free(&d);
        if (rc != 0) {
            orl_kiosk_config_free(&cfg);
            return ORL_EXIT_USAGE;
        }
        if (!cfg.stats && !db) {
            fprintf(stderr, "%s: error: this kiosk keeps no statistics (it has no stats = \"...\")\n", config);
            orl_kiosk_config_free(&cfg);
            return ORL_EXIT_USAGE;
        }
        if (!db) db = cfg.stats;
    }
    if (!db) db = DEFAULT_DB;
    /* the small-count rule of the kiosk's screen: the config's, else the default */
    if (!min_sessions) min_sessions = config ? cfg.others_min_sessions : ORL_STATS_MIN_SESSIONS_DEFAULT;
    char err[1024];
    orl_stats_opts o = {0};
    o.readonly = 1;
    orl_stats *s = orl_stats_open(db, &o, err, sizeof err);
    if (!s) {
        fprintf(stderr, "%s: error: %s\n", db, err);
        orl_kiosk_config_free(&cfg);
        return ORL_EXIT_USAGE;
    }
    /* --story PATH (a story folder or bundle): that story, in its order and words */
    orl_story *labels = NULL;
    struct stat sb;
    if (story && (strchr(story, '/') || strstr(story, ".orilla")) && stat(story, &sb) == 0) {
        int code = 0;
        orl_app_load lo = {0};
        labels = orl_app_open(story, &lo, &code);
        if (!labels) {
            orl_stats_close(s);
            orl_kiosk_config_free(&cfg);
            return code ? code : ORL_EXIT_USAGE;
        }
        story = labels->id;
    }
    orl_stats_report_opts ro = {0};
    ro.story = story;
    ro.min_sessions = min_sessions;
    ro.labels = labels;
    int rc;
    if (svg) {
        orl_outfile of;
        rc = orl_outfile_open(&of, "stats", svg);
        if (rc == 0) {
            rc = orl_stats_svg(s, of.f, &ro);
            if (rc != 0) fprintf(stderr, "%s: error: cannot be read: %s\n", db, orl_stats_problem(s));
            if (orl_outfile_close(&of, "stats", rc == 0) != 0) rc = -1;
        }
    } else {
        rc = orl_stats_report(s, stdout, csv, &ro);
        if (rc != 0) fprintf(stderr, "%s: error: cannot be read: %s\n", db, orl_stats_problem(s));
    }
    orl_stats_close(s);
    orl_story_free(labels);
    orl_kiosk_config_free(&cfg);
    fflush(stdout);
    return rc == 0 ? ORL_EXIT_OK : ORL_EXIT_USAGE;
}
