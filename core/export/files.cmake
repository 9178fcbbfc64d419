target_sources(icacore PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/idset.cpp ${CMAKE_CURRENT_LIST_DIR}/idset.h
  ${CMAKE_CURRENT_LIST_DIR}/jsonout.cpp ${CMAKE_CURRENT_LIST_DIR}/jsonout.h
  ${CMAKE_CURRENT_LIST_DIR}/pagestream.h
  ${CMAKE_CURRENT_LIST_DIR}/rowcolumns.cpp ${CMAKE_CURRENT_LIST_DIR}/rowcolumns.h
  ${CMAKE_CURRENT_LIST_DIR}/rowtext.h)
