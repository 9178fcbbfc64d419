# The persistence layer: profiles (QSettings), secrets (QtKeychain with a session
# fallback), the icav2 config import, and SQLite batch history, drafts, progress
# curves and the tag catalog.
target_sources(icacore PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/batchhistorystore.cpp ${CMAKE_CURRENT_LIST_DIR}/batchhistorystore.h
  ${CMAKE_CURRENT_LIST_DIR}/batchprogressstore.cpp ${CMAKE_CURRENT_LIST_DIR}/batchprogressstore.h
  ${CMAKE_CURRENT_LIST_DIR}/batchrecord.cpp ${CMAKE_CURRENT_LIST_DIR}/batchrecord.h
  ${CMAKE_CURRENT_LIST_DIR}/coredumps.cpp ${CMAKE_CURRENT_LIST_DIR}/coredumps.h
  ${CMAKE_CURRENT_LIST_DIR}/draftstore.cpp ${CMAKE_CURRENT_LIST_DIR}/draftstore.h
  ${CMAKE_CURRENT_LIST_DIR}/fallbacksecretstore.cpp ${CMAKE_CURRENT_LIST_DIR}/fallbacksecretstore.h
  ${CMAKE_CURRENT_LIST_DIR}/icav2configimporter.cpp ${CMAKE_CURRENT_LIST_DIR}/icav2configimporter.h
  ${CMAKE_CURRENT_LIST_DIR}/keychainsecretstore.cpp ${CMAKE_CURRENT_LIST_DIR}/keychainsecretstore.h
  ${CMAKE_CURRENT_LIST_DIR}/profile.cpp ${CMAKE_CURRENT_LIST_DIR}/profile.h
  ${CMAKE_CURRENT_LIST_DIR}/profilestore.cpp ${CMAKE_CURRENT_LIST_DIR}/profilestore.h
  ${CMAKE_CURRENT_LIST_DIR}/secretstore.cpp ${CMAKE_CURRENT_LIST_DIR}/secretstore.h
  ${CMAKE_CURRENT_LIST_DIR}/sessionsecretstore.cpp ${CMAKE_CURRENT_LIST_DIR}/sessionsecretstore.h
  ${CMAKE_CURRENT_LIST_DIR}/snapshotstore.cpp ${CMAKE_CURRENT_LIST_DIR}/snapshotstore.h
  ${CMAKE_CURRENT_LIST_DIR}/sqlitedatabase.cpp ${CMAKE_CURRENT_LIST_DIR}/sqlitedatabase.h
  ${CMAKE_CURRENT_LIST_DIR}/storeresult.h
  ${CMAKE_CURRENT_LIST_DIR}/storeschema.cpp ${CMAKE_CURRENT_LIST_DIR}/storeschema.h
  ${CMAKE_CURRENT_LIST_DIR}/tagcatalogstore.cpp ${CMAKE_CURRENT_LIST_DIR}/tagcatalogstore.h
  ${CMAKE_CURRENT_LIST_DIR}/storeworker.cpp ${CMAKE_CURRENT_LIST_DIR}/storeworker.h)
# Qt6Keychain is found at the top level; its imported target is `qt6keychain`
# (Qt6Keychain::Qt6Keychain is an alias of it).
target_link_libraries(icacore PUBLIC Qt6::Sql qt6keychain)
