# Execution engine, JSONata mode (ASL spec §3, §4, §6.3): fields, $states, variables and
# States.QueryEvaluationError causes.
stepwise_add_qtest(tst_engine_jsonata SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_engine_jsonata.cpp
                   LIBS stepwise::core)
