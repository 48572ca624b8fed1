// Task state in JSONPath mode (ASL spec §1.6 Task, §2.1, §7, §8.2, history §9.2/§9.3): the
// payload goes to the first handler that takes it; plain Lambda ARNs record LambdaFunction*
// events, activities Activity* events, integrations Task* events.
#include "core/engine/DataFlow.h"
#include "core/engine/RetryCatch.h"

namespace stepwise::engine {
namespace {

enum class ResourceKind { Lambda, Activity, Integration };

struct ResourceInfo
{
    ResourceKind kind = ResourceKind::Integration;
    std::string resourceType; // integrations: "lambda", "aws-sdk:s3", ...
    std::string resource;     // integrations: "invoke", "getObject", ...
};

// Spec §9.2: split "arn:aws:states:::<service>:<action>" into resourceType and resource.
ResourceInfo classify(const std::string &arn)
{
    ResourceInfo info;
    if (arn.find(":lambda:") != std::string::npos && arn.find(":function:") != std::string::npos
        && arn.find(":states:") == std::string::npos) {
        info.kind = ResourceKind::Lambda;
        return info;
    }
    if (arn.find(":states:") != std::string::npos && arn.find(":activity:") != std::string::npos) {
        info.kind = ResourceKind::Activity;
        return info;
    }
    const std::string marker = ":states:::";
    const auto at = arn.find(marker);
    const std::string rest = at == std::string::npos ? arn : arn.substr(at + marker.size());
    const auto split = rest.rfind(':');
    if (split == std::string::npos) {
        info.resource = rest;
        return info;
    }
    std::string head = rest.substr(0, split);
    info.resource = rest.substr(split + 1);
    // ".sync:2" keeps its suffix: "startExecution.sync:2".
    if (info.resource == "2" && head.find(".sync") != std::string::npos) {
        const auto prior = head.rfind(':');
        info.resource = head.substr(prior + 1) + ":2";
        head = head.substr(0, prior);
    }
    info.resourceType = head;
    return info;
}

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

Json withResource(const ResourceInfo &info)
{
    return Json{{"resourceType", info.resourceType}, {"resource", info.resource}};
}

void emitScheduled(ExecutionImpl &rt, Thread &thread, const asl::TaskState &state,
                   const ResourceInfo &info, const TaskRequest &request)
{
    Json details = Json::object();
    if (info.kind == ResourceKind::Integration) {
        details = withResource(info);
        details["region"] = rt.options.region;
        details["parameters"] = compact(request.payload);
    } else {
        details["resource"] = state.resource;
        details["input"] = compact(request.payload);
        details["inputDetails"] = Json{{"truncated", false}};
    }
    if (request.timeoutSeconds)
        details["timeoutInSeconds"] = *request.timeoutSeconds;
    if (request.heartbeatSeconds && info.kind != ResourceKind::Lambda)
        details["heartbeatInSeconds"] = *request.heartbeatSeconds;
    const char *type = info.kind == ResourceKind::Lambda     ? "LambdaFunctionScheduled"
                       : info.kind == ResourceKind::Activity ? "ActivityScheduled"
                                                             : "TaskScheduled";
    const char *key = info.kind == ResourceKind::Lambda ? "lambdaFunctionScheduledEventDetails"
                      : info.kind == ResourceKind::Activity ? "activityScheduledEventDetails"
                                                            : "taskScheduledEventDetails";
    rt.emit(&thread, type, key, std::move(details));
    if (info.kind == ResourceKind::Lambda)
        rt.emit(&thread, "LambdaFunctionStarted");
    else if (info.kind == ResourceKind::Activity)
        rt.emit(&thread, "ActivityStarted", "activityStartedEventDetails",
                Json{{"workerName", "stepwise"}});
    else
        rt.emit(&thread, "TaskStarted", "taskStartedEventDetails", withResource(info));
}

// Records the outcome event: <Prefix>Succeeded / Failed / TimedOut.
void emitOutcome(ExecutionImpl &rt, Thread &thread, const ResourceInfo &info,
                 const TaskOutcome &outcome)
{
    const std::string prefix = info.kind == ResourceKind::Lambda     ? "LambdaFunction"
                               : info.kind == ResourceKind::Activity ? "Activity"
                                                                     : "Task";
    std::string lower = prefix;
    lower[0] = static_cast<char>(lower[0] - 'A' + 'a');
    Json details = info.kind == ResourceKind::Integration ? withResource(info) : Json::object();
    if (outcome.succeeded) {
        details["output"] = compact(outcome.result);
        details["outputDetails"] = Json{{"truncated", false}};
        rt.emit(&thread, prefix + "Succeeded", lower + "SucceededEventDetails",
                std::move(details));
        return;
    }
    if (outcome.error)
        details["error"] = *outcome.error;
    if (outcome.cause)
        details["cause"] = *outcome.cause;
    const std::string verb = outcome.error == "States.Timeout" ? "TimedOut" : "Failed";
    rt.emit(&thread, prefix + verb, lower + verb + "EventDetails", std::move(details));
}

std::shared_ptr<TaskHandler> findHandler(ExecutionImpl &rt, const TaskRequest &request)
{
    for (const auto &handler : rt.options.handlers)
        if (handler && handler->handles(request))
            return handler;
    return nullptr;
}

// Spec §2.1: raw result → ResultSelector → ResultPath → OutputPath; Assign reads the raw result.
void completeTask(ExecutionImpl &rt, Thread &thread, const asl::TaskState &state, Json result)
{
    Json assigned = Json::object();
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
    auto merged = applyResultPath(rt, thread, state.resultPath, thread.rawInput,
                                  std::move(result));
    if (!merged.hasValue())
        return rt.fail(thread, merged.error());
    auto output = applyFilterPath(rt, thread, state.outputPath, merged.value());
    if (!output.hasValue())
        return rt.fail(thread, output.error());
    rt.exitState(thread, std::move(output).value(), nextOf(state), assigned);
}

Eval<TaskRequest> buildRequest(ExecutionImpl &rt, Thread &thread, const asl::TaskState &state)
{
    auto effective = applyFilterPath(rt, thread, state.inputPath, thread.rawInput);
    if (!effective.hasValue())
        return unexpected(effective.error());
    TaskRequest request;
    request.stateName = asl::common(*thread.state).name;
    request.resource = state.resource;
    request.retryCount = thread.retryCount;
    request.context = thread.context();
    if (state.parameters) {
        auto payload = evalTemplate(rt, thread, *state.parameters,
                                    rootsOf(thread, effective.value()));
        if (!payload.hasValue())
            return unexpected(payload.error());
        request.payload = std::move(payload).value();
    } else {
        request.payload = effective.value();
    }
    auto timeout = resolveSeconds(rt, thread, state.timeoutSeconds, state.timeoutSecondsPath,
                                  effective.value());
    if (!timeout.hasValue())
        return unexpected(timeout.error());
    request.timeoutSeconds = timeout.value();
    auto heartbeat = resolveSeconds(rt, thread, state.heartbeatSeconds,
                                    state.heartbeatSecondsPath, effective.value());
    if (!heartbeat.hasValue())
        return unexpected(heartbeat.error());
    request.heartbeatSeconds = heartbeat.value();
    return request;
}

} // namespace

void runTask(ExecutionImpl &rt, Thread &thread, const asl::TaskState &state)
{
    auto request = buildRequest(rt, thread, state);
    if (!request.hasValue())
        return rt.fail(thread, request.error());
    auto handler = findHandler(rt, request.value());
    if (!handler)
        return rt.fail(thread, StateError{"Stepwise.NoTaskHandler",
                                          "No handler for resource '" + state.resource
                                              + "' in state '" + request.value().stateName
                                              + "': bind it with --mock-config or --handlers",
                                          true});
    const ResourceInfo info = classify(state.resource);
    emitScheduled(rt, thread, state, info, request.value());
    TaskOutcome outcome = handler->invoke(request.value());
    if (outcome.succeeded && payloadSize(outcome.result) > rt.options.maxPayloadBytes)
        outcome = TaskOutcome::failure("States.DataLimitExceeded",
                                       "The state/task '" + request.value().stateName
                                           + "' returned a result with a size exceeding the "
                                             "maximum number of bytes service limit.");
    emitOutcome(rt, thread, info, outcome);
    if (rt.finished())
        return;
    if (!outcome.succeeded)
        return handleStateError(rt, thread, state.retry, state.catchers,
                                StateError{outcome.error, outcome.cause, false});
    completeTask(rt, thread, state, std::move(outcome.result));
}

} // namespace stepwise::engine
