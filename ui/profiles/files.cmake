# Credential profiles: the manager and edit dialogs, the toolbar switcher, the
# secret prompt, the icav2 import offer and the token status label. The fixed
# dialogs' forms are Qt Designer files (*.ui).
target_sources(icaui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/icav2importdialog.cpp ${CMAKE_CURRENT_LIST_DIR}/icav2importdialog.h ${CMAKE_CURRENT_LIST_DIR}/icav2importdialog.ui
  ${CMAKE_CURRENT_LIST_DIR}/icav2importoffer.cpp ${CMAKE_CURRENT_LIST_DIR}/icav2importoffer.h
  ${CMAKE_CURRENT_LIST_DIR}/keychainnote.cpp ${CMAKE_CURRENT_LIST_DIR}/keychainnote.h
  ${CMAKE_CURRENT_LIST_DIR}/profileeditdialog.cpp ${CMAKE_CURRENT_LIST_DIR}/profileeditdialog.h ${CMAKE_CURRENT_LIST_DIR}/profileeditdialog.ui
  ${CMAKE_CURRENT_LIST_DIR}/profilemanagerdialog.cpp ${CMAKE_CURRENT_LIST_DIR}/profilemanagerdialog.h
  ${CMAKE_CURRENT_LIST_DIR}/profileswitcher.cpp ${CMAKE_CURRENT_LIST_DIR}/profileswitcher.h
  ${CMAKE_CURRENT_LIST_DIR}/secretfield.cpp ${CMAKE_CURRENT_LIST_DIR}/secretfield.h
  ${CMAKE_CURRENT_LIST_DIR}/secretpromptdialog.cpp ${CMAKE_CURRENT_LIST_DIR}/secretpromptdialog.h ${CMAKE_CURRENT_LIST_DIR}/secretpromptdialog.ui
  ${CMAKE_CURRENT_LIST_DIR}/tokenstatuslabel.cpp ${CMAKE_CURRENT_LIST_DIR}/tokenstatuslabel.h
  ${CMAKE_CURRENT_LIST_DIR}/welcomepanel.cpp ${CMAKE_CURRENT_LIST_DIR}/welcomepanel.h)
