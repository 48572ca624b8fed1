// Which fields each state type accepts, per query language, which are required and which
// exclude each other (ASL spec §1.5 field matrix, §1.3 query-language rules).
#include "core/asl/validator/ValidationContext.h"

#include <array>
#include <cstdint>

namespace stepwise::asl::validator {
namespace {

enum : std::uint8_t {
    kPass = 1,
    kTask = 2,
    kChoice = 4,
    kWait = 8,
    kSucceed = 16,
    kFail = 32,
    kParallel = 64,
    kMap = 128,
    kAll = 255,
};

enum class Lang { Both, JsonPath, Jsonata };

struct FieldRule
{
    const char *name;
    std::uint8_t types;
    Lang lang;
};

constexpr std::uint8_t kFlow = kPass | kTask | kWait | kParallel | kMap;
constexpr std::uint8_t kWork = kTask | kParallel | kMap;

constexpr std::array<FieldRule, 48> kFields = {{
    {"Type", kAll, Lang::Both},
    {"Comment", kAll, Lang::Both},
    {"QueryLanguage", kAll, Lang::Both},
    {"Next", kFlow, Lang::Both},
    {"End", kFlow, Lang::Both},
    {"InputPath", kAll & ~kFail, Lang::JsonPath},
    {"OutputPath", kAll & ~kFail, Lang::JsonPath},
    {"Parameters", kPass | kWork, Lang::JsonPath},
    {"Result", kPass, Lang::JsonPath},
    {"ResultSelector", kWork, Lang::JsonPath},
    {"ResultPath", kPass | kWork, Lang::JsonPath},
    {"Arguments", kTask | kParallel, Lang::Jsonata},
    {"Output", kAll & ~kFail, Lang::Jsonata},
    {"Assign", kAll & ~(kSucceed | kFail), Lang::Both},
    {"Retry", kWork, Lang::Both},
    {"Catch", kWork, Lang::Both},
    {"Resource", kTask, Lang::Both},
    {"Credentials", kTask, Lang::Both},
    {"TimeoutSeconds", kTask, Lang::Both},
    {"HeartbeatSeconds", kTask, Lang::Both},
    {"TimeoutSecondsPath", kTask, Lang::JsonPath},
    {"HeartbeatSecondsPath", kTask, Lang::JsonPath},
    {"Choices", kChoice, Lang::Both},
    {"Default", kChoice, Lang::Both},
    {"Seconds", kWait, Lang::Both},
    {"Timestamp", kWait, Lang::Both},
    {"SecondsPath", kWait, Lang::JsonPath},
    {"TimestampPath", kWait, Lang::JsonPath},
    {"Error", kFail, Lang::Both},
    {"Cause", kFail, Lang::Both},
    {"ErrorPath", kFail, Lang::JsonPath},
    {"CausePath", kFail, Lang::JsonPath},
    {"Branches", kParallel, Lang::Both},
    {"ItemProcessor", kMap, Lang::Both},
    {"Iterator", kMap, Lang::Both},
    {"ItemsPath", kMap, Lang::JsonPath},
    {"Items", kMap, Lang::Jsonata},
    {"ItemSelector", kMap, Lang::Both},
    {"MaxConcurrency", kMap, Lang::Both},
    {"MaxConcurrencyPath", kMap, Lang::JsonPath},
    {"ItemReader", kMap, Lang::Both},
    {"ItemBatcher", kMap, Lang::Both},
    {"ResultWriter", kMap, Lang::Both},
    {"Label", kMap, Lang::Both},
    {"ToleratedFailureCount", kMap, Lang::Both},
    {"ToleratedFailurePercentage", kMap, Lang::Both},
    {"ToleratedFailureCountPath", kMap, Lang::JsonPath},
    {"ToleratedFailurePercentagePath", kMap, Lang::JsonPath},
}};

std::uint8_t typeBit(const std::string &type)
{
    static constexpr std::array<std::pair<const char *, std::uint8_t>, 8> kBits = {{
        {"Pass", kPass}, {"Task", kTask}, {"Choice", kChoice}, {"Wait", kWait},
        {"Succeed", kSucceed}, {"Fail", kFail}, {"Parallel", kParallel}, {"Map", kMap},
    }};
    for (const auto &[name, bit] : kBits)
        if (type == name)
            return bit;
    return 0;
}

const FieldRule *findRule(const std::string &field, std::uint8_t bit)
{
    for (const FieldRule &rule : kFields)
        if (field == rule.name && (rule.types & bit) != 0)
            return &rule;
    return nullptr;
}

std::string languageMessage(QueryLanguage language, const std::string &field)
{
    const bool jsonata = language == QueryLanguage::Jsonata;
    return std::string("The QueryLanguage is set to '") + (jsonata ? "JSONata" : "JSONPath") +
           "', but field '" + field + "' is only supported for the '" +
           (jsonata ? "JSONPath" : "JSONata") + "' QueryLanguage";
}

// §1.5 mutual exclusions: "There should only be one of the following fields: [A, B]".
void checkExclusions(ValidationContext &ctx, const StateRef &state)
{
    static constexpr std::array<std::array<const char *, 2>, 10> kPairs = {{
        {"TimeoutSeconds", "TimeoutSecondsPath"},
        {"HeartbeatSeconds", "HeartbeatSecondsPath"},
        {"Error", "ErrorPath"},
        {"Cause", "CausePath"},
        {"MaxConcurrency", "MaxConcurrencyPath"},
        {"ToleratedFailureCount", "ToleratedFailureCountPath"},
        {"ToleratedFailurePercentage", "ToleratedFailurePercentagePath"},
        {"ItemProcessor", "Iterator"},
        {"ItemSelector", "Parameters"},
        {"Next", "End"},
    }};
    for (const auto &pair : kPairs) {
        const bool second = std::string(pair[1]) == "End"
                                ? state.json.contains("End") && state.json["End"] == Json(true)
                                : state.json.contains(pair[1]);
        if (state.json.contains(pair[0]) && second)
            ctx.error(state.pointer, std::string("There should only be one of the following fields: [") +
                                         pair[0] + ", " + pair[1] + "]");
    }
}

void requireOneOf(ValidationContext &ctx, const StateRef &state,
                  std::initializer_list<const char *> fields)
{
    std::string present;
    std::string all;
    int count = 0;
    for (const char *field : fields) {
        all += all.empty() ? field : std::string(", ") + field;
        if (state.json.contains(field)) {
            present += present.empty() ? field : std::string(", ") + field;
            ++count;
        }
    }
    if (count == 0)
        ctx.error(state.pointer, "Exactly one of the following fields is required: [" + all + "]");
    else if (count > 1)
        ctx.error(state.pointer, "There should only be one of the following fields: [" + present + "]");
}

void checkRequired(ValidationContext &ctx, const StateRef &state, const std::string &type)
{
    const char *required = nullptr;
    if (type == "Task")
        required = "Resource";
    else if (type == "Choice")
        required = "Choices";
    else if (type == "Parallel")
        required = "Branches";
    if (required != nullptr && !state.json.contains(required))
        ctx.error(state.pointer, std::string("The field '") + required + "' is required but was missing");
    if (type == "Map" && !state.json.contains("ItemProcessor") && !state.json.contains("Iterator"))
        ctx.error(state.pointer, "The field 'ItemProcessor' is required but was missing");
    if ((typeBit(type) & kFlow) != 0) {
        const bool hasEnd = state.json.contains("End") && state.json["End"] == Json(true);
        if (!hasEnd && !state.json.contains("Next"))
            ctx.error(state.pointer, "Exactly one of the following fields is required: [Next, End]");
    }
    if (type == "Wait")
        requireOneOf(ctx, state, {"Seconds", "Timestamp", "SecondsPath", "TimestampPath"});
}

} // namespace

void checkStateFields(ValidationContext &ctx, const StateRef &state, const std::string &type)
{
    const std::uint8_t bit = typeBit(type);
    for (auto it = state.json.begin(); it != state.json.end(); ++it) {
        const FieldRule *rule = findRule(it.key(), bit);
        if (rule == nullptr) {
            ctx.error(state.pointer, "Field '" + it.key() + "' is not supported");
            continue;
        }
        const bool wrongLanguage =
            (rule->lang == Lang::JsonPath && state.language == QueryLanguage::Jsonata) ||
            (rule->lang == Lang::Jsonata && state.language == QueryLanguage::JsonPath);
        if (wrongLanguage)
            ctx.error(state.pointer, languageMessage(state.language, it.key()));
    }
    checkRequired(ctx, state, type);
    checkExclusions(ctx, state);
}

std::string queryLanguageMessage(QueryLanguage language, const std::string &field)
{
    return languageMessage(language, field);
}

} // namespace stepwise::asl::validator
