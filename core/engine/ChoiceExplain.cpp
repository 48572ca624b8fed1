// Choice rule verdicts for viewers (ASL spec §6.1-§6.3, §3.6 error texts).
#include "core/engine/ChoiceExplain.h"

#include "core/engine/ChoiceEvaluator.h"
#include "core/engine/JsonataFlow.h"
#include "core/jsonata/Jsonata.h"
#include "core/jsonpath/Path.h"

namespace stepwise::engine {
namespace {

// A reference path read from the input (`$`), the context (`$$`) or a variable (`$name`).
Result<Json, std::string> readPath(const std::string &text, const ChoiceData &data)
{
    auto path = jsonpath::Path::parse(text);
    if (!path)
        return unexpected(path.error().message);
    const Json *root = &data.input;
    switch (path.value().root()) {
    case jsonpath::Path::Root::Input:
        break;
    case jsonpath::Path::Root::Context:
        root = &data.context;
        break;
    case jsonpath::Path::Root::Variable: {
        const std::string &name = path.value().variableName();
        if (!data.variables.is_object() || !data.variables.contains(name))
            return unexpected("No results for path: " + path.value().normalized());
        root = &data.variables[name];
        break;
    }
    }
    auto value = path.value().evaluate(*root);
    if (!value)
        return unexpected(value.error().detail);
    return std::move(value).value();
}

RuleVerdict explainJsonPathRule(const asl::ChoiceRule &rule, const ChoiceData &data)
{
    RuleVerdict verdict;
    if (rule.variable) {
        auto value = readPath(*rule.variable, data);
        if (value)
            verdict.value = std::move(value).value();
    }
    const ChoiceResolver resolve = [&](const std::string &path) { return readPath(path, data); };
    auto matched = evaluateChoiceRule(rule, resolve);
    if (matched)
        verdict.matched = matched.value();
    else
        verdict.error = matched.error();
    return verdict;
}

RuleVerdict explainJsonataRule(const asl::ChoiceRule &rule, std::size_t index,
                               const jsonata::Bindings &bindings)
{
    RuleVerdict verdict;
    const Json condition = rule.condition ? *rule.condition : Json(false);
    std::string text;
    if (!isJsonataExpression(condition, &text)) {
        verdict.value = condition;
        verdict.matched = condition.is_boolean() && condition.get<bool>();
        return verdict;
    }
    const std::string prefix = "The JSONata expression '" + text + "' specified for the field 'Choices["
                               + std::to_string(index) + "]/Condition' ";
    auto compiled = jsonata::Expression::compile(text);
    if (!compiled) {
        verdict.error = prefix + "threw an error during evaluation. " + compiled.error().code + ": "
                        + compiled.error().message;
        return verdict;
    }
    auto result = jsonata::evaluate(compiled.value(), std::nullopt, bindings);
    if (!result) {
        verdict.error = result.error().code == jsonata::kFunctionResultCode
                            ? prefix + "returned an unsupported result type."
                            : prefix + "threw an error during evaluation. " + result.error().code
                                  + ": " + result.error().message;
        return verdict;
    }
    if (!result.value()) {
        verdict.error = prefix + "returned nothing (undefined).";
        return verdict;
    }
    verdict.value = *result.value();
    if (!verdict.value->is_boolean()) {
        verdict.error = prefix + "returned an unexpected result type. Expected 'boolean', but was '"
                        + std::string(verdict.value->is_null() ? "null" : verdict.value->type_name())
                        + "' for value: " + verdict.value->dump();
        return verdict;
    }
    verdict.matched = verdict.value->get<bool>();
    return verdict;
}

jsonata::Bindings bindingsFor(const ChoiceData &data)
{
    jsonata::Bindings bindings;
    if (data.variables.is_object())
        for (auto it = data.variables.begin(); it != data.variables.end(); ++it)
            bindings.variables.emplace(it.key(), it.value());
    bindings.variables["states"] = Json{{"input", data.input}, {"context", data.context}};
    bindings.rejectFunctionResult = true;
    jsonata::addAwsFunctions(bindings);
    return bindings;
}

} // namespace

ChoiceExplanation explainChoice(const asl::ChoiceState &state, QueryLanguage language,
                                const ChoiceData &data)
{
    ChoiceExplanation out;
    if (!state.choices)
        return out;
    std::optional<jsonata::Bindings> bindings;
    if (language == QueryLanguage::JSONata)
        bindings = bindingsFor(data);
    bool decided = false; // an earlier rule matched or failed
    for (std::size_t i = 0; i < state.choices->size(); ++i) {
        const asl::ChoiceRule &rule = (*state.choices)[i];
        RuleVerdict verdict = bindings ? explainJsonataRule(rule, i, *bindings)
                                       : explainJsonPathRule(rule, data);
        verdict.reached = !decided;
        if (!decided && (verdict.matched.value_or(false) || !verdict.error.empty())) {
            decided = true;
            if (verdict.matched.value_or(false))
                out.matchedRule = i;
        }
        out.rules.push_back(std::move(verdict));
    }
    bool failed = false;
    for (const RuleVerdict &verdict : out.rules)
        failed |= verdict.reached && !verdict.error.empty();
    out.defaultTaken = !out.matchedRule && !failed && state.defaultNext.has_value();
    return out;
}

} // namespace stepwise::engine
