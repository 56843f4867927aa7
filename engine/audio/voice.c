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
    int (*cancel)(void); /* NULL, or 1 when the synthesis is to stop (the speech helper) */
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
    if (c->cancel && c->cancel()) return 1;
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

/* ---------------------------------------------------------------------------------------
 * The speech helper: espeak-ng in a process of its own.
 *
 * A library that reads past its stack once (above) can crash again on a text nobody tried;
 * in a kiosk that would take the whole player down. When the program says where it is
 * (orl_voice_use_helper: the orilla binary does), each text is synthesized by a child process
 * (`orilla --speech-helper`, over a socket pair): if it dies, that text is not read, the
 * reason goes to stderr, and the next text starts a new helper. Cancelling (something else is
 * to be said) is one byte on the socket, which the helper's sample callback looks for.
 * Without a helper path (the unit tests), or when no process can be started, espeak-ng runs in
 * this process as before.
 *
 * Request: u32 lang length, u32 text length, u32 most samples, the lang, the text.
 * Reply: i32 status (0 made, 1 cancelled, -1 failed), i32 rate, u32 samples, u32 message
 * length, the message, the samples (native byte order: the same machine). */

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

extern char **environ;

static char g_helper_exe[4096]; /* "": no helper; under g_mu from here on */
static int g_helper_fd = -1;
static pid_t g_helper_pid = -1;
static int g_helper_deaths; /* helpers that died by themselves */
/* After this many, speech stops for good (a helper that dies on every text would otherwise be
 * started again for each one); synthesizing here instead would undo the point of it. */
#define HELPER_MAX_DEATHS 5

void orl_voice_use_helper(const char *exe)
{
    if (lock_global() != 0) return;
    snprintf(g_helper_exe, sizeof g_helper_exe, "%s", exe ? exe : "");
    unlock_global();
}

static int write_all(int fd, const void *p, size_t n)
{
    const char *c = p;
    while (n) {
        ssize_t w = send(fd, c, n, MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return -1;
        c += w;
        n -= (size_t)w;
    }
    return 0;
}

static int read_all(int fd, void *p, size_t n)
{
    char *c = p;
    while (n) {
        ssize_t r = read(fd, c, n);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return -1;
        c += r;
        n -= (size_t)r;
    }
    return 0;
}

/* Under g_mu: the helper is gone (or must go); says why on stderr when it died by itself. */
static void helper_end(const char *while_doing)
{
    if (g_helper_fd >= 0) close(g_helper_fd);
    g_helper_fd = -1;
    if (g_helper_pid > 0) {
        int st = 0;
        pid_t r = waitpid(g_helper_pid, &st, WNOHANG);
        if (r == 0) {
            kill(g_helper_pid, SIGKILL);
            r = waitpid(g_helper_pid, &st, 0);
        }
        if (while_doing && r == g_helper_pid) {
            if (++g_helper_deaths == HELPER_MAX_DEATHS)
                fprintf(stderr, "orilla: speech: the speech helper stopped %d times; reading aloud is off until "
                        "Orilla starts again\n", HELPER_MAX_DEATHS);
            else if (WIFSIGNALED(st))
                fprintf(stderr, "orilla: speech: the speech helper stopped (signal %d) %s; the next text starts "
                        "it again\n", WTERMSIG(st), while_doing);
            else
                fprintf(stderr, "orilla: speech: the speech helper ended (exit %d) %s; the next text starts it "
                        "again\n", WIFEXITED(st) ? WEXITSTATUS(st) : -1, while_doing);
        }
    }
    g_helper_pid = -1;
}

/* Under g_mu: 0 when a helper runs; -1 when none can (then this process synthesizes). */
static int helper_start(void)
{
    if (g_helper_fd >= 0) return 0;
    if (!g_helper_exe[0]) return -1;
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) return -1;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, sv[1], 0); /* dup2 clears close-on-exec */
    posix_spawn_file_actions_adddup2(&fa, sv[1], 1);
    char *argv[] = {g_helper_exe, "--speech-helper", NULL};
    pid_t pid;
    int rc = posix_spawn(&pid, g_helper_exe, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(sv[1]);
    if (rc != 0) {
        close(sv[0]);
        g_helper_exe[0] = 0; /* not startable: synthesize here from now on */
        return -1;
    }
    g_helper_fd = sv[0];
    g_helper_pid = pid;
    return 0;
}

/* Under g_mu: one text through the helper. 0 made (c filled, *rate set), 1 cancelled, -1
 * failed (err), -2 no helper. */
static int helper_synth(const char *lang, const char *text, synth_ctx *c, int *rate, char *err, size_t errlen)
{
    if (helper_start() != 0) return -2;
    uint32_t head[3] = {(uint32_t)strlen(lang), (uint32_t)strlen(text), (uint32_t)c->max};
    if (write_all(g_helper_fd, head, sizeof head) != 0 || write_all(g_helper_fd, lang, head[0]) != 0 ||
        write_all(g_helper_fd, text, head[1]) != 0) {
        helper_end("before reading a text");
        snprintf(err, errlen, "the speech helper is not there");
        return -1;
    }
    /* wait for the reply; tell the helper to stop when something else is to be said */
    int cancelled = 0;
    for (;;) {
        struct pollfd pf = {g_helper_fd, POLLIN, 0};
        int r = poll(&pf, 1, 50);
        if (r < 0 && errno == EINTR) continue;
        if (r != 0) break;
        if (!cancelled && c->gen && SDL_AtomicGet(c->gen) != c->want_gen) {
            cancelled = 1;
            if (write_all(g_helper_fd, "C", 1) != 0) break;
        }
    }
    int32_t status, hrate;
    uint32_t n, mlen;
    char msg[256];
    if (read_all(g_helper_fd, &status, 4) != 0 || read_all(g_helper_fd, &hrate, 4) != 0 ||
        read_all(g_helper_fd, &n, 4) != 0 || read_all(g_helper_fd, &mlen, 4) != 0 || mlen >= sizeof msg ||
        n > c->max || read_all(g_helper_fd, msg, mlen) != 0) {
        char what[200];
        snprintf(what, sizeof what, "while reading \"%.60s%s\"", text, strlen(text) > 60 ? "..." : "");
        helper_end(what);
        snprintf(err, errlen, "the speech helper stopped while reading this text");
        return -1;
    }
    msg[mlen] = 0;
    if (n) {
        c->buf = malloc((size_t)n * sizeof *c->buf);
        if (!c->buf || read_all(g_helper_fd, c->buf, (size_t)n * sizeof *c->buf) != 0) {
            free(c->buf);
            c->buf = NULL;
            helper_end(NULL); /* out of step with it: a new one for the next text */
            snprintf(err, errlen, "out of memory while reading speech");
            return -1;
        }
        c->n = c->cap = n;
    }
    *rate = hrate > 0 ? hrate : 22050;
    if (status < 0) {
        snprintf(err, errlen, "%s", msg);
        return -1;
    }
    return status == 1 ? 1 : 0;
}

/* The helper's side: a cancel byte waiting on the socket stops the synthesis. */
static int g_helper_cancel;
static int helper_cancelled(void)
{
    if (g_helper_cancel) return 1;
    struct pollfd pf = {0, POLLIN, 0};
    if (poll(&pf, 1, 0) == 1) {
        char b;
        if (read(0, &b, 1) != 1 || b == 'C') g_helper_cancel = 1;
    }
    return g_helper_cancel;
}

int orl_voice_helper_main(void)
{
#ifdef __linux__
    prctl(PR_SET_PDEATHSIG, SIGKILL); /* never outlive the player */
#endif
    signal(SIGPIPE, SIG_IGN);
    /* nothing of the player's but the socket (its display connection, its files) */
    for (int fd = 3; fd < 1024; fd++) close(fd);
    /* replies go to the socket; anything a library prints goes to stderr, not into them */
    int out = dup(1);
    if (out < 0 || dup2(2, 1) < 0) return 2;
    /* ORILLA_TEST_SPEECH_CRASH=WORD: dies on a text with WORD in it, "*": on every text (for
     * tests/e2e/speech_helper.sh: what the player does when espeak-ng crashes) */
    const char *crash = getenv("ORILLA_TEST_SPEECH_CRASH");
    for (;;) {
        uint32_t head[3];
        if (read_all(0, head, sizeof head) != 0) return 0; /* the player closed it: done */
        if (head[0] > 64 || head[1] > (1u << 24) || head[2] > (uint32_t)ORL_VOICE_MAX_SECONDS * 48000u) return 2;
        char lang[65];
        char *text = malloc((size_t)head[1] + 1);
        if (!text || read_all(0, lang, head[0]) != 0 || read_all(0, text, head[1]) != 0) return 2;
        lang[head[0]] = 0;
        text[head[1]] = 0;
        if (crash && *crash && (strcmp(crash, "*") == 0 || strstr(text, crash))) abort();
        synth_ctx c = {0};
        c.max = head[2];
        c.cancel = helper_cancelled;
        g_helper_cancel = 0;
        char err[200] = "";
        int rc = synth_with_room(lang, text, &c, err, sizeof err);
        free(text);
        int32_t status = rc != 0 ? -1 : g_helper_cancel ? 1 : 0;
        int32_t rate = synth_rate();
        uint32_t n = status == 0 ? (uint32_t)c.n : 0, mlen = status < 0 ? (uint32_t)strlen(err) : 0;
        int bad = write_all(out, &status, 4) || write_all(out, &rate, 4) || write_all(out, &n, 4) ||
                  write_all(out, &mlen, 4) || write_all(out, err, mlen) ||
                  (n && write_all(out, c.buf, (size_t)n * sizeof *c.buf));
        free(c.buf);
        if (bad) return 0;
    }
}

/* Under g_mu: one text, in the helper when there is one, else here. *rate is set. */
static int synth_any(const char *lang, const char *text, synth_ctx *c, int *rate, char *err, size_t errlen)
{
    if (g_helper_deaths >= HELPER_MAX_DEATHS && *text) {
        *rate = 22050;
        snprintf(err, errlen, "reading aloud is off: the speech helper kept stopping");
        return -1;
    }
    if (g_hook && *text) g_hook(g_hook_ud, lang, text); /* not the probe of orl_voice_open */
    int rc = *text ? helper_synth(lang, text, c, rate, err, errlen) : -2;
    if (rc == -2) {
        rc = synth_with_room(lang, text, c, err, errlen);
        *rate = synth_rate();
    }
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
    int rate;
    int rc = synth_any(lang, text, &c, &rate, err, errlen);
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
            int rate;
            int rc = synth_any(lang, text, &c, &rate, err, sizeof err);
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
