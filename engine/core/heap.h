/* A hint to the C library before a large allocation burst (a story source of megabytes):
 * see heap.c. Does nothing where it cannot help. */
#ifndef ORL_HEAP_H
#define ORL_HEAP_H
#include <stddef.h>

/* About `bytes` more heap will be used soon and kept until the story is freed. */
void orl_heap_expect(size_t bytes);

/* For a process that runs for weeks (the kiosk), called once at its start: decoded pictures
 * and other large blocks each get their own mapping, given back to the system when freed
 * (glibc otherwise raises its mmap threshold after the first such free, and pictures then
 * come from the heap, where freed holes stay resident), and at most two malloc arenas (the
 * decoding thread's blocks are freed by the drawing thread: each arena keeps its own holes). */
void orl_heap_long_running(void);
/* A quiet moment (the kiosk back on its attract loop): free memory at the top and inside
 * every arena goes back to the system. A few milliseconds. */
void orl_heap_settle(void);
/* Bytes allocated and not yet freed (every arena, mapped blocks included), or -1 where the C
 * library does not say. What the soak watches: it grows only when something is kept. */
long long orl_heap_in_use(void);

#endif
