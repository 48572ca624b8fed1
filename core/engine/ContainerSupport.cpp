// Completion of Parallel and Map states (ASL spec §2.1).
#include "core/engine/ContainerSupport.h"

#include "core/common/JsonDispose.h"

#include "core/engine/DataFlow.h"
#include "core/engine/JsonataFlow.h"
#include "core/engine/RetryCatch.h"

namespace stepwise::engine {

void failContainerJsonata(ExecutionImpl &rt, Thread &thread, const StateError &error,
                          bool emitFailed)
{
    reportEvaluationFailed(rt, thread, error);
    const bool parallelState = std::holds_alternative<asl::ParallelState>(*thread.state);
    const std::string failedEvent = parallelState ? "ParallelStateFailed" : "MapStateFailed";
    auto beforeFinal = [&] {
        if (emitFailed)
            rt.emit(&thread, failedEvent);
    };
    if (const auto *parallel = std::get_if<asl::ParallelState>(thread.state))
        return handleStateError(rt, thread, parallel->retry, parallel->catchers, error,
                                beforeFinal);
    const auto &map = std::get<asl::MapState>(*thread.state);
    handleStateError(rt, thread, map.retry, map.catchers, error, beforeFinal);
}

namespace {

// Spec §3.2: Assign and Output (default $states.result) over the result array.
void completeContainerJsonata(ExecutionImpl &rt, Thread &thread, const asl::StateCommon &common,
                              Json results)
{
    JsonataRoots roots = jsonataRootsOf(thread);
    roots.result = &results;
    Json assigned = Json(Json::value_t::object);
    if (common.assign) {
        auto values = evalJsonataAssign(rt, thread, *common.assign, "Assign", roots);
        if (!values.hasValue())
            return failContainerJsonata(rt, thread, values.error(), false);
        assigned = std::move(values).value();
    }
    Json output = results;
    if (common.output) {
        auto value = evalJsonata(rt, thread, *common.output, "Output", roots);
        if (!value.hasValue())
            return failContainerJsonata(rt, thread, value.error(), false);
        output = std::move(value).value();
    }
    rt.exitState(thread, std::move(output), nextOf(common), std::move(assigned));
}

} // namespace

void completeContainer(ExecutionImpl &rt, Thread &thread, const asl::StateCommon &common,
                       const std::optional<Json> &resultSelector,
                       const asl::PathField &resultPath, Json results)
{
    // Printed once: for the size limit, then (unless a ResultSelector replaces the results) as
    // the part of the output text that ResultPath writes into the input's text.
    std::string resultsText = compact(results);
    if (resultsText.size() > rt.options.maxPayloadBytes) {
        StateError error = rt.runtimeError(thread, "The state/task '" + common.name
                                                       + "' returned a result with a size "
                                                         "exceeding the maximum number of "
                                                         "bytes service limit.");
        error.error = "States.DataLimitExceeded";
        return rt.fail(thread, std::move(error));
    }
    if (isJsonata(rt, thread))
        return completeContainerJsonata(rt, thread, common, std::move(results));
    Json assigned = Json(Json::value_t::object);
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
        disposeJson(results); // a Map's thousands of results, freed without nlohmann's stacks
        results = std::move(selected).value();
        resultsText.clear();
    }
    const bool splices = common.outputPath.isAbsent() && splicesResult(rt, thread, resultPath);
    if (splices && !resultPath.isNull() && resultsText.empty())
        resultsText = compact(results);
    // Nothing reads the raw input after a successful ResultPath (what follows can only fail
    // with an uncatchable error, and a redrive re-enters from the Entered event), so the result
    // is merged into it in place.
    auto merged = applyResultPath(rt, thread, resultPath, std::move(thread.rawInput),
                                  std::move(results));
    if (!merged.hasValue())
        return rt.fail(thread, merged.error());
    auto output = takeFilterPath(rt, thread, common.outputPath, std::move(merged).value());
    if (!output.hasValue())
        return rt.fail(thread, output.error());
    MemberIndex outputIndex;
    std::string outputText =
        splices ? resultPathText(rt, thread, resultPath, resultsText, outputIndex) : std::string();
    rt.exitState(thread, std::move(output).value(), nextOf(common), std::move(assigned),
                 std::move(outputText), std::move(outputIndex));
}

std::string childScope(const Thread &thread, std::size_t slot)
{
    const std::string name = asl::common(*thread.state).name + "/" + std::to_string(slot);
    return thread.scope.empty() ? name : thread.scope + "/" + name;
}

} // namespace stepwise::engine
