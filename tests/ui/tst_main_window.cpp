// The designer's window loads a file, lists its states (nested ones too) and its diagnostics.
#include "ui/MainWindow.h"
#include "ui/canvas/CanvasScene.h"
#include "ui/canvas/CanvasView.h"
#include "ui/debug/DebugController.h"
#include "ui/document/Document.h"
#include "ui/models/DiagnosticsModel.h"
#include "ui/panels/DiagnosticsPanel.h"
#include "ui/panels/StatesPanel.h"
#include "ui/codeview/CodeView.h"
#include "ui/commands/RenameStateCommand.h"
#include "ui/files/Exports.h"
#include "ui/files/RecentFiles.h"
#include "ui/files/RecoveryController.h"

#include <Qsci/qsciscintilla.h>

#include <QDir>
#include <QDockWidget>
#include <QImage>
#include <QMenu>
#include <QMenuBar>
#include <QStandardPaths>
#include <QToolBar>
#include <QUndoStack>

#include <QAbstractItemModelTester>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace stepwise::ui;

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // recovery files and settings stay in a sandbox
        QDir(RecoveryStore::defaultDirectory()).removeRecursively();
        RecentFiles::clear();
    }

    void listsStatesOfTheExampleIncludingNestedOnes()
    {
        MainWindow window;
        QVERIFY(window.openFile(
            QStringLiteral(STEPWISE_SOURCE_DIR
                           "/resources/examples/order-processing/order-processing.asl.json"),
            true));
        auto *states = window.findChild<StatesPanel *>();
        QVERIFY(states);
        QStringList names;
        for (QTreeWidgetItemIterator it(states); *it; ++it)
            names << (*it)->text(0);
        QVERIFY(names.contains(QStringLiteral("▶ ValidateOrder")));
        QVERIFY(names.contains(QStringLiteral("▶ CreateShipment"))); // inside a Parallel branch
        QVERIFY(names.contains(QStringLiteral("PaymentFailed")));
        auto *diagnostics = window.findChild<DiagnosticsModel *>();
        QVERIFY(diagnostics);
        QCOMPARE(diagnostics->rowCount(), 0);
    }

    void showsDiagnosticsAndSelectsTheirState()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.asl.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            R"({"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Gone"}, "B": {"Type": "Succeed"}}})");
        file.close();

        MainWindow window;
        QVERIFY(window.openFile(path, true));
        auto *diagnostics = window.findChild<DiagnosticsModel *>();
        QVERIFY(diagnostics);
        QAbstractItemModelTester tester(diagnostics,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(diagnostics->rowCount() >= 1);
        QCOMPARE(diagnostics->diagnostic(0).path, std::string("/States/A/Next"));

        auto *states = window.findChild<StatesPanel *>();
        QVERIFY(states->selectPointer(QStringLiteral("/States/A/Next")));
        QCOMPARE(states->currentItem()->text(0), QStringLiteral("▶ A"));
    }

    void canvasIsTheCentralWidgetAndProblemsSelectNodes()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.asl.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            R"({"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Gone"}, "B": {"Type": "Succeed"}}})");
        file.close();
        MainWindow window;
        QVERIFY(window.openFile(path, true));
        QCOMPARE(window.centralWidget(), window.view());
        QVERIFY(window.scene()->nodeItem("/States/A"));
        QVERIFY(window.scene()->nodeItem("/States/B"));
        auto *panel = window.findChild<DiagnosticsPanel *>();
        emit panel->locationActivated(QStringLiteral("/States/A/Next"));
        QCOMPARE(window.scene()->selectedIds(), std::vector<std::string>{"/States/A"});
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("bad.asl.json")));
    }

    void saveWritesBackAndMarksClean()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("copy.asl.json"));
        MainWindow window;
        QVERIFY(window.openExample(QStringLiteral("order-processing")));
        QVERIFY(window.saveTo(path, true));
        QVERIFY(window.document()->isClean());
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("copy.layout.json"))));
        MainWindow again;
        QVERIFY(again.openFile(path, true));
        QCOMPARE(again.scene()->nodeItemCount(), window.scene()->nodeItemCount());
    }

    void unreadableFileIsReportedNotFatal()
    {
        MainWindow window;
        QVERIFY(!window.openFile(QStringLiteral("/no/such/file.asl.json"), true));
    }

    void syntaxErrorStillOpensWithADiagnostic()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.asl.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{ \"StartAt\": ");
        file.close();
        MainWindow window;
        QVERIFY(window.openFile(path, true));
        auto *diagnostics = window.findChild<DiagnosticsModel *>();
        QVERIFY(diagnostics->rowCount() >= 1);
        QCOMPARE(diagnostics->diagnostic(0).code, std::string("INVALID_JSON_DESCRIPTION"));
    }

    void embeddedExamplesOpen()
    {
        MainWindow window;
        QVERIFY(window.openExample(QStringLiteral("order-processing")));
    }
    void newMachineIsOnePassStateUntitledAndClean()
    {
        MainWindow window;
        window.newMachine();
        QVERIFY(window.document()->hasMachine());
        QCOMPARE(window.document()->machine().states.size(), std::size_t(1));
        QVERIFY(window.document()->isClean());
        QVERIFY(window.document()->diagnostics().empty());
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("Untitled — ")));
        QVERIFY(window.scene()->nodeItem("/States/Start"));
    }

    void titleShowsUnsavedChanges()
    {
        MainWindow window;
        QVERIFY(window.openExample(QStringLiteral("order-processing")));
        QVERIFY(!window.windowTitle().contains(QStringLiteral("•")));
        window.document()->undoStack()->push(new RenameStateCommand(
            window.document(), stepwise::asl::StatePath{"/States/ValidateOrder"}, "Check"));
        QVERIFY(window.windowTitle().contains(QStringLiteral("•")));
        window.document()->undoStack()->undo();
        QVERIFY(!window.windowTitle().contains(QStringLiteral("•")));
    }

    void toolbarHasTheMainActionsWithShortcutTooltips()
    {
        MainWindow window;
        auto *toolBar = window.findChild<QToolBar *>(QStringLiteral("MainToolBar"));
        QVERIFY(toolBar);
        QStringList tips;
        for (QAction *action : toolBar->actions())
            if (!action->isSeparator())
                tips << action->toolTip();
        QVERIFY(tips.size() >= 8);
        QVERIFY(tips.contains(QStringLiteral("Save (%1)")
                                  .arg(QKeySequence(QKeySequence::Save).toString(
                                      QKeySequence::NativeText))));
    }

    void recentFilesRememberOpenedAndSavedFiles()
    {
        RecentFiles::clear();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("recent.asl.json"));
        MainWindow window;
        QVERIFY(window.openExample(QStringLiteral("order-processing")));
        QVERIFY(RecentFiles::list().isEmpty()); // embedded examples are not files to reopen
        QVERIFY(window.saveTo(path, true));
        QCOMPARE(RecentFiles::list().value(0), QFileInfo(path).absoluteFilePath());
        window.newMachine();
        QVERIFY(window.openFile(path, true));
        QCOMPARE(RecentFiles::list().size(), 1);
    }

    void exportsWriteDefinitionAndDiagramWithoutTouchingTheDocument()
    {
        QTemporaryDir dir;
        MainWindow window;
        QVERIFY(window.openExample(QStringLiteral("order-processing")));
        window.scene()->selectPointer("/States/ValidateOrder");
        QString error;
        const QString yaml = dir.filePath(QStringLiteral("out.asl.yaml"));
        QVERIFY2(exportDefinition(*window.document(), yaml, DefinitionFormat::Yaml, error),
                 qPrintable(error));
        QFile yamlFile(yaml);
        QVERIFY(yamlFile.open(QIODevice::ReadOnly));
        QVERIFY(yamlFile.readAll().contains("StartAt: ValidateOrder"));
        const QString png = dir.filePath(QStringLiteral("out.png"));
        QVERIFY2(exportDiagram(*window.document(), png, error), qPrintable(error));
        QVERIFY(QImage(png).width() > 400);
        QVERIFY(exportDiagram(*window.document(), dir.filePath(QStringLiteral("out.svg")), error));
        QVERIFY(window.document()->filePath().startsWith(QLatin1Char(':')));
        QCOMPARE(window.scene()->selectedIds(), std::vector<std::string>{"/States/ValidateOrder"});
    }

    void problemActivationSelectsTheStateAndShowsTheFieldInCode()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.asl.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            R"({"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Gone"}, "B": {"Type": "Succeed"}}})");
        file.close();
        MainWindow window;
        QVERIFY(window.openFile(path, true));
        auto *panel = window.findChild<DiagnosticsPanel *>();
        emit panel->locationActivated(QStringLiteral("/States/A/Next"));
        QCOMPARE(window.scene()->selectedIds(), std::vector<std::string>{"/States/A"});
        // The code view shows the definition pretty-printed, the field's line marked and shown.
        const int line = window.codeView()->lineOfPointer("/States/A/Next");
        QVERIFY(line > 0);
        QVERIFY(window.codeView()->editor()->markersAtLine(line) & 1);
        QVERIFY(window.codeView()->editor()->firstVisibleLine() <= line);
    }

    void brokenFileShowsItsTextInTheCodeView()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.asl.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("\x7b \"StartAt\": "); // \x7b: an unbalanced brace would confuse moc
        file.close();
        MainWindow window;
        QVERIFY(window.openFile(path, true));
        QCOMPARE(window.codeView()->editor()->text(), QStringLiteral("\x7b \"StartAt\": "));
    }

    void cleanSaveRemovesTheRecoveryFile()
    {
        QTemporaryDir dir;
        MainWindow window;
        QVERIFY(window.openExample(QStringLiteral("order-processing")));
        window.document()->undoStack()->push(new RenameStateCommand(
            window.document(), stepwise::asl::StatePath{"/States/ValidateOrder"}, "Check"));
        QVERIFY(window.recovery()->writeNow());
        QVERIFY(window.recovery()->store().hasFile());
        QVERIFY(!window.recovery()->writeNow()); // nothing new to write
        QVERIFY(window.saveTo(dir.filePath(QStringLiteral("saved.asl.json")), true));
        QVERIFY(!window.recovery()->store().hasFile());
    }

    void crashedWindowsWorkIsOfferedBackAndRestored()
    {
        QDir(RecoveryStore::defaultDirectory()).removeRecursively();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("work.asl.json"));
        {
            MainWindow crashed;
            QVERIFY(crashed.openExample(QStringLiteral("order-processing")));
            QVERIFY(crashed.saveTo(path, true));
            crashed.document()->undoStack()->push(new RenameStateCommand(
                crashed.document(), stepwise::asl::StatePath{"/States/ValidateOrder"}, "Check"));
            QVERIFY(crashed.recovery()->writeNow());
            MainWindow alive; // a window still running does not see the other's live file
            QVERIFY(alive.recovery()->orphans().empty());
            // Leaving the scope without closeEvent is the crash: the file stays behind.
        }
        MainWindow next;
        const auto orphans = next.recovery()->orphans();
        QCOMPARE(orphans.size(), std::size_t(1));
        QCOMPARE(orphans.front().originalPath, path);
        QString error;
        QVERIFY2(next.recovery()->restore(orphans.front(), error), qPrintable(error));
        QVERIFY(next.document()->machine().find("Check"));
        QVERIFY(!next.document()->machine().find("ValidateOrder"));
        QCOMPARE(next.document()->filePath(), path);
        QVERIFY(!next.document()->isClean());
        QVERIFY(next.windowTitle().contains(QStringLiteral("•")));
        QVERIFY(!QFile::exists(orphans.front().file));
        QVERIFY(next.recovery()->store().hasFile()); // now kept by this window
        MainWindow another;
        QVERIFY(another.recovery()->orphans().empty());
    }

    void undoingBackToTheSavedStateLeavesNothingToRecover()
    {
        QDir(RecoveryStore::defaultDirectory()).removeRecursively();
        {
            MainWindow window;
            window.newMachine();
            window.document()->undoStack()->push(new RenameStateCommand(
                window.document(), stepwise::asl::StatePath{"/States/Start"}, "Begin"));
            QVERIFY(window.recovery()->writeNow());
            window.document()->undoStack()->undo(); // back to clean: nothing to lose
            QVERIFY(window.close());
        }
        MainWindow next;
        QVERIFY(next.recovery()->orphans().empty());
    }

    // The Run menu drives the debugger whichever bottom panel is in front: F5 starts (and brings
    // the Execution panel forward), stops at a breakpoint, and F5 again continues to the end.
    void theRunMenuStartsAndContinuesFromAnyPanel()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("two.asl.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"},
                      "B": {"Type": "Pass", "End": true}}})");
        file.close();
        MainWindow window;
        window.show();
        QVERIFY(window.openFile(path, true));
        auto *problems = window.findChild<QDockWidget *>(QStringLiteral("DiagnosticsDock"));
        auto *execution = window.findChild<QDockWidget *>(QStringLiteral("ExecutionDock"));
        QVERIFY(problems && execution);
        problems->raise();
        QTRY_VERIFY(execution->visibleRegion().isEmpty()); // behind Problems

        QMenu *runMenu = nullptr;
        for (QAction *action : window.menuBar()->actions())
            if (action->text() == QStringLiteral("&Run"))
                runMenu = action->menu();
        QVERIFY(runMenu);
        QAction *startOrContinue = runMenu->actions().value(0);
        QVERIFY(startOrContinue);
        QCOMPARE(startOrContinue->shortcut(), QKeySequence(Qt::Key_F5));

        DebugController *debugger = window.debugger();
        debugger->setBreakpoint("/States/B", true);
        startOrContinue->trigger();
        QTRY_COMPARE(debugger->phase(), DebugController::Phase::Paused);
        QTRY_VERIFY(!execution->visibleRegion().isEmpty()); // in front
        QCOMPARE(debugger->history()->back().stateName, std::string("B"));
        startOrContinue->trigger(); // continues the paused run, does not start a new one
        QTRY_COMPARE(debugger->phase(), DebugController::Phase::Finished);
        QCOMPARE(debugger->execution()->status(), stepwise::engine::ExecutionStatus::Succeeded);
        QCOMPARE(debugger->history()->size(), std::size_t{6}); // a new run would stop at B again
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
