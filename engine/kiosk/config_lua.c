/* kiosk.lua -> orl_kiosk_config, in the sandbox (script/sandbox.h). See config.h. */
#include "core/limits.h"
#include "core/rfile.h"
#include "core/strutil.h"
#include "core/utf8.h"
#include "kiosk/config.h"
#include "script/sandbox.h"
#include <errno.h>
#include <lauxlib.h>
#include <lua.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct cfgload {
    const char *file;  /* as shown in messages */
    char *text;
    size_t len;
    orl_diags *d;
    int table_ref;     /* the table given to kiosk { } */
    int line;          /* where kiosk { was written */
    int calls;
} cfgload;

/* ------------------------------------------------------------------------------------- */
/* file:line of a field: the first line after `kiosk {` where `name =` is written */

static int field_line(const cfgload *cl, const char *name)
{
    if (!cl->text || cl->line < 1) return cl->line;
    size_t nl = strlen(name);
    int ln = 1;
    const char *p = cl->text, *end = cl->text + cl->len;
    while (p < end && ln < cl->line) {
        if (*p == '\n') ln++;
        p++;
    }
    for (; p < end; p++) {
        if (*p == '\n') {
            ln++;
            continue;
        }
        if ((size_t)(end - p) < nl || memcmp(p, name, nl) != 0) continue;
        if (p > cl->text) {
            char b = p[-1];
            if (b == '_' || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')) continue;
        }
        const char *q = p + nl;
        while (q < end && (*q == ' ' || *q == '\t')) q++;
        if (q < end && *q == '=' && !(q + 1 < end && q[1] == '=')) return ln;
    }
    return cl->line;
}

static void err_at(cfgload *cl, const char *field, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void err_at(cfgload *cl, const char *field, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *m = orl_vformat(fmt, ap);
    va_end(ap);
    orl_diag_add(cl->d, ORL_ERROR, cl->file, field ? field_line(cl, field) : cl->line, 0, "kiosk-config", "%s",
                 m ? m : "out of memory");
    free(m);
}

static void warn_at(cfgload *cl, const char *field, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void warn_at(cfgload *cl, const char *field, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *m = orl_vformat(fmt, ap);
    va_end(ap);
    orl_diag_add(cl->d, ORL_WARNING, cl->file, field ? field_line(cl, field) : cl->line, 0, "kiosk-config", "%s",
                 m ? m : "out of memory");
    free(m);
}

static const char *type_words(lua_State *L, int idx)
{
    switch (lua_type(L, idx)) {
    case LUA_TSTRING: return "text";
    case LUA_TNUMBER: return "a number";
    case LUA_TBOOLEAN: return "true/false";
    case LUA_TTABLE: return "a list { ... }";
    case LUA_TFUNCTION: return "a function";
    case LUA_TNIL: return "nothing";
    default: return "something a config cannot hold";
    }
}

/* ------------------------------------------------------------------------------------- */
/* kiosk { ... }: records the table and where it was written */

static int l_kiosk(lua_State *L)
{
    cfgload *cl = lua_touserdata(L, lua_upvalueindex(1));
    lua_Debug ar;
    int line = 0;
    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "l", &ar)) line = ar.currentline;
    if (lua_type(L, 1) != LUA_TTABLE)
        return luaL_error(L, "kiosk needs its settings between braces: kiosk { languages = { \"es\" }, ... }");
    if (cl->calls++) {
        orl_diag_add(cl->d, ORL_ERROR, cl->file, line, 0, "kiosk-config",
                     "kiosk { } is written a second time (the first is at line %d); keep one", cl->line);
        return 0;
    }
    cl->line = line;
    lua_pushvalue(L, 1);
    cl->table_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}

/* ------------------------------------------------------------------------------------- */
/* fields: read raw (a metatable's __index would run Lua code outside the sandbox's budget) */

static int rawfield(lua_State *L, int t, const char *field)
{
    lua_pushstring(L, field);
    return lua_rawget(L, t);
}

static char *get_string(cfgload *cl, lua_State *L, int t, const char *field, const char *example)
{
    int ty = rawfield(L, t, field);
    char *out = NULL;
    if (ty == LUA_TSTRING) {
        size_t n;
        const char *s = lua_tolstring(L, -1, &n);
        if (n == 0) err_at(cl, field, "'%s' is empty; write %s or leave the line out", field, example);
        else if (n > 4096 || memchr(s, 0, n)) err_at(cl, field, "'%s' is not a usable text", field);
        else if (orl_utf8_invalid_at(s, n) != (size_t)-1) err_at(cl, field, "'%s' is not UTF-8 text", field);
        else out = orl_strndup(s, n);
    } else if (ty != LUA_TNIL) {
        err_at(cl, field, "'%s' should be text in quotes, like %s = %s, but it is %s", field, field, example,
               type_words(L, -1));
    }
    lua_pop(L, 1);
    return out;
}

/* 1 when given (and a number within [lo, hi]); *out untouched otherwise. */
static int get_number(cfgload *cl, lua_State *L, int t, const char *field, double lo, double hi, int integer,
                      double *out)
{
    int ty = rawfield(L, t, field);
    int ok = 0;
    if (ty == LUA_TNUMBER) {
        double v = lua_tonumber(L, -1);
        if (v != v || v < lo || v > hi)
            err_at(cl, field, "'%s' is %g; it should be from %g to %g", field, v, lo, hi);
        else if (integer && floor(v) != v)
            err_at(cl, field, "'%s' should be a whole number, not %g", field, v);
        else {
            *out = v;
            ok = 1;
        }
    } else if (ty == LUA_TSTRING) {
        err_at(cl, field, "'%s' should be a number without quotes, like %s = %g", field, field, lo);
    } else if (ty != LUA_TNIL) {
        err_at(cl, field, "'%s' should be a number, but it is %s", field, type_words(L, -1));
    }
    lua_pop(L, 1);
    return ok;
}

static void get_bool(cfgload *cl, lua_State *L, int t, const char *field, int *out)
{
    int ty = rawfield(L, t, field);
    if (ty == LUA_TBOOLEAN) *out = lua_toboolean(L, -1);
    else if (ty == LUA_TSTRING)
        err_at(cl, field, "'%s' should be true or false without quotes, like %s = true", field, field);
    else if (ty != LUA_TNIL)
        err_at(cl, field, "'%s' should be true or false, but it is %s", field, type_words(L, -1));
    lua_pop(L, 1);
}

/* A list of texts; returns how many were stored in out (at most max). */
static int get_list(cfgload *cl, lua_State *L, int t, const char *field, const char *example, char **out, int max)
{
    int ty = rawfield(L, t, field);
    int n = 0;
    if (ty == LUA_TSTRING) {
        err_at(cl, field, "'%s' should be a list, even of one: %s = { %s }", field, field, example);
    } else if (ty == LUA_TTABLE) {
        lua_Integer len = (lua_Integer)lua_rawlen(L, -1);
        /* named keys in a list are a mistake worth saying */
        lua_pushnil(L);
        while (lua_next(L, -2)) {
            if (lua_type(L, -2) != LUA_TNUMBER) {
                err_at(cl, field, "'%s' is a list of texts, like %s = { %s }; it has a named item", field, field,
                       example);
                lua_pop(L, 2);
                break;
            }
            lua_pop(L, 1);
        }
        if (len > max) {
            err_at(cl, field, "'%s' has %lld items; at most %d", field, (long long)len, max);
            len = max;
        }
        for (lua_Integer i = 1; i <= len; i++) {
            int it = lua_rawgeti(L, -1, i);
            size_t sl;
            const char *s = it == LUA_TSTRING ? lua_tolstring(L, -1, &sl) : NULL;
            if (!s) {
                err_at(cl, field, "item %lld of '%s' should be text in quotes, but it is %s", (long long)i, field,
                       type_words(L, -1));
            } else if (sl == 0 || sl > 4096 || memchr(s, 0, sl) || orl_utf8_invalid_at(s, sl) != (size_t)-1) {
                err_at(cl, field, "item %lld of '%s' is not a usable text", (long long)i, field);
            } else {
                out[n] = orl_strndup(s, sl);
                if (out[n]) n++;
            }
            lua_pop(L, 1);
        }
    } else if (ty != LUA_TNIL) {
        err_at(cl, field, "'%s' should be a list, like %s = { %s }, but it is %s", field, field, example,
               type_words(L, -1));
    }
    lua_pop(L, 1);
    return n;
}

static int lang_tag_ok(const char *s)
{
    size_t n = strlen(s);
    if (n < 2 || n >= ORL_MAX_LANG) return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
            return 0;
    }
    return (s[0] >= 'a' && s[0] <= 'z') && (s[1] >= 'a' && s[1] <= 'z');
}

static char *resolve(orl_kiosk_config *c, char *p)
{
    if (!p) return NULL;
    char *r = orl_kiosk_config_path(c, p);
    free(p);
    return r;
}

/* Runs in lua_pcall (see orl_kiosk_config_load): an allocation that fails is an error, not
 * a panic. Upvalues: the loader and the config. */
static int l_convert(lua_State *L)
{
    cfgload *cl = lua_touserdata(L, 1);
    orl_kiosk_config *c = lua_touserdata(L, 2);
    lua_rawgeti(L, LUA_REGISTRYINDEX, cl->table_ref);
    int t = lua_gettop(L);

    /* unknown fields first: a typo explains the "missing" setting after it */
    lua_pushnil(L);
    while (lua_next(L, t)) {
        if (lua_type(L, -2) == LUA_TSTRING) {
            const char *k = lua_tostring(L, -2);
            int known = 0;
            orl_nearest near;
            orl_nearest_init(&near, k, 4);
            for (const char *const *f = orl_kiosk_config_fields; *f; f++) {
                if (strcmp(*f, k) == 0) known = 1;
                orl_nearest_try(&near, *f);
            }
            const char *best = near.best;
            /* a prefix of a setting's name ("pin", "idle") is that setting */
            for (const char *const *f = orl_kiosk_config_fields; *f && !known; f++)
                if (strlen(k) >= 3 && strncmp(*f, k, strlen(k)) == 0) best = *f;
            if (!known && strlen(k) < 200) {
                if (strcmp(k, "pin") == 0)
                    err_at(cl, k, "'pin' is not a kiosk setting; did you mean 'pin_hash'? Write there the line "
                           "'orilla kiosk --hash-pin' prints, never the PIN itself");
                else if (best)
                    err_at(cl, k, "'%s' is not a kiosk setting; did you mean '%s'?", k, best);
                else
                    err_at(cl, k, "'%s' is not a kiosk setting (they are: deployment, languages, idle_seconds, "
                           "countdown_seconds, bundles, key, withdrawn, stats, log, pin_hash, show_others, "
                           "others_min_sessions, volume, voice)", k);
            } else if (!known) {
                err_at(cl, NULL, "kiosk { } has a setting with a name of %zu bytes, which is none of its settings",
                       strlen(k));
            }
        } else {
            err_at(cl, NULL, "kiosk { } has an item without a name; settings are written name = value");
        }
        lua_pop(L, 1);
    }

    char *dep = get_string(cl, L, t, "deployment", "\"kiosk\"");
    if (dep) {
        if (strcmp(dep, "kiosk") == 0) c->deployment = ORL_DEPLOY_KIOSK;
        else if (strcmp(dep, "exhibition") == 0) c->deployment = ORL_DEPLOY_EXHIBITION;
        else if (orl_deployment_parse(dep) >= 0)
            err_at(cl, "deployment", "deployment \"%s\" is not for an unattended screen; use \"kiosk\" or \"exhibition\"",
                   dep);
        else {
            const char *best = orl_edit_distance(dep, "kiosk", 3) < 3 ? "kiosk"
                               : orl_edit_distance(dep, "exhibition", 4) < 4 ? "exhibition" : NULL;
            err_at(cl, "deployment", "deployment is \"kiosk\" or \"exhibition\", not \"%s\"%s%s%s", dep,
                   best ? "; did you mean \"" : "", best ? best : "", best ? "\"?" : "");
        }
        free(dep);
    }

    char *langs[ORL_KIOSK_MAX_LANGS];
    int nl = get_list(cl, L, t, "languages", "\"es\", \"en\"", langs, ORL_KIOSK_MAX_LANGS);
    for (int i = 0; i < nl; i++) {
        int dup = 0;
        for (int j = 0; j < c->nlanguages; j++) dup |= strcmp(c->languages[j], langs[i]) == 0;
        if (!lang_tag_ok(langs[i])) {
            err_at(cl, "languages", "\"%s\" in 'languages' is not a language code; write codes like \"es\", \"en\", "
                   "\"fr\", \"ar\", \"pt-BR\"", langs[i]);
            free(langs[i]);
        } else if (dup) {
            warn_at(cl, "languages", "\"%s\" is in 'languages' twice", langs[i]);
            free(langs[i]);
        } else {
            c->languages[c->nlanguages++] = langs[i];
        }
    }

    double v;
    if (get_number(cl, L, t, "idle_seconds", ORL_KIOSK_IDLE_MIN, ORL_KIOSK_IDLE_MAX, 0, &v)) c->idle_seconds = v;
    if (get_number(cl, L, t, "countdown_seconds", ORL_KIOSK_COUNTDOWN_MIN, ORL_KIOSK_COUNTDOWN_MAX, 0, &v))
        c->countdown_seconds = v;
    if (get_number(cl, L, t, "others_min_sessions", ORL_KIOSK_OTHERS_MIN, 1e9, 1, &v)) c->others_min_sessions = (int)v;
    if (get_number(cl, L, t, "volume", 0, 1, 0, &v)) c->volume = v;
    get_bool(cl, L, t, "show_others", &c->show_others);
    get_bool(cl, L, t, "voice", &c->voice);

    char *b[ORL_KIOSK_MAX_BUNDLES];
    int nb = get_list(cl, L, t, "bundles", "\"stories/a.orilla\"", b, ORL_KIOSK_MAX_BUNDLES);
    for (int i = 0; i < nb; i++) {
        char *r = resolve(c, b[i]);
        if (r) c->bundles[c->nbundles++] = r;
    }
    c->key = resolve(c, get_string(cl, L, t, "key", "\"keys/workshop.pub\""));
    c->withdrawn = resolve(c, get_string(cl, L, t, "withdrawn", "\"withdrawn.txt\""));
    c->stats = resolve(c, get_string(cl, L, t, "stats", "\"/var/lib/orilla/stats.db\""));
    c->log = resolve(c, get_string(cl, L, t, "log", "\"/var/log/orilla/kiosk.log\""));
    char *pin = get_string(cl, L, t, "pin_hash", "\"$argon2id$...\"");
    if (pin) {
        if (strncmp(pin, "$argon2id$", 10) != 0 && strncmp(pin, "$argon2i$", 9) != 0)
            err_at(cl, "pin_hash", "pin_hash is not a PIN hash (it starts with $argon2id$); make one with "
                   "'orilla kiosk --hash-pin' and paste the line it prints; never write the PIN itself here");
        else if (strlen(pin) > 127)
            err_at(cl, "pin_hash", "pin_hash is longer than a PIN hash; paste exactly the line 'orilla kiosk --hash-pin' prints");
        else {
            c->pin_hash = pin;
            pin = NULL;
        }
        free(pin);
    }
    lua_pop(L, 1);
    return 0;
}

/* ------------------------------------------------------------------------------------- */

static void script_error(cfgload *cl, orl_script_error *e)
{
    const char *hint = "";
    switch (e->kind) {
    case ORL_SCRIPT_ERR_BUDGET: hint = "; kiosk.lua should only set values (an endless loop?)"; break;
    case ORL_SCRIPT_ERR_TIME: hint = "; kiosk.lua should only set values, which takes no time"; break;
    case ORL_SCRIPT_ERR_MEMORY: hint = "; kiosk.lua used more memory than a list of settings needs"; break;
    case ORL_SCRIPT_ERR_BYTECODE: hint = "; give the .lua text, not precompiled Lua"; break;
    default:
        if (e->msg && (strstr(e->msg, "nil value") || strstr(e->msg, "attempt to call")))
            hint = "; kiosk.lua runs in a sandbox: it can set values, but not run programs, open files or "
                   "load modules (os.execute, io, require are not there)";
        break;
    }
    const char *what = e->kind == ORL_SCRIPT_ERR_SYNTAX ? "cannot be read" : "stopped";
    orl_diag_add(cl->d, ORL_ERROR, cl->file, e->line, 0, "kiosk-config", "kiosk.lua %s: %s%s", what,
                 e->msg ? e->msg : "?", hint);
}

static void quiet_print(void *ud, const char *line)
{
    (void)ud;
    (void)line; /* print() in kiosk.lua goes nowhere: the kiosk has nobody to read it */
}

int orl_kiosk_config_load(const char *path, orl_kiosk_config *c, orl_diags *d)
{
    orl_kiosk_config_defaults(c);
    c->file = orl_strdup(path);
    const char *slash = strrchr(path, '/');
    c->dir = slash ? orl_strndup(path, slash == path ? 1 : (size_t)(slash - path)) : orl_strdup(".");
    cfgload cl = {0};
    cl.file = path;
    cl.d = d;
    cl.table_ref = LUA_NOREF;

    char why[100];
    FILE *f = orl_open_regular(path, ORL_KIOSK_CONFIG_MAX_BYTES + 1, why, sizeof why);
    if (!f) {
        orl_diag_add(d, ORL_ERROR, path, 0, 0, "kiosk-config", "cannot read the kiosk config: %s",
                     orl_diag_words(d, "@file", why));
        return 2;
    }
    cl.text = malloc(ORL_KIOSK_CONFIG_MAX_BYTES + 1);
    if (!cl.text) {
        fclose(f);
        orl_diag_add(d, ORL_ERROR, path, 0, 0, "kiosk-config", "out of memory");
        return 2;
    }
    cl.len = fread(cl.text, 1, ORL_KIOSK_CONFIG_MAX_BYTES + 1, f);
    int rerr = ferror(f);
    fclose(f);
    if (rerr) {
        orl_diag_add(d, ORL_ERROR, path, 0, 0, "kiosk-config", "cannot read the kiosk config (is it a folder?)");
        free(cl.text);
        return 2;
    }
    if (cl.len > ORL_KIOSK_CONFIG_MAX_BYTES) {
        orl_diag_add(d, ORL_ERROR, path, 0, 0, "kiosk-config", "this is over %u KB: not a kiosk config",
                     ORL_KIOSK_CONFIG_MAX_BYTES / 1024);
        free(cl.text);
        return 2;
    }
    cl.text[cl.len] = 0;
    size_t bad = orl_utf8_invalid_at(cl.text, cl.len);
    if (bad != (size_t)-1) {
        int line = 1;
        for (size_t i = 0; i < bad; i++) line += cl.text[i] == '\n';
        orl_diag_add(d, ORL_ERROR, path, line, 0, "kiosk-config",
                     "this line has bytes that are not UTF-8 text; save the file as UTF-8");
        free(cl.text);
        return 1;
    }

    int errors = d->errors;
    orl_script_desc sd = {0};
    sd.memory_limit = ORL_KIOSK_CONFIG_MEMORY;
    sd.instructions_per_call = ORL_KIOSK_CONFIG_INSTRUCTIONS;
    sd.seconds_per_call = ORL_KIOSK_CONFIG_SECONDS;
    sd.print = quiet_print;
    orl_script *S = orl_script_new(&sd);
    if (!S) {
        orl_diag_add(d, ORL_ERROR, path, 0, 0, "kiosk-config", "out of memory");
        free(cl.text);
        return 2;
    }
    lua_State *L = orl_script_lua(S);
    orl_script_push_env(S);
    lua_pushlightuserdata(L, &cl);
    lua_pushcclosure(L, l_kiosk, 1);
    lua_setfield(L, -2, "kiosk");
    lua_pop(L, 1);

    orl_script_error e = {0};
    if (orl_script_load(S, cl.text, cl.len, path, &e) != 0) {
        script_error(&cl, &e);
        orl_script_error_free(&e);
    } else if (orl_script_pcall(S, 0, 0, 0, 0, &e) != 0) {
        script_error(&cl, &e);
        orl_script_error_free(&e);
    } else if (cl.table_ref == LUA_NOREF) {
        orl_diag_add(d, ORL_ERROR, path, 1, 0, "kiosk-config",
                     "there is no kiosk { ... } in this file; 'orilla kiosk --example-config' prints one to start from");
    } else {
        /* no story code runs from here on: room for the conversion whatever the script kept */
        orl_script_set_memory_limit(S, orl_script_memory(S) + ORL_KIOSK_CONFIG_MEMORY);
        lua_pushcfunction(L, l_convert);
        lua_pushlightuserdata(L, &cl);
        lua_pushlightuserdata(L, c);
        if (lua_pcall(L, 2, 0, 0) != LUA_OK) {
            orl_diag_add(d, ORL_ERROR, path, cl.line, 0, "kiosk-config", "cannot read the settings: %s",
                         lua_tostring(L, -1) ? lua_tostring(L, -1) : "out of memory");
            lua_pop(L, 1);
        }
    }
    orl_script_free(S);
    free(cl.text);
    return d->errors > errors ? 1 : 0;
}
