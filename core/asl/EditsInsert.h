#pragma once
// Adding states: one new state (from the palette) and pasted / duplicated groups. A new state
// can take the place of an existing transition ("drop on an edge"): the transition now leads to
// the new state and the new state leads where the transition used to.
#include "core/asl/Edits.h"
#include "core/asl/StateMachine.h"
#include "core/asl/StatePath.h"
#include "core/common/Json.h"
#include "core/common/Result.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stepwise::asl::edits {

// A transition to splice a new state into: `from`'s `transition` (from = nullopt: the machine's
// StartAt). `toEnd` means the link is `from`'s `End: true`.
struct Link
{
    std::optional<std::string> from;
    Transition transition;
    bool toEnd = false;
};

// `base` when no state anywhere in `root` has that name, else "base 2", "base 3", ... (at most
// 80 characters; AWS requires names unique across the whole machine, branches included).
std::string uniqueName(const StateMachine &root, std::string_view base);

// The scope pointer of a container's branch: "<container>/Branches/<i>" for a Parallel,
// "<container>/ItemProcessor" (or "/Iterator" as written) for a Map.
Result<std::string, std::string> containerScope(const StateMachine &root,
                                                const StatePath &container, int branch);

// Adds `state` to the machine at `scopePointer` under a unique name derived from its own name
// (states nested in it are renamed too when their names are taken).
// With a link the state is spliced into it; without one it is appended (and becomes StartAt of
// an empty machine). Returns the new state's path.
Result<StatePath, std::string> insertState(StateMachine &root, const std::string &scopePointer,
                                           State state, const std::optional<Link> &link);

// Adds the states of `states` (a JSON object name → state, as under "States") to the machine at
// `scopePointer`, renaming on a clash. Transitions between pasted states follow the renames;
// a Next or Default to a state that is neither pasted nor in the scope is dropped (Next becomes
// End: true). Returns the new paths in order.
Result<std::vector<StatePath>, std::string>
pasteStates(StateMachine &root, const std::string &scopePointer, const Json &states);

// The states at `paths` (all in one machine) as {"States": {...}}: the clipboard format.
Result<Json, std::string> copyStates(const StateMachine &root, const std::vector<StatePath> &paths);

} // namespace stepwise::asl::edits
