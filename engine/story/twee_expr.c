/* Twine expressions into Lua (twee_internal.h). A small recursive-descent parser of our own:
 * every name it writes is checked, every string re-escaped, so nothing a Twine file holds
 * reaches story.lua as code. What it does not know it refuses, with a reason. */
#include "story/twee_internal.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The helpers the converted code calls, written once at the top of story.lua. Twine's values
 * are JavaScript's: 0 and "" count as false, + joins text, a missing variable is 0 or "". */
const char tw_lua_helpers[] =
    "-- What Twine's code did, in Lua (written by orilla import twee; keep it while the scenes use T.)\n"
    "local T = {}\n"
    "function T.tr(v) return v ~= nil and v ~= false and v ~= 0 and v ~= \"\" end\n"
    "function T.n(v) if type(v) == \"number\" then return v end return tonumber(v) or 0 end\n"
    "function T.int(v) v = T.n(v) if v >= 0 then return math.floor(v) end return math.ceil(v) end\n"
    "function T.str(v)\n"
    "  if v == nil then return \"\" end\n"
    "  if math.type(v) == \"float\" and v == math.floor(v) and v > -1e15 and v < 1e15 then return string.format(\"%d\", v) end\n"
    "  if type(v) == \"table\" then local r = {} for i, x in ipairs(v) do r[i] = T.str(x) end return table.concat(r, \", \") end\n"
    "  return tostring(v)\n"
    "end\n"
    "function T.add(a, b)\n"
    "  if type(a) == \"string\" or type(b) == \"string\" then return T.str(a) .. T.str(b) end\n"
    "  if type(a) == \"table\" and type(b) == \"table\" then\n"
    "    local r = {} for _, x in ipairs(a) do r[#r + 1] = x end for _, x in ipairs(b) do r[#r + 1] = x end return r\n"
    "  end\n"
    "  return T.n(a) + T.n(b)\n"
    "end\n"
    "function T.eq(a, b) if type(a) == \"number\" and type(b) == \"string\" then return a == tonumber(b) end\n"
    "  if type(b) == \"number\" and type(a) == \"string\" then return b == tonumber(a) end return a == b end\n"
    "function T.lt(a, b) if type(a) ~= type(b) or (type(a) ~= \"number\" and type(a) ~= \"string\") then return false end return a < b end\n"
    "function T.le(a, b) if type(a) ~= type(b) or (type(a) ~= \"number\" and type(a) ~= \"string\") then return false end return a <= b end\n"
    "function T.has(a, b)\n"
    "  if type(a) == \"string\" then return type(b) == \"string\" and string.find(a, b, 1, true) ~= nil end\n"
    "  if type(a) == \"table\" then for _, x in ipairs(a) do if x == b then return true end end end\n"
    "  return false\n"
    "end\n"
    "function T.len(v) if type(v) == \"string\" or type(v) == \"table\" then return #v end return 0 end\n"
    "function T.random(a, b) a, b = T.int(a), T.int(b) if a > b then a, b = b, a end return math.random(a, b) end\n"
    "function T.either(list) if #list == 0 then return nil end return list[math.random(#list)] end\n"
    "function T.visits(s, name) local v = s.twine_visits return v and v[name] or 0 end\n"
    "function T.visit(s, name) s.twine_visits = s.twine_visits or {} s.twine_visits[name] = T.visits(s, name) + 1 end\n"
    "-- the text's lines trimmed, at most one empty line between paragraphs\n"
    "function T.join(t)\n"
    "  local x, out, gap, i = table.concat(t), {}, false, 1\n"
    "  while i <= #x do\n"
    "    local j = string.find(x, \"\\n\", i, true) or #x + 1\n"
    "    local a, b = i, j - 1\n"
    "    while a <= b and string.find(\" \\t\", string.sub(x, a, a), 1, true) do a = a + 1 end\n"
    "    while b >= a and string.find(\" \\t\", string.sub(x, b, b), 1, true) do b = b - 1 end\n"
    "    if a > b then gap = #out > 0\n"
    "    else\n"
    "      if #out > 0 then out[#out + 1] = gap and \"\\n\\n\" or \"\\n\" end\n"
    "      out[#out + 1] = string.sub(x, a, b)\n"
    "      gap = false\n"
    "    end\n"
    "    i = j + 1\n"
    "  end\n"
    "  return table.concat(out)\n"
    "end\n";

typedef enum { K_END, K_NUM, K_STR, K_VAR, K_TEMP, K_WORD, K_OP, K_LP, K_RP, K_LB, K_RB, K_COMMA, K_MACRO, K_BAD } kind;

typedef struct tok { kind k; const char *s; size_t n; } tok;

typedef struct px {
    tw_xctx *x;
    const char *p, *e;
    tok t;
    int depth;
    const char *why;
    char whybuf[96];
    char *last_left;   /* Harlowe's elided comparisons: "$a > 2 and < 5" */
} px;

typedef struct val { char *lua; int boolean; int history; } val;

#define MAX_DEPTH 40

static int is_word_char(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80; }

static void next(px *q)
{
    const char *p = q->p, *e = q->e;
    while (p < e && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) p++;
    q->t.s = p;
    q->t.n = 0;
    if (p >= e) { q->t.k = K_END; q->p = p; return; }
    unsigned char c = (unsigned char)*p;
    const char *s = p;
    if (c >= '0' && c <= '9') {
        while (p < e && *p >= '0' && *p <= '9') p++;
        if (p + 1 < e && *p == '.' && p[1] >= '0' && p[1] <= '9') { p++; while (p < e && *p >= '0' && *p <= '9') p++; }
        q->t.k = (p < e && is_word_char((unsigned char)*p)) ? K_BAD : K_NUM; /* 2s, 1e3: not ours */
    } else if (c == '\'' && q->x->f == TW_HARLOWE && p + 1 < e && p[1] == 's' && (p + 2 >= e || !is_word_char((unsigned char)p[2]))) {
        p += 2; /* Harlowe's possessive: $list's length */
        q->t.k = K_OP;
    } else if (c == '"' || c == '\'' || c == '`') {
        p++;
        while (p < e && *p != (char)c) { if (*p == '\\' && p + 1 < e) p++; p++; }
        if (p >= e) { q->t.k = K_BAD; q->p = e; q->t.n = (size_t)(e - s); return; }
        p++;
        q->t.k = K_STR;
    } else if ((c == '$' || c == '_') && p + 1 < e && is_word_char((unsigned char)p[1]) && !(p[1] >= '0' && p[1] <= '9')) {
        p++;
        while (p < e && is_word_char((unsigned char)*p)) p++;
        q->t.k = c == '$' ? K_VAR : K_TEMP;
        if (c == '_' && q->x->f == TW_CHAPBOOK) q->t.k = K_WORD;
    } else if (c == 's' && q->x->f == TW_SNOWMAN && p + 2 < e && p[1] == '.' && is_word_char((unsigned char)p[2]) &&
               !(p[2] >= '0' && p[2] <= '9')) {
        /* Snowman's story state: s.name */
        p += 2;
        while (p < e && is_word_char((unsigned char)*p)) p++;
        q->t.k = K_VAR;
        q->t.s = s + 1; /* ".name": the name after one character, as "$name" */
        q->t.n = (size_t)(p - s - 1);
        q->p = p;
        return;
    } else if (is_word_char(c)) {
        while (p < e && is_word_char((unsigned char)*p)) p++;
        q->t.k = K_WORD;
    } else if (c == '(') {
        /* a Harlowe macro call "(name:" */
        const char *r = p + 1;
        while (r < e && (*r == ' ' || *r == '\t')) r++;
        const char *w = r;
        while (r < e && (is_word_char((unsigned char)*r) || *r == '-')) r++;
        if (q->x->f == TW_HARLOWE && r > w && r < e && *r == ':') {
            q->t.k = K_MACRO;
            q->t.s = w;
            q->t.n = (size_t)(r - w);
            q->p = r + 1;
            return;
        }
        p++;
        q->t.k = K_LP;
    } else if (c == ')') { p++; q->t.k = K_RP; }
    else if (c == '[') { p++; q->t.k = K_LB; }
    else if (c == ']') { p++; q->t.k = K_RB; }
    else if (c == ',') { p++; q->t.k = K_COMMA; }
    else {
        static const char *const ops[] = {"===", "!==", "==", "!=", "<=", ">=", "&&", "||", "+=", "-=", "*=", "/=", "%=",
                                          "++", "--", "'s", "...", "<", ">", "+", "-", "*", "/", "%", "!", "=", ".", ";", ":", "?"};
        q->t.k = K_BAD;
        for (size_t i = 0; i < sizeof ops / sizeof *ops; i++) {
            size_t n = strlen(ops[i]);
            if ((size_t)(e - p) >= n && memcmp(p, ops[i], n) == 0) { p += n; q->t.k = K_OP; break; }
        }
        if (q->t.k == K_BAD) p++;
    }
    q->t.n = (size_t)(p - s);
    q->p = p;
}

static int is(const px *q, kind k, const char *w)
{
    if (q->t.k != k) return 0;
    if (!w) return 1;
    size_t n = strlen(w);
    return q->t.n == n && memcmp(q->t.s, w, n) == 0;
}

static void fail(px *q, const char *why)
{
    if (!q->why) q->why = why;
}

static void fail_tok(px *q, const char *what)
{
    if (q->why) return;
    int n = (int)(q->t.n > 24 ? 24 : q->t.n);
    /* only printable ASCII of the input goes into a message */
    char w[32];
    int k = 0;
    for (int i = 0; i < n; i++) {
        unsigned char c = (unsigned char)q->t.s[i];
        w[k++] = c >= 0x20 && c < 0x7f ? (char)c : '?';
    }
    w[k] = 0;
    snprintf(q->whybuf, sizeof q->whybuf, "%s '%s'", what, w);
    q->why = q->whybuf;
}

static val mk(char *lua, int boolean) { val v = {lua, boolean, 0}; return v; }
static void vfree(val *v) { free(v->lua); v->lua = NULL; }

static int lua_keyword(const char *s, size_t n)
{
    static const char *const kw[] = {"and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if",
                                     "in", "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while"};
    for (size_t i = 0; i < sizeof kw / sizeof *kw; i++)
        if (strlen(kw[i]) == n && memcmp(kw[i], s, n) == 0) return 1;
    return 0;
}

void tw_var_place(const char *name, size_t n, int temp, orl_buf *out)
{
    int ident = n > 0 && !(name[0] >= '0' && name[0] <= '9');
    for (size_t i = 0; i < n && ident; i++) {
        unsigned char c = (unsigned char)name[i];
        ident = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
    if (temp) {
        /* a temporary variable lives in s too (a scene's text reads what its on_enter set), as _name */
        orl_buf_puts(out, "s[");
        orl_buf b = {0};
        orl_buf_puts(&b, "_");
        orl_buf_put(&b, name, n);
        tw_lua_strn(out, b.data ? b.data : "_", b.len);
        orl_buf_free(&b);
        orl_buf_puts(out, "]");
        return;
    }
    if (ident && !lua_keyword(name, n)) {
        orl_buf_puts(out, "s.");
        orl_buf_put(out, name, n);
    } else {
        orl_buf_puts(out, "s[");
        tw_lua_strn(out, name, n);
        orl_buf_puts(out, "]");
    }
}

static char *place_of(const tok *t, tw_format f)
{
    orl_buf b = {0};
    if (t->k == K_VAR) tw_var_place(t->s + 1, t->n - 1, 0, &b);
    else if (t->k == K_TEMP) tw_var_place(t->s + 1, t->n - 1, 1, &b);
    else if (t->k == K_WORD && f == TW_CHAPBOOK) tw_var_place(t->s, t->n, 0, &b);
    else return NULL;
    orl_buf_put(&b, "", 1);
    if (b.oom) { orl_buf_free(&b); return NULL; }
    return b.data;
}

static char *fmt2(const char *a, const char *x, const char *b, const char *y, const char *c)
{
    return orl_format("%s%s%s%s%s", a, x, b, y ? y : "", c);
}

/* a condition's Lua: booleans as they are, other values through T.tr */
static char *as_cond(val v)
{
    if (v.boolean) return v.lua;
    char *r = orl_format("T.tr(%s)", v.lua);
    free(v.lua);
    return r;
}

static val expr(px *q);

/* arguments of a call, up to ')' : a Lua list "a, b, c"; *count gets how many */
static char *args(px *q, int *count)
{
    orl_buf b = {0};
    *count = 0;
    while (!q->why && !is(q, K_RP, NULL)) {
        if (is(q, K_END, NULL)) { fail(q, "a ')' is missing"); break; }
        if (*count) {
            if (!is(q, K_COMMA, NULL)) { fail_tok(q, "a ',' was expected before"); break; }
            next(q);
        }
        if (is(q, K_OP, "...")) next(q); /* Harlowe's spread of an array: taken as the array */
        val v = expr(q);
        if (!v.lua) break;
        if (*count) orl_buf_puts(&b, ", ");
        orl_buf_puts(&b, v.lua);
        vfree(&v);
        (*count)++;
    }
    if (q->why) { orl_buf_free(&b); return NULL; }
    next(q); /* ')' */
    orl_buf_put(&b, "", 1);
    if (b.oom) { orl_buf_free(&b); return NULL; }
    return b.data;
}

/* the first argument when it is a plain string: a passage name */
static char *name_arg(const char *list)
{
    return list && list[0] == '"' ? orl_strdup(list) : NULL;
}

/* how many times the reader has been in the passage being converted (Harlowe's `visits`,
 * SugarCube's visited()) */
static char *visits_here(px *q)
{
    q->x->used_visits = 1;
    orl_buf b = {0};
    tw_lua_str(&b, q->x->cur ? q->x->cur : "");
    orl_buf_put(&b, "", 1);
    char *lua = b.oom ? NULL : orl_format("T.visits(s, %s)", b.data);
    orl_buf_free(&b);
    return lua;
}

static val call(px *q, const char *name, size_t n, int harlowe)
{
#define NAMED(w) (n == strlen(w) && memcmp(name, w, n) == 0)
    int count = 0;
    char *a = args(q, &count);
    if (!a) return mk(NULL, 0);
    val r = mk(NULL, 0);
    if ((NAMED("random") || NAMED("Math.random")) && count == 2) r.lua = orl_format("T.random(%s)", a);
    else if (NAMED("random") && count == 1 && !harlowe) r.lua = orl_format("T.random(0, %s)", a);
    else if (NAMED("Math.random") && count == 0) r.lua = orl_strdup("math.random()");
    else if (NAMED("either") && count >= 1) r.lua = orl_format("T.either({%s})", a);
    else if ((NAMED("a") || NAMED("array")) && harlowe) r.lua = orl_format("{%s}", a);
    else if ((NAMED("num") || NAMED("number") || NAMED("Number") || NAMED("parseFloat")) && count == 1) r.lua = orl_format("T.n(%s)", a);
    else if ((NAMED("parseInt") || NAMED("Math.trunc")) && count == 1) r.lua = orl_format("T.int(%s)", a);
    else if ((NAMED("str") || NAMED("string") || NAMED("text") || NAMED("String")) && count == 1) r.lua = orl_format("T.str(%s)", a);
    else if ((NAMED("floor") || NAMED("Math.floor")) && count == 1) r.lua = orl_format("math.floor(T.n(%s))", a);
    else if ((NAMED("ceil") || NAMED("Math.ceil")) && count == 1) r.lua = orl_format("math.ceil(T.n(%s))", a);
    else if ((NAMED("round") || NAMED("Math.round")) && count == 1) r.lua = orl_format("math.floor(T.n(%s) + 0.5)", a);
    else if ((NAMED("abs") || NAMED("Math.abs")) && count == 1) r.lua = orl_format("math.abs(T.n(%s))", a);
    else if ((NAMED("min") || NAMED("Math.min")) && count >= 1) r.lua = orl_format("math.min(%s)", a);
    else if ((NAMED("max") || NAMED("Math.max")) && count >= 1) r.lua = orl_format("math.max(%s)", a);
    else if (NAMED("visited") && count == 0 && !harlowe) {
        r.lua = visits_here(q);
    } else if (NAMED("visited") && count == 1) {
        char *nm = name_arg(a);
        if (nm) {
            q->x->used_visits = 1;
            r.lua = orl_format(harlowe ? "(T.visits(s, %s) > 0)" : "T.visits(s, %s)", nm);
            r.boolean = harlowe;
        } else {
            fail(q, "visited() of something other than a passage name");
        }
        free(nm);
    } else if (NAMED("history") && harlowe && count == 0) {
        r.lua = orl_strdup("history");
        r.history = 1;
    } else {
        q->t.s = name; /* name it in the reason */
        q->t.n = n;
        fail_tok(q, harlowe ? "the macro" : "the function");
    }
    free(a);
    return r;
#undef NAMED
}

static val primary(px *q)
{
    if (++q->depth > MAX_DEPTH) { fail(q, "nested too deeply"); return mk(NULL, 0); }
    val r = mk(NULL, 0);
    tok t = q->t;
    if (t.k == K_NUM) {
        r.lua = orl_strndup(t.s, t.n);
        next(q);
    } else if (t.k == K_STR) {
        /* a string literal, its escapes read and written again as Lua's */
        orl_buf raw = {0};
        for (size_t i = 1; i + 1 < t.n; i++) {
            char c = t.s[i];
            if (c == '\\' && i + 2 < t.n) {
                c = t.s[++i];
                if (c == 'n') c = '\n';
                else if (c == 't') c = '\t';
            }
            orl_buf_put(&raw, &c, 1);
        }
        orl_buf b = {0};
        tw_lua_strn(&b, raw.data ? raw.data : "", raw.len);
        orl_buf_put(&b, "", 1);
        orl_buf_free(&raw);
        r.lua = b.oom ? NULL : b.data;
        if (!r.lua) orl_buf_free(&b);
        next(q);
    } else if (t.k == K_VAR || t.k == K_TEMP) {
        r.lua = place_of(&t, q->x->f);
        next(q);
    } else if (t.k == K_MACRO) {
        next(q);
        r = call(q, t.s, t.n, 1);
    } else if (t.k == K_LP) {
        next(q);
        r = expr(q);
        if (r.lua && !is(q, K_RP, NULL)) { fail(q, "a ')' is missing"); vfree(&r); }
        else if (r.lua) { char *w = orl_format("(%s)", r.lua); free(r.lua); r.lua = w; next(q); }
    } else if (t.k == K_LB && q->x->f != TW_HARLOWE) {
        next(q);
        int count;
        /* a JavaScript array [a, b]: read like arguments up to ']' */
        orl_buf b = {0};
        count = 0;
        while (!q->why && !is(q, K_RB, NULL)) {
            if (is(q, K_END, NULL)) { fail(q, "a ']' is missing"); break; }
            if (count && !is(q, K_COMMA, NULL)) { fail_tok(q, "a ',' was expected before"); break; }
            if (count) next(q);
            val v = expr(q);
            if (!v.lua) break;
            orl_buf_puts(&b, count ? ", " : "");
            orl_buf_puts(&b, v.lua);
            vfree(&v);
            count++;
        }
        orl_buf_put(&b, "", 1);
        if (q->why || b.oom) orl_buf_free(&b);
        else { r.lua = orl_format("{%s}", b.data); orl_buf_free(&b); next(q); }
    } else if (t.k == K_WORD) {
#define W(w) (t.n == strlen(w) && memcmp(t.s, w, t.n) == 0)
        if (W("true") || W("false")) { r.lua = orl_strndup(t.s, t.n); r.boolean = 1; next(q); }
        else if (W("null") || W("undefined")) { r.lua = orl_strdup("nil"); next(q); }
        else if ((W("it") || W("its")) && q->x->f == TW_HARLOWE) {
            if (q->x->it) r.lua = orl_strdup(q->x->it);
            else fail(q, "'it' outside (set:)");
            next(q);
        } else if ((W("visits") || W("visit")) && q->x->f == TW_HARLOWE) {
            r.lua = visits_here(q);
            next(q);
        } else {
            /* a function call "name(" or "Math.name(" (SugarCube, Chapbook), or a Chapbook variable */
            const char *ns = t.s;
            size_t nn = t.n;
            next(q);
            if (W("Math") && is(q, K_OP, ".")) {
                next(q);
                if (q->t.k == K_WORD) { nn = (size_t)(q->t.s + q->t.n - ns); next(q); }
            }
            if (is(q, K_LP, NULL) && q->x->f != TW_HARLOWE) {
                next(q);
                r = call(q, ns, nn, 0);
            } else if (q->x->f == TW_CHAPBOOK && nn == t.n) {
                r.lua = place_of(&t, TW_CHAPBOOK);
            } else {
                q->t.s = ns;
                q->t.n = nn;
                fail_tok(q, "the word");
            }
        }
#undef W
    } else if (t.k == K_END) {
        fail(q, "a value is missing");
    } else {
        fail_tok(q, "the sign");
    }
    /* .length, 's length */
    while (r.lua && !q->why && ((is(q, K_OP, ".") || is(q, K_OP, "'s")))) {
        next(q);
        if (is(q, K_WORD, "length")) {
            char *w = orl_format("T.len(%s)", r.lua);
            free(r.lua);
            r.lua = w;
            next(q);
        } else {
            fail_tok(q, "the property");
        }
    }
    if (q->why) vfree(&r);
    q->depth--;
    return r;
}

static val unary(px *q)
{
    if (is(q, K_OP, "-")) {
        if (++q->depth > MAX_DEPTH) { fail(q, "nested too deeply"); return mk(NULL, 0); }
        next(q);
        val v = unary(q);
        q->depth--;
        if (!v.lua) return v;
        char *w = orl_format("(-T.n(%s))", v.lua);
        free(v.lua);
        return mk(w, 0);
    }
    return primary(q);
}

static val mul(px *q)
{
    val a = unary(q);
    while (a.lua && (is(q, K_OP, "*") || is(q, K_OP, "/") || is(q, K_OP, "%"))) {
        char op = *q->t.s;
        next(q);
        val b = unary(q);
        if (!b.lua) { vfree(&a); return b; }
        char *w = orl_format("(T.n(%s) %c T.n(%s))", a.lua, op, b.lua);
        vfree(&a); vfree(&b);
        a = mk(w, 0);
    }
    return a;
}

static val add(px *q)
{
    val a = mul(q);
    while (a.lua && (is(q, K_OP, "+") || is(q, K_OP, "-"))) {
        char op = *q->t.s;
        next(q);
        val b = mul(q);
        if (!b.lua) { vfree(&a); return b; }
        char *w = op == '+' ? orl_format("T.add(%s, %s)", a.lua, b.lua) : orl_format("(T.n(%s) - T.n(%s))", a.lua, b.lua);
        vfree(&a); vfree(&b);
        a = mk(w, 0);
    }
    return a;
}

/* a comparison sign at the token: its Lua form, reversed or not */
typedef enum { C_NONE, C_EQ, C_NE, C_LT, C_LE, C_GT, C_GE, C_HAS, C_IN, C_NOTIN, C_NOTHAS } cmpop;

static cmpop cmp_at(px *q)
{
    if (is(q, K_OP, "==") || is(q, K_OP, "===") || is(q, K_WORD, "eq")) return C_EQ;
    if (is(q, K_OP, "!=") || is(q, K_OP, "!==") || is(q, K_WORD, "neq") || is(q, K_WORD, "isnot")) return C_NE;
    if (is(q, K_OP, "<") || is(q, K_WORD, "lt")) return C_LT;
    if (is(q, K_OP, "<=") || is(q, K_WORD, "lte")) return C_LE;
    if (is(q, K_OP, ">") || is(q, K_WORD, "gt")) return C_GT;
    if (is(q, K_OP, ">=") || is(q, K_WORD, "gte")) return C_GE;
    if (is(q, K_WORD, "contains")) return C_HAS;
    return C_NONE;
}

/* reads "is", "is not", "is in", "is not in", "does not contain" and the signs */
static cmpop read_cmp(px *q)
{
    cmpop op = cmp_at(q);
    if (op != C_NONE) { next(q); return op; }
    if (is(q, K_WORD, "is")) {
        next(q);
        int neg = 0;
        if (is(q, K_WORD, "not")) { neg = 1; next(q); }
        if (is(q, K_WORD, "in")) { next(q); return neg ? C_NOTIN : C_IN; }
        cmpop inner = cmp_at(q); /* Harlowe's "is >= 6" */
        if (!neg && inner != C_NONE && inner != C_HAS) { next(q); return inner; }
        return neg ? C_NE : C_EQ;
    }
    if (is(q, K_WORD, "does")) {
        next(q);
        if (is(q, K_WORD, "not")) next(q); else { fail(q, "'does' without 'not contain'"); return C_NONE; }
        if (is(q, K_WORD, "contain")) { next(q); return C_NOTHAS; }
        fail(q, "'does not' without 'contain'");
        return C_NONE;
    }
    return C_NONE;
}

static val make_cmp(px *q, cmpop op, val a, val b)
{
    char *w = NULL;
    if (a.history && (op == C_HAS || op == C_NOTHAS)) {
        q->x->used_visits = 1;
        w = orl_format(op == C_HAS ? "(T.visits(s, %s) > 0)" : "(T.visits(s, %s) == 0)", b.lua);
    } else if (a.history || b.history) {
        fail(q, "(history:) other than \"(history:) contains\"");
    } else switch (op) {
    case C_EQ: w = fmt2("T.eq(", a.lua, ", ", b.lua, ")"); break;
    case C_NE: w = fmt2("(not T.eq(", a.lua, ", ", b.lua, "))"); break;
    case C_LT: w = fmt2("T.lt(", a.lua, ", ", b.lua, ")"); break;
    case C_LE: w = fmt2("T.le(", a.lua, ", ", b.lua, ")"); break;
    case C_GT: w = fmt2("T.lt(", b.lua, ", ", a.lua, ")"); break;
    case C_GE: w = fmt2("T.le(", b.lua, ", ", a.lua, ")"); break;
    case C_HAS: w = fmt2("T.has(", a.lua, ", ", b.lua, ")"); break;
    case C_NOTHAS: w = fmt2("(not T.has(", a.lua, ", ", b.lua, "))"); break;
    case C_IN: w = fmt2("T.has(", b.lua, ", ", a.lua, ")"); break;
    case C_NOTIN: w = fmt2("(not T.has(", b.lua, ", ", a.lua, "))"); break;
    case C_NONE: break;
    }
    return mk(w, 1);
}

static val cmp(px *q)
{
    val a = add(q);
    for (;;) {
        if (!a.lua || q->why) break;
        cmpop op = read_cmp(q);
        if (op == C_NONE) break;
        val b = add(q);
        if (!b.lua) { vfree(&a); return b; }
        char *left = orl_strdup(a.lua);
        val r = make_cmp(q, op, a, b);
        vfree(&a); vfree(&b);
        a = r;
        if (!a.lua) { free(left); break; }
        free(q->last_left);
        q->last_left = left;
    }
    return a;
}

static val not_(px *q)
{
    if (is(q, K_WORD, "not") || is(q, K_OP, "!")) {
        if (++q->depth > MAX_DEPTH) { fail(q, "nested too deeply"); return mk(NULL, 0); }
        next(q);
        val v = not_(q);
        q->depth--;
        if (!v.lua) return v;
        char *c = as_cond(v);
        char *w = orl_format("(not %s)", c);
        free(c);
        return mk(w, 1);
    }
    /* Harlowe's elided comparison: "... and < 5" compares the last left side again */
    cmpop op = q->last_left ? cmp_at(q) : C_NONE;
    if (op != C_NONE && op != C_HAS) {
        next(q);
        val b = add(q);
        if (!b.lua) return b;
        val a = mk(orl_strdup(q->last_left), 0);
        val r = make_cmp(q, op, a, b);
        vfree(&a); vfree(&b);
        return r;
    }
    return cmp(q);
}

static val and_(px *q)
{
    val a = not_(q);
    while (a.lua && (is(q, K_WORD, "and") || is(q, K_OP, "&&"))) {
        next(q);
        val b = not_(q);
        if (!b.lua) { vfree(&a); return b; }
        char *ca = as_cond(a), *cb = as_cond(b);
        a = mk(orl_format("(%s and %s)", ca, cb), 1);
        free(ca); free(cb);
    }
    return a;
}

static val expr(px *q)
{
    if (++q->depth > MAX_DEPTH) { fail(q, "nested too deeply"); return mk(NULL, 0); }
    val a = and_(q);
    while (a.lua && (is(q, K_WORD, "or") || is(q, K_OP, "||"))) {
        next(q);
        val b = and_(q);
        if (!b.lua) { vfree(&a); a = b; break; }
        char *ca = as_cond(a), *cb = as_cond(b);
        a = mk(orl_format("(%s or %s)", ca, cb), 1);
        free(ca); free(cb);
    }
    q->depth--;
    if (q->why) vfree(&a);
    return a;
}

static void start(px *q, tw_xctx *x, const char *s, size_t n)
{
    memset(q, 0, sizeof *q);
    q->x = x;
    q->p = s;
    q->e = s + n;
    next(q);
}

static int finish(px *q, val *v, orl_buf *out, char *why, size_t whyn, int as_condition)
{
    if (v->lua && !q->why && !is(q, K_END, NULL)) fail_tok(q, "the end was expected, not");
    free(q->last_left);
    q->last_left = NULL;
    if (!v->lua || q->why) {
        if (why && whyn) snprintf(why, whyn, "%s", q->why ? q->why : "out of memory");
        vfree(v);
        return -1;
    }
    if (v->history) {
        if (why && whyn) snprintf(why, whyn, "%s", "(history:) other than \"(history:) contains\"");
        vfree(v);
        return -1;
    }
    char *w = as_condition ? as_cond(*v) : v->lua;
    orl_buf_puts(out, w ? w : "nil");
    free(w);
    return 0;
}

int tw_expr(tw_xctx *x, const char *s, size_t n, orl_buf *out, char *why, size_t whyn)
{
    px q;
    start(&q, x, s, n);
    val v = expr(&q);
    return finish(&q, &v, out, why, whyn, 0);
}

int tw_cond(tw_xctx *x, const char *s, size_t n, orl_buf *out, char *why, size_t whyn)
{
    px q;
    start(&q, x, s, n);
    val v = expr(&q);
    return finish(&q, &v, out, why, whyn, 1);
}

int tw_assign(tw_xctx *x, const char *s, size_t n, int put, const char *indent, orl_buf *out, char *why, size_t whyn)
{
    px q;
    start(&q, x, s, n);
    orl_buf b = {0};
    const char *saved_it = x->it;
    int count = 0;
    while (!q.why && !is(&q, K_END, NULL)) {
        if (count && (is(&q, K_COMMA, NULL) || is(&q, K_OP, ";"))) { next(&q); if (is(&q, K_END, NULL)) break; }
        else if (count) { fail_tok(&q, "a ',' was expected before"); break; }
        count++;
        char *place = NULL;
        val v = mk(NULL, 0);
        if (put) {
            x->it = NULL;
            v = expr(&q);
            if (!v.lua) break;
            if (!is(&q, K_WORD, "into")) { vfree(&v); fail(&q, "(put:) without 'into'"); break; }
            next(&q);
            place = place_of(&q.t, x->f);
            if (!place) { vfree(&v); fail_tok(&q, "(put:) into"); break; }
            next(&q);
            orl_buf_printf(&b, "%s%s = %s\n", indent, place, v.lua);
        } else {
            int pre = 0;
            if (is(&q, K_OP, "++") || is(&q, K_OP, "--")) { pre = q.t.s[0]; next(&q); }
            place = place_of(&q.t, x->f);
            if (!place) { fail_tok(&q, x->f == TW_HARLOWE ? "(set:) of" : "setting"); break; }
            next(&q);
            if (pre || is(&q, K_OP, "++") || is(&q, K_OP, "--")) {
                char sign = pre ? (char)pre : q.t.s[0];
                if (!pre) next(&q);
                orl_buf_printf(&b, "%s%s = T.n(%s) %c 1\n", indent, place, place, sign);
                free(place);
                continue;
            }
            char op = 0;
            if (is(&q, K_WORD, "to") || is(&q, K_OP, "=") || (x->f == TW_CHAPBOOK && is(&q, K_OP, ":"))) op = '=';
            else if (is(&q, K_OP, "+=") || is(&q, K_OP, "-=") || is(&q, K_OP, "*=") || is(&q, K_OP, "/=") || is(&q, K_OP, "%="))
                op = q.t.s[0];
            if (!op) { free(place); fail_tok(&q, "'to' was expected, not"); break; }
            next(&q);
            x->it = place;
            v = expr(&q);
            x->it = saved_it;
            if (!v.lua) { free(place); break; }
            if (op == '=') orl_buf_printf(&b, "%s%s = %s\n", indent, place, v.lua);
            else if (op == '+') orl_buf_printf(&b, "%s%s = T.add(%s, %s)\n", indent, place, place, v.lua);
            else orl_buf_printf(&b, "%s%s = T.n(%s) %c T.n(%s)\n", indent, place, place, op, v.lua);
        }
        free(place);
        vfree(&v);
    }
    x->it = saved_it;
    free(q.last_left);
    if (q.why || b.oom || count == 0) {
        if (why && whyn) snprintf(why, whyn, "%s", q.why ? q.why : count ? "out of memory" : "nothing to set");
        orl_buf_free(&b);
        return -1;
    }
    orl_buf_put(out, b.data, b.len);
    orl_buf_free(&b);
    return 0;
}
