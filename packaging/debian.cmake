# The Debian package (scripts/package.sh runs `cpack -G DEB`): the three programs,
# the desktop entry, metainfo, icons, icatag's man page and completion, plus the
# copyright and changelog a Debian package must carry. Library dependencies come
# from dpkg-shlibdeps; what is only loaded at run time (Qt plugins) is named here.
include(GNUInstallDirs)

set(ICATAG_MAINTAINER "The ICA Tagger developers <ica-tagger@example.org>" CACHE STRING
    "The Debian package's maintainer (name <email>)")

set(doc_dir "${CMAKE_INSTALL_DATADIR}/doc/ica-tagger")
set(changelog "${CMAKE_CURRENT_BINARY_DIR}/packaging/changelog.gz")
# gzip -n: no name or time stamp inside, so the package is reproducible.
add_custom_command(OUTPUT "${changelog}"
                   COMMAND gzip -9nc "${CMAKE_CURRENT_SOURCE_DIR}/packaging/changelog"
                           > "${changelog}"
                   DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/packaging/changelog")
add_custom_target(package-changelog ALL DEPENDS "${changelog}")
install(FILES "${CMAKE_CURRENT_SOURCE_DIR}/packaging/copyright" "${changelog}"
        DESTINATION "${doc_dir}")

set(CPACK_PACKAGE_NAME "ica-tagger")
set(CPACK_PACKAGE_VENDOR "The ICA Tagger developers")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "bulk tagging of Illumina Connected Analytics data")
set(CPACK_PACKAGE_HOMEPAGE_URL "${ICATAG_HOMEPAGE}")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${ICATAG_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION "science")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Loaded at run time, so shlibdeps cannot see them: SQLite for the history and
# drafts, SVG for the icon, a Secret Service for the keychain.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6svg6")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager")
# The extended description; CPack puts the summary above it and indents the lines.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "ICA Tagger changes the user tags, technical tags and scheduled archive and
delete dates of files and folders in Illumina Connected Analytics (ICA) in
bulk, through ICA's data update batches, and shows each batch's items live.

The package holds the desktop app (ica-tagger), its command line (icatag)
and a local ICA simulator (ica-sim) for trying both without an ICA account.")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
