#include "core/diag.h"
#include "core/limits.h"
#include "core/strutil.h"
#include "core/term.h"
#include <stdlib.h>
#include <string.h>

const char *orl_severity_name(orl_severity s)
{
    switch (s) {
    case ORL_ERROR: return "error";
    case ORL_WARNING: return "warning";
    default: return "note";
    }
}

const char *orl_diag_words(const orl_diags *d, const char *code, const char *fmt)
{
    const char *w = d && d->wording && fmt ? d->wording(code, fmt) : NULL;
    return w ? w : fmt;
}

static orl_diag_kind *kind_of(const orl_diags *d, const char *code)
{
    for (size_t i = 0; i < d->nkinds; i++)
        if (strcmp(d->kinds[i].code, code) == 0) return &d->kinds[i];
    return NULL;
}

int orl_diag_would_keep(const orl_diags *d, const char *code)
{
    const orl_diag_kind *k = d ? kind_of(d, code ? code : "") : NULL;
    return !k || k->kept < ORL_MAX_DIAGS_PER_CODE;
}

void orl_diag_vadd(orl_diags *d, orl_severity sev, const char *file, int line, int col,
                   const char *code, const char *fmt, va_list ap)
{
    fmt = orl_diag_words(d, code, fmt);
    if (sev == ORL_ERROR) d->errors++;
    else if (sev == ORL_WARNING) d->warnings++;
    orl_diag_kind *k = kind_of(d, code ? code : "");
    if (!k) {
        orl_diag_kind *nk = realloc(d->kinds, (d->nkinds + 1) * sizeof *nk);
        char *c = orl_strdup(code ? code : "");
        if (!nk || !c) {
            free(c);
            if (nk) d->kinds = nk;
            d->oom = 1;
            return;
        }
        d->kinds = nk;
        k = &d->kinds[d->nkinds++];
        *k = (orl_diag_kind){c, 0, 0, sev};
    }
    if (k->kept >= ORL_MAX_DIAGS_PER_CODE) {
        k->more++;
        if (sev > k->sev) k->sev = sev;
        return;
    }
    k->kept++;
    if (d->n == d->cap) {
        size_t nc = d->cap ? d->cap * 2 : 16;
        orl_diag *ni = realloc(d->items, nc * sizeof *ni);
        if (!ni) { d->oom = 1; return; }
        d->items = ni;
        d->cap = nc;
    }
    orl_diag *g = &d->items[d->n];
    memset(g, 0, sizeof *g);
    g->sev = sev;
    g->line = line;
    g->col = col;
    g->file = file ? orl_strdup(file) : NULL;
    g->code = orl_strdup(code ? code : "");
    g->msg = orl_vformat(fmt, ap);
    if ((file && !g->file) || !g->code || !g->msg) {
        free(g->file); free(g->code); free(g->msg);
        d->oom = 1;
        return;
    }
    d->n++;
}

void orl_diag_add(orl_diags *d, orl_severity sev, const char *file, int line, int col,
                  const char *code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    orl_diag_vadd(d, sev, file, line, col, code, fmt, ap);
    va_end(ap);
}

static int cmp_diag(const orl_diag *x, const orl_diag *y)
{
    const char *fx = x->file ? x->file : "", *fy = y->file ? y->file : "";
    int c = strcmp(fx, fy);
    if (c) return c;
    if (x->line != y->line) return x->line < y->line ? -1 : 1;
    if (x->col != y->col) return x->col < y->col ? -1 : 1;
    return 0;
}

void orl_diags_sort(orl_diags *d)
{
    /* Stable, so ties keep insertion order. (qsort is not stable, and breaking ties by
     * address does not help: qsort moves the items while it compares them.) Bottom-up
     * merge sort; insertion sort when the scratch buffer cannot be had. */
    size_t n = d->n;
    if (n < 2) return;
    orl_diag *a = d->items, *tmp = malloc(n * sizeof *tmp);
    if (!tmp) {
        for (size_t i = 1; i < n; i++) {
            orl_diag v = a[i];
            size_t j = i;
            for (; j > 0 && cmp_diag(&a[j - 1], &v) > 0; j--) a[j] = a[j - 1];
            a[j] = v;
        }
        return;
    }
    orl_diag *src = a, *dst = tmp;
    for (size_t w = 1; w < n; w *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * w) {
            size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) dst[k++] = cmp_diag(&src[j], &src[i]) < 0 ? src[j++] : src[i++];
            while (i < mid) dst[k++] = src[i++];
            while (j < hi) dst[k++] = src[j++];
        }
        orl_diag *t = src; src = dst; dst = t;
    }
    if (src != a) memcpy(a, src, n * sizeof *a);
    free(tmp);
}

/* Writes s cleaned (core/term.h): the diagnostics go to files and logs too, not only to the
 * cleaned stdout and stderr. */
static void put_clean(FILE *out, const char *s, int flags)
{
    if (orl_clean_is_clean(s, strlen(s)) && !(flags && strchr(s, '\n'))) {
        fputs(s, out);
        return;
    }
    char *c = orl_clean_dup(s, strlen(s), flags);
    fputs(c ? c : "?", out);
    free(c);
}

void orl_diags_append(orl_diags *to, const orl_diags *from)
{
    for (size_t i = 0; i < from->n; i++) {
        const orl_diag *g = &from->items[i];
        orl_diag_add(to, g->sev, g->file, g->line, g->col, g->code, "%s", g->msg);
    }
}

void orl_diags_print(const orl_diags *d, FILE *out)
{
    for (size_t i = 0; i < d->n; i++) {
        const orl_diag *g = &d->items[i];
        if (g->file) {
            put_clean(out, g->file, ORL_CLEAN_ONE_LINE);
            if (g->line > 0) fprintf(out, ":%d", g->line);
            if (g->line > 0 && g->col > 0) fprintf(out, ":%d", g->col);
            fputs(": ", out);
        }
        fprintf(out, "%s: ", orl_diag_words(d, "@severity", orl_severity_name(g->sev)));
        put_clean(out, g->msg, 0);
        fputc('\n', out);
    }
    for (size_t i = 0; i < d->nkinds; i++) {
        const orl_diag_kind *k = &d->kinds[i];
        if (!k->more) continue;
        fprintf(out, "%s: ", orl_diag_words(d, "@severity", orl_severity_name(k->sev)));
        fprintf(out, orl_diag_words(d, "@more", "and %ld more like the ones above (%s); only the first %d of each "
                                                "kind are listed: mend those, then check again\n"),
                k->more, k->code, ORL_MAX_DIAGS_PER_CODE);
    }
    if (d->oom) fputs("error: out of memory while collecting messages; some are missing\n", out);
}

/* A JSON string of the cleaned text: valid UTF-8, no control characters left raw. */
static void json_str(FILE *out, const char *s)
{
    char *c = s ? orl_clean_dup(s, strlen(s), 0) : NULL;
    fputc('"', out);
    for (const char *p = c; p && *p; p++) {
        unsigned char ch = (unsigned char)*p;
        if (ch == '"' || ch == '\\') { fputc('\\', out); fputc(ch, out); }
        else if (ch == '\n') fputs("\\n", out);
        else if (ch == '\t') fputs("\\t", out);
        else if (ch < 0x20) fprintf(out, "\\u%04x", ch);
        else fputc(ch, out);
    }
    fputc('"', out);
    free(c);
}

void orl_diags_print_json(const orl_diags *d, FILE *out)
{
    fputs("[", out);
    for (size_t i = 0; i < d->n; i++) {
        const orl_diag *g = &d->items[i];
        fputs(i ? ",\n " : "\n ", out);
        fputs("{\"severity\":", out); json_str(out, orl_severity_name(g->sev));
        fputs(",\"file\":", out);
        if (g->file) json_str(out, g->file); else fputs("null", out);
        fprintf(out, ",\"line\":%d,\"column\":%d,\"code\":", g->line, g->col);
        json_str(out, g->code);
        fputs(",\"message\":", out); json_str(out, g->msg);
        fputs("}", out);
    }
    int any = d->n > 0;
    for (size_t i = 0; i < d->nkinds; i++) {
        const orl_diag_kind *k = &d->kinds[i];
        if (!k->more) continue;
        fputs(any ? ",\n " : "\n ", out);
        any = 1;
        fputs("{\"severity\":", out); json_str(out, orl_severity_name(k->sev));
        fputs(",\"file\":null,\"line\":0,\"column\":0,\"code\":", out);
        json_str(out, k->code);
        fprintf(out, ",\"message\":\"%ld more\",\"more\":%ld}", k->more, k->more);
    }
    fputs(any ? "\n]\n" : "]\n", out);
}

void orl_diags_free(orl_diags *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->items[i].file);
        free(d->items[i].code);
        free(d->items[i].msg);
    }
    free(d->items);
    for (size_t i = 0; i < d->nkinds; i++) free(d->kinds[i].code);
    free(d->kinds);
    const char *(*wording)(const char *, const char *) = d->wording; /* a setting: the list can be used again */
    memset(d, 0, sizeof *d);
    d->wording = wording;
}
