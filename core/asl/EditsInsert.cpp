#include "core/asl/EditsInsert.h"

#include "core/asl/EditsState.h"
#include "core/asl/Keys.h"

#include <map>
#include <set>

namespace stepwise::asl::edits {
namespace {

bool canHaveNext(const State &state)
{
    const StateType type = stateType(state);
    return type != StateType::Choice && type != StateType::Succeed && type != StateType::Fail;
}

// Makes `state` lead to `successor` (nullopt: end the flow there, when its type allows).
void leadTo(State &state, const std::optional<std::string> &successor)
{
    if (auto *choice = std::get_if<ChoiceState>(&state)) {
        if (!successor)
            return;
        if (choice->choices)
            for (ChoiceRule &rule : *choice->choices)
                if (!rule.next || rule.next->empty())
                    rule.next = successor;
        if (!choice->defaultNext)
            choice->defaultNext = successor;
        return;
    }
    if (!canHaveNext(state))
        return;
    StateCommon &c = common(state);
    c.next = successor;
    c.end = successor ? std::nullopt : std::optional<bool>(true);
}

// Splices `name` into `link` inside `scope`: returns the old target of the link.
Result<std::optional<std::string>, std::string>
splice(StateMachine &scope, const std::string &scopePointer, const Link &link,
       const std::string &name)
{
    if (!link.from) {
        std::optional<std::string> old = scope.startAt;
        scope.startAt = name;
        return old;
    }
    State *from = scope.find(*link.from);
    if (!from)
        return unexpected("No state '" + *link.from + "' to insert after");
    if (link.toEnd || (link.transition.kind == TransitionKind::Next && !common(*from).next)) {
        if (!canHaveNext(*from))
            return std::optional<std::string>();
        common(*from).end.reset();
        common(*from).next = name;
        return std::optional<std::string>();
    }
    // transitionTarget/setTransition address states by path; the scope is their root here.
    const StatePath fromPath = StatePath::inScope("", *link.from);
    std::optional<std::string> old = transitionTarget(scope, fromPath, link.transition);
    auto set = setTransition(scope, fromPath, link.transition, name);
    if (!set)
        return unexpected(set.error() + " (inserting into " + scopePointer + ")");
    return old;
}

// Every transition slot of `state`, for rewriting after a paste.
template <typename F> void forEachTarget(State &state, F &&f)
{
    StateCommon &c = common(state);
    if (c.next)
        f(c.next, TransitionKind::Next);
    if (auto *choice = std::get_if<ChoiceState>(&state)) {
        if (choice->defaultNext)
            f(choice->defaultNext, TransitionKind::Default);
        if (choice->choices)
            for (ChoiceRule &rule : *choice->choices)
                if (rule.next)
                    f(rule.next, TransitionKind::ChoiceRule);
    }
    std::visit(
        [&f](auto &s) {
            if constexpr (requires { s.catchers; })
                if (s.catchers)
                    for (Catcher &catcher : *s.catchers) {
                        std::optional<std::string> next = catcher.next;
                        f(next, TransitionKind::Catch);
                        catcher.next = next.value_or(catcher.next);
                    }
        },
        state);
}


void collectNames(const StateMachine &machine, std::set<std::string> &names);

void collectNames(const State &state, std::set<std::string> &names)
{
    names.insert(common(state).name);
    if (const auto *parallel = std::get_if<ParallelState>(&state); parallel && parallel->branches)
        for (const StateMachine &branch : *parallel->branches)
            collectNames(branch, names);
    if (const auto *map = std::get_if<MapState>(&state); map && map->itemProcessor)
        collectNames(**map->itemProcessor, names);
}

void collectNames(const StateMachine &machine, std::set<std::string> &names)
{
    for (const State &state : machine.states)
        collectNames(state, names);
}

std::set<std::string> allNames(const StateMachine &root)
{
    std::set<std::string> names;
    collectNames(root, names);
    return names;
}

std::string uniqueIn(const std::set<std::string> &taken, std::string_view base)
{
    std::string stem(base.empty() ? std::string_view("State") : base);
    if (stem.size() > 80)
        stem.resize(80);
    if (!taken.contains(stem))
        return stem;
    for (int i = 2;; ++i) {
        const std::string suffix = " " + std::to_string(i);
        std::string candidate = stem.substr(0, 80 - suffix.size()) + suffix;
        if (!taken.contains(candidate))
            return candidate;
    }
}

void uniquifyNested(StateMachine &machine, std::set<std::string> &taken);

// The states nested in a new container get names unused anywhere in the document (ASL names
// are unique across the whole machine, branches included); references follow the renames.
void uniquifyNested(State &state, std::set<std::string> &taken)
{
    if (auto *parallel = std::get_if<ParallelState>(&state); parallel && parallel->branches)
        for (StateMachine &branch : *parallel->branches)
            uniquifyNested(branch, taken);
    if (auto *map = std::get_if<MapState>(&state); map && map->itemProcessor)
        uniquifyNested(**map->itemProcessor, taken);
}

void uniquifyNested(StateMachine &machine, std::set<std::string> &taken)
{
    std::vector<std::string> names;
    for (const State &state : machine.states)
        names.push_back(common(state).name);
    for (const std::string &name : names) {
        const std::string unique = uniqueIn(taken, name);
        taken.insert(unique);
        if (unique != name) {
            const auto renamed = renameState(machine, StatePath::inScope("", name), unique);
            (void)renamed; // cannot fail: the name exists and the new one is free
        }
    }
    for (State &state : machine.states)
        uniquifyNested(state, taken);
}

} // namespace

std::string uniqueName(const StateMachine &root, std::string_view base)
{
    return uniqueIn(allNames(root), base);
}

Result<std::string, std::string> containerScope(const StateMachine &root,
                                                const StatePath &container, int branch)
{
    const State *state = findState(root, container);
    if (!state)
        return unexpected("No state at " + container.pointer);
    if (const auto *parallel = std::get_if<ParallelState>(state)) {
        const int count = parallel->branches ? static_cast<int>(parallel->branches->size()) : 0;
        if (branch < 0 || branch >= count)
            return unexpected("'" + container.name() + "' has no branch " +
                              std::to_string(branch));
        return container.pointer + "/Branches/" + std::to_string(branch);
    }
    if (const auto *map = std::get_if<MapState>(state)) {
        if (!map->itemProcessor)
            return unexpected("'" + container.name() + "' has no item processor");
        return container.pointer + (map->legacyIterator ? "/Iterator" : "/ItemProcessor");
    }
    return unexpected("'" + container.name() + "' is neither a Parallel nor a Map state");
}

Result<StatePath, std::string> insertState(StateMachine &root, const std::string &scopePointer,
                                           State state, const std::optional<Link> &link)
{
    StateMachine *scope = findScope(root, scopePointer);
    if (!scope)
        return unexpected("No state machine at " + scopePointer);
    std::set<std::string> taken = allNames(root);
    const std::string name = uniqueIn(taken, common(state).name);
    common(state).name = name;
    taken.insert(name);
    uniquifyNested(state, taken);
    std::optional<std::string> successor;
    if (link) {
        auto old = splice(*scope, scopePointer, *link, name);
        if (!old)
            return unexpected(old.error());
        successor = *old;
    }
    leadTo(state, successor);
    scope->states.push_back(std::move(state));
    scope->hasStates = true;
    if (!scope->startAt || !scope->find(*scope->startAt))
        scope->startAt = name;
    return StatePath::inScope(scopePointer, name);
}

Result<std::vector<StatePath>, std::string>
pasteStates(StateMachine &root, const std::string &scopePointer, const Json &states)
{
    StateMachine *scope = findScope(root, scopePointer);
    if (!scope)
        return unexpected("No state machine at " + scopePointer);
    if (!states.is_object() || states.empty())
        return unexpected(std::string("Nothing to paste: expected {\"States\": {...}} with states"));
    std::vector<State> incoming;
    std::map<std::string, std::string> renames; // pasted name → name in the scope
    std::set<std::string> taken = allNames(root);
    for (const auto &[name, json] : states.items()) {
        auto state = stateFromJson(name, json);
        if (!state)
            return unexpected(state.error());
        const std::string unique = uniqueIn(taken, name);
        taken.insert(unique);
        renames[name] = unique;
        common(*state).name = unique;
        incoming.push_back(std::move(state).value());
    }
    for (State &state : incoming)
        uniquifyNested(state, taken);
    std::vector<StatePath> paths;
    for (State &state : incoming) {
        forEachTarget(state, [&](std::optional<std::string> &target, TransitionKind kind) {
            if (auto it = renames.find(*target); it != renames.end())
                target = it->second;
            else if (!scope->find(*target) && kind == TransitionKind::Next) {
                target.reset();
                common(state).end = true;
            } else if (!scope->find(*target) && kind == TransitionKind::Default)
                target.reset();
        });
        paths.push_back(StatePath::inScope(scopePointer, common(state).name));
    }
    for (State &state : incoming)
        scope->states.push_back(std::move(state));
    scope->hasStates = true;
    if (!scope->startAt || !scope->find(*scope->startAt))
        scope->startAt = paths.front().name();
    return paths;
}

Result<Json, std::string> copyStates(const StateMachine &root, const std::vector<StatePath> &paths)
{
    Json states = Json::object();
    for (const StatePath &path : paths) {
        const State *state = findState(root, path);
        if (!state)
            return unexpected("No state at " + path.pointer);
        states[path.name()] = stateToJson(*state);
    }
    Json clip = Json::object();
    clip[std::string(keys::States)] = std::move(states);
    return clip;
}

} // namespace stepwise::asl::edits
