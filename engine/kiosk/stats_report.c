/* What the reports (text, CSV, SVG) may show of one story version, under the small-count
 * rule (stats.h: orl_stats_report_opts): the decisions in story order with their labels when
 * the story is given, the endings, and how much was held back. */
#include "core/strutil.h"
#include "kiosk/stats_internal.h"
#include <stdlib.h>
#include <string.h>

static char *dup_col(sqlite3_stmt *st, int i)
{
    const char *t = (const char *)sqlite3_column_text(st, i);
    return orl_strdup(t ? t : "");
}

/* The scene of this id in the labels' story, or -1. */
static int scene_of(const orl_story *lb, const char *id)
{
    if (!lb) return -1;
    for (int i = 0; i < lb->nscenes; i++)
        if (lb->scenes[i].id && strcmp(lb->scenes[i].id, id) == 0) return i;
    return -1;
}

/* A scene's name for people: its title, else the first words of its text (a line). */
static char *scene_title(const orl_scene *sc)
{
    const char *t = sc->title && *sc->title ? sc->title : sc->text;
    if (!t || !*t) return NULL;
    size_t n = 0, cut = 0;
    while (t[n] && t[n] != '\n' && n < 70) {
        if (t[n] == ' ') cut = n;
        n++;
    }
    if (t[n] && t[n] != '\n' && cut > 20) n = cut;
    while (n > 0 && ((unsigned char)t[n] & 0xC0) == 0x80) n--; /* not in a character */
    char *s = orl_strndup(t, n);
    if (s && t[n] && t == sc->text) {
        char *more = orl_format("%s\xE2\x80\xA6", s); /* … */
        free(s);
        s = more;
    }
    return s;
}

static int cmp_decision(const void *a, const void *b)
{
    const orl_stats_decision *x = a, *y = b;
    if (x->order != y->order) return x->order < y->order ? -1 : 1;
    if (x->sessions != y->sessions) return x->sessions > y->sessions ? -1 : 1;
    return strcmp(x->scene, y->scene);
}

void orl_stats_block_free(orl_stats_block *b)
{
    for (int i = 0; i < b->ndecisions; i++) {
        orl_stats_decision *d = &b->decisions[i];
        free(d->scene);
        free(d->title);
        for (int j = 0; j < d->nchoices; j++) {
            free(d->choices[j].target);
            free(d->choices[j].label);
        }
        free(d->choices);
    }
    free(b->decisions);
    for (int i = 0; i < b->nendings; i++) {
        free(b->endings[i].scene);
        free(b->endings[i].title);
    }
    free(b->endings);
    memset(b, 0, sizeof *b);
}

int orl_stats_block_read(orl_stats *s, const char *story, const char *version, const orl_stats_report_opts *o,
                         orl_stats_block *b)
{
    memset(b, 0, sizeof *b);
    long long min = o && o->min_sessions > 0 ? o->min_sessions : 1;
    const orl_story *lb = o && o->labels && o->labels->id && strcmp(o->labels->id, story) == 0 ? o->labels : NULL;
    b->labelled = lb != NULL;
    sqlite3_stmt *st = NULL;
    /* the decisions: scenes where a choice was taken, with the sessions that passed */
    if (sqlite3_prepare_v2(s->db,
                           "SELECT c.scene, c.choice, c.target, c.count, "
                           "coalesce((SELECT sessions FROM scenes e WHERE e.story = c.story AND e.version = c.version "
                           " AND e.scene = c.scene), 0) "
                           "FROM choices c WHERE c.story = ?1 AND c.version = ?2 ORDER BY c.scene, c.choice",
                           -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(st, 1, story, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, version, -1, SQLITE_TRANSIENT);
    int rc, cap = 0, bad = 0;
    orl_stats_decision *cur = NULL;
    while (!bad && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *scene = (const char *)sqlite3_column_text(st, 0);
        if (!scene) scene = "";
        if (!cur || strcmp(cur->scene, scene) != 0) {
            if (b->ndecisions == cap) {
                int nc = cap ? cap * 2 : 32;
                orl_stats_decision *nd = realloc(b->decisions, (size_t)nc * sizeof *nd);
                if (!nd) {
                    bad = 1;
                    break;
                }
                b->decisions = nd;
                cap = nc;
            }
            cur = &b->decisions[b->ndecisions++];
            memset(cur, 0, sizeof *cur);
            cur->scene = orl_strdup(scene);
            cur->sessions = sqlite3_column_int64(st, 4);
            cur->order = -1;
            if (!cur->scene) bad = 1;
        }
        orl_stats_choice *nc = realloc(cur->choices, (size_t)(cur->nchoices + 1) * sizeof *nc);
        if (!nc) {
            bad = 1;
            break;
        }
        cur->choices = nc;
        orl_stats_choice *c = &cur->choices[cur->nchoices++];
        memset(c, 0, sizeof *c);
        c->choice = sqlite3_column_int(st, 1);
        c->target = dup_col(st, 2);
        c->count = sqlite3_column_int64(st, 3);
        cur->taken += c->count;
        if (!c->target) bad = 1;
    }
    sqlite3_finalize(st);
    if (bad || rc != SQLITE_DONE) {
        orl_stats_block_free(b);
        return -1;
    }
    /* the small-count rule, the story's own order and words, and no decision that was not one */
    int kept = 0;
    for (int i = 0; i < b->ndecisions; i++) {
        orl_stats_decision *d = &b->decisions[i];
        int idx = scene_of(lb, d->scene);
        int drop = 0;
        if (lb && idx >= 0 && lb->scenes[idx].nchoices < 2) {
            b->single++; /* one way on: "Begin", "Go on": not a decision */
            drop = 1;
        } else if (d->sessions < min) {
            b->held_back++;
            b->held_back_sessions += d->sessions;
            drop = 1;
        }
        if (drop) {
            free(d->scene);
            for (int j = 0; j < d->nchoices; j++) free(d->choices[j].target);
            free(d->choices);
            continue;
        }
        if (idx >= 0) {
            const orl_scene *sc = &lb->scenes[idx];
            d->order = idx;
            d->title = scene_title(sc);
            for (int j = 0; j < d->nchoices; j++) {
                int k = d->choices[j].choice - 1;
                if (k >= 0 && k < sc->nchoices && sc->choices[k].text && *sc->choices[k].text)
                    d->choices[j].label = orl_strdup(sc->choices[k].text);
            }
        } else {
            d->order = lb ? lb->nscenes : 0; /* not in the given story (another version): after */
        }
        b->decisions[kept++] = *d;
    }
    b->ndecisions = kept;
    if (kept > 1) qsort(b->decisions, (size_t)kept, sizeof *b->decisions, cmp_decision);
    /* the endings: reached at least min times each */
    if (sqlite3_prepare_v2(s->db, "SELECT scene, count FROM endings WHERE story = ?1 AND version = ?2 "
                                  "ORDER BY count DESC, scene", -1, &st, NULL) != SQLITE_OK) {
        orl_stats_block_free(b);
        return -1;
    }
    sqlite3_bind_text(st, 1, story, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, version, -1, SQLITE_TRANSIENT);
    while (!bad && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        long long n = sqlite3_column_int64(st, 1);
        if (n < min) {
            b->endings_held_back++;
            b->endings_held_back_count += n;
            continue;
        }
        orl_stats_ending *ne = realloc(b->endings, (size_t)(b->nendings + 1) * sizeof *ne);
        if (!ne) {
            bad = 1;
            break;
        }
        b->endings = ne;
        orl_stats_ending *e = &b->endings[b->nendings++];
        e->scene = dup_col(st, 0);
        e->count = n;
        int idx = e->scene ? scene_of(lb, e->scene) : -1;
        e->title = idx >= 0 ? scene_title(&lb->scenes[idx]) : NULL;
        if (!e->scene) bad = 1;
    }
    sqlite3_finalize(st);
    if (bad || rc != SQLITE_DONE) {
        orl_stats_block_free(b);
        return -1;
    }
    return 0;
}

int orl_stats_sources(orl_stats *s)
{
    if (!s || !s->merged) return 1;
    sqlite3_stmt *st = NULL;
    int n = 0;
    if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM sources", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return n;
}
