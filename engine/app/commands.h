/* One file per subcommand: engine/app/cmd_NAME.c defines orl_cmd_NAME. Each returns the
 * process exit status: 0 fine, 1 story problems, 2 usage error or unreadable input. */
#ifndef ORL_COMMANDS_H
#define ORL_COMMANDS_H

typedef struct orl_command {
    const char *name;
    int (*run)(int argc, char **argv); /* argv[0] is the subcommand name */
    const char *summary;               /* one line for `orilla help` */
    const char *usage;                 /* full help text for `orilla help NAME` */
} orl_command;

/* The table, ending with a {NULL} entry (commands.c). */
extern const orl_command orl_commands[];
const orl_command *orl_command_find(const char *name);

int orl_cmd_text(int argc, char **argv);
int orl_cmd_play(int argc, char **argv);
int orl_cmd_shot(int argc, char **argv);
int orl_cmd_consent(int argc, char **argv);
int orl_cmd_walk(int argc, char **argv);
int orl_cmd_check(int argc, char **argv);
int orl_cmd_pack(int argc, char **argv);
int orl_cmd_verify(int argc, char **argv);
int orl_cmd_info(int argc, char **argv);
int orl_cmd_keygen(int argc, char **argv);
int orl_cmd_strings(int argc, char **argv);
int orl_cmd_graph(int argc, char **argv);
int orl_cmd_new(int argc, char **argv);
int orl_cmd_import(int argc, char **argv);
int orl_cmd_kiosk(int argc, char **argv);
int orl_cmd_stats(int argc, char **argv);

#endif
