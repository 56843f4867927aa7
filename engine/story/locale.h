/* Translations. A story is written in one language (story { language = "es" }); each other
 * language is a gettext PO file, locale/LANG.po, that translators edit with Poedit (or any PO
 * editor) from the template `orilla strings` writes.
 *
 * The PO reader is Orilla's own, not libgettextpo: PO files come from bundles (zips read
 * through PhysicsFS into memory, which libgettextpo cannot read: it wants a file name), they
 * are untrusted (every size is bounded, see core/limits.h), and every problem must come back
 * as `locale/en.po:12: error: ...` in the author's words, collected like the story's own.
 *
 * What it reads: comments (`#`, `#.`, `#:`, `#|` ignored; `#,` flags: a `fuzzy` entry is a
 * draft that still needs review and is not used; `#~` obsolete entries are skipped), msgctxt,
 * msgid, msgid_plural, msgstr and msgstr[N] (Orilla shows no counted texts: msgstr[0] is
 * used), strings over several lines, C escapes (\n \t \" \\ \r \a \b \f \v, octal, \xHH), a
 * UTF-8 byte-order mark and CRLF line ends. The header entry (msgid "") must declare UTF-8
 * (or nothing); an empty msgstr means "not translated yet".
 *
 * Keys: the msgid of a text is the text exactly as the story writes it, without msgctxt.
 * When one source text needs two different translations in two places, a translator can add
 * an entry with msgctxt "SCENE-ID" (or "TESTIMONY-ID"): it is preferred for that scene's (or
 * testimony's) texts. Text returned by a story function (text = function(s) ... end) is
 * looked up when it is shown, with the scene id as its context. */
#ifndef ORL_LOCALE_H
#define ORL_LOCALE_H
#include <stdint.h>
#include "story/story.h"
#include "story/consent.h"

typedef struct orl_po_entry {
    char *ctxt;   /* msgctxt, or NULL */
    char *id;     /* msgid: the source text */
    char *str;    /* msgstr (msgstr[0] for an entry with msgid_plural); "" = not translated yet */
    int line;     /* where the entry starts (its msgctxt or msgid) */
    int fuzzy;    /* marked "#, fuzzy": a draft, not used */
    int plural;   /* had msgid_plural */
} orl_po_entry;

typedef struct orl_catalog {
    char *file;              /* the name used in messages, e.g. "locale/en.po" */
    char *language;          /* the header's "Language:", or NULL */
    orl_po_entry *entries;   /* in file order, without the header entry */
    int n, cap;
    /* lookup table: (context, msgid) -> entry index; private */
    int32_t *slots;
    size_t nslots;
    uint64_t seed;
} orl_catalog;

/* Reads PO text (len bytes; need not be NUL-terminated). Every problem is added to d as
 * `file:line: error: ...`; the entries that could be read are kept, so a catalog with errors
 * is still usable. Returns NULL only when out of memory (with a diagnostic). */
orl_catalog *orl_po_parse(const char *file, const char *data, size_t len, orl_diags *d);
/* Reads a PO file of the story (ORL_MAX_PO_BYTES at most). NULL with a diagnostic when it
 * cannot be read. */
orl_catalog *orl_po_load(orl_fs *fs, const char *name, orl_diags *d);
void orl_catalog_free(orl_catalog *c);

/* The translation of msgid: the entry with msgctxt `ctxt` (when ctxt is not NULL) if there is
 * one, else the entry without msgctxt. NULL when there is none, it is fuzzy or empty. */
const char *orl_catalog_lookup(const orl_catalog *c, const char *ctxt, const char *msgid);
/* The entry for (ctxt, msgid) exactly (ctxt NULL = no msgctxt), or NULL. */
const orl_po_entry *orl_catalog_entry(const orl_catalog *c, const char *ctxt, const char *msgid);

/* 1 when lang is a plausible language tag ("es", "pt-BR", "sr_Latn"): letters, digits, '-'
 * and '_', at most ORL_MAX_LANG bytes, starting with a letter. It names a file. */
int orl_locale_name_ok(const char *lang);

/* Puts the story in language `lang`: when lang is the story's own language (or NULL) nothing
 * changes; else locale/LANG.po (or locale/LL.po for LL-REGION) is read through the story's
 * files and every visible text (title, credits, warnings, support entries, narrator names,
 * testimony transcripts, scene titles and texts, choices, facts and their sources) is
 * replaced by its translation, keeping the source text where there is none. The catalog
 * stays in st->catalog for texts that story functions return (orl_locale_runtime), and
 * st->lang says the language now in use. Problems (no such translation, a broken PO file)
 * are warnings: the story still plays, in its own words where needed. Returns 0 when a
 * translation was applied or none was needed, -1 otherwise. */
int orl_locale_apply(orl_story *st, const char *lang, orl_diags *d);
/* A text a story function returned (owned; freed here when replaced): its translation in the
 * story's catalog, looked up with ctxt (a scene id) first; else s itself. */
char *orl_locale_runtime(const orl_story *st, const char *ctxt, char *s);

/* ---- the visible texts of a story (for translation, `orilla strings` and `check`) ---- */

typedef enum orl_text_kind {
    ORL_TEXT_TITLE,          /* story title */
    ORL_TEXT_CREDITS,
    ORL_TEXT_WARNING,        /* a content warning: story, scene or testimony */
    ORL_TEXT_SUPPORT_NAME,
    ORL_TEXT_SUPPORT_NOTE,
    ORL_TEXT_NARRATOR_NAME,
    ORL_TEXT_TRANSCRIPT,     /* a testimony's text */
    ORL_TEXT_SCENE_TITLE,
    ORL_TEXT_SCENE_TEXT,
    ORL_TEXT_CHOICE,
    ORL_TEXT_FACT,
    ORL_TEXT_FACT_SOURCE,
    ORL_TEXT_FUNCTION,       /* a text a story function returns (return "..." in its code) */
    ORL_TEXT_SKIP_TEXT,      /* a scene's or testimony's skip_text: shown in place of a skipped part */
    ORL_TEXT_FACT_URL,       /* a fact's url: the same publication in the reader's language, when the
                                publisher has one (optional: not counted as missing in check) */
    ORL_TEXT_SUPPORT_CONTACT,/* a support entry's contact: its page in the reader's language (optional) */
} orl_text_kind;

typedef struct orl_text_ref {
    orl_text_kind kind;
    const char *text;        /* the source text */
    char **slot;             /* where the story keeps it (NULL for ORL_TEXT_FUNCTION) */
    const char *ctxt;        /* scene or testimony id for a context lookup, or NULL */
    const char *owner;       /* scene/testimony/narrator id it belongs to, or NULL */
    int choice;              /* ORL_TEXT_CHOICE: its number, from 1 */
    const char *narrator;    /* ORL_TEXT_TRANSCRIPT: the narrator's name (or id) */
    orl_loc loc;             /* where it is written (as precise as known) */
} orl_text_ref;

enum {
    ORL_TEXTS_FUNCTIONS = 1, /* also texts returned by story functions (reads the source files) */
    ORL_TEXTS_LINES = 2,     /* find the line of each text in the source (reads the files) */
    ORL_TEXTS_CONSENTED = 4, /* exports: leave out the transcript of a testimony whose consent
                                does not allow it in a workshop today (story/consent.h) */
};

/* Calls fn for every visible text of the story, in the order they are written in the story
 * (story block first, then definitions as they come). fn returns non-zero to stop; that value
 * is returned, else 0. Empty texts are skipped. */
int orl_story_texts(orl_story *st, int flags, int (*fn)(const orl_text_ref *t, void *ud), void *ud);
/* The same, with the operator's withdrawal list (may be NULL) that ORL_TEXTS_CONSENTED honours
 * too: a withdrawn testimony is left out of every export. */
int orl_story_texts_ex(orl_story *st, int flags, const orl_withdrawn *withdrawn,
                       int (*fn)(const orl_text_ref *t, void *ud), void *ud);

/* Writes a gettext template (POT) of every visible text: a UTF-8 header, then one entry per
 * distinct text with `#: file:line` references and `#.` notes for translators (testimonies
 * are marked "handle with care"). Returns 0, or -1 on a write error or out of memory. */
int orl_story_write_pot(orl_story *st, FILE *out);
/* The same, leaving out the testimonies on the withdrawal list (may be NULL) as well. */
int orl_story_write_pot_ex(orl_story *st, const orl_withdrawn *withdrawn, FILE *out);

/* Internal (locale_lua.c): the file and first/last lines of a story function. 0, or -1. */
int orl_story_function_lines(orl_story *st, int ref, const char **file, int *first, int *last);

#endif
