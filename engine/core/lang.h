/* One language table for all of Orilla: each language's name in its own words, its writing
 * direction, and how a language tag from a story, a translation or a setting is matched.
 * The player (player/layout.c), the kiosk (kiosk/kiosk_text.c), the interface words
 * (story/uitext.c) and Orilla's messages (story/messages.c) all ask it, so "es-VE" is Spanish
 * everywhere (its buttons, its direction, its name in a picker) and not in some places only.
 *
 * Matching is by the primary subtag, with the whole tag preferred: "es-VE" finds "es-VE" when
 * the list has it, else "es"; "es_VE.UTF-8" (a POSIX locale) is read the same way. */
#ifndef ORL_LANG_H
#define ORL_LANG_H
#include <stddef.h>

/* Bytes of the primary subtag of tag ("es" of "es-VE", "es_VE.UTF-8"); 0 for NULL or "". */
size_t orl_lang_primary(const char *tag);
/* 1 when tags a and b have the same primary subtag ("es-VE" and "es"). */
int orl_lang_same(const char *a, const char *b);
/* The best of codes[0..n) for tag: the same tag, else the same primary subtag; -1 when none. */
int orl_lang_match(const char *tag, const char *const *codes, size_t n);
/* The language's name in its own words ("Español" for "es" and "es-VE"); the tag itself
 * when the table does not know it; "" for NULL. */
const char *orl_lang_name(const char *tag);
/* 1 when the language is written right to left (Arabic, Hebrew, Persian, Urdu ...). */
int orl_lang_rtl(const char *tag);

#endif
