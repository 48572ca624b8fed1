#pragma once
// Engine internals shared by the executors: the run's threads of control (top level, Parallel
// branches, Map iterations), variable scopes (spec §4.3), event emission (spec §9) and caches of
// compiled paths and intrinsic calls. Not part of the public API.
#include "core/asl/StateMachine.h"
#include "core/engine/Execution.h"
#include "core/engine/MachinePlan.h"
#include "core/engine/MemberIndex.h"
#include "core/intrinsics/Expression.h"
#include "core/jsonata/Jsonata.h"
#include "core/jsonpath/Path.h"

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace stepwise::engine {

// An ASL runtime error value (spec §7.4). `fatal` marks States.Runtime-like failures that are
// never retried or caught (spec §2.6).
struct StateError
{
    std::optional<std::string> error;
    std::optional<std::string> cause;
    bool fatal = false;
    // JSONata evaluation failures (spec §3.6) are recorded as an EvaluationFailed event first;
    // `location` is the field path it names ("Output/a"), empty when AWS names none.
    bool evaluationFailed = false;
    std::string location{};

    Json toJson() const; // {"Error": ..., "Cause": ...}, null for an absent member
};

template <typename T>
using Eval = Result<T, StateError>;

// One `States` scope instance's variables; lookups fall through to the enclosing scope.
struct Scope
{
    Json vars = Json(Json::value_t::object);
    std::shared_ptr<Scope> parent;
    std::unordered_map<std::string, std::size_t> sizes; // serialized size of each variable
    std::size_t bytes = 0;                              // their sum

    const Json *find(const std::string &name) const;
    bool empty() const;
    Json visible() const; // every readable variable, inner names shadowing outer ones
};

// Bookkeeping of a Parallel or inline Map state while its branches / iterations run.
struct ContainerRun
{
    std::vector<std::size_t> children;   // thread indexes, by branch / item order
    std::vector<Json> results;           // by branch / item order
    std::vector<Json> itemInputs;        // Map: the iteration inputs not yet started
    std::size_t nextItem = 0;
    std::size_t running = 0;
    std::size_t finished = 0;
    std::size_t maxConcurrency = 0;      // 0 = unlimited
    std::optional<StateError> failure;   // first failure
    std::int64_t failureEventId = 0;     // the failing inner event
    std::int64_t lastFinishedEventId = 0;
    // Redrive (spec §13.2): threads of unfinished iterations to resume before new items start,
    // from resumeNext on (a vector: a std::deque allocates even when empty, in every Map visit).
    std::vector<std::size_t> resumeThreads;
    std::size_t resumeNext = 0;
    // DISTRIBUTED Map: its Map Run, which child executions succeeded, and its redrive count.
    std::string mapRunArn;
    std::vector<bool> childSucceeded;
    int mapRunRedriveCount = 0;
};

// A thread of control: the top-level machine, one Parallel branch or one Map iteration.
struct Thread
{
    std::size_t index = 0;
    const asl::StateMachine *machine = nullptr;
    std::string scope;                   // "" or "Par/0", "Map/3", nested with '/'
    std::shared_ptr<Scope> vars;
    std::optional<std::size_t> parent;   // the container's thread
    std::size_t slot = 0;                // branch / item index in the parent

    enum class Status { Running, Succeeded, Failed, Aborted };
    Status status = Status::Running;
    Json result;                         // when Succeeded
    StateError error;                    // when Failed
    std::int64_t lastEventId = 0;

    // The next state to enter (entered on the thread's next advance).
    std::optional<std::string> pendingState;
    Json pendingInput;
    std::string pendingInputText; // its text when already known (else empty)
    bool pendingInputTextCompact = true; // false: a verbatim caller text, re-shown by a redrive
    MemberIndex pendingInputIndex; // members of pendingInputText, as far as a splice read them

    // The current state visit.
    const asl::State *state = nullptr;
    std::int64_t enteredTimeMs = 0;
    Json rawInput;
    bool inputTextCompact = false; // the Entered event's input text is compact(rawInput)
    MemberIndex inputIndex;        // members of enteredInputText(), as far as a splice read them
    std::string_view enteredText;  // the Entered event's input text (in the history)
    std::string compactInputText;  // compact(rawInput) when that text is not compact, else empty
    Json effectiveInput;
    const ExecutionImpl *runtime = nullptr;
    mutable std::optional<Json> contextCache; // built on first use per visit / attempt
    std::int64_t enteredEventId = 0;
    int phase = 0;                       // executor-specific step within the visit
    std::int64_t wakeAtMs = 0;           // runnable once the clock reaches it
    bool waitingChildren = false;
    int retryCount = 0;
    std::vector<int> retrierCounts;
    ContainerRun container;
    // Redrive (spec §13.2): the failed visit's branches / iterations, consumed when the redriven
    // Parallel or Map starts so that only unsuccessful ones run again.
    std::optional<ContainerRun> redrivenRun;

    // The context object as this state sees it (spec §2.5), built lazily: most states never
    // read it, and it holds a copy of the execution input.
    const Json &context() const;
    void invalidateContext() { contextCache.reset(); }

    bool isRunnable(std::int64_t nowMs) const
    {
        return status == Status::Running && !waitingChildren && wakeAtMs <= nowMs;
    }
};

struct ExecutionImpl
{
    ExecutionImpl(std::shared_ptr<const MachinePlan> plan, Json input, ExecutionOptions options);

    std::shared_ptr<const MachinePlan> plan; // shared by every execution of the machine
    const asl::StateMachine &machine;        // plan->machine()
    Json input;
    ExecutionOptions options;
    std::unique_ptr<Clock> clock;
    std::mt19937_64 random;
    ExecutionHistory history;
    ExecutionStatus status = ExecutionStatus::Running;
    Json output;
    std::optional<std::string> error;
    std::optional<std::string> cause;
    std::size_t transitions = 0;
    std::string executionName;
    std::string executionArn;
    std::string stateMachineArn;
    std::string roleArn;
    std::string startTimeText;
    std::optional<std::int64_t> deadlineMs;
    std::vector<std::unique_ptr<Thread>> threads;

    // --- events (spec §9) ---
    std::int64_t emit(Thread *thread, EventName type, EventName detailsKey = {},
                      Json &&details = Json(), std::optional<std::int64_t> previous = {});
    std::int64_t emitExecution(EventName type, EventName detailsKey, Json details,
                               std::int64_t previous);
    bool finished() const { return status != ExecutionStatus::Running; }

    // --- compiled caches ---
    const jsonpath::Path *path(const std::string &text, std::string *syntaxError = nullptr);
    // A field's path: from the plan by the field's address (no text compared or hashed), else
    // by its text.
    const jsonpath::Path *path(const asl::PathField &field, std::string *syntaxError = nullptr);
    const intrinsics::Expression *intrinsic(const std::string &text,
                                            std::string *syntaxError = nullptr);
    std::uint64_t nextRandom() { return random(); }
    // The state named `name` in `machine` (a branch or item processor too), by a per-machine
    // index built on first use: StateMachine::find scans, and long chains enter a state per step.
    // `previous` (a state of `machine`, or nullptr) is the state left: the one written after it
    // is the usual Next and is checked first.
    const asl::State *findState(const asl::StateMachine &machine, const std::string &name,
                                const asl::State *previous = nullptr);
    // A payload template object's `.$` fields (MachinePlan.h), from the plan or computed once
    // per execution for a template the plan does not hold.
    const DollarFields &dollarFields(const Json &templateObject);
    // A payload template's `.$` values wait here for their output order, as a stack: a nested
    // template pushes its own above them and pops them before its parent goes on.
    std::vector<Json> templateValues;
    // JSONata expressions compile once per execution, keyed by their text (spec §3.1).
    const jsonata::Expression *jsonata(const std::string &text, jsonata::Error *syntaxError);
    // The bindings every JSONata evaluation starts from: AWS functions, limits (spec §3.4, §3.5).
    jsonata::Bindings &jsonataBindings();

    // --- helpers shared by the executors ---
    StateError runtimeError(const Thread &thread, const std::string &text) const;
    void fail(Thread &thread, StateError failure) { failThread(thread, std::move(failure)); }
    std::string uuid();
    Json makeContext(const Thread &thread) const;

    // --- threads and transitions ---
    Thread &spawn(const asl::StateMachine &nested, std::string scopeName, Json threadInput,
                  std::shared_ptr<Scope> parentScope, std::size_t parentIndex, std::size_t slot);
    void enterState(Thread &thread, const std::string &name, Json &&stateInput,
                    std::int64_t previous);
    // Emits <Type>StateExited, applies `assigned`, then moves to `next` or ends the thread.
    // `outputText` is the output's compact text when the caller already has it (else empty),
    // `outputIndex` what is known of that text's members (MemberIndex.h).
    void exitState(Thread &thread, Json &&stateOutput, const std::optional<std::string> &next,
                   Json &&assigned, std::string outputText = {}, MemberIndex outputIndex = {});
    // exitState with the thread's raw input as the output, moved instead of copied once the
    // exit is recorded (when it fails, a redrive re-enters the state with that input).
    void exitWithRawInput(Thread &thread, const std::optional<std::string> &next, Json assigned,
                          std::string outputText = {}, MemberIndex outputIndex = {});
    // The compact text of the thread's raw input: its Entered event's text, or when that event
    // holds the caller's verbatim execution input, a compact print of it made at entry.
    std::string_view enteredInputText(const Thread &thread) const;
    // ResultPath's member names as compact() prints them ("\"a\"", quotes included), for
    // spliceMember; nullptr when the path has other steps. Cached per path.
    const std::vector<std::string> *escapedMembers(const jsonpath::Path &path);
    // Spec §4.4, §4.5: checks the size limits, stores the values in the thread's scope and
    // returns their texts for assignedVariables; an error when a limit is exceeded.
    Eval<Json> assignVariables(Thread &thread, Json assigned);
    // A branch / iteration scope ends: its variables no longer count against the limit.
    void releaseScope(Thread &thread);
    std::size_t variableBytes = 0; // all live variables of the execution (spec §4.4)
    void failThread(Thread &thread, StateError failure);
    void finishThread(Thread &thread);
    void abortThread(Thread &thread);
    void advance(Thread &thread);
    bool stepOnce();
    void abortExecution(std::optional<std::string> abortError,
                        std::optional<std::string> abortCause);
    // Spec §8.3: running states get ...StateAborted, then ExecutionTimedOut (status TIMED_OUT).
    void timeOutExecution();
    // Indexes of running threads, in creation order. A deque: stepOnce drops ended threads
    // from the front, and a vector would shift a whole 4,000-iteration Map at each step.
    std::deque<std::size_t> live;
    bool firstStateEntered = false;
    int redriveCount = 0;        // spec §13.2: $$.Execution.RedriveCount
    std::string redriveTimeText; // $$.Execution.RedriveTime, set by the last redrive

private:
    // exitState's two halves: the Exited event (false when the exit fails the thread instead),
    // then the move to `next` or the end of the thread.
    bool recordExit(Thread &thread, const Json &stateOutput, const std::optional<std::string> &next,
                    Json &&assigned, std::string &outputText);
    void continueAfterExit(Thread &thread, Json &&stateOutput,
                           const std::optional<std::string> &next, std::string outputText,
                           MemberIndex outputIndex);

    std::unordered_map<std::string, std::unique_ptr<jsonpath::Path>> m_paths;
    std::unordered_map<std::string, std::unique_ptr<intrinsics::Expression>> m_intrinsics;
    std::unordered_map<std::string, std::string> m_pathErrors;
    std::unordered_map<std::string, Result<jsonata::Expression, jsonata::Error>> m_jsonata;
    std::unique_ptr<jsonata::Bindings> m_jsonataBindings;
    std::unordered_map<const asl::StateMachine *,
                       std::unordered_map<std::string_view, const asl::State *>>
        m_stateIndex;
    std::unordered_map<const Json *, DollarFields> m_dollarFields;
    std::unordered_map<const jsonpath::Path *, std::optional<std::vector<std::string>>>
        m_escapedMembers;
};

// Executors, one per state type (Executors*.cpp). Each advances the thread's current visit.
void runPass(ExecutionImpl &rt, Thread &thread, const asl::PassState &state);
void runTask(ExecutionImpl &rt, Thread &thread, const asl::TaskState &state);
void runChoice(ExecutionImpl &rt, Thread &thread, const asl::ChoiceState &state);
void runWait(ExecutionImpl &rt, Thread &thread, const asl::WaitState &state);
void runSucceed(ExecutionImpl &rt, Thread &thread, const asl::SucceedState &state);
void runFail(ExecutionImpl &rt, Thread &thread, const asl::FailState &state);
void runParallel(ExecutionImpl &rt, Thread &thread, const asl::ParallelState &state);
void runMap(ExecutionImpl &rt, Thread &thread, const asl::MapState &state);
// A branch / iteration of `container` ended (succeeded or failed).
void parallelChildFinished(ExecutionImpl &rt, Thread &container, Thread &child);
void mapChildFinished(ExecutionImpl &rt, Thread &container, Thread &child);

// Where a state goes after it succeeds: its Next, or nowhere (End, or a terminal state).
inline std::optional<std::string> nextOf(const asl::StateCommon &state)
{
    if (state.end.value_or(false))
        return std::nullopt;
    return state.next;
}


} // namespace stepwise::engine
