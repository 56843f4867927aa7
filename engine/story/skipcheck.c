/* check: skipping with care. A reader who skips a part behind a content note must be able to
 * follow what comes after it. This warns when a scene reached after a skip names someone (a
 * narrator, or a name written with a capital in the middle of a sentence, like "Daniela")
 * whom the reader met only in the skipped part, on some path through the story: the author
 * can then say who they are in skip_text, or send the skip elsewhere with skip_to.
 *
 * How: for each part that can be skipped (a scene with warnings; a testimony with warnings,
 * whose scene's own text stays), the names met only there are collected. Then paths are
 * followed from the start, remembering which of those names the reader has met (a bit each),
 * through the skip (taking skip_to, or the scene's choices), and on up to the next ending (a
 * story that goes on after an ending, like a hub of roads, starts another part there): a
 * scene naming one not yet met is reported once. The search is bounded (a huge story
 * gets fewer states a part), so check stays quick; it may then miss a case, never invent one. */
#include "story/story.h"
#include "story/story_internal.h"
#include "story/locale.h"
#include "core/strutil.h"
#include <stdlib.h>
#include <string.h>

#define MAX_NAMES 16            /* names of one skipped part followed (a bit each) */
#define MAX_STATES_PART 400000L /* (scene, names met, passed) states per part */

typedef struct blob { orl_buf own, tes, nar; } blob; /* a scene's own texts; its testimony's; its
                                                         testimony's narrator (the heading) */

typedef struct texts_acc { orl_story *st; blob *b; } texts_acc;

static int add_text(const orl_text_ref *t, void *ud)
{
    texts_acc *a = ud;
    if (!t->owner || t->kind == ORL_TEXT_WARNING || t->kind == ORL_TEXT_SKIP_TEXT) return 0;
    if (t->kind == ORL_TEXT_TRANSCRIPT) {
        for (int i = 0; i < a->st->nscenes; i++)
            if (a->st->scenes[i].testimony_idx >= 0 && strcmp(a->st->testimonies[a->st->scenes[i].testimony_idx].id, t->owner) == 0) {
                orl_buf_printf(&a->b[i].tes, "\n%s\n", t->text);
                if (t->narrator) orl_buf_printf(&a->b[i].nar, "\n%s\n", t->narrator);
            }
        return 0;
    }
    int i = orl_story_find_scene(a->st, t->owner);
    if (i >= 0) orl_buf_printf(&a->b[i].own, "\n%s\n", t->text);
    return 0;
}

static int word_byte(unsigned char c) { return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'; }

/* 1 when the character starting at p is part of a word: letters and digits, not the
 * punctuation of Latin-1 (U+00A0-U+00BF: « ¿ ¡) and of U+2000-U+206F (’ “ — …). */
static int word_char(const unsigned char *p)
{
    if (*p < 0x80) return word_byte(*p);
    if (p[0] == 0xC2 && p[1] >= 0xA0 && p[1] <= 0xBF) return 0;
    if (p[0] == 0xE2 && (p[1] == 0x80 || p[1] == 0x81)) return 0;
    return 1;
}

/* 1 when the character that ends just before p (after text's start) is part of a word. */
static int word_before(const char *text, const char *p)
{
    if (p <= text) return 0;
    const char *q = p - 1;
    while (q > text && ((unsigned char)*q & 0xC0) == 0x80) q--;
    return word_char((const unsigned char *)q);
}

/* 1 when text holds word as a whole word. */
static int has_word(const char *text, const char *word)
{
    size_t n = strlen(word);
    if (!text || !n) return 0;
    for (const char *p = strstr(text, word); p; p = strstr(p + 1, word)) {
        int before = word_before(text, p);
        int after = p[n] && word_char((const unsigned char *)p + n);
        if (!before && !after) return 1;
    }
    return 0;
}

/* An upper-case letter at p: A-Z or a Latin-1 capital with an accent (U+00C0-U+00DE). */
static int capital_at(const unsigned char *p)
{
    return (*p >= 'A' && *p <= 'Z') || (p[0] == 0xC3 && p[1] >= 0x80 && p[1] <= 0x9E && p[1] != 0x97);
}

typedef struct names { char *w[MAX_NAMES]; int n; } names;

static void names_add(names *ns, const char *w, size_t len)
{
    if (ns->n >= MAX_NAMES || len < 3 || len > 64) return;
    for (int i = 0; i < ns->n; i++)
        if (strlen(ns->w[i]) == len && memcmp(ns->w[i], w, len) == 0) return;
    char *c = orl_strndup(w, len);
    if (c) ns->w[ns->n++] = c;
}

/* Names written with a capital in the middle of a sentence (not after . ! ? : or a line start,
 * nor after an opening quote or dash), and every narrator's name found in text. */
static void collect_names(const orl_story *st, const char *text, names *ns)
{
    if (!text) return;
    for (int i = 0; i < st->nnarrators; i++)
        if (st->narrators[i].name && has_word(text, st->narrators[i].name))
            names_add(ns, st->narrators[i].name, strlen(st->narrators[i].name));
    const unsigned char *p = (const unsigned char *)text;
    int sentence_start = 1;
    while (*p) {
        if (word_char(p)) {
            const unsigned char *w = p;
            while (*p && word_char(p)) p++;
            if (!sentence_start && capital_at(w)) {
                /* all capitals (an acronym like UNHCR) are not a person's name */
                int lower = 0;
                for (const unsigned char *q = w + 1; q < p && !lower; q++) lower = *q >= 'a' && *q <= 'z';
                if (lower) names_add(ns, (const char *)w, (size_t)(p - w));
            }
            sentence_start = 0;
            continue;
        }
        if (*p == '.' || *p == '!' || *p == '?' || *p == ':' || *p == '\n' || *p == '"' || *p == '(') sentence_start = 1;
        else if (p[0] == 0xC2 && (p[1] == 0xBF || p[1] == 0xA1 || p[1] == 0xAB)) sentence_start = 1; /* ¿ ¡ « */
        else if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x94 || p[2] == 0x9C)) sentence_start = 1; /* — “ */
        p++;
        while ((*p & 0xC0) == 0x80) p++; /* the rest of a punctuation mark's bytes */
    }
}

typedef struct state { int scene; unsigned mask; int passed; } state;

typedef struct seenset { unsigned char *bits; size_t nbits; } seenset;

/* The part being followed: skipping scene `part` (testimony = 0) or its testimony (1). */
typedef struct part {
    int scene, testimony;
    names ns;
    unsigned *named;      /* per scene: which of ns it names in what the reader sees */
    unsigned *met;        /* ... and which it introduces: named, or a testimony's narrator */
} part;

static void check_part(orl_story *st, part *pt, orl_diags *d, unsigned char *reported)
{
    const orl_scene *S = &st->scenes[pt->scene];
    size_t nstates = (size_t)st->nscenes << (pt->ns.n + 1);
    if (nstates / 2 > (size_t)MAX_STATES_PART * 64) return; /* too large to follow: say nothing */
    seenset seen = {calloc((nstates + 7) / 8, 1), nstates};
    long cap = MAX_STATES_PART, used = 0;
    state *stack = malloc((size_t)cap * sizeof *stack);
    if (!seen.bits || !stack || st->start_idx < 0) goto done;
    int top = 0;
#define SEEN(sc, m, ps) (((size_t)(sc) << (pt->ns.n + 1)) | ((size_t)(m) << 1) | (size_t)(ps))
#define PUSH(sc, m, ps)                                                                 \
    do {                                                                                \
        size_t k_ = SEEN(sc, m, ps);                                                    \
        if (!(seen.bits[k_ >> 3] & (1u << (k_ & 7))) && used < cap) {                   \
            seen.bits[k_ >> 3] |= (unsigned char)(1u << (k_ & 7));                      \
            stack[top++] = (state){(sc), (m), (ps)};                                    \
            used++;                                                                     \
        }                                                                               \
    } while (0)
    PUSH(st->start_idx, 0u, 0);
    while (top > 0) {
        state x = stack[--top];
        const orl_scene *s = &st->scenes[x.scene];
        unsigned m = x.mask;
        if (x.passed && x.scene != pt->scene) {
            unsigned missing = pt->named[x.scene] & ~m;
            for (int i = 0; missing && i < pt->ns.n; i++) {
                if (!(missing & (1u << i))) continue;
                size_t key = (size_t)x.scene * MAX_NAMES + (size_t)i;
                if (reported[key]) continue;
                reported[key] = 1;
                orl_diag_add(d, ORL_WARNING, s->loc.file, s->loc.line, 0, "skip-names",
                             "scene \"%s\" names %s, whom a reader who skipped %s \"%s\" (%s:%d) has not met; "
                             "say who they are in that part's skip_text, or lead the skip elsewhere with skip_to",
                             s->id, pt->ns.w[i],
                             orl_diag_words(d, "@word", pt->testimony ? "the testimony of scene" : "scene"), S->id,
                             S->loc.file ? S->loc.file : "?", S->loc.line);
            }
        }
        if (x.scene == pt->scene && !x.passed) {
            /* the reader skips here: the names of the part stay unmet */
            if (!pt->testimony && S->skip_to_idx >= 0) {
                PUSH(S->skip_to_idx, m, 1);
                continue;
            }
            for (int j = 0; j < s->nchoices; j++)
                if (s->choices[j].target >= 0) PUSH(s->choices[j].target, m, 1);
            continue;
        }
        m |= pt->met[x.scene];
        if (x.scene == pt->scene) m = (1u << pt->ns.n) - 1; /* read again, not skipped: all met */
        if (x.passed && s->ending) continue; /* the part the skip belongs to ends here */
        for (int j = 0; j < s->nchoices; j++)
            if (s->choices[j].target >= 0) PUSH(s->choices[j].target, m, x.passed);
        if (s->warnings.n && s->skip_to_idx >= 0) PUSH(s->skip_to_idx, m, x.passed);
    }
#undef PUSH
#undef SEEN
done:
    free(seen.bits);
    free(stack);
}

void orl_story_check_skips(orl_story *st, orl_diags *d)
{
    if (st->start_idx < 0 || st->nscenes == 0) return;
    int any = 0;
    for (int i = 0; i < st->nscenes && !any; i++)
        any = st->scenes[i].warnings.n ||
              (st->scenes[i].testimony_idx >= 0 && st->testimonies[st->scenes[i].testimony_idx].warnings.n);
    if (!any) return;
    blob *b = calloc((size_t)st->nscenes, sizeof *b);
    unsigned *named = calloc((size_t)st->nscenes, sizeof *named);
    unsigned *met = calloc((size_t)st->nscenes, sizeof *met);
    unsigned char *reported = calloc((size_t)st->nscenes * MAX_NAMES, 1);
    if (!b || !named || !met || !reported) goto out;
    texts_acc acc = {st, b};
    orl_story_texts(st, ORL_TEXTS_FUNCTIONS, add_text, &acc);
    for (int i = 0; i < st->nscenes; i++) {
        orl_scene *s = &st->scenes[i];
        const orl_testimony *t = s->testimony_idx >= 0 ? &st->testimonies[s->testimony_idx] : NULL;
        for (int kind = 0; kind < 2; kind++) {
            if (kind == 0 && !s->warnings.n) continue;
            if (kind == 1 && (!t || !t->warnings.n)) continue;
            part pt = {0};
            pt.scene = i;
            pt.testimony = kind;
            /* what the skip hides, less what the reader still meets */
            const char *hidden = kind == 0 ? NULL : b[i].tes.data;
            if (kind == 0) {
                collect_names(st, b[i].own.data, &pt.ns);
                collect_names(st, b[i].tes.data, &pt.ns);
                collect_names(st, b[i].nar.data, &pt.ns);
            } else {
                collect_names(st, hidden, &pt.ns);
                collect_names(st, b[i].nar.data, &pt.ns);
            }
            const char *stays = kind == 0 ? s->skip_text : t->skip_text;
            for (int k = 0; k < pt.ns.n;) { /* named in skip_text, or in what stays: met */
                int known = has_word(stays, pt.ns.w[k]) || (kind == 1 && has_word(b[i].own.data, pt.ns.w[k]));
                if (known) {
                    free(pt.ns.w[k]);
                    pt.ns.w[k] = pt.ns.w[--pt.ns.n];
                } else {
                    k++;
                }
            }
            if (pt.ns.n) {
                for (int j = 0; j < st->nscenes; j++) {
                    named[j] = met[j] = 0;
                    for (int k = 0; k < pt.ns.n; k++) {
                        if (has_word(b[j].own.data, pt.ns.w[k]) || has_word(b[j].tes.data, pt.ns.w[k])) named[j] |= 1u << k;
                        if (has_word(b[j].nar.data, pt.ns.w[k])) met[j] |= 1u << k;
                    }
                    met[j] |= named[j];
                }
                pt.named = named;
                pt.met = met;
                memset(reported, 0, (size_t)st->nscenes * MAX_NAMES);
                check_part(st, &pt, d, reported);
            }
            for (int k = 0; k < pt.ns.n; k++) free(pt.ns.w[k]);
        }
    }
out:
    for (int i = 0; b && i < st->nscenes; i++) {
        orl_buf_free(&b[i].own);
        orl_buf_free(&b[i].tes);
        orl_buf_free(&b[i].nar);
    }
    free(b);
    free(named);
    free(met);
    free(reported);
}
