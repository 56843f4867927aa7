/* Decoding ahead: pictures the reader may see next (the first scene while the window opens,
 * then the targets of the visible choices) are read, checked, decoded and prepared for
 * drawing on a thread of low priority, so that a choice does not wait for a PNG decoder.
 *
 * One thread per renderer and an ordered list of jobs under a mutex. A job is queued, running
 * or done. The drawing thread asks for a picture with orl_ahead__take: a queued job is taken
 * out and decoded by the caller (no waiting behind others), a running one is waited for (no
 * decoding twice), a done one is handed over. What was decoded ahead counts against the
 * renderer's image budget: the thread holds at most half of it. */
#include <stdlib.h>
#include <string.h>
#include <SDL2/SDL_image.h>
#include "render/scene_private.h"

enum { JOB_QUEUED, JOB_RUNNING, JOB_DONE };

typedef struct job {
    char *name;
    int need;        /* 0 (not known yet: straight alpha), ORL_IMG_PIXELS or ORL_IMG_TEXTURE */
    int state;
    int unwanted;    /* running when it stopped being wanted: dropped once done */
    orl_image im;    /* done: what was learnt (size, opaque, spans; failed, why) */
    SDL_Surface *s;  /* done: the pixels, premultiplied when need is ORL_IMG_PIXELS; or NULL */
    size_t bytes;
    struct job *next;
} job;

struct orl_ahead {
    orl_fs *fs;
    SDL_mutex *mu;
    SDL_cond *cv;      /* a job was queued or finished, or quit */
    SDL_Thread *thread;
    job *jobs;         /* in the order they are wanted */
    size_t held;       /* bytes of done jobs (and of the running one, once decoded) */
    size_t cap;        /* the thread does not start a picture that would take it past this */
    size_t last;       /* bytes of the last picture decoded (the guess for the next one) */
    int quit;
};

static void job_free(job *j)
{
    if (!j) return;
    free(j->name);
    free(j->im.spans);
    free(j->im.why);
    SDL_FreeSurface(j->s);
    free(j);
}

static size_t surface_bytes(const SDL_Surface *s, int spans)
{
    return s ? (size_t)s->pitch * (size_t)s->h + (spans ? sizeof(uint16_t) * 2 * (size_t)s->h : 0) : 0;
}

/* The first queued job the thread may start, or NULL. */
static job *next_queued(orl_ahead *a)
{
    if (a->held + (a->last ? a->last : 1) > a->cap) return NULL;
    for (job *j = a->jobs; j; j = j->next)
        if (j->state == JOB_QUEUED) return j;
    return NULL;
}

static void unlink_job(orl_ahead *a, job *j)
{
    for (job **pp = &a->jobs; *pp; pp = &(*pp)->next)
        if (*pp == j) {
            *pp = j->next;
            return;
        }
}

static int ahead_main(void *ud)
{
    orl_ahead *a = ud;
    /* below the drawing: a frame on time matters more than a picture early */
    SDL_SetThreadPriority(SDL_THREAD_PRIORITY_LOW);
    SDL_LockMutex(a->mu);
    for (;;) {
        job *j;
        while (!a->quit && !(j = next_queued(a))) SDL_CondWait(a->cv, a->mu);
        if (a->quit) break;
        j->state = JOB_RUNNING;
        char *name = j->name;
        int need = j->need;
        SDL_UnlockMutex(a->mu);

        orl_image im;
        memset(&im, 0, sizeof im);
        const char *code;
        char why[600];
        SDL_Surface *s = orl_image__decode(a->fs, name, &code, why, sizeof why);
        if (!s) {
            orl_image__fail(&im, code, why);
        } else if (orl_image__prepare(&im, s, need == ORL_IMG_PIXELS) != 0) {
            SDL_FreeSurface(s);
            s = NULL;
            orl_image__fail(&im, "image-unreadable", "out of memory while decoding it ahead");
            im.code = NULL; /* not the picture's fault: decoded again when drawn */
        }

        SDL_LockMutex(a->mu);
        j->im = im;
        j->s = s;
        j->bytes = surface_bytes(s, need == ORL_IMG_PIXELS);
        if (j->bytes) a->last = j->bytes;
        j->state = JOB_DONE;
        if (j->unwanted) {
            unlink_job(a, j);
            job_free(j);
        } else {
            a->held += j->bytes;
        }
        SDL_CondBroadcast(a->cv);
    }
    SDL_UnlockMutex(a->mu);
    return 0;
}

orl_ahead *orl_ahead__create(orl_fs *fs)
{
    if (!fs) return NULL;
    orl_ahead *a = calloc(1, sizeof *a);
    if (!a) return NULL;
    a->fs = fs;
    a->cap = ORL_IMAGE_CACHE_BYTES;
    a->mu = SDL_CreateMutex();
    a->cv = SDL_CreateCond();
    /* the decoders are set up here, not first on the thread */
    IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG | IMG_INIT_WEBP);
    if (a->mu && a->cv) a->thread = SDL_CreateThread(ahead_main, "orl-ahead", a);
    if (!a->thread) {
        orl_ahead__free(a);
        return NULL;
    }
    return a;
}

void orl_ahead__free(orl_ahead *a)
{
    if (!a) return;
    if (a->thread) {
        SDL_LockMutex(a->mu);
        a->quit = 1;
        SDL_CondBroadcast(a->cv);
        SDL_UnlockMutex(a->mu);
        SDL_WaitThread(a->thread, NULL);
    }
    while (a->jobs) {
        job *j = a->jobs;
        a->jobs = j->next;
        job_free(j);
    }
    if (a->cv) SDL_DestroyCond(a->cv);
    if (a->mu) SDL_DestroyMutex(a->mu);
    free(a);
}

void orl_ahead__set(orl_ahead *a, size_t cap, int need)
{
    if (!a) return;
    SDL_LockMutex(a->mu);
    a->cap = cap;
    for (job *j = a->jobs; j; j = j->next)
        if (j->state == JOB_QUEUED) j->need = need;
    SDL_CondBroadcast(a->cv);
    SDL_UnlockMutex(a->mu);
}

size_t orl_ahead__held(orl_ahead *a)
{
    if (!a) return 0;
    SDL_LockMutex(a->mu);
    size_t h = a->held;
    SDL_UnlockMutex(a->mu);
    return h;
}

void orl_ahead__want(orl_ahead *a, const char *const *names, const int *needs, int n)
{
    if (!a) return;
    SDL_LockMutex(a->mu);
    job *list = NULL, **tail = &list;
    for (int i = 0; i < n; i++) {
        job *j = NULL;
        for (job **pp = &a->jobs; *pp; pp = &(*pp)->next)
            if (strcmp((*pp)->name, names[i]) == 0) {
                j = *pp;
                *pp = j->next;
                break;
            }
        if (!j) {
            /* asked twice in one list, or new */
            int dup = 0;
            for (job *k = list; k && !dup; k = k->next) dup = strcmp(k->name, names[i]) == 0;
            if (dup) continue;
            j = calloc(1, sizeof *j);
            if (j && !(j->name = strdup(names[i]))) {
                free(j);
                j = NULL;
            }
            if (!j) break; /* out of memory: nothing is lost, drawing decodes it */
            j->need = needs[i];
            j->state = JOB_QUEUED;
        }
        j->unwanted = 0;
        j->next = NULL;
        *tail = j;
        tail = &j->next;
    }
    /* what is no longer wanted goes; a running job goes when it is done */
    while (a->jobs) {
        job *j = a->jobs;
        a->jobs = j->next;
        if (j->state == JOB_RUNNING) {
            j->unwanted = 1;
            j->next = NULL;
            *tail = j;
            tail = &j->next;
            continue;
        }
        if (j->state == JOB_DONE) a->held -= j->bytes;
        job_free(j);
    }
    a->jobs = list;
    SDL_CondBroadcast(a->cv);
    SDL_UnlockMutex(a->mu);
}

int orl_ahead__take(orl_scene_renderer *sr, orl_image *im, int need)
{
    orl_ahead *a = sr->ahead;
    if (!a) return 0;
    SDL_LockMutex(a->mu);
    job *j = NULL;
    for (job *k = a->jobs; k && !j; k = k->next)
        if (strcmp(k->name, im->name) == 0) j = k;
    if (j && j->state == JOB_RUNNING) {
        j->unwanted = 0;
        while (j->state == JOB_RUNNING) SDL_CondWait(a->cv, a->mu);
    }
    if (j) {
        unlink_job(a, j);
        if (j->state == JOB_DONE) a->held -= j->bytes;
        SDL_CondBroadcast(a->cv); /* room again for the thread */
    }
    SDL_UnlockMutex(a->mu);
    if (!j) return 0;
    /* queued: the caller decodes it now; decoded for another use (a texture from
     * premultiplied pixels) or out of memory there: the same */
    int usable = j->state == JOB_DONE && (j->s || j->im.code) &&
                 !(j->need == ORL_IMG_PIXELS && (need & ORL_IMG_TEXTURE));
    if (!usable) {
        job_free(j);
        return 0;
    }
    if (!j->s) {
        /* the reason it cannot be shown, found on the thread */
        im->failed = 1;
        im->code = j->im.code;
        free(im->why);
        im->why = j->im.why;
        j->im.why = NULL;
        job_free(j);
        return 1;
    }
    im->w = j->im.w;
    im->h = j->im.h;
    im->opaque = j->im.opaque;
    im->edges = j->im.edges;
    free(im->spans);
    im->spans = j->im.spans;
    j->im.spans = NULL;
    SDL_Surface *s = j->s;
    j->s = NULL;
    int premultiplied = j->need == ORL_IMG_PIXELS;
    job_free(j);
    orl_image__attach(sr, im, s, need, premultiplied);
    return 1;
}

/* ---------------------------------------------------------------------------------------
 * The public side (render/scene.h) */

static int scene_pictures(const orl_scene *s, int need, const char **names, int *needs, int cap)
{
    int n = 0;
    if (!s) return 0;
    if (s->panorama) {
        if (n < cap) {
            names[n] = s->panorama;
            needs[n++] = ORL_IMG_PIXELS; /* a panorama is always drawn by the CPU */
        }
        return n;
    }
    if (s->background && n < cap) {
        names[n] = s->background;
        needs[n++] = need;
    }
    for (int i = 0; i < s->nlayers && n < cap; i++)
        if (s->layers[i].image) {
            names[n] = s->layers[i].image;
            needs[n++] = need;
        }
    return n;
}

orl_ahead *orl_ahead_start(orl_fs *fs, const orl_scene *s)
{
    const char *names[1 + ORL_MAX_LAYERS];
    int needs[1 + ORL_MAX_LAYERS];
    int n = scene_pictures(s, 0, names, needs, 1 + ORL_MAX_LAYERS);
    if (!fs || n == 0) return NULL;
    orl_ahead *a = orl_ahead__create(fs);
    orl_ahead__want(a, names, needs, n);
    return a;
}

void orl_ahead_free(orl_ahead *a) { orl_ahead__free(a); }

void orl_scene_renderer_adopt(orl_scene_renderer *sr, orl_ahead *a)
{
    if (!a) return;
    if (!sr || a->fs != sr->fs) {
        orl_ahead__free(a);
        return;
    }
    orl_ahead__free(sr->ahead);
    sr->ahead = a;
    orl_ahead__set(a, sr->budget / 2, orl_scene__need(sr));
}

void orl_scene_prefetch(orl_scene_renderer *sr, const orl_scene *const *scenes, int n)
{
    if (!sr || !sr->fs) return;
    if (!sr->ahead) {
        if (n <= 0) return;
        sr->ahead = orl_ahead__create(sr->fs);
        if (!sr->ahead) return;
        orl_ahead__set(sr->ahead, sr->budget / 2, orl_scene__need(sr));
    }
    enum { CAP = 64 };
    const char *names[CAP];
    int needs[CAP], k = 0;
    for (int i = 0; i < n && k < CAP; i++) {
        const char *got[1 + ORL_MAX_LAYERS];
        int gneed[1 + ORL_MAX_LAYERS];
        int m = scene_pictures(scenes[i], orl_scene__need(sr), got, gneed, 1 + ORL_MAX_LAYERS);
        for (int j = 0; j < m && k < CAP; j++) {
            /* what the cache has (or knows it cannot show) is not decoded again */
            const orl_image *im = sr->images;
            while (im && strcmp(im->name, got[j]) != 0) im = im->next;
            if (im && (im->failed || ((gneed[j] & ORL_IMG_PIXELS) ? im->pixels != NULL : im->texture != NULL)))
                continue;
            names[k] = got[j];
            needs[k++] = gneed[j];
        }
    }
    orl_ahead__want(sr->ahead, names, needs, k);
}
