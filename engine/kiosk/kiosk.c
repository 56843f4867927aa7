/* The kiosk's state machine: screens, sessions and statistics, idle reset, failures, the
 * operator's way in. No window here: see kiosk.h and kiosk_run.c. */
#include "core/strutil.h"
#include "kiosk/kiosk_internal.h"
#include "story/care.h"
#include "core/heap.h"
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void kiosk_log(orl_kiosk *k, orl_log_level lv, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    orl_log_vwrite(k->log, lv, fmt, ap);
    va_end(ap);
}

/* ---------------------------------------------------------------------------------------
 * Sessions: what is counted, and when (stats.h) */

static void session_clear(orl_kiosk *k)
{
    for (int i = 0; i < k->nsteps; i++) {
        free(k->steps[i].scene);
        free(k->steps[i].target);
        free(k->steps[i].label);
        free(k->steps[i].scene_text);
    }
    k->nsteps = 0;
    free(k->last_scene);
    k->last_scene = NULL;
    free(k->session_story);
    free(k->session_version);
    k->session_story = k->session_version = NULL;
    k->session_active = k->session_finished = k->others_done = 0;
    k->nothers = 0;
}

static void session_end(orl_kiosk *k, int finished)
{
    if (!k->session_active) return;
    k->session_active = 0;
    k->session_finished = finished;
    orl_stats_step st[ORL_STATS_MAX_STEPS];
    for (int i = 0; i < k->nsteps; i++) st[i] = (orl_stats_step){k->steps[i].scene, k->steps[i].choice, k->steps[i].target};
    orl_stats_session_end(k->stats, k->session_story, k->session_version, st, k->nsteps, k->last_scene, finished);
}

static orl_story *current_story(orl_kiosk *k) { return k->player ? orl_player_story(k->player) : NULL; }

/* The player's hook (player.h): kept in memory, counted when the session ends. */
static void on_player_event(void *ud, const orl_player_event *e)
{
    orl_kiosk *k = ud;
    orl_story *st = k->player ? orl_player_story(k->player) : k->hook_story;
    if (!st || e->scene < 0 || e->scene >= st->nscenes) return;
    const orl_scene *sc = &st->scenes[e->scene];
    switch (e->kind) {
    case ORL_PLAYER_EVENT_START:
        session_end(k, 0); /* started again without finishing: the last one was left */
        session_clear(k);
        k->session_active = 1;
        k->session_story = orl_strdup(st->id ? st->id : "?");
        k->session_version = orl_strdup(st->version ? st->version : "");
        orl_stats_session_start(k->stats, k->session_story, k->session_version,
                                k->player ? orl_player_lang(k->player) : k->hook_lang);
        k->last_scene = orl_strdup(sc->id); /* where the visitor stands: counted even if they leave */
        break;
    case ORL_PLAYER_EVENT_CHOICE:
        if (!k->session_active || k->nsteps >= ORL_STATS_MAX_STEPS) break;
        if (e->choice < 0 || e->choice >= sc->nchoices) break;
        {
            kstep *s = &k->steps[k->nsteps++];
            s->scene = orl_strdup(sc->id);
            s->scene_idx = e->scene;
            s->choice = e->choice + 1;
            s->shown = e->shown;
            s->target = orl_strdup(sc->choices[e->choice].go ? sc->choices[e->choice].go : "");
            s->label = orl_strdup(e->choice_text ? e->choice_text : "");
            if (e->scene_text) { /* the first words are enough ("how others chose") */
                size_t n = strnlen(e->scene_text, 400);
                while (n > 0 && n < strlen(e->scene_text) && ((unsigned char)e->scene_text[n] & 0xC0) == 0x80) n--;
                s->scene_text = orl_strndup(e->scene_text, n);
            }
            int to = sc->choices[e->choice].target;
            if (to >= 0 && to < st->nscenes) {
                free(k->last_scene);
                k->last_scene = orl_strdup(st->scenes[to].id);
            }
        }
        break;
    case ORL_PLAYER_EVENT_BACK:
        if (k->nsteps > 0) {
            kstep *s = &k->steps[--k->nsteps];
            free(k->last_scene);
            k->last_scene = s->scene; /* back where that choice was taken */
            s->scene = NULL;
            free(s->scene);
            free(s->target);
            free(s->label);
            free(s->scene_text);
            memset(s, 0, sizeof *s);
        }
        break;
    case ORL_PLAYER_EVENT_END:
        if (!k->session_active) break;
        free(k->last_scene);
        k->last_scene = orl_strdup(sc->id);
        session_end(k, 1);
        break;
    }
}

/* "How others chose": the visitor's own decisions (a screen that offered two choices or
 * more: "Begin", "Go on" at 100 % is no decision) where enough sessions passed and consent
 * allows (stats.h). Returns how many can be shown. */
static int prepare_others(orl_kiosk *k)
{
    k->nothers = 0;
    orl_story *st = current_story(k);
    if (!k->stats || !k->cfg->show_others || !st || !k->session_story) return 0;
    orl_consent_ctx ctx = {0};
    ctx.deployment = k->cfg->deployment;
    ctx.withdrawn = &k->withdrawn;
    for (int i = 0; i < k->nsteps && k->nothers < KIOSK_OTHERS_SHOWN; i++) {
        const kstep *s = &k->steps[i];
        int dup = 0;
        for (int j = 0; j < k->nothers; j++) dup |= strcmp(k->steps[k->others_idx[j]].scene, s->scene) == 0;
        if (dup || s->shown < 2 || !orl_stats_others_allowed(st, s->scene_idx, &ctx)) continue;
        orl_stats_share sh[ORL_MAX_CHOICES];
        int n = orl_stats_shares(k->stats, k->session_story, k->session_version, s->scene,
                                 k->cfg->others_min_sessions, sh, ORL_MAX_CHOICES, NULL);
        for (int j = 0; j < n; j++) {
            if (sh[j].choice != s->choice) continue;
            k->others_idx[k->nothers] = i;
            k->others_share[k->nothers] = sh[j];
            k->nothers++;
            break;
        }
    }
    return k->nothers;
}

/* ---------------------------------------------------------------------------------------
 * Screens */

static void reset_buttons(orl_kiosk *k)
{
    k->pressed = -1;
    k->focus = -1;
}

static void set_screen(orl_kiosk *k, orl_kiosk_screen s)
{
    k->screen = s;
    reset_buttons(k);
}

static void close_player(orl_kiosk *k)
{
    /* the drawing first: its decoding thread reads the story's files, which the player frees
     * with the story (the other order was a use after free on that thread, found by ASan in
     * the soak) */
    if (k->pgfx) {
        orl_player_gfx_free(k->pgfx);
        k->pgfx = NULL;
    }
    if (k->player) {
        orl_player_free(k->player);
        k->player = NULL;
    }
    k->story = -1;
}

/* Back to the attract loop with nothing of the last visitor left: session counted as left,
 * the story closed (its settings with it), the language forgotten. */
static void go_attract(orl_kiosk *k)
{
    session_end(k, 0);
    close_player(k);
    session_clear(k);
    orl_heap_settle(); /* what the visitor's story used goes back to the system */
    k->lang = -1;
    k->still_there = 0;
    k->holding = 0;
    k->npin = 0;
    memset(k->pin, 0, sizeof k->pin);
    k->pin_msg[0] = 0;
    k->confirm_quit = 0;
    k->attract_t = 0;
    if (k->nstories) k->attract_story = kiosk_next_visible(k, k->attract_story + 1);
    set_screen(k, k->out_of_order || !kiosk_visible_count(k) ? ORL_KIOSK_OUT_OF_ORDER : ORL_KIOSK_ATTRACT);
}

void kiosk_live_changed(orl_kiosk *k)
{
    if (k->attract_story < 0 || k->attract_story >= k->nstories || k->stories[k->attract_story].hidden) {
        k->attract_story = kiosk_next_visible(k, k->attract_story + 1);
        k->attract_t = 0;
    }
    int none = k->out_of_order || !kiosk_visible_count(k);
    /* a visitor choosing a story sees the picker without it; one in a story plays on */
    if (k->screen == ORL_KIOSK_ATTRACT && none) set_screen(k, ORL_KIOSK_OUT_OF_ORDER);
    else if (k->screen == ORL_KIOSK_OUT_OF_ORDER && !none) set_screen(k, ORL_KIOSK_ATTRACT);
    else if ((k->screen == ORL_KIOSK_LANGUAGE || k->screen == ORL_KIOSK_STORIES) && none) go_attract(k);
}

static void story_failed(orl_kiosk *k, const char *why)
{
    kstory *s = k->story >= 0 && k->story < k->nstories ? &k->stories[k->story] : NULL;
    if (s && s->hidden) /* what really happened: the bundle changed or went away under the visitor */
        kiosk_log(k, ORL_LOG_ERROR, "story \"%s\" stopped: its bundle %s is %s (the story said: %s); the visitor "
                                    "was sent back to the start", s->id, s->path, s->hidden_why, why);
    else
        kiosk_log(k, ORL_LOG_ERROR, "story \"%s\" stopped: %s; the visitor was sent back to the start",
                  s ? s->id : "?", why);
    if (s) {
        s->failures++;
        snprintf(s->last_failure, sizeof s->last_failure, "%s", why);
    }
    session_end(k, 0);
    close_player(k);
    session_clear(k);
    set_screen(k, ORL_KIOSK_MESSAGE);
    k->message_started = k->now;
}

static void start_story(orl_kiosk *k, int idx)
{
    if (idx < 0 || idx >= k->nstories) return;
    close_player(k);
    session_clear(k);
    kstory *s = &k->stories[idx];
    k->story = idx;
    const char *want = k->lang >= 0 ? k->langs[k->lang] : NULL;
    const char *lang = kiosk_story_lang(s, want);
    char why[600];
    orl_story *st = kiosk_catalog_open(k, idx, lang, why, sizeof why);
    if (!st) {
        story_failed(k, why);
        return;
    }
    orl_player_desc pd = {0};
    pd.story = st;
    pd.path = s->path;
    pd.lang = lang;
    pd.consent.deployment = k->cfg->deployment;
    pd.consent.withdrawn = &k->withdrawn;
    pd.seed = 1;
    pd.kiosk = 1;
    pd.font_dir = k->font_dir;
    pd.on_event = on_player_event;
    pd.event_ud = k;
    pd.volume_set = 1; /* the operator's volume (testimony audio) */
    pd.volume = (float)k->volume;
    pd.voice = k->cfg->voice; /* read aloud from the start (kiosk.lua: voice = true) */
    k->hook_story = st;
    k->hook_lang = lang;
    orl_diags d = {0};
    k->player = orl_player_create(&pd, &d);
    k->hook_story = NULL;
    if (!k->player) {
        char first[300] = "the player cannot start";
        if (d.n && d.items[0].msg) snprintf(first, sizeof first, "%s", d.items[0].msg);
        orl_diags_free(&d);
        session_end(k, 0);
        story_failed(k, first);
        return;
    }
    orl_diags_free(&d);
    k->pgfx = orl_player_gfx_create(k->r, k->software);
    if (!k->pgfx) {
        story_failed(k, SDL_GetError());
        return;
    }
    /* the window player's picture budget (the scene on screen, the next ones, little more),
     * not a renderer's default of 256 MB: a visitor through three panoramas peaked at ~410 MB */
    orl_player_gfx_set_image_budget(k->pgfx, ORL_PLAYER_IMAGE_BUDGET);
    k->story = idx;
    k->player_left_title = orl_player_screen_now(k->player) != ORL_SCREEN_TITLE;
    set_screen(k, ORL_KIOSK_STORY);
}

/* Where the visitor goes when they leave a story. */
static void go_choose(orl_kiosk *k)
{
    session_end(k, 0);
    close_player(k);
    session_clear(k);
    if (kiosk_visible_count(k) > 1) set_screen(k, ORL_KIOSK_STORIES);
    else if (k->nlangs > 1) set_screen(k, ORL_KIOSK_LANGUAGE);
    else go_attract(k);
}

/* After anything the player did: failures, leaving the story, the end. */
static void after_player(orl_kiosk *k)
{
    if (!k->player || k->screen != ORL_KIOSK_STORY) return;
    orl_diags *d = orl_player_diags(k->player);
    if (d->errors > 0) {
        char why[600] = "a problem in the story";
        for (size_t i = 0; i < d->n; i++) {
            const orl_diag *g = &d->items[i];
            if (g->sev != ORL_ERROR) continue;
            snprintf(why, sizeof why, "%s:%d: %s", g->file ? g->file : "?", g->line, g->msg ? g->msg : "");
            break;
        }
        story_failed(k, why);
        return;
    }
    orl_player_screen ps = orl_player_screen_now(k->player);
    if (ps != ORL_SCREEN_TITLE) {
        k->player_left_title = 1;
    } else if (k->player_left_title) {
        /* back at the title: "Back to the beginning", or "another story or leave" */
        k->player_left_title = 0;
        session_end(k, 0);
        session_clear(k);
        if (kiosk_visible_count(k) > 1) {
            go_choose(k);
            return;
        }
    }
    if (k->session_finished && !k->others_done && (ps == ORL_SCREEN_CARE || ps == ORL_SCREEN_CREDITS)) {
        k->others_done = 1;
        if (prepare_others(k) > 0) set_screen(k, ORL_KIOSK_OTHERS);
    }
}

/* ---------------------------------------------------------------------------------------
 * Operator */

static void open_pin(orl_kiosk *k)
{
    if (k->screen == ORL_KIOSK_PIN || k->screen == ORL_KIOSK_OPERATOR) return;
    if (k->player) orl_player_pointer(k->player, ORL_POINTER_CANCEL, 0, 0);
    /* whoever was playing is gone from here on: their session ends now */
    session_end(k, 0);
    close_player(k);
    session_clear(k);
    k->still_there = 0;
    k->npin = 0;
    memset(k->pin, 0, sizeof k->pin);
    k->pin_msg[0] = 0;
    if (!k->cfg->pin_hash)
        snprintf(k->pin_msg, sizeof k->pin_msg, "No operator PIN is set: add pin_hash to kiosk.lua "
                                                "(orilla kiosk --hash-pin makes one).");
    set_screen(k, ORL_KIOSK_PIN);
    kiosk_log(k, ORL_LOG_INFO, "operator PIN asked");
}

static void append_line(char *buf, size_t cap, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void append_line(char *buf, size_t cap, const char *fmt, ...)
{
    size_t len = strlen(buf);
    if (len + 1 >= cap) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf + len, cap - len, fmt, ap);
    va_end(ap);
}

/* The operator menu's text for its current view. */
static void operator_text(orl_kiosk *k)
{
    char *b = k->op_text;
    size_t cap = sizeof k->op_text;
    b[0] = 0;
    orl_stats_summary sum;
    switch (k->op_view) {
    case 1:
        append_line(b, cap, "Statistics (counts only, never who)\n\n");
        if (!k->stats) {
            append_line(b, cap, "Statistics are off%s%s\n", k->cfg->stats ? ": " : " (no stats file in kiosk.lua)",
                        k->cfg->stats ? "the file could not be opened (see the log)" : "");
            break;
        }
        for (int i = 0; i < k->nstories; i++) {
            if (orl_stats_summary_of(k->stats, k->stories[i].id, &sum) != 0) continue;
            append_line(b, cap, "%s: %lld today, %lld in all; %lld reached an ending, %lld left before\n",
                        k->stories[i].id, sum.started_today, sum.started, sum.finished, sum.abandoned);
        }
        append_line(b, cap, "\nEvery choice and ending: orilla stats --db %s\n", k->cfg->stats ? k->cfg->stats : "?");
        break;
    case 2: {
        append_line(b, cap, "Withdrawn and hidden testimonies\n\n");
        if (!k->withdrawn_ok) append_line(b, cap, "The withdrawal list cannot be read: %s\n\n", k->withdrawn_problem);
        append_line(b, cap, "Withdrawal list (%s): %d entr%s\n", k->cfg->withdrawn ? k->cfg->withdrawn : "none",
                    k->withdrawn.n, k->withdrawn.n == 1 ? "y" : "ies");
        for (int i = 0; i < k->withdrawn.n && i < 20; i++) append_line(b, cap, "  %s\n", k->withdrawn.items[i]);
        if (k->withdrawn.n > 20) append_line(b, cap, "  ... and %d more\n", k->withdrawn.n - 20);
        append_line(b, cap, "\nHidden here today (%s):\n", orl_deployment_name(k->cfg->deployment));
        orl_consent_ctx ctx = {0};
        ctx.deployment = k->cfg->deployment;
        ctx.withdrawn = &k->withdrawn;
        int hidden = 0;
        for (int i = 0; i < k->nstories; i++) {
            const orl_story *st = k->stories[i].st;
            for (int t = 0; t < st->ntestimonies; t++) {
                orl_consent_info info;
                if (orl_consent_explain(st, &st->testimonies[t], &ctx, &info) == ORL_CONSENT_OK) continue;
                if (hidden++ < 24)
                    append_line(b, cap, "  %s/%s: %s\n", k->stories[i].id, st->testimonies[t].id,
                                orl_consent_reason_words(&info));
            }
        }
        if (!hidden) append_line(b, cap, "  none\n");
        break;
    }
    case 3:
        append_line(b, cap, "Problems\n\n");
        if (!k->nproblems) append_line(b, cap, "No bundle was left out.\n");
        for (int i = 0; i < k->nproblems; i++)
            append_line(b, cap, "Left out: %s\n  %s\n", k->problems[i].path, k->problems[i].why ? k->problems[i].why : "");
        for (int i = 0; i < k->nstories; i++)
            if (k->stories[i].failures)
                append_line(b, cap, "%s stopped %d time%s; last: %s\n", k->stories[i].id, k->stories[i].failures,
                            k->stories[i].failures == 1 ? "" : "s", k->stories[i].last_failure);
        if (k->stats && orl_stats_problem(k->stats)[0]) append_line(b, cap, "Statistics: %s\n", orl_stats_problem(k->stats));
        if (orl_log_failed(k->log)) append_line(b, cap, "Log: %s\n", orl_log_failed(k->log));
        break;
    default:
        append_line(b, cap, "Orilla %s kiosk (%s)\n\n", ORL_VERSION, orl_deployment_name(k->cfg->deployment));
        append_line(b, cap, "Stories shown: %d", k->nstories);
        for (int i = 0; i < k->nstories; i++)
            append_line(b, cap, "%s%s %s", i ? ", " : " (", k->stories[i].id, k->stories[i].version);
        append_line(b, cap, "%s\n", k->nstories ? ")" : "");
        append_line(b, cap, "Bundles left out: %d%s\n", k->nproblems, k->nproblems ? " (see Problems)" : "");
        for (int i = 0; i < k->nstories; i++)
            if (k->stories[i].hidden)
                append_line(b, cap, "Not offered now: %s: %s\n", k->stories[i].id, k->stories[i].hidden_why);
        append_line(b, cap, "Signatures: %s\n", k->have_key ? k->key.fingerprint : k->cfg->key ? "key unreadable" : "not checked (no key)");
        if (k->stats && orl_stats_summary_of(k->stats, NULL, &sum) == 0)
            append_line(b, cap, "Sessions today: %lld; in all: %lld (%lld reached an ending)\n", sum.started_today,
                        sum.started, sum.finished);
        append_line(b, cap, "Statistics: %s\n",
                    !k->cfg->stats ? "off (no stats file in kiosk.lua)"
                    : !k->stats    ? "off: the file could not be opened (see the log)"
                    : orl_stats_ok(k->stats) ? k->cfg->stats
                                             : "off after write errors (see Problems)");
        append_line(b, cap, "Log: %s\n", orl_log_failed(k->log) ? orl_log_failed(k->log)
                                          : orl_log_path(k->log) ? orl_log_path(k->log) : "standard error (journal)");
        append_line(b, cap, "Withdrawal list: %s\n", k->withdrawn_ok ? "read" : "CANNOT BE READ: no story is shown");
        append_line(b, cap, "Idle reset after %.0f s (+%.0f s countdown)\n", k->cfg->idle_seconds,
                    k->cfg->countdown_seconds);
        append_line(b, cap, "Volume: %.0f%%\n", k->volume * 100.0);
        append_line(b, cap, "Wrong PINs since the start: %d (%d tr%s while the pad was locked)\n", k->wrong_pins,
                    k->locked_tries, k->locked_tries == 1 ? "y" : "ies");
        break;
    }
}

void kiosk_reload(orl_kiosk *k, const char *why)
{
    session_end(k, 0);
    close_player(k);
    session_clear(k);
    kiosk_catalog_free(k);
    kiosk_log(k, ORL_LOG_INFO, "%s: reload stories", why);
    kiosk_catalog_load(k);
    k->attract_story = kiosk_next_visible(k, 0);
    k->attract_t = 0;
    if (k->screen == ORL_KIOSK_ATTRACT || k->screen == ORL_KIOSK_OUT_OF_ORDER)
        set_screen(k, k->out_of_order || !kiosk_visible_count(k) ? ORL_KIOSK_OUT_OF_ORDER : ORL_KIOSK_ATTRACT);
}

static void reload(orl_kiosk *k)
{
    kiosk_reload(k, "operator");
    operator_text(k);
}

static void pin_ok(orl_kiosk *k)
{
    if (!k->cfg->pin_hash) return;
    double wait = orl_pin_wait(&k->guard, k->now);
    if (wait > 0) {
        /* a try while locked is not even checked, but it is counted and logged: someone
         * may be guessing (never the digits) */
        k->locked_tries++;
        k->locked_tries_now++;
        kiosk_log(k, ORL_LOG_WARN, "operator PIN entered while the pad is locked (%d tr%s during this lock, "
                                   "%.0f s left; %d wrong PINs in a row)",
                  k->locked_tries_now, k->locked_tries_now == 1 ? "y" : "ies", ceil(wait), k->guard.wrong);
        snprintf(k->pin_msg, sizeof k->pin_msg, "Too many wrong PINs: wait %.0f s.", ceil(wait));
        memset(k->pin, 0, sizeof k->pin);
        k->npin = 0;
        return;
    }
    k->locked_tries_now = 0;
    int rc = orl_pin_try(&k->guard, k->cfg->pin_hash, k->pin, k->now);
    memset(k->pin, 0, sizeof k->pin);
    k->npin = 0;
    if (rc == 1) {
        if (k->wrong_pins || k->locked_tries)
            kiosk_log(k, ORL_LOG_INFO, "operator menu opened (since the start: %d wrong PIN%s, %d tr%s while locked)",
                      k->wrong_pins, k->wrong_pins == 1 ? "" : "s", k->locked_tries, k->locked_tries == 1 ? "y" : "ies");
        else
            kiosk_log(k, ORL_LOG_INFO, "operator menu opened");
        k->confirm_quit = 0;
        k->op_view = 0;
        operator_text(k);
        k->pin_msg[0] = 0;
        set_screen(k, ORL_KIOSK_OPERATOR);
        return;
    }
    k->wrong_pins++;
    wait = orl_pin_wait(&k->guard, k->now);
    if (wait > 0)
        kiosk_log(k, ORL_LOG_WARN, "wrong operator PIN (%d in a row); PIN pad locked for %.0f s", k->guard.wrong,
                  ceil(wait));
    else
        kiosk_log(k, ORL_LOG_WARN, "wrong operator PIN (%d in a row)", k->guard.wrong);
    if (wait > 0) snprintf(k->pin_msg, sizeof k->pin_msg, "Wrong PIN. Too many tries: wait %.0f s.", ceil(wait));
    else snprintf(k->pin_msg, sizeof k->pin_msg, "Wrong PIN.");
}

/* ---------------------------------------------------------------------------------------
 * Buttons */

static void activate(orl_kiosk *k, int i)
{
    if (i < 0 || i >= k->nbuttons) return;
    kbutton b = k->buttons[i];
    if (b.action != KA_OP_QUIT && b.action != KA_OP_QUIT_YES) k->confirm_quit = 0;
    switch (b.action) {
    case KA_LANGUAGE:
        k->lang = b.arg;
        if (kiosk_visible_count(k) == 1) start_story(k, kiosk_next_visible(k, 0));
        else set_screen(k, ORL_KIOSK_STORIES);
        break;
    case KA_STORY:
        start_story(k, b.arg);
        break;
    case KA_HOME:
        go_choose(k);
        break;
    case KA_BACK:
        if (k->screen == ORL_KIOSK_STORIES && k->nlangs > 1) set_screen(k, ORL_KIOSK_LANGUAGE);
        else go_attract(k);
        break;
    case KA_CONTINUE:
        if (k->screen == ORL_KIOSK_OTHERS) set_screen(k, ORL_KIOSK_STORY);
        else go_attract(k);
        break;
    case KA_STILL_HERE:
        k->still_there = 0;
        break;
    case KA_PIN_DIGIT:
        if (k->npin < ORL_PIN_MAX_DIGITS) {
            k->pin[k->npin++] = (char)('0' + b.arg);
            k->pin[k->npin] = 0;
        }
        break;
    case KA_PIN_ERASE:
        if (k->npin > 0) k->pin[--k->npin] = 0;
        break;
    case KA_PIN_OK:
        pin_ok(k);
        break;
    case KA_PIN_CANCEL:
        go_attract(k);
        break;
    case KA_OP_VOLUME:
        k->volume += b.arg * 0.1;
        if (k->volume < 0) k->volume = 0;
        if (k->volume > 1) k->volume = 1;
        k->volume = round(k->volume * 10.0) / 10.0;
        if (k->player) orl_player_set_volume(k->player, (float)k->volume);
        operator_text(k);
        break;
    case KA_OP_RELOAD:
        reload(k);
        break;
    case KA_OP_VIEW:
        k->op_view = b.arg;
        operator_text(k);
        break;
    case KA_OP_CLOSE:
        kiosk_log(k, ORL_LOG_INFO, "operator menu closed");
        go_attract(k);
        break;
    case KA_OP_QUIT:
        k->confirm_quit = 1; /* one tap is too easy to make by mistake: Yes / No first */
        break;
    case KA_OP_QUIT_YES:
        kiosk_log(k, ORL_LOG_INFO, "operator: quit");
        k->quit = 1;
        break;
    case KA_OP_QUIT_NO:
        k->confirm_quit = 0;
        break;
    case KA_NONE:
        break;
    }
}

static int hit(const orl_kiosk *k, float x, float y)
{
    for (int i = k->nbuttons - 1; i >= 0; i--) {
        const SDL_Rect *r = &k->buttons[i].rect;
        if (x >= r->x && x < r->x + r->w && y >= r->y && y < r->y + r->h) return i;
    }
    return -1;
}

/* ---------------------------------------------------------------------------------------
 * Life cycle */

orl_kiosk *orl_kiosk_create(const orl_kiosk_desc *d)
{
    orl_kiosk *k = calloc(1, sizeof *k);
    if (!k) return NULL;
    k->cfg = d->config;
    k->log = d->log;
    k->stats = d->stats;
    k->r = d->renderer;
    k->software = d->software;
    k->font_dir = d->font_dir ? orl_strdup(d->font_dir) : NULL;
    k->volume = k->cfg->volume;
    k->lang = -1;
    k->story = -1;
    reset_buttons(k);
    if (kiosk_gfx_init(k) != 0) {
        kiosk_log(k, ORL_LOG_ERROR, "cannot start: the fonts cannot be loaded");
        orl_kiosk_free(k);
        return NULL;
    }
    k->live.fd = -1;
    kiosk_catalog_load(k);
    kiosk_live_start(k);
    set_screen(k, k->out_of_order ? ORL_KIOSK_OUT_OF_ORDER : ORL_KIOSK_ATTRACT);
    return k;
}

void orl_kiosk_end_session(orl_kiosk *k)
{
    if (k) session_end(k, 0);
}

void orl_kiosk_free(orl_kiosk *k)
{
    if (!k) return;
    session_end(k, 0);
    close_player(k);
    session_clear(k);
    kiosk_live_stop(k);
    kiosk_catalog_free(k);
    for (int i = 0; i < k->nstrings; i++) free(k->strings[i]);
    kiosk_gfx_free(k);
    free(k->font_dir);
    memset(k->pin, 0, sizeof k->pin);
    free(k);
}

/* ---------------------------------------------------------------------------------------
 * Inputs */

int orl_kiosk_pointer(orl_kiosk *k, orl_pointer_kind kind, float x, float y)
{
    k->last_input = k->now;
    /* the operator's corner: a hold, whatever is under it */
    if (kind == ORL_POINTER_DOWN && x < ORL_KIOSK_HOLD_SIZE && y < ORL_KIOSK_HOLD_SIZE && k->screen != ORL_KIOSK_PIN &&
        k->screen != ORL_KIOSK_OPERATOR) {
        k->holding = 1;
        k->hold_started = k->now;
        k->hold_x = x;
        k->hold_y = y;
    } else if (kind == ORL_POINTER_MOVE && k->holding && fabsf(x - k->hold_x) + fabsf(y - k->hold_y) > 80) {
        k->holding = 0;
    } else if (kind == ORL_POINTER_UP || kind == ORL_POINTER_CANCEL) {
        k->holding = 0;
    }
    if (k->still_there) {
        if (kind == ORL_POINTER_DOWN) {
            k->still_there = 0;
            k->swallowing = 1;
        }
        return 1;
    }
    if (k->swallowing) {
        if (kind == ORL_POINTER_UP || kind == ORL_POINTER_CANCEL) k->swallowing = 0;
        return 1;
    }
    kiosk_layout(k);
    int h = hit(k, x, y);
    if (k->screen == ORL_KIOSK_STORY && k->player) {
        /* the kiosk's own buttons over the player (the way back on its title screen) */
        if (kind == ORL_POINTER_DOWN && h >= 0) {
            k->pressed = h;
            return 1;
        }
        if (k->pressed >= 0) {
            if (kind == ORL_POINTER_UP) {
                int was = k->pressed;
                k->pressed = -1;
                if (was == h) activate(k, h);
                return 1;
            }
            if (kind == ORL_POINTER_CANCEL) k->pressed = -1;
            return 1;
        }
        int changed = orl_player_pointer(k->player, kind, x, y);
        after_player(k);
        return changed;
    }
    switch (kind) {
    case ORL_POINTER_DOWN:
        k->pressed = h;
        return 1;
    case ORL_POINTER_UP: {
        int was = k->pressed;
        k->pressed = -1;
        if (was >= 0 && was == h) {
            activate(k, h);
        } else if (k->screen == ORL_KIOSK_ATTRACT) {
            set_screen(k, k->nlangs > 1 ? ORL_KIOSK_LANGUAGE : ORL_KIOSK_STORIES);
            if (k->nlangs <= 1) {
                k->lang = 0;
                if (kiosk_visible_count(k) == 1) start_story(k, kiosk_next_visible(k, 0));
            }
        } else if (k->screen == ORL_KIOSK_MESSAGE && k->now - k->message_started > 1.0) {
            go_attract(k);
        }
        return 1;
    }
    case ORL_POINTER_CANCEL:
        k->pressed = -1;
        return 1;
    default:
        return 0;
    }
}

static int move_focus(orl_kiosk *k, int step)
{
    kiosk_layout(k);
    if (k->nbuttons == 0) return 0;
    k->focus = k->focus < 0 ? (step > 0 ? 0 : k->nbuttons - 1) : (k->focus + step + k->nbuttons) % k->nbuttons;
    return 1;
}

int orl_kiosk_key(orl_kiosk *k, orl_kiosk_keycode key, int arg)
{
    k->last_input = k->now;
    if (k->still_there) {
        k->still_there = 0;
        return 1;
    }
    if (key == ORL_KKEY_OPERATOR) {
        open_pin(k);
        return 1;
    }
    if (k->screen == ORL_KIOSK_STORY && k->player) {
        int changed = 0;
        orl_player *p = k->player;
        switch (key) {
        case ORL_KKEY_DIGIT: changed = arg >= 1 && arg <= 9 ? orl_player_pick(p, arg) : 0; break;
        case ORL_KKEY_UP: changed = orl_player_input_do(p, ORL_INPUT_UP); break;
        case ORL_KKEY_DOWN: changed = orl_player_input_do(p, ORL_INPUT_DOWN); break;
        case ORL_KKEY_LEFT: changed = orl_player_input_do(p, ORL_INPUT_LEFT); break;
        case ORL_KKEY_RIGHT: changed = orl_player_input_do(p, ORL_INPUT_RIGHT); break;
        case ORL_KKEY_NEXT: changed = orl_player_input_do(p, ORL_INPUT_NEXT); break;
        case ORL_KKEY_PREV: changed = orl_player_input_do(p, ORL_INPUT_PREV); break;
        case ORL_KKEY_ACTIVATE: changed = orl_player_input_do(p, ORL_INPUT_ACTIVATE); break;
        case ORL_KKEY_BACK: changed = orl_player_input_do(p, ORL_INPUT_BACK); break;
        default: break; /* Esc: nothing, in a kiosk */
        }
        after_player(k);
        return changed;
    }
    kiosk_layout(k);
    if (k->screen == ORL_KIOSK_PIN) {
        if (key == ORL_KKEY_DIGIT && k->npin < ORL_PIN_MAX_DIGITS) {
            k->pin[k->npin++] = (char)('0' + arg);
            k->pin[k->npin] = 0;
            return 1;
        }
        if (key == ORL_KKEY_BACK && k->npin > 0) {
            k->pin[--k->npin] = 0;
            return 1;
        }
        if (key == ORL_KKEY_ACTIVATE && k->focus < 0) {
            pin_ok(k);
            return 1;
        }
        if (key == ORL_KKEY_ESCAPE) {
            go_attract(k);
            return 1;
        }
    }
    if (k->screen == ORL_KIOSK_OPERATOR && key == ORL_KKEY_ESCAPE) {
        go_attract(k);
        return 1;
    }
    switch (key) {
    case ORL_KKEY_DIGIT:
        if (arg >= 1 && arg <= k->nbuttons) {
            activate(k, arg - 1);
            return 1;
        }
        return 0;
    case ORL_KKEY_UP:
    case ORL_KKEY_LEFT:
    case ORL_KKEY_PREV:
        return move_focus(k, -1);
    case ORL_KKEY_DOWN:
    case ORL_KKEY_RIGHT:
    case ORL_KKEY_NEXT:
        return move_focus(k, 1);
    case ORL_KKEY_ACTIVATE:
        if (k->focus >= 0 && k->focus < k->nbuttons) {
            activate(k, k->focus);
            return 1;
        }
        if (k->screen == ORL_KIOSK_ATTRACT || k->screen == ORL_KIOSK_MESSAGE) {
            orl_kiosk_pointer(k, ORL_POINTER_DOWN, ORL_CANVAS_W / 2.0f, ORL_CANVAS_H / 2.0f);
            return orl_kiosk_pointer(k, ORL_POINTER_UP, ORL_CANVAS_W / 2.0f, ORL_CANVAS_H / 2.0f);
        }
        return 0;
    default:
        return 0;
    }
}

void orl_kiosk_close_request(orl_kiosk *k)
{
    if (!k->close_logged) kiosk_log(k, ORL_LOG_INFO, "a request to close the window was ignored (kiosk mode)");
    k->close_logged = 1;
}

int orl_kiosk_tick(orl_kiosk *k, double dt)
{
    if (dt < 0) dt = 0;
    if (dt > 0.5) dt = 0.5;
    k->now += dt;
    kiosk_live_poll(k); /* the withdrawal list and the bundles on disk (live.c) */
    int moving = 0;
    if (k->holding && k->now - k->hold_started >= ORL_KIOSK_HOLD_SECONDS) {
        k->holding = 0;
        k->swallowing = 1; /* the finger still on the glass lifts on the PIN pad: not a tap */
        open_pin(k);
        moving = 1;
    }
    if (k->holding) moving = 1;
    int idle_applies = k->screen != ORL_KIOSK_ATTRACT && k->screen != ORL_KIOSK_OUT_OF_ORDER;
    if (idle_applies) {
        if (!k->still_there && k->now - k->last_input >= k->cfg->idle_seconds) {
            k->still_there = 1;
            k->still_started = k->now;
            moving = 1;
        }
        if (k->still_there) {
            moving = 1; /* the countdown */
            if (k->now - k->still_started >= k->cfg->countdown_seconds) go_attract(k);
        }
    }
    switch (k->screen) {
    case ORL_KIOSK_ATTRACT:
        k->attract_t += dt;
        if (k->attract_t >= ORL_KIOSK_ATTRACT_SECONDS) {
            k->attract_t = 0;
            if (k->nstories) k->attract_story = kiosk_next_visible(k, k->attract_story + 1);
        }
        moving = 1;
        break;
    case ORL_KIOSK_LANGUAGE:
    case ORL_KIOSK_STORIES:
        k->attract_t += dt;
        if (k->attract_t > ORL_KIOSK_ATTRACT_SECONDS) k->attract_t = ORL_KIOSK_ATTRACT_SECONDS;
        break;
    case ORL_KIOSK_MESSAGE:
        if (k->now - k->message_started >= ORL_KIOSK_MESSAGE_SECONDS) go_attract(k);
        moving = 1;
        break;
    case ORL_KIOSK_OUT_OF_ORDER:
        /* drawn continuously, as the attract loop is, with a slow breathing dot: under cage
         * (Xwayland) a screen drawn once, or once a second, was never shown (a black screen
         * instead of "out of order"), and a technician can see the kiosk is not frozen */
        moving = 1;
        break;
    case ORL_KIOSK_PIN:
        if (orl_pin_wait(&k->guard, k->now) > 0) moving = 1;
        else if (strstr(k->pin_msg, "wait")) k->pin_msg[0] = 0;
        break;
    case ORL_KIOSK_STORY:
        if (k->player) {
            moving |= orl_player_tick(k->player, dt);
            after_player(k);
        }
        break;
    default:
        break;
    }
    return moving;
}

int orl_kiosk_draw(orl_kiosk *k)
{
    int moving = kiosk_draw_screen(k);
    after_player(k); /* a picture that cannot be shown is reported while drawing */
    return moving;
}

/* ---------------------------------------------------------------------------------------
 * Queries */

orl_kiosk_screen orl_kiosk_screen_now(const orl_kiosk *k) { return k->screen; }
int orl_kiosk_quit_requested(const orl_kiosk *k) { return k->quit; }
int orl_kiosk_story_count(const orl_kiosk *k) { return k->nstories; }
int orl_kiosk_refused_count(const orl_kiosk *k) { return k->nproblems; }
double orl_kiosk_volume(const orl_kiosk *k) { return k->volume; }

const char *orl_kiosk_screen_name(const orl_kiosk *k)
{
    if (k->still_there) return "still-there";
    switch (k->screen) {
    case ORL_KIOSK_ATTRACT: return "attract";
    case ORL_KIOSK_LANGUAGE: return "language";
    case ORL_KIOSK_STORIES: return "stories";
    case ORL_KIOSK_OTHERS: return "others";
    case ORL_KIOSK_MESSAGE: return "message";
    case ORL_KIOSK_OUT_OF_ORDER: return "out-of-order";
    case ORL_KIOSK_PIN: return "pin";
    case ORL_KIOSK_OPERATOR: return "operator";
    case ORL_KIOSK_STORY: break;
    }
    if (!k->player) return "story";
    switch (orl_player_screen_now(k->player)) {
    case ORL_SCREEN_TITLE: return "story:title";
    case ORL_SCREEN_WARNINGS: return "story:warnings";
    case ORL_SCREEN_CARE: return "story:care";
    case ORL_SCREEN_CREDITS: return "story:credits";
    default: return orl_player_scene(k->player) >= 0 && orl_player_view(k->player)->nbuttons > 0 &&
                            orl_player_story(k->player)->scenes[orl_player_scene(k->player)].nchoices == 0
                        ? "story:ending"
                        : "story:scene";
    }
}

static int has(const char *hay, const char *needle) { return hay && needle && strstr(hay, needle) != NULL; }

int orl_kiosk_shows(orl_kiosk *k, const char *text)
{
    kiosk_layout(k);
    for (int i = 0; i < k->nbuttons; i++)
        if (has(k->buttons[i].label, text)) return 1;
    if (k->screen == ORL_KIOSK_OPERATOR && has(k->op_text, text)) return 1;
    if (k->screen == ORL_KIOSK_OPERATOR && k->confirm_quit && has("Quit Orilla? Under the service it starts again 5 s later.", text))
        return 1;
    if (k->screen == ORL_KIOSK_PIN && has(k->pin_msg, text)) return 1;
    if (k->screen == ORL_KIOSK_ATTRACT && k->attract_story >= 0 && k->attract_story < k->nstories) {
        /* the cover's line about recreated or composite testimonies, in the languages it shows */
        const orl_story *st = k->stories[k->attract_story].st;
        for (int i = 0; st && i < (k->nlangs ? k->nlangs : 1); i++) {
            char *kinds = orl_story_kinds_credit(st, k->nlangs ? k->langs[i] : "en", 0);
            int hit = has(kinds, text);
            free(kinds);
            if (hit) return 1;
        }
    }
    const char *lang = kiosk_lang_code(k);
    for (int w = 0; w < KW_COUNT; w++)
        if (has(kiosk_word_in(lang, (kiosk_word)w), text)) {
            /* only the words of this screen count */
            switch (k->screen) {
            case ORL_KIOSK_ATTRACT: if (w == KW_TOUCH) return 1; break;
            case ORL_KIOSK_LANGUAGE: if (w == KW_CHOOSE_LANG) return 1; break;
            case ORL_KIOSK_STORIES: if (w == KW_CHOOSE_STORY) return 1; break;
            case ORL_KIOSK_OTHERS: if (w == KW_OTHERS_TITLE || w == KW_YOU_CHOSE) return 1; break;
            case ORL_KIOSK_MESSAGE: if (w == KW_SORRY || w == KW_SORRY_SUB) return 1; break;
            case ORL_KIOSK_OUT_OF_ORDER: if (w == KW_OUT_OF_ORDER) return 1; break;
            default: break;
            }
        }
    if (k->still_there && (has(kiosk_word_in(lang, KW_STILL_THERE), text))) return 1;
    if (k->screen == ORL_KIOSK_OTHERS)
        for (int i = 0; i < k->nothers; i++) {
            if (has(k->steps[k->others_idx[i]].label, text)) return 1;
            char line[160]; /* the share as drawn */
            kiosk_fill_number(line, sizeof line, kiosk_word_in(k->player ? orl_player_lang(k->player) : lang, KW_SAME_SHARE),
                              k->others_share[i].percent);
            if (has(line, text)) return 1;
        }
    if (k->screen == ORL_KIOSK_STORY && k->player) {
        const orl_view *v = orl_player_view(k->player);
        const orl_view_text *t[] = {&v->heading, &v->sub, &v->body, &v->body2, &v->testimony_by, &v->testimony_text,
                                    &v->fact_text, &v->fact_source};
        for (size_t i = 0; i < sizeof t / sizeof *t; i++)
            if (has(t[i]->text, text)) return 1;
        for (int i = 0; i < v->nbuttons; i++)
            if (has(v->buttons[i].label, text)) return 1;
    }
    return 0;
}

/* Why the last orl_kiosk_tap_label found a button it could not touch (an orl_touch_why). */
static int last_tap_why;

int orl_kiosk_last_tap_why(void) { return last_tap_why; }

int orl_kiosk_tap_label(orl_kiosk *k, const char *label)
{
    last_tap_why = 0;
    if (k->still_there) return 0;
    kiosk_layout(k);
    for (int i = 0; i < k->nbuttons; i++) {
        if (!has(k->buttons[i].label, label)) continue;
        SDL_Rect r = k->buttons[i].rect;
        float x = (float)r.x + (float)r.w / 2, y = (float)r.y + (float)r.h / 2;
        orl_kiosk_pointer(k, ORL_POINTER_DOWN, x, y);
        orl_kiosk_pointer(k, ORL_POINTER_UP, x, y);
        return 1;
    }
    if (k->screen == ORL_KIOSK_STORY && k->player) {
        /* as a person would: only a button that is on screen and not covered (the player's
         * one hit-testing rule, orl_view_touch_point) */
        const orl_view *v = orl_player_view(k->player);
        int why = 0;
        for (int i = v->nbuttons - 1; i >= 0; i--) {
            if (!has(v->buttons[i].label, label)) continue;
            float x, y;
            orl_touch_why w = orl_view_touch_point(v, i, &x, &y, NULL);
            if (w != ORL_TOUCH_OK) {
                if (!why) why = (int)w;
                continue;
            }
            orl_kiosk_pointer(k, ORL_POINTER_DOWN, x, y);
            orl_kiosk_pointer(k, ORL_POINTER_UP, x, y);
            return 1;
        }
        last_tap_why = why;
    }
    return 0;
}
