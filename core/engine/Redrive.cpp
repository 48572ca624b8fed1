// RedriveExecution (ASL spec §13.2, Appendix A16). The history, the threads and their variable
// scopes stay as the run left them; redrive re-enters each unsuccessful state from there.
#include "core/engine/Redrive.h"

#include "core/engine/DataFlow.h"

#include <algorithm>

namespace stepwise::engine {
namespace {

// Spec §4.4: a resumed branch / iteration scope counts against the execution's variable limit
// again (releaseScope stopped counting it when the thread ended).
void reacquireScope(ExecutionImpl &rt, Thread &thread)
{
    if (!thread.parent || !thread.vars || thread.vars->bytes > 0)
        return;
    Scope &scope = *thread.vars;
    for (auto it = scope.vars.begin(); it != scope.vars.end(); ++it) {
        const std::size_t size = compact(it.value()).size();
        scope.sizes[it.key()] = size;
        scope.bytes += size;
    }
    rt.variableBytes += scope.bytes;
}

// The input text the state's first Entered event showed, so the re-entry repeats it verbatim.
std::string originalInputText(const ExecutionImpl &rt, const Thread &thread)
{
    const auto id = thread.enteredEventId;
    if (id <= 0 || static_cast<std::size_t>(id) > rt.history.size())
        return {};
    const HistoryEvent &entered = rt.history.at(static_cast<std::size_t>(id - 1));
    const auto input = entered.details.find("input");
    return input != entered.details.end() && input->is_string() ? input->get<std::string>()
                                                                : std::string();
}

} // namespace

std::optional<std::string> redriveRefusal(const ExecutionImpl &rt)
{
    if (rt.options.express)
        return "ExecutionNotRedrivable: EXPRESS executions cannot be redriven; only STANDARD "
               "executions can.";
    if (rt.status == ExecutionStatus::Running)
        return "ExecutionNotRedrivable: the execution is still RUNNING; only FAILED, TIMED_OUT or "
               "ABORTED executions can be redriven.";
    if (rt.status == ExecutionStatus::Succeeded)
        return "ExecutionNotRedrivable: the execution SUCCEEDED; only FAILED, TIMED_OUT or "
               "ABORTED executions can be redriven.";
    // Room for ExecutionRedriven plus at least one more event (spec §13.2).
    if (rt.options.maxHistoryEvents > 0 && rt.history.size() + 1 >= rt.options.maxHistoryEvents)
        return "ExecutionNotRedrivable: the execution history has " +
               std::to_string(rt.history.size()) + " events; redrive needs fewer than " +
               std::to_string(rt.options.maxHistoryEvents - 1) + ".";
    if (rt.threads.empty())
        return "ExecutionNotRedrivable: the execution never started a state.";
    return std::nullopt;
}

void resumeThread(ExecutionImpl &rt, Thread &thread, std::int64_t previous)
{
    if (thread.status != Thread::Status::Failed && thread.status != Thread::Status::Aborted)
        return;
    if (!thread.pendingState && !thread.state)
        return; // failed before its first state existed: nothing to re-enter
    thread.status = Thread::Status::Running;
    thread.error = StateError{};
    thread.lastEventId = previous;
    thread.waitingChildren = false;
    thread.wakeAtMs = 0;
    reacquireScope(rt, thread);
    const auto at = std::lower_bound(rt.live.begin(), rt.live.end(), thread.index);
    if (at == rt.live.end() || *at != thread.index)
        rt.live.insert(at, thread.index);
    if (thread.pendingState)
        return; // stopped between two states: it enters the next one as it would have
    // Retry counters start again (A16): enterState resets them on the re-entry.
    if (asl::isContainer(*thread.state) && !thread.container.results.empty())
        thread.redrivenRun = std::move(thread.container);
    thread.pendingState = asl::common(*thread.state).name;
    thread.pendingInputText = originalInputText(rt, thread);
    // The recorded input, not rawInput: a Pass merges its result into its raw input in place,
    // so after an exit that failed (a result over the payload limit) rawInput is not it anymore.
    Json recorded = Json::parse(thread.pendingInputText, nullptr, false);
    thread.pendingInput = recorded.is_discarded() ? thread.rawInput : std::move(recorded);
    thread.pendingInputIndex.clear();
    thread.pendingInputTextCompact = thread.inputTextCompact;
}

void redriveExecution(ExecutionImpl &rt)
{
    ++rt.redriveCount;
    const std::int64_t now = rt.clock->nowMs();
    rt.redriveTimeText = formatIsoTime(now);
    const std::int64_t terminal = rt.history.empty() ? 0 : rt.history.back().id;
    const std::int64_t redriven =
        rt.emitExecution("ExecutionRedriven", "executionRedrivenEventDetails",
                         Json{{"redriveCount", rt.redriveCount}}, terminal);
    rt.status = ExecutionStatus::Running;
    rt.error.reset();
    rt.cause.reset();
    rt.output = nullptr;
    // TimeoutSeconds counts again from the redrive; without it the one-year limit of the
    // original start stays (spec §13.2 "maximum open time").
    if (rt.machine.timeoutSeconds && rt.machine.timeoutSeconds->is_number_integer())
        rt.deadlineMs = now + rt.machine.timeoutSeconds->get<std::int64_t>() * 1000;
    resumeThread(rt, *rt.threads.front(), redriven);
}

} // namespace stepwise::engine
