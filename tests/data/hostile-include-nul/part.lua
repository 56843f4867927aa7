scene "a" { text = "A", ending = true }
