#include "story/uitext.h"
#include "core/lang.h"
#include <string.h>

typedef struct ui_lang { const char *code; const char *text[ORL_UI_KEY_COUNT]; } ui_lang;

static const ui_lang langs[] = {
    {"en", {"Source", "Fact", "The end", "Type a number and press Enter (q to quit)",
            "Type a number from 1 to %d, or q to quit.",
            "A testimony was here. The person who shared it has not agreed to it being shown here or now, and we respect that.",
            "Content note", "Testimony of", "If this story touched you, you can talk to:", "(stopped)",
            "Begin", "Continue", "Choose another story or leave", "This story speaks of:", "Settings",
            "Text size", "Language", "Back to the story", "Back to the beginning", "Quit", "Back", "Credits",
            "Skip this part", "(You skipped this part.)", "What comes next speaks of:",
            "Type s at any choice to see who you can talk to.", "Authors", "Licence",
            "High contrast", "Reduce motion", "Accessibility", "Volume",
            "Read aloud", "Read aloud (not available)", "on", "off", "chosen",
            "recreated from real accounts", "a composite of several real accounts",
            "A testimony recreated from real accounts was here. It is not shown here or now.",
            "A composite testimony, made from several real accounts, was here. It is not shown here or now.",
            "Testimonies recreated from real accounts (written for this story)",
            "Composite testimonies, each made from several real accounts",
            "Drag the picture to look around"}},
    {"es", {"Fuente", "Dato", "Fin", "Escribe un número y pulsa Enter (q para salir)",
            "Escribe un número del 1 al %d, o q para salir.",
            "Aquí había un testimonio. La persona que lo compartió no ha dado su permiso para mostrarlo aquí o ahora, y lo respetamos.",
            "Aviso de contenido", "Testimonio de", "Si esta historia te ha tocado, puedes hablar con:", "(detenido)",
            "Comenzar", "Continuar", "Elegir otra historia o salir", "Esta historia habla de:", "Ajustes",
            "Tamaño del texto", "Idioma", "Volver a la historia", "Volver al inicio", "Salir", "Atrás", "Créditos",
            "Saltar esta parte", "(Has saltado esta parte.)", "Lo que viene habla de:",
            "Escribe s en cualquier elección para ver con quién puedes hablar.", "Autoría", "Licencia",
            "Alto contraste", "Reducir movimiento", "Accesibilidad", "Volumen",
            "Leer en voz alta", "Leer en voz alta (no disponible)", "activado", "desactivado", "elegido",
            "recreado a partir de relatos reales", "compuesto a partir de varios relatos reales",
            "Aquí había un testimonio recreado a partir de relatos reales. No se muestra aquí ni ahora.",
            "Aquí había un testimonio compuesto a partir de varios relatos reales. No se muestra aquí ni ahora.",
            "Testimonios recreados a partir de relatos reales (escritos para esta historia)",
            "Testimonios compuestos, cada uno a partir de varios relatos reales",
            "Arrastra la imagen para mirar alrededor"}},
    {"fr", {"Source", "Fait", "Fin", "Tapez un numéro puis Entrée (q pour quitter)",
            "Tapez un numéro de 1 à %d, ou q pour quitter.",
            "Un témoignage se trouvait ici. La personne qui l'a partagé n'a pas donné son accord pour qu'il soit montré ici ou maintenant, et nous le respectons.",
            "Avertissement", "Témoignage de", "Si cette histoire vous a touché, vous pouvez parler à :", "(arrêté)",
            "Commencer", "Continuer", "Choisir une autre histoire ou partir", "Cette histoire parle de :", "Réglages",
            "Taille du texte", "Langue", "Retour à l'histoire", "Retour au début", "Quitter", "Retour", "Générique",
            "Passer cette partie", "(Vous avez passé cette partie.)", "La suite parle de :",
            "Tapez s à tout moment d'un choix pour voir à qui vous pouvez parler.", "Auteurs et autrices", "Licence",
            "Contraste élevé", "Réduire les animations", "Accessibilité", "Volume",
            "Lecture vocale", "Lecture vocale (indisponible)", "activé", "désactivé", "choisi",
            "recréé à partir de récits réels", "composé à partir de plusieurs récits réels",
            "Un témoignage recréé à partir de récits réels se trouvait ici. Il n'est pas montré ici ni maintenant.",
            "Un témoignage composé à partir de plusieurs récits réels se trouvait ici. Il n'est pas montré ici ni maintenant.",
            "Témoignages recréés à partir de récits réels (écrits pour cette histoire)",
            "Témoignages composés, chacun à partir de plusieurs récits réels",
            "Faites glisser l'image pour regarder autour"}},
    {"ar", {"المصدر", "حقيقة", "النهاية", "اكتب رقمًا واضغط Enter (q للخروج)",
            "اكتب رقمًا من 1 إلى %d، أو q للخروج.",
            "كانت هنا شهادة. الشخص الذي شاركها لم يوافق على عرضها هنا أو الآن، ونحن نحترم ذلك.",
            "تنبيه بشأن المحتوى", "شهادة", "إذا أثرت فيك هذه القصة، يمكنك التحدث إلى:", "(توقف)",
            "ابدأ", "متابعة", "اختر قصة أخرى أو غادر", "تتحدث هذه القصة عن:", "الإعدادات",
            "حجم النص", "اللغة", "العودة إلى القصة", "العودة إلى البداية", "خروج", "رجوع", "الاعتمادات",
            "تخطَّ هذا الجزء", "(لقد تخطيت هذا الجزء.)", "ما يلي يتحدث عن:",
            "اكتب s عند أي اختيار لترى من يمكنك التحدث إليه.", "المؤلفون", "الترخيص",
            "تباين عالٍ", "تقليل الحركة", "إمكانية الوصول", "مستوى الصوت",
            "القراءة بصوت عالٍ", "القراءة بصوت عالٍ (غير متاحة)", "مفعّل", "غير مفعّل", "مختار",
            "أُعيدت كتابتها من روايات حقيقية", "مركّبة من عدة روايات حقيقية",
            "كانت هنا شهادة أُعيدت كتابتها من روايات حقيقية. لا تُعرض هنا أو الآن.",
            "كانت هنا شهادة مركّبة من عدة روايات حقيقية. لا تُعرض هنا أو الآن.",
            "شهادات أُعيدت كتابتها من روايات حقيقية (كُتبت لهذه القصة)",
            "شهادات مركّبة، كلٌّ منها من عدة روايات حقيقية",
            "اسحب الصورة لتنظر حولك"}},
};

/* The row for lang: the same tag, else the same primary subtag ("es-VE" gets Spanish): the
 * one rule of core/lang.h, as the kiosk and the messages match. */
static const ui_lang *row_of(const char *lang)
{
    const char *codes[sizeof langs / sizeof *langs];
    for (size_t i = 0; i < sizeof langs / sizeof *langs; i++) codes[i] = langs[i].code;
    int k = orl_lang_match(lang, codes, sizeof langs / sizeof *langs);
    return k >= 0 ? &langs[k] : NULL;
}

int orl_ui_has_lang(const char *lang) { return row_of(lang) != NULL; }

const char *orl_ui_text(const char *lang, orl_ui_key key)
{
    if ((unsigned)key >= ORL_UI_KEY_COUNT) return "";
    const ui_lang *r = row_of(lang);
    if (r && r->text[key]) return r->text[key];
    return langs[0].text[key] ? langs[0].text[key] : ""; /* a key not yet translated: English */
}
