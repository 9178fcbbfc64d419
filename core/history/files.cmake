target_sources(icacore PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/batchhistoryfeed.cpp ${CMAKE_CURRENT_LIST_DIR}/batchhistoryfeed.h
  ${CMAKE_CURRENT_LIST_DIR}/batchhistoryfilter.cpp ${CMAKE_CURRENT_LIST_DIR}/batchhistoryfilter.h
  ${CMAKE_CURRENT_LIST_DIR}/batchhistorymodel.cpp ${CMAKE_CURRENT_LIST_DIR}/batchhistorymodel.h
  ${CMAKE_CURRENT_LIST_DIR}/batchids.cpp ${CMAKE_CURRENT_LIST_DIR}/batchids.h
  ${CMAKE_CURRENT_LIST_DIR}/faileditemsdraft.cpp ${CMAKE_CURRENT_LIST_DIR}/faileditemsdraft.h
  ${CMAKE_CURRENT_LIST_DIR}/historycounts.cpp ${CMAKE_CURRENT_LIST_DIR}/historycounts.h
  ${CMAKE_CURRENT_LIST_DIR}/snapshottaker.cpp ${CMAKE_CURRENT_LIST_DIR}/snapshottaker.h
  ${CMAKE_CURRENT_LIST_DIR}/offthreadcall.h
  ${CMAKE_CURRENT_LIST_DIR}/undobuilder.cpp ${CMAKE_CURRENT_LIST_DIR}/undobuilder.h
  ${CMAKE_CURRENT_LIST_DIR}/undoplanner.cpp ${CMAKE_CURRENT_LIST_DIR}/undoplanner.h
  ${CMAKE_CURRENT_LIST_DIR}/undosnapshot.cpp ${CMAKE_CURRENT_LIST_DIR}/undosnapshot.h)
