#include "ui/canvas/CanvasScene.h"

#include "core/graph/GraphDiff.h"
#include "ui/canvas/ContainerItem.h"
#include "ui/canvas/EdgeRouting.h"
#include "ui/canvas/StateNodeItem.h"
#include "ui/canvas/TransitionEdgeItem.h"

#include <QGraphicsSceneMouseEvent>
#include <QKeyEvent>
#include <QPainter>

namespace stepwise::ui {

CanvasScene::CanvasScene(const CanvasStyle &style, QObject *parent)
    : QGraphicsScene(parent), m_style(style)
{
    setItemIndexMethod(QGraphicsScene::NoIndex);
}

CanvasScene::~CanvasScene() = default;

void CanvasScene::setGridVisible(bool visible)
{
    m_gridVisible = visible;
    update();
}

void CanvasScene::sync(const graph::Graph &graph, const graph::Layout &layout)
{
    applyDiff(graph);
    place(layout);
    const QRectF bounds = itemsBoundingRect();
    setSceneRect(bounds.adjusted(-400, -400, 400, 400));
}

void CanvasScene::applyDiff(const graph::Graph &graph)
{
    const graph::GraphDiff changes = graph::diff(m_graph, graph);
    for (const std::string &id : changes.removedEdges) {
        delete m_edges.at(id);
        m_edges.erase(id);
    }
    for (const std::string &id : changes.removedNodes) {
        delete m_nodes.at(id);
        m_nodes.erase(id);
    }
    std::unordered_map<std::string_view, const graph::NodeSpec *> nodes;
    for (const graph::NodeSpec &node : graph.nodes)
        nodes.emplace(node.id, &node);
    for (const std::string &id : changes.changedNodes) {
        const graph::NodeSpec &spec = *nodes.at(id);
        QGraphicsItem *item = m_nodes.at(id);
        const bool wasContainer = item->type() == ContainerItem::Type;
        if (wasContainer == spec.isContainer) {
            if (auto *container = qgraphicsitem_cast<ContainerItem *>(item))
                container->setSpec(spec);
            else if (auto *state = qgraphicsitem_cast<StateNodeItem *>(item))
                state->setSpec(spec);
            continue;
        }
        delete item; // a Pass became a Parallel, say: a different kind of item
        m_nodes.erase(id);
    }
    for (const graph::NodeSpec &spec : graph.nodes) {
        if (m_nodes.contains(spec.id))
            continue;
        QGraphicsItem *item = spec.isContainer
                                  ? static_cast<QGraphicsItem *>(new ContainerItem(spec, &m_style))
                                  : new StateNodeItem(spec, &m_style);
        addItem(item);
        m_nodes.emplace(spec.id, item);
    }
    for (const graph::EdgeSpec &spec : graph.edges) {
        auto it = m_edges.find(spec.id);
        if (it != m_edges.end()) {
            it->second->setSpec(spec);
            continue;
        }
        auto *item = new TransitionEdgeItem(spec, &m_style);
        addItem(item);
        m_edges.emplace(spec.id, item);
    }
    m_children.clear();
    for (const graph::NodeSpec &spec : graph.nodes) {
        int depth = 0;
        for (std::string at = spec.parent; !at.empty(); at = nodes.at(at)->parent, ++depth)
            m_children[at].push_back(spec.id);
        if (spec.isContainer) // nested containers above their parents, all below the edges
            m_nodes.at(spec.id)->setZValue(-20 + depth);
    }
    m_graph = graph;
}

void CanvasScene::place(const graph::Layout &layout)
{
    const auto containers = graph::containerGeometry(m_graph, layout);
    for (const graph::NodeSpec &spec : m_graph.nodes) {
        auto position = layout.positions.find(spec.id);
        const graph::Point at =
            position == layout.positions.end() ? graph::Point{} : position->second;
        QGraphicsItem *item = m_nodes.at(spec.id);
        if (auto *container = qgraphicsitem_cast<ContainerItem *>(item))
            container->setGeometry(containers.at(spec.id), at);
        else
            item->setPos(at.x, at.y);
    }
    for (const auto &[id, item] : m_edges)
        routeEdge(item, &layout);
}

void CanvasScene::routeEdge(TransitionEdgeItem *item, const graph::Layout *layout)
{
    const graph::EdgeSpec &spec = item->spec();
    const auto route = layout ? layout->routes.find(spec.id)
                              : std::map<std::string, graph::Route>::const_iterator();
    const EdgePath path = layout && route != layout->routes.end()
                              ? routedPath(route->second)
                              : fallbackPath(sceneBox(spec.from), sceneBox(spec.to));
    item->setRoute(path.path, path.tip, path.labelCenter);
}

QRectF CanvasScene::sceneBox(const std::string &id) const
{
    auto it = m_nodes.find(id);
    if (it == m_nodes.end())
        return {};
    const QGraphicsItem *item = it->second;
    if (item->type() == ContainerItem::Type)
        return item->mapRectToScene(item->boundingRect().adjusted(3, 3, -3, -3));
    const graph::NodeSpec &spec = static_cast<const StateNodeItem *>(item)->spec();
    const graph::Rect box = graph::nodeRect(spec, {item->pos().x(), item->pos().y()});
    return {box.x, box.y, box.width, box.height};
}

std::string CanvasScene::idOf(const QGraphicsItem *item) const
{
    if (const auto *state = qgraphicsitem_cast<const StateNodeItem *>(item))
        return state->spec().id;
    if (const auto *container = qgraphicsitem_cast<const ContainerItem *>(item))
        return container->spec().id;
    return {};
}

QGraphicsItem *CanvasScene::nodeItem(const std::string &id) const
{
    auto it = m_nodes.find(id);
    return it == m_nodes.end() ? nullptr : it->second;
}

TransitionEdgeItem *CanvasScene::edgeItem(const std::string &id) const
{
    auto it = m_edges.find(id);
    return it == m_edges.end() ? nullptr : it->second;
}

std::vector<std::string> CanvasScene::selectedIds() const
{
    std::vector<std::string> ids;
    for (const graph::NodeSpec &spec : m_graph.nodes)
        if (spec.kind == graph::NodeKind::State && m_nodes.at(spec.id)->isSelected())
            ids.push_back(spec.id);
    return ids;
}

std::string CanvasScene::nodeIdForPointer(const std::string &pointer) const
{
    std::string best;
    for (const graph::NodeSpec &spec : m_graph.nodes) {
        const bool prefix =
            pointer == spec.id || (pointer.starts_with(spec.id) && pointer[spec.id.size()] == '/');
        if (spec.kind == graph::NodeKind::State && prefix && spec.id.size() > best.size())
            best = spec.id;
    }
    return best;
}

bool CanvasScene::selectPointer(const std::string &pointer)
{
    const std::string id = nodeIdForPointer(pointer);
    if (id.empty())
        return false;
    clearSelection();
    m_nodes.at(id)->setSelected(true);
    return true;
}

void CanvasScene::setDiagnostics(const std::vector<Diagnostic> &diagnostics)
{
    std::unordered_map<std::string, std::pair<int, QStringList>> found; // errors, lines
    std::unordered_map<std::string, int> warnings;
    for (const Diagnostic &d : diagnostics) {
        const std::string id = nodeIdForPointer(d.path);
        if (id.empty())
            continue;
        auto &entry = found[id];
        (d.severity == Severity::Error ? entry.first : warnings[id]) += 1;
        entry.second << QString::fromStdString(d.message);
    }
    for (const auto &[id, item] : m_nodes) {
        auto it = found.find(id);
        const int errors = it == found.end() ? 0 : it->second.first;
        const QString summary = it == found.end() ? QString() : it->second.second.join('\n');
        if (auto *state = qgraphicsitem_cast<StateNodeItem *>(item))
            state->setProblems(errors, warnings[id], summary);
        else if (auto *container = qgraphicsitem_cast<ContainerItem *>(item))
            container->setProblems(errors, summary);
    }
}

void CanvasScene::drawBackground(QPainter *painter, const QRectF &rect)
{
    painter->fillRect(rect, m_style.background);
    const qreal scale = painter->worldTransform().m11();
    if (!m_gridVisible || scale < 0.5)
        return;
    constexpr qreal Step = 20;
    QColor dot = m_style.grid;
    dot.setAlphaF(static_cast<float>(std::min<qreal>(1.0, (scale - 0.5) * 2)));
    painter->setPen(QPen(dot, 1.5 / scale));
    QList<QPointF> points;
    for (qreal x = std::floor(rect.left() / Step) * Step; x < rect.right(); x += Step)
        for (qreal y = std::floor(rect.top() / Step) * Step; y < rect.bottom(); y += Step)
            points.append(QPointF(x, y));
    painter->drawPoints(points.constData(), static_cast<int>(points.size()));
}

void CanvasScene::keyPressEvent(QKeyEvent *event)
{
    const std::vector<std::string> ids = selectedIds();
    if ((event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) && !ids.empty()) {
        emit deleteRequested(ids);
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_F2 && ids.size() == 1) {
        emit renameRequested(ids.front());
        event->accept();
        return;
    }
    QGraphicsScene::keyPressEvent(event);
}

void CanvasScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    QGraphicsScene::mousePressEvent(event);
    m_pressPositions.clear();
    if (event->button() != Qt::LeftButton)
        return;
    for (const auto &[id, item] : m_nodes)
        m_pressPositions.emplace(id, item->pos());
}

void CanvasScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
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
    QGraphicsScene::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton || m_pressPositions.empty())
        return;
    const std::map<std::string, graph::Point> moves = draggedMoves();
    m_pressPositions.clear();
    if (!moves.empty())
        emit moveFinished(moves);
}

} // namespace stepwise::ui
