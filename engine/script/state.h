/* The story state `s`: plain values only (booleans, numbers, strings, tables of them), so it
 * can be copied, saved, rolled back, compared and logged. Encoded canonically (keys sorted),
 * so two equal states have equal bytes. */
#ifndef ORL_STATE_H
#define ORL_STATE_H
#include <stddef.h>
#include "core/strutil.h"

typedef struct lua_State lua_State;

/* Encodes the table at stack index idx into out. Returns 0, or -1 with *err (owned) saying
 * which part of the state is not a plain value, e.g. "s.visits.ana holds a function", or
 * that memory ran out (*err is NULL only when even those words could not be allocated). */
int orl_state_encode(lua_State *L, int idx, orl_buf *out, char **err);
/* Pushes a new table decoded from bytes made by orl_state_encode. Returns 0, or -1 with
 * *err when the bytes are damaged (nothing pushed). */
int orl_state_decode(lua_State *L, const char *p, size_t n, char **err);
/* Appends a readable one-line form, like {pasos=3, vio_ana=true}, of encoded state. */
void orl_state_describe(const char *p, size_t n, orl_buf *out);

#endif
