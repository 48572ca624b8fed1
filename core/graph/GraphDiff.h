#pragma once
// What changed between two graphs, by node and edge id, so the canvas touches only those items.
#include "core/graph/Graph.h"

#include <string>
#include <vector>

namespace stepwise::graph {

struct GraphDiff
{
    std::vector<std::string> addedNodes; // in the new graph's order (parents first)
    std::vector<std::string> removedNodes;
    std::vector<std::string> changedNodes;
    std::vector<std::string> addedEdges;
    std::vector<std::string> removedEdges;
    std::vector<std::string> changedEdges;

    bool isEmpty() const;
};

GraphDiff diff(const Graph &before, const Graph &after);

} // namespace stepwise::graph
