// Intrinsic functions: parsing, every function with its edge cases, and the AWS recordings of
// the intrinsic conformance groups (ASL spec §5).
#include "core/intrinsics/Expression.h"
#include "core/intrinsics/JavaText.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

using stepwise::Json;
using namespace stepwise::intrinsics;

namespace {

Json readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Json();
    return Json::parse(file.readAll().toStdString(), nullptr, false);
}

stepwise::Result<Json, std::string> run(const std::string &text, const Json &input,
                                        const Json &variables = Json::object())
{
    auto expression = Expression::parse(text);
    if (!expression)
        return stepwise::unexpected("parse: " + expression.error());
    static const Json context = Json::parse(
        R"({"Execution":{"Name":"exec-1"},"StateMachine":{"Name":"my-state-machine"}})");
    std::uint64_t counter = 0;
    EvalContext eval{&input, &context, &variables, [&counter] {
                         counter += 0x9E3779B97F4A7C15ULL;
                         return counter;
                     }};
    return evaluate(expression.value(), eval);
}

} // namespace

class TestIntrinsics : public QObject
{
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("function"); // empty: must fail
        QTest::newRow("no args") << "States.UUID()"
                                 << "States.UUID";
        QTest::newRow("spaces") << "  States.Array( 1 , 'a' ,true,false, null )  "
                                << "States.Array";
        QTest::newRow("nested") << "States.ArrayGetItem(States.Array(1,2), States.MathAdd(0,1))"
                                << "States.ArrayGetItem";
        QTest::newRow("paths") << "States.Format('{} {} {}', $.a[0], $$.Execution.Id, $v.x)"
                               << "States.Format";
        QTest::newRow("filter path") << "States.ArrayLength($.a[?(@.x == 'a,b')])"
                                     << "States.ArrayLength";
        QTest::newRow("length path") << "States.MathAdd($.a.length(), 1)"
                                     << "States.MathAdd";
        QTest::newRow("escapes") << "States.Format('\\'\\{\\}\\\\')"
                                 << "States.Format";
        QTest::newRow("negative decimal") << "States.MathAdd(-1.5, 2e3)"
                                          << "States.MathAdd";
        QTest::newRow("optional seed") << "States.MathRandom(1, 2, 3)"
                                       << "States.MathRandom";
        QTest::newRow("unknown") << "States.Nope(1)"
                                 << "";
        QTest::newRow("case sensitive") << "States.uuid()"
                                        << "";
        QTest::newRow("too few") << "States.ArrayRange(1, 2)"
                                 << "";
        QTest::newRow("too many") << "States.UUID(1)"
                                  << "";
        QTest::newRow("random too many") << "States.MathRandom(1, 2, 3, 4)"
                                         << "";
        QTest::newRow("format no template") << "States.Format()"
                                            << "";
        QTest::newRow("unterminated string") << "States.Array('a)"
                                             << "";
        QTest::newRow("illegal escape") << "States.Array('a\\\"b')"
                                        << "";
        QTest::newRow("missing paren") << "States.Array(1"
                                       << "";
        QTest::newRow("trailing text") << "States.Array(1) x"
                                       << "";
        QTest::newRow("bad literal") << "States.Array(abc)"
                                     << "";
        QTest::newRow("bad path") << "States.Array($.a[)"
                                  << "";
        QTest::newRow("empty argument") << "States.Array(1,)"
                                        << "";
        QTest::newRow("not a call") << "$.a"
                                    << "";
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(QString, function);
        auto expression = Expression::parse(text.toStdString());
        if (function.isEmpty()) {
            QVERIFY(!expression.hasValue());
            QVERIFY(!expression.error().empty());
            return;
        }
        QVERIFY2(expression.hasValue(), expression.hasValue() ? "" : expression.error().c_str());
        QCOMPARE(QString::fromStdString(expression->functionName()), function);
        QCOMPARE(QString::fromStdString(expression->text()), text);
        Expression copy = expression.value();
        QCOMPARE(copy.functionName(), expression->functionName());
    }

    void looksLikeCall_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("expected");
        QTest::newRow("call") << "States.Format('x')" << true;
        QTest::newRow("space before paren") << "States.UUID ()" << true;
        QTest::newRow("path") << "$.States" << false;
        QTest::newRow("no paren") << "States.Format" << false;
        QTest::newRow("no name") << "States.()" << false;
        QTest::newRow("other prefix") << "Foo.Bar()" << false;
    }

    void looksLikeCall()
    {
        QFETCH(QString, text);
        QFETCH(bool, expected);
        QCOMPARE(stepwise::intrinsics::looksLikeCall(text.toStdString()), expected);
    }

    void evaluate_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected"); // JSON; "!" + text for an expected error
        auto row = [](const char *name, const char *expression, const char *input,
                      const char *expected) {
            QTest::newRow(name) << expression << input << expected;
        };
        // Format
        row("format", "States.Format('a={}, b={}', $.a, $.b)", R"({"a":"x","b":2})",
            R"("a=x, b=2")");
        row("format double", "States.Format('{} {} {} {}', 1.5, 1e7, 0.0001, 100.0)", "{}",
            R"("1.5 1.0E7 1.0E-4 100.0")");
        row("format java map", "States.Format('{}', $)", R"({"k":"v","l":[1,"a"],"n":null})",
            R"("{k=v, l=[1, a], n=null}")");
        row("format escapes", "States.Format('\\{\\} {} \\'q\\' \\\\', true)", "{}",
            "\"{} true 'q' \\\\\"");
        row("format too few", "States.Format('{} {}', 1)", "{}",
            "!Invalid arguments in States.Format");
        row("format too many", "States.Format('{}', 1, 2)", "{}",
            "!Invalid arguments in States.Format");
        row("format non-string template", "States.Format(1)", "{}",
            "!Invalid arguments in States.Format");
        // StringToJson / JsonToString
        row("string to json", "States.StringToJson($.s)",
            "{\"s\":\"{\\\"b\\\":1,\\\"a\\\":[true]}\"}", R"({"b":1,"a":[true]})");
        row("string to json blank", "States.StringToJson(' ')", "{}", "null");
        row("string to json invalid", "States.StringToJson('{')", "{}",
            "!Invalid arguments in States.StringToJson");
        row("string to json non-string", "States.StringToJson(1)", "{}",
            "!Invalid arguments in States.StringToJson");
        row("json to string", "States.JsonToString($)", R"({"z":1,"a":[1.5,"x"]})",
            "\"{\\\"z\\\":1,\\\"a\\\":[1.5,\\\"x\\\"]}\"");
        // Array family
        row("array", "States.Array(1, 'a', $.x, States.Array())", R"({"x":[2]})",
            R"([1,"a",[2],[]])");
        row("partition", "States.ArrayPartition($.a, 2)", R"({"a":[1,2,3,4,5]})",
            "[[1,2],[3,4],[5]]");
        row("partition truncates", "States.ArrayPartition($.a, 2.9)", R"({"a":[1,2,3]})",
            "[[1,2],[3]]");
        row("partition empty", "States.ArrayPartition($.a, 3)", R"({"a":[]})", "[]");
        row("partition zero", "States.ArrayPartition($.a, 0.5)", R"({"a":[1]})",
            "!Invalid arguments in States.ArrayPartition");
        row("partition non-array", "States.ArrayPartition('a', 1)", "{}",
            "!Invalid arguments in States.ArrayPartition");
        row("contains", "States.ArrayContains($.a, $.v)", R"({"a":[1,{"x":[2]}],"v":{"x":[2]}})",
            "true");
        row("contains no", "States.ArrayContains($.a, 3)", R"({"a":[1,2]})", "false");
        row("contains key order", "States.ArrayContains($.a, $.v)",
            R"({"a":[{"x":1,"y":2}],"v":{"y":2,"x":1}})", "false");
        row("contains non-array", "States.ArrayContains(1, 1)", "{}",
            "!Invalid arguments in States.ArrayContains");
        row("range", "States.ArrayRange(1, 9, 2)", "{}", "[1,3,5,7,9]");
        row("range not reaching end", "States.ArrayRange(1, 8, 3)", "{}", "[1,4,7]");
        row("range descending", "States.ArrayRange(5, 1, -2)", "{}", "[5,3,1]");
        row("range away", "States.ArrayRange(1, 5, -1)", "{}", "[]");
        row("range truncates", "States.ArrayRange(1.9, 3.2, 1.5)", "{}", "[1,2,3]");
        row("range step zero", "States.ArrayRange(1, 5, 0)", "{}",
            "!Invalid arguments in States.ArrayRange");
        row("range 1000", "States.ArrayLength(States.ArrayRange(1, 1000, 1))", "{}", "1000");
        row("range 1001", "States.ArrayRange(0, 1000, 1)", "{}",
            "!Invalid arguments in States.ArrayRange");
        row("get item", "States.ArrayGetItem($.a, 1.7)", R"({"a":["x","y"]})", R"("y")");
        row("get item empty", "States.ArrayGetItem($.a, 3)", R"({"a":[]})", "null");
        row("get item out of range", "States.ArrayGetItem($.a, 2)", R"({"a":[1,2]})",
            "!Invalid arguments in States.ArrayGetItem");
        row("get item negative", "States.ArrayGetItem($.a, -1)", R"({"a":[1,2]})",
            "!Invalid arguments in States.ArrayGetItem");
        row("length", "States.ArrayLength($.a)", R"({"a":[1,[2,3]]})", "2");
        row("length non-array", "States.ArrayLength($.a)", R"({"a":"abc"})",
            "!Invalid arguments in States.ArrayLength");
        row("unique", "States.ArrayUnique($.a)", R"({"a":[1,2,2,3,3,4]})", "[1,2,3,4]");
        row("unique hash order", "States.ArrayUnique($.a)", R"({"a":["b",17,"a",1,"b"]})",
            R"([17,"a",1,"b"])");
        row("unique non-array", "States.ArrayUnique(1)", "{}",
            "!Invalid arguments in States.ArrayUnique");
        // JsonMerge
        row("merge", "States.JsonMerge($.a, $.b, false)",
            R"({"a":{"d":1,"a":{"x":1}},"b":{"a":{"y":2},"c":3}})", R"({"a":{"y":2},"c":3,"d":1})");
        row("merge deep", "States.JsonMerge($.a, $.a, true)", R"({"a":{}})",
            "!Invalid arguments in States.JsonMerge");
        row("merge non-object", "States.JsonMerge($.a, 1, false)", R"({"a":{}})",
            "!Invalid arguments in States.JsonMerge");
        // Encoding and hashing
        row("base64 encode", "States.Base64Encode('Hello World')", "{}", R"("SGVsbG8gV29ybGQ=")");
        row("base64 encode utf8", "States.Base64Encode('é')", "{}", R"("w6k=")");
        row("base64 decode", "States.Base64Decode('SGVsbG8gV29ybGQ=')", "{}", R"("Hello World")");
        row("base64 decode no padding", "States.Base64Decode('SGk')", "{}", R"("Hi")");
        row("base64 decode invalid", "States.Base64Decode('S*k=')", "{}",
            "!Invalid arguments in States.Base64Decode");
        row("hash md5", "States.Hash('input data', 'MD5')", "{}",
            R"("812f45842bc6d66ee14572ce20db8e86")");
        row("hash sha1", "States.Hash('input data', 'SHA-1')", "{}",
            R"("aaff4a450a104cd177d28d18d74485e8cae074b7")");
        row("hash json text", "States.Hash($.o, 'MD5')", R"({"o":{"a":1}})",
            R"("bb6cb5c68df4652941caf652a366f2d8")");
        row("hash null", "States.Hash(null, 'MD5')", "{}", R"("37a6259cc0c1dae299a7866489dff0bd")");
        row("hash bad algorithm", "States.Hash('x', 'sha-256')", "{}",
            "!Invalid arguments in States.Hash");
        // Math
        row("add", "States.MathAdd(1, -3)", "{}", "-2");
        row("add rounds", "States.MathAdd(1.5, -2.5)", "{}", "0");
        row("add max", "States.MathAdd(2147483646, 1)", "{}", "2147483647");
        row("add overflow", "States.MathAdd(2147483647, 1)", "{}",
            "!Invalid arguments in States.MathAdd");
        row("add non-number", "States.MathAdd('1', 1)", "{}",
            "!Invalid arguments in States.MathAdd");
        row("random seeded", "States.MathRandom(0, 999, 3)", "{}", "239");
        row("random seeded truncates", "States.MathRandom(1.9, 100.2, 42)", "{}", "63");
        row("random empty range", "States.MathRandom(5, 5)", "{}",
            "!Invalid arguments in States.MathRandom");
        // StringSplit
        row("split", "States.StringSplit('a,b,,c', ',')", "{}", R"(["a","b","c"])");
        row("split char set", "States.StringSplit('a-b+c', '+-')", "{}", R"(["a","b","c"])");
        row("split nothing", "States.StringSplit(',,', ',')", "{}", "[]");
        // A non-ASCII delimiter is a character: 'é' (C3 A9) must not cut 'ê' (C3 AA) apart.
        row("split on a non-ASCII character", "States.StringSplit('aêbéc', 'é')", "{}",
            R"(["aêb","c"])");
        row("json of a split", "States.JsonToString(States.StringSplit('êé', 'é'))", "{}",
            "\"[\\\"ê\\\"]\"");
        row("split non-string", "States.StringSplit(1, ',')", "{}",
            "!Invalid arguments in States.StringSplit");
        // Paths
        row("context path", "States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), 1)",
            "{}", R"("state")");
        row("variable path", "States.MathAdd($n, $.a)", R"({"a":1})", "42");
        row("missing path", "States.Array($.nope)", "{}",
            "!Invalid path '$.nope' : No results for path: $['nope']");
        row("missing variable", "States.Array($nope)", "{}",
            "!Invalid path '$nope': The variable 'nope' is not defined");
    }

    void evaluate()
    {
        QFETCH(QString, expression);
        QFETCH(QString, input);
        QFETCH(QString, expected);
        auto result = run(expression.toStdString(), Json::parse(input.toStdString()),
                          Json::parse(R"({"n":41})"));
        if (expected.startsWith('!')) {
            QVERIFY2(!result.hasValue(), result.hasValue() ? result->dump().c_str() : "");
            QCOMPARE(QString::fromStdString(result.error()), expected.mid(1));
            return;
        }
        QVERIFY2(result.hasValue(), result.hasValue() ? "" : result.error().c_str());
        QCOMPARE(QString::fromStdString(result->dump()),
                 QString::fromStdString(Json::parse(expected.toStdString()).dump()));
    }

    void randomAndUuid()
    {
        for (int i = 0; i < 50; ++i) {
            auto value = run("States.MathRandom(-3, 4)", Json::object());
            QVERIFY(value.hasValue());
            QVERIFY(value->get<std::int64_t>() >= -3 && value->get<std::int64_t>() < 4);
        }
        auto uuid = run("States.UUID()", Json::object());
        QVERIFY(uuid.hasValue());
        QString text = QString::fromStdString(uuid->get<std::string>());
        QVERIFY2(QRegularExpression("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-"
                                    "[0-9a-f]{12}$")
                     .match(text)
                     .hasMatch(),
                 qPrintable(text));
    }

    void javaDouble_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("1.1") << 1.1 << "1.1";
        QTest::newRow("integral") << 3.0 << "3.0";
        QTest::newRow("negative") << -0.5 << "-0.5";
        QTest::newRow("small") << 0.001 << "0.001";
        QTest::newRow("smaller") << 0.00012 << "1.2E-4";
        QTest::newRow("large") << 9999999.5 << "9999999.5";
        QTest::newRow("larger") << 12345678.9 << "1.23456789E7";
        QTest::newRow("huge") << 1e21 << "1.0E21";
        QTest::newRow("zero") << 0.0 << "0.0";
    }

    void javaDouble()
    {
        QFETCH(double, value);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(javaDoubleToString(value)), expected);
    }

    // Every simple `cases/intrinsic_*` recording: a Pass state whose Parameters hold `.$`
    // intrinsic calls over the input; the result must match AWS byte for byte (key order too).
    void conformance()
    {
        QDir cases(QStringLiteral(STEPWISE_SHARED_DIR "/conformance/cases"));
        if (!cases.exists())
            QSKIP("conformance corpus not present");
        int compared = 0;
        for (const QString &group : cases.entryList({"intrinsic_*"}, QDir::Dirs)) {
            if (group.endsWith("_jsonata"))
                continue;
            QDir groupDir(cases.filePath(group));
            for (const QString &name : groupDir.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
                checkCase(groupDir.filePath(name), compared);
                if (QTest::currentTestFailed())
                    return;
            }
        }
        qInfo("%d recorded intrinsic results compared", compared);
        QVERIFY2(compared >= 100, qPrintable(QString::number(compared)));
    }

    // Every `.$` intrinsic call in the whole corpus parses, except those AWS rejected as
    // invalid intrinsic calls (illegal escapes), which must fail to parse.
    void corpusExpressionsParse()
    {
        QDir cases(QStringLiteral(STEPWISE_SHARED_DIR "/conformance/cases"));
        if (!cases.exists())
            QSKIP("conformance corpus not present");
        int accepted = 0;
        int rejected = 0;
        for (const QString &group : cases.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            QDir groupDir(cases.filePath(group));
            for (const QString &name : groupDir.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
                QString dir = groupDir.filePath(name);
                Json expected = readJson(dir + "/expected.json");
                std::string cause = expected.is_object() ? expected.value("cause", "") : "";
                bool invalid = cause.find("must be a valid JSONPath or a valid intrinsic") !=
                               std::string::npos;
                std::vector<std::string> calls;
                collectCalls(readJson(dir + "/definition.asl.json"), calls);
                for (const auto &call : calls) {
                    auto parsed = Expression::parse(call);
                    QVERIFY2(parsed.hasValue() != invalid,
                             (dir.toStdString() + ": " + call).c_str());
                    ++(invalid ? rejected : accepted);
                }
            }
        }
        QVERIFY(accepted >= 150);
        QCOMPARE(rejected, 2);
    }

private:
    static void collectCalls(const Json &node, std::vector<std::string> &out)
    {
        if (node.is_array()) {
            for (const auto &item : node)
                collectCalls(item, out);
            return;
        }
        if (!node.is_object())
            return;
        for (const auto &[key, value] : node.items()) {
            bool dollar = key.size() > 2 && key.substr(key.size() - 2) == ".$";
            if (dollar && value.is_string() &&
                stepwise::intrinsics::looksLikeCall(value.get<std::string>()))
                out.push_back(value.get<std::string>());
            else if (key != "Result") // a Pass Result is literal JSON, never evaluated
                collectCalls(value, out);
        }
    }

    // Compares the intrinsic results of one case folder, counting them in `compared`.
    void checkCase(const QString &dir, int &compared)
    {
        Json definition = readJson(dir + "/definition.asl.json");
        Json input = readJson(dir + "/input.json");
        Json expected = readJson(dir + "/expected.json");
        if (!definition.is_object() || !expected.is_object() ||
            expected.value("status", "") != std::string("SUCCEEDED"))
            return;
        const Json &state = definition["States"][definition["StartAt"].get<std::string>()];
        if (state.value("Type", "") != std::string("Pass") || !state.contains("Parameters") ||
            state.contains("InputPath"))
            return;
        for (const auto &[key, value] : state["Parameters"].items()) {
            if (!value.is_string() || key.size() < 3 || key.substr(key.size() - 2) != ".$")
                continue;
            auto text = value.get<std::string>();
            bool placeholder = text.find("$$") != std::string::npos ||
                               text.find("UUID") != std::string::npos ||
                               text.find("MathRandom") != std::string::npos;
            if (!stepwise::intrinsics::looksLikeCall(text) || placeholder)
                continue;
            auto result = run(text, input);
            std::string where = (dir + ": ").toStdString() + text;
            QVERIFY2(result.hasValue(),
                     (where + " → " + (result.hasValue() ? "" : result.error())).c_str());
            const Json &want = expected["output"][key.substr(0, key.size() - 2)];
            QVERIFY2(result->dump() == want.dump(),
                     (where + "\n  got  " + result->dump() + "\n  want " + want.dump()).c_str());
            ++compared;
        }
    }
};

QTEST_APPLESS_MAIN(TestIntrinsics)
#include "tst_intrinsics.moc"
