target_sources(icaui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/colorscheme.cpp ${CMAKE_CURRENT_LIST_DIR}/colorscheme.h
  ${CMAKE_CURRENT_LIST_DIR}/icons.cpp ${CMAKE_CURRENT_LIST_DIR}/icons.h
  ${CMAKE_CURRENT_LIST_DIR}/palettefollower.cpp ${CMAKE_CURRENT_LIST_DIR}/palettefollower.h
  ${CMAKE_CURRENT_LIST_DIR}/statusstyle.cpp ${CMAKE_CURRENT_LIST_DIR}/statusstyle.h
  ${CMAKE_CURRENT_LIST_DIR}/tones.cpp ${CMAKE_CURRENT_LIST_DIR}/tones.h)
