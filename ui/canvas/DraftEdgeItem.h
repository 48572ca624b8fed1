#pragma once
// The edge that follows the pointer while a connection is dragged from a node's handle.
#include "ui/canvas/CanvasStyle.h"

#include <QGraphicsItem>
#include <QPainterPath>

namespace stepwise::ui {

class DraftEdgeItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 4 };

    explicit DraftEdgeItem(const CanvasStyle *style);

    int type() const override { return Type; }
    // From the handle at `from` to the pointer (or the target's top) at `to`.
    void setEnds(QPointF from, QPointF to);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    const CanvasStyle *m_style;
    QPointF m_from;
    QPointF m_to;
    QPainterPath m_path;
};

} // namespace stepwise::ui
