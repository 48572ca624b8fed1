#pragma once
// A Parallel or Map state (VISUAL.md "Containers"): a dashed rounded region with a header (icon,
// name, for Map the items source, and a chevron that collapses it) and, for Parallel, its
// branches side by side. The item's position is its header's centre; its children are separate
// items the scene places. Paints the run overlay, a drop-target branch and its output handle.
#include "core/graph/Graph.h"
#include "core/graph/Layout.h"
#include "ui/canvas/CanvasStyle.h"
#include "ui/canvas/RunOverlay.h"

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
    // Collapsed: only the header and a "n states" line are drawn.
    void setCollapsed(bool collapsed, int hiddenStates);
    bool isCollapsed() const { return m_collapsed; }
    void setRunState(const NodeRunState &state, bool dimmed);
    void setConnectTarget(bool highlighted);
    bool isConnectTarget() const { return m_connectTarget; }
    // -1: none; otherwise the branch a drop would go into.
    void setDropBranch(int branch);

    // Item coordinates of the chevron that collapses and expands.
    QRectF toggleRect() const;
    // The branch whose box holds `itemPos` (-1 in the header or outside; 0 inside a Map).
    int branchAt(QPointF itemPos) const;
    QPointF handleCenter() const { return {m_bounds.center().x(), m_bounds.bottom()}; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    void paintHeader(QPainter *painter) const;
    void paintChevron(QPainter *painter) const;
    void updateToolTip();

    graph::NodeSpec m_spec;
    const CanvasStyle *m_style;
    QRectF m_bounds;                // local
    std::vector<QRectF> m_branches; // local
    int m_errors = 0;
    QString m_problemSummary;
    bool m_collapsed = false;
    int m_hiddenStates = 0;
    NodeRunState m_run;
    bool m_connectTarget = false;
    bool m_hovered = false;
    int m_dropBranch = -1;
};

} // namespace stepwise::ui
