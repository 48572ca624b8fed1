// Completion of Parallel and Map states (ASL spec §2.1).
#include "core/engine/ContainerSupport.h"

#include "core/engine/DataFlow.h"

namespace stepwise::engine {

void completeContainer(ExecutionImpl &rt, Thread &thread, const asl::StateCommon &common,
                       const std::optional<Json> &resultSelector,
                       const asl::PathField &resultPath, Json results)
{
    if (payloadSize(results) > rt.options.maxPayloadBytes) {
        StateError error = rt.runtimeError(thread, "The state/task '" + common.name
                                                       + "' returned a result with a size "
                                                         "exceeding the maximum number of "
                                                         "bytes service limit.");
        error.error = "States.DataLimitExceeded";
        return rt.fail(thread, std::move(error));
    }
    Json assigned = Json::object();
    if (common.assign) {
        auto values = evalAssign(rt, thread, *common.assign, rootsOf(thread, results));
        if (!values.hasValue())
            return rt.fail(thread, values.error());
        assigned = std::move(values).value();
    }
    if (resultSelector) {
        auto selected = evalTemplate(rt, thread, *resultSelector, rootsOf(thread, results));
        if (!selected.hasValue())
            return rt.fail(thread, selected.error());
        results = std::move(selected).value();
    }
    auto merged = applyResultPath(rt, thread, resultPath, thread.rawInput, std::move(results));
    if (!merged.hasValue())
        return rt.fail(thread, merged.error());
    auto output = applyFilterPath(rt, thread, common.outputPath, merged.value());
    if (!output.hasValue())
        return rt.fail(thread, output.error());
    rt.exitState(thread, std::move(output).value(), nextOf(common), std::move(assigned));
}

std::string childScope(const Thread &thread, std::size_t slot)
{
    const std::string name = asl::common(*thread.state).name + "/" + std::to_string(slot);
    return thread.scope.empty() ? name : thread.scope + "/" + name;
}

} // namespace stepwise::engine
