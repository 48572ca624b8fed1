#include "ui/canvas/ContainerItem.h"

#include <QFontMetricsF>
#include <QPainter>

namespace stepwise::ui {
namespace {
constexpr qreal Radius = 10;
}

ContainerItem::ContainerItem(graph::NodeSpec spec, const CanvasStyle *style)
    : m_spec(std::move(spec)), m_style(style)
{
    setFlags(ItemIsSelectable | ItemIsMovable);
    setZValue(0);
    setToolTip(QString::fromStdString(m_spec.name + "\n" + m_spec.detail));
}

void ContainerItem::setSpec(graph::NodeSpec spec)
{
    m_spec = std::move(spec);
    setToolTip(QString::fromStdString(m_spec.name + "\n" + m_spec.detail));
    update();
}

void ContainerItem::setGeometry(const graph::ContainerGeometry &geometry, graph::Point header)
{
    prepareGeometryChange();
    setPos(header.x, header.y);
    auto local = [&header](const graph::Rect &r) {
        return QRectF(r.x - header.x, r.y - header.y, r.width, r.height);
    };
    m_bounds = local(geometry.bounds);
    m_branches.clear();
    if (m_spec.type == asl::StateType::Parallel)
        for (const graph::Rect &branch : geometry.branches)
            m_branches.push_back(local(branch));
}

void ContainerItem::setProblems(int errors, const QString &summary)
{
    m_errors = errors;
    setToolTip(QString::fromStdString(m_spec.name + "\n" + m_spec.detail) +
               (summary.isEmpty() ? QString() : QStringLiteral("\n\n") + summary));
    update();
}

QRectF ContainerItem::boundingRect() const
{
    return m_bounds.adjusted(-3, -3, 3, 3);
}

QPainterPath ContainerItem::shape() const
{
    // Only the header band and the border pick the container; its inside belongs to children.
    QPainterPath outer;
    outer.addRoundedRect(m_bounds, Radius, Radius);
    QPainterPath inner;
    inner.addRect(m_bounds.adjusted(6, graph::metrics::HeaderHeight + 4, -6, -6));
    return outer.subtracted(inner);
}

void ContainerItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    QPen border(isSelected() ? m_style->accent : m_style->containerBorder, isSelected() ? 2 : 1.2);
    border.setStyle(Qt::DashLine);
    painter->setPen(border);
    painter->setBrush(m_style->containerFill);
    painter->drawRoundedRect(m_bounds, Radius, Radius);
    painter->setPen(QPen(m_style->branchBorder, 1));
    painter->setBrush(m_style->branchFill);
    for (const QRectF &branch : m_branches)
        painter->drawRoundedRect(branch, 6, 6);

    const QColor accent = CanvasStyle::typeColor(m_spec.type);
    const qreal top = m_bounds.top() + graph::metrics::ContainerPadding + 4;
    const QRectF icon(m_bounds.left() + 12, top, 20, 20);
    painter->setPen(Qt::NoPen);
    painter->setBrush(accent);
    painter->drawRoundedRect(icon, 4, 4);
    painter->setPen(Qt::white);
    painter->setFont(m_style->smallFont);
    painter->drawText(icon, Qt::AlignCenter, CanvasStyle::typeGlyph(m_spec.type));

    const qreal left = icon.right() + 8;
    const qreal width = m_bounds.right() - 12 - left;
    QFont bold = m_style->font;
    bold.setBold(true);
    const QFontMetricsF nameMetrics(bold);
    const QString name =
        nameMetrics.elidedText(QString::fromStdString(m_spec.name), Qt::ElideMiddle, width);
    painter->setPen(m_style->text);
    painter->setFont(bold);
    painter->drawText(QRectF(left, top, width, 20), Qt::AlignLeft | Qt::AlignVCenter, name);
    const qreal detailLeft = left + nameMetrics.horizontalAdvance(name) + 10;
    painter->setPen(m_style->mutedText);
    painter->setFont(m_style->smallFont);
    painter->drawText(
        QRectF(detailLeft, top, std::max<qreal>(0, m_bounds.right() - 12 - detailLeft), 20),
        Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetricsF(m_style->smallFont)
            .elidedText(QString::fromStdString(m_spec.detail), Qt::ElideMiddle,
                        std::max<qreal>(0, m_bounds.right() - 12 - detailLeft)));
    if (m_errors > 0) {
        const QRectF badge(m_bounds.right() - 10, m_bounds.top() - 6, 16, 16);
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_style->errorBadge);
        painter->drawEllipse(badge);
        painter->setPen(Qt::white);
        painter->drawText(badge, Qt::AlignCenter, QString::number(m_errors));
    }
}

} // namespace stepwise::ui
