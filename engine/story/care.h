/* Care: what the audience is told before difficult content, what they may skip, and what a
 * skip hides. The terminal player and the window player ask these functions, so both behave
 * the same; docs/care.md explains the choices to facilitators.
 *
 * The rules:
 *   - Story warnings (story { warnings = {...} }) are shown once, before the story starts.
 *     They are a note, not a question: the reader can leave at any moment anyway.
 *   - Scene warnings (scene { warnings = {...} }) are asked about before the scene's content:
 *     "Continue" or "Skip this part". Skipping a scene hides everything the scene shows —
 *     its text, pictures, music, testimony and fact — and shows only its choices (with a
 *     short "you skipped this part" line), so the story goes on.
 *   - Testimony warnings (testimony { warnings = {...} }) are asked about just before the
 *     testimony, and only when the testimony would be shown at all (consent allows it).
 *     Skipping hides the testimony only (transcript, audio, captions, portrait); the scene's
 *     own text, pictures and fact stay. When the reader has just said "Continue" to a scene
 *     note that already named every one of the testimony's warnings, they are not asked twice.
 *   - A testimony that consent does not allow is never shown and never asked about: the
 *     consent notice takes its place (story/consent.h decides; this module only asks it).
 * The reader is asked again each time they come back to a scene. */
#ifndef ORL_CARE_H
#define ORL_CARE_H
#include "story/consent.h"
#include "story/story.h"

typedef enum orl_care_part {
    ORL_CARE_STORY = 0,  /* before the story starts: a note, not skippable */
    ORL_CARE_SCENE,      /* before a scene's content */
    ORL_CARE_TESTIMONY,  /* before a testimony */
} orl_care_part;

/* The reader's answer to a content note. */
typedef enum orl_care_answer {
    ORL_CARE_NOT_ASKED = 0, /* no note, or not answered yet */
    ORL_CARE_CONTINUE,
    ORL_CARE_SKIP,
} orl_care_answer;

typedef struct orl_care_note {
    orl_care_part part;
    const orl_strlist *warnings; /* the words to show after "Content note:"; borrowed from st */
    int skippable;               /* 1: ask "Continue / Skip this part"; 0: only show the note */
} orl_care_note;

/* The note before the story, when the story has warnings: fills *out, returns 1; else 0. */
int orl_care_story_note(const orl_story *st, orl_care_note *out);
/* The note before scene s's content, when it has warnings: fills *out, returns 1; else 0. */
int orl_care_scene_note(const orl_story *st, const orl_scene *s, orl_care_note *out);
/* The note before scene s's testimony, given the reader's answer to the scene note (or
 * ORL_CARE_NOT_ASKED when there was none): fills *out and returns 1 when the testimony will
 * be shown (consent allows, the scene was not skipped), has warnings, and they were not all
 * already accepted with the scene's note; else 0. c: where and when (story/consent.h). */
int orl_care_testimony_note(const orl_story *st, const orl_scene *s, const orl_consent_ctx *c,
                            orl_care_answer scene_answer, orl_care_note *out);

/* What to show of scene s, given the answers so far. A player calls it on entering the scene
 * (answers ORL_CARE_NOT_ASKED), asks what it is told to ask, and calls it again:
 *   ask_scene       ask the scene's note (orl_care_scene_note) before showing anything;
 *                   everything else is 0 until it is answered;
 *   ask_testimony   show the rest, but ask the testimony's note (orl_care_testimony_note)
 *                   before the testimony; `testimony` is 0 until it is answered Continue.
 * So content behind a note is never shown before the reader has said Continue. */
typedef struct orl_care_view {
    int ask_scene;
    int ask_testimony;
    int skipped;        /* the scene was skipped: show the "skipped" line, then only the choices */
    int text;           /* the scene's text (and title) */
    int pictures;       /* background, layers, panorama, camera */
    int music;          /* the scene's music */
    int fact;           /* the fact and its source */
    int testimony;      /* the testimony: transcript, audio, captions, narrator */
    int testimony_skipped; /* the reader skipped the testimony: show the "skipped" line in its place */
    int consent_notice; /* the consent notice, in the testimony's place */
    int choices;        /* 1 once the scene's note (if any) is answered: the story goes on */
} orl_care_view;

orl_care_view orl_care_view_of(const orl_story *st, const orl_scene *s, const orl_consent_ctx *c,
                               orl_care_answer scene_answer, orl_care_answer testimony_answer);

/* ---- what a testimony is, said to the audience (story.h: orl_testimony_kind) ----
 * Every player, `text`, the voice, the credits and the kiosk use these words, so a recreated
 * or composite testimony is named as such everywhere, in the reader's language. */
/* "recreated from real accounts" / "a composite of several real accounts" in lang, or NULL for
 * a real testimony. */
const char *orl_testimony_label(const orl_story *st, const orl_testimony *t, const char *lang);
/* The line above a testimony: "Testimony of NAME", with the label in brackets when it is not
 * a real person's own words. Owned by the caller; NULL when out of memory. */
char *orl_testimony_heading(const orl_story *st, const orl_testimony *t, const char *lang);
/* The notice shown in place of a testimony consent does not allow: for a real testimony the
 * consent notice (a person chose); for a recreated or composite one a notice that claims no
 * real person. */
const char *orl_testimony_notice(const orl_story *st, const orl_testimony *t, const char *lang);
/* For the credits and the kiosk: one line per kind that is not real, "Testimonies recreated
 * from real accounts, ...: Marisol, Andrés" (the narrators' names, each once). Owned by the
 * caller; NULL when every testimony is real (or out of memory). names = 0: the lines without
 * the names (a kiosk card). */
char *orl_story_kinds_credit(const orl_story *st, const char *lang, int names);
/* What is shown in place of a skipped scene (t NULL) or testimony: its skip_text when the
 * story gives one (in the story's language in use), else "(You skipped this part.)". */
const char *orl_care_skipped_text(const orl_scene *s, const orl_testimony *t, const char *lang);

/* 1 when story warnings / the story has support resources to show on the care screen. */
int orl_care_has_support(const orl_story *st);

#endif
