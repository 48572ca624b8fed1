// Transition graph of one scope (ASL spec §1.8): dangling targets, terminal states,
// reachability from StartAt, and states that can never reach a terminal state.
#include "core/asl/validator/ValidationContext.h"

#include <deque>
#include <unordered_map>

namespace stepwise::asl::validator {
namespace {

struct Edge
{
    std::string target;
    std::string pointer;
};

struct Node
{
    std::string name;
    std::string pointer;
    bool terminal = false;
    std::vector<std::size_t> successors;
};

void collectEdge(const Json &object, const char *key, const std::string &pointer,
                 std::vector<Edge> &edges)
{
    if (!object.is_object())
        return;
    auto it = object.find(key);
    if (it != object.end() && it->is_string())
        edges.push_back({it->get<std::string>(), childPointer(pointer, key)});
}

void collectArrayEdges(const Json &state, const char *arrayKey, const std::string &statePointer,
                       std::vector<Edge> &edges)
{
    auto it = state.find(arrayKey);
    if (it == state.end() || !it->is_array())
        return;
    const std::string arrayPointer = childPointer(statePointer, arrayKey);
    for (std::size_t i = 0; i < it->size(); ++i)
        collectEdge((*it)[i], "Next", childPointer(arrayPointer, i), edges);
}

std::vector<Edge> stateEdges(const Json &state, const std::string &pointer)
{
    std::vector<Edge> edges;
    if (!state.is_object())
        return edges;
    collectEdge(state, "Next", pointer, edges);
    collectArrayEdges(state, "Choices", pointer, edges);
    collectEdge(state, "Default", pointer, edges);
    collectArrayEdges(state, "Catch", pointer, edges);
    return edges;
}

bool isTerminal(const Json &state)
{
    if (!state.is_object())
        return false;
    const std::string type = stringMember(state, "Type");
    if (type == "Succeed" || type == "Fail")
        return true;
    auto end = state.find("End");
    return end != state.end() && end->is_boolean() && end->get<bool>();
}

std::vector<bool> forwardReach(const std::vector<Node> &nodes, std::size_t start)
{
    std::vector<bool> seen(nodes.size(), false);
    std::deque<std::size_t> queue{start};
    seen[start] = true;
    while (!queue.empty()) {
        const std::size_t current = queue.front();
        queue.pop_front();
        for (std::size_t next : nodes[current].successors)
            if (!seen[next]) {
                seen[next] = true;
                queue.push_back(next);
            }
    }
    return seen;
}

std::vector<bool> canReachTerminal(const std::vector<Node> &nodes)
{
    std::vector<std::vector<std::size_t>> predecessors(nodes.size());
    std::deque<std::size_t> queue;
    std::vector<bool> ok(nodes.size(), false);
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        for (std::size_t next : nodes[i].successors)
            predecessors[next].push_back(i);
        if (nodes[i].terminal) {
            ok[i] = true;
            queue.push_back(i);
        }
    }
    while (!queue.empty()) {
        const std::size_t current = queue.front();
        queue.pop_front();
        for (std::size_t previous : predecessors[current])
            if (!ok[previous]) {
                ok[previous] = true;
                queue.push_back(previous);
            }
    }
    return ok;
}

} // namespace

void checkGraph(ValidationContext &ctx, const Json &states, const std::string &statesPointer,
                const std::string &startAt, const std::string &rootPointer)
{
    std::unordered_map<std::string, std::size_t> index;
    std::vector<Node> nodes;
    for (auto it = states.begin(); it != states.end(); ++it) {
        index.emplace(it.key(), nodes.size());
        nodes.push_back({it.key(), childPointer(statesPointer, it.key()), isTerminal(it.value()), {}});
    }
    std::size_t i = 0;
    for (auto it = states.begin(); it != states.end(); ++it, ++i) {
        for (const Edge &edge : stateEdges(it.value(), nodes[i].pointer)) {
            auto target = index.find(edge.target);
            if (target == index.end())
                ctx.error(edge.pointer, "Missing 'Next' target: " + edge.target, kMissingTarget);
            else
                nodes[i].successors.push_back(target->second);
        }
    }
    auto start = index.find(startAt);
    if (!startAt.empty() && start == index.end())
        ctx.error(childPointer(rootPointer, "StartAt"), "Missing 'Next' target: " + startAt,
                  kMissingTarget);
    bool anyTerminal = false;
    for (const Node &node : nodes)
        anyTerminal = anyTerminal || node.terminal;
    if (!anyTerminal) {
        ctx.error(rootPointer, "Workflow has no terminal state", kMissingEnd);
        return;
    }
    if (start == index.end())
        return;
    const std::vector<bool> reachable = forwardReach(nodes, start->second);
    const std::vector<bool> ending = canReachTerminal(nodes);
    for (std::size_t n = 0; n < nodes.size(); ++n) {
        if (!reachable[n])
            ctx.error(nodes[n].pointer, "State \"" + nodes[n].name + "\" is not reachable.",
                      kMissingTarget);
        else if (!ending[n])
            ctx.warning(nodes[n].pointer,
                        "State \"" + nodes[n].name + "\" can never reach a terminal state",
                        kNoReachableEnd);
    }
}

} // namespace stepwise::asl::validator
