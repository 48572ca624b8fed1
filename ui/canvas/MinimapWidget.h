#pragma once
// The minimap (issue 4 "a minimap"): the whole diagram in miniature in a corner of the canvas,
// with the visible part outlined; click or drag in it to move the view there.
#include <QPointer>
#include <QWidget>

namespace stepwise::ui {

class CanvasScene;
class CanvasView;

class MinimapWidget : public QWidget
{
    Q_OBJECT
public:
    explicit MinimapWidget(CanvasView *view);

    // Where the scene's items are drawn inside the widget (empty without items).
    QRectF contentRect() const;
    // Widget point → scene point, and back.
    QPointF toScene(QPointF point) const;
    QPointF fromScene(QPointF scenePoint) const;
    // The view's visible scene area, in widget coordinates.
    QRectF viewportRect() const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    CanvasScene *canvasScene() const;
    void follow(); // connects to the view's current scene
    QRectF sceneContent() const;

    CanvasView *m_view;
    QPointer<CanvasScene> m_scene;
};

} // namespace stepwise::ui
