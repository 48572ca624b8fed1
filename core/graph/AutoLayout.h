#pragma once
// Layered layout through Graphviz `dot` (top to bottom): clusters for Parallel branches and Map
// item processors, splines for edges, room for edge labels.
#include "core/graph/Graph.h"
#include "core/graph/Layout.h"

namespace stepwise::graph {

// Lays `graph` out. Positions the user pinned in `previous` stay where they are (and keep their
// pin, even for ids not in `graph`, so an undo can bring them back); everything else moves.
Layout autoLayout(const Graph &graph, const Layout &previous = {});

} // namespace stepwise::graph
