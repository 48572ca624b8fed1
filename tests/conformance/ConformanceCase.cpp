// Selecting, running and judging corpus cases (conformance/README.md "How to run a case").
#include "ConformanceCase.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace stepwise::conformance {
namespace {

ConformanceCase makeCase(const Json &entry, bool task)
{
    ConformanceCase c;
    c.path = QString::fromStdString(entry.value("path", ""));
    const QString group = QString::fromStdString(entry.value("group", ""));
    c.group = task ? QStringLiteral("task:") + group : group;
    c.kind = QString::fromStdString(entry.value("kind", ""));
    c.type = QString::fromStdString(entry.value("state_machine_type", "STANDARD"));
    c.hasMock = task;
    return c;
}

Json readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Json();
    const QByteArray bytes = file.readAll();
    return Json::parse(bytes.begin(), bytes.end(), nullptr, false);
}

// "now" (plus N days for the boundary cases) in the stored value's format (README, Wait cases).
QString recomputedTimestamp(const Json &spec, const QString &caseName)
{
    const QString stored = QString::fromStdString(spec.value("value_used_when_this_corpus_was_generated", ""));
    const QString how = QString::fromStdString(spec.value("how_computed", ""));
    QDateTime now = QDateTime::currentDateTimeUtc();
    if (how.contains(QStringLiteral("N days"))) {
        const auto match = QRegularExpression(QStringLiteral("__(\\d+)$")).match(caseName);
        if (match.hasMatch())
            now = now.addDays(match.captured(1).toLongLong());
    }
    return now.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + stored.mid(19);
}

// Python's json.dumps (", " and ": " separators, ASCII only): how the tests sent their inputs.
std::string pythonDumps(const Json &value)
{
    if (value.is_object() || value.is_array()) {
        std::string out(1, value.is_object() ? '{' : '[');
        bool first = true;
        for (const auto &item : value.items()) {
            out += first ? "" : ", ";
            first = false;
            if (value.is_object())
                out += Json(item.key()).dump(-1, ' ', true) + ": ";
            out += pythonDumps(item.value());
        }
        return out + (value.is_object() ? '}' : ']');
    }
    return value.dump(-1, ' ', true);
}

// The corpus pretty-printed an input only where json.dumps of it gives the text sent
// (README "Layout"); the harness sends that text, as AWS echoes the input verbatim.
QString sentInput(const QString &stored, const QString &workDir, const QString &caseName)
{
    QFile file(stored);
    if (!file.open(QIODevice::ReadOnly))
        return stored;
    const QByteArray text = file.readAll();
    const Json parsed = Json::parse(text.begin(), text.end(), nullptr, false);
    if (parsed.is_discarded() || QByteArray::fromStdString(parsed.dump(2)) != text.trimmed())
        return stored;
    const QString path = workDir + QStringLiteral("/") + caseName + QStringLiteral(".sent.json");
    QFile out(path);
    if (out.open(QIODevice::WriteOnly))
        out.write(QByteArray::fromStdString(pythonDumps(parsed)));
    return path;
}

QString inputPath(const ConformanceCase &testCase, const QString &dir, const Json &expected,
                  const QString &workDir)
{
    if (QFile::exists(dir + QStringLiteral("/input.txt")))
        return dir + QStringLiteral("/input.txt");
    const QString stored = dir + QStringLiteral("/input.json");
    const auto runtime = expected.find("runtime_values_in_input");
    const QString flatName = QString(testCase.path).replace(QLatin1Char('/'), QLatin1Char('_'));
    if (runtime == expected.end() || !runtime->is_array())
        return QFile::exists(stored) ? sentInput(stored, workDir, flatName) : QString();
    Json input = readJson(stored);
    for (const Json &spec : *runtime) {
        const std::string field = spec.value("field", "");
        if (input.is_object() && !field.empty())
            input[field] = recomputedTimestamp(spec, testCase.path).toStdString();
    }
    const QString path = workDir + QStringLiteral("/") + flatName + QStringLiteral(".input.json");
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(QByteArray::fromStdString(pythonDumps(input)));
    return path;
}

bool decodesAllOutputs(const Json &expected)
{
    for (const Json &entry : expected.value("extra_placeholders", Json::array())) {
        if (entry.is_object() && entry.value("effect", "").find("JSON-decoded") != std::string::npos)
            return true;
    }
    return false;
}

std::optional<std::string> compareMember(const Json &expected, const Json &actual, const char *key,
                                         const Placeholders &placeholders)
{
    const bool want = expected.contains(key);
    if (want != actual.contains(key))
        return std::string(key) + (want ? " missing" : " unexpected: " + actual.at(key).dump());
    if (!want)
        return std::nullopt;
    Json have = actual.at(key);
    if (expected.at(key).is_object() && have.is_string()) // recorder rule 2 on causes
        have = decodeJsonTexts(Json::object({{"v", have}})).at("v");
    return compareValues(expected.at(key), have, placeholders, std::string("$.") + key);
}

std::optional<std::string> compareOutcome(const Json &expected, const Json &actual,
                                          const Placeholders &placeholders)
{
    if (!actual.is_object())
        return std::string("no JSON outcome on standard output");
    if (actual.value("status", "") != expected.value("status", ""))
        return "status: expected " + expected.value("status", "") + ", got " +
               actual.value("status", "") + " " + actual.dump().substr(0, 400);
    for (const char *key : {"output", "error", "cause"}) {
        if (auto diff = compareMember(expected, actual, key, placeholders))
            return diff;
    }
    return std::nullopt;
}

} // namespace

std::vector<ConformanceCase> selectCases(const Json &index, const QStringList &deviations)
{
    static const QStringList kinds = {"execution", "execution_output_only", "execution_sync",
                                      "create_rejected", "start_rejected"};
    std::vector<ConformanceCase> selected;
    for (const Json &entry : index.value("cases", Json::array())) {
        ConformanceCase c = makeCase(entry, false);
        if (kinds.contains(c.kind) && !deviations.contains(c.path))
            selected.push_back(c);
    }
    for (const Json &entry : index.value("task_cases", Json::array())) {
        ConformanceCase c = makeCase(entry, true);
        if (!deviations.contains(c.path))
            selected.push_back(c);
    }
    return selected;
}

QStringList readDeviations(const QString &markdownPath)
{
    QFile file(markdownPath);
    QStringList paths;
    if (!file.open(QIODevice::ReadOnly))
        return paths;
    const QString text = QString::fromUtf8(file.readAll());
    static const QRegularExpression pattern(QStringLiteral("`((?:task-)?cases/[^`]+)`"));
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        paths << it.next().captured(1);
    return paths;
}

QStringList cliArguments(const ConformanceCase &testCase, const QString &corpusDir,
                         const Json &expected, const QString &workDir, const QString &historyPath)
{
    const QString dir = corpusDir + QStringLiteral("/") + testCase.path;
    QStringList args = {QStringLiteral("run"), dir + QStringLiteral("/definition.asl.json"),
                        QStringLiteral("--type"), testCase.type, QStringLiteral("--history"),
                        historyPath};
    const QString input = inputPath(testCase, dir, expected, workDir);
    if (!input.isEmpty())
        args << QStringLiteral("--input") << input;
    if (testCase.hasMock) {
        const Json mock = expected.value("mock", Json::object());
        args << QStringLiteral("--mock-config") << dir + QStringLiteral("/mockconfig.json")
             << QStringLiteral("--state-machine")
             << QString::fromStdString(mock.value("state_machine", "Recorded"))
             << QStringLiteral("--test-case")
             << QString::fromStdString(mock.value("test_case", "Recorded"));
    }
    return args;
}

Verdict judge(const ConformanceCase &testCase, const Json &expected, const QByteArray &stdoutText,
              const QString &historyPath)
{
    Verdict verdict;
    const Placeholders placeholders = Placeholders::fromExpected(expected);
    const Json actual = Json::parse(stdoutText.begin(), stdoutText.end(), nullptr, false);
    const auto outcomeDiff = compareOutcome(expected, actual, placeholders);
    verdict.outcomePass = !outcomeDiff;
    if (outcomeDiff)
        verdict.detail = QStringLiteral("outcome: ") + QString::fromStdString(*outcomeDiff);
    const Json &events = expected.value("events", Json());
    if (testCase.kind != QStringLiteral("execution") || !events.is_array())
        return verdict;
    const Json history = readJson(historyPath);
    CompareOptions options;
    options.decodeAllOutputs = decodesAllOutputs(expected);
    const auto historyDiff =
        compareHistories(events, history.is_object() ? history.value("events", Json()) : Json(),
                         placeholders, options);
    verdict.historyPass = !historyDiff;
    if (historyDiff)
        verdict.detail += (verdict.detail.isEmpty() ? QString() : QStringLiteral("\n  ")) +
                          QStringLiteral("history: ") + QString::fromStdString(*historyDiff);
    return verdict;
}

} // namespace stepwise::conformance
