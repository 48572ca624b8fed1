#pragma once
// Steps shared by Parallel and Map (ASL spec §2.1): finishing with the ordered result array,
// and failing after a branch / iteration failed.
#include "core/engine/Runtime.h"

namespace stepwise::engine {

// Raw result array → ResultSelector → ResultPath → OutputPath; Assign reads the raw array.
void completeContainer(ExecutionImpl &rt, Thread &thread, const asl::StateCommon &common,
                       const std::optional<Json> &resultSelector,
                       const asl::PathField &resultPath, Json results);

// A JSONata failure of a Parallel / Map state (spec §3.6): EvaluationFailed, then Retry / Catch
// of the state. `emitFailed` adds <Type>StateFailed before a catch or the final failure.
void failContainerJsonata(ExecutionImpl &rt, Thread &thread, const StateError &error,
                          bool emitFailed);

// The scope name of child `slot` of the container state the thread is in: "Par/1".
std::string childScope(const Thread &thread, std::size_t slot);

} // namespace stepwise::engine
