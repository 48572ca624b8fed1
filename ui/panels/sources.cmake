# Panels added after the first window (the older ones are listed in ui/CMakeLists.txt).
target_sources(stepwise_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/ToolIcons.cpp ${CMAKE_CURRENT_LIST_DIR}/ToolIcons.h)
