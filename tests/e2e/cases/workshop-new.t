# orilla new makes a starter story folder: story.lua, images/ and locale/ with a README each.
args: new mi-historia
exit: 0
creates: mi-historia
creates: mi-historia/story.lua
creates: mi-historia/.luarc.json
creates: mi-historia/images
creates: mi-historia/images/README.md
creates: mi-historia/locale
creates: mi-historia/locale/README.md
stdout-contains: orilla check mi-historia
