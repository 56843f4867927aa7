/* The kiosk's runners: fullscreen with SDL events, and headless with a script of inputs
 * (for tests and rehearsals). Both open the log and the statistics and close them cleanly. */
#include "core/rfile.h"
#include "core/strutil.h"
#include "kiosk/kiosk_internal.h"
#include "script/sandbox.h"
#include "kiosk/runmark.h"
#include "core/heap.h"
#include "kiosk/service.h"
#include "render/gpu.h"
#include "story/messages.h"
#include <SDL2/SDL_image.h>
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---------------------------------------------------------------------------------------
 * Signals: SIGTERM and SIGINT stop the loop cleanly (statistics closed, log closed). Our
 * handlers are installed before SDL starts, so SDL keeps them (it only takes signals left at
 * their default) and no SDL_QUIT is made from them: SDL_QUIT is the window manager's close,
 * which a kiosk ignores. */

static volatile sig_atomic_t stop_flag;

static void on_signal(int sig)
{
    (void)sig;
    stop_flag = 1;
    orl_script_interrupt_all(); /* a story stuck in a call (even in C) ends within 50 ms */
}

void orl_kiosk_install_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    stop_flag = 0;
}

int orl_kiosk_stop_requested(void) { return stop_flag != 0; }

/* ---------------------------------------------------------------------------------------
 * Log and statistics */

typedef struct services {
    orl_log *log;
    orl_stats *stats;
    orl_runmark mark; /* kiosk.running while it runs: an unclean stop is noticed (runmark.h) */
} services;

static void services_open(services *sv, const orl_kiosk_config *c, const char *mode)
{
    memset(sv, 0, sizeof *sv);
    /* a file size limit (prlimit --fsize, ulimit -f) reached: the write fails with EFBIG and
     * is handled as a full disk, instead of SIGXFSZ ending the kiosk */
    signal(SIGXFSZ, SIG_IGN);
    /* weeks of visitors: freed pictures go back to the system (core/heap.h) */
    orl_heap_long_running();
    orl_log_desc ld = {0};
    ld.path = c->log;
    ld.prefix = "kiosk";
    sv->log = orl_log_open(&ld);
    if (orl_log_failed(sv->log)) fprintf(stderr, "orilla kiosk: log: %s (logging to standard error)\n", orl_log_failed(sv->log));
    orl_log_write(sv->log, ORL_LOG_INFO, "Orilla %s kiosk starting (%s; config %s; deployment %s; %d bundle%s)",
                  ORL_VERSION, mode, c->file ? c->file : "none", orl_deployment_name(c->deployment), c->nbundles,
                  c->nbundles == 1 ? "" : "s");
    if (c->stats) {
        char err[1024];
        orl_stats_opts so = {0};
        so.set_aside_damaged = 1;
        so.log = sv->log;
        sv->stats = orl_stats_open(c->stats, &so, err, sizeof err);
        if (!sv->stats)
            orl_log_write(sv->log, ORL_LOG_ERROR, "statistics are off: %s: %s (the kiosk runs on without them)",
                          c->stats, err);
    } else {
        orl_log_write(sv->log, ORL_LOG_INFO, "no statistics file in the config: statistics are off");
    }
    orl_runmark_begin(&sv->mark, sv->log, c->stats, c->log);
}

static void services_close(services *sv)
{
    orl_runmark_end(&sv->mark);
    orl_stats_close(sv->stats);
    orl_log_close(sv->log);
    memset(sv, 0, sizeof *sv);
}

/* ---------------------------------------------------------------------------------------
 * The window */

/* Xlib ends the process (exit(1)) when the X server goes away, from inside any SDL call:
 * this runs then, and closes the session (counted as left), the statistics and the log as a
 * stop would, without touching the dead display. */
static orl_kiosk *exit_kiosk;
static services *exit_services;

static void on_exit_closing(void)
{
    if (!exit_services) return;
    orl_kiosk_end_session(exit_kiosk);
    orl_log_write(exit_services->log, ORL_LOG_WARN, "the display went away (the X server or compositor stopped): "
                                                    "stopping");
    services_close(exit_services);
    exit_services = NULL;
    exit_kiosk = NULL;
}

/* A window and its renderer (software: SDL's own; else accelerated, OpenGL). 0, or -1 with
 * nothing left open. */
static int open_window(int x, int y, int w, int h, Uint32 flags, int software, SDL_Window **win, SDL_Renderer **r)
{
    /* SDL's software renderer draws into the window's framebuffer: X has a plain one; on
     * Wayland SDL 2 has none of its own and shows it through an accelerated texture (the
     * hint "0" there leaves no renderer at all: "Couldn't find matching render driver") */
    const char *drv = SDL_GetCurrentVideoDriver();
    int wayland = drv && strcmp(drv, "wayland") == 0;
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, software && !wayland ? "0" : "1");
    *win = SDL_CreateWindow("Orilla", x, y, w, h, flags | (software ? 0 : SDL_WINDOW_OPENGL));
    *r = NULL;
    if (!*win) return -1;
    *r = SDL_CreateRenderer(*win, -1, software ? SDL_RENDERER_SOFTWARE
                                               : SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (!*r && !software) *r = SDL_CreateRenderer(*win, -1, SDL_RENDERER_ACCELERATED);
    if (*r) return 0;
    SDL_DestroyWindow(*win);
    *win = NULL;
    return -1;
}

static double now_s(void)
{
    return (double)SDL_GetPerformanceCounter() / (double)SDL_GetPerformanceFrequency();
}

static int key_event(orl_kiosk *k, const SDL_KeyboardEvent *e)
{
    SDL_Keycode sym = e->keysym.sym;
    Uint16 mod = e->keysym.mod;
    if (e->repeat && (sym == SDLK_RETURN || sym == SDLK_SPACE || sym == SDLK_BACKSPACE)) return 0;
    if (sym == SDLK_o && (mod & KMOD_CTRL) && (mod & KMOD_ALT)) return orl_kiosk_key(k, ORL_KKEY_OPERATOR, 0);
    if (sym >= SDLK_0 && sym <= SDLK_9) return orl_kiosk_key(k, ORL_KKEY_DIGIT, (int)(sym - SDLK_0));
    if (sym >= SDLK_KP_1 && sym <= SDLK_KP_9) return orl_kiosk_key(k, ORL_KKEY_DIGIT, (int)(sym - SDLK_KP_1) + 1);
    if (sym == SDLK_KP_0) return orl_kiosk_key(k, ORL_KKEY_DIGIT, 0);
    switch (sym) {
    case SDLK_UP: return orl_kiosk_key(k, ORL_KKEY_UP, 0);
    case SDLK_DOWN: return orl_kiosk_key(k, ORL_KKEY_DOWN, 0);
    case SDLK_LEFT: return orl_kiosk_key(k, ORL_KKEY_LEFT, 0);
    case SDLK_RIGHT: return orl_kiosk_key(k, ORL_KKEY_RIGHT, 0);
    case SDLK_TAB: return orl_kiosk_key(k, (mod & KMOD_SHIFT) ? ORL_KKEY_PREV : ORL_KKEY_NEXT, 0);
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
    case SDLK_SPACE: return orl_kiosk_key(k, ORL_KKEY_ACTIVATE, 0);
    case SDLK_BACKSPACE: return orl_kiosk_key(k, ORL_KKEY_BACK, 0);
    case SDLK_ESCAPE: return orl_kiosk_key(k, ORL_KKEY_ESCAPE, 0);
    default: return 0; /* F11, Alt+F4 and the rest: nothing */
    }
}

typedef struct touch_state {
    SDL_FingerID finger;
    int down;
} touch_state;

static int event(orl_kiosk *k, touch_state *ts, const SDL_Event *e)
{
    switch (e->type) {
    case SDL_QUIT:
        orl_kiosk_close_request(k);
        return 0;
    case SDL_KEYDOWN:
        return key_event(k, &e->key);
    case SDL_MOUSEMOTION:
        if (e->motion.which == SDL_TOUCH_MOUSEID) return 0;
        return orl_kiosk_pointer(k, ORL_POINTER_MOVE, (float)e->motion.x, (float)e->motion.y);
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        /* right and middle clicks do nothing; touches come as finger events */
        if (e->button.which == SDL_TOUCH_MOUSEID || e->button.button != SDL_BUTTON_LEFT) return 0;
        return orl_kiosk_pointer(k, e->type == SDL_MOUSEBUTTONDOWN ? ORL_POINTER_DOWN : ORL_POINTER_UP,
                                 (float)e->button.x, (float)e->button.y);
    case SDL_FINGERDOWN:
        if (ts->down) return 0;
        ts->down = 1;
        ts->finger = e->tfinger.fingerId;
        return orl_kiosk_pointer(k, ORL_POINTER_DOWN, e->tfinger.x * ORL_CANVAS_W, e->tfinger.y * ORL_CANVAS_H);
    case SDL_FINGERMOTION:
        if (!ts->down || e->tfinger.fingerId != ts->finger) return 0;
        return orl_kiosk_pointer(k, ORL_POINTER_MOVE, e->tfinger.x * ORL_CANVAS_W, e->tfinger.y * ORL_CANVAS_H);
    case SDL_FINGERUP:
        if (!ts->down || e->tfinger.fingerId != ts->finger) return 0;
        ts->down = 0;
        return orl_kiosk_pointer(k, ORL_POINTER_UP, e->tfinger.x * ORL_CANVAS_W, e->tfinger.y * ORL_CANVAS_H);
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_FOCUS_LOST || e->window.event == SDL_WINDOWEVENT_LEAVE) {
            ts->down = 0;
            return orl_kiosk_pointer(k, ORL_POINTER_CANCEL, 0, 0);
        }
        return 1;
    default:
        return 0;
    }
}

int orl_kiosk_run_window(const orl_kiosk_run_opts *o)
{
    orl_kiosk_install_signals();
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "linear");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");
    SDL_SetHint(SDL_HINT_MOUSE_FOCUS_CLICKTHROUGH, "1");
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0"); /* no blanking while Orilla runs */
    const char *asked = getenv("SDL_VIDEODRIVER");
    if (!asked && !getenv("DISPLAY") && !getenv("WAYLAND_DISPLAY") && !orl_have_dri("card")) {
        fprintf(stderr, "orilla kiosk: there is no display (no X11 or Wayland, no DRM device). Under systemd, run it "
                        "inside cage (docs/kiosk.md); to rehearse without a screen: orilla kiosk --headless --script FILE\n");
        return 2;
    }
    if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "orilla kiosk: there is no display it can open (%s); to rehearse without a screen: "
                        "orilla kiosk --headless --script FILE\n", SDL_GetError());
        return 2;
    }
    /* SDL falls back to windows nobody sees: a kiosk nobody sees would run for ever */
    const char *drv = SDL_GetCurrentVideoDriver();
    if (drv && (strcmp(drv, "offscreen") == 0 || strcmp(drv, "dummy") == 0) && !(asked && strstr(asked, drv))) {
        fprintf(stderr, "orilla kiosk: there is no display (only SDL's %s driver); to rehearse without a screen: "
                        "orilla kiosk --headless --script FILE\n", drv);
        SDL_Quit();
        return 2;
    }
    services sv;
    services_open(&sv, o->config, "fullscreen");
    /* the player's renderer policy (render/gpu.h): software when there is most likely no
     * GPU, and again when OpenGL turns out to be llvmpipe (a black screen under cage) */
    int software = o->renderer == ORL_RENDERER_SOFTWARE || (o->renderer == ORL_RENDERER_AUTO && orl_gpu_unlikely());
    Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI | (o->windowed ? SDL_WINDOW_RESIZABLE : SDL_WINDOW_FULLSCREEN_DESKTOP);
    int ww = o->width > 0 ? o->width : 1280, wh = o->height > 0 ? o->height : 720, x = SDL_WINDOWPOS_CENTERED,
        y = SDL_WINDOWPOS_CENTERED;
    SDL_DisplayMode dm;
    if (!o->windowed && SDL_GetDesktopDisplayMode(0, &dm) == 0 && dm.w > 0) {
        ww = dm.w;
        wh = dm.h;
        x = y = 0;
    }
    SDL_Window *win = NULL;
    SDL_Renderer *r = NULL;
    if (open_window(x, y, ww, wh, flags, software, &win, &r) != 0 && !software) {
        software = 1;
        open_window(x, y, ww, wh, flags, 1, &win, &r);
    }
    if (r && !software && o->renderer == ORL_RENDERER_AUTO && orl_renderer_is_software(r)) {
        SDL_DestroyRenderer(r);
        SDL_DestroyWindow(win);
        software = 1;
        open_window(x, y, ww, wh, flags, 1, &win, &r);
    }
    if (r) {
        SDL_RendererInfo info;
        if (SDL_GetRendererInfo(r, &info) == 0)
            orl_log_write(sv.log, ORL_LOG_INFO, "window: %dx%d on %s, renderer %s", ww, wh, drv ? drv : "?", info.name);
    }
    if (!win || !r) {
        fprintf(stderr, "orilla kiosk: cannot open a window: %s\n", SDL_GetError());
        orl_log_write(sv.log, ORL_LOG_ERROR, "cannot open a window: %s", SDL_GetError());
        if (win) SDL_DestroyWindow(win);
        services_close(&sv);
        SDL_Quit();
        return 2;
    }
    SDL_RenderSetLogicalSize(r, ORL_CANVAS_W, ORL_CANVAS_H);
    if (!o->windowed) SDL_ShowCursor(SDL_DISABLE); /* a touch screen: no arrow on the story */
    SDL_DisableScreenSaver();
    orl_kiosk_desc kd = {0};
    kd.config = o->config;
    kd.log = sv.log;
    kd.stats = sv.stats;
    kd.renderer = r;
    kd.software = software;
    orl_kiosk *k = orl_kiosk_create(&kd);
    int rc = 0, display_gone = 0;

    if (!k) {
        fprintf(stderr, "orilla kiosk: cannot start (see the log)\n");
        rc = 2;
    } else {
        static int exit_hook;
        exit_kiosk = k;
        exit_services = &sv;
        if (!exit_hook) exit_hook = atexit(on_exit_closing) == 0;
        touch_state ts = {0};
        double last = now_s(), started = last;
        int need = 1, moving = 1, ready = 0;
        drv = SDL_GetCurrentVideoDriver();
        /* systemd's watchdog (service.h): pinged from this loop only, so a loop that stops
         * turning stops the pings and systemd restarts the kiosk */
        unsigned long long wd_usec = orl_service_watchdog_usec();
        double ping_every = wd_usec ? (double)wd_usec / 2e6 : 0, last_ping = -1e9, last_display = last;
        if (wd_usec)
            orl_log_write(sv.log, ORL_LOG_INFO, "watchdog: systemd restarts the kiosk if it hangs for %.0f s",
                          (double)wd_usec / 1e6);
#ifdef ORL_TEST_HOOKS
        /* tests only (tests/unit/test_kiosk_service.c): the frame loop stops turning after
         * this many seconds, as a hung story or driver would make it */
        const char *stall_env = getenv("ORILLA_TEST_STALL_FRAME_LOOP");
        double stall_after = stall_env && *stall_env ? atof(stall_env) : -1;
#endif
        while (!stop_flag && !orl_kiosk_quit_requested(k) && !display_gone) {
            SDL_Event e;
            /* short waits even when still: SIGTERM is noticed within a quarter of a second;
             * while the story is read aloud, its next part starts within 50 ms of the last */
            int wait = need || moving ? 1 : 250;
            if (k->player && orl_player_voice_busy(k->player) && wait > 50) wait = 50;
            int got = SDL_WaitEventTimeout(&e, wait);
            while (got) {
                if (e.type == SDL_QUIT && orl_display_alive(drv) == 0) {
                    /* not a close request: the compositor or X server itself is gone */
                    display_gone = 1;
                    break;
                }
                need |= event(k, &ts, &e);
                if (e.type == SDL_RENDER_TARGETS_RESET || e.type == SDL_RENDER_DEVICE_RESET) {
                    kiosk_gfx_reset(k);
                    if (k->pgfx) orl_player_gfx_reset(k->pgfx);
                    for (int i = 0; i < k->nstories; i++)
                        if (k->stories[i].sr) orl_scene_renderer_flush(k->stories[i].sr);
                    need = 1;
                }
                got = SDL_PollEvent(&e);
            }
            if (display_gone) break;
            double t = now_s(), dt = t - last;
            last = t;
            moving = orl_kiosk_tick(k, dt);
            /* every screen is drawn continuously, still ones at 20 frames a second: under
             * cage (Xwayland and Wayland alike) a frame drawn once, or once a second, never
             * reached the screen ("out of order" stayed black; tests/unit/test_kiosk_cage.c) */
            int still = !moving;
            {
                double t0 = now_s();
                moving |= orl_kiosk_draw(k);
                SDL_RenderPresent(r);
                need = 0;
                /* about 30 frames a second is plenty for a story's slow camera moves, and 20 for
                 * the attract loop's, which runs all day: the CPU (often no GPU) is spared */
                orl_kiosk_screen sn = orl_kiosk_screen_now(k);
                double frame = still || sn == ORL_KIOSK_ATTRACT || sn == ORL_KIOSK_OUT_OF_ORDER ? 1.0 / 20 : 1.0 / 30;
                double spent = now_s() - t0;
                if (spent < frame) SDL_Delay((Uint32)((frame - spent) * 1000));
            }
            t = now_s();
            if (!ready) {
                ready = 1;
                char status[160];
                snprintf(status, sizeof status, "%d stor%s shown, %d left out%s", k->nstories,
                         k->nstories == 1 ? "y" : "ies", k->nproblems, k->out_of_order ? " (out of order)" : "");
                orl_service_ready(status);
            }
            if (wd_usec && t - last_ping >= ping_every) {
                orl_service_watchdog();
                last_ping = t;
            }
            if (t - last_display >= 2.0) {
                last_display = t;
                if (orl_display_alive(drv) == 0) display_gone = 1;
            }
#ifdef ORL_TEST_HOOKS
            if (stall_after >= 0 && t - started >= stall_after) {
                orl_log_write(sv.log, ORL_LOG_WARN, "test: the frame loop stalls now (ORILLA_TEST_STALL_FRAME_LOOP)");
                for (;;) pause(); /* hung: no frames, no pings, signals only set the flag */
            }
#else
            (void)started;
#endif
        }
        if (display_gone) {
            fprintf(stderr, "orilla kiosk: the display (%s) went away: the compositor or X server stopped\n",
                    drv ? drv : "?");
            orl_log_write(sv.log, ORL_LOG_WARN, "the display (%s) went away (the compositor or X server stopped): "
                                                "stopping", drv ? drv : "?");
        }
        orl_service_stopping();
        exit_kiosk = NULL; /* from here on the normal way out closes everything */
        exit_services = NULL;
        orl_log_write(sv.log, ORL_LOG_INFO, "stopping (%s)",
                      display_gone ? "no display" : stop_flag ? "signal" : "operator quit");
        orl_kiosk_free(k);
    }
    SDL_DestroyRenderer(r);
    SDL_DestroyWindow(win);
    services_close(&sv);
    SDL_Quit();
    return rc;
}

/* ---------------------------------------------------------------------------------------
 * Headless: a script of inputs (docs/kiosk.md, "Rehearsing without a screen")
 *
 *   wait 2.5            time passes (seconds)
 *   tap 960 540         a touch at canvas coordinates (1920x1080)
 *   tap-label Español   a touch on the button whose label contains the text
 *   press X Y / move X Y / release X Y
 *   hold X Y 5.5        press, hold that long, release
 *   key enter           enter, space, escape, backspace, tab, up, down, left, right,
 *                       ctrl+alt+o, alt+f4 (as the window manager's close), 0-9
 *   type 1234           digits as keys
 *   close               the window manager asks to close
 *   shot out.png        writes the screen
 *   expect attract      the screen is this (see orl_kiosk_screen_name; "story" matches any story:*)
 *   expect-text TEXT / expect-no-text TEXT
 *   stats               the statistics as CSV on standard output
 *   date 2026-03-01     the machine's clock says this date from now on (a clock that jumps)
 *   sigterm             as `systemctl stop`: the kiosk stops cleanly */

#define SCRIPT_STEP 0.05

static void pass(orl_kiosk *k, double seconds)
{
    for (double t = 0; t < seconds - 1e-9 && !stop_flag; t += SCRIPT_STEP)
        orl_kiosk_tick(k, seconds - t < SCRIPT_STEP ? seconds - t : SCRIPT_STEP);
}

static int shot(orl_kiosk *k, SDL_Surface *surface, SDL_Renderer *r, const char *png)
{
    char why[100]; /* a device or FIFO would be written into (or block): refuse it */
    if (orl_check_writable_target(png, why, sizeof why) != 0) {
        SDL_SetError("it is %s; give the name of a new or ordinary file", why);
        return -1;
    }
    orl_kiosk_draw(k);
    SDL_RenderPresent(r);
    SDL_Surface *out = SDL_ConvertSurfaceFormat(surface, SDL_PIXELFORMAT_RGB24, 0);
    if (!out) return -1;
    int rc = IMG_SavePNG(out, png);
    SDL_FreeSurface(out);
    return rc == 0 ? 0 : -1;
}

static int parse_num(const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || errno || v != v || v < -1e6 || v > 1e6) return -1;
    while (*end == ' ' || *end == '\t') end++;
    if (*end) return -1;
    *out = v;
    return 0;
}

/* Splits "a b c" into at most 3 words (the last takes the rest of the line). */
static int words(char *s, char **w, int max)
{
    int n = 0;
    while (*s && n < max) {
        while (*s == ' ' || *s == '\t') s++;
        if (!*s) break;
        w[n++] = s;
        if (n == max) break;
        while (*s && *s != ' ' && *s != '\t') s++;
        if (*s) *s++ = 0;
    }
    return n;
}

static int key_named(orl_kiosk *k, const char *name)
{
    static const struct {
        const char *name;
        orl_kiosk_keycode key;
    } keys[] = {
        {"enter", ORL_KKEY_ACTIVATE}, {"space", ORL_KKEY_ACTIVATE}, {"escape", ORL_KKEY_ESCAPE}, {"esc", ORL_KKEY_ESCAPE},
        {"backspace", ORL_KKEY_BACK}, {"tab", ORL_KKEY_NEXT},       {"shift+tab", ORL_KKEY_PREV}, {"up", ORL_KKEY_UP},
        {"down", ORL_KKEY_DOWN},      {"left", ORL_KKEY_LEFT},      {"right", ORL_KKEY_RIGHT},
        {"ctrl+alt+o", ORL_KKEY_OPERATOR},
    };
    if (strlen(name) == 1 && isdigit((unsigned char)name[0])) {
        orl_kiosk_key(k, ORL_KKEY_DIGIT, name[0] - '0');
        return 0;
    }
    if (strcmp(name, "alt+f4") == 0) {
        orl_kiosk_close_request(k); /* what the window manager turns Alt+F4 into */
        return 0;
    }
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        if (strcmp(keys[i].name, name) == 0) {
            orl_kiosk_key(k, keys[i].key, 0);
            return 0;
        }
    return -1;
}

static int screen_matches(const char *want, const char *now)
{
    if (strcmp(want, now) == 0) return 1;
    size_t n = strlen(want);
    return strcmp(want, "story") == 0 && strncmp(now, "story:", 6) == 0 ? 1 : (n && want[n - 1] == '*' && strncmp(want, now, n - 1) == 0);
}

int orl_kiosk_run_headless(const orl_kiosk_run_opts *o)
{
    if (!o->script && o->soak <= 0) {
        fprintf(stderr, "orilla kiosk: --headless needs --events FILE (the inputs to play) or --soak N\n");
        return 2;
    }
    char why[100] = "";
    FILE *f = o->soak > 0 ? NULL : orl_open_regular(o->script, ORL_MAX_EVENTS_FILE_BYTES, why, sizeof why);
    if (f) orl_kiosk_install_signals(); /* (the soak too, below) */
    else if (o->soak > 0) orl_kiosk_install_signals();
    else {
        fprintf(stderr, "%s: error: cannot be read (%s)\n", o->script, why);
        return 2;
    }
    int w = o->width > 0 ? o->width : ORL_CANVAS_W, h = o->height > 0 ? o->height : ORL_CANVAS_H;
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "linear");
    SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
    if (!r) {
        fprintf(stderr, "orilla kiosk: cannot draw: %s\n", SDL_GetError());
        SDL_FreeSurface(surface);
        if (f) fclose(f);
        return 2;
    }
    SDL_RenderSetLogicalSize(r, ORL_CANVAS_W, ORL_CANVAS_H);
    services sv;
    services_open(&sv, o->config, "headless");
    orl_kiosk_desc kd = {0};
    kd.config = o->config;
    kd.log = sv.log;
    kd.stats = sv.stats;
    kd.renderer = r;
    kd.software = 1;
    orl_kiosk *k = orl_kiosk_create(&kd);
    int rc = 0;
    if (!k) {
        fprintf(stderr, "orilla kiosk: cannot start\n");
        rc = 2;
    }
    if (k && o->soak > 0) rc = kiosk_soak(k, sv.stats, o->soak, o->seed, stdout);
    char line[4096];
    int lineno = 0;
    while (k && f && rc != 2 && !stop_flag && !orl_kiosk_quit_requested(k) && fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\r\n")] = 0;
        char *s = line;
        while (*s == ' ' || *s == '\t') s++;
        if (!*s || *s == '#') continue;
        char orig[4096];
        snprintf(orig, sizeof orig, "%s", s);
        char *wd[4] = {0};
        int n = words(s, wd, 4);
        const char *cmd = wd[0];
        double a = 0, b = 0, c = 0;
        int bad = 0;
#define NUMS(count) (n == (count) + 1 && (count < 1 || parse_num(wd[1], &a) == 0) && (count < 2 || parse_num(wd[2], &b) == 0) && (count < 3 || parse_num(wd[3], &c) == 0))
        if (strcmp(cmd, "wait") == 0) {
            if (NUMS(1) && a >= 0) pass(k, a);
            else bad = 1;
        } else if (strcmp(cmd, "tap") == 0 || strcmp(cmd, "press") == 0 || strcmp(cmd, "release") == 0 ||
                   strcmp(cmd, "move") == 0) {
            if (!NUMS(2)) {
                bad = 1;
            } else if (a < 0 || b < 0 || a >= ORL_CANVAS_W || b >= ORL_CANVAS_H) {
                /* a finger cannot touch outside the screen */
                fprintf(stderr, "%s:%d: %s %g %g is off the screen (0..%d, 0..%d)\n", o->script, lineno, cmd, a, b,
                        ORL_CANVAS_W - 1, ORL_CANVAS_H - 1);
                rc = 1;
            } else if (cmd[0] == 't') {
                orl_kiosk_pointer(k, ORL_POINTER_DOWN, (float)a, (float)b);
                pass(k, 0.1);
                orl_kiosk_pointer(k, ORL_POINTER_UP, (float)a, (float)b);
            } else {
                orl_kiosk_pointer(k, cmd[0] == 'p' ? ORL_POINTER_DOWN : cmd[0] == 'r' ? ORL_POINTER_UP : ORL_POINTER_MOVE,
                                  (float)a, (float)b);
            }
            if (!bad) orl_kiosk_draw(k);
        } else if (strcmp(cmd, "hold") == 0) {
            if (NUMS(3) && c >= 0) {
                orl_kiosk_pointer(k, ORL_POINTER_DOWN, (float)a, (float)b);
                pass(k, c);
                orl_kiosk_pointer(k, ORL_POINTER_UP, (float)a, (float)b);
                orl_kiosk_draw(k);
            } else {
                bad = 1;
            }
        } else if (strcmp(cmd, "tap-label") == 0) {
            int tl;
            char *lbl = orig + strlen("tap-label");
            while (*lbl == ' ' || *lbl == '\t') lbl++;
            if (!*lbl) bad = 1;
            else if ((tl = orl_kiosk_tap_label(k, lbl)) == 0) {
                tl = -orl_kiosk_last_tap_why();
                if (tl == 0)
                    fprintf(stderr, "%s:%d: no button \"%s\" on the screen (%s)\n", o->script, lineno, lbl,
                            orl_kiosk_screen_name(k));
                else
                    fprintf(stderr, "%s:%d: the button \"%s\" cannot be touched: it %s (%s)\n", o->script, lineno, lbl,
                            orl_touch_why_text((orl_touch_why)-tl), orl_kiosk_screen_name(k));
                rc = 1;
            } else {
                orl_kiosk_draw(k);
            }
        } else if (strcmp(cmd, "key") == 0) {
            if (n != 2 || key_named(k, wd[1]) != 0) bad = 1;
            else orl_kiosk_draw(k);
        } else if (strcmp(cmd, "type") == 0) {
            if (n != 2) bad = 1;
            for (const char *d = n == 2 ? wd[1] : ""; *d && !bad; d++) {
                if (!isdigit((unsigned char)*d)) bad = 1;
                else orl_kiosk_key(k, ORL_KKEY_DIGIT, *d - '0');
            }
            if (!bad) orl_kiosk_draw(k);
        } else if (strcmp(cmd, "close") == 0) {
            orl_kiosk_close_request(k);
        } else if (strcmp(cmd, "shot") == 0) {
            if (n != 2) {
                bad = 1;
            } else if (shot(k, surface, r, wd[1]) != 0) {
                fprintf(stderr, "%s:%d: cannot write %s: %s\n", o->script, lineno, wd[1], SDL_GetError());
                rc = 2;
            } else {
                printf("%s: %s\n", wd[1], orl_kiosk_screen_name(k));
            }
        } else if (strcmp(cmd, "expect") == 0) {
            if (n != 2) bad = 1;
            else if (!screen_matches(wd[1], orl_kiosk_screen_name(k))) {
                fprintf(stderr, "%s:%d: expected the screen %s, but it is %s\n", o->script, lineno, wd[1],
                        orl_kiosk_screen_name(k));
                rc = 1;
            }
        } else if (strcmp(cmd, "expect-text") == 0 || strcmp(cmd, "expect-no-text") == 0) {
            char *t = orig + strlen(cmd);
            while (*t == ' ' || *t == '\t') t++;
            int want = cmd[7] == 't';
            if (!*t) bad = 1;
            else if (orl_kiosk_shows(k, t) != want) {
                fprintf(stderr, "%s:%d: the screen (%s) %s \"%s\"\n", o->script, lineno, orl_kiosk_screen_name(k),
                        want ? "does not show" : "shows", t);
                rc = 1;
            }
        } else if (strcmp(cmd, "stats") == 0) {
            if (!sv.stats) printf("statistics are off\n");
            else orl_stats_report(sv.stats, stdout, 1, NULL); /* a rehearsal's own check: every counter */
        } else if (strcmp(cmd, "date") == 0) {
            /* the machine's clock says this date from now on (a clock that jumps) */
            if (n != 2 || orl_parse_date(wd[1]) < 0) bad = 1;
            else setenv("ORILLA_TODAY", wd[1], 1);
        } else if (strcmp(cmd, "sigterm") == 0) {
            raise(SIGTERM);
        } else {
            fprintf(stderr, "%s:%d: unknown command '%s' (wait, tap, tap-label, press, move, release, hold, key, type, "
                            "close, shot, expect, expect-text, expect-no-text, stats, date, sigterm)\n",
                    o->script, lineno, cmd);
            rc = 2;
        }
#undef NUMS
        if (bad) {
            fprintf(stderr, "%s:%d: cannot read '%s' (docs/kiosk.md lists the script commands)\n", o->script, lineno, orig);
            rc = 2;
        }
    }
    if (f) fclose(f);
    if (k) {
        printf("kiosk: stopped on %s%s\n", orl_kiosk_screen_name(k),
               stop_flag ? " (SIGTERM)" : orl_kiosk_quit_requested(k) ? " (operator quit)" : "");
        orl_log_write(sv.log, ORL_LOG_INFO, "stopping (%s)",
                      stop_flag ? "signal" : orl_kiosk_quit_requested(k) ? "operator quit" : "end of script");
        orl_kiosk_free(k);
    }
    if (sv.stats) {
        orl_stats_summary sum;
        if (orl_stats_summary_of(sv.stats, NULL, &sum) == 0)
            printf("stats: %lld session%s started, %lld finished, %lld left\n", sum.started, sum.started == 1 ? "" : "s",
                   sum.finished, sum.abandoned);
    }
    services_close(&sv);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(surface);
    return rc;
}

/* ---------------------------------------------------------------------------------------
 * --check */

/* --check's words in the language of ORILLA_LANG (English, or Spanish: story/messages_es.inc,
 * code "@kiosk"). */
static const char *kw(const char *fmt)
{
    orl_wording_fn w = orl_messages_wording(orl_messages_default_lang());
    const char *t = w ? w("@kiosk", fmt) : NULL;
    return t ? t : fmt;
}

/* 0 when this process can write `path` (a file the kiosk makes or appends to, and renames
 * beside: the statistics' journal, the log's rotation), else -1 with the reason in why. */
static int can_write(const char *path, char *why, size_t n)
{
    struct stat sb;
    char *dir = orl_strdup(path);
    if (!dir) {
        snprintf(why, n, "out of memory");
        return -1;
    }
    char *slash = strrchr(dir, '/');
    if (!slash) snprintf(dir, strlen(dir) + 1, ".");
    else if (slash == dir) slash[1] = 0;
    else *slash = 0;
    int rc = -1;
    if (stat(dir, &sb) != 0)
        snprintf(why, n, kw("its folder %s does not exist (%s)"), dir, strerror(errno));
    else if (!S_ISDIR(sb.st_mode))
        snprintf(why, n, kw("%s is not a folder"), dir);
    else if (faccessat(AT_FDCWD, dir, W_OK | X_OK, AT_EACCESS) != 0)
        snprintf(why, n, kw("its folder %s cannot be written by this user (%s)"), dir, strerror(errno));
    else if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
        snprintf(why, n, "%s", kw("it is a folder, not a file"));
    else if (stat(path, &sb) == 0 && faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) != 0)
        snprintf(why, n, kw("it cannot be written by this user (%s)"), strerror(errno));
    else
        rc = 0;
    free(dir);
    return rc;
}

/* What --check says besides the stories: settings that leave the kiosk unprotected
 * (warnings) and paths it cannot write (errors). Returns the number of errors. */
static int check_settings(const orl_kiosk_config *c, const orl_kiosk *k, FILE *out)
{
    int errors = 0;
    char why[700];
    if (!c->key)
        fputs(kw("warning: no key: signatures are not checked, so a bundle anyone packed is shown (each bundle's "
                 "files are still checked against its manifest). Add key = \"/etc/orilla/workshop.pub\"\n"),
              out);
    if (!c->withdrawn)
        fputs(kw("warning: no withdrawal list: a narrator's withdrawal cannot be applied on this kiosk. Add "
                 "withdrawn = \"/etc/orilla/withdrawn.txt\" (an empty file is fine)\n"),
              out);
    else if (k && k->withdrawn_ok)
        fprintf(out, k->withdrawn.n == 1 ? kw("withdrawal list: %s (%d entry)\n") : kw("withdrawal list: %s (%d entries)\n"),
                c->withdrawn, k->withdrawn.n);
    if (!c->pin_hash)
        fputs(kw("warning: no pin_hash: the operator menu cannot be opened (orilla kiosk --hash-pin makes one)\n"), out);
    if (!c->stats) {
        fputs(kw("note: no stats file: no statistics are kept\n"), out);
    } else if (can_write(c->stats, why, sizeof why) != 0) {
        fprintf(out, kw("error: stats %s cannot be written: %s; the kiosk would run without statistics\n"), c->stats, why);
        errors++;
    }
    if (!c->log) {
        fputs(kw("note: no log file: the kiosk logs to standard error (the journal under systemd)\n"), out);
    } else if (can_write(c->log, why, sizeof why) != 0) {
        fprintf(out, kw("error: log %s cannot be written: %s; the kiosk would log to standard error only\n"), c->log, why);
        errors++;
    }
    if (geteuid() == 0 && (c->stats || c->log))
        fprintf(out, kw("note: checked as root, who can write anywhere; to check as the kiosk's own user: "
                        "runuser -u orilla -- orilla kiosk --config %s --check\n"),
                c->file ? c->file : "kiosk.lua");
    return errors;
}

int orl_kiosk_check(const orl_kiosk_config *c, FILE *out)
{
    SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(0, 320, 180, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
    if (!r) {
        fprintf(stderr, "orilla kiosk: %s\n", SDL_GetError());
        SDL_FreeSurface(surface);
        return 2;
    }
    orl_log_desc ld = {0}; /* messages to stderr, the kiosk's own log untouched */
    ld.prefix = "kiosk";
    orl_log *log = orl_log_open(&ld);
    orl_kiosk_desc kd = {0};
    kd.config = c;
    kd.log = log;
    kd.renderer = r;
    kd.software = 1;
    orl_kiosk *k = orl_kiosk_create(&kd);
    int rc = 2;
    if (k) {
        for (int i = 0; i < k->nstories; i++) {
            const kstory *s = &k->stories[i];
            fprintf(out, "ok: %s: \"%s\" %s (", s->path, s->id, s->version);
            for (int j = 0; j < s->nlangs; j++) fprintf(out, "%s%s", j ? ", " : "", s->langs[j]);
            fprintf(out, ")%s\n", k->have_key ? ", signed by the key" : "");
        }
        for (int i = 0; i < k->nproblems; i++)
            fprintf(out, "left out: %s: %s\n", k->problems[i].path, k->problems[i].why ? k->problems[i].why : "");
        if (!k->withdrawn_ok) fprintf(out, "the withdrawal list cannot be read: %s\n", k->withdrawn_problem);
        int errors = check_settings(c, k, out);
        fprintf(out, "%d stor%s to show, %d left out%s\n", k->nstories, k->nstories == 1 ? "y" : "ies", k->nproblems,
                k->out_of_order ? ": the kiosk would show \"out of order\"" : "");
        rc = k->nproblems || k->out_of_order || errors ? 1 : 0;
        orl_kiosk_free(k);
    }
    orl_log_close(log);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(surface);
    return rc;
}
