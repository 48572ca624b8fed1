stepwise_add_qtest(tst_cli_smoke
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_cli_smoke.cpp
    LIBS stepwise::core Qt6::Core)
add_dependencies(tst_cli_smoke stepwise-cli)
