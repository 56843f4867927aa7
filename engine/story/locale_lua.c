/* The one thing translation needs from Lua: where a story function is written, so that
 * `orilla strings` can offer the texts it returns (return "...") to translators. */
#include "story/locale.h"
#include <lua.h>

int orl_story_function_lines(orl_story *st, int ref, const char **file, int *first, int *last)
{
    if (!st->script || ref == ORL_NOFN) return -1;
    lua_State *L = orl_script_lua(st->script);
    if (!lua_checkstack(L, 2)) return -1;
    if (lua_rawgeti(L, LUA_REGISTRYINDEX, ref) != LUA_TFUNCTION) {
        lua_pop(L, 1);
        return -1;
    }
    lua_Debug ar;
    if (!lua_getinfo(L, ">S", &ar) || ar.source[0] != '@' || ar.linedefined <= 0) return -1;
    /* the source string lives as long as the function, which the story keeps */
    *file = ar.source + 1;
    *first = ar.linedefined;
    *last = ar.lastlinedefined;
    return 0;
}
