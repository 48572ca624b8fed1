stepwise_add_qtest(tst_edits SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_edits.cpp LIBS stepwise::core)
