/* The Lua sandbox: one fresh lua_State per story. Story code is untrusted (it comes in
 * bundles from strangers): it gets an allowlist environment, a memory cap, an instruction
 * budget and a wall-clock deadline per call, bounded string patterns, and no way to run
 * bytecode, touch files, or install finalizers.
 *
 * Only script/ and *_lua.c files include lua.h; they reach the lua_State through
 * orl_script_lua(). */
#ifndef ORL_SANDBOX_H
#define ORL_SANDBOX_H
#include <stddef.h>
#include <stdint.h>

typedef struct lua_State lua_State;
typedef struct orl_script orl_script;

/* Zero means "default" for every field. */
typedef struct orl_script_desc {
    size_t memory_limit;         /* bytes for the whole Lua heap (ORL_LUA_MEMORY_DEFAULT) */
    long instructions_per_call;  /* ORL_LUA_INSTRUCTIONS_PER_CALL */
    double seconds_per_call;     /* ORL_LUA_CALL_SECONDS */
    uint64_t seed;               /* math.random seed; 0 is a valid seed too */
    long long now;               /* what os.time() returns; 0 = the real clock */
    /* where print() goes; NULL = stderr. line is "file:line: text". */
    void (*print)(void *ud, const char *line);
    void *print_ud;
    /* Fault injection for tests: fail the Nth allocation (1-based) made after
     * orl_script_new returns; 0 = never. */
    long fail_alloc_at;
    /* With fail_alloc_at: every allocation from the Nth on fails too (memory that has run
     * out for good, which Lua's collect-and-retry cannot mend). */
    int fail_alloc_sticky;
} orl_script_desc;

typedef enum orl_script_errkind {
    ORL_SCRIPT_OK = 0,
    ORL_SCRIPT_ERR_SYNTAX,   /* the file does not parse */
    ORL_SCRIPT_ERR_RUNTIME,  /* error() or a failed operation */
    ORL_SCRIPT_ERR_BUDGET,   /* ran too many instructions: an endless loop? */
    ORL_SCRIPT_ERR_TIME,     /* ran too long by the clock */
    ORL_SCRIPT_ERR_MEMORY,   /* went over the memory cap */
    ORL_SCRIPT_ERR_BYTECODE, /* a precompiled chunk, refused */
} orl_script_errkind;

typedef struct orl_script_error {
    orl_script_errkind kind;
    char *file;  /* owned, may be NULL: the story file where it happened */
    int line;    /* 0 when unknown */
    char *msg;   /* owned: the message without the file:line prefix */
} orl_script_error;

/* NULL only when out of memory. */
orl_script *orl_script_new(const orl_script_desc *desc);
/* Closes the state; a story's finalizers cannot hang this (they are refused up front). */
void orl_script_free(orl_script *S);
lua_State *orl_script_lua(orl_script *S);
/* The sandbox environment table: pushes it on the stack. */
void orl_script_push_env(orl_script *S);

/* Compiles a text chunk (bytecode is refused) named `file` (shown in messages) and pushes
 * it as a function whose _ENV is the sandbox environment. 0 on success; on failure fills e
 * and pushes nothing. */
int orl_script_load(orl_script *S, const char *src, size_t len, const char *file, orl_script_error *e);

/* lua_pcall with the budget armed: a budget of 0 means instructions_per_call, seconds 0
 * means seconds_per_call. Budget and time errors cannot be caught by pcall in story code.
 * Returns 0 or fills e (and pops the function and args as lua_pcall does). */
int orl_script_pcall(orl_script *S, int nargs, int nresults, long budget, double seconds,
                     orl_script_error *e);

/* Makes every call into story code, now and from now on, end as if its deadline had
 * passed (within ORL_WATCHDOG_TICK, even inside a loop in C). Async-signal-safe: the kiosk's
 * SIGTERM handler calls it, so a story stuck in a call cannot keep the kiosk from stopping. */
void orl_script_interrupt_all(void);
int orl_script_interrupted(void);

/* From now, for `seconds`, no call ends later than that, whatever its own deadline (a walk
 * of many calls that must end in time as a whole); 0 removes the bound. */
void orl_script_set_until(orl_script *S, double seconds);

/* Raises (or lowers) the memory cap of the Lua heap. */
void orl_script_set_memory_limit(orl_script *S, size_t bytes);
size_t orl_script_memory_limit(const orl_script *S);
/* Bytes the Lua heap uses now, and the most it has used. */
size_t orl_script_memory(const orl_script *S);
size_t orl_script_memory_peak(const orl_script *S);

/* Allocations counted since orl_script_new (for fault-injection tests). */
long orl_script_alloc_count(const orl_script *S);

void orl_script_error_free(orl_script_error *e);
/* Sets e from a message "file:line: text" (or plain text with the given fallback). */
void orl_script_error_set(orl_script_error *e, orl_script_errkind kind, const char *msg,
                          const char *fallback_file, int fallback_line);
const char *orl_script_errkind_hint(orl_script_errkind k);

/* Estimated worst-case steps of matching `pat` against a subject of `len` bytes
 * (exported for tests). */
double orl_pattern_cost(const char *pat, size_t patlen, size_t len);

#endif
