/* Orilla's messages in other languages (see messages.h). Each entry: the diagnostic code, the
 * English format exactly as the source writes it, and its translation with the same printf
 * conversions in the same order. Keep entries grouped by the file that makes the message. */
#include "story/messages.h"
#include "core/lang.h"
#include <stdlib.h>
#include <string.h>

static const orl_message es_table[] = {
#include "story/messages_es.inc"
};

static const char *es_wording(const char *code, const char *fmt)
{
    if (!fmt) return NULL;
    for (size_t i = 0; i < sizeof es_table / sizeof *es_table; i++) {
        const orl_message *m = &es_table[i];
        if (code && strcmp(m->code, code) != 0) continue;
        if (strcmp(m->en, fmt) == 0) return m->tr;
    }
    return NULL;
}

/* "es", "es-VE", "es_VE.UTF-8": by the primary subtag (core/lang.h) */
static int is_lang(const char *lang, const char *code) { return orl_lang_same(lang, code); }

orl_wording_fn orl_messages_wording(const char *lang)
{
    if (is_lang(lang, "es")) return es_wording;
    return NULL;
}

int orl_messages_has_lang(const char *lang)
{
    return is_lang(lang, "en") || is_lang(lang, "es");
}

const char *orl_messages_default_lang(void)
{
    const char *e = getenv("ORILLA_LANG");
    if (e && orl_messages_has_lang(e)) return e;
    return "en";
}

static const char *run_lang; /* orl_messages_set_lang */

void orl_messages_set_lang(const char *lang) { run_lang = lang && orl_messages_has_lang(lang) ? lang : NULL; }

orl_wording_fn orl_messages_current(void) { return orl_messages_wording(run_lang ? run_lang : orl_messages_default_lang()); }

const char *orl_messages_words(const char *code, const char *fmt)
{
    orl_wording_fn w = orl_messages_current();
    const char *t = w && fmt ? w(code, fmt) : NULL;
    return t ? t : fmt;
}

const orl_message *orl_messages_table(const char *lang, size_t *n)
{
    if (is_lang(lang, "es")) {
        *n = sizeof es_table / sizeof *es_table;
        return es_table;
    }
    *n = 0;
    return NULL;
}
