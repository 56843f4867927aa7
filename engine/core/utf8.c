#include "core/utf8.h"
#include "core/strutil.h"
#include <stdlib.h>
#include <string.h>

uint32_t orl_utf8_decode(const char *str, size_t len, size_t *n)
{
    const unsigned char *s = (const unsigned char *)str;
    *n = 1;
    if (len == 0) return 0xFFFD;
    unsigned c = s[0];
    if (c < 0x80) return c;
    size_t need;
    uint32_t cp, min;
    if (c >= 0xC2 && c <= 0xDF) { need = 1; cp = c & 0x1F; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { need = 2; cp = c & 0x0F; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { need = 3; cp = c & 0x07; min = 0x10000; }
    else return 0xFFFD;
    if (len < need + 1) return 0xFFFD;
    for (size_t i = 1; i <= need; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0xFFFD;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0xFFFD;
    *n = need + 1;
    return cp;
}

static int valid_at(const char *s, size_t len, size_t *n)
{
    uint32_t cp = orl_utf8_decode(s, len, n);
    if (cp != 0xFFFD) return 1;
    /* a genuine U+FFFD in the text is valid */
    return len >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBF &&
           (unsigned char)s[2] == 0xBD;
}

size_t orl_utf8_invalid_at(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        while (i + 8 <= len) { /* ASCII runs, 8 bytes at a time */
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ULL) break;
            i += 8;
        }
        if (i >= len) break;
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) { i++; continue; }
        /* the usual case in Spanish or French text (á, é, ñ, ç...): two bytes */
        if (c >= 0xC2 && c <= 0xDF && i + 1 < len && ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
            i += 2;
            continue;
        }
        size_t n;
        if (!valid_at(s + i, len - i, &n)) return i;
        i += n;
    }
    return (size_t)-1;
}

char *orl_utf8_sanitize(const char *s, size_t len)
{
    if (orl_utf8_invalid_at(s, len) == (size_t)-1) return orl_strndup(s, len);
    orl_buf b = {0};
    size_t i = 0;
    while (i < len) {
        size_t n;
        if ((unsigned char)s[i] < 0x80) { orl_buf_put(&b, s + i, 1); i++; continue; }
        if (valid_at(s + i, len - i, &n)) orl_buf_put(&b, s + i, n);
        else orl_buf_put(&b, "\xEF\xBF\xBD", 3);
        i += n;
    }
    if (!b.data && !b.oom) return orl_strdup("");
    if (b.oom) { orl_buf_free(&b); return NULL; }
    return b.data;
}

size_t orl_utf8_length(const char *s, size_t len)
{
    size_t i = 0, count = 0;
    while (i < len) {
        size_t n;
        orl_utf8_decode(s + i, len - i, &n);
        i += n;
        count++;
    }
    return count;
}
