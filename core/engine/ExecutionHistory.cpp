// The append-only event list and its GetExecutionHistory export (ASL spec §9.1).
#include "core/engine/ExecutionHistory.h"

#include "core/engine/Clock.h"

namespace stepwise::engine {

const HistoryEvent &ExecutionHistory::append(HistoryEvent &&event)
{
    m_events.push_back(std::move(event));
    if (m_observer)
        m_observer(m_events.back());
    return m_events.back();
}

Json historyToJson(const ExecutionHistory &history)
{
    Json events = Json(Json::value_t::array);
    for (const HistoryEvent &event : history) {
        Json item = Json(Json::value_t::object);
        item["timestamp"] = formatIsoTime(event.timestampMs);
        item["type"] = event.type;
        item["id"] = event.id;
        item["previousEventId"] = event.previousEventId;
        if (!event.detailsKey.empty())
            item[event.detailsKey] = event.details;
        events.push_back(std::move(item));
    }
    return Json{{"events", std::move(events)}};
}

} // namespace stepwise::engine
