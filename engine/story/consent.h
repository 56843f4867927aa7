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

/* The operator's withdrawal list: "story-id/testimony-id" per line, '#' comments. */
typedef struct orl_withdrawn {
    char **items;
    int n;
} orl_withdrawn;
/* Loads a list from a file outside the bundle. 0, or -1 with a diagnostic (file:line). A
 * missing file is an error only when `required`. */
int orl_withdrawn_load(orl_withdrawn *w, const char *path, int required, orl_diags *d);
void orl_withdrawn_free(orl_withdrawn *w);

typedef struct orl_consent_ctx {
    orl_deployment deployment;
    long long today;              /* days since 1970; 0 = the real date */
    const orl_withdrawn *withdrawn; /* may be NULL */
} orl_consent_ctx;

/* May this testimony be shown, played or printed here and now? */
orl_consent_status orl_consent_status_of(const orl_story *st, const orl_testimony *t, const orl_consent_ctx *c);
/* 1 when the status allows showing. */
int orl_consent_allows(const orl_story *st, const orl_testimony *t, const orl_consent_ctx *c);
/* Words for the status, for operators (`orilla consent`). */
const char *orl_consent_status_words(orl_consent_status s);
/* The respectful notice shown to the audience instead of a testimony (source language: en). */
const char *orl_consent_notice(void);
/* check: errors for missing/invalid consent, warnings for consent that ends within 90 days. */
void orl_consent_check(const orl_story *st, const orl_testimony *t, long long today, orl_diags *d);

#endif
