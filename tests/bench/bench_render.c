/* bench_render: milliseconds per 1920x1080 frame of scene drawing on SDL's software renderer
 * (the path of kiosks with no GPU), headless on an ARGB surface. Not a test: it prints.
 *
 *   build/bench/bench_render [frames [case]]   (default 120 frames per case; case: a word
 *                                               of the case names, e.g. panorama)
 *   ORILLA_RENDER_THREADS=1 build/bench/bench_render     (one core)
 *
 * Cases: a background (redrawn: four scenes in turn, three 1:1 and one scaled down from
 * 2400x1350; unchanged: the kept frame copied),
 * three parallax layers under a moving camera, a 4096x2048 panorama while yawing, and a
 * crossfade between two layered scenes. The pictures are made here, in a temporary story
 * folder that is removed at the end. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>
#include <SDL2/SDL.h>
#include <SDL2/SDL_image.h>
#include "bundle/fs.h"
#include "render/scene.h"

static char dir[256];

static uint32_t rgb(int r, int g, int b) { return 0xff000000u | (uint32_t)r << 16 | (uint32_t)g << 8 | (uint32_t)b; }

/* A picture with some texture (so nothing is trivially uniform); alpha_from: rows above it
 * are transparent (-1: opaque everywhere). */
static int make(const char *name, int w, int h, int seed, int alpha_from)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s) return -1;
    for (int y = 0; y < h; y++) {
        uint32_t *row = (uint32_t *)((unsigned char *)s->pixels + (size_t)y * (size_t)s->pitch);
        for (int x = 0; x < w; x++) {
            float ridge = (float)alpha_from + 40.0f * sinf(x * 0.01f + (float)seed);
            if (alpha_from >= 0 && y < ridge) {
                row[x] = 0;
                continue;
            }
            int v = (int)(60 + 50 * sinf(x * 0.013f * (float)(seed + 1)) + 40 * cosf(y * 0.021f));
            row[x] = rgb(v + 20 * seed, v + 30, 200 - v);
        }
    }
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    int rc = IMG_SavePNG(s, path);
    SDL_FreeSurface(s);
    return rc;
}

static double now_ms(void)
{
    return (double)SDL_GetPerformanceCounter() * 1000.0 / (double)SDL_GetPerformanceFrequency();
}

/* CPU time of the whole process (every drawing thread), ms */
static double cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static double c0;

typedef struct bench {
    SDL_Renderer *r;
    orl_scene_renderer *sr;
    int frames;
} bench;

static const char *only; /* run only the cases whose name has this in it */

static int want(const char *what) { return !only || strstr(what, only) != NULL; }

static void report(const char *what, double ms, int frames)
{
    /* wall time depends on what else the machine runs; CPU time less so */
    printf("%-50s %7.2f ms/frame  (CPU %6.2f ms/frame, all threads)\n", what, ms / frames,
           (cpu_ms() - c0) / frames);
    fflush(stdout);
}

int main(int argc, char **argv)
{
    int frames = argc > 1 ? atoi(argv[1]) : 120;
    if (frames < 1) frames = 120;
    only = argc > 2 ? argv[2] : NULL;
    SDL_setenv("SDL_VIDEODRIVER", "dummy", 0);
    snprintf(dir, sizeof dir, "%s/orl-bench-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(dir)) return 2;
    char sub[300];
    snprintf(sub, sizeof sub, "%s/images", dir);
    mkdir(sub, 0777);
    fprintf(stderr, "making pictures in %s ...\n", dir);
    const char *names[] = {"images/bg1.png", "images/bg2.png", "images/bg3.png", "images/bg4.png",
                           "images/far.png", "images/mid.png", "images/near.png", "images/pano.png"};
    if (make(names[0], 1920, 1080, 1, -1) || make(names[1], 1920, 1080, 2, -1) ||
        make(names[2], 1920, 1080, 3, -1) || make(names[3], 2400, 1350, 4, -1) ||
        make(names[4], 1920, 1080, 1, -1) || make(names[5], 1920, 1080, 2, 500) ||
        make(names[6], 1920, 1080, 3, 800) || make(names[7], 4096, 2048, 4, -1)) {
        fprintf(stderr, "cannot write pictures: %s\n", SDL_GetError());
        return 2;
    }
    char err[256];
    orl_fs *fs = orl_fs_open(dir, err, sizeof err);
    SDL_Surface *target = SDL_CreateRGBSurfaceWithFormat(0, 1920, 1080, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = target ? SDL_CreateSoftwareRenderer(target) : NULL;
    if (!fs || !r) {
        fprintf(stderr, "setup failed: %s\n", fs ? SDL_GetError() : err);
        return 2;
    }
    orl_scene_renderer_desc desc = {.renderer = r, .fs = fs, .software = 1};
    orl_scene_renderer *sr = orl_scene_renderer_create(&desc);
    const char *threads = getenv("ORILLA_RENDER_THREADS");
    printf("bench_render: 1920x1080, SDL software renderer, %d CPU cores, drawing threads %s, %d frames a case\n",
           SDL_GetCPUCount(), threads && *threads ? threads : "= cores", frames);

    orl_scene bg[4]; /* more than the frames kept, so each is drawn again */
    memset(bg, 0, sizeof bg);
    for (int i = 0; i < 4; i++) {
        bg[i].id = "bg";
        bg[i].loc = (orl_loc){"bench.lua", 1};
        bg[i].background = (char *)names[i];
    }
    orl_layer layers[3] = {{.image = (char *)names[4], .depth = 8, .loc = {"bench.lua", 2}},
                           {.image = (char *)names[5], .depth = 3, .loc = {"bench.lua", 3}},
                           {.image = (char *)names[6], .depth = 1.5f, .loc = {"bench.lua", 4}}};
    orl_scene lay;
    memset(&lay, 0, sizeof lay);
    lay.id = "layers";
    lay.loc = (orl_loc){"bench.lua", 2};
    lay.layers = layers;
    lay.nlayers = 3;
    lay.camera = (orl_camera){.set = 1, .from = {0, 0, 0}, .to = {0.2f, 0.05f, -0.4f}, .seconds = 1e6f};
    orl_scene pano;
    memset(&pano, 0, sizeof pano);
    pano.id = "pano";
    pano.loc = (orl_loc){"bench.lua", 5};
    pano.panorama = (char *)names[7];
    orl_diags d = {0};

    /* warm up: decode every picture once */
    for (int i = 0; i < 4; i++) orl_scene_draw(sr, &bg[i], 0, NULL, &d);
    orl_scene_draw(sr, &lay, 0, NULL, &d);
    orl_scene_draw(sr, &pano, 0, NULL, &d);
    SDL_RenderFlush(r);

    double t0;
    if (want("background, redrawn (1:1 copy or scaled bilinear)")) {
        t0 = now_ms();
        c0 = cpu_ms();
        for (int f = 0; f < frames; f++) {
            orl_scene_draw(sr, &bg[f % 4], 0, NULL, &d);
            SDL_RenderFlush(r);
        }
        report("background, redrawn (1:1 copy or scaled bilinear)", now_ms() - t0, frames);
    }

    if (want("background, unchanged (kept frame copied)")) {
        t0 = now_ms();
        c0 = cpu_ms();
        for (int f = 0; f < frames; f++) {
            orl_scene_draw(sr, &bg[0], 0, NULL, &d);
            SDL_RenderFlush(r);
        }
        report("background, unchanged (kept frame copied)", now_ms() - t0, frames);
    }

    if (want("3 parallax layers, camera moving")) {
        t0 = now_ms();
        c0 = cpu_ms();
        for (int f = 0; f < frames; f++) {
            /* a 60 fps clock over a slow move: every frame differs by a fraction of a pixel */
            orl_scene_draw(sr, &lay, 1000.0 + f / 60.0 * 1000.0, NULL, &d);
            SDL_RenderFlush(r);
        }
        report("3 parallax layers, camera moving", now_ms() - t0, frames);
    }

    if (want("panorama 4096x2048, yawing (fov 90)")) {
        t0 = now_ms();
        c0 = cpu_ms();
        for (int f = 0; f < frames; f++) {
            orl_look look = {f * 0.75f, 5.0f, 90.0f};
            orl_scene_draw(sr, &pano, 0, &look, &d);
            SDL_RenderFlush(r);
        }
        report("panorama 4096x2048, yawing (fov 90)", now_ms() - t0, frames);
    }

    if (want("panorama 4096x2048, yawing, looking up (fov 120)")) {
        t0 = now_ms();
        c0 = cpu_ms();
        for (int f = 0; f < frames; f++) {
            orl_look look = {f * 0.75f, 60.0f, 120.0f};
            orl_scene_draw(sr, &pano, 0, &look, &d);
            SDL_RenderFlush(r);
        }
        report("panorama 4096x2048, yawing, looking up (fov 120)", now_ms() - t0, frames);
    }

    lay.camera.seconds = 10;
    orl_scene lay2 = lay;
    lay2.camera.to[0] = -0.2f;
    if (want("crossfade between two moving layered scenes")) {
        t0 = now_ms();
        c0 = cpu_ms();
        for (int f = 0; f < frames; f++) {
            orl_scene_draw_transition(sr, ORL_TRANSITION_CROSSFADE, (float)f / frames, &lay, f / 60.0,
                                      &lay2, f / 60.0, &d);
            SDL_RenderFlush(r);
        }
        report("crossfade between two moving layered scenes", now_ms() - t0, frames);
    }

    orl_diags_print(&d, stderr);
    orl_diags_free(&d);
    orl_scene_renderer_free(sr);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(target);
    orl_fs_close(fs);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        remove(path);
    }
    rmdir(sub);
    rmdir(dir);
    return 0;
}
