/* The words Orilla itself says to the audience (not the story's words), in one table so
 * they can be translated: en, es, fr, ar. A missing language falls back to English. */
#ifndef ORL_UITEXT_H
#define ORL_UITEXT_H

typedef enum orl_ui_key {
    ORL_UI_SOURCE,          /* "Source" before a fact's source */
    ORL_UI_FACT,            /* "Fact" */
    ORL_UI_THE_END,
    ORL_UI_CHOOSE_PROMPT,   /* "Type a number and press Enter (q to quit)" */
    ORL_UI_BAD_CHOICE,      /* "Type a number from 1 to %d, or q to quit." */
    ORL_UI_CONSENT_NOTICE,  /* shown instead of a testimony that may not be shown */
    ORL_UI_CONTENT_NOTE,    /* "Content note" */
    ORL_UI_TESTIMONY_BY,    /* "Testimony of" */
    ORL_UI_SUPPORT,         /* "If this story touched you, you can talk to:" */
    ORL_UI_STOPPED,
    ORL_UI_KEY_COUNT
} orl_ui_key;

const char *orl_ui_text(const char *lang, orl_ui_key key);
/* 1 when lang is one of the built-in languages. */
int orl_ui_has_lang(const char *lang);

#endif
