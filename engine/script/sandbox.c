#include "script/sandbox.h"
#include "core/limits.h"
#include "core/strutil.h"
#include "core/term.h"
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define HOOK_STEP 1000 /* instructions between two visits of the count hook */

struct orl_script {
    lua_State *L;
    orl_script_desc d;
    size_t used, peak;
    long allocs;
    int alloc_counting;
    int env_ref;
    /* the armed budget of the call in progress */
    long remaining;
    double deadline;
    int armed;
    orl_script_errkind tripped;
    int cap_hits; /* allocations refused at the cap during the armed call */
    char oom_at[300]; /* "file:line" of the story line running at the first refusal, or "" */
    double until; /* no armed call runs past this (0: no such bound); orl_script_set_until */
    unsigned charges; /* work charged by the library wrappers in this call (clock read every 1024) */
    /* The watchdog (below) sets this when the armed call's deadline has passed, or the
     * process was asked to stop; the count hook and every library wrapper look at it. */
    atomic_int expired;
    struct orl_script *wd_prev, *wd_next; /* in the watchdog's list while armed */
};

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static orl_script *script_of(lua_State *L) { return *(orl_script **)lua_getextraspace(L); }

static void budget_hook(lua_State *L, lua_Debug *ar);

/* ---- the watchdog ----
 *
 * The count hook only runs between VM instructions: a loop inside a C function (a library
 * function, a metamethod called from C) or one instruction that costs seconds (comparing two
 * 4 MB strings, concatenating 64 MB) never reaches it. One thread per process keeps the
 * armed calls in a list and, when a call's deadline passes (or orl_script_interrupt_all was
 * called, as the kiosk's SIGTERM handler does), marks it expired and sets the count hook to
 * fire on the very next instruction (lua_sethook may be called asynchronously: Lua's own
 * lua.c does it from a signal handler). The library wrappers look at the mark inside their
 * loops. While calls are being armed it wakes every ORL_WATCHDOG_TICK; with none armed for a
 * second it sleeps until the next one. */

static pthread_mutex_t wd_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wd_cv;
static pthread_once_t wd_once = PTHREAD_ONCE_INIT;
static int wd_running;       /* 0 when the thread could not start: the hook reads the clock */
static int wd_sleeping;      /* waiting without a timeout: arming must wake it */
static orl_script *wd_armed; /* the armed calls */
static volatile sig_atomic_t wd_interrupted;

static void wd_expire(orl_script *S)
{
    if (atomic_load(&S->expired)) return;
    atomic_store(&S->expired, 1);
    lua_sethook(S->L, budget_hook, LUA_MASKCOUNT, 1);
}

static void *wd_main(void *arg)
{
    (void)arg;
    double idle_since = now_seconds();
    pthread_mutex_lock(&wd_mu);
    for (;;) {
        double now = now_seconds(), next = now + ORL_WATCHDOG_TICK;
        for (orl_script *S = wd_armed; S; S = S->wd_next) {
            if (wd_interrupted || now >= S->deadline) wd_expire(S);
            else if (S->deadline < next) next = S->deadline;
        }
        if (wd_armed) idle_since = now;
        if (!wd_armed && now - idle_since > 1.0) {
            wd_sleeping = 1;
            pthread_cond_wait(&wd_cv, &wd_mu);
            wd_sleeping = 0;
            idle_since = now_seconds();
            continue;
        }
        struct timespec ts;
        ts.tv_sec = (time_t)next;
        ts.tv_nsec = (long)((next - (double)ts.tv_sec) * 1e9);
        if (ts.tv_nsec >= 1000000000L) { ts.tv_sec++; ts.tv_nsec -= 1000000000L; }
        pthread_cond_timedwait(&wd_cv, &wd_mu, &ts);
    }
    return NULL;
}

static void wd_start(void)
{
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&wd_cv, &ca);
    pthread_condattr_destroy(&ca);
    /* no signal may land on the watchdog: the program's handlers run on its other threads */
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    pthread_attr_t at;
    pthread_attr_init(&at);
    pthread_attr_setdetachstate(&at, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&at, 64 * 1024);
    pthread_t t;
    wd_running = pthread_create(&t, &at, wd_main, NULL) == 0;
    pthread_attr_destroy(&at);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
}

static void wd_arm(orl_script *S)
{
    pthread_once(&wd_once, wd_start);
    atomic_store(&S->expired, wd_interrupted ? 1 : 0);
    pthread_mutex_lock(&wd_mu);
    S->wd_prev = NULL;
    S->wd_next = wd_armed;
    if (wd_armed) wd_armed->wd_prev = S;
    wd_armed = S;
    if (wd_sleeping) pthread_cond_signal(&wd_cv);
    pthread_mutex_unlock(&wd_mu);
}

/* Takes S out of the list and sets its hook: under the lock, so the watchdog cannot set
 * the hook of a call that has ended. */
static void wd_disarm(orl_script *S, lua_Hook hook, int mask, int count)
{
    pthread_mutex_lock(&wd_mu);
    if (S->wd_prev) S->wd_prev->wd_next = S->wd_next;
    else if (wd_armed == S) wd_armed = S->wd_next;
    if (S->wd_next) S->wd_next->wd_prev = S->wd_prev;
    S->wd_prev = S->wd_next = NULL;
    lua_sethook(S->L, hook, mask, count);
    pthread_mutex_unlock(&wd_mu);
}

void orl_script_interrupt_all(void)
{
    /* async-signal-safe: one store; the watchdog sees it within ORL_WATCHDOG_TICK */
    wd_interrupted = 1;
}

int orl_script_interrupted(void) { return wd_interrupted != 0; }

/* ---- memory ---- */

static void *sandbox_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    orl_script *S = ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        S->used -= old;
        return NULL;
    }
    if (S->alloc_counting) {
        S->allocs++;
        if (S->d.fail_alloc_at > 0 &&
            (S->allocs == S->d.fail_alloc_at || (S->d.fail_alloc_sticky && S->allocs > S->d.fail_alloc_at)))
            return NULL;
    }
    if (nsize > old && S->used - old + nsize > S->d.memory_limit) {
        /* Lua answers a refusal with an emergency full collection and tries again; code that
         * lives at the cap would run a full collection per allocation (seconds of thrashing
         * before the real failure). After a few refusals in one call, the call is out of
         * memory for good, and like the instruction budget, pcall cannot swallow it. */
        if (S->armed && S->cap_hits == 0 && !S->oom_at[0]) {
            /* Lua raises its memory error without a position (and calls no message handler
             * for it): note the story line now. lua_getstack/getinfo("Sl") allocate nothing. */
            lua_Debug ar;
            for (int level = 0; level < 64 && lua_getstack(S->L, level, &ar); level++)
                if (lua_getinfo(S->L, "Sl", &ar) && ar.currentline > 0) {
                    snprintf(S->oom_at, sizeof S->oom_at, "%s:%d", ar.short_src, ar.currentline);
                    break;
                }
        }
        if (S->armed && ++S->cap_hits > 4 && !S->tripped) {
            S->tripped = ORL_SCRIPT_ERR_MEMORY;
            lua_sethook(S->L, budget_hook, LUA_MASKCOUNT, 1);
        }
        return NULL;
    }
    if (S->tripped == ORL_SCRIPT_ERR_MEMORY && nsize > old) return NULL;
    void *p = realloc(ptr, nsize);
    if (!p) return NULL;
    S->used = S->used - old + nsize;
    if (S->used > S->peak) S->peak = S->used;
    return p;
}

/* ---- budget ---- */

static int raise_limit(lua_State *L, orl_script_errkind kind)
{
    lua_Debug ar;
    const char *what = kind == ORL_SCRIPT_ERR_TIME     ? "ran too long"
                       : kind == ORL_SCRIPT_ERR_MEMORY ? "used too much memory"
                                                       : "ran too many steps";
    /* the innermost story line (level 0 is a C function when raised from one) */
    /* (C functions may sit several deep: a metamethod called from table.concat...) */
    for (int level = 0; level < 256 && lua_getstack(L, level, &ar); level++) {
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
            lua_pushfstring(L, "%s:%d: %s", ar.short_src, ar.currentline, what);
            return lua_error(L);
        }
    }
    lua_pushstring(L, what);
    return lua_error(L);
}

static void budget_hook(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    orl_script *S = script_of(L);
    if (!S->armed) return;
    if (!S->tripped && atomic_load(&S->expired)) S->tripped = ORL_SCRIPT_ERR_TIME;
    if (S->tripped) raise_limit(L, S->tripped); /* stays armed: story pcall cannot swallow it */
    S->remaining -= HOOK_STEP;
    if (S->remaining <= 0) S->tripped = ORL_SCRIPT_ERR_BUDGET;
    else if (!wd_running && now_seconds() > S->deadline) S->tripped = ORL_SCRIPT_ERR_TIME;
    if (S->tripped) {
        lua_sethook(L, budget_hook, LUA_MASKCOUNT, 1);
        raise_limit(L, S->tripped);
    }
}

/* Library work done in C, in instruction units (one unit ~ one VM instruction, ~10 ns):
 * taken from the call's budget, so a loop of costly library calls ends as an endless Lua
 * loop does, on any machine the same; and the watchdog's mark and (every 1024 charges) the
 * clock are read here, so a loop inside C ends at the deadline too. */
static void charge(lua_State *L, double units)
{
    orl_script *S = script_of(L);
    if (!S->armed) return;
    if (!S->tripped) {
        if (atomic_load(&S->expired)) S->tripped = ORL_SCRIPT_ERR_TIME;
        else {
            if (units > 1e15) units = 1e15;
            S->remaining -= units < 1 ? 1 : (long)units;
            if (S->remaining <= 0) S->tripped = ORL_SCRIPT_ERR_BUDGET;
            else if ((++S->charges & 1023u) == 0 && now_seconds() > S->deadline) S->tripped = ORL_SCRIPT_ERR_TIME;
        }
    }
    if (S->tripped) {
        lua_sethook(L, budget_hook, LUA_MASKCOUNT, 1);
        raise_limit(L, S->tripped);
    }
}

/* ---- bounded string patterns ---- */

double orl_pattern_cost(const char *p, size_t plen, size_t len)
{
    /* Lua's matcher backtracks: each quantifier (* + - ?) or %b that has more pattern after
     * it can retry every position, so the worst case is about len^(q+1) / (q+1)!. A
     * quantifier at the very end of the pattern does not backtrack. */
    int q = 0, specials = 0;
    for (size_t i = 0; i < plen; i++) {
        char c = p[i];
        if (c == '%') {
            if (i + 1 < plen && p[i + 1] == 'b') { q++; i += 3; specials = 1; continue; }
            i++;
            specials = 1;
            continue;
        }
        if (c == '[') { /* skip a set */
            specials = 1;
            size_t j = i + 1;
            if (j < plen && p[j] == '^') j++;
            if (j < plen && p[j] == ']') j++;
            while (j < plen && p[j] != ']') { if (p[j] == '%') j++; j++; }
            i = j;
            continue;
        }
        if (c == '*' || c == '+' || c == '-' || c == '?') {
            specials = 1;
            /* Only a quantifier that ends the pattern is free. One before '$' is not:
             * ('a'):rep(1<<17)..'b' with 'a*$' backtracks every run (36 s measured). */
            if (i + 1 < plen) q++;
        }
        if (c == '.' || c == '(' || c == '^' || c == '$') specials = 1;
    }
    double n = (double)len + 1.0;
    double cost = n * (double)(plen + 1);
    if (!specials) return cost;
    for (int k = 1; k <= q; k++) cost *= n / (double)(k + 1);
    return cost;
}

/* Calls the original C function kept as upvalue 1 with all the arguments. */
static int call_original(lua_State *L)
{
    int n = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, n, LUA_MULTRET);
    return lua_gettop(L);
}

static int bounded_call(lua_State *L, const char *name, int plain_arg)
{
    /* The count hook does not run inside C, so a loop of costly matches (each under the
     * step limit) would only see the clock every HOOK_STEP instructions: look at it here. */
    charge(L, 1);
    size_t slen, plen;
    const char *s = luaL_checklstring(L, 1, &slen);
    const char *p = luaL_checklstring(L, 2, &plen);
    int plain = plain_arg > 0 && lua_toboolean(L, plain_arg);
    if (slen > ORL_PATTERN_MAX_SUBJECT)
        return luaL_error(L, "string.%s: the text is too long to search (%d bytes; at most %d)", name,
                          (int)slen, (int)ORL_PATTERN_MAX_SUBJECT);
    if (!plain && plen > ORL_PATTERN_MAX_LENGTH)
        return luaL_error(L, "string.%s: the pattern is too long (at most %d characters)", name,
                          ORL_PATTERN_MAX_LENGTH);
    if (!plain && orl_pattern_cost(p, plen, slen) > ORL_PATTERN_MAX_STEPS)
        return luaL_error(L, "string.%s: this pattern could take very long on a text this size; "
                             "use a simpler pattern or a shorter text", name);
    if (plain && plen > 1 && slen >= plen && (double)(slen - plen + 1) * (double)plen > ORL_PLAIN_FIND_MAX_BYTES)
        return luaL_error(L, "string.%s: searching for a text this long in a text this size could take very "
                             "long; search for a shorter piece of it", name);
    (void)s;
    charge(L, (double)slen / ORL_LUA_BYTES_PER_UNIT); /* at least one pass over the text */
    return call_original(L);
}

static int b_find(lua_State *L) { return bounded_call(L, "find", 4); }
static int b_match(lua_State *L) { return bounded_call(L, "match", 0); }
static int b_gmatch(lua_State *L) { return bounded_call(L, "gmatch", 0); }
static int b_gsub(lua_State *L) { return bounded_call(L, "gsub", 0); }

/* ---- loops in C that neither the budget nor the memory cap would stop ---- */

/* string.rep('', 1e15) loops 1e15 times copying nothing. Any other result is allocated in
 * full before the loop, so the memory cap bounds it. */
static int b_rep(lua_State *L)
{
    size_t l, lsep = 0;
    luaL_checklstring(L, 1, &l);
    lua_Integer n = luaL_checkinteger(L, 2);
    if (!lua_isnoneornil(L, 3)) luaL_checklstring(L, 3, &lsep);
    if (n <= 0 || (l == 0 && lsep == 0)) {
        lua_pushliteral(L, "");
        return 1;
    }
    charge(L, ((double)l + (double)lsep) * (double)n / ORL_LUA_BYTES_PER_UNIT);
    return call_original(L);
}

/* Library functions whose work is in proportion to the texts they are given or make
 * (upper, lower, reverse, format, byte, char, sub, utf8.len...): each one is bounded by the
 * memory cap, but a loop of them costs seconds between two visits of the count hook.
 * Charged for what they read and wrote. */
static int charged_call(lua_State *L, int by_input)
{
    double bytes = 0;
    int n = lua_gettop(L);
    for (int i = 1; by_input && i <= n; i++)
        if (lua_type(L, i) == LUA_TSTRING) bytes += (double)lua_rawlen(L, i);
    charge(L, bytes / ORL_LUA_BYTES_PER_UNIT);
    int r = call_original(L);
    bytes = 0;
    for (int i = lua_gettop(L) - r + 1; i <= lua_gettop(L); i++)
        if (lua_type(L, i) == LUA_TSTRING) bytes += (double)lua_rawlen(L, i);
    charge(L, (double)r + bytes / ORL_LUA_BYTES_PER_UNIT);
    return r;
}

/* read the whole text they are given (upper, lower, reverse, utf8.len...) */
static int b_linear(lua_State *L) { return charged_call(L, 1); }
/* read only what they give back (sub, byte, format, char...): s:byte(i) in a loop over a
 * long text is not charged for the whole text each time */
static int b_by_result(lua_State *L) { return charged_call(L, 0); }

/* table.concat as in Lua 5.4's ltablib.c, with each element charged: a range of 2^50 with
 * an __index metamethod (even table.concat itself) looped in C for ever. */
static int b_concat(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_Integer last = luaL_len(L, 1);
    size_t lsep;
    const char *sep = luaL_optlstring(L, 2, "", &lsep);
    lua_Integer i = luaL_optinteger(L, 3, 1);
    last = luaL_optinteger(L, 4, last);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (; i <= last; i++) {
        lua_geti(L, 1, i);
        if (!lua_isstring(L, -1))
            return luaL_error(L, "invalid value (at index %I) in table for 'concat'", (LUAI_UACINT)i);
        size_t l = lua_rawlen(L, -1);
        charge(L, 1 + ((double)l + (double)lsep) / ORL_LUA_BYTES_PER_UNIT);
        luaL_addvalue(&b);
        if (i < last) luaL_addlstring(&b, sep, lsep);
        if (i == LUA_MAXINTEGER) break;
    }
    luaL_pushresult(&b);
    return 1;
}

/* table.unpack, each element charged (its __index may be a C function). */
static int b_unpack(lua_State *L)
{
    lua_Integer i = luaL_optinteger(L, 2, 1);
    lua_Integer e = lua_isnoneornil(L, 3) ? luaL_len(L, 1) : luaL_checkinteger(L, 3);
    if (i > e) return 0;
    lua_Unsigned n = (lua_Unsigned)e - (lua_Unsigned)i;
    if (n >= (unsigned int)INT_MAX || !lua_checkstack(L, (int)(++n)))
        return luaL_error(L, "too many results to unpack");
    for (; i < e; i++) {
        charge(L, 1);
        lua_geti(L, 1, i);
    }
    charge(L, 1);
    lua_geti(L, 1, e);
    return (int)n;
}

/* table.sort as a heap sort: at most ~2 n log2 n comparisons whatever the order function
 * answers (Lua's quicksort is quadratic on some inputs, and its pivot is chosen from the
 * clock, so equal elements came out in a different order run to run), no extra memory, and
 * every comparison charged, strings for their length: sorting 200,000 references to one
 * 4 MB text compared 4 MB per step in C for minutes. */
static int sort_less(lua_State *L, int a, int b, int fn)
{
    double cost = 1;
    if (lua_type(L, a) == LUA_TSTRING && lua_type(L, b) == LUA_TSTRING) {
        size_t la = lua_rawlen(L, a), lb = lua_rawlen(L, b);
        cost += (double)(la < lb ? la : lb) / ORL_LUA_COMPARE_BYTES_PER_UNIT;
    }
    charge(L, cost);
    if (!fn) return lua_compare(L, a, b, LUA_OPLT);
    lua_pushvalue(L, 2);
    lua_pushvalue(L, a);
    lua_pushvalue(L, b);
    lua_call(L, 2, 1);
    int r = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return r;
}

static void sort_sift(lua_State *L, lua_Integer root, lua_Integer end, int fn)
{
    for (;;) {
        lua_Integer child = 2 * root;
        if (child > end || child < root) return;
        lua_geti(L, 1, child);
        if (child + 1 <= end) {
            lua_geti(L, 1, child + 1);
            int top = lua_gettop(L);
            if (sort_less(L, top - 1, top, fn)) {
                lua_remove(L, -2);
                child++;
            } else {
                lua_pop(L, 1);
            }
        }
        lua_geti(L, 1, root); /* child value, root value */
        int top = lua_gettop(L);
        if (!sort_less(L, top, top - 1, fn)) {
            lua_pop(L, 2);
            return;
        }
        lua_seti(L, 1, child); /* t[child] = root value */
        lua_seti(L, 1, root);  /* t[root] = child value */
        root = child;
    }
}

static int b_sort(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_Integer n = luaL_len(L, 1);
    if (n <= 1) return 0;
    luaL_argcheck(L, n < INT_MAX, 1, "array too big");
    int fn = !lua_isnoneornil(L, 2);
    if (fn) luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_settop(L, 2);
    luaL_checkstack(L, 8, "sort");
    for (lua_Integer i = n / 2; i >= 1; i--) sort_sift(L, i, n, fn);
    for (lua_Integer end = n; end > 1; end--) {
        lua_geti(L, 1, 1);
        lua_geti(L, 1, end);
        lua_seti(L, 1, 1);
        lua_seti(L, 1, end);
        sort_sift(L, 1, end - 1, fn);
    }
    return 0;
}

static int too_many_shifts(lua_State *L, const char *name)
{
    return luaL_error(L, "table.%s: would move more than %d elements; is the table's length "
                         "right?", name, (int)ORL_LUA_MAX_SHIFT);
}

/* table.move({}, 1, 1e15, 2) moves nils: no memory, no instructions, no end. As in Lua
 * 5.4's ltablib.c, with each element charged. */
static int b_move(lua_State *L)
{
    lua_Integer f = luaL_checkinteger(L, 2), e = luaL_checkinteger(L, 3), t = luaL_checkinteger(L, 4);
    int tt = !lua_isnoneornil(L, 5) ? 5 : 1;
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checktype(L, tt, LUA_TTABLE);
    if (e >= f) {
        if ((lua_Unsigned)e - (lua_Unsigned)f >= (lua_Unsigned)ORL_LUA_MAX_SHIFT) return too_many_shifts(L, "move");
        lua_Integer n = e - f + 1;
        luaL_argcheck(L, t <= LUA_MAXINTEGER - n + 1, 4, "destination wrap around");
        if (t > e || t <= f || (tt != 1 && !lua_compare(L, 1, tt, LUA_OPEQ))) {
            for (lua_Integer i = 0; i < n; i++) {
                charge(L, 1);
                lua_geti(L, 1, f + i);
                lua_seti(L, tt, t + i);
            }
        } else {
            for (lua_Integer i = n - 1; i >= 0; i--) {
                charge(L, 1);
                lua_geti(L, 1, f + i);
                lua_seti(L, tt, t + i);
            }
        }
    }
    lua_pushvalue(L, tt);
    return 1;
}

/* table.insert/remove as in Lua 5.4's ltablib.c, but refusing to shift more than
 * ORL_LUA_MAX_SHIFT elements: a __len that returns 1e15 would otherwise loop in C for
 * ever. (A wrapper measuring #t first is not enough: __len can answer differently twice.) */
static int b_insert(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_Integer e = luaL_len(L, 1);
    e = (lua_Integer)((lua_Unsigned)e + 1u); /* first empty element */
    lua_Integer pos;
    switch (lua_gettop(L)) {
    case 2:
        pos = e;
        break;
    case 3:
        pos = luaL_checkinteger(L, 2);
        luaL_argcheck(L, (lua_Unsigned)pos - 1u < (lua_Unsigned)e, 2, "position out of bounds");
        if ((lua_Unsigned)e - (lua_Unsigned)pos > (lua_Unsigned)ORL_LUA_MAX_SHIFT)
            return too_many_shifts(L, "insert");
        for (lua_Integer i = e; i > pos; i--) {
            charge(L, 1);
            lua_geti(L, 1, i - 1);
            lua_seti(L, 1, i);
        }
        break;
    default:
        return luaL_error(L, "wrong number of arguments to 'insert'");
    }
    lua_seti(L, 1, pos);
    return 0;
}

static int b_remove(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_Integer size = luaL_len(L, 1);
    lua_Integer pos = luaL_optinteger(L, 2, size);
    if (pos != size)
        luaL_argcheck(L, (lua_Unsigned)pos - 1u <= (lua_Unsigned)size, 2, "position out of bounds");
    if (pos < size && (lua_Unsigned)size - (lua_Unsigned)pos > (lua_Unsigned)ORL_LUA_MAX_SHIFT)
        return too_many_shifts(L, "remove");
    lua_geti(L, 1, pos);
    for (; pos < size; pos++) {
        charge(L, 1);
        lua_geti(L, 1, pos + 1);
        lua_seti(L, 1, pos);
    }
    lua_pushnil(L);
    lua_seti(L, 1, pos);
    return 1;
}

static void wrap_string_fn(lua_State *L, int strtab, const char *name, lua_CFunction f)
{
    lua_getfield(L, strtab, name);
    lua_pushcclosure(L, f, 1);
    lua_setfield(L, strtab, name);
}

/* ---- replacements for unsafe base functions ---- */

static int s_setmetatable(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    if (!lua_isnoneornil(L, 2)) {
        luaL_checktype(L, 2, LUA_TTABLE);
        if (lua_getfield(L, 2, "__gc") != LUA_TNIL)
            return luaL_error(L, "setmetatable: '__gc' is not allowed in stories");
        lua_pop(L, 1);
    }
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
        return luaL_error(L, "cannot change a protected metatable");
    lua_settop(L, 2);
    lua_setmetatable(L, 1);
    return 1;
}

/* xpcall whose handler runs as an ordinary call after the failed one. Lua calls a message
 * handler before unwinding, and when the error was raised by the budget hook, hooks are
 * still off then (Lua sets allowhook = 0 while a hook runs): a handler with an endless loop
 * would never be stopped. Stories have no debug library, so the handler loses nothing. */
static int s_xpcall(lua_State *L)
{
    int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    luaL_checkstack(L, n + 2, "too many arguments");
    lua_pushvalue(L, 1);
    for (int i = 3; i <= n; i++) lua_pushvalue(L, i);
    if (lua_pcall(L, n - 2, LUA_MULTRET, 0) == LUA_OK) {
        lua_pushboolean(L, 1);
        lua_insert(L, n + 1);
        return lua_gettop(L) - n;
    }
    lua_pushvalue(L, 2);
    lua_insert(L, -2);         /* handler, error */
    lua_pcall(L, 1, 1, 0);     /* an error in the handler becomes the result, as in Lua */
    lua_pushboolean(L, 0);
    lua_insert(L, -2);
    return 2;
}

static int s_print(lua_State *L)
{
    orl_script *S = script_of(L);
    int n = lua_gettop(L); /* before luaL_buffinit, which pushes a placeholder */
    char where[300] = "";
    lua_Debug ar;
    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
        char src[260];
        orl_clean_into(src, sizeof src, ar.short_src, ORL_CLEAN_ONE_LINE);
        snprintf(where, sizeof where, "%s:%d: ", src, ar.currentline);
    }
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (int i = 1; i <= n; i++) {
        if (i > 1) luaL_addchar(&b, '\t');
        luaL_tolstring(L, i, NULL);
        luaL_addvalue(&b);
    }
    luaL_pushresult(&b);
    const char *text = lua_tostring(L, -1);
    if (S->d.print) {
        lua_pushfstring(L, "%s%s", where, text);
        S->d.print(S->d.print_ud, lua_tostring(L, -1));
        return 0;
    }
    /* A labelled channel: "story.lua:12: print: ...", one line, cut, at most
     * ORL_PRINT_MAX_LINES in a run, so a story cannot print what looks like Orilla's own
     * words ("no problems found") or flood the terminal. */
    static long printed;
    if (printed > ORL_PRINT_MAX_LINES) return 0;
    if (printed++ == ORL_PRINT_MAX_LINES) {
        fprintf(stderr, "%sprint: more than %d lines printed by the story; the rest is not shown\n", where,
                ORL_PRINT_MAX_LINES);
        return 0;
    }
    char shown[ORL_PRINT_MAX_LINE + 8];
    orl_clean_into(shown, sizeof shown, text, ORL_CLEAN_ONE_LINE);
    fprintf(stderr, "%sprint: %s\n", where, shown);
    return 0;
}

static int s_time(lua_State *L)
{
    orl_script *S = script_of(L);
    if (!lua_isnoneornil(L, 1)) {
        /* os.time{year=...}: the real conversion, from the saved original */
        lua_pushvalue(L, lua_upvalueindex(1));
        lua_pushvalue(L, 1);
        lua_call(L, 1, 1);
        return 1;
    }
    lua_pushinteger(L, S->d.now ? (lua_Integer)S->d.now : (lua_Integer)time(NULL));
    return 1;
}

static int s_date(lua_State *L)
{
    orl_script *S = script_of(L);
    int n = lua_gettop(L);
    if (n > 2) lua_settop(L, n = 2);
    const char *fmt = luaL_optstring(L, 1, "%c");
    if (strlen(fmt) > 64) return luaL_error(L, "os.date: format too long");
    if (n < 2) {
        lua_settop(L, 1);
        if (lua_isnone(L, 1)) lua_pushstring(L, fmt);
        lua_pushinteger(L, S->d.now ? (lua_Integer)S->d.now : (lua_Integer)time(NULL));
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, 2, 1);
    return 1;
}

/* ---- set-up ---- */

static void copy_fields(lua_State *L, int from, int to, const char *const *names)
{
    for (; *names; names++) {
        lua_getfield(L, from, *names);
        lua_setfield(L, to, *names);
    }
}

static int build_env(lua_State *L)
{
    orl_script *S = lua_touserdata(L, 1);
    luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
    luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
    luaL_requiref(L, LUA_OSLIBNAME, luaopen_os, 0); /* not global: only time/date are copied */
    int g = 2, str = 3, tab = 4, mth = 5, utf = 6, os = 7;

    /* The real string table is every string's __index: bound its pattern functions there. */
    wrap_string_fn(L, str, "find", b_find);
    wrap_string_fn(L, str, "match", b_match);
    wrap_string_fn(L, str, "gmatch", b_gmatch);
    wrap_string_fn(L, str, "gsub", b_gsub);
    wrap_string_fn(L, str, "rep", b_rep);
    static const char *const linear_str[] = {"lower", "upper", "reverse", "unpack", NULL};
    for (int i = 0; linear_str[i]; i++) wrap_string_fn(L, str, linear_str[i], b_linear);
    static const char *const result_str[] = {"byte", "char", "format", "sub", "pack", NULL};
    for (int i = 0; result_str[i]; i++) wrap_string_fn(L, str, result_str[i], b_by_result);
    static const char *const linear_utf8[] = {"len", "offset", NULL};
    for (int i = 0; linear_utf8[i]; i++) wrap_string_fn(L, utf, linear_utf8[i], b_linear);
    static const char *const result_utf8[] = {"char", "codepoint", NULL};
    for (int i = 0; result_utf8[i]; i++) wrap_string_fn(L, utf, result_utf8[i], b_by_result);
    lua_getfield(L, g, "tostring");
    lua_pushcclosure(L, b_by_result, 1);
    lua_setfield(L, g, "tostring");
    lua_getfield(L, g, "tonumber");
    lua_pushcclosure(L, b_linear, 1);
    lua_setfield(L, g, "tonumber");
    lua_pushcfunction(L, b_move);
    lua_setfield(L, tab, "move");
    lua_pushcfunction(L, b_concat);
    lua_setfield(L, tab, "concat");
    lua_pushcfunction(L, b_unpack);
    lua_setfield(L, tab, "unpack");
    lua_pushcfunction(L, b_sort);
    lua_setfield(L, tab, "sort");
    lua_pushcfunction(L, b_insert);
    lua_setfield(L, tab, "insert");
    lua_pushcfunction(L, b_remove);
    lua_setfield(L, tab, "remove");
    lua_pushnil(L);
    lua_setfield(L, str, "dump"); /* makes bytecode */
    lua_pushliteral(L, "");
    if (lua_getmetatable(L, -1)) {
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "__metatable"); /* getmetatable("") gives false */
        lua_pop(L, 1);
    }
    lua_pop(L, 1);

    /* math.random is seeded by the engine, and cannot be reseeded by the story */
    lua_getfield(L, mth, "randomseed");
    lua_pushinteger(L, (lua_Integer)S->d.seed);
    lua_call(L, 1, 0);
    lua_pushnil(L);
    lua_setfield(L, mth, "randomseed");

    lua_newtable(L); /* env */
    int env = lua_gettop(L);
    static const char *const base[] = {"assert", "error", "ipairs", "next", "pairs", "pcall",
                                       "rawequal", "rawget", "rawlen", "rawset", "select",
                                       "tonumber", "tostring", "type", "getmetatable",
                                       "_VERSION", NULL};
    copy_fields(L, g, env, base);
    lua_pushcfunction(L, s_setmetatable);
    lua_setfield(L, env, "setmetatable");
    lua_pushcfunction(L, s_print);
    lua_setfield(L, env, "print");
    lua_pushcfunction(L, s_xpcall);
    lua_setfield(L, env, "xpcall");
    lua_pushvalue(L, str);
    lua_setfield(L, env, "string");
    lua_pushvalue(L, tab);
    lua_setfield(L, env, "table");
    lua_pushvalue(L, mth);
    lua_setfield(L, env, "math");
    lua_pushvalue(L, utf);
    lua_setfield(L, env, "utf8");
    lua_getfield(L, tab, "unpack");
    lua_setfield(L, env, "unpack");
    lua_newtable(L); /* os: time and date through the engine */
    lua_getfield(L, os, "time");
    lua_pushcclosure(L, s_time, 1);
    lua_setfield(L, -2, "time");
    lua_getfield(L, os, "date");
    lua_pushcclosure(L, s_date, 1);
    lua_setfield(L, -2, "date");
    lua_setfield(L, env, "os");
    lua_pushvalue(L, env);
    lua_setfield(L, env, "_G");

    /* Drop the real globals: nothing reaches io, os, package, debug, load... */
    lua_pushnil(L);
    lua_setfield(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
    lua_pushvalue(L, env);
    lua_rawseti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
    lua_pushvalue(L, env);
    S->env_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}

orl_script *orl_script_new(const orl_script_desc *desc)
{
    orl_script *S = calloc(1, sizeof *S);
    if (!S) return NULL;
    if (desc) S->d = *desc;
    if (!S->d.memory_limit) S->d.memory_limit = ORL_LUA_MEMORY_DEFAULT;
    if (!S->d.instructions_per_call) S->d.instructions_per_call = ORL_LUA_INSTRUCTIONS_PER_CALL;
    if (S->d.seconds_per_call <= 0) S->d.seconds_per_call = ORL_LUA_CALL_SECONDS;
    S->env_ref = LUA_NOREF;
    S->L = lua_newstate(sandbox_alloc, S);
    if (!S->L) { free(S); return NULL; }
    *(orl_script **)lua_getextraspace(S->L) = S;
    lua_setwarnf(S->L, NULL, NULL);
    lua_pushcfunction(S->L, build_env);
    lua_pushlightuserdata(S->L, S);
    if (lua_pcall(S->L, 1, 0, 0) != LUA_OK) {
        lua_close(S->L);
        free(S);
        return NULL;
    }
    lua_settop(S->L, 0);
    lua_gc(S->L, LUA_GCGEN, 0, 0);
    S->alloc_counting = 1;
    return S;
}

void orl_script_free(orl_script *S)
{
    if (!S) return;
    /* No story finalizers exist (__gc is refused), but keep a deadline armed anyway. */
    S->armed = 1;
    S->tripped = ORL_SCRIPT_OK;
    S->remaining = S->d.instructions_per_call;
    S->deadline = now_seconds() + S->d.seconds_per_call;
    lua_sethook(S->L, budget_hook, LUA_MASKCOUNT, HOOK_STEP);
    lua_close(S->L); /* not watched: the watchdog must not touch a state being freed */
    free(S);
}

lua_State *orl_script_lua(orl_script *S) { return S->L; }

void orl_script_push_env(orl_script *S) { lua_rawgeti(S->L, LUA_REGISTRYINDEX, S->env_ref); }

void orl_script_set_until(orl_script *S, double seconds)
{
    S->until = seconds > 0 ? now_seconds() + seconds : 0;
}

void orl_script_set_memory_limit(orl_script *S, size_t bytes) { S->d.memory_limit = bytes; }
size_t orl_script_memory_limit(const orl_script *S) { return S->d.memory_limit; }
size_t orl_script_memory(const orl_script *S) { return S->used; }
size_t orl_script_memory_peak(const orl_script *S) { return S->peak; }
long orl_script_alloc_count(const orl_script *S) { return S->allocs; }

void orl_script_error_free(orl_script_error *e)
{
    if (!e) return;
    free(e->file);
    free(e->msg);
    memset(e, 0, sizeof *e);
}

void orl_script_error_set(orl_script_error *e, orl_script_errkind kind, const char *msg,
                          const char *fallback_file, int fallback_line)
{
    orl_script_error_free(e);
    e->kind = kind;
    if (!msg) msg = kind == ORL_SCRIPT_ERR_MEMORY ? "not enough memory" : "unknown error";
    /* "file:line: text" -> parts; Lua's short_src may be "[string ...]" for odd names */
    const char *c1 = strchr(msg, ':');
    if (c1 && c1 != msg && c1[1] >= '0' && c1[1] <= '9') {
        char *end;
        long line = strtol(c1 + 1, &end, 10);
        if (*end == ':' && line > 0 && line < 100000000) {
            e->file = orl_strndup(msg, (size_t)(c1 - msg));
            e->line = (int)line;
            const char *rest = end + 1;
            while (*rest == ' ') rest++;
            e->msg = orl_strdup(rest);
            return;
        }
    }
    e->file = fallback_file ? orl_strdup(fallback_file) : NULL;
    e->line = fallback_line;
    e->msg = orl_strdup(msg);
}

const char *orl_script_errkind_hint(orl_script_errkind k)
{
    switch (k) {
    case ORL_SCRIPT_ERR_BUDGET: return "the code never finishes (an endless loop or recursion?); make sure every loop ends";
    case ORL_SCRIPT_ERR_TIME: return "the code took too long; make it do less work";
    case ORL_SCRIPT_ERR_MEMORY: return "the story used more memory than allowed (a table or text that keeps growing?)";
    case ORL_SCRIPT_ERR_BYTECODE: return "precompiled Lua is not accepted; give the .lua source text";
    default: return "";
    }
}

/* Lua's parser is given the text a line at a time, so that an error raised without a
 * position (the parser's "C stack overflow" on 100,000 nested '{', running out of memory)
 * can still be put at the line it was reading. */
typedef struct reader_ctx { const char *s; size_t len, pos; int line; } reader_ctx;

static const char *chunk_reader(lua_State *L, void *ud, size_t *size)
{
    (void)L;
    reader_ctx *r = ud;
    if (r->pos >= r->len) { *size = 0; return NULL; }
    const char *p = r->s + r->pos;
    const char *nl = memchr(p, '\n', r->len - r->pos);
    size_t n = nl ? (size_t)(nl - p) + 1 : r->len - r->pos;
    r->pos += n;
    r->line++;
    *size = n;
    return p;
}

int orl_script_load(orl_script *S, const char *src, size_t len, const char *file, orl_script_error *e)
{
    lua_State *L = S->L;
    if (len > 0 && src[0] == LUA_SIGNATURE[0]) {
        orl_script_error_set(e, ORL_SCRIPT_ERR_BYTECODE,
                             "this is precompiled Lua (bytecode), which stories may not contain", file, 1);
        return -1;
    }
    char chunkname[600];
    snprintf(chunkname, sizeof chunkname, "@%s", file);
    reader_ctx r = {src, len, 0, 0};
    int rc = lua_load(L, chunk_reader, &r, chunkname, "t");
    if (rc != LUA_OK) {
        const char *m = lua_tostring(L, -1);
        int line = r.line > 0 ? r.line : 1;
        /* Lua's parser counts how deep it is on the C stack and stops at 200 levels, with no
         * line: tell the author what it means, at the line being read */
        if (m && strstr(m, "C stack overflow"))
            m = "this is nested too deeply: more than about 200 brackets, functions, 'if's or "
                "operators such as .. inside each other; write it in smaller pieces";
        orl_script_error_set(e, rc == LUA_ERRMEM ? ORL_SCRIPT_ERR_MEMORY : ORL_SCRIPT_ERR_SYNTAX, m, file, line);
        lua_pop(L, 1);
        return -1;
    }
    orl_script_push_env(S);
    if (!lua_setupvalue(L, -2, 1)) lua_pop(L, 1);
    return 0;
}

static int msg_handler(lua_State *L)
{
    /* a number becomes text here, while still protected (lua_tostring allocates) */
    if (lua_type(L, 1) == LUA_TNUMBER) {
        lua_tostring(L, 1);
        return 1;
    }
    /* errors that are not strings (error{...}) become readable text */
    if (!lua_isstring(L, 1)) {
        const char *t = luaL_typename(L, 1);
        lua_Debug ar;
        /* the story line that raised it (level 1 is usually `error` itself, a C function) */
        for (int level = 1; level < 5 && lua_getstack(L, level, &ar); level++) {
            if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
                lua_pushfstring(L, "%s:%d: error with a %s value instead of a message", ar.short_src,
                                ar.currentline, t);
                return 1;
            }
        }
        lua_pushfstring(L, "error with a %s value instead of a message", t);
    }
    return 1;
}

int orl_script_pcall(orl_script *S, int nargs, int nresults, long budget, double seconds,
                     orl_script_error *e)
{
    lua_State *L = S->L;
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, msg_handler);
    lua_insert(L, base);
    int was_armed = S->armed; /* a call from C inside a call (include) shares the outer budget */
    if (!was_armed) {
        S->armed = 1;
        S->tripped = ORL_SCRIPT_OK;
        S->cap_hits = 0;
        S->oom_at[0] = 0;
        S->remaining = budget > 0 ? budget : S->d.instructions_per_call;
        S->deadline = now_seconds() + (seconds > 0 ? seconds : S->d.seconds_per_call);
        if (S->until > 0 && S->deadline > S->until) S->deadline = S->until;
        S->charges = 0;
        lua_sethook(L, budget_hook, LUA_MASKCOUNT, HOOK_STEP);
        wd_arm(S);
    }
    int rc = lua_pcall(L, nargs, nresults, base);
    if (!was_armed) wd_disarm(S, NULL, 0, 0);
    orl_script_errkind tripped = S->tripped;
    if (!was_armed) {
        S->armed = 0;
        S->tripped = ORL_SCRIPT_OK;
    }
    lua_remove(L, base);
    if (rc == LUA_OK && !tripped) return 0;
    orl_script_errkind kind = tripped ? tripped : rc == LUA_ERRMEM ? ORL_SCRIPT_ERR_MEMORY : ORL_SCRIPT_ERR_RUNTIME;
    if (rc == LUA_OK) {
        /* story code swallowed the limit error with pcall and returned: still an error */
        lua_pop(L, nresults == LUA_MULTRET ? lua_gettop(L) - base + 1 : nresults);
        orl_script_error_set(e, kind, kind == ORL_SCRIPT_ERR_TIME ? "ran too long" : "ran too many steps", NULL, 0);
        return -1;
    }
    const char *m = lua_tostring(L, -1);
    char mem[700];
    if (kind == ORL_SCRIPT_ERR_MEMORY) {
        /* keep the story line when the limit said it ("story.lua:5: used too much memory") */
        const char *c1 = m ? strchr(m, ':') : NULL;
        const char *c2 = c1 && c1[1] >= '0' && c1[1] <= '9' ? strchr(c1 + 1, ':') : NULL;
        if (c2 && c2 - m < 600) {
            snprintf(mem, sizeof mem, "%.*s: not enough memory", (int)(c2 - m), m);
            m = mem;
        } else if (S->oom_at[0]) {
            snprintf(mem, sizeof mem, "%s: not enough memory", S->oom_at);
            m = mem;
        } else {
            m = "not enough memory";
        }
    } else if (m && strstr(m, "stack overflow")) kind = ORL_SCRIPT_ERR_BUDGET;
    orl_script_error_set(e, kind, m, NULL, 0);
    lua_pop(L, 1);
    return -1;
}
