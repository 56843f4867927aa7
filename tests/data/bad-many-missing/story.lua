-- Issue #21, class 3: 20,000 scenes made in a loop, each with 20 choices to a scene that
-- does not exist. Each of the 400,000 messages searched every scene for a did-you-mean (4,000
-- scenes took 24 s) and all were printed. Now: the first 100 of one kind, then one line that
-- counts the rest, and the searches have a budget.
story { id = "bad-many-missing", title = "bad-many-missing", language = "en", start = "s1" }

for i = 1, 20000 do
  local choices = {}
  for j = 1, 20 do choices[j] = { text = "Go on", go = "missing-" .. j } end
  scene ("s" .. i) { text = "A scene made in a loop.", choices = choices }
end
