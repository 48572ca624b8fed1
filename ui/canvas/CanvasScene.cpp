#include "ui/canvas/CanvasScene.h"

#include "core/graph/AutoLayout.h"
#include "core/graph/GraphDiff.h"
#include "ui/canvas/ContainerItem.h"
#include "ui/canvas/EdgeRouting.h"
#include "ui/canvas/StateNodeItem.h"
#include "ui/canvas/TransitionEdgeItem.h"

#include <QPainter>
#include <QTimer>

#include <cmath>

namespace stepwise::ui {
namespace {
constexpr qreal SceneMargin = 600; // room to pan past the diagram's edges
constexpr int PulseIntervalMs = 50;
} // namespace

CanvasScene::CanvasScene(const CanvasStyle &style, QObject *parent)
    : QGraphicsScene(parent), m_style(style), m_pulseTimer(new QTimer(this))
{
    setItemIndexMethod(QGraphicsScene::NoIndex);
    m_pulseTimer->setInterval(PulseIntervalMs);
    connect(m_pulseTimer, &QTimer::timeout, this, &CanvasScene::pulse);
}

CanvasScene::~CanvasScene() = default;

void CanvasScene::setStyle(const CanvasStyle &style)
{
    m_style = style; // items hold &m_style
    update();
    emit contentChanged();
}

void CanvasScene::setGridVisible(bool visible)
{
    m_gridVisible = visible;
    update();
}

void CanvasScene::sync(const graph::Graph &graph, const graph::Layout &layout)
{
    applyDiff(graph);
    m_layout = layout;
    std::erase_if(m_collapsed, [this](const std::string &id) {
        const graph::NodeSpec *node = m_graph.node(id);
        return !node || !node->isContainer;
    });
    relayout();
    applyOverlay();
}

void CanvasScene::applyDiff(const graph::Graph &graph)
{
    const graph::GraphDiff changes = graph::diff(m_graph, graph);
    // A rename removes a node under its old id and adds it under the new one at the same place
    // in the graph's order: a selected node stays selected under its new id.
    std::vector<std::string> reselect;
    if (graph.nodes.size() == m_graph.nodes.size())
        for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
            auto before = m_nodes.find(m_graph.nodes[i].id);
            if (graph.nodes[i].id != m_graph.nodes[i].id && before != m_nodes.end() &&
                before->second->isSelected())
                reselect.push_back(graph.nodes[i].id);
        }
    for (const std::string &id : changes.removedEdges) {
        delete m_edges.at(id);
        m_edges.erase(id);
    }
    for (const std::string &id : changes.removedNodes) {
        // Out of the map first: the selection change its deletion announces must not name it.
        QGraphicsItem *item = m_nodes.at(id);
        m_nodes.erase(id);
        delete item;
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
        item->setHoverHandler([this](const graph::EdgeSpec &edge, bool on) {
            highlightEdgeEnds(edge, on);
        });
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
    for (const std::string &id : reselect)
        if (auto it = m_nodes.find(id); it != m_nodes.end())
            it->second->setSelected(true);
}

// What is on screen: the document's layout, or — while containers are collapsed — a layout of
// the graph without their insides, keeping the user's pinned positions.
void CanvasScene::relayout()
{
    m_hidden.clear();
    for (const std::string &id : m_collapsed)
        if (auto children = m_children.find(id); children != m_children.end())
            m_hidden.insert(children->second.begin(), children->second.end());
    if (m_collapsed.empty()) {
        m_shownLayout = m_layout;
        place(m_graph, m_shownLayout);
    } else {
        graph::Graph shown;
        for (const graph::NodeSpec &node : m_graph.nodes) {
            if (m_hidden.contains(node.id))
                continue;
            shown.nodes.push_back(node);
            if (m_collapsed.contains(node.id))
                shown.nodes.back().branchCount = 0;
        }
        for (const graph::EdgeSpec &edge : m_graph.edges)
            if (!m_hidden.contains(edge.from) && !m_hidden.contains(edge.to))
                shown.edges.push_back(edge);
        m_shownLayout = graph::autoLayout(shown, m_layout);
        place(shown, m_shownLayout);
    }
    updateVisibility();
    m_contentRect = itemsBoundingRect();
    setSceneRect(m_contentRect.adjusted(-SceneMargin, -SceneMargin, SceneMargin, SceneMargin));
    emit contentChanged();
}

void CanvasScene::place(const graph::Graph &shown, const graph::Layout &layout)
{
    const auto containers = graph::containerGeometry(shown, layout);
    for (const graph::NodeSpec &spec : shown.nodes) {
        auto position = layout.positions.find(spec.id);
        const graph::Point at =
            position == layout.positions.end() ? graph::Point{} : position->second;
        QGraphicsItem *item = m_nodes.at(spec.id);
        if (auto *container = qgraphicsitem_cast<ContainerItem *>(item)) {
            container->setGeometry(containers.at(spec.id), at);
            const auto children = m_children.find(spec.id);
            int states = 0;
            if (children != m_children.end())
                states = static_cast<int>(children->second.size());
            container->setCollapsed(m_collapsed.contains(spec.id), states);
        } else {
            item->setPos(at.x, at.y);
        }
    }
    for (const auto &[id, item] : m_edges)
        if (!m_hidden.contains(item->spec().from) && !m_hidden.contains(item->spec().to))
            routeEdge(item, &layout);
}

void CanvasScene::updateVisibility()
{
    for (const auto &[id, item] : m_nodes) {
        const bool shown = !m_hidden.contains(id);
        if (!shown && item->isSelected())
            item->setSelected(false);
        item->setVisible(shown);
    }
    for (const auto &[id, item] : m_edges)
        item->setVisible(!m_hidden.contains(item->spec().from) &&
                         !m_hidden.contains(item->spec().to));
}

void CanvasScene::setCollapsed(const std::string &containerId, bool collapsed)
{
    const graph::NodeSpec *node = m_graph.node(containerId);
    if (!node || !node->isContainer || isCollapsed(containerId) == collapsed)
        return;
    if (collapsed)
        m_collapsed.insert(containerId);
    else
        m_collapsed.erase(containerId);
    relayout();
    emit collapsedChanged(containerId, collapsed);
}

bool CanvasScene::isCollapsed(const std::string &containerId) const
{
    return m_collapsed.contains(containerId);
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
    if (const auto *container = qgraphicsitem_cast<const ContainerItem *>(item))
        return item->mapRectToScene(container->boundingRect().adjusted(8, 8, -8, -9));
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
    for (const graph::NodeSpec &spec : m_graph.nodes) {
        auto node = m_nodes.find(spec.id); // absent while applyDiff deletes it
        if (spec.kind == graph::NodeKind::State && node != m_nodes.end() && node->second->isSelected())
            ids.push_back(spec.id);
    }
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
    for (const graph::NodeSpec *node = m_graph.node(id); node && !node->parent.empty();
         node = m_graph.node(node->parent))
        setCollapsed(node->parent, false); // a problem inside a collapsed container: open it
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

void CanvasScene::setRunOverlay(const RunOverlay &overlay)
{
    m_overlay = overlay;
    applyOverlay();
}

void CanvasScene::clearRunOverlay()
{
    setRunOverlay({});
}

// Not-run states dim only once something has run: breakpoints alone leave the canvas as is.
void CanvasScene::applyOverlay()
{
    bool anyRun = false;
    bool anyInProgress = false;
    for (const auto &[id, state] : m_overlay.nodes) {
        anyRun = anyRun || state.status != RunStatus::NotRun;
        anyInProgress = anyInProgress || state.status == RunStatus::InProgress;
    }
    for (const auto &[id, item] : m_nodes) {
        const auto found = m_overlay.nodes.find(id);
        const NodeRunState state = found == m_overlay.nodes.end() ? NodeRunState{} : found->second;
        const bool dimmed = anyRun && state.status == RunStatus::NotRun;
        if (auto *node = qgraphicsitem_cast<StateNodeItem *>(item))
            node->setRunState(state, dimmed && node->spec().kind == graph::NodeKind::State);
        else if (auto *container = qgraphicsitem_cast<ContainerItem *>(item))
            container->setRunState(state, dimmed);
    }
    for (const auto &[id, item] : m_edges) {
        if (!m_overlay.takenEdges.contains(id)) {
            item->setTaken(std::nullopt);
            continue;
        }
        const auto source = m_overlay.nodes.find(item->spec().from);
        const RunStatus status =
            source == m_overlay.nodes.end() || source->second.status == RunStatus::NotRun
                ? RunStatus::Succeeded // the Start marker
                : source->second.status;
        item->setTaken(CanvasStyle::runBorder(status));
    }
    emit contentChanged();
    if (anyInProgress && !m_pulseTimer->isActive())
        m_pulseTimer->start();
    else if (!anyInProgress)
        m_pulseTimer->stop();
}

void CanvasScene::pulse()
{
    m_pulsePhase = std::fmod(m_pulsePhase + PulseIntervalMs / 1600.0, 1.0);
    for (const auto &[id, state] : m_overlay.nodes)
        if (state.status == RunStatus::InProgress)
            if (auto *node = qgraphicsitem_cast<StateNodeItem *>(nodeItem(id)))
                node->setPulse(m_pulsePhase);
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

} // namespace stepwise::ui
