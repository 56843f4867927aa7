/* Character classes the layout needs beyond FriBidi's: the script of a character (for
 * HarfBuzz), directional controls, break spaces; and the visual reordering of runs. */
#include "render/text_private.h"

/* Script ranges, sorted by first code point. Characters outside them (ASCII punctuation and
 * digits, spaces, general punctuation, symbols, combining marks shared by scripts) are
 * "common" (index 0) and take the script of the run they are in. */
static const char *const tags[] = {
    "Zyyy", "Latn", "Grek", "Cyrl", "Armn", "Hebr", "Arab", "Syrc", "Thaa", "Deva", "Beng",
    "Guru", "Gujr", "Orya", "Taml", "Telu", "Knda", "Mlym", "Sinh", "Thai", "Laoo", "Tibt",
    "Mymr", "Geor", "Hang", "Ethi", "Cher", "Khmr", "Hira", "Kana", "Hani",
};
enum { LATN = 1, GREK, CYRL, ARMN, HEBR, ARAB, SYRC, THAA, DEVA, BENG, GURU, GUJR, ORYA, TAML,
       TELU, KNDA, MLYM, SINH, THAI, LAOO, TIBT, MYMR, GEOR, HANG, ETHI, CHER, KHMR, HIRA, KANA,
       HANI };

static const struct { uint32_t lo, hi; unsigned char script; } ranges[] = {
    {0x0041, 0x005A, LATN}, {0x0061, 0x007A, LATN}, {0x00AA, 0x00AA, LATN},
    {0x00BA, 0x00BA, LATN}, {0x00C0, 0x00D6, LATN}, {0x00D8, 0x00F6, LATN},
    {0x00F8, 0x02AF, LATN}, {0x0370, 0x0373, GREK}, {0x0375, 0x037D, GREK},
    {0x037F, 0x0384, GREK}, {0x0386, 0x0386, GREK}, {0x0388, 0x03FF, GREK},
    {0x0400, 0x052F, CYRL}, {0x0531, 0x058F, ARMN}, {0x0591, 0x05FF, HEBR},
    {0x0600, 0x060B, ARAB}, {0x060D, 0x061A, ARAB}, {0x061D, 0x061E, ARAB},
    {0x0620, 0x063F, ARAB}, {0x0641, 0x064A, ARAB}, {0x0656, 0x066F, ARAB},
    {0x0671, 0x06DC, ARAB}, {0x06DE, 0x06FF, ARAB}, {0x0700, 0x074F, SYRC},
    {0x0750, 0x077F, ARAB}, {0x0780, 0x07BF, THAA}, {0x08A0, 0x08E1, ARAB},
    {0x08E3, 0x08FF, ARAB}, {0x0900, 0x0963, DEVA}, {0x0966, 0x097F, DEVA},
    {0x0980, 0x09FF, BENG}, {0x0A00, 0x0A7F, GURU}, {0x0A80, 0x0AFF, GUJR},
    {0x0B00, 0x0B7F, ORYA}, {0x0B80, 0x0BFF, TAML}, {0x0C00, 0x0C7F, TELU},
    {0x0C80, 0x0CFF, KNDA}, {0x0D00, 0x0D7F, MLYM}, {0x0D80, 0x0DFF, SINH},
    {0x0E00, 0x0E7F, THAI}, {0x0E80, 0x0EFF, LAOO}, {0x0F00, 0x0FFF, TIBT},
    {0x1000, 0x109F, MYMR}, {0x10A0, 0x10FF, GEOR}, {0x1100, 0x11FF, HANG},
    {0x1200, 0x139F, ETHI}, {0x13A0, 0x13FF, CHER}, {0x1780, 0x17FF, KHMR},
    {0x1C80, 0x1C8F, CYRL}, {0x1D00, 0x1D7F, LATN}, {0x1E00, 0x1EFF, LATN},
    {0x1F00, 0x1FFF, GREK}, {0x2C60, 0x2C7F, LATN}, {0x2D80, 0x2DDF, ETHI},
    {0x2DE0, 0x2DFF, CYRL}, {0x3041, 0x309F, HIRA}, {0x30A1, 0x30FA, KANA},
    {0x30FD, 0x30FF, KANA}, {0x3131, 0x318F, HANG}, {0x3400, 0x4DBF, HANI},
    {0x4E00, 0x9FFF, HANI}, {0xA640, 0xA69F, CYRL}, {0xA720, 0xA7FF, LATN},
    {0xAB30, 0xAB6F, LATN}, {0xAC00, 0xD7AF, HANG}, {0xF900, 0xFAFF, HANI},
    {0xFB00, 0xFB06, LATN}, {0xFB1D, 0xFB4F, HEBR}, {0xFB50, 0xFD3D, ARAB},
    {0xFD50, 0xFDFF, ARAB}, {0xFE70, 0xFEFE, ARAB}, {0xFF21, 0xFF3A, LATN},
    {0xFF41, 0xFF5A, LATN}, {0x20000, 0x3134F, HANI},
};

int orl_text__script_of(uint32_t cp)
{
    if (cp < 0x41) return 0;
    size_t lo = 0, hi = sizeof ranges / sizeof ranges[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < ranges[mid].lo) hi = mid;
        else if (cp > ranges[mid].hi) lo = mid + 1;
        else return ranges[mid].script;
    }
    return 0;
}

const char *orl_text__script_tag(int script)
{
    if (script < 0 || script >= (int)(sizeof tags / sizeof tags[0])) return tags[0];
    return tags[script];
}

int orl_text__is_bidi_control(uint32_t cp)
{
    return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

int orl_text__is_break_space(uint32_t cp)
{
    return cp == 0x20 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x2006) ||
           (cp >= 0x2008 && cp <= 0x200B) || cp == 0x205F || cp == 0x3000;
}

void orl_text_visual_order(const int *levels, int n, int *visual)
{
    if (!levels || !visual || n <= 0) return;
    int maxl = 0, minl = 1 << 30;
    for (int i = 0; i < n; i++) {
        visual[i] = i;
        if (levels[i] > maxl) maxl = levels[i];
        if (levels[i] < minl) minl = levels[i];
    }
    /* L2: from the highest level down to the lowest odd one, reverse every maximal
     * sequence of runs at that level or higher. */
    for (int lvl = maxl; lvl >= (minl | 1); lvl--) {
        int i = 0;
        while (i < n) {
            if (levels[visual[i]] < lvl) { i++; continue; }
            int j = i;
            while (j < n && levels[visual[j]] >= lvl) j++;
            for (int a = i, b = j - 1; a < b; a++, b--) {
                int t = visual[a];
                visual[a] = visual[b];
                visual[b] = t;
            }
            i = j;
        }
    }
}
