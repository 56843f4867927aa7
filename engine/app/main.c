/* orilla: one program, one file per subcommand (engine/app/cmd_*.c). */
#include "app/commands.h"
#include "audio/voice.h"
#include "core/term.h"
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void usage(FILE *out)
{
    fprintf(out, "orilla %s: interactive stories of migration, told with the people who lived them\n\n"
                 "usage: orilla COMMAND [options] PATH\n\ncommands:\n", ORL_VERSION);
    for (const orl_command *c = orl_commands; c->name; c++)
        fprintf(out, "  %-8s %s\n", c->name, c->summary);
    fprintf(out, "\nPATH is a story folder or a .orilla bundle. 'orilla help COMMAND' tells more.\n"
                 "Exit status: 0 fine, 1 the story has problems, 2 usage error or unreadable input.\n");
}

int main(int argc, char **argv)
{
    /* Everything printed from here on is cleaned of terminal controls (core/term.h), except
     * by the speech helper, which prints nothing. */
    if (!(argc >= 2 && strcmp(argv[1], "--speech-helper") == 0)) orl_term_install();
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    const char *name = argv[1];
    /* espeak-ng runs in a child process of this program (audio/voice.h) */
    if (strcmp(name, "--speech-helper") == 0) return orl_voice_helper_main();
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = 0;
        orl_voice_use_helper(exe);
    } else if (strchr(argv[0], '/')) {
        orl_voice_use_helper(argv[0]);
    }
    if (strcmp(name, "--version") == 0 || strcmp(name, "version") == 0) {
        printf("orilla %s\n", ORL_VERSION);
        return 0;
    }
    if (strcmp(name, "help") == 0 || strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
        if (argc < 3) {
            usage(stdout);
            return 0;
        }
        const orl_command *c = orl_command_find(argv[2]);
        if (!c) {
            fprintf(stderr, "orilla: no command '%s'; 'orilla help' lists them\n", argv[2]);
            return 2;
        }
        fputs(c->usage, stdout);
        return 0;
    }
    const orl_command *c = orl_command_find(name);
    if (!c) {
        fprintf(stderr, "orilla: no command '%s'; 'orilla help' lists them\n", name);
        return 2;
    }
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(c->usage, stdout);
            return 0;
        }
    }
    return c->run(argc - 1, argv + 1);
}
