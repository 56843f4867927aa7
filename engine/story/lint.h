/* Workshop advice that `orilla check` adds to the static checks of orl_story_check: things
 * that are not wrong but that a reader would notice.
 *   - long-text      a scene text longer than fits on the screen at the default size;
 *   - image-large    a picture much larger than the screen (read from its PNG/JPEG header);
 *                    image-too-big when Orilla cannot open it at all; image-damaged when
 *                    its header is fine but it does not decode (opts->decode_image);
 *   - what `walk --all` finds, from a bounded walk (when the story loaded without errors):
 *                    script errors in on_enter and when, dead ends made by conditions, and
 *                    always-hidden, a choice whose `when` is false on every path;
 *   - translations   per language: how much of the story locale/LANG.po translates (a note
 *                    when all, a warning when not), drafts (fuzzy), entries whose source text
 *                    is no longer in the story (obsolete), and PO syntax errors (errors). */
#ifndef ORL_LINT_H
#define ORL_LINT_H
#include "story/story.h"

typedef struct orl_lint_opts {
    int screen_w, screen_h;   /* the default screen: 1920x1080 when 0 */
    int text_chars;           /* characters of scene text that fit: ORL_LINT_TEXT_CHARS when 0 */
    long walk_states;         /* bound of the walk (script errors, dead ends made by 'when',
                                 always-hidden): ORL_LINT_WALK_STATES when 0; -1 = do not walk */
    int load_errors;          /* the story loaded with errors: do not walk what was half read */
    int verbose;              /* translations: list each missing or obsolete text (else one line) */
    /* Decodes a picture whole, as the player will (orl_image_verify, render/scene.h): 0 when
     * it can be shown, else -1 and why (the decoder's reason). NULL: pictures are only
     * checked from their headers. */
    int (*decode_image)(orl_fs *fs, const char *name, char *why, size_t whylen);
} orl_lint_opts;

/* About 600 characters of text fit in the text box at the default size (1920x1080, the
 * default font size): more and the reader scrolls or misses the end. */
#define ORL_LINT_TEXT_CHARS 600
/* States the walk of `check` visits before it gives up quietly (`walk --all` goes further):
 * a few seconds at most on a workshop laptop. A large story gets fewer per scene, so that the
 * walk costs about as much as loading it: orl_lint_walk_states(). */
#define ORL_LINT_WALK_STATES 50000L
/* the walk's work, in states x scenes, beyond which it gets only 2 states a scene (+ 100) */
#define ORL_LINT_WALK_WORK 2000000L
/* The bound for a story of n scenes: ORL_LINT_WALK_STATES up to 40 scenes, then
 * ORL_LINT_WALK_WORK / n, but never below 2n + 100 (a story without state variables has one
 * state a scene, so its walk always finishes). */
long orl_lint_walk_states(int nscenes);
/* ... and the seconds it may take at most (a story whose functions are slow, but within their
 * budget, would otherwise make `check` wait minutes). */
#define ORL_LINT_WALK_SECONDS 10.0

void orl_story_lint(orl_story *st, const orl_lint_opts *opts, orl_diags *d);

/* Reads a picture's size from its first bytes (PNG or JPEG). 1 when found, 0 when the data
 * is not a PNG or JPEG (or is cut before the size), -1 when it claims to be one but is bad. */
int orl_image_size(const unsigned char *p, size_t n, unsigned *w, unsigned *h);

#endif
