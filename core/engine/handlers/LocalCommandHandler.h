#pragma once
// Runs a local program for a Task (ASL spec §12.2): the bindings file, never the definition,
// names the program. The payload goes to stdin as JSON; stdout's JSON is the result.
#include "core/engine/TaskHandler.h"
#include "core/engine/handlers/LocalBindings.h"

namespace stepwise::engine {

class LocalCommandHandler : public TaskHandler
{
public:
    explicit LocalCommandHandler(LocalBindings bindings);

    // A Resource ARN binding, else a Lambda function binding (plain ARN or lambda:invoke).
    bool handles(const TaskRequest &request) const override;
    // lambda:invoke results are wrapped as AWS does; a non-zero exit fails the attempt with the
    // Error/Cause the program printed; a TimeoutSeconds overrun kills it (States.Timeout).
    TaskOutcome invoke(const TaskRequest &request) override;

private:
    const CommandBinding *bindingFor(const TaskRequest &request) const;

    LocalBindings m_bindings;
};

} // namespace stepwise::engine
