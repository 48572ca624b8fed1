#pragma once
// The debugger's breakpoints: per canvas node id, optionally with a condition on the state's
// input (a JSONPath or a JSONata expression), plus "break on any error".
#include "core/common/Json.h"

#include <QString>

#include <map>
#include <optional>
#include <set>
#include <string>

namespace stepwise::ui {

enum class ConditionLanguage { JsonPath, Jsonata };

struct BreakCondition
{
    ConditionLanguage language = ConditionLanguage::JsonPath;
    std::string text;
};

class BreakpointSet
{
public:
    bool contains(const std::string &nodeId) const { return m_breakpoints.contains(nodeId); }
    void toggle(const std::string &nodeId);
    void set(const std::string &nodeId, bool on);
    // Sets (or with an empty text clears) the condition; an expression that does not compile
    // is refused with a message naming the node and the problem.
    std::optional<QString> setCondition(const std::string &nodeId, const BreakCondition &condition);
    const BreakCondition *condition(const std::string &nodeId) const;
    std::set<std::string> ids() const;
    void clear();

    bool breakOnError() const { return m_breakOnError; }
    void setBreakOnError(bool on) { m_breakOnError = on; }

    // Whether entering `nodeId` with `input` should pause: a breakpoint without condition, or
    // one whose condition is truthy (JSONPath: the path finds a value other than false/null, or
    // a non-empty match list; JSONata: the result casts to true). A condition that fails to
    // evaluate pauses too, so a broken condition is noticed rather than silently skipped.
    bool shouldBreak(const std::string &nodeId, const Json &input) const;

private:
    std::map<std::string, std::optional<BreakCondition>> m_breakpoints;
    bool m_breakOnError = false;
};

// Truthiness shared by both condition languages.
bool isTruthy(const Json &value);

} // namespace stepwise::ui
