/* Pictures of a story: read through orl_fs, header checked against the limits before any
 * decoding, decoded by SDL_image from memory, kept in a cache bounded by bytes (least
 * recently used first out). A picture that cannot be shown is remembered as failed, so it is
 * reported once and not searched for every frame. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <png.h>
#include <SDL2/SDL_image.h>
#include "core/limits.h"
#include "render/scene_private.h"

/* ---------------------------------------------------------------------------------------
 * Headers */

static unsigned be16(const unsigned char *p) { return (unsigned)p[0] << 8 | p[1]; }
static unsigned le16(const unsigned char *p) { return (unsigned)p[1] << 8 | p[0]; }
static unsigned long be32(const unsigned char *p)
{
    return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 | p[3];
}
static unsigned long le24(const unsigned char *p)
{
    return (unsigned long)p[2] << 16 | (unsigned long)p[1] << 8 | p[0];
}
static unsigned long le32(const unsigned char *p) { return (unsigned long)p[3] << 24 | le24(p); }

int orl_image__probe(const unsigned char *p, size_t n, const char **type, int *w, int *h,
                     char *err, size_t errlen)
{
    unsigned long W = 0, H = 0;
    *type = NULL;
    *w = *h = 0;
    static const unsigned char png_sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (n >= 8 && memcmp(p, png_sig, 8) == 0) {
        if (n < 24 || memcmp(p + 12, "IHDR", 4) != 0) {
            snprintf(err, errlen, "is a PNG cut short or damaged (no IHDR header)");
            return -1;
        }
        W = be32(p + 16);
        H = be32(p + 20);
        *type = "PNG";
    } else if (n >= 3 && p[0] == 0xff && p[1] == 0xd8 && p[2] == 0xff) {
        /* JPEG: walk the segments up to the first frame header (SOFn) */
        size_t i = 2;
        for (;;) {
            while (i < n && p[i] != 0xff) i++; /* tolerate junk between segments, like libjpeg */
            while (i < n && p[i] == 0xff) i++; /* fill bytes */
            if (i >= n) {
                snprintf(err, errlen, "is a JPEG cut short or damaged (no frame header)");
                return -1;
            }
            unsigned m = p[i++];
            if (m == 0xd8 || m == 0x01 || (m >= 0xd0 && m <= 0xd7)) continue; /* no length */
            if (m == 0xd9 || m == 0xda) {
                snprintf(err, errlen, "is a JPEG with no frame header before its data (damaged)");
                return -1;
            }
            if (i + 2 > n) continue;
            unsigned len = be16(p + i);
            int sof = m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc;
            if (sof) {
                if (i + 7 > n || len < 8) {
                    snprintf(err, errlen, "is a JPEG cut short or damaged (short frame header)");
                    return -1;
                }
                H = be16(p + i + 3);
                W = be16(p + i + 5);
                break;
            }
            if (len < 2) {
                snprintf(err, errlen, "is a damaged JPEG (a segment of length %u)", len);
                return -1;
            }
            i += len;
        }
        *type = "JPG";
    } else if (n >= 12 && memcmp(p, "RIFF", 4) == 0 && memcmp(p + 8, "WEBP", 4) == 0) {
        if (n >= 30 && memcmp(p + 12, "VP8 ", 4) == 0) {
            if (p[23] != 0x9d || p[24] != 0x01 || p[25] != 0x2a) {
                snprintf(err, errlen, "is a damaged WebP (bad VP8 frame)");
                return -1;
            }
            W = le16(p + 26) & 0x3fff;
            H = le16(p + 28) & 0x3fff;
        } else if (n >= 25 && memcmp(p + 12, "VP8L", 4) == 0) {
            if (p[20] != 0x2f) {
                snprintf(err, errlen, "is a damaged WebP (bad lossless header)");
                return -1;
            }
            unsigned long b = le32(p + 21);
            W = (b & 0x3fff) + 1;
            H = ((b >> 14) & 0x3fff) + 1;
        } else if (n >= 30 && memcmp(p + 12, "VP8X", 4) == 0) {
            W = le24(p + 24) + 1;
            H = le24(p + 27) + 1;
        } else {
            snprintf(err, errlen, "is a WebP cut short or of a kind Orilla does not read");
            return -1;
        }
        *type = "WEBP";
    } else {
        snprintf(err, errlen, "is not a PNG, JPEG or WebP picture");
        return -1;
    }
    if (W == 0 || H == 0) {
        snprintf(err, errlen, "is a %s whose header says it is %lux%lu pixels (damaged)",
                 *type, W, H);
        return -1;
    }
    if (W > ORL_MAX_IMAGE_SIDE || H > ORL_MAX_IMAGE_SIDE ||
        (unsigned long long)W * H > (unsigned long long)ORL_MAX_IMAGE_PIXELS) {
        snprintf(err, errlen,
                 "is %lux%lu pixels, larger than Orilla shows (at most %d pixels on a side and "
                 "%u megapixels, e.g. 8192x4096 for a panorama)",
                 W, H, ORL_MAX_IMAGE_SIDE, (unsigned)(ORL_MAX_IMAGE_PIXELS / 1000000u));
        *w = (int)(W > 0x7fffffff ? 0x7fffffff : W);
        *h = (int)(H > 0x7fffffff ? 0x7fffffff : H);
        return -2;
    }
    *w = (int)W;
    *h = (int)H;
    return 0;
}

/* ---------------------------------------------------------------------------------------
 * Loading */

static void fail(orl_image *im, const char *code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
static void fail(orl_image *im, const char *code, const char *fmt, ...)
{
    char buf[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    im->failed = 1;
    im->code = code;
    free(im->why);
    im->why = strdup(buf);
}

/* Premultiplies alpha in place and notes what the drawing code uses: opaque, row spans,
 * visible edges. s is ARGB8888. Returns 0, or -1 when out of memory. */
static int analyse(orl_image *im, SDL_Surface *s, int premultiply, int want_spans)
{
    int w = s->w, h = s->h, opaque = 1;
    uint16_t *spans = want_spans ? malloc(sizeof *spans * 2 * (size_t)h) : NULL;
    if (want_spans && !spans) return -1;
    int edges = 0;
    for (int y = 0; y < h; y++) {
        uint32_t *row = (uint32_t *)((unsigned char *)s->pixels + (size_t)y * (size_t)s->pitch);
        int first = w, last = 0;
        for (int x = 0; x < w; x++) {
            uint32_t c = row[x], a = c >> 24;
            if (a != 255) {
                opaque = 0;
                if (premultiply) {
                    if (a == 0) {
                        c = 0;
                    } else {
                        uint32_t r = ((c >> 16) & 255) * a + 127, g = ((c >> 8) & 255) * a + 127,
                                 b = (c & 255) * a + 127;
                        c = a << 24 | ((r + (r >> 8)) >> 8) << 16 | ((g + (g >> 8)) >> 8) << 8 |
                            ((b + (b >> 8)) >> 8);
                    }
                    row[x] = c;
                }
            }
            if (a) {
                if (x < first) first = x;
                last = x + 1;
            }
        }
        if (first < last) {
            if (first == 0) edges |= ORL_EDGE_LEFT;
            if (last == w) edges |= ORL_EDGE_RIGHT;
            if (y == 0) edges |= ORL_EDGE_TOP;
            if (y == h - 1) edges |= ORL_EDGE_BOTTOM;
        } else {
            first = last = 0;
        }
        if (spans) {
            spans[2 * y] = (uint16_t)first;
            spans[2 * y + 1] = (uint16_t)last;
        }
    }
    im->opaque = opaque;
    im->edges = edges;
    if (spans) {
        free(im->spans);
        im->spans = spans;
    }
    return 0;
}

/* A smaller copy when the GPU cannot hold the picture as one texture. */
static SDL_Surface *fit_texture(orl_scene_renderer *sr, SDL_Surface *s)
{
    int mw = sr->max_tex_w, mh = sr->max_tex_h;
    if ((!mw || s->w <= mw) && (!mh || s->h <= mh)) return s;
    double k = 1.0;
    if (mw && s->w > mw) k = (double)mw / s->w;
    if (mh && s->h * k > mh) k = (double)mh / s->h;
    int w = (int)(s->w * k), h = (int)(s->h * k);
    if (w < 1) w = 1;
    if (h < 1) h = 1;
    SDL_Surface *d = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!d) return NULL;
    if (SDL_SoftStretchLinear(s, NULL, d, NULL) != 0) {
        SDL_FreeSurface(d);
        return NULL;
    }
    return d;
}

/* A PNG decoded by libpng straight into ARGB8888, with its "simplified" API: it reads from
 * memory with bounds (SDL_image 2.6's PNG reader ignores short reads, and a damaged chunk
 * length then makes it loop for ever), sets up its own error handling, needs no RGB copy to
 * convert afterwards (a quarter faster, 6 MB less at once for a full-HD picture) and turns
 * palette, grey and 16-bit pictures into the same 8-bit form. */
static SDL_Surface *decode_png(const char *name, const char *data, size_t len, int w, int h, char *why,
                               size_t whylen)
{
    png_image im;
    memset(&im, 0, sizeof im);
    im.version = PNG_IMAGE_VERSION;
    SDL_Surface *s = NULL;
    if (png_image_begin_read_from_memory(&im, data, len) && (int)im.width == w && (int)im.height == h) {
        /* a 16-bit picture without gamma is taken as sRGB (as drawn elsewhere), not linear */
        im.flags |= PNG_IMAGE_FLAG_16BIT_sRGB;
        /* the bytes of ARGB8888: B, G, R, A on a little-endian machine */
        im.format = SDL_BYTEORDER == SDL_LIL_ENDIAN ? PNG_FORMAT_BGRA : PNG_FORMAT_ARGB;
        s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
        if (!s) {
            snprintf(why, whylen, "the picture \"%s\" cannot be decoded: out of memory", name);
            png_image_free(&im);
            return NULL;
        }
        if (png_image_finish_read(&im, NULL, s->pixels, s->pitch, NULL)) return s;
        SDL_FreeSurface(s);
    }
    snprintf(why, whylen, "the picture \"%s\" cannot be decoded (%s): the file may be damaged or "
             "cut short; export it again", name, im.message[0] ? im.message : "its size changed");
    png_image_free(&im);
    return NULL;
}

/* Reads, checks (header first, before any decoding), decodes and converts one picture to
 * ARGB8888. NULL on failure, with *code and why (a message for authors) set. Touches nothing
 * but its arguments, so it may run on a thread of its own (PhysicsFS is thread-safe). */
SDL_Surface *orl_image__decode(orl_fs *fs, const char *name, const char **code, char *why, size_t whylen)
{
    char *data = NULL;
    size_t len = 0;
    *code = "image-unreadable";
    if (!fs) {
        *code = "image-missing";
        snprintf(why, whylen, "the picture \"%s\" cannot be read: no story files were given to the renderer", name);
        return NULL;
    }
    int rc = orl_fs_read(fs, name, ORL_MAX_IMAGE_FILE_BYTES, &data, &len);
    if (rc == ORL_FS_NOTFOUND) {
        *code = "image-missing";
        snprintf(why, whylen, "the picture \"%s\" is not in the story: check its name "
                 "(capitals count) and that the file is inside the story folder", name);
        return NULL;
    }
    if (rc == ORL_FS_TOOBIG) {
        *code = "image-too-large";
        snprintf(why, whylen, "the picture \"%s\" is a file of more than %u MB; "
                 "export it smaller (a full-HD JPEG is under 2 MB)", name, (unsigned)(ORL_MAX_IMAGE_FILE_BYTES >> 20));
        return NULL;
    }
    if (rc != ORL_FS_OK) {
        *code = rc == ORL_FS_BADNAME ? "bad-name" : "image-unreadable";
        snprintf(why, whylen, "the picture \"%s\" cannot be read (%s)", name, orl_fs_strerror(rc));
        return NULL;
    }
    return orl_image__decode_bytes(name, data, len, code, why, whylen);
}

SDL_Surface *orl_image__decode_bytes(const char *name, char *data, size_t len, const char **code, char *why,
                                     size_t whylen)
{
    *code = "image-unreadable";
    const char *type;
    int rc;
    int w, h;
    char probe[300];
    rc = orl_image__probe((const unsigned char *)data, len, &type, &w, &h, probe, sizeof probe);
    if (rc != 0) {
        if (rc == -2) {
            *code = "image-too-large";
            snprintf(why, whylen, "the picture \"%s\" %s: make it smaller", name, probe);
        } else {
            snprintf(why, whylen, "the picture \"%s\" %s: export it again as PNG or JPEG", name, probe);
        }
        free(data);
        return NULL;
    }
    if (strcmp(type, "PNG") == 0) {
        SDL_Surface *s = decode_png(name, data, len, w, h, why, whylen);
        free(data);
        return s;
    }
    /* the decoder of the type the header says, and only that one: IMG_LoadTyped_RW would
     * still try every format whose signature it finds (SVG, for "<svg" anywhere early) */
    SDL_RWops *rw = SDL_RWFromConstMem(data, (int)len);
    SDL_Surface *dec = NULL;
    if (rw) {
        dec = strcmp(type, "WEBP") == 0 ? IMG_LoadWEBP_RW(rw) : IMG_LoadJPG_RW(rw);
        SDL_RWclose(rw);
    }
    free(data);
    if (!dec) {
        snprintf(why, whylen, "the picture \"%s\" cannot be decoded (%s): the file may be "
                 "damaged or cut short; export it again", name, IMG_GetError());
        return NULL;
    }
    if (dec->w != w || dec->h != h) {
        snprintf(why, whylen, "the picture \"%s\" decodes to %dx%d pixels but its header "
                 "says %dx%d: the file is damaged; export it again", name, dec->w, dec->h, w, h);
        SDL_FreeSurface(dec);
        return NULL;
    }
    SDL_Surface *s = SDL_ConvertSurfaceFormat(dec, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(dec);
    if (!s) snprintf(why, whylen, "the picture \"%s\" cannot be converted (%s)", name, SDL_GetError());
    return s;
}

int orl_image__prepare(orl_image *im, SDL_Surface *s, int premultiply)
{
    SDL_SetSurfaceBlendMode(s, SDL_BLENDMODE_NONE);
    im->w = s->w;
    im->h = s->h;
    return analyse(im, s, premultiply, premultiply);
}

void orl_image__fail(orl_image *im, const char *code, const char *why) { fail(im, code, "%s", why); }

void orl_image__attach(orl_scene_renderer *sr, orl_image *im, SDL_Surface *s, int need, int premultiplied)
{
    if ((need & ORL_IMG_TEXTURE) && !im->texture) {
        SDL_Surface *t = premultiplied ? NULL : fit_texture(sr, s);
        im->texture = t ? SDL_CreateTextureFromSurface(sr->r, t) : NULL;
        if (t && t != s) SDL_FreeSurface(t);
        if (!im->texture) {
            fail(im, "image-unreadable", "the picture \"%s\" cannot be made a texture (%s)",
                 im->name, premultiplied ? "decoded for the CPU" : SDL_GetError());
            SDL_FreeSurface(s);
            return;
        }
        SDL_SetTextureBlendMode(im->texture, im->opaque ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
        SDL_SetTextureScaleMode(im->texture, SDL_ScaleModeLinear);
        im->bytes += (size_t)s->w * (size_t)s->h * 4;
    }
    if (need & ORL_IMG_PIXELS) {
        if (!premultiplied && analyse(im, s, 1, 1) != 0) {
            SDL_FreeSurface(s);
            fail(im, "image-unreadable", "out of memory while loading the picture \"%s\"", im->name);
            return;
        }
        im->pixels = s;
        im->bytes += (size_t)s->pitch * (size_t)s->h + sizeof(uint16_t) * 2 * (size_t)s->h;
    } else {
        SDL_FreeSurface(s);
    }
}

static void load(orl_scene_renderer *sr, orl_image *im, int need)
{
    const char *code;
    char why[600];
    SDL_Surface *s = orl_image__decode(sr->fs, im->name, &code, why, sizeof why);
    if (!s) {
        fail(im, code, "%s", why);
        return;
    }
    /* premultiplied here when only the CPU draws it; else a texture is made first */
    int pm = need == ORL_IMG_PIXELS;
    if (orl_image__prepare(im, s, pm) != 0) {
        SDL_FreeSurface(s);
        fail(im, "image-unreadable", "out of memory while loading the picture \"%s\"", im->name);
        return;
    }
    orl_image__attach(sr, im, s, need, pm);
}

int orl_image_verify(orl_fs *fs, const char *name, char *why, size_t whylen)
{
    const char *code;
    char buf[600];
    SDL_Surface *s = orl_image__decode(fs, name, &code, buf, sizeof buf);
    if (!s) {
        /* the decoder's own words (in brackets in the sentence), else the whole sentence */
        const char *open = strchr(buf, '('), *close = open ? strstr(open, "):") : NULL;
        if (!close && open) close = strrchr(open, ')');
        if (why && whylen) {
            if (open && close) snprintf(why, whylen, "%.*s", (int)(close - open - 1), open + 1);
            else snprintf(why, whylen, "%s", buf);
        }
        return -1;
    }
    SDL_FreeSurface(s);
    return 0;
}

/* Half of src (premultiplied ARGB8888), each pixel the mean of a 2x2 block (edges repeat). */
static SDL_Surface *halve(const SDL_Surface *src)
{
    int w = (src->w + 1) / 2, h = (src->h + 1) / 2;
    SDL_Surface *d = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!d) return NULL;
    SDL_SetSurfaceBlendMode(d, SDL_BLENDMODE_NONE);
    for (int y = 0; y < h; y++) {
        int ya = 2 * y, yb = 2 * y + 1 < src->h ? 2 * y + 1 : 2 * y;
        const uint32_t *r0 = (const uint32_t *)((const unsigned char *)src->pixels + (size_t)ya * (size_t)src->pitch);
        const uint32_t *r1 = (const uint32_t *)((const unsigned char *)src->pixels + (size_t)yb * (size_t)src->pitch);
        uint32_t *o = (uint32_t *)((unsigned char *)d->pixels + (size_t)y * (size_t)d->pitch);
        for (int x = 0; x < w; x++) {
            int xa = 2 * x, xb = 2 * x + 1 < src->w ? 2 * x + 1 : 2 * x;
            uint32_t p[4] = {r0[xa], r0[xb], r1[xa], r1[xb]};
            uint32_t rb = 0x00020002u, ag = 0x00020002u; /* rounding */
            for (int k = 0; k < 4; k++) {
                rb += p[k] & 0x00ff00ffu;
                ag += (p[k] >> 8) & 0x00ff00ffu;
            }
            o[x] = ((rb >> 2) & 0x00ff00ffu) | ((ag << 6) & 0xff00ff00u);
        }
    }
    return d;
}

static uint16_t *spans_of(const SDL_Surface *s)
{
    uint16_t *sp = malloc(sizeof *sp * 2 * (size_t)s->h);
    if (!sp) return NULL;
    for (int y = 0; y < s->h; y++) {
        const uint32_t *row = (const uint32_t *)((const unsigned char *)s->pixels + (size_t)y * (size_t)s->pitch);
        int first = s->w, last = 0;
        for (int x = 0; x < s->w; x++)
            if (row[x] >> 24) {
                if (x < first) first = x;
                last = x + 1;
            }
        sp[2 * y] = (uint16_t)(first < last ? first : 0);
        sp[2 * y + 1] = (uint16_t)(first < last ? last : 0);
    }
    return sp;
}

int orl_image__level(orl_scene_renderer *sr, orl_image *im, int level, SDL_Surface **s,
                     const uint16_t **spans)
{
    if (level > ORL_MIP_LEVELS) level = ORL_MIP_LEVELS;
    int got = 0;
    *s = im->pixels;
    *spans = im->spans;
    for (int l = 1; l <= level && *s && (*s)->w > 1 && (*s)->h > 1; l++) {
        if (!im->mip[l - 1]) {
            SDL_Surface *m = halve(*s);
            uint16_t *sp = m && !im->opaque ? spans_of(m) : NULL;
            if (!m || (!im->opaque && !sp)) {
                SDL_FreeSurface(m);
                break;
            }
            im->mip[l - 1] = m;
            im->mip_spans[l - 1] = sp;
            size_t add = (size_t)m->pitch * (size_t)m->h + (sp ? sizeof *sp * 2 * (size_t)m->h : 0);
            im->bytes += add;
            if (im != sr->placeholder) sr->bytes += add;
        }
        *s = im->mip[l - 1];
        *spans = im->mip_spans[l - 1];
        got = l;
    }
    return got;
}

static void release(orl_scene_renderer *sr, orl_image *im)
{
    if (!im) return;
    for (int l = 0; l < ORL_MIP_LEVELS; l++) {
        SDL_FreeSurface(im->mip[l]);
        free(im->mip_spans[l]);
    }
    if (im->texture) SDL_DestroyTexture(im->texture);
    SDL_FreeSurface(im->pixels);
    free(im->spans);
    free(im->why);
    free(im->name);
    free(im);
    sr->gen++;
}

static orl_image *failed_out_of_memory(void)
{
    static orl_image oom = {.name = "(out of memory)", .failed = 1, .code = "oom"};
    return &oom;
}

/* The pictures of one frame are decoded and held together: one scene with a background and
 * 32 layers, each a different 8192x8192 PNG of zeros (8 MB of files), took 5 GB. A picture
 * that would take the frame's pictures past ORL_MAX_SCENE_PIXELS is not decoded (its header
 * says its size). 1 when over. */
static int over_scene_cap(orl_scene_renderer *sr, const orl_image *im, unsigned long long *total)
{
    unsigned long long held = 0;
    for (const orl_image *o = sr->images; o; o = o->next)
        if (o != im && o->used == sr->frame && !o->failed)
            held += o->bytes / 4; /* ARGB8888, as pixels or as a texture */
    if (!held) return 0; /* one picture alone: its own cap (ORL_MAX_IMAGE_PIXELS) applies */
    unsigned char *head = malloc(ORL_IMAGE_HEADER_BYTES); /* a JPEG says its size after its EXIF */
    if (!head) return 0;
    long long got = orl_fs_head(sr->fs, im->name, head, ORL_IMAGE_HEADER_BYTES);
    const char *type;
    int w = 0, h = 0;
    char err[200];
    int ok = got > 0 && orl_image__probe(head, (size_t)got, &type, &w, &h, err, sizeof err) == 0 && w > 0 && h > 0;
    free(head);
    if (!ok) return 0; /* a damaged one fails in load(), as before */
    *total = held + (unsigned long long)w * (unsigned long long)h;
    return *total > ORL_MAX_SCENE_PIXELS;
}

orl_image *orl_image__get(orl_scene_renderer *sr, const char *name, int need, orl_loc loc,
                          orl_diags *diags)
{
    orl_image *im = NULL, **link = &sr->images;
    for (orl_image **pp = &sr->images; *pp; pp = &(*pp)->next) {
        if (strcmp((*pp)->name, name) == 0) {
            im = *pp;
            link = pp;
            break;
        }
    }
    if (im) {
        *link = im->next; /* to the front */
    } else {
        im = calloc(1, sizeof *im);
        if (!im || !(im->name = strdup(name))) {
            free(im);
            return failed_out_of_memory();
        }
    }
    im->next = sr->images;
    sr->images = im;
    im->used = sr->frame;
    int missing = (need & ORL_IMG_PIXELS && !im->pixels) || (need & ORL_IMG_TEXTURE && !im->texture);
    unsigned long long total = 0;
    if (!im->failed && missing && !im->pixels && !im->texture && over_scene_cap(sr, im, &total)) {
        /* not cached as failed: the same picture in a lighter scene is shown */
        static orl_image over = {.name = "(over the scene's pixels)", .failed = 1, .code = "scene-pixels"};
        orl_scene__once(sr, diags, ORL_ERROR, loc, "scene-pixels", name,
                        "the pictures of this scene add up to %llu million pixels with \"%s\", more than the "
                        "%u million drawn at once; it is left out: use fewer or smaller pictures",
                        total / 1000000ull, name, (unsigned)(ORL_MAX_SCENE_PIXELS / 1000000u));
        return &over;
    }
    if (!im->failed && missing) {
        size_t before = im->bytes;
        int want = need & ~((im->pixels ? ORL_IMG_PIXELS : 0) | (im->texture ? ORL_IMG_TEXTURE : 0));
        /* decoded ahead (or being decoded: wait for it rather than decode it twice)? */
        if (im->pixels || im->texture || !orl_ahead__take(sr, im, want)) load(sr, im, want);
        sr->bytes += im->bytes - before;
        if (im->failed) sr->nfailed++;
        orl_image__trim(sr);
    }
    if (im->failed && im->why)
        orl_scene__once(sr, diags, ORL_ERROR, loc, im->code, im->name, "%s", im->why);
    return im;
}

void orl_image__trim(orl_scene_renderer *sr)
{
    /* The list is most recently used first: walk it, dropping what is over the budget (or,
     * for failed entries, over their count) and not used by the frame being drawn. What is
     * decoded ahead for the next scenes counts against the same budget. */
    size_t held = orl_ahead__held(sr->ahead), budget = sr->budget > held ? sr->budget - held : 0;
    size_t kept = 0;
    int failed = 0;
    for (orl_image **pp = &sr->images; *pp;) {
        orl_image *im = *pp;
        int drop = 0;
        if (im->used != sr->frame) {
            if (im->failed) drop = failed >= ORL_IMAGE_FAILED_KEPT;
            else drop = kept + im->bytes > budget;
        }
        if (drop) {
            *pp = im->next;
            sr->bytes -= im->bytes;
            if (im->failed) sr->nfailed--;
            release(sr, im);
            continue;
        }
        if (im->failed) failed++;
        else kept += im->bytes;
        pp = &im->next;
    }
}

void orl_image__free_all(orl_scene_renderer *sr)
{
    while (sr->images) {
        orl_image *im = sr->images;
        sr->images = im->next;
        release(sr, im);
    }
    sr->bytes = 0;
    sr->nfailed = 0;
    if (sr->placeholder) {
        release(sr, sr->placeholder);
        sr->placeholder = NULL;
    }
}

/* ---------------------------------------------------------------------------------------
 * The placeholder: a calm, dark blue-grey gradient, a little lighter high in the middle,
 * dithered so it shows no bands once stretched. */

orl_image *orl_image__placeholder(orl_scene_renderer *sr, int need)
{
    orl_image *im = sr->placeholder;
    if (im && ((need & ORL_IMG_PIXELS && !im->pixels) || (need & ORL_IMG_TEXTURE && !im->texture))) {
        release(sr, im);
        im = sr->placeholder = NULL;
    }
    if (im) return im;
    im = calloc(1, sizeof *im);
    if (!im || !(im->name = strdup("(placeholder)"))) {
        free(im);
        return failed_out_of_memory();
    }
    const int W = 320, H = 180;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s) {
        free(im->name);
        free(im);
        return failed_out_of_memory();
    }
    static const int bayer[4][4] = {{0, 8, 2, 10}, {12, 4, 14, 6}, {3, 11, 1, 9}, {15, 7, 13, 5}};
    for (int y = 0; y < H; y++) {
        uint32_t *row = (uint32_t *)((unsigned char *)s->pixels + (size_t)y * (size_t)s->pitch);
        float fy = (float)y / (H - 1);
        for (int x = 0; x < W; x++) {
            float fx = (float)x / (W - 1) - 0.5f, gy = fy - 0.3f;
            float glow = 1.0f - (fx * fx * 1.2f + gy * gy * 2.0f);
            if (glow < 0) glow = 0;
            float base[3] = {13, 16, 23}, top[3] = {30, 36, 50};
            float t = (1.0f - fy) * 0.55f + glow * 0.45f;
            float d = (bayer[y & 3][x & 3] + 0.5f) / 16.0f;
            uint32_t c = 0xff000000u;
            for (int k = 0; k < 3; k++) {
                int v = (int)(base[k] + (top[k] - base[k]) * t + d);
                c |= (uint32_t)(v > 255 ? 255 : v) << (16 - 8 * k);
            }
            row[x] = c;
        }
    }
    im->w = W;
    im->h = H;
    im->opaque = 1;
    im->edges = ORL_EDGE_LEFT | ORL_EDGE_RIGHT | ORL_EDGE_TOP | ORL_EDGE_BOTTOM;
    if (need & ORL_IMG_TEXTURE) {
        im->texture = SDL_CreateTextureFromSurface(sr->r, s);
        if (im->texture) {
            SDL_SetTextureBlendMode(im->texture, SDL_BLENDMODE_NONE);
            SDL_SetTextureScaleMode(im->texture, SDL_ScaleModeLinear);
        }
    }
    if (need & ORL_IMG_PIXELS) {
        im->spans = malloc(sizeof *im->spans * 2 * H);
        if (im->spans)
            for (int y = 0; y < H; y++) {
                im->spans[2 * y] = 0;
                im->spans[2 * y + 1] = (uint16_t)W;
            }
        im->pixels = s;
    } else {
        SDL_FreeSurface(s);
    }
    sr->placeholder = im;
    return im;
}

SDL_Surface *orl_image_preview(orl_fs *fs, const char *name, int w, int h, char *why, size_t whylen)
{
    const char *code;
    if (w <= 0 || h <= 0) {
        snprintf(why, whylen, "no room for a preview");
        return NULL;
    }
    SDL_Surface *s = orl_image__decode(fs, name, &code, why, whylen);
    if (!s) return NULL;
    /* the part of the picture with the preview's shape, around the centre */
    SDL_Rect src = {0, 0, s->w, s->h};
    if ((long long)s->w * h > (long long)s->h * w) {
        src.w = (int)((long long)s->h * w / h);
        src.x = (s->w - src.w) / 2;
    } else {
        src.h = (int)((long long)s->w * h / w);
        src.y = (s->h - src.h) / 2;
    }
    if (src.w < 1) src.w = 1;
    if (src.h < 1) src.h = 1;
    /* halve while more than twice too large: one linear step from far would alias */
    while (src.w > 2 * w && src.h > 2 * h) {
        SDL_Surface *half = SDL_CreateRGBSurfaceWithFormat(0, src.w / 2, src.h / 2, 32, SDL_PIXELFORMAT_ARGB8888);
        SDL_Rect d = {0, 0, src.w / 2, src.h / 2};
        if (!half || SDL_SoftStretchLinear(s, &src, half, &d) != 0) {
            SDL_FreeSurface(half);
            break;
        }
        SDL_FreeSurface(s);
        s = half;
        src = d;
    }
    SDL_Surface *out = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Rect d = {0, 0, w, h};
    if (!out || SDL_SoftStretchLinear(s, &src, out, &d) != 0) {
        snprintf(why, whylen, "cannot scale the picture \"%s\": %s", name, SDL_GetError());
        SDL_FreeSurface(out);
        out = NULL;
    }
    SDL_FreeSurface(s);
    return out;
}
