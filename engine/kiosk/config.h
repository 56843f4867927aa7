/* The kiosk's configuration: kiosk.lua, written by the exhibition's staff.
 *
 *     kiosk {
 *       deployment = "kiosk",                 -- or "exhibition": which consent applies
 *       languages = { "es", "en", "fr", "ar" },
 *       idle_seconds = 90,
 *       bundles = { "stories/tres-caminos.orilla" },
 *       key = "keys/workshop.pub",
 *       ...
 *     }
 *
 * It is Lua because authors already write story.lua, but it runs in the same sandbox as a
 * story (script/sandbox.h: no files, no programs, a memory cap, an instruction budget): a
 * config copied from a forum cannot run anything on the machine. Every field is checked for
 * its type and range; an unknown field is an error with a did-you-mean; every message is
 * `kiosk.lua:LINE: error: ...`. `orilla kiosk --example-config` prints a commented example
 * (orl_kiosk_config_example), docs/kiosk.md is the reference.
 *
 * Relative paths (bundles, key, withdrawn, stats, log) are relative to the folder of
 * kiosk.lua, and are stored resolved. */
#ifndef ORL_KIOSK_CONFIG_H
#define ORL_KIOSK_CONFIG_H
#include "core/diag.h"
#include "story/consent.h"

#define ORL_KIOSK_MAX_LANGS 12
#define ORL_KIOSK_MAX_BUNDLES 64
/* kiosk.lua is a page of settings; a megabyte is not a config. */
#define ORL_KIOSK_CONFIG_MAX_BYTES (1024u * 1024u)
/* The sandbox for kiosk.lua: far below a story's, since it only builds one table. */
#define ORL_KIOSK_CONFIG_MEMORY (8u * 1024u * 1024u)
#define ORL_KIOSK_CONFIG_INSTRUCTIONS 10000000L
#define ORL_KIOSK_CONFIG_SECONDS 2.0

/* Ranges (checked when loading). */
#define ORL_KIOSK_IDLE_MIN 15
#define ORL_KIOSK_IDLE_MAX 3600
#define ORL_KIOSK_IDLE_DEFAULT 90
#define ORL_KIOSK_COUNTDOWN_MIN 5
#define ORL_KIOSK_COUNTDOWN_MAX 120
#define ORL_KIOSK_COUNTDOWN_DEFAULT 20
/* Below 5 sessions a share could point at one or two people. */
#define ORL_KIOSK_OTHERS_MIN 5
#define ORL_KIOSK_OTHERS_DEFAULT 20

typedef struct orl_kiosk_config {
    char *file;                 /* kiosk.lua as given, or NULL (no config: defaults) */
    char *dir;                  /* its folder ("." without a file) */
    orl_deployment deployment;  /* ORL_DEPLOY_KIOSK (default) or ORL_DEPLOY_EXHIBITION */
    char *languages[ORL_KIOSK_MAX_LANGS]; /* offered, in this order; none: every language of the stories */
    int nlanguages;
    double idle_seconds;        /* no touch for this long: "are you still there?" */
    double countdown_seconds;   /* then this long before going back to the start */
    char *bundles[ORL_KIOSK_MAX_BUNDLES]; /* resolved paths */
    int nbundles;
    char *key;                  /* public key: bundles must be signed by it (NULL: not checked) */
    char *withdrawn;            /* withdrawal list file (NULL: none; ORILLA_WITHDRAWN adds to it) */
    char *stats;                /* SQLite file (NULL: no statistics) */
    char *log;                  /* log file (NULL: stderr only) */
    char *pin_hash;             /* crypto_pwhash_str of the operator PIN (NULL: operator menu off) */
    int show_others;            /* "how others chose" at the end of a story (default 1) */
    int others_min_sessions;    /* sessions needed at a scene before its shares are shown */
    double volume;              /* 0..1, default 0.8 */
    int voice;                  /* self-voicing on at the start of each story (default 0) */
} orl_kiosk_config;

/* Fills c with the defaults (zero it or free it first). */
void orl_kiosk_config_defaults(orl_kiosk_config *c);
/* Reads and runs kiosk.lua in the sandbox, then checks every field. Problems are added to d
 * as file:line diagnostics. Returns 0 when the config can be used (warnings only); 1 when it
 * has errors (c holds the defaults plus what was good: do not run a kiosk with it); 2 when
 * the file cannot be read. */
int orl_kiosk_config_load(const char *path, orl_kiosk_config *c, orl_diags *d);
/* Resolves `p` against the config's folder (absolute paths are kept). Caller frees. */
char *orl_kiosk_config_path(const orl_kiosk_config *c, const char *p);
void orl_kiosk_config_free(orl_kiosk_config *c);
/* The commented example `orilla kiosk --example-config` prints (it loads without errors). */
const char *orl_kiosk_config_example(void);
/* The names of the settings, NULL-terminated (for did-you-mean and the docs). */
extern const char *const orl_kiosk_config_fields[];

#endif
