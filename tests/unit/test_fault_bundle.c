/* Fault injection in the story reader (bundle/fs.c over PhysicsFS) and bundle verification
 * (bundle/verify.c): tests/data/fault-rich, packed into a .orilla bundle once, is mounted,
 * read, listed and verified again and again with the N-th allocation failing, or every one
 * from the N-th on (tests/unit/fault.h: the engine's allocations and PhysicsFS's; libzip's,
 * which checks the zip before PhysicsFS mounts it, and libsodium's are not counted). The
 * same without verify on the story folder. Each run must give exactly what an undisturbed
 * run gives, or stop at a step that says memory ran out (an error text, ORL_FS_NOMEM, a
 * diagnostic): never "not found", "missing" or "damaged" for want of memory, never a crash
 * or a leak (LeakSanitizer in the sanitizer build).
 * ORL_FAULT_LIST=1 goes on after a misbehaving point (each is printed); ORL_FAULT_AT=N runs
 * only point N, in this process (to see a crash in gdb). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "tmpdir.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bundle/bundle.h"
#include "bundle/fs.h"
#include "core/diag.h"
#include "core/limits.h"
#include "core/strutil.h"
#include "fault.h"

#define RICH ORL_TEST_DATA "/fault-rich"

static char bundle_path[300];

static int says_memory(const char *s) { return s && strstr(s, "memory"); }

/* What one run got: each step's output, or where it stopped and why. */
typedef struct result {
    int done;        /* every step succeeded */
    const char *step; /* where it stopped */
    int memory;      /* ... saying memory ran out */
    char why[600];
    orl_buf out;     /* story.lua, the file list, verify's figures */
} result;

static int collect(const char *name, void *ud)
{
    orl_buf_printf(ud, "%s\n", name);
    return 0;
}

static void stop(result *r, const char *step, int memory, const char *why)
{
    r->step = step;
    r->memory = memory;
    snprintf(r->why, sizeof r->why, "%s", why ? why : "?");
}

static void run(const char *path, int verify, result *r)
{
    memset(r, 0, sizeof *r);
    char err[512] = "";
    orl_fs *fs = orl_fs_open(path, err, sizeof err);
    if (!fs) {
        stop(r, "open", says_memory(err), err);
        return;
    }
    char *data = NULL;
    size_t len = 0;
    int rc = orl_fs_read(fs, "parts/scenes.lua", ORL_MAX_SCRIPT_BYTES, &data, &len);
    if (rc != ORL_FS_OK) {
        stop(r, "read", rc == ORL_FS_NOMEM, orl_fs_strerror(rc));
        orl_fs_close(fs);
        return;
    }
    orl_buf_put(&r->out, data, len);
    free(data);
    rc = orl_fs_walk(fs, collect, &r->out);
    if (rc != 0) {
        stop(r, "walk", rc == ORL_FS_NOMEM, orl_fs_strerror(rc));
        orl_fs_close(fs);
        return;
    }
    if (verify) {
        orl_diags d = {0};
        orl_bundle_report rep;
        rc = orl_bundle_verify_fs(fs, NULL, &rep, &d);
        if (rc != 0) {
            int memory = d.oom;
            char why[600] = "";
            for (size_t i = 0; i < d.n; i++) {
                if (d.items[i].sev >= ORL_ERROR && says_memory(d.items[i].msg)) memory = 1;
                size_t l = strlen(why);
                snprintf(why + l, sizeof why - l, "%s; ", d.items[i].msg ? d.items[i].msg : "?");
            }
            stop(r, "verify", memory, why);
        } else {
            orl_buf_printf(&r->out, "verify: %lld files, %llu bytes, manifest %d, id %s\n", rep.files, rep.bytes,
                           rep.has_manifest, rep.manifest.id ? rep.manifest.id : "-");
        }
        orl_bundle_report_free(&rep);
        orl_diags_free(&d);
        if (rc != 0) {
            orl_fs_close(fs);
            return;
        }
    }
    orl_fs_close(fs);
    if (r->out.oom) stop(r, "buffer", 1, "the test's buffer");
    else r->done = 1;
}

/* One point of a sweep: run, then compare with the undisturbed run. Returns POINT_OK, or
 * POINT_WRONG (it succeeded with another result), or POINT_REASON (it failed, saying
 * something else than memory); in-process, each misbehaviour is reported with fault_misbehaved(). */
enum { POINT_OK = 0, POINT_WRONG = 3, POINT_REASON = 4 };
typedef struct point {
    const char *path, *what;
    int verify, sticky, forked;
    long n;
    const result *want;
    int done, reported; /* out, in-process only */
} point;

static int one_point(void *ud)
{
    point *p = ud;
    result got;
    fault_begin(p->n, p->sticky);
    run(p->path, p->verify, &got);
    fault_end();
    int rc = POINT_OK;
    char msg[1400] = "";
    const char *how = p->sticky ? "from" : "at";
    if (got.done) {
        if (got.out.len != p->want->out.len || memcmp(got.out.data, p->want->out.data, got.out.len) != 0) {
            snprintf(msg, sizeof msg, "%s, %s %ld: succeeded with another result:\n%s\nwant:\n%s", p->what, how, p->n,
                     got.out.data, p->want->out.data);
            rc = POINT_WRONG;
        }
        p->done = 1;
    } else if (!got.memory) {
        snprintf(msg, sizeof msg, "%s, %s %ld: %s failed, not for memory: %s", p->what, how, p->n, got.step, got.why);
        rc = POINT_REASON;
    } else {
        p->reported = 1;
    }
    orl_buf_free(&got.out);
    if (rc != POINT_OK) {
        if (p->forked) fprintf(stderr, "%s\n", msg); /* a child: no cmocka there */
        else fault_misbehaved("%s", msg);
    }
    return rc;
}

/* sources: which allocations fail (fault.h). The engine's are swept in this process, under
 * LeakSanitizer, and every point must behave. PhysicsFS's are swept in a child process per
 * point, because PhysicsFS 3.0.2 crashes at some (docs/fuzzing.md): there a wrong result, a
 * crash outside libphysfs or a sanitizer report fails the test; a crash inside libphysfs,
 * and a failure PhysicsFS gives another reason for than memory, are the library's and are
 * counted and printed. */
static void sweep(const char *path, int verify, const char *what, int sources)
{
    if (!fault_wrapped()) skip();
    int forked = sources & FAULT_PHYSFS;
    if (forked && !FAULT_CAN_FORK) skip();
    fault.sources = sources;
    result want;
    fault_begin(0, 0);
    run(path, verify, &want);
    long total = fault_end();
    if (!want.done) fail_msg("%s, undisturbed: stopped at %s: %s", what, want.step, want.why);
    assert_non_null(strstr(want.out.data, "story.lua\n"));
    if (verify && !strstr(want.out.data, "verify: 4 files")) fail_msg("%s, undisturbed:\n%s", what, want.out.data);
    assert_true(total > 10);
    for (int sticky = 0; sticky <= 1; sticky++) {
        long ok = 0, reported = 0, lib_crashes = 0, lib_reasons = 0;
        for (long n = 1; n <= total; n++) {
            point p = {path, what, verify, sticky, 0, n, &want, 0, 0};
            if (getenv("ORL_FAULT_AT")) { /* reproduce one point, in this process (for gdb) */
                if (n == atol(getenv("ORL_FAULT_AT"))) one_point(&p);
                continue;
            }
            if (!forked) {
                one_point(&p);
                ok += p.done;
                reported += p.reported;
                continue;
            }
#if FAULT_CAN_FORK
            p.forked = 1;
            int rc = fault_in_child(one_point, &p, "libphysfs");
            if (rc == FAULT_CRASH_IN_LIB) {
                print_message("%s, %s %ld: crashed inside libphysfs\n", what, sticky ? "from" : "at", n);
                lib_crashes++;
            } else if (rc == POINT_REASON) {
                lib_reasons++;
            } else if (rc != POINT_OK) {
                fault_misbehaved("%s, %s %ld: %s (status %d)", what, sticky ? "from" : "at", n,
                           rc == FAULT_CRASH ? "crashed outside PhysicsFS"
                           : rc == POINT_WRONG ? "succeeded with another result" : "a sanitizer report", rc);
            }
#endif
        }
        if (forked)
            print_message("%s, PhysicsFS's allocations, %s: %ld points: PhysicsFS crashed at %ld, gave another "
                          "reason than memory at %ld\n", what, sticky ? "from the N-th on" : "the N-th only", total,
                          lib_crashes, lib_reasons);
        else
            print_message("%s, the engine's allocations, %s: %ld points: %ld runs as undisturbed, %ld stopped "
                          "saying memory ran out\n", what, sticky ? "from the N-th on" : "the N-th only", total, ok,
                          reported);
        if (sticky && !forked && !getenv("ORL_FAULT_AT")) assert_int_equal(ok, 0);
        /* PhysicsFS 3.0.2 words one failure of its own otherwise (mounting a folder); more
         * would be orl_fs reading PhysicsFS's out of memory as "not found" again */
        if (forked && !getenv("ORL_FAULT_AT")) assert_true(lib_reasons <= 2);
    }
    orl_buf_free(&want.out);
    fault.sources = 0;
}

static void bundle_engine(void **state)
{
    (void)state;
    sweep(bundle_path, 1, "bundle", FAULT_ENGINE);
}

static void folder_engine(void **state)
{
    (void)state;
    sweep(RICH, 0, "folder", FAULT_ENGINE);
}

static void bundle_physfs(void **state)
{
    (void)state;
    sweep(bundle_path, 1, "bundle", FAULT_PHYSFS);
}

static void folder_physfs(void **state)
{
    (void)state;
    sweep(RICH, 0, "folder", FAULT_PHYSFS);
}

static orl_fs *holder; /* keeps PhysicsFS started (fault.h) */

static int group_setup(void **state)
{
    (void)state;
    if (tmpdir_make("orl-fault", NULL) != 0) return -1;
    snprintf(bundle_path, sizeof bundle_path, "%s/rich.orilla", tmpdir);
    orl_pack_desc pd = {.id = "fault-rich", .version = "1.0.0", .title = "Tres puertas"};
    orl_diags d = {0};
    int rc = orl_bundle_pack(RICH, bundle_path, &pd, NULL, &d);
    orl_diags_free(&d);
    if (rc != 0) return -1;
    if (fault_wrapped() && fault_install() != 0) return -1;
    char err[512];
    holder = orl_fs_open(FAULT_HOLDER, err, sizeof err);
    return holder ? 0 : -1;
}

static int group_teardown(void **state)
{
    (void)state;
    orl_fs_close(holder);
    tmpdir_remove();
    return fault_bad_points ? -1 : 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bundle_engine),
        cmocka_unit_test(folder_engine),
        cmocka_unit_test(bundle_physfs),
        cmocka_unit_test(folder_physfs),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
