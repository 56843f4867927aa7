/* The workshop tools: `orilla new` (its story passes check with nothing to mend), Twine import
 * (links in every form, ids made safe, Lua strings that cannot break, the result passes check),
 * picture sizes from headers, DOT escaping, and the lint advice of `check`. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/commands.h"
#include "core/strutil.h"
#include "story/graph.h"
#include "story/lint.h"
#include "story/walk.h"
#include "story/twee.h"
#include "story/story.h"

static char tmpdir[64];

static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/orl-workshop-XXXXXX");
    assert_non_null(mkdtemp(tmpdir));
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    assert_int_equal(system(cmd), 0);
    return 0;
}

/* Loads and checks (with the workshop advice) a folder: counts of errors and warnings. */
static void check_folder(const char *dir, int *errors, int *warnings)
{
    orl_diags d = {0};
    orl_story *st = orl_story_load(dir, NULL, &d);
    assert_non_null(st);
    orl_story_check(st, NULL, &d);
    orl_story_lint(st, NULL, &d);
    if (d.n) orl_diags_print(&d, stderr);
    *errors = d.errors;
    *warnings = d.warnings;
    orl_diags_free(&d);
    orl_story_free(st);
}

static void test_new_story_passes_check(void **state)
{
    (void)state;
    const char *langs[] = {"es", "en"};
    for (int i = 0; i < 2; i++) {
        char dir[128];
        snprintf(dir, sizeof dir, "%s/historia-%s", tmpdir, langs[i]);
        char *argv[] = {"new", dir, "--lang", (char *)langs[i], NULL};
        assert_int_equal(orl_cmd_new(4, argv), 0);
        int e, w;
        check_folder(dir, &e, &w);
        assert_int_equal(e, 0);
        assert_int_equal(w, 0);
        /* a second time: refused, nothing changed */
        assert_int_equal(orl_cmd_new(4, argv), 2);
    }
}

static void test_new_story_testimony_example_works(void **state)
{
    (void)state;
    char dir[128], path[160];
    snprintf(dir, sizeof dir, "%s/con-testimonio", tmpdir);
    char *argv[] = {"new", dir, NULL};
    assert_int_equal(orl_cmd_new(2, argv), 0);
    /* switch the example on as the comments say: remove "-- " from its lines */
    snprintf(path, sizeof path, "%s/story.lua", dir);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    orl_buf b = {0};
    char line[400];
    int in_example = 0;
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "-- narrator \"", 13) == 0) in_example = 1;
        const char *l = line;
        if (in_example && strncmp(line, "-- ", 3) == 0) l = line + 3;
        else if (in_example && strcmp(line, "--\n") == 0) l = "\n";
        if (strstr(l, "-- testimony = \"ejemplo\"")) l = "  testimony = \"ejemplo\",\n";
        orl_buf_puts(&b, l);
    }
    fclose(f);
    f = fopen(path, "w");
    fwrite(b.data, 1, b.len, f);
    fclose(f);
    orl_buf_free(&b);
    setenv("ORILLA_TODAY", "2026-01-01", 1);
    orl_diags d = {0};
    orl_story *st = orl_story_load(dir, NULL, &d);
    assert_non_null(st);
    orl_story_check(st, NULL, &d);
    if (d.n) orl_diags_print(&d, stderr);
    assert_int_equal(d.errors, 0);
    assert_int_equal(d.warnings, 0);
    assert_int_equal(st->ntestimonies, 1);
    assert_int_equal(st->scenes[orl_story_find_scene(st, "salir")].testimony_idx, 0);
    orl_diags_free(&d);
    orl_story_free(st);
    unsetenv("ORILLA_TODAY");
}

static void test_slug(void **state)
{
    (void)state;
    char out[32];
    orl_slug("The \"Start\" [1]", out, sizeof out, "x");
    assert_string_equal(out, "the-start-1");
    orl_slug("Río Grande Ñandú ÇÀ", out, sizeof out, "x");
    assert_string_equal(out, "rio-grande-nandu-ca");
    orl_slug("مرحبا", out, sizeof out, "passage");
    assert_string_equal(out, "passage");
    orl_slug("a very long name that will not fit in the space", out, 10, "x");
    assert_true(strlen(out) <= 9);
}

/* converts and returns the Lua text (caller frees) */
static char *twee(const char *src, orl_diags *d, int *rc)
{
    orl_buf out = {0};
    orl_twee_opts o = {"es", "t.twee"};
    *rc = orl_twee_convert("t.twee", src, strlen(src), &o, &out, NULL, d);
    orl_buf_put(&out, "", 1);
    return out.data;
}

static void test_twee_links(void **state)
{
    (void)state;
    orl_diags d = {0};
    int rc;
    char *lua = twee(":: StoryTitle\nLinks\n\n"
                     ":: Start\n"
                     "[[Simple]]\n"
                     "[[Go->Simple]]\n"
                     "[[Simple<-Back]]\n"
                     "[[Pipe text|Simple]]\n"
                     "[[a->b->Simple]]\n"
                     "[[Simple<-x<-y]]\n"
                     "[[Setter|Simple][$x to 1]]\n"
                     "Walk [[north->Simple]] now.\n"
                     "[[Nowhere]]\n"
                     "[[unclosed\n"
                     ":: Simple\nThe end.\n",
                     &d, &rc);
    assert_int_equal(rc, 0);
    assert_non_null(strstr(lua, "{ text = \"Simple\", go = \"simple\" }"));
    assert_non_null(strstr(lua, "{ text = \"Go\", go = \"simple\" }"));
    assert_non_null(strstr(lua, "{ text = \"Back\", go = \"simple\" }"));
    assert_non_null(strstr(lua, "{ text = \"Pipe text\", go = \"simple\" }"));
    assert_non_null(strstr(lua, "{ text = \"a->b\", go = \"simple\" }"));
    assert_non_null(strstr(lua, "{ text = \"x<-y\", go = \"simple\" }"));
    /* a link that changes the state goes to a copy of its passage that makes the change first */
    assert_non_null(strstr(lua, "{ text = \"Setter\", go = \"simple-2\" }"));
    assert_non_null(strstr(lua, "scene \"simple-2\" {\n  text = \"The end.\",\n  on_enter = function(s)\n    s.x = 1\n"));
    assert_non_null(strstr(lua, "{ text = \"north\", go = \"simple\" }"));
    assert_null(strstr(lua, "Nowhere\", go")); /* a link to no passage: left out */
    assert_non_null(strstr(lua, "Walk north now."));
    assert_non_null(strstr(lua, "unclosed")); /* its words kept, the brackets not */
    assert_null(strstr(lua, "[[unclosed"));
    assert_non_null(strstr(lua, "start = \"start\""));
    assert_non_null(strstr(lua, "scene \"simple\" {\n  text = \"The end.\",\n  ending = true,"));
    int nowhere = 0, unclosed = 0;
    for (size_t i = 0; i < d.n; i++) {
        if (strstr(d.items[i].msg, "\"Nowhere\"") && d.items[i].line == 13) nowhere = 1;
        if (strstr(d.items[i].msg, "not closed") && d.items[i].line == 4) unclosed = 1; /* the passage's line */
    }
    if (!(nowhere && unclosed)) orl_diags_print(&d, stderr);
    assert_true(nowhere && unclosed);
    assert_int_equal(d.errors, 0);
    free(lua);
    orl_diags_free(&d);
}

static void test_twee_lua_strings_cannot_break(void **state)
{
    (void)state;
    orl_diags d = {0};
    int rc;
    /* texts with quotes, backslashes, ]] and ]==] inside and at the end, in one and many lines */
    char *lua = twee(":: Start\n"
                     "He said \"no\" \\ [[Two->B]]\n"
                     ":: B\n"
                     "line ]] one\nline ]=] two ]\n"
                     ":: C {\"position\":\"1,1\"}\n"
                     "a\nb]=\n",
                     &d, &rc);
    assert_int_equal(rc, 0);
    /* it must load as Lua and give back the same texts */
    char dir[128], path[160];
    snprintf(dir, sizeof dir, "%s/strings", tmpdir);
    assert_int_equal(mkdir(dir, 0777), 0);
    snprintf(path, sizeof path, "%s/story.lua", dir);
    FILE *f = fopen(path, "w");
    fputs(lua, f);
    fclose(f);
    orl_diags ld = {0};
    orl_story *st = orl_story_load(dir, NULL, &ld);
    assert_non_null(st);
    if (ld.errors) { orl_diags_print(&ld, stderr); fputs(lua, stderr); }
    assert_int_equal(ld.errors, 0);
    assert_string_equal(st->scenes[orl_story_find_scene(st, "start")].text, "He said \"no\" \\ Two");
    assert_string_equal(st->scenes[orl_story_find_scene(st, "b")].text, "line ]] one\nline ]=] two ]");
    assert_string_equal(st->scenes[orl_story_find_scene(st, "c")].text, "a\nb]=");
    orl_story_free(st);
    orl_diags_free(&ld);
    orl_diags_free(&d);
    free(lua);
}

static void test_twee_ids_and_specials(void **state)
{
    (void)state;
    orl_diags d = {0};
    int rc;
    char *lua = twee(":: StoryData\n{\"ifid\":\"X\",\"start\":\"Día \\u00fanico\",\"tag-colors\":{\"a\":\"b\"}}\n"
                     ":: Día único [x y]\n[[Día Único]]\n[[día-único]]\n"
                     ":: Día Único\n(if: $a)[hi]\n"
                     ":: día-único\n<span>x</span>\n"
                     ":: Día único\nduplicate\n"
                     ":: Style [stylesheet]\nbody{}\n",
                     &d, &rc);
    assert_int_equal(rc, 0);
    assert_non_null(strstr(lua, "start = \"dia-unico\""));
    assert_non_null(strstr(lua, "scene \"dia-unico-2\""));
    assert_non_null(strstr(lua, "scene \"dia-unico-3\""));
    assert_non_null(strstr(lua, "go = \"dia-unico-2\""));
    assert_non_null(strstr(lua, "go = \"dia-unico-3\""));
    assert_null(strstr(lua, "duplicate"));
    assert_null(strstr(lua, "body{}"));
    /* Harlowe's (if:) and a <span> are converted: a condition, and the tag taken out */
    assert_non_null(strstr(lua, "if T.tr(s.a) then"));
    assert_non_null(strstr(lua, "scene \"dia-unico-3\" {\n  text = \"x\","));
    int dup = 0, style = 0, code = 0;
    for (size_t i = 0; i < d.n; i++) {
        const char *m = d.items[i].msg;
        if (strstr(m, "already a passage") && d.items[i].line == 10) dup = 1;
        if (strstr(m, "stylesheet") && d.items[i].line == 12) style = 1;
        if (strstr(m, "cannot run")) code = 1;
    }
    if (!(dup && style) || code) orl_diags_print(&d, stderr);
    assert_true(dup && style && !code);
    free(lua);
    orl_diags_free(&d);
}

static void test_twee_refuses(void **state)
{
    (void)state;
    orl_diags d = {0};
    int rc;
    char *lua = twee("no passages here\n", &d, &rc);
    assert_int_equal(rc, -1);
    assert_true(d.errors == 1);
    free(lua);
    orl_diags_free(&d);
    orl_buf out = {0};
    rc = orl_twee_convert("t.twee", "a\0b", 3, NULL, &out, NULL, &d);
    assert_int_equal(rc, -1);
    orl_buf_free(&out);
    orl_diags_free(&d);
}

static void test_import_command_passes_check(void **state)
{
    (void)state;
    char dir[128];
    snprintf(dir, sizeof dir, "%s/amal", tmpdir);
    char *argv[] = {"import", "twee", ORL_TEST_DATA "/twee/sample.twee", "-o", dir, NULL};
    assert_int_equal(orl_cmd_import(5, argv), 0);
    int e, w;
    check_folder(dir, &e, &w);
    assert_int_equal(e, 0);
    /* a second time into the same (now full) folder: refused */
    assert_int_equal(orl_cmd_import(5, argv), 2);
}

/* Random Twee-ish input never crashes and, when it converts, always gives a loadable story. */
static void test_twee_random_input(void **state)
{
    (void)state;
    static const char *const pieces[] = {":: ", "A", "B", "Start", "[[", "]]", "->", "<-", "|", "][", "\n", " ",
                                         "[t]", "{\"p\":1}", "\\", "\"", "]", "[", "<<x>>", "(a:)", "$v", "é", "]=]"};
    uint64_t seed = 99;
    for (int round = 0; round < 300; round++) {
        orl_buf in = {0};
        int n = 5 + (int)(seed % 50);
        for (int i = 0; i < n; i++) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            orl_buf_puts(&in, pieces[(seed >> 33) % (sizeof pieces / sizeof *pieces)]);
        }
        orl_diags d = {0};
        orl_buf out = {0};
        int rc = orl_twee_convert("r.twee", in.data, in.len, NULL, &out, NULL, &d);
        if (rc == 0 && round % 10 == 0) {
            char dir[128], path[160];
            snprintf(dir, sizeof dir, "%s/r%d", tmpdir, round);
            assert_int_equal(mkdir(dir, 0777), 0);
            snprintf(path, sizeof path, "%s/story.lua", dir);
            FILE *f = fopen(path, "w");
            fwrite(out.data, 1, out.len, f);
            fclose(f);
            orl_diags ld = {0};
            orl_story *st = orl_story_load(dir, NULL, &ld);
            assert_non_null(st);
            if (ld.errors) { orl_diags_print(&ld, stderr); fwrite(in.data, 1, in.len, stderr); }
            assert_int_equal(ld.errors, 0);
            orl_story_free(st);
            orl_diags_free(&ld);
        }
        orl_buf_free(&out);
        orl_buf_free(&in);
        orl_diags_free(&d);
    }
}

static void test_image_size(void **state)
{
    (void)state;
    unsigned w = 0, h = 0;
    const unsigned char png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                                 0, 0, 0x07, 0x80, 0, 0, 0x04, 0x38, 8, 2, 0, 0, 0};
    assert_int_equal(orl_image_size(png, sizeof png, &w, &h), 1);
    assert_int_equal(w, 1920);
    assert_int_equal(h, 1080);
    assert_int_equal(orl_image_size(png, 20, &w, &h), 0); /* cut short */
    const unsigned char jpg[] = {0xFF, 0xD8, 0xFF, 0xE1, 0, 4, 'x', 'x', 0xFF, 0xFF, 0xC2, 0, 11, 8, 0x0F, 0xA0,
                                 0x17, 0x70, 3, 1, 0x11, 0};
    assert_int_equal(orl_image_size(jpg, sizeof jpg, &w, &h), 1);
    assert_int_equal(w, 6000);
    assert_int_equal(h, 4000);
    const unsigned char bad[] = {0xFF, 0xD8, 0xFF, 0xE0, 0, 1};
    assert_int_equal(orl_image_size(bad, sizeof bad, &w, &h), -1);
    assert_int_equal(orl_image_size((const unsigned char *)"GIF89a", 6, &w, &h), 0);
}

/* The walk of `check` gets fewer states a scene as stories grow, never too few for a story
 * without state; and it stops as soon as every conditional choice has been seen, even in a
 * story whose states never end (a counter), so such a story is not "truncated". */
static void test_lint_walk_bound(void **state)
{
    (void)state;
    assert_int_equal(orl_lint_walk_states(10), ORL_LINT_WALK_STATES);
    assert_int_equal(orl_lint_walk_states(40), ORL_LINT_WALK_STATES);
    assert_int_equal(orl_lint_walk_states(1000), 2100);
    assert_int_equal(orl_lint_walk_states(10000), 20100);
    assert_true(orl_lint_walk_states(0) > 0);

    char dir[128], path[160];
    snprintf(dir, sizeof dir, "%s/counter", tmpdir);
    assert_int_equal(mkdir(dir, 0755), 0);
    snprintf(path, sizeof path, "%s/story.lua", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("story { id = \"c\", title = \"C\", language = \"en\", start = \"a\" }\n"
          "scene \"a\" { on_enter = function(s) s.n = (s.n or 0) + 1 end, text = \"A\",\n"
          "  choices = { { text = \"to b\", go = \"b\" },\n"
          "              { text = \"even\", go = \"b\", when = function(s) return s.n % 2 == 0 end } } }\n"
          "scene \"b\" { text = \"B\", choices = { { text = \"back\", go = \"a\" },\n"
          "  { text = \"end\", go = \"z\", when = function(s) return s.n > 3 end } } }\n"
          "scene \"z\" { text = \"Z\", ending = true }\n", f);
    fclose(f);
    orl_diags d = {0};
    orl_story *st = orl_story_load(dir, NULL, &d);
    assert_non_null(st);
    assert_int_equal(d.errors, 0);
    orl_walk_opts o = {0};
    o.max_states = 1000;
    o.until_all_shown = 1;
    orl_walk_result res;
    assert_int_equal(orl_walk(st, &o, &res, &d), 0);
    assert_true(res.stopped_early);
    assert_false(res.truncated);
    assert_true(res.states < 20);
    orl_walk_result_free(&res);
    /* without it, the counter makes the walk run into its bound */
    o.until_all_shown = 0;
    assert_int_equal(orl_walk(st, &o, &res, &d), 0);
    assert_false(res.stopped_early);
    assert_true(res.truncated);
    orl_walk_result_free(&res);
    assert_int_equal(d.warnings, 0);
    orl_diags_free(&d);
    orl_story_free(st);
}

static void test_dot_escape(void **state)
{
    (void)state;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    orl_dot_escape(f, "a \"q\" \\ b\nc\td\x01é");
    fclose(f);
    assert_string_equal(buf, "a \\\"q\\\" \\\\ b\\nc dé");
    free(buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_story_passes_check),
        cmocka_unit_test(test_new_story_testimony_example_works),
        cmocka_unit_test(test_slug),
        cmocka_unit_test(test_twee_links),
        cmocka_unit_test(test_twee_lua_strings_cannot_break),
        cmocka_unit_test(test_twee_ids_and_specials),
        cmocka_unit_test(test_twee_refuses),
        cmocka_unit_test(test_import_command_passes_check),
        cmocka_unit_test(test_twee_random_input),
        cmocka_unit_test(test_image_size),
        cmocka_unit_test(test_dot_escape),
        cmocka_unit_test(test_lint_walk_bound),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
