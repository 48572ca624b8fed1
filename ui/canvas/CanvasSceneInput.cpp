// CanvasScene's input half: mouse gestures (move, connect from a handle, collapse toggles),
// keys (delete, rename, breakpoints, arrow-key navigation), the context menu and palette drops.
// Everything ends in a request signal; the scene never edits the document.
#include "ui/canvas/CanvasScene.h"

#include "core/graph/Navigation.h"
#include "ui/canvas/ContainerItem.h"
#include "ui/canvas/DraftEdgeItem.h"
#include "ui/canvas/StateNodeItem.h"
#include "ui/canvas/TransitionEdgeItem.h"

#include <QAction>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneDragDropEvent>
#include <QGraphicsSceneMouseEvent>
#include <QKeyEvent>
#include <QLineF>
#include <QMenu>
#include <QMimeData>

namespace stepwise::ui {
namespace {
constexpr qreal HandleGrab = 9; // how close to a handle's centre a press starts a connection
} // namespace

void CanvasScene::keyPressEvent(QKeyEvent *event)
{
    const std::vector<std::string> ids = selectedIds();
    const int key = event->key();
    if ((key == Qt::Key_Delete || key == Qt::Key_Backspace) && !ids.empty()) {
        emit deleteRequested(ids);
    } else if (key == Qt::Key_F2 && ids.size() == 1) {
        emit renameRequested(ids.front());
    } else if (key == Qt::Key_F9 && !ids.empty()) {
        for (const std::string &id : ids)
            emit breakpointToggleRequested(id);
    } else if ((key == Qt::Key_Up || key == Qt::Key_Down || key == Qt::Key_Left ||
                key == Qt::Key_Right) &&
               event->modifiers() == Qt::NoModifier && navigate(static_cast<Qt::Key>(key))) {
    } else {
        QGraphicsScene::keyPressEvent(event);
        return;
    }
    event->accept();
}

bool CanvasScene::navigate(Qt::Key direction)
{
    std::map<std::string, graph::Point> centres;
    for (const auto &[id, item] : m_nodes)
        if (item->isVisible())
            centres[id] = {item->pos().x(), item->pos().y()};
    const std::vector<std::string> ids = selectedIds();
    std::string from = ids.empty() ? std::string() : ids.front();
    std::string to;
    if (from.empty()) { // nothing selected yet: begin where the machine begins
        for (const graph::EdgeSpec &edge : m_graph.edges)
            if (edge.kind == graph::EdgeKind::Start)
                to = edge.to;
    } else {
        const graph::Direction way = direction == Qt::Key_Down   ? graph::Direction::Down
                                     : direction == Qt::Key_Up   ? graph::Direction::Up
                                     : direction == Qt::Key_Left ? graph::Direction::Left
                                                                 : graph::Direction::Right;
        const auto came = m_cameFrom.find(from);
        to = graph::neighbour(m_graph, centres, from, way,
                              came == m_cameFrom.end() ? std::string() : came->second);
        if (way == graph::Direction::Down && !to.empty())
            m_cameFrom[to] = from;
    }
    QGraphicsItem *item = nodeItem(to);
    if (!item)
        return false;
    clearSelection();
    item->setSelected(true);
    return true;
}

// The node whose output handle lies under `scenePos`, if any.
std::string CanvasScene::handleAt(QPointF scenePos) const
{
    const QRectF near(scenePos - QPointF(HandleGrab, HandleGrab), QSizeF(2, 2) * HandleGrab);
    for (QGraphicsItem *item : items(near, Qt::IntersectsItemShape, Qt::DescendingOrder)) {
        QPointF centre;
        if (const auto *node = qgraphicsitem_cast<StateNodeItem *>(item)) {
            if (!node->hasOutputHandle())
                continue;
            centre = node->mapToScene(node->handleCenter());
        } else if (const auto *container = qgraphicsitem_cast<ContainerItem *>(item)) {
            centre = container->mapToScene(container->handleCenter());
        } else {
            continue;
        }
        if (QLineF(centre, scenePos).length() <= HandleGrab)
            return idOf(item);
    }
    return {};
}

// A node a connection can end on: a state, a container's header or the End marker.
std::string CanvasScene::connectTargetAt(QPointF scenePos) const
{
    for (QGraphicsItem *item : items(scenePos, Qt::IntersectsItemShape, Qt::DescendingOrder)) {
        if (const auto *node = qgraphicsitem_cast<StateNodeItem *>(item)) {
            if (node->spec().kind != graph::NodeKind::Start)
                return node->spec().id;
        } else if (const auto *container = qgraphicsitem_cast<ContainerItem *>(item)) {
            return container->spec().id;
        }
    }
    return {};
}

void CanvasScene::updateDraft(QPointF scenePos)
{
    const std::string target = connectTargetAt(scenePos);
    const std::string shown = target == m_connectFrom ? std::string() : target;
    if (shown != m_connectHover) {
        for (const std::string &id : {m_connectHover, shown}) {
            QGraphicsItem *item = nodeItem(id);
            const bool on = id == shown;
            if (auto *node = qgraphicsitem_cast<StateNodeItem *>(item))
                node->setConnectTarget(on);
            else if (auto *container = qgraphicsitem_cast<ContainerItem *>(item))
                container->setConnectTarget(on);
        }
        m_connectHover = shown;
    }
    QPointF from;
    if (const auto *node = qgraphicsitem_cast<StateNodeItem *>(nodeItem(m_connectFrom)))
        from = node->mapToScene(node->handleCenter());
    else if (const auto *container = qgraphicsitem_cast<ContainerItem *>(nodeItem(m_connectFrom)))
        from = container->mapToScene(container->handleCenter());
    m_draft->setEnds(from, scenePos);
}

void CanvasScene::highlightEdgeEnds(const graph::EdgeSpec &edge, bool on)
{
    for (const std::string &id : {edge.from, edge.to}) {
        if (!on && id == m_connectHover)
            continue;
        QGraphicsItem *item = nodeItem(id);
        if (auto *node = qgraphicsitem_cast<StateNodeItem *>(item))
            node->setConnectTarget(on);
        else if (auto *container = qgraphicsitem_cast<ContainerItem *>(item))
            container->setConnectTarget(on);
    }
}

void CanvasScene::finishConnect(QPointF scenePos)
{
    const std::string from = std::exchange(m_connectFrom, {});
    const std::string target = connectTargetAt(scenePos);
    delete std::exchange(m_draft, nullptr);
    if (QGraphicsItem *item = nodeItem(std::exchange(m_connectHover, {}))) {
        if (auto *node = qgraphicsitem_cast<StateNodeItem *>(item))
            node->setConnectTarget(false);
        else if (auto *container = qgraphicsitem_cast<ContainerItem *>(item))
            container->setConnectTarget(false);
    }
    if (!target.empty() && target != from)
        emit connectRequested(from, target);
}

bool CanvasScene::toggleAt(QPointF scenePos)
{
    for (QGraphicsItem *item : items(scenePos, Qt::IntersectsItemBoundingRect)) {
        const auto *container = qgraphicsitem_cast<ContainerItem *>(item);
        if (container && container->isVisible() &&
            container->toggleRect().contains(container->mapFromScene(scenePos))) {
            setCollapsed(container->spec().id, !container->isCollapsed());
            return true;
        }
    }
    return false;
}

void CanvasScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    m_pressPositions.clear();
    if (event->button() == Qt::LeftButton && toggleAt(event->scenePos())) {
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton) {
        m_connectFrom = handleAt(event->scenePos());
        if (!m_connectFrom.empty()) {
            m_draft = new DraftEdgeItem(&m_style);
            addItem(m_draft);
            updateDraft(event->scenePos());
            event->accept();
            return;
        }
    }
    QGraphicsScene::mousePressEvent(event);
    if (event->button() != Qt::LeftButton)
        return;
    for (const auto &[id, item] : m_nodes)
        m_pressPositions.emplace(id, item->pos());
}

void CanvasScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_draft) {
        updateDraft(event->scenePos());
        event->accept();
        return;
    }
    QGraphicsScene::mouseMoveEvent(event);
    if (!m_pressPositions.empty() && (event->buttons() & Qt::LeftButton))
        followDrag();
}

// While a drag is under way: what is inside a dragged container comes along, and the edges
// of whatever moved follow as simple curves.
void CanvasScene::followDrag()
{
    const std::map<std::string, graph::Point> moves = draggedMoves();
    for (const auto &[id, to] : moves) {
        QGraphicsItem *item = m_nodes.at(id);
        if (item->pos() != QPointF(to.x, to.y))
            item->setPos(to.x, to.y);
    }
    if (moves.empty())
        return;
    for (const auto &[id, item] : m_edges)
        if (moves.contains(item->spec().from) || moves.contains(item->spec().to))
            routeEdge(item, nullptr);
}

std::map<std::string, graph::Point> CanvasScene::draggedMoves() const
{
    std::map<std::string, graph::Point> moves;
    for (const auto &[id, from] : m_pressPositions) {
        auto item = m_nodes.find(id);
        if (item == m_nodes.end() || item->second->pos() == from)
            continue;
        const QPointF delta = item->second->pos() - from;
        moves[id] = {item->second->pos().x(), item->second->pos().y()};
        auto children = m_children.find(id);
        if (children == m_children.end())
            continue;
        for (const std::string &child : children->second) {
            auto press = m_pressPositions.find(child);
            if (press != m_pressPositions.end() && !m_nodes.at(child)->isSelected())
                moves[child] = {press->second.x() + delta.x(), press->second.y() + delta.y()};
        }
    }
    return moves;
}

void CanvasScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_draft && event->button() == Qt::LeftButton) {
        finishConnect(event->scenePos());
        event->accept();
        return;
    }
    QGraphicsScene::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton || m_pressPositions.empty())
        return;
    const std::map<std::string, graph::Point> moves = draggedMoves();
    m_pressPositions.clear();
    if (!moves.empty())
        emit moveFinished(moves);
}

void CanvasScene::contextMenuEvent(QGraphicsSceneContextMenuEvent *event)
{
    std::string id;
    for (QGraphicsItem *item :
         items(event->scenePos(), Qt::IntersectsItemShape, Qt::DescendingOrder))
        if (id = idOf(item); !id.empty())
            break;
    const graph::NodeSpec *node = m_graph.node(id);
    if (!node || node->kind != graph::NodeKind::State) {
        QGraphicsScene::contextMenuEvent(event);
        return;
    }
    if (!nodeItem(id)->isSelected()) {
        clearSelection();
        nodeItem(id)->setSelected(true);
    }
    QMenu menu;
    auto add = [&menu, this](const QString &text, const QKeySequence &keys, auto slot) {
        QAction *action = menu.addAction(text);
        action->setShortcut(keys);
        connect(action, &QAction::triggered, this, slot);
    };
    const bool breakpoint = m_overlay.nodes.contains(id) && m_overlay.nodes.at(id).breakpoint;
    add(breakpoint ? tr("Remove Breakpoint") : tr("Add Breakpoint"), QKeySequence(Qt::Key_F9),
        [this, id] { emit breakpointToggleRequested(id); });
    add(tr("Rename…"), QKeySequence(Qt::Key_F2), [this, id] { emit renameRequested(id); });
    if (node->isContainer) {
        const bool collapsed = isCollapsed(id);
        add(collapsed ? tr("Expand") : tr("Collapse"), QKeySequence(),
            [this, id, collapsed] { setCollapsed(id, !collapsed); });
    }
    menu.addSeparator();
    add(tr("Delete"), QKeySequence(QKeySequence::Delete),
        [this] { emit deleteRequested(selectedIds()); });
    menu.exec(event->screenPos());
    event->accept();
}

// Where a palette item would go: a state or marker under the pointer blocks edges (it is not a
// drop on a transition); otherwise an edge under the pointer; otherwise the innermost branch.
CanvasScene::DropTarget CanvasScene::dropTargetAt(QPointF scenePos) const
{
    DropTarget target;
    const QRectF near(scenePos - QPointF(5, 5), QSizeF(10, 10));
    bool overNode = false;
    for (QGraphicsItem *item : items(near, Qt::IntersectsItemShape, Qt::DescendingOrder)) {
        if (!item->isVisible())
            continue;
        if (item->type() == StateNodeItem::Type)
            overNode = overNode || item->contains(item->mapFromScene(scenePos));
        else if (const auto *edge = qgraphicsitem_cast<TransitionEdgeItem *>(item);
                 edge && target.edgeId.empty() && !overNode)
            target.edgeId = edge->spec().id;
    }
    if (overNode)
        target.edgeId.clear();
    qreal depth = -1e9;
    for (const auto &[id, item] : m_nodes) {
        const auto *container = qgraphicsitem_cast<const ContainerItem *>(item);
        if (!container || !container->isVisible() || container->zValue() <= depth ||
            !container->sceneBoundingRect().contains(scenePos))
            continue;
        const int branch = container->branchAt(container->mapFromScene(scenePos));
        if (branch < 0)
            continue;
        depth = container->zValue();
        target.containerId = id;
        target.branch = branch;
    }
    return target;
}

void CanvasScene::showDropTarget(const DropTarget &target)
{
    if (auto *edge = edgeItem(m_dropTarget.edgeId))
        edge->setDropTarget(false);
    if (auto *container = qgraphicsitem_cast<ContainerItem *>(nodeItem(m_dropTarget.containerId)))
        container->setDropBranch(-1);
    m_dropTarget = target;
    if (auto *edge = edgeItem(target.edgeId)) {
        edge->setDropTarget(true);
        return; // the edge decides the place; no branch highlight as well
    }
    if (auto *container = qgraphicsitem_cast<ContainerItem *>(nodeItem(target.containerId)))
        container->setDropBranch(target.branch);
}

void CanvasScene::dragEnterEvent(QGraphicsSceneDragDropEvent *event)
{
    if (!event->mimeData()->hasFormat(QString::fromLatin1(StateDragMimeType))) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    showDropTarget(dropTargetAt(event->scenePos()));
}

void CanvasScene::dragMoveEvent(QGraphicsSceneDragDropEvent *event)
{
    if (!event->mimeData()->hasFormat(QString::fromLatin1(StateDragMimeType))) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    showDropTarget(dropTargetAt(event->scenePos()));
}

void CanvasScene::dragLeaveEvent(QGraphicsSceneDragDropEvent *event)
{
    showDropTarget({});
    event->accept();
}

void CanvasScene::dropEvent(QGraphicsSceneDragDropEvent *event)
{
    const QByteArray payload = event->mimeData()->data(QString::fromLatin1(StateDragMimeType));
    if (payload.isEmpty()) {
        event->ignore();
        return;
    }
    const DropTarget target = dropTargetAt(event->scenePos());
    showDropTarget({});
    event->acceptProposedAction();
    emit dropRequested(payload, event->scenePos(), target.edgeId,
                       target.edgeId.empty() ? target.containerId : std::string(),
                       target.edgeId.empty() ? target.branch : -1);
}

} // namespace stepwise::ui
