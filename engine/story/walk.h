/* Exploring a story by playing it: every reachable (scene, state) pair (--all), or random
 * playthroughs (--random N). Finds what only playing shows: dead ends that depend on the
 * state, endings nobody reaches, script errors, states that are not plain values. */
#ifndef ORL_WALK_H
#define ORL_WALK_H
#include <stdint.h>
#include "story/story.h"

typedef struct orl_walk_opts {
    int random;            /* 0 = explore all; N = N random playthroughs */
    uint64_t seed;
    long max_states;       /* --all bound (ORL_WALK_MAX_STATES when 0) */
    long max_steps;        /* choices in one random playthrough (10000 when 0) */
    void (*progress)(void *ud, long done, long total); /* may be NULL */
    double max_seconds;    /* --all: stop (truncated) after this long; 0 = no limit */
    void *progress_ud;
    int until_all_shown;   /* --all: stop as soon as every conditional choice of every scene that
                              can be reached by following `go` has been shown once (the lint's
                              always-hidden search: past that point it cannot find anything) */
} orl_walk_opts;

typedef struct orl_walk_result {
    int *reached;          /* per scene: how many states/visits reached it */
    int *dead_end;         /* per scene: 1 when it was reached with no choice to take */
    long states;           /* --all: distinct (scene, state) pairs */
    int truncated;         /* --all stopped at max_states (or the time, or the bytes below) */
    int truncated_bytes;   /* --all stopped because the states kept passed ORL_WALK_MAX_STATE_BYTES
                              (an error is reported at the scene) */
    long playthroughs;     /* --random */
    long choices;          /* choices taken */
    long endings_hit;      /* playthroughs (or paths) that reached an ending */
    long unfinished;       /* --random playthroughs cut at max_steps */
    int script_errors;
    double seconds;
    /* --all: per choice, 1 when it was shown at least once: choice_shown[choice_base[scene] + j].
     * When a walk --all finishes (not truncated), a choice with a `when` that is never shown in a
     * reached scene gets an "always-hidden" warning. NULL after --random. */
    int *choice_base;
    unsigned char *choice_shown;
    int stopped_early;     /* until_all_shown: every such choice was seen, the walk stopped there */
} orl_walk_result;

/* Runs the walk; problems go to diags (each once). 0, or -1 when it could not run at all. */
int orl_walk(orl_story *st, const orl_walk_opts *opts, orl_walk_result *res, orl_diags *d);
void orl_walk_result_free(orl_walk_result *res);

/* What a finished walk says about the story's scenes, added to d: dead ends (a scene reached
 * with no choice to take: every 'when' false), and with --all, endings and scenes never
 * reached. Scenes never reached are left out when a script error stopped paths (they are its
 * consequence, not a second problem). A scene with no choices at all is left to orl_story_check.
 * `dead_ends_only`: only the dead ends. */
void orl_walk_report(const orl_story *st, const orl_walk_opts *o, const orl_walk_result *res, orl_diags *d,
                     int dead_ends_only);

#endif
