#include "story/run.h"
#include "story/explain.h"
#include "story/locale.h"
#include "script/state.h"
#include "core/utf8.h"
#include <lauxlib.h>
#include <lua.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct orl_run {
    orl_story *st;
    lua_State *L;
    int state_ref;
    int scene;
    long calls;
};

static int new_state_protected(lua_State *L)
{
    orl_run *r = lua_touserdata(L, 1);
    lua_newtable(L);
    if (r->state_ref == LUA_NOREF) r->state_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    else lua_rawseti(L, LUA_REGISTRYINDEX, r->state_ref);
    return 0;
}

/* A new empty state. In a protected call: a table and a registry slot are allocations, and
 * an allocation that fails outside one is Lua's panic (abort). 0, or -1 when out of memory. */
static int new_state(orl_run *r)
{
    lua_pushcfunction(r->L, new_state_protected);
    lua_pushlightuserdata(r->L, r);
    if (lua_pcall(r->L, 1, 0, 0) == LUA_OK) return 0;
    lua_pop(r->L, 1);
    return -1;
}

orl_run *orl_run_new(orl_story *st)
{
    orl_run *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    r->st = st;
    r->L = orl_script_lua(st->script);
    r->state_ref = LUA_NOREF;
    r->scene = -1;
    if (!lua_checkstack(r->L, 8) || new_state(r) != 0) {
        free(r);
        return NULL;
    }
    return r;
}

void orl_run_free(orl_run *r)
{
    if (!r) return;
    luaL_unref(r->L, LUA_REGISTRYINDEX, r->state_ref);
    free(r);
}

int orl_run_reset(orl_run *r)
{
    r->scene = -1;
    return new_state(r);
}

int orl_run_scene(const orl_run *r) { return r->scene; }
long orl_run_calls(const orl_run *r) { return r->calls; }

static void report(orl_run *r, orl_diags *d, orl_script_error *e, orl_loc where, const char *what)
{
    const orl_scene *s = r->scene >= 0 ? &r->st->scenes[r->scene] : NULL;
    const char *hint = orl_diag_words(d, "@hint", orl_script_errkind_hint(e->kind));
    char words[1200];
    /* attempt to perform arithmetic on a nil value (field 'dias'): what was never set, and how
     * to give it a start value, in the author's words (story/explain.h) */
    const char *msg = e->kind == ORL_SCRIPT_ERR_RUNTIME ? orl_explain_runtime(d, e->msg, words, sizeof words) : e->msg;
    orl_diag_add(d, ORL_ERROR, e->file ? e->file : where.file, e->file ? e->line : where.line, 0,
                 e->kind == ORL_SCRIPT_ERR_RUNTIME ? "script" : "script-limit",
                 "scene \"%s\", %s: %s%s%s", s ? s->id : "?", what, msg ? msg : "error",
                 *hint ? "; " : "", hint);
}

/* Calls function ref with s; leaves nres results on the stack on success. */
static int call_fn(orl_run *r, int ref, int nres, orl_diags *d, orl_loc where, const char *what)
{
    lua_State *L = r->L;
    r->calls++;
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
    lua_rawgeti(L, LUA_REGISTRYINDEX, r->state_ref);
    orl_script_error e = {0};
    if (orl_script_pcall(r->st->script, 1, nres, 0, 0, &e) != 0) {
        report(r, d, &e, where, what);
        orl_script_error_free(&e);
        return -1;
    }
    return 0;
}

int orl_run_enter(orl_run *r, int scene, orl_diags *d)
{
    if (scene < 0 || scene >= r->st->nscenes) {
        orl_diag_add(d, ORL_ERROR, NULL, 0, 0, "no-scene", "there is no scene to go to");
        return -1;
    }
    r->scene = scene;
    orl_scene *s = &r->st->scenes[scene];
    if (s->on_enter_fn == ORL_NOFN) return 0;
    return call_fn(r, s->on_enter_fn, 0, d, s->loc, "on_enter");
}

int orl_run_start(orl_run *r, orl_diags *d)
{
    if (r->st->start_idx < 0) {
        orl_diag_add(d, ORL_ERROR, r->st->loc.file, r->st->loc.line, 0, "no-start",
                     "the story has no start scene; add start = \"scene-name\" to story { ... }");
        return -1;
    }
    return orl_run_enter(r, r->st->start_idx, d);
}

int orl_run_visible(orl_run *r, int *out, int max, orl_diags *d)
{
    if (r->scene < 0) return 0;
    orl_scene *s = &r->st->scenes[r->scene];
    int n = 0;
    for (int i = 0; i < s->nchoices; i++) {
        orl_choice *c = &s->choices[i];
        if (c->target < 0) continue;
        if (c->when_fn != ORL_NOFN) {
            char what[32];
            snprintf(what, sizeof what, "choice %d, when", i + 1);
            if (call_fn(r, c->when_fn, 1, d, c->loc, what) != 0) return -1;
            int ok = lua_toboolean(r->L, -1);
            lua_pop(r->L, 1);
            if (!ok) continue;
        }
        if (n < max) out[n] = i;
        n++;
    }
    return n < max ? n : max;
}

int orl_run_choose(orl_run *r, int choice, orl_diags *d)
{
    if (r->scene < 0) return -1;
    orl_scene *s = &r->st->scenes[r->scene];
    if (choice < 0 || choice >= s->nchoices || s->choices[choice].target < 0) return -1;
    return orl_run_enter(r, s->choices[choice].target, d);
}

static char *text_of(orl_run *r, const char *str, int fn, orl_diags *d, orl_loc where, const char *what)
{
    if (fn == ORL_NOFN) return orl_strdup(str ? str : "");
    if (call_fn(r, fn, 1, d, where, what) != 0) return orl_strdup("");
    char *out;
    if (lua_type(r->L, -1) == LUA_TSTRING) {
        size_t n;
        const char *s = lua_tolstring(r->L, -1, &n);
        out = orl_utf8_sanitize(s, n);
    } else if (lua_type(r->L, -1) == LUA_TNUMBER) {
        /* written here as Lua's tostring would: lua_tolstring would make a Lua string outside
         * any protected call, and a story that left its heap at the memory cap would turn
         * that allocation into Lua's panic (abort) */
        char num[64];
        if (lua_isinteger(r->L, -1)) {
            snprintf(num, sizeof num, "%lld", (long long)lua_tointeger(r->L, -1));
        } else {
            snprintf(num, sizeof num, "%.14g", (double)lua_tonumber(r->L, -1));
            if (num[strspn(num, "-0123456789")] == 0) strcat(num, ".0"); /* 3.0, not 3 */
        }
        out = orl_strdup(num);
    } else {
        const orl_scene *sc = &r->st->scenes[r->scene];
        orl_diag_add(d, ORL_ERROR, where.file, where.line, 0, "wrong-type",
                     "scene \"%s\", %s: the function should return text, but it returned %s", sc->id, what,
                     luaL_typename(r->L, -1));
        out = orl_strdup("");
    }
    lua_pop(r->L, 1);
    /* a text a function returns is translated when it is shown (story/locale.h) */
    return orl_locale_runtime(r->st, r->scene >= 0 ? r->st->scenes[r->scene].id : NULL, out);
}

char *orl_run_scene_text(orl_run *r, orl_diags *d)
{
    if (r->scene < 0) return orl_strdup("");
    orl_scene *s = &r->st->scenes[r->scene];
    return text_of(r, s->text, s->text_fn, d, s->loc, "text");
}

char *orl_run_choice_text(orl_run *r, int choice, orl_diags *d)
{
    if (r->scene < 0) return orl_strdup("");
    orl_scene *s = &r->st->scenes[r->scene];
    if (choice < 0 || choice >= s->nchoices) return orl_strdup("");
    orl_choice *c = &s->choices[choice];
    return text_of(r, c->text, c->text_fn, d, c->loc, "choice text");
}

int orl_run_state_save(orl_run *r, orl_buf *out, orl_diags *d)
{
    lua_rawgeti(r->L, LUA_REGISTRYINDEX, r->state_ref);
    char *err = NULL;
    int rc = orl_state_encode(r->L, -1, out, &err);
    lua_pop(r->L, 1);
    if (rc != 0) {
        const orl_scene *s = r->scene >= 0 ? &r->st->scenes[r->scene] : NULL;
        orl_loc at = s ? s->loc : (orl_loc){NULL, 0};
        if (s && s->on_enter_fn != ORL_NOFN) {
            /* what the scene's on_enter left: its line, nearer the mistake than the scene's */
            lua_Debug ar;
            lua_rawgeti(r->L, LUA_REGISTRYINDEX, s->on_enter_fn);
            if (lua_getinfo(r->L, ">S", &ar) && ar.linedefined > 0 && ar.source[0] == '@' &&
                s->loc.file && strcmp(ar.source + 1, s->loc.file) == 0)
                at.line = ar.linedefined;
        }
        orl_diag_add(d, ORL_ERROR, at.file, at.line, 0, "bad-state",
                     "after scene \"%s\": %s", s ? s->id : "?", err ? err : "out of memory");
        free(err);
    }
    return rc;
}

int orl_run_state_load(orl_run *r, const char *p, size_t n)
{
    char *err = NULL;
    if (orl_state_decode(r->L, p, n, &err) != 0) {
        free(err);
        return -1;
    }
    lua_rawseti(r->L, LUA_REGISTRYINDEX, r->state_ref);
    return 0;
}

int orl_run_restore(orl_run *r, int scene, const char *p, size_t n)
{
    if (scene < 0 || scene >= r->st->nscenes) return -1;
    if (orl_run_state_load(r, p, n) != 0) return -1;
    r->scene = scene;
    return 0;
}
