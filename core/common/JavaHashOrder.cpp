// java.util.HashMap iteration order and Java hash codes (ASL spec §2.4.1).
#include "core/common/JavaHashOrder.h"

#include <bit>

namespace stepwise::java {
namespace {

// Decodes one UTF-8 sequence at `pos`; malformed bytes count as themselves.
std::uint32_t nextCodePoint(std::string_view s, std::size_t &pos)
{
    auto byte = [&](std::size_t i) {
        return static_cast<std::uint32_t>(static_cast<unsigned char>(s[i]));
    };
    std::uint32_t b0 = byte(pos);
    std::size_t length = b0 < 0x80           ? 1
                         : (b0 >> 5) == 0x6  ? 2
                         : (b0 >> 4) == 0xE  ? 3
                         : (b0 >> 3) == 0x1E ? 4
                                             : 1;
    if (pos + length > s.size())
        length = 1;
    std::uint32_t cp = length == 1 ? b0 : (b0 & (0x7Fu >> length));
    for (std::size_t i = 1; i < length; ++i)
        cp = (cp << 6) | (byte(pos + i) & 0x3Fu);
    pos += length;
    return cp;
}

std::uint32_t mix(std::uint32_t h, std::uint32_t unit)
{
    return 31u * h + unit;
}

std::int32_t toInt(std::uint32_t h)
{
    return static_cast<std::int32_t>(h);
}

std::uint32_t toUnsigned(std::int32_t h)
{
    return static_cast<std::uint32_t>(h);
}

std::int32_t longHash(std::uint64_t bits)
{
    return toInt(static_cast<std::uint32_t>(bits) ^ static_cast<std::uint32_t>(bits >> 32));
}

} // namespace

std::int32_t stringHashCode(std::string_view utf8)
{
    std::uint32_t h = 0;
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        std::uint32_t cp = nextCodePoint(utf8, pos);
        if (cp >= 0x10000) {
            cp -= 0x10000;
            h = mix(h, 0xD800u + (cp >> 10));
            h = mix(h, 0xDC00u + (cp & 0x3FFu));
        } else {
            h = mix(h, cp);
        }
    }
    return toInt(h);
}

std::int32_t jsonHashCode(const Json &value)
{
    switch (value.type()) {
    case Json::value_t::string:
        return stringHashCode(value.get_ref<const std::string &>());
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: {
        auto v = value.get<std::int64_t>();
        if (v >= INT32_MIN && v <= INT32_MAX)
            return static_cast<std::int32_t>(v);
        return longHash(static_cast<std::uint64_t>(v));
    }
    case Json::value_t::number_float:
        return longHash(std::bit_cast<std::uint64_t>(value.get<double>()));
    case Json::value_t::boolean:
        return value.get<bool>() ? 3 : 1;
    case Json::value_t::array: {
        std::uint32_t h = 1;
        for (const auto &item : value)
            h = mix(h, toUnsigned(jsonHashCode(item)));
        return toInt(h);
    }
    case Json::value_t::object: {
        std::uint32_t h = 0;
        for (const auto &[key, item] : value.items())
            h += toUnsigned(stringHashCode(key)) ^ toUnsigned(jsonHashCode(item));
        return toInt(h);
    }
    default:
        return 4; // NullNode: JsonNodeType.NULL.ordinal()
    }
}

// HashMap: bucket = (h ^ h >>> 16) & (capacity - 1); resize doubles past 0.75 load and keeps
// the relative order within each bucket, so the order equals a stable sort by bucket index in
// the final table (for chains shorter than the treeify threshold).
std::vector<std::size_t> hashMapOrder(const std::vector<std::int32_t> &hashes)
{
    std::size_t capacity = 16;
    while (static_cast<double>(hashes.size()) > 0.75 * static_cast<double>(capacity))
        capacity *= 2;
    const auto bucket = [&](std::size_t i) {
        const std::uint32_t h = toUnsigned(hashes[i]);
        return (h ^ (h >> 16)) & (capacity - 1);
    };
    if (hashes.size() <= 16) {
        // A payload template's few fields: a stable insertion sort, without the counting
        // sort's two extra arrays (every template is ordered once per execution).
        std::vector<std::size_t> order(hashes.size());
        for (std::size_t i = 0; i < hashes.size(); ++i) {
            std::size_t at = i;
            for (; at > 0 && bucket(order[at - 1]) > bucket(i); --at)
                order[at] = order[at - 1];
            order[at] = i;
        }
        return order;
    }
    // A counting sort by bucket: stable, and two allocations instead of one per bucket.
    std::vector<std::size_t> bucketOf(hashes.size());
    std::vector<std::size_t> starts(capacity + 1, 0);
    for (std::size_t i = 0; i < hashes.size(); ++i) {
        std::uint32_t h = toUnsigned(hashes[i]);
        std::uint32_t spread = h ^ (h >> 16);
        bucketOf[i] = spread & (capacity - 1);
        ++starts[bucketOf[i] + 1];
    }
    for (std::size_t b = 0; b < capacity; ++b)
        starts[b + 1] += starts[b];
    std::vector<std::size_t> order(hashes.size());
    for (std::size_t i = 0; i < hashes.size(); ++i)
        order[starts[bucketOf[i]]++] = i;
    return order;
}

std::vector<std::string> hashMapKeyOrder(const std::vector<std::string> &keys)
{
    std::vector<std::int32_t> hashes;
    hashes.reserve(keys.size());
    for (const auto &key : keys)
        hashes.push_back(stringHashCode(key));
    std::vector<std::string> out;
    out.reserve(keys.size());
    for (std::size_t index : hashMapOrder(hashes))
        out.push_back(keys[index]);
    return out;
}

Json toHashMapOrder(const Json &object)
{
    if (!object.is_object())
        return object;
    const auto &members = object.get_ref<const Json::object_t &>();
    std::vector<std::int32_t> hashes;
    hashes.reserve(members.size());
    for (const auto &member : members)
        hashes.push_back(stringHashCode(member.first));
    // The keys are distinct, so members are appended directly instead of looked up.
    Json out = Json::object();
    auto &ordered = out.get_ref<Json::object_t &>();
    ordered.reserve(members.size());
    for (std::size_t index : hashMapOrder(hashes)) {
        const auto &member = *(members.begin() + static_cast<std::ptrdiff_t>(index));
        ordered.emplace_back(member.first, member.second);
    }
    return out;
}

} // namespace stepwise::java
