# The debugger: run control, time cursor, canvas overlay, history, stored runs (issue 5).
find_package(Qt6 6.4 REQUIRED COMPONENTS Sql)
target_sources(stepwise_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/RunConfig.cpp ${CMAKE_CURRENT_LIST_DIR}/RunConfig.h
    ${CMAKE_CURRENT_LIST_DIR}/NodeLocator.cpp ${CMAKE_CURRENT_LIST_DIR}/NodeLocator.h
    ${CMAKE_CURRENT_LIST_DIR}/OverlayBuilder.cpp ${CMAKE_CURRENT_LIST_DIR}/OverlayBuilder.h
    ${CMAKE_CURRENT_LIST_DIR}/BreakpointSet.cpp ${CMAKE_CURRENT_LIST_DIR}/BreakpointSet.h
    ${CMAKE_CURRENT_LIST_DIR}/RunProgress.h
    ${CMAKE_CURRENT_LIST_DIR}/HistoryImport.cpp ${CMAKE_CURRENT_LIST_DIR}/HistoryImport.h
    ${CMAKE_CURRENT_LIST_DIR}/RunStore.cpp ${CMAKE_CURRENT_LIST_DIR}/RunStore.h
    ${CMAKE_CURRENT_LIST_DIR}/DebugController.cpp ${CMAKE_CURRENT_LIST_DIR}/DebugController.h
    ${CMAKE_CURRENT_LIST_DIR}/DebugControllerSlices.cpp
    ${CMAKE_CURRENT_LIST_DIR}/RunWorker.cpp ${CMAKE_CURRENT_LIST_DIR}/RunWorker.h
    ${CMAKE_CURRENT_LIST_DIR}/HistoryModel.cpp ${CMAKE_CURRENT_LIST_DIR}/HistoryModel.h
    ${CMAKE_CURRENT_LIST_DIR}/HistoryFilterModel.cpp ${CMAKE_CURRENT_LIST_DIR}/HistoryFilterModel.h
    ${CMAKE_CURRENT_LIST_DIR}/StateVisitData.cpp ${CMAKE_CURRENT_LIST_DIR}/StateVisitData.h
    ${CMAKE_CURRENT_LIST_DIR}/VisitContext.cpp ${CMAKE_CURRENT_LIST_DIR}/VisitContext.h
    ${CMAKE_CURRENT_LIST_DIR}/VariableScopes.cpp ${CMAKE_CURRENT_LIST_DIR}/VariableScopes.h
    ${CMAKE_CURRENT_LIST_DIR}/ProgramApproval.cpp ${CMAKE_CURRENT_LIST_DIR}/ProgramApproval.h
    ${CMAKE_CURRENT_LIST_DIR}/JsonView.cpp ${CMAKE_CURRENT_LIST_DIR}/JsonView.h
    ${CMAKE_CURRENT_LIST_DIR}/OverlayLegend.cpp ${CMAKE_CURRENT_LIST_DIR}/OverlayLegend.h
    ${CMAKE_CURRENT_LIST_DIR}/ExecutionPanel.cpp ${CMAKE_CURRENT_LIST_DIR}/ExecutionPanel.h
    ${CMAKE_CURRENT_LIST_DIR}/HistoryPanel.cpp ${CMAKE_CURRENT_LIST_DIR}/HistoryPanel.h
    ${CMAKE_CURRENT_LIST_DIR}/RunThrottle.cpp ${CMAKE_CURRENT_LIST_DIR}/RunThrottle.h
    ${CMAKE_CURRENT_LIST_DIR}/StateDataPanel.cpp ${CMAKE_CURRENT_LIST_DIR}/StateDataPanel.h
    ${CMAKE_CURRENT_LIST_DIR}/TimelineView.cpp ${CMAKE_CURRENT_LIST_DIR}/TimelineView.h
    ${CMAKE_CURRENT_LIST_DIR}/RunsPanel.cpp ${CMAKE_CURRENT_LIST_DIR}/RunsPanel.h
    ${CMAKE_CURRENT_LIST_DIR}/CanvasLink.cpp ${CMAKE_CURRENT_LIST_DIR}/CanvasLink.h
)
target_link_libraries(stepwise_ui PUBLIC Qt6::Sql)
