// Compact JSON text for history events and causes (ASL spec §9.1): byte for byte what
// nlohmann's dump(-1, ' ', false, replace) prints, written straight into one string. Every
// state's input and output is printed once per event, so this is the engine's hottest writer;
// nlohmann's serializer decodes UTF-8 byte by byte and allocates an adapter per call.
#include "core/engine/DataFlow.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace stepwise::engine {
namespace {

// Whether any of the 8 bytes in `word` needs attention: a control character, '"', '\\' or a
// non-ASCII byte (exact bit tricks from "Bit Twiddling Hacks": haszero / hasless).
bool wordNeedsCare(std::uint64_t word)
{
    constexpr std::uint64_t ones = 0x0101010101010101ull;
    constexpr std::uint64_t highs = 0x8080808080808080ull;
    const auto hasZero = [](std::uint64_t v) { return (v - ones) & ~v & highs; };
    const std::uint64_t control = (word - ones * 0x20) & ~word & highs;
    return ((word & highs) | control | hasZero(word ^ (ones * '"'))
            | hasZero(word ^ (ones * '\\'))) != 0;
}

// The bytes wordNeedsCare looks for, one at a time: for short strings (most keys) and the tail.
constexpr std::array<bool, 256> careTable()
{
    std::array<bool, 256> table{};
    for (std::size_t c = 0; c < 256; ++c)
        table[c] = c < 0x20 || c >= 0x80 || c == '"' || c == '\\';
    return table;
}

bool byteNeedsCare(char c)
{
    static constexpr std::array<bool, 256> table = careTable();
    return table[static_cast<unsigned char>(c)];
}

void appendString(std::string &out, const std::string &text)
{
    const std::size_t start = out.size();
    out += '"';
    const char *data = text.data();
    const std::size_t size = text.size();
    std::size_t runStart = 0;
    std::size_t i = 0;
    while (i < size) {
        // Skip plain ASCII eight bytes at a time, then byte by byte up to the next byte that
        // needs care.
        for (std::uint64_t word; i + 8 <= size; i += 8) {
            std::memcpy(&word, data + i, sizeof word);
            if (wordNeedsCare(word))
                break;
        }
        while (i < size && !byteNeedsCare(data[i]))
            ++i;
        if (i == size)
            break;
        const auto c = static_cast<unsigned char>(data[i]);
        if (c >= 0x80) {
            // Non-ASCII text: nlohmann validates it and replaces invalid sequences with
            // U+FFFD; let it print this string so both agree exactly (rare in practice).
            out.resize(start);
            out += Json(text).dump(-1, ' ', false, Json::error_handler_t::replace);
            return;
        }
        out.append(data + runStart, i - runStart);
        runStart = i + 1;
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\f': out += "\\f"; break;
        case '\r': out += "\\r"; break;
        default: {
            static constexpr char hex[] = "0123456789abcdef";
            const char escaped[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
            out.append(escaped, sizeof escaped);
        }
        }
        ++i;
    }
    out.append(data + runStart, size - runStart);
    out += '"';
}

template <typename Number>
void appendInteger(std::string &out, Number value)
{
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr);
}

void appendValue(std::string &out, const Json &value)
{
    switch (value.type()) {
    case Json::value_t::null:
        out += "null";
        return;
    case Json::value_t::boolean:
        out += *value.get_ptr<const bool *>() ? "true" : "false";
        return;
    case Json::value_t::number_integer:
        appendInteger(out, *value.get_ptr<const std::int64_t *>());
        return;
    case Json::value_t::number_unsigned:
        appendInteger(out, *value.get_ptr<const std::uint64_t *>());
        return;
    case Json::value_t::number_float: {
        const double number = *value.get_ptr<const double *>();
        if (!std::isfinite(number)) {
            out += "null";
            return;
        }
        char buffer[64];
        char *end = nlohmann::detail::to_chars(buffer, buffer + sizeof buffer, number);
        out.append(buffer, end);
        return;
    }
    case Json::value_t::string:
        appendString(out, value.get_ref<const std::string &>());
        return;
    case Json::value_t::array: {
        // The containers themselves, not basic_json's iterators, which switch on the type at
        // every step.
        out += '[';
        bool first = true;
        for (const Json &element : value.get_ref<const Json::array_t &>()) {
            if (!first)
                out += ',';
            first = false;
            appendValue(out, element);
        }
        out += ']';
        return;
    }
    case Json::value_t::object: {
        out += '{';
        bool first = true;
        for (const auto &[key, member] : value.get_ref<const Json::object_t &>()) {
            if (!first)
                out += ',';
            first = false;
            appendString(out, key);
            out += ':';
            appendValue(out, member);
        }
        out += '}';
        return;
    }
    case Json::value_t::binary:
    case Json::value_t::discarded:
        out += value.dump(-1, ' ', false, Json::error_handler_t::replace);
        return;
    }
}

} // namespace

std::string compact(const Json &value)
{
    std::string out;
    if (value.is_structured())
        out.reserve(256);
    appendValue(out, value);
    return out;
}

} // namespace stepwise::engine
