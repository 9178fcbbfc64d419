# The batch monitor's core: the items model, its pager, status counts and the
# watcher that reports a batch's end. No widgets.
target_sources(icacore PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/batchendwatcher.cpp ${CMAKE_CURRENT_LIST_DIR}/batchendwatcher.h
  ${CMAKE_CURRENT_LIST_DIR}/batchitemsmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/batchitemsmodel.h
  ${CMAKE_CURRENT_LIST_DIR}/batchmonitor.cpp ${CMAKE_CURRENT_LIST_DIR}/batchmonitor.h
  ${CMAKE_CURRENT_LIST_DIR}/batchprogresstracker.cpp ${CMAKE_CURRENT_LIST_DIR}/batchprogresstracker.h
  ${CMAKE_CURRENT_LIST_DIR}/compactitem.cpp ${CMAKE_CURRENT_LIST_DIR}/compactitem.h
  ${CMAKE_CURRENT_LIST_DIR}/failuresummary.cpp ${CMAKE_CURRENT_LIST_DIR}/failuresummary.h
  ${CMAKE_CURRENT_LIST_DIR}/itemsfilterproxy.cpp ${CMAKE_CURRENT_LIST_DIR}/itemsfilterproxy.h
  ${CMAKE_CURRENT_LIST_DIR}/itemspager.cpp ${CMAKE_CURRENT_LIST_DIR}/itemspager.h
  ${CMAKE_CURRENT_LIST_DIR}/itemsquerystate.cpp ${CMAKE_CURRENT_LIST_DIR}/itemsquerystate.h
  ${CMAKE_CURRENT_LIST_DIR}/itemstatuscounts.cpp ${CMAKE_CURRENT_LIST_DIR}/itemstatuscounts.h
  ${CMAKE_CURRENT_LIST_DIR}/namematches.cpp ${CMAKE_CURRENT_LIST_DIR}/namematches.h
  ${CMAKE_CURRENT_LIST_DIR}/namewalk.cpp ${CMAKE_CURRENT_LIST_DIR}/namewalk.h
  ${CMAKE_CURRENT_LIST_DIR}/progresscurve.cpp ${CMAKE_CURRENT_LIST_DIR}/progresscurve.h)
