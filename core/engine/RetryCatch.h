#pragma once
// Retry and Catch (ASL spec §7.2, §7.3) for Task, Parallel and Map states.
#include "core/asl/ErrorHandling.h"
#include "core/engine/Runtime.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace stepwise::engine {

// Whether `errorName` is matched by an ErrorEquals list (spec §7.1: States.ALL matches all but
// States.Runtime; States.TaskFailed matches all but States.Timeout and States.Runtime).
bool errorMatches(const std::vector<std::string> &errorEquals, const std::string &errorName);

// The delay before retry number `attempt` (0-based) of `retrier`, in milliseconds, before
// jitter (spec §7.2 step 3).
std::int64_t retryDelayMs(const asl::Retrier &retrier, int attempt);

// Handles a failed attempt of the thread's current state: schedules a retry (the executor
// restarts at phase 0), exits through the first matching catcher, or fails the thread.
// `beforeFinal` runs once no retry is scheduled, before catching or failing (containers emit
// their ...StateFailed event there: AWS records none before a retry).
void handleStateError(ExecutionImpl &rt, Thread &thread,
                      const std::optional<std::vector<asl::Retrier>> &retriers,
                      const std::optional<std::vector<asl::Catcher>> &catchers,
                      StateError failure, const std::function<void()> &beforeFinal = {});

} // namespace stepwise::engine
