/* The story as a picture: a Graphviz DOT graph (`orilla graph`), for a workshop wall.
 *
 *   - each scene is a box with its id and the first words of its text;
 *   - the start has an arrow from a green "start" dot; endings are double octagons;
 *   - a choice is an arrow labelled with the first words of its text; a choice with a
 *     `when` (shown only sometimes) is dashed;
 *   - scenes no choice leads to from the start are red ("cannot be reached"); scenes that
 *     are stuck (no choices, not an ending) are orange; a `go` to a scene that does not exist
 *     ends in a red dashed box;
 *   - a testimony is a note beside its scene, "Testimony of NAME"; the first words of its
 *     transcript appear only when its consent covers "workshop" today and it is not withdrawn
 *     (story/consent.h), never otherwise;
 *   - a small legend explains the shapes.
 * Labels keep UTF-8 as it is; quotes, backslashes and line breaks are escaped. */
#ifndef ORL_GRAPH_H
#define ORL_GRAPH_H
#include <stdio.h>
#include "story/story.h"

typedef struct orl_graph_opts {
    long long today;      /* for consent: days since 1970; 0 = the real date */
    const struct orl_withdrawn *withdrawn; /* the operator's withdrawal list (may be NULL): a
                                              withdrawn testimony's words are never drawn */
    int no_legend;        /* 1: leave the legend out */
    /* the words of the picture in another language (story/messages.h, code "@graph"); NULL =
     * English */
    const char *(*wording)(const char *code, const char *fmt);
} orl_graph_opts;

/* Writes the DOT text. 0, or -1 on a write error or out of memory. */
int orl_story_write_dot(const orl_story *st, const orl_graph_opts *opts, FILE *out);

/* Writes s as the inside of a DOT "quoted string": '"' and '\\' escaped, line breaks as
 * "\\n", other control characters dropped. */
void orl_dot_escape(FILE *out, const char *s);

#endif
