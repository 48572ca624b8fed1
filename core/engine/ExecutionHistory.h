#pragma once
// The append-only list of events of one execution, with one observer callback. Stored in a deque:
// appending never moves earlier events (a long run appends tens of thousands), so references to
// them stay valid while the run goes on.
#include "core/engine/HistoryEvent.h"

#include <cstddef>
#include <deque>
#include <functional>

namespace stepwise::engine {

class ExecutionHistory
{
public:
    using Observer = std::function<void(const HistoryEvent &)>;

    const HistoryEvent &append(HistoryEvent &&event);
    // Appends an event that `fill` writes in place (no event is moved), then tells the observer.
    template <typename Fill>
    const HistoryEvent &appendInPlace(Fill &&fill)
    {
        HistoryEvent &event = m_events.emplace_back();
        fill(event);
        if (m_observer)
            m_observer(event);
        return event;
    }
    void setObserver(Observer observer) { m_observer = std::move(observer); }

    std::size_t size() const { return m_events.size(); }
    bool empty() const { return m_events.empty(); }
    const HistoryEvent &at(std::size_t index) const { return m_events.at(index); }
    const HistoryEvent &back() const { return m_events.back(); }
    const std::deque<HistoryEvent> &events() const { return m_events; }
    auto begin() const { return m_events.begin(); }
    auto end() const { return m_events.end(); }

private:
    std::deque<HistoryEvent> m_events;
    Observer m_observer;
};

// {"events": [...]} in GetExecutionHistory shape (timestamps as ISO-8601 text).
Json historyToJson(const ExecutionHistory &history);

} // namespace stepwise::engine
