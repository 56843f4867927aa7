-- Orilla bundle manifest, written by 'orilla pack': the size and SHA-256 of every file.
-- 'orilla verify' checks the bundle against it; Orilla reads it as data, never runs it.
return {
  format = 1,
  id = "care-story",
  version = "1.0.0",
  title = "Del otro lado",
  made = "2026-11-23",
  files = {
    ["captions/ana-bridge.vtt"] = { size = 121, sha256 = "ca899dfddc94e0a6d2536426112cc7e406897a42cc362ce098af0e81df972e91" },
    ["story.lua"] = { size = 2338, sha256 = "1d32a20bd4110951df1c02cf8de576ab5827f4b9446afce975455b2c3dcb553a" },
  },
}
