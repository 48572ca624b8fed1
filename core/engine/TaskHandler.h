#pragma once
// The one interface through which a Task state reaches the outside world (ASL spec §11, §12).
// A run chooses its handlers (mock config, local commands, ...); the engine sees only this.
#include "core/common/Json.h"
#include "core/common/Lazy.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace stepwise::engine {

struct TaskRequest
{
    std::string stateName;
    std::string resource;     // the Task's Resource ARN as written
    Json payload;             // effective parameters: after Parameters (JSONPath) / Arguments (JSONata)
    std::optional<std::int64_t> timeoutSeconds;   // resolved TimeoutSeconds(Path), if any
    std::optional<std::int64_t> heartbeatSeconds; // resolved HeartbeatSeconds(Path), if any
    int retryCount = 0;       // retries already made in this state visit
    std::optional<std::string> credentialsRoleArn; // resolved Credentials.RoleArn, if any
    // The context object as the state sees it (spec §2.5). Lazy: it holds a copy of the
    // execution input and almost no handler reads it, so it is built on first read.
    Lazy<Json> context;
};

// The result of one invocation: a value, or an error with optional name and cause.
struct TaskOutcome
{
    bool succeeded = false;
    Json result;                      // when succeeded
    std::optional<std::string> error; // when failed; absent members stay absent in history
    std::optional<std::string> cause;
    // How long the invocation took, when the handler knows (e.g. a scripted duration). The
    // engine advances its clock by it and turns an attempt longer than TimeoutSeconds (or,
    // without heartbeats, HeartbeatSeconds) into States.Timeout (spec §8.2).
    std::optional<std::int64_t> durationMs;

    static TaskOutcome success(Json value)
    {
        TaskOutcome outcome;
        outcome.succeeded = true;
        outcome.result = std::move(value);
        return outcome;
    }
    static TaskOutcome failure(std::optional<std::string> error, std::optional<std::string> cause)
    {
        TaskOutcome outcome;
        outcome.error = std::move(error);
        outcome.cause = std::move(cause);
        return outcome;
    }
};

class TaskHandler
{
public:
    virtual ~TaskHandler() = default;

    // Whether this handler takes the request; a chain asks each handler in turn.
    virtual bool handles(const TaskRequest &request) const = 0;
    virtual TaskOutcome invoke(const TaskRequest &request) = 0;
    // Thread-safe: while on, a running invoke() returns as soon as it can and later ones at once
    // (StopExecution from a debugger on another thread, issue 5); the engine discards what they
    // return. Handlers that never block need not care.
    virtual void setCancelled(bool /*on*/) {}
};

} // namespace stepwise::engine
