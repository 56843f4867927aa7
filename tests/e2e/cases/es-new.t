# ORILLA_LANG=es: orilla new says what it made in Spanish only, in plain words.
args: new mi-historia
env: ORILLA_LANG=es
exit: 0
creates: mi-historia
creates: mi-historia/story.lua
creates: mi-historia/.luarc.json
creates: mi-historia/images
creates: mi-historia/images/README.md
creates: mi-historia/locale
creates: mi-historia/locale/README.md
stdout-contains: La carpeta de la historia mi-historia/ está lista
stdout-contains: mi-historia/story.lua          la historia: ábrela con un editor de texto
stdout-contains: orilla check mi-historia       busca errores
stdout-not-contains: Lista la carpeta
stdout-not-contains: EN:
