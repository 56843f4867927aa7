/* Drawing the view model into an SDL_Renderer with a 1920x1080 logical size. Calm and warm:
 * a dark translucent panel, rounded buttons, a paper-coloured fact card, amber accents. */
#include "player/player_internal.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define W ORL_CANVAS_W
#define H ORL_CANVAS_H
#define MAX_SHAPES 24

typedef struct shape_tex {
    int kind;    /* 0 corner quarter, 1 full circle */
    int r, t;    /* radius, ring thickness (0: filled) */
    SDL_Texture *tex;
} shape_tex;

struct orl_player_gfx {
    SDL_Renderer *r;
    int software;
    orl_text_cache *text;
    orl_scene_renderer *scenes;
    unsigned gen;
    orl_fs *fs;
    shape_tex shapes[MAX_SHAPES];
    int nshapes;
};

/* ---------------------------------------------------------------------------------------
 * Palette */

static SDL_Color rgba(int r, int g, int b, int a) { return (SDL_Color){(Uint8)r, (Uint8)g, (Uint8)b, (Uint8)a}; }

static SDL_Color tone(int t)
{
    switch (t) {
    case ORL_TONE_ACCENT: return rgba(242, 184, 110, 255);
    case ORL_TONE_MUTED: return rgba(214, 200, 184, 255);
    case ORL_TONE_INK: return rgba(46, 34, 27, 255);
    case ORL_TONE_INK_ACCENT: return rgba(168, 78, 46, 255);
    case ORL_TONE_INK_MUTED: return rgba(112, 90, 74, 255);
    default: return rgba(251, 244, 234, 255);
    }
}

#define C_PANEL rgba(24, 18, 15, 204)
#define C_CARD_DARK rgba(34, 27, 23, 246)
#define C_PAPER rgba(247, 239, 226, 242)
#define C_AMBER rgba(232, 164, 86, 255)
#define C_DIM(a) rgba(16, 12, 10, a)

/* ---------------------------------------------------------------------------------------
 * Shapes: anti-aliased corners and circles as small white textures, tinted when drawn */

static float cover(float d) { return d <= -0.5f ? 0.0f : d >= 0.5f ? 1.0f : d + 0.5f; }

static SDL_Texture *shape(orl_player_gfx *g, int kind, int r, int t)
{
    if (r < 1) r = 1;
    for (int i = 0; i < g->nshapes; i++)
        if (g->shapes[i].kind == kind && g->shapes[i].r == r && g->shapes[i].t == t) return g->shapes[i].tex;
    int size = kind == 0 ? r : 2 * r;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, size, size, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s) return NULL;
    float cx = (float)r, cy = (float)r; /* corner: the centre is the bottom-right of the quarter */
    for (int y = 0; y < size; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch);
        for (int x = 0; x < size; x++) {
            float dx = (float)x + 0.5f - cx, dy = (float)y + 0.5f - cy;
            float d = sqrtf(dx * dx + dy * dy);
            float a = cover((float)r - d);
            if (t > 0) a *= 1.0f - cover((float)(r - t) - d);
            Uint32 al = (Uint32)lroundf(a * 255.0f);
            row[x] = (al << 24) | 0xFFFFFFu;
        }
    }
    SDL_Texture *tex = SDL_CreateTextureFromSurface(g->r, s);
    SDL_FreeSurface(s);
    if (!tex) return NULL;
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    SDL_SetTextureScaleMode(tex, SDL_ScaleModeLinear);
    if (g->nshapes == MAX_SHAPES) {
        SDL_DestroyTexture(g->shapes[0].tex);
        memmove(g->shapes, g->shapes + 1, (MAX_SHAPES - 1) * sizeof *g->shapes);
        g->nshapes--;
    }
    g->shapes[g->nshapes++] = (shape_tex){kind, r, t, tex};
    return tex;
}

static void fill_rect(orl_player_gfx *g, int x, int y, int w, int h, SDL_Color c)
{
    if (w <= 0 || h <= 0) return;
    SDL_SetRenderDrawBlendMode(g->r, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(g->r, c.r, c.g, c.b, c.a);
    SDL_Rect rc = {x, y, w, h};
    SDL_RenderFillRect(g->r, &rc);
}

static void corners(orl_player_gfx *g, SDL_Texture *t, int x, int y, int w, int h, int r, SDL_Color c)
{
    if (!t) return;
    SDL_SetTextureColorMod(t, c.r, c.g, c.b);
    SDL_SetTextureAlphaMod(t, c.a);
    SDL_Rect d[4] = {{x, y, r, r}, {x + w - r, y, r, r}, {x, y + h - r, r, r}, {x + w - r, y + h - r, r, r}};
    SDL_RendererFlip f[4] = {SDL_FLIP_NONE, SDL_FLIP_HORIZONTAL, SDL_FLIP_VERTICAL,
                             (SDL_RendererFlip)(SDL_FLIP_HORIZONTAL | SDL_FLIP_VERTICAL)};
    for (int i = 0; i < 4; i++) SDL_RenderCopyEx(g->r, t, NULL, &d[i], 0.0, NULL, f[i]);
}

static void round_fill(orl_player_gfx *g, orl_rect rc, int r, SDL_Color c)
{
    if (rc.w <= 0 || rc.h <= 0) return;
    if (r > rc.w / 2) r = rc.w / 2;
    if (r > rc.h / 2) r = rc.h / 2;
    if (r < 1) {
        fill_rect(g, rc.x, rc.y, rc.w, rc.h, c);
        return;
    }
    fill_rect(g, rc.x + r, rc.y, rc.w - 2 * r, rc.h, c);
    fill_rect(g, rc.x, rc.y + r, r, rc.h - 2 * r, c);
    fill_rect(g, rc.x + rc.w - r, rc.y + r, r, rc.h - 2 * r, c);
    corners(g, shape(g, 0, r, 0), rc.x, rc.y, rc.w, rc.h, r, c);
}

static void round_ring(orl_player_gfx *g, orl_rect rc, int r, int t, SDL_Color c)
{
    if (rc.w <= 0 || rc.h <= 0) return;
    if (r > rc.w / 2) r = rc.w / 2;
    if (r > rc.h / 2) r = rc.h / 2;
    if (r < t) r = t;
    fill_rect(g, rc.x + r, rc.y, rc.w - 2 * r, t, c);
    fill_rect(g, rc.x + r, rc.y + rc.h - t, rc.w - 2 * r, t, c);
    fill_rect(g, rc.x, rc.y + r, t, rc.h - 2 * r, c);
    fill_rect(g, rc.x + rc.w - t, rc.y + r, t, rc.h - 2 * r, c);
    corners(g, shape(g, 0, r, t), rc.x, rc.y, rc.w, rc.h, r, c);
}

static void circle(orl_player_gfx *g, float cx, float cy, int r, int t, SDL_Color c)
{
    SDL_Texture *tex = shape(g, 1, r, t);
    if (!tex) return;
    SDL_SetTextureColorMod(tex, c.r, c.g, c.b);
    SDL_SetTextureAlphaMod(tex, c.a);
    SDL_FRect d = {cx - (float)r, cy - (float)r, 2.0f * (float)r, 2.0f * (float)r};
    SDL_RenderCopyF(g->r, tex, NULL, &d);
}

/* A thick line as two triangles, with round ends. */
static void line(orl_player_gfx *g, float x0, float y0, float x1, float y1, float w, SDL_Color c)
{
    float dx = x1 - x0, dy = y1 - y0, len = sqrtf(dx * dx + dy * dy);
    if (len < 0.001f) return;
    float nx = -dy / len * w * 0.5f, ny = dx / len * w * 0.5f;
    SDL_Vertex v[4];
    SDL_FPoint pts[4] = {{x0 + nx, y0 + ny}, {x1 + nx, y1 + ny}, {x1 - nx, y1 - ny}, {x0 - nx, y0 - ny}};
    for (int i = 0; i < 4; i++) v[i] = (SDL_Vertex){pts[i], c, {0, 0}};
    int idx[6] = {0, 1, 2, 0, 2, 3};
    SDL_RenderGeometry(g->r, NULL, v, 4, idx, 6);
    int rr = (int)lroundf(w * 0.5f);
    circle(g, x0, y0, rr, 0, c);
    circle(g, x1, y1, rr, 0, c);
}

/* A vertical gradient over the whole width, from alpha a0 at y0 to a1 at y1. */
static void gradient(orl_player_gfx *g, float y0, float y1, int a0, int a1)
{
    SDL_Vertex v[4];
    SDL_Color c0 = C_DIM(a0), c1 = C_DIM(a1);
    v[0] = (SDL_Vertex){{0, y0}, c0, {0, 0}};
    v[1] = (SDL_Vertex){{W, y0}, c0, {0, 0}};
    v[2] = (SDL_Vertex){{W, y1}, c1, {0, 0}};
    v[3] = (SDL_Vertex){{0, y1}, c1, {0, 0}};
    int idx[6] = {0, 1, 2, 0, 2, 3};
    SDL_SetRenderDrawBlendMode(g->r, SDL_BLENDMODE_BLEND);
    SDL_RenderGeometry(g->r, NULL, v, 4, idx, 6);
}

/* ---------------------------------------------------------------------------------------
 * Text */

static void text(orl_player_gfx *g, orl_player *p, const orl_view_text *t, SDL_Color c, int shadow)
{
    if (!t->text || !*t->text || t->size <= 0) return;
    orl_text_desc d = {0};
    d.size = t->size;
    d.max_width = t->w;
    d.align = t->align;
    d.line_spacing = t->spacing;
    orl_font_set *f = t->bold ? p->bold : p->fonts;
    if (shadow) {
        int off = t->size >= 60 ? 3 : 2;
        orl_text_draw(g->text, f, t->text, &d, t->x, t->y + off, rgba(0, 0, 0, 150), NULL);
    }
    orl_text_draw(g->text, f, t->text, &d, t->x, t->y, c, NULL);
}

/* ---------------------------------------------------------------------------------------
 * Buttons */

static void icon_menu(orl_player_gfx *g, orl_rect r, SDL_Color c)
{
    float cx = r.x + r.w * 0.5f, cy = r.y + r.h * 0.5f;
    for (int i = -1; i <= 1; i++) line(g, cx - 17, cy + i * 11.0f, cx + 17, cy + i * 11.0f, 5.0f, c);
}

static void icon_back(orl_player_gfx *g, orl_rect r, int rtl, SDL_Color c)
{
    float cx = r.x + r.w * 0.5f, cy = r.y + r.h * 0.5f, s = rtl ? -1.0f : 1.0f;
    /* a curved "undo" arrow would be nicer; a calm chevron with a stem reads as "back" */
    line(g, cx - 15 * s, cy, cx + 15 * s, cy, 5.0f, c);
    line(g, cx - 15 * s, cy, cx - 3 * s, cy - 12, 5.0f, c);
    line(g, cx - 15 * s, cy, cx - 3 * s, cy + 12, 5.0f, c);
}

static void draw_button(orl_player_gfx *g, orl_player *p, const orl_view *v, int i)
{
    const orl_view_button *b = &v->buttons[i];
    if (b->hidden) return;
    int hover = v->hover == i, pressed = v->pressed == i, focus = v->focus == i && v->focus_visible;
    SDL_Color label = tone(ORL_TONE_TEXT);
    if (b->kind == ORL_BUTTON_MENU || b->kind == ORL_BUTTON_BACK) {
        float cx = b->rect.x + b->rect.w * 0.5f, cy = b->rect.y + b->rect.h * 0.5f;
        circle(g, cx, cy, b->rect.w / 2, 0, pressed ? rgba(232, 164, 86, 200) : rgba(24, 18, 15, hover ? 200 : 150));
        circle(g, cx, cy, b->rect.w / 2, 2, rgba(251, 244, 234, 70));
        if (b->kind == ORL_BUTTON_MENU) icon_menu(g, b->rect, label);
        else icon_back(g, b->rect, v->rtl, label);
        if (focus) circle(g, cx, cy, b->rect.w / 2 + 8, 4, C_AMBER);
        return;
    }
    orl_rect r = b->rect;
    int radius = 22;
    if (b->kind == ORL_BUTTON_HOTSPOT) {
        /* the point on the picture: a soft dark halo, a warm ring and a dot */
        circle(g, b->px, b->py, 40, 0, rgba(16, 12, 10, 110));
        circle(g, b->px, b->py, 30, 4, pressed || hover ? C_AMBER : rgba(251, 244, 234, 235));
        circle(g, b->px, b->py, 13, 0, pressed || hover ? C_AMBER : rgba(251, 244, 234, 245));
        r = b->pill;
        radius = r.h / 2;
        round_fill(g, r, radius, pressed ? rgba(232, 164, 86, 235) : rgba(24, 18, 15, hover ? 235 : 205));
        if (pressed) label = tone(ORL_TONE_INK);
    } else if (b->primary) {
        SDL_Color fill = pressed ? rgba(250, 196, 128, 255) : hover ? rgba(242, 178, 102, 255) : rgba(232, 164, 86, 250);
        round_fill(g, r, radius, fill);
        label = rgba(40, 26, 16, 255);
    } else {
        SDL_Color fill = pressed ? rgba(232, 164, 86, 150) : hover ? rgba(255, 240, 222, 52) : rgba(255, 240, 222, 28);
        if (v->menu || v->screen != ORL_SCREEN_SCENE)
            fill = pressed ? rgba(232, 164, 86, 150) : hover ? rgba(70, 56, 48, 235) : rgba(52, 42, 36, 225);
        round_fill(g, r, radius, fill);
        round_ring(g, r, radius, 2, b->selected ? C_AMBER : rgba(255, 240, 222, hover ? 110 : 64));
        if (b->selected) round_ring(g, (orl_rect){r.x + 2, r.y + 2, r.w - 4, r.h - 4}, radius - 2, 2, C_AMBER);
    }
    if (b->label && *b->label && b->label_size > 0) {
        int pad = b->kind == ORL_BUTTON_HOTSPOT ? 28 : 36;
        orl_view_text t = {b->label, r.x + pad, r.y + (r.h - b->label_h) / 2, b->label_wrap, b->label_h,
                           b->label_size, b->primary, b->label_align, 1.15f, 0};
        if (b->label_align == ORL_TEXT_ALIGN_CENTER) t.x = r.x + (r.w - b->label_wrap) / 2;
        text(g, p, &t, label, 0);
    }
    if (focus) round_ring(g, (orl_rect){r.x - 8, r.y - 8, r.w + 16, r.h + 16}, radius + 8, 4, C_AMBER);
}

/* ---------------------------------------------------------------------------------------
 * The frame */

orl_player_gfx *orl_player_gfx_create(SDL_Renderer *renderer, int software)
{
    if (!renderer) {
        SDL_SetError("no renderer");
        return NULL;
    }
    orl_player_gfx *g = calloc(1, sizeof *g);
    if (!g) {
        SDL_OutOfMemory();
        return NULL;
    }
    g->r = renderer;
    g->software = software;
    g->text = orl_text_cache_create(renderer, NULL);
    if (!g->text) {
        free(g);
        return NULL;
    }
    return g;
}

void orl_player_gfx_reset(orl_player_gfx *g)
{
    if (!g) return;
    orl_text_cache_clear(g->text);
    for (int i = 0; i < g->nshapes; i++) SDL_DestroyTexture(g->shapes[i].tex);
    g->nshapes = 0;
    if (g->scenes) orl_scene_renderer_flush(g->scenes);
}

void orl_player_gfx_free(orl_player_gfx *g)
{
    if (!g) return;
    for (int i = 0; i < g->nshapes; i++) SDL_DestroyTexture(g->shapes[i].tex);
    orl_scene_renderer_free(g->scenes);
    orl_text_cache_free(g->text);
    free(g);
}

static int draw_picture(orl_player_gfx *g, orl_player *p, const orl_view *v)
{
    orl_story *st = orl_player_story(p);
    if (!g->scenes || g->gen != orl_player_story_generation(p) || g->fs != st->fs) {
        orl_scene_renderer_free(g->scenes);
        orl_scene_renderer_desc d = {0};
        d.renderer = g->r;
        d.fs = st->fs;
        d.software = g->software;
        g->scenes = orl_scene_renderer_create(&d);
        g->gen = orl_player_story_generation(p);
        g->fs = st->fs;
    }
    if (!g->scenes || !v->picture) {
        fill_rect(g, 0, 0, W, H, rgba(28, 22, 19, 255));
        gradient(g, 0, H, 0, 120);
        return 0;
    }
    const orl_look *look = v->panorama ? &v->look : NULL;
    orl_diags *d = orl_player_diags(p);
    if (v->from_picture && v->transition < 1.0f) {
        orl_scene_draw_transition(g->scenes, ORL_TRANSITION_CROSSFADE, v->transition, v->from_picture, v->from_time,
                                  v->picture, v->picture_time, d);
        return 1;
    }
    return orl_scene_draw(g->scenes, v->picture, v->picture_time, look, d);
}

int orl_player_draw(orl_player *p, orl_player_gfx *g)
{
    const orl_view *v = orl_player_view(p);
    SDL_SetRenderDrawColor(g->r, 0, 0, 0, 255);
    SDL_RenderClear(g->r);
    int moving = draw_picture(g, p, v);

    if (v->screen == ORL_SCREEN_TITLE) {
        gradient(g, H * 0.25f, H, 0, 210);
        fill_rect(g, 0, 0, W, H, C_DIM(v->dim));
    } else if (v->dim) {
        fill_rect(g, 0, 0, W, H, C_DIM(v->dim));
    }

    int over_picture = v->screen == ORL_SCREEN_TITLE;
    if (v->has_panel) {
        /* a soft fall-off above the panel keeps it from looking pasted on */
        gradient(g, (float)v->panel.y - 160, (float)v->panel.y + 40, 0, 70);
        fill_rect(g, 0, v->panel.y + 40, W, H - v->panel.y - 40, C_DIM(70));
        round_fill(g, v->panel, 28, C_PANEL);
    }
    text(g, p, &v->heading, tone(v->heading.tone), over_picture);
    text(g, p, &v->sub, tone(v->sub.tone), over_picture);
    text(g, p, &v->body, tone(v->body.tone), 0);
    text(g, p, &v->body2, tone(v->body2.tone), 0);

    if (v->has_testimony) {
        orl_rect bar = v->testimony_box;
        bar.w = 5;
        if (v->rtl) bar.x = v->testimony_box.x + v->testimony_box.w - 5;
        round_fill(g, bar, 2, v->testimony_notice ? rgba(214, 200, 184, 120) : C_AMBER);
        text(g, p, &v->testimony_by, tone(v->testimony_by.tone), 0);
        text(g, p, &v->testimony_text, tone(v->testimony_text.tone), 0);
    }
    if (v->has_fact) {
        orl_rect sh = v->fact_box;
        sh.y += 4;
        round_fill(g, sh, 20, rgba(0, 0, 0, 60));
        round_fill(g, v->fact_box, 20, C_PAPER);
        text(g, p, &v->fact_label, tone(v->fact_label.tone), 0);
        text(g, p, &v->fact_text, tone(v->fact_text.tone), 0);
        text(g, p, &v->fact_source, tone(v->fact_source.tone), 0);
    }
    for (int i = 0; i < v->nsupport; i++) {
        round_fill(g, v->support_box[i], 22, rgba(52, 42, 36, 225));
        text(g, p, &v->support[i].name, tone(v->support[i].name.tone), 0);
        text(g, p, &v->support[i].contact, tone(v->support[i].contact.tone), 0);
        text(g, p, &v->support[i].note, tone(v->support[i].note.tone), 0);
    }
    if (v->menu) {
        fill_rect(g, 0, 0, W, H, C_DIM(150));
        orl_rect sh = v->menu_box;
        sh.y += 6;
        round_fill(g, sh, 32, rgba(0, 0, 0, 90));
        round_fill(g, v->menu_box, 32, C_CARD_DARK);
        text(g, p, &v->menu_title, tone(v->menu_title.tone), 0);
        text(g, p, &v->menu_size_label, tone(v->menu_size_label.tone), 0);
        text(g, p, &v->menu_lang_label, tone(v->menu_lang_label.tone), 0);
    }
    for (int i = 0; i < v->nbuttons; i++) draw_button(g, p, v, i);
    return moving || v->transition < 1.0f;
}
