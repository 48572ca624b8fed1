#pragma once
// One transition (VISUAL.md "Edges"): a 1.5 px muted path with a small filled arrow head, its
// label on a pill in the canvas colour, dashed for Catch. The scene gives it its path and
// tells it when it was taken by a run or is a drop target.
#include "core/graph/Graph.h"
#include "ui/canvas/CanvasStyle.h"

#include <QGraphicsItem>
#include <QPainterPath>

#include <functional>
#include <optional>

namespace stepwise::ui {

class TransitionEdgeItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 3 };

    TransitionEdgeItem(graph::EdgeSpec spec, const CanvasStyle *style);

    int type() const override { return Type; }
    const graph::EdgeSpec &spec() const { return m_spec; }
    void setSpec(graph::EdgeSpec spec);
    // `path` ends where the arrow head starts; the head points from there to `tip`.
    void setRoute(const QPainterPath &path, QPointF tip, std::optional<QPointF> labelCenter);
    QPainterPath path() const { return m_path; }
    // Run overlay: an edge the execution took, drawn in its source's status colour at 2.5 px.
    void setTaken(std::optional<QColor> colour);
    bool isTaken() const { return m_taken.has_value(); }
    // A palette item hovering over this edge would be inserted into it.
    void setDropTarget(bool highlighted);
    // Told when the pointer enters (true) or leaves (false) the edge, so the scene can
    // highlight its two ends (VISUAL.md, Edges).
    void setHoverHandler(std::function<void(const graph::EdgeSpec &, bool)> handler);
    bool isHovered() const { return m_hovered; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    QRectF labelRect() const;

    graph::EdgeSpec m_spec;
    const CanvasStyle *m_style;
    QPainterPath m_path;
    QPointF m_tip;
    QPointF m_labelCenter;
    bool m_hovered = false;
    bool m_dropTarget = false;
    std::optional<QColor> m_taken;
    std::function<void(const graph::EdgeSpec &, bool)> m_hoverHandler;
};

} // namespace stepwise::ui
