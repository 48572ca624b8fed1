// Event (scope, state name) → graph node id, cached because long runs repeat the same states.
#include "ui/debug/NodeLocator.h"

#include <charconv>
#include <vector>

namespace stepwise::ui {
namespace {

std::vector<std::string> splitScope(const std::string &scope)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start < scope.size()) {
        const std::size_t slash = scope.find('/', start);
        const std::size_t end = slash == std::string::npos ? scope.size() : slash;
        parts.push_back(scope.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

} // namespace

NodeLocator::NodeLocator(graph::Graph graph) : m_graph(std::move(graph)) {}

const std::string &NodeLocator::nodeId(const std::string &scope,
                                       const std::string &stateName) const
{
    const std::string key = scope + '\n' + stateName;
    auto it = m_cache.find(key);
    if (it == m_cache.end())
        it = m_cache.emplace(key, resolve(scope, stateName)).first;
    return it->second;
}

const graph::NodeSpec *NodeLocator::child(const std::string &parent, int branch,
                                          const std::string &name) const
{
    for (const graph::NodeSpec &node : m_graph.nodes)
        if (node.kind == graph::NodeKind::State && node.parent == parent && node.branch == branch
            && node.name == name)
            return &node;
    return nullptr;
}

std::string NodeLocator::resolve(const std::string &scope, const std::string &stateName) const
{
    const std::vector<std::string> parts = splitScope(scope);
    std::string parent;
    int branch = -1;
    // The scope alternates container name and branch/iteration index.
    for (std::size_t i = 0; i + 1 < parts.size(); i += 2) {
        const graph::NodeSpec *container = child(parent, branch, parts[i]);
        if (!container || !container->isContainer)
            return {};
        parent = container->id;
        const std::string &index = parts[i + 1];
        int number = 0;
        const auto [end, code] = std::from_chars(index.data(), index.data() + index.size(), number);
        if (code != std::errc() || end != index.data() + index.size())
            return {}; // a state name with '/' in it: not locatable from the scope text
        branch = container->type == asl::StateType::Map ? 0 : number;
    }
    const graph::NodeSpec *node = child(parent, branch, stateName);
    return node ? node->id : std::string();
}

const graph::EdgeSpec *NodeLocator::edgeBetween(const std::string &from, const std::string &to,
                                                bool caught) const
{
    const graph::EdgeSpec *fallback = nullptr;
    for (const graph::EdgeSpec &edge : m_graph.edges) {
        if (edge.from != from || edge.to != to)
            continue;
        if ((edge.kind == graph::EdgeKind::Catch) == caught)
            return &edge;
        if (!fallback)
            fallback = &edge;
    }
    return fallback;
}

} // namespace stepwise::ui
