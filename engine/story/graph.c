/* `orilla graph`: the story as Graphviz DOT (see graph.h). */
#include "story/graph.h"
#include "story/consent.h"
#include "core/strutil.h"
#include "core/utf8.h"
#include <stdlib.h>
#include <string.h>

void orl_dot_escape(FILE *out, const char *s)
{
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') { fputc('\\', out); fputc(c, out); }
        else if (c == '\n') fputs("\\n", out);
        else if (c == '\r' || c == '\t') fputc(' ', out);
        else if (c < 0x20 || c == 0x7f) continue;
        else fputc(c, out);
    }
}

/* The first words of a text: at most `chars` characters, cut after a word, wrapped into lines
 * of about `width` characters (joined with '\n'), with "…" when cut. Owned by the caller. */
static char *first_words(const char *s, int chars, int width, int max_lines)
{
    orl_buf b = {0};
    if (!s) return orl_strdup("");
    size_t len = strlen(s), i = 0;
    int total = 0, col = 0, lines = 1, cut = 0;
    while (i < len) {
        /* one word (or one run of spaces) */
        while (i < len && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) i++;
        if (i >= len) break;
        size_t w0 = i;
        int wl = 0;
        while (i < len && s[i] != ' ' && s[i] != '\n' && s[i] != '\t' && s[i] != '\r') {
            size_t n;
            orl_utf8_decode(s + i, len - i, &n);
            i += n;
            wl++;
        }
        if (total + wl + (col ? 1 : 0) > chars && total > 0) { cut = 1; break; }
        if (col && col + 1 + wl > width) {
            if (lines >= max_lines) { cut = 1; break; }
            orl_buf_puts(&b, "\n");
            lines++;
            col = 0;
        } else if (col) {
            orl_buf_puts(&b, " ");
            col++;
            total++;
        }
        if (wl > chars) {
            /* one very long word: keep its first characters */
            size_t k = w0;
            int taken = 0;
            while (k < i && taken < chars) {
                size_t n;
                orl_utf8_decode(s + k, i - k, &n);
                k += n;
                taken++;
            }
            orl_buf_put(&b, s + w0, k - w0);
            cut = 1;
            break;
        }
        orl_buf_put(&b, s + w0, i - w0);
        col += wl;
        total += wl;
    }
    if (cut) orl_buf_puts(&b, "…");
    orl_buf_put(&b, "", 1);
    if (b.oom) { orl_buf_free(&b); return NULL; }
    return b.data;
}

static const char *W(const orl_graph_opts *o, const char *en)
{
    const char *w = o->wording ? o->wording("@graph", en) : NULL;
    return w ? w : en;
}

static void node_id(FILE *out, const char *prefix, const char *id)
{
    fputc('"', out);
    fputs(prefix, out);
    orl_dot_escape(out, id);
    fputc('"', out);
}

int orl_story_write_dot(const orl_story *st, const orl_graph_opts *opts, FILE *out)
{
    orl_graph_opts o = {0};
    if (opts) o = *opts;
    int ns = st->nscenes;
    unsigned char *seen = orl_story_reachable(st);
    if (!seen) return -1;
    const char *font = "Noto Sans";
    fputs("digraph ", out);
    fputc('"', out);
    orl_dot_escape(out, st->id ? st->id : "story");
    fputs("\" {\n", out);
    fprintf(out, "  graph [rankdir=TB, fontname=\"%s\", labelloc=t, fontsize=18, nodesep=0.4, ranksep=0.6, label=\"", font);
    orl_dot_escape(out, st->title ? st->title : st->id ? st->id : "");
    fputs("\"];\n", out);
    fprintf(out, "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", color=\"#455a64\", "
                 "fontname=\"%s\", fontsize=11];\n", font);
    fprintf(out, "  edge [fontname=\"%s\", fontsize=9, color=\"#455a64\"];\n\n", font);

    if (st->start_idx >= 0) {
        fprintf(out, "  \"#start\" [shape=circle, style=filled, fillcolor=\"#2e7d32\", color=\"#2e7d32\", "
                     "fontcolor=white, width=0.7, fixedsize=true, label=\"");
        orl_dot_escape(out, W(&o, "start"));
        fputs("\"];\n  \"#start\" -> ", out);
        node_id(out, "s:", st->scenes[st->start_idx].id);
        fputs(" [penwidth=2, color=\"#2e7d32\"];\n", out);
    }

    orl_consent_ctx cc = {0};
    cc.deployment = ORL_DEPLOY_WORKSHOP;
    cc.today = o.today;
    cc.withdrawn = o.withdrawn;
    int oom = 0;
    for (int i = 0; i < ns && !oom; i++) {
        const orl_scene *s = &st->scenes[i];
        char *words = s->text ? first_words(s->text, 60, 26, 3) : orl_strdup(W(&o, "(text chosen by the story's code)"));
        if (!words) { oom = 1; break; }
        int unreachable = st->start_idx >= 0 && !seen[i];
        int stuck = s->nchoices == 0 && !s->ending;
        fputs("  ", out);
        node_id(out, "s:", s->id);
        fputs(" [label=\"", out);
        orl_dot_escape(out, s->id);
        if (s->title) {
            fputs(" — ", out);
            orl_dot_escape(out, s->title);
        }
        if (*words) {
            fputs("\\n\\n", out);
            orl_dot_escape(out, words);
        }
        if (unreachable) {
            fputs("\\n\\n", out);
            orl_dot_escape(out, W(&o, "(cannot be reached from the start)"));
        } else if (stuck) {
            fputs("\\n\\n", out);
            orl_dot_escape(out, W(&o, "(stuck: no choices, not an ending)"));
        }
        fputc('"', out);
        if (s->ending) fputs(", shape=doubleoctagon, style=filled, fillcolor=\"#e3f2fd\"", out);
        if (i == st->start_idx) fputs(", penwidth=2.5, color=\"#2e7d32\"", out);
        if (unreachable) fputs(", color=\"#c62828\", fontcolor=\"#c62828\", fillcolor=\"#ffebee\", penwidth=2", out);
        else if (stuck) fputs(", color=\"#ef6c00\", fillcolor=\"#fff3e0\", penwidth=2", out);
        fputs("];\n", out);
        free(words);

        for (int j = 0; j < s->nchoices; j++) {
            const orl_choice *c = &s->choices[j];
            char *cw = c->text ? first_words(c->text, 40, 22, 2) : orl_strdup(W(&o, "(text chosen by code)"));
            if (!cw) { oom = 1; break; }
            fputs("  ", out);
            node_id(out, "s:", s->id);
            fputs(" -> ", out);
            if (c->target >= 0) node_id(out, "s:", st->scenes[c->target].id);
            else node_id(out, "missing:", c->go ? c->go : "?");
            fputs(" [label=\"", out);
            fprintf(out, "%d. ", j + 1);
            orl_dot_escape(out, cw);
            if (c->when_fn != ORL_NOFN) {
                fputs("\\n", out);
                orl_dot_escape(out, W(&o, "(only sometimes: when)"));
            }
            fputc('"', out);
            if (c->when_fn != ORL_NOFN) fputs(", style=dashed", out);
            if (c->target < 0) fputs(", color=\"#c62828\", fontcolor=\"#c62828\"", out);
            fputs("];\n", out);
            free(cw);
            if (c->target < 0) {
                fputs("  ", out);
                node_id(out, "missing:", c->go ? c->go : "?");
                fputs(" [label=\"", out);
                orl_dot_escape(out, c->go ? c->go : "?");
                fputs("\\n", out);
                orl_dot_escape(out, W(&o, "(there is no scene with this name)"));
                fputs("\", style=\"dashed,filled\", fillcolor=\"#ffebee\", color=\"#c62828\", fontcolor=\"#c62828\"];\n", out);
            }
        }
        if (s->testimony_idx >= 0) {
            const orl_testimony *t = &st->testimonies[s->testimony_idx];
            const char *name = t->narrator_idx >= 0 && st->narrators[t->narrator_idx].name
                                   ? st->narrators[t->narrator_idx].name
                                   : t->narrator ? t->narrator : "?";
            fputs("  ", out);
            node_id(out, "t:", t->id);
            fputs(" [shape=note, style=filled, fillcolor=\"#fffde7\", color=\"#f9a825\", label=\"", out);
            orl_dot_escape(out, W(&o, "Testimony of"));
            fputc(' ', out);
            orl_dot_escape(out, name);
            /* a testimony's words only where its narrator agreed: never unless consent covers
             * the workshop (story/consent.h) */
            if (orl_consent_allows(st, t, &cc)) {
                char *tw = t->text ? first_words(t->text, 50, 26, 2) : NULL;
                if (tw && *tw) {
                    fputs("\\n“", out);
                    orl_dot_escape(out, tw);
                    fputs("”", out);
                }
                free(tw);
            } else {
                fputs("\\n", out);
                orl_dot_escape(out, W(&o, "(words not shown: consent does not cover the workshop)"));
            }
            fputs("\"];\n  ", out);
            node_id(out, "s:", s->id);
            fputs(" -> ", out);
            node_id(out, "t:", t->id);
            fputs(" [style=dotted, arrowhead=none, color=\"#f9a825\"];\n", out);
        }
    }
    if (!o.no_legend && !oom) {
        fputs("\n  subgraph cluster_legend {\n    label=\"", out);
        orl_dot_escape(out, W(&o, "How to read this picture"));
        fputs("\"; fontsize=12; style=rounded; color=\"#b0bec5\";\n", out);
        fputs("    node [fontsize=9, width=1.6];\n", out);
        fputs("    \"#legend-scene\" [label=\"", out);
        orl_dot_escape(out, W(&o, "scene: name and first words"));
        fputs("\"];\n    \"#legend-ending\" [shape=doubleoctagon, style=filled, fillcolor=\"#e3f2fd\", label=\"", out);
        orl_dot_escape(out, W(&o, "ending"));
        fputs("\"];\n    \"#legend-unreachable\" [color=\"#c62828\", fontcolor=\"#c62828\", fillcolor=\"#ffebee\", label=\"", out);
        orl_dot_escape(out, W(&o, "red: no choice leads here"));
        fputs("\"];\n    \"#legend-scene\" -> \"#legend-ending\" [style=dashed, label=\"", out);
        orl_dot_escape(out, W(&o, "dashed: a choice shown only sometimes"));
        fputs("\"];\n  }\n", out);
    }
    fputs("}\n", out);
    free(seen);
    if (oom) return -1;
    return ferror(out) ? -1 : 0;
}
