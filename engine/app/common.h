/* What the subcommands share: open a story, print its problems, exit codes. */
#ifndef ORL_APP_COMMON_H
#define ORL_APP_COMMON_H
#include <stdint.h>
#include <stdio.h>
#include "story/messages.h"
#include "story/story.h"

enum { ORL_EXIT_OK = 0, ORL_EXIT_PROBLEMS = 1, ORL_EXIT_USAGE = 2 };

typedef struct orl_app_load {
    uint64_t seed;
    int run_check;   /* also run orl_story_check */
    int quiet_ok;    /* print nothing when there are only warnings */
    const char *lang;/* reader's language: texts from locale/LANG.po (NULL = as written) */
} orl_app_load;

/* Loads PATH. Prints problems (errors, and warnings when there are errors) to stderr.
 * Returns the story when it loaded without errors; else NULL and *exit_code is 1 (story
 * problems) or 2 (unreadable). */
orl_story *orl_app_open(const char *path, const orl_app_load *o, int *exit_code);
/* 1 when stdout/stderr is a terminal (progress lines only then). */
int orl_app_isatty(FILE *f);

/* Orilla's own words in the commands' output (story/messages.h): the language is the one a
 * command's --lang gave (orl_app_set_lang), else ORILLA_LANG, else English. */
void orl_app_set_lang(const char *lang);
/* The wording to put in an orl_diags list, so its messages come out in that language. */
orl_wording_fn orl_app_wording(void);
/* The format to print for (code, English format): its translation, or fmt itself. Every
 * printf of a command goes through it: printf(orl_app_words("@walk", "..."), ...). */
const char *orl_app_words(const char *code, const char *fmt)
#if defined(__GNUC__)
    __attribute__((format_arg(2))) /* the compiler checks the arguments against the English */
#endif
    ;
/* The same in the language of wording w (NULL: English), whatever ORILLA_LANG says. */
const char *orl_app_words_in(orl_wording_fn w, const char *code, const char *fmt)
#if defined(__GNUC__)
    __attribute__((format_arg(3)))
#endif
    ;
/* The same for a count n: `one` when n is 1, else `many` (each is its own entry in the
 * tables, so "1 ending" and "2 endings" are right in every language). */
const char *orl_app_words_n(const char *code, long long n, const char *one, const char *many)
#if defined(__GNUC__)
    __attribute__((format_arg(3))) __attribute__((format_arg(4)))
#endif
    ;

#endif
