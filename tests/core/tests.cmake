ica_add_test(NAME tst_domainjson SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_domainjson.cpp LIBS icacore)
ica_add_test(NAME tst_apiclient SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_apiclient.cpp LIBS icacore icasim)
ica_add_test(NAME tst_apicalls SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_apicalls.cpp LIBS icacore icasim)
ica_add_test(NAME tst_hostileclient SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_hostileclient.cpp
             LIBS icacore icasim LABELS hostile)
ica_add_test(NAME tst_bounds SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_bounds.cpp LIBS icacore ZLIB::ZLIB)
