#pragma once
// Drives one debugger run (issue 5): owns the engine::Execution, runs it in slices on the event
// loop so the designer stays responsive for 100,000-event runs, stops at breakpoints, keeps the
// time cursor every view follows, computes the canvas overlay at that cursor, stores the run as it
// happens and marks it stale when the document changes. Headless: no widget in here.
#include "core/asl/StateMachine.h"
#include "core/engine/Execution.h"
#include "ui/canvas/RunOverlay.h"
#include "ui/debug/BreakpointSet.h"
#include "ui/debug/NodeLocator.h"
#include "ui/debug/OverlayBuilder.h"
#include "ui/debug/RunConfig.h"
#include "ui/debug/RunProgress.h"
#include "ui/debug/VisitContext.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

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
    void pause();
    void stop();
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
    bool isStale() const { return m_stale; }
    const engine::ExecutionHistory *history() const;
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
    bool ensureRun();
    bool runOver() const; // no live run, or it ended and every event is shown
    bool runWith(Goal goal);
    void runSlice();
    bool atBreakpoint(const engine::HistoryEvent &event);
    void pauseAtStop(bool reachedGoal); // a breakpoint or the step's goal was reached
    // Counts, stores and announces the events the run appended. With the real clock only those
    // whose time has come on the wall clock (`all` = every one, e.g. when the run is stopped).
    void absorbNewEvents(bool all = false);
    std::int64_t wallNowMs() const;
    bool showHeldEvents(); // real clock: events that ran ahead; true when the slice should end
    void finishIfDone();
    void setPhase(Phase phase);
    void resetRunState();
    void emitOverlay();
    void documentChanged();

    Document *m_document;
    RunConfig m_config;
    RunStore *m_store = nullptr;
    BreakpointSet m_breakpoints;

    std::optional<asl::StateMachine> m_machine;
    std::unique_ptr<engine::Execution> m_execution;
    std::optional<engine::ExecutionHistory> m_replay;
    std::unique_ptr<NodeLocator> m_locator;
    std::unique_ptr<OverlayBuilder> m_overlayBuilder;

    Phase m_phase = Phase::Idle;
    Goal m_goal;
    bool m_continuing = false;
    QTimer m_sliceTimer;
    int m_speed = 0;
    QString m_pauseReason;
    bool m_stale = false;
    int m_cursor = -1;
    std::size_t m_absorbed = 0; // events already counted in progress / stored
    RunProgress m_progress;
    QElapsedTimer m_realTimer;
    // "Real" clock (issue 5): the engine runs on a virtual clock that the controller holds to
    // wall time, showing each event only when its time comes, so a Wait 10s never blocks the
    // event loop and pause/stop work during it.
    bool m_realTime = false;
    std::int64_t m_wallStartMs = 0;
    qint64 m_storedRunId = 0;
};

} // namespace stepwise::ui
