-- Issue #21, class 7: 0/0 in the state. Saved, it could never be restored (NaN is not equal
-- to itself): walk said "out of memory" and the kiosk's Back did nothing. Refused where it is made.
story { id = "bad-nan-state", title = "bad-nan-state", language = "en", start = "a" }
scene "a" {
  text = "Start",
  on_enter = function(s)
    s.count = 0
    s.ratio = s.count / s.count
  end,
  choices = { { text = "go", go = "b" } },
}
scene "b" { text = "End", ending = true }
