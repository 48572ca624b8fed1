#pragma once
// The canvas: reflects a graph and its layout as items, creating, updating and destroying only
// what a GraphDiff names. Gestures become request signals; the scene never edits the document.
// View state that is not the document's (collapsed containers, the run overlay) lives here.
#include "core/common/Diagnostic.h"
#include "core/graph/Graph.h"
#include "core/graph/Layout.h"
#include "ui/canvas/CanvasStyle.h"
#include "ui/canvas/RunOverlay.h"

#include <QGraphicsScene>

#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

class QTimer;

namespace stepwise::ui {

class ContainerItem;
class DraftEdgeItem;
class StateNodeItem;
class TransitionEdgeItem;

// The palette's drag payload (UTF-8 JSON {"name": .., "state": {..}}).
inline constexpr char StateDragMimeType[] = "application/x-stepwise-state";

class CanvasScene : public QGraphicsScene
{
    Q_OBJECT
public:
    explicit CanvasScene(const CanvasStyle &style, QObject *parent = nullptr);
    ~CanvasScene() override;

    const CanvasStyle &style() const { return m_style; }
    // The items' bounds as of the last sync: cheap, unlike itemsBoundingRect() on every frame.
    const QRectF &contentRect() const { return m_contentRect; }
    // Light / dark switch: items keep pointing at the scene's style, so a repaint is enough.
    void setStyle(const CanvasStyle &style);
    void setGridVisible(bool visible);

    // Brings the items in line with `graph` laid out by `layout`.
    void sync(const graph::Graph &graph, const graph::Layout &layout);
    // Problem badges: each diagnostic counts on the state its pointer lies in.
    void setDiagnostics(const std::vector<Diagnostic> &diagnostics);

    // Collapsed Parallel / Map containers hide their insides and the canvas is laid out again
    // around the smaller box. View state only: the document and its sidecar are not touched.
    void setCollapsed(const std::string &containerId, bool collapsed);
    bool isCollapsed(const std::string &containerId) const;
    // The node ids currently hidden inside a collapsed container.
    bool isHidden(const std::string &id) const { return m_hidden.contains(id); }

    // The debugger's run overlay (VISUAL.md "Execution overlay").
    void setRunOverlay(const RunOverlay &overlay);
    void clearRunOverlay();
    const RunOverlay &runOverlay() const { return m_overlay; }

    const graph::Graph &graph() const { return m_graph; }
    QGraphicsItem *nodeItem(const std::string &id) const;
    TransitionEdgeItem *edgeItem(const std::string &id) const;
    std::size_t nodeItemCount() const { return m_nodes.size(); }
    std::size_t edgeItemCount() const { return m_edges.size(); }
    // Scene box of a node as drawn (a container: its whole region).
    QRectF sceneBox(const std::string &id) const;

    // Ids of the selected states, in graph order.
    std::vector<std::string> selectedIds() const;
    // Selects the state whose id is the longest prefix of `pointer`; false when none is.
    bool selectPointer(const std::string &pointer);
    std::string nodeIdForPointer(const std::string &pointer) const;
    // Keyboard navigation (arrow keys): selects the neighbour of the selected state; false when
    // there is none in that direction.
    bool navigate(Qt::Key direction);

signals:
    // A drag ended: new centres (a moved container brings everything inside it).
    void moveFinished(const std::map<std::string, graph::Point> &moves);
    void deleteRequested(const std::vector<std::string> &ids);
    void renameRequested(const std::string &id);
    // Drag from a node's output handle onto another node (or onto the End marker "#end").
    void connectRequested(const std::string &fromId, const std::string &toId);
    // A palette item dropped: on the edge `edgeId` (empty when none), else into branch `branch`
    // of container `containerId` ("" / -1 at the top level), at `scenePos`.
    void dropRequested(const QByteArray &stateJson, QPointF scenePos, const std::string &edgeId,
                       const std::string &containerId, int branch);
    // F9 or the node's context menu.
    void breakpointToggleRequested(const std::string &id);
    // A container was collapsed or expanded.
    void collapsedChanged(const std::string &containerId, bool collapsed);
    // Items were placed, shown, hidden or recoloured (the minimap repaints).
    void contentChanged();

protected:
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *event) override;
    void dragEnterEvent(QGraphicsSceneDragDropEvent *event) override;
    void dragMoveEvent(QGraphicsSceneDragDropEvent *event) override;
    void dragLeaveEvent(QGraphicsSceneDragDropEvent *event) override;
    void dropEvent(QGraphicsSceneDragDropEvent *event) override;

private:
    struct DropTarget
    {
        std::string edgeId;
        std::string containerId;
        int branch = -1;
    };

    void applyDiff(const graph::Graph &graph);
    void relayout();
    void place(const graph::Graph &shown, const graph::Layout &layout);
    void updateVisibility();
    void routeEdge(TransitionEdgeItem *item, const graph::Layout *layout);
    std::string idOf(const QGraphicsItem *item) const;
    void followDrag();
    std::map<std::string, graph::Point> draggedMoves() const;
    void applyOverlay();
    void pulse();

    // Connect gesture (CanvasSceneGestures.cpp).
    std::string handleAt(QPointF scenePos) const;
    std::string connectTargetAt(QPointF scenePos) const;
    void updateDraft(QPointF scenePos);
    void finishConnect(QPointF scenePos);
    bool toggleAt(QPointF scenePos);
    DropTarget dropTargetAt(QPointF scenePos) const;
    void showDropTarget(const DropTarget &target);
    // A hovered edge highlights its two ends (a connect gesture's target keeps its highlight).
    void highlightEdgeEnds(const graph::EdgeSpec &edge, bool on);

    CanvasStyle m_style;
    bool m_gridVisible = true;
    graph::Graph m_graph;
    graph::Layout m_layout;      // the document's, as last synced
    graph::Layout m_shownLayout; // what is on screen (differs while something is collapsed)
    QRectF m_contentRect;
    std::set<std::string> m_collapsed;
    std::set<std::string> m_hidden;                           // inside a collapsed container
    std::unordered_map<std::string, QGraphicsItem *> m_nodes; // non-owning; the scene owns
    std::unordered_map<std::string, TransitionEdgeItem *> m_edges;
    std::unordered_map<std::string, std::vector<std::string>> m_children; // container → ids
    std::map<std::string, QPointF> m_pressPositions;                      // during a drag
    std::map<std::string, std::string> m_cameFrom; // arrow-key history, so Up retraces Down
    RunOverlay m_overlay;
    QTimer *m_pulseTimer = nullptr;
    qreal m_pulsePhase = 0;
    // Connect gesture: the source node and the draft edge following the pointer.
    std::string m_connectFrom;
    DraftEdgeItem *m_draft = nullptr;
    std::string m_connectHover;
    DropTarget m_dropTarget;
};

} // namespace stepwise::ui
