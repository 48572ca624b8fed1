#pragma once
// A Choice rule (ASL spec §6): a JSONPath data-test (`Variable` + one comparison operator), a
// boolean combination (`And` / `Or` / `Not`), or a JSONata `Condition`. Top-level rules carry
// `Next`; nested rules must not.
#include "core/asl/ObjectMeta.h"

#include <optional>
#include <string>
#include <vector>

namespace stepwise::asl {

struct ChoiceRule
{
    std::optional<std::string> variable;
    std::string comparison;            // operator name, e.g. "NumericEqualsPath"; empty if none
    Json operand;                      // its value as written
    std::optional<std::vector<ChoiceRule>> andRules;
    std::optional<std::vector<ChoiceRule>> orRules;
    std::vector<ChoiceRule> notRule;   // zero or one element (a vector keeps value semantics)
    bool hasNot = false;
    std::optional<Json> condition;     // JSONata
    std::optional<std::string> next;
    std::optional<Json> assign;
    std::optional<Json> output;
    std::optional<std::string> comment;
    ObjectMeta meta;
};

} // namespace stepwise::asl
