#pragma once
// Toolbar icons drawn as vector paths at whatever size and pixel ratio they are shown (crisp on
// high-DPI screens), in the palette's text colour so they suit light and dark themes. The
// desktop's icon theme wins when it has the icon.
#include <QIcon>

namespace stepwise::ui {

enum class ToolIcon { New, Open, Save, Undo, Redo, ZoomIn, ZoomOut, ActualSize, FitToView };

QIcon toolIcon(ToolIcon icon);

} // namespace stepwise::ui
