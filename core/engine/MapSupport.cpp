// Map fields evaluated at run time (ASL spec §1.7) and the DISTRIBUTED mode, whose children run
// as separate executions in-process.
#include "core/engine/MapSupport.h"

#include "core/engine/DataFlow.h"
#include "core/engine/JsonataFlow.h"

#include <cmath>

namespace stepwise::engine {

bool isDistributed(const asl::MapState &state)
{
    if (!state.itemProcessor || !(*state.itemProcessor)->processorConfig)
        return false;
    const Json &config = *(*state.itemProcessor)->processorConfig;
    return config.is_object() && config.value("Mode", std::string()) == "DISTRIBUTED";
}

Result<std::optional<Json>, std::string> mapNumberField(ExecutionImpl &rt, const Thread &thread,
                                                        const std::optional<Json> &literal,
                                                        const std::optional<std::string> &path,
                                                        const std::string &pathField,
                                                        const Json &effective, bool integer)
{
    if (literal && literal->is_number())
        return std::optional<Json>(*literal);
    if (!path)
        return std::optional<Json>();
    auto value = readPath(rt, *path, rootsOf(thread, effective));
    if (!value.hasValue())
        return unexpected("Invalid path '" + *path + "' : " + value.error());
    Json number = value.value();
    if (number.is_string()) {
        // AWS accepts numeric text here ("1" from a variable).
        Json parsed = Json::parse(number.get<std::string>(), nullptr, false);
        if (parsed.is_number())
            number = std::move(parsed);
    }
    const bool valid = integer ? number.is_number_integer() : number.is_number();
    if (!valid) {
        const std::string shown = number.is_string() ? number.get<std::string>() : compact(number);
        return unexpected("The " + pathField + " field refers to value \"" + shown
                          + "\" which is not a valid " + (integer ? "integer" : "float") + ": "
                          + *path);
    }
    return std::optional<Json>(number);
}

Eval<Json> selectItem(ExecutionImpl &rt, const Thread &thread, const asl::MapState &state,
                      const Json &effective, std::size_t index, const Json &item)
{
    const std::optional<Json> &selector = state.itemSelector ? state.itemSelector
                                                             : state.parameters;
    if (!selector)
        return item;
    const Json mapItem = Json{{"Map", Json{{"Item", Json{{"Index", index}, {"Value", item}}}}}};
    if (isJsonata(rt, thread)) {
        // Spec §3.2: $states.input is the Map's input, $states.context.Map.Item the item.
        JsonataRoots roots = jsonataRootsOf(thread);
        roots.mapItem = &mapItem;
        return evalJsonata(rt, thread, *selector, "ItemSelector", roots);
    }
    PathRoots roots = rootsOf(thread, effective);
    roots.mapItem = &mapItem;
    return evalTemplate(rt, thread, *selector, roots);
}

} // namespace stepwise::engine
