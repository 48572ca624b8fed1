stepwise_add_qtest(tst_text_splice SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_text_splice.cpp
    LIBS stepwise::core)
