// ResultPath on compact text (core/engine/TextSplice): splicing a member into a document's text
// gives exactly the text of the document jsonpath::assign builds (ASL spec §2.1, §9.1).
#include "core/engine/DataFlow.h"
#include "core/engine/TextSplice.h"
#include "core/jsonpath/Path.h"

#include <QTest>

#include <random>

using stepwise::Json;
using stepwise::engine::compact;
using stepwise::engine::MemberIndex;
using stepwise::engine::spliceMember;

namespace {

// Object-heavy random documents whose keys and strings need escaping now and then.
Json randomValue(std::mt19937 &random, int depth)
{
    std::uniform_int_distribution<int> kind(0, depth > 3 ? 3 : 5);
    switch (kind(random)) {
    case 0:
        return nullptr;
    case 1:
        return static_cast<std::int64_t>(random() % 1000) - 500;
    case 2:
        return random() % 2 == 0 ? Json("a\"}],{[\\") : Json("x\\\"y");
    case 3:
        return 1.5e10;
    case 4: {
        Json array = Json::array();
        for (auto n = random() % 4; n > 0; --n)
            array.push_back(randomValue(random, depth + 1));
        return array;
    }
    default: {
        Json object = Json::object();
        for (auto n = random() % 4; n > 0; --n)
            object["k" + std::to_string(random() % 4) + (random() % 5 == 0 ? "\"}\\" : "")] =
                randomValue(random, depth + 1);
        return object;
    }
    }
}

QString text(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

std::string memberPath(const std::vector<std::string> &names)
{
    std::string text = "$";
    for (const std::string &name : names)
        text += "['" + name + "']";
    return text;
}

// What the engine compares: the splice, or "" when it declines, against the full print.
std::string spliced(const Json &document, const std::vector<std::string> &names, const Json &value)
{
    std::vector<std::string> keys;
    for (const std::string &name : names)
        keys.push_back(compact(Json(name)));
    return spliceMember(compact(document), keys, compact(value)).value_or(std::string());
}

std::vector<std::string> escapedKeys(const std::vector<std::string> &names)
{
    std::vector<std::string> keys;
    for (const std::string &name : names)
        keys.push_back(compact(Json(name)));
    return keys;
}

} // namespace

class TestTextSplice : public QObject
{
    Q_OBJECT
private slots:
    void fixedCases_data()
    {
        QTest::addColumn<QString>("document");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("replace") << text("{\"a\":1,\"b\":{\"c\":[1,{\"d\":\"}\"}]}}") << text("$.b")
                                 << text("\"x\"") << text("{\"a\":1,\"b\":\"x\"}");
        QTest::newRow("append") << text("{\"a\":\"\\\"b\\\":1\"}") << text("$.b") << text("2")
                                << text("{\"a\":\"\\\"b\\\":1\",\"b\":2}");
        QTest::newRow("into empty")
            << text("{}") << text("$.a.b") << text("[]") << text("{\"a\":{\"b\":[]}}");
        QTest::newRow("nested new") << text("{\"r\":{\"x\":1}}") << text("$.r.y.z") << text("true")
                                    << text("{\"r\":{\"x\":1,\"y\":{\"z\":true}}}");
        QTest::newRow("escaped key") << text("{\"q\\\"\":1,\"q\":2}") << text("$.q") << text("3")
                                     << text("{\"q\\\"\":1,\"q\":3}");
        QTest::newRow("not an object")
            << text("{\"a\":[1]}") << text("$.a.b") << text("1") << text("");
        QTest::newRow("root array") << text("[1]") << text("$.a") << text("1") << text("");
    }
    void fixedCases()
    {
        QFETCH(QString, document);
        QFETCH(QString, path);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        auto parsed = stepwise::jsonpath::Path::parse(path.toStdString());
        QVERIFY(parsed.hasValue());
        const auto names = parsed.value().memberNames();
        QVERIFY(names.has_value());
        std::vector<std::string> keys;
        for (const std::string &name : *names)
            keys.push_back(compact(Json(name)));
        const auto text = spliceMember(document.toStdString(), keys, value.toStdString());
        QCOMPARE(QString::fromStdString(text.value_or(std::string())), expected);
    }

    void randomWritesMatchAssign()
    {
        std::mt19937 random(20261129);
        int compared = 0;
        for (int i = 0; i < 4000; ++i) {
            Json document = Json::object(); // ResultPath writes into an object input
            for (auto n = random() % 4; n > 0; --n)
                document["k" + std::to_string(random() % 4)] = randomValue(random, 1);
            std::vector<std::string> names;
            for (auto n = 1 + random() % 3; n > 0; --n)
                names.push_back("k" + std::to_string(random() % 4));
            const Json value = randomValue(random, 2);
            auto path = stepwise::jsonpath::Path::parse(memberPath(names));
            QVERIFY(path.hasValue());
            auto assigned = stepwise::jsonpath::assign(document, path.value(), value);
            if (!assigned.hasValue())
                continue; // the engine splices only after a successful ResultPath
            QCOMPARE(spliced(document, names, value), compact(assigned.value()));
            ++compared;
        }
        qInfo() << compared << "writes compared";
        QVERIFY(compared > 1000);
    }

    // The engine carries one index from a state's output text to the next state's splice: after
    // any sequence of replacements, insertions and writes into replaced or new objects, the
    // index still leads each splice to the text of the document jsonpath::assign builds.
    void chainedWritesWithIndexMatchAssign()
    {
        std::mt19937 random(4711);
        int compared = 0;
        for (int chain = 0; chain < 300; ++chain) {
            Json document = Json::object();
            for (auto n = random() % 4; n > 0; --n)
                document["k" + std::to_string(random() % 4)] = randomValue(random, 1);
            std::string text = compact(document);
            MemberIndex index;
            for (int write = 0; write < 25; ++write) {
                std::vector<std::string> names;
                for (auto n = 1 + random() % 3; n > 0; --n)
                    names.push_back("k" + std::to_string(random() % 4));
                const Json value = randomValue(random, 2);
                auto path = stepwise::jsonpath::Path::parse(memberPath(names));
                QVERIFY(path.hasValue());
                auto assigned = stepwise::jsonpath::assign(document, path.value(), value);
                if (!assigned.hasValue())
                    continue;
                document = std::move(assigned).value();
                auto spliced = spliceMember(text, escapedKeys(names), compact(value), &index);
                QVERIFY(spliced.has_value());
                QCOMPARE(*spliced, compact(document));
                text = std::move(*spliced);
                ++compared;
            }
        }
        qInfo() << compared << "chained writes compared";
        QVERIFY(compared > 3000);
    }

    // A lookup reads members only up to the name it looks for, and answers with offsets.
    void indexFindsMembersAndTheirEnd()
    {
        const std::string text = "{\"a\":{\"x\":[1,\"]\"]},\"b\\\"\":\"}\",\"c\":{}}";
        MemberIndex index;
        const auto b = index.find(text, 0, "\"b\\\"\"");
        QVERIFY(b && b->member);
        QCOMPARE(text.substr(b->member->key, b->member->end - b->member->key),
                 std::string("\"b\\\"\":\"}\""));
        const auto c = index.find(text, 0, "\"c\"");
        QVERIFY(c && c->member);
        const auto inner = index.find(text, c->member->value, "\"z\"");
        QVERIFY(inner && !inner->member && inner->empty);
        QCOMPARE(inner->close, c->member->value + 1);
        const auto absent = index.find(text, 0, "\"d\"");
        QVERIFY(absent && !absent->member && !absent->empty);
        QCOMPARE(absent->close, text.size() - 1);
        QVERIFY(!index.find(text, 1, "\"a\"")); // no object starts there
    }
};

QTEST_GUILESS_MAIN(TestTextSplice)
#include "tst_text_splice.moc"
