/* Writing a file the user named with -o: into a temporary file beside it, then put in place,
 * so a half-written file never replaces a good one. "-" means standard output. */
#ifndef ORL_APP_OUTFILE_H
#define ORL_APP_OUTFILE_H
#include <stdio.h>

typedef struct orl_outfile {
    FILE *f;
    const char *path;   /* as given */
    char tmp[1100];     /* the temporary name; "" for stdout */
} orl_outfile;

/* Opens path for writing ("-" or NULL = stdout). The folder it goes in is made when it is
 * missing (one level: -o locale/story.pot makes locale/). 0, or -1 after printing why
 * ("orilla CMD: cannot write ..."). */
int orl_outfile_open(orl_outfile *o, const char *cmd, const char *path);
/* Finishes: flushes, closes and renames into place. ok = 0 throws the file away. 0, or -1
 * after printing why. */
int orl_outfile_close(orl_outfile *o, const char *cmd, int ok);

#endif
