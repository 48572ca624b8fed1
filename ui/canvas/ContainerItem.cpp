#include "ui/canvas/ContainerItem.h"

#include "ui/canvas/TypeIcon.h"

#include <QFontMetricsF>
#include <QPainter>

namespace stepwise::ui {
namespace {
constexpr qreal Radius = 10;
constexpr qreal HandleRadius = 5;
} // namespace

ContainerItem::ContainerItem(graph::NodeSpec spec, const CanvasStyle *style)
    : m_spec(std::move(spec)), m_style(style)
{
    setFlags(ItemIsSelectable | ItemIsMovable);
    setAcceptHoverEvents(true);
    setZValue(0);
    updateToolTip();
}

void ContainerItem::updateToolTip()
{
    setToolTip(
        QString::fromStdString(m_spec.name + "\n" + m_spec.detail) +
        (m_problemSummary.isEmpty() ? QString() : QStringLiteral("\n\n") + m_problemSummary));
}

void ContainerItem::setSpec(graph::NodeSpec spec)
{
    m_spec = std::move(spec);
    updateToolTip();
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
    for (const graph::Rect &branch : geometry.branches)
        m_branches.push_back(local(branch));
}

void ContainerItem::setProblems(int errors, const QString &summary)
{
    m_errors = errors;
    m_problemSummary = summary;
    updateToolTip();
    update();
}

void ContainerItem::setCollapsed(bool collapsed, int hiddenStates)
{
    m_collapsed = collapsed;
    m_hiddenStates = hiddenStates;
    update();
}

void ContainerItem::setRunState(const NodeRunState &state, bool dimmed)
{
    setOpacity(dimmed ? 0.6 : 1.0);
    m_run = state;
    update();
}

void ContainerItem::setConnectTarget(bool highlighted)
{
    m_connectTarget = highlighted;
    update();
}

void ContainerItem::setDropBranch(int branch)
{
    if (m_dropBranch == branch)
        return;
    m_dropBranch = branch;
    update();
}

QRectF ContainerItem::toggleRect() const
{
    const qreal top = m_bounds.top() + graph::metrics::ContainerPadding + 4;
    return {m_bounds.right() - 32, top, 20, 20};
}

int ContainerItem::branchAt(QPointF itemPos) const
{
    if (m_collapsed)
        return -1;
    for (std::size_t b = 0; b < m_branches.size(); ++b)
        if (m_branches[b].contains(itemPos))
            return static_cast<int>(b);
    const bool belowHeader = itemPos.y() > graph::metrics::HeaderHeight / 2;
    if (m_spec.type == asl::StateType::Map && belowHeader && m_bounds.contains(itemPos))
        return 0;
    return -1;
}

QRectF ContainerItem::boundingRect() const
{
    return m_bounds.adjusted(-8, -8, 8, HandleRadius + 4);
}

QPainterPath ContainerItem::shape() const
{
    // Only the header band and the border pick the container; its inside belongs to children.
    QPainterPath outer;
    outer.addRoundedRect(m_bounds, Radius, Radius);
    if (!m_collapsed) {
        QPainterPath inner;
        inner.addRect(m_bounds.adjusted(6, graph::metrics::HeaderHeight + 4, -6, -6));
        outer = outer.subtracted(inner);
    }
    outer.addEllipse(handleCenter(), HandleRadius + 2, HandleRadius + 2);
    return outer;
}

void ContainerItem::hoverEnterEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = true;
    update();
    QGraphicsItem::hoverEnterEvent(event);
}

void ContainerItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = false;
    update();
    QGraphicsItem::hoverLeaveEvent(event);
}

void ContainerItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const bool ran = m_run.status != RunStatus::NotRun;
    if (m_run.current) {
        painter->setPen(QPen(m_style->pausedOutline, 4));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(m_bounds.adjusted(-3, -3, 3, 3), Radius + 2, Radius + 2);
    }
    QPen border(m_style->containerBorder, 1.2);
    if (ran)
        border = QPen(CanvasStyle::runBorder(m_run.status), 2);
    if (isSelected() || m_connectTarget)
        border = QPen(m_style->accent, 2);
    border.setStyle(Qt::DashLine);
    painter->setPen(border);
    painter->setBrush(ran ? m_style->runFill(m_run.status) : m_style->containerFill);
    painter->drawRoundedRect(m_bounds, Radius, Radius);
    if (!m_collapsed)
        for (std::size_t b = 0; b < m_branches.size(); ++b) {
            const bool target = static_cast<int>(b) == m_dropBranch;
            if (m_spec.type != asl::StateType::Parallel && !target)
                continue; // a Map's processor needs no box of its own
            painter->setPen(target ? QPen(m_style->accent, 2) : QPen(m_style->branchBorder, 1));
            painter->setBrush(m_style->branchFill);
            painter->drawRoundedRect(m_branches[b], 6, 6);
        }
    paintHeader(painter);
    if (m_run.breakpoint) {
        painter->setPen(QPen(m_style->nodeFill, 1.5));
        painter->setBrush(m_style->breakpoint);
        painter->drawEllipse(QPointF(m_bounds.left() - 1, toggleRect().center().y()), 6, 6);
    }
    if (m_hovered || isSelected()) {
        painter->setPen(QPen(m_style->nodeFill, 1.5));
        painter->setBrush(m_style->accent);
        painter->drawEllipse(handleCenter(), HandleRadius, HandleRadius);
    }
}

void ContainerItem::paintHeader(QPainter *painter) const
{
    const QRectF toggle = toggleRect();
    const qreal top = toggle.top();
    const QRectF icon(m_bounds.left() + 12, top, 20, 20);
    paintTypeIcon(painter, icon, m_spec.type);
    paintChevron(painter);

    const qreal left = icon.right() + 8;
    const qreal width = toggle.left() - 8 - left;
    QFont bold = m_style->font;
    bold.setBold(true);
    const QFontMetricsF nameMetrics(bold);
    const QString name =
        nameMetrics.elidedText(QString::fromStdString(m_spec.name), Qt::ElideMiddle, width);
    painter->setPen(m_style->text);
    painter->setFont(bold);
    painter->drawText(QRectF(left, top, width, 20), Qt::AlignLeft | Qt::AlignVCenter, name);
    QString detail = QString::fromStdString(m_spec.detail);
    if (m_collapsed)
        detail += QStringLiteral(" · %1 state%2")
                      .arg(m_hiddenStates)
                      .arg(m_hiddenStates == 1 ? QString() : QStringLiteral("s"));
    const qreal detailLeft = left + nameMetrics.horizontalAdvance(name) + 10;
    const qreal detailWidth = std::max<qreal>(0, toggle.left() - 6 - detailLeft);
    painter->setPen(m_style->mutedText);
    painter->setFont(m_style->smallFont);
    painter->drawText(
        QRectF(detailLeft, top, detailWidth, 20), Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetricsF(m_style->smallFont).elidedText(detail, Qt::ElideRight, detailWidth));
    if (m_errors > 0) {
        const QRectF badge(m_bounds.right() - 10, m_bounds.top() - 6, 16, 16);
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_style->errorBadge);
        painter->drawEllipse(badge);
        painter->setPen(Qt::white);
        painter->drawText(badge, Qt::AlignCenter, QString::number(m_errors));
    }
}

// Down when expanded, right when collapsed, as in a tree view.
void ContainerItem::paintChevron(QPainter *painter) const
{
    const QRectF r = toggleRect();
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_hovered ? m_style->branchBorder : Qt::transparent);
    painter->drawRoundedRect(r, 4, 4);
    QPen pen(m_style->mutedText, 1.8);
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    const QPointF c = r.center();
    QPolygonF chevron;
    if (m_collapsed)
        chevron << c + QPointF(-2.5, -5) << c + QPointF(2.5, 0) << c + QPointF(-2.5, 5);
    else
        chevron << c + QPointF(-5, -2.5) << c + QPointF(0, 2.5) << c + QPointF(5, -2.5);
    painter->drawPolyline(chevron);
}

} // namespace stepwise::ui
