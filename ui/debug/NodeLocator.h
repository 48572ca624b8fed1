#pragma once
// Finds the canvas node of a history event: events name a state and its scope ("Par/0",
// "Map/3/Inner/1", see engine::HistoryEvent::scope); graph nodes are keyed by StatePath pointer.
// Map iterations all share the Map's one item processor, so the index is dropped for Maps.
#include "core/graph/Graph.h"

#include <string>
#include <unordered_map>

namespace stepwise::ui {

class NodeLocator
{
public:
    explicit NodeLocator(graph::Graph graph);

    // The node id, or "" when the machine has no such state (e.g. it was edited since).
    const std::string &nodeId(const std::string &scope, const std::string &stateName) const;
    const graph::Graph &graph() const { return m_graph; }
    // The edge from `from` to `to`, preferring a Catch edge when `caught`; nullptr if none.
    const graph::EdgeSpec *edgeBetween(const std::string &from, const std::string &to,
                                       bool caught) const;

private:
    std::string resolve(const std::string &scope, const std::string &stateName) const;
    const graph::NodeSpec *child(const std::string &parent, int branch,
                                 const std::string &name) const;

    graph::Graph m_graph;
    mutable std::unordered_map<std::string, std::string> m_cache; // scope + '\n' + name → id
};

} // namespace stepwise::ui
