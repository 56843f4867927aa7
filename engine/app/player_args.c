#include "app/player_args.h"
#include "story/consent.h"
#include <stdlib.h>

int orl_app_player_option(orl_args *a, orl_play_opts *o)
{
    if (orl_args_is(a, "--lang")) {
        o->lang = orl_args_value(a);
    } else if (orl_args_is(a, "--size")) {
        const char *v = orl_args_value(a);
        if (v && orl_play_parse_size(v, &o->width, &o->height) != 0)
            orl_args_fail(a, "--size wants WIDTHxHEIGHT from 160x90 to 7680x4320, like 1920x1080, not '%s'", v);
    } else if (orl_args_is(a, "--time")) {
        const char *v = orl_args_value(a);
        char *end = NULL;
        double t = v ? strtod(v, &end) : 0;
        if (v && (end == v || *end || !(t >= 0 && t <= 86400)))
            orl_args_fail(a, "--time wants seconds from 0 to 86400, like 2.5, not '%s'", v);
        o->time = t;
    } else if (orl_args_is(a, "--deployment")) {
        const char *v = orl_args_value(a);
        int d = v ? orl_deployment_parse(v) : 0;
        if (d < 0) orl_args_fail(a, "--deployment is workshop, kiosk, exhibition or online, not '%s'", v);
        else o->deployment = (orl_deployment)d;
    } else if (orl_args_is(a, "--withdrawn")) {
        o->withdrawn = orl_args_value(a);
    } else if (orl_args_is(a, "--seed")) {
        o->seed = (uint64_t)orl_args_int(a, 0, (long long)1 << 62);
    } else if (orl_args_is(a, "--high-contrast")) {
        o->high_contrast = 1;
    } else if (orl_args_is(a, "--reduce-motion")) {
        o->reduce_motion = 1;
    } else if (orl_args_is(a, "--text-size")) {
        o->text_size = (int)orl_args_int(a, 1, ORL_PLAYER_TEXT_SIZES) - 1;
    } else {
        return 0;
    }
    return 1;
}
