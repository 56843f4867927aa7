/* Worker threads for the CPU drawing: the rows of a frame are cut into as many parts as the
 * machine has cores (at most 8); the calling thread draws the first part itself. */
#include <stdlib.h>
#include "render/scene_private.h"

#define MAX_PARTS 8

typedef struct worker {
    SDL_Thread *thread;
    SDL_sem *go;
    struct orl_workers *pool;
    int part;
} worker;

struct orl_workers {
    int parts;          /* 1 + number of threads */
    worker w[MAX_PARTS];
    SDL_sem *done;
    orl_rows_fn fn;
    void *ctx;
    int rows;
    int quit;
};

static void part_rows(const orl_workers *p, int part, int *y0, int *y1)
{
    *y0 = (int)((long long)p->rows * part / p->parts);
    *y1 = (int)((long long)p->rows * (part + 1) / p->parts);
}

static int worker_main(void *ud)
{
    worker *w = ud;
    orl_workers *p = w->pool;
    for (;;) {
        SDL_SemWait(w->go);
        if (p->quit) break;
        int y0, y1;
        part_rows(p, w->part, &y0, &y1);
        if (y1 > y0) p->fn(p->ctx, w->part, y0, y1);
        SDL_SemPost(p->done);
    }
    return 0;
}

orl_workers *orl_workers__create(void)
{
    orl_workers *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    int cores = SDL_GetCPUCount();
    const char *env = SDL_getenv("ORILLA_RENDER_THREADS");
    if (env && *env) cores = atoi(env);
    if (cores < 1) cores = 1;
    if (cores > MAX_PARTS) cores = MAX_PARTS;
    p->parts = 1;
    p->done = cores > 1 ? SDL_CreateSemaphore(0) : NULL;
    for (int i = 1; i < cores && p->done; i++) {
        worker *w = &p->w[i];
        w->pool = p;
        w->part = i;
        w->go = SDL_CreateSemaphore(0);
        if (!w->go) break;
        w->thread = SDL_CreateThread(worker_main, "orl-draw", w);
        if (!w->thread) {
            SDL_DestroySemaphore(w->go);
            w->go = NULL;
            break;
        }
        p->parts = i + 1;
    }
    return p;
}

int orl_workers__parts(const orl_workers *p) { return p ? p->parts : 1; }

void orl_workers__run(orl_workers *p, orl_rows_fn fn, void *ctx, int rows)
{
    if (rows <= 0) return;
    if (!p || p->parts == 1 || rows < 2) {
        fn(ctx, 0, 0, rows);
        return;
    }
    p->fn = fn;
    p->ctx = ctx;
    p->rows = rows;
    for (int i = 1; i < p->parts; i++) SDL_SemPost(p->w[i].go);
    int y0, y1;
    part_rows(p, 0, &y0, &y1);
    if (y1 > y0) fn(ctx, 0, y0, y1);
    for (int i = 1; i < p->parts; i++) SDL_SemWait(p->done);
}

void orl_workers__free(orl_workers *p)
{
    if (!p) return;
    p->quit = 1;
    for (int i = 1; i < p->parts; i++) SDL_SemPost(p->w[i].go);
    for (int i = 1; i < p->parts; i++) {
        SDL_WaitThread(p->w[i].thread, NULL);
        SDL_DestroySemaphore(p->w[i].go);
    }
    if (p->done) SDL_DestroySemaphore(p->done);
    free(p);
}
