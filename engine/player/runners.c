/* The runners: a window with its event loop, and the headless player and shot. */
#include "core/rfile.h"
#include "render/gpu.h"
#include "player/player_internal.h"
#include "player/watch.h"
#include "audio/voice.h"
#include "story/consent.h"
#include "story/messages.h"
#include <SDL2/SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

/* ---------------------------------------------------------------------------------------
 * Shared */

orl_story *orl_play_load(const char *path, const char *lang, uint64_t seed, int *exit_code)
{
    orl_diags d = {0};
    d.wording = orl_messages_current(); /* ORILLA_LANG=es or --lang es: the author's language */
    orl_load_opts lo = {0};
    lo.script.seed = seed;
    lo.lang = lang;
    orl_story *st = orl_story_load(path, &lo, &d);
    if (st) orl_story_check(st, NULL, &d);
    orl_diags_sort(&d);
    if (!st) {
        orl_diags_print(&d, stderr);
        orl_diags_free(&d);
        *exit_code = 2;
        return NULL;
    }
    if (d.errors) {
        orl_diags_print(&d, stderr);
        fprintf(stderr, orl_messages_words("@app", d.errors == 1 ? "%d error: mend it first ('orilla check %s' lists every problem)\n"
                                                                 : "%d errors: mend them first ('orilla check %s' lists every problem)\n"),
                d.errors, path);
        orl_diags_free(&d);
        orl_story_free(st);
        *exit_code = 1;
        return NULL;
    }
    orl_diags_free(&d);
    *exit_code = 0;
    return st;
}

int orl_play_parse_size(const char *s, int *w, int *h)
{
    if (!s) return -1;
    char *end;
    long a = strtol(s, &end, 10);
    if (end == s || (*end != 'x' && *end != 'X')) return -1;
    const char *q = end + 1;
    long b = strtol(q, &end, 10);
    if (end == q || *end) return -1;
    if (a < 160 || a > 7680 || b < 90 || b > 4320) return -1;
    *w = (int)a;
    *h = (int)b;
    return 0;
}

typedef struct session {
    orl_withdrawn withdrawn;
    orl_player *p;
} session;

/* Loads the story and makes the player. 0, or the exit status. */
static int session_open(session *s, const orl_play_opts *o)
{
    memset(s, 0, sizeof *s);
    int rc;
    orl_story *st = orl_play_load(o->path, o->lang, o->seed, &rc);
    if (!st) return rc;
    orl_diags d = {0};
    /* --withdrawn FILE and $ORILLA_WITHDRAWN, both (story/consent.h) */
    if (orl_withdrawn_load_default(&s->withdrawn, o->withdrawn, &d) != 0) {
        orl_diags_print(&d, stderr);
        orl_diags_free(&d);
        orl_story_free(st);
        orl_withdrawn_free(&s->withdrawn);
        return 2;
    }
    orl_player_desc pd = {0};
    pd.story = st;
    pd.path = o->path;
    pd.lang = o->lang;
    pd.consent.deployment = o->deployment;
    pd.consent.withdrawn = &s->withdrawn;
    pd.seed = o->seed;
    pd.text_size = o->text_size;
    pd.kiosk = o->kiosk;
    pd.high_contrast = o->high_contrast;
    pd.reduce_motion = o->reduce_motion;
    pd.voice = o->voice;
    /* headless with the voice: read, never heard (no sound from a run without a screen) */
    if (o->voice && o->screenshot) pd.no_audio_device = 1;
    /* headless and shot: captions follow the scene's time (--time), not the sound card */
    pd.caption_clock = o->screenshot != NULL;
    /* The bench's peers draw no transitions; measured, neither does Orilla (bench.c). */
    pd.no_transitions = o->no_transitions || (getenv("BENCH_OUT") && *getenv("BENCH_OUT"));
    s->p = orl_player_create(&pd, &d);
    if (!s->p) {
        orl_diags_print(&d, stderr);
        orl_diags_free(&d);
        orl_withdrawn_free(&s->withdrawn);
        return 2;
    }
    orl_diags_free(&d);
    return 0;
}

static void session_close(session *s)
{
    orl_player_free(s->p);
    orl_withdrawn_free(&s->withdrawn);
    s->p = NULL;
}

/* Prints the problems met while playing (script errors, pictures), once each. */
static void print_new_diags(orl_player *p, size_t *printed)
{
    orl_diags *d = orl_player_diags(p);
    if (d->n <= *printed) return;
    orl_diags part = *d;
    part.items += *printed;
    part.n -= *printed;
    orl_diags_print(&part, stderr);
    *printed = d->n;
}

/* ---------------------------------------------------------------------------------------
 * Headless: a software renderer drawing into a surface; no video subsystem at all */

typedef struct canvas {
    SDL_Surface *surface;
    SDL_Renderer *r;
    orl_player_gfx *g;
} canvas;

static int canvas_open(canvas *c, int w, int h)
{
    memset(c, 0, sizeof *c);
    if (w <= 0 || h <= 0) {
        w = ORL_CANVAS_W;
        h = ORL_CANVAS_H;
    }
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "linear");
    c->surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!c->surface) return -1;
    c->r = SDL_CreateSoftwareRenderer(c->surface);
    if (!c->r) return -1;
    SDL_RenderSetLogicalSize(c->r, ORL_CANVAS_W, ORL_CANVAS_H);
    c->g = orl_player_gfx_create(c->r, 1);
    return c->g ? 0 : -1;
}

static void canvas_close(canvas *c)
{
    orl_player_gfx_free(c->g);
    if (c->r) SDL_DestroyRenderer(c->r);
    SDL_FreeSurface(c->surface);
    memset(c, 0, sizeof *c);
}

/* Draws the player at o->time into its scene and writes the PNG (opaque). 0 or -1. */
static int canvas_shot(canvas *c, orl_player *p, double t, const char *png)
{
    char why[100]; /* a device or FIFO would be written into (or block): refuse it */
    if (orl_check_writable_target(png, why, sizeof why) != 0) {
        SDL_SetError("it is %s; give the name of a new or ordinary file", why);
        return -1;
    }
    p->scene_time = t > 0 ? t : 0;
    p->trans = 1.0f;
    p->from_scene = -1;
    orl_player_draw(p, c->g);
    SDL_RenderPresent(c->r);
    /* an opaque copy: PNG viewers show the letterbox black, not a checkerboard */
    SDL_Surface *out = SDL_ConvertSurfaceFormat(c->surface, SDL_PIXELFORMAT_RGB24, 0);
    if (!out) return -1;
    int rc = IMG_SavePNG(out, png);
    SDL_FreeSurface(out);
    return rc == 0 ? 0 : -1;
}

static const char *screen_name(orl_player *p)
{
    static char buf[ORL_MAX_ID + 32];
    switch (orl_player_screen_now(p)) {
    case ORL_SCREEN_TITLE: return "title";
    case ORL_SCREEN_WARNINGS: return "content note";
    case ORL_SCREEN_CARE: return "support";
    case ORL_SCREEN_CREDITS: return "credits";
    case ORL_SCREEN_SCENE: break;
    }
    int sc = orl_player_scene(p);
    if (sc < 0) return "scene ?";
    snprintf(buf, sizeof buf, "scene %s%s", p->st->scenes[sc].id,
             orl_player_note_pending(p) ? " (content note)" : p->nvis == 0 ? " (the end)" : "");
    return buf;
}

/* Headless with the voice: lets it read the screen now shown to the end (nothing is heard;
 * with --verbose, voice_print prints each text it reads). */
static void voice_settle(orl_player *p)
{
    orl_voice *sp = orl_player_speaker(p);
    if (!orl_player_voice(p) || !sp) return;
    orl_player_view(p);              /* the screen shown now is handed to the voice */
    orl_voice_wait_idle(sp, 120000); /* and synthesized to its end */
}

static void voice_print(void *ud, const char *lang, const char *text)
{
    (void)ud;
    printf("voice [%s]: %s\n", lang, text);
}

/* Passes the title and the content note, then picks the choices of "1,2,1" one by one, as
 * `orilla text --choices` numbers them. 0, or 2 (a message says which choice was not there). */
static int apply_choices(orl_player *p, const char *list, int verbose, int *picked)
{
    if (!list) list = "";
    *picked = 0;
    for (int guard = 0; guard < 100000; guard++) {
        voice_settle(p);
        orl_player_screen sc = orl_player_screen_now(p);
        if (sc == ORL_SCREEN_TITLE || sc == ORL_SCREEN_WARNINGS) {
            if (!*list) break; /* nothing to choose: show this screen */
            int bi = orl_player_pick_button(p, 1), by = -1, why = bi < 0 ? ORL_TOUCH_OFF_SCREEN : orl_player_touch(p, bi, &by);
            if (why != 0) {
                fprintf(stderr, "orilla play: --choices: the %s screen's first button cannot be touched: it %s\n",
                        screen_name(p), orl_touch_why_text((orl_touch_why)why));
                return 2;
            }
            continue;
        }
        if (sc != ORL_SCREEN_SCENE || (p->nvis == 0 && !orl_player_note_pending(p))) break;
        while (*list == ',' || *list == ' ') list++;
        if (!*list) break;
        char *end;
        long n = strtol(list, &end, 10);
        if (end == list || n < 1 || n > ORL_MAX_CHOICES) {
            fprintf(stderr, "orilla play: --choices: '%.*s' is not a choice number\n", (int)strcspn(list, ","), list);
            return 2;
        }
        list = end;
        int before = orl_player_note_pending(p) ? 2 : p->nvis;
        const char *where = p->st->scenes[orl_player_scene(p)].id;
        int bi = orl_player_pick_button(p, (int)n);
        if (bi < 0) {
            fprintf(stderr, "orilla play: --choices: choice %ld of scene \"%s\": it shows %d choice%s\n", n, where,
                    before, before == 1 ? "" : "s");
            return 2;
        }
        /* touched as a person would: only where it is on screen and not covered */
        const orl_view *v = orl_player_view(p);
        char label[200];
        snprintf(label, sizeof label, "%s", v->buttons[bi].label ? v->buttons[bi].label : "");
        int by = -1, why = orl_player_touch(p, bi, &by);
        if (why != 0) {
            v = orl_player_view(p);
            fprintf(stderr, "orilla play: --choices: choice %ld of scene \"%s\" (\"%s\") cannot be touched: it %s%s%s%s\n",
                    n, where, label, orl_touch_why_text((orl_touch_why)why), by >= 0 ? " (\"" : "",
                    by >= 0 ? (*v->buttons[by].label ? v->buttons[by].label : "a corner button") : "",
                    by >= 0 ? "\")" : "");
            return 2;
        }
        (*picked)++;
        if (verbose) printf("%d. %s\n", *picked, screen_name(p));
    }
    while (*list == ',' || *list == ' ') list++;
    if (*list) fprintf(stderr, "orilla play: the story stopped at %s before the choices '%s'\n", screen_name(p), list);
    return 0;
}

int orl_play_headless(const orl_play_opts *o)
{
    if (!o->screenshot) {
        fprintf(stderr, "orilla play: --headless needs --screenshot FILE.png (where to write the last frame)\n");
        return 2;
    }
    session s;
    int rc = session_open(&s, o);
    if (rc) return rc;
    orl_player *p = s.p;
    canvas c;
    orl_player_set_screen(p, o->width, o->height); /* a portrait surface gets a portrait layout */
    if (canvas_open(&c, o->width, o->height) != 0) {
        fprintf(stderr, "orilla play: cannot draw without a display: %s\n", SDL_GetError());
        canvas_close(&c);
        session_close(&s);
        return 2;
    }
    size_t printed = 0;
    int picked = 0;
    if (o->voice && o->verbose) orl_voice_set_hook(voice_print, NULL);
    if (o->voice && !orl_player_voice(p)) {
        print_new_diags(p, &printed); /* why it cannot read aloud here */
        fprintf(stderr, "orilla play: --voice: reading aloud is not available here\n");
    }
    rc = apply_choices(p, o->choices, o->verbose, &picked);
    print_new_diags(p, &printed);
    if (rc == 0 && orl_player_diags(p)->errors) rc = 1;
    if (rc != 2) {
        if (canvas_shot(&c, p, o->time, o->screenshot) != 0) {
            fprintf(stderr, "orilla play: cannot write %s: %s\n", o->screenshot, SDL_GetError());
            rc = 2;
        } else {
            voice_settle(p); /* the last screen is read too */
            print_new_diags(p, &printed);
            printf("%s: %s after %d choice%s\n", o->screenshot, screen_name(p), picked, picked == 1 ? "" : "s");
            orl_voice *sp = orl_player_speaker(p);
            if (o->voice && o->verbose && sp) {
                /* how long the reading of this playthrough is: what an audience would hear */
                long n = orl_voice_segments_done(sp);
                printf("voice: %ld text%s read aloud, %.1f s of speech\n", n, n == 1 ? "" : "s",
                       orl_voice_seconds_made(sp));
            }
        }
    }
    orl_voice_set_hook(NULL, NULL);
    canvas_close(&c);
    session_close(&s);
    return rc;
}

int orl_play_shot(const orl_play_opts *o)
{
    session s;
    int rc = session_open(&s, o);
    if (rc) return rc;
    orl_player *p = s.p;
    orl_player_set_screen(p, o->width, o->height); /* a portrait picture gets the portrait layout */
    if (o->scene) {
        int sc = orl_story_find_scene(p->st, o->scene);
        if (sc < 0) {
            orl_nearest near;
            orl_nearest_init(&near, o->scene, 4);
            for (int i = 0; i < p->st->nscenes; i++) orl_nearest_try(&near, p->st->scenes[i].id);
            const char *best = near.best;
            fprintf(stderr, "orilla shot: the story has no scene \"%s\"%s%s%s\n", o->scene,
                    best ? "; did you mean \"" : "", best ? best : "", best ? "\"?" : "");
            session_close(&s);
            return 2;
        }
        orl_player_goto_scene(p, sc);
    } else if (o->screen >= 0) {
        if (orl_player_goto_screen(p, (orl_player_screen)o->screen) != 0) {
            fprintf(stderr, "orilla shot: this story has no such screen (no warnings to show?)\n");
            session_close(&s);
            return 2;
        }
    }
    if (o->has_look && orl_player_set_look(p, o->look_yaw, o->look_pitch, o->look_fov) != 0)
        fprintf(stderr, "orilla shot: note: --look is for panoramas; %s is not one, so it is ignored\n",
                orl_player_scene(p) >= 0 ? p->st->scenes[orl_player_scene(p)].id : "this screen");
    if (o->menu) orl_player_set_menu(p, 1);
    if (o->focus > 0) {
        const orl_view *v = orl_player_view(p);
        if (o->focus <= v->nbuttons) {
            orl_player_show_focus(p, 1);
            p->view.focus = o->focus - 1;
            p->focus_set = 1;
            p->focus_kind = (int)p->view.buttons[o->focus - 1].kind;
            p->focus_arg = p->view.buttons[o->focus - 1].arg;
        }
    }
    canvas c;
    if (canvas_open(&c, o->width, o->height) != 0) {
        fprintf(stderr, "orilla shot: cannot draw: %s\n", SDL_GetError());
        canvas_close(&c);
        session_close(&s);
        return 2;
    }
    size_t printed = 0;
    rc = 0;
    if (canvas_shot(&c, p, o->time, o->screenshot) != 0) {
        fprintf(stderr, "orilla shot: cannot write %s: %s\n", o->screenshot, SDL_GetError());
        rc = 2;
    }
    print_new_diags(p, &printed);
    if (rc == 0 && orl_player_diags(p)->errors) rc = 1;
    canvas_close(&c);
    session_close(&s);
    return rc;
}

/* ---------------------------------------------------------------------------------------
 * The window */

static double now_s(void)
{
    return (double)SDL_GetPerformanceCounter() / (double)SDL_GetPerformanceFrequency();
}

typedef struct window {
    SDL_Window *win;
    SDL_Renderer *r;
    int software;
} window;

static int window_open(window *w, const orl_play_opts *o, const char *title, int software)
{
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    int ww = o->width > 0 ? o->width : 1280, wh = o->height > 0 ? o->height : 720;
    int x = SDL_WINDOWPOS_CENTERED, y = SDL_WINDOWPOS_CENTERED;
    SDL_DisplayMode dm;
    int have_dm = SDL_GetDesktopDisplayMode(0, &dm) == 0 && dm.w > 0 && dm.h > 0;
    if (o->fullscreen) {
        /* the screen's size at (0,0) from the start: right even with no window manager to
         * honour the fullscreen request (a bare X server at a kiosk) */
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
        if (have_dm) {
            ww = dm.w;
            wh = dm.h;
            x = y = 0;
        }
    } else if (!o->width && have_dm) {
        /* most of the screen, 16:9 */
        ww = dm.w * 4 / 5;
        wh = ww * 9 / 16;
        if (wh > dm.h * 4 / 5) {
            wh = dm.h * 4 / 5;
            ww = wh * 16 / 9;
        }
    }
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, software ? "0" : "1");
    if (!software) flags |= SDL_WINDOW_OPENGL;
    w->win = SDL_CreateWindow(title, x, y, ww, wh, flags);
    if (!w->win) return -1;
    w->r = SDL_CreateRenderer(w->win, -1, software ? SDL_RENDERER_SOFTWARE : SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (!w->r && !software) w->r = SDL_CreateRenderer(w->win, -1, SDL_RENDERER_ACCELERATED);
    if (!w->r) {
        SDL_DestroyWindow(w->win);
        w->win = NULL;
        return -1;
    }
    w->software = software;
    SDL_RenderSetLogicalSize(w->r, ORL_CANVAS_W, ORL_CANVAS_H);
    return 0;
}

static void window_close(window *w)
{
    if (w->r) SDL_DestroyRenderer(w->r);
    if (w->win) SDL_DestroyWindow(w->win);
    memset(w, 0, sizeof *w);
}

/* The window's last frame, drawn again and read back from the renderer's output. */
static int window_shot(window *w, orl_player *p, orl_player_gfx *g, const char *png)
{
    char why[100]; /* a device or FIFO would be written into (or block): refuse it */
    if (orl_check_writable_target(png, why, sizeof why) != 0) {
        SDL_SetError("it is %s; give the name of a new or ordinary file", why);
        return -1;
    }
    orl_player_draw(p, g);
    int ow = 0, oh = 0;
    if (SDL_GetRendererOutputSize(w->r, &ow, &oh) != 0 || ow <= 0 || oh <= 0) return -1;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, ow, oh, 24, SDL_PIXELFORMAT_RGB24);
    if (!s) return -1;
    int rc = SDL_RenderReadPixels(w->r, NULL, SDL_PIXELFORMAT_RGB24, s->pixels, s->pitch);
    if (rc == 0) rc = IMG_SavePNG(s, png);
    SDL_FreeSurface(s);
    SDL_RenderPresent(w->r);
    return rc == 0 ? 0 : -1;
}

/* orl_watch_notify's wake-up, on the watcher's thread: any event ends SDL_WaitEvent */
static void wake_loop(void *ud)
{
    (void)ud;
    SDL_Event e;
    SDL_zero(e);
    e.type = SDL_USEREVENT;
    SDL_PushEvent(&e);
}

/* ORILLA_DEBUG_STARTUP=1: how long each step of start-up took, on stderr. */
static void stage(const char *what)
{
    static long long t0;
    static int on = -1;
    if (on < 0) on = getenv("ORILLA_DEBUG_STARTUP") != NULL;
    if (!on) return;
    long long t = orl_bench_now_us();
    if (!t0) t0 = t;
    /* CPU time too: on a busy machine the wall clock says more about the others */
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    double cpu = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000.0 +
                 (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000.0;
    fprintf(stderr, "orilla play: %-22s %8.1f ms  (CPU %.1f ms, peak RSS %.1f MB)\n", what, (double)(t - t0) / 1000.0,
            cpu, (double)ru.ru_maxrss / 1024.0);
}

int orl_play_window(const orl_play_opts *o)
{
    stage("start");
    session s;
    int rc = session_open(&s, o);
    if (rc) return rc;
    orl_player *p = s.p;
    stage("story and fonts loaded");
    /* Opening the window is mostly waiting (for the display, for the window manager to map
     * it): meanwhile a thread decodes the first scene's pictures. */
    orl_ahead *pre = NULL;
    if (orl_player_scene(p) >= 0 && !o->choices)
        pre = orl_ahead_start(p->st->fs, &p->st->scenes[orl_player_scene(p)]);

    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "linear");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");
    /* SDL falls back to its "offscreen" driver when there is no display: a window nobody
     * sees. Without X11, Wayland or a DRM device (for KMSDRM on a bare console), say so. */
    const char *asked = getenv("SDL_VIDEODRIVER");
    if (asked && !*asked) asked = NULL;
    int no_display = !asked && !getenv("DISPLAY") && !getenv("WAYLAND_DISPLAY") && !orl_have_dri("card");
    const char *why = "no X11 or Wayland display, and no DRM device";
    if (!no_display && SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
        no_display = 1;
        why = SDL_GetError();
    }
    if (!no_display) {
        const char *drv = SDL_GetCurrentVideoDriver();
        if (drv && (strcmp(drv, "offscreen") == 0 || strcmp(drv, "dummy") == 0) && !(asked && strstr(asked, drv))) {
            no_display = 1;
            why = "no X11 or Wayland display";
        }
    }
    stage("video initialised");
    if (no_display) {
        fprintf(stderr,
                orl_messages_words("@play", "orilla play: there is no display to open a window on (%s).\n"
                                            "To play in this terminal:    orilla text %s\n"
                                            "To draw without a display:   orilla play --headless --choices 1,2 --screenshot out.png %s\n"),
                orl_messages_words("@play", why), o->path, o->path);
        orl_ahead_free(pre);
        session_close(&s);
        SDL_Quit();
        return 2;
    }
    int software = o->renderer == ORL_RENDERER_SOFTWARE || (o->renderer == ORL_RENDERER_AUTO && orl_gpu_unlikely());
    char title[256];
    snprintf(title, sizeof title, "%s", p->st->title ? p->st->title : "Orilla");
    window w = {0};
    if (window_open(&w, o, title, software) != 0) {
        if (software) {
            fprintf(stderr, orl_messages_words("@play", "orilla play: cannot open a window: %s\n"), SDL_GetError());
            goto fail;
        }
        software = 1;
        if (window_open(&w, o, title, 1) != 0) {
            fprintf(stderr, orl_messages_words("@play", "orilla play: cannot open a window: %s\n"), SDL_GetError());
            goto fail;
        }
    }
    if (!software && o->renderer == ORL_RENDERER_AUTO && orl_renderer_is_software(w.r)) {
        /* OpenGL here is a software rasteriser: SDL's own software renderer is lighter */
        window_close(&w);
        if (window_open(&w, o, title, 1) != 0) {
            fprintf(stderr, orl_messages_words("@play", "orilla play: cannot open a window: %s\n"), SDL_GetError());
            goto fail;
        }
    }
    if (getenv("ORILLA_DEBUG_STARTUP")) {
        SDL_RendererInfo info;
        SDL_GetRendererInfo(w.r, &info);
        fprintf(stderr, "orilla play: renderer %s (%s)\n", info.name, SDL_GetCurrentVideoDriver());
    }
    stage("window and renderer");
    orl_player_gfx *g = orl_player_gfx_create(w.r, w.software);
    if (!g) {
        fprintf(stderr, "orilla play: cannot draw: %s\n", SDL_GetError());
        window_close(&w);
        goto fail;
    }
    orl_player_gfx_preload(g, pre);
    pre = NULL;
    orl_player_gfx_set_image_budget(g, ORL_PLAYER_IMAGE_BUDGET);

    if (o->choices) {
        int picked;
        if (apply_choices(p, o->choices, o->verbose, &picked) != 0) {
            orl_player_gfx_free(g);
            window_close(&w);
            goto fail;
        }
    }
    orl_watch *watch = NULL;
    if (o->watch) {
        char err[512];
        watch = orl_watch_open(o->path, err, sizeof err);
        if (!watch) fprintf(stderr, orl_messages_words("@watch", "orilla play: --watch: %s; playing without it\n"), err);
        else fprintf(stderr, orl_messages_words("@watch", "orilla play: watching %s: saved changes reload the story\n"), o->path);
        /* a thread wakes the loop the moment a file changes (else it looks every 100 ms) */
        if (watch) orl_watch_notify(watch, wake_loop, NULL);
    }
    long long reload_from = 0; /* a reload waiting to be on screen: when its change was seen */
    orl_input_state is = {0};
    is.kiosk = o->kiosk;
    orl_bench *bench = orl_bench_start();
    size_t printed = 0;
    int need = 1, moving = 0, quit = 0, pads_ready = 0, bench_frame = 0, bench_wait = -1;
    int fullscreen = o->fullscreen;
    double last = now_s();
    while (!quit) {
        SDL_Event e;
        int got;
        if (need || moving || bench_frame) {
            got = SDL_PollEvent(&e);
        } else {
            /* nothing moves: sleep until something happens (the screen stays as drawn; the
             * pictures the reader may go to next are decoded ahead meanwhile, on a thread) */
            int wait = bench_wait >= 0 ? bench_wait : 60000;
            if (orl_player_voice_busy(p) && wait > 50) wait = 50; /* the voice's next part */
            if (watch) {
                /* the folder is looked at every ~100 ms: still asleep in between */
                int ww = orl_watch_wait_ms(watch, orl_watch_now_ms());
                if (wait > ww) wait = ww;
            }
            got = SDL_WaitEventTimeout(&e, wait);
            last = now_s(); /* time spent waiting does not move pictures */
        }
        while (got) {
            if (e.type == SDL_QUIT) quit = 1;
            else if (e.type == SDL_WINDOWEVENT &&
                     (e.window.event == SDL_WINDOWEVENT_EXPOSED || e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED ||
                      e.window.event == SDL_WINDOWEVENT_RESTORED || e.window.event == SDL_WINDOWEVENT_SHOWN))
                need = 1;
            else if (e.type == SDL_RENDER_TARGETS_RESET || e.type == SDL_RENDER_DEVICE_RESET) {
                orl_player_gfx_reset(g);
                need = 1;
            }
            need |= orl_player__event(p, &is, &e);
            got = SDL_PollEvent(&e);
        }
        if (watch && orl_watch_poll(watch, orl_watch_now_ms())) {
            orl_diags rd = {0};
            rd.wording = orl_messages_current(); /* error/aviso/nota in the author's language */
            reload_from = orl_watch_changed_at(watch);
            if (orl_player_reload(p, &rd) == 0) {
                if (!o->verbose) fprintf(stderr, orl_messages_words("@watch", "orilla play: reloaded %s\n"), o->path);
            } else {
                reload_from = 0;
                orl_diags_print(&rd, stderr);
                fprintf(stderr, orl_messages_words("@watch", "orilla play: %s has problems: showing the last version that worked\n"), o->path);
            }
            orl_diags_free(&rd);
            need = 1;
        }
        if (is.fullscreen_toggle) {
            is.fullscreen_toggle = 0;
            fullscreen = !fullscreen;
            SDL_SetWindowFullscreen(w.win, fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
            need = 1;
        }
        double t = now_s(), dt = t - last;
        last = t;
        int stick = 0;
        need |= orl_player__poll_sticks(p, &is, dt, &stick);
        moving = orl_player_tick(p, dt) | stick;
        int presented = 0;
        if (need || moving || bench_frame) {
            moving |= orl_player_draw(p, g);
            if (!pads_ready) stage("first frame drawn");
            SDL_RenderPresent(w.r);
            need = 0;
            presented = 1;
        }
        if (presented && reload_from) {
            /* the author's wait: from the save to the new screen */
            if (o->verbose)
                fprintf(stderr, "orilla play: reloaded %s: on screen %lld ms after the change\n", o->path,
                        orl_watch_now_ms() - reload_from);
            reload_from = 0;
            orl_player_retire(p);
        }
        if (!pads_ready && presented) {
            stage("first frame presented");
            /* after the first frame: finding gamepads can take a while */
            pads_ready = 1;
            /* the pads already plugged in arrive as SDL_CONTROLLERDEVICEADDED events */
            SDL_InitSubSystem(SDL_INIT_GAMECONTROLLER);
        }
        if (bench) {
            int bq = 0;
            bench_wait = orl_bench_step(bench, p, presented, &bench_frame, &bq);
            if (bq) quit = 1;
        }
        print_new_diags(p, &printed);
        if (orl_player_quit_requested(p)) quit = 1;
    }
    orl_bench_end(bench);
    orl_watch_close(watch);
    rc = 0;
    if (o->screenshot && window_shot(&w, p, g, o->screenshot) != 0) {
        fprintf(stderr, "orilla play: cannot write %s: %s\n", o->screenshot, SDL_GetError());
        rc = 2;
    }
    orl_input_close(&is);
    orl_player_gfx_free(g);
    window_close(&w);
    session_close(&s);
    SDL_Quit();
    return rc;
fail:
    orl_ahead_free(pre);
    session_close(&s);
    SDL_Quit();
    return 2;
}
