/* story/explain and core/lang: the source fixes keep every byte and line, the syntax
 * explanations name the mistake at the line to mend whatever the file holds (fuzz-like
 * inputs never crash or read past the text), runtime words, the language table. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lang.h"
#include "story/explain.h"
#include "story/messages.h"

static void test_fix_bom_and_curly(void **state)
{
    (void)state;
    char src[] = "\xEF\xBB\xBFtext = \xE2\x80\x9CHola\xE2\x80\x9D,\n"
                 "t2 = \"dijo \xE2\x80\x9Cno\xE2\x80\x9D\",\n"  /* inside a straight text: stays */
                 "t3 = \xE2\x80\x9C" "a\"b\xE2\x80\x9D,\n";       /* not clear: stays */
    size_t n = strlen(src);
    orl_source_fixes fx;
    orl_explain_fix_source(src, n, &fx);
    assert_int_equal(strlen(src), n);   /* same bytes */
    assert_true(fx.bom);
    assert_int_equal(fx.curly, 1);
    assert_int_equal(fx.curly_line, 1);
    assert_non_null(strstr(src, "text =   \"Hola\"  ,\n"));
    assert_non_null(strstr(src, "\"dijo \xE2\x80\x9Cno\xE2\x80\x9D\""));
    assert_non_null(strstr(src, "t3 = \xE2\x80\x9C" "a\"b"));
    int lines = 0;
    for (size_t i = 0; i < n; i++) lines += src[i] == '\n';
    assert_int_equal(lines, 3);
}

/* the first error a syntax message makes: its line and code */
static int explain(const char *text, int line, const char *msg, const char **code, char *first, size_t fn)
{
    orl_diags d = {0};
    orl_explain_syntax(&d, "story.lua", text, strlen(text), line, msg);
    int got = -1;
    for (size_t i = 0; i < d.n; i++)
        if (d.items[i].sev == ORL_ERROR) {
            got = d.items[i].line;
            *code = d.items[i].code; /* static strings below: compared before free */
            snprintf(first, fn, "%s|%s", d.items[i].code, d.items[i].msg);
            break;
        }
    orl_diags_free(&d);
    return got;
}

static void test_syntax_lines(void **state)
{
    (void)state;
    const char *code;
    char m[2000];
    const char *comma = "scene \"a\" {\n  text = \"x\"\n  choices = {},\n}\n";
    assert_int_equal(explain(comma, 3, "'}' expected (to close '{' at line 1) near 'choices'", &code, m, sizeof m), 2);
    assert_non_null(strstr(m, "missing-comma|"));
    /* the choices' '}' is missing: the scene's closes them, and Lua stops at the next scene */
    const char *open = "scene \"a\" {\n  text = \"x\",\n  choices = {\n    { text = \"y\", go = \"b\" },\n}\n\n"
                       "scene \"b\" {\n  ending = true,\n}\n";
    assert_int_equal(explain(open, 7, "'}' expected (to close '{' at line 1) near 'scene'", &code, m, sizeof m), 4);
    assert_non_null(strstr(m, "missing-close|'choices = {' (line 3)"));
    const char *eof = "scene \"a\" {\n  text = \"x\",\n  ending = true,\n";
    assert_int_equal(explain(eof, 3, "unexpected symbol near <eof>", &code, m, sizeof m), 3);
    assert_non_null(strstr(m, "at the end of the file"));
    assert_int_equal(explain("x = {\n  when = function(s) return s.d = 2 end,\n}\n", 2, "'end' expected near '='", &code,
                             m, sizeof m), 2);
    assert_non_null(strstr(m, "compare-with-equals|"));
    assert_int_equal(explain("f = function(s)\n  s.d == 0\nend\n", 2, "syntax error near '=='", &code, m, sizeof m), 2);
    assert_non_null(strstr(m, "set-with-equals|"));
    assert_int_equal(explain("t = \"uno\ndos\",\n", 1, "unfinished string near '\"uno'", &code, m, sizeof m), 1);
    assert_non_null(strstr(m, "text-over-lines|"));
    assert_int_equal(explain("f = function(s) s.bendici\xC3\xB3n = 1 end\n", 1, "syntax error near '<\\195>'", &code, m,
                             sizeof m), 1);
    assert_non_null(strstr(m, "write s.bendicion"));
    /* nothing to go on: Lua's words, with a hint, at Lua's line */
    assert_int_equal(explain("", 7, "'=' expected near 'x'", &code, m, sizeof m), 7);
    assert_non_null(strstr(m, "a field needs a name and '='"));
}

/* whatever the source and message, no crash, no read past the text (ASan), an error made */
static void test_syntax_garbage(void **state)
{
    (void)state;
    static const char *const msgs[] = {"'}' expected (to close '{' at line 1) near 'scene'", "unexpected symbol near <eof>",
                                       "unfinished string near '\"'", "syntax error near '=='", "'end' expected near '='",
                                       "unexpected symbol near '<\\226>'", "unexpected symbol near '}'",
                                       "unfinished long string near '<eof>'", "near", "", NULL};
    const char *srcs[] = {"", "{", "}}}}", "\"", "[[", "--[[", "scene \"", "{\n{\n{\n", "\xE2\x80", "\xE2\x80\x9C",
                          "a = \xC3", "scene \"a\" {\n  x = {\n", "function(s) if s then", "[==[ ]=]", "\\", NULL};
    uint64_t seed = 42;
    char buf[64];
    for (int r = 0; r < 400; r++) {
        size_t n = (size_t)(r % 60);
        for (size_t i = 0; i < n; i++) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            static const char alphabet[] = "{}()[]=\"'\n -,a\\\xE2\x80\x9C\xC3";
            buf[i] = alphabet[(seed >> 33) % (sizeof alphabet - 1)];
        }
        char *heap = malloc(n ? n : 1); /* exactly n bytes: ASan sees a read past them */
        memcpy(heap, buf, n);
        for (int m = 0; msgs[m]; m++) {
            orl_diags d = {0};
            orl_explain_syntax(&d, "story.lua", heap, n, 1 + r % 3, msgs[m]);
            assert_true(d.errors >= 1);
            orl_diags_free(&d);
        }
        free(heap);
    }
    for (int s = 0; srcs[s]; s++)
        for (int m = 0; msgs[m]; m++) {
            size_t n = strlen(srcs[s]);
            char *heap = malloc(n ? n : 1);
            memcpy(heap, srcs[s], n);
            orl_diags d = {0};
            orl_explain_syntax(&d, "story.lua", heap, n, 1, msgs[m]);
            assert_true(d.errors >= 1);
            orl_diags_free(&d);
            orl_source_fixes fx;
            orl_explain_fix_source(heap, n, &fx);
            free(heap);
        }
}

static void test_runtime_words(void **state)
{
    (void)state;
    char out[1200];
    orl_diags es = {0};
    es.wording = orl_messages_wording("es");
    const char *r = orl_explain_runtime(&es, "attempt to perform arithmetic on a nil value (field 'dias')", out, sizeof out);
    assert_non_null(strstr(r, "s.dias todavía no tiene valor"));
    assert_non_null(strstr(r, "(Lua: attempt to perform arithmetic on a nil value (field 'dias'))"));
    r = orl_explain_runtime(NULL, "attempt to compare nil with number", out, sizeof out);
    assert_non_null(strstr(r, "has no value yet (nil)"));
    const char *same = "something else entirely";
    assert_ptr_equal(orl_explain_runtime(NULL, same, out, sizeof out), same);
    assert_string_equal(orl_explain_dsl_word("escena"), "scene");
    assert_string_equal(orl_explain_field_word("opciones"), "choices");
    assert_true(orl_explain_means_true("ture"));
    assert_false(orl_explain_means_true("casa"));
}

static void test_lang_table(void **state)
{
    (void)state;
    static const char *const codes[] = {"en", "es", "fr", "ar"};
    assert_int_equal(orl_lang_match("es-VE", codes, 4), 1);   /* primary subtag */
    assert_int_equal(orl_lang_match("es_VE.UTF-8", codes, 4), 1);
    assert_int_equal(orl_lang_match("AR", codes, 4), 3);
    assert_int_equal(orl_lang_match("de", codes, 4), -1);
    assert_int_equal(orl_lang_match(NULL, codes, 4), -1);
    static const char *const both[] = {"es", "es-VE"};
    assert_int_equal(orl_lang_match("es-VE", both, 2), 1);    /* the whole tag first */
    assert_int_equal(orl_lang_match("es-CO", both, 2), 0);
    assert_string_equal(orl_lang_name("es-VE"), "Español");
    assert_string_equal(orl_lang_name("xx-YY"), "xx-YY");
    assert_true(orl_lang_rtl("ar-EG"));
    assert_true(orl_lang_rtl("fa"));
    assert_false(orl_lang_rtl("es"));
    assert_false(orl_lang_rtl(NULL));
    assert_true(orl_lang_same("es", "ES-ve"));
    assert_false(orl_lang_same("es", "eu"));
    assert_false(orl_lang_same("", ""));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fix_bom_and_curly), cmocka_unit_test(test_syntax_lines),
        cmocka_unit_test(test_syntax_garbage),    cmocka_unit_test(test_runtime_words),
        cmocka_unit_test(test_lang_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
