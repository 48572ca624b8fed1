// Java's text rendering of numbers, lists and maps (ASL spec §5.3 States.Format, [OBS]).
#include "core/intrinsics/JavaText.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>

namespace stepwise::intrinsics {

// Double.toString: shortest round-trip digits; plain notation for 1e-3 <= |v| < 1e7,
// otherwise "d.dddE[-]x"; always at least one digit after the point.
std::string javaDoubleToString(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "Infinity" : "-Infinity";
    if (value == 0)
        return std::signbit(value) ? "-0.0" : "0.0";
    char buffer[64];
    auto result =
        std::to_chars(buffer, buffer + sizeof(buffer), value, std::chars_format::scientific);
    std::string scientific(buffer, result.ptr);
    std::string sign;
    if (scientific.front() == '-') {
        sign = "-";
        scientific.erase(0, 1);
    }
    std::size_t ePos = scientific.find('e');
    int exponent = std::atoi(scientific.c_str() + ePos + 1);
    std::string digits = scientific.substr(0, ePos);
    if (digits.size() > 1)
        digits.erase(1, 1); // the '.'
    double magnitude = std::fabs(value);
    if (magnitude >= 1e-3 && magnitude < 1e7) {
        std::string out;
        if (exponent < 0) {
            out = "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
        } else {
            auto intDigits = static_cast<std::size_t>(exponent + 1);
            if (digits.size() < intDigits)
                digits.append(intDigits - digits.size(), '0');
            std::string fraction = digits.substr(intDigits);
            out = digits.substr(0, intDigits) + "." + (fraction.empty() ? "0" : fraction);
        }
        return sign + out;
    }
    std::string mantissa =
        digits.substr(0, 1) + "." + (digits.size() > 1 ? digits.substr(1) : std::string("0"));
    return sign + mantissa + "E" + std::to_string(exponent);
}

std::string javaToString(const Json &value)
{
    switch (value.type()) {
    case Json::value_t::string:
        return value.get<std::string>();
    case Json::value_t::number_float:
        return javaDoubleToString(value.get<double>());
    case Json::value_t::array: {
        std::string out = "[";
        for (std::size_t i = 0; i < value.size(); ++i)
            out += (i > 0 ? ", " : "") + javaToString(value[i]);
        return out + "]";
    }
    case Json::value_t::object: {
        std::string out = "{";
        bool first = true;
        for (const auto &[key, item] : value.items()) {
            out += (first ? "" : ", ") + key + "=" + javaToString(item);
            first = false;
        }
        return out + "}";
    }
    // Integers, booleans and null print as JSON does; written here, as nlohmann's dump() sets up
    // a serializer and an output adapter for each call.
    case Json::value_t::number_integer:
        return std::to_string(value.get<std::int64_t>());
    case Json::value_t::number_unsigned:
        return std::to_string(value.get<std::uint64_t>());
    case Json::value_t::boolean:
        return value.get<bool>() ? "true" : "false";
    case Json::value_t::null:
        return "null";
    default:
        return value.dump(); // binary / discarded: not produced by JSON input
    }
}

std::size_t utf16Length(std::string_view utf8)
{
    std::size_t units = 0;
    for (char c : utf8) {
        auto byte = static_cast<unsigned char>(c);
        if ((byte & 0xC0) != 0x80)
            ++units;
        if ((byte & 0xF8) == 0xF0)
            ++units; // 4-byte sequences are surrogate pairs in UTF-16
    }
    return units;
}

std::size_t utf8SequenceLength(unsigned char lead)
{
    return lead < 0x80             ? 1
           : (lead >> 5) == 0x6  ? 2
           : (lead >> 4) == 0xE  ? 3
           : (lead >> 3) == 0x1E ? 4
                                   : 0;
}

std::string sanitizeUtf8(std::string_view bytes)
{
    std::string out;
    out.reserve(bytes.size());
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        const std::size_t length = utf8SequenceLength(static_cast<unsigned char>(bytes[pos]));
        bool valid = length > 0 && pos + length <= bytes.size();
        for (std::size_t i = 1; valid && i < length; ++i)
            valid = (static_cast<unsigned char>(bytes[pos + i]) & 0xC0) == 0x80;
        if (valid) {
            out.append(bytes.substr(pos, length));
            pos += length;
        } else {
            out += "\xEF\xBF\xBD";
            ++pos;
        }
    }
    return out;
}

} // namespace stepwise::intrinsics
