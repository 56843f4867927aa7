/* Anonymous statistics of a kiosk, kept in SQLite: how many sessions each story had per day,
 * and, over the whole life of the database, how often each choice was taken, how often each
 * ending was reached, how many sessions passed through each scene, and in which language.
 *
 * Only counters. There is no row per visitor or per session, no session id, no time finer
 * than the day (and the day only on session counts, never on choices), no free text: a row
 * is (story id, version, scene id, choice number) -> count. docs/kiosk.md says why: events
 * that can be linked to each other (a session id, a timestamp, the order rows were written)
 * rebuild one person's whole path, and a path is a story about that person. In particular:
 *   - the tables are WITHOUT ROWID (a rowid would keep the order in which rows first
 *     appeared, i.e. the first visitors' paths);
 *   - a session's counters are written in one transaction when it ends, and the WAL is then
 *     checkpointed and truncated, so no journal keeps "what changed in that commit";
 *   - choices carry no day (a day with one visitor would be that visitor's path).
 *
 * Robustness: the kiosk must never stop because of its statistics. Every function accepts a
 * NULL orl_stats (and does nothing); a damaged, missing or read-only database makes
 * orl_stats_open return NULL with a reason (the kiosk logs it and runs without statistics),
 * and a write that fails is rolled back and reported, never fatal. */
#ifndef ORL_KIOSK_STATS_H
#define ORL_KIOSK_STATS_H
#include <stdio.h>
#include "core/log.h"
#include "story/consent.h"
#include "story/story.h"

/* 1: the counters; 2: and a `meta` table with the file's random identity (stats merge). */
#define ORL_STATS_SCHEMA_VERSION 2
/* The identity: 16 random bytes as hex. */
#define ORL_STATS_ID_LEN 32
/* Milliseconds a write waits for another process holding the database (`orilla stats` run by
 * an operator while the kiosk writes). */
#define ORL_STATS_BUSY_MS 3000
/* Sessions in a row whose writes failed after which statistics count as off (a full disk, a
 * read-only file system): the log and the operator menu say so once, and then at most every
 * ORL_STATS_QUIET_SECONDS while it lasts. Each new session still tries (a failed write costs
 * a few milliseconds), so once space is freed the next session is recorded and statistics are
 * back on. A damaged file stays off until the next start (where it is set aside). */
#define ORL_STATS_MAX_FAILURES 5
#define ORL_STATS_QUIET_SECONDS 600
/* Default k-anonymity-like threshold: "how others chose" needs this many sessions at a scene. */
#define ORL_STATS_MIN_SESSIONS_DEFAULT 20
/* Steps of one session kept in memory (a longer path is cut: the rest is not counted). */
#define ORL_STATS_MAX_STEPS 1024

typedef struct orl_stats orl_stats;

typedef struct orl_stats_opts {
    int readonly;        /* `orilla stats`: never writes, never creates */
    int set_aside_damaged; /* the kiosk: a damaged file is renamed FILE.damaged-N and a new one
                              started (statistics go on; the operator menu and log say so) */
    long long today;     /* days since 1970 for the day bucket; 0 = orl_today() */
    orl_log *log;        /* where problems are logged (may be NULL: stderr) */
} orl_stats_opts;

/* Opens or creates the database (WAL, busy timeout, schema version checked). Returns NULL
 * when it cannot be used, with a one-line reason in err: not a database or damaged (and not
 * set aside), made by a newer Orilla, cannot be created or written. opts may be NULL. */
orl_stats *orl_stats_open(const char *path, const orl_stats_opts *opts, char *err, size_t errlen);
void orl_stats_close(orl_stats *s);
/* 1 while writes work; 0 after ORL_STATS_MAX_FAILURES failed sessions in a row, until a
 * session is recorded again (or NULL). */
int orl_stats_ok(const orl_stats *s);
/* The last problem ("" when none), for the operator menu. A damaged file set aside at open
 * is reported here too. */
const char *orl_stats_problem(const orl_stats *s);
/* Sets the day used for the next writes (days since 1970; 0 = orl_today()). */
void orl_stats_set_today(orl_stats *s, long long today);

/* A step of a session: at scene `scene` the visitor took choice number `choice` (1-based, in
 * the order the choices are written in the story), which leads to `target`. */
typedef struct orl_stats_step {
    const char *scene;
    int choice;
    const char *target;
} orl_stats_step;

/* A session began (the visitor entered the story's first scene), in language lang. 0 or -1. */
int orl_stats_session_start(orl_stats *s, const char *story, const char *version, const char *lang);
/* A session ended: finished (an ending was reached at last_scene) or abandoned (walked away,
 * went back to the stories, or the story failed). Records in one transaction: each step's
 * choice; each scene the session passed through (once per session, last_scene included);
 * the ending; finished or abandoned. Then the WAL is truncated. 0 or -1. */
int orl_stats_session_end(orl_stats *s, const char *story, const char *version, const orl_stats_step *steps,
                          int nsteps, const char *last_scene, int finished);

/* "How others chose": the share of each choice taken at a scene, over every recorded session
 * of that story version. Returns the number of choices written to out (at most max), or -1
 * when fewer than min_sessions sessions passed through the scene (or on error): then nothing
 * may be shown. *sessions (may be NULL) receives the sessions counted at the scene. */
typedef struct orl_stats_share {
    int choice;        /* 1-based */
    long long count;
    double share;      /* 0..1 of the choices taken at the scene */
    int percent;       /* what a visitor may see: orl_stats_percent5 */
} orl_stats_share;
/* A share as visitors see it: rounded to the nearest 5 %, and never 0 % for a choice someone
 * took nor 100 % when someone chose otherwise (5..95 then), so the rounding cannot claim
 * "nobody" or "everybody". 0 when total <= 0. */
int orl_stats_percent5(long long count, long long total);
int orl_stats_shares(orl_stats *s, const char *story, const char *version, const char *scene, long long min_sessions,
                     orl_stats_share *out, int max, long long *sessions);
/* May "how others chose" be shown for this scene here and now? Not when the scene has a
 * testimony whose consent does not cover this deployment today (story/consent.h): the
 * numbers would point at the narrator's story where it may not be told. */
int orl_stats_others_allowed(const orl_story *st, int scene, const orl_consent_ctx *c);

/* Totals for the operator menu and the stats command. story NULL: every story. */
typedef struct orl_stats_summary {
    long long started, finished, abandoned;
    long long started_today;
    long long stories;  /* distinct story ids */
} orl_stats_summary;
int orl_stats_summary_of(orl_stats *s, const char *story, orl_stats_summary *out);

/* What the reports show, and how. The small-count rule: a decision (scene) fewer than
 * min_sessions sessions passed through is held back whole (no choice counts, no share, no
 * scene row, not even its id: a list of scenes each passed by one session would spell out
 * one visitor's path), and so is an ending reached fewer than min_sessions times; each
 * report says how many were held back. Sessions per day and per language are counts of
 * sessions, never of paths, and are shown. */
typedef struct orl_stats_report_opts {
    const char *story;          /* keep this story id; NULL: every story */
    long long min_sessions;     /* the small-count rule (1: everything, for rehearsals and tests) */
    const orl_story *labels;    /* that story (orilla stats --story PATH): decisions in its order,
                                   with its title, scene titles and choice labels; scenes with one
                                   way on left out. NULL: ids and numbers, most travelled first */
} orl_stats_report_opts;

/* The database as a readable table (csv 0) or as CSV (csv 1) with the header
 *   kind,story,version,day,scene,choice,target,lang,count
 * kind: started, finished, abandoned (per day), language, scene (sessions that passed),
 * choice, ending; held-back-scenes and held-back-endings (count: how many were held back by
 * the small-count rule). 0, or -1 when the database cannot be read. */
int orl_stats_report(orl_stats *s, FILE *out, int csv, const orl_stats_report_opts *o);
/* One CSV field: quoted when it holds a comma, quote, CR or LF (quotes doubled); a text that
 * starts with = + - @ or a tab gets a leading ' so a spreadsheet does not run it as a
 * formula (story ids come from bundles: untrusted). */
void orl_stats_csv_field(FILE *out, const char *s);
/* "YYYY-MM-DD" for days since 1970 (out: 11 bytes). */
void orl_stats_day_string(long long days, char out[11]);

/* The file's identity (ORL_STATS_ID_LEN hex digits, made at random when the file was
 * created), or "" for a file of schema 1 opened read-only. */
const char *orl_stats_id(const orl_stats *s);
/* 1 for a file made by orl_stats_merge. */
int orl_stats_is_merged(const orl_stats *s);

/* `orilla stats merge`: combines the statistics of several kiosks into out, never counting
 * anything twice. Each kiosk's file has a random identity; a merged file keeps, for each
 * identity it holds, that file's counters as they were (table source_counts) and its session
 * totals (table sources). For each identity met in the inputs (a kiosk's file, or a source
 * inside a merged file) the copy with the most sessions (started + finished + abandoned) is
 * kept and the others are left out: counters only grow, so the larger copy is the newer one
 * and holds everything the older held. Two copies that cannot be one the continuation of the
 * other (a kiosk's file copied to start another kiosk, a backup restored) are reported in
 * warnings. out is written to a temporary file beside it and renamed: never half written; it
 * may not be one of the inputs. Prints what it kept and left out to report (may be NULL).
 * Returns 0, or -1 with "FILE: message" in err. */
typedef struct orl_stats_merge_result {
    int sources;        /* identities in out */
    int left_out;       /* copies left out (older, or the same) */
    int warnings;
    long long started, finished, abandoned;
} orl_stats_merge_result;
int orl_stats_merge(const char *const *inputs, int ninputs, const char *out, FILE *report, FILE *warnings,
                    orl_stats_merge_result *res, char *err, size_t errlen);

/* `orilla stats --svg`: bar charts for a report (A4 portrait width): per story version, the
 * sessions per day, the languages, the endings reached, and per decision the share of each
 * choice, in the story's order and words with opts->labels, else labelled with the scene id,
 * the choice number and the scene it leads to. The small-count rule as in orl_stats_report.
 * Returns 0, or -1 when the database cannot be read. */
int orl_stats_svg(orl_stats *s, FILE *out, const orl_stats_report_opts *o);

#endif
