/* orilla shot: one scene or screen of a story, drawn headless into a PNG (engine/player). */
#include "app/args.h"
#include "app/player_args.h"
#include "app/commands.h"
#include "app/common.h"
#include "player/player.h"
#include <stdlib.h>
#include <string.h>

/* "yaw,pitch[,fov]" into o->look_*. 0, or -1 when malformed or out of range. */
static int parse_look(const char *s, orl_play_opts *o)
{
    float v[3] = {0, 0, 0};
    int n = 0;
    const char *q = s;
    for (;;) {
        char *end = NULL;
        double d = strtod(q, &end);
        if (end == q || n == 3 || !(d > -1e6 && d < 1e6)) return -1; /* also NaN */
        v[n++] = (float)d;
        if (*end == '\0') break;
        if (*end != ',') return -1;
        q = end + 1;
    }
    if (n < 2 || v[0] < -360 || v[0] > 360 || v[1] < -90 || v[1] > 90 || (n == 3 && (v[2] < 20 || v[2] > 150)))
        return -1;
    o->has_look = 1;
    o->look_yaw = v[0];
    o->look_pitch = v[1];
    o->look_fov = n == 3 ? v[2] : 0.0f;
    return 0;
}

int orl_cmd_shot(int argc, char **argv)
{
    orl_args a;
    orl_args_init(&a, argc, argv);
    orl_play_opts o = {0};
    o.screen = -1;
    o.deployment = ORL_DEPLOY_WORKSHOP;
    int k;
    while ((k = orl_args_next(&a)) && !a.error) {
        if (k == 2) {
            if (o.path) orl_args_fail(&a, "give one story, not '%s' too", a.val);
            o.path = a.val;
        } else if (orl_app_player_option(&a, &o)) {
            /* taken: an option play and shot share */
        } else if (orl_args_is(&a, "--scene")) {
            o.scene = orl_args_value(&a);
        } else if (orl_args_is(&a, "--screen")) {
            const char *v = orl_args_value(&a);
            if (!v) continue;
            if (strcmp(v, "title") == 0) o.screen = ORL_SCREEN_TITLE;
            else if (strcmp(v, "warnings") == 0) o.screen = ORL_SCREEN_WARNINGS;
            else if (strcmp(v, "support") == 0 || strcmp(v, "care") == 0) o.screen = ORL_SCREEN_CARE;
            else if (strcmp(v, "credits") == 0) o.screen = ORL_SCREEN_CREDITS;
            else orl_args_fail(&a, "--screen is title, warnings, support or credits, not '%s'", v);
        } else if (orl_args_is(&a, "-o") || orl_args_is(&a, "--output")) {
            o.screenshot = orl_args_value(&a);
        } else if (orl_args_is(&a, "--look")) {
            const char *v = orl_args_value(&a);
            if (v && parse_look(v, &o) != 0)
                orl_args_fail(&a, "--look wants yaw,pitch[,fov] in degrees (yaw -360 to 360, pitch -90 to 90, fov 20 "
                                  "to 150), like 30,-5 or 30,-5,80, not '%s'", v);
        } else if (orl_args_is(&a, "--settings")) {
            o.menu = 1;
        } else if (orl_args_is(&a, "--focus")) {
            o.focus = (int)orl_args_int(&a, 1, ORL_PLAYER_MAX_BUTTONS);
        } else {
            orl_args_fail(&a, "unknown option %s", a.opt);
        }
    }
    if (!a.error && !o.path) orl_args_fail(&a, "which story? give a story folder or a .orilla file");
    if (!a.error && !o.screenshot) orl_args_fail(&a, "where should the picture go? add -o FILE.png");
    if (!a.error && o.scene && o.screen >= 0) orl_args_fail(&a, "give --scene or --screen, not both");
    if (a.error) return ORL_EXIT_USAGE;
    return orl_play_shot(&o);
}
