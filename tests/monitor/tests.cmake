ica_add_test(NAME tst_batchhistory SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_batchhistory.cpp LIBS icacore LABELS monitor)
ica_add_test(NAME tst_monitorwidget SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_monitorwidget.cpp ${CMAKE_CURRENT_LIST_DIR}/monitorworld.h LIBS icaui icacore icasim LABELS monitor)
ica_add_test(NAME tst_monitorhistory SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_monitorhistory.cpp ${CMAKE_CURRENT_LIST_DIR}/monitorworld.h LIBS icaui icacore icasim LABELS monitor)
