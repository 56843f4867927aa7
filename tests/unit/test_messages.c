/* story/messages: Orilla's messages in Spanish. Every translated format must take the same
 * printf arguments as its English one (a mismatch would print garbage or crash), every English
 * format in the table must still be written somewhere in the engine (else the translation is
 * dead and the English changed), and a diags list with a wording speaks Spanish. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/commands.h"
#include "app/common.h"
#include "core/diag.h"
#include "core/strutil.h"
#include "story/messages.h"
#include "story/story.h"

/* The conversions of a printf format, normalised: length modifier + conversion, and '*' for
 * each star (it takes an argument too). "%%" takes none. Flags, width and precision digits do
 * not change what is taken. */
static void conversions(const char *f, char *out, size_t n)
{
    size_t k = 0;
    out[0] = 0;
    for (; *f; f++) {
        if (*f != '%') continue;
        f++;
        if (*f == '%') continue;
        while (*f && strchr("-+ #0", *f)) f++;
        if (*f == '*') { if (k + 2 < n) { out[k++] = '*'; } f++; }
        while (*f >= '0' && *f <= '9') f++;
        if (*f == '.') {
            f++;
            if (*f == '*') { if (k + 2 < n) { out[k++] = '*'; } f++; }
            while (*f >= '0' && *f <= '9') f++;
        }
        while (*f && strchr("hlLqjzt", *f)) { if (k + 2 < n) out[k++] = *f; f++; }
        if (!*f) { if (k + 2 < n) out[k++] = '!'; break; }
        if (k + 3 < n) { out[k++] = *f; out[k++] = ','; }
    }
    out[k] = 0;
}

static void test_conversions_helper(void **state)
{
    (void)state;
    char a[64], b[64];
    conversions("%s: %d error%s %lld %zu %.300s %.0s %5.2f %% %u%%", a, sizeof a);
    assert_string_equal(a, "s,d,s,lld,zu,s,s,f,u,");
    conversions("%*d and %.*s", b, sizeof b);
    assert_string_equal(b, "*d,*s,");
}

static void test_spanish_formats_match_english(void **state)
{
    (void)state;
    size_t n;
    const orl_message *t = orl_messages_table("es", &n);
    assert_non_null(t);
    assert_true(n > 150);
    int bad = 0;
    for (size_t i = 0; i < n; i++) {
        char a[256], b[256];
        conversions(t[i].en, a, sizeof a);
        conversions(t[i].tr, b, sizeof b);
        if (strcmp(a, b) != 0) {
            fprintf(stderr, "code %s: English [%s] takes %s but Spanish [%s] takes %s\n", t[i].code, t[i].en, a, t[i].tr, b);
            bad++;
        }
        assert_true(strlen(t[i].tr) > 0);
    }
    assert_int_equal(bad, 0);
}

static void test_no_duplicate_entries(void **state)
{
    (void)state;
    size_t n;
    const orl_message *t = orl_messages_table("es", &n);
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            if (strcmp(t[i].code, t[j].code) == 0 && strcmp(t[i].en, t[j].en) == 0) {
                fprintf(stderr, "twice: %s [%s]\n", t[i].code, t[i].en);
                fail();
            }
}

/* ---- the English formats must still be in the sources ---- */

typedef struct lits { char **s; size_t n, cap; } lits;

static void lits_add(lits *l, const char *s, size_t n)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 1024;
        l->s = realloc(l->s, l->cap * sizeof *l->s);
        assert_non_null(l->s);
    }
    l->s[l->n++] = orl_strndup(s, n);
}

/* Every run of adjacent C string literals in a source file, joined and unescaped: the same
 * text the compiler makes of "a" "b". */
static void scan_source(lits *l, const char *text)
{
    const char *p = text;
    orl_buf cur = {0};
    int in_run = 0;
    while (*p) {
        if (p[0] == '/' && p[1] == '/') { while (*p && *p != '\n') p++; continue; }
        if (p[0] == '/' && p[1] == '*') {
            const char *e = strstr(p + 2, "*/");
            p = e ? e + 2 : p + strlen(p);
            continue;
        }
        if (*p == '\'') {
            p++;
            while (*p && *p != '\'') { if (*p == '\\' && p[1]) p++; p++; }
            if (*p) p++;
            if (in_run) { lits_add(l, cur.data ? cur.data : "", cur.len); cur.len = 0; in_run = 0; }
            continue;
        }
        if (*p == '"') {
            in_run = 1;
            p++;
            while (*p && *p != '"') {
                if (*p == '\\' && p[1]) {
                    p++;
                    char c = *p++;
                    char v = c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c == '0' ? 0 : c;
                    orl_buf_put(&cur, &v, 1);
                    continue;
                }
                orl_buf_put(&cur, p++, 1);
            }
            if (*p) p++;
            continue;
        }
        if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') { p++; continue; }
        if (in_run) { lits_add(l, cur.data ? cur.data : "", cur.len); cur.len = 0; in_run = 0; }
        p++;
    }
    if (in_run) lits_add(l, cur.data ? cur.data : "", cur.len);
    orl_buf_free(&cur);
}

static void scan_dir(lits *l, const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat sb;
        if (stat(path, &sb) != 0) continue;
        if (S_ISDIR(sb.st_mode)) { scan_dir(l, path); continue; }
        size_t nl = strlen(e->d_name);
        if (nl < 3 || strcmp(e->d_name + nl - 2, ".c") != 0) continue;
        FILE *f = fopen(path, "rb");
        assert_non_null(f);
        char *text = malloc((size_t)sb.st_size + 1);
        size_t got = fread(text, 1, (size_t)sb.st_size, f);
        text[got] = 0;
        fclose(f);
        scan_source(l, text);
        free(text);
    }
    closedir(d);
}

static void test_english_formats_still_in_sources(void **state)
{
    (void)state;
    lits l = {0};
    scan_dir(&l, ORL_SOURCE_DIR "/engine");
    assert_true(l.n > 1000);
    size_t n;
    const orl_message *t = orl_messages_table("es", &n);
    int stale = 0;
    for (size_t i = 0; i < n; i++) {
        int found = 0;
        for (size_t k = 0; k < l.n && !found; k++) found = strcmp(l.s[k], t[i].en) == 0;
        if (!found) {
            fprintf(stderr, "engine/story/messages_es.inc: the English of [%s] \"%s\" is no longer in the sources: "
                            "update the entry to the new English (and its Spanish), or delete it\n", t[i].code, t[i].en);
            stale++;
        }
    }
    for (size_t k = 0; k < l.n; k++) free(l.s[k]);
    free(l.s);
    assert_int_equal(stale, 0);
}

/* ---- a diags list with Spanish wording ---- */

static void test_wording_in_diags(void **state)
{
    (void)state;
    orl_diags d = {0};
    d.wording = orl_messages_wording("es");
    assert_non_null(d.wording);
    orl_diag_add(&d, ORL_ERROR, "story.lua", 3, 0, "unknown-go",
                 "scene \"%s\", choice %d: go = \"%s\", but there is no scene with that name; did you mean \"%s\"?",
                 "a", 2, "fni", "fin");
    orl_diag_add(&d, ORL_WARNING, "story.lua", 4, 0, "not-a-code", "stays %s", "English");
    assert_int_equal(d.n, 2);
    assert_string_equal(d.items[0].msg, "escena \"a\", opción 2: go = \"fni\", pero no hay ninguna escena con ese "
                                        "nombre; ¿quisiste decir \"fin\"?");
    assert_string_equal(d.items[1].msg, "stays English");
    assert_string_equal(orl_diag_words(&d, "@severity", "warning"), "aviso");
    /* the same format under another code is not translated by accident */
    assert_string_equal(orl_diag_words(&d, "other-code", "error"), "error");
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    orl_diags_print(&d, f);
    fclose(f);
    assert_non_null(strstr(buf, "story.lua:4: aviso: stays English"));
    free(buf);
    orl_diags_free(&d);
}

static void test_languages(void **state)
{
    (void)state;
    assert_null(orl_messages_wording("en"));
    assert_null(orl_messages_wording(NULL));
    assert_null(orl_messages_wording("fr"));
    assert_non_null(orl_messages_wording("es"));
    assert_non_null(orl_messages_wording("es-MX"));
    assert_non_null(orl_messages_wording("es_AR.UTF-8"));
    assert_null(orl_messages_wording("esx"));
    assert_true(orl_messages_has_lang("en"));
    assert_true(orl_messages_has_lang("es"));
    assert_false(orl_messages_has_lang("de"));
}

/* A story with mistakes checked in Spanish: the messages made while loading (two-step ones
 * included: what is wrong with a field) come out in Spanish. */
static void test_story_check_in_spanish(void **state)
{
    (void)state;
    char dir[] = "/tmp/orl-msg-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/story.lua", dir);
    FILE *f = fopen(path, "w");
    fputs("story { id = \"x\", title = \"X\", start = \"a\" }\n"
          "scene \"a\" {\n  txt = \"hola\",\n  ending = 1,\n  choices = { { text = \"ir\", go = \"bb\" } },\n}\n"
          "scene \"b\" { text = \"b\" }\n", f);
    fclose(f);
    orl_diags d = {0};
    d.wording = orl_messages_wording("es");
    orl_story *st = orl_story_load(dir, NULL, &d);
    assert_non_null(st);
    orl_story_check(st, NULL, &d);
    int unknown_field = 0, wrong_type = 0, unknown_go = 0, dead_end = 0;
    for (size_t i = 0; i < d.n; i++) {
        const char *m = d.items[i].msg, *c = d.items[i].code;
        if (!strcmp(c, "unknown-field")) unknown_field = strstr(m, "escena \"a\": no existe el campo 'txt'; ¿quisiste decir 'text'?") != NULL;
        if (!strcmp(c, "wrong-type")) wrong_type = strstr(m, "pero es un número") != NULL;
        if (!strcmp(c, "unknown-go")) unknown_go = strstr(m, "¿quisiste decir \"b\"?") != NULL;
        if (!strcmp(c, "dead-end")) dead_end = strstr(m, "escena \"b\" no tiene opciones") != NULL;
    }
    if (!(unknown_field && wrong_type && unknown_go && dead_end)) orl_diags_print(&d, stderr);
    assert_true(unknown_field);
    assert_true(wrong_type);
    assert_true(unknown_go);
    assert_true(dead_end);
    orl_diags_free(&d);
    orl_story_free(st);
    remove(path);
    rmdir(dir);
}

/* The commands' own lines (app/common.h): ORILLA_LANG, or a command's --lang, picks the
 * language; a count picks "one" or "many", in English and in Spanish. */
static void test_app_words(void **state)
{
    (void)state;
    unsetenv("ORILLA_LANG");
    orl_app_set_lang(NULL);
    assert_string_equal(orl_app_words("@walk", "scenes reached: %d of %d\n"), "scenes reached: %d of %d\n");
    assert_string_equal(orl_app_words_n("@count", 1, "%d ending", "%d endings"), "%d ending");
    assert_string_equal(orl_app_words_n("@count", 0, "%d ending", "%d endings"), "%d endings");
    assert_null(orl_app_wording());

    setenv("ORILLA_LANG", "es", 1);
    assert_non_null(orl_app_wording());
    assert_string_equal(orl_app_words("@walk", "scenes reached: %d of %d\n"), "escenas alcanzadas: %d de %d\n");
    assert_string_equal(orl_app_words_n("@count", 1, "%d ending", "%d endings"), "%d final");
    assert_string_equal(orl_app_words_n("@count", 3, "%d ending", "%d endings"), "%d finales");
    /* a line nobody translated stays English; the code keeps words of one place apart */
    assert_string_equal(orl_app_words("@walk", "not in the table %d"), "not in the table %d");
    assert_string_equal(orl_app_words("@check", "scenes reached: %d of %d\n"), "scenes reached: %d of %d\n");
    /* --lang en wins over ORILLA_LANG=es, and back */
    orl_app_set_lang("en");
    assert_string_equal(orl_app_words_n("@count", 3, "%d ending", "%d endings"), "%d endings");
    orl_app_set_lang(NULL);
    unsetenv("ORILLA_LANG");
    orl_app_set_lang("es");
    assert_string_equal(orl_app_words_n("@count", 1, "%d testimony", "%d testimonies"), "%d testimonio");
    orl_app_set_lang(NULL);
}

/* Every count has both forms in the table: a "one" without its "many" (or the reverse) would
 * leave half of the numbers in English. */
static void test_counts_have_both_forms(void **state)
{
    (void)state;
    size_t n;
    const orl_message *t = orl_messages_table("es", &n);
    int lonely = 0;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(t[i].code, "@count") != 0) continue;
        size_t l = strlen(t[i].en);
        int found = 0;
        for (size_t j = 0; j < n && !found; j++) {
            if (j == i || strcmp(t[j].code, "@count") != 0) continue;
            size_t m = strlen(t[j].en);
            /* "%d scene" and "%d scenes", "%d testimony" and "%d testimonies" */
            found = (m > l && strncmp(t[j].en, t[i].en, l) == 0) || (l > m && strncmp(t[i].en, t[j].en, m) == 0) ||
                    (l > 1 && m > 1 && strncmp(t[i].en, t[j].en, l - 1) == 0 && strcmp(t[j].en + l - 1, "ies") == 0) ||
                    (l > 1 && m > 1 && strncmp(t[j].en, t[i].en, m - 1) == 0 && strcmp(t[i].en + m - 1, "ies") == 0);
        }
        if (!found) {
            fprintf(stderr, "@count \"%s\" has no other form in the table\n", t[i].en);
            lonely++;
        }
    }
    assert_int_equal(lonely, 0);
}

/* The options (--word) written in a help page, each once, separated by blanks: "--all --seed". */
static void help_options(const char *page, char *out, size_t n)
{
    size_t k = 0;
    out[0] = 0;
    for (const char *p = page; (p = strstr(p, "--")) != NULL;) {
        int starts = p == page || !(p[-1] == '-' || (p[-1] >= 'a' && p[-1] <= 'z') || (p[-1] >= 'A' && p[-1] <= 'Z') ||
                                    (p[-1] >= '0' && p[-1] <= '9'));
        const char *e = p + 2;
        while ((*e >= 'a' && *e <= 'z') || (*e >= '0' && *e <= '9') || (*e == '-' && e[1] >= 'a' && e[1] <= 'z')) e++;
        if (starts && p[2] >= 'a' && p[2] <= 'z' && (*e < 'A' || *e > 'Z')) {
            char w[64];
            size_t l = (size_t)(e - p) < sizeof w - 2 ? (size_t)(e - p) : sizeof w - 2;
            w[0] = ' ';
            memcpy(w + 1, p, l);
            w[l + 1] = ' ';
            w[l + 2] = 0;
            char padded[4096];
            snprintf(padded, sizeof padded, " %s", out);
            if (!strstr(padded, w) && k + l + 2 < n) {
                memcpy(out + k, w + 1, l + 1);
                k += l + 1;
                out[k] = 0;
            }
        }
        p = e > p + 2 ? e : p + 2;
    }
}

static void test_help_options_helper(void **state)
{
    (void)state;
    char a[256];
    help_options("usage: orilla walk PATH [--all | --random N] [--seed N]\n--all again, ---x, a--b, --max-steps, --lang=es, --X", a, sizeof a);
    assert_string_equal(a, "--all --random --seed --max-steps --lang ");
}

/* Every command of the table has a Spanish help page (`orilla help COMMAND --lang es`) and a
 * Spanish summary, the page starts as a usage line, and it names every option the English page
 * names (and no option the English page does not): a new option in commands.c without its
 * Spanish line fails here. */
static void test_every_command_has_spanish_help(void **state)
{
    (void)state;
    size_t n;
    const orl_message *t = orl_messages_table("es", &n);
    int bad = 0;
    for (const orl_command *c = orl_commands; c->name; c++) {
        const char *page = NULL, *summary = NULL;
        for (size_t i = 0; i < n; i++) {
            if (strcmp(t[i].en, c->name) != 0) continue;
            if (strcmp(t[i].code, "@help") == 0) page = t[i].tr;
            if (strcmp(t[i].code, "@summary") == 0) summary = t[i].tr;
        }
        if (!summary) {
            fprintf(stderr, "orilla %s: no Spanish summary (\"@summary\", \"%s\" in story/messages_es.inc)\n", c->name, c->name);
            bad++;
        }
        if (!page) {
            fprintf(stderr, "orilla %s: no Spanish help page (\"@help\", \"%s\" in story/messages_es.inc)\n", c->name, c->name);
            bad++;
            continue;
        }
        char start[64];
        snprintf(start, sizeof start, "uso: orilla %s", c->name);
        if (strncmp(page, start, strlen(start)) != 0) {
            fprintf(stderr, "orilla %s: the Spanish help page does not start with \"%s\"\n", c->name, start);
            bad++;
        }
        char en[2048], es[2048], w[80];
        help_options(c->usage, en, sizeof en);
        help_options(page, es, sizeof es);
        char pen[2100], pes[2100];
        snprintf(pen, sizeof pen, " %s", en);
        snprintf(pes, sizeof pes, " %s", es);
        for (const char *p = en; *p;) {
            size_t l = strcspn(p, " ");
            snprintf(w, sizeof w, " %.*s ", (int)l, p);
            if (!strstr(pes, w)) {
                fprintf(stderr, "orilla %s: the Spanish help page does not mention %.*s (the English one does)\n", c->name,
                        (int)l, p);
                bad++;
            }
            p += l + (p[l] == ' ');
        }
        for (const char *p = es; *p;) {
            size_t l = strcspn(p, " ");
            snprintf(w, sizeof w, " %.*s ", (int)l, p);
            if (!strstr(pen, w)) {
                fprintf(stderr, "orilla %s: the Spanish help page mentions %.*s, which the English one does not\n", c->name,
                        (int)l, p);
                bad++;
            }
            p += l + (p[l] == ' ');
        }
    }
    assert_int_equal(bad, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_conversions_helper),
        cmocka_unit_test(test_spanish_formats_match_english),
        cmocka_unit_test(test_no_duplicate_entries),
        cmocka_unit_test(test_english_formats_still_in_sources),
        cmocka_unit_test(test_wording_in_diags),
        cmocka_unit_test(test_languages),
        cmocka_unit_test(test_story_check_in_spanish),
        cmocka_unit_test(test_app_words),
        cmocka_unit_test(test_counts_have_both_forms),
        cmocka_unit_test(test_help_options_helper),
        cmocka_unit_test(test_every_command_has_spanish_help),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
