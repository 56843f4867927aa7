/* The kiosk: Orilla at an exhibition, all day for months, with nobody technical nearby.
 *
 *   attract ──touch──> language ──> stories (when there are several) ──> the story (player)
 *      ^                                                                     │ an ending
 *      │                                                  "how others chose" <┘ (then care,
 *      │                                                                       credits)
 *      ├── no touch for idle_seconds: "are you still there?" + countdown, from any screen
 *      ├── a story that fails (script error, broken bundle, missing picture): a calm message
 *      └── operator: hold the top-left corner 5 s (or Ctrl+Alt+O), PIN, menu
 *   out of order: no story could be loaded (or the withdrawal list cannot be read)
 *
 * Like the player (player/player.h) it has a core that takes abstract inputs (a pointer on
 * the 1920x1080 canvas, keys, time) and draws into any SDL_Renderer, so the window and the
 * headless test runner (--headless --script) are the same code. Every visitor-facing path
 * ends in the attract loop; nothing a visitor does closes the program (Esc, Alt+F4, the
 * window's close button, right-click); SIGTERM stops it cleanly.
 *
 * Statistics (kiosk/stats.h) are recorded through the player's event hook; the path of the
 * current session lives only in memory and is cleared when the session ends. The log
 * (core/log.h) gets the machine's events, never the visitors'. */
#ifndef ORL_KIOSK_H
#define ORL_KIOSK_H
#include <stdio.h>
#include <SDL2/SDL.h>
#include "core/log.h"
#include "kiosk/config.h"
#include "kiosk/stats.h"
#include "player/player.h"

typedef struct orl_kiosk orl_kiosk;

/* Hold the top-left corner this long to reach the operator PIN. */
#define ORL_KIOSK_HOLD_SECONDS 5.0
#define ORL_KIOSK_HOLD_SIZE 140      /* canvas pixels of the corner */
/* Each story's cover stays this long in the attract loop. */
#define ORL_KIOSK_ATTRACT_SECONDS 20.0
/* "touch to begin" changes language this often. */
#define ORL_KIOSK_TOUCH_SECONDS 3.0
/* The calm message after a failure stays this long (or until a touch). */
#define ORL_KIOSK_MESSAGE_SECONDS 10.0

typedef enum orl_kiosk_screen {
    ORL_KIOSK_ATTRACT = 0,
    ORL_KIOSK_LANGUAGE,
    ORL_KIOSK_STORIES,
    ORL_KIOSK_STORY,        /* the player */
    ORL_KIOSK_OTHERS,       /* how others chose, after an ending */
    ORL_KIOSK_MESSAGE,      /* something failed: a calm message, then the attract loop */
    ORL_KIOSK_OUT_OF_ORDER,
    ORL_KIOSK_PIN,
    ORL_KIOSK_OPERATOR,
} orl_kiosk_screen;

typedef struct orl_kiosk_desc {
    const orl_kiosk_config *config; /* required; must outlive the kiosk */
    orl_log *log;                   /* may be NULL (stderr) */
    orl_stats *stats;               /* may be NULL (no statistics); not owned */
    SDL_Renderer *renderer;         /* required; logical size 1920x1080 */
    int software;                   /* the renderer is SDL's software one */
    const char *font_dir;           /* NULL: Orilla's own */
} orl_kiosk_desc;

/* Loads the stories (verifying bundles against config->key) and opens on the attract loop,
 * or on "out of order" when none can be shown. NULL only when the fonts cannot be loaded or
 * memory runs out (a line on stderr and in the log says why). */
orl_kiosk *orl_kiosk_create(const orl_kiosk_desc *desc);
/* Ends a session in progress (counted as left), frees everything. */
void orl_kiosk_free(orl_kiosk *k);
/* Ends a session in progress (counted as left) and nothing else: for a process that is
 * being ended from outside the frame loop (Xlib exits when the X server goes away). */
void orl_kiosk_end_session(orl_kiosk *k);

/* Inputs; each returns 1 when the screen changed. */
int orl_kiosk_pointer(orl_kiosk *k, orl_pointer_kind kind, float x, float y);
typedef enum orl_kiosk_key {
    ORL_KKEY_DIGIT = 0,  /* arg: 0..9 */
    ORL_KKEY_UP, ORL_KKEY_DOWN, ORL_KKEY_LEFT, ORL_KKEY_RIGHT, ORL_KKEY_NEXT, ORL_KKEY_PREV,
    ORL_KKEY_ACTIVATE,   /* Enter, Space */
    ORL_KKEY_BACK,       /* Backspace */
    ORL_KKEY_ESCAPE,     /* does nothing for visitors */
    ORL_KKEY_OPERATOR,   /* Ctrl+Alt+O */
} orl_kiosk_keycode;
int orl_kiosk_key(orl_kiosk *k, orl_kiosk_keycode key, int arg);
/* The window manager asked to close (Alt+F4, the close button): ignored, and logged once. */
void orl_kiosk_close_request(orl_kiosk *k);
/* Advances the clock by dt seconds: idle countdown, corner hold, attract loop, messages.
 * Returns 1 while something moves (draw frames), 0 when the picture is still. */
int orl_kiosk_tick(orl_kiosk *k, double dt);
/* Draws the frame (clear included, present not). Returns 1 while something moves. */
int orl_kiosk_draw(orl_kiosk *k);

orl_kiosk_screen orl_kiosk_screen_now(const orl_kiosk *k);
/* "attract", "language", ..., "story:title", "story:scene", "still-there" (the overlay). */
const char *orl_kiosk_screen_name(const orl_kiosk *k);
/* The operator chose Quit. */
int orl_kiosk_quit_requested(const orl_kiosk *k);
/* The stories that can be shown now / the bundles left out (with why). */
int orl_kiosk_story_count(const orl_kiosk *k);
int orl_kiosk_refused_count(const orl_kiosk *k);
/* The operator volume, 0..1. */
double orl_kiosk_volume(const orl_kiosk *k);
/* 1 when some text on screen contains `text` (kiosk screens and the player's view): tests. */
int orl_kiosk_shows(orl_kiosk *k, const char *text);
/* Taps the first button whose label contains `label` (tests), as a person would: only a
 * story button that is on screen and not covered (player.h, orl_view_touch_point). 1 when
 * tapped, 0 when not; then orl_kiosk_last_tap_why() is the orl_touch_why of a button that was
 * there but could not be touched (0: there was none). */
int orl_kiosk_tap_label(orl_kiosk *k, const char *label);
int orl_kiosk_last_tap_why(void);

/* ---------------------------------------------------------------------------------------
 * Runners (engine/app/cmd_kiosk.c) */

typedef struct orl_kiosk_run_opts {
    const orl_kiosk_config *config;
    int width, height;            /* headless surface / window size; 0: the screen (window),
                                     1920x1080 (headless) */
    int windowed;                 /* a window instead of fullscreen (rehearsals) */
    orl_renderer_choice renderer;
    const char *script;           /* headless: the script of inputs */
    long soak;                    /* headless: this many simulated visitors instead of a script */
    unsigned long long seed;      /* their random choices */
} orl_kiosk_run_opts;

/* Fullscreen until SIGTERM or the operator's Quit. Exit status 0, or 2 with no display. */
int orl_kiosk_run_window(const orl_kiosk_run_opts *o);
/* Plays o->script with no display (docs/kiosk.md lists its commands). Exit status 0; 1 when
 * an expectation failed; 2 when the script cannot be read or has a bad line. */
int orl_kiosk_run_headless(const orl_kiosk_run_opts *o);
/* `orilla kiosk --check`: loads the stories as the kiosk would (verifying bundles against the
 * key, checking each story, reading the withdrawal list) and prints what would be shown and
 * what would be left out, and why. Exit status 0 when every bundle can be shown, 1 when some
 * cannot (or none), 2 when the fonts cannot be loaded. */
int orl_kiosk_check(const orl_kiosk_config *config, FILE *out);
/* Set by the SIGTERM/SIGINT handler the runners install: the loop ends cleanly. */
void orl_kiosk_install_signals(void);
int orl_kiosk_stop_requested(void);

#endif
