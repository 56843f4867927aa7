/* engine/render/text: fonts with fallback, wrapping, BiDi runs, drawing and its cache, and a
 * golden image of Spanish and Arabic text drawn headless with the software renderer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "render/text.h"
#include "core/limits.h"
#include "golden.h"

static orl_font_set *fonts;

static const char *const spanish =
    "Salimos de Guayaquil en marzo de 2019 con dos mochilas y una foto de la abuela. "
    "Caminamos once días; el niño contaba los puentes (¡37!) y cantaba. Llegamos a Quito "
    "de noche, con frío, y una señora nos dio pan y café.";
/* "We arrived in Quito in 2024 after a long journey (three months) through Colombia." */
static const char *const arabic =
    "وصلنا إلى كيتو في عام 2024 بعد رحلة طويلة (ثلاثة أشهر) عبر كولومبيا.";
static const char *const mixed = "عام 2024 في Quito"; /* "year 2024 in Quito" */

static int setup(void **state)
{
    (void)state;
    char err[256];
    fonts = orl_font_set_load_dir(NULL, 0, 24, err, sizeof err);
    if (!fonts) fprintf(stderr, "fonts: %s\n", err);
    return fonts ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    orl_font_set_free(fonts);
    fonts = NULL;
    return 0;
}

/* The text of line i, or of run i, as a new string. */
static char *line_text(const orl_text_layout *L, int i)
{
    orl_text_line ln = orl_text_layout_line(L, i);
    char *s = malloc(ln.length + 1);
    memcpy(s, orl_text_layout_text(L) + ln.start, ln.length);
    s[ln.length] = '\0';
    return s;
}

static char *run_text(const orl_text_layout *L, int i)
{
    orl_text_run r = orl_text_layout_run(L, i);
    size_t a = r.start, e = r.start + r.length;
    const char *t = orl_text_layout_text(L);
    while (a < e && t[a] == ' ') a++; /* compare runs without their edge spaces */
    while (e > a && t[e - 1] == ' ') e--;
    char *s = malloc(e - a + 1);
    memcpy(s, t + a, e - a);
    s[e - a] = '\0';
    return s;
}

/* A software renderer drawing into a surface, as headless screenshots do. */
static SDL_Surface *target;
static SDL_Renderer *renderer;

static void open_target(int w, int h)
{
    target = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(target);
    renderer = SDL_CreateSoftwareRenderer(target);
    assert_non_null(renderer);
}

static void close_target(void)
{
    SDL_DestroyRenderer(renderer);
    SDL_FreeSurface(target);
    renderer = NULL;
    target = NULL;
}

static void test_font_set_fallback(void **state)
{
    (void)state;
    assert_int_equal(orl_font_set_count(fonts), 2);
    assert_string_equal(orl_font_set_name(fonts, 0), "NotoSans-Regular.ttf");
    assert_string_equal(orl_font_set_name(fonts, 1), "NotoNaskhArabic-Regular.ttf");
    assert_int_equal(orl_font_set_font_for(fonts, 'Q'), 0);
    assert_int_equal(orl_font_set_font_for(fonts, 0x00F1), 0);  /* ñ */
    assert_int_equal(orl_font_set_font_for(fonts, 0x0639), 1);  /* ع */
    assert_int_equal(orl_font_set_font_for(fonts, 0xFEFB), 1);  /* lam-alef ligature */
    assert_int_equal(orl_font_set_font_for(fonts, 0xFFFD), 0);
    assert_int_equal(orl_font_set_font_for(fonts, 0x4E00), -1); /* no CJK font shipped */

    /* In a layout: Arabic letters in the Arabic font, Latin ones in the Latin font; the
     * parenthesis the Arabic font lacks falls back to the Latin font. */
    orl_text_layout *L = orl_text_layout_create(fonts, "Hola (عام) Quito", NULL);
    assert_non_null(L);
    int saw_arabic = 0, saw_latin = 0;
    for (int i = 0; i < orl_text_layout_run_count(L); i++) {
        orl_text_run r = orl_text_layout_run(L, i);
        char *s = run_text(L, i);
        if (strstr(s, "عام")) { assert_int_equal(r.font, 1); assert_string_equal(r.script, "Arab"); saw_arabic = 1; }
        if (strstr(s, "Hola") || strstr(s, "Quito")) { assert_int_equal(r.font, 0); assert_string_equal(r.script, "Latn"); saw_latin = 1; }
        if (strchr(s, '(') || strchr(s, ')')) assert_int_equal(r.font, 0);
        free(s);
    }
    assert_true(saw_arabic && saw_latin);
    orl_text_layout_free(L);
}

/* Neutrals opening an Arabic phrase (a guillemet, digits) are drawn in the Arabic font, as
 * the letters after them, not in the Latin one; in Latin text they stay Latin. */
static int font_of_byte(orl_text_layout *L, size_t at)
{
    int n = orl_text_layout_run_count(L);
    for (int i = 0; i < n; i++) {
        orl_text_run r = orl_text_layout_run(L, i);
        if (at >= r.start && at < r.start + r.length) return r.font;
    }
    return -1;
}

static void test_neutrals_take_the_following_script(void **state)
{
    (void)state;
    orl_text_desc d = {.size = 24};
    /* "«2024 مرحبا»" at a paragraph's start, and after a Latin word and a space */
    const char *ar = "\xC2\xAB" "2024 \xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7\xC2\xBB";
    orl_text_layout *L = orl_text_layout_create(fonts, ar, &d);
    assert_non_null(L);
    int naskh = orl_font_set_font_for(fonts, 0x0645);
    assert_true(naskh > 0);
    assert_int_equal(font_of_byte(L, 0), naskh); /* « */
    assert_int_equal(font_of_byte(L, 2), naskh); /* 2 */
    orl_text_layout_free(L);
    const char *after_latin = "R4V \xC2\xAB" "2024 \xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7\xC2\xBB";
    L = orl_text_layout_create(fonts, after_latin, &d);
    assert_non_null(L);
    assert_int_equal(font_of_byte(L, 0), 0);      /* R: Latin */
    assert_int_equal(font_of_byte(L, 4), naskh); /* « before Arabic */
    orl_text_layout_free(L);
    L = orl_text_layout_create(fonts, "Quito 2024", &d);
    assert_non_null(L);
    assert_int_equal(font_of_byte(L, 6), 0); /* digits in Latin text stay Latin */
    orl_text_layout_free(L);
}

static void test_font_set_bad_input(void **state)
{
    (void)state;
    char err[256];
    orl_font_set_desc none = {0};
    assert_null(orl_font_set_create(&none, err, sizeof err));
    assert_true(strlen(err) > 0);
    assert_null(orl_font_set_create(NULL, NULL, 0));
    static const char junk[] = "this is not a font file at all, only some words";
    orl_font_set_desc bad = {.fonts = {{junk, sizeof junk, "junk.ttf"}}};
    assert_null(orl_font_set_create(&bad, err, sizeof err));
    assert_non_null(strstr(err, "junk.ttf"));
    assert_null(orl_font_set_load_dir("/nonexistent/fonts", 0, 0, err, sizeof err));
    assert_non_null(strstr(err, "/nonexistent/fonts"));
    orl_font_set_free(NULL);

    /* Bold set, and a set built from memory buffers the caller frees at once. */
    orl_font_set *bold = orl_font_set_load_dir(NULL, 1, 30, err, sizeof err);
    assert_non_null(bold);
    assert_int_equal(orl_font_set_size(bold), 30);
    orl_text_metrics m = orl_text_measure(bold, mixed, NULL);
    assert_int_equal(m.lines, 1);
    orl_font_set_free(bold);
}

static void test_wrap_never_exceeds_max(void **state)
{
    (void)state;
    const char *texts[] = {spanish, arabic, mixed};
    for (size_t t = 0; t < 3; t++) {
        for (int max = 60; max <= 900; max += 37) {
            orl_text_desc d = {.max_width = max};
            orl_text_layout *L = orl_text_layout_create(fonts, texts[t], &d);
            assert_non_null(L);
            orl_text_metrics m = orl_text_layout_metrics(L);
            assert_true(m.lines >= 1);
            assert_true(m.width <= max);
            assert_int_equal(m.box_width, max);
            assert_int_equal(m.height, m.lines * m.line_height);
            size_t shown = 0, letters = 0;
            for (const char *p = texts[t]; *p; p++) letters += *p != ' ';
            for (int i = 0; i < m.lines; i++) {
                orl_text_line ln = orl_text_layout_line(L, i);
                assert_true(ln.width <= max);
                assert_true(ln.x >= 0 && ln.x + ln.width <= max);
                assert_true(ln.length > 0);
                for (size_t k = 0; k < ln.length; k++) shown += orl_text_layout_text(L)[ln.start + k] != ' ';
                /* runs tile the line, left to right */
                int x = 0;
                for (int r = ln.first_run; r < ln.first_run + ln.run_count; r++) {
                    orl_text_run run = orl_text_layout_run(L, r);
                    assert_int_equal(run.x, x);
                    x += run.width;
                }
                assert_int_equal(x, ln.width);
            }
            /* only spaces (where lines break) are left out */
            assert_int_equal(shown, letters);
            orl_text_layout_free(L);
        }
    }
    /* A wide box keeps the Spanish paragraph on few lines, and words whole. */
    orl_text_desc d = {.max_width = 700};
    orl_text_layout *L = orl_text_layout_create(fonts, spanish, &d);
    assert_true(orl_text_layout_line_count(L) >= 2 && orl_text_layout_line_count(L) <= 4);
    char *first = line_text(L, 0);
    assert_memory_equal(first, "Salimos de Guayaquil", 20);
    free(first);
    orl_text_layout_free(L);
}

static void test_newlines_honoured(void **state)
{
    (void)state;
    orl_text_layout *L = orl_text_layout_create(fonts, "uno\ndos\n\ntres\r\ncuatro\rcinco", NULL);
    const char *want[] = {"uno", "dos", "", "tres", "cuatro", "cinco"};
    assert_int_equal(orl_text_layout_line_count(L), 6);
    for (int i = 0; i < 6; i++) {
        char *s = line_text(L, i);
        assert_string_equal(s, want[i]);
        free(s);
    }
    orl_text_metrics m = orl_text_layout_metrics(L);
    assert_int_equal(m.height, 6 * m.line_height);
    for (int i = 1; i < 6; i++)
        assert_int_equal(orl_text_layout_line(L, i).y, i * m.line_height);
    orl_text_layout_free(L);

    /* A trailing newline makes an empty last line; trailing spaces are not part of a line. */
    L = orl_text_layout_create(fonts, "hola   \n", NULL);
    assert_int_equal(orl_text_layout_line_count(L), 2);
    char *s = line_text(L, 0);
    assert_string_equal(s, "hola");
    free(s);
    orl_text_layout_free(L);
}

/* 'a' with 30,000 accents took 8 s to lay out: past ORL_TEXT_MAX_MARKS on one letter they
 * are left out (issue #21, class 4); Arabic with its harakat keeps every one. */
static void test_combining_marks_capped(void **state)
{
    (void)state;
    size_t n = 30000;
    char *t = malloc(1 + 2 * n + 8);
    assert_non_null(t);
    t[0] = 'a';
    for (size_t i = 0; i < n; i++) memcpy(t + 1 + 2 * i, "\xcc\x81", 2); /* U+0301 */
    strcpy(t + 1 + 2 * n, " b");
    orl_text_layout *L = orl_text_layout_create(fonts, t, NULL);
    assert_non_null(L);
    const char *shown = orl_text_layout_text(L);
    assert_int_equal(strlen(shown), 1 + 2 * ORL_TEXT_MAX_MARKS + 2);
    assert_string_equal(shown + 1 + 2 * ORL_TEXT_MAX_MARKS, " b");
    orl_text_layout_free(L);
    free(t);
    const char *harakat = "\xd9\x85\xd9\x8e\xd8\xb1\xd9\x92\xd8\xad\xd9\x8e\xd8\xa8\xd9\x8b\xd8\xa7"; /* مَرْحَبًا */
    L = orl_text_layout_create(fonts, harakat, NULL);
    assert_non_null(L);
    assert_string_equal(orl_text_layout_text(L), harakat);
    orl_text_layout_free(L);
}

static void test_long_word_broken(void **state)
{
    (void)state;
    char word[301];
    for (int i = 0; i < 300; i++) word[i] = (char)('a' + i % 26);
    word[300] = '\0';
    orl_text_desc d = {.max_width = 150};
    orl_text_layout *L = orl_text_layout_create(fonts, word, &d);
    int n = orl_text_layout_line_count(L);
    assert_true(n > 5);
    size_t total = 0;
    for (int i = 0; i < n; i++) {
        orl_text_line ln = orl_text_layout_line(L, i);
        assert_true(ln.width <= 150);
        if (i < n - 1) assert_true(ln.width > 150 / 2); /* filled, not one letter per line */
        total += ln.length;
    }
    assert_int_equal(total, 300);
    orl_text_layout_free(L);

    /* A long word after short ones starts on its own line. */
    char text[400];
    snprintf(text, sizeof text, "un %s", word);
    L = orl_text_layout_create(fonts, text, &d);
    char *s = line_text(L, 0);
    assert_string_equal(s, "un");
    free(s);
    orl_text_layout_free(L);

    /* Combining marks stay with their letter: "e" + U+0301, many times, in a narrow box. */
    char marks[3 * 100 + 1];
    for (int i = 0; i < 100; i++) memcpy(marks + 3 * i, "e\xCC\x81", 3);
    marks[300] = '\0';
    d.max_width = 53;
    L = orl_text_layout_create(fonts, marks, &d);
    for (int i = 0; i < orl_text_layout_line_count(L); i++) {
        orl_text_line ln = orl_text_layout_line(L, i);
        assert_int_equal(ln.length % 3, 0);
        assert_int_equal((unsigned char)orl_text_layout_text(L)[ln.start], 'e');
    }
    orl_text_layout_free(L);

    /* Narrower than one letter: one letter a line, never a hang. */
    d.max_width = 1;
    L = orl_text_layout_create(fonts, "abc", &d);
    assert_int_equal(orl_text_layout_line_count(L), 3);
    orl_text_layout_free(L);
}

/* Web addresses wrap after '/', '.', '-', '?' or '&' once their host has passed (never inside
 * "//", never between two letters), and fill the line they start on; other words with those
 * characters stay whole when they fit. */
static int ends_at_url_point(const char *line)
{
    size_t n = strlen(line);
    return n > 0 && strchr("/.-?&", line[n - 1]) && !(n > 1 && line[n - 1] == '/' && line[n - 2] == '/');
}

static void check_url_lines(const char *src, const char *host_end, int max, int *broke_inside)
{
    const char *url = strstr(src, "https://");
    size_t u0 = (size_t)(url - src), u1 = strlen(src), h1 = (size_t)(strstr(src, host_end) - src) + strlen(host_end);
    orl_text_desc d = {.max_width = max};
    orl_text_layout *L = orl_text_layout_create(fonts, src, &d);
    assert_non_null(L);
    int n = orl_text_layout_line_count(L);
    assert_string_equal(orl_text_layout_text(L), src); /* nothing to clean: offsets are the source's */
    size_t shown = 0;
    for (int i = 0; i < n; i++) {
        orl_text_line ln = orl_text_layout_line(L, i);
        assert_true(ln.width <= max);
        char *t = line_text(L, i);
        size_t end = ln.start + ln.length;
        if (i < n - 1 && end > u0 && end < u1) {
            /* the line ends inside the address: at a break point past the host */
            if (!ends_at_url_point(t)) {
                /* cut between letters only when no break point is in its last two thirds */
                size_t len = strlen(t);
                for (size_t k = len / 3; k + 1 < len; k++)
                    if (strchr("/.-?&", t[k]) && !(t[k] == '/' && t[k + 1] == '/'))
                        fail_msg("width %d: line %d \"%s\" ends between letters", max, i, t);
            }
            if (end < h1) { /* only when the host alone is wider than the line */
                char host[200];
                snprintf(host, sizeof host, "%.*s", (int)(h1 - u0), url);
                assert_true(orl_text_measure(fonts, host, NULL).width > max);
            }
            ++*broke_inside;
        }
        shown += ln.length;
        free(t);
    }
    /* every character is on a line but the spaces where lines break */
    size_t spaces = 0;
    for (int i = 0; i + 1 < n; i++) {
        orl_text_line a = orl_text_layout_line(L, i), b = orl_text_layout_line(L, i + 1);
        spaces += b.start - (a.start + a.length);
    }
    assert_int_equal(shown + spaces, strlen(src));
    orl_text_layout_free(L);
}

static void test_url_wrap_points(void **state)
{
    (void)state;
    const char *src = "Fuente: Gobierno de Colombia, Decreto 216 de 2021 \xC2\xB7 "
                      "https://www.funcionpublica.gov.co/eva/gestornormativo/norma.php?i=159606&tipo=ficha-tecnica";
    /* "Source: Government of Colombia ..." in an Arabic sentence: the address is left to right */
    const char *ar = "\xD8\xA7\xD9\x84\xD9\x85\xD8\xB5\xD8\xAF\xD8\xB1: "
                     "https://www.funcionpublica.gov.co/eva/gestornormativo/norma.php?i=159606";
    int inside = 0, inside_ar = 0;
    for (int max = 240; max <= 1000; max += 19) check_url_lines(src, "gov.co/", max, &inside);
    for (int max = 240; max <= 700; max += 19) check_url_lines(ar, "gov.co/", max, &inside_ar);
    assert_true(inside > 20);
    assert_true(inside_ar > 10);

    /* The address begins on the line of the words before it and goes on after a '/'. */
    const char *first = "Fuente: Gobierno de Colombia, Decreto 216 de 2021 \xC2\xB7 "
                        "https://www.funcionpublica.gov.co/eva/";
    orl_text_desc d = {.max_width = orl_text_measure(fonts, first, NULL).width + 10};
    orl_text_layout *L = orl_text_layout_create(fonts, src, &d);
    char *t = line_text(L, 0);
    assert_string_equal(t, first);
    free(t);
    t = line_text(L, 1);
    assert_memory_equal(t, "gestornormativo/", 16);
    free(t);
    orl_text_layout_free(L);

    /* A word too long for any line, not an address, breaks at a '/' near the end of what fits. */
    char path[400] = "";
    for (int i = 0; i < 30; i++) strcat(path, i % 2 ? "carpeta/" : "documentos/");
    d.max_width = 300;
    L = orl_text_layout_create(fonts, path, &d);
    int n = orl_text_layout_line_count(L);
    assert_true(n > 5);
    for (int i = 0; i < n - 1; i++) {
        t = line_text(L, i);
        assert_int_equal(t[strlen(t) - 1], '/');
        free(t);
    }
    orl_text_layout_free(L);

    /* Hyphens and dots in ordinary words are no break points: "dos-tres" moves whole. */
    orl_text_metrics m = orl_text_measure(fonts, "uno dos-", NULL);
    d.max_width = m.width + 2;
    L = orl_text_layout_create(fonts, "uno dos-tres", &d);
    t = line_text(L, 0);
    assert_string_equal(t, "uno");
    free(t);
    orl_text_layout_free(L);
    m = orl_text_measure(fonts, "ver www.", NULL);
    d.max_width = m.width + 2;
    L = orl_text_layout_create(fonts, "ver www.r4v.info", &d); /* no break inside a host */
    t = line_text(L, 0);
    assert_string_equal(t, "ver");
    free(t);
    orl_text_layout_free(L);
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    const char bad[] = "ab\xff\xfe" "cd\xe2\x82" " \xc0\xaf \xed\xa0\x80 \xf4\x90\x80\x80 ok\x01\x7f";
    orl_text_layout *L = orl_text_layout_create(fonts, bad, NULL);
    assert_non_null(L);
    const char *t = orl_text_layout_text(L);
    assert_non_null(strstr(t, "\xEF\xBF\xBD"));
    assert_memory_equal(t, "ab\xEF\xBF\xBD\xEF\xBF\xBD" "cd", 10);
    assert_null(strchr(t, '\x01')); /* control characters dropped */
    assert_null(strchr(t, '\x7f'));
    assert_int_equal(orl_text_layout_line_count(L), 1);
    /* U+FFFD is drawn with the Latin font, which has it */
    int saw = 0;
    for (int i = 0; i < orl_text_layout_run_count(L); i++) {
        orl_text_run r = orl_text_layout_run(L, i);
        for (size_t k = r.start; k + 3 <= r.start + r.length; k++)
            if (memcmp(t + k, "\xEF\xBF\xBD", 3) == 0) { saw = 1; assert_int_equal(r.font, 0); }
    }
    assert_true(saw);
    SDL_Surface *s = orl_text_layout_render(L, (SDL_Color){0, 0, 0, 255});
    assert_non_null(s);
    SDL_FreeSurface(s);
    orl_text_layout_free(L);

    /* Random bytes (a fixed seed), wrapped or not: never a crash, always valid UTF-8 out. */
    unsigned seed = 12345;
    char buf[257];
    for (int round = 0; round < 300; round++) {
        int len = (int)((seed = seed * 1103515245u + 12345u) >> 16) % 256;
        for (int i = 0; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            buf[i] = (char)((seed >> 16) & 0xFF);
            if (buf[i] == 0) buf[i] = ' ';
        }
        buf[len] = '\0';
        orl_text_desc d = {.max_width = (round % 3) * 90, .dir = (orl_text_dir)(round % 3)};
        L = orl_text_layout_create(fonts, buf, &d);
        assert_non_null(L);
        const char *out = orl_text_layout_text(L);
        assert_true(orl_utf8_invalid_at(out, strlen(out)) == (size_t)-1);
        for (int i = 0; i < orl_text_layout_line_count(L); i++)
            if (d.max_width) assert_true(orl_text_layout_line(L, i).width <= d.max_width);
        if (round % 10 == 0) {
            s = orl_text_layout_render(L, (SDL_Color){255, 255, 255, 255});
            SDL_FreeSurface(s);
        }
        orl_text_layout_free(L);
    }
}

/* Random mixtures of what stories contain (Arabic with marks, digits, Latin, brackets, BiDi
 * controls, joiners, newlines, characters no font has): the layout's promises hold. */
static void test_random_mixtures(void **state)
{
    (void)state;
    static const char *const parts[] = {
        "ع", "ا", "م", "ل", "َ", "ّ", "ٌ", "١", "٢", "2", "0", "a", "Q", "é", "e\xCC\x81", " ", " ",
        "  ", "\n", "(", ")", "[", "«", "»", ".", "،", "%", "-", "\xE2\x80\x8E" /* LRM */,
        "\xE2\x80\x8F" /* RLM */, "\xE2\x80\xAA" /* LRE */, "\xE2\x80\xAE" /* RLO */,
        "\xE2\x80\xAC" /* PDF */, "\xE2\x81\xA6" /* LRI */, "\xE2\x81\xA9" /* PDI */,
        "\xE2\x80\x8D" /* ZWJ */, "\xE2\x80\x8B" /* ZWSP */, "\xC2\xA0" /* NBSP */,
        "\xEF\xBF\xBD", "一", "\xF0\x9F\x98\x80" /* emoji */, "\xff", "\xC2\xAD" /* SHY */,
    };
    const size_t nparts = sizeof parts / sizeof parts[0];
    unsigned seed = 777;
    char buf[1024];
    open_target(400, 200);
    orl_text_cache *c = orl_text_cache_create(renderer, NULL);
    for (int round = 0; round < 400; round++) {
        size_t len = 0;
        seed = seed * 1103515245u + 12345u;
        int count = (int)((seed >> 16) % 80);
        for (int i = 0; i < count; i++) {
            seed = seed * 1103515245u + 12345u;
            const char *p = parts[(seed >> 16) % nparts];
            size_t pl = strlen(p);
            if (len + pl >= sizeof buf) break;
            memcpy(buf + len, p, pl);
            len += pl;
        }
        buf[len] = '\0';
        orl_text_desc d = {.max_width = 60 + (round % 7) * 50, .dir = (orl_text_dir)(round % 3),
                           .align = (orl_text_align)(round % 6), .size = 12 + round % 30};
        orl_text_layout *L = orl_text_layout_create(fonts, buf, &d);
        assert_non_null(L);
        const char *t = orl_text_layout_text(L);
        assert_true(orl_utf8_invalid_at(t, strlen(t)) == (size_t)-1);
        orl_text_metrics m = orl_text_layout_metrics(L);
        assert_true(m.width <= d.max_width);
        assert_int_equal(m.height, m.lines * m.line_height);
        for (int i = 0; i < m.lines; i++) {
            orl_text_line ln = orl_text_layout_line(L, i);
            assert_true(ln.width <= d.max_width && ln.x >= 0);
            int x = 0;
            for (int r = ln.first_run; r < ln.first_run + ln.run_count; r++) {
                orl_text_run run = orl_text_layout_run(L, r);
                assert_true(run.start >= ln.start && run.start + run.length <= ln.start + ln.length);
                assert_true(run.font >= 0 && run.font < orl_font_set_count(fonts));
                assert_int_equal(run.x, x);
                assert_int_equal(strlen(run.script), 4);
                x += run.width;
            }
            assert_int_equal(x, ln.width);
        }
        if (round % 20 == 0) SDL_FreeSurface(orl_text_layout_render(L, (SDL_Color){9, 9, 9, 255}));
        orl_text_layout_free(L);
        if (round % 5 == 0)
            assert_int_equal(orl_text_draw(c, fonts, buf, &d, 0, 0, (SDL_Color){9, 9, 9, 255}, NULL), 0);
    }
    /* texts with nothing visible in them */
    const char *invisible[] = {"\xC2\xAD", "\xE2\x80\x8D", "a\n\xC2\xAD\n\xE2\x81\xA6", "\xE2\x80\x8E"};
    for (int i = 0; i < 4; i++) {
        assert_int_equal(orl_text_draw(c, fonts, invisible[i], NULL, 0, 0, (SDL_Color){9, 9, 9, 255}, NULL), 0);
        orl_text_layout *L = orl_text_layout_create(fonts, invisible[i], NULL);
        SDL_FreeSurface(orl_text_layout_render(L, (SDL_Color){0, 0, 0, 255}));
        orl_text_layout_free(L);
    }
    orl_text_cache_free(c);
    close_target();
}

static void test_empty_text(void **state)
{
    (void)state;
    const char *empties[] = {"", NULL, "\x01\x02"};
    for (int i = 0; i < 3; i++) {
        orl_text_layout *L = orl_text_layout_create(fonts, empties[i], &(orl_text_desc){.max_width = 300});
        assert_non_null(L);
        orl_text_metrics m = orl_text_layout_metrics(L);
        assert_int_equal(m.lines, 0);
        assert_int_equal(m.width, 0);
        assert_int_equal(m.height, 0);
        assert_true(m.line_height > 0);
        assert_string_equal(orl_text_layout_text(L), "");
        assert_null(orl_text_layout_render(L, (SDL_Color){0, 0, 0, 255}));
        orl_text_layout_free(L);
    }
    /* Bad arguments are harmless. */
    assert_null(orl_text_layout_create(NULL, "x", NULL));
    orl_text_layout_free(NULL);
    assert_int_equal(orl_text_layout_line_count(NULL), 0);
    assert_int_equal(orl_text_layout_line(NULL, 0).width, 0);
    orl_text_layout *L = orl_text_layout_create(fonts, "x", NULL);
    assert_int_equal(orl_text_layout_line(L, 5).run_count, 0);
    assert_int_equal(orl_text_layout_run(L, -1).width, 0);
    orl_text_layout_free(L);
    assert_int_equal(orl_text_measure(NULL, "x", NULL).lines, 0);
}

static void test_direction_detected(void **state)
{
    (void)state;
    assert_int_equal(orl_text_measure(fonts, arabic, NULL).rtl, 1);
    assert_int_equal(orl_text_measure(fonts, spanish, NULL).rtl, 0);
    assert_int_equal(orl_text_measure(fonts, mixed, NULL).rtl, 1);
    /* the first strong character decides, digits and punctuation are not strong */
    assert_int_equal(orl_text_measure(fonts, "2024 - عام Quito", NULL).rtl, 1);
    assert_int_equal(orl_text_measure(fonts, "2024 - Quito عام", NULL).rtl, 0);
    assert_int_equal(orl_text_measure(fonts, "2024", NULL).rtl, 0);
    /* a later paragraph follows the first one */
    assert_int_equal(orl_text_measure(fonts, "عام\nQuito es grande", NULL).rtl, 1);
    /* forced */
    assert_int_equal(orl_text_measure(fonts, arabic, &(orl_text_desc){.dir = ORL_TEXT_DIR_LTR}).rtl, 0);
    assert_int_equal(orl_text_measure(fonts, spanish, &(orl_text_desc){.dir = ORL_TEXT_DIR_RTL}).rtl, 1);
}

static void test_visual_order_function(void **state)
{
    (void)state;
    int v[8];
    /* RTL paragraph "عام 2024 في Quito": runs R, EN, R, L at levels 1 2 1 2 */
    orl_text_visual_order((const int[]){1, 2, 1, 2}, 4, v);
    assert_int_equal(v[0], 3);
    assert_int_equal(v[1], 2);
    assert_int_equal(v[2], 1);
    assert_int_equal(v[3], 0);
    /* LTR paragraph with an Arabic phrase made of two runs: 0 1 1 0 */
    orl_text_visual_order((const int[]){0, 1, 1, 0}, 4, v);
    assert_int_equal(v[0], 0);
    assert_int_equal(v[1], 2);
    assert_int_equal(v[2], 1);
    assert_int_equal(v[3], 3);
    /* Number inside Arabic inside an LTR line: 0 1 2 1 0 */
    orl_text_visual_order((const int[]){0, 1, 2, 1, 0}, 5, v);
    int want[] = {0, 3, 2, 1, 4};
    for (int i = 0; i < 5; i++) assert_int_equal(v[i], want[i]);
    /* all LTR: unchanged; a lone level-2 run: unchanged */
    orl_text_visual_order((const int[]){0, 0, 0}, 3, v);
    assert_int_equal(v[0] * 100 + v[1] * 10 + v[2], 12);
    orl_text_visual_order((const int[]){2}, 1, v);
    assert_int_equal(v[0], 0);
    orl_text_visual_order(NULL, 3, v); /* ignored */
}

static void test_mixed_runs_in_visual_order(void **state)
{
    (void)state;
    orl_text_layout *L = orl_text_layout_create(fonts, mixed, NULL);
    assert_int_equal(orl_text_layout_line_count(L), 1);
    orl_text_line ln = orl_text_layout_line(L, 0);
    /* Left to right on screen: Quito | في | 2024 | عام  (read right to left: عام 2024 في Quito) */
    const char *want[] = {"Quito", "في", "2024", "عام"};
    const int rtl[] = {0, 1, 0, 1};
    assert_int_equal(ln.run_count, 4);
    int x = -1;
    for (int i = 0; i < 4; i++) {
        orl_text_run r = orl_text_layout_run(L, ln.first_run + i);
        char *s = run_text(L, ln.first_run + i);
        assert_string_equal(s, want[i]);
        assert_int_equal(r.level & 1, rtl[i]); /* "2024" is shaped left to right */
        assert_true(r.x > x);
        x = r.x;
        free(s);
    }
    orl_text_layout_free(L);

    /* Forced LTR: the Arabic words swap places but the number stays between them in order,
     * "Quito" last. */
    L = orl_text_layout_create(fonts, mixed, &(orl_text_desc){.dir = ORL_TEXT_DIR_LTR});
    ln = orl_text_layout_line(L, 0);
    char *last = run_text(L, ln.first_run + ln.run_count - 1);
    assert_string_equal(last, "Quito");
    free(last);
    orl_text_layout_free(L);

    /* Spanish sentence with an Arabic name in it: LTR, Arabic run shaped RTL in the middle. */
    L = orl_text_layout_create(fonts, "Mi amiga se llama مريم y vive en Quito", NULL);
    ln = orl_text_layout_line(L, 0);
    int found = 0;
    for (int i = 0; i < ln.run_count; i++) {
        orl_text_run r = orl_text_layout_run(L, ln.first_run + i);
        char *s = run_text(L, ln.first_run + i);
        if (strcmp(s, "مريم") == 0) { found = 1; assert_int_equal(r.level, 1); assert_int_equal(r.font, 1); }
        free(s);
    }
    assert_true(found);
    orl_text_layout_free(L);
}

static void test_alignment(void **state)
{
    (void)state;
    orl_text_desc d = {.max_width = 600};
    orl_text_layout *L = orl_text_layout_create(fonts, mixed, &d);
    orl_text_line ln = orl_text_layout_line(L, 0);
    assert_int_equal(ln.x, 600 - ln.width); /* start of an RTL text is the right */
    orl_text_layout_free(L);

    d.align = ORL_TEXT_ALIGN_END;
    L = orl_text_layout_create(fonts, mixed, &d);
    assert_int_equal(orl_text_layout_line(L, 0).x, 0);
    orl_text_layout_free(L);

    d.align = ORL_TEXT_ALIGN_CENTER;
    L = orl_text_layout_create(fonts, "Quito", &d);
    ln = orl_text_layout_line(L, 0);
    assert_int_equal(ln.x, (600 - ln.width) / 2);
    orl_text_layout_free(L);

    d.align = ORL_TEXT_ALIGN_START;
    L = orl_text_layout_create(fonts, "Quito", &d);
    assert_int_equal(orl_text_layout_line(L, 0).x, 0);
    orl_text_layout_free(L);

    d.align = ORL_TEXT_ALIGN_RIGHT;
    L = orl_text_layout_create(fonts, "Quito", &d);
    ln = orl_text_layout_line(L, 0);
    assert_int_equal(ln.x, 600 - ln.width);
    orl_text_layout_free(L);
}

static void test_sizes_and_fit(void **state)
{
    (void)state;
    orl_text_metrics small = orl_text_measure(fonts, "Quito", &(orl_text_desc){.size = 20});
    orl_text_metrics big = orl_text_measure(fonts, "Quito", &(orl_text_desc){.size = 40});
    assert_true(big.width > small.width * 3 / 2);
    assert_true(big.line_height > small.line_height);
    /* out-of-range sizes are clamped, not refused */
    assert_true(orl_text_measure(fonts, "Quito", &(orl_text_desc){.size = -5}).width > 0);
    assert_true(orl_text_measure(fonts, "Q", &(orl_text_desc){.size = 100000}).height > 0);

    int s = orl_text_fit_size(fonts, spanish, &(orl_text_desc){.size = 96}, 700, 200);
    assert_true(s >= ORL_TEXT_MIN_SIZE && s < 96);
    orl_text_metrics m = orl_text_measure(fonts, spanish, &(orl_text_desc){.size = s, .max_width = 700});
    assert_true(m.width <= 700 && m.height <= 200);
    m = orl_text_measure(fonts, spanish, &(orl_text_desc){.size = s + 1, .max_width = 700});
    assert_true(m.width > 700 || m.height > 200);
    /* a short text fits at the size asked */
    assert_int_equal(orl_text_fit_size(fonts, "Quito", &(orl_text_desc){.size = 30}, 700, 200), 30);
    /* nothing fits: the minimum */
    assert_int_equal(orl_text_fit_size(fonts, spanish, NULL, 10, 3), ORL_TEXT_MIN_SIZE);
    assert_int_equal(orl_text_fit_size(fonts, spanish, NULL, 0, 0), ORL_TEXT_MIN_SIZE);
}

static void test_limits(void **state)
{
    (void)state;
    /* More than ORL_TEXT_MAX_BYTES: cut, said so, quickly. */
    size_t n = ORL_TEXT_MAX_BYTES + 5000;
    char *big = malloc(n + 1);
    for (size_t i = 0; i < n; i++) big[i] = i % 7 == 6 ? ' ' : 'x';
    memcpy(big + ORL_TEXT_MAX_BYTES - 1, "\xD8\xB9", 2); /* a 2-byte letter across the cut */
    big[n] = '\0';
    orl_text_layout *L = orl_text_layout_create(fonts, big, &(orl_text_desc){.max_width = 500});
    orl_text_metrics m = orl_text_layout_metrics(L);
    assert_int_equal(m.truncated, 1);
    assert_true(m.lines > 100 && m.lines <= ORL_TEXT_MAX_LINES);
    assert_true(strlen(orl_text_layout_text(L)) < ORL_TEXT_MAX_BYTES);
    orl_text_layout_free(L);
    /* One enormous word with no width: wraps at ORL_TEXT_MAX_LINE_WIDTH. */
    memset(big, 'w', n);
    m = orl_text_measure(fonts, big, NULL);
    assert_true(m.width <= ORL_TEXT_MAX_LINE_WIDTH && m.lines > 1);
    /* More lines than ORL_TEXT_MAX_LINES */
    for (size_t i = 0; i < n; i++) big[i] = i % 2 ? '\n' : 'a';
    m = orl_text_measure(fonts, big, NULL);
    assert_int_equal(m.lines, ORL_TEXT_MAX_LINES);
    assert_int_equal(m.truncated, 1);
    free(big);
}

/* Rows of s (ARGB8888) with any ink, and the first and last of them. */
static int ink_rows(SDL_Surface *s, int *first, int *last)
{
    int n = 0;
    *first = *last = -1;
    SDL_LockSurface(s);
    for (int y = 0; y < s->h; y++) {
        const Uint32 *row = (const Uint32 *)((const Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch);
        int ink = 0;
        for (int x = 0; x < s->w && !ink; x++) ink = (row[x] & s->format->Amask) != 0;
        if (!ink) continue;
        if (*first < 0) *first = y;
        *last = y;
        n++;
    }
    SDL_UnlockSurface(s);
    return n;
}

/* Arabic lines are spaced by 1.5 em, not by Noto Naskh Arabic's own 1.7 em (which made them a
 * quarter taller than Latin lines), and none of their marks is cut, even at spacing 1, even
 * fully vowelled. */
static void test_arabic_line_height(void **state)
{
    (void)state;
    /* "a caller (with tanwin kasra under a final ain) to my mother": the deepest marks */
    const char *deep = "\xD8\xAF\xD8\xA7\xD8\xB9\xD9\x8D \xD8\xA5\xD9\x90\xD9\x84\xD9\x8E\xD9\x89\xD9\xB0 "
                       "\xD8\xA3\xD9\x8F\xD9\x85\xD9\x91\xD9\x90\xD9\x8A";
    orl_text_desc d = {.size = 36, .line_spacing = 1.32f};
    orl_text_metrics lat = orl_text_measure(fonts, spanish, &d);
    orl_text_metrics ar = orl_text_measure(fonts, deep, &d);
    assert_int_equal(ar.line_height, (int)lroundf(54 * 1.32f)); /* 1.5 em of 36 px */
    assert_true(ar.line_height > lat.line_height);              /* marks need a little more room */
    assert_true(ar.line_height * 10 <= lat.line_height * 11);   /* but no more than 10 % */
    /* Latin text keeps its font's own spacing; a Latin text with an Arabic word in it takes
     * the larger of the two */
    assert_int_equal(lat.line_height, orl_text_measure(fonts, "Quito", &d).line_height);
    assert_int_equal(orl_text_measure(fonts, mixed, &d).line_height, ar.line_height);

    /* Nothing cut: drawn as the player draws (through the cache), a fully vowelled line at
     * spacing 1 has all the ink it has at spacing 3, and two such lines do not touch. */
    int rows[2], first[2], last[2];
    float spacing[2] = {1.0f, 3.0f};
    for (int k = 0; k < 2; k++) {
        open_target(900, 400);
        orl_text_cache *c = orl_text_cache_create(renderer, NULL);
        d.line_spacing = spacing[k];
        orl_text_metrics m;
        assert_int_equal(orl_text_draw(c, fonts, deep, &d, 10, 100, (SDL_Color){0, 0, 0, 255}, &m), 0);
        SDL_RenderPresent(renderer);
        rows[k] = ink_rows(target, &first[k], &last[k]);
        if (k == 0) {
            assert_true(m.line_height >= 54 && m.line_height <= 62);
            /* a second line below it starts its ink after this one's ends */
            char two[256];
            snprintf(two, sizeof two, "%s\n%s", deep, deep);
            SDL_FillRect(target, NULL, 0);
            assert_int_equal(orl_text_draw(c, fonts, two, &d, 10, 100, (SDL_Color){0, 0, 0, 255}, NULL), 0);
            SDL_RenderPresent(renderer);
            int f2, l2;
            int both = ink_rows(target, &f2, &l2);
            assert_int_equal(f2, first[0]);
            assert_int_equal(l2, last[0] + m.line_height);
            assert_int_equal(both, 2 * rows[0]); /* no row has ink of both */
        }
        orl_text_cache_free(c);
        close_target();
    }
    assert_true(rows[0] > 36);
    assert_int_equal(rows[0], rows[1]);
}

static void test_draw_cache(void **state)
{
    (void)state;
    open_target(400, 200);
    orl_text_cache *c = orl_text_cache_create(renderer, &(orl_text_cache_desc){.max_entries = 4});
    assert_non_null(c);
    orl_text_desc d = {.max_width = 380};
    orl_text_metrics m;
    SDL_Color ink = {10, 20, 30, 255};
    assert_int_equal(orl_text_draw(c, fonts, spanish, &d, 10, 10, ink, &m), 0);
    assert_true(m.lines >= 3);
    orl_text_cache_stats st = orl_text_cache_get_stats(c);
    assert_int_equal(st.misses, 1);
    assert_int_equal(st.entries, 1);
    assert_true(st.bytes > 0);
    /* same text, other colour and place: a hit */
    assert_int_equal(orl_text_draw(c, fonts, spanish, &d, 0, 50, (SDL_Color){200, 0, 0, 128}, NULL), 0);
    st = orl_text_cache_get_stats(c);
    assert_int_equal(st.hits, 1);
    assert_int_equal(st.misses, 1);
    /* another width is another entry */
    d.max_width = 200;
    assert_int_equal(orl_text_draw(c, fonts, spanish, &d, 0, 0, ink, NULL), 0);
    assert_int_equal(orl_text_cache_get_stats(c).entries, 2);
    /* bounded: never more than max_entries */
    for (int i = 0; i < 10; i++) {
        char t[32];
        snprintf(t, sizeof t, "línea %d", i);
        assert_int_equal(orl_text_draw(c, fonts, t, NULL, 0, 0, ink, NULL), 0);
        assert_true(orl_text_cache_get_stats(c).entries <= 4);
    }
    /* empty and invalid texts draw nothing and succeed */
    assert_int_equal(orl_text_draw(c, fonts, "", NULL, 0, 0, ink, &m), 0);
    assert_int_equal(m.lines, 0);
    assert_int_equal(orl_text_draw(c, fonts, "\xff\xfe", NULL, 0, 0, ink, NULL), 0);
    assert_int_equal(orl_text_draw(NULL, fonts, "x", NULL, 0, 0, ink, NULL), -1);
    assert_int_equal(orl_text_draw(c, NULL, "x", NULL, 0, 0, ink, NULL), -1);
    orl_text_cache_clear(c);
    st = orl_text_cache_get_stats(c);
    assert_int_equal(st.entries, 0);
    assert_int_equal((int)st.bytes, 0);
    /* a cache too small for a text: drawn in part, not kept, -1 */
    orl_text_cache *tiny = orl_text_cache_create(renderer, &(orl_text_cache_desc){.max_bytes = 1000});
    assert_int_equal(orl_text_draw(tiny, fonts, spanish, NULL, 0, 0, ink, NULL), -1);
    assert_int_equal(orl_text_cache_get_stats(tiny).entries, 0);
    orl_text_cache_free(tiny);
    orl_text_cache_free(c);
    orl_text_cache_free(NULL);
    assert_null(orl_text_cache_create(NULL, NULL));
    close_target();
}

/* Colour of the pixel at (x, y) of the target, as 0xAARRGGBB. */
static Uint32 pixel(int x, int y)
{
    return ((Uint32 *)((Uint8 *)target->pixels + y * target->pitch))[x];
}

/* The pixel of the target's rectangle closest to black (the most covered by dark ink). */
static Uint32 darkest(int x0, int y0, int w, int h)
{
    Uint32 best = 0xFFFFFFFF;
    int best_sum = 3 * 256;
    for (int y = y0; y < y0 + h && y < target->h; y++)
        for (int x = x0; x < x0 + w && x < target->w; x++) {
            Uint32 p = pixel(x, y);
            int sum = (int)((p >> 16) & 0xFF) + (int)((p >> 8) & 0xFF) + (int)(p & 0xFF);
            if (sum < best_sum) { best_sum = sum; best = p; }
        }
    return best;
}

static void test_draw_colour_and_alpha(void **state)
{
    (void)state;
    open_target(300, 120);
    orl_text_cache *c = orl_text_cache_create(renderer, NULL);
    orl_text_desc d = {.size = 60};
    orl_text_metrics m = orl_text_measure(fonts, "Quito", &d);
    SDL_SetRenderDrawColor(renderer, 255, 255, 255, 255);
    SDL_RenderClear(renderer);
    assert_int_equal(orl_text_draw(c, fonts, "Quito", &d, 10, 10, (SDL_Color){200, 30, 40, 255}, NULL), 0);
    /* where the ink covers a pixel fully it is the colour asked (the cached texture is white,
     * tinted when drawn) */
    Uint32 p = darkest(10, 10, m.width, m.height); /* SDL's blitter rounds by a unit or two */
    assert_in_range((p >> 16) & 0xFF, 197, 203);
    assert_in_range((p >> 8) & 0xFF, 27, 33);
    assert_in_range(p & 0xFF, 37, 43);
    /* half transparent black: half way to the white background */
    SDL_RenderClear(renderer);
    orl_text_draw(c, fonts, "Quito", &d, 10, 10, (SDL_Color){0, 0, 0, 128}, NULL);
    assert_in_range(darkest(10, 10, m.width, m.height) & 0xFF, 120, 135);
    assert_int_equal(orl_text_cache_get_stats(c).misses, 1);
    /* nothing drawn outside the block */
    assert_int_equal(darkest(10 + m.width + 2, 0, 300 - m.width - 12, 120) & 0xFFFFFF, 0xFFFFFF);
    orl_text_cache_free(c);
    close_target();
}

/* The real check of shaping: a Spanish paragraph and a line of Arabic with Latin and digits,
 * drawn headless; compared with tests/golden/text_spanish_arabic.png. */
static void test_golden_spanish_arabic(void **state)
{
    (void)state;
    open_target(800, 300);
    orl_text_cache *c = orl_text_cache_create(renderer, NULL);
    SDL_SetRenderDrawColor(renderer, 246, 240, 228, 255);
    SDL_RenderClear(renderer);
    SDL_Color ink = {30, 30, 36, 255};
    orl_text_metrics m;
    assert_int_equal(orl_text_draw(c, fonts, spanish, &(orl_text_desc){.size = 26, .max_width = 760},
                                   20, 16, ink, &m), 0);
    int y = 16 + m.height + 12;
    assert_int_equal(orl_text_draw(c, fonts, "قالت أمي: وصلنا إلى Quito في عام 2024 (بعد 3 أشهر).",
                                   &(orl_text_desc){.size = 28, .max_width = 760}, 20, y,
                                   (SDL_Color){120, 30, 20, 255}, &m), 0);
    assert_int_equal(m.rtl, 1);
    y += m.height + 6;
    assert_int_equal(orl_text_draw(c, fonts, mixed, &(orl_text_desc){.size = 28, .max_width = 760,
                                   .align = ORL_TEXT_ALIGN_CENTER}, 20, y, ink, &m), 0);
    SDL_RenderPresent(renderer);
    char msg[1024];
    int rc = orl_golden_check(target, "text_spanish_arabic", 48, 0.002, msg, sizeof msg);
    if (rc) fprintf(stderr, "%s\n", msg);
    assert_int_equal(rc, 0);
    orl_text_cache_free(c);
    close_target();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_font_set_fallback),
        cmocka_unit_test(test_font_set_bad_input),
        cmocka_unit_test(test_wrap_never_exceeds_max),
        cmocka_unit_test(test_newlines_honoured),
        cmocka_unit_test(test_combining_marks_capped),
        cmocka_unit_test(test_long_word_broken),
        cmocka_unit_test(test_url_wrap_points),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_random_mixtures),
        cmocka_unit_test(test_empty_text),
        cmocka_unit_test(test_direction_detected),
        cmocka_unit_test(test_visual_order_function),
        cmocka_unit_test(test_mixed_runs_in_visual_order),
        cmocka_unit_test(test_alignment),
        cmocka_unit_test(test_sizes_and_fit),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_arabic_line_height),
        cmocka_unit_test(test_neutrals_take_the_following_script),
        cmocka_unit_test(test_draw_cache),
        cmocka_unit_test(test_draw_colour_and_alpha),
        cmocka_unit_test(test_golden_spanish_arabic),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
