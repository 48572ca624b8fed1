#pragma once
// One struct per ASL state type (ASL spec §1.5 field matrix). Fields hold what was written:
// numbers and JSONata-capable values stay JSON (`1` and `1.0` both survive, and a JSONata
// `{% ... %}` string can stand where a number goes); templates stay JSON. Unknown fields and
// known fields of the wrong JSON type live in `meta.extras`, so nothing is ever dropped.
#include "core/asl/ChoiceRule.h"
#include "core/asl/ErrorHandling.h"
#include "core/asl/ObjectMeta.h"
#include "core/asl/PathField.h"
#include "core/common/Box.h"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace stepwise::asl {

struct StateMachine;

enum class QueryLanguage { JSONPath, JSONata };
enum class StateType { Pass, Task, Choice, Wait, Succeed, Fail, Parallel, Map };

// Fields every state may carry; which ones a type accepts is the validator's business.
struct StateCommon
{
    std::string name; // the key under "States"
    std::string type; // "Type" exactly as written (may be invalid in a broken file)
    std::optional<std::string> comment;
    std::optional<std::string> queryLanguage; // "JSONPath" | "JSONata" as written
    std::optional<std::string> next;
    std::optional<bool> end;
    PathField inputPath;
    PathField outputPath;
    std::optional<Json> output; // JSONata
    std::optional<Json> assign;
    ObjectMeta meta;
};

struct PassState : StateCommon
{
    std::optional<Json> parameters;
    std::optional<Json> result;
    PathField resultPath;
};

struct TaskState : StateCommon
{
    std::string resource;
    std::optional<Json> parameters;     // JSONPath
    std::optional<Json> arguments;      // JSONata
    std::optional<Json> resultSelector;
    PathField resultPath;
    std::optional<Json> credentials;
    std::optional<Json> timeoutSeconds; // integer, or a JSONata expression
    std::optional<std::string> timeoutSecondsPath;
    std::optional<Json> heartbeatSeconds;
    std::optional<std::string> heartbeatSecondsPath;
    std::optional<std::vector<Retrier>> retry;
    std::optional<std::vector<Catcher>> catchers;
};

struct ChoiceState : StateCommon
{
    std::optional<std::vector<ChoiceRule>> choices;
    std::optional<std::string> defaultNext; // "Default"
};

struct WaitState : StateCommon
{
    std::optional<Json> seconds;   // integer, or a JSONata expression
    std::optional<Json> timestamp; // RFC 3339 string, or a JSONata expression
    std::optional<std::string> secondsPath;
    std::optional<std::string> timestampPath;
};

struct SucceedState : StateCommon
{
};

struct FailState : StateCommon
{
    std::optional<Json> error; // string, or a JSONata expression
    std::optional<Json> cause;
    std::optional<std::string> errorPath; // reference path or intrinsic call
    std::optional<std::string> causePath;
};

struct ParallelState : StateCommon
{
    std::optional<std::vector<StateMachine>> branches;
    std::optional<Json> parameters;
    std::optional<Json> arguments;
    std::optional<Json> resultSelector;
    PathField resultPath;
    std::optional<std::vector<Retrier>> retry;
    std::optional<std::vector<Catcher>> catchers;
};

struct MapState : StateCommon
{
    // The nested machine; `legacyIterator` says it was written as "Iterator" (no ProcessorConfig).
    std::optional<Box<StateMachine>> itemProcessor;
    bool legacyIterator = false;
    PathField itemsPath;             // JSONPath
    std::optional<Json> items;       // JSONata
    std::optional<Json> itemSelector;
    std::optional<Json> parameters;  // deprecated alias of ItemSelector
    std::optional<Json> maxConcurrency;
    std::optional<std::string> maxConcurrencyPath;
    std::optional<Json> itemReader;
    std::optional<Json> itemBatcher;
    std::optional<Json> resultWriter;
    std::optional<std::string> label;
    std::optional<Json> toleratedFailureCount;
    std::optional<std::string> toleratedFailureCountPath;
    std::optional<Json> toleratedFailurePercentage;
    std::optional<std::string> toleratedFailurePercentagePath;
    std::optional<Json> resultSelector;
    PathField resultPath;
    std::optional<std::vector<Retrier>> retry;
    std::optional<std::vector<Catcher>> catchers;
};

using State = std::variant<PassState, TaskState, ChoiceState, WaitState, SucceedState, FailState,
                           ParallelState, MapState>;

} // namespace stepwise::asl
