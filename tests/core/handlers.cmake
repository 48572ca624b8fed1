# Task handlers: mock config, local commands, Lambda result shapes.
stepwise_add_qtest(tst_handlers
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_handlers.cpp
    LIBS stepwise::core)
