/* script/sandbox: story code is untrusted. Every test here is a way a story could hang,
 * crash, exhaust memory or reach outside, and must instead end in a clean error.
 * No test asserts on wall-clock time (machines differ); a hang shows as a ctest timeout. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <lua.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/limits.h"
#include "script/sandbox.h"

/* ---- helpers ---- */

/* Without a desc: the defaults, but a clock limit long enough that a loaded machine (or a
 * sanitizer build) never turns an expected budget or memory error into a time error. */
static orl_script *new_script(const orl_script_desc *d)
{
    orl_script_desc patient = {.seconds_per_call = 60};
    orl_script *S = orl_script_new(d ? d : &patient);
    assert_non_null(S);
    return S;
}

/* Loads `code` as story.lua and calls it with nres results. 0 or -1 (e filled). */
static int run_n(orl_script *S, const char *code, int nres, orl_script_error *e)
{
    orl_script_error_free(e);
    if (orl_script_load(S, code, strlen(code), "story.lua", e) != 0) return -1;
    return orl_script_pcall(S, 0, nres, 0, 0, e);
}

static int run(orl_script *S, const char *code, orl_script_error *e) { return run_n(S, code, 0, e); }

/* Runs code that must succeed (the message is shown when it does not). */
static void run_ok(orl_script *S, const char *code)
{
    orl_script_error e = {0};
    int rc = run(S, code, &e);
    if (rc != 0)
        fail_msg("expected success, got kind %d: %s:%d: %s\n  code: %s", e.kind, e.file ? e.file : "?",
                 e.line, e.msg ? e.msg : "(null)", code);
    orl_script_error_free(&e);
}

/* Runs code that must fail with `kind` (-1: any error) and a message containing `needle`. */
static void run_fails(orl_script *S, const char *code, int kind, const char *needle)
{
    orl_script_error e = {0};
    lua_State *L = orl_script_lua(S);
    int top = lua_gettop(L);
    int rc = run(S, code, &e);
    if (rc == 0) fail_msg("expected an error, the code succeeded: %s", code);
    assert_int_equal(lua_gettop(L), top); /* nothing left on the stack */
    assert_non_null(e.msg);
    if (kind >= 0 && (int)e.kind != kind)
        fail_msg("expected error kind %d, got %d (%s:%d: %s)\n  code: %s", kind, e.kind,
                 e.file ? e.file : "?", e.line, e.msg, code);
    if (needle && !strstr(e.msg, needle))
        fail_msg("error message '%s' does not contain '%s'\n  code: %s", e.msg, needle, code);
    orl_script_error_free(&e);
}

/* The state still works after an error. */
static void still_usable(orl_script *S)
{
    orl_script_error e = {0};
    lua_State *L = orl_script_lua(S);
    assert_int_equal(run_n(S, "local t = {} for i = 1, 1000 do t[i] = i end return #t + 1", 1, &e), 0);
    assert_int_equal(lua_tointeger(L, -1), 1001);
    lua_pop(L, 1);
    orl_script_error_free(&e);
}

/* ---- basics ---- */

static void test_basic_call(void **state)
{
    (void)state;
    orl_script *S = new_script(NULL);
    lua_State *L = orl_script_lua(S);
    orl_script_error e = {0};
    assert_int_equal(run_n(S, "return 1 + 2, ('x'):rep(3), #{1,2,3}", 3, &e), 0);
    assert_int_equal(lua_tointeger(L, -3), 3);
    assert_string_equal(lua_tostring(L, -2), "xxx");
    assert_int_equal(lua_tointeger(L, -1), 3);
    lua_pop(L, 3);
    assert_true(orl_script_memory(S) > 0);
    assert_true(orl_script_memory_peak(S) >= orl_script_memory(S));
    /* ordinary story code: tables, closures, string functions, sane patterns */
    run_ok(S, "local s = { steps = 0 }\n"
              "local function enter(s) s.steps = (s.steps or 0) + 1 end\n"
              "for i = 1, 3 do enter(s) end\n"
              "assert(s.steps == 3)\n"
              "local a, b = ('hola mundo'):match('(%w+) (%w+)')\n"
              "assert(a == 'hola' and b == 'mundo')\n"
              "assert(('a,b,,c'):gsub(',', ';') == 'a;b;;c')\n"
              "local n = 0 for w in ('uno dos tres'):gmatch('%a+') do n = n + 1 end assert(n == 3)\n"
              "assert(('x.y'):find('.', 1, true) == 2)\n"
              "assert(string.format('%d-%s', 7, 'x') == '7-x')\n"
              "assert(utf8.len('ñandú') == 5)\n"
              "assert(math.floor(2.5) == 2 and math.max(1, 9) == 9)\n"
              "local t = {3, 1, 2} table.sort(t) assert(table.concat(t, ',') == '1,2,3')\n"
              "assert(select('#', unpack({1, 2, 3})) == 3)\n"
              "assert(tostring(nil) == 'nil' and tonumber('12') == 12)\n"
              "local ok, err = pcall(error, 'x') assert(not ok and err == 'x')\n"
              "assert(_G == _ENV)\n");
    orl_script_error_free(&e);
    orl_script_free(S);
    orl_script_free(NULL);
}

static void test_each_call_has_its_own_budget(void **state)
{
    (void)state;
    orl_script *S = new_script(NULL);
    /* ~ half a budget each time: must succeed again and again */
    for (int i = 0; i < 5; i++) run_ok(S, "local x = 0 for i = 1, 150000 do x = x + i end");
    orl_script_free(S);
}

/* ---- endless loops ---- */

static void test_infinite_loop(void **state)
{
    (void)state;
    orl_script *S = new_script(NULL);
    orl_script_error e = {0};
    assert_int_equal(run(S, "local x = 1\nwhile true do end\n", &e), -1);
    assert_int_equal(e.kind, ORL_SCRIPT_ERR_BUDGET);
    assert_string_equal(e.file, "story.lua");
    assert_int_equal(e.line, 2);
    assert_true(strlen(orl_script_errkind_hint(e.kind)) > 0);
    orl_script_error_free(&e);
    run_fails(S, "repeat until false", ORL_SCRIPT_ERR_BUDGET, NULL);
    run_fails(S, "for i = 1, math.huge do end", ORL_SCRIPT_ERR_BUDGET, NULL);
    run_fails(S, "local function f() return f() end f()", ORL_SCRIPT_ERR_BUDGET, NULL); /* tail calls */
    run_fails(S, "::top:: goto top", ORL_SCRIPT_ERR_BUDGET, NULL);
    still_usable(S);
    orl_script_free(S);
}

static void test_pcall_cannot_swallow_budget(void **state)
{
    (void)state;
    orl_script *S = new_script(NULL);
    run_fails(S, "for i = 1, 10 do pcall(function() while true do end end) end", ORL_SCRIPT_ERR_BUDGET, NULL);
    run_fails(S, "while true do pcall(function() while true do end end) end", ORL_SCRIPT_ERR_BUDGET, NULL);
    run_fails(S, "local ok = pcall(function() while true do end end) return 'escaped'", ORL_SCRIPT_ERR_BUDGET, NULL);
    run_fails(S, "xpcall(function() while true do end end, function(m) return m end) return 1",
              ORL_SCRIPT_ERR_BUDGET, NULL);
    /* a looping message handler: Lua would run it with hooks off (was a hang) */
    run_fails(S, "xpcall(function() while true do end end, function(m) while true do end end)", -1, NULL);
    run_fails(S, "xpcall(error, function(m) while true do end end)", ORL_SCRIPT_ERR_BUDGET, NULL);
    run_fails(S, "for i = 1, 3 do xpcall(function() while true do end end, function(m) while true do end end) end",
              -1, NULL);
    run_ok(S, "local ok, r = xpcall(function(a, b) return a + b end, print, 1, 2) assert(ok and r == 3)\n"
              "local ok2, m = xpcall(error, function(m) return 'handled: ' .. m end, 'x')\n"
              "assert(not ok2 and m == 'handled: x')\n"
              "local ok3, m3 = xpcall(error, function(m) error('again', 0) end, 'x')\n"
              "assert(not ok3 and m3 == 'again')\n"
              "assert(select('#', xpcall(function() return 1, 2, 3 end, print)) == 4)\n");
    run_fails(S, "xpcall(print)", ORL_SCRIPT_ERR_RUNTIME, NULL);
    run_fails(S, "pcall(pcall, pcall, function() while true do end end) while true do end",
              ORL_SCRIPT_ERR_BUDGET, NULL);
    run_fails(S, "local n = 0 while true do n = n + 1 pcall(error, n) end", ORL_SCRIPT_ERR_BUDGET, NULL);
    still_usable(S);
    orl_script_free(S);

    /* the top-level function is pcall itself: it returns normally, but the limit still counts */
    S = new_script(NULL);
    lua_State *L = orl_script_lua(S);
    orl_script_error e = {0};
    orl_script_push_env(S);
    lua_getfield(L, -1, "pcall");
    lua_remove(L, -2);
    assert_int_equal(orl_script_load(S, "while true do end", 17, "story.lua", &e), 0);
    int top = lua_gettop(L) - 2;
    assert_int_equal(orl_script_pcall(S, 1, 2, 0, 0, &e), -1);
    assert_int_equal(e.kind, ORL_SCRIPT_ERR_BUDGET);
    assert_int_equal(lua_gettop(L), top);
    orl_script_error_free(&e);
    still_usable(S);
    orl_script_free(S);
}

static void test_close_handler_cannot_hang(void **state)
{
    (void)state;
    orl_script *S = new_script(NULL);
    run_fails(S,
              "local x <close> = setmetatable({}, {__close = function() while true do end end})\n"
              "while true do end\n",
              ORL_SCRIPT_ERR_BUDGET, NULL);
    run_fails(S, "do local x <close> = setmetatable({}, {__close = function() while true do end end}) end",
              ORL_SCRIPT_ERR_BUDGET, NULL);
    still_usable(S);
    orl_script_free(S);
}

static void test_wall_clock(void **state)
{
    (void)state;
    orl_script *S = new_script(NULL);
    orl_script_error e = {0};
    const char *code = "local x = 0\nwhile true do x = x + 1 end\n";
    assert_int_equal(orl_script_load(S, code, strlen(code), "story.lua", &e), 0);
    /* an instruction budget too large to matter: the clock (0.2 s) stops it */
    assert_int_equal(orl_script_pcall(S, 0, 0, 1L << 50, 0.2, &e), -1);
    assert_int_equal(e.kind, ORL_SCRIPT_ERR_TIME);
    assert_string_equal(e.file, "story.lua");
    assert_int_equal(e.line, 2);
    orl_script_error_free(&e);
    still_usable(S);
    orl_script_free(S);
}

/* ---- memory ---- */

static void test_memory_bomb(void **state)
{
    (void)state;
    orl_script_desc d = {.memory_limit = 16u << 20, .instructions_per_call = 100000000L, .seconds_per_call = 60};
    orl_script *S = new_script(&d);
    run_fails(S, "local t = {} for i = 1, 1e9 do t[i] = ('x'):rep(1000) .. i end", ORL_SCRIPT_ERR_MEMORY, NULL);
    assert_true(orl_script_memory_peak(S) <= d.memory_limit);
    still_usable(S);
    run_fails(S, "local s = 'x' while true do s = s .. s end", ORL_SCRIPT_ERR_MEMORY, NULL);
    run_fails(S, "local t = {} local i = 0 while true do i = i + 1 t[i] = {i} end", ORL_SCRIPT_ERR_MEMORY, NULL);
    run_fails(S, "local t = {} for i = 1, 1e9 do t[#t + 1] = tostring(i) end", ORL_SCRIPT_ERR_MEMORY, NULL);
    assert_true(orl_script_memory_peak(S) <= d.memory_limit);
    still_usable(S);
    orl_script_free(S);

    /* with the default limit too (64 MB) */
    S = new_script(NULL);
    run_fails(S, "local t = {} for i = 1, 1e9 do t[i] = ('x'):rep(1000) .. i end", -1, NULL);
    assert_true(orl_script_memory_peak(S) <= ORL_LUA_MEMORY_DEFAULT);
    still_usable(S);
    orl_script_free(S);
}

static void test_huge_strings(void **state)
{
    (void)state;
    orl_script *S = new_script(NULL);
    run_fails(S, "local s = string.rep('x', 1e10)", -1, NULL);
    run_fails(S, "local s = ('x'):rep(1e10)", -1, NULL);
    run_fails(S, "local s = ('xy'):rep(2^40, ',')", -1, NULL);
    run_fails(S, "local s = ('x'):rep(2^62)", -1, NULL);
    run_fails(S, "local s = ('x'):rep(1e8):rep(1e8)", -1, NULL);
    run_fails(S, "local s = string.format('%s', ('x'):rep(5e7)) .. ('x'):rep(5e7)", -1, NULL);
    assert_true(orl_script_memory_peak(S) <= ORL_LUA_MEMORY_DEFAULT);
    still_usable(S);
    orl_script_free(S);
}

/* Loops in C that neither the instruction budget nor the memory cap would stop. */
static void test_c_loops(void **state)
{
    (void)state;
    orl_script *S = new_script(NULL);
    run_ok(S, "assert(string.rep('', 1e15) == '')");
    run_ok(S, "assert(string.rep('', 1e15, '') == '')");
    run_ok(S, "assert(('ab'):rep(3, ',') == 'ab,ab,ab' and ('x'):rep(0) == '' and (''):rep(3, '-') == '--')");
    run_fails(S, "table.move({}, 1, 1e15, 2)", -1, "table.move");
    run_fails(S, "table.move({}, -1e15, 1e15, 1)", -1, "table.move");
    run_ok(S, "local t = table.move({1, 2, 3}, 1, 3, 2) assert(t[1] == 1 and t[2] == 1 and t[4] == 3)");
    run_ok(S, "local t = table.move({1, 2, 3}, 1, 3, 1, {}) assert(#t == 3)");
    run_fails(S, "local t = setmetatable({}, {__len = function() return 1e15 end}) table.insert(t, 1, 0)",
              -1, "table.insert");
    run_fails(S, "local t = setmetatable({}, {__len = function() return 1e15 end}) table.remove(t, 1)",
              -1, "table.remove");
    /* __len answering differently each time cannot slip past the check */
    run_fails(S, "local n = 0\n"
                 "local t = setmetatable({}, {__len = function() n = n + 1 return n % 2 == 1 and 1 or 1e15 end})\n"
                 "table.insert(t, 1, 0) table.insert(t, 1, 0) table.remove(t, 1) table.remove(t, 1)",
              -1, NULL);
    run_ok(S, "local t = {1, 2, 3}\n"
              "table.insert(t, 1, 0) table.insert(t, 9)\n"
              "assert(table.concat(t, ',') == '0,1,2,3,9')\n"
              "assert(table.remove(t, 1) == 0 and table.remove(t) == 9)\n"
              "assert(table.concat(t, ',') == '1,2,3')\n"
              "assert(table.remove({}) == nil)\n"
              "local big = setmetatable({}, {__len = function() return 1e15 end})\n"
              "table.insert(big, 'end') assert(big[1e15 + 1] == 'end')\n");
    run_fails(S, "table.insert({}, 5, 1)", ORL_SCRIPT_ERR_RUNTIME, "out of bounds");
    run_fails(S, "table.insert({}, 1, 2, 3)", ORL_SCRIPT_ERR_RUNTIME, "arguments");
    run_fails(S, "table.remove('x')", ORL_SCRIPT_ERR_RUNTIME, "table");
    run_fails(S, "table.unpack({}, 1, 1e8)", -1, NULL);
    run_fails(S, "local t = setmetatable({}, {__len = function() return 1e15 end}) table.sort(t)", -1, NULL);
    run_fails(S, "local t = setmetatable({}, {__len = function() return 1e15 end}) table.concat(t)", -1, NULL);
    still_usable(S);
    orl_script_free(S);
}

/* Library functions replaced or wrapped so the budget holds inside C (issue #21, class 1):
 * they still do what Lua's do. */
static void test_library_semantics(void **state)
{
    (void)state;
    orl_script *S = new_script(NULL);
    run_ok(S, "local t = {5, 3, 9, 1, 7, 3} table.sort(t) assert(table.concat(t, ' ') == '1 3 3 5 7 9')");
    run_ok(S, "local t = {5, 3, 9, 1} table.sort(t, function(a, b) return a > b end) "
              "assert(table.concat(t, ',') == '9,5,3,1')");
    run_ok(S, "local t = {'pera', 'ana', 'luz'} table.sort(t) assert(table.concat(t, ',') == 'ana,luz,pera')");
    run_ok(S, "local t = {} for i = 1, 1000 do t[i] = (i * 7919) % 1009 end table.sort(t) "
              "for i = 2, #t do assert(t[i - 1] <= t[i]) end");
    /* an order function that lies still ends, with every element kept */
    run_ok(S, "local t = {} for i = 1, 300 do t[i] = i end table.sort(t, function() return true end) "
              "local seen = {} for i = 1, 300 do seen[t[i]] = true end for i = 1, 300 do assert(seen[i]) end");
    run_ok(S, "table.sort({}) table.sort({1})");
    run_fails(S, "table.sort({1, 'a', 2})", ORL_SCRIPT_ERR_RUNTIME, "compare");
    run_fails(S, "table.sort({3, 2, 1}, function(a, b) error('no') end)", ORL_SCRIPT_ERR_RUNTIME, "no");
    run_fails(S, "table.sort({3, 2}, 5)", ORL_SCRIPT_ERR_RUNTIME, NULL);
    run_ok(S, "assert(table.concat({}) == '' and table.concat({1, 'a', 2.5}, '-') == '1-a-2.5')");
    run_ok(S, "assert(table.concat({'a', 'b', 'c', 'd'}, ',', 2, 3) == 'b,c')");
    run_fails(S, "table.concat({1, {}, 3})", ORL_SCRIPT_ERR_RUNTIME, "index 2");
    run_ok(S, "local a, b, c = table.unpack({1, 2, 3}) assert(a == 1 and b == 2 and c == 3)");
    run_ok(S, "assert(select('#', table.unpack({}, 1, 3)) == 3 and select('#', table.unpack({1}, 2, 1)) == 0)");
    run_ok(S, "local a, b = unpack({7, 8}) assert(a == 7 and b == 8)");
    run_ok(S, "local t = table.move({1, 2, 3, 4}, 2, 4, 1) assert(table.concat(t, ',') == '2,3,4,4')");
    run_ok(S, "assert(('abc'):upper() == 'ABC' and string.format('%d-%s', 3, 'x') == '3-x' and "
              "utf8.len('año') == 3 and tostring(12) == '12' and tonumber('0x10') == 16 and "
              "('hola'):sub(2, 3) == 'ol' and ('ab'):byte(2) == 98 and utf8.char(241) == 'ñ')");
    /* reading a long text a letter at a time is not charged for the whole text each time */
    run_ok(S, "local s = string.rep('ab', 1 << 19)\nlocal n = 0\n"
              "for i = 1, 20000 do n = n + s:byte(i) + #s:sub(i, i) end");
    still_usable(S);
    orl_script_free(S);
}

/* Loops inside C, where the count hook never runs: each ends by the budget or the clock. */
static void test_loops_inside_c(void **state)
{
    (void)state;
    orl_script *S = new_script(NULL);
    /* table.concat over 2^50 elements whose __index is table.concat (issue #21) */
    run_fails(S, "local t = setmetatable({}, { __index = table.concat })\n"
                 "return #table.concat(t, '', 1, 1 << 50)", ORL_SCRIPT_ERR_BUDGET, NULL);
    run_fails(S, "local t = setmetatable({}, { __index = function() return 'x' end })\n"
                 "return #table.concat(t, '', 1, 1 << 50)", -1, NULL);
    run_fails(S, "local t = setmetatable({}, { __index = table.concat })\n"
                 "return select('#', table.unpack(t, 1, 900000)) + select('#', table.unpack(t, 1, 900000))",
              ORL_SCRIPT_ERR_BUDGET, NULL);
    run_fails(S, "local t = setmetatable({}, { __index = table.concat, __newindex = function() end })\n"
                 "for i = 1, 100 do table.move(t, 1, 1 << 23, 2) end", ORL_SCRIPT_ERR_BUDGET, NULL);
    /* sorting 200,000 references to one 4 MB text compared 4 MB per step (268 s) */
    run_fails(S, "local big = string.rep('x', 4 << 20)\nlocal t = {}\n"
                 "for i = 1, 200000 do t[i] = big end\ntable.sort(t)", ORL_SCRIPT_ERR_BUDGET, NULL);
    /* a loop of costly library calls, each under the budget */
    run_fails(S, "local s = string.rep('a', 1 << 20)\nwhile true do local u = s:upper() end",
              ORL_SCRIPT_ERR_BUDGET, NULL);
    run_fails(S, "while true do local u = string.rep('ab', 1 << 20) end", ORL_SCRIPT_ERR_BUDGET, NULL);
    /* and the error points at the story's line, through the C functions between */
    orl_script_error e = {0};
    assert_int_equal(run(S, "local t = setmetatable({}, { __index = table.concat })\n"
                            "local n = #table.concat(t, '', 1, 1 << 50)\n", &e), -1);
    assert_string_equal(e.file, "story.lua");
    assert_int_equal(e.line, 2);
    orl_script_error_free(&e);
    still_usable(S);
    orl_script_free(S);
}

/* One instruction that costs milliseconds (comparing two 8 MB texts): the count hook comes
 * every 1,000 of them, seconds apart; the watchdog ends the call at its deadline. */
static void test_deadline_inside_slow_instructions(void **state)
{
    (void)state;
    orl_script *S = new_script(NULL);
    orl_script_error e = {0};
    /* the loop on one line: which of its instructions the deadline meets varies by build */
    const char *code = "local a = string.rep('x', 8 << 20)\nlocal b = string.rep('x', 8 << 20)\n"
                       "local n = 0 while true do if a < b then n = n + 1 end end\n";
    assert_int_equal(orl_script_load(S, code, strlen(code), "story.lua", &e), 0);
    assert_int_equal(orl_script_pcall(S, 0, 0, 1L << 50, 0.3, &e), -1);
    if (e.kind != ORL_SCRIPT_ERR_TIME) fail_msg("kind %d: %s:%d: %s", e.kind, e.file ? e.file : "?", e.line, e.msg);
    assert_int_equal(e.line, 3);
    orl_script_error_free(&e);
    still_usable(S);
    orl_script_free(S);
}

/* Lua's parser stops at ~200 levels with "C stack overflow" and no line (issue #21, class 7) */
static void test_deep_nesting_has_a_line(void **state)
{
    (void)state;
    orl_script *S = new_script(NULL);
    orl_script_error e = {0};
    size_t n = 100000;
    char *code = malloc(2 * n + 32);
    assert_non_null(code);
    strcpy(code, "local a = 1\nlocal t = ");
    size_t k = strlen(code);
    memset(code + k, '{', n);
    memset(code + k + n, '}', n);
    code[k + 2 * n] = 0;
    assert_int_equal(orl_script_load(S, code, strlen(code), "story.lua", &e), -1);
    assert_int_equal(e.kind, ORL_SCRIPT_ERR_SYNTAX);
    assert_int_equal(e.line, 2);
    assert_non_null(strstr(e.msg, "nested too deeply"));
    free(code);
    orl_script_error_free(&e);
    still_usable(S);
    orl_script_free(S);
}

/* The kiosk's SIGTERM handler calls orl_script_interrupt_all: a call stuck in C ends. Last
 * in the list: the interruption is for good (the process is stopping). */
static void *interrupt_later(void *arg)
{
    (void)arg;
    struct timespec ts = {0, 200 * 1000 * 1000};
    nanosleep(&ts, NULL);
    orl_script_interrupt_all();
    return NULL;
}

static void test_interrupt_all(void **state)
{
    (void)state;
    orl_script *S = new_script(NULL);
    orl_script_error e = {0};
    const char *code = "local a = string.rep('x', 8 << 20)\nlocal b = string.rep('x', 8 << 20)\n"
                       "while true do local c = a < b end\n";
    assert_int_equal(orl_script_load(S, code, strlen(code), "story.lua", &e), 0);
    pthread_t t;
    assert_int_equal(pthread_create(&t, NULL, interrupt_later, NULL), 0);
    assert_int_equal(orl_script_pcall(S, 0, 0, 1L << 50, 3600, &e), -1);
    pthread_join(t, NULL);
    assert_int_equal(e.kind, ORL_SCRIPT_ERR_TIME);
    assert_true(orl_script_interrupted());
    orl_script_error_free(&e);
    orl_script_free(S);
}

/* ---- recursion ---- */

static void test_recursion(void **state)
{
    (void)state;
    /* the real defaults, clock included: f(1, ...) below copies a growing argument list in C
     * on every call (quadratic work the instruction count does not see); the clock ends it */
    orl_script_desc defaults = {0};
    orl_script *S = new_script(&defaults);
    orl_script_error e = {0};
    assert_int_equal(run(S, "local function f() return 1 + f() end\nf()\n", &e), -1);
    assert_non_null(e.msg);
    assert_true(e.kind == ORL_SCRIPT_ERR_BUDGET || e.kind == ORL_SCRIPT_ERR_RUNTIME ||
                e.kind == ORL_SCRIPT_ERR_MEMORY || e.kind == ORL_SCRIPT_ERR_TIME);
    orl_script_error_free(&e);
    still_usable(S);
    run_fails(S, "local t = setmetatable({}, {}) getmetatable(t).__index = function(t, k) return t[k] end\n"
                 "return t.x", -1, NULL);
    run_fails(S, "local t = setmetatable({}, {}) getmetatable(t).__tostring = function(t) return tostring(t) end\n"
                 "return tostring(t)", -1, NULL);
    run_fails(S, "local t = {} t = setmetatable(t, {__index = t}) return t.x", -1, NULL);
    run_fails(S, "local function f(...) return f(1, ...) end f()", -1, NULL);
    run_fails(S, "local s = ('('):rep(1e5) .. ('x'):rep(1) return s:find(s)", -1, NULL);
    still_usable(S);
    orl_script_free(S);
}

/* ---- string patterns ---- */

static void test_patterns(void **state)
{
    (void)state;
    orl_script *S = new_script(NULL);
    run_fails(S, "return string.rep('a', 400):find('.-.-.-b')", ORL_SCRIPT_ERR_RUNTIME, "pattern");
    run_fails(S, "return ('a'):rep(400):match('(.-)(.-)(.-)b')", ORL_SCRIPT_ERR_RUNTIME, "pattern");
    run_fails(S, "return ('a'):rep(400):match('.*.*.*.*b')", ORL_SCRIPT_ERR_RUNTIME, "pattern");
    run_fails(S, "return ('a'):rep(400):gsub('.-.-.-b', '')", ORL_SCRIPT_ERR_RUNTIME, "pattern");
    run_fails(S, "for x in ('a'):rep(400):gmatch('.-.-.-b') do end", ORL_SCRIPT_ERR_RUNTIME, "pattern");
    run_fails(S, "return string.find(('a'):rep(400), '.-.-.-b')", ORL_SCRIPT_ERR_RUNTIME, "pattern");
    run_fails(S, "return ('a'):rep(40):match(('a?'):rep(40) .. ('a'):rep(40))", ORL_SCRIPT_ERR_RUNTIME, "pattern");
    /* a quantifier before '$' backtracks too (was allowed, took minutes) */
    run_fails(S, "return (('a'):rep(1 << 17) .. 'b'):find('a*$')", ORL_SCRIPT_ERR_RUNTIME, "pattern");
    run_fails(S, "return (('a'):rep(1 << 17) .. 'b'):find('a-$')", ORL_SCRIPT_ERR_RUNTIME, "pattern");
    /* subject and pattern length limits */
    run_fails(S, "return ('a'):rep((1 << 20) + 1):find('b')", ORL_SCRIPT_ERR_RUNTIME, NULL);
    run_fails(S, "return ('a'):find(('a'):rep(300))", ORL_SCRIPT_ERR_RUNTIME, NULL);
    /* a plain find compares its text at every place: a long one in a long text is refused
     * (this one compared ~2.7e11 bytes: minutes) */
    run_fails(S, "local s = ('a'):rep(1 << 20)\nreturn s:find(('a'):rep(1 << 19) .. 'b', 1, true)",
              ORL_SCRIPT_ERR_RUNTIME, "take very long");
    run_fails(S, "return string.find(('a'):rep(1 << 20), ('a'):rep(4096) .. 'b', 1, true)", ORL_SCRIPT_ERR_RUNTIME,
              "take very long");
    /* ... while ordinary patterns on ordinary texts work */
    run_ok(S, "local s = ('abc '):rep(100)\n"
              "assert(s:find('c a', 1, true) == 3)\n"
              "assert(select(2, s:gsub('%s', '')) == 100)\n"
              "assert(('  trim me  '):match('^%s*(.-)%s*$') == 'trim me')\n"
              "assert(('x=1, y=2'):gsub('(%w+)=(%w+)', '%2=%1') == '1=x, 2=y')\n"
              "assert(('[[x]]'):find('[[', 1, true) == 1)\n"
              "assert(('f(a(b)c)'):match('%b()') == '(a(b)c)')\n"
              "assert(('ab'):rep(1000):find('b$') == 2000)\n"
              "assert(('a'):rep(100000):find('a*') == 1)\n"
              "assert((('x'):rep(100000) .. 'needle'):find(('needle'), 1, true) == 100001)\n"
              "assert((('x'):rep(1000) .. ('y'):rep(300)):find(('y'):rep(300), 1, true) == 1001)\n");
    /* the cost estimate used for the decision */
    assert_true(orl_pattern_cost("abc", 3, 1000) < 1e5);
    assert_true(orl_pattern_cost(".-.-b", 5, 300) < orl_pattern_cost(".-.-.-b", 7, 300));
    assert_true(orl_pattern_cost(".-.-.-b", 7, 400) > ORL_PATTERN_MAX_STEPS);
    assert_true(orl_pattern_cost("a*", 2, 1000) < orl_pattern_cost("a*$", 3, 1000));
    still_usable(S);
    orl_script_free(S);
}

/* Many matches each under the limit still stop at the deadline. */
static void test_pattern_loop_deadline(void **state)
{
    (void)state;
    orl_script *S = new_script(NULL);
    orl_script_error e = {0};
    const char *code = "local s = ('a'):rep(250)\nwhile true do s:find('.-.-b') end\n";
    assert_int_equal(orl_script_load(S, code, strlen(code), "story.lua", &e), 0);
    assert_int_equal(orl_script_pcall(S, 0, 0, 1L << 50, 0.3, &e), -1);
    assert_int_equal(e.kind, ORL_SCRIPT_ERR_TIME);
    assert_string_equal(e.file, "story.lua");
    assert_int_equal(e.line, 2);
    orl_script_error_free(&e);
    still_usable(S);
    orl_script_free(S);
}

/* ---- what a story cannot reach ---- */

static void test_environment(void **state)
{
    (void)state;
    orl_script *S = new_script(NULL);
    const char *gone[] = {"io", "os.execute", "os.exit", "os.getenv", "os.remove", "os.rename",
                          "os.tmpname", "os.clock", "os.setlocale", "require", "load", "loadstring",
                          "dofile", "loadfile", "debug", "package", "collectgarbage", "string.dump",
                          "coroutine", "module", "setfenv", "getfenv", "newproxy", "math.randomseed",
                          "_G.io", "_G.load", "_ENV.require", "('').dump", "utf8.dump"};
    for (size_t i = 0; i < sizeof gone / sizeof *gone; i++) {
        char code[200];
        snprintf(code, sizeof code, "assert(%s == nil, [[%s is reachable]])", gone[i], gone[i]);
        run_ok(S, code);
    }
    run_ok(S, "for _, k in ipairs({'io', 'debug', 'package', 'load', 'require', 'dofile', 'loadfile',\n"
              "    'collectgarbage', 'coroutine'}) do assert(rawget(_G, k) == nil, k) end\n"
              "for k in pairs(_G) do assert(k ~= 'io' and k ~= 'debug') end\n");
    /* the string metatable (whose __index is the string library) is protected */
    run_ok(S, "assert(getmetatable('') == false)");
    run_fails(S, "return getmetatable('').__index", ORL_SCRIPT_ERR_RUNTIME, NULL);
    run_fails(S, "setmetatable('', {})", ORL_SCRIPT_ERR_RUNTIME, NULL);
    /* the engine's own registry of loaded modules is gone too */
    run_ok(S, "assert(string.dump == nil and ('x').dump == nil)");
    orl_script_free(S);
}

static void test_os_time_date(void **state)
{
    (void)state;
    orl_script_desc d = {.now = 365LL * 86400};
    orl_script *S = new_script(&d);
    run_ok(S, "assert(os.time() == 365 * 86400)\n"
              "assert(os.date('!%Y-%m-%d') == '1971-01-01')\n"
              "assert(os.date('!*t').year == 1971)\n"
              "assert(os.date('!%Y', 0) == '1970')\n"
              "assert(type(os.date()) == 'string')\n"
              "assert(type(os.time{year = 2000, month = 1, day = 1, hour = 12}) == 'number')\n");
    run_fails(S, "return os.date(('%Y'):rep(100))", ORL_SCRIPT_ERR_RUNTIME, NULL);
    run_fails(S, "return os.date('%Ez%', 0)", -1, NULL);
    orl_script_free(S);
    /* the real clock when now is 0 */
    S = new_script(NULL);
    run_ok(S, "assert(os.time() > 1600000000)");
    orl_script_free(S);
}

static void test_gc_refused(void **state)
{
    (void)state;
    orl_script *S = new_script(NULL);
    run_fails(S, "setmetatable({}, {__gc = function() while true do end end})", ORL_SCRIPT_ERR_RUNTIME, "__gc");
    run_fails(S, "setmetatable({}, {__gc = false})", ORL_SCRIPT_ERR_RUNTIME, "__gc");
    run_fails(S, "local mt = setmetatable({}, {__index = {__gc = function() while true do end end}})\n"
                 "setmetatable({}, mt)", ORL_SCRIPT_ERR_RUNTIME, "__gc");
    run_fails(S, "local t = setmetatable({}, {__metatable = 'locked'}) setmetatable(t, {})",
              ORL_SCRIPT_ERR_RUNTIME, NULL);
    /* __gc added after setmetatable is never a finalizer (Lua marks objects at set time) */
    run_ok(S, "local mt = {} _G.keep = setmetatable({}, mt) mt.__gc = function() while true do end end\n"
              "_G.keep = nil");
    run_ok(S, "local t = setmetatable({}, {__index = function(t, k) return k .. '!' end}) assert(t.x == 'x!')");
    run_ok(S, "local t = setmetatable({}, nil) assert(getmetatable(t) == nil)");
    /* freeing the state does not hang */
    orl_script_free(S);
}

static void test_bytecode_refused(void **state)
{
    (void)state;
    orl_script *S = new_script(NULL);
    lua_State *L = orl_script_lua(S);
    static const char bc[] = "\x1bLua\x54\x00\x19\x93\r\n\x1a\n\x04\x08\x08\x78\x56\x00\x00\x00\x00\x00"
                             "\x00\x00\x00\x00\x00\x00\x28\x77\x40\x01\x80\x80\x80\x80";
    orl_script_error e = {0};
    int top = lua_gettop(L);
    assert_int_equal(orl_script_load(S, bc, sizeof bc - 1, "story.lua", &e), -1);
    assert_int_equal(e.kind, ORL_SCRIPT_ERR_BYTECODE);
    assert_non_null(e.msg);
    assert_int_equal(lua_gettop(L), top);
    assert_true(strlen(orl_script_errkind_hint(e.kind)) > 0);
    orl_script_error_free(&e);
    /* just the signature byte is enough to be refused */
    assert_int_equal(orl_script_load(S, "\x1b", 1, "story.lua", &e), -1);
    assert_int_equal(e.kind, ORL_SCRIPT_ERR_BYTECODE);
    orl_script_error_free(&e);
    /* an empty chunk is fine */
    assert_int_equal(orl_script_load(S, "", 0, "story.lua", &e), 0);
    lua_pop(L, 1);
    orl_script_free(S);
}

static void test_syntax_error(void **state)
{
    (void)state;
    orl_script *S = new_script(NULL);
    lua_State *L = orl_script_lua(S);
    orl_script_error e = {0};
    const char *code = "local a = 1\nlocal b = 2\nlocal c = = 3\nlocal d = 4\n";
    int top = lua_gettop(L);
    assert_int_equal(orl_script_load(S, code, strlen(code), "story.lua", &e), -1);
    assert_int_equal(lua_gettop(L), top);
    assert_int_equal(e.kind, ORL_SCRIPT_ERR_SYNTAX);
    assert_string_equal(e.file, "story.lua");
    assert_int_equal(e.line, 3);
    assert_non_null(e.msg);
    assert_null(strstr(e.msg, "story.lua:3")); /* the prefix was split off */
    orl_script_error_free(&e);
    /* a file in a folder keeps its path; the line of an unclosed string */
    code = "scene 'a' {\n  text = \"open\n}\n";
    assert_int_equal(orl_script_load(S, code, strlen(code), "chapters/ana.lua", &e), -1);
    assert_int_equal(e.kind, ORL_SCRIPT_ERR_SYNTAX);
    assert_string_equal(e.file, "chapters/ana.lua");
    assert_int_equal(e.line, 2);
    orl_script_error_free(&e);
    /* unclosed block: reported at the end */
    code = "if true then\n\n\n";
    assert_int_equal(orl_script_load(S, code, strlen(code), "story.lua", &e), -1);
    assert_int_equal(e.kind, ORL_SCRIPT_ERR_SYNTAX);
    assert_true(e.line >= 1);
    orl_script_error_free(&e);
    orl_script_free(S);
}

static void test_runtime_error_location(void **state)
{
    (void)state;
    orl_script *S = new_script(NULL);
    orl_script_error e = {0};
    assert_int_equal(run(S, "local x = 1\n\nerror('boom')\n", &e), -1);
    assert_int_equal(e.kind, ORL_SCRIPT_ERR_RUNTIME);
    assert_string_equal(e.file, "story.lua");
    assert_int_equal(e.line, 3);
    assert_string_equal(e.msg, "boom");
    assert_int_equal(run(S, "local t = nil\nreturn t.x\n", &e), -1);
    assert_string_equal(e.file, "story.lua");
    assert_int_equal(e.line, 2);
    assert_non_null(strstr(e.msg, "nil"));
    assert_int_equal(run(S, "\nerror({code = 1})\n", &e), -1);
    assert_non_null(strstr(e.msg, "table"));
    assert_int_equal(e.line, 2);
    assert_int_equal(run(S, "error(42)", &e), -1);
    assert_non_null(strstr(e.msg, "42"));
    assert_int_equal(run(S, "error()", &e), -1);
    assert_non_null(e.msg);
    assert_int_equal(run(S, "error(setmetatable({}, {__tostring = function() while true do end end}))", &e), -1);
    assert_non_null(e.msg);
    assert_int_equal(run(S, "error('no position', 0)", &e), -1);
    assert_string_equal(e.msg, "no position");
    assert_int_equal(run(S, "local x = 'a' + 1", &e), -1);
    assert_string_equal(e.file, "story.lua");
    assert_int_equal(e.line, 1);
    orl_script_error_free(&e);
    orl_script_free(S);
}

static void test_error_set(void **state)
{
    (void)state;
    orl_script_error e = {0};
    orl_script_error_set(&e, ORL_SCRIPT_ERR_RUNTIME, "ana.lua:12: bad thing", "story.lua", 1);
    assert_string_equal(e.file, "ana.lua");
    assert_int_equal(e.line, 12);
    assert_string_equal(e.msg, "bad thing");
    orl_script_error_set(&e, ORL_SCRIPT_ERR_RUNTIME, "plain message", "story.lua", 7);
    assert_string_equal(e.file, "story.lua");
    assert_int_equal(e.line, 7);
    assert_string_equal(e.msg, "plain message");
    orl_script_error_set(&e, ORL_SCRIPT_ERR_RUNTIME, "time: 12:30 is late", NULL, 0);
    assert_null(e.file);
    assert_string_equal(e.msg, "time: 12:30 is late");
    orl_script_error_set(&e, ORL_SCRIPT_ERR_RUNTIME, "a.lua:0: zero", NULL, 0);
    assert_int_equal(e.line, 0);
    orl_script_error_set(&e, ORL_SCRIPT_ERR_MEMORY, NULL, NULL, 0);
    assert_int_equal(e.kind, ORL_SCRIPT_ERR_MEMORY);
    assert_non_null(e.msg);
    orl_script_error_set(&e, ORL_SCRIPT_ERR_RUNTIME, NULL, NULL, 0);
    assert_non_null(e.msg);
    orl_script_error_free(&e);
    orl_script_error_free(&e);
    orl_script_error_free(NULL);
    assert_true(strlen(orl_script_errkind_hint(ORL_SCRIPT_ERR_TIME)) > 0);
    assert_true(strlen(orl_script_errkind_hint(ORL_SCRIPT_ERR_MEMORY)) > 0);
    assert_non_null(orl_script_errkind_hint(ORL_SCRIPT_OK));
}

/* ---- determinism ---- */

static char *random_sequence(uint64_t seed)
{
    orl_script_desc d = {.seed = seed};
    orl_script *S = new_script(&d);
    lua_State *L = orl_script_lua(S);
    orl_script_error e = {0};
    assert_int_equal(run_n(S, "local t = {} for i = 1, 8 do t[i] = math.random(1, 1000000) end\n"
                              "t[9] = math.random() return table.concat(t, ',')", 1, &e), 0);
    char *s = strdup(lua_tostring(L, -1));
    orl_script_free(S);
    return s;
}

static void test_random_deterministic(void **state)
{
    (void)state;
    char *a = random_sequence(42), *b = random_sequence(42), *c = random_sequence(43);
    char *z1 = random_sequence(0), *z2 = random_sequence(0);
    assert_string_equal(a, b);
    assert_string_not_equal(a, c);
    assert_string_equal(z1, z2);
    free(a);
    free(b);
    free(c);
    free(z1);
    free(z2);
    orl_script *S = new_script(NULL);
    run_ok(S, "assert(math.randomseed == nil)");
    run_fails(S, "math.randomseed(1)", ORL_SCRIPT_ERR_RUNTIME, NULL);
    orl_script_free(S);
}

/* ---- print ---- */

typedef struct printed { char lines[4][128]; int n; } printed;

static void on_print(void *ud, const char *line)
{
    printed *p = ud;
    if (p->n < 4) snprintf(p->lines[p->n++], sizeof p->lines[0], "%s", line);
}

static void test_print(void **state)
{
    (void)state;
    printed p = {0};
    orl_script_desc d = {.print = on_print, .print_ud = &p};
    orl_script *S = new_script(&d);
    run_ok(S, "\nprint('hola', 42, nil, true)\nprint()");
    assert_int_equal(p.n, 2);
    assert_string_equal(p.lines[0], "story.lua:2: hola\t42\tnil\ttrue");
    assert_string_equal(p.lines[1], "story.lua:3: ");
    orl_script_free(S);
}

/* ---- allocation failures ---- */

static void test_fault_injection(void **state)
{
    (void)state;
    const char *code = "local t = {}\n"
                       "for i = 1, 20 do t[i] = ('x'):rep(i) .. i end\n"
                       "local s = table.concat(t, ',')\n"
                       "local m = setmetatable({}, {__index = function(_, k) return k end})\n"
                       "assert(m.abc == 'abc')\n"
                       "local ok = pcall(error, {})\n"
                       "return #s + #('%d'):format(12345)\n";
    /* the answer without failures */
    orl_script *S = new_script(NULL);
    lua_State *L = orl_script_lua(S);
    orl_script_error e = {0};
    assert_int_equal(run_n(S, code, 1, &e), 0);
    lua_Integer want = lua_tointeger(L, -1);
    long total = orl_script_alloc_count(S);
    orl_script_free(S);
    assert_true(total > 10);

    int ok = 0, failed = 0;
    for (long n = 1; n <= 200; n++) {
        orl_script_desc d = {.fail_alloc_at = n};
        S = orl_script_new(&d);
        assert_non_null(S); /* the count starts after orl_script_new */
        L = orl_script_lua(S);
        int top = lua_gettop(L);
        int rc = run_n(S, code, 1, &e);
        if (rc == 0) {
            assert_int_equal(lua_tointeger(L, -1), want);
            lua_pop(L, 1);
            ok++;
        } else {
            assert_non_null(e.msg);
            failed++;
        }
        assert_int_equal(lua_gettop(L), top);
        orl_script_error_free(&e);
        orl_script_free(S);
    }
    assert_int_equal(ok + failed, 200);
    print_message("fault injection: %d runs succeeded, %d reported an error (%ld allocations in all)\n",
                  ok, failed, total);

    /* Lua retries a failed allocation after an emergency collection, so one failure rarely
     * shows. A memory cap that runs out at every point of the chunk does: sweep it from
     * just enough to start the state up to what the chunk needs. */
    S = new_script(NULL);
    size_t base = orl_script_memory(S);
    assert_int_equal(run_n(S, code, 1, &e), 0);
    size_t peak = orl_script_memory_peak(S);
    orl_script_free(S);
    ok = failed = 0;
    int unstarted = 0;
    for (size_t limit = base - base / 8; limit <= peak + 4096; limit += 16) {
        orl_script_desc d = {.memory_limit = limit};
        S = orl_script_new(&d);
        if (!S) { unstarted++; continue; }
        L = orl_script_lua(S);
        int top = lua_gettop(L);
        int rc = run_n(S, code, 1, &e);
        if (rc == 0) {
            assert_int_equal(lua_tointeger(L, -1), want);
            lua_pop(L, 1);
            ok++;
        } else {
            assert_non_null(e.msg);
            if (e.kind != ORL_SCRIPT_ERR_MEMORY && e.kind != ORL_SCRIPT_ERR_RUNTIME &&
                e.kind != ORL_SCRIPT_ERR_SYNTAX)
                fail_msg("limit %zu: unexpected error kind %d: %s", limit, e.kind, e.msg);
            failed++;
        }
        assert_int_equal(lua_gettop(L), top);
        assert_true(orl_script_memory_peak(S) <= limit);
        orl_script_error_free(&e);
        orl_script_free(S);
    }
    print_message("memory cap sweep: %d could not start, %d failed cleanly, %d succeeded\n", unstarted,
                  failed, ok);
    assert_true(failed > 0);
    assert_true(ok > 0);

    /* too small a heap to even start: NULL, no leak */
    orl_script_desc tiny = {.memory_limit = 512};
    assert_null(orl_script_new(&tiny));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_basic_call),
        cmocka_unit_test(test_each_call_has_its_own_budget),
        cmocka_unit_test(test_infinite_loop),
        cmocka_unit_test(test_pcall_cannot_swallow_budget),
        cmocka_unit_test(test_close_handler_cannot_hang),
        cmocka_unit_test(test_wall_clock),
        cmocka_unit_test(test_memory_bomb),
        cmocka_unit_test(test_huge_strings),
        cmocka_unit_test(test_c_loops),
        cmocka_unit_test(test_recursion),
        cmocka_unit_test(test_patterns),
        cmocka_unit_test(test_pattern_loop_deadline),
        cmocka_unit_test(test_environment),
        cmocka_unit_test(test_os_time_date),
        cmocka_unit_test(test_gc_refused),
        cmocka_unit_test(test_bytecode_refused),
        cmocka_unit_test(test_syntax_error),
        cmocka_unit_test(test_runtime_error_location),
        cmocka_unit_test(test_error_set),
        cmocka_unit_test(test_random_deterministic),
        cmocka_unit_test(test_print),
        cmocka_unit_test(test_fault_injection),
        cmocka_unit_test(test_library_semantics),
        cmocka_unit_test(test_loops_inside_c),
        cmocka_unit_test(test_deadline_inside_slow_instructions),
        cmocka_unit_test(test_deep_nesting_has_a_line),
        cmocka_unit_test(test_interrupt_all), /* last: it interrupts for good */
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
