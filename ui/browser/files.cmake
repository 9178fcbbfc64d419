# The data browser's widgets (logic in core/browser).
target_sources(icaui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/breadcrumbbar.cpp ${CMAKE_CURRENT_LIST_DIR}/breadcrumbbar.h
  ${CMAKE_CURRENT_LIST_DIR}/browserfilterbar.cpp ${CMAKE_CURRENT_LIST_DIR}/browserfilterbar.h
  ${CMAKE_CURRENT_LIST_DIR}/browserwidget.cpp ${CMAKE_CURRENT_LIST_DIR}/browserwidget.h
  ${CMAKE_CURRENT_LIST_DIR}/databrowserview.cpp ${CMAKE_CURRENT_LIST_DIR}/databrowserview.h
  ${CMAKE_CURRENT_LIST_DIR}/selectionbar.cpp ${CMAKE_CURRENT_LIST_DIR}/selectionbar.h
  ${CMAKE_CURRENT_LIST_DIR}/taglistcompleter.cpp ${CMAKE_CURRENT_LIST_DIR}/taglistcompleter.h
  ${CMAKE_CURRENT_LIST_DIR}/tagrenamedialog.cpp ${CMAKE_CURRENT_LIST_DIR}/tagrenamedialog.h)
