# `stepwise-cli export --format sam|cloudformation|cli` and `stepwise-cli import`.
stepwise_add_qtest(tst_cli_formats
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_cli_formats.cpp
    LIBS stepwise::core Qt6::Core)
add_dependencies(tst_cli_formats stepwise-cli)
