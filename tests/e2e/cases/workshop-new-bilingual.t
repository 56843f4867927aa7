# Without ORILLA_LANG, orilla new speaks Spanish and English (a workshop often mixes both),
# and the Spanish is natural ("La carpeta ... está lista", not "Lista la carpeta").
args: new mi-historia --lang es
exit: 0
creates: mi-historia
creates: mi-historia/story.lua
creates: mi-historia/.luarc.json
creates: mi-historia/images
creates: mi-historia/images/README.md
creates: mi-historia/locale
creates: mi-historia/locale/README.md
stdout-contains: ES: La carpeta de la historia mi-historia/ está lista
stdout-contains: EN: Made the story folder mi-historia/
stdout-contains: imágenes / pictures
stdout-not-contains: Lista la carpeta
