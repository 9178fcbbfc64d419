# Project data lookups several screens share: path resolution, the tag catalog,
# bulk lookups by ID, folder paths, the data-ID drag-and-drop format and tag rename.
target_sources(icacore PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/dataidsmime.h
  ${CMAKE_CURRENT_LIST_DIR}/datalookup.cpp ${CMAKE_CURRENT_LIST_DIR}/datalookup.h
  ${CMAKE_CURRENT_LIST_DIR}/datanames.cpp ${CMAKE_CURRENT_LIST_DIR}/datanames.h
  ${CMAKE_CURRENT_LIST_DIR}/folderpath.cpp ${CMAKE_CURRENT_LIST_DIR}/folderpath.h
  ${CMAKE_CURRENT_LIST_DIR}/pathresolver.cpp ${CMAKE_CURRENT_LIST_DIR}/pathresolver.h
  ${CMAKE_CURRENT_LIST_DIR}/tagcatalog.cpp ${CMAKE_CURRENT_LIST_DIR}/tagcatalog.h
  ${CMAKE_CURRENT_LIST_DIR}/tagcatalogkeeper.cpp ${CMAKE_CURRENT_LIST_DIR}/tagcatalogkeeper.h
  ${CMAKE_CURRENT_LIST_DIR}/tagrename.cpp ${CMAKE_CURRENT_LIST_DIR}/tagrename.h)
