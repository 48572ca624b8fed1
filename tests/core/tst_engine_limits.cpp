// Task timeouts and heartbeats (ASL spec §8.2), the execution timeout (§8.3) and variable size
// limits (§4.4) on the engine's virtual clock; the history and payload limits (§8.4); the
// bounds on local programs (hung, runaway printers) and on JSONata evaluation (issue 8).
#include "core/asl/Parser.h"
#include "core/engine/Execution.h"
#include "core/engine/handlers/LocalCommandHandler.h"
#include "core/jsonata/Jsonata.h"

#include <QElapsedTimer>

#include <QTest>

using stepwise::Json;
using namespace stepwise::engine;

namespace {

// Every invocation takes `durationMs` and returns {"ok": true}, or fails with `error`.
class TimedHandler : public TaskHandler
{
public:
    explicit TimedHandler(std::optional<std::int64_t> durationMs,
                          std::optional<std::string> error = std::nullopt)
        : m_durationMs(durationMs), m_error(std::move(error))
    {
    }
    bool handles(const TaskRequest &) const override { return true; }
    TaskOutcome invoke(const TaskRequest &request) override
    {
        timeouts.push_back(request.timeoutSeconds.value_or(-1));
        TaskOutcome outcome = m_error ? TaskOutcome::failure(m_error, std::nullopt)
                                      : TaskOutcome::success(Json{{"ok", true}});
        outcome.durationMs = m_durationMs;
        return outcome;
    }
    std::vector<std::int64_t> timeouts;

private:
    std::optional<std::int64_t> m_durationMs;
    std::optional<std::string> m_error;
};

Json taskMachine(const Json &extra, const std::string &resource)
{
    Json task = Json{{"Type", "Task"}, {"Resource", resource}, {"End", true}};
    task.update(extra);
    return Json{{"StartAt", "T"}, {"States", {{"T", task}}}};
}

Execution run(const Json &definition, std::shared_ptr<TaskHandler> handler,
              const Json &input = Json::object())
{
    ExecutionOptions options;
    if (handler)
        options.handlers.push_back(std::move(handler));
    Execution execution(stepwise::asl::fromJson(definition).value(), input, options);
    execution.runToEnd();
    return execution;
}

const HistoryEvent *find(const Execution &execution, const std::string &type)
{
    for (const HistoryEvent &event : execution.history())
        if (event.type == type)
            return &event;
    return nullptr;
}

std::vector<std::string> types(const Execution &execution)
{
    std::vector<std::string> out;
    for (const HistoryEvent &event : execution.history())
        out.push_back(event.type);
    return out;
}

const std::string kIntegration = "arn:aws:states:::lambda:invoke";
const std::string kFunction = "arn:aws:lambda:us-east-1:123456789012:function:f";

// Function "f" bound to a program that never ends.
LocalCommandHandler hungHandler(LocalCommandLimits limits)
{
    LocalBindings bindings;
    CommandBinding binding;
    binding.command = {"sleep", "300"};
    bindings.functions["f"] = binding;
    return LocalCommandHandler(std::move(bindings), limits);
}

} // namespace

class TestEngineLimits : public QObject
{
    Q_OBJECT
private slots:
    void taskDuration_data()
    {
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QString>("fields");
        QTest::addColumn<qint64>("durationMs");
        QTest::addColumn<QString>("outcomeEvent");
        QTest::addColumn<qint64>("elapsedMs"); // outcome event time - scheduled time
        const QString integration = QString::fromStdString(kIntegration);
        const QString function = QString::fromStdString(kFunction);
        QTest::newRow("within timeout") << integration << R"({"TimeoutSeconds": 5})"
                                        << qint64(4000) << "TaskSucceeded" << qint64(4000);
        QTest::newRow("over timeout") << integration << R"({"TimeoutSeconds": 5})"
                                      << qint64(9000) << "TaskTimedOut" << qint64(5000);
        QTest::newRow("lambda over timeout") << function << R"({"TimeoutSeconds": 2})"
                                             << qint64(3000) << "LambdaFunctionTimedOut"
                                             << qint64(2000);
        QTest::newRow("missed heartbeat") << integration
                                          << R"({"TimeoutSeconds": 60, "HeartbeatSeconds": 3})"
                                          << qint64(4000) << "TaskTimedOut" << qint64(3000);
        QTest::newRow("lambda has no heartbeat") << function << R"({"HeartbeatSeconds": 3})"
                                                 << qint64(4000) << "LambdaFunctionSucceeded"
                                                 << qint64(4000);
        QTest::newRow("no limit") << integration << "{}" << qint64(100000) << "TaskSucceeded"
                                  << qint64(100000);
        QTest::newRow("timeout path") << integration << R"({"TimeoutSecondsPath": "$.limit"})"
                                      << qint64(7000) << "TaskTimedOut" << qint64(6000);
    }
    void taskDuration()
    {
        QFETCH(QString, resource);
        QFETCH(QString, fields);
        QFETCH(qint64, durationMs);
        QFETCH(QString, outcomeEvent);
        QFETCH(qint64, elapsedMs);
        auto handler = std::make_shared<TimedHandler>(durationMs);
        const Json definition = taskMachine(Json::parse(fields.toStdString()),
                                            resource.toStdString());
        Execution execution = run(definition, handler, Json{{"limit", 6}});
        const HistoryEvent *scheduled = &execution.history().at(2);
        const HistoryEvent *outcome = find(execution, outcomeEvent.toStdString());
        QVERIFY(outcome);
        QCOMPARE(outcome->timestampMs - scheduled->timestampMs, elapsedMs);
        if (outcomeEvent.endsWith("TimedOut")) {
            QCOMPARE(execution.status(), ExecutionStatus::Failed);
            QCOMPARE(execution.error().value_or(""), std::string("States.Timeout"));
            QCOMPARE(outcome->details.value("error", ""), std::string("States.Timeout"));
            QVERIFY(!outcome->details.contains("cause"));
        } else {
            QCOMPARE(execution.status(), ExecutionStatus::Succeeded);
        }
    }

    // A handler that enforces the limit itself (local commands) reports States.Timeout.
    void handlerReportedTimeout()
    {
        auto handler = std::make_shared<TimedHandler>(std::nullopt, "States.Timeout");
        Execution execution = run(taskMachine(Json{{"TimeoutSeconds", 1}}, kIntegration), handler);
        QVERIFY(find(execution, "TaskTimedOut"));
        QVERIFY(!find(execution, "TaskFailed"));
        QCOMPARE(handler->timeouts, std::vector<std::int64_t>{1});
    }

    // States.Timeout is retried and caught like any error, but not by States.TaskFailed.
    void timeoutRetriedThenCaught()
    {
        Json definition = taskMachine(
            Json{{"TimeoutSeconds", 1},
                 {"Retry", Json::array({{{"ErrorEquals", {"States.TaskFailed"}}},
                                        {{"ErrorEquals", {"States.Timeout"}},
                                         {"MaxAttempts", 1},
                                         {"IntervalSeconds", 1}}})},
                 {"Catch", Json::array({{{"ErrorEquals", {"States.ALL"}}, {"Next", "C"}}})}},
            kIntegration);
        definition["States"]["C"] = Json{{"Type", "Pass"}, {"End", true}};
        Execution execution = run(definition, std::make_shared<TimedHandler>(5000));
        const std::vector<std::string> expected = {
            "ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted",
            "TaskTimedOut",     "TaskScheduled",    "TaskStarted",   "TaskTimedOut",
            "TaskStateExited",  "PassStateEntered", "PassStateExited", "ExecutionSucceeded"};
        QCOMPARE(types(execution), expected);
        QCOMPARE(execution.output()["Error"].get<std::string>(), std::string("States.Timeout"));
    }

    void executionTimeoutDuringWait()
    {
        const Json definition = Json::parse(R"({"StartAt": "W", "TimeoutSeconds": 10,
            "States": {"W": {"Type": "Wait", "Seconds": 60, "End": true}}})");
        Execution execution = run(definition, nullptr);
        const std::vector<std::string> expected = {"ExecutionStarted", "WaitStateEntered",
                                                   "WaitStateAborted", "ExecutionTimedOut"};
        QCOMPARE(types(execution), expected);
        QCOMPARE(execution.status(), ExecutionStatus::TimedOut);
        QCOMPARE(std::string(statusName(execution.status())), std::string("TIMED_OUT"));
        const HistoryEvent &last = execution.history().back();
        QCOMPARE(last.details["error"].get<std::string>(), std::string("States.Timeout"));
        QCOMPARE(last.previousEventId, std::int64_t(0));
        QCOMPARE(last.timestampMs - execution.history().at(0).timestampMs, std::int64_t(10000));
        QVERIFY(!execution.error());
    }

    void executionTimeoutDuringTask()
    {
        Json definition = taskMachine(Json::object(), kIntegration);
        definition["TimeoutSeconds"] = 3;
        Execution execution = run(definition, std::make_shared<TimedHandler>(8000));
        const std::vector<std::string> expected = {"ExecutionStarted", "TaskStateEntered",
                                                   "TaskScheduled",    "TaskStarted",
                                                   "TaskStateAborted", "ExecutionTimedOut"};
        QCOMPARE(types(execution), expected);
        QCOMPARE(execution.status(), ExecutionStatus::TimedOut);
        QCOMPARE(execution.history().back().timestampMs - execution.history().at(0).timestampMs,
                 std::int64_t(3000));
    }

    void executionTimeoutInsideParallel()
    {
        const Json definition = Json::parse(R"({"StartAt": "P", "TimeoutSeconds": 5,
            "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
                {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 30, "End": true}}}
            ]}}})");
        Execution execution = run(definition, nullptr);
        const std::vector<std::string> expected = {
            "ExecutionStarted", "ParallelStateEntered", "ParallelStateStarted",
            "WaitStateEntered", "WaitStateAborted",     "ParallelStateAborted",
            "ExecutionTimedOut"};
        QCOMPARE(types(execution), expected);
    }

    void variableLimits_data()
    {
        QTest::addColumn<int>("variables");  // assigned by one Pass state, in a loop
        QTest::addColumn<int>("kib");        // size of each value
        QTest::addColumn<int>("states");     // how many states assign
        QTest::addColumn<bool>("succeeds");
        QTest::newRow("small") << 2 << 1 << 1 << true;
        QTest::newRow("one variable at 250 KiB") << 1 << 250 << 1 << true;
        QTest::newRow("one variable over 256 KiB") << 1 << 257 << 1 << false;
        QTest::newRow("one Assign over 256 KiB") << 2 << 130 << 1 << false;
        QTest::newRow("reassigning does not grow") << 1 << 200 << 60 << true;
    }
    void variableLimits()
    {
        QFETCH(int, variables);
        QFETCH(int, kib);
        QFETCH(int, states);
        QFETCH(bool, succeeds);
        Json definition = Json{{"StartAt", "S0"}, {"States", Json::object()}};
        for (int s = 0; s < states; ++s) {
            Json assign = Json::object();
            for (int v = 0; v < variables; ++v)
                assign["v" + std::to_string(v) + ".$"] = "$$.Execution.Input.big";
            Json state = Json{{"Type", "Pass"}, {"Assign", assign}, {"OutputPath", nullptr}};
            if (s + 1 < states)
                state["Next"] = "S" + std::to_string(s + 1);
            else
                state["End"] = true;
            definition["States"]["S" + std::to_string(s)] = state;
        }
        const Json input = Json{{"big", std::string(static_cast<std::size_t>(kib) * 1024, 'x')}};
        Execution execution = run(definition, nullptr, input);
        QCOMPARE(execution.status() == ExecutionStatus::Succeeded, succeeds);
        if (!succeeds)
            QCOMPARE(execution.error().value_or(""), std::string("States.DataLimitExceeded"));
    }

    // 10 MiB over all variables: 45 distinct 240 KiB variables exceed it.
    void variableLimitPerExecution()
    {
        Json definition = Json{{"StartAt", "S0"}, {"States", Json::object()}};
        const int states = 45;
        for (int s = 0; s < states; ++s) {
            Json state = Json{{"Type", "Pass"},
                              {"Assign",
                               {{"v" + std::to_string(s) + ".$", "$$.Execution.Input.big"}}},
                              {"OutputPath", nullptr}};
            if (s + 1 < states)
                state["Next"] = "S" + std::to_string(s + 1);
            else
                state["End"] = true;
            definition["States"]["S" + std::to_string(s)] = state;
        }
        const Json input = Json{{"big", std::string(240 * 1024, 'x')}};
        Execution execution = run(definition, nullptr, input);
        QCOMPARE(execution.status(), ExecutionStatus::Failed);
        QCOMPARE(execution.error().value_or(""), std::string("States.DataLimitExceeded"));
        QVERIFY(execution.cause().value_or("").find("10 MiB") != std::string::npos);
    }
    // AWS fails an execution at 25,000 history events; the last event is the failure itself.
    void historyEventLimitOfAws()
    {
        const Json loop = Json{{"StartAt", "Loop"},
                               {"States", {{"Loop", {{"Type", "Pass"}, {"Next", "Loop"}}}}}};
        Execution execution = run(loop, nullptr);
        QCOMPARE(execution.status(), ExecutionStatus::Failed);
        QCOMPARE(execution.error().value_or(""), std::string("States.Runtime"));
        QVERIFY(execution.cause().value_or("").find("25000") != std::string::npos);
        QCOMPARE(execution.history().size(), std::size_t(25000));
        QCOMPARE(execution.history().back().type, std::string("ExecutionFailed"));
    }

    // A long local run can raise the limit (the designer's run settings do); it still ends.
    void historyEventLimitRaisedForLongLocalRuns()
    {
        const Json loop = Json{{"StartAt", "Loop"},
                               {"States", {{"Loop", {{"Type", "Pass"}, {"Next", "Loop"}}}}}};
        ExecutionOptions options;
        options.maxHistoryEvents = 40000;
        Execution execution(stepwise::asl::fromJson(loop).value(), Json::object(), options);
        execution.runToEnd();
        QCOMPARE(execution.status(), ExecutionStatus::Failed);
        QCOMPARE(execution.history().size(), std::size_t(40000));
        QVERIFY(execution.cause().value_or("").find("40000") != std::string::npos);
    }

    // A state output over 256 KiB fails the execution with States.DataLimitExceeded.
    void statePayloadLimit_data()
    {
        QTest::addColumn<int>("bytes");
        QTest::addColumn<bool>("succeeds");
        QTest::newRow("under 256 KiB") << 200 * 1024 << true;
        QTest::newRow("over 256 KiB") << 257 * 1024 << false;
    }
    void statePayloadLimit()
    {
        QFETCH(int, bytes);
        QFETCH(bool, succeeds);
        const Json pass = Json{
            {"StartAt", "P"},
            {"States",
             {{"P", {{"Type", "Pass"}, {"Result", std::string(static_cast<std::size_t>(bytes), 'x')},
                     {"End", true}}}}}};
        Execution execution = run(pass, nullptr);
        QCOMPARE(execution.status() == ExecutionStatus::Succeeded, succeeds);
        if (!succeeds) {
            QCOMPARE(execution.error().value_or(""), std::string("States.DataLimitExceeded"));
            QVERIFY(execution.cause().value_or("").find("'P'") != std::string::npos);
        }
    }

    // A Task result over 256 KiB fails the attempt with States.DataLimitExceeded.
    void taskResultPayloadLimit()
    {
        class BigResult : public TaskHandler
        {
        public:
            bool handles(const TaskRequest &) const override { return true; }
            TaskOutcome invoke(const TaskRequest &) override
            {
                return TaskOutcome::success(Json{{"blob", std::string(300 * 1024, 'y')}});
            }
        };
        Execution execution = run(taskMachine(Json::object(), kFunction), std::make_shared<BigResult>());
        QCOMPARE(execution.status(), ExecutionStatus::Failed);
        QCOMPARE(execution.error().value_or(""), std::string("States.DataLimitExceeded"));
    }

    // A local program that hangs is killed at the Task's TimeoutSeconds (real time).
    void hungProgramKilledAtTaskTimeout()
    {
        TaskRequest request;
        request.stateName = "T";
        request.resource = kFunction;
        request.timeoutSeconds = 1;
        QElapsedTimer timer;
        timer.start();
        const TaskOutcome outcome = hungHandler({}).invoke(request);
        QVERIFY2(timer.elapsed() < 10000, "the hung program was not stopped in time");
        QVERIFY(!outcome.succeeded);
        QCOMPARE(outcome.error.value_or(""), std::string("States.Timeout"));
        QVERIFY(!outcome.cause); // AWS gives no cause for a Task timeout
    }

    // Without TimeoutSeconds anywhere, the default cap stops it with an explaining cause.
    void hungProgramKilledAtDefaultCap()
    {
        TaskRequest request;
        request.stateName = "T";
        request.resource = kFunction;
        LocalCommandLimits limits;
        limits.defaultTimeoutSeconds = 1;
        QElapsedTimer timer;
        timer.start();
        const TaskOutcome outcome = hungHandler(limits).invoke(request);
        QVERIFY2(timer.elapsed() < 10000, "the hung program was not stopped in time");
        QCOMPARE(outcome.error.value_or(""), std::string("States.Timeout"));
        QVERIFY(outcome.cause.value_or("").find("TimeoutSeconds") != std::string::npos);
    }

    // A program printing megabytes is stopped at the output cap; memory stays bounded.
    void runawayPrinterStopped()
    {
        LocalBindings bindings;
        CommandBinding binding;
        binding.command = {"sh", "-c", "exec cat /dev/zero"}; // endless output
        bindings.functions["f"] = binding;
        LocalCommandLimits limits;
        limits.maxOutputBytes = 4 * 1024 * 1024;
        TaskRequest request;
        request.stateName = "T";
        request.resource = kFunction;
        request.timeoutSeconds = 60;
        QElapsedTimer timer;
        timer.start();
        const TaskOutcome outcome = LocalCommandHandler(bindings, limits).invoke(request);
        QVERIFY2(timer.elapsed() < 30000, "the runaway program was not stopped");
        QVERIFY(!outcome.succeeded);
        QCOMPARE(outcome.error.value_or(""), std::string("Lambda.Unknown"));
        QVERIFY2(outcome.cause.value_or("").find("printed more than 4194304 bytes")
                     != std::string::npos,
                 outcome.cause.value_or("").c_str());
    }

    // JSONata: unbounded recursion and long evaluations end with U1001, never a crash or hang.
    void jsonataRecursionDepth()
    {
        auto expression = stepwise::jsonata::Expression::compile(
            "($f := function($n){ $f($n + 1) + 1 }; $f(0))");
        QVERIFY(expression);
        stepwise::jsonata::Bindings bindings;
        const auto result = stepwise::jsonata::evaluate(*expression, Json::object(), bindings);
        QVERIFY(!result);
        QCOMPARE(result.error().code, std::string("U1001"));
    }
    // Hostile nesting is refused at compile time instead of exhausting the stack.
    void jsonataNestingBound_data()
    {
        QTest::addColumn<std::string>("expression");
        QTest::addColumn<bool>("compiles");
        const auto repeat = [](const std::string &part, int n) {
            std::string out;
            for (int i = 0; i < n; ++i)
                out += part;
            return out;
        };
        QTest::newRow("100 parentheses") << repeat("(", 100) + "1" + repeat(")", 100) << true;
        QTest::newRow("20000 parentheses") << repeat("(", 20000) + "1" + repeat(")", 20000) << false;
        QTest::newRow("20000 unary minus") << repeat("-", 20000) + "1" << false;
        QTest::newRow("500-term sum") << "1" + repeat("+1", 499) << true;
        QTest::newRow("20000-term sum") << "1" + repeat("+1", 19999) << false;
        QTest::newRow("20000-step path") << "a" + repeat(".a", 19999) << false;
    }
    void jsonataNestingBound()
    {
        QFETCH(std::string, expression);
        QFETCH(bool, compiles);
        auto compiled = stepwise::jsonata::Expression::compile(expression);
        QCOMPARE(compiled.hasValue(), compiles);
        if (!compiles) {
            QCOMPARE(compiled.error().code, std::string("U1001"));
            QVERIFY(compiled.error().message.find("nested too deeply") != std::string::npos);
        } else {
            QVERIFY(stepwise::jsonata::evaluate(*compiled, Json::object(), {}));
        }
    }

    void jsonataTimeBound()
    {
        auto expression = stepwise::jsonata::Expression::compile(
            "$sum([1..3000].($sum([1..3000].($ * 2))))");
        QVERIFY(expression);
        stepwise::jsonata::Bindings bindings;
        bindings.timeLimitMs = 50;
        QElapsedTimer timer;
        timer.start();
        const auto result = stepwise::jsonata::evaluate(*expression, Json::object(), bindings);
        QVERIFY(!result);
        QCOMPARE(result.error().code, std::string("U1001"));
        QVERIFY(timer.elapsed() < 5000);
    }
};

QTEST_APPLESS_MAIN(TestEngineLimits)
#include "tst_engine_limits.moc"
