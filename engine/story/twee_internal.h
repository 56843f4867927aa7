/* Inside the Twine importer (story/twee.h): what its files share.
 *   twee.c         the whole conversion and the story.lua it writes
 *   twee_input.c   passages from Twee (3, and Twee 1/2 headers) and from a published Twine 2
 *                  HTML file (libxml2's HTML parser); StoryData's JSON
 *   twee_conv.c    a passage's body into a scene: text pieces, conditions, state changes,
 *                  choices (twee_conv.h), with the formats' syntax in twee_harlowe.c (Harlowe 3),
 *                  twee_sugarcube.c (SugarCube 2, Twine 1) and twee_markup.c (the reading loop,
 *                  HTML, markup, Chapbook, Snowman), and twee_order.c (what a passage shows
 *                  before it changes a variable)
 *   twee_expr.c    Twine expressions and assignments into Lua (a parser of ours: nothing of the
 *                  story's text is pasted into story.lua except as an escaped string)
 *   twee_text.c    HTML entities, Lua strings, the language guess */
#ifndef ORL_TWEE_INTERNAL_H
#define ORL_TWEE_INTERNAL_H
#include "story/twee.h"
#include "core/limits.h"
#include "core/strmap.h"
#include <stddef.h>

typedef enum tw_format {
    TW_UNKNOWN = 0,
    TW_HARLOWE,
    TW_SUGARCUBE, /* SugarCube 1 and 2, and Twine 1's Sugarcane/Jonah (<<if>> ... <<endif>>) */
    TW_CHAPBOOK,
    TW_SNOWMAN,
} tw_format;

typedef struct tw_passage {
    char *name;
    char *tags;
    int line;            /* the :: line (or the HTML element's line) */
    const char *body;    /* into the input, or into own */
    size_t blen;
    int body_line;
    char *own;           /* the decoded body of an HTML passage */
    char id[ORL_MAX_ID];
    int skip;
    int init;            /* StoryInit, or tagged startup: its state changes run at the start */
    int included;        /* shown inside others by (display:), <<include>>, {embed passage} */
    int linked;          /* some choice goes to it (not through a copy that changes the state) */
    int via;             /* some choice goes to a copy of it that changes the state first */
    /* what the conversion made (twee_conv.c) */
    struct tw_scene *sc;
} tw_passage;

typedef struct tw {
    const char *file;
    orl_diags *d;
    tw_passage *ps;
    int n, cap;
    orl_strmap names;    /* name -> index */
    orl_strmap ids;      /* id -> index */
    char *title, *start, *ifid, *format, *format_version;
    tw_format fmt;
    int html;            /* read from a published HTML file */
    int oom;
    int too_many;        /* passages over ORL_MAX_TWEE_PASSAGES, warned once */
    size_t inlined;      /* bytes of passages inlined by (display:)/<<include>> so far */
    int uses_visits;     /* some passage asks how often a passage was visited */
} tw;

void tw_warn(tw *t, int line, const char *code, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
char *tw_trimdup(const char *s, size_t n);

/* twee_input.c: fills t->ps (and title, start, format...) from the file. 0, or -1 after an
 * error diagnostic. */
int tw_read_twee(tw *t, const char *data, size_t len);
int tw_read_html(tw *t, const char *data, size_t len);
/* 1 when the bytes look like a published Twine 2 HTML file */
int tw_is_html(const char *data, size_t len);
int tw_add_passage(tw *t, const char *name, size_t nlen, const char *tags, int line);
void tw_read_story_data(tw *t, const char *s, size_t n, int line);

/* ---------- a converted passage ---------- */

typedef struct tw_choice {
    char *text;          /* plain text */
    char *target;        /* passage name as written */
    char *when;          /* Lua expression, or NULL */
    char *setter;        /* Lua statements run on the way, or NULL */
    int is_goto;         /* a (go-to:)/<<goto>>: taken at once in Twine */
    int inline_words;    /* its words are also in the text (a link inside a sentence) */
    int line;
} tw_choice;

typedef struct tw_scene {
    char *text_lua;      /* Lua statements appending to t, when the text varies */
    char *plain;         /* the text, when it does not */
    char *enter_lua;     /* Lua statements of on_enter, or NULL */
    tw_choice *ch;
    int nch;
} tw_scene;

void tw_scene_free(tw_scene *sc);

/* twee_conv.c: converts passage p's body; warns once for what it cannot convert. */
void tw_convert_passage(tw *t, tw_passage *p);
/* the state changes of an init passage (StoryInit, startup), as Lua statements or NULL */
char *tw_convert_init(tw *t, tw_passage *p);

/* ---------- twee_expr.c ---------- */

/* What an expression is read in: its format, the passage it is in (for visits), Harlowe's
 * `it` (the Lua place being set, or NULL); used_visits is set when it asks how often a passage
 * was seen. */
typedef struct tw_xctx {
    tw_format f;
    const char *cur;
    const char *it;
    int used_visits;
} tw_xctx;

/* A Twine expression (Harlowe, SugarCube/JavaScript, Chapbook) as a Lua expression appended
 * to out. 0, or -1 with a short English reason in why (nothing appended then). */
int tw_expr(tw_xctx *x, const char *s, size_t n, orl_buf *out, char *why, size_t whyn);
/* The same, as a condition: a Lua expression that is true or false. */
int tw_cond(tw_xctx *x, const char *s, size_t n, orl_buf *out, char *why, size_t whyn);
/* Assignments: Harlowe (set:) "$x to 1, $y to it + 2" / (put:) "1 into $x" (put = 1),
 * SugarCube <<set>> "$x to 1; $y += 2, _z++", Chapbook "x: 1" (a vars line). Lua statements
 * (each ending in '\n'), with `indent` before each. */
int tw_assign(tw_xctx *x, const char *s, size_t n, int put, const char *indent, orl_buf *out, char *why,
              size_t whyn);
/* A Lua place for a Twine variable name ("$x", "_x", or a Chapbook bare name). */
void tw_var_place(const char *name, size_t n, int temp, orl_buf *out);
/* What the Lua the converter writes calls: the helper table T, written once at the top. */
extern const char tw_lua_helpers[];

/* ---------- twee_text.c ---------- */

/* Decodes HTML character references in [s, s+n) into out (named ones through libxml2's
 * table, numeric ones by value; unknown ones stay as written). */
void tw_decode_entities(const char *s, size_t n, orl_buf *out);
/* A Lua string literal of s (a long bracket string when it has several lines). */
void tw_lua_str(orl_buf *b, const char *s);
void tw_lua_strn(orl_buf *b, const char *s, size_t n);
/* s made one line for a Lua comment */
void tw_lua_comment(orl_buf *b, const char *s);
/* The language of the passages' words by their commonest words: "es", "en", "fr", "pt",
 * "ar", or NULL when unsure. */
const char *tw_guess_lang(const tw *t);
/* Squeezes blank lines (at most one empty line between paragraphs), trims each line's end
 * and the whole text; in place. */
void tw_tidy_text(char *s);

#endif
