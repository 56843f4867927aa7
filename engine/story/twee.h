/* Twine stories into Orilla stories: `orilla import twee FILE.twee -o DIR`.
 *
 * Reads Twee 3, the text form of a Twine 2 story (Twine 2.6+: Build > Export As Twee; Tweego -d):
 *   :: Passage name [tag1 tag2] {"position":"600,400","size":"100,100"}
 *   the passage's text, with links [[Text]], [[Text->Target]], [[Target<-Text]], [[Text|Target]]
 * Special passages: StoryTitle (the title) and StoryData (JSON: "ifid", "format", "start").
 * In a name, \[ \] \{ \} \\ are escaped characters; in a text, a line starting \:: is "::".
 *
 * Each passage becomes a scene (its id made safe: small letters, digits and '-'), each link a
 * choice going to the scene of its target, and a passage without links an ending. Links follow
 * Twine's own rule: the rightmost "->" and the leftmost "<-" divide text from target, then
 * the first "|". A link alone on its line is taken out of the text; one inside a sentence
 * leaves its words in the sentence. Story formats' code (Harlowe (macro:), SugarCube <<macro>>,
 * $variables, HTML tags, setter links [[a|b][$x to 1]]) cannot be translated: it is kept as
 * text, with a warning naming the passage and the line. Script and stylesheet passages are
 * left out (with a warning). Links to passages that do not exist are left out (with a
 * warning), so the story always loads.
 *
 * Bounded: at most ORL_MAX_TWEE_BYTES of input and ORL_MAX_TWEE_PASSAGES passages. */
#ifndef ORL_TWEE_H
#define ORL_TWEE_H
#include <stddef.h>
#include "core/diag.h"
#include "core/strutil.h"

typedef struct orl_twee_opts {
    const char *lang;      /* the story's language, for story { language = }; NULL: guessed from the
                              passages' commonest words (es, en, fr, pt, ar), else "en" */
    const char *source;    /* the file name written in the header comment */
} orl_twee_opts;

typedef struct orl_twee_stats {
    int passages, scenes, choices, endings, skipped;
    int inlined;   /* passages only shown inside others ((display:), <<include>>): no scene of their own */
    const char *format;     /* the story format the passages were read as: "Harlowe", "SugarCube"... */
    const char *lang_guess; /* the language guessed from the words when opts->lang is NULL, or NULL */
} orl_twee_stats;

/* Converts Twee text (file: the name used in messages) into the text of a story.lua,
 * appended to out. Problems go to d as file:line warnings (errors when nothing usable is
 * left). Returns 0, or -1 when there is no story to write (no passages, too big...). */
int orl_twee_convert(const char *file, const char *data, size_t len, const orl_twee_opts *opts,
                     orl_buf *out, orl_twee_stats *stats, orl_diags *d);

/* Twine code Orilla cannot run, in the text [s, e) (one line): the first construct there (a
 * SugarCube <<macro>>, a Harlowe (macro: ...), a $variable, an HTML tag, Chapbook {code}, a
 * code comment), or NULL. *len is its length in bytes; *what names it in English words
 * ("SugarCube code", "Harlowe code", "a story variable", "an HTML tag", "Chapbook code", "a
 * code comment"). The import warns with it; `orilla check` uses it again on imported stories
 * (story/lint.c), so Twine code still in a text is not silently shown to readers. */
const char *orl_twee_code_in(const char *s, const char *e, int *len, const char **what);

/* Written in the first lines of every story.lua the import makes: how `check` knows a story
 * came from Twine. */
#define ORL_TWEE_MARK "by 'orilla import twee'"

/* A safe id from any name: small ASCII letters, digits and '-' (common accented Latin letters
 * lose their accents; other characters become '-'), at most n-1 bytes; `fallback` when
 * nothing is left. */
void orl_slug(const char *name, char *out, size_t n, const char *fallback);

#endif
