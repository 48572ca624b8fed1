// stepwise-cli: validate, export, run and benchmark state machines without a GUI.
#include "app/cli/CliSupport.h"
#include "app/cli/Commands.h"

#include <iostream>

namespace stepwise::cli {

const std::vector<Command> &commands()
{
    static const std::vector<Command> table = {
        {"validate", "check a definition as strictly as AWS does", validateCommand},
        {"export", "write a definition as JSON, YAML, a SAM/CloudFormation template or an aws CLI command", exportCommand},
        {"import", "read the state machine out of a SAM, CloudFormation or Serverless template", importCommand},
        {"run", "run a state machine locally and print its outcome", runCommand},
        {"bench", "time repeated executions of a state machine", benchCommand},
        {"jsonata", "evaluate a JSONata expression against a JSON input", jsonataCommand},
    };
    return table;
}

} // namespace stepwise::cli

namespace {

void printHelp()
{
    std::cout << "Usage: stepwise-cli COMMAND [ARGS...]\n\n"
                 "Stepwise runs AWS Step Functions state machines locally.\n\nCommands:\n";
    for (const auto &command : stepwise::cli::commands())
        std::cout << "  " << command.name << std::string(10 - std::string(command.name).size(), ' ')
                  << command.summary << "\n";
    std::cout << "\nRun 'stepwise-cli COMMAND --help' for a command's options.\n";
}

} // namespace

int main(int argc, char **argv)
{
    std::ios::sync_with_stdio(false);
    if (argc < 2) {
        printHelp();
        return 2;
    }
    const std::string name = argv[1];
    if (stepwise::cli::isHelpFlag(name) || name == "help") {
        printHelp();
        return 0;
    }
    for (const auto &command : stepwise::cli::commands()) {
        if (name == command.name)
            return command.run(stepwise::cli::Args(argv + 2, argv + argc));
    }
    std::cerr << "stepwise-cli: unknown command '" << name << "'\n";
    printHelp();
    return 2;
}
