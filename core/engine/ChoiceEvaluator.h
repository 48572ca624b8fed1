#pragma once
// Choice rules in JSONPath mode (ASL spec §6.1, §6.2), independent of the runtime: paths are
// resolved through a callback so the evaluator can be tested on its own.
#include "core/asl/ChoiceRule.h"
#include "core/common/Json.h"
#include "core/common/Result.h"

#include <functional>
#include <string>
#include <string_view>

namespace stepwise::engine {

// Resolves a Variable or ...Path operand; an error means "no such value".
using ChoiceResolver = std::function<Result<Json, std::string>(const std::string &path)>;

// True when the rule matches. The error is the States.Runtime cause text after the state
// prefix, e.g. "Invalid path '$.x': The choice state's condition path references an invalid
// value."
Result<bool, std::string> evaluateChoiceRule(const asl::ChoiceRule &rule,
                                             const ChoiceResolver &resolve);

// One comparison operator (without the Path suffix) applied to a value and an operand.
// Type mismatches are simply false (spec §6.2); an invalid StringMatches pattern is an error.
Result<bool, std::string> compareChoiceValues(const std::string &op, const Json &value,
                                              const Json &operand);

// Java String.compareTo over UTF-8 texts: order by UTF-16 code units (spec §6.2), so a
// supplementary character (a surrogate pair, 0xD800..) sorts before U+E000..U+FFFF. <0, 0, >0.
int compareUtf16(std::string_view left, std::string_view right);

// StringMatches (spec §6.2): `*` is any sequence, `\*` a literal star, `\\` a backslash.
Result<bool, std::string> stringMatches(const std::string &text, const std::string &pattern);

} // namespace stepwise::engine
