/* Loading a story of megabytes (10,000 scenes: 8.5 MB of Lua, ~60 MB of heap) touches tens of
 * thousands of fresh 4 KB pages, and each first touch is a page fault. On the machines Orilla
 * is measured on (virtual, 2 cores) a fault costs ~15 µs: half of a 10,000-scene load was
 * page faults (docs/performance.md). With glibc the heap can instead grow once, by the whole
 * expected size, and ask for transparent huge pages on that span (2 MB a fault; the kernel
 * falls back to small pages when it has none). Measured: a 10,000-scene load 380 -> 230 ms on
 * a first load, 270 -> 150 ms on later ones (fewer TLB misses too).
 *
 * The price, only in a process that loaded such a story (an author's check, graph or --watch;
 * a story under ~1 MB of source never asks): memory freed later stays in the process (up to
 * twice the expected size) instead of going back to the system at once, and blocks up to
 * 32 MB (decoded pictures) come from the heap rather than each its own mapping.
 *
 * Elsewhere (another C library, a sanitizer's allocator, no THP) it is a no-op or a harmless
 * failure: nothing depends on it but speed. */
#if defined(__linux__) && !defined(_DEFAULT_SOURCE)
#define _DEFAULT_SOURCE
#endif
#include "core/heap.h"
#include <stdint.h>
#include <stdlib.h>
#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#define ORL_HEAP_TUNE 1
#endif

#define HUGE_PAGE ((uintptr_t)2 << 20)
#define SMALLEST ((size_t)8 << 20)  /* below this, faults cost a few ms: leave the heap alone */
#define LARGEST ((size_t)1 << 30)

static int long_running; /* orl_heap_long_running was called: its settings stay */

void orl_heap_expect(size_t bytes)
{
#ifdef ORL_HEAP_TUNE
    if (long_running) return;
    /* again on every large load: a reload makes its story while the old one still lives,
     * so the heap grows once more */
    if (bytes < SMALLEST) return;
    if (bytes > LARGEST) bytes = LARGEST;
    /* Blocks up to 32 MB come from the heap (not each its own mmap), the heap grows by `bytes`
     * at a time and keeps what is freed (a reload frees one story and makes the next). */
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, (int)(bytes * 2));
    mallopt(M_TOP_PAD, (int)bytes);
    /* Grow it now when the free space at the top of the heap is smaller: a block larger than
     * that space makes the heap grow by the block and `bytes` more (when the block comes from
     * space freed earlier instead, those pages are already there: no faults). */
    struct mallinfo2 mi = mallinfo2();
    if (mi.keepcost < bytes) {
        size_t ask = mi.keepcost + HUGE_PAGE;
        if (ask > ((size_t)31 << 20)) ask = (size_t)31 << 20;
        char *volatile grow = malloc(ask); /* volatile: a malloc + free pair may be left out */
        free(grow);
        mi = mallinfo2();
    }
    /* Then mark the free top of the heap (where the story will go) for huge pages; only when
     * it is on the brk heap (a sanitizer's malloc lives elsewhere). */
    char *top = sbrk(0);
    if (top == (void *)-1 || mi.keepcost > mi.arena || mi.keepcost < 2 * HUGE_PAGE) return;
    uintptr_t lo = ((uintptr_t)top - mi.keepcost + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
    uintptr_t hi = (uintptr_t)top & ~(HUGE_PAGE - 1);
    if (hi > lo) (void)madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
#else
    (void)bytes;
#endif
}

/* Blocks from this size up get their own mapping in a long-running process: a decoded
 * picture (a 1920x1080 one is 8 MB), a text block's surface; below it, the heap. */
#define LONG_RUN_MMAP_THRESHOLD (256 * 1024)

void orl_heap_long_running(void)
{
#ifdef ORL_HEAP_TUNE
    long_running = 1;
    mallopt(M_MMAP_THRESHOLD, LONG_RUN_MMAP_THRESHOLD); /* also stops glibc raising it */
    mallopt(M_ARENA_MAX, 2);
#endif
}

void orl_heap_settle(void)
{
#ifdef ORL_HEAP_TUNE
    malloc_trim(0);
#endif
}

long long orl_heap_in_use(void)
{
#ifdef ORL_HEAP_TUNE
    struct mallinfo2 mi = mallinfo2();
    return (long long)(mi.uordblks + mi.hblkhd);
#else
    return -1;
#endif
}
