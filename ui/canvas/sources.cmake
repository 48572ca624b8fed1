# ui/canvas: files added after the first canvas (the earlier ones are listed in ui/CMakeLists.txt).
target_sources(stepwise_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/CanvasSceneInput.cpp
    ${CMAKE_CURRENT_LIST_DIR}/DraftEdgeItem.cpp ${CMAKE_CURRENT_LIST_DIR}/DraftEdgeItem.h
    ${CMAKE_CURRENT_LIST_DIR}/NodeText.cpp ${CMAKE_CURRENT_LIST_DIR}/NodeText.h
    ${CMAKE_CURRENT_LIST_DIR}/TypeIcon.cpp ${CMAKE_CURRENT_LIST_DIR}/TypeIcon.h
    ${CMAKE_CURRENT_LIST_DIR}/MinimapWidget.cpp ${CMAKE_CURRENT_LIST_DIR}/MinimapWidget.h
)
