/* Testimony audio (audio/audio.h): SDL2_mixer with a dummy-driver and a silent fallback, the
 * file read through orl_fs into memory with a size cap, captions kept beside it. */
#include "audio/audio.h"
#include "core/limits.h"
#include "core/strutil.h"
#include <SDL2/SDL.h>
#include <SDL2/SDL_mixer.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct orl_audio {
    orl_audio_mode mode;
    int sdl_audio;     /* we initialised SDL's audio subsystem (quit it on close) */
    int mix_open;      /* Mix_OpenAudioDevice succeeded */
    size_t max_bytes;
    float volume;
    Mix_Music *music;
    char *data;        /* the audio file's bytes: SDL_mixer reads them while it plays */
    orl_vtt vtt;
    int active, paused;
    double t0;         /* clock at the (virtual) start: pauses move it forward */
    double pause_at;
    double duration;   /* seconds, or -1 */
};

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Opens SDL audio and the mixer with `driver` (NULL: SDL's choice). 0, or -1 with *why. */
static int try_open(orl_audio *a, const char *driver, int frequency, char *why, size_t whylen)
{
    if (SDL_WasInit(SDL_INIT_AUDIO) && driver) {
        snprintf(why, whylen, "SDL audio is already open with another driver");
        return -1;
    }
    /* OVERRIDE: an SDL_AUDIODRIVER in the environment would otherwise win over the hint */
    if (driver) SDL_SetHintWithPriority(SDL_HINT_AUDIODRIVER, driver, SDL_HINT_OVERRIDE);
    int ok = SDL_InitSubSystem(SDL_INIT_AUDIO) == 0;
    if (driver) SDL_ResetHint(SDL_HINT_AUDIODRIVER); /* back to the environment's */
    if (!ok) {
        snprintf(why, whylen, "%s", SDL_GetError());
        return -1;
    }
    Mix_Init(MIX_INIT_OGG | MIX_INIT_MP3 | MIX_INIT_FLAC | MIX_INIT_OPUS); /* what is available */
    if (Mix_OpenAudioDevice(frequency, MIX_DEFAULT_FORMAT, 2, 2048, NULL, SDL_AUDIO_ALLOW_ANY_CHANGE) != 0) {
        snprintf(why, whylen, "%s", Mix_GetError());
        Mix_Quit();
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return -1;
    }
    a->sdl_audio = 1;
    a->mix_open = 1;
    const char *cur = SDL_GetCurrentAudioDriver();
    a->mode = cur && strcmp(cur, "dummy") == 0 ? ORL_AUDIO_DUMMY : ORL_AUDIO_DEVICE;
    return 0;
}

orl_audio *orl_audio_open(const orl_audio_desc *desc, orl_diags *d)
{
    orl_audio *a = calloc(1, sizeof *a);
    if (!a) return NULL;
    orl_audio_desc z;
    memset(&z, 0, sizeof z);
    if (!desc) desc = &z;
    a->max_bytes = desc->max_bytes ? desc->max_bytes : ORL_MAX_AUDIO_BYTES;
    a->volume = 1.0f;
    a->duration = -1;
    a->mode = ORL_AUDIO_SILENT;
    if (desc->no_device) return a;
    int freq = desc->frequency > 0 ? desc->frequency : 48000;
    char why[256] = "";
    if (try_open(a, desc->driver, freq, why, sizeof why) == 0) return a;
    if (d)
        orl_diag_add(d, ORL_NOTE, NULL, 0, 0, "no-sound",
                     "no sound device (%s): testimonies play silently, with their captions", why);
    if (!(desc->driver && strcmp(desc->driver, "dummy") == 0) && try_open(a, "dummy", freq, why, sizeof why) == 0)
        return a;
    a->mode = ORL_AUDIO_SILENT;
    return a;
}

void orl_audio_stop(orl_audio *a)
{
    if (!a) return;
    if (a->music) {
        Mix_HaltMusic();
        Mix_FreeMusic(a->music);
        a->music = NULL;
    }
    free(a->data);
    a->data = NULL;
    orl_vtt_free(&a->vtt);
    a->active = a->paused = 0;
    a->duration = -1;
}

void orl_audio_close(orl_audio *a)
{
    if (!a) return;
    orl_audio_stop(a);
    if (a->mix_open) {
        Mix_CloseAudio();
        Mix_Quit();
    }
    if (a->sdl_audio) SDL_QuitSubSystem(SDL_INIT_AUDIO);
    free(a);
}

orl_audio_mode orl_audio_mode_of(const orl_audio *a) { return a ? a->mode : ORL_AUDIO_SILENT; }

static void audio_diag(orl_diags *d, const orl_testimony *t, const char *fmt, const char *a1, const char *a2)
{
    if (!d) return;
    char *msg = orl_format(fmt, a1, a2);
    orl_diag_add(d, ORL_ERROR, t->loc.file, t->loc.line, 0, "audio", "testimony \"%s\": %s", t->id ? t->id : "?",
                 msg ? msg : "audio cannot be played");
    free(msg);
}

int orl_audio_play_testimony(orl_audio *a, orl_fs *fs, const orl_story *st, const orl_testimony *t,
                             const orl_consent_ctx *c, orl_diags *d)
{
    if (!a) return ORL_AUDIO_BROKEN;
    orl_audio_stop(a);
    if (!st || !t || !c) return ORL_AUDIO_REFUSED;
    /* the one consent decision (story/consent.c), asked here as well as by the caller */
    if (!orl_consent_allows(st, t, c)) return ORL_AUDIO_REFUSED;
    if (!t->audio || !*t->audio) return ORL_AUDIO_NO_AUDIO;
    if (!fs) return ORL_AUDIO_BROKEN;

    size_t len = 0;
    int rc = orl_fs_read(fs, t->audio, a->max_bytes, &a->data, &len);
    if (rc != ORL_FS_OK) {
        char lim[64];
        snprintf(lim, sizeof lim, "%zu", a->max_bytes);
        if (rc == ORL_FS_TOOBIG)
            audio_diag(d, t, "audio \"%s\" is larger than %s bytes; use a compressed format (Ogg Vorbis, Opus, MP3)",
                       t->audio, lim);
        else
            audio_diag(d, t, "audio \"%s\" cannot be read: %s", t->audio, orl_fs_strerror(rc));
        free(a->data);
        a->data = NULL;
        return ORL_AUDIO_BROKEN;
    }
    if (t->captions && *t->captions) orl_vtt_load(&a->vtt, fs, t->captions, d); /* good cues kept on errors */
    double cap_end = a->vtt.n ? a->vtt.cues[a->vtt.n - 1].end : -1;
    for (int i = 0; i < a->vtt.n; i++)
        if (a->vtt.cues[i].end > cap_end) cap_end = a->vtt.cues[i].end;

    if (a->mode == ORL_AUDIO_SILENT) {
        /* nothing decodes: the captions still run on the clock */
        free(a->data);
        a->data = NULL;
        a->duration = cap_end;
        a->active = cap_end > 0;
        a->t0 = now_seconds();
        return ORL_AUDIO_OK;
    }
    SDL_RWops *rw = SDL_RWFromConstMem(a->data, (int)(len > (size_t)0x7fffffff ? 0x7fffffff : len));
    a->music = rw ? Mix_LoadMUS_RW(rw, 1) : NULL;
    if (!a->music) {
        audio_diag(d, t, "audio \"%s\" cannot be played (%s); is it an Ogg, Opus, MP3, FLAC or WAV file?", t->audio,
                   Mix_GetError());
        orl_audio_stop(a);
        return ORL_AUDIO_BROKEN;
    }
    Mix_VolumeMusic((int)(a->volume * (float)MIX_MAX_VOLUME + 0.5f));
    if (Mix_PlayMusic(a->music, 0) != 0) {
        audio_diag(d, t, "audio \"%s\" cannot be played (%s)", t->audio, Mix_GetError());
        orl_audio_stop(a);
        return ORL_AUDIO_BROKEN;
    }
    double dur = Mix_MusicDuration(a->music);
    a->duration = dur > 0 ? dur : cap_end;
    a->active = 1;
    a->t0 = now_seconds();
    return ORL_AUDIO_OK;
}

void orl_audio_pause(orl_audio *a)
{
    if (!a || !a->active || a->paused) return;
    if (a->music) Mix_PauseMusic();
    a->pause_at = now_seconds();
    a->paused = 1;
}

void orl_audio_resume(orl_audio *a)
{
    if (!a || !a->active || !a->paused) return;
    a->t0 += now_seconds() - a->pause_at;
    if (a->music) Mix_ResumeMusic();
    a->paused = 0;
}

int orl_audio_paused(const orl_audio *a) { return a && a->active && a->paused; }

double orl_audio_position(const orl_audio *a)
{
    if (!a || !a->active) return 0;
    double now = a->paused ? a->pause_at : now_seconds();
    double p = now - a->t0;
    if (a->mode == ORL_AUDIO_DEVICE && a->music) {
        double mp = Mix_GetMusicPosition(a->music); /* the decoder's own, when the format tells */
        if (mp >= 0) p = mp;
    }
    if (p < 0) p = 0;
    if (a->duration > 0 && p > a->duration) p = a->duration;
    return p;
}

int orl_audio_active(const orl_audio *a)
{
    if (!a || !a->active) return 0;
    if (a->paused) return 1;
    double now = now_seconds() - a->t0;
    if (a->duration > 0) return now < a->duration;
    return a->music ? Mix_PlayingMusic() != 0 : 0;
}

double orl_audio_duration(const orl_audio *a)
{
    return a && a->active && a->duration > 0 ? a->duration : -1;
}

void orl_audio_set_volume(orl_audio *a, float volume)
{
    if (!a) return;
    if (!(volume >= 0.0f)) volume = 0.0f; /* NaN too */
    if (volume > 1.0f) volume = 1.0f;
    a->volume = volume;
    if (a->mix_open) Mix_VolumeMusic((int)(volume * (float)MIX_MAX_VOLUME + 0.5f));
}

float orl_audio_volume(const orl_audio *a) { return a ? a->volume : 0.0f; }

int orl_audio_caption(const orl_audio *a, char *buf, size_t size)
{
    if (!a || !a->active) {
        if (buf && size) buf[0] = 0;
        return 0;
    }
    return orl_vtt_text_at(&a->vtt, orl_audio_position(a), buf, size);
}

const orl_vtt *orl_audio_captions(const orl_audio *a)
{
    return a && a->active && a->vtt.n ? &a->vtt : NULL;
}
