// Every example runs in the designer (issue 7: "runs to its expected output in the designer"):
// opened in the main window, run by its debugger with the mock config's first test case and
// with its local-program bindings, each to the outcome in <name>.expected.json.
#include "core/common/Json.h"
#include "core/engine/Execution.h"
#include "ui/MainWindow.h"
#include "ui/debug/DebugController.h"
#include "ui/document/Document.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdlib>

using namespace stepwise;
using namespace stepwise::ui;

namespace {

const QString kExamples = QStringLiteral(STEPWISE_SOURCE_DIR "/resources/examples/");

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// What `stepwise-cli run` prints for a finished execution, the shape expected.json records.
nlohmann::json outcomeOf(const engine::Execution &execution)
{
    nlohmann::json outcome;
    switch (execution.status()) {
    case engine::ExecutionStatus::Succeeded:
        outcome["status"] = "SUCCEEDED";
        outcome["output"] = nlohmann::json::parse(execution.output().dump());
        return outcome;
    case engine::ExecutionStatus::Failed: outcome["status"] = "FAILED"; break;
    case engine::ExecutionStatus::TimedOut: outcome["status"] = "TIMED_OUT"; break;
    case engine::ExecutionStatus::Aborted: outcome["status"] = "ABORTED"; break;
    case engine::ExecutionStatus::Running: outcome["status"] = "RUNNING"; break;
    }
    if (execution.error())
        outcome["error"] = *execution.error();
    if (execution.cause())
        outcome["cause"] = *execution.cause();
    return outcome;
}

} // namespace

class TestExampleRuns : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        // The task-manager example's local DynamoDB keeps its table in a file: a scratch one.
        QStandardPaths::setTestModeEnabled(true); // the run store goes to a test location
        QVERIFY(m_scratch.isValid());
        qputenv("STEPWISE_TASKS_TABLE", m_scratch.filePath(QStringLiteral("tasks.json")).toUtf8());
    }

    void runsToItsExpectedOutput_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("bindings");
        const QStringList names =
            QDir(kExamples).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        QVERIFY(names.size() >= 5);
        for (const QString &name : names) {
            QTest::newRow(qPrintable(name + QStringLiteral("/first test case"))) << name << false;
            QTest::newRow(qPrintable(name + QStringLiteral("/bindings"))) << name << true;
        }
    }

    void runsToItsExpectedOutput()
    {
        QFETCH(QString, name);
        QFETCH(bool, bindings);
        const QString base = kExamples + name + QLatin1Char('/') + name;
        const Json expectedAll = Json::parse(readText(base + QStringLiteral(".expected.json")).toStdString());
        const Json mock = Json::parse(readText(base + QStringLiteral(".mockconfig.json")).toStdString());
        MainWindow window;
        QVERIFY(window.openFile(base + QStringLiteral(".asl.json"), true));
        QVERIFY(window.document()->hasMachine());

        RunConfig config;
        config.inputText = readText(base + QStringLiteral(".input.json"));
        Json expected;
        if (bindings) {
            if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
                QSKIP("python3 is needed by the example's handler programs");
            config.bindingsPath = base + QStringLiteral(".bindings.json");
            expected = expectedAll.at("Bindings");
        } else {
            const Json &cases = mock.at("StateMachines").at(name.toStdString()).at("TestCases");
            const std::string first = cases.begin().key();
            config.mockConfigPath = base + QStringLiteral(".mockconfig.json");
            config.testCase = QString::fromStdString(first);
            config.stateMachineName = name;
            expected = expectedAll.at("TestCases").at(first);
        }
        DebugController *debugger = window.debugger();
        debugger->setRunConfig(config);
        debugger->setSpeed(0);
        QString problem;
        connect(debugger, &DebugController::errorOccurred, this,
                [&problem](const QString &message) { problem = message; });
        QVERIFY2(debugger->start(), qPrintable(problem));
        QTRY_VERIFY2_WITH_TIMEOUT(debugger->phase() == DebugController::Phase::Finished,
                                  qPrintable(problem), 60000);
        QVERIFY(debugger->execution());
        const nlohmann::json actual = outcomeOf(*debugger->execution());
        const nlohmann::json wanted = nlohmann::json::parse(expected.dump());
        QVERIFY2(actual == wanted, qPrintable(QStringLiteral("got %1\nexpected %2")
                                                   .arg(QString::fromStdString(actual.dump()),
                                                        QString::fromStdString(wanted.dump()))));
    }

private:
    QTemporaryDir m_scratch;
};

QTEST_MAIN(TestExampleRuns)
#include "tst_example_runs.moc"
