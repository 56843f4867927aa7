/* core/term: the one sanitiser for everything Orilla prints (docs/architecture.md). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/term.h"

#define S(lit) lit, sizeof lit - 1

static void expect_clean(const char *in, size_t n, int flags, const char *want)
{
    char *got = orl_clean_dup(in, n, flags);
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

static void test_keeps_text(void **state)
{
    (void)state;
    expect_clean(S("plain ASCII, Cúcuta, ñandú, € — مرحبا \xF0\x9F\x8C\x89"), 0,
                 "plain ASCII, Cúcuta, ñandú, € — مرحبا \xF0\x9F\x8C\x89");
    expect_clean(S("two\nlines\tand a tab"), 0, "two\nlines\tand a tab");
    expect_clean(S("a \\x1b written by hand"), 0, "a \\x1b written by hand");
    /* marks cannot reorder a line: kept */
    expect_clean(S("a\xE2\x80\x8F b\xE2\x80\x8E c\xD8\x9C"), 0, "a\xE2\x80\x8F b\xE2\x80\x8E c\xD8\x9C");
    assert_true(orl_clean_is_clean(S("Cúcuta\n")));
}

static void test_controls_visible(void **state)
{
    (void)state;
    expect_clean(S("\x1b[31mred\x1b[0m"), 0, "\\x1b[31mred\\x1b[0m");
    expect_clean(S("a\rb\x07\x08\x7f"), 0, "a\\rb\\x07\\x08\\x7f");
    /* CR LF is a line end (CSV writes it); a CR alone could overwrite the line */
    expect_clean(S("a,b\r\nc\r"), 0, "a,b\r\nc\\r");
    expect_clean(S("a\r\n"), ORL_CLEAN_ONE_LINE, "a\\r\\n");
    expect_clean(S("nul\0here"), 0, "nul\\x00here");
    expect_clean(S("one\nline"), ORL_CLEAN_ONE_LINE, "one\\nline");
    /* C1 controls (CSI is U+009B) and bidi embeddings, overrides and isolates */
    expect_clean(S("\xC2\x9B" "2J \xC2\x85"), 0, "\\u{9b}2J \\u{85}");
    expect_clean(S("\xE2\x80\xAE" "abc\xE2\x80\xAC \xE2\x81\xA6x\xE2\x81\xA9"), 0,
                 "\\u{202e}abc\\u{202c} \\u{2066}x\\u{2069}");
    assert_false(orl_clean_is_clean(S("\x1b")));
    assert_false(orl_clean_is_clean(S("\xE2\x80\xAE")));
}

static void test_invalid_utf8_visible(void **state)
{
    (void)state;
    expect_clean(S("\xff\xfe"), 0, "\\xff\\xfe");
    expect_clean(S("\xC0\x80"), 0, "\\xc0\\x80");         /* overlong */
    expect_clean(S("\xED\xA0\x80"), 0, "\\xed\\xa0\\x80"); /* a surrogate */
    expect_clean(S("cut \xE2\x82"), 0, "cut \\xe2\\x82");  /* cut at the end */
    expect_clean(S("\xE2\x82x"), 0, "\\xe2\\x82x");
    assert_false(orl_clean_is_clean(S("\xff")));
}

typedef struct sink { char b[256]; size_t n; } sink;
static void to_sink(const char *p, size_t n, void *ud)
{
    sink *s = ud;
    assert_true(s->n + n < sizeof s->b);
    memcpy(s->b + s->n, p, n);
    s->n += n;
    s->b[s->n] = 0;
}

/* A stream writes in pieces: a character cut between two writes is still one character. */
static void test_pieces(void **state)
{
    (void)state;
    const char *in = "é€\xF0\x9F\x8C\x89\xC2\x9B\x1b!\xff";
    const char *want = "é€\xF0\x9F\x8C\x89\\u{9b}\\x1b!\\xff";
    size_t n = strlen(in);
    for (size_t cut1 = 0; cut1 <= n; cut1++) {
        for (size_t cut2 = cut1; cut2 <= n; cut2++) {
            sink s = {{0}, 0};
            orl_clean_state st = {0};
            orl_clean_feed(&st, in, cut1, to_sink, &s);
            orl_clean_feed(&st, in + cut1, cut2 - cut1, to_sink, &s);
            orl_clean_feed(&st, in + cut2, n - cut2, to_sink, &s);
            orl_clean_finish(&st, to_sink, &s);
            assert_string_equal(s.b, want);
        }
    }
    /* a CR cut from its LF, and one that is not */
    sink c = {{0}, 0};
    orl_clean_state cs = {0};
    orl_clean_feed(&cs, "x\r", 2, to_sink, &c);
    orl_clean_feed(&cs, "\ny\r", 3, to_sink, &c);
    orl_clean_feed(&cs, "z", 1, to_sink, &c);
    orl_clean_feed(&cs, "\r", 1, to_sink, &c);
    orl_clean_finish(&cs, to_sink, &c);
    assert_string_equal(c.b, "x\r\ny\\rz\\r");
    /* a cut sequence then a byte that cannot continue it */
    sink s = {{0}, 0};
    orl_clean_state st = {0};
    orl_clean_feed(&st, "\xE2\x82", 2, to_sink, &s);
    orl_clean_feed(&st, "A\xE2", 2, to_sink, &s);
    orl_clean_feed(&st, "\x82\xAC", 2, to_sink, &s);
    orl_clean_finish(&st, to_sink, &s);
    assert_string_equal(s.b, "\\xe2\\x82A€");
}

static void test_into_cuts_whole(void **state)
{
    (void)state;
    char out[16];
    orl_clean_into(out, sizeof out, "ñññññññññññññññ", 0);
    assert_true(strlen(out) < sizeof out);
    assert_non_null(strstr(out, "..."));
    assert_true(orl_clean_is_clean(out, strlen(out)));
    orl_clean_into(out, sizeof out, "\x1b\x1b\x1b\x1b\x1b\x1b", 0);
    assert_true(strlen(out) < sizeof out);
    assert_null(strchr(out, 0x1b));
    orl_clean_into(out, sizeof out, "short", 0);
    assert_string_equal(out, "short");
}

/* The cleaning streams: what a command prints reaches the file descriptor cleaned. */
static void test_streams(void **state)
{
    (void)state;
    FILE *cap = tmpfile();
    assert_non_null(cap);
    fflush(stdout);
    FILE *keep = stdout;
    int saved = dup(1);
    assert_true(saved >= 0);
    assert_int_equal(dup2(fileno(cap), 1), 1);
    assert_int_equal(orl_term_install(), 0);
    assert_true(stdout != keep);
    printf("a\x1b[2Jb \xE2\x80");
    printf("\xAE \xff\n");
    fflush(stdout);
    fputs("raw\r", orl_term_raw(stdout));
    fflush(orl_term_raw(stdout));
    assert_int_equal(orl_term_fileno(stdout), 1);
    char buf[128] = {0};
    rewind(cap);
    size_t got = fread(buf, 1, sizeof buf - 1, cap);
    buf[got] = 0;
    assert_string_equal(buf, "a\\x1b[2Jb \\u{202e} \\xff\nraw\r");
    dup2(saved, 1);
    close(saved);
    fclose(cap);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keeps_text),
        cmocka_unit_test(test_controls_visible),
        cmocka_unit_test(test_invalid_utf8_visible),
        cmocka_unit_test(test_pieces),
        cmocka_unit_test(test_into_cuts_whole),
        cmocka_unit_test(test_streams),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
