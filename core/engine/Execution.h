#pragma once
// One run of a state machine in JSONPath mode (ASL spec §2, §4, §6-§9): a deterministic,
// event-sourced interpreter over an immutable copy of the machine. Clock, random source and task
// handlers are injected; the same machine + input + handlers + seed give the same events.
#include "core/asl/StateMachine.h"
#include "core/common/Json.h"
#include "core/common/Result.h"
#include "core/engine/Clock.h"
#include "core/engine/ExecutionHistory.h"
#include "core/engine/TaskHandler.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace stepwise::engine {

enum class ExecutionStatus { Running, Succeeded, Failed, TimedOut, Aborted };

// "RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED" (spec §13.1).
const char *statusName(ExecutionStatus status);

struct ExecutionOptions
{
    std::string stateMachineName = "StateMachine";
    std::string executionName; // empty: a UUID drawn from the seeded random source
    bool express = false;
    ClockMode clock = ClockMode::Virtual;
    std::int64_t startTimeMs = 1704067200000; // 2024-01-01T00:00:00Z (virtual clock start)
    std::uint64_t seed = 0;
    std::string region = "us-east-1";
    std::string accountId = "123456789012";
    std::string roleArn; // empty: arn:aws:iam::<account>:role/StepwiseExecutionRole
    // The execution input exactly as the caller wrote it; AWS echoes this text verbatim in
    // ExecutionStarted and the first state's Entered event. Empty: the compact dump of `input`.
    std::string inputText;
    // Asked in order; the first whose handles() is true runs the task. None → the Task fails
    // with error "Stepwise.NoTaskHandler".
    std::vector<std::shared_ptr<TaskHandler>> handlers;
    std::size_t maxPayloadBytes = 256 * 1024;
    std::size_t maxHistoryEvents = 25000;
};

class MachinePlan;    // MachinePlan.h: a machine prepared for many executions
struct ExecutionImpl; // private
struct StopControl;   // private: what another thread asked (interrupt, abort)

class Execution
{
public:
    Execution(asl::StateMachine machine, Json input, ExecutionOptions options = {});
    // An execution of a machine prepared once for many runs (the benchmark's repeats, a
    // debugger's restarts): what the plan worked out is not computed again.
    Execution(std::shared_ptr<const MachinePlan> plan, Json input, ExecutionOptions options = {});
    Execution(const Execution &) = delete;
    Execution &operator=(const Execution &) = delete;
    Execution(Execution &&) noexcept;
    Execution &operator=(Execution &&) noexcept;
    ~Execution();

    // Advance until at least one new history event is appended; false once finished.
    bool step();
    // Advance until a state is entered or exited (any scope) or the run ends; false once finished.
    bool stepState();
    void runToEnd();
    // Advance until `stop` returns true for a newly appended event, or the run ends.
    void runUntil(const std::function<bool(const HistoryEvent &)> &stop);
    // StopExecution: running states get ...StateAborted, then ExecutionAborted (spec §9.3).
    void abort(std::string error = {}, std::string cause = {});

    // Thread-safe controls for a driver that runs the execution on another thread (issue 5).
    // While interrupted, step(), stepState(), runUntil() and runToEnd() return at the next event
    // boundary (or at once from a real-clock wait, which resumes on the next call); clear it to
    // go on. isFinished() tells an interrupted return from the end.
    void setInterrupted(bool on);
    // StopExecution from another thread: interrupts a real-clock wait and cancels a running Task
    // (its program is killed); the thread running the execution then aborts it at once, so
    // neither the interrupted Wait's exit nor the cancelled Task's result is recorded. When no
    // thread is running it, the next step()/runUntil()/... call aborts it.
    void requestAbort(std::string error = {}, std::string cause = {});

    // Why AWS would refuse RedriveExecution now (ExecutionNotRedrivable: running, succeeded,
    // express, history too long); std::nullopt when redrive is allowed (spec §13.2).
    std::optional<std::string> redriveRefusal() const;
    // RedriveExecution: appends ExecutionRedriven {redriveCount}, re-enters the unsuccessful state
    // with its original input and entry-time variables, and sets status back to Running; the
    // caller then steps/runs as usual. Returns the refusal text when not redrivable.
    Result<bool, std::string> redrive(); // value true on success (core/common/Result.h)
    int redriveCount() const;

    bool isFinished() const;
    ExecutionStatus status() const;
    const ExecutionHistory &history() const;
    ExecutionHistory &history(); // for setObserver
    const Json &input() const;
    const Json &output() const; // null unless Succeeded
    const std::optional<std::string> &error() const;
    const std::optional<std::string> &cause() const;
    std::size_t transitionCount() const;
    const std::string &executionArn() const;
    const std::string &stateMachineArn() const;

private:
    std::unique_ptr<ExecutionImpl> m_impl;
    std::unique_ptr<StopControl> m_stop;
};

} // namespace stepwise::engine
