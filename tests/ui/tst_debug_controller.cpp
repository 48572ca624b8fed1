// The debug controller, headless: stepping, breakpoints (plain, conditional, on error), the time
// cursor and the overlay it implies, stale marking, a refused input and redrive.
#include "tst_debug_support.h"

#include "ui/debug/OverlayBuilder.h"
#include "ui/debug/RunStore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace stepwise;
using namespace stepwise::ui;
using Phase = DebugController::Phase;

namespace {

const std::string Payment = "/States/ChargePayment";

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
        QCOMPARE(debugtest::statusOf(overlay, "/States/ValidateOrder"), RunStatus::Succeeded);
        QCOMPARE(debugtest::statusOf(overlay, "/States/InStock?"), RunStatus::Succeeded);
        QCOMPARE(debugtest::statusOf(overlay, Payment), RunStatus::InProgress);
        QVERIFY(overlay.nodes.at(Payment).current);
        QVERIFY(overlay.nodes.at(Payment).breakpoint);
        QCOMPARE(debugtest::statusOf(overlay, "/States/WaitForPickup"), RunStatus::NotRun);
        QVERIFY(overlay.takenEdges.contains("#start|start"));
        QVERIFY(overlay.takenEdges.contains("/States/ValidateOrder|next"));
        QVERIFY(overlay.takenEdges.contains("/States/InStock?|choice:0"));
        QVERIFY(!overlay.takenEdges.contains("/States/InStock?|default"));

        QVERIFY(controller.continueRun());
        QVERIFY(debugtest::waitUntilStopped(controller));
        QCOMPARE(controller.phase(), Phase::Finished);
        QCOMPARE(controller.execution()->status(), engine::ExecutionStatus::Succeeded);
        const RunOverlay done = controller.overlay();
        QCOMPARE(debugtest::statusOf(done, "/States/Fulfil/Branches/0/States/CreateShipment"),
                 RunStatus::Succeeded);
        QCOMPARE(debugtest::statusOf(done, "/States/OrderComplete"), RunStatus::Succeeded);
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
        QCOMPARE(debugtest::statusOf(controller.overlay(), Payment), RunStatus::Succeeded);
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
        QCOMPARE(debugtest::statusOf(overlay, Payment), RunStatus::Caught);
        QCOMPARE(debugtest::statusOf(overlay, "/States/PaymentFailed"), RunStatus::Failed);
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
        QCOMPARE(debugtest::statusOf(controller.overlay(), Payment), RunStatus::Failed);
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
        QCOMPARE(debugtest::statusOf(then, Payment), RunStatus::InProgress);
        QVERIFY(then.nodes.at(Payment).current);
        QCOMPARE(debugtest::statusOf(then, "/States/WaitForPickup"), RunStatus::NotRun);

        controller.stepBack(); // the Choice's exit, one event earlier
        QCOMPARE(controller.cursor(), paymentEntered - 1);
        QCOMPARE(debugtest::statusOf(controller.overlay(), Payment), RunStatus::NotRun);

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
        QCOMPARE(debugtest::statusOf(controller.overlay(), Payment), RunStatus::Succeeded); // the run is kept
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
        QCOMPARE(debugtest::statusOf(controller.overlay(), "/States/Boom"), RunStatus::Failed);
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

};

QTEST_MAIN(TestDebugController)
#include "tst_debug_controller.moc"
