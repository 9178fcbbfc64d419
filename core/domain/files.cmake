target_sources(icacore PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/batch.cpp ${CMAKE_CURRENT_LIST_DIR}/batch.h
  ${CMAKE_CURRENT_LIST_DIR}/decodecontext.cpp ${CMAKE_CURRENT_LIST_DIR}/decodecontext.h
  ${CMAKE_CURRENT_LIST_DIR}/fastitemdecoder.cpp ${CMAKE_CURRENT_LIST_DIR}/fastitemdecoder.h
  ${CMAKE_CURRENT_LIST_DIR}/jsondecode.h
  ${CMAKE_CURRENT_LIST_DIR}/jsonlimits.cpp ${CMAKE_CURRENT_LIST_DIR}/jsonlimits.h
  ${CMAKE_CURRENT_LIST_DIR}/jsonlint.h
  ${CMAKE_CURRENT_LIST_DIR}/page.cpp ${CMAKE_CURRENT_LIST_DIR}/page.h
  ${CMAKE_CURRENT_LIST_DIR}/problem.cpp ${CMAKE_CURRENT_LIST_DIR}/problem.h
  ${CMAKE_CURRENT_LIST_DIR}/project.cpp ${CMAKE_CURRENT_LIST_DIR}/project.h
  ${CMAKE_CURRENT_LIST_DIR}/projectdata.cpp ${CMAKE_CURRENT_LIST_DIR}/projectdata.h
  ${CMAKE_CURRENT_LIST_DIR}/statuses.cpp ${CMAKE_CURRENT_LIST_DIR}/statuses.h
  ${CMAKE_CURRENT_LIST_DIR}/tagkind.h
  ${CMAKE_CURRENT_LIST_DIR}/undosnapshot.cpp ${CMAKE_CURRENT_LIST_DIR}/undosnapshot.h)
