/* UTF-8 checks. Story text comes from many editors and keyboards; bad bytes are reported by
 * `check` and shown as U+FFFD by the players, never passed on raw. */
#ifndef ORL_UTF8_H
#define ORL_UTF8_H
#include <stddef.h>
#include <stdint.h>

/* Returns the byte offset of the first invalid sequence, or (size_t)-1 when s is valid. */
size_t orl_utf8_invalid_at(const char *s, size_t len);
/* A copy with every invalid sequence replaced by U+FFFD. Caller frees; NULL on OOM. */
char *orl_utf8_sanitize(const char *s, size_t len);
/* Decodes one code point at s (len bytes available); stores its length in *n (>=1).
 * Invalid input yields 0xFFFD with *n = 1. */
uint32_t orl_utf8_decode(const char *s, size_t len, size_t *n);
/* Number of code points (invalid bytes count one each). */
size_t orl_utf8_length(const char *s, size_t len);

#endif
