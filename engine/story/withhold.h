/* Nothing withheld ships: the words of a testimony whose consent can no longer allow it
 * anywhere (story/consent.h: orl_consent_withheld) are taken out of the files `orilla pack`
 * puts in a bundle. The story folder itself is never changed: these functions make new
 * contents for the bundle's copy of a file.
 *
 *   story files (.lua)  the testimony's `text` becomes "" and its `audio`, `captions` and
 *                       `warnings` (its content note's words) nil,
 *                       in place, keeping every other byte and the line numbers (so messages
 *                       about the bundle still point at the right lines). The testimony itself
 *                       stays, with its consent, so the players show the notice in its place.
 *                       Only a value written as text in quotes (or several joined with ..)
 *                       can be taken out; anything else (a variable, a function call) is an
 *                       error that asks the author to write the text in quotes.
 *   PO and POT files    every entry whose msgid is the testimony's words (obsolete "#~"
 *                       entries too) is dropped.
 *
 * withheld[i] is 1 for testimony i of st to leave out. */
#ifndef ORL_WITHHOLD_H
#define ORL_WITHHOLD_H
#include "core/strutil.h"
#include "story/story.h"

/* Rewrites the story file `file` (its name as the story knows it, e.g. "story.lua"; src, len:
 * its bytes) into out. *changed: how many testimonies were rewritten. Returns 0, or -1 with an
 * error diagnostic per testimony that could not be rewritten (or out of memory). */
int orl_withhold_lua(const orl_story *st, const unsigned char *withheld, const char *file, const char *src,
                     size_t len, orl_buf *out, int *changed, orl_diags *d);
/* Copies PO text into out without the entries holding withheld words. *dropped: how many.
 * Returns 0, or -1 when out of memory. */
int orl_withhold_po(const orl_story *st, const unsigned char *withheld, const char *src, size_t len,
                    orl_buf *out, int *dropped);

#endif
