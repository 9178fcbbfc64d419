# The batch monitor's widgets (logic in core/monitor).
target_sources(icaui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/batchlistpanel.cpp ${CMAKE_CURRENT_LIST_DIR}/batchlistpanel.h
  ${CMAKE_CURRENT_LIST_DIR}/batchundocontroller.cpp ${CMAKE_CURRENT_LIST_DIR}/batchundocontroller.h
  ${CMAKE_CURRENT_LIST_DIR}/batchsummarypanel.cpp ${CMAKE_CURRENT_LIST_DIR}/batchsummarypanel.h
  ${CMAKE_CURRENT_LIST_DIR}/batchview.cpp ${CMAKE_CURRENT_LIST_DIR}/batchview.h
  ${CMAKE_CURRENT_LIST_DIR}/failuresummarypanel.cpp ${CMAKE_CURRENT_LIST_DIR}/failuresummarypanel.h
  ${CMAKE_CURRENT_LIST_DIR}/itemdetailspanel.cpp ${CMAKE_CURRENT_LIST_DIR}/itemdetailspanel.h
  ${CMAKE_CURRENT_LIST_DIR}/itemspanel.cpp ${CMAKE_CURRENT_LIST_DIR}/itemspanel.h
  ${CMAKE_CURRENT_LIST_DIR}/itemstableview.cpp ${CMAKE_CURRENT_LIST_DIR}/itemstableview.h
  ${CMAKE_CURRENT_LIST_DIR}/monitorwidget.cpp ${CMAKE_CURRENT_LIST_DIR}/monitorwidget.h
  ${CMAKE_CURRENT_LIST_DIR}/openbatchdialog.cpp ${CMAKE_CURRENT_LIST_DIR}/openbatchdialog.h ${CMAKE_CURRENT_LIST_DIR}/openbatchdialog.ui
  ${CMAKE_CURRENT_LIST_DIR}/pagingbar.cpp ${CMAKE_CURRENT_LIST_DIR}/pagingbar.h
  ${CMAKE_CURRENT_LIST_DIR}/progresschart.cpp ${CMAKE_CURRENT_LIST_DIR}/progresschart.h
  ${CMAKE_CURRENT_LIST_DIR}/progresspanel.cpp ${CMAKE_CURRENT_LIST_DIR}/progresspanel.h
  ${CMAKE_CURRENT_LIST_DIR}/refreshbar.cpp ${CMAKE_CURRENT_LIST_DIR}/refreshbar.h
  ${CMAKE_CURRENT_LIST_DIR}/undopreviewdialog.cpp ${CMAKE_CURRENT_LIST_DIR}/undopreviewdialog.h)
