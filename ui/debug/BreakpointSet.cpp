// Breakpoints and their conditions (JSONPath via core/jsonpath, JSONata via core/jsonata).
#include "ui/debug/BreakpointSet.h"

#include "core/jsonata/Jsonata.h"
#include "core/jsonpath/Path.h"

namespace stepwise::ui {
namespace {

std::optional<QString> compileError(const BreakCondition &condition)
{
    if (condition.language == ConditionLanguage::JsonPath) {
        auto path = jsonpath::Path::parse(condition.text);
        if (!path)
            return QString::fromStdString(path.error().message);
        return std::nullopt;
    }
    auto expression = jsonata::Expression::compile(condition.text);
    if (!expression)
        return QString::fromStdString(expression.error().message);
    return std::nullopt;
}

bool evaluate(const BreakCondition &condition, const Json &input)
{
    if (condition.language == ConditionLanguage::JsonPath) {
        auto path = jsonpath::Path::parse(condition.text);
        if (!path)
            return true;
        auto value = path.value().evaluate(input);
        if (!value)
            return false; // the path finds nothing: the condition does not hold
        if (!path.value().isDefinite())
            return value.value().is_array() && !value.value().empty();
        return isTruthy(value.value());
    }
    auto expression = jsonata::Expression::compile(condition.text);
    if (!expression)
        return true;
    jsonata::Bindings bindings;
    bindings.variables["states"] = Json{{"input", input}};
    auto result = jsonata::evaluate(expression.value(), input, bindings);
    if (!result)
        return true;
    return result.value() && isTruthy(*result.value());
}

} // namespace

bool isTruthy(const Json &value)
{
    if (value.is_null())
        return false;
    if (value.is_boolean())
        return value.get<bool>();
    if (value.is_number())
        return value.get<double>() != 0.0;
    if (value.is_string())
        return !value.get_ref<const std::string &>().empty();
    if (value.is_array()) {
        for (const Json &item : value)
            if (isTruthy(item))
                return true;
        return false;
    }
    return !value.empty();
}

void BreakpointSet::toggle(const std::string &nodeId)
{
    set(nodeId, !contains(nodeId));
}

void BreakpointSet::set(const std::string &nodeId, bool on)
{
    if (on)
        m_breakpoints.try_emplace(nodeId);
    else
        m_breakpoints.erase(nodeId);
}

std::optional<QString> BreakpointSet::setCondition(const std::string &nodeId,
                                                   const BreakCondition &condition)
{
    if (condition.text.empty()) {
        m_breakpoints[nodeId] = std::nullopt;
        return std::nullopt;
    }
    if (auto error = compileError(condition))
        return QStringLiteral("Breakpoint condition on %1: %2")
            .arg(QString::fromStdString(nodeId), *error);
    m_breakpoints[nodeId] = condition;
    return std::nullopt;
}

const BreakCondition *BreakpointSet::condition(const std::string &nodeId) const
{
    auto it = m_breakpoints.find(nodeId);
    return it != m_breakpoints.end() && it->second ? &*it->second : nullptr;
}

std::set<std::string> BreakpointSet::ids() const
{
    std::set<std::string> out;
    for (const auto &entry : m_breakpoints)
        out.insert(entry.first);
    return out;
}

void BreakpointSet::clear()
{
    m_breakpoints.clear();
}

bool BreakpointSet::shouldBreak(const std::string &nodeId, const Json &input) const
{
    auto it = m_breakpoints.find(nodeId);
    if (it == m_breakpoints.end())
        return false;
    return !it->second || evaluate(*it->second, input);
}

} // namespace stepwise::ui
