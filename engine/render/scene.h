/* Drawing a scene's picture: background, 2.5D layers under a moving camera, 360° panoramas,
 * and transitions between scenes. Everything draws into an SDL_Renderer on a logical canvas
 * of ORL_CANVAS_W x ORL_CANVAS_H (1920x1080), so a window and a headless surface (SDL's
 * software renderer) are the same code. Images are read through the story's orl_fs (folder
 * or bundle), their headers checked against ORL_MAX_IMAGE_PIXELS before decoding.
 *
 * This module never calls Lua and never sees the story state: it draws what it is given. */
#ifndef ORL_RENDER_SCENE_H
#define ORL_RENDER_SCENE_H
#include <SDL2/SDL.h>
#include "bundle/fs.h"
#include "core/diag.h"
#include "story/story.h"

#define ORL_CANVAS_W 1920
#define ORL_CANVAS_H 1080

typedef struct orl_scene_renderer orl_scene_renderer;

typedef struct orl_scene_renderer_desc {
    SDL_Renderer *renderer; /* required; not owned */
    orl_fs *fs;             /* the story's files; not owned */
    size_t texture_budget;  /* bytes of decoded images kept; 0 = 256 MB */
    int software;           /* 1 when the renderer is SDL's software one (panoramas use the
                               CPU sampler instead of a sphere mesh) */
} orl_scene_renderer_desc;

orl_scene_renderer *orl_scene_renderer_create(const orl_scene_renderer_desc *desc);
void orl_scene_renderer_free(orl_scene_renderer *sr);

/* Where the viewer looks in a panorama (degrees). */
typedef struct orl_look {
    float yaw, pitch, fov;
} orl_look;

/* Draws scene `s` at `t` seconds after it started (camera moves ease over camera.seconds),
 * covering the whole canvas (the caller has set the logical size / viewport). Images that
 * are missing, unreadable or too large are drawn as a calm dark placeholder and reported
 * once in diags (file:line of the scene), never a crash. look may be NULL (the scene's own
 * look). Returns 1 while something is still moving (camera, transition), 0 when a frame
 * drawn now would equal the last (the caller may then sleep). */
int orl_scene_draw(orl_scene_renderer *sr, const orl_scene *s, double t, const orl_look *look, orl_diags *diags);

typedef enum orl_transition_kind {
    ORL_TRANSITION_CUT = 0,
    ORL_TRANSITION_CROSSFADE,
    ORL_TRANSITION_FADE_BLACK,
} orl_transition_kind;

/* Draws the transition from scene a (at ta) to scene b (at tb), `progress` from 0 to 1. */
void orl_scene_draw_transition(orl_scene_renderer *sr, orl_transition_kind kind, float progress,
                               const orl_scene *a, double ta, const orl_scene *b, double tb,
                               orl_diags *diags);

/* Starts decoding the images of scene s (e.g. the targets of the visible choices) so the
 * next transition does not stall. May do nothing. */
void orl_scene_prefetch(orl_scene_renderer *sr, const orl_scene *s);

/* Projects a panorama direction (yaw, pitch in degrees) to canvas pixels under `look`.
 * Returns 0 when the direction is behind the viewer or off the canvas. */
int orl_panorama_project(const orl_look *look, float yaw, float pitch, float *x, float *y);

/* Drops every cached texture (e.g. when the files changed under --watch). */
void orl_scene_renderer_flush(orl_scene_renderer *sr);

#endif
