// Field values of Pass, Task, Wait, Fail, Parallel and the fields all states share
// (ASL spec §1.6, §2.3, §8.1).
#include "core/asl/validator/ValidationContext.h"

namespace stepwise::asl::validator {
namespace {

bool isJsonPath(const StateRef &state)
{
    return state.language == QueryLanguage::JsonPath;
}

const Json *member(const StateRef &state, const char *key)
{
    auto it = state.json.find(key);
    return it == state.json.end() ? nullptr : &*it;
}

std::string fieldPointer(const StateRef &state, const char *key)
{
    return childPointer(state.pointer, key);
}

// A plain string value that looks like a path in a field whose name does not end in Path.
void warnNoPath(ValidationContext &ctx, const StateRef &state, const char *key)
{
    const Json *value = member(state, key);
    if (value == nullptr || !value->is_string() || !isJsonPath(state))
        return;
    const std::string text = value->get<std::string>();
    if (text.starts_with("$.") || text.starts_with("$$.") || text == "$")
        ctx.warning(fieldPointer(state, key),
                    std::string("The value of the field '") + key +
                        "' looks like a path, but the field name does not end with 'Path'",
                    kNoPath);
}

void checkCommonFields(ValidationContext &ctx, const StateRef &state)
{
    if (const Json *comment = member(state, "Comment"); comment && !comment->is_string())
        ctx.error(fieldPointer(state, "Comment"), "The value of the field 'Comment' must be a string");
    if (const Json *end = member(state, "End"); end && !end->is_boolean())
        ctx.error(fieldPointer(state, "End"), "The value of the field 'End' must be a boolean");
    if (const Json *next = member(state, "Next"); next && !next->is_string())
        ctx.error(fieldPointer(state, "Next"), "The value of the field 'Next' must be a string");
    if (!isJsonPath(state)) {
        for (const char *key : {"Output", "Arguments"})
            if (const Json *value = member(state, key))
                checkJsonataStrings(ctx, *value, fieldPointer(state, key));
    } else {
        for (const char *key : {"InputPath", "OutputPath"})
            if (const Json *value = member(state, key))
                checkPathField(ctx, *value, fieldPointer(state, key), key, true);
        if (const Json *value = member(state, "ResultPath"))
            checkReferencePathField(ctx, *value, "ResultPath", fieldPointer(state, "ResultPath"), true);
        for (const char *key : {"Parameters", "ResultSelector"})
            if (const Json *value = member(state, key))
                checkPayloadTemplate(ctx, *value, fieldPointer(state, key), state.language);
    }
    if (const Json *assign = member(state, "Assign"))
        checkAssign(ctx, *assign, fieldPointer(state, "Assign"), state.language);
}

bool containsDynamicKey(const Json &value, int depth)
{
    if (depth > kMaxTemplateNesting)
        return false;
    if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it)
            if (it.key().ends_with(".$") || containsDynamicKey(it.value(), depth + 1))
                return true;
    } else if (value.is_array()) {
        for (const Json &item : value)
            if (containsDynamicKey(item, depth + 1))
                return true;
    }
    return false;
}

void checkPass(ValidationContext &ctx, const StateRef &state)
{
    const Json *result = member(state, "Result");
    if (result != nullptr && isJsonPath(state) && containsDynamicKey(*result, 0))
        ctx.warning(fieldPointer(state, "Result"),
                    "The field 'Result' contains keys ending with '.$', which are not evaluated",
                    kPassResultIsStatic);
}

void checkTask(ValidationContext &ctx, const StateRef &state)
{
    checkResource(ctx, state);
    checkIntegerField(ctx, state, state.json, state.pointer, "TimeoutSeconds", 1, 99999999);
    checkIntegerField(ctx, state, state.json, state.pointer, "HeartbeatSeconds", 1, 99999999);
    const Json *timeout = member(state, "TimeoutSeconds");
    const Json *heartbeat = member(state, "HeartbeatSeconds");
    if (timeout && heartbeat && timeout->is_number_integer() && heartbeat->is_number_integer() &&
        heartbeat->get<int64_t>() >= timeout->get<int64_t>())
        ctx.error(fieldPointer(state, "HeartbeatSeconds"),
                  "The field 'HeartbeatSeconds' must be smaller than the field 'TimeoutSeconds'");
    for (const char *key : {"TimeoutSecondsPath", "HeartbeatSecondsPath"})
        if (const Json *value = member(state, key); value && isJsonPath(state))
            checkReferencePathField(ctx, *value, key, fieldPointer(state, key), false);
    const Json *credentials = member(state, "Credentials");
    if (credentials == nullptr)
        return;
    const std::string pointer = fieldPointer(state, "Credentials");
    if (!credentials->is_object()) {
        if (!isJsonataExpression(*credentials))
            ctx.error(pointer, "The value of the field 'Credentials' must be an object");
        return;
    }
    const bool hasRole = credentials->contains("RoleArn") ||
                         (isJsonPath(state) && credentials->contains("RoleArn.$"));
    if (!hasRole)
        ctx.error(pointer, "The field 'RoleArn' is required but was missing");
    checkPayloadTemplate(ctx, *credentials, pointer, state.language);
}

void checkWait(ValidationContext &ctx, const StateRef &state)
{
    checkIntegerField(ctx, state, state.json, state.pointer, "Seconds", 0, 99999999);
    if (const Json *timestamp = member(state, "Timestamp")) {
        const bool expression = !isJsonPath(state) && isJsonataExpression(*timestamp);
        if (!expression &&
            (!timestamp->is_string() || !isRfc3339Timestamp(timestamp->get<std::string>())))
            ctx.error(fieldPointer(state, "Timestamp"), "String does not match RFC3339 timestamp");
    }
    warnNoPath(ctx, state, "Seconds");
    warnNoPath(ctx, state, "Timestamp");
    for (const char *key : {"SecondsPath", "TimestampPath"})
        if (const Json *value = member(state, key); value && isJsonPath(state))
            checkReferencePathField(ctx, *value, key, fieldPointer(state, key), false);
}

// §1.6 Fail: ErrorPath/CausePath take a reference path or an intrinsic function.
void checkFail(ValidationContext &ctx, const StateRef &state)
{
    for (const char *key : {"Error", "Cause"}) {
        const Json *value = member(state, key);
        if (value != nullptr && !value->is_string())
            ctx.error(fieldPointer(state, key),
                      std::string("The value of the field '") + key + "' must be a string");
        warnNoPath(ctx, state, key);
    }
    for (const char *key : {"ErrorPath", "CausePath"}) {
        const Json *value = member(state, key);
        if (value == nullptr || !isJsonPath(state))
            continue;
        if (value->is_string() && !value->get<std::string>().starts_with("$")) {
            if (!isValidIntrinsicCall(value->get<std::string>()))
                ctx.error(fieldPointer(state, key),
                          std::string("The value for the field '") + key +
                              "' must be a valid reference path or a valid intrinsic function call");
        } else {
            checkReferencePathField(ctx, *value, key, fieldPointer(state, key), false);
        }
    }
}

void checkParallel(ValidationContext &ctx, const StateRef &state)
{
    const Json *branches = member(state, "Branches");
    if (branches == nullptr)
        return;
    if (!branches->is_array())
        ctx.error(fieldPointer(state, "Branches"), "The value of the field 'Branches' must be an array");
    else if (branches->empty())
        ctx.error(fieldPointer(state, "Branches"), "Value cannot be empty");
}

} // namespace

void checkIntegerField(ValidationContext &ctx, const StateRef &state, const Json &object,
                       const std::string &objectPointer, const char *field, int64_t min,
                       int64_t max)
{
    auto it = object.find(field);
    if (it == object.end())
        return;
    const std::string pointer = childPointer(objectPointer, field);
    if (state.language == QueryLanguage::Jsonata && isJsonataExpression(*it)) {
        checkJsonataStrings(ctx, *it, pointer);
        return;
    }
    if (!it->is_number_integer()) {
        ctx.error(pointer, std::string("The value of the field '") + field + "' must be an integer");
        return;
    }
    int64_t number = 0;
    if (it->is_number_unsigned()) {
        const uint64_t raw = it->get<uint64_t>();
        number = raw > static_cast<uint64_t>(max) ? max + 1 : static_cast<int64_t>(raw);
    } else {
        number = it->get<int64_t>();
    }
    if (number < min)
        ctx.error(pointer, "Minimum value is " + std::to_string(min));
    else if (number > max)
        ctx.error(pointer, "Maximum value is " + std::to_string(max));
}

void checkStateValues(ValidationContext &ctx, const StateRef &state, const std::string &type)
{
    checkCommonFields(ctx, state);
    if (type == "Pass")
        checkPass(ctx, state);
    else if (type == "Task")
        checkTask(ctx, state);
    else if (type == "Wait")
        checkWait(ctx, state);
    else if (type == "Fail")
        checkFail(ctx, state);
    else if (type == "Choice")
        checkChoiceState(ctx, state);
    else if (type == "Parallel")
        checkParallel(ctx, state);
    else if (type == "Map")
        checkMapState(ctx, state);
    if (type == "Task" || type == "Parallel" || type == "Map")
        checkRetryCatch(ctx, state);
}

} // namespace stepwise::asl::validator
