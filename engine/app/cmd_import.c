/* orilla import twee FILE.twee -o DIR [--lang L]: a Twine story as an Orilla story folder
 * (story/twee.h). The folder it writes is loaded and checked before it says it is done. */
#include "app/args.h"
#include "app/commands.h"
#include "app/common.h"
#include "render/scene.h"
#include "story/lint.h"
#include "story/twee.h"
#include "core/limits.h"
#include "core/rfile.h"
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int dir_is_empty(const char *path)
{
    DIR *dd = opendir(path);
    if (!dd) return 0;
    struct dirent *de;
    int empty = 1;
    while ((de = readdir(dd)))
        if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..")) { empty = 0; break; }
    closedir(dd);
    return empty;
}

/* Reads a whole regular file of at most max bytes. 0, -1 (cannot read: errno), -2 (too big),
 * -3 (a device, a FIFO or a folder). */
static int read_file(const char *path, size_t max, char **data, size_t *len)
{
    char why[100];
    FILE *f = orl_open_regular(path, max, why, sizeof why);
    if (!f) {
        struct stat sb;
        if (stat(path, &sb) != 0) return -1; /* errno says why */
        if (!S_ISREG(sb.st_mode)) return -3;
        if ((unsigned long long)sb.st_size > max) return -2;
        errno = EACCES;
        return -1;
    }
    orl_buf b = {0};
    char chunk[65536];
    size_t n;
    int rc = 0;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (b.len + n > max) { rc = -2; break; }
        orl_buf_put(&b, chunk, n);
    }
    if (ferror(f)) rc = -1;
    fclose(f);
    if (b.oom) rc = -1;
    if (rc != 0) { orl_buf_free(&b); return rc; }
    orl_buf_put(&b, "", 1);
    *data = b.data;
    *len = b.len - 1;
    return b.oom ? -1 : 0;
}

int orl_cmd_import(int argc, char **argv)
{
    orl_args a;
    orl_args_init(&a, argc, argv);
    const char *format = NULL, *file = NULL, *out = NULL, *lang = NULL;
    int k;
    while ((k = orl_args_next(&a)) && !a.error) {
        if (k == 2) {
            if (!format) format = a.val;
            else if (!file) file = a.val;
            else orl_args_fail(&a, "give one file to import, not '%s' too", a.val);
        } else if (orl_args_is(&a, "-o") || orl_args_is(&a, "--output")) {
            out = orl_args_value(&a);
        } else if (orl_args_is(&a, "--lang")) {
            lang = orl_args_value(&a);
            if (lang && (!*lang || strlen(lang) > ORL_MAX_LANG || strspn(lang, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") != strlen(lang)))
                orl_args_fail(&a, "--lang wants a language code like en, es, fr or ar, not '%s'", lang);
        } else {
            orl_args_fail(&a, "unknown option %s", a.opt);
        }
    }
    if (!a.error && !format) orl_args_fail(&a, "import what? for a Twine story: orilla import twee FILE.twee -o FOLDER");
    if (!a.error && strcmp(format, "twee") != 0)
        orl_args_fail(&a, "Orilla imports Twine stories saved as Twee (orilla import twee FILE.twee -o FOLDER), not '%s'",
                      format);
    if (!a.error && !file) orl_args_fail(&a, "which file? orilla import twee FILE.twee -o FOLDER");
    if (!a.error && !out) orl_args_fail(&a, "where should the story go? add -o FOLDER (a new folder)");
    if (a.error) return ORL_EXIT_USAGE;

    struct stat sb;
    if (stat(out, &sb) == 0 && !(S_ISDIR(sb.st_mode) && dir_is_empty(out))) {
        fprintf(stderr, orl_app_words("@import", "orilla import: %s already exists and is not an empty folder; choose a "
                                                 "new folder name (nothing was changed)\n"), out);
        return ORL_EXIT_USAGE;
    }
    char *data = NULL;
    size_t len = 0;
    int rr = read_file(file, ORL_MAX_TWEE_BYTES, &data, &len);
    if (rr == -2) {
        fprintf(stderr, orl_app_words("@import", "orilla import: %s is larger than %u MB; a Twine story is far smaller "
                                                 "(is it the right file?)\n"), file, ORL_MAX_TWEE_BYTES >> 20);
        return ORL_EXIT_USAGE;
    }
    if (rr == -3) {
        fprintf(stderr, orl_app_words("@import", "orilla import: cannot read %s: it is not a plain file (a device, a pipe "
                                                 "or a folder); give the Twine story's .twee or .html file\n"), file);
        return ORL_EXIT_USAGE;
    }
    if (rr != 0) {
        fprintf(stderr, orl_app_words("@import", "orilla import: cannot read %s: %s\n"), file, strerror(errno));
        return ORL_EXIT_USAGE;
    }
    orl_diags d = {0};
    d.wording = orl_app_wording(); /* ORILLA_LANG=es: story/messages.h */
    orl_buf lua = {0};
    orl_twee_opts o = {lang, file};
    orl_twee_stats stats;
    int rc = orl_twee_convert(file, data, len, &o, &lua, &stats, &d);
    free(data);
    orl_diags_sort(&d);
    orl_diags_print(&d, stderr);
    int warnings = d.warnings;
    orl_diags_free(&d);
    if (rc != 0) {
        orl_buf_free(&lua);
        return ORL_EXIT_PROBLEMS;
    }
    if (mkdir(out, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, orl_app_words("@import", "orilla import: cannot make the folder %s: %s\n"), out, strerror(errno));
        orl_buf_free(&lua);
        return ORL_EXIT_USAGE;
    }
    char path[1200];
    snprintf(path, sizeof path, "%s/story.lua", out);
    FILE *f = fopen(path, "wx");
    int ok = f && fwrite(lua.data, 1, lua.len, f) == lua.len;
    if (f && fclose(f) != 0) ok = 0;
    orl_buf_free(&lua);
    if (!ok) {
        fprintf(stderr, orl_app_words("@import", "orilla import: cannot write %s: %s\n"), path, strerror(errno));
        return ORL_EXIT_USAGE;
    }
    /* what was written must load and pass the checks */
    orl_diags cd = {0};
    cd.wording = d.wording;
    orl_story *st = orl_story_load(out, NULL, &cd);
    if (st) orl_story_check(st, NULL, &cd);
    orl_lint_opts lo = {0};
    lo.decode_image = orl_image_verify;
    if (st && !cd.errors) orl_story_lint(st, &lo, &cd); /* so the count below is what 'orilla check' says */
    orl_diags_sort(&cd);
    if (cd.errors) {
        orl_diags_print(&cd, stderr);
        fputs(orl_app_words("@import", "orilla import: the imported story has problems (above); please report this "
                                       "with the .twee file\n"), stderr);
        rc = ORL_EXIT_PROBLEMS;
    }
    int cwarn = cd.warnings;
    orl_diags_free(&cd);
    orl_story_free(st);
    if (rc != 0) return rc;
    printf(orl_app_words("@import", "imported %s into %s/story.lua: "), file, out);
    printf(orl_app_words_n("@count", stats.scenes, "%d scene", "%d scenes"), stats.scenes);
    printf(" (");
    printf(orl_app_words_n("@count", stats.endings, "%d ending", "%d endings"), stats.endings);
    printf("), ");
    printf(orl_app_words_n("@count", stats.choices, "%d choice", "%d choices"), stats.choices);
    if (stats.skipped)
        printf(orl_app_words_n("@import", stats.skipped, "; %d special passage left out", "; %d special passages left out"),
               stats.skipped);
    printf("\n");
    printf(orl_app_words("@import", "story format: %s; language: %s%s\n"), stats.format,
           lang ? lang : stats.lang_guess ? stats.lang_guess : "en",
           lang ? "" : stats.lang_guess ? orl_app_words("@import", " (guessed from its words; --lang to choose)")
                                        : orl_app_words("@import", " (its words did not tell; --lang to choose)"));
    /* the warnings' lines are the .twee file's; in story.lua each passage is a scene under a
     * comment -- Twine: "name", and 'orilla check' gives the story.lua line of the Twine code left */
    if (warnings)
        printf(orl_app_words_n("@import", warnings,
                               "%d warning above: its line number is in %s. In %s/story.lua each passage is a scene "
                               "under a comment -- Twine: \"passage name\"; 'orilla check %s' gives the story.lua "
                               "lines of any Twine code left\n",
                               "%d warnings above: their line numbers are in %s. In %s/story.lua each passage is a "
                               "scene under a comment -- Twine: \"passage name\"; 'orilla check %s' gives the "
                               "story.lua lines of any Twine code left\n"),
               warnings, file, out, out);
    if (cwarn)
        printf(orl_app_words_n("@import", cwarn, "'orilla check %s' has %d more piece of advice\n",
                               "'orilla check %s' has %d more pieces of advice\n"), out, cwarn);
    printf(orl_app_words("@import", "next: orilla check %s, then orilla text %s\n"), out, out);
    return ORL_EXIT_OK;
}
