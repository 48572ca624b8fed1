// The inspector: one form per state type, edits commit as one named command on editing
// finished, JSON fields refuse invalid JSON with its line and column, the Choice rules editor
// builds nested rules with operators fit for the operand, Retry/Catch editors, and the
// machine's own fields when nothing is selected.
#include "core/asl/Parser.h"
#include "core/asl/Serializer.h"
#include "ui/document/Document.h"
#include "ui/inspector/ChoiceRulesEditor.h"
#include "ui/inspector/FieldForm.h"
#include "ui/inspector/FieldWidget.h"
#include "ui/inspector/InspectorPanel.h"
#include "ui/inspector/JsonEdit.h"
#include "ui/inspector/ObjectListEditor.h"
#include "ui/inspector/StateForms.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFocusEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTest>
#include <QUndoStack>

using namespace stepwise;
using namespace stepwise::ui;

namespace {

const char *const Definition = R"({
  "Comment": "Orders",
  "StartAt": "Check",
  "States": {
    "Check": {"Type": "Choice", "Choices": [
        {"Variable": "$.ok", "BooleanEquals": true, "Next": "Pay"}], "Default": "Oops"},
    "Pay": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "Later",
            "Parameters": {"FunctionName": "pay", "Payload.$": "$"}},
    "Later": {"Type": "Wait", "Seconds": 5, "Next": "Each"},
    "Each": {"Type": "Map", "ItemsPath": "$.items", "End": true, "ItemProcessor": {
        "ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "One", "States": {"One": {"Type": "Pass", "End": true}}}},
    "Oops": {"Type": "Fail", "Error": "E", "Cause": "c"}
  }
})";

struct Fixture
{
    Document document;
    InspectorPanel panel{&document, nullptr};

    Fixture()
    {
        document.reset(asl::parse(Definition).value(), {}, QStringLiteral("flow.asl.json"));
        panel.resize(380, 900);
    }
    Json state(const char *name) const { return asl::toJson(document.machine())["States"][name]; }
    QString undoText() const { return document.undoStack()->undoText(); }

    FieldWidget *field(const std::string &key) const
    {
        for (FieldForm *form : panel.stateForm()->sections())
            if (FieldWidget *f = form->field(key))
                return f;
        return nullptr;
    }
    void shot(const QString &name)
    {
        const QString dir = qEnvironmentVariable("STEPWISE_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            panel.grab().save(QDir(dir).filePath(name));
    }
};

void typeInto(QLineEdit *edit, const QString &text)
{
    edit->setText(text);
    edit->setModified(true);
    emit edit->editingFinished();
}

} // namespace

class TestInspector : public QObject
{
    Q_OBJECT
private slots:
    void everyTypeHasItsForm()
    {
        Fixture f;
        for (const char *id : {"/States/Check", "/States/Pay", "/States/Later", "/States/Each",
                               "/States/Oops", "/States/Each/ItemProcessor/States/One"}) {
            f.panel.setSelection({id});
            QVERIFY2(f.panel.stateForm(), id);
            QCOMPARE(f.panel.currentId(), std::string(id));
        }
        f.panel.setSelection({"/States/Pay"});
        for (const char *key : {"Resource", "TimeoutSeconds", "HeartbeatSeconds", "Credentials",
                                "InputPath", "Parameters", "ResultSelector", "ResultPath",
                                "OutputPath", "Arguments", "Output", "Assign", "Next", "Comment",
                                "QueryLanguage"})
            QVERIFY2(f.field(key), key);
        QVERIFY(f.panel.stateForm()->retryEditor());
        QVERIFY(f.panel.stateForm()->catchEditor());
        f.panel.setSelection({"/States/Each"});
        for (const char *key : {"ItemsPath", "Items", "ItemSelector", "MaxConcurrency",
                                "ItemBatcher", "ToleratedFailureCount",
                                "ToleratedFailurePercentage", "ItemProcessor"})
            QVERIFY2(f.field(key), key);
    }

    void aFieldEditIsOneNamedCommand()
    {
        Fixture f;
        f.panel.setSelection({"/States/Pay"});
        auto *timeout = f.field("TimeoutSeconds")->findChild<QLineEdit *>();
        QVERIFY(timeout);
        const int before = f.document.undoStack()->count();
        typeInto(timeout, QStringLiteral("30"));
        QCOMPARE(f.document.undoStack()->count(), before + 1);
        QCOMPARE(f.undoText(), QStringLiteral("Change TimeoutSeconds of 'Pay'"));
        QCOMPARE(f.state("Pay")["TimeoutSeconds"], Json(30));
        // Finishing again without a change pushes nothing.
        emit timeout->editingFinished();
        QCOMPARE(f.document.undoStack()->count(), before + 1);
        // Undo flows back into the form.
        f.document.undoStack()->undo();
        QCOMPARE(timeout->text(), QString());
        // A JSONata expression stays text.
        typeInto(timeout, QStringLiteral("{% $states.input.t %}"));
        QCOMPARE(f.state("Pay")["TimeoutSeconds"], Json("{% $states.input.t %}"));
        // Clearing removes the field; "null" in a path field is JSON null.
        typeInto(timeout, QString());
        QVERIFY(!f.state("Pay").contains("TimeoutSeconds"));
        typeInto(f.field("ResultPath")->findChild<QLineEdit *>(), QStringLiteral("null"));
        QVERIFY(f.state("Pay")["ResultPath"].is_null());
    }

    void nextOrEnd()
    {
        Fixture f;
        f.panel.setSelection({"/States/Later"});
        auto *combo = f.field("Next")->findChild<QComboBox *>();
        QVERIFY(combo);
        QCOMPARE(combo->currentText(), QStringLiteral("Each"));
        combo->setCurrentIndex(0); // (End)
        emit combo->activated(0);
        QVERIFY(f.state("Later")["End"].get<bool>());
        QVERIFY(!f.state("Later").contains("Next"));
    }

    void jsonFieldsCommitOnlyValidJson()
    {
        Fixture f;
        f.panel.setSelection({"/States/Pay"});
        auto *edit = f.field("Parameters")->findChild<JsonEdit *>();
        QVERIFY(edit);
        QVERIFY(edit->textEdit()->toPlainText().contains(QStringLiteral("\"FunctionName\": \"pay\"")));
        const int before = f.document.undoStack()->count();
        edit->textEdit()->setPlainText(QStringLiteral("{\n  \"FunctionName\": \"pay\",\n  oops\n}"));
        QVERIFY(edit->errorText().startsWith(QStringLiteral("Line 3, column")));
        QFocusEvent focusOut(QEvent::FocusOut);
        QCoreApplication::sendEvent(edit->textEdit(), &focusOut); // editing finished: refused
        QCOMPARE(f.document.undoStack()->count(), before);
        QVERIFY(f.state("Pay")["Parameters"].contains("Payload.$"));
        edit->textEdit()->setPlainText(QStringLiteral("{\"FunctionName\": \"charge\"}"));
        QVERIFY(edit->errorText().isEmpty());
        QCoreApplication::sendEvent(edit->textEdit(), &focusOut);
        QCOMPARE(f.state("Pay")["Parameters"]["FunctionName"].get<std::string>(), std::string("charge"));
        QCOMPARE(f.undoText(), QStringLiteral("Change Parameters of 'Pay'"));
        f.shot(QStringLiteral("inspector-task.png"));
    }

    void retryAndCatchEditors()
    {
        Fixture f;
        f.panel.setSelection({"/States/Pay"});
        ObjectListEditor *retry = f.panel.stateForm()->retryEditor();
        retry->addElement();
        QCOMPARE(f.undoText(), QStringLiteral("Change Retry of 'Pay'"));
        QCOMPARE(f.state("Pay")["Retry"][0]["ErrorEquals"][0].get<std::string>(), std::string("States.ALL"));
        auto *attempts = retry->elementForm()->field("MaxAttempts")->findChild<QLineEdit *>();
        typeInto(attempts, QStringLiteral("5"));
        QCOMPARE(f.state("Pay")["Retry"][0]["MaxAttempts"], Json(5));
        auto *errors = retry->elementForm()->field("ErrorEquals")->findChild<QLineEdit *>();
        typeInto(errors, QStringLiteral("States.Timeout, Lambda.ServiceException"));
        QCOMPARE(f.state("Pay")["Retry"][0]["ErrorEquals"].size(), std::size_t(2));

        ObjectListEditor *catcher = f.panel.stateForm()->catchEditor();
        catcher->addElement();
        auto *next = catcher->elementForm()->field("Next")->findChild<QComboBox *>();
        QVERIFY(next->findText(QStringLiteral("Oops")) >= 0);
        next->setCurrentIndex(next->findText(QStringLiteral("Oops")));
        emit next->activated(next->currentIndex());
        QCOMPARE(f.state("Pay")["Catch"][0]["Next"].get<std::string>(), std::string("Oops"));
        QVERIFY(!hasErrors(f.document.diagnostics()));
        catcher->removeCurrent();
        QVERIFY(!f.state("Pay").contains("Catch"));
        f.shot(QStringLiteral("inspector-retry.png"));
    }

    void choiceRulesEditor()
    {
        Fixture f;
        f.panel.setSelection({"/States/Check"});
        ChoiceRulesEditor *rules = f.panel.stateForm()->choiceRules();
        QVERIFY(rules);
        QCOMPARE(rules->topLevelCount(), 1);
        // Operators offered follow the operand type.
        QCOMPARE(rules->operatorsFor(QStringLiteral("Number")),
                 (QStringList{"NumericEquals", "NumericLessThan", "NumericGreaterThan",
                              "NumericLessThanEquals", "NumericGreaterThanEquals"}));
        QVERIFY(!rules->operatorsFor(QStringLiteral("Boolean")).contains(QStringLiteral("StringMatches")));

        rules->addRule();
        QCOMPARE(f.undoText(), QStringLiteral("Change Choices of 'Check'"));
        QCOMPARE(rules->currentPointer(), QStringLiteral("/1"));
        rules->setVariable(QStringLiteral("$.total"));
        rules->setOperandType(QStringLiteral("Number"));
        rules->setOperator(QStringLiteral("NumericGreaterThan"));
        rules->setValueText(QStringLiteral("100"));
        rules->setNext(QStringLiteral("Oops"));
        Json rule = f.state("Check")["Choices"][1];
        QCOMPARE(rule["Variable"].get<std::string>(), std::string("$.total"));
        QCOMPARE(rule["NumericGreaterThan"], Json(100));
        QCOMPARE(rule["Next"].get<std::string>(), std::string("Oops"));

        // Compare with another path.
        rules->setComparePath(true);
        rules->setValueText(QStringLiteral("$.limit"));
        rule = f.state("Check")["Choices"][1];
        QCOMPARE(rule["NumericGreaterThanPath"].get<std::string>(), std::string("$.limit"));
        QVERIFY(!rule.contains("NumericGreaterThan"));

        // Nest: turn it into an And with two conditions and a Not.
        rules->setKind(QStringLiteral("And"));
        rules->addNested();
        QCOMPARE(rules->currentPointer(), QStringLiteral("/1/And/1"));
        rules->setKind(QStringLiteral("Not"));
        rule = f.state("Check")["Choices"][1];
        QCOMPARE(rule["And"].size(), std::size_t(2));
        QVERIFY(rule["And"][1]["Not"].is_object());
        QCOMPARE(rule["Next"].get<std::string>(), std::string("Oops"));
        QVERIFY(!hasErrors(f.document.diagnostics()));

        // Reorder and remove.
        QVERIFY(rules->selectRule(QStringLiteral("/1")));
        rules->moveCurrent(-1);
        QCOMPARE(f.state("Check")["Choices"][0]["Next"].get<std::string>(), std::string("Oops"));
        QVERIFY(rules->selectRule(QStringLiteral("/0/And/0")));
        rules->removeCurrent();
        QCOMPARE(f.state("Check")["Choices"][0]["And"].size(), std::size_t(1));
        QVERIFY(rules->selectRule(QStringLiteral("/1")));
        f.shot(QStringLiteral("inspector-choice.png"));
    }

    void renameFromTheHeader()
    {
        Fixture f;
        f.panel.setSelection({"/States/Pay"});
        typeInto(f.panel.nameEdit(), QStringLiteral("Charge"));
        QCOMPARE(f.undoText(), QStringLiteral("Rename 'Pay' to 'Charge'"));
        QCOMPARE(f.panel.currentId(), std::string("/States/Charge"));
        typeInto(f.panel.nameEdit(), QStringLiteral("Oops"));
        QCOMPARE(f.undoText(), QStringLiteral("Rename 'Pay' to 'Charge'")); // refused: taken
    }

    void machineFieldsWhenNothingIsSelected()
    {
        Fixture f;
        f.panel.setSelection({});
        FieldWidget *comment = f.panel.machineForm()->field("Comment");
        auto *edit = comment->findChild<QLineEdit *>();
        QCOMPARE(edit->text(), QStringLiteral("Orders"));
        typeInto(edit, QStringLiteral("Order flow"));
        QCOMPARE(f.undoText(), QStringLiteral("Change Comment"));
        QCOMPARE(f.document.machine().comment, std::optional<std::string>("Order flow"));
        auto *timeout = f.panel.machineForm()->field("TimeoutSeconds")->findChild<QLineEdit *>();
        typeInto(timeout, QStringLiteral("3600"));
        QCOMPARE(asl::toJson(f.document.machine())["TimeoutSeconds"], Json(3600));
        f.shot(QStringLiteral("inspector-machine.png"));
    }

    void refreshKeepsTheFieldBeingEdited()
    {
        Fixture f;
        f.panel.show();
        f.panel.activateWindow();
        if (!QTest::qWaitForWindowActive(&f.panel))
            QSKIP("no active window on this platform");
        f.panel.setSelection({"/States/Pay"});
        auto *comment = f.field("Comment")->findChild<QLineEdit *>();
        comment->setFocus();
        if (!comment->hasFocus())
            QSKIP("no keyboard focus on this platform");
        comment->setText(QStringLiteral("half-typed"));
        comment->setCursorPosition(4);
        // Another edit of the same state refreshes the form.
        typeInto(f.field("TimeoutSeconds")->findChild<QLineEdit *>(), QStringLiteral("9"));
        QCOMPARE(comment->text(), QStringLiteral("half-typed"));
        QCOMPARE(comment->cursorPosition(), 4);
        QVERIFY(comment->hasFocus());
    }

    void screenshotsOfEachForm()
    {
        Fixture f;
        for (const char *id : {"/States/Later", "/States/Each", "/States/Oops"}) {
            f.panel.setSelection({id});
            f.shot(QStringLiteral("inspector-%1.png").arg(QString::fromStdString(asl::StatePath{id}.name())));
        }
    }
};

QTEST_MAIN(TestInspector)
#include "tst_inspector.moc"
