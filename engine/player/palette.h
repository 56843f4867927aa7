/* The player's palette, by role: drawing (draw.c) and the screen audit (audit.c, which checks
 * the contrast of every text over what it is drawn on) use the same values. */
#ifndef ORL_PLAYER_PALETTE_H
#define ORL_PLAYER_PALETTE_H
#include "player/player.h"

static inline SDL_Color rgba(int r, int g, int b, int a) { return (SDL_Color){(Uint8)r, (Uint8)g, (Uint8)b, (Uint8)a}; }

static inline SDL_Color tone(const orl_view *v, int t)
{
    if (v->high_contrast) {
        /* white on near-black, black on white: every pair well past 7:1 */
        switch (t) {
        case ORL_TONE_ACCENT: return rgba(255, 212, 120, 255);
        case ORL_TONE_MUTED: return rgba(224, 224, 224, 255);
        case ORL_TONE_INK:
        case ORL_TONE_INK_ACCENT: return rgba(0, 0, 0, 255);
        case ORL_TONE_INK_MUTED: return rgba(34, 34, 34, 255);
        default: return rgba(255, 255, 255, 255);
        }
    }
    switch (t) {
    case ORL_TONE_ACCENT: return rgba(242, 184, 110, 255);
    case ORL_TONE_MUTED: return rgba(214, 200, 184, 255);
    case ORL_TONE_INK: return rgba(46, 34, 27, 255);
    case ORL_TONE_INK_ACCENT: return rgba(150, 64, 36, 255); /* 5.6:1 on the paper */
    case ORL_TONE_INK_MUTED: return rgba(112, 90, 74, 255);
    default: return rgba(251, 244, 234, 255);
    }
}

#define C_PANEL rgba(24, 18, 15, 204)
#define C_HC_PANEL rgba(8, 8, 8, 255)
#define C_HC_FOCUS rgba(255, 222, 89, 255)
#define C_CARD_DARK rgba(34, 27, 23, 246)
#define C_PAPER rgba(247, 239, 226, 242)
#define C_AMBER rgba(232, 164, 86, 255)
#define C_DIM(a) rgba(16, 12, 10, a)


/* The title screen's darkening at height y: the picture's own light above a quarter of the
 * height, then darker down to the title, and from just above the title on a shade dark
 * enough for its text on any picture (white text over a white picture: 11:1). draw.c paints
 * it, the audit reads it. */
#define ORL_TITLE_SHADE 215
static inline float orl_title_top(const orl_view *v)
{
    float t = (float)v->heading.y - 160.0f; /* a tall title starts the shade above it */
    if (t < 0) t = 0;
    return t < v->canvas_h * 0.25f ? t : v->canvas_h * 0.25f;
}
static inline float orl_title_knee(const orl_view *v)
{
    float top = orl_title_top(v), k = (float)v->heading.y - 80.0f;
    return k > top + 1 ? k : top + 1;
}
static inline float orl_title_dim_at(const orl_view *v, float y)
{
    float top = orl_title_top(v), knee = orl_title_knee(v);
    if (y < top) return (float)v->dim;
    if (y < knee) return v->dim + (ORL_TITLE_SHADE - v->dim) * (y - top) / (knee - top);
    return ORL_TITLE_SHADE;
}

#endif
