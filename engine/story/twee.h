/* Twine stories into Orilla stories: `orilla import twee FILE -o DIR`.
 *
 * Reads Twee 3 (Twine 2.6+: Build > Export As Twee; Tweego), Twee 1/2 headers (":: Name [tags]
 * <x,y>"), a published Twine 2 HTML file (<tw-storydata>) or a Twine 1 one (<div tiddler>).
 * Special passages: StoryTitle, StoryData (JSON: "ifid", "format", "start"), StoryInit and
 * "startup" passages (run once at the start); scripts, stylesheets and other special passages
 * are left out with a warning.
 *
 * Each passage becomes a scene, each link a choice, a passage without links an ending. The
 * story format's code (Harlowe 3, SugarCube 2 and Twine 1, Chapbook, Snowman) is converted
 * (twee_internal.h): state changes into on_enter, conditions into a text function and choices'
 * `when`, printed values into the text, link macros into choices (one that also changes the
 * state goes to a copy of its target that makes the change first), markup and HTML taken out.
 * What cannot be converted is left out with one warning per passage naming it. Everything
 * written into story.lua from the input is an escaped string or comes from our own parser.
 *
 * Bounded: at most ORL_MAX_TWEE_BYTES of input and ORL_MAX_TWEE_PASSAGES passages, linear
 * reading, a budget for inlined passages and for the copies. */
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
