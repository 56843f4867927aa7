/* libFuzzer harness: the story state codec (engine/script/state.c) on any bytes, as a
 * damaged or hostile save file gives it. orl_state_decode must refuse or push one table; what
 * it accepts must encode, and that encoding must decode and encode again to the same bytes
 * (the encoding is canonical); orl_state_describe must cope with anything. */
#include "core/strutil.h"
#include "script/sandbox.h"
#include "script/state.h"
#include <lua.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* a fresh state per input: libFuzzer's leak check runs whenever an input ends with more
     * allocations than it began with, which a Lua heap kept across inputs always does */
    orl_script_desc sd = {.memory_limit = 256u << 20};
    orl_script *S = orl_script_new(&sd);
    if (!S) abort();
    lua_State *L = orl_script_lua(S);
    lua_settop(L, 0);
    orl_buf desc = {0};
    orl_state_describe((const char *)data, size, &desc);
    orl_buf_free(&desc);

    char *err = NULL;
    if (orl_state_decode(L, (const char *)data, size, &err) != 0) {
        if (!err || lua_gettop(L) != 0) abort(); /* refused: a message, nothing pushed */
        free(err);
        orl_script_free(S);
        return 0;
    }
    if (lua_gettop(L) != 1 || lua_type(L, 1) != LUA_TTABLE) abort();
    orl_buf a = {0}, b = {0};
    if (orl_state_encode(L, 1, &a, &err) == 0) {
        lua_settop(L, 0);
        if (orl_state_decode(L, a.data, a.len, &err) != 0) abort(); /* its own output */
        if (orl_state_encode(L, 1, &b, &err) != 0) abort();
        if (a.len != b.len || memcmp(a.data, b.data, a.len) != 0) abort(); /* canonical */
        orl_buf d2 = {0};
        orl_state_describe(a.data, a.len, &d2);
        if (!d2.data || strcmp(d2.data, "(unreadable)") == 0) abort();
        orl_buf_free(&d2);
    } else {
        free(err); /* e.g. deeper than the encoder allows, or over 1 MB once sorted */
    }
    orl_buf_free(&a);
    orl_buf_free(&b);
    orl_script_free(S);
    return 0;
}
