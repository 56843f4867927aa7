/* The view model: what each screen shows, measured with the real fonts and placed on the
 * 1920x1080 canvas. Laid out left to right, then mirrored for right-to-left languages. */
#include "player/player_internal.h"
#include "core/lang.h"
#include "story/care.h"
#include "story/consent.h"
#include "story/uitext.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The canvas: 1920x1080 on a landscape screen (letterboxed), the screen's own shape on a
 * portrait one (orl_player__layout); every function that places things has the view v. */
#define W (v->canvas_w)
#define H (v->canvas_h)
/* A margin or width designed on the 1920 px canvas, kept in proportion on a narrower one. */
#define NARROW (W < 1600)
#define SIDE(n) (NARROW ? (n) * W / 1920 : (n))
#define MARGIN 72       /* canvas edge to the panel and the corner buttons */
#define BOTTOM 40       /* canvas bottom to the panel */
#define GAP 20          /* between buttons */
#define MIN_TOUCH 88    /* the smallest button height: a fingertip on a 1080p screen */
#define CORNER 88       /* corner buttons are CORNER x CORNER */
#define SAFE_TOP (40 + CORNER + 24) /* the corner buttons' row: text and choices stay below it */

static const float size_steps[ORL_PLAYER_TEXT_SIZES] = {1.0f, 1.15f, 1.3f, 1.5f};

float orl_player__screen_scale(const orl_player *p)
{
    int sw = p->screen_w > 0 ? p->screen_w : ORL_CANVAS_W, sh = p->screen_h > 0 ? p->screen_h : ORL_CANVAS_H;
    int cw = p->view.canvas_w > 0 ? p->view.canvas_w : ORL_CANVAS_W, ch = p->view.canvas_h > 0 ? p->view.canvas_h : ORL_CANVAS_H;
    float sx = (float)sw / (float)cw, sy = (float)sh / (float)ch;
    return sx < sy ? sx : sy;
}

/* The canvas for a screen: landscape screens show the 1920x1080 canvas whole (letterboxed:
 * the pictures are 16:9); a portrait one (a kiosk on its side, a phone) gets a canvas of its
 * own shape, 1080 wide at most and never wider than twice the screen, so that an 88 px
 * button is a fingertip (44 px) on it. */
static void canvas_for(int sw, int sh, int *cw, int *ch)
{
    if (sw <= 0 || sh <= 0 || sw >= sh) {
        *cw = ORL_CANVAS_W;
        *ch = ORL_CANVAS_H;
        return;
    }
    int w = 2 * sw < 1080 ? 2 * sw : 1080;
    *cw = w;
    *ch = (int)lround((double)w * sh / sw);
}

float orl_player__size_scale(int step)
{
    return step >= 0 && step < ORL_PLAYER_TEXT_SIZES ? size_steps[step] : 1.0f;
}

/* core/lang.h: the one language table (the kiosk asks it too) */
int orl_player__is_rtl(const char *lang) { return orl_lang_rtl(lang); }

const char *orl_player__lang_name(const char *code) { return orl_lang_name(code); }

/* ---------------------------------------------------------------------------------------
 * Strings the view owns */

const char *orl_player__own(orl_player *p, char *s)
{
    if (!s) return "";
    if (p->nowned == p->capowned) {
        int cap = p->capowned ? p->capowned * 2 : 32;
        char **n = realloc(p->owned, (size_t)cap * sizeof *n);
        if (!n) {
            free(s);
            return "";
        }
        p->owned = n;
        p->capowned = cap;
    }
    p->owned[p->nowned++] = s;
    return s;
}

void orl_player__free_owned(orl_player *p)
{
    for (int i = 0; i < p->nowned; i++) free(p->owned[i]);
    p->nowned = 0;
}

/* ---------------------------------------------------------------------------------------
 * Measuring */

static int px(float v) { return (int)lroundf(v); }

static orl_view_text vt(const char *text, int x, int y, int w, int size, int bold, orl_text_align align,
                        float spacing, int tone)
{
    orl_view_text t = {text, x, y, w, 0, size, bold, align, spacing, tone};
    return t;
}

static orl_text_desc desc_of(const orl_view_text *t)
{
    orl_text_desc d = {0};
    d.size = t->size;
    d.max_width = t->w;
    d.align = t->align;
    d.line_spacing = t->spacing;
    return d;
}

/* Measuring shapes the whole text (HarfBuzz, FriBidi); a screen is laid out again on every
 * change and the audit lays out thousands, mostly of the same texts: the last measurements
 * are kept, keyed by a 64-bit hash of the text and every parameter. */
static uint64_t fnv(uint64_t h, const void *data, size_t n)
{
    const unsigned char *b = data;
    for (size_t i = 0; i < n; i++) h = (h ^ b[i]) * 1099511628211ull;
    return h;
}

orl_text_metrics orl_player__measure_text(orl_player *p, int bold, const char *text, const orl_text_desc *d)
{
    if (!text) text = "";
    uint64_t h = 14695981039346656037ull;
    size_t len = strlen(text);
    h = fnv(h, text, len);
    int params[6] = {bold, d->size, d->max_width, (int)d->align, (int)lroundf(d->line_spacing * 1000.0f), (int)len};
    h = fnv(h, params, sizeof params);
    h = fnv(h, &p->fonts, sizeof p->fonts);
    orl_measure_entry *e = &p->measures[h % ORL_PLAYER_MEASURES];
    if (e->key == h && e->set) return e->m;
    orl_text_metrics m = orl_text_measure(bold ? p->bold : p->fonts, text, d);
    e->key = h;
    e->m = m;
    e->set = 1;
    return m;
}

static int measure(orl_player *p, orl_view_text *t)
{
    if (!t->text || !*t->text) {
        t->h = 0;
        return 0;
    }
    orl_text_desc d = desc_of(t);
    orl_text_metrics m = orl_player__measure_text(p, t->bold, t->text, &d);
    t->h = m.height;
    return m.height;
}

/* Width of a text on one line (no wrapping). */
static int natural_width(orl_player *p, const char *text, int size, int bold)
{
    orl_text_desc d = {0};
    d.size = size;
    orl_text_metrics m = orl_player__measure_text(p, bold, text ? text : "", &d);
    return m.width;
}

static int line_height(orl_player *p, int size, int bold)
{
    orl_text_desc d = {0};
    d.size = size;
    orl_text_metrics m = orl_player__measure_text(p, bold, "Ag", &d);
    return m.line_height > 0 ? m.line_height : size;
}

static void pin_buttons(orl_player *p, orl_view *v, int top, int avail);
static void shift_page(orl_view *v, int dy);
static void page_fit(orl_player *p, orl_view *v, int first_button, int height, int lift);

static int add_button(orl_view *v, orl_button_kind kind, int arg, const char *label, int size, orl_rect r)
{
    if (v->nbuttons >= ORL_PLAYER_MAX_BUTTONS) return -1;
    orl_view_button *b = &v->buttons[v->nbuttons];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    b->arg = arg;
    b->label = label ? label : "";
    b->label_size = size;
    b->rect = r;
    return v->nbuttons++;
}

/* A row of buttons centred on cx (or starting at x0 when cx < 0), each at least min_w wide;
 * wraps to a column when the row is wider than max_w. Returns the height used. */
typedef struct row_item {
    orl_button_kind kind;
    int arg;
    const char *label;
    int size;
    int primary;
    int selected;
    int number;   /* choices: 1-based among the visible ones */
} row_item;

static int button_row(orl_player *p, orl_view *v, const row_item *items, int n, int cx, int x0, int y,
                      int max_w, int min_w, int min_h)
{
    int w[32], total = 0, bh = min_h;
    if (n > 32) n = 32;
    for (int i = 0; i < n; i++) {
        int nat = natural_width(p, items[i].label, items[i].size, items[i].primary) + 2 * 44;
        w[i] = nat > min_w ? nat : min_w;
        if (w[i] > max_w) w[i] = max_w;
        int lh = line_height(p, items[i].size, items[i].primary) + 2 * 20;
        if (lh > bh) bh = lh;
        total += w[i] + (i ? GAP : 0);
    }
    if (total <= max_w) {
        int x = cx >= 0 ? cx - total / 2 : x0;
        for (int i = 0; i < n; i++) {
            int k = add_button(v, items[i].kind, items[i].arg, items[i].label, items[i].size,
                               (orl_rect){x, y, w[i], bh});
            if (k >= 0) {
                v->buttons[k].primary = items[i].primary;
                v->buttons[k].selected = items[i].selected;
            }
            x += w[i] + GAP;
        }
        return bh;
    }
    /* a column of equal buttons, labels wrapped */
    int yy = y;
    for (int i = 0; i < n; i++) {
        orl_view_text t = vt(items[i].label, 0, 0, max_w - 2 * 44, items[i].size, items[i].primary,
                             ORL_TEXT_ALIGN_CENTER, 1.15f, 0);
        int h = measure(p, &t) + 2 * 20;
        if (h < min_h) h = min_h;
        int x = cx >= 0 ? cx - max_w / 2 : x0;
        int k = add_button(v, items[i].kind, items[i].arg, items[i].label, items[i].size, (orl_rect){x, yy, max_w, h});
        if (k >= 0) {
            v->buttons[k].primary = items[i].primary;
            v->buttons[k].selected = items[i].selected;
        }
        yy += h + GAP;
    }
    return yy - GAP - y;
}

static void shift_texts(orl_view_text *const *ts, int n, int dy)
{
    for (int i = 0; i < n; i++) ts[i]->y += dy;
}

/* ---------------------------------------------------------------------------------------
 * The scene screen: picture, text panel at the bottom, testimony, fact card, choices */

static int choice_is_hotspot(const orl_player *p, const orl_choice *c)
{
    return p->panorama ? c->has_angles : (c->has_at && !c->has_angles);
}

/* Lays the panel out with its top at oy; returns its height. *fact_h gets the fact card's
 * height (0 when none). */
static const char *joined(orl_player *p, const orl_strlist *l, const char *sep)
{
    orl_buf b = {0};
    for (int i = 0; l && i < l->n; i++) orl_buf_printf(&b, "%s%s", i ? sep : "", l->items[i]);
    if (b.oom) {
        orl_buf_free(&b);
        return "";
    }
    return orl_player__own(p, b.data ? b.data : orl_strdup(""));
}

/* The fact card with its source: measured with its top at 0 and its texts at x; returns its
 * height (0 when the scene shows no fact). */
static int layout_fact(orl_player *p, orl_view *v, const orl_scene *s, const orl_care_view *cv, float S, int x, int fw)
{
    v->has_fact = 0;
    if (!(s && cv->fact && s->fact.set && s->fact.text)) return 0;
    const int fpad = 28, fiw = fw - 2 * fpad;
    int fy = 0;
    v->fact_label = vt(orl_ui_text(p->lang, ORL_UI_FACT), x + fpad, fy + fpad, fiw, px(22 * S), 1,
                       ORL_TEXT_ALIGN_START, 1.0f, ORL_TONE_INK_ACCENT);
    fy += fpad + measure(p, &v->fact_label) + 8;
    v->fact_text = vt(s->fact.text, x + fpad, fy, fiw, px(28 * S), 0, ORL_TEXT_ALIGN_START, 1.28f, ORL_TONE_INK);
    fy += measure(p, &v->fact_text) + 12;
    const char *src = orl_player__own(
        p, orl_format("%s: %s%s%s", orl_ui_text(p->lang, ORL_UI_SOURCE), s->fact.source ? s->fact.source : "—",
                      s->fact.url ? " · " : "", s->fact.url ? s->fact.url : ""));
    v->fact_source = vt(src, x + fpad, fy, fiw, px(24 * S), 0, ORL_TEXT_ALIGN_START, 1.2f, ORL_TONE_INK_MUTED);
    fy += measure(p, &v->fact_source) + fpad;
    v->fact_box = (orl_rect){x, 0, fw, fy};
    v->has_fact = 1;
    return fy;
}

static void move_fact(orl_view *v, int dy)
{
    orl_view_text *ts[] = {&v->fact_label, &v->fact_text, &v->fact_source};
    shift_texts(ts, 3, dy);
    v->fact_box.y += dy;
}

/* fact_inside: the fact card stands in the panel's flow after the text (a panel that scrolls:
 * then nothing of it is cut), else it floats above the panel. */
static int layout_panel(orl_player *p, orl_view *v, const orl_scene *s, const orl_care_view *cv, float S, int oy,
                        int *fact_h, int fact_inside)
{
    const int PX = MARGIN, PW = W - 2 * MARGIN, padx = 56, pady = 44, IW = PW - 2 * padx;
    int x0 = PX + padx, y = oy + pady;
    int end = orl_player__scene_is_end(p);
    v->nbuttons = 0;
    v->heading.text = NULL;

    /* The buttons of the panel: the choices that are not hotspots, or Continue, or the
     * answers to a testimony's content note. */
    row_item items[ORL_MAX_CHOICES];
    int n = 0;
    int lsz = px(32 * S);
    int note2 = !cv->skipped && cv->ask_testimony;
    if (note2) {
        items[n++] = (row_item){ORL_BUTTON_NOTE_CONTINUE, 1, orl_ui_text(p->lang, ORL_UI_CONTINUE), lsz, 1, 0, 0};
        items[n++] = (row_item){ORL_BUTTON_NOTE_SKIP, 1, orl_ui_text(p->lang, ORL_UI_SKIP_PART), lsz, 0, 0, 0};
    } else if (end) {
        items[n++] = (row_item){ORL_BUTTON_CONTINUE, 0, orl_ui_text(p->lang, ORL_UI_CONTINUE), lsz, 1, 0, 0};
    } else if (s) {
        for (int i = 0; i < p->nvis; i++) {
            if (choice_is_hotspot(p, &s->choices[p->vis[i]])) continue;
            items[n++] = (row_item){ORL_BUTTON_CHOICE, p->vis[i], p->vis_text[i] ? p->vis_text[i] : "", lsz, 0, 0, i + 1};
        }
    }
    /* Short labels go in a row under the text; otherwise the choices stand in a column
     * beside it (on the end side), which keeps the panel low and the lines of text short. */
    int bh_min = line_height(p, lsz, 0) + 2 * 20;
    if (bh_min < MIN_TOUCH) bh_min = MIN_TOUCH;
    int nat[ORL_MAX_CHOICES];
    int row = n > 0 && n <= 3;
    int share = n ? (IW - (n - 1) * GAP) / n : IW;
    if (share > 640) share = 640;
    for (int i = 0; i < n && row; i++) {
        nat[i] = natural_width(p, items[i].label, lsz, items[i].primary) + 2 * 44;
        if (nat[i] > share) row = 0;
    }
    int side = n > 0 && !row && n <= 5 && !NARROW; /* a narrow canvas: under the text */
    int grid = n > 0 && !row && !side; /* many choices: a grid under the text */
    int CW = px(560 * S);
    if (CW < 480) CW = 480;
    if (CW > 760) CW = 760;
    int TW = side ? IW - CW - 56 : IW; /* the text column */
    int measure_cap = px(40 * 36 * S); /* about 75 characters a line */
    if (TW > measure_cap) TW = measure_cap;

    if (s && s->ending && (end || note2)) {
        v->heading = vt(orl_ui_text(p->lang, ORL_UI_THE_END), x0, y, TW, px(26 * S), 1,
                        ORL_TEXT_ALIGN_START, 1.0f, ORL_TONE_ACCENT);
        y += measure(p, &v->heading) + 14;
    }
    if (cv->skipped)
        v->body = vt(orl_care_skipped_text(s, NULL, p->lang), x0, y, TW, px(32 * S), 0, ORL_TEXT_ALIGN_START, 1.3f,
                     ORL_TONE_MUTED);
    else
        v->body = vt(p->text && *p->text ? p->text : NULL, x0, y, TW, px(36 * S), 0, ORL_TEXT_ALIGN_START, 1.32f,
                     ORL_TONE_TEXT);
    y += measure(p, &v->body);

    /* testimony */
    v->has_testimony = 0;
    v->testimony_by.text = v->testimony_text.text = NULL;
    v->note_title.text = v->note_words.text = v->note_intro.text = NULL;
    if (s && !cv->skipped && s->testimony_idx >= 0 && s->testimony_idx < p->st->ntestimonies) {
        const orl_testimony *t = &p->st->testimonies[s->testimony_idx];
        /* consent decides first (story/consent.h, through care.h); then the reader's answer */
        int allowed = cv->testimony;
        v->has_testimony = 1;
        v->testimony_notice = !allowed;
        v->testimony_index = s->testimony_idx;
        if (v->body.h) y += 28;
        int ix = x0 + 32, iw = TW - 32;
        v->testimony_box = (orl_rect){x0, y, TW, 0};
        if (note2) {
            v->note = 2;
            v->note_title = vt(orl_ui_text(p->lang, ORL_UI_CONTENT_NOTE), ix, y, iw, px(26 * S), 1,
                               ORL_TEXT_ALIGN_START, 1.0f, ORL_TONE_ACCENT);
            y += measure(p, &v->note_title) + 10;
            v->note_words = vt(joined(p, &t->warnings, "  ·  "), ix, y, iw, px(32 * S), 1, ORL_TEXT_ALIGN_START,
                               1.25f, ORL_TONE_TEXT);
            y += measure(p, &v->note_words);
            v->testimony_text.text = NULL;
        } else if (cv->testimony_skipped) {
            v->testimony_text = vt(orl_care_skipped_text(s, t, p->lang), ix, y, iw, px(28 * S), 0,
                                   ORL_TEXT_ALIGN_START, 1.3f, ORL_TONE_MUTED);
        } else if (allowed) {
            /* "Testimony of NAME (recreated from real accounts)": story/care.h */
            const char *by = orl_player__own(p, orl_testimony_heading(p->st, t, p->lang));
            v->testimony_by = vt(by, ix, y, iw, px(26 * S), 1, ORL_TEXT_ALIGN_START, 1.0f, ORL_TONE_ACCENT);
            y += measure(p, &v->testimony_by) + 10;
            v->testimony_text = vt(t->text ? t->text : "", ix, y, iw, px(32 * S), 0, ORL_TEXT_ALIGN_START,
                                   1.32f, ORL_TONE_TEXT);
        } else {
            v->testimony_text = vt(orl_testimony_notice(p->st, t, p->lang), ix, y, iw, px(28 * S), 0,
                                   ORL_TEXT_ALIGN_START, 1.3f, ORL_TONE_MUTED);
        }
        y += measure(p, &v->testimony_text);
        v->testimony_box.h = y - v->testimony_box.y;
    }
    v->fact_inside = 0;
    if (fact_inside) {
        int fw = TW < 900 ? TW : 900;
        int fh = layout_fact(p, v, s, cv, S, x0, fw);
        if (fh) {
            y += 28;
            move_fact(v, y);
            y += fh;
            v->fact_inside = 1;
        }
    }

    if (row) {
        if (v->body.h || v->has_testimony || v->heading.text) y += 34;
        int x = x0;
        for (int i = 0; i < n; i++) {
            int w = nat[i] > 320 ? nat[i] : 320;
            if (w > share) w = share;
            int k = add_button(v, items[i].kind, items[i].arg, items[i].label, lsz, (orl_rect){x, y, w, bh_min});
            if (k >= 0) {
                v->buttons[k].primary = items[i].primary;
                v->buttons[k].number = items[i].number;
            }
            x += w + GAP;
        }
        y += bh_min;
    } else if (side) {
        /* a column at the end side, from the panel's top; labels wrap */
        int cx = x0 + IW - CW, cy = oy + pady;
        if (cy < p->side_floor) cy = p->side_floor; /* below the corner buttons (layout_scene) */
        for (int i = 0; i < n; i++) {
            orl_view_text t = vt(items[i].label, 0, 0, CW - 2 * 36, lsz, items[i].primary, ORL_TEXT_ALIGN_START,
                                 1.15f, 0);
            int h = measure(p, &t) + 2 * 20;
            if (h < bh_min) h = bh_min;
            int k = add_button(v, items[i].kind, items[i].arg, items[i].label, lsz, (orl_rect){cx, cy, CW, h});
            if (k >= 0) {
                v->buttons[k].primary = items[i].primary;
                v->buttons[k].number = items[i].number;
            }
            cy += h + GAP;
        }
        cy -= GAP;
        if (cy > y) y = cy;
    } else if (grid) {
        if (v->body.h || v->has_testimony || v->heading.text) y += 34;
        int cols = NARROW ? 1 : n > 10 ? 3 : 2;
        int bw = (IW - (cols - 1) * GAP) / cols;
        for (int i = 0; i < n; i += cols) {
            int rh = bh_min;
            for (int c = 0; c < cols && i + c < n; c++) {
                orl_view_text t = vt(items[i + c].label, 0, 0, bw - 2 * 36, lsz, items[i + c].primary,
                                     ORL_TEXT_ALIGN_START, 1.15f, 0);
                int h = measure(p, &t) + 2 * 20;
                if (h > rh) rh = h;
            }
            for (int c = 0; c < cols && i + c < n; c++) {
                int k = add_button(v, items[i + c].kind, items[i + c].arg, items[i + c].label, lsz,
                                   (orl_rect){x0 + c * (bw + GAP), y, bw, rh});
                if (k >= 0) {
                    v->buttons[k].primary = items[i + c].primary;
                    v->buttons[k].number = items[i + c].number;
                }
            }
            y += rh + (i + cols < n ? GAP : 0);
        }
    }
    int ph = y + pady - oy;

    /* fact card, floating just above the panel at its start side */
    *fact_h = 0;
    if (!fact_inside) {
        int fh = layout_fact(p, v, s, cv, S, PX, PW < 660 ? PW : 660);
        if (fh) {
            move_fact(v, oy - 24 - fh);
            *fact_h = fh + 24;
        }
    }
    v->has_panel = 1;
    v->panel = (orl_rect){PX, oy, PW, ph};
    return ph;
}

static void add_hotspots(orl_player *p, orl_view *v, const orl_scene *s, float S)
{
    if (!s || v->note) return;
    int lsz = px(30 * S);
    for (int i = 0; i < p->nvis; i++) {
        const orl_choice *c = &s->choices[p->vis[i]];
        if (!choice_is_hotspot(p, c)) continue;
        const char *label = p->vis_text[i] ? p->vis_text[i] : "";
        int k = add_button(v, ORL_BUTTON_HOTSPOT, p->vis[i], label, lsz, (orl_rect){0, 0, 0, 0});
        if (k < 0) break;
        v->buttons[k].number = i + 1;
        v->buttons[k].turnable = p->panorama;
        int pw = natural_width(p, label, lsz, 0) + 2 * 28;
        if (pw > 720) pw = 720;
        v->buttons[k].pill.w = pw; /* placed by orl_player__place_hotspots */
    }
    /* a panorama: an edge marker for each hotspot, shown while it is out of view */
    int nh = v->nbuttons;
    for (int i = 0; p->panorama && i < nh; i++) {
        if (v->buttons[i].kind != ORL_BUTTON_HOTSPOT) continue;
        int k = add_button(v, ORL_BUTTON_TURN, v->buttons[i].arg, v->buttons[i].label, lsz, (orl_rect){0, 0, 0, 0});
        if (k < 0) break;
        int pw = natural_width(p, v->buttons[k].label, lsz, 0) + 2 * 36 + 56 + 8; /* + the arrow */
        if (pw > 640) pw = 640;
        v->buttons[k].pill.w = pw;
        v->buttons[k].hidden = 1;
    }
    /* ... and until the reader turns it, a hint that the picture turns */
    if (p->panorama && !p->looked) {
        /* between the corner buttons on a wide canvas, below them on a narrow one */
        int hw = NARROW ? W - 2 * MARGIN : 840;
        v->hint = vt(orl_ui_text(p->lang, ORL_UI_DRAG_HINT), (W - hw) / 2, 40, hw, px(28 * S), 0, ORL_TEXT_ALIGN_CENTER,
                     1.1f, ORL_TONE_TEXT);
        measure(p, &v->hint);
        v->hint.y = NARROW ? SAFE_TOP + 14 : 40 + (CORNER - v->hint.h) / 2;
    }
    orl_player__place_hotspots(p);
}

/* A hotspot is touched at its point (an 88 px square) and on its label: rect covers both. */
static void hotspot_rect(orl_view_button *b)
{
    int x = (int)b->px, y = (int)b->py;
    int l = x - 44 < b->pill.x ? x - 44 : b->pill.x;
    int r = x + 44 > b->pill.x + b->pill.w ? x + 44 : b->pill.x + b->pill.w;
    int t = y - 44 < b->pill.y ? y - 44 : b->pill.y;
    int bt = y + 44 > b->pill.y + b->pill.h ? y + 44 : b->pill.y + b->pill.h;
    b->rect = (orl_rect){l, t, r - l, bt - t};
}

static int rects_meet(const orl_rect *a, const orl_rect *b)
{
    return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h && b->y < a->y + a->h;
}

static orl_rect point_square(const orl_view_button *b) { return (orl_rect){(int)b->px - 44, (int)b->py - 44, 88, 88}; }

/* Whether two targets overlap where they are touched (a hotspot: its point and its label). */
static int targets_meet(const orl_view_button *a, const orl_view_button *b)
{
    orl_rect pa[2] = {a->rect, a->rect}, pb[2] = {b->rect, b->rect};
    int na = 1, nb = 1;
    if (a->kind == ORL_BUTTON_HOTSPOT) pa[0] = point_square(a), pa[1] = a->pill, na = 2;
    if (b->kind == ORL_BUTTON_HOTSPOT) pb[0] = point_square(b), pb[1] = b->pill, nb = 2;
    for (int i = 0; i < na; i++)
        for (int j = 0; j < nb; j++)
            if (rects_meet(&pa[i], &pb[j])) return 1;
    return 0;
}

void orl_player__place_hotspots(orl_player *p)
{
    orl_view *v = &p->view;
    int sc = orl_run_scene(p->run);
    if (sc < 0 || p->screen != ORL_SCREEN_SCENE) return;
    const orl_scene *s = &p->st->scenes[sc];
    for (int i = 0; i < v->nbuttons; i++) {
        orl_view_button *b = &v->buttons[i];
        if (b->kind != ORL_BUTTON_HOTSPOT || b->arg < 0 || b->arg >= s->nchoices) continue;
        const orl_choice *c = &s->choices[b->arg];
        if (b->kind == ORL_BUTTON_TURN) continue; /* below, once the hotspots are placed */
        float fx = 0, fy = 0;
        if (p->panorama) {
            b->hidden = !orl_panorama_project(&p->look, c->yaw, c->pitch, &fx, &fy);
        } else {
            fx = c->at[0] * ORL_CANVAS_W;
            fy = c->at[1] * ORL_CANVAS_H;
            b->hidden = 0;
        }
        /* from the picture to the canvas (a portrait canvas crops the picture's sides) */
        fx = v->picture_ox + fx * v->picture_k;
        fy = v->picture_oy + fy * v->picture_k;
        if (p->panorama && (fx < 0 || fx > W)) b->hidden = 1; /* cropped away: turn to it */
        if (!(fx >= 0)) fx = 0; /* also NaN */
        if (fx > W) fx = W;
        if (!(fy >= 0)) fy = 0;
        if (fy > H) fy = H;
        /* a point the text panel would cover is shown just above it (and below the corner
         * buttons' row): its label must not lie over the text */
        int floor_y = v->has_panel ? v->panel.y - MIN_TOUCH / 2 - 16 : H - 24 - MIN_TOUCH / 2;
        if (fy > floor_y) fy = (float)floor_y;
        if (fy < SAFE_TOP + MIN_TOUCH / 2) /* nor under the corner buttons */
            fy = SAFE_TOP + MIN_TOUCH / 2;
        if (!b->hidden && fx < 52) fx = 52; /* the point's square whole on the screen */
        if (!b->hidden && fx > W - 52) fx = (float)(W - 52);
        b->px = fx;
        b->py = fy;
        int x = (int)fx, y = (int)fy;
        int pw = b->pill.w > 0 ? b->pill.w : 200, ph = MIN_TOUCH;
        if (pw > W - 48) pw = W - 48;
        /* the label pill beside the point, on the reading side when it fits; on a narrow
         * canvas where neither side has room, under the point (above it near the panel) */
        int right = !v->rtl, px0;
        if (right && x + 52 + pw > W - 24) right = 0;
        if (!right && x - 52 - pw < 24) right = x + 52 + pw <= W - 24;
        int top = y - ph / 2;
        if ((right && x + 52 + pw <= W - 24) || (!right && x - 52 - pw >= 24)) {
            px0 = right ? x + 52 : x - 52 - pw;
        } else {
            px0 = x - pw / 2;
            if (px0 < 24) px0 = 24;
            if (px0 + pw > W - 24) px0 = W - 24 - pw;
            top = y + 48 + ph <= floor_y + MIN_TOUCH / 2 ? y + 48 : y - 48 - ph;
        }
        if (top < 24) top = 24;
        if (top + ph > H - 24) top = H - 24 - ph;
        b->pill = (orl_rect){px0, top, pw, ph};
        hotspot_rect(b);
    }
    /* labels that would overlap an earlier one move down out of its way (the points stay) */
    for (int i = 0; i < v->nbuttons; i++) {
        orl_view_button *b = &v->buttons[i];
        if (b->kind != ORL_BUTTON_HOTSPOT || b->hidden) continue;
        for (int guard = 0; guard < 16; guard++) {
            int moved = 0;
            for (int j = 0; j < v->nbuttons; j++) {
                const orl_view_button *o = &v->buttons[j];
                if (j == i || o->kind != ORL_BUTTON_HOTSPOT || o->hidden) continue;
                orl_rect op = point_square(o);
                /* this label over another's point or (an earlier one's) label: below them */
                if (rects_meet(&b->pill, &op)) b->pill.y = op.y + op.h + GAP / 2;
                else if (j < i && rects_meet(&b->pill, &o->pill)) b->pill.y = o->pill.y + o->pill.h + GAP / 2;
                else continue;
                hotspot_rect(b);
                moved = 1;
            }
            if (!moved) break;
        }
    }
    /* edge markers: for each hotspot out of view, at the side to turn to, stacked from below
     * the corner buttons' row */
    int first_y = SAFE_TOP + 8;
    if (v->hint.text && v->hint.y >= SAFE_TOP) first_y = v->hint.y + v->hint.h + 14 + GAP; /* below the hint */
    int next_y[2] = {first_y, first_y};
    v->nmarkers = 0;
    for (int i = 0; i < v->nbuttons; i++) {
        orl_view_button *m = &v->buttons[i];
        if (m->kind != ORL_BUTTON_TURN) continue;
        m->hidden = 1;
        if (m->arg < 0 || m->arg >= s->nchoices || !p->panorama) continue;
        int shown = 0;
        for (int j = 0; j < v->nbuttons; j++)
            if (v->buttons[j].kind == ORL_BUTTON_HOTSPOT && v->buttons[j].arg == m->arg) shown = !v->buttons[j].hidden;
        if (shown) continue;
        float d = fmodf(s->choices[m->arg].yaw - p->look.yaw + 540.0f, 360.0f) - 180.0f; /* -180..180 */
        int right = d >= 0;
        int side = right ? 1 : 0;
        int pw = m->pill.w > 0 ? m->pill.w : 300;
        m->number = right ? 1 : -1;
        if (pw > W / 2 - 32) pw = W / 2 - 32;
        m->pill = (orl_rect){right ? W - 24 - pw : 24, next_y[side], pw, MIN_TOUCH};
        m->rect = m->pill;
        /* below any hotspot it would cover */
        for (int guard = 0; guard < 16; guard++) {
            int moved = 0;
            for (int j = 0; j < v->nbuttons; j++) {
                const orl_view_button *o = &v->buttons[j];
                if (o->kind != ORL_BUTTON_HOTSPOT || o->hidden || !targets_meet(m, o)) continue;
                m->pill.y = m->rect.y = o->rect.y + o->rect.h + GAP;
                moved = 1;
            }
            if (!moved) break;
        }
        next_y[side] = m->pill.y;
        m->hidden = 0;
        next_y[side] += MIN_TOUCH + GAP;
        v->nmarkers++;
    }
}

static void layout_corners(orl_player *p, orl_view *v, int back)
{
    int x = W - MARGIN - CORNER;
    add_button(v, ORL_BUTTON_MENU, 0, orl_ui_text(p->lang, ORL_UI_SETTINGS), 0, (orl_rect){x, 40, CORNER, CORNER});
    if (back) {
        x -= GAP + CORNER;
        add_button(v, ORL_BUTTON_BACK, 0, orl_ui_text(p->lang, ORL_UI_BACK), 0, (orl_rect){x, 40, CORNER, CORNER});
    }
    if (p->screen == ORL_SCREEN_SCENE && orl_care_has_support(p->st)) {
        x -= GAP + CORNER;
        add_button(v, ORL_BUTTON_SUPPORT, 0, orl_ui_text(p->lang, ORL_UI_SUPPORT), 0, (orl_rect){x, 40, CORNER, CORNER});
    }
}


/* A scene's content note, asked before anything of the scene is shown: a calm dark screen. */
static void layout_scene_note(orl_player *p, orl_view *v, const orl_scene *s, float S)
{
    v->picture = NULL;
    v->note = 1;
    int y = 0;
    v->note_title = vt(orl_ui_text(p->lang, ORL_UI_CONTENT_NOTE), SIDE(260), y, W - 2 * SIDE(260), px(30 * S), 1,
                       ORL_TEXT_ALIGN_CENTER, 1.0f, ORL_TONE_ACCENT);
    y += measure(p, &v->note_title) + 36;
    v->note_intro = vt(orl_ui_text(p->lang, ORL_UI_PART_INTRO), SIDE(260), y, W - 2 * SIDE(260), px(40 * S), 0,
                       ORL_TEXT_ALIGN_CENTER, 1.2f, ORL_TONE_TEXT);
    y += measure(p, &v->note_intro) + 22;
    v->note_words = vt(joined(p, &s->warnings, "  ·  "), SIDE(260), y, W - 2 * SIDE(260), px(50 * S), 1, ORL_TEXT_ALIGN_CENTER,
                       1.25f, ORL_TONE_TEXT);
    y += measure(p, &v->note_words) + 80;
    row_item it[2] = {
        {ORL_BUTTON_NOTE_CONTINUE, 0, orl_ui_text(p->lang, ORL_UI_CONTINUE), px(34 * S), 1, 0, 0},
        {ORL_BUTTON_NOTE_SKIP, 0, orl_ui_text(p->lang, ORL_UI_SKIP_PART), px(34 * S), 0, 0, 0},
    };
    int first = v->nbuttons;
    y += button_row(p, v, it, 2, W / 2, 0, y, W - 2 * MARGIN < 1500 ? W - 2 * MARGIN : 1500, 380, 100);
    page_fit(p, v, first, y, 0);
}

/* Whether the panel's text or choices lie where the corner buttons are (their row, at the
 * end side: the right, or the left when mirrored). */
static int panel_meets_corners(orl_player *p, orl_view *v)
{
    int zx0 = W - MARGIN - 3 * CORNER - 2 * GAP - 16, zx1 = W; /* before mirroring */
    const orl_view_text *ts[] = {&v->heading, &v->body, &v->testimony_by, &v->testimony_text};
    for (size_t i = 0; i < sizeof ts / sizeof *ts; i++) {
        const orl_view_text *t = ts[i];
        if (!t->text || !*t->text || t->y >= SAFE_TOP) continue;
        orl_text_desc d = desc_of(t);
        orl_text_metrics m = orl_player__measure_text(p, t->bold, t->text, &d);
        /* the lines start at x (the mirrored layout keeps the same distance from its edge) */
        if (t->x + m.width > zx0 && t->x < zx1) return 1;
    }
    for (int i = 0; i < v->nbuttons; i++) {
        const orl_rect *r = &v->buttons[i].rect;
        if (r->y < SAFE_TOP && r->x + r->w > zx0 && r->x < zx1) return 1;
    }
    return 0;
}

static void layout_scene(orl_player *p, orl_view *v)
{
    int sc = orl_run_scene(p->run);
    const orl_scene *s = sc >= 0 ? &p->st->scenes[sc] : NULL;
    orl_care_view cv = orl_care_view_of(p->st, s, &p->consent, (orl_care_answer)p->scene_answer,
                                        (orl_care_answer)p->testimony_answer);
    v->picture = cv.pictures ? s : NULL;
    v->panorama = p->panorama && cv.pictures;
    v->skipped = cv.skipped;
    float base = orl_player__size_scale(p->text_size);
    int back = p->nhist > 0 || !(p->title_card && !p->st->warnings.n);
    if (s && cv.ask_scene) {
        layout_scene_note(p, v, s, base);
        layout_corners(p, v, back);
        return;
    }
    /* a portrait canvas crops the picture's sides: the crop is centred on the scene's
     * hotspots when it has some on a flat picture */
    if (v->picture_k != 1.0f && s && !p->panorama) {
        float lo = 2, hi = -1;
        for (int i = 0; i < p->nvis; i++) {
            const orl_choice *c = &s->choices[p->vis[i]];
            if (!choice_is_hotspot(p, c)) continue;
            if (c->at[0] < lo) lo = c->at[0];
            if (c->at[0] > hi) hi = c->at[0];
        }
        if (hi >= lo) {
            float pw = ORL_CANVAS_W * v->picture_k, ox = W / 2.0f - (lo + hi) / 2.0f * pw;
            if (ox > 0) ox = 0;
            if (ox < W - pw) ox = W - pw;
            v->picture_ox = ox;
        }
    }
    float f = 1.0f;
    int fact_h = 0, ph = 0, fits = 0;
    /* the fact card may rise beside the corner buttons on a wide canvas; a narrow one has no
     * room beside them */
    const int fact_room = NARROW ? SAFE_TOP : 40;
    /* When choices sit on the picture (hotspots), the panel keeps to the lower part so that it
     * does not cover them; longer text scrolls inside it. */
    int hot = 0;
    for (int i = 0; s && i < p->nvis; i++) hot |= choice_is_hotspot(p, &s->choices[p->vis[i]]);
    /* bigger text may cover more of the picture: 62 % of the height at 100 %, 86 % at 150 % */
    float frac = hot ? 0.38f + 0.04f * (float)p->text_size : 0.62f + 0.08f * (float)p->text_size;
    for (;;) {
        ph = layout_panel(p, v, s, &cv, base * f, 0, &fact_h, 0);
        /* the panel keeps below the corner buttons' row; the fact card, at the other side,
         * may rise beside them */
        fits = ph <= (int)(H * frac) && ph + fact_h <= H - BOTTOM - fact_room;
        /* shrink a little to fit (body text never below 34 px); past that the panel scrolls */
        if (fits || f < 0.99f) break;
        f = 0.95f;
        orl_player__free_owned(p);
    }
    orl_player__free_owned(p);
    /* the panel (and the fact card above it) keeps below the corner buttons' row */
    /* A panel that rises into the corner buttons' row: its column of choices starts below
     * that row; if its text or choices would still lie under the corner buttons, it scrolls. */
    int fit_top = H - BOTTOM - ph, must_scroll = 0;
    if ((fits || (!hot && ph + fact_h <= H - BOTTOM - fact_room)) && fit_top < SAFE_TOP) {
        for (int k = 0; k < 2; k++) {
            p->side_floor = SAFE_TOP + 8;
            orl_player__free_owned(p);
            ph = layout_panel(p, v, s, &cv, base * f, fit_top, &fact_h, 0);
            p->side_floor = 0;
            fit_top = H - BOTTOM - ph;
        }
        if (fit_top < 40 || panel_meets_corners(p, v)) must_scroll = 1; /* scroll instead */
        orl_player__free_owned(p);
    }
    if (!must_scroll && (fits || (!hot && ph + fact_h <= H - BOTTOM - fact_room))) {
        p->scroll = 0;
        p->side_floor = fit_top < SAFE_TOP ? SAFE_TOP + 8 : 0;
        layout_panel(p, v, s, &cv, base * f, H - BOTTOM - ph, &fact_h, 0);
        p->side_floor = 0;
        for (int i = 0; i < v->nbuttons; i++) v->buttons[i].in_panel = 1;
    } else {
        /* Too long for the screen: the panel from below the corner buttons to the bottom, its
         * content (the fact card in it, after the text) scrolled by p->scroll and clipped to
         * the panel; the choices stay in sight (pin_buttons). */
        orl_player__free_owned(p);
        ph = layout_panel(p, v, s, &cv, base * f, 0, &fact_h, 1);
        orl_player__free_owned(p);
        int top = SAFE_TOP;
        if (hot && top < H - BOTTOM - (int)(H * frac)) top = H - BOTTOM - (int)(H * frac);
        int avail = H - BOTTOM - top;
        int max = ph - avail;
        if (p->scroll > max) p->scroll = max;
        if (p->scroll < 0) p->scroll = 0;
        layout_panel(p, v, s, &cv, base * f, top - p->scroll, &fact_h, 1);
        for (int i = 0; i < v->nbuttons; i++) v->buttons[i].in_panel = 1;
        v->panel = (orl_rect){MARGIN, top, W - 2 * MARGIN, avail};
        v->clip = (orl_rect){MARGIN, top + 12, W - 2 * MARGIN, avail - 24};
        v->scroll = p->scroll;
        v->scroll_max = max;
        pin_buttons(p, v, top, avail);
    }
    add_hotspots(p, v, s, base * f);
    layout_corners(p, v, back);
}

/* Moves the panel's content by dy without laying it out again (scrolling). */
static void shift_panel(orl_view *v, int dy)
{
    orl_view_text *ts[] = {&v->heading, &v->body, &v->testimony_by, &v->testimony_text, &v->note_title,
                           &v->note_words};
    shift_texts(ts, (int)(sizeof ts / sizeof *ts), dy);
    if (v->fact_inside) move_fact(v, dy);
    v->testimony_box.y += dy;
    for (int i = 0; i < v->nbuttons; i++)
        if (v->buttons[i].in_panel) v->buttons[i].rect.y += dy;
}

int orl_player_scroll(orl_player *p, float dy)
{
    orl_view *v = &p->view;
    if (p->dirty) orl_player__layout(p);
    if (v->scroll_max <= 0 || v->menu) return 0;
    int to = p->scroll + (int)lroundf(dy);
    if (to < 0) to = 0;
    if (to > v->scroll_max) to = v->scroll_max;
    if (to == p->scroll) return 0;
    if (v->has_panel) shift_panel(v, p->scroll - to);
    else shift_page(v, p->scroll - to);
    p->scroll = to;
    v->scroll = to;
    return 1;
}

void orl_player__reveal(orl_player *p, int i)
{
    orl_view *v = &p->view;
    if (v->scroll_max <= 0 || i < 0 || i >= v->nbuttons || !v->buttons[i].in_panel) return;
    const orl_rect *r = &v->buttons[i].rect;
    if (r->y < v->clip.y) orl_player_scroll(p, (float)(r->y - v->clip.y - 16));
    else if (r->y + r->h > v->clip.y + v->clip.h) orl_player_scroll(p, (float)(r->y + r->h - (v->clip.y + v->clip.h) + 16));
}

/* ---------------------------------------------------------------------------------------
 * The other screens: blocks centred on the canvas */

/* Moves every block of a page (the screens other than a scene) by dy. */
static void shift_page(orl_view *v, int dy)
{
    orl_view_text *ts[] = {&v->heading, &v->sub, &v->body, &v->body2, &v->note_title, &v->note_intro, &v->note_words};
    shift_texts(ts, (int)(sizeof ts / sizeof *ts), dy);
    for (int i = 0; i < v->nsupport; i++) {
        v->support_box[i].y += dy;
        v->support[i].name.y += dy;
        v->support[i].contact.y += dy;
        v->support[i].note.y += dy;
    }
}

/* A page laid out from y = 0, `height` tall, its buttons (first_button on) at its end:
 * centred between the corner buttons' row and the bottom when it fits (lift: px further down
 * for the title); otherwise its buttons stay at the bottom of the screen, always in sight,
 * and what is above them scrolls (wheel, drag, keys) between the corner buttons' row and
 * them, with a bar and a "more below" mark (draw.c). */
static void page_fit(orl_player *p, orl_view *v, int first_button, int height, int lift)
{
    int room = H - SAFE_TOP - BOTTOM;
    if (height <= room) {
        int dy = (H - height) / 2;
        if (dy < SAFE_TOP) dy = SAFE_TOP;
        if (dy + lift + height <= H - BOTTOM) dy += lift;
        shift_page(v, dy);
        for (int i = first_button; i < v->nbuttons; i++) v->buttons[i].rect.y += dy;
        p->scroll = 0;
        return;
    }
    int btop = height, bbot = 0;
    for (int i = first_button; i < v->nbuttons; i++) {
        if (v->buttons[i].rect.y < btop) btop = v->buttons[i].rect.y;
        if (v->buttons[i].rect.y + v->buttons[i].rect.h > bbot) bbot = v->buttons[i].rect.y + v->buttons[i].rect.h;
    }
    if (first_button >= v->nbuttons) btop = bbot = height;
    int pinned_top = H - BOTTOM - (bbot - btop);
    for (int i = first_button; i < v->nbuttons; i++) v->buttons[i].rect.y += pinned_top - btop;
    int content = btop - 28; /* the blocks above the buttons, without the gap before them */
    int clip_top = SAFE_TOP, clip_h = pinned_top - 24 - clip_top;
    if (clip_h < 120) clip_h = 120;
    int max = content - clip_h;
    if (max < 1) max = 1;
    if (p->scroll > max) p->scroll = max;
    if (p->scroll < 0) p->scroll = 0;
    shift_page(v, clip_top - p->scroll);
    v->clip = (orl_rect){0, clip_top, W, clip_h};
    v->panel = (orl_rect){MARGIN, clip_top, W - 2 * MARGIN, clip_h}; /* where a drag scrolls; not drawn */
    v->scroll = p->scroll;
    v->scroll_max = max;
}

static void layout_title(orl_player *p, orl_view *v, float S)
{
    const orl_story *st = p->st;
    v->picture = st->cover ? &p->cover : (st->start_idx >= 0 ? &st->scenes[st->start_idx] : NULL);
    v->dim = 70;
    int y = 0;
    v->heading = vt(st->title ? st->title : st->id ? st->id : "", SIDE(160), y, W - 2 * SIDE(160), px(92 * S), 1,
                    ORL_TEXT_ALIGN_CENTER, 1.1f, ORL_TONE_TEXT);
    y += measure(p, &v->heading);
    if (st->authors.n) {
        orl_buf b = {0};
        for (int i = 0; i < st->authors.n; i++) orl_buf_printf(&b, "%s%s", i ? " · " : "", st->authors.items[i]);
        const char *a = orl_player__own(p, b.oom ? (orl_buf_free(&b), NULL) : b.data);
        y += 24;
        v->sub = vt(a, SIDE(260), y, W - 2 * SIDE(260), px(34 * S), 0, ORL_TEXT_ALIGN_CENTER, 1.25f, ORL_TONE_TEXT);
        y += measure(p, &v->sub);
    }
    y += 72;
    row_item it = {ORL_BUTTON_BEGIN, 0, orl_ui_text(p->lang, ORL_UI_BEGIN), px(40 * S), 1, 0, 0};
    int first = v->nbuttons;
    y += button_row(p, v, &it, 1, W / 2, 0, y, W - 2 * MARGIN < 1200 ? W - 2 * MARGIN : 1200, 440, 104);
    /* the title sits a little below the middle, over the darker lower half */
    page_fit(p, v, first, y, 60);
}

static void layout_warnings(orl_player *p, orl_view *v, float S)
{
    const orl_story *st = p->st;
    v->picture = st->start_idx >= 0 ? &st->scenes[st->start_idx] : NULL;
    v->dim = 215;
    int y = 0;
    v->heading = vt(orl_ui_text(p->lang, ORL_UI_CONTENT_NOTE), SIDE(260), y, W - 2 * SIDE(260), px(30 * S), 1,
                    ORL_TEXT_ALIGN_CENTER, 1.0f, ORL_TONE_ACCENT);
    y += measure(p, &v->heading) + 36;
    v->sub = vt(orl_ui_text(p->lang, ORL_UI_WARNING_INTRO), SIDE(260), y, W - 2 * SIDE(260), px(40 * S), 0,
                ORL_TEXT_ALIGN_CENTER, 1.2f, ORL_TONE_TEXT);
    y += measure(p, &v->sub) + 22;
    orl_buf b = {0};
    for (int i = 0; i < st->warnings.n; i++) orl_buf_printf(&b, "%s%s", i ? "  ·  " : "", st->warnings.items[i]);
    const char *w = orl_player__own(p, b.oom ? (orl_buf_free(&b), NULL) : b.data);
    v->body2 = vt(w, SIDE(260), y, W - 2 * SIDE(260), px(50 * S), 1, ORL_TEXT_ALIGN_CENTER, 1.25f, ORL_TONE_TEXT);
    y += measure(p, &v->body2) + 80;
    row_item it[2] = {
        {ORL_BUTTON_CONTINUE, 0, orl_ui_text(p->lang, ORL_UI_CONTINUE), px(34 * S), 1, 0, 0},
        {ORL_BUTTON_LEAVE, 0, orl_ui_text(p->lang, ORL_UI_LEAVE), px(34 * S), 0, 0, 0},
    };
    int first = v->nbuttons;
    y += button_row(p, v, it, 2, W / 2, 0, y, W - 2 * MARGIN < 1500 ? W - 2 * MARGIN : 1500, 380, 100);
    page_fit(p, v, first, y, 0);
}

static void layout_care(orl_player *p, orl_view *v, float S, int resume)
{
    const orl_story *st = p->st;
    v->dim = 215;
    int y = 0;
    v->heading = vt(orl_ui_text(p->lang, ORL_UI_SUPPORT), SIDE(260), y, W - 2 * SIDE(260), px(44 * S), 1, ORL_TEXT_ALIGN_CENTER,
                    1.2f, ORL_TONE_TEXT);
    y += measure(p, &v->heading) + 44;
    int n = st->nsupport < ORL_VIEW_MAX_SUPPORT ? st->nsupport : ORL_VIEW_MAX_SUPPORT;
    int cols = n > 3 && !NARROW ? 2 : 1;
    int cw = cols == 1 ? (W - 2 * MARGIN < 1100 ? W - 2 * MARGIN : 1100) : 800, pad = 32;
    int x0 = (W - (cols * cw + (cols - 1) * 24)) / 2;
    v->nsupport = n;
    for (int i = 0; i < n; i += cols) {
        int rh = 0;
        for (int c = 0; c < cols && i + c < n; c++) {
            const orl_support *su = &st->support[i + c];
            orl_view_support *vs = &v->support[i + c];
            int x = x0 + c * (cw + 24) + pad, iw = cw - 2 * pad, yy = y + pad;
            vs->name = vt(su->name, x, yy, iw, px(36 * S), 1, ORL_TEXT_ALIGN_START, 1.15f, ORL_TONE_TEXT);
            yy += measure(p, &vs->name) + 8;
            vs->contact = vt(su->contact, x, yy, iw, px(32 * S), 0, ORL_TEXT_ALIGN_START, 1.2f, ORL_TONE_ACCENT);
            yy += measure(p, &vs->contact);
            vs->note = vt(su->note, x, yy + 8, iw, px(28 * S), 0, ORL_TEXT_ALIGN_START, 1.25f, ORL_TONE_MUTED);
            if (su->note && *su->note) yy += 8 + measure(p, &vs->note);
            else vs->note.text = NULL;
            yy += pad;
            v->support_box[i + c] = (orl_rect){x0 + c * (cw + 24), y, cw, yy - y};
            if (yy - y > rh) rh = yy - y;
        }
        for (int c = 0; c < cols && i + c < n; c++) v->support_box[i + c].h = rh;
        y += rh + 24;
    }
    y += 40;
    row_item it = {resume ? ORL_BUTTON_RESUME : ORL_BUTTON_CONTINUE, 0,
                   orl_ui_text(p->lang, resume ? ORL_UI_RESUME : ORL_UI_CONTINUE), px(34 * S), 1, 0, 0};
    int first = v->nbuttons;
    y += button_row(p, v, &it, 1, W / 2, 0, y, W - 2 * MARGIN < 1200 ? W - 2 * MARGIN : 1200, 380, 100);
    page_fit(p, v, first, y, 0);
}

static void layout_credits(orl_player *p, orl_view *v, float S)
{
    const orl_story *st = p->st;
    v->dim = 215;
    int y = 0;
    v->sub = vt(orl_ui_text(p->lang, ORL_UI_CREDITS), SIDE(260), y, W - 2 * SIDE(260), px(28 * S), 1, ORL_TEXT_ALIGN_CENTER, 1.0f,
                ORL_TONE_ACCENT);
    y += measure(p, &v->sub) + 24;
    v->heading = vt(st->title ? st->title : "", SIDE(160), y, W - 2 * SIDE(160), px(72 * S), 1, ORL_TEXT_ALIGN_CENTER, 1.1f,
                    ORL_TONE_TEXT);
    y += measure(p, &v->heading) + 28;
    if (st->authors.n) {
        orl_buf b = {0};
        for (int i = 0; i < st->authors.n; i++) orl_buf_printf(&b, "%s%s", i ? ", " : "", st->authors.items[i]);
        const char *a = orl_player__own(p, b.oom ? (orl_buf_free(&b), NULL) : b.data);
        v->body = vt(a, SIDE(260), y, W - 2 * SIDE(260), px(36 * S), 0, ORL_TEXT_ALIGN_CENTER, 1.3f, ORL_TONE_TEXT);
        y += measure(p, &v->body) + 28;
    }
    char *kinds = orl_story_kinds_credit(st, p->lang, 1); /* recreated, composite: said so */
    const char *credits = st->credits;
    if (kinds) credits = orl_player__own(p, st->credits ? orl_format("%s\n\n%s", st->credits, kinds) : orl_strdup(kinds));
    free(kinds);
    if (credits) {
        v->body2 = vt(credits, SIDE(310), y, W - 2 * SIDE(310), px(32 * S), 0, ORL_TEXT_ALIGN_CENTER, 1.4f, ORL_TONE_MUTED);
        y += measure(p, &v->body2) + 28;
    }
    y += 52;
    row_item it = {ORL_BUTTON_RESTART, 0, orl_ui_text(p->lang, ORL_UI_RESTART), px(34 * S), 1, 0, 0};
    int first = v->nbuttons;
    y += button_row(p, v, &it, 1, W / 2, 0, y, W - 2 * MARGIN < 1200 ? W - 2 * MARGIN : 1200, 380, 100);
    page_fit(p, v, first, y, 0);
}

/* Lays the settings card out with SEC px between its sections; returns its height. */
static int layout_menu_gap(orl_player *p, orl_view *v, const int SEC)
{
    v->nbuttons = 0;
    /* as wide as the accessibility toggles and the actions need in one row each (in every
     * language: a column of them would push the card past the screen), 1080 at least */
    int can_voice = orl_player_voice_available(p);
    const char *access_labels[3] = {orl_ui_text(p->lang, ORL_UI_HIGH_CONTRAST), orl_ui_text(p->lang, ORL_UI_REDUCE_MOTION),
                                    orl_ui_text(p->lang, can_voice ? ORL_UI_VOICE : ORL_UI_VOICE_UNAVAILABLE)};
    const int pad = 56;
    int row_w = 2 * GAP;
    for (int i = 0; i < 3; i++) {
        int w = natural_width(p, access_labels[i], 30, 0) + 2 * 44;
        row_w += w > 240 ? w : 240;
    }
    const char *act_labels[3] = {orl_ui_text(p->lang, ORL_UI_RESUME), orl_ui_text(p->lang, ORL_UI_RESTART),
                                 p->kiosk ? NULL : orl_ui_text(p->lang, ORL_UI_QUIT)};
    int act_w = 0;
    for (int i = 0; i < 3; i++) {
        if (!act_labels[i]) continue;
        int w = natural_width(p, act_labels[i], 32, i == 0) + 2 * 44;
        act_w += (w > 200 ? w : 200) + (i ? GAP : 0);
    }
    if (act_w > row_w) row_w = act_w;
    int cw = row_w + 2 * pad;
    if (cw < 1080) cw = 1080;
    if (cw > W - 80) cw = W - 80;
    const int iw = cw - 2 * pad, x0 = (W - cw) / 2 + pad;
    int y = pad;
    v->menu_title = vt(orl_ui_text(p->lang, ORL_UI_SETTINGS), x0, y, iw, 44, 1, ORL_TEXT_ALIGN_START, 1.0f, ORL_TONE_TEXT);
    y += measure(p, &v->menu_title) + SEC;
    v->menu_size_label = vt(orl_ui_text(p->lang, ORL_UI_TEXT_SIZE), x0, y, iw, 28, 1, ORL_TEXT_ALIGN_START, 1.0f,
                            ORL_TONE_ACCENT);
    y += measure(p, &v->menu_size_label) + 16;
    row_item sizes[ORL_PLAYER_TEXT_SIZES];
    static const int label_px[ORL_PLAYER_TEXT_SIZES] = {30, 36, 44, 54};
    for (int i = 0; i < ORL_PLAYER_TEXT_SIZES; i++)
        sizes[i] = (row_item){ORL_BUTTON_TEXT_SIZE, i, "A", label_px[i], 0, i == p->text_size, 0};
    y += button_row(p, v, sizes, ORL_PLAYER_TEXT_SIZES, -1, x0, y, iw, NARROW ? 110 : 140, 100) + SEC; /* one row */

    /* accessibility: three toggles, selected when on; reading aloud shown as unavailable
     * (muted, inert) where it cannot work */
    v->menu_access_label = vt(orl_ui_text(p->lang, ORL_UI_ACCESSIBILITY), x0, y, iw, 28, 1, ORL_TEXT_ALIGN_START,
                              1.0f, ORL_TONE_ACCENT);
    y += measure(p, &v->menu_access_label) + 16;
    row_item access[3] = {
        {ORL_BUTTON_HIGH_CONTRAST, 0, access_labels[0], 30, 0, p->high_contrast, 0},
        {ORL_BUTTON_REDUCE_MOTION, 0, access_labels[1], 30, 0, p->reduce_motion, 0},
        {ORL_BUTTON_VOICE, 0, access_labels[2], 30, 0, p->voice, 0},
    };
    int first_access = v->nbuttons;
    y += button_row(p, v, access, 3, -1, x0, y, iw, 240, 100) + SEC;
    for (int i = first_access; i < v->nbuttons; i++)
        if (v->buttons[i].kind == ORL_BUTTON_VOICE) v->buttons[i].disabled = !can_voice;

    /* volume of testimony audio: only for stories that have some */
    v->menu_volume_label.text = NULL;
    int has_audio = 0;
    for (int i = 0; i < p->st->ntestimonies && !has_audio; i++)
        has_audio = p->st->testimonies[i].audio && *p->st->testimonies[i].audio;
    if (has_audio) {
        v->menu_volume_label = vt(orl_ui_text(p->lang, ORL_UI_VOLUME), x0, y, iw, 28, 1, ORL_TEXT_ALIGN_START, 1.0f,
                                  ORL_TONE_ACCENT);
        y += measure(p, &v->menu_volume_label) + 16;
        static const char *const pct[5] = {"0 %", "25 %", "50 %", "75 %", "100 %"};
        int cur = (int)lroundf(p->volume * 4.0f);
        row_item vols[5];
        for (int i = 0; i < 5; i++) vols[i] = (row_item){ORL_BUTTON_VOLUME, i * 25, pct[i], 30, 0, i == cur, 0};
        y += button_row(p, v, vols, 5, -1, x0, y, iw, 150, 88) + SEC;
    }

    /* languages: the source language, then the translations */
    v->nlangs = 0;
    const orl_story *st = p->st;
    if (st->language && v->nlangs < ORL_VIEW_MAX_LANGS) v->langs[v->nlangs++] = st->language;
    for (int i = 0; i < st->translations.n && v->nlangs < ORL_VIEW_MAX_LANGS; i++)
        v->langs[v->nlangs++] = st->translations.items[i];
    v->menu_lang_label.text = NULL;
    if (p->path && v->nlangs > 1) {
        v->menu_lang_label = vt(orl_ui_text(p->lang, ORL_UI_LANGUAGE), x0, y, iw, 28, 1, ORL_TEXT_ALIGN_START, 1.0f,
                                ORL_TONE_ACCENT);
        y += measure(p, &v->menu_lang_label) + 16;
        row_item langs[ORL_VIEW_MAX_LANGS];
        int n = 0;
        for (int i = 0; i < v->nlangs; i++)
            langs[n++] = (row_item){ORL_BUTTON_LANGUAGE, i, orl_player__lang_name(v->langs[i]), 32, 0,
                                    strcmp(v->langs[i], p->lang) == 0, 0};
        /* rows of as many as fit */
        int i = 0;
        while (i < n) {
            int k = i, wsum = 0;
            while (k < n) {
                int w = natural_width(p, langs[k].label, 32, 0) + 2 * 44;
                if (w < 200) w = 200;
                if (k > i && wsum + GAP + w > iw) break;
                wsum += (k > i ? GAP : 0) + w;
                k++;
            }
            y += button_row(p, v, langs + i, k - i, -1, x0, y, iw, 200, 100) + GAP;
            i = k;
        }
        y += SEC - GAP;
    }
    row_item acts[3];
    int na = 0;
    acts[na++] = (row_item){ORL_BUTTON_RESUME, 0, orl_ui_text(p->lang, ORL_UI_RESUME), 32, 1, 0, 0};
    acts[na++] = (row_item){ORL_BUTTON_RESTART, 0, orl_ui_text(p->lang, ORL_UI_RESTART), 32, 0, 0, 0};
    if (!p->kiosk) acts[na++] = (row_item){ORL_BUTTON_QUIT, 0, orl_ui_text(p->lang, ORL_UI_QUIT), 32, 0, 0, 0};
    y += button_row(p, v, acts, na, -1, x0, y, iw, 200, 100);
    y += pad;
    int top = (H - y) / 2;
    if (top < 12) top = 12; /* a tall card (audio, many languages) still fits */
    v->menu_box = (orl_rect){(W - cw) / 2, top, cw, y};
    orl_view_text *ts[] = {&v->menu_title, &v->menu_size_label, &v->menu_access_label, &v->menu_lang_label,
                           &v->menu_volume_label};
    shift_texts(ts, 5, top);
    for (int i = 0; i < v->nbuttons; i++) v->buttons[i].rect.y += top;
    return y;
}

/* The settings card: 30 px between sections, less when that would not fit the screen (a
 * story with audio and several languages, a script with tall lines). */
static void layout_menu(orl_player *p, orl_view *v)
{
    int h = layout_menu_gap(p, v, 30);
    if (h > H - 24) {
        int gap = 30 - (h - (H - 24) + 4) / 5; /* five gaps at most */
        layout_menu_gap(p, v, gap > 4 ? gap : 4);
    }
}

/* ---------------------------------------------------------------------------------------
 * Mirroring and focus */

static void mirror_text(const orl_view *v, orl_view_text *t) { t->x = W - t->x - t->w; }
static void mirror_rect(const orl_view *v, orl_rect *r) { r->x = W - r->x - r->w; }

static void mirror(orl_view *v)
{
    orl_view_text *ts[] = {&v->heading, &v->sub, &v->body, &v->body2, &v->testimony_by, &v->testimony_text,
                           &v->note_title, &v->note_intro, &v->note_words,
                           &v->fact_label, &v->fact_text, &v->fact_source, &v->menu_title,
                           &v->menu_size_label, &v->menu_access_label, &v->menu_lang_label,
                           &v->menu_volume_label};
    for (size_t i = 0; i < sizeof ts / sizeof *ts; i++) mirror_text(v, ts[i]);
    for (int i = 0; i < v->nsupport; i++) {
        mirror_text(v, &v->support[i].name);
        mirror_text(v, &v->support[i].contact);
        mirror_text(v, &v->support[i].note);
        mirror_rect(v, &v->support_box[i]);
    }
    mirror_rect(v, &v->panel);
    mirror_rect(v, &v->testimony_box);
    mirror_rect(v, &v->fact_box);
    mirror_rect(v, &v->menu_box);
    for (int i = 0; i < v->nbuttons; i++)
        if (v->buttons[i].kind != ORL_BUTTON_HOTSPOT) mirror_rect(v, &v->buttons[i].rect);
}

static int default_focus(const orl_view *v)
{
    for (int i = 0; i < v->nbuttons; i++)
        if (v->buttons[i].primary && !v->buttons[i].hidden) return i;
    for (int i = 0; i < v->nbuttons; i++) {
        const orl_view_button *b = &v->buttons[i];
        if ((b->kind == ORL_BUTTON_CHOICE || b->kind == ORL_BUTTON_HOTSPOT) && !b->hidden) return i;
    }
    for (int i = 0; i < v->nbuttons; i++)
        if (v->buttons[i].selected) return i;
    for (int i = 0; i < v->nbuttons; i++)
        if (!v->buttons[i].hidden && v->buttons[i].kind != ORL_BUTTON_BACK && v->buttons[i].kind != ORL_BUTTON_MENU &&
            v->buttons[i].kind != ORL_BUTTON_TURN)
            return i;
    for (int i = 0; i < v->nbuttons; i++) /* every choice out of view: the corner buttons, then Tab */
        if (!v->buttons[i].hidden && v->buttons[i].kind != ORL_BUTTON_TURN) return i;
    return -1;
}

static void shift_panel(orl_view *v, int dy);

/* Scroll mode keeps the choices in sight (a visitor may not think of scrolling to find them):
 * the panel's buttons stop scrolling; a column beside the text stays where it was laid out,
 * a row or grid below the text moves to the panel's bottom, and the text scrolls in the space
 * above it. */
static void pin_buttons(orl_player *p, orl_view *v, int top, int avail)
{
    int bt = 1 << 30, bb = -(1 << 30), n = 0;
    for (int i = 0; i < v->nbuttons; i++) {
        orl_view_button *b = &v->buttons[i];
        if (!b->in_panel) continue;
        if (b->rect.y < bt) bt = b->rect.y;
        if (b->rect.y + b->rect.h > bb) bb = b->rect.y + b->rect.h;
        n++;
    }
    if (n == 0) return;
    int side = bt + p->scroll <= top + 48; /* laid out from the panel's top: a side column */
    /* many choices cannot all stay in sight: then they scroll with the text, as before */
    if (side ? bb + p->scroll > top + avail - 12 : bb - bt > avail * 45 / 100) return;
    int dy = side ? p->scroll : (top + avail - 28) - bb;
    for (int i = 0; i < v->nbuttons; i++) {
        orl_view_button *b = &v->buttons[i];
        if (!b->in_panel) continue;
        b->rect.y += dy;
        b->in_panel = 0;
    }
    if (side) return;
    /* the text ends 34 px above where the buttons were laid out */
    int text_bottom = bt + p->scroll - 34;      /* unscrolled */
    int clip_bottom = bt + dy - 16;             /* just above the pinned buttons */
    if (clip_bottom < v->clip.y + 60) clip_bottom = v->clip.y + 60;
    v->clip.h = clip_bottom - v->clip.y;
    int max = text_bottom + 16 - clip_bottom;
    if (max < 1) max = 1; /* keep the clip: the text may reach the buttons' edge */
    if (p->scroll > max) {
        shift_panel(v, p->scroll - max);
        p->scroll = max;
    }
    v->scroll = p->scroll;
    v->scroll_max = max;
}

void orl_player__layout(orl_player *p)
{
    orl_view *v = &p->view;
    orl_player__free_owned(p);
    memset(v, 0, sizeof *v);
    canvas_for(p->screen_w, p->screen_h, &v->canvas_w, &v->canvas_h);
    v->picture_box = (orl_rect){0, 0, W, H};
    v->picture_k = 1.0f;
    if (W != ORL_CANVAS_W || H != ORL_CANVAS_H) {
        /* portrait: the picture fills the width above, cropped at its sides */
        int bh = H / 2 > W * 9 / 16 ? H / 2 : W * 9 / 16;
        v->picture_box = (orl_rect){0, 0, W, bh};
        v->picture_k = (float)bh / ORL_CANVAS_H;
        v->picture_ox = ((float)W - ORL_CANVAS_W * v->picture_k) / 2.0f;
    }
    v->focus = v->hover = v->pressed = -1;
    v->testimony_index = -1;
    v->screen = p->screen;
    v->lang = p->lang;
    v->rtl = orl_player__is_rtl(p->lang);
    v->high_contrast = p->high_contrast;
    v->reduce_motion = p->reduce_motion;
    v->panel_alpha = p->high_contrast ? 255 : 204;
    v->look = p->look;
    float S = orl_player__size_scale(p->text_size);
    const orl_story *st = p->st;
    if (p->picture_scene >= 0 && p->picture_scene < st->nscenes) v->picture = &st->scenes[p->picture_scene];
    switch (p->screen) {
    case ORL_SCREEN_TITLE: layout_title(p, v, S); layout_corners(p, v, 0); break;
    case ORL_SCREEN_WARNINGS: layout_warnings(p, v, S); layout_corners(p, v, 0); break;
    case ORL_SCREEN_SCENE: layout_scene(p, v); break;
    case ORL_SCREEN_CARE: layout_care(p, v, S, 0); layout_corners(p, v, 0); break;
    case ORL_SCREEN_CREDITS: layout_credits(p, v, S); layout_corners(p, v, 0); break;
    }
    if (p->support_open && !p->menu) {
        /* the care screen over whatever is on screen, then back to it */
        v->support_open = 1;
        v->nbuttons = 0;
        v->scroll = v->scroll_max = 0;
        v->nmarkers = 0;
        v->hint.text = NULL;
        v->has_panel = v->has_fact = v->has_testimony = 0;
        v->note = 0;
        v->heading.text = v->sub.text = v->body.text = v->body2.text = NULL;
        v->note_title.text = v->note_intro.text = v->note_words.text = NULL;
        v->dim = 215;
        layout_care(p, v, S, 1);
    }
    if (p->menu) {
        v->menu = 1;
        layout_menu(p, v);
    }
    if (v->rtl) mirror(v);
    /* hotspots are points on the picture: placed after mirroring, on the reading side */
    if (p->screen == ORL_SCREEN_SCENE && !p->menu && !p->support_open) orl_player__place_hotspots(p);

    /* labels: measured once here so drawing can centre them without laying out again */
    for (int i = 0; i < v->nbuttons; i++) {
        orl_view_button *b = &v->buttons[i];
        if (b->label_size <= 0 || !b->label || !*b->label) continue;
        const orl_rect *r = b->kind == ORL_BUTTON_HOTSPOT ? &b->pill : &b->rect;
        int pad = b->kind == ORL_BUTTON_HOTSPOT ? 28 : 36;
        int rw = b->kind == ORL_BUTTON_TURN ? b->pill.w - 56 : r->w; /* beside the arrow */
        b->label_wrap = rw - 2 * pad > 40 ? rw - 2 * pad : 40;
        b->label_align = b->kind == ORL_BUTTON_CHOICE && r->w > 900 ? ORL_TEXT_ALIGN_START : ORL_TEXT_ALIGN_CENTER;
        orl_view_text t = vt(b->label, 0, 0, b->label_wrap, b->label_size, b->primary, b->label_align, 1.15f, 0);
        b->label_h = measure(p, &t);
    }

    v->focus = -1;
    if (p->focus_set) {
        for (int i = 0; i < v->nbuttons; i++)
            if ((int)v->buttons[i].kind == p->focus_kind && v->buttons[i].arg == p->focus_arg && !v->buttons[i].hidden) {
                v->focus = i;
                break;
            }
    }
    if (v->focus < 0) {
        v->focus = default_focus(v);
        p->focus_set = 0;
    }
    v->focus_visible = p->focus_visible;
    v->hover = p->hover < v->nbuttons ? p->hover : -1;
    v->pressed = p->pressed < v->nbuttons ? p->pressed : -1;
    p->dirty = 0;
}

int orl_player__measure(orl_player *p, orl_view_text *t) { return measure(p, t); }

const orl_view *orl_player_view(orl_player *p)
{
    int relaid = p->dirty;
    if (p->dirty) orl_player__layout(p);
    orl_view *v = &p->view;
    orl_player__speak_view(p, v, relaid);  /* self-voicing: a screen not yet read is read */
    orl_player__sound_view(p, v, relaid); /* testimony audio follows the screen; its caption */
    const orl_story *st = p->st;
    /* what moves without a relayout: time, look, the transition. Reduce motion: pictures as
     * composed (t = 0) and cuts. */
    v->picture_time = p->reduce_motion ? 0.0 : p->scene_time;
    v->look = p->look;
    v->transition_kind = p->reduce_motion || p->no_transitions ? ORL_TRANSITION_CUT : ORL_TRANSITION_CROSSFADE;
    v->transition = p->reduce_motion ? 1.0f : p->trans;
    v->from_picture = p->from_scene >= 0 && p->from_scene < st->nscenes && v->transition < 1.0f ? &st->scenes[p->from_scene] : NULL;
    v->from_time = p->reduce_motion ? 0.0 : p->from_time;
    return v;
}
