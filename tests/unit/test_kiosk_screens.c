/* What a kiosk visitor sees: a way back from the language and story pickers, the story list
 * mirrored in Arabic (and its golden, tests/golden/kiosk_stories_ar.png), the operator's corner
 * hold showing its progress, no horizontal stripes on a scaled screen (1280x720, as under
 * cage), story cards with their cover pictures and a generated cover for a story that has
 * none, "touch to begin" on a plate that keeps it readable over any art (contrast >= 4.5:1).
 *
 * ORILLA_KIOSK_SHOTS=DIR also writes each screen in es, en, fr and ar there, to look at. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "golden.h"
#include "tmpdir.h"

#include <math.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strutil.h"
#include "kiosk/kiosk.h"
#include "kiosk/kiosk_internal.h"

typedef struct canvas {
    SDL_Surface *s;
    SDL_Renderer *r;
} canvas;

static canvas canvas_make(int w, int h)
{
    canvas c;
    c.s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(c.s);
    c.r = SDL_CreateSoftwareRenderer(c.s);
    assert_non_null(c.r);
    SDL_RenderSetLogicalSize(c.r, ORL_CANVAS_W, ORL_CANVAS_H);
    return c;
}

static void canvas_free(canvas *c)
{
    SDL_DestroyRenderer(c->r);
    SDL_FreeSurface(c->s);
}

typedef struct fixture {
    orl_kiosk_config cfg;
    orl_kiosk *k;
} fixture;

/* The e2e tests' kiosk (tests/data/kiosk/kiosk.lua): tres-caminos and player-basic, es en fr ar. */
static void open_kiosk(fixture *f, canvas *c)
{
    memset(f, 0, sizeof *f);
    orl_kiosk_config_defaults(&f->cfg);
    orl_diags d = {0};
    assert_int_equal(orl_kiosk_config_load(ORL_TEST_DATA "/kiosk/kiosk.lua", &f->cfg, &d), 0);
    orl_diags_free(&d);
    orl_kiosk_desc kd = {0};
    kd.config = &f->cfg;
    kd.renderer = c->r;
    kd.software = 1;
    f->k = orl_kiosk_create(&kd);
    assert_non_null(f->k);
    assert_int_equal(orl_kiosk_story_count(f->k), 2);
}

static void close_kiosk(fixture *f)
{
    orl_kiosk_free(f->k);
    orl_kiosk_config_free(&f->cfg);
}

static void tap(orl_kiosk *k, float x, float y)
{
    orl_kiosk_pointer(k, ORL_POINTER_DOWN, x, y);
    orl_kiosk_tick(k, 0.1);
    orl_kiosk_pointer(k, ORL_POINTER_UP, x, y);
}

static void pass(orl_kiosk *k, double s)
{
    for (double t = 0; t < s - 1e-9; t += 0.05) orl_kiosk_tick(k, 0.05);
}

static void draw(orl_kiosk *k, canvas *c)
{
    orl_kiosk_draw(k);
    SDL_RenderPresent(c->r);
}

static void maybe_save(canvas *c, const char *name)
{
    const char *dir = getenv("ORILLA_KIOSK_SHOTS");
    if (!dir || !*dir) return;
    char path[1024];
    snprintf(path, sizeof path, "%s/%s.png", dir, name);
    SDL_Surface *out = SDL_ConvertSurfaceFormat(c->s, SDL_PIXELFORMAT_RGB24, 0);
    if (out) IMG_SavePNG(out, path);
    SDL_FreeSurface(out);
}

static void pixel(const canvas *c, int x, int y, int *r, int *g, int *b)
{
    Uint32 p = ((const Uint32 *)((const Uint8 *)c->s->pixels + (size_t)y * (size_t)c->s->pitch))[x];
    *r = (int)((p >> 16) & 255);
    *g = (int)((p >> 8) & 255);
    *b = (int)(p & 255);
}

static const kbutton *button(orl_kiosk *k, kaction a, int arg);

static double lum(int r, int g, int b)
{
    double c[3] = {r / 255.0, g / 255.0, b / 255.0};
    for (int i = 0; i < 3; i++) c[i] = c[i] <= 0.03928 ? c[i] / 12.92 : pow((c[i] + 0.055) / 1.055, 2.4);
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

/* A kiosk of one story, in English only. */
static orl_kiosk *one_story(orl_kiosk_config *cfg, canvas *c, const char *path)
{
    orl_kiosk_config_defaults(cfg);
    cfg->dir = orl_strdup(".");
    cfg->bundles[cfg->nbundles++] = orl_strdup(path);
    cfg->languages[cfg->nlanguages++] = orl_strdup("en");
    orl_kiosk_desc kd = {0};
    kd.config = cfg;
    kd.renderer = c->r;
    kd.software = 1;
    orl_kiosk *k = orl_kiosk_create(&kd);
    assert_non_null(k);
    assert_int_equal(orl_kiosk_story_count(k), 1);
    return k;
}

/* Mean and spread of the picture's brightness (0..255), on a grid of samples. */
static void brightness(const canvas *c, double *mean, double *spread)
{
    double sum = 0, sq = 0;
    int n = 0;
    for (int y = 0; y < c->s->h; y += 7)
        for (int x = 0; x < c->s->w; x += 7) {
            int r, g, b;
            pixel(c, x, y, &r, &g, &b);
            double v = (r + g + b) / 3.0;
            sum += v;
            sq += v * v;
            n++;
        }
    *mean = sum / n;
    *spread = sqrt(sq / n - *mean * *mean);
}

/* "Touch the screen to begin" over a white cover: the plate under it keeps >= 4.5:1. */
static void test_touch_readable(void **state)
{
    (void)state;
    assert_int_equal(tmpdir_make("orl-kiosk-screens", NULL), 0);
    mkdir(tpath("white"), 0755);
    mkdir(tpath("white/images"), 0755);
    SDL_Surface *w = SDL_CreateRGBSurfaceWithFormat(0, 1920, 1080, 24, SDL_PIXELFORMAT_RGB24);
    assert_non_null(w);
    SDL_FillRect(w, NULL, SDL_MapRGB(w->format, 255, 255, 255));
    assert_int_equal(IMG_SavePNG(w, tpath("white/images/white.png")), 0);
    SDL_FreeSurface(w);
    FILE *f = fopen(tpath("white/story.lua"), "w");
    assert_non_null(f);
    fputs("story { id = \"white\", version = \"1\", title = \"White\", language = \"en\", start = \"a\",\n"
          "  cover = \"images/white.png\" }\n"
          "scene \"a\" { text = \"All white.\", ending = true }\n", f);
    fclose(f);
    canvas c = canvas_make(1920, 1080);
    orl_kiosk_config cfg;
    orl_kiosk *k = one_story(&cfg, &c, tpath("white"));
    pass(k, 5); /* mid-turn: no fade, the words fully shown */
    draw(k, &c);
    maybe_save(&c, "attract_white");
    /* the plate's colour beside the words, in their line, and the words' own colour */
    int r, g, b;
    pixel(&c, 960, 800 - 20, &r, &g, &b); /* between the title and the words: plate only */
    double plate = lum(r, g, b), accent = lum(242, 184, 110);
    double ratio = (accent + 0.05) / (plate + 0.05);
    printf("# plate rgb(%d, %d, %d): \"touch to begin\" at %.1f:1\n", r, g, b, ratio);
    assert_true(ratio >= 4.5);
    /* and the white is still there around it: a plate, not a black screen */
    pixel(&c, 40, 540, &r, &g, &b);
    assert_true(r > 200 && g > 200 && b > 200);
    orl_kiosk_free(k);
    orl_kiosk_config_free(&cfg);
    canvas_free(&c);
    tmpdir_remove();
}

/* A story with no picture at all (good-small, like El cruce): its turn of the attract loop and
 * its card show a made-up landscape, not a near-black screen. */
static void test_generated_cover(void **state)
{
    (void)state;
    canvas c = canvas_make(960, 540);
    orl_kiosk_config cfg;
    orl_kiosk *k = one_story(&cfg, &c, ORL_TEST_DATA "/good-small");
    pass(k, 5);
    draw(k, &c);
    maybe_save(&c, "attract_generated");
    double mean, spread;
    brightness(&c, &mean, &spread);
    printf("# generated cover: brightness %.0f, spread %.0f\n", mean, spread);
    assert_true(mean > 60);
    assert_true(spread > 20);
    orl_kiosk_free(k);
    orl_kiosk_config_free(&cfg);
    /* El cruce itself, and its card among others */
    orl_kiosk_config_defaults(&cfg);
    orl_diags d = {0};
    assert_int_equal(orl_kiosk_config_load(ORL_TEST_DATA "/kiosk/kiosk.lua", &cfg, &d), 0);
    orl_diags_free(&d);
    cfg.bundles[cfg.nbundles++] = orl_strdup(ORL_SOURCE_DIR "/stories/el-cruce");
    orl_kiosk_desc kd = {0};
    kd.config = &cfg;
    kd.renderer = c.r;
    kd.software = 1;
    k = orl_kiosk_create(&kd);
    assert_non_null(k);
    assert_int_equal(orl_kiosk_story_count(k), 3);
    tap(k, 960, 540);
    assert_true(orl_kiosk_tap_label(k, "Español"));
    draw(k, &c);
    maybe_save(&c, "stories_three_es");
    const kbutton *card = button(k, KA_STORY, 2);
    assert_non_null(card);
    /* the top half of El cruce's card (above its title): a picture, not a flat fill */
    canvas part = c;
    double sum = 0, sq = 0;
    int n = 0;
    for (int y = card->rect.y / 2 + 4; y < (card->rect.y + card->rect.h / 2) / 2; y += 2)
        for (int x = card->rect.x / 2 + 4; x < (card->rect.x + card->rect.w) / 2 - 4; x += 2) {
            int r, g, b;
            pixel(&part, x, y, &r, &g, &b);
            double v = (r + g + b) / 3.0;
            sum += v;
            sq += v * v;
            n++;
        }
    mean = sum / n;
    spread = sqrt(sq / n - mean * mean);
    printf("# El cruce's card: brightness %.0f, spread %.0f\n", mean, spread);
    assert_true(mean > 60);
    assert_true(spread > 8);
    orl_kiosk_free(k);
    orl_kiosk_config_free(&cfg);
    canvas_free(&c);
}

static const kbutton *button(orl_kiosk *k, kaction a, int arg)
{
    kiosk_layout(k);
    for (int i = 0; i < k->nbuttons; i++)
        if (k->buttons[i].action == a && (arg < 0 || k->buttons[i].arg == arg)) return &k->buttons[i];
    return NULL;
}

static const char *const langs[] = {"Español", "English", "Français", "العربية"};
static const char *const codes[] = {"es", "en", "fr", "ar"};

static void test_pickers_way_back_and_mirrored(void **state)
{
    (void)state;
    canvas c = canvas_make(960, 540);
    fixture f;
    open_kiosk(&f, &c);
    orl_kiosk *k = f.k;
    for (int l = 0; l < 4; l++) {
        char name[64];
        pass(k, 2);
        draw(k, &c);
        snprintf(name, sizeof name, "attract_%s", codes[l]);
        maybe_save(&c, name);
        tap(k, 960, 540);
        assert_string_equal(orl_kiosk_screen_name(k), "language");
        draw(k, &c);
        maybe_save(&c, "language");
        /* the language picker has a way back to the attract loop */
        assert_non_null(button(k, KA_BACK, -1));
        assert_true(orl_kiosk_tap_label(k, "\u2039"));
        assert_string_equal(orl_kiosk_screen_name(k), "attract");
        tap(k, 960, 540);
        assert_true(orl_kiosk_tap_label(k, langs[l]));
        assert_string_equal(orl_kiosk_screen_name(k), "stories");
        draw(k, &c);
        snprintf(name, sizeof name, "stories_%s", codes[l]);
        maybe_save(&c, name);
        /* the story list reads from the right in Arabic, from the left otherwise */
        const kbutton *first = button(k, KA_STORY, 0), *second = button(k, KA_STORY, 1);
        assert_non_null(first);
        assert_non_null(second);
        if (l == 3) assert_true(first->rect.x > second->rect.x);
        else assert_true(first->rect.x < second->rect.x);
        const kbutton *back = button(k, KA_BACK, -1);
        assert_non_null(back);
        if (l == 3) assert_true(back->rect.x > ORL_CANVAS_W / 2);
        else assert_true(back->rect.x < ORL_CANVAS_W / 2);
        if (l == 3) {
            char msg[2048];
            assert_int_equal(orl_golden_check(c.s, "kiosk_stories_ar", 24, 0.01, msg, sizeof msg), 0);
        }
        /* back: to the languages, then to the attract loop */
        SDL_Rect r = back->rect;
        tap(k, (float)(r.x + r.w / 2), (float)(r.y + r.h / 2));
        assert_string_equal(orl_kiosk_screen_name(k), "language");
        tap(k, 140, 80);
        assert_string_equal(orl_kiosk_screen_name(k), "attract");
    }
    close_kiosk(&f);
    canvas_free(&c);
}

static void test_hold_progress(void **state)
{
    (void)state;
    canvas c = canvas_make(1920, 1080);
    fixture f;
    open_kiosk(&f, &c);
    orl_kiosk *k = f.k;
    pass(k, 2);
    /* the first dot of the ring, at the top: not there for a short touch */
    orl_kiosk_pointer(k, ORL_POINTER_DOWN, 30, 30);
    pass(k, 0.3);
    draw(k, &c);
    int r, g, b;
    pixel(&c, 104, 104 - 76, &r, &g, &b);
    assert_false(r > 200 && g > 140 && g < 190 && b < 120);
    /* a second and a half in: the first dots lit (amber), the last not yet */
    pass(k, 1.2);
    draw(k, &c);
    maybe_save(&c, "hold");
    pixel(&c, 104, 104 - 76, &r, &g, &b);
    assert_true(r > 200 && g > 140 && g < 190 && b < 120);
    double a = -M_PI / 2 + 2 * M_PI * 11 / 12;
    pixel(&c, 104 + (int)lround(76 * cos(a)), 104 + (int)lround(76 * sin(a)), &r, &g, &b);
    assert_false(r > 200 && g > 140 && g < 190 && b < 120);
    pass(k, 4);
    assert_string_equal(orl_kiosk_screen_name(k), "pin");
    orl_kiosk_pointer(k, ORL_POINTER_UP, 30, 30);
    close_kiosk(&f);
    canvas_free(&c);
}

/* The calm background of "out of order" at 1280x720 (a 2/3 scale, as under cage): down a
 * column at the edge, the gradient only ever darkens, a little at a time; overlapping bands
 * made rows jump back and forth (horizontal stripes). */
static void test_no_stripes_scaled(void **state)
{
    (void)state;
    canvas c = canvas_make(1280, 720);
    orl_kiosk_config cfg;
    orl_kiosk_config_defaults(&cfg);
    cfg.dir = orl_strdup(".");
    cfg.bundles[cfg.nbundles++] = orl_strdup("/nonexistent/story.orilla");
    orl_kiosk_desc kd = {0};
    kd.config = &cfg;
    kd.renderer = c.r;
    kd.software = 1;
    orl_kiosk *k = orl_kiosk_create(&kd);
    assert_non_null(k);
    assert_string_equal(orl_kiosk_screen_name(k), "out-of-order");
    draw(k, &c);
    maybe_save(&c, "out_of_order_1280");
    int prev = -1, ups = 0;
    for (int y = 0; y < 720; y++) {
        int r, g, b;
        pixel(&c, 8, y, &r, &g, &b);
        int v = r + g + b;
        if (prev >= 0 && v > prev + 1) {
            ups++;
            if (getenv("ORILLA_KIOSK_SHOTS")) printf("# row %d: %d after %d\n", y, v, prev);
        }
        if (prev >= 0) assert_true(abs(v - prev) <= 6);
        prev = v;
    }
    assert_int_equal(ups, 0);
    orl_kiosk_free(k);
    orl_kiosk_config_free(&cfg);
    canvas_free(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pickers_way_back_and_mirrored),
        cmocka_unit_test(test_hold_progress),
        cmocka_unit_test(test_no_stripes_scaled),
        cmocka_unit_test(test_touch_readable),
        cmocka_unit_test(test_generated_cover),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
