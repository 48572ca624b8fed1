// Task attempt events (ASL spec §9.2, §9.3).
#include "core/engine/TaskEvents.h"

#include "core/engine/DataFlow.h"

namespace stepwise::engine {
namespace {

Json withResource(const ResourceInfo &info)
{
    return Json{{"resourceType", info.resourceType}, {"resource", info.resource}};
}

} // namespace

ResourceInfo classifyResource(const std::string &arn)
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

void emitTaskScheduled(ExecutionImpl &rt, Thread &thread, const std::string &resourceArn,
                       const ResourceInfo &info, const TaskRequest &request)
{
    Json details = Json::object();
    if (info.kind == ResourceKind::Integration) {
        details = withResource(info);
        details["region"] = rt.options.region;
        details["parameters"] = compact(request.payload);
    } else {
        details["resource"] = resourceArn;
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
void emitTaskOutcome(ExecutionImpl &rt, Thread &thread, const ResourceInfo &info,
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

} // namespace stepwise::engine
