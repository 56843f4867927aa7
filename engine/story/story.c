#include "story/story.h"
#include "story/locale.h"
#include "core/strmap.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void strlist_free(orl_strlist *l)
{
    for (int i = 0; i < l->n; i++) free(l->items[i]);
    free(l->items);
    l->items = NULL;
    l->n = 0;
}

void orl_story_free(orl_story *st)
{
    if (!st) return;
    for (int i = 0; i < st->nscenes; i++) {
        orl_scene *s = &st->scenes[i];
        free(s->id); free(s->title); free(s->text); free(s->background); free(s->panorama);
        free(s->testimony); free(s->music); free(s->skip_to); free(s->skip_text);
        for (int j = 0; j < s->nlayers; j++) free(s->layers[j].image);
        free(s->layers);
        free(s->fact.text); free(s->fact.source); free(s->fact.url);
        strlist_free(&s->warnings);
        for (int j = 0; j < s->nchoices; j++) {
            free(s->choices[j].text);
            free(s->choices[j].go);
        }
        free(s->choices);
    }
    free(st->scenes);
    for (int i = 0; i < st->ntestimonies; i++) {
        orl_testimony *t = &st->testimonies[i];
        free(t->id); free(t->narrator); free(t->text); free(t->audio); free(t->captions); free(t->skip_text);
        free(t->consent.recorded); free(t->consent.expires);
        strlist_free(&t->consent.scope);
        strlist_free(&t->consent.anonymised);
        strlist_free(&t->warnings);
    }
    free(st->testimonies);
    for (int i = 0; i < st->nnarrators; i++) {
        free(st->narrators[i].id); free(st->narrators[i].name); free(st->narrators[i].portrait);
    }
    free(st->narrators);
    for (int i = 0; i < st->nsupport; i++) {
        free(st->support[i].name); free(st->support[i].contact); free(st->support[i].note);
    }
    free(st->support);
    free(st->id); free(st->version); free(st->title); free(st->language); free(st->start);
    free(st->credits); free(st->cover); free(st->licence);
    strlist_free(&st->authors);
    strlist_free(&st->translations);
    strlist_free(&st->warnings);
    if (st->index) {
        orl_strmap_free(st->index);
        free(st->index);
    }
    orl_script_free(st->script); /* after the scene ids: the map borrowed them, but is gone */
    for (int i = 0; i < st->nfiles; i++) free(st->files[i]);
    free(st->files);
    orl_catalog_free(st->catalog);
    free(st->lang);
    orl_fs_close(st->fs);
    free(st);
}

int orl_story_find_scene(const orl_story *st, const char *id)
{
    if (!st->index || !id) return -1;
    return orl_strmap_get(st->index, id);
}

int orl_story_find_testimony(const orl_story *st, const char *id)
{
    for (int i = 0; id && i < st->ntestimonies; i++)
        if (strcmp(st->testimonies[i].id, id) == 0) return i;
    return -1;
}

int orl_story_find_narrator(const orl_story *st, const char *id)
{
    for (int i = 0; id && i < st->nnarrators; i++)
        if (strcmp(st->narrators[i].id, id) == 0) return i;
    return -1;
}

/* days from civil date (Howard Hinnant's algorithm) */
static long long days_from_civil(long long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? (unsigned)-3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long long)doe - 719468;
}

long long orl_parse_date(const char *s)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-') return -1;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return -1;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    int d = (s[8] - '0') * 10 + (s[9] - '0');
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    /* from 1970: days are then >= 0, so a negative result always means "not a date" */
    if (y < 1970 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1]) return -1;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (m == 2 && d == 29 && !leap) return -1;
    return days_from_civil(y, (unsigned)m, (unsigned)d);
}

long long orl_today(void)
{
    const char *fake = getenv("ORILLA_TODAY"); /* tests and rehearsals: YYYY-MM-DD */
    if (fake && orl_parse_date(fake) >= 0) return orl_parse_date(fake);
    return (long long)(time(NULL) / 86400);
}

static const char *const kind_names[] = {"real", "real", "recreated", "composite", NULL};

int orl_testimony_kind_parse(const char *s)
{
    for (int i = 1; s && kind_names[i]; i++)
        if (strcmp(s, kind_names[i]) == 0) return i;
    return -1;
}

const char *orl_testimony_kind_name(orl_testimony_kind k)
{
    return (unsigned)k <= ORL_KIND_COMPOSITE ? kind_names[k] : "real";
}

orl_testimony_kind orl_testimony_kind_of(const orl_story *st, const orl_testimony *t)
{
    if (t && t->kind != ORL_KIND_DEFAULT) return t->kind;
    if (st && st->kind != ORL_KIND_DEFAULT) return st->kind;
    return ORL_KIND_REAL;
}
