/* Font sets: a fallback list of fonts opened from memory at one pixel size. */
#include "render/text_private.h"
#include "core/datadir.h"
#include "core/limits.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_SIZE 24

typedef struct font_slot {
    TTF_Font *ttf;
    void *data; /* the copy the TTF_Font reads from; lives as long as it */
    char name[64];
} font_slot;

struct orl_font_set {
    font_slot f[ORL_FONT_SET_MAX_FONTS];
    int count;
    int size;    /* default pixel size */
    int current; /* pixel size the fonts are set to now */
    uint64_t id;
};

static uint64_t next_id = 1;

static void set_err(char *err, size_t errlen, const char *fmt, const char *a, const char *b)
{
    if (err && errlen) snprintf(err, errlen, fmt, a ? a : "", b ? b : "");
}

static int clamp_size(int px)
{
    if (px < ORL_TEXT_MIN_SIZE) return ORL_TEXT_MIN_SIZE;
    if (px > ORL_TEXT_MAX_SIZE) return ORL_TEXT_MAX_SIZE;
    return px;
}

void orl_font_set_free(orl_font_set *fs)
{
    if (!fs) return;
    for (int i = 0; i < fs->count; i++) {
        if (fs->f[i].ttf) TTF_CloseFont(fs->f[i].ttf); /* also closes the RWops */
        free(fs->f[i].data);
    }
    free(fs);
    TTF_Quit();
}

orl_font_set *orl_font_set_create(const orl_font_set_desc *desc, char *err, size_t errlen)
{
    if (err && errlen) err[0] = '\0';
    if (!desc || !desc->fonts[0].data) {
        set_err(err, errlen, "no font given%s%s", NULL, NULL);
        return NULL;
    }
    if (TTF_Init() != 0) {
        set_err(err, errlen, "cannot start the font library: %s%s", TTF_GetError(), NULL);
        return NULL;
    }
    orl_font_set *fs = calloc(1, sizeof *fs);
    if (!fs) {
        TTF_Quit();
        set_err(err, errlen, "out of memory%s%s", NULL, NULL);
        return NULL;
    }
    fs->size = clamp_size(desc->size > 0 ? desc->size : DEFAULT_SIZE);
    fs->current = fs->size;
    fs->id = next_id++;
    for (int i = 0; i < ORL_FONT_SET_MAX_FONTS && desc->fonts[i].data; i++) {
        const orl_font_source *src = &desc->fonts[i];
        font_slot *slot = &fs->f[i];
        const char *name = src->name ? src->name : "font";
        snprintf(slot->name, sizeof slot->name, "%s", name);
        if (src->size == 0 || src->size > ORL_MAX_FONT_BYTES) {
            set_err(err, errlen, "%s: %s", name,
                    src->size ? "font file is larger than the 32 MB limit" : "font file is empty");
            goto fail;
        }
        slot->data = malloc(src->size);
        if (!slot->data) {
            set_err(err, errlen, "%s: out of memory%s", name, NULL);
            goto fail;
        }
        memcpy(slot->data, src->data, src->size);
        fs->count = i + 1; /* from here on, free() releases slot->data */
        SDL_RWops *rw = SDL_RWFromConstMem(slot->data, (int)src->size);
        if (!rw) {
            set_err(err, errlen, "%s: %s", name, SDL_GetError());
            goto fail;
        }
        slot->ttf = TTF_OpenFontRW(rw, 1, fs->size); /* closes rw itself on failure */
        if (!slot->ttf) {
            set_err(err, errlen, "%s: not a font SDL_ttf can read (%s)", name, TTF_GetError());
            goto fail;
        }
        TTF_SetFontHinting(slot->ttf, TTF_HINTING_LIGHT);
    }
    return fs;
fail:
    orl_font_set_free(fs);
    return NULL;
}

static int read_file(const char *path, void **data, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n == cap) {
            if (cap >= ORL_MAX_FONT_BYTES) { free(buf); fclose(f); errno = EFBIG; return -1; }
            cap = cap ? cap * 2 : 256 * 1024;
            if (cap > ORL_MAX_FONT_BYTES) cap = ORL_MAX_FONT_BYTES;
            char *nb = realloc(buf, cap);
            if (!nb) { free(buf); fclose(f); errno = ENOMEM; return -1; }
            buf = nb;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) break;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) { free(buf); errno = EIO; return -1; }
    *data = buf;
    *len = n;
    return 0;
}

orl_font_set *orl_font_set_load_dir(const char *dir, int bold, int size, char *err, size_t errlen)
{
    static const char *const regular[] = {"NotoSans-Regular.ttf", "NotoNaskhArabic-Regular.ttf"};
    static const char *const heavy[] = {"NotoSans-Bold.ttf", "NotoNaskhArabic-Bold.ttf"};
    const char *const *names = bold ? heavy : regular;
    char own[3900];
    if (!dir) {
        char tried[2048];
        const char *data = orl_data_dir(tried, sizeof tried);
        if (!data) {
            set_err(err, errlen, "Orilla's fonts are not installed: no fonts/NotoSans-Regular.ttf in %s%s "
                    "(install Orilla again, or set ORILLA_DATA_DIR to the folder that holds fonts/)", tried, "");
            return NULL;
        }
        snprintf(own, sizeof own, "%s/fonts", data);
        dir = own;
    }
    orl_font_set_desc desc = {.size = size};
    void *bufs[2] = {NULL, NULL};
    orl_font_set *fs = NULL;
    for (int i = 0; i < 2; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        size_t len = 0;
        if (read_file(path, &bufs[i], &len) != 0) {
            set_err(err, errlen, "%s: %s", path, errno == EFBIG ? "font file is too large" : strerror(errno));
            goto done;
        }
        desc.fonts[i] = (orl_font_source){bufs[i], len, names[i]};
    }
    fs = orl_font_set_create(&desc, err, errlen);
    if (!fs && err && errlen && strncmp(err, dir, strlen(dir)) != 0) {
        /* say which folder: an installed Orilla's, the source tree's, ORILLA_DATA_DIR's */
        char why[1024];
        snprintf(why, sizeof why, "%s", err);
        snprintf(err, errlen, "%s/%s", dir, why);
    }
done:
    free(bufs[0]);
    free(bufs[1]);
    return fs;
}

int orl_font_set_count(const orl_font_set *fs) { return fs ? fs->count : 0; }
int orl_font_set_size(const orl_font_set *fs) { return fs ? fs->size : 0; }

const char *orl_font_set_name(const orl_font_set *fs, int i)
{
    return fs && i >= 0 && i < fs->count ? fs->f[i].name : "";
}

int orl_font_set__has(const orl_font_set *fs, int i, uint32_t cp)
{
    return TTF_GlyphIsProvided32(fs->f[i].ttf, cp) != 0;
}

int orl_font_set_font_for(const orl_font_set *fs, uint32_t cp)
{
    if (!fs) return -1;
    for (int i = 0; i < fs->count; i++)
        if (orl_font_set__has(fs, i, cp)) return i;
    return -1;
}

uint64_t orl_font_set__id(const orl_font_set *fs) { return fs->id; }
TTF_Font *orl_font_set__ttf(const orl_font_set *fs, int i) { return fs->f[i].ttf; }

int orl_font_set__resolve_size(const orl_font_set *fs, int size)
{
    return clamp_size(size > 0 ? size : fs->size);
}

int orl_font_set__use_size(orl_font_set *fs, int px)
{
    px = clamp_size(px);
    if (px == fs->current) return 0;
    for (int i = 0; i < fs->count; i++)
        if (TTF_SetFontSize(fs->f[i].ttf, px) != 0) {
            fs->current = 0; /* sizes now mixed: the next call sets them all again */
            return -1;
        }
    fs->current = px;
    return 0;
}
