#include "core/strutil.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *orl_strndup(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p) return NULL;
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *orl_strdup(const char *s) { return s ? orl_strndup(s, strlen(s)) : NULL; }

char *orl_vformat(const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0) return NULL;
    char *p = malloc((size_t)n + 1);
    if (!p) return NULL;
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    return p;
}

char *orl_format(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *p = orl_vformat(fmt, ap);
    va_end(ap);
    return p;
}

int orl_edit_distance(const char *a, const char *b, int cap)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64) return cap;
    int row[65];
    for (size_t j = 0; j <= lb; j++) row[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        int prev = row[0];
        row[0] = (int)i;
        int best = row[0];
        for (size_t j = 1; j <= lb; j++) {
            int cur = row[j];
            int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int v = prev + cost;
            if (row[j] + 1 < v) v = row[j] + 1;
            if (row[j - 1] + 1 < v) v = row[j - 1] + 1;
            row[j] = v;
            prev = cur;
            if (v < best) best = v;
        }
        if (best >= cap) return cap;
    }
    return row[lb] < cap ? row[lb] : cap;
}

void orl_nearest_init(orl_nearest *n, const char *word, int cap)
{
    n->word = word;
    n->best = NULL;
    n->d = cap;
}

void orl_nearest_try(orl_nearest *n, const char *name)
{
    int d = orl_edit_distance(n->word, name, n->d);
    if (d < n->d) {
        n->d = d;
        n->best = name;
    }
}

void orl_buf_put(orl_buf *b, const void *p, size_t n)
{
    if (b->oom) return;
    if (b->len + n + 1 > b->cap) {
        size_t nc = b->cap ? b->cap : 64;
        while (nc < b->len + n + 1) nc *= 2;
        char *nd = realloc(b->data, nc);
        if (!nd) { b->oom = 1; return; }
        b->data = nd;
        b->cap = nc;
    }
    memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = 0;
}

void orl_buf_puts(orl_buf *b, const char *s) { orl_buf_put(b, s, strlen(s)); }

void orl_buf_printf(orl_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = orl_vformat(fmt, ap);
    va_end(ap);
    if (!s) { b->oom = 1; return; }
    orl_buf_puts(b, s);
    free(s);
}

void orl_buf_free(orl_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->oom = 0;
}
