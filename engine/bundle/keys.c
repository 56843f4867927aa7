/* Ed25519 key files (libsodium): NAME.key holds the secret key, NAME.pub the public one, each
 * as one comment line and one line of hex, so they survive e-mail and copy-paste. */
#include "bundle/bundle.h"
#include "core/limits.h"
#include "core/rfile.h"
#include "core/strutil.h"
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void orl_hex(const unsigned char *p, size_t n, char *out)
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = digits[p[i] >> 4];
        out[2 * i + 1] = digits[p[i] & 15];
    }
    out[2 * n] = 0;
}

void orl_key_fingerprint(const unsigned char pk[ORL_KEY_PUBLIC_BYTES], char out[ORL_FINGERPRINT_CHARS + 1])
{
    unsigned char h[crypto_hash_sha256_BYTES];
    char hex[2 * crypto_hash_sha256_BYTES + 1];
    crypto_hash_sha256(h, pk, ORL_KEY_PUBLIC_BYTES);
    orl_hex(h, sizeof h, hex);
    memcpy(out, hex, ORL_FINGERPRINT_CHARS);
    out[ORL_FINGERPRINT_CHARS] = 0;
}

static int write_all(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        s += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Creates path exclusively with mode and writes text; removes it again on failure. */
static int write_new(const char *path, int mode, const char *text, char *err, size_t errlen)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode);
    if (fd < 0) {
        if (errno == EEXIST)
            snprintf(err, errlen, "%s already exists; keygen never overwrites a key (pick another name)", path);
        else
            snprintf(err, errlen, "%s: cannot create: %s", path, strerror(errno));
        return -1;
    }
    if (fchmod(fd, (mode_t)mode) != 0 || write_all(fd, text, strlen(text)) != 0 || fsync(fd) != 0) {
        snprintf(err, errlen, "%s: cannot write: %s", path, strerror(errno));
        close(fd);
        unlink(path);
        return -1;
    }
    if (close(fd) != 0) {
        snprintf(err, errlen, "%s: cannot write: %s", path, strerror(errno));
        unlink(path);
        return -1;
    }
    return 0;
}

int orl_key_generate(const char *name, char fpr[ORL_FINGERPRINT_CHARS + 1], char *err, size_t errlen)
{
    if (sodium_init() < 0) {
        snprintf(err, errlen, "cannot start the cryptography library");
        return -1;
    }
    if (!name || !*name) {
        snprintf(err, errlen, "no key name given");
        return -1;
    }
    char *keypath = orl_format("%s.key", name), *pubpath = orl_format("%s.pub", name);
    char *keytext = NULL, *pubtext = NULL;
    int rc = -1;
    struct stat st;
    unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
    char skhex[2 * crypto_sign_SECRETKEYBYTES + 1], pkhex[2 * crypto_sign_PUBLICKEYBYTES + 1];
    char fp[ORL_FINGERPRINT_CHARS + 1];
    if (!keypath || !pubpath) {
        snprintf(err, errlen, "out of memory");
        goto out;
    }
    if (lstat(keypath, &st) == 0 || lstat(pubpath, &st) == 0) {
        snprintf(err, errlen, "%s already exists; keygen never overwrites a key (pick another name)",
                 lstat(keypath, &st) == 0 ? keypath : pubpath);
        goto out;
    }
    crypto_sign_keypair(pk, sk);
    orl_key_fingerprint(pk, fp);
    orl_hex(sk, sizeof sk, skhex);
    orl_hex(pk, sizeof pk, pkhex);
    keytext = orl_format("# orilla secret key %s (Ed25519): keep it private; it signs bundles as you\n%s\n", fp, skhex);
    pubtext = orl_format("# orilla public key %s (Ed25519): give it to whoever checks your bundles\n%s\n", fp, pkhex);
    if (!keytext || !pubtext) {
        snprintf(err, errlen, "out of memory");
        goto out;
    }
    if (write_new(keypath, 0600, keytext, err, errlen) != 0) goto out;
    if (write_new(pubpath, 0644, pubtext, err, errlen) != 0) {
        unlink(keypath);
        goto out;
    }
    if (fpr) memcpy(fpr, fp, sizeof fp);
    rc = 0;
out:
    sodium_memzero(sk, sizeof sk);
    sodium_memzero(skhex, sizeof skhex);
    if (keytext) sodium_memzero(keytext, strlen(keytext));
    free(keytext);
    free(pubtext);
    free(keypath);
    free(pubpath);
    return rc;
}

/* Reads a key file: '#' comment lines and blank lines are skipped; the one remaining line is
 * hex. Returns the number of bytes decoded into out (at most max), or -1 (err set). */
static int read_key_file(const char *path, unsigned char *out, size_t max, char *err, size_t errlen)
{
    char why[100];
    FILE *f = orl_open_regular(path, ORL_MAX_KEY_FILE_BYTES, why, sizeof why);
    if (!f) {
        snprintf(err, errlen, "%s: cannot read the key: %s", path, why);
        return -1;
    }
    char buf[1024];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    int more = fgetc(f) != EOF;
    fclose(f);
    buf[n] = 0;
    if (more) {
        snprintf(err, errlen, "%s: not an orilla key file (too long)", path);
        sodium_memzero(buf, sizeof buf);
        return -1;
    }
    const char *hex = NULL;
    size_t hexlen = 0;
    int lines = 0;
    for (char *p = buf; *p;) {
        char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        while (len > 0 && (p[len - 1] == '\r' || p[len - 1] == ' ' || p[len - 1] == '\t')) len--;
        if (len > 0 && p[0] != '#') {
            hex = p;
            hexlen = len;
            lines++;
        }
        if (!e) break;
        p = e + 1;
    }
    int rc = -1;
    size_t got = 0;
    if (lines != 1 || sodium_hex2bin(out, max, hex, hexlen, NULL, &got, NULL) != 0 || got * 2 != hexlen)
        snprintf(err, errlen, "%s: not an orilla key file (expected a '#' line and one line of hex from 'orilla keygen')",
                 path);
    else
        rc = (int)got;
    sodium_memzero(buf, sizeof buf);
    return rc;
}

int orl_key_load_public(const char *path, orl_pubkey *out, char *err, size_t errlen)
{
    unsigned char buf[ORL_KEY_SECRET_BYTES];
    memset(out, 0, sizeof *out);
    if (sodium_init() < 0) {
        snprintf(err, errlen, "cannot start the cryptography library");
        return -1;
    }
    int n = read_key_file(path, buf, sizeof buf, err, errlen);
    if (n < 0) return -1;
    if (n == ORL_KEY_SECRET_BYTES) {
        sodium_memzero(buf, sizeof buf);
        snprintf(err, errlen,
                 "%s is a secret key; give the public key (the .pub file) here, and keep the .key file private", path);
        return -1;
    }
    if (n != ORL_KEY_PUBLIC_BYTES) {
        snprintf(err, errlen, "%s: not an orilla public key (wrong length)", path);
        return -1;
    }
    memcpy(out->pk, buf, ORL_KEY_PUBLIC_BYTES);
    orl_key_fingerprint(out->pk, out->fingerprint);
    return 0;
}

int orl_key_load_secret(const char *path, orl_seckey *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    if (sodium_init() < 0) {
        snprintf(err, errlen, "cannot start the cryptography library");
        return -1;
    }
    int n = read_key_file(path, out->sk, sizeof out->sk, err, errlen);
    if (n < 0) {
        orl_key_wipe(out);
        return -1;
    }
    if (n == ORL_KEY_PUBLIC_BYTES) {
        orl_key_wipe(out);
        snprintf(err, errlen, "%s is a public key; signing needs the secret key (the .key file made with it)", path);
        return -1;
    }
    if (n != ORL_KEY_SECRET_BYTES) {
        orl_key_wipe(out);
        snprintf(err, errlen, "%s: not an orilla secret key (wrong length)", path);
        return -1;
    }
    /* The secret key is seed + public key: both halves must belong together. */
    unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_seed_keypair(pk, sk, out->sk);
    int same = sodium_memcmp(sk, out->sk, sizeof sk) == 0;
    sodium_memzero(sk, sizeof sk);
    if (!same) {
        orl_key_wipe(out);
        snprintf(err, errlen, "%s: damaged secret key (its two halves do not match)", path);
        return -1;
    }
    memcpy(out->pub.pk, pk, sizeof pk);
    orl_key_fingerprint(pk, out->pub.fingerprint);
    return 0;
}

void orl_key_wipe(orl_seckey *k)
{
    if (k) sodium_memzero(k, sizeof *k);
}
