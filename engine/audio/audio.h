/* Testimony audio with captions (SDL2_mixer). One orl_audio plays one testimony at a time,
 * read through the story's orl_fs (folder or bundle) into memory, with its WebVTT captions
 * (audio/webvtt.h) following the playback position.
 *
 * It never fails hard: when no sound device can be opened it falls back to SDL's "dummy"
 * driver, and when even that fails it runs silent, with a clock — so captions still appear
 * in time for the people who read them. A missing, oversized or broken audio file is a
 * diagnostic (file:line of the testimony), never a crash. Tests run it with
 * SDL_AUDIODRIVER=dummy.
 *
 * Consent: orl_audio_play_testimony asks story/consent.h itself (orl_consent_allows) and
 * refuses, playing nothing, when the testimony may not be heard here and now. Callers should
 * ask first too (to show the notice instead), but cannot forget to.
 *
 * SDL_mixer is global: open one orl_audio at a time. It initialises (and on close, quits)
 * only SDL's audio subsystem, so it lives beside a window opened by the player. */
#ifndef ORL_AUDIO_H
#define ORL_AUDIO_H
#include <stddef.h>
#include "audio/webvtt.h"
#include "bundle/fs.h"
#include "core/diag.h"
#include "story/consent.h"
#include "story/story.h"

typedef struct orl_audio orl_audio;

typedef struct orl_audio_desc {
    const char *driver;   /* SDL audio driver name; NULL = SDL's choice (SDL_AUDIODRIVER) */
    int frequency;        /* 0 = 48000 */
    size_t max_bytes;     /* largest audio file read; 0 = ORL_MAX_AUDIO_BYTES */
    int no_device;        /* 1: do not open any device; play silent with the clock (tests) */
} orl_audio_desc;

typedef enum orl_audio_mode {
    ORL_AUDIO_DEVICE = 0, /* a real sound device */
    ORL_AUDIO_DUMMY,      /* SDL's dummy driver: decoded, timed, not heard */
    ORL_AUDIO_SILENT,     /* no SDL audio at all: nothing decoded; position from a clock */
} orl_audio_mode;

/* Results of orl_audio_play_testimony (0 = playing). */
enum {
    ORL_AUDIO_OK = 0,
    ORL_AUDIO_REFUSED = -1,  /* consent does not allow it: nothing played */
    ORL_AUDIO_NO_AUDIO = -2, /* the testimony has no audio file: show its transcript */
    ORL_AUDIO_BROKEN = -3,   /* missing, too big or not decodable: a diagnostic says which */
};

/* Opens audio. Never NULL except out of memory; problems (no device...) become notes in d
 * (may be NULL) and a fallback mode. */
orl_audio *orl_audio_open(const orl_audio_desc *desc, orl_diags *d);
/* Stops, frees the testimony, closes the mixer. NULL is fine. */
void orl_audio_close(orl_audio *a);
orl_audio_mode orl_audio_mode_of(const orl_audio *a);

/* Plays testimony t of st (its `audio`, and its `captions` when it has them), from the
 * start, replacing what was playing. c says where and when (story/consent.h).
 * Returns ORL_AUDIO_OK, or a negative code above (diagnostics in d for BROKEN). When the
 * audio is broken but captions loaded, nothing plays. Captions that do not parse are
 * reported and the good cues still shown. */
int orl_audio_play_testimony(orl_audio *a, orl_fs *fs, const orl_story *st, const orl_testimony *t,
                             const orl_consent_ctx *c, orl_diags *d);
/* Stops and forgets the testimony (audio and captions). */
void orl_audio_stop(orl_audio *a);
void orl_audio_pause(orl_audio *a);
void orl_audio_resume(orl_audio *a);
/* 1 while a testimony is playing or paused (not yet at its end), else 0. */
int orl_audio_active(const orl_audio *a);
int orl_audio_paused(const orl_audio *a);
/* Volume from 0 (silent) to 1 (full); out-of-range values are clamped. */
void orl_audio_set_volume(orl_audio *a, float volume);
float orl_audio_volume(const orl_audio *a);

/* Seconds since the testimony started (paused time not counted), for captions. 0 when
 * nothing plays. */
double orl_audio_position(const orl_audio *a);
/* Length in seconds when known (decoded audio, or the end of the last caption), else -1. */
double orl_audio_duration(const orl_audio *a);
/* The caption to show now: like orl_vtt_text_at at orl_audio_position. Returns the number of
 * active cues (0: buf is ""). */
int orl_audio_caption(const orl_audio *a, char *buf, size_t size);
/* The captions of the testimony playing (NULL when it has none). Owned by a. */
const orl_vtt *orl_audio_captions(const orl_audio *a);

#endif
