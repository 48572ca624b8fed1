#pragma once
// A read-only picture of an execution after its first n history events: a fold over the events,
// so the debugger can travel in time without re-running anything (ASL spec §9).
#include "core/engine/Execution.h"

#include <cstddef>
#include <string>
#include <vector>

namespace stepwise::engine {

enum class StateRunStatus { Running, Succeeded, Failed, Aborted };

// One visit of one state (a state entered twice, e.g. in a loop, has two visits).
struct StateVisitView
{
    std::string stateName;
    std::string scope;        // as HistoryEvent::scope
    StateRunStatus status = StateRunStatus::Running;
    Json input;               // parsed from the Entered event
    Json output;              // parsed from the Exited event; null until then
    std::int64_t enteredEventId = 0;
    int retries = 0;          // attempts restarted after a failure
};

struct ExecutionView
{
    ExecutionStatus status = ExecutionStatus::Running;
    std::size_t eventCount = 0;         // how many events were folded
    std::vector<StateVisitView> visits; // in entry order

    // The most recent visit of `stateName` in `scope`, or nullptr.
    const StateVisitView *latest(const std::string &stateName, const std::string &scope = {}) const;
    // Visits still running (the active states).
    std::vector<const StateVisitView *> active() const;
};

// Folds events [0, n) of `history` (n is clamped to the history size).
ExecutionView viewAt(const ExecutionHistory &history, std::size_t n);

} // namespace stepwise::engine
