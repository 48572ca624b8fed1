// Issue 4's "Done when": the order-processing example is built from File → New with the user's
// gestures only, as the window receives them — palette drops (the palette's own payloads, onto
// empty space and into Parallel branches), connections dragged between nodes, the Delete key,
// renames (F2's dialog and the inspector's name field), and the inspector's widgets for values. No state JSON is
// typed; JSON-valued fields (Parameters, ResultSelector, Result) get their values typed into
// their JSON editors. The result must equal the example, pass core validation, and undo back to
// the new machine and redo again.
#include "core/asl/Parser.h"
#include "core/asl/Serializer.h"
#include "core/asl/Validator.h"
#include "core/graph/Graph.h"
#include "ui/MainWindow.h"
#include "ui/canvas/CanvasScene.h"
#include "ui/document/Document.h"
#include "ui/files/RecentFiles.h"
#include "ui/files/RecoveryController.h"
#include "ui/inspector/ChoiceRulesEditor.h"
#include "ui/inspector/FieldForm.h"
#include "ui/inspector/FieldWidget.h"
#include "ui/inspector/InspectorPanel.h"
#include "ui/inspector/JsonEdit.h"
#include "ui/inspector/ObjectListEditor.h"
#include "ui/inspector/StateForms.h"
#include "ui/palette/PaletteCatalog.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFocusEvent>
#include <QGraphicsItem>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace stepwise;
using namespace stepwise::ui;

namespace {

const QString ExamplePath = QStringLiteral(
    STEPWISE_SOURCE_DIR "/resources/examples/order-processing/order-processing.asl.json");

// Key order carries no meaning in ASL: compare as plain (unordered) JSON.
nlohmann::json unordered(const Json &json)
{
    return nlohmann::json::parse(json.dump());
}

// Stops the test slot when a helper failed (QVERIFY inside a helper only leaves the helper).
#define STEP(call)                                                                                 \
    do {                                                                                           \
        call;                                                                                      \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

const std::string Fulfil = "/States/Fulfil";

std::string top(const std::string &name)
{
    return "/States/" + name;
}

std::string inBranch(int branch, const std::string &name)
{
    return Fulfil + "/Branches/" + std::to_string(branch) + "/States/" + name;
}

struct Builder
{
    MainWindow window;
    Json example;

    Document *document() const { return window.document(); }
    CanvasScene *scene() const { return window.scene(); }
    InspectorPanel *inspector() const { return window.inspector(); }
    Json machine() const { return asl::toJson(document()->machine()); }

    // A click on a node: the window's selection wiring shows it in the inspector.
    void select(const std::string &id)
    {
        QGraphicsItem *item = scene()->nodeItem(id);
        QVERIFY2(item, id.c_str());
        scene()->clearSelection();
        item->setSelected(true);
        QCoreApplication::processEvents();
        QCOMPARE(inspector()->currentId(), id);
    }

    void selectNothing()
    {
        scene()->clearSelection();
        QCoreApplication::processEvents();
        QVERIFY(inspector()->currentId().empty());
    }

    // A palette entry dropped on empty canvas (or into a branch): the scene's dropRequested with
    // the palette's own drag payload. The new state is selected and shown in the inspector.
    void drop(const QString &title, QPointF at, const std::string &expectedId,
              const std::string &container = {}, int branch = -1)
    {
        QByteArray payload;
        for (const PaletteEntry &entry : paletteCatalog())
            if (entry.title == title)
                payload = palettePayload(entry);
        QVERIFY2(!payload.isEmpty(), qPrintable(title));
        emit scene()->dropRequested(payload, at, std::string(), container, branch);
        QCoreApplication::processEvents();
        QCOMPARE(inspector()->currentId(), expectedId);
    }

    // A drag from `from`'s handle onto `to` (or the End marker).
    void connectStates(const std::string &from, const std::string &to)
    {
        const int before = document()->undoStack()->count();
        emit scene()->connectRequested(from, to);
        QCoreApplication::processEvents();
        QVERIFY2(document()->undoStack()->count() == before + 1, (from + " → " + to).c_str());
    }

    void deleteState(const std::string &id)
    {
        select(id);
        QKeyEvent press(QEvent::KeyPress, Qt::Key_Delete, Qt::NoModifier);
        QCoreApplication::sendEvent(scene(), &press);
        QCoreApplication::processEvents();
        QVERIFY2(!scene()->nodeItem(id), id.c_str());
    }

    // The inspector's name field (the rename that F2 also opens).
    void rename(const QString &name)
    {
        const std::string before = inspector()->currentId();
        typeInto(inspector()->nameEdit(), name);
        QCOMPARE(QString::fromStdString(asl::StatePath{inspector()->currentId()}.name()), name);
        QVERIFY(inspector()->currentId() != before);
        // The canvas keeps the renamed state selected.
        QCOMPARE(scene()->selectedIds(), std::vector<std::string>{inspector()->currentId()});
    }

    // F2 on the canvas: the window asks for the name in a dialog, which the user fills in.
    void renameWithF2(const QString &name)
    {
        const std::string before = inspector()->currentId();
        bool answered = false;
        QTimer::singleShot(0, [&] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            dialog->setTextValue(name);
            dialog->accept();
            answered = true;
        });
        QKeyEvent press(QEvent::KeyPress, Qt::Key_F2, Qt::NoModifier);
        QCoreApplication::sendEvent(scene(), &press);
        QCoreApplication::processEvents();
        QVERIFY(answered);
        const std::string after = asl::StatePath{before}.renamed(name.toStdString()).pointer;
        QCOMPARE(scene()->selectedIds(), std::vector<std::string>{after});
        QCOMPARE(inspector()->currentId(), after);
    }

    FieldWidget *field(const std::string &key) const
    {
        if (inspector()->currentId().empty())
            return inspector()->machineForm()->field(key);
        for (FieldForm *form : inspector()->stateForm()->sections())
            if (FieldWidget *f = form->field(key))
                return f;
        return nullptr;
    }

    static void typeInto(QLineEdit *edit, const QString &text)
    {
        QVERIFY(edit);
        edit->setText(text);
        edit->setModified(true);
        emit edit->editingFinished();
        QCoreApplication::processEvents();
    }

    void type(FieldWidget *field, const QString &text)
    {
        QVERIFY(field);
        typeInto(field->findChild<QLineEdit *>(), text);
    }
    void type(const std::string &key, const QString &text)
    {
        QVERIFY2(field(key), key.c_str());
        type(field(key), text);
    }

    // Picks `text` in a combo field (typed into it when it is editable).
    void pick(FieldWidget *field, const QString &text)
    {
        QVERIFY(field);
        auto *combo = field->findChild<QComboBox *>();
        QVERIFY(combo);
        if (combo->isEditable()) {
            combo->setEditText(text);
            emit combo->lineEdit()->editingFinished();
        } else {
            const int index = combo->findText(text);
            QVERIFY2(index >= 0, qPrintable(text));
            combo->setCurrentIndex(index);
            emit combo->activated(index);
        }
        QCoreApplication::processEvents();
    }
    void pick(const std::string &key, const QString &text)
    {
        QVERIFY2(field(key), key.c_str());
        pick(field(key), text);
    }

    // Types a JSON value into the field's JSON editor and leaves it (editing finished).
    void typeJson(const std::string &key, const QString &text)
    {
        FieldWidget *f = field(key);
        QVERIFY2(f, key.c_str());
        auto *edit = f->findChild<JsonEdit *>();
        QVERIFY(edit);
        edit->textEdit()->setPlainText(text);
        QVERIFY2(edit->errorText().isEmpty(), qPrintable(edit->errorText()));
        QFocusEvent focusOut(QEvent::FocusOut);
        QCoreApplication::sendEvent(edit->textEdit(), &focusOut);
        QCoreApplication::processEvents();
    }
    // The value the user types is the example's own (what the workflow's author would type).
    void typeExampleJson(const std::string &key, const Json &value)
    {
        typeJson(key, QString::fromStdString(value.dump(2)));
    }

    ObjectListEditor *retry() const { return inspector()->stateForm()->retryEditor(); }
    ObjectListEditor *catcher() const { return inspector()->stateForm()->catchEditor(); }

    // A lambda ARN task (CheckInventory, CreateShipment, EmailCustomer) from the palette's
    // "Lambda Invoke": the resource typed into the Resource picker, the palette's OutputPath
    // cleared, its Parameters typed.
    void makeLambdaArnTask(const Json &expected)
    {
        pick("Resource", QString::fromStdString(expected["Resource"].get<std::string>()));
        type("OutputPath", QString());
        typeExampleJson("Parameters", expected["Parameters"]);
    }
};

} // namespace

class TestBuildFromEmpty : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // recovery files and settings in a sandbox
        QDir(RecoveryStore::defaultDirectory()).removeRecursively();
        RecentFiles::clear();
    }

    void buildsOrderProcessingFromFileNew()
    {
        Builder b;
        QFile file(ExamplePath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        auto parsed = asl::parseDocument(file.readAll().toStdString(), asl::SourceFormat::Json);
        QVERIFY(parsed.hasValue());
        b.example = *parsed;
        const Json &states = b.example["States"];

        b.window.newMachine(); // File → New: one Pass state named "Start"
        QUndoStack *stack = b.document()->undoStack();
        QCOMPARE(stack->count(), 0);
        const Json fresh = b.machine();

        // The machine's comment, with nothing selected.
        STEP(b.selectNothing());
        STEP(b.type("Comment", QString::fromStdString(b.example["Comment"].get<std::string>())));

        // ValidateOrder: the new machine's Pass, renamed.
        STEP(b.select(top("Start")));
        STEP(b.rename(QStringLiteral("ValidateOrder")));
        STEP(b.type("Comment", QStringLiteral("Shape the incoming order into what the later steps need.")));
        STEP(b.typeExampleJson("Parameters", states["ValidateOrder"]["Parameters"]));

        // The terminal states first, so that rules and catchers can pick them.
        STEP(b.drop(QStringLiteral("Fail"), {900, 900}, top("Fail")));
        STEP(b.renameWithF2(QStringLiteral("PaymentFailed")));
        STEP(b.type("Error", QStringLiteral("OrderFailed")));
        STEP(b.type("Cause", QString())); // the palette's placeholder cause goes
        STEP(b.type("CausePath", QStringLiteral("$.error.Cause")));

        STEP(b.drop(QStringLiteral("Succeed"), {600, 1200}, top("Succeed")));
        STEP(b.renameWithF2(QStringLiteral("OrderComplete")));

        STEP(b.drop(QStringLiteral("Pass"), {-300, 600}, top("Pass")));
        STEP(b.rename(QStringLiteral("Backordered")));
        STEP(b.typeExampleJson("Result", states["Backordered"]["Result"]));
        STEP(b.type("ResultPath", QStringLiteral("$.outcome")));

        // CheckInventory: a Lambda task by ARN, with its own retrier.
        STEP(b.drop(QStringLiteral("Lambda Invoke"), {300, 200}, top("Lambda Invoke")));
        STEP(b.rename(QStringLiteral("CheckInventory")));
        STEP(b.makeLambdaArnTask(states["CheckInventory"]));
        STEP(b.typeExampleJson("ResultSelector", states["CheckInventory"]["ResultSelector"]));
        STEP(b.type("ResultPath", QStringLiteral("$.inventory")));
        QCOMPARE(b.retry()->count(), 1); // the palette's Lambda retrier, edited to the example's
        b.retry()->setCurrentRow(0);
        STEP(b.type(b.retry()->elementForm()->field("ErrorEquals"),
                    QStringLiteral("Lambda.ServiceException, Lambda.TooManyRequestsException")));
        b.retry()->setCurrentRow(0);
        STEP(b.type(b.retry()->elementForm()->field("MaxAttempts"), QStringLiteral("2")));
        b.retry()->setCurrentRow(0);
        STEP(b.pick(b.retry()->elementForm()->field("JitterStrategy"), QStringLiteral("(not set)")));
        STEP(b.connectStates(top("ValidateOrder"), top("CheckInventory")));

        // ChargePayment: the optimised Lambda integration, with a timeout, retrier and catcher.
        STEP(b.drop(QStringLiteral("Lambda Invoke"), {300, 500}, top("Lambda Invoke")));
        STEP(b.rename(QStringLiteral("ChargePayment")));
        QCOMPARE(b.field("Resource")->findChild<QComboBox *>()->currentText(),
                 QStringLiteral("arn:aws:states:::lambda:invoke"));
        STEP(b.type("OutputPath", QString()));
        STEP(b.typeExampleJson("Parameters", states["ChargePayment"]["Parameters"]));
        STEP(b.typeExampleJson("ResultSelector", states["ChargePayment"]["ResultSelector"]));
        STEP(b.type("ResultPath", QStringLiteral("$.payment")));
        STEP(b.type("TimeoutSeconds", QStringLiteral("30")));
        b.retry()->setCurrentRow(0);
        STEP(b.type(b.retry()->elementForm()->field("ErrorEquals"), QStringLiteral("Payment.GatewayTimeout")));
        b.retry()->setCurrentRow(0);
        STEP(b.type(b.retry()->elementForm()->field("IntervalSeconds"), QStringLiteral("2")));
        b.retry()->setCurrentRow(0);
        STEP(b.type(b.retry()->elementForm()->field("MaxDelaySeconds"), QStringLiteral("10")));
        b.retry()->setCurrentRow(0);
        STEP(b.pick(b.retry()->elementForm()->field("JitterStrategy"), QStringLiteral("(not set)")));
        b.catcher()->addElement(); // States.ALL
        b.catcher()->setCurrentRow(0);
        STEP(b.pick(b.catcher()->elementForm()->field("Next"), QStringLiteral("PaymentFailed")));
        b.catcher()->setCurrentRow(0);
        STEP(b.type(b.catcher()->elementForm()->field("ResultPath"), QStringLiteral("$.error")));

        // InStock?: a rule added with the rules editor, the palette's placeholder rule removed,
        // and the Default dragged to Backordered.
        STEP(b.drop(QStringLiteral("Choice"), {300, 350}, top("Choice")));
        STEP(b.rename(QStringLiteral("InStock?")));
        {
            ChoiceRulesEditor *rules = b.inspector()->stateForm()->choiceRules();
            QVERIFY(rules);
            rules->addRule();
            QCOMPARE(rules->currentPointer(), QStringLiteral("/1"));
            rules->setVariable(QStringLiteral("$.inventory.available"));
            rules->setOperandType(QStringLiteral("Boolean"));
            QVERIFY(rules->operatorsFor(QStringLiteral("Boolean")).contains(QStringLiteral("BooleanEquals")));
            rules->setOperator(QStringLiteral("BooleanEquals"));
            rules->setValueText(QStringLiteral("true"));
            rules->setNext(QStringLiteral("ChargePayment"));
            QVERIFY(rules->selectRule(QStringLiteral("/0")));
            rules->removeCurrent();
            QCOMPARE(rules->topLevelCount(), 1);
        }
        STEP(b.connectStates(top("InStock?"), top("Backordered"))); // a Choice's drag sets Default
        STEP(b.connectStates(top("CheckInventory"), top("InStock?")));

        // WaitForPickup.
        STEP(b.drop(QStringLiteral("Wait"), {300, 650}, top("Wait")));
        STEP(b.rename(QStringLiteral("WaitForPickup")));
        STEP(b.type("Seconds", QStringLiteral("3600")));
        STEP(b.type("Comment", QString::fromStdString(states["WaitForPickup"]["Comment"].get<std::string>())));
        STEP(b.connectStates(top("ChargePayment"), top("WaitForPickup")));

        // Fulfil: a Parallel whose placeholder branch states give way to the two Lambda tasks.
        STEP(b.drop(QStringLiteral("Parallel"), {300, 900}, top("Parallel")));
        STEP(b.rename(QStringLiteral("Fulfil")));
        STEP(b.typeExampleJson("ResultSelector", states["Fulfil"]["ResultSelector"]));
        STEP(b.type("ResultPath", QStringLiteral("$.fulfilment")));
        STEP(b.connectStates(top("WaitForPickup"), Fulfil));
        STEP(b.connectStates(Fulfil, top("OrderComplete")));
        const char *const branchTasks[] = {"CreateShipment", "EmailCustomer"};
        for (int branch = 0; branch < 2; ++branch) {
            const std::string name = branchTasks[branch];
            const Json &expected = states["Fulfil"]["Branches"][branch]["States"][name];
            STEP(b.drop(QStringLiteral("Lambda Invoke"), {300.0 + 200 * branch, 950},
                        inBranch(branch, "Lambda Invoke"), Fulfil, branch));
            STEP(b.rename(QString::fromStdString(name)));
            STEP(b.makeLambdaArnTask(expected));
            b.retry()->setCurrentRow(0);
            b.retry()->removeCurrent(); // the example's branch tasks do not retry
            // The placeholder leads to the task, then goes: the branch starts at the task.
            const std::string placeholder = inBranch(branch, "Branch " + std::to_string(branch + 1));
            STEP(b.connectStates(placeholder, inBranch(branch, name)));
            STEP(b.deleteState(placeholder));
        }

        // The built machine is the example, and it validates.
        const Json built = b.machine();
        QVERIFY2(!hasErrors(b.document()->diagnostics()), "the document reports errors");
        QVERIFY(!hasErrors(asl::validate(built)));
        const nlohmann::json want = unordered(b.example);
        const nlohmann::json got = unordered(built);
        // Spelled out first so that a failure says what differs.
        QCOMPARE(got["StartAt"], want["StartAt"]);
        std::vector<std::string> names;
        for (const auto &[name, state] : want["States"].items()) {
            QVERIFY2(got["States"].contains(name), name.c_str());
            QCOMPARE(got["States"][name]["Type"], state["Type"]);
            for (const char *key : {"Next", "End", "Default", "Choices", "Catch", "Retry", "Branches"})
                QVERIFY2(got["States"][name].value(key, nlohmann::json()) == state.value(key, nlohmann::json()),
                         qPrintable(QStringLiteral("%1.%2: %3").arg(QString::fromStdString(name), QLatin1String(key),
                                    QString::fromStdString(got["States"][name].value(key, nlohmann::json()).dump()))));
        }
        QCOMPARE(got["States"].size(), want["States"].size());
        QVERIFY2(got == want, nlohmann::json::diff(want, got).dump().c_str());

        const QString dir = qEnvironmentVariable("STEPWISE_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            b.window.resize(1600, 1000);
            b.window.grab().save(QDir(dir).filePath(QStringLiteral("build-from-empty.png")));
        }

        // Undo of the whole build gives back File → New's machine; redo rebuilds it.
        const int steps = stack->count();
        QVERIFY(steps > 40);
        while (stack->canUndo())
            stack->undo();
        QCOMPARE(unordered(b.machine()), unordered(fresh));
        while (stack->canRedo())
            stack->redo();
        QCOMPARE(stack->count(), steps);
        QCOMPARE(unordered(b.machine()), want);
        QVERIFY(!hasErrors(b.document()->diagnostics()));
    }
};

QTEST_MAIN(TestBuildFromEmpty)
#include "tst_build_from_empty.moc"
