// The debug controller, headless: stepping, breakpoints (plain, conditional, on error), the time
// cursor and the overlay it implies, stale marking, and a long run that stays responsive.
#include "tst_debug_support.h"

#include "ui/debug/OverlayBuilder.h"
#include "ui/debug/RunStore.h"
#include "ui/debug/StateVisitData.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace stepwise;
using namespace stepwise::ui;
using Phase = DebugController::Phase;

namespace {

const std::string Payment = "/States/ChargePayment";

RunStatus statusOf(const RunOverlay &overlay, const std::string &id)
{
    auto it = overlay.nodes.find(id);
    return it == overlay.nodes.end() ? RunStatus::NotRun : it->second.status;
}

const engine::HistoryEvent &lastEvent(const DebugController &controller)
{
    return controller.history()->back();
}

// The newest event the controller has shown (the real clock holds back events not yet due).
std::string lastShownType(const DebugController &controller)
{
    return controller.history()->at(controller.progress().events - 1).type;
}

} // namespace

class TestDebugController : public QObject
{
    Q_OBJECT

private slots:
    void runsToTheBreakpointOnPaymentAndShowsItsInput()
    {
        Document document;
        debugtest::openExample(document);
        DebugController controller(&document);
        controller.setRunConfig(debugtest::exampleConfig("HappyPath"));
        controller.toggleBreakpoint(Payment);
        QSignalSpy paused(&controller, &DebugController::pausedAt);

        QVERIFY(controller.start());
        QVERIFY(debugtest::waitUntilStopped(controller));
        QCOMPARE(controller.phase(), Phase::Paused);
        QVERIFY(controller.pauseReason().contains(QLatin1String("ChargePayment")));
        QCOMPARE(lastEvent(controller).type, std::string("TaskStateEntered"));
        QCOMPARE(lastEvent(controller).stateName, std::string("ChargePayment"));
        const Json input = Json::parse(lastEvent(controller).details["input"].get<std::string>());
        QCOMPARE(input["orderId"].get<std::string>(), std::string("ORD-2041"));

        const RunOverlay overlay = controller.overlay();
        QCOMPARE(statusOf(overlay, "/States/ValidateOrder"), RunStatus::Succeeded);
        QCOMPARE(statusOf(overlay, "/States/InStock?"), RunStatus::Succeeded);
        QCOMPARE(statusOf(overlay, Payment), RunStatus::InProgress);
        QVERIFY(overlay.nodes.at(Payment).current);
        QVERIFY(overlay.nodes.at(Payment).breakpoint);
        QCOMPARE(statusOf(overlay, "/States/WaitForPickup"), RunStatus::NotRun);
        QVERIFY(overlay.takenEdges.contains("#start|start"));
        QVERIFY(overlay.takenEdges.contains("/States/ValidateOrder|next"));
        QVERIFY(overlay.takenEdges.contains("/States/InStock?|choice:0"));
        QVERIFY(!overlay.takenEdges.contains("/States/InStock?|default"));

        QVERIFY(controller.continueRun());
        QVERIFY(debugtest::waitUntilStopped(controller));
        QCOMPARE(controller.phase(), Phase::Finished);
        QCOMPARE(controller.execution()->status(), engine::ExecutionStatus::Succeeded);
        const RunOverlay done = controller.overlay();
        QCOMPARE(statusOf(done, "/States/Fulfil/Branches/0/States/CreateShipment"),
                 RunStatus::Succeeded);
        QCOMPARE(statusOf(done, "/States/OrderComplete"), RunStatus::Succeeded);
        QVERIFY(done.takenEdges.contains("/States/OrderComplete|end"));
    }

    void aRetriedPaymentShowsItsRetryCount()
    {
        Document document;
        debugtest::openExample(document);
        DebugController controller(&document);
        controller.setRunConfig(debugtest::exampleConfig("GatewayRetried"));
        QVERIFY(controller.startPaused());
        int maxRetriesSeen = 0;
        bool sawFailedWhileRetrying = false;
        while (controller.phase() != Phase::Finished) {
            QVERIFY(controller.stepEvent());
            QVERIFY(debugtest::waitUntilStopped(controller));
            const RunOverlay overlay = controller.overlay();
            if (overlay.nodes.contains(Payment)) {
                maxRetriesSeen = std::max(maxRetriesSeen, overlay.nodes.at(Payment).retries);
                sawFailedWhileRetrying |= overlay.nodes.at(Payment).status == RunStatus::Failed;
            }
        }
        QCOMPARE(maxRetriesSeen, 2);
        QVERIFY(sawFailedWhileRetrying);
        QCOMPARE(statusOf(controller.overlay(), Payment), RunStatus::Succeeded);
        QCOMPARE(controller.execution()->status(), engine::ExecutionStatus::Succeeded);
    }

    void aDeclinedPaymentIsCaughtAndTheRunFails()
    {
        Document document;
        debugtest::openExample(document);
        DebugController controller(&document);
        controller.setRunConfig(debugtest::exampleConfig("CardDeclined"));
        QVERIFY(controller.start());
        QVERIFY(debugtest::waitUntilStopped(controller));
        QCOMPARE(controller.phase(), Phase::Finished);
        QCOMPARE(controller.execution()->status(), engine::ExecutionStatus::Failed);
        const RunOverlay overlay = controller.overlay();
        QCOMPARE(statusOf(overlay, Payment), RunStatus::Caught);
        QCOMPARE(statusOf(overlay, "/States/PaymentFailed"), RunStatus::Failed);
        QVERIFY(overlay.takenEdges.contains(Payment + "|catch:0"));
        QVERIFY(!overlay.takenEdges.contains(Payment + "|next"));
    }

    void breakOnErrorPausesAtTheFailedAttempt()
    {
        Document document;
        debugtest::openExample(document);
        DebugController controller(&document);
        controller.setRunConfig(debugtest::exampleConfig("GatewayRetried"));
        controller.setBreakOnError(true);
        QVERIFY(controller.start());
        QVERIFY(debugtest::waitUntilStopped(controller));
        QCOMPARE(controller.phase(), Phase::Paused);
        QCOMPARE(lastEvent(controller).type, std::string("TaskFailed"));
        QVERIFY(controller.pauseReason().contains(QLatin1String("Payment.GatewayTimeout")));
        QCOMPARE(statusOf(controller.overlay(), Payment), RunStatus::Failed);
    }

    void conditionalBreakpointsBreakOnlyWhenTheConditionHolds_data()
    {
        QTest::addColumn<int>("language");
        QTest::addColumn<QString>("condition");
        QTest::addColumn<bool>("breaks");
        const int path = static_cast<int>(ConditionLanguage::JsonPath);
        const int jsonata = static_cast<int>(ConditionLanguage::Jsonata);
        QTest::newRow("jsonata true") << jsonata << "amount > 50" << true;
        QTest::newRow("jsonata false") << jsonata << "amount > 1000" << false;
        QTest::newRow("jsonpath value") << path << "$.inventory.available" << true;
        QTest::newRow("jsonpath missing") << path << "$.refund" << false;
        QTest::newRow("jsonpath filter hit") << path << "$.items[?(@.quantity > 1)]" << true;
        QTest::newRow("jsonpath filter miss") << path << "$.items[?(@.quantity > 5)]" << false;
    }

    void conditionalBreakpointsBreakOnlyWhenTheConditionHolds()
    {
        QFETCH(int, language);
        QFETCH(QString, condition);
        QFETCH(bool, breaks);
        Document document;
        debugtest::openExample(document);
        DebugController controller(&document);
        controller.setRunConfig(debugtest::exampleConfig("HappyPath"));
        controller.setBreakpoint(Payment, true);
        const auto error = controller.setBreakpointCondition(
            Payment, {static_cast<ConditionLanguage>(language), condition.toStdString()});
        QVERIFY2(!error, error ? qPrintable(*error) : "");
        QVERIFY(controller.start());
        QVERIFY(debugtest::waitUntilStopped(controller));
        QCOMPARE(controller.phase(), breaks ? Phase::Paused : Phase::Finished);
    }

    void aConditionThatDoesNotCompileIsRefused()
    {
        Document document;
        debugtest::openExample(document);
        DebugController controller(&document);
        controller.setBreakpoint(Payment, true);
        const auto pathError =
            controller.setBreakpointCondition(Payment, {ConditionLanguage::JsonPath, "$.items[?("});
        QVERIFY(pathError);
        QVERIFY(pathError->contains(QLatin1String("ChargePayment")));
        QVERIFY(controller.setBreakpointCondition(Payment, {ConditionLanguage::Jsonata, "amount >"}));
    }

    void stepOverStepIntoAndStepEvent()
    {
        Document document;
        debugtest::openExample(document);
        DebugController controller(&document);
        controller.setRunConfig(debugtest::exampleConfig("HappyPath"));
        QVERIFY(controller.stepEvent()); // starts paused, then one event
        QVERIFY(debugtest::waitUntilStopped(controller));
        QCOMPARE(controller.history()->size(), std::size_t{2});
        QCOMPARE(controller.history()->at(0).type, std::string("ExecutionStarted"));
        QCOMPARE(lastEvent(controller).type, std::string("PassStateEntered"));
        QCOMPARE(lastEvent(controller).stateName, std::string("ValidateOrder"));
        QVERIFY(controller.stepOver());
        QVERIFY(debugtest::waitUntilStopped(controller));
        QCOMPARE(lastEvent(controller).stateName, std::string("CheckInventory"));
        QCOMPARE(lastEvent(controller).type, std::string("TaskStateEntered"));
        while (lastEvent(controller).stateName != "Fulfil") {
            QVERIFY(controller.stepOver());
            QVERIFY(debugtest::waitUntilStopped(controller));
        }
        QVERIFY(controller.stepInto()); // into the first branch
        QVERIFY(debugtest::waitUntilStopped(controller));
        QCOMPARE(lastEvent(controller).stateName, std::string("CreateShipment"));
        QCOMPARE(lastEvent(controller).scope, std::string("Fulfil/0"));
        QVERIFY(controller.stepOver()); // the next state at this depth or above
        QVERIFY(debugtest::waitUntilStopped(controller));
        QCOMPARE(lastEvent(controller).stateName, std::string("EmailCustomer"));
        QCOMPARE(lastEvent(controller).scope, std::string("Fulfil/1"));
        QVERIFY(controller.stepOver());
        QVERIFY(debugtest::waitUntilStopped(controller));
        QCOMPARE(lastEvent(controller).stateName, std::string("OrderComplete"));
    }

    void theTimeCursorShowsTheRunAsItWas()
    {
        Document document;
        debugtest::openExample(document);
        DebugController controller(&document);
        controller.setRunConfig(debugtest::exampleConfig("GatewayRetried"));
        QVERIFY(controller.start());
        QVERIFY(debugtest::waitUntilStopped(controller));
        const engine::ExecutionHistory &history = *controller.history();
        QCOMPARE(controller.cursor(), static_cast<int>(history.size()) - 1);

        int paymentEntered = -1;
        for (std::size_t i = 0; i < history.size(); ++i)
            if (history.at(i).type == "TaskStateEntered" && history.at(i).stateName == "ChargePayment")
                paymentEntered = static_cast<int>(i);
        QVERIFY(paymentEntered > 0);
        QSignalSpy overlays(&controller, &DebugController::overlayChanged);
        controller.setCursor(paymentEntered);
        QCOMPARE(overlays.count(), 1);
        RunOverlay then = controller.overlay();
        QCOMPARE(statusOf(then, Payment), RunStatus::InProgress);
        QVERIFY(then.nodes.at(Payment).current);
        QCOMPARE(statusOf(then, "/States/WaitForPickup"), RunStatus::NotRun);

        controller.stepBack(); // the Choice's exit, one event earlier
        QCOMPARE(controller.cursor(), paymentEntered - 1);
        QCOMPARE(statusOf(controller.overlay(), Payment), RunStatus::NotRun);

        // Every cursor position gives what a fresh fold of that prefix gives.
        OverlayBuilder fresh(controller.locator());
        for (int i = static_cast<int>(history.size()) - 1; i >= 0; i -= 3) {
            controller.setCursor(i);
            fresh.reset();
            QCOMPARE(controller.overlay(),
                     fresh.overlayAt(history, static_cast<std::size_t>(i + 1), {}));
        }
    }

    void editingTheMachineMarksTheRunStale()
    {
        Document document;
        debugtest::openExample(document);
        DebugController controller(&document);
        controller.setRunConfig(debugtest::exampleConfig("HappyPath"));
        QSignalSpy stale(&controller, &DebugController::staleChanged);
        auto renamed = document.renameState(asl::StatePath{"/States/Backordered"}, "OnBackorder");
        QVERIFY(renamed);
        QCOMPARE(stale.count(), 0); // no run yet: nothing to mark
        QVERIFY(controller.start());
        QVERIFY(debugtest::waitUntilStopped(controller));
        QVERIFY(!controller.isStale());
        QVERIFY(document.renameState(asl::StatePath{"/States/OnBackorder"}, "Backordered"));
        QVERIFY(controller.isStale());
        QCOMPARE(stale.count(), 1);
        QCOMPARE(statusOf(controller.overlay(), Payment), RunStatus::Succeeded); // the run is kept
        QVERIFY(controller.restart());
        QVERIFY(debugtest::waitUntilStopped(controller));
        QVERIFY(!controller.isStale());
    }

    void aBrokenInputIsReportedNotRun()
    {
        Document document;
        debugtest::openExample(document);
        DebugController controller(&document);
        RunConfig config = debugtest::exampleConfig("HappyPath");
        config.inputText = QStringLiteral("order: 17");
        controller.setRunConfig(config);
        QSignalSpy errors(&controller, &DebugController::errorOccurred);
        QVERIFY(!controller.start());
        QCOMPARE(errors.count(), 1);
        QVERIFY(errors.at(0).at(0).toString().startsWith(QLatin1String("Input is not valid JSON")));
        QVERIFY(!controller.hasRun());
    }

    void mapProgressCountsIterations()
    {
        Document document;
        debugtest::openMachine(document, debugtest::mapMachine());
        DebugController controller(&document);
        RunConfig config;
        config.inputText = QStringLiteral("{\"items\": [1, 2, 3, 4, 5, 6, 7]}");
        controller.setRunConfig(config);
        QVERIFY(controller.start());
        QVERIFY(debugtest::waitUntilStopped(controller));
        QCOMPARE(controller.progress().mapIterationsTotal, std::size_t{7});
        QCOMPARE(controller.progress().mapIterationsDone, std::size_t{7});
        QCOMPARE(statusOf(controller.overlay(), "/States/Each/ItemProcessor/States/Touch"),
                 RunStatus::Succeeded);
    }

    void inputOfVisitGivesInputContextAndScopedVariables()
    {
        Document document;
        debugtest::openMachine(document, debugtest::variablesMachine());
        DebugController controller(&document);
        RunConfig config;
        config.inputText = QStringLiteral("{\"items\": [10, 20, 30]}");
        controller.setRunConfig(config);
        QVERIFY(!controller.inputOfVisit("Setup")); // no run yet
        QVERIFY(controller.start());
        QVERIFY(debugtest::waitUntilStopped(controller));
        QCOMPARE(controller.phase(), Phase::Finished);

        auto last = controller.inputOfVisit("Last");
        QVERIFY(last);
        QCOMPARE(last->input.size(), std::size_t{3}); // the Map's output array
        QCOMPARE(last->variables.size(), std::size_t{2}); // the top level's, no inner ones
        QCOMPARE(last->variables["greeting"].get<std::string>(), std::string("hi"));
        QCOMPARE(last->variables["count"].get<int>(), 1);
        const Json &execution = last->context["Execution"];
        QCOMPARE(execution["Id"].get<std::string>(), controller.execution()->executionArn());
        QCOMPARE(execution["Input"]["items"].size(), std::size_t{3});
        QCOMPARE(execution["RedriveCount"].get<int>(), 0);
        QVERIFY(execution["RoleArn"].is_string());
        QCOMPARE(last->context["StateMachine"]["Id"].get<std::string>(),
                 controller.execution()->stateMachineArn());
        QCOMPARE(last->context["State"]["Name"].get<std::string>(), std::string("Last"));
        QVERIFY(!last->context["State"].contains("RetryCount")); // a Pass cannot retry

        // Inside an iteration: the outer variables plus that iteration's own.
        auto touch = controller.inputOfVisit("Touch");
        QVERIFY(touch);
        QCOMPARE(touch->variables["greeting"].get<std::string>(), std::string("hi"));
        QCOMPARE(touch->variables["inner"], touch->input);
        QVERIFY(touch->input.is_number_integer());

        // Variables are as of the state's entry: Setup saw none of its own.
        auto setup = controller.inputOfVisit("Setup");
        QVERIFY(setup);
        QVERIFY(setup->variables.is_object() && setup->variables.empty());
        QCOMPARE(setup->input["items"].size(), std::size_t{3});

        // The time cursor bounds the search: before Each ran there is no Touch visit.
        const engine::ExecutionHistory &events = *controller.history();
        int eachEntered = -1;
        for (std::size_t i = 0; i < events.size(); ++i)
            if (events.at(i).type == "MapStateEntered")
                eachEntered = static_cast<int>(i);
        QVERIFY(eachEntered > 0);
        controller.setCursor(eachEntered);
        QVERIFY(!controller.inputOfVisit("Touch"));
        QVERIFY(controller.inputOfVisit("Each"));
        QCOMPARE(controller.inputOfVisit("Each")->variables["count"].get<int>(), 1);
        QVERIFY(!controller.inputOfVisit("NoSuchState"));
    }

    void aFailedRunIsRedrivenInTheSameHistoryAndStoredRun()
    {
        QTemporaryDir dir;
        RunStore store(dir.filePath(QStringLiteral("runs.sqlite")));
        QVERIFY(!store.open());
        Document document;
        debugtest::openMachine(document, debugtest::failingMachine());
        DebugController controller(&document);
        controller.setRunStore(&store);
        RunConfig config;
        controller.setRunConfig(config);
        QVERIFY(controller.redriveRefusal()); // no run yet
        QVERIFY(controller.start());
        QVERIFY(debugtest::waitUntilStopped(controller));
        QCOMPARE(controller.execution()->status(), engine::ExecutionStatus::Failed);
        QVERIFY(!controller.redriveRefusal());
        const engine::ExecutionHistory *before = controller.history();
        const std::size_t failedSize = before->size();
        QSignalSpy reset(&controller, &DebugController::runReset);

        QVERIFY(controller.redrive());
        QVERIFY(debugtest::waitUntilStopped(controller));
        QCOMPARE(controller.phase(), Phase::Finished);
        QCOMPARE(reset.count(), 0); // the same run goes on
        QCOMPARE(controller.history(), before);
        QVERIFY(controller.history()->size() > failedSize);
        QCOMPARE(controller.history()->at(failedSize).type, std::string("ExecutionRedriven"));
        QCOMPARE(controller.execution()->redriveCount(), 1);
        QCOMPARE(controller.execution()->status(), engine::ExecutionStatus::Failed);
        int firstEntries = 0;
        for (const engine::HistoryEvent &event : *controller.history())
            firstEntries += event.stateName == "First" && event.type.ends_with("StateEntered");
        QCOMPARE(firstEntries, 1); // successful states are not run again
        QCOMPARE(controller.progress().events, controller.history()->size());
        QVERIFY(controller.isFollowing());
        QCOMPARE(statusOf(controller.overlay(), "/States/Boom"), RunStatus::Failed);
        const auto context = controller.inputOfVisit("Boom");
        QVERIFY(context);
        QCOMPARE(context->context["Execution"]["RedriveCount"].get<int>(), 1);

        // The stored run is the same row, with every event and the final status.
        const auto stored = store.run(controller.storedRunId());
        QVERIFY(stored);
        QCOMPARE(stored->status, QStringLiteral("FAILED"));
        auto reloaded = store.loadHistory(controller.storedRunId());
        QVERIFY(reloaded);
        QCOMPARE(reloaded.value().size(), controller.history()->size());
        QCOMPARE(store.runs().size(), std::size_t{1});
    }

    void aRealClockWaitKeepsTheEventLoopTurningAndCanBePausedOrStopped()
    {
        Document document;
        debugtest::openMachine(document, debugtest::waitMachine(2));
        DebugController controller(&document);
        RunConfig config;
        config.clock = engine::ClockMode::Real;
        controller.setRunConfig(config);

        QElapsedTimer wall;
        wall.start();
        QVERIFY(controller.start());
        QTest::qWait(300); // the event loop turns during the wait
        QCOMPARE(controller.phase(), Phase::Running);
        QVERIFY(wall.elapsed() < 1500);
        QCOMPARE(lastShownType(controller), std::string("WaitStateEntered"));
        controller.pause();
        QCOMPARE(controller.phase(), Phase::Paused);
        QVERIFY(controller.continueRun());
        QVERIFY(debugtest::waitUntilStopped(controller, 10000));
        QCOMPARE(controller.execution()->status(), engine::ExecutionStatus::Succeeded);
        QVERIFY(wall.elapsed() >= 1900); // it really waited
        QVERIFY(controller.progress().realElapsedMs >= 1900);
        QCOMPARE(controller.progress().events, controller.history()->size());
        QVERIFY(controller.isFollowing());

        // Stop in the middle of a wait ends the run at once.
        debugtest::openMachine(document, debugtest::waitMachine(30));
        wall.restart();
        QVERIFY(controller.start());
        QTest::qWait(200);
        QCOMPARE(controller.phase(), Phase::Running);
        controller.stop();
        QCOMPARE(controller.phase(), Phase::Finished);
        QCOMPARE(controller.execution()->status(), engine::ExecutionStatus::Aborted);
        QVERIFY(wall.elapsed() < 5000);
    }

    void aMapOfTenThousandItemsShowsProgressAndNeedsTheLocalLimit()
    {
        Document document;
        debugtest::openMachine(document, debugtest::mapMachine());
        DebugController controller(&document);
        Json items = Json::array();
        for (int i = 0; i < 10000; ++i)
            items.push_back(i);
        RunConfig config;
        config.inputText = QString::fromStdString(Json{{"items", items}}.dump());
        controller.setRunConfig(config);

        // AWS's 25,000 events are not enough for 10,000 iterations: the run fails saying so.
        QVERIFY(controller.start());
        QVERIFY(debugtest::waitUntilStopped(controller, 120000));
        QCOMPARE(controller.execution()->status(), engine::ExecutionStatus::Failed);
        QVERIFY(controller.execution()->cause()->find("maximum number of history events")
                != std::string::npos);

        // With a local limit it runs, shows its progress mid-run, pauses and stops at once.
        config.maxHistoryEvents = 1000000;
        controller.setRunConfig(config);
        QSignalSpy progressed(&controller, &DebugController::progressChanged);
        QVERIFY(controller.start());
        QTRY_VERIFY_WITH_TIMEOUT(controller.progress().mapIterationsDone > 1000, 60000);
        controller.pause();
        QCOMPARE(controller.phase(), Phase::Paused);
        const RunProgress atPause = controller.progress();
        QCOMPARE(atPause.mapIterationsTotal, std::size_t{10000});
        QVERIFY(atPause.mapIterationsDone < 10000);
        QCOMPARE(atPause.events, controller.history()->size());
        QVERIFY(atPause.realElapsedMs > 0);
        QVERIFY(progressed.count() > 1); // reported as it went, not once at the end
        qInfo("10,000-item Map paused at %zu of %zu iterations, %zu events, %lld ms real",
              atPause.mapIterationsDone, atPause.mapIterationsTotal, atPause.events,
              static_cast<long long>(atPause.realElapsedMs));
        controller.stop(); // returns with the run over, whatever the worker was doing
        QCOMPARE(controller.phase(), Phase::Finished);
        QCOMPARE(controller.execution()->status(), engine::ExecutionStatus::Aborted);
    }

    void aJsonataChoiceVisitShowsEachConditionItsValueAndVerdict()
    {
        Document document;
        debugtest::openMachine(document, debugtest::jsonataChoiceMachine());
        DebugController controller(&document);
        RunConfig config;
        config.inputText = QStringLiteral("{\"n\": 5}");
        controller.setRunConfig(config);
        QVERIFY(controller.start());
        QVERIFY(debugtest::waitUntilStopped(controller));
        QCOMPARE(controller.execution()->status(), engine::ExecutionStatus::Succeeded);
        const engine::ExecutionHistory &events = *controller.history();
        int exited = -1;
        for (std::size_t i = 0; i < events.size(); ++i)
            if (events.at(i).type == "ChoiceStateExited")
                exited = static_cast<int>(i);
        QVERIFY(exited > 0);
        const auto visit = visitAt(events, exited, controller.runMachine(), controller.locator(),
                                   controller.runIdentity());
        QVERIFY(visit);
        QCOMPARE(visit->rules.size(), std::size_t{3});
        QCOMPARE(visit->rules[0].condition, QStringLiteral("{% $states.input.n > $limit %}"));
        QCOMPARE(visit->rules[0].value, std::optional<Json>(Json(false))); // read $limit = 10
        QCOMPARE(visit->rules[0].matched, std::optional<bool>(false));
        QVERIFY(visit->rules[0].reached);
        QCOMPARE(visit->rules[1].matched, std::optional<bool>(true)); // read the context object
        QVERIFY(visit->rules[1].reached);
        QVERIFY(visit->rules[1].error.isEmpty());
        QCOMPARE(visit->rules[2].matched, std::optional<bool>(true));
        QVERIFY(!visit->rules[2].reached); // AWS stopped at rule 1
        QCOMPARE(visit->rules[1].next, QStringLiteral("Five"));
        QVERIFY(visit->visibleVariables);
        QCOMPARE((*visit->visibleVariables)["limit"].get<int>(), 10);
    }

    void aJsonataTaskVisitShowsJsonataStagesNotJsonPathOnes()
    {
        Document document;
        QString error;
        auto loaded = loadDocument(debugtest::exampleFile(".jsonata.asl.json"), error);
        QVERIFY2(loaded && loaded->machine, qPrintable(error));
        openInto(document, std::move(*loaded));
        DebugController controller(&document);
        RunConfig config = debugtest::exampleConfig("HappyPath");
        config.stateMachineName = QStringLiteral("order-processing");
        controller.setRunConfig(config);
        QVERIFY(controller.start());
        QVERIFY(debugtest::waitUntilStopped(controller));
        QCOMPARE(controller.execution()->status(), engine::ExecutionStatus::Succeeded);
        const engine::ExecutionHistory &events = *controller.history();
        int exited = -1;
        for (std::size_t i = 0; i < events.size(); ++i)
            if (events.at(i).type == "TaskStateExited" && events.at(i).stateName == "CheckInventory")
                exited = static_cast<int>(i);
        QVERIFY(exited > 0);
        const auto visit = visitAt(events, exited, controller.runMachine(), controller.locator(),
                                   controller.runIdentity());
        QVERIFY(visit);
        QStringList labels;
        for (const DataStage &stage : visit->stages) {
            labels << stage.label;
            QVERIFY2(stage.value, qPrintable(stage.label + QStringLiteral(": ") + stage.note));
        }
        QCOMPARE(labels, (QStringList{QStringLiteral("Input"), QStringLiteral("After Arguments"),
                                      QStringLiteral("Result ($states.result)"),
                                      QStringLiteral("Output")}));
        // The Arguments are what the Task sent, as TaskScheduled recorded them.
        const Json arguments = *visit->stages[1].value;
        QVERIFY(arguments.is_object());
        QVERIFY(arguments.contains("orderId") && arguments.contains("items"));
    }

    void aLongRunStaysResponsiveAndCanBePaused()
    {
        Document document;
        debugtest::openMachine(document, debugtest::loopMachine(25000));
        DebugController controller(&document);
        RunConfig config;
        config.maxHistoryEvents = 200000;
        controller.setRunConfig(config);
        QSignalSpy appended(&controller, &DebugController::eventsAppended);

        // The event loop keeps turning while the run goes on: a 0 ms timer counts its turns and
        // the longest gap between two turns is the UI's worst stall.
        QElapsedTimer clock;
        clock.start();
        qint64 lastTurn = 0;
        qint64 worstGap = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&] {
            worstGap = std::max(worstGap, clock.elapsed() - lastTurn);
            lastTurn = clock.elapsed();
        });
        ticker.start(0);

        QVERIFY(controller.start());
        QTRY_VERIFY_WITH_TIMEOUT(controller.progress().events > 2000, 20000);
        controller.pause();
        QCOMPARE(controller.phase(), Phase::Paused);
        // The events the worker ran before the pause reached it still arrive; then none.
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isWorking(), 5000);
        const std::size_t atPause = controller.history()->size();
        QTest::qWait(50);
        QCOMPARE(controller.history()->size(), atPause); // paused means paused

        QVERIFY(controller.continueRun());
        QVERIFY(debugtest::waitUntilStopped(controller, 300000));
        ticker.stop();
        QCOMPARE(controller.phase(), Phase::Finished);
        QVERIFY(controller.history()->size() >= 100000);
        QVERIFY(appended.count() > 10); // delivered in slices, not in one block
        qInfo("100k-event run: %lld ms real, %d slices, worst event-loop gap %lld ms, %zu events",
              static_cast<long long>(clock.elapsed()), static_cast<int>(appended.count()),
              static_cast<long long>(worstGap), controller.history()->size());
        QVERIFY(worstGap < 1000); // generous: the shared build machine preempts us too
    }
};

QTEST_MAIN(TestDebugController)
#include "tst_debug_controller.moc"
