// Numeric and random intrinsics (ASL spec §5.3): MathRandom, MathAdd, UUID.
#include "core/intrinsics/ExpressionNode.h"

#include <cmath>
#include <limits>
#include <random>

namespace stepwise::intrinsics {
namespace {

constexpr std::int64_t kInt32Min = std::numeric_limits<std::int32_t>::min();
constexpr std::int64_t kInt32Max = std::numeric_limits<std::int32_t>::max();

// java.util.Random: 48-bit linear congruential generator.
class JavaRandom
{
public:
    explicit JavaRandom(std::int64_t seed)
        : m_seed((static_cast<std::uint64_t>(seed) ^ kMultiplier) & kMask)
    {}

    std::int32_t nextInt(std::int32_t bound)
    {
        std::int32_t r = next(31);
        std::int32_t m = bound - 1;
        if ((bound & m) == 0)
            return static_cast<std::int32_t>((static_cast<std::int64_t>(bound) * r) >> 31);
        // Rejects the top partial range; `u - r + m` overflows int32 exactly as in Java.
        for (std::int32_t u = r;; u = next(31)) {
            r = u % bound;
            auto check = static_cast<std::int32_t>(static_cast<std::uint32_t>(u) -
                                                   static_cast<std::uint32_t>(r) +
                                                   static_cast<std::uint32_t>(m));
            if (check >= 0)
                return r;
        }
    }

private:
    static constexpr std::uint64_t kMultiplier = 0x5DEECE66DULL;
    static constexpr std::uint64_t kMask = (1ULL << 48) - 1;

    std::int32_t next(int bits)
    {
        m_seed = (m_seed * kMultiplier + 0xBULL) & kMask;
        return static_cast<std::int32_t>(static_cast<std::uint32_t>(m_seed >> (48 - bits)));
    }

    std::uint64_t m_seed;
};

std::uint64_t randomBits(const EvalContext &context)
{
    if (context.random)
        return context.random();
    static thread_local std::mt19937_64 engine{std::random_device{}()};
    return engine();
}

// Java Math.round(double): floor(x + 0.5); nullopt outside the int32 range.
std::optional<std::int64_t> roundedInt32(const Json &value)
{
    if (value.is_number_integer()) {
        auto v = value.get<std::int64_t>();
        return v >= kInt32Min && v <= kInt32Max ? std::optional(v) : std::nullopt;
    }
    if (!value.is_number_float())
        return std::nullopt;
    double rounded = std::floor(value.get<double>() + 0.5);
    if (!(rounded >= static_cast<double>(kInt32Min) && rounded <= static_cast<double>(kInt32Max)))
        return std::nullopt;
    return static_cast<std::int64_t>(rounded);
}

} // namespace

// §5.3 MathRandom: uniform in [start, end); seeded calls use java.util.Random(seed).
Result<Json, std::string> fnMathRandom(const Args &args, const EvalContext &context,
                                       const ExpressionNode &call)
{
    auto start = truncatedInteger(args[0]);
    auto end = truncatedInteger(args[1]);
    if (!start || !end || *start >= *end || *start < kInt32Min || *end > kInt32Max)
        return unexpected(invalidArguments(call));
    std::int64_t range = *end - *start;
    if (range > kInt32Max)
        return unexpected(invalidArguments(call));
    if (args.size() == 3) {
        auto seed = truncatedInteger(args[2]);
        if (!seed)
            return unexpected(invalidArguments(call));
        JavaRandom random(*seed);
        return Json(*start + random.nextInt(static_cast<std::int32_t>(range)));
    }
    auto offset =
        static_cast<std::int64_t>(randomBits(context) % static_cast<std::uint64_t>(range));
    return Json(*start + offset);
}

// §5.3 MathAdd: operands rounded like Math.round; operands and sum within int32.
Result<Json, std::string> fnMathAdd(const Args &args, const EvalContext &,
                                    const ExpressionNode &call)
{
    auto a = roundedInt32(args[0]);
    auto b = roundedInt32(args[1]);
    if (!a || !b)
        return unexpected(invalidArguments(call));
    std::int64_t sum = *a + *b;
    if (sum < kInt32Min || sum > kInt32Max)
        return unexpected(invalidArguments(call));
    return Json(sum);
}

// §5.3 UUID: RFC 4122 version 4, lower case.
Result<Json, std::string> fnUuid(const Args &, const EvalContext &context, const ExpressionNode &)
{
    std::uint64_t high = randomBits(context);
    std::uint64_t low = randomBits(context);
    high = (high & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;
    low = (low & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < 32; ++i) {
        std::uint64_t word = i < 16 ? high : low;
        int shift = 60 - 4 * (i % 16);
        out += hex[(word >> shift) & 0xF];
        if (i == 7 || i == 11 || i == 15 || i == 19)
            out += '-';
    }
    return Json(std::move(out));
}

} // namespace stepwise::intrinsics
