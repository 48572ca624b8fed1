#include "core/asl/EditsState.h"

#include "core/asl/Edits.h"
#include "core/asl/Keys.h"
#include "core/asl/Parser.h"
#include "core/asl/Serializer.h"

namespace stepwise::asl::edits {

Json stateToJson(const State &state)
{
    // The writer works on machines: wrap the state in one and take it back out.
    StateMachine holder;
    holder.hasStates = true;
    holder.states.push_back(state);
    Json json = toJson(holder);
    return json[std::string(keys::States)][common(state).name];
}

Result<State, std::string> stateFromJson(const std::string &name, const Json &json)
{
    if (!json.is_object())
        return unexpected("State '" + name + "' must be a JSON object");
    Json holder = Json::object();
    holder[std::string(keys::States)][name] = json;
    auto machine = fromJson(holder);
    if (!machine)
        return unexpected(machine.error().message + " (at " + machine.error().pointer + ")");
    if (machine->states.size() != 1)
        return unexpected("State '" + name + "' could not be read");
    return std::move(machine->states.front());
}

Result<bool, std::string> replaceState(StateMachine &root, const StatePath &path, State state)
{
    State *current = findState(root, path);
    if (!current)
        return unexpected("No state at " + path.pointer);
    if (common(state).name != path.name())
        return unexpected("The replacement of '" + path.name() + "' is named '" +
                          common(state).name + "'; rename states with renameState");
    *current = std::move(state);
    return true;
}

Result<bool, std::string> setMachineField(StateMachine &machine, std::string_view key,
                                          const std::optional<Json> &value)
{
    if (key == keys::States)
        return unexpected(std::string("States cannot be set as a field"));
    Json json = toJson(machine);
    const std::string name(key);
    if (value)
        json[name] = *value;
    else if (json.contains(name))
        json.erase(name);
    else
        return true;
    auto edited = fromJson(json);
    if (!edited)
        return unexpected(edited.error().message + " (at " + edited.error().pointer + ")");
    machine = std::move(edited).value();
    return true;
}

std::vector<std::string> changedKeys(const Json &before, const Json &after)
{
    std::vector<std::string> keysChanged;
    if (!before.is_object() || !after.is_object())
        return keysChanged;
    for (const auto &[key, value] : after.items())
        if (!before.contains(key) || before.at(key) != value)
            keysChanged.push_back(key);
    for (const auto &[key, value] : before.items())
        if (!after.contains(key))
            keysChanged.push_back(key);
    return keysChanged;
}

} // namespace stepwise::asl::edits
