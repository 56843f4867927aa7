#include "app/args.h"
#include "app/commands.h"
#include "app/common.h"
#include "bundle/bundle.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void print_size(FILE *out, unsigned long long b)
{
    if (b < 1024) fprintf(out, orl_app_words_n("@app", (long long)b, "%llu byte", "%llu bytes"), b);
    else if (b < 1024ull * 1024) fprintf(out, "%.1f KB", (double)b / 1024.0);
    else fprintf(out, "%.1f MB", (double)b / (1024.0 * 1024.0));
}

int orl_cmd_pack(int argc, char **argv)
{
    orl_args a;
    orl_args_init(&a, argc, argv);
    const char *dir = NULL, *out = NULL, *keyfile = NULL;
    int verbose = 0, k;
    while ((k = orl_args_next(&a)) && !a.error) {
        if (k == 2) {
            if (dir) orl_args_fail(&a, "give one story folder, not '%s' too", a.val);
            dir = a.val;
        } else if (orl_args_is(&a, "-o") || orl_args_is(&a, "--output")) {
            out = orl_args_value(&a);
        } else if (orl_args_is(&a, "--sign")) {
            keyfile = orl_args_value(&a);
        } else if (orl_args_is(&a, "--verbose") || orl_args_is(&a, "-v")) {
            verbose = 1;
        } else {
            orl_args_fail(&a, "unknown option %s", a.opt);
        }
    }
    if (!a.error && !dir) orl_args_fail(&a, "which story folder? 'orilla pack my-story -o my-story.orilla'");
    if (!a.error && !out) orl_args_fail(&a, "where to? add -o NAME.orilla");
    if (a.error) return ORL_EXIT_USAGE;

    struct stat st;
    if (stat(dir, &st) != 0) {
        fprintf(stderr, orl_app_words("@pack", "%s: error: cannot read: no such folder\n"), dir);
        return ORL_EXIT_USAGE;
    }
    if (!S_ISDIR(st.st_mode)) {
        fprintf(stderr, orl_app_words("@pack", "%s: error: not a folder: pack makes a bundle from a story folder\n"), dir);
        return ORL_EXIT_USAGE;
    }

    long long mtime = 0;
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde) {
        char *end;
        errno = 0;
        long long v = strtoll(sde, &end, 10);
        if (errno || *end || v < 0)
            fprintf(stderr, orl_app_words("@pack", "orilla pack: SOURCE_DATE_EPOCH='%s' is not a number of seconds; "
                                                   "using 1980-01-01\n"), sde);
        else mtime = v;
    }

    orl_seckey key;
    int have_key = 0;
    if (keyfile) {
        char err[600];
        if (orl_key_load_secret(keyfile, &key, err, sizeof err) != 0) {
            fprintf(stderr, "orilla pack: %s\n", err);
            return ORL_EXIT_USAGE;
        }
        have_key = 1;
    }

    /* A bundle is for showing: a story with errors is not packed. */
    orl_diags d = {0};
    d.wording = orl_app_wording(); /* ORILLA_LANG=es: story/messages.h */
    orl_story *story = orl_story_load(dir, NULL, &d);
    if (story) orl_story_check(story, NULL, &d);
    orl_diags_sort(&d);
    orl_diags_print(&d, stderr);
    if (!story || d.errors) {
        if (story)
            fprintf(stderr, orl_app_words_n("@pack", d.errors,
                                            "%s: %d error: pack makes bundles only of stories without errors; mend it first\n",
                                            "%s: %d errors: pack makes bundles only of stories without errors; mend them first\n"),
                    dir, d.errors);
        orl_diags_free(&d);
        orl_story_free(story);
        if (have_key) orl_key_wipe(&key);
        return story ? ORL_EXIT_PROBLEMS : ORL_EXIT_USAGE;
    }
    orl_diags_free(&d);

    orl_pack_desc desc = {0};
    desc.id = story->id;
    desc.version = story->version;
    desc.title = story->title;
    desc.sign = have_key ? &key : NULL;
    desc.mtime = mtime;
    /* the day it is made: a clock before it is wrong (consent then counts as ended) */
    char made[11];
    orl_pack_made_day(mtime, orl_today() * 86400LL, made);
    desc.made = made;
    desc.progress = orl_app_isatty(stderr);
    desc.verbose = verbose;
    orl_pack_result res;
    int rc = orl_bundle_pack(dir, out, &desc, &res, &d);
    orl_diags_sort(&d);
    orl_diags_print(&d, stderr);
    if (rc == 0) {
        printf(orl_app_words_n("@pack", res.files, "wrote %s: %lld file, ", "wrote %s: %lld files, "), out, res.files);
        print_size(stdout, res.bundle_bytes);
        if (have_key) printf(orl_app_words("@pack", ", signed with key %s\n"), key.pub.fingerprint);
        else fputs(orl_app_words("@pack", ", not signed\n"), stdout);
    } else if (d.errors) {
        fprintf(stderr, orl_app_words("@pack", "%s: not packed\n"), dir);
    }
    orl_diags_free(&d);
    orl_story_free(story);
    if (have_key) orl_key_wipe(&key);
    return rc;
}
