#include "app/args.h"
#include "app/commands.h"
#include "app/common.h"
#include "bundle/bundle.h"
#include "core/strutil.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int orl_cmd_keygen(int argc, char **argv)
{
    orl_args a;
    orl_args_init(&a, argc, argv);
    const char *name = NULL;
    int k;
    while ((k = orl_args_next(&a)) && !a.error) {
        if (k == 2) {
            if (name) orl_args_fail(&a, "give one key name, not '%s' too", a.val);
            name = a.val;
        } else if (orl_args_is(&a, "-o") || orl_args_is(&a, "--output")) {
            const char *v = orl_args_value(&a);
            if (v && name) orl_args_fail(&a, "give one key name, not '%s' too", v);
            if (v) name = v;
        } else {
            orl_args_fail(&a, "unknown option %s", a.opt);
        }
    }
    if (!a.error && !name) orl_args_fail(&a, "which name? 'orilla keygen -o museo' writes museo.key and museo.pub");
    if (a.error) return ORL_EXIT_USAGE;

    /* "-o museo.key" means the pair called museo, not museo.key.key. */
    char *base = orl_strdup(name);
    if (!base) return ORL_EXIT_USAGE;
    size_t n = strlen(base);
    if (n > 4 && (strcmp(base + n - 4, ".key") == 0 || strcmp(base + n - 4, ".pub") == 0)) base[n - 4] = 0;

    char err[600], fpr[ORL_FINGERPRINT_CHARS + 1];
    if (orl_key_generate(base, fpr, err, sizeof err) != 0) {
        fprintf(stderr, "orilla keygen: %s\n", err);
        free(base);
        return ORL_EXIT_USAGE;
    }
    printf("wrote %s.key (secret: keep it private; it signs bundles as you)\n"
           "wrote %s.pub (public: give it to whoever checks your bundles)\n"
           "key fingerprint: %s\n",
           base, base, fpr);
    free(base);
    return ORL_EXIT_OK;
}
