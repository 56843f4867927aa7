/* The window player: a person plays a story with touch, mouse, keyboard or a gamepad.
 *
 * Three layers, each usable alone:
 *
 *   1. The player core (orl_player): a state machine over one playthrough, and the view model
 *      of what is on screen. It knows nothing of windows or events: it takes abstract inputs
 *      (orl_player_input, a pointer at canvas coordinates, a number key) and keeps an orl_view
 *      (texts, rectangles of the 1920x1080 canvas, focus). Unit tests drive it with no display.
 *
 *        title ──Begin──> content note (story warnings, if any) ──Continue──> scenes
 *          ^                 └── "Choose another story or leave" ──> title (leave_count++)
 *          |             scenes ──choice──> scenes   (Back / Backspace / gamepad B: one choice
 *          |                                          back, through a stack of snapshots)
 *          |             ending scene (or a scene with no choice to show) ──Continue──>
 *          |             care (the story's support resources, if any) ──Continue──>
 *          └──────────── credits ──"Back to the beginning"
 *        Content notes of scenes and testimonies (story/care.h) are asked where they stand:
 *        "Continue" or "Skip this part", as `orilla text` asks them. The support button (when
 *        the story lists support) opens the care screen at any moment, and returns.
 *        The settings (Esc, the corner button, gamepad Start) open over any screen: text size,
 *        high contrast, reduce motion, language (reloads the story's strings and keeps the
 *        place, and these settings), back to the beginning, quit. A story whose start scene is its own title card (its id is "title" or its text
 *        is the story's title) starts on that scene: the title is not shown twice.
 *
 *   2. Drawing (orl_player_draw): the view into any SDL_Renderer whose logical size is
 *      1920x1080 (letterboxed), through render/scene.h (pictures) and render/text.h (text).
 *      A window and a headless software surface are the same code.
 *
 *   3. Runners: orl_play_window (a window, its event loop, renderer choice, bench hooks) and
 *      orl_play_headless (a software surface, choices from a list, a PNG of the last frame).
 *
 * What is shown is what `orilla text` prints: the scene's text, its testimony (or, when
 * consent does not allow it here and now, the consent notice), its fact with the source, the
 * visible choices (hidden ones are not drawn), "The end", support resources and credits. */
#ifndef ORL_PLAYER_H
#define ORL_PLAYER_H
#include <stdint.h>
#include <SDL2/SDL.h>
#include "core/diag.h"
#include "core/strutil.h"
#include "render/scene.h"
#include "render/text.h"
#include "story/consent.h"
#include "story/story.h"

/* ---------------------------------------------------------------------------------------
 * The core */

typedef struct orl_player orl_player;

/* Text size steps of the settings: 100 %, 115 %, 130 %, 150 % of the base sizes (body text
 * is 36 px on the 1080p canvas at 100 %). */
#define ORL_PLAYER_TEXT_SIZES 4
/* Choices remembered for going back; older ones are forgotten. */
#define ORL_PLAYER_MAX_HISTORY 256
/* Buttons on one screen (choices, hotspots, settings items, corner buttons). */
#define ORL_PLAYER_MAX_BUTTONS (ORL_MAX_CHOICES + 24)

typedef struct orl_player_event orl_player_event; /* below */

typedef struct orl_player_desc {
    orl_story *story;        /* required; the player owns it from now on, even on failure */
    const char *path;        /* where it was loaded from (folder or bundle): needed to reload
                                it in another language; NULL disables language switching */
    const char *lang;        /* the language the story was loaded in; NULL: its source one */
    orl_consent_ctx consent; /* where and when; consent.withdrawn must outlive the player */
    uint64_t seed;           /* the story's math.random seed (kept across language reloads) */
    int text_size;           /* 0 .. ORL_PLAYER_TEXT_SIZES-1 */
    int kiosk;               /* Esc and the settings' Quit do nothing */
    int no_transitions;      /* cut from scene to scene instead of a short crossfade */
    int high_contrast;       /* opaque near-black panel, white text, stronger rings (settings) */
    int reduce_motion;       /* no camera moves, cuts between scenes (settings) */
    const char *font_dir;    /* NULL: Orilla's own assets/fonts */
    /* Testimony audio (engine/audio/audio.h): opened the first time a testimony with audio
     * is shown, once per player; a missing device or a broken file is a note in the player's
     * diagnostics, never an error on screen (captions still show). */
    int no_audio_device;     /* 1: no sound device at all; captions run on a clock */
    int caption_clock;       /* 1: captions follow orl_player_tick (the scene's time), not the
                                audio's position: the same caption for the same time (shot) */
    int no_captions;         /* 1: start with captions off (settings; on by default) */
    int volume_set;          /* 1: start at `volume`; 0: 100 % */
    float volume;            /* 0..1 */
    int voice;               /* 1: start with self-voicing on (orl_player_set_voice); where it
                                cannot work, a warning in the player's diagnostics */
    /* Optional (the kiosk's statistics): told what the reader does, as it happens. */
    void (*on_event)(void *ud, const orl_player_event *e);
    void *event_ud;
} orl_player_desc;

/* What on_event is told. Nothing here names the reader: the kiosk counts choices with it
 * (engine/kiosk/stats.h) and keeps the path only in memory while the session lasts. */
typedef enum orl_player_event_kind {
    ORL_PLAYER_EVENT_START = 0, /* entered the story's first scene: a new playthrough (scene) */
    ORL_PLAYER_EVENT_CHOICE,    /* took choice `choice` (index into the scene's choices) at `scene` */
    ORL_PLAYER_EVENT_BACK,      /* took the last choice back (Back, Backspace) */
    ORL_PLAYER_EVENT_END,       /* arrived at `scene`, which offers nothing to choose (an ending) */
} orl_player_event_kind;

struct orl_player_event {
    orl_player_event_kind kind;
    int scene;                /* index into the story's scenes */
    int choice;               /* CHOICE: index into the scene's choices; else -1 */
    const char *choice_text;  /* CHOICE: the button's text as shown (borrowed: valid during the call) */
    const char *scene_text;   /* CHOICE: the scene's text as shown (borrowed) */
    int shown;                /* CHOICE: how many choices the screen offered (1: no decision) */
};

/* Creates a player on the title screen. NULL when the fonts cannot be loaded or memory runs
 * out (a diagnostic says why; the story is freed). */
orl_player *orl_player_create(const orl_player_desc *desc, orl_diags *diags);
void orl_player_free(orl_player *p);

typedef enum orl_player_screen {
    ORL_SCREEN_TITLE = 0,
    ORL_SCREEN_WARNINGS, /* the story's content note, before it starts */
    ORL_SCREEN_SCENE,    /* a scene (an ending scene too: then "The end" and Continue) */
    ORL_SCREEN_CARE,     /* support resources, after an ending */
    ORL_SCREEN_CREDITS,
} orl_player_screen;

/* Abstract inputs: what keys, gamepad buttons and sticks mean. */
typedef enum orl_player_input {
    ORL_INPUT_UP = 0,
    ORL_INPUT_DOWN,
    ORL_INPUT_LEFT,
    ORL_INPUT_RIGHT,
    ORL_INPUT_NEXT,     /* Tab */
    ORL_INPUT_PREV,     /* Shift+Tab */
    ORL_INPUT_ACTIVATE, /* Enter, Space, gamepad A */
    ORL_INPUT_BACK,     /* Backspace, gamepad B: close the settings, or one choice back */
    ORL_INPUT_MENU,     /* Esc, gamepad Start: open or close the settings */
} orl_player_input;

typedef enum orl_pointer_kind {
    ORL_POINTER_MOVE = 0, /* hover (mouse), drag when pressed */
    ORL_POINTER_DOWN,
    ORL_POINTER_UP,       /* a press and release on the same button activates it */
    ORL_POINTER_CANCEL,   /* the finger left, the window lost focus */
} orl_pointer_kind;

/* Each returns 1 when what is on screen changed (draw a frame), else 0. */
int orl_player_input_do(orl_player *p, orl_player_input in);
/* Number keys: picks the n-th visible choice (1-based) of the scene, or the n-th button of
 * the other screens. 0 when there is no such choice. */
int orl_player_pick(orl_player *p, int n);
/* A pointer at canvas coordinates (0..1920, 0..1080). Dragging on a panorama looks around. */
int orl_player_pointer(orl_player *p, orl_pointer_kind kind, float x, float y);
/* Scrolls a panel that does not fit by dy canvas pixels (positive: further down the text).
 * 0 when nothing moved. */
int orl_player_scroll(orl_player *p, float dy);
/* Turns the view in a panorama (degrees); 0 when the scene is not a panorama. */
int orl_player_look(orl_player *p, float dyaw, float dpitch);
/* Shows the focus ring (after keyboard or gamepad use) or hides it (after pointer use). */
int orl_player_show_focus(orl_player *p, int show);
/* Advances time by dt seconds (camera moves, transitions). Returns 1 while something moves
 * and frames should keep coming, 0 when the picture is still. */
int orl_player_tick(orl_player *p, double dt);

/* Settings. Each returns 0, or -1 when the value is not possible (nothing changes). */
int orl_player_set_text_size(orl_player *p, int step);
/* Reloads the story's strings in lang (its source language or one of its translations) and
 * puts the reader back where they were: same screen, scene, state and history. */
int orl_player_set_lang(orl_player *p, const char *lang);
int orl_player_set_menu(orl_player *p, int open);
/* Accessibility (off by default; kept across language switches):
 *   high contrast: the text panel and settings card fully opaque near-black, body text pure
 *     white, quieter text light grey, brighter and thicker focus ring and button borders, the
 *     fact card black on white;
 *   reduce motion: no camera moves (layered scenes drawn as composed, at t = 0), cuts instead
 *     of crossfades, nothing animated; a panorama turns only when the reader turns it. */
int orl_player_set_high_contrast(orl_player *p, int on);
int orl_player_set_reduce_motion(orl_player *p, int on);
int orl_player_high_contrast(const orl_player *p);
int orl_player_reduce_motion(const orl_player *p);
/* Sets the panorama's look (fov 0: keep the current one); -1 when the scene shown is not a
 * panorama. */
int orl_player_set_look(orl_player *p, float yaw, float pitch, float fov);
/* Testimony volume, 0..1 (clamped), applied with orl_audio_set_volume; kept across
 * language switches. The settings offer 0, 25, 50, 75 and 100 %. */
int orl_player_set_volume(orl_player *p, float volume);
float orl_player_volume(const orl_player *p);
/* Captions of testimony audio in a strip above the text panel (on by default). */
int orl_player_set_captions(orl_player *p, int on);
int orl_player_captions(const orl_player *p);
/* Self-voicing (player/speak.c, audio/voice.h; off by default, kept across language
 * switches): each screen is read aloud once when it is reached, in the reader's language —
 * the scene's text, its testimony as consent allows (the notice otherwise; a testimony with
 * its own recording is heard, not read), the fact and source, then the choices with their
 * numbers. A choice, Back or leaving the screen cuts it; the settings pause it.
 * set_voice: 0, or -1 when it cannot work here (built without espeak-ng, or espeak-ng cannot
 * start: then a warning in the player's diagnostics, and available turns 0). */
int orl_player_set_voice(orl_player *p, int on);
int orl_player_voice(const orl_player *p);
int orl_player_voice_available(orl_player *p);
/* 1 while the voice still has something to say: a window loop should come back within
 * ~50 ms (orl_player_tick plays the next part). */
int orl_player_voice_busy(const orl_player *p);
/* The speaker (NULL until the setting was turned on): for tests (orl_voice_wait_idle). */
struct orl_voice *orl_player_speaker(const orl_player *p);
/* The player's audio (NULL until a testimony has played): for tests and the kiosk. */
typedef struct orl_audio orl_audio;
orl_audio *orl_player_audio(const orl_player *p);
/* 1 while a testimony's audio plays or is paused (settings open). */
int orl_player_audio_active(const orl_player *p);

/* Back to the first screen with an empty state (what "Back to the beginning" does). */
void orl_player_restart(orl_player *p);

/* Goes straight into scene `scene` with a fresh state (its on_enter runs), as if the reader
 * had just arrived there: for `orilla shot`. 0, or -1 (a diagnostic says why). */
int orl_player_goto_scene(orl_player *p, int scene);
/* Shows one of the screens directly (for `orilla shot --screen`). */
int orl_player_goto_screen(orl_player *p, orl_player_screen screen);

/* The screen the canvas is shown on, in pixels (the window's or the surface's size; 0x0:
 * 1920x1080). The layout keeps buttons at least 44 px on it and fits text to its shape. */
void orl_player_set_screen(orl_player *p, int w, int h);

/* Queries. */
orl_player_screen orl_player_screen_now(const orl_player *p);
int orl_player_menu_open(const orl_player *p);
/* Opens or closes the support (care) screen over the story. */
int orl_player_set_support(orl_player *p, int open);
/* 1 while a content note waits for "Continue" or "Skip this part". */
int orl_player_note_pending(orl_player *p);
/* The current scene index, or -1 before the story starts. */
int orl_player_scene(const orl_player *p);
/* Choices that can be taken back. */
int orl_player_history(const orl_player *p);
/* The encoded story state (script/state.h): 0, or -1 with a diagnostic. */
int orl_player_state(orl_player *p, orl_buf *out);
orl_story *orl_player_story(const orl_player *p);
const char *orl_player_lang(const orl_player *p);
int orl_player_text_size(const orl_player *p);
/* Set when the reader asked to quit (settings: Quit; never in kiosk mode). */
int orl_player_quit_requested(const orl_player *p);
/* How many times the reader chose "another story or leave" on a content note. */
int orl_player_leave_count(const orl_player *p);
/* Script errors and image problems met while playing (they never stop the player). The
 * caller may print and clear them. */
orl_diags *orl_player_diags(orl_player *p);
/* Changes every time the story is replaced (language reload, orl_player_reload): drawing
 * caches keyed on the story's files must be dropped (orl_player_draw does it). */
unsigned orl_player_story_generation(const orl_player *p);

/* Live reload (`orilla play --watch`): reads the story folder again (desc.path, in the
 * current language, or its source language when that translation is gone) and checks it as
 * `orilla play` does.
 *   - It loads with no error: the new story replaces the old one. On a scene whose id still
 *     exists the reader stays there, with the same encoded state and the choices that can be
 *     taken back (history steps whose scene is gone are dropped); the scene's text and
 *     choices are computed again (on_enter does not run again). When the scene is gone (or
 *     the state no longer fits), the story starts again at its start scene and a short
 *     notice says why (orl_player_notice). Other screens stay as they are. Returns 0.
 *   - It does not: the last good story stays on screen, the problems (file:line: error:
 *     message, the first few) are kept for an overlay (orl_player_reload_problems) and
 *     copied into diags (may be NULL). Returns -1. The next good reload clears them.
 * -1 with no change as well when the player has no path. */
int orl_player_reload(orl_player *p, orl_diags *diags);
/* Frees the story a reload replaced (kept until then so that the new screen comes first);
 * orl_player_free does it too. */
void orl_player_retire(orl_player *p);
/* The overlay's text after a failed reload (lines "file:line: error: message"), or NULL. */
const char *orl_player_reload_problems(const orl_player *p);
/* A short line shown after a reload moved the reader (their scene is gone), or NULL; it goes
 * with the reader's next move. */
const char *orl_player_notice(const orl_player *p);

/* ---------------------------------------------------------------------------------------
 * The view model: what is on screen, laid out on the canvas. Owned by the player; valid
 * until the next call that changes the player. */

typedef struct orl_rect {
    int x, y, w, h;
} orl_rect;

typedef enum orl_button_kind {
    ORL_BUTTON_CHOICE = 0, /* a choice drawn as a button in the text panel */
    ORL_BUTTON_HOTSPOT,    /* a choice drawn at its place on the picture (`at`) */
    ORL_BUTTON_BEGIN,
    ORL_BUTTON_CONTINUE,
    ORL_BUTTON_LEAVE,
    ORL_BUTTON_RESTART,    /* back to the beginning */
    ORL_BUTTON_BACK,       /* the corner button: one choice back */
    ORL_BUTTON_MENU,       /* the corner button: settings */
    ORL_BUTTON_TEXT_SIZE,  /* arg: the step */
    ORL_BUTTON_LANGUAGE,   /* arg: index into the view's languages */
    ORL_BUTTON_RESUME,
    ORL_BUTTON_QUIT,
    ORL_BUTTON_SUPPORT,    /* the corner button: who the reader can talk to (story/care.h) */
    ORL_BUTTON_NOTE_CONTINUE, /* a scene's or testimony's content note: arg 0 scene, 1 testimony */
    ORL_BUTTON_NOTE_SKIP,
    ORL_BUTTON_HIGH_CONTRAST, /* settings toggles: selected when on */
    ORL_BUTTON_REDUCE_MOTION,
    ORL_BUTTON_VOLUME,        /* arg: percent (0, 25, 50, 75, 100); selected when current */
    ORL_BUTTON_VOICE,         /* settings toggle: read aloud (disabled when not available) */
    ORL_BUTTON_TURN,          /* a panorama's edge marker for hotspot `arg` (a choice) out of
                                 view: turns the view to it; `number` -1 left, 1 right */
} orl_button_kind;

typedef struct orl_view_button {
    orl_button_kind kind;
    int arg;            /* CHOICE/HOTSPOT: index into the scene's choices; TEXT_SIZE: step;
                           LANGUAGE: index into view.langs */
    int number;         /* CHOICE/HOTSPOT: 1-based number among the visible choices */
    const char *label;  /* owned by the view ("" for icon buttons) */
    int label_size;     /* px; 0 for the icon-only corner buttons */
    int label_wrap;     /* wrap width of the label */
    int label_h;        /* measured height of the label at that width */
    orl_text_align label_align;
    orl_rect rect;      /* on the canvas: where it is drawn and where it is hit */
    float px, py;       /* HOTSPOT: the point on the picture */
    orl_rect pill;      /* HOTSPOT: the label beside the point (rect covers point and pill) */
    int primary;        /* drawn as the main action */
    int selected;       /* the current setting (text size, language) */
    int hidden;         /* a panorama hotspot behind the viewer: not drawn, not touchable (the
                           keys and Tab still reach it: focusing it turns the view to it) */
    int turnable;       /* a panorama hotspot: focusing it turns the view to it */
    int in_panel;       /* inside the text panel: clipped to it when the panel scrolls */
    int disabled;       /* shown, but does nothing (a setting not available here): drawn muted */
} orl_view_button;

/* One block of text at a place, with the size and alignment to lay it out with. */
typedef struct orl_view_text {
    const char *text;   /* owned by the view; NULL: no block */
    int x, y, w;        /* box on the canvas (w: wrap width) */
    int h;              /* measured height */
    int size;           /* px */
    int bold;
    orl_text_align align;
    float spacing;      /* line spacing */
    int tone;           /* ORL_TONE_*: which colour of the palette */
} orl_view_text;

/* Colours of the palette, named by role (draw.c holds the values). */
enum {
    ORL_TONE_TEXT = 0, /* warm off-white on dark */
    ORL_TONE_ACCENT,   /* amber: labels, "The end", focus */
    ORL_TONE_MUTED,    /* quieter text: the consent notice, notes */
    ORL_TONE_INK,      /* dark text on the light fact card */
    ORL_TONE_INK_ACCENT, /* terracotta on the fact card */
    ORL_TONE_INK_MUTED,  /* the source line */
};

typedef struct orl_view_support {
    orl_view_text name, contact, note;
} orl_view_support;

#define ORL_VIEW_MAX_SUPPORT 64 /* as many as a story may list (story/load_lua.c) */
#define ORL_VIEW_MAX_LANGS 12

typedef struct orl_view {
    orl_player_screen screen;
    int canvas_w, canvas_h;   /* the canvas the view is laid out on (1920x1080) */
    int menu;             /* the settings are open (over the screen) */
    int rtl;              /* the reader's language is written right to left: UI mirrored */
    const char *lang;
    int high_contrast;    /* the accessibility settings (orl_player_set_high_contrast) */
    int reduce_motion;

    /* The picture: a scene of the story drawn by render/scene.h, or none. */
    const orl_scene *picture; /* borrowed from the story; NULL: a calm dark background */
    /* Where the picture (composed on 1920x1080) is shown: a point (x, y) of it is at
     * (picture_ox + x * picture_k, picture_oy + y * picture_k) on the canvas. A landscape
     * canvas shows it whole (k 1); a portrait one shows it cropped at the sides in
     * picture_box, above the panel. */
    orl_rect picture_box;
    float picture_k, picture_ox, picture_oy;
    double picture_time;      /* seconds since the scene started (camera moves) */
    int panorama;
    orl_look look;
    int dim;                  /* 0..255: darkening over the picture (title, notes, care) */

    /* Text panel (scene screens) or centred blocks (the other screens). */
    int has_panel;
    orl_rect panel;
    int panel_alpha;          /* 0..255: the panel's (and settings card's) opacity */
    orl_view_text heading;    /* title / "Content note" / support heading / "The end" */
    orl_view_text sub;        /* authors / warning intro / ... */
    orl_view_text body;       /* scene text / warnings / credits */
    orl_view_text body2;      /* warnings list on the content note screen */

    /* A content note being asked (scene or testimony): its words are in note_*. */
    int note;                 /* 0 none, 1 the scene's, 2 the testimony's */
    orl_view_text note_title, note_intro, note_words;
    int skipped;              /* the reader skipped this scene: body is the "skipped" line */
    int support_open;         /* the care screen was opened from the support button */

    /* Testimony: narrator + transcript, or the consent notice in its place. */
    int has_testimony;
    int testimony_notice;     /* 1: consent does not allow it: the notice is shown instead */
    orl_rect testimony_box;
    orl_view_text testimony_by;
    orl_view_text testimony_text;
    int testimony_index;      /* into st->testimonies, -1 none */

    /* The caption of the testimony playing (orl_audio_caption), in a strip above the text
     * panel: centred, on a dark backing. has_caption 0: nothing to show now. */
    int has_caption;
    orl_rect caption_box;
    orl_view_text caption;

    /* Fact card with its source: above the panel, or (fact_inside) in the panel's flow after
     * the text, scrolling with it, when the panel scrolls. */
    int has_fact, fact_inside;
    orl_rect fact_box;
    orl_view_text fact_label, fact_text, fact_source;

    /* Care screen. */
    orl_view_support support[ORL_VIEW_MAX_SUPPORT];
    orl_rect support_box[ORL_VIEW_MAX_SUPPORT];
    int nsupport;

    /* Settings card. */
    orl_rect menu_box;
    orl_view_text menu_title, menu_size_label, menu_access_label, menu_lang_label;
    orl_view_text menu_volume_label;
    const char *langs[ORL_VIEW_MAX_LANGS]; /* codes: the source language, then translations */
    int nlangs;

    orl_view_button buttons[ORL_PLAYER_MAX_BUTTONS];
    int nbuttons;

    /* A panorama: for each hotspot out of view, a TURN button at the screen's edge (its
     * label, an arrow the way to turn; touching it turns the view to the hotspot); and, until
     * the reader has turned the picture, a hint that it turns. */
    int nmarkers;             /* TURN buttons shown */
    orl_view_text hint;       /* "Drag to look around" */
    int focus;                /* index into buttons, -1 none */
    int focus_visible;        /* draw the focus ring (keyboard or gamepad in use) */
    int hover;                /* button under the mouse, -1 none */
    int pressed;              /* button pressed and not yet released, -1 none */

    /* A panel whose content is taller than the screen scrolls (wheel, drag, Page Up/Down, and
     * moving the focus): the content moves under a fixed panel, clipped to `clip`. */
    int scroll, scroll_max;   /* px; scroll_max 0: everything fits */
    orl_rect clip;

    /* A transition from the previous picture (scene changes), progress 0..1. */
    orl_transition_kind transition_kind; /* ORL_TRANSITION_CUT with reduce motion */
    const orl_scene *from_picture;
    double from_time;
    float transition;         /* 1: done */
} orl_view;

/* The view, laid out anew when something changed. */
const orl_view *orl_player_view(orl_player *p);

/* ---------------------------------------------------------------------------------------
 * Hit-testing: one rule for every way of touching (the window's pointer and touch events,
 * the kiosk's headless `tap` and `tap-label`, `play --headless --choices`, the screen audit):
 * a button is touchable at a point only when the point is on the canvas, the button is not
 * hidden, not scrolled out of its panel's clip, and no button drawn after it (on top) holds
 * the point. */

/* The button a touch at canvas point (x, y) lands on, -1 none. */
int orl_view_hit(const orl_view *v, float x, float y);

typedef enum orl_touch_why {
    ORL_TOUCH_OK = 0,
    ORL_TOUCH_HIDDEN,        /* not drawn (a panorama hotspot behind the viewer) */
    ORL_TOUCH_OFF_SCREEN,    /* no part of it is on the screen */
    ORL_TOUCH_SCROLLED_AWAY, /* it is in a panel that scrolls, out of sight */
    ORL_TOUCH_COVERED,       /* every part on screen lies under another button */
} orl_touch_why;

/* Where a person would touch button i: its centre when that is touchable, else the first
 * touchable point of a grid over it. ORL_TOUCH_OK with *x, *y set, or why not (*by: the
 * covering button for ORL_TOUCH_COVERED, else -1). by may be NULL. */
orl_touch_why orl_view_touch_point(const orl_view *v, int i, float *x, float *y, int *by);
/* "is hidden behind the viewer", "is off the screen", ... (English, for messages) */
const char *orl_touch_why_text(orl_touch_why w);

/* Touches button i as a person would (press and release at orl_view_touch_point); a panorama
 * hotspot out of view is first turned to, as a drag would. 0, or the orl_touch_why that
 * stopped it (nothing happens then; *by as for orl_view_touch_point). */
int orl_player_touch(orl_player *p, int i, int *by);
/* The button orl_player_pick(p, n) would activate, -1 none. */
int orl_player_pick_button(orl_player *p, int n);

/* ---------------------------------------------------------------------------------------
 * Drawing */

typedef struct orl_player_gfx orl_player_gfx;

/* Drawing resources for one renderer (text cache, scene renderer, shapes). software: the
 * renderer is SDL's software one. NULL on failure (SDL_GetError says why). */
orl_player_gfx *orl_player_gfx_create(SDL_Renderer *renderer, int software);
/* Call before SDL_DestroyRenderer, and before orl_player_free of a player it drew: its
 * decoding thread reads that story's files. */
void orl_player_gfx_free(orl_player_gfx *g);
/* Hands over the first scene's pictures being decoded while the window opens
 * (orl_ahead_start): the first frame takes them instead of decoding. Takes pre. Then, as
 * each scene is drawn, the pictures its choices lead to are decoded ahead on a thread. */
void orl_player_gfx_preload(orl_player_gfx *g, struct orl_ahead *pre);
/* Bytes of decoded pictures kept between scenes (0: the renderer's default, 256 MB). The
 * window player keeps less: the scene on screen, the ones its choices lead to and the last. */
void orl_player_gfx_set_image_budget(orl_player_gfx *g, size_t bytes);
/* Drops textures (SDL_RENDER_TARGETS_RESET / DEVICE_RESET). */
void orl_player_gfx_reset(orl_player_gfx *g);
/* Draws the whole frame (clear included, present not). Returns 1 while something moves. */
int orl_player_draw(orl_player *p, orl_player_gfx *g);

/* ---------------------------------------------------------------------------------------
 * Runners (engine/app/cmd_play.c and cmd_shot.c parse the command line into these) */

typedef enum orl_renderer_choice {
    ORL_RENDERER_AUTO = 0, /* the GPU when there is a real one, else the software path */
    ORL_RENDERER_SOFTWARE,
    ORL_RENDERER_GPU,
} orl_renderer_choice;

typedef struct orl_play_opts {
    const char *path;
    const char *lang;          /* NULL: the story's source language */
    int width, height;         /* window or surface size; 0: 1920x1080 (window: 1280x720
                                  windowed, the screen's size fullscreen) */
    int fullscreen;
    orl_renderer_choice renderer;
    orl_deployment deployment;
    const char *withdrawn;     /* withdrawal list file, or NULL */
    uint64_t seed;
    int text_size;
    int kiosk;
    int no_transitions;
    int high_contrast;         /* the accessibility settings, from the start */
    int reduce_motion;
    int voice;                 /* self-voicing from the start (play --voice, kiosk voice = true) */
    /* headless */
    const char *choices;       /* "1,2,1": picked one by one */
    const char *screenshot;    /* PNG of the last frame (headless: required) */
    double time;               /* seconds into the last scene (camera moves) */
    const char *scene;         /* shot: the scene to show */
    int screen;                /* shot: -1, or an orl_player_screen to show */
    int menu;                  /* shot: with the settings open */
    int focus;                 /* shot: focus ring on this button (1-based), 0 none */
    int has_look;              /* shot: a panorama's initial look (ignored, with a note, for
                                  other scenes) */
    float look_yaw, look_pitch, look_fov; /* degrees; fov 0: the scene's own */
    int verbose;               /* print each screen reached (headless) */
    int watch;                 /* window: reload the story folder when its files change
                                  (orl_player_reload, player/watch.h) */
} orl_play_opts;

/* Opens a window and plays until the reader quits. Exit status: 0, 1 (story problems),
 * 2 (no display: the message says so and suggests `orilla text`). */
int orl_play_window(const orl_play_opts *o);
/* Plays without a display into a software surface; writes o->screenshot. Exit status as
 * for the other commands. */
int orl_play_headless(const orl_play_opts *o);
/* `orilla shot`: one scene (o->scene) or screen (o->screen) into o->screenshot. */
int orl_play_shot(const orl_play_opts *o);

/* Parses "WxH" (like 1920x1080) into *w, *h. 0, or -1 when it is not a size from 160x90 to
 * 7680x4320. */
int orl_play_parse_size(const char *s, int *w, int *h);

/* Loads PATH in lang with the checks the players need (errors printed to stderr). Returns
 * the story or NULL with *exit_code 1 or 2. */
orl_story *orl_play_load(const char *path, const char *lang, uint64_t seed, int *exit_code);

#endif
