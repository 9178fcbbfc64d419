ica_add_test(NAME tst_batchitemsmodel SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_batchitemsmodel.cpp LIBS icacore LABELS models)
ica_add_test(NAME tst_itemspager SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_itemspager.cpp ${CMAKE_CURRENT_LIST_DIR}/modelsworld.h LIBS icacore icasim LABELS models)
ica_add_test(NAME tst_batchmonitor SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_batchmonitor.cpp ${CMAKE_CURRENT_LIST_DIR}/modelsworld.h LIBS icacore icasim LABELS models)
ica_add_test(NAME tst_rowdiff SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_rowdiff.cpp LIBS icacore LABELS models)
