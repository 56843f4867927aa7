---@meta
-- Orilla: anotaciones del lenguaje de las historias para editores (lua-language-server: la
-- extensión "Lua" de VS Code, Neovim, cualquier editor con LSP), para que story.lua se complete
-- y cada campo se explique al pasar el ratón.
-- Orilla story language: annotations for lua-language-server (VS Code "Lua" extension,
-- Neovim, any LSP editor), so authors get completion and help in story.lua.
--
-- `orilla new` escribe un .luarc.json que apunta a este archivo / `orilla new` writes a
-- .luarc.json pointing at this file (installed as /usr/share/orilla/orilla.d.lua):
--   { "runtime.version": "Lua 5.4", "workspace.library": ["/usr/share/orilla/orilla.d.lua"] }
-- Describe; no hace nada al ejecutarse / It describes; it does nothing when run.
-- Ver / see docs/story-format.md.

---@alias orilla.deployment
---| "workshop"   # taller / a workshop
---| "kiosk"      # quiosco de exposición / an exhibition kiosk
---| "exhibition" # exposición acompañada / a guided exhibition
---| "online"     # en internet / online

---@class orilla.state: table<string, boolean|number|string|table> La memoria de la historia `s` (solo valores simples; nombres sin tildes: s.dias, no s.días). / The story's memory `s`: plain values only; names without accents.

---@class orilla.support
---@field name string Quién puede ayudar (el nombre público de una organización). / Who can help (an organisation's public name).
---@field contact? string Una web, dirección o teléfono del que estés segura. / A website, address or phone you are sure of.
---@field note? string Una línea sobre lo que hacen. / One line about what they do.

---@class orilla.story
---@field id string Letras minúsculas, números y '-': nombra la historia en estadísticas y listas de retiro. / Small letters, digits, '-': names the story in statistics and withdrawal lists.
---@field title string El título. / The title.
---@field start string El nombre de la primera escena, entre comillas: start = "casa". / The first scene's name, in quotes.
---@field language? string El idioma en que está escrita, p. ej. "es". / The language it is written in, e.g. "es".
---@field translations? string[] Idiomas con un archivo locale/IDIOMA.po, p. ej. { "en" }. / Languages with a locale/LANG.po file.
---@field version? string Versión, p. ej. "1.0.0". / Version, e.g. "1.0.0".
---@field credits? string Créditos que se muestran al final. / Credits shown at the end.
---@field authors? string|string[] Quienes la escribieron. / Who wrote it.
---@field licence? string La licencia, p. ej. "CC BY-NC 4.0". / The licence, e.g. "CC BY-NC 4.0".
---@field license? string Lo mismo que licence. / The same as licence.
---@field cover? string Una imagen para el título y el quiosco. / A picture for the title and the kiosk.
---@field warnings? string|string[] Avisos de contenido antes de empezar. / Content notes shown before the story starts.
---@field support? orilla.support[] Al final: dónde encontrar ayuda. / Shown at the end: where people can find help.
---@field kind? "real"|"recreated"|"composite" Por defecto para sus testimonios (real: las palabras de la persona). / The default for its testimonies (real: people's own words).

---@class orilla.narrator
---@field name string Un seudónimo, salvo que el consentimiento diga otra cosa. / A pseudonym unless consent says otherwise.
---@field portrait? string Un retrato (imagen). / A portrait (picture).

---@class orilla.consent
---@field recorded string "AAAA-MM-DD": el día en que se dio el consentimiento. / "YYYY-MM-DD": the day consent was given.
---@field expires string "AAAA-MM-DD": el día en que termina. / "YYYY-MM-DD": the day it ends.
---@field scope orilla.deployment[] Dónde se puede mostrar, p. ej. { "workshop", "kiosk" }. / Where it may be shown.
---@field anonymised? string[] Lo que se cambió para proteger a la persona, p. ej. { "name", "face", "voice" }. / What was changed to protect the person.
---@field anonymized? string[] Lo mismo que anonymised. / The same as anonymised.

---@class orilla.testimony
---@field narrator string El nombre de un narrador, entre comillas. / A narrator's name, in quotes.
---@field text? string La transcripción. / The transcript.
---@field audio? string La grabación (archivo de audio). / The recording (audio file).
---@field captions? string Subtítulos en un archivo WebVTT. / Captions, a WebVTT file.
---@field consent orilla.consent El consentimiento: dónde y hasta cuándo. / Consent: where and until when.
---@field warnings? string|string[] Avisos de contenido antes del testimonio. / Content notes before the testimony.
---@field kind? "real"|"recreated"|"composite" real: sus propias palabras; recreated: recreado a partir de un relato real; composite: varios relatos en una voz. / real: the narrator's own words; recreated: retold from a real account; composite: several accounts in one voice.
---@field skip_text? string Se muestra en su lugar a quien lo salta. / Shown in its place to a reader who skips it.

---@class orilla.fact
---@field text string El dato. / The fact.
---@field source string De dónde viene: quién lo publicó, título, año. / Where it comes from: who published it, title, year.
---@field url? string Un enlace a la fuente. / A link to the source.

---@class orilla.choice
---@field text string|fun(s: orilla.state): string Lo que dice el botón. / What the button says.
---@field go string La escena a la que lleva, entre comillas: go = "albergue". / The scene it leads to, in quotes.
---@field when? fun(s: orilla.state): boolean La opción se muestra solo cuando esto es verdadero; compara con ==: function(s) return s.dias == 2 end. / Show the choice only when this is true; compare with ==.
---@field at? number[]|{yaw: number, pitch: number} Un lugar en la imagen ({x, y} de 0 a 1) o en un panorama. / A place on the picture ({x, y} from 0 to 1) or in a panorama.

---@class orilla.layer
---@field image string La imagen de esta capa. / This layer's picture.
---@field depth number 1 es la pantalla; más grande es más lejos. / 1 is the screen; bigger is farther.

---@class orilla.camera
---@field from number[] {x, y, z} Dónde empieza la cámara. / Where the camera starts.
---@field to number[] {x, y, z} Dónde termina. / Where it ends.
---@field seconds number Cuánto dura el movimiento. / How long the move lasts.

---@class orilla.scene
---@field text? string|fun(s: orilla.state): string El texto de la escena; para párrafos, entre [[ y ]]. / The scene's text; for paragraphs, between [[ and ]].
---@field title? string Un título corto. / A short title.
---@field background? string La imagen de fondo. / The background picture.
---@field panorama? string Una imagen equirectangular (el doble de ancha que de alta). / An equirectangular picture (twice as wide as high).
---@field look? {yaw: number, pitch: number, fov: number} Hacia dónde mira el panorama al empezar. / Where the panorama looks at first.
---@field layers? orilla.layer[] Capas de imagen con profundidad. / Picture layers with depth.
---@field camera? orilla.camera Un movimiento de cámara. / A camera move.
---@field testimony? string El nombre de un testimonio, entre comillas. / A testimony's name, in quotes.
---@field fact? orilla.fact Un dato con su fuente. / A fact with its source.
---@field music? string Música de fondo. / Background music.
---@field warnings? string|string[] Avisos de contenido antes de esta escena. / Content notes before this scene.
---@field skip_text? string Con avisos: se muestra en lugar de la escena a quien la salta. / With warnings: shown in the scene's place to a reader who skips it.
---@field skip_to? string Con avisos: la escena a la que va quien salta esta. / With warnings: the scene a reader who skips this one goes to.
---@field on_enter? fun(s: orilla.state) Se ejecuta al llegar: cambia lo que la historia recuerda, p. ej. function(s) s.dias = 0 end. / Runs on arrival: changes what the story remembers.
---@field choices? orilla.choice[] Las opciones, cada una { text = "...", go = "..." }, separadas por comas. / The choices, separated by commas.
---@field ending? boolean true: la historia termina aquí (sin comillas). / true: the story ends here (no quotes).

---La historia: título, primera escena, idioma. / The story: title, first scene, language.
---@param t orilla.story
function story(t) end

---Una persona que cuenta un testimonio. / A person who tells a testimony.
---@param name string
---@return fun(t: orilla.narrator)
function narrator(name) end

---Un testimonio, con su consentimiento. / A testimony, with its consent.
---@param name string
---@return fun(t: orilla.testimony)
function testimony(name) end

---Una escena: scene "nombre" { text = "...", choices = { ... } }. / A scene.
---@param name string
---@return fun(t: orilla.scene)
function scene(name) end

---Lee otro archivo de la carpeta, p. ej. include "marisol.lua". / Reads another file of the story folder.
---@param file string
function include(file) end
