/* The body of a passage (twee_conv.h): the reading loop, HTML, markup (Harlowe, SugarCube,
 * Markdown), Chapbook (vars, {inserts}, [if] modifiers), Snowman (<% %>). */
#include "story/twee_conv.h"
#include <stdlib.h>
#include <string.h>

/* ---------- HTML ---------- */

const char *tc_html_tag(cv *c, const char *q, const char *e)
{
    const char *r = q + 1;
    int closing = r < e && *r == '/';
    if (closing) r++;
    const char *ns = r;
    while (r < e && ((*r >= 'a' && *r <= 'z') || (*r >= 'A' && *r <= 'Z') || (*r >= '0' && *r <= '9') || *r == '-')) r++;
    if (r == ns || !((*ns | 32) >= 'a' && (*ns | 32) <= 'z')) return NULL;
    if (r < e && !(*r == ' ' || *r == '>' || *r == '/' || *r == '\t' || *r == '\n')) return NULL;
    const char *gt = tc_find_close(c, F_GT, r, e, ">");
    if (!gt) return NULL;
    char nm[16];
    size_t n = (size_t)(r - ns) < sizeof nm - 1 ? (size_t)(r - ns) : sizeof nm - 1;
    for (size_t i = 0; i < n; i++) nm[i] = (char)(ns[i] | 32);
    nm[n] = 0;
    const char *after = gt + 1;
    tc_count_lines(c, q, after);
    if (!closing && tc_one_of(nm, "script style")) {
        char close[24];
        snprintf(close, sizeof close, "</%s", nm);
        const char *x = NULL;
        for (const char *k = after; k + 8 <= e && !x; k++)
            if (*k == '<' && tc_starts_ci(k, e, close)) x = k;
        const char *xe = x ? memchr(x, '>', (size_t)(e - x)) : NULL;
        tc_bad(c, nm[1] == 'c' ? "HTML <script>" : "HTML <style>");
        const char *end = xe ? xe + 1 : e;
        tc_count_lines(c, after, end);
        return end;
    }
    if (tc_one_of(nm, "br")) { if (!c->silent) { orl_buf_puts(&c->pend, "\n"); c->line_visible = 1; } return after; }
    if (tc_one_of(nm, "p div hr h1 h2 h3 h4 h5 h6 ul ol table tr blockquote section center pre")) {
        if (!c->silent) orl_buf_puts(&c->pend, "\n");
        return after;
    }
    if (tc_one_of(nm, "li") && !closing) { tc_put_text(c, "\n• ", strlen("\n• ")); return after; }
    if (tc_one_of(nm, "img audio video iframe input select textarea canvas svg object embed button source track")) {
        if (!closing) tc_bad_named(c, "HTML <", nm, strlen(nm), ">");
        return after;
    }
    if (tc_one_of(nm, "a") && !closing) {
        /* <a data-passage="P">words</a>: a link (Snowman's and SugarCube's) */
        const char *dp = NULL;
        for (const char *k = r; k + 13 < gt && !dp; k++)
            if (tc_starts_ci(k, gt, "data-passage=")) dp = k + 13;
        if (dp && (*dp == '"' || *dp == '\'')) {
            const char *pe = memchr(dp + 1, *dp, (size_t)(gt - dp - 1));
            const char *le = c->line_end && c->line_end >= after && c->line_end <= e ? c->line_end : e;
            const char *ce = tc_find_close(c, F_ENDA, after, e, "</a>");
            if (pe && ce && ce < le) { /* on this line */
                if (tc_link_in_text(c, q, ce + 4, e)) tc_put_text(c, after, (size_t)(ce - after));
                tc_add_choice(c, after, (size_t)(ce - after), dp + 1, (size_t)(pe - dp - 1), NULL, 0);
                return ce + 4;
            }
        }
    }
    return after; /* any other tag: its words stay, the tag goes */
}

/* ---------- markup ---------- */

/* a single * or _ : a markup mark when it touches a word on one side only */
int tc_lone_mark(const char *s, const char *q, const char *e)
{
    int before = q > s && q[-1] != ' ' && q[-1] != '\n' && q[-1] != '\t';
    int after = q + 1 < e && q[1] != ' ' && q[1] != '\n' && q[1] != '\t';
    return before != after;
}

/* markup at q: how many bytes it takes (0: none) */
size_t tc_markup(cv *c, const char *s, const char *q, const char *e)
{
    int at_line = q == s || q[-1] == '\n';
    tw_format f = c->f;
    if (at_line) {
        const char *r = q;
        if (f == TW_SUGARCUBE) while (r < e && *r == '!') r++;
        else while (r < e && *r == '#') r++;
        if (r > q && r < e && (*r == ' ' || f == TW_SUGARCUBE || f == TW_HARLOWE)) return (size_t)(r - q) + (r < e && *r == ' ');
        r = q;
        while (r < e && (*r == '-' || *r == '*' || *r == '=')) r++;
        if (r - q >= 3 && (r >= e || *r == '\n' || *r == '\r')) return (size_t)(r - q); /* a rule */
        if ((*q == '*' || *q == '-' || *q == '+') && q + 1 < e && q[1] == ' ' && (*q != '+' || f != TW_HARLOWE)) {
            if (!c->line_links_only) tc_put_text(c, "• ", strlen("• ")); /* a list of links: the choices */
            return 2;
        }
        if (*q == '>' && f != TW_HARLOWE) {
            /* a quotation's marks: "> ", ">> " */
            r = q;
            while (r < e && *r == '>') r++;
            return (size_t)(r - q) + (r < e && *r == ' ');
        }
        if (f == TW_HARLOWE) {
            /* aligners and columns: ==>, <==, =><=, <==>, |==, ==| */
            r = q;
            while (r < e && (*r == '=' || *r == '<' || *r == '>' || *r == '|')) r++;
            if (r - q >= 3 && (r >= e || *r == '\n' || *r == '\r')) return (size_t)(r - q);
        }
    }
    char a = *q, b = q + 1 < e ? q[1] : 0;
    if (a == b && (a == '\'' || a == '*' || a == '~' || a == '^') && f != TW_SNOWMAN + 10) {
        if (a == '\'' && f != TW_HARLOWE && f != TW_SUGARCUBE) return 0;
        return 2;
    }
    /* italics' //, but not a web address's "https://x" */
    if (a == '/' && b == '/' && (f == TW_HARLOWE || f == TW_SUGARCUBE) &&
        !(q > s && q[-1] == ':' && q + 2 < e && q[2] != ' ' && q[2] != '\n'))
        return 2;
    if (a == '_' && b == '_' && f != TW_HARLOWE) return 2;
    if (a == '=' && b == '=' && f == TW_SUGARCUBE) return 2;
    if (a == '@' && b == '@' && f == TW_SUGARCUBE) {
        /* @@style;words@@ */
        const char *r = q + 2;
        while (r < e && r - q < 64 && *r != ';' && *r != '@' && *r != '\n') r++;
        return r < e && *r == ';' ? (size_t)(r + 1 - q) : 2;
    }
    if (a == '*' && tc_lone_mark(s, q, e)) return 1;
    if (a == '_' && (f == TW_CHAPBOOK || f == TW_SNOWMAN) && tc_lone_mark(s, q, e) && !(q > s && tc_word_at(q - 1, e) && tc_word_at(q + 1, e)))
        return 1;
    if (a == '`' && f != TW_SUGARCUBE) return 1;
    if (a == '"' && b == '"' && q + 2 < e && q[2] == '"' && f == TW_SUGARCUBE) return 3;
    if (a == '\\' && b == '\n' && f == TW_HARLOWE) return 1; /* a line joined to the next */
    return 0;
}

/* [words](url) of Markdown: the words */
const char *tc_md_link(cv *c, const char *q, const char *e)
{
    const char *r = q + 1;
    while (r < e && *r != ']' && *r != '\n' && *r != '[') r++;
    if (r + 1 >= e || *r != ']' || r[1] != '(') return NULL;
    const char *u = r + 2;
    while (u < e && *u != ')' && *u != '\n' && *u != ' ') u++;
    if (u >= e || *u != ')') return NULL;
    tc_put_text(c, q + 1, (size_t)(r - q - 1));
    return u + 1;
}

/* ---------- Chapbook ---------- */

/* {insert} at q: its end, or NULL when it is not one (the brace is then a brace) */
const char *tc_chapbook_insert(cv *c, const char *q, const char *e)
{
    /* on this line only (the line's end is known: no search per brace) */
    const char *le = c->line_end && c->line_end >= q && c->line_end <= e ? c->line_end : e;
    const char *close = tc_find_close(c, F_BRACE, q + 1, e, "}");
    if (!close || close > le) return NULL;
    const char *s = q + 1, *se = close;
    while (s < se && *s == ' ') s++;
    while (se > s && se[-1] == ' ') se--;
    const char *w = s;
    while (w < se && (tc_word_at(w, se) || *w == '.')) w++;
    if (w == s) return NULL;
    const char *sa[2];
    size_t sn[2];
    if (w == se) {
        /* {name}: the variable's value */
        if (memchr(s, '.', (size_t)(se - s))) { tc_bad(c, "{insert} of a property"); return close + 1; }
        orl_buf b = {0};
        tw_var_place(s, (size_t)(se - s), 0, &b);
        orl_buf_put(&b, "", 1);
        if (!b.oom) tc_put_print(c, b.data);
        orl_buf_free(&b);
        return close + 1;
    }
    if (tc_starts(s, se, "embed passage")) {
        const char *a = memchr(s, ':', (size_t)(se - s));
        if (a && tc_str_args(a + 1, se, sa, sn, 1) == 1) tc_include_passage(c, sa[0], sn[0]);
        else tc_bad(c, "{embed passage} of something other than a passage name");
        return close + 1;
    }
    if (tc_starts(s, se, "link to")) {
        /* {link to: 'Passage', label: 'words'} */
        const char *a = memchr(s, ':', (size_t)(se - s));
        const char *lab = NULL;
        for (const char *k = s; k + 6 < se && !lab; k++)
            if (tc_starts(k, se, "label:")) lab = k;
        if (a && tc_str_args(a + 1, lab ? lab : se, sa, sn, 1) == 1) {
            const char *ta = sa[0];
            size_t tn = sn[0];
            const char *la[1];
            size_t ln[1];
            if (lab && tc_str_args(lab + 6, se, la, ln, 1) == 1) { ta = la[0]; tn = ln[0]; }
            if (tc_link_in_text(c, q, close + 1, e)) tc_put_text(c, ta, tn);
            tc_add_choice(c, ta, tn, sa[0], sn[0], NULL, 0);
        } else {
            tc_bad(c, "{link to} it cannot read");
        }
        return close + 1;
    }
    if (tc_starts(s, se, "reveal link")) {
        /* {reveal link: 'words', passage: 'P'}: a choice that does what P does (its words are
         * shown in place when P changes nothing) */
        const char *a = memchr(s, ':', (size_t)(se - s));
        const char *pp = NULL;
        for (const char *k = s; k + 8 < se && !pp; k++)
            if (tc_starts(k, se, "passage:")) pp = k + 8;
        const char *la[1], *pa[1];
        size_t ln[1], pn[1];
        if (a && pp && tc_str_args(a + 1, pp - 8, la, ln, 1) == 1 && tc_str_args(pp, se, pa, pn, 1) == 1) {
            tc_reveal_passage(c, la[0], ln[0], pa[0], pn[0]);
            return close + 1;
        }
    }
    /* {back link}, {restart link}, {cycling link ...}, {text input ...}, {embed image ...} ... */
    tc_bad_named(c, "{", s, (size_t)(w - s), "...}");
    return close + 1;
}

/* a modifier line "[if ...]", "[else]", "[continue]", "[note]", "[JavaScript]"... */
int tc_modifier_line(const char *s, const char *le)
{
    while (s < le && (*s == ' ' || *s == '\t')) s++;
    while (le > s && (le[-1] == ' ' || le[-1] == '\t' || le[-1] == '\r')) le--;
    return le - s >= 3 && *s == '[' && s[1] != '[' && le[-1] == ']' && !memchr(s + 1, ']', (size_t)(le - s - 2));
}

void tc_chapbook_body(cv *c, const char *s, const char *e)
{
    /* the vars section: "name: value" lines, then a line "--" */
    const char *q = s, *sep = NULL;
    int lines = 0;
    while (q < e && lines < 200) {
        const char *nl = memchr(q, '\n', (size_t)(e - q));
        const char *le = nl ? nl : e;
        const char *te = le;
        while (te > q && (te[-1] == '\r' || te[-1] == ' ')) te--;
        if (te - q == 2 && q[0] == '-' && q[1] == '-') { sep = q; break; }
        if (!memchr(q, ':', (size_t)(le - q)) && te > q) break;
        lines++;
        q = nl ? nl + 1 : e;
    }
    if (sep) {
        char why[120];
        for (q = s; q < sep;) {
            const char *nl = memchr(q, '\n', (size_t)(sep - q));
            const char *le = nl ? nl : sep;
            const char *colon = memchr(q, ':', (size_t)(le - q));
            const char *paren = memchr(q, '(', (size_t)(le - q));
            orl_buf b = {0};
            if (colon && paren && paren < colon) {
                /* name (condition): value */
                const char *pe = colon;
                while (pe > paren && *pe != ')') pe--;
                orl_buf cond = {0}, set = {0};
                orl_buf line = {0};
                orl_buf_put(&line, q, (size_t)(paren - q));
                orl_buf_put(&line, colon, (size_t)(le - colon));
                if (pe > paren && tw_cond(&c->x, paren + 1, (size_t)(pe - paren - 1), &cond, why, sizeof why) == 0 &&
                    tw_assign(&c->x, line.data, line.len, 0, "  ", &set, why, sizeof why) == 0) {
                    orl_buf_put(&cond, "", 1);
                    orl_buf_put(&set, "", 1);
                    orl_buf_printf(&b, "if %s then\n%send\n", cond.data, set.data);
                } else {
                    tc_bad(c, "a vars line it cannot read");
                }
                orl_buf_free(&cond); orl_buf_free(&set); orl_buf_free(&line);
            } else if (colon && le > q) {
                if (tw_assign(&c->x, q, (size_t)(le - q), 0, "", &b, why, sizeof why) != 0) tc_bad(c, "a vars line it cannot read");
            }
            orl_buf_put(&b, "", 1);
            if (!b.oom && b.len > 1) tc_put_set(c, b.data);
            orl_buf_free(&b);
            c->line++;
            q = nl ? nl + 1 : sep;
        }
        c->line++;
        const char *nl = memchr(sep, '\n', (size_t)(e - sep));
        s = nl ? nl + 1 : e;
    }
    /* sections, each after a modifier */
    chain ch;
    int open = 0, skipping = 0;
    tc_line_start(c, s, e);
    for (q = s; q < e && !c->t->oom;) {
        const char *nl = memchr(q, '\n', (size_t)(e - q));
        const char *le = nl ? nl : e;
        const char *next = nl ? nl + 1 : e;
        if (tc_modifier_line(q, le)) {
            const char *m = (const char *)memchr(q, '[', (size_t)(le - q)) + 1;
            const char *me = le;
            while (*me != ']') me--;
            const char *semi = memchr(m, ';', (size_t)(me - m));
            if (semi) me = semi;
            skipping = 0;
            int is_if = tc_starts_ci(m, me, "if "), is_unless = tc_starts_ci(m, me, "unless "), is_else = tc_starts_ci(m, me, "else");
            if (open && !is_else) { tc_branch_pop(c); tc_chain_close(c, &ch); open = 0; }
            if (is_if || is_unless) {
                const char *cs = m + (is_if ? 3 : 7);
                orl_buf cond = {0};
                char why[120];
                if (tw_cond(&c->x, cs, (size_t)(me - cs), &cond, why, sizeof why) != 0) {
                    tc_bad(c, "[if] with a condition it cannot read");
                    orl_buf_free(&cond);
                    orl_buf_puts(&cond, "true");
                }
                orl_buf_put(&cond, "", 1);
                char *w = cond.oom ? NULL : is_unless ? orl_format("not (%s)", cond.data) : orl_strdup(cond.data);
                orl_buf_free(&cond);
                if (!w) { c->t->oom = 1; break; }
                tc_chain_open(c, &ch, w);
                tc_branch_push(c, &ch, w, 1);
                free(w);
                open = 1;
            } else if (is_else) {
                if (open) { tc_branch_pop(c); tc_branch_push(c, &ch, NULL, 0); }
                else tc_bad(c, "[else] with no [if] before it");
            } else if (tc_starts_ci(m, me, "note") || tc_starts_ci(m, me, "n.b.") || tc_starts_ci(m, me, "fixme") || tc_starts_ci(m, me, "todo")) {
                skipping = 1; /* the author's notes */
            } else if (tc_starts_ci(m, me, "javascript") || tc_starts_ci(m, me, "css")) {
                tc_bad(c, tc_starts_ci(m, me, "css") ? "[CSS]" : "[JavaScript]");
                skipping = 1;
            } else if (!tc_starts_ci(m, me, "continue") && !tc_starts_ci(m, me, "after") && !tc_starts_ci(m, me, "align") &&
                       !tc_starts_ci(m, me, "append") && !tc_starts_ci(m, me, "transition")) {
                tc_bad_named(c, "[", m, (size_t)(me - m), "]");
            }
            c->line++;
            q = next;
            tc_line_start(c, q, e);
            continue;
        }
        if (skipping) { c->line++; q = next; tc_line_start(c, q, e); continue; }
        tc_line_start(c, q, e);
        tc_parse(c, q, next, STOP_NONE);
        q = next;
    }
    if (open) { tc_branch_pop(c); tc_chain_close(c, &ch); }
}

/* ---------- Snowman: <% JavaScript %> ---------- */

/* the JavaScript between <% and %> without blanks at its ends */
int tc_js_is(const char *s, const char *e, const char *w)
{
    while (s < e && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')) s++;
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r' || e[-1] == ';')) e--;
    return (size_t)(e - s) == strlen(w) && memcmp(s, w, (size_t)(e - s)) == 0;
}

/* "if (X) {" / "} else if (X) {": X, or NULL */
const char *tc_js_if(const char *s, const char *e, const char **xe)
{
    while (s < e && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')) s++;
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r')) e--;
    if (e <= s || e[-1] != '{') return NULL;
    e--;
    while (e > s && (e[-1] == ' ' || e[-1] == '\t')) e--;
    if (!tc_starts(s, e, "if") || e <= s || e[-1] != ')') return NULL;
    s += 2;
    while (s < e && (*s == ' ' || *s == '\t')) s++;
    if (s >= e || *s != '(') return NULL;
    *xe = e - 1;
    return s + 1;
}

const char *tc_snowman_code(cv *c, const char *q, const char *e)
{
    const char *close = tc_find_close(c, F_PCT, q + 2, e, "%>");
    if (!close) return NULL;
    tc_count_lines(c, q, close + 2);
    const char *s = q + 2, *se = close;
    char why[120];
    orl_buf b = {0};
    if (s < se && *s == '=') {
        /* <%= s.name %>: the value */
        if (tw_expr(&c->x, s + 1, (size_t)(se - s - 1), &b, why, sizeof why) == 0) {
            orl_buf_put(&b, "", 1);
            if (!b.oom) tc_put_print(c, b.data);
        } else {
            tc_bad(c, "Snowman's <%= %> of something it cannot read");
        }
        orl_buf_free(&b);
        return close + 2;
    }
    /* if / else if / else / } : conditions; s.name = value: state changes */
    const char *xs, *xe = NULL;
    const char *t = s;
    while (t < se && (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\r')) t++;
    int closes = t < se && *t == '}';
    if (closes) t++;
    while (t < se && (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\r')) t++;
    int is_else = tc_starts(t, se, "else");
    const char *after_else = is_else ? t + 4 : t;
    if (closes && c->nsn > c->sn_base && tc_js_is(t, se, "")) {
        tc_branch_pop(c);
        tc_chain_close(c, &c->sn[--c->nsn]);
        return close + 2;
    }
    if (closes && c->nsn > c->sn_base && is_else && tc_js_is(after_else, se, "{")) {
        tc_branch_pop(c);
        tc_branch_push(c, &c->sn[c->nsn - 1], NULL, 0);
        return close + 2;
    }
    if ((xs = tc_js_if(closes && is_else ? after_else : t, se, &xe)) && (!closes || (is_else && c->nsn > c->sn_base))) {
        if (tw_cond(&c->x, xs, (size_t)(xe - xs), &b, why, sizeof why) != 0) {
            tc_bad(c, "Snowman's if with a condition it cannot read");
            orl_buf_free(&b);
            orl_buf_puts(&b, "false");
        }
        orl_buf_put(&b, "", 1);
        const char *cs = b.oom ? "false" : b.data;
        if (closes) {
            tc_branch_pop(c);
            tc_branch_push(c, &c->sn[c->nsn - 1], cs, 0);
        } else if (c->nsn < MAX_SN) {
            tc_chain_open(c, &c->sn[c->nsn], cs);
            tc_branch_push(c, &c->sn[c->nsn], cs, 1);
            c->nsn++;
        } else {
            tc_bad(c, "Snowman's if nested too deeply");
        }
        orl_buf_free(&b);
        return close + 2;
    }
    if (!closes && tw_assign(&c->x, s, (size_t)(se - s), 0, "", &b, why, sizeof why) == 0) {
        orl_buf_put(&b, "", 1);
        if (!b.oom) tc_put_set(c, b.data);
        orl_buf_free(&b);
        return close + 2;
    }
    orl_buf_free(&b);
    tc_bad(c, "Snowman's JavaScript <% %>");
    return close + 2;
}

/* ---------- the body ---------- */

const char *tc_parse(cv *c, const char *s, const char *e, int stop)
{
    if (c->depth >= MAX_NEST) {
        tc_bad(c, "code nested too deeply");
        return e;
    }
    c->depth++;
    const char *q = s;
    tw_format f = c->f;
    while (q < e && !c->t->oom) {
        char ch = *q;
        const char *r = NULL;
        if (ch == '\n') {
            if (c->nobr) tc_put_text(c, " ", 1);
            else if ((c->line_visible || c->line_blank) && !c->silent) orl_buf_puts(&c->pend, "\n");
            c->line++;
            q++;
            tc_line_start(c, q, e);
            continue;
        }
        if (ch == '\r') { q++; continue; }
        if (stop == STOP_HOOK && ch == ']') break;
        if (ch == '<' && tc_starts(q, e, "<!--")) {
            const char *x = tc_find_close(c, F_COMMENT, q + 4, e, "-->");
            if (x) { tc_count_lines(c, q, x + 3); q = x + 3; continue; }
        }
        if (ch == '/' && f == TW_SUGARCUBE && q + 1 < e && (q[1] == '*' || q[1] == '%')) {
            const char *x = tc_find_close(c, q[1] == '*' ? F_CCOMMENT : F_PCOMMENT, q + 2, e, q[1] == '*' ? "*/" : "%/");
            if (x) { tc_count_lines(c, q, x + 2); q = x + 2; continue; }
        }
        if (ch == '[' && q + 1 < e && q[1] == '[') {
            const char *x = tc_find_close(c, F_LINK, q + 2, e, "]]");
            /* a link's end: "]]", or "]][" of a setter followed by its own "]" */
            if (x) {
                const char *end = x + 2;
                const char *setter_end = NULL;
                for (const char *k = q + 2; k < x; k++)
                    if (k[0] == ']' && k + 1 < x && k[1] == '[') { setter_end = x; break; }
                (void)setter_end;
                tc_count_lines(c, q, end);
                tc_do_link(c, q + 2, x, e);
                q = end;
                continue;
            }
            tc_bad(c, "a link [[ not closed with ]]");
            q += 2;
            continue;
        }
        if (ch == '<' && q + 1 < e && q[1] == '<') {
            /* SugarCube's macros; in a story of another format too (mixed code is never prose) */
            scm m;
            if (stop == STOP_SC && tc_sc_read(c, q, e, &m) == 0 &&
                (m.name[0] == '/' || tc_sc_is(&m, "else elseif") || (m.nlen > 3 && tc_starts(m.name, m.name + m.nlen, "end"))))
                break;
            if ((r = tc_sc_macro(c, q, e))) { q = r; continue; }
        }
        if (ch == '<' && q + 1 < e && q[1] == '%' && f == TW_SNOWMAN) {
            if ((r = tc_snowman_code(c, q, e))) { q = r; continue; }
        }
        if (ch == '(' && f == TW_HARLOWE) {
            if ((r = tc_harlowe_macro(c, q, e))) { q = r; continue; }
        }
        if (f == TW_HARLOWE && ch == '|') {
            /* a named hook "|name>[" */
            const char *k = q + 1;
            while (k < e && (tc_word_at(k, e) || *k == '-')) k++;
            if (k > q + 1 && k + 1 < e && *k == '>' && k[1] == '[') { q = k + 1; continue; }
        }
        if (f == TW_HARLOWE && ch == '[' && c->depth < MAX_NEST) { q = tc_run_hook(c, q, e); continue; }
        if ((f == TW_HARLOWE || f == TW_SUGARCUBE) && (ch == '$' || ch == '_') && q + 1 < e &&
            ((q[1] | 32) >= 'a' && (q[1] | 32) <= 'z') && !(ch == '_' && q > s && tc_word_at(q - 1, e))) {
            /* a variable shown where it is */
            const char *k = q + 1;
            while (k < e && tc_word_at(k, e)) k++;
            if (k < e && ((*k == '.' && k + 1 < e && tc_word_at(k + 1, e)) || *k == '[' || (*k == '\'' && k + 1 < e && k[1] == 's'))) {
                tc_bad(c, "a variable's part ($x.y, $x's y)");
                while (k < e && (tc_word_at(k, e) || *k == '.')) k++;
                q = k;
                continue;
            }
            orl_buf b = {0};
            tw_var_place(q + 1, (size_t)(k - q - 1), ch == '_', &b);
            orl_buf_put(&b, "", 1);
            if (!b.oom) tc_put_print(c, b.data);
            orl_buf_free(&b);
            q = k;
            continue;
        }
        if (ch == '{' && f == TW_CHAPBOOK) {
            if ((r = tc_chapbook_insert(c, q, e))) { q = r; continue; }
        }
        if (ch == '{' && f == TW_HARLOWE) { c->nobr++; q++; continue; }
        if (ch == '}' && f == TW_HARLOWE && c->nobr > 0) { c->nobr--; q++; continue; }
        if (ch == '<' && (r = tc_html_tag(c, q, e))) { q = r; continue; }
        if (ch == '[' && (f == TW_CHAPBOOK || f == TW_SNOWMAN) && (r = tc_md_link(c, q, e))) { q = r; continue; }
        size_t m = tc_markup(c, s, q, e);
        if (m) { q += m; continue; }
        /* plain text up to the next character that may start something */
        const char *k = q + 1;
        while (k < e && !strchr("\n\r[]<(|$_{}/'*~^=@\\`#!-+>%&\"", *k)) k++;
        tc_put_text(c, q, (size_t)(k - q));
        q = k;
    }
    c->depth--;
    return q;
}
