// AWS Step Functions JSONata extensions (ASL spec §3.5): $partition, $range, $hash, $random,
// $uuid, $parse.
#include "core/jsonata/Jsonata.h"

#include <openssl/evp.h>

#include <array>
#include <cmath>
#include <random>

namespace stepwise::jsonata {

namespace {

using JArgs = std::vector<std::optional<Json>>;
using JResult = Result<std::optional<Json>, Error>;

Error argError(const std::string &fn)
{
    return Error{"T0410", "Argument of function " + fn + " does not match function signature",
                 0, fn};
}

bool isNumber(const std::optional<Json> &j) { return j && j->is_number(); }

JResult partition(const JArgs &a)
{
    if (a.size() < 2 || !a[0] || !isNumber(a[1]))
        return unexpected(argError("partition"));
    Json items = a[0]->is_array() ? *a[0] : Json::array({*a[0]});
    auto size = static_cast<int64_t>(std::trunc(a[1]->get<double>()));
    if (size <= 0)
        return unexpected(Error{"D3001", "The partition size must be a positive integer", 0, {}});
    Json out = Json::array();
    for (std::size_t i = 0; i < items.size(); i += static_cast<std::size_t>(size)) {
        Json chunk = Json::array();
        for (std::size_t k = i; k < items.size() && k < i + static_cast<std::size_t>(size); ++k)
            chunk.push_back(items[k]);
        out.push_back(chunk);
    }
    return std::optional<Json>(out);
}

JResult range(const JArgs &a)
{
    if (a.size() < 2 || !isNumber(a[0]) || !isNumber(a[1]) || (a.size() > 2 && a[2] && !isNumber(a[2])))
        return unexpected(argError("range"));
    double start = std::trunc(a[0]->get<double>());
    double end = std::trunc(a[1]->get<double>());
    double step = a.size() > 2 && a[2] ? std::trunc(a[2]->get<double>()) : 1.0;
    if (step == 0)
        return unexpected(Error{"D3001", "The range step must not be zero", 0, {}});
    Json out = Json::array();
    for (double v = start; step > 0 ? v <= end : v >= end; v += step) {
        out.push_back(static_cast<int64_t>(v));
        if (out.size() > 10000000)
            return unexpected(Error{"D2014", "The range is too large", 0, {}});
    }
    if (out.empty())
        return std::optional<Json>();
    if (out.size() == 1)
        return std::optional<Json>(out[0]);
    return std::optional<Json>(out);
}

JResult hash(const JArgs &a)
{
    if (a.size() < 2 || !a[0] || !a[0]->is_string() || !a[1] || !a[1]->is_string())
        return unexpected(argError("hash"));
    const std::string alg = a[1]->get<std::string>();
    const EVP_MD *md = alg == "MD5" ? EVP_md5() : alg == "SHA-1" ? EVP_sha1()
                     : alg == "SHA-256" ? EVP_sha256() : alg == "SHA-384" ? EVP_sha384()
                     : alg == "SHA-512" ? EVP_sha512() : nullptr;
    if (!md)
        return unexpected(Error{"D3001", "Unsupported hash algorithm: " + alg, 0, {}});
    std::string data = a[0]->get<std::string>();
    std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
    unsigned int len = 0;
    EVP_Digest(data.data(), data.size(), out.data(), &len, md, nullptr);
    std::string hex;
    for (unsigned i = 0; i < len; ++i) {
        hex += "0123456789abcdef"[out[i] >> 4];
        hex += "0123456789abcdef"[out[i] & 0xF];
    }
    return std::optional<Json>(Json(hex));
}

// java.util.Random(seed).nextDouble(), as AWS does for seeded $random.
double javaRandomDouble(int64_t seed)
{
    const uint64_t mask = (uint64_t(1) << 48) - 1;
    uint64_t s = (static_cast<uint64_t>(seed) ^ 0x5DEECE66DULL) & mask;
    auto next = [&](int bits) {
        s = (s * 0x5DEECE66DULL + 0xBULL) & mask;
        return static_cast<int64_t>(s >> (48 - bits));
    };
    int64_t hi = next(26);
    int64_t lo = next(27);
    return static_cast<double>((hi << 27) + lo) * 0x1.0p-53;
}

std::string uuid(const std::function<double()> &random)
{
    std::string out;
    for (int i = 0; i < 32; ++i) {
        auto nibble = static_cast<unsigned>(random() * 16.0) & 0xF;
        if (i == 12)
            nibble = 4;
        if (i == 16)
            nibble = 8 | (nibble & 3);
        if (i == 8 || i == 12 || i == 16 || i == 20)
            out += '-';
        out += "0123456789abcdef"[nibble];
    }
    return out;
}

} // namespace

void addAwsFunctions(Bindings &b, std::function<double()> random)
{
    if (!random) {
        auto engine = std::make_shared<std::mt19937_64>(std::random_device{}());
        random = [engine] { return std::uniform_real_distribution<double>(0.0, 1.0)(*engine); };
    }
    b.addFunction("partition", "", partition);
    b.addFunction("range", "", range);
    b.addFunction("hash", "", hash);
    b.addFunction("random", "", [random](const JArgs &a) -> JResult {
        if (!a.empty() && a[0]) {
            if (!a[0]->is_number())
                return unexpected(argError("random"));
            return std::optional<Json>(
                Json(javaRandomDouble(static_cast<int64_t>(std::trunc(a[0]->get<double>())))));
        }
        return std::optional<Json>(Json(random()));
    });
    b.addFunction("uuid", "", [random](const JArgs &) -> JResult {
        return std::optional<Json>(Json(uuid(random)));
    });
    b.addFunction("parse", "", [](const JArgs &a) -> JResult {
        if (a.empty() || !a[0] || !a[0]->is_string())
            return unexpected(argError("parse"));
        try {
            return std::optional<Json>(Json::parse(a[0]->get<std::string>()));
        } catch (const Json::exception &e) {
            return unexpected(Error{"D3001", std::string("Invalid JSON: ") + e.what(), 0, {}});
        }
    });
}

} // namespace stepwise::jsonata
