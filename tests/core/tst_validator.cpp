// ASL validator: one-mistake corpus, valid corpus, AWS-recorded conformance cases, robustness.
#include "core/asl/Validator.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <fstream>
#include <sstream>

using stepwise::Diagnostic;
using stepwise::Json;
using stepwise::Severity;
namespace asl = stepwise::asl;

namespace {

std::string readText(const QString &path)
{
    std::ifstream in(path.toStdString(), std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

Json readJson(const QString &path)
{
    return Json::parse(readText(path), nullptr, false);
}

QString describe(const std::vector<Diagnostic> &diagnostics)
{
    QString text;
    for (const Diagnostic &d : diagnostics)
        text += QString::fromStdString(std::string(stepwise::severityName(d.severity)) + " " +
                                       d.code + " " + d.path + ": " + d.message + "\n");
    return text;
}

QString errorsOnly(const std::vector<Diagnostic> &diagnostics)
{
    std::vector<Diagnostic> errors;
    for (const Diagnostic &d : diagnostics)
        if (d.severity == Severity::Error)
            errors.push_back(d);
    return describe(errors);
}

QString sharedDir()
{
    return QStringLiteral(STEPWISE_SHARED_DIR) + "/conformance";
}

std::string definitionText(const QString &caseDir)
{
    const QString json = caseDir + "/definition.asl.json";
    return readText(QFile::exists(json) ? json : caseDir + "/definition.asl.txt");
}

asl::ValidationOptions optionsFor(const Json &expected)
{
    asl::ValidationOptions options;
    if (expected.value("state_machine_type", std::string()) == "EXPRESS")
        options.machineType = asl::MachineType::Express;
    return options;
}

std::string replaceAll(std::string text, const std::string &from, const std::string &to)
{
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

} // namespace

class TestValidator : public QObject
{
    Q_OBJECT

private slots:
    void invalidCorpus_data();
    void invalidCorpus();
    void validCorpus_data();
    void validCorpus();
    void conformanceRejected_data();
    void conformanceRejected();
    void conformanceAccepted_data();
    void conformanceAccepted();
    void awsLocationFormat_data();
    void awsLocationFormat();
    void messageJoinsErrorsInOrder();
    void syntaxErrorsCarryLineAndColumn();
    void deeplyNestedJsonDoesNotCrash();
    void deeplyNestedMachinesAreRejected();
    void hugeMachineValidates();
    void garbageTextDoesNotCrash();
};

void TestValidator::invalidCorpus_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("path");
    const QString dir = QStringLiteral(STEPWISE_TEST_DATA_DIR) + "/invalid";
    const Json expected = readJson(dir + "/expected.json");
    QVERIFY(expected.is_object());
    QVERIFY(expected.size() >= 70);
    for (auto it = expected.begin(); it != expected.end(); ++it)
        QTest::newRow(it.key().c_str())
            << dir + "/" + QString::fromStdString(it.key())
            << QString::fromStdString(it.value()["code"].get<std::string>())
            << QString::fromStdString(it.value()["path"].get<std::string>());
}

void TestValidator::invalidCorpus()
{
    QFETCH(QString, file);
    QFETCH(QString, code);
    QFETCH(QString, path);
    QVERIFY2(QFile::exists(file), qPrintable(file));
    const auto diagnostics = asl::validateText(readText(file));
    bool found = false;
    for (const Diagnostic &d : diagnostics) {
        const bool same = d.code == code.toStdString() && d.path == path.toStdString();
        found = found || same;
        QVERIFY2(d.severity != Severity::Error || same, qPrintable(describe(diagnostics)));
    }
    QVERIFY2(found, qPrintable(describe(diagnostics)));
}

void TestValidator::validCorpus_data()
{
    QTest::addColumn<QString>("file");
    const QDir dir(QStringLiteral(STEPWISE_TEST_DATA_DIR) + "/valid");
    const QStringList files = dir.entryList({"*.json", "*.yaml", "*.yml"}, QDir::Files);
    for (const QString &name : files)
        QTest::newRow(qPrintable(name)) << dir.filePath(name);
}

void TestValidator::validCorpus()
{
    QFETCH(QString, file);
    const auto diagnostics = asl::validateText(readText(file));
    QVERIFY2(!stepwise::hasErrors(diagnostics), qPrintable(errorsOnly(diagnostics)));
}

void TestValidator::conformanceRejected_data()
{
    QTest::addColumn<QString>("caseDir");
    const Json index = readJson(sharedDir() + "/index.json");
    if (!index.is_object())
        QSKIP("conformance corpus not available");
    for (const char *list : {"cases", "task_cases"}) {
        for (const Json &entry : index.value(list, Json::array())) {
            const std::string kind = entry["kind"].get<std::string>();
            if (kind != "create_rejected" && kind != "validate_definition")
                continue;
            const std::string path = entry["path"].get<std::string>();
            QTest::newRow(path.c_str()) << sharedDir() + "/" + QString::fromStdString(path);
        }
    }
}

void TestValidator::conformanceRejected()
{
    QFETCH(QString, caseDir);
    const Json expected = readJson(caseDir + "/expected.json");
    const auto diagnostics = asl::validateText(definitionText(caseDir), optionsFor(expected));
    if (expected["status"] == Json("ACCEPTED")) {
        QVERIFY2(!stepwise::hasErrors(diagnostics), qPrintable(describe(diagnostics)));
        return;
    }
    QVERIFY2(stepwise::hasErrors(diagnostics), "expected a rejection");
    if (expected["kind"] == Json("create_rejected")) {
        const std::string cause = replaceAll(expected["cause"].get<std::string>(), "<partition>", "aws");
        QCOMPARE(QString::fromStdString(asl::invalidDefinitionMessage(diagnostics)),
                 QString::fromStdString(cause));
        return;
    }
    Json actual = Json::array();
    for (const Diagnostic &d : diagnostics) {
        Json item = {{"code", d.code}, {"message", d.message},
                     {"severity", stepwise::severityName(d.severity)}};
        if (auto location = asl::awsLocation(d))
            item["location"] = *location;
        actual.push_back(item);
    }
    Json recorded = expected["validation_response"]["diagnostics"];
    for (Json &item : recorded) {
        Json normalized = {{"code", item["code"]}, {"message", item["message"]},
                           {"severity", item["severity"]}};
        if (item.contains("location"))
            normalized["location"] = item["location"];
        item = std::move(normalized);
    }
    QCOMPARE(QString::fromStdString(actual.dump()), QString::fromStdString(recorded.dump()));
}

void TestValidator::conformanceAccepted_data()
{
    QTest::addColumn<QString>("caseDir");
    const Json index = readJson(sharedDir() + "/index.json");
    if (!index.is_object())
        QSKIP("conformance corpus not available");
    for (const char *list : {"cases", "task_cases"}) {
        for (const Json &entry : index.value(list, Json::array())) {
            const std::string kind = entry["kind"].get<std::string>();
            if (kind != "execution" && kind != "execution_output_only" && kind != "execution_sync")
                continue;
            const std::string path = entry["path"].get<std::string>();
            QTest::newRow(path.c_str()) << sharedDir() + "/" + QString::fromStdString(path);
        }
    }
}

void TestValidator::conformanceAccepted()
{
    QFETCH(QString, caseDir);
    const Json expected = readJson(caseDir + "/expected.json");
    const auto diagnostics = asl::validateText(definitionText(caseDir), optionsFor(expected));
    QVERIFY2(!stepwise::hasErrors(diagnostics), qPrintable(errorsOnly(diagnostics)));
}

void TestValidator::awsLocationFormat_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("location");
    QTest::newRow("root") << "" << "/";
    QTest::newRow("next") << "/States/A/Next" << "/States/A/Next";
    QTest::newRow("choice") << "/States/C/Choices/0/Next" << "/States/C/Choices[0]/Next";
    QTest::newRow("catch") << "/States/T/Catch/2/Next" << "/States/T/Catch[2]/Next";
    QTest::newRow("numeric state") << "/States/0/Next" << "/States/0/Next";
    QTest::newRow("escaped") << "/States/a~1b~0c" << "/States/a/b~c";
}

void TestValidator::awsLocationFormat()
{
    QFETCH(QString, pointer);
    QFETCH(QString, location);
    Diagnostic d{Severity::Error, "SCHEMA_VALIDATION_FAILED", pointer.toStdString(), "m", 0, 0};
    QCOMPARE(QString::fromStdString(asl::awsLocation(d).value_or("<none>")), location);
}

void TestValidator::messageJoinsErrorsInOrder()
{
    const Json definition = Json::parse(R"({"StartAt":"A","States":{"A":{"Type":"Pass",
        "Next":"Nope"},"B":{"Type":"Succeed"}}})");
    const auto diagnostics = asl::validate(definition);
    QCOMPARE(QString::fromStdString(asl::invalidDefinitionMessage(diagnostics)),
             QStringLiteral("Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing "
                            "'Next' target: Nope at /States/A/Next, MISSING_TRANSITION_TARGET: "
                            "State \"B\" is not reachable. at /States/B'"));
}

void TestValidator::syntaxErrorsCarryLineAndColumn()
{
    const auto json = asl::validateText("{\n  \"StartAt\": \"A\",\n  \"States\": {,}\n}");
    QCOMPARE(json.size(), std::size_t(1));
    QCOMPARE(json[0].code, std::string("INVALID_JSON_DESCRIPTION"));
    QCOMPARE(json[0].line, 3);
    QVERIFY(json[0].column > 0);
    const auto yaml = asl::validateText("StartAt: A\nStates:\n  A: [unclosed\n");
    QVERIFY(!yaml.empty());
    QCOMPARE(yaml[0].code, std::string("INVALID_JSON_DESCRIPTION"));
    QVERIFY(yaml[0].line > 0);
}

void TestValidator::deeplyNestedJsonDoesNotCrash()
{
    const std::string arrays = std::string(10000, '[') + std::string(10000, ']');
    auto diagnostics = asl::validateText(arrays);
    QVERIFY(stepwise::hasErrors(diagnostics));
    std::string objects = R"({"StartAt":"P","States":{"P":{"Type":"Pass","End":true,"Parameters":)";
    for (int i = 0; i < 10000; ++i)
        objects += R"({"a":)";
    objects += "1" + std::string(10000, '}') + "}}}";
    diagnostics = asl::validateText(objects);
    bool tooDeep = false;
    for (const Diagnostic &d : diagnostics)
        tooDeep = tooDeep || (d.code == "INVALID_JSON_DESCRIPTION"
                              && d.message.find("nesting depth") != std::string::npos);
    QVERIFY2(tooDeep, qPrintable(describe(diagnostics)));
}

void TestValidator::deeplyNestedMachinesAreRejected()
{
    Json machine = Json::parse(R"({"StartAt":"S","States":{"S":{"Type":"Succeed"}}})");
    for (int level = 0; level < 60; ++level) {
        const std::string name = "P" + std::to_string(level);
        Json outer = {{"StartAt", name}, {"States", Json::object()}};
        outer["States"][name] = {{"Type", "Parallel"}, {"Branches", Json::array({machine})},
                                 {"End", true}};
        machine = std::move(outer);
    }
    const auto diagnostics = asl::validate(machine);
    bool tooDeep = false;
    for (const Diagnostic &d : diagnostics)
        tooDeep = tooDeep || d.code == "TOO_DEEPLY_NESTED";
    QVERIFY2(tooDeep, qPrintable(describe(diagnostics)));
}

void TestValidator::hugeMachineValidates()
{
    Json definition = {{"StartAt", "S0"}, {"States", Json::object()}};
    for (int i = 0; i < 5000; ++i) {
        Json state = {{"Type", "Pass"}};
        if (i + 1 < 5000)
            state["Next"] = "S" + std::to_string(i + 1);
        else
            state["End"] = true;
        definition["States"]["S" + std::to_string(i)] = state;
    }
    QVERIFY(!stepwise::hasErrors(asl::validate(definition)));
    definition["States"]["S4999"].erase("End");
    const auto diagnostics = asl::validate(definition);
    QVERIFY(stepwise::hasErrors(diagnostics));
}

void TestValidator::garbageTextDoesNotCrash()
{
    std::string garbage;
    std::uint32_t seed = 12345;
    for (int round = 0; round < 200; ++round) {
        garbage.clear();
        for (int i = 0; i < 300; ++i) {
            seed = seed * 1103515245U + 12345U;
            garbage += static_cast<char>((seed >> 16) % 95 + 32);
        }
        const auto diagnostics = asl::validateText(garbage);
        QVERIFY(stepwise::hasErrors(diagnostics));
    }
    QCOMPARE(asl::validateText("")[0].code, std::string("MISSING_DESCRIPTION"));
    QVERIFY(stepwise::hasErrors(asl::validate(Json(42))));
}

QTEST_APPLESS_MAIN(TestValidator)
#include "tst_validator.moc"
