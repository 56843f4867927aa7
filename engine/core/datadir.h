/* Where Orilla's own files are (its fonts): the folder that holds fonts/NotoSans-Regular.ttf.
 * Looked for, in this order:
 *   $ORILLA_DATA_DIR                     (an override, for packagers and tests)
 *   EXE/../share/orilla                  (installed: /usr/bin/orilla -> /usr/share/orilla)
 *   EXE/assets, EXE/../assets            (a build folder inside the source tree, /opt/orilla/build)
 *   the source tree Orilla was built from (a build folder anywhere else)
 * where EXE is the folder of the running program (/proc/self/exe). So an installed Orilla
 * finds its fonts wherever it was installed (cmake --install --prefix, the .deb), and a
 * build folder finds the source tree's. */
#ifndef ORL_CORE_DATADIR_H
#define ORL_CORE_DATADIR_H
#include <stddef.h>

/* The data folder (without a trailing slash), or NULL when none of the places holds the
 * fonts; then, when `tried` is given, it gets the places looked at ("A, B, C"), for a message
 * that says where to put them. The result is computed once and kept. */
const char *orl_data_dir(char *tried, size_t triedlen);

#endif
