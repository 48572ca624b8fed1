#pragma once
// Converting one state from JSONPath to JSONata (ASL spec §3) where the conversion is
// mechanical: Parameters → Arguments, InputPath folded into the paths, ResultSelector /
// ResultPath / OutputPath → Output, `*Path` fields and `.$` keys → `{% %}` expressions on
// $states.input / $states.result / $states.context. Anything without an exact equivalent
// (filters, intrinsic functions, nested ResultPath, Choice rules, ...) is refused with the
// reason, never guessed. Pure JSON: no Qt, no document.
#include "core/common/Json.h"
#include "core/common/Result.h"

#include <string>

namespace stepwise::ui {

// The state object (as written under "States") in JSONata, with "QueryLanguage": "JSONata";
// or why it cannot be converted mechanically, naming the field.
Result<Json, std::string> convertStateToJsonata(const Json &state);

// A JSONPath reference path ("$.a.b[0]", "$$.Execution.Id", "$var.x") as a JSONata expression
// over `inputRoot` ("$states.input"); an error for paths with no exact equivalent.
Result<std::string, std::string> jsonPathToJsonata(const std::string &path,
                                                   const std::string &inputRoot);

} // namespace stepwise::ui
