# The "Tag selected…" dialog on its own, driven with QTest (no network needed: the
# items are given, as the browser hands them over).
ica_add_test(NAME tst_tagselecteddialog SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_tagselecteddialog.cpp
             LIBS icaui icacore LABELS browser)
