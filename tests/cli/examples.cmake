stepwise_add_qtest(tst_examples
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_examples.cpp
    LIBS stepwise::core Qt6::Core)
add_dependencies(tst_examples stepwise-cli)
