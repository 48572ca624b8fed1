#pragma once
// Pure edits of a state machine, the domain logic behind the designer's commands. States are
// named by StatePath; a name is unique only within its own machine (ASL spec §2: "States"),
// so renames and transitions stay inside the scope that holds the state.
#include "core/asl/StateMachine.h"
#include "core/asl/StatePath.h"
#include "core/common/Result.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stepwise::asl::edits {

enum class TransitionKind { Next, ChoiceRule, Default, Catch };

// One outgoing transition of a state: `Next`, `Choices[index].Next`, `Default` or
// `Catch[index].Next`.
struct Transition
{
    TransitionKind kind = TransitionKind::Next;
    int index = 0;

    bool operator==(const Transition &) const = default;
};

// The machine at `scopePointer` ("" = the top level, else a branch or item processor).
const StateMachine *findScope(const StateMachine &root, std::string_view scopePointer);
StateMachine *findScope(StateMachine &root, std::string_view scopePointer);
const State *findState(const StateMachine &root, const StatePath &path);
State *findState(StateMachine &root, const StatePath &path);

// ASL spec §2: a state name is 1..80 characters and unique within its machine.
std::optional<std::string> checkNewName(const StateMachine &scope, std::string_view name);

// Renames the state and rewrites every reference in its machine: StartAt, Next, Default,
// Choices[].Next and Catch[].Next. Returns the new path.
Result<StatePath, std::string> renameState(StateMachine &root, const StatePath &path,
                                           const std::string &newName);

// Removes the state. References to it are spliced to its own `Next` when it has one (a `Next`
// that pointed at a terminal state becomes `End: true`); others are left for the validator.
Result<bool, std::string> removeState(StateMachine &root, const StatePath &path);

// The target of one transition, or nullopt when it does not exist or is unset.
std::optional<std::string> transitionTarget(const StateMachine &root, const StatePath &from,
                                            Transition transition);

// Points one transition at `target`. An empty target unsets it (`Next` becomes `End: true`,
// `Default` is removed); Choice rules and catchers must keep a target.
Result<bool, std::string> setTransition(StateMachine &root, const StatePath &from,
                                        Transition transition,
                                        const std::optional<std::string> &target);

} // namespace stepwise::asl::edits
