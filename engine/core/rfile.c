#include "core/rfile.h"
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void say(char *why, size_t whylen, const char *s)
{
    if (why && whylen) snprintf(why, whylen, "%s", s);
}

static const char *kind_of(mode_t m)
{
    if (S_ISDIR(m)) return "a folder, not a file";
    if (S_ISFIFO(m)) return "a pipe (FIFO), not a file";
    if (S_ISSOCK(m)) return "a socket, not a file";
    if (S_ISCHR(m) || S_ISBLK(m)) return "a device, not a file";
    return "not a plain file";
}

FILE *orl_open_regular(const char *path, unsigned long long max, char *why, size_t whylen)
{
    if (!path || !*path) {
        say(why, whylen, "no file name");
        return NULL;
    }
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        say(why, whylen, errno == ENOENT ? "no such file" : strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        say(why, whylen, strerror(errno));
        close(fd);
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        say(why, whylen, kind_of(st.st_mode));
        close(fd);
        return NULL;
    }
    if ((unsigned long long)st.st_size > max) {
        char b[96];
        if (max >= 1024 * 1024) snprintf(b, sizeof b, "larger than %llu MB", max >> 20);
        else snprintf(b, sizeof b, "larger than %llu KB", (max + 1023) >> 10);
        say(why, whylen, b);
        close(fd);
        return NULL;
    }
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0) fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    FILE *f = fdopen(fd, "rb");
    if (!f) {
        say(why, whylen, strerror(errno));
        close(fd);
    }
    return f;
}

int orl_read_regular(const char *path, unsigned long long max, char **data, size_t *len, char *why, size_t whylen)
{
    *data = NULL;
    *len = 0;
    FILE *f = orl_open_regular(path, max, why, whylen);
    if (!f) return -1;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    int rc = buf ? 0 : -1;
    if (!buf) say(why, whylen, "out of memory");
    while (rc == 0) {
        if (n + 1 >= cap) {
            size_t nc = cap * 2;
            char *nb = realloc(buf, nc);
            if (!nb) { say(why, whylen, "out of memory"); rc = -1; break; }
            buf = nb;
            cap = nc;
        }
        size_t want = cap - 1 - n;
        size_t got = fread(buf + n, 1, want, f);
        n += got;
        if ((unsigned long long)n > max) { /* it grew while being read */
            char b[64];
            snprintf(b, sizeof b, "larger than %llu bytes", max);
            say(why, whylen, b);
            rc = -1;
            break;
        }
        if (got < want) {
            if (ferror(f)) { say(why, whylen, "read error"); rc = -1; }
            break;
        }
    }
    fclose(f);
    if (rc != 0) { free(buf); return -1; }
    buf[n] = 0;
    *data = buf;
    *len = n;
    return 0;
}

int orl_check_writable_target(const char *path, char *why, size_t whylen)
{
    struct stat st;
    if (stat(path, &st) != 0) return 0; /* absent (or unreachable: the write will say) */
    if (S_ISREG(st.st_mode)) return 0;
    say(why, whylen, kind_of(st.st_mode));
    return -1;
}
