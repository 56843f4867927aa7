# What `cmake --install` puts where, and the .deb CPack makes of it (scripts/package).
# Included from the top CMakeLists.txt.
#
#   PREFIX/bin/orilla
#   PREFIX/share/orilla/fonts/          the fonts (the program looks in ../share/orilla from
#                                       its own folder: engine/core/datadir.h)
#   PREFIX/share/orilla/orilla.d.lua    the story language for lua-language-server
#   PREFIX/share/orilla/stories/        the demo stories (folders), for rehearsals
#   PREFIX/lib/systemd/system/orilla-kiosk.service   packaging/orilla-kiosk.service, with
#                                       the program's installed path in ExecStart
#   PREFIX/share/man/man1/orilla*.1.gz  made from `orilla help` (packaging/manpages.cmake)
#   PREFIX/share/bash-completion/completions/orilla
#   PREFIX/share/doc/orilla/            README and docs/*.md
include(GNUInstallDirs)

install(TARGETS orilla RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/assets/fonts DESTINATION ${CMAKE_INSTALL_DATADIR}/orilla
        FILES_MATCHING PATTERN "*.ttf" PATTERN "OFL.txt" PATTERN "README.md")
install(FILES ${CMAKE_SOURCE_DIR}/docs/orilla.d.lua DESTINATION ${CMAKE_INSTALL_DATADIR}/orilla)
foreach(story el-cruce tres-caminos)
  if(EXISTS ${CMAKE_SOURCE_DIR}/stories/${story})
    install(DIRECTORY ${CMAKE_SOURCE_DIR}/stories/${story} DESTINATION ${CMAKE_INSTALL_DATADIR}/orilla/stories)
  endif()
endforeach()
install(FILES ${CMAKE_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
file(GLOB ORL_DOCS ${CMAKE_SOURCE_DIR}/docs/*.md)
install(FILES ${ORL_DOCS} DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${CMAKE_SOURCE_DIR}/packaging/orilla.bash-completion
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME orilla)

# The unit as packaging/ has it, but starting the installed program (the file itself is
# written for a build in /opt/orilla, as docs/kiosk.md's "from the source" set-up has it).
set(ORL_UNIT_IN ${CMAKE_SOURCE_DIR}/packaging/orilla-kiosk.service)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${ORL_UNIT_IN})
file(READ ${ORL_UNIT_IN} ORL_UNIT)
string(REPLACE "/opt/orilla/build/orilla" "${CMAKE_INSTALL_FULL_BINDIR}/orilla" ORL_UNIT "${ORL_UNIT}")
string(REPLACE "file:/opt/orilla/docs/kiosk.md" "file:${CMAKE_INSTALL_FULL_DOCDIR}/kiosk.md" ORL_UNIT "${ORL_UNIT}")
file(WRITE ${CMAKE_BINARY_DIR}/packaging/orilla-kiosk.service "${ORL_UNIT}")
if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  set(ORL_UNIT_DIR /lib/systemd/system) # Debian 12's place for packages' units
else()
  set(ORL_UNIT_DIR ${CMAKE_INSTALL_LIBDIR}/systemd/system)
endif()
install(FILES ${CMAKE_BINARY_DIR}/packaging/orilla-kiosk.service DESTINATION ${ORL_UNIT_DIR})

# Man pages from `orilla help` (the built program prints them, so they never drift).
add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/man/stamp
  COMMAND ${CMAKE_COMMAND} -DORILLA=$<TARGET_FILE:orilla> -DOUT=${CMAKE_BINARY_DIR}/man
          -DVERSION=${PROJECT_VERSION} -P ${CMAKE_SOURCE_DIR}/packaging/manpages.cmake
  DEPENDS orilla ${CMAKE_SOURCE_DIR}/packaging/manpages.cmake
  COMMENT "Man pages from orilla help")
add_custom_target(manpages ALL DEPENDS ${CMAKE_BINARY_DIR}/man/stamp)
install(DIRECTORY ${CMAKE_BINARY_DIR}/man/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man1
        FILES_MATCHING PATTERN "*.1.gz")

# ---- the .deb (scripts/package: dist/orilla_VERSION_amd64.deb) ----
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME orilla)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "Orilla")
set(CPACK_PACKAGE_CONTACT "Orilla maintainers <maintainers@users.noreply.h-seed-8892e1b3.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "interactive stories of migration, told with the people who lived them")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
  "Orilla plays branching stories written in a small Lua language by workshop\n"
  "participants: in a window, in a terminal, or as an unattended exhibition kiosk\n"
  "(orilla kiosk) with anonymous choice statistics. Testimonies carry consent with a\n"
  "scope and an end date, enforced when the story runs. Signed story bundles.")
string(REPLACE ";" "" CPACK_DEBIAN_PACKAGE_DESCRIPTION "${CPACK_DEBIAN_PACKAGE_DESCRIPTION}")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # orilla_VERSION_ARCH.deb
set(CPACK_DEBIAN_PACKAGE_SECTION games)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
# Depends: the shared libraries the program links, found by dpkg-shlibdeps
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# the kiosk runs under cage (docs/kiosk.md), which needs Xwayland for X11 programs
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "cage, xwayland")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "graphviz, sqlite3, librsvg2-bin")
set(CPACK_STRIP_FILES ON)
set(CPACK_OUTPUT_FILE_PREFIX ${CMAKE_SOURCE_DIR}/dist)
include(CPack)
