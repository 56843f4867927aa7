#include "script/state.h"
#include "core/limits.h"
#include "core/strutil.h"
#include <lauxlib.h>
#include <lua.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct enc {
    lua_State *L;
    char *err;
    int depth;
    char path[256];
} enc;

static void put_u32(orl_buf *b, uint32_t v)
{
    unsigned char x[4] = {(unsigned char)(v >> 24), (unsigned char)(v >> 16), (unsigned char)(v >> 8), (unsigned char)v};
    orl_buf_put(b, x, 4);
}

static void put_u64(orl_buf *b, uint64_t v)
{
    unsigned char x[8];
    for (int i = 0; i < 8; i++) x[i] = (unsigned char)(v >> (56 - 8 * i));
    orl_buf_put(b, x, 8);
}

static int enc_value(enc *e, int idx, orl_buf *out);

static int enc_scalar(enc *e, int idx, orl_buf *out, int is_key)
{
    lua_State *L = e->L;
    switch (lua_type(L, idx)) {
    case LUA_TBOOLEAN:
        if (is_key) break;
        orl_buf_put(out, lua_toboolean(L, idx) ? "B" : "b", 1);
        return 0;
    case LUA_TNUMBER:
        if (lua_isinteger(L, idx)) {
            orl_buf_put(out, "I", 1);
            put_u64(out, (uint64_t)lua_tointeger(L, idx));
        } else {
            double d = lua_tonumber(L, idx);
            /* NaN is not equal to itself: saved, it could never be restored or compared (the
             * kiosk's Back did nothing, walk said "out of memory"). Infinities round-trip. */
            if (d != d) return -2;
            if (d == 0) d = 0; /* -0.0 and 0.0 are one state */
            uint64_t u;
            memcpy(&u, &d, 8);
            orl_buf_put(out, "F", 1);
            put_u64(out, u);
        }
        return 0;
    case LUA_TSTRING: {
        size_t n;
        const char *s = lua_tolstring(L, idx, &n);
        orl_buf_put(out, "S", 1);
        put_u32(out, (uint32_t)n);
        orl_buf_put(out, s, n);
        return 0;
    }
    default:
        break;
    }
    return -1;
}

typedef struct kv { char *k; size_t kn; char *v; size_t vn; } kv;

static int cmp_kv(const void *a, const void *b)
{
    const kv *x = a, *y = b;
    size_t n = x->kn < y->kn ? x->kn : y->kn;
    int c = memcmp(x->k, y->k, n);
    if (c) return c;
    return x->kn < y->kn ? -1 : x->kn > y->kn;
}

static void set_err(enc *e, const char *what)
{
    if (!e->err) e->err = orl_format("%s %s; the story state may only hold true/false, numbers, text and tables of them", e->path, what);
}

static int enc_table(enc *e, int idx, orl_buf *out)
{
    lua_State *L = e->L;
    idx = lua_absindex(L, idx);
    if (++e->depth > ORL_STATE_MAX_DEPTH) {
        set_err(e, "is nested too deeply (or a table contains itself)");
        return -1;
    }
    if (!lua_checkstack(L, 4)) { set_err(e, "is too deep"); return -1; }
    kv *items = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        if (n == cap) {
            cap = cap ? cap * 2 : 8;
            kv *ni = realloc(items, cap * sizeof *ni);
            if (!ni) { set_err(e, "is too big to copy (out of memory)"); rc = -1; lua_pop(L, 2); break; }
            items = ni;
        }
        orl_buf kb = {0}, vb = {0};
        size_t plen = strlen(e->path);
        if (lua_type(L, -2) == LUA_TSTRING) {
            size_t kl;
            const char *ks = lua_tolstring(L, -2, &kl);
            snprintf(e->path + plen, sizeof e->path - plen, ".%.*s", (int)(kl > 40 ? 40 : kl), ks);
        } else if (lua_type(L, -2) == LUA_TNUMBER) {
            /* formatted in C: lua_tostring would allocate outside any protected call, and at
             * the memory cap that is Lua's panic (abort) */
            if (lua_isinteger(L, -2))
                snprintf(e->path + plen, sizeof e->path - plen, "[%lld]", (long long)lua_tointeger(L, -2));
            else
                snprintf(e->path + plen, sizeof e->path - plen, "[%.14g]", (double)lua_tonumber(L, -2));
        }
        if (enc_scalar(e, -2, &kb, 1) != 0) {
            e->path[plen] = 0;
            set_err(e, "has a key that is not text or a number");
            rc = -1;
        } else if (enc_value(e, -1, &vb) != 0) {
            rc = -1;
        }
        e->path[plen] = 0;
        if (kb.oom || vb.oom) { set_err(e, "is too big to copy (out of memory)"); rc = -1; }
        if (rc) { orl_buf_free(&kb); orl_buf_free(&vb); lua_pop(L, 2); break; }
        items[n++] = (kv){kb.data, kb.len, vb.data, vb.len};
        lua_pop(L, 1);
    }
    if (rc == 0) {
        if (n > 1) qsort(items, n, sizeof *items, cmp_kv);
        orl_buf_put(out, "T", 1);
        put_u32(out, (uint32_t)n);
        for (size_t i = 0; i < n; i++) {
            orl_buf_put(out, items[i].k, items[i].kn);
            orl_buf_put(out, items[i].v, items[i].vn);
        }
        if (out->len > ORL_STATE_MAX_BYTES) { set_err(e, "is too big (over 1 MB)"); rc = -1; }
    }
    for (size_t i = 0; i < n; i++) { free(items[i].k); free(items[i].v); }
    free(items);
    e->depth--;
    return rc;
}

static int enc_value(enc *e, int idx, orl_buf *out)
{
    int t = lua_type(e->L, idx);
    if (t == LUA_TTABLE) return enc_table(e, idx, out);
    int rc = enc_scalar(e, idx, out, 0);
    if (rc == 0) return 0;
    if (rc == -2) {
        if (!e->err)
            e->err = orl_format("%s is not a number (NaN: what 0/0 or math.huge - math.huge give); the story "
                                "state cannot keep it: check the sum that makes it", e->path);
        return -1;
    }
    char what[64];
    snprintf(what, sizeof what, "holds %s", t == LUA_TFUNCTION ? "a function" : lua_typename(e->L, t));
    set_err(e, what);
    return -1;
}

int orl_state_encode(lua_State *L, int idx, orl_buf *out, char **err)
{
    enc e = {0};
    e.L = L;
    snprintf(e.path, sizeof e.path, "s");
    *err = NULL;
    int rc = enc_table(&e, idx, out);
    if (rc == 0 && out->oom) { set_err(&e, "is too big to copy (out of memory)"); rc = -1; }
    /* every failure sets e.err: none means its words could not be allocated either */
    if (rc) *err = e.err ? e.err : orl_strdup("out of memory while copying the story state");
    else free(e.err);
    return rc;
}

/* ---- decode ---- */

typedef struct dec { const unsigned char *p, *end; int depth; } dec;

static int get_u32(dec *d, uint32_t *v)
{
    if (d->end - d->p < 4) return -1;
    *v = (uint32_t)d->p[0] << 24 | (uint32_t)d->p[1] << 16 | (uint32_t)d->p[2] << 8 | d->p[3];
    d->p += 4;
    return 0;
}

static int get_u64(dec *d, uint64_t *v)
{
    if (d->end - d->p < 8) return -1;
    *v = 0;
    for (int i = 0; i < 8; i++) *v = *v << 8 | d->p[i];
    d->p += 8;
    return 0;
}

static int dec_value(lua_State *L, dec *d)
{
    if (d->p >= d->end || !lua_checkstack(L, 3)) return -1;
    unsigned char tag = *d->p++;
    uint64_t u;
    uint32_t n;
    switch (tag) {
    case 'b': lua_pushboolean(L, 0); return 0;
    case 'B': lua_pushboolean(L, 1); return 0;
    case 'I': if (get_u64(d, &u)) return -1; lua_pushinteger(L, (lua_Integer)u); return 0;
    case 'F': {
        if (get_u64(d, &u)) return -1;
        double x;
        memcpy(&x, &u, 8);
        if (x != x) return -1;
        lua_pushnumber(L, x);
        return 0;
    }
    case 'S':
        if (get_u32(d, &n) || (size_t)(d->end - d->p) < n) return -1;
        lua_pushlstring(L, (const char *)d->p, n);
        d->p += n;
        return 0;
    case 'T':
        if (get_u32(d, &n) || ++d->depth > ORL_STATE_MAX_DEPTH || n > (size_t)(d->end - d->p)) return -1;
        lua_createtable(L, 0, (int)(n < 64 ? n : 64));
        for (uint32_t i = 0; i < n; i++) {
            if (dec_value(L, d)) { lua_pop(L, 1); return -1; }
            if (lua_type(L, -1) != LUA_TSTRING && lua_type(L, -1) != LUA_TNUMBER) { lua_pop(L, 2); return -1; }
            if (dec_value(L, d)) { lua_pop(L, 2); return -1; }
            lua_rawset(L, -3);
        }
        d->depth--;
        return 0;
    default:
        return -1;
    }
}

typedef struct dec_job { dec d; int ok; } dec_job;

static int dec_protected(lua_State *L)
{
    dec_job *j = lua_touserdata(L, 1);
    lua_pop(L, 1);
    j->ok = dec_value(L, &j->d) == 0 && j->d.p == j->d.end;
    return j->ok ? 1 : 0;
}

int orl_state_decode(lua_State *L, const char *p, size_t n, char **err)
{
    *err = NULL;
    int top = lua_gettop(L);
    if (n > ORL_STATE_MAX_BYTES || n == 0 || p[0] != 'T' || !lua_checkstack(L, 3)) {
        *err = orl_strdup("the saved story state is damaged");
        return -1;
    }
    /* The tables are made in a protected call: out of memory (a story near its memory cap)
     * is then an error here, not Lua's panic. Neither push allocates. */
    dec_job j = {{(const unsigned char *)p, (const unsigned char *)p + n, 0}, 0};
    lua_pushcfunction(L, dec_protected);
    lua_pushlightuserdata(L, &j);
    int rc = lua_pcall(L, 1, 1, 0);
    if (rc != LUA_OK || !j.ok) {
        lua_settop(L, top);
        *err = orl_strdup(rc == LUA_ERRMEM ? "not enough memory to restore the story state"
                                           : "the saved story state is damaged");
        return -1;
    }
    return 0;
}

/* ---- describe ---- */

static int desc_value(dec *d, orl_buf *out, int as_key)
{
    if (d->p >= d->end || d->depth > ORL_STATE_MAX_DEPTH) return -1;
    unsigned char tag = *d->p++;
    uint64_t u;
    uint32_t n;
    switch (tag) {
    case 'b': orl_buf_puts(out, "false"); return 0;
    case 'B': orl_buf_puts(out, "true"); return 0;
    case 'I':
        if (get_u64(d, &u)) return -1;
        orl_buf_printf(out, as_key ? "[%lld]" : "%lld", (long long)(int64_t)u);
        return 0;
    case 'F': {
        if (get_u64(d, &u)) return -1;
        double x;
        memcpy(&x, &u, 8);
        orl_buf_printf(out, as_key ? "[%g]" : "%g", x);
        return 0;
    }
    case 'S':
        if (get_u32(d, &n) || (size_t)(d->end - d->p) < n) return -1;
        if (as_key) orl_buf_put(out, d->p, n);
        else { orl_buf_puts(out, "\""); orl_buf_put(out, d->p, n > 60 ? 60 : n); orl_buf_puts(out, n > 60 ? "...\"" : "\""); }
        d->p += n;
        return 0;
    case 'T':
        if (get_u32(d, &n)) return -1;
        d->depth++;
        orl_buf_puts(out, "{");
        for (uint32_t i = 0; i < n; i++) {
            if (i) orl_buf_puts(out, ", ");
            if (desc_value(d, out, 1)) return -1;
            orl_buf_puts(out, "=");
            if (desc_value(d, out, 0)) return -1;
        }
        orl_buf_puts(out, "}");
        d->depth--;
        return 0;
    default:
        return -1;
    }
}

void orl_state_describe(const char *p, size_t n, orl_buf *out)
{
    dec d = {(const unsigned char *)p, (const unsigned char *)p + n, 0};
    if (desc_value(&d, out, 0) != 0) orl_buf_puts(out, "(unreadable)");
}
