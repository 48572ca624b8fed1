#pragma once
// What `run` and `bench` share: their options, and turning files into a ready execution
// (definition checked as CreateStateMachine does, input as StartExecution does, handlers built).
#include "app/cli/Commands.h"
#include "core/asl/StateMachine.h"
#include "core/common/Json.h"
#include "core/engine/Execution.h"

#include <optional>
#include <string>
#include <variant>

namespace stepwise::cli {

struct RunOptions
{
    std::string file;
    std::string inputFile; // "" = the input {}
    bool express = false;
    std::string mockConfig;
    std::string testCase;
    std::string stateMachine;
    std::string handlersFile;
    std::string historyOut;
    std::string executionName;
    engine::ClockMode clock = engine::ClockMode::Virtual;
    int repeat = 10;
};

enum class RunFlavour { Run, Bench };

// Parses the command line; on a wrong call prints the usage error and returns its exit code.
// `helpText` is printed for --help (exit 0).
std::variant<RunOptions, int> parseRunOptions(const Args &args, RunFlavour flavour,
                                              const char *helpText);

// A definition or input that AWS would refuse at CreateStateMachine / StartExecution.
struct Rejection
{
    std::string error; // "InvalidDefinition" | "InvalidExecutionInput"
    std::string cause;
};

// A problem with the call itself (unreadable file, bad mock config, ...): exit 2.
struct SetupError
{
    std::string message;
};

struct PreparedRun
{
    asl::StateMachine machine;
    Json input;
    engine::ExecutionOptions options; // without handlers
};

std::variant<PreparedRun, Rejection, SetupError> prepareRun(const RunOptions &options);

// Fresh handlers (mock counters start at zero) for one execution.
std::variant<std::vector<std::shared_ptr<engine::TaskHandler>>, SetupError>
makeHandlers(const RunOptions &options, const std::string &stateMachineName);

// StartExecution's limit on the input text: 256 KiB (spec §8.4 quotas).
inline constexpr std::size_t kMaxExecutionInputBytes = 262144;

// StartExecution's check of the input text (Jackson's wording, as AWS reports it); nullopt when
// the text is acceptable JSON.
std::optional<std::string> executionInputError(const std::string &text);

// {"status":"REJECTED","error":...,"cause":...}
Json rejectionJson(const Rejection &rejection);

} // namespace stepwise::cli
