// The history table: passes QAbstractItemModelTester while a run appends rows, shows the
// console's columns, filters by type group, state and search, and stays fast at 100,000 rows.
#include "tst_debug_support.h"

#include "ui/debug/HistoryFilterModel.h"
#include "ui/debug/HistoryModel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QTest>

using namespace stepwise;
using namespace stepwise::ui;

namespace {

// A synthetic history of `n` events alternating Pass entered/exited of states S0..S9.
engine::ExecutionHistory syntheticHistory(int n)
{
    engine::ExecutionHistory history;
    for (int i = 0; i < n; ++i) {
        engine::HistoryEvent event;
        event.id = i + 1;
        event.previousEventId = i;
        event.timestampMs = 1704067200000 + i;
        const bool entered = i % 2 == 0;
        event.type = entered ? "PassStateEntered" : "PassStateExited";
        event.detailsKey = entered ? "stateEnteredEventDetails" : "stateExitedEventDetails";
        event.stateName = "S" + std::to_string((i / 2) % 10);
        event.details = Json::object();
        event.details["name"] = event.stateName;
        Json payload = Json::object();
        payload["n"] = i;
        event.details[entered ? "input" : "output"] = payload.dump();
        history.append(std::move(event));
    }
    return history;
}

int rowsOfType(const QAbstractItemModel &model, const QString &type)
{
    int count = 0;
    for (int r = 0; r < model.rowCount(); ++r)
        count += model.index(r, HistoryModel::TypeColumn).data().toString() == type;
    return count;
}

} // namespace

class TestHistoryModel : public QObject
{
    Q_OBJECT

private slots:
    void passesTheModelTesterWhileARunAppends()
    {
        Document document;
        debugtest::openExample(document);
        DebugController controller(&document);
        controller.setRunConfig(debugtest::exampleConfig("GatewayRetried"));
        HistoryModel model(&controller);
        HistoryFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(controller.startPaused());
        while (controller.phase() != DebugController::Phase::Finished) {
            QVERIFY(controller.stepInto());
            QVERIFY(debugtest::waitUntilStopped(controller));
            QCOMPARE(model.rowCount(), static_cast<int>(controller.history()->size()));
        }
        filter.setTypeGroup(QStringLiteral("Errors"));
        filter.setSearchText(QStringLiteral("gateway"));
        QVERIFY(controller.restart()); // a reset mid-filter
        QVERIFY(debugtest::waitUntilStopped(controller));
        QCOMPARE(model.rowCount(), static_cast<int>(controller.history()->size()));
    }

    void showsTheConsoleColumns()
    {
        Document document;
        debugtest::openExample(document);
        DebugController controller(&document);
        controller.setRunConfig(debugtest::exampleConfig("GatewayRetried"));
        HistoryModel model(&controller);
        QVERIFY(controller.start());
        QVERIFY(debugtest::waitUntilStopped(controller));
        QCOMPARE(model.columnCount(), 6);
        QCOMPARE(model.headerData(HistoryModel::StepColumn, Qt::Horizontal).toString(), QStringLiteral("Step"));
        QCOMPARE(model.headerData(HistoryModel::StartedAfterColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Started after"));
        QCOMPARE(model.index(0, HistoryModel::IdColumn).data().toLongLong(), 1LL);
        QCOMPARE(model.index(0, HistoryModel::TypeColumn).data().toString(), QStringLiteral("ExecutionStarted"));
        QCOMPARE(model.index(0, HistoryModel::StartedAfterColumn).data().toString(), QStringLiteral("0 ms"));
        int scheduled = -1;
        for (int r = 0; r < model.rowCount() && scheduled < 0; ++r)
            if (model.index(r, HistoryModel::TypeColumn).data().toString() == QLatin1String("TaskScheduled")
                && model.index(r, HistoryModel::StepColumn).data().toString() == QLatin1String("ChargePayment"))
                scheduled = r;
        QVERIFY(scheduled > 0);
        QCOMPARE(model.index(scheduled, HistoryModel::ResourceColumn).data().toString(),
                 QStringLiteral("lambda:invoke"));
        QVERIFY(model.index(scheduled, HistoryModel::DateColumn).data().toString().endsWith(QLatin1String("UTC")));
        QCOMPARE(formatElapsed(2000), QStringLiteral("2 s"));
        QCOMPARE(formatElapsed(3602015), QStringLiteral("1:00:02.015"));
    }

    void filtersByTypeStateAndSearch()
    {
        Document document;
        debugtest::openExample(document);
        DebugController controller(&document);
        controller.setRunConfig(debugtest::exampleConfig("GatewayRetried"));
        HistoryModel model(&controller);
        HistoryFilterModel filter;
        filter.setSourceModel(&model);
        QVERIFY(controller.start());
        QVERIFY(debugtest::waitUntilStopped(controller));
        const int all = filter.rowCount();
        QCOMPARE(all, model.rowCount());

        filter.setTypeGroup(QStringLiteral("Errors"));
        QCOMPARE(filter.rowCount(), 2); // two gateway timeouts, retried
        QCOMPARE(rowsOfType(filter, QStringLiteral("TaskFailed")), 2);

        filter.setTypeGroup(QString());
        filter.setStateName(QStringLiteral("ChargePayment"));
        for (int r = 0; r < filter.rowCount(); ++r)
            QCOMPARE(filter.index(r, HistoryModel::StepColumn).data().toString(), QStringLiteral("ChargePayment"));
        QCOMPARE(rowsOfType(filter, QStringLiteral("TaskScheduled")), 3);

        filter.setStateName(QString());
        filter.setSearchText(QStringLiteral("TRK-55120")); // inside a task result
        QVERIFY(filter.rowCount() >= 1);
        QVERIFY(filter.rowCount() < all);
        filter.setSearchText(QString());
        QCOMPARE(filter.rowCount(), all);
    }

    void hundredThousandRowsStayFast()
    {
        Document document;
        debugtest::openExample(document);
        DebugController controller(&document);
        HistoryModel model(&controller);
        HistoryFilterModel filter;
        filter.setSourceModel(&model);
        QElapsedTimer timer;
        timer.start();
        controller.openReplay(syntheticHistory(100000));
        const qint64 loadMs = timer.elapsed();
        QCOMPARE(filter.rowCount(), 100000);
        timer.restart();
        for (int r = 0; r < 100000; r += 997) // what a scrolling view asks for
            for (int c = 0; c < HistoryModel::ColumnCount; ++c)
                QVERIFY(filter.index(r, c).data().isValid() || c == HistoryModel::ResourceColumn);
        const qint64 dataMs = timer.elapsed();
        timer.restart();
        filter.setStateName(QStringLiteral("S3"));
        const qint64 filterMs = timer.elapsed();
        QCOMPARE(filter.rowCount(), 10000);
        qInfo("100k rows: reset + proxy %lld ms, sampled data %lld ms, state filter %lld ms",
              static_cast<long long>(loadMs), static_cast<long long>(dataMs),
              static_cast<long long>(filterMs));
        // Figures only: speed is judged by benchmarks, not by timed assertions.
    }
};

QTEST_MAIN(TestHistoryModel)
#include "tst_history_model.moc"
