# Tagging what the data browser selected: the "Tag selected…" dialog.
target_sources(icaui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/browsertagging.cpp ${CMAKE_CURRENT_LIST_DIR}/browsertagging.h
  ${CMAKE_CURRENT_LIST_DIR}/tagselecteddialog.cpp ${CMAKE_CURRENT_LIST_DIR}/tagselecteddialog.h)
