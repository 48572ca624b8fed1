#pragma once
// What the debugger shows on the canvas during or after a run: per state its run status (the
// console's colours), retry count and whether it is the current state, plus the edges taken.
// The debugger computes it from the execution history at the time cursor; the canvas paints it.
#include <map>
#include <set>
#include <string>

namespace stepwise::ui {

enum class RunStatus { NotRun, InProgress, Succeeded, Failed, Caught, Cancelled };

struct NodeRunState
{
    RunStatus status = RunStatus::NotRun;
    int retries = 0;      // retry attempts so far (shown as a badge while > 0)
    bool current = false; // the state the cursor is on: drawn unmistakably
    bool breakpoint = false;
    bool operator==(const NodeRunState &) const = default;
};

struct RunOverlay
{
    std::map<std::string, NodeRunState> nodes; // by graph node id (StatePath pointer)
    std::set<std::string> takenEdges;          // graph edge ids ("<from>|next", …)
    bool operator==(const RunOverlay &) const = default;
};

} // namespace stepwise::ui
