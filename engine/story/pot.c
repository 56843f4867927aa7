/* `orilla strings`: every visible text of a story as a gettext template (POT), the file
 * translators open in Poedit to start a translation (see locale.h). */
#include "story/locale.h"
#include "core/strmap.h"
#include "core/strutil.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct pot_entry {
    char *id;
    orl_strlist refs;      /* "file:line" */
    orl_strlist notes;     /* translator notes (#.) */
} pot_entry;

typedef struct pot {
    pot_entry *e;
    int n, cap;
    orl_strmap map;        /* id -> index (keys are the entries' own ids) */
    int oom;
    const orl_story *st;   /* for a transcript's kind (real, recreated, composite) */
} pot;

static int list_add_unique(orl_strlist *l, const char *s)
{
    for (int i = 0; i < l->n; i++)
        if (strcmp(l->items[i], s) == 0) return 0;
    char **ni = realloc(l->items, (size_t)(l->n + 1) * sizeof *ni);
    if (!ni) return -1;
    l->items = ni;
    if (!(l->items[l->n] = orl_strdup(s))) return -1;
    l->n++;
    return 0;
}

static void note_for(const orl_text_ref *t, char *out, size_t n)
{
    const char *o = t->owner ? t->owner : "?";
    switch (t->kind) {
    case ORL_TEXT_TITLE: snprintf(out, n, "the story's title"); break;
    case ORL_TEXT_CREDITS: snprintf(out, n, "credits, shown at the end"); break;
    case ORL_TEXT_WARNING:
        if (t->owner) snprintf(out, n, "content warning (\"%.100s\"), shown before it", o);
        else snprintf(out, n, "content warning, shown before the story");
        break;
    case ORL_TEXT_SUPPORT_NAME: snprintf(out, n, "support: who readers can talk to (translate only a name that has an official translation)"); break;
    case ORL_TEXT_SUPPORT_NOTE: snprintf(out, n, "support: what they offer"); break;
    case ORL_TEXT_NARRATOR_NAME: snprintf(out, n, "name of a narrator (often a pseudonym): keep it, or write it in the reader's alphabet"); break;
    case ORL_TEXT_TRANSCRIPT: snprintf(out, n, "testimony of %.100s: handle with care", t->narrator ? t->narrator : o); break;
    case ORL_TEXT_SCENE_TITLE: snprintf(out, n, "scene \"%.100s\": title", o); break;
    case ORL_TEXT_SCENE_TEXT: snprintf(out, n, "scene \"%.100s\"", o); break;
    case ORL_TEXT_CHOICE: snprintf(out, n, "scene \"%.100s\", choice %d", o, t->choice); break;
    case ORL_TEXT_FACT: snprintf(out, n, "scene \"%.100s\": fact", o); break;
    case ORL_TEXT_FACT_SOURCE: snprintf(out, n, "scene \"%.100s\": where the fact comes from (keep a publication's own name)", o); break;
    case ORL_TEXT_SKIP_TEXT: snprintf(out, n, "\"%.100s\": shown in its place to a reader who skips it", o); break;
    case ORL_TEXT_FACT_URL: snprintf(out, n, "scene \"%.100s\": the link to the fact's publication; give the same publication in the reader's language if its publisher has one, else leave it empty", o); break;
    case ORL_TEXT_SUPPORT_CONTACT: snprintf(out, n, "support: how to reach them; give their page in the reader's language if they have one, else leave it empty"); break;
    case ORL_TEXT_FUNCTION:
        if (t->choice) snprintf(out, n, "scene \"%.100s\", choice %d: one of the texts its code chooses", o, t->choice);
        else snprintf(out, n, "scene \"%.100s\": one of the texts its code chooses", o);
        break;
    }
}

static int collect(const orl_text_ref *t, void *ud)
{
    pot *p = ud;
    int i = orl_strmap_get(&p->map, t->text);
    if (i < 0) {
        if (p->n == p->cap) {
            int nc = p->cap ? p->cap * 2 : 64;
            pot_entry *ne = realloc(p->e, (size_t)nc * sizeof *ne);
            if (!ne) { p->oom = 1; return 1; }
            p->e = ne;
            p->cap = nc;
        }
        pot_entry *e = &p->e[p->n];
        memset(e, 0, sizeof *e);
        if (!(e->id = orl_strdup(t->text))) { p->oom = 1; return 1; }
        if (orl_strmap_put(&p->map, e->id, p->n) != 0) { free(e->id); p->oom = 1; return 1; }
        i = p->n++;
    }
    pot_entry *e = &p->e[i];
    char buf[600];
    if (t->loc.file) {
        if (t->loc.line > 0) snprintf(buf, sizeof buf, "%.500s:%d", t->loc.file, t->loc.line);
        else snprintf(buf, sizeof buf, "%.500s", t->loc.file);
        if (list_add_unique(&e->refs, buf) != 0) { p->oom = 1; return 1; }
    }
    note_for(t, buf, sizeof buf);
    /* a note must stay on one line */
    for (char *q = buf; *q; q++) if (*q == '\n' || *q == '\r') *q = ' ';
    if (list_add_unique(&e->notes, buf) != 0) { p->oom = 1; return 1; }
    /* the translator is told what the words are: a real person's, or written for the story */
    int ti = t->kind == ORL_TEXT_TRANSCRIPT && p->st && t->owner ? orl_story_find_testimony(p->st, t->owner) : -1;
    orl_testimony_kind kind = ti >= 0 ? orl_testimony_kind_of(p->st, &p->st->testimonies[ti]) : ORL_KIND_REAL;
    const char *what = kind == ORL_KIND_RECREATED ? "recreated from real accounts, written for the story: translate them faithfully, without softening or adding"
                       : kind == ORL_KIND_COMPOSITE ? "a composite of several real accounts, written for the story: translate them faithfully, without softening or adding"
                                                    : "a real person's own words: translate them faithfully, without softening or adding";
    if (t->kind == ORL_TEXT_TRANSCRIPT && list_add_unique(&e->notes, what) != 0) {
        p->oom = 1;
        return 1;
    }
    return 0;
}

/* One PO string, escaped, wrapped like xgettext does: after each \n and at spaces so lines
 * stay under 80 columns. `kw` is "msgid" or "msgstr". */
static void put_po_string(FILE *out, const char *kw, const char *s)
{
    size_t len = strlen(s);
    int multi = len > 70 || (strchr(s, '\n') && strchr(s, '\n')[1]);
    if (!multi) {
        fprintf(out, "%s \"", kw);
    } else {
        fprintf(out, "%s \"\"\n\"", kw);
    }
    orl_buf line = {0};
    size_t last_space = 0; /* position in line.data just after a space, 0 = none */
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        char esc[8];
        switch (c) {
        case '"': strcpy(esc, "\\\""); break;
        case '\\': strcpy(esc, "\\\\"); break;
        case '\n': strcpy(esc, "\\n"); break;
        case '\t': strcpy(esc, "\\t"); break;
        case '\r': strcpy(esc, "\\r"); break;
        case '\a': strcpy(esc, "\\a"); break;
        case '\b': strcpy(esc, "\\b"); break;
        case '\f': strcpy(esc, "\\f"); break;
        case '\v': strcpy(esc, "\\v"); break;
        default:
            if (c < 0x20 || c == 0x7f) snprintf(esc, sizeof esc, "\\%03o", c);
            else { esc[0] = (char)c; esc[1] = 0; }
        }
        orl_buf_puts(&line, esc);
        if (c == ' ') last_space = line.len;
        if (!multi) continue;
        if (c == '\n' && i + 1 < len) {
            fwrite(line.data, 1, line.len, out);
            fputs("\"\n\"", out);
            line.len = 0;
            last_space = 0;
        } else if (line.len > 76 && last_space > 0 && last_space < line.len) {
            fwrite(line.data, 1, last_space, out);
            fputs("\"\n\"", out);
            memmove(line.data, line.data + last_space, line.len - last_space);
            line.len -= last_space;
            last_space = 0;
        }
    }
    if (line.len) fwrite(line.data, 1, line.len, out);
    fputs("\"\n", out);
    orl_buf_free(&line);
}

static void put_comment_text(FILE *out, const char *s)
{
    for (; s && *s; s++) fputc(*s == '\n' || *s == '\r' ? ' ' : *s, out);
}

int orl_story_write_pot(orl_story *st, FILE *out) { return orl_story_write_pot_ex(st, NULL, out); }

int orl_story_write_pot_ex(orl_story *st, const orl_withdrawn *withdrawn, FILE *out)
{
    pot p = {0};
    p.st = st;
    int rc = orl_story_texts_ex(st, ORL_TEXTS_FUNCTIONS | ORL_TEXTS_LINES | ORL_TEXTS_CONSENTED, withdrawn, collect, &p);
    if (rc < 0) p.oom = 1;
    if (!p.oom) {
        char date[64] = "";
        time_t now = time(NULL);
        const char *sde = getenv("SOURCE_DATE_EPOCH"); /* reproducible files */
        if (sde && *sde) {
            char *end;
            long long v = strtoll(sde, &end, 10);
            if (!*end && v >= 0) now = (time_t)v;
        }
        struct tm tmv;
        if (gmtime_r(&now, &tmv)) strftime(date, sizeof date, "%Y-%m-%d %H:%M+0000", &tmv);
        fputs("# Texts of the story ", out);
        if (st->title) { fputc('"', out); put_comment_text(out, st->title); fputs("\" ", out); }
        if (st->id) { fputc('(', out); put_comment_text(out, st->id); fputs(")", out); }
        fputs(", to translate.\n", out);
        fputs("# Made by 'orilla strings'. To start a translation: open this file in Poedit\n"
              "# (File > New from POT/PO file), choose the language, translate, and save it in\n"
              "# the story folder as locale/LANG.po (locale/en.po, locale/ar.po ...).\n"
              "# Lines starting with #. are notes for translators; #: says where a text is written.\n", out);
        fputs("#\n#, fuzzy\nmsgid \"\"\nmsgstr \"\"\n", out);
        fputs("\"Project-Id-Version: ", out);
        put_comment_text(out, st->id ? st->id : "story");
        if (st->version) { fputc(' ', out); put_comment_text(out, st->version); }
        fputs("\\n\"\n", out);
        fputs("\"Report-Msgid-Bugs-To: \\n\"\n", out);
        fprintf(out, "\"POT-Creation-Date: %s\\n\"\n", date);
        fputs("\"PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\\n\"\n"
              "\"Last-Translator: FULL NAME <EMAIL@ADDRESS>\\n\"\n"
              "\"Language-Team: LANGUAGE <LL@li.org>\\n\"\n"
              "\"Language: \\n\"\n"
              "\"MIME-Version: 1.0\\n\"\n"
              "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
              "\"Content-Transfer-Encoding: 8bit\\n\"\n", out);
        if (st->language && orl_locale_name_ok(st->language))
            fprintf(out, "\"X-Source-Language: %s\\n\"\n", st->language);
        for (int i = 0; i < p.n; i++) {
            pot_entry *e = &p.e[i];
            fputc('\n', out);
            for (int k = 0; k < e->notes.n; k++) fprintf(out, "#. %s\n", e->notes.items[k]);
            size_t col = 0;
            for (int k = 0; k < e->refs.n; k++) {
                size_t rl = strlen(e->refs.items[k]);
                if (col && col + 1 + rl > 79) { fputc('\n', out); col = 0; }
                if (!col) { fputs("#:", out); col = 2; }
                fprintf(out, " %s", e->refs.items[k]);
                col += 1 + rl;
            }
            if (col) fputc('\n', out);
            put_po_string(out, "msgid", e->id);
            fputs("msgstr \"\"\n", out);
        }
    }
    for (int i = 0; i < p.n; i++) {
        free(p.e[i].id);
        for (int k = 0; k < p.e[i].refs.n; k++) free(p.e[i].refs.items[k]);
        free(p.e[i].refs.items);
        for (int k = 0; k < p.e[i].notes.n; k++) free(p.e[i].notes.items[k]);
        free(p.e[i].notes.items);
    }
    free(p.e);
    orl_strmap_free(&p.map);
    if (p.oom) return -1;
    return ferror(out) ? -1 : 0;
}
