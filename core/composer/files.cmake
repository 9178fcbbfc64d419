# The batch composer's logic: ID lists, file import, the draft value, validation,
# splitting, the submit plan and run, drafts autosave.
target_sources(icacore PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/batchsplitter.cpp ${CMAKE_CURRENT_LIST_DIR}/batchsplitter.h
  ${CMAKE_CURRENT_LIST_DIR}/batchsubmitter.cpp ${CMAKE_CURRENT_LIST_DIR}/batchsubmitter.h
  ${CMAKE_CURRENT_LIST_DIR}/delimitedfilereader.cpp ${CMAKE_CURRENT_LIST_DIR}/delimitedfilereader.h
  ${CMAKE_CURRENT_LIST_DIR}/delimitedpreviewmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/delimitedpreviewmodel.h
  ${CMAKE_CURRENT_LIST_DIR}/draftcheck.cpp ${CMAKE_CURRENT_LIST_DIR}/draftcheck.h
  ${CMAKE_CURRENT_LIST_DIR}/draftdocument.cpp ${CMAKE_CURRENT_LIST_DIR}/draftdocument.h
  ${CMAKE_CURRENT_LIST_DIR}/draftfixes.cpp ${CMAKE_CURRENT_LIST_DIR}/draftfixes.h
  ${CMAKE_CURRENT_LIST_DIR}/draftpathresolution.cpp ${CMAKE_CURRENT_LIST_DIR}/draftpathresolution.h
  ${CMAKE_CURRENT_LIST_DIR}/draftsession.cpp ${CMAKE_CURRENT_LIST_DIR}/draftsession.h
  ${CMAKE_CURRENT_LIST_DIR}/draftvalidator.cpp ${CMAKE_CURRENT_LIST_DIR}/draftvalidator.h
  ${CMAKE_CURRENT_LIST_DIR}/idlistparser.cpp ${CMAKE_CURRENT_LIST_DIR}/idlistparser.h
  ${CMAKE_CURRENT_LIST_DIR}/incrementalidlist.cpp ${CMAKE_CURRENT_LIST_DIR}/incrementalidlist.h
  ${CMAKE_CURRENT_LIST_DIR}/sheetimport.cpp ${CMAKE_CURRENT_LIST_DIR}/sheetimport.h
  ${CMAKE_CURRENT_LIST_DIR}/sparedstringlist.cpp ${CMAKE_CURRENT_LIST_DIR}/sparedstringlist.h
  ${CMAKE_CURRENT_LIST_DIR}/submitplan.cpp ${CMAKE_CURRENT_LIST_DIR}/submitplan.h)
