// Retry and Catch around Task states (ASL spec §7, history shape §9.3).
#include "core/asl/Parser.h"
#include "core/engine/Execution.h"
#include "core/engine/RetryCatch.h"

#include <QTest>

using stepwise::Json;
using namespace stepwise::engine;

namespace {

// Fails the first `failures` invocations with `error`, then returns {"ok": true}.
class FlakyHandler : public TaskHandler
{
public:
    FlakyHandler(int failures, std::string error) : m_failures(failures), m_error(std::move(error))
    {
    }
    bool handles(const TaskRequest &) const override { return true; }
    TaskOutcome invoke(const TaskRequest &request) override
    {
        retryCounts.push_back(request.retryCount);
        if (m_failures-- > 0)
            return TaskOutcome::failure(m_error, "boom");
        return TaskOutcome::success(Json{{"ok", true}});
    }
    std::vector<int> retryCounts;

private:
    int m_failures;
    std::string m_error;
};

Json taskMachine(const Json &extra, const std::string &resource = "arn:aws:states:::lambda:invoke")
{
    Json task = Json{{"Type", "Task"}, {"Resource", resource}, {"End", true}};
    task.update(extra);
    return Json{{"StartAt", "T"},
                {"States", {{"T", task}, {"Caught", {{"Type", "Pass"}, {"End", true}}}}}};
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

std::vector<std::string> types(const Execution &execution)
{
    std::vector<std::string> out;
    for (const HistoryEvent &event : execution.history())
        out.push_back(event.type);
    return out;
}

} // namespace

class TestRetryCatch : public QObject
{
    Q_OBJECT
private slots:
    void matching_data()
    {
        QTest::addColumn<QString>("equals");
        QTest::addColumn<QString>("error");
        QTest::addColumn<bool>("matches");
        QTest::newRow("exact") << "E" << "E" << true;
        QTest::newRow("other") << "E" << "F" << false;
        QTest::newRow("all") << "States.ALL" << "F" << true;
        QTest::newRow("all not runtime") << "States.ALL" << "States.Runtime" << false;
        QTest::newRow("runtime never") << "States.Runtime" << "States.Runtime" << false;
        QTest::newRow("taskfailed") << "States.TaskFailed" << "Lambda.Unknown" << true;
        QTest::newRow("taskfailed not timeout") << "States.TaskFailed" << "States.Timeout"
                                                << false;
    }
    void matching()
    {
        QFETCH(QString, equals);
        QFETCH(QString, error);
        QFETCH(bool, matches);
        QCOMPARE(errorMatches({equals.toStdString()}, error.toStdString()), matches);
    }

    void backoffDelays()
    {
        stepwise::asl::Retrier retrier;
        retrier.intervalSeconds = Json(2);
        retrier.backoffRate = Json(3.0);
        retrier.maxDelaySeconds = Json(10);
        QCOMPARE(retryDelayMs(retrier, 0), std::int64_t{2000});
        QCOMPARE(retryDelayMs(retrier, 1), std::int64_t{6000});
        QCOMPARE(retryDelayMs(retrier, 2), std::int64_t{10000});
    }

    void retryThenSucceed()
    {
        auto handler = std::make_shared<FlakyHandler>(2, "E");
        Execution execution = run(
            taskMachine(Json::parse(R"({"Retry":[{"ErrorEquals":["E"],"IntervalSeconds":1}]})")),
            handler);
        QCOMPARE(execution.status(), ExecutionStatus::Succeeded);
        QCOMPARE(handler->retryCounts, (std::vector<int>{0, 1, 2}));
        const auto &history = execution.history();
        // TaskFailed is followed directly by the next TaskScheduled (spec §7.2 step 5).
        QCOMPARE(history.at(4).type, std::string("TaskFailed"));
        QCOMPARE(history.at(5).type, std::string("TaskScheduled"));
        QCOMPARE(history.at(5).previousEventId, history.at(4).id);
        // Virtual clock: 1 s then 2 s of backoff (IntervalSeconds × BackoffRate^n).
        QCOMPARE(history.at(5).timestampMs - history.at(4).timestampMs, std::int64_t{1000});
        QCOMPARE(history.at(8).timestampMs - history.at(7).timestampMs, std::int64_t{2000});
    }

    void catchWithResultPath()
    {
        Execution execution = run(
            taskMachine(Json::parse(
                R"({"Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.err",
                             "Next":"Caught"}]})")),
            std::make_shared<FlakyHandler>(5, "E"), Json{{"in", 1}});
        QCOMPARE(execution.status(), ExecutionStatus::Succeeded);
        QCOMPARE(execution.output(),
                 Json::parse(R"({"in":1,"err":{"Error":"E","Cause":"boom"}})"));
        QCOMPARE(types(execution),
                 (std::vector<std::string>{"ExecutionStarted", "TaskStateEntered",
                                           "TaskScheduled", "TaskStarted", "TaskFailed",
                                           "TaskStateExited", "PassStateEntered",
                                           "PassStateExited", "ExecutionSucceeded"}));
    }

    void exhaustedRetriesFail()
    {
        Execution execution = run(
            taskMachine(Json::parse(R"({"Retry":[{"ErrorEquals":["E"],"MaxAttempts":1}]})")),
            std::make_shared<FlakyHandler>(5, "E"));
        QCOMPARE(execution.status(), ExecutionStatus::Failed);
        QCOMPARE(execution.error().value_or(""), std::string("E"));
        QCOMPARE(execution.cause().value_or(""), std::string("boom"));
        QCOMPARE(execution.history().back().previousEventId,
                 execution.history().at(execution.history().size() - 2).id);
    }

    void runtimeErrorsAreNotCaught()
    {
        Execution execution = run(
            taskMachine(Json::parse(
                R"({"InputPath":"$.missing",
                    "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Caught"}]})")),
            std::make_shared<FlakyHandler>(0, "E"));
        QCOMPARE(execution.error().value_or(""), std::string("States.Runtime"));
    }

    void plainLambdaArnEvents()
    {
        Execution execution =
            run(taskMachine(Json::object(), "arn:aws:lambda:us-east-1:123456789012:function:f"),
                std::make_shared<FlakyHandler>(0, "E"));
        QCOMPARE(execution.history().at(2).type, std::string("LambdaFunctionScheduled"));
        QCOMPARE(execution.history().at(3).type, std::string("LambdaFunctionStarted"));
        QCOMPARE(execution.history().at(4).type, std::string("LambdaFunctionSucceeded"));
    }

    void taskScheduledDetails()
    {
        Execution execution = run(taskMachine(Json::parse(
                                      R"({"Parameters":{"FunctionName":"f"},"TimeoutSeconds":5})")),
                                  std::make_shared<FlakyHandler>(0, "E"));
        const Json &details = execution.history().at(2).details;
        QCOMPARE(details["resourceType"].get<std::string>(), std::string("lambda"));
        QCOMPARE(details["resource"].get<std::string>(), std::string("invoke"));
        QCOMPARE(details["region"].get<std::string>(), std::string("us-east-1"));
        QCOMPARE(details["parameters"].get<std::string>(), std::string(R"({"FunctionName":"f"})"));
        QCOMPARE(details["timeoutInSeconds"].get<std::int64_t>(), std::int64_t{5});
    }

    void missingHandlerNamesResource()
    {
        Execution execution = run(taskMachine(Json::object()), nullptr);
        QCOMPARE(execution.error().value_or(""), std::string("Stepwise.NoTaskHandler"));
        QVERIFY(execution.cause().value_or("").find("arn:aws:states:::lambda:invoke")
                != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestRetryCatch)
#include "tst_retry_catch.moc"
