// Run control, breakpoints, time cursor and overlay (issue 5; ASL spec §9); the run itself
// advances on the worker thread, whose batches DebugControllerSlices.cpp takes in.
#include "ui/debug/DebugController.h"

#include "core/asl/Serializer.h"
#include "core/graph/Graph.h"
#include "ui/debug/RunStore.h"
#include "ui/document/Document.h"

#include <QElapsedTimer>

#include <algorithm>
#include <chrono>

namespace stepwise::ui {
namespace {

constexpr int StopWaitMs = 10000; // a killed program or an interrupted wait ends well before

// Depth of a scope: "" 0, "Par/0" 1, "Par/0/Map/3" 2.
std::size_t scopeDepth(const std::string &scope)
{
    if (scope.empty())
        return 0;
    return static_cast<std::size_t>(std::count(scope.begin(), scope.end(), '/') + 1) / 2;
}

QString describeStatus(engine::ExecutionStatus status)
{
    return QString::fromLatin1(engine::statusName(status));
}

} // namespace

DebugController::DebugController(Document *document, QObject *parent)
    : QObject(parent), m_document(document)
{
    m_thread.setObjectName(QStringLiteral("stepwise-run"));
    m_absorbTimer.setSingleShot(true);
    m_absorbTimer.setInterval(0);
    connect(&m_absorbTimer, &QTimer::timeout, this, [this] { absorbIncoming(); });
    m_tick.setInterval(250);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        updateRealElapsed();
        emit progressChanged(m_progress);
    });
    connect(m_document, &Document::machineChanged, this, &DebugController::documentChanged);
}

DebugController::~DebugController()
{
    // A running order ends at once; a paused run stays as it is (its stored row reads RUNNING,
    // as after a crash).
    if (m_execution && m_workerBusy)
        m_execution->requestAbort();
    if (m_worker)
        m_worker->release();
    m_thread.quit();
    m_thread.wait();
    delete m_worker; // its thread has ended
}

const engine::ExecutionHistory *DebugController::history() const
{
    return m_shown ? &*m_shown : nullptr;
}

const asl::StateMachine *DebugController::runMachine() const
{
    return m_machine ? &*m_machine : nullptr;
}

void DebugController::setPhase(Phase phase)
{
    if (m_phase == phase)
        return;
    if (m_phase == Phase::Running) {
        updateRealElapsed();
        m_realBeforeMs = m_progress.realElapsedMs;
        m_tick.stop();
    }
    m_phase = phase;
    if (phase == Phase::Running) {
        m_runningTimer.start();
        m_tick.start();
    }
    emit phaseChanged(phase);
}

void DebugController::updateRealElapsed()
{
    m_progress.realElapsedMs = m_realBeforeMs
                               + (m_phase == Phase::Running && m_runningTimer.isValid()
                                      ? m_runningTimer.elapsed()
                                      : 0);
}

void DebugController::resetRunState()
{
    stopWorker();
    m_tick.stop();
    m_execution.reset();
    m_shown.reset();
    m_variables.reset();
    m_liveFinished = false;
    m_liveStatus = engine::ExecutionStatus::Running;
    m_realBeforeMs = 0;
    m_goal = nullptr;
    m_pauseReason.clear();
    m_cursor = -1;
    m_absorbed = 0;
    m_progress = {};
    m_storedRunId = 0;
    if (m_stale) {
        m_stale = false;
        emit staleChanged(false);
    }
}

bool DebugController::createExecution()
{
    if (!m_document->hasMachine()) {
        emit errorOccurred(tr("Open a state machine before starting a run."));
        return false;
    }
    for (const Diagnostic &d : m_document->diagnostics())
        if (d.severity == Severity::Error) {
            emit errorOccurred(tr("The definition has errors; fix them first. %1 %2: %3")
                                   .arg(QString::fromStdString(d.code),
                                        QString::fromStdString(d.path),
                                        QString::fromStdString(d.message)));
            return false;
        }
    auto input = parseInput(m_config.inputText);
    if (auto *error = std::get_if<QString>(&input)) {
        emit errorOccurred(*error);
        return false;
    }
    const QString name = machineNameFor(m_config, m_document->filePath());
    auto handlers = buildHandlers(m_config, name);
    if (auto *error = std::get_if<QString>(&handlers)) {
        emit errorOccurred(*error);
        return false;
    }
    resetRunState();
    engine::ExecutionOptions options;
    options.stateMachineName = name.toStdString();
    options.clock = m_config.clock; // a real-clock wait blocks the worker thread, not the window
    options.inputText = m_config.inputText.toStdString();
    auto flushHook = std::make_shared<std::function<void()>>();
    options.handlers = flushingBeforeTasks(std::move(std::get<HandlerList>(handlers)), flushHook);
    options.maxHistoryEvents = m_config.maxHistoryEvents;
    options.startTimeMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                              std::chrono::system_clock::now().time_since_epoch())
                              .count();
    m_machine = m_document->machine();
    m_locator = std::make_unique<NodeLocator>(graph::project(*m_machine));
    m_overlayBuilder = std::make_unique<OverlayBuilder>(m_locator.get());
    m_execution = std::make_shared<engine::Execution>(*m_machine,
                                                      std::move(std::get<Json>(input)), options);
    m_shown.emplace();
    startWorker(m_config.clock == engine::ClockMode::Real, std::move(flushHook));
    if (m_store) {
        StoredRun run;
        run.name = QString::fromStdString(m_execution->executionArn()).section(u':', -1);
        run.definitionPath = m_document->filePath();
        run.definition = QString::fromStdString(asl::serialize(*m_machine));
        run.input = m_config.inputText;
        run.handlers = m_config.testCase.isEmpty()
                           ? m_config.bindingsPath
                           : QStringLiteral("%1 (%2)").arg(m_config.testCase, m_config.mockConfigPath);
        run.status = QStringLiteral("RUNNING");
        run.startedMs = options.startTimeMs;
        auto id = m_store->beginRun(run);
        if (id)
            m_storedRunId = id.value();
        else
            emit errorOccurred(id.error());
    }
    emit runReset();
    setPhase(Phase::Paused);
    // ExecutionStarted, appended when the execution was created (before the worker had it).
    std::vector<engine::HistoryEvent> started(m_execution->history().begin(),
                                              m_execution->history().end());
    appendEvents(started, 0, started.size());
    emitOverlay();
    return true;
}

bool DebugController::runOver() const
{
    return !m_execution || m_liveFinished;
}

bool DebugController::ensureRun()
{
    if (!runOver())
        return true;
    if (m_phase == Phase::Running)
        return true;
    return createExecution();
}

bool DebugController::start()
{
    return createExecution() && continueRun();
}

bool DebugController::startPaused()
{
    return createExecution();
}

bool DebugController::restart()
{
    stop();
    return start();
}

std::optional<QString> DebugController::redriveRefusal() const
{
    if (!m_execution)
        return m_shown ? tr("A stored or imported run is shown read-only; only the live run can be redriven.")
                        : tr("There is no run to redrive.");
    if (m_phase != Phase::Finished)
        return tr("Only a finished run can be redriven; this one is still going.");
    if (auto refusal = m_execution->redriveRefusal())
        return QString::fromStdString(*refusal);
    return std::nullopt;
}

bool DebugController::redrive()
{
    if (auto refusal = redriveRefusal()) {
        emit errorOccurred(*refusal);
        return false;
    }
    // The same stored run goes on: RUNNING again, its new events appended to the old ones. The
    // worker redrives the execution (ExecutionRedriven), then continues it.
    if (m_store && m_storedRunId)
        if (auto error = m_store->resumeRun(m_storedRunId))
            emit errorOccurred(*error);
    m_liveFinished = false;
    m_liveStatus = engine::ExecutionStatus::Running;
    m_pauseReason.clear();
    m_goal = nullptr;
    setPhase(Phase::Running);
    RunOrder order;
    order.redrive = true;
    order.speed = m_speed;
    postOrder(std::move(order));
    return true;
}

bool DebugController::stepEvent()
{
    return ensureRun() && runWith([](const engine::HistoryEvent &) { return true; });
}

bool DebugController::stepInto()
{
    return ensureRun() && runWith([](const engine::HistoryEvent &event) {
               return event.type.ends_with("StateEntered") || event.type.ends_with("StateExited");
           });
}

bool DebugController::stepOver()
{
    if (!ensureRun())
        return false;
    const engine::ExecutionHistory &events = *m_shown;
    std::size_t depth = 0;
    for (auto it = events.events().rbegin(); it != events.events().rend(); ++it)
        if (!it->stateName.empty()) {
            depth = scopeDepth(it->scope);
            break;
        }
    return runWith([depth](const engine::HistoryEvent &event) {
        return event.type.ends_with("StateEntered") && scopeDepth(event.scope) <= depth;
    });
}

bool DebugController::continueRun()
{
    if (!ensureRun())
        return false;
    return runWith(nullptr);
}

bool DebugController::runWith(Goal goal)
{
    if (runOver()) {
        emit errorOccurred(tr("The run has finished; start a new one."));
        return false;
    }
    m_goal = goal;
    m_pauseReason.clear();
    // Stepping shows the newest event again, so the cursor follows what the step appends.
    if (m_absorbed > 0)
        setCursor(static_cast<int>(m_absorbed) - 1);
    setPhase(Phase::Running);
    RunOrder order;
    order.goal = std::move(goal);
    order.speed = m_speed;
    postOrder(std::move(order));
    return true;
}

void DebugController::pause()
{
    if (m_phase != Phase::Running)
        return;
    if (m_worker)
        m_worker->requestPause(); // the events up to the next boundary still come
    m_goal = nullptr;
    m_pauseReason = tr("Paused");
    setPhase(Phase::Paused);
    emit pausedAt(m_pauseReason);
}

void DebugController::stop()
{
    if (runOver())
        return;
    m_execution->requestAbort();
    // A busy worker may end its order at a Pause boundary before it sees the abort; an idle
    // worker aborts on its next order. Either way, order again until the run is over.
    QElapsedTimer waited;
    waited.start();
    while (!runOver() && waited.elapsed() < StopWaitMs) {
        if (!m_workerBusy)
            postOrder(RunOrder{});
        waitForWorker(static_cast<int>(StopWaitMs - waited.elapsed()));
    }
    if (!runOver())
        emit errorOccurred(tr("The run did not stop within %1 s.").arg(StopWaitMs / 1000));
}

void DebugController::setSpeed(int eventsPerSecond)
{
    m_speed = std::max(0, eventsPerSecond);
    if (m_phase == Phase::Running && !m_goal) { // a running Continue takes the new pace
        RunOrder order;
        order.speed = m_speed;
        postOrder(std::move(order));
    }
}

void DebugController::finishIfDone()
{
    if (!m_execution || !m_liveFinished)
        return;
    m_goal = nullptr;
    if (m_store && m_storedRunId)
        m_store->finishRun(m_storedRunId, describeStatus(m_liveStatus),
                           m_progress.virtualElapsedMs);
    m_pauseReason = tr("Run %1").arg(describeStatus(m_liveStatus));
    setPhase(Phase::Finished);
    emit pausedAt(m_pauseReason);
}

void DebugController::openReplay(engine::ExecutionHistory history, qint64 storedRunId)
{
    resetRunState();
    m_machine.reset();
    if (m_document->hasMachine())
        m_machine = m_document->machine();
    m_locator = std::make_unique<NodeLocator>(m_machine ? graph::project(*m_machine)
                                                        : graph::Graph{});
    m_overlayBuilder = std::make_unique<OverlayBuilder>(m_locator.get());
    m_shown = std::move(history);
    m_storedRunId = storedRunId;
    m_absorbed = m_shown->size();
    m_progress.events = m_shown->size();
    if (!m_shown->empty())
        m_progress.virtualElapsedMs = m_shown->back().timestampMs - m_shown->at(0).timestampMs;
    m_cursor = static_cast<int>(m_shown->size()) - 1;
    emit runReset();
    setPhase(Phase::Replay);
    emit progressChanged(m_progress);
    emit cursorChanged(m_cursor);
    emitOverlay();
}

void DebugController::clearRun()
{
    resetRunState();
    m_machine.reset();
    m_locator.reset();
    m_overlayBuilder.reset();
    emit runReset();
    setPhase(Phase::Idle);
    emit overlayChanged(RunOverlay{});
}

void DebugController::toggleBreakpoint(const std::string &nodeId)
{
    m_breakpoints.toggle(nodeId);
    syncBreakpoints();
    emit breakpointsChanged();
    emitOverlay();
}

void DebugController::setBreakpoint(const std::string &nodeId, bool on)
{
    m_breakpoints.set(nodeId, on);
    syncBreakpoints();
    emit breakpointsChanged();
    emitOverlay();
}

std::optional<QString> DebugController::setBreakpointCondition(const std::string &nodeId,
                                                               const BreakCondition &condition)
{
    auto error = m_breakpoints.setCondition(nodeId, condition);
    if (!error) {
        syncBreakpoints();
        emit breakpointsChanged();
        emitOverlay();
    }
    return error;
}

void DebugController::setBreakOnError(bool on)
{
    m_breakpoints.setBreakOnError(on);
    syncBreakpoints();
    emit breakpointsChanged();
}

void DebugController::setCursor(int index)
{
    const engine::ExecutionHistory *events = history();
    if (!events || events->empty())
        return;
    if (m_absorbed == 0)
        return;
    index = std::clamp(index, 0, static_cast<int>(m_absorbed) - 1); // held events are not shown yet
    if (index == m_cursor)
        return;
    m_cursor = index;
    emit cursorChanged(m_cursor);
    emitOverlay();
}

void DebugController::stepBack()
{
    if (m_cursor > 0)
        setCursor(m_cursor - 1);
}

bool DebugController::isFollowing() const
{
    const engine::ExecutionHistory *events = history();
    return events && m_cursor == static_cast<int>(m_absorbed) - 1;
}

RunOverlay DebugController::overlay()
{
    const engine::ExecutionHistory *events = history();
    if (!events || !m_overlayBuilder) {
        RunOverlay out;
        for (const std::string &id : m_breakpoints.ids())
            out.nodes[id].breakpoint = true;
        return out;
    }
    return m_overlayBuilder->overlayAt(*events, static_cast<std::size_t>(m_cursor + 1),
                                       m_breakpoints.ids());
}

std::optional<DebugController::VisitContext>
DebugController::inputOfVisit(const std::string &stateName) const
{
    const engine::ExecutionHistory *events = history();
    if (!events)
        return std::nullopt;
    return visitContextAt(*events, m_cursor, stateName, runIdentity(), m_variables);
}

std::optional<VisitData> DebugController::visitAtCursor() const
{
    const engine::ExecutionHistory *events = history();
    if (!events)
        return std::nullopt;
    return visitAt(*events, m_cursor, runMachine(), m_locator.get(), runIdentity(), m_variables);
}

RunIdentity DebugController::runIdentity() const
{
    RunIdentity identity;
    if (m_execution) {
        identity.executionArn = m_execution->executionArn();
        identity.stateMachineArn = m_execution->stateMachineArn();
    }
    return identity;
}

void DebugController::emitOverlay()
{
    emit overlayChanged(overlay());
}

void DebugController::documentChanged()
{
    if (!hasRun() || m_stale)
        return;
    m_stale = true;
    emit staleChanged(true);
}

} // namespace stepwise::ui
