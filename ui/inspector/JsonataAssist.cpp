#include "ui/inspector/JsonataAssist.h"

#include "core/common/JsonText.h"
#include "core/jsonata/Jsonata.h"

namespace stepwise::ui {
namespace {

// "{% expr %}" → "expr" (the spaces around it are not part of the expression).
std::optional<std::string> expressionIn(const Json &value)
{
    if (!value.is_string())
        return std::nullopt;
    const std::string &text = value.get_ref<const std::string &>();
    if (text.size() < 4 || !text.starts_with("{%") || !text.ends_with("%}"))
        return std::nullopt;
    return text.substr(2, text.size() - 4);
}

ExpressionProblem problemOf(const jsonata::Error &error, const std::string &expression,
                            const std::string &location)
{
    return {error.code, error.message, error.position, expression, location};
}

struct Evaluator
{
    jsonata::Bindings bindings;
    std::optional<ExpressionProblem> error;

    // nullopt: undefined (or an error, recorded in `error`).
    std::optional<Json> walk(const Json &field, const std::string &location)
    {
        if (error)
            return std::nullopt;
        if (auto expression = expressionIn(field)) {
            auto compiled = jsonata::Expression::compile(*expression);
            if (!compiled) {
                error = problemOf(compiled.error(), *expression, location);
                return std::nullopt;
            }
            auto result = jsonata::evaluate(*compiled, std::nullopt, bindings);
            if (!result) {
                error = problemOf(result.error(), *expression, location);
                return std::nullopt;
            }
            return *result;
        }
        if (field.is_object()) {
            Json out = Json::object();
            for (auto it = field.begin(); it != field.end(); ++it)
                if (auto value = walk(it.value(), location + '/' + it.key()))
                    out[it.key()] = std::move(*value);
            return out;
        }
        if (field.is_array()) {
            Json out = Json::array();
            for (std::size_t i = 0; i < field.size(); ++i)
                if (auto value = walk(field[i], location + '/' + std::to_string(i)))
                    out.push_back(std::move(*value));
            return out;
        }
        return field;
    }
};

} // namespace

bool hasExpressions(const Json &field)
{
    if (expressionIn(field))
        return true;
    if (field.is_object() || field.is_array())
        for (const Json &child : field)
            if (hasExpressions(child))
                return true;
    return false;
}

std::optional<ExpressionProblem> checkExpressions(const Json &field)
{
    std::optional<ExpressionProblem> found;
    const auto visit = [&found](const auto &self, const Json &value,
                                const std::string &location) -> void {
        if (found)
            return;
        if (auto expression = expressionIn(value)) {
            auto compiled = jsonata::Expression::compile(*expression);
            if (!compiled)
                found = problemOf(compiled.error(), *expression, location);
            return;
        }
        if (value.is_object())
            for (auto it = value.begin(); it != value.end(); ++it)
                self(self, it.value(), location + '/' + it.key());
        else if (value.is_array())
            for (std::size_t i = 0; i < value.size(); ++i)
                self(self, value[i], location + '/' + std::to_string(i));
    };
    visit(visit, field, "");
    return found;
}

PreviewOutcome previewExpressions(const Json &field, const VisitContext &visit)
{
    Evaluator evaluator;
    if (visit.variables.is_object())
        for (auto it = visit.variables.begin(); it != visit.variables.end(); ++it)
            evaluator.bindings.variables[it.key()] = it.value();
    Json states = Json::object();
    states["input"] = visit.input;
    states["context"] = visit.context;
    evaluator.bindings.variables["states"] = std::move(states);
    jsonata::addAwsFunctions(evaluator.bindings);
    evaluator.bindings.timeLimitMs = 500; // a preview never stalls typing
    evaluator.bindings.rejectFunctionResult = true;
    PreviewOutcome outcome;
    outcome.value = evaluator.walk(field, "");
    if (evaluator.error) {
        outcome.value.reset();
        outcome.error = evaluator.error;
    }
    return outcome;
}

std::string describeProblem(const ExpressionProblem &problem)
{
    std::string text = problem.code.empty() ? std::string("Error") : problem.code;
    if (!problem.location.empty())
        text += " in " + problem.location;
    text += " at " + std::to_string(problem.position) + ": " + problem.message;
    return text;
}

namespace {

// Spaced after ',' and ':': the label can wrap it inside a narrow inspector instead of widening
// the panel, and it is still valid JSON when copied.
std::string wrappableJson(const Json &value)
{
    return withSeparatorSpaces(value.dump());
}

} // namespace

std::string describeOutcome(const PreviewOutcome &outcome)
{
    if (outcome.error)
        return describeProblem(*outcome.error);
    if (!outcome.value)
        return "→ undefined";
    std::string text = wrappableJson(*outcome.value);
    if (text.size() > 300)
        text = text.substr(0, 300) + "…";
    return "→ " + text;
}

} // namespace stepwise::ui
