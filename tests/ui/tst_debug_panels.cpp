// The debugger's panels in a window during a run of the order-processing example: the
// Execution panel starts it, the canvas shows the overlay, the History panel and the time
// cursor follow each other, the State data panel shows the visit. Screenshots are written to
// /tmp/debugger/ for a person to look at.
#include "tst_debug_support.h"

#include "ui/canvas/CanvasScene.h"
#include "ui/canvas/CanvasStyle.h"
#include "ui/canvas/CanvasView.h"
#include "ui/debug/CanvasLink.h"
#include "ui/debug/ExecutionPanel.h"
#include "ui/debug/HistoryModel.h"
#include "ui/debug/HistoryPanel.h"
#include "ui/debug/JsonView.h"
#include "ui/debug/RunStore.h"
#include "ui/debug/RunsPanel.h"
#include "ui/debug/StateDataPanel.h"
#include "ui/debug/TimelineView.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QVBoxLayout>

using namespace stepwise;
using namespace stepwise::ui;
using Phase = DebugController::Phase;

namespace {

struct Window
{
    QTemporaryDir dir;
    Document document;
    CanvasScene scene{CanvasStyle::light()};
    RunStore store{dir.filePath(QStringLiteral("runs.sqlite"))};
    DebugController controller{&document};
    QWidget window;
    CanvasView *view = nullptr;
    ExecutionPanel *execution = nullptr;
    HistoryPanel *history = nullptr;
    StateDataPanel *stateData = nullptr;
    TimelineView *timeline = nullptr;
    RunsPanel *runs = nullptr;
    QTabWidget *tabs = nullptr;

    Window()
    {
        debugtest::openExample(document);
        scene.sync(document.graph(), document.layout());
        if (store.open())
            qFatal("run store");
        controller.setRunStore(&store);
        auto *layout = new QVBoxLayout(&window);
        auto *vertical = new QSplitter(Qt::Vertical, &window);
        auto *top = new QSplitter(Qt::Horizontal, vertical);
        view = new CanvasView(top);
        view->setScene(&scene);
        stateData = new StateDataPanel(&controller, top);
        top->addWidget(view);
        top->addWidget(stateData);
        top->setSizes({900, 500});
        tabs = new QTabWidget(vertical);
        execution = new ExecutionPanel(&document, &controller, tabs);
        history = new HistoryPanel(&controller, tabs);
        timeline = new TimelineView(&controller, tabs);
        runs = new RunsPanel(&controller, &store, tabs);
        tabs->addTab(execution, QStringLiteral("Execution"));
        tabs->addTab(history, QStringLiteral("History"));
        tabs->addTab(timeline, QStringLiteral("Timeline"));
        tabs->addTab(runs, QStringLiteral("Runs"));
        vertical->addWidget(top);
        vertical->addWidget(tabs);
        vertical->setSizes({560, 440});
        layout->addWidget(vertical);
        linkToCanvas(&controller, &scene);
        window.resize(1500, 1000);
        window.show();
        view->fitToView();
    }

    QPushButton *button(const QString &text) const
    {
        for (QPushButton *b : execution->findChildren<QPushButton *>())
            if (b->text() == text)
                return b;
        qFatal("no button %s", qPrintable(text));
    }

    void chooseTestCase(const QString &name) const
    {
        for (QComboBox *box : execution->findChildren<QComboBox *>())
            if (box->findText(name) >= 0)
                box->setCurrentText(name);
    }

    void shoot(const QString &name)
    {
        QCoreApplication::processEvents();
        QDir().mkpath(QStringLiteral("/tmp/debugger"));
        window.grab().save(QStringLiteral("/tmp/debugger/%1.png").arg(name));
    }
};

} // namespace

class TestDebugPanels : public QObject
{
    Q_OBJECT

private slots:
    void aBreakpointRunRetriedPaymentAndTimeTravelInTheWindow()
    {
        Window w;
        w.controller.toggleBreakpoint("/States/ChargePayment");
        w.chooseTestCase(QStringLiteral("GatewayRetried"));
        QTest::mouseClick(w.button(QStringLiteral("Start")), Qt::LeftButton);
        QVERIFY(debugtest::waitUntilStopped(w.controller));
        QCOMPARE(w.controller.phase(), Phase::Paused);
        QCOMPARE(w.controller.runConfig().testCase, QStringLiteral("GatewayRetried"));
        QCOMPARE(w.scene.runOverlay(), w.controller.overlay());
        QVERIFY(w.scene.runOverlay().nodes.at("/States/ChargePayment").current);
        // The State data panel shows the payment's input.
        QVERIFY(w.stateData->findChild<QLabel *>()->text().contains(QLatin1String("ChargePayment")));
        w.shoot(QStringLiteral("1-paused-at-payment"));

        // Step through the failed, retried attempts.
        while (w.controller.overlay().nodes.at("/States/ChargePayment").retries < 1) {
            QTest::mouseClick(w.button(QStringLiteral("Step event")), Qt::LeftButton);
            QVERIFY(debugtest::waitUntilStopped(w.controller));
        }
        w.tabs->setCurrentWidget(w.history);
        w.shoot(QStringLiteral("2-payment-retrying-history"));

        QTest::mouseClick(w.button(QStringLiteral("Continue")), Qt::LeftButton);
        QVERIFY(debugtest::waitUntilStopped(w.controller));
        QCOMPARE(w.controller.phase(), Phase::Finished);
        QCOMPARE(w.history->table()->model()->rowCount(), static_cast<int>(w.controller.history()->size()));

        // Selecting an earlier event moves the cursor and the canvas with it.
        const QModelIndex row = w.history->table()->model()->index(5, 0);
        w.history->table()->setCurrentIndex(row);
        QCOMPARE(w.controller.cursor(), 5);
        QCOMPARE(w.scene.runOverlay(), w.controller.overlay());
        QVERIFY(!w.scene.runOverlay().nodes.contains("/States/WaitForPickup"));
        w.shoot(QStringLiteral("3-time-travel-event-6"));

        // Stepping back in time moves the selection.
        w.controller.stepBack();
        QCOMPARE(w.history->table()->currentIndex().row(), 4);

        w.controller.setCursor(static_cast<int>(w.controller.history()->size()) - 1);
        w.tabs->setCurrentWidget(w.timeline);
        w.shoot(QStringLiteral("4-finished-timeline"));
        w.tabs->setCurrentWidget(w.runs);
        w.runs->refresh();
        w.shoot(QStringLiteral("5-stored-runs"));
    }

    void aChoiceVisitShowsItsRules()
    {
        Window w;
        w.chooseTestCase(QStringLiteral("HappyPath"));
        QTest::mouseClick(w.button(QStringLiteral("Start")), Qt::LeftButton);
        QVERIFY(debugtest::waitUntilStopped(w.controller));
        const engine::ExecutionHistory &history = *w.controller.history();
        int choiceExited = -1;
        for (std::size_t i = 0; i < history.size(); ++i)
            if (history.at(i).type == "ChoiceStateExited")
                choiceExited = static_cast<int>(i);
        QVERIFY(choiceExited > 0);
        w.controller.setCursor(choiceExited);
        auto *rules = w.stateData->findChild<QTableWidget *>();
        QVERIFY(rules && rules->isVisible());
        QCOMPARE(rules->rowCount(), 2); // one rule + Default
        QCOMPARE(rules->item(0, 1)->text(), QStringLiteral("true"));
        QVERIFY(rules->item(0, 2)->text().contains(QLatin1String("matched")));
        QVERIFY(rules->item(0, 3)->text().contains(QLatin1String("taken")));
        w.shoot(QStringLiteral("6-choice-rules"));

        // A Task visit lists every data-flow stage with derived values.
        int paymentExited = -1;
        for (std::size_t i = 0; i < history.size(); ++i)
            if (history.at(i).type == "TaskStateExited" && history.at(i).stateName == "ChargePayment")
                paymentExited = static_cast<int>(i);
        w.controller.setCursor(paymentExited);
        auto *stages = w.stateData->findChild<QListWidget *>();
        QStringList labels;
        for (int r = 0; r < stages->count(); ++r)
            labels << stages->item(r)->text();
        QCOMPARE(labels, (QStringList{QStringLiteral("Input"), QStringLiteral("After InputPath"),
                                      QStringLiteral("After Parameters"), QStringLiteral("Result"),
                                      QStringLiteral("After ResultSelector"),
                                      QStringLiteral("After ResultPath"), QStringLiteral("Output")}));
        stages->setCurrentRow(4);
        w.shoot(QStringLiteral("7-task-data-flow"));
    }

    void aRunWithBindingsAsksBeforeStartingProgramsOncePerBindingsContent()
    {
        QTemporaryDir dir;
        const QString bindings = dir.filePath(QStringLiteral("trusted.bindings.json"));
        auto writeBindings = [&](const char *program) {
            QFile file(bindings);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            Json command = Json::array();
            command.push_back(program);
            command.push_back("--flag");
            Json document = Json::object();
            document["Functions"]["Unused"]["Command"] = command;
            file.write(QByteArray::fromStdString(document.dump()));
        };
        writeBindings("true");
        // The panel reads its bindings file from the settings remembered for the definition.
        QString key = debugtest::exampleFile(".asl.json");
        key.replace(u'/', u'|');
        const QString bindingsKey = QStringLiteral("debugger/%1/bindings").arg(key);
        const QString approvalKey = QStringLiteral("debugger/%1/approvedBindings").arg(key);
        QSettings().setValue(bindingsKey, bindings);
        QSettings().remove(approvalKey);

        Window w;
        w.chooseTestCase(QStringLiteral("HappyPath"));
        QStringList asked;
        bool answer = false;
        w.execution->setProgramConfirmation([&](const QString &path, const QStringList &programs) {
            asked << path + QStringLiteral(" => ") + programs.join(u';');
            return answer;
        });
        // The Programs line names the bindings file and the program in full.
        bool listed = false;
        for (QLabel *label : w.execution->findChildren<QLabel *>())
            listed |= label->text().contains(QFileInfo(bindings).absoluteFilePath())
                      && label->text().contains(QLatin1String("/true --flag"));
        QVERIFY(listed);

        QTest::mouseClick(w.button(QStringLiteral("Start")), Qt::LeftButton);
        QCOMPARE(asked.size(), 1);
        QVERIFY(asked[0].startsWith(QFileInfo(bindings).absoluteFilePath() + QStringLiteral(" => Unused: /")));
        QVERIFY(asked[0].contains(QLatin1String("/true --flag  (in /")));
        QVERIFY(!w.controller.hasRun()); // declined: nothing started

        answer = true;
        QTest::mouseClick(w.button(QStringLiteral("Start")), Qt::LeftButton);
        QCOMPARE(asked.size(), 2);
        QVERIFY(debugtest::waitUntilStopped(w.controller));
        QCOMPARE(w.controller.phase(), Phase::Finished);

        answer = false; // remembered: the same bindings content is not asked about again
        QTest::mouseClick(w.button(QStringLiteral("Start")), Qt::LeftButton);
        QVERIFY(debugtest::waitUntilStopped(w.controller));
        QCOMPARE(asked.size(), 2);
        QCOMPARE(w.controller.phase(), Phase::Finished);

        writeBindings("false"); // changed bindings: asked again, and declined
        const std::size_t runsBefore = w.store.runs().size();
        QTest::mouseClick(w.button(QStringLiteral("Start")), Qt::LeftButton);
        QCOMPARE(asked.size(), 3);
        QVERIFY(asked[2].contains(QLatin1String("/false --flag")));
        QCOMPARE(w.store.runs().size(), runsBefore);
        w.shoot(QStringLiteral("8-programs-not-approved"));

        QSettings().remove(bindingsKey);
        QSettings().remove(approvalKey);
    }

    void aMockOnlyRunAsksNothing()
    {
        Window w;
        w.chooseTestCase(QStringLiteral("HappyPath"));
        int asked = 0;
        w.execution->setProgramConfirmation([&](const QString &, const QStringList &) {
            ++asked;
            return false;
        });
        QTest::mouseClick(w.button(QStringLiteral("Start")), Qt::LeftButton);
        QVERIFY(debugtest::waitUntilStopped(w.controller));
        QCOMPARE(w.controller.phase(), Phase::Finished);
        QCOMPARE(asked, 0);
    }

    void aFailedRunIsRedrivenFromTheExecutionPanel()
    {
        Window w;
        QPushButton *redrive = w.button(QStringLiteral("Redrive"));
        QVERIFY(!redrive->isEnabled());
        QVERIFY(!redrive->toolTip().isEmpty()); // says why
        w.chooseTestCase(QStringLiteral("CardDeclined"));
        QTest::mouseClick(w.button(QStringLiteral("Start")), Qt::LeftButton);
        QVERIFY(debugtest::waitUntilStopped(w.controller));
        QCOMPARE(w.controller.execution()->status(), engine::ExecutionStatus::Failed);
        QVERIFY(redrive->isEnabled());
        const int rowsBefore = w.history->table()->model()->rowCount();
        QTest::mouseClick(redrive, Qt::LeftButton);
        QVERIFY(debugtest::waitUntilStopped(w.controller));
        QCOMPARE(w.controller.execution()->redriveCount(), 1);
        QVERIFY(w.history->table()->model()->rowCount() > rowsBefore);
        QCOMPARE(w.history->table()->model()->rowCount(), static_cast<int>(w.controller.history()->size()));
        QCOMPARE(w.scene.runOverlay(), w.controller.overlay());
        w.tabs->setCurrentWidget(w.history);
        w.shoot(QStringLiteral("9-redriven-history"));
        w.tabs->setCurrentWidget(w.execution);
        w.shoot(QStringLiteral("10-redriven-execution"));
    }

    void aTenThousandItemMapShowsItsProgressMidRun()
    {
        Window w;
        debugtest::openMachine(w.document, debugtest::mapMachine());
        w.scene.sync(w.document.graph(), w.document.layout());
        Json items = Json::array();
        for (int i = 0; i < 10000; ++i)
            items.push_back(i);
        w.execution->findChild<JsonView *>()->setPlainText(
            QString::fromStdString(Json{{"items", items}}.dump()));
        for (QComboBox *box : w.execution->findChildren<QComboBox *>())
            if (box->findData(1000000) >= 0)
                box->setCurrentIndex(box->findData(1000000));
        for (QLineEdit *edit : w.execution->findChildren<QLineEdit *>())
            edit->clear(); // no mock config, no bindings: the Map runs only Pass states
        QTest::mouseClick(w.button(QStringLiteral("Start")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(w.controller.progress().mapIterationsDone > 2000, 60000);
        QTest::mouseClick(w.button(QStringLiteral("Pause")), Qt::LeftButton);
        QCOMPARE(w.controller.phase(), Phase::Paused);
        QLabel *progress = nullptr;
        for (QLabel *label : w.execution->findChildren<QLabel *>())
            if (label->text().contains(QLatin1String("Map iterations")))
                progress = label;
        QVERIFY(progress);
        QVERIFY(progress->text().contains(QLatin1String("of 10,000")));
        QVERIFY(progress->text().contains(QLatin1String("real")));
        w.shoot(QStringLiteral("11-map-10000-paused-mid-run"));
        QTest::mouseClick(w.button(QStringLiteral("Stop")), Qt::LeftButton);
        QCOMPARE(w.controller.phase(), Phase::Finished);
        QCOMPARE(w.controller.execution()->status(), engine::ExecutionStatus::Aborted);
    }

    void aJsonataChoiceVisitShowsConditionsValuesAndVerdicts()
    {
        Window w;
        debugtest::openMachine(w.document, debugtest::jsonataChoiceMachine());
        w.scene.sync(w.document.graph(), w.document.layout());
        w.execution->findChild<JsonView *>()->setPlainText(QStringLiteral("{\"n\": 5}"));
        for (QLineEdit *edit : w.execution->findChildren<QLineEdit *>())
            edit->clear();
        QTest::mouseClick(w.button(QStringLiteral("Start")), Qt::LeftButton);
        QVERIFY(debugtest::waitUntilStopped(w.controller));
        const engine::ExecutionHistory &history = *w.controller.history();
        for (std::size_t i = 0; i < history.size(); ++i)
            if (history.at(i).type == "ChoiceStateExited")
                w.controller.setCursor(static_cast<int>(i));
        auto *rules = w.stateData->findChild<QTableWidget *>();
        QVERIFY(rules && rules->isVisible());
        QCOMPARE(rules->rowCount(), 4); // three rules + Default
        QCOMPARE(rules->item(0, 0)->text(), QStringLiteral("{% $states.input.n > $limit %}"));
        QCOMPARE(rules->item(0, 1)->text(), QStringLiteral("false"));
        QVERIFY(rules->item(1, 2)->text().contains(QLatin1String("matched")));
        QVERIFY(rules->item(1, 3)->text().contains(QLatin1String("taken")));
        QVERIFY(rules->item(2, 2)->text().startsWith(QLatin1String("not evaluated")));
        QVERIFY(!rules->item(2, 3)->text().contains(QLatin1String("taken")));
        w.shoot(QStringLiteral("12-jsonata-choice-rules"));
    }
};

QTEST_MAIN(TestDebugPanels)
#include "tst_debug_panels.moc"
