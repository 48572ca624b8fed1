// JSONPath: syntax forms, evaluation, AWS error texts and ResultPath assignment (ASL §2.3, §2.6).
#include "core/common/JavaHashOrder.h"
#include "core/common/JsonDispose.h"
#include "core/jsonpath/InPlace.h"
#include "core/jsonpath/Path.h"

#include <QTest>

#include <algorithm>
#include <numeric>
#include <random>

using stepwise::Json;
using stepwise::jsonpath::Path;
using stepwise::jsonpath::PathEvalError;

namespace {

const char *const kDocument = R"({
  "store": {
    "book": [
      {"category": "reference", "author": "Nigel Rees", "title": "Sayings", "price": 8.95},
      {"category": "fiction", "author": "Evelyn Waugh", "title": "Sword", "price": 12.99},
      {"category": "fiction", "author": "Herman Melville", "title": "Moby Dick",
       "isbn": "0-553-21311-3", "price": 8.99},
      {"category": "fiction", "author": "J. R. R. Tolkien", "title": "The Lord",
       "isbn": "0-395-19395-8", "price": 22.99}
    ],
    "bicycle": {"color": "red", "price": 19.95}
  },
  "my key": 1, "empty": [], "nil": null, "flag": false
})";

} // namespace

class TestJsonPath : public QObject
{
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("root");
        QTest::addColumn<QString>("variable");
        QTest::addColumn<bool>("definite");
        QTest::addColumn<bool>("reference");
        QTest::addColumn<QString>("normalized");
        auto row = [](const char *name, const char *text, int root, const char *variable,
                      bool definite, bool reference, const char *normalized) {
            QTest::newRow(name) << text << root << variable << definite << reference << normalized;
        };
        row("root", "$", 0, "", true, true, "$");
        row("dot", "$.a.b", 0, "", true, true, "$['a']['b']");
        row("bracket single", "$['a b']", 0, "", true, true, "$['a b']");
        row("bracket double", "$[\"a\"][0]", 0, "", true, true, "$['a'][0]");
        row("index", "$.a[2]", 0, "", true, true, "$['a'][2]");
        row("negative index", "$.a[-1]", 0, "", true, true, "$['a'][-1]");
        row("context", "$$.Execution.Id", 1, "", true, true, "$['Execution']['Id']");
        row("context root", "$$", 1, "", true, true, "$");
        row("variable", "$var.a[0]", 2, "var", true, true, "$['a'][0]");
        row("variable only", "$x_1", 2, "x_1", true, true, "$");
        row("wildcard dot", "$.a.*", 0, "", false, false, "$['a'][*]");
        row("wildcard bracket", "$.a[*].b", 0, "", false, false, "$['a'][*]['b']");
        row("deep scan", "$..price", 0, "", false, false, "$..['price']");
        row("slice", "$.a[1:3]", 0, "", false, false, "$['a'][1:3]");
        row("slice open end", "$.a[1:]", 0, "", false, false, "$['a'][1:]");
        row("slice open start", "$.a[:2]", 0, "", false, false, "$['a'][:2]");
        row("index union", "$.a[0,1]", 0, "", false, false, "$['a'][0,1]");
        row("name union", "$['a','b']", 0, "", true, false, "$['a','b']");
        row("filter", "$.a[?(@.x > 1)]", 0, "", false, false, "$['a'][?]");
        row("length", "$.a.length()", 0, "", true, false, "$['a'].length()");
        row("dash name", "$.my-key", 0, "", true, true, "$['my-key']");
    }

    void parse()
    {
        QFETCH(QString, text);
        auto path = Path::parse(text.toStdString());
        QVERIFY2(path.hasValue(), path.hasValue() ? "" : path.error().message.c_str());
        QFETCH(int, root);
        QFETCH(QString, variable);
        QFETCH(bool, definite);
        QFETCH(bool, reference);
        QFETCH(QString, normalized);
        QCOMPARE(static_cast<int>(path->root()), root);
        QCOMPARE(QString::fromStdString(path->variableName()), variable);
        QCOMPARE(path->isDefinite(), definite);
        QCOMPARE(path->isReferencePath(), reference);
        QCOMPARE(QString::fromStdString(path->normalized()), normalized);
        QCOMPARE(QString::fromStdString(path->text()), text);
    }

    void parseErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("no dollar") << "a.b";
        QTest::newRow("trailing dot") << "$.a.";
        QTest::newRow("unclosed bracket") << "$['a'";
        QTest::newRow("unclosed quote") << "$['a]";
        QTest::newRow("bad index") << "$[x]";
        QTest::newRow("unknown function") << "$.a.size()";
        QTest::newRow("filter unclosed") << "$.a[?(@.x > 1]";
        QTest::newRow("filter missing operand") << "$.a[?(@.x > )]";
        QTest::newRow("garbage after root") << "$ a";
        QTest::newRow("bad variable char") << "$a-b";
        QTest::newRow("after length") << "$.a.length().b";
    }

    void parseErrors()
    {
        QFETCH(QString, text);
        auto path = Path::parse(text.toStdString());
        QVERIFY(!path.hasValue());
        QVERIFY(!path.error().message.empty());
    }

    void evaluate_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        auto row = [](const char *path, const char *expected) {
            QTest::newRow(path) << path << expected;
        };
        row("$.store.bicycle.color", R"("red")");
        row("$['my key']", "1");
        row("$.nil", "null");
        row("$.flag", "false");
        row("$.store.book[0].title", R"("Sayings")");
        row("$.store.book[-1].title", R"("The Lord")");
        row("$.store.book[*].author",
            R"(["Nigel Rees","Evelyn Waugh","Herman Melville","J. R. R. Tolkien"])");
        row("$.store.bicycle.*", R"(["red",19.95])");
        row("$..price", R"([8.95,12.99,8.99,22.99,19.95])");
        row("$..book[2].title", R"(["Moby Dick"])");
        row("$.store.book[1:3].title", R"(["Sword","Moby Dick"])");
        row("$.store.book[:1].title", R"(["Sayings"])");
        row("$.store.book[-1:].title", R"(["The Lord"])");
        row("$.store.book[0,2].title", R"(["Sayings","Moby Dick"])");
        row("$.store.bicycle['color','price']", R"({"color":"red","price":19.95})");
        row("$.store.book[?(@.price < 10)].title", R"(["Sayings","Moby Dick"])");
        row("$.store.book[?(@.price >= 12.99)].title", R"(["Sword","The Lord"])");
        row("$.store.book[?(@.isbn)].title", R"(["Moby Dick","The Lord"])");
        row("$.store.book[?(!@.isbn)].title", R"(["Sayings","Sword"])");
        row("$.store.book[?(@.category == 'reference')].author", R"(["Nigel Rees"])");
        row("$.store.book[?(@.category != \"fiction\")].price", R"([8.95])");
        row("$.store.book[?(@.price > 10 && @.price < 20)].title", R"(["Sword"])");
        row("$.store.book[?(@.price < 9 || @.author == 'J. R. R. Tolkien')].title",
            R"(["Sayings","Moby Dick","The Lord"])");
        row("$.store.book[?((@.price < 9) && !(@.isbn))].title", R"(["Sayings"])");
        row("$.store.book[?(@.price <= 8.95)].title", R"(["Sayings"])");
        row("$.store.book[?(@.price > $.store.bicycle.price)].title", R"(["The Lord"])");
        row("$.store.book[?(@.missing == null)].title", "[]");
        row("$.store.book[*].price[?(@ > 10)]", "[]");
        row("$.store.bicycle[?(@.price > 19)].color", R"(["red"])");
        row("$.store.book[?(@.price > 20)]..title", R"(["The Lord"])");
        row("$..*[?(@.color == 'red')].price", R"([19.95])");
        row("$.store.book.length()", "4");
        row("$.store.book[*].length()", "4");
        row("$.store.bicycle.color.length()", "3");
        row("$.empty[*]", "[]");
        row("$.nothing[*]", "[]");
        row("$", "");
    }

    void evaluate()
    {
        QFETCH(QString, path);
        QFETCH(QString, expected);
        Json document = Json::parse(kDocument);
        auto parsed = Path::parse(path.toStdString());
        QVERIFY2(parsed.hasValue(), parsed.hasValue() ? "" : parsed.error().message.c_str());
        auto result = parsed->evaluate(document);
        QVERIFY2(result.hasValue(), result.hasValue() ? "" : result.error().detail.c_str());
        Json want = expected.isEmpty() ? document : Json::parse(expected.toStdString());
        QCOMPARE(QString::fromStdString(result->dump()), QString::fromStdString(want.dump()));
    }

    // Texts as AWS records them (§2.6): leaf → "No results", intermediate → "Missing property".
    void evaluateErrors_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("detail");
        QTest::newRow("leaf") << "$.NoSuchInputPath" << 0
                              << "No results for path: $['NoSuchInputPath']";
        QTest::newRow("nested leaf")
            << "$.store.nope" << 0 << "No results for path: $['store']['nope']";
        QTest::newRow("intermediate") << "$.no.such" << 1 << "Missing property in path $['no']";
        QTest::newRow("index out of range")
            << "$.store.book[9]" << 0 << "No results for path: $['store']['book'][9]";
        QTest::newRow("index on object")
            << "$.store[0]" << 0 << "No results for path: $['store'][0]";
        QTest::newRow("property of scalar")
            << "$.flag.x" << 2
            << "Expected to find an object with property ['x'] in path $['flag'] but found "
               "'boolean'";
    }

    void evaluateErrors()
    {
        QFETCH(QString, path);
        QFETCH(int, kind);
        QFETCH(QString, detail);
        auto parsed = Path::parse(path.toStdString());
        QVERIFY(parsed.hasValue());
        auto result = parsed->evaluate(Json::parse(kDocument));
        QVERIFY(!result.hasValue());
        QCOMPARE(static_cast<int>(result.error().kind), kind);
        QCOMPARE(QString::fromStdString(result.error().detail), detail);
    }

    void copyAndMove()
    {
        auto parsed = Path::parse("$.store.bicycle.color");
        QVERIFY(parsed.hasValue());
        Path copy = parsed.value();
        Path moved = std::move(parsed.value());
        Path assigned = copy;
        assigned = moved;
        QCOMPARE(assigned.evaluate(Json::parse(kDocument))->get<std::string>(), std::string("red"));
        QCOMPARE(copy.text(), std::string("$.store.bicycle.color"));
    }

    // locate() reads the node in place: the same node evaluate() copies, or nullptr when a path
    // needs evaluate() (indefinite, or nothing there).
    void locateReadsInPlace()
    {
        const Json document = Json::parse(R"({"a":{"b":[10,20]},"s":"x"})");
        auto definite = Path::parse("$.a.b[-1]");
        QVERIFY(definite.hasValue());
        const Json *node = stepwise::jsonpath::locate(*definite, document);
        QVERIFY(node != nullptr);
        QCOMPARE(node, &document["a"]["b"][1]);
        auto missing = Path::parse("$.a.c");
        QVERIFY(missing.hasValue());
        QVERIFY(stepwise::jsonpath::locate(*missing, document) == nullptr);
        auto wildcard = Path::parse("$.a.b[*]");
        QVERIFY(wildcard.hasValue());
        QVERIFY(stepwise::jsonpath::locate(*wildcard, document) == nullptr);
        auto throughString = Path::parse("$.s.t");
        QVERIFY(throughString.hasValue());
        QVERIFY(stepwise::jsonpath::locate(*throughString, document) == nullptr);
    }

    void assign_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("replace") << R"({"a":1})"
                                 << "$"
                                 << "[1]"
                                 << "[1]";
        QTest::newRow("new member") << R"({"a":1})"
                                    << "$.b"
                                    << "2"
                                    << R"({"a":1,"b":2})";
        QTest::newRow("overwrite") << R"({"a":1,"b":0})"
                                   << "$.a"
                                   << "3"
                                   << R"({"a":3,"b":0})";
        QTest::newRow("create intermediates") << R"({"a":1})"
                                              << "$.x.y.z"
                                              << "true"
                                              << R"({"a":1,"x":{"y":{"z":true}}})";
        QTest::newRow("into existing object") << R"({"x":{"k":1}})"
                                              << "$.x['y']"
                                              << "null"
                                              << R"({"x":{"k":1,"y":null}})";
        QTest::newRow("array index") << R"({"a":[1,2]})"
                                     << "$.a[1]"
                                     << "5"
                                     << R"({"a":[1,5]})";
        QTest::newRow("scalar in the way") << R"({"a":1})"
                                           << "$.a.b"
                                           << "2"
                                           << "";
        QTest::newRow("non-object target") << "\"text\""
                                           << "$.a"
                                           << "2"
                                           << "";
        QTest::newRow("index out of range") << R"({"a":[]})"
                                            << "$.a[0]"
                                            << "2"
                                            << "";
        QTest::newRow("not a reference path") << R"({"a":[]})"
                                              << "$.a[*]"
                                              << "2"
                                              << "";
        QTest::newRow("index after a created member") << R"({"a":{}})"
                                                      << "$.a.b[0]"
                                                      << "2"
                                                      << "";
    }

    void assign()
    {
        QFETCH(QString, target);
        QFETCH(QString, path);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        auto parsed = Path::parse(path.toStdString());
        QVERIFY(parsed.hasValue());
        // The copying form (the caller keeps its input) and the in-place form must agree, and a
        // failed in-place assign must leave the target as it was.
        const Json original = Json::parse(target.toStdString());
        auto copied = stepwise::jsonpath::assign(original, *parsed,
                                                 Json::parse(value.toStdString()));
        Json owned = original;
        auto moved = stepwise::jsonpath::assign(std::move(owned), *parsed,
                                                Json::parse(value.toStdString()));
        for (const auto *result : {&copied, &moved}) {
            if (expected.isEmpty()) {
                QVERIFY(!result->hasValue());
                QVERIFY(result->error().find("Unable to apply ResultPath '" + path.toStdString())
                        == 0);
                continue;
            }
            QVERIFY(result->hasValue());
            QCOMPARE(QString::fromStdString(result->value().dump()), expected);
        }
        if (expected.isEmpty())
            QVERIFY(owned == original);
    }

    // java.util.HashMap order (§2.4.1), checked against orders Java prints.
    void javaHashOrder_data()
    {
        QTest::addColumn<QStringList>("keys");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("single letters")
            << QStringList{"d", "b", "a", "c"} << QStringList{"a", "b", "c", "d"};
        QTest::newRow("bucket collision keeps insertion")
            << QStringList{"q", "a"} << QStringList{"q", "a"};
        QTest::newRow("words") << QStringList{"constant_in_literal", "constant_input_field"}
                               << QStringList{"constant_input_field", "constant_in_literal"};
        QTest::newRow("empty") << QStringList{} << QStringList{};
    }

    void javaHashOrder()
    {
        QFETCH(QStringList, keys);
        QFETCH(QStringList, expected);
        std::vector<std::string> input;
        for (const auto &key : keys)
            input.push_back(key.toStdString());
        QStringList actual;
        for (const auto &key : stepwise::java::hashMapKeyOrder(input))
            actual << QString::fromStdString(key);
        QCOMPARE(actual, expected);
    }

    void javaHashCodes()
    {
        QCOMPARE(stepwise::java::stringHashCode("hello"), 99162322);
        QCOMPARE(stepwise::java::stringHashCode(""), 0);
        QCOMPARE(stepwise::java::stringHashCode("\xF0\x9F\x86\x97"),
                 1772763); // U+1F197, a surrogate pair
        QCOMPARE(stepwise::java::jsonHashCode(Json(7)), 7);
        QCOMPARE(stepwise::java::jsonHashCode(Json::array({1, 2})), 994);
        QCOMPARE(stepwise::java::jsonHashCode(Json::parse(R"({"a":1})")), 97 ^ 1);
    }

    void resizeKeepsBucketOrder()
    {
        std::vector<std::string> keys;
        for (int i = 0; i < 40; ++i)
            keys.push_back("k" + std::to_string(i));
        auto ordered = stepwise::java::hashMapKeyOrder(keys);
        QCOMPARE(ordered.size(), keys.size());
        // 40 keys exceed 0.75 * 32, so the table has 64 buckets.
        auto bucket = [](const std::string &key) {
            auto h = static_cast<std::uint32_t>(stepwise::java::stringHashCode(key));
            return (h ^ (h >> 16)) & 63u;
        };
        for (std::size_t i = 1; i < ordered.size(); ++i)
            QVERIFY(bucket(ordered[i - 1]) <= bucket(ordered[i]));
        // As printed by Java for a HashMap filled with k0..k39 in order.
        const char *const java = "k31 k30 k11 k33 k10 k32 k13 k35 k12 k34 k15 k37 k14 k36 k17 "
                                 "k39 k16 k38 k19 k18 k0 k1 k2 k3 k20 k4 k5 k22 k6 k21 k7 k24 "
                                 "k8 k23 k9 k26 k25 k28 k27 k29";
        QCOMPARE(QString::fromStdString(std::accumulate(
                     std::next(ordered.begin()), ordered.end(), ordered.front(),
                     [](std::string a, const std::string &b) { return a + " " + b; })),
                 QString(java));
        std::sort(ordered.begin(), ordered.end());
        std::sort(keys.begin(), keys.end());
        QCOMPARE(ordered, keys);
    }

    // disposeJson leaves the container empty at any depth (levels past its limit go to the
    // destructor) and scalars as they are.
    void disposeEmptiesDocuments()
    {
        Json document = Json::parse(R"({"a":[1,{"b":"x"},[]],"c":{"d":null}})");
        stepwise::disposeJson(document);
        QCOMPARE(document, Json::object());
        Json deep = Json::array();
        for (int i = 0; i < 100000; ++i)
            deep = Json::array({std::move(deep), i});
        stepwise::disposeJson(deep);
        QCOMPARE(deep, Json::array());
        Json text = "kept";
        stepwise::disposeJson(text);
        QCOMPARE(text, Json("kept"));
    }

    // Few entries take an insertion sort, more a counting sort: both are the stable order by
    // bucket, colliding hashes included.
    void hashMapOrderIsStableByBucket()
    {
        std::mt19937 random(31);
        for (std::size_t size = 0; size <= 40; ++size) {
            std::vector<std::int32_t> hashes;
            for (std::size_t i = 0; i < size; ++i)
                hashes.push_back(static_cast<std::int32_t>(random() % 3 == 0 ? 17 : random()));
            std::size_t capacity = 16;
            while (static_cast<double>(size) > 0.75 * static_cast<double>(capacity))
                capacity *= 2;
            auto bucket = [&](std::size_t i) {
                const auto h = static_cast<std::uint32_t>(hashes[i]);
                return (h ^ (h >> 16)) & (capacity - 1);
            };
            std::vector<std::size_t> expected(size);
            std::iota(expected.begin(), expected.end(), std::size_t{0});
            std::stable_sort(expected.begin(), expected.end(),
                             [&](std::size_t a, std::size_t b) { return bucket(a) < bucket(b); });
            QCOMPARE(stepwise::java::hashMapOrder(hashes), expected);
        }
    }
};

QTEST_APPLESS_MAIN(TestJsonPath)
#include "tst_jsonpath.moc"
