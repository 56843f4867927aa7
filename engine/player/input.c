/* SDL events into player inputs: keyboard, mouse, touch, gamepads. The renderer's logical
 * size already maps mouse coordinates to the canvas and finger coordinates to 0..1 of it. */
#include "player/player_internal.h"
#include <math.h>

#define STICK_DEAD 0.45f   /* left stick: how far before it moves the focus */
#define STICK_REPEAT_MS 280
#define LOOK_DEAD 0.15f
#define LOOK_SPEED 90.0f   /* degrees per second at full right-stick deflection */
#define KEY_LOOK 6.0f      /* degrees per arrow key press (repeats while held) */

static void open_pad(orl_input_state *is, int index)
{
    if (is->npads >= (int)(sizeof is->pads / sizeof *is->pads) || !SDL_IsGameController(index)) return;
    SDL_GameController *c = SDL_GameControllerOpen(index);
    if (c) is->pads[is->npads++] = c;
}

static void close_pad(orl_input_state *is, SDL_JoystickID id)
{
    for (int i = 0; i < is->npads; i++) {
        SDL_Joystick *j = SDL_GameControllerGetJoystick(is->pads[i]);
        if (j && SDL_JoystickInstanceID(j) == id) {
            SDL_GameControllerClose(is->pads[i]);
            is->pads[i] = is->pads[--is->npads];
            return;
        }
    }
}

void orl_input_close(orl_input_state *is)
{
    for (int i = 0; i < is->npads; i++) SDL_GameControllerClose(is->pads[i]);
    is->npads = 0;
}

static int key(orl_player *p, orl_input_state *is, const SDL_KeyboardEvent *k)
{
    SDL_Keycode sym = k->keysym.sym;
    int pano = orl_player_screen_now(p) == ORL_SCREEN_SCENE && !orl_player_menu_open(p) && p->panorama;
    if (sym >= SDLK_1 && sym <= SDLK_9) return orl_player_pick(p, (int)(sym - SDLK_1) + 1);
    if (sym >= SDLK_KP_1 && sym <= SDLK_KP_9) return orl_player_pick(p, (int)(sym - SDLK_KP_1) + 1);
    switch (sym) {
    case SDLK_UP: return pano ? orl_player_look(p, 0, KEY_LOOK) : orl_player_input_do(p, ORL_INPUT_UP);
    case SDLK_DOWN: return pano ? orl_player_look(p, 0, -KEY_LOOK) : orl_player_input_do(p, ORL_INPUT_DOWN);
    case SDLK_LEFT: return pano ? orl_player_look(p, -KEY_LOOK, 0) : orl_player_input_do(p, ORL_INPUT_LEFT);
    case SDLK_RIGHT: return pano ? orl_player_look(p, KEY_LOOK, 0) : orl_player_input_do(p, ORL_INPUT_RIGHT);
    case SDLK_TAB:
        return orl_player_input_do(p, (k->keysym.mod & KMOD_SHIFT) ? ORL_INPUT_PREV : ORL_INPUT_NEXT);
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
    case SDLK_SPACE:
        if (k->repeat) return 0;
        return orl_player_input_do(p, ORL_INPUT_ACTIVATE);
    case SDLK_BACKSPACE:
    case SDLK_AC_BACK:
        if (k->repeat) return 0;
        return orl_player_input_do(p, ORL_INPUT_BACK);
    case SDLK_ESCAPE:
        if (k->repeat || is->kiosk) return 0;
        return orl_player_input_do(p, ORL_INPUT_MENU);
    case SDLK_PAGEDOWN:
        return orl_player_scroll(p, 400);
    case SDLK_PAGEUP:
        return orl_player_scroll(p, -400);
    case SDLK_F11:
        if (!is->kiosk) is->fullscreen_toggle = 1;
        return 0;
    default:
        return 0;
    }
}

static int pad_button(orl_player *p, Uint8 button)
{
    switch (button) {
    case SDL_CONTROLLER_BUTTON_A: return orl_player_input_do(p, ORL_INPUT_ACTIVATE);
    case SDL_CONTROLLER_BUTTON_B: return orl_player_input_do(p, ORL_INPUT_BACK);
    case SDL_CONTROLLER_BUTTON_START: return orl_player_input_do(p, ORL_INPUT_MENU);
    case SDL_CONTROLLER_BUTTON_DPAD_UP: return orl_player_input_do(p, ORL_INPUT_UP);
    case SDL_CONTROLLER_BUTTON_DPAD_DOWN: return orl_player_input_do(p, ORL_INPUT_DOWN);
    case SDL_CONTROLLER_BUTTON_DPAD_LEFT: return orl_player_input_do(p, ORL_INPUT_LEFT);
    case SDL_CONTROLLER_BUTTON_DPAD_RIGHT: return orl_player_input_do(p, ORL_INPUT_RIGHT);
    case SDL_CONTROLLER_BUTTON_LEFTSHOULDER: return orl_player_input_do(p, ORL_INPUT_PREV);
    case SDL_CONTROLLER_BUTTON_RIGHTSHOULDER: return orl_player_input_do(p, ORL_INPUT_NEXT);
    default: return 0;
    }
}

int orl_player__event(orl_player *p, orl_input_state *is, const SDL_Event *e)
{
    switch (e->type) {
    case SDL_KEYDOWN:
        return key(p, is, &e->key);
    case SDL_MOUSEMOTION:
        if (e->motion.which == SDL_TOUCH_MOUSEID) return 0; /* fingers come as finger events */
        return orl_player_pointer(p, ORL_POINTER_MOVE, (float)e->motion.x, (float)e->motion.y);
    case SDL_MOUSEBUTTONDOWN:
        if (e->button.which == SDL_TOUCH_MOUSEID || e->button.button != SDL_BUTTON_LEFT) return 0;
        return orl_player_pointer(p, ORL_POINTER_DOWN, (float)e->button.x, (float)e->button.y);
    case SDL_MOUSEBUTTONUP:
        if (e->button.which == SDL_TOUCH_MOUSEID) return 0;
        if (e->button.button == SDL_BUTTON_X1) return orl_player_input_do(p, ORL_INPUT_BACK);
        if (e->button.button != SDL_BUTTON_LEFT) return 0;
        return orl_player_pointer(p, ORL_POINTER_UP, (float)e->button.x, (float)e->button.y);
    case SDL_MOUSEWHEEL: {
        float dy = e->wheel.preciseY != 0 ? e->wheel.preciseY : (float)e->wheel.y;
        if (e->wheel.direction == SDL_MOUSEWHEEL_FLIPPED) dy = -dy;
        return orl_player_scroll(p, -dy * 90.0f);
    }
    case SDL_FINGERDOWN:
        if (is->finger_down) return 0; /* one finger at a time */
        is->finger_down = 1;
        is->finger = e->tfinger.fingerId;
        return orl_player_pointer(p, ORL_POINTER_DOWN, e->tfinger.x * orl_player_view(p)->canvas_w, e->tfinger.y * orl_player_view(p)->canvas_h);
    case SDL_FINGERMOTION:
        if (!is->finger_down || e->tfinger.fingerId != is->finger) return 0;
        return orl_player_pointer(p, ORL_POINTER_MOVE, e->tfinger.x * orl_player_view(p)->canvas_w, e->tfinger.y * orl_player_view(p)->canvas_h);
    case SDL_FINGERUP:
        if (!is->finger_down || e->tfinger.fingerId != is->finger) return 0;
        is->finger_down = 0;
        {
            int r = orl_player_pointer(p, ORL_POINTER_UP, e->tfinger.x * orl_player_view(p)->canvas_w, e->tfinger.y * orl_player_view(p)->canvas_h);
            /* a finger that left leaves nothing hovered */
            return r | orl_player_pointer(p, ORL_POINTER_MOVE, -1.0f, -1.0f);
        }
    case SDL_CONTROLLERDEVICEADDED:
        open_pad(is, e->cdevice.which);
        return 0;
    case SDL_CONTROLLERDEVICEREMOVED:
        close_pad(is, e->cdevice.which);
        return 0;
    case SDL_CONTROLLERBUTTONDOWN:
        return pad_button(p, e->cbutton.button);
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_FOCUS_LOST || e->window.event == SDL_WINDOWEVENT_LEAVE) {
            is->finger_down = 0;
            return orl_player_pointer(p, ORL_POINTER_CANCEL, 0, 0);
        }
        return 0;
    default:
        return 0;
    }
}

static float axis(SDL_GameController *c, SDL_GameControllerAxis a)
{
    return (float)SDL_GameControllerGetAxis(c, a) / 32767.0f;
}

int orl_player__poll_sticks(orl_player *p, orl_input_state *is, double dt, int *moving)
{
    *moving = 0;
    if (is->npads == 0) return 0;
    float lx = 0, ly = 0, rx = 0, ry = 0;
    for (int i = 0; i < is->npads; i++) {
        float v;
        if (fabsf(v = axis(is->pads[i], SDL_CONTROLLER_AXIS_LEFTX)) > fabsf(lx)) lx = v;
        if (fabsf(v = axis(is->pads[i], SDL_CONTROLLER_AXIS_LEFTY)) > fabsf(ly)) ly = v;
        if (fabsf(v = axis(is->pads[i], SDL_CONTROLLER_AXIS_RIGHTX)) > fabsf(rx)) rx = v;
        if (fabsf(v = axis(is->pads[i], SDL_CONTROLLER_AXIS_RIGHTY)) > fabsf(ry)) ry = v;
    }
    int changed = 0;
    Uint32 now = SDL_GetTicks();
    if (fabsf(lx) > STICK_DEAD || fabsf(ly) > STICK_DEAD) {
        *moving = 1; /* keep polling while held */
        if ((Sint32)(now - is->stick_next) >= 0) {
            orl_player_input in = fabsf(lx) > fabsf(ly) ? (lx > 0 ? ORL_INPUT_RIGHT : ORL_INPUT_LEFT)
                                                         : (ly > 0 ? ORL_INPUT_DOWN : ORL_INPUT_UP);
            changed |= orl_player_input_do(p, in);
            is->stick_next = now + STICK_REPEAT_MS;
        }
    } else {
        is->stick_next = now;
    }
    if (fabsf(rx) > LOOK_DEAD || fabsf(ry) > LOOK_DEAD) {
        float k = (float)dt * LOOK_SPEED;
        float dx = fabsf(rx) > LOOK_DEAD ? rx : 0, dy = fabsf(ry) > LOOK_DEAD ? ry : 0;
        if (orl_player_look(p, dx * k, -dy * k)) {
            changed = 1;
            *moving = 1;
        }
    }
    return changed;
}
