---@meta
-- Orilla story language: annotations for lua-language-server (VS Code "Lua" extension,
-- Neovim, any LSP editor), so authors get completion and type hints in story.lua.
-- Use: put this file in your editor's Lua library path, e.g. in .luarc.json:
--   { "workspace.library": ["/path/to/orilla/docs/orilla.d.lua"], "runtime.version": "Lua 5.4" }
-- It describes; it does nothing when run. See docs/story-format.md.

---@alias orilla.deployment "workshop"|"kiosk"|"exhibition"|"online"

---@class orilla.state: table<string, boolean|number|string|table> The story's memory `s`: plain values only.

---@class orilla.support
---@field name string Who can help (an organisation's public name).
---@field contact? string A website, address or phone you are sure of.
---@field note? string One line about what they do.

---@class orilla.story
---@field id string Small letters, digits, '-' : names the story in statistics and withdrawal lists.
---@field title string
---@field start string The first scene's name.
---@field language? string The language the story is written in, e.g. "es".
---@field translations? string[] Languages with a locale/LANG.po file.
---@field version? string
---@field credits? string
---@field authors? string|string[]
---@field licence? string
---@field cover? string A picture for the title and the kiosk.
---@field warnings? string|string[] Content notes shown before the story starts.
---@field support? orilla.support[] Shown at the end: where people can find help.
---@field kind? "real"|"recreated"|"composite" The default for its testimonies (real: people's own words).

---@class orilla.narrator
---@field name string A pseudonym unless consent says otherwise.
---@field portrait? string

---@class orilla.consent
---@field recorded string "YYYY-MM-DD": the day consent was given.
---@field expires string "YYYY-MM-DD": the day it ends.
---@field scope orilla.deployment[] Where it may be shown.
---@field anonymised? string[] e.g. { "name", "face", "voice" }

---@class orilla.testimony
---@field narrator string A narrator's name.
---@field text? string The transcript.
---@field audio? string
---@field captions? string A WebVTT file.
---@field consent orilla.consent
---@field warnings? string|string[]
---@field kind? "real"|"recreated"|"composite" real: the narrator's own words; recreated: retold from a real account; composite: several accounts in one voice.
---@field skip_text? string Shown in its place to a reader who skips it.

---@class orilla.fact
---@field text string
---@field source string Who published it, title, year.
---@field url? string

---@class orilla.choice
---@field text string|fun(s: orilla.state): string
---@field go string The scene this choice leads to.
---@field when? fun(s: orilla.state): boolean Show the choice only when this is true.
---@field at? number[]|{yaw: number, pitch: number} A place on the picture ({x, y} from 0 to 1) or in a panorama.

---@class orilla.layer
---@field image string
---@field depth number 1 is the screen; bigger is farther.

---@class orilla.camera
---@field from number[] {x, y, z}
---@field to number[] {x, y, z}
---@field seconds number

---@class orilla.scene
---@field text? string|fun(s: orilla.state): string
---@field title? string
---@field background? string
---@field panorama? string An equirectangular picture (twice as wide as high).
---@field look? {yaw: number, pitch: number, fov: number}
---@field layers? orilla.layer[]
---@field camera? orilla.camera
---@field testimony? string A testimony's name.
---@field fact? orilla.fact
---@field music? string
---@field warnings? string|string[]
---@field skip_text? string With warnings: shown in the scene's place to a reader who skips it.
---@field skip_to? string With warnings: the scene a reader who skips this one goes to.
---@field on_enter? fun(s: orilla.state)
---@field choices? orilla.choice[]
---@field ending? boolean The story ends here.

---@param t orilla.story
function story(t) end

---@param name string
---@return fun(t: orilla.narrator)
function narrator(name) end

---@param name string
---@return fun(t: orilla.testimony)
function testimony(name) end

---@param name string
---@return fun(t: orilla.scene)
function scene(name) end

---Reads another file of the story folder, e.g. include "marisol.lua".
---@param file string
function include(file) end
