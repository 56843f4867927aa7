/* Twine shows a passage in order: what it shows before changing a variable shows the value
 * from before (twee_conv.h, tc_put_set). Orilla runs on_enter first and the text after, so a
 * change keeps the old value first and what was read before it reads that. */
#include "story/twee_conv.h"
#include <stdlib.h>
#include <string.h>

/* replaces the whole word `place` in b by `with` (a Lua place: s.x, s["_t"]); the open
 * chains' positions in b (when b is the text) move with what is before them */
static int replace_place(cv *c, orl_buf *b, const char *place, const char *with)
{
    size_t pn = strlen(place), wn = strlen(with);
    int text = b == &c->text;
    size_t before[sizeof c->open / sizeof *c->open]; /* replacements before each open chain's start */
    memset(before, 0, sizeof before);
    if (!b->len || pn == 0) return 0;
    /* each search reads the whole text again: charged to the passage's scan budget
     * (twee_conv.c), so many changes over a text grown by includes stay bounded (a 3 KB
     * Twine file took 2.7 s here, and a fuzzer's 20 s) */
    if (b->len > c->scan_budget) {
        c->scan_budget = 0;
        return 0;
    }
    c->scan_budget -= b->len;
    orl_buf out = {0};
    int n = 0;
    for (size_t i = 0; i < b->len;) {
        if (i + pn <= b->len && memcmp(b->data + i, place, pn) == 0 &&
            (i == 0 || !(b->data[i - 1] == '_' || b->data[i - 1] == '.' ||
                         ((b->data[i - 1] | 32) >= 'a' && (b->data[i - 1] | 32) <= 'z'))) &&
            (i + pn == b->len || !(b->data[i + pn] == '_' || (b->data[i + pn] >= '0' && b->data[i + pn] <= '9') ||
                                   ((b->data[i + pn] | 32) >= 'a' && (b->data[i + pn] | 32) <= 'z')))) {
            orl_buf_puts(&out, with);
            for (int k = c->open_base; text && k < c->nopen; k++)
                if (c->open[k]->text_at > i) before[k]++;
            i += pn;
            n++;
        } else {
            orl_buf_put(&out, b->data + i, 1);
            i++;
        }
    }
    if (out.oom) { orl_buf_free(&out); return 0; }
    for (int k = c->open_base; text && n && k < c->nopen; k++)
        c->open[k]->text_at = (size_t)((long long)c->open[k]->text_at + (long long)before[k] * ((long long)wn - (long long)pn));
    if (n) { orl_buf_free(b); *b = out; } else orl_buf_free(&out);
    return n;
}

void tc_put_set(cv *c, const char *lua_stmts)
{
    /* each statement "PLACE = ..." (tw_assign's form); the text and conditions written so far
     * that read PLACE read the value kept before the first change instead */
    for (const char *s = lua_stmts; *s && c->checks < 2000 && c->scan_budget && c->text.len < (256u << 10);) {
        const char *nl = strchr(s, '\n');
        const char *eq = strstr(s, " = ");
        if (!nl) nl = s + strlen(s);
        const char *ps = s;
        while (ps < nl && *ps == ' ') ps++;
        if (eq && eq < nl && ps < eq) { /* a place before " = " (none: nothing to keep) */
            char *place = orl_strndup(ps, (size_t)(eq - ps));
            char *with = orl_format("s[\"_before%d\"]", c->nbefore + 1);
            c->checks++;
            if (place && with) {
                tc_flush(c);
                int n = replace_place(c, &c->text, place, with);
                for (int i = 0; i < c->nch; i++) {
                    if (!c->ch[i].when) continue;
                    orl_buf w = {0};
                    orl_buf_puts(&w, c->ch[i].when);
                    if (replace_place(c, &w, place, with)) {
                        orl_buf_put(&w, "", 1);
                        if (!w.oom) { free(c->ch[i].when); c->ch[i].when = w.data; w.data = NULL; n++; }
                    }
                    orl_buf_free(&w);
                }
                for (int i = 0; i < c->ncond; i++) {
                    orl_buf w = {0};
                    orl_buf_puts(&w, c->conds[i]);
                    if (replace_place(c, &w, place, with)) {
                        orl_buf_put(&w, "", 1);
                        if (!w.oom) { free(c->conds[i]); c->conds[i] = w.data; w.data = NULL; n++; }
                    }
                    orl_buf_free(&w);
                }
                if (n) {
                    c->nbefore++;
                    orl_buf_printf(&c->before, "    %s = %s\n", with, place);
                }
            }
            free(place);
            free(with);
        }
        s = *nl ? nl + 1 : nl;
    }
    tc_put_enter(c, lua_stmts);
}

