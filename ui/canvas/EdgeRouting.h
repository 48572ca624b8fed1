#pragma once
// Paths for edges: Graphviz's Bézier chains when the layout has a route, otherwise a simple
// curve between the two boxes (a node the user moved, a drag in progress).
#include "core/graph/Layout.h"

#include <QPainterPath>
#include <QRectF>

#include <optional>

namespace stepwise::ui {

struct EdgePath
{
    QPainterPath path; // ends at the arrow head's base
    QPointF tip;
    std::optional<QPointF> labelCenter;
};

EdgePath routedPath(const graph::Route &route);
// Leaves `from` at its bottom and enters `to` at its top; a back edge (target above) goes
// around the right-hand sides instead.
EdgePath fallbackPath(const QRectF &from, const QRectF &to);

} // namespace stepwise::ui
