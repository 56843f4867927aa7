/* orilla stats: the anonymous statistics a kiosk kept (engine/kiosk/stats.h). */
#include "app/args.h"
#include "app/commands.h"
#include "app/common.h"
#include "kiosk/config.h"
#include "kiosk/stats.h"
#include <stdio.h>
#include <string.h>

#define DEFAULT_DB "/var/lib/orilla/stats.db"

int orl_cmd_stats(int argc, char **argv)
{
    orl_args a;
    orl_args_init(&a, argc, argv);
    const char *db = NULL, *story = NULL, *config = NULL;
    int csv = 0, k;
    while ((k = orl_args_next(&a)) && !a.error) {
        if (k == 2) {
            if (db) orl_args_fail(&a, "give one database, not '%s' too", a.val);
            db = a.val;
        } else if (orl_args_is(&a, "--db")) {
            const char *v = orl_args_value(&a);
            if (v && db) orl_args_fail(&a, "give one database, not '%s' too", v);
            db = v;
        } else if (orl_args_is(&a, "--csv")) {
            csv = 1;
        } else if (orl_args_is(&a, "--story")) {
            story = orl_args_value(&a);
        } else if (orl_args_is(&a, "--config")) {
            config = orl_args_value(&a);
        } else {
            orl_args_fail(&a, "unknown option %s", a.opt);
        }
    }
    if (a.error) return ORL_EXIT_USAGE;
    orl_kiosk_config cfg;
    orl_kiosk_config_defaults(&cfg);
    if (config && !db) {
        orl_diags d = {0};
        int rc = orl_kiosk_config_load(config, &cfg, &d);
        orl_diags_sort(&d);
        orl_diags_print(&d, stderr);
        orl_diags_free(&d);
        if (rc != 0) {
            orl_kiosk_config_free(&cfg);
            return ORL_EXIT_USAGE;
        }
        if (!cfg.stats) {
            fprintf(stderr, "orilla stats: %s keeps no statistics (it has no stats = \"...\")\n", config);
            orl_kiosk_config_free(&cfg);
            return ORL_EXIT_USAGE;
        }
        db = cfg.stats;
    }
    if (!db) db = DEFAULT_DB;
    char err[1024];
    orl_stats_opts o = {0};
    o.readonly = 1;
    orl_stats *s = orl_stats_open(db, &o, err, sizeof err);
    if (!s) {
        fprintf(stderr, "orilla stats: %s\n", err);
        orl_kiosk_config_free(&cfg);
        return ORL_EXIT_USAGE;
    }
    int rc = orl_stats_report(s, stdout, csv, story);
    if (rc != 0) fprintf(stderr, "orilla stats: cannot read %s: %s\n", db, orl_stats_problem(s));
    orl_stats_close(s);
    orl_kiosk_config_free(&cfg);
    fflush(stdout);
    return rc == 0 ? ORL_EXIT_OK : ORL_EXIT_USAGE;
}
