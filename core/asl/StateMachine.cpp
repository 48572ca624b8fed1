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
