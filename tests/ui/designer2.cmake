# Designer tests of the second pass (issue 4 problems → fields, issue 7 templates and examples,
# issue 6 JSONata fields).
stepwise_add_qtest(tst_problem_focus
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_problem_focus.cpp
    LIBS stepwise::ui)
stepwise_add_qtest(tst_template_import
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_template_import.cpp
    LIBS stepwise::ui)
stepwise_add_qtest(tst_example_runs
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_example_runs.cpp
    LIBS stepwise::ui)
stepwise_add_qtest(tst_jsonata_designer
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_jsonata_designer.cpp
    LIBS stepwise::ui)
stepwise_add_qtest(tst_edge_hover
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_edge_hover.cpp
    LIBS stepwise::ui)
