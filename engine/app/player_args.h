/* Options `play` and `shot` share, parsed in one place so they cannot drift apart. */
#ifndef ORL_APP_PLAYER_ARGS_H
#define ORL_APP_PLAYER_ARGS_H
#include "app/args.h"
#include "player/player.h"

/* --lang L, --size WxH, --time T, --deployment D, --withdrawn FILE, --seed N,
 * --high-contrast, --reduce-motion, --text-size 1-4. Returns 1 when the option being looked
 * at is one of these (its value is in o, or a usage error was printed and a->error set),
 * 0 when it is not. */
int orl_app_player_option(orl_args *a, orl_play_opts *o);

#endif
