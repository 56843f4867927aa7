/* The scene renderer: its life, and drawing one scene (render/scene.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <SDL2/SDL_image.h>
#include "core/limits.h"
#include "render/scene_private.h"

orl_scene_renderer *orl_scene_renderer_create(const orl_scene_renderer_desc *desc)
{
    if (!desc || !desc->renderer) {
        SDL_SetError("orl_scene_renderer_create: no renderer");
        return NULL;
    }
    orl_scene_renderer *sr = calloc(1, sizeof *sr);
    if (!sr) {
        SDL_OutOfMemory();
        return NULL;
    }
    sr->r = desc->renderer;
    sr->fs = desc->fs;
    sr->budget = desc->texture_budget ? desc->texture_budget : ORL_IMAGE_CACHE_BYTES;
    sr->software = desc->software;
    sr->gen = 1;
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(sr->r, &info) == 0) {
        sr->max_tex_w = info.max_texture_width;
        sr->max_tex_h = info.max_texture_height;
        /* SDL's software renderer snaps quads to whole pixels and mis-draws large triangles:
         * never use SDL drawing of pictures there, whatever the caller said */
        if ((info.flags & SDL_RENDERER_SOFTWARE) || (info.name && strcmp(info.name, "software") == 0))
            sr->software = 1;
    }
    /* Decoders are set up once, here, on the thread that draws. */
    IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG | IMG_INIT_WEBP);
    sr->workers = orl_workers__create();
    return sr;
}

static void drop_frames(orl_scene_renderer *sr)
{
    for (int i = 0; i < ORL_FRAMES; i++) {
        free(sr->frames[i].buf);
        memset(&sr->frames[i], 0, sizeof sr->frames[i]);
    }
    for (int i = 0; i < ORL_FRAME_TEXTURES; i++) {
        if (sr->ftex[i].tex) SDL_DestroyTexture(sr->ftex[i].tex);
        memset(&sr->ftex[i], 0, sizeof sr->ftex[i]);
    }
    for (int i = 0; i < 2; i++) {
        if (sr->targets[i]) SDL_DestroyTexture(sr->targets[i]);
        sr->targets[i] = NULL;
    }
}

static void forget_said(orl_scene_renderer *sr)
{
    for (int i = 0; i < sr->nsaid; i++) free(sr->said[i]);
    free(sr->said);
    sr->said = NULL;
    sr->nsaid = sr->capsaid = 0;
}

void orl_scene_renderer_free(orl_scene_renderer *sr)
{
    if (!sr) return;
    orl_ahead__free(sr->ahead);
    orl_workers__free(sr->workers);
    orl_image__free_all(sr);
    drop_frames(sr);
    forget_said(sr);
    for (int i = 0; i < 8; i++) free(sr->scratch[i]);
    free(sr);
}

void orl_scene_renderer_flush(orl_scene_renderer *sr)
{
    if (!sr) return;
    orl_ahead__want(sr->ahead, NULL, NULL, 0);
    orl_image__free_all(sr);
    drop_frames(sr);
    forget_said(sr);
    sr->gen++;
}

void orl_scene__once(orl_scene_renderer *sr, orl_diags *diags, orl_severity sev, orl_loc loc,
                     const char *code, const char *key, const char *fmt, ...)
{
    if (!diags) return;
    char k[ORL_MAX_PATH + 64];
    snprintf(k, sizeof k, "%s\n%s", code, key);
    for (int i = 0; i < sr->nsaid; i++)
        if (strcmp(sr->said[i], k) == 0) return;
    if (sr->nsaid == sr->capsaid && sr->nsaid < 4096) {
        int cap = sr->capsaid ? sr->capsaid * 2 : 16;
        char **p = realloc(sr->said, sizeof *p * (size_t)cap);
        if (p) {
            sr->said = p;
            sr->capsaid = cap;
        }
    }
    if (sr->nsaid < sr->capsaid) {
        char *dup = strdup(k);
        if (dup) sr->said[sr->nsaid++] = dup;
    }
    va_list ap;
    va_start(ap, fmt);
    orl_diag_vadd(diags, sev, loc.file, loc.line, 0, code, fmt, ap);
    va_end(ap);
}

int orl_scene__need(const orl_scene_renderer *sr)
{
    return sr->software ? ORL_IMG_PIXELS : ORL_IMG_TEXTURE;
}

void orl_scene__draw_view(orl_scene_renderer *sr, const orl_scene_view *v)
{
    if (v->panorama || sr->software) {
        SDL_Texture *tex = orl_frame__texture(sr, orl_frame__get(sr, v));
        SDL_Rect canvas = {0, 0, ORL_CANVAS_W, ORL_CANVAS_H};
        if (tex) {
            SDL_RenderCopy(sr->r, tex, NULL, &canvas);
        } else {
            /* out of memory for the frame: at least draw something calm */
            Uint8 r, g, b, a;
            SDL_GetRenderDrawColor(sr->r, &r, &g, &b, &a);
            SDL_SetRenderDrawColor(sr->r, 16, 19, 27, 255);
            SDL_RenderFillRect(sr->r, &canvas);
            SDL_SetRenderDrawColor(sr->r, r, g, b, a);
        }
        return;
    }
    orl_sview__draw_sdl(sr, v);
}

int orl_scene_draw(orl_scene_renderer *sr, const orl_scene *s, double t, const orl_look *look, orl_diags *diags)
{
    if (!sr) return 0;
    sr->frame++;
    orl_scene_view v;
    orl_sview__make(sr, s, t, look, orl_scene__need(sr), diags, &v);
    orl_scene__draw_view(sr, &v);
    orl_image__trim(sr);
    return v.moving;
}
