target_sources(icaui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/exportbar.cpp ${CMAKE_CURRENT_LIST_DIR}/exportbar.h)
