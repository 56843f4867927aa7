/* The kiosk's screens: where each button is (layout) and how it all looks (draw), on the
 * 1920x1080 canvas, in the player's palette (calm, warm, dark). */
#include "core/strutil.h"
#include "kiosk/kiosk_internal.h"
#include "story/care.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define W ORL_CANVAS_W
#define H ORL_CANVAS_H

static SDL_Color rgba(int r, int g, int b, int a) { return (SDL_Color){(Uint8)r, (Uint8)g, (Uint8)b, (Uint8)a}; }
#define C_TEXT rgba(251, 244, 234, 255)
#define C_MUTED rgba(214, 200, 184, 255)
#define C_ACCENT rgba(242, 184, 110, 255)
#define C_INK rgba(40, 26, 16, 255)
#define C_AMBER rgba(232, 164, 86, 255)

static const int corner_radii[4] = {16, 24, 32, 48};
/* The attract loop's plate under the title and "touch to begin": over pure white alone it
 * leaves about rgb(63, 60, 58), where the accent colour reads at 6:1 (8.8:1 measured with the
 * attract loop's own gradient under it: tests/unit/test_kiosk_screens.c). */
#define PLATE_ALPHA 205

/* ---------------------------------------------------------------------------------------
 * Resources */

int kiosk_gfx_init(orl_kiosk *k)
{
    char err[512] = "";
    k->fonts = orl_font_set_load_dir(k->font_dir, 0, 36, err, sizeof err);
    if (k->fonts) k->bold = orl_font_set_load_dir(k->font_dir, 1, 36, err, sizeof err);
    if (!k->fonts || !k->bold) {
        kiosk_log(k, ORL_LOG_ERROR, "fonts: %s", err);
        return -1;
    }
    k->text = orl_text_cache_create(k->r, NULL);
    return k->text ? 0 : -1;
}

void kiosk_gfx_free(orl_kiosk *k)
{
    for (int i = 0; i < 4; i++)
        if (k->corner[i]) SDL_DestroyTexture(k->corner[i]);
    if (k->ramp) SDL_DestroyTexture(k->ramp);
    orl_text_cache_free(k->text);
    orl_font_set_free(k->fonts);
    orl_font_set_free(k->bold);
}

void kiosk_gfx_reset(orl_kiosk *k)
{
    for (int i = 0; i < 4; i++)
        if (k->corner[i]) {
            SDL_DestroyTexture(k->corner[i]);
            k->corner[i] = NULL;
        }
    if (k->ramp) SDL_DestroyTexture(k->ramp);
    k->ramp = NULL;
    for (int i = 0; i < k->nstories; i++) {
        kstory *s = &k->stories[i];
        if (s->generated) SDL_DestroyTexture(s->generated);
        if (s->card) SDL_DestroyTexture(s->card);
        s->generated = s->card = NULL;
        s->card_failed = 0;
    }
    orl_text_cache_clear(k->text);
}

const char *kiosk_own(orl_kiosk *k, char *s)
{
    if (!s) return "";
    if (k->nstrings >= (int)(sizeof k->strings / sizeof *k->strings)) {
        free(s);
        return "";
    }
    k->strings[k->nstrings++] = s;
    return s;
}

const char *kiosk_lang_code(const orl_kiosk *k)
{
    if (k->lang >= 0 && k->lang < k->nlangs) return k->langs[k->lang];
    return k->nlangs ? k->langs[0] : "en";
}

static SDL_Texture *corner_tex(orl_kiosk *k, int r)
{
    int i = 0;
    while (i < 3 && corner_radii[i] < r) i++;
    r = corner_radii[i];
    if (k->corner[i]) return k->corner[i];
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, r, r, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s) return NULL;
    for (int y = 0; y < r; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch);
        for (int x = 0; x < r; x++) {
            float dx = (float)x + 0.5f - (float)r, dy = (float)y + 0.5f - (float)r;
            float d = (float)r - sqrtf(dx * dx + dy * dy);
            float a = d <= -0.5f ? 0.0f : d >= 0.5f ? 1.0f : d + 0.5f;
            row[x] = ((Uint32)lroundf(a * 255.0f) << 24) | 0xFFFFFFu;
        }
    }
    k->corner[i] = SDL_CreateTextureFromSurface(k->r, s);
    SDL_FreeSurface(s);
    if (k->corner[i]) SDL_SetTextureBlendMode(k->corner[i], SDL_BLENDMODE_BLEND);
    return k->corner[i];
}

/* A translated word with one "%d" or "%s" in it, filled with arg ("%%" is "%"). Not printf:
 * the format comes from a table of translations, and is treated as text. */
static void fill_word(char *out, size_t n, const char *fmt, const char *arg)
{
    size_t o = 0;
    int used = 0;
    for (const char *c = fmt; *c && o + 1 < n; c++) {
        if (c[0] == '%' && c[1] == '%') {
            out[o++] = '%';
            c++;
        } else if (c[0] == '%' && (c[1] == 'd' || c[1] == 's') && !used) {
            for (const char *a = arg; *a && o + 1 < n; a++) out[o++] = *a;
            used = 1;
            c++;
        } else {
            out[o++] = *c;
        }
    }
    out[o] = 0;
}

void kiosk_fill_number(char *out, size_t n, const char *fmt, int v)
{
    char num[16];
    snprintf(num, sizeof num, "%d", v);
    fill_word(out, n, fmt, num);
}

/* ---------------------------------------------------------------------------------------
 * Shapes and text */

static void fill(orl_kiosk *k, int x, int y, int w, int h, SDL_Color c)
{
    if (w <= 0 || h <= 0) return;
    SDL_SetRenderDrawBlendMode(k->r, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(k->r, c.r, c.g, c.b, c.a);
    SDL_Rect rc = {x, y, w, h};
    SDL_RenderFillRect(k->r, &rc);
}

static void round_fill(orl_kiosk *k, SDL_Rect rc, int r, SDL_Color c)
{
    SDL_Texture *t = corner_tex(k, r);
    int i = 0;
    while (i < 3 && corner_radii[i] < r) i++;
    r = corner_radii[i];
    if (r > rc.w / 2 || r > rc.h / 2 || !t) {
        fill(k, rc.x, rc.y, rc.w, rc.h, c);
        return;
    }
    fill(k, rc.x + r, rc.y, rc.w - 2 * r, rc.h, c);
    fill(k, rc.x, rc.y + r, r, rc.h - 2 * r, c);
    fill(k, rc.x + rc.w - r, rc.y + r, r, rc.h - 2 * r, c);
    SDL_SetTextureColorMod(t, c.r, c.g, c.b);
    SDL_SetTextureAlphaMod(t, c.a);
    SDL_Rect d[4] = {{rc.x, rc.y, r, r}, {rc.x + rc.w - r, rc.y, r, r}, {rc.x, rc.y + rc.h - r, r, r},
                     {rc.x + rc.w - r, rc.y + rc.h - r, r, r}};
    SDL_RendererFlip f[4] = {SDL_FLIP_NONE, SDL_FLIP_HORIZONTAL, SDL_FLIP_VERTICAL,
                             (SDL_RendererFlip)(SDL_FLIP_HORIZONTAL | SDL_FLIP_VERTICAL)};
    for (int j = 0; j < 4; j++) SDL_RenderCopyEx(k->r, t, NULL, &d[j], 0.0, NULL, f[j]);
}

/* A vertical gradient of the calm dark colour over the whole width, alpha a0 at y0 to a1 at
 * y1 (a0 < a1). Drawn 1:1 (a 1920x1080 screen) as 4-pixel bands of blended fills, which meet
 * exactly there and cost SDL's software renderer half of a blended copy; on any other screen
 * as one stretched copy of an alpha ramp texture: scaled bands overlap or leave gaps by a
 * pixel, which drew horizontal stripes across the attract loop at 1280x720 (under cage). */
static void gradient(orl_kiosk *k, int y0, int y1, int a0, int a1)
{
    if (y1 <= y0) return;
    int ow = 0, oh = 0;
    if (SDL_GetRendererOutputSize(k->r, &ow, &oh) != 0 || (ow == W && oh == H) || a0 >= a1 || a0 < 0 || a1 > 255) {
        for (int y = y0 < 0 ? 0 : y0; y < y1 && y < H; y += 4) {
            float t = (float)(y - y0) / (float)(y1 - y0);
            int a = (int)lroundf((float)a0 + (float)(a1 - a0) * t);
            if (a > 0) fill(k, 0, y, W, y + 4 <= y1 ? 4 : y1 - y, rgba(16, 12, 10, a));
        }
        return;
    }
    if (!k->ramp) {
        SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 8, 256, 32, SDL_PIXELFORMAT_ARGB8888);
        if (!s) return;
        for (int y = 0; y < 256; y++) {
            Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch);
            for (int x = 0; x < 8; x++) row[x] = ((Uint32)y << 24) | 0x100C0Au; /* rgb(16, 12, 10) */
        }
        k->ramp = SDL_CreateTextureFromSurface(k->r, s);
        SDL_FreeSurface(s);
        if (!k->ramp) return;
        SDL_SetTextureBlendMode(k->ramp, SDL_BLENDMODE_BLEND);
        SDL_SetTextureScaleMode(k->ramp, SDL_ScaleModeLinear);
    }
    SDL_Rect src = {0, a0, 8, a1 - a0 + 1};
    SDL_FRect dst = {0, (float)y0, (float)W, (float)(y1 - y0)};
    SDL_RenderCopyF(k->r, k->ramp, &src, &dst);
}

static void calm_background(orl_kiosk *k)
{
    fill(k, 0, 0, W, H, rgba(28, 22, 19, 255));
    gradient(k, 0, H, 0, 120);
}

/* Draws text in a box of width w at (x, y); returns its height. */
static int text(orl_kiosk *k, int bold, const char *s, int size, int x, int y, int w, orl_text_align align, SDL_Color c)
{
    if (!s || !*s) return 0;
    orl_text_desc d = {0};
    d.size = size;
    d.max_width = w;
    d.align = align;
    d.line_spacing = 1.15f;
    orl_text_metrics m = {0};
    orl_text_draw(k->text, bold ? k->bold : k->fonts, s, &d, x, y, c, &m);
    return m.height;
}

static int text_shadow(orl_kiosk *k, int bold, const char *s, int size, int x, int y, int w, orl_text_align align,
                       SDL_Color c)
{
    SDL_Color sh = rgba(0, 0, 0, c.a * 150 / 255);
    text(k, bold, s, size, x, y + (size >= 60 ? 3 : 2), w, align, sh);
    return text(k, bold, s, size, x, y, w, align, c);
}

static int measure(orl_kiosk *k, int bold, const char *s, int size, int w)
{
    orl_text_desc d = {0};
    d.size = size;
    d.max_width = w;
    d.line_spacing = 1.15f;
    return orl_text_measure(bold ? k->bold : k->fonts, s, &d).height;
}

/* ---------------------------------------------------------------------------------------
 * Layout: the buttons of each screen */

static kbutton *add(orl_kiosk *k, kaction a, int arg, const char *label, int size, int x, int y, int w, int h)
{
    if (k->nbuttons >= KIOSK_MAX_BUTTONS) return NULL;
    kbutton *b = &k->buttons[k->nbuttons++];
    *b = (kbutton){a, arg, {x, y, w, h}, label ? label : "", size, 0, 0};
    return b;
}

/* n buttons of w x h in rows of at most per_row, centred, starting at y. */
static void grid_rect(int i, int n, int per_row, int w, int h, int gap, int y, SDL_Rect *out)
{
    int rows = (n + per_row - 1) / per_row;
    int row = i / per_row, col = i % per_row;
    int in_row = row == rows - 1 ? n - row * per_row : per_row;
    int total = in_row * w + (in_row - 1) * gap;
    *out = (SDL_Rect){(W - total) / 2 + col * (w + gap), y + row * (h + gap), w, h};
}

static int player_title_up(orl_kiosk *k)
{
    return k->screen == ORL_KIOSK_STORY && k->player && orl_player_screen_now(k->player) == ORL_SCREEN_TITLE &&
           !orl_player_menu_open(k->player);
}

void kiosk_layout(orl_kiosk *k)
{
    for (int i = 0; i < k->nstrings; i++) free(k->strings[i]);
    k->nstrings = 0;
    k->nbuttons = 0;
    const char *lang = kiosk_lang_code(k);
    if (k->still_there) {
        add(k, KA_STILL_HERE, 0, kiosk_word_in(lang, KW_CONTINUE), 40, (W - 480) / 2, 640, 480, 110)->primary = 1;
        return;
    }
    switch (k->screen) {
    case ORL_KIOSK_LANGUAGE: {
        int per = k->nlangs <= 4 ? k->nlangs : k->nlangs <= 6 ? 3 : 4;
        if (per < 1) per = 1;
        for (int i = 0; i < k->nlangs; i++) {
            SDL_Rect r;
            grid_rect(i, k->nlangs, per, 400, 170, 36, k->nlangs > 4 ? 470 : 560, &r);
            add(k, KA_LANGUAGE, i, kiosk_lang_name(k->langs[i]), 52, r.x, r.y, r.w, r.h);
        }
        /* the way back to the attract loop: an arrow, no language is chosen yet (last, so
         * the digit keys still pick the languages) */
        add(k, KA_BACK, 0, "\u2039", 60, 72, 40, 140, 88);
        break;
    }
    case ORL_KIOSK_STORIES: {
        /* the stories on offer now (one changing or gone on disk is not: live.c) */
        int shown[KIOSK_MAX_STORIES], n = 0;
        for (int i = 0; i < k->nstories && n < 9; i++)
            if (!k->stories[i].hidden) shown[n++] = i;
        int per = n <= 3 ? n : n == 4 ? 2 : 3;
        if (per < 1) per = 1;
        int lidx = k->lang >= 0 ? k->lang : 0;
        for (int c = 0; c < n; c++) {
            int i = shown[c];
            const kstory *s = &k->stories[i];
            SDL_Rect r;
            grid_rect(c, n, per, 540, n > 6 ? 170 : n > 3 ? 230 : 320, 36, n > 3 ? 330 : 420, &r);
            /* the title in the language the story will be told in */
            const char *title = lidx < ORL_KIOSK_MAX_LANGS && s->titles[lidx] ? s->titles[lidx] : s->title;
            const char *play = kiosk_story_lang(s, k->langs[lidx < k->nlangs ? lidx : 0]);
            for (int j = 0; play && j < k->nlangs && !(lidx < ORL_KIOSK_MAX_LANGS && s->titles[lidx]); j++)
                if (strcmp(k->langs[j], play) == 0 && s->titles[j]) title = s->titles[j];
            if (kiosk_lang_rtl(kiosk_lang_code(k))) r.x = W - r.x - r.w; /* Arabic reads from the right */
            add(k, KA_STORY, i, title, 46, r.x, r.y, r.w, r.h);
        }
        /* the way back: to the languages (or the attract loop), on the side reading starts */
        int rtl = kiosk_lang_rtl(kiosk_lang_code(k));
        const char *back = kiosk_word_in(kiosk_lang_code(k), KW_BACK);
        add(k, KA_BACK, 0, kiosk_own(k, rtl ? orl_format("%s \u203A", back) : orl_format("\u2039 %s", back)), 36,
            rtl ? W - 72 - 300 : 72, 40, 300, 88);
        break;
    }
    case ORL_KIOSK_STORY:
        if (player_title_up(k)) {
            int rtl = kiosk_lang_rtl(orl_player_lang(k->player));
            /* "Stories" leads to the other stories; with one story on offer it leads back to
             * the languages: "Back" */
            const char *lbl = kiosk_word_in(orl_player_lang(k->player), kiosk_visible_count(k) > 1 ? KW_STORIES : KW_BACK);
            int w = 300;
            if (kiosk_visible_count(k) > 1 || k->nlangs > 1) add(k, KA_HOME, 0, lbl, 36, rtl ? W - 72 - w : 72, 40, w, 88);
        }
        break;
    case ORL_KIOSK_OTHERS:
        add(k, KA_CONTINUE, 0, kiosk_word_in(k->player ? orl_player_lang(k->player) : lang, KW_CONTINUE), 40,
            (W - 480) / 2, H - 180, 480, 110)
            ->primary = 1;
        break;
    case ORL_KIOSK_MESSAGE:
        add(k, KA_CONTINUE, 0, kiosk_word_in(lang, KW_CONTINUE), 40, (W - 480) / 2, 700, 480, 110)->primary = 1;
        break;
    case ORL_KIOSK_PIN: {
        int x0 = (W - (3 * 170 + 2 * 24)) / 2, y0 = 380;
        for (int i = 0; i < 12; i++) {
            int col = i % 3, row = i / 3;
            SDL_Rect r = {x0 + col * (170 + 24), y0 + row * (120 + 20), 170, 120};
            if (i < 9) add(k, KA_PIN_DIGIT, i + 1, kiosk_own(k, orl_format("%d", i + 1)), 52, r.x, r.y, r.w, r.h);
            else if (i == 9) add(k, KA_PIN_ERASE, 0, "Erase", 32, r.x, r.y, r.w, r.h);
            else if (i == 10) add(k, KA_PIN_DIGIT, 0, "0", 52, r.x, r.y, r.w, r.h);
            else add(k, KA_PIN_OK, 0, "OK", 40, r.x, r.y, r.w, r.h)->primary = 1;
        }
        add(k, KA_PIN_CANCEL, 0, "Cancel", 34, W - 72 - 260, 40, 260, 88);
        if (!k->cfg->pin_hash) k->nbuttons = 0, add(k, KA_PIN_CANCEL, 0, "Cancel", 34, W - 72 - 260, 40, 260, 88);
        break;
    }
    case ORL_KIOSK_OPERATOR: {
        static const char *const views[] = {"Summary", "Statistics", "Withdrawn", "Problems"};
        int x = W - 72 - 520, y = 130;
        for (int i = 0; i < 4; i++) {
            kbutton *b = add(k, KA_OP_VIEW, i, views[i], 30, x + (i % 2) * 270, y + (i / 2) * 100, 250, 84);
            if (b) b->selected = k->op_view == i;
        }
        y += 230;
        add(k, KA_OP_VOLUME, -1, "Volume -", 30, x, y, 250, 84);
        add(k, KA_OP_VOLUME, 1, "Volume +", 30, x + 270, y, 250, 84);
        y += 120;
        add(k, KA_OP_RELOAD, 0, "Reload stories", 30, x, y, 520, 84);
        y += 120;
        add(k, KA_OP_CLOSE, 0, "Back to visitors", 30, x, y, 520, 84)->primary = 1;
        y += 160;
        if (!k->confirm_quit) {
            add(k, KA_OP_QUIT, 0, "Quit Orilla", 30, x, y, 520, 84);
        } else {
            add(k, KA_OP_QUIT_NO, 0, "No, stay", 30, x, y + 60, 250, 84)->primary = 1;
            add(k, KA_OP_QUIT_YES, 0, "Yes, quit", 30, x + 270, y + 60, 250, 84);
        }
        break;
    }
    default:
        break;
    }
}

/* ---------------------------------------------------------------------------------------
 * Drawing */

static void draw_button(orl_kiosk *k, int i)
{
    const kbutton *b = &k->buttons[i];
    int pressed = k->pressed == i, focus = k->focus == i;
    SDL_Color fillc = b->primary ? (pressed ? rgba(250, 196, 128, 255) : rgba(232, 164, 86, 250))
                                 : (pressed ? rgba(232, 164, 86, 160) : rgba(66, 53, 45, 238));
    round_fill(k, b->rect, 24, fillc);
    if (b->selected || focus) {
        SDL_Rect o = {b->rect.x - 6, b->rect.y - 6, b->rect.w + 12, b->rect.h + 12};
        for (int t = 0; t < 4; t++) {
            SDL_Rect e = {o.x + t, o.y + t, o.w - 2 * t, o.h - 2 * t};
            SDL_SetRenderDrawColor(k->r, C_AMBER.r, C_AMBER.g, C_AMBER.b, 255);
            SDL_RenderDrawRect(k->r, &e);
        }
    }
    int pad = 24;
    int h = measure(k, 1, b->label, b->size, b->rect.w - 2 * pad);
    text(k, 1, b->label, b->size, b->rect.x + pad, b->rect.y + (b->rect.h - h) / 2, b->rect.w - 2 * pad,
         ORL_TEXT_ALIGN_CENTER, b->primary ? C_INK : C_TEXT);
}

static SDL_Texture *card_picture(orl_kiosk *k, kstory *s, int w, int h);

/* A story's card: its picture, a dark scrim at the bottom and the title on it. */
static void draw_story_card(orl_kiosk *k, int i)
{
    const kbutton *b = &k->buttons[i];
    kstory *s = &k->stories[b->arg];
    SDL_Texture *pic = card_picture(k, s, b->rect.w, b->rect.h);
    if (!pic) {
        draw_button(k, i);
        return;
    }
    round_fill(k, (SDL_Rect){b->rect.x - 3, b->rect.y - 3, b->rect.w + 6, b->rect.h + 6}, 24, rgba(66, 53, 45, 255));
    SDL_RenderCopy(k->r, pic, NULL, &b->rect);
    int th = measure(k, 1, b->label, b->size, b->rect.w - 48);
    int plate = th + 40;
    if (plate > b->rect.h) plate = b->rect.h;
    fill(k, b->rect.x, b->rect.y + b->rect.h - plate, b->rect.w, plate, rgba(16, 12, 10, 205));
    if (k->pressed == i) fill(k, b->rect.x, b->rect.y, b->rect.w, b->rect.h, rgba(232, 164, 86, 90));
    if (k->focus == i) {
        for (int t = 0; t < 4; t++) {
            SDL_Rect e = {b->rect.x - 8 + t, b->rect.y - 8 + t, b->rect.w + 16 - 2 * t, b->rect.h + 16 - 2 * t};
            SDL_SetRenderDrawColor(k->r, C_AMBER.r, C_AMBER.g, C_AMBER.b, 255);
            SDL_RenderDrawRect(k->r, &e);
        }
    }
    text(k, 1, b->label, b->size, b->rect.x + 24, b->rect.y + b->rect.h - plate + 20, b->rect.w - 48,
         ORL_TEXT_ALIGN_CENTER, C_TEXT);
}

static void draw_buttons(orl_kiosk *k)
{
    for (int i = 0; i < k->nbuttons; i++) {
        if (k->buttons[i].action == KA_STORY && k->screen == ORL_KIOSK_STORIES) draw_story_card(k, i);
        else draw_button(k, i);
    }
}

/* ---------------------------------------------------------------------------------------
 * Covers made for stories without a picture: a calm landscape (sky, a low sun, three ranges
 * of hills) in one of four palettes, chosen and shaped by the story's id, so each such story
 * has its own and the attract loop never shows a near-black turn. */

#define GEN_W 480
#define GEN_H 270

static unsigned fnv(const char *s)
{
    unsigned h = 2166136261u;
    for (; s && *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

typedef struct palette {
    Uint8 top[3], horizon[3], hill[3][3], sun[3];
} palette;

static const palette palettes[4] = {
    {{44, 52, 98}, {214, 140, 110}, {{126, 96, 132}, {86, 66, 102}, {46, 36, 58}}, {252, 222, 170}},   /* dusk */
    {{66, 44, 76}, {240, 172, 112}, {{160, 100, 88}, {108, 66, 68}, {58, 38, 46}}, {255, 232, 180}},  /* dawn */
    {{28, 58, 92}, {150, 190, 204}, {{66, 116, 128}, {42, 84, 100}, {24, 50, 66}}, {246, 240, 214}},  /* sea */
    {{40, 70, 74}, {214, 204, 150}, {{104, 134, 94}, {66, 98, 74}, {36, 60, 48}}, {252, 236, 186}},   /* hills */
};

static Uint8 mixc(Uint8 a, Uint8 b, float t) { return (Uint8)lroundf((float)a + ((float)b - (float)a) * t); }

static SDL_Texture *generated_cover(orl_kiosk *k, kstory *s)
{
    if (s->generated) return s->generated;
    unsigned h = fnv(s->id);
    const palette *p = &palettes[h % 4];
    SDL_Surface *sf = SDL_CreateRGBSurfaceWithFormat(0, GEN_W, GEN_H, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!sf) return NULL;
    float sun_x = (0.25f + 0.5f * (float)((h >> 4) % 100) / 100.0f) * GEN_W, sun_y = 0.50f * GEN_H,
          sun_r = 0.09f * GEN_H;
    float base[3] = {0.60f, 0.71f, 0.84f}, amp[3] = {0.06f, 0.05f, 0.04f};
    float freq[3], phase[3];
    for (int i = 0; i < 3; i++) {
        freq[i] = 1.2f + (float)((h >> (8 + 3 * i)) % 7) * 0.35f;
        phase[i] = (float)((h >> (12 + 4 * i)) % 628) / 100.0f;
    }
    for (int y = 0; y < GEN_H; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)sf->pixels + (size_t)y * (size_t)sf->pitch);
        float ty = (float)y / (float)(GEN_H * 0.62f);
        if (ty > 1) ty = 1;
        for (int x = 0; x < GEN_W; x++) {
            float c[3];
            for (int j = 0; j < 3; j++) c[j] = (float)mixc(p->top[j], p->horizon[j], ty * ty);
            /* the sun and its glow */
            float dx = (float)x - sun_x, dy = (float)y - sun_y, d = sqrtf(dx * dx + dy * dy);
            float halo = expf(-(d > sun_r ? d - sun_r : 0.0f) / (0.35f * GEN_H)) * 0.35f;
            float disc = d <= sun_r - 1.0f ? 1.0f : d >= sun_r + 1.0f ? 0.0f : (sun_r + 1.0f - d) / 2.0f;
            float glow = halo + (1.0f - halo) * disc; /* the disc's edge smoothed over 2 pixels */
            for (int j = 0; j < 3; j++) c[j] += ((float)p->sun[j] - c[j]) * glow;
            /* the hills, back to front, each edge smoothed over a pixel */
            float fx = (float)x / GEN_W * 6.2832f;
            for (int i = 0; i < 3; i++) {
                float top = (base[i] + amp[i] * sinf(fx * freq[i] + phase[i]) +
                             amp[i] * 0.4f * sinf(fx * freq[i] * 2.7f + phase[i] * 1.7f)) * GEN_H;
                float cover = (float)y + 0.5f - top;
                if (cover <= -0.5f) continue;
                float a = cover >= 0.5f ? 1.0f : cover + 0.5f;
                for (int j = 0; j < 3; j++) c[j] += ((float)p->hill[i][j] - c[j]) * a;
            }
            row[x] = 0xFF000000u | ((Uint32)lroundf(c[0]) << 16) | ((Uint32)lroundf(c[1]) << 8) | (Uint32)lroundf(c[2]);
        }
    }
    s->generated = SDL_CreateTextureFromSurface(k->r, sf);
    SDL_FreeSurface(sf);
    if (s->generated) SDL_SetTextureScaleMode(s->generated, SDL_ScaleModeLinear);
    return s->generated;
}

/* The generated cover over the whole screen, drifting slowly over the attract turn. */
static void draw_generated(orl_kiosk *k, kstory *s, double t)
{
    SDL_Texture *tex = generated_cover(k, s);
    if (!tex) {
        calm_background(k);
        return;
    }
    float z = 1.0f - 0.08f * (float)(t / ORL_KIOSK_ATTRACT_SECONDS);
    if (z < 0.9f) z = 0.9f;
    SDL_FRect src = {(1.0f - z) * GEN_W * 0.5f, (1.0f - z) * GEN_H * 0.6f, z * GEN_W, z * GEN_H};
    SDL_Rect isrc = {(int)src.x, (int)src.y, (int)src.w, (int)src.h};
    SDL_RenderCopy(k->r, tex, &isrc, NULL);
}

/* The picture on a story's card: its cover (or first scene's picture), else the generated one. */
static SDL_Texture *card_picture(orl_kiosk *k, kstory *s, int w, int h)
{
    if (s->card) return s->card;
    if (s->cover.nlayers && !s->card_failed) {
        char why[300];
        SDL_Surface *sf = orl_image_preview(s->st->fs, s->cover_layer.image, w, h, why, sizeof why);
        if (sf) {
            s->card = SDL_CreateTextureFromSurface(k->r, sf);
            SDL_FreeSurface(sf);
        }
        if (!s->card) {
            s->card_failed = 1;
            kiosk_log(k, ORL_LOG_WARN, "the card of %s shows a made-up cover: %s", s->id, sf ? SDL_GetError() : why);
        }
        if (s->card) return s->card;
    }
    return generated_cover(k, s);
}

/* A story's cover under its slow camera; 1 while it moves. */
static int draw_cover(orl_kiosk *k, int idx, double t)
{
    if (idx < 0 || idx >= k->nstories || k->stories[idx].hidden) {
        calm_background(k);
        return 0;
    }
    if (!k->stories[idx].cover.nlayers) {
        draw_generated(k, &k->stories[idx], t);
        return 1;
    }
    kstory *s = &k->stories[idx];
    if (!s->sr) {
        orl_scene_renderer_desc d = {0};
        d.renderer = k->r;
        d.fs = s->st->fs;
        d.software = k->software;
        d.texture_budget = 64u * 1024u * 1024u;
        s->sr = orl_scene_renderer_create(&d);
        if (!s->sr) {
            calm_background(k);
            return 0;
        }
    }
    orl_diags d = {0};
    int moving = orl_scene_draw(s->sr, &s->cover, t, NULL, &d);
    for (size_t i = 0; i < d.n; i++) /* reported once by the renderer */
        kiosk_log(k, d.items[i].sev == ORL_ERROR ? ORL_LOG_ERROR : ORL_LOG_WARN, "cover of %s: %s:%d: %s", s->id,
                  d.items[i].file ? d.items[i].file : "?", d.items[i].line, d.items[i].msg ? d.items[i].msg : "");
    orl_diags_free(&d);
    return moving;
}

static int draw_attract(orl_kiosk *k)
{
    double t = k->attract_t;
    draw_cover(k, k->attract_story, t);
    /* fade through black between covers */
    double fade = 1.2, a = 0;
    if (t < fade) a = 1.0 - t / fade;
    else if (t > ORL_KIOSK_ATTRACT_SECONDS - fade) a = (t - (ORL_KIOSK_ATTRACT_SECONDS - fade)) / fade;
    gradient(k, H / 3, H, 0, 215);
    /* the languages take turns, each for ORL_KIOSK_TOUCH_SECONDS */
    int n = k->nlangs ? k->nlangs : 1;
    int li = (int)fmod(k->now / ORL_KIOSK_TOUCH_SECONDS, (double)n);
    double in = fmod(k->now, ORL_KIOSK_TOUCH_SECONDS);
    double ta = in < 0.5 ? in / 0.5 : in > ORL_KIOSK_TOUCH_SECONDS - 0.5 ? (ORL_KIOSK_TOUCH_SECONDS - in) / 0.5 : 1.0;
    const char *lang = k->nlangs ? k->langs[li] : "en";
    const char *title = NULL;
    char *kinds = NULL;
    if (k->attract_story >= 0 && k->attract_story < k->nstories && !k->stories[k->attract_story].hidden) {
        const kstory *s = &k->stories[k->attract_story];
        title = li < ORL_KIOSK_MAX_LANGS && s->titles[li] ? s->titles[li] : s->title;
        /* recreated or composite testimonies: said above the title before anyone begins
         * (story/care.h), on the same plate */
        kinds = s->st ? orl_story_kinds_credit(s->st, lang, 0) : NULL;
    }
    /* a dark plate under the title and "touch to begin", wide enough for the widest of the
     * languages' lines, so both stay readable over any picture (at least 4.5:1 even over
     * white: tests/unit/test_kiosk_screens.c) and the plate does not jump as they turn */
    int widest = 0;
    for (int i = 0; i < n; i++) {
        orl_text_desc d = {0};
        d.size = 52;
        d.max_width = W - 320;
        int w = orl_text_measure(k->fonts, kiosk_word_in(k->nlangs ? k->langs[i] : "en", KW_TOUCH), &d).width;
        if (w > widest) widest = w;
    }
    if (title) {
        orl_text_desc d = {0};
        d.size = 84;
        d.max_width = W - 320;
        int w = orl_text_measure(k->bold, title, &d).width;
        if (w > widest) widest = w;
    }
    int pw = widest + 2 * 56;
    if (pw > W - 160) pw = W - 160;
    int th = title ? measure(k, 1, title, 84, W - 320) : 0;
    int kh = kinds ? measure(k, 0, kinds, 32, W - 320) : 0;
    int top = title ? 600 - 36 - (kinds ? kh + 28 : 0) : 800 - 36;
    round_fill(k, (SDL_Rect){(W - pw) / 2, top, pw, 800 + 75 + 36 - top + (th > 110 ? th - 110 : 0)}, 48,
               rgba(16, 12, 10, PLATE_ALPHA));
    if (title) text_shadow(k, 1, title, 84, 160, 600, W - 320, ORL_TEXT_ALIGN_CENTER, C_TEXT);
    if (kinds) text_shadow(k, 0, kinds, 32, 160, 600 - kh - 28, W - 320, ORL_TEXT_ALIGN_CENTER, C_MUTED);
    free(kinds);
    SDL_Color c = C_ACCENT;
    c.a = (Uint8)lround(255.0 * ta);
    text_shadow(k, 0, kiosk_word_in(lang, KW_TOUCH), 52, 160, 800 + (th > 110 ? th - 110 : 0), W - 320,
                ORL_TEXT_ALIGN_CENTER, c);
    /* a slow breathing ring: touch here, or anywhere */
    double pulse = 0.5 + 0.5 * sin(k->now * 2.0);
    round_fill(k, (SDL_Rect){W / 2 - 48, 940 - 48, 96, 96}, 48, rgba(251, 244, 234, (int)(20 + 40 * pulse)));
    round_fill(k, (SDL_Rect){W / 2 - 24, 940 - 24, 48, 48}, 24, rgba(251, 244, 234, (int)(120 + 100 * pulse)));
    if (a > 0) fill(k, 0, 0, W, H, rgba(0, 0, 0, (int)lround(255.0 * (a > 1 ? 1 : a))));
    return 1;
}

static void dimmed_cover(orl_kiosk *k, int alpha)
{
    draw_cover(k, k->attract_story, k->attract_t);
    fill(k, 0, 0, W, H, rgba(16, 12, 10, alpha));
}

static void draw_language(orl_kiosk *k)
{
    dimmed_cover(k, 200);
    char heading[1024] = "";
    for (int i = 0; i < k->nlangs && i < 6; i++) {
        size_t l = strlen(heading);
        snprintf(heading + l, sizeof heading - l, "%s%s", i ? "\n" : "", kiosk_word_in(k->langs[i], KW_CHOOSE_LANG));
    }
    int size = k->nlangs > 4 ? 34 : 44;
    int h = measure(k, 0, heading, size, W - 320);
    int top = (k->nlangs > 4 ? 440 : 530) - 60 - h;
    if (top < 40) top = 40;
    text_shadow(k, 0, heading, size, 160, top, W - 320, ORL_TEXT_ALIGN_CENTER, C_MUTED);
    draw_buttons(k);
}

static void draw_stories(orl_kiosk *k)
{
    dimmed_cover(k, 205);
    const char *lang = kiosk_lang_code(k);
    text_shadow(k, 1, kiosk_word_in(lang, KW_CHOOSE_STORY), 64, 160, k->nstories > 3 ? 150 : 270, W - 320,
                ORL_TEXT_ALIGN_CENTER, C_TEXT);
    draw_buttons(k);
    /* the language each story will be told in, when it is not the visitor's */
    for (int i = 0; i < k->nbuttons; i++) {
        const kbutton *b = &k->buttons[i];
        if (b->action != KA_STORY) continue;
        const char *play = kiosk_story_lang(&k->stories[b->arg], lang);
        if (!play || strcmp(play, lang) == 0) continue;
        char line[128];
        fill_word(line, sizeof line, kiosk_word_in(lang, KW_IN_LANGUAGE), kiosk_lang_name(play));
        /* on a plate at the top of the card (the title has the bottom) */
        fill(k, b->rect.x, b->rect.y, b->rect.w, 52, rgba(16, 12, 10, 205));
        text(k, 0, line, 28, b->rect.x + 20, b->rect.y + 8, b->rect.w - 40, ORL_TEXT_ALIGN_CENTER, C_MUTED);
    }
}

static void draw_others(orl_kiosk *k)
{
    calm_background(k);
    const char *lang = k->player ? orl_player_lang(k->player) : kiosk_lang_code(k);
    orl_text_align start = ORL_TEXT_ALIGN_START;
    text(k, 1, kiosk_word_in(lang, KW_OTHERS_TITLE), 60, 200, 70, W - 400, ORL_TEXT_ALIGN_CENTER, C_TEXT);
    text(k, 0, kiosk_word_in(lang, KW_OTHERS_INTRO), 30, 260, 160, W - 520, ORL_TEXT_ALIGN_CENTER, C_MUTED);
    int y = 260, rowh = (H - 200 - y) / (k->nothers ? k->nothers : 1);
    if (rowh > 190) rowh = 190;
    for (int i = 0; i < k->nothers; i++) {
        const kstep *s = &k->steps[k->others_idx[i]];
        const orl_stats_share *sh = &k->others_share[i];
        SDL_Rect card = {200, y, W - 400, rowh - 20};
        round_fill(k, card, 24, rgba(52, 42, 36, 230));
        /* the moment: the scene's first words */
        char moment[200];
        const char *src = s->scene_text ? s->scene_text : s->scene;
        size_t n = strlen(src);
        if (n > 110) {
            size_t cut = 110;
            while (cut > 0 && ((unsigned char)src[cut] & 0xC0) == 0x80) cut--;
            snprintf(moment, sizeof moment, "%.*s…", (int)cut, src);
        } else {
            snprintf(moment, sizeof moment, "%s", src);
        }
        for (char *c = moment; *c; c++)
            if (*c == '\n') *c = ' ';
        text(k, 0, moment, 26, card.x + 36, card.y + 18, card.w - 72, start, C_MUTED);
        char chose[600];
        snprintf(chose, sizeof chose, "%s %s", kiosk_word_in(lang, KW_YOU_CHOSE), s->label ? s->label : "");
        text(k, 1, chose, 32, card.x + 36, card.y + 58, card.w - 72 - 560, start, C_TEXT);
        /* the share as a bar */
        int pct = sh->percent; /* rounded to 5 %, never 0 or 100 for a mixed scene (stats.h) */
        int rtl = kiosk_lang_rtl(lang);
        SDL_Rect bar = {rtl ? card.x + 36 : card.x + card.w - 36 - 500, card.y + 62, 500, 26};
        round_fill(k, bar, 16, rgba(255, 240, 222, 40));
        SDL_Rect full = bar;
        full.w = bar.w * pct / 100;
        if (rtl) full.x = bar.x + bar.w - full.w;
        if (full.w > 0) round_fill(k, full, 16, C_AMBER);
        char line[160];
        kiosk_fill_number(line, sizeof line, kiosk_word_in(lang, KW_SAME_SHARE), pct);
        text(k, 0, line, 26, bar.x, bar.y + 36, bar.w, rtl ? ORL_TEXT_ALIGN_RIGHT : ORL_TEXT_ALIGN_LEFT, C_ACCENT);
        y += rowh;
    }
    draw_buttons(k);
}

static void draw_message(orl_kiosk *k)
{
    calm_background(k);
    const char *lang = kiosk_lang_code(k);
    text(k, 1, kiosk_word_in(lang, KW_SORRY), 56, 200, 380, W - 400, ORL_TEXT_ALIGN_CENTER, C_TEXT);
    text(k, 0, kiosk_word_in(lang, KW_SORRY_SUB), 36, 200, 520, W - 400, ORL_TEXT_ALIGN_CENTER, C_MUTED);
    draw_buttons(k);
}

static void draw_out_of_order(orl_kiosk *k)
{
    calm_background(k);
    int n = k->nlangs ? k->nlangs : 1;
    if (n > 6) n = 6;
    int block = 150, y = (H - n * block) / 2;
    for (int i = 0; i < n; i++) {
        const char *lang = k->nlangs ? k->langs[i] : "en";
        text(k, 1, kiosk_word_in(lang, KW_OUT_OF_ORDER), 54, 200, y, W - 400, ORL_TEXT_ALIGN_CENTER, C_TEXT);
        text(k, 0, kiosk_word_in(lang, KW_OUT_OF_ORDER_SUB), 30, 200, y + 72, W - 400, ORL_TEXT_ALIGN_CENTER, C_MUTED);
        y += block;
    }
    /* a slow breathing dot: the kiosk is alive, only without stories */
    double pulse = 0.5 + 0.5 * sin(k->now * 1.5);
    round_fill(k, (SDL_Rect){W / 2 - 16, H - 90, 32, 32}, 16, rgba(251, 244, 234, (int)(40 + 80 * pulse)));
}

static void draw_pin(orl_kiosk *k)
{
    calm_background(k);
    text(k, 1, "Operator", 56, 200, 80, W - 400, ORL_TEXT_ALIGN_CENTER, C_TEXT);
    if (k->cfg->pin_hash) {
        /* one dot per digit typed, never the digits */
        int n = k->npin, r = 16, gap = 22, total = n * 2 * r + (n > 0 ? (n - 1) * gap : 0);
        for (int i = 0; i < n; i++)
            round_fill(k, (SDL_Rect){(W - total) / 2 + i * (2 * r + gap), 250, 2 * r, 2 * r}, 16, C_TEXT);
        if (!n) text(k, 0, "Type the PIN", 32, 200, 240, W - 400, ORL_TEXT_ALIGN_CENTER, C_MUTED);
    }
    char msg[200];
    snprintf(msg, sizeof msg, "%s", k->pin_msg);
    double wait = orl_pin_wait(&k->guard, k->now);
    if (wait > 0) snprintf(msg, sizeof msg, "Too many wrong PINs: wait %.0f s.", ceil(wait));
    if (msg[0]) text(k, 0, msg, 32, 200, k->cfg->pin_hash ? 310 : 400, W - 400, ORL_TEXT_ALIGN_CENTER, C_ACCENT);
    draw_buttons(k);
}

static void draw_operator(orl_kiosk *k)
{
    calm_background(k);
    round_fill(k, (SDL_Rect){72, 110, W - 72 - 600 - 40, H - 180}, 32, rgba(34, 27, 23, 246));
    SDL_Rect clip = {72, 110, W - 72 - 600 - 40, H - 180 - 20};
    SDL_RenderSetClipRect(k->r, &clip);
    text(k, 0, k->op_text, 28, 110, 140, W - 72 - 600 - 40 - 76, ORL_TEXT_ALIGN_LEFT, C_TEXT);
    SDL_RenderSetClipRect(k->r, NULL);
    text(k, 1, "Operator menu", 40, W - 72 - 520, 50, 520, ORL_TEXT_ALIGN_LEFT, C_ACCENT);
    if (k->confirm_quit)
        text(k, 0, "Quit Orilla? Under the service it starts again 5 s later.", 26, W - 72 - 520, 130 + 230 + 120 + 120 + 160 - 10,
             520, ORL_TEXT_ALIGN_LEFT, C_TEXT);
    draw_buttons(k);
}

static void draw_still_there(orl_kiosk *k)
{
    fill(k, 0, 0, W, H, rgba(16, 12, 10, 190));
    SDL_Rect card = {(W - 1100) / 2, 260, 1100, 560};
    round_fill(k, card, 32, rgba(34, 27, 23, 246));
    const char *lang = k->player ? orl_player_lang(k->player) : kiosk_lang_code(k);
    text(k, 1, kiosk_word_in(lang, KW_STILL_THERE), 64, card.x + 60, card.y + 70, card.w - 120, ORL_TEXT_ALIGN_CENTER,
         C_TEXT);
    int left = (int)ceil(k->cfg->countdown_seconds - (k->now - k->still_started));
    if (left < 0) left = 0;
    char line[300];
    kiosk_fill_number(line, sizeof line, kiosk_word_in(lang, KW_STILL_THERE_SUB), left);
    text(k, 0, line, 36, card.x + 80, card.y + 200, card.w - 160, ORL_TEXT_ALIGN_CENTER, C_MUTED);
    draw_buttons(k);
}

/* The operator's corner hold: after half a second, a ring of dots around the finger fills
 * clockwise until the PIN pad opens (a short touch there shows nothing). */
static void draw_hold(orl_kiosk *k)
{
    double held = k->now - k->hold_started;
    if (!k->holding || held < 0.5) return;
    double part = held / ORL_KIOSK_HOLD_SECONDS;
    if (part > 1) part = 1;
    const int dots = 12, radius = 76;
    int cx = (int)k->hold_x < 104 ? 104 : (int)k->hold_x, cy = (int)k->hold_y < 104 ? 104 : (int)k->hold_y;
    round_fill(k, (SDL_Rect){cx - 104, cy - 104, 208, 208}, 48, rgba(16, 12, 10, 190));
    for (int i = 0; i < dots; i++) {
        double a = -M_PI / 2 + 2 * M_PI * i / dots;
        int x = cx + (int)lround(radius * cos(a)), y = cy + (int)lround(radius * sin(a));
        int lit = (double)(i + 1) / dots <= part + 1e-9;
        round_fill(k, (SDL_Rect){x - 16, y - 16, 32, 32}, 16, lit ? C_AMBER : rgba(251, 244, 234, 60));
    }
}

int kiosk_draw_screen(orl_kiosk *k)
{
    kiosk_layout(k);
    SDL_SetRenderDrawColor(k->r, 0, 0, 0, 255);
    SDL_RenderClear(k->r);
    int moving = 0;
    switch (k->screen) {
    case ORL_KIOSK_ATTRACT: moving = draw_attract(k); break;
    case ORL_KIOSK_LANGUAGE: draw_language(k); break;
    case ORL_KIOSK_STORIES: draw_stories(k); break;
    case ORL_KIOSK_STORY:
        if (k->player && k->pgfx) moving = orl_player_draw(k->player, k->pgfx);
        else calm_background(k);
        if (!k->still_there) draw_buttons(k);
        break;
    case ORL_KIOSK_OTHERS: draw_others(k); break;
    case ORL_KIOSK_MESSAGE: draw_message(k); break;
    case ORL_KIOSK_OUT_OF_ORDER: draw_out_of_order(k); break;
    case ORL_KIOSK_PIN: draw_pin(k); break;
    case ORL_KIOSK_OPERATOR: draw_operator(k); break;
    }
    if (k->still_there) {
        draw_still_there(k);
        moving = 1;
    }
    draw_hold(k);
    if (k->holding) moving = 1;
    return moving;
}
