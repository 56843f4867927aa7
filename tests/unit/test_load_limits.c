/* Loading a story after story.lua has run (issue #21, classes 3 and 4): every step bounded,
 * repeated messages capped, totals capped. Each hostile story is made by a few lines of Lua
 * (or written here), loaded in a child process with 512 MB of address space (not under the
 * sanitizers, which reserve terabytes of it), and must end with its message. No test
 * asserts on time; a hang shows as the test's timeout. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/limits.h"
#include "script/sandbox.h"
#include "story/story.h"
#include "tmpdir.h"

#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZED 1
#endif
#endif
#ifndef SANITIZED
#define SANITIZED 0
#endif

static int setup(void **state) { (void)state; return tmpdir_make("orl-load-limits", NULL); }
static int teardown(void **state) { (void)state; tmpdir_remove(); return 0; }

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

static const char *story_dir(const char *name, const char *story_lua)
{
    const char *dir = tpath(name);
    char cmd[700];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s'", dir);
    assert_int_equal(system(cmd), 0);
    char path[700];
    snprintf(path, sizeof path, "%s/story.lua", dir);
    if (story_lua) write_text(path, story_lua);
    return dir;
}

/* What a child found, for the parent to check. */
typedef struct found {
    int errors, kept;       /* d.errors, d.n */
    long more;              /* messages counted past ORL_MAX_DIAGS_PER_CODE */
    int has_code;           /* a message with the wanted code */
    size_t lua_limit;       /* the story's Lua memory cap */
} found;

/* Loads dir in a child with 512 MB of address space; the child must end normally. */
static found load_in_child(const char *dir, const char *code)
{
    int fd[2];
    assert_int_equal(pipe(fd), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(fd[0]);
        if (!SANITIZED) {
            struct rlimit rl = {512ul << 20, 512ul << 20};
            setrlimit(RLIMIT_AS, &rl);
        }
        found f = {0};
        orl_diags d = {0};
        orl_story *st = orl_story_load(dir, NULL, &d);
        f.errors = d.errors;
        f.kept = (int)d.n;
        for (size_t i = 0; i < d.nkinds; i++) f.more += d.kinds[i].more;
        for (size_t i = 0; i < d.n; i++)
            if (strcmp(d.items[i].code, code) == 0) f.has_code = 1;
        if (st) f.lua_limit = orl_script_memory_limit(st->script);
        if (!f.has_code)
            for (size_t i = 0; i < d.n && i < 5; i++) fprintf(stderr, "  %s: %s\n", d.items[i].code, d.items[i].msg);
        orl_story_free(st);
        orl_diags_free(&d);
        ssize_t w = write(fd[1], &f, sizeof f);
        _exit(w == (ssize_t)sizeof f ? 0 : 3);
    }
    close(fd[1]);
    found f = {0};
    ssize_t r = read(fd[0], &f, sizeof f);
    close(fd[0]);
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        fail_msg("loading %s: the child ended with status %d (signal %d)", dir, WEXITSTATUS(status),
                 WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    assert_int_equal(r, (ssize_t)sizeof f);
    return f;
}

/* 20,000 scenes of 20 choices to a missing scene: 400,000 messages, each with a search of
 * every scene for a did-you-mean (4,000 scenes took 24 s; 1.28 million lines printed). */
static void many_unknown_targets(void **state)
{
    (void)state;
    const char *dir = story_dir("many-missing",
        "story { id = \"m\", title = \"m\", language = \"en\", start = \"s1\" }\n"
        "for i = 1, 20000 do\n"
        "  local ch = {}\n"
        "  for j = 1, 20 do ch[j] = { text = \"go\", go = \"missing-\" .. j } end\n"
        "  scene (\"s\" .. i) { text = \"x\", choices = ch }\n"
        "end\n");
    found f = load_in_child(dir, "unknown-go");
    assert_true(f.has_code);
    assert_int_equal(f.errors, 400000);
    assert_true(f.kept <= 3 * ORL_MAX_DIAGS_PER_CODE);
    assert_true(f.more >= 400000 - ORL_MAX_DIAGS_PER_CODE);
}

/* Scenes made in a loop on one line, their choices' `go` not written as text, 2,000 long
 * comment lines below: each choice's line search read ~8 MB (40 scenes, 20 s). */
static void field_line_search_bounded(void **state)
{
    (void)state;
    const char *dir = story_dir("field-line", NULL);
    char path[700];
    snprintf(path, sizeof path, "%s/story.lua", dir);
    FILE *out = fopen(path, "w");
    assert_non_null(out);
    fputs("story { id = \"f\", title = \"f\", language = \"en\", start = \"s1\" }\n"
          "for i = 1, 40 do local ch = {} for j = 1, 64 do ch[j] = { text = \"go\", go = \"s\" .. "
          "((i % 40) + 1), bogus = 1 } end scene (\"s\" .. i) { text = \"x\", choices = ch } end\n", out);
    char line[4003];
    memset(line, 'c', sizeof line);
    line[0] = line[1] = '-';
    line[sizeof line - 1] = '\n';
    for (int k = 0; k < 2000; k++) fwrite(line, 1, sizeof line, out);
    assert_int_equal(fclose(out), 0);
    found f = load_in_child(dir, "unknown-field");
    assert_true(f.has_code);
    assert_int_equal(f.errors, 40 * 64);
}

/* One list of 64 choices given to 20,000 scenes: 1.28 million choices in C, 200 MB from a
 * 200-byte story. Capped at ORL_MAX_STORY_CHOICES, with a message. */
static void shared_choices_capped(void **state)
{
    (void)state;
    const char *dir = story_dir("shared-choices",
        "story { id = \"c\", title = \"c\", language = \"en\", start = \"s1\" }\n"
        "local ch = {}\n"
        "for j = 1, 64 do ch[j] = { text = \"go\", go = \"s1\" } end\n"
        "for i = 1, 20000 do scene (\"s\" .. i) { text = \"x\", choices = ch } end\n");
    found f = load_in_child(dir, "too-many-choices");
    assert_true(f.has_code);
}

/* One 60 KB text given to 4,000 scenes: 240 MB of copies. Capped at ORL_MAX_STORY_TEXT_BYTES. */
static void shared_text_capped(void **state)
{
    (void)state;
    const char *dir = story_dir("shared-text",
        "story { id = \"t\", title = \"t\", language = \"en\", start = \"s1\" }\n"
        "local long = string.rep(\"palabra \", 7500)\n"
        "for i = 1, 4000 do scene (\"s\" .. i) { text = long, ending = true } end\n");
    found f = load_in_child(dir, "too-much-text");
    assert_true(f.has_code);
}

/* Comments do not grow the Lua memory cap (three files of 100 MB of comments grew it to
 * 2.4 GB); code does, up to ORL_LUA_MEMORY_MAX. */
static void comments_do_not_grow_memory(void **state)
{
    (void)state;
    const char *dir = story_dir("comments",
        "story { id = \"k\", title = \"k\", language = \"en\", start = \"a\" }\n"
        "include \"notes.lua\"\n"
        "scene \"a\" { text = \"x\", ending = true }\n");
    char path[700];
    snprintf(path, sizeof path, "%s/notes.lua", dir);
    FILE *out = fopen(path, "w");
    assert_non_null(out);
    char line[1001];
    memset(line, ' ', sizeof line);
    memcpy(line, "-- ", 3);
    line[sizeof line - 1] = '\n';
    for (int k = 0; k < 10000; k++) fwrite(line, 1, sizeof line, out); /* 10 MB */
    fputs("--[==[ a long\n comment ]] still ]==]\n", out);
    assert_int_equal(fclose(out), 0);
    found f = load_in_child(dir, "none");
    assert_int_equal(f.errors, 0);
    assert_true(f.lua_limit < ORL_LUA_MEMORY_DEFAULT + (1u << 20));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(many_unknown_targets),
        cmocka_unit_test(field_line_search_bounded),
        cmocka_unit_test(shared_choices_capped),
        cmocka_unit_test(shared_text_capped),
        cmocka_unit_test(comments_do_not_grow_memory),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
