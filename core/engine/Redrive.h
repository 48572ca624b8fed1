#pragma once
// RedriveExecution (ASL spec §13.2, Appendix A16): a FAILED, TIMED_OUT or ABORTED standard
// execution continues from its unsuccessful states in the same history.
#include "core/engine/Runtime.h"

#include <optional>
#include <string>

namespace stepwise::engine {

// AWS's reason to answer ExecutionNotRedrivable, or nullopt when redrive is allowed.
std::optional<std::string> redriveRefusal(const ExecutionImpl &rt);

// Appends ExecutionRedriven and makes the unsuccessful states runnable again. Call only when
// redriveRefusal() is nullopt.
void redriveExecution(ExecutionImpl &rt);

// Makes a failed or aborted thread runnable again from the state it stopped in, entered anew
// with its original input and variables; `previous` is the event its Entered event follows.
// A Parallel / Map state keeps its finished branches / iterations for the executor to reuse.
void resumeThread(ExecutionImpl &rt, Thread &thread, std::int64_t previous);

} // namespace stepwise::engine
