// `stepwise-cli export --format sam|cloudformation|cli` and `stepwise-cli import`: the contract
// through the real binary, and export → import giving back the same machine.
#include "core/common/Json.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using stepwise::Json;

namespace {

const QString kOrder = QStringLiteral(STEPWISE_SOURCE_DIR "/resources/examples/order-processing/order-processing.asl.json");

struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

CliResult runCli(const QStringList &args)
{
    QProcess process;
    process.start(QStringLiteral(STEPWISE_CLI_PATH), args);
    process.waitForFinished(60000);
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString writeTemp(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(text);
    return path;
}

Json parse(const QByteArray &text)
{
    return Json::parse(text.begin(), text.end(), nullptr, false);
}

const QByteArray kTwoMachines = "Resources:\n"
                                "  First:\n"
                                "    Type: AWS::StepFunctions::StateMachine\n"
                                "    Properties:\n"
                                "      Definition:\n"
                                "        StartAt: Done\n"
                                "        States:\n"
                                "          Done:\n"
                                "            Type: Succeed\n"
                                "  Second:\n"
                                "    Type: AWS::Serverless::StateMachine\n"
                                "    Properties:\n"
                                "      Definition:\n"
                                "        StartAt: Call\n"
                                "        States:\n"
                                "          Call:\n"
                                "            Type: Task\n"
                                "            Resource: !Sub arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:${Fn}\n"
                                "            End: true\n"
                                "      DefinitionSubstitutions:\n"
                                "        Fn: !Ref Handler\n"
                                "Parameters:\n"
                                "  Handler:\n"
                                "    Type: String\n"
                                "    Default: do-it\n";

} // namespace

class TestCliFormats : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void exportedTemplatesImportBackToTheSameMachine_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("fileName");
        QTest::newRow("sam-yaml") << QStringLiteral("sam") << QStringLiteral("template.yaml");
        QTest::newRow("sam-json") << QStringLiteral("sam") << QStringLiteral("template.json");
        QTest::newRow("cloudformation-yaml") << QStringLiteral("cloudformation") << QStringLiteral("stack.yml");
        QTest::newRow("cloudformation-json") << QStringLiteral("cloudformation") << QStringLiteral("stack.json");
    }

    void exportedTemplatesImportBackToTheSameMachine()
    {
        QFETCH(QString, format);
        QFETCH(QString, fileName);
        const QString templatePath = m_dir.filePath(format + QLatin1Char('-') + fileName);
        const CliResult exported = runCli({QStringLiteral("export"), kOrder, QStringLiteral("--format"), format,
                                           QStringLiteral("-o"), templatePath});
        QVERIFY2(exported.exitCode == 0, exported.err.constData());
        const QByteArray text = readAll(templatePath);
        QCOMPARE(text.trimmed().startsWith('{'), fileName.endsWith(QStringLiteral(".json")));
        QVERIFY(text.contains(format == QStringLiteral("sam") ? "AWS::Serverless::StateMachine"
                                                              : "AWS::StepFunctions::StateMachine"));
        QVERIFY(text.contains("${CheckInventoryFunctionArn}"));
        QVERIFY(text.contains("DefinitionSubstitutions"));

        const QString importedPath = m_dir.filePath(fileName + QStringLiteral(".asl.json"));
        const CliResult imported = runCli({QStringLiteral("import"), templatePath, QStringLiteral("-o"), importedPath});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        // The same machine, byte for byte as `export --format json` writes it.
        const CliResult original = runCli({QStringLiteral("export"), kOrder});
        QCOMPARE(readAll(importedPath), original.out);
    }

    void cliFormatPrintsTheCreateStateMachineCommand()
    {
        const CliResult result = runCli({QStringLiteral("export"), kOrder, QStringLiteral("--format"), QStringLiteral("cli"),
                                         QStringLiteral("--role-arn"), QStringLiteral("arn:aws:iam::123456789012:role/sfn")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.startsWith("aws stepfunctions create-state-machine"));
        QVERIFY(result.out.contains("--name 'order-processing'"));
        QVERIFY(result.out.contains("--role-arn 'arn:aws:iam::123456789012:role/sfn'"));
        QVERIFY(result.out.contains("--definition '"));
        QVERIFY(result.out.contains("arn:aws:lambda:us-east-1:123456789012:function:CheckInventory"));
    }

    void importPicksTheStateMachineByLogicalId()
    {
        const QString path = writeTemp(m_dir, QStringLiteral("two.yaml"), kTwoMachines);
        const CliResult ambiguous = runCli({QStringLiteral("import"), path});
        QCOMPARE(ambiguous.exitCode, 1);
        QVERIFY2(ambiguous.err.contains("2 state machines (First, Second); choose one with --state-machine"),
                 ambiguous.err.constData());
        const CliResult second = runCli({QStringLiteral("import"), path, QStringLiteral("--state-machine"), QStringLiteral("Second")});
        QVERIFY2(second.exitCode == 0, second.err.constData());
        const Json machine = parse(second.out);
        QCOMPARE(machine.at("States").at("Call").at("Resource").get<std::string>(),
                 std::string("arn:aws:lambda:us-east-1:123456789012:function:do-it"));
        const CliResult unknown = runCli({QStringLiteral("import"), path, QStringLiteral("--state-machine"), QStringLiteral("Third")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY(unknown.err.contains("no state machine 'Third' (it has First, Second)"));
    }

    void importReportsTemplatesItCannotUse()
    {
        const QString none = writeTemp(m_dir, QStringLiteral("none.yaml"), "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n");
        const CliResult noMachine = runCli({QStringLiteral("import"), none});
        QCOMPARE(noMachine.exitCode, 1);
        QVERIFY(noMachine.err.contains("has no state machine"));
        const CliResult missing = runCli({QStringLiteral("import"), m_dir.filePath(QStringLiteral("absent.yaml"))});
        QCOMPARE(missing.exitCode, 2);
        QCOMPARE(runCli({QStringLiteral("import")}).exitCode, 2);
        QCOMPARE(runCli({QStringLiteral("import"), none, QStringLiteral("--bogus")}).exitCode, 2);
    }

    void exportRejectsUnknownFormats()
    {
        const CliResult result = runCli({QStringLiteral("export"), kOrder, QStringLiteral("--format"), QStringLiteral("terraform")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains("sam, cloudformation or cli"));
        QCOMPARE(runCli({QStringLiteral("export"), kOrder, QStringLiteral("--format"), QStringLiteral("sam"),
                         QStringLiteral("--syntax"), QStringLiteral("xml")}).exitCode, 2);
    }

    void helpDocumentsTheFormats()
    {
        const CliResult exportHelp = runCli({QStringLiteral("export"), QStringLiteral("--help")});
        QCOMPARE(exportHelp.exitCode, 0);
        QVERIFY(exportHelp.out.contains("create-state-machine"));
        QVERIFY(exportHelp.out.contains("cloudformation"));
        const CliResult importHelp = runCli({QStringLiteral("import"), QStringLiteral("--help")});
        QCOMPARE(importHelp.exitCode, 0);
        QVERIFY(importHelp.out.contains("--state-machine"));
        QVERIFY(runCli({QStringLiteral("--help")}).out.contains("import"));
    }
};

QTEST_APPLESS_MAIN(TestCliFormats)
#include "tst_cli_formats.moc"
