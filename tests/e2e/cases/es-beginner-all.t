# The same story in Spanish: eight errors, each at its line, in the author's words.
args: check tests/data/beginner-all --lang es
exit: 1
stdout-contains: story.lua:8: error: start = casa: ¿faltan las comillas?
stdout-contains: story.lua:13: error: escena "casa": en una historia, los nombres de los campos se escriben en inglés: escribe choices en lugar de opciones
stdout-contains: story.lua:14: error: go = puente: ¿faltan las comillas?
stdout-contains: story.lua:20: error: escena "espera": en una historia, los nombres de los campos se escriben en inglés: escribe text en lugar de texto
stdout-contains: story.lua:24: error: escena "espera", opción 1: falta 'go'
stdout-contains: story.lua:30: error: ending = ture: Lua no conoce la palabra 'ture'
stdout-contains: story.lua:6: nota: los textos entre comillas curvas
stdout-contains: 8 errores, 0 avisos
