#pragma once
// Why a Choice state went where it went (ASL spec §6): each rule's verdict over given data, in
// either query language, for viewers such as the debugger's State Data panel. Pure: it evaluates
// the rules against the data it is handed and records nothing.
#include "core/asl/States.h"
#include "core/common/Json.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace stepwise::engine {

using QueryLanguage = asl::QueryLanguage;

// What the state's rules can read.
struct ChoiceData
{
    Json input;     // JSONPath: the effective input (after InputPath); JSONata: $states.input
    Json context;   // $$ / $states.context
    Json variables; // name → value visible to the state
};

struct RuleVerdict
{
    // JSONPath: the Variable's value (a top-level data-test rule; And/Or/Not have none).
    // JSONata: what the Condition evaluated to.
    std::optional<Json> value;
    std::optional<bool> matched; // nullopt when the rule failed to evaluate
    std::string error;           // the cause AWS would report, e.g. "Invalid path '$.x': ..."
    bool reached = true;         // false once an earlier rule matched or failed: AWS stops there
};

struct ChoiceExplanation
{
    std::vector<RuleVerdict> rules; // one per Choices[i], in order
    std::optional<std::size_t> matchedRule;
    bool defaultTaken = false; // no rule matched, no rule failed, and the state has a Default
};

// Every rule is evaluated (so a viewer can show what later rules would have said), but only
// rules up to the first match or failure are `reached`, as AWS evaluates them (spec §6.1).
ChoiceExplanation explainChoice(const asl::ChoiceState &state, QueryLanguage language,
                                const ChoiceData &data);

} // namespace stepwise::engine
