# The batch composer: its logic (core/composer) unit by unit, its logic against
# the simulator and a real SQLite store, and its widgets driven with QTest.
ica_add_test(NAME tst_idlistparser SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_idlistparser.cpp
             ${CMAKE_CURRENT_LIST_DIR}/composertestutil.h LIBS icacore LABELS composer)
# Labelled core too: its threads run under the sanitizers (scripts/sanitize.sh).
ica_add_test(NAME tst_sparedstringlist SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_sparedstringlist.cpp
             LIBS icacore LABELS composer core)
ica_add_test(NAME tst_delimitedfilereader
             SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_delimitedfilereader.cpp
             ${CMAKE_CURRENT_LIST_DIR}/composertestutil.h LIBS icacore LABELS composer)
ica_add_test(NAME tst_sheetimport SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_sheetimport.cpp
             LIBS icacore icasim LABELS composer)
ica_add_test(NAME tst_draftvalidator SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_draftvalidator.cpp
             ${CMAKE_CURRENT_LIST_DIR}/composertestutil.h LIBS icacore LABELS composer)
ica_add_test(NAME tst_batchsplitter SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_batchsplitter.cpp
             ${CMAKE_CURRENT_LIST_DIR}/composertestutil.h LIBS icacore LABELS composer)
ica_add_test(NAME tst_composercore SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_composercore.cpp
             ${CMAKE_CURRENT_LIST_DIR}/composertestutil.h LIBS icacore icasim LABELS composer)
ica_add_test(NAME tst_draftpathresolution
             SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_draftpathresolution.cpp
             ${CMAKE_CURRENT_LIST_DIR}/composertestutil.h
             ${CMAKE_SOURCE_DIR}/tests/support/countingnam.h LIBS icacore icasim
             LABELS composer)
ica_add_test(NAME tst_composerwidget SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_composerwidget.cpp
             ${CMAKE_CURRENT_LIST_DIR}/composerharness.h ${CMAKE_CURRENT_LIST_DIR}/composertestutil.h
             LIBS icaui icacore icasim LABELS composer)
ica_add_test(NAME tst_composersubmit SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_composersubmit.cpp
             ${CMAKE_CURRENT_LIST_DIR}/composerharness.h ${CMAKE_CURRENT_LIST_DIR}/composertestutil.h
             LIBS icaui icacore icasim LABELS composer)
ica_add_test(NAME tst_tagsdialogs SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_tagsdialogs.cpp
             ${CMAKE_CURRENT_LIST_DIR}/composerharness.h ${CMAKE_CURRENT_LIST_DIR}/composertestutil.h
             LIBS icaui icacore icasim LABELS composer)
ica_add_test(NAME tst_composerscale SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_composerscale.cpp
             ${CMAKE_CURRENT_LIST_DIR}/composerharness.h ${CMAKE_CURRENT_LIST_DIR}/composertestutil.h
             LIBS icaui icacore icasim LABELS composer)
ica_add_test(NAME tst_composerundo SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_composerundo.cpp
             LIBS icaui icacore icasim LABELS composer)
