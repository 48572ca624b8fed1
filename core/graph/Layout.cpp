#include "core/graph/Layout.h"

#include <algorithm>
#include <unordered_map>

namespace stepwise::graph {
namespace {

Rect padded(const Rect &rect, double by)
{
    return {rect.x - by, rect.y - by, rect.width + 2 * by, rect.height + 2 * by};
}

Point positionOf(const Layout &layout, const std::string &id)
{
    auto it = layout.positions.find(id);
    return it == layout.positions.end() ? Point{} : it->second;
}

} // namespace

Rect Rect::united(const Rect &other) const
{
    const double left = std::min(x, other.x);
    const double top = std::min(y, other.y);
    return {left, top, std::max(right(), other.right()) - left,
            std::max(bottom(), other.bottom()) - top};
}

Rect nodeRect(const NodeSpec &node, Point center)
{
    double width = metrics::NodeWidth;
    double height = metrics::NodeHeight;
    if (node.kind != NodeKind::State) {
        width = metrics::MarkerWidth;
        height = metrics::MarkerHeight;
    } else if (node.isContainer) {
        width = metrics::HeaderWidth;
        height = metrics::HeaderHeight;
    }
    return {center.x - width / 2, center.y - height / 2, width, height};
}

std::map<std::string, ContainerGeometry> containerGeometry(const Graph &graph, const Layout &layout)
{
    std::map<std::string, ContainerGeometry> result;
    // Children follow their parents in `graph.nodes`, so a reverse walk meets nested containers
    // before the containers that hold them.
    std::unordered_map<std::string, std::vector<std::optional<Rect>>> branchBoxes;
    for (auto it = graph.nodes.rbegin(); it != graph.nodes.rend(); ++it) {
        const NodeSpec &node = *it;
        if (node.isContainer) {
            const Rect header = nodeRect(node, positionOf(layout, node.id));
            ContainerGeometry geometry;
            Rect bounds = header;
            auto &boxes = branchBoxes[node.id];
            boxes.resize(static_cast<std::size_t>(std::max(node.branchCount, 0)));
            for (std::size_t b = 0; b < boxes.size(); ++b) {
                Rect branch = boxes[b] ? padded(*boxes[b], metrics::ContainerPadding)
                                       : Rect{header.x, header.bottom() + metrics::ContainerPadding,
                                              header.width, metrics::NodeHeight};
                if (auto frame = layout.frames.find(node.id + '#' + std::to_string(b));
                    frame != layout.frames.end())
                    branch = branch.united(frame->second);
                geometry.branches.push_back(branch);
                bounds = bounds.united(branch);
            }
            geometry.bounds = padded(bounds, metrics::ContainerPadding);
            if (auto frame = layout.frames.find(node.id); frame != layout.frames.end())
                geometry.bounds = geometry.bounds.united(frame->second);
            result[node.id] = geometry;
        }
        if (node.parent.empty() || node.branch < 0)
            continue;
        const Rect own = nodeBounds(node, layout, result);
        auto &boxes = branchBoxes[node.parent];
        const auto index = static_cast<std::size_t>(node.branch);
        if (boxes.size() <= index)
            boxes.resize(index + 1);
        boxes[index] = boxes[index] ? boxes[index]->united(own) : own;
    }
    return result;
}

Rect nodeBounds(const NodeSpec &node, const Layout &layout,
                const std::map<std::string, ContainerGeometry> &containers)
{
    if (node.isContainer)
        if (auto it = containers.find(node.id); it != containers.end())
            return it->second.bounds;
    return nodeRect(node, positionOf(layout, node.id));
}

void moveNodes(Layout &layout, const Graph &graph, const std::map<std::string, Point> &moves)
{
    std::unordered_map<std::string, std::string> parentOf;
    for (const NodeSpec &node : graph.nodes)
        parentOf.emplace(node.id, node.parent);
    std::set<std::string> touched;
    for (const auto &[id, position] : moves) {
        layout.positions[id] = position;
        layout.pinned.insert(id);
        for (std::string at = id; !at.empty(); at = parentOf[at])
            touched.insert(at);
    }
    std::erase_if(layout.routes, [&touched](const auto &entry) {
        return touched.contains(entry.second.from) || touched.contains(entry.second.to);
    });
    std::erase_if(layout.frames, [&touched](const auto &entry) {
        return touched.contains(entry.first.substr(0, entry.first.rfind('#')));
    });
}

void renameIds(Layout &layout, const std::string &from, const std::string &to)
{
    auto renamed = [&from, &to](const std::string &id) -> std::optional<std::string> {
        if (id == from)
            return to;
        if (id.size() > from.size() && id.starts_with(from) && id[from.size()] == '/')
            return to + id.substr(from.size());
        return std::nullopt;
    };
    std::map<std::string, Point> positions;
    for (const auto &[id, point] : layout.positions)
        positions[renamed(id).value_or(id)] = point;
    std::set<std::string> pinned;
    for (const std::string &id : layout.pinned)
        pinned.insert(renamed(id).value_or(id));
    layout.positions = std::move(positions);
    layout.pinned = std::move(pinned);
    layout.routes.clear();
    layout.frames.clear();
}

Json sidecarJson(const Layout &layout, const Graph &graph)
{
    Json states = Json::object();
    for (const NodeSpec &node : graph.nodes) {
        if (!layout.pinned.contains(node.id))
            continue;
        const Point p = positionOf(layout, node.id);
        states[node.id] = Json{{"x", p.x}, {"y", p.y}};
    }
    return Json{{"version", 1}, {"states", std::move(states)}};
}

Result<Layout, std::string> layoutFromSidecar(const Json &sidecar)
{
    if (!sidecar.is_object() || !sidecar.contains("states") || !sidecar["states"].is_object())
        return unexpected(std::string("A layout file is an object with a \"states\" object"));
    Layout layout;
    for (const auto &[id, value] : sidecar["states"].items()) {
        if (!value.is_object() || !value.contains("x") || !value.contains("y") ||
            !value["x"].is_number() || !value["y"].is_number())
            return unexpected("Position of " + id + " needs numbers x and y");
        layout.positions[id] = {value["x"].get<double>(), value["y"].get<double>()};
        layout.pinned.insert(id);
    }
    return layout;
}

std::string sidecarPath(const std::string &aslPath)
{
    for (const char *suffix : {".asl.json", ".asl.yaml", ".asl.yml", ".json", ".yaml", ".yml"}) {
        const std::string_view ending(suffix);
        if (aslPath.size() > ending.size() && aslPath.ends_with(ending))
            return aslPath.substr(0, aslPath.size() - ending.size()) + ".layout.json";
    }
    return aslPath + ".layout.json";
}

} // namespace stepwise::graph
