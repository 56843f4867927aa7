/* Harlowe 3 (twee_conv.h): (set:), (if:)/(else-if:)/(else:), (print:), (go-to:), (link-goto:),
 * (link:) with its hook, (display:); hooks, and what several formats share (passages shown
 * inside others, links that change the state). */
#include "story/twee_conv.h"
#include <stdlib.h>
#include <string.h>

int tc_word_at(const char *q, const char *e)
{
    return q < e && ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') || (*q >= '0' && *q <= '9') || *q == '_' ||
                     (unsigned char)*q >= 0x80);
}

int tc_starts(const char *q, const char *e, const char *w)
{
    size_t n = strlen(w);
    return (size_t)(e - q) >= n && memcmp(q, w, n) == 0;
}

int tc_starts_ci(const char *q, const char *e, const char *w)
{
    size_t n = strlen(w);
    if ((size_t)(e - q) < n) return 0;
    for (size_t i = 0; i < n; i++)
        if ((q[i] >= 'A' && q[i] <= 'Z' ? q[i] + 32 : q[i]) != w[i]) return 0;
    return 1;
}

/* the lines passed over by [s, e) */
void tc_count_lines(cv *c, const char *s, const char *e)
{
    for (const char *q = s; q < e; q++)
        if (*q == '\n') c->line++;
}

/* ---------- a hook [ ... ] after a Harlowe macro ---------- */

const char *tc_hook_end_marks(const char *q, const char *e)
{
    /* "]<name|" names the hook: passed over */
    if (q < e && *q == '<') {
        const char *r = q + 1;
        while (r < e && (tc_word_at(r, e) || *r == '-')) r++;
        if (r < e && *r == '|' && r > q + 1) return r + 1;
    }
    return q;
}

const char *tc_run_hook(cv *c, const char *h, const char *e)
{
    const char *r = tc_parse(c, h + 1, e, STOP_HOOK);
    if (r < e && *r == ']') r++;
    return tc_hook_end_marks(r, e);
}

/* a hook whose words are not shown (what a (replace:) or (click:) would show later) */
const char *tc_skip_hook(cv *c, const char *h, const char *e)
{
    saved sv;
    tc_sub_begin(c, &sv);
    c->silent++;
    const char *r = tc_run_hook(c, h, e);
    tc_sub_end(c, &sv, 0, NULL, NULL, NULL);
    return r;
}

/* a link's body: what it changes and where it goes; without a (go-to:) its words are shown
 * in place (a link that reveals text), or, when it only changes the state, it is a choice
 * coming back to this passage with those changes */
const char *tc_link_body(cv *c, const char *text, size_t tn, const char *go_given, size_t gn, const char *bs,
                             const char *be, const scm *sugarcube)
{
    saved sv;
    tc_sub_begin(c, &sv);
    if (sugarcube) c->silent++;
    const char *r = sugarcube ? tc_sc_content(c, sugarcube, be) : tc_run_hook(c, bs, be);
    int shown = c->text_n > 0 || c->pend.len > 0 || c->nch > 0;
    int changes = c->enter_n > 0;
    char *setter = NULL, *go = NULL;
    int go_cond = 0;
    /* words and no changes: shown at once; changes: a choice that makes them */
    tc_sub_end(c, &sv, !go_given && shown && !changes && !sugarcube, &setter, &go, &go_cond);
    if (go_cond) tc_bad(c, sugarcube ? "<<goto>> under a condition in <<link>>" : "(go-to:) under a condition in (link:)");
    if (go_given) tc_add_choice(c, text, tn, go_given, gn, setter, 0);
    else if (go) tc_add_choice(c, text, tn, go, strlen(go), setter, 0);
    else if (changes) tc_add_choice(c, text, tn, c->p->name, strlen(c->p->name), setter, 0);
    else if (!shown) tc_bad(c, sugarcube ? "<<link>> that does nothing" : "(link:) that does nothing");
    free(setter);
    free(go);
    return r;
}

/* a passage inlined by (display:), <<include>>, {embed passage} */
void tc_include_passage(cv *c, const char *name, size_t n)
{
    char *nm = tw_trimdup(name, n);
    if (!nm) { c->t->oom = 1; return; }
    int k = orl_strmap_get(&c->t->names, nm);
    free(nm);
    if (k < 0 || c->t->ps[k].skip || !c->t->ps[k].body) { tc_bad(c, "an included passage that does not exist"); return; }
    tw_passage *p = &c->t->ps[k];
    if (c->includes >= MAX_INCLUDE || c->t->inlined + p->blen > MAX_INLINED || c->depth >= MAX_NEST) {
        tc_bad(c, "passages included too deeply");
        return;
    }
    c->t->inlined += p->blen;
    p->included = 1;
    c->includes++;
    int line = c->line, vis = c->line_visible, blank = c->line_blank, lo = c->line_links_only;
    struct closing fc[F_KINDS];
    const char *floor = c->floor;
    memcpy(fc, c->close, sizeof fc);
    memset(c->close, 0, sizeof c->close);
    const char *s = p->body, *e = p->body + p->blen;
    c->floor = s;
    tc_line_start(c, s, e);
    c->line_blank = 0;
    if (c->f == TW_CHAPBOOK) tc_chapbook_body(c, s, e);
    else tc_parse(c, s, e, STOP_NONE);
    memcpy(c->close, fc, sizeof fc);
    c->floor = floor;
    c->line = line; c->line_visible = vis || c->line_visible; c->line_blank = blank; c->line_links_only = lo;
    c->includes--;
}

/* a link that shows passage P where it is: a choice back to this passage that makes P's
 * changes (and goes where P goes), or, when P changes nothing, P's words shown at once */
void tc_reveal_passage(cv *c, const char *text, size_t tn, const char *pname, size_t pn)
{
    saved sv;
    tc_sub_begin(c, &sv);
    tc_include_passage(c, pname, pn);
    int changes = c->enter_n > 0;
    char *setter = NULL, *go = NULL;
    int go_cond = 0;
    tc_sub_end(c, &sv, !changes, &setter, &go, &go_cond);
    if (go) tc_add_choice(c, text, tn, go, strlen(go), setter, 0);
    else if (changes) tc_add_choice(c, text, tn, c->p->name, strlen(c->p->name), setter, 0);
    free(setter);
    free(go);
}

/* ---------- Harlowe ---------- */

const char *tc_harlowe_if(cv *c, const char *nm, const char *as, const char *ae, const char *h, const char *e)
{
    orl_buf cond = {0};
    char why[120];
    int ok = tw_cond(&c->x, as, (size_t)(ae - as), &cond, why, sizeof why) == 0;
    orl_buf_put(&cond, "", 1);
    if (!ok || cond.oom) {
        tc_bad(c, "(if:) with a condition it cannot read");
        orl_buf_free(&cond);
        return tc_run_hook(c, h, e); /* its words stay: better shown than lost */
    }
    char *cs = strcmp(nm, "unless") == 0 ? orl_format("not (%s)", cond.data) : orl_strdup(cond.data);
    orl_buf_free(&cond);
    if (!cs) { c->t->oom = 1; return e; }
    chain ch;
    tc_chain_open(c, &ch, cs);
    tc_branch_push(c, &ch, cs, 1);
    free(cs);
    const char *r = tc_run_hook(c, h, e);
    tc_branch_pop(c);
    for (;;) {
        /* (else-if:) or (else:) after it, blanks between */
        const char *q = r;
        while (q < e && (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r')) q++;
        int is_else = tc_starts_ci(q, e, "(else:)");
        int is_elif = tc_starts_ci(q, e, "(else-if:") || tc_starts_ci(q, e, "(elseif:");
        if (!is_else && !is_elif) break;
        const char *me = tc_macro_end(c, q, e);
        if (!me) break;
        const char *hh = me + 1;
        while (hh < e && (*hh == ' ' || *hh == '\t')) hh++;
        if (hh >= e || *hh != '[') break;
        tc_count_lines(c, r, q);
        if (is_else) {
            tc_branch_push(c, &ch, NULL, 0);
        } else {
            const char *a = (const char *)memchr(q, ':', (size_t)(me - q)) + 1;
            orl_buf c2 = {0};
            if (tw_cond(&c->x, a, (size_t)(me - a), &c2, why, sizeof why) != 0) {
                tc_bad(c, "(else-if:) with a condition it cannot read");
                orl_buf_free(&c2);
                orl_buf_puts(&c2, "false");
            }
            orl_buf_put(&c2, "", 1);
            tc_branch_push(c, &ch, c2.oom ? "false" : c2.data, 0);
            orl_buf_free(&c2);
        }
        r = tc_run_hook(c, hh, e);
        tc_branch_pop(c);
        if (is_else) break;
    }
    tc_chain_close(c, &ch);
    return r;
}

const char *tc_harlowe_macro(cv *c, const char *q, const char *e)
{
    const char *r = q + 1;
    while (r < e && (tc_word_at(r, e) || *r == '-')) r++;
    if (r >= e || *r != ':' || r == q + 1 || !c->scan_budget) return NULL;
    const char *end = tc_macro_end(c, q, e);
    if (!end) return NULL;
    char nm[40];
    tc_norm(q + 1, (size_t)(r - q - 1), nm, sizeof nm);
    const char *as = r + 1, *ae = end, *after = end + 1;
    const char *h = after;
    while (h < e && (*h == ' ' || *h == '\t')) h++;
    int hook = h < e && *h == '[';
    const char *sa[3];
    size_t sn[3];
    char why[120];
    tc_count_lines(c, q, after);
    if (tc_one_of(nm, "set put move")) {
        orl_buf b = {0};
        if (tw_assign(&c->x, as, (size_t)(ae - as), nm[0] != 's', "", &b, why, sizeof why) == 0) {
            orl_buf_put(&b, "", 1);
            if (!b.oom) tc_put_set(c, b.data);
        } else {
            tc_bad(c, "(set:) it cannot read");
        }
        orl_buf_free(&b);
        return after;
    }
    if (tc_one_of(nm, "if unless") && hook) return tc_harlowe_if(c, nm, as, ae, h, e);
    if (tc_one_of(nm, "elseif else") && hook) { tc_bad(c, "(else:) with no (if:) before it"); return tc_skip_hook(c, h, e); }
    if (tc_one_of(nm, "print")) {
        orl_buf b = {0};
        if (tw_expr(&c->x, as, (size_t)(ae - as), &b, why, sizeof why) == 0) {
            orl_buf_put(&b, "", 1);
            if (!b.oom) tc_put_print(c, b.data);
        } else {
            tc_bad(c, "(print:) of something it cannot read");
        }
        orl_buf_free(&b);
        return after;
    }
    if (tc_one_of(nm, "goto")) {
        if (tc_str_args(as, ae, sa, sn, 1) == 1) tc_add_choice(c, "", 0, sa[0], sn[0], NULL, 1);
        else tc_bad(c, "(go-to:) of something other than a passage name");
        return after;
    }
    if (tc_one_of(nm, "display")) {
        if (tc_str_args(as, ae, sa, sn, 1) == 1) tc_include_passage(c, sa[0], sn[0]);
        else tc_bad(c, "(display:) of something other than a passage name");
        return after;
    }
    if (tc_one_of(nm, "linkgoto clickgoto linkrevealgoto")) {
        int k = tc_str_args(as, ae, sa, sn, 2);
        if (k < 1) { tc_bad(c, "(link:) with words it cannot read"); return hook ? tc_skip_hook(c, h, e) : after; }
        if (tc_link_in_text(c, q, after, e)) tc_put_text(c, sa[0], sn[0]);
        if (strcmp(nm, "linkrevealgoto") == 0 && hook) return tc_link_body(c, sa[0], sn[0], sa[k - 1], sn[k - 1], h, e, NULL);
        tc_add_choice(c, sa[0], sn[0], sa[k - 1], sn[k - 1], NULL, 0);
        return after;
    }
    if (tc_one_of(nm, "link linkreveal linkrepeat linkrerun") && hook) {
        if (tc_str_args(as, ae, sa, sn, 1) != 1) { tc_bad(c, "(link:) with words it cannot read"); return tc_run_hook(c, h, e); }
        /* the hook closed on this line: what follows it decides */
        const char *he = NULL;
        int d = 0;
        for (const char *k = h; k < e && *k != '\n' && !he; k++) {
            if (*k == '[') d++;
            else if (*k == ']' && --d == 0) he = k + 1;
        }
        if (tc_link_in_text(c, q, he, e)) tc_put_text(c, sa[0], sn[0]);
        return tc_link_body(c, sa[0], sn[0], NULL, 0, h, e, NULL);
    }
    if (tc_one_of(nm, "replace append prepend show hide rerun hidden click clickreplace clickappend clickprepend mouseover "
                   "mouseout mouseoverreplace mouseoutreplace mouseoverappend mouseoutappend mouseoverprepend "
                   "mouseoutprepend clickundo for loop dialog")) {
        tc_bad_named(c, "(", q + 1, (size_t)(r - q - 1), ":)");
        return hook ? tc_skip_hook(c, h, e) : after;
    }
    if (tc_one_of(nm, "textcolour textcolor colour color textstyle font align css background bg transition t8n "
                   "transitiontime t8ntime transitiondelay t8ndelay transitionskip t8nskip textsize size textrotate "
                   "textrotatez textindent hoverstyle box floatbox charstyle linkstyle opacity collapse nobr "
                   "verbatim v6m outline textcolorz b4r border bordercolour bordercolor borderradius cornerradius")) {
        return hook ? tc_run_hook(c, h, e) : after;
    }
    /* a value shown where it is: (either: "a", "b"), (random: 1, 6), (str: $n) ... */
    orl_buf b = {0};
    if (!hook && tw_expr(&c->x, q, (size_t)(after - q), &b, why, sizeof why) == 0) {
        orl_buf_put(&b, "", 1);
        if (!b.oom) tc_put_print(c, b.data);
        orl_buf_free(&b);
        return after;
    }
    orl_buf_free(&b);
    tc_bad_named(c, "(", q + 1, (size_t)(r - q - 1), ":)");
    return hook ? tc_run_hook(c, h, e) : after;
}

