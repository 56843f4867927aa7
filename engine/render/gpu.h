/* Which SDL renderer a window should get: one policy for the player's window and the kiosk's
 * (engine/player/runners.c, engine/kiosk/kiosk_run.c).
 *
 *   auto: SDL's software renderer when the machine most likely has no GPU Mesa could use
 *   (no /dev/dri, LIBGL_ALWAYS_SOFTWARE, GALLIUM_DRIVER=llvmpipe), else OpenGL; and when the
 *   OpenGL context turns out to be a software rasteriser (llvmpipe, softpipe, swrast), the
 *   window is opened again with SDL's software renderer, which is lighter for what Orilla
 *   draws (and presents where GL through llvmpipe showed a black screen under cage). */
#ifndef ORL_RENDER_GPU_H
#define ORL_RENDER_GPU_H
#include <SDL2/SDL.h>

/* 1 when /dev/dri/KIND* exists ("card", "renderD"). */
int orl_have_dri(const char *kind);
/* 1 when this machine most likely has no GPU Mesa could use. */
int orl_gpu_unlikely(void);
/* 1 when r is SDL's software renderer, or OpenGL whose GL_RENDERER names a software
 * rasteriser. */
int orl_renderer_is_software(SDL_Renderer *r);

#endif
