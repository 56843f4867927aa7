/* Checking a bundle: its manifest (parsed, never run), its signature, and every file's size
 * and SHA-256 against the manifest. All reads go through orl_fs, so they are bounded. */
#include "bundle/bundle.h"
#include "core/limits.h"
#include "core/strutil.h"
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define SIG_MAX_BYTES 1024

static int is_reserved(const char *name)
{
    return strcmp(name, ORL_BUNDLE_MANIFEST) == 0 || strcmp(name, ORL_BUNDLE_SIGNATURE) == 0;
}

static int hash_chunk(const void *p, size_t n, void *ud)
{
    crypto_hash_sha256_update((crypto_hash_sha256_state *)ud, p, n);
    return 0;
}

int orl_bundle_hash_file(orl_fs *fs, const char *name, unsigned long long max, unsigned char sha256[32],
                         unsigned long long *size)
{
    crypto_hash_sha256_state st;
    if (sodium_init() < 0) return ORL_FS_NOMEM;
    crypto_hash_sha256_init(&st);
    unsigned long long n = 0;
    int rc = orl_fs_stream(fs, name, max, hash_chunk, &st, &n);
    crypto_hash_sha256_final(&st, sha256);
    if (size) *size = n;
    return rc;
}

void orl_bundle_report_free(orl_bundle_report *rep)
{
    if (!rep) return;
    orl_manifest_free(&rep->manifest);
    memset(rep, 0, sizeof *rep);
}

typedef struct count_ctx {
    orl_fs *fs;
    long long files;
    unsigned long long bytes;
} count_ctx;

static int count_file(const char *name, void *ud)
{
    count_ctx *c = ud;
    if (is_reserved(name)) return 0;
    long long sz = orl_fs_size(c->fs, name);
    c->files++;
    if (sz > 0) c->bytes += (unsigned long long)sz;
    return 0;
}

/* "orilla-signature 1\nkey FPR\ned25519 HEX\n" -> signer + sig. 0 or -1. */
static int parse_signature(const char *text, size_t len, char signer[ORL_FINGERPRINT_CHARS + 1],
                           unsigned char sig[ORL_SIGNATURE_BYTES])
{
    char fpr[ORL_FINGERPRINT_CHARS + 1], hex[2 * ORL_SIGNATURE_BYTES + 1];
    char tail;
    if (len > SIG_MAX_BYTES || memchr(text, 0, len)) return -1;
    if (sscanf(text, "orilla-signature 1\nkey %16[0-9a-f]\ned25519 %128[0-9a-f]%c", fpr, hex, &tail) != 3) return -1;
    if (tail != '\n' || strlen(fpr) != ORL_FINGERPRINT_CHARS || strlen(hex) != 2 * ORL_SIGNATURE_BYTES) return -1;
    /* Exactly those three lines, byte for byte (sscanf is lenient about spaces). */
    char again[SIG_MAX_BYTES];
    int k = snprintf(again, sizeof again, "orilla-signature 1\nkey %s\ned25519 %s\n", fpr, hex);
    if (k < 0 || (size_t)k != len || memcmp(again, text, len) != 0) return -1;
    size_t got = 0;
    if (sodium_hex2bin(sig, ORL_SIGNATURE_BYTES, hex, strlen(hex), NULL, &got, NULL) != 0 ||
        got != ORL_SIGNATURE_BYTES)
        return -1;
    memcpy(signer, fpr, sizeof fpr);
    return 0;
}

int orl_bundle_inspect(orl_fs *fs, const orl_pubkey *key, orl_bundle_report *rep, orl_diags *d)
{
    orl_bundle_report local;
    if (!rep) rep = &local;
    memset(rep, 0, sizeof *rep);
    if (sodium_init() < 0) {
        orl_diag_add(d, ORL_ERROR, NULL, 0, 0, "crypto", "cannot start the cryptography library");
        return 2;
    }
    const char *where = orl_fs_path(fs);
    struct stat st;
    rep->is_bundle = orl_fs_is_bundle(fs);
    if (rep->is_bundle && stat(where, &st) == 0) rep->file_bytes = (unsigned long long)st.st_size;
    rep->key_given = key != NULL;

    count_ctx cc = {fs, 0, 0};
    if (orl_fs_walk(fs, count_file, &cc) == ORL_FS_NOMEM) {
        orl_diag_add(d, ORL_ERROR, where, 0, 0, "oom", "out of memory while listing the bundle's files");
        if (rep == &local) orl_bundle_report_free(rep);
        return 2;
    }
    rep->files = cc.files;
    rep->bytes = cc.bytes;

    int rc = 0;
    char *mtext = NULL;
    size_t mlen = 0;
    int r = orl_fs_read(fs, ORL_BUNDLE_MANIFEST, ORL_MAX_MANIFEST_BYTES, &mtext, &mlen);
    if (r == ORL_FS_NOTFOUND) {
        orl_diag_add(d, ORL_ERROR, where, 0, 0, "no-manifest",
                     "no manifest (%s): this bundle was not made by 'orilla pack', or was changed since; "
                     "its files cannot be checked (pack the story folder again)",
                     ORL_BUNDLE_MANIFEST);
        rc = 1;
    } else if (r == ORL_FS_TOOBIG) {
        orl_diag_add(d, ORL_ERROR, where, 0, 0, "bad-manifest", "%s: larger than %u MB; not a manifest 'orilla pack' wrote",
                     ORL_BUNDLE_MANIFEST, ORL_MAX_MANIFEST_BYTES >> 20);
        rc = 1;
    } else if (r != ORL_FS_OK) {
        orl_diag_add(d, ORL_ERROR, where, 0, 0, r == ORL_FS_NOMEM ? "oom" : "unreadable", "%s: cannot be read (%s)%s",
                     ORL_BUNDLE_MANIFEST, orl_fs_strerror(r), r == ORL_FS_NOMEM ? "" : ": the bundle is damaged");
        return 2;
    } else if (orl_manifest_parse(mtext, mlen, where, ORL_BUNDLE_MANIFEST, &rep->manifest, d) != 0) {
        rc = 1;
    } else {
        rep->has_manifest = 1;
    }

    unsigned char sig[ORL_SIGNATURE_BYTES];
    int sig_ok_format = 0;
    if (orl_fs_exists(fs, ORL_BUNDLE_SIGNATURE)) {
        char *stext = NULL;
        size_t slen = 0;
        rep->is_signed = 1;
        r = orl_fs_read(fs, ORL_BUNDLE_SIGNATURE, SIG_MAX_BYTES, &stext, &slen);
        if (r == ORL_FS_NOMEM) {
            orl_diag_add(d, ORL_ERROR, where, 0, 0, "oom", "%s: cannot be read (out of memory)", ORL_BUNDLE_SIGNATURE);
            rc = 2;
        } else if (r != ORL_FS_OK || parse_signature(stext, slen, rep->signer, sig) != 0) {
            orl_diag_add(d, ORL_ERROR, where, 0, 0, "bad-signature",
                         "%s: damaged or not a signature 'orilla pack --sign' wrote; the bundle cannot be trusted",
                         ORL_BUNDLE_SIGNATURE);
            rc = rc ? rc : 1;
        } else {
            sig_ok_format = 1;
        }
        free(stext);
    }
    if (key) {
        if (!rep->is_signed) {
            orl_diag_add(d, ORL_ERROR, where, 0, 0, "unsigned",
                         "not signed, but a signature by key %s is required: do not show it until it is signed "
                         "(orilla pack --sign)",
                         key->fingerprint);
            rc = rc ? rc : 1;
        } else if (sig_ok_format && rep->has_manifest) {
            if (crypto_sign_verify_detached(sig, (const unsigned char *)mtext, mlen, key->pk) == 0) {
                rep->signature_ok = 1;
            } else if (strcmp(rep->signer, key->fingerprint) != 0) {
                orl_diag_add(d, ORL_ERROR, where, 0, 0, "wrong-key",
                             "signed by another key (%s), not by the key given (%s): it does not come from whoever "
                             "holds that key",
                             rep->signer, key->fingerprint);
                rc = rc ? rc : 1;
            } else {
                orl_diag_add(d, ORL_ERROR, where, 0, 0, "bad-signature",
                             "the signature does not match the manifest: the bundle was changed after it was signed");
                rc = rc ? rc : 1;
            }
        }
    }
    free(mtext);
    if (rep == &local) orl_bundle_report_free(rep);
    return rc;
}

typedef struct verify_ctx {
    orl_fs *fs;
    const char *where;
    const orl_manifest *m;
    unsigned char *seen;
    orl_diags *d;
    int problems;
    int damaged;
} verify_ctx;

static int verify_file(const char *name, void *ud)
{
    verify_ctx *v = ud;
    if (is_reserved(name)) return 0;
    const orl_manifest_file *f = orl_manifest_find(v->m, name);
    if (!f) {
        orl_diag_add(v->d, ORL_ERROR, v->where, 0, 0, "extra-file", "%s: extra file (not in the manifest)", name);
        v->problems++;
        return 0;
    }
    v->seen[f - v->m->files] = 1;
    unsigned char h[32];
    unsigned long long n = 0;
    /* Read at most what the manifest records: a file that inflates past it stops there. */
    int r = orl_bundle_hash_file(v->fs, name, f->size, h, &n);
    if (r == ORL_FS_TOOBIG) {
        orl_diag_add(v->d, ORL_ERROR, v->where, 0, 0, "changed",
                     "%s: changed (larger than the %llu bytes the manifest records)", name, f->size);
        v->problems++;
    } else if (r == ORL_FS_DAMAGED) {
        orl_diag_add(v->d, ORL_ERROR, v->where, 0, 0, "damaged",
                     "%s: damaged (its bytes do not match the size or CRC the zip records for it)", name);
        v->problems++;
        v->damaged++;
    } else if (r != ORL_FS_OK) {
        orl_diag_add(v->d, ORL_ERROR, v->where, 0, 0, r == ORL_FS_NOMEM ? "oom" : "unreadable", "%s: cannot be read (%s)%s",
                     name, orl_fs_strerror(r), r == ORL_FS_NOMEM ? "" : ": the bundle is damaged");
        v->problems++;
        v->damaged++;
    } else if (n != f->size) {
        orl_diag_add(v->d, ORL_ERROR, v->where, 0, 0, "changed", "%s: changed (%llu bytes, the manifest says %llu)",
                     name, n, f->size);
        v->problems++;
    } else if (sodium_memcmp(h, f->sha256, 32) != 0) {
        orl_diag_add(v->d, ORL_ERROR, v->where, 0, 0, "changed", "%s: changed (sha256 differs)", name);
        v->problems++;
    }
    return 0;
}

int orl_bundle_verify_fs(orl_fs *fs, const orl_pubkey *key, orl_bundle_report *rep, orl_diags *d)
{
    orl_bundle_report local;
    if (!rep) rep = &local;
    int rc = orl_bundle_inspect(fs, key, rep, d);
    /* with a key, the signature is checked before any file is hashed: a bundle that does not
     * come from the key's holder costs nothing more (inspect said why) */
    if (rc == 2 || !rep->has_manifest || (key && !rep->signature_ok)) {
        if (rep == &local) orl_bundle_report_free(rep);
        return rc;
    }
    verify_ctx v = {fs, orl_fs_path(fs), &rep->manifest, NULL, d, 0, 0};
    v.seen = calloc(rep->manifest.nfiles + 1, 1);
    if (!v.seen) {
        orl_diag_add(d, ORL_ERROR, v.where, 0, 0, "oom", "out of memory");
        if (rep == &local) orl_bundle_report_free(rep);
        return 2;
    }
    if (orl_fs_walk(fs, verify_file, &v) == ORL_FS_NOMEM) {
        /* files the walk did not reach are not "missing": say what happened instead */
        orl_diag_add(d, ORL_ERROR, v.where, 0, 0, "oom", "out of memory while listing the bundle's files");
        free(v.seen);
        if (rep == &local) orl_bundle_report_free(rep);
        return 2;
    }
    for (size_t i = 0; i < rep->manifest.nfiles; i++) {
        if (v.seen[i]) continue;
        orl_diag_add(d, ORL_ERROR, v.where, 0, 0, "missing", "%s: missing (the manifest lists it)",
                     rep->manifest.files[i].name);
        v.problems++;
    }
    free(v.seen);
    if (v.problems && !rc) rc = 1;
    if (rep == &local) orl_bundle_report_free(rep);
    return rc;
}

int orl_bundle_verify(const char *path, const orl_pubkey *key, orl_bundle_report *rep, orl_diags *d)
{
    struct stat st;
    if (rep) memset(rep, 0, sizeof *rep);
    if (path && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        orl_diag_add(d, ORL_ERROR, path, 0, 0, "not-a-bundle",
                     "a story folder, not a bundle: verify checks a .orilla file made by 'orilla pack'");
        return 2;
    }
    char err[512];
    orl_fs *fs = orl_fs_open(path, err, sizeof err);
    if (!fs) {
        orl_diag_add(d, ORL_ERROR, NULL, 0, 0, "unreadable", "%s", err);
        return 2;
    }
    int rc = orl_bundle_verify_fs(fs, key, rep, d);
    orl_fs_close(fs);
    return rc;
}
