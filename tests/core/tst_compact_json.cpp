// The engine's compact JSON writer (history texts, causes) prints exactly what nlohmann's
// dump(-1, ' ', false, replace) prints, for every kind of value (ASL spec §9.1).
#include "core/engine/DataFlow.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <random>

using stepwise::Json;
using stepwise::engine::compact;

namespace {

std::string reference(const Json &value)
{
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// A random document mixing every value type, strings with any byte (invalid UTF-8 included).
Json randomValue(std::mt19937 &random, int depth)
{
    std::uniform_int_distribution<int> kind(0, depth > 3 ? 5 : 7);
    switch (kind(random)) {
    case 0: return nullptr;
    case 1: return random() % 2 == 0;
    case 2: return static_cast<std::int64_t>(random()) - (1LL << 31);
    case 3: return std::ldexp(static_cast<double>(random()), static_cast<int>(random() % 80) - 40);
    case 4: return static_cast<std::uint64_t>(random()) << 32;
    case 5: {
        std::string text;
        const auto length = random() % 12;
        for (std::size_t i = 0; i < length; ++i)
            text += static_cast<char>(random() % 4 == 0 ? random() % 256 : 32 + random() % 95);
        return text;
    }
    case 6: {
        Json array = Json::array();
        for (auto n = random() % 5; n > 0; --n)
            array.push_back(randomValue(random, depth + 1));
        return array;
    }
    default: {
        Json object = Json::object();
        for (auto n = random() % 5; n > 0; --n)
            object["k" + std::to_string(random() % 7) + (random() % 3 == 0 ? "\"\n\x01" : "")] =
                randomValue(random, depth + 1);
        return object;
    }
    }
}

} // namespace

class TestCompactJson : public QObject
{
    Q_OBJECT
private slots:
    void scalarsMatchNlohmann()
    {
        const std::vector<Json> values = {
            Json(nullptr), Json(true), Json(false), Json(0), Json(-1),
            Json(std::numeric_limits<std::int64_t>::min()),
            Json(std::numeric_limits<std::int64_t>::max()),
            Json(std::numeric_limits<std::uint64_t>::max()), Json(0.0), Json(-0.0), Json(0.1),
            Json(1.0), Json(1e300), Json(5e-324), Json(123456.789), Json(-2.5e-7),
            Json(std::nan("")), Json(std::numeric_limits<double>::infinity()), Json(""),
            Json("plain"), Json("quote \" backslash \\ slash /"), Json("\b\f\n\r\t\x01\x1f\x7f"),
            Json("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"), Json("bad \xff utf8 \xc3"),
            Json("surrogate \xed\xa0\x80 overlong \xc0\xaf"), Json(Json::array()),
            Json(Json::object())};
        for (const Json &value : values)
            QCOMPARE(compact(value), reference(value));
        std::string everyByte;
        for (int c = 1; c < 128; ++c)
            everyByte += static_cast<char>(c);
        QCOMPARE(compact(Json(everyByte)), reference(Json(everyByte)));
    }

    void randomDocumentsMatchNlohmann()
    {
        std::mt19937 random(20261129);
        for (int i = 0; i < 3000; ++i) {
            const Json value = randomValue(random, 0);
            QCOMPARE(compact(value), reference(value));
        }
    }
};

QTEST_GUILESS_MAIN(TestCompactJson)
#include "tst_compact_json.moc"
