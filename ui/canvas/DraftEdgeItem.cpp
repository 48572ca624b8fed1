#include "ui/canvas/DraftEdgeItem.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace stepwise::ui {

DraftEdgeItem::DraftEdgeItem(const CanvasStyle *style) : m_style(style)
{
    setZValue(10); // above everything while dragging
    setAcceptedMouseButtons(Qt::NoButton);
}

void DraftEdgeItem::setEnds(QPointF from, QPointF to)
{
    prepareGeometryChange();
    m_from = from;
    m_to = to;
    const qreal bend = std::max<qreal>(40, std::abs(to.y() - from.y()) / 2);
    m_path = QPainterPath(from);
    m_path.cubicTo(from + QPointF(0, bend), to - QPointF(0, bend), to);
}

QRectF DraftEdgeItem::boundingRect() const
{
    return m_path.boundingRect().adjusted(-8, -8, 8, 8);
}

void DraftEdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    QPen pen(m_style->accent, 2, Qt::DashLine);
    pen.setCapStyle(Qt::RoundCap);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_style->accent);
    painter->drawEllipse(m_to, 4, 4);
}

} // namespace stepwise::ui
