// `stepwise-cli run` and `bench`: output shape, statuses, exit codes, mocks, local commands.
#include "core/common/Json.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using stepwise::Json;

namespace {

struct CliResult
{
    int exitCode = -1;
    Json out;
    QByteArray err;
};

CliResult runCli(const QStringList &args, const QByteArray &stdinData = {})
{
    QProcess process;
    process.start(QStringLiteral(STEPWISE_CLI_PATH), args);
    if (!stdinData.isEmpty())
        process.write(stdinData);
    process.closeWriteChannel();
    process.waitForFinished(60000);
    const QByteArray out = process.readAllStandardOutput();
    return {process.exitCode(), Json::parse(out.begin(), out.end(), nullptr, false),
            process.readAllStandardError()};
}

QString writeTemp(const QTemporaryDir &dir, const QString &name, const std::string &text)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(QByteArray::fromStdString(text));
    return path;
}

const char *kPass = "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", "
                    "\"Parameters\": {\"got.$\": \"$.v\"}, \"End\": true}}}";
const char *kPlain = "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}";
const char *kFail = "{\"StartAt\": \"F\", \"States\": {\"F\": {\"Type\": \"Fail\", "
                    "\"Error\": \"Oops\", \"Cause\": \"it broke\"}}}";
const char *kTask = "{\"StartAt\": \"Call\", \"States\": {\"Call\": {\"Type\": \"Task\", "
                    "\"Resource\": \"arn:aws:states:::lambda:invoke\", \"Parameters\": "
                    "{\"FunctionName\": \"echo\", \"Payload.$\": \"$\"}, "
                    "\"OutputPath\": \"$.Payload\", \"End\": true}}}";

} // namespace

class TestCliRun : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void helpExitsZero()
    {
        for (const char *command : {"run", "bench"}) {
            QProcess process;
            process.start(QStringLiteral(STEPWISE_CLI_PATH), {command, "--help"});
            QVERIFY(process.waitForFinished(30000));
            QCOMPARE(process.exitCode(), 0);
            QVERIFY(process.readAllStandardOutput().contains("Usage: stepwise-cli"));
        }
    }

    void wrongCalls_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("no file") << QStringList{"run"} << "FILE is required";
        QTest::newRow("mock without test case") << QStringList{"run", "x.json", "--mock-config", "m.json"}
                                                << "go together";
        QTest::newRow("unknown option") << QStringList{"run", "x.json", "--bogus", "1"} << "unknown option";
        QTest::newRow("bad type") << QStringList{"run", "x.json", "--type", "FAST"} << "STANDARD or EXPRESS";
        QTest::newRow("bad clock") << QStringList{"run", "x.json", "--clock", "fast"} << "virtual or real";
        QTest::newRow("missing value") << QStringList{"run", "x.json", "--input"} << "needs a value";
        QTest::newRow("bad repeat") << QStringList{"bench", "x.json", "--repeat", "0"} << "positive";
        QTest::newRow("unreadable file") << QStringList{"run", "/nonexistent/x.json"} << "cannot read";
    }
    void wrongCalls()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, messagePart);
        const CliResult r = runCli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(messagePart.toUtf8()), r.err.constData());
    }

    void succeeds()
    {
        const QString def = writeTemp(m_dir, "pass.asl.json", kPass);
        const CliResult r = runCli({"run", def, "--input", "-"}, "{\"v\": [1, 2]}");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, Json::parse(R"({"status": "SUCCEEDED", "output": {"got": [1, 2]}})"));
    }

    void fails()
    {
        const QString def = writeTemp(m_dir, "fail.asl.json", kFail);
        const CliResult r = runCli({"run", def});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out, Json::parse(R"({"status": "FAILED", "error": "Oops", "cause": "it broke"})"));
    }

    void rejectsDefinition()
    {
        const QString def = writeTemp(m_dir, "bad.asl.json", "{\"StartAt\": \"Nope\", \"States\": {}}");
        const CliResult r = runCli({"run", def});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.out.value("status", ""), std::string("REJECTED"));
        QCOMPARE(r.out.value("error", ""), std::string("InvalidDefinition"));
        QVERIFY(r.out.value("cause", "").rfind("Invalid State Machine Definition: ", 0) == 0);
    }

    void rejectsInput_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("message");
        QTest::newRow("single quotes") << QByteArray("{'not': 'json'")
            << "Unexpected character (''' (code 39)): was expecting double-quote to start field name";
        QTest::newRow("bare word") << QByteArray("not some json")
            << "Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')";
        QTest::newRow("empty") << QByteArray("") << "Invalid execution input.";
        QTest::newRow("unclosed") << QByteArray("{\"a\": 1") << "Unexpected end-of-input: expected close marker for Object";
    }
    void rejectsInput()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, message);
        const QString def = writeTemp(m_dir, "pass.asl.json", kPass);
        const QString inputFile = writeTemp(m_dir, "input.txt", input.toStdString());
        const CliResult r = runCli({"run", def, "--input", inputFile});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.out.value("error", ""), std::string("InvalidExecutionInput"));
        QCOMPARE(QString::fromStdString(r.out.value("cause", "")),
                 "Invalid State Machine Execution Input: '" + message + "'");
    }

    void rejectsInputOverQuota()
    {
        const QString def = writeTemp(m_dir, "plain.asl.json", kPlain);
        // 256 KiB is the largest input AWS accepts; one byte more is refused before parsing.
        const std::string fits = "\"" + std::string(262144 - 2, 'x') + "\"";
        const QString okFile = writeTemp(m_dir, "fits.json", fits);
        CliResult r = runCli({"run", def, "--input", okFile});
        QCOMPARE(r.exitCode, 0);
        const QString bigFile = writeTemp(m_dir, "big.json", fits + " ");
        r = runCli({"run", def, "--input", bigFile});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.out.value("status", ""), std::string("REJECTED"));
        QCOMPARE(r.out.value("error", ""), std::string("InvalidExecutionInput"));
        QVERIFY(r.out.value("cause", "").find("less than or equal to 262144") != std::string::npos);
    }

    void mockConfigAnswersTasks()
    {
        const QString def = writeTemp(m_dir, "Orders.asl.json", kTask);
        const QString mocks = writeTemp(m_dir, "mocks.json", R"({
          "StateMachines": {"Orders": {"TestCases": {"Ok": {"Call": "R"}}},
                            "Other": {"TestCases": {"Ok": {"Call": "R2"}}}},
          "MockedResponses": {"R": {"0": {"Return": {"Payload": {"from": "orders"}}}},
                              "R2": {"0": {"Throw": {"Error": "E", "Cause": "c"}}}}})");
        CliResult r = runCli({"run", def, "--mock-config", mocks, "--test-case", "Ok"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.at("output"), Json::parse(R"({"from": "orders"})"));
        r = runCli({"run", def, "--mock-config", mocks, "--test-case", "Ok", "--state-machine", "Other"});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out, Json::parse(R"({"status": "FAILED", "error": "E", "cause": "c"})"));
        r = runCli({"run", def, "--mock-config", mocks, "--test-case", "Missing"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("no test case 'Missing'"));
    }

    void badMockConfigNamesPointer()
    {
        const QString def = writeTemp(m_dir, "Orders.asl.json", kTask);
        const QString mocks = writeTemp(m_dir, "badmocks.json", R"({"StateMachines": {},
          "MockedResponses": {"R": {"0": {"Return": 1}, "2": {"Return": 2}}}})");
        const CliResult r = runCli({"run", def, "--mock-config", mocks, "--test-case", "Ok"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("at /MockedResponses/R/2"), r.err.constData());
    }

    void localCommandHandler()
    {
        const QString def = writeTemp(m_dir, "task.asl.json", kTask);
        const QString bindings = writeTemp(m_dir, "bindings.json",
            R"({"Functions": {"echo": {"Command": ["/bin/sh", "-c", "cat"]}}})");
        const CliResult r = runCli({"run", def, "--handlers", bindings, "--input", "-"}, "{\"k\": 7}");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.at("output"), Json::parse(R"({"k": 7})"));
    }

    void writesHistory()
    {
        const QString def = writeTemp(m_dir, "plain.asl.json", kPlain);
        const QString history = m_dir.filePath("history.json");
        const CliResult r = runCli({"run", def, "--history", history, "--name", "exec-1"});
        QCOMPARE(r.exitCode, 0);
        QFile file(history);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        const Json events = Json::parse(text.begin(), text.end(), nullptr, false).value("events", Json());
        QVERIFY(events.is_array());
        QCOMPARE(events.size(), std::size_t(4));
        QCOMPARE(events[0].value("type", ""), std::string("ExecutionStarted"));
        QCOMPARE(events[3].value("type", ""), std::string("ExecutionSucceeded"));
    }

    void benchPrintsFigures()
    {
        const QString def = writeTemp(m_dir, "plain.asl.json", kPlain);
        const CliResult r = runCli({"bench", def, "--repeat", "3"});
        QCOMPARE(r.exitCode, 0);
        for (const char *key : {"median_ms", "min_ms", "transitions", "events", "peak_rss_mb"})
            QVERIFY2(r.out.contains(key), key);
        QCOMPARE(r.out.at("events").get<int>(), 4);
        QCOMPARE(r.out.at("transitions").get<int>(), 1);
        QVERIFY(r.out.at("min_ms").get<double>() <= r.out.at("median_ms").get<double>());
    }
};

QTEST_APPLESS_MAIN(TestCliRun)
#include "tst_cli_run.moc"
