// JSONPath-mode data flow through whole executions (ASL spec §2.1, §2.2, §2.4, §2.6, §4).
#include "core/asl/Parser.h"
#include "core/engine/Execution.h"

#include <QTest>

using stepwise::Json;
using namespace stepwise::engine;

namespace {

Execution runMachine(const Json &definition, const Json &input)
{
    auto machine = stepwise::asl::fromJson(definition);
    Execution execution(std::move(machine).value(), input);
    execution.runToEnd();
    return execution;
}

Json singlePass(const Json &fields)
{
    Json state = Json{{"Type", "Pass"}};
    state.update(fields);
    state["End"] = true;
    return Json{{"StartAt", "S"}, {"States", {{"S", state}}}};
}

} // namespace

class TestDataFlow : public QObject
{
    Q_OBJECT
private slots:
    void passPipeline_data()
    {
        QTest::addColumn<QString>("fields");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("output");
        QTest::newRow("defaults") << R"({})" << R"({"a":1})" << R"({"a":1})";
        QTest::newRow("inputPath") << R"({"InputPath":"$.a"})" << R"({"a":{"b":2}})"
                                   << R"({"b":2})";
        QTest::newRow("inputPath null") << R"({"InputPath":null})" << R"({"a":1})" << R"({})";
        QTest::newRow("result at path") << R"({"Result":7,"ResultPath":"$.r"})"
                                        << R"({"a":1})" << R"({"a":1,"r":7})";
        QTest::newRow("resultPath null") << R"({"Result":7,"ResultPath":null})"
                                         << R"({"a":1})" << R"({"a":1})";
        QTest::newRow("outputPath null") << R"({"OutputPath":null})" << R"({"a":1})" << R"({})";
        QTest::newRow("outputPath") << R"({"Result":{"x":{"y":3}},"OutputPath":"$.x"})"
                                    << R"({})" << R"({"y":3})";
        QTest::newRow("parameters")
            << R"({"Parameters":{"lit":"$.no","v.$":"$.a","ctx.$":"$$.State.Name"}})"
            << R"({"a":5})" << R"({"lit":"$.no","v":5,"ctx":"S"})";
        QTest::newRow("nested template in array")
            << R"({"Parameters":{"list":[{"v.$":"$.a"}]}})" << R"({"a":1})"
            << R"({"list":[{"v":1}]})";
        QTest::newRow("intrinsic") << R"J({"Parameters":{"s.$":"States.Format('x{}', $.a)"}})J"
                                   << R"({"a":1})" << R"({"s":"x1"})";
        QTest::newRow("scalar input") << R"({})" << R"("text")" << R"("text")";
    }
    void passPipeline()
    {
        QFETCH(QString, fields);
        QFETCH(QString, input);
        QFETCH(QString, output);
        Execution run = runMachine(singlePass(Json::parse(fields.toStdString())),
                                   Json::parse(input.toStdString()));
        QCOMPARE(run.status(), ExecutionStatus::Succeeded);
        QCOMPARE(run.output().dump(), Json::parse(output.toStdString()).dump());
    }

    void payloadKeysFollowJavaHashOrder()
    {
        // Literal fields first, then `.$` fields in java.util.HashMap order (spec §2.4.1).
        Execution run = runMachine(
            singlePass(Json::parse(R"({"Parameters":{"b.$":"$.x","lit":0,"a.$":"$.x"}})")),
            Json::parse(R"({"x":1})"));
        QCOMPARE(run.output().dump(), std::string(R"({"lit":0,"a":1,"b":1})"));
    }

    void runtimeErrors_data()
    {
        QTest::addColumn<QString>("fields");
        QTest::addColumn<QString>("cause");
        QTest::newRow("inputPath")
            << R"({"InputPath":"$.no"})"
            << "Invalid path '$.no' : No results for path: $['no']";
        QTest::newRow("template")
            << R"({"Parameters":{"v.$":"$.no"}})"
            << "The JSONPath '$.no' specified for the field 'v.$' could not be found in the "
               "input '{\"a\":1}'";
    }
    void runtimeErrors()
    {
        QFETCH(QString, fields);
        QFETCH(QString, cause);
        Execution run = runMachine(singlePass(Json::parse(fields.toStdString())),
                                   Json::parse(R"({"a":1})"));
        QCOMPARE(run.status(), ExecutionStatus::Failed);
        QCOMPARE(run.error().value_or(""), std::string("States.Runtime"));
        const std::string prefix =
            "An error occurred while executing the state 'S' (entered at the event id #2). ";
        QCOMPARE(run.cause().value_or(""), prefix + cause.toStdString());
        // No Exited event: Entered is followed directly by ExecutionFailed (spec §2.6).
        QCOMPARE(run.history().size(), std::size_t{3});
        QCOMPARE(run.history().at(2).previousEventId, std::int64_t{2});
    }

    void assignSeesEntryValues()
    {
        // Spec §4.2: every right-hand side sees the values as of state entry.
        const Json definition = Json::parse(R"({"StartAt":"A","States":{
            "A":{"Type":"Pass","Assign":{"x":5},"Next":"B"},
            "B":{"Type":"Pass","Assign":{"x":42,"old.$":"$x"},"Next":"C"},
            "C":{"Type":"Pass","Parameters":{"x.$":"$x","old.$":"$old"},"End":true}}})");
        Execution run = runMachine(definition, Json::object());
        QCOMPARE(run.status(), ExecutionStatus::Succeeded);
        QCOMPARE(nlohmann::json::parse(run.output().dump()),
                 nlohmann::json::parse(R"({"x":42,"old":5})"));
        const HistoryEvent &exitedB = run.history().at(4);
        QCOMPARE(exitedB.type, std::string("PassStateExited"));
        QCOMPARE(exitedB.details["assignedVariables"]["old"].get<std::string>(),
                 std::string("5"));
    }

    void payloadLimit()
    {
        const Json big = Json{{"v", std::string(300 * 1024, 'a')}};
        Execution run = runMachine(singlePass(Json{{"Result", big}}), Json::object());
        QCOMPARE(run.error().value_or(""), std::string("States.DataLimitExceeded"));
    }

    void jsonataPassWithoutOutputKeepsInput()
    {
        // Spec §3.2: a JSONata Pass without Output passes its input through unchanged.
        const Json definition = Json::parse(R"({"QueryLanguage":"JSONata","StartAt":"S",
            "States":{"S":{"Type":"Pass","End":true}}})");
        const Json input = Json::parse(R"({"a":1,"b":[true,null]})");
        Execution run = runMachine(definition, input);
        QCOMPARE(run.status(), ExecutionStatus::Succeeded);
        QCOMPARE(run.output().dump(), input.dump());
    }
};

QTEST_APPLESS_MAIN(TestDataFlow)
#include "tst_dataflow.moc"
