/* orilla kiosk --headless --soak N --seed S: N simulated visitors, one after another, through
 * the same code as real touches (orl_kiosk_pointer, orl_kiosk_key, orl_kiosk_tick, a frame
 * drawn after each input). Each visitor touches the attract loop, picks a language and a
 * story at random, reads on with random choices, and may walk away at any moment (then the
 * idle countdown sends the kiosk back to the attract loop). The driver counts, from what is
 * on the screen only, the sessions that began (a scene of the story was shown) and those that
 * reached an ending; at the end the statistics must hold exactly those numbers. It prints the
 * memory (resident set after a warm-up and at the end) and the open file descriptors at the
 * start and at the end: scripts/bench runs it (docs/kiosk.md has the figures). */
#include "kiosk/kiosk_internal.h"
#include "core/heap.h"
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

/* Chance, per action inside a story, that the visitor walks away (per mille). */
#define SOAK_LEAVE_PERMILLE 60
/* Chance to walk away on the language or story picker, before any story (per mille). */
#define SOAK_LEAVE_EARLY_PERMILLE 30
/* Actions a visitor makes at most (a story that loops is left after this many). */
#define SOAK_MAX_ACTIONS 400

typedef struct rng {
    unsigned long long s;
} rng;

static unsigned rnd(rng *r, unsigned n)
{
    /* xorshift64* */
    r->s ^= r->s >> 12;
    r->s ^= r->s << 25;
    r->s ^= r->s >> 27;
    unsigned long long x = r->s * 2685821657736338717ULL;
    return n ? (unsigned)((x >> 33) % n) : 0;
}

static long rss_kb(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long pages = -1, res = -1;
    if (f) {
        if (fscanf(f, "%ld %ld", &pages, &res) != 2) res = -1;
        fclose(f);
    }
    return res < 0 ? -1 : res * (sysconf(_SC_PAGESIZE) / 1024);
}

static long peak_kb(void)
{
    struct rusage ru;
    return getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_maxrss : -1;
}

static int open_fds(void)
{
    DIR *d = opendir("/proc/self/fd");
    if (!d) return -1;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (e->d_name[0] != '.') n++;
    closedir(d);
    return n - 1; /* the directory being read */
}

static void pass(orl_kiosk *k, double seconds)
{
    for (double t = 0; t < seconds - 1e-9; t += 0.5) orl_kiosk_tick(k, seconds - t < 0.5 ? seconds - t : 0.5);
}

static void tap_at(orl_kiosk *k, float x, float y)
{
    orl_kiosk_pointer(k, ORL_POINTER_DOWN, x, y);
    orl_kiosk_tick(k, 0.1);
    orl_kiosk_pointer(k, ORL_POINTER_UP, x, y);
    orl_kiosk_tick(k, 0.4);
    orl_kiosk_draw(k);
}

/* A random kiosk button with this action; 0 when there is none. */
static int tap_kiosk_button(orl_kiosk *k, rng *r, kaction action)
{
    kiosk_layout(k);
    int idx[KIOSK_MAX_BUTTONS], n = 0;
    for (int i = 0; i < k->nbuttons; i++)
        if (k->buttons[i].action == action) idx[n++] = i;
    if (!n) return 0;
    SDL_Rect rc = k->buttons[idx[rnd(r, (unsigned)n)]].rect;
    tap_at(k, (float)rc.x + (float)rc.w / 2, (float)rc.y + (float)rc.h / 2);
    return 1;
}

/* Walks away: no touch until the kiosk is back on the attract loop. */
static void walk_away(orl_kiosk *k)
{
    double limit = k->cfg->idle_seconds + k->cfg->countdown_seconds + ORL_KIOSK_MESSAGE_SECONDS + 5;
    for (double t = 0; t < limit && k->screen != ORL_KIOSK_ATTRACT; t += 1.0) pass(k, 1.0);
    orl_kiosk_draw(k);
}

typedef struct tally {
    long began, finished, early, actions;
} tally;

/* One visitor, from the attract loop back to it. -1 when the kiosk is stuck somewhere. */
static int visitor(orl_kiosk *k, rng *r, tally *t)
{
    int began = 0, finished = 0;
    tap_at(k, ORL_CANVAS_W / 2.0f, ORL_CANVAS_H / 2.0f);
    for (int a = 0; a < SOAK_MAX_ACTIONS; a++) {
        t->actions++;
        if (k->still_there) return -1; /* nobody waited that long */
        switch (k->screen) {
        case ORL_KIOSK_ATTRACT:
            goto done;
        case ORL_KIOSK_LANGUAGE:
        case ORL_KIOSK_STORIES:
            if (rnd(r, 1000) < SOAK_LEAVE_EARLY_PERMILLE) {
                t->early++;
                walk_away(k);
                goto done;
            }
            if (!tap_kiosk_button(k, r, k->screen == ORL_KIOSK_LANGUAGE ? KA_LANGUAGE : KA_STORY)) return -1;
            break;
        case ORL_KIOSK_OTHERS:
        case ORL_KIOSK_MESSAGE:
            if (rnd(r, 2) || !tap_kiosk_button(k, r, KA_CONTINUE)) walk_away(k);
            break;
        case ORL_KIOSK_STORY: {
            if (!k->player) return -1;
            const orl_view *v = orl_player_view(k->player);
            if (v->screen == ORL_SCREEN_SCENE && !v->note && !v->menu) {
                int nchoices = 0;
                for (int i = 0; i < v->nbuttons; i++)
                    nchoices += v->buttons[i].kind == ORL_BUTTON_CHOICE || v->buttons[i].kind == ORL_BUTTON_HOTSPOT;
                began = 1;
                if (nchoices == 0) finished = 1;
            }
            if (finished || rnd(r, 1000) < SOAK_LEAVE_PERMILLE) {
                /* after an ending most visitors just go; some read on to the credits */
                if (!finished || rnd(r, 3)) {
                    walk_away(k);
                    goto done;
                }
            }
            /* a choice (by its number, as a keyboard would), else the screen's way on */
            int choice[ORL_PLAYER_MAX_BUTTONS], nc = 0, on = -1;
            for (int i = 0; i < v->nbuttons; i++) {
                const orl_view_button *b = &v->buttons[i];
                if ((b->kind == ORL_BUTTON_CHOICE || b->kind == ORL_BUTTON_HOTSPOT) && b->number >= 1 && b->number <= 9)
                    choice[nc++] = b->number;
                else if (on < 0 && !b->hidden &&
                         (b->kind == ORL_BUTTON_BEGIN || b->kind == ORL_BUTTON_CONTINUE ||
                          b->kind == ORL_BUTTON_NOTE_CONTINUE || b->kind == ORL_BUTTON_NOTE_SKIP))
                    on = i;
            }
            if (v->menu) {
                orl_kiosk_key(k, ORL_KKEY_BACK, 0);
            } else if (nc) {
                orl_kiosk_key(k, ORL_KKEY_DIGIT, choice[rnd(r, (unsigned)nc)]);
                orl_kiosk_tick(k, 0.5);
                orl_kiosk_draw(k);
            } else if (on >= 0) {
                orl_rect rc = v->buttons[on].rect;
                tap_at(k, (float)rc.x + (float)rc.w / 2, (float)rc.y + (float)rc.h / 2);
            } else {
                walk_away(k); /* nothing to touch: the visitor goes */
                goto done;
            }
            break;
        }
        default:
            return -1; /* out of order, PIN, operator: no visitor reaches those */
        }
    }
    walk_away(k);
done:
    if (k->screen != ORL_KIOSK_ATTRACT) walk_away(k);
    if (k->screen != ORL_KIOSK_ATTRACT) return -1;
    t->began += began;
    t->finished += finished;
    return 0;
}

int kiosk_soak(orl_kiosk *k, orl_stats *stats, long visitors, unsigned long long seed, FILE *out)
{
    rng r = {seed * 0x9E3779B97F4A7C15ULL + 0x2545F4914F6CDD1DULL};
    if (!r.s) r.s = 1;
    tally t = {0};
    orl_stats_summary before = {0};
    if (stats) orl_stats_summary_of(stats, NULL, &before);
    int fd0 = open_fds();
    long warm = visitors / 10 < 100 ? (visitors < 100 ? visitors : 100) : visitors / 10;
    long rss_warm = -1, peak_warm = -1;
    long long heap_warm = -1;
    if (k->screen != ORL_KIOSK_ATTRACT) {
        fprintf(out, "soak: the kiosk does not start on the attract loop (%s)\n", orl_kiosk_screen_name(k));
        return 1;
    }
    for (long i = 0; i < visitors && !orl_kiosk_stop_requested(); i++) {
        if (visitor(k, &r, &t) != 0) {
            fprintf(out, "soak: visitor %ld left the kiosk on %s, not on the attract loop\n", i + 1,
                    orl_kiosk_screen_name(k));
            return 1;
        }
        if (i + 1 == warm) {
            rss_warm = rss_kb();
            peak_warm = peak_kb();
            heap_warm = orl_heap_in_use();
        }
    }
    long rss_end = rss_kb(), peak_end = peak_kb();
    long long heap_end = orl_heap_in_use();
    int fd1 = open_fds();
    fprintf(out, "soak: %ld visitors (seed %llu): %ld began a story, %ld reached an ending, %ld left one, %ld walked away "
                 "before a story; %ld actions\n",
            visitors, seed, t.began, t.finished, t.began - t.finished, t.early, t.actions);
    fprintf(out, "soak: resident memory after %ld visitors (warm-up): %ld kB (peak %ld kB); at the end: %ld kB "
                 "(peak %ld kB); growth after warm-up: %ld kB\n",
            warm, rss_warm, peak_warm, rss_end, peak_end, rss_end - rss_warm);
    if (heap_warm >= 0 && heap_end >= 0)
        fprintf(out, "soak: heap in use after %ld visitors (warm-up): %lld kB; at the end: %lld kB; growth after warm-up: "
                     "%lld kB\n", warm, heap_warm / 1024, heap_end / 1024, (heap_end - heap_warm) / 1024);
    fprintf(out, "soak: open file descriptors: %d at the start, %d at the end\n", fd0, fd1);
    if (!stats) {
        fprintf(out, "soak: no statistics file: nothing to compare\n");
        return 0;
    }
    orl_stats_summary after;
    if (orl_stats_summary_of(stats, NULL, &after) != 0) {
        fprintf(out, "soak: the statistics cannot be read: %s\n", orl_stats_problem(stats));
        return 1;
    }
    long long st = after.started - before.started, fin = after.finished - before.finished,
              ab = after.abandoned - before.abandoned;
    int ok = st == t.began && fin == t.finished && ab == t.began - t.finished;
    fprintf(out, "soak: statistics: %lld started, %lld finished, %lld left: %s\n", st, fin, ab,
            ok ? "exactly the sessions simulated" : "NOT the sessions simulated");
    return ok ? 0 : 1;
}
