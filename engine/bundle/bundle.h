/* Bundles: a story folder packed into one `.orilla` file (a zip) that travels on a USB stick
 * from a workshop to an exhibition, with a manifest of every file's size and SHA-256, and an
 * optional Ed25519 signature of that manifest.
 *
 *   orl_bundle_pack     folder -> bundle (reproducible: same folder, same bytes)
 *   orl_bundle_verify   bundle -> "every file is what the manifest says, signed by KEY"
 *   orl_bundle_inspect  bundle -> manifest and signature facts, without hashing every file
 *   orl_bundle_check_zip  the limits every bundle passes before anything is read from it
 *                         (orl_fs_open calls it, so every command is protected)
 *   orl_key_*           Ed25519 key files: NAME.key (secret) and NAME.pub (public)
 *
 * Layout of a bundle: the story's files under their own names, plus two files that `pack`
 * writes and a story folder can never contain (pack skips hidden files):
 *   .orilla/manifest.lua   `return { format = 1, id = "...", version = "...", title = "...",
 *                           made = "YYYY-MM-DD",
 *                           files = { ["story.lua"] = { size = N, sha256 = "hex" }, ... } }`
 *                          `made` is the day the bundle was made (UTC; SOURCE_DATE_EPOCH's day
 *                          when set, so packs stay reproducible): a clock before it is wrong,
 *                          and consent then counts as ended (story/consent.h). Optional when
 *                          read (bundles made before it existed have none).
 *   .orilla/manifest.sig   only when signed: three text lines
 *                           "orilla-signature 1" / "key FINGERPRINT" / "ed25519 HEX"
 * The manifest is a Lua table so people can read it, but Orilla never runs it: it is parsed
 * by a small strict parser of exactly that shape (orl_manifest_parse). It is not called
 * `manifest.lua` because a story folder may have its own manifest.lua (story metadata,
 * STORY-FORMAT.md) which the bundle must carry unchanged.
 *
 * Every function is safe on hostile input: a bad bundle yields diagnostics and a return code,
 * never a crash, a hang, or a read past the limits of core/limits.h. Exit-code style returns:
 * 0 fine, 1 the bundle or story has problems (each one a diagnostic), 2 cannot be read at all
 * (or, for pack, the bundle cannot be written). */
#ifndef ORL_BUNDLE_H
#define ORL_BUNDLE_H
#include <stddef.h>
#include "bundle/fs.h"
#include "core/diag.h"

#define ORL_BUNDLE_MANIFEST ".orilla/manifest.lua"
#define ORL_BUNDLE_SIGNATURE ".orilla/manifest.sig"
#define ORL_MANIFEST_FORMAT 1

/* ---------------------------------------------------------------- keys */

#define ORL_KEY_PUBLIC_BYTES 32
#define ORL_KEY_SECRET_BYTES 64
#define ORL_SIGNATURE_BYTES 64
#define ORL_FINGERPRINT_CHARS 16 /* first 16 hex digits of sha256(public key) */

typedef struct orl_pubkey {
    unsigned char pk[ORL_KEY_PUBLIC_BYTES];
    char fingerprint[ORL_FINGERPRINT_CHARS + 1];
} orl_pubkey;

typedef struct orl_seckey {
    unsigned char sk[ORL_KEY_SECRET_BYTES]; /* libsodium layout: seed then public key */
    orl_pubkey pub;
} orl_seckey;

/* Makes a new key pair and writes NAME.key (secret, mode 0600) and NAME.pub (public), each a
 * comment line starting with '#' and one line of hex. Refuses (and writes nothing) when either
 * file exists. 0 on success; else -1 with a one-line reason in err. fpr (may be NULL) receives
 * the new key's fingerprint. */
int orl_key_generate(const char *name, char fpr[ORL_FINGERPRINT_CHARS + 1], char *err, size_t errlen);
/* Reads a NAME.pub file. 0, or -1 with a reason in err (missing, not a key, a secret key). */
int orl_key_load_public(const char *path, orl_pubkey *out, char *err, size_t errlen);
/* Reads a NAME.key file; checks that its halves belong together. 0, or -1 with a reason.
 * Call orl_key_wipe when done. */
int orl_key_load_secret(const char *path, orl_seckey *out, char *err, size_t errlen);
void orl_key_wipe(orl_seckey *k);
/* The fingerprint of a public key: 16 lowercase hex digits and a NUL. */
void orl_key_fingerprint(const unsigned char pk[ORL_KEY_PUBLIC_BYTES], char out[ORL_FINGERPRINT_CHARS + 1]);

/* ---------------------------------------------------------------- manifest */

typedef struct orl_manifest_file {
    char *name;                  /* story-relative, passes orl_fs_check_name */
    unsigned long long size;
    unsigned char sha256[32];
} orl_manifest_file;

typedef struct orl_manifest {
    int format;                  /* ORL_MANIFEST_FORMAT */
    char *id, *version, *title;  /* may be NULL when the story did not say */
    char *made;                  /* "YYYY-MM-DD" (checked: digits and dashes), or NULL */
    orl_manifest_file *files;    /* sorted by name (strcmp), no duplicates */
    size_t nfiles;
} orl_manifest;

/* The manifest as text (sorts m->files first). Returns a new NUL-terminated buffer (caller
 * frees) and its length in *len, or NULL when out of memory. Same manifest -> same bytes. */
char *orl_manifest_write(orl_manifest *m, size_t *len);
/* Parses manifest text (exactly the shape orl_manifest_write makes; nothing is executed).
 * On success returns 0 and fills *out (free with orl_manifest_free). On bad text returns -1,
 * adds one error diagnostic "<where>: error: <name>:LINE: what is wrong" and leaves *out
 * empty. `where` is the file shown in messages (the bundle's path); `name` the manifest's. */
int orl_manifest_parse(const char *text, size_t len, const char *where, const char *name,
                       orl_manifest *out, orl_diags *d);
void orl_manifest_free(orl_manifest *m);
/* The entry named `name`, or NULL (binary search: m->files must be sorted). */
const orl_manifest_file *orl_manifest_find(const orl_manifest *m, const char *name);

/* ---------------------------------------------------------------- zip limits */

typedef struct orl_zip_summary {
    long long entries;            /* files in the zip (folder entries not counted) */
    unsigned long long bytes;     /* sum of the uncompressed sizes the zip declares */
    unsigned long long file_bytes;/* size of the zip file itself */
} orl_zip_summary;

/* Checks a zip before it is mounted, by its central directory (nothing is decompressed):
 * it is a zip and not cut short; at most ORL_MAX_BUNDLE_FILES entries declaring at most
 * ORL_MAX_BUNDLE_BYTES in all and ORL_MAX_FILE_BYTES each; every name is UTF-8 and stays
 * inside the bundle (no '..', no absolute or drive names, no '\\'), at most
 * ORL_MAX_PATH_DEPTH folders deep; no name twice (or both a file and a folder); no links,
 * no encryption, only stored or deflated entries. Returns 0 (sum may be NULL), or
 * 2 = not a zip / damaged / unreadable, 1 = a zip that breaks a rule; err says which in
 * words for exhibition staff. Reads that later inflate more than a size declared here are
 * still cut at the declared size and at the caller's cap (orl_fs_read). */
int orl_bundle_check_zip(const char *path, orl_zip_summary *sum, char *err, size_t errlen);

/* The one view of a bundle's files that every check and every read uses (bundle/fs.c answers
 * exists, size and walk from it, and checks each read against it). */
typedef struct orl_zip_file {
    char *name;                /* story-relative; folder entries are not listed */
    unsigned long long size;   /* uncompressed, as the central directory and the local header agree */
    unsigned long crc32;       /* of the uncompressed bytes: a whole read is checked against it */
} orl_zip_file;

typedef struct orl_zip_table {
    orl_zip_file *files;       /* in the order a folder walk gives: component by component */
    size_t n;
} orl_zip_table;

/* orl_bundle_check_zip, also filling *table (free with orl_zip_table_free) on success. The
 * layout is checked strictly first, so that every zip reader sees this same list: one end
 * record, the last 22 bytes of the file, with no comment; no Zip64; entries one after
 * another from the first byte, each local header agreeing with the directory (name, method,
 * sizes, CRC), then the directory and nothing else (no overlap, gap or hidden second
 * directory); no two names that are the same on a case-insensitive or normalising disk
 * (Windows, macOS): compared case-folded and in Unicode NFC (ICU). */
int orl_bundle_read_zip(const char *path, orl_zip_summary *sum, orl_zip_table *table, char *err, size_t errlen);
void orl_zip_table_free(orl_zip_table *t);
/* The entry for name, or NULL (binary search). */
const orl_zip_file *orl_zip_table_find(const orl_zip_table *t, const char *name);
/* 1 (with a message in err naming both) when two of names[0..n) are one file on a disk that
 * ignores capitals or Unicode normalisation (Windows, macOS), or a file is, so compared, a
 * folder of another; dirs[i] marks folders (may be NULL: none). advice ends the message.
 * 2 when out of memory; 0 when all is well. */
int orl_bundle_names_collide(const char *path, char **names, const char *dirs, size_t n, const char *advice, char *err,
                             size_t errlen);
/* The order of orl_zip_table: strcmp, component by component ("a/b" before "a-c"). */
int orl_zip_name_cmp(const char *a, const char *b);

/* ---------------------------------------------------------------- pack */

typedef struct orl_pack_desc {
    const char *id, *version, *title; /* written into the manifest (NULL = left out) */
    const char *made;                 /* "YYYY-MM-DD", the day it is made (NULL = left out);
                                         orl_pack_made_day computes it */
    const orl_seckey *sign;           /* NULL: unsigned */
    long long mtime;                  /* timestamp of every entry, seconds since 1970 UTC
                                         (SOURCE_DATE_EPOCH); 0 = 1980-01-01 00:00 */
    int progress;                     /* 1: a progress line on stderr (for large bundles) */
    int verbose;                      /* 1: a note per skipped file */
    /* Optional: asked about every file before it is packed (name: story-relative; src: its
     * path). Returns ORL_PACK_KEEP, ORL_PACK_REPLACE (*data, *len: the bytes to pack instead,
     * malloc'd, owned by pack from then on), ORL_PACK_OMIT (left out of the bundle), or -1
     * after adding an error to d (nothing is packed). Used to leave out what consent no
     * longer allows (app/cmd_pack.c, story/withhold.h). */
    int (*filter)(void *ud, const char *name, const char *src, char **data, size_t *len, orl_diags *d);
    void *filter_ud;
} orl_pack_desc;

enum { ORL_PACK_KEEP = 0, ORL_PACK_REPLACE = 1, ORL_PACK_OMIT = 2 };

typedef struct orl_pack_result {
    long long files;              /* story files packed (manifest and signature not counted) */
    unsigned long long bytes;     /* their total size */
    unsigned long long bundle_bytes; /* size of the bundle written */
} orl_pack_result;

/* Packs folder `dir` into the zip file `out`. Reproducible: files sorted by name, fixed
 * timestamps and permissions, no extra fields; pictures, sound and archives (.png .jpg .jpeg
 * .webp .gif .ogg .opus .mp3 ...) are stored, the rest deflated. Skips hidden files and
 * folders (.git, .DS_Store), editor backups (name~, #name#) and Thumbs.db/desktop.ini/__MACOSX,
 * and other .orilla files; refuses links that point outside `dir`, special files, names a
 * bundle cannot hold, and more than the bundle limits. Writes a temporary file beside `out`,
 * verifies it (hashes and signature) and renames it into place: `out` is either the whole
 * new bundle or untouched. Refuses an `out` that is a folder or an existing file that is not
 * a zip (a story file given by mistake). Does NOT check the story: callers run
 * orl_story_load/orl_story_check first (bundle/ sits below story/). res may be NULL.
 * Returns 0; 1 with a diagnostic per problem in the folder; 2 when dir cannot be read or
 * out cannot be written. */
int orl_bundle_pack(const char *dir, const char *out, const orl_pack_desc *desc, orl_pack_result *res,
                    orl_diags *d);

/* The day a bundle is made, "YYYY-MM-DD" (UTC), into out[11]: the day of SOURCE_DATE_EPOCH
 * (seconds since 1970, the reproducible-builds convention) when it is > 0, else of `now`
 * (seconds since 1970). */
void orl_pack_made_day(long long source_date_epoch, long long now, char out[11]);

/* 1 when files with this name are stored as they are (already compressed), 0 when deflated. */
int orl_bundle_stores(const char *name);

/* ---------------------------------------------------------------- verify / inspect */

typedef struct orl_bundle_report {
    int is_bundle;             /* 0 when the path was a folder */
    int has_manifest;          /* manifest present and parsed */
    orl_manifest manifest;     /* owned; empty when !has_manifest */
    int is_signed;             /* a signature file is present */
    char signer[ORL_FINGERPRINT_CHARS + 1]; /* fingerprint the signature names, "" if none */
    int key_given;             /* a key was passed */
    int signature_ok;          /* key given and the signature is good for it and the manifest */
    long long files;           /* files in the bundle besides the manifest and signature */
    unsigned long long bytes;  /* their total size */
    unsigned long long file_bytes; /* size of the bundle file on disk */
} orl_bundle_report;

/* Reads the manifest (strictly, never run) and the signature; with `key`, checks the
 * signature against it (a missing signature is then a problem). Counts the files. Does not
 * hash them. Problems are added to d with the bundle path as file. Returns 0 / 1 / 2 (a
 * bundle with no manifest is 1). rep (may be NULL) is filled as far as it got; free it with
 * orl_bundle_report_free. `fs` stays the caller's. */
int orl_bundle_inspect(orl_fs *fs, const orl_pubkey *key, orl_bundle_report *rep, orl_diags *d);
/* Everything inspect does, then every file against the manifest: missing, extra, changed
 * size, changed SHA-256 (reads stop at the size the manifest records, so a file that
 * inflates beyond it costs nothing). One error per file:
 *   "story.orilla: error: images/a.png: changed (sha256 differs)". Returns 0 / 1 / 2. */
int orl_bundle_verify_fs(orl_fs *fs, const orl_pubkey *key, orl_bundle_report *rep, orl_diags *d);
/* Opens `path` (a .orilla file) and verifies it; a folder or an unreadable/hostile file is 2
 * (one diagnostic says why). For `play`/`kiosk --key`: refuse to run unless this returns 0. */
int orl_bundle_verify(const char *path, const orl_pubkey *key, orl_bundle_report *rep, orl_diags *d);
void orl_bundle_report_free(orl_bundle_report *rep);

/* SHA-256 and size of one file of a story, read through fs in chunks, never more than max
 * bytes (ORL_FS_TOOBIG past that). Returns an ORL_FS_* code. */
int orl_bundle_hash_file(orl_fs *fs, const char *name, unsigned long long max,
                         unsigned char sha256[32], unsigned long long *size);
/* Lowercase hex of n bytes into out (2n+1 chars). */
void orl_hex(const unsigned char *p, size_t n, char *out);

#endif
