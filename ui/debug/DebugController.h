#pragma once
// Drives one debugger run (issue 5): the engine::Execution runs on a worker thread (RunWorker),
// so a slow Task program or a real-clock Wait never blocks the designer; the controller takes the
// events it delivers into its own copy of the history, keeps the time cursor every view follows,
// computes the canvas overlay at that cursor, stores the run as it happens and marks it stale
// when the document changes. Headless: no widget in here.
#include "core/asl/StateMachine.h"
#include "core/engine/Execution.h"
#include "ui/canvas/RunOverlay.h"
#include "ui/debug/BreakpointSet.h"
#include "ui/debug/NodeLocator.h"
#include "ui/debug/OverlayBuilder.h"
#include "ui/debug/RunConfig.h"
#include "ui/debug/RunProgress.h"
#include "ui/debug/RunWorker.h"
#include "ui/debug/StateVisitData.h"
#include "ui/debug/VariableScopes.h"
#include "ui/debug/VisitContext.h"

#include <QElapsedTimer>
#include <QObject>
#include <QThread>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>
#include <optional>

namespace stepwise::ui {

class Document;
class RunStore;

class DebugController : public QObject
{
    Q_OBJECT
public:
    enum class Phase { Idle, Paused, Running, Finished, Replay };
    Q_ENUM(Phase)

    explicit DebugController(Document *document, QObject *parent = nullptr);
    ~DebugController() override;

    void setRunConfig(const RunConfig &config) { m_config = config; }
    const RunConfig &runConfig() const { return m_config; }
    // Not owned; nullptr (the default) keeps runs in memory only.
    void setRunStore(RunStore *store) { m_store = store; }
    RunStore *runStore() const { return m_store; }

    // Run control. Each returns false and emits errorOccurred when it cannot act. Steps start a
    // run paused when there is none.
    bool start();       // a new run, then Continue
    bool startPaused(); // a new run, paused before its first event
    bool stepEvent();   // one history event
    bool stepInto();    // to the next state entered or exited, at any depth (a branch, an iteration)
    bool stepOver();    // "Step": to the next state entered in this scope or an outer one
    bool continueRun();
    void pause(); // at the next event boundary (a real-clock wait is cut short)
    void stop();  // StopExecution: interrupts a wait, kills a running program, returns when done
    bool restart();
    // RedriveExecution (spec §13.2) of the finished run: the same history gets ExecutionRedriven
    // and the unsuccessful states run again; then Continue. Why it cannot be redriven, or
    // nullopt when it can (a failed, timed-out or aborted live run).
    std::optional<QString> redriveRefusal() const;
    bool redrive();
    void setSpeed(int eventsPerSecond); // 0 = as fast as possible
    int speed() const { return m_speed; }

    // A stored or imported history shown read-only on the current machine.
    void openReplay(engine::ExecutionHistory history, qint64 storedRunId = 0);
    void clearRun();

    void toggleBreakpoint(const std::string &nodeId);
    void setBreakpoint(const std::string &nodeId, bool on);
    std::optional<QString> setBreakpointCondition(const std::string &nodeId,
                                                  const BreakCondition &condition);
    void setBreakOnError(bool on);
    const BreakpointSet &breakpoints() const { return m_breakpoints; }

    Phase phase() const { return m_phase; }
    bool hasRun() const { return history() != nullptr; }
    bool isLive() const { return m_execution && !m_liveFinished; } // a run that can go on
    // The worker still runs an order: after a pause, until the events it ran before the pause
    // reached it have arrived (at most one Task or one event later).
    bool isWorking() const { return m_workerBusy; }
    bool isStale() const { return m_stale; }
    // The events shown so far (a live run's as the worker delivered them, or a replay's).
    const engine::ExecutionHistory *history() const;
    // The live execution: read it only while no order runs (the run is finished, or paused at a
    // breakpoint or step goal); the worker thread steps it otherwise.
    const engine::Execution *execution() const { return m_execution.get(); }
    const asl::StateMachine *runMachine() const; // the machine as it ran (nullptr: none)
    const NodeLocator *locator() const { return m_locator.get(); }
    const RunProgress &progress() const { return m_progress; }
    QString pauseReason() const { return m_pauseReason; }
    qint64 storedRunId() const { return m_storedRunId; }

    // The time cursor: the index of the event every view shows the execution at (-1: none).
    // Stepping backwards is moving it; new events move it only while it is on the newest one.
    int cursor() const { return m_cursor; }
    void setCursor(int index);
    void stepBack();
    bool isFollowing() const;
    RunOverlay overlay();

    // What the latest visit of `stateName` (the history's name, any scope) entered at or before
    // the cursor saw: its input, the context object and the variables in its scope. For previews
    // of JSONata expressions against real run data; nullopt when the state has not run.
    using VisitContext = ui::VisitContext;
    std::optional<VisitContext> inputOfVisit(const std::string &stateName) const;
    // The state visit the cursor's event belongs to, as it was then (the State data panel).
    std::optional<VisitData> visitAtCursor() const;
    // The ARNs of the live run (empty for a replay: the history does not record them).
    RunIdentity runIdentity() const;

signals:
    void phaseChanged(stepwise::ui::DebugController::Phase phase);
    void runReset();                          // a new history: a run, a replay, or none
    void eventsAppended(int first, int last); // rows first..last (inclusive) are new
    void cursorChanged(int index);
    void overlayChanged(const stepwise::ui::RunOverlay &overlay);
    void progressChanged(const stepwise::ui::RunProgress &progress);
    void staleChanged(bool stale);
    void breakpointsChanged();
    void pausedAt(const QString &reason);
    void errorOccurred(const QString &message);

private:
    using Goal = std::function<bool(const engine::HistoryEvent &)>;

    bool createExecution();
    void startWorker(bool realTime, std::shared_ptr<std::function<void()>> flushHook);
    bool ensureRun();
    bool runOver() const; // no live run, or it ended (every delivered event is shown at once)
    bool runWith(Goal goal);
    void postOrder(RunOrder order);
    void syncBreakpoints();
    // Queues a batch from the worker; absorbIncoming appends, stores and announces its events a
    // few at a time, then finishBatch acts on why the worker stopped (a breakpoint, the step's
    // goal, a pause, the end).
    void receiveBatch(std::shared_ptr<RunBatch> batch);
    // At most `budgetMs` of work per turn of the event loop (-1: everything queued).
    void absorbIncoming(qint64 budgetMs = 6);
    void finishBatch(const RunBatch &batch);
    // Moves events[from, from + count) into the shown history.
    void appendEvents(std::vector<engine::HistoryEvent> &events, std::size_t from, std::size_t count);
    bool waitForWorker(int timeoutMs); // delivers its batches meanwhile; false on timeout
    void stopWorker();
    void pauseAtStop(bool reachedGoal); // a breakpoint or the step's goal was reached
    void finishIfDone();
    void setPhase(Phase phase);
    void updateRealElapsed();
    void resetRunState();
    void emitOverlay();
    void documentChanged();

    Document *m_document;
    RunConfig m_config;
    RunStore *m_store = nullptr;
    BreakpointSet m_breakpoints;

    std::optional<asl::StateMachine> m_machine;
    std::shared_ptr<engine::Execution> m_execution; // shared with the worker
    std::optional<engine::ExecutionHistory> m_shown; // a live run's delivered events, or a replay
    std::unique_ptr<NodeLocator> m_locator;
    std::unique_ptr<OverlayBuilder> m_overlayBuilder;
    // Folded as the cursor moves (a cache: reading a visit must not walk the whole history).
    mutable VariableScopes m_variables;

    QThread m_thread;
    RunWorker *m_worker = nullptr; // lives on m_thread
    // Batches delivered but not all shown yet; m_incomingOffset events of the first one are.
    std::deque<std::shared_ptr<RunBatch>> m_incoming;
    std::size_t m_incomingOffset = 0;
    QTimer m_absorbTimer;
    std::uint64_t m_runId = 0;      // batches of an earlier run are dropped
    std::uint64_t m_generation = 0; // the newest order
    bool m_workerBusy = false;      // an order runs (its last batch has not come)
    bool m_liveFinished = false;
    engine::ExecutionStatus m_liveStatus = engine::ExecutionStatus::Running;

    Phase m_phase = Phase::Idle;
    Goal m_goal;
    int m_speed = 0;
    QString m_pauseReason;
    bool m_stale = false;
    int m_cursor = -1;
    std::size_t m_absorbed = 0; // events shown: counted in progress and stored
    RunProgress m_progress;
    // Real time spent running (issue 5): it stops while paused and goes on with Continue.
    QElapsedTimer m_runningTimer;
    std::int64_t m_realBeforeMs = 0;
    QTimer m_tick; // refreshes the elapsed real time while a long wait or program runs
    qint64 m_storedRunId = 0;
};

} // namespace stepwise::ui
