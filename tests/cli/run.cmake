# `stepwise-cli run` / `bench`: the command-line contract, through the real binary.
stepwise_add_qtest(tst_cli_run
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_cli_run.cpp
    LIBS stepwise::core Qt6::Core)
add_dependencies(tst_cli_run stepwise-cli)
