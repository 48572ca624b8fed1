#include "ui/canvas/TransitionEdgeItem.h"

#include <QFontMetricsF>
#include <QLineF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

namespace stepwise::ui {
namespace {
constexpr qreal ArrowLength = 8;
constexpr qreal ArrowHalfWidth = 4;
constexpr qreal HoveredZ = 5; // above nodes and containers, so the whole label reads
} // namespace

TransitionEdgeItem::TransitionEdgeItem(graph::EdgeSpec spec, const CanvasStyle *style)
    : m_spec(std::move(spec)), m_style(style)
{
    setZValue(-1);
    setAcceptHoverEvents(true);
    setToolTip(QString::fromStdString(m_spec.label));
}

void TransitionEdgeItem::setSpec(graph::EdgeSpec spec)
{
    prepareGeometryChange();
    m_spec = std::move(spec);
    setToolTip(QString::fromStdString(m_spec.label));
}

void TransitionEdgeItem::setRoute(const QPainterPath &path, QPointF tip,
                                  std::optional<QPointF> labelCenter)
{
    prepareGeometryChange();
    m_path = path;
    m_tip = tip;
    m_labelCenter = labelCenter.value_or(path.pointAtPercent(0.5));
}

void TransitionEdgeItem::setTaken(std::optional<QColor> colour)
{
    if (m_taken == colour)
        return;
    m_taken = colour;
    if (!m_hovered)
        setZValue(m_taken ? -0.5 : -1); // taken paths above the others where they cross
    update();
}

void TransitionEdgeItem::setDropTarget(bool highlighted)
{
    if (m_dropTarget == highlighted)
        return;
    m_dropTarget = highlighted;
    update();
}

void TransitionEdgeItem::setHoverHandler(std::function<void(const graph::EdgeSpec &, bool)> handler)
{
    m_hoverHandler = std::move(handler);
}

QRectF TransitionEdgeItem::labelRect() const
{
    if (m_spec.label.empty())
        return {};
    const QFontMetricsF metrics(m_style->labelFont);
    const qreal width = metrics.horizontalAdvance(QString::fromStdString(m_spec.label)) + 14;
    const qreal height = metrics.height() + 6;
    return {m_labelCenter.x() - width / 2, m_labelCenter.y() - height / 2, width, height};
}

QRectF TransitionEdgeItem::boundingRect() const
{
    QRectF rect = m_path.boundingRect().united(QRectF(m_tip, QSizeF(1, 1)));
    if (!m_spec.label.empty())
        rect = rect.united(labelRect());
    return rect.adjusted(-ArrowLength, -ArrowLength, ArrowLength, ArrowLength);
}

QPainterPath TransitionEdgeItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(8);
    QPainterPath shape = stroker.createStroke(m_path);
    if (!m_spec.label.empty())
        shape.addRect(labelRect());
    return shape;
}

void TransitionEdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const bool emphasised = m_hovered || m_dropTarget;
    QColor colour = emphasised ? m_style->accent : m_taken.value_or(m_style->edge);
    QPen pen(colour, emphasised || m_taken ? 2.5 : 1.5);
    if (m_spec.isDashed())
        pen.setStyle(Qt::DashLine);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);

    const QPointF base = m_path.elementCount() > 0 ? m_path.currentPosition() : m_tip;
    QLineF axis(m_tip, base);
    if (axis.length() < 1)
        axis = QLineF(m_tip, m_tip - QPointF(0, 1));
    axis.setLength(ArrowLength);
    const QPointF back = axis.p2();
    const QPointF normal(-(back.y() - m_tip.y()) / ArrowLength * ArrowHalfWidth,
                         (back.x() - m_tip.x()) / ArrowLength * ArrowHalfWidth);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawPolygon(QPolygonF({m_tip, back + normal, back - normal}));

    // Far out, labels would be unreadable specks: only the hovered edge keeps its label.
    if (m_spec.label.empty() ||
        (!m_hovered && option->levelOfDetailFromTransform(painter->worldTransform()) < 0.35))
        return;
    const QRectF pill = labelRect();
    painter->setPen(QPen(emphasised ? m_style->accent : m_style->branchBorder, 1));
    painter->setBrush(m_style->background);
    painter->drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
    painter->setPen(emphasised ? m_style->text : m_style->mutedText);
    painter->setFont(m_style->labelFont);
    painter->drawText(pill, Qt::AlignCenter, QString::fromStdString(m_spec.label));
}

void TransitionEdgeItem::hoverEnterEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = true;
    setZValue(HoveredZ);
    update();
    if (m_hoverHandler)
        m_hoverHandler(m_spec, true);
    QGraphicsItem::hoverEnterEvent(event);
}

void TransitionEdgeItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = false;
    setZValue(m_taken ? -0.5 : -1);
    update();
    if (m_hoverHandler)
        m_hoverHandler(m_spec, false);
    QGraphicsItem::hoverLeaveEvent(event);
}

} // namespace stepwise::ui
