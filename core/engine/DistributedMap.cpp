// DISTRIBUTED Map without ItemReader (ASL spec §1.7, §9.3): items (or ItemBatcher batches)
// run as child executions; failures count against ToleratedFailureCount / Percentage.
#include "core/engine/ContainerSupport.h"
#include "core/engine/DataFlow.h"
#include "core/engine/JsonataFlow.h"
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

// The two thresholds: JSONata literals or expressions, or JSONPath literals / ...Path fields.
struct Thresholds
{
    std::optional<Json> count;
    std::optional<Json> percentage;
};

Eval<Thresholds> thresholds(ExecutionImpl &rt, const Thread &thread, const asl::MapState &state,
                            const Json &effective)
{
    if (isJsonata(rt, thread)) {
        const JsonataRoots roots = jsonataRootsOf(thread);
        auto count = evalJsonataNumber(rt, thread, state.toleratedFailureCount,
                                       "ToleratedFailureCount", roots, true);
        if (!count.hasValue())
            return unexpected(count.error());
        auto percentage = evalJsonataNumber(rt, thread, state.toleratedFailurePercentage,
                                            "ToleratedFailurePercentage", roots, false);
        if (!percentage.hasValue())
            return unexpected(percentage.error());
        return Thresholds{count.value(), percentage.value()};
    }
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
    return Thresholds{count.value(), percentage.value()};
}

Eval<Tolerance> tolerance(ExecutionImpl &rt, const Thread &thread, const asl::MapState &state,
                          const Json &effective)
{
    auto values = thresholds(rt, thread, state, effective);
    if (!values.hasValue())
        return unexpected(values.error());
    const auto &count = values.value().count;
    const auto &percentage = values.value().percentage;
    Tolerance result;
    if (count)
        result.count = count->get<std::int64_t>();
    if (percentage)
        result.percentage = percentage->get<double>();
    if (result.count && *result.count < 0)
        return unexpected(rt.runtimeError(thread, "ToleratedFailureCount cannot be negative."));
    if (result.percentage && (*result.percentage < 0 || *result.percentage > 100))
        return unexpected(
            rt.runtimeError(thread, "ToleratedFailurePercentage must be between 0 and 100."));
    return result;
}

// ItemBatcher (spec §1.7): the batch limits and the BatchInput every batch carries.
struct BatchSettings
{
    std::size_t maxItems = 0; // 0: no item limit
    std::size_t maxBytes = 0; // 0: no size limit
    std::optional<Json> batchInput;
};

// A MaxItemsPerBatch / MaxInputBytesPerBatch limit: JSONata literal or expression, or JSONPath
// literal / ...Path field.
Eval<std::size_t> batchLimit(ExecutionImpl &rt, const Thread &thread, const Json &batcher,
                             const std::string &field, const Json &effective)
{
    std::optional<Json> literal;
    if (batcher.contains(field))
        literal = batcher[field];
    if (isJsonata(rt, thread)) {
        auto value = evalJsonataInteger(rt, thread, literal, "ItemBatcher/" + field,
                                        jsonataRootsOf(thread), false);
        if (!value.hasValue())
            return unexpected(value.error());
        return static_cast<std::size_t>(value.value().value_or(0));
    }
    std::optional<std::string> path;
    if (batcher.contains(field + "Path") && batcher[field + "Path"].is_string())
        path = batcher[field + "Path"].get<std::string>();
    auto value = mapNumberField(rt, thread, literal, path, field + "Path", effective, true);
    if (!value.hasValue())
        return unexpected(rt.runtimeError(thread, value.error()));
    if (!value.value())
        return std::size_t(0);
    const auto limit = value.value()->get<std::int64_t>();
    if (limit < 0)
        return unexpected(rt.runtimeError(thread, "The value of " + field
                                                      + " must be a positive integer: "
                                                      + std::to_string(limit)));
    return static_cast<std::size_t>(limit);
}

Eval<BatchSettings> batchSettings(ExecutionImpl &rt, const Thread &thread, const Json &batcher,
                                  const Json &effective)
{
    BatchSettings settings;
    auto items = batchLimit(rt, thread, batcher, "MaxItemsPerBatch", effective);
    if (!items.hasValue())
        return unexpected(items.error());
    settings.maxItems = items.value();
    auto bytes = batchLimit(rt, thread, batcher, "MaxInputBytesPerBatch", effective);
    if (!bytes.hasValue())
        return unexpected(bytes.error());
    settings.maxBytes = bytes.value();
    if (batcher.contains("BatchInput")) {
        auto value = isJsonata(rt, thread)
                         ? evalJsonata(rt, thread, batcher["BatchInput"], "ItemBatcher/BatchInput",
                                       jsonataRootsOf(thread))
                         : evalTemplate(rt, thread, batcher["BatchInput"],
                                        rootsOf(thread, effective));
        if (!value.hasValue())
            return unexpected(value.error());
        settings.batchInput = std::move(value).value();
    }
    return settings;
}

// Items in order, a new batch whenever the next item would pass either limit (every batch
// holds at least one item). Each child receives {"Items": [...], "BatchInput": ...}.
std::vector<Json> makeBatches(std::vector<Json> selected, const BatchSettings &settings)
{
    std::vector<Json> batches;
    Json batch;
    std::size_t bytes = 0;
    auto open = [&] {
        batch = Json(Json::value_t::object);
        batch["Items"] = Json(Json::value_t::array);
        if (settings.batchInput)
            batch["BatchInput"] = *settings.batchInput;
        bytes = compact(batch).size();
    };
    open();
    for (Json &item : selected) {
        const std::size_t itemBytes = compact(item).size();
        const auto separator = [&] { return batch["Items"].empty() ? 0 : 1; }; // the comma
        const bool full = (settings.maxItems > 0 && batch["Items"].size() >= settings.maxItems)
                          || (settings.maxBytes > 0
                              && bytes + itemBytes + separator() > settings.maxBytes);
        if (full && !batch["Items"].empty()) {
            batches.push_back(std::move(batch));
            open();
        }
        bytes += itemBytes + separator();
        batch["Items"].push_back(std::move(item));
    }
    if (!batch["Items"].empty())
        batches.push_back(std::move(batch));
    return batches;
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
    auto settings = batchSettings(rt, thread, *state.itemBatcher, effective);
    if (!settings.hasValue())
        return unexpected(settings.error());
    return makeBatches(std::move(selected), settings.value());
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
                       const Json &effective, const Json &items,
                       const std::optional<ContainerRun> &redriven)
{
    rt.emit(&thread, "MapStateStarted", "mapStateStartedEventDetails",
            Json{{"length", items.size()}});
    // A JSONata failure (spec §3.6) can be retried and caught; a JSONPath one is States.Runtime.
    auto failMap = [&](const StateError &error) {
        if (error.evaluationFailed)
            return failContainerJsonata(rt, thread, error, true);
        rt.fail(thread, error);
    };
    auto limits = tolerance(rt, thread, state, effective);
    if (!limits.hasValue())
        return failMap(limits.error());
    auto inputs = childInputs(rt, thread, state, effective, items);
    if (!inputs.hasValue())
        return failMap(inputs.error());
    ContainerRun &run = thread.container;
    std::int64_t runStarted = 0;
    if (redriven && !redriven->mapRunArn.empty()
        && redriven->childSucceeded.size() == inputs.value().size()) {
        // Spec §13.2: the same Map Run again; only its unsuccessful children run.
        run = *redriven;
        ++run.mapRunRedriveCount;
        runStarted = rt.emit(&thread, "MapRunRedriven", "mapRunRedrivenEventDetails",
                             Json{{"mapRunArn", run.mapRunArn},
                                  {"redriveCount", run.mapRunRedriveCount}});
    } else {
        const std::string label = state.label.value_or(rt.uuid());
        run = ContainerRun{};
        run.mapRunArn = "arn:aws:states:" + rt.options.region + ":" + rt.options.accountId
                      + ":mapRun:" + rt.options.stateMachineName + "/" + label + ":" + rt.uuid();
        run.results.assign(inputs.value().size(), Json());
        run.childSucceeded.assign(inputs.value().size(), false);
        runStarted = rt.emit(&thread, "MapRunStarted", "mapRunStartedEventDetails",
                             Json{{"mapRunArn", run.mapRunArn}});
    }
    std::int64_t failures = 0;
    for (std::size_t i = 0; i < inputs.value().size(); ++i) {
        if (run.childSucceeded[i])
            continue;
        Execution child(**state.itemProcessor, std::move(inputs.value()[i]), childOptions(rt));
        child.runToEnd();
        if (child.status() == ExecutionStatus::Succeeded) {
            run.results[i] = child.output();
            run.childSucceeded[i] = true;
            continue;
        }
        ++failures;
        run.results[i] = StateError{child.error(), child.cause(), false}.toJson();
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
                      Json(run.results));
}

} // namespace stepwise::engine
