#pragma once
// Where things are on the canvas. Positions are not part of ASL: the user's placements live in a
// sidecar `<name>.layout.json` next to the ASL file; auto-layout fills in the rest.
#include "core/common/Json.h"
#include "core/common/Result.h"
#include "core/graph/Graph.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace stepwise::graph {

struct Point
{
    double x = 0;
    double y = 0;
    bool operator==(const Point &) const = default;
};

struct Rect
{
    double x = 0;
    double y = 0;
    double width = 0;
    double height = 0;

    double right() const { return x + width; }
    double bottom() const { return y + height; }
    Point center() const { return {x + width / 2, y + height / 2}; }
    Rect united(const Rect &other) const;
    bool operator==(const Rect &) const = default;
};

// An edge's path from Graphviz: a cubic Bézier chain (p0, c1, c2, p1, c1, c2, p2 ...), the
// arrow head's tip and the label's centre.
struct Route
{
    std::string from;
    std::string to;
    std::vector<Point> points;
    std::optional<Point> arrowTip;
    std::optional<Point> labelCenter;
    bool operator==(const Route &) const = default;
};

// Sizes in scene units (1 unit = 1 px at 100% zoom), VISUAL.md.
namespace metrics {
inline constexpr double NodeWidth = 224;
inline constexpr double NodeHeight = 48;
inline constexpr double MarkerWidth = 64; // a small circle and its "Start" / "End" text
inline constexpr double MarkerHeight = 24;
inline constexpr double HeaderWidth = 224; // a container's header band
inline constexpr double HeaderHeight = 28;
inline constexpr double ContainerPadding = 16;
} // namespace metrics

struct Layout
{
    std::map<std::string, Point> positions; // node id → centre (a container: its header's centre)
    std::set<std::string> pinned;           // ids the user placed; auto-layout keeps them
    std::map<std::string, Route> routes;    // edge id → route, while both ends are where it ran
    std::map<std::string, Rect> frames;     // container id (or "<id>#<branch>") → Graphviz box

    bool operator==(const Layout &) const = default;
};

struct ContainerGeometry
{
    Rect bounds;
    std::vector<Rect> branches; // one per branch, side by side inside `bounds`
};

// The box a (non-container) node occupies, from its centre.
Rect nodeRect(const NodeSpec &node, Point center);
// Containers' boxes, computed from their header and their children (nested ones first).
std::map<std::string, ContainerGeometry> containerGeometry(const Graph &graph,
                                                           const Layout &layout);
// The box of any node: its own for states and markers, the whole region for a container.
Rect nodeBounds(const NodeSpec &node, const Layout &layout,
                const std::map<std::string, ContainerGeometry> &containers);

// Moves nodes (and pins them). Routes and frames of what moved, and of the containers around
// it, are dropped: those are redrawn from the positions.
void moveNodes(Layout &layout, const Graph &graph, const std::map<std::string, Point> &moves);
// Renames ids under `from` (a state and everything nested in it) to lie under `to`.
void renameIds(Layout &layout, const std::string &from, const std::string &to);

// The sidecar: {"version": 1, "states": {"<StatePath>": {"x": .., "y": ..}}} with the pinned
// positions of nodes that exist in `graph`.
Json sidecarJson(const Layout &layout, const Graph &graph);
Result<Layout, std::string> layoutFromSidecar(const Json &sidecar);
// "flow.asl.json" → "flow.layout.json" (also .asl.yaml, .json, .yaml, .yml).
std::string sidecarPath(const std::string &aslPath);

} // namespace stepwise::graph
