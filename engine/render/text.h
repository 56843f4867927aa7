/* Text: fonts with per-character fallback, paragraph layout (word wrap, BiDi, shaping) and
 * cached drawing into an SDL_Renderer.
 *
 * How a paragraph becomes pixels:
 *   1. The UTF-8 text is cleaned: invalid bytes become U+FFFD, "\r\n" and "\r" become "\n",
 *      tabs become spaces, other control characters are dropped. Text longer than
 *      ORL_TEXT_MAX_BYTES is cut at a character boundary (metrics.truncated says so).
 *   2. The base direction is the one of the first strong character of the whole text
 *      (FriBidi, rule P2), or the forced one; every '\n'-separated paragraph uses it, so an
 *      Arabic scene whose second paragraph starts with a Latin name still reads right to left.
 *   3. FriBidi resolves embedding levels on the logical text of each paragraph.
 *   4. Lines are broken on the logical text: at spaces (and U+200B), never inside a word
 *      unless the word alone is wider than the line, which is then broken between characters
 *      (never before a combining mark), after a '/', '.', '-', '?' or '&' when one is in the
 *      last two thirds of what fits. A web address (a word with "://", or starting "www.")
 *      may also break after those characters once its host has passed (never inside "//"),
 *      so it starts on the line of the words before it. '\n' always ends a line.
 *   5. Each line is cut into runs of one level, one font and one script; the runs are put in
 *      visual order (UAX #9 rule L2) and each is shaped by SDL_ttf/HarfBuzz with its own
 *      direction (odd level = RTL) and script ("Arab", "Latn", ...). So Arabic is joined and
 *      right to left, while "2024" and Latin words inside it keep their left-to-right order.
 *   6. The font of each character is the first font of the set that has a glyph for it;
 *      spaces, punctuation, digits and combining marks stay in the font of the character
 *      before them when that font has them (fewer, longer runs). A character no font has is
 *      drawn as the empty box of the font before it (or of the first font).
 *
 * Threading: none of this is thread-safe; use a font set from one thread. */
#ifndef ORL_TEXT_H
#define ORL_TEXT_H
#include <stddef.h>
#include <stdint.h>
#include <SDL2/SDL.h>
#include "core/limits.h"

/* ---------------------------------------------------------------------------------------
 * Font sets */

typedef struct orl_font_set orl_font_set;

/* One font file's bytes (TTF or OTF). The bytes are copied: the caller may free its buffer
 * as soon as orl_font_set_create returns. name is for messages only (may be NULL). */
typedef struct orl_font_source {
    const void *data;
    size_t size;
    const char *name;
} orl_font_source;

typedef struct orl_font_set_desc {
    /* The fallback list, first choice first; the list ends at the first entry whose data is
     * NULL (so `{ .fonts = { {a, alen, "A"}, {b, blen, "B"} } }` is a list of two). */
    orl_font_source fonts[ORL_FONT_SET_MAX_FONTS];
    /* Pixel size used when orl_text_desc.size is 0; 0 means 24. */
    int size;
} orl_font_set_desc;

/* Opens every font of the list. Returns NULL when the list is empty, a font is larger than
 * ORL_MAX_FONT_BYTES or cannot be opened, and writes a one-line reason into err (errlen
 * bytes; err may be NULL). Calls TTF_Init (counted; orl_font_set_free calls TTF_Quit). */
orl_font_set *orl_font_set_create(const orl_font_set_desc *desc, char *err, size_t errlen);
/* Loads Orilla's own fonts from DIR (NULL: the source tree's assets/fonts): NotoSans then
 * NotoNaskhArabic, Regular, or Bold when bold is non-zero. size as in the desc. */
orl_font_set *orl_font_set_load_dir(const char *dir, int bold, int size, char *err, size_t errlen);
/* Closes the fonts and frees the set. NULL is ignored. Layouts made from the set must be
 * freed first; cache entries made from it become unreachable and age out of the cache. */
void orl_font_set_free(orl_font_set *fonts);

int orl_font_set_count(const orl_font_set *fonts);
/* The default pixel size (desc.size or 24). */
int orl_font_set_size(const orl_font_set *fonts);
/* The name given in the desc for font i, or "" (also for a bad index). */
const char *orl_font_set_name(const orl_font_set *fonts, int i);
/* Index of the first font that has a glyph for code point cp, or -1 when none has. */
int orl_font_set_font_for(const orl_font_set *fonts, uint32_t cp);

/* ---------------------------------------------------------------------------------------
 * Layout */

typedef enum orl_text_dir {
    ORL_TEXT_DIR_AUTO = 0, /* from the first strong character; LTR when there is none */
    ORL_TEXT_DIR_LTR,
    ORL_TEXT_DIR_RTL,
} orl_text_dir;

typedef enum orl_text_align {
    ORL_TEXT_ALIGN_START = 0, /* left in a left-to-right text, right in a right-to-left one */
    ORL_TEXT_ALIGN_CENTER,
    ORL_TEXT_ALIGN_END,
    ORL_TEXT_ALIGN_LEFT,      /* whatever the direction */
    ORL_TEXT_ALIGN_RIGHT,
} orl_text_align;

/* How to lay a text out. Zero everywhere is a valid default; values out of range act as
 * the default (dir, align) or are clamped (the rest). */
typedef struct orl_text_desc {
    int size;            /* pixel size (the text-size setting); 0: the font set's size.
                            Clamped to [ORL_TEXT_MIN_SIZE, ORL_TEXT_MAX_SIZE]. */
    int max_width;       /* wrap width in pixels; 0 or less: only '\n' breaks lines. Lines are
                            aligned inside this width. Clamped to ORL_TEXT_MAX_LINE_WIDTH, where
                            text with no max width wraps too. A character wider than the line
                            alone goes on a line of its own, and only then passes the width. */
    orl_text_dir dir;
    orl_text_align align;
    float line_spacing;  /* multiple of the fonts' line height; 0 means 1.0; [0.5, 4] */
} orl_text_desc;

typedef struct orl_text_metrics {
    int width;      /* of the widest line, in pixels */
    int height;     /* lines * line_height */
    int lines;      /* 0 for an empty text; "a\n" is two lines, the second empty */
    int line_height; /* the tallest line skip of the fonts the text uses, times line_spacing;
                        a font used for Arabic only counts as 1.5 em (Noto Naskh Arabic declares
                        1.7 em, a quarter taller than Latin lines), but a line is never lower
                        than the fonts' ascent + descent, so no mark is cut */
    int box_width;  /* width the lines are aligned in: max_width, or width when max_width <= 0 */
    int rtl;        /* 1 when the base direction is right to left */
    int truncated;  /* 1 when the text was cut at ORL_TEXT_MAX_BYTES or ORL_TEXT_MAX_LINES */
} orl_text_metrics;

/* One run: consecutive characters (in logical order) of one level, font and script.
 * Within a line, runs are listed in visual order, left to right. */
typedef struct orl_text_run {
    size_t start, length; /* bytes of orl_text_layout_text() */
    int level;            /* BiDi embedding level; odd means shaped right to left */
    int font;             /* index into the font set */
    char script[5];       /* ISO 15924 tag given to HarfBuzz: "Latn", "Arab", "Zyyy", ... */
    int x, width;         /* pixels, from the line's left edge */
} orl_text_run;

typedef struct orl_text_line {
    size_t start, length; /* bytes of orl_text_layout_text(), logical order, no trailing spaces */
    int x, y;             /* top-left inside the box (alignment applied) */
    int width, height;
    int first_run, run_count; /* indices for orl_text_layout_run() */
} orl_text_line;

typedef struct orl_text_layout orl_text_layout;

/* Lays text out (NUL-terminated UTF-8; NULL is the empty text) with fonts. desc may be NULL
 * (all defaults). Any bytes are accepted. Returns NULL only when fonts is NULL or memory runs
 * out. The layout borrows fonts: free the layout first. Changes the fonts' current pixel size
 * (the set's fonts are shared by everything that uses them). */
orl_text_layout *orl_text_layout_create(orl_font_set *fonts, const char *text,
                                        const orl_text_desc *desc);
void orl_text_layout_free(orl_text_layout *layout);

orl_text_metrics orl_text_layout_metrics(const orl_text_layout *layout);
/* The cleaned text the runs and lines index into (NUL-terminated, valid UTF-8). */
const char *orl_text_layout_text(const orl_text_layout *layout);
int orl_text_layout_line_count(const orl_text_layout *layout);
/* Line i (0 <= i < line count); a zeroed line for a bad index. */
orl_text_line orl_text_layout_line(const orl_text_layout *layout, int i);
int orl_text_layout_run_count(const orl_text_layout *layout);
/* Run i (0 <= i < run count); a zeroed run for a bad index. */
orl_text_run orl_text_layout_run(const orl_text_layout *layout, int i);

/* Renders the whole block into a new ARGB8888 surface (box_width x height, transparent
 * background) in color. NULL (with SDL_GetError set, except for an empty text) for an empty
 * text, an empty box, a block of more than ORL_MAX_IMAGE_PIXELS, or out-of-memory; the caller
 * frees the surface with SDL_FreeSurface. */
SDL_Surface *orl_text_layout_render(orl_text_layout *layout, SDL_Color color);

/* Shortcut: the metrics of text laid out with desc, without keeping the layout. A zeroed
 * result when fonts is NULL or memory runs out. */
orl_text_metrics orl_text_measure(orl_font_set *fonts, const char *text, const orl_text_desc *desc);

/* The biggest pixel size, no bigger than desc->size (0: the font set's size), at which text
 * wrapped at box_w fits in box_w x box_h. Returns ORL_TEXT_MIN_SIZE when nothing fits (or the
 * box is empty). desc->max_width is ignored (box_w is used). A binary search: a handful of
 * layouts. */
int orl_text_fit_size(orl_font_set *fonts, const char *text, const orl_text_desc *desc,
                      int box_w, int box_h);

/* UAX #9 rule L2 over runs: given the embedding levels of n runs in logical order, writes to
 * visual[0..n) the logical index of the run shown at each position, left to right. (This is
 * what the layout does to every line; exposed so it can be tested alone.) */
void orl_text_visual_order(const int *levels, int n, int *visual);

/* ---------------------------------------------------------------------------------------
 * Drawing with a texture cache */

typedef struct orl_text_cache orl_text_cache;

typedef struct orl_text_cache_desc {
    size_t max_bytes;  /* texture pixels kept, in bytes; 0: ORL_TEXT_CACHE_BYTES */
    int max_entries;   /* laid-out texts kept; 0: ORL_TEXT_CACHE_ENTRIES */
} orl_text_cache_desc;

typedef struct orl_text_cache_stats {
    int entries;
    size_t bytes;
    long hits, misses;
} orl_text_cache_stats;

/* A cache of rendered text textures for one renderer (its textures belong to it). desc may
 * be NULL. Returns NULL when renderer is NULL or on out-of-memory. */
orl_text_cache *orl_text_cache_create(SDL_Renderer *renderer, const orl_text_cache_desc *desc);
/* Destroys every texture and the cache. Call it before SDL_DestroyRenderer. NULL is ignored. */
void orl_text_cache_free(orl_text_cache *cache);
/* Destroys every texture but keeps the cache usable: call it on SDL_RENDER_TARGETS_RESET /
 * SDL_RENDER_DEVICE_RESET, or to give memory back. */
void orl_text_cache_clear(orl_text_cache *cache);
orl_text_cache_stats orl_text_cache_get_stats(const orl_text_cache *cache);

/* Draws text laid out with desc (may be NULL) with its box's top-left at (x, y), in color
 * (alpha included). The first call lays out and renders each line once (white) into a
 * texture; later calls with the same text, font set, size, width, direction, alignment and
 * spacing only copy the textures, tinted with color, so colour changes and fades cost
 * nothing more. The least recently drawn texts are dropped when the cache is full. When
 * metrics is not NULL it receives the block's metrics. Returns 0, or -1 with SDL_GetError
 * set when a texture could not be made (nothing, or part of the text, is drawn). */
int orl_text_draw(orl_text_cache *cache, orl_font_set *fonts, const char *text,
                  const orl_text_desc *desc, int x, int y, SDL_Color color,
                  orl_text_metrics *metrics);

#endif
