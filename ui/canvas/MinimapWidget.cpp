#include "ui/canvas/MinimapWidget.h"

#include "ui/canvas/CanvasScene.h"
#include "ui/canvas/CanvasView.h"
#include "ui/canvas/ContainerItem.h"
#include "ui/canvas/StateNodeItem.h"

#include <QMouseEvent>
#include <QPainter>

namespace stepwise::ui {
namespace {
constexpr qreal Inset = 6;
}

MinimapWidget::MinimapWidget(CanvasView *view) : QWidget(view), m_view(view)
{
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Overview: click or drag to move the view"));
    setAttribute(Qt::WA_OpaquePaintEvent, false);
}

CanvasScene *MinimapWidget::canvasScene() const
{
    return qobject_cast<CanvasScene *>(m_view->scene());
}

void MinimapWidget::follow()
{
    CanvasScene *scene = canvasScene();
    if (scene == m_scene)
        return;
    if (m_scene)
        disconnect(m_scene, nullptr, this, nullptr);
    m_scene = scene;
    if (scene)
        connect(scene, &CanvasScene::contentChanged, this, qOverload<>(&QWidget::update));
}

QRectF MinimapWidget::sceneContent() const
{
    const CanvasScene *scene = canvasScene();
    return scene ? scene->contentRect() : QRectF();
}

QRectF MinimapWidget::contentRect() const
{
    const QRectF content = sceneContent();
    if (content.isEmpty())
        return {};
    const QRectF area = QRectF(rect()).adjusted(Inset, Inset, -Inset, -Inset);
    const qreal scale = std::min(area.width() / content.width(), area.height() / content.height());
    const QSizeF size = content.size() * scale;
    return {area.center() - QPointF(size.width(), size.height()) / 2, size};
}

QPointF MinimapWidget::toScene(QPointF point) const
{
    const QRectF content = sceneContent();
    const QRectF box = contentRect();
    if (box.isEmpty())
        return {};
    const qreal scale = content.width() / box.width();
    return content.topLeft() + (point - box.topLeft()) * scale;
}

QPointF MinimapWidget::fromScene(QPointF scenePoint) const
{
    const QRectF content = sceneContent();
    const QRectF box = contentRect();
    if (box.isEmpty())
        return {};
    const qreal scale = box.width() / content.width();
    return box.topLeft() + (scenePoint - content.topLeft()) * scale;
}

QRectF MinimapWidget::viewportRect() const
{
    const QRectF visible = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    return QRectF(fromScene(visible.topLeft()), fromScene(visible.bottomRight()))
        .intersected(QRectF(rect()).adjusted(1, 1, -1, -1));
}

void MinimapWidget::paintEvent(QPaintEvent *)
{
    follow();
    const CanvasScene *scene = canvasScene();
    if (!scene)
        return;
    const CanvasStyle &style = scene->style();
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    QColor panel = style.background;
    panel.setAlpha(235);
    painter.setPen(QPen(style.nodeBorder, 1));
    painter.setBrush(panel);
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    const QRectF content = sceneContent();
    if (content.isEmpty())
        return;
    const qreal scale = contentRect().width() / content.width();
    auto mapped = [&](const QRectF &r) { return QRectF(fromScene(r.topLeft()), r.size() * scale); };
    // Containers first (their outline), then states as blocks in their type colour.
    for (QGraphicsItem *item : scene->items(Qt::AscendingOrder)) {
        if (!item->isVisible())
            continue;
        if (const auto *container = qgraphicsitem_cast<ContainerItem *>(item)) {
            painter.setPen(QPen(style.containerBorder, 0.8));
            painter.setBrush(style.containerFill);
            painter.drawRoundedRect(mapped(container->sceneBoundingRect().adjusted(8, 8, -8, -9)),
                                    2, 2);
        } else if (const auto *node = qgraphicsitem_cast<StateNodeItem *>(item)) {
            const graph::Rect box = graph::nodeRect(node->spec(), {node->x(), node->y()});
            painter.setPen(Qt::NoPen);
            painter.setBrush(node->spec().kind == graph::NodeKind::State
                                 ? CanvasStyle::typeColor(node->spec().type)
                                 : style.marker);
            painter.drawRect(mapped(QRectF(box.x, box.y, box.width, box.height)));
        }
    }
    QColor fill = style.accent;
    fill.setAlpha(40);
    painter.setPen(QPen(style.accent, 1.5));
    painter.setBrush(fill);
    painter.drawRect(viewportRect());
}

void MinimapWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_view->centerOn(toScene(event->position()));
    event->accept();
}

void MinimapWidget::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton))
        return;
    m_view->centerOn(toScene(event->position()));
    event->accept();
}

} // namespace stepwise::ui
