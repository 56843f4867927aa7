/* Testimony audio and captions in the player (player.h): what plays follows what is on
 * screen. A scene whose testimony the care view shows (consent allows it, the reader did not
 * skip it) starts the testimony's audio; leaving the scene (a choice, Back, a language
 * reload, another screen, quitting) stops it; the settings and the support screen pause it.
 * Problems (no device, a broken file) are warnings in the player's diagnostics, never on
 * screen: the captions still show, on a clock. */
#include "audio/audio.h"
#include "audio/voice.h"
#include "audio/webvtt.h"
#include "bundle/fs.h"
#include "player/player_internal.h"
#include "story/care.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The player's own clock for captions when the audio could not play (broken file). */
static orl_vtt fb_vtt;
static int fb_on, fb_paused;
static double fb_t0, fb_pause_at;
static const orl_player *fb_owner;

static double now_s(void) { return (double)SDL_GetPerformanceCounter() / (double)SDL_GetPerformanceFrequency(); }

static void fb_stop(const orl_player *p)
{
    if (fb_owner != p) return;
    orl_vtt_free(&fb_vtt);
    memset(&fb_vtt, 0, sizeof fb_vtt);
    fb_on = fb_paused = 0;
    fb_owner = NULL;
}

/* Copies what the audio module said into the player's diagnostics as warnings: a testimony
 * that cannot be heard does not make the story fail. Notes (dummy driver...) are dropped. */
static void keep_diags(orl_player *p, const orl_diags *d)
{
    for (size_t i = 0; i < d->n; i++) {
        if (d->items[i].sev == ORL_NOTE) continue;
        orl_diag_add(&p->diags, ORL_WARNING, d->items[i].file, d->items[i].line, d->items[i].col, d->items[i].code,
                     "%s", d->items[i].msg);
    }
}

/* The testimony the screen wants heard now, or -1. */
static int wanted(orl_player *p)
{
    if (p->screen != ORL_SCREEN_SCENE || !p->run) return -1;
    int sc = orl_run_scene(p->run);
    if (sc < 0 || sc >= p->st->nscenes) return -1;
    const orl_scene *s = &p->st->scenes[sc];
    if (s->testimony_idx < 0 || s->testimony_idx >= p->st->ntestimonies) return -1;
    const orl_testimony *t = &p->st->testimonies[s->testimony_idx];
    if (!t->audio || !*t->audio) return -1;
    if (orl_player__speak_holds(p)) return -1; /* the voice reads what comes before it first */
    orl_care_view cv = orl_care_view_of(p->st, s, &p->consent, (orl_care_answer)p->scene_answer,
                                        (orl_care_answer)p->testimony_answer);
    return cv.testimony ? s->testimony_idx : -1;
}

/* captions/NAME.LANG.vtt when the reader's language is not the story's source one and that
 * file exists (NAME: the captions file's name without .vtt, then the testimony's id). */
static const char *captions_for(orl_player *p, const orl_testimony *t, char *buf, size_t size)
{
    const char *src = p->st->language ? p->st->language : "en";
    if (!p->st->fs || strcmp(p->lang, src) == 0) return t->captions;
    const char *names[2] = {NULL, t->id};
    char stem[256] = "";
    if (t->captions) {
        const char *b = strrchr(t->captions, '/');
        b = b ? b + 1 : t->captions;
        snprintf(stem, sizeof stem, "%s", b);
        size_t n = strlen(stem);
        if (n > 4 && strcmp(stem + n - 4, ".vtt") == 0) stem[n - 4] = 0;
        names[0] = stem;
    }
    for (int i = 0; i < 2; i++) {
        if (!names[i] || !*names[i]) continue;
        snprintf(buf, size, "captions/%s.%s.vtt", names[i], p->lang);
        if (orl_fs_exists(p->st->fs, buf)) return buf;
    }
    return t->captions;
}

void orl_player__audio_open(orl_player *p)
{
    if (!p->audio && !p->audio_open_failed) {
        orl_diags d = {0};
        orl_audio_desc ad = {0};
        ad.no_device = p->no_audio_device;
        p->audio = orl_audio_open(&ad, &d);
        if (!p->audio) p->audio_open_failed = 1;
        keep_diags(p, &d);
        orl_diags_free(&d);
    }
}

int orl_player__audio_playable(orl_player *p, int ti)
{
    if (ti < 0 || ti >= p->st->ntestimonies) return 0;
    const orl_testimony *t = &p->st->testimonies[ti];
    if (!t->audio || !*t->audio) return 0;
    if (p->st->fs && !orl_fs_exists(p->st->fs, t->audio)) return 0;
    if (p->audio_broken && p->audio_broken_gen == p->gen && ti < p->audio_broken_n && p->audio_broken[ti]) return 0;
    return 1;
}

static void mark_broken(orl_player *p, int ti)
{
    if (!p->audio_broken || p->audio_broken_gen != p->gen || p->audio_broken_n != p->st->ntestimonies) {
        free(p->audio_broken);
        p->audio_broken_n = p->st->ntestimonies;
        p->audio_broken = calloc((size_t)(p->audio_broken_n > 0 ? p->audio_broken_n : 1), 1);
        p->audio_broken_gen = p->gen;
    }
    if (p->audio_broken && ti >= 0 && ti < p->audio_broken_n) p->audio_broken[ti] = 1;
}

static void start(orl_player *p, int ti)
{
    orl_player__audio_open(p);
    p->audio_testimony = ti;
    p->audio_entry = p->scene_entry;
    const orl_testimony *t0 = &p->st->testimonies[ti];
    orl_testimony t = *t0;
    char alt[512];
    t.captions = (char *)captions_for(p, t0, alt, sizeof alt);
    orl_diags d = {0};
    int rc = p->audio ? orl_audio_play_testimony(p->audio, p->st->fs, p->st, &t, &p->consent, &d) : ORL_AUDIO_BROKEN;
    if (rc == ORL_AUDIO_OK) orl_audio_set_volume(p->audio, p->volume);
    if (rc == ORL_AUDIO_BROKEN && p->audio) mark_broken(p, ti); /* the file, not the device */
    if (rc == ORL_AUDIO_BROKEN && t.captions && *t.captions && p->st->fs) {
        /* heard or not, the captions are still read */
        if (fb_owner && fb_owner != p) {
            /* another player's fallback: leave it */
        } else {
            fb_stop(p);
            orl_vtt_load(&fb_vtt, p->st->fs, t.captions, &d);
            fb_owner = p;
            fb_on = 1;
            fb_t0 = now_s();
        }
    }
    keep_diags(p, &d);
    orl_diags_free(&d);
}

static void stop(orl_player *p)
{
    if (p->audio) orl_audio_stop(p->audio);
    fb_stop(p);
    p->audio_testimony = -1;
    p->audio_entry = 0;
    p->caption[0] = 0;
}

void orl_player__sound_sync(orl_player *p)
{
    int want = wanted(p);
    if (p->audio_testimony >= 0 && (want != p->audio_testimony || p->audio_entry != p->scene_entry)) stop(p);
    int hold = p->menu || p->support_open;
    if (want >= 0 && p->audio_testimony < 0 && !hold) start(p, want);
    if (p->audio_testimony < 0) return;
    if (p->audio) {
        if (hold) orl_audio_pause(p->audio);
        else orl_audio_resume(p->audio);
    }
    if (fb_on && fb_owner == p) {
        if (hold && !fb_paused) {
            fb_paused = 1;
            fb_pause_at = now_s();
        } else if (!hold && fb_paused) {
            fb_paused = 0;
            fb_t0 += now_s() - fb_pause_at;
        }
    }
}

/* The caption to show now into p->caption; 1 when there is one. */
static int caption_now(orl_player *p)
{
    p->caption[0] = 0;
    if (!p->captions || p->audio_testimony < 0) return 0;
    const orl_vtt *v = NULL;
    double t = 0;
    if (fb_on && fb_owner == p) {
        v = &fb_vtt;
        t = (fb_paused ? fb_pause_at : now_s()) - fb_t0;
    } else if (p->audio) {
        v = orl_audio_captions(p->audio);
        t = orl_audio_position(p->audio);
    }
    if (!v) return 0;
    if (p->caption_clock) t = p->scene_time;
    return orl_vtt_text_at(v, t, p->caption, sizeof p->caption) > 0;
}

void orl_player__sound_view(orl_player *p, orl_view *v, int relaid)
{
    orl_player__sound_sync(p);
    char before[sizeof p->caption];
    memcpy(before, p->caption, sizeof before);
    int on = caption_now(p) && v->screen == ORL_SCREEN_SCENE && v->has_panel && !v->menu && !v->support_open;
    if (!on) {
        v->has_caption = 0;
        v->caption.text = NULL;
        return;
    }
    if (!relaid && v->has_caption && strcmp(before, p->caption) == 0) return;
    /* a strip above the text panel: centred, at least 36 px, on a dark backing */
    float S = orl_player__size_scale(p->text_size);
    int size = (int)(36.0f * S + 0.5f);
    int w = v->canvas_w - 2 * 72 < 1400 ? v->canvas_w - 2 * 72 : 1400;
    v->caption = (orl_view_text){p->caption, (v->canvas_w - w) / 2, 0, w, 0, size, 0, ORL_TEXT_ALIGN_CENTER, 1.15f,
                                 ORL_TONE_TEXT};
    int h = orl_player__measure(p, &v->caption);
    int pad_x = 32, pad_y = 16;
    int bottom = v->panel.y - 20;
    if (bottom - h - 2 * pad_y < 20) bottom = h + 2 * pad_y + 20;
    v->caption.y = bottom - pad_y - h;
    v->caption_box = (orl_rect){v->caption.x - pad_x, v->caption.y - pad_y, w + 2 * pad_x, h + 2 * pad_y};
    v->has_caption = 1;
}

int orl_player__sound_moving(const orl_player *p)
{
    return p->captions && p->audio_testimony >= 0 && !p->menu &&
           ((p->audio && orl_audio_active(p->audio)) || (fb_on && fb_owner == p));
}

void orl_player__sound_close(orl_player *p)
{
    stop(p);
    orl_audio_close(p->audio);
    p->audio = NULL;
    free(p->audio_broken);
    p->audio_broken = NULL;
}

int orl_player_set_volume(orl_player *p, float volume)
{
    if (!(volume >= 0.0f)) volume = 0.0f;
    if (volume > 1.0f) volume = 1.0f;
    p->volume = volume;
    if (p->audio) orl_audio_set_volume(p->audio, volume);
    orl_voice_set_volume(p->speaker, volume); /* the voice follows the same setting */
    p->dirty = 1;
    return 0;
}

float orl_player_volume(const orl_player *p) { return p->volume; }

int orl_player_set_captions(orl_player *p, int on)
{
    p->captions = on != 0;
    p->dirty = 1;
    return 0;
}

int orl_player_captions(const orl_player *p) { return p->captions; }
orl_audio *orl_player_audio(const orl_player *p) { return p->audio; }
int orl_player_audio_active(const orl_player *p) { return p->audio_testimony >= 0 && orl_audio_active(p->audio); }
