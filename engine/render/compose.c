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
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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
    const SDL_Surface *s;     /* the level of the picture drawn: full size or smaller */
    const uint16_t *spans;
    int iw, ih;
    int cx0, cx1, cy0, cy1;   /* frame pixels it touches */
    float x0, sx;             /* texel column = (px + 0.5 - x0) * sx - 0.5 */
    int copy;                 /* columns map 1:1 onto whole texels (no filtering across) */
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

/* tmp[x] = r0[x] + (r1[x] - r0[x]) * wy / 256 for x in [a, b) */
static void vlerp(uint32_t *tmp, const uint32_t *r0, const uint32_t *r1, int a, int b, uint32_t wy)
{
    int x = a;
#if defined(__SSE2__)
    const __m128i z = _mm_setzero_si128();
    const __m128i w1 = _mm_set1_epi16((short)wy), w0 = _mm_set1_epi16((short)(256 - wy));
    for (; x + 4 <= b; x += 4) {
        __m128i p = _mm_loadu_si128((const __m128i *)(r0 + x)), q = _mm_loadu_si128((const __m128i *)(r1 + x));
        __m128i lo = _mm_add_epi16(_mm_mullo_epi16(_mm_unpacklo_epi8(p, z), w0), _mm_mullo_epi16(_mm_unpacklo_epi8(q, z), w1));
        __m128i hi = _mm_add_epi16(_mm_mullo_epi16(_mm_unpackhi_epi8(p, z), w0), _mm_mullo_epi16(_mm_unpackhi_epi8(q, z), w1));
        _mm_storeu_si128((__m128i *)(tmp + x), _mm_packus_epi16(_mm_srli_epi16(lo, 8), _mm_srli_epi16(hi, 8)));
    }
#endif
    for (; x < b; x++) tmp[x] = lerp32(r0[x], r1[x], wy);
}

static void draw_item_row(const cpu_item *it, uint32_t *dst, int py, uint32_t *tmp)
{
    const orl_image *im = it->img;
    const SDL_Surface *s = it->s;
    int iw = it->iw, ih = it->ih;
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
    if (!im->opaque && it->spans) {
        int f0 = it->spans[2 * y0], l0 = it->spans[2 * y0 + 1];
        int f1 = it->spans[2 * y1], l1 = it->spans[2 * y1 + 1];
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
    if (it->copy && wy == 0 && im->opaque) { /* whole pixels, no scaling: a plain copy */
        memcpy(dst + it->cx0 + ca, r0 + xi[ca], sizeof *dst * (size_t)(cb - ca));
        return;
    }
    if (wy) vlerp(tmp, r0, r1, ta, tb + 1, wy);
    else memcpy(tmp + ta, r0 + ta, sizeof *tmp * (size_t)(tb - ta + 1));
    tmp[tb + 1] = tmp[tb];
    dst += it->cx0;
    int c = ca;
#if defined(__SSE2__)
    const __m128i z = _mm_setzero_si128(), k256 = _mm_set1_epi16(256);
    for (; c + 2 <= cb; c += 2) {
        /* two output pixels: A = their left texels, B = their right texels, W = weights */
        __m128i q0 = _mm_unpacklo_epi8(_mm_loadl_epi64((const __m128i *)(tmp + xi[c])), z);
        __m128i q1 = _mm_unpacklo_epi8(_mm_loadl_epi64((const __m128i *)(tmp + xi[c + 1])), z);
        __m128i A = _mm_unpacklo_epi64(q0, q1), B = _mm_unpackhi_epi64(q0, q1);
        __m128i W = _mm_cvtsi32_si128((int)((uint32_t)xw[c] | (uint32_t)xw[c + 1] << 16));
        W = _mm_unpacklo_epi16(W, W);
        W = _mm_unpacklo_epi32(W, W);
        __m128i S = _mm_add_epi16(_mm_mullo_epi16(A, _mm_sub_epi16(k256, W)), _mm_mullo_epi16(B, W));
        S = _mm_srli_epi16(S, 8);
        if (im->opaque) {
            _mm_storel_epi64((__m128i *)(dst + c), _mm_packus_epi16(S, S));
            continue;
        }
        __m128i P = _mm_packus_epi16(S, S);
        uint64_t pp = (uint64_t)_mm_cvtsi128_si64(P);
        if (pp == 0) continue;                                    /* both transparent */
        if ((pp & 0xff000000ff000000ull) == 0xff000000ff000000ull) { /* both opaque */
            _mm_storel_epi64((__m128i *)(dst + c), P);
            continue;
        }
        __m128i a = _mm_shufflehi_epi16(_mm_shufflelo_epi16(S, 0xff), 0xff);
        __m128i ia = _mm_sub_epi16(k256, _mm_add_epi16(a, _mm_srli_epi16(a, 7)));
        __m128i D = _mm_unpacklo_epi8(_mm_loadl_epi64((const __m128i *)(dst + c)), z);
        D = _mm_srli_epi16(_mm_mullo_epi16(D, ia), 8);
        _mm_storel_epi64((__m128i *)(dst + c), _mm_packus_epi16(_mm_add_epi16(S, D), z));
    }
#endif
    if (im->opaque) {
        for (; c < cb; c++) {
            int i = xi[c];
            dst[c] = lerp32(tmp[i], tmp[i + 1], xw[c]) | 0xff000000u;
        }
    } else {
        for (; c < cb; c++) {
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
        orl_image *im = pi->img;
        if (!im->pixels || im->w < 1 || im->h < 1) continue;
        float X0 = pi->x0 * fx, X1 = pi->x1 * fx, Y0 = pi->y0 * fy, Y1 = pi->y1 * fy;
        if (!(X1 > X0 && Y1 > Y0)) continue;
        cpu_item *it = &job.items[job.n];
        it->img = im;
        /* drawn at less than half size: a smaller copy, so nothing shimmers (no mipmaps
         * otherwise: bilinear alone skips texels and edges move in steps) */
        float shrink = fmaxf((float)im->w / (X1 - X0), (float)im->h / (Y1 - Y0));
        int level = 0;
        while (shrink >= 1.5f * (float)(1 << level) && level < ORL_MIP_LEVELS) level++;
        SDL_Surface *ls;
        const uint16_t *lsp;
        orl_image__level(sr, im, level, &ls, &lsp);
        it->s = ls;
        it->spans = lsp;
        it->iw = ls->w;
        it->ih = ls->h;
        it->cx0 = X0 > 0 ? (int)floorf(X0) : 0;
        it->cx1 = X1 < (float)w ? (int)ceilf(X1) : w;
        it->cy0 = Y0 > 0 ? (int)floorf(Y0) : 0;
        it->cy1 = Y1 < (float)h ? (int)ceilf(Y1) : h;
        if (it->cx0 >= it->cx1 || it->cy0 >= it->cy1) continue;
        it->x0 = X0;
        it->sx = (float)it->iw / (X1 - X0);
        it->y0 = Y0;
        it->sy = (float)it->ih / (Y1 - Y0);
        /* where the column maps are: filled below, once the total is known */
        it->cols.xi = (int32_t *)(uintptr_t)ncols;
        ncols += (size_t)(it->cx1 - it->cx0);
        if (it->iw > maxw) maxw = it->iw;
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
        int iw = it->iw;
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
        it->copy = 1;
        for (int c = 1; c < it->cx1 - it->cx0 && it->copy; c++)
            it->copy = it->cols.xw[c] == 0 && it->cols.xi[c] == it->cols.xi[c - 1] + 1;
        if (it->cols.xw[0] != 0) it->copy = 0;
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

orl_frame *orl_frame__get(orl_scene_renderer *sr, const orl_scene_view *v)
{
    int w, h;
    orl_frame__size(sr, &w, &h);
    orl_frame *f = NULL;
    for (int i = 0; i < ORL_FRAMES; i++) {
        orl_frame *c = &sr->frames[i];
        if (c->valid && c->w == w && c->h == h && c->gen == sr->gen && same_view(&c->key, v)) {
            c->used = sr->frame;
            return c;
        }
    }
    /* the least recently used frame, but not one already showing something this frame */
    for (int i = 0; i < ORL_FRAMES; i++) {
        orl_frame *c = &sr->frames[i];
        if (c->used == sr->frame && c->valid) continue;
        if (!f || c->used < f->used) f = c;
    }
    if (!f) f = &sr->frames[0];
    f->valid = 0;
    f->serial = ++sr->serials; /* whatever texture held it, holds something else now */
    if (f->w != w || f->h != h || !f->buf) {
        free(f->buf);
        f->buf = malloc(sizeof *f->buf * (size_t)w * (size_t)h);
        if (!f->buf) return NULL;
        f->w = w;
        f->h = h;
    }
    if (v->panorama) orl_compose__panorama(sr, v, f->buf, w * 4, w, h);
    else orl_compose__layers(sr, v, f->buf, w * 4, w, h);
    f->key = *v;
    f->valid = 1;
    f->gen = sr->gen;
    f->used = sr->frame;
    return f;
}

/* A frame texture of w x h for this draw call: the one holding `f` when one does (*fresh = 0),
 * else the least recently shown one not already shown in this draw call (*fresh = 1). */
static orl_frame_texture *frame_texture(orl_scene_renderer *sr, const orl_frame *f, int w, int h, int *fresh)
{
    orl_frame_texture *t = NULL;
    *fresh = 0;
    for (int i = 0; f && i < ORL_FRAME_TEXTURES; i++) {
        orl_frame_texture *c = &sr->ftex[i];
        if (c->tex && c->holds == f && c->serial == f->serial && c->w == w && c->h == h) {
            c->used = sr->frame;
            return c;
        }
    }
    /* an existing texture first (a second one is made only for a draw call that needs two) */
    for (int i = 0; i < ORL_FRAME_TEXTURES; i++) {
        orl_frame_texture *c = &sr->ftex[i];
        if (!c->tex || c->used == sr->frame) continue;
        if (!t || c->used < t->used) t = c;
    }
    for (int i = 0; !t && i < ORL_FRAME_TEXTURES; i++)
        if (!sr->ftex[i].tex) t = &sr->ftex[i];
    if (!t) return NULL;
    *fresh = 1;
    t->holds = NULL;
    if (t->tex && (t->w != w || t->h != h)) {
        SDL_DestroyTexture(t->tex);
        t->tex = NULL;
    }
    if (!t->tex) {
        t->tex = SDL_CreateTexture(sr->r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STREAMING, w, h);
        if (!t->tex) return NULL;
        SDL_SetTextureBlendMode(t->tex, SDL_BLENDMODE_NONE);
        SDL_SetTextureScaleMode(t->tex, SDL_ScaleModeLinear);
        t->w = w;
        t->h = h;
    }
    t->used = sr->frame;
    return t;
}

SDL_Texture *orl_frame__texture(orl_scene_renderer *sr, orl_frame *f)
{
    if (!f || !f->buf) return NULL;
    int fresh;
    orl_frame_texture *t = frame_texture(sr, f, f->w, f->h, &fresh);
    if (!t) return NULL;
    if (fresh) {
        if (SDL_UpdateTexture(t->tex, NULL, f->buf, f->w * 4) != 0) return NULL;
        t->holds = f;
        t->serial = f->serial;
    }
    return t->tex;
}

typedef struct mix_job {
    const uint32_t *a, *b;
    uint32_t *dst;
    int w, pitch; /* dst pitch in pixels */
    uint32_t alpha;
} mix_job;

static void mix_rows(void *ctx, int part, int y0, int y1)
{
    (void)part;
    const mix_job *m = ctx;
    for (int y = y0; y < y1; y++) {
        const uint32_t *a = m->a + (size_t)y * (size_t)m->w;
        uint32_t *d = m->dst + (size_t)y * (size_t)m->pitch;
        if (m->b) {
            const uint32_t *b = m->b + (size_t)y * (size_t)m->w;
            for (int x = 0; x < m->w; x++) d[x] = lerp32(a[x], b[x], m->alpha) | 0xff000000u;
        } else {
            for (int x = 0; x < m->w; x++) d[x] = lerp32(a[x], 0, m->alpha) | 0xff000000u;
        }
    }
}

int orl_frame__draw_mix(orl_scene_renderer *sr, const orl_frame *a, const orl_frame *b, int alpha)
{
    if (!a || !a->buf || (b && (!b->buf || b->w != a->w || b->h != a->h))) return -1;
    int fresh;
    orl_frame_texture *t = frame_texture(sr, NULL, a->w, a->h, &fresh);
    if (!t) return -1;
    void *pixels;
    int pitch;
    if (SDL_LockTexture(t->tex, NULL, &pixels, &pitch) != 0) return -1;
    mix_job m = {a->buf, b ? b->buf : NULL, pixels, a->w, pitch / 4,
                 (uint32_t)(alpha < 0 ? 0 : alpha > 256 ? 256 : alpha)};
    orl_workers__run(sr->workers, mix_rows, &m, a->h);
    SDL_UnlockTexture(t->tex);
    SDL_Rect canvas = {0, 0, ORL_CANVAS_W, ORL_CANVAS_H};
    return SDL_RenderCopy(sr->r, t->tex, NULL, &canvas);
}
