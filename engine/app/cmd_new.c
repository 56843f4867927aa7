/* orilla new NAME [--lang es|en]: a starter story folder for a workshop. Everything in it is
 * explained in plain Spanish and English, and it passes `orilla check` with nothing to mend. */
#include "app/args.h"
#include "app/commands.h"
#include "app/common.h"
#include "core/strutil.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The starter story. @ID@ is the story id; @X@ are the words of the chosen language. */
static const char story_template[] =
"-- ===========================================================================\n"
"-- @TITLE@\n"
"--\n"
"-- ES: Este archivo es la historia. Ábrelo con cualquier editor de texto\n"
"--     (Bloc de notas, TextEdit, Mousepad, Notepad++...) y guárdalo como UTF-8.\n"
"--     Las líneas que empiezan con dos guiones (--) son notas para las personas:\n"
"--     Orilla no las lee. Puedes borrarlas cuando ya no te hagan falta.\n"
"-- EN: This file is the story. Open it with any text editor and save it as\n"
"--     UTF-8. Lines that start with two dashes (--) are notes for people:\n"
"--     Orilla skips them. Delete them when you no longer need them.\n"
"--\n"
"-- ES: Para probarla / EN: To try it:\n"
"--     orilla check @DIR@                   busca errores / finds mistakes\n"
"--     orilla text @DIR@                    la juega en la terminal / plays it\n"
"--     orilla graph @DIR@ -o historia.svg   el mapa de la historia / its map\n"
"-- ===========================================================================\n"
"\n"
"-- 1. LA HISTORIA / THE STORY\n"
"-- ES: Los datos de la historia. Cambia el título y los créditos.\n"
"--     \"start\" es el nombre de la primera escena.\n"
"-- EN: The story's details. Change the title and the credits.\n"
"--     \"start\" is the name of the first scene.\n"
"story {\n"
"  id = \"@ID@\",            -- ES: nombre corto, sin espacios  EN: short name, no spaces\n"
"  title = \"@TITLE@\",\n"
"  language = \"@LANG@\",           -- ES: idioma en que está escrita  EN: the language it is written in\n"
"  -- translations = { \"@OTHER@\" },  -- ES: traducciones (mira locale/README.md)  EN: translations (see locale/README.md)\n"
"  start = \"@S1@\",\n"
"  credits = \"@CREDITS@\",\n"
"  -- warnings = { \"@WARN@\" },  -- ES: avisos antes de empezar  EN: content notes shown before it starts\n"
"}\n"
"\n"
"-- 2. UNA ESCENA / A SCENE\n"
"-- ES: Cada escena tiene un nombre entre comillas, un texto y opciones\n"
"--     (choices). \"go\" dice a qué escena lleva cada opción. No olvides las\n"
"--     comas al final de cada línea dentro de las llaves { }.\n"
"-- EN: Each scene has a name in quotes, a text and choices. \"go\" says which\n"
"--     scene a choice leads to. Do not forget the comma at the end of each\n"
"--     line inside the braces { }.\n"
"scene \"@S1@\" {\n"
"  text = \"@T1@\",\n"
"  -- background = \"images/@IMG@.png\",  -- ES: una imagen de fondo, en images/  EN: a background picture, in images/\n"
"  choices = {\n"
"    { text = \"@C1@\", go = \"@S3@\" },\n"
"    { text = \"@C2@\", go = \"@S2@\" },\n"
"  },\n"
"}\n"
"\n"
"scene \"@S2@\" {\n"
"  text = \"@T2@\",\n"
"  choices = {\n"
"    { text = \"@C3@\", go = \"@S3@\" },\n"
"  },\n"
"}\n"
"\n"
"-- 3. UN FINAL / AN ENDING\n"
"-- ES: Una escena sin opciones tiene que decir que es un final: ending = true.\n"
"-- EN: A scene with no choices must say that it is an ending: ending = true.\n"
"scene \"@S3@\" {\n"
"  text = \"@T3@\",\n"
"  ending = true,\n"
"  -- testimony = \"@TID@\",   -- ES: mostrar aquí el testimonio de abajo  EN: show the testimony below here\n"
"}\n"
"\n"
"-- 4. UN TESTIMONIO (ejemplo apagado) / A TESTIMONY (example, switched off)\n"
"-- ES: Un testimonio son las palabras de una persona real. Orilla solo lo\n"
"--     muestra donde y mientras esa persona lo permitió (consent): en un taller\n"
"--     (workshop), un quiosco (kiosk), una exposición (exhibition) o en línea\n"
"--     (online), y hasta la fecha acordada. Para usarlo, quita los \"-- \" del\n"
"--     principio de cada línea y escribe lo que acordaste con la persona.\n"
"-- EN: A testimony is a real person's words. Orilla shows it only where and\n"
"--     while that person agreed (consent): in a workshop, a kiosk, an\n"
"--     exhibition or online, and until the agreed date. To use it, remove the\n"
"--     \"-- \" at the start of each line and write what you agreed with them.\n"
"--\n"
"-- narrator \"@NID@\" {\n"
"--   name = \"@NNAME@\",   -- ES: un seudónimo, si así lo acordaron  EN: a pseudonym, if so agreed\n"
"-- }\n"
"--\n"
"-- testimony \"@TID@\" {\n"
"--   narrator = \"@NID@\",\n"
"--   text = \"@TTEXT@\",\n"
"--   -- audio = \"audio/@TID@.ogg\",\n"
"--   consent = {\n"
"--     recorded = \"2025-03-02\",   -- ES: el día en que dio su permiso  EN: the day consent was given\n"
"--     scope = { \"workshop\" },    -- ES: dónde se puede mostrar  EN: where it may be shown\n"
"--     expires = \"2030-03-02\",    -- ES: hasta cuándo  EN: until when\n"
"--     anonymised = { \"name\" },   -- ES: qué se cambió para protegerla  EN: what was changed to protect them\n"
"--   },\n"
"-- }\n";

typedef struct words { const char *key, *es, *en; } words;
static const words starter_words[] = {
    {"TITLE", "Mi historia", "My story"},
    {"CREDITS", "Creada en un taller de Orilla.", "Made in an Orilla workshop."},
    {"OTHER", "en", "es"},
    {"WARN", "separación familiar", "family separation"},
    {"S1", "inicio", "start"},
    {"S2", "esperar", "wait"},
    {"S3", "salir", "leave"},
    {"IMG", "puerta", "door"},
    {"T1", "Es de madrugada. La mochila ya está lista junto a la puerta.",
           "It is nearly dawn. The backpack is ready by the door."},
    {"C1", "Salir ahora", "Leave now"},
    {"C2", "Esperar un día más", "Wait one more day"},
    {"T2", "Esperas. Al día siguiente, la decisión sigue ahí.", "You wait. The next day, the decision is still there."},
    {"C3", "Salir", "Leave"},
    {"T3", "Cierras la puerta. El camino empieza aquí.", "You close the door. The road starts here."},
    {"TID", "ejemplo", "example"},
    {"NID", "narradora-ejemplo", "example-narrator"},
    {"NNAME", "Ana", "Ana"},
    {"TTEXT", "Aquí va la transcripción, palabra por palabra.", "The transcript goes here, word for word."},
    {NULL, NULL, NULL},
};

static const char images_readme[] =
"# images / imágenes\n"
"\n"
"ES: Pon aquí las imágenes de la historia (PNG o JPG). La pantalla mide\n"
"1920 x 1080 píxeles: una imagen más grande no se ve mejor, solo pesa más.\n"
"Úsala en una escena así:\n"
"\n"
"    background = \"images/puerta.png\",\n"
"\n"
"Los nombres de archivo distinguen mayúsculas: \"Puerta.PNG\" no es \"puerta.png\".\n"
"Usa solo imágenes que tengas permiso de usar, y nunca la cara de alguien que\n"
"no lo haya aceptado.\n"
"\n"
"EN: Put the story's pictures here (PNG or JPG). The screen is 1920 x 1080\n"
"pixels: a larger picture looks no better, it only weighs more. Use it in a\n"
"scene like this:\n"
"\n"
"    background = \"images/door.png\",\n"
"\n"
"File names are case-sensitive: \"Door.PNG\" is not \"door.png\". Use only\n"
"pictures you may use, and never the face of someone who has not agreed to it.\n";

static const char locale_readme[] =
"# locale: translations / traducciones\n"
"\n"
"ES: Aquí van las traducciones de la historia, un archivo por idioma\n"
"(en.po para inglés, fr.po para francés, ar.po para árabe...).\n"
"\n"
"1. Saca los textos de la historia:  orilla strings @DIR@ -o @DIR@/locale/story.pot\n"
"2. Abre story.pot con Poedit (poedit.net): Archivo > Nueva desde archivo POT/PO,\n"
"   elige el idioma y traduce.\n"
"3. Guarda la traducción aquí, como locale/en.po (o el código del idioma).\n"
"4. En story.lua añade el idioma:  translations = { \"en\" },\n"
"5. orilla check @DIR@ dice cuánto está traducido.\n"
"   Para verla: orilla text @DIR@ --lang en\n"
"\n"
"Si cambias textos de la historia, repite el paso 1 y en Poedit usa\n"
"Catálogo > Actualizar desde archivo POT.\n"
"\n"
"EN: The story's translations go here, one file per language (en.po for\n"
"English, fr.po for French, ar.po for Arabic...).\n"
"\n"
"1. Take the story's texts out:  orilla strings @DIR@ -o @DIR@/locale/story.pot\n"
"2. Open story.pot in Poedit (poedit.net): File > New from POT/PO file, choose\n"
"   the language, and translate.\n"
"3. Save the translation here, as locale/en.po (or the language's code).\n"
"4. In story.lua, add the language:  translations = { \"en\" },\n"
"5. orilla check @DIR@ says how much is translated.\n"
"   To see it: orilla text @DIR@ --lang en\n"
"\n"
"When you change the story's texts, do step 1 again, and in Poedit use\n"
"Catalog > Update from POT file.\n";

/* Replaces every @KEY@ in t. */
static char *fill(const char *t, const char *lang, const char *id, const char *dir)
{
    orl_buf b = {0};
    int en = strcmp(lang, "en") == 0;
    while (*t) {
        const char *at = strchr(t, '@');
        if (!at) { orl_buf_puts(&b, t); break; }
        orl_buf_put(&b, t, (size_t)(at - t));
        const char *end = strchr(at + 1, '@');
        if (!end) { orl_buf_puts(&b, at); break; }
        size_t kl = (size_t)(end - at - 1);
        const char *val = NULL;
        if (kl == 2 && strncmp(at + 1, "ID", 2) == 0) val = id;
        else if (kl == 3 && strncmp(at + 1, "DIR", 3) == 0) {
            if (strpbrk(dir, " '\"")) { /* as it must be typed in a terminal */
                orl_buf_puts(&b, "\"");
                orl_buf_puts(&b, dir);
                orl_buf_puts(&b, "\"");
                t = end + 1;
                continue;
            }
            val = dir;
        }
        else if (kl == 4 && strncmp(at + 1, "LANG", 4) == 0) val = en ? "en" : "es";
        for (int i = 0; !val && starter_words[i].key; i++)
            if (strlen(starter_words[i].key) == kl && strncmp(starter_words[i].key, at + 1, kl) == 0)
                val = en ? starter_words[i].en : starter_words[i].es;
        if (val) {
            orl_buf_puts(&b, val);
            t = end + 1;
        } else {
            orl_buf_put(&b, at, 1);
            t = at + 1;
        }
    }
    orl_buf_put(&b, "", 1);
    if (b.oom) { orl_buf_free(&b); return NULL; }
    return b.data;
}

/* A story id from a folder name: small letters, digits and '-'; accents dropped. */
static void make_id(const char *name, char *out, size_t n)
{
    size_t k = 0;
    int dash = 0;
    for (const unsigned char *p = (const unsigned char *)name; *p && k + 2 < n; p++) {
        unsigned char c = *p;
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (dash && k) out[k++] = '-';
            dash = 0;
            out[k++] = (char)c;
        } else if (c == 0xC3 && p[1]) {
            /* common Latin letters with accents: á é í ó ú ñ ü ç à è ... */
            static const char map[] = "aaaaaaaceeeeiiii" "dnooooo ouuuuy t" "aaaaaaaceeeeiiii" "dnooooo ouuuuy y";
            unsigned char d = p[1];
            if (d >= 0x80 && d <= 0xBF && map[d - 0x80] != ' ') {
                if (dash && k) out[k++] = '-';
                dash = 0;
                out[k++] = map[d - 0x80];
            } else {
                dash = 1;
            }
            p++;
        } else {
            dash = 1;
        }
    }
    out[k] = 0;
    if (!k) snprintf(out, n, "my-story");
}

static int write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wx");
    if (!f) return -1;
    size_t n = strlen(text);
    int ok = fwrite(text, 1, n, f) == n;
    if (fclose(f) != 0) ok = 0;
    return ok ? 0 : -1;
}

/* What was made, and what to do next. With ORILLA_LANG set, in that language only; without it
 * (a workshop often mixes languages) in Spanish and English, each line's Spanish from the
 * messages table (story/messages_es.inc). */
static const char *const made_words[] = {
    "the story: open it in a text editor", "pictures", "translations", "finds mistakes", "plays it in the terminal",
};
enum { W_STORY, W_PICTURES, W_TRANSLATIONS, W_CHECK, W_TEXT };

/* Where Orilla's annotations for editors (docs/orilla.d.lua) are on this machine: installed
 * next to the program's share folder (../share/orilla, as the .deb puts it in /usr/share/orilla),
 * in the source tree the program was built from, or in /usr/share/orilla; that last one when
 * none is found. */
static void annotations_path(char *out, size_t n)
{
    char exe[4096];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    char cand[3][4200];
    int nc = 0;
    if (len > 0) {
        exe[len] = 0;
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = 0;
            snprintf(cand[nc++], sizeof cand[0], "%s/../share/orilla/orilla.d.lua", exe);
        }
    }
    snprintf(cand[nc++], sizeof cand[0], "%s/docs/orilla.d.lua", ORL_SOURCE_DIR);
    snprintf(cand[nc++], sizeof cand[0], "/usr/share/orilla/orilla.d.lua");
    for (int i = 0; i < nc; i++) {
        char real[4096];
        if (access(cand[i], R_OK) == 0 && realpath(cand[i], real)) {
            snprintf(out, n, "%s", real);
            return;
        }
    }
    snprintf(out, n, "/usr/share/orilla/orilla.d.lua");
}

/* .luarc.json: lua-language-server (VS Code's Lua extension, Neovim...) reads it and then
 * completes and explains every field of story.lua, and knows story, scene... */
static char *luarc_text(void)
{
    char path[4096], esc[8300];
    annotations_path(path, sizeof path);
    size_t o = 0;
    for (const char *p = path; *p && o + 3 < sizeof esc; p++) {
        if (*p == '"' || *p == '\\') esc[o++] = '\\';
        esc[o++] = *p;
    }
    esc[o] = 0;
    return orl_format("{\n"
                      "  \"runtime.version\": \"Lua 5.4\",\n"
                      "  \"workspace.library\": [\"%s\"],\n"
                      "  \"diagnostics.globals\": [\"story\", \"scene\", \"narrator\", \"testimony\", \"include\"]\n"
                      "}\n", esc);
}

static void print_made(const char *dir)
{
    const char *env = getenv("ORILLA_LANG");
    int both = !env || !*env || !orl_messages_has_lang(env);
    orl_wording_fn es = orl_messages_wording("es");
    const char *head = "Made the story folder %s/\n", *next = "Next";
    if (both) {
        printf("ES: ");
        printf(orl_app_words_in(es, "@new", head), dir);
        printf("EN: ");
        printf(head, dir);
        printf("\n");
    } else {
        printf(orl_app_words("@new", head), dir);
        printf("\n");
    }
    const char *w[5];
    char buf[5][200];
    for (int i = 0; i < 5; i++) {
        if (both) {
            snprintf(buf[i], sizeof buf[i], "%s / %s", orl_app_words_in(es, "@new", made_words[i]), made_words[i]);
            w[i] = buf[i];
        } else {
            w[i] = orl_app_words("@new", made_words[i]);
        }
    }
    printf("  %s/story.lua          %s\n", dir, w[W_STORY]);
    printf("  %s/images/            %s\n", dir, w[W_PICTURES]);
    printf("  %s/locale/            %s\n\n", dir, w[W_TRANSLATIONS]);
    if (both) printf("ES: %s / EN: %s:\n", orl_app_words_in(es, "@new", next), next);
    else printf("%s:\n", orl_app_words("@new", next));
    printf("  orilla check %s       %s\n", dir, w[W_CHECK]);
    printf("  orilla text %s        %s\n", dir, w[W_TEXT]);
}

int orl_cmd_new(int argc, char **argv)
{
    orl_args a;
    orl_args_init(&a, argc, argv);
    const char *name = NULL, *lang = "es";
    int k;
    while ((k = orl_args_next(&a)) && !a.error) {
        if (k == 2) {
            if (name) orl_args_fail(&a, "give one folder name, not '%s' too", a.val);
            name = a.val;
        } else if (orl_args_is(&a, "--lang")) {
            lang = orl_args_value(&a);
            if (lang && strcmp(lang, "es") && strcmp(lang, "en"))
                orl_args_fail(&a, "--lang is es (español) or en (English), not '%s'", lang);
        } else {
            orl_args_fail(&a, "unknown option %s", a.opt);
        }
    }
    if (!a.error && !name)
        orl_args_fail(&a, "what should the story folder be called? for example: orilla new mi-historia");
    if (!a.error && (!*name || strlen(name) > 400))
        orl_args_fail(&a, "give a folder name, like mi-historia");
    if (a.error) return ORL_EXIT_USAGE;

    char dir[512];
    snprintf(dir, sizeof dir, "%s", name);
    size_t dl = strlen(dir);
    while (dl > 1 && dir[dl - 1] == '/') dir[--dl] = 0;
    struct stat sb;
    if (stat(dir, &sb) == 0) {
        fprintf(stderr, orl_app_words("@new", "orilla new: %s already exists; choose another name (nothing was changed)\n"),
                dir);
        return ORL_EXIT_USAGE;
    }
    const char *base = strrchr(dir, '/');
    base = base ? base + 1 : dir;
    char id[80];
    make_id(base, id, sizeof id);
    if (mkdir(dir, 0777) != 0) {
        fprintf(stderr, orl_app_words("@new", "orilla new: cannot make the folder %s: %s\n"), dir, strerror(errno));
        return ORL_EXIT_USAGE;
    }
    char p1[600], p2[600], p3[600];
    snprintf(p1, sizeof p1, "%s/images", dir);
    snprintf(p2, sizeof p2, "%s/locale", dir);
    char *story = fill(story_template, lang, id, dir);
    char *img = fill(images_readme, lang, id, dir);
    char *loc = fill(locale_readme, lang, id, dir);
    int ok = story && img && loc && mkdir(p1, 0777) == 0 && mkdir(p2, 0777) == 0;
    if (ok) {
        snprintf(p3, sizeof p3, "%s/story.lua", dir);
        ok = write_file(p3, story) == 0;
    }
    if (ok) {
        snprintf(p3, sizeof p3, "%s/images/README.md", dir);
        ok = write_file(p3, img) == 0;
    }
    if (ok) {
        snprintf(p3, sizeof p3, "%s/locale/README.md", dir);
        ok = write_file(p3, loc) == 0;
    }
    if (ok) {
        char *luarc = luarc_text();
        snprintf(p3, sizeof p3, "%s/.luarc.json", dir);
        ok = luarc && write_file(p3, luarc) == 0;
        free(luarc);
    }
    free(story);
    free(img);
    free(loc);
    if (!ok) {
        fprintf(stderr, orl_app_words("@new", "orilla new: cannot write the files in %s: %s\n"), dir, strerror(errno));
        return ORL_EXIT_USAGE;
    }
    print_made(dir);
    return ORL_EXIT_OK;
}
