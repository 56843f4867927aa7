# A misspelled testimony name gets a did-you-mean, as scene names do.
args: check tests/data/bad-author-fields
exit: 1
stdout-contains: story.lua:15: error: scene "a": testimony = "ana-relto", but there is no testimony with that name; did you mean "ana-relato"?
