stepwise_add_qtest(tst_validator SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_validator.cpp LIBS stepwise::core)
