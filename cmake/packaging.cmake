# The Debian package: `cmake --build --preset release --target package` (or `bash
# scripts/package.sh`) writes motcua_<version>_<arch>.deb into the build folder with
#   /usr/bin/motcua                          the server and its console commands
#   /usr/share/motcua/web/                   the built web application (web/dist, built first)
#   /etc/motcua/motcua.conf                  the commented configuration (a conffile)
#   /lib/systemd/system/motcua.service       the hardened unit: deploy/systemd/'s very file
#   /lib/systemd/system/motcua-backup.*      the nightly backup (installed, not enabled)
#   /usr/share/doc/motcua/                   copyright, README.md, OPERATIONS.md, connectors.md,
#                                            dvcqg.md
# and maintainer scripts (packaging/debian/) that make the `motcua` system user, its state
# directory /var/lib/motcua, and enable and start the service. Runtime dependencies come from
# dpkg-shlibdeps (package dpkg-dev). tests/package/package_deb.sh builds, installs and starts it.

set(MOTCUA_WEB_DIST ${PROJECT_SOURCE_DIR}/web/dist CACHE PATH
    "The built web application the package installs as /usr/share/motcua/web")

# Paths under the install prefix (/usr in the package) and absolute ones outside it.
install(TARGETS motcua RUNTIME DESTINATION bin)
install(CODE "
  if(NOT EXISTS \"${MOTCUA_WEB_DIST}/index.html\")
    message(FATAL_ERROR \"${MOTCUA_WEB_DIST}/index.html is missing: build the web application \"
                        \"first (cd web && npm ci && npm run build)\")
  endif()")
install(DIRECTORY ${MOTCUA_WEB_DIST}/ DESTINATION share/motcua/web)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/motcua.conf DESTINATION /etc/motcua
        PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ)
install(FILES ${PROJECT_SOURCE_DIR}/deploy/systemd/motcua.service
              ${PROJECT_SOURCE_DIR}/deploy/systemd/motcua-backup.service
              ${PROJECT_SOURCE_DIR}/deploy/systemd/motcua-backup.timer
        DESTINATION /lib/systemd/system)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/copyright ${PROJECT_SOURCE_DIR}/README.md
              ${PROJECT_SOURCE_DIR}/docs/OPERATIONS.md ${PROJECT_SOURCE_DIR}/docs/connectors.md
              ${PROJECT_SOURCE_DIR}/docs/dvcqg.md
        DESTINATION share/doc/motcua)

set(CPACK_GENERATOR DEB)
# Stage into DESTDIR with the prefix /usr, so that /etc/... and /lib/... land in the package
# rather than on the build machine.
set(CPACK_SET_DESTDIR ON)
set(CPACK_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_NAME motcua)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "MotCua developers")
set(CPACK_PACKAGE_CONTACT "MotCua developers <dev@motcua.invalid>")
# The first line is the summary; CPack indents the others and turns the empty one into " .".
string(JOIN "\n" CPACK_DEBIAN_PACKAGE_DESCRIPTION
  "provincial administrative-procedure information system (mot cua)"
  "MotCua is the system a Vietnamese province runs to settle administrative"
  "procedures: the one-stop desk, online public services, dossiers with deadlines"
  "on the Vietnamese working calendar, the service index of Decision 766/QD-TTg"
  "and monthly reports."
  ""
  "This package holds the motcua server (SQLite and PostgreSQL backends), its web"
  "application and a hardened systemd service running as the motcua system user.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# adduser for the postinst; the shared libraries are added by dpkg-shlibdeps.
# fonts-noto-core: the printed forms and results embed Noto Serif (fontconfig finds it).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser, fonts-noto-core")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "nginx, postgresql (>= 15), sqlite3")
set(CPACK_STRIP_FILES ON)
# xz for the release package people install; gzip elsewhere, where the package is built to be
# tested (xz takes several times longer on a debug binary).
if(CMAKE_BUILD_TYPE STREQUAL "Release")
  set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
else()
  set(CPACK_DEBIAN_COMPRESSION_TYPE gzip)
endif()
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${PROJECT_SOURCE_DIR}/packaging/debian/conffiles ${PROJECT_SOURCE_DIR}/packaging/debian/postinst
    ${PROJECT_SOURCE_DIR}/packaging/debian/prerm ${PROJECT_SOURCE_DIR}/packaging/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
