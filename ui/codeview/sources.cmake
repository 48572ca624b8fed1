# The code view: the definition as text in QScintilla (Debian libqscintilla2-qt6-dev, which ships
# no CMake package, so it is found by name).
find_library(QSCINTILLA_LIBRARY NAMES qscintilla2_qt6 REQUIRED)
find_path(QSCINTILLA_INCLUDE_DIR Qsci/qsciscintilla.h
    PATH_SUFFIXES x86_64-linux-gnu/qt6 qt6 REQUIRED)
target_sources(stepwise_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/JsonLocator.cpp ${CMAKE_CURRENT_LIST_DIR}/JsonLocator.h
    ${CMAKE_CURRENT_LIST_DIR}/CodeEditorTheme.cpp ${CMAKE_CURRENT_LIST_DIR}/CodeEditorTheme.h
    ${CMAKE_CURRENT_LIST_DIR}/CodeEditorMarks.cpp ${CMAKE_CURRENT_LIST_DIR}/CodeEditorMarks.h
    ${CMAKE_CURRENT_LIST_DIR}/CodeView.cpp ${CMAKE_CURRENT_LIST_DIR}/CodeView.h)
# SYSTEM: QScintilla's headers are not -Wconversion clean.
target_include_directories(stepwise_ui SYSTEM PUBLIC ${QSCINTILLA_INCLUDE_DIR})
target_link_libraries(stepwise_ui PUBLIC ${QSCINTILLA_LIBRARY})
