/* The story model: story.lua (and the files it includes) run once in the sandbox and turned
 * into plain C structures. Every definition remembers its file and line, so every message
 * can point an author at the right place.
 *
 * Ownership: orl_story_load returns a story that owns everything inside it (strings, the
 * sandbox holding the story's functions, the mounted files); orl_story_free releases all. */
#ifndef ORL_STORY_H
#define ORL_STORY_H
#include <stddef.h>
#include <stdint.h>
#include "bundle/fs.h"
#include "core/diag.h"
#include "script/sandbox.h"

#define ORL_NOFN (-2) /* no Lua function (same value as LUA_NOREF) */

typedef struct orl_loc {
    const char *file; /* interned in the story; never NULL for a definition */
    int line;
} orl_loc;

/* A list of strings (warnings, scope, languages...). */
typedef struct orl_strlist {
    char **items;
    int n;
} orl_strlist;

typedef struct orl_choice {
    char *text;       /* NULL when text is a function */
    int text_fn;      /* ORL_NOFN or a function(s) returning the text */
    char *go;         /* target scene id as written */
    int target;       /* scene index, or -1 when unknown */
    int when_fn;      /* ORL_NOFN or a function(s) returning true to show the choice */
    int has_at;       /* `at = { x, y }`: a hotspot on the picture, 0..1 of the canvas */
    float at[2];
    int has_angles;   /* `at = { yaw = .., pitch = .. }` in a panorama, degrees */
    float yaw, pitch;
    orl_loc loc;
} orl_choice;

typedef struct orl_layer {
    char *image;
    float depth;      /* > 0; 1 = the screen plane; bigger is farther */
    orl_loc loc;
} orl_layer;

typedef struct orl_camera {
    int set;
    float from[3], to[3];
    float seconds;    /* > 0 */
} orl_camera;

typedef struct orl_fact {
    int set;
    char *text;
    char *source;     /* required: facts carry their source */
    char *url;        /* optional */
    orl_loc loc;
} orl_fact;

typedef struct orl_scene {
    char *id;
    orl_loc loc;
    char *title;      /* optional short title (graph, save slots) */
    char *text;       /* NULL when text_fn is set */
    int text_fn;
    char *background;
    char *panorama;   /* equirectangular image */
    int has_look;
    float look[3];    /* yaw, pitch, fov in degrees */
    orl_layer *layers;
    int nlayers;
    orl_camera camera;
    char *testimony;  /* testimony id as written */
    int testimony_idx;/* -1 when none or unknown */
    orl_fact fact;
    char *music;      /* optional audio file played under the scene */
    orl_strlist warnings;
    char *skip_to;    /* with warnings: where "Skip this part" leads (a scene id), or NULL */
    int skip_to_idx;  /* -1 when none or unknown */
    char *skip_text;  /* with warnings: a short text shown in the skipped part's place, or NULL */
    int on_enter_fn;
    orl_choice *choices;
    int nchoices;
    int ending;
} orl_scene;

typedef struct orl_consent {
    int set;
    char *recorded;   /* "YYYY-MM-DD" */
    char *expires;    /* "YYYY-MM-DD" or NULL (then check errors: consent must end) */
    orl_strlist scope;     /* deployments: kiosk, exhibition, workshop, online */
    orl_strlist anonymised;/* name, face, voice, place... */
    orl_loc loc;
} orl_consent;

/* What a testimony is: a person's own words (the default), or words written for the story
 * from real accounts (recreated: one person's account retold; composite: several people's
 * accounts made into one voice). The audience is told so wherever the testimony appears
 * (story/care.h: orl_testimony_heading), and a withheld one never claims a real person. */
typedef enum orl_testimony_kind {
    ORL_KIND_DEFAULT = 0, /* not written: the story's kind, else real */
    ORL_KIND_REAL,
    ORL_KIND_RECREATED,
    ORL_KIND_COMPOSITE,
} orl_testimony_kind;

typedef struct orl_testimony {
    char *id;
    orl_loc loc;
    char *narrator;
    int narrator_idx; /* -1 when unknown */
    char *text;       /* transcript */
    char *audio;
    char *captions;   /* WebVTT */
    orl_consent consent;
    orl_strlist warnings;
    orl_testimony_kind kind; /* as written (ORL_KIND_DEFAULT when not); orl_testimony_kind_of */
    char *skip_text;  /* with warnings: a short text shown in its place when skipped, or NULL */
} orl_testimony;

typedef struct orl_narrator {
    char *id;
    orl_loc loc;
    char *name;
    char *portrait;
} orl_narrator;

typedef struct orl_support {
    char *name;
    char *contact;    /* phone, address or URL */
    char *note;
    orl_loc loc;
} orl_support;

typedef struct orl_story {
    /* metadata from story { ... } */
    char *id, *version, *title, *language, *start, *credits, *cover, *licence;
    orl_strlist authors;
    orl_strlist translations;
    orl_strlist warnings;
    orl_testimony_kind kind; /* `kind`: the default for its testimonies (ORL_KIND_DEFAULT = real) */
    orl_support *support;
    int nsupport;
    orl_loc loc;       /* where story { } was written; file NULL when missing */
    int start_idx;     /* -1 when missing or unknown */

    orl_scene *scenes;
    int nscenes;
    orl_testimony *testimonies;
    int ntestimonies;
    orl_narrator *narrators;
    int nnarrators;

    /* internals: interned file names, id index, the sandbox with the story's functions */
    char **files;
    int nfiles;
    void *index;       /* scene id -> index hash */
    orl_script *script;
    orl_fs *fs;
    int state_ref;     /* template for a new state (empty table) */
    void *loading;     /* the loader while story.lua runs; NULL after */
    void *catalog;     /* translations in use (story/locale.h), or NULL */
    char *lang;        /* the language the strings are in now (owned) */
    long long made;    /* days since 1970 the bundle was made (its manifest's `made`); 0 when
                          unknown or a folder. A clock before it counts as wrong: consent.h */
} orl_story;

typedef struct orl_load_opts {
    orl_script_desc script; /* memory cap, seed... (zero = defaults) */
    const char *entry;      /* entry file, default "story.lua" */
    const char *lang;       /* reader's language: strings come from locale/LANG.po when the
                               story has it; NULL or the source language = as written */
    long load_instructions; /* budget for running story.lua: 0 = ORL_LUA_INSTRUCTIONS_LOAD */
    double load_seconds;    /* wall clock for the whole load, story.lua and the conversion after it:
                               0 = ORL_LOAD_SECONDS (fuzzers use less) */
} orl_load_opts;

/* Opens PATH (folder or bundle) and loads its story. Returns:
 *   the story, with every problem found while loading added to diags (check them: a story
 *   with errors may be incomplete but is safe to inspect and free);
 *   NULL when PATH cannot be read at all or has no story.lua (one diagnostic says why; the
 *   command exits 2). */
orl_story *orl_story_load(const char *path, const orl_load_opts *opts, orl_diags *diags);
/* Loads from an already opened fs (the story takes ownership of fs, even on failure). */
orl_story *orl_story_load_fs(orl_fs *fs, const orl_load_opts *opts, orl_diags *diags);
void orl_story_free(orl_story *st);

/* Scene index by id, or -1. */
int orl_story_find_scene(const orl_story *st, const char *id);
int orl_story_find_testimony(const orl_story *st, const char *id);
int orl_story_find_narrator(const orl_story *st, const char *id);

/* Static checks over a loaded story (references, reachability, files, consent, facts...):
 * adds to diags. Loading already reports syntax, types and unknown fields. */
typedef struct orl_check_opts {
    long long today;      /* days since 1970-01-01 for consent expiry; 0 = the real date */
} orl_check_opts;
void orl_story_check(orl_story *st, const orl_check_opts *opts, orl_diags *diags);
/* Per scene, 1 when following choices (whatever their `when`) from the start reaches it;
 * all 0 without a start. Caller frees; NULL when out of memory. */
unsigned char *orl_story_reachable(const orl_story *st);

/* A testimony's kind, the story's default applied: ORL_KIND_REAL, _RECREATED or _COMPOSITE. */
orl_testimony_kind orl_testimony_kind_of(const orl_story *st, const orl_testimony *t);
/* "real", "recreated", "composite" as written in story.lua; -1 (as int) when unknown. */
int orl_testimony_kind_parse(const char *s);
const char *orl_testimony_kind_name(orl_testimony_kind k);

/* Days since 1970-01-01 for "YYYY-MM-DD", or -1 when it is not such a date. */
long long orl_parse_date(const char *s);
long long orl_today(void);

#endif
