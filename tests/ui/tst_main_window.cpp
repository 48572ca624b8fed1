// The designer's window loads a file, lists its states (nested ones too) and its diagnostics.
#include "ui/MainWindow.h"
#include "ui/canvas/CanvasScene.h"
#include "ui/canvas/CanvasView.h"
#include "ui/document/Document.h"
#include "ui/models/DiagnosticsModel.h"
#include "ui/panels/DiagnosticsPanel.h"
#include "ui/panels/StatesPanel.h"

#include <QAbstractItemModelTester>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace stepwise::ui;

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
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
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
