// Options and preparation shared by `stepwise-cli run` and `stepwise-cli bench`.
#include "app/cli/RunSetup.h"

#include "app/cli/CliSupport.h"
#include "core/asl/Parser.h"
#include "core/asl/Validator.h"
#include "core/engine/handlers/LocalCommandHandler.h"
#include "core/engine/handlers/MockConfigHandler.h"

#include <charconv>
#include <chrono>
#include <filesystem>
#include <iostream>

namespace stepwise::cli {
namespace {

const char *commandName(RunFlavour flavour)
{
    return flavour == RunFlavour::Run ? "run" : "bench";
}

// Applies one option that takes a value; false when `option` is not one of them.
bool applyValueOption(RunOptions &out, const std::string &option, const std::string &value,
                      RunFlavour flavour)
{
    if (option == "--input")
        out.inputFile = value;
    else if (option == "--mock-config")
        out.mockConfig = value;
    else if (option == "--test-case")
        out.testCase = value;
    else if (option == "--state-machine")
        out.stateMachine = value;
    else if (option == "--handlers")
        out.handlersFile = value;
    else if (option == "--type")
        out.express = value == "EXPRESS";
    else if (flavour == RunFlavour::Run && option == "--history")
        out.historyOut = value;
    else if (flavour == RunFlavour::Run && option == "--name")
        out.executionName = value;
    else if (flavour == RunFlavour::Run && option == "--clock")
        out.clock = value == "real" ? engine::ClockMode::Real : engine::ClockMode::Virtual;
    else if (flavour == RunFlavour::Bench && option == "--repeat")
        std::from_chars(value.data(), value.data() + value.size(), out.repeat);
    else
        return false;
    return true;
}

std::optional<std::string> checkValue(const std::string &option, const std::string &value)
{
    if (option == "--type" && value != "STANDARD" && value != "EXPRESS")
        return "--type must be STANDARD or EXPRESS, not '" + value + "'";
    if (option == "--clock" && value != "virtual" && value != "real")
        return "--clock must be virtual or real, not '" + value + "'";
    if (option == "--repeat") {
        int n = 0;
        const auto [end, code] = std::from_chars(value.data(), value.data() + value.size(), n);
        if (code != std::errc() || end != value.data() + value.size() || n < 1)
            return "--repeat needs a positive whole number, not '" + value + "'";
    }
    return std::nullopt;
}

std::optional<std::string> checkCombination(const RunOptions &out)
{
    if (out.file.empty())
        return "a definition FILE is required";
    if (out.mockConfig.empty() != out.testCase.empty())
        return "--mock-config and --test-case go together";
    if (!out.stateMachine.empty() && out.mockConfig.empty())
        return "--state-machine needs --mock-config";
    return std::nullopt;
}

// The state machine's name: --state-machine, else the file name without .asl.json / .json.
std::string machineName(const RunOptions &options)
{
    if (!options.stateMachine.empty())
        return options.stateMachine;
    std::string name = std::filesystem::path(options.file).filename().string();
    for (const std::string suffix : {".asl.json", ".asl.yaml", ".asl.yml", ".json", ".yaml", ".yml"}) {
        if (name.size() > suffix.size() && name.ends_with(suffix))
            return name.substr(0, name.size() - suffix.size());
    }
    return name;
}

std::optional<std::string> readText(const std::string &path, std::string &text)
{
    std::string error;
    auto content = readFile(path, error);
    if (!content)
        return error;
    text = std::move(*content);
    return std::nullopt;
}

} // namespace

std::variant<RunOptions, int> parseRunOptions(const Args &args, RunFlavour flavour,
                                              const char *helpText)
{
    RunOptions out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        if (isHelpFlag(arg)) {
            std::cout << helpText;
            return 0;
        }
        if (arg.size() > 2 && arg.starts_with("--")) {
            if (i + 1 >= args.size())
                return usageError(commandName(flavour), arg + " needs a value");
            const std::string &value = args[++i];
            if (auto problem = checkValue(arg, value))
                return usageError(commandName(flavour), *problem);
            if (!applyValueOption(out, arg, value, flavour))
                return usageError(commandName(flavour), "unknown option '" + arg + "'");
        } else if (out.file.empty()) {
            out.file = arg;
        } else {
            return usageError(commandName(flavour), "only one FILE may be given");
        }
    }
    if (auto problem = checkCombination(out))
        return usageError(commandName(flavour), *problem);
    return out;
}

std::variant<PreparedRun, Rejection, SetupError> prepareRun(const RunOptions &options)
{
    std::string definition;
    if (auto error = readText(options.file, definition))
        return SetupError{*error};
    asl::ValidationOptions validation;
    validation.machineType = options.express ? asl::MachineType::Express : asl::MachineType::Standard;
    const auto diagnostics = asl::validateText(definition, validation);
    if (hasErrors(diagnostics))
        return Rejection{"InvalidDefinition", asl::invalidDefinitionMessage(diagnostics)};
    auto machine = asl::parse(definition);
    if (!machine)
        return Rejection{"InvalidDefinition", machine.error().message};

    std::string inputText = "{}";
    if (!options.inputFile.empty()) {
        if (auto error = readText(options.inputFile, inputText))
            return SetupError{*error};
    }
    // StartExecution's length constraint comes before any parsing, as AWS's API validation does.
    if (inputText.size() > kMaxExecutionInputBytes)
        return Rejection{"InvalidExecutionInput",
                         "1 validation error detected: Value at 'input' failed to satisfy "
                         "constraint: Member must have length less than or equal to " +
                             std::to_string(kMaxExecutionInputBytes)};
    if (auto problem = executionInputError(inputText))
        return Rejection{"InvalidExecutionInput",
                         "Invalid State Machine Execution Input: '" + *problem + "'"};

    PreparedRun run{std::move(machine.value()), Json::parse(inputText), {}};
    run.options.stateMachineName = machineName(options);
    run.options.executionName = options.executionName;
    run.options.express = options.express;
    run.options.clock = options.clock;
    run.options.inputText = inputText;
    run.options.startTimeMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                                  std::chrono::system_clock::now().time_since_epoch())
                                  .count();
    return run;
}

std::variant<std::vector<std::shared_ptr<engine::TaskHandler>>, SetupError>
makeHandlers(const RunOptions &options, const std::string &stateMachineName)
{
    std::vector<std::shared_ptr<engine::TaskHandler>> handlers;
    std::string text;
    if (!options.mockConfig.empty()) {
        if (auto error = readText(options.mockConfig, text))
            return SetupError{*error};
        auto config = engine::MockConfig::parse(text);
        if (!config)
            return SetupError{options.mockConfig + ": " + config.error().message +
                              (config.error().pointer.empty() ? "" : " at " + config.error().pointer)};
        auto handler = engine::MockConfigHandler::create(
            std::make_shared<const engine::MockConfig>(std::move(config.value())),
            stateMachineName, options.testCase);
        if (!handler)
            return SetupError{options.mockConfig + ": " + handler.error().message};
        handlers.push_back(handler.value());
    }
    if (!options.handlersFile.empty()) {
        if (auto error = readText(options.handlersFile, text))
            return SetupError{*error};
        const auto base = std::filesystem::absolute(options.handlersFile).parent_path().string();
        auto bindings = engine::LocalBindings::parse(text, base);
        if (!bindings)
            return SetupError{options.handlersFile + ": " + bindings.error().message +
                              (bindings.error().pointer.empty() ? "" : " at " + bindings.error().pointer)};
        handlers.push_back(std::make_shared<engine::LocalCommandHandler>(std::move(bindings.value())));
    }
    return handlers;
}

Json rejectionJson(const Rejection &rejection)
{
    Json out = Json::object();
    out["status"] = "REJECTED";
    out["error"] = rejection.error;
    out["cause"] = rejection.cause;
    return out;
}

} // namespace stepwise::cli
