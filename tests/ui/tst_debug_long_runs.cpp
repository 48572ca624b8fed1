// The debug controller on long runs, headless: Map progress, a real-clock Wait that can be paused
// and stopped, a 10,000-item Map against the local event limit, and a 100,000-event loop that
// keeps the event loop turning and pauses at once.
#include "tst_debug_support.h"

#include "ui/debug/RunThrottle.h"

#include <QSignalSpy>
#include <QTest>

using namespace stepwise;
using namespace stepwise::ui;
using Phase = DebugController::Phase;

namespace {

// The newest event the controller has shown (the real clock holds back events not yet due).
std::string lastShownType(const DebugController &controller)
{
    return controller.history()->at(controller.progress().events - 1).type;
}

} // namespace

class TestDebugLongRuns : public QObject
{
    Q_OBJECT

private slots:
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
        QCOMPARE(debugtest::statusOf(controller.overlay(), "/States/Each/ItemProcessor/States/Touch"),
                 RunStatus::Succeeded);
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
        QCOMPARE(controller.phase(), Phase::Running); // start() did not block for the wait
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
    }

    // A view paced by RunThrottle does not rebuild itself on each batch of a running run, but
    // refreshes when the run stops and at once when the user moves the cursor.
    void aThrottledViewWaitsWhileRunningAndFollowsTheUserAtOnce()
    {
        Document document;
        debugtest::openMachine(document, debugtest::loopMachine(3000));
        DebugController controller(&document);
        int refreshes = 0;
        RunThrottle throttle(&controller, [&] { ++refreshes; }, nullptr, 600000);
        QSignalSpy cursorMoves(&controller, &DebugController::cursorChanged);
        QVERIFY(controller.start());
        const int atStart = refreshes;
        QVERIFY(debugtest::waitUntilStopped(controller));
        QCOMPARE(controller.phase(), Phase::Finished);
        QVERIFY(cursorMoves.count() > 2);
        QCOMPARE(refreshes, atStart + 1); // only the run's end
        controller.setCursor(0);
        QCOMPARE(refreshes, atStart + 2);
    }
};

QTEST_MAIN(TestDebugLongRuns)
#include "tst_debug_long_runs.moc"
