# QTest suites of the ICA simulator. They talk to it over real loopback HTTP with a plain
# QNetworkAccessManager (no dependency on the API client in core/; tst_simfaults checks
# the simulator's gzip with the client's own gunzip, an independent implementation).
set(_sim_tests tst_simdata tst_simshapes tst_simbatch tst_simpaging tst_simauth tst_simfaults
               tst_simcli)
foreach(_t ${_sim_tests})
  if(EXISTS ${CMAKE_CURRENT_LIST_DIR}/${_t}.cpp)
    ica_add_test(NAME ${_t} SOURCES ${CMAKE_CURRENT_LIST_DIR}/${_t}.cpp
                 ${CMAKE_CURRENT_LIST_DIR}/simtestutil.h
                 LIBS icasim Qt6::Network ZLIB::ZLIB LABELS simulator)
    set_target_properties(${_t} PROPERTIES AUTOMOC ON)
  endif()
endforeach()
if(TARGET tst_simcli)
  # The CLI suite starts the real ica-sim executable.
  add_dependencies(tst_simcli ica-sim)
  target_compile_definitions(tst_simcli PRIVATE ICA_SIM_EXECUTABLE="$<TARGET_FILE:ica-sim>")
endif()
ica_mark_sanitizer_sensitive(tst_simdata) # its generation speed bound
