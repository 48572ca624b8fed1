// Data safety under faults (issue 8): a designer killed during an edit loses at most the last
// few seconds (recovery file); one killed during a run keeps every event recorded so far and the
// run reads as interrupted; a full disk during save leaves the old file intact; a huge file is
// refused with a message instead of freezing the window.
//
// The killed designer is this executable started again in a "child" role (STEPWISE_FAULTS_CHILD)
// that drives the real MainWindow / DebugController exactly as a user's session would, then is
// ended with SIGKILL: nothing runs at exit, as in a crash or a power cut.
#include "core/asl/Parser.h"
#include "core/asl/Serializer.h"
#include "ui/MainWindow.h"
#include "ui/commands/RenameStateCommand.h"
#include "ui/commands/ReplaceMachineCommand.h"
#include "ui/debug/DebugController.h"
#include "ui/debug/RunStore.h"
#include "ui/document/Document.h"
#include "ui/document/DocumentIo.h"
#include "ui/files/RecoveryController.h"
#include "ui/files/RecoveryStore.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <csignal>
#include <cstdio>
#include <sys/resource.h>

using namespace stepwise;
using namespace stepwise::ui;

namespace {

const char *const ChildRole = "STEPWISE_FAULTS_CHILD";
const char *const ChildFile = "STEPWISE_FAULTS_FILE";

QString twoStateMachine()
{
    return QStringLiteral(
        "{\n  \"StartAt\": \"First\",\n  \"States\": {\n"
        "    \"First\": {\"Type\": \"Pass\", \"Next\": \"Second\"},\n"
        "    \"Second\": {\"Type\": \"Succeed\"}\n  }\n}\n");
}

// A valid machine whose run never ends by itself: the input never has "stop".
QString endlessMachine()
{
    return QStringLiteral(
        "{\n  \"StartAt\": \"Ping\",\n  \"States\": {\n"
        "    \"Ping\": {\"Type\": \"Pass\", \"Next\": \"Stop?\"},\n"
        "    \"Stop?\": {\"Type\": \"Choice\", \"Default\": \"Ping\", \"Choices\": "
        "[{\"Variable\": \"$.stop\", \"IsPresent\": true, \"Next\": \"Done\"}]},\n"
        "    \"Done\": {\"Type\": \"Succeed\"}\n  }\n}\n");
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void say(const QByteArray &line)
{
    std::fputs((line + '\n').constData(), stdout);
    std::fflush(stdout);
}

// Child "edit": the designer on a file, one rename made as the user makes it, then left running
// with the default recovery interval until it is killed.
int childEdit(QApplication &app)
{
    MainWindow window;
    if (!window.openFile(qEnvironmentVariable(ChildFile), true))
        return 3;
    window.show();
    window.document()->undoStack()->push(
        new RenameStateCommand(window.document(), asl::StatePath{"/States/First"}, "Renamed"));
    say("edited");
    return app.exec();
}

// Child "run": a debugger run of an endless machine at 50 events per second, stored as the
// designer stores it; reports how many events the store has acknowledged.
int childRun(QApplication &app)
{
    Document document;
    auto machine = asl::parse(endlessMachine().toStdString());
    if (!machine)
        return 3;
    document.reset(std::move(machine).value(), {}, QStringLiteral("endless.asl.json"));
    RunStore store(qEnvironmentVariable(ChildFile));
    if (store.open())
        return 4;
    DebugController controller(&document);
    controller.setRunStore(&store);
    controller.setSpeed(50);
    QObject::connect(&controller, &DebugController::eventsAppended, [](int, int last) {
        say("stored " + QByteArray::number(last + 1)); // appendEvents ran before this signal
    });
    QObject::connect(&controller, &DebugController::errorOccurred,
                     [](const QString &message) { say("error " + message.toUtf8()); });
    if (!controller.start())
        return 5;
    return app.exec();
}

// Starts this executable in `role`, with `file` passed along.
std::unique_ptr<QProcess> startChild(const QString &role, const QString &file)
{
    auto child = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(ChildRole), role);
    env.insert(QString::fromLatin1(ChildFile), file);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    child->setProcessEnvironment(env);
    child->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child->start(QCoreApplication::applicationFilePath(), {});
    return child;
}

// Reads the child's lines until `done` says so or `timeoutMs` passes; returns the last line.
QByteArray readUntil(QProcess &child, const std::function<bool(const QByteArray &)> &done,
                     int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    QByteArray last;
    while (timer.elapsed() < timeoutMs && child.state() != QProcess::NotRunning) {
        if (!child.canReadLine() && !child.waitForReadyRead(200))
            continue;
        while (child.canReadLine()) {
            last = child.readLine().trimmed();
            if (done(last))
                return last;
        }
    }
    return last;
}

void killHard(QProcess &child)
{
    ::kill(static_cast<pid_t>(child.processId()), SIGKILL);
    child.waitForFinished(10000);
}

} // namespace

class TestFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void killedDuringEditLosesAtMostAFewSeconds();
    void killedDuringRunKeepsEveryStoredEvent();
    void fullDiskDuringSaveKeepsOldFile_data();
    void fullDiskDuringSaveKeepsOldFile();
    void hugeFileIsRefusedWithAMessage();

private:
    QTemporaryDir m_home;
};

void TestFaults::initTestCase()
{
    QVERIFY(m_home.isValid());
    // The children inherit this: recovery files, the run store and settings stay in the sandbox.
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
}

void TestFaults::killedDuringEditLosesAtMostAFewSeconds()
{
    const QString file = m_home.filePath(QStringLiteral("machine.asl.json"));
    QVERIFY(writeFile(file, twoStateMachine().toUtf8()));
    const QString recoveryDir = RecoveryStore::defaultDirectory();
    QVERIFY2(recoveryDir.startsWith(m_home.path()), qPrintable(recoveryDir));

    auto child = startChild(QStringLiteral("edit"), file);
    QVERIFY(child->waitForStarted());
    const QByteArray said = readUntil(*child, [](const QByteArray &l) { return l == "edited"; },
                                      30000);
    QCOMPARE(said, QByteArray("edited"));
    QElapsedTimer sinceEdit;
    sinceEdit.start();
    // The recovery file must appear within the interval (plus slack for a loaded machine).
    const QStringList pattern{QStringLiteral("*.recovery.json")};
    while (QDir(recoveryDir).entryList(pattern, QDir::Files).isEmpty()
           && sinceEdit.elapsed() < RecoveryController::defaultIntervalMs + 10000)
        QTest::qWait(100);
    const qint64 writtenAfter = sinceEdit.elapsed();
    QVERIFY2(!QDir(recoveryDir).entryList(pattern, QDir::Files).isEmpty(),
             "no recovery file was written");
    QVERIFY2(writtenAfter <= RecoveryController::defaultIntervalMs + 10000,
             qPrintable(QString("recovery file after %1 ms").arg(writtenAfter)));
    QTest::qWait(300); // let the atomic rename settle before the crash
    killHard(*child);
    QCOMPARE(child->exitStatus(), QProcess::CrashExit);
    QCOMPARE(readFile(file), twoStateMachine().toUtf8()); // the file itself was never saved

    // The next session offers the work back; "Restore" puts the edit in, unsaved.
    MainWindow window;
    QVERIFY(window.openFile(file, true));
    bool clicked = false;
    QTimer::singleShot(200, &window, [&clicked] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        for (QAbstractButton *button : box->buttons())
            if (button->text() == QStringLiteral("Restore")) {
                clicked = true;
                button->click();
            }
    });
    QVERIFY(window.offerRecovery());
    QVERIFY(clicked);
    const asl::StateMachine &machine = window.document()->machine();
    QVERIFY(machine.find("Renamed") != nullptr);
    QVERIFY(machine.find("First") == nullptr);
    QVERIFY(!window.document()->isClean());
    QCOMPARE(window.document()->filePath(), file);
}

void TestFaults::killedDuringRunKeepsEveryStoredEvent()
{
    const QString database = m_home.filePath(QStringLiteral("runs-kill.sqlite"));
    auto child = startChild(QStringLiteral("run"), database);
    QVERIFY(child->waitForStarted());
    int acknowledged = 0;
    readUntil(
        *child,
        [&acknowledged](const QByteArray &line) {
            if (line.startsWith("stored "))
                acknowledged = line.mid(7).toInt();
            return acknowledged >= 40;
        },
        60000);
    QVERIFY2(acknowledged >= 40, "the run did not get going");
    killHard(*child);
    // Anything the child said after our last read is also in the store: read what is left.
    for (const QByteArray &line : child->readAllStandardOutput().split('\n'))
        if (line.startsWith("stored "))
            acknowledged = std::max(acknowledged, line.mid(7).trimmed().toInt());

    RunStore store(database);
    QVERIFY(!store.open());
    const std::vector<StoredRun> runs = store.runs();
    QCOMPARE(runs.size(), std::size_t(1));
    QCOMPARE(runs.front().status, QStringLiteral("INTERRUPTED"));
    auto history = store.loadHistory(runs.front().id);
    QVERIFY(history);
    QVERIFY2(static_cast<int>(history->size()) >= acknowledged,
             qPrintable(QString("stored %1 events, the session had recorded %2")
                            .arg(history->size())
                            .arg(acknowledged)));
    for (std::size_t i = 0; i < history->size(); ++i)
        QCOMPARE(history->at(i).id, static_cast<std::int64_t>(i + 1)); // no gap, no torn event
    QCOMPARE(history->at(0).type, std::string("ExecutionStarted"));
}

void TestFaults::fullDiskDuringSaveKeepsOldFile_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("file size limit (EFBIG)") << QStringLiteral("rlimit");
    QTest::newRow("full tmpfs (ENOSPC)") << QStringLiteral("tmpfs");
}

void TestFaults::fullDiskDuringSaveKeepsOldFile()
{
    QFETCH(QString, how);
    QTemporaryDir dir(m_home.filePath(QStringLiteral("full-XXXXXX")));
    QVERIFY(dir.isValid());
    struct Mount
    {
        QString path; // unmounted however the test ends
        ~Mount()
        {
            if (!path.isEmpty())
                QProcess::execute(QStringLiteral("umount"), {path});
        }
    } mount;
    if (how == QStringLiteral("tmpfs")) {
        const int code = QProcess::execute(
            QStringLiteral("mount"),
            {"-t", "tmpfs", "-o", "size=64k", "tmpfs", dir.path()});
        if (code != 0)
            QSKIP("cannot mount a small tmpfs here (needs root)");
        mount.path = dir.path();
    }
    const QString file = QDir(dir.path()).filePath(QStringLiteral("machine.asl.json"));
    const QByteArray old = twoStateMachine().toUtf8();
    QVERIFY(writeFile(file, old));

    // A definition far larger than the space left: a Pass state with a 256 KiB Result.
    Document document;
    auto machine = asl::parse(twoStateMachine().toStdString());
    QVERIFY(machine);
    document.reset(std::move(machine).value(), {}, file);
    Json big = Json::parse(asl::serialize(document.machine()));
    big["States"]["First"]["Result"] = std::string(256 * 1024, 'x');
    auto bigMachine = asl::fromJson(big);
    QVERIFY(bigMachine);
    document.undoStack()->push(new ReplaceMachineCommand(&document, std::move(bigMachine).value()));

    rlimit previous{};
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN); // EFBIG instead of a signal
    if (how == QStringLiteral("rlimit")) {
        QVERIFY(::getrlimit(RLIMIT_FSIZE, &previous) == 0);
        rlimit small = previous;
        small.rlim_cur = 16 * 1024;
        QVERIFY(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    }
    QString error;
    const bool saved = saveDocument(document, file, error);
    if (how == QStringLiteral("rlimit"))
        ::setrlimit(RLIMIT_FSIZE, &previous);
    std::signal(SIGXFSZ, previousHandler);

    const QByteArray after = readFile(file);
    const QStringList left = QDir(dir.path()).entryList(QDir::Files | QDir::Hidden);
    QVERIFY(!saved);
    QVERIFY2(error.contains(file), qPrintable(error)); // the message names the file
    QCOMPARE(after, old);
    QCOMPARE(left, QStringList{QStringLiteral("machine.asl.json")}); // no temporary left behind
    QVERIFY(!document.isClean()); // still unsaved: the user can save elsewhere
}

void TestFaults::hugeFileIsRefusedWithAMessage()
{
    const QString file = m_home.filePath(QStringLiteral("huge.asl.json"));
    {
        // 50 MB of a syntactically valid definition: one Pass state with a huge Comment.
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(R"({"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true, "Comment": ")");
        const QByteArray chunk(1024 * 1024, 'c');
        for (int i = 0; i < 50; ++i)
            QCOMPARE(out.write(chunk), chunk.size());
        out.write("\"}}}\n");
    }
    QString error;
    const auto loaded = loadDocument(file, error); // refused by its size, before reading it
    QVERIFY(!loaded);
    QVERIFY2(error.contains(QStringLiteral("50.0 MiB")) && error.contains(file), qPrintable(error));

    // The designer says so and keeps what it had.
    const QString small = m_home.filePath(QStringLiteral("small.asl.json"));
    QVERIFY(writeFile(small, twoStateMachine().toUtf8()));
    MainWindow window;
    QVERIFY(window.openFile(small, true));
    const std::size_t before = window.document()->machine().states.size();
    QVERIFY(!window.openFile(file, true));
    QCOMPARE(window.document()->machine().states.size(), before);
}

int main(int argc, char **argv)
{
    const QByteArray role = qgetenv(ChildRole);
    QApplication app(argc, argv);
    // The same names as the designer, so the same data folders (under the test's XDG dirs).
    QApplication::setApplicationName(QStringLiteral("Stepwise"));
    QApplication::setOrganizationName(QStringLiteral("Stepwise"));
    if (role == "edit")
        return childEdit(app);
    if (role == "run")
        return childRun(app);
    TestFaults test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_faults.moc"
