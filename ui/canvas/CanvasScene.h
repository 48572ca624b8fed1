#pragma once
// The canvas: reflects a graph and its layout as items, creating, updating and destroying only
// what a GraphDiff names. Gestures become request signals; the scene never edits the document.
#include "core/common/Diagnostic.h"
#include "core/graph/Graph.h"
#include "core/graph/Layout.h"
#include "ui/canvas/CanvasStyle.h"

#include <QGraphicsScene>

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace stepwise::ui {

class ContainerItem;
class StateNodeItem;
class TransitionEdgeItem;

class CanvasScene : public QGraphicsScene
{
    Q_OBJECT
public:
    explicit CanvasScene(const CanvasStyle &style, QObject *parent = nullptr);
    ~CanvasScene() override;

    const CanvasStyle &style() const { return m_style; }
    void setGridVisible(bool visible);

    // Brings the items in line with `graph` laid out by `layout`.
    void sync(const graph::Graph &graph, const graph::Layout &layout);
    // Problem badges: each diagnostic counts on the state its pointer lies in.
    void setDiagnostics(const std::vector<Diagnostic> &diagnostics);

    const graph::Graph &graph() const { return m_graph; }
    QGraphicsItem *nodeItem(const std::string &id) const;
    TransitionEdgeItem *edgeItem(const std::string &id) const;
    std::size_t nodeItemCount() const { return m_nodes.size(); }
    std::size_t edgeItemCount() const { return m_edges.size(); }

    // Ids of the selected states, in graph order.
    std::vector<std::string> selectedIds() const;
    // Selects the state whose id is the longest prefix of `pointer`; false when none is.
    bool selectPointer(const std::string &pointer);
    std::string nodeIdForPointer(const std::string &pointer) const;

signals:
    // A drag ended: new centres (a moved container brings everything inside it).
    void moveFinished(const std::map<std::string, graph::Point> &moves);
    void deleteRequested(const std::vector<std::string> &ids);
    void renameRequested(const std::string &id);

protected:
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;

private:
    void applyDiff(const graph::Graph &graph);
    void place(const graph::Layout &layout);
    void routeEdge(TransitionEdgeItem *item, const graph::Layout *layout);
    QRectF sceneBox(const std::string &id) const;
    std::string idOf(const QGraphicsItem *item) const;
    void followDrag();
    std::map<std::string, graph::Point> draggedMoves() const;

    CanvasStyle m_style;
    bool m_gridVisible = true;
    graph::Graph m_graph;
    std::unordered_map<std::string, QGraphicsItem *> m_nodes; // non-owning; the scene owns
    std::unordered_map<std::string, TransitionEdgeItem *> m_edges;
    std::unordered_map<std::string, std::vector<std::string>> m_children; // container → ids
    std::map<std::string, QPointF> m_pressPositions;                      // during a drag
};

} // namespace stepwise::ui
