/* core/utf8: validation, decoding and repair of UTF-8 text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"

#define VALID ((size_t)-1)
#define S(lit) lit, sizeof lit - 1

static void test_valid(void **state)
{
    (void)state;
    assert_int_equal(orl_utf8_invalid_at(S("")), VALID);
    assert_int_equal(orl_utf8_invalid_at(S("plain ASCII ~\x7f")), VALID);
    assert_int_equal(orl_utf8_invalid_at(S("Cúcuta, ñandú")), VALID);         /* 2 bytes */
    assert_int_equal(orl_utf8_invalid_at(S("€ — ‘quotes’")), VALID);          /* 3 bytes */
    assert_int_equal(orl_utf8_invalid_at(S("\xF0\x9F\x8C\x89 bridge")), VALID); /* 4 bytes */
    assert_int_equal(orl_utf8_invalid_at(S("مرحبا")), VALID);
    assert_int_equal(orl_utf8_invalid_at(S("\xEF\xBF\xBD")), VALID);          /* a real U+FFFD */
    assert_int_equal(orl_utf8_invalid_at(S("\xF4\x8F\xBF\xBF")), VALID);      /* U+10FFFF */
    assert_int_equal(orl_utf8_invalid_at(S("\xED\x9F\xBF")), VALID);          /* U+D7FF */
    assert_int_equal(orl_utf8_invalid_at(S("\xEE\x80\x80")), VALID);          /* U+E000 */
    assert_int_equal(orl_utf8_invalid_at(S("a\0b")), VALID);                  /* NUL is ASCII */
}

static void test_invalid(void **state)
{
    (void)state;
    struct { const char *s; size_t len; size_t at; } cases[] = {
        {S("\x80"), 0},                         /* lone continuation byte */
        {S("ab\xBF"), 2},
        {S("\xC0\x80"), 0},                     /* overlong NUL */
        {S("\xC1\xBF"), 0},                     /* overlong 2-byte */
        {S("x\xE0\x80\x80"), 1},                /* overlong 3-byte */
        {S("\xE0\x9F\xBF"), 0},                 /* overlong U+07FF */
        {S("\xF0\x80\x80\x80"), 0},             /* overlong 4-byte */
        {S("\xF0\x8F\xBF\xBF"), 0},             /* overlong U+FFFF */
        {S("ok \xED\xA0\x80"), 3},              /* surrogate U+D800 */
        {S("\xED\xBF\xBF"), 0},                 /* surrogate U+DFFF */
        {S("\xF4\x90\x80\x80"), 0},             /* U+110000 */
        {S("\xF5\x80\x80\x80"), 0},
        {S("\xF8\x88\x80\x80\x80"), 0},         /* old 5-byte form */
        {S("\xFE"), 0},
        {S("\xFF"), 0},
        {S("end \xE2\x82"), 4},                 /* truncated at the end */
        {S("\xE2\x28\xA1"), 0},                 /* bad continuation */
        {S("\xC3"), 0},
        {S("\xF0\x9F\x8C"), 0},
        {S("Cúcuta \xE9 Quito"), 8},            /* Latin-1 é inside UTF-8 text */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t got = orl_utf8_invalid_at(cases[i].s, cases[i].len);
        if (got != cases[i].at) fail_msg("case %zu: invalid_at %zu, expected %zu", i, got, cases[i].at);
    }
}

static void test_decode(void **state)
{
    (void)state;
    size_t n;
    assert_int_equal(orl_utf8_decode(S("A"), &n), 'A');
    assert_int_equal(n, 1);
    assert_int_equal(orl_utf8_decode(S("ñ"), &n), 0xF1);
    assert_int_equal(n, 2);
    assert_int_equal(orl_utf8_decode(S("€"), &n), 0x20AC);
    assert_int_equal(n, 3);
    assert_int_equal(orl_utf8_decode(S("\xF0\x9F\x8C\x89"), &n), 0x1F309);
    assert_int_equal(n, 4);
    assert_int_equal(orl_utf8_decode(S("\xEF\xBF\xBD"), &n), 0xFFFD);
    assert_int_equal(n, 3);
    /* invalid: U+FFFD, one byte consumed */
    assert_int_equal(orl_utf8_decode(S("\xC0\x80"), &n), 0xFFFD);
    assert_int_equal(n, 1);
    assert_int_equal(orl_utf8_decode(S("\xED\xA0\x80"), &n), 0xFFFD);
    assert_int_equal(n, 1);
    assert_int_equal(orl_utf8_decode("\xE2\x82\xAC", 2, &n), 0xFFFD); /* length says truncated */
    assert_int_equal(n, 1);
    assert_int_equal(orl_utf8_decode("", 0, &n), 0xFFFD);
    assert_int_equal(n, 1);
}

static void test_sanitize(void **state)
{
    (void)state;
    char *s = orl_utf8_sanitize(S(""));
    assert_string_equal(s, "");
    free(s);
    s = orl_utf8_sanitize(S("Cúcuta €"));
    assert_string_equal(s, "Cúcuta €");
    free(s);
    s = orl_utf8_sanitize(S("a\xC0\x80z"));
    assert_string_equal(s, "a\xEF\xBF\xBD\xEF\xBF\xBDz");
    free(s);
    s = orl_utf8_sanitize(S("\xED\xA0\x80!"));
    assert_string_equal(s, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD!");
    free(s);
    s = orl_utf8_sanitize(S("end\xE2\x82"));
    assert_string_equal(s, "end\xEF\xBF\xBD\xEF\xBF\xBD");
    free(s);
    s = orl_utf8_sanitize(S("caf\xE9"));
    assert_string_equal(s, "caf\xEF\xBF\xBD");
    free(s);
    /* the output is always valid */
    char all[256];
    for (int i = 0; i < 256; i++) all[i] = (char)(255 - i);
    s = orl_utf8_sanitize(all, sizeof all);
    assert_non_null(s);
    assert_int_equal(orl_utf8_invalid_at(s, strlen(s) + 1), VALID); /* includes the NUL byte */
    free(s);
}

static void test_length(void **state)
{
    (void)state;
    assert_int_equal(orl_utf8_length(S("")), 0);
    assert_int_equal(orl_utf8_length(S("abc")), 3);
    assert_int_equal(orl_utf8_length(S("ñandú")), 5);
    assert_int_equal(orl_utf8_length(S("\xF0\x9F\x8C\x89!")), 2);
    assert_int_equal(orl_utf8_length(S("a\xC0\x80z")), 4); /* invalid bytes count one each */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid),
        cmocka_unit_test(test_invalid),
        cmocka_unit_test(test_decode),
        cmocka_unit_test(test_sanitize),
        cmocka_unit_test(test_length),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
