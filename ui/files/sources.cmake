# Files and safety: recent files, recovery of unsaved work, exports.
target_sources(stepwise_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/RecentFiles.cpp ${CMAKE_CURRENT_LIST_DIR}/RecentFiles.h
    ${CMAKE_CURRENT_LIST_DIR}/RecoveryStore.cpp ${CMAKE_CURRENT_LIST_DIR}/RecoveryStore.h
    ${CMAKE_CURRENT_LIST_DIR}/RecoveryController.cpp ${CMAKE_CURRENT_LIST_DIR}/RecoveryController.h
    ${CMAKE_CURRENT_LIST_DIR}/Exports.cpp ${CMAKE_CURRENT_LIST_DIR}/Exports.h)
