// Rebuilds a visit's input, context object and visible variables from the history (spec §2.5,
// §13.2 redrive count; the variables come from VariableScopes).
#include "ui/debug/VisitContext.h"

#include "core/engine/Clock.h"
#include "ui/debug/VariableScopes.h"

#include <algorithm>
#include <vector>

namespace stepwise::ui {
namespace {

Json parsedText(const Json &details, const char *key)
{
    return detailsJson(details, key).value_or(Json(nullptr));
}

std::string lastSegment(const std::string &arn)
{
    const auto colon = arn.rfind(':');
    return colon == std::string::npos ? arn : arn.substr(colon + 1);
}

// arn:...:execution:<machine>:<name>, or arn:...:express:<machine>:<name>:<id> (spec §2.5).
std::string executionNameOf(const std::string &arn)
{
    if (arn.find(":express:") == std::string::npos)
        return lastSegment(arn);
    return lastSegment(arn.substr(0, arn.rfind(':')));
}

} // namespace

std::optional<Json> detailsJson(const Json &details, const char *key)
{
    if (!details.is_object() || !details.contains(key) || !details[key].is_string())
        return std::nullopt;
    Json value = Json::parse(details[key].get<std::string>(), nullptr, false);
    if (value.is_discarded())
        return std::nullopt;
    return value;
}

int retriesOf(const engine::ExecutionHistory &history, std::size_t entered, std::size_t cursor)
{
    const engine::HistoryEvent &start = history.at(entered);
    int retries = 0;
    bool failed = false;
    for (std::size_t i = entered + 1; i <= cursor && i < history.size(); ++i) {
        const engine::HistoryEvent &e = history.at(i);
        if (e.stateName != start.stateName || e.scope != start.scope)
            continue;
        if (e.type.ends_with("StateExited") || e.type.ends_with("StateEntered"))
            break;
        if (e.type.ends_with("Failed") || e.type.ends_with("TimedOut"))
            failed = true;
        else if (failed && (e.type.ends_with("Scheduled") || e.type == "ParallelStateStarted"
                            || e.type == "MapStateStarted")) {
            ++retries;
            failed = false;
        }
    }
    return retries;
}

std::optional<VisitContext> visitContextAt(const engine::ExecutionHistory &history, int cursor,
                                           const std::string &stateName,
                                           const RunIdentity &identity, VariableScopes &variables)
{
    if (cursor < 0 || history.empty())
        return std::nullopt;
    const std::size_t last = std::min(static_cast<std::size_t>(cursor), history.size() - 1);
    for (std::size_t i = last + 1; i-- > 0;) {
        const engine::HistoryEvent &e = history.at(i);
        if (e.stateName == stateName && e.type.ends_with("StateEntered"))
            return visitContextOfEntry(history, i, last, identity, variables);
    }
    return std::nullopt;
}

VisitContext visitContextOfEntry(const engine::ExecutionHistory &history, std::size_t enteredIndex,
                                 std::size_t cursor, const RunIdentity &identity,
                                 VariableScopes &variables)
{
    const std::size_t last = std::max(enteredIndex, std::min(cursor, history.size() - 1));
    const std::string &stateName = history.at(enteredIndex).stateName;
    const engine::HistoryEvent &visit = history.at(enteredIndex);
    const engine::HistoryEvent &first = history.at(0);

    // Key order as the engine prints the context object (spec §2.5).
    Json execution = Json::object();
    if (!identity.executionArn.empty())
        execution["Id"] = identity.executionArn;
    execution["Input"] = parsedText(first.details, "input");
    execution["StartTime"] = engine::formatIsoTime(first.timestampMs);
    if (!identity.executionArn.empty())
        execution["Name"] = executionNameOf(identity.executionArn);
    if (first.details.is_object() && first.details.contains("roleArn"))
        execution["RoleArn"] = first.details["roleArn"];
    const VariableScopes::Redrives redrives = variables.redrivesBefore(history, enteredIndex);
    if (identity.executionArn.find(":express:") == std::string::npos) // EXPRESS shows none
        execution["RedriveCount"] = redrives.count;
    if (redrives.count > 0)
        execution["RedriveTime"] = engine::formatIsoTime(redrives.lastMs);

    Json machine = Json::object();
    if (!identity.stateMachineArn.empty()) {
        machine["Id"] = identity.stateMachineArn;
        machine["Name"] = lastSegment(identity.stateMachineArn);
    }

    Json state = Json::object();
    state["Name"] = stateName;
    state["EnteredTime"] = engine::formatIsoTime(visit.timestampMs);
    const std::string type = visit.type.substr(0, visit.type.size() - std::string("StateEntered").size());
    if (type == "Task" || type == "Parallel" || type == "Map")
        state["RetryCount"] = retriesOf(history, enteredIndex, last);

    VisitContext out;
    out.input = parsedText(visit.details, "input");
    out.context = Json::object();
    out.context["Execution"] = std::move(execution);
    out.context["StateMachine"] = std::move(machine);
    out.context["State"] = std::move(state);
    out.variables = variables.visibleAt(history, enteredIndex, visit.scope);
    return out;
}

} // namespace stepwise::ui
