#include "core/asl/Edits.h"

#include <algorithm>
#include <type_traits>

namespace stepwise::asl::edits {
namespace {

template <typename Machine> Machine *findScopeImpl(Machine &root, std::string_view scopePointer)
{
    const std::vector<std::string> segments = StatePath{std::string(scopePointer)}.segments();
    Machine *machine = &root;
    std::size_t i = 0;
    while (i + 1 < segments.size()) {
        if (segments[i] != "States")
            return nullptr;
        auto *state = machine->find(segments[i + 1]);
        if (!state)
            return nullptr;
        i += 2;
        if (i >= segments.size())
            return nullptr;
        if (auto *parallel = std::get_if<ParallelState>(state);
            parallel && segments[i] == "Branches") {
            if (i + 1 >= segments.size() || !parallel->branches)
                return nullptr;
            const std::size_t index = static_cast<std::size_t>(std::stoul(segments[i + 1]));
            if (index >= parallel->branches->size())
                return nullptr;
            machine = &(*parallel->branches)[index];
            i += 2;
        } else if (auto *map = std::get_if<MapState>(state); map && map->itemProcessor) {
            machine = &**map->itemProcessor;
            i += 1;
        } else {
            return nullptr;
        }
    }
    return i == segments.size() ? machine : nullptr;
}

template <typename T> auto *catchersOf(T &state)
{
    using Catchers =
        std::conditional_t<std::is_const_v<T>, const std::optional<std::vector<Catcher>>,
                           std::optional<std::vector<Catcher>>>;
    Catchers *catchers = nullptr;
    std::visit(
        [&catchers](auto &s) {
            using S = std::decay_t<decltype(s)>;
            if constexpr (std::is_same_v<S, TaskState> || std::is_same_v<S, ParallelState> ||
                          std::is_same_v<S, MapState>)
                catchers = &s.catchers;
        },
        state);
    return catchers;
}

// Every transition slot of one state that names `from`, replaced by `to` (nullopt: untouched).
void retarget(State &state, const std::string &from, const std::string &to)
{
    StateCommon &c = common(state);
    if (c.next == from)
        c.next = to;
    if (auto *choice = std::get_if<ChoiceState>(&state)) {
        if (choice->defaultNext == from)
            choice->defaultNext = to;
        if (choice->choices)
            for (ChoiceRule &rule : *choice->choices)
                if (rule.next == from)
                    rule.next = to;
    }
    if (auto *catchers = catchersOf(state); catchers && *catchers)
        for (Catcher &catcher : **catchers)
            if (catcher.next == from)
                catcher.next = to;
}

StatePath scopePath(const StatePath &path)
{
    return StatePath{path.scopePointer()};
}

} // namespace

const StateMachine *findScope(const StateMachine &root, std::string_view scopePointer)
{
    return scopePointer.empty() ? &root : findScopeImpl(root, scopePointer);
}

StateMachine *findScope(StateMachine &root, std::string_view scopePointer)
{
    return scopePointer.empty() ? &root : findScopeImpl(root, scopePointer);
}

const State *findState(const StateMachine &root, const StatePath &path)
{
    const StateMachine *scope = findScope(root, path.scopePointer());
    return scope ? scope->find(path.name()) : nullptr;
}

State *findState(StateMachine &root, const StatePath &path)
{
    StateMachine *scope = findScope(root, path.scopePointer());
    return scope ? scope->find(path.name()) : nullptr;
}

std::optional<std::string> checkNewName(const StateMachine &scope, std::string_view name)
{
    if (name.empty())
        return std::string("A state name cannot be empty");
    if (name.size() > 80)
        return std::string("A state name has at most 80 characters");
    if (scope.find(name))
        return "A state named '" + std::string(name) + "' already exists";
    return std::nullopt;
}

Result<StatePath, std::string> renameState(StateMachine &root, const StatePath &path,
                                           const std::string &newName)
{
    StateMachine *scope = findScope(root, scopePath(path).pointer);
    State *state = scope ? scope->find(path.name()) : nullptr;
    if (!state)
        return unexpected("No state at " + path.pointer);
    const std::string oldName = path.name();
    if (oldName == newName)
        return path;
    if (auto problem = checkNewName(*scope, newName))
        return unexpected(*problem);
    common(*state).name = newName;
    if (scope->startAt == oldName)
        scope->startAt = newName;
    for (State &other : scope->states)
        retarget(other, oldName, newName);
    return path.renamed(newName);
}

Result<bool, std::string> removeState(StateMachine &root, const StatePath &path)
{
    StateMachine *scope = findScope(root, path.scopePointer());
    const std::string name = path.name();
    auto it = scope ? std::find_if(scope->states.begin(), scope->states.end(),
                                   [&name](const State &s) { return common(s).name == name; })
                    : std::vector<State>::iterator();
    if (!scope || it == scope->states.end())
        return unexpected("No state at " + path.pointer);
    const std::optional<std::string> successor = common(*it).next;
    scope->states.erase(it);
    if (successor && scope->startAt == name)
        scope->startAt = successor;
    for (State &other : scope->states) {
        StateCommon &c = common(other);
        if (c.next == name && !successor) {
            c.next.reset();
            c.end = true;
        }
        if (successor)
            retarget(other, name, *successor);
    }
    return true;
}

std::optional<std::string> transitionTarget(const StateMachine &root, const StatePath &from,
                                            Transition transition)
{
    const State *state = findState(root, from);
    if (!state)
        return std::nullopt;
    const auto index = static_cast<std::size_t>(transition.index);
    switch (transition.kind) {
    case TransitionKind::Next:
        return common(*state).next;
    case TransitionKind::Default: {
        const auto *choice = std::get_if<ChoiceState>(state);
        return choice ? choice->defaultNext : std::nullopt;
    }
    case TransitionKind::ChoiceRule: {
        const auto *choice = std::get_if<ChoiceState>(state);
        if (!choice || !choice->choices || index >= choice->choices->size())
            return std::nullopt;
        return (*choice->choices)[index].next;
    }
    case TransitionKind::Catch: {
        const auto *catchers = catchersOf(*state);
        if (!catchers || !*catchers || index >= (*catchers)->size())
            return std::nullopt;
        return (**catchers)[index].next;
    }
    }
    return std::nullopt;
}

Result<bool, std::string> setTransition(StateMachine &root, const StatePath &from,
                                        Transition transition,
                                        const std::optional<std::string> &target)
{
    State *state = findState(root, from);
    if (!state)
        return unexpected("No state at " + from.pointer);
    const auto index = static_cast<std::size_t>(transition.index);
    auto *choice = std::get_if<ChoiceState>(state);
    auto *catchers = catchersOf(*state);
    switch (transition.kind) {
    case TransitionKind::Next:
        common(*state).next = target;
        common(*state).end = target ? std::nullopt : std::optional<bool>(true);
        return true;
    case TransitionKind::Default:
        if (!choice)
            return unexpected(std::string("Only a Choice state has a Default"));
        choice->defaultNext = target;
        return true;
    case TransitionKind::ChoiceRule:
        if (!choice || !choice->choices || index >= choice->choices->size() || !target)
            return unexpected(std::string("No such Choice rule"));
        (*choice->choices)[index].next = target;
        return true;
    case TransitionKind::Catch:
        if (!catchers || !*catchers || index >= (*catchers)->size() || !target)
            return unexpected(std::string("No such catcher"));
        (**catchers)[index].next = *target;
        return true;
    }
    return unexpected(std::string("Unknown transition"));
}

} // namespace stepwise::asl::edits
