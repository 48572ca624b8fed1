// Stored runs: events are kept as they happen, a run cut off mid-way reads as interrupted in the
// next session, runs reopen on the canvas, rename and delete, and GetExecutionHistory JSON goes
// out and comes back in with every event's state and scope recovered.
#include "tst_debug_support.h"

#include "ui/debug/HistoryImport.h"
#include "ui/debug/RunStore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace stepwise;
using namespace stepwise::ui;
using Phase = DebugController::Phase;

namespace {

bool sameEvents(const engine::ExecutionHistory &a, const engine::ExecutionHistory &b, QString &why)
{
    if (a.size() != b.size()) {
        why = QStringLiteral("sizes %1 vs %2").arg(a.size()).arg(b.size());
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        const engine::HistoryEvent &x = a.at(i), &y = b.at(i);
        if (x.id != y.id || x.previousEventId != y.previousEventId || x.timestampMs != y.timestampMs
            || x.type != y.type || x.detailsKey != y.detailsKey || x.details != y.details
            || x.stateName != y.stateName || x.scope != y.scope) {
            why = QStringLiteral("event %1 (%2 %3 '%4') differs from (%5 %6 '%7')")
                      .arg(i)
                      .arg(QString::fromStdString(x.type), QString::fromStdString(x.stateName),
                           QString::fromStdString(x.scope), QString::fromStdString(y.type),
                           QString::fromStdString(y.stateName), QString::fromStdString(y.scope));
            return false;
        }
    }
    return true;
}

struct StoreFixture
{
    QTemporaryDir dir;
    QString path() const { return dir.filePath(QStringLiteral("runs.sqlite")); }
};

} // namespace

class TestRunStore : public QObject
{
    Q_OBJECT

private slots:
    void keepsEventsAsTheyHappenAndReadsACutOffRunAsInterrupted()
    {
        StoreFixture fixture;
        Document document;
        debugtest::openExample(document);
        RunStore store(fixture.path());
        QVERIFY(!store.open());
        DebugController controller(&document);
        controller.setRunStore(&store);
        controller.setRunConfig(debugtest::exampleConfig("HappyPath"));
        controller.toggleBreakpoint("/States/ChargePayment");
        QVERIFY(controller.start());
        QVERIFY(debugtest::waitUntilStopped(controller));
        QCOMPARE(controller.phase(), Phase::Paused);
        const qint64 id = controller.storedRunId();
        QVERIFY(id > 0);

        // What a second designer (or this one after a crash) finds in the file right now.
        RunStore other(fixture.path());
        QVERIFY(!other.open());
        const auto seen = other.run(id);
        QVERIFY(seen);
        QCOMPARE(seen->status, QStringLiteral("INTERRUPTED"));
        QCOMPARE(seen->eventCount, static_cast<qint64>(controller.history()->size()));
        QCOMPARE(store.run(id)->status, QStringLiteral("RUNNING")); // its own session knows better
        auto partial = other.loadHistory(id);
        QVERIFY(partial);
        QCOMPARE(partial.value().size(), controller.history()->size());

        QVERIFY(controller.continueRun());
        QVERIFY(debugtest::waitUntilStopped(controller));
        QCOMPARE(controller.phase(), Phase::Finished);
        const auto done = other.run(id);
        QCOMPARE(done->status, QStringLiteral("SUCCEEDED"));
        QVERIFY(done->durationMs >= 3600000); // the hour-long pickup wait, in virtual time
        auto full = other.loadHistory(id);
        QVERIFY(full);
        QString why;
        QVERIFY2(sameEvents(full.value(), *controller.history(), why), qPrintable(why));
    }

    void aStoredRunReopensOnTheCanvasAfterARestart()
    {
        StoreFixture fixture;
        Document document;
        debugtest::openExample(document);
        RunOverlay original;
        qint64 id = 0;
        {
            RunStore store(fixture.path());
            QVERIFY(!store.open());
            DebugController controller(&document);
            controller.setRunStore(&store);
            controller.setRunConfig(debugtest::exampleConfig("CardDeclined"));
            QVERIFY(controller.start());
            QVERIFY(debugtest::waitUntilStopped(controller));
            original = controller.overlay();
            id = controller.storedRunId();
        }
        RunStore store(fixture.path()); // "after restarting the program"
        QVERIFY(!store.open());
        const std::vector<StoredRun> runs = store.runs();
        QCOMPARE(runs.size(), std::size_t{1});
        QCOMPARE(runs[0].status, QStringLiteral("FAILED"));
        QVERIFY(runs[0].definition.contains(QLatin1String("ChargePayment")));
        auto history = store.loadHistory(id);
        QVERIFY(history);
        DebugController replay(&document);
        replay.openReplay(std::move(history.value()), id);
        QCOMPARE(replay.phase(), Phase::Replay);
        QCOMPARE(replay.overlay(), original);
        replay.setCursor(0);
        QVERIFY(replay.overlay().nodes.empty());
    }

    void renamesAndDeletes()
    {
        StoreFixture fixture;
        RunStore store(fixture.path());
        QVERIFY(!store.open());
        StoredRun run;
        run.name = QStringLiteral("first");
        run.status = QStringLiteral("SUCCEEDED");
        auto id = store.beginRun(run);
        QVERIFY(id);
        QVERIFY(store.rename(id.value(), QStringLiteral("renamed")));
        QCOMPARE(store.run(id.value())->name, QStringLiteral("renamed"));
        QVERIFY(store.remove(id.value()));
        QVERIFY(!store.run(id.value()));
        QVERIFY(store.runs().empty());
        QVERIFY(!store.rename(id.value(), QStringLiteral("gone")));
    }

    void exportAndImportRoundTrip()
    {
        StoreFixture fixture;
        Document document;
        debugtest::openExample(document);
        RunStore store(fixture.path());
        QVERIFY(!store.open());
        DebugController controller(&document);
        controller.setRunStore(&store);
        controller.setRunConfig(debugtest::exampleConfig("GatewayRetried"));
        QVERIFY(controller.start());
        QVERIFY(debugtest::waitUntilStopped(controller));

        auto exported = store.exportHistory(controller.storedRunId());
        QVERIFY(exported);
        QCOMPARE(exported.value(), engine::historyToJson(*controller.history()));

        // Importing recovers each event's state and scope (the Parallel branches included)
        // from previousEventId alone.
        auto imported = store.importHistory(exported.value(), QStringLiteral("from-aws"));
        QVERIFY2(imported, imported ? "" : qPrintable(imported.error()));
        const auto run = store.run(imported.value());
        QCOMPARE(run->status, QStringLiteral("SUCCEEDED"));
        QVERIFY(run->imported);
        auto back = store.loadHistory(imported.value());
        QVERIFY(back);
        QString why;
        QVERIFY2(sameEvents(back.value(), *controller.history(), why), qPrintable(why));
    }

    void importsTheAwsCliTimestampForms()
    {
        QCOMPARE(parseTimestamp(Json("2024-01-01T00:00:01.5Z")), std::optional<qint64>(1704067201500));
        QCOMPARE(parseTimestamp(Json("2024-01-01T01:00:01.250000+01:00")),
                 std::optional<qint64>(1704067201250));
        QCOMPARE(parseTimestamp(Json(1704067201.25)), std::optional<qint64>(1704067201250));
        QVERIFY(!parseTimestamp(Json("yesterday")));
    }

    void aBrokenImportNamesTheEvent()
    {
        Json document = Json::object();
        document["events"] = Json::array();
        Json good = Json::object();
        good["id"] = 1;
        good["type"] = "ExecutionStarted";
        good["timestamp"] = "2024-01-01T00:00:00Z";
        document["events"].push_back(good);
        Json bad = Json::object();
        bad["id"] = "two";
        bad["type"] = "PassStateEntered";
        document["events"].push_back(bad);
        auto history = historyFromJson(document);
        QVERIFY(!history);
        QCOMPARE(history.error(), QStringLiteral("events[1]: 'id' must be an integer"));
        QVERIFY(!historyFromJson(Json::object()));
    }
};

QTEST_MAIN(TestRunStore)
#include "tst_run_store.moc"
