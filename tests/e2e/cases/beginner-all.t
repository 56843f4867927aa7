# One story with every beginner mistake Lua reads past (BOM, curly quotes, unquoted start and
# go, Spanish field names, a choice without go, ending = ture): eight mistakes, eight errors,
# each at its own line, nothing else (no "start is missing", no "no choices", no "cannot be
# reached", no "fact without source").
args: check tests/data/beginner-all
exit: 1
stdout-contains: story.lua:8: error: start = casa: are the quotes missing?
stdout-contains: story.lua:13: error: scene "casa": field names are written in English in a story: write choices instead of opciones
stdout-contains: story.lua:14: error: go = puente: are the quotes missing?
stdout-contains: story.lua:20: error: scene "espera": field names are written in English in a story: write text instead of texto
stdout-contains: story.lua:21: error: scene "espera": field names are written in English in a story: write warnings instead of avisos
stdout-contains: story.lua:22: error: scene "espera": field names are written in English in a story: write source instead of fuente
stdout-contains: story.lua:24: error: scene "espera", choice 1: 'go' is missing
stdout-contains: story.lua:30: error: ending = ture: Lua does not know the word 'ture'
stdout-contains: story.lua:6: note: texts between curly quotes
stdout-contains: 8 errors, 0 warnings
stdout-not-contains: nil value
stdout-not-contains: expected near
