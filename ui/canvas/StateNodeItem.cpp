#include "ui/canvas/StateNodeItem.h"

#include "core/graph/Layout.h"
#include "ui/canvas/NodeText.h"
#include "ui/canvas/TypeIcon.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <cmath>

namespace stepwise::ui {
namespace {

constexpr qreal Radius = 6;
constexpr qreal AccentWidth = 4;
constexpr qreal IconSize = 22;
constexpr qreal MarkerRadius = 8;
constexpr qreal HandleRadius = 5;
constexpr qreal TextLevelOfDetail = 0.35; // below this zoom, text is unreadable: skip it

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
    setAcceptHoverEvents(true);
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
    if (m_errors == errors && m_warnings == warnings && m_problemSummary == summary)
        return;
    m_errors = errors;
    m_warnings = warnings;
    m_problemSummary = summary;
    updateToolTip();
    update();
}

void StateNodeItem::setRunState(const NodeRunState &state, bool dimmed)
{
    setOpacity(dimmed ? 0.6 : 1.0);
    if (m_run == state)
        return;
    m_run = state;
    update();
}

void StateNodeItem::setPulse(qreal phase)
{
    m_pulse = phase;
    update();
}

void StateNodeItem::setConnectTarget(bool highlighted)
{
    if (m_connectTarget == highlighted)
        return;
    m_connectTarget = highlighted;
    update();
}

bool StateNodeItem::hasOutputHandle() const
{
    if (m_spec.kind == graph::NodeKind::Start)
        return true;
    return m_spec.kind == graph::NodeKind::State && m_spec.type != asl::StateType::Succeed &&
           m_spec.type != asl::StateType::Fail;
}

QPointF StateNodeItem::handleCenter() const
{
    return {0, localBox(m_spec).bottom()};
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
    const QRectF box = localBox(m_spec);
    if (m_spec.kind != graph::NodeKind::State)
        return box.adjusted(-2, -2, 2, HandleRadius + 2);
    // breakpoint dot on the left, badges above, handle and shadow below
    return box.adjusted(-20, -12, 12, HandleRadius + 4);
}

QPainterPath StateNodeItem::shape() const
{
    QPainterPath path;
    const QRectF box = localBox(m_spec);
    const qreal radius = m_spec.kind == graph::NodeKind::State ? Radius : box.height() / 2;
    path.addRoundedRect(box, radius, radius);
    if (hasOutputHandle())
        path.addEllipse(handleCenter(), HandleRadius + 2, HandleRadius + 2);
    return path;
}

void StateNodeItem::hoverEnterEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = true;
    update();
    QGraphicsItem::hoverEnterEvent(event);
}

void StateNodeItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = false;
    update();
    QGraphicsItem::hoverLeaveEvent(event);
}

// Start / End (VISUAL.md): a small filled circle and its label, on a pill edges end at.
void StateNodeItem::paintMarker(QPainter *painter) const
{
    const QRectF box = localBox(m_spec);
    painter->setPen(m_connectTarget ? QPen(m_style->accent, 2) : QPen(m_style->nodeBorder, 1));
    painter->setBrush(m_style->nodeFill);
    painter->drawRoundedRect(box, box.height() / 2, box.height() / 2);
    const QPointF dot(box.left() + box.height() / 2, 0);
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_style->marker);
    painter->drawEllipse(dot, MarkerRadius - 2, MarkerRadius - 2);
    if (m_spec.kind == graph::NodeKind::End) { // a ring inside the dot, like a stop symbol
        painter->setBrush(m_style->nodeFill);
        painter->drawEllipse(dot, 2.5, 2.5);
    }
    painter->setPen(m_style->text);
    painter->setFont(m_style->smallFont);
    painter->drawText(QRectF(dot.x() + MarkerRadius, box.top(),
                             box.right() - dot.x() - MarkerRadius, box.height()),
                      Qt::AlignCenter, QString::fromStdString(m_spec.name));
}

void StateNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const qreal detail = option->levelOfDetailFromTransform(painter->worldTransform());
    if (m_spec.kind != graph::NodeKind::State) {
        paintMarker(painter);
        if (m_hovered && hasOutputHandle())
            paintHandle(painter);
        return;
    }
    const QRectF box = localBox(m_spec);
    paintBody(painter, box, detail >= TextLevelOfDetail);
    if (detail >= TextLevelOfDetail)
        paintText(painter, box);
    paintBadges(painter, box);
    if ((m_hovered || isSelected()) && hasOutputHandle())
        paintHandle(painter);
}

void StateNodeItem::paintBody(QPainter *painter, const QRectF &box, bool detailed) const
{
    const QColor accent = CanvasStyle::typeColor(m_spec.type);
    const bool ran = m_run.status != RunStatus::NotRun;
    if (isSelected()) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0, 0, 0, m_style->isDark ? 70 : 28));
        painter->drawRoundedRect(box.translated(0, 3), Radius, Radius);
    }
    if (m_run.status == RunStatus::InProgress) { // a gentle pulse around the box
        QColor glow = CanvasStyle::runBorder(m_run.status);
        glow.setAlphaF(static_cast<float>(0.12 + 0.22 * (0.5 + 0.5 * std::sin(m_pulse * 6.2832))));
        painter->setPen(Qt::NoPen);
        painter->setBrush(glow);
        painter->drawRoundedRect(box.adjusted(-5, -5, 5, 5), Radius + 4, Radius + 4);
    }
    if (m_run.current) {
        painter->setPen(QPen(m_style->pausedOutline, 4));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(box.adjusted(-3, -3, 3, 3), Radius + 2, Radius + 2);
    }
    QPen border(m_style->nodeBorder, 1);
    if (ran)
        border = QPen(CanvasStyle::runBorder(m_run.status), 2);
    if (isSelected() || m_connectTarget)
        border = QPen(m_style->accent, 2);
    painter->setPen(border);
    painter->setBrush(m_style->runFill(m_run.status));
    painter->drawRoundedRect(box, Radius, Radius);
    if (m_run.status == RunStatus::Cancelled) {
        painter->setBrush(QBrush(CanvasStyle::runBorder(m_run.status), Qt::BDiagPattern));
        painter->setPen(Qt::NoPen);
        painter->drawRoundedRect(box, Radius, Radius);
    }

    QPainterPath bar;
    bar.addRoundedRect(QRectF(box.left(), box.top(), 2 * Radius, box.height()), Radius, Radius);
    QPainterPath clip;
    clip.addRect(QRectF(box.left(), box.top(), AccentWidth, box.height()));
    painter->fillPath(bar.intersected(clip), accent);
    if (!detailed) // far away: a coloured block says the type
        return;
    paintTypeIcon(
        painter,
        QRectF(box.left() + AccentWidth + 8, box.center().y() - IconSize / 2, IconSize, IconSize),
        m_spec.type);
}

void StateNodeItem::paintText(QPainter *painter, const QRectF &box) const
{
    const qreal textLeft = box.left() + AccentWidth + 8 + IconSize + 9;
    const qreal textWidth = box.right() - 10 - textLeft;
    const QFontMetricsF nameMetrics(m_style->font);
    const QFontMetricsF detailMetrics(m_style->smallFont);
    painter->setPen(m_style->text);
    painter->setFont(m_style->font);
    painter->drawText(
        QRectF(textLeft, box.top() + 6, textWidth, 20), Qt::AlignLeft | Qt::AlignVCenter,
        nameMetrics.elidedText(QString::fromStdString(m_spec.name), Qt::ElideMiddle, textWidth));
    painter->setPen(m_style->mutedText);
    painter->setFont(m_style->smallFont);
    painter->drawText(QRectF(textLeft, box.top() + 25, textWidth, 16),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      fittedDetail(readableDetail(m_spec.detail), detailMetrics, textWidth));
}

void StateNodeItem::paintBadges(QPainter *painter, const QRectF &box) const
{
    QFont font = m_style->smallFont;
    font.setPixelSize(10);
    font.setBold(true);
    painter->setFont(font);
    qreal right = box.right() + 8;
    if (m_errors + m_warnings > 0) {
        const QRectF badge(right - 16, box.top() - 8, 16, 16);
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_errors > 0 ? m_style->errorBadge : m_style->warningBadge);
        painter->drawEllipse(badge);
        painter->setPen(Qt::white);
        painter->drawText(badge, Qt::AlignCenter,
                          QString::number(m_errors > 0 ? m_errors : m_warnings));
        right = badge.left() - 4;
    }
    if (m_run.retries > 0) {
        const QString text = QStringLiteral("↻ %1").arg(m_run.retries);
        const qreal width = QFontMetricsF(font).horizontalAdvance(text) + 12;
        const QRectF pill(right - width, box.top() - 8, width, 16);
        painter->setPen(Qt::NoPen);
        painter->setBrush(CanvasStyle::runBorder(RunStatus::Caught));
        painter->drawRoundedRect(pill, 8, 8);
        painter->setPen(Qt::white);
        painter->drawText(pill, Qt::AlignCenter, text);
    }
    if (m_run.breakpoint) {
        painter->setPen(QPen(m_style->nodeFill, 1.5));
        painter->setBrush(m_style->breakpoint);
        painter->drawEllipse(QPointF(box.left() - 11, box.center().y()), 6, 6);
    }
}

void StateNodeItem::paintHandle(QPainter *painter) const
{
    painter->setPen(QPen(m_style->nodeFill, 1.5));
    painter->setBrush(m_style->accent);
    painter->drawEllipse(handleCenter(), HandleRadius, HandleRadius);
}

} // namespace stepwise::ui
