# The palette: flow states and service actions to drag onto the canvas.
target_sources(stepwise_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/PaletteCatalog.cpp ${CMAKE_CURRENT_LIST_DIR}/PaletteCatalog.h
    ${CMAKE_CURRENT_LIST_DIR}/StateIcons.cpp ${CMAKE_CURRENT_LIST_DIR}/StateIcons.h
    ${CMAKE_CURRENT_LIST_DIR}/PalettePanel.cpp ${CMAKE_CURRENT_LIST_DIR}/PalettePanel.h)
