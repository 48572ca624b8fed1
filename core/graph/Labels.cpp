// Short labels for the canvas: a Task's resource and a Choice rule's condition
// (ASL spec §6: data-test expressions, And / Or / Not, JSONata Condition).
#include "core/graph/Graph.h"

#include <array>
#include <cctype>
#include <utility>

namespace stepwise::graph {
namespace {

std::string afterLast(const std::string &text, char separator)
{
    const std::size_t at = text.rfind(separator);
    return at == std::string::npos ? text : text.substr(at + 1);
}

std::string trimmed(std::string text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    const auto last = text.find_last_not_of(" \t\r\n");
    return first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
}

std::string operandText(const Json &operand)
{
    return operand.is_string() ? '"' + operand.get<std::string>() + '"' : operand.dump();
}

// "NumericGreaterThanEqualsPath" → ">=", plus whether the operand is a path.
std::string comparisonSymbol(std::string op)
{
    if (op.ends_with("Path"))
        op.resize(op.size() - 4);
    static const std::array<std::pair<const char *, const char *>, 5> suffixes{{
        {"GreaterThanEquals", ">="},
        {"LessThanEquals", "<="},
        {"GreaterThan", ">"},
        {"LessThan", "<"},
        {"Equals", "=="},
    }};
    for (const auto &[suffix, symbol] : suffixes)
        if (op.ends_with(suffix))
            return symbol;
    if (op == "StringMatches")
        return "matches";
    return op;
}

std::string testText(const asl::ChoiceRule &rule)
{
    const std::string variable = rule.variable.value_or("?");
    const std::string &op = rule.comparison;
    if (op.starts_with("Is") && rule.operand.is_boolean()) {
        std::string what = op.substr(2);
        for (char &c : what)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return variable + (rule.operand.get<bool>() ? " is " : " is not ") + what;
    }
    const std::string operand = op.ends_with("Path") && rule.operand.is_string()
                                    ? rule.operand.get<std::string>()
                                    : operandText(rule.operand);
    return variable + ' ' + comparisonSymbol(op) + ' ' + operand;
}

std::string joined(const std::vector<asl::ChoiceRule> &rules, const char *glue)
{
    std::string out;
    for (const asl::ChoiceRule &rule : rules) {
        if (!out.empty())
            out += glue;
        const bool compound = rule.andRules || rule.orRules;
        out += compound ? '(' + conditionText(rule) + ')' : conditionText(rule);
    }
    return out;
}

} // namespace

std::string resourceShortForm(const std::string &resource)
{
    static constexpr std::string_view integration = "arn:aws:states:::";
    if (resource.starts_with(integration))
        return resource.substr(integration.size());
    if (resource.starts_with("arn:aws:lambda:")) {
        const std::size_t function = resource.find(":function:");
        if (function != std::string::npos) {
            const std::string name = resource.substr(function + 10);
            return "lambda:invoke · " + name.substr(0, name.find(':'));
        }
    }
    if (resource.find(":activity:") != std::string::npos)
        return "activity · " + afterLast(resource, ':');
    return resource;
}

std::string conditionText(const asl::ChoiceRule &rule)
{
    if (rule.condition) {
        if (!rule.condition->is_string())
            return rule.condition->dump();
        std::string text = trimmed(rule.condition->get<std::string>());
        if (text.starts_with("{%") && text.ends_with("%}"))
            text = trimmed(text.substr(2, text.size() - 4));
        return text;
    }
    if (rule.andRules)
        return joined(*rule.andRules, " && ");
    if (rule.orRules)
        return joined(*rule.orRules, " || ");
    if (rule.hasNot && !rule.notRule.empty())
        return "!(" + conditionText(rule.notRule.front()) + ')';
    return testText(rule);
}

} // namespace stepwise::graph
