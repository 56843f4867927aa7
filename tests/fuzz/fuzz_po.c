/* libFuzzer harness: the PO reader of translations (engine/story/locale.c) on any bytes, as
 * a locale/LANG.po file from an untrusted bundle. Never a crash, hang or leak; every entry it
 * keeps must be found again by its own (msgctxt, msgid); problems are bounded. */
#include "core/limits.h"
#include "story/locale.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    orl_diags d = {0};
    orl_catalog *c = orl_po_parse("locale/xx.po", (const char *)data, size, &d);
    if (c) {
        for (int i = 0; i < c->n; i++) {
            const orl_po_entry *e = &c->entries[i];
            if (!e->id || !e->str) abort();
            if (strlen(e->id) > ORL_MAX_PO_STRING || strlen(e->str) > ORL_MAX_PO_STRING) abort();
            const orl_po_entry *again = orl_catalog_entry(c, e->ctxt, e->id);
            if (!again) abort();
            const char *t = orl_catalog_lookup(c, e->ctxt, e->id);
            if (t && !*t) abort(); /* "" means not translated: never returned */
        }
        orl_catalog_lookup(c, NULL, "");
        orl_catalog_lookup(c, "scene", "x");
        orl_catalog_free(c);
    }
    if (d.n > ORL_MAX_PO_ERRORS + 5) abort();
    orl_diags_free(&d);
    return 0;
}
