// The fold behind time travel in the debugger (ASL spec §9.2, §9.3 event semantics).
#include "core/engine/ExecutionView.h"

namespace stepwise::engine {
namespace {

Json parseText(const Json &details, const char *key)
{
    if (!details.is_object() || !details.contains(key) || !details[key].is_string())
        return nullptr;
    return Json::parse(details[key].get<std::string>(), nullptr, false);
}

StateVisitView *findOpen(ExecutionView &view, const HistoryEvent &event)
{
    for (auto it = view.visits.rbegin(); it != view.visits.rend(); ++it)
        if (it->stateName == event.stateName && it->scope == event.scope)
            return &*it;
    return nullptr;
}

bool isAttemptStart(const std::string &type)
{
    return type.ends_with("Scheduled") || type == "ParallelStateStarted"
        || type == "MapStateStarted";
}

void foldStateEvent(ExecutionView &view, const HistoryEvent &event)
{
    const std::string &type = event.type;
    if (type.ends_with("StateEntered")) {
        StateVisitView visit;
        visit.stateName = event.stateName;
        visit.scope = event.scope;
        visit.input = parseText(event.details, "input");
        visit.enteredEventId = event.id;
        visit.status = type == "FailStateEntered" ? StateRunStatus::Failed
                                                  : StateRunStatus::Running;
        view.visits.push_back(std::move(visit));
        return;
    }
    StateVisitView *visit = findOpen(view, event);
    if (!visit)
        return;
    if (type.ends_with("StateExited")) {
        visit->status = StateRunStatus::Succeeded;
        visit->output = parseText(event.details, "output");
    } else if (type.ends_with("StateAborted")) {
        visit->status = StateRunStatus::Aborted;
    } else if (type.ends_with("Failed") || type.ends_with("TimedOut")) {
        if (type.starts_with("MapIteration") || type.starts_with("MapRun"))
            return;
        visit->status = StateRunStatus::Failed;
    } else if (isAttemptStart(type) && visit->status == StateRunStatus::Failed) {
        visit->status = StateRunStatus::Running;
        ++visit->retries;
    }
}

} // namespace

const StateVisitView *ExecutionView::latest(const std::string &stateName,
                                            const std::string &scope) const
{
    for (auto it = visits.rbegin(); it != visits.rend(); ++it)
        if (it->stateName == stateName && it->scope == scope)
            return &*it;
    return nullptr;
}

std::vector<const StateVisitView *> ExecutionView::active() const
{
    std::vector<const StateVisitView *> out;
    for (const StateVisitView &visit : visits)
        if (visit.status == StateRunStatus::Running)
            out.push_back(&visit);
    return out;
}

ExecutionView viewAt(const ExecutionHistory &history, std::size_t n)
{
    ExecutionView view;
    view.eventCount = std::min(n, history.size());
    for (std::size_t i = 0; i < view.eventCount; ++i) {
        const HistoryEvent &event = history.at(i);
        if (event.type == "ExecutionSucceeded")
            view.status = ExecutionStatus::Succeeded;
        else if (event.type == "ExecutionFailed")
            view.status = ExecutionStatus::Failed;
        else if (event.type == "ExecutionTimedOut")
            view.status = ExecutionStatus::TimedOut;
        else if (event.type == "ExecutionAborted")
            view.status = ExecutionStatus::Aborted;
        else if (!event.stateName.empty())
            foldStateEvent(view, event);
    }
    return view;
}

} // namespace stepwise::engine
