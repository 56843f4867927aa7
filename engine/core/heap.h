/* A hint to the C library before a large allocation burst (a story source of megabytes):
 * see heap.c. Does nothing where it cannot help. */
#ifndef ORL_HEAP_H
#define ORL_HEAP_H
#include <stddef.h>

/* About `bytes` more heap will be used soon and kept until the story is freed. */
void orl_heap_expect(size_t bytes);

#endif
