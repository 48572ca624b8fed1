// RedriveExecution (ASL spec §13.2, Appendix A16): a failed, timed-out or aborted standard
// execution continues from its unsuccessful state in the same history; succeeded steps,
// branches and iterations are not run again.
#include "core/asl/Parser.h"
#include "core/engine/Execution.h"
#include "core/engine/handlers/MockConfig.h"
#include "core/engine/handlers/MockConfigHandler.h"

#include <QTest>

#include <map>

using stepwise::Json;
using namespace stepwise::engine;

namespace {

// Fails the first `failures[name]` invocations of each named state, then returns
// {"state": name, "input": payload}; counts every invocation and its retry count.
class ScriptedHandler : public TaskHandler
{
public:
    explicit ScriptedHandler(std::map<std::string, int> failures) : m_failures(std::move(failures))
    {
    }
    bool handles(const TaskRequest &) const override { return true; }
    TaskOutcome invoke(const TaskRequest &request) override
    {
        ++calls[request.stateName];
        payloads.push_back(request.payload);
        retryCounts.push_back(request.retryCount);
        // Map items fail by value: the key is "<state>:<payload>".
        const std::string byValue = request.stateName + ":" + request.payload.dump();
        for (const std::string &key : {byValue, request.stateName}) {
            auto found = m_failures.find(key);
            if (found != m_failures.end() && found->second > 0) {
                --found->second;
                return TaskOutcome::failure("Boom", "failed " + key);
            }
        }
        return TaskOutcome::success(Json{{"state", request.stateName}, {"input", request.payload}});
    }
    std::map<std::string, int> calls;
    std::vector<Json> payloads;
    std::vector<int> retryCounts;

private:
    std::map<std::string, int> m_failures;
};

Execution start(const Json &definition, std::shared_ptr<TaskHandler> handler,
                const Json &input = Json::object(), bool express = false)
{
    ExecutionOptions options;
    options.express = express;
    if (handler)
        options.handlers.push_back(std::move(handler));
    auto machine = stepwise::asl::fromJson(definition);
    if (!machine.hasValue())
        qFatal("definition did not parse");
    return Execution(std::move(machine).value(), input, options);
}

Json task(const std::string &next = {})
{
    Json state = Json{{"Type", "Task"}, {"Resource", "arn:aws:states:::lambda:invoke"}};
    if (next.empty())
        state["End"] = true;
    else
        state["Next"] = next;
    return state;
}

Json branch(const std::string &name, const Json &state)
{
    return Json{{"StartAt", name}, {"States", Json{{name, state}}}};
}

// The mock config of the brief: "0" throws, "1" returns.
std::shared_ptr<TaskHandler> failOnceMock()
{
    Json responses = Json::object();
    responses["0"] = Json{{"Throw", Json{{"Error", "Lambda.Unknown"}, {"Cause", "first try"}}}};
    responses["1"] = Json{{"Return", Json{{"StatusCode", 200}, {"Payload", Json{{"ok", 1}}}}}};
    Json document = Json::object();
    document["StateMachines"]["M"]["TestCases"]["C"]["Charge"] = "ChargeOnce";
    document["MockedResponses"]["ChargeOnce"] = responses;
    auto config = MockConfig::fromJson(document);
    if (!config.hasValue())
        qFatal("mock config did not parse");
    auto handler = MockConfigHandler::create(
        std::make_shared<const MockConfig>(std::move(config).value()), "M", "C");
    if (!handler.hasValue())
        qFatal("mock test case not found");
    return handler.value();
}

std::vector<std::string> typesFrom(const Execution &execution, std::size_t from)
{
    std::vector<std::string> out;
    for (std::size_t i = from; i < execution.history().size(); ++i)
        out.push_back(execution.history().at(i).type);
    return out;
}

int countOf(const Execution &execution, const std::string &type, const std::string &name)
{
    int count = 0;
    for (const HistoryEvent &event : execution.history())
        if (event.type == type && event.stateName == name)
            ++count;
    return count;
}

} // namespace

class TestRedrive : public QObject
{
    Q_OBJECT
private slots:
    void taskRedrivenToSuccess()
    {
        Json prepare = Json{{"Type", "Pass"}, {"Assign", Json{{"attempt", "first"}}},
                            {"Next", "Charge"}};
        Json charge = task();
        charge["Parameters"] = Json{{"who.$", "$attempt"}};
        const Json definition = Json{{"StartAt", "Prepare"},
                                     {"States", Json{{"Prepare", prepare}, {"Charge", charge}}}};
        Execution execution = start(definition, failOnceMock(), Json{{"order", 7}});
        execution.runToEnd();
        QCOMPARE(execution.status(), ExecutionStatus::Failed);
        QCOMPARE(execution.error().value_or(""), std::string("Lambda.Unknown"));
        QVERIFY(!execution.redriveRefusal());
        const std::size_t before = execution.history().size();
        QCOMPARE(before, std::size_t(8)); // Started, Pass ×2, Task ×4, ExecutionFailed
        const HistoryEvent firstEntry = execution.history().at(3);
        QCOMPARE(firstEntry.type, std::string("TaskStateEntered"));

        const auto redriven = execution.redrive();
        QVERIFY(redriven.hasValue());
        QCOMPARE(execution.status(), ExecutionStatus::Running);
        QCOMPARE(execution.redriveCount(), 1);
        QVERIFY(!execution.error());
        const HistoryEvent &marker = execution.history().at(before);
        QCOMPARE(marker.type, std::string("ExecutionRedriven"));
        QCOMPARE(marker.id, std::int64_t(9));
        QCOMPARE(marker.previousEventId, std::int64_t(8));
        QCOMPARE(marker.detailsKey, std::string("executionRedrivenEventDetails"));
        QCOMPARE(marker.details, (Json{{"redriveCount", 1}}));

        execution.runToEnd();
        QCOMPARE(execution.status(), ExecutionStatus::Succeeded);
        QCOMPARE(typesFrom(execution, before),
                 (std::vector<std::string>{"ExecutionRedriven", "TaskStateEntered",
                                           "TaskScheduled", "TaskStarted", "TaskSucceeded",
                                           "TaskStateExited", "ExecutionSucceeded"}));
        // Ids continue; the re-entry follows ExecutionRedriven with the original input text.
        for (std::size_t i = 0; i < execution.history().size(); ++i)
            QCOMPARE(execution.history().at(i).id, static_cast<std::int64_t>(i + 1));
        const HistoryEvent &reentry = execution.history().at(before + 1);
        QCOMPARE(reentry.previousEventId, std::int64_t(9));
        QCOMPARE(reentry.details, firstEntry.details);
        QCOMPARE(execution.history().at(before + 2).previousEventId, std::int64_t(10));
        // The Pass state before it did not run again; the variable it set is still seen.
        QCOMPARE(countOf(execution, "PassStateEntered", "Prepare"), 1);
        const Json scheduled = Json::parse(
            execution.history().at(before + 2).details.at("parameters").get<std::string>());
        QCOMPARE(scheduled, (Json{{"who", "first"}}));
        QCOMPARE(execution.output(), (Json{{"StatusCode", 200}, {"Payload", Json{{"ok", 1}}}}));
        // Done now: nothing more to redrive.
        QVERIFY(execution.redriveRefusal().has_value());
    }

    void retryCountersStartAgain()
    {
        Json charge = task();
        charge["Retry"] = Json::array({Json{{"ErrorEquals", Json::array({"Boom"})},
                                            {"IntervalSeconds", 1},
                                            {"MaxAttempts", 1}}});
        auto handler = std::make_shared<ScriptedHandler>(std::map<std::string, int>{{"T", 2}});
        Execution execution =
            start(Json{{"StartAt", "T"}, {"States", Json{{"T", charge}}}}, handler);
        execution.runToEnd();
        QCOMPARE(execution.status(), ExecutionStatus::Failed);
        QCOMPARE(handler->retryCounts, (std::vector<int>{0, 1}));
        QVERIFY(execution.redrive().hasValue());
        execution.runToEnd();
        QCOMPARE(execution.status(), ExecutionStatus::Succeeded);
        QCOMPARE(handler->retryCounts, (std::vector<int>{0, 1, 0}));
    }

    void parallelRerunsOnlyFailedBranches()
    {
        Json parallel = Json{{"Type", "Parallel"},
                             {"End", true},
                             {"Branches", Json::array({branch("A", task()), branch("B", task()),
                                                       branch("C", task())})}};
        auto handler = std::make_shared<ScriptedHandler>(std::map<std::string, int>{{"B", 1}});
        Execution execution =
            start(Json{{"StartAt", "Par"}, {"States", Json{{"Par", parallel}}}}, handler);
        execution.runToEnd();
        QCOMPARE(execution.status(), ExecutionStatus::Failed);
        QCOMPARE(handler->calls["A"], 1);
        QCOMPARE(handler->calls["B"], 1);
        QCOMPARE(handler->calls["C"], 0); // aborted before it ran
        const std::size_t before = execution.history().size();

        QVERIFY(execution.redrive().hasValue());
        execution.runToEnd();
        QCOMPARE(execution.status(), ExecutionStatus::Succeeded);
        QCOMPARE(handler->calls["A"], 1); // succeeded branch kept its output
        QCOMPARE(handler->calls["B"], 2);
        QCOMPARE(handler->calls["C"], 1);
        const Json &output = execution.output();
        QVERIFY(output.is_array());
        QCOMPARE(output.size(), std::size_t(3));
        QCOMPARE(output[0]["state"], Json("A"));
        QCOMPARE(output[1]["state"], Json("B"));
        QCOMPARE(output[2]["state"], Json("C"));
        const auto redrivenTypes = typesFrom(execution, before);
        QCOMPARE(redrivenTypes.at(1), std::string("ParallelStateEntered"));
        QCOMPARE(redrivenTypes.at(2), std::string("ParallelStateStarted"));
        int entries = 0;
        for (std::size_t i = before; i < execution.history().size(); ++i)
            if (execution.history().at(i).stateName == "A")
                ++entries;
        QCOMPARE(entries, 0);
    }

    void redrivenBranchKeepsItsVariables()
    {
        Json charge = task();
        charge["Parameters"] = Json{{"seen.$", "$inBranch"}};
        Json steps = Json{{"StartAt", "Set"},
                          {"States", Json{{"Set", Json{{"Type", "Pass"},
                                                       {"Assign", Json{{"inBranch", 5}}},
                                                       {"Next", "Charge"}}},
                                          {"Charge", charge}}}};
        Json parallel = Json{{"Type", "Parallel"}, {"End", true},
                             {"Branches", Json::array({steps})}};
        auto handler =
            std::make_shared<ScriptedHandler>(std::map<std::string, int>{{"Charge", 1}});
        Execution execution =
            start(Json{{"StartAt", "Par"}, {"States", Json{{"Par", parallel}}}}, handler);
        execution.runToEnd();
        QCOMPARE(execution.status(), ExecutionStatus::Failed);
        QVERIFY(execution.redrive().hasValue());
        execution.runToEnd();
        QCOMPARE(execution.status(), ExecutionStatus::Succeeded);
        QCOMPARE(handler->payloads, (std::vector<Json>{Json{{"seen", 5}}, Json{{"seen", 5}}}));
        QCOMPARE(countOf(execution, "PassStateEntered", "Set"), 1);
    }

    void inlineMapRerunsOnlyFailedIterations()
    {
        Json map = Json{{"Type", "Map"}, {"End", true}, {"ItemProcessor", branch("Work", task())}};
        auto handler = std::make_shared<ScriptedHandler>(std::map<std::string, int>{{"Work:3", 1}});
        Execution execution = start(Json{{"StartAt", "Each"}, {"States", Json{{"Each", map}}}},
                                    handler, Json::array({1, 2, 3, 4}));
        execution.runToEnd();
        QCOMPARE(execution.status(), ExecutionStatus::Failed);
        QCOMPARE(handler->payloads, (std::vector<Json>{1, 2, 3})); // item 4 was aborted
        const std::size_t before = execution.history().size();

        QVERIFY(execution.redrive().hasValue());
        execution.runToEnd();
        QCOMPARE(execution.status(), ExecutionStatus::Succeeded);
        QCOMPARE(handler->payloads, (std::vector<Json>{1, 2, 3, 3, 4}));
        std::vector<Json> inputs;
        for (const Json &result : execution.output())
            inputs.push_back(result["input"]);
        QCOMPARE(inputs, (std::vector<Json>{1, 2, 3, 4}));
        std::vector<Json> restarted;
        for (std::size_t i = before; i < execution.history().size(); ++i)
            if (execution.history().at(i).type == "MapIterationStarted")
                restarted.push_back(execution.history().at(i).details["index"]);
        QCOMPARE(restarted, (std::vector<Json>{2, 3}));
    }

    void inlineMapStartsItemsThatNeverStarted()
    {
        Json map = Json{{"Type", "Map"},
                        {"End", true},
                        {"MaxConcurrency", 1},
                        {"ItemProcessor", branch("Work", task())}};
        auto handler = std::make_shared<ScriptedHandler>(std::map<std::string, int>{{"Work:2", 1}});
        Execution execution = start(Json{{"StartAt", "Each"}, {"States", Json{{"Each", map}}}},
                                    handler, Json::array({1, 2, 3}));
        execution.runToEnd();
        QCOMPARE(execution.status(), ExecutionStatus::Failed);
        QCOMPARE(handler->payloads, (std::vector<Json>{1, 2}));
        QVERIFY(execution.redrive().hasValue());
        execution.runToEnd();
        QCOMPARE(execution.status(), ExecutionStatus::Succeeded);
        QCOMPARE(handler->payloads, (std::vector<Json>{1, 2, 2, 3}));
        QCOMPARE(execution.output().size(), std::size_t(3));
    }

    void distributedMapRedrivesItsMapRun()
    {
        Json processor = branch("Work", task());
        processor["ProcessorConfig"] = Json{{"Mode", "DISTRIBUTED"}, {"ExecutionType", "STANDARD"}};
        Json map = Json{{"Type", "Map"}, {"End", true}, {"ItemProcessor", processor}};
        auto handler = std::make_shared<ScriptedHandler>(std::map<std::string, int>{{"Work:2", 1}});
        Execution execution = start(Json{{"StartAt", "Each"}, {"States", Json{{"Each", map}}}},
                                    handler, Json::array({1, 2, 3}));
        execution.runToEnd();
        QCOMPARE(execution.status(), ExecutionStatus::Failed);
        QCOMPARE(execution.error().value_or(""),
                 std::string("States.ExceedToleratedFailureThreshold"));
        std::string mapRunArn;
        for (const HistoryEvent &event : execution.history())
            if (event.type == "MapRunStarted")
                mapRunArn = event.details.at("mapRunArn").get<std::string>();
        QVERIFY(!mapRunArn.empty());
        const std::size_t before = execution.history().size();

        QVERIFY(execution.redrive().hasValue());
        execution.runToEnd();
        QCOMPARE(execution.status(), ExecutionStatus::Succeeded);
        QCOMPARE(handler->payloads, (std::vector<Json>{1, 2, 3, 2}));
        QCOMPARE(typesFrom(execution, before),
                 (std::vector<std::string>{"ExecutionRedriven", "MapStateEntered",
                                           "MapStateStarted", "MapRunRedriven", "MapRunSucceeded",
                                           "MapStateSucceeded", "MapStateExited",
                                           "ExecutionSucceeded"}));
        const HistoryEvent &redriven = execution.history().at(before + 3);
        QCOMPARE(redriven.details,
                 (Json{{"mapRunArn", mapRunArn}, {"redriveCount", 1}}));
        QCOMPARE(execution.output().size(), std::size_t(3));
        QCOMPARE(execution.output()[1]["input"], Json(2));
    }

    void abortedAndTimedOutRunsAreRedrivable()
    {
        const Json wait = Json{{"Type", "Wait"}, {"Seconds", 60}, {"End", true}};
        Execution aborted = start(Json{{"StartAt", "W"}, {"States", Json{{"W", wait}}}}, nullptr);
        aborted.step(); // WaitStateEntered
        aborted.abort("Stop", "by hand");
        QCOMPARE(aborted.status(), ExecutionStatus::Aborted);
        QVERIFY(aborted.redrive().hasValue());
        aborted.runToEnd();
        QCOMPARE(aborted.status(), ExecutionStatus::Succeeded);
        QCOMPARE(countOf(aborted, "WaitStateEntered", "W"), 2);

        Json timed = Json{{"StartAt", "W"}, {"TimeoutSeconds", 30}, {"States", Json{{"W", wait}}}};
        Execution timedOut = start(timed, nullptr);
        timedOut.runToEnd();
        QCOMPARE(timedOut.status(), ExecutionStatus::TimedOut);
        QVERIFY(timedOut.redrive().hasValue());
        QCOMPARE(timedOut.redriveCount(), 1);
        timedOut.runToEnd(); // TimeoutSeconds counts again from the redrive: times out again
        QCOMPARE(timedOut.status(), ExecutionStatus::TimedOut);
        QVERIFY(timedOut.redrive().hasValue());
        QCOMPARE(timedOut.redriveCount(), 2);
    }

    void refusals()
    {
        const Json pass = Json{{"StartAt", "P"}, {"States", Json{{"P", Json{{"Type", "Pass"},
                                                                             {"End", true}}}}}};
        Execution succeeded = start(pass, nullptr);
        succeeded.runToEnd();
        const auto refusal = succeeded.redriveRefusal();
        QVERIFY(refusal.has_value());
        QVERIFY(refusal->find("SUCCEEDED") != std::string::npos);
        const std::size_t events = succeeded.history().size();
        const auto result = succeeded.redrive();
        QVERIFY(!result.hasValue());
        QCOMPARE(result.error(), *refusal);
        QCOMPARE(succeeded.history().size(), events);

        const Json fail = Json{{"StartAt", "F"},
                               {"States", Json{{"F", Json{{"Type", "Fail"}, {"Error", "E"}}}}}};
        Execution express = start(fail, nullptr, Json::object(), true);
        express.runToEnd();
        QCOMPARE(express.status(), ExecutionStatus::Failed);
        QVERIFY(express.redriveRefusal().value_or("").find("EXPRESS") != std::string::npos);
        QVERIFY(!express.redrive().hasValue());

        Execution running = start(Json{{"StartAt", "W"},
                                       {"States", Json{{"W", Json{{"Type", "Wait"},
                                                                  {"Seconds", 5},
                                                                  {"End", true}}}}}},
                                  nullptr);
        running.step();
        QVERIFY(running.redriveRefusal().value_or("").find("RUNNING") != std::string::npos);
        QVERIFY(!running.redrive().hasValue());

        Execution standard = start(fail, nullptr);
        standard.runToEnd();
        QVERIFY(!standard.redriveRefusal());
    }

    void redriveCountInContext()
    {
        Json charge = task("Report");
        const Json report = Json{{"Type", "Pass"},
                                 {"Parameters", Json{{"count.$", "$$.Execution.RedriveCount"}}},
                                 {"End", true}};
        auto handler = std::make_shared<ScriptedHandler>(std::map<std::string, int>{{"T", 1}});
        Execution execution = start(
            Json{{"StartAt", "T"}, {"States", Json{{"T", charge}, {"Report", report}}}}, handler);
        execution.runToEnd();
        QCOMPARE(execution.status(), ExecutionStatus::Failed);
        QVERIFY(execution.redrive().hasValue());
        execution.runToEnd();
        QCOMPARE(execution.status(), ExecutionStatus::Succeeded);
        QCOMPARE(execution.output(), (Json{{"count", 1}}));
    }

    // A Pass whose output is over the payload limit fails on its exit, after merging its result
    // into its input in place; a redrive re-enters it with the input it recorded, so it fails
    // the same way again instead of reading paths on a null input.
    void aPassFailedOnItsOutputSizeIsRedrivenWithItsInput()
    {
        const Json pass = Json{{"Type", "Pass"},
                               {"Parameters", Json{{"copy.$", "$.blob"}}},
                               {"ResultPath", "$.copy"},
                               {"End", true}};
        Execution execution = start(Json{{"StartAt", "Double"}, {"States", Json{{"Double", pass}}}},
                                    nullptr, Json{{"blob", std::string(150 * 1024, 'x')}});
        execution.runToEnd();
        QCOMPARE(execution.status(), ExecutionStatus::Failed);
        QCOMPARE(execution.error().value_or(""), std::string("States.DataLimitExceeded"));
        QVERIFY(execution.redrive().hasValue());
        execution.runToEnd();
        QCOMPARE(execution.status(), ExecutionStatus::Failed);
        QCOMPARE(execution.error().value_or(""), std::string("States.DataLimitExceeded"));
        std::vector<std::string> enteredInputs;
        for (const HistoryEvent &event : execution.history())
            if (event.type == "PassStateEntered")
                enteredInputs.push_back(event.details["input"].get<std::string>());
        QCOMPARE(enteredInputs.size(), std::size_t{2});
        QCOMPARE(enteredInputs[1], enteredInputs[0]);
    }
};

QTEST_APPLESS_MAIN(TestRedrive)
#include "tst_redrive.moc"
