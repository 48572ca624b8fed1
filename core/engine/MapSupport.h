#pragma once
// Map-state pieces shared by the inline and distributed executors (ASL spec §1.7).
#include "core/engine/Runtime.h"

namespace stepwise::engine {

// An integer field given literally or through a reference path, as MaxConcurrency(Path) and
// ToleratedFailureCount(Path): the error is AWS's "The <Field>Path field refers to value ..."
// cause (without prefix).
Result<std::optional<Json>, std::string> mapNumberField(ExecutionImpl &rt, const Thread &thread,
                                                        const std::optional<Json> &literal,
                                                        const std::optional<std::string> &path,
                                                        const std::string &pathField,
                                                        const Json &effective, bool integer);

// ItemSelector (or legacy Parameters) for item `index`: `$` is the Map's effective input,
// `$$.Map.Item.{Index,Value}` the item (spec §1.7, §2.5). Absent → the item itself.
Eval<Json> selectItem(ExecutionImpl &rt, const Thread &thread, const asl::MapState &state,
                      const Json &effective, std::size_t index, const Json &item);

// A DISTRIBUTED Map: every item (or batch) runs as a child execution of its own; the parent
// history shows Map Run events only (spec §1.7, §9.3). `redriven`: the Map Run of the failed
// visit, whose unsuccessful children alone run again (MapRunRedriven, spec §13.2).
void runDistributedMap(ExecutionImpl &rt, Thread &thread, const asl::MapState &state,
                       const Json &effective, const Json &items,
                       const std::optional<ContainerRun> &redriven);

bool isDistributed(const asl::MapState &state);

} // namespace stepwise::engine
