-- For `orilla check`: a translation file with mistakes, each reported at its line.
story { id = "po-broken", title = "Hola", language = "es", translations = { "fr" }, start = "a" }
scene "a" { text = "Buenos días.", ending = true }
