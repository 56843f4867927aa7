/* Transitions between two scenes: a cut, a crossfade, a fade through black. */
#include <math.h>
#include "render/scene_private.h"

static void fill_black(orl_scene_renderer *sr, float alpha)
{
    if (alpha <= 0) return;
    Uint8 r, g, b, a;
    SDL_BlendMode mode;
    SDL_GetRenderDrawColor(sr->r, &r, &g, &b, &a);
    SDL_GetRenderDrawBlendMode(sr->r, &mode);
    SDL_SetRenderDrawBlendMode(sr->r, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(sr->r, 0, 0, 0, (Uint8)lroundf(alpha * 255.0f));
    SDL_Rect canvas = {0, 0, ORL_CANVAS_W, ORL_CANVAS_H};
    SDL_RenderFillRect(sr->r, &canvas);
    SDL_SetRenderDrawColor(sr->r, r, g, b, a);
    SDL_SetRenderDrawBlendMode(sr->r, mode);
}

/* A texture holding view v over the canvas, for drawing with an alpha: a CPU frame, or (SDL
 * drawing) a canvas-sized render target. NULL when there is none to be had. */
static SDL_Texture *view_texture(orl_scene_renderer *sr, const orl_scene_view *v, int slot)
{
    if (v->panorama || sr->software) return orl_frame__texture(sr, orl_frame__get(sr, v));
    if (!SDL_RenderTargetSupported(sr->r)) return NULL;
    SDL_Texture *t = sr->targets[slot];
    if (!t) {
        t = SDL_CreateTexture(sr->r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET,
                              ORL_CANVAS_W, ORL_CANVAS_H);
        if (!t) return NULL;
        SDL_SetTextureScaleMode(t, SDL_ScaleModeLinear);
        sr->targets[slot] = t;
    }
    SDL_Texture *prev = SDL_GetRenderTarget(sr->r);
    if (SDL_SetRenderTarget(sr->r, t) != 0) return NULL;
    orl_sview__draw_sdl(sr, v);
    SDL_SetRenderTarget(sr->r, prev);
    return t;
}

void orl_scene_draw_transition(orl_scene_renderer *sr, orl_transition_kind kind, float progress,
                               const orl_scene *a, double ta, const orl_scene *b, double tb,
                               orl_diags *diags)
{
    if (!sr) return;
    if (!(progress > 0)) progress = progress == progress ? 0 : 1; /* NaN: the end */
    if (progress > 1) progress = 1;
    sr->frame++;
    int need = orl_scene__need(sr);
    orl_scene_view va, vb;
    if (sr->software && kind != ORL_TRANSITION_CUT) {
        /* on the CPU: SDL's software blits with an alpha or colour modulation are slow */
        int done = -1;
        if (kind == ORL_TRANSITION_FADE_BLACK) {
            int first = progress < 0.5f;
            orl_sview__make(sr, first ? a : b, first ? ta : tb, NULL, need, diags, &va);
            float dark = first ? progress * 2.0f : (1.0f - progress) * 2.0f;
            done = orl_frame__draw_mix(sr, orl_frame__get(sr, &va), NULL, (int)lroundf(dark * 256.0f));
        } else {
            orl_sview__make(sr, a, ta, NULL, need, diags, &va);
            orl_sview__make(sr, b, tb, NULL, need, diags, &vb);
            orl_frame *fb = orl_frame__get(sr, &vb);
            orl_frame *fa = orl_frame__get(sr, &va);
            done = orl_frame__draw_mix(sr, fa, fb, (int)lroundf(progress * 256.0f));
        }
        if (done == 0) {
            orl_image__trim(sr);
            return;
        }
    }
    switch (kind) {
    case ORL_TRANSITION_FADE_BLACK:
        if (progress < 0.5f) {
            orl_sview__make(sr, a, ta, NULL, need, diags, &va);
            orl_scene__draw_view(sr, &va);
            fill_black(sr, progress * 2.0f);
        } else {
            orl_sview__make(sr, b, tb, NULL, need, diags, &vb);
            orl_scene__draw_view(sr, &vb);
            fill_black(sr, (1.0f - progress) * 2.0f);
        }
        break;
    case ORL_TRANSITION_CROSSFADE: {
        orl_sview__make(sr, a, ta, NULL, need, diags, &va);
        orl_sview__make(sr, b, tb, NULL, need, diags, &vb);
        if (progress >= 1.0f) {
            orl_scene__draw_view(sr, &vb);
            break;
        }
        if (progress <= 0.0f) {
            orl_scene__draw_view(sr, &va);
            break;
        }
        SDL_Texture *tb_tex = view_texture(sr, &vb, 1);
        orl_scene__draw_view(sr, &va);
        if (!tb_tex) { /* no way to blend here: cut half way */
            if (progress >= 0.5f) orl_scene__draw_view(sr, &vb);
            break;
        }
        SDL_BlendMode mode;
        Uint8 alpha;
        SDL_GetTextureBlendMode(tb_tex, &mode);
        SDL_GetTextureAlphaMod(tb_tex, &alpha);
        SDL_SetTextureBlendMode(tb_tex, SDL_BLENDMODE_BLEND);
        SDL_SetTextureAlphaMod(tb_tex, (Uint8)lroundf(progress * 255.0f));
        SDL_Rect canvas = {0, 0, ORL_CANVAS_W, ORL_CANVAS_H};
        SDL_RenderCopy(sr->r, tb_tex, NULL, &canvas);
        SDL_SetTextureBlendMode(tb_tex, mode);
        SDL_SetTextureAlphaMod(tb_tex, alpha);
        break;
    }
    case ORL_TRANSITION_CUT:
    default:
        orl_sview__make(sr, b, tb, NULL, need, diags, &vb);
        orl_scene__draw_view(sr, &vb);
        break;
    }
    orl_image__trim(sr);
}
