// Task attempt events (ASL spec §9.2, §9.3).
#include "core/engine/TaskEvents.h"

#include "core/engine/DataFlow.h"
#include "core/engine/EventDetails.h"

#include <array>

namespace stepwise::engine {
namespace {

// {"resourceType", "resource"} with room for `more` members after them.
Json withResource(const ResourceInfo &info, std::size_t more = 0)
{
    Json details = detailsObject(2 + more);
    addMember(details, "resourceType", info.resourceType);
    addMember(details, "resource", info.resource);
    return details;
}

// The event names of one kind of resource: Lambda, Activity, Integration (in ResourceKind's
// order), interned once.
struct TaskEventNames
{
    EventName scheduled, scheduledKey, started, startedKey, succeeded, succeededKey, failed,
        failedKey, timedOut, timedOutKey;
};

const TaskEventNames &eventNames(ResourceKind kind)
{
    static const auto table = [] {
        std::array<TaskEventNames, 3> names;
        const char *prefixes[] = {"LambdaFunction", "Activity", "Task"};
        for (std::size_t i = 0; i < names.size(); ++i) {
            const std::string prefix = prefixes[i];
            std::string lower = prefix;
            lower[0] = static_cast<char>(lower[0] - 'A' + 'a');
            const auto event = [&](const char *verb) { return EventName(prefix + verb); };
            const auto key = [&](const char *verb) {
                return EventName(lower + verb + "EventDetails");
            };
            names[i] = {event("Scheduled"), key("Scheduled"), event("Started"),
                        key("Started"),     event("Succeeded"), key("Succeeded"),
                        event("Failed"),    key("Failed"),    event("TimedOut"),
                        key("TimedOut")};
        }
        return names;
    }();
    return table[static_cast<std::size_t>(kind)];
}

} // namespace

void emitTaskScheduled(ExecutionImpl &rt, Thread &thread, const std::string &resourceArn,
                       const ResourceInfo &info, const TaskRequest &request,
                       std::string payloadText)
{
    Json details;
    if (info.kind == ResourceKind::Integration) {
        details = withResource(info, 4);
        addMember(details, "region", rt.options.region);
        addMember(details, "parameters", std::move(payloadText));
    } else {
        details = detailsObject(5);
        addMember(details, "resource", resourceArn);
        addMember(details, "input", std::move(payloadText));
        addMember(details, "inputDetails", notTruncated());
    }
    if (request.timeoutSeconds)
        addMember(details, "timeoutInSeconds", *request.timeoutSeconds);
    if (request.heartbeatSeconds && info.kind != ResourceKind::Lambda)
        addMember(details, "heartbeatInSeconds", *request.heartbeatSeconds);
    if (request.credentialsRoleArn) // spec §1.6: recorded only; a local run assumes no role
        addMember(details, "taskCredentials", Json{{"roleArn", *request.credentialsRoleArn}});
    const TaskEventNames &names = eventNames(info.kind);
    rt.emit(&thread, names.scheduled, names.scheduledKey, std::move(details));
    if (info.kind == ResourceKind::Lambda)
        rt.emit(&thread, names.started); // LambdaFunctionStarted has no details
    else if (info.kind == ResourceKind::Activity)
        rt.emit(&thread, names.started, names.startedKey, Json{{"workerName", "stepwise"}});
    else
        rt.emit(&thread, names.started, names.startedKey, withResource(info));
}

// Records the outcome event: <Prefix>Succeeded / Failed / TimedOut.
void emitTaskOutcome(ExecutionImpl &rt, Thread &thread, const ResourceInfo &info,
                     const TaskOutcome &outcome, const std::string &resultText)
{
    const TaskEventNames &names = eventNames(info.kind);
    Json details = info.kind == ResourceKind::Integration ? withResource(info, 2)
                                                          : detailsObject(2);
    if (outcome.succeeded) {
        addMember(details, "output", resultText);
        addMember(details, "outputDetails", notTruncated());
        rt.emit(&thread, names.succeeded, names.succeededKey, std::move(details));
        return;
    }
    if (outcome.error)
        addMember(details, "error", *outcome.error);
    if (outcome.cause)
        addMember(details, "cause", *outcome.cause);
    if (outcome.error == "States.Timeout")
        rt.emit(&thread, names.timedOut, names.timedOutKey, std::move(details));
    else
        rt.emit(&thread, names.failed, names.failedKey, std::move(details));
}

} // namespace stepwise::engine
