/* Golden-image checks for headless renders: compare a surface with a reference PNG in
 * tests/golden/, within a per-channel tolerance and a maximum fraction of differing pixels.
 *
 *   char msg[512];
 *   assert_int_equal(orl_golden_check(surface, "text_mixed", 24, 0.002, msg, sizeof msg), 0);
 *
 * - The render is saved as $ORILLA_GOLDEN_OUT/<name>-<pid>.png (default folder
 *   $TMPDIR/orilla-golden, else /tmp/orilla-golden; the pid keeps parallel runs of two
 *   builds apart) and compared as saved, so what is compared is what a person can open.
 *   It is removed when the check passes, unless ORILLA_GOLDEN_KEEP=1.
 * - On failure a diff image <name>-<pid>.diff.png is written next to it: differing pixels
 *   red, the rest a faded grey copy of the reference; msg says where.
 * - ORILLA_UPDATE_GOLDEN=1 in the environment writes the render as the new reference
 *   (tests/golden/<name>.png) and passes. Look at the image before committing it.
 *
 * Header-only, because each tests/unit/test_*.c is built as one executable on its own.
 * Needs SDL2 and SDL2_image (IMG_SavePNG, IMG_Load) and ORL_SOURCE_DIR (given to every
 * target linked with orlengine). */
#ifndef ORL_TEST_GOLDEN_H
#define ORL_TEST_GOLDEN_H
#include <SDL2/SDL.h>
#include <SDL2/SDL_image.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#if defined(__GNUC__)
#define ORL_GOLDEN_UNUSED __attribute__((unused))
#else
#define ORL_GOLDEN_UNUSED
#endif

/* Where renders and diffs go (created when missing). */
ORL_GOLDEN_UNUSED static const char *orl_golden_out_dir(void)
{
    static char dir[1024];
    const char *d = getenv("ORILLA_GOLDEN_OUT");
    if (d && *d) {
        snprintf(dir, sizeof dir, "%s", d);
    } else {
        const char *tmp = getenv("TMPDIR");
        snprintf(dir, sizeof dir, "%s/orilla-golden", tmp && *tmp ? tmp : "/tmp");
    }
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) return NULL;
    return dir;
}

/* Returns 0 when `actual` matches tests/golden/<name>.png: at most max_fraction of the pixels
 * have a channel (R, G, B or A) more than tolerance (0..255) away. Otherwise -1, with the
 * reason (and the paths of the render and the diff) in msg. */
ORL_GOLDEN_UNUSED static int orl_golden_check(SDL_Surface *actual, const char *name, int tolerance,
                                               double max_fraction, char *msg, size_t msglen)
{
    char out[1200], ref[1200], diff[1200];
    const char *dir = orl_golden_out_dir();
    msg[0] = '\0';
    if (!actual || !dir) {
        snprintf(msg, msglen, "golden %.200s: no surface, or no output folder", name);
        return -1;
    }
    snprintf(out, sizeof out, "%s/%s-%ld.png", dir, name, (long)getpid());
    snprintf(diff, sizeof diff, "%s/%s-%ld.diff.png", dir, name, (long)getpid());
    snprintf(ref, sizeof ref, "%s/tests/golden/%s.png", ORL_SOURCE_DIR, name);
    if (IMG_SavePNG(actual, out) != 0) {
        snprintf(msg, msglen, "golden %.200s: cannot write %.200s: %.200s", name, out, IMG_GetError());
        return -1;
    }
    const char *update = getenv("ORILLA_UPDATE_GOLDEN");
    if (update && strcmp(update, "1") == 0) {
        if (IMG_SavePNG(actual, ref) != 0) {
            snprintf(msg, msglen, "golden %.200s: cannot write %.200s: %.200s", name, ref, IMG_GetError());
            return -1;
        }
        snprintf(msg, msglen, "golden %.200s: reference updated: %.200s", name, ref);
        fprintf(stderr, "%s\n", msg);
        remove(out);
        return 0;
    }
    SDL_Surface *a0 = IMG_Load(out), *r0 = IMG_Load(ref);
    if (!r0) {
        snprintf(msg, msglen, "golden %.200s: no reference %.200s (make it with ORILLA_UPDATE_GOLDEN=1, "
                 "then look at it); render is %.200s", name, ref, out);
        SDL_FreeSurface(a0);
        return -1;
    }
    SDL_Surface *a = a0 ? SDL_ConvertSurfaceFormat(a0, SDL_PIXELFORMAT_ABGR8888, 0) : NULL;
    SDL_Surface *r = SDL_ConvertSurfaceFormat(r0, SDL_PIXELFORMAT_ABGR8888, 0);
    SDL_FreeSurface(a0);
    SDL_FreeSurface(r0);
    int rc = -1;
    if (!a || !r) {
        snprintf(msg, msglen, "golden %.200s: cannot read back %.200s or %.200s", name, out, ref);
    } else if (a->w != r->w || a->h != r->h) {
        snprintf(msg, msglen, "golden %.200s: size %dx%d, reference %dx%d; render is %.200s", name, a->w,
                 a->h, r->w, r->h, out);
    } else {
        SDL_Surface *d = SDL_CreateRGBSurfaceWithFormat(0, a->w, a->h, 32, SDL_PIXELFORMAT_ABGR8888);
        long bad = 0, total = (long)a->w * a->h;
        int worst = 0;
        for (int y = 0; y < a->h; y++) {
            const Uint8 *pa = (const Uint8 *)a->pixels + (size_t)y * (size_t)a->pitch;
            const Uint8 *pr = (const Uint8 *)r->pixels + (size_t)y * (size_t)r->pitch;
            Uint8 *pd = d ? (Uint8 *)d->pixels + (size_t)y * (size_t)d->pitch : NULL;
            for (int x = 0; x < a->w; x++, pa += 4, pr += 4) {
                int m = 0;
                for (int c = 0; c < 4; c++) {
                    int delta = abs((int)pa[c] - (int)pr[c]);
                    if (delta > m) m = delta;
                }
                if (m > worst) worst = m;
                int off = m > tolerance;
                bad += off;
                if (pd) {
                    Uint8 grey = (Uint8)(192 + ((int)pr[0] + pr[1] + pr[2]) / 12);
                    pd[4 * x + 0] = off ? 255 : grey;
                    pd[4 * x + 1] = off ? 0 : grey;
                    pd[4 * x + 2] = off ? 0 : grey;
                    pd[4 * x + 3] = 255;
                }
            }
        }
        double frac = total ? (double)bad / (double)total : 0.0;
        if (frac <= max_fraction) {
            rc = 0;
            snprintf(msg, msglen, "golden %.200s: %ld of %ld pixels differ (largest difference %d)",
                     name, bad, total, worst);
        } else {
            if (d) IMG_SavePNG(d, diff);
            snprintf(msg, msglen, "golden %.200s: %ld of %ld pixels (%.3f%%, allowed %.3f%%) differ by "
                     "more than %d (largest %d); render %.200s, reference %.200s, diff %.200s", name, bad,
                     total, 100.0 * frac, 100.0 * max_fraction, tolerance, worst, out, ref, diff);
        }
        SDL_FreeSurface(d);
    }
    SDL_FreeSurface(a);
    SDL_FreeSurface(r);
    const char *keep = getenv("ORILLA_GOLDEN_KEEP");
    if (rc == 0 && !(keep && strcmp(keep, "1") == 0)) remove(out);
    return rc;
}

#endif
