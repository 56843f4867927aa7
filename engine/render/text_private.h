/* Shared by the files of the text module (font.c, bidi.c, text.c, text_cache.c); not part of
 * the API: use render/text.h. */
#ifndef ORL_TEXT_PRIVATE_H
#define ORL_TEXT_PRIVATE_H
#include <stdint.h>
#include <SDL2/SDL_ttf.h>
#include "render/text.h"

/* font.c */
/* A number no other font set created by this process has (so cache keys never collide when
 * a freed set's memory is reused). */
uint64_t orl_font_set__id(const orl_font_set *fonts);
TTF_Font *orl_font_set__ttf(const orl_font_set *fonts, int i);
/* Sets every font of the set to px (clamped); cheap when it already is. 0 or -1 (SDL error). */
int orl_font_set__use_size(orl_font_set *fonts, int px);
/* 1 when font i has a glyph for cp. */
int orl_font_set__has(const orl_font_set *fonts, int i, uint32_t cp);
/* desc->size resolved against the set and clamped. */
int orl_font_set__resolve_size(const orl_font_set *fonts, int size);

/* bidi.c */
/* Index (>= 1) into the script table of a character that belongs to one script, or 0 for
 * characters shared by scripts (spaces, digits, punctuation, combining marks). */
int orl_text__script_of(uint32_t cp);
/* The ISO 15924 tag of a script index ("Zyyy" for 0). */
const char *orl_text__script_tag(int script);
/* Directional formatting characters (LRM, RLE, PDI, ...): given levels by FriBidi but never
 * shaped or drawn. */
int orl_text__is_bidi_control(uint32_t cp);
/* A place where a line may break after it: the space-like characters (not no-break ones). */
int orl_text__is_break_space(uint32_t cp);

/* text.c */
/* Where each line's ink box is: `top` from the line's y (<= 0), and its height (>= the line
 * height when glyphs reach past it). Returns 0. */
int orl_text__line_ink(const orl_text_layout *layout, int *top, int *height);
/* Draws line i's runs into dst with the top-left of the line's ink box at (dx, dy). dst
 * should be ARGB8888 filled with (color.rgb, alpha 0) so edges blend to the right colour.
 * 0, or -1 with an SDL error when some run could not be drawn. */
int orl_text__render_line(orl_text_layout *layout, int i, SDL_Surface *dst, int dx, int dy,
                          SDL_Color color);

#endif
