#include "core/asl/StateMachine.h"

namespace stepwise::asl {

const StateCommon &common(const State &state)
{
    return std::visit([](const auto &s) -> const StateCommon & { return s; }, state);
}

StateCommon &common(State &state)
{
    return std::visit([](auto &s) -> StateCommon & { return s; }, state);
}

StateType stateType(const State &state)
{
    return static_cast<StateType>(state.index());
}

bool isContainer(const State &state)
{
    const StateType type = stateType(state);
    return type == StateType::Parallel || type == StateType::Map;
}

QueryLanguage queryLanguageOf(const State &state, const StateMachine &root)
{
    const auto &own = common(state).queryLanguage;
    return own.value_or(root.queryLanguage.value_or("JSONPath")) == "JSONata"
               ? QueryLanguage::JSONata
               : QueryLanguage::JSONPath;
}

const char *typeName(StateType type)
{
    switch (type) {
    case StateType::Pass: return "Pass";
    case StateType::Task: return "Task";
    case StateType::Choice: return "Choice";
    case StateType::Wait: return "Wait";
    case StateType::Succeed: return "Succeed";
    case StateType::Fail: return "Fail";
    case StateType::Parallel: return "Parallel";
    case StateType::Map: return "Map";
    }
    return "Unknown";
}

const State *StateMachine::find(std::string_view name) const
{
    for (const State &state : states)
        if (common(state).name == name)
            return &state;
    return nullptr;
}

State *StateMachine::find(std::string_view name)
{
    for (State &state : states)
        if (common(state).name == name)
            return &state;
    return nullptr;
}

} // namespace stepwise::asl
