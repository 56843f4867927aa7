/* Drawing text through a per-renderer cache of line textures (least recently drawn out). */
#include "render/text_private.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct piece {
    SDL_Texture *tex;
    int x, y, w, h; /* inside the text's box */
} piece;

typedef struct entry {
    struct entry *prev, *next; /* most recently drawn first */
    uint64_t hash;
    uint64_t font_id;
    int size, max_width, dir, align;
    float spacing;
    char *text;
    size_t text_len;
    orl_text_metrics metrics;
    piece *pieces;
    int npieces;
    size_t bytes;
} entry;

struct orl_text_cache {
    SDL_Renderer *renderer;
    entry *head, *tail;
    int entries, max_entries;
    size_t bytes, max_bytes;
    int max_tex_w, max_tex_h; /* 0: no limit */
    long hits, misses;
};

static uint64_t fnv1a(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 1099511628211ull;
    }
    return h;
}

static void entry_free(entry *e)
{
    for (int i = 0; i < e->npieces; i++)
        if (e->pieces[i].tex) SDL_DestroyTexture(e->pieces[i].tex);
    free(e->pieces);
    free(e->text);
    free(e);
}

static void unlink_entry(orl_text_cache *c, entry *e)
{
    if (e->prev) e->prev->next = e->next;
    else c->head = e->next;
    if (e->next) e->next->prev = e->prev;
    else c->tail = e->prev;
    e->prev = e->next = NULL;
}

static void push_front(orl_text_cache *c, entry *e)
{
    e->prev = NULL;
    e->next = c->head;
    if (c->head) c->head->prev = e;
    c->head = e;
    if (!c->tail) c->tail = e;
}

orl_text_cache *orl_text_cache_create(SDL_Renderer *renderer, const orl_text_cache_desc *desc)
{
    if (!renderer) return NULL;
    orl_text_cache *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    c->renderer = renderer;
    c->max_bytes = desc && desc->max_bytes ? desc->max_bytes : ORL_TEXT_CACHE_BYTES;
    c->max_entries = desc && desc->max_entries > 0 ? desc->max_entries : ORL_TEXT_CACHE_ENTRIES;
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(renderer, &info) == 0) {
        c->max_tex_w = info.max_texture_width;
        c->max_tex_h = info.max_texture_height;
    }
    return c;
}

void orl_text_cache_clear(orl_text_cache *c)
{
    if (!c) return;
    entry *e = c->head;
    while (e) {
        entry *n = e->next;
        entry_free(e);
        e = n;
    }
    c->head = c->tail = NULL;
    c->entries = 0;
    c->bytes = 0;
}

void orl_text_cache_free(orl_text_cache *c)
{
    if (!c) return;
    orl_text_cache_clear(c);
    free(c);
}

orl_text_cache_stats orl_text_cache_get_stats(const orl_text_cache *c)
{
    if (!c) return (orl_text_cache_stats){0};
    return (orl_text_cache_stats){.entries = c->entries, .bytes = c->bytes, .hits = c->hits,
                                  .misses = c->misses};
}

static int add_piece(orl_text_cache *c, entry *e, SDL_Surface *line, int sx, int w, int h,
                     int bx, int by, int *cap)
{
    if (e->npieces == *cap) {
        int nc = *cap ? *cap * 2 : 8;
        piece *np = realloc(e->pieces, (size_t)nc * sizeof *np);
        if (!np) return SDL_OutOfMemory();
        e->pieces = np;
        *cap = nc;
    }
    SDL_Texture *t;
    if (sx == 0 && w == line->w && h == line->h) {
        t = SDL_CreateTextureFromSurface(c->renderer, line);
    } else {
        SDL_Surface *part = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
        if (!part) return -1;
        SDL_SetSurfaceBlendMode(line, SDL_BLENDMODE_NONE);
        SDL_Rect from = {sx, 0, w, h};
        SDL_BlitSurface(line, &from, part, NULL);
        t = SDL_CreateTextureFromSurface(c->renderer, part);
        SDL_FreeSurface(part);
    }
    if (!t) return -1;
    SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
    e->pieces[e->npieces++] = (piece){t, bx, by, w, h};
    e->bytes += (size_t)w * (size_t)h * 4;
    return 0;
}

/* Renders every line of L once, white, into textures (cut in tiles where a line is wider
 * than the renderer allows). Stops, with an error, when the text would need more than the
 * whole cache. */
static int fill_entry(orl_text_cache *c, entry *e, orl_text_layout *L)
{
    int top, ink_h, cap = 0;
    orl_text__line_ink(L, &top, &ink_h);
    if (c->max_tex_h > 0 && ink_h > c->max_tex_h) ink_h = c->max_tex_h;
    SDL_Color white = {255, 255, 255, 255};
    int n = orl_text_layout_line_count(L);
    for (int i = 0; i < n; i++) {
        orl_text_line ln = orl_text_layout_line(L, i);
        if (ln.width <= 0) continue;
        if (e->bytes + (size_t)ln.width * (size_t)ink_h * 4 > c->max_bytes)
            return SDL_SetError("text too large to draw: its lines need more than the %zu bytes "
                                "of the text cache", c->max_bytes);
        SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, ln.width, ink_h, 32, SDL_PIXELFORMAT_ARGB8888);
        if (!s) return -1;
        SDL_FillRect(s, NULL, SDL_MapRGBA(s->format, 255, 255, 255, 0));
        int rc = orl_text__render_line(L, i, s, 0, 0, white);
        int tile = c->max_tex_w > 0 ? c->max_tex_w : ln.width;
        for (int sx = 0; rc == 0 && sx < ln.width; sx += tile) {
            int w = ln.width - sx < tile ? ln.width - sx : tile;
            rc = add_piece(c, e, s, sx, w, ink_h, ln.x + sx, ln.y + top, &cap);
        }
        SDL_FreeSurface(s);
        if (rc) return -1;
    }
    return 0;
}

static int draw_pieces(orl_text_cache *c, const entry *e, int x, int y, SDL_Color color)
{
    int rc = 0;
    for (int i = 0; i < e->npieces; i++) {
        const piece *p = &e->pieces[i];
        SDL_SetTextureColorMod(p->tex, color.r, color.g, color.b);
        SDL_SetTextureAlphaMod(p->tex, color.a);
        SDL_Rect to = {x + p->x, y + p->y, p->w, p->h};
        if (SDL_RenderCopy(c->renderer, p->tex, NULL, &to) != 0) rc = -1;
    }
    return rc;
}

int orl_text_draw(orl_text_cache *c, orl_font_set *fs, const char *text, const orl_text_desc *desc,
                  int x, int y, SDL_Color color, orl_text_metrics *metrics)
{
    if (metrics) *metrics = (orl_text_metrics){0};
    if (!c || !fs) return SDL_SetError("orl_text_draw: no cache or no fonts");
    orl_text_desc d = desc ? *desc : (orl_text_desc){0};
    if (!text) text = "";
    size_t len = strlen(text);
    if (len > ORL_TEXT_MAX_BYTES) len = ORL_TEXT_MAX_BYTES; /* the layout reads no further */
    int size = orl_font_set__resolve_size(fs, d.size);
    int max_width = d.max_width > 0 ? d.max_width : 0;
    uint64_t id = orl_font_set__id(fs);
    int key[4] = {size, max_width, (int)d.dir, (int)d.align};
    uint64_t h = fnv1a(14695981039346656037ull, &id, sizeof id);
    h = fnv1a(h, key, sizeof key);
    h = fnv1a(h, &d.line_spacing, sizeof d.line_spacing);
    h = fnv1a(h, text, len);

    entry *e = c->head;
    for (; e; e = e->next) {
        if (e->hash == h && e->font_id == id && e->size == size && e->max_width == max_width &&
            e->dir == (int)d.dir && e->align == (int)d.align && e->spacing == d.line_spacing &&
            e->text_len == len && memcmp(e->text, text, len) == 0)
            break;
    }
    if (e) {
        c->hits++;
        if (e != c->head) {
            unlink_entry(c, e);
            push_front(c, e);
        }
    } else {
        c->misses++;
        e = calloc(1, sizeof *e);
        if (!e) return SDL_OutOfMemory();
        e->text = malloc(len + 1);
        if (!e->text) { free(e); return SDL_OutOfMemory(); }
        memcpy(e->text, text, len);
        e->text[len] = '\0';
        e->text_len = len;
        e->hash = h;
        e->font_id = id;
        e->size = size;
        e->max_width = max_width;
        e->dir = (int)d.dir;
        e->align = (int)d.align;
        e->spacing = d.line_spacing;
        orl_text_layout *L = orl_text_layout_create(fs, text, &d);
        if (!L) { entry_free(e); return SDL_OutOfMemory(); }
        e->metrics = orl_text_layout_metrics(L);
        int rc = fill_entry(c, e, L);
        orl_text_layout_free(L);
        if (rc) {
            /* draw what could be made, but do not keep it: a later call tries again */
            char msg[256];
            snprintf(msg, sizeof msg, "%s", SDL_GetError());
            draw_pieces(c, e, x, y, color);
            if (metrics) *metrics = e->metrics;
            entry_free(e);
            return SDL_SetError("%s", msg);
        }
        push_front(c, e);
        c->entries++;
        c->bytes += e->bytes;
        while ((c->entries > c->max_entries || c->bytes > c->max_bytes) && c->tail && c->tail != e) {
            entry *old = c->tail;
            unlink_entry(c, old);
            c->entries--;
            c->bytes -= old->bytes;
            entry_free(old);
        }
    }
    if (metrics) *metrics = e->metrics;
    return draw_pieces(c, e, x, y, color);
}
