// Task handlers: MockConfig loading, MockConfigHandler counters, LocalCommandHandler processes.
#include "core/engine/handlers/LambdaResource.h"
#include "core/engine/handlers/LocalBindings.h"
#include "core/engine/handlers/LocalCommandHandler.h"
#include "core/engine/handlers/MockConfig.h"
#include "core/engine/handlers/MockConfigHandler.h"

#include <QTest>

using namespace stepwise;
using namespace stepwise::engine;

namespace {

Json mockDocument()
{
    return Json::parse(R"({
      "StateMachines": {"Orders": {"TestCases": {"Happy": {"Charge": "ChargeOk", "Ship": "ShipFails"}}}},
      "MockedResponses": {
        "ChargeOk": {"0": {"Throw": {"Error": "Lambda.TooManyRequestsException", "Cause": "slow"}},
                     "1-2": {"Return": {"ok": true}}},
        "ShipFails": {"0": {"Throw": {"Error": "Boom"}}}
      }})");
}

TaskRequest request(const std::string &state, const std::string &resource, Json payload = {})
{
    TaskRequest r;
    r.stateName = state;
    r.resource = resource;
    r.payload = std::move(payload);
    return r;
}

std::shared_ptr<MockConfigHandler> happyHandler()
{
    auto config = MockConfig::fromJson(mockDocument());
    if (!config)
        return nullptr;
    auto shared = std::make_shared<const MockConfig>(std::move(config.value()));
    auto handler = MockConfigHandler::create(shared, "Orders", "Happy");
    return handler ? handler.value() : nullptr;
}

LocalCommandHandler shellHandler(const std::string &key, bool function, const std::string &script,
                                 const std::string &extra = "")
{
    const Json binding = Json::parse(R"({"Command": ["/bin/sh", "-c", ")" + script + R"("])" +
                                     extra + "}");
    Json document = Json::object();
    document[function ? "Functions" : "Resources"][key] = binding;
    auto bindings = LocalBindings::fromJson(document, "/tmp");
    return LocalCommandHandler(bindings ? bindings.value() : LocalBindings{});
}

} // namespace

class TestHandlers : public QObject
{
    Q_OBJECT

private slots:
    void mockConfigRejectsBadFiles_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("messagePart");
        const QString sm = R"({"StateMachines": {"M": {"TestCases": {"T": {"S": "R"}}}}, )";
        QTest::newRow("unknown response") << sm + R"("MockedResponses": {"X": {"0": {"Return": 1}}}})"
                                          << "/StateMachines/M/TestCases/T/S" << "unknown mocked response";
        QTest::newRow("gap") << sm + R"("MockedResponses": {"R": {"0": {"Return": 1}, "2": {"Return": 2}}}})"
                             << "/MockedResponses/R/2" << "invocations 1 to 1 are missing";
        QTest::newRow("not from zero") << sm + R"("MockedResponses": {"R": {"1-2": {"Return": 1}}}})"
                                       << "/MockedResponses/R/1-2" << "are missing";
        QTest::newRow("overlap") << sm + R"("MockedResponses": {"R": {"0-1": {"Return": 1}, "1": {"Return": 2}}}})"
                                 << "/MockedResponses/R/1" << "defined twice";
        QTest::newRow("both") << sm + R"("MockedResponses": {"R": {"0": {"Return": 1, "Throw": {}}}}})"
                              << "/MockedResponses/R/0" << "both Return and Throw";
        QTest::newRow("neither") << sm + R"("MockedResponses": {"R": {"0": {}}}})"
                                 << "/MockedResponses/R/0" << "either Return or Throw";
        QTest::newRow("bad key") << sm + R"("MockedResponses": {"R": {"a": {"Return": 1}}}})"
                                 << "/MockedResponses/R/a" << "invalid invocation key";
        QTest::newRow("bad range") << sm + R"("MockedResponses": {"R": {"3-1": {"Return": 1}}}})"
                                   << "/MockedResponses/R/3-1" << "invalid invocation key";
        QTest::newRow("error not string") << sm + R"("MockedResponses": {"R": {"0": {"Throw": {"Error": 5}}}}})"
                                          << "/MockedResponses/R/0/Throw/Error" << "must be a string";
        QTest::newRow("no responses") << R"({"StateMachines": {}})" << "" << "MockedResponses";
        QTest::newRow("not json") << "{" << "" << "not valid JSON";
    }
    void mockConfigRejectsBadFiles()
    {
        QFETCH(QString, text);
        QFETCH(QString, pointer);
        QFETCH(QString, messagePart);
        const auto config = MockConfig::parse(text.toStdString());
        QVERIFY(!config);
        QCOMPARE(QString::fromStdString(config.error().pointer), pointer);
        QVERIFY2(config.error().message.find(messagePart.toStdString()) != std::string::npos,
                 config.error().message.c_str());
    }

    void mockConfigSelectsTestCase()
    {
        auto config = MockConfig::fromJson(mockDocument());
        QVERIFY(config);
        QCOMPARE(config.value().stateMachineNames(), std::vector<std::string>{"Orders"});
        QCOMPARE(config.value().testCaseNames("Orders"), std::vector<std::string>{"Happy"});
        auto shared = std::make_shared<const MockConfig>(config.value());
        QVERIFY(!MockConfigHandler::create(shared, "Nope", "Happy"));
        const auto missing = MockConfigHandler::create(shared, "Orders", "Sad");
        QVERIFY(!missing);
        QVERIFY(missing.error().message.find("'Sad'") != std::string::npos);
    }

    void mockHandlerCountsInvocations()
    {
        auto handler = happyHandler();
        QVERIFY(handler);
        const auto charge = request("Charge", "arn:aws:states:::lambda:invoke");
        QVERIFY(handler->handles(charge));
        QVERIFY(!handler->handles(request("Other", "arn:aws:states:::lambda:invoke")));

        const TaskOutcome first = handler->invoke(charge);
        QVERIFY(!first.succeeded);
        QCOMPARE(first.error.value(), std::string("Lambda.TooManyRequestsException"));
        QCOMPARE(first.cause.value(), std::string("slow"));
        for (int i = 0; i < 2; ++i) {
            const TaskOutcome next = handler->invoke(charge);
            QVERIFY(next.succeeded);
            QCOMPARE(next.result, Json::parse(R"({"ok": true})"));
        }
        const TaskOutcome exhausted = handler->invoke(charge);
        QVERIFY(!exhausted.succeeded);
        QCOMPARE(exhausted.error.value(), std::string("States.Runtime"));
        QVERIFY(exhausted.cause->find("invocation 3") != std::string::npos);
        QCOMPARE(handler->invocationCounts().at("Charge"), std::size_t(4));

        const TaskOutcome ship = handler->invoke(request("Ship", "arn:x"));
        QCOMPARE(ship.error.value(), std::string("Boom"));
        QVERIFY(!ship.cause.has_value());
    }

    void lambdaNames_data()
    {
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QString>("functionName");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain arn") << "arn:aws:lambda:us-east-1:111111111111:function:f1" << "" << "f1";
        QTest::newRow("plain arn qualifier") << "arn:aws:lambda:us-east-1:1:function:f1:prod" << "" << "f1";
        QTest::newRow("invoke name") << "arn:aws:states:::lambda:invoke" << "f2" << "f2";
        QTest::newRow("invoke name qualifier") << "arn:aws:states:::lambda:invoke" << "f2:v1" << "f2";
        QTest::newRow("invoke partial") << "arn:aws:states:::lambda:invoke" << "123:function:f3" << "f3";
        QTest::newRow("invoke arn") << "arn:aws:states:::lambda:invoke"
                                    << "arn:aws:lambda:eu-west-1:1:function:f4:$LATEST" << "f4";
        QTest::newRow("other service") << "arn:aws:states:::sqs:sendMessage" << "f5" << "";
    }
    void lambdaNames()
    {
        QFETCH(QString, resource);
        QFETCH(QString, functionName);
        QFETCH(QString, expected);
        Json payload = Json::object();
        if (!functionName.isEmpty())
            payload["FunctionName"] = functionName.toStdString();
        const auto name = requestedLambdaFunction(request("S", resource.toStdString(), payload));
        QCOMPARE(QString::fromStdString(name.value_or("")), expected);
    }

    void lambdaInvokeWrapping()
    {
        const Json wrapped = wrapLambdaInvokeResult(Json::parse(R"({"a": 1})"));
        std::vector<std::string> keys;
        for (const auto &item : wrapped.items())
            keys.push_back(item.key());
        QCOMPARE(keys, (std::vector<std::string>{"ExecutedVersion", "Payload", "SdkHttpMetadata",
                                                 "SdkResponseMetadata", "StatusCode"}));
        QCOMPARE(wrapped.at("Payload"), Json::parse(R"({"a": 1})"));
        QCOMPARE(wrapped.at("StatusCode").get<int>(), 200);
        const Json &http = wrapped.at("SdkHttpMetadata");
        QCOMPARE(http.at("HttpHeaders").at("Content-Length").get<std::string>(), std::string("7"));
        QCOMPARE(http.at("AllHttpHeaders").at("Date").size(), std::size_t(1));
        QCOMPARE(wrapped.at("SdkResponseMetadata").at("RequestId"),
                 http.at("HttpHeaders").at("x-amzn-RequestId"));
    }

    void bindingsRejectBadFiles_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("pointer");
        QTest::newRow("no command") << R"({"Functions": {"f": {}}})" << "/Functions/f";
        QTest::newRow("empty command") << R"({"Functions": {"f": {"Command": []}}})" << "/Functions/f/Command";
        QTest::newRow("unknown member") << R"({"Resources": {"r": {"Command": ["x"], "Shell": 1}}})"
                                        << "/Resources/r/Shell";
        QTest::newRow("bad timeout") << R"({"Functions": {"f": {"Command": ["x"], "TimeoutSeconds": 0}}})"
                                     << "/Functions/f/TimeoutSeconds";
        QTest::newRow("unknown section") << R"({"Commands": {}})" << "/Commands";
    }
    void bindingsRejectBadFiles()
    {
        QFETCH(QString, text);
        QFETCH(QString, pointer);
        const auto bindings = LocalBindings::parse(text.toStdString(), "/tmp");
        QVERIFY(!bindings);
        QCOMPARE(QString::fromStdString(bindings.error().pointer), pointer);
    }

    void bindingsResolveCwd()
    {
        const auto bindings =
            LocalBindings::parse(R"({"Functions": {"f": {"Command": ["x"], "Cwd": "sub/.."}}})", "/srv/b");
        QVERIFY(bindings);
        QCOMPARE(bindings.value().functions.at("f").workingDirectory, std::string("/srv/b/"));
    }

    void commandEchoesPayload()
    {
        auto handler = shellHandler("echo", true, "cat");
        const auto plain = request("S", "arn:aws:lambda:us-east-1:1:function:echo", Json::parse(R"({"x": [1, 2]})"));
        QVERIFY(handler.handles(plain));
        const TaskOutcome raw = handler.invoke(plain);
        QVERIFY(raw.succeeded);
        QCOMPARE(raw.result, Json::parse(R"({"x": [1, 2]})"));

        const auto invoke = request("S", "arn:aws:states:::lambda:invoke",
                                    Json::parse(R"({"FunctionName": "echo", "Payload": {"y": true}})"));
        const TaskOutcome wrapped = handler.invoke(invoke);
        QVERIFY(wrapped.succeeded);
        QCOMPARE(wrapped.result.at("Payload"), Json::parse(R"({"y": true})"));
        QCOMPARE(wrapped.result.at("StatusCode").get<int>(), 200);
        QVERIFY(!handler.handles(request("S", "arn:aws:lambda:us-east-1:1:function:other")));
    }

    void commandUsesEnvAndResource()
    {
        auto handler = shellHandler("arn:aws:states:::sqs:sendMessage", false,
                                    "printf '{\\\"v\\\": \\\"%s\\\"}' \\\"$GREETING\\\"",
                                    R"(, "Env": {"GREETING": "hi"})");
        const TaskOutcome outcome = handler.invoke(request("S", "arn:aws:states:::sqs:sendMessage", Json::object()));
        QVERIFY2(outcome.succeeded, outcome.cause.value_or("").c_str());
        QCOMPARE(outcome.result, Json::parse(R"({"v": "hi"})"));
    }

    void commandFailures_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<bool>("function");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("causePart");
        QTest::newRow("states style") << R"(echo '{\"Error\": \"Oops\", \"Cause\": \"bad\"}'; exit 3)"
                                      << false << "Oops" << "bad";
        QTest::newRow("stderr object") << R"(echo noise; echo '{\"errorType\": \"E\", \"errorMessage\": \"m\"}' >&2; exit 1)"
                                       << false << "E" << "m";
        QTest::newRow("lambda style") << R"(echo '{\"errorType\": \"Exception\", \"errorMessage\": \"m\"}'; exit 1)"
                                      << true << "Exception" << R"("errorMessage":"m","errorType":"Exception")";
        QTest::newRow("generic") << "echo oh no >&2; exit 4" << false << "States.TaskFailed"
                                 << "exited with code 4. stderr: oh no";
        QTest::newRow("generic lambda") << "exit 5" << true << "Lambda.Unknown" << "exited with code 5";
        QTest::newRow("not json") << "echo hello" << false << "States.TaskFailed" << "not JSON: hello";
    }
    void commandFailures()
    {
        QFETCH(QString, script);
        QFETCH(bool, function);
        QFETCH(QString, error);
        QFETCH(QString, causePart);
        const std::string key = function ? "fn" : "arn:aws:states:::aws-sdk:s3:getObject";
        const std::string resource = function ? "arn:aws:lambda:us-east-1:1:function:fn" : key;
        auto handler = shellHandler(key, function, script.toStdString());
        const TaskOutcome outcome = handler.invoke(request("S", resource, Json::object()));
        QVERIFY(!outcome.succeeded);
        QCOMPARE(QString::fromStdString(outcome.error.value_or("")), error);
        QVERIFY2(outcome.cause.value_or("").find(causePart.toStdString()) != std::string::npos,
                 outcome.cause.value_or("").c_str());
    }

    void commandTimesOut()
    {
        auto handler = shellHandler("slow", true, "sleep 5", R"(, "TimeoutSeconds": 0.3)");
        QElapsedTimer timer;
        timer.start();
        const TaskOutcome outcome = handler.invoke(request("S", "arn:aws:lambda:r:1:function:slow"));
        QVERIFY(timer.elapsed() < 3000);
        QVERIFY(!outcome.succeeded);
        QCOMPARE(outcome.error.value(), std::string("States.Timeout"));
        QVERIFY(!outcome.cause.has_value());
    }

    void requestTimeoutApplies()
    {
        auto handler = shellHandler("slow", true, "sleep 5");
        auto r = request("S", "arn:aws:lambda:r:1:function:slow");
        r.timeoutSeconds = 1;
        const TaskOutcome outcome = handler.invoke(r);
        QCOMPARE(outcome.error.value_or(""), std::string("States.Timeout"));
    }

    void missingProgramFails()
    {
        Json document = Json::parse(R"({"Functions": {"f": {"Command": ["/nonexistent/prog"]}}})");
        LocalCommandHandler handler(LocalBindings::fromJson(document, "/").value());
        const TaskOutcome outcome = handler.invoke(request("S", "arn:aws:lambda:r:1:function:f"));
        QVERIFY(!outcome.succeeded);
        QVERIFY(outcome.cause->find("could not start") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestHandlers)
#include "tst_handlers.moc"
