#pragma once
// The state type icons drawn as vector shapes (crisp at any zoom and device pixel ratio): a
// rounded square in the type accent with a white symbol — Pass an arrow, Task a bolt, Choice a
// diamond, Wait a clock, Succeed a tick, Fail a cross, Parallel three lanes, Map stacked items.
#include "core/asl/States.h"

#include <QRectF>

class QPainter;

namespace stepwise::ui {

void paintTypeIcon(QPainter *painter, const QRectF &box, asl::StateType type);

} // namespace stepwise::ui
