stepwise_add_qtest(tst_jsonpath SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_jsonpath.cpp
    LIBS stepwise::core)
stepwise_add_qtest(tst_intrinsics SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_intrinsics.cpp
    LIBS stepwise::core)
