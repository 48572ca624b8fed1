#include "ui/canvas/EdgeRouting.h"

namespace stepwise::ui {
namespace {
constexpr qreal ArrowLength = 8;

QPointF toQt(graph::Point p)
{
    return {p.x, p.y};
}
} // namespace

EdgePath routedPath(const graph::Route &route)
{
    EdgePath result;
    const auto &points = route.points;
    result.path.moveTo(toQt(points.front()));
    for (std::size_t i = 1; i + 2 < points.size(); i += 3)
        result.path.cubicTo(toQt(points[i]), toQt(points[i + 1]), toQt(points[i + 2]));
    result.tip = route.arrowTip ? toQt(*route.arrowTip) : toQt(points.back());
    if (route.labelCenter)
        result.labelCenter = toQt(*route.labelCenter);
    return result;
}

EdgePath fallbackPath(const QRectF &from, const QRectF &to)
{
    EdgePath result;
    if (to.top() > from.bottom() + ArrowLength) {
        const QPointF start(from.center().x(), from.bottom());
        result.tip = QPointF(to.center().x(), to.top());
        const QPointF end = result.tip - QPointF(0, ArrowLength);
        const qreal bend = (end.y() - start.y()) / 2;
        result.path.moveTo(start);
        result.path.cubicTo(start + QPointF(0, bend), end - QPointF(0, bend), end);
        return result;
    }
    const QPointF start(from.right(), from.center().y());
    result.tip = QPointF(to.right(), to.center().y());
    const QPointF end = result.tip + QPointF(ArrowLength, 0);
    const qreal out = std::max(from.right(), to.right()) + 60;
    result.path.moveTo(start);
    result.path.cubicTo(QPointF(out, start.y()), QPointF(out, end.y()), end);
    return result;
}

} // namespace stepwise::ui
