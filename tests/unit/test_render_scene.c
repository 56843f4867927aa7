/* engine/render/scene: layers under a moving camera, panoramas, transitions, the image
 * loader's checks and the placeholder, drawn headless with SDL's software renderer on a
 * 960x540 surface whose logical size is the 1920x1080 canvas; golden images of each. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bundle/fs.h"
#include "core/limits.h"
#include "render/scene.h"
#include "render/scene_private.h"
#include "golden.h"

#define OUT_W 960
#define OUT_H 540

static char dir[256];
static orl_fs *fs;
static SDL_Surface *target;
static SDL_Renderer *renderer;
static orl_scene_renderer *sr;    /* CPU drawing (software = 1) */
static orl_scene_renderer *sr_sdl; /* SDL drawing on the same renderer (software = 0) */

/* ---------------------------------------------------------------------------------------
 * Test pictures, made here and saved into a story folder */

static SDL_Surface *new_surface(int w, int h)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(s);
    SDL_FillRect(s, NULL, 0);
    return s;
}

static void put(SDL_Surface *s, int x, int y, uint32_t argb)
{
    if (x < 0 || y < 0 || x >= s->w || y >= s->h) return;
    ((uint32_t *)((unsigned char *)s->pixels + (size_t)y * (size_t)s->pitch))[x] = argb;
}

static uint32_t rgb(int r, int g, int b) { return 0xff000000u | (uint32_t)r << 16 | (uint32_t)g << 8 | (uint32_t)b; }

static uint32_t mix(uint32_t a, uint32_t b, float t)
{
    int ra = (a >> 16) & 255, ga = (a >> 8) & 255, ba = a & 255;
    int rb = (b >> 16) & 255, gb = (b >> 8) & 255, bb = b & 255;
    return rgb((int)(ra + (rb - ra) * t), (int)(ga + (gb - ga) * t), (int)(ba + (bb - ba) * t));
}

static void square(SDL_Surface *s, int cx, int cy, int half, uint32_t c)
{
    for (int y = cy - half; y < cy + half; y++)
        for (int x = cx - half; x < cx + half; x++) put(s, x, y, c);
}

static void save(SDL_Surface *s, const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    assert_int_equal(IMG_SavePNG(s, path), 0);
    SDL_FreeSurface(s);
}

static void write_file(const char *name, const void *data, size_t n)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    fclose(f);
}

/* Far: a dusk sky over blue mountains, a red sun (the marker). Opaque. */
static void make_far(void)
{
    SDL_Surface *s = new_surface(1920, 1080);
    for (int y = 0; y < 1080; y++)
        for (int x = 0; x < 1920; x++) {
            float m = 620 + 60 * sinf(x * 0.004f) + 25 * sinf(x * 0.013f + 1.0f);
            uint32_t c = y < m ? mix(rgb(64, 92, 150), rgb(236, 176, 132), (float)y / m)
                               : mix(rgb(112, 118, 160), rgb(90, 100, 140), (y - m) / (1080 - m));
            put(s, x, y, c);
        }
    square(s, 1300, 420, 20, rgb(255, 30, 30));
    save(s, "images/far.png");
}

/* Middle: green hills on the lower half, transparent above. */
static void make_mid(void)
{
    SDL_Surface *s = new_surface(1920, 1080);
    for (int x = 0; x < 1920; x++) {
        float top = 760 + 50 * sinf(x * 0.006f + 2.0f);
        for (int y = 0; y < 1080; y++) {
            float a = y - top; /* a soft, anti-aliased ridge */
            if (a <= -1) continue;
            uint32_t c = mix(rgb(86, 128, 92), rgb(64, 104, 80), (y - top) / (1080 - top));
            uint32_t al = a >= 0 ? 255 : (uint32_t)((a + 1) * 255);
            put(s, x, y, (c & 0xffffffu) | al << 24);
        }
    }
    save(s, "images/mid.png");
}

/* Near: a brown bank along the bottom with a green marker on it, transparent above. */
static void make_near(void)
{
    SDL_Surface *s = new_surface(1920, 1080);
    for (int x = 0; x < 1920; x++) {
        float top = 930 + 30 * sinf(x * 0.01f);
        for (int y = (int)top; y < 1080; y++) put(s, x, y, mix(rgb(128, 100, 80), rgb(104, 84, 70), (y - top) / (1080 - top)));
    }
    square(s, 700, 880, 16, rgb(30, 230, 60)); /* a sign post above the bank */
    save(s, "images/near.png");
}

/* An equirectangular panorama: longitude quarters red (around yaw 0), green (90), blue (180),
 * yellow (-90); a white cap above 70 degrees; a magenta dot at yaw 30, pitch 10. */
static void make_pano(int w, int h, const char *name)
{
    SDL_Surface *s = new_surface(w, h);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            float lon = ((x + 0.5f) / w - 0.5f) * 360.0f, lat = (0.5f - (y + 0.5f) / h) * 180.0f;
            uint32_t c;
            if (lat > 70) c = rgb(235, 235, 235);
            else if (lon >= -45 && lon < 45) c = rgb(200, 40, 40);
            else if (lon >= 45 && lon < 135) c = rgb(40, 180, 60);
            else if (lon >= -135 && lon < -45) c = rgb(220, 200, 40);
            else c = rgb(40, 60, 200);
            float dl = lon - 30, dp = lat - 10;
            if (dl * dl + dp * dp < 4) c = rgb(255, 0, 255);
            put(s, x, y, c);
        }
    save(s, name);
}

static void make_solid(const char *name, uint32_t c)
{
    SDL_Surface *s = new_surface(64, 36);
    SDL_FillRect(s, NULL, c);
    save(s, name);
}

/* ---------------------------------------------------------------------------------------
 * Setup */

static int setup(void **state)
{
    (void)state;
    SDL_setenv("SDL_VIDEODRIVER", "dummy", 0);
    snprintf(dir, sizeof dir, "%s/orl-render-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(dir)) return -1;
    char sub[300];
    snprintf(sub, sizeof sub, "%s/images", dir);
    mkdir(sub, 0777);
    make_far();
    make_mid();
    make_near();
    make_pano(1024, 512, "images/pano.png");
    make_solid("images/red.png", rgb(200, 0, 0));
    make_solid("images/blue.png", rgb(0, 0, 200));
    char err[256];
    fs = orl_fs_open(dir, err, sizeof err);
    if (!fs) {
        fprintf(stderr, "%s\n", err);
        return -1;
    }
    target = SDL_CreateRGBSurfaceWithFormat(0, OUT_W, OUT_H, 32, SDL_PIXELFORMAT_ARGB8888);
    renderer = target ? SDL_CreateSoftwareRenderer(target) : NULL;
    if (!renderer) return -1;
    SDL_RenderSetLogicalSize(renderer, ORL_CANVAS_W, ORL_CANVAS_H);
    orl_scene_renderer_desc d = {.renderer = renderer, .fs = fs, .software = 1};
    sr = orl_scene_renderer_create(&d);
    d.software = 0;
    sr_sdl = orl_scene_renderer_create(&d);
    if (!sr || !sr_sdl) return -1;
    /* the software renderer is always drawn with the CPU path; force the SDL path (meant for
     * GPUs) to test it too */
    if (sr_sdl->software != 1) return -1;
    sr_sdl->software = 0;
    return 0;
}

static int rm_entry(const char *name, void *ud)
{
    (void)ud;
    char path[600];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    remove(path);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    orl_scene_renderer_free(sr);
    orl_scene_renderer_free(sr_sdl);
    SDL_DestroyRenderer(renderer);
    SDL_FreeSurface(target);
    if (fs) orl_fs_walk(fs, rm_entry, NULL);
    orl_fs_close(fs);
    char sub[300];
    snprintf(sub, sizeof sub, "%s/images", dir);
    rmdir(sub);
    rmdir(dir);
    return 0;
}

/* ---------------------------------------------------------------------------------------
 * Helpers */

static orl_layer layers3[3];

static orl_scene layered_scene(void)
{
    layers3[0] = (orl_layer){.image = "images/far.png", .depth = 8, .loc = {"story.lua", 11}};
    layers3[1] = (orl_layer){.image = "images/near.png", .depth = 1.5f, .loc = {"story.lua", 13}};
    layers3[2] = (orl_layer){.image = "images/mid.png", .depth = 3, .loc = {"story.lua", 12}};
    orl_scene s;
    memset(&s, 0, sizeof s);
    s.id = "bridge";
    s.loc = (orl_loc){"story.lua", 10};
    s.layers = layers3;
    s.nlayers = 3;
    s.camera = (orl_camera){.set = 1, .from = {0, 0, 0}, .to = {0.25f, 0.05f, -0.3f}, .seconds = 8};
    return s;
}

static int draw(orl_scene_renderer *r, const orl_scene *s, double t, const orl_look *look, orl_diags *d)
{
    SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255);
    SDL_RenderClear(renderer);
    int moving = orl_scene_draw(r, s, t, look, d);
    SDL_RenderFlush(renderer);
    return moving;
}

static uint32_t px(int x, int y)
{
    return ((uint32_t *)((unsigned char *)target->pixels + (size_t)y * (size_t)target->pitch))[x];
}

/* Pixel at canvas coordinates. */
static void canvas_rgb(float cx, float cy, int *r, int *g, int *b)
{
    int x = (int)(cx * OUT_W / ORL_CANVAS_W), y = (int)(cy * OUT_H / ORL_CANVAS_H);
    if (x >= OUT_W) x = OUT_W - 1;
    if (y >= OUT_H) y = OUT_H - 1;
    uint32_t c = px(x, y);
    *r = (c >> 16) & 255;
    *g = (c >> 8) & 255;
    *b = c & 255;
}

/* Centre (in canvas pixels) of the pixels that pass `is`; 0 when there are none. */
static int centroid(int (*is)(int r, int g, int b), float *cx, float *cy)
{
    double sx = 0, sy = 0;
    long n = 0;
    for (int y = 0; y < OUT_H; y++)
        for (int x = 0; x < OUT_W; x++) {
            uint32_t c = px(x, y);
            if (is((c >> 16) & 255, (c >> 8) & 255, c & 255)) {
                sx += x + 0.5;
                sy += y + 0.5;
                n++;
            }
        }
    if (!n) return 0;
    *cx = (float)(sx / n * ORL_CANVAS_W / OUT_W);
    *cy = (float)(sy / n * ORL_CANVAS_H / OUT_H);
    return 1;
}

static int is_red_marker(int r, int g, int b) { return r > 220 && g < 90 && b < 90; }
static int is_green_marker(int r, int g, int b) { return g > 180 && r < 90 && b < 110; }
static int is_magenta(int r, int g, int b) { return r > 200 && b > 200 && g < 80; }

/* Pixels darker than every test picture: the placeholder or nothing at all. */
static long uncovered(void)
{
    long n = 0;
    for (int y = 0; y < OUT_H; y++)
        for (int x = 0; x < OUT_W; x++) {
            uint32_t c = px(x, y);
            int r = (c >> 16) & 255, g = (c >> 8) & 255, b = c & 255;
            int m = r > g ? r : g;
            if (b > m) m = b;
            if (m < 60) n++;
        }
    return n;
}

static int has_code(const orl_diags *d, const char *code)
{
    int n = 0;
    for (size_t i = 0; i < d->n; i++)
        if (d->items[i].code && strcmp(d->items[i].code, code) == 0) n++;
    return n;
}

static void golden(const char *name)
{
    static char msg[8192];
    int rc = orl_golden_check(target, name, 6, 0.002, msg, sizeof msg);
    if (rc != 0) fprintf(stderr, "%s\n", msg);
    assert_int_equal(rc, 0);
}

/* ---------------------------------------------------------------------------------------
 * Layers and camera */

static void test_layers_parallax(void **state)
{
    (void)state;
    orl_scene s = layered_scene();
    orl_diags d = {0};
    float r0x, r0y, g0x, g0y, r1x, r1y, g1x, g1y;
    assert_int_equal(draw(sr, &s, 0.0, NULL, &d), 1);
    assert_true(centroid(is_red_marker, &r0x, &r0y));
    assert_true(centroid(is_green_marker, &g0x, &g0y));
    golden("scene_layers_start");
    assert_int_equal(draw(sr, &s, 8.0, NULL, &d), 0); /* the move is over: still */
    assert_true(centroid(is_red_marker, &r1x, &r1y));
    assert_true(centroid(is_green_marker, &g1x, &g1y));
    golden("scene_layers_end");
    float dr = hypotf(r1x - r0x, r1y - r0y), dg = hypotf(g1x - g0x, g1y - g0y);
    /* the camera moved right: things move left, the near marker much more than the far one */
    assert_true(r1x < r0x);
    assert_true(g1x < g0x);
    assert_true(dg > 2.5f * dr);
    assert_true(dr > 2.0f);
    /* at the start the picture is as composed (the sun at 1300, 420 zoomed about the centre) */
    float k = (r0x - 960) / (1300 - 960);
    assert_true(k >= 1.0f && k < ORL_CAMERA_MAX_ZOOM);
    assert_float_equal(r0y - 540, (420 - 540) * k, 3.0);
    assert_float_equal(g0x - 960, (700 - 960) * k, 3.0);
    assert_float_equal(g0y - 540, (880 - 540) * k, 3.0);
    /* half way, the camera is half way (smoothstep is symmetric) */
    float rhx, rhy;
    draw(sr, &s, 4.0, NULL, &d);
    assert_true(centroid(is_red_marker, &rhx, &rhy));
    assert_true(rhx < r0x && rhx > r1x);
    assert_int_equal(d.n, 0);
    orl_diags_free(&d);
}

static void test_layers_cover(void **state)
{
    (void)state;
    orl_scene s = layered_scene();
    orl_diags d = {0};
    /* both ends of several moves, and between */
    const float moves[][3] = {{0.25f, 0.05f, -0.5f}, {-0.4f, 0, 0}, {0, 0.3f, 0}, {0, 0, 0.6f},
                              {0.3f, -0.2f, 0.4f}, {0, 0, -1.4f}, {1.5f, 0, 0}};
    for (size_t m = 0; m < sizeof moves / sizeof moves[0]; m++) {
        memcpy(s.camera.to, moves[m], sizeof moves[m]);
        for (int path = 0; path < 2; path++)
            for (int i = 0; i <= 8; i++) {
                draw(path ? sr_sdl : sr, &s, s.camera.seconds * i / 8.0, NULL, &d);
                long n = uncovered();
                if (n) fprintf(stderr, "move %zu path %d t %d/8: %ld uncovered pixels\n", m, path, i, n);
                assert_int_equal(n, 0);
            }
    }
    /* the last move is too far for the zoom alone: said once (per renderer), still covered */
    assert_int_equal(has_code(&d, "camera-zoom"), 2);
    assert_int_equal(d.n, 2);
    orl_diags_free(&d);
}

/* The SDL drawing path (for GPUs) gives the same picture as the CPU path, but for SDL's
 * software renderer placing pictures on whole output pixels (2 canvas pixels here). */
static void test_layers_sdl_path_agrees(void **state)
{
    (void)state;
    orl_scene s = layered_scene();
    for (int i = 0; i <= 4; i++) {
        float ax, ay, bx, by;
        draw(sr, &s, 2.0 * i, NULL, NULL);
        assert_true(centroid(is_green_marker, &ax, &ay));
        draw(sr_sdl, &s, 2.0 * i, NULL, NULL);
        assert_true(centroid(is_green_marker, &bx, &by));
        assert_float_equal(ax, bx, 4.0);
        assert_float_equal(ay, by, 4.0);
        draw(sr, &s, 2.0 * i, NULL, NULL);
        assert_true(centroid(is_red_marker, &ax, &ay));
        draw(sr_sdl, &s, 2.0 * i, NULL, NULL);
        assert_true(centroid(is_red_marker, &bx, &by));
        assert_float_equal(ax, bx, 4.0);
        assert_float_equal(ay, by, 4.0);
    }
}

/* Green-weighted centre of the near marker, in canvas pixels (sub-pixel: weights, not a
 * threshold). */
static float marker_x(void)
{
    double sx = 0, sw = 0;
    for (int y = 0; y < OUT_H; y++)
        for (int x = 0; x < OUT_W; x++) {
            uint32_t c = px(x, y);
            int r = (c >> 16) & 255, g = (c >> 8) & 255;
            /* the marker is far greener than anything else (hills: g - r = 42); weights that
             * start at 0 keep the measure continuous as edge pixels blend */
            double w = g - r > 50 ? g - r - 50 : 0;
            sx += w * (x + 0.5);
            sw += w;
        }
    return sw > 0 ? (float)(sx / sw * ORL_CANVAS_W / OUT_W) : -1;
}

/* A slow move goes a fraction of a pixel a frame: every frame differs, smoothly (no steps of
 * whole pixels, which show as judder). */
static void test_layers_subpixel(void **state)
{
    (void)state;
    orl_scene s = layered_scene();
    s.camera.to[0] = 0.02f;
    s.camera.to[1] = 0;
    s.camera.to[2] = 0;
    float prev = -1, first = 0;
    for (int f = 0; f <= 20; f++) {
        draw(sr, &s, 4.0 + f / 60.0, NULL, NULL);
        float x = marker_x();
        assert_true(x > 0);
        if (f == 0) first = x;
        if (prev >= 0) {
            float step = prev - x;
            assert_true(step > 0.01f); /* moves every frame... */
            assert_true(step < 0.2f);  /* ...by a fraction of a pixel */
        }
        prev = x;
    }
    assert_true(first - prev > 0.5f);
}

static void test_still_scene(void **state)
{
    (void)state;
    orl_scene s;
    memset(&s, 0, sizeof s);
    s.id = "map";
    s.loc = (orl_loc){"story.lua", 3};
    s.background = "images/far.png";
    orl_diags d = {0};
    assert_int_equal(draw(sr, &s, 0.0, NULL, &d), 0);
    assert_int_equal(draw(sr, &s, 100.0, NULL, &d), 0);
    float x, y;
    assert_true(centroid(is_red_marker, &x, &y)); /* cover-fit, no zoom: where it was drawn */
    assert_float_equal(x, 1300, 2.0);
    assert_float_equal(y, 420, 2.0);
    assert_int_equal(d.n, 0);
    orl_diags_free(&d);
}

/* ---------------------------------------------------------------------------------------
 * Panoramas */

static void test_panorama_directions(void **state)
{
    (void)state;
    orl_scene s;
    memset(&s, 0, sizeof s);
    s.id = "plaza";
    s.loc = (orl_loc){"story.lua", 20};
    s.panorama = "images/pano.png";
    orl_diags d = {0};
    struct { float yaw; int r, g, b; } cases[] = {
        {0, 200, 40, 40}, {90, 40, 180, 60}, {180, 40, 60, 200}, {-90, 220, 200, 40}, {-180, 40, 60, 200}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        orl_look look = {cases[i].yaw, 0, 90};
        assert_int_equal(draw(sr, &s, 0, &look, &d), 0);
        int r, g, b;
        canvas_rgb(960, 540, &r, &g, &b);
        assert_int_equal(r, cases[i].r);
        assert_int_equal(g, cases[i].g);
        assert_int_equal(b, cases[i].b);
    }
    /* looking at the seam (yaw 180): one clean blue across the middle, no stray colours */
    orl_look back = {180, 0, 60};
    draw(sr, &s, 0, &back, &d);
    for (int x = 600; x < 1320; x += 4) {
        int r, g, b;
        canvas_rgb((float)x, 540, &r, &g, &b);
        assert_true(abs(r - 40) <= 2 && abs(g - 60) <= 2 && abs(b - 200) <= 2);
    }
    /* straight up: the white cap, no crash at the pole */
    orl_look up = {10, 90, 100};
    draw(sr, &s, 0, &up, &d);
    int r, g, b;
    canvas_rgb(960, 540, &r, &g, &b);
    assert_true(r > 230 && g > 230 && b > 230);
    /* the scene's own look when none is given */
    s.has_look = 1;
    s.look[0] = 90;
    s.look[1] = 0;
    s.look[2] = 70;
    draw(sr, &s, 0, NULL, &d);
    canvas_rgb(960, 540, &r, &g, &b);
    assert_int_equal(g, 180);
    assert_int_equal(d.n, 0);
    orl_diags_free(&d);
}

static void test_panorama_project(void **state)
{
    (void)state;
    float x, y;
    orl_look look = {37, -12, 75};
    assert_int_equal(orl_panorama_project(&look, 37, -12, &x, &y), 1);
    assert_float_equal(x, 960, 0.01);
    assert_float_equal(y, 540, 0.01);
    orl_look ahead = {0, 0, 90};
    assert_int_equal(orl_panorama_project(&ahead, 30, 0, &x, &y), 1);
    assert_float_equal(x, 960 + 960 * tanf(30 * 3.14159265f / 180), 0.5);
    assert_float_equal(y, 540, 0.01);
    assert_int_equal(orl_panorama_project(&ahead, 0, 20, &x, &y), 1);
    assert_true(y < 540); /* up is up */
    assert_int_equal(orl_panorama_project(&ahead, 180, 0, &x, &y), 0); /* behind */
    assert_int_equal(orl_panorama_project(&ahead, 80, 0, &x, &y), 0);  /* in front, off canvas */
    assert_true(x > ORL_CANVAS_W);
    /* the drawn picture agrees: the magenta dot at yaw 30, pitch 10 */
    orl_scene s;
    memset(&s, 0, sizeof s);
    s.id = "plaza";
    s.loc = (orl_loc){"story.lua", 20};
    s.panorama = "images/pano.png";
    orl_look view = {20, 5, 60};
    draw(sr, &s, 0, &view, NULL);
    golden("scene_panorama");
    float mx, my;
    assert_true(centroid(is_magenta, &mx, &my));
    assert_int_equal(orl_panorama_project(&view, 30, 10, &x, &y), 1);
    assert_float_equal(mx, x, 4.0);
    assert_float_equal(my, y, 4.0);
}

static void test_panorama_too_large(void **state)
{
    (void)state;
    /* a PNG header declaring 20000x10000: refused from the header, placeholder drawn */
    static const unsigned char hdr[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13,
                                        'I', 'H', 'D', 'R', 0, 0, 0x4e, 0x20, 0, 0, 0x27, 0x10,
                                        8, 6, 0, 0, 0, 0, 0, 0, 0};
    write_file("images/huge-pano.png", hdr, sizeof hdr);
    orl_scene s;
    memset(&s, 0, sizeof s);
    s.id = "huge";
    s.loc = (orl_loc){"story.lua", 40};
    s.panorama = "images/huge-pano.png";
    orl_diags d = {0};
    draw(sr, &s, 0, NULL, &d);
    assert_int_equal(has_code(&d, "image-too-large"), 1);
    assert_non_null(strstr(d.items[0].msg, "20000x10000"));
    assert_int_equal(d.items[0].line, 40);
    assert_int_equal(uncovered(), (long)OUT_W * OUT_H); /* all placeholder */
    orl_diags_free(&d);
}

/* ---------------------------------------------------------------------------------------
 * Pictures that cannot be shown */

static void test_bad_images(void **state)
{
    (void)state;
    /* 30000x30000 PNG header followed by junk: never decoded */
    unsigned char big[64] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                             0, 0, 0x75, 0x30, 0, 0, 0x75, 0x30, 8, 6, 0, 0, 0};
    write_file("images/big.png", big, sizeof big);
    /* a real PNG cut in half */
    SDL_Surface *s0 = new_surface(64, 64);
    square(s0, 32, 32, 16, rgb(10, 200, 10));
    char path[512];
    snprintf(path, sizeof path, "%s/images/whole.png", dir);
    assert_int_equal(IMG_SavePNG(s0, path), 0);
    SDL_FreeSurface(s0);
    char *data;
    size_t len;
    assert_int_equal(orl_fs_read(fs, "images/whole.png", 1 << 20, &data, &len), ORL_FS_OK);
    write_file("images/cut.png", data, len / 2);
    free(data);
    write_file("images/notes.png", "these are notes, not a picture\n", 31);

    struct { const char *name, *code, *words; } cases[] = {
        {"images/big.png", "image-too-large", "30000x30000"},
        {"images/cut.png", "image-unreadable", "cannot be decoded"},
        {"images/notes.png", "image-unreadable", "not a PNG, JPEG or WebP"},
        {"images/nowhere.png", "image-missing", "not in the story"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        for (int path_ = 0; path_ < 2; path_++) {
            orl_scene_renderer *r = path_ ? sr_sdl : sr;
            orl_scene s;
            memset(&s, 0, sizeof s);
            s.id = "broken";
            s.loc = (orl_loc){"ana.lua", 7 + (int)i};
            s.background = (char *)cases[i].name;
            orl_diags d = {0};
            draw(r, &s, 0, NULL, &d);
            draw(r, &s, 1, NULL, &d); /* reported once */
            assert_int_equal(d.n, 1);
            assert_string_equal(d.items[0].code, cases[i].code);
            assert_string_equal(d.items[0].file, "ana.lua");
            assert_int_equal(d.items[0].line, 7 + (int)i);
            if (!strstr(d.items[0].msg, cases[i].words)) fprintf(stderr, "%s\n", d.items[0].msg);
            assert_non_null(strstr(d.items[0].msg, cases[i].words));
            assert_non_null(strstr(d.items[0].msg, cases[i].name));
            assert_int_equal(uncovered(), (long)OUT_W * OUT_H); /* the calm placeholder */
            if (i == 3 && path_ == 0) golden("scene_placeholder");
            orl_diags_free(&d);
        }
    }
    /* a missing layer: the others are still drawn; a bad file name is refused */
    orl_scene s = layered_scene();
    orl_layer ls[2] = {layers3[0], {.image = "images/gone.png", .depth = 2, .loc = {"story.lua", 14}}};
    s.layers = ls;
    s.nlayers = 2;
    orl_diags d = {0};
    draw(sr, &s, 0, NULL, &d);
    assert_int_equal(has_code(&d, "image-missing"), 1);
    assert_int_equal(d.items[0].line, 14);
    float x, y;
    assert_true(centroid(is_red_marker, &x, &y));
    orl_diags_free(&d);
}

static void test_probe_headers(void **state)
{
    (void)state;
    const char *type;
    int w, h;
    char err[300];
    /* JPEG: an APP0 segment, then SOF0 declaring 100 high, 20000 wide */
    static const unsigned char jpg[] = {0xff, 0xd8, 0xff, 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
                                        0xff, 0xc0, 0, 17, 8, 0, 100, 0x4e, 0x20, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1};
    assert_int_equal(orl_image__probe(jpg, sizeof jpg, &type, &w, &h, err, sizeof err), -2);
    assert_string_equal(type, "JPG");
    assert_int_equal(w, 20000);
    assert_int_equal(h, 100);
    /* the same with a sane size */
    unsigned char ok[sizeof jpg];
    memcpy(ok, jpg, sizeof jpg);
    ok[27] = 0x07;
    ok[28] = 0x80; /* 1920 */
    assert_int_equal(orl_image__probe(ok, sizeof ok, &type, &w, &h, err, sizeof err), 0);
    assert_int_equal(w, 1920);
    /* a JPEG whose segment lengths run off the end */
    assert_int_equal(orl_image__probe(jpg, 22, &type, &w, &h, err, sizeof err), -1);
    /* WebP VP8X declaring 16777216 x 16777216 */
    static const unsigned char webp[30] = {'R', 'I', 'F', 'F', 22, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'X',
                                           10, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
    assert_int_equal(orl_image__probe(webp, sizeof webp, &type, &w, &h, err, sizeof err), -2);
    assert_string_equal(type, "WEBP");
    /* truncated and empty inputs */
    assert_int_equal(orl_image__probe(jpg, 3, &type, &w, &h, err, sizeof err), -1);
    assert_int_equal(orl_image__probe((const unsigned char *)"", 0, &type, &w, &h, err, sizeof err), -1);
    static const unsigned char png_short[12] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    assert_int_equal(orl_image__probe(png_short, sizeof png_short, &type, &w, &h, err, sizeof err), -1);
    /* every prefix, and random damage, of each header: an answer, never a read past the end
     * (run under ASan) and never a size over the limits said to be fine */
    const unsigned char *heads[] = {jpg, webp, png_short};
    const size_t lens[] = {sizeof jpg, sizeof webp, sizeof png_short};
    unsigned seed = 12345;
    for (int k = 0; k < 3; k++)
        for (int round = 0; round < 400; round++) {
            unsigned char buf[64];
            size_t n = lens[k];
            memcpy(buf, heads[k], n);
            for (int m = 0; m < round % 6; m++) {
                seed = seed * 1103515245u + 12345u;
                buf[(seed >> 8) % n] = (unsigned char)(seed >> 16);
            }
            size_t cut = round < (int)n ? (size_t)round : n;
            unsigned char *copy = malloc(cut ? cut : 1);
            memcpy(copy, buf, cut);
            int rc = orl_image__probe(copy, cut, &type, &w, &h, err, sizeof err);
            if (rc == 0) assert_true(w > 0 && h > 0 && w <= ORL_MAX_IMAGE_SIDE && h <= ORL_MAX_IMAGE_SIDE &&
                                     (unsigned long long)w * (unsigned long long)h <= ORL_MAX_IMAGE_PIXELS);
            free(copy);
        }
}

/* ---------------------------------------------------------------------------------------
 * Transitions */

static orl_scene solid_scene(const char *id, const char *image)
{
    orl_scene s;
    memset(&s, 0, sizeof s);
    s.id = (char *)id;
    s.loc = (orl_loc){"story.lua", 1};
    s.background = (char *)image;
    return s;
}

static void transition_at(orl_scene_renderer *r, orl_transition_kind k, float p, int *cr, int *cg, int *cb)
{
    orl_scene a = solid_scene("a", "images/red.png"), b = solid_scene("b", "images/blue.png");
    SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255);
    SDL_RenderClear(renderer);
    orl_scene_draw_transition(r, k, p, &a, 0, &b, 0, NULL);
    SDL_RenderFlush(renderer);
    canvas_rgb(960, 540, cr, cg, cb);
}

static void test_transitions(void **state)
{
    (void)state;
    int r, g, b;
    for (int path = 0; path < 2; path++) {
        orl_scene_renderer *sx = path ? sr_sdl : sr;
        transition_at(sx, ORL_TRANSITION_CROSSFADE, 0.5f, &r, &g, &b);
        assert_true(abs(r - 100) <= 3 && g == 0 && abs(b - 100) <= 3);
        transition_at(sx, ORL_TRANSITION_CROSSFADE, 0.0f, &r, &g, &b);
        assert_true(r == 200 && b == 0);
        transition_at(sx, ORL_TRANSITION_CROSSFADE, 1.0f, &r, &g, &b);
        assert_true(r == 0 && b == 200);
        transition_at(sx, ORL_TRANSITION_FADE_BLACK, 0.25f, &r, &g, &b);
        assert_true(abs(r - 100) <= 3 && b == 0);
        transition_at(sx, ORL_TRANSITION_FADE_BLACK, 0.5f, &r, &g, &b);
        assert_true(r <= 1 && b <= 1);
        transition_at(sx, ORL_TRANSITION_FADE_BLACK, 0.75f, &r, &g, &b);
        assert_true(r == 0 && abs(b - 100) <= 3);
        transition_at(sx, ORL_TRANSITION_CUT, 0.1f, &r, &g, &b);
        assert_true(r == 0 && b == 200);
    }
    /* a crossfade between two moving layered scenes keeps both frames apart */
    orl_scene a = layered_scene(), c = solid_scene("c", "images/blue.png");
    SDL_RenderClear(renderer);
    orl_scene_draw_transition(sr, ORL_TRANSITION_CROSSFADE, 0.5f, &a, 2.0, &c, 0, NULL);
    SDL_RenderFlush(renderer);
    golden("scene_crossfade");
}

/* ---------------------------------------------------------------------------------------
 * The cache */

/* Waits (at most 10 s) until the renderer's ahead thread holds at least `bytes` decoded. */
static int held_at_least(orl_ahead *a, size_t bytes)
{
    for (int i = 0; i < 1000; i++) {
        if (orl_ahead__held(a) >= bytes) return 1;
        SDL_Delay(10);
    }
    return 0;
}

static void remove_image(const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    assert_int_equal(remove(path), 0);
}

/* The first scene's pictures decoded on a thread while the window opens: handed to a
 * renderer, they are drawn without reading the file again (here it is gone by then); a
 * picture that failed is reported when drawn, like any other. */
static void test_preload(void **state)
{
    (void)state;
    make_solid("images/early.png", rgb(0, 160, 0));
    orl_scene s = solid_scene("early", "images/early.png");
    orl_ahead *pre = orl_ahead_start(fs, &s);
    assert_non_null(pre);
    assert_true(held_at_least(pre, 64u * 36u * 4u));
    orl_scene_renderer_desc desc = {.renderer = renderer, .fs = fs, .software = 1};
    orl_scene_renderer *r = orl_scene_renderer_create(&desc);
    assert_non_null(r);
    orl_scene_renderer_adopt(r, pre);
    remove_image("images/early.png");
    orl_diags d = {0};
    draw(r, &s, 0, NULL, &d);
    assert_int_equal(d.n, 0);
    assert_int_equal(px(OUT_W / 2, OUT_H / 2), rgb(0, 160, 0));
    assert_true(r->bytes >= 64u * 36u * 4u); /* now in the cache, no longer held ahead */
    assert_int_equal(orl_ahead__held(r->ahead), 0);
    orl_diags_free(&d);
    /* without it, the same scene now finds no picture */
    orl_scene_renderer *r2 = orl_scene_renderer_create(&desc);
    draw(r2, &s, 0, NULL, &d);
    assert_int_equal(has_code(&d, "image-missing"), 1);
    orl_diags_free(&d);
    orl_scene_renderer_free(r2);

    /* a missing picture: found missing on the thread, reported at the first draw, once */
    orl_scene m = solid_scene("missing", "images/never.png");
    pre = orl_ahead_start(fs, &m);
    assert_non_null(pre);
    orl_scene_renderer_flush(r);
    orl_scene_renderer_adopt(r, pre);
    draw(r, &m, 0, NULL, &d);
    draw(r, &m, 1, NULL, &d);
    assert_int_equal(d.n, 1);
    assert_string_equal(d.items[0].code, "image-missing");
    assert_int_equal(r->bytes, 0);
    orl_diags_free(&d);
    orl_scene_renderer_free(r);

    /* freed without being adopted (the window never opened), adopted by no renderer, and by
     * a renderer of other files */
    orl_scene t = solid_scene("t", "images/red.png");
    orl_ahead_free(orl_ahead_start(fs, &t));
    orl_scene_renderer_adopt(NULL, orl_ahead_start(fs, &t));
    orl_scene_renderer_desc other = {.renderer = renderer, .fs = NULL, .software = 1};
    orl_scene_renderer *r3 = orl_scene_renderer_create(&other);
    orl_scene_renderer_adopt(r3, orl_ahead_start(fs, &t));
    assert_null(r3->ahead);
    orl_scene_renderer_free(r3);
    /* nothing to decode */
    orl_scene none;
    memset(&none, 0, sizeof none);
    none.id = "none";
    assert_null(orl_ahead_start(fs, &none));
    assert_null(orl_ahead_start(NULL, &t));
}

/* The pictures of the scenes a reader may go to next are decoded on a thread: the next draw
 * takes them without decoding (here: without the file, which is gone by then). */
static void test_decode_ahead(void **state)
{
    (void)state;
    make_solid("images/next1.png", rgb(200, 30, 30));
    make_solid("images/next2.png", rgb(30, 30, 200));
    make_solid("images/gone.png", rgb(90, 90, 90));
    orl_scene a = solid_scene("a", "images/next1.png"), b = solid_scene("b", "images/next2.png"),
              c = solid_scene("c", "images/gone.png");
    orl_scene_renderer_desc desc = {.renderer = renderer, .fs = fs, .software = 1};
    orl_scene_renderer *r = orl_scene_renderer_create(&desc);
    const size_t one = 64u * 36u * 4u;

    const orl_scene *next[] = {&a, &b, &b};
    orl_scene_prefetch(r, next, 3);
    assert_non_null(r->ahead);
    assert_true(held_at_least(r->ahead, 2 * one));
    remove_image("images/next1.png");
    remove_image("images/next2.png");
    orl_diags d = {0};
    draw(r, &b, 0, NULL, &d);
    assert_int_equal(d.n, 0);
    assert_int_equal(px(OUT_W / 2, OUT_H / 2), rgb(30, 30, 200));
    draw(r, &a, 0, NULL, &d);
    assert_int_equal(d.n, 0);
    assert_int_equal(px(OUT_W / 2, OUT_H / 2), rgb(200, 30, 30));
    assert_int_equal(orl_ahead__held(r->ahead), 0);

    /* asked for, then no longer: what was decoded is dropped, not drawn */
    const orl_scene *other[] = {&c};
    orl_scene_prefetch(r, other, 1);
    assert_true(held_at_least(r->ahead, one));
    orl_scene_prefetch(r, NULL, 0);
    assert_int_equal(orl_ahead__held(r->ahead), 0);
    remove_image("images/gone.png");
    draw(r, &c, 0, NULL, &d);
    assert_int_equal(has_code(&d, "image-missing"), 1);
    orl_diags_free(&d);

    /* a picture that cannot be decoded: the reason travels with it, reported once when drawn */
    write_file("images/broken.png", "\x89PNG\r\n\x1a\n not really", 20);
    orl_scene bad = solid_scene("bad", "images/broken.png");
    const orl_scene *badl[] = {&bad};
    orl_scene_prefetch(r, badl, 1);
    draw(r, &bad, 0, NULL, &d);
    draw(r, &bad, 1, NULL, &d);
    assert_int_equal(d.n, 1);
    assert_int_equal(d.items[0].sev, ORL_ERROR);
    orl_diags_free(&d);
    orl_scene_renderer_free(r);

    /* with no room in the budget, nothing is decoded ahead, and drawing still works */
    orl_scene_renderer_desc tiny = {.renderer = renderer, .fs = fs, .software = 1, .texture_budget = 1};
    r = orl_scene_renderer_create(&tiny);
    orl_scene t = solid_scene("t", "images/red.png");
    const orl_scene *tl[] = {&t};
    orl_scene_prefetch(r, tl, 1);
    SDL_Delay(50);
    assert_int_equal(orl_ahead__held(r->ahead), 0);
    draw(r, &t, 0, NULL, &d);
    assert_int_equal(d.n, 0);
    assert_int_equal(px(OUT_W / 2, OUT_H / 2), rgb(200, 0, 0));
    orl_scene_renderer_free(r);

    /* drawn as textures (the SDL path): a picture decoded ahead for it gives the same frame */
    make_solid("images/tex.png", rgb(20, 180, 90));
    orl_scene x = solid_scene("x", "images/tex.png");
    const orl_scene *xl[] = {&x};
    orl_scene_prefetch(sr_sdl, xl, 1);
    assert_true(held_at_least(sr_sdl->ahead, one));
    remove_image("images/tex.png");
    draw(sr_sdl, &x, 0, NULL, &d);
    assert_int_equal(d.n, 0);
    assert_int_equal(px(OUT_W / 2, OUT_H / 2), rgb(20, 180, 90));
    orl_scene_prefetch(sr_sdl, NULL, 0);
}

static void test_cache_budget(void **state)
{
    (void)state;
    orl_scene_renderer_desc desc = {.renderer = renderer, .fs = fs, .software = 1,
                                    .texture_budget = 10u * 1024u * 1024u};
    orl_scene_renderer *small = orl_scene_renderer_create(&desc);
    assert_non_null(small);
    orl_scene s = layered_scene(); /* three 8 MB layers: over the budget, all kept while drawn */
    draw(small, &s, 0, NULL, NULL);
    assert_true(small->bytes > desc.texture_budget);
    orl_scene t = solid_scene("t", "images/red.png");
    draw(small, &t, 0, NULL, NULL); /* now the layers go */
    assert_true(small->bytes <= desc.texture_budget);
    draw(small, &s, 0, NULL, NULL); /* and come back */
    float x, y;
    assert_true(centroid(is_red_marker, &x, &y));
    const orl_scene *next[] = {&s};
    orl_scene_prefetch(small, next, 1); /* all in the cache: nothing to decode ahead */
    SDL_Delay(50);
    assert_int_equal(orl_ahead__held(small->ahead), 0);
    orl_scene_renderer_flush(small);
    orl_scene_prefetch(small, next, 1); /* the thread stops once it holds its share */
    assert_true(held_at_least(small->ahead, 1));
    SDL_Delay(100);
    assert_true(orl_ahead__held(small->ahead) < 2 * 1920u * 1080u * 4u);
    orl_scene_renderer_flush(small);
    assert_int_equal(orl_ahead__held(small->ahead), 0);
    assert_int_equal(small->bytes, 0);
    orl_scene_renderer_free(small);
    assert_null(orl_scene_renderer_create(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_layers_parallax),
        cmocka_unit_test(test_layers_cover),
        cmocka_unit_test(test_layers_sdl_path_agrees),
        cmocka_unit_test(test_layers_subpixel),
        cmocka_unit_test(test_still_scene),
        cmocka_unit_test(test_panorama_directions),
        cmocka_unit_test(test_panorama_project),
        cmocka_unit_test(test_panorama_too_large),
        cmocka_unit_test(test_bad_images),
        cmocka_unit_test(test_probe_headers),
        cmocka_unit_test(test_transitions),
        cmocka_unit_test(test_cache_budget),
        cmocka_unit_test(test_preload),
        cmocka_unit_test(test_decode_ahead),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
