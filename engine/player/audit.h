/* The screen audit (`orilla check PATH --screens`): every screen a reader can meet, laid out
 * by the player's own layout code (layout.c; no window, no renderer: fonts only), in every
 * language of the story x text sizes 1-4 x screen shapes, and what a person would meet there:
 *
 *   screen-text-off      text outside the screen, or that no scrolling brings into view
 *   screen-text-clipped  text cut at the edge of its card (a fact longer than its card)
 *   screen-text-covered  text under a button
 *   screen-overlap       two buttons overlapping
 *   screen-target-off    a button off the screen, or with no part on it that can be touched
 *   screen-target-covered  a button every visible part of which lies under another
 *   screen-target-small  a button smaller than 44 px on that screen
 *   screen-unreachable   a choice that cannot be reached by touch, by the arrow keys or by Tab
 *   screen-contrast      text below 4.5:1 over what it is drawn on (the worst picture under
 *                        the panel: white or black)
 *
 * Each finding is reported once, at the scene's (or choice's) file:line, or at the story's
 * line naming the engine screen ("support screen"), with the languages, text sizes and
 * screen shapes where it happens. */
#ifndef ORL_PLAYER_AUDIT_H
#define ORL_PLAYER_AUDIT_H
#include "core/diag.h"
#include "story/consent.h"

#define ORL_AUDIT_MAX_SHAPES 8
#define ORL_AUDIT_MAX_LANGS 12

typedef struct orl_audit_opts {
    const char *path;              /* story folder or bundle */
    /* Languages to lay out; nlangs 0: the story's source language and every translation. */
    const char *langs[ORL_AUDIT_MAX_LANGS];
    int nlangs;
    /* Text size steps (0..3) as a bit mask; 0: all four. */
    unsigned sizes;
    /* Screen shapes in pixels; nshapes 0: 1920x1080, 1280x720, 1366x768, 3840x2160,
     * 1080x1920 (a portrait kiosk), 390x844 (a phone). */
    int shapes[ORL_AUDIT_MAX_SHAPES][2];
    int nshapes;
    orl_deployment deployment;     /* whose consent decides what is shown (default workshop) */
    const char *font_dir;          /* NULL: Orilla's own */
} orl_audit_opts;

typedef struct orl_audit_stats {
    long layouts;      /* views laid out and looked at */
    int combinations;  /* languages x sizes x shapes */
    int findings;
    double seconds;     /* wall clock */
    double cpu_seconds; /* this process's CPU time (the machine may be busy) */
} orl_audit_stats;

/* Adds one diagnostic per finding to d (wording from d->wording). Returns 0, or -1 when the
 * story could not be loaded or a player not made (a diagnostic says why). */
int orl_player_audit(const orl_audit_opts *o, orl_diags *d, orl_audit_stats *stats);

#endif
