#include "app/common.h"
#include "core/term.h"
#include "story/messages.h"
#include <stdio.h>
#include <unistd.h>

int orl_app_isatty(FILE *f) { return isatty(orl_term_fileno(f)); }

/* a command's --lang (NULL: ORILLA_LANG), for every layer: story/messages.h */
void orl_app_set_lang(const char *lang) { orl_messages_set_lang(lang); }

orl_wording_fn orl_app_wording(void) { return orl_messages_current(); }

const char *orl_app_words_in(orl_wording_fn w, const char *code, const char *fmt)
{
    const char *t = w && fmt ? w(code, fmt) : NULL;
    return t ? t : fmt;
}

const char *orl_app_words(const char *code, const char *fmt) { return orl_app_words_in(orl_app_wording(), code, fmt); }

const char *orl_app_words_n(const char *code, long long n, const char *one, const char *many)
{
    return orl_app_words(code, n == 1 ? one : many);
}

orl_story *orl_app_open(const char *path, const orl_app_load *o, int *exit_code)
{
    orl_diags d = {0};
    d.wording = orl_app_wording(); /* ORILLA_LANG=es: story/messages.h */
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
        fprintf(stderr, orl_app_words_n("@app", d.errors, "%d error: mend it first ('orilla check %s' lists every problem)\n",
                                        "%d errors: mend them first ('orilla check %s' lists every problem)\n"),
                d.errors, path);
        orl_diags_free(&d);
        orl_story_free(st);
        *exit_code = ORL_EXIT_PROBLEMS;
        return NULL;
    }
    orl_diags_free(&d);
    *exit_code = ORL_EXIT_OK;
    return st;
}
