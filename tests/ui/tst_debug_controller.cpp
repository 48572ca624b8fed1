// The debug controller, headless: stepping, breakpoints (plain, conditional, on error), the time
// cursor and the overlay it implies, stale marking, and a long run that stays responsive.
#include "tst_debug_support.h"

#include "ui/debug/OverlayBuilder.h"

#include <QSignalSpy>
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
