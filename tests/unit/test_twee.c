/* The Twine importer's converter: expressions and assignments into Lua (twee_expr.c), and
 * whole passages of each format converted, loaded and played through the same run API as
 * `orilla text`, so what a reader sees and which choices are offered are checked, not the
 * Lua's spelling. Also: nothing of the input reaches story.lua as code. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "story/run.h"
#include "story/story.h"
#include "story/twee.h"
#include "story/twee_internal.h"
#include "tmpdir.h"

static int setup(void **state) { (void)state; return tmpdir_make("orl-twee", NULL); }
static int teardown(void **state) { (void)state; tmpdir_remove(); return 0; }

/* ---------- expressions ---------- */

static char *expr_of(tw_format f, const char *src, int cond)
{
    tw_xctx x = {f, "Here", NULL, 0};
    orl_buf b = {0};
    char why[120];
    int rc = cond ? tw_cond(&x, src, strlen(src), &b, why, sizeof why) : tw_expr(&x, src, strlen(src), &b, why, sizeof why);
    if (rc != 0) { orl_buf_free(&b); return NULL; }
    orl_buf_put(&b, "", 1);
    return b.data;
}

static void expect_expr(tw_format f, const char *src, int cond, const char *lua)
{
    char *got = expr_of(f, src, cond);
    if (!got || strcmp(got, lua) != 0) fprintf(stderr, "%s -> %s (expected %s)\n", src, got ? got : "(refused)", lua);
    assert_non_null(got);
    assert_string_equal(got, lua);
    free(got);
}

static void expect_refused(tw_format f, const char *src)
{
    char *got = expr_of(f, src, 1);
    if (got) fprintf(stderr, "%s -> %s (expected a refusal)\n", src, got);
    assert_null(got);
}

static void test_harlowe_expressions(void **state)
{
    (void)state;
    expect_expr(TW_HARLOWE, "$key is true", 1, "T.eq(s.key, true)");
    expect_expr(TW_HARLOWE, "$n is not 3", 1, "(not T.eq(s.n, 3))");
    expect_expr(TW_HARLOWE, "$n >= 2 and $n < 5", 1, "(T.le(2, s.n) and T.lt(s.n, 5))");
    expect_expr(TW_HARLOWE, "$n > 2 and < 5", 1, "(T.lt(2, s.n) and T.lt(s.n, 5))"); /* elided */
    expect_expr(TW_HARLOWE, "_p is >= 6", 1, "T.le(6, s[\"_p\"])");
    expect_expr(TW_HARLOWE, "not $a or $b", 1, "((not T.tr(s.a)) or T.tr(s.b))");
    expect_expr(TW_HARLOWE, "$bag contains \"key\"", 1, "T.has(s.bag, \"key\")");
    expect_expr(TW_HARLOWE, "\"key\" is in $bag", 1, "T.has(s.bag, \"key\")");
    expect_expr(TW_HARLOWE, "(history:) contains \"Cave\"", 1, "(T.visits(s, \"Cave\") > 0)");
    expect_expr(TW_HARLOWE, "(visited: \"Cave\")", 1, "(T.visits(s, \"Cave\") > 0)");
    expect_expr(TW_HARLOWE, "visits", 0, "T.visits(s, \"Here\")");
    expect_expr(TW_HARLOWE, "$a + 2 * $b", 0, "T.add(s.a, (T.n(2) * T.n(s.b)))");
    expect_expr(TW_HARLOWE, "(random: 1, 6)", 0, "T.random(1, 6)");
    expect_expr(TW_HARLOWE, "(either: \"a\", 'b')", 0, "T.either({\"a\", \"b\"})");
    expect_expr(TW_HARLOWE, "(a: 1, 2)", 0, "{1, 2}");
    expect_expr(TW_HARLOWE, "$list's length", 0, "T.len(s.list)");
    expect_expr(TW_HARLOWE, "$end", 0, "s[\"end\"]"); /* a Lua keyword as a name */
    expect_refused(TW_HARLOWE, "$a's 1st");
    expect_refused(TW_HARLOWE, "(dm: \"a\", 1)");
    expect_refused(TW_HARLOWE, "$a is");
    expect_refused(TW_HARLOWE, "it + 1"); /* 'it' outside (set:) */
}

static void test_sugarcube_expressions(void **state)
{
    (void)state;
    expect_expr(TW_SUGARCUBE, "$x eq 1", 1, "T.eq(s.x, 1)");
    expect_expr(TW_SUGARCUBE, "$x === 'a' && !$y", 1, "(T.eq(s.x, \"a\") and (not T.tr(s.y)))");
    expect_expr(TW_SUGARCUBE, "$gold gte 10 || $friend", 1, "(T.le(10, s.gold) or T.tr(s.friend))");
    expect_expr(TW_SUGARCUBE, "$x", 1, "T.tr(s.x)");
    expect_expr(TW_SUGARCUBE, "visited()", 0, "T.visits(s, \"Here\")");
    expect_expr(TW_SUGARCUBE, "visited(\"Port\") > 1", 1, "T.lt(1, T.visits(s, \"Port\"))");
    expect_expr(TW_SUGARCUBE, "random(1, 4)", 0, "T.random(1, 4)");
    expect_expr(TW_SUGARCUBE, "Math.floor($x / 2)", 0, "math.floor(T.n((T.n(s.x) / T.n(2))))");
    expect_expr(TW_SUGARCUBE, "$s.length", 0, "T.len(s.s)");
    expect_expr(TW_SUGARCUBE, "\"a \\\"quoted\\\" ]] word\"", 0, "\"a \\\"quoted\\\" ]] word\"");
    expect_expr(TW_SUGARCUBE, "_t + 1", 0, "T.add(s[\"_t\"], 1)");
    expect_refused(TW_SUGARCUBE, "$x.push(1)");
    expect_refused(TW_SUGARCUBE, "os.execute('rm')");
    expect_refused(TW_SUGARCUBE, "$x ? 1 : 2");
    expect_refused(TW_SUGARCUBE, "\"unclosed");
    expect_expr(TW_CHAPBOOK, "key == true", 1, "T.eq(s.key, true)");
    expect_expr(TW_CHAPBOOK, "health > 0 && !dead", 1, "(T.lt(0, s.health) and (not T.tr(s.dead)))");
    expect_expr(TW_SNOWMAN, "!s.chestOpen", 1, "(not T.tr(s.chestOpen))");
}

static void test_assignments(void **state)
{
    (void)state;
    tw_xctx x = {TW_HARLOWE, "P", NULL, 0};
    orl_buf b = {0};
    char why[120];
    const char *set = "$fuel to it - 1, _n to (random: 1, 3)";
    assert_int_equal(tw_assign(&x, set, strlen(set), 0, "", &b, why, sizeof why), 0);
    const char *put = "5 into $gold";
    assert_int_equal(tw_assign(&x, put, strlen(put), 1, "  ", &b, why, sizeof why), 0);
    x.f = TW_SUGARCUBE;
    const char *sc = "$a to 1; $b += \"x\", $c++, $d -= 2";
    assert_int_equal(tw_assign(&x, sc, strlen(sc), 0, "", &b, why, sizeof why), 0);
    x.f = TW_CHAPBOOK;
    const char *cb = "key: false";
    assert_int_equal(tw_assign(&x, cb, strlen(cb), 0, "", &b, why, sizeof why), 0);
    orl_buf_put(&b, "", 1);
    assert_string_equal(b.data, "s.fuel = (T.n(s.fuel) - T.n(1))\n"
                                "s[\"_n\"] = T.random(1, 3)\n"
                                "  s.gold = 5\n"
                                "s.a = 1\n"
                                "s.b = T.add(s.b, \"x\")\n"
                                "s.c = T.n(s.c) + 1\n"
                                "s.d = T.n(s.d) - T.n(2)\n"
                                "s.key = false\n");
    orl_buf_free(&b);
    /* refused: a target that is not a variable, code after the value */
    x.f = TW_SUGARCUBE;
    const char *bad1 = "window.x to 1", *bad2 = "$a to 1 $b to 2", *bad3 = "$a to 1); os.exit(";
    assert_int_equal(tw_assign(&x, bad1, strlen(bad1), 0, "", &b, why, sizeof why), -1);
    assert_int_equal(tw_assign(&x, bad2, strlen(bad2), 0, "", &b, why, sizeof why), -1);
    assert_int_equal(tw_assign(&x, bad3, strlen(bad3), 0, "", &b, why, sizeof why), -1);
    assert_null(b.data);
}

/* ---------- whole stories, converted and played ---------- */

typedef struct played {
    orl_story *st;
    orl_run *r;
    orl_diags d;
} played;

static int nstory;

/* Converts src, writes story.lua, loads it (no errors allowed) and starts a playthrough. */
static void play(played *p, const char *src, orl_diags *imp)
{
    orl_buf out = {0};
    orl_twee_opts o = {"en", "t.twee"};
    orl_diags own = {0};
    if (!imp) imp = &own;
    assert_int_equal(orl_twee_convert("t.twee", src, strlen(src), &o, &out, NULL, imp), 0);
    char dir[300], path[330];
    snprintf(dir, sizeof dir, "%s/s%d", tmpdir, nstory++);
    assert_int_equal(mkdir(dir, 0777), 0);
    snprintf(path, sizeof path, "%s/story.lua", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fwrite(out.data, 1, out.len, f);
    fclose(f);
    memset(p, 0, sizeof *p);
    p->st = orl_story_load(dir, NULL, &p->d);
    if (!p->st || p->d.errors) { orl_diags_print(&p->d, stderr); fwrite(out.data, 1, out.len, stderr); }
    assert_non_null(p->st);
    assert_int_equal(p->d.errors, 0);
    orl_buf_free(&out);
    orl_diags_free(&own);
    p->r = orl_run_new(p->st);
    assert_int_equal(orl_run_start(p->r, &p->d), 0);
}

static void expect_text(played *p, const char *want)
{
    char *t = orl_run_scene_text(p->r, &p->d);
    if (strcmp(t, want) != 0) fprintf(stderr, "text: [%s]\nwant: [%s]\n", t, want);
    assert_string_equal(t, want);
    free(t);
}

/* the visible choices' texts, joined with '|' */
static void expect_choices(played *p, const char *want)
{
    int idx[64];
    int n = orl_run_visible(p->r, idx, 64, &p->d);
    assert_true(n >= 0);
    orl_buf b = {0};
    for (int i = 0; i < n; i++) {
        char *t = orl_run_choice_text(p->r, idx[i], &p->d);
        if (i) orl_buf_puts(&b, "|");
        orl_buf_puts(&b, t);
        free(t);
    }
    orl_buf_put(&b, "", 1);
    if (strcmp(b.data, want) != 0) fprintf(stderr, "choices: [%s]\nwant:    [%s]\n", b.data, want);
    assert_string_equal(b.data, want);
    orl_buf_free(&b);
}

static void choose(played *p, int visible_index)
{
    int idx[64];
    int n = orl_run_visible(p->r, idx, 64, &p->d);
    assert_true(visible_index < n);
    assert_int_equal(orl_run_choose(p->r, idx[visible_index], &p->d), 0);
}

static void done(played *p)
{
    assert_int_equal(p->d.errors, 0);
    orl_run_free(p->r);
    orl_story_free(p->st);
    orl_diags_free(&p->d);
}

static void test_harlowe_plays(void **state)
{
    (void)state;
    played p;
    play(&p,
         ":: StoryData\n{\"format\":\"Harlowe\",\"start\":\"Start\"}\n"
         ":: Start\n"
         "(set: $key to false)(set: $n to 2)\n"
         "''Rooms'' and //halls//: $n &amp; more.<br>Second line\n"
         "* [[Hall]]\n"
         "(link-goto: \"The cellar\", \"Cellar\")\n"
         ":: Hall\n"
         "(if: $key is true)[The door is open. [[Leave->Out]]]\n"
         "(else-if: $n > 1)[Locked.(link: \"Take the key\")[(set: $key to true)(go-to: \"Hall\")]]\n"
         "(else:)[Nothing.]\n"
         "(print: $n + 1) doors.\n"
         ":: Cellar\n(if: $n < 5)[(go-to: \"Out\")]\nDark. [[Start]]\n"
         ":: Out\nThe end.\n",
         NULL);
    expect_text(&p, "Rooms and halls: 2 & more.\nSecond line");
    expect_choices(&p, "Hall|The cellar"); /* the list's link once, as a choice */
    choose(&p, 0);
    expect_text(&p, "Locked.\n3 doors.");
    expect_choices(&p, "Take the key");
    choose(&p, 0);
    expect_text(&p, "The door is open.\n3 doors."); /* a link ending its line: a choice only */
    expect_choices(&p, "Leave");
    choose(&p, 0);
    expect_text(&p, "The end.");
    done(&p);
    /* a (go-to:) taken at once: the passage's other links are not offered */
    play(&p, ":: StoryData\n{\"format\":\"Harlowe\",\"start\":\"Cellar\"}\n"
             ":: Cellar\n(set: $n to 2)(if: $n < 5)[(go-to: \"Out\")]\nDark. [[Cellar]]\n:: Out\nEnd.\n", NULL);
    expect_choices(&p, "Continue");
    done(&p);
}

static void test_text_reads_before_changes(void **state)
{
    (void)state;
    /* the text shows what the passage read before it changed it, as Twine shows it */
    played p;
    play(&p,
         ":: StoryData\n{\"format\":\"Harlowe\",\"start\":\"A\"}\n"
         ":: A\n(if: $seen is not true)[First time.](else:)[Again.]\n"
         "Fuel: $fuel\n(set: $seen to true)(set: $fuel to it - 1)\nNow $fuel.\n"
         "(if: $fuel > -2)[[[A]]]\n",
         NULL);
    expect_text(&p, "First time.\nFuel:\nNow -1.");
    expect_choices(&p, "A");
    choose(&p, 0);
    expect_text(&p, "Again.\nFuel: -1\nNow -2.");
    expect_choices(&p, "");
    done(&p);
}

static void test_sugarcube_plays(void **state)
{
    (void)state;
    played p;
    play(&p,
         ":: StoryData\n{\"format\":\"SugarCube\",\"start\":\"Start\"}\n"
         ":: StoryInit\n<<set $gold to 5>><<set $name to \"Ana\">>\n"
         ":: Start\n"
         "<<if $gold gte 10>>Rich.<<elseif $gold gt 0>>$name has <<print $gold>> coins.<<else>>Poor.<</if>>\n"
         "<<link \"Work\">><<set $gold += 10>><<goto \"Start\">><</link>>\n"
         "[[Spend|Shop][$gold to 0]]\n"
         "<<nobr>>\nno\nbreaks\n<</nobr>>\n"
         ":: Shop\n<<if $gold eq 0>>Empty pockets.<</if>> <!-- a comment -->/* another */\n",
         NULL);
    expect_text(&p, "Ana has 5 coins.\nno breaks");
    expect_choices(&p, "Work|Spend");
    choose(&p, 0);
    expect_text(&p, "Rich.\nno breaks");
    choose(&p, 1);
    expect_text(&p, "Empty pockets.");
    done(&p);
}

static void test_chapbook_and_snowman_play(void **state)
{
    (void)state;
    played p;
    play(&p,
         ":: StoryData\n{\"format\":\"Chapbook\",\"start\":\"Start\"}\n"
         ":: Start\nkey: false\ncount: 3\n--\n"
         "You have {count} **coins**.\n"
         "[if key]\nOpen door. [[Out]]\n[else]\n_Locked._\n[continue]\n"
         "{link to: 'Take', label: 'Take the key'}\n"
         ":: Take\nkey: true\n--\nTaken. [[Start]]\n"
         ":: Out\nFree.\n",
         NULL);
    expect_text(&p, "You have 3 coins.\nLocked.");
    expect_choices(&p, "Take the key");
    done(&p);
    play(&p,
         ":: StoryData\n{\"format\":\"Snowman\",\"start\":\"Start\"}\n"
         ":: Start\n<% s.open = false %>[[Hall]]\n"
         ":: Hall\n<% if (!s.open) { %>\nClosed.\n<% } else { %>\nOpen.\n<% } %>\n"
         "# A title\n[a site](https://example.org) <%= s.open %>\n",
         NULL);
    choose(&p, 0);
    expect_text(&p, "Closed.\nA title\na site false");
    done(&p);
}

static void test_nothing_reaches_lua_as_code(void **state)
{
    (void)state;
    /* names, strings and texts that would end a Lua string or statement if pasted */
    played p;
    orl_diags d = {0};
    play(&p,
         ":: StoryData\n{\"format\":\"SugarCube\",\"start\":\"A\\\"]] end\"}\n"
         ":: A\"]] end\n"
         "<<set $x to \"]] end os.exit() --[[\">>\n"
         "<<set $y to \"\\\\\" + ']==]'>>\n"
         "<<print $x>> <<print $y>><<if $x is \"a\" ) or os.execute(\"x\") -- \">>never<</if>>\n"
         "<<set $z to 1); os.exit(>>\n"
         "Text ]==] with \\\" quotes.\n",
         &d);
    expect_text(&p, "]] end os.exit() --[[ \\]==]\nText ]] with \\\" quotes."); /* == is SugarCube's strike-through */
    done(&p);
    /* what could not be read is named once, at the passage's line, not pasted */
    int named = 0;
    for (size_t i = 0; i < d.n; i++)
        if (strstr(d.items[i].msg, "<<if>> with a condition it cannot read") && strstr(d.items[i].msg, "<<set>> it cannot read") &&
            d.items[i].line == 3)
            named++;
    if (named != 1) orl_diags_print(&d, stderr);
    assert_int_equal(named, 1);
    orl_diags_free(&d);
}

static void test_html_input(void **state)
{
    (void)state;
    played p;
    play(&p,
         "<html><body><tw-storydata name=\"Casa &amp; mar\" startnode=\"2\" format=\"Harlowe\" format-version=\"3.3.8\">"
         "<style type=\"text/twine-css\">body{}</style><script type=\"text/twine-javascript\">x()</script>"
         "<tw-passagedata pid=\"1\" name=\"Fin\" tags=\"\">Llegas &amp;lt;por fin&amp;gt; <b>hoy</b>.</tw-passagedata>"
         "<tw-passagedata pid=\"2\" name=\"Inicio\" tags=\"\">(set: $a to &quot;sí&quot;)$a, &amp;amp;\n[[Fin]]"
         "</tw-passagedata></tw-storydata></body></html>",
         NULL);
    expect_text(&p, "sí, &");
    assert_string_equal(p.st->title, "Casa & mar");
    choose(&p, 0);
    expect_text(&p, "Llegas <por fin> hoy."); /* the passage's own HTML goes, its &lt; is a < */
    done(&p);
}

static void test_language_guess(void **state)
{
    (void)state;
    orl_buf out = {0};
    orl_diags d = {0};
    orl_twee_stats st;
    orl_twee_opts o = {NULL, "t.twee"};
    const char *es = ":: Inicio\nCuando llegamos a la frontera, no había nadie. Esperamos con los niños porque "
                     "el bus no venía y la noche era muy fría.\n";
    assert_int_equal(orl_twee_convert("t.twee", es, strlen(es), &o, &out, &st, &d), 0);
    assert_string_equal(st.lang_guess, "es");
    orl_buf_put(&out, "", 1);
    assert_non_null(strstr(out.data, "language = \"es\""));
    orl_buf_free(&out);
    const char *fr = ":: Début\nQuand nous sommes arrivés à la frontière, il n'y avait personne pour nous, et "
                     "elle avait froid dans le bus avec les enfants.\n";
    assert_int_equal(orl_twee_convert("t.twee", fr, strlen(fr), &o, &out, &st, &d), 0);
    assert_string_equal(st.lang_guess, "fr");
    orl_buf_free(&out);
    const char *code = ":: A\n<<set $the to 1>><<if $and is $of>>x<</if>>\n";
    assert_int_equal(orl_twee_convert("t.twee", code, strlen(code), &o, &out, &st, &d), 0);
    assert_null(st.lang_guess); /* code's words are not the story's language */
    orl_buf_free(&out);
    orl_diags_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_harlowe_expressions),
        cmocka_unit_test(test_sugarcube_expressions),
        cmocka_unit_test(test_assignments),
        cmocka_unit_test(test_harlowe_plays),
        cmocka_unit_test(test_text_reads_before_changes),
        cmocka_unit_test(test_sugarcube_plays),
        cmocka_unit_test(test_chapbook_and_snowman_play),
        cmocka_unit_test(test_nothing_reaches_lua_as_code),
        cmocka_unit_test(test_html_input),
        cmocka_unit_test(test_language_guess),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
