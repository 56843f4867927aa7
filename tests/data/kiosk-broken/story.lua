-- A story that loads and passes `orilla check`, but whose second scene fails while playing
-- (tests/e2e/cases/kiosk_*.t): the kiosk must send the visitor back with a calm message.
story {
  id = "kiosk-broken",
  version = "1.0.0",
  title = "El puente roto",
  language = "es",
  start = "orilla",
}

scene "orilla" {
  text = "Estás a la orilla del río.",
  choices = {
    { text = "Cruzar el puente", go = "puente" },
  },
}

scene "puente" {
  text = "El puente cruje.",
  on_enter = function(s) error("the river took the bridge") end,
  choices = {
    { text = "Seguir", go = "fin" },
  },
}

scene "fin" {
  text = "Llegaste al otro lado.",
  ending = true,
}
