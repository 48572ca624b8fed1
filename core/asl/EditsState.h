#pragma once
// Edits of one state's or one machine's fields as JSON: the inspector edits a state as its ASL
// object and commits the whole object; top-level fields are set one key at a time.
#include "core/asl/StateMachine.h"
#include "core/asl/StatePath.h"
#include "core/common/Json.h"
#include "core/common/Result.h"

#include <optional>
#include <string>
#include <string_view>

namespace stepwise::asl::edits {

// One state as the JSON object written under "States" (key order and unknown fields kept).
Json stateToJson(const State &state);
// The state `name` read from its JSON object. Fails only when no model is possible (the value
// is not an object, a branch is not an object, ...); merely invalid content is kept.
Result<State, std::string> stateFromJson(const std::string &name, const Json &json);

// Replaces the state at `path` by `state` (same name; the inspector's commits).
Result<bool, std::string> replaceState(StateMachine &root, const StatePath &path, State state);

// Sets one field of the top-level machine (StartAt, Comment, QueryLanguage, TimeoutSeconds,
// Version); nullopt removes it. "States" cannot be set this way.
Result<bool, std::string> setMachineField(StateMachine &machine, std::string_view key,
                                          const std::optional<Json> &value);

// The top-level keys whose values differ between two JSON objects, in `after`'s order, then
// the removed ones (names an inspector edit: "Change Retry of 'Pay'").
std::vector<std::string> changedKeys(const Json &before, const Json &after);

} // namespace stepwise::asl::edits
