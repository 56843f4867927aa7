/* orilla play: the story in a window, or headless into a PNG (engine/player). */
#include "app/args.h"
#include "app/player_args.h"
#include "bundle/bundle.h"
#include "app/commands.h"
#include "app/common.h"
#include "player/player.h"
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int orl_cmd_play(int argc, char **argv)
{
    orl_args a;
    orl_args_init(&a, argc, argv);
    orl_play_opts o = {0};
    o.screen = -1;
    o.deployment = ORL_DEPLOY_WORKSHOP;
    int headless = 0;
    const char *keyfile = NULL;
    int k;
    while ((k = orl_args_next(&a)) && !a.error) {
        if (k == 2) {
            if (o.path) orl_args_fail(&a, "give one story, not '%s' too", a.val);
            o.path = a.val;
        } else if (orl_app_player_option(&a, &o)) {
            /* taken: an option play and shot share */
        } else if (orl_args_is(&a, "--fullscreen")) {
            o.fullscreen = 1;
        } else if (orl_args_is(&a, "--headless")) {
            headless = 1;
        } else if (orl_args_is(&a, "--renderer")) {
            const char *v = orl_args_value(&a);
            if (!v) continue;
            if (strcmp(v, "software") == 0) o.renderer = ORL_RENDERER_SOFTWARE;
            else if (strcmp(v, "gpu") == 0) o.renderer = ORL_RENDERER_GPU;
            else if (strcmp(v, "auto") == 0) o.renderer = ORL_RENDERER_AUTO;
            else orl_args_fail(&a, "--renderer is software, gpu or auto, not '%s'", v);
        } else if (orl_args_is(&a, "--choices")) {
            o.choices = orl_args_value(&a);
        } else if (orl_args_is(&a, "--screenshot")) {
            o.screenshot = orl_args_value(&a);
        } else if (orl_args_is(&a, "--no-transitions")) {
            o.no_transitions = 1;
        } else if (orl_args_is(&a, "--watch")) {
            o.watch = 1;
        } else if (orl_args_is(&a, "--voice")) {
            o.voice = 1;
        } else if (orl_args_is(&a, "--key")) {
            keyfile = orl_args_value(&a);
        } else if (orl_args_is(&a, "--verbose") || orl_args_is(&a, "-v")) {
            o.verbose = 1;
        } else {
            orl_args_fail(&a, "unknown option %s", a.opt);
        }
    }
    if (!a.error && !o.path) orl_args_fail(&a, "which story? give a story folder or a .orilla file");
    if (!a.error && headless && !o.screenshot)
        orl_args_fail(&a, "--headless needs --screenshot FILE.png: where to write the last frame");
    if (!a.error && headless && (o.fullscreen || o.renderer != ORL_RENDERER_AUTO))
        orl_args_fail(&a, "--fullscreen and --renderer are for a window, not --headless");
    if (!a.error && o.watch && headless) orl_args_fail(&a, "--watch is for a window, not --headless");
    if (!a.error && o.watch) {
        struct stat sb;
        if (stat(o.path, &sb) != 0 || !S_ISDIR(sb.st_mode))
            orl_args_fail(&a, "--watch needs a story folder, not '%s' (a bundle does not change while it plays)", o.path);
    }
    if (a.error) return ORL_EXIT_USAGE;
    if (keyfile) {
        /* An exhibition's guard: only a bundle signed by this key, with every file as signed. */
        orl_pubkey key;
        char why[300];
        if (orl_key_load_public(keyfile, &key, why, sizeof why) != 0) {
            fprintf(stderr, "orilla play: --key %s: %s\n", keyfile, why);
            return ORL_EXIT_USAGE;
        }
        orl_diags d = {0};
        int rc = orl_bundle_verify(o.path, &key, NULL, &d);
        if (rc != 0) {
            orl_diags_print(&d, stderr);
            fprintf(stderr, "orilla play: %s is not a bundle signed by %s with every file intact: not played\n",
                    o.path, keyfile);
        }
        orl_diags_free(&d);
        if (rc != 0) return rc == 2 ? ORL_EXIT_USAGE : ORL_EXIT_PROBLEMS;
    }
    return headless ? orl_play_headless(&o) : orl_play_window(&o);
}
