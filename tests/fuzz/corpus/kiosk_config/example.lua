-- kiosk.lua: the settings of an Orilla kiosk (docs/kiosk.md explains each one).
-- Start it with:  orilla kiosk --config kiosk.lua
-- Paths are relative to the folder of this file. Lines starting with -- are comments.
kiosk {
  -- Where the stories are shown: "kiosk" (a screen people use alone) or "exhibition".
  -- Each testimony is shown only where its narrator's consent covers this.
  deployment = "kiosk",

  -- The languages visitors can choose, in this order (each shown written in itself).
  languages = { "es", "en", "fr", "ar" },

  -- Seconds without a touch before "Are you still there?", then seconds of countdown
  -- before everything goes back to the start (the next visitor finds a clean screen).
  idle_seconds = 90,
  countdown_seconds = 20,

  -- The stories, as .orilla bundles made with 'orilla pack' (or story folders when no key).
  bundles = {
    "stories/tres-caminos.orilla",
  },

  -- The workshop's public key ('orilla keygen'): a bundle not signed by it, or changed
  -- after signing, is left out and listed in the operator menu. Remove to accept any.
  -- key = "keys/workshop.pub",

  -- Testimonies withdrawn by their narrators: one story-id/testimony-id per line
  -- (docs/care.md). Edit it at any time; "Reload stories" in the operator menu reads it.
  -- withdrawn = "withdrawn.txt",

  -- Anonymous statistics: counts of choices and endings, never who made them.
  -- Read them with:  orilla stats --db /var/lib/orilla/stats.db
  stats = "/var/lib/orilla/stats.db",

  -- At the end of a story, show how other visitors chose at the same moments, but only
  -- where at least others_min_sessions sessions passed (fewer could point at a person).
  show_others = true,
  others_min_sessions = 20,

  -- The operator PIN, as a hash. Make one with:  orilla kiosk --hash-pin
  -- (type the PIN, 4 to 12 digits; paste the line it prints here). Without it the
  -- operator menu (hold the top-left corner 5 s, or Ctrl+Alt+O) stays closed.
  -- pin_hash = "$argon2id$v=19$m=65536,t=2,p=1$...",

  -- The kiosk's own log (never anything about visitors): 1 MB x 5 files, rotated.
  log = "/var/log/orilla/kiosk.log",

  -- Sound volume at start, 0 to 1 (the operator menu changes it until the next start).
  volume = 0.8,
}
