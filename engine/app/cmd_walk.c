#include "app/args.h"
#include "app/commands.h"
#include "app/common.h"
#include "core/term.h"
#include "render/scene.h"
#include "story/lint.h"
#include "story/walk.h"
#include <stdio.h>
#include <string.h>

static void progress(void *ud, long done, long total)
{
    (void)ud;
    fprintf(orl_term_raw(stderr), orl_app_words("@walk", "\rwalking: %ld / %ld"), done, total);
}

int orl_cmd_walk(int argc, char **argv)
{
    orl_args a;
    orl_args_init(&a, argc, argv);
    const char *path = NULL;
    orl_walk_opts o = {0};
    int verbose = 0, k;
    while ((k = orl_args_next(&a)) && !a.error) {
        if (k == 2) {
            if (path) orl_args_fail(&a, "give one story, not '%s' too", a.val);
            path = a.val;
        } else if (orl_args_is(&a, "--all")) {
            o.random = 0;
        } else if (orl_args_is(&a, "--random")) {
            o.random = (int)orl_args_int(&a, 1, 100000000);
        } else if (orl_args_is(&a, "--seed")) {
            o.seed = (uint64_t)orl_args_int(&a, 0, (long long)1 << 62);
        } else if (orl_args_is(&a, "--max-states")) {
            o.max_states = (long)orl_args_int(&a, 1, 100000000);
        } else if (orl_args_is(&a, "--max-steps")) {
            o.max_steps = (long)orl_args_int(&a, 1, 100000000);
        } else if (orl_args_is(&a, "--verbose") || orl_args_is(&a, "-v")) {
            verbose = 1; /* the speed line, for scripts/bench */
        } else {
            orl_args_fail(&a, "unknown option %s", a.opt);
        }
    }
    if (!a.error && !path) orl_args_fail(&a, "which story? give a story folder or a .orilla file");
    if (a.error) return ORL_EXIT_USAGE;

    int rc;
    /* The errors `check` finds without playing are walk's too (a fact without its source, a
     * missing picture, consent, a broken translation), so that both say the same count;
     * after a load error, as in check, nothing is walked. */
    orl_diags d = {0};
    d.wording = orl_app_wording(); /* ORILLA_LANG=es: story/messages.h */
    orl_load_opts ldo = {0};
    ldo.script.seed = o.seed;
    orl_story *st = orl_story_load(path, &ldo, &d);
    int load_errors = d.errors;
    if (st) {
        orl_diags found = {0};
        found.wording = d.wording;
        orl_story_check(st, NULL, &found);
        orl_lint_opts lint = {0};
        lint.walk_states = -1; /* the walk below is the real one */
        lint.decode_image = orl_image_verify; /* as check does */
        lint.load_errors = load_errors;
        orl_story_lint(st, &lint, &found);
        for (size_t i = 0; i < found.n; i++) {
            const orl_diag *g = &found.items[i];
            if (g->sev == ORL_ERROR) orl_diag_add(&d, g->sev, g->file, g->line, g->col, g->code, "%s", g->msg);
        }
        orl_diags_free(&found);
    }
    if (!st || load_errors) {
        orl_diags_sort(&d);
        orl_diags_print(&d, stderr);
        if (st)
            fprintf(stderr, orl_app_words_n("@app", d.errors, "%d error: mend it first ('orilla check %s' lists every problem)\n",
                                            "%d errors: mend them first ('orilla check %s' lists every problem)\n"),
                    d.errors, path);
        rc = st ? ORL_EXIT_PROBLEMS : ORL_EXIT_USAGE;
        orl_diags_free(&d);
        orl_story_free(st);
        return rc;
    }
    if (orl_app_isatty(stderr)) o.progress = progress;
    orl_walk_result res;
    if (orl_walk(st, &o, &res, &d) != 0) {
        orl_diags_print(&d, stderr);
        orl_diags_free(&d);
        orl_story_free(st);
        return ORL_EXIT_PROBLEMS;
    }
    if (o.progress) fprintf(orl_term_raw(stderr), "\r%40s\r", "");
    int reached = 0, endings = 0, endings_reached = 0;
    for (int i = 0; i < st->nscenes; i++) {
        orl_scene *s = &st->scenes[i];
        if (res.reached[i]) reached++;
        if (s->ending) {
            endings++;
            if (res.reached[i]) endings_reached++;
        }
    }
    orl_walk_report(st, &o, &res, &d, 0); /* dead ends, scenes never reached */
    orl_diags_sort(&d);
    orl_diags_print(&d, stdout);
    if (o.random) {
        printf(orl_app_words("@walk", "walk --random %d (seed %llu): "), o.random, (unsigned long long)o.seed);
        printf(orl_app_words_n("@walk", res.playthroughs, "%ld playthrough", "%ld playthroughs"), res.playthroughs);
        printf(", ");
        printf(orl_app_words_n("@count", res.choices, "%ld choice", "%ld choices"), res.choices);
        printf(orl_app_words("@walk", ", %ld reached an ending"), res.endings_hit);
        if (res.unfinished)
            printf(orl_app_words("@walk", ", %ld still going after %ld choices"), res.unfinished,
                   o.max_steps ? o.max_steps : 10000);
        printf("\n");
    } else {
        printf("walk --all: ");
        printf(orl_app_words_n("@walk", res.states, "%ld state", "%ld states"), res.states);
        printf(", ");
        printf(orl_app_words_n("@count", res.choices, "%ld choice", "%ld choices"), res.choices);
        if (res.truncated_bytes)
            fputs(orl_app_words("@walk", " (stopped: the states kept were too large; results are partial)"), stdout);
        else if (res.truncated)
            fputs(orl_app_words("@walk", " (stopped at the limit: the story state keeps changing, e.g. a counter "
                                         "that grows forever; results are partial; raise --max-states)"), stdout);
        printf("\n");
    }
    printf(orl_app_words("@walk", "scenes reached: %d of %d\n"), reached, st->nscenes);
    printf(orl_app_words("@walk", "endings reached: %d of %d\n"), endings_reached, endings);
    for (int i = 0; i < st->nscenes; i++)
        if (st->scenes[i].ending && res.reached[i]) printf(orl_app_words("@walk", "  ending \"%s\"\n"), st->scenes[i].id);
    if (d.errors || res.script_errors)
        printf(orl_app_words_n("@walk", d.errors, "problems: %d error\n", "problems: %d errors\n"), d.errors);
    /* how fast, for scripts/bench and whoever wants to know: authors do not need it */
    if (verbose && res.seconds > 0 && res.choices > 0)
        fprintf(stderr, "walk: %.0f choices/s (%.3f s)\n", (double)res.choices / res.seconds, res.seconds);
    rc = d.errors ? ORL_EXIT_PROBLEMS : ORL_EXIT_OK;
    orl_diags_free(&d);
    orl_walk_result_free(&res);
    orl_story_free(st);
    return rc;
}
