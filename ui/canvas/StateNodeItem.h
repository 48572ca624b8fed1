#pragma once
// One state on the canvas (VISUAL.md "State node"): a rounded box with the type accent bar and
// icon, the name and a muted second line. Paints and reports nothing but Qt's own gestures
// (selection, movement); the scene turns those into requests.
#include "core/graph/Graph.h"
#include "ui/canvas/CanvasStyle.h"

#include <QGraphicsItem>

namespace stepwise::ui {

class StateNodeItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 1 };

    StateNodeItem(graph::NodeSpec spec, const CanvasStyle *style);

    int type() const override { return Type; }
    const graph::NodeSpec &spec() const { return m_spec; }
    void setSpec(graph::NodeSpec spec);
    void setProblems(int errors, int warnings, const QString &summary);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void paintMarker(QPainter *painter) const;
    void paintBadge(QPainter *painter, const QRectF &box) const;
    void updateToolTip();

    graph::NodeSpec m_spec;
    const CanvasStyle *m_style;
    int m_errors = 0;
    int m_warnings = 0;
    QString m_problemSummary;
};

} // namespace stepwise::ui
