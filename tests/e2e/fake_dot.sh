#!/bin/sh
# Writes ./dot, a Graphviz stand-in that never finishes (and says so, with an escape), for
# tests/e2e/cases/files-graph-dot-hangs.t: orilla graph must stop it after its time limit.
printf '#!/bin/sh\nprintf "dot: \\033[31mthinking\\n" >&2\nexec sleep 600\n' > dot
chmod +x dot
