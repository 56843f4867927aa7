#include "app/args.h"
#include "app/commands.h"
#include "app/common.h"
#include "bundle/bundle.h"
#include "story/consent.h"
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static void print_size(unsigned long long b)
{
    if (b < 1024) printf(orl_app_words_n("@app", (long long)b, "%llu byte", "%llu bytes"), b);
    else if (b < 1024ull * 1024) printf("%.1f KB", (double)b / 1024.0);
    else printf("%.1f MB", (double)b / (1024.0 * 1024.0));
}

static void print_list(const orl_strlist *l)
{
    for (int i = 0; i < l->n; i++) printf("%s%s", i ? ", " : "", l->items[i]);
}

static int has_scope(const orl_testimony *t, const char *scope)
{
    if (!t->consent.set) return 0;
    for (int i = 0; i < t->consent.scope.n; i++)
        if (strcmp(t->consent.scope.items[i], scope) == 0) return 1;
    return 0;
}

int orl_cmd_info(int argc, char **argv)
{
    orl_args a;
    orl_args_init(&a, argc, argv);
    const char *path = NULL, *keyfile = NULL;
    int k;
    while ((k = orl_args_next(&a)) && !a.error) {
        if (k == 2) {
            if (path) orl_args_fail(&a, "give one story, not '%s' too", a.val);
            path = a.val;
        } else if (orl_args_is(&a, "--key")) {
            keyfile = orl_args_value(&a);
        } else {
            orl_args_fail(&a, "unknown option %s", a.opt);
        }
    }
    if (!a.error && !path) orl_args_fail(&a, "which story? give a .orilla file or a story folder");
    if (a.error) return ORL_EXIT_USAGE;

    orl_pubkey key;
    if (keyfile) {
        char err[600];
        if (orl_key_load_public(keyfile, &key, err, sizeof err) != 0) {
            fprintf(stderr, "orilla info: %s\n", err);
            return ORL_EXIT_USAGE;
        }
    }

    /* The bundle: manifest, signature and every file against the manifest, as verify does:
     * a good signature says nothing about a picture changed after signing. */
    orl_diags bd = {0};
    bd.wording = orl_app_wording(); /* ORILLA_LANG=es: story/messages.h */
    orl_bundle_report rep;
    memset(&rep, 0, sizeof rep);
    int brc = 0;
    char err[600];
    orl_fs *fs = orl_fs_open(path, err, sizeof err);
    if (!fs) {
        fprintf(stderr, "%s\n", err);
        return ORL_EXIT_USAGE;
    }
    int bundle = orl_fs_is_bundle(fs);
    if (bundle) {
        brc = orl_bundle_verify_fs(fs, keyfile ? &key : NULL, &rep, &bd);
    } else {
        orl_bundle_inspect(fs, NULL, &rep, &bd); /* a folder has no manifest: only the counts matter */
        orl_diags_free(&bd);
    }
    orl_fs_close(fs);

    orl_diags d = {0};
    d.wording = bd.wording;
    orl_story *st = orl_story_load(path, NULL, &d);
    orl_diags_sort(&d);
    if (!st) {
        orl_diags_print(&d, stderr);
        orl_diags_free(&d);
        orl_diags_free(&bd);
        orl_bundle_report_free(&rep);
        return ORL_EXIT_USAGE;
    }

    printf("%s\n", path);
    const char *none = orl_app_words("@info", "(none)");
    printf(orl_app_words("@info", "  id:          %s\n"), st->id ? st->id : none);
    printf(orl_app_words("@info", "  title:       %s\n"), st->title ? st->title : none);
    printf(orl_app_words("@info", "  version:     %s\n"), st->version ? st->version : none);
    printf(orl_app_words("@info", "  languages:   %s (source)"), st->language ? st->language : "?");
    for (int i = 0; i < st->translations.n; i++) printf(", %s", st->translations.items[i]);
    printf("\n");
    fputs(orl_app_words("@info", "  size:        "), stdout);
    if (bundle) {
        print_size(rep.file_bytes);
        printf(orl_app_words_n("@info", rep.files, " (%lld file, ", " (%lld files, "), rep.files);
        print_size(rep.bytes);
        fputs(orl_app_words("@info", " unpacked)\n"), stdout);
    } else {
        print_size(rep.bytes);
        printf(orl_app_words_n("@info", rep.files, " in %lld file (a story folder, not a bundle)\n",
                               " in %lld files (a story folder, not a bundle)\n"), rep.files);
    }
    if (bundle) {
        int changed = 0; /* problems with the files themselves (see below) */
        for (size_t i = 0; i < bd.n; i++)
            if (bd.items[i].code && (!strcmp(bd.items[i].code, "changed") || !strcmp(bd.items[i].code, "missing") ||
                                     !strcmp(bd.items[i].code, "extra-file") || !strcmp(bd.items[i].code, "unreadable")))
                changed++;
        if (rep.has_manifest) {
            printf(orl_app_words_n("@info", (long long)rep.manifest.nfiles, "  manifest:    yes, %zu file listed",
                                   "  manifest:    yes, %zu files listed"),
                   rep.manifest.nfiles);
            if (!changed)
                fputs(orl_app_words_n("@info", (long long)rep.manifest.nfiles, "; it matches\n", "; they all match\n"),
                      stdout);
            else
                printf(orl_app_words_n("@info", changed, "; %d DOES NOT MATCH (see below)\n",
                                       "; %d DO NOT MATCH (see below)\n"),
                       changed);
        }
        else
            fputs(orl_app_words("@info", "  manifest:    none or unreadable (see below)\n"), stdout);
        if (rep.has_manifest && rep.manifest.made)
            printf(orl_app_words("@info", "  made:        %s (a clock before this day hides every testimony)\n"),
                   rep.manifest.made);
        if (!rep.is_signed)
            fputs(orl_app_words("@info", "  signature:   none (not signed)\n"), stdout);
        else if (rep.signature_ok && changed)
            printf(orl_app_words("@info", "  signature:   yes, key %s: good for %s, but files changed after signing\n"),
                   rep.signer, keyfile);
        else if (rep.signature_ok)
            printf(orl_app_words("@info", "  signature:   yes, key %s: good signature for %s\n"), rep.signer, keyfile);
        else if (keyfile)
            printf(orl_app_words("@info", "  signature:   yes, key %s: NOT good for %s (see below)\n"),
                   rep.signer[0] ? rep.signer : "?", keyfile);
        else
            printf(orl_app_words("@info", "  signature:   yes, key %s (not checked: add --key NAME.pub)\n"),
                   rep.signer[0] ? rep.signer : "?");
    }

    long long today = orl_today();
    int expired = 0, soon = 0, missing = 0;
    printf(orl_app_words("@info", "  testimonies: %d\n"), st->ntestimonies);
    for (int i = 0; i < st->ntestimonies; i++) {
        const orl_testimony *t = &st->testimonies[i];
        printf("    %s: ", t->id);
        if (!t->consent.set) {
            fputs(orl_app_words("@info", "NO CONSENT recorded (never shown)\n"), stdout);
            missing++;
            continue;
        }
        fputs(orl_app_words("@info", "scope "), stdout);
        if (t->consent.scope.n) print_list(&t->consent.scope);
        else fputs(none, stdout);
        if (t->consent.recorded) printf(orl_app_words("@info", "; recorded %s"), t->consent.recorded);
        /* the date decision is consent.c's, the same one the players make */
        orl_consent_ctx cc = {.deployment = ORL_DEPLOY_WORKSHOP, .today = today};
        orl_consent_info ci;
        orl_consent_explain(st, t, &cc, &ci);
        if (!t->consent.expires) {
            fputs(orl_app_words("@info", "; no end date"), stdout);
        } else if (ci.expires < 0) {
            printf(orl_app_words("@info", "; expires \"%s\" (not a date)"), t->consent.expires);
        } else {
            printf(orl_app_words("@info", "; expires %s"), t->consent.expires);
            if (ci.status == ORL_CONSENT_EXPIRED) {
                fputs(ci.clock_wrong ? orl_app_words("@info", " (this machine's date looks wrong: not shown)")
                                     : orl_app_words("@info", " (EXPIRED: not shown)"), stdout);
                expired++;
            } else if (ci.days_left <= 90) {
                printf(orl_app_words_n("@info", ci.days_left, " (in %lld day)", " (in %lld days)"), ci.days_left);
                soon++;
            }
        }
        if (t->consent.anonymised.n) {
            fputs(orl_app_words("@info", "; anonymised "), stdout);
            print_list(&t->consent.anonymised);
        }
        printf("\n");
    }
    if (st->ntestimonies) {
        static const char *const scopes[] = {"workshop", "kiosk", "exhibition", "online"};
        fputs(orl_app_words("@info", "  consent:     "), stdout);
        for (int s = 0; s < 4; s++) {
            int n = 0;
            for (int i = 0; i < st->ntestimonies; i++) n += has_scope(&st->testimonies[i], scopes[s]);
            printf("%s%s %d/%d", s ? ", " : "", scopes[s], n, st->ntestimonies);
        }
        printf(orl_app_words("@info", "; %d expired, %d ending within 90 days, %d without consent\n"), expired, soon, missing);
    }

    int rc = ORL_EXIT_OK;
    if (bd.n) {
        orl_diags_print(&bd, stdout);
        if (brc) rc = brc;
    }
    if (d.errors) {
        printf(orl_app_words_n("@info", d.errors, "%s: the story has %d error ('orilla check %s' lists it)\n",
                               "%s: the story has %d errors ('orilla check %s' lists them)\n"), path, d.errors, path);
        rc = ORL_EXIT_PROBLEMS;
    }
    orl_diags_free(&d);
    orl_diags_free(&bd);
    orl_bundle_report_free(&rep);
    orl_story_free(st);
    return rc;
}
