/* The floor: the least an SDL2 program can do for shared/bench's GUI story (its "Hook
 * contract, for the C engine", ext mode): a fullscreen window with SDL's software renderer,
 * the title picture, Return to scene s01, keys 1-3 to the scene each choice leads to
 * (scene i goes to i+1, i+3, i+6 mod 10, as gen_story.py writes it), SIGTERM to quit. No
 * text, no story, no fonts, no caching beyond the picture on screen.
 *
 * It is not Orilla: it is what any engine built on SDL2 + SDL_image pays on this machine
 * before doing anything of its own, so scripts/bench can print Orilla's figures next to it.
 *
 *   sdl_floor IMAGES_DIR     (title.png, bg01.png ... bg10.png) */
#include <SDL2/SDL.h>
#include <SDL2/SDL_image.h>
#include <stdio.h>

static SDL_Texture *picture(SDL_Renderer *r, const char *dir, int scene)
{
    char path[4096];
    if (scene == 0) snprintf(path, sizeof path, "%s/title.png", dir);
    else snprintf(path, sizeof path, "%s/bg%02d.png", dir, scene);
    SDL_Surface *s = IMG_Load(path);
    if (!s) {
        fprintf(stderr, "sdl_floor: %s: %s\n", path, IMG_GetError());
        return NULL;
    }
    SDL_Texture *t = SDL_CreateTextureFromSurface(r, s);
    SDL_FreeSurface(s);
    return t;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: sdl_floor IMAGES_DIR\n");
        return 2;
    }
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0"); /* no GL context: MEASURED.md */
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "sdl_floor: %s\n", SDL_GetError());
        return 2;
    }
    SDL_Window *w = SDL_CreateWindow("floor", 0, 0, 1920, 1080, SDL_WINDOW_FULLSCREEN_DESKTOP);
    SDL_Renderer *r = w ? SDL_CreateRenderer(w, -1, SDL_RENDERER_SOFTWARE) : NULL;
    if (!r) {
        fprintf(stderr, "sdl_floor: %s\n", SDL_GetError());
        return 2;
    }
    int scene = 0, need = 1;
    SDL_Texture *tex = picture(r, argv[1], scene);
    for (;;) {
        if (need) {
            SDL_RenderClear(r);
            if (tex) SDL_RenderCopy(r, tex, NULL, NULL);
            SDL_RenderPresent(r);
            need = 0;
        }
        SDL_Event e;
        if (!SDL_WaitEvent(&e)) break;
        if (e.type == SDL_QUIT) break;
        if (e.type == SDL_WINDOWEVENT) need = 1;
        if (e.type != SDL_KEYDOWN) continue;
        int next = -1;
        SDL_Keycode k = e.key.keysym.sym;
        if (scene == 0 && (k == SDLK_RETURN || k == SDLK_KP_ENTER)) next = 1;
        else if (scene > 0 && k >= SDLK_1 && k <= SDLK_3) {
            static const int step[3] = {1, 3, 6};
            next = (scene - 1 + step[k - SDLK_1]) % 10 + 1;
        }
        if (next < 0) continue;
        SDL_DestroyTexture(tex);
        scene = next;
        tex = picture(r, argv[1], scene);
        need = 1;
    }
    SDL_DestroyTexture(tex);
    SDL_DestroyRenderer(r);
    SDL_DestroyWindow(w);
    SDL_Quit();
    return 0;
}
