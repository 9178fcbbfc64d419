# The palette-aware status colours and icons (ui/style): readable on the light
# Fusion palette and the dark one, and widgets that follow a palette switch.
ica_add_test(NAME tst_statusstyle SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_statusstyle.cpp
             LIBS icaui icacore LABELS ui)
