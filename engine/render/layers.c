/* 2.5D layers under a moving camera.
 *
 * The world: the camera starts at the origin (the scene's camera.from) looking down -z; a
 * layer of depth d is a plane at z = -d, centred on the axis, sized so that from the start
 * it covers the canvas exactly as a background would (cover-fit): at the start every layer
 * lines up as the author composed them, whatever their depths. The camera then moves by
 * (camera.to - camera.from), eased in and out (smoothstep) over camera.seconds: x to the
 * right, y up, z back (so a negative z walks into the picture). Nearer layers move more.
 *
 * No edge may show during the move: from the layers' sizes, depths and the two ends of the
 * move (the edges are furthest in at one end or the other, since the path is a line), the
 * whole picture is zoomed by the least factor k >= 1 that keeps every visible edge of every
 * layer off the canvas (a border of a layer that is fully transparent need not be hidden).
 * When that would be more than ORL_CAMERA_MAX_ZOOM, the zoom stays there and the layers that
 * still need more are enlarged on their own. The background, if any, is at infinity: it does
 * not move, and is zoomed by k like the rest. */
#include <math.h>
#include <string.h>
#include <cglm/cglm.h>
#include "core/limits.h"
#include "render/scene_private.h"

#define NEAR 0.02f /* a layer nearer than this (in depth units) is behind the viewer */

static float smooth(float u) { return u * u * (3.0f - 2.0f * u); }

/* Half extents in world units of a layer's picture at depth d (cover-fit from the start). */
static void layer_extent(const orl_image *im, float d, float *hw, float *hh)
{
    float W = ORL_CANVAS_W, H = ORL_CANVAS_H;
    float iw = im->w > 0 ? (float)im->w : W, ih = im->h > 0 ? (float)im->h : H;
    float c = fmaxf(W / iw, H / ih);
    *hw = iw * c * 0.5f / H * d;
    *hh = ih * c * 0.5f / H * d;
}

/* The zoom factor needed for one edge: the edge's half extent `ext` (world units) seen from
 * `dist` away, with the camera `off` towards it, must reach past `half` (half the canvas in
 * focal units: aspect/2 across, 1/2 up). 0 when it needs nothing; INFINITY when no zoom can. */
static float edge_zoom(float ext, float off, float half, float dist)
{
    float room = ext + off;
    if (room <= 0) return INFINITY;
    return half * dist / room;
}

static void add_item(orl_scene_view *v, orl_image *im, float x0, float y0, float x1, float y1)
{
    if (v->n >= ORL_PLAN_MAX || !im || im->failed) return;
    orl_plan_item *it = &v->items[v->n++];
    it->img = im;
    it->x0 = x0;
    it->y0 = y0;
    it->x1 = x1;
    it->y1 = y1;
}

static void add_cover(orl_scene_view *v, orl_image *im, float k)
{
    float W = ORL_CANVAS_W, H = ORL_CANVAS_H;
    float c = fmaxf(W / (float)im->w, H / (float)im->h) * k;
    float w = (float)im->w * c, h = (float)im->h * c;
    add_item(v, im, (W - w) * 0.5f, (H - h) * 0.5f, (W + w) * 0.5f, (H + h) * 0.5f);
}

void orl_sview__make(orl_scene_renderer *sr, const orl_scene *s, double t, const orl_look *look,
                     int need, orl_diags *diags, orl_scene_view *v)
{
    memset(v, 0, sizeof *v);
    orl_image *ph = orl_image__placeholder(sr, need);
    if (!s) {
        add_cover(v, ph, 1.0f);
        return;
    }
    if (s->panorama) {
        orl_image *pano = orl_image__get(sr, s->panorama, ORL_IMG_PIXELS, s->loc, diags);
        if (!pano->failed && pano->pixels) {
            v->panorama = 1;
            v->pano = pano;
            if (look) v->look = *look;
            else if (s->has_look) v->look = (orl_look){s->look[0], s->look[1], s->look[2]};
            else v->look = (orl_look){0, 0, 90};
            if (!(v->look.fov >= 1.0f)) v->look.fov = v->look.fov < 1.0f ? 1.0f : 90.0f; /* NaN too */
            if (v->look.fov > 170.0f) v->look.fov = 170.0f;
            if (!isfinite(v->look.yaw)) v->look.yaw = 0;
            if (!isfinite(v->look.pitch)) v->look.pitch = 0;
            return;
        }
        add_cover(v, ph, 1.0f);
        return;
    }

    /* The layers, back to front (farthest first; equal depths in the order written). */
    int order[ORL_MAX_LAYERS], n = 0;
    orl_image *imgs[ORL_MAX_LAYERS];
    for (int i = 0; i < s->nlayers && n < ORL_MAX_LAYERS; i++) {
        if (!s->layers[i].image || !(s->layers[i].depth > 0)) continue;
        orl_image *im = orl_image__get(sr, s->layers[i].image, need, s->layers[i].loc, diags);
        if (im->failed) continue;
        int j = n++;
        while (j > 0 && s->layers[order[j - 1]].depth < s->layers[i].depth) {
            order[j] = order[j - 1];
            imgs[j] = imgs[j - 1];
            j--;
        }
        order[j] = i;
        imgs[j] = im;
    }

    /* The camera now, and where its move ends. */
    float D[3] = {0, 0, 0}, o[3] = {0, 0, 0};
    if (s->camera.set) {
        for (int i = 0; i < 3; i++) {
            D[i] = s->camera.to[i] - s->camera.from[i];
            if (!isfinite(D[i])) D[i] = 0;
        }
        float secs = s->camera.seconds > 0 ? s->camera.seconds : 1.0f;
        float u = t > 0 ? (float)(t / secs) : 0.0f;
        if (!(u < 1.0f)) u = 1.0f;
        float e = smooth(u);
        for (int i = 0; i < 3; i++) o[i] = D[i] * e;
        v->moving = (D[0] != 0 || D[1] != 0 || D[2] != 0) && t < secs;
    }
    memcpy(v->cam, o, sizeof o);

    /* The zoom that hides every visible edge at both ends of the move. */
    const float half_x = 0.5f * ORL_CANVAS_W / ORL_CANVAS_H, half_y = 0.5f;
    float k = 1.0f, need_k = 1.0f;
    float kl[ORL_MAX_LAYERS];
    for (int j = 0; j < n; j++) {
        float d = s->layers[order[j]].depth, hw, hh;
        layer_extent(imgs[j], d, &hw, &hh);
        float dist = d + D[2], kk = 1.0f;
        int edges = imgs[j]->edges;
        if (dist > NEAR) {
            if (edges & ORL_EDGE_LEFT) kk = fmaxf(kk, edge_zoom(hw, D[0], half_x, dist));
            if (edges & ORL_EDGE_RIGHT) kk = fmaxf(kk, edge_zoom(hw, -D[0], half_x, dist));
            if (edges & ORL_EDGE_TOP) kk = fmaxf(kk, edge_zoom(hh, -D[1], half_y, dist));
            if (edges & ORL_EDGE_BOTTOM) kk = fmaxf(kk, edge_zoom(hh, D[1], half_y, dist));
        }
        kl[j] = kk;
        need_k = fmaxf(need_k, kk);
    }
    k = fminf(need_k, ORL_CAMERA_MAX_ZOOM);
    if (need_k > 1.3f)
        orl_scene__once(sr, diags, ORL_WARNING, s->loc, "camera-zoom", s->id ? s->id : "",
                        "scene \"%s\": the camera moves so far that the picture must be zoomed "
                        "%.1fx to hide the layers' edges%s; paint the layers wider (or taller) "
                        "than the screen, or make the move shorter", s->id ? s->id : "",
                        (double)fminf(need_k, 99.0f),
                        need_k > k ? " (the nearest layers are enlarged too)" : "");

    /* The base: the background at infinity, over the placeholder unless it is opaque. */
    orl_image *bg = s->background ? orl_image__get(sr, s->background, need, s->loc, diags) : NULL;
    if (!bg || bg->failed || !bg->opaque) add_cover(v, ph, 1.0f);
    if (bg && !bg->failed) add_cover(v, bg, k);

    /* The layers, projected from where the camera is now. */
    mat4 proj, view, mvp;
    vec4 vp = {0, 0, ORL_CANVAS_W, ORL_CANVAS_H};
    float fovy = 2.0f * atanf(0.5f / k);
    glm_perspective(fovy, (float)ORL_CANVAS_W / ORL_CANVAS_H, NEAR * 0.5f, 1e6f, proj);
    vec3 eye = {o[0], o[1], o[2]}, centre = {o[0], o[1], o[2] - 1.0f}, up = {0, 1, 0};
    glm_lookat(eye, centre, up, view);
    glm_mat4_mul(proj, view, mvp);
    for (int j = 0; j < n; j++) {
        float d = s->layers[order[j]].depth, hw, hh;
        if (d + o[2] <= NEAR) continue; /* the camera has passed it */
        layer_extent(imgs[j], d, &hw, &hh);
        float e = 1.0f;
        if (kl[j] > k) {
            /* enlarge this layer until its edges are out of view at the end of the move */
            float dist = d + D[2], ex = hw, ey = hh;
            int edges = imgs[j]->edges;
            if (edges & ORL_EDGE_LEFT) ex = fmaxf(ex, half_x * dist / k - D[0]);
            if (edges & ORL_EDGE_RIGHT) ex = fmaxf(ex, half_x * dist / k + D[0]);
            if (edges & ORL_EDGE_TOP) ey = fmaxf(ey, half_y * dist / k + D[1]);
            if (edges & ORL_EDGE_BOTTOM) ey = fmaxf(ey, half_y * dist / k - D[1]);
            e = fmaxf(ex / hw, ey / hh) * 1.001f;
        }
        vec3 lo = {-hw * e, -hh * e, -d}, hi = {hw * e, hh * e, -d}, plo, phi;
        glm_project(lo, mvp, vp, plo);
        glm_project(hi, mvp, vp, phi);
        /* glm_project's y goes up from the bottom; the canvas's goes down from the top */
        add_item(v, imgs[j], plo[0], ORL_CANVAS_H - phi[1], phi[0], ORL_CANVAS_H - plo[1]);
    }

    /* Nothing behind an opaque item that covers the whole canvas needs drawing. */
    for (int i = v->n - 1; i > 0; i--) {
        const orl_plan_item *it = &v->items[i];
        if (it->img->opaque && it->x0 <= 0 && it->y0 <= 0 && it->x1 >= ORL_CANVAS_W &&
            it->y1 >= ORL_CANVAS_H) {
            memmove(v->items, v->items + i, sizeof v->items[0] * (size_t)(v->n - i));
            v->n -= i;
            break;
        }
    }
}

void orl_sview__draw_sdl(orl_scene_renderer *sr, const orl_scene_view *v)
{
    /* Layers stay parallel to the screen, so each quad is an axis-aligned rectangle:
     * SDL_RenderCopyF with a float rectangle is the same quad as SDL_RenderGeometry (two
     * triangles, float vertices: sub-pixel on a GPU) and is drawn right by every back end
     * (SDL 2.26's software triangles mis-map large textured triangles). */
    for (int i = 0; i < v->n; i++) {
        const orl_plan_item *it = &v->items[i];
        if (!it->img->texture || !(it->x1 > it->x0 && it->y1 > it->y0)) continue;
        SDL_FRect dst = {it->x0, it->y0, it->x1 - it->x0, it->y1 - it->y0};
        SDL_RenderCopyF(sr->r, it->img->texture, NULL, &dst);
    }
}
