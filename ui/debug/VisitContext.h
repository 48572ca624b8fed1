#pragma once
// What a state saw when it was entered, rebuilt from the history alone (ASL spec §2.5, §4.3):
// its raw input, the context object ($$ / $states.context) and the variables in its scope. The
// JSONata preview evaluates expressions against this, so it must hold for replays too.
#include "core/common/Json.h"
#include "core/engine/ExecutionHistory.h"

#include <optional>
#include <string>

namespace stepwise::ui {

class VariableScopes;

struct VisitContext
{
    Json input;     // the Entered event's input
    Json context;   // Execution.*, State.*, StateMachine.*
    Json variables; // name → value, as of the state's entry, outer scopes included
};

// ARNs the history does not record; empty when unknown (an imported run).
struct RunIdentity
{
    std::string executionArn;
    std::string stateMachineArn;
};

// The JSON text an event's details hold under `key` (input, output, parameters...), parsed;
// nullopt when absent or not valid JSON.
std::optional<Json> detailsJson(const Json &details, const char *key);

// Retries made in the visit whose Entered event is at `entered`, as of `cursor`: a Scheduled /
// Parallel or Map start after a failed attempt (spec §2.5 State.RetryCount).
int retriesOf(const engine::ExecutionHistory &history, std::size_t entered, std::size_t cursor);

// The latest visit of `stateName` (any scope) entered at or before history index `cursor`.
// `variables` folds `history` (kept between calls on the same history, it makes them cheap).
std::optional<VisitContext> visitContextAt(const engine::ExecutionHistory &history, int cursor,
                                           const std::string &stateName,
                                           const RunIdentity &identity, VariableScopes &variables);

// The same for the visit whose Entered event is at `enteredIndex` (a valid index), as of
// `cursor` (State.RetryCount counts the retries made up to there).
VisitContext visitContextOfEntry(const engine::ExecutionHistory &history, std::size_t enteredIndex,
                                 std::size_t cursor, const RunIdentity &identity,
                                 VariableScopes &variables);

} // namespace stepwise::ui
