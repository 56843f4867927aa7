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
    /* window player (engine/player) */
    ORL_UI_BEGIN,           /* the title screen's button */
    ORL_UI_CONTINUE,
    ORL_UI_LEAVE,           /* "Choose another story or leave" on the content note screen */
    ORL_UI_WARNING_INTRO,   /* "This story speaks of:" */
    ORL_UI_SETTINGS,
    ORL_UI_TEXT_SIZE,
    ORL_UI_LANGUAGE,
    ORL_UI_RESUME,          /* "Back to the story" (closes the settings) */
    ORL_UI_RESTART,         /* "Back to the beginning" */
    ORL_UI_QUIT,
    ORL_UI_BACK,            /* one choice back (rollback) */
    ORL_UI_CREDITS,
    /* care (story/care.h; docs/care.md) */
    ORL_UI_SKIP_PART,       /* "Skip this part" (the answer to a scene's or testimony's content note) */
    ORL_UI_SKIPPED,         /* "(You skipped this part.)" shown in the place of what was skipped */
    ORL_UI_PART_INTRO,      /* "What comes next speaks of:" before a scene's or testimony's warnings */
    ORL_UI_SUPPORT_HINT,    /* terminal: "Type s at any choice to see who you can talk to." */
    ORL_UI_AUTHORS,         /* "Authors" */
    ORL_UI_LICENCE,         /* "Licence" */
    ORL_UI_HIGH_CONTRAST,   /* settings toggle */
    ORL_UI_REDUCE_MOTION,   /* settings toggle */
    ORL_UI_ACCESSIBILITY,   /* settings heading above the two */
    ORL_UI_VOLUME,          /* settings: the testimony audio's volume */
    ORL_UI_VOICE,           /* settings toggle: self-voicing ("Read aloud") */
    ORL_UI_VOICE_UNAVAILABLE, /* the same where it cannot work ("Read aloud (not available)") */
    ORL_UI_ON,              /* read aloud after a settings toggle that is on ("on") */
    ORL_UI_OFF,             /* ... that is off ("off") */
    ORL_UI_CHOSEN,          /* ... after the text size, volume or language in use ("chosen") */
    /* testimonies that are not a person's own words (story/care.h: orl_testimony_heading) */
    ORL_UI_KIND_RECREATED,  /* after "Testimony of NAME", in brackets: "recreated from real accounts" */
    ORL_UI_KIND_COMPOSITE,  /* ... "a composite of several real accounts" */
    ORL_UI_NOTICE_RECREATED,/* the consent notice for a recreated testimony (claims no real person) */
    ORL_UI_NOTICE_COMPOSITE,/* ... for a composite one */
    ORL_UI_CREDITS_RECREATED, /* credits and kiosk: "Testimonies recreated from real accounts" */
    ORL_UI_CREDITS_COMPOSITE, /* ... "Composite testimonies, each made from several real accounts" */
    ORL_UI_DRAG_HINT,       /* a panorama's first view: "Drag the picture to look around" */
    ORL_UI_KEY_COUNT
} orl_ui_key;

const char *orl_ui_text(const char *lang, orl_ui_key key);
/* 1 when lang is one of the built-in languages. */
int orl_ui_has_lang(const char *lang);

#endif
