# Editing commands beyond the canvas's first ones (palette inserts, inspector edits, clipboard).
target_sources(stepwise_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/InsertStateCommand.h
    ${CMAKE_CURRENT_LIST_DIR}/EditStateCommand.h
    ${CMAKE_CURRENT_LIST_DIR}/SetMachineFieldCommand.h
    ${CMAKE_CURRENT_LIST_DIR}/PasteStatesCommand.h
    ${CMAKE_CURRENT_LIST_DIR}/JsonataConversion.cpp ${CMAKE_CURRENT_LIST_DIR}/JsonataConversion.h
    ${CMAKE_CURRENT_LIST_DIR}/EditCommands.cpp)
