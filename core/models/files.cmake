target_sources(icacore PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/changecollector.h
  ${CMAKE_CURRENT_LIST_DIR}/compactitem.cpp ${CMAKE_CURRENT_LIST_DIR}/compactitem.h
  ${CMAKE_CURRENT_LIST_DIR}/keyedrows.h
  ${CMAKE_CURRENT_LIST_DIR}/rowdiff.cpp ${CMAKE_CURRENT_LIST_DIR}/rowdiff.h
  ${CMAKE_CURRENT_LIST_DIR}/rowdiffrunner.cpp ${CMAKE_CURRENT_LIST_DIR}/rowdiffrunner.h
  ${CMAKE_CURRENT_LIST_DIR}/batchitemsmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/batchitemsmodel.h
  ${CMAKE_CURRENT_LIST_DIR}/batchmonitor.cpp ${CMAKE_CURRENT_LIST_DIR}/batchmonitor.h
  ${CMAKE_CURRENT_LIST_DIR}/itemspager.cpp ${CMAKE_CURRENT_LIST_DIR}/itemspager.h
  ${CMAKE_CURRENT_LIST_DIR}/pagedloader.h
  ${CMAKE_CURRENT_LIST_DIR}/itemsquerystate.cpp ${CMAKE_CURRENT_LIST_DIR}/itemsquerystate.h
  ${CMAKE_CURRENT_LIST_DIR}/itemstatuscounts.cpp ${CMAKE_CURRENT_LIST_DIR}/itemstatuscounts.h)
