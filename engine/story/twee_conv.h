/* Inside the Twine importer's conversion of a passage (twee_conv.c and the format files
 * twee_harlowe.c, twee_sugarcube.c, twee_markup.c): the state of one passage's conversion
 * and the steps the formats share. */
#ifndef ORL_TWEE_CONV_H
#define ORL_TWEE_CONV_H
#include "story/twee_internal.h"
#include "core/limits.h"

#define MAX_NEST 40          /* hooks, <<if>>s and includes inside each other */
#define MAX_INCLUDE 8        /* (display:) inside (display:) */
#define MAX_INLINED (8u << 20) /* bytes of passages inlined in the whole story */
#define MAX_SN 16            /* Snowman's if { inside if { */
#define MAX_BAD 12           /* names listed in the passage's warning (the rest counted) */

typedef struct chain {
    size_t text_at, enter_at; /* where its 'if' began in each buffer */
    int text_n, enter_n;      /* statements there when it began */
    char *prev;               /* earlier branches' conditions, or'ed (Lua), or NULL */
    int has_else;             /* its 'else' is written: a branch after it can never be taken */
    int extra;                /* such branches, each an 'if false then' inside the else */
} chain;

enum { F_GTGT, F_LINK, F_COMMENT, F_CCOMMENT, F_PCT, F_GT, F_BRACE, F_PCOMMENT, F_SCCLOSE, F_ENDA, F_KINDS };

typedef struct cv {
    tw *t;
    tw_passage *p;
    tw_format f;
    tw_xctx x;
    orl_buf text, plain, enter, pend;
    int text_n, enter_n;      /* statements written */
    int dynamic;
    int ind;                  /* Lua indentation depth */
    char *conds[MAX_NEST + 2];/* conditions around here (Lua), for choices' `when` */
    int ncond;
    int cond_over;            /* conditions not pushed (too deep): their pops do nothing */
    chain *open[MAX_NEST * 2 + MAX_SN + 8]; /* the chains open now, in this text (their text_at
                                               moves when tc_put_set rewrites the text) */
    int nopen, open_base;     /* open[open_base..nopen) are this text's (a sub-conversion's own) */
    tw_choice *ch;
    int nch, capch;
    char *bad[MAX_BAD];
    int nbad, more_bad;
    int depth, includes;
    int silent, nobr;
    int line, line_visible, line_blank, line_links_only;
    char last_out;            /* the last character of the text flushed so far */
    struct closing { const char *from, *found, *end; } close[F_KINDS]; /* the last search of each kind */
    chain sn[MAX_SN];         /* Snowman's open <% if (...) { %> */
    int nsn, sn_base;         /* sn[sn_base..nsn) opened in this text (a sub-conversion's own) */
    const char *line_end;     /* where the line read now ends (tc_line_start) */
    const char *floor;        /* the start of the passage read now (looking back stops there) */
    int link_inline;
    orl_buf before;           /* on_enter's first statements: values kept before the passage changes them */
    int nbefore, checks;          /* the next choice's words are also in the text (tc_link_in_text) */
    size_t scan_budget;
} cv;



typedef struct saved {
    orl_buf text, plain, enter, pend;
    int text_n, enter_n, dynamic, ind, ncond, silent, cond_over, nopen, open_base, sn_base;
    char *conds[MAX_NEST + 2];
    tw_choice *ch;
    int nch, capch;
} saved;

enum { STOP_NONE = 0, STOP_HOOK = 1, STOP_SC = 2 };

typedef struct scm {
    const char *name;   /* after "<<" */
    size_t nlen;
    const char *as, *ae;/* its arguments */
    const char *end;    /* after ">>" */
} scm;

const char *tc_find_close(cv *c, int kind, const char *s, const char *e, const char *what);
void tc_bad(cv *c, const char *name);
void tc_bad_named(cv *c, const char *pre, const char *s, size_t n, const char *post);
void tc_indent(cv *c, orl_buf *b);
void tc_flush(cv *c);
void tc_put_text(cv *c, const char *s, size_t n);
void tc_put_print(cv *c, const char *lua);
void tc_put_enter(cv *c, const char *lua_stmts);
void tc_chain_open(cv *c, chain *ch, const char *cond);
int tc_branch_push(cv *c, chain *ch, const char *cond, int first);
void tc_branch_pop(cv *c);
void tc_chain_close(cv *c, chain *ch);
char *tc_when_now(cv *c);
void tc_add_choice(cv *c, const char *text, size_t tn, const char *target, size_t gn, const char *setter, int is_goto);
void tc_sub_begin(cv *c, saved *s);
void tc_sub_end(cv *c, saved *s, int reveal, char **setter, char **go, int *go_conditional);
void tc_line_start(cv *c, const char *s, const char *e);
int tc_str_args(const char *s, const char *e, const char **as, size_t *an, int max);
void tc_split_link(const char *s, const char *e, const char **ts, size_t *tn, const char **gs, size_t *gn);
void tc_do_link(cv *c, const char *is, const char *ie, const char *e);
void tc_norm(const char *s, size_t n, char *out, size_t cap);
int tc_one_of(const char *w, const char *list);
const char *tc_macro_end(cv *c, const char *s, const char *e);
int tc_word_at(const char *q, const char *e);
int tc_starts(const char *q, const char *e, const char *w);
int tc_starts_ci(const char *q, const char *e, const char *w);
void tc_count_lines(cv *c, const char *s, const char *e);
const char *tc_hook_end_marks(const char *q, const char *e);
const char *tc_run_hook(cv *c, const char *h, const char *e);
const char *tc_skip_hook(cv *c, const char *h, const char *e);
const char *tc_link_body(cv *c, const char *text, size_t tn, const char *go_given, size_t gn, const char *bs,
                             const char *be, const scm *sugarcube);
void tc_include_passage(cv *c, const char *name, size_t n);
void tc_reveal_passage(cv *c, const char *text, size_t tn, const char *pname, size_t pn);
const char *tc_harlowe_if(cv *c, const char *nm, const char *as, const char *ae, const char *h, const char *e);
const char *tc_harlowe_macro(cv *c, const char *q, const char *e);
int tc_sc_read(cv *c, const char *q, const char *e, scm *m);
int tc_sc_is(const scm *m, const char *list);
int tc_sc_has_close(cv *c, const char *q, const char *e, const scm *m);
const char *tc_sc_until(cv *c, const char *s, const char *e, const char *list);
char *tc_closers(const scm *m);
const char *tc_sc_content(cv *c, const scm *m, const char *e);
const char *tc_sc_skip(cv *c, const scm *m, const char *e);
const char *tc_sc_if(cv *c, const scm *m, const char *e);
const char *tc_sc_link(cv *c, const scm *m, const char *e);
const char *tc_sc_macro(cv *c, const char *q, const char *e);
const char *tc_html_tag(cv *c, const char *q, const char *e);
int tc_lone_mark(const char *s, const char *q, const char *e);
size_t tc_markup(cv *c, const char *s, const char *q, const char *e);
const char *tc_md_link(cv *c, const char *q, const char *e);
const char *tc_chapbook_insert(cv *c, const char *q, const char *e);
int tc_modifier_line(const char *s, const char *le);
void tc_chapbook_body(cv *c, const char *s, const char *e);
int tc_js_is(const char *s, const char *e, const char *w);
const char *tc_js_if(const char *s, const char *e, const char **xe);
const char *tc_snowman_code(cv *c, const char *q, const char *e);
const char *tc_parse(cv *c, const char *s, const char *e, int stop);

/* whether a link's words stay in the text: only inside a sentence (words after it on its line),
 * never on a line of links; remembered for the choice added next */
int tc_link_in_text(cv *c, const char *start, const char *after, const char *e);

/* State changes written in the passage's order (tc_put_enter), after which the text already
 * written, and the choices' conditions, still see the value from before the change (Twine
 * shows the text as it reads it: "(if: not $seen)[First time.](set: $seen to true)") */
void tc_put_set(cv *c, const char *lua_stmts);

#endif
