/* orilla kiosk: the unattended exhibition mode (engine/kiosk/kiosk.h, docs/kiosk.md). */
#include "app/args.h"
#include "app/commands.h"
#include "app/common.h"
#include "core/strutil.h"
#include "kiosk/config.h"
#include "kiosk/kiosk.h"
#include "kiosk/pin.h"
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

/* Reads one line from stdin without echo when it is a terminal. 0, or -1 at end of input. */
static int read_secret(const char *prompt, char *buf, size_t n)
{
    int tty = isatty(STDIN_FILENO);
    struct termios old, quiet;
    if (tty) {
        fputs(prompt, stderr);
        fflush(stderr);
        if (tcgetattr(STDIN_FILENO, &old) == 0) {
            quiet = old;
            quiet.c_lflag &= (tcflag_t)~ECHO;
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        } else {
            tty = 0;
        }
    }
    char *got = fgets(buf, (int)n, stdin);
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
        fputc('\n', stderr);
    }
    if (!got) return -1;
    buf[strcspn(buf, "\r\n")] = 0;
    return 0;
}

/* --hash-pin: the PIN twice, on a terminal (not shown) or as two equal lines on standard
 * input; anything else makes nothing (one line, two different lines, more than two). */
static int hash_pin(void)
{
    char pin[64], again[64], extra[64];
    int tty = isatty(STDIN_FILENO);
    int rc = ORL_EXIT_USAGE;
    const char *how = orl_app_words("@kiosk", "type it twice on a terminal, or give it as two equal lines: "
                                              "printf 'PIN\\nPIN\\n' | orilla kiosk --hash-pin");
    if (read_secret("Operator PIN (4 to 12 digits): ", pin, sizeof pin) != 0) {
        fprintf(stderr, orl_app_words("@kiosk", "orilla kiosk: --hash-pin reads the PIN twice on standard input: %s\n"),
                how);
        return ORL_EXIT_USAGE;
    }
    if (!orl_pin_format_ok(pin)) {
        fprintf(stderr, orl_app_words("@kiosk", "orilla kiosk: a PIN is %d to %d digits (0-9), nothing else\n"),
                ORL_PIN_MIN_DIGITS, ORL_PIN_MAX_DIGITS);
        goto out;
    }
    if (read_secret("Again, to be sure: ", again, sizeof again) != 0) {
        fprintf(stderr,
                orl_app_words("@kiosk", "orilla kiosk: the PIN was given once; --hash-pin needs it twice, the same "
                                        "both times: %s\n"),
                how);
        goto out;
    }
    if (strcmp(pin, again) != 0) {
        fputs(orl_app_words("@kiosk", "orilla kiosk: the two PINs differ; nothing was made\n"), stderr);
        goto out;
    }
    if (!tty && read_secret("", extra, sizeof extra) == 0) {
        fputs(orl_app_words("@kiosk", "orilla kiosk: more than two lines on standard input; --hash-pin reads the "
                                      "PIN exactly twice (nothing was made)\n"),
              stderr);
        goto out;
    }
    char hash[ORL_PIN_HASH_MAX], err[200];
    if (orl_pin_hash(pin, hash, err, sizeof err) != 0) {
        fprintf(stderr, "orilla kiosk: %s\n", err);
        goto out;
    }
    printf("%s\n", hash);
    fprintf(stderr, "Paste it in kiosk.lua as:  pin_hash = \"%s\",\n", hash);
    rc = ORL_EXIT_OK;
out:
    sodium_memzero(pin, sizeof pin);
    sodium_memzero(again, sizeof again);
    sodium_memzero(extra, sizeof extra);
    return rc;
}

int orl_cmd_kiosk(int argc, char **argv)
{
    orl_args a;
    orl_args_init(&a, argc, argv);
    const char *config = NULL, *stats = NULL, *logf = NULL, *script = NULL, *size = NULL, *renderer = NULL;
    const char *paths[ORL_KIOSK_MAX_BUNDLES];
    int npaths = 0, headless = 0, example = 0, hashpin = 0, check = 0, windowed = 0, k;
    long soak = 0;
    unsigned long long seed = 1;
    while ((k = orl_args_next(&a)) && !a.error) {
        if (k == 2) {
            if (npaths < ORL_KIOSK_MAX_BUNDLES) paths[npaths++] = a.val;
            else orl_args_fail(&a, "at most %d stories", ORL_KIOSK_MAX_BUNDLES);
        } else if (orl_args_is(&a, "--config")) {
            config = orl_args_value(&a);
        } else if (orl_args_is(&a, "--stats")) {
            stats = orl_args_value(&a);
        } else if (orl_args_is(&a, "--log")) {
            logf = orl_args_value(&a);
        } else if (orl_args_is(&a, "--script") || orl_args_is(&a, "--events")) {
            script = orl_args_value(&a);
        } else if (orl_args_is(&a, "--soak")) {
            soak = (long)orl_args_int(&a, 1, 100000000);
        } else if (orl_args_is(&a, "--seed")) {
            seed = (unsigned long long)orl_args_int(&a, 0, 1000000000000LL);
        } else if (orl_args_is(&a, "--size")) {
            size = orl_args_value(&a);
        } else if (orl_args_is(&a, "--renderer")) {
            renderer = orl_args_value(&a);
            if (renderer && strcmp(renderer, "software") && strcmp(renderer, "gpu") && strcmp(renderer, "auto"))
                orl_args_fail(&a, "--renderer is software, gpu or auto, not '%s'", renderer);
        } else if (orl_args_is(&a, "--headless")) {
            headless = 1;
        } else if (orl_args_is(&a, "--windowed")) {
            windowed = 1;
        } else if (orl_args_is(&a, "--example-config")) {
            example = 1;
        } else if (orl_args_is(&a, "--hash-pin")) {
            hashpin = 1;
        } else if (orl_args_is(&a, "--check")) {
            check = 1;
        } else {
            orl_args_fail(&a, "unknown option %s", a.opt);
        }
    }
    if (a.error) return ORL_EXIT_USAGE;
    if (example) {
        fputs(orl_kiosk_config_example(), stdout);
        return ORL_EXIT_OK;
    }
    if (hashpin) return hash_pin();
    if ((script || soak) && !headless) {
        fprintf(stderr, "orilla kiosk: --events (--script) and --soak go with --headless\n");
        return ORL_EXIT_USAGE;
    }
    if (script && soak) {
        fprintf(stderr, "orilla kiosk: --events or --soak, not both\n");
        return ORL_EXIT_USAGE;
    }
    int w = 0, h = 0;
    if (size && orl_play_parse_size(size, &w, &h) != 0) {
        fprintf(stderr, "orilla kiosk: --size is WxH, like 1920x1080 (160x90 to 7680x4320), not '%s'\n", size);
        return ORL_EXIT_USAGE;
    }

    orl_kiosk_config cfg;
    orl_kiosk_config_defaults(&cfg);
    if (config) {
        orl_diags d = {0};
        int rc = orl_kiosk_config_load(config, &cfg, &d);
        orl_diags_sort(&d);
        orl_diags_print(&d, stderr);
        orl_diags_free(&d);
        if (rc != 0) {
            if (rc == 1) fprintf(stderr, "orilla kiosk: mend %s first ('orilla kiosk --example-config' shows every setting)\n", config);
            orl_kiosk_config_free(&cfg);
            return rc == 1 ? ORL_EXIT_PROBLEMS : ORL_EXIT_USAGE;
        }
    } else {
        cfg.dir = orl_strdup(".");
    }
    /* the command line wins over the config */
    if (npaths) {
        for (int i = 0; i < cfg.nbundles; i++) free(cfg.bundles[i]);
        cfg.nbundles = 0;
        for (int i = 0; i < npaths; i++) cfg.bundles[cfg.nbundles++] = orl_strdup(paths[i]);
    }
    if (stats) {
        free(cfg.stats);
        cfg.stats = orl_strdup(stats);
    }
    if (logf) {
        free(cfg.log);
        cfg.log = orl_strdup(logf);
    }
    if (cfg.nbundles == 0) {
        fprintf(stderr, "orilla kiosk: which stories? give PATHs, or bundles = { ... } in --config kiosk.lua\n");
        orl_kiosk_config_free(&cfg);
        return ORL_EXIT_USAGE;
    }
    orl_kiosk_run_opts o = {0};
    o.config = &cfg;
    o.width = w;
    o.height = h;
    o.windowed = windowed;
    o.renderer = !renderer || strcmp(renderer, "auto") == 0 ? ORL_RENDERER_AUTO
                 : strcmp(renderer, "gpu") == 0             ? ORL_RENDERER_GPU
                                                            : ORL_RENDERER_SOFTWARE;
    o.script = script;
    o.soak = soak;
    o.seed = seed;
    int rc;
    if (check) rc = orl_kiosk_check(&cfg, stdout);
    else if (headless) rc = orl_kiosk_run_headless(&o);
    else rc = orl_kiosk_run_window(&o);
    orl_kiosk_config_free(&cfg);
    return rc;
}
