target_sources(icacore PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/apicall.cpp ${CMAKE_CURRENT_LIST_DIR}/apicall.h
  ${CMAKE_CURRENT_LIST_DIR}/apiclient.cpp ${CMAKE_CURRENT_LIST_DIR}/apiclient.h
  ${CMAKE_CURRENT_LIST_DIR}/apierror.cpp ${CMAKE_CURRENT_LIST_DIR}/apierror.h
  ${CMAKE_CURRENT_LIST_DIR}/apirequest.cpp ${CMAKE_CURRENT_LIST_DIR}/apirequest.h
  ${CMAKE_CURRENT_LIST_DIR}/apiresult.h
  ${CMAKE_CURRENT_LIST_DIR}/authenticator.cpp ${CMAKE_CURRENT_LIST_DIR}/authenticator.h
  ${CMAKE_CURRENT_LIST_DIR}/backgroundpool.cpp ${CMAKE_CURRENT_LIST_DIR}/backgroundpool.h
  ${CMAKE_CURRENT_LIST_DIR}/batchapi.cpp ${CMAKE_CURRENT_LIST_DIR}/batchapi.h
  ${CMAKE_CURRENT_LIST_DIR}/createdbatchfinder.cpp ${CMAKE_CURRENT_LIST_DIR}/createdbatchfinder.h
  ${CMAKE_CURRENT_LIST_DIR}/dataapi.cpp ${CMAKE_CURRENT_LIST_DIR}/dataapi.h
  ${CMAKE_CURRENT_LIST_DIR}/gunzip.cpp ${CMAKE_CURRENT_LIST_DIR}/gunzip.h
  ${CMAKE_CURRENT_LIST_DIR}/jobapi.cpp ${CMAKE_CURRENT_LIST_DIR}/jobapi.h
  ${CMAKE_CURRENT_LIST_DIR}/onceuploaddevice.cpp ${CMAKE_CURRENT_LIST_DIR}/onceuploaddevice.h
  ${CMAKE_CURRENT_LIST_DIR}/pagecollector.h
  ${CMAKE_CURRENT_LIST_DIR}/pageguard.cpp ${CMAKE_CURRENT_LIST_DIR}/pageguard.h
  ${CMAKE_CURRENT_LIST_DIR}/projectapi.cpp ${CMAKE_CURRENT_LIST_DIR}/projectapi.h
  ${CMAKE_CURRENT_LIST_DIR}/queries.cpp ${CMAKE_CURRENT_LIST_DIR}/queries.h
  ${CMAKE_CURRENT_LIST_DIR}/serverurl.cpp ${CMAKE_CURRENT_LIST_DIR}/serverurl.h
  ${CMAKE_CURRENT_LIST_DIR}/tokenapi.cpp ${CMAKE_CURRENT_LIST_DIR}/tokenapi.h)
