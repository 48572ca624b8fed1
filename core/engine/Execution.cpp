// One execution: construction, the deterministic scheduler and the public API (ASL spec §9,
// §8.3). Threads run in creation order: the first runnable thread advances one step, so a
// branch or iteration runs until it blocks or ends before the next one moves.
#include "core/engine/Execution.h"

#include "core/engine/DataFlow.h"
#include "core/engine/Redrive.h"

#include <atomic>
#include <limits>
#include <mutex>

namespace stepwise::engine {

// What another thread asked of a running execution (issue 5: the debugger's worker thread).
struct StopControl
{
    std::atomic<bool> interrupted{false};
    std::atomic<bool> abortRequested{false};
    std::mutex mutex; // guards error and cause
    std::string error;
    std::string cause;
};

namespace {

// A requested StopExecution, carried out on the thread that runs the execution.
void abortAsRequested(ExecutionImpl &rt, StopControl &stop)
{
    std::string error;
    std::string cause;
    {
        std::lock_guard lock(stop.mutex);
        error = stop.error;
        cause = stop.cause;
    }
    rt.abortExecution(error.empty() ? std::nullopt : std::optional(std::move(error)),
                      cause.empty() ? std::nullopt : std::optional(std::move(cause)));
}

// Before each scheduling step: a requested abort happens now, an interrupt ends the loop.
bool mayStep(ExecutionImpl &rt, StopControl &stop)
{
    if (stop.abortRequested.load(std::memory_order_relaxed))
        abortAsRequested(rt, stop);
    return !rt.finished() && !stop.interrupted.load(std::memory_order_relaxed);
}

// Aborts the execution as soon as a cancelled Task returns, before the engine records its
// result: AWS records TaskStateAborted for a Task running at StopExecution, never its outcome
// (spec §9.3); the engine records nothing once the execution has finished.
class StopAwareHandler final : public TaskHandler
{
public:
    StopAwareHandler(std::shared_ptr<TaskHandler> inner, ExecutionImpl &rt, StopControl &stop)
        : m_inner(std::move(inner)), m_rt(rt), m_stop(stop)
    {
    }
    bool handles(const TaskRequest &request) const override { return m_inner->handles(request); }
    TaskOutcome invoke(const TaskRequest &request) override
    {
        TaskOutcome outcome = m_inner->invoke(request);
        if (m_stop.abortRequested.load())
            abortAsRequested(m_rt, m_stop);
        return outcome;
    }
    void setCancelled(bool on) override { m_inner->setCancelled(on); }

private:
    std::shared_ptr<TaskHandler> m_inner;
    ExecutionImpl &m_rt;
    StopControl &m_stop;
};

} // namespace

const char *statusName(ExecutionStatus status)
{
    switch (status) {
    case ExecutionStatus::Running:
        return "RUNNING";
    case ExecutionStatus::Succeeded:
        return "SUCCEEDED";
    case ExecutionStatus::Failed:
        return "FAILED";
    case ExecutionStatus::TimedOut:
        return "TIMED_OUT";
    case ExecutionStatus::Aborted:
        return "ABORTED";
    }
    return "RUNNING";
}

ExecutionImpl::ExecutionImpl(std::shared_ptr<const MachinePlan> planValue, Json inputValue,
                             ExecutionOptions optionValues)
    : plan(std::move(planValue)), machine(plan->machine()), input(std::move(inputValue)),
      options(std::move(optionValues)), random(options.seed)
{
    if (options.clock == ClockMode::Real)
        clock = std::make_unique<RealClock>();
    else
        clock = std::make_unique<VirtualClock>(options.startTimeMs);
    executionName = options.executionName.empty() ? uuid() : options.executionName;
    const std::string prefix = "arn:aws:states:" + options.region + ":" + options.accountId + ":";
    stateMachineArn = prefix + "stateMachine:" + options.stateMachineName;
    // Spec §2.5: an EXPRESS execution ARN carries a third part, the execution's own id.
    executionArn = options.express ? prefix + "express:" + options.stateMachineName + ":"
                                         + executionName + ":" + uuid()
                                   : prefix + "execution:" + options.stateMachineName + ":"
                                         + executionName;
    roleArn = options.roleArn.empty()
                ? "arn:aws:iam::" + options.accountId + ":role/StepwiseExecutionRole"
                : options.roleArn;
    const std::int64_t start = clock->nowMs();
    startTimeText = formatIsoTime(start);
    if (machine.timeoutSeconds && machine.timeoutSeconds->is_number_integer())
        deadlineMs = start + machine.timeoutSeconds->get<std::int64_t>() * 1000;
    else // the type's hard limit: EXPRESS 5 minutes, STANDARD one year
        deadlineMs = start + (options.express ? 5LL * 60 : 365LL * 24 * 3600) * 1000;

    const std::string inputText = options.inputText.empty() ? compact(input) : options.inputText;
    emitExecution("ExecutionStarted", "executionStartedEventDetails",
                  Json{{"input", inputText},
                       {"inputDetails", {{"truncated", false}}},
                       {"roleArn", roleArn}},
                  0);
    auto top = std::make_unique<Thread>();
    top->machine = &machine;
    top->runtime = this;
    top->vars = std::make_shared<Scope>();
    top->pendingState = machine.startAt.value_or(std::string());
    top->pendingInput = input;
    threads.push_back(std::move(top));
    live.push_back(0);
}

void ExecutionImpl::advance(Thread &thread)
{
    if (thread.pendingState) {
        std::string name = std::move(*thread.pendingState);
        thread.pendingState.reset();
        enterState(thread, name, std::move(thread.pendingInput), thread.lastEventId);
        return;
    }
    std::visit(
        [&](const auto &state) {
            using T = std::decay_t<decltype(state)>;
            if constexpr (std::is_same_v<T, asl::PassState>)
                runPass(*this, thread, state);
            else if constexpr (std::is_same_v<T, asl::TaskState>)
                runTask(*this, thread, state);
            else if constexpr (std::is_same_v<T, asl::ChoiceState>)
                runChoice(*this, thread, state);
            else if constexpr (std::is_same_v<T, asl::WaitState>)
                runWait(*this, thread, state);
            else if constexpr (std::is_same_v<T, asl::SucceedState>)
                runSucceed(*this, thread, state);
            else if constexpr (std::is_same_v<T, asl::FailState>)
                runFail(*this, thread, state);
            else if constexpr (std::is_same_v<T, asl::ParallelState>)
                runParallel(*this, thread, state);
            else
                runMap(*this, thread, state);
        },
        *thread.state);
}

// One scheduling step (spec §8.3 execution timeout included). False once finished.
bool ExecutionImpl::stepOnce()
{
    if (finished())
        return false;
    if (deadlineMs && clock->nowMs() >= *deadlineMs) {
        timeOutExecution();
        return false;
    }
    std::int64_t earliest = std::numeric_limits<std::int64_t>::max();
    const std::int64_t now = clock->nowMs();
    // Ended threads met before the chosen one are dropped, so a long Map does not rescan its
    // finished iterations at every step.
    std::size_t kept = 0;
    for (std::size_t i = 0; i < live.size(); ++i) {
        Thread &thread = *threads[live[i]];
        if (thread.status != Thread::Status::Running)
            continue;
        live[kept++] = live[i];
        if (thread.isRunnable(now)) {
            if (kept != i + 1)
                live.erase(live.begin() + static_cast<std::ptrdiff_t>(kept),
                           live.begin() + static_cast<std::ptrdiff_t>(i + 1));
            advance(thread);
            return !finished();
        }
        if (!thread.waitingChildren)
            earliest = std::min(earliest, thread.wakeAtMs);
    }
    live.resize(kept);
    if (earliest == std::numeric_limits<std::int64_t>::max()) {
        error = "States.Runtime";
        cause = "The execution cannot make progress.";
        emitExecution("ExecutionFailed", "executionFailedEventDetails",
                      Json{{"error", *error}, {"cause", *cause}}, 0);
        status = ExecutionStatus::Failed;
        return false;
    }
    if (deadlineMs && earliest > *deadlineMs)
        earliest = *deadlineMs;
    clock->waitUntil(earliest);
    return true;
}

Execution::Execution(asl::StateMachine machine, Json input, ExecutionOptions options)
    : Execution(std::make_shared<const MachinePlan>(std::move(machine)), std::move(input),
                std::move(options))
{
}

Execution::Execution(std::shared_ptr<const MachinePlan> plan, Json input,
                     ExecutionOptions options)
    : m_impl(std::make_unique<ExecutionImpl>(std::move(plan), std::move(input),
                                             std::move(options))),
      m_stop(std::make_unique<StopControl>())
{
    for (auto &handler : m_impl->options.handlers)
        if (handler)
            handler = std::make_shared<StopAwareHandler>(std::move(handler), *m_impl, *m_stop);
}

Execution::Execution(Execution &&) noexcept = default;
Execution &Execution::operator=(Execution &&) noexcept = default;
Execution::~Execution() = default;

bool Execution::step()
{
    const std::size_t before = m_impl->history.size();
    while (mayStep(*m_impl, *m_stop) && m_impl->history.size() == before)
        m_impl->stepOnce();
    return !m_impl->finished();
}

bool Execution::stepState()
{
    std::size_t seen = m_impl->history.size();
    while (mayStep(*m_impl, *m_stop)) {
        m_impl->stepOnce();
        for (; seen < m_impl->history.size(); ++seen) {
            const std::string &type = m_impl->history.at(seen).type;
            if (type.ends_with("StateEntered") || type.ends_with("StateExited"))
                return !m_impl->finished();
        }
    }
    return false;
}

void Execution::runToEnd()
{
    while (mayStep(*m_impl, *m_stop) && m_impl->stepOnce()) {
    }
}

void Execution::runUntil(const std::function<bool(const HistoryEvent &)> &stop)
{
    std::size_t seen = m_impl->history.size();
    while (mayStep(*m_impl, *m_stop)) {
        m_impl->stepOnce();
        for (; seen < m_impl->history.size(); ++seen)
            if (stop(m_impl->history.at(seen)))
                return;
    }
}

void Execution::abort(std::string error, std::string cause)
{
    m_impl->abortExecution(error.empty() ? std::nullopt : std::optional(std::move(error)),
                           cause.empty() ? std::nullopt : std::optional(std::move(cause)));
}

void Execution::setInterrupted(bool on)
{
    m_stop->interrupted.store(on);
    m_impl->clock->setInterrupted(on || m_stop->abortRequested.load());
}

void Execution::requestAbort(std::string error, std::string cause)
{
    {
        std::lock_guard lock(m_stop->mutex);
        m_stop->error = std::move(error);
        m_stop->cause = std::move(cause);
    }
    m_stop->abortRequested.store(true);
    m_impl->clock->setInterrupted(true);
    for (const auto &handler : m_impl->options.handlers)
        if (handler)
            handler->setCancelled(true);
}

std::optional<std::string> Execution::redriveRefusal() const
{
    return engine::redriveRefusal(*m_impl);
}

Result<bool, std::string> Execution::redrive()
{
    if (auto refusal = engine::redriveRefusal(*m_impl))
        return unexpected(std::move(*refusal));
    // A stop requested of the previous attempt does not carry over to the redriven one.
    m_stop->abortRequested.store(false);
    m_stop->interrupted.store(false);
    m_impl->clock->setInterrupted(false);
    for (const auto &handler : m_impl->options.handlers)
        if (handler)
            handler->setCancelled(false);
    redriveExecution(*m_impl);
    return true;
}

int Execution::redriveCount() const { return m_impl->redriveCount; }

bool Execution::isFinished() const { return m_impl->finished(); }
ExecutionStatus Execution::status() const { return m_impl->status; }
const ExecutionHistory &Execution::history() const { return m_impl->history; }
ExecutionHistory &Execution::history() { return m_impl->history; }
const Json &Execution::input() const { return m_impl->input; }
const Json &Execution::output() const { return m_impl->output; }
const std::optional<std::string> &Execution::error() const { return m_impl->error; }
const std::optional<std::string> &Execution::cause() const { return m_impl->cause; }
std::size_t Execution::transitionCount() const { return m_impl->transitions; }
const std::string &Execution::executionArn() const { return m_impl->executionArn; }
const std::string &Execution::stateMachineArn() const { return m_impl->stateMachineArn; }

} // namespace stepwise::engine
