#pragma once
// Small type icons for lists and headers, drawn in the canvas's type accent colours
// (VISUAL.md) so a palette entry looks like the node it creates.
#include "core/asl/States.h"

#include <QIcon>
#include <QString>

namespace stepwise::ui {

// A rounded square in the type's colour with `glyph` (the type's own glyph when empty).
QIcon stateTypeIcon(asl::StateType type, const QString &glyph = {});

} // namespace stepwise::ui
