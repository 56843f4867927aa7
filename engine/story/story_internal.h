/* Shared between the files of engine/story/ only. */
#ifndef ORL_STORY_INTERNAL_H
#define ORL_STORY_INTERNAL_H
#include "story/story.h"

/* Returns the story's own copy of a file name (for orl_loc), or NULL on OOM. */
const char *orl_story_intern_file(orl_story *st, const char *name);

/* check: a scene reached after a skip that names someone met only in the skipped part
 * (skipcheck.c); called by orl_story_check. */
void orl_story_check_skips(orl_story *st, orl_diags *d);

#endif
