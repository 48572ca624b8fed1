#pragma once
// The inspector's help for JSONata fields (issue 6 §4): every `{% %}` expression of a field
// checked as you type (the parser's error code, message and position), and the field evaluated
// against what the selected state saw in the run (its input, context and variables).
#include "core/common/Json.h"
#include "ui/debug/VisitContext.h"

#include <cstddef>
#include <optional>
#include <string>

namespace stepwise::ui {

struct ExpressionProblem
{
    std::string code;       // the reference implementation's code, e.g. "S0202"
    std::string message;
    std::size_t position;   // in `expression`, as the parser reports it
    std::string expression; // the text between {% and %}
    std::string location;   // where in the field: "" (the field itself) or "/Payload/id"
};

// Whether `field` holds any `{% ... %}` expression (at any depth).
bool hasExpressions(const Json &field);

// The first expression in `field` that does not compile; nullopt when all do.
std::optional<ExpressionProblem> checkExpressions(const Json &field);

struct PreviewOutcome
{
    std::optional<Json> value;              // nullopt: the result is undefined
    std::optional<ExpressionProblem> error; // an evaluation error instead of a value
};

// `field` with its expressions evaluated the way the engine evaluates it ($states.input,
// $states.context and the variables of `visit`; AWS's extra functions). An expression that is
// undefined inside an object drops its key, as in ASL.
PreviewOutcome previewExpressions(const Json &field, const VisitContext &visit);

// One line for the inspector: "→ 42", "→ undefined", "T2001 at 5: …".
std::string describeOutcome(const PreviewOutcome &outcome);
std::string describeProblem(const ExpressionProblem &problem);

} // namespace stepwise::ui
