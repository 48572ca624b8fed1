// GetExecutionHistory JSON → engine events (ASL spec §9.1, §9.4). State and scope are not in
// AWS's events; they are recovered from `stateEnteredEventDetails.name` and previousEventId.
#include "ui/debug/HistoryImport.h"

#include <QDateTime>

#include <unordered_map>
#include <unordered_set>

namespace stepwise::ui {
namespace {

struct Thread
{
    std::string stateName;
    std::string scope;
};

QString at(std::size_t index)
{
    return QStringLiteral("events[%1]").arg(index);
}

std::string detailsKeyOf(const Json &item)
{
    for (auto it = item.begin(); it != item.end(); ++it)
        if (it.key().ends_with("EventDetails"))
            return it.key();
    return {};
}

std::string stringMember(const Json &details, const char *key)
{
    if (details.is_object() && details.contains(key) && details[key].is_string())
        return details[key].get<std::string>();
    return {};
}

// Where an event belongs: Entered events open a state in the scope their predecessor implies
// (a ParallelStateStarted opens branch k, a MapIterationStarted opens iteration i); other events
// continue the thread of the event they point to.
class ScopeTracker
{
public:
    Thread place(const engine::HistoryEvent &event)
    {
        const Thread previous = threadOf(event.previousEventId);
        Thread here;
        if (event.type.ends_with("StateEntered")) {
            here.stateName = stringMember(event.details, "name");
            here.scope = innerScope(event.previousEventId, previous);
        } else if (closesContainer(event.type)) {
            here = enclosingContainer(previous);
        } else if (event.type.starts_with("MapIteration")) {
            here = previous.stateName.empty() ? m_lastMap : previous;
            if (here.stateName.empty() || !isMapThread(here))
                here = m_lastMap;
        } else if (!event.type.starts_with("Execution")) {
            here = previous;
        }
        if (event.type == "MapStateStarted")
            m_lastMap = here;
        if (event.type == "ParallelStateEntered" || event.type == "MapStateEntered")
            m_containers.insert(here.scope + '\n' + here.stateName);
        m_threads[event.id] = here;
        m_types[event.id] = event.type;
        if (event.type == "MapIterationStarted")
            m_iterationIndex[event.id] =
                event.details.is_object() ? event.details.value("index", 0) : 0;
        return here;
    }

private:
    // A container's closing event points at the last event of one of its branches or
    // iterations, but belongs to the container itself.
    static bool closesContainer(const std::string &type)
    {
        return type == "ParallelStateSucceeded" || type == "ParallelStateFailed" ||
               type == "ParallelStateAborted" || type == "ParallelStateExited" ||
               type == "MapStateSucceeded" || type == "MapStateFailed" ||
               type == "MapStateAborted" || type == "MapStateExited";
    }

    // The innermost container around `inner`'s scope ("…/Container/index"), or `inner` itself
    // when it is a container's own thread (no branch ran).
    Thread enclosingContainer(const Thread &inner) const
    {
        if (m_containers.contains(inner.scope + '\n' + inner.stateName))
            return inner;
        const std::size_t indexCut = inner.scope.rfind('/');
        if (indexCut == std::string::npos)
            return inner;
        const std::string containerPath = inner.scope.substr(0, indexCut);
        const std::size_t nameCut = containerPath.rfind('/');
        Thread container;
        container.stateName =
            nameCut == std::string::npos ? containerPath : containerPath.substr(nameCut + 1);
        container.scope = nameCut == std::string::npos ? "" : containerPath.substr(0, nameCut);
        return container;
    }

    Thread threadOf(std::int64_t id) const
    {
        auto it = m_threads.find(id);
        return it == m_threads.end() ? Thread{} : it->second;
    }

    bool isMapThread(const Thread &thread) const
    {
        return !thread.stateName.empty() && m_lastMap.stateName == thread.stateName;
    }

    std::string join(const Thread &container, const std::string &index) const
    {
        const std::string own = container.stateName + '/' + index;
        return container.scope.empty() ? own : container.scope + '/' + own;
    }

    std::string innerScope(std::int64_t previousId, const Thread &previous)
    {
        auto type = m_types.find(previousId);
        if (type == m_types.end())
            return previous.scope;
        if (type->second == "ParallelStateStarted")
            return join(previous, std::to_string(m_branchesOpened[previousId]++));
        if (type->second == "MapIterationStarted")
            return join(previous, std::to_string(m_iterationIndex[previousId]));
        return previous.scope;
    }

    std::unordered_map<std::int64_t, Thread> m_threads;
    std::unordered_map<std::int64_t, std::string> m_types;
    std::unordered_map<std::int64_t, int> m_branchesOpened;
    std::unordered_map<std::int64_t, int> m_iterationIndex;
    std::unordered_set<std::string> m_containers; // "scope\nname" of each Parallel or Map
    Thread m_lastMap;
};

} // namespace

std::optional<qint64> parseTimestamp(const Json &value)
{
    if (value.is_number())
        return static_cast<qint64>(value.get<double>() * 1000.0 + 0.5);
    if (!value.is_string())
        return std::nullopt;
    const QString text = QString::fromStdString(value.get<std::string>());
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text, Qt::ISODate);
    if (!time.isValid())
        return std::nullopt;
    return time.toMSecsSinceEpoch();
}

Result<engine::ExecutionHistory, QString> historyFromJson(const Json &document)
{
    const Json *events = &document;
    if (document.is_object()) {
        if (!document.contains("events") || !document["events"].is_array())
            return unexpected(QStringLiteral("Not an execution history: no 'events' array"));
        events = &document["events"];
    } else if (!document.is_array()) {
        return unexpected(QStringLiteral("Not an execution history: expected an object"));
    }
    engine::ExecutionHistory history;
    ScopeTracker scopes;
    for (std::size_t i = 0; i < events->size(); ++i) {
        const Json &item = (*events)[i];
        if (!item.is_object())
            return unexpected(at(i) + QStringLiteral(": not an object"));
        if (!item.contains("type") || !item["type"].is_string())
            return unexpected(at(i) + QStringLiteral(": 'type' must be a string"));
        if (!item.contains("id") || !item["id"].is_number_integer())
            return unexpected(at(i) + QStringLiteral(": 'id' must be an integer"));
        engine::HistoryEvent event;
        event.id = item["id"].get<std::int64_t>();
        event.previousEventId = item.value("previousEventId", std::int64_t{0});
        event.type = item["type"].get<std::string>();
        const auto time = parseTimestamp(item.value("timestamp", Json()));
        if (!time)
            return unexpected(at(i) + QStringLiteral(": 'timestamp' is not a date"));
        event.timestampMs = *time;
        event.detailsKey = detailsKeyOf(item);
        if (!event.detailsKey.empty())
            event.details = item[event.detailsKey];
        const Thread thread = scopes.place(event);
        event.stateName = thread.stateName;
        event.scope = thread.scope;
        history.append(std::move(event));
    }
    return history;
}

} // namespace stepwise::ui
