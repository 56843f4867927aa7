#include "core/strmap.h"
#include <stdlib.h>
#include <string.h>

uint64_t orl_hash_bytes(const void *p, size_t n, uint64_t h)
{
    /* FNV-1a, 64 bit, then a final mix: fine for ids and state snapshots (not adversarial
     * across a trust boundary: a hostile story can only slow its own walk). */
    const unsigned char *s = p;
    h ^= 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 0x100000001b3ULL;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

static int grow(orl_strmap *m)
{
    size_t nc = m->cap ? m->cap * 2 : 64;
    const char **nk = calloc(nc, sizeof *nk);
    int *nv = calloc(nc, sizeof *nv);
    if (!nk || !nv) { free(nk); free(nv); return -1; }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i]) continue;
        size_t j = orl_hash_bytes(m->keys[i], strlen(m->keys[i]), 0) & (nc - 1);
        while (nk[j]) j = (j + 1) & (nc - 1);
        nk[j] = m->keys[i];
        nv[j] = m->vals[i];
    }
    free(m->keys);
    free(m->vals);
    m->keys = nk;
    m->vals = nv;
    m->cap = nc;
    return 0;
}

int orl_strmap_put(orl_strmap *m, const char *key, int val)
{
    if ((m->n + 1) * 2 > m->cap && grow(m) != 0) return -1;
    size_t j = orl_hash_bytes(key, strlen(key), 0) & (m->cap - 1);
    while (m->keys[j]) {
        if (strcmp(m->keys[j], key) == 0) { m->vals[j] = val; return 0; }
        j = (j + 1) & (m->cap - 1);
    }
    m->keys[j] = key;
    m->vals[j] = val;
    m->n++;
    return 0;
}

int orl_strmap_get(const orl_strmap *m, const char *key)
{
    if (!m->cap) return -1;
    size_t j = orl_hash_bytes(key, strlen(key), 0) & (m->cap - 1);
    while (m->keys[j]) {
        if (strcmp(m->keys[j], key) == 0) return m->vals[j];
        j = (j + 1) & (m->cap - 1);
    }
    return -1;
}

void orl_strmap_free(orl_strmap *m)
{
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}
