/* Orilla's own messages (diagnostics of load, check, walk and the workshop tools) in other
 * languages than English, for `orilla check --lang es`.
 *
 * The English wording stays where each message is made (orl_diag_add(d, ..., "unknown-go",
 * "scene \"%s\", choice %d: go = ...", ...)), so the code reads as it always did. The other
 * languages are tables in messages.c keyed by the diagnostic's code and that English format:
 * a diags list whose `wording` is set (orl_diags.wording, core/diag.h) makes each message
 * with the translated format instead. A translated format has the same printf conversions in
 * the same order as the English one (tests/unit/test_messages.c checks every entry, and that
 * every English format in the table is still in the sources). A message with no translation
 * stays in English.
 *
 * Besides diagnostics, the tables hold words that fill messages in, with pseudo-codes:
 *   "@what"      "scene \"%s\"", "testimony \"%s\"", "narrator \"%s\"", "story" ...
 *   "@severity"  "error", "warning", "note"
 *   "@check"     the summary lines of `orilla check`
 *   "@word"      single words passed as %s arguments ("text", "a number" ...) */
#ifndef ORL_MESSAGES_H
#define ORL_MESSAGES_H
#include <stddef.h>

typedef const char *(*orl_wording_fn)(const char *code, const char *fmt);

/* The wording for a language, to put in orl_diags.wording: NULL for English (or NULL, or a
 * language without a table: messages stay in English). "es" and "es-XX" give Spanish. */
orl_wording_fn orl_messages_wording(const char *lang);
/* 1 when Orilla's messages exist in lang ("en", "es"). */
int orl_messages_has_lang(const char *lang);
/* The language messages are in by default: ORILLA_LANG from the environment when it names a
 * language with messages, else "en". */
const char *orl_messages_default_lang(void);

/* The language of Orilla's messages for this run (a command's --lang), for every layer: the
 * app's commands, the player's load errors and its --watch panel. NULL: ORILLA_LANG, else
 * English. A language without messages is ignored. */
void orl_messages_set_lang(const char *lang);
/* The wording of that language (NULL for English), to put in an orl_diags list. */
orl_wording_fn orl_messages_current(void);
/* The format for (code, English fmt) in that language: its translation, or fmt. */
const char *orl_messages_words(const char *code, const char *fmt)
#if defined(__GNUC__)
    __attribute__((format_arg(2)))
#endif
    ;

/* The tables, for tests. */
typedef struct orl_message {
    const char *code;
    const char *en;
    const char *tr;
} orl_message;
const orl_message *orl_messages_table(const char *lang, size_t *n);

#endif
