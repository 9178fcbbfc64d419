# Credential profiles against the real Secret Service (ctest runs inside
# scripts/with-keyring.sh), real QSettings INI files and the real simulator.
ica_add_test(NAME tst_session SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_session.cpp ${CMAKE_CURRENT_LIST_DIR}/profilestestutil.h LIBS icaui icacore icasim LABELS profiles)
ica_add_test(NAME tst_profiledialogs SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_profiledialogs.cpp ${CMAKE_CURRENT_LIST_DIR}/profilesfixture.h ${CMAKE_CURRENT_LIST_DIR}/profilestestutil.h LIBS icaui icacore icasim LABELS profiles)
ica_add_test(NAME tst_profilewidgets SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_profilewidgets.cpp ${CMAKE_CURRENT_LIST_DIR}/profilesfixture.h ${CMAKE_CURRENT_LIST_DIR}/profilestestutil.h LIBS icaui icacore icasim LABELS profiles)
# A process of its own: libsecret keeps its D-Bus connection for the life of the
# process, so "no session bus" must be set before any keychain call in it.
ica_add_test(NAME tst_profilesnokeychain SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_profilesnokeychain.cpp ${CMAKE_CURRENT_LIST_DIR}/profilestestutil.h LIBS icaui icacore icasim LABELS profiles)
