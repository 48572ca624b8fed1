// Choice rule evaluation (ASL spec §6.1, §6.2).
#include "core/engine/ChoiceEvaluator.h"

#include "core/engine/Timestamp.h"

#include <algorithm>
#include <compare>
#include <vector>

namespace stepwise::engine {
namespace {

std::string invalidPath(const std::string &path)
{
    return "Invalid path '" + path + "': The choice state's condition path references an "
                                     "invalid value.";
}

bool orderHolds(const std::string &family, std::partial_ordering order)
{
    if (family.ends_with("LessThanEquals"))
        return order == std::partial_ordering::less || order == std::partial_ordering::equivalent;
    if (family.ends_with("GreaterThanEquals"))
        return order == std::partial_ordering::greater
            || order == std::partial_ordering::equivalent;
    if (family.ends_with("LessThan"))
        return order == std::partial_ordering::less;
    if (family.ends_with("GreaterThan"))
        return order == std::partial_ordering::greater;
    return order == std::partial_ordering::equivalent; // ...Equals
}

bool typeTest(const std::string &op, const Json &value)
{
    if (op == "IsNull")
        return value.is_null();
    if (op == "IsNumeric")
        return value.is_number();
    if (op == "IsString")
        return value.is_string();
    if (op == "IsBoolean")
        return value.is_boolean();
    return value.is_string() && parseTimestamp(value.get<std::string>()).has_value();
}

Result<bool, std::string> evaluateAll(const std::vector<asl::ChoiceRule> &rules,
                                      const ChoiceResolver &resolve, bool isAnd)
{
    for (const asl::ChoiceRule &rule : rules) {
        auto result = evaluateChoiceRule(rule, resolve);
        if (!result.hasValue())
            return result;
        if (result.value() != isAnd)
            return !isAnd;
    }
    return isAnd;
}

} // namespace

int compareUtf16(std::string_view left, std::string_view right)
{
    const auto [l, r] = std::mismatch(left.begin(), left.end(), right.begin(), right.end());
    if (l == left.end() || r == right.end())
        return (l == left.end() ? 0 : 1) - (r == right.end() ? 0 : 1);
    // Equal prefixes end on the same character boundary, so the bytes are both lead bytes or
    // both continuation bytes of equally long sequences; UTF-8 byte order is code point order,
    // which differs from UTF-16 order only between 4-byte sequences and U+E000..U+FFFF.
    const auto a = static_cast<unsigned char>(*l);
    const auto b = static_cast<unsigned char>(*r);
    const bool aHighBmp = a == 0xEE || a == 0xEF;
    const bool bHighBmp = b == 0xEE || b == 0xEF;
    if (a >= 0xF0 && bHighBmp)
        return -1;
    if (aHighBmp && b >= 0xF0)
        return 1;
    return a < b ? -1 : 1;
}

Result<bool, std::string> stringMatches(const std::string &text, const std::string &pattern)
{
    // Tokens: literal characters and stars; backtracking over the last star.
    std::vector<std::pair<char, bool>> tokens; // (char, isStar)
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '\\') {
            if (i + 1 >= pattern.size() || (pattern[i + 1] != '*' && pattern[i + 1] != '\\'))
                return unexpected(std::string("Invalid escape sequence in StringMatches pattern '")
                                  + pattern + "'");
            tokens.emplace_back(pattern[++i], false);
        } else {
            tokens.emplace_back(pattern[i], pattern[i] == '*');
        }
    }
    std::size_t t = 0, p = 0, starToken = std::string::npos, starText = 0;
    while (t < text.size()) {
        if (p < tokens.size() && !tokens[p].second && tokens[p].first == text[t]) {
            ++t;
            ++p;
        } else if (p < tokens.size() && tokens[p].second) {
            starToken = p++;
            starText = t;
        } else if (starToken != std::string::npos) {
            p = starToken + 1;
            t = ++starText;
        } else {
            return false;
        }
    }
    while (p < tokens.size() && tokens[p].second)
        ++p;
    return p == tokens.size();
}

Result<bool, std::string> compareChoiceValues(const std::string &op, const Json &value,
                                              const Json &operand)
{
    if (op.starts_with("Is"))
        return operand.is_boolean() && typeTest(op, value) == operand.get<bool>();
    if (op == "StringMatches") {
        if (!value.is_string() || !operand.is_string())
            return false;
        return stringMatches(value.get<std::string>(), operand.get<std::string>());
    }
    if (op.starts_with("String")) {
        if (!value.is_string() || !operand.is_string())
            return false;
        const int c = compareUtf16(value.get_ref<const std::string &>(),
                                   operand.get_ref<const std::string &>());
        return orderHolds(op, c <=> 0);
    }
    if (op.starts_with("Numeric")) {
        if (!value.is_number() || !operand.is_number())
            return false;
        return orderHolds(op, value.get<double>() <=> operand.get<double>());
    }
    if (op == "BooleanEquals")
        return value.is_boolean() && operand.is_boolean()
            && value.get<bool>() == operand.get<bool>();
    if (op.starts_with("Timestamp")) {
        if (!value.is_string() || !operand.is_string())
            return false;
        auto left = parseTimestamp(value.get<std::string>());
        auto right = parseTimestamp(operand.get<std::string>());
        if (!left || !right)
            return false;
        return orderHolds(op, std::partial_ordering(*left <=> *right));
    }
    return unexpected("Unknown comparison operator '" + op + "'");
}

// Spec §6.1 / §6.2: And / Or short-circuit, Not negates, a data test compares one value.
Result<bool, std::string> evaluateChoiceRule(const asl::ChoiceRule &rule,
                                             const ChoiceResolver &resolve)
{
    if (rule.andRules)
        return evaluateAll(*rule.andRules, resolve, true);
    if (rule.orRules)
        return evaluateAll(*rule.orRules, resolve, false);
    if (rule.hasNot && !rule.notRule.empty()) {
        auto inner = evaluateChoiceRule(rule.notRule.front(), resolve);
        if (!inner.hasValue())
            return inner;
        return !inner.value();
    }
    const std::string variable = rule.variable.value_or(std::string("$"));
    auto value = resolve(variable);
    if (rule.comparison == "IsPresent")
        return rule.operand.is_boolean() && value.hasValue() == rule.operand.get<bool>();
    if (!value.hasValue())
        return unexpected(invalidPath(variable));
    std::string op = rule.comparison;
    Json operand = rule.operand;
    if (op.ends_with("Path")) {
        op.resize(op.size() - 4);
        const std::string operandPath = operand.is_string() ? operand.get<std::string>() : "";
        auto resolved = resolve(operandPath);
        if (!resolved.hasValue())
            return unexpected(invalidPath(operandPath));
        operand = std::move(resolved).value();
    }
    return compareChoiceValues(op, value.value(), operand);
}

} // namespace stepwise::engine
