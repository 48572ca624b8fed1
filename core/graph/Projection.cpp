// State machine → graph (ASL spec §2 top-level fields, §3 transitions, §5 Parallel and Map).
#include "core/asl/StatePath.h"
#include "core/graph/Graph.h"

#include <unordered_set>

namespace stepwise::graph {
namespace {

constexpr std::size_t MaxLabelLength = 44;

std::string elided(std::string text)
{
    if (text.size() <= MaxLabelLength)
        return text;
    std::size_t cut = MaxLabelLength - 1;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut; // keep UTF-8 sequences whole
    return text.substr(0, cut) + "…";
}

std::string joinedErrors(const std::vector<std::string> &errors)
{
    std::string out;
    for (const std::string &error : errors)
        out += (out.empty() ? "" : ", ") + error;
    return out;
}

class Projector
{
public:
    explicit Projector(Graph &graph) : m_graph(graph) {}

    void addMachine(const asl::StateMachine &machine, const std::string &scope,
                    const std::string &parent, int branch);

private:
    void addState(const asl::State &state, const asl::StateMachine &machine,
                  const std::string &scope, const std::string &parent, int branch);
    void addEdges(const asl::State &state, const std::string &id, const std::string &scope,
                  const asl::StateMachine &machine);
    void addEdge(const std::string &from, const std::optional<std::string> &target,
                 const std::string &scope, const asl::StateMachine &machine, EdgeKind kind,
                 int index, std::string label);

    Graph &m_graph;
};

// `lambda:invoke · Name` when an integration names its function in its payload template.
std::string taskDetail(const asl::TaskState &task)
{
    if (task.resource.empty())
        return "Task";
    std::string detail = resourceShortForm(task.resource);
    const std::optional<Json> &payload = task.parameters ? task.parameters : task.arguments;
    if (detail.starts_with("lambda:invoke") && payload && payload->is_object()) {
        auto name = payload->find("FunctionName");
        if (name != payload->end() && name->is_string()) {
            const std::string function = name->get<std::string>();
            const std::size_t colon = function.find(":function:");
            const std::string shortName =
                colon == std::string::npos ? function : function.substr(colon + 10);
            detail += " · " + shortName.substr(0, shortName.find(':'));
        }
    }
    return detail;
}

std::string detailOf(const asl::State &state)
{
    if (const auto *task = std::get_if<asl::TaskState>(&state))
        return taskDetail(*task);
    if (const auto *map = std::get_if<asl::MapState>(&state)) {
        if (map->itemsPath.hasPath())
            return "Map · " + map->itemsPath.text;
        if (map->items && map->items->is_string())
            return "Map · " + map->items->get<std::string>();
    }
    return asl::typeName(asl::stateType(state));
}

void Projector::addMachine(const asl::StateMachine &machine, const std::string &scope,
                           const std::string &parent, int branch)
{
    for (const asl::State &state : machine.states)
        addState(state, machine, scope, parent, branch);
    for (const asl::State &state : machine.states)
        addEdges(state, asl::StatePath::inScope(scope, asl::common(state).name).pointer, scope,
                 machine);
}

void Projector::addState(const asl::State &state, const asl::StateMachine &machine,
                         const std::string &scope, const std::string &parent, int branch)
{
    const asl::StateCommon &c = asl::common(state);
    NodeSpec node;
    node.id = asl::StatePath::inScope(scope, c.name).pointer;
    node.type = asl::stateType(state);
    node.typeName = c.type;
    node.name = c.name;
    node.detail = elided(detailOf(state));
    node.isStart = machine.startAt == c.name;
    node.isTerminal = c.end.value_or(false) || node.type == asl::StateType::Succeed ||
                      node.type == asl::StateType::Fail;
    node.parent = parent;
    node.branch = branch;
    const std::string id = node.id;
    if (const auto *parallel = std::get_if<asl::ParallelState>(&state)) {
        node.isContainer = true;
        const int count = parallel->branches ? static_cast<int>(parallel->branches->size()) : 0;
        node.branchCount = count;
        m_graph.nodes.push_back(std::move(node));
        for (int i = 0; i < count; ++i)
            addMachine((*parallel->branches)[static_cast<std::size_t>(i)],
                       id + "/Branches/" + std::to_string(i), id, i);
        return;
    }
    if (const auto *map = std::get_if<asl::MapState>(&state)) {
        node.isContainer = true;
        node.branchCount = map->itemProcessor ? 1 : 0;
        m_graph.nodes.push_back(std::move(node));
        if (map->itemProcessor)
            addMachine(**map->itemProcessor,
                       id + (map->legacyIterator ? "/Iterator" : "/ItemProcessor"), id, 0);
        return;
    }
    m_graph.nodes.push_back(std::move(node));
}

void Projector::addEdges(const asl::State &state, const std::string &id, const std::string &scope,
                         const asl::StateMachine &machine)
{
    addEdge(id, asl::common(state).next, scope, machine, EdgeKind::Next, 0, {});
    if (const auto *choice = std::get_if<asl::ChoiceState>(&state)) {
        if (choice->choices)
            for (std::size_t i = 0; i < choice->choices->size(); ++i) {
                const asl::ChoiceRule &rule = (*choice->choices)[i];
                addEdge(id, rule.next, scope, machine, EdgeKind::ChoiceRule, static_cast<int>(i),
                        elided(conditionText(rule)));
            }
        addEdge(id, choice->defaultNext, scope, machine, EdgeKind::Default, 0, "Default");
    }
    const std::optional<std::vector<asl::Catcher>> *catchers = nullptr;
    if (const auto *task = std::get_if<asl::TaskState>(&state))
        catchers = &task->catchers;
    else if (const auto *parallel = std::get_if<asl::ParallelState>(&state))
        catchers = &parallel->catchers;
    else if (const auto *map = std::get_if<asl::MapState>(&state))
        catchers = &map->catchers;
    if (catchers && *catchers)
        for (std::size_t i = 0; i < (*catchers)->size(); ++i) {
            const asl::Catcher &catcher = (**catchers)[i];
            addEdge(id, catcher.next, scope, machine, EdgeKind::Catch, static_cast<int>(i),
                    elided("Catch: " + joinedErrors(catcher.errorEquals)));
        }
}

void Projector::addEdge(const std::string &from, const std::optional<std::string> &target,
                        const std::string &scope, const asl::StateMachine &machine, EdgeKind kind,
                        int index, std::string label)
{
    if (!target || !machine.find(*target))
        return;
    EdgeSpec edge;
    static constexpr const char *suffixes[] = {
        "start", "next", "choice:", "default", "catch:", "end"};
    edge.id = from + '|' + suffixes[static_cast<int>(kind)];
    if (kind == EdgeKind::ChoiceRule || kind == EdgeKind::Catch)
        edge.id += std::to_string(index);
    edge.from = from;
    edge.to = asl::StatePath::inScope(scope, *target).pointer;
    edge.kind = kind;
    edge.index = index;
    edge.label = std::move(label);
    m_graph.edges.push_back(std::move(edge));
}

void addMarkers(Graph &graph, const asl::StateMachine &machine)
{
    NodeSpec start;
    start.id = std::string(StartId);
    start.kind = NodeKind::Start;
    start.name = "Start";
    graph.nodes.insert(graph.nodes.begin(), start);
    if (machine.startAt && machine.find(*machine.startAt))
        graph.edges.push_back({std::string(StartId) + "|start",
                               start.id,
                               asl::StatePath::inScope("", *machine.startAt).pointer,
                               EdgeKind::Start,
                               0,
                               {}});
    NodeSpec end;
    end.id = std::string(EndId);
    end.kind = NodeKind::End;
    end.name = "End";
    bool anyTerminal = false;
    for (const NodeSpec &node : graph.nodes)
        if (node.kind == NodeKind::State && node.parent.empty() && node.isTerminal) {
            graph.edges.push_back({node.id + "|end", node.id, end.id, EdgeKind::End, 0, {}});
            anyTerminal = true;
        }
    if (anyTerminal || machine.states.empty())
        graph.nodes.push_back(end);
}

} // namespace

const NodeSpec *Graph::node(std::string_view id) const
{
    for (const NodeSpec &n : nodes)
        if (n.id == id)
            return &n;
    return nullptr;
}

const EdgeSpec *Graph::edge(std::string_view id) const
{
    for (const EdgeSpec &e : edges)
        if (e.id == id)
            return &e;
    return nullptr;
}

Graph project(const asl::StateMachine &machine)
{
    Graph graph;
    Projector(graph).addMachine(machine, "", "", -1);
    addMarkers(graph, machine);
    return graph;
}

} // namespace stepwise::graph
