#pragma once
// Runs a local program for a Task (ASL spec §12.2): the bindings file, never the definition,
// names the program. The payload goes to stdin as JSON; stdout's JSON is the result.
#include "core/engine/TaskHandler.h"
#include "core/engine/handlers/LocalBindings.h"

#include <atomic>
#include <cstddef>

namespace stepwise::engine {

// Bounds on a local program, so a hung or runaway one cannot freeze a run or fill memory.
struct LocalCommandLimits
{
    // Real-time limit when neither the Task (TimeoutSeconds) nor the binding sets one: AWS's
    // default (99999999 s) would let a hung program block the run forever. 900 s is Lambda's
    // longest timeout.
    double defaultTimeoutSeconds = 900;
    // stdout beyond this stops the program: 6 MiB is the most a Lambda function may return.
    std::size_t maxOutputBytes = 6 * 1024 * 1024;
};

class LocalCommandHandler : public TaskHandler
{
public:
    explicit LocalCommandHandler(LocalBindings bindings, LocalCommandLimits limits = {});

    // A Resource ARN binding, else a Lambda function binding (plain ARN or lambda:invoke).
    bool handles(const TaskRequest &request) const override;
    // lambda:invoke results are wrapped as AWS does; a non-zero exit fails the attempt with the
    // Error/Cause the program printed; a TimeoutSeconds overrun kills it (States.Timeout), as
    // does the default cap; printing more than maxOutputBytes kills it and fails the attempt.
    TaskOutcome invoke(const TaskRequest &request) override;
    // Kills the running program's process group within 50 ms.
    void setCancelled(bool on) override { m_cancelled.store(on); }

private:
    const CommandBinding *bindingFor(const TaskRequest &request) const;

    LocalBindings m_bindings;
    LocalCommandLimits m_limits;
    std::atomic<bool> m_cancelled{false};
};

} // namespace stepwise::engine
