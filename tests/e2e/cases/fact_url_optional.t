# A link left untranslated is not a missing translation (el-cruce's en.po gives none).
args: check stories/el-cruce
stdout-contains: all 32 texts are translated
stdout-not-contains: no longer in the story
