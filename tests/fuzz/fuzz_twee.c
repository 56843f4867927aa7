/* libFuzzer harness: the Twine (Twee 3) importer (engine/story/twee.c) on any bytes. Never a
 * crash, hang or leak; and what it writes must be a story.lua that Lua reads: the importer
 * promises a story that always loads, so a Lua syntax or runtime error in its output (a text
 * not escaped, a name not made safe) is a bug. Also orl_slug on the input as a name. */
#include "core/strutil.h"
#include "story/story.h"
#include "story/twee.h"
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

static void check_slug(const uint8_t *data, size_t size)
{
    char name[256], out[64];
    size_t n = size < sizeof name - 1 ? size : sizeof name - 1;
    memcpy(name, data, n);
    name[n] = 0;
    orl_slug(name, out, sizeof out, "passage");
    size_t len = strlen(out);
    if (len == 0 || len >= sizeof out) abort();
    for (size_t i = 0; i < len; i++)
        if (!((out[i] >= 'a' && out[i] <= 'z') || (out[i] >= '0' && out[i] <= '9') || out[i] == '-')) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 256 * 1024) return 0;
    check_slug(data, size);
    orl_buf out = {0};
    orl_twee_stats stats = {0};
    orl_diags d = {0};
    orl_twee_opts o = {.lang = "en", .source = "fuzz.twee"};
    int rc = orl_twee_convert("fuzz.twee", (const char *)data, size, &o, &out, &stats, &d);
    orl_diags_free(&d);
    if (rc == 0 && out.data && !out.oom) {
        if (!dir[0]) {
            snprintf(dir, sizeof dir, "/tmp/orl-fuzz-twee-XXXXXX");
            if (!mkdtemp(dir)) { dir[0] = 0; orl_buf_free(&out); return 0; }
            snprintf(file, sizeof file, "%s/story.lua", dir);
            atexit(cleanup);
        }
        FILE *f = fopen(file, "wb");
        if (f) {
            fwrite(out.data, 1, out.len, f);
            fclose(f);
            orl_load_opts lo = {0};
            lo.script.memory_limit = 64u << 20;
            orl_diags ld = {0};
            orl_story *st = orl_story_load(dir, &lo, &ld);
            if (!st) abort();
            for (size_t i = 0; i < ld.n; i++)
                if (ld.items[i].code && strcmp(ld.items[i].code, "script") == 0) {
                    fprintf(stderr, "the imported story does not load: %s:%d: %s\n",
                            ld.items[i].file ? ld.items[i].file : "?", ld.items[i].line, ld.items[i].msg);
                    abort();
                }
            orl_story_free(st);
            orl_diags_free(&ld);
        }
    }
    orl_buf_free(&out);
    return 0;
}
