#pragma once
// Keyboard navigation through a graph (the canvas's arrow keys): down follows the outgoing
// transition, up goes back, left and right step to the neighbour on the same row.
#include "core/graph/Graph.h"
#include "core/graph/Layout.h"

#include <map>
#include <string>

namespace stepwise::graph {

enum class Direction { Down, Up, Left, Right };

// The state to select after `from` in `direction`, or "" when there is none. `centres` holds the
// nodes on screen (states hidden in a collapsed container are absent); `cameFrom` is the state
// the user last stepped down from, so Up retraces the way taken.
std::string neighbour(const Graph &graph, const std::map<std::string, Point> &centres,
                      const std::string &from, Direction direction,
                      const std::string &cameFrom = {});

} // namespace stepwise::graph
