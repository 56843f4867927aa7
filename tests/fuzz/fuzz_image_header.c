/* libFuzzer harness: the picture header readers, which run on every image of a story before
 * anything decodes it: orl_image__probe (engine/render/image.c: PNG, JPEG, WebP; the player)
 * and orl_image_size (engine/story/lint.c: PNG, JPEG; `orilla check`). Never a read past the
 * bytes given, a hang or a crash; sizes they accept are within the limits of core/limits.h. */
#include "core/limits.h"
#include "render/scene_private.h"
#include "story/lint.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
    return 0;
}
