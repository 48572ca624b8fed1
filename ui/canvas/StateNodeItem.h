#pragma once
// One state on the canvas (VISUAL.md "State node"): a rounded box with the type accent bar and
// icon, the name and a muted second line; or a Start / End marker. Also paints what the scene
// tells it: problems, the run overlay, the output handle a connection is dragged from, and the
// highlight of a connect target. Reports nothing but Qt's own gestures (selection, movement).
#include "core/graph/Graph.h"
#include "ui/canvas/CanvasStyle.h"
#include "ui/canvas/RunOverlay.h"

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
    // `dimmed`: a run exists and this state has not run (drawn at 60%).
    void setRunState(const NodeRunState &state, bool dimmed);
    const NodeRunState &runState() const { return m_run; }
    // 0..1, the in-progress pulse.
    void setPulse(qreal phase);
    void setConnectTarget(bool highlighted);
    bool isConnectTarget() const { return m_connectTarget; }
    // Whether a connection can start here (states that lead on, and the Start marker).
    bool hasOutputHandle() const;
    // The output handle's centre, in item coordinates (below the box).
    QPointF handleCenter() const;

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    void paintMarker(QPainter *painter) const;
    void paintBody(QPainter *painter, const QRectF &box, bool detailed) const;
    void paintText(QPainter *painter, const QRectF &box) const;
    void paintBadges(QPainter *painter, const QRectF &box) const;
    void paintHandle(QPainter *painter) const;
    void updateToolTip();

    graph::NodeSpec m_spec;
    const CanvasStyle *m_style;
    int m_errors = 0;
    int m_warnings = 0;
    QString m_problemSummary;
    NodeRunState m_run;
    qreal m_pulse = 0;
    bool m_hovered = false;
    bool m_connectTarget = false;
};

} // namespace stepwise::ui
