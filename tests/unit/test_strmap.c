/* core/strmap: the string -> int map used for id lookups; and core/strutil helpers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strmap.h"
#include "core/strutil.h"

static void test_empty(void **state)
{
    (void)state;
    orl_strmap m = {0};
    assert_int_equal(orl_strmap_get(&m, "anything"), -1);
    assert_int_equal(orl_strmap_get(&m, ""), -1);
    orl_strmap_free(&m);
    orl_strmap_free(&m);
}

static void test_put_get_replace(void **state)
{
    (void)state;
    orl_strmap m = {0};
    assert_int_equal(orl_strmap_put(&m, "ana-1", 0), 0);
    assert_int_equal(orl_strmap_put(&m, "ana-2", 1), 0);
    assert_int_equal(orl_strmap_put(&m, "", 7), 0); /* the empty string is a key too */
    assert_int_equal(orl_strmap_get(&m, "ana-1"), 0);
    assert_int_equal(orl_strmap_get(&m, "ana-2"), 1);
    assert_int_equal(orl_strmap_get(&m, ""), 7);
    assert_int_equal(orl_strmap_get(&m, "ana-3"), -1);
    assert_int_equal(orl_strmap_get(&m, "ana"), -1);
    assert_int_equal(m.n, 3);
    assert_int_equal(orl_strmap_put(&m, "ana-1", 42), 0);
    assert_int_equal(orl_strmap_get(&m, "ana-1"), 42);
    assert_int_equal(m.n, 3);
    /* lookups compare contents, not pointers */
    char key[] = "ana-2";
    assert_int_equal(orl_strmap_get(&m, key), 1);
    orl_strmap_free(&m);
    assert_int_equal(m.n, 0);
    assert_int_equal(orl_strmap_get(&m, "ana-1"), -1);
}

static void test_many_keys(void **state)
{
    (void)state;
    enum { N = 20000 };
    char **keys = calloc(N, sizeof *keys);
    assert_non_null(keys);
    orl_strmap m = {0};
    for (int i = 0; i < N; i++) {
        keys[i] = orl_format("scene-%d", i);
        assert_non_null(keys[i]);
        assert_int_equal(orl_strmap_put(&m, keys[i], i), 0);
    }
    assert_int_equal(m.n, N);
    assert_true(m.cap >= 2 * (size_t)N);
    for (int i = 0; i < N; i++) assert_int_equal(orl_strmap_get(&m, keys[i]), i);
    assert_int_equal(orl_strmap_get(&m, "scene-20000"), -1);
    assert_int_equal(orl_strmap_get(&m, "scene-"), -1);
    orl_strmap_free(&m);
    for (int i = 0; i < N; i++) free(keys[i]);
    free(keys);
}

static void test_hash(void **state)
{
    (void)state;
    uint64_t a = orl_hash_bytes("abc", 3, 0);
    assert_true(a == orl_hash_bytes("abc", 3, 0));
    assert_true(a != orl_hash_bytes("abd", 3, 0));
    assert_true(a != orl_hash_bytes("abc", 3, 1));
    assert_true(orl_hash_bytes("", 0, 0) == orl_hash_bytes(NULL, 0, 0));
}

static void test_strutil(void **state)
{
    (void)state;
    char *s = orl_strdup("hola");
    assert_string_equal(s, "hola");
    free(s);
    assert_null(orl_strdup(NULL));
    s = orl_strndup("hola mundo", 4);
    assert_string_equal(s, "hola");
    free(s);
    s = orl_format("%s:%d: %s", "story.lua", 12, "x");
    assert_string_equal(s, "story.lua:12: x");
    free(s);

    assert_int_equal(orl_edit_distance("backgrund", "background", 3), 1);
    assert_int_equal(orl_edit_distance("ana-2", "ana-22", 3), 1);
    assert_int_equal(orl_edit_distance("same", "same", 3), 0);
    assert_int_equal(orl_edit_distance("", "abc", 9), 3);
    assert_int_equal(orl_edit_distance("choices", "zzzzzzzzzz", 3), 3); /* capped */
    char longer[100];
    memset(longer, 'a', 99);
    longer[99] = 0;
    assert_int_equal(orl_edit_distance(longer, longer, 3), 3); /* >64: not compared, cap */
    /* did-you-mean: the nearest under the cap, the first of equals, none when all are far */
    orl_nearest n;
    orl_nearest_init(&n, "ana-2", 3);
    static const char *const ids[] = {"luis-1", "ana-22", "ana-3", "ana-2x"};
    for (int i = 0; i < 4; i++) orl_nearest_try(&n, ids[i]);
    assert_string_equal(n.best, "ana-22");
    assert_int_equal(n.d, 1);
    orl_nearest_init(&n, "zzzz", 3);
    for (int i = 0; i < 4; i++) orl_nearest_try(&n, ids[i]);
    assert_null(n.best);

    orl_buf b = {0};
    orl_buf_puts(&b, "a");
    orl_buf_printf(&b, "%d", 12345);
    orl_buf_put(&b, "xyz", 2);
    assert_string_equal(b.data, "a12345xy");
    assert_int_equal(b.len, 8);
    for (int i = 0; i < 1000; i++) orl_buf_puts(&b, "0123456789");
    assert_int_equal(b.len, 10008);
    assert_int_equal(b.oom, 0);
    orl_buf_free(&b);
    assert_null(b.data);
    assert_int_equal(b.len, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_put_get_replace),
        cmocka_unit_test(test_many_keys),
        cmocka_unit_test(test_hash),
        cmocka_unit_test(test_strutil),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
