# text --lang en plays the story translated: a text from locale/en.po, a choice with its own
# msgctxt, a text a function returns translated when shown, the source where nothing is translated.
args: text tests/data/workshop-translated --lang en --choices 2,1
exit: 0
stdout-contains: The border
stdout-contains: It is night.
stdout-contains: 2. Wait
stdout-contains: Go on, at last
stdout-contains: Fin del camino.
