#include "core/graph/Navigation.h"

#include <cmath>
#include <limits>

namespace stepwise::graph {
namespace {

constexpr double SameRow = 30; // Graphviz ranks line up; allow small drifts from user moves

bool isShownState(const Graph &graph, const std::map<std::string, Point> &centres,
                  const std::string &id)
{
    const NodeSpec *node = graph.node(id);
    return node && node->kind == NodeKind::State && centres.contains(id);
}

std::string firstChild(const Graph &graph, const std::map<std::string, Point> &centres,
                       const std::string &container)
{
    for (const NodeSpec &node : graph.nodes)
        if (node.parent == container && node.branch == 0 && node.isStart &&
            centres.contains(node.id))
            return node.id;
    return {};
}

std::string down(const Graph &graph, const std::map<std::string, Point> &centres,
                 const std::string &from)
{
    const NodeSpec *node = graph.node(from);
    if (node && node->isContainer)
        if (std::string child = firstChild(graph, centres, from); !child.empty())
            return child;
    for (std::string at = from; !at.empty();) {
        for (const EdgeSpec &edge : graph.edges)
            if (edge.from == at && isShownState(graph, centres, edge.to))
                return edge.to;
        const NodeSpec *current = graph.node(at);
        at = current ? current->parent : std::string(); // the end of a branch: leave it
    }
    return {};
}

std::string up(const Graph &graph, const std::map<std::string, Point> &centres,
               const std::string &from, const std::string &cameFrom)
{
    if (!cameFrom.empty() && isShownState(graph, centres, cameFrom))
        return cameFrom;
    for (const EdgeSpec &edge : graph.edges)
        if (edge.to == from && edge.from != from && isShownState(graph, centres, edge.from))
            return edge.from;
    const NodeSpec *node = graph.node(from);
    return node && isShownState(graph, centres, node->parent) ? node->parent : std::string();
}

std::string sideways(const Graph &graph, const std::map<std::string, Point> &centres,
                     const std::string &from, double sign)
{
    const auto origin = centres.find(from);
    if (origin == centres.end())
        return {};
    std::string best;
    double bestScore = std::numeric_limits<double>::max();
    for (const auto &[id, at] : centres) {
        const double dx = (at.x - origin->second.x) * sign;
        const double dy = std::abs(at.y - origin->second.y);
        if (id == from || dx <= 1 || !isShownState(graph, centres, id))
            continue;
        // the same row first, then whatever lies nearest that way
        const double score = dy <= SameRow ? dx : 1e6 + dx + 3 * dy;
        if (score < bestScore) {
            bestScore = score;
            best = id;
        }
    }
    return best;
}

} // namespace

std::string neighbour(const Graph &graph, const std::map<std::string, Point> &centres,
                      const std::string &from, Direction direction, const std::string &cameFrom)
{
    switch (direction) {
    case Direction::Down:
        return down(graph, centres, from);
    case Direction::Up:
        return up(graph, centres, from, cameFrom);
    case Direction::Left:
        return sideways(graph, centres, from, -1);
    case Direction::Right:
        return sideways(graph, centres, from, 1);
    }
    return {};
}

} // namespace stepwise::graph
