# Canvas tests beyond tst_canvas_scene (registered in tests/ui/CMakeLists.txt): gestures and
# keys, the run overlay and collapse, the view (zoom, fit, minimap) and pictures of every example.
stepwise_add_qtest(tst_canvas_interaction
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_canvas_interaction.cpp
            ${CMAKE_CURRENT_SOURCE_DIR}/CanvasFixture.h
    LIBS stepwise::ui)
stepwise_add_qtest(tst_canvas_view
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_canvas_view.cpp
            ${CMAKE_CURRENT_SOURCE_DIR}/CanvasFixture.h
    LIBS stepwise::ui)
