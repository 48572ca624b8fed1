// Retriers and catchers (ASL spec §7.2, §7.3).
#include "core/asl/validator/ValidationContext.h"

#include <algorithm>

namespace stepwise::asl::validator {
namespace {

bool isAllowedField(const std::string &key, bool isCatch)
{
    static const std::set<std::string> kRetry = {"ErrorEquals",   "IntervalSeconds", "MaxAttempts",
                                                 "BackoffRate",   "MaxDelaySeconds", "JitterStrategy",
                                                 "Comment"};
    static const std::set<std::string> kCatch = {"ErrorEquals", "Next",   "ResultPath",
                                                 "Output",      "Assign", "Comment"};
    return isCatch ? kCatch.contains(key) : kRetry.contains(key);
}

// Returns whether the entry names States.ALL.
bool checkErrorEquals(ValidationContext &ctx, const Json &entry, const std::string &pointer)
{
    auto it = entry.find("ErrorEquals");
    if (it == entry.end()) {
        ctx.error(pointer, "The field 'ErrorEquals' is required but was missing");
        return false;
    }
    const std::string listPointer = childPointer(pointer, "ErrorEquals");
    if (!it->is_array() || it->empty()) {
        ctx.error(listPointer, "The value of the field 'ErrorEquals' must be a non-empty array");
        return false;
    }
    bool hasAll = false;
    for (const Json &name : *it) {
        if (!name.is_string())
            ctx.error(listPointer, "The value of the field 'ErrorEquals' must contain strings");
        else if (name.get<std::string>() == "States.ALL")
            hasAll = true;
    }
    if (hasAll && it->size() > 1)
        ctx.error(listPointer, "'States.ALL' must appear alone in the field 'ErrorEquals'");
    return hasAll;
}

void checkRetrierValues(ValidationContext &ctx, const StateRef &state, const Json &retrier,
                        const std::string &pointer)
{
    checkIntegerField(ctx, state, retrier, pointer, "IntervalSeconds", 1, 99999999);
    checkIntegerField(ctx, state, retrier, pointer, "MaxAttempts", 0, 99999999);
    checkIntegerField(ctx, state, retrier, pointer, "MaxDelaySeconds", 1, 31622400);
    if (auto rate = retrier.find("BackoffRate"); rate != retrier.end()) {
        if (!rate->is_number())
            ctx.error(childPointer(pointer, "BackoffRate"),
                      "The value of the field 'BackoffRate' must be a number");
        else if (rate->get<double>() < 1.0)
            ctx.error(childPointer(pointer, "BackoffRate"), "Minimum value is 1.0");
    }
    if (auto jitter = retrier.find("JitterStrategy"); jitter != retrier.end()) {
        if (*jitter != Json("FULL") && *jitter != Json("NONE"))
            ctx.error(childPointer(pointer, "JitterStrategy"),
                      "The field 'JitterStrategy' should have one of these values: [FULL, NONE]");
    }
}

void checkCatcherValues(ValidationContext &ctx, const StateRef &state, const Json &catcher,
                        const std::string &pointer)
{
    if (!catcher.contains("Next"))
        ctx.error(pointer, "The field 'Next' is required but was missing");
    else if (!catcher["Next"].is_string())
        ctx.error(childPointer(pointer, "Next"), "The value of the field 'Next' must be a string");
    const bool jsonPath = state.language == QueryLanguage::JsonPath;
    if (auto it = catcher.find("ResultPath"); it != catcher.end()) {
        if (jsonPath)
            checkReferencePathField(ctx, *it, "ResultPath", childPointer(pointer, "ResultPath"), true);
        else
            ctx.error(pointer, queryLanguageMessage(state.language, "ResultPath"));
    }
    if (auto it = catcher.find("Output"); it != catcher.end()) {
        if (jsonPath)
            ctx.error(pointer, queryLanguageMessage(state.language, "Output"));
        else
            checkJsonataStrings(ctx, *it, childPointer(pointer, "Output"));
    }
    if (auto it = catcher.find("Assign"); it != catcher.end())
        checkAssign(ctx, *it, childPointer(pointer, "Assign"), state.language);
}

void checkList(ValidationContext &ctx, const StateRef &state, const char *key, bool isCatch)
{
    auto list = state.json.find(key);
    if (list == state.json.end())
        return;
    const std::string listPointer = childPointer(state.pointer, key);
    if (!list->is_array()) {
        ctx.error(listPointer, std::string("The value of the field '") + key + "' must be an array");
        return;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        const Json &entry = (*list)[i];
        const std::string pointer = childPointer(listPointer, i);
        if (!entry.is_object()) {
            ctx.error(pointer, "The value must be a JSON object");
            continue;
        }
        for (auto it = entry.begin(); it != entry.end(); ++it)
            if (!isAllowedField(it.key(), isCatch))
                ctx.error(pointer, "Field '" + it.key() + "' is not supported");
        const bool hasAll = checkErrorEquals(ctx, entry, pointer);
        if (hasAll && i + 1 != list->size())
            ctx.error(pointer, std::string(isCatch ? "A catcher" : "A retrier") +
                                   " with 'States.ALL' must be the last one in the field '" + key +
                                   "'");
        if (isCatch)
            checkCatcherValues(ctx, state, entry, pointer);
        else
            checkRetrierValues(ctx, state, entry, pointer);
    }
}

} // namespace

void checkRetryCatch(ValidationContext &ctx, const StateRef &state)
{
    checkList(ctx, state, "Retry", false);
    checkList(ctx, state, "Catch", true);
}

} // namespace stepwise::asl::validator
