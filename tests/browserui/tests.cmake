# The data browser's widgets (ui/browser) driven with QTest against the simulator.
foreach(_test tst_browsernavigation tst_browsertable)
  ica_add_test(NAME ${_test} SOURCES ${CMAKE_CURRENT_LIST_DIR}/${_test}.cpp
               ${CMAKE_CURRENT_LIST_DIR}/browseruifixture.h
               ${CMAKE_SOURCE_DIR}/tests/browser/listerwait.h LIBS icaui icacore icasim
               LABELS browser)
endforeach()
