/* What the subcommands share: open a story, print its problems, exit codes. */
#ifndef ORL_APP_COMMON_H
#define ORL_APP_COMMON_H
#include <stdint.h>
#include <stdio.h>
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

#endif
