/* Shared by the files that draw scenes (scene.c, image.c, layers.c, compose.c, panorama.c,
 * transition.c, workers.c); not part of the API: use render/scene.h. */
#ifndef ORL_SCENE_PRIVATE_H
#define ORL_SCENE_PRIVATE_H
#include <stdint.h>
#include "core/limits.h"
#include "render/scene.h"

/* ---------------------------------------------------------------------------------------
 * Images (image.c) */

enum { ORL_IMG_PIXELS = 1, ORL_IMG_TEXTURE = 2 };
#define ORL_MIP_LEVELS 3
enum { ORL_EDGE_LEFT = 1, ORL_EDGE_RIGHT = 2, ORL_EDGE_TOP = 4, ORL_EDGE_BOTTOM = 8 };

typedef struct orl_image {
    char *name;               /* story-relative file name (the cache key) */
    int w, h;                 /* pixel size as drawn */
    SDL_Surface *pixels;      /* ARGB8888, premultiplied alpha (CPU drawing), or NULL */
    SDL_Texture *texture;     /* straight alpha, linear filtering (SDL drawing), or NULL */
    uint16_t *spans;          /* with pixels: per row, first and last+1 column with alpha > 0 */
    SDL_Surface *mip[ORL_MIP_LEVELS];  /* with pixels: half, quarter... size (box filtered), */
    uint16_t *mip_spans[ORL_MIP_LEVELS]; /* made when a picture is drawn smaller than half */
    int opaque;               /* every pixel has alpha 255 */
    int edges;                /* ORL_EDGE_*: the borders that have visible pixels */
    int failed;               /* could not be loaded: `why` says so, drawn as the placeholder */
    char *why;                /* the message for the author (without file:line) */
    const char *code;         /* diagnostic code for `why` */
    size_t bytes;             /* decoded bytes held */
    unsigned long long used;  /* frame number of the last use (LRU) */
    struct orl_image *next;
} orl_image;

/* The image `name` with what `need` asks for (ORL_IMG_*), loaded on first use. Never NULL for a
 * non-NULL name: a picture that cannot be loaded comes back with failed = 1 (and is reported
 * once, at loc, in diags, which may be NULL). */
orl_image *orl_image__get(orl_scene_renderer *sr, const char *name, int need, orl_loc loc,
                          orl_diags *diags);
/* Level `level` (0 = the picture, 1 = half size, ... up to ORL_MIP_LEVELS) of a picture with
 * pixels, made on first use; a lower level when memory runs out. Returns the level given. */
int orl_image__level(orl_scene_renderer *sr, orl_image *im, int level, SDL_Surface **s,
                     const uint16_t **spans);
/* The calm dark gradient drawn for missing pictures and under scenes with none. */
orl_image *orl_image__placeholder(orl_scene_renderer *sr, int need);
/* Frees images over the budget that were not used in the current frame. */
void orl_image__trim(orl_scene_renderer *sr);
void orl_image__free_all(orl_scene_renderer *sr);
/* Header check: format name ("PNG", "JPG", "WEBP") and size, without decoding. 0, or -1 with a
 * reason in err. */
int orl_image__probe(const unsigned char *p, size_t n, const char **type, int *w, int *h,
                     char *err, size_t errlen);

/* The steps of loading, for decoding ahead (ahead.c): read, check and decode one picture to
 * straight-alpha ARGB8888 (NULL with *code and why set); then, on any thread, note its size,
 * opacity, edges and (premultiply = 1: premultiplied, for the CPU) row spans in im (0, or -1
 * out of memory); then, on the drawing thread, give im what need asks for (s is taken). */
SDL_Surface *orl_image__decode(orl_fs *fs, const char *name, const char **code, char *why, size_t whylen);
/* The same from the file's bytes (taken and freed); name is only for the message. */
SDL_Surface *orl_image__decode_bytes(const char *name, char *data, size_t len, const char **code, char *why,
                                     size_t whylen);
int orl_image__prepare(orl_image *im, SDL_Surface *s, int premultiply);
void orl_image__attach(orl_scene_renderer *sr, orl_image *im, SDL_Surface *s, int need, int premultiplied);
/* Marks im as failed with the reason why (copied). */
void orl_image__fail(orl_image *im, const char *code, const char *why);

/* ---------------------------------------------------------------------------------------
 * Decoding ahead (ahead.c): a thread that decodes the pictures wanted next. */

orl_ahead *orl_ahead__create(orl_fs *fs);
void orl_ahead__free(orl_ahead *a);
/* The bytes it may hold before it waits, and the need of what is still queued. */
void orl_ahead__set(orl_ahead *a, size_t cap, int need);
/* Bytes decoded and not yet taken (they count against the renderer's budget). */
size_t orl_ahead__held(orl_ahead *a);
/* The pictures wanted next, in order (needs: ORL_IMG_*); the rest is dropped. */
void orl_ahead__want(orl_ahead *a, const char *const *names, const int *needs, int n);
/* Gives im (a cache entry with neither pixels nor texture) the picture decoded ahead, waiting
 * for it if it is being decoded: 1, with im filled (or failed with the reason); 0 when the
 * caller has to load it itself. */
int orl_ahead__take(orl_scene_renderer *sr, orl_image *im, int need);

/* Adds a diagnostic unless one with the same key was already added (until a flush). */
void orl_scene__once(orl_scene_renderer *sr, orl_diags *diags, orl_severity sev, orl_loc loc,
                     const char *code, const char *key, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 7, 8)))
#endif
    ;

/* ---------------------------------------------------------------------------------------
 * Worker threads (workers.c): rows of a frame split across the machine's cores. */

typedef struct orl_workers orl_workers;
/* fn(ctx, part, y0, y1) draws rows [y0, y1); part is 0..orl_workers__parts()-1, so each part
 * can have scratch memory of its own. */
typedef void (*orl_rows_fn)(void *ctx, int part, int y0, int y1);
orl_workers *orl_workers__create(void);
int orl_workers__parts(const orl_workers *w);
/* Runs fn over rows [0, rows) and returns when every part is done. */
void orl_workers__run(orl_workers *w, orl_rows_fn fn, void *ctx, int rows);
void orl_workers__free(orl_workers *w);

/* ---------------------------------------------------------------------------------------
 * What a scene looks like at one moment (layers.c): pictures and where they go. */

#define ORL_PLAN_MAX (ORL_MAX_LAYERS + 2)

typedef struct orl_plan_item {
    orl_image *img;
    float x0, y0, x1, y1;     /* canvas pixels (may reach outside the canvas) */
} orl_plan_item;

typedef struct orl_scene_view {
    int panorama;             /* 1: a panorama under `look` (items unused) */
    orl_image *pano;
    orl_look look;
    orl_plan_item items[ORL_PLAN_MAX]; /* back to front */
    int n;
    float cam[3];             /* the camera's offset from `from` now (eased) */
    int moving;
} orl_scene_view;

/* Works out the view of scene s at time t (loads its images). */
void orl_sview__make(orl_scene_renderer *sr, const orl_scene *s, double t, const orl_look *look,
                    int need, orl_diags *diags, orl_scene_view *v);
/* Draws the items of a layered view with SDL calls (textures, SDL_RenderGeometry). */
void orl_sview__draw_sdl(orl_scene_renderer *sr, const orl_scene_view *v);

/* ---------------------------------------------------------------------------------------
 * CPU drawing (compose.c, panorama.c): a view drawn by our own code into a streaming texture
 * (the software renderer has no sub-pixel placement and no fast perspective). */

typedef struct orl_frame {
    uint32_t *buf;            /* w x h pixels, ARGB8888, opaque */
    int w, h;
    unsigned long long serial; /* changes each time buf is drawn (which texture holds it) */
    int valid;                /* buf holds the view described by the key below */
    orl_scene_view key;
    unsigned long long gen;   /* sr->gen when drawn */
    unsigned long long used;
} orl_frame;

/* Size of a CPU frame: the canvas as big as it is on the output, at most the canvas. */
void orl_frame__size(orl_scene_renderer *sr, int *w, int *h);
/* A frame whose pixels show view v (drawn now, or kept from an earlier call); NULL when out
 * of memory. */
orl_frame *orl_frame__get(orl_scene_renderer *sr, const orl_scene_view *v);
/* A texture holding the frame's pixels (one of ORL_FRAME_TEXTURES, uploaded when it does not
 * hold them already); NULL when it cannot be had. Valid until the next draw call. */
SDL_Texture *orl_frame__texture(orl_scene_renderer *sr, orl_frame *f);
/* Copies a mix of two frames of the same size (b over a with alpha 0..256; b may be NULL for
 * black) to the canvas through a streaming texture. Returns 0, or -1 (nothing drawn). */
int orl_frame__draw_mix(orl_scene_renderer *sr, const orl_frame *a, const orl_frame *b, int alpha);
/* Fills an ARGB8888 frame buffer (w x h, pitch in bytes) with the layered view v. */
void orl_compose__layers(orl_scene_renderer *sr, const orl_scene_view *v, uint32_t *px, int pitch,
                         int w, int h);
/* Fills a frame buffer with the panorama of view v. */
void orl_compose__panorama(orl_scene_renderer *sr, const orl_scene_view *v, uint32_t *px, int pitch,
                           int w, int h);

/* ---------------------------------------------------------------------------------------
 * The renderer */

#define ORL_FRAMES 2 /* a transition uses two (a scene gone back to is drawn again: ~9 ms) */
/* Streaming textures that show frames: a frame is uploaded into one when it is shown, so the
 * frames' pixels are not held twice (3 frames + their textures + a mix texture were 7 copies
 * of a 1080p frame, 58 MB; now 2 frames + 2 textures, 33 MB: the bench story's peak RSS
 * 163 -> 139 MB). Two, because one draw call can show two frames (a crossfade on the SDL path:
 * the scene before under the next one) or a frame and a mix. */
#define ORL_FRAME_TEXTURES 2

typedef struct orl_frame_texture {
    SDL_Texture *tex;
    int w, h;
    const orl_frame *holds;   /* the frame it holds (NULL: a mix or nothing) */
    unsigned long long serial; /* holds->serial when uploaded */
    unsigned long long used;  /* sr->frame when last shown */
} orl_frame_texture;

struct orl_scene_renderer {
    SDL_Renderer *r;
    orl_fs *fs;
    size_t budget;
    int software;
    int max_tex_w, max_tex_h;     /* 0 = no limit */
    orl_image *images;            /* most recently used first */
    size_t bytes;                 /* decoded bytes held by images */
    int nfailed;
    orl_image *placeholder;
    unsigned long long frame;     /* counts draw calls (LRU) */
    unsigned long long gen;       /* changes when images may have changed (flush) */
    char **said;                  /* keys of the diagnostics already given */
    int nsaid, capsaid;
    orl_frame frames[ORL_FRAMES];
    orl_frame_texture ftex[ORL_FRAME_TEXTURES]; /* what frames and CPU transitions are shown in */
    unsigned long long serials;   /* frames drawn so far */
    SDL_Texture *targets[2];      /* canvas-sized render targets for transitions (SDL path) */
    orl_workers *workers;
    orl_ahead *ahead;             /* decodes the pictures wanted next, or NULL */
    void *scratch[8];             /* per worker part: a row of texels */
    size_t scratch_len[8];
};

/* What pictures need on this renderer: ORL_IMG_PIXELS (software) or ORL_IMG_TEXTURE. */
int orl_scene__need(const orl_scene_renderer *sr);
/* Draws a view over the whole canvas of the current target. */
void orl_scene__draw_view(orl_scene_renderer *sr, const orl_scene_view *v);

/* Scratch memory of at least n bytes for one worker part (kept between frames). */
void *orl_scene__scratch(orl_scene_renderer *sr, int part, size_t n);

#endif
