/* kiosk.lua: defaults, paths, the example. The Lua part is config_lua.c. */
#include "kiosk/config.h"
#include "core/strutil.h"
#include <stdlib.h>
#include <string.h>

const char *const orl_kiosk_config_fields[] = {
    "deployment", "languages", "idle_seconds", "countdown_seconds", "bundles", "key", "withdrawn", "stats",
    "log", "pin_hash", "show_others", "others_min_sessions", "volume", "voice", NULL,
};

void orl_kiosk_config_defaults(orl_kiosk_config *c)
{
    memset(c, 0, sizeof *c);
    c->deployment = ORL_DEPLOY_KIOSK;
    c->idle_seconds = ORL_KIOSK_IDLE_DEFAULT;
    c->countdown_seconds = ORL_KIOSK_COUNTDOWN_DEFAULT;
    c->show_others = 1;
    c->others_min_sessions = ORL_KIOSK_OTHERS_DEFAULT;
    c->volume = 0.8;
}

void orl_kiosk_config_free(orl_kiosk_config *c)
{
    if (!c) return;
    free(c->file);
    free(c->dir);
    for (int i = 0; i < c->nlanguages; i++) free(c->languages[i]);
    for (int i = 0; i < c->nbundles; i++) free(c->bundles[i]);
    free(c->key);
    free(c->withdrawn);
    free(c->stats);
    free(c->log);
    if (c->pin_hash) {
        memset(c->pin_hash, 0, strlen(c->pin_hash));
        free(c->pin_hash);
    }
    memset(c, 0, sizeof *c);
}

char *orl_kiosk_config_path(const orl_kiosk_config *c, const char *p)
{
    if (!p) return NULL;
    if (p[0] == '/' || !c || !c->dir || strcmp(c->dir, ".") == 0) return orl_strdup(p);
    return orl_format("%s/%s", c->dir, p);
}

const char *orl_kiosk_config_example(void)
{
    return "-- kiosk.lua: the settings of an Orilla kiosk (docs/kiosk.md explains each one).\n"
           "-- Start it with:  orilla kiosk --config kiosk.lua\n"
           "-- Paths are relative to the folder of this file. Lines starting with -- are comments.\n"
           "kiosk {\n"
           "  -- Where the stories are shown: \"kiosk\" (a screen people use alone) or \"exhibition\".\n"
           "  -- Each testimony is shown only where its narrator's consent covers this.\n"
           "  deployment = \"kiosk\",\n"
           "\n"
           "  -- The languages visitors can choose, in this order (each shown written in itself).\n"
           "  languages = { \"es\", \"en\", \"fr\", \"ar\" },\n"
           "\n"
           "  -- Seconds without a touch before \"Are you still there?\", then seconds of countdown\n"
           "  -- before everything goes back to the start (the next visitor finds a clean screen).\n"
           "  idle_seconds = 90,\n"
           "  countdown_seconds = 20,\n"
           "\n"
           "  -- The stories, as .orilla bundles made with 'orilla pack' (or story folders when no key).\n"
           "  bundles = {\n"
           "    \"/etc/orilla/stories/tres-caminos.orilla\",\n"
           "  },\n"
           "\n"
           "  -- The workshop's public key ('orilla keygen'): a bundle not signed by it, or changed\n"
           "  -- after signing, is left out and listed in the operator menu. Without it any bundle\n"
           "  -- is shown (its files are still checked against its manifest): not for an exhibition.\n"
           "  key = \"/etc/orilla/workshop.pub\",\n"
           "\n"
           "  -- Testimonies withdrawn by their narrators: one story-id/testimony-id per line\n"
           "  -- (docs/care.md); an empty file is fine. The kiosk watches it: a withdrawal applies\n"
           "  -- from the next screen on, without a restart.\n"
           "  withdrawn = \"/etc/orilla/withdrawn.txt\",\n"
           "\n"
           "  -- Anonymous statistics: counts of choices and endings, never who made them.\n"
           "  -- Read them with:  orilla stats --db /var/lib/orilla/stats.db\n"
           "  stats = \"/var/lib/orilla/stats.db\",\n"
           "\n"
           "  -- At the end of a story, show how other visitors chose at the same moments, but only\n"
           "  -- where at least others_min_sessions sessions passed (fewer could point at a person).\n"
           "  show_others = true,\n"
           "  others_min_sessions = 20,\n"
           "\n"
           "  -- The operator PIN, as a hash. Make one with:  orilla kiosk --hash-pin\n"
           "  -- (type the PIN, 4 to 12 digits; paste the line it prints here). Without it the\n"
           "  -- operator menu (hold the top-left corner 5 s, or Ctrl+Alt+O) stays closed.\n"
           "  -- pin_hash = \"$argon2id$v=19$m=65536,t=2,p=1$...\",\n"
           "\n"
           "  -- The kiosk's own log (never anything about visitors): 1 MB x 5 files, rotated.\n"
           "  log = \"/var/log/orilla/kiosk.log\",\n"
           "\n"
           "  -- Sound volume at start, 0 to 1 (the operator menu changes it until the next start).\n"
           "  volume = 0.8,\n"
           "\n"
           "  -- Read every screen aloud (espeak-ng), for visitors who cannot read it. Visitors can\n"
           "  -- also turn it on and off in the settings.\n"
           "  voice = false,\n"
           "}\n";
}
