/* Self-voicing (audio/voice.h): espeak-ng into memory on a worker thread, SDL2_mixer plays
 * each segment on a channel of its own. Built without espeak-ng, orl_voice_open says so and
 * the rest is never reached. */
#include "audio/voice.h"
#include "core/limits.h"
#include <SDL2/SDL.h>
#include <SDL2/SDL_mixer.h>
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef ORL_HAVE_ESPEAK
#include <espeak-ng/speak_lib.h>
#endif

/* Every espeak-ng call goes through one lock: the library keeps global state (one voice,
 * one callback), so the worker and orl_voice_synth must take turns. */
static SDL_SpinLock g_spin;
static SDL_mutex *g_mu;
static orl_voice_hook_fn g_hook;
static void *g_hook_ud;

static int lock_global(void)
{
    SDL_AtomicLock(&g_spin);
    if (!g_mu) g_mu = SDL_CreateMutex();
    SDL_AtomicUnlock(&g_spin);
    return g_mu && SDL_LockMutex(g_mu) == 0 ? 0 : -1;
}

static void unlock_global(void) { SDL_UnlockMutex(g_mu); }

void orl_voice_set_hook(orl_voice_hook_fn fn, void *ud)
{
    if (lock_global() != 0) return;
    g_hook = fn;
    g_hook_ud = ud;
    unlock_global();
}

void orl_voice_pcm_free(orl_voice_pcm *pcm)
{
    if (!pcm) return;
    free(pcm->samples);
    memset(pcm, 0, sizeof *pcm);
}

/* What one synthesis collects. */
typedef struct synth_ctx {
    short *buf;
    size_t n, cap, max;
    int oom;
    SDL_atomic_t *gen; /* NULL, or the speaker's generation: a change means "stop" */
    int want_gen;
} synth_ctx;

#ifdef ORL_HAVE_ESPEAK

static int g_rate;        /* 0: not started; > 0: samples a second; -1: cannot start */
static char g_voice[40];  /* the voice selected now */
static synth_ctx *g_ctx;  /* the synthesis under way (under g_mu) */

static int on_samples(short *wav, int num, espeak_EVENT *events)
{
    (void)events;
    synth_ctx *c = g_ctx;
    if (!c) return 1;
    if (c->gen && SDL_AtomicGet(c->gen) != c->want_gen) return 1; /* something else is to be said */
    if (!wav || num <= 0) return 0;
    size_t need = c->n + (size_t)num;
    if (need > c->max) return 1; /* longer than a segment may be: cut there */
    if (need > c->cap) {
        size_t nc = c->cap ? c->cap * 2 : 65536;
        while (nc < need) nc *= 2;
        short *nb = realloc(c->buf, nc * sizeof *nb);
        if (!nb) {
            c->oom = 1;
            return 1;
        }
        c->buf = nb;
        c->cap = nc;
    }
    memcpy(c->buf + c->n, wav, (size_t)num * sizeof *wav);
    c->n = need;
    return 0;
}

/* Under g_mu. */
static int ready(char *err, size_t errlen)
{
    if (g_rate == 0) {
        int r = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 200, NULL, espeakINITIALIZE_DONT_EXIT);
        g_rate = r > 0 ? r : -1;
        if (g_rate > 0) {
            espeak_SetSynthCallback(on_samples);
            espeak_SetParameter(espeakRATE, 165, 0); /* a little slower than espeak's 175 */
        }
    }
    if (g_rate < 0) {
        snprintf(err, errlen, "espeak-ng cannot start (is espeak-ng-data installed?)");
        return -1;
    }
    return 0;
}

/* Under g_mu: the voice for lang, or a regional code's language ("pt-BR" -> "pt-br", "pt"). */
static int select_voice(const char *lang, char *err, size_t errlen)
{
    char name[40];
    size_t i = 0;
    for (; lang && lang[i] && i < sizeof name - 1; i++)
        name[i] = lang[i] == '_' ? '-' : (char)tolower((unsigned char)lang[i]);
    name[i] = 0;
    if (!name[0]) snprintf(name, sizeof name, "en");
    if (strcmp(name, g_voice) == 0) return 0;
    for (int pass = 0; pass < 2; pass++) {
        if (espeak_SetVoiceByName(name) == EE_OK) {
            snprintf(g_voice, sizeof g_voice, "%s", name);
            return 0;
        }
        char *dash = strchr(name, '-');
        if (!dash) break;
        *dash = 0;
    }
    g_voice[0] = 0;
    snprintf(err, errlen, "espeak-ng has no voice for the language '%s'", lang ? lang : "");
    return -1;
}

/* Under g_mu. */
static int synth_locked(const char *lang, const char *text, synth_ctx *c, char *err, size_t errlen)
{
    if (ready(err, errlen) != 0 || select_voice(lang, err, errlen) != 0) return -1;
    if (g_hook && *text) g_hook(g_hook_ud, lang, text); /* not the probe of orl_voice_open */
    g_ctx = c;
    espeak_ERROR e = espeak_Synth(text, strlen(text) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, NULL, NULL);
    g_ctx = NULL;
    if (c->oom) {
        snprintf(err, errlen, "out of memory while synthesizing speech");
        return -1;
    }
    if (e != EE_OK) {
        snprintf(err, errlen, "espeak-ng could not synthesize the text (error %d)", (int)e);
        return -1;
    }
    return 0;
}

static int synth_rate(void) { return g_rate > 0 ? g_rate : 22050; }

int orl_voice_compiled(void) { return 1; }

#else

static int synth_locked(const char *lang, const char *text, synth_ctx *c, char *err, size_t errlen)
{
    (void)lang;
    (void)text;
    (void)c;
    snprintf(err, errlen, "this Orilla was built without espeak-ng (install libespeak-ng-dev and build again)");
    return -1;
}

static int synth_rate(void) { return 22050; }

int orl_voice_compiled(void) { return 0; }

#endif

/* espeak-ng 1.51 (Debian 12), translating Spanish words that end in "-ales" ("sociales",
 * "animales", "Ipiales"), scans its stack past the word it is working on until it meets a
 * space (valgrind shows the reads; upstream fixed such scans in 2024, espeak-ng pull
 * requests 2104 and 2105). On the speech thread, whose stack is nearly empty above espeak's
 * frames, that scan could run off the top of the stack: a crash in utf8_in, one run in two
 * of tests/unit/test_player in a Debug build. So espeak is called below 64 KB of room of
 * ours filled with spaces: the scan stops there, every time. */
__attribute__((noinline)) static int synth_with_room(const char *lang, const char *text, synth_ctx *c, char *err,
                                                      size_t errlen)
{
    char room[64 * 1024];
    memset(room, ' ', sizeof room);
    __asm__ volatile("" : : "r"(room) : "memory"); /* the room is there, and filled */
    int rc = synth_locked(lang, text, c, err, errlen);
    __asm__ volatile("" : : "r"(room) : "memory"); /* ... while espeak runs */
    return rc;
}

int orl_voice_synth(const char *lang, const char *text, orl_voice_pcm *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    if (!text) text = "";
    if (lock_global() != 0) {
        snprintf(err, errlen, "cannot start speech: %s", SDL_GetError());
        return -1;
    }
    synth_ctx c = {0};
    c.max = (size_t)ORL_VOICE_MAX_SECONDS * 22050u; /* espeak-ng's rate */
    int rc = synth_with_room(lang, text, &c, err, errlen);
    int rate = synth_rate();
    unlock_global();
    if (rc != 0) {
        free(c.buf);
        return -1;
    }
    out->samples = c.buf;
    out->n = c.n;
    out->rate = rate;
    return 0;
}

/* ---------------------------------------------------------------------------------------
 * The speaker */

struct orl_voice {
    SDL_Thread *th;
    SDL_mutex *mu;
    SDL_cond *cv;
    SDL_atomic_t gen;  /* bumped by say and stop: the worker drops what it was making */
    int quit;
    /* the job, under mu */
    char lang[32];
    char **seg;
    int n;
    int next_synth;
    int busy;
    int have_spec, freq, channels;
    Uint16 fmt;
    /* results, under mu: the segment in the mixer's format (NULL: nothing to play) */
    Uint8 **pcm;
    Uint32 *len;
    char *done;
    long segments_done;
    double seconds_made;
    /* main thread */
    int next_play, barrier, released, paused;
    float volume;
    Mix_Chunk *chunk;
    Uint8 *chunk_buf;
};

/* A quarter second of silence after each segment: a breath between paragraphs and choices. */
#define GAP_SECONDS 0.25

/* The samples in the mixer's format, with the gap after them. NULL when out of memory. */
static Uint8 *convert(const short *s, size_t n, int rate, int freq, Uint16 fmt, int ch, Uint32 *outlen)
{
    size_t gap = (size_t)(rate * GAP_SECONDS);
    size_t bytes = (n + gap) * sizeof(short);
    SDL_AudioCVT cvt;
    if (SDL_BuildAudioCVT(&cvt, AUDIO_S16SYS, 1, rate, fmt, (Uint8)ch, freq) < 0) return NULL;
    if (cvt.len_mult < 1 || bytes > (size_t)INT_MAX / (size_t)cvt.len_mult) return NULL;
    Uint8 *buf = calloc(bytes, (size_t)cvt.len_mult);
    if (!buf) return NULL;
    memcpy(buf, s, n * sizeof(short));
    cvt.buf = buf;
    cvt.len = (int)bytes;
    if (cvt.needed && SDL_ConvertAudio(&cvt) != 0) {
        free(buf);
        return NULL;
    }
    *outlen = cvt.needed ? (Uint32)cvt.len_cvt : (Uint32)bytes;
    return buf;
}

static void free_job(orl_voice *v)
{
    for (int i = 0; i < v->n; i++) {
        free(v->seg[i]);
        if (v->pcm) free(v->pcm[i]);
    }
    free(v->seg);
    free(v->pcm);
    free(v->len);
    free(v->done);
    v->seg = NULL;
    v->pcm = NULL;
    v->len = NULL;
    v->done = NULL;
    v->n = v->next_synth = 0;
}

static int worker(void *ud)
{
    orl_voice *v = ud;
    SDL_LockMutex(v->mu);
    while (!v->quit) {
        if (v->busy || v->next_synth >= v->n) {
            SDL_CondWait(v->cv, v->mu);
            continue;
        }
        int i = v->next_synth++;
        int g = SDL_AtomicGet(&v->gen);
        char *text = v->seg[i] ? strdup(v->seg[i]) : NULL;
        char lang[sizeof v->lang];
        memcpy(lang, v->lang, sizeof lang);
        int have_spec = v->have_spec, freq = v->freq, ch = v->channels;
        Uint16 fmt = v->fmt;
        v->busy = 1;
        SDL_UnlockMutex(v->mu);

        Uint8 *out = NULL;
        Uint32 outlen = 0;
        double secs = 0;
        int made = 0;
        if (text && lock_global() == 0) {
            synth_ctx c = {0};
            c.max = (size_t)ORL_VOICE_MAX_SECONDS * 22050u;
            c.gen = &v->gen;
            c.want_gen = g;
            char err[200];
            int rc = synth_with_room(lang, text, &c, err, sizeof err);
            int rate = synth_rate();
            unlock_global();
            if (rc == 0 && c.n > 0 && SDL_AtomicGet(&v->gen) == g) {
                made = 1;
                secs = (double)c.n / rate;
                if (have_spec) out = convert(c.buf, c.n, rate, freq, fmt, ch, &outlen);
            }
            free(c.buf);
        }
        free(text);

        SDL_LockMutex(v->mu);
        v->busy = 0;
        if (SDL_AtomicGet(&v->gen) == g && i < v->n) {
            v->pcm[i] = out;
            v->len[i] = outlen;
            v->done[i] = 1;
            out = NULL;
        }
        if (made) {
            v->segments_done++;
            v->seconds_made += secs;
        }
        free(out);
        SDL_CondBroadcast(v->cv);
    }
    SDL_UnlockMutex(v->mu);
    return 0;
}

orl_voice *orl_voice_open(char *err, size_t errlen)
{
    if (!orl_voice_compiled()) {
        snprintf(err, errlen, "this Orilla was built without espeak-ng (install libespeak-ng-dev and build again)");
        return NULL;
    }
    /* start espeak-ng now: a missing data folder is said here, not on the worker */
    orl_voice_pcm probe;
    if (orl_voice_synth("en", "", &probe, err, errlen) != 0) return NULL;
    orl_voice_pcm_free(&probe);
    orl_voice *v = calloc(1, sizeof *v);
    if (!v) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    v->volume = 1.0f;
    v->barrier = -1;
    v->mu = SDL_CreateMutex();
    v->cv = SDL_CreateCond();
    if (v->mu && v->cv) v->th = SDL_CreateThread(worker, "orilla-voice", v);
    if (!v->th) {
        snprintf(err, errlen, "cannot start the speech thread: %s", SDL_GetError());
        if (v->cv) SDL_DestroyCond(v->cv);
        if (v->mu) SDL_DestroyMutex(v->mu);
        free(v);
        return NULL;
    }
    return v;
}

static int mixer_open(int *freq, Uint16 *fmt, int *ch)
{
    int f = 0, c = 0;
    Uint16 m = 0;
    if (!SDL_WasInit(SDL_INIT_AUDIO) || Mix_QuerySpec(&f, &m, &c) == 0) return 0;
    if (freq) *freq = f;
    if (fmt) *fmt = m;
    if (ch) *ch = c;
    return 1;
}

/* Main thread: stops the channel and frees the segment playing. */
static void cut(orl_voice *v)
{
    if (v->chunk) {
        if (mixer_open(NULL, NULL, NULL)) Mix_HaltChannel(ORL_VOICE_CHANNEL);
        Mix_FreeChunk(v->chunk);
        v->chunk = NULL;
    }
    free(v->chunk_buf);
    v->chunk_buf = NULL;
}

void orl_voice_stop(orl_voice *v)
{
    if (!v) return;
    SDL_LockMutex(v->mu);
    SDL_AtomicIncRef(&v->gen);
    free_job(v);
    SDL_UnlockMutex(v->mu);
    cut(v);
    v->next_play = 0;
    v->barrier = -1;
    v->released = 0;
}

void orl_voice_close(orl_voice *v)
{
    if (!v) return;
    orl_voice_stop(v);
    SDL_LockMutex(v->mu);
    v->quit = 1;
    SDL_CondBroadcast(v->cv);
    SDL_UnlockMutex(v->mu);
    SDL_WaitThread(v->th, NULL);
    SDL_DestroyCond(v->cv);
    SDL_DestroyMutex(v->mu);
    free(v);
}

void orl_voice_say(orl_voice *v, const char *lang, const char *const *segments, int n, int barrier)
{
    if (!v) return;
    cut(v);
    SDL_LockMutex(v->mu);
    SDL_AtomicIncRef(&v->gen);
    free_job(v);
    v->next_play = 0;
    v->released = 0;
    v->barrier = -1;
    if (n > ORL_VOICE_MAX_SEGMENTS) n = ORL_VOICE_MAX_SEGMENTS;
    if (n > 0) {
        v->seg = calloc((size_t)n, sizeof *v->seg);
        v->pcm = calloc((size_t)n, sizeof *v->pcm);
        v->len = calloc((size_t)n, sizeof *v->len);
        v->done = calloc((size_t)n, 1);
    }
    if (n > 0 && v->seg && v->pcm && v->len && v->done) {
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (i == barrier) v->barrier = k;
            if (!segments[i] || !*segments[i]) continue;
            v->seg[k] = strdup(segments[i]);
            if (v->seg[k]) k++;
        }
        if (barrier >= n) v->barrier = k;
        v->n = k;
    } else {
        free(v->seg);
        free(v->pcm);
        free(v->len);
        free(v->done);
        v->seg = NULL;
        v->pcm = NULL;
        v->len = NULL;
        v->done = NULL;
    }
    snprintf(v->lang, sizeof v->lang, "%s", lang && *lang ? lang : "en");
    v->have_spec = mixer_open(&v->freq, &v->fmt, &v->channels);
    SDL_CondBroadcast(v->cv);
    SDL_UnlockMutex(v->mu);
}

void orl_voice_pause(orl_voice *v, int paused)
{
    if (!v || v->paused == (paused != 0)) return;
    v->paused = paused != 0;
    if (v->chunk && mixer_open(NULL, NULL, NULL)) {
        if (v->paused) Mix_Pause(ORL_VOICE_CHANNEL);
        else Mix_Resume(ORL_VOICE_CHANNEL);
    }
}

void orl_voice_set_volume(orl_voice *v, float volume)
{
    if (!v) return;
    if (!(volume >= 0.0f)) volume = 0.0f;
    if (volume > 1.0f) volume = 1.0f;
    v->volume = volume;
    if (mixer_open(NULL, NULL, NULL)) Mix_Volume(ORL_VOICE_CHANNEL, (int)(volume * (float)MIX_MAX_VOLUME + 0.5f));
}

int orl_voice_pump(orl_voice *v)
{
    if (!v) return 0;
    int mixer = mixer_open(NULL, NULL, NULL);
    if (v->chunk && mixer && Mix_Playing(ORL_VOICE_CHANNEL)) return 1; /* paused counts as playing */
    cut(v);
    int more = 0;
    SDL_LockMutex(v->mu);
    while (v->next_play < v->n) {
        int i = v->next_play;
        if (i == v->barrier && !v->released) {
            more = 1;
            break;
        }
        if (!v->done[i] || (v->paused && v->pcm[i])) {
            more = 1;
            break;
        }
        Uint8 *buf = v->pcm[i];
        Uint32 len = v->len[i];
        v->pcm[i] = NULL;
        v->next_play++;
        if (!buf) continue;
        if (mixer) {
            if (Mix_AllocateChannels(-1) <= ORL_VOICE_CHANNEL) Mix_AllocateChannels(8);
            Mix_ReserveChannels(ORL_VOICE_CHANNEL + 1);
            v->chunk = Mix_QuickLoad_RAW(buf, len);
            if (v->chunk) {
                v->chunk_buf = buf;
                Mix_Volume(ORL_VOICE_CHANNEL, (int)(v->volume * (float)MIX_MAX_VOLUME + 0.5f));
                if (Mix_PlayChannel(ORL_VOICE_CHANNEL, v->chunk, 0) == ORL_VOICE_CHANNEL) {
                    more = 1;
                    break;
                }
                Mix_FreeChunk(v->chunk);
                v->chunk = NULL;
                v->chunk_buf = NULL;
            }
        }
        free(buf); /* nothing can be heard: dropped */
    }
    if (v->next_play == v->barrier && !v->released && v->next_play <= v->n) more = 1;
    SDL_UnlockMutex(v->mu);
    return more;
}

int orl_voice_waiting(const orl_voice *v)
{
    if (!v) return 0;
    return v->barrier >= 0 && !v->released && v->next_play == v->barrier && !v->chunk;
}

void orl_voice_release(orl_voice *v)
{
    if (v) v->released = 1;
}

int orl_voice_wait_idle(orl_voice *v, int timeout_ms)
{
    if (!v) return 0;
    Uint32 end = SDL_GetTicks() + (Uint32)(timeout_ms > 0 ? timeout_ms : 0);
    SDL_LockMutex(v->mu);
    int rc = 0;
    while (v->busy || v->next_synth < v->n) {
        Uint32 now = SDL_GetTicks();
        if (!SDL_TICKS_PASSED(now, end)) {
            SDL_CondWaitTimeout(v->cv, v->mu, end - now);
        } else {
            rc = -1;
            break;
        }
    }
    SDL_UnlockMutex(v->mu);
    return rc;
}

long orl_voice_segments_done(const orl_voice *v)
{
    if (!v) return 0;
    SDL_LockMutex(v->mu);
    long n = v->segments_done;
    SDL_UnlockMutex(v->mu);
    return n;
}

double orl_voice_seconds_made(const orl_voice *v)
{
    if (!v) return 0;
    SDL_LockMutex(v->mu);
    double s = v->seconds_made;
    SDL_UnlockMutex(v->mu);
    return s;
}
