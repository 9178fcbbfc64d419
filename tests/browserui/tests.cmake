# The data browser's widgets (ui/browser) driven with QTest against the simulator.
ica_add_test(NAME tst_browserwidget SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_browserwidget.cpp
             ${CMAKE_SOURCE_DIR}/tests/browser/browserworld.h LIBS icaui icacore icasim
             LABELS browser)
target_include_directories(tst_browserwidget PRIVATE ${CMAKE_SOURCE_DIR}/tests/browser)
