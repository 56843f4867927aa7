/* libFuzzer harness: the picture header readers, which run on every image of a story before
 * anything decodes it: orl_image__probe (engine/render/image.c: PNG, JPEG, WebP; the player)
 * and orl_image_size (engine/story/lint.c: PNG, JPEG; `orilla check`), then the decoding of
 * small pictures (orl_image__decode_bytes: libpng straight to ARGB8888, SDL_image for the
 * rest). Never a read past the bytes given, a hang or a crash; sizes they accept are within
 * the limits of core/limits.h; a decoded picture has the size its header gave. */
#include <SDL2/SDL_image.h>
#include "core/limits.h"
#include "render/scene_private.h"
#include "story/lint.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* What SDL and SDL_image set up once and keep (the decoders, this thread's error message)
 * is set up here, so that it is not taken for a leak of the first input that needs it. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG | IMG_INIT_WEBP);
    SDL_SetError("start");
    SDL_ClearError();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *type;
    int w, h;
    char err[256];
    err[0] = 0;
    int rc = orl_image__probe(data, size, &type, &w, &h, err, sizeof err);
    if (rc == 0) {
        if (!type || w <= 0 || h <= 0 || w > ORL_MAX_IMAGE_SIDE || h > ORL_MAX_IMAGE_SIDE ||
            (unsigned long long)w * (unsigned long long)h > ORL_MAX_IMAGE_PIXELS)
            abort();
    } else {
        if (!err[0] || strlen(err) >= sizeof err) abort(); /* a refusal always says why */
    }
    unsigned uw = 0, uh = 0;
    int r2 = orl_image_size(data, size, &uw, &uh);
    if (r2 < -1 || r2 > 1) abort();
    /* and the decoders behind it (libpng, SDL_image), on pictures small enough to be quick:
     * a surface of the size the header gave, or a reason */
    if (rc == 0 && (long long)w * h <= 256 * 256) {
        char *copy = malloc(size ? size : 1);
        if (!copy) return 0;
        if (size) memcpy(copy, data, size);
        const char *code = NULL;
        char why[600];
        why[0] = 0;
        SDL_Surface *s = orl_image__decode_bytes("fuzz.png", copy, size, &code, why, sizeof why);
        if (s) {
            if (s->w != w || s->h != h || s->format->format != SDL_PIXELFORMAT_ARGB8888) abort();
            SDL_FreeSurface(s);
        } else if (!code || !why[0]) {
            abort();
        }
    }
    return 0;
}
