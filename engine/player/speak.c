/* Self-voicing in the player (player.h: orl_player_set_voice): what the screen shows is read
 * aloud in the reader's language, through audio/voice.h.
 *
 * What is read is the view (layout.c) in reading order — headings, the scene's text, the
 * testimony, the fact and its source, support, then the buttons, choices with their numbers —
 * except the testimony, which is decided here again through story/care.h, the same decision
 * layout.c and sound.c ask (story/consent.h underneath): a testimony consent does not allow
 * is never handed to the synthesizer; the notice is read in its place, and a testimony the
 * reader skipped is read as the "skipped" line. A testimony that plays its own recording is
 * not read: the voice stops before it (a barrier, audio/voice.h), the recording plays with
 * its captions, and the voice goes on after it.
 *
 * A screen is read once each time it is reached: a choice, Back, a content note's answer, a
 * language switch or a new screen cut what is being said and read the new one. The settings
 * pause the voice. */
#include "audio/audio.h"
#include "audio/voice.h"
#include "player/player_internal.h"
#include "story/care.h"
#include "story/uitext.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct seg {
    int y, x, order;
    const char *text;
} seg;

static int cmp_seg(const void *a, const void *b)
{
    const seg *p = a, *q = b;
    if (p->y != q->y) return p->y < q->y ? -1 : 1;
    if (p->x != q->x) return p->x < q->x ? -1 : 1;
    return p->order - q->order;
}

typedef struct script {
    seg s[ORL_VOICE_MAX_SEGMENTS];
    int n;
    char *owned[ORL_VOICE_MAX_SEGMENTS];
    int nowned;
    const char *transcript; /* the testimony's words, when its recording is to play instead */
} script;

static void put(script *sc, int y, int x, const char *text)
{
    if (!text || !*text || sc->n >= ORL_VOICE_MAX_SEGMENTS) return;
    sc->s[sc->n] = (seg){y, x, sc->n, text};
    sc->n++;
}

static void put_owned(script *sc, int y, int x, char *text)
{
    if (!text) return;
    if (sc->nowned >= ORL_VOICE_MAX_SEGMENTS || sc->n >= ORL_VOICE_MAX_SEGMENTS) {
        free(text);
        return;
    }
    sc->owned[sc->nowned++] = text;
    put(sc, y, x, text);
}

static void put_text(script *sc, const orl_view_text *t) { put(sc, t->y, t->x, t->text); }

/* The testimony of the scene on screen as the voice may say it: its narrator, and its words
 * unless its recording plays (then *barrier). The same decision the view made (care.h). */
static void put_testimony(orl_player *p, const orl_view *v, script *sc, int *barrier_y)
{
    int scn = orl_run_scene(p->run);
    if (scn < 0 || scn >= p->st->nscenes) return;
    const orl_scene *s = &p->st->scenes[scn];
    if (s->testimony_idx < 0 || s->testimony_idx >= p->st->ntestimonies) return;
    const orl_testimony *t = &p->st->testimonies[s->testimony_idx];
    orl_care_view cv = orl_care_view_of(p->st, s, &p->consent, (orl_care_answer)p->scene_answer,
                                        (orl_care_answer)p->testimony_answer);
    if (cv.skipped || !v->has_testimony) return;
    int y = 10, x = 0; /* after the scene's text and notes (build) */
    if (cv.ask_testimony) return; /* its content note is read from the view (note_*) */
    if (cv.testimony_skipped) {
        put(sc, y, x, orl_care_skipped_text(s, t, p->lang));
        return;
    }
    if (!cv.testimony) {
        /* consent does not allow it here and now: the notice, never its words or narrator */
        put(sc, y, x, orl_testimony_notice(p->st, t, p->lang));
        return;
    }
    char *heading = orl_testimony_heading(p->st, t, p->lang); /* with "recreated...", care.h */
    put_owned(sc, y, x, heading ? orl_format("%s.", heading) : NULL);
    free(heading);
    /* its own recording is heard here; with none, or one that is missing or did not play
     * (then nothing of the testimony would be heard), its transcript is read */
    if (orl_player__audio_playable(p, s->testimony_idx)) {
        *barrier_y = y + 1;
        sc->transcript = t->text;
    } else {
        put(sc, y + 1, x, t->text);
    }
}

/* Builds what the screen says, in reading order. *barrier: the index before which the voice
 * waits for the testimony's recording, or -1. */
static void build(orl_player *p, const orl_view *v, script *sc, int *barrier)
{
    *barrier = -1;
    int barrier_y = -1;
    if (v->screen == ORL_SCREEN_SCENE && !v->support_open) {
        /* a scene in the order it is meant: "The end", the text, a content note, the
         * testimony, then the fact (drawn above the panel, read after it) */
        const orl_view_text *texts[] = {&v->heading, &v->body, &v->note_title, &v->note_intro, &v->note_words};
        for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) put(sc, (int)i, 0, texts[i]->text);
        put_testimony(p, v, sc, &barrier_y);
        if (barrier_y >= 0) *barrier = sc->n;
        put(sc, 100, 0, v->fact_label.text);
        put(sc, 101, 0, v->fact_text.text);
        put(sc, 102, 0, v->fact_source.text);
    } else {
        /* the other screens top to bottom */
        const orl_view_text *texts[] = {&v->heading, &v->sub, &v->body, &v->body2, &v->note_title, &v->note_intro,
                                        &v->note_words};
        for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) put_text(sc, texts[i]);
        for (int i = 0; i < v->nsupport; i++) {
            put_text(sc, &v->support[i].name);
            put_text(sc, &v->support[i].contact);
            put_text(sc, &v->support[i].note);
        }
        qsort(sc->s, (size_t)sc->n, sizeof *sc->s, cmp_seg);
    }
    /* then the buttons: choices with their numbers, as `orilla text` numbers them */
    int nb = 0;
    for (int i = 0; i < v->nbuttons; i++) {
        const orl_view_button *b = &v->buttons[i];
        if (b->hidden || b->disabled || !b->label || !*b->label) continue;
        if (b->kind == ORL_BUTTON_MENU || b->kind == ORL_BUTTON_BACK || b->kind == ORL_BUTTON_SUPPORT) continue;
        if ((b->kind == ORL_BUTTON_CHOICE || b->kind == ORL_BUTTON_HOTSPOT) && b->number > 0)
            put_owned(sc, 1 << 20, b->number, orl_format("%d. %s", b->number, b->label));
        else
            put(sc, 1 << 20, 1000 + nb, b->label);
        nb++;
    }
    int first_button = sc->n - nb;
    qsort(sc->s + first_button, (size_t)nb, sizeof *sc->s, cmp_seg);
}

static void free_script(script *sc)
{
    for (int i = 0; i < sc->nowned; i++) free(sc->owned[i]);
    sc->nowned = 0;
}

static void forget_rest(orl_player *p)
{
    for (int i = 0; i < p->voice_nrest; i++) free(p->voice_rest[i]);
    p->voice_nrest = 0;
}

/* Says texts[0..n-1] now, in place of whatever was being said (barrier: audio/voice.h). */
static void say_now(orl_player *p, const char *const *texts, int n, int barrier)
{
    orl_player__audio_open(p); /* the mixer the voice plays through */
    orl_voice_set_volume(p->speaker, p->volume);
    orl_voice_say(p->speaker, p->lang, texts, n, barrier);
    p->voice_barrier = barrier >= 0;
    p->voice_pending = 1;
}

static void say_script(orl_player *p, const script *sc, int barrier)
{
    const char *texts[ORL_VOICE_MAX_SEGMENTS];
    for (int i = 0; i < sc->n; i++) texts[i] = sc->s[i].text;
    say_now(p, texts, sc->n, barrier);
}

/* A settings button as the voice says it: the toggles with "on" or "off", the text size as a
 * percentage (its button only shows "A"), the volume and language with "chosen" when in use. */
static char *menu_words(const orl_player *p, const orl_view *v, const orl_view_button *b)
{
    const char *chosen = b->selected ? orl_ui_text(p->lang, ORL_UI_CHOSEN) : NULL;
    switch (b->kind) {
    case ORL_BUTTON_HIGH_CONTRAST:
    case ORL_BUTTON_REDUCE_MOTION:
    case ORL_BUTTON_VOICE:
        return orl_format("%s: %s", b->label ? b->label : "",
                          orl_ui_text(p->lang, b->selected ? ORL_UI_ON : ORL_UI_OFF));
    case ORL_BUTTON_TEXT_SIZE:
        return orl_format("%s %d %%%s%s", v->menu_size_label.text ? v->menu_size_label.text : "",
                          (int)(orl_player__size_scale(b->arg) * 100.0f + 0.5f), chosen ? ", " : "",
                          chosen ? chosen : "");
    case ORL_BUTTON_VOLUME:
        return orl_format("%s %s%s%s", v->menu_volume_label.text ? v->menu_volume_label.text : "",
                          b->label ? b->label : "", chosen ? ", " : "", chosen ? chosen : "");
    default:
        if (!b->label || !*b->label) return NULL;
        return orl_format("%s%s%s", b->label, chosen ? ", " : "", chosen ? chosen : "");
    }
}

/* The settings, read for those who cannot see them: when they open, their title and every
 * button; then, as the focus moves or a setting changes, that button alone. */
static void speak_menu(orl_player *p, const orl_view *v)
{
    orl_buf key = {0};
    orl_buf_printf(&key, "menu|%s|%d", p->lang, v->focus_visible ? v->focus : -1);
    for (int i = 0; i < v->nbuttons; i++) orl_buf_printf(&key, "|%d,%d", (int)v->buttons[i].kind, v->buttons[i].selected);
    if (key.oom || !key.data) {
        orl_buf_free(&key);
        return;
    }
    const char *was = p->voice_said;
    if (was && strcmp(key.data, was) == 0) {
        orl_buf_free(&key);
        return;
    }
    script sc;
    sc.n = sc.nowned = 0;
    sc.transcript = NULL;
    int open = was && strncmp(was, "menu|", 5) == 0; /* already reading the settings */
    int one = -1; /* the button to say alone */
    if (open) {
        if (v->focus_visible && v->focus >= 0 && v->focus < v->nbuttons) {
            one = v->focus; /* keys or a gamepad move through the settings */
        } else {
            /* a pointer changed a setting: the button whose state is not what was said */
            const char *q = strchr(was + 5, '|');
            q = q ? strchr(q + 1, '|') : NULL;
            for (int i = 0; q && i < v->nbuttons; i++, q = strchr(q + 1, '|')) {
                int kind = 0, sel = 0;
                if (sscanf(q + 1, "%d,%d", &kind, &sel) == 2 && kind == (int)v->buttons[i].kind &&
                    sel != v->buttons[i].selected && (v->buttons[i].selected || kind == ORL_BUTTON_HIGH_CONTRAST ||
                                                      kind == ORL_BUTTON_REDUCE_MOTION || kind == ORL_BUTTON_VOICE)) {
                    one = i;
                    break;
                }
            }
        }
    }
    if (open && one < 0) {
        /* the focus left the buttons: nothing new to say */
        free(p->voice_said);
        p->voice_said = key.data;
        return;
    }
    if (one >= 0) {
        put_owned(&sc, 0, 0, menu_words(p, v, &v->buttons[one]));
    } else {
        put(&sc, 0, 0, v->menu_title.text);
        int k = 1;
        for (int i = 0; i < v->nbuttons; i++) {
            const orl_view_button *b = &v->buttons[i];
            if (b->hidden || b->disabled || b->kind == ORL_BUTTON_MENU || b->kind == ORL_BUTTON_BACK ||
                b->kind == ORL_BUTTON_SUPPORT)
                continue;
            put_owned(&sc, k++, 0, menu_words(p, v, b));
        }
    }
    free(p->voice_said);
    p->voice_said = key.data;
    forget_rest(p);
    say_script(p, &sc, -1);
    free_script(&sc);
}

void orl_player__speak_view(orl_player *p, const orl_view *v, int relaid)
{
    if (!p->voice || !p->speaker) return;
    if (p->menu) {
        /* the settings are read; what was being said before is read again after them */
        speak_menu(p, v);
        return;
    }
    /* nothing on screen changed (back from the settings, the screen is read again) */
    if (!relaid && p->voice_said && strncmp(p->voice_said, "menu|", 5) != 0) return;
    script sc;
    sc.n = sc.nowned = 0;
    sc.transcript = NULL;
    int barrier;
    build(p, v, &sc, &barrier);
    /* the same screen as last time: nothing new to say */
    orl_buf key = {0};
    orl_buf_printf(&key, "%u|%d|%s|%d", p->scene_entry, (int)v->screen, p->lang, barrier);
    for (int i = 0; i < sc.n; i++) orl_buf_printf(&key, "\n%s", sc.s[i].text);
    if (!key.oom && key.data && p->voice_said && strcmp(key.data, p->voice_said) == 0) {
        orl_buf_free(&key);
        free_script(&sc);
        return;
    }
    free(p->voice_said);
    p->voice_said = key.oom ? NULL : key.data;
    if (key.oom) orl_buf_free(&key);
    say_script(p, &sc, barrier);
    /* what follows the recording, with its transcript first, in case it does not play */
    forget_rest(p);
    if (barrier >= 0 && sc.transcript && *sc.transcript) {
        p->voice_rest[p->voice_nrest++] = strdup(sc.transcript);
        for (int i = barrier; i < sc.n && p->voice_nrest < ORL_VOICE_MAX_SEGMENTS; i++)
            p->voice_rest[p->voice_nrest++] = strdup(sc.s[i].text);
    }
    free_script(&sc);
}

int orl_player__speak_holds(const orl_player *p)
{
    return p->voice && p->speaker && p->voice_barrier && !orl_voice_waiting(p->speaker);
}

int orl_player__speak_tick(orl_player *p)
{
    if (!p->voice || !p->speaker) return 0;
    int frame = 0;
    if (p->voice_barrier && orl_voice_waiting(p->speaker)) {
        /* the voice waits for the testimony's recording: started, then heard to its end */
        int started = p->audio_testimony >= 0 && p->audio_entry == p->scene_entry;
        if (!started) {
            if (!p->voice_started_audio) frame = 1; /* a frame starts it (sound.c) */
            p->voice_started_audio = 1;
        } else if (!orl_player_audio_active(p)) {
            if (!orl_player__audio_playable(p, p->audio_testimony) && p->voice_nrest > 0) {
                /* the recording did not play (a broken file): its transcript is read, then
                 * what came after it */
                const char *texts[ORL_VOICE_MAX_SEGMENTS];
                int n = 0;
                for (int i = 0; i < p->voice_nrest; i++)
                    if (p->voice_rest[i]) texts[n++] = p->voice_rest[i];
                say_now(p, texts, n, -1);
            } else {
                orl_voice_release(p->speaker);
            }
            forget_rest(p);
            p->voice_barrier = 0;
            p->voice_started_audio = 0;
        }
    }
    p->voice_pending = orl_voice_pump(p->speaker);
    return frame;
}

int orl_player_voice_busy(const orl_player *p) { return p->voice && p->speaker && p->voice_pending; }

static void speak_stop(orl_player *p)
{
    forget_rest(p);
    orl_voice_stop(p->speaker);
    free(p->voice_said);
    p->voice_said = NULL;
    p->voice_barrier = p->voice_pending = p->voice_started_audio = 0;
}

void orl_player__speak_close(orl_player *p)
{
    speak_stop(p);
    orl_voice_close(p->speaker);
    p->speaker = NULL;
}

int orl_player_voice_available(orl_player *p)
{
    return orl_voice_compiled() && !p->voice_failed;
}

int orl_player_set_voice(orl_player *p, int on)
{
    on = on != 0;
    if (on && !p->speaker && !p->voice_failed) {
        char err[300] = "";
        p->speaker = orl_voice_open(err, sizeof err);
        if (!p->speaker) {
            p->voice_failed = 1;
            orl_diag_add(&p->diags, ORL_WARNING, NULL, 0, 0, "voice", "reading aloud is not available: %s", err);
        }
    }
    if (on && !p->speaker) return -1;
    if (!on) speak_stop(p);
    p->voice = on;
    p->dirty = 1;
    return 0;
}

int orl_player_voice(const orl_player *p) { return p->voice; }

orl_voice *orl_player_speaker(const orl_player *p) { return p->speaker; }
