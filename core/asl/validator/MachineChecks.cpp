// Machine roots (top level, Parallel branches, Map processors) and the states they hold
// (ASL spec §1.1, §1.2, §1.3, §1.4).
#include "core/asl/validator/ValidationContext.h"

#include <array>

namespace stepwise::asl::validator {
namespace {

enum class RootKind { Top, Branch, Processor };

constexpr std::array<const char *, 8> kStateTypes = {"Task",    "Wait", "Pass",     "Succeed",
                                                     "Fail",    "Choice", "Parallel", "Map"};

bool isKnownType(const std::string &type)
{
    for (const char *known : kStateTypes)
        if (type == known)
            return true;
    return false;
}

bool isAllowedRootField(const std::string &key, RootKind kind)
{
    if (key == "StartAt" || key == "States" || key == "Comment")
        return true;
    if (kind == RootKind::Top)
        return key == "Version" || key == "TimeoutSeconds" || key == "QueryLanguage";
    return kind == RootKind::Processor && key == "ProcessorConfig";
}

// §1.1: Version, TimeoutSeconds and QueryLanguage of the top-level object.
void checkTopLevelValues(ValidationContext &ctx, const Json &machine)
{
    if (auto it = machine.find("Version"); it != machine.end()) {
        if (!it->is_string() || it->get<std::string>() != "1.0")
            ctx.error("/Version", "The field 'Version' should have one of these values: [1.0]");
    }
    if (auto it = machine.find("TimeoutSeconds"); it != machine.end()) {
        if (!it->is_number_integer())
            ctx.error("/TimeoutSeconds", "The value of the field 'TimeoutSeconds' must be an integer");
        else if (it->get<int64_t>() < 0)
            ctx.error("/TimeoutSeconds", "Minimum value is 0");
        else if (it->get<int64_t>() > 99999999)
            ctx.error("/TimeoutSeconds", "Maximum value is 99999999");
    }
    if (auto it = machine.find("QueryLanguage"); it != machine.end()) {
        const std::string value = it->is_string() ? it->get<std::string>() : std::string();
        if (value == "JSONata")
            ctx.setTopLanguage(QueryLanguage::Jsonata);
        else if (value != "JSONPath")
            ctx.error("/QueryLanguage",
                      "The field 'QueryLanguage' should have one of these values: [JSONPath, JSONata]");
    }
}

bool checkRootShape(ValidationContext &ctx, const Json &machine, const std::string &pointer,
                    RootKind kind)
{
    if (!machine.is_object()) {
        ctx.error(pointer, kind == RootKind::Top ? "Definition must be a valid JSON object"
                                                 : "The value must be a JSON object");
        return false;
    }
    std::string missing;
    if (!machine.contains("States"))
        missing = "States";
    if (!machine.contains("StartAt"))
        missing += missing.empty() ? "StartAt" : ", StartAt";
    if (!missing.empty())
        ctx.error(pointer, "These fields are required: [" + missing + "]");
    for (auto it = machine.begin(); it != machine.end(); ++it)
        if (!isAllowedRootField(it.key(), kind))
            ctx.error(pointer, "Field '" + it.key() + "' is not supported");
    if (kind == RootKind::Top)
        checkTopLevelValues(ctx, machine);
    if (auto it = machine.find("StartAt"); it != machine.end() && !it->is_string())
        ctx.error(childPointer(pointer, "StartAt"), "The value of the field 'StartAt' must be a string");
    if (auto it = machine.find("Comment"); it != machine.end() && !it->is_string())
        ctx.error(childPointer(pointer, "Comment"), "The value of the field 'Comment' must be a string");
    return true;
}

// §1.3: the state's own QueryLanguage, else the top-level one.
QueryLanguage stateLanguage(ValidationContext &ctx, const Json &state, const std::string &pointer)
{
    auto it = state.find("QueryLanguage");
    if (it == state.end())
        return ctx.topLanguage();
    const std::string value = it->is_string() ? it->get<std::string>() : std::string();
    if (value == "JSONata")
        return QueryLanguage::Jsonata;
    if (value != "JSONPath") {
        ctx.error(pointer, "The field 'QueryLanguage' should have one of these values: [JSONPath, JSONata]");
        return ctx.topLanguage();
    }
    if (ctx.topLanguage() == QueryLanguage::Jsonata)
        ctx.error(pointer, "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine");
    return QueryLanguage::JsonPath;
}

void checkNestedMachines(ValidationContext &ctx, const StateRef &state, const std::string &type)
{
    const int nestedDepth = state.depth + 1;
    const bool isParallel = type == "Parallel";
    const Json *processor = nullptr;
    std::string processorPointer;
    for (const char *key : {"ItemProcessor", "Iterator"}) {
        auto it = state.json.find(key);
        if (!isParallel && it != state.json.end() && processor == nullptr) {
            processor = &*it;
            processorPointer = childPointer(state.pointer, key);
        }
    }
    auto branches = state.json.find("Branches");
    const bool hasNested = isParallel ? branches != state.json.end() && branches->is_array()
                                      : processor != nullptr;
    if (!hasNested)
        return;
    if (nestedDepth > kMaxMachineNesting) {
        ctx.error(state.pointer,
                  "State machine nesting exceeds the limit of " + std::to_string(kMaxMachineNesting) +
                      " Map/Parallel levels",
                  kTooDeep);
        return;
    }
    if (!isParallel) {
        checkMachine(ctx, *processor, processorPointer, nestedDepth, false);
        return;
    }
    const std::string branchesPointer = childPointer(state.pointer, "Branches");
    for (std::size_t i = 0; i < branches->size(); ++i)
        checkMachine(ctx, (*branches)[i], childPointer(branchesPointer, i), nestedDepth, false);
}

void checkState(ValidationContext &ctx, const std::string &name, const Json &json,
                const std::string &pointer, int depth)
{
    const std::size_t length = codePointCount(name);
    if (length == 0 || length > 80)
        ctx.error(pointer, "State name '" + name + "' must be between 1 and 80 characters long",
                  kInvalidStateName);
    if (!ctx.registerStateName(name))
        ctx.error(pointer, "Duplicate State name: '" + name + "'", kDuplicateState);
    if (!json.is_object()) {
        ctx.error(pointer, "The value must be a JSON object");
        return;
    }
    auto typeIt = json.find("Type");
    if (typeIt == json.end()) {
        ctx.error(pointer, "The field 'Type' is required but was missing");
        return;
    }
    const std::string type = typeIt->is_string() ? typeIt->get<std::string>() : std::string();
    if (!isKnownType(type)) {
        ctx.error(childPointer(pointer, "Type"),
                  "The field 'Type' should have one of these values: "
                  "[Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map]");
        return;
    }
    const StateRef state{json, pointer, name, stateLanguage(ctx, json, pointer), depth};
    checkStateFields(ctx, state, type);
    checkStateValues(ctx, state, type);
    if (type == "Parallel" || type == "Map")
        checkNestedMachines(ctx, state, type);
}

} // namespace

void checkMachine(ValidationContext &ctx, const Json &machine, const std::string &pointer,
                  int depth, bool topLevel)
{
    RootKind kind = RootKind::Top;
    if (!topLevel)
        kind = pointer.ends_with("/ItemProcessor") || pointer.ends_with("/Iterator") ? RootKind::Processor
                                                                              : RootKind::Branch;
    if (!checkRootShape(ctx, machine, pointer, kind))
        return;
    auto statesIt = machine.find("States");
    if (statesIt == machine.end())
        return;
    const std::string statesPointer = childPointer(pointer, "States");
    if (!statesIt->is_object()) {
        ctx.error(statesPointer, "The value of the field 'States' must be an object");
        return;
    }
    if (statesIt->empty()) {
        ctx.error(statesPointer, "Value cannot be empty");
        return;
    }
    for (auto it = statesIt->begin(); it != statesIt->end(); ++it)
        checkState(ctx, it.key(), it.value(), childPointer(statesPointer, it.key()), depth);
    checkGraph(ctx, *statesIt, statesPointer, stringMember(machine, "StartAt"), pointer);
}

} // namespace stepwise::asl::validator
