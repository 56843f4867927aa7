#include "app/commands.h"
#include <string.h>

/* One entry per subcommand; the usage text is what `orilla help NAME` prints. */
const orl_command orl_commands[] = {
    {"play", orl_cmd_play, "play a story in a window (touch, mouse, keys, gamepad), or headless into a PNG",
     "usage: orilla play PATH [--fullscreen] [--lang L] [--size WxH] [--renderer software|gpu|auto]\n"
     "                   [--deployment D] [--withdrawn FILE] [--seed N] [--text-size 1-4]\n"
     "                   [--high-contrast] [--reduce-motion] [--watch] [--key PUB]\n"
     "       orilla play --headless --choices 1,2,1 --screenshot out.png PATH [--size WxH] [--time T]\n\n"
     "--key PUB plays PATH only when it is a bundle signed by that key (orilla keygen) with\n"
     "every file as signed; otherwise it says why and exits 1.\n"
     "Opens a window (resizable; --fullscreen fills the screen; F11 switches) with the story's\n"
     "title, its content note, then its scenes: text, testimony (or the consent notice where\n"
     "consent does not allow it), the fact with its source, and choices as buttons or as points\n"
     "on the picture. Keys: 1-9 choose, arrows and Tab move, Enter or Space activate, Backspace\n"
     "goes one choice back, Esc opens the settings (text size, high contrast, reduce motion,\n"
     "language). Gamepad: D-pad, A, B, Start; the right stick and dragging look around a\n"
     "panorama.\n"
     "--renderer: auto (default) uses SDL's software renderer when the machine has no GPU\n"
     "(OpenGL would be llvmpipe: slower to start and heavier), the GPU otherwise.\n"
     "--deployment (workshop, kiosk, exhibition, online) and --withdrawn decide which\n"
     "testimonies consent allows, as for 'orilla text'.\n"
     "--high-contrast and --reduce-motion start with those settings on (both can be changed in\n"
     "the settings): an opaque panel with white text and stronger rings; no camera moves, cuts\n"
     "between scenes, nothing animated.\n"
     "--no-transitions cuts from scene to scene (no 0.35 s crossfade), as the bench peers do.\n"
     "--watch (a story folder, not a bundle) reloads the story when its files are saved and\n"
     "keeps the reader's scene, state and history; problems are shown over the last version\n"
     "that worked until they are mended.\n"
     "--headless plays with no display: the title and content note are passed, the --choices\n"
     "are picked one by one (numbered as 'orilla text' numbers them), and the last screen is\n"
     "written to --screenshot at --time seconds into its camera move.\n"
     "With a window, --choices are picked before the first frame and --screenshot writes the\n"
     "window's last frame when it closes.\n"
     "Exit 0; 1 when the story has problems; 2 for a usage error, an unreadable story, a choice\n"
     "that is not there, or no display (then try 'orilla text PATH').\n"},
    {"shot", orl_cmd_shot, "draw one scene or screen of a story into a PNG, with no display",
     "usage: orilla shot PATH --scene ID [--lang L] [--size 1920x1080] [--time 2.5] -o out.png\n"
     "       orilla shot PATH --screen title|warnings|support|credits [-o out.png ...]\n\n"
     "Draws what the window player shows. --scene enters that scene with a fresh state, as if\n"
     "the reader had just arrived (its on_enter runs, its 'when' conditions see that state).\n"
     "--time is seconds into the scene's camera move. --size is the picture's size (the 1920x1080\n"
     "canvas is scaled and letterboxed into it). Also --deployment D, --withdrawn FILE, --seed N,\n"
     "--text-size 1-4, --settings (with the settings open), --focus N (focus ring on button N),\n"
     "--high-contrast, --reduce-motion (as for 'orilla play'), --look YAW,PITCH[,FOV] (a\n"
     "panorama's initial look in degrees; ignored, with a note, for other scenes).\n"
     "Exit 0; 1 when the story has problems; 2 for a usage error or an unknown scene.\n"},
    {"text", orl_cmd_text, "play a story in the terminal",
     "usage: orilla text PATH [--lang L] [--choices 1,2,...] [--seed N] [--deployment D]\n"
     "                        [--withdrawn FILE]\n\n"
     "Plays the story in the terminal: the scene's text, its fact with the source, and\n"
     "numbered choices. Type a number and Enter to choose (q to quit). --choices picks\n"
     "them for you, one by one, then reads the rest from standard input.\n"
     "Before a scene or testimony with warnings it shows a content note and asks\n"
     "1. Continue  2. Skip this part; --choices answers those questions too, in order.\n"
     "Type s at any question (or put s in --choices) for the people you can talk to.\n"
     "A testimony is shown only when its consent covers --deployment (workshop, the\n"
     "default; kiosk, exhibition, online) today (ORILLA_TODAY=YYYY-MM-DD to rehearse\n"
     "another day) and it is not withdrawn (--withdrawn FILE and ORILLA_WITHDRAWN);\n"
     "otherwise a short notice takes its place. See docs/care.md.\n"},
    {"consent", orl_cmd_consent, "each testimony's consent, and whether it is shown here today",
     "usage: orilla consent PATH [--deployment D] [--withdrawn FILE] [--date YYYY-MM-DD]\n\n"
     "A table of every testimony: its narrator, where it may be shown (scope), when consent\n"
     "was recorded and when it ends, and what the audience sees today at this deployment\n"
     "(workshop, the default; kiosk, exhibition or online): \"shown\", or \"hidden:\" and why\n"
     "(no consent, out of scope, ended, withdrawn, dates that cannot be read, or a clock set\n"
     "before the story was made), and how many days of consent are left.\n"
     "The date is today, or ORILLA_TODAY=YYYY-MM-DD, or --date. The withdrawal list is the\n"
     "file given with --withdrawn and the one named by ORILLA_WITHDRAWN (both, when both are\n"
     "set): one story-id/testimony-id per line, '#' starts a comment (docs/care.md).\n"
     "A hidden testimony is not a problem: it is consent working.\n"
     "Exit 0; 1 when a testimony has no consent or consent that cannot be read, the story has\n"
     "errors, or the withdrawal list names a testimony this story does not have (a typo\n"
     "would leave a withdrawal unhonoured); 2 when PATH or the withdrawal list cannot be read\n"
     "or has malformed lines.\n"},
    {"walk", orl_cmd_walk, "explore every path; report endings, dead ends, script errors",
     "usage: orilla walk PATH [--all | --random N] [--seed N] [--max-states N]\n\n"
     "--all (the default) visits every reachable (scene, state) pair, up to --max-states,\n"
     "and reports the scenes reached, the endings, dead ends, scenes nobody can reach and\n"
     "script errors. --random N plays N random playthroughs from --seed.\n"
     "Exit 0 when all is well, 1 when it found problems.\n"},
    {"check", orl_cmd_check, "find every problem in a story, as file:line: messages",
     "usage: orilla check PATH [--format text|json] [--deployment D] [--lang en|es]\n\n"
     "Reads the story and reports every problem it finds, each as\n"
     "  file:line: error: what is wrong; how to mend it\n"
     "Errors stop a story from being packed or played at a kiosk; warnings are advice.\n"
     "It also says how much of each translation (locale/LANG.po) is done, which translated\n"
     "texts are no longer in the story, texts too long for the screen, pictures much larger\n"
     "than the screen, and choices whose 'when' is never true on any path.\n"
     "--lang es gives the messages in Spanish (los mensajes en español); ORILLA_LANG=es in\n"
     "the environment does the same, also for the problems other commands report.\n"
     "Exit 0 when there are no errors, 1 when there are, 2 when PATH cannot be read.\n"},
    {"pack", orl_cmd_pack, "make a .orilla bundle of a story folder (with a manifest, optionally signed)",
     "usage: orilla pack DIR -o NAME.orilla [--sign KEY.key] [--verbose]\n\n"
     "Checks the story first and refuses one with errors. Then writes one zip file with\n"
     "every file of the folder and a manifest of their sizes and SHA-256 hashes\n"
     "(.orilla/manifest.lua); with --sign, an Ed25519 signature of the manifest made with\n"
     "a key from 'orilla keygen'. Hidden files (.git, .DS_Store) and editor backups (name~)\n"
     "are left out; links to files outside the folder are refused. The same folder always\n"
     "gives the same bytes (timestamps are 1980-01-01, or SOURCE_DATE_EPOCH when set).\n"
     "The bundle is written to a temporary file, checked, then put in place: NAME.orilla\n"
     "is never left half-written.\n"
     "Exit 0 when written, 1 when the story has problems, 2 when DIR cannot be read or\n"
     "NAME.orilla cannot be written.\n"},
    {"verify", orl_cmd_verify, "check a bundle's files against its manifest, and its signature",
     "usage: orilla verify FILE.orilla [--key NAME.pub] [--format text|json]\n\n"
     "Checks every file of the bundle against the manifest 'orilla pack' wrote: a file\n"
     "missing, an extra file, or one whose size or SHA-256 changed is one line each:\n"
     "  story.orilla: error: images/a.png: changed (sha256 differs)\n"
     "With --key, the bundle must also carry a good signature by that public key\n"
     "(an unsigned bundle, or one signed by another key, is a problem).\n"
     "Exit 0 when all is well, 1 when there are problems, 2 when the file cannot be read\n"
     "(not a zip, cut short, or refused as hostile: too many files, names outside the\n"
     "bundle, sizes past the limits).\n"},
    {"info", orl_cmd_info, "what a bundle or story holds: id, languages, signature, consent",
     "usage: orilla info PATH [--key NAME.pub]\n\n"
     "Prints the story's id, title, version and languages; the bundle's size and file\n"
     "count, its manifest, and whether it is signed and by which key (checked when --key\n"
     "is given); and a consent summary: each testimony's scopes and end date, how many\n"
     "may be shown at a kiosk, an exhibition, a workshop or online, and which expired.\n"
     "It does not hash the files: 'orilla verify' does.\n"
     "Exit 0, 1 when the story or bundle has problems, 2 when PATH cannot be read.\n"},
    {"keygen", orl_cmd_keygen, "make a key pair for signing bundles",
     "usage: orilla keygen -o NAME\n\n"
     "Writes NAME.key (the secret key, readable only by you: keep it private, it signs\n"
     "bundles as you) and NAME.pub (the public key: give it to exhibitions, which check\n"
     "bundles with 'orilla verify --key NAME.pub'). Never overwrites a key.\n"
     "Prints the key's fingerprint, the first 16 hex digits of the SHA-256 of NAME.pub's key.\n"},
    {"strings", orl_cmd_strings, "the story's texts for translators (a POT file for Poedit)",
     "usage: orilla strings PATH [-o locale/story.pot]\n\n"
     "Writes every text readers see (title, scenes, choices, facts, testimonies, warnings,\n"
     "support, credits, and the texts that story functions return with return \"...\")\n"
     "as a gettext template: one entry per text, with the file:line where it is written\n"
     "and a note for translators. Without -o it goes to standard output.\n"
     "To translate: open the file in Poedit (File > New from POT/PO file), choose the\n"
     "language, and save the result in the story folder as locale/LANG.po; list LANG in\n"
     "story { translations = { ... } }. 'orilla check' says how much is translated.\n"
     "Exit 0 when written, 1 when the story has errors, 2 when PATH cannot be read.\n"},
    {"graph", orl_cmd_graph, "the story as a picture: scenes, choices, endings (Graphviz)",
     "usage: orilla graph PATH [-o story.dot | -o story.svg | -o story.png] [--lang en|es] [--no-legend]\n\n"
     "Draws the story: each scene is a box with its name and first words, each choice an\n"
     "arrow. The start has a green dot; endings are double octagons; a choice shown only\n"
     "sometimes (it has a 'when') is dashed; scenes no choice leads to are red; a scene\n"
     "that is stuck (no choices, not an ending) is orange. A testimony appears as a note,\n"
     "\"Testimony of NAME\", with its first words only when its consent covers \"workshop\".\n"
     "Without -o it writes Graphviz DOT text to standard output. -o NAME.svg (or .png, .pdf)\n"
     "draws the picture with Graphviz's 'dot' program, which must be installed.\n"
     "--lang es writes the picture's own words in Spanish (ORILLA_LANG=es does too).\n"
     "A story with errors is still drawn (exit 1). Exit 0 when written, 2 when PATH cannot\n"
     "be read or the file cannot be written.\n"},
    {"new", orl_cmd_new, "a starter story folder for a workshop",
     "usage: orilla new NAME [--lang es|en]\n\n"
     "Makes the folder NAME with a small story to start from: story.lua (two scenes, a\n"
     "choice, an ending, and a testimony example with its consent, switched off), each\n"
     "part explained in plain Spanish and English; images/ and locale/ with a README.\n"
     "--lang en writes the story's own texts in English (default: Spanish).\n"
     "It passes 'orilla check' as it is. It never touches a folder that already exists.\n"
     "Exit 0 when made, 2 when NAME exists or cannot be made.\n"},
    {"import", orl_cmd_import, "a Twine story (Twee 3) as an Orilla story folder",
     "usage: orilla import twee FILE.twee -o FOLDER [--lang L]\n\n"
     "Reads a Twine 2 story saved as Twee (in Twine 2.6 or later: Build > Export As Twee;\n"
     "or Tweego's -d) and writes FOLDER/story.lua: each passage a scene, each link\n"
     "([[Text]], [[Text->Passage]], [[Passage<-Text]], [[Text|Passage]]) a choice, each\n"
     "passage without links an ending. StoryTitle gives the title, StoryData the start.\n"
     "Twine code Orilla cannot run (macros, $variables, HTML) stays as text, with a\n"
     "warning naming the passage and line. --lang L sets the story's language (default en).\n"
     "FOLDER must be new (or empty). The result is checked before the command ends.\n"
     "Exit 0 when written, 1 when the file has no story in it, 2 for usage errors or\n"
     "files that cannot be read or written.\n"},
    {"kiosk", orl_cmd_kiosk, "the unattended exhibition mode: attract loop, idle reset, operator menu, statistics",
     "usage: orilla kiosk [--config kiosk.lua] [PATH...] [--stats FILE] [--log FILE] [--size WxH]\n"
     "                    [--renderer software|gpu|auto] [--windowed]\n"
     "       orilla kiosk --example-config         a commented kiosk.lua to start from\n"
     "       orilla kiosk --hash-pin               reads a PIN on standard input, prints its hash\n"
     "       orilla kiosk --check [--config kiosk.lua] [PATH...]   checks the config and bundles, then exits\n"
     "       orilla kiosk --headless --script FILE [--config kiosk.lua] [PATH...] [--size WxH]\n\n"
     "Fills the screen and never ends by itself: an attract loop (the stories' covers, \"touch\n"
     "to begin\" in each language), a language picker, a story picker when there are several,\n"
     "then the story. With no touch for idle_seconds it asks \"are you still there?\" and after\n"
     "a countdown goes back to the start with everything cleared. Esc, Alt+F4 and the window's\n"
     "close button do nothing; SIGTERM (systemctl stop) ends it cleanly. A story that fails\n"
     "sends the visitor back to the start with a calm message and is logged; a bundle that\n"
     "fails verification against `key` is left out; with no story left, an \"out of order\"\n"
     "screen. The operator menu (hold the top-left corner 5 s, or Ctrl+Alt+O, then the PIN):\n"
     "statistics, volume, reload stories, withdrawn testimonies, quit.\n"
     "PATHs (stories or bundles) replace the config's bundles; --stats and --log its files.\n"
     "Anonymous statistics (counts of choices and endings, never who) go to the config's\n"
     "stats file: read them with 'orilla stats'. docs/kiosk.md explains the set-up.\n"
     "--headless plays a script of touches and waits with no display, writing screenshots\n"
     "(for tests and rehearsals; the script format is in docs/kiosk.md).\n"
     "Exit 0 when stopped (SIGTERM, operator Quit, end of a script); 1 when the config has\n"
     "errors or a script expectation failed; 2 for usage errors, an unreadable config, or no\n"
     "display.\n"},
    {"stats", orl_cmd_stats, "the anonymous choice statistics a kiosk kept",
     "usage: orilla stats [--db FILE | --config kiosk.lua] [--csv] [--story ID]\n\n"
     "Prints, for each story and version, the sessions started, finished and left before an\n"
     "ending, the languages used, how often each choice was taken at each scene (with its\n"
     "share) and how often each ending was reached. --csv writes the same as CSV with the\n"
     "header kind,story,version,day,scene,choice,target,lang,count. --story keeps one story.\n"
     "The database is opened read-only, so it can be read while the kiosk runs. Default:\n"
     "/var/lib/orilla/stats.db, or the stats file of --config.\n"
     "It holds counters only: no visitor, no session, no time finer than the day.\n"
     "Exit 0; 2 when the database cannot be read (missing, damaged, not Orilla's).\n"},
    {NULL, NULL, NULL, NULL},
};

const orl_command *orl_command_find(const char *name)
{
    for (const orl_command *c = orl_commands; c->name; c++)
        if (strcmp(c->name, name) == 0) return c;
    return NULL;
}
