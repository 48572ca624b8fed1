// Retry and Catch (ASL spec §7.2, §7.3; history shape §9.3).
#include "core/engine/RetryCatch.h"

#include "core/engine/DataFlow.h"
#include "core/engine/JsonataFlow.h"

#include <algorithm>
#include <cmath>

namespace stepwise::engine {
namespace {

double numberOr(const std::optional<Json> &value, double fallback)
{
    return value && value->is_number() ? value->get<double>() : fallback;
}

// Spec §7.2: the first retrier whose ErrorEquals matches; false when none or exhausted.
bool scheduleRetry(ExecutionImpl &rt, Thread &thread, const std::vector<asl::Retrier> &retriers,
                   const std::string &errorName)
{
    for (std::size_t i = 0; i < retriers.size(); ++i) {
        const asl::Retrier &retrier = retriers[i];
        if (!errorMatches(retrier.errorEquals, errorName))
            continue;
        if (thread.retrierCounts.size() < retriers.size())
            thread.retrierCounts.resize(retriers.size(), 0);
        const int done = thread.retrierCounts[i];
        const auto maxAttempts = static_cast<int>(numberOr(retrier.maxAttempts, 3));
        if (done >= maxAttempts)
            return false;
        std::int64_t delay = retryDelayMs(retrier, done);
        if (retrier.jitterStrategy && *retrier.jitterStrategy == "FULL") {
            const auto unit = static_cast<double>(rt.nextRandom() >> 11) * 0x1.0p-53;
            delay = static_cast<std::int64_t>(std::floor(unit * static_cast<double>(delay)));
        }
        thread.retrierCounts[i] = done + 1;
        ++thread.retryCount;
        thread.phase = 0;
        thread.wakeAtMs = rt.clock->nowMs() + delay;
        thread.invalidateContext();
        return true;
    }
    return false;
}

// Spec §3.2, §4.2: a JSONata catcher's Assign and Output (default $states.errorOutput) see the
// error output and the state's raw input; their own failure ends the thread.
void catchJsonata(ExecutionImpl &rt, Thread &thread, const asl::Catcher &catcher,
                  std::size_t index, const Json &errorOutput)
{
    JsonataRoots roots = jsonataRootsOf(thread);
    roots.errorOutput = &errorOutput;
    const std::string where = "Catch[" + std::to_string(index) + "]";
    Json assigned = Json(Json::value_t::object);
    if (catcher.assign) {
        auto values = evalJsonataAssign(rt, thread, *catcher.assign, where + "/Assign", roots);
        if (!values.hasValue())
            return failJsonata(rt, thread, values.error());
        assigned = std::move(values).value();
    }
    Json output = errorOutput;
    if (catcher.output) {
        auto value = evalJsonata(rt, thread, *catcher.output, where + "/Output", roots);
        if (!value.hasValue())
            return failJsonata(rt, thread, value.error());
        output = std::move(value).value();
    }
    rt.exitState(thread, std::move(output), catcher.next, std::move(assigned));
}

} // namespace

bool errorMatches(const std::vector<std::string> &errorEquals, const std::string &errorName)
{
    if (errorName == "States.Runtime")
        return false;
    for (const std::string &name : errorEquals) {
        if (name == errorName || name == "States.ALL")
            return true;
        if (name == "States.TaskFailed" && errorName != "States.Timeout")
            return true;
    }
    return false;
}

std::int64_t retryDelayMs(const asl::Retrier &retrier, int attempt)
{
    const double interval = numberOr(retrier.intervalSeconds, 1);
    const double backoff = numberOr(retrier.backoffRate, 2.0);
    double seconds = interval * std::pow(backoff, attempt);
    if (retrier.maxDelaySeconds && retrier.maxDelaySeconds->is_number())
        seconds = std::min(seconds, retrier.maxDelaySeconds->get<double>());
    return static_cast<std::int64_t>(std::llround(seconds * 1000.0));
}

void handleStateError(ExecutionImpl &rt, Thread &thread,
                      const std::optional<std::vector<asl::Retrier>> &retriers,
                      const std::optional<std::vector<asl::Catcher>> &catchers,
                      StateError failure, const std::function<void()> &beforeFinal)
{
    const std::string errorName = failure.error.value_or(std::string());
    if (!failure.fatal && retriers && scheduleRetry(rt, thread, *retriers, errorName))
        return;
    if (beforeFinal)
        beforeFinal();
    if (failure.fatal) {
        rt.failThread(thread, std::move(failure));
        return;
    }
    if (catchers) {
        for (std::size_t index = 0; index < catchers->size(); ++index) {
            const asl::Catcher &catcher = (*catchers)[index];
            if (!errorMatches(catcher.errorEquals, errorName))
                continue;
            const Json errorOutput = failure.toJson();
            if (isJsonata(rt, thread))
                return catchJsonata(rt, thread, catcher, index, errorOutput);
            Json assigned = Json(Json::value_t::object);
            if (catcher.assign) {
                auto values = evalAssign(rt, thread, *catcher.assign,
                                         rootsOf(thread, errorOutput));
                if (!values.hasValue()) {
                    rt.failThread(thread, values.error());
                    return;
                }
                assigned = std::move(values).value();
            }
            // The output's text from the Entered text and the error output's; the raw input
            // is merged into in place, as nothing reads it after the catch.
            const bool splices = splicesResult(rt, thread, catcher.resultPath);
            const std::string errorText = splices && !catcher.resultPath.isNull()
                                            ? compact(errorOutput)
                                            : std::string();
            auto output = applyResultPath(rt, thread, catcher.resultPath,
                                          std::move(thread.rawInput), errorOutput);
            if (!output.hasValue()) {
                rt.failThread(thread, output.error());
                return;
            }
            MemberIndex outputIndex;
            std::string outputText =
                splices ? resultPathText(rt, thread, catcher.resultPath, errorText, outputIndex)
                        : std::string();
            rt.exitState(thread, std::move(output).value(), catcher.next, std::move(assigned),
                         std::move(outputText), std::move(outputIndex));
            return;
        }
    }
    rt.failThread(thread, std::move(failure));
}

} // namespace stepwise::engine
