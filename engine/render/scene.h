/* Drawing a scene's picture: background, 2.5D layers under a moving camera, 360° panoramas,
 * and transitions between scenes. Everything draws into an SDL_Renderer on a logical canvas
 * of ORL_CANVAS_W x ORL_CANVAS_H (1920x1080), so a window and a headless surface (SDL's
 * software renderer) are the same code. Images are read through the story's orl_fs (folder
 * or bundle), their headers checked against ORL_MAX_IMAGE_PIXELS before decoding.
 *
 * This module never calls Lua and never sees the story state: it draws what it is given.
 *
 * What is drawn:
 *   - a scene with a panorama: the panorama under a look (the background and layers are not);
 *   - otherwise its background (cover-fit: fills the canvas, centred, cropping what is over),
 *     then its layers from the farthest to the nearest, under the camera (below); under a
 *     scene with no picture at all, or a picture that cannot be shown, a calm dark gradient.
 *
 * Layers and camera: the camera starts at camera.from looking into the picture; a layer of
 * depth d (1 = the screen, bigger = farther) is a plane d away, sized so that at the start
 * it fills the canvas like a background: at t = 0 every layer lines up as the author
 * composed them, whatever their depths. The camera then moves by camera.to - camera.from
 * (x to the right, y up, z towards the viewer: a negative z walks into the picture), eased
 * in and out over camera.seconds; nearer layers move more. The whole picture is zoomed by
 * the least factor that keeps every layer's edge off the canvas during the whole move
 * (borders that are fully transparent do not count), at most ORL_CAMERA_MAX_ZOOM; a layer
 * that needs more is enlarged on its own (and a warning says so). The background is at
 * infinity: the camera's move does not shift it.
 *
 * On SDL's software renderer (desc.software = 1) pictures are drawn by Orilla's own code at
 * sub-pixel positions (bilinear, rows split across the cores) into a streaming texture as
 * large as the canvas is on the output (at most 1920x1080), then copied; a view that did not
 * change since the last call is copied again without being redrawn. On other renderers
 * layers are SDL_RenderGeometry quads with float vertices. Panoramas always use the CPU
 * sampler (a sphere mesh through SDL_RenderGeometry is 25-28 ms a frame in software).
 *
 * Scenes are known by their address: after the story is freed or reloaded, call
 * orl_scene_renderer_flush before drawing scenes of the new one. */
#ifndef ORL_RENDER_SCENE_H
#define ORL_RENDER_SCENE_H
#include <SDL2/SDL.h>
#include "bundle/fs.h"
#include "core/diag.h"
#include "story/story.h"

#define ORL_CANVAS_W 1920
#define ORL_CANVAS_H 1080

typedef struct orl_scene_renderer orl_scene_renderer;
typedef struct orl_ahead orl_ahead; /* decodes pictures ahead on a thread */

typedef struct orl_scene_renderer_desc {
    SDL_Renderer *renderer; /* required; not owned */
    orl_fs *fs;             /* the story's files; not owned */
    size_t texture_budget;  /* bytes of decoded images kept; 0 = ORL_IMAGE_CACHE_BYTES (256 MB).
                               The pictures of the scene being drawn are kept even past it. */
    int software;           /* 1 when the renderer is SDL's software one: pictures are then
                               drawn by Orilla's own CPU code (sub-pixel, multi-threaded) */
} orl_scene_renderer_desc;

/* NULL (with an SDL error) when desc or desc->renderer is missing or memory runs out. Starts
 * one drawing thread per extra core (ORILLA_RENDER_THREADS=N in the environment overrides). */
orl_scene_renderer *orl_scene_renderer_create(const orl_scene_renderer_desc *desc);
void orl_scene_renderer_free(orl_scene_renderer *sr);

/* Where the viewer looks in a panorama (degrees): yaw 0 is the middle of the equirectangular
 * picture, growing to the right (90 is a quarter of the picture to the right of the middle);
 * pitch 0 is the horizon, 90 straight up; fov is the width of the canvas, 1 to 170
 * (the story format allows 20 to 150; the scene's default is 90). */
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

/* Draws the transition from scene a (at ta) to scene b (at tb), `progress` from 0 to 1
 * (each under its own look). A cut draws b; a crossfade draws b over a with alpha
 * `progress`; a fade through black darkens a until half way, then lightens b. a or b may be
 * NULL (the calm gradient). */
void orl_scene_draw_transition(orl_scene_renderer *sr, orl_transition_kind kind, float progress,
                               const orl_scene *a, double ta, const orl_scene *b, double tb,
                               orl_diags *diags);

/* Reads and decodes the picture `name` whole, as drawing it would, and keeps nothing: 0 when
 * it can be shown, else -1 with the decoder's reason in why ("read beyond end of data"). For
 * `orilla check` (story/lint.h, decode_image). */
int orl_image_verify(orl_fs *fs, const char *name, char *why, size_t whylen);
/* The picture `name` decoded and scaled (linear, by halves) to fill w x h, cropped to that
 * shape around its centre: a new ARGB8888 surface for a small preview (the kiosk's story
 * cards), or NULL with the reason in why. */
SDL_Surface *orl_image_preview(orl_fs *fs, const char *name, int w, int h, char *why, size_t whylen);

/* Decoding ahead, on a thread of low priority, so that a choice does not wait for a decoder.
 * The pictures of these n scenes (the one on screen first, then the targets of its visible
 * choices) are read, checked and decoded in this order; what was asked for before and is not
 * in the list is dropped. What is decoded ahead counts against the image budget (at most
 * half of it). Problems are reported when a scene is drawn, as always. */
void orl_scene_prefetch(orl_scene_renderer *sr, const orl_scene *const *scenes, int n);

/* The first scene's pictures, decoded ahead while the window opens (there is no renderer
 * yet): start it as soon as the story is loaded, then hand it to the renderer made on the same
 * fs, which goes on with it (a picture being decoded is waited for, not decoded twice). fs
 * must outlive it. NULL when the scene has no pictures or no thread could start (nothing
 * lost: drawing decodes them). */
orl_ahead *orl_ahead_start(orl_fs *fs, const orl_scene *s);
/* Takes a (NULL: nothing); sr may be NULL or on another fs (then a is only freed). */
void orl_scene_renderer_adopt(orl_scene_renderer *sr, orl_ahead *a);
/* Stops a and frees it and what it decoded. */
void orl_ahead_free(orl_ahead *a);

/* Projects a panorama direction (yaw, pitch in degrees) to canvas pixels under `look`
 * (NULL: yaw 0, pitch 0, fov 90). Returns 1 when it is on the canvas; 0 when it is behind
 * the viewer (x, y untouched) or in front but off the canvas (x, y set: where it would be,
 * e.g. to point an arrow at it). */
int orl_panorama_project(const orl_look *look, float yaw, float pitch, float *x, float *y);

/* Drops every cached picture and frame, and forgets which problems were reported (e.g.
 * when the files changed under --watch, or another story is loaded). */
void orl_scene_renderer_flush(orl_scene_renderer *sr);

#endif
