-- Orilla bundle manifest, written by 'orilla pack': the size and SHA-256 of every file.
-- 'orilla verify' checks the bundle against it; Orilla reads it as data, never runs it.
return {
  format = 1,
  id = "good-small",
  version = "1.0.0",
  title = "Good small",
  files = {
    ["story.lua"] = { size = 1153, sha256 = "8747cf13f2e4248a3949a07d59c6927c8e311a4ca568a645e1fb1a22da7399b2" },
  },
}
