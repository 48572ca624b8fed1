// Choice state (ASL spec §6.1, §6.3, §2.1, §4.2).
#include "core/engine/ChoiceEvaluator.h"
#include "core/engine/DataFlow.h"
#include "core/engine/JsonataFlow.h"

namespace stepwise::engine {
namespace {

// Spec §6.3: the first rule whose Condition is true decides Next, Output and Assign; with no
// match, Default takes the state's own Output and Assign.
void runChoiceJsonata(ExecutionImpl &rt, Thread &thread, const asl::ChoiceState &state)
{
    const JsonataRoots roots = jsonataRootsOf(thread);
    static const std::vector<asl::ChoiceRule> noRules;
    const auto &rules = state.choices ? *state.choices : noRules;
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const asl::ChoiceRule &rule = rules[i];
        const std::string where = "Choices[" + std::to_string(i) + "]";
        Json verdict = rule.condition ? *rule.condition : Json(false);
        std::string text;
        if (isJsonataExpression(verdict, &text)) {
            auto value = evalJsonata(rt, thread, verdict, where + "/Condition", roots);
            if (!value.hasValue())
                return failJsonata(rt, thread, value.error());
            verdict = std::move(value).value();
            if (!verdict.is_boolean())
                return failJsonata(
                    rt, thread,
                    queryError(rt, thread,
                               "The JSONata expression '" + text + "' specified for the field '"
                                   + where + "/Condition' returned an unexpected result type. "
                                   "Expected 'boolean', but was '"
                                   + std::string(verdict.is_null() ? "null" : verdict.type_name())
                                   + "' for value: " + compact(verdict),
                               where + "/Condition"));
        }
        if (verdict.is_boolean() && verdict.get<bool>())
            return finishJsonataState(rt, thread, rule.assign, where + "/Assign", rule.output,
                                      where + "/Output", rule.next);
    }
    if (!state.defaultNext)
        return failJsonata(rt, thread,
                           rt.runtimeError(thread, "Failed to transition out of the state. The "
                                                   "state does not point to a next state."));
    finishJsonataState(rt, thread, state.assign, "Assign", state.output, "Output",
                       state.defaultNext);
}

} // namespace

void runChoice(ExecutionImpl &rt, Thread &thread, const asl::ChoiceState &state)
{
    if (isJsonata(rt, thread))
        return runChoiceJsonata(rt, thread, state);
    // The effective input is read in place when InputPath is absent or names a node.
    Json filtered;
    auto located = effectiveInput(rt, thread, state.inputPath, thread.rawInput, filtered);
    if (!located.hasValue())
        return rt.fail(thread, located.error());
    const Json &input = *located.value();
    const PathRoots roots = rootsOf(thread, input);
    ChoiceResolver resolve = [&](const std::string &path) { return readPath(rt, path, roots); };

    std::optional<std::string> next;
    const std::optional<Json> *assign = &state.assign;
    static const std::vector<asl::ChoiceRule> noRules;
    for (const asl::ChoiceRule &rule : state.choices ? *state.choices : noRules) {
        auto matched = evaluateChoiceRule(rule, resolve);
        if (!matched.hasValue())
            return rt.fail(thread, rt.runtimeError(thread, matched.error()));
        if (matched.value()) {
            next = rule.next;
            assign = &rule.assign;
            break;
        }
    }
    if (!next)
        next = state.defaultNext;
    if (!next)
        return rt.fail(thread, rt.runtimeError(thread, "Failed to transition out of the state. "
                                                       "The state does not point to a next "
                                                       "state."));
    Json assigned; // null: nothing to assign (exitState takes only a non-empty object)
    if (*assign) {
        auto values = evalAssign(rt, thread, **assign, roots);
        if (!values.hasValue())
            return rt.fail(thread, values.error());
        assigned = std::move(values).value();
    }
    // Output = raw input: its Entered text is the output's text, no second print, and the
    // document itself moves on instead of being copied.
    if (&input == &thread.rawInput && state.outputPath.isAbsent())
        return rt.exitWithRawInput(thread, next, std::move(assigned),
                                   std::string(rt.enteredInputText(thread)),
                                   std::move(thread.inputIndex));
    // Copied, not moved: a redrive re-enters a failed visit with its raw input.
    auto output = applyFilterPath(rt, thread, state.outputPath, input);
    if (!output.hasValue())
        return rt.fail(thread, output.error());
    rt.exitState(thread, std::move(output).value(), next, std::move(assigned));
}

} // namespace stepwise::engine
