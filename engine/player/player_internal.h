/* Inside the player: the struct shared by player.c (state machine), layout.c (view model),
 * draw.c (drawing) and input.c (SDL events). Not part of the public API. */
#ifndef ORL_PLAYER_INTERNAL_H
#define ORL_PLAYER_INTERNAL_H
#include "player/player.h"
#include "story/run.h"

/* Text measurements kept (layout.c, orl_player__measure_text). */
#define ORL_PLAYER_MEASURES 4096
typedef struct orl_measure_entry {
    uint64_t key;
    int set;
    orl_text_metrics m;
} orl_measure_entry;

typedef struct orl_snapshot {
    int scene;
    char *state;
    size_t len;
} orl_snapshot;

struct orl_player {
    orl_story *st;
    orl_run *run;
    /* the story a reload replaced, freed once the new one is on screen (orl_player_retire) */
    orl_story *old_st;
    /* stories replaced by a language change, kept until the drawing has let go of their
     * files (its decoding thread may be reading one): orl_player__drop_replaced */
    orl_story **replaced;
    int nreplaced;
    orl_run *old_run;
    char *path;
    char lang[32];
    orl_consent_ctx consent;
    uint64_t seed;
    int text_size;
    int kiosk;
    int no_transitions;
    int high_contrast, reduce_motion; /* settings: kept across language reloads */
    void (*on_event)(void *ud, const orl_player_event *e); /* the kiosk's hook (player.h) */
    void *event_ud;
    orl_font_set *fonts, *bold;
    orl_measure_entry *measures; /* ORL_PLAYER_MEASURES of them (layout.c) */
    orl_diags diags;
    unsigned gen;

    orl_player_screen screen;
    int screen_w, screen_h; /* pixels of the screen the canvas is shown on (orl_player_set_screen) */
    int menu;
    int support_open;      /* the care screen over the story (support button) */
    int scene_answer, testimony_answer; /* orl_care_answer to this scene's content notes */
    int title_card; /* the start scene is the story's own title card */
    int quit, leave_count;

    orl_snapshot hist[ORL_PLAYER_MAX_HISTORY];
    int nhist;

    /* the current scene, as computed when it was entered (story code runs once per entry) */
    char *text;
    int vis[ORL_MAX_CHOICES];
    char *vis_text[ORL_MAX_CHOICES];
    int nvis;
    int scene_error;       /* story code failed: the scene offers Continue, never a dead end */
    double scene_time;
    orl_look look;
    float look_yaw0;       /* the panorama's first view (the look-around on entry sways from it) */
    int looked;            /* the reader turned the panorama (or it was turned for them) */
    int panorama;
    int picture_scene;     /* the scene whose picture care and credits show, -1 none */
    orl_scene cover;       /* the story's cover image as a scene with only a background */

    /* transition between pictures */
    int from_scene;
    double from_time;
    float trans;           /* 0..1; 1 = done */

    /* view */
    orl_view view;
    int dirty;             /* relayout needed */
    char **owned;          /* strings the view owns, freed at relayout */
    int nowned, capowned;
    int focus_kind, focus_arg, focus_set; /* the focused button, kept across relayouts */
    int focus_visible;
    int hover, pressed;
    int dragging;
    float drag_x, drag_y;
    float drag_dist;
    int panel_drag;        /* a press in a scrolling panel: a drag scrolls it */
    float panel_drag_y, panel_drag_dist;
    int scroll;            /* the panel's scroll offset, px (reset for each scene) */
    int side_floor;        /* layout: a column of choices beside the text starts no higher */

    /* testimony audio and captions (sound.c) */
    struct orl_audio *audio;     /* opened the first time a testimony plays; NULL before */
    int audio_open_failed;       /* out of memory: no more tries */
    int no_audio_device, caption_clock, captions;
    float volume;
    unsigned scene_entry;        /* bumped each time a scene is entered or reloaded */
    unsigned audio_entry;        /* scene_entry of the testimony started, 0 none */
    int audio_testimony;         /* the testimony started (index), -1 none */
    unsigned char *audio_broken; /* per testimony: its recording could not be played */
    int audio_broken_n;
    unsigned audio_broken_gen;   /* the story generation audio_broken is about */
    double audio_time;           /* seconds of it heard (the menu pauses it): caption_clock */
    char caption[1024];          /* the caption in the view */

    /* self-voicing (speak.c) */
    int voice;                   /* the setting: the screen is read aloud */
    int voice_failed;            /* the voice cannot start here: the setting is unavailable */
    struct orl_voice *speaker;   /* started the first time the setting is turned on */
    char *voice_said;            /* what was said last (the screen is read once per arrival) */
    int voice_barrier;           /* the voice waits before the testimony's recording */
    int voice_started_audio;     /* ... and asked for a frame to start it */
    int voice_pending;           /* something is still to be said */
    char *voice_rest[ORL_VOICE_MAX_SEGMENTS]; /* at a recording: its transcript, then what follows */
    int voice_nrest;

    /* live reload (orl_player_reload, `play --watch`) */
    char *problems;        /* the last reload failed: its first diagnostics, one a line; NULL */
    char *notice;          /* a short line after a reload (the scene is gone); NULL */
};

/* layout.c */
void orl_player__layout(orl_player *p);
void orl_player__place_hotspots(orl_player *p);
/* Scrolls the panel so that button i can be seen. */
void orl_player__reveal(orl_player *p, int i);
const char *orl_player__own(orl_player *p, char *s); /* takes s; returns it (or "" on NULL) */
void orl_player__free_owned(orl_player *p);
float orl_player__size_scale(int step);
/* Screen pixels per canvas pixel (the canvas shown whole on the screen). */
float orl_player__screen_scale(const orl_player *p);
int orl_player__is_rtl(const char *lang);
const char *orl_player__lang_name(const char *code);

/* sound.c: starts, stops, pauses the testimony for what is on screen now (scene entered,
 * left, settings open); fills the caption strip of v. relaid: v was just laid out anew. */
void orl_player__sound_sync(orl_player *p);
void orl_player__sound_view(orl_player *p, orl_view *v, int relaid);
/* 1 while captions change with time (frames should keep coming) */
int orl_player__sound_moving(const orl_player *p);
void orl_player__sound_close(orl_player *p);
/* sound.c: opens the player's audio (and so the mixer) if it is not open yet */
void orl_player__audio_open(orl_player *p);
/* 1 when testimony ti has a recording that can be expected to play: the file is there and
 * it did not fail before. When not, the voice reads the transcript instead (speak.c). */
int orl_player__audio_playable(orl_player *p, int ti);

/* speak.c: reads v aloud when it is a screen not yet read (call after layout, before
 * orl_player__sound_view); tick: plays what is synthesized, lets the testimony's recording
 * play at the barrier; returns 1 when a frame is needed (to start that recording). holds: 1
 * while the testimony's recording must wait for the voice. */
void orl_player__speak_view(orl_player *p, const orl_view *v, int relaid);
int orl_player__speak_tick(orl_player *p);
int orl_player__speak_holds(const orl_player *p);
void orl_player__speak_close(orl_player *p);
/* layout.c: orl_text_measure, remembered */
orl_text_metrics orl_player__measure_text(orl_player *p, int bold, const char *text, const orl_text_desc *d);
/* layout.c: measures a text block (sets its h) */
int orl_player__measure(orl_player *p, orl_view_text *t);

/* player.c */
void orl_player__activate(orl_player *p, int button);
/* Moves the focus to button i as a key would (scrolls it into view; turns a panorama to it). */
void orl_player__focus(orl_player *p, int i);
/* The scene offers no choice (an ending, or nothing to show): Continue instead. */
int orl_player__scene_is_end(const orl_player *p);

/* input.c: one SDL event into the player. Returns 1 when the view changed. */
typedef struct orl_input_state {
    SDL_GameController *pads[4];
    int npads;
    float stick_x, stick_y;     /* left stick, for focus moves with repeat */
    float look_x, look_y;       /* right stick, for looking */
    Uint32 stick_next;          /* when the next repeat may fire */
    SDL_FingerID finger;        /* the finger being followed */
    int finger_down;
    int fullscreen_toggle;      /* F11 was pressed: the runner toggles */
    int kiosk;
} orl_input_state;
int orl_player__event(orl_player *p, orl_input_state *is, const SDL_Event *e);
/* Continuous input (sticks): call every frame with the time since the last; returns 1 when
 * the view changed, and sets *moving while a stick is held. */
int orl_player__poll_sticks(orl_player *p, orl_input_state *is, double dt, int *moving);
void orl_input_close(orl_input_state *is);

/* bench.c: the hooks of shared/bench/README.md ("Hook contract, for the C engine"); on only
 * when BENCH_OUT is set. */
typedef struct orl_bench orl_bench;
/* NULL when BENCH_OUT is not set. */
orl_bench *orl_bench_start(void);
/* Called every turn of the window loop; presented: a frame was presented this turn. May act on
 * the player (Begin, picks). Sets *frame when the next turn must draw a frame, *quit when the
 * bench is done. Returns how long the loop may wait for events, in ms (-1: as long as it likes). */
int orl_bench_step(orl_bench *b, orl_player *p, int presented, int *frame, int *quit);
/* Writes quit_us (also on SIGTERM or a closed window) and frees. */
void orl_bench_end(orl_bench *b);
long long orl_bench_now_us(void);

/* The drawing draws the current story's files now (draw.c): the stories a language change
 * replaced can go. */
void orl_player__drop_replaced(orl_player *p);

#endif
