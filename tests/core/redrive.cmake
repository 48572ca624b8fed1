# RedriveExecution (ASL spec §13.2): resuming failed, timed-out and aborted executions.
stepwise_add_qtest(tst_redrive SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_redrive.cpp
                   LIBS stepwise::core)
