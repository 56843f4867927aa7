/* The language table: see lang.h. */
#include "core/lang.h"
#include <string.h>

typedef struct lang_row { const char *code, *name; int rtl; } lang_row;

static const lang_row table[] = {
    {"es", "Español", 0},   {"en", "English", 0},     {"fr", "Français", 0},  {"ar", "العربية", 1},
    {"pt", "Português", 0}, {"it", "Italiano", 0},    {"de", "Deutsch", 0},   {"ca", "Català", 0},
    {"eu", "Euskara", 0},   {"gl", "Galego", 0},      {"qu", "Runasimi", 0},  {"ay", "Aymar aru", 0},
    {"gn", "Avañe'ẽ", 0},   {"ht", "Kreyòl ayisyen", 0}, {"nl", "Nederlands", 0}, {"uk", "Українська", 0},
    {"ru", "Русский", 0},   {"fa", "فارسی", 1},       {"tr", "Türkçe", 0},    {"ti", "ትግርኛ", 0},
    {"so", "Soomaali", 0},  {"wo", "Wolof", 0},       {"ps", "پښتو", 1},      {"ur", "اردو", 1},
    {"he", "עברית", 1},     {"yi", "ייִדיש", 1},      {"ckb", "کوردی", 1},    {"dv", "ދިވެހި", 1},
    {"sd", "سنڌي", 1},      {"ug", "ئۇيغۇرچە", 1},
};

size_t orl_lang_primary(const char *tag) { return tag ? strcspn(tag, "-_.@") : 0; }

int orl_lang_same(const char *a, const char *b)
{
    size_t na = orl_lang_primary(a), nb = orl_lang_primary(b);
    if (!na || na != nb) return 0;
    for (size_t i = 0; i < na; i++) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = (char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = (char)(y - 'A' + 'a');
        if (x != y) return 0;
    }
    return 1;
}

int orl_lang_match(const char *tag, const char *const *codes, size_t n)
{
    if (!tag || !*tag) return -1;
    for (size_t i = 0; i < n; i++)
        if (codes[i] && strcmp(codes[i], tag) == 0) return (int)i;
    for (size_t i = 0; i < n; i++)
        if (codes[i] && orl_lang_same(codes[i], tag)) return (int)i;
    return -1;
}

static const lang_row *find(const char *tag)
{
    for (size_t i = 0; tag && i < sizeof table / sizeof *table; i++)
        if (orl_lang_same(table[i].code, tag)) return &table[i];
    return NULL;
}

const char *orl_lang_name(const char *tag)
{
    const lang_row *r = find(tag);
    return r ? r->name : tag ? tag : "";
}

int orl_lang_rtl(const char *tag)
{
    const lang_row *r = find(tag);
    return r ? r->rtl : 0;
}
