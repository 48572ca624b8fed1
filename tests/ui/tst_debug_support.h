#pragma once
// Shared set-up of the debugger tests: the order-processing example opened in a Document, and a
// controller configured with one of its mock-config test cases.
#include "core/asl/Parser.h"
#include "ui/debug/DebugController.h"
#include "ui/document/Document.h"
#include "ui/document/DocumentIo.h"

#include <QFile>
#include <QTest>

namespace debugtest {

inline QString exampleFile(const char *suffix)
{
    return QStringLiteral(STEPWISE_SOURCE_DIR "/resources/examples/order-processing/order-processing")
           + QString::fromLatin1(suffix);
}

inline QString readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return QString::fromUtf8(file.readAll());
}

inline void openExample(stepwise::ui::Document &document)
{
    QString error;
    auto loaded = stepwise::ui::loadDocument(exampleFile(".asl.json"), error);
    if (!loaded || !loaded->machine)
        qFatal("order-processing example missing: %s", qPrintable(error));
    stepwise::ui::openInto(document, std::move(*loaded));
}

inline stepwise::ui::RunConfig exampleConfig(const char *testCase)
{
    stepwise::ui::RunConfig config;
    config.inputText = readAll(exampleFile(".input.json"));
    config.mockConfigPath = exampleFile(".mockconfig.json");
    config.testCase = QString::fromLatin1(testCase);
    return config;
}

// A machine given as JSON, opened in `document` under a made-up path.
inline void openMachine(stepwise::ui::Document &document, const stepwise::Json &definition)
{
    auto machine = stepwise::asl::fromJson(definition);
    if (!machine)
        qFatal("bad test machine: %s", machine.error().message.c_str());
    document.reset(std::move(machine.value()), {}, QStringLiteral("/tmp/test-machine.asl.json"));
}

// A node's colour in an overlay (NotRun when the overlay does not mention it).
inline stepwise::ui::RunStatus statusOf(const stepwise::ui::RunOverlay &overlay, const std::string &id)
{
    auto it = overlay.nodes.find(id);
    return it == overlay.nodes.end() ? stepwise::ui::RunStatus::NotRun : it->second.status;
}

inline bool waitUntilStopped(const stepwise::ui::DebugController &controller, int timeoutMs = 60000)
{
    using Phase = stepwise::ui::DebugController::Phase;
    QElapsedTimer timer;
    timer.start();
    while (controller.phase() == Phase::Running && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    return controller.phase() != Phase::Running;
}

} // namespace debugtest

namespace debugtest {

// A counting loop: Init, then (Inc, More?) n times, then Done: 4 events per turn.
inline stepwise::Json loopMachine(int turns)
{
    auto json = stepwise::Json::parse(R"json({
      "StartAt": "Init",
      "States": {
        "Init": { "Type": "Pass", "Result": 0, "ResultPath": "$.i", "Next": "Inc" },
        "Inc": { "Type": "Pass", "Parameters": { "i.$": "States.MathAdd($.i, 1)" }, "Next": "More?" },
        "More?": { "Type": "Choice",
                   "Choices": [ { "Variable": "$.i", "NumericLessThan": 1, "Next": "Inc" } ],
                   "Default": "Done" },
        "Done": { "Type": "Succeed" }
      }
    })json");
    json["States"]["More?"]["Choices"][0]["NumericLessThan"] = turns;
    return json;
}

// An inline Map over the input array whose items each pass through one Pass state.
inline stepwise::Json mapMachine()
{
    return stepwise::Json::parse(R"json({
      "StartAt": "Each",
      "States": {
        "Each": { "Type": "Map", "ItemsPath": "$.items",
                  "ItemProcessor": { "StartAt": "Touch",
                                     "States": { "Touch": { "Type": "Pass", "End": true } } },
                  "End": true }
      }
    })json");
}

} // namespace debugtest

namespace debugtest {

// Variables at two scope levels: Setup assigns two at the top, each Map iteration one of its own.
inline stepwise::Json variablesMachine()
{
    return stepwise::Json::parse(R"json({
      "StartAt": "Setup",
      "States": {
        "Setup": { "Type": "Pass", "Assign": { "greeting": "hi", "count": 1 }, "Next": "Each" },
        "Each": { "Type": "Map", "ItemsPath": "$.items",
                  "ItemProcessor": { "StartAt": "Mark",
                                     "States": { "Mark": { "Type": "Pass", "Assign": { "inner.$": "$" },
                                                           "Next": "Touch" },
                                                 "Touch": { "Type": "Pass", "End": true } } },
                  "Next": "Last" },
        "Last": { "Type": "Pass", "End": true }
      }
    })json");
}

} // namespace debugtest

namespace debugtest {

// Passes once, then fails: redrive re-enters only the failed state.
inline stepwise::Json failingMachine()
{
    return stepwise::Json::parse(R"json({
      "StartAt": "First",
      "States": {
        "First": { "Type": "Pass", "Result": { "done": true }, "Next": "Boom" },
        "Boom": { "Type": "Fail", "Error": "Broken", "Cause": "always" }
      }
    })json");
}

} // namespace debugtest

namespace debugtest {

// A Wait of `seconds` between two Pass states: with the real clock it really waits.
inline stepwise::Json waitMachine(int seconds)
{
    auto json = stepwise::Json::parse(R"json({
      "StartAt": "Before",
      "States": {
        "Before": { "Type": "Pass", "Next": "Hold" },
        "Hold": { "Type": "Wait", "Seconds": 1, "Next": "After" },
        "After": { "Type": "Pass", "End": true }
      }
    })json");
    json["States"]["Hold"]["Seconds"] = seconds;
    return json;
}

} // namespace debugtest

namespace debugtest {

// A JSONata Choice whose rules read the input, a variable and the context object.
inline stepwise::Json jsonataChoiceMachine()
{
    return stepwise::Json::parse(R"json({
      "QueryLanguage": "JSONata",
      "StartAt": "Setup",
      "States": {
        "Setup": { "Type": "Pass", "Assign": { "limit": 10 }, "Next": "Route" },
        "Route": { "Type": "Choice",
                   "Choices": [
                     { "Condition": "{% $states.input.n > $limit %}", "Next": "Big" },
                     { "Condition": "{% $states.context.State.Name = 'Route' and $states.input.n = 5 %}",
                       "Next": "Five" },
                     { "Condition": "{% $states.input.n < 100 %}", "Next": "Small" } ],
                   "Default": "Small" },
        "Big": { "Type": "Succeed" },
        "Five": { "Type": "Succeed" },
        "Small": { "Type": "Succeed" }
      }
    })json");
}

} // namespace debugtest
