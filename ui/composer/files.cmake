# The batch composer's widgets (logic in core/composer).
target_sources(icaui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/composerwidget.cpp ${CMAKE_CURRENT_LIST_DIR}/composerwidget.h
  ${CMAKE_CURRENT_LIST_DIR}/draftsmenu.cpp ${CMAKE_CURRENT_LIST_DIR}/draftsmenu.h
  ${CMAKE_CURRENT_LIST_DIR}/groupeditor.cpp ${CMAKE_CURRENT_LIST_DIR}/groupeditor.h
  ${CMAKE_CURRENT_LIST_DIR}/grouplisteditor.cpp ${CMAKE_CURRENT_LIST_DIR}/grouplisteditor.h
  ${CMAKE_CURRENT_LIST_DIR}/idlistedit.cpp ${CMAKE_CURRENT_LIST_DIR}/idlistedit.h
  ${CMAKE_CURRENT_LIST_DIR}/importcolumndialog.cpp ${CMAKE_CURRENT_LIST_DIR}/importcolumndialog.h ${CMAKE_CURRENT_LIST_DIR}/importcolumndialog.ui
  ${CMAKE_CURRENT_LIST_DIR}/previewpane.cpp ${CMAKE_CURRENT_LIST_DIR}/previewpane.h
  ${CMAKE_CURRENT_LIST_DIR}/projectpicker.cpp ${CMAKE_CURRENT_LIST_DIR}/projectpicker.h
  ${CMAKE_CURRENT_LIST_DIR}/sheetimportdialog.cpp ${CMAKE_CURRENT_LIST_DIR}/sheetimportdialog.h
  ${CMAKE_CURRENT_LIST_DIR}/sheetimportflow.cpp ${CMAKE_CURRENT_LIST_DIR}/sheetimportflow.h
  ${CMAKE_CURRENT_LIST_DIR}/submitflow.cpp ${CMAKE_CURRENT_LIST_DIR}/submitflow.h
  ${CMAKE_CURRENT_LIST_DIR}/validationsummary.cpp ${CMAKE_CURRENT_LIST_DIR}/validationsummary.h)
