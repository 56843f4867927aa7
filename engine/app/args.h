/* Small, strict option parsing shared by the subcommands: `--name value`, `--name=value`,
 * flags, and positional arguments; an unknown option is a usage error (exit 2). */
#ifndef ORL_ARGS_H
#define ORL_ARGS_H

typedef struct orl_args {
    int argc;
    char **argv;
    int i;            /* next index */
    const char *cmd;  /* for messages */
    const char *opt;  /* the option being looked at */
    const char *val;  /* its inline value after '=', if any */
    int error;        /* set after a usage error was printed */
    int dashdash;     /* "--" was seen: the rest are positional */
} orl_args;

void orl_args_init(orl_args *a, int argc, char **argv);
/* Advances to the next argument; returns 0 at the end, 1 for an option (a->opt set),
 * 2 for a positional (a->val set). "--" ends options. */
int orl_args_next(orl_args *a);
/* 1 when the current option is `name` (like "--lang"). */
int orl_args_is(orl_args *a, const char *name);
/* The value of the current option (inline or the next argument); NULL + usage error when missing. */
const char *orl_args_value(orl_args *a);
/* Parses an integer value in [lo, hi]; sets a->error and returns lo on failure. */
long long orl_args_int(orl_args *a, long long lo, long long hi);
/* Prints "orilla CMD: message" plus a hint to stderr and sets a->error. */
void orl_args_fail(orl_args *a, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

#endif
