/* libFuzzer harness: any bytes as story.lua, through the whole story path an author's file
 * takes: load (the Lua sandbox runs it, C converts what it defined), check, lint, and short
 * walks (random and --all) that run its functions. Never a crash, a hang past the budgets, a
 * leak, or undefined behaviour. The sandbox's budgets are lowered so one input stays quick.
 * The input is written to story.lua in a folder made once per process (orl_fs reads folders
 * and zips, not memory).
 *   scripts/fuzz 60          (builds with -DORILLA_FUZZ=ON and runs every harness)
 *   build-fuzz/fuzz/fuzz_story -max_total_time=60 build-fuzz/corpus/story */
#include "story/lint.h"
#include "story/story.h"
#include "story/walk.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64], file[96];

static void cleanup(void)
{
    if (file[0]) unlink(file);
    if (dir[0]) rmdir(dir);
}

static void quiet(void *ud, const char *line)
{
    (void)ud;
    (void)line;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 256 * 1024) return 0; /* big inputs only slow the search down */
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "/tmp/orl-fuzz-story-XXXXXX");
        if (!mkdtemp(dir)) { dir[0] = 0; return 0; }
        snprintf(file, sizeof file, "%s/story.lua", dir);
        atexit(cleanup);
    }
    FILE *f = fopen(file, "wb");
    if (!f) return 0;
    fwrite(data, 1, size, f);
    fclose(f);

    orl_load_opts o = {0};
    o.script.memory_limit = 16u << 20;
    o.script.instructions_per_call = 20000;
    o.script.seconds_per_call = 1;
    o.script.now = 1700000000; /* os.time() */
    o.script.seed = 7;
    o.script.print = quiet;
    o.load_instructions = 2000000;
    o.load_seconds = 2;
    orl_diags d = {0};
    orl_story *st = orl_story_load(dir, &o, &d);
    if (st) {
        orl_check_opts co = {.today = 20000}; /* 2024-10-04: consent dates stay reproducible */
        orl_story_check(st, &co, &d);
        orl_lint_opts lo = {.walk_states = 300};
        orl_story_lint(st, &lo, &d);
        if (d.errors == 0) { /* as `orilla walk` and the player: only a story without errors runs */
            orl_walk_opts w = {.random = 3, .seed = 1, .max_steps = 40};
            orl_walk_result r;
            orl_diags wd = {0};
            orl_walk(st, &w, &r, &wd);
            orl_walk_result_free(&r); /* filled (or zeroed) whatever orl_walk returns */
            orl_walk_opts all = {.random = 0, .max_states = 300};
            orl_walk(st, &all, &r, &wd);
            orl_walk_result_free(&r);
            orl_diags_free(&wd);
        }
        orl_story_free(st);
    }
    orl_diags_free(&d);
    return 0;
}
