/* orilla stats --svg: bar charts of the statistics for a curator's report (stats.h). The
 * drawing is 800 units wide and printed 210 mm wide (A4 portrait): 14-unit text is about
 * 10 pt on paper. Only ids and numbers are drawn: the database holds no story text. */
#include "core/strutil.h"
#include "kiosk/stats_internal.h"
#include <stdlib.h>
#include <string.h>

#define SVG_W 800
#define MARGIN 48
#define LABEL_W 300 /* the labels' column of a horizontal bar chart */
#define BAR_W (SVG_W - 2 * MARGIN - LABEL_W - 110)
#define BAR_H 18
#define ROW_H 26
#define MAX_DAY_SPAN 400 /* days on one time axis; a longer span lists the days present only */
#define MAX_LABEL 44     /* characters of an id shown (longer ones are cut with ...) */
#define BAR_LABEL 36     /* characters of a bar's label: what fits LABEL_W at 14 units */

#define C_TEXT "#222222"
#define C_MUTED "#666666"
#define C_BAR "#c0622b"
#define C_BAR2 "#e9b48a"
#define C_TRACK "#f1e9e1"
#define C_RULE "#d8cfc6"

/* Text for XML: & < > " ' escaped, control characters and broken UTF-8 as '?' (XML 1.0 has
 * no way to write most control characters at all), cut after max characters. */
static void xml_text(FILE *f, const char *s, int max)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    int n = 0;
    while (*p) {
        if (max > 0 && n >= max) {
            fputs("\xE2\x80\xA6", f); /* … */
            return;
        }
        unsigned c = *p;
        int len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        int ok = len > 0 && !(len == 2 && c < 0xC2) && !(len == 4 && c > 0xF4);
        for (int i = 1; ok && i < len; i++) ok = (p[i] & 0xC0) == 0x80;
        if (ok && len == 3) {
            unsigned cp = ((c & 0x0F) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
            ok = cp >= 0x800 && !(cp >= 0xD800 && cp <= 0xDFFF) && cp != 0xFFFE && cp != 0xFFFF;
        }
        if (ok && len == 4) {
            unsigned cp = ((c & 0x07) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
            ok = cp >= 0x10000 && cp <= 0x10FFFF;
        }
        if (!ok) {
            fputc('?', f);
            p++;
        } else if (len == 1) {
            switch (c) {
            case '&': fputs("&amp;", f); break;
            case '<': fputs("&lt;", f); break;
            case '>': fputs("&gt;", f); break;
            case '"': fputs("&quot;", f); break;
            case '\'': fputs("&apos;", f); break;
            default: fputc(c < 0x20 || c == 0x7F ? '?' : (int)c, f);
            }
            p++;
        } else {
            fwrite(p, 1, (size_t)len, f);
            p += len;
        }
        n++;
    }
}

typedef struct svg {
    FILE *f;
    int y;
} svg;

/* One line of text. No <tspan>: some renderers (ImageMagick's own) do not flow them. */
static void text_at(svg *g, int x, int y, int size, const char *anchor, const char *color, int bold, const char *s,
                    int max)
{
    fprintf(g->f, "<text x=\"%d\" y=\"%d\" font-size=\"%d\"%s%s%s%s fill=\"%s\">", x, y, size,
            anchor ? " text-anchor=\"" : "", anchor ? anchor : "", anchor ? "\"" : "", bold ? " font-weight=\"bold\"" : "",
            color);
    xml_text(g->f, s, max);
    fputs("</text>\n", g->f);
}

static void heading(svg *g, const char *s)
{
    g->y += 30;
    text_at(g, MARGIN, g->y, 17, NULL, C_TEXT, 1, s, 0);
    g->y += 10;
}

static void note(svg *g, const char *s)
{
    g->y += 20;
    text_at(g, MARGIN, g->y, 13, NULL, C_MUTED, 0, s, 0);
}

/* One horizontal bar: label, bar of frac, and the figure after it. */
static void hbar(svg *g, const char *label, double frac, const char *figure)
{
    g->y += ROW_H;
    int x = MARGIN + LABEL_W;
    text_at(g, x - 10, g->y - 4, 14, "end", C_TEXT, 0, label, BAR_LABEL);
    if (frac < 0) frac = 0;
    if (frac > 1) frac = 1;
    fprintf(g->f, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>\n", x, g->y - BAR_H, BAR_W, BAR_H,
            C_TRACK);
    int w = (int)(frac * BAR_W + 0.5);
    if (w > 0)
        fprintf(g->f, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>\n", x, g->y - BAR_H, w, BAR_H,
                C_BAR);
    text_at(g, x + BAR_W + 10, g->y - 4, 14, NULL, C_TEXT, 0, figure, 0);
}

static const char *col(sqlite3_stmt *st, int i)
{
    const char *t = (const char *)sqlite3_column_text(st, i);
    return t ? t : "";
}

static sqlite3_stmt *prep2(orl_stats *s, const char *sql, const char *story, const char *version)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) return NULL;
    sqlite3_bind_text(st, 1, story, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, version, -1, SQLITE_TRANSIENT);
    return st;
}

static void pct_text(char *out, size_t n, long long count, long long total)
{
    if (total > 0) snprintf(out, n, "%lld  (%.0f %%)", count, 100.0 * (double)count / (double)total);
    else snprintf(out, n, "%lld", count);
}

/* Sessions per day: vertical bars (started, finished darker inside). */
static int days_chart(svg *g, orl_stats *s, const char *story, const char *version)
{
    sqlite3_stmt *st = prep2(s, "SELECT day, started, finished FROM sessions WHERE story = ?1 AND version = ?2 "
                                "ORDER BY day", story, version);
    if (!st) return -1;
    long long *day = NULL, *started = NULL, *finished = NULL;
    int n = 0, cap = 0, rc, bad = 0;
    long long maxv = 1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            long long *a = realloc(day, (size_t)cap * sizeof *a);
            if (a) day = a;
            long long *b = realloc(started, (size_t)cap * sizeof *b);
            if (b) started = b;
            long long *c = realloc(finished, (size_t)cap * sizeof *c);
            if (c) finished = c;
            if (!a || !b || !c) {
                bad = 1;
                break;
            }
        }
        day[n] = orl_parse_date(col(st, 0));
        started[n] = sqlite3_column_int64(st, 1);
        finished[n] = sqlite3_column_int64(st, 2);
        if (started[n] > maxv) maxv = started[n];
        if (finished[n] > maxv) maxv = finished[n];
        n++;
    }
    sqlite3_finalize(st);
    if (bad || rc != SQLITE_DONE) {
        free(day);
        free(started);
        free(finished);
        return -1;
    }
    heading(g, "Sessions per day");
    if (n == 0) {
        note(g, "no sessions recorded");
        free(day);
        free(started);
        free(finished);
        return 0;
    }
    /* a time axis when the days span a sensible range, else the days present side by side */
    long long first = day[0], last = day[n - 1];
    int timeline = first >= 0 && last >= first && last - first < MAX_DAY_SPAN;
    for (int i = 0; i < n && timeline; i++) timeline = day[i] >= 0;
    int slots = timeline ? (int)(last - first + 1) : n;
    const int ch = 160, x0 = MARGIN + 40, w = SVG_W - MARGIN - x0;
    int top = g->y + 14, base = top + ch;
    double slot = (double)w / slots;
    fprintf(g->f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\"/>\n", x0, base, x0 + w, base, C_RULE);
    char num[64];
    snprintf(num, sizeof num, "%lld", maxv);
    text_at(g, x0 - 6, top + 5, 12, "end", C_MUTED, 0, num, 0);
    text_at(g, x0 - 6, base, 12, "end", C_MUTED, 0, "0", 0);
    fprintf(g->f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-dasharray=\"3 3\"/>\n", x0, top,
            x0 + w, top, C_RULE);
    for (int i = 0; i < n; i++) {
        int idx = timeline ? (int)(day[i] - first) : i;
        double bw = slot * 0.7 < 1 ? 1 : slot * 0.7 > 36 ? 36 : slot * 0.7;
        double bx = x0 + idx * slot + (slot - bw) / 2;
        double hs = (double)ch * (double)started[i] / (double)maxv, hf = (double)ch * (double)finished[i] / (double)maxv;
        fprintf(g->f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n", bx, base - hs, bw, hs,
                C_BAR2);
        fprintf(g->f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n", bx, base - hf, bw, hf,
                C_BAR);
    }
    char d0[11], d1[11];
    if (slots <= 8) { /* each day under its bar */
        for (int i = 0; i < n; i++) {
            int idx = timeline ? (int)(day[i] - first) : i;
            orl_stats_day_string(day[i], d0);
            text_at(g, (int)(x0 + idx * slot + slot / 2), base + 18, 12, "middle", C_MUTED, 0, d0, 0);
        }
    } else {
        orl_stats_day_string(first, d0);
        orl_stats_day_string(last, d1);
        text_at(g, x0, base + 18, 12, NULL, C_MUTED, 0, d0, 0);
        text_at(g, x0 + w, base + 18, 12, "end", C_MUTED, 0, d1, 0);
    }
    g->y = base + 24;
    /* legend */
    g->y += 18;
    fprintf(g->f, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\"/>\n", x0, g->y - 12, C_BAR2);
    text_at(g, x0 + 20, g->y, 13, NULL, C_MUTED, 0, "sessions begun", 0);
    fprintf(g->f, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\"/>\n", x0 + 170, g->y - 12, C_BAR);
    text_at(g, x0 + 190, g->y, 13, NULL, C_MUTED, 0, "of them, reached an ending", 0);
    if (!timeline) note(g, "(only the days with sessions are shown: the dates span too long a time for one axis)");
    free(day);
    free(started);
    free(finished);
    return 0;
}

/* Languages: one bar per row, its length the share of the total (a full bar is 100 %). */
static int list_chart(svg *g, orl_stats *s, const char *title, const char *sql, const char *story, const char *version,
                      long long total, const char *empty)
{
    heading(g, title);
    sqlite3_stmt *st = prep2(s, sql, story, version);
    if (!st) return -1;
    int rc, k = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        long long v = sqlite3_column_int64(st, 1);
        k++;
        char fig[64];
        pct_text(fig, sizeof fig, v, total);
        hbar(g, col(st, 0), total > 0 ? (double)v / (double)total : 0, fig);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) return -1;
    if (!k) note(g, empty);
    g->y += 6;
    return 0;
}

/* Endings reached (at least min times each), as shares of the sessions that reached one. */
static void endings_chart(svg *g, const orl_stats_block *b, long long finished, long long min)
{
    heading(g, "Endings reached");
    for (int i = 0; i < b->nendings; i++) {
        char fig[64];
        pct_text(fig, sizeof fig, b->endings[i].count, finished);
        const char *label = b->endings[i].title ? b->endings[i].title : b->endings[i].scene;
        hbar(g, label, finished > 0 ? (double)b->endings[i].count / (double)finished : 0, fig);
    }
    char line[256];
    if (b->endings_held_back) {
        snprintf(line, sizeof line, "%d more ending%s, each reached fewer than %lld times, %s not shown", b->endings_held_back,
                 b->endings_held_back == 1 ? "" : "s", min, b->endings_held_back == 1 ? "is" : "are");
        note(g, line);
    } else if (!b->nendings) {
        note(g, "no ending reached yet");
    }
    g->y += 6;
}

static int decisions_chart(svg *g, const orl_stats_block *b, long long min_sessions)
{
    heading(g, "Decisions: the share of each choice");
    char line[300];
    if (b->labelled) {
        note(g, "In the order of the story, with its words; scenes with one way on are left out.");
    } else {
        note(g, "Scenes are named by their id, choices by their number in the story (1 = the first written)");
        note(g, "and the scene they lead to; the most travelled first (orilla stats --story PATH: the story's words).");
    }
    for (int i = 0; i < b->ndecisions; i++) {
        const orl_stats_decision *d = &b->decisions[i];
        g->y += 32;
        char *head = d->title ? orl_format("%s  (%s)", d->title, d->scene) : orl_format("scene %s", d->scene);
        text_at(g, MARGIN, g->y, 15, NULL, C_TEXT, 1, head ? head : d->scene, 2 * MAX_LABEL);
        free(head);
        snprintf(line, sizeof line, "%lld session%s passed; %lld choices taken here", d->sessions,
                 d->sessions == 1 ? "" : "s", d->taken);
        note(g, line);
        g->y -= 4;
        for (int j = 0; j < d->nchoices; j++) {
            const orl_stats_choice *c = &d->choices[j];
            char fig[64];
            char *label = c->label ? orl_strdup(c->label) : orl_format("choice %d \xE2\x86\x92 %s", c->choice, c->target);
            pct_text(fig, sizeof fig, c->count, d->taken);
            hbar(g, label ? label : "?", d->taken > 0 ? (double)c->count / (double)d->taken : 0, fig);
            free(label);
        }
    }
    g->y += 10;
    if (b->held_back) {
        snprintf(line, sizeof line, "%d more decision%s, each passed by fewer than %lld sessions, %s not shown "
                 "(so that no one's path can be read from it).", b->held_back, b->held_back == 1 ? "" : "s",
                 min_sessions, b->held_back == 1 ? "is" : "are");
        note(g, line);
    }
    if (b->single) {
        snprintf(line, sizeof line, "%d scene%s with one way on (no decision) left out.", b->single, b->single == 1 ? "" : "s");
        note(g, line);
    }
    if (!b->ndecisions && !b->held_back) note(g, "no decisions recorded");
    return 0;
}

static int story_block(svg *g, orl_stats *s, const char *story, const char *version, const orl_stats_report_opts *o)
{
    long long min_sessions = o->min_sessions > 0 ? o->min_sessions : 1;
    long long started = 0, finished = 0, abandoned = 0;
    sqlite3_stmt *st = prep2(s,
                             "SELECT coalesce(sum(started),0), coalesce(sum(finished),0), coalesce(sum(abandoned),0) "
                             "FROM sessions WHERE story = ?1 AND version = ?2",
                             story, version);
    if (!st) return -1;
    if (sqlite3_step(st) == SQLITE_ROW) {
        started = sqlite3_column_int64(st, 0);
        finished = sqlite3_column_int64(st, 1);
        abandoned = sqlite3_column_int64(st, 2);
    }
    sqlite3_finalize(st);
    g->y += 44;
    fprintf(g->f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>\n", MARGIN, g->y - 30,
            SVG_W - MARGIN, g->y - 30, C_BAR);
    const orl_story *lb = o->labels && o->labels->id && strcmp(o->labels->id, story) == 0 ? o->labels : NULL;
    char *title = lb && lb->title ? (*version ? orl_format("%s (%s, version %s)", lb->title, story, version)
                                              : orl_format("%s (%s)", lb->title, story))
                  : *version ? orl_format("%s, version %s", story, version) : orl_strdup(story);
    text_at(g, MARGIN, g->y, 22, NULL, C_TEXT, 1, title ? title : story, 2 * MAX_LABEL + 12);
    free(title);
    char line[300];
    snprintf(line, sizeof line, "%lld session%s begun; %lld reached an ending (%.0f %%), %lld %s left before one",
             started, started == 1 ? "" : "s", finished,
             started > 0 ? 100.0 * (double)finished / (double)started : 0.0, abandoned, abandoned == 1 ? "was" : "were");
    g->y += 8;
    note(g, line);
    if (days_chart(g, s, story, version) != 0) return -1;
    if (list_chart(g, s, "Languages",
                   "SELECT lang, sessions FROM languages WHERE story = ?1 AND version = ?2 ORDER BY sessions DESC, lang",
                   story, version, started, "no languages recorded") != 0)
        return -1;
    orl_stats_block b;
    if (orl_stats_block_read(s, story, version, o, &b) != 0) return -1;
    endings_chart(g, &b, finished, min_sessions);
    int rc = decisions_chart(g, &b, min_sessions);
    orl_stats_block_free(&b);
    return rc;
}

int orl_stats_svg(orl_stats *s, FILE *out, const orl_stats_report_opts *o)
{
    if (!s || !out) return -1;
    orl_stats_report_opts all = {0};
    if (!o) o = &all;
    const char *story = o->story;
    char *body = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&body, &len);
    if (!f) return -1;
    svg g = {f, 0};
    sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL); /* one snapshot */
    sqlite3_stmt *vs = NULL;
    int rc = sqlite3_prepare_v2(s->db,
                                "SELECT story, version FROM sessions WHERE ?1 IS NULL OR story = ?1 "
                                "UNION SELECT story, version FROM choices WHERE ?1 IS NULL OR story = ?1 "
                                "UNION SELECT story, version FROM endings WHERE ?1 IS NULL OR story = ?1 ORDER BY 1, 2",
                                -1, &vs, NULL) == SQLITE_OK
                 ? 0
                 : -1;
    int blocks = 0;
    g.y = 20;
    int kiosks = orl_stats_sources(s);
    char *what = s->merged ? orl_format("Orilla: anonymous statistics merged from %d kiosk%s (counters only: no visitor "
                                        "can be told apart)", kiosks, kiosks == 1 ? "" : "s")
                           : orl_strdup("Orilla: anonymous statistics of a kiosk (counters only: no visitor can be told "
                                        "apart)");
    text_at(&g, MARGIN, g.y + 18, 13, NULL, C_MUTED, 0, what ? what : "Orilla: anonymous statistics", 0);
    free(what);
    g.y += 18;
    if (!rc) {
        if (story) sqlite3_bind_text(vs, 1, story, -1, SQLITE_TRANSIENT);
        else sqlite3_bind_null(vs, 1);
        int r;
        while ((r = sqlite3_step(vs)) == SQLITE_ROW && !rc) {
            char *sid = orl_strdup(col(vs, 0)), *ver = orl_strdup(col(vs, 1));
            if (!sid || !ver) rc = -1;
            else rc = story_block(&g, s, sid, ver, o);
            free(sid);
            free(ver);
            blocks++;
        }
        if (!rc && r != SQLITE_DONE) rc = -1;
    }
    sqlite3_finalize(vs);
    sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
    if (!rc && !blocks) note(&g, story ? "no statistics for this story yet" : "no statistics recorded yet");
    fclose(f);
    if (rc) {
        snprintf(s->problem, sizeof s->problem, "%s: %s", s->path, sqlite3_errmsg(s->db));
        free(body);
        return -1;
    }
    int h = g.y + MARGIN;
    fprintf(out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"210mm\" height=\"%.1fmm\" viewBox=\"0 0 %d %d\" "
            "font-family=\"DejaVu Sans, Noto Sans, Arial, sans-serif\">\n"
            "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n",
            210.0 * h / SVG_W, SVG_W, h, SVG_W, h);
    fwrite(body, 1, len, out);
    fputs("</svg>\n", out);
    free(body);
    return ferror(out) ? -1 : 0;
}
