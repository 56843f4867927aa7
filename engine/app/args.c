#include "app/args.h"
#include "app/common.h"
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void orl_args_init(orl_args *a, int argc, char **argv)
{
    memset(a, 0, sizeof *a);
    a->argc = argc;
    a->argv = argv;
    a->i = 1;
    a->cmd = argc > 0 ? argv[0] : "orilla";
}

int orl_args_next(orl_args *a)
{
    static char optbuf[128];
    if (a->i >= a->argc) return 0;
    char *s = a->argv[a->i++];
    if (!a->dashdash && strcmp(s, "--") == 0) {
        a->dashdash = 1;
        a->opt = NULL;
        if (a->i >= a->argc) return 0;
        s = a->argv[a->i++];
    }
    if (!a->dashdash && s[0] == '-' && s[1] != 0) {
        const char *eq = strchr(s, '=');
        if (eq && s[1] == '-') {
            size_t n = (size_t)(eq - s);
            if (n >= sizeof optbuf) n = sizeof optbuf - 1;
            memcpy(optbuf, s, n);
            optbuf[n] = 0;
            a->opt = optbuf;
            a->val = eq + 1;
        } else {
            a->opt = s;
            a->val = NULL;
        }
        return 1;
    }
    a->opt = NULL;
    a->val = s;
    return 2;
}

int orl_args_is(orl_args *a, const char *name) { return a->opt && strcmp(a->opt, name) == 0; }

void orl_args_fail(orl_args *a, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "orilla %s: ", a->cmd);
    va_start(ap, fmt);
    vfprintf(stderr, orl_app_words("@args", fmt), ap); /* ORILLA_LANG=es: in Spanish */
    va_end(ap);
    fprintf(stderr, orl_app_words("@args", "\n(see 'orilla help %s')\n"), a->cmd);
    a->error = 1;
}

const char *orl_args_value(orl_args *a)
{
    if (a->val) {
        const char *v = a->val;
        a->val = NULL;
        return v;
    }
    if (a->i >= a->argc) {
        orl_args_fail(a, "%s needs a value", a->opt ? a->opt : "option");
        return NULL;
    }
    return a->argv[a->i++];
}

long long orl_args_int(orl_args *a, long long lo, long long hi)
{
    const char *name = a->opt;
    const char *v = orl_args_value(a);
    if (!v) return lo;
    errno = 0;
    char *end;
    long long x = strtoll(v, &end, 10);
    if (errno || end == v || *end || x < lo || x > hi) {
        orl_args_fail(a, "%s wants a whole number from %lld to %lld, not '%s'", name ? name : "option", lo, hi, v);
        return lo;
    }
    return x;
}
