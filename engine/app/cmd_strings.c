/* orilla strings PATH [-o FILE.pot]: the story's texts for translators (story/locale.h). */
#include "app/args.h"
#include "app/commands.h"
#include "app/common.h"
#include "app/outfile.h"
#include "story/locale.h"
#include <string.h>

int orl_cmd_strings(int argc, char **argv)
{
    orl_args a;
    orl_args_init(&a, argc, argv);
    const char *path = NULL, *out = NULL, *withdrawn = NULL;
    int k;
    while ((k = orl_args_next(&a)) && !a.error) {
        if (k == 2) {
            if (path) orl_args_fail(&a, "give one story, not '%s' too", a.val);
            path = a.val;
        } else if (orl_args_is(&a, "-o") || orl_args_is(&a, "--output")) {
            out = orl_args_value(&a);
        } else if (orl_args_is(&a, "--withdrawn")) {
            withdrawn = orl_args_value(&a);
        } else {
            orl_args_fail(&a, "unknown option %s", a.opt);
        }
    }
    if (!a.error && !path) orl_args_fail(&a, "which story? give a story folder or a .orilla file");
    if (a.error) return ORL_EXIT_USAGE;

    int rc;
    orl_app_load lo = {0};
    orl_story *st = orl_app_open(path, &lo, &rc);
    if (!st) return rc;
    /* a withdrawn testimony is left out of the export too: --withdrawn FILE and
     * $ORILLA_WITHDRAWN (story/consent.h); a list that cannot be read: nothing is written */
    orl_withdrawn wl = {0};
    orl_diags wd = {0};
    wd.wording = orl_app_wording(); /* ORILLA_LANG=es: story/messages.h */
    if (orl_withdrawn_load_default(&wl, withdrawn, &wd) != 0) {
        orl_diags_print(&wd, stderr);
        orl_diags_free(&wd);
        orl_withdrawn_free(&wl);
        orl_story_free(st);
        return ORL_EXIT_USAGE;
    }
    orl_diags_free(&wd);
    orl_outfile of;
    if (orl_outfile_open(&of, "strings", out) != 0) {
        orl_withdrawn_free(&wl);
        orl_story_free(st);
        return ORL_EXIT_USAGE;
    }
    int ok = orl_story_write_pot_ex(st, &wl, of.f) == 0;
    orl_withdrawn_free(&wl);
    if (!ok) fputs(orl_app_words("@strings", "orilla strings: out of memory or cannot write\n"), stderr);
    rc = orl_outfile_close(&of, "strings", ok) == 0 ? ORL_EXIT_OK : ORL_EXIT_USAGE;
    if (rc == ORL_EXIT_OK && out && strcmp(out, "-") != 0)
        fprintf(stderr, orl_app_words("@strings", "orilla strings: wrote %s; open it in Poedit (File > New from POT/PO "
                                                  "file) to start a translation, and save it as locale/LANG.po in the "
                                                  "story folder\n"), out);
    orl_story_free(st);
    return rc;
}
