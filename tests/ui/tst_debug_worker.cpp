// The debugger runs the engine off the UI thread (issue 5): while a slow local program or a
// real-clock Wait runs, the event loop keeps turning, Pause takes effect at the next event
// boundary (and stops the elapsed real time), and Stop kills the program or cuts the wait short,
// recording what AWS records for StopExecution (spec §9.3): ...StateAborted, then
// ExecutionAborted, never the Wait's exit or the Task's result.
#include "tst_debug_support.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace stepwise;
using namespace stepwise::ui;
using Phase = DebugController::Phase;

namespace {

// A Task bound to a program that sleeps `seconds`; a Catch that a stop must not take.
Json slowTaskMachine()
{
    return Json::parse(R"json({
      "StartAt": "Slow",
      "States": {
        "Slow": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                  "Parameters": { "FunctionName": "slow", "Payload.$": "$" },
                  "Catch": [ { "ErrorEquals": ["States.ALL"], "Next": "Caught" } ],
                  "Next": "Done" },
        "Caught": { "Type": "Pass", "End": true },
        "Done": { "Type": "Succeed" }
      }
    })json");
}

// A bindings file in `dir` binding function "slow" to a python3 program sleeping `seconds`.
QString writeSlowBindings(const QTemporaryDir &dir, double seconds)
{
    const Json bindings = {
        {"Functions",
         {{"slow",
           {{"Command",
             {"python3", "-c",
              "import json, sys, time; payload = json.load(sys.stdin); time.sleep("
                  + std::to_string(seconds) + "); print(json.dumps(payload))"}}}}}}};
    const QString path = dir.filePath(QStringLiteral("slow.bindings.json"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(QByteArray::fromStdString(bindings.dump()));
    return path;
}

std::vector<std::string> shownTypes(const DebugController &controller)
{
    std::vector<std::string> out;
    for (const engine::HistoryEvent &event : *controller.history())
        out.push_back(event.type);
    return out;
}

bool contains(const std::vector<std::string> &types, const char *type)
{
    return std::find(types.begin(), types.end(), type) != types.end();
}

// Counts the ticks of a 10 ms timer and the longest gap between two of them.
struct LoopWatch
{
    QTimer timer;
    QElapsedTimer sinceTick;
    int ticks = 0;
    qint64 longestGapMs = 0;

    LoopWatch()
    {
        timer.setInterval(10);
        QObject::connect(&timer, &QTimer::timeout, &timer, [this] {
            ++ticks;
            longestGapMs = std::max(longestGapMs, sinceTick.restart());
        });
        sinceTick.start();
        timer.start();
    }
};

} // namespace

class TestDebugWorker : public QObject
{
    Q_OBJECT

private slots:
    void aSlowProgramLeavesTheWindowResponsiveAndStopKillsIt()
    {
        QTemporaryDir dir;
        Document document;
        debugtest::openMachine(document, slowTaskMachine());
        DebugController controller(&document);
        RunConfig config;
        config.bindingsPath = writeSlowBindings(dir, 30);
        controller.setRunConfig(config);

        QVERIFY(controller.start());
        LoopWatch watch;
        // The program has started (the worker shows what ran before it reaches outside) and
        // the event loop keeps turning while it sleeps.
        QTRY_VERIFY_WITH_TIMEOUT(contains(shownTypes(controller), "TaskStarted"), 5000);
        QTest::qWait(500);
        QCOMPARE(controller.phase(), Phase::Running);
        QVERIFY2(watch.ticks >= 10, qPrintable(QString::number(watch.ticks)));
        QVERIFY2(watch.longestGapMs < 2000, qPrintable(QString::number(watch.longestGapMs)));
        qInfo("while the program slept: %d timer ticks, longest gap %lld ms", watch.ticks,
              static_cast<long long>(watch.longestGapMs));

        QElapsedTimer stopping;
        stopping.start();
        controller.stop();
        QVERIFY2(stopping.elapsed() < 5000, "stop waited for the program");
        QCOMPARE(controller.phase(), Phase::Finished);
        QCOMPARE(controller.execution()->status(), engine::ExecutionStatus::Aborted);
        const auto types = shownTypes(controller);
        const std::vector<std::string> tail(types.end() - 3, types.end());
        const std::vector<std::string> expected = {"TaskStarted", "TaskStateAborted",
                                                   "ExecutionAborted"};
        QCOMPARE(tail, expected);
        QVERIFY(!contains(types, "TaskFailed"));
        QVERIFY(!contains(types, "PassStateEntered")); // the Catch was not taken
        QCOMPARE(controller.progress().events, controller.history()->size());
        QVERIFY(controller.isFollowing());

        // An aborted run can be redriven: the program runs again (the stop does not stick).
        QVERIFY(controller.redrive());
        QTest::qWait(500);
        QCOMPARE(controller.phase(), Phase::Running);
        QCOMPARE(shownTypes(controller).back(), std::string("TaskStarted"));
        controller.stop();
        QCOMPARE(controller.execution()->status(), engine::ExecutionStatus::Aborted);
        QCOMPARE(shownTypes(controller).back(), std::string("ExecutionAborted"));
    }

    void pauseWhileAProgramRunsTakesEffectAtTheNextEvent()
    {
        QTemporaryDir dir;
        Document document;
        debugtest::openMachine(document, slowTaskMachine());
        DebugController controller(&document);
        RunConfig config;
        config.bindingsPath = writeSlowBindings(dir, 0.5);
        config.inputText = QStringLiteral("{\"n\": 1}");
        controller.setRunConfig(config);

        QVERIFY(controller.start());
        QTRY_VERIFY_WITH_TIMEOUT(contains(shownTypes(controller), "TaskStarted"), 5000);
        controller.pause();
        QCOMPARE(controller.phase(), Phase::Paused);
        // The program finishes; its result arrives, and the run stays paused there.
        QTRY_VERIFY_WITH_TIMEOUT(contains(shownTypes(controller), "TaskSucceeded"), 5000);
        QTest::qWait(200);
        QCOMPARE(controller.phase(), Phase::Paused);
        QVERIFY(!contains(shownTypes(controller), "ExecutionSucceeded"));
        QVERIFY(controller.continueRun());
        QVERIFY(debugtest::waitUntilStopped(controller, 10000));
        QCOMPARE(controller.execution()->status(), engine::ExecutionStatus::Succeeded);
        QCOMPARE(controller.progress().events, controller.history()->size());
    }

    void pauseDuringARealClockWaitStopsTheElapsedTimeAndContinueGoesOn()
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
        QTest::qWait(400);
        QCOMPARE(shownTypes(controller).back(), std::string("WaitStateEntered"));
        controller.pause();
        QCOMPARE(controller.phase(), Phase::Paused);
        const std::int64_t atPause = controller.progress().realElapsedMs;
        QVERIFY(atPause >= 300);
        QTest::qWait(600);
        QCOMPARE(controller.progress().realElapsedMs, atPause); // the display stopped
        QCOMPARE(shownTypes(controller).back(), std::string("WaitStateEntered"));

        QVERIFY(controller.continueRun());
        QTest::qWait(300);
        QVERIFY(controller.progress().realElapsedMs > atPause); // and goes on
        QVERIFY(debugtest::waitUntilStopped(controller, 10000));
        QCOMPARE(controller.execution()->status(), engine::ExecutionStatus::Succeeded);
        QVERIFY(wall.elapsed() >= 1900); // the wait's end is on the wall clock
        // Real time counts only while running: the paused 600 ms are not in it.
        QVERIFY(controller.progress().realElapsedMs < wall.elapsed() - 400);
    }

    void stopDuringARealClockWaitRecordsTheWaitAborted()
    {
        Document document;
        debugtest::openMachine(document, debugtest::waitMachine(30));
        DebugController controller(&document);
        RunConfig config;
        config.clock = engine::ClockMode::Real;
        controller.setRunConfig(config);
        QVERIFY(controller.start());
        QTRY_COMPARE_WITH_TIMEOUT(shownTypes(controller).back(), std::string("WaitStateEntered"),
                                  5000);
        QElapsedTimer stopping;
        stopping.start();
        controller.stop();
        QVERIFY(stopping.elapsed() < 5000);
        QCOMPARE(controller.phase(), Phase::Finished);
        const auto types = shownTypes(controller);
        QVERIFY(!contains(types, "WaitStateExited"));
        const std::vector<std::string> tail(types.end() - 3, types.end());
        const std::vector<std::string> expected = {"WaitStateEntered", "WaitStateAborted",
                                                   "ExecutionAborted"};
        QCOMPARE(tail, expected);
    }

    void aBreakpointSetDuringARunStopsIt()
    {
        Document document;
        debugtest::openMachine(document, debugtest::loopMachine(200000));
        DebugController controller(&document);
        RunConfig config;
        config.inputText = QStringLiteral("{}");
        config.maxHistoryEvents = 2000000;
        controller.setRunConfig(config);
        QVERIFY(controller.start());
        QTRY_VERIFY_WITH_TIMEOUT(controller.progress().events > 100, 10000);
        controller.setBreakpoint("/States/Inc", true);
        QVERIFY(debugtest::waitUntilStopped(controller, 20000));
        QCOMPARE(controller.phase(), Phase::Paused);
        QVERIFY(controller.pauseReason().contains(QLatin1String("Inc")));
        QCOMPARE(controller.history()->back().stateName, std::string("Inc"));
        QCOMPARE(controller.history()->back().type, std::string("PassStateEntered"));
        controller.stop();
        QCOMPARE(controller.execution()->status(), engine::ExecutionStatus::Aborted);
    }
};

QTEST_MAIN(TestDebugWorker)
#include "tst_debug_worker.moc"
