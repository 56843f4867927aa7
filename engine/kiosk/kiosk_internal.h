/* Inside the kiosk: shared by kiosk.c (state machine), catalog.c (stories), kiosk_draw.c
 * (layout and drawing), kiosk_text.c (words) and kiosk_run.c (window and headless). */
#ifndef ORL_KIOSK_INTERNAL_H
#define ORL_KIOSK_INTERNAL_H
#include <sys/types.h>
#include "bundle/bundle.h"
#include "kiosk/kiosk.h"
#include "kiosk/pin.h"
#include "render/scene.h"
#include "render/text.h"

#define KIOSK_MAX_STORIES ORL_KIOSK_MAX_BUNDLES
#define KIOSK_MAX_BUTTONS 48
#define KIOSK_OTHERS_SHOWN 4 /* decisions shown on "how others chose" */

/* ------------------------------------------------------------------ words (kiosk_text.c) */

typedef enum kiosk_word {
    KW_TOUCH = 0,      /* "Touch the screen to begin" */
    KW_CHOOSE_LANG,
    KW_CHOOSE_STORY,
    KW_STILL_THERE,
    KW_STILL_THERE_SUB, /* %d seconds */
    KW_SORRY,
    KW_SORRY_SUB,
    KW_OUT_OF_ORDER,
    KW_OUT_OF_ORDER_SUB,
    KW_OTHERS_TITLE,
    KW_OTHERS_INTRO,
    KW_YOU_CHOSE,
    KW_SAME_SHARE,      /* %d percent */
    KW_CONTINUE,
    KW_STORIES,         /* the button back to the stories */
    KW_IN_LANGUAGE,     /* %s: a language name */
    KW_BACK,            /* the way back from a picker */
    KW_COUNT
} kiosk_word;

const char *kiosk_word_in(const char *lang, kiosk_word w);
/* A language's name written in itself ("Español", "العربية"), or the code. */
const char *kiosk_lang_name(const char *code);
int kiosk_lang_rtl(const char *code);

/* ------------------------------------------------------------------ stories (catalog.c) */

typedef struct kstory {
    char *path;           /* folder or bundle */
    char *id, *version;
    char *source_lang;
    char *langs[ORL_KIOSK_MAX_LANGS + 1]; /* source then translations (at most this many) */
    int nlangs;
    char *title;          /* in the source language */
    char *titles[ORL_KIOSK_MAX_LANGS];    /* in k->langs[i], NULL when the story lacks it */
    orl_story *st;        /* loaded in its source language: covers, consent checks */
    orl_scene cover;      /* the cover (or start picture) as one layer under a slow camera */
    orl_layer cover_layer;
    orl_scene_renderer *sr; /* for the cover, on the kiosk's renderer */
    SDL_Texture *generated; /* the cover made for a story without a picture (kiosk_draw.c) */
    SDL_Texture *card;      /* its picture on the story picker's card */
    int card_failed;
    /* the bundle as verified: reloaded only when it did not change since */
    dev_t dev;
    ino_t ino;
    off_t size;
    struct timespec mtime;
    int folder;           /* a story folder, not a bundle (nothing to verify) */
    int hidden;           /* changed, removed or failing on disk since: not offered (live.c) */
    char hidden_why[640];
    int failures;         /* sessions that failed since the start */
    char last_failure[256];
} kstory;

typedef struct kproblem {
    char *path;
    char *why;
} kproblem;

/* ------------------------------------------------------------------ buttons */

typedef enum kaction {
    KA_NONE = 0,
    KA_LANGUAGE,        /* arg: index into k->langs */
    KA_STORY,           /* arg: index into k->stories */
    KA_HOME,            /* the title screen's way back to the stories */
    KA_BACK,            /* a picker's way back: stories -> languages -> attract */
    KA_CONTINUE,        /* others / message */
    KA_STILL_HERE,
    KA_PIN_DIGIT,       /* arg 0..9 */
    KA_PIN_ERASE,
    KA_PIN_OK,
    KA_PIN_CANCEL,
    KA_OP_VOLUME,       /* arg -1 / +1 */
    KA_OP_RELOAD,
    KA_OP_VIEW,         /* arg: 0 summary, 1 statistics, 2 withdrawn, 3 problems */
    KA_OP_CLOSE,
    KA_OP_QUIT,         /* asks first: */
    KA_OP_QUIT_YES,
    KA_OP_QUIT_NO,
} kaction;

typedef struct kbutton {
    kaction action;
    int arg;
    SDL_Rect rect;
    const char *label;  /* static or owned by k->strings */
    int size;
    int primary;
    int selected;
} kbutton;

/* ------------------------------------------------------------------ a session's path (memory only) */

typedef struct kstep {
    char *scene;        /* scene id */
    int choice;         /* 1-based, as written */
    char *target;
    char *label;        /* the choice's text as shown (for "how others chose" only) */
    char *scene_text;
    int scene_idx;
    int shown;          /* choices the screen offered: fewer than 2 is no decision */
} kstep;

/* ------------------------------------------------------------------ files watched (live.c) */

typedef struct klive {
    int fd;               /* inotify, non-blocking; -1 when off */
    struct {
        int wd;
        char *path;
    } dirs[ORL_KIOSK_MAX_BUNDLES + 2];
    int ndirs;
    char *env_withdrawn;  /* $ORILLA_WITHDRAWN at start */
    int withdrawn_dirty;
    double withdrawn_changed_at;
    int bundle_dirty[ORL_KIOSK_MAX_BUNDLES];
    double bundle_changed_at[ORL_KIOSK_MAX_BUNDLES];
    int reload_pending;   /* a bundle verifies again: read the stories when no one plays */
} klive;

/* ------------------------------------------------------------------ the kiosk */

struct orl_kiosk {
    const orl_kiosk_config *cfg;
    orl_log *log;
    orl_stats *stats;
    SDL_Renderer *r;
    int software;
    char *font_dir;
    orl_font_set *fonts, *bold;
    orl_text_cache *text;
    SDL_Texture *corner[4]; /* round corner shapes by radius 16, 24, 32, 48 */
    SDL_Texture *ramp;      /* alpha 0..255 down its rows: gradients on a scaled canvas */

    /* catalog */
    kstory stories[KIOSK_MAX_STORIES];
    int nstories;
    kproblem problems[KIOSK_MAX_STORIES + 4];
    int nproblems;
    char *langs[ORL_KIOSK_MAX_LANGS]; /* offered */
    int nlangs;
    orl_withdrawn withdrawn;
    int withdrawn_ok;
    char withdrawn_problem[512];
    orl_pubkey key;
    int have_key;
    int out_of_order;

    klive live;

    /* state */
    orl_kiosk_screen screen;
    double now;
    double last_input;
    int still_there;          /* the overlay is up */
    double still_started;
    int lang;                 /* index into langs, -1 none yet */
    int story;                /* index into stories, -1 none */
    orl_player *player;
    orl_player_gfx *pgfx;
    int player_left_title;    /* the reader went past the title screen */
    orl_story *hook_story;    /* the story while orl_player_create runs (it may start it) */
    const char *hook_lang;
    double message_started;
    int message_closed_once;

    /* session (memory only, see stats.h) */
    int session_active, session_finished, others_done;
    char *session_story, *session_version;
    kstep steps[ORL_STATS_MAX_STEPS];
    int nsteps;
    char *last_scene;
    int others_idx[KIOSK_OTHERS_SHOWN];
    orl_stats_share others_share[KIOSK_OTHERS_SHOWN];
    int nothers;

    /* attract */
    int attract_story;
    double attract_t;

    /* operator */
    int holding;
    double hold_started;
    float hold_x, hold_y;
    orl_pin_guard guard;
    char pin[ORL_PIN_MAX_DIGITS + 1];
    int npin;
    char pin_msg[160];
    int op_view;
    int confirm_quit;         /* "Quit Orilla" was tapped: Yes / No shown */
    int wrong_pins;           /* since the start (the guard counts since the last right one) */
    int locked_tries;         /* PINs entered while the pad was locked, since the start */
    int locked_tries_now;     /* ... during the current lock */
    double volume;
    int close_logged;
    int quit;
    int swallowing;           /* the touch that dismissed an overlay lifts: not a tap */

    /* buttons of the current screen */
    kbutton buttons[KIOSK_MAX_BUTTONS];
    int nbuttons;
    int pressed;              /* button index, -1 none */
    int focus;                /* keyboard focus, -1 none */
    char *strings[KIOSK_MAX_BUTTONS + 16]; /* owned label strings of this layout */
    int nstrings;
    char op_text[8192];       /* the operator menu's text block */
};

/* catalog.c */
void kiosk_catalog_load(orl_kiosk *k);
void kiosk_catalog_free(orl_kiosk *k);
/* Loads story i in language lang for a session (checks it did not change). NULL with a
 * reason in why. */
orl_story *kiosk_catalog_open(orl_kiosk *k, int i, const char *lang, char *why, size_t whylen);
/* The language story i is played in for the visitor's language. */
const char *kiosk_story_lang(const kstory *s, const char *want);
void kiosk_problem_add(orl_kiosk *k, const char *path, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Verifies a bundle as at start (every file; the signature with a key). 0, or -1 with why. */
int kiosk_catalog_verify(orl_kiosk *k, const char *path, char *why, size_t whylen);

/* live.c */
void kiosk_live_start(orl_kiosk *k);
void kiosk_live_stop(orl_kiosk *k);
void kiosk_live_poll(orl_kiosk *k);
/* Stories not hidden; the first one not hidden from `from` on (wrapping), or -1. */
int kiosk_visible_count(const orl_kiosk *k);
int kiosk_next_visible(const orl_kiosk *k, int from);

/* kiosk.c: the stories changed (hidden, or the list is unreadable): screens that show them
 * are brought in line. */
void kiosk_live_changed(orl_kiosk *k);
/* Reads the bundles, the key and the withdrawal list again (Reload stories). */
void kiosk_reload(orl_kiosk *k, const char *why);

/* kiosk_draw.c */
void kiosk_layout(orl_kiosk *k);
int kiosk_draw_screen(orl_kiosk *k);
const char *kiosk_own(orl_kiosk *k, char *s);
int kiosk_gfx_init(orl_kiosk *k);
void kiosk_gfx_free(orl_kiosk *k);
/* The renderer lost its textures (SDL_RENDER_TARGETS_RESET / DEVICE_RESET): made again. */
void kiosk_gfx_reset(orl_kiosk *k);
const char *kiosk_lang_code(const orl_kiosk *k); /* the visitor's language, or the first offered */
/* A word with a %d in it ("%d%% of visitors chose the same") filled with v. */
void kiosk_fill_number(char *out, size_t n, const char *fmt, int v);

/* kiosk_soak.c: `--soak N --seed S` (simulated visitors; prints the figures to out). Exit
 * status 0, or 1 when the statistics do not hold exactly the sessions simulated or the kiosk
 * got stuck. */
int kiosk_soak(orl_kiosk *k, orl_stats *stats, long visitors, unsigned long long seed, FILE *out);

/* kiosk.c */
void kiosk_log(orl_kiosk *k, orl_log_level lv, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
