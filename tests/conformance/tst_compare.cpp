// The conformance comparison rules (conformance/README.md): placeholders, JSON-text decoding,
// normalised Parallel ranges.
#include "Compare.h"

#include <QTest>

using namespace stepwise;
using namespace stepwise::conformance;

namespace {

Placeholders tokens()
{
    return Placeholders({"date", "timestamp", "<ArnPart_0idx>", "111111111111", "<region>",
                         "arn:<partition>:", "start-date", "RequestId", "<uuid:1>"});
}

Json makeEvent(int id, int previous, const std::string &type, Json details = {})
{
    Json e = Json::object();
    e["id"] = id;
    e["previousEventId"] = previous;
    e["timestamp"] = "timestamp";
    e["type"] = type;
    if (!details.is_null())
        e["stateEnteredEventDetails"] = std::move(details);
    return e;
}

} // namespace

class TestCompare : public QObject
{
    Q_OBJECT

private slots:
    void stringMatching_data()
    {
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("actual");
        QTest::addColumn<bool>("match");
        QTest::newRow("exact") << "abc" << "abc" << true;
        QTest::newRow("differs") << "abc" << "abd" << false;
        QTest::newRow("arn wildcard")
            << "arn:<partition>:states:<region>:111111111111:stateMachine:<ArnPart_0idx>"
            << "arn:aws:states:us-east-1:123456789012:stateMachine:Machine" << true;
        QTest::newRow("arn wrong service")
            << "arn:<partition>:states:<region>:111111111111:stateMachine:<ArnPart_0idx>"
            << "arn:aws:lambda:us-east-1:123456789012:stateMachine:Machine" << false;
        QTest::newRow("wildcard needs text") << "x<region>y" << "xy" << false;
        QTest::newRow("date iso") << "started date." << "started 2016-03-14T01:59:00Z." << true;
        QTest::newRow("date offset fraction") << "at date" << "at 2024-01-01T10:00:00.123+01:00" << true;
        QTest::newRow("date literal word") << "update me" << "update me" << true;
        QTest::newRow("date no zone") << "at date" << "at 2016-03-14T01:59:00" << false;
        QTest::newRow("date not text") << "at date" << "at yesterday" << false;
        QTest::newRow("longest token first") << "start-date" << "anything at all" << true;
        QTest::newRow("cause with json")
            << "Invalid path '$.x' : No results for path: $['x'] in '<uuid:1>'"
            << "Invalid path '$.x' : No results for path: $['x'] in '{\"a\":1}'" << true;
    }
    void stringMatching()
    {
        QFETCH(QString, expected);
        QFETCH(QString, actual);
        QFETCH(bool, match);
        QCOMPARE(tokens().matches(expected.toStdString(), actual.toStdString()), match);
    }

    void wholeValueWildcard()
    {
        const Json expected = Json::parse(R"({"Date": "date", "StartDate": "start-date", "n": 1})");
        const Json actual = Json::parse(R"({"Date": ["Tue, 05 Mar 2024 10:15:42 GMT"], "StartDate": 1709633742.1, "n": 1.0})");
        QVERIFY(!compareValues(expected, actual, tokens()));
        const Json wrong = Json::parse(R"({"Date": [], "StartDate": 1, "n": 2})");
        const auto diff = compareValues(expected, wrong, tokens());
        QVERIFY(diff);
        QVERIFY2(diff->find("$.n") != std::string::npos, diff->c_str());
    }

    void valueDifferences_data()
    {
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("actual");
        QTest::addColumn<QString>("path");
        QTest::newRow("missing member") << R"({"a": 1, "b": 2})" << R"({"a": 1})" << "$.b";
        QTest::newRow("extra member") << R"({"a": 1})" << R"({"a": 1, "c": 3})" << "$.c";
        QTest::newRow("array length") << R"({"a": [1, 2]})" << R"({"a": [1]})" << "$.a";
        QTest::newRow("type") << R"({"a": "1"})" << R"({"a": 1})" << "$.a";
        QTest::newRow("nested") << R"({"a": [{"b": true}]})" << R"({"a": [{"b": false}]})" << "$.a[0].b";
    }
    void valueDifferences()
    {
        QFETCH(QString, expected);
        QFETCH(QString, actual);
        QFETCH(QString, path);
        const auto diff = compareValues(Json::parse(expected.toStdString()),
                                        Json::parse(actual.toStdString()), tokens());
        QVERIFY(diff);
        QVERIFY2(diff->rfind(path.toStdString() + ":", 0) == 0, diff->c_str());
    }

    void keyOrderIgnored()
    {
        QVERIFY(!compareValues(Json::parse(R"({"a": 1, "b": 2})"), Json::parse(R"({"b": 2, "a": 1})"), tokens()));
    }

    void decodingOnlyObjects()
    {
        Json details = Json::object();
        details["input"] = Json::object({{"a", "{\"b\":1}"}}).dump();
        details["output"] = "[1,2]";
        details["text"] = "\"abc\"";
        details["list"] = Json::array({"{\"x\":1}"});
        const Json raw = Json::object({{"details", details}});
        const Json decoded = decodeJsonTexts(raw);
        QCOMPARE(decoded["details"]["input"], Json::object({{"a", "{\"b\":1}"}}));
        QCOMPARE(decoded["details"]["output"], Json("[1,2]"));
        QCOMPARE(decoded["details"]["text"], Json("\"abc\""));
        QCOMPARE(decoded["details"]["list"][0], Json("{\"x\":1}"));
        CompareOptions all;
        all.decodeAllOutputs = true;
        QCOMPARE(decodeJsonTexts(raw, all)["details"]["output"], Json::parse("[1,2]"));
    }

    void historiesIgnoreTimestamps()
    {
        Json expected = Json::array({makeEvent(1, 0, "ExecutionStarted"), makeEvent(2, 0, "PassStateEntered", Json::parse(R"({"name": "P", "input": {"a": 1}})"))});
        Json actual = expected;
        actual[0]["timestamp"] = "2024-01-01T00:00:00Z";
        actual[1]["timestamp"] = 17;
        actual[1]["stateEnteredEventDetails"]["input"] = "{\"a\":1}";
        QVERIFY(!compareHistories(expected, actual, tokens()));
        actual[1]["previousEventId"] = 1;
        const auto diff = compareHistories(expected, actual, tokens());
        QVERIFY(diff);
        QVERIFY2(diff->find("previousEventId") != std::string::npos, diff->c_str());
        actual.push_back(makeEvent(3, 2, "ExecutionSucceeded"));
        actual[1]["previousEventId"] = 0;
        QVERIFY(compareHistories(expected, actual, tokens()));
    }

    void normalisedParallelRange()
    {
        // The recorder sorted the range, set ids to [0] and dropped ParallelStateSucceeded.
        Json expected = Json::array({makeEvent(1, 0, "ExecutionStarted"), makeEvent(2, 0, "ParallelStateStarted")});
        for (const char *name : {"B", "A"}) {
            Json e = makeEvent(0, 0, "PassStateEntered", Json::object({{"name", name}}));
            e["id"] = Json::array({0});
            expected.push_back(e);
        }
        expected.push_back(makeEvent(6, 4, "ParallelStateExited"));
        Json actual = Json::array({makeEvent(1, 0, "ExecutionStarted"), makeEvent(2, 0, "ParallelStateStarted"),
                                   makeEvent(3, 2, "PassStateEntered", Json::object({{"name", "A"}})),
                                   makeEvent(4, 2, "PassStateEntered", Json::object({{"name", "B"}})),
                                   makeEvent(5, 4, "ParallelStateSucceeded"), makeEvent(6, 4, "ParallelStateExited")});
        QVERIFY(!compareHistories(expected, actual, tokens()));
        actual[3]["stateEnteredEventDetails"]["name"] = "C";
        QVERIFY(compareHistories(expected, actual, tokens()));
    }
};

QTEST_APPLESS_MAIN(TestCompare)
#include "tst_compare.moc"
