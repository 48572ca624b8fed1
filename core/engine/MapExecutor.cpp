// Inline Map state (ASL spec §1.7, §2.1; history §9.3/§9.4). Iterations start in index order,
// at most MaxConcurrency at once; results are kept in item order.
#include "core/engine/ContainerSupport.h"
#include "core/engine/DataFlow.h"
#include "core/engine/EventDetails.h"
#include "core/engine/JsonataFlow.h"
#include "core/engine/MapSupport.h"
#include "core/engine/Redrive.h"
#include "core/engine/RetryCatch.h"

#include <algorithm>
#include <utility>

namespace stepwise::engine {
namespace {

// Event names, interned once (see EventName).
const EventName iterationStartedName("MapIterationStarted");
const EventName iterationStartedKey("mapIterationStartedEventDetails");
const EventName iterationSucceededName("MapIterationSucceeded");
const EventName iterationSucceededKey("mapIterationSucceededEventDetails");
const EventName iterationFailedName("MapIterationFailed");
const EventName iterationFailedKey("mapIterationFailedEventDetails");
const EventName iterationAbortedName("MapIterationAborted");
const EventName iterationAbortedKey("mapIterationAbortedEventDetails");

Json iterationDetails(const Thread &thread, std::size_t index)
{
    Json details = detailsObject(2);
    addMember(details, "name", asl::common(*thread.state).name);
    addMember(details, "index", index);
    return details;
}

// Starts iteration `index`; false when its ItemSelector failed (the thread has failed then).
bool startIteration(ExecutionImpl &rt, Thread &thread, const asl::MapState &state,
                    std::size_t index, std::int64_t previous)
{
    ContainerRun &run = thread.container;
    // Without a selector the item itself is the input: moved, as nothing reads it again.
    auto input = state.itemSelector || state.parameters
                   ? selectItem(rt, thread, state, thread.effectiveInput, index,
                                run.itemInputs[index])
                   : Eval<Json>(std::move(run.itemInputs[index]));
    if (!input.hasValue()) {
        for (std::size_t child : run.children)
            rt.abortThread(*rt.threads[child]);
        thread.waitingChildren = false;
        if (input.error().evaluationFailed)
            failContainerJsonata(rt, thread, input.error(), true);
        else
            rt.fail(thread, input.error());
        return false;
    }
    const std::int64_t started = rt.emit(&thread, iterationStartedName, iterationStartedKey,
                                         iterationDetails(thread, index), previous);
    Thread &child = rt.spawn(*state.itemProcessor.value(), childScope(thread, index),
                             std::move(input).value(), thread.vars, thread.index, index);
    child.lastEventId = started;
    run.children.push_back(child.index);
    ++run.running;
    return true;
}

// Redrive (spec §13.2): resumes the next unfinished iteration of the failed visit.
void resumeIteration(ExecutionImpl &rt, Thread &thread, std::int64_t previous)
{
    ContainerRun &run = thread.container;
    Thread &child = *rt.threads[run.resumeThreads[run.resumeNext++]];
    const std::int64_t started = rt.emit(&thread, iterationStartedName, iterationStartedKey,
                                         iterationDetails(thread, child.slot), previous);
    ++run.running;
    resumeThread(rt, child, started);
}

bool hasIterationToStart(const ContainerRun &run)
{
    return run.resumeNext < run.resumeThreads.size() || run.nextItem < run.itemInputs.size();
}

// Starts the next iteration: a redriven one first, then the next item in order. False when
// an ItemSelector failed (the thread has failed then).
bool startNextIteration(ExecutionImpl &rt, Thread &thread, const asl::MapState &state,
                        std::int64_t previous)
{
    ContainerRun &run = thread.container;
    if (run.resumeNext < run.resumeThreads.size()) {
        resumeIteration(rt, thread, previous);
        return true;
    }
    if (!startIteration(rt, thread, state, run.nextItem, previous))
        return false;
    ++run.nextItem; // only once started: a redrive starts a failed ItemSelector's item again
    return true;
}

// Redrive: iterations that succeeded keep their results; failed or aborted ones resume, in
// item order, before the items that never started.
void keepRedrivenIterations(ExecutionImpl &rt, ContainerRun &run, const ContainerRun &previous)
{
    std::vector<std::size_t> unfinished;
    for (std::size_t index : previous.children) {
        const Thread &old = *rt.threads[index];
        if (old.slot >= run.results.size())
            continue;
        run.children.push_back(index);
        if (old.status == Thread::Status::Succeeded) {
            run.results[old.slot] = old.result;
            ++run.finished;
        } else {
            unfinished.push_back(index);
        }
    }
    std::sort(unfinished.begin(), unfinished.end(), [&](std::size_t a, std::size_t b) {
        return rt.threads[a]->slot < rt.threads[b]->slot;
    });
    run.resumeThreads = std::move(unfinished);
    run.resumeNext = 0;
    run.nextItem = std::min(previous.nextItem, run.itemInputs.size());
}

// Spec §3.2: Items (an expression or an array with expressions), default $states.input.
Eval<Json> mapItemsJsonata(ExecutionImpl &rt, Thread &thread, const asl::MapState &state)
{
    if (!state.items) {
        if (!thread.rawInput.is_array())
            return unexpected(queryError(rt, thread, "Map state input must be an array but was: "
                                                         + compact(thread.rawInput)));
        return thread.rawInput;
    }
    auto items = evalJsonata(rt, thread, *state.items, "Items", jsonataRootsOf(thread));
    if (!items.hasValue() || items.value().is_array())
        return items;
    const Json &value = items.value();
    std::string text;
    isJsonataExpression(*state.items, &text);
    return unexpected(queryError(
        rt, thread,
        "The JSONata expression '" + text + "' specified for the field 'Items' returned an "
            "unexpected result type. Expected 'array', but was '"
            + std::string(value.is_null() ? "null" : value.type_name()) + "' for value: "
            + compact(value),
        "Items"));
}

Eval<Json> mapItems(ExecutionImpl &rt, Thread &thread, const asl::MapState &state,
                    const Json &effective)
{
    if (isJsonata(rt, thread))
        return mapItemsJsonata(rt, thread, state);
    if (!state.itemsPath.hasPath()) {
        if (!effective.is_array())
            return unexpected(rt.runtimeError(thread, "Map state input must be an array but was: "
                                                          + compact(effective)));
        return effective;
    }
    auto selected = readPath(rt, state.itemsPath.text, rootsOf(thread, effective));
    if (!selected.hasValue())
        return unexpected(rt.runtimeError(thread, "Invalid path '" + state.itemsPath.text
                                                      + "' : " + selected.error()));
    Json items = std::move(selected).value();
    if (!items.is_array())
        return unexpected(rt.runtimeError(thread, "Map state input must be an array but was: "
                                                      + compact(items)));
    return items;
}

// MaxConcurrency: JSONata literal or expression (spec §3.2), or JSONPath literal / path.
Eval<std::optional<Json>> mapConcurrency(ExecutionImpl &rt, Thread &thread,
                                         const asl::MapState &state)
{
    if (isJsonata(rt, thread)) {
        auto limit = evalJsonataInteger(rt, thread, state.maxConcurrency, "MaxConcurrency",
                                        jsonataRootsOf(thread), true);
        if (!limit.hasValue())
            return unexpected(limit.error());
        return limit.value() ? std::optional<Json>(Json(*limit.value())) : std::nullopt;
    }
    auto concurrency = mapNumberField(rt, thread, state.maxConcurrency, state.maxConcurrencyPath,
                                      "MaxConcurrencyPath", thread.effectiveInput, true);
    if (!concurrency.hasValue())
        return unexpected(rt.runtimeError(thread, concurrency.error()));
    return concurrency.value();
}

} // namespace

void runMap(ExecutionImpl &rt, Thread &thread, const asl::MapState &state)
{
    const std::optional<ContainerRun> redriven = std::exchange(thread.redrivenRun, std::nullopt);
    auto failMap = [&](const StateError &error) {
        if (error.evaluationFailed)
            return failContainerJsonata(rt, thread, error, true);
        rt.fail(thread, error);
    };
    if (isJsonata(rt, thread)) {
        thread.effectiveInput = thread.rawInput;
    } else {
        auto effective = applyFilterPath(rt, thread, state.inputPath, thread.rawInput);
        if (!effective.hasValue())
            return rt.fail(thread, effective.error());
        thread.effectiveInput = std::move(effective).value();
    }
    auto items = mapItems(rt, thread, state, thread.effectiveInput);
    if (!items.hasValue())
        return failMap(items.error());
    auto concurrency = mapConcurrency(rt, thread, state);
    if (!concurrency.hasValue())
        return failMap(concurrency.error());
    if (!state.itemProcessor)
        return rt.fail(thread, rt.runtimeError(thread, "The Map state has no ItemProcessor."));
    if (isDistributed(state))
        return runDistributedMap(rt, thread, state, thread.effectiveInput, items.value(),
                                 redriven);

    const std::size_t count = items.value().size();
    const std::int64_t started = rt.emit(&thread, "MapStateStarted",
                                         "mapStateStartedEventDetails", Json{{"length", count}});
    ContainerRun &run = thread.container;
    run = ContainerRun{};
    run.itemInputs = std::move(items.value().get_ref<Json::array_t &>()); // ours: a copy
    run.results.assign(count, Json());
    const auto &limit = concurrency.value();
    run.maxConcurrency = limit ? static_cast<std::size_t>(std::max<std::int64_t>(
                                     0, limit->get<std::int64_t>()))
                               : 0;
    thread.phase = 1;
    if (redriven && redriven->results.size() == count)
        keepRedrivenIterations(rt, run, *redriven);
    if (run.finished == count) { // no items, or all had succeeded before a redrive
        rt.emit(&thread, "MapStateSucceeded");
        thread.lastEventId = started;
        return completeContainer(rt, thread, state, state.resultSelector, state.resultPath,
                                 Json(std::move(run.results)));
    }
    thread.waitingChildren = true;
    while (hasIterationToStart(run)
           && (run.maxConcurrency == 0 || run.running < run.maxConcurrency))
        if (!startNextIteration(rt, thread, state, started))
            return;
}

// Spec §9.3/§9.4: iteration end events point to the iteration's last event; a freed slot
// starts the next item from that same event.
void mapChildFinished(ExecutionImpl &rt, Thread &thread, Thread &child)
{
    ContainerRun &run = thread.container;
    --run.running;
    if (run.failure)
        return;
    const auto &state = std::get<asl::MapState>(*thread.state);
    const std::int64_t lastInner = child.lastEventId;
    if (child.status == Thread::Status::Failed) {
        run.failure = child.error;
        rt.emit(&thread, iterationFailedName, iterationFailedKey,
                iterationDetails(thread, child.slot), lastInner);
        for (std::size_t index : run.children) {
            Thread &other = *rt.threads[index];
            if (other.status != Thread::Status::Running)
                continue;
            rt.abortThread(other);
            rt.emit(&thread, iterationAbortedName, iterationAbortedKey,
                    iterationDetails(thread, other.slot), other.lastEventId);
        }
        thread.waitingChildren = false;
        thread.lastEventId = lastInner;
        return handleStateError(rt, thread, state.retry, state.catchers, child.error, [&] {
            rt.emit(&thread, "MapStateFailed", {}, nullptr, lastInner);
        });
    }
    const std::int64_t succeeded = rt.emit(&thread, iterationSucceededName, iterationSucceededKey,
                                           iterationDetails(thread, child.slot), lastInner);
    run.results[child.slot] = child.result;
    ++run.finished;
    if (hasIterationToStart(run)) {
        startNextIteration(rt, thread, state, lastInner);
        return;
    }
    if (run.finished < run.itemInputs.size())
        return;
    thread.waitingChildren = false;
    rt.emit(&thread, "MapStateSucceeded", {}, nullptr, succeeded);
    thread.lastEventId = succeeded;
    completeContainer(rt, thread, state, state.resultSelector, state.resultPath,
                      Json(std::move(run.results)));
}

} // namespace stepwise::engine
