// Unit tests for the native JSONata engine: lexer/parser errors and positions, evaluator
// essentials (paths, sequences, lambdas, tail calls), number output, and the AWS functions.
#include "core/jsonata/Jsonata.h"

#include <QTest>

using stepwise::Json;
namespace jsn = stepwise::jsonata;

Q_DECLARE_METATYPE(std::string)

namespace {

// Evaluates and renders the outcome as text: a JSON dump, "undefined" or "error CODE".
std::string run(const std::string &expr, const std::string &input = "null",
                const jsn::Bindings &bindings = {})
{
    auto compiled = jsn::Expression::compile(expr);
    if (!compiled)
        return "error " + compiled.error().code;
    std::optional<Json> in;
    if (input != "undefined")
        in = Json::parse(input);
    auto r = jsn::evaluate(compiled.value(), in, bindings);
    if (!r)
        return "error " + r.error().code;
    return r.value() ? r.value()->dump() : "undefined";
}

} // namespace

class TestJsonata : public QObject
{
    Q_OBJECT

private slots:
    void evaluates_data()
    {
        QTest::addColumn<std::string>("expr");
        QTest::addColumn<std::string>("input");
        QTest::addColumn<std::string>("expected");
        const std::string doc = R"({"a":{"b":[{"c":1},{"c":2}]},"n":[3,1,2]})";
        QTest::newRow("path") << std::string("a.b.c") << doc << std::string("[1,2]");
        QTest::newRow("singleton") << std::string("a.b[0].c") << doc << std::string("1");
        QTest::newRow("keep array") << std::string("a.b[0].c[]") << doc << std::string("[1]");
        QTest::newRow("missing") << std::string("a.x") << doc << std::string("undefined");
        QTest::newRow("predicate") << std::string("a.b[c>1].c") << doc << std::string("2");
        QTest::newRow("negative index") << std::string("n[-1]") << doc << std::string("2");
        QTest::newRow("sort") << std::string("n^($)") << doc << std::string("[1,2,3]");
        QTest::newRow("sum") << std::string("$sum(n)") << doc << std::string("6");
        QTest::newRow("integral double") << std::string("6/2") << doc << std::string("3");
        QTest::newRow("string of float")
            << std::string("$string(1/3)") << doc << std::string("\"0.333333333333333\"");
        QTest::newRow("concat") << std::string("'a' & 1 & true") << doc
                                << std::string("\"a1true\"");
        QTest::newRow("object order")
            << std::string("{'z': 1, 'a': 2}") << doc << std::string("{\"z\":1,\"a\":2}");
        QTest::newRow("group") << std::string("a.b{'k': $sum(c)}") << doc
                               << std::string("{\"k\":3}");
        QTest::newRow("lambda") << std::string("($f := function($x){$x*2}; $f(4))") << doc
                                << std::string("8");
        QTest::newRow("partial") << std::string("($p := $substring(?, 1); $p('abc'))") << doc
                                 << std::string("\"bc\"");
        QTest::newRow("chain") << std::string("'abc' ~> $uppercase()") << doc
                               << std::string("\"ABC\"");
        QTest::newRow("tail recursion")
            << std::string("($c := function($n, $acc){$n = 0 ? $acc : $c($n - 1, $acc + 1)};"
                           " $c(20000, 0))")
            << doc << std::string("20000");
        QTest::newRow("range") << std::string("[1..3]") << doc << std::string("[1,2,3]");
        QTest::newRow("transform")
            << std::string("$ ~> |a|{'x': 1}, ['b']|") << doc
            << std::string("{\"a\":{\"x\":1},\"n\":[3,1,2]}");
        QTest::newRow("regex") << std::string("$replace('a1b22', /[0-9]+/, '#')") << doc
                               << std::string("\"a#b#\"");
        QTest::newRow("formatInteger") << std::string("$formatInteger(21, 'w;o')") << doc
                                       << std::string("\"twenty-first\"");
        QTest::newRow("fromMillis") << std::string("$fromMillis(0)") << doc
                                    << std::string("\"1970-01-01T00:00:00.000Z\"");
        QTest::newRow("width modifier") << std::string("$fromMillis(0, '[Y,6]')") << doc
                                        << std::string("\"001970\"");
        // A hostile width is capped (1000) instead of asking for gigabytes of padding.
        QTest::newRow("huge width") << std::string("$length($fromMillis(0, '[Y,99999999999]'))")
                                    << doc << std::string("1000");
        QTest::newRow("roman year") << std::string("$toMillis('MMXVIII', '[YI]')") << doc
                                    << std::string("1514764800000");
        QTest::newRow("alphabetic month") << std::string("$toMillis('2018 c', '[Y] [Ma]')") << doc
                                          << std::string("1519862400000");
        // Components no date can hold (fuzz_jsonata: they overflowed the civil-date arithmetic).
        QTest::newRow("month beyond any date")
            << std::string("$toMillis('2018 zzzzzzzzzzzzzzzz', '[Y] [Ma]')") << doc
            << std::string("undefined");
    }
    void evaluates()
    {
        QFETCH(std::string, expr);
        QFETCH(std::string, input);
        QFETCH(std::string, expected);
        QCOMPARE(run(expr, input), expected);
    }

    void errors_data()
    {
        QTest::addColumn<std::string>("expr");
        QTest::addColumn<std::string>("code");
        QTest::newRow("unterminated string") << std::string("'abc") << std::string("S0101");
        QTest::newRow("syntax") << std::string("a b") << std::string("S0201");
        QTest::newRow("expected bracket") << std::string("[1,2") << std::string("S0203");
        QTest::newRow("arithmetic type") << std::string("'a' + 1") << std::string("T2001");
        QTest::newRow("not a function") << std::string("$x()") << std::string("T1006");
        QTest::newRow("signature") << std::string("$length(1)") << std::string("T0410");
        QTest::newRow("reduce without a function") << std::string("$reduce([1, 2], $nothing)")
                                                   << std::string("D3050");
        QTest::newRow("date beyond JavaScript's range") << std::string("$fromMillis(1e20)")
                                                        << std::string("");
        QTest::newRow("stack overflow")
            << std::string("($f := function($n){1 + $f($n)}; $f(1))") << std::string("U1001");
    }
    void errors()
    {
        QFETCH(std::string, expr);
        QFETCH(std::string, code);
        QCOMPARE(run(expr), "error " + code);
    }

    void errorCarriesPosition()
    {
        auto compiled = jsn::Expression::compile("[1,2");
        QVERIFY(!compiled.hasValue());
        QCOMPARE(compiled.error().code, std::string("S0203"));
        QCOMPARE(compiled.error().position, std::size_t(4));
        auto bad = jsn::Expression::compile("a.b c");
        QVERIFY(!bad.hasValue());
        QCOMPARE(bad.error().token, std::string("c"));
    }

    void bindingsAndHostFunctions()
    {
        jsn::Bindings b;
        b.variables["x"] = Json(5);
        b.addFunction("twice", "<n:n>", [](const std::vector<std::optional<Json>> &args)
                          -> stepwise::Result<std::optional<Json>, jsn::Error> {
            return std::optional<Json>(Json(args[0]->get<double>() * 2));
        });
        QCOMPARE(run("$twice($x)", "null", b), std::string("10"));
        QCOMPARE(run("$twice('a')", "null", b), std::string("error T0410"));
    }

    void awsFunctions()
    {
        jsn::Bindings b;
        jsn::addAwsFunctions(b, [] { return 0.5; });
        QCOMPARE(run("$partition([1,2,3], 2)", "null", b), std::string("[[1,2],[3]]"));
        QCOMPARE(run("$range(0, 4, 2)", "null", b), std::string("[0,2,4]"));
        QCOMPARE(run("$range(1, 1, 1)", "null", b), std::string("1"));
        QCOMPARE(run("$hash('abc', 'SHA-256')", "null", b),
                 std::string("\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\""));
        QCOMPARE(run("$random(42)", "null", b), std::string("0.7275636800328681"));
        QCOMPARE(run("$random()", "null", b), std::string("0.5"));
        QCOMPARE(run("$parse('{\"a\":[1]}').a", "null", b), std::string("[1]"));
        QCOMPARE(run("$length($uuid())", "null", b), std::string("36"));
    }

    void compileOnceEvaluateMany()
    {
        auto compiled = jsn::Expression::compile("x * 2");
        QVERIFY(compiled.hasValue());
        for (int i = 0; i < 3; ++i) {
            auto r = jsn::evaluate(compiled.value(), Json{{"x", i}}, {});
            QVERIFY(r.hasValue());
            QCOMPARE(r.value()->get<int>(), i * 2);
        }
    }
};

QTEST_APPLESS_MAIN(TestJsonata)
#include "tst_jsonata.moc"
