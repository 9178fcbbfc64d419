# The one keyed row-diff engine (computed off the GUI thread, applied in slices) and
# the one paged-listing loader that every list model in the app is fed through.
target_sources(icacore PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/changecollector.h
  ${CMAKE_CURRENT_LIST_DIR}/keyedrows.h
  ${CMAKE_CURRENT_LIST_DIR}/keyedtablemodel.cpp ${CMAKE_CURRENT_LIST_DIR}/keyedtablemodel.h
  ${CMAKE_CURRENT_LIST_DIR}/listingfeed.cpp ${CMAKE_CURRENT_LIST_DIR}/listingfeed.h
  ${CMAKE_CURRENT_LIST_DIR}/offthread.h
  ${CMAKE_CURRENT_LIST_DIR}/pagedloader.h
  ${CMAKE_CURRENT_LIST_DIR}/pagestream.h
  ${CMAKE_CURRENT_LIST_DIR}/rowdiff.cpp ${CMAKE_CURRENT_LIST_DIR}/rowdiff.h
  ${CMAKE_CURRENT_LIST_DIR}/rowdiffrunner.cpp ${CMAKE_CURRENT_LIST_DIR}/rowdiffrunner.h)
