// Lossless round trips (text → JSON → model → JSON, and JSON → YAML → JSON) over every
// definition we have, plus model edits that add and remove fields.
#include "core/asl/Parser.h"
#include "core/asl/Serializer.h"

#include <QTest>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace stepwise;
using namespace stepwise::asl;
namespace fs = std::filesystem;

namespace {

std::string readText(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<fs::path> filesUnder(const fs::path &root, const std::string &suffix)
{
    std::vector<fs::path> files;
    if (!fs::is_directory(root))
        return files;
    for (const auto &entry : fs::recursive_directory_iterator(root)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file() && name.size() >= suffix.size() &&
            name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<fs::path> conformanceDefinitions()
{
    const fs::path shared = STEPWISE_SHARED_DIR;
    std::vector<fs::path> files =
        filesUnder(shared / "conformance" / "cases", "definition.asl.json");
    const auto tasks = filesUnder(shared / "conformance" / "task-cases", "definition.asl.json");
    files.insert(files.end(), tasks.begin(), tasks.end());
    return files;
}

std::vector<fs::path> testDataFiles()
{
    const fs::path data = STEPWISE_TEST_DATA_DIR;
    std::vector<fs::path> files = filesUnder(data / "valid", ".json");
    const auto yaml = filesUnder(data / "valid", ".yaml");
    const auto invalid = filesUnder(data / "invalid", ".json");
    files.insert(files.end(), yaml.begin(), yaml.end());
    files.insert(files.end(), invalid.begin(), invalid.end());
    return files;
}

// Both checks of requirement 4 on one document; returns a failure description or "".
std::string roundTripFailure(const Json &document)
{
    const std::string original = document.dump();
    auto machine = fromJson(document);
    if (!machine)
        return "fromJson failed: " + machine.error().message + " at " + machine.error().pointer;
    const std::string written = toJson(machine.value()).dump();
    if (written != original)
        return "model round trip differs:\n" + original + "\n" + written;
    auto reread = parseDocument(jsonToYaml(document), SourceFormat::Yaml);
    if (!reread)
        return "YAML did not parse: " + reread.error().message;
    if (reread.value().dump() != original)
        return "YAML round trip differs:\n" + original + "\n" + reread.value().dump();
    return {};
}

struct CorpusResult
{
    int checked = 0;
    QStringList failures;
};

// Definitions that a model cannot represent at all (e.g. a state that is not an object) are
// skipped; every other one must round-trip.
CorpusResult checkAll(const std::vector<fs::path> &files, bool yamlAllowed)
{
    CorpusResult result;
    for (const fs::path &file : files) {
        const auto format = yamlAllowed ? SourceFormat::Auto : SourceFormat::Json;
        auto document = parseDocument(readText(file), format);
        if (!document || !fromJson(document.value()))
            continue;
        const std::string failure = roundTripFailure(document.value());
        if (!failure.empty())
            result.failures << QString::fromStdString(file.string() + ": " + failure);
        ++result.checked;
    }
    return result;
}

} // namespace

class TestSerializerRoundTrip : public QObject
{
    Q_OBJECT

private slots:
    void conformanceCorpus()
    {
        const auto files = conformanceDefinitions();
        if (files.empty())
            QSKIP("conformance corpus not present");
        const CorpusResult result = checkAll(files, false);
        qInfo("round-tripped %d of %d conformance definitions", result.checked, int(files.size()));
        QVERIFY2(result.failures.isEmpty(), qPrintable(result.failures.mid(0, 3).join("\n")));
        QVERIFY(result.checked > int(files.size()) * 9 / 10);
    }

    void testDataCorpus()
    {
        const auto files = testDataFiles();
        QVERIFY(!files.empty());
        const CorpusResult result = checkAll(files, true);
        qInfo("round-tripped %d of %d test data files", result.checked, int(files.size()));
        QVERIFY2(result.failures.isEmpty(), qPrintable(result.failures.mid(0, 3).join("\n")));
        QVERIFY(result.checked >= 10);
    }

    void validFilesBuildModels()
    {
        const fs::path valid = fs::path(STEPWISE_TEST_DATA_DIR) / "valid";
        auto files = filesUnder(valid, ".json");
        const auto yaml = filesUnder(valid, ".yaml");
        files.insert(files.end(), yaml.begin(), yaml.end());
        for (const fs::path &file : files) {
            auto machine = parse(readText(file));
            QVERIFY2(machine.hasValue(), qPrintable(QString::fromStdString(file.string())));
            QVERIFY(machine->startAt.has_value());
            QVERIFY(!machine->states.empty());
        }
    }

    void settingAnAbsentFieldAppendsIt()
    {
        auto machine = parse(R"({"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}})");
        QVERIFY(machine.hasValue());
        auto &pass = std::get<PassState>(machine->states.front());
        pass.comment = "added";
        pass.resultPath = PathField::null();
        machine->comment = "top";
        const Json out = toJson(machine.value());
        QCOMPARE(out.dump(),
                 std::string(R"({"StartAt":"A","States":{"A":{"Type":"Pass","End":true,)"
                             R"("Comment":"added","ResultPath":null}},"Comment":"top"})"));
    }

    void clearingAFieldRemovesIt()
    {
        auto machine = parse(R"({"Comment":"c","StartAt":"A","States":{"A":{"Type":"Task",)"
                             R"("Resource":"arn:aws:states:::lambda:invoke","InputPath":"$.x",)"
                             R"("Retry":[{"ErrorEquals":["States.ALL"]}],"Next":"B"},)"
                             R"("B":{"Type":"Succeed"}}})");
        QVERIFY(machine.hasValue());
        auto &task = std::get<TaskState>(machine->states.front());
        task.inputPath = PathField::absent();
        task.retry.reset();
        task.next.reset();
        task.end = true;
        machine->comment.reset();
        QCOMPARE(toJson(machine.value()).dump(),
                 std::string(R"({"StartAt":"A","States":{"A":{"Type":"Task",)"
                             R"("Resource":"arn:aws:states:::lambda:invoke","End":true},)"
                             R"("B":{"Type":"Succeed"}}})"));
    }

    void editsReplaceWrongTypedExtras()
    {
        auto machine = parse(R"({"StartAt":"A","States":{"A":{"Type":"Pass","Next":5,"X":1}}})");
        QVERIFY(machine.hasValue());
        QCOMPARE(toJson(machine.value()).dump(),
                 std::string(R"({"StartAt":"A","States":{"A":{"Type":"Pass","Next":5,"X":1}}})"));
        common(machine->states.front()).next = "B";
        QCOMPARE(toJson(machine.value()).dump(),
                 std::string(R"({"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B","X":1}}})"));
    }

    void addedStatesAndSwitchedIteratorKeepOrder()
    {
        auto machine = parse(R"({"StartAt":"M","States":{"M":{"Type":"Map","Iterator":)"
                             R"({"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}},)"
                             R"("End":true}}})");
        QVERIFY(machine.hasValue());
        auto &map = std::get<MapState>(machine->states.front());
        QVERIFY(map.legacyIterator);
        map.legacyIterator = false;
        SucceedState done;
        done.name = "Done";
        done.type = "Succeed";
        machine->states.emplace_back(done);
        QCOMPARE(toJson(machine.value()).dump(),
                 std::string(R"({"StartAt":"M","States":{"M":{"Type":"Map","End":true,)"
                             R"("ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass",)"
                             R"("End":true}}}},"Done":{"Type":"Succeed"}}})"));
    }

    void machineBuiltInCodeUsesCanonicalOrder()
    {
        StateMachine machine;
        machine.startAt = "A";
        machine.comment = "new";
        TaskState task;
        task.name = "A";
        task.type = "Task";
        task.end = true;
        task.resource = "arn:aws:states:::lambda:invoke";
        Catcher catcher;
        catcher.errorEquals = {"States.ALL"};
        catcher.next = "A";
        task.catchers = std::vector<Catcher>{catcher};
        machine.states.emplace_back(task);
        QCOMPARE(toJson(machine).dump(),
                 std::string(R"({"Comment":"new","StartAt":"A","States":{"A":{"Type":"Task",)"
                             R"("Resource":"arn:aws:states:::lambda:invoke","Catch":[{)"
                             R"("ErrorEquals":["States.ALL"],"Next":"A"}],"End":true}}})"));
    }

    void serializeFormatsText()
    {
        auto machine = parse(R"({"StartAt":"Ä","States":{"Ä":{"Type":"Succeed"}}})");
        QVERIFY(machine.hasValue());
        const std::string text = serialize(machine.value());
        QCOMPARE(text, std::string("{\n  \"StartAt\": \"Ä\",\n  \"States\": {\n    \"Ä\": {\n"
                                   "      \"Type\": \"Succeed\"\n    }\n  }\n}\n"));
        QCOMPARE(serialize(machine.value(), 4).substr(0, 15), std::string("{\n    \"StartAt\""));
    }

    void serializeYamlReadsBack()
    {
        const std::string text = R"({"StartAt":"S","States":{"S":{"Type":"Pass","Result":)"
                                 R"({"t":"true","n":"12","e":"","z":null,"f":1.0,"k":[],"o":{},)"
                                 R"("m":"line1\nline2","c":"a: b","h":"# x","s":" pad "},)"
                                 R"("End":true}}})";
        auto machine = parse(text);
        QVERIFY(machine.hasValue());
        const std::string yaml = serializeYaml(machine.value());
        QVERIFY(yaml.find("      k: []\n") != std::string::npos);
        QVERIFY(yaml.find("      o: {}\n") != std::string::npos);
        QVERIFY(yaml.find("      t: \"true\"\n") != std::string::npos);
        auto reread = parseDocument(yaml);
        QVERIFY(reread.hasValue());
        QCOMPARE(reread->dump(), Json::parse(text).dump());
    }
};

QTEST_APPLESS_MAIN(TestSerializerRoundTrip)
#include "tst_serializer_roundtrip.moc"
