/* Paragraph layout: cleaning, BiDi levels (FriBidi), font fallback, line breaking on the
 * logical text, runs in visual order, and rendering runs shaped by SDL_ttf (HarfBuzz). */
#include "render/text_private.h"
#include "core/utf8.h"
#include <fribidi.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

struct orl_text_layout {
    orl_font_set *fs;
    int size;
    char *text;
    size_t len;
    orl_text_metrics m;
    int ink_top;      /* where a line's ink box starts, from the line's top (<= 0) */
    int ink_height;   /* height of the ink box: ascent + descent of the fonts used, at least */
    int ink_baseline; /* baseline, from the ink box's top */
    orl_text_line *lines;
    int nlines, cap_lines;
    orl_text_run *runs;
    int nruns, cap_runs;
};

/* A run while building: code point range too, and the script as an index. */
typedef struct trun {
    size_t cs, ce; /* code points [cs, ce) */
    int level, font, script, width;
} trun;

typedef struct build {
    orl_text_layout *L;
    orl_font_set *fs;
    size_t n;             /* code points */
    uint32_t *cp;
    size_t *off;          /* byte offset of each code point in L->text; off[n] = L->len */
    FriBidiCharType *types;
    FriBidiBracketType *btypes;
    FriBidiLevel *levels;
    signed char *font;
    unsigned char *script;
    int wrap;             /* wrap width in pixels */
    int used[ORL_FONT_SET_MAX_FONTS];
    int font_script[ORL_FONT_SET_MAX_FONTS]; /* the one script a font was used for: 0 none yet
                                                (only shared characters), -1 several */
    trun *tmp;            /* runs of the text being measured */
    int ntmp, cap_tmp;
    size_t *ends, *nexts; /* fitted segment ends of the line being filled */
    size_t nends, cap_ends;
    int url_valid;        /* the word piece_end looked at last: [url_ws, url_we), and where */
    size_t url_ws, url_we, url_path; /* its address's path starts (url_we: not an address) */
    size_t url_from, url_to; /* piece_end's last answer: from url_from, the piece ends at url_to */
    char *scratch;        /* NUL-terminated text of one run */
    size_t scratch_cap;
    int wend_valid;       /* word_end's last answer: from any of [wend_from, wend_to] (before */
    size_t wend_from, wend_to, wend_limit; /* wend_limit) the word ends at wend_to */
    int oom, stop;
} build;

/* ---------------------------------------------------------------------------------------
 * Small helpers */

static size_t utf8_encode(uint32_t c, char *o)
{
    if (c < 0x80) { o[0] = (char)c; return 1; }
    if (c < 0x800) {
        o[0] = (char)(0xC0 | (c >> 6));
        o[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        o[0] = (char)(0xE0 | (c >> 12));
        o[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        o[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (c >> 18));
    o[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    o[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

static int grow(void **p, int *cap, int need, size_t elem)
{
    if (need <= *cap) return 0;
    int nc = *cap ? *cap : 16;
    while (nc < need) nc *= 2;
    void *np = realloc(*p, (size_t)nc * elem);
    if (!np) return -1;
    *p = np;
    *cap = nc;
    return 0;
}

/* Copies text[start, start+len) without directional controls into a NUL-terminated buffer
 * of at least len+1 bytes; returns the bytes written. text is valid UTF-8. */
static size_t copy_shown(const char *text, size_t start, size_t len, char *out)
{
    size_t i = start, end = start + len, o = 0;
    while (i < end) {
        size_t k;
        uint32_t c = orl_utf8_decode(text + i, end - i, &k);
        if (!orl_text__is_bidi_control(c)) {
            memcpy(out + o, text + i, k);
            o += k;
        }
        i += k;
    }
    out[o] = '\0';
    return o;
}

static void prepare_font(TTF_Font *f, int level, const char *script)
{
    TTF_SetFontDirection(f, (level & 1) ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
    TTF_SetFontScriptName(f, script);
}

/* ---------------------------------------------------------------------------------------
 * Step 1: clean the text into UTF-8 + code points */

static int clean(build *b, const char *src, size_t len)
{
    orl_text_layout *L = b->L;
    L->text = malloc(len * 3 + 1); /* an invalid byte becomes 3 bytes of U+FFFD */
    b->cp = malloc((len + 1) * sizeof *b->cp);
    b->off = malloc((len + 2) * sizeof *b->off);
    if (!L->text || !b->cp || !b->off) return -1;
    size_t i = 0, n = 0, o = 0;
    int marks = 0; /* combining marks in a row */
    while (i < len) {
        size_t k;
        uint32_t c = orl_utf8_decode(src + i, len - i, &k);
        i += k;
        /* 'a' with 30,000 accents took 8 s to lay out (each mark joins one cluster, measured
         * again and again); past ORL_TEXT_MAX_MARKS on one letter they are left out (Unicode's
         * stream-safe text, UAX #15, allows 30) */
        if (fribidi_get_bidi_type(c) == FRIBIDI_TYPE_NSM) {
            if (++marks > ORL_TEXT_MAX_MARKS) continue;
        } else {
            marks = 0;
        }
        if (c == '\r') {
            if (i < len && src[i] == '\n') i++;
            c = '\n';
        } else if (c == '\t') {
            c = ' ';
        } else if ((c < 0x20 && c != '\n') || (c >= 0x7F && c < 0xA0) || c == 0xFEFF) {
            continue;
        }
        b->off[n] = o;
        b->cp[n++] = c;
        o += utf8_encode(c, L->text + o);
    }
    b->off[n] = o;
    L->text[o] = '\0';
    L->len = o;
    b->n = n;
    return 0;
}

/* ---------------------------------------------------------------------------------------
 * Step 2: levels, fonts, scripts */

static int analyse(build *b, orl_text_dir dir)
{
    size_t n = b->n;
    b->types = malloc((n + 1) * sizeof *b->types);
    b->btypes = malloc((n + 1) * sizeof *b->btypes);
    b->levels = malloc((n + 1) * sizeof *b->levels);
    b->font = malloc(n + 1);
    b->script = malloc(n + 1);
    if (!b->types || !b->btypes || !b->levels || !b->font || !b->script) return -1;
    if (n == 0) {
        b->L->m.rtl = dir == ORL_TEXT_DIR_RTL;
        return 0;
    }

    fribidi_get_bidi_types(b->cp, (FriBidiStrIndex)n, b->types);
    fribidi_get_bracket_types(b->cp, (FriBidiStrIndex)n, b->types, b->btypes);
    FriBidiParType base;
    if (dir == ORL_TEXT_DIR_RTL) base = FRIBIDI_PAR_RTL;
    else if (dir == ORL_TEXT_DIR_LTR) base = FRIBIDI_PAR_LTR;
    else base = fribidi_get_par_direction(b->types, (FriBidiStrIndex)n) == FRIBIDI_PAR_RTL
                    ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
    b->L->m.rtl = base == FRIBIDI_PAR_RTL;
    FriBidiLevel base_level = b->L->m.rtl ? 1 : 0;

    size_t p0 = 0;
    while (p0 <= n) {
        size_t p1 = p0;
        while (p1 < n && b->cp[p1] != '\n') p1++;
        if (p1 > p0) {
            FriBidiParType pd = base;
            if (!fribidi_get_par_embedding_levels_ex(b->types + p0, b->btypes + p0,
                                                     (FriBidiStrIndex)(p1 - p0), &pd, b->levels + p0))
                for (size_t i = p0; i < p1; i++) b->levels[i] = base_level; /* out of memory */
        }
        if (p1 < n) b->levels[p1] = base_level;
        p0 = p1 + 1;
    }

    /* Fonts: first font with the glyph; shared characters stay in the previous font. */
    int prev = -1;
    int nf = orl_font_set_count(b->fs);
    for (size_t i = 0; i < n; i++) {
        uint32_t c = b->cp[i];
        int sc = orl_text__script_of(c);
        b->script[i] = (unsigned char)sc;
        if (c == '\n') { b->font[i] = 0; prev = -1; continue; }
        if (orl_text__is_bidi_control(c)) { b->font[i] = (signed char)(prev < 0 ? 0 : prev); continue; }
        int f = -1;
        /* A neutral (digit, space, punctuation, « ») at a paragraph's start or after a space
         * takes the font of the letters that follow it when that font has it: "«" and "2024"
         * opening an Arabic phrase are drawn in the Arabic font, not in the Latin one. */
        if (sc == 0 && (prev < 0 || (i > 0 && (b->cp[i - 1] == ' ' || b->cp[i - 1] == 0xA0)))) {
            for (size_t j = i + 1; j < n && j < i + 64 && b->cp[j] != '\n'; j++) {
                int sj = orl_text__script_of(b->cp[j]);
                if (!sj) continue;
                for (int k = 0; k < nf && f < 0; k++)
                    if (orl_font_set__has(b->fs, k, b->cp[j]) && orl_font_set__has(b->fs, k, c)) f = k;
                break;
            }
        }
        if (f < 0 && sc == 0 && prev >= 0 && orl_font_set__has(b->fs, prev, c)) f = prev;
        for (int k = 0; f < 0 && k < nf; k++)
            if (orl_font_set__has(b->fs, k, c)) f = k;
        if (f < 0) f = prev >= 0 ? prev : 0;
        b->font[i] = (signed char)f;
        b->used[f] = 1;
        if (sc && b->font_script[f] != sc) b->font_script[f] = b->font_script[f] ? -1 : sc;
        prev = f;
    }
    return 0;
}

/* ---------------------------------------------------------------------------------------
 * Runs and measuring */

/* Splits code points [a, e) into runs of one level, font and script, in logical order, into
 * b->tmp. Shared characters join the run they are in; directional controls join any. */
static int split_runs(build *b, size_t a, size_t e)
{
    b->ntmp = 0;
    trun *cur = NULL;
    for (size_t i = a; i < e; i++) {
        if (orl_text__is_bidi_control(b->cp[i])) {
            if (cur) cur->ce = i + 1;
            continue;
        }
        int lv = b->levels[i], f = b->font[i], sc = b->script[i];
        if (!cur || lv != cur->level || f != cur->font || (sc && cur->script && sc != cur->script)) {
            if (grow((void **)&b->tmp, &b->cap_tmp, b->ntmp + 1, sizeof *b->tmp)) { b->oom = 1; return -1; }
            cur = &b->tmp[b->ntmp++];
            *cur = (trun){.cs = i, .ce = i + 1, .level = lv, .font = f, .script = sc};
        } else {
            if (!cur->script) cur->script = sc;
            cur->ce = i + 1;
        }
    }
    return 0;
}

static int run_width(build *b, const trun *r)
{
    size_t bs = b->off[r->cs], be = b->off[r->ce];
    if (be - bs + 1 > b->scratch_cap) {
        char *ns = realloc(b->scratch, be - bs + 1);
        if (!ns) { b->oom = 1; return 0; }
        b->scratch = ns;
        b->scratch_cap = be - bs + 1;
    }
    if (copy_shown(b->L->text, bs, be - bs, b->scratch) == 0) return 0;
    TTF_Font *f = orl_font_set__ttf(b->fs, r->font);
    prepare_font(f, r->level, orl_text__script_tag(r->script));
    int w = 0;
    if (TTF_SizeUTF8(f, b->scratch, &w, NULL) != 0) return 0;
    return w;
}

/* Width in pixels of code points [a, e) shown on one line. */
static int measure(build *b, size_t a, size_t e)
{
    if (split_runs(b, a, e)) return 0;
    int w = 0;
    for (int i = 0; i < b->ntmp; i++) w += run_width(b, &b->tmp[i]);
    return w;
}

/* ---------------------------------------------------------------------------------------
 * Lines */

static size_t trim_end(build *b, size_t ls, size_t le)
{
    while (le > ls && orl_text__is_break_space(b->cp[le - 1])) le--;
    return le;
}

/* Adds the line [ls, le) (trailing spaces already trimmed) with its runs in visual order. */
static int add_line(build *b, size_t ls, size_t le)
{
    orl_text_layout *L = b->L;
    if (L->nlines >= ORL_TEXT_MAX_LINES) {
        L->m.truncated = 1;
        b->stop = 1;
        return -1;
    }
    if (split_runs(b, ls, le)) return -1;
    int n = b->ntmp;
    if (grow((void **)&L->runs, &L->cap_runs, L->nruns + n, sizeof *L->runs) ||
        grow((void **)&L->lines, &L->cap_lines, L->nlines + 1, sizeof *L->lines)) {
        b->oom = 1;
        return -1;
    }
    int small_levels[64], small_order[64];
    int *levels = small_levels, *order = small_order;
    if (n > 64) {
        levels = malloc((size_t)n * sizeof *levels);
        order = malloc((size_t)n * sizeof *order);
        if (!levels || !order) {
            free(levels == small_levels ? NULL : levels);
            free(order == small_order ? NULL : order);
            b->oom = 1;
            return -1;
        }
    }
    for (int i = 0; i < n; i++) {
        b->tmp[i].width = run_width(b, &b->tmp[i]);
        levels[i] = b->tmp[i].level;
    }
    orl_text_visual_order(levels, n, order);
    int x = 0;
    orl_text_line *line = &L->lines[L->nlines];
    *line = (orl_text_line){.start = b->off[ls], .length = b->off[le] - b->off[ls],
                            .first_run = L->nruns, .run_count = n};
    for (int v = 0; v < n; v++) {
        const trun *t = &b->tmp[order[v]];
        orl_text_run *r = &L->runs[L->nruns++];
        memset(r, 0, sizeof *r);
        r->start = b->off[t->cs];
        r->length = b->off[t->ce] - b->off[t->cs];
        r->level = t->level;
        r->font = t->font;
        memcpy(r->script, orl_text__script_tag(t->script), 5);
        r->x = x;
        r->width = t->width;
        x += t->width;
    }
    line->width = x;
    L->nlines++;
    if (levels != small_levels) free(levels);
    if (order != small_order) free(order);
    return 0;
}

static int can_break_before(const build *b, size_t j)
{
    uint32_t c = b->cp[j], p = b->cp[j - 1];
    if (b->types[j] == FRIBIDI_TYPE_NSM || c == 0x200D || p == 0x200D) return 0;
    if ((c >= 0xFE00 && c <= 0xFE0F) || (c >= 0x1F3FB && c <= 0x1F3FF)) return 0;
    return 1;
}

static size_t next_cluster(const build *b, size_t j, size_t limit)
{
    j++;
    while (j < limit && !can_break_before(b, j)) j++;
    return j;
}

/* measure() in pieces of about 256 characters, stopping as soon as the width passes limit:
 * a 60,000-letter "word" is not shaped whole for every line it is cut into. */
static int measure_capped(build *b, size_t a, size_t e, int limit)
{
    int w = 0;
    while (a < e) {
        size_t c = e;
        if (e - a > 256) {
            c = a + 256;
            while (c < e && !can_break_before(b, c)) c++;
        }
        w += measure(b, a, c);
        if (w > limit) break;
        a = c;
    }
    return w;
}

static size_t advance_clusters(const build *b, size_t j, size_t count, size_t limit)
{
    while (count-- > 0 && j < limit) j = next_cluster(b, j, limit);
    return j;
}

/* The end of the longest run of whole characters from ls (before limit) that fits the
 * wrap width; at least one character, even when it alone is wider. */
static size_t break_by_chars(build *b, size_t ls, size_t limit)
{
    size_t good = next_cluster(b, ls, limit);
    if (good >= limit || measure(b, ls, good) > b->wrap) return good;
    size_t step = 1;
    for (;;) {
        size_t cand = advance_clusters(b, good, step, limit);
        if (cand == good) return good;
        if (measure(b, ls, cand) > b->wrap) break;
        good = cand;
        if (good >= limit) return good;
        step *= 2;
    }
    /* The answer is good + [0, step) clusters. */
    size_t lo = 0, hi = step;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (measure(b, ls, advance_clusters(b, good, mid, limit)) <= b->wrap) lo = mid;
        else hi = mid;
    }
    return advance_clusters(b, good, lo, limit);
}

static int push_end(build *b, size_t end, size_t next)
{
    if (b->nends == b->cap_ends) {
        size_t nc = b->cap_ends ? b->cap_ends * 2 : 32;
        size_t *ne = realloc(b->ends, nc * sizeof *ne), *nn;
        if (!ne) { b->oom = 1; return -1; }
        b->ends = ne;
        nn = realloc(b->nexts, nc * sizeof *nn);
        if (!nn) { b->oom = 1; return -1; }
        b->nexts = nn;
        b->cap_ends = nc;
    }
    b->ends[b->nends] = end;
    b->nexts[b->nends++] = next;
    return 0;
}

/* ---------------------------------------------------------------------------------------
 * Web addresses: a word with "://" in it, or one starting "www.", may break after '/', '.',
 * '-', '?' and '&' once its host has passed (never inside "//"), so a long address fills the
 * line it starts on and goes on at a natural point instead of being cut between any two
 * letters. Words too long for a line break at those points too, when one is near. */

static int is_url_break_char(uint32_t c)
{
    return c == '/' || c == '.' || c == '-' || c == '?' || c == '&';
}

static int is_ascii_alpha(uint32_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

/* Where the breakable part of the address in word [ws, we) starts (the character after the
 * first '/' that follows its host), or we when the word is not an address. */
static size_t url_path_start(const build *b, size_t ws, size_t we)
{
    const uint32_t *c = b->cp;
    size_t host = we;
    for (size_t i = ws; i + 2 < we; i++)
        if (c[i] == ':' && c[i + 1] == '/' && c[i + 2] == '/' && i > ws && is_ascii_alpha(c[i - 1])) {
            host = i + 3;
            break;
        }
    if (host == we) {
        size_t i = ws;
        while (i < we && !is_ascii_alpha(c[i])) i++; /* an opening quote or bracket */
        if (i + 4 <= we && (c[i] | 0x20) == 'w' && (c[i + 1] | 0x20) == 'w' && (c[i + 2] | 0x20) == 'w' &&
            c[i + 3] == '.')
            host = i + 4;
    }
    if (host == we) return we;
    while (host < we && c[host] != '/') host++;
    return host < we ? host + 1 : we;
}

/* 1 when a line may end after code point j of a word that ends at we. */
static int url_break_after(const build *b, size_t j, size_t we)
{
    if (j + 1 >= we || !is_url_break_char(b->cp[j])) return 0;
    if (b->cp[j] == '/' && b->cp[j + 1] == '/') return 0;
    return can_break_before(b, j + 1);
}

/* The end of the piece of the word at pos (which ends at we) that a line may end with: the
 * word's end, or, in a web address, just after its next break point. */
static size_t piece_end(build *b, size_t pos, size_t we)
{
    if (!b->url_valid || pos < b->url_ws || pos >= b->url_we) {
        size_t ws = pos;
        while (ws > 0 && !orl_text__is_break_space(b->cp[ws - 1]) && b->cp[ws - 1] != '\n') ws--;
        b->url_valid = 1;
        b->url_ws = ws;
        b->url_we = we;
        b->url_path = url_path_start(b, ws, we);
        b->url_from = b->url_to = 0;
    }
    if (b->url_path >= we) return we; /* not an address */
    size_t from = b->url_path > pos + 1 ? b->url_path - 1 : pos;
    /* the last answer holds for every position up to it: no break point was before it */
    if (b->url_to > 0 && from >= b->url_from && from < b->url_to) return b->url_to;
    size_t j = from;
    while (j < we && !url_break_after(b, j, we)) j++;
    b->url_from = from;
    b->url_to = j < we ? j + 1 : we;
    return b->url_to;
}

/* After break_by_chars cut word [ls, e) short of its end: ends the line after a break point
 * ('/', '.', '-', '?', '&') when one is in the last two thirds of what fits. */
static size_t back_to_break_point(build *b, size_t ls, size_t e, size_t we)
{
    for (size_t j = e - 1; j > ls && (j - ls) * 3 >= e - ls; j--)
        if (url_break_after(b, j, we)) return j + 1;
    return e;
}

/* Where the word that pos is in (or starts) ends, before limit. Remembered: a 60,000-letter
 * word cut into hundreds of lines was scanned to its end again for each (and a screen lays
 * out its texts several times), 8 s for one such choice. */
static size_t word_end(build *b, size_t pos, size_t limit)
{
    if (b->wend_valid && b->wend_limit == limit && pos >= b->wend_from && pos <= b->wend_to) return b->wend_to;
    size_t e = pos;
    while (e < limit && !orl_text__is_break_space(b->cp[e])) e++;
    b->wend_valid = 1;
    b->wend_from = pos;
    b->wend_to = e;
    b->wend_limit = limit;
    return e;
}

/* Breaks the paragraph [p0, p1) into lines. */
static void wrap_paragraph(build *b, size_t p0, size_t p1)
{
    if (p0 == p1) {
        add_line(b, p0, p0);
        return;
    }
    size_t ls = p0;
    while (ls < p1 && !b->stop && !b->oom) {
        /* Fill the line word by word, estimating its width as the sum of its pieces
         * (each piece: the spaces before a word and the word). */
        b->nends = 0;
        size_t pos = ls, fit_end = ls;
        int acc = 0, failed = 0;
        while (pos < p1) {
            size_t wend = word_end(b, pos, p1);
            size_t we = piece_end(b, pos, wend);
            size_t se = we;
            while (se < p1 && orl_text__is_break_space(b->cp[se])) se++;
            int w = acc + measure_capped(b, fit_end, we, b->wrap - acc);
            if (w > b->wrap) { failed = 1; break; }
            acc = w;
            fit_end = we;
            pos = se;
            if (push_end(b, we, se)) return;
        }
        /* The exact width of the line may pass the estimate: drop words until it fits. A
         * piece of leading spaces alone is not a line. */
        size_t k = b->nends;
        while (k > 0) {
            size_t e = trim_end(b, ls, b->ends[k - 1]);
            if (e > ls && measure(b, ls, e) <= b->wrap) break;
            k--;
        }
        if (k > 0) {
            add_line(b, ls, trim_end(b, ls, b->ends[k - 1]));
            ls = b->nexts[k - 1];
            if (!failed && k == b->nends) break; /* the rest of the paragraph was on it */
            continue;
        }
        /* Not even the first word fits whole: break it (with any spaces before it) between
         * characters; when only spaces are left, they make an empty line. */
        size_t fw = ls;
        while (fw < p1 && orl_text__is_break_space(b->cp[fw])) fw++;
        if (fw == p1) {
            add_line(b, ls, ls);
            break;
        }
        fw = word_end(b, fw, p1);
        size_t e = break_by_chars(b, ls, fw);
        if (e < fw) e = back_to_break_point(b, ls, e, fw);
        add_line(b, ls, trim_end(b, ls, e));
        ls = e;
        if (e >= fw)
            while (ls < p1 && orl_text__is_break_space(b->cp[ls])) ls++;
    }
}

/* ---------------------------------------------------------------------------------------
 * Layout */

/* The natural line height, in em, of a font used for one script only, when that is less than
 * the font's own. Fonts for scripts with marks stacked above and below declare an ascent and
 * descent for the rarest stacks (Noto Naskh Arabic: 1.07 + 0.63 em, where Noto Sans has
 * 1.07 + 0.29), so lines spaced by them look a quarter taller than Latin lines of the same
 * size. Running Arabic text in Noto Naskh reaches 0.97 em above the baseline (alef with
 * hamza) and 0.48 em below (a tanwin kasra under a final ain): lines 1.5 em apart (times the
 * spacing) do not touch, and sit about 10 % further apart than Latin ones at the same size.
 * Only the spacing changes: each line is still drawn with the font's whole ascent and descent,
 * and never gets less than that box (finish_metrics), so no mark is cut. */
static const struct { char tag[5]; float em; } script_line_em[] = {
    {"Arab", 1.5f},
};

static int font_natural_height(const build *b, int i, TTF_Font *f, int *capped)
{
    int asc = TTF_FontAscent(f), desc = -TTF_FontDescent(f), skip = TTF_FontLineSkip(f);
    int natural = skip > asc + desc ? skip : asc + desc;
    int sc = b->font_script[i];
    if (sc <= 0) return natural;
    const char *tag = orl_text__script_tag(sc);
    for (size_t k = 0; k < sizeof script_line_em / sizeof script_line_em[0]; k++) {
        if (memcmp(tag, script_line_em[k].tag, 4) != 0) continue;
        int cap = (int)lroundf(script_line_em[k].em * (float)b->L->size);
        if (cap < natural) {
            natural = cap;
            *capped = 1;
        }
    }
    return natural;
}

static void finish_metrics(build *b, const orl_text_desc *d)
{
    orl_text_layout *L = b->L;
    int asc = 0, desc = 0, natural = 0, any = 0, capped = 0;
    int nf = orl_font_set_count(b->fs);
    for (int i = 0; i < nf; i++) {
        if (!b->used[i]) continue;
        TTF_Font *f = orl_font_set__ttf(b->fs, i);
        any = 1;
        if (TTF_FontAscent(f) > asc) asc = TTF_FontAscent(f);
        if (-TTF_FontDescent(f) > desc) desc = -TTF_FontDescent(f);
        int nh = font_natural_height(b, i, f, &capped);
        if (nh > natural) natural = nh;
    }
    if (!any) {
        TTF_Font *f = orl_font_set__ttf(b->fs, 0);
        asc = TTF_FontAscent(f);
        desc = -TTF_FontDescent(f);
        natural = font_natural_height(b, 0, f, &capped);
    }
    float spacing = d->line_spacing > 0 ? d->line_spacing : 1.0f;
    if (spacing < 0.5f) spacing = 0.5f;
    if (spacing > 4.0f) spacing = 4.0f;
    int lh = (int)lroundf((float)natural * spacing);
    /* A script's smaller line height takes away room that spacing adds, never the font's own
     * box: fully vowelled Arabic (a hamza and damma over an alef, a kasra under a hamza)
     * reaches 1.55 em, and lines at spacing 1 must not cover each other's marks. */
    if (capped && lh < asc + desc) lh = asc + desc;
    if (lh < 1) lh = 1;
    L->ink_height = lh > asc + desc ? lh : asc + desc;
    /* Vowelled Arabic passes Noto Naskh's ascent by about 0.01 em (a damma over a hamza over
     * an alef): lines in such a script are drawn with a little room around the box. */
    if (capped) L->ink_height += 2 * (int)ceilf(0.08f * (float)L->size);
    L->ink_top = (lh - L->ink_height) / 2;
    L->ink_baseline = (L->ink_height - (asc + desc)) / 2 + asc;

    int widest = 0;
    for (int i = 0; i < L->nlines; i++)
        if (L->lines[i].width > widest) widest = L->lines[i].width;
    int box = d->max_width > 0 ? d->max_width : widest;
    if (box > ORL_TEXT_MAX_LINE_WIDTH) box = ORL_TEXT_MAX_LINE_WIDTH;
    orl_text_align al = d->align;
    if (al < ORL_TEXT_ALIGN_START || al > ORL_TEXT_ALIGN_RIGHT) al = ORL_TEXT_ALIGN_START;
    if (al == ORL_TEXT_ALIGN_START) al = L->m.rtl ? ORL_TEXT_ALIGN_RIGHT : ORL_TEXT_ALIGN_LEFT;
    else if (al == ORL_TEXT_ALIGN_END) al = L->m.rtl ? ORL_TEXT_ALIGN_LEFT : ORL_TEXT_ALIGN_RIGHT;
    for (int i = 0; i < L->nlines; i++) {
        orl_text_line *ln = &L->lines[i];
        int slack = box - ln->width;
        ln->x = al == ORL_TEXT_ALIGN_RIGHT ? slack : al == ORL_TEXT_ALIGN_CENTER ? slack / 2 : 0;
        if (ln->x < 0) ln->x = 0;
        ln->y = i * lh;
        ln->height = lh;
    }
    L->m.width = widest;
    L->m.lines = L->nlines;
    L->m.line_height = lh;
    L->m.height = L->nlines * lh;
    L->m.box_width = box;
}

static void build_free(build *b)
{
    free(b->cp);
    free(b->off);
    free(b->types);
    free(b->btypes);
    free(b->levels);
    free(b->font);
    free(b->script);
    free(b->tmp);
    free(b->ends);
    free(b->nexts);
    free(b->scratch);
}

orl_text_layout *orl_text_layout_create(orl_font_set *fs, const char *text, const orl_text_desc *desc)
{
    if (!fs || orl_font_set_count(fs) == 0) return NULL;
    orl_text_desc d = desc ? *desc : (orl_text_desc){0};
    orl_text_layout *L = calloc(1, sizeof *L);
    if (!L) return NULL;
    L->fs = fs;
    L->size = orl_font_set__resolve_size(fs, d.size);
    orl_font_set__use_size(fs, L->size);

    if (!text) text = "";
    size_t len = strlen(text);
    if (len > ORL_TEXT_MAX_BYTES) {
        size_t cut = ORL_TEXT_MAX_BYTES;
        for (int k = 0; k < 3 && cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80; k++) cut--;
        len = cut;
        L->m.truncated = 1;
    }
    build b = {.L = L, .fs = fs};
    b.wrap = d.max_width > 0 && d.max_width < ORL_TEXT_MAX_LINE_WIDTH ? d.max_width
                                                                      : ORL_TEXT_MAX_LINE_WIDTH;
    if (clean(&b, text, len) || analyse(&b, d.dir)) goto oom;
    if (b.n > 0) {
        size_t p0 = 0;
        while (p0 <= b.n && !b.stop && !b.oom) {
            size_t p1 = p0;
            while (p1 < b.n && b.cp[p1] != '\n') p1++;
            wrap_paragraph(&b, p0, p1);
            p0 = p1 + 1;
        }
    }
    if (b.oom) goto oom;
    finish_metrics(&b, &d);
    build_free(&b);
    return L;
oom:
    build_free(&b);
    orl_text_layout_free(L);
    return NULL;
}

void orl_text_layout_free(orl_text_layout *L)
{
    if (!L) return;
    free(L->text);
    free(L->lines);
    free(L->runs);
    free(L);
}

orl_text_metrics orl_text_layout_metrics(const orl_text_layout *L)
{
    return L ? L->m : (orl_text_metrics){0};
}

const char *orl_text_layout_text(const orl_text_layout *L) { return L ? L->text : ""; }
int orl_text_layout_line_count(const orl_text_layout *L) { return L ? L->nlines : 0; }
int orl_text_layout_run_count(const orl_text_layout *L) { return L ? L->nruns : 0; }

orl_text_line orl_text_layout_line(const orl_text_layout *L, int i)
{
    if (!L || i < 0 || i >= L->nlines) return (orl_text_line){0};
    return L->lines[i];
}

orl_text_run orl_text_layout_run(const orl_text_layout *L, int i)
{
    if (!L || i < 0 || i >= L->nruns) return (orl_text_run){0};
    return L->runs[i];
}

orl_text_metrics orl_text_measure(orl_font_set *fs, const char *text, const orl_text_desc *desc)
{
    orl_text_layout *L = orl_text_layout_create(fs, text, desc);
    orl_text_metrics m = orl_text_layout_metrics(L);
    orl_text_layout_free(L);
    return m;
}

static int fits_at(orl_font_set *fs, const char *text, orl_text_desc *d, int size, int box_w, int box_h)
{
    d->size = size;
    orl_text_metrics m = orl_text_measure(fs, text, d);
    return m.width <= box_w && m.height <= box_h;
}

int orl_text_fit_size(orl_font_set *fs, const char *text, const orl_text_desc *desc, int box_w, int box_h)
{
    if (!fs || box_w <= 0 || box_h <= 0) return ORL_TEXT_MIN_SIZE;
    orl_text_desc d = desc ? *desc : (orl_text_desc){0};
    d.max_width = box_w;
    int lo = ORL_TEXT_MIN_SIZE, hi = orl_font_set__resolve_size(fs, d.size);
    if (fits_at(fs, text, &d, hi, box_w, box_h) || hi <= lo) return hi;
    /* The largest size in [lo, hi) that fits, taking a bigger size never to fit better. */
    hi--;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (fits_at(fs, text, &d, mid, box_w, box_h)) lo = mid;
        else hi = mid - 1;
    }
    return lo;
}

/* ---------------------------------------------------------------------------------------
 * Rendering */

int orl_text__line_ink(const orl_text_layout *L, int *top, int *height)
{
    *top = L->ink_top;
    *height = L->ink_height;
    return 0;
}

int orl_text__render_line(orl_text_layout *L, int i, SDL_Surface *dst, int dx, int dy, SDL_Color color)
{
    if (i < 0 || i >= L->nlines) return 0;
    orl_font_set__use_size(L->fs, L->size);
    const orl_text_line *ln = &L->lines[i];
    int rc = 0;
    for (int r = ln->first_run; r < ln->first_run + ln->run_count; r++) {
        const orl_text_run *run = &L->runs[r];
        char small[256];
        char *s = run->length < sizeof small ? small : malloc(run->length + 1);
        if (!s) return SDL_OutOfMemory();
        /* Runs of zero width (only soft hyphens, joiners...) have nothing to draw, and
         * SDL_ttf refuses to render them. */
        if (run->width > 0 && copy_shown(L->text, run->start, run->length, s) > 0) {
            TTF_Font *f = orl_font_set__ttf(L->fs, run->font);
            prepare_font(f, run->level, run->script);
            SDL_Surface *g = TTF_RenderUTF8_Blended(f, s, color);
            if (!g) {
                rc = -1;
            } else {
                /* SDL_ttf makes the surface taller when a glyph passes the font's ascent or
                 * descent; when the last row is empty the extra rows are at the top. */
                int ystart = 0;
                if (g->h > TTF_FontHeight(f) && g->format->BytesPerPixel == 4 && SDL_LockSurface(g) == 0) {
                    const Uint32 *row = (const Uint32 *)((const Uint8 *)g->pixels + (size_t)(g->h - 1) * (size_t)g->pitch);
                    Uint32 amask = g->format->Amask;
                    int ink = 0;
                    for (int x = 0; x < g->w && !ink; x++) ink = (row[x] & amask) != 0;
                    SDL_UnlockSurface(g);
                    if (!ink) ystart = g->h - TTF_FontHeight(f);
                }
                SDL_SetSurfaceBlendMode(g, SDL_BLENDMODE_BLEND);
                SDL_Rect to = {dx + run->x, dy + L->ink_baseline - TTF_FontAscent(f) - ystart, g->w, g->h};
                if (SDL_BlitSurface(g, NULL, dst, &to) != 0) rc = -1;
                SDL_FreeSurface(g);
            }
        }
        if (s != small) free(s);
    }
    return rc;
}

SDL_Surface *orl_text_layout_render(orl_text_layout *L, SDL_Color color)
{
    if (!L || L->nlines == 0 || L->m.box_width <= 0 || L->m.height <= 0) return NULL;
    if ((uint64_t)L->m.box_width * (uint64_t)L->m.height > ORL_MAX_IMAGE_PIXELS) {
        SDL_SetError("text block of %dx%d pixels is larger than ORL_MAX_IMAGE_PIXELS",
                     L->m.box_width, L->m.height);
        return NULL;
    }
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, L->m.box_width, L->m.height, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s) return NULL;
    SDL_FillRect(s, NULL, SDL_MapRGBA(s->format, color.r, color.g, color.b, 0));
    for (int i = 0; i < L->nlines; i++) {
        const orl_text_line *ln = &L->lines[i];
        orl_text__render_line(L, i, s, ln->x, ln->y + L->ink_top, color);
    }
    return s;
}
