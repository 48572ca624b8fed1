#pragma once
// A Parallel or Map state (VISUAL.md "Containers"): a dashed rounded region with a header (icon,
// name, and for Map the items source) and, for Parallel, its branches side by side. The item's
// position is its header's centre; its children are separate items the scene places.
#include "core/graph/Graph.h"
#include "core/graph/Layout.h"
#include "ui/canvas/CanvasStyle.h"

#include <QGraphicsItem>

namespace stepwise::ui {

class ContainerItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 2 };

    ContainerItem(graph::NodeSpec spec, const CanvasStyle *style);

    int type() const override { return Type; }
    const graph::NodeSpec &spec() const { return m_spec; }
    void setSpec(graph::NodeSpec spec);
    // Scene geometry: the whole region and the branch boxes, around the header at `header`.
    void setGeometry(const graph::ContainerGeometry &geometry, graph::Point header);
    void setProblems(int errors, const QString &summary);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    graph::NodeSpec m_spec;
    const CanvasStyle *m_style;
    QRectF m_bounds;                // local
    std::vector<QRectF> m_branches; // local
    int m_errors = 0;
};

} // namespace stepwise::ui
