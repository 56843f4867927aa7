#include "story/walk.h"
#include "story/run.h"
#include "core/limits.h"
#include "core/strmap.h"
#include "core/strutil.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* --- a set of (scene, state bytes), and the queue of them to visit --- */

typedef struct node { int scene; uint32_t len; size_t off; uint64_t h; } node;

typedef struct nodeset {
    node *nodes;
    size_t n, cap;
    char *arena;
    size_t alen, acap;
    int64_t *slots; /* index into nodes, -1 empty */
    size_t nslots;
} nodeset;

static int ns_grow_slots(nodeset *s)
{
    size_t nn = s->nslots ? s->nslots * 2 : 1024;
    int64_t *ns = malloc(nn * sizeof *ns);
    if (!ns) return -1;
    for (size_t i = 0; i < nn; i++) ns[i] = -1;
    for (size_t i = 0; i < s->n; i++) {
        size_t j = s->nodes[i].h & (nn - 1);
        while (ns[j] >= 0) j = (j + 1) & (nn - 1);
        ns[j] = (int64_t)i;
    }
    free(s->slots);
    s->slots = ns;
    s->nslots = nn;
    return 0;
}

/* 1 added, 0 already there, -1 OOM */
static int ns_add(nodeset *s, int scene, const char *p, size_t len)
{
    if ((s->n + 1) * 2 > s->nslots && ns_grow_slots(s) != 0) return -1;
    uint64_t h = orl_hash_bytes(p, len, (uint64_t)scene * 0x9E3779B97F4A7C15ULL);
    size_t j = h & (s->nslots - 1);
    while (s->slots[j] >= 0) {
        node *o = &s->nodes[s->slots[j]];
        if (o->h == h && o->scene == scene && o->len == len && memcmp(s->arena + o->off, p, len) == 0) return 0;
        j = (j + 1) & (s->nslots - 1);
    }
    if (s->n == s->cap) {
        size_t nc = s->cap ? s->cap * 2 : 1024;
        node *nn = realloc(s->nodes, nc * sizeof *nn);
        if (!nn) return -1;
        s->nodes = nn;
        s->cap = nc;
    }
    if (s->alen + len > s->acap) {
        size_t nc = s->acap ? s->acap * 2 : 65536;
        while (nc < s->alen + len) nc *= 2;
        char *na = realloc(s->arena, nc);
        if (!na) return -1;
        s->arena = na;
        s->acap = nc;
    }
    memcpy(s->arena + s->alen, p, len);
    s->nodes[s->n] = (node){scene, (uint32_t)len, s->alen, h};
    s->alen += len;
    s->slots[j] = (int64_t)s->n++;
    return 1;
}

static void ns_free(nodeset *s)
{
    free(s->nodes);
    free(s->arena);
    free(s->slots);
    memset(s, 0, sizeof *s);
}

/* Each problem is reported once per scene (a loop would otherwise repeat it thousands of times). */
typedef struct reporter { unsigned char *said; orl_diags *d; } reporter;

static void report_once(reporter *rp, int scene, orl_diags *tmp)
{
    if (!rp->said[scene]) {
        rp->said[scene] = 1;
        for (size_t i = 0; i < tmp->n; i++) {
            orl_diag *g = &tmp->items[i];
            orl_diag_add(rp->d, g->sev, g->file, g->line, g->col, g->code, "%s", g->msg);
        }
    }
    orl_diags_free(tmp);
}

/* How many conditional choices sit in scenes that following `go` from the start can reach: the
 * goal of until_all_shown (-1 when it cannot be counted). */
static long conditional_reachable(const orl_story *st)
{
    unsigned char *seen = orl_story_reachable(st);
    if (!seen) return -1;
    long n = 0;
    for (int i = 0; i < st->nscenes; i++) {
        if (!seen[i]) continue;
        for (int j = 0; j < st->scenes[i].nchoices; j++)
            if (st->scenes[i].choices[j].when_fn != ORL_NOFN && st->scenes[i].choices[j].target >= 0) n++;
    }
    free(seen);
    return n;
}

static int walk_all(orl_story *st, orl_run *r, const orl_walk_opts *o, orl_walk_result *res, reporter *rp)
{
    long goal = o->until_all_shown && res->choice_shown ? conditional_reachable(st) : -1, shown = 0;
    nodeset set = {0};
    orl_buf buf = {0};
    long max_states = o->max_states > 0 ? o->max_states : ORL_WALK_MAX_STATES;
    double t_start = now_s();
    int rc = 0;
    orl_diags tmp = {0};
    tmp.wording = rp->d->wording; /* script errors in the author's language */
    if (orl_run_start(r, &tmp) != 0) {
        res->script_errors++;
        report_once(rp, st->start_idx >= 0 ? st->start_idx : 0, &tmp);
        return 0;
    }
    if (orl_run_state_save(r, &buf, &tmp) != 0) {
        res->script_errors++;
        report_once(rp, st->start_idx, &tmp);
        orl_buf_free(&buf);
        return 0;
    }
    if (ns_add(&set, st->start_idx, buf.data, buf.len) < 0) rc = -1;
    size_t head = 0;
    int vis[ORL_MAX_CHOICES];
    while (rc == 0 && head < set.n) {
        node cur = set.nodes[head++];
        res->reached[cur.scene]++;
        orl_scene *s = &st->scenes[cur.scene];
        if (o->progress && (head & 1023) == 0) o->progress(o->progress_ud, (long)head, (long)set.n);
        /* every node: one node may run dozens of story calls, each up to its deadline */
        if (o->max_seconds > 0 && now_s() - t_start > o->max_seconds) {
            res->truncated = 1;
            break;
        }
        if (s->ending) {
            res->endings_hit++;
            if (s->nchoices == 0) continue;
        }
        /* the node's state lives in the arena, which may move while we add: copy it */
        char *state = orl_strndup(set.arena + cur.off, cur.len);
        /* a state this walk encoded fails to decode only when memory runs out */
        if (!state || orl_run_restore(r, cur.scene, state, cur.len) != 0) {
            free(state);
            rc = -1;
            break;
        }
        int nv = orl_run_visible(r, vis, ORL_MAX_CHOICES, &tmp);
        if (nv < 0) {
            res->script_errors++;
            report_once(rp, cur.scene, &tmp);
            free(state);
            continue;
        }
        orl_diags_free(&tmp);
        if (nv == 0 && !s->ending) res->dead_end[cur.scene] = 1;
        if (res->choice_shown)
            for (int k = 0; k < nv; k++) {
                unsigned char *cs = &res->choice_shown[res->choice_base[cur.scene] + vis[k]];
                if (!*cs && s->choices[vis[k]].when_fn != ORL_NOFN && s->choices[vis[k]].target >= 0) shown++;
                *cs = 1;
            }
        if (goal >= 0 && shown >= goal) {
            res->stopped_early = 1;
            free(state);
            break;
        }
        for (int k = 0; k < nv; k++) {
            if (orl_run_restore(r, cur.scene, state, cur.len) != 0) { rc = -1; break; }
            res->choices++;
            int target = s->choices[vis[k]].target;
            if (orl_run_choose(r, vis[k], &tmp) != 0) {
                res->script_errors++;
                res->reached[target]++; /* reached, and its on_enter failed: not "never reached" */
                report_once(rp, target, &tmp);
                continue;
            }
            buf.len = 0;
            if (orl_run_state_save(r, &buf, &tmp) != 0) {
                res->script_errors++;
                report_once(rp, target, &tmp);
                continue;
            }
            if ((long)set.n >= max_states) { res->truncated = 1; break; }
            if (set.alen + buf.len > ORL_WALK_MAX_STATE_BYTES) {
                /* every state is kept to know it again: large states, all different, took 2 GB
                 * in 9 s, then "out of memory" with no line */
                res->truncated = 1;
                res->truncated_bytes = 1;
                const orl_scene *ts = &st->scenes[target];
                orl_diag_add(rp->d, ORL_ERROR, ts->loc.file, ts->loc.line, 0, "walk-state-memory",
                             "the walk stopped after %ld states: the states of the story it keeps to recognise "
                             "them passed %u MB (after scene \"%s\" the state is %zu KB); keep less in s, such as "
                             "numbers and short texts instead of long texts and lists",
                             (long)set.n, (unsigned)(ORL_WALK_MAX_STATE_BYTES >> 20), ts->id, buf.len >> 10);
                break;
            }
            if (ns_add(&set, target, buf.data, buf.len) < 0) { rc = -1; break; }
        }
        /* a reader who skips this scene's content note goes to its skip_to: one more way on */
        if (rc == 0 && !res->truncated && s->warnings.n && s->skip_to_idx >= 0) {
            int target = s->skip_to_idx;
            if (orl_run_restore(r, cur.scene, state, cur.len) != 0) {
                rc = -1;
            } else if (orl_run_enter(r, target, &tmp) != 0) {
                res->script_errors++;
                res->reached[target]++;
                report_once(rp, target, &tmp);
            } else {
                buf.len = 0;
                if (orl_run_state_save(r, &buf, &tmp) != 0) {
                    res->script_errors++;
                    report_once(rp, target, &tmp);
                } else if ((long)set.n >= max_states) {
                    res->truncated = 1;
                } else if (ns_add(&set, target, buf.data, buf.len) < 0) {
                    rc = -1;
                }
            }
        }
        free(state);
        if (res->truncated) break;
    }
    res->states = (long)set.n;
    /* scenes queued but not visited because we stopped still count as reached */
    for (size_t i = head; i < set.n; i++) res->reached[set.nodes[i].scene]++;
    orl_buf_free(&buf);
    ns_free(&set);
    orl_diags_free(&tmp);
    return rc;
}

static uint64_t rng_next(uint64_t *s)
{
    /* splitmix64: small, fast, and the same on every machine */
    uint64_t z = (*s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static int walk_random(orl_story *st, orl_run *r, const orl_walk_opts *o, orl_walk_result *res, reporter *rp)
{
    uint64_t rng = o->seed;
    long max_steps = o->max_steps > 0 ? o->max_steps : 10000;
    int vis[ORL_MAX_CHOICES];
    orl_diags tmp = {0};
    tmp.wording = rp->d->wording;
    orl_buf buf = {0};
    for (long p = 0; p < o->random; p++) {
        if (orl_run_reset(r) != 0) {
            /* out of memory: a playthrough on the last one's state would be wrong */
            orl_buf_free(&buf);
            orl_diags_free(&tmp);
            return -1;
        }
        res->playthroughs++;
        if (o->progress && (p & 63) == 0) o->progress(o->progress_ud, p, o->random);
        if (orl_run_start(r, &tmp) != 0) {
            res->script_errors++;
            report_once(rp, st->start_idx >= 0 ? st->start_idx : 0, &tmp);
            continue;
        }
        long steps = 0;
        for (;;) {
            int sc = orl_run_scene(r);
            res->reached[sc]++;
            orl_scene *s = &st->scenes[sc];
            if (s->ending) { res->endings_hit++; break; }
            int nv = orl_run_visible(r, vis, ORL_MAX_CHOICES, &tmp);
            if (nv < 0) { res->script_errors++; report_once(rp, sc, &tmp); break; }
            if (nv == 0) { res->dead_end[sc] = 1; break; }
            if (steps++ >= max_steps) { res->unfinished++; break; }
            int pick = vis[rng_next(&rng) % (uint64_t)nv];
            res->choices++;
            if (orl_run_choose(r, pick, &tmp) != 0) {
                res->script_errors++;
                res->reached[s->choices[pick].target]++;
                report_once(rp, s->choices[pick].target, &tmp);
                break;
            }
        }
        /* the state must stay plain values: checked once per playthrough */
        buf.len = 0;
        if (orl_run_state_save(r, &buf, &tmp) != 0) {
            res->script_errors++;
            report_once(rp, orl_run_scene(r), &tmp);
        }
    }
    orl_buf_free(&buf);
    orl_diags_free(&tmp);
    return 0;
}

int orl_walk(orl_story *st, const orl_walk_opts *opts, orl_walk_result *res, orl_diags *d)
{
    orl_walk_opts o = {0};
    if (opts) o = *opts;
    memset(res, 0, sizeof *res);
    if (st->start_idx < 0 || st->nscenes == 0) return -1;
    res->reached = calloc((size_t)st->nscenes, sizeof *res->reached);
    res->dead_end = calloc((size_t)st->nscenes, sizeof *res->dead_end);
    reporter rp = {calloc((size_t)st->nscenes, 1), d};
    orl_run *r = orl_run_new(st);
    int rc = -1;
    double t0 = now_s();
    if (o.random == 0) {
        /* which choices were ever shown (see orl_walk_result) */
        size_t total = 0;
        res->choice_base = malloc((size_t)st->nscenes * sizeof *res->choice_base);
        for (int i = 0; res->choice_base && i < st->nscenes; i++) {
            res->choice_base[i] = (int)total;
            total += (size_t)st->scenes[i].nchoices;
        }
        res->choice_shown = res->choice_base ? calloc(total ? total : 1, 1) : NULL;
        if (!res->choice_shown) { free(res->choice_base); res->choice_base = NULL; }
    }
    if (res->reached && res->dead_end && rp.said && r)
        rc = o.random > 0 ? walk_random(st, r, &o, res, &rp) : walk_all(st, r, &o, res, &rp);
    if (rc == 0 && o.random == 0 && !res->truncated && res->choice_shown) {
        for (int i = 0; i < st->nscenes; i++) {
            const orl_scene *s = &st->scenes[i];
            if (!res->reached[i] || rp.said[i]) continue; /* not reached, or a script error there */
            for (int j = 0; j < s->nchoices; j++) {
                const orl_choice *c = &s->choices[j];
                if (c->when_fn == ORL_NOFN || c->target < 0 || res->choice_shown[res->choice_base[i] + j]) continue;
                orl_diag_add(d, ORL_WARNING, c->loc.file, c->loc.line, 0, "always-hidden",
                             "scene \"%s\", choice %d (go = \"%s\") is never shown: its 'when' is false on every "
                             "path through the story; check the condition, and the scenes that should make it true",
                             s->id, j + 1, c->go ? c->go : "?");
            }
        }
    }
    res->seconds = now_s() - t0;
    orl_run_free(r);
    free(rp.said);
    if (rc != 0) orl_diag_add(d, ORL_ERROR, NULL, 0, 0, "oom", "out of memory while walking the story");
    return rc;
}

void orl_walk_result_free(orl_walk_result *res)
{
    free(res->reached);
    free(res->dead_end);
    free(res->choice_base);
    free(res->choice_shown);
    memset(res, 0, sizeof *res);
}

void orl_walk_report(const orl_story *st, const orl_walk_opts *o, const orl_walk_result *res, orl_diags *d,
                     int dead_ends_only)
{
    int all = !o || o->random == 0;
    for (int i = 0; i < st->nscenes; i++) {
        const orl_scene *s = &st->scenes[i];
        if (res->dead_end[i]) {
            if (s->nchoices == 0) continue; /* no choices at all: orl_story_check says so */
            /* at the first condition that hides a choice: that is what the author mends */
            orl_loc at = s->loc;
            for (int j = 0; j < s->nchoices; j++)
                if (s->choices[j].when_fn != ORL_NOFN && s->choices[j].loc.line > 0) {
                    at = s->choices[j].loc;
                    break;
                }
            orl_diag_add(d, ORL_ERROR, at.file, at.line, 0, "dead-end",
                         "scene \"%s\" is a dead end: the reader can get here with no choice to take "
                         "(every choice's 'when' is false); add a choice without 'when', or ending = true", s->id);
        } else if (dead_ends_only || res->reached[i] || !all || res->truncated || res->script_errors) {
            continue;
        } else if (s->ending) {
            orl_diag_add(d, ORL_WARNING, s->loc.file, s->loc.line, 0, "never-reached",
                         "ending \"%s\" is never reached by any path", s->id);
        } else {
            orl_diag_add(d, ORL_WARNING, s->loc.file, s->loc.line, 0, "never-reached",
                         "scene \"%s\" is never reached by any path (its choices' 'when' conditions may never allow it)",
                         s->id);
        }
    }
}
