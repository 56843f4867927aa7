/* Replays inputs through a fuzz harness without libFuzzer: a plain main that feeds each file
 * given (or each file of each folder given, sorted, not recursing) to LLVMFuzzerTestOneInput,
 * the same entry point the fuzzer calls. Used by the ctest fuzz/NAME (tests/fuzz/CMakeLists.txt)
 * on tests/data/fuzz-regress/NAME/ (every crasher found and fixed) and tests/fuzz/corpus/NAME/.
 * A folder that does not exist counts as empty. A crash, a sanitizer report or a harness
 * abort() fails the test; exit 0 after every input otherwise.
 *   replay_story tests/data/fuzz-regress/story crash-1234    (one file or several folders) */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
/* a harness may set things up once first, as under libFuzzer */
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static int replay_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "replay: cannot open %s: %s\n", path, strerror(errno));
        return -1;
    }
    size_t cap = 4096, len = 0;
    unsigned char *buf = malloc(cap);
    for (;;) {
        if (!buf) { fclose(f); fprintf(stderr, "replay: out of memory\n"); return -1; }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (len < cap) break;
        unsigned char *nb = realloc(buf, cap * 2);
        if (!nb) free(buf);
        buf = nb;
        cap *= 2;
    }
    fclose(f);
    /* like libFuzzer: the input in a buffer of exactly its size, so ASan sees over-reads */
    unsigned char *exact = malloc(len ? len : 1);
    if (!exact) { free(buf); return -1; }
    memcpy(exact, buf, len);
    free(buf);
    fprintf(stderr, "replay: %s (%zu bytes)\n", path, len);
    LLVMFuzzerTestOneInput(exact, len);
    free(exact);
    return 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int replay_dir(const char *dir, long *count)
{
    DIR *d = opendir(dir);
    if (!d) return errno == ENOENT ? 0 : -1;
    char **names = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue; /* ., .., and README-like dot files */
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn) { rc = -1; break; }
            names = nn;
        }
        size_t l = strlen(dir) + strlen(e->d_name) + 2;
        names[n] = malloc(l);
        if (!names[n]) { rc = -1; break; }
        snprintf(names[n], l, "%s/%s", dir, e->d_name);
        n++;
    }
    closedir(d);
    if (n > 1) qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n; i++) {
        struct stat sb;
        size_t l = strlen(names[i]);
        int is_doc = l > 3 && strcmp(names[i] + l - 3, ".md") == 0; /* notes beside the inputs */
        if (rc == 0 && !is_doc && stat(names[i], &sb) == 0 && S_ISREG(sb.st_mode)) {
            if (replay_file(names[i]) != 0) rc = -1;
            else (*count)++;
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

int main(int argc, char **argv)
{
    long count = 0;
    int rc = 0;
    if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
    for (int i = 1; i < argc; i++) {
        struct stat sb;
        if (stat(argv[i], &sb) == 0 && S_ISDIR(sb.st_mode)) {
            if (replay_dir(argv[i], &count) != 0) rc = 1;
        } else if (stat(argv[i], &sb) == 0) {
            if (replay_file(argv[i]) != 0) rc = 1;
            else count++;
        }
    }
    printf("replayed %ld input(s)%s\n", count, rc ? ", some could not be read" : "");
    return rc;
}
