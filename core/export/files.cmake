target_sources(icacore PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/exportfile.cpp ${CMAKE_CURRENT_LIST_DIR}/exportfile.h
  ${CMAKE_CURRENT_LIST_DIR}/exportsources.cpp ${CMAKE_CURRENT_LIST_DIR}/exportsources.h
  ${CMAKE_CURRENT_LIST_DIR}/idset.cpp ${CMAKE_CURRENT_LIST_DIR}/idset.h
  ${CMAKE_CURRENT_LIST_DIR}/jsonout.cpp ${CMAKE_CURRENT_LIST_DIR}/jsonout.h
  ${CMAKE_CURRENT_LIST_DIR}/listingexport.cpp ${CMAKE_CURRENT_LIST_DIR}/listingexport.h
  ${CMAKE_CURRENT_LIST_DIR}/rowcolumns.cpp ${CMAKE_CURRENT_LIST_DIR}/rowcolumns.h
  ${CMAKE_CURRENT_LIST_DIR}/rowtext.h)
