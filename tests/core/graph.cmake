stepwise_add_qtest(tst_projection SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_projection.cpp LIBS stepwise::core)
stepwise_add_qtest(tst_autolayout SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_autolayout.cpp LIBS stepwise::core)
