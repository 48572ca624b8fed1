// Wait state (ASL spec §8.1) on the execution's clock: a virtual clock jumps, a real one sleeps.
#include "core/engine/DataFlow.h"
#include "core/engine/JsonataFlow.h"
#include "core/engine/Timestamp.h"

namespace stepwise::engine {
namespace {

constexpr std::int64_t kMaxDelaySeconds = 2147483648LL; // 2^31 s (spec §8.1, Appendix A11)

std::string plainText(const Json &value)
{
    return value.is_string() ? value.get<std::string>() : compact(value);
}

Eval<std::int64_t> secondsFromPath(ExecutionImpl &rt, Thread &thread, const std::string &text,
                                   const Json &effective)
{
    auto value = readPath(rt, text, rootsOf(thread, effective));
    if (!value.hasValue())
        return unexpected(rt.runtimeError(
            thread, "The SecondsPath parameter does not reference an input value: " + text));
    const Json &seconds = value.value();
    if (!seconds.is_number_integer())
        return unexpected(rt.runtimeError(
            thread, "The SecondsPath parameter cannot be parsed as a long value: " + text
                        + " == " + plainText(seconds)));
    const auto count = seconds.get<std::int64_t>();
    if (count < 0)
        return unexpected(rt.runtimeError(
            thread, "The SecondsPath parameter references a negative value: " + text + " == "
                        + std::to_string(count)));
    return count * 1000;
}

Eval<std::int64_t> untilFromPath(ExecutionImpl &rt, Thread &thread, const std::string &text,
                                 const Json &effective)
{
    auto value = readPath(rt, text, rootsOf(thread, effective));
    if (!value.hasValue())
        return unexpected(rt.runtimeError(
            thread, "The TimestampPath parameter does not reference an input value: " + text));
    const Json &stamp = value.value();
    std::optional<Instant> instant;
    if (stamp.is_string())
        instant = parseTimestamp(stamp.get<std::string>());
    if (!instant)
        return unexpected(rt.runtimeError(
            thread, "The TimestampPath parameter does not reference a valid ISO-8601 extended "
                    "offset date-time format string: "
                        + text + " == " + plainText(stamp)));
    return instant->toMs() - rt.clock->nowMs();
}

// The delay in milliseconds from now, per the one timing field the state carries.
Eval<std::int64_t> waitDelay(ExecutionImpl &rt, Thread &thread, const asl::WaitState &state,
                             const Json &effective)
{
    if (state.seconds && state.seconds->is_number_integer())
        return state.seconds->get<std::int64_t>() * 1000;
    if (state.secondsPath)
        return secondsFromPath(rt, thread, *state.secondsPath, effective);
    if (state.timestamp) {
        std::optional<Instant> instant;
        if (state.timestamp->is_string())
            instant = parseTimestamp(state.timestamp->get<std::string>());
        if (!instant)
            return unexpected(rt.runtimeError(
                thread, "The Timestamp field cannot be parsed as an ISO-8601 extended offset "
                        "date-time format string: "
                            + plainText(*state.timestamp)));
        return instant->toMs() - rt.clock->nowMs();
    }
    if (state.timestampPath)
        return untilFromPath(rt, thread, *state.timestampPath, effective);
    return std::int64_t{0};
}

// Spec §3.2: Seconds or Timestamp, literal or expression, over $states.input.
Eval<std::int64_t> waitDelayJsonata(ExecutionImpl &rt, Thread &thread,
                                    const asl::WaitState &state)
{
    const JsonataRoots roots = jsonataRootsOf(thread);
    if (state.seconds) {
        auto seconds = evalJsonataInteger(rt, thread, state.seconds, "Seconds", roots, true);
        if (!seconds.hasValue())
            return unexpected(seconds.error());
        return seconds.value().value_or(0) * 1000;
    }
    if (state.timestamp) {
        auto stamp = evalJsonata(rt, thread, *state.timestamp, "Timestamp", roots);
        if (!stamp.hasValue())
            return unexpected(stamp.error());
        std::optional<Instant> instant;
        if (stamp.value().is_string())
            instant = parseTimestamp(stamp.value().get<std::string>());
        if (!instant)
            return unexpected(queryError(rt, thread,
                                         "The Timestamp field cannot be parsed as an ISO-8601 "
                                         "extended offset date-time format string: "
                                             + plainText(stamp.value()),
                                         "Timestamp"));
        return instant->toMs() - rt.clock->nowMs();
    }
    return std::int64_t{0};
}

} // namespace

// Spec §2.1: raw → InputPath → wait → Assign / OutputPath on the effective input.
void runWait(ExecutionImpl &rt, Thread &thread, const asl::WaitState &state)
{
    if (isJsonata(rt, thread)) {
        if (thread.phase == 0) {
            auto delay = waitDelayJsonata(rt, thread, state);
            if (!delay.hasValue() && delay.error().location == "Timestamp"
                && delay.error().cause->find("cannot be parsed") != std::string::npos) {
                // A Timestamp that evaluated but does not parse: AWS links EvaluationFailed to
                // the state's entered event, not to the one before it.
                StateError error = delay.error();
                rt.emit(&thread, "EvaluationFailed", "evaluationFailedEventDetails",
                        Json{{"error", *error.error}, {"cause", *error.cause},
                             {"location", error.location},
                             {"state", asl::common(*thread.state).name}});
                error.evaluationFailed = false;
                return rt.fail(thread, error);
            }
            if (!delay.hasValue())
                return failJsonata(rt, thread, delay.error());
            if (delay.value() > kMaxDelaySeconds * 1000)
                return rt.fail(thread, rt.runtimeError(thread, "Wait state delay is too long."));
            thread.phase = 1;
            if (delay.value() > 0) {
                thread.wakeAtMs = rt.clock->nowMs() + delay.value();
                return;
            }
        }
        return finishJsonataState(rt, thread, state.assign, "Assign", state.output, "Output",
                                  nextOf(state));
    }
    if (thread.phase == 0) {
        auto effective = applyFilterPath(rt, thread, state.inputPath, thread.rawInput);
        if (!effective.hasValue())
            return rt.fail(thread, effective.error());
        thread.effectiveInput = std::move(effective).value();
        auto delay = waitDelay(rt, thread, state, thread.effectiveInput);
        if (!delay.hasValue())
            return rt.fail(thread, delay.error());
        if (delay.value() > kMaxDelaySeconds * 1000)
            return rt.fail(thread, rt.runtimeError(thread, "Wait state delay is too long."));
        thread.phase = 1;
        if (delay.value() > 0) {
            thread.wakeAtMs = rt.clock->nowMs() + delay.value();
            return;
        }
    }
    Json assigned = Json(Json::value_t::object);
    if (state.assign) {
        auto values = evalAssign(rt, thread, *state.assign,
                                 rootsOf(thread, thread.effectiveInput));
        if (!values.hasValue())
            return rt.fail(thread, values.error());
        assigned = std::move(values).value();
    }
    auto output = applyFilterPath(rt, thread, state.outputPath, thread.effectiveInput);
    if (!output.hasValue())
        return rt.fail(thread, output.error());
    rt.exitState(thread, std::move(output).value(), nextOf(state), std::move(assigned));
}

} // namespace stepwise::engine
