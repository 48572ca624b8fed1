// Parallel state (ASL spec §1.6 Parallel, §2.1, §4.3; history §9.3/§9.4): every branch gets the
// effective input; the result is the array of branch outputs in declaration order; the first
// failing branch stops the others and fails the state with its own error.
#include "core/engine/ContainerSupport.h"
#include "core/engine/DataFlow.h"
#include "core/engine/JsonataFlow.h"
#include "core/engine/Redrive.h"
#include "core/engine/RetryCatch.h"

#include <utility>

namespace stepwise::engine {

namespace {

// The input every branch receives: JSONata Arguments (default $states.input, spec §3.2), or
// JSONPath InputPath → Parameters.
Eval<Json> branchInput(ExecutionImpl &rt, Thread &thread, const asl::ParallelState &state)
{
    if (isJsonata(rt, thread)) {
        if (!state.arguments)
            return thread.rawInput;
        return evalJsonata(rt, thread, *state.arguments, "Arguments", jsonataRootsOf(thread));
    }
    auto effective = applyFilterPath(rt, thread, state.inputPath, thread.rawInput);
    if (!effective.hasValue())
        return effective;
    if (!state.parameters)
        return effective;
    return evalTemplate(rt, thread, *state.parameters, rootsOf(thread, effective.value()));
}

} // namespace

void runParallel(ExecutionImpl &rt, Thread &thread, const asl::ParallelState &state)
{
    // Redrive (spec §13.2): branches that succeeded keep their output, the others resume.
    const std::optional<ContainerRun> redriven = std::exchange(thread.redrivenRun, std::nullopt);
    auto input = branchInput(rt, thread, state);
    if (!input.hasValue()) {
        if (input.error().evaluationFailed)
            return failContainerJsonata(rt, thread, input.error(), true);
        return rt.fail(thread, input.error());
    }
    Json payload = std::move(input).value();
    const std::int64_t started = rt.emit(&thread, "ParallelStateStarted");
    static const std::vector<asl::StateMachine> noBranches;
    const auto &branches = state.branches ? *state.branches : noBranches;
    thread.container = ContainerRun{};
    thread.container.results.assign(branches.size(), Json());
    thread.phase = 1;
    if (branches.empty()) {
        rt.emit(&thread, "ParallelStateSucceeded");
        return completeContainer(rt, thread, state, state.resultSelector, state.resultPath,
                                 Json(Json::value_t::array));
    }
    thread.waitingChildren = true;
    ContainerRun &run = thread.container;
    for (std::size_t i = 0; i < branches.size(); ++i) {
        if (redriven && i < redriven->children.size()) {
            Thread &old = *rt.threads[redriven->children[i]];
            run.children.push_back(old.index);
            if (old.status == Thread::Status::Succeeded) {
                run.results[i] = old.result;
                ++run.finished;
                continue;
            }
            ++run.running;
            resumeThread(rt, old, started);
            continue;
        }
        Thread &child = rt.spawn(branches[i], childScope(thread, i), payload, thread.vars,
                                 thread.index, i);
        child.lastEventId = started;
        run.children.push_back(child.index);
        ++run.running;
    }
    if (run.finished < branches.size())
        return;
    // Every branch had succeeded before the redrive: the state failed after them.
    thread.waitingChildren = false;
    rt.emit(&thread, "ParallelStateSucceeded", {}, nullptr, started);
    completeContainer(rt, thread, state, state.resultSelector, state.resultPath,
                      Json(run.results));
}

// Spec §9.4: ParallelStateSucceeded / Failed point to the last event of the branch that ended
// the state, and so does the Exited event on success.
void parallelChildFinished(ExecutionImpl &rt, Thread &thread, Thread &child)
{
    ContainerRun &run = thread.container;
    --run.running;
    if (run.failure)
        return;
    const auto &state = std::get<asl::ParallelState>(*thread.state);
    if (child.status == Thread::Status::Failed) {
        run.failure = child.error;
        const std::int64_t failingEvent = child.lastEventId;
        // AWS cancels every branch, the failing one included: a Task that failed there never
        // exited, so it is recorded as aborted too (states_variables_error_output/
        // parallel_catch_error__*: TaskFailed, then TaskStateAborted in the same branch).
        if (child.state && asl::stateType(*child.state) == asl::StateType::Task)
            rt.emit(&child, "TaskStateAborted");
        for (std::size_t index : run.children)
            rt.abortThread(*rt.threads[index]);
        thread.waitingChildren = false;
        thread.lastEventId = failingEvent;
        return handleStateError(rt, thread, state.retry, state.catchers, child.error, [&] {
            rt.emit(&thread, "ParallelStateFailed", {}, nullptr, failingEvent);
        });
    }
    run.results[child.slot] = child.result;
    if (++run.finished < run.children.size())
        return;
    thread.waitingChildren = false;
    const std::int64_t last = child.lastEventId;
    rt.emit(&thread, "ParallelStateSucceeded", {}, nullptr, last);
    thread.lastEventId = last;
    completeContainer(rt, thread, state, state.resultSelector, state.resultPath,
                      Json(run.results));
}

} // namespace stepwise::engine
