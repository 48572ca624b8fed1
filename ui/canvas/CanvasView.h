#pragma once
// The canvas's viewport: zoom (wheel, Ctrl +/-), pan (space-drag, middle button), fit to view,
// rubber-band selection.
#include <QGraphicsView>

namespace stepwise::ui {

class CanvasView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit CanvasView(QWidget *parent = nullptr);

    qreal zoom() const { return transform().m11(); }
    void zoomBy(qreal factor);
    void zoomIn() { zoomBy(1.25); }
    void zoomOut() { zoomBy(1 / 1.25); }
    void resetZoom();
    void fitToView();

signals:
    void zoomChanged(qreal zoom);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    bool m_fitPending = false; // asked before the view had its size
    bool m_spaceHeld = false;
    bool m_panning = false;
    QPoint m_lastPan;
};

} // namespace stepwise::ui
