/* A playthrough: the current scene and the story state `s`. The terminal player, the window
 * player, walk and the kiosk all play through this, so a story behaves the same everywhere.
 * Script errors become diagnostics naming the scene and the author's file:line. */
#ifndef ORL_RUN_H
#define ORL_RUN_H
#include <stddef.h>
#include "core/strutil.h"
#include "story/story.h"

typedef struct orl_run orl_run;

/* A new playthrough with an empty state, not yet in any scene. NULL on OOM. The story must
 * outlive it. */
orl_run *orl_run_new(orl_story *st);
void orl_run_free(orl_run *r);
/* Empties the state and leaves the scene. 0, or -1 when out of memory (the old state is
 * kept then: start again or give up). */
int orl_run_reset(orl_run *r);

/* Enters scene `scene` (runs its on_enter). 0, or -1 after adding a diagnostic. */
int orl_run_enter(orl_run *r, int scene, orl_diags *d);
/* Enters the story's start scene. */
int orl_run_start(orl_run *r, orl_diags *d);
/* The current scene index, -1 before the start. */
int orl_run_scene(const orl_run *r);
/* Choices shown now (their `when` is true or absent): writes their indexes into out (at most
 * max) and returns how many, or -1 after a script error. */
int orl_run_visible(orl_run *r, int *out, int max, orl_diags *d);
/* Follows choice `choice` (an index into the scene's choices) to its target. */
int orl_run_choose(orl_run *r, int choice, orl_diags *d);
/* The current scene's text / a choice's text, after running text functions. Owned by the
 * caller; never NULL unless out of memory (an error gives "" and a diagnostic). */
char *orl_run_scene_text(orl_run *r, orl_diags *d);
char *orl_run_choice_text(orl_run *r, int choice, orl_diags *d);

/* The state, canonically encoded (see script/state.h). 0, or -1 with a diagnostic when the
 * state holds something that is not a plain value. */
int orl_run_state_save(orl_run *r, orl_buf *out, orl_diags *d);
/* Replaces the state. 0, or -1 when the bytes are damaged. */
int orl_run_state_load(orl_run *r, const char *p, size_t n);
/* Puts the playthrough in `scene` with a saved state, without running on_enter. */
int orl_run_restore(orl_run *r, int scene, const char *p, size_t n);
/* Counts of calls into story code (for benchmarks). */
long orl_run_calls(const orl_run *r);

#endif
