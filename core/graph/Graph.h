#pragma once
// The designer's view-model of a state machine: pure data, no Qt. One node per state (nested
// states included, each with the container and branch that holds it), Start / End markers for
// the top-level machine, and one edge per transition.
#include "core/asl/StateMachine.h"

#include <string>
#include <vector>

namespace stepwise::graph {

enum class NodeKind { State, Start, End };

struct NodeSpec
{
    std::string id; // the state's StatePath pointer; "#start" / "#end" for markers
    NodeKind kind = NodeKind::State;
    asl::StateType type = asl::StateType::Pass;
    std::string typeName;     // "Type" as written
    std::string name;         // the state name (or "Start" / "End")
    std::string detail;       // the resource's short form for a Task, the type otherwise
    bool isStart = false;     // its machine's StartAt
    bool isTerminal = false;  // End: true, Succeed or Fail
    bool isContainer = false; // Parallel or Map
    int branchCount = 0;      // Parallel branches; 1 for a Map's item processor
    std::string parent;       // id of the container holding it; "" at the top level
    int branch = -1;          // branch index inside `parent`

    bool operator==(const NodeSpec &) const = default;
};

enum class EdgeKind { Start, Next, ChoiceRule, Default, Catch, End };

struct EdgeSpec
{
    std::string id;   // "<from>|next", "<from>|choice:<i>", "<from>|default", "<from>|catch:<i>"
    std::string from; // node ids
    std::string to;
    EdgeKind kind = EdgeKind::Next;
    int index = 0;     // the Choice rule or catcher index
    std::string label; // condition, "Default", "Catch: <errors>", or empty

    bool isDashed() const { return kind == EdgeKind::Catch; }
    bool operator==(const EdgeSpec &) const = default;
};

struct Graph
{
    std::vector<NodeSpec> nodes; // parents before their children
    std::vector<EdgeSpec> edges;

    const NodeSpec *node(std::string_view id) const;
    const EdgeSpec *edge(std::string_view id) const;
};

inline constexpr std::string_view StartId = "#start";
inline constexpr std::string_view EndId = "#end";

// Builds the graph of `machine` (ASL spec §2-§5: StartAt, Next/End, Choice rules and Default,
// Catch, Parallel Branches, Map ItemProcessor). Transitions to unknown states are left out;
// the validator reports them.
Graph project(const asl::StateMachine &machine);

// Short forms used for node and edge labels.
std::string resourceShortForm(const std::string &resource);
std::string conditionText(const asl::ChoiceRule &rule);

} // namespace stepwise::graph
