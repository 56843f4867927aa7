/* A string -> int map (open addressing). Keys are borrowed: they must outlive the map. */
#ifndef ORL_STRMAP_H
#define ORL_STRMAP_H
#include <stddef.h>
#include <stdint.h>

typedef struct orl_strmap {
    const char **keys;
    int *vals;
    size_t cap, n;
} orl_strmap;

/* 0 on success, -1 on out-of-memory. Replaces the value of an existing key. */
int orl_strmap_put(orl_strmap *m, const char *key, int val);
/* The value, or -1 when absent. */
int orl_strmap_get(const orl_strmap *m, const char *key);
void orl_strmap_free(orl_strmap *m);
uint64_t orl_hash_bytes(const void *p, size_t n, uint64_t seed);

#endif
