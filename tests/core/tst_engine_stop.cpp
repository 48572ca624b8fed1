// StopExecution from another thread (issue 5, ASL spec §9.3): a real-clock Wait is interrupted
// and a running local program killed at once, and the history records ...StateAborted then
// ExecutionAborted, never the Wait's exit or the Task's result. Interrupting a run and going on
// gives the same events as running it straight through.
#include "core/asl/Parser.h"
#include "core/engine/Execution.h"
#include "core/engine/handlers/LocalCommandHandler.h"
#include "core/engine/handlers/ProcessRunner.h"

#include <QTest>

#include <atomic>
#include <chrono>
#include <csignal>
#include <thread>

using namespace stepwise;
using namespace stepwise::engine;

namespace {

asl::StateMachine machineFrom(const char *text)
{
    auto machine = asl::fromJson(Json::parse(text));
    if (!machine)
        qFatal("bad test machine: %s", machine.error().message.c_str());
    return machine.value();
}

std::vector<std::string> typesOf(const Execution &execution)
{
    std::vector<std::string> out;
    for (const HistoryEvent &event : execution.history())
        out.push_back(event.type);
    return out;
}

// Runs `execution` to its end on this thread while another thread asks it to stop after
// `delayMs`; returns how long the run took in ms.
long long runStoppedAfter(Execution &execution, int delayMs)
{
    const auto started = std::chrono::steady_clock::now();
    std::thread stopper([&execution, delayMs] {
        std::this_thread::sleep_for(std::chrono::milliseconds(delayMs));
        execution.requestAbort("Stopped", "by the test");
    });
    execution.runToEnd();
    stopper.join();
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now()
                                                                 - started)
        .count();
}

const char *const WaitThenPass = R"({"StartAt": "Hold", "States": {
    "Hold": {"Type": "Wait", "Seconds": 30, "Next": "After"},
    "After": {"Type": "Pass", "End": true}}})";

const char *const SlowTask = R"({"StartAt": "Slow", "States": {
    "Slow": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
             "Parameters": {"FunctionName": "slow"},
             "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Caught"}], "End": true},
    "Caught": {"Type": "Pass", "End": true}}})";

} // namespace

class TestEngineStop : public QObject
{
    Q_OBJECT
private slots:
    void aStopDuringARealClockWaitAbortsTheWaitAtOnce()
    {
        ExecutionOptions options;
        options.clock = ClockMode::Real;
        Execution execution(machineFrom(WaitThenPass), Json::object(), options);
        const long long tookMs = runStoppedAfter(execution, 200);
        QVERIFY2(tookMs < 5000, "the 30 s wait was not interrupted");
        QCOMPARE(execution.status(), ExecutionStatus::Aborted);
        const std::vector<std::string> expected = {"ExecutionStarted", "WaitStateEntered",
                                                   "WaitStateAborted", "ExecutionAborted"};
        QCOMPARE(typesOf(execution), expected);
        const HistoryEvent &aborted = execution.history().back();
        QCOMPARE(aborted.details["error"].get<std::string>(), std::string("Stopped"));
        QCOMPARE(aborted.details["cause"].get<std::string>(), std::string("by the test"));
    }

    void aStopDuringASlowProgramKillsItAndRecordsNoTaskResult()
    {
        LocalBindings bindings;
        CommandBinding binding;
        binding.command = {"sleep", "30"};
        bindings.functions["slow"] = binding;
        ExecutionOptions options;
        options.handlers.push_back(std::make_shared<LocalCommandHandler>(bindings));
        Execution execution(machineFrom(SlowTask), Json::object(), options);
        const long long tookMs = runStoppedAfter(execution, 300);
        QVERIFY2(tookMs < 5000, "the program was not killed");
        QCOMPARE(execution.status(), ExecutionStatus::Aborted);
        // Not TaskFailed, and not the Catch's way to "Caught": the stop ends the Task itself.
        const std::vector<std::string> expected = {"ExecutionStarted", "TaskStateEntered",
                                                   "TaskScheduled",    "TaskStarted",
                                                   "TaskStateAborted", "ExecutionAborted"};
        QCOMPARE(typesOf(execution), expected);
    }

    void aStopRequestedBetweenStepsAbortsOnTheNextStep()
    {
        Execution execution(machineFrom(WaitThenPass), Json::object());
        QVERIFY(execution.step()); // WaitStateEntered
        execution.requestAbort();
        QVERIFY(!execution.step());
        const std::vector<std::string> expected = {"ExecutionStarted", "WaitStateEntered",
                                                   "WaitStateAborted", "ExecutionAborted"};
        QCOMPARE(typesOf(execution), expected);
        QVERIFY(!execution.history().back().details.contains("error"));
    }

    void anInterruptedRunGoesOnToTheSameEvents()
    {
        Execution straight(machineFrom(WaitThenPass), Json::object());
        straight.runToEnd();
        Execution interrupted(machineFrom(WaitThenPass), Json::object());
        interrupted.setInterrupted(true);
        interrupted.runToEnd();
        QCOMPARE(interrupted.history().size(), std::size_t{1}); // nothing ran
        QVERIFY(!interrupted.isFinished());
        interrupted.setInterrupted(false);
        interrupted.runToEnd();
        QCOMPARE(interrupted.status(), ExecutionStatus::Succeeded);
        QCOMPARE(typesOf(interrupted), typesOf(straight));
        for (std::size_t i = 0; i < straight.history().size(); ++i)
            QCOMPARE(interrupted.history().at(i).timestampMs, straight.history().at(i).timestampMs);
    }

    void anInterruptedRealClockWaitResumesWhereItWas()
    {
        const char *shortWait = R"({"StartAt": "Hold", "States": {
            "Hold": {"Type": "Wait", "Seconds": 1, "End": true}}})";
        ExecutionOptions options;
        options.clock = ClockMode::Real;
        Execution execution(machineFrom(shortWait), Json::object(), options);
        const auto started = std::chrono::steady_clock::now();
        std::thread pauser([&execution] {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            execution.setInterrupted(true);
        });
        execution.runToEnd(); // returns at the interrupt, in the middle of the wait
        pauser.join();
        QVERIFY(!execution.isFinished());
        QCOMPARE(execution.history().back().type, std::string("WaitStateEntered"));
        execution.setInterrupted(false);
        execution.runToEnd();
        const auto tookMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                                std::chrono::steady_clock::now() - started)
                                .count();
        QCOMPARE(execution.status(), ExecutionStatus::Succeeded);
        QVERIFY(tookMs >= 950); // the whole second was waited, across the interrupt
    }

    void aCancelledProcessIsKilledAndSaysSo()
    {
        std::atomic<bool> cancel{false};
        ProcessSpec spec;
        spec.argv = {"sleep", "30"};
        spec.cancel = &cancel;
        std::thread canceller([&cancel] {
            std::this_thread::sleep_for(std::chrono::milliseconds(150));
            cancel.store(true);
        });
        const auto started = std::chrono::steady_clock::now();
        const ProcessResult result = runProcess(spec);
        canceller.join();
        QVERIFY(result.started);
        QVERIFY(result.cancelled);
        QVERIFY(!result.timedOut);
        QCOMPARE(result.signal, SIGKILL);
        QVERIFY(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
    }
};

QTEST_APPLESS_MAIN(TestEngineStop)
#include "tst_engine_stop.moc"
