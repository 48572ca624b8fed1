// The shipped examples run end to end from the CLI. Every folder in resources/examples is
// checked automatically: its definitions (JSONPath and the JSONata variant when there is one)
// validate, every mock-config test case and the local-program bindings produce exactly the
// outcome recorded in <name>.expected.json, and the first test case is the happy path. The
// order-processing example is also checked event by event: retries and catches must happen
// exactly as the definition says.
#include "core/common/Json.h"

#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using stepwise::Json;

namespace {

const QString kExamples = QStringLiteral(STEPWISE_SOURCE_DIR "/resources/examples/");
const QString kExample = kExamples + QStringLiteral("order-processing/");

struct Run
{
    int exitCode = -1;
    Json result;
    Json history;
    QByteArray errors;
};

Run runCli(const QStringList &args, const QString &historyPath = {})
{
    // The task-manager example's local DynamoDB keeps its table in a file; give each run its own.
    QTemporaryDir scratch;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("STEPWISE_TASKS_TABLE"), scratch.filePath(QStringLiteral("tasks.json")));
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(STEPWISE_CLI_PATH), args);
    process.waitForFinished(120000);
    Run run;
    run.exitCode = process.exitCode();
    run.result = Json::parse(process.readAllStandardOutput().toStdString(), nullptr, false);
    run.errors = process.readAllStandardError();
    QFile history(historyPath);
    if (!historyPath.isEmpty() && history.open(QIODevice::ReadOnly))
        run.history = Json::parse(history.readAll().toStdString(), nullptr, false);
    return run;
}

Run runExample(const QStringList &extra)
{
    QTemporaryDir dir;
    const QString historyPath = dir.filePath(QStringLiteral("history.json"));
    QStringList args = {QStringLiteral("run"), kExample + QStringLiteral("order-processing.asl.json"),
                        QStringLiteral("--input"), kExample + QStringLiteral("order-processing.input.json"),
                        QStringLiteral("--history"), historyPath};
    args += extra;
    return runCli(args, historyPath);
}

int countEvents(const Json &history, const std::string &type)
{
    int count = 0;
    if (history.contains("events"))
        for (const Json &event : history.at("events"))
            count += event.at("type").get<std::string>() == type ? 1 : 0;
    return count;
}

QStringList mockArgs(const QString &testCase)
{
    return {QStringLiteral("--mock-config"), kExample + QStringLiteral("order-processing.mockconfig.json"),
            QStringLiteral("--test-case"), testCase};
}

Json readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Json();
    return Json::parse(file.readAll().toStdString(), nullptr, false);
}

QStringList exampleNames()
{
    return QDir(kExamples).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

// The definitions of an example: <name>.asl.json, and <name>.jsonata.asl.json when present.
QStringList definitionsOf(const QString &name)
{
    QStringList files = {name + QStringLiteral(".asl.json")};
    if (QFile::exists(kExamples + name + QLatin1Char('/') + name + QStringLiteral(".jsonata.asl.json")))
        files << name + QStringLiteral(".jsonata.asl.json");
    return files;
}

// Outcomes compare as JSON values: key order inside objects is not part of the contract here.
nlohmann::json unordered(const Json &value)
{
    return nlohmann::json::parse(value.dump());
}

} // namespace

class TestExamples : public QObject
{
    Q_OBJECT
private slots:
    void everyExampleHasItsFiles_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString &name : exampleNames())
            QTest::newRow(qPrintable(name)) << name;
        QVERIFY(exampleNames().size() >= 5);
    }

    void everyExampleHasItsFiles()
    {
        QFETCH(QString, name);
        const QString base = kExamples + name + QLatin1Char('/') + name;
        for (const char *suffix : {".asl.json", ".input.json", ".mockconfig.json", ".bindings.json", ".expected.json"})
            QVERIFY2(QFile::exists(base + QLatin1String(suffix)), qPrintable(base + QLatin1String(suffix)));
        QVERIFY(QFile::exists(kExamples + name + QStringLiteral("/README.md")));
        const Json mock = readJson(base + QStringLiteral(".mockconfig.json"));
        QVERIFY2(mock.contains("StateMachines") && mock.at("StateMachines").contains(name.toStdString()),
                 "the mock config's state machine key must be the example's name");
        // The happy path comes first.
        const Json &cases = mock.at("StateMachines").at(name.toStdString()).at("TestCases");
        const Json expected = readJson(base + QStringLiteral(".expected.json"));
        QCOMPARE(QString::fromStdString(cases.begin().key()), QStringLiteral("HappyPath"));
        QCOMPARE(expected.at("TestCases").at("HappyPath").at("status").get<std::string>(), std::string("SUCCEEDED"));
        QCOMPARE(expected.at("TestCases").size(), cases.size());
    }

    void everyDefinitionValidates_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString &name : exampleNames())
            for (const QString &definition : definitionsOf(name))
                QTest::newRow(qPrintable(definition)) << kExamples + name + QLatin1Char('/') + definition;
    }

    void everyDefinitionValidates()
    {
        QFETCH(QString, file);
        const Run run = runCli({QStringLiteral("validate"), file});
        QVERIFY2(run.exitCode == 0, run.errors.constData());
    }

    void everyRunGivesItsExpectedOutcome_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("definition");
        QTest::addColumn<QString>("testCase"); // "" runs with the bindings
        for (const QString &name : exampleNames()) {
            const Json expected = readJson(kExamples + name + QLatin1Char('/') + name + QStringLiteral(".expected.json"));
            if (!expected.is_object() || !expected.contains("TestCases"))
                continue;
            for (const QString &definition : definitionsOf(name)) {
                for (auto it = expected.at("TestCases").begin(); it != expected.at("TestCases").end(); ++it)
                    QTest::newRow(qPrintable(definition + QLatin1Char('/') + QString::fromStdString(it.key())))
                        << name << definition << QString::fromStdString(it.key());
                QTest::newRow(qPrintable(definition + QStringLiteral("/bindings"))) << name << definition << QString();
            }
        }
    }

    void everyRunGivesItsExpectedOutcome()
    {
        QFETCH(QString, name);
        QFETCH(QString, definition);
        QFETCH(QString, testCase);
        const QString base = kExamples + name + QLatin1Char('/') + name;
        QStringList args = {QStringLiteral("run"), kExamples + name + QLatin1Char('/') + definition,
                            QStringLiteral("--input"), base + QStringLiteral(".input.json")};
        Json expected = readJson(base + QStringLiteral(".expected.json"));
        if (testCase.isEmpty()) {
            if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
                QSKIP("python3 is needed by the example's handler programs");
            args << QStringLiteral("--handlers") << base + QStringLiteral(".bindings.json");
            expected = expected.at("Bindings");
        } else {
            // The JSONata variant shares the mock config, so name its state machine explicitly.
            args << QStringLiteral("--mock-config") << base + QStringLiteral(".mockconfig.json")
                 << QStringLiteral("--state-machine") << name << QStringLiteral("--test-case") << testCase;
            expected = expected.at("TestCases").at(testCase.toStdString());
        }
        const Run run = runCli(args);
        QVERIFY2(!run.result.is_discarded(), run.errors.constData());
        const std::string actual = run.result.dump();
        QVERIFY2(unordered(run.result) == unordered(expected),
                 qPrintable(QStringLiteral("got %1\nexpected %2")
                                .arg(QString::fromStdString(actual), QString::fromStdString(expected.dump()))));
        QCOMPARE(run.exitCode, expected.at("status").get<std::string>() == "SUCCEEDED" ? 0 : 1);
    }

    void happyPathShipsTheOrder()
    {
        const Run run = runExample(mockArgs(QStringLiteral("HappyPath")));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.result.at("status").get<std::string>(), std::string("SUCCEEDED"));
        const Json &output = run.result.at("output");
        QCOMPARE(output.at("payment").at("chargeId").get<std::string>(), std::string("ch_8f2a1"));
        QCOMPARE(output.at("fulfilment").at("trackingNumber").get<std::string>(), std::string("TRK-55120"));
        QCOMPARE(countEvents(run.history, "WaitStateExited"), 1);
        QCOMPARE(countEvents(run.history, "ExecutionSucceeded"), 1);
    }

    void gatewayTimeoutsAreRetried()
    {
        const Run run = runExample(mockArgs(QStringLiteral("GatewayRetried")));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.result.at("output").at("payment").at("chargeId").get<std::string>(),
                 std::string("ch_8f2a2"));
        // lambda:invoke is an optimized integration: two failed attempts, then success.
        QCOMPARE(countEvents(run.history, "TaskFailed"), 2);
        QCOMPARE(countEvents(run.history, "TaskSucceeded"), 1);
    }

    void declinedCardIsCaughtIntoFailState()
    {
        const Run run = runExample(mockArgs(QStringLiteral("CardDeclined")));
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.result.at("status").get<std::string>(), std::string("FAILED"));
        QCOMPARE(run.result.at("error").get<std::string>(), std::string("OrderFailed"));
        QCOMPARE(run.result.at("cause").get<std::string>(),
                 std::string("Card CUST-17 was declined: insufficient funds."));
        QCOMPARE(countEvents(run.history, "TaskFailed"), 1); // Payment.Declined is not retried
        QCOMPARE(countEvents(run.history, "FailStateEntered"), 1);
    }

    void outOfStockTakesTheDefaultBranch()
    {
        const Run run = runExample(mockArgs(QStringLiteral("OutOfStock")));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.result.at("output").at("outcome").at("status").get<std::string>(),
                 std::string("BACKORDERED"));
        QCOMPARE(countEvents(run.history, "LambdaFunctionScheduled"), 1);
    }

    void unboundTaskFailsWithAClearError()
    {
        const Run run = runExample({});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.result.at("status").get<std::string>(), std::string("FAILED"));
        const std::string cause = run.result.at("cause").get<std::string>();
        QVERIFY2(cause.find("CheckInventory") != std::string::npos, cause.c_str());
    }
};

QTEST_APPLESS_MAIN(TestExamples)
#include "tst_examples.moc"
