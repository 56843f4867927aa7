#include "app/commands.h"
#include <string.h>

/* One entry per subcommand; the usage text is what `orilla help NAME` prints. */
const orl_command orl_commands[] = {
    {"text", orl_cmd_text, "play a story in the terminal",
     "usage: orilla text PATH [--lang L] [--choices 1,2,...] [--seed N] [--deployment D]\n\n"
     "Plays the story in the terminal: the scene's text, its fact with the source, and\n"
     "numbered choices. Type a number and Enter to choose (q to quit). --choices picks\n"
     "them for you, one by one, then reads the rest from standard input.\n"},
    {"walk", orl_cmd_walk, "explore every path; report endings, dead ends, script errors",
     "usage: orilla walk PATH [--all | --random N] [--seed N] [--max-states N]\n\n"
     "--all (the default) visits every reachable (scene, state) pair, up to --max-states,\n"
     "and reports the scenes reached, the endings, dead ends, scenes nobody can reach and\n"
     "script errors. --random N plays N random playthroughs from --seed.\n"
     "Exit 0 when all is well, 1 when it found problems.\n"},
    {"check", orl_cmd_check, "find every problem in a story, as file:line: messages",
     "usage: orilla check PATH [--format text|json] [--deployment D]\n\n"
     "Reads the story and reports every problem it finds, each as\n"
     "  file:line: error: what is wrong; how to mend it\n"
     "Errors stop a story from being packed or played at a kiosk; warnings are advice.\n"
     "Exit 0 when there are no errors, 1 when there are, 2 when PATH cannot be read.\n"},
    {NULL, NULL, NULL, NULL},
};

const orl_command *orl_command_find(const char *name)
{
    for (const orl_command *c = orl_commands; c->name; c++)
        if (strcmp(c->name, name) == 0) return c;
    return NULL;
}
