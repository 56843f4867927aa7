/* A Twine passage's body into a scene (twee_internal.h): one pass over the body, in order.
 * Text goes to the scene's text (a plain string, or a text function when conditions or
 * printed values make it vary); state changes to on_enter, inside the same conditions; links
 * to choices, whose `when` is the conditions around them. A link that also changes the state
 * (a setter, or (link:)/<<link>> with (set:) and (go-to:) inside) carries those changes in
 * `setter`: twee.c makes a copy of the target scene that does them on arrival. Markup and
 * HTML are taken out; what cannot be converted is named once per passage.
 *
 * Linear: every closing mark is searched for at most once from a failed place on (a search
 * that found nothing remembers it), macros' parentheses have a budget for failed scans,
 * nesting is capped, and (display:)/<<include>> share one budget of inlined bytes. */
#include "story/twee_conv.h"
#include <stdlib.h>
#include <string.h>

const char *tc_find_close(cv *c, int kind, const char *s, const char *e, const char *what)
{
    /* the last search of this kind in the same text, from at or before s, answers for s too:
     * nothing lies between its start and what it found (or the end); so each byte is looked
     * at about once, however many openers there are */
    struct closing *m = &c->close[kind];
    if (m->end == e && m->from && s >= m->from && (!m->found || s <= m->found)) return m->found;
    size_t n = strlen(what);
    const char *q = s, *found = NULL;
    for (; q + n <= e; q++)
        if (*q == *what && memcmp(q, what, n) == 0) { found = q; break; }
    m->from = s;
    m->found = found;
    m->end = e;
    return found;
}

void tc_bad(cv *c, const char *name)
{
    for (int i = 0; i < c->nbad; i++)
        if (strcmp(c->bad[i], name) == 0) return;
    if (c->nbad == MAX_BAD) { c->more_bad++; return; }
    char *d = orl_strdup(name);
    if (!d) { c->t->oom = 1; return; }
    c->bad[c->nbad++] = d;
}

/* a name from the input, for a message: letters, digits, '-' and '_' only, at most 24 */
void tc_bad_named(cv *c, const char *pre, const char *s, size_t n, const char *post)
{
    char name[64];
    size_t k = strlen(pre);
    memcpy(name, pre, k);
    for (size_t i = 0; i < n && i < 24; i++) {
        unsigned char ch = (unsigned char)s[i];
        name[k++] = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' ? (char)ch : '?';
    }
    snprintf(name + k, sizeof name - k, "%s", post);
    tc_bad(c, name);
}

void tc_indent(cv *c, orl_buf *b)
{
    for (int i = 0; i < c->ind + 2; i++) orl_buf_puts(b, "  ");
}

/* ---------- text ---------- */

void tc_flush(cv *c)
{
    if (!c->pend.len) return;
    orl_buf dec = {0};
    tw_decode_entities(c->pend.data, c->pend.len, &dec);
    c->pend.len = 0;
    if (dec.oom) { c->t->oom = 1; orl_buf_free(&dec); return; }
    if (dec.len) {
        c->last_out = dec.data[dec.len - 1];
        orl_buf_put(&c->plain, dec.data, dec.len);
        tc_indent(c, &c->text);
        orl_buf_puts(&c->text, "t[#t + 1] = ");
        tw_lua_strn(&c->text, dec.data, dec.len);
        orl_buf_puts(&c->text, "\n");
        c->text_n++;
    }
    orl_buf_free(&dec);
}

void tc_put_text(cv *c, const char *s, size_t n)
{
    if (c->silent || !n) return;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (ch == '\t' || ch == '\r') ch = ' ';
        if (ch == '\n' && c->nobr) ch = ' ';
        if (ch == ' ') {
            /* blanks: one space between words, none at a line's start */
            char last = c->pend.len ? c->pend.data[c->pend.len - 1] : c->last_out;
            if (last == ' ' || last == '\n') continue;
        } else if (ch != '\n') {
            c->line_visible = 1;
        }
        orl_buf_put(&c->pend, &ch, 1);
    }
}

void tc_put_print(cv *c, const char *lua)
{
    if (c->silent) return;
    tc_flush(c);
    tc_indent(c, &c->text);
    orl_buf_printf(&c->text, "t[#t + 1] = T.str(%s)\n", lua);
    c->text_n++;
    c->dynamic = 1;
    c->line_visible = 1;
    c->last_out = 'x';
}

void tc_put_enter(cv *c, const char *lua_stmts)
{
    /* lua_stmts: lines written with no indentation; each gets ours */
    for (const char *s = lua_stmts; *s;) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        tc_indent(c, &c->enter);
        orl_buf_put(&c->enter, s, n);
        orl_buf_puts(&c->enter, "\n");
        s = nl ? nl + 1 : s + n;
    }
    c->enter_n++;
}

/* ---------- conditions ---------- */

void tc_chain_open(cv *c, chain *ch, const char *cond)
{
    tc_flush(c);
    ch->text_at = c->text.len;
    ch->enter_at = c->enter.len;
    ch->text_n = c->text_n;
    ch->enter_n = c->enter_n;
    ch->prev = NULL;
    ch->has_else = ch->extra = 0;
    if (c->nopen < (int)(sizeof c->open / sizeof *c->open)) c->open[c->nopen++] = ch;
    tc_indent(c, &c->text);
    orl_buf_printf(&c->text, "if %s then\n", cond);
    tc_indent(c, &c->enter);
    orl_buf_printf(&c->enter, "if %s then\n", cond);
}

/* a branch: cond NULL for else; pushes its condition for choices */
int tc_branch_push(cv *c, chain *ch, const char *cond, int first)
{
    tc_flush(c);
    if (!first && ch->has_else) {
        /* a branch after the else ("<<else>> ... <<else>>"): Twine never shows it */
        tc_bad(c, "a second else");
        tc_indent(c, &c->text);
        tc_indent(c, &c->enter);
        orl_buf_puts(&c->text, "if false then\n");
        orl_buf_puts(&c->enter, "if false then\n");
        ch->extra++;
        c->ind++;
        if (c->ncond >= MAX_NEST + 2) { c->cond_over++; return -1; }
        char *f = orl_strdup("false");
        if (!f) { c->t->oom = 1; c->cond_over++; return -1; }
        c->conds[c->ncond++] = f;
        return 0;
    }
    if (!cond) ch->has_else = 1;
    if (!first) {
        c->ind--;
        tc_indent(c, &c->text);
        tc_indent(c, &c->enter);
        if (cond) {
            orl_buf_printf(&c->text, "elseif %s then\n", cond);
            orl_buf_printf(&c->enter, "elseif %s then\n", cond);
        } else {
            orl_buf_puts(&c->text, "else\n");
            orl_buf_puts(&c->enter, "else\n");
        }
    }
    c->ind++;
    char *eff = !ch->prev ? orl_strdup(cond ? cond : "true")
              : cond ? orl_format("(%s and not (%s))", cond, ch->prev) : orl_format("(not (%s))", ch->prev);
    char *np = !cond ? NULL : ch->prev ? orl_format("%s or %s", ch->prev, cond) : orl_strdup(cond);
    if (!eff || (cond && !np)) { free(eff); free(np); c->t->oom = 1; c->cond_over++; return -1; }
    if (cond) { free(ch->prev); ch->prev = np; }
    if (c->ncond >= MAX_NEST + 2) { free(eff); c->cond_over++; return -1; }
    c->conds[c->ncond++] = eff;
    return 0;
}

void tc_branch_pop(cv *c)
{
    tc_flush(c);
    if (c->cond_over) { c->cond_over--; return; }
    if (c->ncond > 0) free(c->conds[--c->ncond]);
}

void tc_chain_close(cv *c, chain *ch)
{
    tc_flush(c);
    for (int i = c->nopen - 1; i >= c->open_base; i--)
        if (c->open[i] == ch) { memmove(c->open + i, c->open + i + 1, (size_t)(c->nopen - i - 1) * sizeof *c->open); c->nopen--; break; }
    int keep_text = c->text_n != ch->text_n, keep_enter = c->enter_n != ch->enter_n;
    for (; ch->extra > 0; ch->extra--) {
        c->ind--;
        if (keep_text) { tc_indent(c, &c->text); orl_buf_puts(&c->text, "end\n"); }
        if (keep_enter) { tc_indent(c, &c->enter); orl_buf_puts(&c->enter, "end\n"); }
    }
    c->ind--;
    if (!keep_text) c->text.len = ch->text_at; /* nothing shown in any branch */
    else { tc_indent(c, &c->text); orl_buf_puts(&c->text, "end\n"); c->dynamic = 1; }
    if (!keep_enter) c->enter.len = ch->enter_at;
    else { tc_indent(c, &c->enter); orl_buf_puts(&c->enter, "end\n"); c->enter_n++; }
    free(ch->prev);
    ch->prev = NULL;
}

/* ---------- choices ---------- */

char *tc_when_now(cv *c)
{
    if (!c->ncond) return NULL;
    orl_buf b = {0};
    for (int i = 0; i < c->ncond; i++) {
        if (i) orl_buf_puts(&b, " and ");
        orl_buf_puts(&b, c->conds[i]);
    }
    orl_buf_put(&b, "", 1);
    if (b.oom) { orl_buf_free(&b); c->t->oom = 1; return NULL; }
    return b.data;
}

void tc_add_choice(cv *c, const char *text, size_t tn, const char *target, size_t gn, const char *setter, int is_goto)
{
    if (c->nch == c->capch) {
        int nc = c->capch ? c->capch * 2 : 8;
        tw_choice *np = realloc(c->ch, (size_t)nc * sizeof *np);
        if (!np) { c->t->oom = 1; return; }
        c->ch = np;
        c->capch = nc;
    }
    tw_choice *k = &c->ch[c->nch];
    memset(k, 0, sizeof *k);
    orl_buf tb = {0};
    tw_decode_entities(text ? text : "", text ? tn : 0, &tb);
    orl_buf_put(&tb, "", 1);
    k->text = tb.oom ? NULL : tw_trimdup(tb.data, strlen(tb.data));
    orl_buf_free(&tb);
    for (char *q = k->text; q && *q; q++) if (*q == '\n' || *q == '\t') *q = ' ';
    k->target = tw_trimdup(target, gn);
    k->when = tc_when_now(c);
    k->setter = setter && *setter ? orl_strdup(setter) : NULL;
    k->is_goto = is_goto;
    k->inline_words = c->link_inline && !is_goto;
    c->link_inline = 0;
    k->line = c->line;
    if (!k->text || !k->target || (setter && *setter && !k->setter)) {
        free(k->text); free(k->target); free(k->when); free(k->setter);
        c->t->oom = 1;
        return;
    }
    c->nch++;
}

/* ---------- a sub-conversion: what a link's hook or <<link>> body does ---------- */


void tc_sub_begin(cv *c, saved *s)
{
    tc_flush(c);
    s->text = c->text; s->plain = c->plain; s->enter = c->enter; s->pend = c->pend;
    s->text_n = c->text_n; s->enter_n = c->enter_n; s->dynamic = c->dynamic; s->ind = c->ind;
    s->ncond = c->ncond; s->silent = c->silent;
    memcpy(s->conds, c->conds, sizeof s->conds);
    s->ch = c->ch; s->nch = c->nch; s->capch = c->capch;
    memset(&c->text, 0, sizeof c->text); memset(&c->plain, 0, sizeof c->plain);
    memset(&c->enter, 0, sizeof c->enter); memset(&c->pend, 0, sizeof c->pend);
    c->text_n = c->enter_n = c->dynamic = 0;
    c->ind = -2; /* statements a setter holds start at column 0 */
    c->ncond = 0;
    s->cond_over = c->cond_over;
    c->cond_over = 0;
    s->nopen = c->nopen; /* the open chains so far are the parent's text's: not moved here */
    s->open_base = c->open_base;
    c->open_base = c->nopen;
    s->sn_base = c->sn_base;
    c->sn_base = c->nsn;
    c->ch = NULL; c->nch = c->capch = 0;
}

/* what the body did: its state changes (the caller frees), its first (go-to:) target; the
 * rest (its text, other choices) is either merged back (reveal = 1) or dropped */
void tc_sub_end(cv *c, saved *s, int reveal, char **setter, char **go, int *go_conditional)
{
    /* Snowman's ifs opened in here end here: their places are in this text */
    while (c->nsn > c->sn_base) { tc_branch_pop(c); tc_chain_close(c, &c->sn[--c->nsn]); }
    c->sn_base = s->sn_base;
    tc_flush(c);
    if (setter) {
        orl_buf_put(&c->enter, "", 1);
        *setter = c->enter.oom ? NULL : orl_strdup(c->enter.data);
    }
    if (go) {
        *go = NULL;
        for (int i = 0; i < c->nch && !*go; i++)
            if (c->ch[i].is_goto) { *go = orl_strdup(c->ch[i].target); *go_conditional = c->ch[i].when != NULL; }
        if (*go) reveal = 0; /* a link that goes somewhere: its body is not shown here */
    }
    orl_buf text = c->text, plain = c->plain, enter = c->enter;
    int text_n = c->text_n, enter_n = c->enter_n, dynamic = c->dynamic;
    tw_choice *ch = c->ch;
    int nch = c->nch;
    orl_buf_free(&c->pend);
    while (c->ncond > 0) free(c->conds[--c->ncond]);
    c->text = s->text; c->plain = s->plain; c->enter = s->enter; c->pend = s->pend;
    c->text_n = s->text_n; c->enter_n = s->enter_n; c->dynamic = s->dynamic; c->ind = s->ind;
    c->ncond = s->ncond; c->silent = s->silent; c->cond_over = s->cond_over; c->nopen = s->nopen;
    c->open_base = s->open_base;
    memcpy(c->conds, s->conds, sizeof s->conds);
    c->ch = s->ch; c->nch = s->nch; c->capch = s->capch;
    if (reveal) {
        /* shown where the link was: its text, state changes and links, re-indented */
        if (text.data) {
            const char *end = text.data + text.len;
            for (const char *q = text.data; q < end;) {
                const char *nl = memchr(q, '\n', (size_t)(end - q));
                if (!nl) break;
                tc_indent(c, &c->text);
                orl_buf_put(&c->text, q, (size_t)(nl + 1 - q));
                q = nl + 1;
            }
        }
        orl_buf_put(&c->plain, plain.data ? plain.data : "", plain.len);
        c->text_n += text_n;
        c->dynamic |= dynamic;
        if (enter.len) {
            orl_buf_put(&enter, "", 1);
            if (!enter.oom) tc_put_enter(c, enter.data);
            c->enter_n += enter_n - 1;
        }
        char *w = tc_when_now(c);
        for (int i = 0; i < nch; i++) {
            tw_choice k = ch[i];
            if (w) {
                char *nw = k.when ? orl_format("%s and %s", w, k.when) : orl_strdup(w);
                free(k.when);
                k.when = nw;
            }
            if (c->nch == c->capch) {
                int nc = c->capch ? c->capch * 2 : 8;
                tw_choice *np = realloc(c->ch, (size_t)nc * sizeof *np);
                if (!np) { c->t->oom = 1; free(k.text); free(k.target); free(k.when); free(k.setter); continue; }
                c->ch = np;
                c->capch = nc;
            }
            c->ch[c->nch++] = k;
        }
        free(w);
        nch = 0;
    }
    for (int i = 0; i < nch; i++) { free(ch[i].text); free(ch[i].target); free(ch[i].when); free(ch[i].setter); }
    free(ch);
    orl_buf_free(&text); orl_buf_free(&plain); orl_buf_free(&enter);
}

/* ---------- lines ---------- */

/* at the start of a line: is it blank, and does it hold only links and code (so the words
 * of its links are choices, not text too)? */
void tc_line_start(cv *c, const char *s, const char *e)
{
    const char *le = memchr(s, '\n', (size_t)(e - s));
    if (!le) le = e;
    c->line_end = le;
    c->line_visible = 0;
    c->line_blank = 1;
    int links = 0, words = 0;
    for (const char *q = s; q < le;) {
        if (*q == ' ' || *q == '\t' || *q == '\r') { q++; continue; }
        c->line_blank = 0;
        if (q + 1 < le && q[0] == '[' && q[1] == '[') {
            const char *r = q + 2;
            while (r + 1 < le && !(r[0] == ']' && r[1] == ']')) r++;
            if (r + 1 >= le) { words = 1; break; }
            links++;
            q = r + 2;
        } else if (q + 1 < le && q[0] == '<' && q[1] == '<') {
            const char *r = q + 2;
            while (r + 1 < le && !(r[0] == '>' && r[1] == '>')) r++;
            if (r + 1 < le && (strncmp(q, "<<link", 6) == 0 || strncmp(q, "<<button", 8) == 0 || strncmp(q, "<<choice", 8) == 0))
                links++;
            q = r + 2;
        } else if (*q == '(' && q + 1 < le && ((q[1] >= 'a' && q[1] <= 'z') || (q[1] >= 'A' && q[1] <= 'Z'))) {
            const char *r = q + 1;
            while (r < le && (((*r | 32) >= 'a' && (*r | 32) <= 'z') || *r == '-' || *r == '_' || (*r >= '0' && *r <= '9'))) r++;
            if (r >= le || *r != ':') { words = 1; break; }
            int is_link = (r - q >= 5 && strncmp(q, "(link", 5) == 0) || strncmp(q, "(click", 6) == 0;
            links += is_link;
            int d = 0;
            for (; r < le; r++) { if (*r == '(') d++; else if (*r == ')' && d-- == 0) break; }
            q = r < le ? r + 1 : le;
            if (is_link && q < le && *q == '[') {
                /* the link's hook: what it does when followed, not words beside it */
                d = 0;
                for (; q < le; q++) { if (*q == '[') d++; else if (*q == ']' && --d == 0) { q++; break; } }
            }
        } else if (*q == '{' && q + 13 < le &&
                   (strncmp(q + 1, "link to", 7) == 0 || strncmp(q + 1, "reveal link", 11) == 0 ||
                    strncmp(q + 1, "back link", 9) == 0 || strncmp(q + 1, "restart link", 12) == 0) &&
                   memchr(q, '}', (size_t)(le - q))) {
            links++;
            q = (const char *)memchr(q, '}', (size_t)(le - q)) + 1;
        } else if (*q == '<' && q + 1 < le && ((q[1] | 32) >= 'a' && (q[1] | 32) <= 'z' ? 1 : q[1] == '/')) {
            const char *r = memchr(q, '>', (size_t)(le - q));
            q = r ? r + 1 : le;
        } else if (strchr("[]|*-+#>{}•", *q) || (*q >= '0' && *q <= '9' && q + 1 < le && (q[1] == '.' || q[1] == ')'))) {
            q++;
        } else if ((unsigned char)*q == 0xE2 && q + 2 < le && (unsigned char)q[1] == 0x80 && (unsigned char)q[2] == 0xA2) {
            q += 3; /* • */
        } else {
            words = 1;
            break;
        }
    }
    c->line_links_only = links > 0 && !words;
}

/* ---------- the formats ---------- */



/* the string literals of a macro's arguments ("a", 'b' or [[c]]) into out (at most max):
 * how many; -1 when an argument is something else */
int tc_str_args(const char *s, const char *e, const char **as, size_t *an, int max)
{
    int k = 0;
    while (s < e) {
        while (s < e && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == ',')) s++;
        if (s >= e) break;
        if (k == max) return -1;
        if (*s == '"' || *s == '\'' || *s == '`') {
            char q = *s;
            const char *r = memchr(s + 1, q, (size_t)(e - s - 1));
            if (!r) return -1;
            as[k] = s + 1;
            an[k] = (size_t)(r - s - 1);
            s = r + 1;
        } else if (s + 1 < e && s[0] == '[' && s[1] == '[') {
            const char *r = s + 2;
            while (r + 1 < e && !(r[0] == ']' && r[1] == ']')) r++;
            if (r + 1 >= e) return -1;
            as[k] = s;   /* the whole [[...]]: the caller splits it */
            an[k] = (size_t)(r + 2 - s);
            s = r + 2;
        } else {
            return -1;
        }
        k++;
    }
    return k;
}

/* a link's inside "text|target", "text->target", "target<-text", "target": Twine's rule */
void tc_split_link(const char *s, const char *e, const char **ts, size_t *tn, const char **gs, size_t *gn)
{
    const char *m = NULL;
    for (const char *q = e - 2; q >= s; q--)
        if (q[0] == '-' && q[1] == '>') { m = q; break; }
    if (m) { *ts = s; *tn = (size_t)(m - s); *gs = m + 2; *gn = (size_t)(e - m - 2); return; }
    for (const char *q = s; q + 1 < e; q++)
        if (q[0] == '<' && q[1] == '-') { m = q; break; }
    if (m) { *gs = s; *gn = (size_t)(m - s); *ts = m + 2; *tn = (size_t)(e - m - 2); return; }
    m = memchr(s, '|', (size_t)(e - s));
    if (m) { *ts = s; *tn = (size_t)(m - s); *gs = m + 1; *gn = (size_t)(e - m - 1); return; }
    *ts = *gs = s;
    *tn = *gn = (size_t)(e - s);
}

/* [[...]] at s (after the brackets: inside [is, ie)) */
void tc_do_link(cv *c, const char *is, const char *ie, const char *e)
{
    const char *setp = NULL;
    for (const char *q = is; q + 1 < ie; q++)
        if (q[0] == ']' && q[1] == '[') { setp = q; break; }
    const char *le = setp ? setp : ie;
    const char *ts, *gs;
    size_t tn, gn;
    tc_split_link(is, le, &ts, &tn, &gs, &gn);
    char *setter = NULL;
    if (setp) {
        orl_buf b = {0};
        char why[120];
        if (tw_assign(&c->x, setp + 2, (size_t)(ie - setp - 2), 0, "", &b, why, sizeof why) == 0) {
            orl_buf_put(&b, "", 1);
            setter = b.oom ? NULL : orl_strdup(b.data);
        } else {
            tc_bad(c, "[[...][setter]]");
        }
        orl_buf_free(&b);
    }
    /* markup in the link's words goes */
    orl_buf tb = {0};
    for (const char *q = ts; q < ts + tn; q++) {
        if ((q[0] == '\'' || q[0] == '/' || q[0] == '*' || q[0] == '_' || q[0] == '~' || q[0] == '^') && q + 1 < ts + tn && q[1] == q[0]) { q++; continue; }
        orl_buf_put(&tb, q, 1);
    }
    if (!tn || gn == 0) { orl_buf_free(&tb); free(setter); return; }
    if (tc_link_in_text(c, is - 2, ie + 2, e)) tc_put_text(c, tb.data ? tb.data : "", tb.len);
    tc_add_choice(c, tb.data ? tb.data : "", tb.len, gs, gn, setter, 0);
    orl_buf_free(&tb);
    free(setter);
}

int tc_link_in_text(cv *c, const char *start, const char *after, const char *e)
{
    c->link_inline = 0;
    if (c->line_links_only || !after) return 0;
    const char *q = after;
    while (q < e && (*q == ' ' || *q == '\t' || *q == '\r' || *q == ']')) q++;
    if (q < e && *q != '\n') return c->link_inline = 1; /* words or a stop after it: a sentence's */
    /* last on its line: in the sentence unless one ended before it ("Dark. [[Go back]]") */
    const char *b = start;
    while (b > c->floor && (b[-1] == ' ' || b[-1] == '\t')) b--;
    if (b <= c->floor || b[-1] == '\n' || b[-1] == '.' || b[-1] == '!' || b[-1] == '?' || b[-1] == '[' || b[-1] == ']' ||
        b[-1] == ')' || b[-1] == '>')
        return 0;
    return c->link_inline = 1;
}

/* a macro's name normalised as Harlowe compares them: small letters, no '-' or '_' */
void tc_norm(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        char ch = s[i];
        if (ch == '-' || ch == '_') continue;
        out[k++] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
    }
    out[k] = 0;
}

int tc_one_of(const char *w, const char *list)
{
    size_t n = strlen(w);
    for (const char *p = list; *p;) {
        const char *sp = strchr(p, ' ');
        size_t k = sp ? (size_t)(sp - p) : strlen(p);
        if (k == n && memcmp(p, w, n) == 0) return 1;
        if (!sp) break;
        p = sp + 1;
    }
    return 0;
}

/* the end of a Harlowe macro starting at '(' : its ')' (strings and nested parentheses
 * skipped), or NULL */
const char *tc_macro_end(cv *c, const char *s, const char *e)
{
    int d = 0;
    const char *q = s;
    for (; q < e; q++) {
        /* Harlowe's possessive ($list's 1st, (a: 1)'s length) is not a string's quote */
        if (*q == '\'' && q > s && q + 1 < e && q[1] == 's' &&
            ((q[-1] | 32) >= 'a' && (q[-1] | 32) <= 'z' ? 1 : (q[-1] >= '0' && q[-1] <= '9') || q[-1] == ')' || q[-1] == '_'))
            continue;
        if (*q == '"' || *q == '\'') {
            const char *r = memchr(q + 1, *q, (size_t)(e - q - 1));
            if (!r) break;
            q = r;
        } else if (*q == '(') d++;
        else if (*q == ')' && --d == 0) return q;
    }
    size_t cost = (size_t)(q - s);
    if (cost > c->scan_budget) c->scan_budget = 0; else c->scan_budget -= cost;
    return NULL;
}


/* ---------- a passage ---------- */

static void cv_init(cv *c, tw *t, tw_passage *p)
{
    memset(c, 0, sizeof *c);
    c->t = t;
    c->p = p;
    c->f = t->fmt;
    c->x.f = t->fmt;
    c->x.cur = p->name;
    c->line = p->body_line;
    c->scan_budget = 8 * p->blen + 65536;
}

static void cv_body(cv *c)
{
    const char *s = c->p->body, *e = c->p->body + c->p->blen;
    c->floor = s;
    tc_line_start(c, s, e);
    if (c->f == TW_CHAPBOOK) tc_chapbook_body(c, s, e);
    else tc_parse(c, s, e, STOP_NONE);
    while (c->nsn > 0) { tc_branch_pop(c); tc_chain_close(c, &c->sn[--c->nsn]); }
    tc_flush(c);
}

static void cv_warn(cv *c)
{
    if (!c->nbad) return;
    orl_buf b = {0};
    for (int i = 0; i < c->nbad; i++) {
        if (i) orl_buf_puts(&b, ", ");
        orl_buf_puts(&b, orl_diag_words(c->t->d, "@word", c->bad[i]));
    }
    orl_buf_put(&b, "", 1);
    if (b.oom) { orl_buf_free(&b); c->t->oom = 1; return; }
    if (c->more_bad)
        tw_warn(c->t, c->p->line, "twee-code", "passage \"%s\": Orilla cannot run %s and %d more; what they do is left "
                "out of the scene (rewrite it in story.lua, or delete it in Twine)", c->p->name, b.data, c->more_bad);
    else
        tw_warn(c->t, c->p->line, "twee-code", "passage \"%s\": Orilla cannot run %s; what it does is left out of the "
                "scene (rewrite it in story.lua, or delete it in Twine)", c->p->name, b.data);
    orl_buf_free(&b);
}

static void cv_free(cv *c)
{
    orl_buf_free(&c->text); orl_buf_free(&c->plain); orl_buf_free(&c->enter); orl_buf_free(&c->pend);
    orl_buf_free(&c->before);
    while (c->ncond > 0) free(c->conds[--c->ncond]);
    for (int i = 0; i < c->nch; i++) { free(c->ch[i].text); free(c->ch[i].target); free(c->ch[i].when); free(c->ch[i].setter); }
    free(c->ch);
    for (int i = 0; i < c->nbad; i++) free(c->bad[i]);
}

void tw_scene_free(tw_scene *sc)
{
    if (!sc) return;
    free(sc->text_lua); free(sc->plain); free(sc->enter_lua);
    for (int i = 0; i < sc->nch; i++) { free(sc->ch[i].text); free(sc->ch[i].target); free(sc->ch[i].when); free(sc->ch[i].setter); }
    free(sc->ch);
    free(sc);
}

static char *take(orl_buf *b)
{
    orl_buf_put(b, "", 1);
    if (b->oom) { orl_buf_free(b); return NULL; }
    char *d = b->data;
    memset(b, 0, sizeof *b);
    return d;
}

/* 1 when the if/end lines the conversion wrote in b pair up (the texts it quotes never start a
 * line with a blank, its own lines always do): a last guard, so a mistake of ours in some
 * corner of a format costs the passage its conditions, never the story its loading */
static int balanced(const orl_buf *b)
{
    long depth = 0;
    for (size_t i = 0; i < b->len;) {
        const char *s = b->data + i, *nl = memchr(s, '\n', b->len - i);
        size_t n = nl ? (size_t)(nl - s) : b->len - i;
        size_t k = 0;
        while (k < n && s[k] == ' ') k++;
        if (k > 0) {
            const char *w = s + k;
            size_t wn = n - k;
            if (wn >= 8 && memcmp(w, "if ", 3) == 0 && memcmp(w + wn - 5, " then", 5) == 0) depth++;
            else if (wn == 3 && memcmp(w, "end", 3) == 0 && --depth < 0) return 0;
        }
        i += n + 1;
    }
    return depth == 0;
}

void tw_convert_passage(tw *t, tw_passage *p)
{
    cv c;
    cv_init(&c, t, p);
    cv_body(&c);
    cv_warn(&c);
    if (c.x.used_visits) t->uses_visits = 1;
    tw_scene *sc = calloc(1, sizeof *sc);
    if (!sc) { t->oom = 1; cv_free(&c); return; }
    /* a (go-to:) is taken as soon as it is met: the choices after it, and the other links of
     * the passage when it is taken, are not there */
    char *gone = NULL; /* the conditions under which some (go-to:) is taken, or'ed */
    int always = 0;
    int keep = 0;
    for (int i = 0; i < c.nch; i++) {
        tw_choice *k = &c.ch[i];
        if (!k->is_goto) continue;
        if (always) { free(k->text); free(k->target); free(k->when); free(k->setter); k->target = NULL; continue; }
        char *w = k->when;
        if (gone) {
            k->when = w ? orl_format("%s and not (%s)", w, gone) : orl_format("not (%s)", gone);
            char *ng = w ? orl_format("%s or %s", gone, w) : NULL;
            free(gone);
            gone = ng;
            free(w);
        } else {
            gone = w ? orl_strdup(w) : NULL;
        }
        if (!w) always = 1;
    }
    for (int i = 0; i < c.nch; i++) {
        tw_choice *k = &c.ch[i];
        if (!k->target) continue;
        if (!k->is_goto && always) { free(k->text); free(k->target); free(k->when); free(k->setter); continue; }
        if (!k->is_goto && gone) {
            char *w = k->when ? orl_format("%s and not (%s)", k->when, gone) : orl_format("not (%s)", gone);
            free(k->when);
            k->when = w;
        }
        c.ch[keep++] = *k;
    }
    free(gone);
    c.nch = keep;
    if (!balanced(&c.text) || !balanced(&c.enter)) {
        tw_warn(t, p->line, "twee-code", "passage \"%s\": its code could not be turned into a scene that runs; its words "
                "are kept without their conditions and what it changes is left out", p->name);
        c.dynamic = 0;
        orl_buf_free(&c.enter);
        orl_buf_free(&c.before);
    }
    if (c.dynamic) {
        sc->text_lua = take(&c.text);
    } else {
        sc->plain = take(&c.plain);
        if (sc->plain) tw_tidy_text(sc->plain);
        if (sc->plain && strlen(sc->plain) > ORL_MAX_TEXT) {
            tw_warn(t, p->line, "twee-long", "passage \"%s\" is longer than a scene text can be (%u bytes); it is cut",
                    p->name, ORL_MAX_TEXT);
            size_t n = ORL_MAX_TEXT;
            while (n && ((unsigned char)sc->plain[n] & 0xC0) == 0x80) n--;
            sc->plain[n] = 0;
        }
    }
    if (c.before.len) {
        /* the kept values first */
        orl_buf_put(&c.before, c.enter.data ? c.enter.data : "", c.enter.len);
        orl_buf_free(&c.enter);
        c.enter = c.before;
        memset(&c.before, 0, sizeof c.before);
    }
    if (c.enter.len) sc->enter_lua = take(&c.enter);
    sc->ch = c.ch;
    sc->nch = c.nch;
    c.ch = NULL;
    c.nch = 0;
    p->sc = sc;
    cv_free(&c);
}

char *tw_convert_init(tw *t, tw_passage *p)
{
    cv c;
    cv_init(&c, t, p);
    c.silent = 1;
    cv_body(&c);
    cv_warn(&c);
    if (c.x.used_visits) t->uses_visits = 1;
    char *r = c.enter.len ? take(&c.enter) : NULL;
    cv_free(&c);
    return r;
}
