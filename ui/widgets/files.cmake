# Widgets every screen shares: the inline message bar, the field hint, the yes/no
# confirmation, the tag editor, the date-time field and the status colours and icons.
target_sources(icaui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/confirmation.cpp ${CMAKE_CURRENT_LIST_DIR}/confirmation.h
  ${CMAKE_CURRENT_LIST_DIR}/datetimefield.cpp ${CMAKE_CURRENT_LIST_DIR}/datetimefield.h
  ${CMAKE_CURRENT_LIST_DIR}/fieldhint.cpp ${CMAKE_CURRENT_LIST_DIR}/fieldhint.h
  ${CMAKE_CURRENT_LIST_DIR}/messagebar.cpp ${CMAKE_CURRENT_LIST_DIR}/messagebar.h
  ${CMAKE_CURRENT_LIST_DIR}/tageditor.cpp ${CMAKE_CURRENT_LIST_DIR}/tageditor.h)
