// State entry/exit, thread completion and failure propagation (ASL spec §9.3, §9.4), and the
// context object each state sees (spec §2.5).
#include "core/engine/DataFlow.h"
#include "core/engine/EventDetails.h"

#include <array>
#include <cassert>
#include <iterator>
#include <type_traits>
#include <variant>

namespace stepwise::engine {
namespace {

enum class Phase { Entered, Exited, Aborted };

// "PassStateEntered", "MapStateAborted", ...: interned once, as two of them are emitted per visit.
const EventName &stateEventType(const asl::State &state, Phase phase)
{
    static const auto names = [] {
        constexpr asl::StateType types[] = {
            asl::StateType::Pass,    asl::StateType::Task, asl::StateType::Choice,
            asl::StateType::Wait,    asl::StateType::Succeed, asl::StateType::Fail,
            asl::StateType::Parallel, asl::StateType::Map};
        std::array<std::array<EventName, 3>, std::size(types)> table;
        for (const asl::StateType type : types) {
            const std::string name = asl::typeName(type);
            table[static_cast<std::size_t>(type)] = {EventName(name + "StateEntered"),
                                                     EventName(name + "StateExited"),
                                                     EventName(name + "StateAborted")};
        }
        return table;
    }();
    return names[static_cast<std::size_t>(asl::stateType(state))][static_cast<std::size_t>(phase)];
}

const EventName stateEnteredKey("stateEnteredEventDetails");
const EventName stateExitedKey("stateExitedEventDetails");

// Whether the visit may reuse its input's compact text: a ResultPath (or a Catch's) merging into
// the input splices it, a Choice passes it on, a Task without Parameters sends it as it is.
bool reusesInputText(const asl::State &state)
{
    return std::visit(
        [](const auto &typed) {
            using T = std::decay_t<decltype(typed)>;
            if constexpr (std::is_same_v<T, asl::ChoiceState>) {
                return true;
            } else if constexpr (std::is_same_v<T, asl::PassState>) {
                return !typed.resultPath.isAbsent();
            } else if constexpr (std::is_same_v<T, asl::TaskState>
                                 || std::is_same_v<T, asl::ParallelState>
                                 || std::is_same_v<T, asl::MapState>) {
                if (!typed.resultPath.isAbsent())
                    return true;
                if (typed.catchers)
                    for (const asl::Catcher &catcher : *typed.catchers)
                        if (!catcher.resultPath.isAbsent())
                            return true;
                if constexpr (std::is_same_v<T, asl::TaskState>)
                    return !typed.parameters.has_value();
                return false;
            } else {
                return false;
            }
        },
        state);
}

bool canRetry(const asl::State &state)
{
    const auto type = asl::stateType(state);
    return type == asl::StateType::Task || type == asl::StateType::Parallel
        || type == asl::StateType::Map;
}

bool isAbortable(const asl::State &state)
{
    return canRetry(state) || asl::stateType(state) == asl::StateType::Wait;
}

} // namespace

const Json &Thread::context() const
{
    if (!contextCache)
        contextCache = runtime->makeContext(*this);
    return *contextCache;
}

// Spec §2.5: key order as AWS prints the context object.
Json ExecutionImpl::makeContext(const Thread &thread) const
{
    Json execution = Json(Json::value_t::object);
    execution["Id"] = executionArn;
    execution["Input"] = input;
    execution["StartTime"] = startTimeText;
    execution["Name"] = executionName;
    execution["RoleArn"] = roleArn;
    if (!options.express) { // recorded: EXPRESS executions cannot be redriven and show none
        execution["RedriveCount"] = redriveCount;
        if (redriveCount > 0)
            execution["RedriveTime"] = redriveTimeText; // spec §13.2
    }
    Json context = Json(Json::value_t::object);
    context["Execution"] = std::move(execution);
    context["StateMachine"] = Json{{"Id", stateMachineArn}, {"Name", options.stateMachineName}};
    Json stateInfo = Json(Json::value_t::object);
    if (thread.state) {
        stateInfo["Name"] = asl::common(*thread.state).name;
        stateInfo["EnteredTime"] = formatIsoTime(thread.enteredTimeMs);
        if (canRetry(*thread.state))
            stateInfo["RetryCount"] = thread.retryCount;
    }
    context["State"] = std::move(stateInfo);
    return context;
}

void ExecutionImpl::enterState(Thread &thread, const std::string &name, Json &&stateInput,
                               std::int64_t previous)
{
    const asl::State *state = findState(*thread.machine, name, thread.state);
    if (!state) {
        thread.state = nullptr;
        failThread(thread, StateError{"States.Runtime",
                                      "The state machine has no state named '" + name + "'.",
                                      true});
        return;
    }
    thread.rawInput = std::move(stateInput);
    thread.effectiveInput = nullptr;
    thread.enteredTimeMs = clock->nowMs();
    thread.phase = 0;
    thread.wakeAtMs = 0;
    thread.waitingChildren = false;
    thread.retryCount = 0;
    thread.retrierCounts.clear();
    // Only Parallel and Map visits fill the container bookkeeping; skip the reset (which
    // allocates) after any other state.
    if (thread.state && asl::isContainer(*thread.state))
        thread.container = ContainerRun{};
    thread.state = state;
    thread.invalidateContext();
    std::string inputText;
    thread.inputTextCompact = true;
    thread.inputIndex.clear();
    if (!firstStateEntered && thread.index == 0 && !options.inputText.empty()) {
        inputText = options.inputText;
        thread.inputTextCompact = false;
    } else if (!thread.pendingInputText.empty()) {
        inputText = std::move(thread.pendingInputText);
        thread.inputTextCompact = thread.pendingInputTextCompact;
        // What a splice learnt of the text's members holds as long as the text does.
        if (thread.inputTextCompact)
            thread.inputIndex = std::move(thread.pendingInputIndex);
    } else {
        inputText = compact(thread.rawInput);
    }
    // A verbatim caller text cannot be spliced; a compact one can, and costs one print of the
    // input where the exit would otherwise print the whole output.
    if (thread.inputTextCompact || !reusesInputText(*state))
        thread.compactInputText.clear();
    else
        thread.compactInputText = compact(thread.rawInput);
    thread.pendingInputText.clear();
    thread.pendingInputTextCompact = true;
    thread.pendingInputIndex.clear();
    firstStateEntered = true;
    Json details = detailsObject(3);
    addMember(details, "name", name);
    addMember(details, "input", std::move(inputText));
    // A Json string is held by pointer: the text stays where it is as the details move into the
    // history, which never changes an event once appended.
    const std::string &storedText =
        details.get_ref<const Json::object_t &>().back().second.get_ref<const std::string &>();
    addMember(details, "inputDetails", notTruncated());
    ++transitions;
    thread.enteredEventId = emit(&thread, stateEventType(*state, Phase::Entered), stateEnteredKey,
                                 std::move(details), previous);
    thread.enteredText = thread.enteredEventId != 0 ? std::string_view(storedText)
                                                    : std::string_view();
}

std::string_view ExecutionImpl::enteredInputText(const Thread &thread) const
{
    return thread.inputTextCompact ? thread.enteredText : std::string_view(thread.compactInputText);
}

void ExecutionImpl::exitState(Thread &thread, Json &&stateOutput,
                              const std::optional<std::string> &next, Json &&assigned,
                              std::string outputText, MemberIndex outputIndex)
{
    if (outputText.empty())
        outputIndex.clear(); // it described a text recordExit will not use
    if (recordExit(thread, stateOutput, next, std::move(assigned), outputText))
        continueAfterExit(thread, std::move(stateOutput), next, std::move(outputText),
                          std::move(outputIndex));
}

void ExecutionImpl::exitWithRawInput(Thread &thread, const std::optional<std::string> &next,
                                     Json assigned, std::string outputText,
                                     MemberIndex outputIndex)
{
    if (outputText.empty())
        outputIndex.clear();
    if (recordExit(thread, thread.rawInput, next, std::move(assigned), outputText))
        continueAfterExit(thread, std::move(thread.rawInput), next, std::move(outputText),
                          std::move(outputIndex));
}

bool ExecutionImpl::recordExit(Thread &thread, const Json &stateOutput,
                               const std::optional<std::string> &next, Json &&assigned,
                               std::string &outputText)
{
    if (outputText.empty())
        outputText = compact(stateOutput);
    assert(outputText == compact(stateOutput)); // a spliced text must match the full print
    if (outputText.size() > options.maxPayloadBytes) {
        // Spec §8.4: an over-size state output is terminal.
        failThread(thread, StateError{"States.DataLimitExceeded",
                                      "The state/task '" + asl::common(*thread.state).name
                                          + "' returned a result with a size exceeding the "
                                            "maximum number of bytes service limit.",
                                      true});
        return false;
    }
    const bool assigns = assigned.is_object() && !assigned.empty();
    Json details = detailsObject(assigns ? 5 : 3);
    addMember(details, "name", asl::common(*thread.state).name);
    // The next state's Entered event needs the text too; the last state's can give it away.
    addMember(details, "output", next ? outputText : std::move(outputText));
    addMember(details, "outputDetails", notTruncated());
    if (assigns) {
        auto texts = assignVariables(thread, std::move(assigned));
        if (!texts.hasValue()) {
            failThread(thread, texts.error());
            return false;
        }
        details["assignedVariables"] = std::move(texts).value();
        details["assignedVariablesDetails"] = notTruncated();
    }
    emit(&thread, stateEventType(*thread.state, Phase::Exited), stateExitedKey,
         std::move(details));
    return true;
}

void ExecutionImpl::continueAfterExit(Thread &thread, Json &&stateOutput,
                                      const std::optional<std::string> &next,
                                      std::string outputText, MemberIndex outputIndex)
{
    if (next) {
        thread.pendingState = *next;
        thread.pendingInput = std::move(stateOutput);
        thread.pendingInputText = std::move(outputText);
        thread.pendingInputIndex = std::move(outputIndex);
        return;
    }
    thread.result = std::move(stateOutput);
    finishThread(thread);
}

void ExecutionImpl::finishThread(Thread &thread)
{
    thread.status = Thread::Status::Succeeded;
    releaseScope(thread);
    if (thread.parent) {
        Thread &container = *threads[*thread.parent];
        if (asl::stateType(*container.state) == asl::StateType::Parallel)
            parallelChildFinished(*this, container, thread);
        else
            mapChildFinished(*this, container, thread);
        return;
    }
    output = thread.result;
    emitExecution("ExecutionSucceeded", "executionSucceededEventDetails",
                  Json{{"output", compact(output)}, {"outputDetails", {{"truncated", false}}}},
                  thread.lastEventId);
    status = ExecutionStatus::Succeeded;
}

void ExecutionImpl::failThread(Thread &thread, StateError failure)
{
    thread.status = Thread::Status::Failed;
    thread.error = std::move(failure);
    releaseScope(thread);
    if (thread.parent) {
        Thread &container = *threads[*thread.parent];
        if (asl::stateType(*container.state) == asl::StateType::Parallel)
            parallelChildFinished(*this, container, thread);
        else
            mapChildFinished(*this, container, thread);
        return;
    }
    if (finished())
        return;
    error = thread.error.error;
    cause = thread.error.cause;
    Json details = Json(Json::value_t::object);
    if (error)
        details["error"] = *error;
    if (cause)
        details["cause"] = *cause;
    emitExecution("ExecutionFailed", "executionFailedEventDetails", std::move(details),
                  thread.lastEventId);
    status = ExecutionStatus::Failed;
}

// Stops a thread and everything it started: running children first, then its own state
// (spec §9.3 "…StateAborted for states still running").
void ExecutionImpl::abortThread(Thread &thread)
{
    if (thread.status != Thread::Status::Running)
        return;
    for (std::size_t child : thread.container.children)
        abortThread(*threads[child]);
    thread.status = Thread::Status::Aborted;
    releaseScope(thread);
    if (thread.state && !thread.pendingState && isAbortable(*thread.state))
        emit(&thread, stateEventType(*thread.state, Phase::Aborted));
}

void ExecutionImpl::abortExecution(std::optional<std::string> abortError,
                                   std::optional<std::string> abortCause)
{
    if (finished())
        return;
    if (!threads.empty())
        abortThread(*threads.front());
    error = std::move(abortError);
    cause = std::move(abortCause);
    Json details = Json(Json::value_t::object);
    if (error)
        details["error"] = *error;
    if (cause)
        details["cause"] = *cause;
    emitExecution("ExecutionAborted", "executionAbortedEventDetails", std::move(details), 0);
    status = ExecutionStatus::Aborted;
}

void ExecutionImpl::timeOutExecution()
{
    if (finished())
        return;
    if (!threads.empty())
        abortThread(*threads.front());
    emitExecution("ExecutionTimedOut", "executionTimedOutEventDetails",
                  Json{{"error", "States.Timeout"}}, 0);
    status = ExecutionStatus::TimedOut;
}

} // namespace stepwise::engine
