# The project catalog (one fetch per profile) and the list model the pickers show.
target_sources(icacore PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/projectcatalog.cpp ${CMAKE_CURRENT_LIST_DIR}/projectcatalog.h
  ${CMAKE_CURRENT_LIST_DIR}/projectlistmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/projectlistmodel.h)
