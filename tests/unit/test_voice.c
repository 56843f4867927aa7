/* Self-voicing (engine/audio/voice.c): espeak-ng synthesizes a sentence in each language the
 * player offers into memory, with sound in it and a plausible length; the speaker's worker
 * hands each segment to the synthesizer and drops what a new `say` replaces; the time a
 * 600-character scene takes is printed (docs/player.md quotes it).
 *
 * Built without espeak-ng (no libespeak-ng-dev when CMake ran), the synthesis tests are
 * skipped with a message saying so; CI installs it, so there they run. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <time.h>

#include "audio/voice.h"
#include <SDL2/SDL.h>
#include <SDL2/SDL_mixer.h>

#define SKIP_WITHOUT_ESPEAK()                                                                             \
    do {                                                                                                   \
        if (!orl_voice_compiled()) {                                                                       \
            fprintf(stderr, "SKIPPED: this build has no espeak-ng (apt-get install libespeak-ng-dev, then " \
                            "configure again): self-voicing is not compiled in\n");                         \
            skip();                                                                                        \
        }                                                                                                  \
    } while (0)

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Root mean square of the samples, and the longest run of near-silence, in seconds. */
static double rms_of(const orl_voice_pcm *p)
{
    double sum = 0;
    for (size_t i = 0; i < p->n; i++) sum += (double)p->samples[i] * p->samples[i];
    return p->n ? sqrt(sum / (double)p->n) : 0;
}

static void test_four_languages(void **unused)
{
    (void)unused;
    SKIP_WITHOUT_ESPEAK();
    static const struct {
        const char *lang, *text;
    } cases[] = {
        {"es", "Crucé el puente con mi hija dormida en los brazos."},
        {"en", "I crossed the bridge with my daughter asleep in my arms."},
        {"fr", "J'ai traversé le pont avec ma fille endormie dans les bras."},
        {"ar", "عبرت الجسر وابنتي نائمة بين ذراعي."},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        orl_voice_pcm pcm;
        char err[256] = "";
        int rc = orl_voice_synth(cases[i].lang, cases[i].text, &pcm, err, sizeof err);
        if (rc != 0) fprintf(stderr, "%s: %s\n", cases[i].lang, err);
        assert_int_equal(rc, 0);
        assert_true(pcm.rate >= 8000 && pcm.rate <= 48000);
        double secs = (double)pcm.n / pcm.rate;
        /* about ten words: a person says them in 2 to 6 seconds; espeak-ng at 165 words a
         * minute takes ~3.5; allow a wide band but not silence nor a runaway */
        fprintf(stderr, "%s: %.2f s of speech, rms %.0f\n", cases[i].lang, secs, rms_of(&pcm));
        assert_true(secs > 1.0 && secs < 12.0);
        assert_true(rms_of(&pcm) > 300.0); /* not silent (full scale is 32767) */
        /* sound all through, not a click and silence: most quarter seconds carry voice */
        size_t win = (size_t)pcm.rate / 4, loud = 0, wins = 0;
        for (size_t w = 0; w + win <= pcm.n; w += win) {
            double s = 0;
            for (size_t k = w; k < w + win; k++) s += (double)pcm.samples[k] * pcm.samples[k];
            wins++;
            if (sqrt(s / (double)win) > 200.0) loud++;
        }
        assert_true(wins > 0 && loud * 2 >= wins);
        orl_voice_pcm_free(&pcm);
    }
    /* a regional code speaks its language; an unknown one says so */
    orl_voice_pcm pcm;
    char err[256] = "";
    assert_int_equal(orl_voice_synth("es-EC", "Hola.", &pcm, err, sizeof err), 0);
    assert_true(pcm.n > 0);
    orl_voice_pcm_free(&pcm);
    assert_int_equal(orl_voice_synth("xx-nope", "Hola.", &pcm, err, sizeof err), -1);
    assert_non_null(strstr(err, "xx-nope"));
    assert_null(pcm.samples);
}

typedef struct heard {
    char text[8192];
    int calls;
} heard;

static void record(void *ud, const char *lang, const char *text)
{
    heard *h = ud;
    h->calls++;
    size_t len = strlen(h->text);
    snprintf(h->text + len, sizeof h->text - len, "[%s] %s\n", lang, text);
}

static const char scene600[] =
    "Salimos de Maracaibo un martes, antes de que amaneciera. Mi madre había cosido el dinero en el "
    "forro de la chaqueta y me pidió que no me la quitara en todo el camino. En la frontera había una "
    "fila que no se acababa: familias enteras, maletas atadas con cuerdas, niños dormidos sobre los "
    "hombros de sus padres. Un señor nos regaló agua y nos dijo que al otro lado del puente alguien "
    "nos iba a preguntar por los papeles, que no tuviéramos miedo, que dijéramos la verdad. Cuando "
    "cruzamos, el sol ya quemaba y mi hermano pequeño preguntó si ya habíamos llegado. Le dije que "
    "todavía no, pero que ya estábamos del otro lado, y que eso era empezar.";

/* The speaker: segments go to the synthesizer on its worker, in order; a new `say` drops the
 * old ones; with no mixer open nothing plays and nothing is kept. Prints how long a
 * 600-character scene takes to synthesize, and how long `say` keeps the caller. */
static void test_speaker(void **unused)
{
    (void)unused;
    char err[256] = "";
    orl_voice *v = orl_voice_open(err, sizeof err);
    if (!orl_voice_compiled()) {
        assert_null(v);
        assert_non_null(strstr(err, "espeak-ng"));
        SKIP_WITHOUT_ESPEAK();
    }
    if (!v) fprintf(stderr, "%s\n", err);
    assert_non_null(v);
    static heard h;
    memset(&h, 0, sizeof h);
    orl_voice_set_hook(record, &h);

    assert_true(strlen(scene600) >= 600);
    double t0 = now_s();
    orl_voice_pcm pcm;
    assert_int_equal(orl_voice_synth("es", scene600, &pcm, err, sizeof err), 0);
    double t_sync = now_s() - t0;
    double speech = (double)pcm.n / pcm.rate;
    orl_voice_pcm_free(&pcm);
    fprintf(stderr, "a %zu-byte scene: synthesized in %.0f ms, %.1f s of speech\n", strlen(scene600),
            t_sync * 1000.0, speech);
    assert_true(speech > 20.0 && speech < 120.0);

    /* the same through the worker, in segments: `say` returns at once */
    const char *segs[] = {scene600, "", "1. Seguir hacia Cúcuta", "2. Quedarse en la frontera"};
    h.text[0] = 0;
    h.calls = 0;
    t0 = now_s();
    orl_voice_say(v, "es", segs, 4, -1);
    double t_say = now_s() - t0;
    fprintf(stderr, "say() returned in %.2f ms\n", t_say * 1000.0);
    /* the frame loop does not wait for speech: far less than synthesizing it */
    assert_true(t_say < 0.05 || t_say < t_sync / 4);
    assert_int_equal(orl_voice_wait_idle(v, 20000), 0);
    assert_int_equal(h.calls, 3); /* the empty segment is not sent */
    assert_non_null(strstr(h.text, "[es] Salimos de Maracaibo"));
    assert_true(strstr(h.text, "1. Seguir") < strstr(h.text, "2. Quedarse"));
    assert_true(orl_voice_seconds_made(v) > 20.0);
    /* no mixer is open: pumping drops what was made, and then there is nothing left */
    assert_false(Mix_QuerySpec(NULL, NULL, NULL));
    assert_int_equal(orl_voice_pump(v), 0);

    /* a barrier holds the voice before segment 1 until released */
    const char *two[] = {"Antes.", "Después."};
    orl_voice_say(v, "es", two, 2, 1);
    assert_int_equal(orl_voice_wait_idle(v, 20000), 0);
    assert_int_equal(orl_voice_pump(v), 1);
    assert_int_equal(orl_voice_waiting(v), 1);
    orl_voice_release(v);
    assert_int_equal(orl_voice_pump(v), 0);
    assert_int_equal(orl_voice_waiting(v), 0);

    /* a new say replaces the old: the long text's later segments are never sent */
    h.text[0] = 0;
    const char *many[40];
    char bufs[40][64];
    for (int i = 0; i < 40; i++) {
        snprintf(bufs[i], sizeof bufs[i], "Segmento viejo número %d.", i);
        many[i] = bufs[i];
    }
    orl_voice_say(v, "es", many, 40, -1);
    const char *fresh[] = {"Texto nuevo."};
    orl_voice_say(v, "en", fresh, 1, -1);
    assert_int_equal(orl_voice_wait_idle(v, 20000), 0);
    assert_non_null(strstr(h.text, "[en] Texto nuevo."));
    assert_null(strstr(h.text, "número 39"));
    orl_voice_stop(v);
    assert_int_equal(orl_voice_pump(v), 0);
    orl_voice_set_hook(NULL, NULL);
    orl_voice_close(v);
}

/* With a mixer open (SDL's dummy driver), a segment plays on the voice's own channel and
 * pausing holds it. */
static void test_plays_on_its_channel(void **unused)
{
    (void)unused;
    SKIP_WITHOUT_ESPEAK();
    SDL_SetHint(SDL_HINT_AUDIODRIVER, "dummy");
    assert_int_equal(SDL_InitSubSystem(SDL_INIT_AUDIO), 0);
    assert_int_equal(Mix_OpenAudioDevice(48000, MIX_DEFAULT_FORMAT, 2, 2048, NULL, SDL_AUDIO_ALLOW_ANY_CHANGE), 0);
    char err[256];
    orl_voice *v = orl_voice_open(err, sizeof err);
    assert_non_null(v);
    const char *segs[] = {"Una frase corta.", "Otra."};
    orl_voice_say(v, "es", segs, 2, -1);
    assert_int_equal(orl_voice_wait_idle(v, 20000), 0);
    assert_int_equal(orl_voice_pump(v), 1);
    assert_true(Mix_Playing(ORL_VOICE_CHANNEL));
    orl_voice_pause(v, 1);
    assert_true(Mix_Paused(ORL_VOICE_CHANNEL));
    orl_voice_pause(v, 0);
    assert_false(Mix_Paused(ORL_VOICE_CHANNEL));
    orl_voice_stop(v);
    assert_false(Mix_Playing(ORL_VOICE_CHANNEL));
    orl_voice_close(v);
    Mix_CloseAudio();
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_four_languages),
        cmocka_unit_test(test_speaker),
        cmocka_unit_test(test_plays_on_its_channel),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
