-- tests/e2e/cases/term-kiosk-config.t: a setting's name and value with terminal escapes
-- (written as Lua escapes): the errors show them visibly (issue #21, class 5)
kiosk {
  ["bund\27[2Jles"] = { "x" },
  deployment = "\27]0;owned\7",
}
