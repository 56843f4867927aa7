/* SugarCube 2 and Twine 1 (twee_conv.h): <<set>>, <<if>>/<<elseif>>/<<else>>, <<print>>,
 * <<link>>, <<goto>>, <<include>>, <<nobr>>, <<silently>>, <<choice>>/<<actions>>. */
#include "story/twee_conv.h"
#include <stdlib.h>
#include <string.h>

/* ---------- SugarCube 2 (and Twine 1's <<if>> ... <<endif>>) ---------- */


int tc_sc_read(cv *c, const char *q, const char *e, scm *m)
{
    const char *r = q + 2;
    const char *ns = r;
    if (r < e && (*r == '=' || *r == '-')) r++;
    else {
        if (r < e && *r == '/') r++;
        while (r < e && (tc_word_at(r, e) || *r == '-')) r++;
    }
    if (r == ns) return -1;
    const char *close = tc_find_close(c, F_GTGT, r, e, ">>");
    if (!close) return -1;
    m->name = ns;
    m->nlen = (size_t)(r - ns);
    m->as = r;
    m->ae = close;
    m->end = close + 2;
    return 0;
}

int tc_sc_is(const scm *m, const char *list)
{
    char nm[40];
    size_t n = m->nlen < sizeof nm - 1 ? m->nlen : sizeof nm - 1;
    for (size_t i = 0; i < n; i++) nm[i] = (char)(m->name[i] >= 'A' && m->name[i] <= 'Z' ? m->name[i] + 32 : m->name[i]);
    nm[n] = 0;
    return tc_one_of(nm, list);
}

/* is there a "<</name>>" (or "<<endname>>") after q? (a budgeted search) */
int tc_sc_has_close(cv *c, const char *q, const char *e, const scm *m)
{
    if (!c->scan_budget) return 0; /* spent on earlier searches: taken as not closed */
    char a[48], b[48];
    snprintf(a, sizeof a, "<</%.*s>>", (int)(m->nlen < 30 ? m->nlen : 30), m->name);
    snprintf(b, sizeof b, "<<end%.*s>>", (int)(m->nlen < 30 ? m->nlen : 30), m->name);
    size_t la = strlen(a), lb = strlen(b);
    for (const char *r = q; r + 4 < e; r++) {
        if (r[0] != '<' || r[1] != '<') continue;
        if ((tc_starts(r, e, a) && la) || (tc_starts(r, e, b) && lb)) {
            size_t cost = (size_t)(r - q);
            c->scan_budget = cost > c->scan_budget ? 0 : c->scan_budget - cost;
            return 1;
        }
    }
    size_t cost = (size_t)(e - q);
    c->scan_budget = cost > c->scan_budget ? 0 : c->scan_budget - cost;
    return 0;
}

/* runs [s, e) up to a closing tag of `list` ("/if endif", "else elseif ..."): returns where
 * that tag starts, or e; closing tags of other macros met on the way are passed over */
const char *tc_sc_until(cv *c, const char *s, const char *e, const char *list)
{
    for (;;) {
        const char *r = tc_parse(c, s, e, STOP_SC);
        if (r >= e || c->t->oom) return e;
        scm m;
        if (tc_sc_read(c, r, e, &m) != 0) return e; /* cannot happen: parse stopped at a tag */
        if (tc_sc_is(&m, list)) return r;
        tc_count_lines(c, r, m.end);
        s = m.end;
    }
}

char *tc_closers(const scm *m)
{
    char nm[40];
    size_t n = m->nlen < 30 ? m->nlen : 30;
    for (size_t i = 0; i < n; i++) nm[i] = (char)(m->name[i] >= 'A' && m->name[i] <= 'Z' ? m->name[i] + 32 : m->name[i]);
    nm[n] = 0;
    return orl_format("/%s end%s", nm, nm);
}

/* a container's content, run in place; returns after its closing tag */
const char *tc_sc_content(cv *c, const scm *m, const char *e)
{
    char *st = tc_closers(m);
    if (!st) { c->t->oom = 1; return e; }
    const char *r = tc_sc_until(c, m->end, e, st);
    free(st);
    scm k;
    if (r < e && tc_sc_read(c, r, e, &k) == 0) { tc_count_lines(c, r, k.end); return k.end; }
    return e;
}

/* a container whose content is not shown and does nothing here (<<for>>, <<script>>, ...) */
const char *tc_sc_skip(cv *c, const scm *m, const char *e)
{
    saved sv;
    tc_sub_begin(c, &sv);
    c->silent++;
    const char *r = tc_sc_content(c, m, e);
    tc_sub_end(c, &sv, 0, NULL, NULL, NULL);
    return r;
}

const char *tc_sc_if(cv *c, const scm *m, const char *e)
{
    chain ch;
    char why[120];
    const char *as = m->as, *ae = m->ae;
    const char *q = m->end;
    int first = 1;
    for (;;) {
        orl_buf cond = {0};
        const char *cs = NULL;
        if (as) {
            if (tw_cond(&c->x, as, (size_t)(ae - as), &cond, why, sizeof why) != 0) {
                tc_bad(c, "<<if>> with a condition it cannot read");
                orl_buf_free(&cond);
                orl_buf_puts(&cond, "false");
            }
            orl_buf_put(&cond, "", 1);
            cs = cond.oom ? "false" : cond.data;
        }
        if (first) tc_chain_open(c, &ch, cs ? cs : "true");
        tc_branch_push(c, &ch, cs, first);
        orl_buf_free(&cond);
        first = 0;
        const char *r = tc_sc_until(c, q, e, "elseif else /if endif");
        tc_branch_pop(c);
        scm k;
        if (r >= e || tc_sc_read(c, r, e, &k) != 0) { q = e; break; }
        tc_count_lines(c, r, k.end);
        q = k.end;
        if (tc_sc_is(&k, "/if endif")) break;
        if (tc_sc_is(&k, "elseif")) { as = k.as; ae = k.ae; continue; }
        /* <<else>>, or <<else if ...>> */
        const char *a = k.as;
        while (a < k.ae && (*a == ' ' || *a == '\t')) a++;
        if (tc_starts(a, k.ae, "if ")) { as = a + 3; ae = k.ae; }
        else as = ae = NULL;
    }
    tc_chain_close(c, &ch);
    return q;
}

/* <<link "text" "passage">>, <<link [[text|passage]]>>, <<link "text">>...<</link>> */
const char *tc_sc_link(cv *c, const scm *m, const char *e)
{
    const char *sa[2];
    size_t sn[2];
    int k = tc_str_args(m->as, m->ae, sa, sn, 2);
    const char *text = NULL, *go = NULL;
    size_t tn = 0, gn = 0;
    if (k >= 1 && sa[0][0] == '[' && sn[0] >= 4 && sa[0][1] == '[') {
        tc_split_link(sa[0] + 2, sa[0] + sn[0] - 2, &text, &tn, &go, &gn);
    } else if (k >= 1) {
        text = sa[0]; tn = sn[0];
        if (k == 2) { go = sa[1]; gn = sn[1]; }
    } else {
        tc_bad(c, "<<link>> with words it cannot read");
        return tc_sc_has_close(c, m->end, e, m) ? tc_sc_skip(c, m, e) : m->end;
    }
    /* what follows the link (after its closing tag when that is on this line) decides */
    const char *after = m->end;
    const char *le = c->line_end && c->line_end >= m->end && c->line_end <= e ? c->line_end : e;
    const char *r = tc_find_close(c, F_SCCLOSE, m->end, e, "<</");
    if (r && r < le) {
        const char *gt = tc_find_close(c, F_GTGT, r, e, ">>");
        after = gt && gt < le ? gt + 2 : NULL;
    }
    if (tc_link_in_text(c, m->name - 2, after, e)) tc_put_text(c, text, tn);
    if (!tc_sc_has_close(c, m->end, e, m)) {
        if (go) tc_add_choice(c, text, tn, go, gn, NULL, 0);
        return m->end;
    }
    return tc_link_body(c, text, tn, go, gn, m->end, e, m);
}

const char *tc_sc_macro(cv *c, const char *q, const char *e)
{
    scm m;
    if (tc_sc_read(c, q, e, &m) != 0) return NULL;
    char why[120];
    const char *sa[8];
    size_t sn[8];
    tc_count_lines(c, q, m.end);
    if (tc_sc_is(&m, "set remember")) {
        orl_buf b = {0};
        if (tw_assign(&c->x, m.as, (size_t)(m.ae - m.as), 0, "", &b, why, sizeof why) == 0) {
            orl_buf_put(&b, "", 1);
            if (!b.oom) tc_put_set(c, b.data);
        } else {
            tc_bad(c, "<<set>> it cannot read");
        }
        orl_buf_free(&b);
        return m.end;
    }
    if (tc_sc_is(&m, "unset")) {
        orl_buf b = {0};
        for (const char *r = m.as; r < m.ae;) {
            while (r < m.ae && (*r == ' ' || *r == ',' || *r == '\t')) r++;
            const char *v = r;
            if (r < m.ae && (*r == '$' || *r == '_')) r++;
            while (r < m.ae && tc_word_at(r, m.ae)) r++;
            if (r - v < 2) break;
            tw_var_place(v + 1, (size_t)(r - v - 1), *v == '_', &b);
            orl_buf_puts(&b, " = nil\n");
        }
        orl_buf_put(&b, "", 1);
        if (!b.oom && b.len > 1) tc_put_set(c, b.data);
        orl_buf_free(&b);
        return m.end;
    }
    if (tc_sc_is(&m, "if")) return tc_sc_if(c, &m, e);
    if (tc_sc_is(&m, "print = -")) {
        orl_buf b = {0};
        if (tw_expr(&c->x, m.as, (size_t)(m.ae - m.as), &b, why, sizeof why) == 0) {
            orl_buf_put(&b, "", 1);
            if (!b.oom) tc_put_print(c, b.data);
        } else {
            tc_bad(c, "<<print>> of something it cannot read");
        }
        orl_buf_free(&b);
        return m.end;
    }
    if (tc_sc_is(&m, "link button")) return tc_sc_link(c, &m, e);
    if (tc_sc_is(&m, "linkreplace linkappend linkprepend")) {
        /* a link that reveals its content: the content is shown at once */
        return tc_sc_has_close(c, m.end, e, &m) ? tc_sc_content(c, &m, e) : m.end;
    }
    if (tc_sc_is(&m, "goto")) {
        int k = tc_str_args(m.as, m.ae, sa, sn, 1);
        const char *ts, *gs;
        size_t tn, gn;
        if (k == 1 && sa[0][0] == '[') {
            tc_split_link(sa[0] + 2, sa[0] + sn[0] - 2, &ts, &tn, &gs, &gn);
            tc_add_choice(c, "", 0, gs, gn, NULL, 1);
        } else if (k == 1) {
            tc_add_choice(c, "", 0, sa[0], sn[0], NULL, 1);
        } else {
            tc_bad(c, "<<goto>> of something other than a passage name");
        }
        return m.end;
    }
    if (tc_sc_is(&m, "include display")) {
        int k = tc_str_args(m.as, m.ae, sa, sn, 2);
        const char *ts, *gs;
        size_t tn, gn;
        if (k >= 1 && sa[0][0] == '[') {
            tc_split_link(sa[0] + 2, sa[0] + sn[0] - 2, &ts, &tn, &gs, &gn);
            tc_include_passage(c, gs, gn);
        } else if (k >= 1) {
            tc_include_passage(c, sa[0], sn[0]);
        } else {
            tc_bad(c, "<<include>> of something other than a passage name");
        }
        return m.end;
    }
    if (tc_sc_is(&m, "choice actions")) {
        /* Twine 1: <<choice "passage" "text">>, <<actions "a" "b">>, or [[links]] */
        int k = tc_str_args(m.as, m.ae, sa, sn, 8);
        int choice = tc_sc_is(&m, "choice");
        for (int i = 0; i < k; i++) {
            const char *ts, *gs;
            size_t tn, gn;
            if (sa[i][0] == '[') tc_split_link(sa[i] + 2, sa[i] + sn[i] - 2, &ts, &tn, &gs, &gn);
            else if (choice && k == 2) { gs = sa[0]; gn = sn[0]; ts = sa[1]; tn = sn[1]; i = k; }
            else { gs = ts = sa[i]; gn = tn = sn[i]; }
            tc_add_choice(c, ts, tn, gs, gn, NULL, 0);
        }
        if (k < 1) tc_bad(c, "<<choice>> with words it cannot read");
        return m.end;
    }
    if (tc_sc_is(&m, "nobr")) {
        c->nobr++;
        const char *r = tc_sc_content(c, &m, e);
        c->nobr--;
        return r;
    }
    if (tc_sc_is(&m, "silently")) {
        c->silent++;
        const char *r = tc_sc_content(c, &m, e);
        c->silent--;
        return r;
    }
    if (tc_sc_is(&m, "timed type capture do")) {
        tc_bad_named(c, "<<", m.name, m.nlen, ">>");
        return tc_sc_has_close(c, m.end, e, &m) ? tc_sc_content(c, &m, e) : m.end;
    }
    if (tc_sc_is(&m, "for switch widget script repeat append prepend replace createplaylist createaudiogroup cycle listbox "
                  "done linkrepeat")) {
        tc_bad_named(c, "<<", m.name, m.nlen, ">>");
        return tc_sc_has_close(c, m.end, e, &m) ? tc_sc_skip(c, &m, e) : m.end;
    }
    if (m.nlen && (m.name[0] == '/' || tc_sc_is(&m, "else elseif case default")))
        return m.end; /* a closing tag out of place */
    tc_bad_named(c, "<<", m.name, m.nlen, ">>");
    return m.end;
}

