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
#include "ui/debug/RunStore.h"
#include "ui/debug/RunsPanel.h"
#include "ui/debug/StateDataPanel.h"
#include "ui/debug/TimelineView.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
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
};

QTEST_MAIN(TestDebugPanels)
#include "tst_debug_panels.moc"
