// The code view follows the document and the document follows valid text: one undo step per
// applied edit, errors at their lines for text that does not parse, selection both ways.
#include "core/asl/Parser.h"
#include "core/asl/Serializer.h"
#include "ui/MainWindow.h"
#include "ui/canvas/CanvasScene.h"
#include "ui/codeview/CodeView.h"
#include "ui/codeview/JsonLocator.h"
#include "ui/commands/RenameStateCommand.h"
#include "ui/document/Document.h"

#include <Qsci/qsciscintilla.h>

#include <QStandardPaths>
#include <QDockWidget>
#include <QTest>
#include <QUndoStack>

using namespace stepwise;
using namespace stepwise::ui;

namespace {

// Two Pass states; written with balanced braces so moc reads this file correctly.
const char *twoStates = R"({
  "Comment": "two states",
  "StartAt": "First",
  "States": {
    "First": {
      "Type": "Pass",
      "Next": "Second"
    },
    "Second": {
      "Type": "Pass",
      "Result": {"done": true},
      "End": true
    }
  }
})";

void openText(Document &document, const char *text)
{
    auto machine = asl::parse(text);
    QVERIFY(machine.hasValue());
    document.reset(std::move(machine).value(), {}, QStringLiteral("two.asl.json"));
}

QString editorText(const CodeView &view)
{
    return view.editor()->text();
}

} // namespace

class TestCodeView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void locatorFindsEveryValueByPointer()
    {
        const std::string text = twoStates;
        const JsonLocator locator(text);
        const auto second = locator.find("/States/Second");
        QVERIFY(second);
        QCOMPARE(text.substr(second->keyStart, 8), std::string("\"Second\""));
        QCOMPARE(text[second->valueStart], '{');
        QCOMPARE(text[second->end - 1], '}');
        const auto done = locator.find("/States/Second/Result/done");
        QVERIFY(done);
        QCOMPARE(text.substr(done->valueStart, done->end - done->valueStart), std::string("true"));
        QCOMPARE(locator.pointerAt(done->valueStart + 1), std::string("/States/Second/Result/done"));
        QCOMPARE(locator.pointerAt(0), std::string());
        QVERIFY(!locator.find("/States/Third"));
        QCOMPARE(locator.nearest("/States/First/Parameters/x")->pointer, std::string("/States/First"));
    }

    void locatorEscapesKeysAndSurvivesSyntaxErrors()
    {
        const std::string text = R"({"States": {"a/b~c": {"Type": "Pass"}, "bad": [1, 2 3]}})";
        const JsonLocator locator(text);
        QVERIFY(locator.find("/States/a~1b~0c/Type"));
        QVERIFY(locator.find("/States/bad/1")); // located up to the error
        QVERIFY(!locator.find("/States/bad/2"));
    }

    void showsTheDocumentAsJson()
    {
        Document document;
        openText(document, twoStates);
        CodeView view(&document, nullptr);
        QCOMPARE(editorText(view).toStdString(), asl::serialize(document.machine()));
        QVERIFY(!view.hasTextErrors());
        QVERIFY(view.statusText().contains(QStringLiteral("In sync")));
    }

    void documentEditsUpdateTheTextAndKeepTheCaret()
    {
        Document document;
        openText(document, twoStates);
        CodeView view(&document, nullptr);
        view.editor()->setCursorPosition(2, 4); // inside "StartAt", before the edit below
        document.undoStack()->push(
            new RenameStateCommand(&document, asl::StatePath{"/States/Second"}, "Last"));
        QVERIFY(editorText(view).contains(QStringLiteral("\"Last\"")));
        QVERIFY(!editorText(view).contains(QStringLiteral("\"Second\"")));
        QCOMPARE(editorText(view).toStdString(), asl::serialize(document.machine()));
        int line = 0;
        int index = 0;
        view.editor()->getCursorPosition(&line, &index);
        QCOMPARE(line, 2);
        QCOMPARE(index, 4);
        document.undoStack()->undo();
        QVERIFY(editorText(view).contains(QStringLiteral("\"Second\"")));
    }

    void validTextEditIsOneUndoStep()
    {
        Document document;
        openText(document, twoStates);
        CodeView view(&document, nullptr);
        QString text = editorText(view);
        text.replace(QStringLiteral("\"two states\""), QStringLiteral("\"renamed in code\""));
        text.replace(QStringLiteral("\"Second\""), QStringLiteral("\"Finish\""));
        view.editor()->setText(text);
        QVERIFY(view.hasPendingEdit());
        QCOMPARE(document.undoStack()->count(), 0); // debounced: nothing yet
        view.applyNow();
        QCOMPARE(document.undoStack()->count(), 1);
        QVERIFY(document.machine().find("Finish"));
        QCOMPARE(document.machine().comment.value_or(""), std::string("renamed in code"));
        QVERIFY(!document.isClean());
        document.undoStack()->undo();
        QVERIFY(document.machine().find("Second"));
        QVERIFY(editorText(view).contains(QStringLiteral("\"two states\"")));
        document.undoStack()->redo();
        QVERIFY(document.machine().find("Finish"));
    }

    void pausedTypingAppliesByItself()
    {
        Document document;
        openText(document, twoStates);
        CodeView view(&document, nullptr);
        view.setApplyDelay(20);
        QString text = editorText(view);
        text.replace(QStringLiteral("\"two states\""), QStringLiteral("\"typed\""));
        view.editor()->setText(text);
        QTRY_COMPARE(document.undoStack()->count(), 1);
        QCOMPARE(document.machine().comment.value_or(""), std::string("typed"));
    }

    void userFormattingSurvivesItsOwnEdit()
    {
        Document document;
        openText(document, twoStates);
        CodeView view(&document, nullptr);
        const QString compact = QStringLiteral(
            R"({"Comment": "compact", "StartAt": "First", "States": {"First": {"Type": "Pass", "End": true}}})");
        view.editor()->setText(compact);
        view.applyNow();
        QCOMPARE(document.undoStack()->count(), 1);
        QCOMPARE(editorText(view), compact); // not re-indented under the user's hands
        // Only spacing changed: no new undo step.
        view.editor()->setText(compact + QStringLiteral("\n"));
        view.applyNow();
        QCOMPARE(document.undoStack()->count(), 1);
    }

    void syntaxErrorIsMarkedAtItsLineAndLeavesTheDocumentAlone()
    {
        Document document;
        openText(document, twoStates);
        CodeView view(&document, nullptr);
        const std::string before = asl::serialize(document.machine());
        QString text = editorText(view);
        // Line 5 (1-based) loses its comma: "Type": "Pass" "Next": ...
        text.replace(QStringLiteral("\"Type\": \"Pass\",\n      \"Next\""),
                     QStringLiteral("\"Type\": \"Pass\"\n      \"Next\""));
        view.editor()->setText(text);
        view.applyNow();
        QVERIFY(view.hasTextErrors());
        QCOMPARE(document.undoStack()->count(), 0);
        QCOMPARE(asl::serialize(document.machine()), before);
        QVERIFY(view.statusText().startsWith(QStringLiteral("Not applied")));
        QVERIFY(view.statusText().contains(QStringLiteral("Line 7")));
        const int errorLine = 6; // zero-based: the line after the missing comma
        QVERIFY(!view.editor()->annotation(errorLine).isEmpty());
        QCOMPARE(view.editor()->markersAtLine(errorLine) & 1, 1);
        QCOMPARE(editorText(view), text); // the user's text stays for them to fix
    }

    void shapeErrorIsMarkedAtTheOffendingState()
    {
        Document document;
        openText(document, twoStates);
        CodeView view(&document, nullptr);
        QString text = editorText(view);
        const int secondLine = view.lineOfPointer("/States/Second");
        QVERIFY(secondLine > 0);
        text.replace(QStringLiteral("\"Next\": \"Second\""), QStringLiteral("\"Next\": 42"));
        view.editor()->setText(text);
        view.applyNow();
        // A number for Next still makes a model (the validator reports it): applied.
        QCOMPARE(document.undoStack()->count(), 1);
        QVERIFY(!view.hasTextErrors());
        const int nextLine = view.lineOfPointer("/States/First/Next");
        QVERIFY(document.diagnostics().size() >= 1);
        QCOMPARE(view.editor()->markersAtLine(nextLine) & 1, 1); // the validator's finding

        // A state that is not an object makes no model: marked at that state, not applied.
        view.editor()->setText(QStringLiteral(
            "{\n  \"StartAt\": \"A\",\n  \"States\": {\n    \"A\": \"oops\"\n  }\n}\n"));
        view.applyNow();
        QVERIFY(view.hasTextErrors());
        QCOMPARE(document.undoStack()->count(), 1);
        QVERIFY(view.statusText().contains(QStringLiteral("/States/A")));
        QCOMPARE(view.editor()->markersAtLine(3) & 1, 1);
        QVERIFY(!view.editor()->annotation(3).isEmpty());
    }

    void brokenFileCanBeFixedInTheCodeView()
    {
        Document document;
        document.resetBroken({}, QStringLiteral("broken.asl.json"));
        CodeView view(&document, nullptr);
        // Cut from a whole definition (literals with unbalanced braces confuse moc).
        const QString whole = QStringLiteral(R"({"StartAt": "A", "States": {"A": {"Type": "Succeed"}}})");
        view.setSourceText(whole.chopped(2));
        QVERIFY(!view.hasPendingEdit()); // the file's own text is not an edit
        view.editor()->setText(whole.chopped(1));
        view.applyNow();
        QVERIFY(view.hasTextErrors()); // still one closing brace short
        QVERIFY(!document.hasMachine());
        view.editor()->setText(view.editor()->text() + QStringLiteral("}"));
        view.applyNow();
        QVERIFY(document.hasMachine());
        QVERIFY(document.machine().find("A"));
        QVERIFY(!document.isClean());
    }

    void undoInTheEditorUsesTheDocumentHistory()
    {
        Document document;
        openText(document, twoStates);
        CodeView view(&document, nullptr);
        QString text = editorText(view);
        text.replace(QStringLiteral("\"two states\""), QStringLiteral("\"edited\""));
        view.editor()->setText(text);
        QTest::keyClick(view.editor(), Qt::Key_Z, Qt::ControlModifier);
        // The pending edit landed first, then was undone: one step on the stack, undone.
        QCOMPARE(document.undoStack()->count(), 1);
        QCOMPARE(document.undoStack()->index(), 0);
        QCOMPARE(document.machine().comment.value_or(""), std::string("two states"));
    }

    void selectionAndCaretFollowEachOther()
    {
        MainWindow window;
        QVERIFY(window.openExample(QStringLiteral("order-processing")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        CodeView *view = window.codeView();
        QVERIFY(view);
        std::vector<std::string> states;
        for (const graph::NodeSpec &node : window.scene()->graph().nodes)
            if (node.kind == graph::NodeKind::State)
                states.push_back(node.id);
        QVERIFY(states.size() > 2);
        const std::string id = states.back();
        QVERIFY(window.scene()->selectPointer(id));
        const int line = view->lineOfPointer(id);
        QVERIFY(line > 0);
        const int top = view->editor()->firstVisibleLine();
        QVERIFY(top <= line);
        QVERIFY(line < top + 60);

        // Caret into the first state's Type, in the Code tab as the user sees it: the canvas
        // selects that state. (QScintilla reports caret moves when it updates its view, so the
        // editor must be on screen, as it is whenever a user moves the caret.)
        auto *codeDock = window.findChild<QDockWidget *>(QStringLiteral("CodeDock"));
        QVERIFY(codeDock);
        codeDock->raise();
        QTRY_VERIFY(view->editor()->isVisible());
        const std::string first = states.front();
        const int firstLine = view->lineOfPointer(first + "/Type");
        QVERIFY(firstLine > 0);
        view->editor()->setCursorPosition(firstLine, 8);
        QTRY_COMPARE_WITH_TIMEOUT(window.scene()->selectedIds(), std::vector<std::string>{first},
                                  2000);
    }
};

QTEST_MAIN(TestCodeView)
#include "tst_code_view.moc"
