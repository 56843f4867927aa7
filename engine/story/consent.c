#include "story/consent.h"
#include "core/limits.h"
#include "core/strutil.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const deploy_names[] = {"workshop", "kiosk", "exhibition", "online", NULL};

int orl_deployment_parse(const char *s)
{
    for (int i = 0; s && deploy_names[i]; i++)
        if (strcmp(s, deploy_names[i]) == 0) return i;
    return -1;
}

const char *orl_deployment_name(orl_deployment d)
{
    return (unsigned)d < 4 ? deploy_names[d] : "?";
}

int orl_withdrawn_load(orl_withdrawn *w, const char *path, int required, orl_diags *d)
{
    memset(w, 0, sizeof *w);
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (required) {
            orl_diag_add(d, ORL_ERROR, path, 0, 0, "unreadable", "cannot read the withdrawal list");
            return -1;
        }
        return 0;
    }
    char line[1024];
    int ln = 0, rc = 0;
    while (fgets(line, sizeof line, f)) {
        ln++;
        if (ln > 100000) break;
        size_t n = strlen(line);
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' ' || line[n - 1] == '\t')) line[--n] = 0;
        char *p = line;
        while (*p == ' ' || *p == '\t') p++;
        char *hash = strchr(p, '#');
        if (hash) {
            *hash = 0;
            n = strlen(p);
            while (n && (p[n - 1] == ' ' || p[n - 1] == '\t')) p[--n] = 0;
        }
        if (!*p) continue;
        char *slash = strchr(p, '/');
        if (!slash || slash == p || !slash[1] || strchr(slash + 1, '/')) {
            orl_diag_add(d, ORL_ERROR, path, ln, 0, "bad-withdrawal",
                         "\"%s\" should be story-id/testimony-id, like del-otro-lado/ana-bridge", p);
            rc = -1;
            continue;
        }
        char **ni = realloc(w->items, (size_t)(w->n + 1) * sizeof *ni);
        if (!ni) { rc = -1; break; }
        w->items = ni;
        if ((w->items[w->n] = orl_strdup(p))) w->n++;
    }
    fclose(f);
    return rc;
}

void orl_withdrawn_free(orl_withdrawn *w)
{
    for (int i = 0; i < w->n; i++) free(w->items[i]);
    free(w->items);
    memset(w, 0, sizeof *w);
}

static int withdrawn(const orl_story *st, const orl_testimony *t, const orl_withdrawn *w)
{
    if (!w || !st->id) return 0;
    size_t sl = strlen(st->id);
    for (int i = 0; i < w->n; i++) {
        const char *x = w->items[i];
        if (strncmp(x, st->id, sl) == 0 && x[sl] == '/' && strcmp(x + sl + 1, t->id) == 0) return 1;
        if (x[0] == '*' && x[1] == '/' && strcmp(x + 2, t->id) == 0) return 1;
    }
    return 0;
}

orl_consent_status orl_consent_status_of(const orl_story *st, const orl_testimony *t, const orl_consent_ctx *c)
{
    if (!t->consent.set) return ORL_CONSENT_MISSING;
    if (withdrawn(st, t, c->withdrawn)) return ORL_CONSENT_WITHDRAWN;
    long long today = c->today ? c->today : orl_today();
    long long exp = orl_parse_date(t->consent.expires);
    long long rec = t->consent.recorded ? orl_parse_date(t->consent.recorded) : 0;
    if (!t->consent.expires || exp < 0 || rec < 0) return ORL_CONSENT_INVALID;
    /* a clock earlier than the recording is obviously wrong: treat as expired */
    if (today >= exp || (t->consent.recorded && today < rec)) return ORL_CONSENT_EXPIRED;
    const char *dep = orl_deployment_name(c->deployment);
    for (int i = 0; i < t->consent.scope.n; i++)
        if (strcmp(t->consent.scope.items[i], dep) == 0) return ORL_CONSENT_OK;
    return ORL_CONSENT_OUT_OF_SCOPE;
}

int orl_consent_allows(const orl_story *st, const orl_testimony *t, const orl_consent_ctx *c)
{
    return orl_consent_status_of(st, t, c) == ORL_CONSENT_OK;
}

const char *orl_consent_status_words(orl_consent_status s)
{
    switch (s) {
    case ORL_CONSENT_OK: return "shown";
    case ORL_CONSENT_MISSING: return "hidden: no consent recorded";
    case ORL_CONSENT_OUT_OF_SCOPE: return "hidden: consent does not cover this place";
    case ORL_CONSENT_EXPIRED: return "hidden: consent has ended";
    case ORL_CONSENT_WITHDRAWN: return "hidden: withdrawn";
    case ORL_CONSENT_INVALID: return "hidden: consent dates cannot be read";
    }
    return "hidden";
}

const char *orl_consent_notice(void)
{
    return "A testimony was here. The person who shared it has not agreed to it being shown here "
           "or now, and we respect that.";
}

void orl_consent_check(const orl_story *st, const orl_testimony *t, long long today, orl_diags *d)
{
    (void)st;
    const orl_consent *k = &t->consent;
    if (!k->set) {
        orl_diag_add(d, ORL_ERROR, t->loc.file, t->loc.line, 0, "no-consent",
                     "testimony \"%s\" has no consent: add consent = { recorded = \"YYYY-MM-DD\", "
                     "scope = { \"workshop\" }, expires = \"YYYY-MM-DD\" }, as agreed with %s",
                     t->id, t->narrator ? t->narrator : "the narrator");
        return;
    }
    orl_loc l = k->loc;
    long long rec = k->recorded ? orl_parse_date(k->recorded) : -2;
    long long exp = k->expires ? orl_parse_date(k->expires) : -2;
    if (rec == -2)
        orl_diag_add(d, ORL_ERROR, l.file, l.line, 0, "consent-recorded",
                     "testimony \"%s\": consent needs recorded = \"YYYY-MM-DD\", the day it was given", t->id);
    else if (rec < 0)
        orl_diag_add(d, ORL_ERROR, l.file, l.line, 0, "consent-date",
                     "testimony \"%s\": recorded = \"%s\" is not a date; write it as YYYY-MM-DD", t->id, k->recorded);
    if (exp == -2)
        orl_diag_add(d, ORL_ERROR, l.file, l.line, 0, "consent-expires",
                     "testimony \"%s\": consent needs expires = \"YYYY-MM-DD\", the day it ends", t->id);
    else if (exp < 0)
        orl_diag_add(d, ORL_ERROR, l.file, l.line, 0, "consent-date",
                     "testimony \"%s\": expires = \"%s\" is not a date; write it as YYYY-MM-DD", t->id, k->expires);
    else if (rec >= 0 && exp <= rec)
        orl_diag_add(d, ORL_ERROR, l.file, l.line, 0, "consent-date",
                     "testimony \"%s\": consent expires (%s) before it was recorded (%s)", t->id, k->expires, k->recorded);
    else if (exp <= today)
        orl_diag_add(d, ORL_WARNING, l.file, l.line, 0, "consent-expired",
                     "testimony \"%s\": consent ended on %s; it will not be shown (a notice is shown instead) "
                     "unless %s renews it", t->id, k->expires, t->narrator ? t->narrator : "the narrator");
    else if (exp - today <= 90)
        orl_diag_add(d, ORL_WARNING, l.file, l.line, 0, "consent-ending",
                     "testimony \"%s\": consent ends on %s, in %lld days; ask %s about renewing it", t->id,
                     k->expires, exp - today, t->narrator ? t->narrator : "the narrator");
    if (k->scope.n == 0)
        orl_diag_add(d, ORL_ERROR, l.file, l.line, 0, "consent-scope",
                     "testimony \"%s\": consent needs scope = { ... }: where it may be shown "
                     "(\"workshop\", \"kiosk\", \"exhibition\", \"online\")", t->id);
    for (int i = 0; i < k->scope.n; i++) {
        if (orl_deployment_parse(k->scope.items[i]) >= 0) continue;
        const char *best = NULL;
        int bd = 4;
        for (int j = 0; deploy_names[j]; j++) {
            int dd = orl_edit_distance(k->scope.items[i], deploy_names[j], bd);
            if (dd < bd) { bd = dd; best = deploy_names[j]; }
        }
        orl_diag_add(d, ORL_ERROR, l.file, l.line, 0, "consent-scope",
                     "testimony \"%s\": scope \"%s\" is not a place Orilla knows%s%s%s (use workshop, kiosk, exhibition, online)",
                     t->id, k->scope.items[i], best ? "; did you mean \"" : "", best ? best : "", best ? "\"?" : "");
    }
}
