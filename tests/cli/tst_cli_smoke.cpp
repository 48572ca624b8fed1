// Smoke tests of `stepwise-cli validate` and `export`: the command-line contract (output shape,
// exit codes) that other tools rely on.
#include "core/common/Json.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using stepwise::Json;

namespace {

struct CliResult
{
    int exitCode = -1;
    QByteArray out;
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
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

QString exampleFile()
{
    return QStringLiteral(STEPWISE_SOURCE_DIR
                          "/resources/examples/order-processing/order-processing.asl.json");
}

QString writeTemp(QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(text);
    return path;
}

} // namespace

class TestCliSmoke : public QObject
{
    Q_OBJECT
private slots:
    void validExampleExitsZeroAndPrintsNothing()
    {
        const CliResult r = runCli({QStringLiteral("validate"), exampleFile()});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.trimmed().isEmpty(), r.out.constData());
    }

    void invalidFileReportsCodeAndPointer()
    {
        QTemporaryDir dir;
        const QString path = writeTemp(dir, QStringLiteral("bad.asl.json"), R"({
  "StartAt": "A",
  "States": { "A": { "Type": "Pass", "Next": "Nowhere" } }
})");
        const CliResult r = runCli({QStringLiteral("validate"), path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.startsWith("ERROR MISSING_TRANSITION_TARGET /States/A/Next: "), r.out.constData());
    }

    void jsonOutputHasValidAndDiagnostics()
    {
        QTemporaryDir dir;
        const QString path = writeTemp(dir, QStringLiteral("bad.asl.json"),
                                       R"({"StartAt": "A", "States": {"A": {"Type": "Pass"}}})");
        const CliResult r = runCli({QStringLiteral("validate"), path, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 1);
        const Json out = Json::parse(r.out.toStdString());
        QCOMPARE(out.at("valid").get<bool>(), false);
        QVERIFY(out.at("diagnostics").is_array());
        QVERIFY(!out.at("diagnostics").empty());
        const Json &first = out.at("diagnostics").at(0);
        for (const char *key : {"severity", "code", "path", "message"})
            QVERIFY2(first.contains(key), key);
    }

    void syntaxErrorCarriesLineAndColumn()
    {
        QTemporaryDir dir;
        const QString path = writeTemp(dir, QStringLiteral("broken.asl.json"),
                                       "{\n  \"StartAt\": \"A\",\n  \"States\": {\n}\n,,");
        const CliResult r = runCli({QStringLiteral("validate"), path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("INVALID_JSON_DESCRIPTION"), r.out.constData());
        QVERIFY2(r.out.contains("line 5"), r.out.constData());
    }

    void unreadableFileOrWrongCallExitsTwo()
    {
        QCOMPARE(runCli({QStringLiteral("validate"), QStringLiteral("/no/such/file.json")}).exitCode, 2);
        QCOMPARE(runCli({QStringLiteral("validate")}).exitCode, 2);
        QCOMPARE(runCli({QStringLiteral("validate"), QStringLiteral("--bogus")}).exitCode, 2);
        QCOMPARE(runCli({QStringLiteral("frobnicate")}).exitCode, 2);
    }

    void everyCommandHasHelp()
    {
        for (const char *command : {"validate", "export"}) {
            const CliResult r = runCli({QString::fromLatin1(command), QStringLiteral("--help")});
            QCOMPARE(r.exitCode, 0);
            QVERIFY(r.out.startsWith("Usage: stepwise-cli " + QByteArray(command)));
        }
        QCOMPARE(runCli({QStringLiteral("--help")}).exitCode, 0);
    }

    void exportKeepsKeyOrderAndUnknownFields()
    {
        const QByteArray text = R"({
  "States": {
    "B": { "End": true, "Type": "Pass", "x-note": {"z": 1, "a": 2} }
  },
  "StartAt": "B",
  "Comment": "keys out of the usual order"
}
)";
        QTemporaryDir dir;
        const QString path = writeTemp(dir, QStringLiteral("order.asl.json"), text);
        const CliResult r = runCli({QStringLiteral("export"), path});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(Json::parse(r.out.toStdString()).dump(), Json::parse(text.toStdString()).dump());
    }

    void exportYamlReadsBackAndWritesToFile()
    {
        QTemporaryDir dir;
        const QString yamlPath = dir.filePath(QStringLiteral("machine.asl.yaml"));
        CliResult r = runCli({QStringLiteral("export"), exampleFile(), QStringLiteral("--format"),
                              QStringLiteral("yaml"), QStringLiteral("-o"), yamlPath});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.isEmpty());
        r = runCli({QStringLiteral("export"), yamlPath});
        QCOMPARE(r.exitCode, 0);
        QFile original(exampleFile());
        QVERIFY(original.open(QIODevice::ReadOnly));
        QCOMPARE(Json::parse(r.out.toStdString()).dump(),
                 Json::parse(original.readAll().toStdString()).dump());
    }

    void exportOfNonMachineFails()
    {
        QTemporaryDir dir;
        const QString path = writeTemp(dir, QStringLiteral("list.json"), "[1, 2, 3]");
        const CliResult r = runCli({QStringLiteral("export"), path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(!r.err.isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestCliSmoke)
#include "tst_cli_smoke.moc"
