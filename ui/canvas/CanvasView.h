#pragma once
// The canvas's viewport: zoom (wheel, pinch, Ctrl +/-), pan (space-drag, middle button, touchpad
// scrolling), fit to view (Ctrl+0), rubber-band selection, a minimap in the bottom-right corner,
// and the light / dark canvas style following the widget palette.
#include <QGraphicsView>

namespace stepwise::ui {

class MinimapWidget;

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

    MinimapWidget *minimap() const { return m_minimap; }
    void setMinimapVisible(bool visible);

signals:
    void zoomChanged(qreal zoom);

protected:
    bool viewportEvent(QEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void changeEvent(QEvent *event) override;

private:
    void placeMinimap();
    void refreshMinimap();
    void panBy(QPointF pixels);

    MinimapWidget *m_minimap;
    bool m_minimapWanted = true;
    bool m_fitPending = false; // asked before the view had its size
    bool m_keepFitted = false; // refit when resized, until the user zooms or pans
    bool m_spaceHeld = false;
    bool m_panning = false;
    QPoint m_lastPan;
};

} // namespace stepwise::ui
