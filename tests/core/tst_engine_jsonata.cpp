// JSONata mode of the engine (ASL spec §3, §4, §6.3): each field, $states, variables and every
// States.QueryEvaluationError cause, on small machines.
#include "core/asl/Parser.h"
#include "core/engine/Execution.h"

#include <QTest>

using stepwise::Json;
using namespace stepwise::engine;

namespace {

// Returns {"echo": <payload>} and remembers what it received.
class EchoHandler : public TaskHandler
{
public:
    explicit EchoHandler(int failures = 0) : m_failures(failures) {}
    bool handles(const TaskRequest &) const override { return true; }
    TaskOutcome invoke(const TaskRequest &request) override
    {
        payloads.push_back(request.payload);
        timeouts.push_back(request.timeoutSeconds);
        if (m_failures-- > 0)
            return TaskOutcome::failure("Boom", "it broke");
        return TaskOutcome::success(Json{{"echo", request.payload}});
    }
    std::vector<Json> payloads;
    std::vector<std::optional<std::int64_t>> timeouts;

private:
    int m_failures;
};

Execution run(const char *definition, const Json &input = Json::object(),
              std::shared_ptr<TaskHandler> handler = nullptr)
{
    ExecutionOptions options;
    if (handler)
        options.handlers.push_back(std::move(handler));
    auto machine = stepwise::asl::fromJson(Json::parse(definition));
    Execution execution(std::move(machine).value(), input, options);
    execution.runToEnd();
    return execution;
}

const HistoryEvent *findEvent(const Execution &execution, const std::string &type)
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

} // namespace

class TestEngineJsonata : public QObject
{
    Q_OBJECT
private slots:
    void passOutputExpressionAndTemplate();
    void absentOutputPassesInputThrough();
    void assignSeesEntryTimeValues();
    void undefinedResultFailsWithLocation();
    void evaluationErrorsCarryTheirCode();
    void functionResultIsUnsupported();
    void choiceConditionsOutputAndAssign();
    void waitSecondsAndTimestampExpressions();
    void failErrorAndCauseExpressions();
    void taskArgumentsOutputAssignAndTimeout();
    void taskArgumentErrorIsCaught();
    void taskRetryThenCatchDefaultsToErrorOutput();
    void mapItemsSelectorAndConcurrency();
    void mapItemsMustBeAnArray();
    void parallelScopesAndArguments();
    void mixedQueryLanguages();
    void distributedToleranceExpressions();
    void distributedToleranceErrors();
    void itemBatcherExpressions();
    void itemBatcherAndConcurrencyErrors();
    void taskTimeoutAndHeartbeatErrors();
    void credentialsRoleArnMustBeAString();
};

// The machines are raw JSON strings: they follow the class so moc never has to read them.
void TestEngineJsonata::passOutputExpressionAndTemplate()
{
    const auto execution = run(R"({"QueryLanguage": "JSONata", "StartAt": "P", "States": {
        "P": {"Type": "Pass", "End": true, "Output": {
            "sum": "{% $states.input.a + 1 %}", "literal": "text {% not an expression",
            "list": ["{% $states.input.a * 2 %}", 7], "nested": {"n": "{% $uppercase('x') %}"}
        }}}})",
                               Json{{"a", 4}});
    QCOMPARE(execution.status(), ExecutionStatus::Succeeded);
    QCOMPARE(execution.output(), Json::parse(R"({"sum": 5, "literal": "text {% not an expression",
                                               "list": [8, 7], "nested": {"n": "X"}})"));
}

void TestEngineJsonata::absentOutputPassesInputThrough()
{
    const auto execution = run(R"({"QueryLanguage": "JSONata", "StartAt": "S", "States": {
        "S": {"Type": "Succeed"}}})",
                               Json{{"k", "v"}});
    QCOMPARE(execution.output(), (Json{{"k", "v"}}));
}

void TestEngineJsonata::assignSeesEntryTimeValues()
{
    const auto execution = run(R"({"QueryLanguage": "JSONata", "StartAt": "A", "States": {
        "A": {"Type": "Pass", "Assign": {"x": 5}, "Next": "B"},
        "B": {"Type": "Pass", "Assign": {"x": 42, "old": "{% $x %}"},
              "Output": "{% $x %}", "Next": "C"},
        "C": {"Type": "Pass", "Output": {"x": "{% $x %}", "old": "{% $old %}",
                                         "before": "{% $states.input %}"}, "End": true}}})");
    QCOMPARE(execution.status(), ExecutionStatus::Succeeded);
    QCOMPARE(execution.output(), Json::parse(R"({"x": 42, "old": 5, "before": 5})"));
    const HistoryEvent *exited = nullptr;
    for (const HistoryEvent &event : execution.history())
        if (event.type == "PassStateExited" && event.details.value("name", "") == "B")
            exited = &event;
    QVERIFY(exited);
    QCOMPARE(exited->details["assignedVariables"], Json::parse(R"({"x": "42", "old": "5"})"));
}

void TestEngineJsonata::undefinedResultFailsWithLocation()
{
    const auto execution = run(R"({"QueryLanguage": "JSONata", "StartAt": "P", "States": {
        "P": {"Type": "Pass", "Output": {"result": "{% $doesNotExist %}"}, "End": true}}})");
    QCOMPARE(execution.status(), ExecutionStatus::Failed);
    QCOMPARE(execution.error().value(), std::string("States.QueryEvaluationError"));
    const std::string cause =
        "An error occurred while executing the state 'P' (entered at the event id #2). The "
        "JSONata expression '$doesNotExist' specified for the field 'Output/result' returned "
        "nothing (undefined).";
    QCOMPARE(execution.cause().value(), cause);
    QCOMPARE(types(execution), (std::vector<std::string>{"ExecutionStarted", "PassStateEntered",
                                                         "EvaluationFailed",
                                                         "ExecutionFailed"}));
    const HistoryEvent *failed = findEvent(execution, "EvaluationFailed");
    QCOMPARE(failed->previousEventId, std::int64_t(0));
    QCOMPARE(failed->details, (Json{{"error", "States.QueryEvaluationError"},
                                    {"cause", cause},
                                    {"location", "Output/result"},
                                    {"state", "P"}}));
}

void TestEngineJsonata::evaluationErrorsCarryTheirCode()
{
    const auto execution = run(R"({"QueryLanguage": "JSONata", "StartAt": "P", "States": {
        "P": {"Type": "Pass", "Output": {"list": ["{% $randomSeeded(1) %}"]}, "End": true}}})");
    QCOMPARE(execution.cause().value(),
             std::string("An error occurred while executing the state 'P' (entered at the "
                         "event id #2). The JSONata expression '$randomSeeded(1)' specified "
                         "for the field 'Output/list[0]' threw an error during evaluation. "
                         "T1006: Attempted to invoke a non-function"));
    const auto evalCall = run(R"({"QueryLanguage": "JSONata", "StartAt": "P", "States": {
        "P": {"Type": "Pass", "Output": "{% $eval('1') %}", "End": true}}})");
    QVERIFY(evalCall.cause().value().ends_with("T1006: Attempted to invoke a non-function"));
}

void TestEngineJsonata::functionResultIsUnsupported()
{
    const auto execution = run(R"({"QueryLanguage": "JSONata", "StartAt": "P", "States": {
        "P": {"Type": "Pass", "Output": "{% function($x){$x} %}", "End": true}}})");
    QVERIFY(execution.cause().value().ends_with(
        "The JSONata expression 'function($x){$x}' specified for the field 'Output' returned "
        "an unsupported result type."));
}

void TestEngineJsonata::choiceConditionsOutputAndAssign()
{
    const char *machine = R"({"QueryLanguage": "JSONata", "StartAt": "C", "States": {
        "C": {"Type": "Choice", "Default": "D", "Assign": {"took": "default"},
              "Output": "default output",
              "Choices": [{"Condition": "{% $states.input.go %}", "Next": "D",
                           "Output": {"rule": "{% $states.input.go %}"},
                           "Assign": {"took": "rule"}}]},
        "D": {"Type": "Pass", "Output": {"in": "{% $states.input %}", "took": "{% $took %}"},
              "End": true}}})";
    QCOMPARE(run(machine, Json{{"go", true}}).output(),
             Json::parse(R"({"in": {"rule": true}, "took": "rule"})"));
    QCOMPARE(run(machine, Json{{"go", false}}).output(),
             Json::parse(R"({"in": "default output", "took": "default"})"));
    const auto notBoolean = run(machine, Json{{"go", 3}});
    QVERIFY(notBoolean.cause().value().ends_with(
        "The JSONata expression '$states.input.go' specified for the field "
        "'Choices[0]/Condition' returned an unexpected result type. Expected 'boolean', but "
        "was 'number' for value: 3"));
    QCOMPARE(findEvent(notBoolean, "EvaluationFailed")->details["location"],
             Json("Choices[0]/Condition"));
}

void TestEngineJsonata::waitSecondsAndTimestampExpressions()
{
    const auto waited = run(R"({"QueryLanguage": "JSONata", "StartAt": "W", "States": {
        "W": {"Type": "Wait", "Seconds": "{% $states.input.s %}", "Next": "T"},
        "T": {"Type": "Wait", "Timestamp": "{% $states.input.t %}", "End": true}}})",
                            Json{{"s", 2}, {"t", "2016-03-14T01:59:00Z"}});
    QCOMPARE(waited.status(), ExecutionStatus::Succeeded);
    QCOMPARE(waited.history().at(3).timestampMs - waited.history().at(1).timestampMs,
             std::int64_t(2000));

    const auto badStamp = run(R"({"QueryLanguage": "JSONata", "StartAt": "T", "States": {
        "T": {"Type": "Wait", "Timestamp": "{% $states.input.t %}", "End": true}}})",
                              Json{{"t", "2016-13-05T21:29:29Z"}});
    QVERIFY(badStamp.cause().value().ends_with(
        "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time "
        "format string: 2016-13-05T21:29:29Z"));
    const auto fraction = run(R"({"QueryLanguage": "JSONata", "StartAt": "W", "States": {
        "W": {"Type": "Wait", "Seconds": "{% 1.5 %}", "End": true}}})");
    QVERIFY(fraction.cause().value().ends_with(
        "specified for the field 'Seconds' returned an unexpected result type. Expected "
        "'integer', but was 'number' for value: 1.5"));
}

void TestEngineJsonata::failErrorAndCauseExpressions()
{
    const auto execution = run(R"({"QueryLanguage": "JSONata", "StartAt": "F", "States": {
        "F": {"Type": "Fail", "Error": "{% $states.input.e %}",
              "Cause": "{% 'because ' & $states.input.c %}"}}})",
                               Json{{"e", "Custom"}, {"c", "reasons"}});
    QCOMPARE(execution.error().value(), std::string("Custom"));
    QCOMPARE(execution.cause().value(), std::string("because reasons"));
}

void TestEngineJsonata::taskArgumentsOutputAssignAndTimeout()
{
    auto handler = std::make_shared<EchoHandler>();
    const auto execution = run(R"({"QueryLanguage": "JSONata", "StartAt": "T", "States": {
        "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
              "Arguments": {"FunctionName": "f", "Payload": "{% $states.input.v %}"},
              "TimeoutSeconds": "{% $states.input.limit %}",
              "Assign": {"got": "{% $states.result.echo.Payload %}"},
              "Output": {"r": "{% $states.result.echo.Payload %}", "in": "{% $states.input.v %}"},
              "Next": "After"},
        "After": {"Type": "Pass", "Output": "{% $got %}", "End": true}}})",
                               Json{{"v", 7}, {"limit", 30}}, handler);
    QCOMPARE(execution.status(), ExecutionStatus::Succeeded);
    QCOMPARE(handler->payloads.at(0), Json::parse(R"({"FunctionName": "f", "Payload": 7})"));
    QCOMPARE(handler->timeouts.at(0), std::optional<std::int64_t>(30));
    QCOMPARE(execution.output(), Json(7));
}

void TestEngineJsonata::taskArgumentErrorIsCaught()
{
    auto handler = std::make_shared<EchoHandler>();
    const auto execution = run(R"({"QueryLanguage": "JSONata", "StartAt": "T", "States": {
        "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
              "Arguments": "{% $missing %}", "End": true,
              "Catch": [{"ErrorEquals": ["States.QueryEvaluationError"], "Next": "Caught",
                         "Assign": {"err": "{% $states.errorOutput.Error %}"},
                         "Output": {"input": "{% $states.input %}"}}]},
        "Caught": {"Type": "Pass", "Output": {"err": "{% $err %}", "in": "{% $states.input %}"},
                   "End": true}}})",
                               Json{{"a", 1}}, handler);
    QCOMPARE(execution.status(), ExecutionStatus::Succeeded);
    QVERIFY(handler->payloads.empty());
    QCOMPARE(execution.output(),
             Json::parse(R"({"err": "States.QueryEvaluationError", "in": {"input": {"a": 1}}})"));
    QCOMPARE(types(execution).at(2), std::string("EvaluationFailed"));
}

void TestEngineJsonata::taskRetryThenCatchDefaultsToErrorOutput()
{
    auto handler = std::make_shared<EchoHandler>(5);
    const auto execution = run(R"({"QueryLanguage": "JSONata", "StartAt": "T", "States": {
        "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
              "Retry": [{"ErrorEquals": ["Boom"], "MaxAttempts": 1, "IntervalSeconds": 1}],
              "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Caught"}]},
        "Caught": {"Type": "Succeed"}}})",
                               Json::object(), handler);
    QCOMPARE(handler->payloads.size(), std::size_t(2));
    QCOMPARE(execution.output(), Json::parse(R"({"Error": "Boom", "Cause": "it broke"})"));
}

void TestEngineJsonata::mapItemsSelectorAndConcurrency()
{
    const auto execution = run(R"({"QueryLanguage": "JSONata", "StartAt": "M", "States": {
        "M": {"Type": "Map", "Items": "{% $states.input.list %}",
              "MaxConcurrency": "{% 1 %}",
              "ItemSelector": {"i": "{% $states.context.Map.Item.Index %}",
                               "v": "{% $states.context.Map.Item.Value * 10 %}",
                               "tag": "{% $states.input.tag %}"},
              "ItemProcessor": {"StartAt": "P", "States": {
                  "P": {"Type": "Pass", "End": true}}},
              "Output": {"all": "{% $states.result %}"}, "End": true}}})",
                               Json::parse(R"({"list": [1, 2], "tag": "t"})"));
    QCOMPARE(execution.status(), ExecutionStatus::Succeeded);
    QCOMPARE(execution.output(), Json::parse(R"({"all": [{"i": 0, "v": 10, "tag": "t"},
                                                         {"i": 1, "v": 20, "tag": "t"}]})"));
    const auto literal = run(R"({"QueryLanguage": "JSONata", "StartAt": "M", "States": {
        "M": {"Type": "Map", "Items": [1, "{% $states.input.x %}"],
              "ItemProcessor": {"StartAt": "P", "States": {
                  "P": {"Type": "Pass", "End": true}}}, "End": true}}})",
                             Json{{"x", "two"}});
    QCOMPARE(literal.output(), Json::parse(R"([1, "two"])"));
}

void TestEngineJsonata::mapItemsMustBeAnArray()
{
    const auto execution = run(R"({"QueryLanguage": "JSONata", "StartAt": "M", "States": {
        "M": {"Type": "Map", "Items": "{% $states.input %}",
              "ItemProcessor": {"StartAt": "P", "States": {
                  "P": {"Type": "Pass", "End": true}}}, "End": true}}})",
                               Json{{"foo", "bar"}});
    QVERIFY(execution.cause().value().ends_with(
        "The JSONata expression '$states.input' specified for the field 'Items' returned an "
        "unexpected result type. Expected 'array', but was 'object' for value: "
        "{\"foo\":\"bar\"}"));
    QCOMPARE(types(execution), (std::vector<std::string>{"ExecutionStarted", "MapStateEntered",
                                                         "EvaluationFailed", "MapStateFailed",
                                                         "ExecutionFailed"}));
    const auto noItems = run(R"({"QueryLanguage": "JSONata", "StartAt": "M", "States": {
        "M": {"Type": "Map", "ItemProcessor": {"StartAt": "P", "States": {
                  "P": {"Type": "Pass", "End": true}}}, "End": true}}})",
                             Json(nullptr));
    QVERIFY(noItems.cause().value().ends_with("Map state input must be an array but was: null"));
    QVERIFY(!findEvent(noItems, "EvaluationFailed")->details.contains("location"));
}

void TestEngineJsonata::parallelScopesAndArguments()
{
    const auto execution = run(R"({"QueryLanguage": "JSONata", "StartAt": "Init", "States": {
        "Init": {"Type": "Pass", "Assign": {"outer": 1}, "Next": "Par"},
        "Par": {"Type": "Parallel", "Arguments": {"n": "{% $outer + 1 %}"},
                "Branches": [
                  {"StartAt": "A", "States": {
                    "A": {"Type": "Pass", "Assign": {"inner": "{% $states.input.n %}"},
                          "Next": "B"},
                    "B": {"Type": "Pass", "Output": "{% $inner + $outer %}", "End": true}}},
                  {"StartAt": "C", "States": {
                    "C": {"Type": "Pass", "Output": "{% $exists($inner) ? 100 : 0 %}",
                      "End": true}}}],
                "Assign": {"sum": "{% $sum($states.result) %}"},
                "Next": "Done"},
        "Done": {"Type": "Pass", "Output": {"sum": "{% $sum %}",
                                            "inner": "{% $exists($inner) %}"},
                 "End": true}}})");
    QCOMPARE(execution.status(), ExecutionStatus::Succeeded);
    QCOMPARE(execution.output(), Json::parse(R"({"sum": 3, "inner": false})"));
}

void TestEngineJsonata::mixedQueryLanguages()
{
    const auto execution = run(R"J({"StartAt": "JP", "States": {
        "JP": {"Type": "Pass", "Parameters": {"v.$": "$.a"}, "Assign": {"fromPath.$": "$.v"},
               "Next": "JA"},
        "JA": {"Type": "Pass", "QueryLanguage": "JSONata",
               "Output": {"v": "{% $states.input.v %}", "var": "{% $fromPath %}"},
               "Assign": {"fromJsonata": "{% $states.input.v * 2 %}"}, "Next": "Back"},
        "Back": {"Type": "Pass", "Parameters": {"both.$": "States.Array($fromJsonata, $.var)"},
                 "End": true}}})J",
                               Json{{"a", 3}});
    QCOMPARE(execution.status(), ExecutionStatus::Succeeded);
    QCOMPARE(execution.output(), Json::parse(R"({"both": [6, 3]})"));
}

namespace {

// A JSONata DISTRIBUTED Map over $states.input.items whose Map fields are `fields` (JSON text
// members, each ending with a comma) and whose children run one Task.
Execution runDistributed(const std::string &fields, const Json &input,
                         std::shared_ptr<TaskHandler> handler = nullptr)
{
    const std::string processor = handler
        ? R"("T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true})"
        : R"("T": {"Type": "Pass", "End": true})";
    const std::string definition =
        R"({"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {"Type": "Map", )"
        + fields
        + R"( "Items": "{% $states.input.items %}", "End": true, "ItemProcessor": {)"
          R"("ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},)"
          R"("StartAt": "T", "States": {)"
        + processor + "}}}}}";
    return run(definition.c_str(), input, std::move(handler));
}

} // namespace

void TestEngineJsonata::distributedToleranceExpressions()
{
    const Json items = Json::array({1, 2, 3});
    // The first child fails; one failure is tolerated by count, 1 of 3 by 50 percent.
    const auto byCount =
        runDistributed(R"("ToleratedFailureCount": "{% $states.input.allowed %}",)",
                       Json{{"items", items}, {"allowed", 1}}, std::make_shared<EchoHandler>(1));
    QCOMPARE(byCount.status(), ExecutionStatus::Succeeded);
    QCOMPARE(byCount.output().at(0), Json::parse(R"({"Error": "Boom", "Cause": "it broke"})"));
    const auto strict =
        runDistributed(R"("ToleratedFailureCount": "{% $states.input.allowed %}",)",
                       Json{{"items", items}, {"allowed", 0}}, std::make_shared<EchoHandler>(1));
    QCOMPARE(strict.error().value_or(""), std::string("States.ExceedToleratedFailureThreshold"));
    const auto byShare =
        runDistributed(R"("ToleratedFailurePercentage": "{% $states.input.pct / 2 %}",)",
                       Json{{"items", items}, {"pct", 100}}, std::make_shared<EchoHandler>(1));
    QCOMPARE(byShare.status(), ExecutionStatus::Succeeded);
    const auto tooLow =
        runDistributed(R"("ToleratedFailurePercentage": "{% $states.input.pct / 2 %}",)",
                       Json{{"items", items}, {"pct", 50}}, std::make_shared<EchoHandler>(1));
    QCOMPARE(tooLow.status(), ExecutionStatus::Failed);
}

void TestEngineJsonata::distributedToleranceErrors()
{
    const Json input = Json{{"items", Json::array({1})}};
    const auto notNumber = runDistributed(R"("ToleratedFailureCount": "{% 'x' %}",)", input);
    QCOMPARE(notNumber.error().value_or(""), std::string("States.QueryEvaluationError"));
    QVERIFY(notNumber.cause().value_or("").ends_with(
        "The JSONata expression ''x'' specified for the field 'ToleratedFailureCount' returned "
        "an unexpected result type. Expected 'integer', but was 'string' for value: \"x\""));
    const HistoryEvent *failed = findEvent(notNumber, "EvaluationFailed");
    QVERIFY(failed);
    QCOMPARE(failed->details.value("location", ""), std::string("ToleratedFailureCount"));

    const auto fraction = runDistributed(R"("ToleratedFailureCount": "{% 1.5 %}",)", input);
    QVERIFY(fraction.cause().value_or("").ends_with(
        "Expected 'integer', but was 'number' for value: 1.5"));
    const auto negative = runDistributed(R"("ToleratedFailureCount": "{% -1 %}",)", input);
    QVERIFY(negative.cause().value_or("").ends_with("ToleratedFailureCount cannot be negative."));
    const auto tooHigh = runDistributed(R"("ToleratedFailurePercentage": "{% 150 %}",)", input);
    QVERIFY(tooHigh.cause().value_or("").ends_with(
        "ToleratedFailurePercentage must be between 0 and 100."));
    const auto percentText =
        runDistributed(R"("ToleratedFailurePercentage": "{% 'half' %}",)", input);
    QVERIFY(percentText.cause().value_or("").ends_with(
        "Expected 'number', but was 'string' for value: \"half\""));
}

void TestEngineJsonata::itemBatcherExpressions()
{
    const auto bySize = runDistributed(
        R"("ItemBatcher": {"MaxItemsPerBatch": "{% $states.input.size %}",
                           "BatchInput": {"tag": "{% $states.input.tag %}"}},)",
        Json{{"items", Json::array({1, 2, 3})}, {"size", 2}, {"tag", "t"}});
    QCOMPARE(bySize.status(), ExecutionStatus::Succeeded);
    QCOMPARE(bySize.output(), Json::parse(R"([{"Items": [1, 2], "BatchInput": {"tag": "t"}},
                                              {"Items": [3], "BatchInput": {"tag": "t"}}])"));
    // {"Items":[1,2]} is 15 bytes: a third item would pass the limit.
    const auto byBytes = runDistributed(
        R"("ItemBatcher": {"MaxInputBytesPerBatch": "{% $states.input.bytes %}"},)",
        Json{{"items", Json::array({1, 2, 3})}, {"bytes", 15}});
    QCOMPARE(byBytes.output(), Json::parse(R"([{"Items": [1, 2]}, {"Items": [3]}])"));
}

void TestEngineJsonata::itemBatcherAndConcurrencyErrors()
{
    const Json input = Json{{"items", Json::array({1, 2})}};
    const auto size = runDistributed(R"("ItemBatcher": {"MaxItemsPerBatch": "{% 'two' %}"},)",
                                     input);
    QCOMPARE(size.error().value_or(""), std::string("States.QueryEvaluationError"));
    QVERIFY(size.cause().value_or("").ends_with(
        "specified for the field 'ItemBatcher/MaxItemsPerBatch' returned an unexpected result "
        "type. Expected 'integer', but was 'string' for value: \"two\""));
    const auto batchInput = runDistributed(
        R"("ItemBatcher": {"MaxItemsPerBatch": 1, "BatchInput": "{% $nothing %}"},)", input);
    QVERIFY(batchInput.cause().value_or("").ends_with(
        "The JSONata expression '$nothing' specified for the field 'ItemBatcher/BatchInput' "
        "returned nothing (undefined)."));
    const auto concurrency = runDistributed(R"("MaxConcurrency": "{% 'many' %}",)", input);
    QVERIFY(concurrency.cause().value_or("").ends_with(
        "specified for the field 'MaxConcurrency' returned an unexpected result type. Expected "
        "'integer', but was 'string' for value: \"many\""));
    // Caught like any JSONata failure of the state (spec §3.6).
    const auto caught = run(R"({"QueryLanguage": "JSONata", "StartAt": "M", "States": {
        "M": {"Type": "Map", "ToleratedFailureCount": "{% 'x' %}", "Next": "Done",
              "Catch": [{"ErrorEquals": ["States.QueryEvaluationError"], "Next": "Done",
                         "Output": "{% $states.errorOutput.Error %}"}],
              "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED",
                                                    "ExecutionType": "STANDARD"},
                                "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}},
        "Done": {"Type": "Succeed"}}})",
                            Json::array({1}));
    QCOMPARE(caught.status(), ExecutionStatus::Succeeded);
    QCOMPARE(caught.output(), Json("States.QueryEvaluationError"));
}

void TestEngineJsonata::taskTimeoutAndHeartbeatErrors()
{
    const auto heartbeat = run(R"({"QueryLanguage": "JSONata", "StartAt": "T", "States": {
        "T": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
              "HeartbeatSeconds": "{% 'soon' %}", "End": true}}})",
                               Json::object(), std::make_shared<EchoHandler>());
    QCOMPARE(heartbeat.error().value_or(""), std::string("States.QueryEvaluationError"));
    QVERIFY(heartbeat.cause().value_or("").ends_with(
        "The JSONata expression ''soon'' specified for the field 'HeartbeatSeconds' returned an "
        "unexpected result type. Expected 'integer', but was 'string' for value: \"soon\""));
    const auto zero = run(R"({"QueryLanguage": "JSONata", "StartAt": "T", "States": {
        "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
              "TimeoutSeconds": "{% $states.input.t %}", "End": true}}})",
                          Json{{"t", 0}}, std::make_shared<EchoHandler>());
    QVERIFY(zero.cause().value_or("").ends_with(
        "The value of the field 'TimeoutSeconds' must be a positive integer: 0"));
    QCOMPARE(findEvent(zero, "EvaluationFailed")->details.value("location", ""),
             std::string("TimeoutSeconds"));
}

void TestEngineJsonata::credentialsRoleArnMustBeAString()
{
    const char *jsonata = R"({"QueryLanguage": "JSONata", "StartAt": "T", "States": {
        "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
              "Credentials": {"RoleArn": "{% $states.input.role %}"}, "End": true}}})";
    auto handler = std::make_shared<EchoHandler>();
    const auto good = run(jsonata, Json{{"role", "arn:aws:iam::123456789012:role/R"}}, handler);
    QCOMPARE(good.status(), ExecutionStatus::Succeeded);
    QCOMPARE(handler->payloads.size(), std::size_t(1));
    const auto number = run(jsonata, Json{{"role", 42}}, std::make_shared<EchoHandler>());
    QCOMPARE(number.error().value_or(""), std::string("States.QueryEvaluationError"));
    QVERIFY(number.cause().value_or("").ends_with(
        "The JSONata expression '$states.input.role' specified for the field "
        "'Credentials/RoleArn' returned an unexpected result type. Expected 'string', but was "
        "'number' for value: 42"));
    QCOMPARE(findEvent(number, "EvaluationFailed")->details.value("location", ""),
             std::string("Credentials/RoleArn"));

    const char *jsonPath = R"({"StartAt": "T", "States": {
        "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
              "Credentials": {"RoleArn.$": "$.role"}, "End": true}}})";
    const auto pathNumber = run(jsonPath, Json{{"role", 42}}, std::make_shared<EchoHandler>());
    QCOMPARE(pathNumber.error().value_or(""), std::string("States.Runtime"));
    QVERIFY(pathNumber.cause().value_or("").ends_with(
        "The Credentials field RoleArn must be a string, but was: 42"));
    const auto pathString = run(jsonPath, Json{{"role", "arn:aws:iam::1:role/R"}},
                                std::make_shared<EchoHandler>());
    QCOMPARE(pathString.status(), ExecutionStatus::Succeeded);
}

QTEST_APPLESS_MAIN(TestEngineJsonata)
#include "tst_engine_jsonata.moc"
