# Desktop notifications: a batch ended while the window was not active.
target_sources(icaui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/batchendnotifier.cpp ${CMAKE_CURRENT_LIST_DIR}/batchendnotifier.h
  ${CMAKE_CURRENT_LIST_DIR}/desktopnotifier.cpp ${CMAKE_CURRENT_LIST_DIR}/desktopnotifier.h)
