# The project data browser's core: models and controllers, no widgets.
target_sources(icacore PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/batchtouchtracker.cpp ${CMAKE_CURRENT_LIST_DIR}/batchtouchtracker.h
  ${CMAKE_CURRENT_LIST_DIR}/browserformat.cpp ${CMAKE_CURRENT_LIST_DIR}/browserformat.h
  ${CMAKE_CURRENT_LIST_DIR}/browsernavigator.cpp ${CMAKE_CURRENT_LIST_DIR}/browsernavigator.h
  ${CMAKE_CURRENT_LIST_DIR}/databrowsermodel.cpp ${CMAKE_CURRENT_LIST_DIR}/databrowsermodel.h
  ${CMAKE_CURRENT_LIST_DIR}/databrowserrows.cpp
  ${CMAKE_CURRENT_LIST_DIR}/datafilter.cpp ${CMAKE_CURRENT_LIST_DIR}/datafilter.h
  ${CMAKE_CURRENT_LIST_DIR}/datalister.cpp ${CMAKE_CURRENT_LIST_DIR}/datalister.h
  ${CMAKE_CURRENT_LIST_DIR}/matchcollector.cpp ${CMAKE_CURRENT_LIST_DIR}/matchcollector.h
  ${CMAKE_CURRENT_LIST_DIR}/tagpreview.cpp ${CMAKE_CURRENT_LIST_DIR}/tagpreview.h)
