# The session: the current profile, its secret and the ApiClient built for it.
target_sources(icacore PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/clientfactory.cpp ${CMAKE_CURRENT_LIST_DIR}/clientfactory.h
  ${CMAKE_CURRENT_LIST_DIR}/connectiontest.cpp ${CMAKE_CURRENT_LIST_DIR}/connectiontest.h
  ${CMAKE_CURRENT_LIST_DIR}/profileactions.cpp ${CMAKE_CURRENT_LIST_DIR}/profileactions.h
  ${CMAKE_CURRENT_LIST_DIR}/session.cpp ${CMAKE_CURRENT_LIST_DIR}/session.h
  ${CMAKE_CURRENT_LIST_DIR}/tokenrenewer.cpp ${CMAKE_CURRENT_LIST_DIR}/tokenrenewer.h)
