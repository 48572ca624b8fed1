# Debugger tests (ui/debug): the controller headless, the history model, the run store.
stepwise_add_qtest(tst_debug_controller
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_debug_controller.cpp
            ${CMAKE_CURRENT_SOURCE_DIR}/tst_debug_support.h
    LIBS stepwise::ui)
stepwise_add_qtest(tst_debug_long_runs
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_debug_long_runs.cpp
            ${CMAKE_CURRENT_SOURCE_DIR}/tst_debug_support.h
    LIBS stepwise::ui)
stepwise_add_qtest(tst_debug_visits
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_debug_visits.cpp
            ${CMAKE_CURRENT_SOURCE_DIR}/tst_debug_support.h
    LIBS stepwise::ui)
stepwise_add_qtest(tst_history_model
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_history_model.cpp
            ${CMAKE_CURRENT_SOURCE_DIR}/tst_debug_support.h
    LIBS stepwise::ui)
stepwise_add_qtest(tst_run_store
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_run_store.cpp
            ${CMAKE_CURRENT_SOURCE_DIR}/tst_debug_support.h
    LIBS stepwise::ui)
stepwise_add_qtest(tst_debug_panels
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_debug_panels.cpp
            ${CMAKE_CURRENT_SOURCE_DIR}/tst_debug_support.h
    LIBS stepwise::ui)
stepwise_add_qtest(tst_debug_worker
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_debug_worker.cpp
            ${CMAKE_CURRENT_SOURCE_DIR}/tst_debug_support.h
    LIBS stepwise::ui)
# Not a test: prints how the window keeps up with a 100,000-event run (issue 5's "Done when").
qt_add_executable(bench_debug_window ${CMAKE_CURRENT_SOURCE_DIR}/bench_debug_window.cpp)
# Allocates as the designer does (mimalloc when present).
target_link_libraries(bench_debug_window PRIVATE stepwise_allocator Qt6::Test stepwise_warnings stepwise::ui)
target_compile_definitions(bench_debug_window PRIVATE STEPWISE_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
