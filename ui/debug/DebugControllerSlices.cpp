// Running in event-loop slices (issue 5): paced or flat-out Continue, the real clock held to
// wall time, and taking the run's new events into progress, the store and the cursor.
#include "ui/debug/DebugController.h"

#include "ui/debug/RunStore.h"

#include <algorithm>
#include <limits>

namespace stepwise::ui {
namespace {

constexpr qint64 SliceBudgetMs = 12; // keeps the event loop at ~60 Hz while running flat out

} // namespace

// A breakpoint (its reason already set) or the step's goal stopped the run.
void DebugController::pauseAtStop(bool reachedGoal)
{
    if (reachedGoal)
        m_pauseReason = tr("Stepped");
    m_goal = nullptr;
    setPhase(Phase::Paused);
    emit pausedAt(m_pauseReason);
}

std::int64_t DebugController::wallNowMs() const
{
    return m_wallStartMs + (m_realTimer.isValid() ? m_realTimer.elapsed() : 0);
}

bool DebugController::showHeldEvents()
{
    const engine::ExecutionHistory &events = m_execution->history();
    if (m_absorbed >= events.size())
        return false;
    const std::int64_t wait = events.at(m_absorbed).timestampMs - wallNowMs();
    if (wait > 0) {
        // Wake at least every 250 ms so the elapsed real time keeps counting on screen.
        m_progress.realElapsedMs = m_realTimer.elapsed();
        emit progressChanged(m_progress);
        m_sliceTimer.start(static_cast<int>(std::min<std::int64_t>(wait, 250)));
        return true;
    }
    const std::size_t first = m_absorbed;
    absorbNewEvents();
    for (std::size_t i = first; i < m_absorbed; ++i) {
        const engine::HistoryEvent &event = events.at(i);
        const bool hit = atBreakpoint(event);
        if (hit || (m_goal && m_goal(event))) {
            pauseAtStop(!hit);
            return true;
        }
    }
    if (m_execution->isFinished() && m_absorbed == events.size()) {
        finishIfDone();
        return true;
    }
    if (m_absorbed < events.size()) { // more held events, due later
        m_sliceTimer.start(0);
        return true;
    }
    return false;
}

void DebugController::runSlice()
{
    if (m_phase != Phase::Running || !m_execution)
        return;
    if (m_realTime && showHeldEvents())
        return;
    // Paced Continue: a few events per tick; flat out: as many as fit in the slice budget.
    const bool paced = m_continuing && m_speed > 0;
    const int tickMs = paced ? std::max(16, 1000 / m_speed) : 0;
    const std::size_t quota = paced ? static_cast<std::size_t>(std::max(1, m_speed * tickMs / 1000))
                                    : std::numeric_limits<std::size_t>::max();
    QElapsedTimer slice;
    slice.start();
    std::size_t count = 0;
    bool hit = false;
    bool reached = false;
    const std::int64_t wallNow = m_realTime ? wallNowMs() : 0;
    m_execution->runUntil([&](const engine::HistoryEvent &event) {
        ++count;
        if (m_realTime && event.timestampMs > wallNow)
            return true; // ahead of the wall clock: held back, checked when shown
        if (atBreakpoint(event))
            return hit = true;
        if (m_goal && m_goal(event))
            return reached = true;
        if (count >= quota)
            return true;
        return (count % 32) == 0 && slice.elapsed() > SliceBudgetMs;
    });
    m_progress.realElapsedMs = m_realTime ? m_realTimer.elapsed()
                                          : m_progress.realElapsedMs + slice.elapsed();
    absorbNewEvents();
    if (runOver()) {
        finishIfDone();
        return;
    }
    if (hit || reached) {
        pauseAtStop(reached);
        return;
    }
    if (m_realTime && m_absorbed < m_execution->history().size()) {
        m_sliceTimer.start(0); // the held events are shown by the next slice, when due
        return;
    }
    m_sliceTimer.start(tickMs);
}

void DebugController::absorbNewEvents(bool all)
{
    const engine::ExecutionHistory &events = m_execution->history();
    const std::size_t first = m_absorbed;
    std::size_t total = events.size();
    if (m_realTime && !all) {
        const std::int64_t now = wallNowMs();
        for (std::size_t i = first; i < total; ++i)
            if (events.at(i).timestampMs > now) {
                total = i;
                break;
            }
    }
    if (first == total)
        return;
    for (std::size_t i = first; i < total; ++i) {
        const engine::HistoryEvent &event = events.at(i);
        if (event.type == "MapStateStarted" && event.details.is_object())
            m_progress.mapIterationsTotal += event.details.value("length", std::size_t{0});
        else if (event.type == "MapIterationSucceeded" || event.type == "MapIterationFailed"
                 || event.type == "MapIterationAborted")
            ++m_progress.mapIterationsDone;
    }
    m_progress.events = total;
    m_progress.virtualElapsedMs = events.at(total - 1).timestampMs - events.at(0).timestampMs;
    if (m_store && m_storedRunId) {
        if (auto error = m_store->appendEvents(m_storedRunId, events, first, total))
            emit errorOccurred(*error);
    }
    m_absorbed = total;
    const bool following = m_cursor == static_cast<int>(first) - 1;
    emit eventsAppended(static_cast<int>(first), static_cast<int>(total) - 1);
    emit progressChanged(m_progress);
    if (following) {
        m_cursor = static_cast<int>(total) - 1;
        emit cursorChanged(m_cursor);
        emitOverlay();
    }
}

} // namespace stepwise::ui
