/* Inside the statistics: shared by stats.c (open, writes, reports), stats_merge.c (orilla
 * stats merge) and stats_svg.c (orilla stats --svg). */
#ifndef ORL_KIOSK_STATS_INTERNAL_H
#define ORL_KIOSK_STATS_INTERNAL_H
#include <sqlite3.h>
#include "kiosk/stats.h"

struct orl_stats {
    sqlite3 *db;
    char *path;
    int readonly;
    long long today;
    orl_log *log;
    int failures;  /* sessions in a row whose writes failed */
    int off;       /* switched off: 1 after too many failures (each session tries again), 2 damaged (not) */
    int counted;   /* this session's failure is already counted */
    int open;      /* this session's start is recorded, its end not yet */
    long long lost; /* sessions not recorded since off (1) */
    double quiet_since; /* when the last "still off" line was logged (monotonic seconds) */
    char problem[512];
    char id[ORL_STATS_ID_LEN + 1]; /* the file's identity ("" in a schema-1 file opened read-only) */
    int merged;    /* made by orilla stats merge (holds other files' counters) */
    long long session_day; /* the day the session in progress began (0: none): its end is
                              counted on that day too, whatever the clock says by then */
};

/* The identity of a statistics file: made once, when the file is created, from libsodium's
 * random bytes (never from the machine or a visitor). kind is "kiosk" or "merged". */
#define ORL_STATS_META_SQL "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"

/* The counting tables, schema_version and meta (CREATE statements). */
extern const char *const orl_stats_schema_sql;
/* What a merged file has more: for each source file it holds, its session totals and all its
 * counters as rows (orl_stats_rows' shape). */
#define ORL_STATS_MERGED_SQL                                                                                            \
    "CREATE TABLE sources (id TEXT PRIMARY KEY, started INTEGER NOT NULL, finished INTEGER NOT NULL,"                  \
    " abandoned INTEGER NOT NULL) WITHOUT ROWID;"                                                                       \
    "CREATE TABLE source_counts (source TEXT NOT NULL, kind TEXT NOT NULL, story TEXT NOT NULL,"                        \
    " version TEXT NOT NULL, day TEXT NOT NULL, scene TEXT NOT NULL, choice INTEGER NOT NULL, target TEXT NOT NULL,"    \
    " lang TEXT NOT NULL, count INTEGER NOT NULL,"                                                                      \
    " PRIMARY KEY (source, kind, story, version, day, scene, choice, lang)) WITHOUT ROWID;"

/* Every counter of a file as rows of the same shape (the CSV's, without the kind "day" split):
 *   kind, story, version, day, scene, choice, target, lang, count
 * in one stable order. source NULL: the file's own counting tables; else the rows a merged
 * file keeps for that source. The statement is the caller's to finalize. */
sqlite3_stmt *orl_stats_rows(orl_stats *s, const char *source);

/* One story version as the reports show it (stats_report.c), the small-count rule applied:
 * the decisions at least min_sessions sessions passed (in the story's order, with its words,
 * when opts->labels is that story; else the most travelled first), the endings reached at
 * least min_sessions times, and how much was held back. Nothing held back is named. */
typedef struct orl_stats_choice {
    int choice;         /* 1-based, as written */
    char *target;
    char *label;        /* the choice's text in the story, or NULL */
    long long count;
} orl_stats_choice;
typedef struct orl_stats_decision {
    char *scene;
    char *title;        /* the scene's title or first words, or NULL */
    int order;          /* its place in the story, or -1 */
    long long sessions, taken;
    orl_stats_choice *choices;
    int nchoices;
} orl_stats_decision;
typedef struct orl_stats_ending {
    char *scene;
    char *title;
    long long count;
} orl_stats_ending;
typedef struct orl_stats_block {
    orl_stats_decision *decisions;
    int ndecisions;
    int labelled;               /* the story's words are used */
    int held_back;              /* decisions fewer than min_sessions sessions passed */
    long long held_back_sessions;
    int single;                 /* scenes with one way on, left out (only with labels) */
    orl_stats_ending *endings;
    int nendings;
    int endings_held_back;      /* endings reached fewer than min_sessions times */
    long long endings_held_back_count;
} orl_stats_block;
int orl_stats_block_read(orl_stats *s, const char *story, const char *version, const orl_stats_report_opts *o,
                         orl_stats_block *b);
void orl_stats_block_free(orl_stats_block *b);
/* How many kiosks' statistics the file holds: 1 for a kiosk's own file, the sources of a
 * merged one. */
int orl_stats_sources(orl_stats *s);

/* Fills out (ORL_STATS_ID_LEN + 1 bytes) with a new random identity (hex). 0 or -1. */
int orl_stats_new_id(char *out);

#endif
