/* 360° panoramas: an equirectangular picture seen from its centre, under a look (yaw to the
 * right, pitch up, horizontal field of view, in degrees; yaw 0 is the middle of the picture).
 *
 * Drawn by our own sampler on every renderer (through SDL_RenderGeometry a sphere costs
 * ~12 ns a pixel on the software renderer, 25-28 ms a frame): the direction of every 16th
 * pixel is worked out exactly (a grid of rays for this field of view, turned by yaw and pitch,
 * then longitude and latitude), the picture position in between is interpolated, except in
 * the blocks where that would be off by more than a third of a texel (near the poles), which
 * are done exactly pixel by pixel. Each pixel is a bilinear sample; rows are split across
 * the cores. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "render/scene_private.h"
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define G 16        /* grid step in frame pixels */
#define FIX 12      /* fixed point bits of texel positions */
#define PI_F 3.14159265358979f

typedef struct pano_job {
    const SDL_Surface *tex;
    int tw, th;
    int w, h;                 /* frame */
    uint32_t *px;
    int pitch;                /* pixels */
    /* ray of frame pixel (x, y): ((x + 0.5) * ax + bx, (y + 0.5) * ay + by, 1) */
    float ax, bx, ay, by;
    float m[9];               /* camera to world */
    int gw, gh;               /* grid nodes */
    float *nu, *nv;           /* texel position at each node */
    unsigned char *exact;     /* per block: 1 = sample every pixel exactly */
} pano_job;

/* Texel position (u unwrapped to [-0.5, tw - 0.5), v clamped) of the direction through frame
 * position (x, y) (pixel units, centres at +0.5). */
static void texel_at(const pano_job *j, float x, float y, float *u, float *v)
{
    float cx = x * j->ax + j->bx, cy = y * j->ay + j->by;
    const float *m = j->m;
    float X = m[0] * cx + m[1] * cy + m[2];
    float Y = m[3] * cx + m[4] * cy + m[5];
    float Z = m[6] * cx + m[7] * cy + m[8];
    float lon = atan2f(X, Z), lat = atan2f(Y, sqrtf(X * X + Z * Z));
    *u = (0.5f + lon / (2 * PI_F)) * (float)j->tw - 0.5f;
    float vv = (0.5f - lat / PI_F) * (float)j->th - 0.5f;
    *v = vv < 0 ? 0 : vv > (float)(j->th - 1) ? (float)(j->th - 1) : vv;
}

#if defined(__SSE2__)
/* Bilinear sample of four texels with SSE2: 16-bit lanes, two pixels per register. */
static inline uint32_t bilerp(uint32_t p00, uint32_t p01, uint32_t p10, uint32_t p11, uint32_t wx,
                              uint32_t wy)
{
    const __m128i z = _mm_setzero_si128();
    __m128i top = _mm_unpacklo_epi8(_mm_unpacklo_epi32(_mm_cvtsi32_si128((int)p00), _mm_cvtsi32_si128((int)p01)), z);
    __m128i bot = _mm_unpacklo_epi8(_mm_unpacklo_epi32(_mm_cvtsi32_si128((int)p10), _mm_cvtsi32_si128((int)p11)), z);
    __m128i v = _mm_add_epi16(_mm_mullo_epi16(top, _mm_set1_epi16((short)(256 - wy))),
                              _mm_mullo_epi16(bot, _mm_set1_epi16((short)wy)));
    v = _mm_srli_epi16(v, 8);
    __m128i h = _mm_mullo_epi16(v, _mm_unpacklo_epi64(_mm_set1_epi16((short)(256 - wx)), _mm_set1_epi16((short)wx)));
    h = _mm_srli_epi16(_mm_add_epi16(h, _mm_srli_si128(h, 8)), 8);
    return (uint32_t)_mm_cvtsi128_si32(_mm_packus_epi16(h, h));
}
#else
static inline uint32_t lerp32(uint32_t a, uint32_t b, uint32_t f)
{
    uint32_t g = 256 - f;
    uint32_t rb = (((a & 0x00ff00ffu) * g + (b & 0x00ff00ffu) * f) >> 8) & 0x00ff00ffu;
    uint32_t ag = (((a >> 8) & 0x00ff00ffu) * g + ((b >> 8) & 0x00ff00ffu) * f) & 0xff00ff00u;
    return rb | ag;
}

static inline uint32_t bilerp(uint32_t p00, uint32_t p01, uint32_t p10, uint32_t p11, uint32_t wx,
                              uint32_t wy)
{
    return lerp32(lerp32(p00, p01, wx), lerp32(p10, p11, wx), wy);
}
#endif

static inline uint32_t sample(const pano_job *j, int32_t U, int32_t V)
{
    int tw = j->tw;
    int x0 = U >> FIX;
    while (x0 >= tw) x0 -= tw;
    int x1 = x0 + 1 == tw ? 0 : x0 + 1;
    int y0 = V >> FIX, y1 = y0 + 1 < j->th ? y0 + 1 : y0;
    uint32_t wx = (uint32_t)(U >> (FIX - 8)) & 255u, wy = (uint32_t)(V >> (FIX - 8)) & 255u;
    const unsigned char *base = j->tex->pixels;
    const uint32_t *r0 = (const uint32_t *)(base + (size_t)y0 * (size_t)j->tex->pitch);
    const uint32_t *r1 = (const uint32_t *)(base + (size_t)y1 * (size_t)j->tex->pitch);
    return bilerp(r0[x0], r0[x1], r1[x0], r1[x1], wx, wy) | 0xff000000u;
}

/* u (unwrapped anywhere in (-tw, 2tw)) to the fixed point used by sample(): always >= 0 */
static inline int32_t fix_u(float u, int tw) { return (int32_t)((u + (float)tw) * (1 << FIX)); }
static inline int32_t fix_v(float v) { return (int32_t)(v * (1 << FIX)); }

static float unwrap(float u, float ref, int tw)
{
    float half = 0.5f * (float)tw;
    if (u - ref > half) return u - (float)tw;
    if (ref - u > half) return u + (float)tw;
    return u;
}

/* Draws block rows [b0, b1): tile by tile, so the texels of one tile stay in the cache. */
static void pano_rows(void *ctx, int part, int b0, int b1)
{
    (void)part;
    const pano_job *j = ctx;
    int tw = j->tw;
    int bw = j->gw - 1;
    for (int by = b0; by < b1; by++) {
        int ya = by * G, yb = ya + G < j->h ? ya + G : j->h;
        const float *u0 = j->nu + (size_t)by * (size_t)j->gw, *u1 = u0 + j->gw;
        const float *v0 = j->nv + (size_t)by * (size_t)j->gw, *v1 = v0 + j->gw;
        for (int bx = 0; bx < bw; bx++) {
            int xa = bx * G, xb = xa + G < j->w ? xa + G : j->w;
            if (j->exact[(size_t)by * (size_t)bw + (size_t)bx]) {
                for (int y = ya; y < yb; y++) {
                    uint32_t *dst = j->px + (size_t)y * (size_t)j->pitch;
                    for (int x = xa; x < xb; x++) {
                        float u, v;
                        texel_at(j, (float)x + 0.5f, (float)y + 0.5f, &u, &v);
                        dst[x] = sample(j, fix_u(u, tw), fix_v(v));
                    }
                }
                continue;
            }
            /* the four corners, u unwrapped around the first */
            float r = u0[bx];
            float c01 = unwrap(u1[bx], r, tw), c10 = unwrap(u0[bx + 1], r, tw);
            float c11 = unwrap(u1[bx + 1], r, tw);
            for (int y = ya; y < yb; y++) {
                float ty = (float)(y - ya) / G;
                float ua = r + (c01 - r) * ty, ub = c10 + (c11 - c10) * ty;
                float va = v0[bx] + (v1[bx] - v0[bx]) * ty;
                float vb = v0[bx + 1] + (v1[bx + 1] - v0[bx + 1]) * ty;
                int32_t U = fix_u(ua, tw), V = fix_v(va);
                int32_t dU = (fix_u(ub, tw) - U) / G, dV = (fix_v(vb) - V) / G;
                uint32_t *dst = j->px + (size_t)y * (size_t)j->pitch;
                for (int x = xa; x < xb; x++, U += dU, V += dV) dst[x] = sample(j, U, V);
            }
        }
    }
}

static void make_rotation(const orl_look *look, float m[9])
{
    float Y = look->yaw * PI_F / 180.0f, P = look->pitch * PI_F / 180.0f;
    float sy = sinf(Y), cy = cosf(Y), sp = sinf(P), cp = cosf(P);
    /* world = Ry(yaw) * Rx(pitch) * camera, camera looking down +z, y up, x right */
    m[0] = cy;  m[1] = -sy * sp; m[2] = sy * cp;
    m[3] = 0;   m[4] = cp;       m[5] = sp;
    m[6] = -sy; m[7] = -cy * sp; m[8] = cy * cp;
}

/* Focal length in canvas pixels for a horizontal field of view. */
static float focal(float fov)
{
    if (!(fov >= 1.0f)) fov = fov < 1.0f ? 1.0f : 90.0f;
    if (fov > 170.0f) fov = 170.0f;
    return 0.5f * ORL_CANVAS_W / tanf(fov * PI_F / 360.0f);
}

void orl_compose__panorama(orl_scene_renderer *sr, const orl_scene_view *v, uint32_t *px, int pitch,
                           int w, int h)
{
    pano_job j;
    memset(&j, 0, sizeof j);
    j.tex = v->pano->pixels;
    j.tw = v->pano->w;
    j.th = v->pano->h;
    j.w = w;
    j.h = h;
    j.px = px;
    j.pitch = pitch / 4;
    float F = focal(v->look.fov);
    j.ax = (float)ORL_CANVAS_W / (float)w / F;
    j.bx = -0.5f * ORL_CANVAS_W / F;
    j.ay = -(float)ORL_CANVAS_H / (float)h / F;
    j.by = 0.5f * ORL_CANVAS_H / F;
    make_rotation(&v->look, j.m);
    j.gw = (w + G - 1) / G + 1;
    j.gh = (h + G - 1) / G + 1;
    size_t nodes = (size_t)j.gw * (size_t)j.gh, blocks = (size_t)(j.gw - 1) * (size_t)(j.gh - 1);
    j.nu = malloc(sizeof(float) * nodes * 2);
    j.exact = malloc(blocks ? blocks : 1);
    if (!j.nu || !j.exact || !j.tex) {
        free(j.nu);
        free(j.exact);
        for (int y = 0; y < h; y++) memset((unsigned char *)px + (size_t)y * (size_t)pitch, 0, (size_t)w * 4);
        return;
    }
    j.nv = j.nu + nodes;
    for (int gy = 0; gy < j.gh; gy++)
        for (int gx = 0; gx < j.gw; gx++) {
            size_t i = (size_t)gy * (size_t)j.gw + (size_t)gx;
            texel_at(&j, (float)(gx * G) + 0.5f, (float)(gy * G) + 0.5f, &j.nu[i], &j.nv[i]);
        }
    /* blocks where interpolating is not good enough: compare at the centre */
    int bw = j.gw - 1;
    for (int by = 0; by < j.gh - 1; by++)
        for (int bx = 0; bx < bw; bx++) {
            size_t i = (size_t)by * (size_t)j.gw + (size_t)bx;
            float r = j.nu[i];
            float um = 0.25f * (r + unwrap(j.nu[i + 1], r, j.tw) + unwrap(j.nu[i + j.gw], r, j.tw) +
                                unwrap(j.nu[i + j.gw + 1], r, j.tw));
            float vm = 0.25f * (j.nv[i] + j.nv[i + 1] + j.nv[i + j.gw] + j.nv[i + j.gw + 1]);
            float uc, vc;
            texel_at(&j, (float)(bx * G + G / 2) + 0.5f, (float)(by * G + G / 2) + 0.5f, &uc, &vc);
            float du = fabsf(unwrap(uc, um, j.tw) - um), dv = fabsf(vc - vm);
            j.exact[(size_t)by * (size_t)bw + (size_t)bx] = du > 0.33f || dv > 0.33f;
        }
    orl_workers__run(sr->workers, pano_rows, &j, j.gh - 1);
    free(j.nu);
    free(j.exact);
}

int orl_panorama_project(const orl_look *look, float yaw, float pitch, float *x, float *y)
{
    orl_look l = look ? *look : (orl_look){0, 0, 90};
    float m[9];
    make_rotation(&l, m);
    float Yw = yaw * PI_F / 180.0f, Pw = pitch * PI_F / 180.0f;
    float X = sinf(Yw) * cosf(Pw), Y = sinf(Pw), Z = cosf(Yw) * cosf(Pw);
    /* camera = transpose(m) * world */
    float cx = m[0] * X + m[3] * Y + m[6] * Z;
    float cy = m[1] * X + m[4] * Y + m[7] * Z;
    float cz = m[2] * X + m[5] * Y + m[8] * Z;
    if (!(cz > 1e-4f)) return 0;
    float F = focal(l.fov);
    float sx = 0.5f * ORL_CANVAS_W + F * cx / cz, sy = 0.5f * ORL_CANVAS_H - F * cy / cz;
    if (x) *x = sx;
    if (y) *y = sy;
    return sx >= 0 && sx <= ORL_CANVAS_W && sy >= 0 && sy <= ORL_CANVAS_H;
}
