# Execution engine (JSONPath mode): data flow, Choice, Retry/Catch, golden event streams,
# timeouts and limits.
foreach(suite tst_dataflow tst_choice tst_retry_catch tst_interpreter tst_history_view
        tst_engine_limits)
    stepwise_add_qtest(${suite} SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/${suite}.cpp LIBS stepwise::core)
endforeach()
