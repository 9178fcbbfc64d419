# The persistence layer: real QSettings INI files, the real Secret Service (ctest
# runs inside scripts/with-keyring.sh), real SQLite files.
ica_add_test(NAME tst_profilestore SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_profilestore.cpp LIBS icacore LABELS store)
ica_add_test(NAME tst_keychainsecretstore SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_keychainsecretstore.cpp ${CMAKE_SOURCE_DIR}/tests/support/secretwaiter.h LIBS icacore LABELS store)
# A process of its own: libsecret keeps its D-Bus connection for the life of the
# process, so "no session bus" must be set before any keychain call in it.
ica_add_test(NAME tst_secretfallback SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_secretfallback.cpp ${CMAKE_SOURCE_DIR}/tests/support/secretwaiter.h LIBS icacore LABELS store)
ica_add_test(NAME tst_icav2import SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_icav2import.cpp LIBS icacore LABELS store)
ica_add_test(NAME tst_sqlitedatabase SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_sqlitedatabase.cpp LIBS icacore LABELS store)
ica_add_test(NAME tst_batchhistorystore SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_batchhistorystore.cpp LIBS icacore LABELS store)
ica_add_test(NAME tst_draftstore SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_draftstore.cpp LIBS icacore LABELS store)
ica_add_test(NAME tst_storeworker SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_storeworker.cpp LIBS icacore LABELS store)
ica_add_test(NAME tst_storerecovery SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_storerecovery.cpp LIBS icacore LABELS store)
# Changes this process's core-dump settings, and runs the built icatag and ica-tagger.
ica_add_test(NAME tst_coredumps SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_coredumps.cpp LIBS icacore LABELS store)
target_compile_definitions(tst_coredumps PRIVATE ICATAG_EXECUTABLE="$<TARGET_FILE:icatag>"
                           ICA_TAGGER_EXECUTABLE="$<TARGET_FILE:ica-tagger>")
add_dependencies(tst_coredumps icatag ica-tagger)
# Starts a private D-Bus and gnome-keyring-daemon of its own and kills that daemon.
ica_add_test(NAME tst_keychainloss SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_keychainloss.cpp ${CMAKE_SOURCE_DIR}/tests/support/secretwaiter.h LIBS icacore LABELS store)
ica_add_test(NAME tst_tagcatalogkeeper SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_tagcatalogkeeper.cpp LIBS icacore LABELS store)
