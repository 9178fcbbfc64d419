ica_add_test(NAME tst_appflow SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_appflow.cpp
             LIBS icaapp icaui icacore icasim LABELS app)
ica_add_test(NAME tst_browseflow SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_browseflow.cpp
             LIBS icaapp icaui icacore icasim LABELS app)
ica_add_test(NAME tst_faultstorm SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_faultstorm.cpp
             LIBS icaapp icaui icacore icasim LABELS app)
# Suites that start the real ica-tagger process (see appprocess.h).
function(ica_add_app_process_test name)
  ica_add_test(NAME ${name} SOURCES ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/${name}.cpp
               ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/appprocess.cpp
               ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/appprocess.h LIBS icacore icasim LABELS app)
  target_compile_definitions(${name} PRIVATE ICA_TAGGER_EXECUTABLE="$<TARGET_FILE:ica-tagger>")
  add_dependencies(${name} ica-tagger)
endfunction()
# Killed with SIGKILL and started again; its database made to fail; two processes on
# one data folder (see app/singleinstance.h).
foreach(_test tst_crashrecovery tst_storefaults tst_singleinstance)
  ica_add_app_process_test(${_test})
endforeach()
ica_add_test(NAME tst_firstrun SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_firstrun.cpp
             LIBS icaapp icaui icacore icasim LABELS app)
ica_add_test(NAME tst_appearance SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_appearance.cpp
             LIBS icaapp icaui icacore icasim LABELS app)
target_compile_definitions(tst_appearance PRIVATE ICATAG_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
