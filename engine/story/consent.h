/* Consent: every testimony is shown only where and while its narrator agreed to it. The
 * decision is made here, in one place, and every path that shows, plays or prints a
 * testimony (players, text, shot, walk output, graph, stats, exports, logs) asks it. */
#ifndef ORL_CONSENT_H
#define ORL_CONSENT_H
#include "story/story.h"

typedef enum orl_deployment {
    ORL_DEPLOY_WORKSHOP = 0, /* default for play/text: the co-creation room */
    ORL_DEPLOY_KIOSK,
    ORL_DEPLOY_EXHIBITION,
    ORL_DEPLOY_ONLINE,
} orl_deployment;

typedef enum orl_consent_status {
    ORL_CONSENT_OK = 0,
    ORL_CONSENT_MISSING,      /* no consent recorded: never shown */
    ORL_CONSENT_OUT_OF_SCOPE, /* not agreed for this deployment */
    ORL_CONSENT_EXPIRED,      /* past its end date, or the clock is obviously wrong */
    ORL_CONSENT_WITHDRAWN,    /* on the operator's withdrawal list */
    ORL_CONSENT_INVALID,      /* dates that cannot be read */
} orl_consent_status;

/* Parses "workshop", "kiosk", "exhibition", "online"; -1 when unknown. */
int orl_deployment_parse(const char *s);
const char *orl_deployment_name(orl_deployment d);

/* The operator's withdrawal list: a text file kept outside the bundle (a narrator can
 * withdraw without anyone rebuilding or re-signing the story). One entry per line:
 *     del-otro-lado/ana-bridge     # story-id/testimony-id: that testimony of that story
 * A star in place of the story id (star, slash, ana-bridge) names that testimony id in every
 * story; a star in place of the testimony id (del-otro-lado, slash, star) names every
 * testimony of that story. '#' starts a comment; blank lines are ignored; a UTF-8 byte order mark is skipped.
 * Any other line is malformed: reported as file:line, and the list is refused (the caller
 * does not play), because a withdrawal that is not understood must not be ignored. */
typedef struct orl_withdrawn {
    char **items;
    int n;
    int *lines;   /* line of each item in its file (for messages); may be NULL */
    char **files; /* file of each item (owned); may be NULL */
} orl_withdrawn;
/* Loads a list from a file outside the bundle, adding to *w (zero it first, or keep adding
 * from several files). 0, or -1 with diagnostics (file:line) for malformed lines, a file past
 * the limits of core/limits.h, or, when `required`, a missing file. The good lines are kept
 * even on -1. d must not be NULL. */
int orl_withdrawn_load(orl_withdrawn *w, const char *path, int required, orl_diags *d);
/* The list every player uses: the file given with --withdrawn FILE (path; may be NULL) and the
 * file named by the ORILLA_WITHDRAWN environment variable, both when both are set (a list set
 * for the whole machine cannot be undone by a command line). A file that is named but cannot
 * be read is an error. Zeroes *w first. 0, or -1 with diagnostics: then do not play. */
int orl_withdrawn_load_default(orl_withdrawn *w, const char *path, orl_diags *d);
/* Adds a warning for each entry naming this story with a testimony it does not have (a typo
 * there means a withdrawal is not honoured), with a did-you-mean. Returns how many. */
int orl_withdrawn_check_story(const orl_withdrawn *w, const orl_story *st, orl_diags *d);
void orl_withdrawn_free(orl_withdrawn *w);

typedef struct orl_consent_ctx {
    orl_deployment deployment;
    long long today;              /* days since 1970; 0 = the real date (orl_today) */
    const orl_withdrawn *withdrawn; /* may be NULL */
    long long made;               /* days since 1970 the story was made, when the caller knows
                                     better than the story (0 = no more than it says). The
                                     story's own floor (orl_consent_made: its latest recording,
                                     and a bundle's `made`) is always used. A clock before it
                                     is obviously wrong: every testimony counts as expired. */
} orl_consent_ctx;

/* The decision and the facts it rests on, for operators' tables. */
typedef struct orl_consent_info {
    orl_consent_status status;
    int clock_wrong;      /* EXPIRED because today is before the recording or the making */
    long long today;      /* the date used */
    long long recorded;   /* days, or -1 when missing or unreadable */
    long long expires;    /* days, or -1 */
    long long made;       /* the "made" floor used: the latest of ctx->made, the bundle's
                             made day and every testimony's recorded date; 0 when none */
    long long days_left;  /* expires - today: days it may still be shown, counting today
                             (<= 0 once ended); 0 when expires is unreadable */
} orl_consent_info;

/* THE decision: may this testimony be shown, played or printed here and now? In order:
 *   MISSING      no consent = { } at all;
 *   WITHDRAWN    on the withdrawal list;
 *   INVALID      recorded or expires missing or not a date, or expires not after recorded;
 *   EXPIRED      today >= expires (expires is the first day it is no longer shown), or the
 *                clock is obviously wrong: before the testimony was recorded, before the
 *                latest recording in the story (a story cannot run before it was made),
 *                before the day its bundle was made (st->made), or before ctx->made;
 *   OUT_OF_SCOPE its scope does not list ctx->deployment;
 *   OK.
 * info may be NULL. */
orl_consent_status orl_consent_explain(const orl_story *st, const orl_testimony *t, const orl_consent_ctx *c,
                                       orl_consent_info *info);
/* The latest consent.recorded of the story's testimonies (days), or 0 when none. */
long long orl_consent_latest_recording(const orl_story *st);
/* The day the story was made as far as Orilla knows (days; 0 unknown): the later of its
 * latest recording and, for a bundle, the day it was packed (st->made, from its manifest).
 * orl_consent_explain takes it (and ctx->made) as the floor below which the clock is wrong. */
long long orl_consent_made(const orl_story *st);

/* May this testimony be shown, played or printed here and now? */
orl_consent_status orl_consent_status_of(const orl_story *st, const orl_testimony *t, const orl_consent_ctx *c);
/* 1 when the status allows showing. */
int orl_consent_allows(const orl_story *st, const orl_testimony *t, const orl_consent_ctx *c);
/* 1 when consent can no longer allow this testimony anywhere: it has no consent or none that
 * can be read, it is on the withdrawal list w (may be NULL), or it ended (today >= expires;
 * today: days since 1970, 0 = the real date). Whatever the place and the clock, its words
 * must then not travel: `pack` leaves them out of the bundle and its PO files, and `check`
 * warns when a PO file still holds them. */
int orl_consent_withheld(const orl_story *st, const orl_testimony *t, long long today, const orl_withdrawn *w);
/* Words for the status, for operators (`orilla consent`): "shown", "hidden: withdrawn"... */
const char *orl_consent_status_words(orl_consent_status s);
/* The same with the detail an operator needs to act, e.g. "hidden: the clock reads before
 * the story was made (set the date)". Static string. */
const char *orl_consent_reason_words(const orl_consent_info *info);
/* The respectful notice shown to the audience instead of a testimony, in English; players
 * show orl_ui_text(lang, ORL_UI_CONSENT_NOTICE) (story/uitext.h), the same words translated.
 * It is the same whatever the reason: the audience is not told why (that is the narrator's). */
const char *orl_consent_notice(void);
/* check: errors for missing/invalid consent (no dates, unreadable dates, expires not after
 * recorded, no or unknown scope); warnings for consent that has ended or ends within 90 days,
 * and for a recording date after today (a typo or a wrong clock: the story would then show
 * no testimony at all, see orl_consent_explain). today: days since 1970. */
void orl_consent_check(const orl_story *st, const orl_testimony *t, long long today, orl_diags *d);

#endif
