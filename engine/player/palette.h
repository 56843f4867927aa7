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
    case ORL_TONE_INK_ACCENT: return rgba(168, 78, 46, 255);
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


#endif
