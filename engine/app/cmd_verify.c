#include "app/args.h"
#include "app/commands.h"
#include "app/common.h"
#include "bundle/bundle.h"
#include <stdio.h>
#include <string.h>

int orl_cmd_verify(int argc, char **argv)
{
    orl_args a;
    orl_args_init(&a, argc, argv);
    const char *path = NULL, *keyfile = NULL, *format = "text";
    int k;
    while ((k = orl_args_next(&a)) && !a.error) {
        if (k == 2) {
            if (path) orl_args_fail(&a, "give one bundle, not '%s' too", a.val);
            path = a.val;
        } else if (orl_args_is(&a, "--key")) {
            keyfile = orl_args_value(&a);
        } else if (orl_args_is(&a, "--format")) {
            format = orl_args_value(&a);
            if (format && strcmp(format, "text") && strcmp(format, "json"))
                orl_args_fail(&a, "--format is text or json, not '%s'", format);
        } else {
            orl_args_fail(&a, "unknown option %s", a.opt);
        }
    }
    if (!a.error && !path) orl_args_fail(&a, "which bundle? give a .orilla file");
    if (a.error) return ORL_EXIT_USAGE;
    int json = strcmp(format, "json") == 0;

    orl_pubkey key;
    if (keyfile) {
        char err[600];
        if (orl_key_load_public(keyfile, &key, err, sizeof err) != 0) {
            fprintf(stderr, "orilla verify: %s\n", err);
            return ORL_EXIT_USAGE;
        }
    }
    orl_diags d = {0};
    d.wording = orl_app_wording(); /* ORILLA_LANG=es: story/messages.h */
    orl_bundle_report rep;
    int rc = orl_bundle_verify(path, keyfile ? &key : NULL, &rep, &d);
    if (json) {
        orl_diags_print_json(&d, stdout);
    } else {
        orl_diags_print(&d, stdout);
        if (rc == 0) {
            printf(orl_app_words_n("@verify", rep.files, "%s: ok: %lld file matches the manifest",
                                   "%s: ok: %lld files match the manifest"), path, rep.files);
            if (rep.signature_ok) printf(orl_app_words("@verify", "; good signature by key %s\n"), rep.signer);
            else if (rep.is_signed)
                printf(orl_app_words("@verify", "; signed by key %s (not checked: add --key NAME.pub)\n"), rep.signer);
            else fputs(orl_app_words("@verify", "; not signed\n"), stdout);
        } else if (rc == 1) {
            printf(orl_app_words_n("@verify", d.errors,
                                   "%s: %d problem: do not show this bundle; get it again from whoever packed it\n",
                                   "%s: %d problems: do not show this bundle; get it again from whoever packed it\n"),
                   path, d.errors);
        }
    }
    orl_bundle_report_free(&rep);
    orl_diags_free(&d);
    return rc;
}
