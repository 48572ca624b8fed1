// Rebuilds a visit's input, context object and visible variables from the history (spec §2.5,
// §4.3 scopes, §4.5 assignedVariables, §13.2 redrive count).
#include "ui/debug/VisitContext.h"

#include "core/engine/Clock.h"

#include <algorithm>
#include <map>
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

// "" → {""}; "Par/0/Map/3" → {"", "Par/0", "Par/0/Map/3"}: the scopes a state there can read.
std::vector<std::string> scopeChain(const std::string &scope)
{
    std::vector<std::string> chain{std::string()};
    std::size_t slashes = 0;
    for (std::size_t i = 0; i < scope.size(); ++i)
        if (scope[i] == '/' && ++slashes % 2 == 0)
            chain.push_back(scope.substr(0, i));
    if (!scope.empty())
        chain.push_back(scope);
    return chain;
}

bool startsContainer(const std::string &type)
{
    return type == "MapStateEntered" || type == "ParallelStateEntered";
}

// Variables per scope instance, folded over events [0, end): a container entered again starts
// its branches/iterations with fresh scopes (spec §4.3), so earlier ones are dropped.
Json visibleVariables(const engine::ExecutionHistory &history, std::size_t end,
                      const std::string &scope)
{
    std::map<std::string, Json> scopes;
    for (std::size_t i = 0; i < end; ++i) {
        const engine::HistoryEvent &e = history.at(i);
        if (startsContainer(e.type)) {
            const std::string inner = (e.scope.empty() ? e.stateName : e.scope + "/" + e.stateName) + "/";
            for (auto it = scopes.lower_bound(inner); it != scopes.end() && it->first.starts_with(inner);)
                it = scopes.erase(it);
        } else if (e.type.ends_with("StateExited") && e.details.is_object()
                   && e.details.contains("assignedVariables")
                   && e.details["assignedVariables"].is_object()) {
            Json &vars = scopes[e.scope];
            if (!vars.is_object())
                vars = Json::object();
            for (const auto &[name, text] : e.details["assignedVariables"].items()) {
                Json value = text.is_string() ? Json::parse(text.get<std::string>(), nullptr, false)
                                              : text;
                vars[name] = value.is_discarded() ? text : value;
            }
        }
    }
    Json out = Json::object();
    for (const std::string &s : scopeChain(scope)) {
        auto it = scopes.find(s);
        if (it != scopes.end())
            for (const auto &[name, value] : it->second.items())
                out[name] = value;
    }
    return out;
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
                                           const RunIdentity &identity)
{
    if (cursor < 0 || history.empty())
        return std::nullopt;
    const std::size_t last = std::min(static_cast<std::size_t>(cursor), history.size() - 1);
    for (std::size_t i = last + 1; i-- > 0;) {
        const engine::HistoryEvent &e = history.at(i);
        if (e.stateName == stateName && e.type.ends_with("StateEntered"))
            return visitContextOfEntry(history, i, last, identity);
    }
    return std::nullopt;
}

VisitContext visitContextOfEntry(const engine::ExecutionHistory &history, std::size_t enteredIndex,
                                 std::size_t cursor, const RunIdentity &identity)
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
    int redrives = 0;
    std::int64_t redriveTime = 0;
    for (std::size_t i = 0; i < enteredIndex; ++i)
        if (history.at(i).type == "ExecutionRedriven") {
            ++redrives;
            redriveTime = history.at(i).timestampMs;
        }
    if (identity.executionArn.find(":express:") == std::string::npos) // EXPRESS shows none
        execution["RedriveCount"] = redrives;
    if (redrives > 0)
        execution["RedriveTime"] = engine::formatIsoTime(redriveTime);

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
    out.variables = visibleVariables(history, enteredIndex, visit.scope);
    return out;
}

} // namespace stepwise::ui
