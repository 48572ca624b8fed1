// The debugger's worker (issue 5): slices of the execution on the worker thread, breakpoints and
// step goals checked on each new event, batches of events handed to the controller.
#include "ui/debug/RunWorker.h"

#include "ui/debug/OverlayBuilder.h"
#include "ui/debug/VisitContext.h"

#include <QTimer>

#include <algorithm>
#include <limits>

namespace stepwise::ui {
namespace {

constexpr qint64 SliceBudgetMs = 12;  // between slices the worker takes breakpoint updates
constexpr qint64 SendEveryMs = 16;    // ~60 batches a second at most while running flat out
constexpr int MaxBatchesAhead = 2;

std::string errorName(const Json &details)
{
    if (details.is_object() && details.contains("error") && details["error"].is_string())
        return details["error"].get<std::string>();
    return {};
}

class FlushingHandler final : public engine::TaskHandler
{
public:
    FlushingHandler(std::shared_ptr<engine::TaskHandler> inner,
                    std::shared_ptr<std::function<void()>> before)
        : m_inner(std::move(inner)), m_before(std::move(before))
    {
    }
    bool handles(const engine::TaskRequest &request) const override
    {
        return m_inner->handles(request);
    }
    engine::TaskOutcome invoke(const engine::TaskRequest &request) override
    {
        if (m_before && *m_before)
            (*m_before)();
        return m_inner->invoke(request);
    }
    void setCancelled(bool on) override { m_inner->setCancelled(on); }

private:
    std::shared_ptr<engine::TaskHandler> m_inner;
    std::shared_ptr<std::function<void()>> m_before;
};

} // namespace

std::vector<std::shared_ptr<engine::TaskHandler>>
flushingBeforeTasks(std::vector<std::shared_ptr<engine::TaskHandler>> handlers,
                    std::shared_ptr<std::function<void()>> beforeInvoke)
{
    for (auto &handler : handlers)
        handler = std::make_shared<FlushingHandler>(std::move(handler), beforeInvoke);
    return handlers;
}

RunWorker::RunWorker(std::shared_ptr<engine::Execution> execution, graph::Graph graph,
                     bool realTime, Deliver deliver)
    : m_execution(std::move(execution)), m_locator(std::move(graph)),
      m_deliver(std::move(deliver)), m_realTime(realTime)
{
    m_collected = m_execution->history().size(); // ExecutionStarted: the controller has it
}

void RunWorker::prepareOrder(std::uint64_t generation)
{
    {
        std::lock_guard lock(m_flowMutex);
        m_latest.store(generation);
        m_pauseRequested.store(false);
    }
    m_execution->setInterrupted(false);
    m_flow.notify_all();
}

void RunWorker::requestPause()
{
    {
        std::lock_guard lock(m_flowMutex);
        m_pauseRequested.store(true);
    }
    m_execution->setInterrupted(true);
    m_flow.notify_all();
}

void RunWorker::batchConsumed()
{
    {
        std::lock_guard lock(m_flowMutex);
        m_unconsumed.fetch_sub(1);
    }
    m_flow.notify_all();
}

void RunWorker::release()
{
    {
        std::lock_guard lock(m_flowMutex);
        m_released.store(true);
    }
    m_flow.notify_all();
}

void RunWorker::waitForController(std::uint64_t generation)
{
    std::unique_lock lock(m_flowMutex);
    m_flow.wait(lock, [&] {
        return m_unconsumed.load() < MaxBatchesAhead || m_pauseRequested.load()
               || stale(generation) || m_released.load();
    });
}

void RunWorker::run(const RunOrder &order)
{
    if (stale(order.generation))
        return;
    m_order = order;
    m_sinceSend.start();
    if (order.redrive) {
        auto redriven = m_execution->redrive();
        if (!redriven) {
            send(true, RunBatch::Stop::Ended, QString::fromStdString(redriven.error()));
            return;
        }
    }
    slice(order.generation);
}

bool RunWorker::atBreakpoint(const engine::HistoryEvent &event, QString &reason)
{
    if (m_breakpoints.breakOnError() && isStateErrorEvent(event.type)) {
        reason = tr("Error in %1: %2")
                     .arg(QString::fromStdString(event.stateName),
                          QString::fromStdString(errorName(event.details)));
        return true;
    }
    if (!event.type.ends_with("StateEntered"))
        return false;
    const std::string &id = m_locator.nodeId(event.scope, event.stateName);
    if (id.empty() || !m_breakpoints.contains(id))
        return false;
    const Json input = detailsJson(event.details, "input").value_or(Json(nullptr));
    if (!m_breakpoints.shouldBreak(id, input))
        return false;
    reason = tr("Breakpoint at %1").arg(QString::fromStdString(event.stateName));
    return true;
}

void RunWorker::slice(std::uint64_t generation)
{
    if (stale(generation))
        return;
    // Paced Continue: a few events per tick; flat out: as many as fit in the slice budget.
    const bool paced = !m_order.goal && m_order.speed > 0;
    const int tickMs = paced ? std::max(16, 1000 / m_order.speed) : 0;
    const std::size_t quota = paced
                                  ? static_cast<std::size_t>(std::max(1, m_order.speed * tickMs / 1000))
                                  : std::numeric_limits<std::size_t>::max();
    QElapsedTimer elapsed;
    elapsed.start();
    std::size_t count = 0;
    bool stopped = false;
    RunBatch::Stop stop = RunBatch::Stop::Paused;
    QString reason;
    m_execution->runUntil([&](const engine::HistoryEvent &event) {
        ++count;
        if (atBreakpoint(event, reason)) {
            stop = RunBatch::Stop::Breakpoint;
            return stopped = true;
        }
        if (m_order.goal && m_order.goal(event)) {
            stop = RunBatch::Stop::Goal;
            return stopped = true;
        }
        if (stale(generation) || count >= quota)
            return true;
        // A real-clock run shows each event as it happens (the next step may wait for long).
        if (m_realTime || m_sinceSend.elapsed() >= SendEveryMs) {
            collect();
            send(false);
            waitForController(generation);
        }
        return (count % 32) == 0 && elapsed.elapsed() > SliceBudgetMs;
    });
    collect();
    if (m_execution->isFinished())
        return send(true, RunBatch::Stop::Ended);
    if (stopped)
        return send(true, stop, reason);
    if (stale(generation)) { // a newer order (a step, a stop) takes over
        if (!m_pending.empty())
            send(false);
        return;
    }
    if (m_pauseRequested.load())
        return send(true, RunBatch::Stop::Paused);
    if (!m_pending.empty() && m_sinceSend.elapsed() >= SendEveryMs) {
        send(false);
        waitForController(generation);
    }
    QTimer::singleShot(tickMs, this, [this, generation] { slice(generation); });
}

void RunWorker::flush()
{
    collect();
    if (!m_pending.empty())
        send(false);
}

void RunWorker::collect()
{
    const engine::ExecutionHistory &history = m_execution->history();
    for (; m_collected < history.size(); ++m_collected)
        m_pending.push_back(history.at(m_collected));
}

void RunWorker::send(bool last, RunBatch::Stop stop, QString reason)
{
    auto batch = std::make_shared<RunBatch>();
    batch->generation = m_order.generation;
    batch->events = std::move(m_pending);
    m_pending.clear();
    batch->last = last;
    batch->stop = stop;
    batch->reason = std::move(reason);
    batch->finished = m_execution->isFinished();
    batch->status = m_execution->status();
    m_unconsumed.fetch_add(1);
    m_sinceSend.restart();
    m_deliver(std::move(batch));
}

} // namespace stepwise::ui
