-- A small good story for the end-to-end tests: five scenes, two endings, a choice shown
-- only when on_enter set the state, and a fact with its source.
story {
  id = "good-small",
  version = "1.0.0",
  title = "Good small",
  language = "en",
  start = "plaza",
}

scene "plaza" {
  text = "You stand in the plaza at dawn.",
  fact = {
    text = "Most border crossings open at six.",
    source = "Orilla test data, 2025",
  },
  choices = {
    { text = "Visit the market", go = "market" },
    { text = "Walk to the bus stop", go = "bus" },
  },
}

scene "market" {
  text = "A vendor gives you bread and a hand-drawn map.",
  on_enter = function(s) s.has_map = true end,
  choices = {
    { text = "Go to the bus stop", go = "bus" },
  },
}

scene "bus" {
  text = "The bus is late.",
  choices = {
    { text = "Wait for the bus", go = "end-bus" },
    { text = "Follow the map on foot", go = "end-walk", when = function(s) return s.has_map end },
  },
}

scene "end-bus" {
  ending = true,
  text = "The bus finally comes. You ride north.",
}

scene "end-walk" {
  ending = true,
  text = "With the map, you reach the shelter before noon.",
}
