ica_add_test(NAME tst_domainjson SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_domainjson.cpp LIBS icacore LABELS core)
ica_add_test(NAME tst_jsonlimits SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_jsonlimits.cpp LIBS icacore LABELS core)
ica_add_test(NAME tst_apiclient SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_apiclient.cpp LIBS icacore icasim LABELS core)
ica_add_test(NAME tst_apicalls SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_apicalls.cpp LIBS icacore icasim LABELS core)
