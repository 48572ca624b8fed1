#include "ui/canvas/StateNodeItem.h"

#include "core/graph/Layout.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace stepwise::ui {
namespace {

constexpr qreal Radius = 6;
constexpr qreal AccentWidth = 4;
constexpr qreal IconSize = 20;
constexpr qreal MarkerRadius = 8;

QRectF localBox(const graph::NodeSpec &spec)
{
    const graph::Rect r = graph::nodeRect(spec, {});
    return {r.x, r.y, r.width, r.height};
}

} // namespace

StateNodeItem::StateNodeItem(graph::NodeSpec spec, const CanvasStyle *style)
    : m_spec(std::move(spec)), m_style(style)
{
    const bool isState = m_spec.kind == graph::NodeKind::State;
    setFlag(ItemIsSelectable, isState);
    setFlag(ItemIsMovable, true);
    setFlag(ItemSendsGeometryChanges, false);
    setZValue(isState ? 2 : 1);
    updateToolTip();
}

void StateNodeItem::setSpec(graph::NodeSpec spec)
{
    prepareGeometryChange();
    m_spec = std::move(spec);
    updateToolTip();
    update();
}

void StateNodeItem::setProblems(int errors, int warnings, const QString &summary)
{
    m_errors = errors;
    m_warnings = warnings;
    m_problemSummary = summary;
    updateToolTip();
    update();
}

void StateNodeItem::updateToolTip()
{
    QString tip = QString::fromStdString(m_spec.name);
    if (m_spec.kind == graph::NodeKind::State)
        tip += QStringLiteral("\n%1").arg(QString::fromStdString(m_spec.detail));
    if (!m_problemSummary.isEmpty())
        tip += QStringLiteral("\n\n%1").arg(m_problemSummary);
    setToolTip(tip);
}

QRectF StateNodeItem::boundingRect() const
{
    if (m_spec.kind != graph::NodeKind::State)
        return localBox(m_spec).adjusted(-2, -2, 2, 2);
    return localBox(m_spec).adjusted(-4, -10, 10, 4); // selection outline, shadow and badge
}

QPainterPath StateNodeItem::shape() const
{
    QPainterPath path;
    const QRectF box = localBox(m_spec);
    const qreal radius = m_spec.kind == graph::NodeKind::State ? Radius : box.height() / 2;
    path.addRoundedRect(box, radius, radius);
    return path;
}

// Start / End (VISUAL.md): a small filled circle and its label, on a pill edges end at.
void StateNodeItem::paintMarker(QPainter *painter) const
{
    const QRectF box = localBox(m_spec);
    painter->setPen(QPen(m_style->nodeBorder, 1));
    painter->setBrush(m_style->nodeFill);
    painter->drawRoundedRect(box, box.height() / 2, box.height() / 2);
    const QPointF dot(box.left() + box.height() / 2, 0);
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_style->marker);
    painter->drawEllipse(dot, MarkerRadius - 2, MarkerRadius - 2);
    painter->setPen(m_style->text);
    painter->setFont(m_style->smallFont);
    painter->drawText(QRectF(dot.x() + MarkerRadius, box.top(),
                             box.right() - dot.x() - MarkerRadius, box.height()),
                      Qt::AlignCenter, QString::fromStdString(m_spec.name));
}

void StateNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    if (m_spec.kind != graph::NodeKind::State) {
        paintMarker(painter);
        return;
    }
    const QRectF box = localBox(m_spec);
    const QColor accent = CanvasStyle::typeColor(m_spec.type);
    if (isSelected()) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0, 0, 0, 28));
        painter->drawRoundedRect(box.translated(0, 3), Radius, Radius);
    }
    painter->setPen(isSelected() ? QPen(m_style->accent, 2) : QPen(m_style->nodeBorder, 1));
    painter->setBrush(m_style->nodeFill);
    painter->drawRoundedRect(box, Radius, Radius);

    QPainterPath bar;
    bar.addRoundedRect(QRectF(box.left(), box.top(), 2 * Radius, box.height()), Radius, Radius);
    QPainterPath clip;
    clip.addRect(QRectF(box.left(), box.top(), AccentWidth, box.height()));
    painter->fillPath(bar.intersected(clip), accent);

    const QRectF icon(box.left() + AccentWidth + 8, box.center().y() - IconSize / 2, IconSize,
                      IconSize);
    painter->setPen(Qt::NoPen);
    painter->setBrush(accent);
    painter->drawRoundedRect(icon, 4, 4);
    painter->setPen(Qt::white);
    painter->setFont(m_style->smallFont);
    painter->drawText(icon, Qt::AlignCenter, CanvasStyle::typeGlyph(m_spec.type));

    const qreal textLeft = icon.right() + 8;
    const qreal textWidth = box.right() - 8 - textLeft;
    const QFontMetricsF nameMetrics(m_style->font);
    const QFontMetricsF detailMetrics(m_style->smallFont);
    painter->setPen(m_style->text);
    painter->setFont(m_style->font);
    painter->drawText(
        QRectF(textLeft, box.top() + 6, textWidth, 20), Qt::AlignLeft | Qt::AlignVCenter,
        nameMetrics.elidedText(QString::fromStdString(m_spec.name), Qt::ElideMiddle, textWidth));
    painter->setPen(m_style->mutedText);
    painter->setFont(m_style->smallFont);
    painter->drawText(QRectF(textLeft, box.top() + 26, textWidth, 16),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      detailMetrics.elidedText(QString::fromStdString(m_spec.detail),
                                               Qt::ElideMiddle, textWidth));
    paintBadge(painter, box);
}

void StateNodeItem::paintBadge(QPainter *painter, const QRectF &box) const
{
    if (m_errors + m_warnings == 0)
        return;
    const QRectF badge(box.right() - 8, box.top() - 8, 16, 16);
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_errors > 0 ? m_style->errorBadge : m_style->warningBadge);
    painter->drawEllipse(badge);
    painter->setPen(Qt::white);
    QFont font = m_style->smallFont;
    font.setPixelSize(10);
    font.setBold(true);
    painter->setFont(font);
    painter->drawText(badge, Qt::AlignCenter,
                      QString::number(m_errors > 0 ? m_errors : m_warnings));
}

} // namespace stepwise::ui
