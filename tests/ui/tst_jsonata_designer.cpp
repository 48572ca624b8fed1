// JSONata in the designer (issue 6 §4): expressions checked as you type with the parser's code
// and position, previews against the selected state's input in the run, a new machine in either
// query language, and "Convert to JSONata" where the conversion is mechanical (one undo step).
#include "core/asl/EditsState.h"
#include "core/asl/Serializer.h"
#include "core/asl/Validator.h"
#include "ui/CanvasController.h"
#include "ui/MainWindow.h"
#include "ui/canvas/CanvasScene.h"
#include "ui/commands/JsonataConversion.h"
#include "ui/debug/DebugController.h"
#include "ui/document/Document.h"
#include "ui/inspector/FieldForm.h"
#include "ui/inspector/FieldWidget.h"
#include "ui/inspector/InspectorPanel.h"
#include "ui/inspector/JsonataAssist.h"
#include "ui/inspector/JsonataAssistLabel.h"
#include "ui/inspector/StateForms.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>

using namespace stepwise;
using namespace stepwise::ui;

namespace {

const QString kExample = QStringLiteral(STEPWISE_SOURCE_DIR "/resources/examples/order-processing/");

Json parse(const char *text)
{
    return Json::parse(text);
}

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

JsonataAssistLabel *assistOf(InspectorPanel *inspector, const std::string &key)
{
    for (FieldForm *form : inspector->stateForm()->sections())
        if (FieldWidget *field = form->field(key))
            return field->findChild<JsonataAssistLabel *>();
    return nullptr;
}

} // namespace

class TestJsonataDesigner : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void expressionsAreCheckedWithTheirPosition()
    {
        QVERIFY(!checkExpressions(parse(R"({"a": "{% $states.input.x + 1 %}", "b": 2})")));
        const auto problem = checkExpressions(parse(R"({"a": {"b": "{% $states.input.x + %}"}})"));
        QVERIFY(problem.has_value());
        QVERIFY(!problem->code.empty());
        QCOMPARE(problem->location, std::string("/a/b"));
        QVERIFY(problem->position > 0);
        QVERIFY(describeProblem(*problem).starts_with(problem->code + " in /a/b at "));
        QVERIFY(!hasExpressions(parse(R"({"plain": "$.x"})")));
    }

    void previewEvaluatesAgainstTheVisit()
    {
        VisitContext visit{parse(R"({"order": {"id": "A1", "items": [1, 2, 3]}})"),
                           parse(R"({"Execution": {"Name": "run-1"}})"), parse(R"({"limit": 2})")};
        PreviewOutcome outcome = previewExpressions(
            parse(R"({"id": "{% $states.input.order.id %}", "n": "{% $count($states.input.order.items) %}", "over": "{% $count($states.input.order.items) > $limit %}", "run": "{% $states.context.Execution.Name %}", "gone": "{% $states.input.nothing %}"})"),
            visit);
        QVERIFY(!outcome.error);
        QVERIFY(outcome.value);
        QCOMPARE(*outcome.value, parse(R"({"id": "A1", "n": 3, "over": true, "run": "run-1"})"));
        QCOMPARE(describeOutcome(previewExpressions(Json("{% $states.input.none %}"), visit)),
                 std::string("→ undefined"));
        outcome = previewExpressions(Json("{% $number('x') %}"), visit);
        QVERIFY(outcome.error);
        QVERIFY(!outcome.error->code.empty());
    }

    void conversionIsMechanicalOrRefused()
    {
        const Json task = parse(R"({"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
            "InputPath": "$.order",
            "Parameters": {"FunctionName": "Charge", "Payload": {"id.$": "$.id", "run.$": "$$.Execution.Id", "fixed": 1}},
            "ResultSelector": {"chargeId.$": "$.Payload.chargeId"},
            "ResultPath": "$.payment", "Next": "Ship"})");
        auto converted = convertStateToJsonata(task);
        QVERIFY2(converted.hasValue(), converted.hasValue() ? "" : converted.error().c_str());
        QCOMPARE(converted->at("Arguments"),
                 parse(R"({"FunctionName": "Charge", "Payload": {"id": "{% $states.input.order.id %}", "run": "{% $states.context.Execution.Id %}", "fixed": 1}})"));
        QCOMPARE(converted->at("Output").get<std::string>(),
                 std::string(R"({% $merge([$states.input, {"payment": {"chargeId": ($states.result.Payload.chargeId)}}]) %})"));
        QCOMPARE(converted->at("QueryLanguage").get<std::string>(), std::string("JSONata"));
        QVERIFY(!converted->contains("Parameters") && !converted->contains("InputPath") &&
                !converted->contains("ResultSelector") && !converted->contains("ResultPath"));

        const Json wait = parse(R"({"Type": "Wait", "SecondsPath": "$.delay", "Next": "A"})");
        QCOMPARE(convertStateToJsonata(wait)->at("Seconds").get<std::string>(),
                 std::string("{% $states.input.delay %}"));

        auto choice = convertStateToJsonata(parse(R"({"Type": "Choice", "Choices": [], "Default": "A"})"));
        QVERIFY(!choice.hasValue());
        auto filter = convertStateToJsonata(
            parse(R"({"Type": "Pass", "Parameters": {"x.$": "$.items[?(@.ok)]"}, "End": true})"));
        QVERIFY(!filter.hasValue());
        QVERIFY(filter.error().find("$.items[?(@.ok)]") != std::string::npos);
        auto intrinsic = convertStateToJsonata(
            parse(R"j({"Type": "Pass", "Parameters": {"x.$": "States.Format('a{}', $.b)"}, "End": true})j"));
        QVERIFY(!intrinsic.hasValue());
        QVERIFY(!convertStateToJsonata(parse(R"({"Type": "Pass", "ResultPath": "$.a.b", "End": true})")).hasValue());
    }

    void newMachineInEitherLanguage()
    {
        MainWindow window;
        window.newMachine(true);
        QCOMPARE(window.document()->machine().queryLanguage.value_or(""), std::string("JSONata"));
        for (const Diagnostic &d : asl::validateText(asl::serialize(window.document()->machine())))
            QVERIFY2(d.severity != Severity::Error, d.message.c_str());
        window.newMachine(false);
        QVERIFY(!window.document()->machine().queryLanguage.has_value());
    }

    void convertIsOneUndoStepAndStillValid()
    {
        MainWindow window;
        QVERIFY(window.openExample(QStringLiteral("order-processing")));
        auto *controller = window.findChild<CanvasController *>();
        QVERIFY(controller);
        const std::string before = asl::serialize(window.document()->machine());
        const int steps = window.document()->undoStack()->count();
        QCOMPARE(controller->convertToJsonata("/States/ChargePayment"), std::optional<QString>());
        QCOMPARE(window.document()->undoStack()->count(), steps + 1);
        QCOMPARE(window.document()->undoStack()->undoText(), QStringLiteral("Convert 'ChargePayment' to JSONata"));
        const Json state = asl::toJson(window.document()->machine()).at("States").at("ChargePayment");
        QCOMPARE(state.at("QueryLanguage").get<std::string>(), std::string("JSONata"));
        QVERIFY(state.contains("Arguments") && !state.contains("Parameters"));
        for (const Diagnostic &d : window.document()->diagnostics())
            QVERIFY2(d.severity != Severity::Error, d.message.c_str());
        window.document()->undoStack()->undo();
        QCOMPARE(asl::serialize(window.document()->machine()), before);
        // A Choice is refused with its reason, and nothing changes.
        const auto refused = controller->convertToJsonata("/States/InStock?");
        QVERIFY(refused.has_value());
        QVERIFY(refused->contains(QStringLiteral("Choice")));
        QCOMPARE(window.document()->undoStack()->count(), steps + 1);
    }

    void previewFollowsTheRun()
    {
        MainWindow window;
        QVERIFY(window.openFile(kExample + QStringLiteral("order-processing.jsonata.asl.json"), true));
        RunConfig config;
        config.inputText = readText(kExample + QStringLiteral("order-processing.input.json"));
        config.mockConfigPath = kExample + QStringLiteral("order-processing.mockconfig.json");
        config.testCase = QStringLiteral("HappyPath");
        config.stateMachineName = QStringLiteral("order-processing");
        DebugController *debugger = window.debugger();
        debugger->setRunConfig(config);
        debugger->setSpeed(0);
        QVERIFY(debugger->start());
        QTRY_VERIFY_WITH_TIMEOUT(debugger->phase() == DebugController::Phase::Finished, 30000);

        QVERIFY(window.scene()->selectPointer("/States/CheckInventory"));
        InspectorPanel *inspector = window.inspector();
        QCOMPARE(inspector->currentId(), std::string("/States/CheckInventory"));
        JsonataAssistLabel *arguments = assistOf(inspector, "Arguments");
        QVERIFY(arguments);
        QVERIFY(!arguments->isHidden());
        QVERIFY2(arguments->text().startsWith(QStringLiteral("→ ")), qPrintable(arguments->text()));
        QVERIFY2(arguments->text().contains(QStringLiteral("ORD-2041")), qPrintable(arguments->text()));
        QVERIFY(!arguments->showsError());

        // For the README's pictures and for looking at: the window with the preview showing.
        window.resize(1500, 1000);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // A long value wraps inside the inspector instead of pushing it wider than its dock.
        QTRY_VERIFY(arguments->width() > 0);
        QVERIFY2(arguments->width() <= inspector->width(),
                 qPrintable(QStringLiteral("preview %1 px wide in a %2 px inspector")
                                .arg(arguments->width()).arg(inspector->width())));
        QDir().mkpath(QDir::tempPath() + QStringLiteral("/stepwise-jsonata"));
        QVERIFY(window.grab().save(QDir::tempPath()
                                   + QStringLiteral("/stepwise-jsonata/preview-after-run.png")));
    }
};

QTEST_MAIN(TestJsonataDesigner)
#include "tst_jsonata_designer.moc"
