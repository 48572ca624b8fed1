// Parsing ASL text (JSON and YAML) and building the typed model.
#include "core/asl/Parser.h"

#include <QTest>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace stepwise;
using namespace stepwise::asl;

namespace {

std::string readData(const std::string &relative)
{
    std::ifstream in(std::filesystem::path(STEPWISE_TEST_DATA_DIR) / relative, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

StateMachine parseOrFail(const std::string &text)
{
    auto machine = parse(text);
    if (!machine)
        qWarning("parse failed: %s at %s", machine.error().message.c_str(),
                 machine.error().pointer.c_str());
    return machine ? std::move(machine).value() : StateMachine{};
}

template <typename T> const T &stateAs(const StateMachine &machine, std::string_view name)
{
    static const T empty{};
    const State *state = machine.find(name);
    if (!state || !std::holds_alternative<T>(*state)) {
        qWarning("state %s missing or of another type", std::string(name).c_str());
        return empty;
    }
    return std::get<T>(*state);
}

} // namespace

class TestParser : public QObject
{
    Q_OBJECT

private slots:
    void jsonSyntaxErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::newRow("missing colon") << "{\n  \"a\": 1,\n  \"b\" 2\n}" << 3 << 7;
        QTest::newRow("trailing comma") << "{\"a\": 1,}" << 1 << 9;
        QTest::newRow("bad literal") << "[\n  tru\n]" << 2 << 6;
        QTest::newRow("unterminated") << "\x7B\"a\": \x5B"
                                         "1, 2"
                                      << 1 << 12;
    }
    void jsonSyntaxErrors()
    {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(int, column);
        auto document = parseDocument(text.toStdString());
        QVERIFY(!document.hasValue());
        QCOMPARE(document.error().line, line);
        QCOMPARE(document.error().column, column);
        QVERIFY(document.error().message.find("parse error") != std::string::npos);
        QVERIFY(document.error().pointer.empty());
    }

    void yamlSyntaxErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::newRow("unclosed flow sequence") << "a: \x5B"
                                                   "1, 2\nb: 3\n"
                                                << 2;
        QTest::newRow("bad indentation") << "a:\n  b: 1\n c: 2\n" << 3;
        QTest::newRow("nested plain mapping") << "a: 1\nb: c: d\n" << 2;
    }
    void yamlSyntaxErrors()
    {
        QFETCH(QString, text);
        QFETCH(int, line);
        auto document = parseDocument(text.toStdString(), SourceFormat::Yaml);
        QVERIFY(!document.hasValue());
        QVERIFY(!document.error().message.empty());
        QCOMPARE(document.error().line >= line - 1 && document.error().line <= line + 1, true);
        QVERIFY(document.error().column >= 1);
    }

    void yamlScalars_data()
    {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<QString>("json");
        QTest::newRow("plain int") << "v: 42"
                                   << R"({"v":42})";
        QTest::newRow("negative int") << "v: -7"
                                      << R"({"v":-7})";
        QTest::newRow("hex") << "v: 0x1F"
                             << R"({"v":31})";
        QTest::newRow("octal") << "v: 0o17"
                               << R"({"v":15})";
        QTest::newRow("float") << "v: 2.50"
                               << R"({"v":2.5})";
        QTest::newRow("exponent") << "v: 1e3"
                                  << R"({"v":1000.0})";
        QTest::newRow("true") << "v: True"
                              << R"({"v":true})";
        QTest::newRow("null word") << "v: null"
                                   << R"({"v":null})";
        QTest::newRow("tilde") << "v: ~"
                               << R"({"v":null})";
        QTest::newRow("empty") << "v:"
                               << R"({"v":null})";
        QTest::newRow("yes is a string") << "v: yes"
                                         << R"({"v":"yes"})";
        QTest::newRow("quoted int") << "v: \"42\""
                                    << R"({"v":"42"})";
        QTest::newRow("single quoted bool") << "v: 'true'"
                                            << R"({"v":"true"})";
        QTest::newRow("quoted null") << "v: \"null\""
                                     << R"({"v":"null"})";
        QTest::newRow("path") << "v: $.a[0]"
                              << R"({"v":"$.a[0]"})";
        QTest::newRow("version string") << "v: 1.0.2"
                                        << R"({"v":"1.0.2"})";
        QTest::newRow("explicit str tag") << "v: !!str 12"
                                          << R"({"v":"12"})";
        QTest::newRow("block literal") << "v: |\n  a\n  b\n"
                                       << R"({"v":"a\nb\n"})";
        QTest::newRow("flow") << "v: [1, x, {k: false}]"
                              << R"({"v":[1,"x",{"k":false}]})";
        QTest::newRow("unicode") << "Ä: ☕"
                                 << R"({"Ä":"☕"})";
    }
    void yamlScalars()
    {
        QFETCH(QString, yaml);
        QFETCH(QString, json);
        auto document = parseDocument(yaml.toStdString());
        QVERIFY(document.hasValue());
        QCOMPARE(QString::fromStdString(document->dump()), json);
    }

    void yamlKeepsKeyOrder()
    {
        auto document = parseDocument("z: 1\na: 2\nm:\n  y: 3\n  b: 4\n");
        QVERIFY(document.hasValue());
        QCOMPARE(document->dump(), std::string(R"({"z":1,"a":2,"m":{"y":3,"b":4}})"));
    }

    void autoDetection_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("isObject");
        QTest::newRow("json object") << "  \n {\"a\": 1}" << true;
        QTest::newRow("json array") << "[1]" << false;
        QTest::newRow("yaml") << "a: 1" << true;
    }
    void autoDetection()
    {
        QFETCH(QString, text);
        QFETCH(bool, isObject);
        auto document = parseDocument(text.toStdString());
        QVERIFY(document.hasValue());
        QCOMPARE(document->is_object(), isObject);
    }

    void forcedJsonRejectsYaml() { QVERIFY(!parseDocument("a: 1", SourceFormat::Json).hasValue()); }

    void machineFields()
    {
        const StateMachine m = parseOrFail(readData("valid/all-state-types.asl.json"));
        QCOMPARE(m.comment.value_or(""), std::string("Every one of the eight state types"));
        QCOMPARE(m.startAt.value_or(""), std::string("Prepare"));
        QCOMPARE(m.version.value_or(""), std::string("1.0"));
        QCOMPARE(m.timeoutSeconds.value_or(Json()).get<int>(), 300);
        QVERIFY(m.hasStates);
        QCOMPARE(m.states.size(), std::size_t(8));
        QCOMPARE(m.meta.keyOrder, (std::vector<std::string>{"Comment", "StartAt", "TimeoutSeconds",
                                                            "Version", "States"}));
        QVERIFY(m.meta.extras.empty());
        const char *expected[] = {"Pass",     "Task", "Choice",  "Wait",
                                  "Parallel", "Map",  "Succeed", "Fail"};
        for (std::size_t i = 0; i < m.states.size(); ++i)
            QCOMPARE(typeName(stateType(m.states[i])), expected[i]);
    }

    void passAndTaskFields()
    {
        const StateMachine m = parseOrFail(readData("valid/all-state-types.asl.json"));
        const auto &pass = stateAs<PassState>(m, "Prepare");
        QCOMPARE(pass.name, std::string("Prepare"));
        QCOMPARE(pass.type, std::string("Pass"));
        QCOMPARE(pass.result.value_or(Json()).dump(),
                 std::string(R"({"count":2,"items":[1,2.5]})"));
        QCOMPARE(pass.resultPath, PathField::path("$.data"));
        QCOMPARE(pass.next.value_or(""), std::string("Invoke"));
        QVERIFY(!pass.end.has_value());
        const auto &task = stateAs<TaskState>(m, "Invoke");
        QCOMPARE(task.resource, std::string("arn:aws:states:::lambda:invoke"));
        QCOMPARE(task.parameters.value_or(Json())["Payload.$"].get<std::string>(),
                 std::string("$.data"));
        QVERIFY(task.resultSelector.has_value());
        QCOMPARE(task.timeoutSeconds.value_or(Json()).get<int>(), 30);
        QCOMPARE(task.heartbeatSeconds.value_or(Json()).get<int>(), 10);
        QVERIFY(!task.retry.has_value());
    }

    void waitFailSucceedFields()
    {
        const StateMachine m = parseOrFail(readData("valid/all-state-types.asl.json"));
        QCOMPARE(stateAs<WaitState>(m, "Pause").seconds.value_or(Json()).get<int>(), 1);
        const auto &fail = stateAs<FailState>(m, "Broken");
        QCOMPARE(fail.error.value_or(Json()).get<std::string>(), std::string("NotEnough"));
        QCOMPARE(fail.cause.value_or(Json()).get<std::string>(),
                 std::string("count was 1 or less"));
        QVERIFY(stateAs<SucceedState>(m, "Done").meta.extras.empty());
        const StateMachine paths = parseOrFail(readData("valid/wait-and-paths.asl.json"));
        const auto &until = stateAs<WaitState>(paths, "Until");
        QCOMPARE(until.timestampPath.value_or(""), std::string("$.deadline"));
        QCOMPARE(until.inputPath, PathField::path("$.input"));
        QVERIFY(stateAs<WaitState>(paths, "For").outputPath.isNull());
        QVERIFY(stateAs<PassState>(paths, "Nothing").inputPath.isNull());
        QVERIFY(stateAs<PassState>(paths, "Nothing").resultPath.isNull());
        QVERIFY(stateAs<PassState>(paths, "Nothing").outputPath.isAbsent());
    }

    void parallelAndMapNesting()
    {
        const StateMachine m = parseOrFail(readData("valid/parallel-in-map.asl.json"));
        const auto &outer = stateAs<MapState>(m, "Outer Map");
        QVERIFY(outer.itemProcessor.has_value());
        QVERIFY(!outer.legacyIterator);
        QCOMPARE(outer.itemsPath, PathField::path("$.items"));
        QCOMPARE(outer.maxConcurrency.value_or(Json()).get<int>(), 2);
        const StateMachine &processor = **outer.itemProcessor;
        QCOMPARE(processor.processorConfig.value_or(Json())["Mode"].get<std::string>(),
                 std::string("INLINE"));
        const auto &fanOut = stateAs<ParallelState>(processor, "Fan Out");
        QVERIFY(fanOut.branches.has_value());
        QCOMPARE(fanOut.branches->size(), std::size_t(2));
        const auto &inner = stateAs<ParallelState>(fanOut.branches->at(1), "Inner Parallel");
        QCOMPARE(inner.resultPath, PathField::path("$.inner"));
        const auto &deepMap = stateAs<MapState>(inner.branches->at(0), "Deep Map");
        QVERIFY(deepMap.itemProcessor.has_value());
        QCOMPARE(typeName(stateType((*deepMap.itemProcessor)->states.at(0))), "Succeed");
    }

    void legacyIterator()
    {
        const StateMachine m = parseOrFail(readData("valid/legacy-iterator.asl.json"));
        const auto &map = stateAs<MapState>(m, "Legacy Map");
        QVERIFY(map.legacyIterator);
        QVERIFY(map.itemProcessor.has_value());
        QVERIFY(map.parameters.has_value());
        QVERIFY(!map.itemSelector.has_value());
        QCOMPARE((*map.itemProcessor)->startAt.value_or(""), std::string("Double"));
    }

    void choiceRules()
    {
        const StateMachine m = parseOrFail(readData("valid/choice-nested-rules.asl.json"));
        const auto &choice = stateAs<ChoiceState>(m, "Classify");
        QCOMPARE(choice.defaultNext.value_or(""), std::string("Teen"));
        QVERIFY(choice.choices.has_value());
        QCOMPARE(choice.choices->size(), std::size_t(3));
        const ChoiceRule &first = choice.choices->at(0);
        QCOMPARE(first.next.value_or(""), std::string("Not A Teen"));
        QVERIFY(first.andRules.has_value());
        QCOMPARE(first.andRules->at(0).variable.value_or(""), std::string("$.age"));
        QCOMPARE(first.andRules->at(0).comparison, std::string("IsPresent"));
        QCOMPARE(first.andRules->at(0).operand, Json(true));
        const ChoiceRule &orRule = first.andRules->at(1);
        QVERIFY(orRule.orRules.has_value());
        const ChoiceRule &notRule = orRule.orRules->at(1);
        QVERIFY(notRule.hasNot);
        QCOMPARE(notRule.notRule.size(), std::size_t(1));
        QCOMPARE(notRule.notRule[0].comparison, std::string("NumericLessThanEquals"));
        QCOMPARE(notRule.notRule[0].operand.dump(), std::string("19.5"));
        const ChoiceRule &second = choice.choices->at(1);
        QVERIFY(second.hasNot);
        QCOMPARE(second.notRule[0].orRules->at(1).comparison, std::string("StringEqualsPath"));
        QCOMPARE(choice.choices->at(2).comparison, std::string("TimestampLessThan"));
    }

    void jsonataFields()
    {
        const StateMachine m = parseOrFail(readData("valid/jsonata-machine.asl.json"));
        QCOMPARE(m.queryLanguage.value_or(""), std::string("JSONata"));
        QVERIFY(stateAs<PassState>(m, "Init").assign.has_value());
        const auto &check = stateAs<ChoiceState>(m, "Check");
        QCOMPARE(check.choices->at(0).condition.value_or(Json()).get<std::string>(),
                 std::string("{% $total > 10 %}"));
        QVERIFY(check.choices->at(0).output.has_value());
        const auto &big = stateAs<TaskState>(m, "Big");
        QVERIFY(big.arguments.has_value());
        QCOMPARE(big.timeoutSeconds.value_or(Json()).get<std::string>(),
                 std::string("{% 10 + 5 %}"));
        QVERIFY(stateAs<WaitState>(m, "Small").seconds->is_string());
        QVERIFY(stateAs<SucceedState>(m, "Done").output.has_value());
    }

    void retryAndCatch()
    {
        const StateMachine m = parseOrFail(readData("valid/retry-catch.asl.json"));
        const auto &task = stateAs<TaskState>(m, "Call");
        QVERIFY(task.retry.has_value());
        const Retrier &retrier = task.retry->at(0);
        QCOMPARE(retrier.errorEquals.size(), std::size_t(2));
        QCOMPARE(retrier.intervalSeconds.value_or(Json()).get<int>(), 2);
        QCOMPARE(retrier.backoffRate.value_or(Json()).dump(), std::string("2.0"));
        QCOMPARE(retrier.maxDelaySeconds.value_or(Json()).get<int>(), 30);
        QCOMPARE(retrier.jitterStrategy.value_or(""), std::string("FULL"));
        QCOMPARE(retrier.comment.value_or(""), std::string("throttling"));
        QCOMPARE(task.retry->at(1).maxAttempts.value_or(Json()).get<int>(), 0);
        QVERIFY(task.catchers.has_value());
        QVERIFY(task.catchers->at(0).resultPath.isNull());
        QCOMPARE(task.catchers->at(0).next, std::string("Timed Out"));
        QCOMPARE(task.catchers->at(1).resultPath, PathField::path("$.error"));
        const auto &failed = stateAs<FailState>(m, "Failed");
        QCOMPARE(failed.errorPath.value_or(""), std::string("$.error.Error"));
        QVERIFY(failed.causePath.has_value());
    }

    void yamlDefinition()
    {
        const StateMachine m = parseOrFail(readData("valid/yaml-map-retry.asl.yaml"));
        const auto &map = stateAs<MapState>(m, "Fan Out");
        QCOMPARE(map.maxConcurrency.value_or(Json()).get<int>(), 1);
        QCOMPARE(map.catchers->at(0).errorEquals, std::vector<std::string>{"States.ALL"});
        const auto &work = stateAs<TaskState>(**map.itemProcessor, "Work");
        QCOMPARE(work.retry->at(0).backoffRate.value_or(Json()).get<double>(), 1.5);
        QCOMPARE(work.parameters.value_or(Json())["Payload.$"].get<std::string>(),
                 std::string("$"));
        QCOMPARE(stateAs<FailState>(m, "Report").cause.value_or(Json()).get<std::string>(),
                 std::string("One of the items failed.\n"));
    }

    void wrongTypedFieldsGoToExtras_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("Next number") << "Next"
                                     << "5";
        QTest::newRow("End string") << "End"
                                    << "\"yes\"";
        QTest::newRow("Comment object") << "Comment"
                                        << "{}";
        QTest::newRow("InputPath number") << "InputPath"
                                          << "1";
        QTest::newRow("ResultPath bool") << "ResultPath"
                                         << "false";
        QTest::newRow("unknown field") << "Unknown"
                                       << "[1]";
        QTest::newRow("Type of another state") << "Resource"
                                               << "\"arn\"";
    }
    void wrongTypedFieldsGoToExtras()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        Json document = Json::parse(R"({"StartAt":"P","States":{"P":{"Type":"Pass"}}})");
        document["States"]["P"][field.toStdString()] = Json::parse(value.toStdString());
        const StateMachine m = parseOrFail(document.dump());
        const auto &pass = stateAs<PassState>(m, "P");
        QCOMPARE(pass.meta.extras.size(), std::size_t(1));
        QCOMPARE(pass.meta.extras.at(field.toStdString()).dump(), value.toStdString());
        QCOMPARE(pass.meta.keyOrder, (std::vector<std::string>{"Type", field.toStdString()}));
        QVERIFY(!pass.next && !pass.end && !pass.comment);
        QVERIFY(pass.inputPath.isAbsent() && pass.resultPath.isAbsent());
    }

    void wrongTypedNestedFields()
    {
        const StateMachine m = parseOrFail(
            R"({"StartAt":5,"States":{"T":{"Type":"Task","Resource":7,"TimeoutSeconds":true,)"
            R"("Retry":[{"ErrorEquals":"x","MaxAttempts":"3"}],"Catch":{},"Branches":[],)"
            R"("End":true}},"X":1})");
        QVERIFY(!m.startAt.has_value());
        QCOMPARE(m.meta.extras.dump(), std::string(R"({"StartAt":5,"X":1})"));
        const auto &task = stateAs<TaskState>(m, "T");
        QVERIFY(task.resource.empty());
        QCOMPARE(task.meta.extras.dump(),
                 std::string(R"({"Resource":7,"TimeoutSeconds":true,"Catch":{},"Branches":[]})"));
        QCOMPARE(task.retry->at(0).meta.extras.dump(),
                 std::string(R"({"ErrorEquals":"x","MaxAttempts":"3"})"));
        QVERIFY(task.end.value_or(false));
    }

    void choiceRuleExtras()
    {
        const StateMachine m = parseOrFail(
            R"({"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.a",)"
            R"("StringEquals":"x","NumericEquals":1,"Next":"D","Foo":1}]},)"
            R"("D":{"Type":"Succeed"}}})");
        const ChoiceRule &rule = stateAs<ChoiceState>(m, "C").choices->at(0);
        QCOMPARE(rule.comparison, std::string("StringEquals"));
        QCOMPARE(rule.operand, Json("x"));
        QCOMPARE(rule.meta.extras.dump(), std::string(R"({"NumericEquals":1,"Foo":1})"));
    }

    void unknownTypeKeepsText_data()
    {
        QTest::addColumn<QString>("stateJson");
        QTest::addColumn<QString>("type");
        QTest::newRow("unknown") << R"({"Type":"Magic","Next":"X"})"
                                 << "Magic";
        QTest::newRow("missing") << R"({"Next":"X"})"
                                 << "";
        QTest::newRow("lowercase") << R"({"Type":"task"})"
                                   << "task";
    }
    void unknownTypeKeepsText()
    {
        QFETCH(QString, stateJson);
        QFETCH(QString, type);
        Json document = Json::parse(R"({"StartAt":"S","States":{}})");
        document["States"]["S"] = Json::parse(stateJson.toStdString());
        const StateMachine m = parseOrFail(document.dump());
        QCOMPARE(m.states.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(common(m.states[0]).type), type);
        QVERIFY(std::holds_alternative<PassState>(m.states[0]));
    }

    void impossibleModels_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("pointer");
        QTest::newRow("array root") << "[]"
                                    << "";
        QTest::newRow("string root") << "\"x\""
                                     << "";
        QTest::newRow("States array") << R"({"States":[]})"
                                      << "/States";
        QTest::newRow("state not object") << R"({"States":{"a/b":1}})"
                                          << "/States/a~1b";
        QTest::newRow("branch not object")
            << R"({"States":{"P":{"Type":"Parallel","Branches":[{},2]}}})"
            << "/States/P/Branches/1";
        QTest::newRow("ItemProcessor not object")
            << R"({"States":{"M":{"Type":"Map","ItemProcessor":"x"}}})"
            << "/States/M/ItemProcessor";
        QTest::newRow("nested state not object")
            << R"({"States":{"M":{"Type":"Map","Iterator":{"States":{"I":null}}}}})"
            << "/States/M/Iterator/States/I";
        QTest::newRow("choice rule not object")
            << R"({"States":{"C":{"Type":"Choice","Choices":[{"And":[{},3]}]}}})"
            << "/States/C/Choices/0/And/1";
        QTest::newRow("Not not object")
            << R"({"States":{"C":{"Type":"Choice","Choices":[{"Not":[]}]}}})"
            << "/States/C/Choices/0/Not";
        QTest::newRow("catcher not object") << R"({"States":{"T":{"Type":"Task","Catch":["x"]}}})"
                                            << "/States/T/Catch/0";
    }
    void impossibleModels()
    {
        QFETCH(QString, text);
        QFETCH(QString, pointer);
        auto machine = parse(text.toStdString());
        QVERIFY(!machine.hasValue());
        QCOMPARE(QString::fromStdString(machine.error().pointer), pointer);
        QVERIFY(!machine.error().message.empty());
    }

    void specialNames()
    {
        const StateMachine m = parseOrFail(readData("valid/state-named-next.asl.json"));
        QCOMPARE(stateAs<PassState>(m, "Next").next.value_or(""), std::string("End"));
        QVERIFY(stateAs<PassState>(m, "End").end.value_or(false));
        const StateMachine u = parseOrFail(readData("valid/unicode-state-names.asl.json"));
        QCOMPARE(u.startAt.value_or(""), std::string("Prüfen"));
        QVERIFY(u.find("Café ☕") != nullptr);
        QCOMPARE(stateAs<PassState>(u, "Prüfen").next.value_or(""), std::string("処理する"));
    }

    void emptyObjectsAndEscapes()
    {
        const StateMachine m = parseOrFail(readData("valid/empty-objects.asl.json"));
        QCOMPARE(stateAs<PassState>(m, "EmptyParameters").parameters.value_or(Json()).dump(),
                 std::string("{}"));
        QCOMPARE(stateAs<MapState>(m, "MapWithEmptySelector").itemSelector.value_or(Json()).dump(),
                 std::string("{}"));
        const StateMachine e = parseOrFail(readData("valid/intrinsic-escapes.asl.json"));
        const Json params = stateAs<PassState>(e, "Format").parameters.value_or(Json());
        QCOMPARE(params["quote.$"].get<std::string>(),
                 std::string("States.Format('it\\'s {}', $.x)"));
        QCOMPARE(params["backslash.$"].get<std::string>(),
                 std::string("States.Format('a\\\\b {}', $.x)"));
    }
};

QTEST_APPLESS_MAIN(TestParser)
#include "tst_parser.moc"
