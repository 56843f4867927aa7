#include "app/args.h"
#include "app/commands.h"
#include "app/common.h"
#include "player/audit.h"
#include "player/player.h"
#include "render/scene.h"
#include "story/lint.h"
#include "story/messages.h"
#include <stdlib.h>
#include <string.h>

/* The report's order: errors, then warnings, then notes, then how far each translation is;
 * within each, by file and line (orl_diags_sort). An author reads the first line first. */
static int group_of(const orl_diag *g)
{
    int tr = g->code && (strncmp(g->code, "translation-", 12) == 0 || strcmp(g->code, "po-language") == 0 ||
                         strcmp(g->code, "bad-lang") == 0);
    if (tr && g->sev != ORL_ERROR) return 3;
    return g->sev == ORL_ERROR ? 0 : g->sev == ORL_WARNING ? 1 : 2;
}

static void report_order(orl_diags *d)
{
    if (d->n < 2) return;
    orl_diag *sorted = malloc(d->n * sizeof *sorted);
    if (!sorted) return; /* stays in file order */
    size_t k = 0;
    for (int grp = 0; grp <= 3; grp++)
        for (size_t i = 0; i < d->n; i++)
            if (group_of(&d->items[i]) == grp) sorted[k++] = d->items[i];
    memcpy(d->items, sorted, d->n * sizeof *sorted);
    free(sorted);
}

int orl_cmd_check(int argc, char **argv)
{
    orl_args a;
    orl_args_init(&a, argc, argv);
    const char *path = NULL, *format = "text", *lang = NULL;
    int k, screens = 0, verbose = 0;
    orl_audit_opts ao = {0};
    while ((k = orl_args_next(&a)) && !a.error) {
        if (k == 2) {
            if (path) orl_args_fail(&a, "give one story, not '%s' too", a.val);
            path = a.val;
        } else if (orl_args_is(&a, "--format")) {
            format = orl_args_value(&a);
            if (format && strcmp(format, "text") && strcmp(format, "json"))
                orl_args_fail(&a, "--format is text or json, not '%s'", format);
        } else if (orl_args_is(&a, "--verbose") || orl_args_is(&a, "-v")) {
            verbose = 1;
        } else if (orl_args_is(&a, "--lang")) {
            lang = orl_args_value(&a);
            if (lang && !orl_messages_has_lang(lang))
                orl_args_fail(&a, "--lang is en (English) or es (español), not '%s'", lang);
        } else if (orl_args_is(&a, "--screens")) {
            screens = 1;
        } else if (orl_args_is(&a, "--verbose")) {
            verbose = 1;
        } else if (orl_args_is(&a, "--shape")) {
            const char *v = orl_args_value(&a);
            int w, h;
            if (v && orl_play_parse_size(v, &w, &h) != 0)
                orl_args_fail(&a, "--shape is WIDTHxHEIGHT, like 1920x1080 or 390x844, not '%s'", v);
            else if (v && ao.nshapes >= ORL_AUDIT_MAX_SHAPES)
                orl_args_fail(&a, "at most %d --shape", ORL_AUDIT_MAX_SHAPES);
            else if (v) {
                ao.shapes[ao.nshapes][0] = w;
                ao.shapes[ao.nshapes][1] = h;
                ao.nshapes++;
            }
        } else if (orl_args_is(&a, "--text-size")) {
            const char *v = orl_args_value(&a);
            if (v && (strlen(v) != 1 || v[0] < '1' || v[0] > '4'))
                orl_args_fail(&a, "--text-size is 1, 2, 3 or 4, not '%s'", v);
            else if (v) ao.sizes |= 1u << (v[0] - '1');
        } else if (orl_args_is(&a, "--story-lang")) {
            const char *v = orl_args_value(&a);
            if (v && ao.nlangs >= ORL_AUDIT_MAX_LANGS) orl_args_fail(&a, "at most %d --story-lang", ORL_AUDIT_MAX_LANGS);
            else if (v) ao.langs[ao.nlangs++] = v;
        } else {
            orl_args_fail(&a, "unknown option %s", a.opt);
        }
    }
    if (!a.error && !path) orl_args_fail(&a, "which story? give a story folder or a .orilla file");
    if (!a.error && !screens && (ao.nshapes || ao.sizes || ao.nlangs))
        orl_args_fail(&a, "--shape, --text-size and --story-lang go with --screens");
    if (a.error) return ORL_EXIT_USAGE;

    orl_app_set_lang(lang); /* NULL: ORILLA_LANG */
    orl_diags d = {0};
    d.wording = orl_app_wording(); /* story/messages.h */
    orl_story *st = orl_story_load(path, NULL, &d);
    int load_errors = d.errors;
    if (st) orl_story_check(st, NULL, &d);
    orl_lint_opts lo = {0};
    lo.load_errors = load_errors; /* the walk runs on a story that loaded whole */
    lo.verbose = verbose;
    lo.decode_image = orl_image_verify; /* a damaged picture is found before the player shows it */
    if (st) orl_story_lint(st, &lo, &d); /* workshop advice: story/lint.h */
    /* the screen audit: only a story that loads with no error can be laid out */
    orl_audit_stats as = {0};
    int audited = 0;
    if (st && screens && !d.errors) {
        ao.path = path;
        audited = orl_player_audit(&ao, &d, &as) == 0;
    }
    orl_diags_sort(&d);
    report_order(&d);
    int json = strcmp(format, "json") == 0;
    if (json) orl_diags_print_json(&d, stdout);
    else orl_diags_print(&d, stdout);
    int rc = !st ? ORL_EXIT_USAGE : d.errors ? ORL_EXIT_PROBLEMS : ORL_EXIT_OK;
    if (!json && st) {
        int endings = 0;
        for (int i = 0; i < st->nscenes; i++) endings += st->scenes[i].ending;
        if (d.errors || d.warnings)
            printf(orl_diag_words(&d, "@check", "%s: %d error%s, %d warning%s\n"), path, d.errors,
                   d.errors == 1 ? "" : orl_diag_words(&d, "@plural-error", "s"), d.warnings,
                   d.warnings == 1 ? "" : orl_diag_words(&d, "@plural-warning", "s"));
        else {
            printf(orl_app_words("@check", "%s: no problems found ("), path);
            printf(orl_app_words_n("@count", st->nscenes, "%d scene", "%d scenes"), st->nscenes);
            printf(", ");
            printf(orl_app_words_n("@count", endings, "%d ending", "%d endings"), endings);
            printf(", ");
            printf(orl_app_words_n("@count", st->ntestimonies, "%d testimony", "%d testimonies"), st->ntestimonies);
            printf(")\n");
        }
    }
    if (audited && verbose) {
        fprintf(stderr, orl_app_words("@screens", "screens: %d combinations (languages x text sizes x shapes), %ld layouts, "
                                                  "%d finding%s, %.2f s (%.2f s of CPU)\n"),
                as.combinations, as.layouts, as.findings, as.findings == 1 ? "" : "s", as.seconds, as.cpu_seconds);
    }
    orl_diags_free(&d);
    orl_story_free(st);
    return rc;
}
