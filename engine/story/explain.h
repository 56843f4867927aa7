/* Lua's own messages told in the author's words (story/messages.h gives them in Spanish too).
 *
 * Lua's parser stops at the first mistake it cannot read past and says what it expected
 * ("'}' expected (to close '{' at line 71) near 'choices'"), often lines after the mistake an
 * author made. The functions here look at the story's source around that point with a small
 * reader of Lua's words (strings, comments, long brackets, braces and blocks) and name the
 * mistake a beginner makes there, at the line where it is mended: a missing ',', a '{' left
 * open (the block and where to close it, also at the end of the file), '=' for '==' and the
 * other way round, a text that goes on over two lines, an accent in a name, curly quotes.
 * Lua's own message is kept after the explanation, for those who know Lua.
 *
 * Runtime messages (attempt to perform arithmetic on a nil value (field 'dias')) become a
 * sentence that says what was never set and how to give it a start value. */
#ifndef ORL_EXPLAIN_H
#define ORL_EXPLAIN_H
#include <stddef.h>
#include "core/diag.h"

/* What orl_explain_fix_source changed. */
typedef struct orl_source_fixes {
    int bom;          /* a UTF-8 byte order mark was at the start (Notepad writes one) */
    int curly;        /* texts between curly quotes read as straight ones */
    int curly_line;   /* the first line with one */
} orl_source_fixes;

/* Makes a story file readable as its author meant it, in place and keeping every byte offset
 * and line: a byte order mark becomes spaces, and a text written between curly quotes (“...”
 * or ‘...’ from Word, TextEdit or a phone) outside any other text gets straight quotes, the
 * spare bytes becoming spaces outside the text. A curly quote inside a text in straight
 * quotes is part of that text and stays. Lines where it is not clear stay as written (the
 * syntax error then names the curly quotes). */
void orl_explain_fix_source(char *text, size_t len, orl_source_fixes *out);
/* The note about what orl_explain_fix_source changed (nothing when it changed nothing). */
void orl_explain_report_fixes(orl_diags *d, const char *file, const orl_source_fixes *fx);

/* Reports a syntax error Lua found at `line` of `file` (text: the file's source, may be
 * NULL), with its message `msg`: one error in the author's words at the line to mend, Lua's
 * own words after it, and a note that the rest of the file was not read. */
void orl_explain_syntax(orl_diags *d, const char *file, const char *text, size_t len, int line, const char *msg);

/* Lua's runtime message `msg` in plain words (in d's language), Lua's own after it, into out.
 * Returns out, or msg itself when there are no plainer words for it. */
const char *orl_explain_runtime(const orl_diags *d, const char *msg, char *out, size_t n);

/* "attempt to call a nil value" at `line`: a definition written without its word (scene) on a
 * later line, "b" { ... }. Reports it and returns 1 when found. */
int orl_explain_missing_word(orl_diags *d, const char *file, const char *text, size_t len, int line, const char *msg);

/* The DSL word an author meant by `name` (scene for escena, story for historia ...), or NULL. */
const char *orl_explain_dsl_word(const char *name);
/* The field an author meant by a Spanish field name (choices for opciones ...), or NULL. */
const char *orl_explain_field_word(const char *name);
/* The other way: the Spanish names an author may have written for `field` (NULL-terminated),
 * or NULL. */
const char *const *orl_explain_field_aliases(const char *field);

/* A name read as a variable while the story loaded (go = albergue: the global albergue,
 * which is nil). When line `line` of the source writes `FIELD = name`, reports it (“¿faltan
 * las comillas?”, or `ending = ture` → true) and returns 1, with the field in field[fn]. */
int orl_explain_unquoted(orl_diags *d, const char *file, const char *text, size_t len, int line,
                         const char *name, char *field, size_t fn);
/* 1 when `name` is what an author writes meaning true (ture, treu, verdadero, si ...). */
int orl_explain_means_true(const char *name);

#endif
