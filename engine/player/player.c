/* The player core: screens, choices, rollback, settings. No window, no events: see player.h. */
#include "player/player_internal.h"
#include "story/messages.h"
#include "story/care.h"
#include "story/run.h"
#include "core/limits.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define LOOK_AROUND_SECONDS 8.0
#define TRANSITION_SECONDS 0.35

/* ---------------------------------------------------------------------------------------
 * The current scene */

static void clear_scene_cache(orl_player *p)
{
    free(p->text);
    p->text = NULL;
    for (int i = 0; i < p->nvis; i++) free(p->vis_text[i]);
    p->nvis = 0;
    p->scene_error = 0;
}

/* Runs the story code that decides what the scene shows (text functions, `when`), once. */
static void load_scene(orl_player *p)
{
    clear_scene_cache(p);
    free(p->notice); /* a reload's notice goes with the reader's next move */
    p->notice = NULL;
    int sc = orl_run_scene(p->run);
    if (sc < 0) return;
    int errors = p->diags.errors;
    p->text = orl_run_scene_text(p->run, &p->diags);
    int n = orl_run_visible(p->run, p->vis, ORL_MAX_CHOICES, &p->diags);
    if (n < 0) n = 0;
    for (int i = 0; i < n; i++) p->vis_text[i] = orl_run_choice_text(p->run, p->vis[i], &p->diags);
    p->nvis = n;
    p->scene_error = p->diags.errors > errors;
    const orl_scene *s = &p->st->scenes[sc];
    p->panorama = s->panorama != NULL;
    if (s->has_look) p->look = (orl_look){s->look[0], s->look[1], s->look[2] > 0 ? s->look[2] : 90.0f};
    else p->look = (orl_look){0.0f, 0.0f, 90.0f};
    p->look_yaw0 = p->look.yaw;
    p->looked = 0;
    p->picture_scene = sc;
    p->scroll = 0;
    /* the reader is asked a scene's content notes each time they arrive */
    p->scene_answer = p->testimony_answer = ORL_CARE_NOT_ASKED;
    p->scene_entry++; /* a new entry: the testimony starts again (sound.c) */
    p->dirty = 1;
}

static void start_transition(orl_player *p, int from)
{
    p->from_scene = from;
    p->from_time = p->scene_time;
    p->trans = from >= 0 && from != orl_run_scene(p->run) && !p->no_transitions && !p->reduce_motion ? 0.0f : 1.0f;
    p->scene_time = 0.0;
}

static void forget_focus(orl_player *p)
{
    p->focus_set = 0;
    p->hover = -1;
    p->pressed = -1;
    p->dragging = 0;
}

static void clear_history(orl_player *p)
{
    for (int i = 0; i < p->nhist; i++) free(p->hist[i].state);
    p->nhist = 0;
}

static void turn_to(orl_player *p, int c);

static void set_screen(orl_player *p, orl_player_screen s)
{
    if (p->screen != s) {
        forget_focus(p);
        p->scroll = 0;
    }
    p->screen = s;
    p->dirty = 1;
}

static int is_title_card(const orl_story *st)
{
    if (st->start_idx < 0) return 0;
    const orl_scene *s = &st->scenes[st->start_idx];
    if (s->nchoices < 1 || s->ending) return 0;
    if (strcmp(s->id, "title") == 0) return 1;
    return st->title && s->text && strcmp(st->title, s->text) == 0;
}

/* Tells the kiosk's hook (orl_player_desc.on_event) what the reader did. */
static void emit(orl_player *p, orl_player_event_kind kind, int scene, int choice, const char *ctext)
{
    if (!p->on_event) return;
    orl_player_event e = {kind, scene, choice, ctext, kind == ORL_PLAYER_EVENT_CHOICE ? p->text : NULL,
                          kind == ORL_PLAYER_EVENT_CHOICE ? p->nvis : 0};
    p->on_event(p->event_ud, &e);
}

static void emit_if_end(orl_player *p)
{
    int sc = orl_run_scene(p->run);
    if (p->on_event && sc >= 0 && p->nvis == 0) emit(p, ORL_PLAYER_EVENT_END, sc, -1, NULL);
}

/* Empties the story state for a new start; out of memory keeps the old state (said once in
 * the diagnostics: the reader can go on, and the kiosk's watchdog sees it). */
static int reset_run(orl_player *p)
{
    if (orl_run_reset(p->run) == 0) return 0;
    orl_diag_add(&p->diags, ORL_ERROR, NULL, 0, 0, "oom",
                 "out of memory while starting the story again: it goes on with the state it had");
    return -1;
}

static void enter_story(orl_player *p)
{
    int from = p->picture_scene;
    clear_history(p);
    reset_run(p);
    orl_run_start(p->run, &p->diags);
    set_screen(p, ORL_SCREEN_SCENE);
    start_transition(p, from);
    load_scene(p);
    if (orl_run_scene(p->run) >= 0) emit(p, ORL_PLAYER_EVENT_START, orl_run_scene(p->run), -1, NULL);
    emit_if_end(p);
}

/* The screen a reader starts on: the title, or the content note, or the story's own title
 * card. */
static void first_screen(orl_player *p)
{
    clear_history(p);
    reset_run(p);
    clear_scene_cache(p);
    p->menu = 0;
    if (p->title_card) {
        if (p->st->warnings.n) {
            p->picture_scene = p->st->start_idx;
            set_screen(p, ORL_SCREEN_WARNINGS);
        } else {
            enter_story(p);
        }
    } else {
        p->picture_scene = p->st->start_idx;
        set_screen(p, ORL_SCREEN_TITLE);
    }
    p->trans = 1.0f;
    p->scene_time = 0.0;
}

/* ---------------------------------------------------------------------------------------
 * Life cycle */

static void set_cover(orl_player *p)
{
    memset(&p->cover, 0, sizeof p->cover);
    p->cover.id = "cover";
    p->cover.loc = p->st->loc;
    p->cover.background = p->st->cover;
    p->cover.text_fn = ORL_NOFN;
    p->cover.on_enter_fn = ORL_NOFN;
    p->cover.testimony_idx = -1;
}

orl_player *orl_player_create(const orl_player_desc *d, orl_diags *diags)
{
    orl_player *p = calloc(1, sizeof *p);
    if (!p) {
        orl_story_free(d->story);
        return NULL;
    }
    p->st = d->story;
    p->diags.wording = orl_messages_current(); /* script errors in the author's language */
    p->path = d->path ? orl_strdup(d->path) : NULL;
    snprintf(p->lang, sizeof p->lang, "%s",
             d->lang ? d->lang : p->st->language ? p->st->language : "en");
    p->consent = d->consent;
    p->seed = d->seed;
    p->text_size = d->text_size >= 0 && d->text_size < ORL_PLAYER_TEXT_SIZES ? d->text_size : 0;
    p->screen_w = ORL_CANVAS_W;
    p->screen_h = ORL_CANVAS_H;
    p->kiosk = d->kiosk;
    p->on_event = d->on_event;
    p->event_ud = d->event_ud;
    p->no_transitions = d->no_transitions;
    p->high_contrast = d->high_contrast != 0;
    p->reduce_motion = d->reduce_motion != 0;
    p->from_scene = -1;
    p->trans = 1.0f;
    p->picture_scene = -1;
    p->hover = p->pressed = -1;
    p->audio_testimony = -1;
    p->no_audio_device = d->no_audio_device;
    p->caption_clock = d->caption_clock;
    p->captions = !d->no_captions;
    p->volume = d->volume_set ? (d->volume >= 0.0f ? d->volume <= 1.0f ? d->volume : 1.0f : 0.0f) : 1.0f;
    char err[512] = "";
    p->fonts = orl_font_set_load_dir(d->font_dir, 0, 36, err, sizeof err);
    if (p->fonts) p->bold = orl_font_set_load_dir(d->font_dir, 1, 36, err, sizeof err);
    p->run = orl_run_new(p->st);
    p->measures = calloc(ORL_PLAYER_MEASURES, sizeof *p->measures);
    if (!p->fonts || !p->bold || !p->run || !p->measures) {
        orl_diag_add(diags, ORL_ERROR, NULL, 0, 0, "fonts", "cannot start the player: %s",
                     *err ? err : "out of memory");
        orl_player_free(p);
        return NULL;
    }
    p->title_card = is_title_card(p->st);
    set_cover(p);
    first_screen(p);
    if (d->voice) orl_player_set_voice(p, 1); /* where it cannot work: a warning, and it stays off */
    return p;
}

void orl_player_free(orl_player *p)
{
    if (!p) return;
    clear_scene_cache(p);
    clear_history(p);
    orl_player__free_owned(p);
    free(p->owned);
    orl_player_retire(p);
    orl_player__drop_replaced(p);
    orl_run_free(p->run);
    orl_story_free(p->st);
    orl_font_set_free(p->fonts);
    orl_font_set_free(p->bold);
    free(p->measures);
    orl_player__speak_close(p); /* before the audio: the voice plays through its mixer */
    orl_player__sound_close(p);
    orl_diags_free(&p->diags);
    free(p->problems);
    free(p->notice);
    free(p->path);
    free(p);
}

/* ---------------------------------------------------------------------------------------
 * Moves */

/* Follows choice `choice`, or with choice < 0 goes to scene `scene` (a skip's skip_to). */
static int move_on(orl_player *p, int choice, int scene)
{
    int from = orl_run_scene(p->run);
    if (from < 0) return 0;
    orl_buf b = {0};
    if (orl_run_state_save(p->run, &b, &p->diags) == 0 && !b.oom) {
        if (p->nhist == ORL_PLAYER_MAX_HISTORY) {
            free(p->hist[0].state);
            memmove(p->hist, p->hist + 1, (ORL_PLAYER_MAX_HISTORY - 1) * sizeof *p->hist);
            p->nhist--;
        }
        p->hist[p->nhist++] = (orl_snapshot){from, b.data, b.len};
    } else {
        orl_buf_free(&b); /* this step cannot be taken back; the story goes on */
    }
    int moved = choice >= 0 ? orl_run_choose(p->run, choice, &p->diags) : orl_run_enter(p->run, scene, &p->diags);
    if (moved != 0 && orl_run_scene(p->run) == from) {
        /* nothing happened: keep the screen as it was */
        if (p->nhist && p->hist[p->nhist - 1].scene == from) {
            free(p->hist[--p->nhist].state);
        }
        return 0;
    }
    if (p->on_event && choice >= 0) {
        const char *label = NULL;
        for (int i = 0; i < p->nvis; i++)
            if (p->vis[i] == choice) label = p->vis_text[i];
        emit(p, ORL_PLAYER_EVENT_CHOICE, from, choice, label);
    }
    forget_focus(p);
    start_transition(p, from);
    load_scene(p);
    emit_if_end(p);
    return 1;
}

static int choose(orl_player *p, int choice)
{
    return move_on(p, choice, -1);
}

/* One choice back. */
static int rollback(orl_player *p)
{
    if (p->screen != ORL_SCREEN_SCENE || p->nhist == 0) return 0;
    orl_snapshot s = p->hist[--p->nhist];
    int from = orl_run_scene(p->run);
    int rc = orl_run_restore(p->run, s.scene, s.state, s.len);
    free(s.state);
    if (rc != 0) return 0;
    emit(p, ORL_PLAYER_EVENT_BACK, s.scene, -1, NULL);
    forget_focus(p);
    start_transition(p, from);
    load_scene(p);
    return 1;
}

static int scene_is_end(const orl_player *p)
{
    return p->screen == ORL_SCREEN_SCENE && p->nvis == 0 && !orl_player_note_pending((orl_player *)p);
}

static void after_ending(orl_player *p)
{
    if (p->st->nsupport > 0) set_screen(p, ORL_SCREEN_CARE);
    else set_screen(p, ORL_SCREEN_CREDITS);
}

static int go_back(orl_player *p)
{
    if (p->menu) return orl_player_set_menu(p, 0);
    if (p->support_open) return orl_player_set_support(p, 0);
    switch (p->screen) {
    case ORL_SCREEN_SCENE:
        if (p->nhist) return rollback(p);
        /* the first scene: back to what came before the story (the title or the note) */
        if (p->title_card && !p->st->warnings.n) return 0;
        first_screen(p);
        return 1;
    case ORL_SCREEN_WARNINGS:
        if (p->title_card) return 0;
        set_screen(p, ORL_SCREEN_TITLE);
        return 1;
    case ORL_SCREEN_CARE:
        set_screen(p, ORL_SCREEN_SCENE);
        return 1;
    case ORL_SCREEN_CREDITS:
        set_screen(p, p->st->nsupport > 0 ? ORL_SCREEN_CARE : ORL_SCREEN_SCENE);
        return 1;
    default:
        return 0;
    }
}

void orl_player__activate(orl_player *p, int i)
{
    const orl_view *v = &p->view;
    if (i < 0 || i >= v->nbuttons) return;
    const orl_view_button *b = &v->buttons[i];
    p->dirty = 1;
    switch (b->kind) {
    case ORL_BUTTON_CHOICE:
    case ORL_BUTTON_HOTSPOT:
        choose(p, b->arg);
        break;
    case ORL_BUTTON_BEGIN:
        if (p->st->warnings.n) set_screen(p, ORL_SCREEN_WARNINGS);
        else enter_story(p);
        break;
    case ORL_BUTTON_CONTINUE:
        if (p->screen == ORL_SCREEN_WARNINGS) enter_story(p);
        else if (p->screen == ORL_SCREEN_SCENE) after_ending(p);
        else if (p->screen == ORL_SCREEN_CARE) set_screen(p, ORL_SCREEN_CREDITS);
        break;
    case ORL_BUTTON_LEAVE:
        p->leave_count++;
        set_screen(p, ORL_SCREEN_TITLE);
        break;
    case ORL_BUTTON_RESTART:
        orl_player_restart(p);
        break;
    case ORL_BUTTON_BACK:
        go_back(p);
        break;
    case ORL_BUTTON_MENU:
        orl_player_set_menu(p, 1);
        break;
    case ORL_BUTTON_TEXT_SIZE:
        orl_player_set_text_size(p, b->arg);
        break;
    case ORL_BUTTON_HIGH_CONTRAST:
        orl_player_set_high_contrast(p, !p->high_contrast);
        break;
    case ORL_BUTTON_REDUCE_MOTION:
        orl_player_set_reduce_motion(p, !p->reduce_motion);
        break;
    case ORL_BUTTON_VOLUME:
        orl_player_set_volume(p, (float)b->arg / 100.0f);
        break;
    case ORL_BUTTON_VOICE:
        if (!b->disabled) orl_player_set_voice(p, !p->voice);
        break;
    case ORL_BUTTON_LANGUAGE:
        if (b->arg >= 0 && b->arg < v->nlangs) {
            char code[32];
            snprintf(code, sizeof code, "%s", v->langs[b->arg]);
            orl_player_set_lang(p, code);
        }
        break;
    case ORL_BUTTON_RESUME:
        if (p->menu) orl_player_set_menu(p, 0);
        else orl_player_set_support(p, 0);
        break;
    case ORL_BUTTON_SUPPORT:
        orl_player_set_support(p, 1);
        break;
    case ORL_BUTTON_NOTE_CONTINUE:
    case ORL_BUTTON_NOTE_SKIP: {
        int ans = b->kind == ORL_BUTTON_NOTE_CONTINUE ? ORL_CARE_CONTINUE : ORL_CARE_SKIP;
        int sc = orl_run_scene(p->run);
        const orl_scene *s = sc >= 0 ? &p->st->scenes[sc] : NULL;
        if (b->arg == 0 && ans == ORL_CARE_SKIP && s && s->skip_to_idx >= 0) {
            move_on(p, -1, s->skip_to_idx); /* skip_to: the skip leads straight there (back returns here) */
            break;
        }
        if (b->arg == 0) p->scene_answer = ans;
        else p->testimony_answer = ans;
        forget_focus(p);
        break;
    }
    case ORL_BUTTON_QUIT:
        if (!p->kiosk) p->quit = 1;
        break;
    case ORL_BUTTON_TURN: {
        int c = b->arg;
        turn_to(p, c);
        p->focus_set = 1; /* the hotspot turned to has the focus */
        p->focus_kind = ORL_BUTTON_HOTSPOT;
        p->focus_arg = c;
        p->dirty = 1;
        break;
    }
    }
}

/* ---------------------------------------------------------------------------------------
 * Focus */

static int focusable(const orl_view *v, int i)
{
    if (i < 0 || i >= v->nbuttons || v->buttons[i].kind == ORL_BUTTON_TURN) return 0;
    return !v->buttons[i].hidden || v->buttons[i].turnable; /* focusing it turns the view to it */
}

/* Turns a panorama toward the hotspot of choice c (a key, Tab, an edge marker). */
static void turn_to(orl_player *p, int c)
{
    int sc = orl_run_scene(p->run);
    if (!p->panorama || sc < 0 || c < 0 || c >= p->st->scenes[sc].nchoices) return;
    const orl_choice *ch = &p->st->scenes[sc].choices[c];
    if (!ch->has_angles) return;
    orl_player_set_look(p, ch->yaw, ch->pitch, 0);
    orl_player_view(p);
}

static void set_focus(orl_player *p, int i)
{
    orl_view *v = &p->view;
    if (!focusable(v, i)) return;
    v->focus = i;
    p->focus_set = 1;
    p->focus_kind = v->buttons[i].kind;
    p->focus_arg = v->buttons[i].arg;
    if (v->buttons[i].turnable && v->buttons[i].hidden) turn_to(p, v->buttons[i].arg); /* keeps the focus */
    else orl_player__reveal(p, i);
}

void orl_player__focus(orl_player *p, int i) { set_focus(p, i); }

static int move_focus_order(orl_player *p, int step)
{
    orl_view *v = &p->view;
    if (v->nbuttons == 0) return 0;
    int i = v->focus;
    for (int k = 0; k < v->nbuttons; k++) {
        i = i < 0 ? (step > 0 ? 0 : v->nbuttons - 1) : (i + step + v->nbuttons) % v->nbuttons;
        if (focusable(v, i)) {
            set_focus(p, i);
            return 1;
        }
    }
    return 0;
}

/* Where a button stands for the arrow keys: a panorama hotspot out of view stands where its
 * edge marker is. */
static const orl_rect *nav_rect(const orl_view *v, int i)
{
    const orl_view_button *b = &v->buttons[i];
    if (b->hidden && b->turnable)
        for (int j = 0; j < v->nbuttons; j++)
            if (v->buttons[j].kind == ORL_BUTTON_TURN && v->buttons[j].arg == b->arg && !v->buttons[j].hidden)
                return &v->buttons[j].rect;
    return &b->rect;
}

/* Spatial navigation: the nearest button whose centre lies in that direction. */
static int move_focus_dir(orl_player *p, int dx, int dy)
{
    orl_view *v = &p->view;
    if (!focusable(v, v->focus)) return move_focus_order(p, 1);
    int sc = orl_run_scene(p->run);
    if (dx && p->panorama && sc >= 0 && v->buttons[v->focus].kind == ORL_BUTTON_HOTSPOT) {
        /* around a panorama, left and right go to the next hotspot that way (turning to
         * it), all the way round */
        const orl_scene *s = &p->st->scenes[sc];
        int from = v->buttons[v->focus].arg, best = -1;
        float best_d = 1e9f;
        for (int i = 0; i < v->nbuttons; i++) {
            const orl_view_button *b = &v->buttons[i];
            if (i == v->focus || b->kind != ORL_BUTTON_HOTSPOT || b->arg < 0 || b->arg >= s->nchoices || from < 0 ||
                from >= s->nchoices)
                continue;
            float d = fmodf((s->choices[b->arg].yaw - s->choices[from].yaw) * (float)dx + 720.0f, 360.0f);
            if (d < 0.01f) d = 360.0f;
            if (d < best_d) {
                best_d = d;
                best = i;
            }
        }
        if (best >= 0) {
            set_focus(p, best);
            return 1;
        }
    }
    const orl_rect *r = nav_rect(v, v->focus);
    float cx = r->x + r->w * 0.5f, cy = r->y + r->h * 0.5f;
    int best = -1;
    float best_score = 1e30f;
    for (int i = 0; i < v->nbuttons; i++) {
        if (i == v->focus || !focusable(v, i)) continue;
        const orl_rect *q = nav_rect(v, i);
        float qx = q->x + q->w * 0.5f, qy = q->y + q->h * 0.5f;
        float along = dx ? (qx - cx) * (float)dx : (qy - cy) * (float)dy;
        float across = dx ? fabsf(qy - cy) : fabsf(qx - cx);
        /* in that direction: past our edge, or at least beyond the centre */
        float edge = dx ? (dx > 0 ? (float)(q->x) - (r->x + r->w) : (float)(r->x) - (q->x + q->w))
                        : (dy > 0 ? (float)(q->y) - (r->y + r->h) : (float)(r->y) - (q->y + q->h));
        if (along <= 1.0f && edge < 0) continue;
        if (along <= 1.0f) continue;
        /* buttons in the same row or column first */
        float overlap = dx ? (float)((q->y < r->y + r->h && r->y < q->y + q->h) ? 0 : 1)
                           : (float)((q->x < r->x + r->w && r->x < q->x + q->w) ? 0 : 1);
        float score = along + across * 2.0f + overlap * 4000.0f;
        if (score < best_score) {
            best_score = score;
            best = i;
        }
    }
    if (best < 0) return 0;
    set_focus(p, best);
    return 1;
}

/* ---------------------------------------------------------------------------------------
 * Inputs */

int orl_player_input_do(orl_player *p, orl_player_input in)
{
    orl_player_view(p);
    orl_view *v = &p->view;
    int was_visible = p->focus_visible;
    switch (in) {
    case ORL_INPUT_MENU:
        if (p->kiosk && !p->menu) return 0;
        return orl_player_set_menu(p, !p->menu);
    case ORL_INPUT_BACK:
        return go_back(p);
    case ORL_INPUT_ACTIVATE:
        if (!focusable(v, v->focus)) return 0;
        orl_player__activate(p, v->focus);
        return 1;
    default:
        break;
    }
    p->focus_visible = 1;
    v->focus_visible = 1;
    if (!was_visible && focusable(v, v->focus)) return 1; /* first key: show where focus is */
    int moved = 0;
    switch (in) {
    case ORL_INPUT_UP: moved = move_focus_dir(p, 0, -1); break;
    case ORL_INPUT_DOWN: moved = move_focus_dir(p, 0, 1); break;
    case ORL_INPUT_LEFT: moved = move_focus_dir(p, -1, 0); break;
    case ORL_INPUT_RIGHT: moved = move_focus_dir(p, 1, 0); break;
    case ORL_INPUT_NEXT: moved = move_focus_order(p, 1); break;
    case ORL_INPUT_PREV: moved = move_focus_order(p, -1); break;
    default: break;
    }
    /* up and down with nothing further that way: the text scrolls, if it can */
    if (!moved && (in == ORL_INPUT_UP || in == ORL_INPUT_DOWN) && v->scroll_max > 0)
        moved = orl_player_scroll(p, in == ORL_INPUT_DOWN ? 240.0f : -240.0f);
    return moved || !was_visible;
}

int orl_player_pick_button(orl_player *p, int n)
{
    orl_player_view(p);
    orl_view *v = &p->view;
    if (n < 1) return -1;
    if (!p->menu && !p->support_open && p->screen == ORL_SCREEN_SCENE && orl_player_note_pending(p)) {
        int k = 0;
        for (int i = 0; i < v->nbuttons; i++) {
            orl_button_kind kd = v->buttons[i].kind;
            if ((kd == ORL_BUTTON_NOTE_CONTINUE || kd == ORL_BUTTON_NOTE_SKIP) && ++k == n) return i;
        }
        return -1;
    }
    if (!p->menu && !p->support_open && p->screen == ORL_SCREEN_SCENE && p->nvis > 0) {
        for (int i = 0; i < v->nbuttons; i++) {
            const orl_view_button *b = &v->buttons[i];
            if ((b->kind == ORL_BUTTON_CHOICE || b->kind == ORL_BUTTON_HOTSPOT) && b->number == n) return i;
        }
        return -1;
    }
    /* other screens: the n-th button of the screen (not the corner buttons) */
    int k = 0;
    for (int i = 0; i < v->nbuttons; i++) {
        const orl_view_button *b = &v->buttons[i];
        if (b->kind == ORL_BUTTON_BACK || b->kind == ORL_BUTTON_MENU || b->kind == ORL_BUTTON_SUPPORT || b->hidden)
            continue;
        if (++k == n) return i;
    }
    return -1;
}

int orl_player_pick(orl_player *p, int n)
{
    int i = orl_player_pick_button(p, n);
    if (i < 0) return 0;
    orl_player__activate(p, i);
    return 1;
}

int orl_view_hit(const orl_view *v, float x, float y)
{
    if (!(x >= 0 && y >= 0 && x < (float)v->canvas_w && y < (float)v->canvas_h)) return -1; /* off the screen */
    /* the last drawn is on top: search backwards */
    for (int i = v->nbuttons - 1; i >= 0; i--) {
        const orl_view_button *b = &v->buttons[i];
        if (b->hidden) continue;
        if (b->in_panel && v->scroll_max > 0 &&
            (y < v->clip.y || y >= v->clip.y + v->clip.h)) continue; /* scrolled out of sight */
        if (!(x >= b->rect.x && x < b->rect.x + b->rect.w && y >= b->rect.y && y < b->rect.y + b->rect.h)) continue;
        if (b->kind == ORL_BUTTON_HOTSPOT) {
            /* a hotspot is its point (an 88 px square) and its label, not the box around both */
            int on_point = fabsf(x - b->px) <= 44.0f && fabsf(y - b->py) <= 44.0f;
            int on_pill = x >= b->pill.x && x < b->pill.x + b->pill.w && y >= b->pill.y && y < b->pill.y + b->pill.h;
            if (!on_point && !on_pill) continue;
        }
        return i;
    }
    return -1;
}

static int hit(const orl_view *v, float x, float y) { return orl_view_hit(v, x, y); }

orl_touch_why orl_view_touch_point(const orl_view *v, int i, float *x, float *y, int *by)
{
    if (by) *by = -1;
    if (i < 0 || i >= v->nbuttons) return ORL_TOUCH_OFF_SCREEN;
    const orl_view_button *b = &v->buttons[i];
    if (b->hidden) return ORL_TOUCH_HIDDEN;
    const orl_rect *r = &b->rect;
    /* the centre first (of the pill for a hotspot: where its label is), then a grid */
    float cand[2][2] = {{r->x + r->w * 0.5f, r->y + r->h * 0.5f}, {r->x + r->w * 0.5f, r->y + r->h * 0.5f}};
    if (b->kind == ORL_BUTTON_HOTSPOT) {
        cand[0][0] = b->pill.x + b->pill.w * 0.5f;
        cand[0][1] = b->pill.y + b->pill.h * 0.5f;
        cand[1][0] = b->px;
        cand[1][1] = b->py;
    }
    int on = 0, seen = 0, cover = -1;
    for (int k = 0; k < 2 + 9 * 7; k++) {
        float px, py;
        if (k < 2) {
            px = cand[k][0];
            py = cand[k][1];
        } else {
            int gx = (k - 2) % 9, gy = (k - 2) / 9;
            px = r->x + (gx + 0.5f) * r->w / 9.0f;
            py = r->y + (gy + 0.5f) * r->h / 7.0f;
        }
        int scrolled = b->in_panel && v->scroll_max > 0 && (py < v->clip.y || py >= v->clip.y + v->clip.h);
        if (scrolled) { /* scrolling brings it */
            on = 1;
            continue;
        }
        if (!(px >= 0 && py >= 0 && px < (float)v->canvas_w && py < (float)v->canvas_h)) continue;
        on = 1;
        seen = 1;
        int h = orl_view_hit(v, px, py);
        if (h == i) {
            *x = px;
            *y = py;
            return ORL_TOUCH_OK;
        }
        if (h >= 0 && cover < 0) cover = h;
    }
    if (!on) return ORL_TOUCH_OFF_SCREEN;
    if (!seen) return ORL_TOUCH_SCROLLED_AWAY;
    if (by) *by = cover;
    return ORL_TOUCH_COVERED;
}

const char *orl_touch_why_text(orl_touch_why w)
{
    switch (w) {
    case ORL_TOUCH_OK: return "can be touched";
    case ORL_TOUCH_HIDDEN: return "is out of view";
    case ORL_TOUCH_OFF_SCREEN: return "is off the screen";
    case ORL_TOUCH_SCROLLED_AWAY: return "is scrolled out of sight";
    case ORL_TOUCH_COVERED: return "is covered by another button";
    }
    return "?";
}

int orl_player_touch(orl_player *p, int i, int *by)
{
    if (by) *by = -1;
    orl_player_view(p);
    orl_view *v = &p->view;
    if (i < 0 || i >= v->nbuttons) return ORL_TOUCH_OFF_SCREEN;
    orl_view_button *b = &v->buttons[i];
    if (b->kind == ORL_BUTTON_HOTSPOT && b->hidden && p->panorama) {
        /* a person turns the picture toward it first (a drag) */
        int sc = orl_run_scene(p->run);
        if (sc >= 0 && b->arg >= 0 && b->arg < p->st->scenes[sc].nchoices) {
            const orl_choice *c = &p->st->scenes[sc].choices[b->arg];
            orl_player_set_look(p, c->yaw, c->pitch, 0);
            orl_player_view(p);
        }
    }
    float x = 0, y = 0;
    orl_touch_why w = orl_view_touch_point(v, i, &x, &y, by);
    if (w == ORL_TOUCH_SCROLLED_AWAY) {
        /* a person scrolls the panel to it first */
        orl_player__reveal(p, i);
        w = orl_view_touch_point(v, i, &x, &y, by);
    }
    if (w != ORL_TOUCH_OK) return (int)w;
    orl_player_pointer(p, ORL_POINTER_DOWN, x, y);
    orl_player_pointer(p, ORL_POINTER_UP, x, y);
    return 0;
}

int orl_player_pointer(orl_player *p, orl_pointer_kind kind, float x, float y)
{
    orl_player_view(p);
    orl_view *v = &p->view;
    int changed = 0;
    if (p->focus_visible) {
        p->focus_visible = 0;
        v->focus_visible = 0;
        changed = 1;
    }
    int h = hit(v, x, y);
    switch (kind) {
    case ORL_POINTER_MOVE:
        if (p->panel_drag) {
            float dy = y - p->panel_drag_y;
            p->panel_drag_dist += fabsf(dy);
            p->panel_drag_y = y;
            if (p->panel_drag_dist > 12.0f) {
                /* a drag, not a tap: nothing is pressed any more */
                p->pressed = -1;
                v->pressed = -1;
                changed |= orl_player_scroll(p, -dy);
                return 1;
            }
            return changed;
        }
        if (p->dragging) {
            float dx = x - p->drag_x, dy = y - p->drag_y;
            p->drag_dist += fabsf(dx) + fabsf(dy);
            p->drag_x = x;
            p->drag_y = y;
            float k = p->look.fov / (ORL_CANVAS_W * (v->picture_k > 0 ? v->picture_k : 1.0f));
            changed |= orl_player_look(p, -dx * k, dy * k);
            return changed;
        }
        if (h != p->hover) {
            p->hover = h;
            v->hover = h;
            changed = 1;
        }
        return changed;
    case ORL_POINTER_DOWN:
        p->pressed = h;
        v->pressed = h;
        p->hover = h;
        v->hover = h;
        p->panel_drag = 0;
        if (v->scroll_max > 0 && !p->menu && x >= v->panel.x && x < v->panel.x + v->panel.w &&
            y >= v->panel.y && y < v->panel.y + v->panel.h) {
            p->panel_drag = 1;
            p->panel_drag_y = y;
            p->panel_drag_dist = 0;
        }
        if (h < 0 && !p->panel_drag && p->panorama && p->screen == ORL_SCREEN_SCENE && !p->menu) {
            p->dragging = 1;
            p->drag_x = x;
            p->drag_y = y;
            p->drag_dist = 0;
        }
        return 1;
    case ORL_POINTER_UP: {
        int was = p->pressed;
        int dragged = p->dragging || (p->panel_drag && p->panel_drag_dist > 12.0f);
        p->panel_drag = 0;
        p->pressed = -1;
        v->pressed = -1;
        p->dragging = 0;
        if (was >= 0 && was == h) {
            set_focus(p, h);
            orl_player__activate(p, h);
            return 1;
        }
        if (!dragged && was < 0 && h < 0 && p->menu && v->menu_box.w > 0) {
            /* a tap outside the settings card closes it */
            const orl_rect *m = &v->menu_box;
            if (x < m->x || x >= m->x + m->w || y < m->y || y >= m->y + m->h)
                return orl_player_set_menu(p, 0);
        }
        return 1;
    }
    case ORL_POINTER_CANCEL:
    default:
        p->pressed = -1;
        v->pressed = -1;
        p->dragging = 0;
        p->panel_drag = 0;
        p->hover = -1;
        v->hover = -1;
        return 1;
    }
}

int orl_player_look(orl_player *p, float dyaw, float dpitch)
{
    if (!p->panorama || p->screen != ORL_SCREEN_SCENE || p->menu) return 0;
    if (dyaw == 0.0f && dpitch == 0.0f) return 0;
    p->look.yaw = fmodf(p->look.yaw + dyaw, 360.0f);
    if (p->look.yaw > 180.0f) p->look.yaw -= 360.0f;
    if (p->look.yaw < -180.0f) p->look.yaw += 360.0f;
    float lim = 90.0f - p->look.fov * 0.3f;
    p->look.pitch += dpitch;
    if (p->look.pitch > lim) p->look.pitch = lim;
    if (p->look.pitch < -lim) p->look.pitch = -lim;
    if (!p->looked && p->view.hint.text) p->dirty = 1; /* the hint goes */
    p->looked = 1;
    orl_player__place_hotspots(p);
    return 1;
}

int orl_player_show_focus(orl_player *p, int show)
{
    show = show != 0;
    if (p->focus_visible == show) return 0;
    p->focus_visible = show;
    p->view.focus_visible = show;
    return 1;
}

int orl_player_tick(orl_player *p, double dt)
{
    if (dt < 0) dt = 0;
    if (dt > 0.25) dt = 0.25; /* after a long wait, do not jump */
    int moving = 0;
    p->scene_time += dt;
    p->from_time += dt;
    if (p->trans < 1.0f) {
        p->trans += (float)(dt / TRANSITION_SECONDS);
        if (p->trans >= 1.0f) {
            p->trans = 1.0f;
            p->from_scene = -1;
        }
        moving = 1;
    }
    int sc = p->picture_scene;
    if (sc >= 0 && sc < p->st->nscenes && !p->reduce_motion) {
        const orl_camera *c = &p->st->scenes[sc].camera;
        if (c->set && p->scene_time < c->seconds + dt) moving = 1;
    }
    /* a panorama nobody has turned yet sways slowly once on entry (8 s, 25 degrees each
     * way), so that it shows it turns; never with reduce motion */
    if (p->panorama && !p->looked && !p->reduce_motion && !p->menu && !p->support_open &&
        p->screen == ORL_SCREEN_SCENE && p->scene_time - dt < LOOK_AROUND_SECONDS) {
        double t = p->scene_time < LOOK_AROUND_SECONDS ? p->scene_time : LOOK_AROUND_SECONDS;
        p->look.yaw = p->look_yaw0 + 25.0f * (float)sin(2.0 * 3.14159265358979 * t / LOOK_AROUND_SECONDS);
        orl_player__place_hotspots(p);
        moving = 1;
    }
    if (orl_player__sound_moving(p)) moving = 1; /* captions follow the testimony */
    if (orl_player__speak_tick(p)) moving = 1;   /* the voice reached a testimony's recording */
    return moving;
}

/* ---------------------------------------------------------------------------------------
 * Settings */

int orl_player_set_text_size(orl_player *p, int step)
{
    if (step < 0 || step >= ORL_PLAYER_TEXT_SIZES) return -1;
    p->text_size = step;
    p->dirty = 1;
    return 0;
}

int orl_player_set_high_contrast(orl_player *p, int on)
{
    p->high_contrast = on != 0;
    p->dirty = 1;
    return 0;
}

int orl_player_set_reduce_motion(orl_player *p, int on)
{
    p->reduce_motion = on != 0;
    if (p->reduce_motion) {
        /* a crossfade under way ends now: cut */
        p->trans = 1.0f;
        p->from_scene = -1;
    }
    p->dirty = 1;
    return 0;
}

int orl_player_high_contrast(const orl_player *p) { return p->high_contrast; }
int orl_player_reduce_motion(const orl_player *p) { return p->reduce_motion; }

int orl_player_set_look(orl_player *p, float yaw, float pitch, float fov)
{
    if (!p->panorama || p->screen != ORL_SCREEN_SCENE) return -1;
    if (fov > 0) p->look.fov = fov;
    p->look.yaw = 0.0f;
    p->look.pitch = 0.0f;
    /* through orl_player_look: the same wrapping and pitch limits as the reader's moves */
    int menu = p->menu;
    p->menu = 0;
    orl_player_look(p, yaw, pitch);
    p->menu = menu;
    p->dirty = 1;
    return 0;
}

int orl_player_set_support(orl_player *p, int open)
{
    open = open != 0;
    if (open && !orl_care_has_support(p->st)) return 0;
    if (p->support_open == open) return 0;
    p->support_open = open;
    p->scroll = 0;
    forget_focus(p);
    p->dirty = 1;
    return 1;
}

int orl_player_note_pending(orl_player *p)
{
    int sc = orl_player_scene(p);
    if (sc < 0) return 0;
    orl_care_view cv = orl_care_view_of(p->st, &p->st->scenes[sc], &p->consent, (orl_care_answer)p->scene_answer,
                                        (orl_care_answer)p->testimony_answer);
    return cv.ask_scene || cv.ask_testimony;
}

int orl_player_set_menu(orl_player *p, int open)
{
    open = open != 0;
    if (p->menu == open) return 0;
    p->menu = open;
    forget_focus(p);
    p->dirty = 1;
    return 1;
}

static int lang_allowed(const orl_story *st, const char *lang)
{
    if (st->language && strcmp(st->language, lang) == 0) return 1;
    for (int i = 0; i < st->translations.n; i++)
        if (strcmp(st->translations.items[i], lang) == 0) return 1;
    return 0;
}

int orl_player_set_lang(orl_player *p, const char *lang)
{
    if (!lang || !*lang || strlen(lang) >= sizeof p->lang) return -1;
    if (strcmp(lang, p->lang) == 0) return 0;
    if (!p->path || !lang_allowed(p->st, lang)) return -1;
    /* Where the reader is, by scene id (the new story is a new set of structures). */
    int cur = orl_run_scene(p->run);
    orl_buf state = {0};
    if (cur >= 0 && orl_run_state_save(p->run, &state, &p->diags) != 0) {
        orl_buf_free(&state);
        return -1;
    }
    orl_diags d = {0};
    orl_load_opts lo = {0};
    lo.script.seed = p->seed;
    lo.lang = lang;
    orl_story *st = orl_story_load(p->path, &lo, &d);
    orl_run *run = st && !d.errors ? orl_run_new(st) : NULL;
    int ok = run != NULL;
    /* the same files: the same scenes in the same order */
    if (ok && st->nscenes != p->st->nscenes) ok = 0;
    for (int i = 0; ok && i < st->nscenes; i += st->nscenes > 64 ? st->nscenes / 64 : 1)
        if (strcmp(st->scenes[i].id, p->st->scenes[i].id) != 0) ok = 0;
    if (ok && cur >= 0 && orl_run_restore(run, cur, state.data, state.len) != 0) ok = 0;
    orl_buf_free(&state);
    if (!ok) {
        if (d.errors == 0)
            orl_diag_add(&d, ORL_ERROR, NULL, 0, 0, "lang", "cannot show the story in '%s': it changed since it was opened", lang);
        orl_diags_append(&p->diags, &d);
        orl_diags_free(&d);
        orl_run_free(run);
        orl_story_free(st);
        return -1;
    }
    orl_diags_free(&d);
    orl_run_free(p->run);
    /* not freed yet: the drawing's decoding thread may be reading its files (a use after
     * free found by ASan in the kiosk); freed once the drawing has moved to the new one */
    orl_story **nr = realloc(p->replaced, (size_t)(p->nreplaced + 1) * sizeof *nr);
    if (nr) {
        p->replaced = nr;
        p->replaced[p->nreplaced++] = p->st;
    } else {
        orl_story_free(p->st); /* out of memory: as before */
    }
    p->st = st;
    p->run = run;
    p->gen++;
    snprintf(p->lang, sizeof p->lang, "%s", lang);
    p->title_card = is_title_card(st);
    set_cover(p);
    p->from_scene = -1;
    p->trans = 1.0f;
    double t = p->scene_time;
    int picture = p->picture_scene;
    int sa = p->scene_answer, ta = p->testimony_answer;
    if (cur >= 0) load_scene(p);
    else clear_scene_cache(p);
    p->scene_answer = sa;
    p->testimony_answer = ta;
    p->picture_scene = picture;
    p->scene_time = t;
    p->dirty = 1;
    return 0;
}

/* ---------------------------------------------------------------------------------------
 * Live reload (play --watch) */

#define RELOAD_SHOWN 6 /* problems listed on the overlay; the rest are counted */

/* A diagnostic's file, relative to the story folder when it is inside it. */
static const char *short_file(const orl_player *p, const char *file)
{
    size_t n = p->path ? strlen(p->path) : 0;
    while (n > 1 && p->path[n - 1] == '/') n--;
    if (file && n && strncmp(file, p->path, n) == 0 && file[n] == '/') return file + n + 1;
    return file;
}

static void set_problems(orl_player *p, const orl_diags *d)
{
    free(p->problems);
    p->problems = NULL;
    char buf[4096];
    size_t len = 0;
    int shown = 0, more = 0;
    buf[0] = 0;
    for (size_t i = 0; i < d->n; i++) {
        const orl_diag *x = &d->items[i];
        if (x->sev != ORL_ERROR) continue;
        if (shown == RELOAD_SHOWN || len >= sizeof buf - 64) {
            more++;
            continue;
        }
        const char *file = short_file(p, x->file);
        char where[600] = "";
        if (file && x->line > 0) snprintf(where, sizeof where, "%s:%d: ", file, x->line);
        else if (file) snprintf(where, sizeof where, "%s: ", file);
        int w = snprintf(buf + len, sizeof buf - len, "%s%s%s: %s", shown ? "\n" : "", where,
                         orl_messages_words("@severity", "error"), x->msg ? x->msg : "");
        if (w < 0) break;
        len += (size_t)w < sizeof buf - len ? (size_t)w : sizeof buf - len - 1;
        shown++;
    }
    if (more && len < sizeof buf - 1)
        snprintf(buf + len, sizeof buf - len, orl_messages_words("@watch", "\n… and %d more ('orilla check' lists them all)"), more);
    p->problems = orl_strdup(buf[0] ? buf : orl_messages_words("@watch", "error: the story cannot be loaded"));
}

int orl_player_reload(orl_player *p, orl_diags *diags)
{
    if (!p->path) return -1;
    orl_diags d = {0};
    d.wording = orl_messages_current(); /* the --watch panel speaks the author's language */
    orl_load_opts lo = {0};
    lo.script.seed = p->seed;
    lo.lang = p->st->language && strcmp(p->st->language, p->lang) == 0 ? NULL : p->lang;
    orl_story *st = orl_story_load(p->path, &lo, &d);
    if (st) orl_story_check(st, NULL, &d);
    orl_run *run = st && !d.errors ? orl_run_new(st) : NULL;
    if (!run) {
        if (d.errors == 0) orl_diag_add(&d, ORL_ERROR, NULL, 0, 0, "reload", "cannot reload the story: out of memory");
        orl_diags_sort(&d);
        set_problems(p, &d);
        p->dirty = 1;
        if (diags) orl_diags_append(diags, &d);
        orl_diags_free(&d);
        orl_story_free(st);
        return -1;
    }
    orl_diags_free(&d);

    /* Where the reader is, by scene id: the new story is a new set of structures. */
    int cur = orl_run_scene(p->run), now = -1, keep = 0;
    char gone[ORL_MAX_ID + 1] = "";
    if (cur >= 0) {
        snprintf(gone, sizeof gone, "%s", p->st->scenes[cur].id);
        now = orl_story_find_scene(st, p->st->scenes[cur].id);
        orl_buf state = {0};
        if (now >= 0 && orl_run_state_save(p->run, &state, &p->diags) == 0 && !state.oom &&
            orl_run_restore(run, now, state.data, state.len) == 0)
            keep = 1;
        orl_buf_free(&state);
    }
    /* history: the steps whose scene is still there, with their new indexes */
    int k = 0;
    for (int i = 0; i < p->nhist; i++) {
        int s = keep ? orl_story_find_scene(st, p->st->scenes[p->hist[i].scene].id) : -1;
        if (s < 0) {
            free(p->hist[i].state);
            continue;
        }
        p->hist[k] = p->hist[i];
        p->hist[k++].scene = s;
    }
    p->nhist = k;

    /* the old story is freed after the new one is drawn (~40 ms for 10,000 scenes that the
     * author would otherwise wait for) */
    orl_player_retire(p);
    p->old_st = p->st;
    p->old_run = p->run;
    p->st = st;
    p->run = run;
    p->gen++;
    if (!lang_allowed(st, p->lang)) snprintf(p->lang, sizeof p->lang, "%s", st->language ? st->language : "en");
    p->title_card = is_title_card(st);
    set_cover(p);
    free(p->problems);
    p->problems = NULL;
    p->from_scene = -1;
    p->trans = 1.0f;
    forget_focus(p);
    if (p->support_open && !orl_care_has_support(st)) p->support_open = 0;
    if (cur >= 0 && keep) {
        double t = p->scene_time;
        int sa = p->scene_answer, ta = p->testimony_answer;
        load_scene(p);
        p->scene_answer = sa;
        p->testimony_answer = ta;
        p->scene_time = t;
        if (p->screen == ORL_SCREEN_CARE && st->nsupport == 0) set_screen(p, ORL_SCREEN_CREDITS);
    } else if (cur >= 0) {
        p->picture_scene = -1;
        p->menu = 0;
        enter_story(p);
        char msg[ORL_MAX_ID + 96];
        if (now < 0) snprintf(msg, sizeof msg, orl_messages_words("@watch", "The scene \"%s\" is gone: back to the start."), gone);
        else snprintf(msg, sizeof msg, orl_messages_words("@watch", "The story's state no longer fits \"%s\": back to the start."), gone);
        p->notice = orl_strdup(msg);
    } else {
        int menu = p->menu;
        first_screen(p);
        p->menu = menu;
    }
    p->dirty = 1;
    return 0;
}

void orl_player__drop_replaced(orl_player *p)
{
    for (int i = 0; i < p->nreplaced; i++) orl_story_free(p->replaced[i]);
    free(p->replaced);
    p->replaced = NULL;
    p->nreplaced = 0;
}

void orl_player_retire(orl_player *p)
{
    orl_run_free(p->old_run);
    orl_story_free(p->old_st);
    p->old_run = NULL;
    p->old_st = NULL;
}

const char *orl_player_reload_problems(const orl_player *p) { return p->problems; }
const char *orl_player_notice(const orl_player *p) { return p->notice; }

void orl_player_restart(orl_player *p)
{
    p->menu = 0;
    p->support_open = 0;
    first_screen(p);
}

int orl_player_goto_scene(orl_player *p, int scene)
{
    if (scene < 0 || scene >= p->st->nscenes) return -1;
    clear_history(p);
    if (reset_run(p) != 0) return -1;
    p->menu = 0;
    set_screen(p, ORL_SCREEN_SCENE);
    orl_run_enter(p->run, scene, &p->diags);
    p->from_scene = -1;
    p->trans = 1.0f;
    p->scene_time = 0.0;
    load_scene(p);
    return 0;
}

int orl_player_goto_screen(orl_player *p, orl_player_screen s)
{
    switch (s) {
    case ORL_SCREEN_TITLE:
        p->picture_scene = p->st->start_idx;
        set_screen(p, s);
        return 0;
    case ORL_SCREEN_WARNINGS:
        if (!p->st->warnings.n) return -1;
        p->picture_scene = p->st->start_idx;
        set_screen(p, s);
        return 0;
    case ORL_SCREEN_SCENE:
        enter_story(p);
        return 0;
    case ORL_SCREEN_CARE:
    case ORL_SCREEN_CREDITS:
        if (p->picture_scene < 0) p->picture_scene = p->st->start_idx;
        set_screen(p, s);
        return 0;
    }
    return -1;
}

/* ---------------------------------------------------------------------------------------
 * Queries */

orl_player_screen orl_player_screen_now(const orl_player *p) { return p->screen; }

void orl_player_set_screen(orl_player *p, int w, int h)
{
    if (w <= 0 || h <= 0) w = ORL_CANVAS_W, h = ORL_CANVAS_H;
    if (w == p->screen_w && h == p->screen_h) return;
    p->screen_w = w;
    p->screen_h = h;
    p->dirty = 1;
}
int orl_player_menu_open(const orl_player *p) { return p->menu; }
int orl_player_scene(const orl_player *p) { return p->screen == ORL_SCREEN_SCENE ? orl_run_scene(p->run) : -1; }
int orl_player_history(const orl_player *p) { return p->nhist; }
orl_story *orl_player_story(const orl_player *p) { return p->st; }
const char *orl_player_lang(const orl_player *p) { return p->lang; }
int orl_player_text_size(const orl_player *p) { return p->text_size; }
int orl_player_quit_requested(const orl_player *p) { return p->quit; }
int orl_player_leave_count(const orl_player *p) { return p->leave_count; }
orl_diags *orl_player_diags(orl_player *p) { return &p->diags; }
unsigned orl_player_story_generation(const orl_player *p) { return p->gen; }

int orl_player_state(orl_player *p, orl_buf *out)
{
    return orl_run_state_save(p->run, out, &p->diags);
}

int orl_player__scene_is_end(const orl_player *p) { return scene_is_end(p); }
