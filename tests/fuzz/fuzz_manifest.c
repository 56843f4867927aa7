/* libFuzzer harness: the bundle manifest parser (engine/bundle/manifest.c) on any bytes.
 * It must never crash, hang or leak; what it accepts must write back and parse again to the
 * same manifest. Build (from the repository root):
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -Iengine -D_DEFAULT_SOURCE \
 *     tests/fuzz/fuzz_manifest.c $(find engine/bundle engine/core -name '*.c') \
 *     $(pkg-config --cflags --libs physfs libzip libsodium) -o fuzz_manifest
 *   ./fuzz_manifest -max_total_time=60 */
#include "bundle/bundle.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    orl_manifest m;
    orl_diags d = {0};
    if (orl_manifest_parse((const char *)data, size, "fuzz.orilla", NULL, &m, &d) == 0) {
        size_t len;
        char *text = orl_manifest_write(&m, &len);
        if (text) {
            orl_manifest again;
            orl_diags d2 = {0};
            if (orl_manifest_parse(text, len, "fuzz.orilla", NULL, &again, &d2) != 0) abort();
            if (again.nfiles != m.nfiles) abort();
            for (size_t i = 0; i < m.nfiles; i++)
                if (strcmp(again.files[i].name, m.files[i].name) || again.files[i].size != m.files[i].size ||
                    memcmp(again.files[i].sha256, m.files[i].sha256, 32))
                    abort();
            orl_manifest_free(&again);
            orl_diags_free(&d2);
            free(text);
        }
        orl_manifest_free(&m);
    }
    orl_diags_free(&d);
    return 0;
}
