/* Opening a file Orilla was told to read (a withdrawal list, a kiosk config, a key, a Twine
 * file, a statistics database, an events script) and to write (-o): only regular files.
 * A device (/dev/zero never ends), a FIFO (open blocks for ever), a socket or a folder is
 * refused with a reason, and a file larger than the caller's cap is refused before it is read.
 * Story files go through bundle/fs.h, which applies the same rule inside a story. */
#ifndef ORL_RFILE_H
#define ORL_RFILE_H
#include <stddef.h>
#include <stdio.h>

/* Opens path for reading ("rb") when it is a regular file of at most max bytes. The open
 * itself never blocks (O_NONBLOCK, then fstat on what was opened, so a file swapped between
 * a check and the open cannot slip through). NULL with a reason in why (whylen bytes):
 * "no such file", "not a file (a device, a pipe or a folder)", "larger than N MB"... */
FILE *orl_open_regular(const char *path, unsigned long long max, char *why, size_t whylen);
/* Reads a whole regular file of at most max bytes into a new NUL-terminated buffer (caller
 * frees; *len without the NUL). 0, or -1 with a reason in why. */
int orl_read_regular(const char *path, unsigned long long max, char **data, size_t *len, char *why, size_t whylen);
/* 0 when path may be written over: absent, or a regular file (links followed). -1 with a
 * reason in why when it exists and is anything else (a device such as /dev/full, a FIFO,
 * a socket, a folder): renaming a new file over it would replace it. */
int orl_check_writable_target(const char *path, char *why, size_t whylen);

#endif
