/* `orilla consent PATH`: for operators and facilitators, every testimony of a story with its
 * consent and what the audience sees today (shown, or hidden and why). The decision comes
 * from story/consent.c, the same one every player asks. */
#include "app/args.h"
#include "app/commands.h"
#include "app/common.h"
#include "core/strutil.h"
#include "core/utf8.h"
#include "story/consent.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void date_string(long long days, char out[48])
{
    /* civil from days (Howard Hinnant's algorithm) */
    long long z = days + 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long y = (long long)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    unsigned d = doy - (153 * mp + 2) / 5 + 1;
    unsigned m = mp < 10 ? mp + 3 : mp - 9;
    snprintf(out, 48, "%04lld-%02u-%02u", y + (m <= 2), m, d);
}

/* Prints s padded to w columns (counting code points). */
static void cell(const char *s, int w)
{
    int n = (int)orl_utf8_length(s, strlen(s));
    fputs(s, stdout);
    for (int i = n; i < w; i++) fputc(' ', stdout);
}

static int width_of(const char *s) { return (int)orl_utf8_length(s, strlen(s)); }

typedef struct row {
    char *cols[7];
} row;

int orl_cmd_consent(int argc, char **argv)
{
    orl_args a;
    orl_args_init(&a, argc, argv);
    const char *path = NULL, *deploy = "workshop", *withdrawn = NULL, *date = NULL;
    int k;
    while ((k = orl_args_next(&a)) && !a.error) {
        if (k == 2) {
            if (path) orl_args_fail(&a, "give one story, not '%s' too", a.val);
            path = a.val;
        } else if (orl_args_is(&a, "--deployment")) {
            deploy = orl_args_value(&a);
            if (deploy && orl_deployment_parse(deploy) < 0)
                orl_args_fail(&a, "--deployment is workshop, kiosk, exhibition or online, not '%s'", deploy);
        } else if (orl_args_is(&a, "--withdrawn")) {
            withdrawn = orl_args_value(&a);
        } else if (orl_args_is(&a, "--date")) {
            date = orl_args_value(&a);
            if (date && orl_parse_date(date) < 0)
                orl_args_fail(&a, "--date is a day written YYYY-MM-DD, like 2025-06-01, not '%s'", date);
        } else {
            orl_args_fail(&a, "unknown option %s", a.opt);
        }
    }
    if (!a.error && !path) orl_args_fail(&a, "which story? give a story folder or a .orilla file");
    if (a.error) return ORL_EXIT_USAGE;

    orl_diags d = {0};
    d.wording = orl_app_wording(); /* ORILLA_LANG=es: story/messages.h */
    orl_story *st = orl_story_load(path, NULL, &d);
    if (!st) {
        orl_diags_sort(&d);
        orl_diags_print(&d, stderr);
        orl_diags_free(&d);
        return ORL_EXIT_USAGE;
    }
    int load_errors = d.errors;
    if (d.n) {
        orl_diags_sort(&d);
        orl_diags_print(&d, stderr);
    }
    orl_diags_free(&d);
    d.wording = orl_app_wording();

    orl_withdrawn wl;
    if (orl_withdrawn_load_default(&wl, withdrawn, &d) != 0) {
        orl_diags_sort(&d);
        orl_diags_print(&d, stderr);
        fputs(orl_app_words("@consent", "orilla consent: the withdrawal list has problems; mend it so every withdrawal "
                                        "is honoured\n"), stderr);
        orl_diags_free(&d);
        orl_withdrawn_free(&wl);
        orl_story_free(st);
        return ORL_EXIT_USAGE;
    }
    int unknown_withdrawals = orl_withdrawn_check_story(&wl, st, &d);

    orl_consent_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.deployment = (orl_deployment)orl_deployment_parse(deploy);
    ctx.today = date ? orl_parse_date(date) : orl_today();
    ctx.withdrawn = &wl;

    char today_s[48];
    date_string(ctx.today, today_s);
    printf(orl_app_words_n("@consent", st->ntestimonies, "%s: story \"%s\", %d testimony\n",
                           "%s: story \"%s\", %d testimonies\n"), path, st->id ? st->id : "?", st->ntestimonies);
    printf(orl_app_words("@consent", "where: %s; date: %s%s"), orl_deployment_name(ctx.deployment), today_s,
           date ? " (--date)" : getenv("ORILLA_TODAY") && orl_parse_date(getenv("ORILLA_TODAY")) >= 0 ? " (ORILLA_TODAY)" : "");
    if (wl.n || withdrawn || (getenv("ORILLA_WITHDRAWN") && *getenv("ORILLA_WITHDRAWN")))
        printf(orl_app_words_n("@consent", wl.n, "; withdrawal list: %d entry", "; withdrawal list: %d entries"), wl.n);
    printf("\n\n");

    const char *head[7] = {
        orl_app_words("@consent", "testimony"), orl_app_words("@consent", "narrator"),
        orl_app_words("@consent", "scope"), orl_app_words("@consent", "recorded"),
        orl_app_words("@consent", "expires"), orl_app_words("@consent", "status today"),
        orl_app_words("@consent", "days left"),
    };
    row *rows = calloc((size_t)(st->ntestimonies ? st->ntestimonies : 1), sizeof *rows);
    int w[7];
    for (int c = 0; c < 7; c++) w[c] = width_of(head[c]);
    int shown = 0, hidden = 0, bad = 0;
    for (int i = 0; rows && i < st->ntestimonies; i++) {
        const orl_testimony *t = &st->testimonies[i];
        orl_consent_info info;
        orl_consent_status s = orl_consent_explain(st, t, &ctx, &info);
        if (s == ORL_CONSENT_OK) shown++;
        else hidden++;
        if (s == ORL_CONSENT_MISSING || s == ORL_CONSENT_INVALID) bad++;
        const char *name = t->narrator_idx >= 0 && st->narrators[t->narrator_idx].name
                               ? st->narrators[t->narrator_idx].name : t->narrator ? t->narrator : "-";
        orl_buf scope = {0};
        for (int j = 0; j < t->consent.scope.n; j++) {
            if (j) orl_buf_puts(&scope, ",");
            orl_buf_puts(&scope, t->consent.scope.items[j]);
        }
        row *r = &rows[i];
        r->cols[0] = orl_strdup(t->id);
        r->cols[1] = orl_strdup(name);
        r->cols[2] = orl_strdup(scope.len ? scope.data : "-");
        r->cols[3] = orl_strdup(t->consent.recorded ? t->consent.recorded : "-");
        r->cols[4] = orl_strdup(t->consent.expires ? t->consent.expires : "-");
        r->cols[5] = orl_strdup(orl_app_words("@consent", orl_consent_reason_words(&info)));
        if (s == ORL_CONSENT_MISSING || s == ORL_CONSENT_INVALID || info.clock_wrong)
            r->cols[6] = orl_strdup("-");
        else if (info.days_left > 0)
            r->cols[6] = orl_format("%lld", info.days_left);
        else
            r->cols[6] = orl_strdup(orl_app_words("@consent", "0 (ended)"));
        orl_buf_free(&scope);
        for (int c = 0; c < 7; c++) {
            if (!r->cols[c]) r->cols[c] = orl_strdup("?");
            if (r->cols[c] && width_of(r->cols[c]) > w[c]) w[c] = width_of(r->cols[c]);
        }
    }
    if (st->ntestimonies) {
        for (int c = 0; c < 7; c++) {
            if (c < 6) { cell(head[c], w[c] + 2); } else fputs(head[c], stdout);
        }
        printf("\n");
        for (int i = 0; rows && i < st->ntestimonies; i++) {
            for (int c = 0; c < 7; c++) {
                const char *v = rows[i].cols[c] ? rows[i].cols[c] : "?";
                if (c < 6) cell(v, w[c] + 2);
                else fputs(v, stdout);
            }
            printf("\n");
        }
        printf("\n");
    }
    printf(orl_app_words("@consent", "%d shown, %d hidden"), shown, hidden);
    if (bad)
        printf(orl_app_words_n("@consent", bad, "; %d without readable consent ('orilla check %s' says how to mend it)",
                               "; %d without readable consent ('orilla check %s' says how to mend them)"), bad, path);
    printf("\n");
    long long made = orl_consent_made(st);
    if (made > 0 && ctx.today < made) {
        char made_s[48];
        date_string(made, made_s);
        if (st->made >= made)
            printf(orl_app_words("@consent", "the date %s is before the day this bundle was made (%s): this computer's "
                                             "clock is wrong, so nothing is shown until it is set\n"), today_s, made_s);
        else
            printf(orl_app_words("@consent", "the date %s is before the latest recording in this story (%s): this "
                                             "computer's clock is wrong, so nothing is shown until it is set\n"),
                   today_s, made_s);
    }
    if (d.n) {
        orl_diags_sort(&d);
        orl_diags_print(&d, stdout);
    }
    for (int i = 0; rows && i < st->ntestimonies; i++)
        for (int c = 0; c < 7; c++) free(rows[i].cols[c]);
    free(rows);
    orl_diags_free(&d);
    orl_withdrawn_free(&wl);
    orl_story_free(st);
    return bad || load_errors || unknown_withdrawals ? ORL_EXIT_PROBLEMS : ORL_EXIT_OK;
}
