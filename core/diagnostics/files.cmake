# Diagnostics: the logging categories, the app's rotated log file and the one route
# for status texts to the user (StatusNotices).
target_sources(icacore PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/logcategories.cpp ${CMAKE_CURRENT_LIST_DIR}/logcategories.h
  ${CMAKE_CURRENT_LIST_DIR}/logfile.cpp ${CMAKE_CURRENT_LIST_DIR}/logfile.h
  ${CMAKE_CURRENT_LIST_DIR}/statusnotices.cpp ${CMAKE_CURRENT_LIST_DIR}/statusnotices.h)
