stepwise_add_qtest(tst_jsonata SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_jsonata.cpp
    LIBS stepwise::core)
