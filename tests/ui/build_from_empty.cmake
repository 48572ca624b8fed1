# Issue 4's "Done when": the order-processing example built from File → New with gestures only.
stepwise_add_qtest(tst_build_from_empty
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_build_from_empty.cpp
    LIBS stepwise::ui)
