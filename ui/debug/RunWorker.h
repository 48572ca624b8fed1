#pragma once
// Runs a debugger execution off the UI thread (issue 5): a slow local program or a real-clock
// Wait blocks this worker, never the window. It owns the stepping while an order runs, stops at
// breakpoints and step goals on the exact event, and hands the new events to the controller in
// batches through queued calls. Pause and stop reach it through thread-safe requests.
#include "core/engine/Execution.h"
#include "ui/debug/BreakpointSet.h"
#include "ui/debug/NodeLocator.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace stepwise::ui {

// What the controller asks: run until the goal (nullptr: Continue), a breakpoint, a pause or
// the end; `speed` paces Continue in events per second (0: flat out).
struct RunOrder
{
    std::uint64_t generation = 0;
    std::function<bool(const engine::HistoryEvent &)> goal;
    int speed = 0;
    bool redrive = false; // RedriveExecution first (spec §13.2)
};

// New events, in order, and why the worker stopped when `last` (the order is done).
struct RunBatch
{
    enum class Stop { Paused, Breakpoint, Goal, Ended };
    std::uint64_t generation = 0;
    std::vector<engine::HistoryEvent> events;
    bool last = false;
    Stop stop = Stop::Paused;
    QString reason;            // the breakpoint's, or the redrive's refusal
    bool finished = false;     // the execution has ended (status tells how)
    engine::ExecutionStatus status = engine::ExecutionStatus::Running;
};

class RunWorker : public QObject
{
    Q_OBJECT
public:
    using Deliver = std::function<void(std::shared_ptr<RunBatch>)>;
    // `graph` gives the worker its own node lookup for breakpoints (the controller's is not
    // thread-safe); `deliver` is called on the worker thread and must queue to the UI.
    RunWorker(std::shared_ptr<engine::Execution> execution, graph::Graph graph, bool realTime,
              Deliver deliver);

    // Worker thread only: orders, breakpoint updates (both queued by the controller).
    void run(const RunOrder &order);
    void setBreakpoints(const BreakpointSet &breakpoints) { m_breakpoints = breakpoints; }
    // Worker thread: before a Task reaches outside (maybe for long), show what ran up to it.
    void flush();

    // Any thread. Before posting an order: clears a pause, and a slice of an older order stops
    // at its next event.
    void prepareOrder(std::uint64_t generation);
    // Stops the running order at the next event boundary (a real-clock wait at once).
    void requestPause();
    void batchConsumed();
    // The controller goes away: never wait for it to take a batch again.
    void release();

private:
    void slice(std::uint64_t generation);
    bool atBreakpoint(const engine::HistoryEvent &event, QString &reason);
    void collect();
    void send(bool last, RunBatch::Stop stop = RunBatch::Stop::Paused, QString reason = {});
    // Backpressure: the worker stays at most two batches ahead of what the window shows, so a
    // pause stops what the user sees, not something far ahead of it.
    void waitForController(std::uint64_t generation);
    bool stale(std::uint64_t generation) const { return generation != m_latest.load(); }

    std::shared_ptr<engine::Execution> m_execution;
    NodeLocator m_locator;
    BreakpointSet m_breakpoints;
    Deliver m_deliver;
    RunOrder m_order;
    bool m_realTime = false;
    std::size_t m_collected = 0;               // history events already put in a batch
    std::vector<engine::HistoryEvent> m_pending; // collected, not yet sent
    QElapsedTimer m_sinceSend;
    std::atomic<std::uint64_t> m_latest{0};
    std::atomic<int> m_unconsumed{0}; // batches sent, not yet taken by the controller
    std::atomic<bool> m_pauseRequested{false};
    std::atomic<bool> m_released{false};
    std::mutex m_flowMutex;
    std::condition_variable m_flow;
};

// The handlers wrapped so that `beforeInvoke` runs before each Task reaches outside.
std::vector<std::shared_ptr<engine::TaskHandler>>
flushingBeforeTasks(std::vector<std::shared_ptr<engine::TaskHandler>> handlers,
                    std::shared_ptr<std::function<void()>> beforeInvoke);

} // namespace stepwise::ui
