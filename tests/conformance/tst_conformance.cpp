// The AWS conformance corpus through `stepwise-cli run --history`, judged by the corpus rules.
// STEPWISE_CONFORMANCE_FILTER=regex runs the matching case paths only (no ratchet check);
// STEPWISE_CONFORMANCE_VERBOSE=1 prints every failing case with its first difference.
#include "ConformanceCase.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <cstdio>
#include <map>
#include <thread>

using namespace stepwise;
using namespace stepwise::conformance;

namespace {

const QString kCorpus = QStringLiteral(STEPWISE_SHARED_DIR "/conformance");
const QString kHere = QStringLiteral(STEPWISE_SOURCE_DIR "/tests/conformance");
constexpr int kCaseTimeoutMs = 60000;

struct Outcome
{
    Verdict verdict;
    bool ran = false;
};

Json readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Json();
    const QByteArray bytes = file.readAll();
    return Json::parse(bytes.begin(), bytes.end(), nullptr, false);
}

Outcome runCase(const ConformanceCase &testCase, const QString &workDir, int slot)
{
    Outcome outcome;
    const Json expected = readJson(kCorpus + QStringLiteral("/") + testCase.path +
                                   QStringLiteral("/expected.json"));
    const QString history = workDir + QStringLiteral("/history-%1.json").arg(slot);
    QFile::remove(history);
    QProcess process;
    process.start(QStringLiteral(STEPWISE_CLI_PATH),
                  cliArguments(testCase, kCorpus, expected, workDir, history));
    process.closeWriteChannel();
    if (!process.waitForFinished(kCaseTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        outcome.verdict.detail = QStringLiteral("stepwise-cli did not finish in time");
        return outcome;
    }
    outcome.ran = true;
    outcome.verdict = judge(testCase, expected, process.readAllStandardOutput(), history);
    const QByteArray err = process.readAllStandardError().trimmed();
    if (!outcome.verdict.outcomePass && !err.isEmpty())
        outcome.verdict.detail += QStringLiteral("\n  stderr: ") + QString::fromUtf8(err.left(500));
    return outcome;
}

// Runs the cases on several worker threads, each driving one stepwise-cli at a time.
std::vector<Outcome> runAll(const std::vector<ConformanceCase> &cases, const QString &workDir)
{
    std::vector<Outcome> outcomes(cases.size());
    std::atomic<std::size_t> next{0};
    const unsigned workers = std::max(2u, std::min(6u, std::thread::hardware_concurrency() * 2));
    std::vector<std::thread> threads;
    for (unsigned w = 0; w < workers; ++w) {
        threads.emplace_back([&, w] {
            for (std::size_t i = next++; i < cases.size(); i = next++)
                outcomes[i] = runCase(cases[i], workDir, static_cast<int>(w));
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    return outcomes;
}

struct Tally
{
    int cases = 0;
    int outcome = 0;
    int withHistory = 0;
    int history = 0;

    void add(const Verdict &verdict)
    {
        ++cases;
        outcome += verdict.outcomePass ? 1 : 0;
        if (verdict.historyPass) {
            ++withHistory;
            history += *verdict.historyPass ? 1 : 0;
        }
    }
};

void printTable(const std::map<QString, Tally> &groups, const Tally &total)
{
    std::printf("\n%-44s %6s %8s %13s\n", "group", "cases", "outcome", "history");
    auto row = [](const QString &name, const Tally &t) {
        std::printf("%-44s %6d %8d %6d / %-5d\n", qPrintable(name), t.cases, t.outcome, t.history,
                    t.withHistory);
    };
    for (const auto &[name, tally] : groups)
        row(name, tally);
    row(QStringLiteral("TOTAL"), total);
    std::fflush(stdout);
}

} // namespace

class TestConformance : public QObject
{
    Q_OBJECT

private slots:
    void corpus()
    {
        if (!QDir(kCorpus).exists())
            QSKIP("the conformance corpus (STEPWISE_SHARED_DIR/conformance) is not present");
        const Json index = readJson(kCorpus + QStringLiteral("/index.json"));
        QVERIFY2(index.is_object(), "index.json is missing or not JSON");
        std::vector<ConformanceCase> cases =
            selectCases(index, readDeviations(kHere + QStringLiteral("/DEVIATIONS.md")));
        QVERIFY(!cases.empty());

        const QString filter = qEnvironmentVariable("STEPWISE_CONFORMANCE_FILTER");
        if (!filter.isEmpty()) {
            const QRegularExpression pattern(filter);
            QVERIFY2(pattern.isValid(), "STEPWISE_CONFORMANCE_FILTER is not a valid regex");
            std::erase_if(cases, [&](const ConformanceCase &c) { return !pattern.match(c.path).hasMatch(); });
        }
        QTemporaryDir workDir;
        QVERIFY(workDir.isValid());
        const std::vector<Outcome> outcomes = runAll(cases, workDir.path());

        const bool verbose = qEnvironmentVariableIntValue("STEPWISE_CONFORMANCE_VERBOSE") != 0;
        std::map<QString, Tally> groups;
        Tally total;
        for (std::size_t i = 0; i < cases.size(); ++i) {
            const Verdict &verdict = outcomes[i].verdict;
            groups[cases[i].group].add(verdict);
            total.add(verdict);
            const bool failed = !verdict.outcomePass || (verdict.historyPass == false);
            if (verbose && failed)
                std::printf("FAIL %s\n  %s\n", qPrintable(cases[i].path), qPrintable(verdict.detail));
        }
        printTable(groups, total);
        QVERIFY(total.cases > 0);
        if (!filter.isEmpty())
            return;
        checkRatchet(total);
    }

private:
    static void checkRatchet(const Tally &total)
    {
        const Json ratchet = readJson(kHere + QStringLiteral("/ratchet.json"));
        QVERIFY2(ratchet.is_object(), "tests/conformance/ratchet.json is missing or not JSON");
        const int outcome = ratchet.value("outcome_pass", 0);
        const int history = ratchet.value("history_pass", 0);
        if (total.outcome > outcome || total.history > history)
            std::printf("Conformance improved: raise tests/conformance/ratchet.json to "
                        "{\"outcome_pass\": %d, \"history_pass\": %d}\n",
                        total.outcome, total.history);
        QVERIFY2(total.outcome >= outcome,
                 qPrintable(QStringLiteral("outcome passes dropped to %1 (ratchet %2)")
                                .arg(total.outcome).arg(outcome)));
        QVERIFY2(total.history >= history,
                 qPrintable(QStringLiteral("history passes dropped to %1 (ratchet %2)")
                                .arg(total.history).arg(history)));
    }
};

QTEST_APPLESS_MAIN(TestConformance)
#include "tst_conformance.moc"
