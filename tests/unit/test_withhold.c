/* story/withhold: a withheld testimony's words out of the bundle's copies of story files and
 * PO files, whatever way the Lua is written (tests/data/withhold-tricky); and what the
 * audience is told about recreated and composite testimonies (story/care.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "story/care.h"
#include "story/consent.h"
#include "story/uitext.h"
#include "story/withhold.h"

#define TRICKY ORL_TEST_DATA "/withhold-tricky"

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *p = malloc((size_t)n + 1);
    assert_non_null(p);
    assert_int_equal(fread(p, 1, (size_t)n, f), (size_t)n);
    p[n] = 0;
    fclose(f);
    *len = (size_t)n;
    return p;
}

static orl_story *load(void)
{
    orl_diags d = {0};
    orl_story *st = orl_story_load(TRICKY, NULL, &d);
    assert_non_null(st);
    assert_int_equal(d.errors, 0);
    orl_diags_free(&d);
    return st;
}

static int lines(const char *p, size_t n)
{
    int k = 0;
    for (size_t i = 0; i < n; i++) k += p[i] == '\n';
    return k;
}

static void test_lua_rewrite(void **state)
{
    (void)state;
    orl_story *st = load();
    unsigned char w[3];
    for (int i = 0; i < st->ntestimonies; i++) w[i] = (unsigned char)orl_consent_withheld(st, &st->testimonies[i], 0, NULL);
    assert_int_equal(w[orl_story_find_testimony(st, "ended-a")], 1);
    assert_int_equal(w[orl_story_find_testimony(st, "ended-b")], 1);
    assert_int_equal(w[orl_story_find_testimony(st, "kept")], 0);
    size_t n;
    char *src = slurp(TRICKY "/story.lua", &n);
    orl_buf out = {0};
    int changed = -1;
    orl_diags d = {0};
    assert_int_equal(orl_withhold_lua(st, w, "story.lua", src, n, &out, &changed, &d), 0);
    assert_int_equal(changed, 2);
    assert_int_equal(d.n, 0);
    /* the words are gone, the rest is the same, at the same lines */
    assert_null(strstr(out.data, "ALFA uno"));
    assert_null(strstr(out.data, "ALFA dos"));
    assert_null(strstr(out.data, "ALFAWARN"));
    assert_null(strstr(out.data, "BRAVO"));
    assert_null(strstr(out.data, "en dos líneas"));
    assert_null(strstr(out.data, "audio/a.ogg"));
    assert_null(strstr(out.data, "captions/b.vtt"));
    assert_non_null(strstr(out.data, "CHARLIE se queda"));
    assert_non_null(strstr(out.data, "a string, not a definition")); /* a string is not a definition */
    assert_non_null(strstr(out.data, "--[[ text = \"a comment\" ]]"));
    assert_int_equal(lines(out.data, out.len), lines(src, n));
    orl_buf_free(&out);
    free(src);
    orl_story_free(st);
}

static void test_lua_not_plain_text(void **state)
{
    (void)state;
    orl_story *st = load();
    unsigned char w[3] = {1, 0, 0};
    /* the same testimony, its text built by a function call: cannot be left out safely */
    const char *src = "testimony \"ended-a\" {\n  text = string.rep(\"ALFA \", 2),\n}\n";
    orl_buf out = {0};
    int changed = 0;
    orl_diags d = {0};
    assert_int_equal(orl_withhold_lua(st, w, "story.lua", src, strlen(src), &out, &changed, &d), -1);
    assert_int_equal(d.errors, 1);
    assert_non_null(strstr(d.items[0].msg, "ended-a"));
    orl_diags_free(&d);
    orl_buf_free(&out);
    /* a definition that is not there at all */
    const char *none = "-- testimony \"ended-a\" { text = \"x\" }\n";
    assert_int_equal(orl_withhold_lua(st, w, "story.lua", none, strlen(none), &out, &changed, &d), -1);
    assert_int_equal(d.errors, 1);
    orl_diags_free(&d);
    orl_buf_free(&out);
    orl_story_free(st);
}

static void test_po_filter(void **state)
{
    (void)state;
    orl_story *st = load();
    unsigned char w[3];
    for (int i = 0; i < st->ntestimonies; i++) w[i] = (unsigned char)orl_consent_withheld(st, &st->testimonies[i], 0, NULL);
    const char *po =
        "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
        "#. testimony\nmsgctxt \"ended-a\"\nmsgid \"\"\n\"ALFA uno, \"\n\"ALFA dos\"\nmsgstr \"ALFA-EN\"\n\n"
        "msgid \"BRAVO\\nen dos líneas\"\nmsgstr \"BRAVO-EN\"\n\n\n"
        "msgid \"CHARLIE se queda\"\nmsgstr \"CHARLIE-EN\"\n\n"
        "#~ msgid \"ALFA uno, ALFA dos\"\n#~ msgstr \"ALFA-OLD\"\n";
    orl_buf out = {0};
    int dropped = 0;
    assert_int_equal(orl_withhold_po(st, w, po, strlen(po), &out, &dropped), 0);
    assert_int_equal(dropped, 3);
    assert_null(strstr(out.data, "ALFA"));
    assert_null(strstr(out.data, "BRAVO"));
    assert_non_null(strstr(out.data, "CHARLIE-EN"));
    assert_non_null(strstr(out.data, "charset=UTF-8"));
    orl_buf_free(&out);
    orl_story_free(st);
}

static void test_kind_words(void **state)
{
    (void)state;
    orl_story *st = load();
    const orl_testimony *a = &st->testimonies[orl_story_find_testimony(st, "ended-a")];
    const orl_testimony *k = &st->testimonies[orl_story_find_testimony(st, "kept")];
    assert_int_equal(orl_testimony_kind_of(st, a), ORL_KIND_COMPOSITE); /* its own kind */
    assert_int_equal(orl_testimony_kind_of(st, k), ORL_KIND_RECREATED); /* the story's */
    char *h = orl_testimony_heading(st, k, "en");
    assert_string_equal(h, "Testimony of Nora (recreated from real accounts)");
    free(h);
    h = orl_testimony_heading(st, a, "es");
    assert_string_equal(h, "Testimonio de Nora (compuesto a partir de varios relatos reales)");
    free(h);
    /* the notice of a testimony that is not a person's own words claims no person */
    for (int i = 0; i < 4; i++) {
        const char *lang = (const char *[]){"en", "es", "fr", "ar"}[i];
        assert_string_not_equal(orl_testimony_notice(st, k, lang), orl_ui_text(lang, ORL_UI_CONSENT_NOTICE));
        assert_string_not_equal(orl_testimony_notice(st, a, lang), orl_testimony_notice(st, k, lang));
    }
    assert_null(strstr(orl_testimony_notice(st, k, "en"), "person"));
    /* credits: one line per kind, each narrator once; without names for the kiosk */
    char *c = orl_story_kinds_credit(st, "en", 1);
    assert_string_equal(c, "Testimonies recreated from real accounts (written for this story): Nora\n"
                           "Composite testimonies, each made from several real accounts: Nora");
    free(c);
    c = orl_story_kinds_credit(st, "en", 0);
    assert_null(strstr(c, "Nora"));
    free(c);
    /* a real testimony: the plain heading, today's notice, no credit line */
    st->kind = ORL_KIND_DEFAULT;
    h = orl_testimony_heading(st, k, "en");
    assert_string_equal(h, "Testimony of Nora");
    free(h);
    assert_string_equal(orl_testimony_notice(st, k, "fr"), orl_ui_text("fr", ORL_UI_CONSENT_NOTICE));
    st->testimonies[orl_story_find_testimony(st, "ended-a")].kind = ORL_KIND_REAL;
    st->testimonies[orl_story_find_testimony(st, "ended-b")].kind = ORL_KIND_REAL;
    assert_null(orl_story_kinds_credit(st, "en", 1));
    orl_story_free(st);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lua_rewrite),
        cmocka_unit_test(test_lua_not_plain_text),
        cmocka_unit_test(test_po_filter),
        cmocka_unit_test(test_kind_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
