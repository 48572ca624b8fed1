#pragma once
// One execution-history event in AWS's GetExecutionHistory model (ASL spec §9).
#include "core/common/Json.h"
#include "core/engine/EventName.h"

#include <cstdint>
#include <string>

namespace stepwise::engine {

struct HistoryEvent
{
    std::int64_t id = 0;              // 1, 2, 3, ... over the whole execution
    std::int64_t previousEventId = 0; // spec §9.4
    std::int64_t timestampMs = 0;     // from the execution's clock
    EventName type;                   // e.g. "PassStateEntered", "TaskScheduled"
    EventName detailsKey;             // e.g. "stateEnteredEventDetails"; empty when no details
    Json details;                     // AWS shape: input/output/parameters are JSON *texts*
    // Where the event happened, for viewers: the state's name (empty for execution-level
    // events) and its scope, e.g. "" (top level), "Par/0" (branch 0 of Parallel state "Par"),
    // "Map/3" (iteration 3 of Map state "Map"); nested scopes join with '/'.
    std::string stateName;
    std::string scope;
};

} // namespace stepwise::engine
