/* The words the kiosk says to visitors, in es, en, fr and ar (English for the rest). The
 * operator menu is in English: it is read by staff with the docs beside them. */
#include "kiosk/kiosk_internal.h"
#include "core/lang.h"
#include <string.h>

typedef struct lang_words {
    const char *lang;
    const char *w[KW_COUNT];
} lang_words;

static const lang_words table[] = {
    {"en",
     {
         [KW_TOUCH] = "Touch the screen to begin",
         [KW_CHOOSE_LANG] = "Choose your language",
         [KW_CHOOSE_STORY] = "Choose a story",
         [KW_STILL_THERE] = "Are you still there?",
         [KW_STILL_THERE_SUB] = "Touch the screen to go on. Back to the start in %d s.",
         [KW_SORRY] = "Sorry: this story cannot go on right now.",
         [KW_SORRY_SUB] = "We are going back to the start. You can choose another story.",
         [KW_OUT_OF_ORDER] = "Out of order",
         [KW_OUT_OF_ORDER_SUB] = "Sorry for the inconvenience. Please come back later.",
         [KW_OTHERS_TITLE] = "How others chose",
         [KW_OTHERS_INTRO] = "At the same moments, other visitors chose too. No one is named: only counts are kept.",
         [KW_YOU_CHOSE] = "You chose:",
         [KW_SAME_SHARE] = "%d%% of visitors chose the same",
         [KW_CONTINUE] = "Continue",
         [KW_STORIES] = "Stories",
         [KW_IN_LANGUAGE] = "In %s",
         [KW_BACK] = "Back",
     }},
    {"es",
     {
         [KW_TOUCH] = "Toca la pantalla para empezar",
         [KW_CHOOSE_LANG] = "Elige tu idioma",
         [KW_CHOOSE_STORY] = "Elige una historia",
         [KW_STILL_THERE] = "¿Sigues ahí?",
         [KW_STILL_THERE_SUB] = "Toca la pantalla para seguir. Volvemos al inicio en %d s.",
         [KW_SORRY] = "Lo sentimos: esta historia no puede seguir ahora.",
         [KW_SORRY_SUB] = "Volvemos al inicio. Puedes elegir otra historia.",
         [KW_OUT_OF_ORDER] = "Fuera de servicio",
         [KW_OUT_OF_ORDER_SUB] = "Disculpa las molestias. Vuelve más tarde, por favor.",
         [KW_OTHERS_TITLE] = "Cómo eligieron otras personas",
         [KW_OTHERS_INTRO] = "En los mismos momentos, otras personas también eligieron. No se guarda quién: solo cuántas.",
         [KW_YOU_CHOSE] = "Elegiste:",
         [KW_SAME_SHARE] = "El %d%% de las personas eligió lo mismo",
         [KW_CONTINUE] = "Continuar",
         [KW_STORIES] = "Historias",
         [KW_IN_LANGUAGE] = "En %s",
         [KW_BACK] = "Volver",
     }},
    {"fr",
     {
         [KW_TOUCH] = "Touchez l’écran pour commencer",
         [KW_CHOOSE_LANG] = "Choisissez votre langue",
         [KW_CHOOSE_STORY] = "Choisissez une histoire",
         [KW_STILL_THERE] = "Vous êtes toujours là ?",
         [KW_STILL_THERE_SUB] = "Touchez l’écran pour continuer. Retour au début dans %d s.",
         [KW_SORRY] = "Désolés : cette histoire ne peut pas continuer pour l’instant.",
         [KW_SORRY_SUB] = "Nous revenons au début. Vous pouvez choisir une autre histoire.",
         [KW_OUT_OF_ORDER] = "Hors service",
         [KW_OUT_OF_ORDER_SUB] = "Veuillez nous excuser. Revenez plus tard, s’il vous plaît.",
         [KW_OTHERS_TITLE] = "Comment les autres ont choisi",
         [KW_OTHERS_INTRO] = "Aux mêmes moments, d’autres visiteurs ont choisi aussi. Personne n’est nommé : seuls les nombres sont gardés.",
         [KW_YOU_CHOSE] = "Vous avez choisi :",
         [KW_SAME_SHARE] = "%d %% des visiteurs ont fait le même choix",
         [KW_CONTINUE] = "Continuer",
         [KW_STORIES] = "Histoires",
         [KW_IN_LANGUAGE] = "En %s",
         [KW_BACK] = "Retour",
     }},
    {"ar",
     {
         [KW_TOUCH] = "المس الشاشة للبدء",
         [KW_CHOOSE_LANG] = "اختر لغتك",
         [KW_CHOOSE_STORY] = "اختر قصة",
         [KW_STILL_THERE] = "هل ما زلت هنا؟",
         [KW_STILL_THERE_SUB] = "المس الشاشة للمتابعة. سنعود إلى البداية خلال %d ثانية.",
         [KW_SORRY] = "نأسف: لا يمكن متابعة هذه القصة الآن.",
         [KW_SORRY_SUB] = "نعود إلى البداية. يمكنك اختيار قصة أخرى.",
         [KW_OUT_OF_ORDER] = "خارج الخدمة",
         [KW_OUT_OF_ORDER_SUB] = "نعتذر عن الإزعاج. يرجى العودة لاحقًا.",
         [KW_OTHERS_TITLE] = "كيف اختار الآخرون",
         [KW_OTHERS_INTRO] = "في اللحظات نفسها اختار زوار آخرون أيضًا. لا نحفظ من هم: نحفظ الأعداد فقط.",
         [KW_YOU_CHOSE] = "اخترت:",
         [KW_SAME_SHARE] = "%d%% من الزوار اختاروا الشيء نفسه",
         [KW_CONTINUE] = "متابعة",
         [KW_STORIES] = "القصص",
         [KW_IN_LANGUAGE] = "بـ%s",
         [KW_BACK] = "رجوع",
     }},
};

const char *kiosk_word_in(const char *lang, kiosk_word w)
{
    if (w < 0 || w >= KW_COUNT) return "";
    const char *codes[sizeof table / sizeof *table];
    for (size_t i = 0; i < sizeof table / sizeof *table; i++) codes[i] = table[i].lang;
    int k = orl_lang_match(lang, codes, sizeof table / sizeof *table); /* core/lang.h */
    return k >= 0 && table[k].w[w] ? table[k].w[w] : table[0].w[w];
}

/* core/lang.h: the one language table (the player asks it too) */
const char *kiosk_lang_name(const char *code) { return orl_lang_name(code); }

int kiosk_lang_rtl(const char *lang) { return orl_lang_rtl(lang); }
