#include "core/graph/GraphDiff.h"

#include <unordered_map>

namespace stepwise::graph {
namespace {

// Compares two id-keyed lists: ids only in `after` are added, only in `before` removed, in both
// but unequal changed.
template <typename Spec>
void compare(const std::vector<Spec> &before, const std::vector<Spec> &after,
             std::vector<std::string> &added, std::vector<std::string> &removed,
             std::vector<std::string> &changed)
{
    std::unordered_map<std::string_view, const Spec *> old;
    old.reserve(before.size());
    for (const Spec &spec : before)
        old.emplace(spec.id, &spec);
    for (const Spec &spec : after) {
        auto it = old.find(spec.id);
        if (it == old.end()) {
            added.push_back(spec.id);
            continue;
        }
        if (!(*it->second == spec))
            changed.push_back(spec.id);
        old.erase(it);
    }
    for (const Spec &spec : before)
        if (old.contains(spec.id))
            removed.push_back(spec.id);
}

} // namespace

bool GraphDiff::isEmpty() const
{
    return addedNodes.empty() && removedNodes.empty() && changedNodes.empty() &&
           addedEdges.empty() && removedEdges.empty() && changedEdges.empty();
}

GraphDiff diff(const Graph &before, const Graph &after)
{
    GraphDiff result;
    compare(before.nodes, after.nodes, result.addedNodes, result.removedNodes, result.changedNodes);
    compare(before.edges, after.edges, result.addedEdges, result.removedEdges, result.changedEdges);
    return result;
}

} // namespace stepwise::graph
