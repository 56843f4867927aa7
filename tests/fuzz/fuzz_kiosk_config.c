/* libFuzzer harness: a kiosk's configuration (engine/kiosk/config.c, config_lua.c) from any
 * bytes written as kiosk.lua: it runs in the Lua sandbox, then every field is checked. Never a
 * crash, hang, leak or undefined behaviour; a config said to be usable (0) has its values in
 * their documented ranges. The file is rewritten in a folder made once per process. */
#include "kiosk/config.h"
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 64 * 1024) return 0;
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "/tmp/orl-fuzz-kiosk-XXXXXX");
        if (!mkdtemp(dir)) { dir[0] = 0; return 0; }
        snprintf(file, sizeof file, "%s/kiosk.lua", dir);
        atexit(cleanup);
    }
    FILE *f = fopen(file, "wb");
    if (!f) return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    orl_kiosk_config c;
    memset(&c, 0, sizeof c);
    orl_diags d = {0};
    int rc = orl_kiosk_config_load(file, &c, &d);
    if (rc < 0 || rc > 2) abort();
    if (rc == 0) {
        if (c.idle_seconds < ORL_KIOSK_IDLE_MIN || c.idle_seconds > ORL_KIOSK_IDLE_MAX) abort();
        if (c.countdown_seconds < ORL_KIOSK_COUNTDOWN_MIN || c.countdown_seconds > ORL_KIOSK_COUNTDOWN_MAX) abort();
        if (c.nlanguages < 0 || c.nlanguages > ORL_KIOSK_MAX_LANGS) abort();
        if (c.nbundles < 0 || c.nbundles > ORL_KIOSK_MAX_BUNDLES) abort();
        if (!(c.volume >= 0 && c.volume <= 1)) abort();
        if (d.errors) abort(); /* usable means no errors */
    }
    orl_kiosk_config_free(&c);
    orl_diags_free(&d);
    return 0;
}
