ica_add_test(NAME tst_domainjson SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_domainjson.cpp LIBS icacore LABELS core)
ica_add_test(NAME tst_jsonlimits SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_jsonlimits.cpp LIBS icacore LABELS core)
ica_add_test(NAME tst_apiclient SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_apiclient.cpp LIBS icacore icasim LABELS core)
ica_add_test(NAME tst_apicalls SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_apicalls.cpp LIBS icacore icasim LABELS core)
ica_add_test(NAME tst_apiretry SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_apiretry.cpp LIBS icacore icasim LABELS core)
ica_add_test(NAME tst_hostileclient SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_hostileclient.cpp
             LIBS icacore icasim LABELS "core;hostile")
ica_add_test(NAME tst_bounds SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_bounds.cpp LIBS icacore ZLIB::ZLIB LABELS core)
if(TARGET tst_hostileclient)
  ica_mark_sanitizer_sensitive(tst_hostileclient) # its resident memory bound
endif()
ica_add_test(NAME tst_logfile SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_logfile.cpp LIBS icacore LABELS core)
ica_add_test(NAME tst_statusnotices SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_statusnotices.cpp LIBS icacore LABELS core)
