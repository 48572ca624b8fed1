#pragma once
// The ASL document as a value: the top-level machine, or a nested one (a Parallel branch, a Map
// ItemProcessor / Iterator). States are kept in document order.
#include "core/asl/States.h"

#include <optional>
#include <string>
#include <vector>

namespace stepwise::asl {

struct StateMachine
{
    std::optional<std::string> comment;
    std::optional<std::string> startAt;
    std::optional<std::string> version;
    std::optional<Json> timeoutSeconds;
    std::optional<std::string> queryLanguage; // "JSONPath" | "JSONata" as written
    std::optional<Json> processorConfig;      // Map ItemProcessor only
    bool hasStates = false;                   // "States" present (possibly empty)
    std::vector<State> states;                // in document order
    ObjectMeta meta;

    const State *find(std::string_view name) const;
    State *find(std::string_view name);
};

// Convenience accessors shared by every state type.
const StateCommon &common(const State &state);
StateCommon &common(State &state);
StateType stateType(const State &state);
const char *typeName(StateType type);

} // namespace stepwise::asl
