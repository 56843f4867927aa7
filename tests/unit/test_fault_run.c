/* Fault injection after loading: the sandbox running story code, and a playthrough
 * (story/run.h, what the players, walk and the kiosk go through), with the N-th allocation
 * failing, or every one from the N-th on (tests/unit/fault.h), for every N up to what an
 * undisturbed run makes. Each run must give exactly what an undisturbed run gives, or an
 * error that says memory ran out; never a crash, an abort (Lua's panic when an allocation
 * fails outside a protected call) or a leak (LeakSanitizer in the sanitizer build).
 *   1. the sandbox: orl_script_new, orl_script_load and orl_script_pcall of a chunk that uses
 *      the library functions the sandbox replaces or bounds (patterns, table.insert/remove,
 *      string.rep, setmetatable, os.date), then orl_state_encode of the table it returns:
 *      with the sandbox's own counter (orl_script_desc.fail_alloc_at, sticky or not) and
 *      with every C allocation counted (orl_script_new included);
 *   2. a playthrough of tests/data/fault-rich (loaded undisturbed): start, texts, visible
 *      choices, choose until the ending, save the state.
 * ORL_FAULT_LIST=1 goes on after a misbehaving point (each is printed). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <lua.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/strutil.h"
#include "fault.h"
#include "script/sandbox.h"
#include "script/state.h"
#include "story/run.h"
#include "story/story.h"

#define RICH ORL_TEST_DATA "/fault-rich"


static int says_memory(const char *s) { return s && (strstr(s, "memory") || strstr(s, "memoria")); }

/* ---- 1. the sandbox ---- */

static const char chunk[] =
    "local t = {}\n"
    "for i = 1, 60 do t[#t + 1] = string.format('%03d:%s', i, string.rep('x', i % 7)) end\n"
    "table.insert(t, 1, 'first')\n"
    "table.remove(t, 2)\n"
    "table.sort(t)\n"
    "local s = table.concat(t, ',')\n"
    "local n = 0\n"
    "for w in s:gmatch('%d+') do n = n + tonumber(w) end\n"
    "local r, k = s:gsub('x+', function(x) return #x end)\n"
    "local m = setmetatable({}, {__index = function(_, key) return key .. '!' end})\n"
    "local deep = {}\n"
    "for i = 1, 20 do deep['k' .. i] = {i, tostring(i / 4), {ok = i % 2 == 0}} end\n"
    "return #s .. ':' .. n .. ':' .. #r .. ':' .. k .. ':' .. m.hey .. ':' .. os.date('!%Y-%m-%d', 0),\n"
    "       {text = r:sub(1, 40), n = n, deep = deep, [1] = 'one', [2.5] = 'half'}\n";

typedef struct sandbox_result {
    int started;   /* orl_script_new gave a state */
    int rc;        /* 0: the whole run succeeded */
    char *text;    /* the chunk's first result */
    orl_buf state; /* its second, encoded */
    int memory;    /* the error said memory ran out */
    char why[256];
} sandbox_result;

static void sandbox_run(const orl_script_desc *sd, sandbox_result *res)
{
    memset(res, 0, sizeof *res);
    res->rc = -1;
    orl_script *S = orl_script_new(sd);
    if (!S) return; /* only when out of memory (sandbox.h) */
    res->started = 1;
    orl_script_error e = {0};
    if (orl_script_load(S, chunk, sizeof chunk - 1, "chunk.lua", &e) != 0 ||
        orl_script_pcall(S, 0, 2, 0, 0, &e) != 0) {
        res->memory = e.kind == ORL_SCRIPT_ERR_MEMORY || says_memory(e.msg);
        snprintf(res->why, sizeof res->why, "kind %d: %s", (int)e.kind, e.msg ? e.msg : "(no message)");
        orl_script_error_free(&e);
        orl_script_free(S);
        return;
    }
    lua_State *L = orl_script_lua(S);
    const char *s = lua_tostring(L, -2); /* a string already: lua_tostring does not allocate */
    res->text = s ? strdup(s) : NULL;
    char *err = NULL;
    int rc = orl_state_encode(L, -1, &res->state, &err);
    lua_pop(L, 2);
    if (!res->text) {
        res->memory = 1;
        snprintf(res->why, sizeof res->why, "strdup");
    } else if (rc != 0 || res->state.oom) {
        res->memory = err == NULL || says_memory(err); /* NULL: not even the words fitted (state.h) */
        snprintf(res->why, sizeof res->why, "encode: %s", err ? err : res->state.oom ? "buffer oom" : "?");
    } else {
        res->rc = 0;
    }
    free(err);
    orl_script_free(S);
}

static void sandbox_result_free(sandbox_result *r)
{
    free(r->text);
    orl_buf_free(&r->state);
}

typedef struct tally { long points, ok, reported, unstarted; } tally;

static void sandbox_judge(const sandbox_result *want, const sandbox_result *got, tally *t, const char *what, long n)
{
    t->points++;
    if (!got->started) {
        t->unstarted++;
        return;
    }
    if (got->rc == 0) {
        if (strcmp(got->text, want->text) != 0 || got->state.len != want->state.len ||
            memcmp(got->state.data, want->state.data, want->state.len) != 0)
            fault_misbehaved("%s %ld: succeeded with another result: \"%s\" (want \"%s\")", what, n, got->text, want->text);
        else
            t->ok++;
        return;
    }
    if (!got->memory) fault_misbehaved("%s %ld: failed, but not for memory: %s", what, n, got->why);
    t->reported++;
}

static void sandbox_lua_heap(void **state)
{
    (void)state;
    orl_script_desc sd = {.seconds_per_call = 60};
    sandbox_result want;
    sandbox_run(&sd, &want);
    assert_int_equal(want.rc, 0);
    assert_string_equal(want.text, "477:1829:351:51:hey!:1970-01-01");
    /* count the Lua allocations of an undisturbed run: the same run with a counter far away */
    orl_script *S = orl_script_new(&sd);
    assert_non_null(S);
    orl_script_error e = {0};
    assert_int_equal(orl_script_load(S, chunk, sizeof chunk - 1, "chunk.lua", &e), 0);
    assert_int_equal(orl_script_pcall(S, 0, 2, 0, 0, &e), 0);
    long total = orl_script_alloc_count(S);
    orl_script_free(S);
    assert_true(total > 100);
    for (int sticky = 0; sticky <= 1; sticky++) {
        tally t = {0};
        for (long n = 1; n <= total + 1; n++) {
            orl_script_desc f = sd;
            f.fail_alloc_at = n;
            f.fail_alloc_sticky = sticky;
            sandbox_result got;
            sandbox_run(&f, &got);
            sandbox_judge(&want, &got, &t, sticky ? "Lua allocations from" : "Lua allocation", n);
            sandbox_result_free(&got);
        }
        print_message("sandbox, Lua heap, %s: %ld points: %ld ran as undisturbed, %ld reported running out of "
                      "memory\n", sticky ? "from the N-th on" : "the N-th only", t.points, t.ok, t.reported);
        if (sticky) assert_true(t.reported >= total - 5); /* the last few are frees and the result */
    }
    sandbox_result_free(&want);
}

static void sandbox_c_allocations(void **state)
{
    (void)state;
    if (!fault_wrapped()) skip();
    orl_script_desc sd = {.seconds_per_call = 60};
    sandbox_result want;
    fault_begin(0, 0);
    sandbox_run(&sd, &want);
    long total = fault_end();
    assert_int_equal(want.rc, 0);
    assert_true(total > 100);
    for (int sticky = 0; sticky <= 1; sticky++) {
        tally t = {0};
        for (long n = 1; n <= total; n = fault_next(n, total, 3000)) {
            sandbox_result got;
            fault_begin(n, sticky);
            sandbox_run(&sd, &got);
            fault_end();
            sandbox_judge(&want, &got, &t, sticky ? "C allocations from" : "C allocation", n);
            sandbox_result_free(&got);
        }
        print_message("sandbox, C allocations (orl_script_new included), %s: %ld points of %ld: %ld ran as "
                      "undisturbed, %ld reported running out of memory, %ld could not start\n",
                      sticky ? "from the N-th on" : "the N-th only", t.points, total, t.ok, t.reported, t.unstarted);
        if (sticky) assert_int_equal(t.ok, 0);
    }
    sandbox_result_free(&want);
}

/* ---- 2. a playthrough ---- */

static orl_story *load_rich(void)
{
    orl_load_opts o = {0};
    o.script.seconds_per_call = 60;
    o.script.now = 1750000000;
    o.load_seconds = 120;
    orl_diags d = {0};
    orl_story *st = orl_story_load(RICH, &o, &d);
    assert_non_null(st);
    assert_int_equal(d.errors, 0);
    orl_diags_free(&d);
    return st;
}

static int mentions_memory(const orl_diags *d)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->items[i].sev >= ORL_ERROR && says_memory(d->items[i].msg)) return 1;
    return d->oom;
}

/* Plays from the start taking the last visible choice each time (puerta -> voz -> fin), then
 * the first (patio), writing every text, the choices shown and the state into log. 0, or -1
 * at the first step that failed (with a diagnostic in d, or none when NULL came back). */
static int play(orl_story *st, orl_buf *log, orl_diags *d)
{
    orl_run *r = orl_run_new(st);
    if (!r) return -1;
    int rc = orl_run_start(r, d);
    for (int step = 0; rc == 0 && step < 12; step++) {
        char *text = orl_run_scene_text(r, d);
        if (!text) { rc = -1; break; }
        orl_buf_printf(log, "[%s] %s\n", st->scenes[orl_run_scene(r)].id, text);
        free(text);
        int vis[16];
        int nv = orl_run_visible(r, vis, 16, d);
        if (nv < 0) { rc = -1; break; }
        for (int i = 0; i < nv; i++) {
            char *c = orl_run_choice_text(r, vis[i], d);
            if (!c) { rc = -1; break; }
            orl_buf_printf(log, "  %d. %s\n", vis[i] + 1, c);
            free(c);
        }
        if (rc != 0 || nv == 0) break;
        rc = orl_run_choose(r, vis[step % 2 == 0 ? nv - 1 : 0], d);
    }
    if (rc == 0) {
        orl_buf s = {0};
        rc = orl_run_state_save(r, &s, d);
        if (rc == 0 && s.oom) rc = -1;
        if (rc == 0) orl_state_describe(s.data, s.len, log);
        orl_buf_free(&s);
    }
    if (rc == 0 && d->errors) rc = -1;
    orl_run_free(r);
    return rc;
}

static void playthrough(void **state)
{
    (void)state;
    if (!fault_wrapped()) skip();
    orl_story *st = load_rich();
    orl_buf want = {0};
    orl_diags d0 = {0};
    fault_begin(0, 0);
    int rc0 = play(st, &want, &d0);
    long total = fault_end();
    orl_story_free(st);
    assert_int_equal(rc0, 0);
    assert_int_equal(d0.errors, 0);
    assert_false(want.oom);
    assert_non_null(strstr(want.data, "[fin] Fin."));
    orl_diags_free(&d0);
    assert_true(total > 20);
    for (int sticky = 0; sticky <= 1; sticky++) {
        tally t = {0};
        for (long n = 1; n <= total; n++) {
            st = load_rich();
            orl_buf got = {0};
            orl_diags d = {0};
            fault_begin(n, sticky);
            int rc = play(st, &got, &d);
            fault_end();
            t.points++;
            if (rc == 0 && !got.oom) {
                if (got.len != want.len || memcmp(got.data, want.data, want.len) != 0)
                    fault_misbehaved("playthrough, %s %ld: played otherwise:\n%s\nwant:\n%s", sticky ? "from" : "at", n,
                               got.data, want.data);
                t.ok++;
            } else if (rc != 0 && d.n == 0) {
                t.unstarted++; /* NULL from orl_run_new or a text: documented as out of memory */
            } else if (!mentions_memory(&d) && !got.oom) {
                for (size_t i = 0; i < d.n; i++) print_error("  %s\n", d.items[i].msg ? d.items[i].msg : "?");
                fault_misbehaved("playthrough, %s %ld: failed, and no error says memory ran out", sticky ? "from" : "at", n);
            } else {
                t.reported++;
            }
            orl_buf_free(&got);
            orl_diags_free(&d);
            orl_story_free(st);
        }
        print_message("playthrough, %s: %ld allocations: %ld played as undisturbed, %ld reported running out of "
                      "memory, %ld failed with NULL (out of memory)\n",
                      sticky ? "from the N-th on" : "the N-th only", total, t.ok, t.reported, t.unstarted);
        if (sticky) assert_int_equal(t.ok, 0);
    }
    orl_buf_free(&want);
}

static int group_setup(void **state)
{
    (void)state;
    if (fault_wrapped() && fault_install() != 0) return -1;
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    return fault_bad_points ? -1 : 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sandbox_lua_heap),
        cmocka_unit_test(sandbox_c_allocations),
        cmocka_unit_test(playthrough),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
