// Task state in JSONPath mode (ASL spec §1.6 Task, §2.1, §7, §8.2, history §9.2/§9.3): the
// payload goes to the first handler that takes it; the attempt lasts as long as the handler
// says, on the execution's clock, and TimeoutSeconds / HeartbeatSeconds bound it.
#include "core/engine/DataFlow.h"
#include "core/engine/JsonataFlow.h"
#include "core/engine/RetryCatch.h"
#include "core/engine/TaskEvents.h"

#include <algorithm>

namespace stepwise::engine {
namespace {

Eval<std::optional<std::int64_t>> resolveSeconds(ExecutionImpl &rt, Thread &thread,
                                                 const std::optional<Json> &literal,
                                                 const std::optional<std::string> &path,
                                                 const Json &effective)
{
    if (literal && literal->is_number_integer())
        return std::optional<std::int64_t>(literal->get<std::int64_t>());
    if (!path)
        return std::optional<std::int64_t>();
    auto value = readPath(rt, *path, rootsOf(thread, effective));
    if (!value.hasValue())
        return unexpected(rt.runtimeError(
            thread, "Invalid path '" + *path + "' : " + value.error()));
    if (!value.value().is_number_integer() || value.value().get<std::int64_t>() <= 0)
        return unexpected(rt.runtimeError(thread, "The value of '" + *path
                                                      + "' must be a positive integer: "
                                                      + compact(value.value())));
    return std::optional<std::int64_t>(value.value().get<std::int64_t>());
}

// Spec §1.6 Credentials: RoleArn is a string, or (JSONata) an expression yielding one, or
// (JSONPath) a "RoleArn.$" path. The task fails when it does not resolve to a string.
Eval<std::optional<std::string>> credentialsRoleArn(ExecutionImpl &rt, Thread &thread,
                                                    const asl::TaskState &state,
                                                    const Json &effective)
{
    if (!state.credentials || !state.credentials->is_object())
        return std::optional<std::string>();
    if (isJsonata(rt, thread)) {
        const auto found = state.credentials->find("RoleArn");
        if (found == state.credentials->end())
            return std::optional<std::string>();
        return evalJsonataString(rt, thread, std::optional<Json>(*found), "Credentials/RoleArn",
                                 jsonataRootsOf(thread));
    }
    auto resolved = evalTemplate(rt, thread, *state.credentials, rootsOf(thread, effective));
    if (!resolved.hasValue())
        return unexpected(resolved.error());
    const auto roleArn = resolved.value().find("RoleArn");
    if (roleArn == resolved.value().end())
        return std::optional<std::string>();
    if (!roleArn->is_string())
        return unexpected(rt.runtimeError(
            thread, "The Credentials field RoleArn must be a string, but was: "
                        + compact(*roleArn)));
    return std::optional<std::string>(roleArn->get<std::string>());
}

std::shared_ptr<TaskHandler> findHandler(ExecutionImpl &rt, const TaskRequest &request)
{
    for (const auto &handler : rt.options.handlers)
        if (handler && handler->handles(request))
            return handler;
    return nullptr;
}

// Spec §3.6: a JSONata failure of a Task can be retried and caught.
void failTaskJsonata(ExecutionImpl &rt, Thread &thread, const asl::TaskState &state,
                     const StateError &error)
{
    reportEvaluationFailed(rt, thread, error);
    handleStateError(rt, thread, state.retry, state.catchers, error);
}

// Spec §3.2: Assign and Output (default $states.result) see the result and the raw input.
void completeTaskJsonata(ExecutionImpl &rt, Thread &thread, const asl::TaskState &state,
                         Json result)
{
    JsonataRoots roots = jsonataRootsOf(thread);
    roots.result = &result;
    Json assigned = Json(Json::value_t::object);
    if (state.assign) {
        auto values = evalJsonataAssign(rt, thread, *state.assign, "Assign", roots);
        if (!values.hasValue())
            return failTaskJsonata(rt, thread, state, values.error());
        assigned = std::move(values).value();
    }
    Json output = result;
    if (state.output) {
        auto value = evalJsonata(rt, thread, *state.output, "Output", roots);
        if (!value.hasValue())
            return failTaskJsonata(rt, thread, state, value.error());
        output = std::move(value).value();
    }
    rt.exitState(thread, std::move(output), nextOf(state), std::move(assigned));
}

// Spec §2.1: raw result → ResultSelector → ResultPath → OutputPath; Assign reads the raw result.
// `resultText` is the raw result's compact text.
void completeTask(ExecutionImpl &rt, Thread &thread, const asl::TaskState &state, Json result,
                  const std::string &resultText)
{
    if (isJsonata(rt, thread))
        return completeTaskJsonata(rt, thread, state, std::move(result));
    Json assigned = Json(Json::value_t::object);
    if (state.assign) {
        auto values = evalAssign(rt, thread, *state.assign, rootsOf(thread, result));
        if (!values.hasValue())
            return rt.fail(thread, values.error());
        assigned = std::move(values).value();
    }
    if (state.resultSelector) {
        auto selected = evalTemplate(rt, thread, *state.resultSelector, rootsOf(thread, result));
        if (!selected.hasValue())
            return rt.fail(thread, selected.error());
        result = std::move(selected).value();
    }
    // The output's text from the Entered text and the result's (as for a Pass state).
    const bool splices = state.outputPath.isAbsent() && splicesResult(rt, thread, state.resultPath);
    std::string printed;
    if (splices && !state.resultPath.isNull() && state.resultSelector)
        printed = compact(result);
    // Nothing reads the raw input after a successful ResultPath (what follows can only fail with
    // an uncatchable error), so the result is merged into it in place.
    auto merged = applyResultPath(rt, thread, state.resultPath, std::move(thread.rawInput),
                                  std::move(result));
    if (!merged.hasValue())
        return rt.fail(thread, merged.error());
    auto output = takeFilterPath(rt, thread, state.outputPath, std::move(merged).value());
    if (!output.hasValue())
        return rt.fail(thread, output.error());
    MemberIndex outputIndex;
    std::string outputText =
        splices ? resultPathText(rt, thread, state.resultPath,
                                 state.resultSelector ? printed : resultText, outputIndex)
                : std::string();
    rt.exitState(thread, std::move(output).value(), nextOf(state), std::move(assigned),
                 std::move(outputText), std::move(outputIndex));
}

// Whether the payload is the thread's raw input itself, which buildRequest then lends to the
// request (see runTask): nothing selects or builds it.
bool lendsRawInput(const ExecutionImpl &rt, const Thread &thread, const asl::TaskState &state)
{
    return isJsonata(rt, thread) ? !state.arguments
                                 : !state.parameters && state.inputPath.isAbsent();
}

// Spec §3.2: Arguments (default $states.input), TimeoutSeconds and HeartbeatSeconds.
Eval<TaskRequest> buildRequestJsonata(ExecutionImpl &rt, Thread &thread,
                                      const asl::TaskState &state)
{
    const JsonataRoots roots = jsonataRootsOf(thread);
    TaskRequest request;
    request.stateName = asl::common(*thread.state).name;
    request.resource = state.resource;
    request.retryCount = thread.retryCount;
    // Built only if the handler reads it (it copies the execution input).
    request.context = Lazy<Json>([&thread] { return thread.context(); });
    if (state.arguments) {
        auto payload = evalJsonata(rt, thread, *state.arguments, "Arguments", roots);
        if (!payload.hasValue())
            return unexpected(payload.error());
        request.payload = std::move(payload).value();
    }
    auto timeout = evalJsonataInteger(rt, thread, state.timeoutSeconds, "TimeoutSeconds", roots,
                                      false);
    if (!timeout.hasValue())
        return unexpected(timeout.error());
    request.timeoutSeconds = timeout.value();
    auto heartbeat = evalJsonataInteger(rt, thread, state.heartbeatSeconds, "HeartbeatSeconds",
                                        roots, false);
    if (!heartbeat.hasValue())
        return unexpected(heartbeat.error());
    request.heartbeatSeconds = heartbeat.value();
    auto roleArn = credentialsRoleArn(rt, thread, state, thread.rawInput);
    if (!roleArn.hasValue())
        return unexpected(roleArn.error());
    request.credentialsRoleArn = roleArn.value();
    if (lendsRawInput(rt, thread, state))
        request.payload = std::move(thread.rawInput);
    return request;
}

Eval<TaskRequest> buildRequest(ExecutionImpl &rt, Thread &thread, const asl::TaskState &state)
{
    if (isJsonata(rt, thread))
        return buildRequestJsonata(rt, thread, state);
    // Without InputPath (the common case) the raw input is read in place, not copied.
    Json filtered;
    const Json *effective = &thread.rawInput;
    if (!state.inputPath.isAbsent()) {
        auto value = applyFilterPath(rt, thread, state.inputPath, thread.rawInput);
        if (!value.hasValue())
            return unexpected(value.error());
        filtered = std::move(value).value();
        effective = &filtered;
    }
    TaskRequest request;
    request.stateName = asl::common(*thread.state).name;
    request.resource = state.resource;
    request.retryCount = thread.retryCount;
    // Built only if the handler reads it (it copies the execution input).
    request.context = Lazy<Json>([&thread] { return thread.context(); });
    if (state.parameters) {
        auto payload = evalTemplate(rt, thread, *state.parameters, rootsOf(thread, *effective));
        if (!payload.hasValue())
            return unexpected(payload.error());
        request.payload = std::move(payload).value();
    }
    auto timeout = resolveSeconds(rt, thread, state.timeoutSeconds, state.timeoutSecondsPath,
                                  *effective);
    if (!timeout.hasValue())
        return unexpected(timeout.error());
    request.timeoutSeconds = timeout.value();
    auto heartbeat = resolveSeconds(rt, thread, state.heartbeatSeconds,
                                    state.heartbeatSecondsPath, *effective);
    if (!heartbeat.hasValue())
        return unexpected(heartbeat.error());
    request.heartbeatSeconds = heartbeat.value();
    auto roleArn = credentialsRoleArn(rt, thread, state, *effective);
    if (!roleArn.hasValue())
        return unexpected(roleArn.error());
    request.credentialsRoleArn = roleArn.value();
    if (lendsRawInput(rt, thread, state))
        request.payload = std::move(thread.rawInput);
    else if (!state.parameters) // the InputPath's selection
        request.payload = std::move(filtered);
    return request;
}

// Spec §8.2: TimeoutSeconds counts from TaskScheduled. A handler cannot send heartbeats, so an
// attempt longer than HeartbeatSeconds missed one (plain Lambda functions have no heartbeat).
// False when the execution's own deadline passed first (spec §8.3): it has timed out then.
bool finishAttempt(ExecutionImpl &rt, const ResourceInfo &info, const TaskRequest &request,
                   std::int64_t scheduledMs, TaskOutcome &outcome)
{
    std::optional<std::int64_t> limitMs;
    if (request.timeoutSeconds)
        limitMs = *request.timeoutSeconds * 1000;
    if (request.heartbeatSeconds && info.kind != ResourceKind::Lambda)
        limitMs = std::min(limitMs.value_or(*request.heartbeatSeconds * 1000),
                           *request.heartbeatSeconds * 1000);
    std::int64_t endMs = rt.clock->nowMs();
    bool timedOut = false;
    if (outcome.durationMs) {
        std::int64_t took = std::max<std::int64_t>(0, *outcome.durationMs);
        timedOut = limitMs && took > *limitMs;
        endMs = scheduledMs + (timedOut ? *limitMs : took);
    }
    if (rt.deadlineMs && endMs >= *rt.deadlineMs) {
        rt.clock->waitUntil(*rt.deadlineMs);
        rt.timeOutExecution();
        return false;
    }
    rt.clock->waitUntil(endMs);
    if (timedOut)
        outcome = TaskOutcome::failure("States.Timeout", std::nullopt);
    return true;
}

} // namespace

// The payload is the raw input itself when nothing selected or built it. It is then moved into
// the request for the handler to read, instead of copied at every attempt, and moved back before
// anything else reads the raw input (a Catch merges into it, a retry sends it again).
void runTask(ExecutionImpl &rt, Thread &thread, const asl::TaskState &state)
{
    auto request = buildRequest(rt, thread, state);
    if (!request.hasValue()) {
        if (request.error().evaluationFailed)
            return failTaskJsonata(rt, thread, state, request.error());
        return rt.fail(thread, request.error());
    }
    const bool payloadIsInput = lendsRawInput(rt, thread, state);
    const auto giveBackInput = [&] {
        if (payloadIsInput)
            thread.rawInput = std::move(request.value().payload);
    };
    auto handler = findHandler(rt, request.value());
    if (!handler) {
        giveBackInput();
        return rt.fail(thread, StateError{"Stepwise.NoTaskHandler",
                                          "No handler for resource '" + state.resource
                                              + "' in state '" + request.value().stateName
                                              + "': bind it with --mock-config or --handlers",
                                          true});
    }
    // Classified once by the plan; a state the plan does not hold is classified now.
    ResourceInfo unplanned;
    const ResourceInfo *planned = rt.plan->resourceInfo(state);
    if (!planned)
        unplanned = classifyResource(state.resource);
    const ResourceInfo &info = planned ? *planned : unplanned;
    const std::int64_t scheduledMs = rt.clock->nowMs();
    // A payload that is the raw input has the Entered event's text (each retry would print the
    // same input again).
    const std::string_view inputText = payloadIsInput ? rt.enteredInputText(thread)
                                                      : std::string_view();
    emitTaskScheduled(rt, thread, state.resource, info, request.value(),
                      inputText.empty() ? compact(request.value().payload)
                                        : std::string(inputText));
    TaskOutcome outcome = handler->invoke(request.value());
    giveBackInput();
    if (!finishAttempt(rt, info, request.value(), scheduledMs, outcome))
        return;
    std::string resultText = outcome.succeeded ? compact(outcome.result) : std::string();
    if (resultText.size() > rt.options.maxPayloadBytes)
        outcome = TaskOutcome::failure("States.DataLimitExceeded",
                                       "The state/task '" + request.value().stateName
                                           + "' returned a result with a size exceeding the "
                                             "maximum number of bytes service limit.");
    emitTaskOutcome(rt, thread, info, outcome, resultText);
    if (rt.finished())
        return;
    if (!outcome.succeeded)
        return handleStateError(rt, thread, state.retry, state.catchers,
                                StateError{std::move(outcome.error), std::move(outcome.cause),
                                           false});
    completeTask(rt, thread, state, std::move(outcome.result), resultText);
}

} // namespace stepwise::engine
