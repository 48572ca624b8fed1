# Data safety under faults (issue 8): kill during an edit or a run, full disk on save, huge files.
stepwise_add_qtest(tst_faults
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_faults.cpp
    LIBS stepwise::ui)
set_tests_properties(tst_faults PROPERTIES TIMEOUT ${STEPWISE_LONG_TEST_TIMEOUT})
