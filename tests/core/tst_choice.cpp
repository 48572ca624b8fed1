// Choice rules in JSONPath mode (ASL spec §6.1, §6.2).
#include "core/engine/ChoiceEvaluator.h"

#include <QTest>

using stepwise::Json;
using namespace stepwise::engine;

namespace {

stepwise::asl::ChoiceRule dataTest(const std::string &variable, const std::string &op,
                                   Json operand)
{
    stepwise::asl::ChoiceRule rule;
    rule.variable = variable;
    rule.comparison = op;
    rule.operand = std::move(operand);
    return rule;
}

ChoiceResolver resolverFor(const Json &input)
{
    return [input](const std::string &path) -> stepwise::Result<Json, std::string> {
        const std::string key = path.size() > 2 ? path.substr(2) : std::string();
        if (path == "$")
            return input;
        if (!input.contains(key))
            return stepwise::unexpected(std::string("No results for path: $['") + key + "']");
        return input[key];
    };
}

} // namespace

class TestChoice : public QObject
{
    Q_OBJECT
private slots:
    void operators_data()
    {
        QTest::addColumn<QString>("op");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("operand");
        QTest::addColumn<bool>("expected");
        QTest::newRow("num eq int/float") << "NumericEquals" << "1" << "1.0" << true;
        QTest::newRow("num lt") << "NumericLessThan" << "1" << "2" << true;
        QTest::newRow("num gte equal") << "NumericGreaterThanEquals" << "2" << "2" << true;
        QTest::newRow("num on string") << "NumericEquals" << "\"1\"" << "1" << false;
        QTest::newRow("str eq") << "StringEquals" << "\"a\"" << "\"a\"" << true;
        QTest::newRow("str lt") << "StringLessThan" << "\"a\"" << "\"b\"" << true;
        QTest::newRow("str lte") << "StringLessThanEquals" << "\"b\"" << "\"a\"" << false;
        QTest::newRow("str case") << "StringEquals" << "\"A\"" << "\"a\"" << false;
        QTest::newRow("bool") << "BooleanEquals" << "true" << "true" << true;
        QTest::newRow("bool mismatch type") << "BooleanEquals" << "\"true\"" << "true" << false;
        QTest::newRow("ts eq offsets") << "TimestampEquals" << "\"2016-03-14T01:59:00Z\""
                                       << "\"2016-03-14T02:59:00+01:00\"" << true;
        QTest::newRow("ts gt") << "TimestampGreaterThan" << "\"2016-03-14T01:59:00.5Z\""
                               << "\"2016-03-14T01:59:00Z\"" << true;
        QTest::newRow("ts unparsable") << "TimestampEquals" << "\"2016-03-14 01:59:00Z\""
                                       << "\"2016-03-14T01:59:00Z\"" << false;
        QTest::newRow("is null") << "IsNull" << "null" << "true" << true;
        QTest::newRow("is not null") << "IsNull" << "1" << "false" << true;
        QTest::newRow("is numeric string") << "IsNumeric" << "\"1\"" << "true" << false;
        QTest::newRow("is string") << "IsString" << "\"x\"" << "true" << true;
        QTest::newRow("is boolean") << "IsBoolean" << "false" << "true" << true;
        QTest::newRow("is timestamp") << "IsTimestamp" << "\"2016-03-14T01:59:00Z\""
                                      << "true" << true;
        QTest::newRow("matches star") << "StringMatches" << "\"log-2024.txt\"" << "\"log-*.txt\""
                                      << true;
        QTest::newRow("matches literal star") << "StringMatches" << "\"a*b\"" << R"("a\\*b")"
                                              << true;
        QTest::newRow("no match") << "StringMatches" << "\"axb\"" << R"("a\\*b")" << false;
    }
    void operators()
    {
        QFETCH(QString, op);
        QFETCH(QString, value);
        QFETCH(QString, operand);
        QFETCH(bool, expected);
        auto result = compareChoiceValues(op.toStdString(), Json::parse(value.toStdString()),
                                          Json::parse(operand.toStdString()));
        QVERIFY(result.hasValue());
        QCOMPARE(result.value(), expected);
    }

    void utf16Order_data()
    {
        QTest::addColumn<QString>("left");
        QTest::addColumn<QString>("right");
        QTest::addColumn<int>("sign");
        QTest::newRow("ascii") << "abc" << "abd" << -1;
        QTest::newRow("equal") << "h\\u00e9" << "h\\u00e9" << 0;
        QTest::newRow("prefix") << "ab" << "abc" << -1;
        QTest::newRow("longer") << "abc" << "ab" << 1;
        QTest::newRow("bmp below surrogates") << "\\u00e9" << "\\ud7ff" << -1;
        // U+1F600 is the pair D83D DE00: below U+FFFD in UTF-16, above it as a code point.
        QTest::newRow("pair before high bmp") << "\\ud83d\\ude00" << "\\ufffd" << -1;
        QTest::newRow("high bmp after pair") << "\\ue000" << "\\ud83d\\ude00" << 1;
        QTest::newRow("two pairs") << "\\ud83d\\ude00" << "\\ud83d\\ude01" << -1;
    }
    void utf16Order()
    {
        QFETCH(QString, left);
        QFETCH(QString, right);
        QFETCH(int, sign);
        // The rows hold JSON escapes; decode them to UTF-8.
        const auto a = Json::parse("\"" + left.toStdString() + "\"").get<std::string>();
        const auto b = Json::parse("\"" + right.toStdString() + "\"").get<std::string>();
        const int c = compareUtf16(a, b);
        QCOMPARE((c > 0) - (c < 0), sign);
        QCOMPARE(QString::fromStdString(a).compare(QString::fromStdString(b)) < 0, sign < 0);
        auto less = compareChoiceValues("StringLessThan", Json(a), Json(b));
        QVERIFY(less.hasValue());
        QCOMPARE(less.value(), sign < 0);
    }
    void stringMatchesBadEscape()
    {
        QVERIFY(!stringMatches("a", "a\\x").hasValue());
    }

    void missingVariableIsRuntimeError()
    {
        auto result = evaluateChoiceRule(dataTest("$.no", "StringEquals", "x"),
                                         resolverFor(Json::object()));
        QVERIFY(!result.hasValue());
        QCOMPARE(result.error(), std::string("Invalid path '$.no': The choice state's condition "
                                             "path references an invalid value."));
    }

    void isPresentToleratesMissing()
    {
        auto absent = evaluateChoiceRule(dataTest("$.no", "IsPresent", false),
                                         resolverFor(Json::object()));
        QVERIFY(absent.hasValue());
        QVERIFY(absent.value());
    }

    void pathOperand()
    {
        const Json input = Json::parse(R"({"a":3,"b":3})");
        auto equal = evaluateChoiceRule(dataTest("$.a", "NumericEqualsPath", "$.b"),
                                        resolverFor(input));
        QVERIFY(equal.hasValue() && equal.value());
        auto missing = evaluateChoiceRule(dataTest("$.a", "NumericEqualsPath", "$.c"),
                                          resolverFor(input));
        QVERIFY(!missing.hasValue());
        QVERIFY(missing.error().find("'$.c'") != std::string::npos);
    }

    void booleanCombinations()
    {
        const Json input = Json::parse(R"({"a":1})");
        stepwise::asl::ChoiceRule andRule;
        andRule.andRules = std::vector{dataTest("$.a", "NumericEquals", 1),
                                       dataTest("$.a", "NumericLessThan", 0)};
        QCOMPARE(evaluateChoiceRule(andRule, resolverFor(input)).value(), false);
        // Or short-circuits: the second rule's missing path is never read (spec §6.1).
        stepwise::asl::ChoiceRule orRule;
        orRule.orRules = std::vector{dataTest("$.a", "NumericEquals", 1),
                                     dataTest("$.missing", "NumericEquals", 1)};
        QCOMPARE(evaluateChoiceRule(orRule, resolverFor(input)).value(), true);
        stepwise::asl::ChoiceRule notRule;
        notRule.hasNot = true;
        notRule.notRule.push_back(dataTest("$.a", "NumericEquals", 1));
        QCOMPARE(evaluateChoiceRule(notRule, resolverFor(input)).value(), false);
    }
};

QTEST_APPLESS_MAIN(TestChoice)
#include "tst_choice.moc"
