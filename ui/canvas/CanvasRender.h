#pragma once
// Pictures of a diagram without a window (`stepwise --render`): light theme, 2× scale, margin.
#include <QString>

namespace stepwise::ui {

class CanvasScene;

// Renders the scene's items to `out` (.png or .svg). Returns false with `error` set on failure.
bool renderScene(CanvasScene &scene, const QString &out, QString &error);

// Opens `aslPath` (with its layout sidecar), lays it out and renders it to `out`.
bool renderFile(const QString &aslPath, const QString &out, QString &error);

} // namespace stepwise::ui
