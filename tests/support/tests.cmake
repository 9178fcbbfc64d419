# The test support code's own tests: a scan that could never fail proves nothing.
ica_add_test(NAME tst_secretscan SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_secretscan.cpp
             LIBS icacore LABELS support)
