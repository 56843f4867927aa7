/* orilla: one program, one file per subcommand (engine/app/cmd_*.c). */
#include "app/commands.h"
#include "app/common.h"
#include "audio/voice.h"
#include "core/term.h"
#include "core/strutil.h"
#include "story/messages.h"
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* A command's summary or help in the messages' language: the tables key them by the command's
 * name (story/messages_es.inc), so a new option in the English text does not lose the
 * translation; the English when there is none. */
static const char *command_words(const char *code, const char *name, const char *english)
{
    const char *t = orl_app_words(code, name);
    return t != name ? t : english;
}

static void usage(FILE *out)
{
    fprintf(out, orl_app_words("@main", "orilla %s: interactive stories of migration, told with the people who lived them\n\n"
                                        "usage: orilla COMMAND [options] PATH\n\ncommands:\n"), ORL_VERSION);
    for (const orl_command *c = orl_commands; c->name; c++)
        fprintf(out, "  %-8s %s\n", c->name, command_words("@summary", c->name, c->summary));
    fputs(orl_app_words("@main", "\nPATH is a story folder or a .orilla bundle. 'orilla help COMMAND' tells more.\n"
                                 "Exit status: 0 fine, 1 the story has problems, 2 usage error or unreadable input.\n"
                                 "Every command takes --lang es for its messages in Spanish (or ORILLA_LANG=es).\n"),
          out);
}

/* A command that is not there: the nearest name, if one is near. */
static int no_command(const char *name)
{
    orl_nearest near;
    orl_nearest_init(&near, name, 3);
    for (const orl_command *c = orl_commands; c->name; c++) orl_nearest_try(&near, c->name);
    if (near.best)
        fprintf(stderr, orl_app_words("@main", "orilla: there is no command '%s'; did you mean 'orilla %s'? "
                                               "('orilla help' lists them)\n"), name, near.best);
    else
        fprintf(stderr, orl_app_words("@main", "orilla: there is no command '%s'; 'orilla help' lists them\n"), name);
    return 2;
}

/* The commands whose own --lang means something else as well (the reader's language, the
 * language of the story to write): they read it themselves. */
static int reads_lang(const char *cmd)
{
    static const char *const own[] = {"check", "graph", "import", "new", "text", "play", "shot", NULL};
    for (int i = 0; own[i]; i++) if (strcmp(cmd, own[i]) == 0) return 1;
    return 0;
}

/* --lang L for every command: the language of Orilla's messages (story/messages.h) when Orilla
 * speaks L. For a command that does not read --lang itself it is taken out of argv here.
 * Returns 0, or 2 after a usage error. */
static int take_lang(const char *cmd, int *argc, char **argv, int strip)
{
    for (int i = 1; i < *argc; i++) {
        if (strcmp(argv[i], "--") == 0) break;
        const char *val = NULL;
        int n = 0;
        if (strcmp(argv[i], "--lang") == 0 && i + 1 < *argc) val = argv[i + 1], n = 2;
        else if (strncmp(argv[i], "--lang=", 7) == 0) val = argv[i] + 7, n = 1;
        if (!val) continue;
        if (orl_messages_has_lang(val)) orl_app_set_lang(val);
        if (!strip) continue;
        if (!orl_messages_has_lang(val)) {
            fprintf(stderr, "orilla %s: ", cmd);
            fprintf(stderr, orl_app_words("@args", "--lang is en (English) or es (español), not '%s'"), val);
            if (strcmp(cmd, "help") == 0) fputc('\n', stderr);
            else fprintf(stderr, orl_app_words("@args", "\n(see 'orilla help %s')\n"), cmd);
            return 2;
        }
        for (int j = i; j + n < *argc; j++) argv[j] = argv[j + n];
        *argc -= n;
        argv[*argc] = NULL;
        i--;
    }
    return 0;
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
        int hargc = argc - 1;
        if (take_lang("help", &hargc, argv + 1, 1) != 0) return 2; /* orilla help check --lang es */
        if (hargc < 2) {
            usage(stdout);
            return 0;
        }
        const orl_command *c = orl_command_find(argv[2]);
        if (!c) return no_command(argv[2]);
        fputs(command_words("@help", c->name, c->usage), stdout);
        return 0;
    }
    const orl_command *c = orl_command_find(name);
    if (!c) {
        int sargc = argc - 1;
        take_lang(name, &sargc, argv + 1, 0); /* orilla chek --lang es: the suggestion in Spanish */
        return no_command(name);
    }
    int cargc = argc - 1;
    if (take_lang(c->name, &cargc, argv + 1, !reads_lang(c->name)) != 0) return 2;
    for (int i = 2; i < cargc + 1; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(command_words("@help", c->name, c->usage), stdout);
            return 0;
        }
    }
    return c->run(cargc, argv + 1);
}
