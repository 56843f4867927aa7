-- La travesía de Amal
-- Imported from tests/data/twee/sample.twee (a Twine story in Twee 3) by 'orilla import twee'.
-- Twine IFID: D674C58C-DEFA-4F70-B7A2-27742230C0FC
-- Twine story format: Harlowe
-- ES: Cada pasaje de Twine es una escena; cada enlace, una opción (choice).
-- EN: Each Twine passage is a scene; each link, a choice.
-- Check it / Revísala: orilla check FOLDER

story {
  id = "la-travesia-de-amal",
  title = "La travesía de Amal",
  language = "en",
  start = "the-start-1",
}

-- Twine: "The "Start" [1]" [tags: intro dawn]
scene "the-start-1" {
  text = [[
Amal packs a bag before dawn.
Her mother says: Go now or wait.]],
  choices = {
    { text = "Go now", go = "rio-grande" },
    { text = "wait", go = "wait-a-day" },
    { text = "Wait a day", go = "wait-a-day" },
  },
}

-- Twine: "Wait a day"
scene "wait-a-day" {
  text = [[
(set: $waited to true)
A day passes. The news is worse.]],
  choices = {
    { text = "A->B", go = "rio-grande" },
    { text = "Back to the start", go = "the-start-1" },
  },
}

-- Twine: "Río Grande" [tags: sad]
scene "rio-grande" {
  text = [[
The river is wide. $name looks at the water.
<<if $waited>>You feel tired.<</if>>]],
  choices = {
    { text = "Cross", go = "shelter" },
  },
}

-- Twine: "Shelter"
scene "shelter" {
  text = [[
A volunteer gives Amal water and a blanket.

She is safe, for tonight.]],
  ending = true,
}
