#include "story/consent.h"
#include "core/rfile.h"
#include <sys/stat.h>
#include "core/limits.h"
#include "core/strutil.h"
#include "core/utf8.h"
#include "story/uitext.h"
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

/* ---------------------------------------------------------------- withdrawal lists */

static int withdrawn_add(orl_withdrawn *w, const char *item, const char *file, int line)
{
    char **ni = realloc(w->items, (size_t)(w->n + 1) * sizeof *ni);
    if (!ni) return -1;
    w->items = ni;
    int *nl = realloc(w->lines, (size_t)(w->n + 1) * sizeof *nl);
    if (!nl) return -1;
    w->lines = nl;
    char **nf = realloc(w->files, (size_t)(w->n + 1) * sizeof *nf);
    if (!nf) return -1;
    w->files = nf;
    char *a = orl_strdup(item), *b = orl_strdup(file);
    if (!a || !b) {
        free(a);
        free(b);
        return -1;
    }
    w->items[w->n] = a;
    w->files[w->n] = b;
    w->lines[w->n] = line;
    w->n++;
    return 0;
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; }

/* Why entry p (trimmed, no comment) is not "story-id/testimony-id", or NULL when it is. */
static const char *entry_problem(const char *p)
{
    size_t n = strlen(p);
    if (orl_utf8_invalid_at(p, n) != (size_t)-1) return "is not valid UTF-8 text";
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)p[i] < 0x20 || p[i] == 0x7f) return "contains a control character";
    const char *slash = strchr(p, '/');
    if (!slash) return "has no '/' between the story id and the testimony id";
    if (strchr(slash + 1, '/')) return "has more than one '/'";
    if (slash == p) return "has no story id before the '/'";
    if (!slash[1]) return "has no testimony id after the '/'";
    size_t sl = (size_t)(slash - p), tl = strlen(slash + 1);
    if (sl > ORL_MAX_ID || tl > ORL_MAX_ID) return "has an id longer than any story or testimony id";
    if (!(sl == 1 && p[0] == '*')) {
        for (size_t i = 0; i < sl; i++) {
            unsigned char ch = (unsigned char)p[i];
            if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || ch == '.'))
                return "has a story id with characters a story id cannot have (small letters a-z, digits, "
                       "'-', '_' and '.'), so it would never match";
        }
    }
    if (is_space(slash[-1]) || is_space(slash[1])) return "has spaces around the '/'";
    return NULL;
}

static void parse_withdrawn_line(orl_withdrawn *w, char *line, const char *path, int ln, int *rc, orl_diags *d)
{
    char *p = line;
    if (ln == 1 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB && (unsigned char)p[2] == 0xBF) p += 3;
    while (is_space(*p)) p++;
    /* '#' starts a comment at the start of a line or after a space (ids may hold a '#') */
    for (char *q = p; *q; q++)
        if (*q == '#' && (q == p || is_space(q[-1]))) {
            *q = 0;
            break;
        }
    size_t n = strlen(p);
    while (n && is_space(p[n - 1])) p[--n] = 0;
    if (!*p) return;
    const char *why = entry_problem(p);
    if (why) {
        if (orl_utf8_invalid_at(p, strlen(p)) != (size_t)-1) /* do not echo bytes that are not text */
            orl_diag_add(d, ORL_ERROR, path, ln, 0, "bad-withdrawal",
                         "this line is not UTF-8 text; save the list as UTF-8, one story-id/testimony-id a line");
        else
            orl_diag_add(d, ORL_ERROR, path, ln, 0, "bad-withdrawal",
                         "\"%.200s\" %s; write story-id/testimony-id, like del-otro-lado/ana-bridge", p, why);
        *rc = -1;
        return;
    }
    if (withdrawn_add(w, p, path, ln) != 0) {
        orl_diag_add(d, ORL_ERROR, path, ln, 0, "out-of-memory", "out of memory reading the withdrawal list");
        *rc = -1;
    }
}

int orl_withdrawn_load(orl_withdrawn *w, const char *path, int required, orl_diags *d)
{
    /* a regular file only, of at most 16 MB: /dev/zero never ends, and a FIFO blocks */
    char why[100];
    FILE *f = orl_open_regular(path, ORL_MAX_WITHDRAWN_FILE_BYTES, why, sizeof why);
    if (!f) {
        struct stat sb;
        if (stat(path, &sb) == 0) {
            orl_diag_add(d, ORL_ERROR, path, 0, 0, "unreadable",
                         "cannot read the withdrawal list: it is %s; give the list's file (one story-id/testimony-id a line)",
                         orl_diag_words(d, "@file", why));
            return -1;
        }
        if (required) {
            orl_diag_add(d, ORL_ERROR, path, 0, 0, "unreadable",
                         "cannot read the withdrawal list; check the name, or create the file (it may be empty)");
            return -1;
        }
        return 0;
    }
    char line[ORL_MAX_WITHDRAWN_LINE + 1];
    int ln = 0, rc = 0, ch = 0;
    size_t errors0 = d ? (size_t)d->errors : 0;
    while (ch != EOF) {
        if (d && (size_t)d->errors - errors0 >= ORL_MAX_WITHDRAWN_PROBLEMS) {
            orl_diag_add(d, ORL_ERROR, path, ln, 0, "bad-withdrawal",
                         "%d problems: the rest is not read (is this the withdrawal list?)", ORL_MAX_WITHDRAWN_PROBLEMS);
            rc = -1;
            break;
        }
        size_t n = 0;
        int nul = 0, toolong = 0;
        while ((ch = fgetc(f)) != EOF && ch != '\n') {
            if (ch == 0) nul = 1;
            if (n < ORL_MAX_WITHDRAWN_LINE) line[n++] = (char)ch;
            else toolong = 1;
        }
        if (ch == EOF && n == 0 && !toolong) break;
        line[n] = 0;
        if (++ln > ORL_MAX_WITHDRAWN_LINES) {
            orl_diag_add(d, ORL_ERROR, path, ln, 0, "too-long",
                         "a withdrawal list has at most %d lines; this one is longer (is it the right file?)",
                         ORL_MAX_WITHDRAWN_LINES);
            rc = -1;
            break;
        }
        if (toolong || nul) {
            orl_diag_add(d, ORL_ERROR, path, ln, 0, "bad-withdrawal",
                         toolong ? "this line is longer than %d bytes; an entry is story-id/testimony-id"
                                 : "this line holds a NUL byte: is this a text file? (limit %d bytes a line)",
                         ORL_MAX_WITHDRAWN_LINE);
            rc = -1;
            continue;
        }
        parse_withdrawn_line(w, line, path, ln, &rc, d);
    }
    if (ferror(f)) {
        orl_diag_add(d, ORL_ERROR, path, 0, 0, "unreadable", "cannot read the withdrawal list to its end");
        rc = -1;
    }
    fclose(f);
    return rc;
}

int orl_withdrawn_load_default(orl_withdrawn *w, const char *path, orl_diags *d)
{
    memset(w, 0, sizeof *w);
    int rc = 0;
    const char *env = getenv("ORILLA_WITHDRAWN");
    if (env && *env && orl_withdrawn_load(w, env, 1, d) != 0) rc = -1;
    if (path && (!env || strcmp(env, path) != 0) && orl_withdrawn_load(w, path, 1, d) != 0) rc = -1;
    return rc;
}

int orl_withdrawn_check_story(const orl_withdrawn *w, const orl_story *st, orl_diags *d)
{
    if (!w || !st || !st->id) return 0;
    size_t sl = strlen(st->id);
    int count = 0;
    for (int i = 0; i < w->n; i++) {
        const char *x = w->items[i];
        if (strncmp(x, st->id, sl) != 0 || x[sl] != '/') continue;
        const char *tid = x + sl + 1;
        if (strcmp(tid, "*") == 0 || orl_story_find_testimony(st, tid) >= 0) continue;
        orl_nearest near;
        orl_nearest_init(&near, tid, 4);
        for (int j = 0; j < st->ntestimonies; j++) orl_nearest_try(&near, st->testimonies[j].id);
        const char *best = near.best;
        orl_diag_add(d, ORL_WARNING, w->files ? w->files[i] : NULL, w->lines ? w->lines[i] : 0, 0, "unknown-withdrawal",
                     "story \"%s\" has no testimony \"%s\", so this line withdraws nothing%s%s%s",
                     st->id, tid, best ? orl_diag_words(d, "@word", "; did you mean \"") : "", best ? best : "", best ? "\"?" : "");
        count++;
    }
    return count;
}

void orl_withdrawn_free(orl_withdrawn *w)
{
    for (int i = 0; i < w->n; i++) {
        free(w->items[i]);
        if (w->files) free(w->files[i]);
    }
    free(w->items);
    free(w->files);
    free(w->lines);
    memset(w, 0, sizeof *w);
}

static int withdrawn(const orl_story *st, const orl_testimony *t, const orl_withdrawn *w)
{
    if (!w) return 0;
    size_t sl = st->id ? strlen(st->id) : 0;
    for (int i = 0; i < w->n; i++) {
        const char *x = w->items[i];
        const char *tid;
        if (x[0] == '*' && x[1] == '/') tid = x + 2;
        else if (st->id && strncmp(x, st->id, sl) == 0 && x[sl] == '/') tid = x + sl + 1;
        else continue;
        if (strcmp(tid, "*") == 0 || (t->id && strcmp(tid, t->id) == 0)) return 1;
    }
    return 0;
}

/* ---------------------------------------------------------------- the decision */

long long orl_consent_latest_recording(const orl_story *st)
{
    long long latest = 0;
    for (int i = 0; st && i < st->ntestimonies; i++) {
        const orl_consent *k = &st->testimonies[i].consent;
        long long r = k->set && k->recorded ? orl_parse_date(k->recorded) : -1;
        if (r > latest) latest = r;
    }
    return latest;
}

long long orl_consent_made(const orl_story *st)
{
    long long made = orl_consent_latest_recording(st);
    if (st && st->made > made) made = st->made;
    return made;
}

orl_consent_status orl_consent_explain(const orl_story *st, const orl_testimony *t, const orl_consent_ctx *c,
                                       orl_consent_info *info)
{
    orl_consent_info tmp;
    orl_consent_info *in = info ? info : &tmp;
    memset(in, 0, sizeof *in);
    in->recorded = in->expires = -1;
    in->today = c && c->today ? c->today : orl_today();
    const orl_consent *k = &t->consent;
    if (k->set) {
        in->recorded = k->recorded ? orl_parse_date(k->recorded) : -1;
        in->expires = k->expires ? orl_parse_date(k->expires) : -1;
        if (in->expires >= 0) in->days_left = in->expires - in->today;
    }
    in->made = orl_consent_made(st);
    if (c && c->made > in->made) in->made = c->made;

    if (!k->set) return in->status = ORL_CONSENT_MISSING;
    if (withdrawn(st, t, c ? c->withdrawn : NULL)) return in->status = ORL_CONSENT_WITHDRAWN;
    if (in->recorded < 0 || in->expires < 0 || in->expires <= in->recorded) return in->status = ORL_CONSENT_INVALID;
    /* a clock earlier than the recording, or than the story itself, is obviously wrong */
    if (in->today < in->recorded || (in->made > 0 && in->today < in->made)) {
        in->clock_wrong = 1;
        return in->status = ORL_CONSENT_EXPIRED;
    }
    if (in->today >= in->expires) return in->status = ORL_CONSENT_EXPIRED;
    const char *dep = orl_deployment_name(c ? c->deployment : ORL_DEPLOY_WORKSHOP);
    for (int i = 0; i < k->scope.n; i++)
        if (k->scope.items[i] && strcmp(k->scope.items[i], dep) == 0) return in->status = ORL_CONSENT_OK;
    return in->status = ORL_CONSENT_OUT_OF_SCOPE;
}

orl_consent_status orl_consent_status_of(const orl_story *st, const orl_testimony *t, const orl_consent_ctx *c)
{
    return orl_consent_explain(st, t, c, NULL);
}

int orl_consent_allows(const orl_story *st, const orl_testimony *t, const orl_consent_ctx *c)
{
    return orl_consent_status_of(st, t, c) == ORL_CONSENT_OK;
}

int orl_consent_withheld(const orl_story *st, const orl_testimony *t, long long today, const orl_withdrawn *w)
{
    const orl_consent *k = &t->consent;
    if (!k->set || withdrawn(st, t, w)) return 1;
    long long rec = k->recorded ? orl_parse_date(k->recorded) : -1, exp = k->expires ? orl_parse_date(k->expires) : -1;
    if (rec < 0 || exp < 0 || exp <= rec) return 1;
    return (today ? today : orl_today()) >= exp;
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

const char *orl_consent_reason_words(const orl_consent_info *i)
{
    if (i->status == ORL_CONSENT_EXPIRED && i->clock_wrong)
        return i->recorded >= 0 && i->today < i->recorded
                   ? "hidden: the clock reads before this was recorded (set the date)"
                   : "hidden: the clock reads before the story was made (set the date)";
    if (i->status == ORL_CONSENT_INVALID && i->recorded >= 0 && i->expires >= 0 && i->expires <= i->recorded)
        return "hidden: consent ends before it was recorded";
    return orl_consent_status_words(i->status);
}

const char *orl_consent_notice(void)
{
    return orl_ui_text("en", ORL_UI_CONSENT_NOTICE);
}

/* Who gave the testimony, as the messages name them: the narrator's name (a pseudonym when so
 * agreed), else the narrator's id, else "the narrator". */
static const char *narrator_words(const orl_story *st, const orl_testimony *t, const orl_diags *d)
{
    if (st && t->narrator_idx >= 0 && t->narrator_idx < st->nnarrators && st->narrators[t->narrator_idx].name &&
        *st->narrators[t->narrator_idx].name)
        return st->narrators[t->narrator_idx].name;
    return t->narrator ? t->narrator : orl_diag_words(d, "@word", "the narrator");
}

void orl_consent_check(const orl_story *st, const orl_testimony *t, long long today, orl_diags *d)
{
    const orl_consent *k = &t->consent;
    const char *who = narrator_words(st, t, d);
    if (!k->set) {
        orl_diag_add(d, ORL_ERROR, t->loc.file, t->loc.line, 0, "no-consent",
                     "testimony \"%s\" has no consent: add consent = { recorded = \"YYYY-MM-DD\", "
                     "scope = { \"workshop\" }, expires = \"YYYY-MM-DD\" }, as agreed with %s",
                     t->id, who);
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
    else if (rec > today) /* a warning: a kiosk whose clock is wrong still plays, with notices */
        orl_diag_add(d, ORL_WARNING, l.file, l.line, 0, "consent-recorded-later",
                     "testimony \"%s\": recorded = \"%s\" is after today; a typo, or is this computer's clock "
                     "wrong? Until that day no testimony of the story is shown (the clock would seem wrong)",
                     t->id, k->recorded);
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
                     "unless %s renews it", t->id, k->expires, who);
    else if (exp - today <= 90)
        orl_diag_add(d, ORL_WARNING, l.file, l.line, 0, "consent-ending",
                     "testimony \"%s\": consent ends on %s, in %lld day%s; ask %s about renewing it", t->id,
                     k->expires, exp - today, exp - today == 1 ? "" : "s", who);
    if (k->scope.n == 0)
        orl_diag_add(d, ORL_ERROR, l.file, l.line, 0, "consent-scope",
                     "testimony \"%s\": consent needs scope = { ... }: where it may be shown "
                     "(\"workshop\", \"kiosk\", \"exhibition\", \"online\")", t->id);
    for (int i = 0; i < k->scope.n; i++) {
        if (orl_deployment_parse(k->scope.items[i]) >= 0) continue;
        orl_nearest near;
        orl_nearest_init(&near, k->scope.items[i], 4);
        for (int j = 0; deploy_names[j]; j++) orl_nearest_try(&near, deploy_names[j]);
        const char *best = near.best;
        orl_diag_add(d, ORL_ERROR, l.file, l.line, 0, "consent-scope",
                     "testimony \"%s\": scope \"%s\" is not a place Orilla knows%s%s%s (use workshop, kiosk, exhibition, online)",
                     t->id, k->scope.items[i], best ? orl_diag_words(d, "@word", "; did you mean \"") : "", best ? best : "", best ? "\"?" : "");
    }
}
