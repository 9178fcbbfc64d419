ica_add_test(NAME tst_appflow SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_appflow.cpp
             LIBS icaapp icaui icacore icasim LABELS app)
ica_add_test(NAME tst_browseflow SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_browseflow.cpp
             LIBS icaapp icaui icacore icasim LABELS app)
ica_add_test(NAME tst_faultstorm SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_faultstorm.cpp
             LIBS icaapp icaui icacore icasim LABELS app)
