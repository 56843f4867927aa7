/* Bench hooks (shared/bench/README.md, "Hook contract, for the C engine"): with BENCH_OUT
 * set, the window player drives itself through the same sequence as the LÖVE and Ren'Py
 * peers and appends `key value` lines (µs, CLOCK_REALTIME epoch) to that file:
 *   first_frame_us   after the first present of the title
 *   first_scene_us   after the first present of the first scene (the title is left at once:
 *                    Begin, the content note's Continue, a title-card scene's only choice)
 *   idle_*           BENCH_IDLE_S seconds on that scene doing what the player does when
 *                    nothing happens (it draws nothing and sleeps in SDL_WaitEventTimeout)
 *   frames_*         BENCH_FRAMES frames of that scene drawn back to back
 *   walk_us          BENCH_WALK choices picked with seed BENCH_SEED, pick to first present
 *   quit_us          just before quitting */
#include "player/player_internal.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

enum { PH_TITLE, PH_TO_SCENE, PH_IDLE, PH_FRAMES, PH_WALK, PH_DONE };

struct orl_bench {
    char *out;
    int phase;
    long long t0, c0, x0, pick_t;
    int count;
    double idle_s;
    int frames, walk_n, nwalk;
    unsigned long long rng;
    int pending;       /* a pick was made; the next present shows its result */
    orl_buf walk;
    int xpid;
    int quit_written;
};

long long orl_bench_now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (long long)ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

static long long cpu_us(void)
{
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) != 0) return 0;
    return (long long)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000LL + ru.ru_utime.tv_usec + ru.ru_stime.tv_usec;
}

/* utime + stime of the X server, from /proc/PID/stat (fields 14 and 15). */
static long long xcpu_us(const orl_bench *b)
{
    if (b->xpid <= 0) return 0;
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%d/stat", b->xpid);
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    char *s = strrchr(buf, ')');
    if (!s) return 0;
    unsigned long long ut = 0, st = 0;
    /* after ") ": state(3) ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime */
    if (sscanf(s + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &ut, &st) != 2) return 0;
    long hz = sysconf(_SC_CLK_TCK);
    if (hz <= 0) hz = 100;
    return (long long)((ut + st) * 1000000ULL / (unsigned long long)hz);
}

static void rec(orl_bench *b, const char *key, long long v)
{
    FILE *f = fopen(b->out, "a");
    if (!f) return;
    fprintf(f, "%s %lld\n", key, v);
    fclose(f);
}

static void rec_s(orl_bench *b, const char *key, const char *v)
{
    FILE *f = fopen(b->out, "a");
    if (!f) return;
    fprintf(f, "%s %s\n", key, v);
    fclose(f);
}

static double env_num(const char *name, double dflt)
{
    const char *s = getenv(name);
    if (!s || !*s) return dflt;
    char *end;
    double v = strtod(s, &end);
    return end != s && v >= 0 ? v : dflt;
}

orl_bench *orl_bench_start(void)
{
    const char *out = getenv("BENCH_OUT");
    if (!out || !*out) return NULL;
    orl_bench *b = calloc(1, sizeof *b);
    if (!b) return NULL;
    b->out = orl_strdup(out);
    b->idle_s = env_num("BENCH_IDLE_S", 2);
    b->frames = (int)env_num("BENCH_FRAMES", 300);
    b->walk_n = (int)env_num("BENCH_WALK", 20);
    b->rng = (unsigned long long)env_num("BENCH_SEED", 1) * 0x9E3779B97F4A7C15ULL + 1;
    b->xpid = (int)env_num("BENCH_XPID", 0);
    return b;
}

static unsigned next_rand(orl_bench *b)
{
    b->rng ^= b->rng << 13;
    b->rng ^= b->rng >> 7;
    b->rng ^= b->rng << 17;
    return (unsigned)(b->rng >> 11);
}

/* Leaves the title, the content note and a title-card scene. */
static void leave_title(orl_player *p)
{
    for (int guard = 0; guard < 8; guard++) {
        orl_player_screen s = orl_player_screen_now(p);
        if (s == ORL_SCREEN_TITLE || s == ORL_SCREEN_WARNINGS) {
            orl_player_pick(p, 1);
            continue;
        }
        if (s == ORL_SCREEN_SCENE && p->title_card && orl_player_scene(p) == p->st->start_idx && p->nhist == 0) {
            orl_player_pick(p, 1);
            continue;
        }
        break;
    }
}

static void pick(orl_bench *b, orl_player *p)
{
    b->pick_t = orl_bench_now_us();
    b->pending = 1;
    if (orl_player_screen_now(p) != ORL_SCREEN_SCENE) {
        orl_player_pick(p, 1);
        leave_title(p);
        return;
    }
    int n = p->nvis > 0 ? p->nvis : 1;
    orl_player_pick(p, 1 + (int)(next_rand(b) % (unsigned)n));
    leave_title(p);
}

int orl_bench_step(orl_bench *b, orl_player *p, int presented, int *frame, int *quit)
{
    *frame = 0;
    *quit = 0;
    long long t = orl_bench_now_us();
    switch (b->phase) {
    case PH_TITLE:
        if (presented) {
            rec(b, "first_frame_us", t);
            b->phase = PH_TO_SCENE;
            leave_title(p);
            *frame = 1;
        }
        return 0;
    case PH_TO_SCENE:
        if (presented) {
            rec(b, "first_scene_us", t);
            b->phase = PH_IDLE;
            b->t0 = orl_bench_now_us();
            b->c0 = cpu_us();
            b->x0 = xcpu_us(b);
            b->count = 0;
        }
        return (int)(b->idle_s * 1000);
    case PH_IDLE: {
        if (presented) b->count++;
        long long left = b->t0 + (long long)(b->idle_s * 1e6) - t;
        if (left > 0) return (int)(left / 1000) + 1;
        long long c = cpu_us(), x = xcpu_us(b);
        rec(b, "idle_wall_us", t - b->t0);
        rec(b, "idle_cpu_us", c - b->c0);
        rec(b, "idle_xcpu_us", x - b->x0);
        rec(b, "idle_frames", b->count);
        b->phase = PH_FRAMES;
        b->t0 = orl_bench_now_us();
        b->c0 = cpu_us();
        b->x0 = xcpu_us(b);
        b->count = 0;
        *frame = 1;
        return 0;
    }
    case PH_FRAMES:
        if (presented) b->count++;
        if (b->count < b->frames) {
            *frame = 1;
            return 0;
        }
        {
            long long c = cpu_us(), x = xcpu_us(b);
            rec(b, "frames_n", b->count);
            rec(b, "frames_wall_us", t - b->t0);
            rec(b, "frames_cpu_us", c - b->c0);
            rec(b, "frames_xcpu_us", x - b->x0);
        }
        b->phase = PH_WALK;
        if (b->walk_n <= 0) {
            b->phase = PH_DONE;
            *quit = 1;
            return 0;
        }
        pick(b, p);
        *frame = 1;
        return 0;
    case PH_WALK:
        if (presented && b->pending) {
            orl_buf_printf(&b->walk, "%s%lld", b->nwalk ? "," : "", t - b->pick_t);
            b->nwalk++;
            b->pending = 0;
            if (b->nwalk >= b->walk_n) {
                rec_s(b, "walk_us", b->walk.data ? b->walk.data : "");
                b->phase = PH_DONE;
                *quit = 1;
                return 0;
            }
            pick(b, p);
            *frame = 1;
        }
        return 0;
    default:
        *quit = 1;
        return 0;
    }
}

void orl_bench_end(orl_bench *b)
{
    if (!b) return;
    rec(b, "quit_us", orl_bench_now_us());
    orl_buf_free(&b->walk);
    free(b->out);
    free(b);
}
