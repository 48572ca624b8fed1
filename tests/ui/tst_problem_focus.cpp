// Activating a problem (issue 4, "activating a problem selects the state and the field"): the
// canvas selects the state and the inspector focuses the field's own editor, bringing list and
// rule editors to the element the problem names.
#include "core/asl/Serializer.h"
#include "ui/MainWindow.h"
#include "ui/document/Document.h"
#include "ui/canvas/CanvasScene.h"
#include "ui/inspector/ChoiceRulesEditor.h"
#include "ui/inspector/FieldForm.h"
#include "ui/inspector/FieldWidget.h"
#include "ui/inspector/InspectorPanel.h"
#include "ui/inspector/ObjectListEditor.h"
#include "ui/inspector/StateForms.h"
#include "ui/panels/DiagnosticsPanel.h"

#include <QApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace stepwise;
using namespace stepwise::ui;

class TestProblemFocus : public QObject
{
    Q_OBJECT
private slots:
    void retryElementFieldTakesFocus()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("pay.asl.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"StartAt": "Pay", "States": {"Pay": {"Type": "Task",
            "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "pay"},
            "Retry": [{"ErrorEquals": ["Gateway.Busy"]}, {"ErrorEquals": ["Gateway.Down"], "MaxAttempts": 2}],
            "End": true}}})");
        file.close();
        MainWindow window;
        QVERIFY(window.openFile(path, true));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        auto *panel = window.findChild<DiagnosticsPanel *>();
        QVERIFY(panel);
        emit panel->locationActivated(QStringLiteral("/States/Pay/Retry/1/ErrorEquals"));
        QCOMPARE(window.scene()->selectedIds(), std::vector<std::string>{"/States/Pay"});
        InspectorPanel *inspector = window.inspector();
        QCOMPARE(inspector->currentId(), std::string("/States/Pay"));
        ObjectListEditor *retry = inspector->stateForm()->retryEditor();
        QVERIFY(retry);
        QCOMPARE(retry->count(), 2);
        // The form shows the second retrier, the one the problem names.
        const Json definition = asl::toJson(window.document()->machine());
        QCOMPARE(retry->elementForm()->object(),
                 definition.at("States").at("Pay").at("Retry").at(1));
        FieldWidget *errors = retry->elementForm()->field("ErrorEquals");
        QVERIFY(errors);
        QTRY_VERIFY(errors->isAncestorOf(QApplication::focusWidget()));
    }

    void catchAndChoiceAndMachineFields()
    {
        MainWindow window;
        QVERIFY(window.openExample(QStringLiteral("order-processing")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        InspectorPanel *inspector = window.inspector();

        // A Catch element's Next.
        QWidget *focused = inspector->focusField("/States/ChargePayment/Catch/0/Next");
        QVERIFY(focused);
        ObjectListEditor *catchers = inspector->stateForm()->catchEditor();
        QVERIFY(catchers->elementForm()->field("Next")->isAncestorOf(focused));

        // A nested Choice rule: the rules editor selects that rule.
        focused = inspector->focusField("/States/InStock?/Choices/0/Variable");
        QVERIFY(focused);
        QCOMPARE(inspector->currentId(), std::string("/States/InStock?"));
        ChoiceRulesEditor *rules = inspector->stateForm()->choiceRules();
        QVERIFY(rules);
        QCOMPARE(rules->currentPointer(), QStringLiteral("/0"));
        QVERIFY(rules->isAncestorOf(focused));

        // A simple field of a state.
        focused = inspector->focusField("/States/WaitForPickup/Seconds");
        QVERIFY(focused);
        QVERIFY(inspector->stateForm()->focusField({"Seconds"}) == focused);

        // A state inside a Parallel branch.
        const std::string inner = inspector->stateIdAt("/States/Fulfil/Branches/0/States");
        QCOMPARE(inner, std::string("/States/Fulfil"));

        // A top-level field: the machine's form.
        focused = inspector->focusField("/TimeoutSeconds");
        QVERIFY(focused);
        QCOMPARE(inspector->currentId(), std::string());
        QVERIFY(inspector->machineForm()->field("TimeoutSeconds")->isAncestorOf(focused));

        // Nothing the inspector edits: no focus, no crash.
        QVERIFY(!inspector->focusField("/States/Nowhere/Next"));
    }
};

QTEST_MAIN(TestProblemFocus)
#include "tst_problem_focus.moc"
