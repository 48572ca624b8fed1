#pragma once
// The data flow of one state visit, as TestState's inspectionData shows it (ASL spec §10.3):
// input, after InputPath, after Parameters/Arguments, task result, after ResultSelector, after
// ResultPath, output, variables assigned, error and cause; for a Choice, every rule with the
// value it compared (JSONata: what its Condition returned) and whether it matched. Taken from
// the history where it is recorded and re-evaluated where it is not (the history keeps no
// intermediate values).
#include "core/asl/StateMachine.h"
#include "core/common/Json.h"
#include "core/engine/ExecutionHistory.h"
#include "ui/debug/VisitContext.h"

#include <QObject>
#include <QString>

#include <optional>
#include <vector>

namespace stepwise::ui {

class NodeLocator;
class VariableScopes;

struct DataStage
{
    QString label;             // "Input", "After InputPath", ...
    std::optional<Json> value; // nullopt: not known (yet, or not derivable)
    QString note;              // why a value is missing or where it came from
};

struct ChoiceRuleResult
{
    QString condition;         // the rule in short form, e.g. "$.inventory.available == true"
    std::optional<Json> value; // JSONPath: its Variable's value; JSONata: the Condition's result
    std::optional<bool> matched;
    QString next;
    QString error;
    bool reached = true; // false: an earlier rule decided, AWS never evaluated this one
};

struct VisitData
{
    QString stateName;
    QString scope;
    QString type;          // the state's Type
    int enteredIndex = -1; // history index of its Entered event
    int retries = 0;
    bool finished = false; // the visit has exited (as of the cursor)
    std::vector<DataStage> stages;
    std::optional<Json> assignedVariables; // name → value
    std::optional<Json> visibleVariables;  // name → value as of entry, outer scopes included
    QString error;
    QString cause;
    std::vector<ChoiceRuleResult> rules;
    QString defaultNext;
};

// The visit the event at `cursor` belongs to, as it was at that event; nullopt when the cursor
// is on an execution-level event before any state ran. `machine`/`locator` may be null (an
// imported run without its definition): only recorded values are shown then. `variables` folds
// `history` (see VariableScopes).
std::optional<VisitData> visitAt(const engine::ExecutionHistory &history, int cursor,
                                 const asl::StateMachine *machine, const NodeLocator *locator,
                                 const RunIdentity &identity, VariableScopes &variables);

} // namespace stepwise::ui
