/* story/locale: the PO reader (entries, multi-line strings, escapes, fuzzy, plurals, contexts,
 * and every kind of malformed input with its line), applying a translation to a story, texts
 * that story functions return, and the template `orilla strings` writes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/limits.h"
#include "core/strutil.h"
#include "story/locale.h"
#include "story/run.h"
#include "story/story.h"

static orl_catalog *parse(const char *text, orl_diags *d)
{
    orl_catalog *c = orl_po_parse("t.po", text, strlen(text), d);
    assert_non_null(c);
    return c;
}

/* 1 when d has a diagnostic at line `line` whose message contains `part` */
static int has_diag(const orl_diags *d, int line, const char *part)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->items[i].line == line && strstr(d->items[i].msg, part)) return 1;
    return 0;
}

static void dump(const orl_diags *d)
{
    orl_diags_print(d, stderr);
}

/* ---- reading ---- */

static void test_basic_entries_and_header(void **state)
{
    (void)state;
    orl_diags d = {0};
    orl_catalog *c = parse("# a comment\n"
                           "msgid \"\"\n"
                           "msgstr \"\"\n"
                           "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
                           "\"Language: fr\\n\"\n"
                           "\n"
                           "#. a note\n"
                           "#: story.lua:3\n"
                           "msgid \"Hola\"\n"
                           "msgstr \"Bonjour\"\n"
                           "msgid \"Sin traducir\"\n" /* no blank line between entries: fine */
                           "msgstr \"\"\n",
                           &d);
    if (d.n) dump(&d);
    assert_int_equal(d.n, 0);
    assert_int_equal(c->n, 2);
    assert_string_equal(c->language, "fr");
    assert_string_equal(orl_catalog_lookup(c, NULL, "Hola"), "Bonjour");
    assert_int_equal(c->entries[0].line, 9);
    assert_null(orl_catalog_lookup(c, NULL, "Sin traducir")); /* empty = not translated */
    assert_non_null(orl_catalog_entry(c, NULL, "Sin traducir"));
    assert_null(orl_catalog_lookup(c, NULL, "Otra"));
    assert_null(orl_catalog_lookup(c, NULL, "")); /* the header is not a translation */
    orl_catalog_free(c);
}

static void test_multiline_and_escapes(void **state)
{
    (void)state;
    orl_diags d = {0};
    orl_catalog *c = parse("msgid \"\"\n"
                           "\"Línea uno\\n\"\n"
                           "  \"línea \\\"dos\\\"\"\n"
                           "msgstr \"\"\n"
                           "\"Line one\\n\"\n"
                           "\"line \\\"two\\\" \\\\ \\t\\x41\\101\\r\"\n"
                           "msgid \"a\" \"b\"\n" /* two strings on one line join too */
                           "msgstr \"AB\"\n",
                           &d);
    if (d.n) dump(&d);
    assert_int_equal(d.n, 0);
    assert_string_equal(orl_catalog_lookup(c, NULL, "Línea uno\nlínea \"dos\""), "Line one\nline \"two\" \\ \tAA\r");
    assert_string_equal(orl_catalog_lookup(c, NULL, "ab"), "AB");
    orl_catalog_free(c);
}

static void test_crlf_bom_and_obsolete(void **state)
{
    (void)state;
    orl_diags d = {0};
    orl_catalog *c = parse("\xEF\xBB\xBFmsgid \"uno\"\r\nmsgstr \"one\"\r\n\r\n"
                           "#~ msgid \"viejo\"\r\n#~ msgstr \"old\"\r\n"
                           "#| msgid \"antes\"\r\nmsgid \"dos\"\r\nmsgstr \"two\"\r\n",
                           &d);
    if (d.n) dump(&d);
    assert_int_equal(d.n, 0);
    assert_int_equal(c->n, 2);
    assert_string_equal(orl_catalog_lookup(c, NULL, "uno"), "one");
    assert_string_equal(orl_catalog_lookup(c, NULL, "dos"), "two");
    assert_null(orl_catalog_entry(c, NULL, "viejo"));
    orl_catalog_free(c);
}

static void test_fuzzy_is_not_used(void **state)
{
    (void)state;
    orl_diags d = {0};
    orl_catalog *c = parse("#, fuzzy, c-format\n"
                           "msgid \"borrador\"\n"
                           "msgstr \"draft\"\n"
                           "\n"
                           "#, c-format\n"
                           "msgid \"listo\"\n"
                           "msgstr \"ready\"\n",
                           &d);
    assert_int_equal(d.n, 0);
    assert_null(orl_catalog_lookup(c, NULL, "borrador"));
    const orl_po_entry *e = orl_catalog_entry(c, NULL, "borrador");
    assert_non_null(e);
    assert_true(e->fuzzy);
    assert_string_equal(e->str, "draft");
    assert_string_equal(orl_catalog_lookup(c, NULL, "listo"), "ready");
    assert_false(orl_catalog_entry(c, NULL, "listo")->fuzzy);
    orl_catalog_free(c);
}

static void test_plural_takes_first_form(void **state)
{
    (void)state;
    orl_diags d = {0};
    orl_catalog *c = parse("msgid \"un día\"\n"
                           "msgid_plural \"%d días\"\n"
                           "msgstr[0] \"يوم واحد\"\n"
                           "msgstr[1] \"يومان\"\n"
                           "msgstr[2] \"%d أيام\"\n",
                           &d);
    if (d.n) dump(&d);
    assert_int_equal(d.n, 0);
    assert_string_equal(orl_catalog_lookup(c, NULL, "un día"), "يوم واحد");
    assert_true(orl_catalog_entry(c, NULL, "un día")->plural);
    orl_catalog_free(c);
}

static void test_context(void **state)
{
    (void)state;
    orl_diags d = {0};
    orl_catalog *c = parse("msgid \"Seguir\"\nmsgstr \"Go on\"\n"
                           "msgctxt \"espera\"\nmsgid \"Seguir\"\nmsgstr \"Go on, at last\"\n"
                           "msgctxt \"solo\"\nmsgid \"Solo aquí\"\nmsgstr \"Only here\"\n"
                           "msgctxt \"vacio\"\nmsgid \"Seguir\"\nmsgstr \"\"\n",
                           &d);
    if (d.n) dump(&d);
    assert_int_equal(d.n, 0);
    assert_string_equal(orl_catalog_lookup(c, NULL, "Seguir"), "Go on");
    assert_string_equal(orl_catalog_lookup(c, "espera", "Seguir"), "Go on, at last");
    assert_string_equal(orl_catalog_lookup(c, "otra", "Seguir"), "Go on");   /* falls back */
    assert_string_equal(orl_catalog_lookup(c, "vacio", "Seguir"), "Go on");  /* empty: falls back */
    assert_string_equal(orl_catalog_lookup(c, "solo", "Solo aquí"), "Only here");
    assert_null(orl_catalog_lookup(c, NULL, "Solo aquí"));
    orl_catalog_free(c);
}

/* ---- malformed input: each problem at its line, and what can be read is kept ---- */

static void test_malformed_lines(void **state)
{
    (void)state;
    struct { const char *po; int line; const char *part; } cases[] = {
        {"msgid \"abierto\nmsgstr \"x\"\n", 1, "not closed"},
        {"msgid \"a\"\nmsgstring \"x\"\n", 2, "did you mean 'msgstr'"},
        {"msgid \"a\"\nfoo \"x\"\nmsgstr \"b\"\n", 2, "not a PO keyword"},
        {"\n\nmsgstr \"x\"\n", 3, "without a msgid"},
        {"msgid \"a\"\nmsgstr \"b\"\n\n\nmsgid \"sin\"\n", 5, "no msgstr"},
        {"msgid \"a\"\nmsgid \"b\"\nmsgstr \"c\"\n", 1, "no msgstr"},
        {"msgid \"a\"\nmsgstr \"b\"\nmsgid \"a\"\nmsgstr \"c\"\n", 3, "translated twice (first at line 1)"},
        {"msgid \"a\\q\"\nmsgstr \"b\"\n", 1, "unknown escape '\\q'"},
        {"msgid \"a\"\nmsgstr[1] \"b\"\n", 2, "only for entries with msgid_plural"},
        {"msgid \"a\"\nmsgid_plural \"as\"\nmsgstr \"b\"\n", 3, "msgstr[0], msgstr[1]"},
        {"msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[1] \"b\"\n", 3, "expected msgstr[0] here"},
        {"msgid \"a\"\nmsgstr \"b\"\nmsgstr \"c\"\n", 3, "second msgstr"},
        {"\"suelto\"\n", 1, "no msgid or msgstr before it"},
        {"msgid \"a\" x\nmsgstr \"b\"\n", 1, "unexpected 'x'"},
        {"msgid\nmsgstr \"b\"\n", 1, "expected a text in quotes"},
        {"msgid \"a\"\nmsgstr \"\\x\"\n", 2, "hexadecimal"},
        {"msgid \"a\"\nmsgstr \"\\0\"\n", 2, "zero byte"},
        {"msgid \"a\"\nmsgstr \"b\\", 2, "at the end of the line"},
        {"msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n", 1, "ISO-8859-1"},
        {"msgid \"a\"\nmsgstr \"\xff\xfe\"\n", 1, "not UTF-8"},
        {"msgctxt \"c\"\nmsgctxt \"d\"\nmsgid \"a\"\nmsgstr \"b\"\n", 2, "middle of an entry"},
        {"msgctxt \"c\"\n", 1, "must be followed by msgid"},
        {"msgid \"a\"\nmsgstr[x] \"b\"\n", 2, "number between the brackets"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        orl_diags d = {0};
        orl_catalog *c = parse(cases[i].po, &d);
        if (!has_diag(&d, cases[i].line, cases[i].part)) {
            fprintf(stderr, "case %zu: expected line %d with \"%s\", got:\n", i, cases[i].line, cases[i].part);
            dump(&d);
            fail();
        }
        assert_true(d.errors >= 1);
        assert_string_equal(d.items[0].file, "t.po");
        orl_catalog_free(c);
        orl_diags_free(&d);
    }
}

static void test_recovers_after_errors(void **state)
{
    (void)state;
    orl_diags d = {0};
    orl_catalog *c = parse("msgid \"uno\"\nmsgstr \"one\"\n"
                           "msgid \"roto\nmsgstr \"broken\"\n"
                           "\"a stray continuation\"\n"
                           "msgid \"dos\"\nmsgstr \"two\"\n"
                           "garbage here\n"
                           "msgid \"tres\"\nmsgstr \"three\"\n",
                           &d);
    assert_string_equal(orl_catalog_lookup(c, NULL, "uno"), "one");
    assert_string_equal(orl_catalog_lookup(c, NULL, "dos"), "two");
    assert_string_equal(orl_catalog_lookup(c, NULL, "tres"), "three");
    assert_null(orl_catalog_entry(c, NULL, "roto"));
    assert_true(has_diag(&d, 3, "not closed"));
    assert_true(has_diag(&d, 8, "not a PO keyword"));
    assert_int_equal(d.errors, 2); /* the stray continuation of the broken entry is not a second error */
    orl_catalog_free(c);
    orl_diags_free(&d);
}

static void test_too_many_errors_stops(void **state)
{
    (void)state;
    orl_buf b = {0};
    for (int i = 0; i < 1000; i++) orl_buf_puts(&b, "this is not a PO file at all\n");
    orl_diags d = {0};
    orl_catalog *c = orl_po_parse("t.po", b.data, b.len, &d);
    assert_non_null(c);
    assert_int_equal(d.n, ORL_MAX_PO_ERRORS + 1);
    assert_non_null(strstr(d.items[d.n - 1].msg, "too many problems"));
    orl_catalog_free(c);
    orl_diags_free(&d);
    orl_buf_free(&b);
}

static void test_long_string_refused(void **state)
{
    (void)state;
    orl_buf b = {0};
    orl_buf_puts(&b, "msgid \"a\"\nmsgstr \"\"\n");
    for (int i = 0; i < 2000; i++) orl_buf_puts(&b, "\"0123456789012345678901234567890123456789\"\n");
    orl_buf_puts(&b, "msgid \"b\"\nmsgstr \"B\"\n");
    orl_diags d = {0};
    orl_catalog *c = orl_po_parse("t.po", b.data, b.len, &d);
    assert_true(d.errors == 1);
    assert_non_null(strstr(d.items[0].msg, "longer than"));
    assert_null(orl_catalog_entry(c, NULL, "a"));
    assert_string_equal(orl_catalog_lookup(c, NULL, "b"), "B");
    orl_catalog_free(c);
    orl_diags_free(&d);
    orl_buf_free(&b);
}

/* Random bytes and random PO-ish lines: never a crash, a hang or a leak (ASan/UBSan runs). */
static void test_random_input_is_safe(void **state)
{
    (void)state;
    static const char *const pieces[] = {"msgid ", "msgstr ", "msgctxt ", "msgid_plural ", "msgstr[0] ", "msgstr[1] ",
                                         "\"", "\\", "\\n", "\\x4", "\\777", "\n", "#, fuzzy\n", "#~ ", "á", "\xff",
                                         "[", "]", " ", "\r\n", "\"\"", "\"abc\"", "\0"};
    uint64_t seed = 12345;
    for (int round = 0; round < 3000; round++) {
        orl_buf b = {0};
        int n = (int)(seed % 60);
        for (int i = 0; i < n; i++) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            size_t k = (size_t)(seed >> 33) % (sizeof pieces / sizeof *pieces);
            if (k == sizeof pieces / sizeof *pieces - 1) orl_buf_put(&b, "", 1);
            else orl_buf_puts(&b, pieces[k]);
        }
        orl_diags d = {0};
        orl_catalog *c = orl_po_parse("r.po", b.data ? b.data : "", b.len, &d);
        assert_non_null(c);
        for (int i = 0; i < c->n; i++) orl_catalog_lookup(c, NULL, c->entries[i].id);
        orl_catalog_free(c);
        orl_diags_free(&d);
        orl_buf_free(&b);
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    }
}

static void test_language_names(void **state)
{
    (void)state;
    assert_true(orl_locale_name_ok("en"));
    assert_true(orl_locale_name_ok("pt-BR"));
    assert_true(orl_locale_name_ok("sr_Latn"));
    assert_false(orl_locale_name_ok(""));
    assert_false(orl_locale_name_ok(NULL));
    assert_false(orl_locale_name_ok("../x"));
    assert_false(orl_locale_name_ok("en/fr"));
    assert_false(orl_locale_name_ok("1en"));
    assert_false(orl_locale_name_ok("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
}

/* ---- applying a translation to a story ---- */

#define STORY ORL_TEST_DATA "/workshop-translated"

static orl_story *load(const char *lang, orl_diags *d)
{
    orl_load_opts o = {0};
    o.lang = lang;
    orl_story *st = orl_story_load(STORY, &o, d);
    assert_non_null(st);
    if (d->errors) dump(d);
    assert_int_equal(d->errors, 0);
    return st;
}

static void test_apply_translation(void **state)
{
    (void)state;
    orl_diags d = {0};
    orl_story *st = load("en", &d);
    assert_int_equal(d.n, 0);
    assert_string_equal(st->lang, "en");
    assert_non_null(st->catalog);
    assert_string_equal(st->title, "The border");
    assert_string_equal(st->credits, "Made in a workshop.");
    assert_string_equal(st->warnings.items[0], "violence");
    assert_string_equal(st->support[0].name, "Helpline");
    assert_string_equal(st->support[0].note, "Free listening");
    assert_string_equal(st->support[0].contact, "123 456"); /* contacts are not texts to translate */
    assert_string_equal(st->testimonies[0].text, "I crossed at night, \"afraid\", without looking back.");
    assert_string_equal(st->narrators[0].name, "Ana"); /* no entry: kept */
    int a = orl_story_find_scene(st, "inicio"), e = orl_story_find_scene(st, "espera"),
        f = orl_story_find_scene(st, "fin");
    assert_string_equal(st->scenes[a].id, "inicio"); /* ids never change */
    assert_string_equal(st->scenes[a].title, "Start");
    assert_string_equal(st->scenes[a].text, "It is night.\nThe river sounds close.");
    assert_string_equal(st->scenes[a].fact.text, "Un dato.");        /* empty msgstr: the source */
    assert_string_equal(st->scenes[a].fact.source, "Source, 2024");
    assert_string_equal(st->scenes[a].choices[0].text, "Go on");
    assert_string_equal(st->scenes[e].choices[0].text, "Go on, at last"); /* msgctxt "espera" */
    assert_string_equal(st->scenes[f].text, "Fin del camino.");     /* fuzzy: not used */

    /* texts that functions return are translated when shown */
    orl_run *r = orl_run_new(st);
    assert_non_null(r);
    assert_int_equal(orl_run_enter(r, a, &d), 0);
    char *t = orl_run_choice_text(r, 1, &d);
    assert_string_equal(t, "Wait");
    free(t);
    orl_run_free(r);
    orl_diags_free(&d);
    orl_story_free(st);
}

static void test_function_text_plural_entry(void **state)
{
    (void)state;
    orl_diags d = {0};
    orl_story *st = load("en", &d);
    orl_catalog *c = st->catalog;
    assert_string_equal(orl_catalog_lookup(c, "espera", "Esperas."), "You wait.");
    char *s = orl_locale_runtime(st, "espera", orl_strdup("Esperas."));
    assert_string_equal(s, "You wait.");
    free(s);
    s = orl_locale_runtime(st, "espera", orl_strdup("Otra vez."));
    assert_string_equal(s, "Otra vez.");
    free(s);
    orl_diags_free(&d);
    orl_story_free(st);
}

static void test_apply_source_language_and_missing(void **state)
{
    (void)state;
    orl_diags d = {0};
    orl_story *st = load("es", &d);
    assert_int_equal(d.n, 0);
    assert_null(st->catalog);
    assert_string_equal(st->lang, "es");
    assert_string_equal(st->title, "La frontera");
    orl_story_free(st);

    st = load("fr", &d); /* no fr.po: a warning, the story as written */
    assert_int_equal(d.warnings, 1);
    assert_string_equal(d.items[0].code, "no-translation");
    assert_null(st->catalog);
    assert_string_equal(st->title, "La frontera");
    orl_story_free(st);
    orl_diags_free(&d);

    st = load("en-GB", &d); /* a region falls back to the language */
    assert_int_equal(d.n, 0);
    assert_string_equal(st->title, "The border");
    assert_string_equal(st->lang, "en-GB");
    orl_story_free(st);

    st = load("../../etc", &d);
    assert_int_equal(d.warnings, 1);
    assert_string_equal(d.items[0].code, "bad-lang");
    orl_story_free(st);
    orl_diags_free(&d);
}

/* ---- the visible texts, and the template ---- */

typedef struct seen { int n, transcripts, functions, choices; } seen;

static int count_texts(const orl_text_ref *t, void *ud)
{
    seen *s = ud;
    s->n++;
    if (t->kind == ORL_TEXT_TRANSCRIPT) {
        s->transcripts++;
        assert_string_equal(t->narrator, "Ana");
    }
    if (t->kind == ORL_TEXT_FUNCTION) s->functions++;
    if (t->kind == ORL_TEXT_CHOICE) s->choices++;
    assert_non_null(t->loc.file);
    assert_true(t->loc.line > 0);
    return 0;
}

static void test_story_texts(void **state)
{
    (void)state;
    orl_diags d = {0};
    orl_story *st = load(NULL, &d);
    seen s = {0};
    assert_int_equal(orl_story_texts(st, ORL_TEXTS_FUNCTIONS | ORL_TEXTS_LINES, count_texts, &s), 0);
    assert_int_equal(s.transcripts, 1);
    assert_int_equal(s.functions, 3); /* "Esperar", "Otra vez.", "Esperas." */
    assert_int_equal(s.choices, 3);
    seen s2 = {0};
    orl_story_texts(st, 0, count_texts, &s2);
    assert_int_equal(s2.functions, 0);
    orl_story_free(st);
}

static void test_pot_reads_back(void **state)
{
    (void)state;
    orl_diags d = {0};
    orl_story *st = load(NULL, &d);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_int_equal(orl_story_write_pot(st, f), 0);
    fclose(f);
    assert_non_null(strstr(buf, "charset=UTF-8"));
    assert_non_null(strstr(buf, "#. testimony of Ana: handle with care\n"));
    assert_non_null(strstr(buf, "#: story.lua:21\nmsgid \"Crucé de noche, con \\\"miedo\\\" y sin mirar atrás.\""));
    assert_non_null(strstr(buf, "msgid \"\"\n\"Es de noche.\\n\"\n\"El río suena cerca.\"\n"));
    /* "Seguir" is written twice in the story: one entry, two places */
    assert_non_null(strstr(buf, "#: story.lua:35 story.lua:47\nmsgid \"Seguir\""));
    assert_non_null(strstr(buf, "msgid \"Otra vez.\""));
    orl_diags pd = {0};
    orl_catalog *c = orl_po_parse("story.pot", buf, len, &pd);
    if (pd.n) dump(&pd);
    assert_int_equal(pd.n, 0);
    /* 17 texts, and the support contact: a translation may give the reader's language's one */
    assert_int_equal(c->n, 18);
    assert_non_null(strstr(buf, "give their page in the reader's language if they have one"));
    assert_non_null(orl_catalog_entry(c, NULL, "123 456"));
    assert_non_null(orl_catalog_entry(c, NULL, "Es de noche.\nEl río suena cerca."));
    orl_catalog_free(c);
    free(buf);
    orl_story_free(st);
}

/* The template is one that gettext's own tools accept (when they are installed). */
static void test_pot_msgfmt_accepts(void **state)
{
    (void)state;
    if (system("command -v msgfmt > /dev/null 2>&1") != 0) {
        fprintf(stderr, "msgfmt is not installed (apt-get install gettext): skipped\n");
        skip();
    }
    const char *stories[] = {STORY, ORL_SOURCE_DIR "/stories/el-cruce", ORL_TEST_DATA "/graph-story"};
    for (int i = 0; i < 3; i++) {
        orl_diags d = {0};
        orl_story *st = orl_story_load(stories[i], NULL, &d);
        assert_non_null(st);
        char path[] = "/tmp/orl-pot-XXXXXX";
        int fd = mkstemp(path);
        assert_true(fd >= 0);
        FILE *f = fdopen(fd, "w");
        assert_int_equal(orl_story_write_pot(st, f), 0);
        fclose(f);
        char cmd[200];
        snprintf(cmd, sizeof cmd, "msgfmt --check -o /dev/null %s 2>/dev/null", path);
        int rc = system(cmd);
        if (rc != 0) {
            snprintf(cmd, sizeof cmd, "msgfmt --check -o /dev/null %s; cat %s", path, path);
            (void)!system(cmd);
        }
        assert_int_equal(rc, 0);
        remove(path);
        orl_diags_free(&d);
        orl_story_free(st);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_basic_entries_and_header),
        cmocka_unit_test(test_multiline_and_escapes),
        cmocka_unit_test(test_crlf_bom_and_obsolete),
        cmocka_unit_test(test_fuzzy_is_not_used),
        cmocka_unit_test(test_plural_takes_first_form),
        cmocka_unit_test(test_context),
        cmocka_unit_test(test_malformed_lines),
        cmocka_unit_test(test_recovers_after_errors),
        cmocka_unit_test(test_too_many_errors_stops),
        cmocka_unit_test(test_long_string_refused),
        cmocka_unit_test(test_random_input_is_safe),
        cmocka_unit_test(test_language_names),
        cmocka_unit_test(test_apply_translation),
        cmocka_unit_test(test_function_text_plural_entry),
        cmocka_unit_test(test_apply_source_language_and_missing),
        cmocka_unit_test(test_story_texts),
        cmocka_unit_test(test_pot_reads_back),
        cmocka_unit_test(test_pot_msgfmt_accepts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
