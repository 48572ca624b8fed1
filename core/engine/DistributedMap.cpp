// DISTRIBUTED Map without ItemReader (ASL spec §1.7, §9.3): items (or ItemBatcher batches)
// run as child executions; failures count against ToleratedFailureCount / Percentage.
#include "core/engine/ContainerSupport.h"
#include "core/engine/DataFlow.h"
#include "core/engine/MapSupport.h"
#include "core/engine/RetryCatch.h"

namespace stepwise::engine {
namespace {

// Absent thresholds do not apply; with neither given no failure is tolerated.
struct Tolerance
{
    std::optional<std::int64_t> count;
    std::optional<double> percentage;

    bool exceeded(std::int64_t failures, std::size_t total) const
    {
        if (!count && !percentage)
            return failures > 0;
        const double share = static_cast<double>(failures) * 100.0
                           / static_cast<double>(std::max<std::size_t>(1, total));
        return (count && failures > *count) || (percentage && share > *percentage);
    }
};

Eval<Tolerance> tolerance(ExecutionImpl &rt, const Thread &thread, const asl::MapState &state,
                          const Json &effective)
{
    auto count = mapNumberField(rt, thread, state.toleratedFailureCount,
                                state.toleratedFailureCountPath, "ToleratedFailureCountPath",
                                effective, true);
    if (!count.hasValue())
        return unexpected(rt.runtimeError(thread, count.error()));
    auto percentage = mapNumberField(rt, thread, state.toleratedFailurePercentage,
                                     state.toleratedFailurePercentagePath,
                                     "ToleratedFailurePercentagePath", effective, false);
    if (!percentage.hasValue())
        return unexpected(rt.runtimeError(thread, percentage.error()));
    Tolerance result;
    if (count.value())
        result.count = count.value()->get<std::int64_t>();
    if (percentage.value())
        result.percentage = percentage.value()->get<double>();
    if (result.count && *result.count < 0)
        return unexpected(rt.runtimeError(thread, "ToleratedFailureCount cannot be negative."));
    if (result.percentage && (*result.percentage < 0 || *result.percentage > 100))
        return unexpected(
            rt.runtimeError(thread, "ToleratedFailurePercentage must be between 0 and 100."));
    return result;
}

// ItemSelector per item, then ItemBatcher grouping (spec §1.7 ItemBatcher).
Eval<std::vector<Json>> childInputs(ExecutionImpl &rt, const Thread &thread,
                                    const asl::MapState &state, const Json &effective,
                                    const Json &items)
{
    std::vector<Json> selected;
    for (std::size_t i = 0; i < items.size(); ++i) {
        auto value = selectItem(rt, thread, state, effective, i, items[i]);
        if (!value.hasValue())
            return unexpected(value.error());
        selected.push_back(std::move(value).value());
    }
    if (!state.itemBatcher || !state.itemBatcher->is_object())
        return selected;
    const Json &batcher = *state.itemBatcher;
    std::optional<Json> perBatchLiteral;
    if (batcher.contains("MaxItemsPerBatch"))
        perBatchLiteral = batcher["MaxItemsPerBatch"];
    std::optional<std::string> perBatchPath;
    if (batcher.contains("MaxItemsPerBatchPath") && batcher["MaxItemsPerBatchPath"].is_string())
        perBatchPath = batcher["MaxItemsPerBatchPath"].get<std::string>();
    auto perBatch = mapNumberField(rt, thread, perBatchLiteral, perBatchPath,
                                   "MaxItemsPerBatchPath", effective, true);
    if (!perBatch.hasValue())
        return unexpected(rt.runtimeError(thread, perBatch.error()));
    std::size_t size = selected.size();
    if (perBatch.value() && perBatch.value()->get<std::int64_t>() > 0)
        size = static_cast<std::size_t>(perBatch.value()->get<std::int64_t>());
    std::optional<Json> batchInput;
    if (batcher.contains("BatchInput")) {
        auto value = evalTemplate(rt, thread, batcher["BatchInput"], rootsOf(thread, effective));
        if (!value.hasValue())
            return unexpected(value.error());
        batchInput = std::move(value).value();
    }
    std::vector<Json> batches;
    for (std::size_t start = 0; start < selected.size(); start += size) {
        Json batch = Json::object();
        batch["Items"] = Json::array();
        for (std::size_t i = start; i < std::min(selected.size(), start + size); ++i)
            batch["Items"].push_back(selected[i]);
        if (batchInput)
            batch["BatchInput"] = *batchInput;
        batches.push_back(std::move(batch));
    }
    return batches;
}

ExecutionOptions childOptions(ExecutionImpl &rt)
{
    ExecutionOptions options = rt.options;
    options.executionName.clear();
    options.inputText.clear();
    options.express = false;
    options.seed = rt.nextRandom();
    options.startTimeMs = rt.clock->nowMs();
    return options;
}

} // namespace

void runDistributedMap(ExecutionImpl &rt, Thread &thread, const asl::MapState &state,
                       const Json &effective, const Json &items)
{
    rt.emit(&thread, "MapStateStarted", "mapStateStartedEventDetails",
            Json{{"length", items.size()}});
    auto limits = tolerance(rt, thread, state, effective);
    if (!limits.hasValue())
        return rt.fail(thread, limits.error());
    auto inputs = childInputs(rt, thread, state, effective, items);
    if (!inputs.hasValue())
        return rt.fail(thread, inputs.error());
    const std::string label = state.label.value_or(rt.uuid());
    const std::string mapRunArn = "arn:aws:states:" + rt.options.region + ":"
                                + rt.options.accountId + ":mapRun:"
                                + rt.options.stateMachineName + "/" + label + ":" + rt.uuid();
    const std::int64_t runStarted = rt.emit(&thread, "MapRunStarted", "mapRunStartedEventDetails",
                                            Json{{"mapRunArn", mapRunArn}});
    Json results = Json::array();
    std::int64_t failures = 0;
    for (Json &childInput : inputs.value()) {
        Execution child(**state.itemProcessor, std::move(childInput), childOptions(rt));
        child.runToEnd();
        if (child.status() == ExecutionStatus::Succeeded) {
            results.push_back(child.output());
            continue;
        }
        ++failures;
        results.push_back(StateError{child.error(), child.cause(), false}.toJson());
    }
    if (limits.value().exceeded(failures, inputs.value().size())) {
        StateError failure{"States.ExceedToleratedFailureThreshold",
                           "The specified tolerated failure threshold was exceeded", false};
        const std::int64_t runFailed = rt.emit(
            &thread, "MapRunFailed", "mapRunFailedEventDetails",
            Json{{"error", *failure.error}, {"cause", *failure.cause}});
        auto emitFailed = [&] { rt.emit(&thread, "MapStateFailed", {}, nullptr, runFailed); };
        return handleStateError(rt, thread, state.retry, state.catchers, std::move(failure),
                                emitFailed);
    }
    // MapStateExited chains to MapRunStarted, as every recording since Nov 2024 shows (up to
    // Oct 2025). Recordings up to Jun 2024 chained it to MapRunSucceeded: AWS changed this in
    // between, and tests/conformance/DEVIATIONS.md lists those older recordings.
    rt.emit(&thread, "MapRunSucceeded");
    rt.emit(&thread, "MapStateSucceeded");
    thread.lastEventId = runStarted;
    completeContainer(rt, thread, state, state.resultSelector, state.resultPath,
                      std::move(results));
}

} // namespace stepwise::engine
