// Local programs as Task implementations (ASL spec §7.4 error output, §12.2 result shapes).
#include "core/engine/handlers/LocalCommandHandler.h"

#include "core/engine/handlers/LambdaResource.h"
#include "core/engine/handlers/ProcessRunner.h"

#include <algorithm>

namespace stepwise::engine {
namespace {

constexpr std::size_t kStderrTail = 2000;

std::string trimmed(const std::string &text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// The whole text as JSON, else its last line that is a JSON object.
std::optional<Json> errorObject(const std::string &text)
{
    Json whole = Json::parse(text, nullptr, false);
    if (!whole.is_discarded() && whole.is_object())
        return whole;
    std::size_t end = text.size();
    while (end > 0) {
        const auto start = text.rfind('\n', end - 1);
        const std::size_t from = start == std::string::npos ? 0 : start + 1;
        Json line = Json::parse(trimmed(text.substr(from, end - from)), nullptr, false);
        if (!line.is_discarded() && line.is_object())
            return line;
        if (start == std::string::npos)
            break;
        end = start;
    }
    return std::nullopt;
}

std::optional<std::string> textMember(const Json &object, const char *first, const char *second)
{
    for (const char *key : {first, second}) {
        const auto found = object.find(key);
        if (found != object.end())
            return found->is_string() ? found->get<std::string>() : found->dump();
    }
    return std::nullopt;
}

// Lambda's function-error shape: Cause = compact JSON of the error object (§7.4).
TaskOutcome lambdaFailure(const Json &reported)
{
    Json cause = Json::object();
    cause["errorMessage"] = reported.value("errorMessage", Json(""));
    cause["errorType"] = reported.at("errorType");
    cause["requestId"] = reported.value("requestId", Json(randomUuid()));
    cause["stackTrace"] = reported.value("stackTrace", Json::array());
    const Json &type = reported.at("errorType");
    return TaskOutcome::failure(type.is_string() ? type.get<std::string>() : type.dump(),
                                cause.dump());
}

TaskOutcome processFailure(const ProcessResult &run, bool isLambda)
{
    for (const std::string *stream : {&run.out, &run.err}) {
        const auto reported = errorObject(*stream);
        if (!reported)
            continue;
        if (isLambda && reported->contains("errorType") && !reported->contains("Error"))
            return lambdaFailure(*reported);
        auto error = textMember(*reported, "Error", "errorType");
        auto cause = textMember(*reported, "Cause", "errorMessage");
        if (error || cause)
            return TaskOutcome::failure(std::move(error), std::move(cause));
    }
    const std::string how = run.signal ? "was killed by signal " + std::to_string(run.signal)
                                       : "exited with code " + std::to_string(run.exitCode);
    std::string tail = trimmed(run.err);
    if (tail.size() > kStderrTail)
        tail = "..." + tail.substr(tail.size() - kStderrTail);
    return TaskOutcome::failure(isLambda ? "Lambda.Unknown" : "States.TaskFailed",
                                "The local command " + how +
                                    (tail.empty() ? "." : ". stderr: " + tail));
}

Json stdinPayload(const TaskRequest &request)
{
    if (!isLambdaInvoke(request.resource))
        return request.payload;
    if (request.payload.is_object() && request.payload.contains("Payload"))
        return request.payload.at("Payload");
    return Json::object();
}

std::optional<double> effectiveTimeout(const TaskRequest &request, const CommandBinding &binding)
{
    std::optional<double> limit = binding.timeoutSeconds;
    if (request.timeoutSeconds) {
        const auto seconds = static_cast<double>(*request.timeoutSeconds);
        limit = limit ? std::min(*limit, seconds) : seconds;
    }
    return limit;
}

} // namespace

LocalCommandHandler::LocalCommandHandler(LocalBindings bindings, LocalCommandLimits limits)
    : m_bindings(std::move(bindings)), m_limits(limits)
{
}

const CommandBinding *LocalCommandHandler::bindingFor(const TaskRequest &request) const
{
    if (const auto found = m_bindings.resources.find(request.resource);
        found != m_bindings.resources.end())
        return &found->second;
    if (const auto name = requestedLambdaFunction(request)) {
        if (const auto found = m_bindings.functions.find(*name); found != m_bindings.functions.end())
            return &found->second;
    }
    return nullptr;
}

bool LocalCommandHandler::handles(const TaskRequest &request) const
{
    return bindingFor(request) != nullptr;
}

TaskOutcome LocalCommandHandler::invoke(const TaskRequest &request)
{
    const CommandBinding *binding = bindingFor(request);
    if (!binding)
        return TaskOutcome::failure("States.TaskFailed",
                                    "No local command is bound to '" + request.resource + "'.");
    ProcessSpec spec;
    spec.argv = binding->command;
    spec.workingDirectory = binding->workingDirectory;
    spec.env = binding->env;
    spec.stdinText = stdinPayload(request).dump();
    const std::optional<double> timeout = effectiveTimeout(request, *binding);
    spec.timeoutSeconds = timeout.value_or(m_limits.defaultTimeoutSeconds);
    spec.maxOutputBytes = m_limits.maxOutputBytes;
    spec.cancel = &m_cancelled;
    const ProcessResult run = runProcess(spec);
    const bool isLambda = requestedLambdaFunction(request).has_value();
    if (run.cancelled)
        return TaskOutcome::failure("States.TaskFailed", "The local command '"
                                                             + binding->command.front()
                                                             + "' was stopped with the execution.");
    if (!run.started)
        return TaskOutcome::failure(isLambda ? "Lambda.Unknown" : "States.TaskFailed",
                                    "The local command could not start: " + run.startError);
    if (run.timedOut && timeout)
        return TaskOutcome::failure("States.Timeout", std::nullopt);
    if (run.timedOut)
        return TaskOutcome::failure(
            "States.Timeout",
            "The local command '" + binding->command.front() + "' ran longer than "
                + std::to_string(static_cast<long long>(m_limits.defaultTimeoutSeconds))
                + " seconds, the limit for a Task without TimeoutSeconds, and was stopped. Set "
                  "TimeoutSeconds on the Task or in its binding to allow longer.");
    if (run.outputExceeded)
        return TaskOutcome::failure(
            isLambda ? "Lambda.Unknown" : "States.TaskFailed",
            "The local command '" + binding->command.front() + "' printed more than "
                + std::to_string(m_limits.maxOutputBytes)
                + " bytes on stdout and was stopped (a Lambda function may return at most 6 MiB).");
    if (run.exitCode != 0)
        return processFailure(run, isLambda);
    const std::string text = trimmed(run.out);
    Json result = text.empty() ? Json() : Json::parse(text, nullptr, false);
    if (result.is_discarded())
        return TaskOutcome::failure(isLambda ? "Lambda.Unknown" : "States.TaskFailed",
                                    "The local command printed output that is not JSON: " +
                                        text.substr(0, kStderrTail));
    if (isLambdaInvoke(request.resource))
        return TaskOutcome::success(wrapLambdaInvokeResult(result));
    return TaskOutcome::success(std::move(result));
}

} // namespace stepwise::engine
