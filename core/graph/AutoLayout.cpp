// Graphviz `dot` layout (Gansner et al., "A Technique for Drawing Directed Graphs"): each state
// is a fixed-size box, each container a cluster with a header box at its top; edges into a
// container land on its header and edges out of it leave from its first branch's terminal state
// (`compound=true` clips both at the cluster's border).
#include "core/graph/AutoLayout.h"

#include <graphviz/gvc.h>

#include <algorithm>
#include <memory>
#include <unordered_map>

namespace stepwise::graph {
namespace {

constexpr double PointsPerInch = 72.0;

// One Graphviz context for the whole process, never freed. Graphviz 2.42's pango plugin keeps
// a pointer to the last font name it measured, and that name lives in the context: freeing the
// context left the next layout comparing against freed memory (AddressSanitizer saw it).
GVC_t *sharedContext()
{
    static GVC_t *const context = gvContext();
    return context;
}

void set(void *object, const char *name, const std::string &value)
{
    agsafeset(object, const_cast<char *>(name), const_cast<char *>(value.c_str()),
              const_cast<char *>(""));
}

Agnode_t *makeBox(Agraph_t *graph, const std::string &name, double width, double height)
{
    Agnode_t *node = agnode(graph, const_cast<char *>(name.c_str()), 1);
    set(node, "shape", "box");
    set(node, "fixedsize", "true");
    set(node, "label", "");
    set(node, "width", std::to_string(width / PointsPerInch));
    set(node, "height", std::to_string(height / PointsPerInch));
    return node;
}

struct GvNodes
{
    Agnode_t *entry = nullptr;         // where incoming edges land (a container's header)
    Agnode_t *exit = nullptr;          // where outgoing edges leave
    std::vector<Agnode_t *> terminals; // a container's terminal children (their exits)
    Agraph_t *cluster = nullptr;
    std::vector<Agraph_t *> branches;
    int levels = 0; // cluster borders an edge leaving this node crosses (0 for a plain state)
};

// Ranks an edge leaving `from` spans: one more for containers, whose bottom padding (a cluster
// margin per nesting level) would otherwise reach into the next rank and push the successor
// beside the container instead of below it.
std::string minimumLength(const GvNodes &from)
{
    return std::to_string(1 + (from.levels + 1) / 2);
}

class GvLayout
{
public:
    explicit GvLayout(const Graph &graph) : m_graph(graph) {}
    ~GvLayout();
    GvLayout(const GvLayout &) = delete;
    GvLayout &operator=(const GvLayout &) = delete;

    bool run();
    Layout read() const;

private:
    Agraph_t *scopeOf(const NodeSpec &node) const;
    void addNode(const NodeSpec &node, std::size_t index);
    void addEdge(const EdgeSpec &edge);
    void addScaffolding();
    void resolveExits();
    Point toScene(pointf p) const { return {p.x, m_top - p.y}; }
    Rect toScene(boxf box) const
    {
        return {box.LL.x, m_top - box.UR.y, box.UR.x - box.LL.x, box.UR.y - box.LL.y};
    }

    const Graph &m_graph;
    GVC_t *m_context = nullptr;
    Agraph_t *m_root = nullptr;
    bool m_laidOut = false;
    double m_top = 0;
    std::unordered_map<std::string, GvNodes> m_nodes;
    std::vector<std::pair<const EdgeSpec *, Agedge_t *>> m_edges;
};

GvLayout::~GvLayout()
{
    if (m_laidOut)
        gvFreeLayout(m_context, m_root);
    if (m_root)
        agclose(m_root);
}

Agraph_t *GvLayout::scopeOf(const NodeSpec &node) const
{
    if (node.parent.empty())
        return m_root;
    const GvNodes &parent = m_nodes.at(node.parent);
    const auto branch = static_cast<std::size_t>(node.branch);
    return branch < parent.branches.size() ? parent.branches[branch] : parent.cluster;
}

void GvLayout::addNode(const NodeSpec &node, std::size_t index)
{
    Agraph_t *scope = scopeOf(node);
    const std::string key = std::to_string(index);
    GvNodes nodes;
    if (!node.isContainer) {
        const Rect box = nodeRect(node, {});
        nodes.entry = nodes.exit = makeBox(scope, "n" + key, box.width, box.height);
        m_nodes.emplace(node.id, nodes);
        return;
    }
    nodes.cluster = agsubg(scope, const_cast<char *>(("cluster_" + key).c_str()), 1);
    set(nodes.cluster, "margin", std::to_string(static_cast<int>(metrics::ContainerPadding)));
    nodes.entry = makeBox(nodes.cluster, "h" + key, metrics::HeaderWidth, metrics::HeaderHeight);
    nodes.exit = nodes.entry; // until resolveExits() finds a terminal child
    if (node.type == asl::StateType::Parallel)
        for (int b = 0; b < node.branchCount; ++b) {
            const std::string name = "cluster_" + key + "_" + std::to_string(b);
            nodes.branches.push_back(agsubg(nodes.cluster, const_cast<char *>(name.c_str()), 1));
            set(nodes.branches.back(), "margin",
                std::to_string(static_cast<int>(metrics::ContainerPadding)));
        }
    m_nodes.emplace(node.id, nodes);
}

void GvLayout::addEdge(const EdgeSpec &edge)
{
    const GvNodes &from = m_nodes.at(edge.from);
    const GvNodes &to = m_nodes.at(edge.to);
    Agedge_t *e = agedge(m_root, from.exit, to.entry, const_cast<char *>(edge.id.c_str()), 1);
    if (from.cluster) {
        set(e, "ltail", agnameof(from.cluster));
        set(e, "minlen", minimumLength(from));
    }
    if (to.cluster)
        set(e, "lhead", agnameof(to.cluster));
    for (std::size_t i = 1; i < from.terminals.size(); ++i) { // every branch ends above `to`
        Agedge_t *below = agedge(m_root, from.terminals[i], to.entry, nullptr, 1);
        set(below, "style", "invis");
        set(below, "minlen", minimumLength(from));
    }
    if (!edge.label.empty()) {
        set(e, "label", edge.label);
        set(e, "fontsize", "11");
        set(e, "fontname", "Helvetica");
    }
    set(e, "arrowsize", "0.8"); // an 8 px head, as the canvas draws it
    if (edge.kind == EdgeKind::Catch)
        set(e, "weight", "0");
    m_edges.emplace_back(&edge, e);
}

// Invisible edges that hang each branch's first state under the header, so a container reads
// top to bottom like the machine around it.
void GvLayout::addScaffolding()
{
    for (const NodeSpec &node : m_graph.nodes)
        if (!node.parent.empty() && node.isStart)
            set(agedge(m_root, m_nodes.at(node.parent).entry, m_nodes.at(node.id).entry, nullptr,
                       1),
                "style", "invis");
}

// Children follow their parents in the graph, so a reverse walk settles nested containers first.
void GvLayout::resolveExits()
{
    for (auto it = m_graph.nodes.rbegin(); it != m_graph.nodes.rend(); ++it) {
        GvNodes &self = m_nodes.at(it->id);
        if (self.cluster)
            self.levels = std::max(self.levels, self.branches.empty() ? 1 : 2);
        if (!self.terminals.empty())
            self.exit = self.terminals.front();
        if (!it->parent.empty() && it->isTerminal) {
            GvNodes &parent = m_nodes.at(it->parent);
            parent.terminals.push_back(self.exit);
            // A Parallel's branches are clusters of their own inside it: one more border.
            const int own = parent.branches.empty() ? 1 : 2;
            parent.levels = std::max(parent.levels, own + self.levels);
        }
    }
    for (auto &[id, nodes] : m_nodes)
        std::reverse(nodes.terminals.begin(), nodes.terminals.end()); // back to document order
}

bool GvLayout::run()
{
    m_context = sharedContext();
    m_root = agopen(const_cast<char *>("stepwise"), Agdirected, nullptr);
    set(m_root, "rankdir", "TB");
    set(m_root, "compound", "true");
    set(m_root, "nodesep", "0.5");
    set(m_root, "ranksep", "0.45");
    set(m_root, "splines", "spline");
    for (std::size_t i = 0; i < m_graph.nodes.size(); ++i)
        addNode(m_graph.nodes[i], i);
    resolveExits();
    for (const EdgeSpec &edge : m_graph.edges)
        addEdge(edge);
    addScaffolding();
    m_laidOut = gvLayout(m_context, m_root, "dot") == 0;
    if (m_laidOut)
        m_top = GD_bb(m_root).UR.y;
    return m_laidOut;
}

Layout GvLayout::read() const
{
    Layout layout;
    for (const NodeSpec &node : m_graph.nodes) {
        const GvNodes &nodes = m_nodes.at(node.id);
        layout.positions[node.id] = toScene(ND_coord(nodes.entry));
        if (nodes.cluster)
            layout.frames[node.id] = toScene(GD_bb(nodes.cluster));
        for (std::size_t b = 0; b < nodes.branches.size(); ++b)
            if (const Rect frame = toScene(GD_bb(nodes.branches[b])); frame.width > 0)
                layout.frames[node.id + '#' + std::to_string(b)] = frame;
    }
    for (const auto &[edge, e] : m_edges) {
        const splines *spl = ED_spl(e);
        if (!spl || spl->size < 1 || spl->list[0].size < 4)
            continue;
        const bezier &curve = spl->list[0];
        Route route{edge->from, edge->to, {}, std::nullopt, std::nullopt};
        for (int i = 0; i < curve.size; ++i)
            route.points.push_back(toScene(curve.list[i]));
        if (curve.eflag)
            route.arrowTip = toScene(curve.ep);
        if (ED_label(e) && ED_label(e)->set)
            route.labelCenter = toScene(ED_label(e)->pos);
        layout.routes[edge->id] = std::move(route);
    }
    return layout;
}

// Without Graphviz (a broken install): one column in document order.
Layout columnLayout(const Graph &graph)
{
    Layout layout;
    double y = 0;
    for (const NodeSpec &node : graph.nodes) {
        layout.positions[node.id] = {metrics::NodeWidth / 2, y};
        y += metrics::NodeHeight * 2;
    }
    return layout;
}

} // namespace

Layout autoLayout(const Graph &graph, const Layout &previous)
{
    GvLayout gv(graph);
    Layout layout = gv.run() ? gv.read() : columnLayout(graph);
    std::map<std::string, Point> kept;
    for (const std::string &id : previous.pinned) {
        auto it = previous.positions.find(id);
        if (it == previous.positions.end())
            continue;
        if (graph.node(id))
            kept[id] = it->second;
        layout.positions[id] = it->second;
        layout.pinned.insert(id);
    }
    moveNodes(layout, graph, kept);
    return layout;
}

} // namespace stepwise::graph
