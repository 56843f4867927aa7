/* The screen audit (audit.h): drives the player core with no window through every screen,
 * and looks at each laid-out view as a person would: can the text be read, can every button
 * be touched, can every choice be reached by touch, arrow keys and Tab. */
#include "player/audit.h"
#include "player/palette.h"
#include "player/player_internal.h"
#include "story/care.h"
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MIN_TARGET_PX 44.0f
#define MIN_CONTRAST 4.5f

static const int default_shapes[][2] = {{1920, 1080}, {1280, 720}, {1366, 768}, {3840, 2160}, {1080, 1920}, {390, 844}};

typedef struct finding {
    char *key;
    const char *code;
    char *file;
    int line;
    char *what;
    unsigned langs, sizes, shapes;
} finding;

typedef struct audit {
    orl_diags *out;
    finding *f;
    int n, cap;
    int li, si, hi;    /* the combination being laid out: language, size, shape indexes */
    float scale;       /* screen pixels per canvas pixel */
    orl_player *p;
    const char *file;  /* where the screen comes from */
    int line;
    char where[256];   /* "scene \"inicio\"", "support screen" (in the author's language) */
    long layouts;
    const orl_audit_opts *o;
} audit;

static const char *words(audit *a, const char *fmt) { return orl_diag_words(a->out, "@screens", fmt); }

/* One finding; subject names the thing (stable across languages), fmt what is wrong. */
static void report(audit *a, const char *code, const char *file, int line, const char *subject, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;
static void report(audit *a, const char *code, const char *file, int line, const char *subject, const char *fmt, ...)
{
    char key[400];
    snprintf(key, sizeof key, "%s|%s|%d|%s|%s", code, file ? file : "", line, a->where, subject);
    finding *f = NULL;
    for (int i = 0; i < a->n; i++)
        if (strcmp(a->f[i].key, key) == 0) {
            f = &a->f[i];
            break;
        }
    if (!f) {
        if (a->n == a->cap) {
            int cap = a->cap ? a->cap * 2 : 32;
            finding *nf = realloc(a->f, (size_t)cap * sizeof *nf);
            if (!nf) return;
            a->f = nf;
            a->cap = cap;
        }
        f = &a->f[a->n];
        memset(f, 0, sizeof *f);
        f->key = orl_strdup(key);
        f->code = code;
        f->file = file ? orl_strdup(file) : NULL; /* the story is freed before the report */
        f->line = line;
        char msg[700];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(msg, sizeof msg, orl_diag_words(a->out, code, fmt), ap);
        va_end(ap);
        f->what = orl_format("%s: %s", a->where, msg);
        if (!f->key || !f->what) {
            free(f->key);
            free(f->what);
            free(f->file);
            return;
        }
        a->n++;
    }
    f->langs |= 1u << a->li;
    f->sizes |= 1u << a->si;
    f->shapes |= 1u << a->hi;
}

/* ---------------------------------------------------------------------------------------
 * Geometry */

typedef struct box {
    float x0, y0, x1, y1;
} box;

static box of_rect(orl_rect r) { return (box){(float)r.x, (float)r.y, (float)(r.x + r.w), (float)(r.y + r.h)}; }
static int meets(box a, box b) { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1; }
static box cut(box a, box b)
{
    box c = {fmaxf(a.x0, b.x0), fmaxf(a.y0, b.y0), fminf(a.x1, b.x1), fminf(a.y1, b.y1)};
    return c;
}
static int empty(box b) { return b.x1 <= b.x0 || b.y1 <= b.y0; }

/* The ink of a text block: its lines' width at its alignment, its measured height. */
static box ink_of(orl_player *p, const orl_view_text *t)
{
    orl_text_desc d = {0};
    d.size = t->size;
    d.max_width = t->w;
    d.align = t->align;
    d.line_spacing = t->spacing;
    orl_text_metrics m = orl_player__measure_text(p, t->bold, t->text, &d);
    int w = m.width, bw = t->w > 0 ? t->w : w;
    float x = (float)t->x;
    int start_right = m.rtl; /* START is the right edge in a right-to-left paragraph */
    if (t->align == ORL_TEXT_ALIGN_CENTER) x += (float)(bw - w) / 2;
    else if ((t->align == ORL_TEXT_ALIGN_START) == start_right) x += (float)(bw - w);
    return (box){x, (float)t->y, x + (float)w, (float)(t->y + m.height)};
}

/* A short quote of a text for messages. */
static const char *quote(const char *s, char *buf, size_t n)
{
    if (!s) s = "";
    size_t len = strcspn(s, "\n");
    if (len > 40) {
        len = 40;
        while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80) len--; /* whole characters */
        snprintf(buf, n, "%.*s…", (int)len, s);
    } else {
        snprintf(buf, n, "%.*s", (int)len, s);
    }
    return buf;
}

static const char *button_name(const orl_view_button *b, char *buf, size_t n)
{
    switch (b->kind) {
    case ORL_BUTTON_MENU: return "⚙ (settings)";
    case ORL_BUTTON_BACK: return "← (back)";
    case ORL_BUTTON_SUPPORT: return "♥ (support)";
    default: return quote(b->label, buf, n);
    }
}

/* A stable name for a button across languages (for grouping findings). */
static void button_key(const orl_view_button *b, char *buf, size_t n)
{
    snprintf(buf, n, "b%d.%d", (int)b->kind, b->arg);
}

/* The box a button is seen and touched in (a hotspot: its point and its label). */
static box target_of(const orl_view_button *b) { return of_rect(b->rect); }

/* ---------------------------------------------------------------------------------------
 * Contrast (WCAG 2 relative luminance) */

typedef struct rgb {
    float r, g, b;
} rgb;

static rgb over(rgb under, SDL_Color c)
{
    float a = c.a / 255.0f;
    return (rgb){under.r * (1 - a) + c.r * a, under.g * (1 - a) + c.g * a, under.b * (1 - a) + c.b * a};
}

static float lin(float c)
{
    c /= 255.0f;
    return c <= 0.03928f ? c / 12.92f : powf((c + 0.055f) / 1.055f, 2.4f);
}

static float lum(rgb c) { return 0.2126f * lin(c.r) + 0.7152f * lin(c.g) + 0.0722f * lin(c.b); }

static float contrast(rgb a, rgb b)
{
    float la = lum(a), lb = lum(b);
    return la > lb ? (la + 0.05f) / (lb + 0.05f) : (lb + 0.05f) / (la + 0.05f);
}

/* What lies under a text at height y of the screen, as draw.c paints it, over a picture of
 * colour pic: the dimming, the panel's fall-off and the panel. layer: 0 the screen, 1 the
 * text panel, 2 the fact card, 3 a support card, 4 the settings card. */
static rgb backdrop(const orl_view *v, rgb pic, int layer, float y)
{
    float H = (float)v->canvas_h;
    rgb c = v->picture || v->screen == ORL_SCREEN_TITLE ? pic : (rgb){0, 0, 0};
    if (v->screen == ORL_SCREEN_TITLE && !v->menu) {
        c = over(c, C_DIM((int)orl_title_dim_at(v, y)));
    } else if (v->dim) {
        c = over(c, C_DIM(v->dim));
    }
    if (layer == 1 && v->has_panel) {
        float top = (float)v->panel.y - 160;
        float a = y <= top ? 0 : 110.0f * (y - top) / (float)(H - top);
        c = over(c, C_DIM((int)fminf(a, 110)));
        SDL_Color pc = v->high_contrast ? C_HC_PANEL : C_PANEL;
        pc.a = (Uint8)v->panel_alpha;
        c = over(c, pc);
    } else if (layer == 2) {
        c = over(c, v->high_contrast ? rgba(255, 255, 255, 255) : C_PAPER);
    } else if (layer == 3) {
        c = over(c, v->high_contrast ? rgba(20, 20, 20, 255) : rgba(52, 42, 36, 225));
    } else if (layer == 4) {
        c = over(c, C_DIM(150));
        c = over(c, v->high_contrast ? C_HC_PANEL : C_CARD_DARK);
    }
    return c;
}

static float worst_contrast(const orl_view *v, SDL_Color fg, int layer, float y)
{
    rgb f = {fg.r, fg.g, fg.b};
    float w = contrast(f, backdrop(v, (rgb){255, 255, 255}, layer, y));
    float b = contrast(f, backdrop(v, (rgb){0, 0, 0}, layer, y));
    return w < b ? w : b;
}

/* ---------------------------------------------------------------------------------------
 * One view */

typedef struct slot {
    const orl_view_text *t;
    const char *name; /* stable: "body", "support 3 name" */
    int layer;
    int scrolls;      /* inside a panel that scrolls (v->clip) */
    const orl_rect *card; /* cut at this card's edge, or NULL */
} slot;

static int slots_of(const orl_view *v, slot *s, char names[][32])
{
    int n = 0;
    int panel_scroll = v->scroll_max > 0;
#define ADD(T, NAME, LAYER, SCROLLS, CARD) \
    do { \
        if ((T).text && *(T).text) s[n++] = (slot){&(T), NAME, LAYER, SCROLLS, CARD}; \
    } while (0)
    if (v->menu) {
        ADD(v->menu_title, "settings title", 4, 0, NULL);
        ADD(v->menu_size_label, "settings text size", 4, 0, NULL);
        ADD(v->menu_access_label, "settings access", 4, 0, NULL);
        ADD(v->menu_lang_label, "settings language", 4, 0, NULL);
        ADD(v->menu_volume_label, "settings volume", 4, 0, NULL);
        return n;
    }
    int in_panel = v->has_panel ? 1 : 0;
    /* every block scrolls on a page that scrolls; in a scene, those of the panel */
    ADD(v->heading, "heading", in_panel, panel_scroll, NULL);
    ADD(v->sub, "sub", 0, panel_scroll && !in_panel, NULL);
    ADD(v->body, "body", in_panel, panel_scroll, NULL);
    ADD(v->body2, "body2", 0, panel_scroll && !in_panel, NULL);
    ADD(v->note_title, "note title", in_panel, panel_scroll, NULL);
    ADD(v->note_intro, "note intro", in_panel, panel_scroll, NULL);
    ADD(v->note_words, "note words", in_panel, panel_scroll, NULL);
    if (v->has_testimony) {
        ADD(v->testimony_by, "testimony by", 1, panel_scroll, NULL);
        ADD(v->testimony_text, "testimony", 1, panel_scroll, NULL);
    }
    if (v->has_fact) {
        int fs = v->fact_inside && panel_scroll;
        ADD(v->fact_label, "fact label", 2, fs, &v->fact_box);
        ADD(v->fact_text, "fact", 2, fs, &v->fact_box);
        ADD(v->fact_source, "fact source", 2, fs, &v->fact_box);
    }
    if (!v->support_open) ADD(v->hint, "hint", 3, 0, NULL);
    for (int i = 0; i < v->nsupport; i++) {
        snprintf(names[3 * i], 32, "support %d name", i + 1);
        snprintf(names[3 * i + 1], 32, "support %d contact", i + 1);
        snprintf(names[3 * i + 2], 32, "support %d note", i + 1);
        int sc = v->scroll_max > 0 && !v->has_panel;
        ADD(v->support[i].name, names[3 * i], 3, sc, NULL);
        ADD(v->support[i].contact, names[3 * i + 1], 3, sc, NULL);
        ADD(v->support[i].note, names[3 * i + 2], 3, sc, NULL);
    }
#undef ADD
    return n;
}

/* The buttons that scroll with their panel. */
static int scrolls(const orl_view *v, const orl_view_button *b) { return b->in_panel && v->scroll_max > 0; }

static void check_view(audit *a, const char *file, int line)
{
    orl_player *p = a->p;
    const orl_view *v = orl_player_view(p);
    a->layouts++;
    const float W = (float)v->canvas_w, H = (float)v->canvas_h;
    const box screen = {0, 0, W, H};
    char q1[200], q2[200], k1[32], k2[32];

    /* texts */
    slot sl[64];
    char names[3 * ORL_VIEW_MAX_SUPPORT][32];
    int ns = slots_of(v, sl, names);
    for (int i = 0; i < ns; i++) {
        const orl_view_text *t = sl[i].t;
        box ink = ink_of(p, t);
        quote(t->text, q1, sizeof q1);
        /* cut at its card's edge (card and text move together) */
        if (sl[i].card) {
            box card = of_rect(*sl[i].card);
            if (ink.x0 < card.x0 - 1 || ink.x1 > card.x1 + 1 || ink.y0 < card.y0 - 1 || ink.y1 > card.y1 + 1)
                report(a, "screen-text-clipped", file, line, sl[i].name, "the text \"%s\" is cut at the edge of its card", q1);
        }
        /* seen whole on the screen, or (in a panel that scrolls) each part at some scroll */
        box room = screen;
        int off;
        if (sl[i].scrolls) {
            room = cut(screen, of_rect(v->clip));
            off = ink.x0 < room.x0 - 1 || ink.x1 > room.x1 + 1 ||
                  ink.y1 - (float)(v->scroll_max - v->scroll) > room.y1 + 1 || ink.y0 + (float)v->scroll < room.y0 - 1;
        } else {
            off = ink.x0 < -1 || ink.x1 > W + 1 || ink.y0 < -1 || ink.y1 > H + 1;
        }
        if (off)
            report(a, "screen-text-off", file, line, sl[i].name,
                   "the text \"%s\" runs off the screen, and nothing scrolls it into view", q1);
        /* under a button (only where both are seen) */
        box vis = cut(ink, room);
        for (int j = 0; j < v->nbuttons && !empty(vis); j++) {
            const orl_view_button *b = &v->buttons[j];
            if (b->hidden) continue;
            box bb = target_of(b);
            if (b->kind == ORL_BUTTON_HOTSPOT) {
                /* what is drawn: the point's halo and the label */
                box pt = {b->px - 40, b->py - 40, b->px + 40, b->py + 40};
                if (!meets(vis, pt) && !meets(vis, of_rect(b->pill))) continue;
            } else if (scrolls(v, b)) {
                bb = cut(bb, of_rect(v->clip));
            }
            if (!meets(vis, bb)) continue;
            button_key(b, k2, sizeof k2);
            char subj[80];
            snprintf(subj, sizeof subj, "%s/%s", sl[i].name, k2);
            report(a, "screen-text-covered", file, line, subj, "the text \"%s\" lies under the button \"%s\"", q1,
                   button_name(b, q2, sizeof q2));
        }
        /* contrast over the worst picture */
        float c = worst_contrast(v, tone(v, t->tone), sl[i].layer, ink.y0);
        if (c < MIN_CONTRAST)
            report(a, "screen-contrast", file, line, sl[i].name,
                   "the text \"%s\" has a contrast of %.1f:1 over what is behind it (at least 4.5:1)", q1, (double)c);
    }

    /* buttons */
    for (int i = 0; i < v->nbuttons; i++) {
        const orl_view_button *b = &v->buttons[i];
        if (b->hidden) continue;
        button_key(b, k1, sizeof k1);
        button_name(b, q1, sizeof q1);
        box bb = target_of(b);
        float small = fminf(bb.x1 - bb.x0, bb.y1 - bb.y0) * a->scale;
        if (b->kind == ORL_BUTTON_HOTSPOT) small = fminf(88.0f, (float)b->pill.h) * a->scale;
        if (small < MIN_TARGET_PX)
            report(a, "screen-target-small", file, line, k1,
                   "the button \"%s\" is %.0f px on this screen, smaller than a fingertip (44 px)", q1, (double)small);
        float x, y;
        int by = -1;
        orl_touch_why w = orl_view_touch_point(v, i, &x, &y, &by);
        if (w == ORL_TOUCH_SCROLLED_AWAY) {
            if (b->rect.h > v->clip.h)
                report(a, "screen-target-off", file, line, k1,
                       "the button \"%s\" is taller than the part of the panel that scrolls", q1);
        } else if (w == ORL_TOUCH_OFF_SCREEN) {
            report(a, "screen-target-off", file, line, k1, "the button \"%s\" is off the screen", q1);
        } else if (w == ORL_TOUCH_COVERED) {
            report(a, "screen-target-covered", file, line, k1, "the button \"%s\" is covered by the button \"%s\"", q1,
                   by >= 0 ? button_name(&v->buttons[by], q2, sizeof q2) : "?");
        } else {
            box lab = b->kind == ORL_BUTTON_HOTSPOT ? of_rect(b->pill) : bb;
            if (scrolls(v, b)) lab = screen; /* brought into view by scrolling */
            if (lab.x0 < 0 || lab.y0 < 0 || lab.x1 > W || lab.y1 > H)
                report(a, "screen-target-off", file, line, k1, "the button \"%s\" is partly off the screen", q1);
        }
        for (int j = i + 1; j < v->nbuttons; j++) {
            const orl_view_button *c = &v->buttons[j];
            if (c->hidden) continue;
            box cb = target_of(c), ib = bb;
            if (scrolls(v, b)) ib = cut(ib, of_rect(v->clip));
            if (scrolls(v, c)) cb = cut(cb, of_rect(v->clip));
            if (empty(ib) || empty(cb) || !meets(ib, cb)) continue;
            /* hotspots are touched at their point and on their label only */
            box parts_b[2] = {ib, ib}, parts_c[2] = {cb, cb};
            if (b->kind == ORL_BUTTON_HOTSPOT)
                parts_b[0] = (box){b->px - 44, b->py - 44, b->px + 44, b->py + 44}, parts_b[1] = of_rect(b->pill);
            if (c->kind == ORL_BUTTON_HOTSPOT)
                parts_c[0] = (box){c->px - 44, c->py - 44, c->px + 44, c->py + 44}, parts_c[1] = of_rect(c->pill);
            int hit2 = 0;
            for (int x1 = 0; x1 < 2; x1++)
                for (int x2 = 0; x2 < 2; x2++) hit2 |= meets(parts_b[x1], parts_c[x2]);
            if (!hit2) continue;
            button_key(c, k2, sizeof k2);
            char subj[80];
            snprintf(subj, sizeof subj, "%s+%s", k1, k2);
            report(a, "screen-overlap", file, line, subj, "the buttons \"%s\" and \"%s\" overlap", q1,
                   button_name(c, q2, sizeof q2));
        }
        /* the label on its button (primary buttons: dark on amber) */
        if (b->label && *b->label && b->label_size > 0) {
            SDL_Color fg = b->primary ? (v->high_contrast ? rgba(0, 0, 0, 255) : rgba(40, 26, 16, 255)) : tone(v, ORL_TONE_TEXT);
            if (b->disabled) fg = tone(v, ORL_TONE_MUTED);
            rgb f = {fg.r, fg.g, fg.b};
            float worst = 99;
            for (int k = 0; k < 2; k++) {
                rgb pic = k ? (rgb){0, 0, 0} : (rgb){255, 255, 255};
                /* on the panel when it stands on it (a choice pinned at the panel's foot too) */
                int on_panel = v->has_panel && !v->menu && b->kind != ORL_BUTTON_HOTSPOT && b->kind != ORL_BUTTON_TURN &&
                               (b->in_panel || meets(bb, of_rect(v->panel)));
                rgb bg = backdrop(v, pic, v->menu ? 4 : on_panel ? 1 : 0, (float)b->rect.y);
                if (b->kind == ORL_BUTTON_HOTSPOT)
                    bg = over(bg, v->high_contrast ? C_HC_PANEL : rgba(24, 18, 15, 205));
                else if (b->kind == ORL_BUTTON_TURN)
                    bg = over(bg, v->high_contrast ? C_HC_PANEL : rgba(24, 18, 15, 215));
                else if (b->primary)
                    bg = over(bg, v->high_contrast ? rgba(255, 212, 120, 255) : rgba(232, 164, 86, 250));
                else if (v->menu || v->screen != ORL_SCREEN_SCENE)
                    bg = over(bg, v->high_contrast ? rgba(20, 20, 20, 255) : rgba(52, 42, 36, 225));
                else
                    bg = over(bg, v->high_contrast ? rgba(20, 20, 20, 255) : rgba(255, 240, 222, 28));
                float c = contrast(f, bg);
                if (c < worst) worst = c;
            }
            if (worst < MIN_CONTRAST)
                report(a, "screen-contrast", file, line, k1,
                       "the label \"%s\" has a contrast of %.1f:1 over its button (at least 4.5:1)", q1, (double)worst);
        }
    }
}

/* ---------------------------------------------------------------------------------------
 * Reaching every choice of a scene: by touch (at the first view, or after turning a panorama
 * that shows where its hotspots are), by the arrow keys and by Tab. */

static int button_of_choice(const orl_view *v, int arg)
{
    for (int i = 0; i < v->nbuttons; i++)
        if ((v->buttons[i].kind == ORL_BUTTON_CHOICE || v->buttons[i].kind == ORL_BUTTON_HOTSPOT) &&
            v->buttons[i].arg == arg)
            return i;
    return -1;
}

static void mark_focus(const orl_view *v, unsigned char *seen, int nchoices)
{
    if (v->focus < 0 || v->focus >= v->nbuttons) return;
    const orl_view_button *b = &v->buttons[v->focus];
    if ((b->kind == ORL_BUTTON_CHOICE || b->kind == ORL_BUTTON_HOTSPOT) && b->arg >= 0 && b->arg < nchoices)
        seen[b->arg] = 1;
}

static void check_reach(audit *a, const orl_scene *s, orl_look first)
{
    orl_player *p = a->p;
    int nvis = p->nvis;
    if (nvis <= 0 || orl_player__scene_is_end(p)) return;
    unsigned char tab[ORL_MAX_CHOICES] = {0}, keys[ORL_MAX_CHOICES] = {0}, touch[ORL_MAX_CHOICES] = {0};
    const orl_view *v = orl_player_view(p);
    int markers = v->nmarkers > 0;
    /* touch: where it is now, or after turning toward it when the screen shows the way */
    for (int k = 0; k < nvis; k++) {
        v = orl_player_view(p);
        int i = button_of_choice(v, p->vis[k]);
        if (i < 0) continue;
        float x, y;
        orl_touch_why w = orl_view_touch_point(v, i, &x, &y, NULL);
        if (w == ORL_TOUCH_OK || w == ORL_TOUCH_SCROLLED_AWAY) touch[p->vis[k]] = 1;
        else if (w == ORL_TOUCH_HIDDEN && markers) {
            /* its edge marker can be touched, and then the hotspot can */
            int m = -1;
            for (int j = 0; j < v->nbuttons; j++)
                if (v->buttons[j].kind == ORL_BUTTON_TURN && v->buttons[j].arg == p->vis[k]) m = j;
            if (m < 0 || orl_view_touch_point(v, m, &x, &y, NULL) != ORL_TOUCH_OK) continue;
            orl_player_pointer(p, ORL_POINTER_DOWN, x, y);
            orl_player_pointer(p, ORL_POINTER_UP, x, y);
            v = orl_player_view(p);
            i = button_of_choice(v, p->vis[k]);
            if (i >= 0 && orl_view_touch_point(v, i, &x, &y, NULL) == ORL_TOUCH_OK) touch[p->vis[k]] = 1;
            orl_player_set_look(p, first.yaw, first.pitch, first.fov);
        }
    }
    /* Tab: round the whole order once */
    v = orl_player_view(p);
    int n = v->nbuttons;
    for (int k = 0; k < 2 * n + 2; k++) {
        orl_player_input_do(p, ORL_INPUT_NEXT);
        mark_focus(orl_player_view(p), tab, s->nchoices);
    }
    /* arrow keys: every button reached from the first focus, breadth first */
    orl_player_set_look(p, first.yaw, first.pitch, first.fov);
    orl_player__layout(p);
    v = orl_player_view(p);
    int queue[ORL_PLAYER_MAX_BUTTONS][2], qh = 0, qt = 0; /* (kind, arg) */
    if (v->focus >= 0) {
        queue[qt][0] = v->buttons[v->focus].kind;
        queue[qt][1] = v->buttons[v->focus].arg;
        qt++;
    }
    static const orl_player_input dirs[4] = {ORL_INPUT_UP, ORL_INPUT_DOWN, ORL_INPUT_LEFT, ORL_INPUT_RIGHT};
    p->focus_visible = 1;
    while (qh < qt) {
        int kind = queue[qh][0], arg = queue[qh][1];
        qh++;
        for (int d = 0; d < 4; d++) {
            v = orl_player_view(p);
            int from = -1;
            for (int i = 0; i < v->nbuttons; i++)
                if ((int)v->buttons[i].kind == kind && v->buttons[i].arg == arg) from = i;
            if (from < 0) break;
            orl_player__focus(p, from);
            orl_player_input_do(p, dirs[d]);
            v = orl_player_view(p);

            mark_focus(v, keys, s->nchoices);
            if (v->focus < 0) continue;
            int fk = v->buttons[v->focus].kind, fa = v->buttons[v->focus].arg, known = 0;
            for (int q = 0; q < qt; q++) known |= queue[q][0] == fk && queue[q][1] == fa;
            if (!known && qt < ORL_PLAYER_MAX_BUTTONS) {
                queue[qt][0] = fk;
                queue[qt][1] = fa;
                qt++;
            }
        }
    }
    for (int k = 0; k < nvis; k++) {
        int c = p->vis[k];
        if (touch[c] && tab[c] && keys[c]) continue;
        char how[160] = "", subj[40], q[200];
        const char *ways[3] = {touch[c] ? NULL : words(a, "by touch"), keys[c] ? NULL : words(a, "with the arrow keys"),
                               tab[c] ? NULL : words(a, "with Tab")};
        for (int w = 0; w < 3; w++)
            if (ways[w]) snprintf(how + strlen(how), sizeof how - strlen(how), "%s%s", *how ? ", " : "", ways[w]);
        snprintf(subj, sizeof subj, "choice %d", c);
        report(a, "screen-unreachable", s->choices[c].loc.file ? s->choices[c].loc.file : s->loc.file,
               s->choices[c].loc.file ? s->choices[c].loc.line : s->loc.line, subj,
               "the choice \"%s\" cannot be reached %s", quote(p->vis_text[k], q, sizeof q), how);
    }
    orl_player_set_look(p, first.yaw, first.pitch, first.fov);
}

/* ---------------------------------------------------------------------------------------
 * Every screen of one combination */

static void where(audit *a, const char *fmt, const char *arg)
{
    snprintf(a->where, sizeof a->where, orl_diag_words(a->out, "@screens", fmt), arg);
}

static void audit_scene(audit *a, int si)
{
    orl_player *p = a->p;
    const orl_scene *s = &p->st->scenes[si];
    where(a, "scene \"%s\"", s->id);
    if (orl_player_goto_scene(p, si) != 0) return;
    const char *file = s->loc.file;
    int line = s->loc.line;
    /* content notes first, then the scene; answering Continue as a reader would */
    for (int guard = 0; guard < 3 && orl_player_note_pending(p); guard++) {
        check_view(a, file, line);
        orl_player_pick(p, 1);
    }
    if (orl_player_scene(p) != si) return;
    orl_look first = p->look;
    check_view(a, file, line);
    /* scrolled to its end: what is at the bottom of a long panel */
    const orl_view *v = orl_player_view(p);
    if (v->scroll_max > 0) {
        orl_player_scroll(p, (float)v->scroll_max);
        check_view(a, file, line);
        orl_player_scroll(p, -(float)v->scroll_max);
    }
    check_reach(a, s, first);
    /* a panorama all around: looking toward each hotspot */
    if (p->panorama) {
        for (int k = 0; k < p->nvis; k++) {
            const orl_choice *c = &s->choices[p->vis[k]];
            if (!c->has_angles) continue;
            orl_player_set_look(p, c->yaw, c->pitch, 0);
            char w[200];
            snprintf(w, sizeof w, orl_diag_words(a->out, "@screens", "scene \"%s\", looking toward choice %d"), s->id, k + 1);
            snprintf(a->where, sizeof a->where, "%s", w);
            check_view(a, c->loc.file ? c->loc.file : file, c->loc.file ? c->loc.line : line);
        }
        orl_player_set_look(p, first.yaw, first.pitch, first.fov);
    }
}

static void audit_combination(audit *a)
{
    orl_player *p = a->p;
    const orl_story *st = p->st;
    const char *sfile = st->loc.file;
    int sline = st->loc.line;
    orl_player_set_menu(p, 0);
    orl_player_set_support(p, 0);
    orl_player_goto_screen(p, ORL_SCREEN_TITLE);
    where(a, "%stitle screen", "");
    check_view(a, sfile, sline);
    orl_player_set_menu(p, 1);
    where(a, "%ssettings", "");
    check_view(a, sfile, sline);
    orl_player_set_menu(p, 0);
    if (st->warnings.n) {
        orl_player_goto_screen(p, ORL_SCREEN_WARNINGS);
        where(a, "%scontent note screen", "");
        check_view(a, sfile, sline);
    }
    if (orl_care_has_support(st)) {
        orl_player_goto_screen(p, ORL_SCREEN_CARE);
        where(a, "%ssupport screen", "");
        const char *f = st->nsupport ? st->support[0].loc.file : sfile;
        int l = st->nsupport ? st->support[0].loc.line : sline;
        if (!f) f = sfile, l = sline;
        check_view(a, f, l);
        const orl_view *v = orl_player_view(p);
        if (v->scroll_max > 0) {
            orl_player_scroll(p, (float)v->scroll_max);
            check_view(a, f, l);
        }
    }
    orl_player_goto_screen(p, ORL_SCREEN_CREDITS);
    where(a, "%scredits screen", "");
    check_view(a, sfile, sline);
    for (int i = 0; i < st->nscenes; i++) audit_scene(a, i);
}

/* ---------------------------------------------------------------------------------------
 * Reporting */

static void list_bits(char *out, size_t n, unsigned bits, int count, const char *all, const char *const *names)
{
    if (bits == (1u << count) - 1 && count > 1) {
        snprintf(out, n, "%s", all);
        return;
    }
    out[0] = 0;
    for (int i = 0; i < count; i++)
        if (bits & (1u << i)) snprintf(out + strlen(out), n - strlen(out), "%s%s", out[0] ? ", " : "", names[i]);
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int orl_player_audit(const orl_audit_opts *o, orl_diags *d, orl_audit_stats *stats)
{
    double t0 = now_s();
    clock_t c0 = clock();
    audit a;
    memset(&a, 0, sizeof a);
    a.out = d;
    a.o = o;
    if (stats) memset(stats, 0, sizeof *stats);
    /* the story once, for its languages */
    orl_diags ld = {0};
    ld.wording = d->wording;
    orl_story *first = orl_story_load(o->path, NULL, &ld);
    if (!first) {
        orl_diags_append(d, &ld);
        orl_diags_free(&ld);
        return -1;
    }
    orl_diags_free(&ld);
    const char *langs[ORL_AUDIT_MAX_LANGS];
    char *owned[ORL_AUDIT_MAX_LANGS] = {0};
    int nl = 0;
    if (o->nlangs > 0) {
        for (int i = 0; i < o->nlangs && nl < ORL_AUDIT_MAX_LANGS; i++) langs[nl++] = o->langs[i];
    } else {
        if (first->language) owned[nl] = orl_strdup(first->language), langs[nl] = owned[nl], nl++;
        for (int i = 0; i < first->translations.n && nl < ORL_AUDIT_MAX_LANGS; i++)
            owned[nl] = orl_strdup(first->translations.items[i]), langs[nl] = owned[nl], nl++;
        if (nl == 0) langs[nl++] = "en";
    }
    orl_story_free(first);
    int nshapes = o->nshapes > 0 ? o->nshapes : (int)(sizeof default_shapes / sizeof *default_shapes);
    int shapes[ORL_AUDIT_MAX_SHAPES][2];
    for (int i = 0; i < nshapes; i++) {
        shapes[i][0] = o->nshapes > 0 ? o->shapes[i][0] : default_shapes[i][0];
        shapes[i][1] = o->nshapes > 0 ? o->shapes[i][1] : default_shapes[i][1];
    }
    unsigned sizes = o->sizes ? o->sizes : 0xFu;
    int rc = 0, combos = 0;
    orl_withdrawn none = {0};
    for (int li = 0; li < nl && rc == 0; li++) {
        orl_diags pd = {0};
        pd.wording = d->wording;
        orl_load_opts lo = {0};
        lo.lang = langs[li];
        orl_story *st = orl_story_load(o->path, &lo, &pd);
        if (!st) {
            orl_diags_append(d, &pd);
            orl_diags_free(&pd);
            rc = -1;
            break;
        }
        orl_player_desc desc = {0};
        desc.story = st;
        desc.path = o->path; /* the settings list the languages, as a reader sees them */
        desc.lang = langs[li];
        desc.consent.deployment = o->deployment;
        desc.consent.withdrawn = &none;
        desc.no_transitions = 1;
        desc.no_audio_device = 1;
        desc.caption_clock = 1;
        desc.font_dir = o->font_dir;
        orl_player *p = orl_player_create(&desc, &pd);
        if (!p) {
            orl_diags_append(d, &pd);
            orl_diags_free(&pd);
            rc = -1;
            break;
        }
        orl_diags_free(&pd);
        a.p = p;
        a.li = li;
        for (int hi = 0; hi < nshapes; hi++) {
            orl_player_set_screen(p, shapes[hi][0], shapes[hi][1]);
            a.hi = hi;
            a.scale = fminf((float)shapes[hi][0] / ORL_CANVAS_W, (float)shapes[hi][1] / ORL_CANVAS_H);
            for (int si = 0; si < ORL_PLAYER_TEXT_SIZES; si++) {
                if (!(sizes & (1u << si))) continue;
                a.si = si;
                orl_player_set_text_size(p, si);
                orl_player_view(p); /* laid out on this screen's canvas */
                a.scale = orl_player__screen_scale(p);
                audit_combination(&a);
                combos++;
            }
        }
        orl_player_free(p);
    }
    /* one diagnostic per finding, with where it happens */
    char shape_names[ORL_AUDIT_MAX_SHAPES][24];
    const char *shape_ptr[ORL_AUDIT_MAX_SHAPES];
    for (int i = 0; i < nshapes; i++) {
        snprintf(shape_names[i], sizeof shape_names[i], "%dx%d", shapes[i][0], shapes[i][1]);
        shape_ptr[i] = shape_names[i];
    }
    static const char *const size_names[4] = {"1", "2", "3", "4"};
    for (int i = 0; i < a.n; i++) {
        finding *f = &a.f[i];
        char l[200], s[80], h[200];
        list_bits(l, sizeof l, f->langs, nl, words(&a, "every language"), langs);
        list_bits(s, sizeof s, f->sizes & sizes, ORL_PLAYER_TEXT_SIZES, words(&a, "1-4"), size_names);
        list_bits(h, sizeof h, f->shapes, nshapes, words(&a, "every screen shape"), shape_ptr);
        orl_diag_add(d, ORL_ERROR, f->file, f->line, 0, f->code, "%s [%s; %s %s; %s]", f->what, l,
                     words(&a, "text size"), s, h);
        free(f->key);
        free(f->what);
        free(f->file);
    }
    if (stats) {
        stats->layouts = a.layouts;
        stats->combinations = combos;
        stats->findings = a.n;
        stats->seconds = now_s() - t0;
        stats->cpu_seconds = (double)(clock() - c0) / CLOCKS_PER_SEC;
    }
    free(a.f);
    for (int i = 0; i < nl; i++) free(owned[i]);
    return rc;
}
