// Whole executions: golden event streams, Parallel/Map ordering, stepping, abort, Wait and
// determinism (ASL spec §1.6, §1.7, §8, §9).
#include "core/asl/Parser.h"
#include "core/engine/Execution.h"

#include <QDir>
#include <QFile>
#include <QTest>

using stepwise::Json;
using namespace stepwise::engine;

namespace {

Execution makeExecution(const Json &definition, const Json &input, std::uint64_t seed = 0)
{
    ExecutionOptions options;
    options.executionName = "golden";
    options.seed = seed;
    return Execution(stepwise::asl::fromJson(definition).value(), input, options);
}

QString goldenDir()
{
    return QStringLiteral(STEPWISE_TEST_DATA_DIR) + "/executions";
}

Json readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return nullptr;
    return Json::parse(file.readAll().toStdString(), nullptr, false);
}

std::vector<std::string> types(const Execution &execution)
{
    std::vector<std::string> out;
    for (const HistoryEvent &event : execution.history())
        out.push_back(event.type);
    return out;
}

} // namespace

class TestInterpreter : public QObject
{
    Q_OBJECT
private slots:
    void goldenStreams_data()
    {
        QTest::addColumn<QString>("file");
        const QStringList files = QDir(goldenDir()).entryList({"*.json"}, QDir::Files);
        for (const QString &file : files)
            QTest::newRow(file.toUtf8().constData()) << file;
    }
    void goldenStreams()
    {
        QFETCH(QString, file);
        const Json golden = readJson(goldenDir() + "/" + file);
        QVERIFY(golden.is_object());
        Execution execution = makeExecution(golden["definition"], golden["input"]);
        execution.runToEnd();
        const Json actual = historyToJson(execution.history());
        if (qEnvironmentVariableIsSet("STEPWISE_UPDATE_GOLDEN")) {
            Json updated = golden;
            updated["events"] = actual["events"];
            QFile out(goldenDir() + "/" + file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(QByteArray::fromStdString(updated.dump(2) + "\n"));
        }
        QCOMPARE(actual["events"].dump(1), golden["events"].dump(1));
    }

    void mapSequentialIds()
    {
        // MaxConcurrency 1: ids and previousEventIds as AWS records them (spec §9.4).
        const Json definition = Json::parse(R"({"StartAt":"M","States":{"M":{"Type":"Map",
            "MaxConcurrency":1,"ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass",
            "End":true}}},"End":true}}})");
        Execution execution = makeExecution(definition, Json::parse("[1,2]"));
        execution.runToEnd();
        QCOMPARE(execution.output(), Json::parse("[1,2]"));
        std::vector<std::pair<std::int64_t, std::int64_t>> links;
        for (const HistoryEvent &event : execution.history())
            links.emplace_back(event.id, event.previousEventId);
        const std::vector<std::pair<std::int64_t, std::int64_t>> expected{
            {1, 0}, {2, 0}, {3, 2}, {4, 3}, {5, 4},  {6, 5},   {7, 6},
            {8, 6}, {9, 8}, {10, 9}, {11, 10}, {12, 11}, {13, 11}, {14, 13}};
        QCOMPARE(links, expected);
    }

    void parallelResultOrderAndFailure()
    {
        const Json definition = Json::parse(R"({"StartAt":"Par","States":{"Par":{
            "Type":"Parallel","End":true,"Branches":[
              {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":5,"End":true}}},
              {"StartAt":"F","States":{"F":{"Type":"Fail","Error":"X","Cause":"c"}}}]}}})");
        Execution execution = makeExecution(definition, Json::object());
        execution.runToEnd();
        QCOMPARE(execution.status(), ExecutionStatus::Failed);
        QCOMPARE(execution.error().value_or(""), std::string("X"));
        const auto seen = types(execution);
        QVERIFY(std::find(seen.begin(), seen.end(), "WaitStateAborted") != seen.end());
        QCOMPARE(seen[seen.size() - 2], std::string("ParallelStateFailed"));

        const Json ok = Json::parse(R"({"StartAt":"Par","States":{"Par":{"Type":"Parallel",
            "End":true,"Branches":[
              {"StartAt":"A","States":{"A":{"Type":"Wait","Seconds":5,"Next":"A2"},
                                       "A2":{"Type":"Pass","Result":"a","End":true}}},
              {"StartAt":"B","States":{"B":{"Type":"Pass","Result":"b","End":true}}}]}}})");
        Execution success = makeExecution(ok, Json::object());
        success.runToEnd();
        QCOMPARE(success.output(), Json::parse(R"(["a","b"])"));
    }

    void waitUsesVirtualClock()
    {
        const Json definition = Json::parse(
            R"({"StartAt":"W","States":{"W":{"Type":"Wait","SecondsPath":"$.s","End":true}}})");
        Execution execution = makeExecution(definition, Json{{"s", 3600}});
        execution.runToEnd();
        const auto &history = execution.history();
        QCOMPARE(history.back().timestampMs - history.at(0).timestampMs,
                 std::int64_t{3600 * 1000});
    }

    void stepAndAbort()
    {
        const Json definition = Json::parse(R"({"StartAt":"A","States":{
            "A":{"Type":"Pass","Next":"W"},"W":{"Type":"Wait","Seconds":10,"End":true}}})");
        Execution execution = makeExecution(definition, Json::object());
        QCOMPARE(execution.history().size(), std::size_t{1}); // ExecutionStarted
        QVERIFY(execution.step());
        QCOMPARE(execution.history().back().type, std::string("PassStateEntered"));
        execution.runUntil(
            [](const HistoryEvent &event) { return event.type == "WaitStateEntered"; });
        execution.abort("Stop", "by test");
        QCOMPARE(execution.status(), ExecutionStatus::Aborted);
        const auto seen = types(execution);
        QCOMPARE(seen[seen.size() - 2], std::string("WaitStateAborted"));
        QCOMPARE(seen.back(), std::string("ExecutionAborted"));
        QVERIFY(!execution.step());
    }

    void executionTimeout()
    {
        const Json definition = Json::parse(R"({"TimeoutSeconds":2,"StartAt":"W","States":{
            "W":{"Type":"Wait","Seconds":10,"End":true}}})");
        Execution execution = makeExecution(definition, Json::object());
        execution.runToEnd();
        QCOMPARE(execution.status(), ExecutionStatus::TimedOut);
        QCOMPARE(execution.history().back().type, std::string("ExecutionTimedOut"));
    }

    void deterministicAcrossRuns()
    {
        const Json definition = Json::parse(R"J({"StartAt":"M","States":{"M":{"Type":"Map",
            "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass",
            "Parameters":{"id.$":"States.UUID()"},"End":true}}},"End":true}}})J");
        Execution first = makeExecution(definition, Json::parse("[1,2,3]"), 7);
        Execution second = makeExecution(definition, Json::parse("[1,2,3]"), 7);
        first.runToEnd();
        second.runToEnd();
        QCOMPARE(historyToJson(first.history()).dump(), historyToJson(second.history()).dump());
    }
};

QTEST_APPLESS_MAIN(TestInterpreter)
#include "tst_interpreter.moc"
