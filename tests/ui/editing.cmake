# Editing: the palette, the inspector and the canvas controller's gestures (issue 4).
stepwise_add_qtest(tst_palette
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_palette.cpp
    LIBS stepwise::ui)
stepwise_add_qtest(tst_inspector
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_inspector.cpp
    LIBS stepwise::ui)
stepwise_add_qtest(tst_canvas_controller
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_canvas_controller.cpp
    LIBS stepwise::ui)
