# The one diff engine and the one paged loader (core/rows), on their own.
ica_add_test(NAME tst_rowdiff SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_rowdiff.cpp LIBS icacore LABELS models)
ica_add_test(NAME tst_pagedloader SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pagedloader.cpp LIBS icacore icasim LABELS models)
