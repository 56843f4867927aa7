/* Fault injection in the story loader: tests/data/fault-rich (includes, functions, a
 * testimony with consent, a translation) is loaded again and again with one allocation made
 * to fail, at every point of the load in turn, the way Lua's own test suite drives its
 * allocator (ltests.c). Every run must end cleanly: a story that loaded as it should, or an
 * error diagnostic that says memory ran out (or NULL with one, when nothing could start);
 * never a crash, an abort (Lua's panic), or a leak (the sanitizer build runs LeakSanitizer
 * at exit). Four sweeps:
 *   1. the Lua heap: orl_script_desc.fail_alloc_at = N for every N up to the allocations an
 *      undisturbed load makes (orl_script_alloc_count);
 *   2. every Lua allocation from the N-th on failing (fail_alloc_sticky): a failure that
 *      persists, which Lua's collect-and-retry cannot mend;
 *   3. C allocations (fault.h): the engine's own malloc, calloc, realloc, strdup, strndup
 *      (this test is linked with -Wl,--wrap for them, tests/CMakeLists.txt), the Lua heap's
 *      among them: the N-th call made during a load fails (PhysicsFS's own allocations are
 *      swept by test_fault_bundle.c);
 *   4. the same, every call from the N-th on failing (memory gone for good): the load must
 *      end in an error that says so (or the story without its translation and a warning).
 *      Without the wrap (another linker), sweeps 3 and 4 are skipped with a message.
 * ORL_FAULT_LIST=1 lists every point that misbehaves instead of stopping at the first. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bundle/fs.h"
#include "core/diag.h"
#include "fault.h"
#include "script/sandbox.h"
#include "story/story.h"

#define RICH ORL_TEST_DATA "/fault-rich"

/* ---- helpers ---- */

static int mentions_memory(const orl_diags *d, orl_severity least)
{
    for (size_t i = 0; i < d->n; i++) {
        const orl_diag *g = &d->items[i];
        if (g->sev < least) continue;
        if ((g->code && strcmp(g->code, "oom") == 0) ||
            (g->msg && (strstr(g->msg, "memory") || strstr(g->msg, "memoria"))))
            return 1;
    }
    return d->oom; /* a diagnostic that could not even be stored */
}

static void dump(const orl_diags *d)
{
    for (size_t i = 0; i < d->n; i++)
        print_error("  %s:%d: %s [%s]\n", d->items[i].file ? d->items[i].file : "-", d->items[i].line,
                    d->items[i].msg ? d->items[i].msg : "?", d->items[i].code ? d->items[i].code : "");
}

/* What an undisturbed load gives, to compare a lucky run with. */
typedef struct shape {
    int nscenes, ntestimonies, nnarrators, nchoices;
    char title[64];
} shape;

static shape shape_of(const orl_story *st)
{
    shape s = {0};
    s.nscenes = st->nscenes;
    s.ntestimonies = st->ntestimonies;
    s.nnarrators = st->nnarrators;
    for (int i = 0; i < st->nscenes; i++) s.nchoices += st->scenes[i].nchoices;
    snprintf(s.title, sizeof s.title, "%s", st->title ? st->title : "(none)");
    return s;
}

static orl_story *load(const orl_script_desc *sd, orl_diags *d)
{
    orl_load_opts o = {0};
    if (sd) o.script = *sd;
    o.script.seconds_per_call = 60; /* a slow sanitizer run is not a time error */
    o.script.now = 1750000000;
    o.load_seconds = 120;
    o.lang = "en"; /* locale/en.po is read and applied too */
    return orl_story_load(RICH, &o, d);
}

typedef struct tally { int ok, reported, unstarted, silent; } tally;

/* One run's verdict: success (same shape as the reference), or an error about memory. */
static void judge(orl_story *st, orl_diags *d, const shape *want, int hit, tally *t, const char *what, long n)
{
    if (!st) {
        /* nothing could start: one diagnostic says so */
        if (!mentions_memory(d, ORL_ERROR) && d->errors == 0) {
            dump(d);
            fail_msg("%s %ld: NULL story without an error", what, n);
        }
        t->unstarted++;
        return;
    }
    if (d->errors == 0) {
        shape got = shape_of(st);
        /* a translation that could not be read is a warning: the story plays as written */
        if (memcmp(&got, want, sizeof got) != 0 && mentions_memory(d, ORL_WARNING) &&
            strcmp(got.title, "Tres puertas") == 0) {
            t->reported++;
            return;
        }
        if (memcmp(&got, want, sizeof got) != 0) {
            /* the failure was swallowed and part of the story is missing, without a word */
            if (hit) t->silent++;
            print_error("%s %ld: loaded without an error but differs: %d/%d scenes, %d/%d choices, "
                        "title \"%s\"/\"%s\"\n", what, n, got.nscenes, want->nscenes, got.nchoices,
                        want->nchoices, got.title, want->title);
            if (!getenv("ORL_FAULT_LIST")) fail_msg("%s %ld: a story loaded without errors must be the whole story", what, n);
            return;
        }
        t->ok++;
        return;
    }
    if (!mentions_memory(d, ORL_ERROR)) {
        dump(d);
        if (!getenv("ORL_FAULT_LIST")) fail_msg("%s %ld: errors, but none says memory ran out", what, n);
        return;
    }
    t->reported++;
}

static shape reference(long *lua_allocs)
{
    orl_diags d = {0};
    orl_story *st = load(NULL, &d);
    assert_non_null(st);
    if (d.errors) dump(&d);
    assert_int_equal(d.errors, 0);
    shape s = shape_of(st);
    assert_int_equal(s.nscenes, 4);
    assert_int_equal(s.ntestimonies, 1);
    assert_string_equal(s.title, "Three doors"); /* translated: locale/en.po was applied */
    if (lua_allocs) *lua_allocs = orl_script_alloc_count(st->script);
    orl_story_free(st);
    orl_diags_free(&d);
    return s;
}

/* ---- 1. the N-th Lua allocation fails ---- */

static void lua_alloc_failures(void **state)
{
    (void)state;
    long total;
    shape want = reference(&total);
    assert_true(total > 100);
    tally t = {0};
    for (long n = 1; n <= total; n++) {
        orl_script_desc sd = {.fail_alloc_at = n};
        orl_diags d = {0};
        orl_story *st = load(&sd, &d);
        int hit = st && orl_script_alloc_count(st->script) >= n;
        judge(st, &d, &want, hit, &t, "Lua allocation", n);
        orl_story_free(st);
        orl_diags_free(&d);
    }
    print_message("Lua heap: %ld allocations failed one at a time: %d loads recovered (Lua collects and "
                  "retries), %d reported running out of memory, %d could not start\n",
                  total, t.ok, t.reported, t.unstarted);
}

/* ---- 2. memory runs out for good at the N-th Lua allocation ---- */

static void lua_memory_runs_out(void **state)
{
    (void)state;
    long total;
    shape want = reference(&total);
    tally t = {0};
    for (long n = 1; n <= total; n++) {
        orl_script_desc sd = {.fail_alloc_at = n, .fail_alloc_sticky = 1};
        orl_diags d = {0};
        orl_story *st = load(&sd, &d);
        int hit = st && orl_script_alloc_count(st->script) >= n;
        judge(st, &d, &want, hit, &t, "Lua allocations from", n);
        orl_story_free(st);
        orl_diags_free(&d);
    }
    print_message("Lua heap: memory ran out for good at each of %ld allocations: %d loaded anyway, "
                  "%d reported running out of memory, %d could not start\n",
                  total, t.ok, t.reported, t.unstarted);
    assert_true(t.reported > total / 2);
}

/* ---- 3 and 4. C allocations: the engine's, the Lua heap's and PhysicsFS's (fault.h) ---- */

static void c_sweep(int sticky)
{
    if (!fault_wrapped()) {
        print_message("C allocations: not covered in this build (the test is not linked with "
                      "-Wl,--wrap=malloc...)\n");
        skip();
    }
    /* the engine's allocations (the Lua heap's among them); PhysicsFS's are swept by
     * test_fault_bundle.c, in a child process per point (PhysicsFS 3.0.2 crashes at one) */
    fault.sources = FAULT_ENGINE;
    shape want = reference(NULL);
    orl_diags d0 = {0};
    fault_begin(0, 0);
    orl_story *st0 = load(NULL, &d0);
    long total = fault_end();
    assert_non_null(st0);
    orl_story_free(st0);
    orl_diags_free(&d0);
    assert_true(total > 50);
    tally t = {0};
    long points = 0;
    /* every allocation up to 4,000, then ~4,000 more spread evenly (fault_next): the whole
     * load makes ~N allocations (printed below) and each point is a whole load */
    for (long n = 1; n <= total; n = fault_next(n, total, 4000)) {
        orl_diags d = {0};
        fault_begin(n, sticky);
        orl_story *st = load(NULL, &d);
        fault_end();
        judge(st, &d, &want, fault.failed > 0, &t, sticky ? "C allocations from" : "C allocation", n);
        if (sticky && st && d.errors == 0 && fault.failed > 0 && !mentions_memory(&d, ORL_WARNING))
            fail_msg("C allocations from %ld: memory ran out for good, yet the load says nothing", n);
        orl_story_free(st);
        orl_diags_free(&d);
        points++;
    }
    print_message("C allocations (%s): %ld points of %ld allocations: %d loads unaffected, %d reported running "
                  "out of memory, %d could not start\n", sticky ? "from the N-th on" : "the N-th only", points,
                  total, t.ok, t.reported, t.unstarted);
    if (sticky) assert_true(t.reported + t.unstarted > 0);
}

static void c_alloc_failures(void **state)
{
    (void)state;
    c_sweep(0);
}

static void c_memory_runs_out(void **state)
{
    (void)state;
    c_sweep(1);
}

static orl_fs *holder; /* keeps PhysicsFS started (fault.h) */

static int group_setup(void **state)
{
    (void)state;
    /* PhysicsFS's own allocations count too (the sweeps skip when the wrap is missing) */
    if (fault_wrapped() && fault_install() != 0) return -1;
    char err[512];
    holder = orl_fs_open(FAULT_HOLDER, err, sizeof err);
    return holder ? 0 : -1;
}

static int group_teardown(void **state)
{
    (void)state;
    orl_fs_close(holder);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lua_alloc_failures),
        cmocka_unit_test(lua_memory_runs_out),
        cmocka_unit_test(c_alloc_failures),
        cmocka_unit_test(c_memory_runs_out),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
