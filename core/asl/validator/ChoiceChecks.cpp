// Choice state rules (ASL spec §1.6 Choice, §6.2 JSONPath data tests, §6.3 JSONata rules).
#include "core/asl/validator/ValidationContext.h"

#include <array>

namespace stepwise::asl::validator {
namespace {

enum class Operand { String, Number, Boolean, Timestamp };

struct Operator
{
    const char *name;
    Operand operand;
};

constexpr std::array<Operator, 22> kOperators = {{
    {"StringEquals", Operand::String},
    {"StringLessThan", Operand::String},
    {"StringGreaterThan", Operand::String},
    {"StringLessThanEquals", Operand::String},
    {"StringGreaterThanEquals", Operand::String},
    {"StringMatches", Operand::String},
    {"NumericEquals", Operand::Number},
    {"NumericLessThan", Operand::Number},
    {"NumericGreaterThan", Operand::Number},
    {"NumericLessThanEquals", Operand::Number},
    {"NumericGreaterThanEquals", Operand::Number},
    {"BooleanEquals", Operand::Boolean},
    {"TimestampEquals", Operand::Timestamp},
    {"TimestampLessThan", Operand::Timestamp},
    {"TimestampGreaterThan", Operand::Timestamp},
    {"TimestampLessThanEquals", Operand::Timestamp},
    {"TimestampGreaterThanEquals", Operand::Timestamp},
    {"IsNull", Operand::Boolean},
    {"IsPresent", Operand::Boolean},
    {"IsNumeric", Operand::Boolean},
    {"IsString", Operand::Boolean},
    {"IsBoolean", Operand::Boolean},
}};

// "IsTimestamp" completes the type tests; kept apart so the table above stays sorted by family.
constexpr Operator kIsTimestamp{"IsTimestamp", Operand::Boolean};

const Operator *findOperator(const std::string &key, bool &isPathVariant)
{
    isPathVariant = false;
    std::string base = key;
    if (key.ends_with("Path") && key != "StringMatchesPath") {
        base = key.substr(0, key.size() - 4);
        isPathVariant = true;
    }
    if (base == kIsTimestamp.name && !isPathVariant)
        return &kIsTimestamp;
    for (const Operator &op : kOperators) {
        if (base != op.name)
            continue;
        if (isPathVariant && (base == "StringMatches" || base.starts_with("Is")))
            return nullptr;
        return &op;
    }
    return nullptr;
}

const char *operandTypeName(Operand operand)
{
    switch (operand) {
    case Operand::String:
        return "a string";
    case Operand::Number:
        return "a number";
    case Operand::Boolean:
        return "a boolean";
    case Operand::Timestamp:
        return "a timestamp string";
    }
    return "a value";
}

bool operandMatches(Operand operand, const Json &value)
{
    switch (operand) {
    case Operand::String:
        return value.is_string();
    case Operand::Number:
        return value.is_number();
    case Operand::Boolean:
        return value.is_boolean();
    case Operand::Timestamp:
        return value.is_string();
    }
    return false;
}

struct RuleScope
{
    QueryLanguage language;
    bool topLevel;
    int depth;
};

void checkRule(ValidationContext &ctx, const Json &rule, const std::string &pointer,
               const RuleScope &scope);

void checkOperator(ValidationContext &ctx, const std::string &key, const Json &value,
                   const Operator &op, bool isPathVariant, const std::string &pointer)
{
    const std::string fieldPointer = childPointer(pointer, key);
    if (isPathVariant) {
        checkReferencePathField(ctx, value, key, fieldPointer, false);
        return;
    }
    if (!operandMatches(op.operand, value)) {
        ctx.error(fieldPointer, "The value of the field '" + key + "' must be " +
                                    operandTypeName(op.operand));
        return;
    }
    if (op.operand == Operand::Timestamp && !isRfc3339Timestamp(value.get<std::string>()))
        ctx.error(fieldPointer, "String does not match RFC3339 timestamp");
}

void checkCombinator(ValidationContext &ctx, const std::string &key, const Json &value,
                     const std::string &pointer, const RuleScope &scope)
{
    const std::string fieldPointer = childPointer(pointer, key);
    const RuleScope nested{scope.language, false, scope.depth + 1};
    if (scope.depth + 1 > kMaxChoiceRuleNesting) {
        ctx.error(fieldPointer, "Choice rule nesting exceeds the limit of " +
                                    std::to_string(kMaxChoiceRuleNesting) + " levels", kTooDeep);
        return;
    }
    if (key == "Not") {
        checkRule(ctx, value, fieldPointer, nested);
        return;
    }
    if (!value.is_array() || value.empty()) {
        ctx.error(fieldPointer, "The value of the field '" + key + "' must be a non-empty array");
        return;
    }
    for (std::size_t i = 0; i < value.size(); ++i)
        checkRule(ctx, value[i], childPointer(fieldPointer, i), nested);
}

bool checkRuleField(ValidationContext &ctx, const std::string &key, const Json &value,
                    const std::string &pointer, const RuleScope &scope)
{
    const bool jsonata = scope.language == QueryLanguage::Jsonata;
    if (key == "Comment")
        return false;
    if (scope.topLevel && key == "Next") {
        if (!value.is_string())
            ctx.error(childPointer(pointer, key), "The value of the field 'Next' must be a string");
        return false;
    }
    if (scope.topLevel && key == "Assign") {
        checkAssign(ctx, value, childPointer(pointer, key), scope.language);
        return false;
    }
    if (scope.topLevel && key == "Output") {
        if (!jsonata)
            ctx.error(pointer, queryLanguageMessage(scope.language, key));
        else
            checkJsonataStrings(ctx, value, childPointer(pointer, key));
        return false;
    }
    if (key == "Condition") {
        if (!jsonata)
            ctx.error(pointer, queryLanguageMessage(scope.language, key));
        else if (!value.is_boolean() && !isJsonataExpression(value))
            ctx.error(childPointer(pointer, key),
                      "The value of the field 'Condition' must be a JSONata expression or a boolean");
        else
            checkJsonataStrings(ctx, value, childPointer(pointer, key));
        return true;
    }
    bool isPathVariant = false;
    const Operator *op = findOperator(key, isPathVariant);
    const bool combinator = key == "And" || key == "Or" || key == "Not";
    if (op == nullptr && !combinator && key != "Variable") {
        ctx.error(pointer, "Field '" + key + "' is not supported");
        return false;
    }
    if (jsonata) {
        ctx.error(pointer, queryLanguageMessage(scope.language, key));
        return key != "Variable";
    }
    if (key == "Variable")
        checkReferencePathField(ctx, value, key, childPointer(pointer, key), false);
    else if (combinator)
        checkCombinator(ctx, key, value, pointer, scope);
    else
        checkOperator(ctx, key, value, *op, isPathVariant, pointer);
    return key != "Variable";
}

// §6.2: Variable + exactly one operator, or exactly one of And/Or/Not; Next only at top level.
void checkRule(ValidationContext &ctx, const Json &rule, const std::string &pointer,
               const RuleScope &scope)
{
    if (!rule.is_object()) {
        ctx.error(pointer, "The value must be a JSON object");
        return;
    }
    int operators = 0;
    for (auto it = rule.begin(); it != rule.end(); ++it)
        if (checkRuleField(ctx, it.key(), it.value(), pointer, scope))
            ++operators;
    const bool jsonata = scope.language == QueryLanguage::Jsonata;
    if (scope.topLevel && !rule.contains("Next"))
        ctx.error(pointer, "The field 'Next' is required but was missing");
    if (jsonata && !rule.contains("Condition"))
        ctx.error(pointer, "The field 'Condition' is required but was missing");
    if (jsonata)
        return;
    const bool combinator = rule.contains("And") || rule.contains("Or") || rule.contains("Not");
    if (operators != 1)
        ctx.error(pointer, "A choice rule must contain exactly one comparison operator or one of "
                           "[And, Or, Not]");
    else if (!combinator && !rule.contains("Variable"))
        ctx.error(pointer, "The field 'Variable' is required but was missing");
    else if (combinator && rule.contains("Variable"))
        ctx.error(pointer, "Field 'Variable' is not supported");
}

} // namespace

void checkChoiceState(ValidationContext &ctx, const StateRef &state)
{
    if (auto def = state.json.find("Default"); def != state.json.end() && !def->is_string())
        ctx.error(childPointer(state.pointer, "Default"),
                  "The value of the field 'Default' must be a string");
    auto choices = state.json.find("Choices");
    if (choices == state.json.end())
        return;
    const std::string pointer = childPointer(state.pointer, "Choices");
    if (!choices->is_array()) {
        ctx.error(pointer, "The value of the field 'Choices' must be an array");
        return;
    }
    if (choices->empty()) {
        ctx.error(pointer, "Value cannot be empty");
        return;
    }
    const RuleScope scope{state.language, true, 0};
    for (std::size_t i = 0; i < choices->size(); ++i)
        checkRule(ctx, (*choices)[i], childPointer(pointer, i), scope);
}

} // namespace stepwise::asl::validator
