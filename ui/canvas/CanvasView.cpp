#include "ui/canvas/CanvasView.h"

#include "ui/canvas/CanvasScene.h"
#include "ui/canvas/MinimapWidget.h"

#include <QGestureEvent>
#include <QKeyEvent>
#include <QNativeGestureEvent>
#include <QPinchGesture>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>

namespace stepwise::ui {
namespace {
constexpr qreal MinZoom = 0.05;
constexpr qreal MaxZoom = 4.0;
constexpr int MinimapMargin = 12;
} // namespace

CanvasView::CanvasView(QWidget *parent) : QGraphicsView(parent), m_minimap(new MinimapWidget(this))
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::RubberBandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::MinimalViewportUpdate);
    setFocusPolicy(Qt::StrongFocus);
    // Panning and the minimap replace scroll bars; without them the fitted diagram is centred.
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFrameShape(QFrame::NoFrame);
    viewport()->grabGesture(Qt::PinchGesture);
    placeMinimap();
}

void CanvasView::setMinimapVisible(bool visible)
{
    m_minimapWanted = visible;
    refreshMinimap();
}

void CanvasView::placeMinimap()
{
    const QRect area = viewport()->geometry();
    const int width = std::clamp(area.width() / 5, 120, 220);
    const int height = width * 2 / 3;
    m_minimap->setGeometry(area.right() - width - MinimapMargin + 1,
                           area.bottom() - height - MinimapMargin + 1, width, height);
    m_minimap->raise();
    refreshMinimap();
}

// The minimap helps only while part of the diagram is out of sight; otherwise it would just
// cover a corner of it.
void CanvasView::refreshMinimap()
{
    const bool roomy = viewport()->width() > 3 * m_minimap->width() / 2;
    bool partlyHidden = false;
    if (scene()) {
        const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
        const auto *canvas = qobject_cast<const CanvasScene *>(scene());
        partlyHidden =
            !visible.contains(canvas ? canvas->contentRect() : scene()->itemsBoundingRect());
    }
    m_minimap->setVisible(m_minimapWanted && roomy && partlyHidden);
    m_minimap->update();
}

void CanvasView::zoomBy(qreal factor)
{
    const qreal target = std::clamp(zoom() * factor, MinZoom, MaxZoom);
    const qreal applied = target / zoom();
    m_keepFitted = false;
    scale(applied, applied);
    refreshMinimap();
    emit zoomChanged(zoom());
}

void CanvasView::resetZoom()
{
    m_keepFitted = false;
    setTransform(QTransform());
    refreshMinimap();
    emit zoomChanged(zoom());
}

void CanvasView::fitToView()
{
    if (!scene())
        return;
    if (!isVisible()) {
        m_fitPending = true;
        return;
    }
    const QRectF content = scene()->itemsBoundingRect().adjusted(-24, -24, 24, 24);
    if (content.isEmpty())
        return;
    fitInView(content, Qt::KeepAspectRatio);
    if (zoom() > 1.0)
        resetZoom();
    centerOn(content.center());
    m_keepFitted = true;
    refreshMinimap();
    emit zoomChanged(zoom());
}

void CanvasView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    placeMinimap();
    // Docks settling after the first show resize the view: keep a fitted diagram fitted.
    if ((m_fitPending || m_keepFitted) && isVisible()) {
        m_fitPending = false;
        fitToView();
    }
}

void CanvasView::showEvent(QShowEvent *event)
{
    QGraphicsView::showEvent(event);
    placeMinimap();
    if (m_fitPending) {
        m_fitPending = false;
        fitToView();
    }
}

void CanvasView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    refreshMinimap();
}

void CanvasView::changeEvent(QEvent *event)
{
    QGraphicsView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        if (auto *canvas = qobject_cast<CanvasScene *>(scene()))
            canvas->setStyle(CanvasStyle::fromPalette(palette()));
}

void CanvasView::panBy(QPointF pixels)
{
    m_keepFitted = false;
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() - qRound(pixels.x()));
    verticalScrollBar()->setValue(verticalScrollBar()->value() - qRound(pixels.y()));
}

// Pinch: touchpads send native zoom gestures, touch screens QPinchGesture.
bool CanvasView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::NativeGesture) {
        auto *gesture = static_cast<QNativeGestureEvent *>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            zoomBy(1 + gesture->value());
            return true;
        }
    }
    if (event->type() == QEvent::Gesture) {
        auto *gestures = static_cast<QGestureEvent *>(event);
        if (auto *pinch = static_cast<QPinchGesture *>(gestures->gesture(Qt::PinchGesture))) {
            if (pinch->changeFlags() & QPinchGesture::ScaleFactorChanged)
                zoomBy(pinch->scaleFactor());
            gestures->accept(pinch);
            return true;
        }
    }
    return QGraphicsView::viewportEvent(event);
}

// A mouse wheel zooms; a touchpad's two-finger scroll pans (it comes in phases with pixel
// deltas), and zooms with Ctrl held.
void CanvasView::wheelEvent(QWheelEvent *event)
{
    const bool touchpad = event->phase() != Qt::NoScrollPhase && !event->pixelDelta().isNull();
    if (touchpad && !(event->modifiers() & Qt::ControlModifier)) {
        panBy(event->pixelDelta());
    } else {
        const qreal steps = event->angleDelta().y() / 120.0;
        if (steps != 0)
            zoomBy(std::pow(1.15, steps));
    }
    event->accept();
}

void CanvasView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = true;
        viewport()->setCursor(Qt::OpenHandCursor);
        event->accept();
        return;
    }
    if (event->modifiers() & Qt::ControlModifier) {
        switch (event->key()) {
        case Qt::Key_Plus:
        case Qt::Key_Equal:
            zoomIn();
            return event->accept();
        case Qt::Key_Minus:
            zoomOut();
            return event->accept();
        case Qt::Key_0:
            fitToView();
            return event->accept();
        case Qt::Key_1:
            resetZoom();
            return event->accept();
        default:
            break;
        }
    }
    QGraphicsView::keyPressEvent(event);
    const bool arrow = event->key() == Qt::Key_Up || event->key() == Qt::Key_Down ||
                       event->key() == Qt::Key_Left || event->key() == Qt::Key_Right;
    if (arrow && event->isAccepted() && scene() && !scene()->selectedItems().isEmpty())
        ensureVisible(scene()->selectedItems().constFirst(), 60, 60);
}

void CanvasView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void CanvasView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton || (m_spaceHeld && event->button() == Qt::LeftButton)) {
        m_panning = true;
        m_lastPan = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void CanvasView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint delta = event->position().toPoint() - m_lastPan;
        m_lastPan = event->position().toPoint();
        panBy(delta);
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void CanvasView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning) {
        m_panning = false;
        if (m_spaceHeld)
            viewport()->setCursor(Qt::OpenHandCursor);
        else
            viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

} // namespace stepwise::ui
