/* audio/webvtt: captions for testimony audio. Good files, broken ones (file:line), huge
 * ones, tags, and bytes that are not UTF-8. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audio/webvtt.h"
#include "core/limits.h"
#include "core/strutil.h"
#include "core/utf8.h"

static int parse(orl_vtt *v, const char *s, orl_diags *d)
{
    return orl_vtt_parse(v, s, strlen(s), "captions/ana.vtt", d);
}

static int has_diag(const orl_diags *d, orl_severity sev, int line, const char *text)
{
    for (size_t i = 0; i < d->n; i++) {
        const orl_diag *g = &d->items[i];
        if (g->sev == sev && (line < 0 || g->line == line) && (!text || strstr(g->msg, text)) && g->file &&
            strcmp(g->file, "captions/ana.vtt") == 0)
            return 1;
    }
    return 0;
}

static void dump(const orl_diags *d)
{
    orl_diags_print(d, stderr);
}

static void test_valid(void **state)
{
    (void)state;
    static const char f[] =
        "WEBVTT - Ana, el puente\n"
        "Kind: captions\n"
        "Language: es\n"
        "\n"
        "NOTE recorded in Quito\n"
        "with Ana's consent\n"
        "\n"
        "STYLE\n"
        "::cue { color: yellow }\n"
        "\n"
        "1\n"
        "00:00.000 --> 00:02.500\n"
        "Crucé el puente\n"
        "\n"
        "intro-2\n"
        "00:02.500 --> 00:05.000 position:10%,line-left align:left size:35%\n"
        "con mi hija dormida\n"
        "en los brazos.\n"
        "\n"
        "01:00:00.000 --> 01:00:01.250\n"
        "Una hora después.\n"
        "\n\n\n"
        "100:00:00.000-->100:00:00.001\n"
        "Cien horas\n";
    orl_vtt v;
    orl_diags d = {0};
    int rc = parse(&v, f, &d);
    if (rc != 0 || d.n) dump(&d);
    assert_int_equal(rc, 0);
    assert_int_equal(d.n, 0);
    assert_int_equal(v.n, 4);
    assert_string_equal(v.cues[0].id, "1");
    assert_true(v.cues[0].start == 0.0 && v.cues[0].end == 2.5);
    assert_string_equal(v.cues[0].text, "Crucé el puente");
    assert_int_equal(v.cues[0].line, 12);
    assert_string_equal(v.cues[1].id, "intro-2");
    assert_string_equal(v.cues[1].text, "con mi hija dormida\nen los brazos.");
    assert_null(v.cues[2].id);
    assert_true(v.cues[2].start == 3600.0 && v.cues[2].end == 3601.25);
    assert_true(v.cues[3].start == 360000.0);
    assert_int_equal(v.cues[3].line, 25);

    /* the caption at a time */
    char buf[256];
    assert_int_equal(orl_vtt_cue_at(&v, -1.0), -1);
    assert_int_equal(orl_vtt_cue_at(&v, 0.0), 0);
    assert_int_equal(orl_vtt_cue_at(&v, 2.499), 0);
    assert_int_equal(orl_vtt_cue_at(&v, 2.5), 1); /* end is exclusive */
    assert_int_equal(orl_vtt_cue_at(&v, 5.0), -1);
    assert_int_equal(orl_vtt_cue_at(&v, 3600.5), 2);
    assert_int_equal(orl_vtt_text_at(&v, 3.0, buf, sizeof buf), 1);
    assert_string_equal(buf, "con mi hija dormida\nen los brazos.");
    assert_int_equal(orl_vtt_text_at(&v, 10.0, buf, sizeof buf), 0);
    assert_string_equal(buf, "");
    /* cut at a character when the buffer is small: "Cruc" then not half an é */
    assert_int_equal(orl_vtt_text_at(&v, 1.0, buf, 6), 1);
    assert_string_equal(buf, "Cruc");
    assert_int_equal(orl_vtt_text_at(&v, 1.0, buf, 7), 1);
    assert_string_equal(buf, "Crucé");
    orl_vtt_free(&v);
    orl_diags_free(&d);
}

static void test_line_ends_bom_and_overlap(void **state)
{
    (void)state;
    /* BOM, CRLF and lone CR, overlapping cues, cues out of order, header timing line */
    static const char f[] =
        "\xEF\xBB\xBFWEBVTT\r\n"
        "00:05.000 --> 00:09.000\r\n"
        "second\r\n"
        "\r\n"
        "00:01.000 --> 00:06.000\r"
        "first\r"
        "\r"
        "00:01.000 --> 00:02.000\n"
        "also first\n";
    orl_vtt v;
    orl_diags d = {0};
    assert_int_equal(parse(&v, f, &d), 0);
    assert_int_equal(v.n, 3);
    assert_true(has_diag(&d, ORL_WARNING, 5, "order"));
    assert_int_equal(d.errors, 0);
    /* sorted by start, stable */
    assert_string_equal(v.cues[0].text, "first");
    assert_string_equal(v.cues[1].text, "also first");
    assert_string_equal(v.cues[2].text, "second");
    char buf[128];
    assert_int_equal(orl_vtt_text_at(&v, 1.5, buf, sizeof buf), 2);
    assert_string_equal(buf, "first\nalso first");
    assert_int_equal(orl_vtt_text_at(&v, 5.5, buf, sizeof buf), 2);
    assert_string_equal(buf, "first\nsecond");
    orl_vtt_free(&v);
    orl_diags_free(&d);
}

static void test_tags(void **state)
{
    (void)state;
    static const char f[] =
        "WEBVTT\n\n"
        "00:00.000 --> 00:01.000\n"
        "<v Ana>Crucé <i>el</i> <b>puente</b></v>\n\n"
        "00:01.000 --> 00:02.000\n"
        "<v.loud Luis Pérez>¡Corre!</v> <c.yellow>ya</c> <u>u</u> <lang en>now</lang>\n\n"
        "00:02.000 --> 00:03.000\n"
        "<ruby>漢<rt>kan</rt></ruby> <00:02.500>tarde &amp; noche &lt;3 &gt; &nbsp;x &lrm;&rlm; &bogus; &\n\n"
        "00:03.000 --> 00:04.000\n"
        "a <i tag that never closes\n";
    orl_vtt v;
    orl_diags d = {0};
    assert_int_equal(parse(&v, f, &d), 0);
    assert_int_equal(v.n, 4);
    assert_string_equal(v.cues[0].text, "Crucé el puente");
    assert_string_equal(v.cues[0].voice, "Ana");
    assert_string_equal(v.cues[1].text, "¡Corre! ya u now");
    assert_string_equal(v.cues[1].voice, "Luis Pérez");
    assert_string_equal(v.cues[2].text, "漢kan tarde & noche <3 > \xC2\xA0x \xE2\x80\x8E\xE2\x80\x8F &bogus; &");
    assert_null(v.cues[2].voice);
    assert_string_equal(v.cues[3].text, "a ");
    orl_vtt_free(&v);
    orl_diags_free(&d);
}

static void test_times(void **state)
{
    (void)state;
    double s = -1;
    assert_int_equal(orl_vtt_parse_time("00:01.000", 9, &s), 9);
    assert_true(s == 1.0);
    assert_int_equal(orl_vtt_parse_time("59:59.999", 9, &s), 9);
    assert_true(s > 3599.998 && s < 3600.0);
    assert_int_equal(orl_vtt_parse_time("1:02:03.004", 11, &s), 11);
    assert_true(s > 3723.0039 && s < 3723.0041);
    assert_int_equal(orl_vtt_parse_time("00:00:00.000 -->", 16, &s), 12);
    static const char *const bad[] = {"1:00.000", "60:00.000", "00:60.000", "00:00:60.000", "00:60:00.000",
                                      "00:01.00", "00:01.0000", "00:01,000", "00:01", "0001.000", ":01.000",
                                      "00:1.000", "-00:01.000", "99999:00:00.000", "1234567890123:00:00.000",
                                      "", NULL};
    for (int i = 0; bad[i]; i++)
        if (orl_vtt_parse_time(bad[i], strlen(bad[i]), &s) != 0) fail_msg("\"%s\" read as a time", bad[i]);
}

static void test_malformed(void **state)
{
    (void)state;
    orl_vtt v;
    orl_diags d = {0};
    /* not WebVTT at all (an .srt file) */
    assert_int_equal(parse(&v, "1\n00:00:01,000 --> 00:00:02,000\nhola\n", &d), -1);
    assert_true(has_diag(&d, ORL_ERROR, 1, "starts with the line WEBVTT"));
    assert_int_equal(v.n, 0);
    orl_vtt_free(&v);
    orl_diags_free(&d);
    assert_int_equal(parse(&v, "WEBVTTX\n", &d), -1);
    orl_vtt_free(&v);
    orl_diags_free(&d);
    assert_int_equal(parse(&v, "", &d), -1);
    orl_vtt_free(&v);
    orl_diags_free(&d);
    /* a header only: good, and empty */
    assert_int_equal(parse(&v, "WEBVTT", &d), 0);
    assert_int_equal(v.n, 0);
    orl_vtt_free(&v);

    static const char f[] =
        "WEBVTT\n"                         /* 1 */
        "\n"                               /* 2 */
        "00:01.000 -> 00:02.000\n"         /* 3 arrow typo: a block that is not a cue */
        "uno\n"                            /* 4 */
        "\n"                               /* 5 */
        "00:01,000 --> 00:02.000\n"        /* 6 comma */
        "dos\n"                            /* 7 */
        "\n"                               /* 8 */
        "00:03.000 --> 00:02.000\n"        /* 9 end before start */
        "tres\n"                           /* 10 */
        "\n"                               /* 11 */
        "00:04.000 --> 00:05.000\n"        /* 12 good */
        "cuatro\n"                         /* 13 */
        "00:05.000 --> 00:06.000\n"        /* 14 no blank line: warning, still a cue */
        "cinco\n"                          /* 15 */
        "\n"                               /* 16 */
        "stray line\n"                     /* 17 alone */
        "\n"                               /* 18 */
        "00:07.000 --> 00:08.000x\n"       /* 19 junk after end */
        "siete\n"                          /* 20 */
        "\n"                               /* 21 */
        "00:08.000 --> \n"                 /* 22 no end */
        "ocho\n"                           /* 23 */
        "\n"                               /* 24 */
        "00:09.000 --> 00:10.000\n";       /* 25 good, empty text */
    int rc = parse(&v, f, &d);
    assert_int_equal(rc, -1);
    assert_true(has_diag(&d, ORL_ERROR, 3, "not a cue"));
    assert_true(has_diag(&d, ORL_ERROR, 6, "start time is not a time"));
    assert_true(has_diag(&d, ORL_ERROR, 9, "not after the start"));
    assert_true(has_diag(&d, ORL_WARNING, 14, "blank line"));
    assert_true(has_diag(&d, ORL_ERROR, 17, "not part of a cue"));
    assert_true(has_diag(&d, ORL_ERROR, 19, "after the end time"));
    assert_true(has_diag(&d, ORL_ERROR, 22, "end time is not a time"));
    assert_int_equal(d.errors, 6);
    /* the good cues are still there */
    assert_int_equal(v.n, 3);
    assert_string_equal(v.cues[0].text, "cuatro");
    assert_string_equal(v.cues[1].text, "cinco");
    assert_string_equal(v.cues[2].text, "");
    orl_vtt_free(&v);
    orl_diags_free(&d);
    /* no diags list: still safe */
    assert_int_equal(parse(&v, f, NULL), -1);
    orl_vtt_free(&v);
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    static const char f[] =
        "WEBVTT\n\n"
        "00:00.000 --> 00:01.000\n"
        "caf\xe9 \xff\xfe ok\n"      /* Latin-1 é and junk, line 4 */
        "\n"
        "00:01.000 --> 00:02.000\n"
        "a\xc3\n";                  /* cut sequence at the end */
    orl_vtt v;
    orl_diags d = {0};
    assert_int_equal(orl_vtt_parse(&v, f, sizeof f - 1, "captions/ana.vtt", &d), 0);
    assert_true(has_diag(&d, ORL_WARNING, 4, "UTF-8"));
    assert_int_equal(v.n, 2);
    assert_string_equal(v.cues[0].text, "caf\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD ok");
    assert_string_equal(v.cues[1].text, "a\xEF\xBF\xBD");
    for (int i = 0; i < v.n; i++)
        assert_true(orl_utf8_invalid_at(v.cues[i].text, strlen(v.cues[i].text)) == (size_t)-1);
    orl_vtt_free(&v);
    orl_diags_free(&d);
    /* NUL bytes inside: replaced too, nothing after them lost */
    static const char g[] = "WEBVTT\n\n00:00.000 --> 00:01.000\nx\0y\n";
    assert_int_equal(orl_vtt_parse(&v, g, sizeof g - 1, "captions/ana.vtt", &d), 0);
    assert_int_equal(v.n, 1);
    assert_string_equal(v.cues[0].text, "x\xEF\xBF\xBDy");
    orl_vtt_free(&v);
    orl_diags_free(&d);
}

static void test_huge(void **state)
{
    (void)state;
    orl_vtt v;
    orl_diags d = {0};
    /* past the file limit: refused before reading */
    size_t big = ORL_MAX_CAPTIONS_BYTES + 1;
    char *data = malloc(big);
    assert_non_null(data);
    memset(data, 'a', big);
    memcpy(data, "WEBVTT\n", 7);
    assert_int_equal(orl_vtt_parse(&v, data, big, "captions/ana.vtt", &d), -1);
    assert_true(has_diag(&d, ORL_ERROR, 0, "at most"));
    assert_int_equal(v.n, 0);
    orl_vtt_free(&v);
    orl_diags_free(&d);
    free(data);

    /* more cues than the limit: the rest ignored, one error */
    orl_buf b = {0};
    orl_buf_puts(&b, "WEBVTT\n\n");
    for (int i = 0; i < ORL_MAX_VTT_CUES + 50; i++)
        orl_buf_printf(&b, "%02d:%02d.%03d --> %02d:%02d.%03d\nc\n\n", (i / 60000) % 60, (i / 1000) % 60, i % 1000,
                       ((i + 1) / 60000) % 60, ((i + 1) / 1000) % 60, (i + 1) % 1000);
    assert_true(b.len < ORL_MAX_CAPTIONS_BYTES);
    assert_int_equal(orl_vtt_parse(&v, b.data, b.len, "captions/ana.vtt", &d), -1);
    assert_int_equal(v.n, ORL_MAX_VTT_CUES);
    assert_int_equal(d.errors, 1);
    assert_true(has_diag(&d, ORL_ERROR, -1, "more than"));
    orl_vtt_free(&v);
    orl_diags_free(&d);
    orl_buf_free(&b);

    /* one cue with a huge text: cut at a character, with a warning */
    orl_buf_puts(&b, "WEBVTT\n\n00:00.000 --> 00:01.000\n");
    for (int i = 0; i < 20000; i++) orl_buf_puts(&b, "é");
    orl_buf_puts(&b, "\n");
    for (int i = 0; i < 10000; i++) orl_buf_puts(&b, "more lines\n");
    assert_int_equal(orl_vtt_parse(&v, b.data, b.len, "captions/ana.vtt", &d), 0);
    assert_int_equal(v.n, 1);
    assert_true(strlen(v.cues[0].text) <= ORL_MAX_VTT_CUE_BYTES);
    assert_true(orl_utf8_invalid_at(v.cues[0].text, strlen(v.cues[0].text)) == (size_t)-1);
    assert_true(has_diag(&d, ORL_WARNING, 3, "too long"));
    orl_vtt_free(&v);
    orl_diags_free(&d);
    orl_buf_free(&b);

    /* a million blank lines and a million lines of garbage: bounded time, no crash */
    char *junk = malloc(ORL_MAX_CAPTIONS_BYTES);
    assert_non_null(junk);
    memcpy(junk, "WEBVTT\n\n", 8);
    for (size_t i = 8; i < ORL_MAX_CAPTIONS_BYTES; i++) junk[i] = (i % 3) ? '\n' : 'x';
    assert_int_equal(orl_vtt_parse(&v, junk, ORL_MAX_CAPTIONS_BYTES, "captions/ana.vtt", &d), -1);
    assert_int_equal(v.n, 0);
    assert_int_equal(d.n, ORL_MAX_VTT_PROBLEMS + 1); /* then it stops, saying so */
    assert_true(has_diag(&d, ORL_ERROR, -1, "problems: the rest"));
    orl_vtt_free(&v);
    orl_diags_free(&d);
    free(junk);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid),
        cmocka_unit_test(test_line_ends_bom_and_overlap),
        cmocka_unit_test(test_tags),
        cmocka_unit_test(test_times),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_huge),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
