# The window, the code view, files and recovery (helper "shell"). tst_main_window is registered in
# tests/ui/CMakeLists.txt.
stepwise_add_qtest(tst_code_view
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_code_view.cpp
    LIBS stepwise::ui)
