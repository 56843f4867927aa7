/* CPU drawing of layered views into a streaming texture.
 *
 * SDL's software renderer places textures on whole pixels (a slow camera move then steps
 * one pixel every few frames: judder) and its triangle path is slow. So on that renderer
 * the layers are drawn here: each picture (premultiplied ARGB) is resampled bilinearly at
 * its exact sub-pixel place, rows split across the cores, then the frame is copied 1:1.
 * A frame is kept with the view it shows, so a scene that does not move costs one copy. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "render/scene_private.h"

/* a + (b - a) * f / 256 on each of the four 8-bit channels; f in 0..256 */
static inline uint32_t lerp32(uint32_t a, uint32_t b, uint32_t f)
{
    uint32_t g = 256 - f;
    uint32_t rb = (((a & 0x00ff00ffu) * g + (b & 0x00ff00ffu) * f) >> 8) & 0x00ff00ffu;
    uint32_t ag = (((a >> 8) & 0x00ff00ffu) * g + ((b >> 8) & 0x00ff00ffu) * f) & 0xff00ff00u;
    return rb | ag;
}

/* premultiplied src over dst */
static inline uint32_t over(uint32_t s, uint32_t d)
{
    uint32_t a = s >> 24, ia = 256 - (a + (a >> 7));
    uint32_t rb = (((d & 0x00ff00ffu) * ia) >> 8) & 0x00ff00ffu;
    uint32_t ag = (((d >> 8) & 0x00ff00ffu) * ia) & 0xff00ff00u;
    return s + (rb | ag);
}

typedef struct col_map {
    int32_t *xi;   /* texel column of each frame column in [cx0, cx1) */
    uint16_t *xw;  /* weight of the next texel, 0..256 */
} col_map;

typedef struct cpu_item {
    const orl_image *img;
    int cx0, cx1, cy0, cy1;   /* frame pixels it touches */
    float x0, sx;             /* texel column = (px + 0.5 - x0) * sx - 0.5 */
    float y0, sy;             /* texel row = (py + 0.5 - y0) * sy - 0.5 */
    col_map cols;
} cpu_item;

typedef struct compose_job {
    orl_scene_renderer *sr;
    cpu_item items[ORL_PLAN_MAX];
    int n;
    uint32_t *px;
    int pitch; /* in pixels */
    int w;
} compose_job;

/* First index in xi[0..n) whose value is >= v (xi is non-decreasing). */
static int lower_bound(const int32_t *xi, int n, int32_t v)
{
    int lo = 0, hi = n;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (xi[mid] < v) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

static void draw_item_row(const cpu_item *it, uint32_t *dst, int py, uint32_t *tmp)
{
    const orl_image *im = it->img;
    const SDL_Surface *s = im->pixels;
    int iw = im->w, ih = im->h;
    float v = ((float)py + 0.5f - it->y0) * it->sy - 0.5f;
    int y0, y1;
    uint32_t wy;
    if (v <= 0) {
        y0 = y1 = 0;
        wy = 0;
    } else if (v >= (float)(ih - 1)) {
        y0 = y1 = ih - 1;
        wy = 0;
    } else {
        y0 = (int)v;
        y1 = y0 + 1;
        wy = (uint32_t)((v - (float)y0) * 256.0f + 0.5f);
        if (wy == 0) y1 = y0;
        else if (wy >= 256) { y0 = y1; wy = 0; }
    }
    const uint32_t *r0 = (const uint32_t *)((const unsigned char *)s->pixels + (size_t)y0 * (size_t)s->pitch);
    const uint32_t *r1 = (const uint32_t *)((const unsigned char *)s->pixels + (size_t)y1 * (size_t)s->pitch);
    int ncols = it->cx1 - it->cx0;
    const int32_t *xi = it->cols.xi;
    const uint16_t *xw = it->cols.xw;
    /* the texels this row can see */
    int tf = 0, tl = iw; /* [tf, tl) */
    if (!im->opaque && im->spans) {
        int f0 = im->spans[2 * y0], l0 = im->spans[2 * y0 + 1];
        int f1 = im->spans[2 * y1], l1 = im->spans[2 * y1 + 1];
        if (f0 >= l0) { f0 = f1; l0 = l1; }
        if (f1 >= l1) { f1 = f0; l1 = l0; }
        if (f0 >= l0) return; /* both rows fully transparent */
        tf = f0 < f1 ? f0 : f1;
        tl = l0 > l1 ? l0 : l1;
    }
    /* frame columns whose two texels reach into [tf, tl) */
    int ca = lower_bound(xi, ncols, tf - 1), cb = lower_bound(xi, ncols, tl);
    if (ca >= cb) return;
    int ta = xi[ca], tb = xi[cb - 1] + 1; /* texels to blend vertically: [ta, tb] */
    if (tb > iw - 1) tb = iw - 1;
    if (wy) {
        for (int x = ta; x <= tb; x++) tmp[x] = lerp32(r0[x], r1[x], wy);
    } else {
        memcpy(tmp + ta, r0 + ta, sizeof *tmp * (size_t)(tb - ta + 1));
    }
    tmp[tb + 1] = tmp[tb];
    dst += it->cx0;
    if (im->opaque) {
        for (int c = ca; c < cb; c++) {
            int i = xi[c];
            dst[c] = lerp32(tmp[i], tmp[i + 1], xw[c]) | 0xff000000u;
        }
    } else {
        for (int c = ca; c < cb; c++) {
            int i = xi[c];
            uint32_t p = lerp32(tmp[i], tmp[i + 1], xw[c]);
            if (p >= 0xff000000u) dst[c] = p;
            else if (p) dst[c] = over(p, dst[c]);
        }
    }
}

static void compose_rows(void *ctx, int part, int y0, int y1)
{
    compose_job *job = ctx;
    uint32_t *tmp = job->sr->scratch[part];
    for (int y = y0; y < y1; y++) {
        uint32_t *dst = job->px + (size_t)y * (size_t)job->pitch;
        for (int i = 0; i < job->n; i++) {
            const cpu_item *it = &job->items[i];
            if (y >= it->cy0 && y < it->cy1) draw_item_row(it, dst, y, tmp);
        }
    }
}

void *orl_scene__scratch(orl_scene_renderer *sr, int part, size_t n)
{
    if (part < 0 || part >= 8) return NULL;
    if (sr->scratch_len[part] < n) {
        void *p = realloc(sr->scratch[part], n);
        if (!p) return NULL;
        sr->scratch[part] = p;
        sr->scratch_len[part] = n;
    }
    return sr->scratch[part];
}

void orl_compose__layers(orl_scene_renderer *sr, const orl_scene_view *v, uint32_t *px, int pitch,
                         int w, int h)
{
    compose_job job;
    memset(&job, 0, sizeof job);
    job.sr = sr;
    job.px = px;
    job.pitch = pitch / 4;
    job.w = w;
    const float fx = (float)w / ORL_CANVAS_W, fy = (float)h / ORL_CANVAS_H;
    int maxw = 1;
    size_t ncols = 0;
    for (int i = 0; i < v->n; i++) {
        const orl_plan_item *pi = &v->items[i];
        const orl_image *im = pi->img;
        if (!im->pixels || im->w < 1 || im->h < 1) continue;
        float X0 = pi->x0 * fx, X1 = pi->x1 * fx, Y0 = pi->y0 * fy, Y1 = pi->y1 * fy;
        if (!(X1 > X0 && Y1 > Y0)) continue;
        cpu_item *it = &job.items[job.n];
        it->img = im;
        it->cx0 = X0 > 0 ? (int)floorf(X0) : 0;
        it->cx1 = X1 < (float)w ? (int)ceilf(X1) : w;
        it->cy0 = Y0 > 0 ? (int)floorf(Y0) : 0;
        it->cy1 = Y1 < (float)h ? (int)ceilf(Y1) : h;
        if (it->cx0 >= it->cx1 || it->cy0 >= it->cy1) continue;
        it->x0 = X0;
        it->sx = (float)im->w / (X1 - X0);
        it->y0 = Y0;
        it->sy = (float)im->h / (Y1 - Y0);
        /* where the column maps are: filled below, once the total is known */
        it->cols.xi = (int32_t *)(uintptr_t)ncols;
        ncols += (size_t)(it->cx1 - it->cx0);
        if (im->w > maxw) maxw = im->w;
        job.n++;
    }
    /* one block for the column maps of every item */
    size_t bytes = ncols * (sizeof(int32_t) + sizeof(uint16_t));
    unsigned char *block = malloc(bytes ? bytes : 1);
    int parts = orl_workers__parts(sr->workers);
    int ok = block != NULL;
    for (int p = 0; p < parts && ok; p++)
        ok = orl_scene__scratch(sr, p, sizeof(uint32_t) * ((size_t)maxw + 2)) != NULL;
    if (!ok) {
        free(block);
        for (int y = 0; y < h; y++) memset((unsigned char *)px + (size_t)y * (size_t)pitch, 0, (size_t)w * 4);
        return;
    }
    int32_t *xis = (int32_t *)block;
    uint16_t *xws = (uint16_t *)(block + ncols * sizeof(int32_t));
    for (int i = 0; i < job.n; i++) {
        cpu_item *it = &job.items[i];
        size_t at = (size_t)(uintptr_t)it->cols.xi;
        it->cols.xi = xis + at;
        it->cols.xw = xws + at;
        int iw = it->img->w;
        for (int c = it->cx0; c < it->cx1; c++) {
            float u = ((float)c + 0.5f - it->x0) * it->sx - 0.5f;
            int32_t t;
            uint32_t wgt;
            if (u <= 0) {
                t = 0;
                wgt = 0;
            } else if (u >= (float)(iw - 1)) {
                t = iw - 1;
                wgt = 0;
            } else {
                t = (int32_t)u;
                wgt = (uint32_t)((u - (float)t) * 256.0f + 0.5f);
            }
            it->cols.xi[c - it->cx0] = t;
            it->cols.xw[c - it->cx0] = (uint16_t)wgt;
        }
    }
    /* rows the items leave uncovered (none, for a plan with an opaque base) start black */
    if (job.n == 0 || !job.items[0].img->opaque || job.items[0].cx0 > 0 || job.items[0].cy0 > 0 ||
        job.items[0].cx1 < w || job.items[0].cy1 < h)
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) px[(size_t)y * (size_t)job.pitch + (size_t)x] = 0xff000000u;
    orl_workers__run(sr->workers, compose_rows, &job, h);
    free(block);
}

/* ---------------------------------------------------------------------------------------
 * Frames */

void orl_frame__size(orl_scene_renderer *sr, int *w, int *h)
{
    float sx = 1, sy = 1;
    if (!SDL_GetRenderTarget(sr->r)) SDL_RenderGetScale(sr->r, &sx, &sy);
    int W = (int)lroundf(ORL_CANVAS_W * sx), H = (int)lroundf(ORL_CANVAS_H * sy);
    *w = W < 1 ? 1 : W > ORL_CANVAS_W ? ORL_CANVAS_W : W;
    *h = H < 1 ? 1 : H > ORL_CANVAS_H ? ORL_CANVAS_H : H;
}

static int same_view(const orl_scene_view *a, const orl_scene_view *b)
{
    if (a->panorama != b->panorama) return 0;
    if (a->panorama)
        return a->pano == b->pano && a->look.yaw == b->look.yaw &&
               a->look.pitch == b->look.pitch && a->look.fov == b->look.fov;
    if (a->n != b->n) return 0;
    for (int i = 0; i < a->n; i++) {
        const orl_plan_item *x = &a->items[i], *y = &b->items[i];
        if (x->img != y->img || x->x0 != y->x0 || x->y0 != y->y0 || x->x1 != y->x1 || x->y1 != y->y1)
            return 0;
    }
    return 1;
}

SDL_Texture *orl_frame__get(orl_scene_renderer *sr, const orl_scene_view *v)
{
    int w, h;
    orl_frame__size(sr, &w, &h);
    orl_frame *f = NULL;
    for (int i = 0; i < ORL_FRAMES; i++) {
        orl_frame *c = &sr->frames[i];
        if (c->valid && c->tex && c->w == w && c->h == h && c->gen == sr->gen && same_view(&c->key, v)) {
            c->used = sr->frame;
            return c->tex;
        }
    }
    /* the least recently used frame, but not one already showing something this frame */
    for (int i = 0; i < ORL_FRAMES; i++) {
        orl_frame *c = &sr->frames[i];
        if (c->used == sr->frame && c->valid) continue;
        if (!f || c->used < f->used) f = c;
    }
    if (!f) f = &sr->frames[0];
    if (f->tex && (f->w != w || f->h != h)) {
        SDL_DestroyTexture(f->tex);
        f->tex = NULL;
    }
    if (!f->tex) {
        f->tex = SDL_CreateTexture(sr->r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STREAMING, w, h);
        if (!f->tex) return NULL;
        SDL_SetTextureBlendMode(f->tex, SDL_BLENDMODE_NONE);
        SDL_SetTextureScaleMode(f->tex, SDL_ScaleModeLinear);
        f->w = w;
        f->h = h;
    }
    f->valid = 0;
    void *pixels;
    int pitch;
    if (SDL_LockTexture(f->tex, NULL, &pixels, &pitch) != 0) return NULL;
    if (v->panorama) orl_compose__panorama(sr, v, pixels, pitch, w, h);
    else orl_compose__layers(sr, v, pixels, pitch, w, h);
    SDL_UnlockTexture(f->tex);
    f->key = *v;
    f->valid = 1;
    f->gen = sr->gen;
    f->used = sr->frame;
    return f->tex;
}
