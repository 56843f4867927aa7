/* Drawing the view model into an SDL_Renderer with a 1920x1080 logical size. Calm and warm:
 * a dark translucent panel, rounded buttons, a paper-coloured fact card, amber accents. */
#include "player/player_internal.h"
#include "story/messages.h"
#include "player/palette.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define W (g->cw)
#define H (g->ch)
#define MAX_SHAPES 64
#define SHAPE_BYTES (40u * 1024u * 1024u) /* rounded shapes kept as textures (a panel is ~3 MB) */

/* A rounded rectangle (or ring, or circle) as one white texture with an anti-aliased alpha
 * mask, tinted when drawn. Whole shapes, not nine slices: when the canvas is scaled to the
 * window, slices drawn side by side leave seams; a single texture scales cleanly. */
typedef struct shape_tex {
    int w, h, r, t;   /* size, corner radius, ring thickness (0: filled) */
    SDL_Texture *tex;
    size_t bytes;
    unsigned long long used;
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
    size_t shape_bytes;
    unsigned long long frame;
    SDL_Texture *ramp; /* 8 x 512: alpha up 0..255 then down, for gradients */
    int one_to_one;    /* this frame draws the canvas 1:1 */
    int cw, ch;        /* this frame's canvas (the view's) */
    orl_ahead *pre;    /* the first scene's pictures being decoded, until the first draw */
    size_t image_budget;
    unsigned long long ahead_key; /* what decoding ahead was last asked for (see ahead()) */
};

/* ---------------------------------------------------------------------------------------
 * Palette */

/* ---------------------------------------------------------------------------------------
 * Shapes */

static float cover(float d) { return d <= -0.5f ? 0.0f : d >= 0.5f ? 1.0f : d + 0.5f; }

/* Signed distance from (x, y) to a rounded rectangle of half size (hw, hh) centred at 0. */
static float rr_dist(float x, float y, float hw, float hh, float r)
{
    float qx = fabsf(x) - (hw - r), qy = fabsf(y) - (hh - r);
    float ox = qx > 0 ? qx : 0, oy = qy > 0 ? qy : 0;
    float in = qx > qy ? qx : qy;
    return sqrtf(ox * ox + oy * oy) + (in < 0 ? in : 0) - r;
}

static void drop_shape(orl_player_gfx *g, int i)
{
    SDL_DestroyTexture(g->shapes[i].tex);
    g->shape_bytes -= g->shapes[i].bytes;
    g->shapes[i] = g->shapes[--g->nshapes];
}

static SDL_Texture *shape(orl_player_gfx *g, int w, int h, int r, int t)
{
    if (w < 1 || h < 1 || w > 4 * ORL_CANVAS_W || h > 4 * ORL_CANVAS_H) return NULL;
    if (r > w / 2) r = w / 2;
    if (r > h / 2) r = h / 2;
    if (r < 0) r = 0;
    for (int i = 0; i < g->nshapes; i++)
        if (g->shapes[i].w == w && g->shapes[i].h == h && g->shapes[i].r == r && g->shapes[i].t == t) {
            g->shapes[i].used = g->frame;
            return g->shapes[i].tex;
        }
    size_t bytes = (size_t)w * (size_t)h * 4;
    /* make room: the least recently used shapes go (never one drawn in this frame) */
    while (g->nshapes && (g->nshapes == MAX_SHAPES || g->shape_bytes + bytes > SHAPE_BYTES)) {
        int old = -1;
        for (int i = 0; i < g->nshapes; i++)
            if (g->shapes[i].used != g->frame && (old < 0 || g->shapes[i].used < g->shapes[old].used)) old = i;
        if (old < 0) break;
        drop_shape(g, old);
    }
    if (g->nshapes == MAX_SHAPES) return NULL;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s) return NULL;
    float hw = w * 0.5f, hh = h * 0.5f;
    for (int y = 0; y < h; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch);
        float py = (float)y + 0.5f - hh;
        int corner_row = y < r || y >= h - r;
        for (int x = 0; x < w; x++) {
            float a;
            int edge = corner_row || x < r || x >= w - r || (t > 0 && (x < t + 1 || x >= w - t - 1 || y < t + 1 || y >= h - t - 1));
            if (!edge) {
                a = t > 0 ? 0.0f : 1.0f; /* the inside: full, or empty for a ring */
            } else {
                float px = (float)x + 0.5f - hw;
                float d = rr_dist(px, py, hw, hh, (float)r);
                a = cover(-d);
                if (t > 0) {
                    float ri = (float)(r - t) > 0 ? (float)(r - t) : 0.0f;
                    a *= 1.0f - cover(-rr_dist(px, py, hw - (float)t, hh - (float)t, ri));
                }
            }
            row[x] = ((Uint32)lroundf(a * 255.0f) << 24) | 0xFFFFFFu;
        }
    }
    SDL_Texture *tex = SDL_CreateTextureFromSurface(g->r, s);
    SDL_FreeSurface(s);
    if (!tex) return NULL;
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    SDL_SetTextureScaleMode(tex, SDL_ScaleModeLinear);
    g->shapes[g->nshapes++] = (shape_tex){w, h, r, t, tex, bytes, g->frame};
    g->shape_bytes += bytes;
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

static void blit_shape(orl_player_gfx *g, SDL_Texture *t, SDL_Rect d, SDL_Color c)
{
    if (!t) return;
    SDL_SetTextureColorMod(t, c.r, c.g, c.b);
    SDL_SetTextureAlphaMod(t, c.a);
    SDL_RenderCopy(g->r, t, NULL, &d);
}

/* Nine slices: four quarters of a circle texture and three blended fills. Only when the canvas
 * is drawn 1:1 (a 1080p screen): there they meet exactly, and fills cost SDL's software
 * renderer about half of what a blended texture does. */
static void nine_slice(orl_player_gfx *g, orl_rect rc, int r, int t, SDL_Color c)
{
    SDL_Texture *tex = shape(g, 2 * r, 2 * r, r, t);
    if (!tex) return;
    if (t > 0) {
        fill_rect(g, rc.x + r, rc.y, rc.w - 2 * r, t, c);
        fill_rect(g, rc.x + r, rc.y + rc.h - t, rc.w - 2 * r, t, c);
        fill_rect(g, rc.x, rc.y + r, t, rc.h - 2 * r, c);
        fill_rect(g, rc.x + rc.w - t, rc.y + r, t, rc.h - 2 * r, c);
    } else {
        fill_rect(g, rc.x + r, rc.y, rc.w - 2 * r, rc.h, c);
        fill_rect(g, rc.x, rc.y + r, r, rc.h - 2 * r, c);
        fill_rect(g, rc.x + rc.w - r, rc.y + r, r, rc.h - 2 * r, c);
    }
    SDL_SetTextureColorMod(tex, c.r, c.g, c.b);
    SDL_SetTextureAlphaMod(tex, c.a);
    SDL_Rect src[4] = {{0, 0, r, r}, {r, 0, r, r}, {0, r, r, r}, {r, r, r, r}};
    SDL_Rect dst[4] = {{rc.x, rc.y, r, r}, {rc.x + rc.w - r, rc.y, r, r}, {rc.x, rc.y + rc.h - r, r, r},
                       {rc.x + rc.w - r, rc.y + rc.h - r, r, r}};
    for (int i = 0; i < 4; i++) SDL_RenderCopy(g->r, tex, &src[i], &dst[i]);
}

/* 1 when one canvas pixel is one output pixel. */
static int one_to_one(orl_player_gfx *g)
{
    float sx = 0, sy = 0;
    SDL_RenderGetScale(g->r, &sx, &sy);
    return sx == 1.0f && sy == 1.0f;
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
    if (g->one_to_one) nine_slice(g, rc, r, 0, c);
    else blit_shape(g, shape(g, rc.w, rc.h, r, 0), (SDL_Rect){rc.x, rc.y, rc.w, rc.h}, c);
}

static void round_ring(orl_player_gfx *g, orl_rect rc, int r, int t, SDL_Color c)
{
    if (rc.w <= 0 || rc.h <= 0) return;
    if (r > rc.w / 2) r = rc.w / 2;
    if (r > rc.h / 2) r = rc.h / 2;
    if (g->one_to_one && r >= t && r > 0) nine_slice(g, rc, r, t, c);
    else blit_shape(g, shape(g, rc.w, rc.h, r, t), (SDL_Rect){rc.x, rc.y, rc.w, rc.h}, c);
}

static void circle(orl_player_gfx *g, float cx, float cy, int r, int t, SDL_Color c)
{
    SDL_Texture *tex = shape(g, 2 * r, 2 * r, r, t);
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

/* A vertical gradient over the whole width, from alpha a0 at y0 to a1 at y1: rows of a small
 * alpha ramp texture stretched over the area (one copy, no seams when the canvas is scaled;
 * colour-interpolated triangles cost SDL's software renderer ~5x more). */
static void gradient(orl_player_gfx *g, float y0, float y1, int a0, int a1)
{
    if (y1 <= y0 || a0 == a1) {
        if (a0 == a1 && a0 > 0) fill_rect(g, 0, (int)y0, W, (int)(y1 - y0), C_DIM(a0));
        return;
    }
    if (g->one_to_one) {
        /* 1:1, bands of blended fills meet exactly and cost half as much */
        int top = (int)y0 < 0 ? 0 : (int)y0, bottom = (int)y1 > H ? H : (int)y1;
        for (int y = top; y < bottom; y += 4) {
            float k = ((float)y + 2.0f - y0) / (y1 - y0);
            int a = (int)lroundf((float)a0 + (float)(a1 - a0) * (k < 0 ? 0 : k > 1 ? 1 : k));
            if (a > 0) fill_rect(g, 0, y, W, y + 4 <= bottom ? 4 : bottom - y, C_DIM(a));
        }
        return;
    }
    if (!g->ramp) {
        /* rows 0..255: alpha rising; rows 256..511: falling (no flipped copies: SDL's software
         * renderer takes a slow path for RenderCopyEx) */
        SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 8, 512, 32, SDL_PIXELFORMAT_ARGB8888);
        if (!s) return;
        for (int y = 0; y < 512; y++) {
            Uint32 a = y < 256 ? (Uint32)y : (Uint32)(511 - y);
            Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch);
            for (int x = 0; x < 8; x++) row[x] = (a << 24) | 0xFFFFFFu;
        }
        g->ramp = SDL_CreateTextureFromSurface(g->r, s);
        SDL_FreeSurface(s);
        if (!g->ramp) return;
        SDL_SetTextureBlendMode(g->ramp, SDL_BLENDMODE_BLEND);
        SDL_SetTextureScaleMode(g->ramp, SDL_ScaleModeLinear);
    }
    SDL_Color c = C_DIM(255);
    SDL_SetTextureColorMod(g->ramp, c.r, c.g, c.b);
    SDL_SetTextureAlphaMod(g->ramp, 255);
    SDL_Rect src = a0 < a1 ? (SDL_Rect){0, a0, 8, a1 - a0 + 1} : (SDL_Rect){0, 511 - a0, 8, a0 - a1 + 1};
    SDL_FRect dst = {0, y0, W, y1 - y0};
    SDL_RenderCopyF(g->r, g->ramp, &src, &dst);
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

static void icon_heart(orl_player_gfx *g, orl_rect r, SDL_Color c)
{
    float cx = r.x + r.w * 0.5f, cy = r.y + r.h * 0.5f + 2;
    circle(g, cx - 8, cy - 6, 9, 0, c);
    circle(g, cx + 8, cy - 6, 9, 0, c);
    SDL_Vertex v[3] = {{{cx - 16.5f, cy - 3}, c, {0, 0}}, {{cx + 16.5f, cy - 3}, c, {0, 0}}, {{cx, cy + 15}, c, {0, 0}}};
    SDL_RenderGeometry(g->r, NULL, v, 3, NULL, 0);
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
    SDL_Color label = tone(v, ORL_TONE_TEXT);
    /* high contrast: thicker, brighter rings and borders */
    int ring_t = v->high_contrast ? 3 : 2, focus_t = v->high_contrast ? 6 : 4;
    SDL_Color focus_c = v->high_contrast ? C_HC_FOCUS : C_AMBER;
    if (b->kind == ORL_BUTTON_MENU || b->kind == ORL_BUTTON_BACK || b->kind == ORL_BUTTON_SUPPORT) {
        float cx = b->rect.x + b->rect.w * 0.5f, cy = b->rect.y + b->rect.h * 0.5f;
        circle(g, cx, cy, b->rect.w / 2, 0,
               pressed ? rgba(232, 164, 86, 200) : v->high_contrast ? C_HC_PANEL : rgba(24, 18, 15, hover ? 200 : 150));
        circle(g, cx, cy, b->rect.w / 2, ring_t, v->high_contrast ? rgba(255, 255, 255, 255) : rgba(251, 244, 234, 70));
        if (b->kind == ORL_BUTTON_MENU) icon_menu(g, b->rect, label);
        else if (b->kind == ORL_BUTTON_SUPPORT) icon_heart(g, b->rect, label);
        else icon_back(g, b->rect, v->rtl, label);
        if (focus) circle(g, cx, cy, b->rect.w / 2 + 8, focus_t, focus_c);
        return;
    }
    orl_rect r = b->rect;
    int radius = 22;
    if (b->kind == ORL_BUTTON_TURN) {
        /* a panorama's edge marker: a pill with the hotspot's label and an arrow the way to turn */
        radius = r.h / 2;
        round_fill(g, r, radius, pressed ? rgba(232, 164, 86, 235) : v->high_contrast ? C_HC_PANEL : rgba(24, 18, 15, hover ? 235 : 215));
        round_ring(g, r, radius, ring_t, v->high_contrast ? rgba(255, 255, 255, 255) : C_AMBER);
        float ax = b->number > 0 ? (float)(r.x + r.w - 40) : (float)(r.x + 40), ay = r.y + r.h * 0.5f, s = (float)b->number;
        SDL_Color ac = pressed ? tone(v, ORL_TONE_INK) : v->high_contrast ? rgba(255, 255, 255, 255) : C_AMBER;
        line(g, ax - 9 * s, ay - 14, ax + 5 * s, ay, 5.0f, ac);
        line(g, ax + 5 * s, ay, ax - 9 * s, ay + 14, 5.0f, ac);
        if (pressed) label = tone(v, ORL_TONE_INK);
        r.w -= 56; /* the label beside the arrow */
        if (b->number < 0) r.x += 56;
    } else if (b->kind == ORL_BUTTON_HOTSPOT) {
        /* the point on the picture: a soft dark halo, a warm ring and a dot; a label moved
         * away from its point (crowded hotspots) hangs from it on a thin line */
        float lx = b->px < b->pill.x ? (float)b->pill.x : b->px > b->pill.x + b->pill.w ? (float)(b->pill.x + b->pill.w) : b->px;
        float ly = b->py < b->pill.y ? (float)b->pill.y : b->py > b->pill.y + b->pill.h ? (float)(b->pill.y + b->pill.h) : b->py;
        if (fabsf(lx - b->px) + fabsf(ly - b->py) > 60.0f) {
            line(g, b->px, b->py, lx, ly, 5.0f, rgba(16, 12, 10, 160));
            line(g, b->px, b->py, lx, ly, 2.5f, rgba(251, 244, 234, 230));
        }
        circle(g, b->px, b->py, 40, 0, rgba(16, 12, 10, 110));
        circle(g, b->px, b->py, 30, 4, pressed || hover ? C_AMBER : rgba(251, 244, 234, 235));
        circle(g, b->px, b->py, 13, 0, pressed || hover ? C_AMBER : rgba(251, 244, 234, 245));
        r = b->pill;
        radius = r.h / 2;
        round_fill(g, r, radius, pressed ? rgba(232, 164, 86, 235) : v->high_contrast ? C_HC_PANEL : rgba(24, 18, 15, hover ? 235 : 205));
        if (v->high_contrast) round_ring(g, r, radius, ring_t, rgba(255, 255, 255, 255));
        if (pressed) label = tone(v, ORL_TONE_INK);
    } else if (b->primary) {
        SDL_Color fill = pressed ? rgba(250, 196, 128, 255) : hover ? rgba(242, 178, 102, 255) : rgba(232, 164, 86, 250);
        if (v->high_contrast) fill = pressed || hover ? rgba(255, 255, 255, 255) : rgba(255, 212, 120, 255);
        round_fill(g, r, radius, fill);
        label = v->high_contrast ? rgba(0, 0, 0, 255) : rgba(40, 26, 16, 255);
    } else {
        SDL_Color fill = pressed ? rgba(232, 164, 86, 150) : hover ? rgba(255, 240, 222, 52) : rgba(255, 240, 222, 28);
        if (v->menu || v->screen != ORL_SCREEN_SCENE)
            fill = pressed ? rgba(232, 164, 86, 150) : hover ? rgba(70, 56, 48, 235) : rgba(52, 42, 36, 225);
        if (v->high_contrast) fill = pressed ? rgba(232, 164, 86, 255) : hover ? rgba(48, 48, 48, 255) : rgba(20, 20, 20, 255);
        round_fill(g, r, radius, fill);
        SDL_Color border = b->selected ? (v->high_contrast ? C_HC_FOCUS : C_AMBER)
                                       : v->high_contrast ? rgba(255, 255, 255, 255) : rgba(255, 240, 222, hover ? 110 : 64);
        round_ring(g, r, radius, ring_t, border);
        if (b->selected) round_ring(g, (orl_rect){r.x + ring_t, r.y + ring_t, r.w - 2 * ring_t, r.h - 2 * ring_t},
                                    radius - ring_t, ring_t, border);
    }
    if (b->disabled) label = tone(v, ORL_TONE_MUTED); /* a setting not available here */
    if (b->label && *b->label && b->label_size > 0) {
        int pad = b->kind == ORL_BUTTON_HOTSPOT ? 28 : 36;
        orl_view_text t = {b->label, r.x + pad, r.y + (r.h - b->label_h) / 2, b->label_wrap, b->label_h,
                           b->label_size, b->primary, b->label_align, 1.15f, 0};
        if (b->label_align == ORL_TEXT_ALIGN_CENTER) t.x = r.x + (r.w - b->label_wrap) / 2;
        text(g, p, &t, label, 0);
    }
    if (focus) round_ring(g, (orl_rect){r.x - 8, r.y - 8, r.w + 16, r.h + 16}, radius + 8, focus_t, focus_c);
}

/* ---------------------------------------------------------------------------------------
 * The frame */

/* A thin bar at the panel's end edge: how much there is and where the reader is. */
static void scrollbar(orl_player_gfx *g, const orl_view *v)
{
    int track_h = v->clip.h - 24, content = v->clip.h + v->scroll_max;
    if (track_h <= 0 || content <= 0) return;
    int th = track_h * v->clip.h / content;
    if (th < 48) th = 48;
    int ty = v->clip.y + 12 + (track_h - th) * v->scroll / (v->scroll_max > 0 ? v->scroll_max : 1);
    int x = v->rtl ? v->panel.x + 14 : v->panel.x + v->panel.w - 14 - 6;
    round_fill(g, (orl_rect){x, v->clip.y + 12, 6, track_h}, 3, rgba(255, 240, 222, 30));
    round_fill(g, (orl_rect){x, ty, 6, th}, 3, rgba(232, 164, 86, 200));
    /* more below: a round mark with a downward chevron at the foot of what scrolls (and one
     * pointing up when there is more above), so nobody takes the cut line for the end */
    float cx = v->clip.x + v->clip.w * 0.5f;
    SDL_Color ink = v->high_contrast ? rgba(255, 255, 255, 255) : C_AMBER;
    if (v->scroll < v->scroll_max) {
        float cy = (float)(v->clip.y + v->clip.h) - 30.0f;
        circle(g, cx, cy, 28, 0, v->high_contrast ? C_HC_PANEL : rgba(24, 18, 15, 235));
        circle(g, cx, cy, 28, 3, ink);
        line(g, cx - 11, cy - 5, cx, cy + 7, 4.0f, ink);
        line(g, cx, cy + 7, cx + 11, cy - 5, 4.0f, ink);
    }
    if (v->scroll > 0) {
        float cy = (float)v->clip.y + 30.0f;
        circle(g, cx, cy, 28, 0, v->high_contrast ? C_HC_PANEL : rgba(24, 18, 15, 235));
        circle(g, cx, cy, 28, 3, ink);
        line(g, cx - 11, cy + 5, cx, cy - 7, 4.0f, ink);
        line(g, cx, cy - 7, cx + 11, cy + 5, 4.0f, ink);
    }
}

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
    while (g->nshapes) drop_shape(g, 0);
    if (g->ramp) SDL_DestroyTexture(g->ramp);
    g->ramp = NULL;
    if (g->scenes) orl_scene_renderer_flush(g->scenes);
}

void orl_player_gfx_free(orl_player_gfx *g)
{
    if (!g) return;
    while (g->nshapes) drop_shape(g, 0);
    if (g->ramp) SDL_DestroyTexture(g->ramp);
    orl_scene_renderer_free(g->scenes);
    orl_ahead_free(g->pre);
    orl_text_cache_free(g->text);
    free(g);
}

void orl_player_gfx_preload(orl_player_gfx *g, orl_ahead *pre)
{
    if (!g) {
        orl_ahead_free(pre);
        return;
    }
    orl_ahead_free(g->pre);
    g->pre = pre;
}

/* Decoding ahead: the picture on screen, then those of the scenes its visible choices lead
 * to, asked for once each time the scene, its choices or the story change. */
static void ahead(orl_player_gfx *g, orl_player *p, const orl_view *v)
{
    const orl_story *st = orl_player_story(p);
    int sc = orl_player_scene(p);
    const orl_scene *cur = sc >= 0 ? &st->scenes[sc] : NULL;
    int choices = p->screen == ORL_SCREEN_SCENE ? p->nvis : 0;
    /* FNV-1a over what decides the list: scene, story, picture shown, visible choices */
    unsigned long long key = 1469598103934665603ULL;
    long long parts[4] = {sc, (long long)g->gen, v->picture == cur, choices};
    for (int i = 0; i < 4 + choices; i++) {
        key ^= (unsigned long long)(i < 4 ? parts[i] : p->vis[i - 4]);
        key *= 1099511628211ULL;
    }
    if (key == g->ahead_key) return;
    g->ahead_key = key;
    const orl_scene *want[2 + ORL_MAX_CHOICES];
    int n = 0;
    if (v->picture) want[n++] = v->picture;
    if (cur && cur != v->picture) want[n++] = cur;
    for (int i = 0; cur && i < choices; i++) {
        int c = p->vis[i];
        int target = c >= 0 && c < cur->nchoices ? cur->choices[c].target : -1;
        if (target >= 0 && target < st->nscenes) want[n++] = &st->scenes[target];
    }
    orl_scene_prefetch(g->scenes, want, n);
}

void orl_player_gfx_set_image_budget(orl_player_gfx *g, size_t bytes)
{
    if (g) g->image_budget = bytes;
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
        d.texture_budget = g->image_budget;
        g->scenes = orl_scene_renderer_create(&d);
        g->gen = orl_player_story_generation(p);
        g->fs = st->fs;
        orl_scene_renderer_adopt(g->scenes, g->pre);
        g->pre = NULL;
        g->ahead_key = 0;
    }
    /* the renderer of an earlier story (and its decoding thread) is gone: its files can go */
    orl_player__drop_replaced(p);
    if (g->scenes) ahead(g, p, v);
    if (!g->scenes || !v->picture) {
        fill_rect(g, 0, 0, W, H, rgba(28, 22, 19, 255));
        gradient(g, 0, H, 0, 120);
        return 0;
    }
    const orl_look *look = v->panorama ? &v->look : NULL;
    orl_diags *d = orl_player_diags(p);
    int whole = v->picture_k == 1.0f && v->picture_ox == 0.0f && v->picture_oy == 0.0f && g->cw == ORL_CANVAS_W &&
                g->ch == ORL_CANVAS_H;
    int ow = 0, oh = 0;
    if (!whole && SDL_GetRendererOutputSize(g->r, &ow, &oh) != 0) whole = 1;
    if (!whole) {
        /* a portrait canvas: the 16:9 picture fills picture_box, cropped at its sides, drawn in
         * its own 1920x1080 coordinates through a viewport and scale of its own */
        fill_rect(g, 0, 0, W, H, C_DIM(255));
        float so = (float)ow / (float)g->cw < (float)oh / (float)g->ch ? (float)ow / (float)g->cw : (float)oh / (float)g->ch;
        float lx = ((float)ow - g->cw * so) / 2, ly = ((float)oh - g->ch * so) / 2;
        float S = so * v->picture_k;
        SDL_RenderSetLogicalSize(g->r, 0, 0);
        SDL_RenderSetScale(g->r, S, S);
        SDL_Rect vp = {(int)floorf((lx + v->picture_ox * so) / S), (int)floorf((ly + v->picture_oy * so) / S), ORL_CANVAS_W,
                       ORL_CANVAS_H};
        SDL_RenderSetViewport(g->r, &vp);
        SDL_Rect clip = {(int)floorf((v->picture_box.x - v->picture_ox) / v->picture_k),
                         (int)floorf((v->picture_box.y - v->picture_oy) / v->picture_k),
                         (int)ceilf(v->picture_box.w / v->picture_k), (int)ceilf(v->picture_box.h / v->picture_k)};
        SDL_RenderSetClipRect(g->r, &clip);
    }
    int moving;
    if (v->from_picture && v->transition < 1.0f) {
        orl_scene_draw_transition(g->scenes, v->transition_kind, v->transition, v->from_picture, v->from_time,
                                  v->picture, v->picture_time, d);
        moving = 1;
    } else {
        moving = orl_scene_draw(g->scenes, v->picture, v->picture_time, look, d);
    }
    if (!whole) {
        SDL_RenderSetClipRect(g->r, NULL);
        SDL_RenderSetViewport(g->r, NULL);
        SDL_RenderSetScale(g->r, 1.0f, 1.0f);
        SDL_RenderSetLogicalSize(g->r, g->cw, g->ch);
        /* the picture's foot fades into the dark the panel stands on */
        float bottom = (float)(v->picture_box.y + v->picture_box.h);
        gradient(g, bottom - 200, bottom, 0, 255);
    }
    return moving;
}

#ifdef ORL_DRAW_PROFILE
#include <time.h>
static double prof_t;
static void prof(const char *what)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    double t = ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
    if (what) fprintf(stderr, "  %-12s %6.2f ms\n", what, t - prof_t);
    prof_t = t;
}
#else
#define prof(x) ((void)0)
#endif

/* Live reload (play --watch): after a failed reload, its problems over the last good story;
 * after a reload that moved the reader, a short notice. Calm slate blue, not alarm red. */
static void draw_reload(orl_player_gfx *g, orl_player *p)
{
    const char *probs = orl_player_reload_problems(p);
    const char *note = probs ? NULL : orl_player_notice(p);
    if (!probs && !note) return;
    const int x = 120, top = 136, w = W - 240, pad = 32; /* below the corner buttons */
    orl_view_text head = {0}, body = {0};
    head.text = probs ? orl_messages_words("@watch", "The story has a problem. This is the last version that worked; save the file again once it is mended.") : note;
    head.size = probs ? 32 : 30;
    head.bold = 1;
    head.x = x + pad;
    head.y = top + pad;
    head.w = w - 2 * pad;
    head.align = ORL_TEXT_ALIGN_LEFT;
    head.spacing = 1.2f;
    orl_text_desc d = {0};
    d.size = head.size;
    d.max_width = head.w;
    d.align = head.align;
    d.line_spacing = head.spacing;
    head.h = orl_text_measure(p->bold, head.text, &d).height;
    int h = head.h + 2 * pad;
    if (probs) {
        body = head;
        body.text = probs;
        body.size = 28;
        body.bold = 0;
        body.spacing = 1.3f;
        body.y = head.y + head.h + 18;
        d.size = body.size;
        d.line_spacing = body.spacing;
        body.h = orl_text_measure(p->fonts, body.text, &d).height;
        if (body.h > H - 2 * top - head.h - 18 - 2 * pad) body.h = H - 2 * top - head.h - 18 - 2 * pad;
        h += 18 + body.h;
    }
    orl_rect box = {x, top, w, h};
    round_fill(g, box, 24, rgba(26, 34, 46, 240));
    round_ring(g, box, 24, 2, rgba(120, 150, 190, 255));
    SDL_Rect c = {box.x, box.y, box.w, box.h};
    SDL_RenderSetClipRect(g->r, &c);
    text(g, p, &head, rgba(240, 206, 160, 255), 0);
    if (probs) text(g, p, &body, rgba(226, 232, 240, 255), 0);
    SDL_RenderSetClipRect(g->r, NULL);
}

int orl_player_draw(orl_player *p, orl_player_gfx *g)
{
    prof(NULL);
    /* the layout follows the screen's shape (a portrait screen gets a portrait canvas); the
     * kiosk keeps the 1920x1080 canvas its own screens use */
    int ow = 0, oh = 0;
    if (!p->kiosk && SDL_GetRendererOutputSize(g->r, &ow, &oh) == 0 && ow > 0 && oh > 0) orl_player_set_screen(p, ow, oh);
    const orl_view *v = orl_player_view(p);
    g->cw = v->canvas_w;
    g->ch = v->canvas_h;
    int lw = 0, lh = 0;
    SDL_RenderGetLogicalSize(g->r, &lw, &lh);
    if (lw != g->cw || lh != g->ch) SDL_RenderSetLogicalSize(g->r, g->cw, g->ch);
    g->frame++;
    g->one_to_one = one_to_one(g);
    SDL_SetRenderDrawColor(g->r, 0, 0, 0, 255);
    SDL_RenderClear(g->r);
    prof("view+clear");
    int moving = draw_picture(g, p, v);
    prof("picture");

    if (v->screen == ORL_SCREEN_TITLE) {
        /* the picture's own light above, darker towards the title and the button */
        float top = orl_title_top(v), knee = orl_title_knee(v);
        fill_rect(g, 0, 0, W, (int)top, C_DIM(v->dim));
        gradient(g, top, knee, v->dim, ORL_TITLE_SHADE);
        fill_rect(g, 0, (int)knee, W, H - (int)knee, C_DIM(ORL_TITLE_SHADE));
    } else if (v->dim) {
        fill_rect(g, 0, 0, W, H, C_DIM(v->dim));
    }

    prof("dim");
    int over_picture = v->screen == ORL_SCREEN_TITLE;
    if (v->has_panel) {
        /* a soft fall-off above the panel keeps it from looking pasted on */
        if (g->one_to_one) {
            /* 1:1: bands and a fill meet exactly */
            gradient(g, (float)v->panel.y - 160, (float)v->panel.y + 28, 0, 90);
            fill_rect(g, 0, v->panel.y + 28, W, H - v->panel.y - 28, C_DIM(90));
        } else {
            gradient(g, (float)v->panel.y - 160, H, 0, 110); /* one texture: no seam when scaled */
        }
        SDL_Color pc = v->high_contrast ? C_HC_PANEL : C_PANEL;
        pc.a = (Uint8)v->panel_alpha;
        round_fill(g, v->panel, 28, pc);
    }
    prof("panel");
    int clipped = v->scroll_max > 0 && !v->menu; /* a panel or a page that scrolls */
    if (clipped) {
        SDL_Rect c = {v->clip.x, v->clip.y, v->clip.w, v->clip.h};
        SDL_RenderSetClipRect(g->r, &c);
    }
    text(g, p, &v->heading, tone(v, v->heading.tone), over_picture);
    text(g, p, &v->sub, tone(v, v->sub.tone), over_picture);
    text(g, p, &v->body, tone(v, v->body.tone), 0);
    text(g, p, &v->body2, tone(v, v->body2.tone), 0);
    text(g, p, &v->note_title, tone(v, v->note_title.tone), 0);
    text(g, p, &v->note_intro, tone(v, v->note_intro.tone), 0);
    text(g, p, &v->note_words, tone(v, v->note_words.tone), 0);

    if (v->has_testimony) {
        orl_rect bar = v->testimony_box;
        bar.w = 5;
        if (v->rtl) bar.x = v->testimony_box.x + v->testimony_box.w - 5;
        round_fill(g, bar, 2, v->testimony_notice && v->note != 2 ? rgba(214, 200, 184, 120) : C_AMBER);
        text(g, p, &v->testimony_by, tone(v, v->testimony_by.tone), 0);
        text(g, p, &v->testimony_text, tone(v, v->testimony_text.tone), 0);
    }
    if (clipped) SDL_RenderSetClipRect(g->r, NULL);
    if (v->has_caption) {
        /* the testimony's caption: a dark strip above the panel, readable on any picture */
        round_fill(g, v->caption_box, 18, v->high_contrast ? rgba(0, 0, 0, 255) : rgba(12, 10, 9, 215));
        if (v->high_contrast) round_ring(g, v->caption_box, 18, 3, rgba(255, 255, 255, 255));
        text(g, p, &v->caption, v->high_contrast ? rgba(255, 255, 255, 255) : tone(v, v->caption.tone), 0);
    }
    SDL_Rect fact_clip = {v->fact_box.x, v->fact_box.y, v->fact_box.w, v->fact_box.h};
    int fact_seen = v->has_fact;
    if (fact_seen && v->fact_inside && clipped) {
        /* in a panel that scrolls, the card scrolls with the text and is clipped with it */
        SDL_Rect k = {v->clip.x, v->clip.y, v->clip.w, v->clip.h};
        fact_seen = SDL_IntersectRect(&fact_clip, &k, &fact_clip);
        if (fact_seen) SDL_RenderSetClipRect(g->r, &k);
    }
    if (fact_seen) {
        SDL_Rect c = fact_clip;
        orl_rect sh = v->fact_box;
        sh.y += 4;
        round_fill(g, sh, 20, rgba(0, 0, 0, 60));
        round_fill(g, v->fact_box, 20, v->high_contrast ? rgba(255, 255, 255, 255) : C_PAPER);
        SDL_RenderSetClipRect(g->r, &c); /* a fact longer than its card is cut, never spilled */
        text(g, p, &v->fact_label, tone(v, v->fact_label.tone), 0);
        text(g, p, &v->fact_text, tone(v, v->fact_text.tone), 0);
        text(g, p, &v->fact_source, tone(v, v->fact_source.tone), 0);
        SDL_RenderSetClipRect(g->r, NULL);
    }
    if (clipped && v->nsupport) {
        SDL_Rect c = {v->clip.x, v->clip.y, v->clip.w, v->clip.h};
        SDL_RenderSetClipRect(g->r, &c);
    }
    for (int i = 0; i < v->nsupport; i++) {
        round_fill(g, v->support_box[i], 22, v->high_contrast ? rgba(20, 20, 20, 255) : rgba(52, 42, 36, 225));
        if (v->high_contrast) round_ring(g, v->support_box[i], 22, 3, rgba(255, 255, 255, 255));
        text(g, p, &v->support[i].name, tone(v, v->support[i].name.tone), 0);
        text(g, p, &v->support[i].contact, tone(v, v->support[i].contact.tone), 0);
        text(g, p, &v->support[i].note, tone(v, v->support[i].note.tone), 0);
    }
    if (clipped && v->nsupport) SDL_RenderSetClipRect(g->r, NULL);
    if (clipped) scrollbar(g, v);
    if (v->menu) {
        fill_rect(g, 0, 0, W, H, C_DIM(150));
        orl_rect sh = v->menu_box;
        sh.y += 6;
        round_fill(g, sh, 32, rgba(0, 0, 0, 90));
        round_fill(g, v->menu_box, 32, v->high_contrast ? C_HC_PANEL : C_CARD_DARK);
        if (v->high_contrast) round_ring(g, v->menu_box, 32, 3, rgba(255, 255, 255, 255));
        text(g, p, &v->menu_title, tone(v, v->menu_title.tone), 0);
        text(g, p, &v->menu_size_label, tone(v, v->menu_size_label.tone), 0);
        text(g, p, &v->menu_access_label, tone(v, v->menu_access_label.tone), 0);
        text(g, p, &v->menu_lang_label, tone(v, v->menu_lang_label.tone), 0);
        text(g, p, &v->menu_volume_label, tone(v, v->menu_volume_label.tone), 0);
    }
    prof("texts");
    for (int i = 0; i < v->nbuttons; i++) {
        int clip_this = clipped && v->buttons[i].in_panel && !v->menu && !v->support_open;
        if (clip_this) {
            /* the focus ring may reach 12 px outside the clip: allow it */
            SDL_Rect c = {v->clip.x, v->clip.y - 12, v->clip.w, v->clip.h + 24};
            SDL_RenderSetClipRect(g->r, &c);
        }
        draw_button(g, p, v, i);
        if (clip_this) SDL_RenderSetClipRect(g->r, NULL);
    }
    if (v->hint.text && !v->menu && !v->support_open) {
        /* a panorama's first view: the picture turns */
        int hw = v->hint.w, hh = v->hint.h + 28;
        orl_text_desc d = {0};
        d.size = v->hint.size;
        d.max_width = v->hint.w;
        d.line_spacing = v->hint.spacing;
        int tw = orl_text_measure(p->fonts, v->hint.text, &d).width;
        if (tw + 64 < hw) hw = tw + 64;
        orl_rect box = {v->hint.x + (v->hint.w - hw) / 2, v->hint.y - 14, hw, hh};
        round_fill(g, box, hh / 2, v->high_contrast ? rgba(20, 20, 20, 255) : rgba(52, 42, 36, 225));
        text(g, p, &v->hint, tone(v, v->hint.tone), 0);
    }
    prof("buttons");
    draw_reload(g, p);
    return moving || v->transition < 1.0f;
}
