# Desktop notifications over a real session D-Bus (scripts/with-keyring.sh's private
# one), with a small notification service the test registers on it.
ica_add_test(NAME tst_batchnotifications
             SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_batchnotifications.cpp
             LIBS icaui icacore icasim Qt6::DBus LABELS ui)
