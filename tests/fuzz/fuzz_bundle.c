/* libFuzzer harness: any bytes as a .orilla file, through the zip limits, PhysicsFS and
 * verify (engine/bundle/). Never a crash, a hang, or a read past the limits. Seed it with
 * bundles made by `orilla pack`, and the hostile layouts of tests/e2e/make_zip.py
 * (tests/fuzz/corpus/bundle/, dictionary tests/fuzz/bundle.dict). Build (from the repository root):
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -Iengine -D_DEFAULT_SOURCE \
 *     tests/fuzz/fuzz_bundle.c $(find engine/bundle engine/core -name '*.c') \
 *     $(pkg-config --cflags --libs physfs libzip libsodium icu-uc zlib) -o fuzz_bundle
 *   ./fuzz_bundle -max_total_time=60 corpus/ */
#include "bundle/bundle.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/orl-fuzz-%d.orilla", (int)getpid());
    FILE *f = fopen(path, "wb");
    if (!f) return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    orl_diags d = {0};
    orl_bundle_report rep;
    orl_bundle_verify(path, NULL, &rep, &d);
    orl_bundle_report_free(&rep);
    orl_diags_free(&d);
    /* and every file read whole through the one view (size and CRC checked) */
    char err[600];
    orl_fs *fs = orl_fs_open(path, err, sizeof err);
    if (fs) {
        char *text = NULL;
        size_t len = 0;
        if (orl_fs_read(fs, "story.lua", 1u << 20, &text, &len) == ORL_FS_OK) free(text);
        orl_fs_close(fs);
    }
    unlink(path);
    return 0;
}
