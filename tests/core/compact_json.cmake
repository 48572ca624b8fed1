stepwise_add_qtest(tst_compact_json SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_compact_json.cpp
    LIBS stepwise::core)
