/* The allocation hook of the fault-injection tests (tests/unit/test_fault_*.c), the way Lua's
 * own test suite drives its allocator (ltests.c): count the allocations an operation makes,
 * then run it again and again with the N-th one failing, for N = 1, 2, 3, ...
 *
 * Where the allocations are caught:
 *   - the engine's own C allocations (malloc, calloc, realloc, strdup, strndup of every object
 *     of liborlengine.a linked into the test, and so the Lua heap too: the sandbox's allocator
 *     calls realloc): the test executable is linked with -Wl,--wrap=malloc,...
 *     (tests/CMakeLists.txt), so the engine itself has no hook at all, costs nothing and
 *     behaves the same in a release build;
 *   - PhysicsFS (the story and bundle reader): PHYSFS_setAllocator, before it is started;
 *   - SQLite (kiosk statistics): sqlite3_config(SQLITE_CONFIG_MALLOC), before it is started.
 * Not caught: libzip (orl_bundle_check_zip, pack), libsodium, SDL, and libc's own allocations
 * (fopen, qsort...), which call the real malloc.
 *
 * Two modes: fail only the N-th allocation (the next one succeeds again: Lua and SQLite
 * often recover, by collecting garbage or freeing their caches), or "sticky": every
 * allocation from the N-th on fails (memory gone for good, nothing can recover).
 *
 * This header defines functions: include it in exactly one file of each test executable. */
#ifndef ORL_TEST_FAULT_H
#define ORL_TEST_FAULT_H

#include <physfs.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *__real_malloc(size_t n) __attribute__((weak));
void *__real_calloc(size_t n, size_t m) __attribute__((weak));
void *__real_realloc(void *p, size_t n) __attribute__((weak));
char *__real_strdup(const char *s) __attribute__((weak));
char *__real_strndup(const char *s, size_t n) __attribute__((weak));
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t m);
void *__wrap_realloc(void *p, size_t n);
char *__wrap_strdup(const char *s);
char *__wrap_strndup(const char *s, size_t n);

/* Where the allocations come from: fault.sources says which ones are counted (and failed). */
enum { FAULT_ENGINE = 1, FAULT_PHYSFS = 2, FAULT_SQLITE = 4, FAULT_ALL = 7 };

static struct {
    int sources;     /* FAULT_* bits counted; 0 = FAULT_ALL */
    int counting;    /* count (and maybe fail) only inside the operation under test */
    long allocs;     /* calls counted since fault_begin */
    long fail_at;    /* 0 = never */
    int sticky;      /* fail every call from fail_at on */
    long failed;     /* calls that were made to fail */
} fault;

static int fault_should_fail_from(int source)
{
    if (!fault.counting || !((fault.sources ? fault.sources : FAULT_ALL) & source)) return 0;
    fault.allocs++;
    if (fault.fail_at > 0 && (fault.allocs == fault.fail_at || (fault.sticky && fault.allocs > fault.fail_at))) {
        fault.failed++;
        return 1;
    }
    return 0;
}

static int fault_should_fail(void) { return fault_should_fail_from(FAULT_ENGINE); }

/* 1 when the test is linked with the wraps (GNU ld, lld); without them the C sweeps skip. */
static inline int fault_wrapped(void) { return __real_malloc != NULL; }

void *__wrap_malloc(size_t n) { return fault_should_fail() ? NULL : __real_malloc(n); }
void *__wrap_calloc(size_t n, size_t m) { return fault_should_fail() ? NULL : __real_calloc(n, m); }
void *__wrap_realloc(void *p, size_t n)
{
    /* realloc(p, 0) frees: never failed (the sandbox's allocator calls free for that) */
    if (n == 0 || !fault_should_fail()) return __real_realloc(p, n);
    return NULL;
}
char *__wrap_strdup(const char *s) { return fault_should_fail() ? NULL : __real_strdup(s); }
char *__wrap_strndup(const char *s, size_t n) { return fault_should_fail() ? NULL : __real_strndup(s, n); }

/* ---- PhysicsFS ---- */

static void *fault_physfs_malloc(PHYSFS_uint64 n)
{
    return fault_should_fail_from(FAULT_PHYSFS) ? NULL : __real_malloc((size_t)n);
}
static void *fault_physfs_realloc(void *p, PHYSFS_uint64 n)
{
    return fault_should_fail_from(FAULT_PHYSFS) ? NULL : __real_realloc(p, (size_t)n);
}
static void fault_physfs_free(void *p) { free(p); }

/* ---- SQLite: it needs each block's size, kept in a 16-byte header ---- */

#define FAULT_SQLITE_HEAD 16
static void *fault_sqlite_malloc(int n)
{
    if (n <= 0 || fault_should_fail_from(FAULT_SQLITE)) return NULL;
    char *p = __real_malloc((size_t)n + FAULT_SQLITE_HEAD);
    if (!p) return NULL;
    memcpy(p, &n, sizeof n);
    return p + FAULT_SQLITE_HEAD;
}
static void fault_sqlite_free(void *p)
{
    if (p) free((char *)p - FAULT_SQLITE_HEAD);
}
static int fault_sqlite_size(void *p)
{
    int n = 0;
    if (p) memcpy(&n, (char *)p - FAULT_SQLITE_HEAD, sizeof n);
    return n;
}
static void *fault_sqlite_realloc(void *p, int n)
{
    if (n <= 0 || fault_should_fail_from(FAULT_SQLITE)) return NULL;
    char *q = __real_realloc((char *)p - FAULT_SQLITE_HEAD, (size_t)n + FAULT_SQLITE_HEAD);
    if (!q) return NULL;
    memcpy(q, &n, sizeof n);
    return q + FAULT_SQLITE_HEAD;
}
static int fault_sqlite_roundup(int n) { return (n + 7) & ~7; }
static int fault_sqlite_init(void *ud) { (void)ud; return SQLITE_OK; }
static void fault_sqlite_shutdown(void *ud) { (void)ud; }

/* Routes PhysicsFS's and SQLite's allocations through the hook. Call once, before anything
 * starts either (orl_fs_open, orl_stats_open). 0, or -1 when a library refused.
 *
 * PhysicsFS 3.0.2 (Debian 12) crashes when an allocation fails inside PHYSFS_init: its
 * mutexes are allocated first, and the clean-up after a failure locks the one it could not
 * make (PHYSFS_setWriteDir on a NULL mutex, a segfault in libphysfs). Orilla cannot mend
 * that from outside, so the tests keep PhysicsFS started during their sweeps (a story left
 * open, see FAULT_HOLDER): PHYSFS_init is not swept, everything after it is. */
static inline int fault_install(void)
{
    if (!fault_wrapped()) return -1;
    static const PHYSFS_Allocator pa = {NULL, NULL, fault_physfs_malloc, fault_physfs_realloc, fault_physfs_free};
    if (PHYSFS_isInit() || !PHYSFS_setAllocator(&pa)) return -1;
    static const sqlite3_mem_methods sm = {fault_sqlite_malloc, fault_sqlite_free, fault_sqlite_realloc,
                                           fault_sqlite_size, fault_sqlite_roundup, fault_sqlite_init,
                                           fault_sqlite_shutdown, NULL};
    sqlite3_shutdown();
    if (sqlite3_config(SQLITE_CONFIG_MALLOC, &sm) != SQLITE_OK) return -1;
    /* SQLite keeps no memory statistics then (each would take its mutex) */
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return sqlite3_initialize() == SQLITE_OK ? 0 : -1;
}

/* Runs fn(ud) in a child process, for a sweep whose library may crash: returns fn's value
 * (0 = as it should be; anything else = misbehaved, fn printed why), FAULT_CRASH_IN_LIB when
 * a fatal signal stopped it inside the shared library whose file name contains `lib`, or
 * FAULT_CRASH when one stopped it anywhere else (the engine or the test: a bug). The child
 * ends with _exit: LeakSanitizer does not look at it (the in-process sweeps do). */
#define FAULT_CRASH_IN_LIB 97
#define FAULT_CRASH 98
#if defined(__linux__) && defined(__x86_64__)
#define FAULT_CAN_FORK 1
#include <signal.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>
static unsigned long fault_lib_lo[8], fault_lib_hi[8]; /* the library's code, from /proc/self/maps */
static int fault_lib_n;
static void fault_find_lib(const char *lib)
{
    fault_lib_n = 0;
    FILE *f = fopen("/proc/self/maps", "r");
    if (!f) return;
    char line[1024];
    while (fault_lib_n < 8 && fgets(line, sizeof line, f)) {
        unsigned long lo, hi;
        char perms[8];
        if (sscanf(line, "%lx-%lx %7s", &lo, &hi, perms) == 3 && perms[2] == 'x' && strstr(line, lib)) {
            fault_lib_lo[fault_lib_n] = lo;
            fault_lib_hi[fault_lib_n++] = hi;
        }
    }
    fclose(f);
}
static void fault_child_crashed(int sig, siginfo_t *si, void *ctx)
{
    (void)sig;
    (void)si;
    const ucontext_t *uc = ctx;
    unsigned long pc = (unsigned long)uc->uc_mcontext.gregs[16]; /* REG_RIP (a _GNU_SOURCE name) */
    for (int i = 0; i < fault_lib_n; i++)
        if (pc >= fault_lib_lo[i] && pc < fault_lib_hi[i]) _exit(FAULT_CRASH_IN_LIB);
    _exit(FAULT_CRASH);
}
static inline int fault_in_child(int (*fn)(void *), void *ud, const char *lib)
{
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) return FAULT_CRASH;
    if (pid == 0) {
        fault_find_lib(lib);
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_sigaction = fault_child_crashed;
        sa.sa_flags = SA_SIGINFO;
        sigaction(SIGSEGV, &sa, NULL);
        sigaction(SIGBUS, &sa, NULL);
        int rc = fn(ud);
        fflush(stderr);
        _exit(rc);
    }
    int status = 0;
    if (waitpid(pid, &status, 0) != pid) return FAULT_CRASH;
    return WIFEXITED(status) ? WEXITSTATUS(status) : FAULT_CRASH;
}
#else
#define FAULT_CAN_FORK 0
#endif

/* A story folder the tests keep open while they sweep, so that PhysicsFS stays started
 * (see fault_install); not one a test reads, so mounting is swept too. */
#define FAULT_HOLDER ORL_TEST_DATA "/good-small"

/* A point where the code under test misbehaved (crashed in a child, leaked, said the wrong
 * thing): fails the test, or with ORL_FAULT_LIST set only counts and prints it, so a run
 * lists every such point. Needs <cmocka.h> and <stdarg.h> before this header. */
static int fault_bad_points __attribute__((unused));

static void fault_misbehaved(const char *fmt, ...) __attribute__((format(printf, 1, 2), unused));
static void fault_misbehaved(const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fault_bad_points++;
    if (!getenv("ORL_FAULT_LIST")) fail_msg("%s", msg);
    print_error("%s\n", msg);
}

/* Starts counting: with fail_at 0 nothing fails (to count an undisturbed run). */
static inline void fault_begin(long fail_at, int sticky)
{
    fault.allocs = 0;
    fault.fail_at = fail_at;
    fault.sticky = sticky;
    fault.failed = 0;
    fault.counting = 1;
}

/* Stops counting; returns the allocations counted. */
static inline long fault_end(void)
{
    fault.counting = 0;
    fault.fail_at = 0;
    return fault.allocs;
}

/* The points of a sweep over `total` allocations: every N up to `dense`, then a stride that
 * keeps the sweep at about `dense` more points (CI time: each point is a whole operation,
 * and the sanitizer build is several times slower). The points past `dense` are spread
 * evenly, and the last allocation is always tried. */
static inline long fault_next(long n, long total, long dense)
{
    if (n < dense || total <= 2 * dense) return n + 1;
    long stride = (total - dense) / dense + 1;
    if (n + stride > total && n < total) return total;
    return n + stride;
}

#endif
