#pragma once
// JSONPath-mode input/output processing (ASL spec §2.1-§2.4, §4): InputPath, payload templates
// (Parameters, ResultSelector, ItemSelector), ResultPath, OutputPath and Assign. Every failure is
// a fatal States.Runtime error carrying AWS's cause text (spec §2.6).
#include "core/asl/PathField.h"
#include "core/engine/Runtime.h"

#include <optional>
#include <string>
#include <string_view>

namespace stepwise::engine {

// What `$`, `$$` and `$name` refer to while evaluating one path or template. The context object
// is built only when a path reads it (spec §2.5): most states never do, and it holds a copy of
// the execution input.
struct PathRoots
{
    const Json *input = nullptr;
    const Thread *thread = nullptr; // whose context `$$` is
    const Scope *vars = nullptr;
    // ItemSelector: {"Map": {"Item": {"Index", "Value"}}}, added to the thread's context.
    const Json *mapItem = nullptr;

    // The context for `pathText` (a `$$...` path or an intrinsic call reading `$$`).
    const Json &context(std::string_view pathText) const;

private:
    mutable std::optional<Json> m_mapContext; // thread context + Map, when a path needs both
};

PathRoots rootsOf(const Thread &thread, const Json &input);

// Evaluates a path on its root (input, context or variable). The error is AWS's detail text,
// e.g. "No results for path: $['x']".
Result<Json, std::string> readPath(ExecutionImpl &rt, const std::string &text,
                                   const PathRoots &roots);
// The same for a path already parsed from `text`.
Result<Json, std::string> readPath(const jsonpath::Path &compiled, const std::string &text,
                                   const PathRoots &roots);
// The node a definite path names, when it exists (the usual case); nullptr otherwise.
const Json *locateNode(const jsonpath::Path &compiled, const std::string &text,
                       const PathRoots &roots);

// InputPath / OutputPath (spec §2.2): absent → unchanged, null → {}.
Eval<Json> applyFilterPath(ExecutionImpl &rt, const Thread &thread, const asl::PathField &field,
                           const Json &value);
// The same for a value the caller gives away: a node it names is moved out, and the rest freed.
Eval<Json> takeFilterPath(ExecutionImpl &rt, const Thread &thread, const asl::PathField &field,
                          Json &&value);
// The node InputPath / OutputPath selects inside `value` itself, read in place instead of
// copied: `value` for an absent path, the node a definite `$...` path names; nullptr when
// applyFilterPath must compute the result (null path, `$$` / variable roots, no match, filters).
const Json *locateFilterPath(ExecutionImpl &rt, const asl::PathField &field, const Json &value);
// The effective input after InputPath (spec §2.1): a node of `rawInput` read in place when it
// can be, else the computed value kept in `storage`.
Eval<const Json *> effectiveInput(ExecutionImpl &rt, const Thread &thread,
                                  const asl::PathField &inputPath, const Json &rawInput,
                                  Json &storage);
// ResultPath into the raw input (spec §2.1): absent → result, null → raw input.
Eval<Json> applyResultPath(ExecutionImpl &rt, const Thread &thread, const asl::PathField &field,
                           const Json &rawInput, Json result);
// The same when the caller no longer needs the raw input: the result is merged into it in place
// instead of into a copy (unchanged when it fails).
Eval<Json> applyResultPath(ExecutionImpl &rt, const Thread &thread, const asl::PathField &field,
                           Json &&rawInput, Json result);
// The compact text of applyResultPath's output, built from the raw input's Entered text
// (TextSplice.h) when ResultPath writes a member into it, from `resultText` (the result's
// compact text) when it replaces it. Call only after applyResultPath succeeded; empty when the
// text cannot be derived so (exitState then prints the output itself). The thread's input
// index moves into `outputIndex`, updated to describe the returned text.
std::string resultPathText(ExecutionImpl &rt, Thread &thread, const asl::PathField &field,
                           const std::string &resultText, MemberIndex &outputIndex);
// Whether resultPathText can avoid printing the whole output: ResultPath writes into a raw
// input whose compact text the Entered event holds.
bool splicesResult(ExecutionImpl &rt, const Thread &thread, const asl::PathField &field);
// A payload template (spec §2.4) over `roots`. The template must belong to the execution's
// state machine: its objects' `.$` key order is cached by address.
Eval<Json> evalTemplate(ExecutionImpl &rt, const Thread &thread, const Json &payloadTemplate,
                        const PathRoots &roots);
// Assign (spec §4.1): the object of new values, evaluated with entry-time variables.
Eval<Json> evalAssign(ExecutionImpl &rt, const Thread &thread, const Json &assign,
                      const PathRoots &roots);
// A reference path or intrinsic used by a single field (ErrorPath, CausePath): the error text
// follows "The JSONPath '<p>' specified for the field '<field>' could not be found ...".
// `path` / `call`: the text already parsed (MachinePlan), or null to look it up.
Eval<Json> evalFieldPath(ExecutionImpl &rt, const Thread &thread, const std::string &text,
                         const std::string &field, const PathRoots &roots,
                         const jsonpath::Path *path = nullptr,
                         const intrinsics::Expression *call = nullptr);

// Compact JSON as AWS prints it in causes and history.
std::string compact(const Json &value);

} // namespace stepwise::engine
