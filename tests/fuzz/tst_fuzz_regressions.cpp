// Replays every input a fuzzer once failed on (tests/fuzz/regressions/<target>/<file>) through
// the same entry the fuzzer runs (FuzzEntries.cpp). A regression shows as a crash, a hang (CTest
// timeout) or, in ./test.sh --sanitize, a sanitizer report.
#include "tests/fuzz/FuzzEntries.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

class TestFuzzRegressions : public QObject
{
    Q_OBJECT

private slots:
    void replay_data();
    void replay();
    void everyRegressionFolderNamesATarget();
};

void TestFuzzRegressions::replay_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("file");
    QDirIterator it(QStringLiteral(STEPWISE_FUZZ_REGRESSIONS_DIR), QDir::Files,
                    QDirIterator::Subdirectories);
    int rows = 0;
    while (it.hasNext()) {
        const QString file = it.next();
        const QString target = QFileInfo(file).dir().dirName();
        QTest::newRow(qPrintable(target + "/" + QFileInfo(file).fileName())) << target << file;
        ++rows;
    }
    if (rows == 0)
        QTest::newRow("no regressions yet") << QString() << QString();
}

void TestFuzzRegressions::replay()
{
    QFETCH(QString, target);
    QFETCH(QString, file);
    if (file.isEmpty())
        QSKIP("tests/fuzz/regressions holds no input yet");
    const auto entry = stepwise::fuzz::entryFor(target.toStdString());
    QVERIFY2(entry, qPrintable("no fuzz entry for folder " + target));
    QFile input(file);
    QVERIFY(input.open(QIODevice::ReadOnly));
    const QByteArray bytes = input.readAll();
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(entry(reinterpret_cast<const std::uint8_t *>(bytes.constData()),
                   static_cast<std::size_t>(bytes.size())),
             0);
    // Inputs that once hung must now finish well inside libFuzzer's 10 s hang limit.
    QVERIFY2(timer.elapsed() < 10000, qPrintable(QString("took %1 ms").arg(timer.elapsed())));
}

void TestFuzzRegressions::everyRegressionFolderNamesATarget()
{
    const QDir root(QStringLiteral(STEPWISE_FUZZ_REGRESSIONS_DIR));
    for (const QString &folder : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        QVERIFY2(stepwise::fuzz::entryFor(folder.toStdString()),
                 qPrintable("unknown fuzz target folder " + folder));
    for (const char *target : {"fuzz_asl", "fuzz_jsonpath", "fuzz_intrinsics", "fuzz_jsonata",
                               "fuzz_handlers_config"})
        QVERIFY(stepwise::fuzz::entryFor(target));
}

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzz_regressions.moc"
