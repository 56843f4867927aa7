/* core/diag: collecting, sorting and printing diagnostics. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/limits.h"

/* Prints through fn into a string (caller frees). */
static char *capture(const orl_diags *d, void (*fn)(const orl_diags *, FILE *))
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    fn(d, f);
    fclose(f);
    return buf;
}

static void test_add_counts_and_fields(void **state)
{
    (void)state;
    orl_diags d = {0};
    orl_diag_add(&d, ORL_ERROR, "story.lua", 12, 3, "unknown-go", "no scene '%s'", "ana-2");
    orl_diag_add(&d, ORL_WARNING, "story.lua", 4, 0, NULL, "unused scene");
    orl_diag_add(&d, ORL_NOTE, NULL, 0, 0, "x", "a note");
    assert_int_equal(d.n, 3);
    assert_int_equal(d.errors, 1);
    assert_int_equal(d.warnings, 1);
    assert_int_equal(d.oom, 0);
    assert_int_equal(d.items[0].sev, ORL_ERROR);
    assert_string_equal(d.items[0].file, "story.lua");
    assert_int_equal(d.items[0].line, 12);
    assert_int_equal(d.items[0].col, 3);
    assert_string_equal(d.items[0].code, "unknown-go");
    assert_string_equal(d.items[0].msg, "no scene 'ana-2'");
    assert_string_equal(d.items[1].code, ""); /* NULL code becomes "" */
    assert_null(d.items[2].file);
    orl_diags_free(&d);
    assert_int_equal(d.n, 0);
    assert_int_equal(d.errors, 0);
    assert_null(d.items);
    orl_diags_free(&d); /* twice is harmless */
}

static void test_severity_names(void **state)
{
    (void)state;
    assert_string_equal(orl_severity_name(ORL_ERROR), "error");
    assert_string_equal(orl_severity_name(ORL_WARNING), "warning");
    assert_string_equal(orl_severity_name(ORL_NOTE), "note");
}

static void test_print_format(void **state)
{
    (void)state;
    orl_diags d = {0};
    orl_diag_add(&d, ORL_ERROR, "story.lua", 7, 0, "c", "scene 'x' has no choices; add choices or ending = true");
    orl_diag_add(&d, ORL_WARNING, "ana.lua", 3, 9, "c", "w");
    orl_diag_add(&d, ORL_ERROR, "story.lua", 0, 0, "c", "file-wide");
    orl_diag_add(&d, ORL_ERROR, NULL, 5, 5, "c", "no file");
    char *out = capture(&d, orl_diags_print);
    assert_string_equal(out,
                        "story.lua:7: error: scene 'x' has no choices; add choices or ending = true\n"
                        "ana.lua:3:9: warning: w\n"
                        "story.lua: error: file-wide\n"
                        "error: no file\n");
    free(out);
    orl_diags_free(&d);
}

static void test_print_empty(void **state)
{
    (void)state;
    orl_diags d = {0};
    char *out = capture(&d, orl_diags_print);
    assert_string_equal(out, "");
    free(out);
    out = capture(&d, orl_diags_print_json);
    assert_string_equal(out, "[]\n");
    free(out);
}

static void test_long_message(void **state)
{
    (void)state;
    orl_diags d = {0};
    char big[20001];
    memset(big, 'm', sizeof big - 1);
    big[sizeof big - 1] = 0;
    orl_diag_add(&d, ORL_ERROR, "f.lua", 1, 0, "c", "%s", big);
    assert_int_equal(strlen(d.items[0].msg), 20000);
    orl_diags_free(&d);
}

static void test_sort_by_file_line_col(void **state)
{
    (void)state;
    orl_diags d = {0};
    orl_diag_add(&d, ORL_ERROR, "story.lua", 30, 0, "", "s30");
    orl_diag_add(&d, ORL_ERROR, "ana.lua", 9, 0, "", "a9");
    orl_diag_add(&d, ORL_ERROR, "story.lua", 4, 7, "", "s4c7");
    orl_diag_add(&d, ORL_ERROR, "story.lua", 4, 2, "", "s4c2");
    orl_diag_add(&d, ORL_ERROR, NULL, 0, 0, "", "nofile");
    orl_diag_add(&d, ORL_ERROR, "ana.lua", 1, 0, "", "a1");
    orl_diags_sort(&d);
    const char *want[] = {"nofile", "a1", "a9", "s4c2", "s4c7", "s30"};
    for (size_t i = 0; i < 6; i++) assert_string_equal(d.items[i].msg, want[i]);
    assert_int_equal(d.errors, 6);
    orl_diags_free(&d);
}

/* Ties keep insertion order, however many there are (reproducible output). */
/* A story made in a loop can ask for millions of messages of one kind (issue #21): the first
 * ORL_MAX_DIAGS_PER_CODE are kept, the rest counted, and printing says how many. */
static void test_repeated_messages_capped(void **state)
{
    (void)state;
    orl_diags d = {0};
    for (int i = 0; i < 250; i++) orl_diag_add(&d, ORL_ERROR, "story.lua", i + 1, 0, "unknown-go", "choice %d", i);
    orl_diag_add(&d, ORL_WARNING, "story.lua", 1, 0, "other", "one of another kind");
    assert_int_equal(d.n, ORL_MAX_DIAGS_PER_CODE + 1);
    assert_int_equal(d.errors, 250);
    assert_int_equal(d.warnings, 1);
    assert_false(orl_diag_would_keep(&d, "unknown-go"));
    assert_true(orl_diag_would_keep(&d, "other"));
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    orl_diags_print(&d, f);
    fclose(f);
    assert_non_null(strstr(buf, "error: and 150 more like the ones above (unknown-go)"));
    free(buf);
    f = open_memstream(&buf, &len);
    orl_diags_print_json(&d, f);
    fclose(f);
    assert_non_null(strstr(buf, "\"more\":150"));
    free(buf);
    orl_diags_free(&d);
}

static void test_sort_is_stable(void **state)
{
    (void)state;
    orl_diags d = {0};
    enum { N = 3001 };
    for (int i = 0; i < N; i++) {
        /* three interleaved files, lines in a few buckets, many exact ties */
        const char *file = i % 3 == 0 ? "c.lua" : i % 3 == 1 ? "a.lua" : "b.lua";
        char code[16]; /* one code each: past ORL_MAX_DIAGS_PER_CODE of one code, they are counted only */
        snprintf(code, sizeof code, "c%d", i);
        orl_diag_add(&d, ORL_ERROR, file, (i * 7) % 5, 0, code, "%d", i);
    }
    orl_diags_sort(&d);
    assert_int_equal(d.n, N);
    for (size_t i = 1; i < d.n; i++) {
        const orl_diag *a = &d.items[i - 1], *b = &d.items[i];
        int c = strcmp(a->file, b->file);
        assert_true(c <= 0);
        if (c == 0) {
            assert_true(a->line <= b->line);
            if (a->line == b->line) assert_true(atoi(a->msg) < atoi(b->msg));
        }
    }
    orl_diags_free(&d);

    /* sorting a sorted list, and a one-item list, changes nothing */
    orl_diag_add(&d, ORL_ERROR, "a", 1, 0, "", "only");
    orl_diags_sort(&d);
    assert_string_equal(d.items[0].msg, "only");
    orl_diags_free(&d);
    orl_diags_sort(&d); /* empty */
}

static void test_json(void **state)
{
    (void)state;
    orl_diags d = {0};
    orl_diag_add(&d, ORL_ERROR, "st\"ory.lua", 3, 4, "bad-type", "text must be \"text\"\\ not\n42\t\x01");
    orl_diag_add(&d, ORL_WARNING, NULL, 0, 0, "w", "ñandú");
    char *out = capture(&d, orl_diags_print_json);
    /* a control character is shown as the terminal shows it (\x01, core/term.h), inside a
     * valid JSON string */
    assert_string_equal(out,
                        "[\n"
                        " {\"severity\":\"error\",\"file\":\"st\\\"ory.lua\",\"line\":3,\"column\":4,"
                        "\"code\":\"bad-type\",\"message\":\"text must be \\\"text\\\"\\\\ not\\n42\\t\\\\x01\"},\n"
                        " {\"severity\":\"warning\",\"file\":null,\"line\":0,\"column\":0,"
                        "\"code\":\"w\",\"message\":\"ñandú\"}\n"
                        "]\n");
    free(out);
    orl_diags_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_add_counts_and_fields),
        cmocka_unit_test(test_severity_names),
        cmocka_unit_test(test_print_format),
        cmocka_unit_test(test_print_empty),
        cmocka_unit_test(test_long_message),
        cmocka_unit_test(test_sort_by_file_line_col),
        cmocka_unit_test(test_sort_is_stable),
        cmocka_unit_test(test_repeated_messages_capped),
        cmocka_unit_test(test_json),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
