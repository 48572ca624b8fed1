# StopExecution from another thread (issue 5): interrupted real-clock waits, cancelled programs.
stepwise_add_qtest(tst_engine_stop SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_engine_stop.cpp
                   LIBS stepwise::core)
