/* The terminal player: a story can be played to its end by a person in a terminal, or by a
 * script with --choices. It shows exactly what the window player shows, consent included. */
#include "app/args.h"
#include "app/commands.h"
#include "app/common.h"
#include "story/care.h"
#include "story/consent.h"
#include "story/run.h"
#include "story/uitext.h"
#include "core/limits.h"
#include <stdlib.h>
#include <string.h>

typedef struct text_player {
    const char *lang;
    const char *choices; /* remaining --choices, "1,2,1" */
    orl_consent_ctx consent;
    int width;
    orl_story *st;
    int bad_choice; /* a --choices number that was not on the screen: a usage error */
} text_player;

/* Prints a paragraph wrapped at the width, by words (UTF-8 aware enough: counts code points). */
static void wrap_print(const char *s, int width, const char *indent)
{
    const char *p = s;
    while (*p) {
        const char *nl = strchr(p, '\n');
        const char *end = nl ? nl : p + strlen(p);
        int col = 0;
        fputs(indent, stdout);
        while (p < end) {
            const char *w = p;
            while (w < end && *w == ' ') w++;
            const char *we = w;
            int wl = 0;
            while (we < end && *we != ' ') { if (((unsigned char)*we & 0xC0) != 0x80) wl++; we++; }
            if (col > 0 && col + 1 + wl > width) {
                fputc('\n', stdout);
                fputs(indent, stdout);
                col = 0;
            } else if (col > 0) {
                fputc(' ', stdout);
                col++;
            }
            fwrite(w, 1, (size_t)(we - w), stdout);
            col += wl;
            p = we;
        }
        fputc('\n', stdout);
        if (!nl) break;
        p = nl + 1;
    }
}

static void print_note(const orl_care_note *n, text_player *tp, const char *indent)
{
    printf("%s[%s:", indent, orl_ui_text(tp->lang, ORL_UI_CONTENT_NOTE));
    for (int i = 0; i < n->warnings->n; i++) printf("%s %s", i ? "," : "", n->warnings->items[i]);
    printf("]\n");
}

static int next_pick(text_player *tp, int n);

/* A content note with "1. Continue  2. Skip this part". ORL_CARE_NOT_ASKED when the reader quit. */
static orl_care_answer ask_note(const orl_care_note *n, text_player *tp, const char *indent)
{
    printf("\n");
    print_note(n, tp, indent);
    printf("%s  1. %s\n%s  2. %s\n", indent, orl_ui_text(tp->lang, ORL_UI_CONTINUE), indent,
           orl_ui_text(tp->lang, ORL_UI_SKIP_PART));
    int pick = next_pick(tp, 2);
    return pick == 1 ? ORL_CARE_CONTINUE : pick == 2 ? ORL_CARE_SKIP : ORL_CARE_NOT_ASKED;
}

/* The care screen: who the reader can talk to (the story's `support`). */
static void show_support(text_player *tp)
{
    orl_story *st = tp->st;
    if (!orl_care_has_support(st)) return;
    printf("\n%s\n", orl_ui_text(tp->lang, ORL_UI_SUPPORT));
    for (int i = 0; i < st->nsupport; i++) {
        const orl_support *sp = &st->support[i];
        printf("  - %s%s%s\n", sp->name ? sp->name : "", sp->contact ? ": " : "", sp->contact ? sp->contact : "");
        if (sp->note && *sp->note) wrap_print(sp->note, tp->width - 4, "    ");
    }
}

/* Shows the testimony as the view says. 0, or -1 when the reader quit at its content note. */
static int show_testimony(orl_story *st, orl_scene *s, orl_care_answer scene_ans, text_player *tp)
{
    orl_care_view v = orl_care_view_of(st, s, &tp->consent, scene_ans, ORL_CARE_NOT_ASKED);
    if (v.ask_testimony) {
        orl_care_note n;
        orl_care_answer ans = ORL_CARE_CONTINUE;
        if (orl_care_testimony_note(st, s, &tp->consent, scene_ans, &n)) ans = ask_note(&n, tp, "    ");
        if (ans == ORL_CARE_NOT_ASKED) return -1;
        v = orl_care_view_of(st, s, &tp->consent, scene_ans, ans);
    }
    const orl_testimony *tt = s->testimony_idx >= 0 ? &st->testimonies[s->testimony_idx] : NULL;
    if (v.consent_notice) {
        fputc('\n', stdout);
        wrap_print(orl_testimony_notice(st, tt, tp->lang), tp->width - 4, "    ");
        return 0;
    }
    if (v.testimony_skipped) {
        fputc('\n', stdout);
        wrap_print(orl_care_skipped_text(s, tt, tp->lang), tp->width - 4, "    ");
        return 0;
    }
    if (!v.testimony) return 0;
    /* only here, after the consent decision said yes, is a testimony's text printed */
    orl_testimony *t = &st->testimonies[s->testimony_idx];
    fputc('\n', stdout);
    char *heading = orl_testimony_heading(st, t, tp->lang);
    printf("    %s:\n", heading ? heading : "?");
    free(heading);
    if (t->text) wrap_print(t->text, tp->width - 6, "      ");
    return 0;
}

/* Shows the current scene, asking its content notes. 0; 1 when the reader skipped it and its
 * skip_to leads on; -1 when the reader quit. */
static int show_scene(orl_story *st, orl_run *r, text_player *tp, orl_diags *d)
{
    orl_scene *s = &st->scenes[orl_run_scene(r)];
    orl_care_answer scene_ans = ORL_CARE_NOT_ASKED;
    orl_care_note note;
    if (orl_care_scene_note(st, s, &note)) {
        scene_ans = ask_note(&note, tp, "");
        if (scene_ans == ORL_CARE_NOT_ASKED) return -1;
    }
    orl_care_view v = orl_care_view_of(st, s, &tp->consent, scene_ans, ORL_CARE_NOT_ASKED);
    printf("\n");
    if (v.skipped) {
        wrap_print(orl_care_skipped_text(s, NULL, tp->lang), tp->width, "");
        return s->skip_to_idx >= 0 ? 1 : 0; /* skip_to: the skip leads straight there */
    }
    char *text = orl_run_scene_text(r, d);
    if (s->title) printf("== %s ==\n\n", s->title);
    if (text && *text) wrap_print(text, tp->width, "");
    free(text);
    if (show_testimony(st, s, scene_ans, tp) != 0) return -1;
    if (v.fact && s->fact.text) {
        printf("\n");
        char line[ORL_MAX_TEXT + 64];
        snprintf(line, sizeof line, "%s: %s", orl_ui_text(tp->lang, ORL_UI_FACT), s->fact.text);
        wrap_print(line, tp->width - 4, "  * ");
        if (s->fact.source) {
            snprintf(line, sizeof line, "(%s: %s%s%s)", orl_ui_text(tp->lang, ORL_UI_SOURCE), s->fact.source,
                     s->fact.url ? ", " : "", s->fact.url ? s->fact.url : "");
            wrap_print(line, tp->width - 4, "    ");
        }
    }
    return 0;
}

/* Next choice number: from --choices, else stdin. 0 = quit/end of input. 's' (typed, or in
 * --choices) shows the care screen and asks again. */
static int next_pick(text_player *tp, int n)
{
    char line[64];
    for (;;) {
        printf("> ");
        if (tp->choices && *tp->choices) {
            if ((tp->choices[0] == 's' || tp->choices[0] == 'S') && (tp->choices[1] == ',' || !tp->choices[1])) {
                printf("s\n");
                tp->choices += tp->choices[1] ? 2 : 1;
                show_support(tp);
                continue;
            }
            char *end;
            long v = strtol(tp->choices, &end, 10);
            int len = (int)(end - tp->choices);
            printf("%.*s\n", len > 0 ? len : 1, tp->choices);
            tp->choices = *end == ',' ? end + 1 : end + (*end != 0);
            if (len > 0 && v >= 1 && v <= n) return (int)v;
            /* a script of choices that went wrong would go on to play something else */
            fprintf(stderr, orl_app_words("@text", "orilla text: --choices: '%.*s' is not one of the choices here (1 to %d)\n"),
                    len > 0 ? len : 1, end - (len > 0 ? len : 0), n);
            tp->bad_choice = 1;
            return 0;
        }
        fflush(stdout);
        if (!fgets(line, sizeof line, stdin)) { printf("\n"); return 0; }
        if (line[0] == 'q' || line[0] == 'Q') return 0;
        if ((line[0] == 's' || line[0] == 'S') && (line[1] == '\n' || line[1] == '\r' || !line[1])) {
            show_support(tp);
            continue;
        }
        char *end;
        long v = strtol(line, &end, 10);
        if (end != line && v >= 1 && v <= n) return (int)v;
        printf(orl_ui_text(tp->lang, ORL_UI_BAD_CHOICE), n);
        printf("\n");
    }
}

int orl_cmd_text(int argc, char **argv)
{
    orl_args a;
    orl_args_init(&a, argc, argv);
    const char *path = NULL, *lang = NULL, *deploy = "workshop", *withdrawn = NULL;
    text_player tp = {0};
    uint64_t seed = 0;
    int k;
    while ((k = orl_args_next(&a)) && !a.error) {
        if (k == 2) {
            if (path) orl_args_fail(&a, "give one story, not '%s' too", a.val);
            path = a.val;
        } else if (orl_args_is(&a, "--lang")) {
            lang = orl_args_value(&a);
        } else if (orl_args_is(&a, "--choices")) {
            tp.choices = orl_args_value(&a);
        } else if (orl_args_is(&a, "--seed")) {
            seed = (uint64_t)orl_args_int(&a, 0, (long long)1 << 62);
        } else if (orl_args_is(&a, "--deployment")) {
            deploy = orl_args_value(&a);
            if (deploy && orl_deployment_parse(deploy) < 0)
                orl_args_fail(&a, "--deployment is workshop, kiosk, exhibition or online, not '%s'", deploy);
        } else if (orl_args_is(&a, "--withdrawn")) {
            withdrawn = orl_args_value(&a);
        } else {
            orl_args_fail(&a, "unknown option %s", a.opt);
        }
    }
    if (!a.error && !path) orl_args_fail(&a, "which story? give a story folder or a .orilla file");
    if (a.error) return ORL_EXIT_USAGE;

    int rc;
    orl_app_load lo = {.seed = seed, .run_check = 1, .lang = lang};
    orl_story *st = orl_app_open(path, &lo, &rc);
    if (!st) return rc;
    orl_withdrawn wl = {0};
    orl_diags d = {0};
    d.wording = orl_app_wording(); /* ORILLA_LANG=es: story/messages.h */
    /* --withdrawn FILE and $ORILLA_WITHDRAWN; a list that cannot be read: do not play */
    if (orl_withdrawn_load_default(&wl, withdrawn, &d) != 0) {
        orl_diags_sort(&d);
        orl_diags_print(&d, stderr);
        fputs(orl_app_words("@text", "orilla text: the withdrawal list has problems; mend it so every withdrawal is honoured\n"),
              stderr);
        orl_diags_free(&d);
        orl_withdrawn_free(&wl);
        orl_story_free(st);
        return ORL_EXIT_USAGE;
    }
    orl_withdrawn_check_story(&wl, st, &d);
    /* Orilla's own words to the reader follow the story's language; a story that does not
     * say its language gets the one Orilla speaks here (ORILLA_LANG=es), else English */
    tp.lang = lang ? lang : st->language ? st->language : orl_app_wording() ? "es" : "en";
    tp.width = 72;
    tp.consent.deployment = (orl_deployment)orl_deployment_parse(deploy);
    tp.consent.withdrawn = &wl;
    tp.st = st;

    if (st->title) printf("%s\n", st->title);
    orl_care_note note;
    if (orl_care_story_note(st, &note)) print_note(&note, &tp, "");
    if (orl_care_has_support(st)) printf("(%s)\n", orl_ui_text(tp.lang, ORL_UI_SUPPORT_HINT));
    orl_run *r = orl_run_new(st);
    rc = ORL_EXIT_OK;
    if (!r || orl_run_start(r, &d) != 0) rc = ORL_EXIT_PROBLEMS;
    int vis[ORL_MAX_CHOICES];
    while (rc == ORL_EXIT_OK) {
        int shown = show_scene(st, r, &tp, &d);
        if (shown < 0) { printf("%s\n", orl_ui_text(tp.lang, ORL_UI_STOPPED)); break; }
        if (d.errors) { rc = ORL_EXIT_PROBLEMS; break; }
        orl_scene *s = &st->scenes[orl_run_scene(r)];
        if (shown == 1) {
            if (orl_run_enter(r, s->skip_to_idx, &d) != 0) rc = ORL_EXIT_PROBLEMS;
            continue;
        }
        int n = orl_run_visible(r, vis, ORL_MAX_CHOICES, &d);
        if (n < 0) { rc = ORL_EXIT_PROBLEMS; break; }
        if (s->ending && n == 0) {
            printf("\n— %s —\n", orl_ui_text(tp.lang, ORL_UI_THE_END));
            show_support(&tp);
            if (st->credits) { printf("\n"); wrap_print(st->credits, tp.width, ""); }
            char *kinds = orl_story_kinds_credit(st, tp.lang, 1); /* recreated, composite: said so */
            if (kinds) { printf("\n"); wrap_print(kinds, tp.width, ""); free(kinds); }
            if (st->authors.n) {
                printf("%s%s:", st->credits ? "" : "\n", orl_ui_text(tp.lang, ORL_UI_AUTHORS));
                for (int i = 0; i < st->authors.n; i++) printf("%s %s", i ? "," : "", st->authors.items[i]);
                printf("\n");
            }
            if (st->licence) printf("%s%s: %s\n", st->credits || st->authors.n ? "" : "\n",
                                    orl_ui_text(tp.lang, ORL_UI_LICENCE), st->licence);
            break;
        }
        if (n == 0) {
            orl_diag_add(&d, ORL_ERROR, s->loc.file, s->loc.line, 0, "dead-end",
                         "scene \"%s\" has no choice to show here (every 'when' is false) and is not an ending", s->id);
            rc = ORL_EXIT_PROBLEMS;
            break;
        }
        printf("\n");
        for (int i = 0; i < n; i++) {
            char *ct = orl_run_choice_text(r, vis[i], &d);
            printf("  %d. %s\n", i + 1, ct ? ct : "");
            free(ct);
        }
        if (d.errors) { rc = ORL_EXIT_PROBLEMS; break; }
        int pick = next_pick(&tp, n);
        if (pick == 0) { printf("%s\n", orl_ui_text(tp.lang, ORL_UI_STOPPED)); break; }
        if (orl_run_choose(r, vis[pick - 1], &d) != 0) rc = ORL_EXIT_PROBLEMS;
    }
    fflush(stdout);
    if (d.n) { orl_diags_sort(&d); orl_diags_print(&d, stderr); }
    orl_diags_free(&d);
    orl_withdrawn_free(&wl);
    orl_run_free(r);
    orl_story_free(st);
    if (tp.bad_choice) rc = ORL_EXIT_USAGE;
    return rc;
}
