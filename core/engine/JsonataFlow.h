#pragma once
// JSONata-mode input/output processing (ASL spec §3, §4): `{% %}` expressions in any field,
// the `$states` variable, Assign, and States.QueryEvaluationError with AWS's cause texts.
#include "core/engine/Runtime.h"

#include <string>

namespace stepwise::engine {

// What `$states` holds while one state's fields are evaluated (spec §3.3). Absent members stay
// undefined, so reading `$states.result` outside Output/Assign of Task/Map/Parallel yields
// nothing.
struct JsonataRoots
{
    const Thread *thread = nullptr;
    const Json *input = nullptr;       // $states.input: the raw state input
    const Json *result = nullptr;      // $states.result
    const Json *errorOutput = nullptr; // $states.errorOutput (Catch)
    const Json *mapItem = nullptr;     // {"Map": {"Item": ...}} added to $states.context
};

JsonataRoots jsonataRootsOf(const Thread &thread);

// Spec §1.3: the state's QueryLanguage, else the top-level one, else JSONPath.
bool isJsonata(const ExecutionImpl &rt, const Thread &thread);

// A string of the form "{% ... %}" (spec §3.1); `expression` receives the text inside.
bool isJsonataExpression(const Json &value, std::string *expression = nullptr);

// A JSONata-capable field value with its expressions evaluated, walking nested objects and
// arrays. `location` is the field path AWS names in errors ("Output", "Arguments/Name").
Eval<Json> evalJsonata(ExecutionImpl &rt, const Thread &thread, const Json &field,
                       const std::string &location, const JsonataRoots &roots);

// Assign in JSONata mode (spec §4.1): every value evaluated with entry-time variables.
// `prefix` is "Assign", "Choices[1]/Assign" or "Catch[0]/Assign".
Eval<Json> evalJsonataAssign(ExecutionImpl &rt, const Thread &thread, const Json &assign,
                             const std::string &prefix, const JsonataRoots &roots);

// A positive integer field (TimeoutSeconds, Seconds, MaxConcurrency, ...) given literally or as
// an expression: nullopt when absent. `allowZero` for fields where 0 means "no limit" / "now".
Eval<std::optional<std::int64_t>> evalJsonataInteger(ExecutionImpl &rt, const Thread &thread,
                                                     const std::optional<Json> &field,
                                                     const std::string &location,
                                                     const JsonataRoots &roots,
                                                     bool allowZero);

// A number field given literally or as an expression (ToleratedFailureCount / Percentage,
// spec §1.7, §3.2): nullopt when absent. An expression must yield a number, an integer when
// `integer`; range checks are the caller's, with the messages AWS gives for that field.
Eval<std::optional<Json>> evalJsonataNumber(ExecutionImpl &rt, const Thread &thread,
                                            const std::optional<Json> &field,
                                            const std::string &location,
                                            const JsonataRoots &roots, bool integer);

// A string field given literally or as an expression (Credentials/RoleArn): nullopt when
// absent; any other result type is a States.QueryEvaluationError.
Eval<std::optional<std::string>> evalJsonataString(ExecutionImpl &rt, const Thread &thread,
                                                   const std::optional<Json> &field,
                                                   const std::string &location,
                                                   const JsonataRoots &roots);

// A States.QueryEvaluationError of the thread's state with AWS's prefix (spec §3.6).
StateError queryError(const ExecutionImpl &rt, const Thread &thread, const std::string &text,
                      std::string location = {});

// Records EvaluationFailed for an error from evalJsonata (nothing for other errors). AWS
// points it at the event before the state was entered.
void reportEvaluationFailed(ExecutionImpl &rt, Thread &thread, const StateError &error);

// Ends a Pass / Succeed / Wait / Choice visit (spec §3.2): Assign and Output (default
// $states.input) over the raw input, both with entry-time variables; a failure ends the thread.
void finishJsonataState(ExecutionImpl &rt, Thread &thread, const std::optional<Json> &assign,
                        const std::string &assignLocation, const std::optional<Json> &output,
                        const std::string &outputLocation, const std::optional<std::string> &next);

// Reports and fails the thread (states without Retry/Catch).
void failJsonata(ExecutionImpl &rt, Thread &thread, const StateError &error);

} // namespace stepwise::engine
