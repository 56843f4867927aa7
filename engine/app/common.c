#include "app/common.h"
#include "story/messages.h"
#include <stdio.h>
#include <unistd.h>

int orl_app_isatty(FILE *f) { return isatty(fileno(f)); }

orl_story *orl_app_open(const char *path, const orl_app_load *o, int *exit_code)
{
    orl_diags d = {0};
    d.wording = orl_messages_wording(orl_messages_default_lang()); /* ORILLA_LANG=es: story/messages.h */
    orl_load_opts lo = {0};
    lo.script.seed = o ? o->seed : 0;
    lo.lang = o ? o->lang : NULL;
    orl_story *st = orl_story_load(path, &lo, &d);
    if (st && o && o->run_check) orl_story_check(st, NULL, &d);
    orl_diags_sort(&d);
    if (!st) {
        orl_diags_print(&d, stderr);
        orl_diags_free(&d);
        *exit_code = ORL_EXIT_USAGE;
        return NULL;
    }
    if (d.errors) {
        orl_diags_print(&d, stderr);
        fprintf(stderr, "%d error%s: mend %s first ('orilla check %s' lists every problem)\n", d.errors,
                d.errors == 1 ? "" : "s", d.errors == 1 ? "it" : "them", path);
        orl_diags_free(&d);
        orl_story_free(st);
        *exit_code = ORL_EXIT_PROBLEMS;
        return NULL;
    }
    orl_diags_free(&d);
    *exit_code = ORL_EXIT_OK;
    return st;
}
