// History → canvas overlay (ASL spec §9.2/§9.3 event semantics; VISUAL.md execution overlay).
#include "ui/debug/OverlayBuilder.h"

#include <algorithm>

namespace stepwise::ui {
namespace {

std::string visitKey(const engine::HistoryEvent &event)
{
    return event.scope + '\n' + event.stateName;
}

bool isAttemptStart(const std::string &type)
{
    return type.ends_with("Scheduled") || type == "ParallelStateStarted"
        || type == "MapStateStarted";
}

} // namespace

bool isStateErrorEvent(const std::string &type)
{
    if (type.starts_with("Execution") || type.starts_with("MapIteration")
        || type.starts_with("MapRun"))
        return false;
    return type.ends_with("Failed") || type.ends_with("TimedOut");
}

OverlayBuilder::OverlayBuilder(const NodeLocator *locator) : m_locator(locator) {}

void OverlayBuilder::reset()
{
    m_folded = 0;
    m_overlay = {};
    m_current.clear();
    m_open.clear();
    m_trails.clear();
}

RunOverlay OverlayBuilder::overlayAt(const engine::ExecutionHistory &history, std::size_t count,
                                     const std::set<std::string> &breakpoints)
{
    count = std::min(count, history.size());
    if (count < m_folded)
        reset();
    for (; m_folded < count; ++m_folded)
        fold(history.at(m_folded));
    RunOverlay out = m_overlay;
    for (const std::string &id : breakpoints)
        out.nodes[id].breakpoint = true;
    if (!m_current.empty())
        out.nodes[m_current].current = true;
    return out;
}

void OverlayBuilder::enter(const engine::HistoryEvent &event, const std::string &nodeId)
{
    ScopeTrail &trail = m_trails[event.scope];
    if (!trail.lastNode.empty()) {
        if (const graph::EdgeSpec *edge = m_locator->edgeBetween(trail.lastNode, nodeId,
                                                                 trail.caught))
            m_overlay.takenEdges.insert(edge->id);
    } else if (event.scope.empty()) {
        markEdge(std::string(graph::StartId) + "|start");
    }
    trail = {};
    m_open[visitKey(event)] = Visit{nodeId, false, 0};
    NodeRunState &node = m_overlay.nodes[nodeId];
    node.status = event.type == "FailStateEntered" ? RunStatus::Failed : RunStatus::InProgress;
    node.retries = 0;
    if (event.type == "FailStateEntered" && event.scope.empty())
        markEdge(nodeId + "|end");
}

void OverlayBuilder::fold(const engine::HistoryEvent &event)
{
    const std::string &type = event.type;
    if (event.stateName.empty()) {
        if (type == "ExecutionAborted")
            finishExecution(RunStatus::Cancelled);
        return;
    }
    const std::string &nodeId = m_locator->nodeId(event.scope, event.stateName);
    if (nodeId.empty())
        return; // the state is not in the machine shown (edited since, or an imported run)
    m_current = nodeId;
    if (type.ends_with("StateEntered")) {
        enter(event, nodeId);
        return;
    }
    auto open = m_open.find(visitKey(event));
    if (open == m_open.end())
        return;
    Visit &visit = open->second;
    NodeRunState &node = m_overlay.nodes[visit.nodeId];
    if (type.ends_with("StateExited")) {
        node.status = visit.hadError ? RunStatus::Caught : RunStatus::Succeeded;
        m_trails[event.scope] = ScopeTrail{visit.nodeId, visit.hadError};
        if (event.scope.empty())
            markEdge(visit.nodeId + "|end"); // only End states have one
        m_open.erase(open);
    } else if (type.ends_with("StateAborted")) {
        node.status = RunStatus::Cancelled;
        m_open.erase(open);
    } else if (isStateErrorEvent(type)) {
        visit.hadError = true;
        node.status = RunStatus::Failed;
    } else if (isAttemptStart(type) && visit.hadError) {
        visit.hadError = false;
        node.retries = ++visit.retries;
        node.status = RunStatus::InProgress;
    }
}

void OverlayBuilder::markEdge(const std::string &edgeId)
{
    if (m_locator->graph().edge(edgeId))
        m_overlay.takenEdges.insert(edgeId);
}

void OverlayBuilder::finishExecution(RunStatus openStatus)
{
    for (auto &[key, visit] : m_open) {
        NodeRunState &node = m_overlay.nodes[visit.nodeId];
        if (node.status == RunStatus::InProgress)
            node.status = openStatus;
    }
}

} // namespace stepwise::ui
