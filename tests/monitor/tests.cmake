# The monitor's core (core/monitor) against the simulator, then its widgets.
ica_add_test(NAME tst_batchitemsmodel SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_batchitemsmodel.cpp LIBS icacore LABELS models)
ica_add_test(NAME tst_itemspager SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_itemspager.cpp ${CMAKE_CURRENT_LIST_DIR}/pagerrig.h LIBS icacore icasim LABELS models)
ica_add_test(NAME tst_batchmonitor SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_batchmonitor.cpp ${CMAKE_CURRENT_LIST_DIR}/pagerrig.h LIBS icacore icasim LABELS models)
ica_add_test(NAME tst_batchhistory SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_batchhistory.cpp LIBS icacore LABELS monitor)
ica_add_test(NAME tst_monitorwidget SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_monitorwidget.cpp ${CMAKE_CURRENT_LIST_DIR}/monitorharness.h LIBS icaui icacore icasim LABELS monitor)
ica_add_test(NAME tst_monitorhistory SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_monitorhistory.cpp ${CMAKE_CURRENT_LIST_DIR}/monitorharness.h LIBS icaui icacore icasim LABELS monitor)
ica_add_test(NAME tst_monitornames SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_monitornames.cpp LIBS icaui icacore icasim LABELS monitor)
