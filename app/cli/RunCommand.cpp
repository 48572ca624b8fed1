// stepwise-cli run: one execution, its outcome as one JSON object on standard output.
#include "app/cli/CliSupport.h"
#include "app/cli/Commands.h"
#include "app/cli/RunSetup.h"

#include <iostream>

namespace stepwise::cli {
namespace {

constexpr const char *kHelp =
    "Usage: stepwise-cli run FILE [--input FILE|-] [--type STANDARD|EXPRESS]\n"
    "                        [--mock-config F --test-case NAME [--state-machine NAME]]\n"
    "                        [--handlers F] [--history OUT] [--name NAME] [--clock virtual|real]\n\n"
    "Runs a state machine (JSON or YAML) to the end, as AWS Step Functions would.\n"
    "Prints one JSON object: {\"status\":\"SUCCEEDED\",\"output\":...} or\n"
    "{\"status\":\"FAILED\"|\"TIMED_OUT\"|\"ABORTED\",\"error\":...,\"cause\":...}; a definition or\n"
    "input that AWS would refuse gives {\"status\":\"REJECTED\",\"error\":\"InvalidDefinition\"|\n"
    "\"InvalidExecutionInput\",\"cause\":...}.\n\n"
    "  --input F          execution input (JSON; '-' reads standard input); default {}\n"
    "  --type T           STANDARD (default) or EXPRESS\n"
    "  --mock-config F    AWS Step Functions Local MockConfigFile.json answering Task states\n"
    "  --test-case NAME   the test case to use from the mock config\n"
    "  --state-machine N  the mock config's state machine (default: FILE's name without\n"
    "                     .asl.json / .json)\n"
    "  --handlers F       bindings of Task resources / Lambda functions to local commands\n"
    "  --history OUT      write the event history ({\"events\": [...]}) to OUT\n"
    "  --name NAME        the execution name (default: a generated UUID)\n"
    "  --clock MODE       virtual (default: waits take no time) or real\n\n"
    "Exit status: 0 SUCCEEDED, 1 FAILED / TIMED_OUT / ABORTED, 2 REJECTED or a wrong call.\n";

Json outcomeJson(const engine::Execution &execution)
{
    Json out = Json::object();
    out["status"] = engine::statusName(execution.status());
    if (execution.status() == engine::ExecutionStatus::Succeeded) {
        out["output"] = execution.output();
        return out;
    }
    if (execution.error())
        out["error"] = *execution.error();
    if (execution.cause())
        out["cause"] = *execution.cause();
    return out;
}

int setupFailure(const SetupError &error)
{
    std::cerr << "stepwise-cli run: " << error.message << "\n";
    return 2;
}

} // namespace

int runCommand(const Args &args)
{
    auto parsed = parseRunOptions(args, RunFlavour::Run, kHelp);
    if (const int *code = std::get_if<int>(&parsed))
        return *code;
    const RunOptions &options = std::get<RunOptions>(parsed);
    auto prepared = prepareRun(options);
    if (const auto *rejection = std::get_if<Rejection>(&prepared)) {
        std::cout << rejectionJson(*rejection).dump() << "\n";
        return 2;
    }
    if (const auto *error = std::get_if<SetupError>(&prepared))
        return setupFailure(*error);
    PreparedRun &run = std::get<PreparedRun>(prepared);
    auto handlers = makeHandlers(options, run.options.stateMachineName);
    if (const auto *error = std::get_if<SetupError>(&handlers))
        return setupFailure(*error);
    run.options.handlers = std::move(std::get<0>(handlers));

    engine::Execution execution(std::move(run.machine), std::move(run.input), run.options);
    execution.runToEnd();
    if (!options.historyOut.empty()) {
        std::string error;
        if (!writeFile(options.historyOut, engine::historyToJson(execution.history()).dump(2) + "\n",
                       error))
            return setupFailure({error});
    }
    std::cout << outcomeJson(execution).dump() << "\n";
    return execution.status() == engine::ExecutionStatus::Succeeded ? 0 : 1;
}

} // namespace stepwise::cli
