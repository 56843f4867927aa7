/* Self-voicing: Orilla reads what is on screen aloud with espeak-ng's library, for readers
 * who cannot read the screen (docs/player.md, docs/care.md).
 *
 * Text is synthesized into memory (espeak_Initialize with AUDIO_OUTPUT_SYNCHRONOUS and a
 * synth callback that collects the samples) on a worker thread of its own, one segment
 * (a paragraph, a choice) at a time, so the frame loop never waits for it; the main thread
 * plays each segment when it is ready through SDL2_mixer, on a channel of its own
 * (ORL_VOICE_CHANNEL: testimony audio is SDL_mixer's "music", so the two never take each
 * other's place). Saying something new drops what was queued and cuts what is playing.
 *
 * Built without espeak-ng (libespeak-ng-dev not installed when CMake ran, or
 * -DORILLA_VOICE=OFF): orl_voice_compiled() is 0, orl_voice_open() says why it cannot, and
 * the player shows the setting as unavailable. Nothing else changes.
 *
 * Consent is decided before text reaches this module: the player voices what its view shows
 * (story/care.h, story/consent.h), so a testimony that may not be shown is never passed here;
 * its notice is. orl_voice_set_hook lets tests see every text handed to the synthesizer. */
#ifndef ORL_VOICE_H
#define ORL_VOICE_H
#include <stddef.h>

/* The mixer channel the voice plays on (reserved: Mix_PlayChannel(-1, ...) never takes it). */
#define ORL_VOICE_CHANNEL 0

/* 1 when Orilla was built with espeak-ng. */
int orl_voice_compiled(void);

/* ---- one text, synthesized now (tests, measurements) ---- */

typedef struct orl_voice_pcm {
    short *samples; /* signed 16-bit mono */
    size_t n;       /* samples */
    int rate;       /* samples a second (espeak-ng: 22050) */
} orl_voice_pcm;

/* Synthesizes text (UTF-8) in the voice for lang ("es", "en", "fr", "ar", "pt-BR"...; a
 * regional code falls back to its language). 0, or -1 with the reason in err (not built
 * with espeak-ng, no voice for that language, the library's data missing). */
int orl_voice_synth(const char *lang, const char *text, orl_voice_pcm *out, char *err, size_t errlen);
void orl_voice_pcm_free(orl_voice_pcm *pcm);

/* espeak-ng in a process of its own, so that a crash inside it costs one text, not the
 * player: exe is this program, which runs orl_voice_helper_main() when started as
 * `exe --speech-helper` (engine/app/main.c). Without it (or when no process can start),
 * espeak-ng runs in this process. */
void orl_voice_use_helper(const char *exe);
/* The helper's side: synthesizes the texts read from fd 0, replies on fd 1, until fd 0 ends.
 * Returns the process's exit status. */
int orl_voice_helper_main(void);

/* Called with every text handed to the synthesizer (from the thread that synthesizes), and
 * its language. NULL removes it. For tests: what was sent is what could be heard. */
typedef void (*orl_voice_hook_fn)(void *ud, const char *lang, const char *text);
void orl_voice_set_hook(orl_voice_hook_fn fn, void *ud);

/* ---- the speaker ---- */

typedef struct orl_voice orl_voice;

/* Starts the worker. NULL when self-voicing cannot work here (err says why). */
orl_voice *orl_voice_open(char *err, size_t errlen);
/* Stops speaking, ends the worker, frees. NULL is fine. */
void orl_voice_close(orl_voice *v);

/* Says segments[0..n-1] in lang, one after the other, replacing whatever was being said.
 * barrier: the voice stops before segment `barrier` until orl_voice_release (the player lets
 * a testimony's own recording play there); -1 for none. Empty segments are skipped. */
void orl_voice_say(orl_voice *v, const char *lang, const char *const *segments, int n, int barrier);
/* Stops speaking and forgets what was queued. */
void orl_voice_stop(orl_voice *v);
/* Pauses (settings open) or resumes. */
void orl_voice_pause(orl_voice *v, int paused);
/* 0..1 (clamped). */
void orl_voice_set_volume(orl_voice *v, float volume);
/* Main thread, every frame: plays the next segment when the channel is free and it is
 * synthesized. With no mixer open, segments are synthesized and dropped (nothing can be
 * heard). Returns 1 while something is still to be said (keep frames coming), else 0. */
int orl_voice_pump(orl_voice *v);
/* 1 when everything before the barrier was said and the barrier is not released. */
int orl_voice_waiting(const orl_voice *v);
void orl_voice_release(orl_voice *v);
/* Waits until the worker has synthesized every queued segment (or timeout_ms passed):
 * 0 when it has, -1 on timeout. For tests and the headless player. */
int orl_voice_wait_idle(orl_voice *v, int timeout_ms);
/* Segments synthesized since the voice was opened, and the seconds of speech they made. */
long orl_voice_segments_done(const orl_voice *v);
double orl_voice_seconds_made(const orl_voice *v);

#endif
