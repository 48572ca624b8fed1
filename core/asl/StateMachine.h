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
// Parallel or Map: a state that runs branches or iterations of its own.
bool isContainer(const State &state);
// Spec §1.3: the state's QueryLanguage, else the top level's (states in a Parallel or Map
// inherit the top level, not their container), else JSONPath.
QueryLanguage queryLanguageOf(const State &state, const StateMachine &root);
const char *typeName(StateType type);

} // namespace stepwise::asl
