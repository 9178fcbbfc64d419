# icatag's tests: the CLI logic in-process (icacli) and the built executable, both
# against the real simulator over loopback.
add_library(icaclitestsupport STATIC ${CMAKE_CURRENT_LIST_DIR}/clitestsupport.cpp
            ${CMAKE_CURRENT_LIST_DIR}/clitestsupport.h)
target_link_libraries(icaclitestsupport PUBLIC icacli icatestsupport Qt6::Test)

ica_add_test(NAME tst_cliunits SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_cliunits.cpp
             LIBS icaclitestsupport LABELS cli)
ica_add_test(NAME tst_cli SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_cli.cpp
             LIBS icaclitestsupport icasim LABELS cli)
ica_add_test(NAME tst_clitags SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_clitags.cpp
             LIBS icaclitestsupport icasim LABELS cli)
ica_add_test(NAME tst_cliacceptance SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_cliacceptance.cpp
             LIBS icaclitestsupport icasim LABELS cli)
ica_add_test(NAME tst_clibinary SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_clibinary.cpp
             LIBS icaclitestsupport icasim LABELS cli)
target_compile_definitions(tst_clibinary PRIVATE ICATAG_EXECUTABLE="$<TARGET_FILE:icatag>")
add_dependencies(tst_clibinary icatag)
ica_add_test(NAME tst_clifaults SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_clifaults.cpp
             LIBS icaclitestsupport icasim LABELS cli)
ica_add_test(NAME tst_clihostile SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_clihostile.cpp
             LIBS icaclitestsupport LABELS "cli;hostile")
target_compile_definitions(tst_clihostile PRIVATE ICATAG_EXECUTABLE="$<TARGET_FILE:icatag>")
add_dependencies(tst_clihostile icatag)
if(TARGET tst_clihostile)
  ica_mark_sanitizer_sensitive(tst_clihostile) # its resident memory bound
endif()
ica_add_test(NAME tst_clihelpexport SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_clihelpexport.cpp
             LIBS icaclitestsupport LABELS cli)
ica_add_test(NAME tst_clistream SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_clistream.cpp
             LIBS icaclitestsupport icasim LABELS cli)
target_compile_definitions(tst_clistream PRIVATE ICATAG_EXECUTABLE="$<TARGET_FILE:icatag>")
add_dependencies(tst_clistream icatag)
ica_add_test(NAME tst_cliundo SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_cliundo.cpp
             LIBS icaclitestsupport icasim LABELS cli)
ica_add_test(NAME tst_clinames SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_clinames.cpp
             LIBS icaclitestsupport icasim LABELS cli)
