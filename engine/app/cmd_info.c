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
    if (b < 1024) printf("%llu bytes", b);
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

    /* The bundle: manifest and signature (files are not hashed here: that is verify). */
    orl_diags bd = {0};
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
        brc = orl_bundle_inspect(fs, keyfile ? &key : NULL, &rep, &bd);
    } else {
        orl_bundle_inspect(fs, NULL, &rep, &bd); /* a folder has no manifest: only the counts matter */
        orl_diags_free(&bd);
    }
    orl_fs_close(fs);

    orl_diags d = {0};
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
    printf("  id:          %s\n", st->id ? st->id : "(none)");
    printf("  title:       %s\n", st->title ? st->title : "(none)");
    printf("  version:     %s\n", st->version ? st->version : "(none)");
    printf("  languages:   %s (source)", st->language ? st->language : "?");
    for (int i = 0; i < st->translations.n; i++) printf(", %s", st->translations.items[i]);
    printf("\n");
    printf("  size:        ");
    if (bundle) {
        print_size(rep.file_bytes);
        printf(" (%lld file%s, ", rep.files, rep.files == 1 ? "" : "s");
        print_size(rep.bytes);
        printf(" unpacked)\n");
    } else {
        print_size(rep.bytes);
        printf(" in %lld file%s (a story folder, not a bundle)\n", rep.files, rep.files == 1 ? "" : "s");
    }
    if (bundle) {
        if (rep.has_manifest)
            printf("  manifest:    yes, %zu files listed ('orilla verify' checks them)\n", rep.manifest.nfiles);
        else
            printf("  manifest:    none or unreadable (see below)\n");
        if (rep.has_manifest && rep.manifest.made)
            printf("  made:        %s (a clock before this day hides every testimony)\n", rep.manifest.made);
        if (!rep.is_signed)
            printf("  signature:   none (not signed)\n");
        else if (rep.signature_ok)
            printf("  signature:   yes, key %s: good signature for %s\n", rep.signer, keyfile);
        else if (keyfile)
            printf("  signature:   yes, key %s: NOT good for %s (see below)\n", rep.signer[0] ? rep.signer : "?",
                   keyfile);
        else
            printf("  signature:   yes, key %s (not checked: add --key NAME.pub)\n", rep.signer[0] ? rep.signer : "?");
    }

    long long today = orl_today();
    int expired = 0, soon = 0, missing = 0;
    printf("  testimonies: %d\n", st->ntestimonies);
    for (int i = 0; i < st->ntestimonies; i++) {
        const orl_testimony *t = &st->testimonies[i];
        printf("    %s: ", t->id);
        if (!t->consent.set) {
            printf("NO CONSENT recorded (never shown)\n");
            missing++;
            continue;
        }
        printf("scope ");
        if (t->consent.scope.n) print_list(&t->consent.scope);
        else printf("(none)");
        if (t->consent.recorded) printf("; recorded %s", t->consent.recorded);
        /* the date decision is consent.c's, the same one the players make */
        orl_consent_ctx cc = {.deployment = ORL_DEPLOY_WORKSHOP, .today = today};
        orl_consent_info ci;
        orl_consent_explain(st, t, &cc, &ci);
        if (!t->consent.expires) {
            printf("; no end date");
        } else if (ci.expires < 0) {
            printf("; expires \"%s\" (not a date)", t->consent.expires);
        } else {
            printf("; expires %s", t->consent.expires);
            if (ci.status == ORL_CONSENT_EXPIRED) {
                printf(ci.clock_wrong ? " (this machine's date looks wrong: not shown)" : " (EXPIRED: not shown)");
                expired++;
            } else if (ci.days_left <= 90) {
                printf(" (in %lld days)", ci.days_left);
                soon++;
            }
        }
        if (t->consent.anonymised.n) {
            printf("; anonymised ");
            print_list(&t->consent.anonymised);
        }
        printf("\n");
    }
    if (st->ntestimonies) {
        static const char *const scopes[] = {"workshop", "kiosk", "exhibition", "online"};
        printf("  consent:     ");
        for (int s = 0; s < 4; s++) {
            int n = 0;
            for (int i = 0; i < st->ntestimonies; i++) n += has_scope(&st->testimonies[i], scopes[s]);
            printf("%s%s %d/%d", s ? ", " : "", scopes[s], n, st->ntestimonies);
        }
        printf("; %d expired, %d ending within 90 days, %d without consent\n", expired, soon, missing);
    }

    int rc = ORL_EXIT_OK;
    if (bd.n) {
        orl_diags_print(&bd, stdout);
        if (brc) rc = brc;
    }
    if (d.errors) {
        printf("%s: the story has %d error%s ('orilla check %s' lists them)\n", path, d.errors,
               d.errors == 1 ? "" : "s", path);
        rc = ORL_EXIT_PROBLEMS;
    }
    orl_diags_free(&d);
    orl_diags_free(&bd);
    orl_bundle_report_free(&rep);
    orl_story_free(st);
    return rc;
}
