/* The renderer policy shared by the player and the kiosk (gpu.h). */
#include "render/gpu.h"
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int orl_have_dri(const char *kind)
{
    char pat[64];
    snprintf(pat, sizeof pat, "/dev/dri/%s*", kind);
    glob_t gl;
    int found = glob(pat, 0, NULL, &gl) == 0;
    if (found) globfree(&gl);
    return found;
}

int orl_gpu_unlikely(void)
{
    const char *s = getenv("LIBGL_ALWAYS_SOFTWARE");
    if (s && *s && strcmp(s, "0") != 0) return 1;
    s = getenv("GALLIUM_DRIVER");
    if (s && (strstr(s, "llvmpipe") || strstr(s, "softpipe") || strstr(s, "swr"))) return 1;
    return !orl_have_dri("renderD") && !orl_have_dri("card");
}

int orl_renderer_is_software(SDL_Renderer *r)
{
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(r, &info) != 0) return 0;
    if (info.flags & SDL_RENDERER_SOFTWARE) return 1;
    if (!(info.flags & SDL_RENDERER_ACCELERATED)) return 1;
    if (strncmp(info.name, "opengl", 6) != 0) return 0;
    typedef const unsigned char *(*get_string_fn)(unsigned int);
    get_string_fn gs = (get_string_fn)SDL_GL_GetProcAddress("glGetString");
    if (!gs) return 0;
    const char *name = (const char *)gs(0x1F01 /* GL_RENDERER */);
    if (!name) return 0;
    return strstr(name, "llvmpipe") || strstr(name, "softpipe") || strstr(name, "Software") ||
           strstr(name, "swrast") || strstr(name, "SWR");
}
