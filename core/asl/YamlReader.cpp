// YAML text → JSON with mapping key order kept. Quoted and block scalars are strings; plain
// scalars resolve per the YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution).
#include "core/asl/Yaml.h"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <cmath>
#include <limits>
#include <optional>

namespace stepwise::asl {
namespace {

bool isDigits(std::string_view s, bool (*digit)(char))
{
    if (s.empty())
        return false;
    for (char c : s)
        if (!digit(c))
            return false;
    return true;
}

bool isDecimalDigit(char c)
{
    return c >= '0' && c <= '9';
}
bool isOctalDigit(char c)
{
    return c >= '0' && c <= '7';
}
bool isHexDigit(char c)
{
    return isDecimalDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

std::string_view withoutPlus(std::string_view s)
{
    return !s.empty() && s.front() == '+' ? s.substr(1) : s;
}

// [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
bool isCoreFloat(std::string_view s)
{
    if (!s.empty() && (s.front() == '-' || s.front() == '+'))
        s.remove_prefix(1);
    const std::size_t exponent = s.find_first_of("eE");
    std::string_view mantissa = s.substr(0, exponent);
    if (exponent != std::string_view::npos) {
        std::string_view e = s.substr(exponent + 1);
        if (!e.empty() && (e.front() == '-' || e.front() == '+'))
            e.remove_prefix(1);
        if (!isDigits(e, isDecimalDigit))
            return false;
    }
    const std::size_t dot = mantissa.find('.');
    if (dot == std::string_view::npos)
        return isDigits(mantissa, isDecimalDigit);
    const std::string_view whole = mantissa.substr(0, dot);
    const std::string_view fraction = mantissa.substr(dot + 1);
    if (whole.empty())
        return isDigits(fraction, isDecimalDigit);
    return isDigits(whole, isDecimalDigit) &&
           (fraction.empty() || isDigits(fraction, isDecimalDigit));
}

std::optional<Json> parseFloat(std::string_view s)
{
    s = withoutPlus(s);
    double value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size())
        return std::nullopt;
    return Json(value);
}

std::optional<Json> parseInteger(std::string_view s, int base)
{
    const std::string_view digits = withoutPlus(s);
    const char *first = digits.data();
    const char *last = digits.data() + digits.size();
    int64_t value = 0;
    if (auto r = std::from_chars(first, last, value, base); r.ec == std::errc() && r.ptr == last)
        return Json(value);
    uint64_t large = 0;
    if (auto r = std::from_chars(first, last, large, base); r.ec == std::errc() && r.ptr == last)
        return Json(large);
    return base == 10 ? parseFloat(s) : std::nullopt;
}

std::optional<Json> resolveSpecialFloat(std::string_view s)
{
    const std::string_view unsignedPart =
        !s.empty() && (s.front() == '-' || s.front() == '+') ? s.substr(1) : s;
    if (unsignedPart == ".inf" || unsignedPart == ".Inf" || unsignedPart == ".INF") {
        const double inf = std::numeric_limits<double>::infinity();
        return Json(s.front() == '-' ? -inf : inf);
    }
    if (s == ".nan" || s == ".NaN" || s == ".NAN")
        return Json(std::numeric_limits<double>::quiet_NaN());
    return std::nullopt;
}

ParseError yamlError(const YAML::Mark &mark, std::string message)
{
    const bool known = mark.line >= 0 && mark.column >= 0;
    return ParseError{std::move(message), "", known ? mark.line + 1 : 0,
                      known ? mark.column + 1 : 0};
}

Json scalarToJson(const YAML::Node &node)
{
    const std::string &text = node.Scalar();
    const std::string &tag = node.Tag();
    if (tag == "?")
        return resolvePlainScalar(text);
    const std::string_view prefix = "tag:yaml.org,2002:";
    if (tag.size() > prefix.size() && tag.compare(0, prefix.size(), prefix) == 0) {
        const Json resolved = resolvePlainScalar(text);
        const std::string_view kind = std::string_view(tag).substr(prefix.size());
        const bool matches = (kind == "int" && resolved.is_number_integer()) ||
                             (kind == "float" && resolved.is_number()) ||
                             (kind == "bool" && resolved.is_boolean()) ||
                             (kind == "null" && resolved.is_null());
        if (matches)
            return kind == "float" ? Json(resolved.get<double>()) : resolved;
    }
    return Json(text);
}

// Recursion over the node tree; a mapping key that is not a scalar has no JSON equivalent.
Result<Json, ParseError> toJsonValue(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Scalar:
        return scalarToJson(node);
    case YAML::NodeType::Sequence: {
        Json array = Json::array();
        for (const YAML::Node &item : node) {
            auto value = toJsonValue(item);
            if (!value)
                return value;
            array.push_back(std::move(value).value());
        }
        return array;
    }
    case YAML::NodeType::Map: {
        Json object = Json::object();
        for (const auto &member : node) {
            if (!member.first.IsScalar() && !member.first.IsNull())
                return unexpected(yamlError(member.first.Mark(), "mapping keys must be scalars"));
            auto value = toJsonValue(member.second);
            if (!value)
                return value;
            object[member.first.Scalar()] = std::move(value).value();
        }
        return object;
    }
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        return Json(nullptr);
    }
    return Json(nullptr);
}

} // namespace

Json resolvePlainScalar(const std::string &text)
{
    const std::string_view s = text;
    if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL")
        return Json(nullptr);
    if (s == "true" || s == "True" || s == "TRUE")
        return Json(true);
    if (s == "false" || s == "False" || s == "FALSE")
        return Json(false);
    const std::string_view digits = (s.front() == '-' || s.front() == '+') ? s.substr(1) : s;
    std::optional<Json> number;
    if (isDigits(digits, isDecimalDigit))
        number = parseInteger(s, 10);
    else if (s.size() > 2 && s.substr(0, 2) == "0o" && isDigits(s.substr(2), isOctalDigit))
        number = parseInteger(s.substr(2), 8);
    else if (s.size() > 2 && s.substr(0, 2) == "0x" && isDigits(s.substr(2), isHexDigit))
        number = parseInteger(s.substr(2), 16);
    else if (isCoreFloat(s))
        number = parseFloat(s);
    else
        number = resolveSpecialFloat(s);
    return number ? *number : Json(text);
}

Result<Json, ParseError> parseYaml(std::string_view text)
{
    try {
        return toJsonValue(YAML::Load(std::string(text)));
    } catch (const YAML::Exception &e) {
        return unexpected(yamlError(e.mark, e.msg));
    }
}

} // namespace stepwise::asl
