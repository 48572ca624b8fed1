// Payload templates, Assign, Path and Reference Path fields, JSONata delimiters
// (ASL spec §2.3, §2.4, §3.1, §4.1, §5.1).
#include "core/asl/validator/ValidationContext.h"
#include "core/intrinsics/Expression.h"
#include "core/jsonpath/Path.h"

#include <cctype>
#include <set>

namespace stepwise::asl::validator {
namespace {

bool isValidPathOrIntrinsic(const std::string &text)
{
    if (text.starts_with("$"))
        return jsonpath::Path::parse(text).hasValue();
    return intrinsics::Expression::parse(text).hasValue();
}

bool looksLikePath(const std::string &text)
{
    return text.starts_with("$.") || text.starts_with("$$.") || text.starts_with("$[") ||
           intrinsics::looksLikeCall(text);
}

void checkTemplateObject(ValidationContext &ctx, const Json &object, const std::string &pointer,
                         int depth);

// §2.4: recursive through objects and arrays; bounded depth keeps the C++ stack small.
void checkTemplateValue(ValidationContext &ctx, const Json &value, const std::string &pointer,
                        int depth)
{
    if (depth > kMaxTemplateNesting) {
        ctx.error(pointer, "Payload template nesting exceeds the limit of " +
                               std::to_string(kMaxTemplateNesting) + " levels", kTooDeep);
        return;
    }
    if (value.is_object()) {
        checkTemplateObject(ctx, value, pointer, depth);
    } else if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i)
            checkTemplateValue(ctx, value[i], childPointer(pointer, i), depth + 1);
    }
}

void checkTemplateObject(ValidationContext &ctx, const Json &object, const std::string &pointer,
                         int depth)
{
    std::set<std::string> outputKeys;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const std::string &key = it.key();
        const bool dynamic = key.size() > 2 && key.ends_with(".$");
        const std::string outputKey = dynamic ? key.substr(0, key.size() - 2) : key;
        if (!outputKeys.insert(outputKey).second)
            ctx.error(pointer, "The field '" + outputKey +
                                   "' appears more than once after removing the '.$' suffix");
        if (dynamic) {
            if (!it->is_string() || !isValidPathOrIntrinsic(it->get<std::string>()))
                ctx.error(pointer, "The value for the field '" + key +
                                       "' must be a valid JSONPath or a valid intrinsic function call");
            continue;
        }
        if (it->is_string() && looksLikePath(it->get<std::string>()))
            ctx.warning(childPointer(pointer, key),
                        "The value for the field '" + key +
                            "' looks like a JSONPath or an intrinsic function call, but the field "
                            "name does not end with '.$'",
                        kNoDollar);
        checkTemplateValue(ctx, it.value(), childPointer(pointer, key), depth + 1);
    }
}

bool isIdStart(unsigned char c)
{
    return std::isalpha(c) != 0 || c == '_' || c >= 0x80;
}

bool isIdContinue(unsigned char c)
{
    return std::isalnum(c) != 0 || c == '_' || c >= 0x80;
}

// §4.1: 1..80 characters, ID_Start then ID_Continue, `states` reserved.
bool isValidVariableName(const std::string &name)
{
    if (name.empty() || codePointCount(name) > 80 || name == "states")
        return false;
    if (!isIdStart(static_cast<unsigned char>(name.front())))
        return false;
    for (char c : name)
        if (!isIdContinue(static_cast<unsigned char>(c)))
            return false;
    return true;
}

// Text between `{%` and `%}` must be non-blank with balanced brackets outside string literals.
bool isWellFormedJsonata(std::string_view body)
{
    std::string stack;
    char quote = 0;
    bool blank = true;
    for (std::size_t i = 0; i < body.size(); ++i) {
        const char c = body[i];
        blank = blank && std::isspace(static_cast<unsigned char>(c)) != 0;
        if (quote != 0) {
            if (c == '\\')
                ++i;
            else if (c == quote)
                quote = 0;
            continue;
        }
        if (c == '"' || c == '\'' || c == '`')
            quote = c;
        else if (c == '(' || c == '[' || c == '{')
            stack.push_back(c == '(' ? ')' : c == '[' ? ']' : '}');
        else if (c == ')' || c == ']' || c == '}') {
            if (stack.empty() || stack.back() != c)
                return false;
            stack.pop_back();
        }
    }
    return !blank && quote == 0 && stack.empty();
}

void checkJsonataValue(ValidationContext &ctx, const Json &value, const std::string &pointer,
                       int depth)
{
    if (depth > kMaxTemplateNesting) {
        ctx.error(pointer, "Value nesting exceeds the limit of " +
                               std::to_string(kMaxTemplateNesting) + " levels", kTooDeep);
        return;
    }
    if (isJsonataExpression(value)) {
        const std::string text = value.get<std::string>();
        if (!isWellFormedJsonata(std::string_view(text).substr(2, text.size() - 4)))
            ctx.error(pointer, "The JSONata expression '" + text + "' is not valid", kInvalidJsonata);
    } else if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it)
            checkJsonataValue(ctx, it.value(), childPointer(pointer, it.key()), depth + 1);
    } else if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i)
            checkJsonataValue(ctx, value[i], childPointer(pointer, i), depth + 1);
    }
}

} // namespace

bool isValidIntrinsicCall(const std::string &text)
{
    return intrinsics::Expression::parse(text).hasValue();
}

bool isJsonataExpression(const Json &value)
{
    if (!value.is_string())
        return false;
    const std::string &text = value.get_ref<const std::string &>();
    return text.size() >= 4 && text.starts_with("{%") && text.ends_with("%}");
}

void checkJsonataStrings(ValidationContext &ctx, const Json &value, const std::string &pointer)
{
    checkJsonataValue(ctx, value, pointer, 0);
}

void checkPayloadTemplate(ValidationContext &ctx, const Json &value, const std::string &pointer,
                          QueryLanguage language)
{
    if (language == QueryLanguage::Jsonata)
        checkJsonataValue(ctx, value, pointer, 0);
    else
        checkTemplateValue(ctx, value, pointer, 0);
}

void checkAssign(ValidationContext &ctx, const Json &assign, const std::string &pointer,
                 QueryLanguage language)
{
    if (!assign.is_object()) {
        if (!(language == QueryLanguage::Jsonata && isJsonataExpression(assign)))
            ctx.error(pointer, "The value of the field 'Assign' must be an object");
        return;
    }
    for (auto it = assign.begin(); it != assign.end(); ++it) {
        std::string name = it.key();
        if (language == QueryLanguage::JsonPath && name.size() > 2 && name.ends_with(".$"))
            name.resize(name.size() - 2);
        if (!isValidVariableName(name))
            ctx.error(pointer, "The variable name '" + name + "' is not valid");
    }
    checkPayloadTemplate(ctx, assign, pointer, language);
}

void checkPathField(ValidationContext &ctx, const Json &value, const std::string &pointer,
                    const std::string &field, bool allowNull)
{
    if (value.is_null() && allowNull)
        return;
    if (!value.is_string() || !value.get<std::string>().starts_with("$") ||
        !jsonpath::Path::parse(value.get<std::string>()).hasValue())
        ctx.error(pointer, "The value for the field '" + field + "' must be a valid JSONPath");
}

void checkReferencePathField(ValidationContext &ctx, const Json &value, const std::string &field,
                             const std::string &pointer, bool isResultPath)
{
    if (value.is_null() && isResultPath)
        return;
    if (!value.is_string()) {
        ctx.error(pointer, "The value of the field '" + field + "' must be a string");
        return;
    }
    const std::string text = value.get<std::string>();
    if (!text.starts_with("$")) {
        ctx.error(pointer, "Value is not a Reference Path: Reference path didn't start with '$'");
        return;
    }
    auto path = jsonpath::Path::parse(text);
    if (!path.hasValue() || !path.value().isReferencePath()) {
        ctx.error(pointer, "Value is not a Reference Path: '" + text +
                               "' must only select a single node by name or index");
        return;
    }
    if (isResultPath && path.value().root() != jsonpath::Path::Root::Input)
        ctx.error(pointer, "The field 'ResultPath' can only reference the state input ('$')");
}

} // namespace stepwise::asl::validator
