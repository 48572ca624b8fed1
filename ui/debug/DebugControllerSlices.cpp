// The worker side of the controller (issue 5): starting the run's worker thread, posting orders
// to it, and taking the batches of events it delivers into the shown history, the progress, the
// store and the cursor.
#include "ui/debug/DebugController.h"

#include "ui/debug/RunStore.h"

#include <QCoreApplication>

#include <algorithm>

#include <thread>

namespace stepwise::ui {
namespace {

constexpr std::size_t AbsorbChunk = 64;

} // namespace

void DebugController::startWorker(bool realTime, std::shared_ptr<std::function<void()>> flushHook)
{
    const std::uint64_t runId = ++m_runId;
    auto deliver = [this, runId](std::shared_ptr<RunBatch> batch) {
        // On the worker thread: queue the batch to the controller's (UI) thread.
        QMetaObject::invokeMethod(
            this,
            [this, runId, batch] {
                if (runId == m_runId)
                    receiveBatch(batch);
            },
            Qt::QueuedConnection);
    };
    m_worker = new RunWorker(m_execution, m_locator->graph(), realTime, std::move(deliver));
    m_worker->setBreakpoints(m_breakpoints);
    *flushHook = [worker = m_worker] { worker->flush(); };
    m_worker->moveToThread(&m_thread);
    if (!m_thread.isRunning())
        m_thread.start();
}

void DebugController::postOrder(RunOrder order)
{
    order.generation = ++m_generation;
    m_worker->prepareOrder(order.generation);
    m_workerBusy = true;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, order = std::move(order)] { worker->run(order); },
        Qt::QueuedConnection);
}

void DebugController::syncBreakpoints()
{
    if (!m_worker)
        return;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, breakpoints = m_breakpoints] {
            worker->setBreakpoints(breakpoints);
        },
        Qt::QueuedConnection);
}

bool DebugController::waitForWorker(int timeoutMs)
{
    QElapsedTimer waited;
    waited.start();
    while (m_workerBusy && waited.elapsed() < timeoutMs) {
        QCoreApplication::sendPostedEvents(this, QEvent::MetaCall); // its batches
        absorbIncoming(-1); // all of them: the caller waits for the run
        if (m_workerBusy)
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return !m_workerBusy;
}

void DebugController::stopWorker()
{
    if (!m_worker)
        return;
    if (m_workerBusy && m_execution) {
        m_execution->requestAbort();
        waitForWorker(5000);
    }
    ++m_runId; // whatever it still sends belongs to the old run
    m_incoming.clear();
    m_incomingOffset = 0;
    m_absorbTimer.stop();
    m_worker->release();
    m_worker->deleteLater();
    m_worker = nullptr;
    m_workerBusy = false;
}

// A breakpoint (its reason already set) or the step's goal stopped the run.
void DebugController::pauseAtStop(bool reachedGoal)
{
    if (reachedGoal)
        m_pauseReason = tr("Stepped");
    m_goal = nullptr;
    setPhase(Phase::Paused);
    emit pausedAt(m_pauseReason);
}

void DebugController::receiveBatch(std::shared_ptr<RunBatch> batch)
{
    if (!m_worker || !m_shown)
        return;
    m_incoming.push_back(std::move(batch));
    if (!m_absorbTimer.isActive())
        m_absorbTimer.start();
}

// Delivered batches are queued and taken AbsorbChunk events at a time for at most `budgetMs`
// (-1: all) per turn of the event loop: a run going flat out then leaves the window time to
// scroll and paint between turns, instead of taking one batch after another.
void DebugController::absorbIncoming(qint64 budgetMs)
{
    QElapsedTimer spent;
    spent.start();
    while (!m_incoming.empty()) {
        const std::shared_ptr<RunBatch> batch = m_incoming.front();
        const std::size_t take = std::min(AbsorbChunk, batch->events.size() - m_incomingOffset);
        m_incomingOffset += take;
        appendEvents(batch->events, m_incomingOffset - take, take);
        if (m_incoming.empty() || m_incoming.front() != batch)
            return; // a listener reset the run meanwhile
        if (m_incomingOffset == batch->events.size()) {
            m_incoming.pop_front();
            m_incomingOffset = 0;
            finishBatch(*batch);
        }
        if (budgetMs >= 0 && spent.elapsed() >= budgetMs)
            break;
    }
    if (!m_incoming.empty() && !m_absorbTimer.isActive())
        m_absorbTimer.start();
}

void DebugController::finishBatch(const RunBatch &batch)
{
    if (!m_worker || !m_shown)
        return;
    m_worker->batchConsumed();
    if (!batch.last || batch.generation != m_generation)
        return; // more to come, or an order a newer one replaced
    m_workerBusy = false;
    m_liveFinished = batch.finished;
    m_liveStatus = batch.status;
    if (batch.finished) {
        if (!batch.reason.isEmpty())
            emit errorOccurred(batch.reason); // a redrive refused after all
        finishIfDone();
        return;
    }
    switch (batch.stop) {
    case RunBatch::Stop::Breakpoint:
        m_pauseReason = batch.reason;
        pauseAtStop(false);
        break;
    case RunBatch::Stop::Goal:
        pauseAtStop(true);
        break;
    case RunBatch::Stop::Paused:
    case RunBatch::Stop::Ended:
        if (m_phase == Phase::Running) {
            m_pauseReason = tr("Paused");
            pauseAtStop(false);
        }
        break;
    }
}

void DebugController::appendEvents(std::vector<engine::HistoryEvent> &events, std::size_t from,
                                   std::size_t count)
{
    if (count == 0)
        return;
    const std::size_t first = m_shown->size();
    for (std::size_t i = from; i < from + count; ++i) {
        engine::HistoryEvent &event = events[i];
        if (event.type == "MapStateStarted" && event.details.is_object())
            m_progress.mapIterationsTotal += event.details.value("length", std::size_t{0});
        else if (event.type == "MapIterationSucceeded" || event.type == "MapIterationFailed"
                 || event.type == "MapIterationAborted")
            ++m_progress.mapIterationsDone;
        m_shown->append(std::move(event));
    }
    const std::size_t total = m_shown->size();
    m_progress.events = total;
    m_progress.virtualElapsedMs = m_shown->back().timestampMs - m_shown->at(0).timestampMs;
    updateRealElapsed();
    if (m_store && m_storedRunId) {
        if (auto error = m_store->appendEvents(m_storedRunId, *m_shown, first, total))
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
