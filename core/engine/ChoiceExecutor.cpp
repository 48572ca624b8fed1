// Choice state in JSONPath mode (ASL spec §6.1, §2.1, §4.2).
#include "core/engine/ChoiceEvaluator.h"
#include "core/engine/DataFlow.h"

namespace stepwise::engine {

void runChoice(ExecutionImpl &rt, Thread &thread, const asl::ChoiceState &state)
{
    auto effective = applyFilterPath(rt, thread, state.inputPath, thread.rawInput);
    if (!effective.hasValue())
        return rt.fail(thread, effective.error());
    const Json &input = effective.value();
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
    Json assigned = Json::object();
    if (*assign) {
        auto values = evalAssign(rt, thread, **assign, roots);
        if (!values.hasValue())
            return rt.fail(thread, values.error());
        assigned = std::move(values).value();
    }
    auto output = applyFilterPath(rt, thread, state.outputPath, input);
    if (!output.hasValue())
        return rt.fail(thread, output.error());
    rt.exitState(thread, std::move(output).value(), next, std::move(assigned));
}

} // namespace stepwise::engine
