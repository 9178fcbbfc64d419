ica_add_test(NAME tst_appflow SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_appflow.cpp
             LIBS icaapp icaui icacore icasim LABELS app)
ica_add_test(NAME tst_browseflow SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_browseflow.cpp
             LIBS icaapp icaui icacore icasim LABELS app)
ica_add_test(NAME tst_faultstorm SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_faultstorm.cpp
             LIBS icaapp icaui icacore icasim LABELS app)
# The real ica-tagger process, killed with SIGKILL and started again (see appprocess.h).
ica_add_test(NAME tst_crashrecovery SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_crashrecovery.cpp
             ${CMAKE_CURRENT_LIST_DIR}/appprocess.cpp ${CMAKE_CURRENT_LIST_DIR}/appprocess.h
             LIBS icacore icasim LABELS app)
target_compile_definitions(tst_crashrecovery PRIVATE ICA_TAGGER_EXECUTABLE="$<TARGET_FILE:ica-tagger>")
add_dependencies(tst_crashrecovery ica-tagger)
ica_add_test(NAME tst_storefaults SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_storefaults.cpp
             ${CMAKE_CURRENT_LIST_DIR}/appprocess.cpp ${CMAKE_CURRENT_LIST_DIR}/appprocess.h
             LIBS icacore icasim LABELS app)
target_compile_definitions(tst_storefaults PRIVATE ICA_TAGGER_EXECUTABLE="$<TARGET_FILE:ica-tagger>")
add_dependencies(tst_storefaults ica-tagger)
# Two real ica-tagger processes on one data folder (see app/singleinstance.h).
ica_add_test(NAME tst_singleinstance SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_singleinstance.cpp
             ${CMAKE_CURRENT_LIST_DIR}/appprocess.cpp ${CMAKE_CURRENT_LIST_DIR}/appprocess.h
             LIBS icacore icasim LABELS app)
target_compile_definitions(tst_singleinstance PRIVATE ICA_TAGGER_EXECUTABLE="$<TARGET_FILE:ica-tagger>")
add_dependencies(tst_singleinstance ica-tagger)
ica_add_test(NAME tst_firstrun SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_firstrun.cpp
             LIBS icaapp icaui icacore icasim LABELS app)
ica_add_test(NAME tst_appearance SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_appearance.cpp
             LIBS icaapp icaui icacore icasim LABELS app)
target_compile_definitions(tst_appearance PRIVATE ICATAG_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
