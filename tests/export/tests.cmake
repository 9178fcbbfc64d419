ica_add_test(NAME tst_export SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_export.cpp LIBS icaui icacore icasim LABELS export)
