// Pass, Succeed and Fail states (ASL spec §1.6, §2.1, §3.2).
#include "core/engine/DataFlow.h"
#include "core/engine/JsonataFlow.h"

namespace stepwise::engine {

// Spec §2.1: raw → InputPath → Parameters → Result ?? payload → ResultPath → OutputPath.
void runPass(ExecutionImpl &rt, Thread &thread, const asl::PassState &state)
{
    if (isJsonata(rt, thread))
        return finishJsonataState(rt, thread, state.assign, "Assign", state.output, "Output",
                                  nextOf(state));
    // InputPath naming a node of the raw input (or absent, the common case): read in place.
    Json filtered;
    auto located = effectiveInput(rt, thread, state.inputPath, thread.rawInput, filtered);
    if (!located.hasValue())
        return rt.fail(thread, located.error());
    const Json *effective = located.value();
    Json result;
    if (state.result) {
        result = *state.result;
    } else if (state.parameters) {
        auto payload = evalTemplate(rt, thread, *state.parameters, rootsOf(thread, *effective));
        if (!payload.hasValue())
            return rt.fail(thread, payload.error());
        result = std::move(payload).value();
    } else {
        result = effective == &filtered ? std::move(filtered) : *effective;
    }
    Json assigned; // null: nothing to assign (exitState takes only a non-empty object)
    if (state.assign) {
        auto values = evalAssign(rt, thread, *state.assign, rootsOf(thread, result));
        if (!values.hasValue())
            return rt.fail(thread, values.error());
        assigned = std::move(values).value();
    }
    // The output's text from the input's text when only a member is written (spec §2.1):
    // printing the small result beats printing the whole merged document again.
    const bool splices = splicesResult(rt, thread, state.resultPath);
    const std::string resultText = splices && !state.resultPath.isNull() ? compact(result)
                                                                          : std::string();
    // The raw input is not read after ResultPath (a Pass has no Catch), so merge into it.
    auto merged = applyResultPath(rt, thread, state.resultPath, std::move(thread.rawInput),
                                  std::move(result));
    if (!merged.hasValue())
        return rt.fail(thread, merged.error());
    Json output = std::move(merged).value();
    std::string outputText;
    MemberIndex outputIndex;
    // Absent or `$`: the merged value as it is; a node of it: moved out, not copied.
    if (const Json *node = locateFilterPath(rt, state.outputPath, output)) {
        if (node == &output && splices)
            outputText = resultPathText(rt, thread, state.resultPath, resultText, outputIndex);
        if (node != &output) {
            Json selected = std::move(*const_cast<Json *>(node)); // `output` is ours
            output = std::move(selected);
        }
    } else {
        auto selected = applyFilterPath(rt, thread, state.outputPath, output);
        if (!selected.hasValue())
            return rt.fail(thread, selected.error());
        output = std::move(selected).value();
    }
    rt.exitState(thread, std::move(output), nextOf(state), std::move(assigned),
                 std::move(outputText), std::move(outputIndex));
}

// Spec §1.6: InputPath then OutputPath, then the scope ends successfully.
void runSucceed(ExecutionImpl &rt, Thread &thread, const asl::SucceedState &state)
{
    if (isJsonata(rt, thread))
        return finishJsonataState(rt, thread, std::nullopt, {}, state.output, "Output",
                                  std::nullopt);
    auto effective = applyFilterPath(rt, thread, state.inputPath, thread.rawInput);
    if (!effective.hasValue())
        return rt.fail(thread, effective.error());
    auto output = applyFilterPath(rt, thread, state.outputPath, effective.value());
    if (!output.hasValue())
        return rt.fail(thread, output.error());
    rt.exitState(thread, std::move(output).value(), std::nullopt, Json(Json::value_t::object));
}

namespace {

// Error / ErrorPath (or Cause / CausePath) of a Fail state, evaluated on the raw input.
Eval<std::optional<std::string>> failField(ExecutionImpl &rt, Thread &thread,
                                           const std::optional<Json> &literal,
                                           const std::optional<std::string> &path,
                                           const std::string &fieldName)
{
    if (literal && isJsonata(rt, thread)) {
        const std::string field = fieldName.substr(0, fieldName.size() - 4); // "Error", "Cause"
        auto value = evalJsonata(rt, thread, *literal, field, jsonataRootsOf(thread));
        if (!value.hasValue())
            return unexpected(value.error());
        const Json &text = value.value();
        return std::optional<std::string>(text.is_string() ? text.get<std::string>()
                                                           : compact(text));
    }
    if (literal && literal->is_string())
        return std::optional<std::string>(literal->get<std::string>());
    if (!path)
        return std::optional<std::string>();
    auto value = evalFieldPath(rt, thread, *path, fieldName, rootsOf(thread, thread.rawInput));
    if (!value.hasValue())
        return unexpected(value.error());
    const Json &text = value.value();
    return std::optional<std::string>(text.is_string() ? text.get<std::string>()
                                                       : compact(text));
}

} // namespace

// Spec §1.6 Fail: ends the scope with {Error, Cause}; only FailStateEntered is recorded.
void runFail(ExecutionImpl &rt, Thread &thread, const asl::FailState &state)
{
    auto error = failField(rt, thread, state.error, state.errorPath, "ErrorPath");
    if (!error.hasValue())
        return failJsonata(rt, thread, error.error());
    auto cause = failField(rt, thread, state.cause, state.causePath, "CausePath");
    if (!cause.hasValue())
        return failJsonata(rt, thread, cause.error());
    rt.fail(thread, StateError{std::move(error).value(), std::move(cause).value(), false});
}

} // namespace stepwise::engine
