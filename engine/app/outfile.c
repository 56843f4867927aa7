#include "app/outfile.h"
#include "app/common.h"
#include "core/rfile.h"
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int orl_outfile_open(orl_outfile *o, const char *cmd, const char *path)
{
    memset(o, 0, sizeof *o);
    o->path = path;
    if (!path || strcmp(path, "-") == 0) {
        o->f = stdout;
        return 0;
    }
    if (strlen(path) > 1000) {
        fprintf(stderr, orl_app_words("@app", "orilla %s: the file name is too long\n"), cmd);
        return -1;
    }
    /* A device (/dev/full), a FIFO or a folder would be replaced by the rename below. */
    char why[100];
    if (orl_check_writable_target(path, why, sizeof why) != 0) {
        fprintf(stderr, orl_app_words("@app", "orilla %s: will not write %s: it is %s; give the name of a new or ordinary file\n"),
                cmd, path, orl_app_words("@app", why));
        return -1;
    }
    /* make the folder it goes in, when that is the only thing missing */
    const char *slash = strrchr(path, '/');
    if (slash && slash != path) {
        char dir[1100];
        snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
        struct stat sb;
        if (stat(dir, &sb) != 0 && errno == ENOENT && mkdir(dir, 0777) == 0)
            fprintf(stderr, orl_app_words("@app", "orilla %s: made the folder %s\n"), cmd, dir);
    }
    snprintf(o->tmp, sizeof o->tmp, "%s.tmp%ld", path, (long)getpid());
    o->f = fopen(o->tmp, "wb");
    if (!o->f) {
        fprintf(stderr, orl_app_words("@app", "orilla %s: cannot write %s: %s\n"), cmd, path, strerror(errno));
        o->tmp[0] = 0;
        return -1;
    }
    return 0;
}

int orl_outfile_close(orl_outfile *o, const char *cmd, int ok)
{
    if (!o->f) return -1;
    if (o->f == stdout) {
        if (fflush(stdout) != 0 || ferror(stdout)) {
            fprintf(stderr, orl_app_words("@app", "orilla %s: cannot write to standard output\n"), cmd);
            return -1;
        }
        return ok ? 0 : -1;
    }
    int bad = ferror(o->f);
    if (fclose(o->f) != 0) bad = 1;
    o->f = NULL;
    if (!ok || bad) {
        if (bad) fprintf(stderr, orl_app_words("@app", "orilla %s: cannot write %s: %s\n"), cmd, o->path, strerror(errno));
        remove(o->tmp);
        return -1;
    }
    if (rename(o->tmp, o->path) != 0) {
        fprintf(stderr, orl_app_words("@app", "orilla %s: cannot write %s: %s\n"), cmd, o->path, strerror(errno));
        remove(o->tmp);
        return -1;
    }
    return 0;
}
