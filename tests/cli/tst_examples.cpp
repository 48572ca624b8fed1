// The shipped examples run end to end from the CLI: with every mock-config test case, and with
// the local-command bindings. Retries and catches must happen exactly as the definition says.
#include "core/common/Json.h"

#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using stepwise::Json;

namespace {

const QString kExample = QStringLiteral(STEPWISE_SOURCE_DIR "/resources/examples/order-processing/");

struct Run
{
    int exitCode = -1;
    Json result;
    Json history;
};

Run runExample(const QStringList &extra)
{
    QTemporaryDir dir;
    const QString historyPath = dir.filePath(QStringLiteral("history.json"));
    QStringList args = {QStringLiteral("run"), kExample + QStringLiteral("order-processing.asl.json"),
                        QStringLiteral("--input"), kExample + QStringLiteral("order-processing.input.json"),
                        QStringLiteral("--history"), historyPath};
    args += extra;
    QProcess process;
    process.start(QStringLiteral(STEPWISE_CLI_PATH), args);
    process.waitForFinished(60000);
    Run run;
    run.exitCode = process.exitCode();
    run.result = Json::parse(process.readAllStandardOutput().toStdString(), nullptr, false);
    QFile history(historyPath);
    if (history.open(QIODevice::ReadOnly))
        run.history = Json::parse(history.readAll().toStdString(), nullptr, false);
    return run;
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

} // namespace

class TestExamples : public QObject
{
    Q_OBJECT
private slots:
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

    void localProgramsAnswerThroughBindings()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
            QSKIP("python3 is needed by the example's handler programs");
        const Run run = runExample({QStringLiteral("--handlers"),
                                    kExample + QStringLiteral("order-processing.bindings.json")});
        QCOMPARE(run.exitCode, 0);
        const Json &output = run.result.at("output");
        QCOMPARE(output.at("payment").at("status").get<std::string>(), std::string("CAPTURED"));
        QVERIFY(output.at("fulfilment").at("trackingNumber").get<std::string>().rfind("TRK-", 0) == 0);
        QCOMPARE(output.at("fulfilment").at("emailSent").get<bool>(), true);
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
