# Diagnostics: the logging categories and the app's rotated log file.
target_sources(icacore PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/logcategories.cpp ${CMAKE_CURRENT_LIST_DIR}/logcategories.h
  ${CMAKE_CURRENT_LIST_DIR}/logfile.cpp ${CMAKE_CURRENT_LIST_DIR}/logfile.h)
